/* Budget coverage and the lede/digest blend it sets (coverage.h says why). */
#include "score/coverage.h"

#include <math.h>

size_t pc_budget_sentences(const pc_doc *d) {
  const precis_options *o = d->opts;
  size_t n = d->sentences.len, k;
  if (o->max_sentences) k = o->max_sentences;
  else if (o->ratio > 0) k = (size_t)ceil(o->ratio * (double)n);
  else if (o->max_words) k = o->max_words; /* a sentence has a word at least */
  else k = PRECIS_DEFAULT_SENTENCES;
  if (k < 1) k = 1;
  if (k > n) k = n;
  return k;
}

double pc_budget_coverage(const pc_doc *d) {
  const pc_sentence *s = d->sentences.data;
  size_t k = pc_budget_sentences(d), lead_words = 0;
  for (size_t i = 0; i < k; i++) lead_words += s[i].n_words;
  return pc_budget_coverage_of(d, d->total_words, lead_words);
}

double pc_budget_coverage_of(const pc_doc *d, size_t doc_words, size_t lead_words) {
  if (doc_words == 0) return 1;
  size_t budget = lead_words;
  if (d->opts->max_words && d->opts->max_words < budget) budget = d->opts->max_words;
  double c = (double)budget / (double)doc_words;
  return c > 1 ? 1 : c;
}

double pc_digest_share(double coverage) {
  if (coverage <= PC_DIGEST_FROM) return 0;
  if (coverage >= PC_DIGEST_FULL) return 1;
  return (coverage - PC_DIGEST_FROM) / (PC_DIGEST_FULL - PC_DIGEST_FROM);
}
