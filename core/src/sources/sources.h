/* The document's source list under construction: sources found by name
 * (case-folded, a leading "The" ignored) or by URL, each added once. */
#ifndef PRECIS_SOURCES_SOURCES_H
#define PRECIS_SOURCES_SOURCES_H

#include "doc.h"

/* Open-addressing map from a string (in `keys`) to a source index. */
typedef struct pc_strmap {
  size_t *slots;     /* entry index + 1, 0 = empty */
  size_t cap;        /* a power of two */
  pc_vec entries;    /* pc_strmap_entry */
  pc_buf keys;
} pc_strmap;

typedef struct pc_source_table {
  pc_doc *d;
  pc_strmap names;   /* folded name -> source */
  pc_strmap urls;    /* URL as written -> source */
  pc_strmap tails;   /* last words of multi-word names -> source ("post") */
} pc_source_table;

void pc_source_table_init(pc_source_table *t, pc_doc *d);
void pc_source_table_free(pc_source_table *t);

/* The source called `name` (found or appended to d->sources); a known kind
 * replaces PRECIS_SOURCE_LINK on an existing source. With `short_form`, a
 * name that is the tail of an earlier one ("the Post" after "New York
 * Post") is that source. */
precis_status pc_source_named(pc_source_table *t, const char *name, size_t len,
                              precis_source_kind kind, int short_form, size_t *index);

/* The source that already holds `url`, if any: 1 and *index, else 0. */
int pc_source_by_url(const pc_source_table *t, const char *url, size_t len, size_t *index);

/* Adds `url` with its link title ("" if none) to source `index` unless some
 * source has it already; a title fills in an empty one. */
precis_status pc_source_add_url(pc_source_table *t, size_t index, const char *url, size_t len,
                                const char *title, size_t title_len);

/* Records that source `index` is mentioned at original bytes `r`. */
precis_status pc_source_add_mention(pc_source_table *t, size_t index, pc_range r);

#endif
