/* The scorer's one pass over a sentence's tokens: the indexes of its
 * capitalised words, of its marks and of its content words (the PC_ROLE_*
 * bits of each token), the lists the detectors and the term count walk. */
#ifndef PRECIS_SCORE_ROLES_H
#define PRECIS_SCORE_ROLES_H

#include <stddef.h>
#include <stdint.h>

#include "score/tokens.h"

/* Room for the lists of n tokens, in indexes: each list may be written this
 * many entries past its end (a block of tokens is listed at once). */
#define PC_ROLES_SLACK 8
static inline size_t pc_roles_room(size_t n) { return 3 * (n + PC_ROLES_SLACK); }

typedef struct pc_roles {
  uint32_t *caps, *marks, *terms; /* token indexes, in order, in the room */
  size_t n_caps, n_marks, n_terms;
} pc_roles;

/* Lists the roles of tok[0..n) in room, which holds pc_roles_room(n). */
void pc_roles_list(pc_roles *r, const pc_token *tok, size_t n, uint32_t *room);

#endif
