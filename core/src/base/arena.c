#include "base/arena.h"

#include <stdint.h>
#include <string.h>

/* Chunks start at 16 KiB and double, so a result costs O(log n) mallocs. */
#define PC_ARENA_FIRST_CHUNK 16384
#define PC_ARENA_ALIGN 16

struct pc_arena_chunk {
  pc_arena_chunk *next;
  size_t used;
  size_t cap;
  _Alignas(PC_ARENA_ALIGN) unsigned char data[];
};

void pc_arena_init(pc_arena *ar, const pc_alloc *mem) {
  ar->mem = mem;
  ar->head = NULL;
}

/* Room for `size` bytes, not cleared: for callers that write all of it. */
static void *take(pc_arena *ar, size_t size) {
  if (size > SIZE_MAX - PC_ARENA_ALIGN) return NULL;
  size = (size + PC_ARENA_ALIGN - 1) & ~(size_t)(PC_ARENA_ALIGN - 1);
  pc_arena_chunk *c = ar->head;
  if (!c || c->cap - c->used < size) {
    size_t cap = c ? c->cap * 2 : PC_ARENA_FIRST_CHUNK;
    if (cap < size) cap = size;
    if (cap > SIZE_MAX - sizeof(pc_arena_chunk)) return NULL;
    pc_arena_chunk *fresh = pc_malloc(ar->mem, sizeof(pc_arena_chunk) + cap);
    if (!fresh) return NULL;
    fresh->next = c;
    fresh->used = 0;
    fresh->cap = cap;
    ar->head = c = fresh;
  }
  void *p = c->data + c->used;
  c->used += size;
  return p;
}

void *pc_arena_alloc(pc_arena *ar, size_t size) {
  void *p = take(ar, size);
  if (p) memset(p, 0, size);
  return p;
}

char *pc_arena_strndup(pc_arena *ar, const char *s, size_t len) {
  if (len == SIZE_MAX) return NULL;
  char *copy = take(ar, len + 1); /* every byte is written below */
  if (!copy) return NULL;
  if (len) memcpy(copy, s, len);
  copy[len] = '\0';
  return copy;
}

void pc_arena_free(pc_arena *ar) {
  pc_arena_chunk *c = ar->head;
  while (c) {
    pc_arena_chunk *next = c->next;
    pc_free(ar->mem, c);
    c = next;
  }
  ar->head = NULL;
}
