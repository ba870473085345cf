/* Named entities in a sentence: runs of capitalised words that are not just
 * the capital of the sentence's first word ("Scott Bessent", "Bank of
 * England", "Владимир Путин"), and acronyms ("NATO", "LNG"). Each mention is
 * keyed by its head, the last word, so "Mr Trump" and "Donald Trump" count as
 * the same entity across the document. */
#ifndef PRECIS_SCORE_ENTITIES_H
#define PRECIS_SCORE_ENTITIES_H

#include <stdint.h>

#include "score/scan.h"

typedef struct pc_entity {
  uint64_t head;     /* key of the run's last word */
  uint32_t first;    /* token index of the run */
  uint32_t n_tokens;
  int tentative;     /* one capitalised word opening the sentence: an entity
                        only if the document also uses it mid-sentence */
} pc_entity;

/* Calls found() for each mention in the scanned sentence, in order; found
 * returns non-zero to stop (e.g. out of memory), which is returned. */
typedef int (*pc_entity_fn)(void *ctx, const pc_entity *e);
int pc_find_entities(const pc_scan *s, pc_entity_fn found, void *ctx);

#endif
