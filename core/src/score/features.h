/* The position and length priors: features that need no words. */
#ifndef PRECIS_SCORE_FEATURES_H
#define PRECIS_SCORE_FEATURES_H

#include <stddef.h>

/* Position of the sentence that is sentence `in_paragraph` of the
 * document's paragraph number `paragraph` (both from 0; paragraphs where
 * no sentence ends, such as captions, are not counted), in [0, 1]: the
 * document lead, by paragraphs. */
double pc_position_prior(size_t paragraph, size_t in_paragraph);

/* How well a sentence of n_words words suits a summary, in [0, 1]. */
double pc_length_prior(size_t n_words);

#endif
