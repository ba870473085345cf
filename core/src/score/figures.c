/* Figure detection around each number token. A figure with a unit or an
 * object counts fully; a date says when; a bare number says little. */
#include "score/figures.h"

#include <string.h>

/* Weights per kind: money, shares and measures are the hard facts of a
 * news story; counts of people or things nearly so; dates and bare numbers
 * (ages, scores, page numbers) much less. */
/* pc_find_figures looks for counting and weekday words among the marks. */
_Static_assert(((PC_LEX_COUNT | PC_LEX_WEEKDAY) & ~PC_SCAN_MARK_CLASSES) == 0, "they are marks");

static const double kind_weight[PC_FIG_KINDS] = {1.0, 1.0, 0.9, 0.8, 0.4, 0.2};

static int is_currency_symbol(unsigned cp) {
  return cp == '$' || cp == 0x00A3 /* £ */ || cp == 0x20AC /* € */ || cp == 0x00A5 /* ¥ */ ||
         cp == 0x20B9 /* ₹ */ || cp == 0x20BD /* ₽ */ || cp == 0x20A9 /* ₩ */;
}

/* The letters a number token ends with: "bn" of "1.13bn", "km" of "5km". */
static size_t number_suffix(const pc_view *v, size_t i, const char **suffix) {
  const pc_token *t = &v->tok[i];
  size_t end = t->off + t->len, k = end;
  while (k > t->off && ((v->text[k - 1] | 0x20) >= 'a' && (v->text[k - 1] | 0x20) <= 'z')) k--;
  *suffix = v->text + k;
  return end - k;
}

static int suffix_is(const char *s, size_t n, const char *word) {
  size_t m = strlen(word);
  if (n != m) return 0;
  for (size_t i = 0; i < n; i++)
    if ((s[i] | 0x20) != word[i]) return 0;
  return 1;
}

static int is_year(const pc_view *v, size_t i) {
  const pc_token *t = &v->tok[i];
  if (t->len != 4) return 0;
  const char *s = v->text + t->off;
  for (int k = 0; k < 4; k++)
    if (s[k] < '0' || s[k] > '9') return 0;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  return y >= 1800 && y <= 2100;
}

static int is_lower_word(const pc_view *v, size_t i) {
  return i < v->n && v->tok[i].kind == PC_TOK_WORD && !(v->tok[i].flags & PC_TOKF_CAPITAL);
}

static pc_figure_kind classify_number(const pc_view *v, size_t i) {
  if (i > 0 && v->tok[i - 1].kind == PC_TOK_PUNCT && is_currency_symbol(v->tok[i - 1].cp))
    return PC_FIG_MONEY;
  const char *suf;
  size_t sn = number_suffix(v, i, &suf);
  if (sn) {
    if (suffix_is(suf, sn, "bn") || suffix_is(suf, sn, "m") || suffix_is(suf, sn, "tn") ||
        suffix_is(suf, sn, "k"))
      return PC_FIG_COUNT; /* a scale without a currency: "5m viewers" */
    if (suffix_is(suf, sn, "am") || suffix_is(suf, sn, "pm") || suffix_is(suf, sn, "th") ||
        suffix_is(suf, sn, "st") || suffix_is(suf, sn, "nd") || suffix_is(suf, sn, "rd") ||
        suffix_is(suf, sn, "s"))
      return PC_FIG_DATE;
    return PC_FIG_MEASURE; /* "5km", "10kg", "100mph" */
  }
  if (pc_view_is_punct(v, i + 1, '%')) return PC_FIG_PERCENT;
  unsigned next = pc_view_classes(v, i + 1);
  if (next & PC_LEX_SCALE) {
    unsigned after = pc_view_classes(v, i + 2);
    return (after & PC_LEX_CURRENCY) ? PC_FIG_MONEY : PC_FIG_COUNT;
  }
  if (next & PC_LEX_CURRENCY) return PC_FIG_MONEY;
  if (next & PC_LEX_PERCENT) return PC_FIG_PERCENT;
  if (i + 2 < v->n && v->tok[i + 1].key == v->lex->key_per &&
      (pc_view_classes(v, i + 2) & PC_LEX_PERCENT))
    return PC_FIG_PERCENT;
  if (next & PC_LEX_UNIT) return PC_FIG_MEASURE;
  if ((next & PC_LEX_MONTH) || (i > 0 && (pc_view_classes(v, i - 1) & PC_LEX_MONTH)) || is_year(v, i))
    return PC_FIG_DATE;
  if (v->tok[i].len >= 3 && v->text[v->tok[i].off + 1] == ':') return PC_FIG_DATE; /* 9:25 */
  if (is_lower_word(v, i + 1) && !(next & PC_LEX_STOP)) return PC_FIG_COUNT;
  if (is_lower_word(v, i + 1) && is_lower_word(v, i + 2) && !(pc_view_classes(v, i + 2) & PC_LEX_STOP))
    return PC_FIG_COUNT; /* "48 more people" */
  return PC_FIG_NUMBER;
}

void pc_find_figures(const pc_scan *s, pc_figures *out) {
  const pc_view *v = s->v;
  memset(out, 0, sizeof *out);
  if (!(v->any_kind & (1u << PC_TOK_NUMBER)) && !(v->any_cls & (PC_LEX_COUNT | PC_LEX_WEEKDAY)))
    return; /* no number, no counting or weekday word */
  size_t from = 0; /* tokens before it belong to a figure already counted */
  for (size_t m = 0; m < s->n_marks; m++) {
    size_t i = s->marks[m];
    if (i < from) continue;
    const pc_token *t = &v->tok[i];
    pc_figure_kind k;
    if (t->kind == PC_TOK_NUMBER) {
      k = classify_number(v, i);
      /* "$500 billion": the scale word belongs to this figure. */
      if (pc_view_classes(v, i + 1) & (PC_LEX_SCALE | PC_LEX_PERCENT | PC_LEX_UNIT)) from = i + 2;
    } else if (t->kind == PC_TOK_WORD) {
      unsigned cls = pc_view_classes(v, i);
      if ((cls & PC_LEX_COUNT) && is_lower_word(v, i + 1))
        k = PC_FIG_COUNT; /* "dozens of homes", "three people" */
      else if ((cls & PC_LEX_WEEKDAY) && (t->flags & PC_TOKF_CAPITAL))
        k = PC_FIG_DATE; /* "on Friday" */
      else
        continue;
      if (k == PC_FIG_COUNT) out->weight -= kind_weight[k] * 0.5; /* spelled out: vaguer */
    } else {
      continue;
    }
    out->count[k]++;
    out->weight += kind_weight[k];
  }
}
