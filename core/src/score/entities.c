/* Entity runs by capitalisation (utf8proc categories, so any cased script)
 * and all-capital acronyms. */
#include "score/entities.h"

/* A sentence that is mostly capitals is shouting or a heading: its capitals
 * say nothing about names. */
static int is_shouting(const pc_scan *s) {
  if (s->upper == 0) return 0;
  const pc_view *v = s->v;
  size_t words = 0;
  for (size_t i = 0; i < v->n; i++) {
    words += v->tok[i].kind == PC_TOK_WORD && v->tok[i].letters >= 2;
    /* Words only add up: once too many for the capitals, it is decided. */
    if (words >= 3 && s->upper * 5 <= words * 3) return 0;
  }
  return words >= 3 && s->upper * 5 > words * 3;
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

int pc_find_entities(const pc_scan *s, pc_entity_fn found, void *ctx) {
  const pc_view *v = s->v;
  if (s->n_caps == 0 || is_shouting(s)) return 0;
  size_t i = 0; /* tokens before i belong to a run already found */
  for (size_t c = 0; c < s->n_caps; c++) {
    if (s->caps[c] < i || !is_capital(&v->tok[s->caps[c]])) continue;
    i = s->caps[c];
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
