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
  size_t n, k = *i;
  while (k < e && ((unsigned char)t[k] < 0x80 ? pc_cp_is_space(t[k]) : is_sp(t, k, e, &n)))
    k += (unsigned char)t[k] < 0x80 ? 1 : n;
  if (k >= e) { *i = k; return 0; }
  *ts = k;
  for (;;) {
    while (k < e && (unsigned char)t[k] < 0x80 && !pc_cp_is_space(t[k])) k++;
    if (k >= e || (unsigned char)t[k] < 0x80 || is_sp(t, k, e, &n)) break;
    k += n;
  }
  *i = *te = k;
  return 1;
}

/* Drops emphasis markers, spaces and a trailing colon around t[*s, *e). */
static void trim_marks(const char *t, size_t *s, size_t *e) {
  if (*s < *e) { /* nothing to trim: the usual case, decided from two bytes */
    unsigned char a = (unsigned char)t[*s], z = (unsigned char)t[*e - 1];
    if (a < 0x80 && a != '*' && a != '_' && !pc_cp_is_space(a) && z != '*' && z != '_' &&
        z != ':' && z != ' ' && z != '\t')
      return;
  }
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

/* A lower-case word with its length, so most entries of a list are
 * rejected by length alone. */
typedef struct bp_word {
  const char *w;
  size_t len;
} bp_word;
#define BP_WORD(s) {s, sizeof s - 1}

static int ieq_any(const char *t, size_t s, size_t e, const bp_word *list, size_t n) {
  if (e <= s) return 0;
  size_t len = e - s;
  char first = lower(t[s]);
  for (size_t k = 0; k < n; k++)
    if (list[k].len == len && list[k].w[0] == first && pc_text_has_iprefix(t, s, e, list[k].w))
      return 1;
  return 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* The pattern tests below take t[s, e) already passed through trim_marks:
 * the pass trims each line once for all of them. */
static int is_widget_trimmed(const char *t, size_t s, size_t e) {
  static const bp_word phrases[] = {
      BP_WORD("no comments"), BP_WORD("post a comment"), BP_WORD("comment template"),
      BP_WORD("leave a reply"), BP_WORD("leave a comment"), BP_WORD("add a comment"),
      BP_WORD("add comment"), BP_WORD("comments"), BP_WORD("load comments"),
      BP_WORD("view comments"), BP_WORD("show comments"), BP_WORD("join the conversation"),
      BP_WORD("share this article"), BP_WORD("share this story"), BP_WORD("share this"),
      BP_WORD("share"), BP_WORD("share on facebook"), BP_WORD("share on twitter"),
      BP_WORD("click to share"), BP_WORD("subscribe"), BP_WORD("subscribe now"),
      BP_WORD("sign up"), BP_WORD("sign up for our newsletter"), BP_WORD("newsletter"),
      BP_WORD("advertisement"), BP_WORD("sponsored"), BP_WORD("read more"), BP_WORD("related"),
      BP_WORD("related articles"), BP_WORD("related posts"), BP_WORD("related stories"),
      BP_WORD("you may also like"), BP_WORD("recommended"), BP_WORD("more stories"),
      BP_WORD("newer post"), BP_WORD("older post"), BP_WORD("home"), BP_WORD("print"),
      BP_WORD("email"), BP_WORD("skip to content"), BP_WORD("follow us"), BP_WORD("back to top")};
  while (e > s && (t[e - 1] == '.' || t[e - 1] == '!')) e--;
  if (e <= s || e - s > 40) return 0;
  if (ieq_any(t, s, e, phrases, sizeof phrases / sizeof phrases[0])) return 1;
  /* "12 comments" */
  size_t k = s;
  while (k < e && is_digit(t[k])) k++;
  return k > s && k < e && t[k] == ' ' && (ieq(t, k + 1, e, "comments") || ieq(t, k + 1, e, "comment"));
}

/* Month names, weekdays, time zones and the other words of a date line,
 * sorted by length and then bytes for a binary search (test_layout's
 * every_date_word_is_known finds each one through the search). */
enum { DW_MONTH = 1, DW_WORD = 2, DW_ZONE = 3 };
typedef struct date_word {
  const char *w;
  unsigned char len, kind;
} date_word;
static const date_word date_words[] = {
    {"-", 1, DW_WORD}, {"/", 1, DW_WORD}, {"z", 1, DW_ZONE}, {"|", 1, DW_WORD},
    {"am", 2, DW_WORD}, {"at", 2, DW_WORD}, {"ct", 2, DW_ZONE}, {"et", 2, DW_ZONE},
    {"of", 2, DW_WORD}, {"on", 2, DW_WORD}, {"pm", 2, DW_WORD}, {"pt", 2, DW_ZONE},
    {"\xC2\xB7", 2, DW_WORD}, {"apr", 3, DW_MONTH}, {"aug", 3, DW_MONTH}, {"bst", 3, DW_ZONE},
    {"cdt", 3, DW_ZONE}, {"cet", 3, DW_ZONE}, {"cst", 3, DW_ZONE}, {"dec", 3, DW_MONTH},
    {"edt", 3, DW_ZONE}, {"eet", 3, DW_ZONE}, {"est", 3, DW_ZONE}, {"feb", 3, DW_MONTH},
    {"fri", 3, DW_WORD}, {"gmt", 3, DW_ZONE}, {"ist", 3, DW_ZONE}, {"jan", 3, DW_MONTH},
    {"jst", 3, DW_ZONE}, {"jul", 3, DW_MONTH}, {"jun", 3, DW_MONTH}, {"mar", 3, DW_MONTH},
    {"may", 3, DW_MONTH}, {"mdt", 3, DW_ZONE}, {"mon", 3, DW_WORD}, {"msk", 3, DW_ZONE},
    {"mst", 3, DW_ZONE}, {"nov", 3, DW_MONTH}, {"oct", 3, DW_MONTH}, {"pdt", 3, DW_ZONE},
    {"pst", 3, DW_ZONE}, {"sat", 3, DW_WORD}, {"sep", 3, DW_MONTH}, {"sun", 3, DW_WORD},
    {"thu", 3, DW_WORD}, {"tue", 3, DW_WORD}, {"utc", 3, DW_ZONE}, {"wed", 3, DW_WORD},
    {"\xE2\x80\x93", 3, DW_WORD}, {"\xE2\x80\x94", 3, DW_WORD}, {"\xE2\x80\xA2", 3, DW_WORD},
    {"a.m.", 4, DW_WORD}, {"aedt", 4, DW_ZONE}, {"aest", 4, DW_ZONE}, {"cest", 4, DW_ZONE},
    {"eest", 4, DW_ZONE}, {"july", 4, DW_MONTH}, {"june", 4, DW_MONTH}, {"last", 4, DW_WORD},
    {"p.m.", 4, DW_WORD}, {"sept", 4, DW_MONTH}, {"thur", 4, DW_WORD}, {"tues", 4, DW_WORD},
    {"april", 5, DW_MONTH}, {"march", 5, DW_MONTH}, {"thurs", 5, DW_WORD},
    {"august", 6, DW_MONTH}, {"friday", 6, DW_WORD}, {"monday", 6, DW_WORD},
    {"posted", 6, DW_WORD}, {"sunday", 6, DW_WORD}, {"january", 7, DW_MONTH},
    {"october", 7, DW_MONTH}, {"tuesday", 7, DW_WORD}, {"updated", 7, DW_WORD},
    {"december", 8, DW_MONTH}, {"february", 8, DW_MONTH}, {"november", 8, DW_MONTH},
    {"saturday", 8, DW_WORD}, {"thursday", 8, DW_WORD}, {"published", 9, DW_WORD},
    {"september", 9, DW_MONTH}, {"wednesday", 9, DW_WORD}};
/* The longest date word; a longer token is none. */
#define DATE_WORD_MAX 9
/* date_words[date_word_from[n], date_word_from[n + 1]) are those of n bytes. */
static const unsigned char date_word_from[DATE_WORD_MAX + 2] = {0,  0,  4,  13, 51, 63,
                                                                66, 71, 75, 80, 83};

/* The kind of date word t[s, e) is (in any case), or 0. */
static int date_word_kind(const char *t, size_t s, size_t e) {
  size_t len = e - s;
  if (e <= s || len > DATE_WORD_MAX) return 0;
  char low[DATE_WORD_MAX];
  for (size_t i = 0; i < len; i++) low[i] = lower(t[s + i]);
  size_t lo = date_word_from[len], hi = date_word_from[len + 1];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const date_word *w = &date_words[mid];
    int c = 0;
    for (size_t k = 0; c == 0 && k < len; k++)
      if (w->w[k] != low[k]) c = (unsigned char)w->w[k] < (unsigned char)low[k] ? -1 : 1;
    if (c == 0) return w->kind;
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  return 0;
}

static int is_zone(const char *t, size_t s, size_t e) { return date_word_kind(t, s, e) == DW_ZONE; }

typedef enum date_tok { TOK_OTHER, TOK_WORD, TOK_NUMBER, TOK_YEAR, TOK_MONTH, TOK_ISO } date_tok;

/* Classifies one token of a date line. */
static date_tok date_token(const char *t, size_t s, size_t e) {
  while (e > s && (t[e - 1] == ',' || t[e - 1] == '.' || t[e - 1] == ':' || t[e - 1] == ')'))
    e--;
  while (s < e && t[s] == '(') s++;
  if (e <= s) return TOK_WORD;
  int kind = date_word_kind(t, s, e);
  if (kind == DW_MONTH) return TOK_MONTH;
  if (kind) return TOK_WORD;
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
  static const bp_word suffixes[] = {
      BP_WORD("am"), BP_WORD("pm"), BP_WORD("a.m"), BP_WORD("p.m"), BP_WORD("st"), BP_WORD("nd"),
      BP_WORD("rd"), BP_WORD("th"), BP_WORD("h")};
  return ieq_any(t, k, e, suffixes, sizeof suffixes / sizeof suffixes[0]) ? TOK_NUMBER : TOK_OTHER;
}

/* 1 when t[s, e) holds a digit: every date has one. */
static int has_digit(const char *t, size_t s, size_t e) {
  for (size_t i = s; i < e; i++)
    if (is_digit(t[i])) return 1;
  return 0;
}

static int is_dateline_trimmed(const char *t, size_t s, size_t e) {
  /* The tests are all required, so the cheap rejection of a first word
   * like "The" comes before looking for a digit. */
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
  return (iso || (month && number)) && has_digit(t, s, e);
}

static int is_capitalised(const char *t, size_t s, size_t e) {
  size_t n;
  return s < e && pc_cp_is_upper(pc_cp_at(t, s, e, &n));
}

static int is_byline_trimmed(const char *t, size_t s, size_t e) {
  static const bp_word roles[] = {
      BP_WORD("editor"), BP_WORD("correspondent"), BP_WORD("reporter"), BP_WORD("writer"),
      BP_WORD("journalist"), BP_WORD("columnist"), BP_WORD("contributor"), BP_WORD("staff"),
      BP_WORD("producer"), BP_WORD("analyst"), BP_WORD("bureau"), BP_WORD("chief"),
      BP_WORD("desk"), BP_WORD("newsroom"), BP_WORD("photographer")};
  if (pc_text_ends_sentence(t, s, e)) return 0;
  size_t i = s, ts, te;
  if (!next_token(t, &i, e, &ts, &te)) return 0;
  /* Either form needs "by" or a comma: cheaper to see than the words. */
  int by = ieq(t, ts, te, "by");
  if (!by && !memchr(t + s, ',', e - s)) return 0;
  size_t words = pc_text_words_upto(t, s, e, 11);
  if (words < 2 || words > 10) return 0;
  if (by) {
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

int pc_boiler_is_widget(const char *t, size_t s, size_t e) {
  trim_marks(t, &s, &e);
  return is_widget_trimmed(t, s, e);
}

int pc_boiler_is_dateline(const char *t, size_t s, size_t e) {
  trim_marks(t, &s, &e);
  return is_dateline_trimmed(t, s, e);
}

int pc_boiler_is_byline(const char *t, size_t s, size_t e) {
  trim_marks(t, &s, &e);
  return is_byline_trimmed(t, s, e);
}

static int is_ascii_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* The first occurrence of `w` (ASCII letters in any case) in t[s, e). A
 * pattern with a byte that is not a letter is found by memchr for that
 * byte, which has one case only. */
static int contains_at(const char *t, size_t s, size_t e, const char *w, size_t *at) {
  size_t n = strlen(w), o = 0;
  while (o < n && is_ascii_letter(w[o])) o++;
  if (o < n) {
    for (size_t i = s; i + n <= e;) {
      const char *hit = memchr(t + i + o, w[o], e - (i + o));
      if (!hit) return 0;
      i = (size_t)(hit - t) - o;
      if (pc_text_has_iprefix(t, i, e, w)) { *at = i; return 1; }
      i++;
    }
    return 0;
  }
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
  static const bp_word agencies[] = {
      BP_WORD("Getty Images"), BP_WORD("/AFP"), BP_WORD("/Reuters"), BP_WORD("/AP"),
      BP_WORD("/PA"), BP_WORD("PA Wire"), BP_WORD("Shutterstock"), BP_WORD("/Alamy"),
      BP_WORD("/EPA"), BP_WORD("AP Photo")};
  if (pc_text_ends_sentence(t, s, e) && t[e - 1] != ')') return 0;
  /* Every marker ends with a colon: each colon, in order, is tested as the
   * end of each marker; a marker counts at its first occurrence only. */
  enum { N_MARKERS = sizeof markers / sizeof markers[0] };
  unsigned char seen[N_MARKERS] = {0};
  for (const char *c = e > s ? memchr(t + s, ':', e - s) : NULL; c;
       c = (size_t)(c + 1 - t) < e ? memchr(c + 1, ':', e - (size_t)(c + 1 - t)) : NULL) {
    size_t rest = (size_t)(c - t) + 1;
    for (size_t k = 0; k < N_MARKERS; k++) {
      size_t n = strlen(markers[k]);
      if (seen[k] || rest - s < n || !pc_text_has_iprefix(t, rest - n, e, markers[k])) continue;
      seen[k] = 1;
      size_t at = rest - n;
      if (at > s && t[at - 1] != ' ' && t[at - 1] != '(') continue;
      if (e - rest <= 80 && pc_text_words_upto(t, rest, e, 11) <= 10) return 1;
    }
  }
  size_t tail = e;
  while (tail > s && (t[tail - 1] == ')' || t[tail - 1] == ' ')) tail--;
  for (size_t k = 0; k < sizeof agencies / sizeof agencies[0]; k++) {
    size_t n = agencies[k].len;
    if (tail - s >= n && pc_text_has_iprefix(t, tail - n, tail, agencies[k].w) &&
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
  char first = s < e ? lower(t[s]) : 0;
  if (first != 'd' && first != 'p' && first != 'u' && first != 'l') return s;
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
  /* The line goes on in lower case: the date was the start of a sentence
   * ("Dated April 2015 and drawn up to brief the Senate, ..."). */
  if (end < e && pc_text_starts_lower(t, end, e)) return s;
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

/* "sources", "further reading"... : t[s, e) trimmed. */
#define REFERENCE_NAME_MAX 27 /* "sources and further reading" */
static int is_reference_name(const char *t, size_t s, size_t e) {
  if (e - s > REFERENCE_NAME_MAX) return 0;
  static const bp_word names[] = {
      BP_WORD("sources"), BP_WORD("source"), BP_WORD("information sources"), BP_WORD("references"),
      BP_WORD("reference"), BP_WORD("further reading"), BP_WORD("see also"),
      BP_WORD("bibliography"), BP_WORD("citations"), BP_WORD("external links"), BP_WORD("links"),
      BP_WORD("related links"), BP_WORD("useful links"), BP_WORD("footnotes"),
      BP_WORD("works cited"), BP_WORD("notes and references"), BP_WORD("sources and references"),
      BP_WORD("sources and further reading"), BP_WORD("read more")};
  return ieq_any(t, s, e, names, sizeof names / sizeof names[0]);
}

int pc_boiler_is_reference_heading(const char *t, size_t s, size_t e) {
  while (s < e && t[s] == '#') s++;
  trim_marks(t, &s, &e);
  return is_reference_name(t, s, e);
}

int pc_boiler_is_citation(const char *t, size_t s, size_t e) {
  while (e > s && (t[e - 1] == '.' || t[e - 1] == ',' || t[e - 1] == ';' || t[e - 1] == ' ')) e--;
  if (e - s >= 2 && t[s] == '(' && t[e - 1] == ')') { s++; e--; }
  while (s < e && t[s] == ' ') s++;
  while (e > s && t[e - 1] == ' ') e--;
  if (s >= e) return 0;
  pc_link_parts lp;
  if (t[s] == '[') return pc_inline_link_at(t, s, e, &lp) && lp.end == e;
  /* A URL ends at a space, so a line with one is no bare URL. */
  if (memchr(t + s, ' ', e - s)) return 0;
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
      /* A line going on in lower case is the start of a sentence: "It
       * depends on which airline rewards program" / "you've chosen, ...". */
      if (i + 1 < n && is_text(&lines[i + 1]) &&
          pc_text_starts_lower(t, lines[i + 1].text_start, lines[i + 1].text_end))
        break;
      l->type = PC_LINE_BOILER;
    }
    int body_seen = 0;
    for (size_t i = 0; i < n; i++) {
      pc_line *l = &lines[i];
      if (!is_text(l)) continue;
      size_t s = l->text_start, e = l->text_end, ts = s, te = e;
      trim_marks(t, &ts, &te);
      if (is_widget_trimmed(t, ts, te) || is_dateline_trimmed(t, ts, te) ||
          is_byline_trimmed(t, ts, te)) {
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
      /* an embed signature holds a '/' or a '@' */
      l->tail_start = l->holds & (PC_LINE_HOLDS_SLASH | PC_LINE_HOLDS_AT)
                          ? pc_boiler_embed_start(t, l->body_start, e)
                          : e;
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
