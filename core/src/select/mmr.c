/* MMR over a bounded pool of candidates. */
#include "select/mmr.h"

#include <math.h>
#include <stdlib.h>

#include "score/content.h"
#include "score/lexicon.h"

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* Up to this many stems are sorted by insertion, faster than qsort's calls
 * through a comparison pointer for the few content words of a sentence. */
#define PC_SMALL_SORT 32

/* Sorts s[0..n) ascending. */
static void sort_stems(uint64_t *s, size_t n) {
  if (n > PC_SMALL_SORT) {
    qsort(s, n, sizeof *s, cmp_u64);
    return;
  }
  for (size_t i = 1; i < n; i++) {
    uint64_t x = s[i];
    size_t j = i;
    for (; j > 0 && s[j - 1] > x; j--) s[j] = s[j - 1];
    s[j] = x;
  }
}

int pc_sentence_stems(const pc_alloc *mem, const pc_lexicon *lex, const char *text, size_t len,
                      pc_vec *tokens, pc_vec *stems) {
  pc_view v;
  if (pc_view_tokenize(&v, mem, text, len, tokens, lex) != 0) return -1;
  size_t first = stems->len;
  for (size_t i = 0; i < v.n; i++) {
    if (!pc_is_content(&v, i)) continue;
    uint64_t *slot = PC_VEC_PUSH(mem, stems, uint64_t);
    if (!slot) return -1;
    *slot = v.tok[i].stem;
  }
  /* Bounded: a sentence has at most PRECIS_MAX_SENTENCE_BYTES of text. */
  size_t n = stems->len - first, out = 0;
  if (n == 0) return 0; /* no content words: stems->data may still be NULL */
  uint64_t *s = (uint64_t *)stems->data + first;
  sort_stems(s, n);
  for (size_t i = 0; i < n; i++)
    if (out == 0 || s[out - 1] != s[i]) s[out++] = s[i];
  stems->len = first + out;
  return 0;
}

double pc_stem_similarity(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  if (na == 0 || nb == 0) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) common++, i++, j++;
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return (double)common / sqrt((double)na * (double)nb);
}

typedef struct candidate {
  size_t sentence;
  size_t stem_start, n_stems;
  double relevance;  /* score relative to the pool's best (1) */
  double digest_relevance; /* digest_score relative to the pool's best */
  double max_sim;    /* to the sentences picked so far */
  int done;          /* picked, or can never be picked */
} candidate;

/* A score relative to the pool's best, not min-max scaled: a pool holding
 * one heavily penalised sentence must not squeeze the good ones together.
 * The sign is kept: at most 0 means the penalty sank the sentence. */
static double relative(double score, double best) {
  return best > 0 ? score / best : score - best;
}

static int load_candidates(pc_doc *d, const size_t *pool, size_t n_pool, candidate *c,
                           pc_vec *stems) {
  pc_vec tokens = {NULL, 0, 0};
  int failed = 0;
  const pc_sentence *s = d->sentences.data;
  double hi = s[pool[0]].score, digest_hi = s[pool[0]].digest_score;
  for (size_t i = 0; i < n_pool && !failed; i++) {
    const pc_sentence *sent = &s[pool[i]];
    c[i].sentence = pool[i];
    c[i].stem_start = stems->len;
    failed = pc_sentence_stems(d->mem, d->lex, pc_sentence_text(d, sent), sent->text_len, &tokens,
                               stems) != 0;
    c[i].n_stems = stems->len - c[i].stem_start;
    if (sent->score > hi) hi = sent->score;
    if (sent->digest_score > digest_hi) digest_hi = sent->digest_score;
  }
  for (size_t i = 0; i < n_pool; i++) {
    c[i].relevance = relative(s[c[i].sentence].score, hi);
    c[i].digest_relevance = relative(s[c[i].sentence].digest_score, digest_hi);
  }
  pc_vec_free(d->mem, &tokens);
  return failed ? -1 : 0;
}

/* The candidate with the best MMR value that fits in `room` words (when
 * `limited`, which also refuses sentences of relevance 0 or less); by
 * digest relevance `past_lede`; ties go to the earlier sentence. n_pool
 * when none. */
static size_t best_candidate(const candidate *c, size_t n_pool, const pc_sentence *s,
                             size_t room, int limited, double lambda, int past_lede) {
  size_t best = n_pool;
  double best_value = 0;
  for (size_t i = 0; i < n_pool; i++) {
    if (c[i].done) continue;
    double relevance = past_lede ? c[i].digest_relevance : c[i].relevance;
    if (limited && (s[c[i].sentence].n_words > room || relevance <= 0)) continue;
    double value = (1.0 - lambda) * relevance - lambda * c[i].max_sim;
    if (best == n_pool || value > best_value ||
        (value == best_value && c[i].sentence < c[best].sentence)) {
      best = i;
      best_value = value;
    }
  }
  return best;
}

int pc_mmr_select(pc_doc *d, const size_t *pool, size_t n_pool, pc_budget budget, double lambda,
                  size_t lede) {
  if (n_pool == 0 || budget.sentences == 0) return 0;
  candidate *c = pc_calloc(d->mem, n_pool, sizeof *c);
  pc_vec stems = {NULL, 0, 0};
  if (!c || load_candidates(d, pool, n_pool, c, &stems) != 0) {
    pc_free(d->mem, c);
    pc_vec_free(d->mem, &stems);
    return -1;
  }
  pc_sentence *s = d->sentences.data;
  const uint64_t *all = stems.data;
  size_t chosen = 0, words = 0;
  while (chosen < budget.sentences) {
    int past_lede = chosen >= lede;
    size_t best = best_candidate(c, n_pool, s, words < budget.words ? budget.words - words : 0,
                                 budget.words != 0, past_lede ? 0.0 : lambda, past_lede);
    /* A summary is never empty: with nothing short enough, the best
     * sentence alone goes over the word budget. */
    if (best == n_pool && chosen == 0) best = best_candidate(c, n_pool, s, 0, 0, lambda, 0);
    if (best == n_pool) break;
    c[best].done = 1;
    s[c[best].sentence].selected = 1;
    words += s[c[best].sentence].n_words;
    chosen++;
    for (size_t i = 0; i < n_pool; i++) {
      if (c[i].done) continue;
      if (c[i].n_stems == 0 || c[best].n_stems == 0) continue; /* `all` may be NULL */
      double sim = pc_stem_similarity(all + c[i].stem_start, c[i].n_stems,
                                      all + c[best].stem_start, c[best].n_stems);
      if (sim > c[i].max_sim) c[i].max_sim = sim;
      if (sim >= PC_DUPLICATE_SIMILARITY) c[i].done = 1;
    }
  }
  pc_free(d->mem, c);
  pc_vec_free(d->mem, &stems);
  return 0;
}
