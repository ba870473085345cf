/* A precis_allocator for tests: it counts every call and the bytes the
 * library holds (and their peak), hands out dirty memory (so a zeroed
 * block is never an accident of malloc), and fails once `left` allocations
 * are used up. Each block carries its size in a header. */
#ifndef PRECIS_TEST_HEAP_H
#define PRECIS_TEST_HEAP_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

typedef struct test_heap {
  size_t calls;      /* malloc, realloc and free */
  size_t left;       /* allocations (malloc or realloc) that may still succeed */
  size_t live, peak; /* bytes held by the library */
} test_heap;

/* 16 bytes keep the blocks' alignment. */
#define TEST_HEAP_HEADER 16

static inline test_heap test_heap_unlimited(void) {
  test_heap h = {0, SIZE_MAX, 0, 0};
  return h;
}

static inline void *test_heap_realloc(void *ctx, void *ptr, size_t size) {
  test_heap *h = ctx;
  h->calls++;
  if (h->left == 0) return NULL;
  if (h->left != SIZE_MAX) h->left--;
  size_t old = 0;
  char *block = NULL;
  if (ptr) {
    block = (char *)ptr - TEST_HEAP_HEADER;
    memcpy(&old, block, sizeof old);
  }
  char *grown = realloc(block, size + TEST_HEAP_HEADER);
  if (!grown) return NULL;
  if (size > old) memset(grown + TEST_HEAP_HEADER + old, 0xCD, size - old);
  memcpy(grown, &size, sizeof size);
  h->live = h->live - old + size;
  if (h->live > h->peak) h->peak = h->live;
  return grown + TEST_HEAP_HEADER;
}

static inline void *test_heap_malloc(void *ctx, size_t size) {
  return test_heap_realloc(ctx, NULL, size);
}

static inline void test_heap_free(void *ctx, void *ptr) {
  test_heap *h = ctx;
  h->calls++;
  if (!ptr) return;
  char *block = (char *)ptr - TEST_HEAP_HEADER;
  size_t size;
  memcpy(&size, block, sizeof size);
  h->live -= size;
  free(block);
}

/* The allocator that draws on `h`. */
static inline precis_allocator test_heap_allocator(test_heap *h) {
  precis_allocator a = {test_heap_malloc, test_heap_realloc, test_heap_free, h};
  return a;
}

#endif
