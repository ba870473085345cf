/* Content words: the tokens that carry meaning (not stop words, not
 * punctuation), compared by stem. Shared by centrality and by the
 * redundancy check of the selection stage. */
#ifndef PRECIS_SCORE_CONTENT_H
#define PRECIS_SCORE_CONTENT_H

#include "score/view.h"

/* Whether token t is a content word: not a stop word (only words have
 * classes), and a number or a word of two letters or more, or of a script
 * without case. Written without branches: stop words and others alternate
 * at random, so a pass that counts content words must not branch on it. */
static inline int pc_is_content_token(const pc_token *t) {
  return ((t->cls & PC_LEX_STOP) == 0) &
         ((t->kind == PC_TOK_NUMBER) |
          ((t->kind == PC_TOK_WORD) & ((t->letters >= 2) | ((t->flags & PC_TOKF_CASELESS) != 0))));
}

static inline int pc_is_content(const pc_view *v, size_t i) {
  return pc_is_content_token(&v->tok[i]);
}

#endif
