/* Markdown block structure, one pass over the lines: front matter, fenced and
 * indented code, HTML comments and blocks, pipe tables, ATX and setext
 * headings, rules, list items and block quotes. Inline syntax is inline.c. */
#include "read/markdown.h"

#include <string.h>

static int has_text(const char *t, const pc_line *l, const char *s) {
  size_t n = strlen(s);
  return l->text_end - l->text_start == n && memcmp(t + l->text_start, s, n) == 0;
}

/* Length of a run of `c` at t[i]. */
static size_t run_of(const char *t, size_t i, size_t end, char c) {
  size_t k = i;
  while (k < end && t[k] == c) k++;
  return k - i;
}

size_t pc_list_marker(const char *t, size_t i, size_t end, size_t numbered_digits) {
  size_t k = i;
  if (k >= end) return 0;
  if (t[k] == '-' || t[k] == '*' || t[k] == '+') {
    k++;
  } else if (numbered_digits && t[k] >= '0' && t[k] <= '9') {
    while (k < end && t[k] >= '0' && t[k] <= '9' && k - i < numbered_digits + 1) k++;
    if (k - i > numbered_digits || k >= end || (t[k] != '.' && t[k] != ')')) return 0;
    k++;
  } else {
    size_t n;
    int32_t cp = pc_cp_at(t, k, end, &n);
    if (cp != 0x2022 && cp != 0x25E6 && cp != 0x25AA && cp != 0x2023 && cp != 0x00B7) return 0;
    k += n;
  }
  if (k >= end || (t[k] != ' ' && t[k] != '\t')) return 0;
  while (k < end && (t[k] == ' ' || t[k] == '\t')) k++;
  return k - i;
}

size_t pc_list_marker_syntax(const char *t, size_t i, size_t marker_len) {
  return t[i] == '-' || t[i] == '*' || t[i] == '+' ? marker_len : 0;
}

/* "***", "- - -", "___": three or more of one character, spaces allowed. */
static int is_rule(const char *t, const pc_line *l) {
  if (l->indent > 3) return 0;
  char c = t[l->text_start];
  if (c != '*' && c != '-' && c != '_') return 0;
  size_t count = 0;
  for (size_t i = l->text_start; i < l->text_end; i++) {
    if (t[i] == c) count++;
    else if (t[i] != ' ' && t[i] != '\t') return 0;
  }
  return count >= 3;
}

static int is_setext_underline(const char *t, const pc_line *l) {
  if (l->indent > 3) return 0;
  char c = t[l->text_start];
  if (c != '=' && c != '-') return 0;
  return run_of(t, l->text_start, l->text_end, c) == l->text_end - l->text_start;
}

/* Opening fence: 3+ backticks or tildes; returns the run length or 0. */
static size_t fence_open(const char *t, const pc_line *l, char *fc) {
  if (l->indent > 3) return 0;
  char c = t[l->text_start];
  if (c != '`' && c != '~') return 0;
  size_t n = run_of(t, l->text_start, l->text_end, c);
  if (n < 3) return 0;
  if (c == '`' && memchr(t + l->text_start + n, '`', l->text_end - l->text_start - n)) return 0;
  *fc = c;
  return n;
}

static int fence_close(const char *t, const pc_line *l, char fc, size_t len) {
  if (l->indent > 3) return 0;
  size_t n = run_of(t, l->text_start, l->text_end, fc);
  return n >= len && n == l->text_end - l->text_start;
}

/* "| --- | :---: |" */
static int is_table_separator(const char *t, const pc_line *l) {
  int dash = 0, pipe = 0;
  for (size_t i = l->text_start; i < l->text_end; i++) {
    char c = t[i];
    if (c == '-') dash = 1;
    else if (c == '|') pipe = 1;
    else if (c != ':' && c != ' ' && c != '\t') return 0;
  }
  return dash && pipe;
}

static int has_pipe(const char *t, const pc_line *l) {
  return (l->holds & PC_LINE_HOLDS_PIPE) &&
         memchr(t + l->text_start, '|', l->text_end - l->text_start) != NULL;
}

static int contains(const char *t, size_t start, size_t end, const char *s) {
  size_t n = strlen(s);
  const char *p = t + start, *stop = t + end;
  while ((size_t)(stop - p) >= n && (p = memchr(p, s[0], (size_t)(stop - p) - n + 1)) != NULL) {
    if (memcmp(p, s, n) == 0) return 1;
    p++;
  }
  return 0;
}

/* An HTML block starts with a block-level tag, a comment, or <!/<?. */
static int html_block_start(const char *t, const pc_line *l) {
  static const char *const tags[] = {
      "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl",
      "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
      "h6", "header", "hr", "iframe", "li", "main", "nav", "ol", "p", "pre", "script",
      "section", "style", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul",
      "video", "audio", "picture", "img", "br", "center", "noscript", "svg"};
  size_t i = l->text_start, e = l->text_end;
  if (l->indent > 3 || t[i] != '<' || i + 1 >= e) return 0;
  i++;
  if (t[i] == '!' || t[i] == '?') return 1;
  if (t[i] == '/') i++;
  for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++) {
    size_t n = strlen(tags[k]);
    if (pc_text_has_iprefix(t, i, e, tags[k]) &&
        (i + n == e || t[i + n] == '>' || t[i + n] == ' ' || t[i + n] == '/' || t[i + n] == '\t'))
      return 1;
  }
  return 0;
}

/* Front matter: "---" ... "---"/"..." or "+++" ... "+++" at the very top.
 * Returns the index of the closing line, or 0 when there is none. */
static size_t front_matter_end(const char *t, const pc_line *lines, size_t n) {
  if (n < 2 || lines[0].indent != 0) return 0;
  int yaml = has_text(t, &lines[0], "---"), toml = has_text(t, &lines[0], "+++");
  if (!yaml && !toml) return 0;
  for (size_t i = 1; i < n; i++) {
    if (yaml && (has_text(t, &lines[i], "---") || has_text(t, &lines[i], "..."))) return i;
    if (toml && has_text(t, &lines[i], "+++")) return i;
  }
  return 0;
}

int pc_markdown_detect(const char *t, const pc_line *lines, size_t n) {
  int score = front_matter_end(t, lines, n) ? 3 : 0;
  for (size_t i = 0; i < n && score < 3; i++) {
    const pc_line *l = &lines[i];
    if (l->type == PC_LINE_BLANK) continue;
    size_t s = l->text_start, e = l->text_end;
    char fc;
    if (fence_open(t, l, &fc)) score += 3;
    else if (l->indent <= 3 && t[s] == '#') {
      size_t h = run_of(t, s, e, '#');
      if (h <= 6 && s + h < e && t[s + h] == ' ') score += 2;
    } else if (i + 1 < n && has_pipe(t, l) && is_table_separator(t, &lines[i + 1])) score += 3;
    else if (pc_list_marker(t, s, e, 9) && t[s] != 0 && (unsigned char)t[s] < 0x80) score += 1;
    else if (t[s] == '>') score += 1;
    const char *lb = memchr(t + s, '[', e - s);
    if (lb && contains(t, (size_t)(lb - t), e, "](")) score += 2;
    if (contains(t, s, e, "**")) score += 1;
  }
  return score >= 3;
}

void pc_plain_classify(const char *t, pc_line *lines, size_t n) {
  for (size_t i = 0; i < n; i++) {
    pc_line *l = &lines[i];
    if (l->type == PC_LINE_BLANK) continue;
    size_t m = pc_list_marker(t, l->text_start, l->text_end, 2);
    if (m && l->text_start + m < l->text_start + (l->text_end - l->text_start) &&
        t[l->text_start] != '+') {
      l->type = PC_LINE_ITEM;
      l->text_start = l->body_start = l->text_start + pc_list_marker_syntax(t, l->text_start, m);
    }
  }
}

void pc_markdown_classify(const char *t, pc_line *lines, size_t n) {
  size_t i = 0, fence_len = 0;
  char fence_char = 0;
  int in_comment = 0, in_html = 0, in_table = 0, in_list = 0;
  size_t fm = front_matter_end(t, lines, n);
  if (fm) {
    for (; i <= fm; i++) lines[i].type = PC_LINE_FRONT;
    lines[0].flags |= PC_LINE_FLAG_START;
  }
  for (; i < n; i++) {
    pc_line *l = &lines[i];
    const pc_line *prev = i > 0 ? &lines[i - 1] : NULL;
    size_t s = l->text_start, e = l->text_end;
    if (fence_len) {
      if (l->type != PC_LINE_BLANK && fence_close(t, l, fence_char, fence_len)) fence_len = 0;
      l->type = PC_LINE_CODE;
      continue;
    }
    if (in_comment) {
      if (l->type != PC_LINE_BLANK && contains(t, s, e, "-->")) in_comment = 0;
      l->type = PC_LINE_HTML;
      continue;
    }
    if (l->type == PC_LINE_BLANK) { in_html = in_table = 0; continue; }
    if (in_html) { l->type = PC_LINE_HTML; continue; }
    if (in_table) {
      if (has_pipe(t, l)) { l->type = PC_LINE_TABLE; continue; }
      in_table = 0;
    }
    int after_break = !prev || prev->type == PC_LINE_BLANK;
    if (l->indent >= 4 && !in_list &&
        (after_break || prev->type == PC_LINE_CODE)) {
      l->type = PC_LINE_CODE;
      if (after_break) l->flags |= PC_LINE_FLAG_START;
      continue;
    }
    if (l->indent == 0 && after_break) in_list = 0;
    char fc;
    size_t fl = fence_open(t, l, &fc);
    if (fl) {
      l->type = PC_LINE_CODE;
      l->flags |= PC_LINE_FLAG_START;
      fence_len = fl;
      fence_char = fc;
      continue;
    }
    if (l->indent <= 3 && e - s >= 4 && memcmp(t + s, "<!--", 4) == 0) {
      l->type = PC_LINE_HTML;
      l->flags |= PC_LINE_FLAG_START;
      in_comment = !contains(t, s + 4, e, "-->");
      continue;
    }
    if (html_block_start(t, l)) {
      l->type = PC_LINE_HTML;
      l->flags |= PC_LINE_FLAG_START;
      in_html = 1;
      continue;
    }
    if (l->indent <= 3 && t[s] == '#') {
      size_t h = run_of(t, s, e, '#');
      if (h <= 6 && (s + h == e || t[s + h] == ' ' || t[s + h] == '\t')) {
        size_t a = s + h, b = e;
        while (a < b && (t[a] == ' ' || t[a] == '\t')) a++;
        size_t c = b;
        while (c > a && t[c - 1] == '#') c--;
        if (c == a || t[c - 1] == ' ' || t[c - 1] == '\t') b = c;
        while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t')) b--;
        l->type = PC_LINE_HEADING;
        l->level = (unsigned char)h;
        l->text_start = l->body_start = a;
        l->text_end = l->tail_start = b;
        in_list = 0;
        continue;
      }
    }
    if (prev && prev->type == PC_LINE_TEXT && is_setext_underline(t, l)) {
      lines[i - 1].type = PC_LINE_HEADING;
      lines[i - 1].level = (unsigned char)(t[s] == '=' ? 1 : 2);
      l->type = PC_LINE_UNDERLINE;
      continue;
    }
    if (is_rule(t, l)) { l->type = PC_LINE_RULE; continue; }
    if (i + 1 < n && has_pipe(t, l) && is_table_separator(t, &lines[i + 1])) {
      l->type = PC_LINE_TABLE;
      l->flags |= PC_LINE_FLAG_START;
      in_table = 1;
      continue;
    }
    size_t m = pc_list_marker(t, s, e, 9);
    if (m && (l->indent <= 3 || in_list) && (unsigned char)t[s] < 0x80) {
      l->type = PC_LINE_ITEM;
      l->text_start = l->body_start = s + pc_list_marker_syntax(t, s, m);
      in_list = 1;
      continue;
    }
    if (l->indent <= 3 && t[s] == '>') {
      size_t k = s;
      while (k < e && (t[k] == '>' || t[k] == ' ' || t[k] == '\t')) k++;
      l->type = PC_LINE_QUOTE;
      l->text_start = l->body_start = k;
      continue;
    }
    l->type = PC_LINE_TEXT;
  }
}
