/* What a summary must not contain, as a penalty in [0, 1]: questions,
 * fragments, datelines and bylines, promotional or navigation text,
 * captions, links and handles, shouting, orphaned pieces of quotes, quotes
 * with no speaker, and sentences ending in a colon that announce what
 * follows. */
#ifndef PRECIS_SCORE_PENALTIES_H
#define PRECIS_SCORE_PENALTIES_H

#include <stddef.h>

#include "score/quotes.h"
#include "score/scan.h"

/* The penalty of the scanned sentence: n_words is its word count, quotes
 * from pc_find_quotes(). */
double pc_penalty(const pc_scan *s, size_t n_words, const pc_quotes *quotes);

/* 1 when the scanned sentence closes with a full stop, "!", "?" or an
 * ellipsis (closing quotes and brackets after it allowed); 0 for a caption,
 * a label, a heading or a cut line. */
int pc_ends_sentence(const pc_scan *s);

#endif
