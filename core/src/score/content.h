/* Content words: the tokens that carry meaning (not stop words, not
 * punctuation), compared by stem. Shared by centrality and by the
 * redundancy check of the selection stage. */
#ifndef PRECIS_SCORE_CONTENT_H
#define PRECIS_SCORE_CONTENT_H

#include "score/view.h"

static inline int pc_is_content(const pc_view *v, size_t i) {
  const pc_token *t = &v->tok[i];
  if (t->kind == PC_TOK_NUMBER) return 1;
  if (t->kind != PC_TOK_WORD) return 0;
  if (t->letters < 2 && !(t->flags & PC_TOKF_CASELESS)) return 0;
  return !(pc_view_classes(v, i) & PC_LEX_STOP);
}

#endif
