/* Per-handle memory: the caller's allocator, growable buffers and vectors. */
#ifndef PRECIS_BASE_MEM_H
#define PRECIS_BASE_MEM_H

#include <stddef.h>
#include <string.h>
#include "precis.h"

/* The allocator every allocation of a handle and its results goes through. */
typedef struct pc_alloc {
  precis_allocator fn;
  /* calloc for the default allocator, which gets fresh pages zeroed for
   * free, called with fn.ctx; NULL with a custom one (pc_calloc then clears
   * the block). */
  void *(*zeroed)(void *ctx, size_t count, size_t size);
} pc_alloc;

void pc_alloc_init(pc_alloc *a, const precis_allocator *custom);
/* 1 when `a` is the default allocator pc_alloc_init made (no custom one). */
int pc_alloc_is_default(const pc_alloc *a);
void *pc_malloc(const pc_alloc *a, size_t size);
void *pc_calloc(const pc_alloc *a, size_t count, size_t size);
void *pc_realloc(const pc_alloc *a, void *ptr, size_t size);
void pc_free(const pc_alloc *a, void *ptr);
/* A NUL-terminated copy of s[0..len); NULL when memory runs out. */
char *pc_strndup(const pc_alloc *a, const char *s, size_t len);

/* A growable byte buffer; data is always NUL-terminated when non-NULL. */
typedef struct pc_buf {
  char *data;
  size_t len;
  size_t cap;
} pc_buf;

/* All return 0 on success, -1 when memory runs out (the buffer is unchanged). */
int pc_buf_reserve(const pc_alloc *a, pc_buf *b, size_t extra);
/* pc_buf_reserve without rounding the capacity up to a power of two, for a
 * buffer reserved once at its expected size: room never written costs no
 * memory, but a huge page at the end of a block is zeroed whole when first
 * touched. Later growth doubles as usual. */
int pc_buf_reserve_exact(const pc_alloc *a, pc_buf *b, size_t extra);
int pc_buf_append(const pc_alloc *a, pc_buf *b, const void *data, size_t len);
int pc_buf_putc(const pc_alloc *a, pc_buf *b, char c);
/* Gives back the room beyond len (best effort: kept when realloc fails). */
void pc_buf_shrink(const pc_alloc *a, pc_buf *b);
void pc_buf_free(const pc_alloc *a, pc_buf *b);

/* A growable array of fixed-size elements. Use through PC_VEC_PUSH. */
typedef struct pc_vec {
  void *data;
  size_t len;
  size_t cap;
} pc_vec;

/* Makes room for `extra` more elements of `elem_size`; 0 or -1 (no memory). */
int pc_vec_reserve(const pc_alloc *a, pc_vec *v, size_t elem_size, size_t extra);
/* pc_vec_reserve without rounding up (see pc_buf_reserve_exact). */
int pc_vec_reserve_exact(const pc_alloc *a, pc_vec *v, size_t elem_size, size_t extra);
/* Appends one zeroed element and returns it, or NULL when memory runs out.
 * Inline while there is room: stages push an element per token or line. */
void *pc_vec_push_grow(const pc_alloc *a, pc_vec *v, size_t elem_size);
static inline void *pc_vec_push(const pc_alloc *a, pc_vec *v, size_t elem_size) {
  if (v->len >= v->cap) return pc_vec_push_grow(a, v, elem_size);
  void *slot = (char *)v->data + v->len++ * elem_size;
  memset(slot, 0, elem_size);
  return slot;
}
/* Gives back the room beyond len (best effort: kept when realloc fails). */
void pc_vec_shrink(const pc_alloc *a, pc_vec *v, size_t elem_size);
void pc_vec_free(const pc_alloc *a, pc_vec *v);

#define PC_VEC_AT(v, type, i) (((type *)(v).data)[i])
#define PC_VEC_PUSH(a, v, type) ((type *)pc_vec_push((a), (v), sizeof(type)))

#endif
