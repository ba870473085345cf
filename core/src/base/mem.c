#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* madvise and MADV_HUGEPAGE beside _POSIX_C_SOURCE */
#endif
#include "base/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

/* Blocks of the default allocator this large ask for transparent huge
 * pages: the pipeline's text buffers take one per stage, and filling them
 * 4 KiB page by page cost about a tenth of the run in page faults. */
#define PC_HUGE_BLOCK_MIN ((size_t)2 << 20)
#define PC_HUGE_PAGE ((uintptr_t)2 << 20)

/* Advises the 2 MiB-aligned interior of a fresh block; only a hint, so a
 * failure (no THP, "never" mode, another page size) changes nothing. */
static void *advise_huge(void *block, size_t size) {
#if defined(MADV_HUGEPAGE)
  if (block && size >= PC_HUGE_BLOCK_MIN) {
    uintptr_t start = ((uintptr_t)block + PC_HUGE_PAGE - 1) & ~(PC_HUGE_PAGE - 1);
    uintptr_t end = ((uintptr_t)block + size) & ~(PC_HUGE_PAGE - 1);
    if (end > start) (void)madvise((void *)start, (size_t)(end - start), MADV_HUGEPAGE);
  }
#else
  (void)size;
#endif
  return block;
}

static void *std_malloc(void *ctx, size_t size) {
  (void)ctx;
#if defined(MADV_HUGEPAGE)
  if (size >= PC_HUGE_BLOCK_MIN) { /* aligned: huge pages from its first byte */
    void *block;
    return posix_memalign(&block, PC_HUGE_PAGE, size) == 0 ? advise_huge(block, size) : NULL;
  }
#endif
  return malloc(size);
}

/* Stages reserve their big buffers with realloc(NULL, n): a malloc. */
static void *std_realloc(void *ctx, void *ptr, size_t size) {
  if (!ptr) return std_malloc(ctx, size);
  return advise_huge(realloc(ptr, size), size);
}

static void std_free(void *ctx, void *ptr) {
  (void)ctx;
  free(ptr);
}

static void *std_calloc(void *ctx, size_t count, size_t size) {
  (void)ctx;
  return advise_huge(calloc(count, size), count * size);
}

void pc_alloc_init(pc_alloc *a, const precis_allocator *custom) {
  if (custom && custom->malloc && custom->realloc && custom->free) {
    a->fn = *custom;
    a->zeroed = NULL;
  } else {
    a->fn.malloc = std_malloc;
    a->fn.realloc = std_realloc;
    a->fn.free = std_free;
    a->fn.ctx = NULL;
    a->zeroed = std_calloc;
  }
}

int pc_alloc_is_default(const pc_alloc *a) { return a->fn.malloc == std_malloc; }

void *pc_malloc(const pc_alloc *a, size_t size) {
  return a->fn.malloc(a->fn.ctx, size ? size : 1);
}

void *pc_calloc(const pc_alloc *a, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return NULL;
  size_t total = count * size;
  if (a->zeroed) return a->zeroed(a->fn.ctx, total ? count : 1, total ? size : 1);
  void *p = pc_malloc(a, total);
  if (p && total > 0) memset(p, 0, total);
  return p;
}

void *pc_realloc(const pc_alloc *a, void *ptr, size_t size) {
  return a->fn.realloc(a->fn.ctx, ptr, size ? size : 1);
}

void pc_free(const pc_alloc *a, void *ptr) {
  if (ptr) a->fn.free(a->fn.ctx, ptr);
}

char *pc_strndup(const pc_alloc *a, const char *s, size_t len) {
  if (len == SIZE_MAX) return NULL;
  char *copy = pc_malloc(a, len + 1);
  if (!copy) return NULL;
  if (len) memcpy(copy, s, len);
  copy[len] = '\0';
  return copy;
}

/* Growth doubles capacity so appends are amortised O(1). */
static size_t grown_capacity(size_t cap, size_t need) {
  size_t next = cap ? cap : 16;
  while (next < need) {
    if (next > SIZE_MAX / 2) return need;
    next *= 2;
  }
  return next;
}

static int buf_resize(const pc_alloc *a, pc_buf *b, size_t extra, int exact) {
  if (extra > SIZE_MAX - b->len - 1) return -1;
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return 0;
  size_t cap = exact ? need : grown_capacity(b->cap, need);
  char *data = pc_realloc(a, b->data, cap);
  if (!data) return -1;
  b->data = data;
  b->cap = cap;
  b->data[b->len] = '\0'; /* the promise of mem.h: data is NUL-terminated */
  return 0;
}

int pc_buf_reserve(const pc_alloc *a, pc_buf *b, size_t extra) {
  return buf_resize(a, b, extra, 0);
}

int pc_buf_reserve_exact(const pc_alloc *a, pc_buf *b, size_t extra) {
  return buf_resize(a, b, extra, 1);
}

int pc_buf_append(const pc_alloc *a, pc_buf *b, const void *data, size_t len) {
  if (pc_buf_reserve(a, b, len) != 0) return -1;
  if (len) memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
  return 0;
}

int pc_buf_putc(const pc_alloc *a, pc_buf *b, char c) {
  return pc_buf_append(a, b, &c, 1);
}

void pc_buf_shrink(const pc_alloc *a, pc_buf *b) {
  if (!b->data || b->cap <= b->len + 1) return;
  char *data = pc_realloc(a, b->data, b->len + 1);
  if (!data) return;
  b->data = data;
  b->cap = b->len + 1;
}

void pc_buf_free(const pc_alloc *a, pc_buf *b) {
  pc_free(a, b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

static int vec_resize(const pc_alloc *a, pc_vec *v, size_t elem_size, size_t extra, int exact) {
  if (extra > SIZE_MAX - v->len) return -1;
  size_t need = v->len + extra;
  if (need <= v->cap) return 0;
  size_t cap = exact ? need : grown_capacity(v->cap, need);
  if (elem_size && cap > SIZE_MAX / elem_size) return -1;
  void *data = pc_realloc(a, v->data, cap * elem_size);
  if (!data) return -1;
  v->data = data;
  v->cap = cap;
  return 0;
}

int pc_vec_reserve(const pc_alloc *a, pc_vec *v, size_t elem_size, size_t extra) {
  return vec_resize(a, v, elem_size, extra, 0);
}

int pc_vec_reserve_exact(const pc_alloc *a, pc_vec *v, size_t elem_size, size_t extra) {
  return vec_resize(a, v, elem_size, extra, 1);
}

void *pc_vec_push_grow(const pc_alloc *a, pc_vec *v, size_t elem_size) {
  if (pc_vec_reserve(a, v, elem_size, 1) != 0) return NULL;
  char *slot = (char *)v->data + v->len * elem_size;
  memset(slot, 0, elem_size);
  v->len++;
  return slot;
}

void pc_vec_shrink(const pc_alloc *a, pc_vec *v, size_t elem_size) {
  if (!v->data || v->len == 0 || v->cap <= v->len) return;
  void *data = pc_realloc(a, v->data, v->len * elem_size);
  if (!data) return;
  v->data = data;
  v->cap = v->len;
}

void pc_vec_free(const pc_alloc *a, pc_vec *v) {
  pc_free(a, v->data);
  v->data = NULL;
  v->len = v->cap = 0;
}
