/* Boilerplate line patterns (general shapes, not site-specific strings) and
 * the pass that applies them to the lines. */
#include "read/boilerplate.h"

#include <string.h>

#include "read/inline.h"

/* A reference section lists at most this many entries before it must be
 * interrupted; keeps the "mainly links" look-ahead bounded. */
#define PC_MAX_SOURCE_ENTRIES 1000

static int is_sp(const char *t, size_t i, size_t e, size_t *n) {
  int32_t cp = pc_cp_at(t, i, e, n);
  return pc_cp_is_space(cp);
}

/* The next space-separated token of t[*i, e), in [*ts, *te). */
static int next_token(const char *t, size_t *i, size_t e, size_t *ts, size_t *te) {
  size_t n;
  while (*i < e && is_sp(t, *i, e, &n)) *i += n;
  if (*i >= e) return 0;
  *ts = *i;
  while (*i < e && !is_sp(t, *i, e, &n)) *i += n;
  *te = *i;
  return 1;
}

/* Drops emphasis markers, spaces and a trailing colon around t[*s, *e). */
static void trim_marks(const char *t, size_t *s, size_t *e) {
  for (;;) {
    size_t n;
    if (*s < *e && (t[*s] == '*' || t[*s] == '_' || is_sp(t, *s, *e, &n))) { (*s)++; continue; }
    char c = *e > *s ? t[*e - 1] : 0;
    if (c == '*' || c == '_' || c == ':' || c == ' ' || c == '\t') { (*e)--; continue; }
    break;
  }
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

static int ieq(const char *t, size_t s, size_t e, const char *w) {
  if (e <= s) return e == s && w[0] == '\0';
  return lower(t[s]) == lower(w[0]) && strlen(w) == e - s && pc_text_has_iprefix(t, s, e, w);
}

static int ieq_any(const char *t, size_t s, size_t e, const char *const *list, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (ieq(t, s, e, list[k])) return 1;
  return 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

int pc_boiler_is_widget(const char *t, size_t s, size_t e) {
  static const char *const phrases[] = {
      "no comments", "post a comment", "comment template", "leave a reply", "leave a comment",
      "add a comment", "add comment", "comments", "load comments", "view comments",
      "show comments", "join the conversation", "share this article", "share this story",
      "share this", "share", "share on facebook", "share on twitter", "click to share",
      "subscribe", "subscribe now", "sign up", "sign up for our newsletter", "newsletter",
      "advertisement", "sponsored", "read more", "related", "related articles", "related posts",
      "related stories", "you may also like", "recommended", "more stories", "newer post",
      "older post", "home", "print", "email", "skip to content", "follow us", "back to top"};
  trim_marks(t, &s, &e);
  while (e > s && (t[e - 1] == '.' || t[e - 1] == '!')) e--;
  if (e <= s || e - s > 40) return 0;
  if (ieq_any(t, s, e, phrases, sizeof phrases / sizeof phrases[0])) return 1;
  /* "12 comments" */
  size_t k = s;
  while (k < e && is_digit(t[k])) k++;
  return k > s && k < e && t[k] == ' ' && (ieq(t, k + 1, e, "comments") || ieq(t, k + 1, e, "comment"));
}

static int is_month(const char *t, size_t s, size_t e) {
  static const char *const months[] = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec"};
  return ieq_any(t, s, e, months, sizeof months / sizeof months[0]);
}

static int is_weekday(const char *t, size_t s, size_t e) {
  static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                     "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
                                     "thur", "thurs", "fri", "sat", "sun"};
  return ieq_any(t, s, e, days, sizeof days / sizeof days[0]);
}

static int is_zone(const char *t, size_t s, size_t e) {
  static const char *const zones[] = {"gmt", "bst", "utc", "est", "edt", "cst", "cdt", "pst",
                                      "pdt", "mst", "mdt", "cet", "cest", "eet", "eest", "ist",
                                      "jst", "aest", "aedt", "et", "pt", "ct", "msk", "z"};
  return ieq_any(t, s, e, zones, sizeof zones / sizeof zones[0]);
}

typedef enum date_tok { TOK_OTHER, TOK_WORD, TOK_NUMBER, TOK_YEAR, TOK_MONTH, TOK_ISO } date_tok;

/* Classifies one token of a date line. */
static date_tok date_token(const char *t, size_t s, size_t e) {
  static const char *const words[] = {"updated", "published", "posted", "last", "at", "on",
                                      "am", "pm", "a.m.", "p.m.", "|", "-", "\xE2\x80\x93",
                                      "\xE2\x80\x94", "\xE2\x80\xA2", "\xC2\xB7", "/", "of"};
  while (e > s && (t[e - 1] == ',' || t[e - 1] == '.' || t[e - 1] == ':' || t[e - 1] == ')'))
    e--;
  while (s < e && t[s] == '(') s++;
  if (e <= s) return TOK_WORD;
  if (is_month(t, s, e)) return TOK_MONTH;
  if (is_weekday(t, s, e) || is_zone(t, s, e) || ieq_any(t, s, e, words, sizeof words / sizeof words[0]))
    return TOK_WORD;
  size_t k = s, digits = 0;
  while (k < e && is_digit(t[k])) { k++; digits++; }
  if (!digits) return TOK_OTHER;
  if (digits == 4 && k < e && (t[k] == '-' || t[k] == '/')) {
    /* 2025-02-22, 2025/02/22, with an optional T09:25:00Z */
    size_t m = k;
    while (m < e && (is_digit(t[m]) || t[m] == '-' || t[m] == '/' || t[m] == ':' || t[m] == 'T' ||
                     t[m] == 'Z' || t[m] == '+' || t[m] == '.'))
      m++;
    return m == e && e - s >= 8 ? TOK_ISO : TOK_OTHER;
  }
  if (digits <= 2 && k < e && (t[k] == '.' || t[k] == '/')) {
    size_t m = k;
    while (m < e && (is_digit(t[m]) || t[m] == '.' || t[m] == '/')) m++;
    return m == e && e - s >= 8 ? TOK_ISO : TOK_OTHER;
  }
  if (k == e) return digits == 4 ? TOK_YEAR : digits <= 2 ? TOK_NUMBER : TOK_OTHER;
  /* 9:25pm, 21:25, 13th, 9pm */
  if (t[k] == ':' || t[k] == '.') {
    k++;
    while (k < e && is_digit(t[k])) k++;
  }
  if (k == e) return TOK_NUMBER;
  static const char *const suffixes[] = {"am", "pm", "a.m", "p.m", "st", "nd", "rd", "th", "h"};
  return ieq_any(t, k, e, suffixes, sizeof suffixes / sizeof suffixes[0]) ? TOK_NUMBER : TOK_OTHER;
}

/* 1 when t[s, e) holds a digit: every date has one. */
static int has_digit(const char *t, size_t s, size_t e) {
  for (size_t i = s; i < e; i++)
    if (is_digit(t[i])) return 1;
  return 0;
}

int pc_boiler_is_dateline(const char *t, size_t s, size_t e) {
  trim_marks(t, &s, &e);
  if (!has_digit(t, s, e)) return 0;
  size_t i = s, ts, te, count = 0;
  int month = 0, number = 0, iso = 0;
  while (next_token(t, &i, e, &ts, &te)) {
    if (++count > 12) return 0;
    switch (date_token(t, ts, te)) {
    case TOK_OTHER: return 0;
    case TOK_MONTH: month = 1; break;
    case TOK_ISO: iso = 1; break;
    case TOK_NUMBER: case TOK_YEAR: number = 1; break;
    case TOK_WORD: break;
    }
  }
  return iso || (month && number);
}

static int is_capitalised(const char *t, size_t s, size_t e) {
  size_t n;
  return s < e && pc_cp_is_upper(pc_cp_at(t, s, e, &n));
}

int pc_boiler_is_byline(const char *t, size_t s, size_t e) {
  static const char *const roles[] = {
      "editor", "correspondent", "reporter", "writer", "journalist", "columnist", "contributor",
      "staff", "producer", "analyst", "bureau", "chief", "desk", "newsroom", "photographer"};
  trim_marks(t, &s, &e);
  if (pc_text_ends_sentence(t, s, e)) return 0;
  size_t words = pc_text_words_upto(t, s, e, 11);
  if (words < 2 || words > 10) return 0;
  size_t i = s, ts, te;
  if (!next_token(t, &i, e, &ts, &te)) return 0;
  if (ieq(t, ts, te, "by")) {
    size_t j = i;
    return next_token(t, &j, e, &ts, &te) && is_capitalised(t, ts, te) && words <= 8;
  }
  /* "Name Name, Role ..." */
  const char *comma = memchr(t + s, ',', e - s);
  if (!comma) return 0;
  size_t c = (size_t)(comma - t), name_words = pc_text_words_upto(t, s, c, 5);
  if (name_words < 2 || name_words > 4) return 0;
  for (i = s; next_token(t, &i, c, &ts, &te);)
    if (!is_capitalised(t, ts, te)) return 0;
  for (i = c + 1; next_token(t, &i, e, &ts, &te);) {
    while (te > ts && (t[te - 1] == ',' || t[te - 1] == 's')) te--;
    if (ieq_any(t, ts, te, roles, sizeof roles / sizeof roles[0])) return 1;
  }
  return 0;
}

static int contains_at(const char *t, size_t s, size_t e, const char *w, size_t *at) {
  size_t n = strlen(w);
  char first = lower(w[0]);
  for (size_t i = s; i + n <= e; i++)
    if ((n == 0 || lower(t[i]) == first) && pc_text_has_iprefix(t, i, e, w)) { *at = i; return 1; }
  return 0;
}

/* 1 when byte c occurs in t[s, e): a quick test before searching for a
 * pattern that contains it. */
static int has_byte(const char *t, size_t s, size_t e, char c) {
  return e > s && memchr(t + s, c, e - s) != NULL;
}

int pc_boiler_is_caption(const char *t, size_t s, size_t e) {
  static const char *const markers[] = {"Credit:", "Credits:", "Photo:", "Photograph:",
                                        "Picture:", "Image:", "Photo credit:", "Image credit:"};
  static const char *const agencies[] = {"Getty Images", "/AFP", "/Reuters", "/AP", "/PA",
                                         "PA Wire", "Shutterstock", "/Alamy", "/EPA", "AP Photo"};
  if (pc_text_ends_sentence(t, s, e) && t[e - 1] != ')') return 0;
  /* Every marker ends with a colon. */
  size_t n_markers = has_byte(t, s, e, ':') ? sizeof markers / sizeof markers[0] : 0;
  for (size_t k = 0; k < n_markers; k++) {
    size_t at;
    if (!contains_at(t, s, e, markers[k], &at)) continue;
    if (at > s && t[at - 1] != ' ' && t[at - 1] != '(') continue;
    size_t rest = at + strlen(markers[k]);
    if (e - rest <= 80 && pc_text_words_upto(t, rest, e, 11) <= 10) return 1;
  }
  for (size_t k = 0; k < sizeof agencies / sizeof agencies[0]; k++) {
    size_t n = strlen(agencies[k]), tail = e;
    while (tail > s && (t[tail - 1] == ')' || t[tail - 1] == ' ')) tail--;
    if (tail - s >= n && pc_text_has_iprefix(t, tail - n, tail, agencies[k]) &&
        pc_text_words_upto(t, s, e, 61) <= 60)
      return 1;
  }
  return 0;
}

size_t pc_boiler_embed_start(const char *t, size_t s, size_t e) {
  size_t at;
  if (has_byte(t, s, e, '/') && contains_at(t, s, e, "pic.twitter.com/", &at)) return at;
  /* "— Name (@handle) February 21, 2025" */
  if (!has_byte(t, s, e, '@') || !contains_at(t, s, e, "(@", &at)) return e;
  const char *close = memchr(t + at, ')', e - at);
  if (!close) return e;
  size_t after = (size_t)(close - t) + 1;
  if (!pc_boiler_is_dateline(t, after, e)) return e;
  for (size_t k = at; k > s; k--) {
    size_t n;
    if (pc_cp_is_dash(pc_cp_before(t, s, k, &n)) && k - n > s && t[k - n - 1] == ' ')
      return k - n;
  }
  return e;
}

size_t pc_boiler_header_prefix(const char *t, size_t s, size_t e) {
  static const char *const keys[] = {"date", "published", "updated", "posted", "last updated",
                                     "published on", "updated on", "posted on", "dated"};
  size_t i = s, best = 0;
  for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
    if (!pc_text_has_iprefix(t, s, e, keys[k])) continue;
    size_t n = strlen(keys[k]);
    if (s + n < e && (t[s + n] == ' ' || t[s + n] == ':') && n > best) best = n;
  }
  if (!best) return s;
  i = s + best;
  if (i < e && t[i] == ':') i++;
  size_t ts, te, end = s, tokens = 0;
  int year = 0;
  while (tokens < 6 && next_token(t, &i, e, &ts, &te)) {
    date_tok k = date_token(t, ts, te);
    if (k == TOK_OTHER || (k == TOK_WORD && !is_zone(t, ts, te))) break;
    if (k == TOK_ISO || k == TOK_YEAR) year = 1;
    tokens++;
    end = te;
  }
  if (!year) return s;
  size_t n;
  while (end < e && is_sp(t, end, e, &n)) end += n;
  return end;
}

size_t pc_boiler_dateline_prefix(const char *t, size_t s, size_t e) {
  size_t i = s, n, letters = 0, words = 0;
  while (i < e && (t[i] == '*' || t[i] == '_')) i++;
  /* Upper-case place words, with ", Country" allowed after a comma. */
  while (i < e && words < 6) {
    size_t w = i, up = 0, low = 0;
    while (i < e) {
      int32_t cp = pc_cp_at(t, i, e, &n);
      if (!pc_cp_is_letter(cp) && cp != '.' && cp != '\'') break;
      if (pc_cp_is_upper(cp)) up++;
      if (pc_cp_is_lower(cp)) low++;
      i += n;
    }
    if (i == w) break;
    int after_comma = words > 0 && t[w - 1] == ' ' && w >= 2 && t[w - 2] == ',';
    if (low && !(after_comma && up)) { i = w; break; }
    if (!low) letters += up;
    words++;
    if (i < e && t[i] == ',') i++;
    if (i < e && t[i] == ' ') i++;
    else break;
  }
  if (letters < 4) return s;
  while (i < e && t[i] == ' ') i++;
  if (i < e && t[i] == '(') {
    const char *close = memchr(t + i, ')', e - i > 40 ? 40 : e - i);
    if (!close) return s;
    i = (size_t)(close - t) + 1;
    while (i < e && t[i] == ' ') i++;
  }
  while (i < e && (t[i] == '*' || t[i] == '_')) i++;
  if (i >= e || !pc_cp_is_dash(pc_cp_at(t, i, e, &n))) return s;
  i += n;
  while (i < e && (t[i] == '*' || t[i] == '_')) i++;
  if (i >= e || !is_sp(t, i, e, &n)) return s;
  while (i < e && is_sp(t, i, e, &n)) i += n;
  return i < e ? i : s;
}

int pc_boiler_is_reference_heading(const char *t, size_t s, size_t e) {
  static const char *const names[] = {
      "sources", "source", "information sources", "references", "reference", "further reading",
      "see also", "bibliography", "citations", "external links", "links", "related links",
      "useful links", "footnotes", "works cited", "notes and references", "sources and references",
      "sources and further reading", "read more"};
  while (s < e && t[s] == '#') s++;
  trim_marks(t, &s, &e);
  return ieq_any(t, s, e, names, sizeof names / sizeof names[0]);
}

int pc_boiler_is_citation(const char *t, size_t s, size_t e) {
  while (e > s && (t[e - 1] == '.' || t[e - 1] == ',' || t[e - 1] == ';' || t[e - 1] == ' ')) e--;
  if (e - s >= 2 && t[s] == '(' && t[e - 1] == ')') { s++; e--; }
  while (s < e && t[s] == ' ') s++;
  while (e > s && t[e - 1] == ' ') e--;
  if (s >= e) return 0;
  pc_link_parts lp;
  if (t[s] == '[') return pc_inline_link_at(t, s, e, &lp) && lp.end == e;
  if (t[s] == '<' && t[e - 1] == '>') return pc_inline_url_at(t, s + 1, e - 1) == e - s - 2;
  return pc_inline_url_at(t, s, e) == e - s;
}

int pc_boiler_has_link(const char *t, size_t s, size_t e) {
  size_t at;
  pc_link_parts lp;
  for (size_t i = s; i < e; i++)
    if (t[i] == '[' && pc_inline_link_at(t, i, e, &lp)) return 1;
  return contains_at(t, s, e, "http://", &at) || contains_at(t, s, e, "https://", &at) ||
         contains_at(t, s, e, "www.", &at);
}

int pc_boiler_is_heading_like(const char *t, size_t s, size_t e) {
  trim_marks(t, &s, &e);
  if (s >= e) return 0;
  int32_t last = pc_text_last_cp(t, s, e);
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '?' || last == '!' ||
      last == 0x2026)
    return 0;
  /* The width is at most the byte count. */
  if ((e - s > 80 && pc_text_width(t, s, e) > 80) || pc_text_words_upto(t, s, e, 11) > 10)
    return 0;
  size_t n;
  int32_t first = pc_cp_at(t, s, e, &n);
  return pc_cp_is_upper(first) || (first >= '0' && first <= '9');
}

/* ---- the pass ---- */

static size_t next_nonblank(const pc_line *lines, size_t n, size_t i) {
  while (i < n && lines[i].type == PC_LINE_BLANK) i++;
  return i;
}

/* Marks a reference section headed by line h; returns the line after it. */
static size_t mark_references(const char *t, pc_line *lines, size_t n, size_t h) {
  size_t i = next_nonblank(lines, n, h + 1), entries = 0, last = h;
  while (i < n && entries < PC_MAX_SOURCE_ENTRIES) {
    pc_line *l = &lines[i];
    if ((l->type != PC_LINE_ITEM && l->type != PC_LINE_TEXT) ||
        !pc_boiler_has_link(t, l->text_start, l->text_end))
      break;
    l->type = PC_LINE_SOURCE;
    entries++;
    last = i;
    i = next_nonblank(lines, n, i + 1);
  }
  if (entries) {
    lines[h].type = PC_LINE_HEADING;
    if (!lines[h].level) lines[h].level = 2;
  }
  return last + 1;
}

static int is_text(const pc_line *l) { return l->type == PC_LINE_TEXT; }

void pc_boilerplate_classify(const char *t, pc_line *lines, size_t n, size_t title_end, int drop,
                             int markdown, const pc_wrap_stats *wrap) {
  /* Reference sections and citation lines. */
  for (size_t i = 0; i < n; i++) {
    pc_line *l = &lines[i];
    if ((l->type == PC_LINE_HEADING || is_text(l)) &&
        pc_boiler_is_reference_heading(t, l->text_start, l->text_end)) {
      size_t next = mark_references(t, lines, n, i);
      if (next > i + 1) { i = next - 1; continue; }
    }
    if (is_text(l) && pc_boiler_is_citation(t, l->text_start, l->text_end))
      l->type = PC_LINE_CITATION;
  }
  if (drop) {
    /* Outlet names, bylines and datelines between the title and the text. */
    for (size_t i = next_nonblank(lines, n, title_end); title_end && i < n;
         i = next_nonblank(lines, n, i + 1)) {
      pc_line *l = &lines[i];
      if (!is_text(l) || pc_text_words_upto(t, l->text_start, l->text_end, 9) > 8 ||
          l->width > 60 || pc_text_ends_sentence(t, l->text_start, l->text_end))
        break;
      l->type = PC_LINE_BOILER;
    }
    int body_seen = 0;
    for (size_t i = 0; i < n; i++) {
      pc_line *l = &lines[i];
      if (!is_text(l)) continue;
      size_t s = l->text_start, e = l->text_end;
      if (pc_boiler_is_widget(t, s, e) || pc_boiler_is_dateline(t, s, e) ||
          pc_boiler_is_byline(t, s, e)) {
        l->type = PC_LINE_BOILER;
        continue;
      }
      if (pc_boiler_is_caption(t, s, e)) { l->type = PC_LINE_CAPTION; continue; }
      l->body_start = pc_boiler_header_prefix(t, s, e);
      if (!body_seen) {
        size_t p = pc_boiler_dateline_prefix(t, l->body_start, e);
        if (p > l->body_start) l->body_start = p;
      }
      body_seen = 1;
      if (l->body_start >= e) { l->type = PC_LINE_BOILER; continue; }
      l->tail_start = pc_boiler_embed_start(t, l->body_start, e);
      if (l->tail_start <= l->body_start) l->type = PC_LINE_EMBED;
    }
  }
  /* Short capitalised lines standing between paragraphs are headings. */
  for (size_t i = 0; i < n; i++) {
    pc_line *l = &lines[i];
    if (!is_text(l) || !pc_boiler_is_heading_like(t, l->body_start, l->tail_start) ||
        pc_text_ends_connective(t, l->body_start, l->tail_start) || pc_wrap_is_full(wrap, l))
      continue;
    const pc_line *prev = i > 0 ? &lines[i - 1] : NULL;
    size_t j = next_nonblank(lines, n, i + 1);
    if (j >= n) continue;
    const pc_line *next = &lines[j];
    if (markdown) {
      if ((prev && prev->type == PC_LINE_TEXT) || j == i + 1) continue;
    } else {
      size_t p = i;
      while (p > 0 && lines[p - 1].type == PC_LINE_BLANK) p--;
      prev = p > 0 ? &lines[p - 1] : NULL;
      if (prev && (prev->type == PC_LINE_TEXT || prev->type == PC_LINE_ITEM) &&
          !pc_text_ends_sentence(t, prev->text_start, prev->text_end))
        continue;
      if (!(next->type == PC_LINE_HEADING || next->type == PC_LINE_ITEM ||
            (next->type == PC_LINE_TEXT &&
             (pc_text_starts_sentence(t, next->text_start, next->text_end) ||
              pc_boiler_is_heading_like(t, next->text_start, next->text_end)))))
        continue;
    }
    l->type = PC_LINE_HEADING;
    l->level = 3;
  }
}
