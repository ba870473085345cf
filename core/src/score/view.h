/* What every sentence-level detector reads: the sentence text, its tokens
 * and the word lists. */
#ifndef PRECIS_SCORE_VIEW_H
#define PRECIS_SCORE_VIEW_H

#include <stddef.h>

#include "score/lexicon.h"
#include "score/tokens.h"

typedef struct pc_view {
  const char *text;
  size_t len;
  const pc_token *tok;
  size_t n;
  const pc_lexicon *lex;
} pc_view;

/* Points `v` at tokens[0..n) of text and looks every word up in the word
 * lists once, so the detectors read classes without hashing again. */
static inline void pc_view_init(pc_view *v, const char *text, size_t len, pc_token *tokens,
                                size_t n, const pc_lexicon *lex) {
  v->text = text;
  v->len = len;
  v->tok = tokens;
  v->n = n;
  v->lex = lex;
  for (size_t i = 0; i < n; i++)
    tokens[i].cls = tokens[i].kind == PC_TOK_WORD ? pc_lexicon_classes(lex, tokens[i].key) : 0u;
}

static inline unsigned pc_view_classes(const pc_view *v, size_t i) {
  return i < v->n ? v->tok[i].cls : 0u;
}

static inline int pc_view_is_punct(const pc_view *v, size_t i, unsigned cp) {
  return i < v->n && v->tok[i].kind == PC_TOK_PUNCT && v->tok[i].cp == cp;
}

/* Opening or closing quotation marks of any style (not the apostrophe). */
static inline int pc_is_double_quote(unsigned cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00AB ||
         cp == 0x00BB || cp == 0x201F;
}

#endif
