/* Position and length priors.
 *
 * Position is the document lead. News puts the core facts first (the
 * inverted pyramid), so the lead decays over the first few paragraphs; but
 * it decays smoothly and never below a floor, so a strong later sentence
 * still wins and precis is not a Lead-k clone. The pyramid is built of
 * paragraphs, not sentences: a paragraph is one step of the story however
 * many sentences it takes (where every sentence is a paragraph, as in much
 * web news, the two counts agree), and within a paragraph order does not
 * count. A lone paragraph where no sentence ends (a photo caption or a
 * label between paragraphs) is no step (score.c); measured: CNN/DM R-1 at
 * 3, 4 and 5 sentences +0.05-0.25 on each half, BBC unchanged. A topic-sentence
 * reward for a paragraph's first sentence was measured and dropped: it
 * cost 0.3-1.2 R-1 on both halves of the BBC set at every budget from 50
 * to 200 words (CNN/DM, one sentence a paragraph, cannot tell). */
#include "score/features.h"

/* The top of the inverted pyramid: the lede and the one or two paragraphs
 * after it (who, what, the nut graf) rank equal by position, so the content
 * features decide among them; a teaser first sentence does not win by
 * position alone. */
#define PC_LEAD_TOP 2
/* Paragraphs after the top until the document lead halves. */
#define PC_LEAD_HALF_LIFE 3.0
/* A paragraph longer than this many sentences counts as one more step of
 * the document lead for each such run, so a text with few or no paragraph
 * breaks still has a lead that fades. Measured (3 to 6, and counting every
 * sentence as a step as before): counting by paragraphs gained on both
 * halves of the BBC set and left CNN/DM (one sentence a paragraph) as is. */
#define PC_LEAD_PARAGRAPH_SENTENCES 5
/* The prior far down the document: the lead decays toward it. */
#define PC_LEAD_FLOOR 0.3

/* Sentence lengths (words) a summary reads best with: shorter ones say too
 * little; longer ones are run-ons, lists or merged captions, and cost a
 * reader more than they give (highlights and abstracts run 10-25 words a
 * sentence). Past PC_LEN_TOO_LONG the prior stays at PC_LEN_FLOOR. */
#define PC_LEN_GOOD_MIN 10
#define PC_LEN_GOOD_MAX 25
#define PC_LEN_TOO_LONG 50
#define PC_LEN_FLOOR 0.2

double pc_position_prior(size_t paragraph, size_t in_paragraph) {
  size_t step = paragraph + in_paragraph / PC_LEAD_PARAGRAPH_SENTENCES;
  double past_top = step > PC_LEAD_TOP ? (double)(step - PC_LEAD_TOP) : 0.0;
  double lead = 1.0 / (1.0 + past_top / PC_LEAD_HALF_LIFE);
  return PC_LEAD_FLOOR + (1.0 - PC_LEAD_FLOOR) * lead;
}

double pc_length_prior(size_t n_words) {
  double n = (double)n_words;
  if (n_words < 4) return 0;
  if (n_words < PC_LEN_GOOD_MIN) return (n - 3) / (PC_LEN_GOOD_MIN - 3);
  if (n_words <= PC_LEN_GOOD_MAX) return 1;
  if (n_words <= PC_LEN_TOO_LONG)
    return 1.0 - (1.0 - PC_LEN_FLOOR) * (n - PC_LEN_GOOD_MAX) / (PC_LEN_TOO_LONG - PC_LEN_GOOD_MAX);
  return PC_LEN_FLOOR;
}
