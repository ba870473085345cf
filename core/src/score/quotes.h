/* Direct quotes and their speaker: “...,” he said / Mr Trump said: “...” /
 * ‘...’ said Locke. A quote with its speaker tells who said what; a quote
 * without one is often the middle of a longer quote, unreadable alone. */
#ifndef PRECIS_SCORE_QUOTES_H
#define PRECIS_SCORE_QUOTES_H

#include "score/scan.h"

typedef struct pc_quotes {
  unsigned marks;   /* quotation marks in the sentence */
  int speaker;      /* a speech verb next to a name or pronoun */
  int orphan;       /* quote marks, unbalanced, and no speaker: a fragment of
                       a quote that runs over several sentences */
  double value;     /* the feature: 1 quote with speaker, 0.5 reported
                       speech, 0.2 quote without speaker, 0 none */
} pc_quotes;

/* The quotes of the scanned sentence. */
void pc_find_quotes(const pc_scan *s, pc_quotes *out);

#endif
