/* What every sentence-level detector reads: the sentence text, its tokens
 * and the word lists. */
#ifndef PRECIS_SCORE_VIEW_H
#define PRECIS_SCORE_VIEW_H

#include <stddef.h>
#include <string.h>

#include "score/lexicon.h"
#include "score/tokens.h"

typedef struct pc_view {
  const char *text;
  size_t len;
  const pc_token *tok;
  size_t n;
  const pc_lexicon *lex;
  /* What the sentence holds at all, so a detector can skip a sentence
   * that cannot fire: */
  unsigned any_cls;   /* OR of the words' PC_LEX_* classes */
  unsigned any_flags; /* OR of the words' PC_TOKF_* flags */
  unsigned any_kind;  /* bit 1 << pc_token_kind of each token kind */
  int any_quote;      /* a quote mark or apostrophe token (pc_is_quote_mark) */
  int any_at;         /* an '@' token */
  size_t n_punct;     /* PC_TOK_PUNCT tokens */
  size_t n_number;    /* PC_TOK_NUMBER tokens */
} pc_view;


/* Opening or closing quotation marks of any style (not the apostrophe). */
static inline int pc_is_double_quote(unsigned cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00AB ||
         cp == 0x00BB || cp == 0x201F;
}

/* Any quote mark, single ones and the apostrophe included. */
static inline int pc_is_quote_mark(unsigned cp) {
  return pc_is_double_quote(cp) || cp == 0x2018 || cp == 0x2019 || cp == '\'';
}

/* Tokenises text[0..len) into `tokens` (a pc_vec of pc_token, cleared
 * first) and points `v` at them, every word looked up in the word lists as
 * it is read (one pass; what pc_tokenize and pc_view_init do); lex must not
 * be NULL. Returns 0, or -1 when memory runs out. */
int pc_view_tokenize(pc_view *v, const pc_alloc *mem, const char *text, size_t len,
                     pc_vec *tokens, const pc_lexicon *lex);

/* Word classes a figure (counts, weekdays), a quote (speech verbs) or a
 * penalty sign (stamps, promotion, links, captions) looks for. */
#define PC_SCAN_MARK_CLASSES                                                            \
  (PC_LEX_COUNT | PC_LEX_WEEKDAY | PC_LEX_SPEECH | PC_LEX_MONTH | PC_LEX_DATELINE |     \
   PC_LEX_PROMO | PC_LEX_PAIR | PC_LEX_LINK | PC_LEX_CAPTION | PC_LEX_GETTY)

/* The PC_ROLE_* of token t, its classes looked up: capitalised when its
 * first letter is; a mark when it is a number, punctuation or a word of
 * PC_SCAN_MARK_CLASSES; content when it is not a stop word (only words
 * have classes) and is a number or a word of two letters or more, or of a
 * script without case. Without branches: stop words and others alternate
 * at random. */
static inline uint8_t pc_token_role(const pc_token *t) {
  unsigned cap = (t->flags & PC_TOKF_CAPITAL) != 0;
  unsigned mark = (t->kind != PC_TOK_WORD) | ((t->cls & PC_SCAN_MARK_CLASSES) != 0);
  unsigned content =
      ((t->cls & PC_LEX_STOP) == 0) &
      ((t->kind == PC_TOK_NUMBER) |
       ((t->kind == PC_TOK_WORD) & ((t->letters >= 2) | ((t->flags & PC_TOKF_CASELESS) != 0))));
  return (uint8_t)(cap * PC_ROLE_CAP | mark * PC_ROLE_MARK | content * PC_ROLE_CONTENT);
}

/* Adds token t, its classes looked up, to the summary of what v holds. */
static inline void pc_view_note(pc_view *v, const pc_token *t) {
  v->any_cls |= t->cls;
  v->any_flags |= t->flags;
  v->any_kind |= 1u << t->kind;
  if (t->kind == PC_TOK_NUMBER) v->n_number++;
  if (t->kind == PC_TOK_PUNCT) {
    v->n_punct++;
    if (pc_is_quote_mark(t->cp)) v->any_quote = 1;
    if (t->cp == '@') v->any_at = 1;
  }
}

/* Points `v` at tokens[0..n) of text and looks every word up in the word
 * lists once, so the detectors read classes without hashing again. */
static inline void pc_view_init(pc_view *v, const char *text, size_t len, pc_token *tokens,
                                size_t n, const pc_lexicon *lex) {
  memset(v, 0, sizeof *v);
  v->text = text;
  v->len = len;
  v->tok = tokens;
  v->n = n;
  v->lex = lex;
  for (size_t i = 0; i < n; i++) {
    pc_token *t = &tokens[i];
    t->cls = t->kind == PC_TOK_WORD ? pc_lexicon_classes(lex, t->key) : 0;
    t->role = pc_token_role(t);
    pc_view_note(v, t);
  }
}

static inline unsigned pc_view_classes(const pc_view *v, size_t i) {
  return i < v->n ? v->tok[i].cls : 0u;
}

static inline int pc_view_is_punct(const pc_view *v, size_t i, unsigned cp) {
  return i < v->n && v->tok[i].kind == PC_TOK_PUNCT && v->tok[i].cp == cp;
}

#endif
