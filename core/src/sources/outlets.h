/* Known news outlets and platforms: the names a link's host stands for, and
 * the words that mark a name in the text as a publication. */
#ifndef PRECIS_SOURCES_OUTLETS_H
#define PRECIS_SOURCES_OUTLETS_H

#include <stddef.h>
#include <stdint.h>

#include "precis.h"

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

/* Longest name compared: longer ones are not in the tables anyway. */
#define PC_MAX_OUTLET_NAME 96

/* The same answer as pc_outlet_by_name(name, len), from one probe of the
 * const name index outlet_table.h. */
const pc_outlet *pc_outlet_index_find(const char *name, size_t len);

/* A slot of the name index (outlet_table.h, generated from pc_outlet_row()
 * by `make lexicon-table`): open addressing by pc_outlet_name_hash. */
typedef struct pc_outlet_slot {
  uint16_t row;              /* pc_outlet_row() number + 1, 0 = empty */
  uint16_t key_off, key_len; /* the normalised name in the index's keys */
} pc_outlet_slot;

/* The normalised form of s[0, n) (lowercase ASCII, leading "the " dropped,
 * whitespace runs one space, curly apostrophes straight) in out, which
 * has room for PC_MAX_OUTLET_NAME bytes, NUL-terminated; returns its
 * length, or 0 when it is too long to be a known name. */
size_t pc_outlet_normalize(const char *s, size_t n, char *out);

/* The hash the name index places a normalised name by (FNV-1a; its low
 * bits are the same whatever the width of size_t). */
static inline size_t pc_outlet_name_hash(const char *key, size_t n) {
  size_t h = (size_t)2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)key[i]) * (size_t)16777619u;
  return h;
}

/* The outlet of the row-th name pc_outlet_by_name() compares (the aliases,
 * then the hosts' display names, in table order), that name in *name; NULL
 * past the last. */
const pc_outlet *pc_outlet_row(size_t row, const char **name);

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
