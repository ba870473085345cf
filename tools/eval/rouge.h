/* rouge.h - ROUGE-1, ROUGE-2 and summary-level ROUGE-L, computed as
 * ROUGE-1.5.5 does with `-m -n 2` (Porter stemming, stopwords kept) for one
 * candidate summary against one reference summary.
 *
 * - Tokens: see tokenize.h.
 * - ROUGE-N: n-grams of the whole summary, sentences joined by a space as
 *   ROUGE-1.5.5's readText() joins them (so bigrams span sentence ends);
 *   hits are clipped counts, sum over n-grams of min(candidate, reference).
 * - ROUGE-L: summary-level LCS (Lin 2004, section 3.2; rouge-score's
 *   rougeLsum): for each reference sentence, the union of the positions on
 *   one LCS with every candidate sentence; a position is a hit while its
 *   token still has unused unigram counts on both sides (ROUGE-1.5.5's clip
 *   against double counting). The LCS path is ROUGE-1.5.5's: on a tie, step
 *   back in the reference sentence.
 * - Recall = hits / reference count, precision = hits / candidate count,
 *   F = 2PR / (P + R) (alpha = 0.5). P, R and F are rounded to 5 decimals,
 *   as ROUGE-1.5.5 does with sprintf("%7.5f") before averaging.
 * - `rouge_limit_words` is ROUGE-1.5.5's `-l N`: keep the first N words
 *   (whitespace-separated) of a summary. */
#ifndef PRECIS_EVAL_ROUGE_H
#define PRECIS_EVAL_ROUGE_H

#include <stddef.h>

/* The LCS table of a reference and a candidate sentence has one cell per
 * token pair; a sentence with more tokens than this is refused rather than
 * risking a table of gigabytes. precis caps sentences at 4096 bytes
 * (PRECIS_MAX_SENTENCE_BYTES), at most 2048 tokens, so real input never
 * comes near it. */
#define ROUGE_MAX_SENTENCE_TOKENS 8192

enum {
  ROUGE_OK = 0,
  ROUGE_ERR_NOMEM = -1,
  ROUGE_ERR_TOO_LONG = -2 /* a sentence exceeds ROUGE_MAX_SENTENCE_TOKENS */
};

/* One sentence: text[0..len), no NUL needed. */
typedef struct rouge_text {
  const char *text;
  size_t len;
} rouge_text;

typedef struct rouge_prf {
  double precision;
  double recall;
  double f1;
} rouge_prf;

typedef struct rouge_scores {
  rouge_prf rouge1;
  rouge_prf rouge2;
  rouge_prf rougeL;
} rouge_scores;

/* Scores `candidate` (n_candidate sentences) against `reference`. Returns
 * ROUGE_OK and fills *out, or a negative ROUGE_ERR_* (then *out is zero). */
int rouge_compare(const rouge_text *candidate, size_t n_candidate,
                  const rouge_text *reference, size_t n_reference, rouge_scores *out);

/* Cuts `sentences` to their first `max_words` whitespace-separated words:
 * drops the sentences after the limit and shortens the last one kept (its
 * `len` changes; the text is not touched). Returns the new count. */
size_t rouge_limit_words(rouge_text *sentences, size_t n, size_t max_words);

/* The number of whitespace-separated words in text[0..len). */
size_t rouge_count_words(const char *text, size_t len);

/* A static description of a ROUGE_* code. */
const char *rouge_strerror(int code);

#endif
