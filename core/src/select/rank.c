/* Counting sort of sentences by score bucket, best first. */
#include "select/rank.h"

#include <stdint.h>

_Static_assert(PC_RANK_BUCKETS <= UINT16_MAX + 1, "a bucket fits 16 bits");

static size_t bucket_of(double score, double lo, double hi) {
  if (!(hi > lo)) return 0;
  double x = (hi - score) / (hi - lo) * (PC_RANK_BUCKETS - 1);
  if (!(x > 0)) return 0;
  if (x > PC_RANK_BUCKETS - 1) return PC_RANK_BUCKETS - 1;
  return (size_t)x;
}

int pc_rank_sentences(const pc_doc *d, size_t *order) {
  size_t n = d->sentences.len;
  const pc_sentence *s = d->sentences.data;
  if (n == 0) return 0;
  /* The sentences are large (a long document's array outgrows the caches):
   * their scores are read in one walk, the sort works on copies. */
  size_t *start = pc_calloc(d->mem, PC_RANK_BUCKETS + 1, sizeof *start);
  double *score = pc_malloc(d->mem, n * sizeof *score);
  uint16_t *bucket = pc_malloc(d->mem, n * sizeof *bucket);
  int failed = !start || !score || !bucket;
  if (!failed) {
    double lo = s[0].score, hi = s[0].score;
    for (size_t i = 0; i < n; i++) {
      score[i] = s[i].score;
      if (score[i] < lo) lo = score[i];
      if (score[i] > hi) hi = score[i];
    }
    for (size_t i = 0; i < n; i++) {
      bucket[i] = (uint16_t)bucket_of(score[i], lo, hi);
      start[bucket[i] + 1]++;
    }
    for (size_t b = 0; b < PC_RANK_BUCKETS; b++) start[b + 1] += start[b];
    for (size_t i = 0; i < n; i++) order[start[bucket[i]]++] = i;
  }
  pc_free(d->mem, start);
  pc_free(d->mem, score);
  pc_free(d->mem, bucket);
  return failed ? -1 : 0;
}
