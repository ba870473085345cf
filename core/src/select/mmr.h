/* Maximal marginal relevance: pick sentences one at a time by their score
 * minus their similarity to what is already picked, so a sentence that
 * repeats a chosen one is not chosen too. */
#ifndef PRECIS_SELECT_MMR_H
#define PRECIS_SELECT_MMR_H

#include <stddef.h>

#include "doc.h"

/* Two sentences at least this similar (cosine of their content-word sets)
 * say the same thing: the later pick is refused whatever its score. */
#define PC_DUPLICATE_SIMILARITY 0.6

typedef struct pc_budget {
  size_t sentences;  /* at most this many */
  size_t words;      /* at most this many words, 0 = no limit */
} pc_budget;

/* Selects from the candidates pool[0..n_pool) (sentence indices, best
 * first) by MMR; sets `selected`. The first `lede` picks rank by `score`
 * with trade-off `lambda` in [0, 1]; later ones by `digest_score` with none
 * (a digest's central sentences overlap by nature), near-duplicates being
 * refused throughout. With a word budget, the room left is never filled
 * with a sentence scoring 0 or less (one the penalty sank). Work is
 * O(n_pool * budget.sentences) similarity checks, bounded by the caller.
 * 0, or -1 when memory runs out. */
int pc_mmr_select(pc_doc *d, const size_t *pool, size_t n_pool, pc_budget budget, double lambda,
                  size_t lede);

/* Content-word stems of text, sorted, distinct, into `stems` (uint64_t);
 * `tokens` is scratch. 0 or -1. Used for the similarity of sentences. */
struct pc_lexicon;
int pc_sentence_stems(const pc_alloc *mem, const struct pc_lexicon *lex, const char *text,
                      size_t len, pc_vec *tokens, pc_vec *stems);

/* Cosine similarity of two sorted distinct stem sets. */
double pc_stem_similarity(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

#endif
