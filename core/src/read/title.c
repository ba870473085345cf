/* Finds the headline among the first lines. */
#include "read/title.h"

#include <string.h>

/* A sentence stop inside the line (". " before a capital). */
static int has_inner_stop(const char *t, size_t s, size_t e) {
  for (size_t i = s + 1; i + 2 < e; i++)
    if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' &&
        t[i + 2] >= 'A' && t[i + 2] <= 'Z' && t[i - 1] >= 'a' && t[i - 1] <= 'z')
      return 1;
  return 0;
}

static int is_headline(const char *t, size_t s, size_t e, size_t max_words) {
  size_t words = pc_text_words(t, s, e);
  if (words == 0 || words > max_words || pc_text_width(t, s, e) > 160) return 0;
  int32_t last = pc_text_last_cp(t, s, e);
  if (last == '.' || last == ';' || last == ':' || last == 0x2026) return 0;
  if (pc_text_starts_lower(t, s, e) || has_inner_stop(t, s, e)) return 0;
  size_t n;
  int32_t first = pc_cp_at(t, s, e, &n);
  return pc_cp_is_upper(first) || (first >= '0' && first <= '9') || pc_cp_is_opener(first);
}

static size_t next_nonblank(const pc_line *lines, size_t n, size_t i) {
  while (i < n && lines[i].type == PC_LINE_BLANK) i++;
  return i;
}

size_t pc_title_mark(const char *t, pc_line *lines, size_t n, int markdown) {
  size_t i = 0;
  while (i < n && (lines[i].type == PC_LINE_BLANK || lines[i].type == PC_LINE_FRONT)) i++;
  if (i >= n) return 0;
  pc_line *l = &lines[i];
  if (markdown && l->type == PC_LINE_HEADING && l->text_end > l->text_start) {
    l->type = PC_LINE_TITLE;
    return i + 1;
  }
  if (l->type != PC_LINE_TEXT || l->body_start != l->text_start) return 0;
  if (!is_headline(t, l->text_start, l->text_end, 25)) return 0;
  size_t j = next_nonblank(lines, n, i + 1);
  if (j >= n) return 0;
  if (markdown && j == i + 1) return 0; /* the first line of a paragraph */
  const pc_line *next = &lines[j];
  if (pc_text_starts_lower(t, next->text_start, next->text_end)) return 0;
  size_t last = i, count = 1;
  while (count < PC_MAX_TITLE_LINES && pc_text_ends_connective(t, lines[last].text_start,
                                                            lines[last].text_end)) {
    j = next_nonblank(lines, n, last + 1);
    if (j >= n || lines[j].type != PC_LINE_TEXT ||
        !is_headline(t, lines[j].text_start, lines[j].text_end, 12) ||
        pc_text_ends_sentence(t, lines[j].text_start, lines[j].text_end))
      break;
    last = j;
    count++;
  }
  for (size_t k = i; k <= last; k++)
    if (lines[k].type == PC_LINE_TEXT) lines[k].type = PC_LINE_TITLE;
  return last + 1;
}
