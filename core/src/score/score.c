/* Stage 4: sentence scores. PLACEHOLDER: position only (earlier is better),
 * until the feature scorer lands. */
#include "doc.h"

precis_status pc_score(pc_doc *d) {
  size_t n = d->sentences.len;
  for (size_t i = 0; i < n; i++) {
    pc_sentence *s = &PC_VEC_AT(d->sentences, pc_sentence, i);
    s->features[PRECIS_FEATURE_POSITION] = 1.0 - (double)i / (double)(n + 1);
    s->score = d->opts->weights.position * s->features[PRECIS_FEATURE_POSITION];
  }
  return PRECIS_OK;
}
