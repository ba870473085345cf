/* Word lists the sentence splitter consults: abbreviations, words that
 * usually start a sentence, and words that continue a time of day. */
#ifndef PC_SEGMENT_ABBREV_H
#define PC_SEGMENT_ABBREV_H

#include <stddef.h>

typedef enum pc_abbrev_kind {
  PC_ABBREV_NONE = 0,
  PC_ABBREV_GENERAL,     /* Co. Inc. Jr. etc.: ends a sentence before a capital */
  PC_ABBREV_PREPOSITIVE, /* Mr. Dr. Mt. Sen.: always followed by a name */
  PC_ABBREV_NUMBER       /* No. p. vol.: followed by a number inside a sentence */
} pc_abbrev_kind;

/* Kind of the abbreviation word[0..len) (without its period), ASCII case
 * ignored. */
pc_abbrev_kind pc_abbrev_lookup(const char *word, size_t len);

/* Non-zero if word[0..len) (exact case) commonly starts an English sentence:
 * "The", "How", "It". Decides whether "U.S." before it ends a sentence. */
int pc_abbrev_is_sentence_starter(const char *word, size_t len);

/* Non-zero if word[0..len) (exact case) continues a time of day, such as a
 * time zone or a weekday: "5 p.m. ET", "9 a.m. Monday". */
int pc_abbrev_continues_time(const char *word, size_t len);

/* Non-zero if every word list is in the byte order the lookups rely on;
 * for the unit tests. */
int pc_abbrev_tables_sorted(void);

#endif
