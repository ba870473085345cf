/* A bump allocator for results: many small pieces, freed all at once. */
#ifndef PRECIS_BASE_ARENA_H
#define PRECIS_BASE_ARENA_H

#include <stddef.h>
#include "base/mem.h"

typedef struct pc_arena_chunk pc_arena_chunk;

typedef struct pc_arena {
  const pc_alloc *mem;
  pc_arena_chunk *head;
} pc_arena;

void pc_arena_init(pc_arena *ar, const pc_alloc *mem);
/* Zeroed, max-aligned memory, or NULL when memory runs out. */
void *pc_arena_alloc(pc_arena *ar, size_t size);
/* A NUL-terminated copy of s[0..len) in the arena. */
char *pc_arena_strndup(pc_arena *ar, const char *s, size_t len);
void pc_arena_free(pc_arena *ar);

#endif
