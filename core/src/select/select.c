/* Stage 5: the summary is the best-scoring sentences within the budget
 * (sentences, ratio or words), reported in document order. */
#include <math.h>

#include "doc.h"

/* How many sentences the budget allows; words are checked while picking. */
static size_t sentence_budget(const pc_doc *d) {
  const precis_options *o = d->opts;
  size_t n = d->sentences.len;
  if (o->max_sentences) return o->max_sentences < n ? o->max_sentences : n;
  if (o->ratio > 0) {
    size_t k = (size_t)ceil(o->ratio * (double)n);
    return k < 1 ? 1 : (k < n ? k : n);
  }
  if (o->max_words) return n;
  return PRECIS_DEFAULT_SENTENCES < n ? PRECIS_DEFAULT_SENTENCES : n;
}

precis_status pc_select(pc_doc *d) {
  size_t n = d->sentences.len, budget = sentence_budget(d), chosen = 0, words = 0;
  size_t max_words = d->opts->max_words;
  pc_sentence *s = d->sentences.data;
  /* Greedy by score; O(n * budget), budget bounded by the caller's options. */
  while (chosen < budget) {
    size_t best = n;
    for (size_t i = 0; i < n; i++)
      if (!s[i].selected && (best == n || s[i].score > s[best].score)) best = i;
    if (best == n) break;
    if (max_words && chosen > 0 && words + s[best].n_words > max_words) break;
    s[best].selected = 1;
    words += s[best].n_words;
    chosen++;
    if (max_words && words >= max_words) break;
  }
  return PRECIS_OK;
}
