/* Known news outlets and platforms: the names a link's host stands for, and
 * the words that mark a name in the text as a publication. */
#ifndef PRECIS_SOURCES_OUTLETS_H
#define PRECIS_SOURCES_OUTLETS_H

#include <stddef.h>
#include "precis.h"
#include "base/mem.h"

typedef struct pc_outlet {
  const char *name;            /* display name, e.g. "New York Post" */
  precis_source_kind kind;     /* outlet or platform */
} pc_outlet;

/* The outlet a host (lowercase or not, "www." allowed) belongs to: the
 * longest table host equal to it or to one of its parent domains; NULL if
 * none is known. */
const pc_outlet *pc_outlet_by_host(const char *host, size_t len);

/* The outlet a name written in the text stands for ("NY Post", "the New York
 * Times", "Twitter"), compared case-insensitively with a leading "the"
 * ignored; NULL if the name is not a known outlet or alias. */
const pc_outlet *pc_outlet_by_name(const char *name, size_t len);

/* The names pc_outlet_by_name knows, hashed once, so that a scan looking up
 * many names pays one normalisation and one probe per name. */
typedef struct pc_outlet_index {
  struct pc_outlet_slot *slots; /* open addressing, `cap` a power of two */
  size_t cap;
  char *keys;                   /* the normalised names */
} pc_outlet_index;

/* 0, or -1 when memory runs out (nothing to free then). */
int pc_outlet_index_init(pc_outlet_index *ix, const pc_alloc *m);
void pc_outlet_index_free(pc_outlet_index *ix, const pc_alloc *m);
/* The same answer as pc_outlet_by_name(name, len). */
const pc_outlet *pc_outlet_index_find(const pc_outlet_index *ix, const char *name, size_t len);

/* The normalised names in the index (lowercase, no leading "the", single
 * spaces), one a call from *cursor (start at 0), its length in *len; then
 * NULL. */
const char *pc_outlet_index_key(const pc_outlet_index *ix, size_t *cursor, size_t *len);

/* The names pc_outlet_by_name() knows as platforms ("Twitter", "Truth
 * Social"), one a call from *cursor (start at 0), then NULL. */
const char *pc_outlet_platform_name(size_t *cursor);

/* 1 when `word` (ASCII, any case) typically ends a publication's name:
 * "Times", "Post", "News", "Telegraph", ... */
int pc_outlet_word(const char *word, size_t len);

/* Nouns that introduce a named publication or a media person:
 * "the German newspaper Bild", "British journalist Piers Morgan".
 * Returns PRECIS_SOURCE_OUTLET, PRECIS_SOURCE_PERSON, or -1 for others. */
int pc_media_role(const char *word, size_t len);

/* The lowercase word lists behind pc_outlet_word and pc_media_role
 * (people first: a word in both is a person), NULL-terminated, for scanners
 * that index them with their own words. */
extern const char *const pc_outlet_words[];
extern const char *const pc_media_people[];
extern const char *const pc_media_nouns[];

#endif
