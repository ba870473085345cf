/* Entity runs by capitalisation (utf8proc categories, so any cased script)
 * and all-capital acronyms. */
#include "score/entities.h"

/* A sentence that is mostly capitals is shouting or a heading: its capitals
 * say nothing about names. */
static int is_shouting(const pc_view *v) {
  if (!(v->any_flags & PC_TOKF_ALL_UPPER)) return 0;
  size_t words = 0, upper = 0;
  for (size_t i = 0; i < v->n; i++) {
    const pc_token *t = &v->tok[i];
    size_t word = t->kind == PC_TOK_WORD && t->letters >= 2;
    words += word;
    upper += word & ((t->flags & PC_TOKF_ALL_UPPER) != 0);
  }
  return words >= 3 && upper * 5 > words * 3;
}

/* Only words carry flags, so the flags alone say it. */
static int is_capital(const pc_token *t) {
  return (t->flags & (PC_TOKF_CAPITAL | PC_TOKF_CASELESS)) == PC_TOKF_CAPITAL;
}

/* A token where a new sentence (or a quoted one) begins, so its capital
 * letter is grammar, not a name. */
static int opens_clause(const pc_view *v, size_t i) {
  for (size_t j = i; j-- > 0;) {
    const pc_token *t = &v->tok[j];
    if (t->kind != PC_TOK_PUNCT) return 0;
    if (pc_is_double_quote(t->cp) || t->cp == ':' || t->cp == 0x2018 || t->cp == '(' ||
        t->cp == 0x2014 || t->cp == '-' || t->cp == 0x2013)
      return 1;
  }
  return 1; /* only punctuation before it: the sentence start */
}

int pc_find_entities(const pc_view *v, pc_entity_fn found, void *ctx) {
  if (!(v->any_flags & PC_TOKF_CAPITAL) || is_shouting(v)) return 0;
  /* In locals: found() could change what v points at, as far as the
   * compiler knows, which would reload them on every token. */
  const pc_token *tok = v->tok;
  size_t n = v->n, i = 0;
  while (i < n) {
    /* Most words: skipped four at a time while none has a capital. */
    while (i + 4 <= n &&
           !((tok[i].flags | tok[i + 1].flags | tok[i + 2].flags | tok[i + 3].flags) &
             PC_TOKF_CAPITAL))
      i += 4;
    while (i < n && !is_capital(&tok[i])) i++;
    if (i == n) break;
    size_t start = i, end = i + 1;
    for (;;) {
      if (end < v->n && is_capital(&v->tok[end])) {
        end++;
      } else if (end + 1 < v->n && is_capital(&v->tok[end + 1]) &&
                 ((v->tok[end].kind == PC_TOK_WORD && !(v->tok[end].flags & PC_TOKF_CAPITAL) &&
                   (pc_view_classes(v, end) & PC_LEX_CONNECT)) ||
                  pc_view_is_punct(v, end, '-'))) {
        end += 2;
      } else {
        break;
      }
    }
    i = end;
    int initial = opens_clause(v, start);
    /* "The White House": a capitalised function word is not part of it, */
    /* ... nor is a one-letter word opening the sentence ("В Москве"). */
    while (start < end && (((pc_view_classes(v, start) & PC_LEX_STOP) &&
                            !(v->tok[start].flags & PC_TOKF_ALL_UPPER)) ||
                           (initial && v->tok[start].letters < 2)))
      start++, initial = 0;
    if (start == end) continue;
    size_t last = end - 1;
    unsigned head_cls = pc_view_classes(v, last);
    if (head_cls & (PC_LEX_STOP | PC_LEX_HONORIFIC)) continue; /* "President" alone */
    int acronym = (v->tok[last].flags & PC_TOKF_ALL_UPPER) && v->tok[last].letters <= 6;
    if (end - start == 1 && !acronym && (head_cls & (PC_LEX_MONTH | PC_LEX_WEEKDAY))) continue;
    pc_entity e;
    e.head = v->tok[last].key;
    e.first = (uint32_t)start;
    e.n_tokens = (uint32_t)(end - start);
    e.tentative = initial && end - start == 1 && !acronym;
    int stop = found(ctx, &e);
    if (stop) return stop;
  }
  return 0;
}
