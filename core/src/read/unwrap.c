/* Wrap-width statistics and the join-or-break decision between two lines. */
#include "read/unwrap.h"

#include <string.h>

/* A wrapped line may stop this many columns short of the width (the next
 * word did not fit), within reason for a given width. */
static size_t slack(size_t width) { return width / 5 > 8 ? width / 5 : 8; }

int pc_wrap_is_full(const pc_wrap_stats *w, const pc_line *a) {
  return w->width && a->width + slack(w->width) >= w->width;
}

void pc_wrap_measure(const char *t, const pc_line *lines, size_t n, pc_wrap_stats *out) {
  size_t hist[PC_MAX_WRAP_COLUMNS + 1];
  memset(hist, 0, sizeof hist);
  memset(out, 0, sizeof *out);
  size_t total = 0;
  for (size_t i = 0; i < n; i++) {
    if (lines[i].type != PC_LINE_TEXT) continue;
    size_t w = lines[i].width > PC_MAX_WRAP_COLUMNS ? PC_MAX_WRAP_COLUMNS : lines[i].width;
    hist[w]++;
    total++;
  }
  if (total < 4 || hist[PC_MAX_WRAP_COLUMNS] * 10 > total) return;
  /* The wrap width: the 90th percentile of line widths. */
  size_t seen = 0, width = 0;
  for (size_t w = 0; w <= PC_MAX_WRAP_COLUMNS; w++) {
    seen += hist[w];
    if (seen * 10 >= total * 9) { width = w; break; }
  }
  if (width < 30) return;
  out->width = width;
  size_t wrapped = 0, gaps = 0, soft_gaps = 0;
  for (size_t i = 0; i < n; i++) {
    const pc_line *a = &lines[i];
    if (a->type != PC_LINE_TEXT) continue;
    int mid = pc_wrap_is_full(out, a) && !pc_text_ends_sentence(t, a->text_start, a->text_end);
    if (mid) wrapped++;
    size_t j = i + 1;
    while (j < n && lines[j].type == PC_LINE_BLANK) j++;
    if (j > i + 1 && j < n && lines[j].type == PC_LINE_TEXT) {
      gaps++;
      if (mid) soft_gaps++;
    }
  }
  out->wrapped = wrapped * 10 >= total * 4;
  out->soft_blanks = out->wrapped && soft_gaps * 10 >= gaps * 3;
  if (!out->wrapped) out->width = 0;
}

int pc_wrap_joins(const char *t, const pc_wrap_stats *w, const pc_line *a, const pc_line *b,
                  size_t blanks) {
  int ends = pc_text_ends_sentence(t, a->text_start, a->text_end);
  if (blanks > 0 && !w->soft_blanks) return 0;
  /* Not hard-wrapped: a line is a paragraph, and one that stops short of
   * a sentence end goes on in the next line only when that line does not
   * start like a sentence ("... the most popular" / "colour - although"),
   * or when it ends on a word or comma that cannot end one ("... with" /
   * "Manchester United"). Otherwise, before a capital, the short line was
   * a label, a caption or a heading ("Fighter ace:", a photo's caption):
   * joined, it would run into the paragraph as one long sentence that no
   * full stop splits. */
  if (!w->wrapped)
    return !ends && (!pc_text_starts_sentence(t, b->text_start, b->text_end) ||
                     pc_text_ends_connective(t, a->text_start, a->text_end));
  /* A paragraph ends with a short line that ends a sentence, and the next
   * one starts a new sentence. */
  int brk = ends && !pc_wrap_is_full(w, a) && pc_text_starts_sentence(t, b->text_start, b->text_end);
  return !brk;
}
