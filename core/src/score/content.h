/* Content words: the tokens that carry meaning (not stop words, not
 * punctuation), compared by stem. Shared by centrality and by the
 * redundancy check of the selection stage. */
#ifndef PRECIS_SCORE_CONTENT_H
#define PRECIS_SCORE_CONTENT_H

#include "score/view.h"

/* Whether token t is a content word (pc_token_role says which are). */
static inline int pc_is_content_token(const pc_token *t) {
  return (t->role & PC_ROLE_CONTENT) != 0;
}

static inline int pc_is_content(const pc_view *v, size_t i) {
  return pc_is_content_token(&v->tok[i]);
}

#endif
