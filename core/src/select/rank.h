/* Sentences ordered best score first, in linear time: a counting sort over
 * score buckets, document order within a bucket (so ties are deterministic
 * and favour the earlier sentence). */
#ifndef PRECIS_SELECT_RANK_H
#define PRECIS_SELECT_RANK_H

#include <stddef.h>

#include "doc.h"

/* Score buckets: fine enough that two sentences whose scores differ by more
 * than 1/4096 of the document's score range keep their order. */
#define PC_RANK_BUCKETS 4096

/* Fills order[0..n) with sentence indices, best first. 0, or -1 (memory). */
int pc_rank_sentences(const pc_doc *d, size_t *order);

#endif
