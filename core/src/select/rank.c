/* Counting sort of sentences by score bucket, best first. */
#include "select/rank.h"

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
  double lo = s[0].score, hi = s[0].score;
  for (size_t i = 1; i < n; i++) {
    if (s[i].score < lo) lo = s[i].score;
    if (s[i].score > hi) hi = s[i].score;
  }
  size_t *start = pc_calloc(d->mem, PC_RANK_BUCKETS + 1, sizeof *start);
  if (!start) return -1;
  for (size_t i = 0; i < n; i++) start[bucket_of(s[i].score, lo, hi) + 1]++;
  for (size_t b = 0; b < PC_RANK_BUCKETS; b++) start[b + 1] += start[b];
  for (size_t i = 0; i < n; i++) order[start[bucket_of(s[i].score, lo, hi)]++] = i;
  pc_free(d->mem, start);
  return 0;
}
