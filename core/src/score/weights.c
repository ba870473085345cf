/* Default scoring weights, with the reason for each. All features are in
 * [0, 1] (centrality and entities are scaled by the document's maximum), so
 * a weight says how many "points" a perfect value of the feature is worth;
 * a sentence's score is the weighted sum minus the weighted penalty. */
#include "precis.h"

void pc_weights_default(precis_weights *w);

void pc_weights_default(precis_weights *w) {
  /* News is written as an inverted pyramid: the lead carries who, what,
   * when and where, and it is the strongest single signal (Lead-3 is the
   * baseline to beat). It must stay below the sum of the content features,
   * so a rich later sentence can beat a thin early one. When the budget
   * holds a third or more of the text the summary is a digest, not a lede,
   * and this weight fades to 0 (score/coverage.h). A bonus or a malus for
   * the first sentence, a flat top of four sentences and faster or slower
   * decays were measured on both halves of cnndm: none gains on both. */
  w->position = 1.0;
  /* Named entities make a sentence concrete; those the document keeps
   * naming are what it is about. */
  w->entities = 0.3;
  /* Amounts, shares, measures and dates are the facts readers look for. */
  w->figures = 0.2;
  /* A quote with its speaker is evidence, but summaries mostly report, so
   * it is a small nudge. Scoring a direct quote below reported speech, or
   * a penalty for sentences mostly inside quote marks, helps CNN/DM's
   * abstractive highlights a little but costs more on BBC's extractive
   * summaries, which keep quotes: measured and left out. */
  w->quotes = 0.1;
  /* A headline states the story; sentences sharing its words restate it.
   * It is written for the lede, so like position it fades to 0 in a
   * digest, where centrality already counts the headline's recurring
   * terms (measured: +0.1-0.2 R-1 on both BBC halves, CNN/DM has no
   * titles). */
  w->title = 0.4;
  /* Sentences whose content words recur across the document carry its
   * main topic (the classic SumBasic/centroid signal). In a digest it
   * takes over from position, up to PC_DIGEST_CENTRALITY_GAIN times this
   * (there it leads every other content feature). */
  w->centrality = 0.6;
  /* Mid-length sentences (10-25 words) read as complete statements and
   * keep a short summary dense; long ones crowd out other facts. */
  w->length = 0.6;
  /* A penalty of 1 (a dateline, a caption, promotion) must sink any
   * sentence, whatever its other features: larger than all weights above
   * together. Readability signs share this slot with their own strengths
   * (score/penalties.c): a colon ending (0.3, about a point here) cuts a
   * sentence from what it announces, a quote with no speaker (0.1) loses
   * who said it. Sentences opening with "But"/"He" that need the previous
   * one were measured and left out: no gain on held-out halves. */
  w->penalty = 3.5;
  /* MMR trade-off between relevance and novelty; near-duplicates are also
   * refused outright (select/mmr.h). Like position, it fades to 0 in a
   * digest, whose central sentences overlap by nature (select/select.c). */
  w->redundancy = 0.3;
}
