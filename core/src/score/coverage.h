/* How much of the document the summary budget covers, and so what kind of
 * summary it is: a short budget over a long text can only hold the lede, so
 * the lead position counts; a budget holding a third or more of the text is
 * a digest of the whole story, chosen by what the text keeps coming back to
 * (centrality), not by where a sentence stands. */
#ifndef PRECIS_SCORE_COVERAGE_H
#define PRECIS_SCORE_COVERAGE_H

#include <stddef.h>

#include "doc.h"

/* Coverage where the summary starts turning from lede to digest, and where
 * it is a digest only. Between them the two blend linearly, so a document a
 * few words longer or shorter gets nearly the same summary. Lead-3 of a news
 * story is typically 10-25% of it; a third of the text is well past any lede.
 * (A ramp to 0.45 was measured: documents covered 35-45% still gained from
 * being read as digests, on both halves of the data.) */
#define PC_DIGEST_FROM 0.30
#define PC_DIGEST_FULL 0.35
/* In a digest, position and title (the lede's signals) no longer count
 * and centrality weighs this many times its lede weight: it is the one
 * signal of what the whole text is about, so it leads and the other content
 * features (entities, figures, length, which also favour the lede or mere
 * detail) only break near-ties. Measured: 3 left too much to those. */
#define PC_DIGEST_CENTRALITY_GAIN 12.0

/* The lede of a news story: its first picks. A summary of more sentences
 * than this goes past the top of the inverted pyramid, where the story's
 * body is not ordered by importance, so its further picks are made as in a
 * digest (digest_score, which also keeps them compact), whatever the
 * coverage. Three is the classic lede
 * length (Lead-3 is the standard news baseline); measured: 2 cut into the
 * lede of short summaries, 4 left later picks to position. */
#define PC_LEDE_SENTENCES 3

/* Sentences the summary may hold (precedence: max_sentences, ratio,
 * max_words, PRECIS_DEFAULT_SENTENCES), at least 1 and at most the
 * document's sentences; d must have sentences. */
size_t pc_budget_sentences(const pc_doc *d);

/* The budget in words (max_words, or the words of the first
 * pc_budget_sentences() sentences, whichever is smaller) over the
 * document's words (total_words), in [0, 1]; 1 for a document without
 * words. Reads the budget's sentences only. */
double pc_budget_coverage(const pc_doc *d);

/* pc_budget_coverage of a document of doc_words words whose first
 * pc_budget_sentences() sentences hold lead_words, for a caller that
 * counted them in a pass of its own. */
double pc_budget_coverage_of(const pc_doc *d, size_t doc_words, size_t lead_words);

/* 0 (a lede) .. 1 (a digest) for a coverage, the ramp described above. */
double pc_digest_share(double coverage);

#endif
