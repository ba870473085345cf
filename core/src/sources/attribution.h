/* The tables the attribution scan (attribution.c) looks words up in: its
 * word lists and the known outlets' names, built once per handle (handle.h)
 * for the first document that needs them and read-only afterwards, so
 * documents share them and a handle that reads none pays nothing. */
#ifndef PRECIS_SOURCES_ATTRIBUTION_H
#define PRECIS_SOURCES_ATTRIBUTION_H

#include "base/mem.h"

typedef struct pc_attr_words pc_attr_words;

/* Builds the tables; NULL when memory runs out. */
pc_attr_words *pc_attr_words_new(const pc_alloc *m);

/* Frees tables made by pc_attr_words_new with the same allocator (NULL: nothing). */
void pc_attr_words_free(pc_attr_words *w, const pc_alloc *m);

#endif
