/* Document-level term statistics and content-word centrality: a sentence is
 * central when its content words recur across the document. Each sentence is
 * scored against the document's term counts (linear), never against every
 * other sentence (quadratic). */
#ifndef PRECIS_SCORE_CENTRALITY_H
#define PRECIS_SCORE_CENTRALITY_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "score/termtab.h"

/* A term's statistics, by id (the table's entry): the sentences it occurs
 * in (df, fewer than 2^31 as sentences are shorter than a byte), counted by
 * pc_terms_weigh, and PC_TERM_IN_TITLE when the title has it. Its slot's
 * word (pc_idtab) holds the last sentence counted + 1 (0 = none). */
typedef uint32_t pc_term_stat;
#define PC_TERM_IN_TITLE 0x80000000u

typedef struct pc_terms {
  const pc_alloc *mem;
  pc_idtab tab;       /* stem -> id, its entry a pc_term_stat */
  /* Set by pc_terms_weigh, by id: what centrality reads, in one load per
   * term. log(df), 0 when df < 2, negated (-0.0 for 0) when the title has
   * the term: weights are never negative, so the sign bit is free. */
  double *weights;
} pc_terms;

/* The statistics of term id. */
static inline pc_term_stat *pc_terms_stat(const pc_terms *t, uint32_t id) {
  return (pc_term_stat *)(void *)t->tab.entries + id;
}

void pc_terms_init(pc_terms *t, const pc_alloc *mem);
void pc_terms_free(pc_terms *t);

/* Room for n distinct terms without growing: 0, or -1 when memory runs out. */
int pc_terms_reserve(pc_terms *t, size_t n);

/* Notes `stem` as occurring in sentence `sentence`; *id gets its index.
 * Returns 1 the first time this sentence has it, 0 for a repeat, -1 when
 * memory runs out; the caller keeps the id in its stream of ids when 1
 * (pc_terms_weigh counts them). */
int pc_terms_add(pc_terms *t, uint64_t stem, size_t sentence, uint32_t *id);

/* pc_terms_add for the stem of each token tok[list[c]], c < n, in order:
 * the ids of the terms new to the sentence are written at *ids (room for
 * PC_IDS_MAX_UNITS each; *ids is advanced past them) and counted in
 * *n_new. 0, or -1 when memory runs out. */
struct pc_token;
int pc_terms_add_tokens(pc_terms *t, const struct pc_token *tok, const uint32_t *list, size_t n,
                        size_t sentence, uint16_t **ids, uint32_t *n_new);

/* Marks `stem` as a title word; 1 when new to the title, 0 if not, -1 OOM. */
int pc_terms_add_title(pc_terms *t, uint64_t stem);

/* log(k) of the counts centrality and entity weights take the log of, each
 * computed once per document: small counts by index (0 = not yet; log(1)
 * is 0 anyway), larger ones (the df of a common word in a long text) in
 * PC_LOG_LARGE slots by k modulo their number (k = 0 marks an empty slot).
 * A zeroed cache is empty. */
#define PC_LOG_CACHE 512
#define PC_LOG_LARGE 512
typedef struct pc_log_cache {
  double v[PC_LOG_CACHE];
  uint32_t large_k[PC_LOG_LARGE];
  double large_v[PC_LOG_LARGE];
} pc_log_cache;

static inline double pc_log_count(pc_log_cache *c, uint32_t k) {
  if (k < PC_LOG_CACHE) {
    if (c->v[k] == 0) c->v[k] = log((double)k);
    return c->v[k];
  }
  size_t slot = k % PC_LOG_LARGE;
  if (c->large_k[slot] != k) {
    c->large_k[slot] = k;
    c->large_v[slot] = log((double)k);
  }
  return c->large_v[slot];
}

/* Term ids kept for every sentence of a document, as a stream of 16-bit
 * units, 15 bits of the id in each, low first, the top bit set when more
 * follow: terms are numbered as they are first met, so nearly every id
 * takes one unit, written and read back without a loop. */
#define PC_IDS_MAX_UNITS 3 /* a 32-bit id */
int pc_ids_grow(const pc_alloc *mem, pc_vec *units);

/* The units pc_ids_write takes for id. */
static inline size_t pc_ids_units(uint32_t id) {
  size_t n = 1;
  for (; id >= 0x8000u; id >>= 15) n++;
  return n;
}
/* Writes id at u, where there is room for PC_IDS_MAX_UNITS; returns the end. */
static inline uint16_t *pc_ids_write(uint16_t *u, uint32_t id) {
  if (id < 0x8000u) {
    *u = (uint16_t)id;
    return u + 1;
  }
  for (; id >= 0x8000u; id >>= 15) *u++ = (uint16_t)(id | 0x8000u);
  *u++ = (uint16_t)id;
  return u;
}

/* The id at *u; *u is advanced past it. */
static inline uint32_t pc_ids_read(const uint16_t **u) {
  const uint16_t *p = *u;
  uint32_t id = *p++;
  if (id >= 0x8000u) {
    id &= 0x7FFFu;
    for (unsigned shift = 15;; shift += 15) {
      id |= (uint32_t)(*p & 0x7FFFu) << shift;
      if (!(*p++ & 0x8000u)) break;
    }
  }
  *u = p;
  return id;
}

/* Room for n more ids, so that many pc_ids_write need no check: 0, or -1
 * when memory runs out. */
static inline int pc_ids_reserve(const pc_alloc *mem, pc_vec *units, size_t n) {
  if (n > SIZE_MAX / PC_IDS_MAX_UNITS) return -1;
  return pc_vec_reserve(mem, units, sizeof(uint16_t), PC_IDS_MAX_UNITS * n);
}

/* Appends id, making room for it. */
static inline int pc_ids_push(const pc_alloc *mem, pc_vec *units, uint32_t id) {
  if (units->cap - units->len < PC_IDS_MAX_UNITS && pc_ids_grow(mem, units) != 0) return -1;
  uint16_t *u = (uint16_t *)units->data + units->len;
  units->len += (size_t)(pc_ids_write(u, id) - u);
  return 0;
}

/* Counts each term's sentences from a stream of `units` id units, without
 * weighing them: for the ids of a part of the text kept apart, before
 * pc_terms_weigh counts the rest. */
void pc_terms_count(pc_terms *t, const uint16_t *ids, size_t units);
/* Counts each term's sentences from the stream of `units` id units the
 * caller kept (pc_terms_add), a tight loop whose scattered counts wait for
 * memory all at once, and sets every term's weight: 0, or -1 when memory
 * runs out. Once, after all sentences are read. */
int pc_terms_weigh(pc_terms *t, pc_log_cache *logs, const uint16_t *ids, size_t units);

/* Centrality of a sentence whose n distinct content-term ids start at *ids
 * (advanced past them), after pc_terms_weigh: the sum of log(df) (a term only this sentence has
 * adds nothing), divided by sqrt(n + PC_CENTRALITY_SMOOTH) so long
 * sentences do not win by length alone (the length prior handles length).
 * *title_hits gets how many of the terms the title has. */
#define PC_CENTRALITY_SMOOTH 4.0
double pc_centrality(const pc_terms *t, const uint16_t **ids, size_t n, size_t *title_hits);

#endif
