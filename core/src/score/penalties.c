/* Each test gives a penalty; they combine like independent odds
 * (1 - product of (1 - p)), so two weak signs make a strong one. */
#include "score/penalties.h"

#include <stdint.h>

/* Penalty for each sign, with why. */
#define PEN_QUESTION 0.5     /* news summaries state; a question rarely informs */
#define PEN_EXCLAIM 0.2      /* exclamations are tone, not content */
#define PEN_TINY 0.8         /* under 4 words: a fragment or a label */
#define PEN_SHORT 0.3        /* under 7 words: says too little alone */
#define PEN_LOWER_START 0.4  /* starts in lower case: a broken piece */
#define PEN_NO_END 0.3       /* no closing punctuation: a heading or a cut line */
#define PEN_STAMP 1.0        /* a date/time/byline stamp, not a sentence */
#define PEN_PROMO 0.9        /* navigation and promotion */
#define PEN_PROMO_WORD 0.35  /* one promotional word: maybe innocent */
#define PEN_LINK 0.6         /* URLs, e-mail and @handles read badly */
#define PEN_CAPTION 1.0      /* "Credit: X/AFP", "(Photo: ...)" */
#define PEN_SHOUT 0.7        /* mostly capitals: a heading or a banner */
#define PEN_ORPHAN_QUOTE 0.3 /* the middle of someone's quote, speaker unknown */
/* Ends in a colon: it announces what follows (a list, a quote, a table)
 * and reads as cut off without it; as strong as a missing full stop. */
#define PEN_COLON_END 0.3
/* Wholly inside quote marks with no speaker: a line of someone's speech
 * whose "who says so" is in another sentence. Small, because a quote can
 * still carry the news; measured on held-out halves of both eval sets. */
#define PEN_BARE_QUOTE 0.1

/* The word classes the sign loop of pc_penalty looks at. */
#define SIGN_CLASSES                                                                            \
  (PC_LEX_MONTH | PC_LEX_WEEKDAY | PC_LEX_DATELINE | PC_LEX_PROMO | PC_LEX_PAIR | PC_LEX_LINK | \
   PC_LEX_CAPTION | PC_LEX_GETTY)

/* pc_penalty looks for the signs among the scan's marks. */
_Static_assert((SIGN_CLASSES & ~PC_SCAN_MARK_CLASSES) == 0, "sign words are marks");

static double combine(double p, double q) { return 1.0 - (1.0 - p) * (1.0 - q); }

static int key_is(const pc_view *v, size_t i, uint64_t key) {
  return i < v->n && v->tok[i].kind == PC_TOK_WORD && v->tok[i].key == key;
}

static int is_end_mark(unsigned cp) { return cp == '.' || cp == '?' || cp == '!' || cp == 0x2026; }

int pc_ends_sentence(const pc_scan *s) { return is_end_mark(s->end); }

/* Opens with a quote mark and closes with one (before or after its full
 * stop), and names nobody saying it. */
static int bare_quote(const pc_view *v, const pc_quotes *quotes) {
  if (!quotes->marks || quotes->speaker || v->n < 3) return 0;
  const pc_token *a = &v->tok[0], *z = &v->tok[v->n - 1];
  if (z->kind == PC_TOK_PUNCT && !pc_is_quote_mark(z->cp) && v->n > 3) z--;
  return a->kind == PC_TOK_PUNCT && pc_is_quote_mark(a->cp) && z->kind == PC_TOK_PUNCT &&
         pc_is_quote_mark(z->cp);
}

static int promo_phrase(const pc_view *v, size_t i) {
  for (size_t p = 0; p < PC_PROMO_PAIRS; p++)
    if (v->tok[i].key == v->lex->promo_pairs[p][0] && key_is(v, i + 1, v->lex->promo_pairs[p][1]))
      return 1;
  return 0;
}

double pc_penalty(const pc_scan *s, size_t n_words, const pc_quotes *quotes) {
  const pc_view *v = s->v;
  double pen = 0;
  unsigned end = s->end;
  if (end == '?') pen = combine(pen, PEN_QUESTION);
  if (end == '!') pen = combine(pen, PEN_EXCLAIM);
  if (n_words < 4) pen = combine(pen, PEN_TINY);
  else if (n_words < 7) pen = combine(pen, PEN_SHORT);
  if (!is_end_mark(end) && end != ':' && end != ';') pen = combine(pen, PEN_NO_END);
  size_t first = 0;
  while (first < v->n && v->tok[first].kind == PC_TOK_PUNCT) first++;
  if (first < v->n && v->tok[first].kind == PC_TOK_WORD &&
      !(v->tok[first].flags & (PC_TOKF_CAPITAL | PC_TOKF_CASELESS)))
    pen = combine(pen, PEN_LOWER_START);
  if (key_is(v, first, v->lex->key_by) && n_words < 12 && first + 1 < v->n &&
      (v->tok[first + 1].flags & PC_TOKF_CAPITAL))
    pen = combine(pen, PEN_STAMP); /* "By Jane Smith, Deputy Editor" */

  /* Words, numbers and capitals are counted already; the signs are among
   * the marks ('@' and every word of a sign class). */
  size_t stamp = v->n_number, words = v->n - v->n_punct, upper = s->upper, promo_words = 0;
  int promo = 0, link = 0, caption = 0;
  int has_signs = (v->any_cls & SIGN_CLASSES) || v->any_at;
  for (size_t m = 0; has_signs && m < s->n_marks; m++) {
    size_t i = s->marks[m];
    const pc_token *t = &v->tok[i];
    if (t->kind == PC_TOK_PUNCT) {
      if (t->cp == '@' && i + 1 < v->n && v->tok[i + 1].off == t->off + 1) link = 1;
      continue;
    }
    unsigned cls = t->kind == PC_TOK_WORD ? t->cls : 0;
    if (!(cls & SIGN_CLASSES)) continue;
    if (cls & (PC_LEX_MONTH | PC_LEX_WEEKDAY | PC_LEX_DATELINE)) stamp++;
    if (cls & PC_LEX_PROMO) promo_words++;
    if ((cls & PC_LEX_PAIR) && promo_phrase(v, i)) promo = 1;
    if (cls & PC_LEX_LINK) link = 1;
    if ((cls & PC_LEX_CAPTION) && pc_view_is_punct(v, i + 1, ':')) caption = 1;
    if ((cls & PC_LEX_GETTY) && key_is(v, i + 1, v->lex->key_images)) caption = 1;
  }
  if (words >= 2 && stamp * 2 >= words) pen = combine(pen, PEN_STAMP);
  if (promo) pen = combine(pen, PEN_PROMO);
  if (promo_words >= 3 || (promo_words >= 1 && n_words < 10))
    pen = combine(pen, promo_words >= 2 ? 2 * PEN_PROMO_WORD : PEN_PROMO_WORD);
  if (link) pen = combine(pen, PEN_LINK);
  if (caption) pen = combine(pen, PEN_CAPTION);
  if (words >= 4 && upper * 5 > words * 3) pen = combine(pen, PEN_SHOUT);
  if (quotes->orphan) pen = combine(pen, PEN_ORPHAN_QUOTE);
  if (end == ':') pen = combine(pen, PEN_COLON_END);
  if (bare_quote(v, quotes)) pen = combine(pen, PEN_BARE_QUOTE);
  return pen > 1 ? 1 : pen;
}
