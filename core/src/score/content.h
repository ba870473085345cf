/* Content words: the tokens that carry meaning (not stop words, not
 * punctuation), compared by stem. Shared by centrality and by the
 * redundancy check of the selection stage. */
#ifndef PRECIS_SCORE_CONTENT_H
#define PRECIS_SCORE_CONTENT_H

#include "score/view.h"

/* Whether token t is a content word. */
static inline int pc_is_content_token(const pc_token *t) {
  /* Stop words first: the commonest tokens (only words have classes). */
  if (t->cls & PC_LEX_STOP) return 0;
  if (t->kind == PC_TOK_NUMBER) return 1;
  return t->kind == PC_TOK_WORD && (t->letters >= 2 || (t->flags & PC_TOKF_CASELESS));
}

static inline int pc_is_content(const pc_view *v, size_t i) {
  return pc_is_content_token(&v->tok[i]);
}

#endif
