#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* mmap flags and madvise beside _POSIX_C_SOURCE */
#endif
#include "base/pool.h"

#include <stdint.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h> /* malloc_usable_size, to move a parent block into the pool */
#endif
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif

/* Memcheck and ASan see into the parent's blocks, not the pool's: under
 * them every block goes to the parent. */
#if defined(__SANITIZE_ADDRESS__)
#define PC_POOL_UNDER_CHECKER() 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define PC_POOL_UNDER_CHECKER() 1
#endif
#endif
#if !defined(PC_POOL_UNDER_CHECKER) && defined(RUNNING_ON_VALGRIND)
#define PC_POOL_UNDER_CHECKER() RUNNING_ON_VALGRIND
#endif
#if !defined(PC_POOL_UNDER_CHECKER)
#define PC_POOL_UNDER_CHECKER() 0
#endif

/* Virtual room a document's pool maps: its big blocks peak near 4x the input
 * (tests/unit/test_pathological.c); pages never touched cost nothing. */
#define PC_POOL_BYTES_PER_INPUT_BYTE 8
#define PC_POOL_SLACK ((size_t)32 << 20)
#define PC_POOL_HUGE_PAGE ((size_t)2 << 20)
/* Blocks are whole multiples of this; a block's header takes its first
 * PC_POOL_HEADER bytes, so what it hands out is 64-byte aligned. */
#define PC_POOL_GRAIN ((size_t)4096)
#define PC_POOL_HEADER ((size_t)64)

struct pc_pool_block {
  size_t size;      /* bytes of the block, header included */
  size_t prev_size; /* size of the block just below, 0 for the first */
  size_t used;      /* bytes asked for, what a move copies */
  pc_pool_block *next_free, *prev_free;
  int free;
};
_Static_assert(sizeof(pc_pool_block) <= PC_POOL_HEADER, "pool header grew");

static pc_pool_block *block_at(const pc_pool *pool, size_t off) {
  return (pc_pool_block *)(void *)(pool->base + off);
}

static size_t offset_of(const pc_pool *pool, const pc_pool_block *b) {
  return (size_t)((const char *)b - pool->base);
}

static void *payload(pc_pool_block *b) { return (char *)b + PC_POOL_HEADER; }

static int in_pool(const pc_pool *pool, const void *p) {
  return pool->base && (const char *)p >= pool->base &&
         (const char *)p < pool->base + pool->bytes;
}

static pc_pool_block *block_of(void *p) {
  return (pc_pool_block *)(void *)((char *)p - PC_POOL_HEADER);
}

/* Block size for a request of n bytes, or 0 when it cannot be one. */
static size_t block_size(size_t n) {
  if (n > SIZE_MAX - PC_POOL_HEADER - PC_POOL_GRAIN) return 0;
  return (n + PC_POOL_HEADER + PC_POOL_GRAIN - 1) & ~(PC_POOL_GRAIN - 1);
}

static void unlink_free(pc_pool *pool, pc_pool_block *b) {
  if (b->prev_free) b->prev_free->next_free = b->next_free;
  else pool->free_blocks = b->next_free;
  if (b->next_free) b->next_free->prev_free = b->prev_free;
  b->free = 0;
}

static void push_free(pc_pool *pool, pc_pool_block *b) {
  b->free = 1;
  b->prev_free = NULL;
  b->next_free = pool->free_blocks;
  if (pool->free_blocks) pool->free_blocks->prev_free = b;
  pool->free_blocks = b;
}

/* Gives block b (in use or just split off) back: merged with free
 * neighbours, then returned to the room above top or listed as free. */
static void release(pc_pool *pool, pc_pool_block *b) {
  size_t off = offset_of(pool, b);
  if (off + b->size < pool->top) {
    pc_pool_block *next = block_at(pool, off + b->size);
    if (next->free) {
      unlink_free(pool, next);
      b->size += next->size;
    }
  }
  if (b->prev_size) {
    pc_pool_block *prev = block_at(pool, off - b->prev_size);
    if (prev->free) {
      unlink_free(pool, prev);
      prev->size += b->size;
      b = prev;
      off = offset_of(pool, b);
    }
  }
  if (off + b->size == pool->top) {
    pool->top = off;
    if (off > 0) pool->last = off - b->prev_size;
    return;
  }
  block_at(pool, off + b->size)->prev_size = b->size;
  push_free(pool, b);
}

/* Cuts b down to `size` bytes; a tail worth a block becomes free. */
static void trim(pc_pool *pool, pc_pool_block *b, size_t size) {
  if (b->size - size < PC_POOL_MIN_BLOCK) return;
  size_t off = offset_of(pool, b);
  pc_pool_block *tail = block_at(pool, off + size);
  tail->size = b->size - size;
  tail->prev_size = size;
  tail->used = 0;
  tail->free = 0;
  b->size = size;
  release(pool, tail);
}

static int map_pool(pc_pool *pool) {
#if defined(__linux__) && defined(MAP_ANONYMOUS) && defined(MAP_NORESERVE)
  if (PC_POOL_UNDER_CHECKER()) return -1;
  size_t len = pool->bytes + PC_POOL_HUGE_PAGE;
  char *raw = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
  if (raw == MAP_FAILED) return -1;
  uintptr_t start = ((uintptr_t)raw + PC_POOL_HUGE_PAGE - 1) & ~(uintptr_t)(PC_POOL_HUGE_PAGE - 1);
  size_t head = (size_t)(start - (uintptr_t)raw), tail = len - head - pool->bytes;
  if (head) (void)munmap(raw, head);
  if (tail) (void)munmap(raw + head + pool->bytes, tail);
  pool->base = raw + head;
#if defined(MADV_HUGEPAGE)
  (void)madvise(pool->base, pool->bytes, MADV_HUGEPAGE); /* a hint: 4 KiB pages still work */
#endif
  return 0;
#else
  (void)pool;
  return -1;
#endif
}

/* A block for n bytes (zeroed when `zero`) with room for `room` bytes, or
 * NULL when the pool has no place for it: best fit among the free blocks,
 * else carved at top. */
static void *take(pc_pool *pool, size_t n, size_t room, int zero) {
  if (pool->unavailable) return NULL;
  if (!pool->base && map_pool(pool) != 0) {
    pool->unavailable = 1;
    return NULL;
  }
  size_t size = block_size(room > n ? room : n);
  if (size == 0) return NULL;
  pc_pool_block *best = NULL;
  for (pc_pool_block *b = pool->free_blocks; b; b = b->next_free)
    if (b->size >= size && (!best || b->size < best->size)) best = b;
  if (best) {
    unlink_free(pool, best);
    trim(pool, best, size);
    best->used = n;
    if (zero) memset(payload(best), 0, n);
    return payload(best);
  }
  if (size > pool->bytes - pool->top) return NULL;
  size_t off = pool->top;
  pc_pool_block *b = block_at(pool, off);
  size_t dirty_end = pool->clean; /* what lies past it is as mmap made it: zero */
  b->size = size;
  b->prev_size = off > 0 ? block_at(pool, pool->last)->size : 0;
  b->used = n;
  b->free = 0;
  b->next_free = b->prev_free = NULL;
  pool->last = off;
  pool->top = off + size;
  if (pool->top > pool->clean) pool->clean = pool->top;
  size_t start = off + PC_POOL_HEADER;
  if (zero && dirty_end > start) memset(payload(b), 0, (dirty_end - start < n ? dirty_end - start : n));
  return payload(b);
}

/* Grows or shrinks block b to n bytes where it lies; 0 or -1 (no room). */
static int resize_in_place(pc_pool *pool, pc_pool_block *b, size_t n) {
  size_t size = block_size(n);
  if (size == 0) return -1;
  size_t off = offset_of(pool, b);
  if (size <= b->size) {
    trim(pool, b, size);
    b->used = n;
    return 0;
  }
  size_t end = off + b->size;
  if (end == pool->top) {
    if (size > pool->bytes - off) return -1;
    b->size = size;
    pool->top = off + size;
    if (pool->top > pool->clean) pool->clean = pool->top;
    b->used = n;
    return 0;
  }
  pc_pool_block *next = block_at(pool, end);
  if (!next->free || b->size + next->size < size) return -1;
  unlink_free(pool, next);
  b->size += next->size;
  block_at(pool, off + b->size)->prev_size = b->size; /* a free block never touches top */
  trim(pool, b, size);
  b->used = n;
  return 0;
}

static void lock(pc_pool *pool) {
  if (pool->locking) pthread_mutex_lock(&pool->lock);
}

static void unlock(pc_pool *pool) {
  if (pool->locking) pthread_mutex_unlock(&pool->lock);
}

/* A pool block for a new allocation of n bytes, or NULL: small, or no room. */
static void *take_new(pc_pool *pool, size_t n, int zero) {
  if (n < PC_POOL_MIN_BLOCK) return NULL;
  lock(pool);
  void *p = take(pool, n, n, zero);
  unlock(pool);
  return p;
}

static void *pool_malloc(void *ctx, size_t n) {
  pc_pool *pool = ctx;
  void *p = take_new(pool, n, 0);
  return p ? p : pool->parent->fn.malloc(pool->parent->fn.ctx, n);
}

static void *pool_calloc(void *ctx, size_t count, size_t size) {
  pc_pool *pool = ctx;
  void *p = take_new(pool, count * size, 1); /* pc_calloc checked the product */
  return p ? p : pool->parent->zeroed(pool->parent->fn.ctx, count, size);
}

static void pool_free(void *ctx, void *p) {
  pc_pool *pool = ctx;
  lock(pool);
  int ours = in_pool(pool, p);
  if (ours) release(pool, block_of(p));
  unlock(pool);
  if (!ours) pool->parent->fn.free(pool->parent->fn.ctx, p);
}

/* A block that grows past its place moves to one this many times its new
 * size: vectors double, so the next doubling or two happen in place instead
 * of copying (glibc moved its big blocks by remapping pages, not copying).
 * Room never written costs no memory. */
#define PC_POOL_GROWTH_ROOM 4

/* Room for a block moved to grow to n bytes. */
static size_t growth_room(size_t n) {
  return n <= SIZE_MAX / PC_POOL_GROWTH_ROOM ? n * PC_POOL_GROWTH_ROOM : n;
}

/* pool_realloc of a parent block, under the lock, which it releases. */
static void *realloc_parent_block(pc_pool *pool, void *p, size_t n) {
  const pc_alloc *parent = pool->parent;
#if defined(__GLIBC__)
  /* a parent block grown big moves in, so its growth is not fresh pages */
  if (n >= PC_POOL_MIN_BLOCK) {
    void *q = take(pool, n, growth_room(n), 0);
    unlock(pool);
    if (q) {
      size_t old = malloc_usable_size(p);
      memcpy(q, p, old < n ? old : n);
      parent->fn.free(parent->fn.ctx, p);
      return q;
    }
    return parent->fn.realloc(parent->fn.ctx, p, n);
  }
#endif
  unlock(pool);
  return parent->fn.realloc(parent->fn.ctx, p, n);
}

static void *pool_realloc(void *ctx, void *p, size_t n) {
  pc_pool *pool = ctx;
  const pc_alloc *parent = pool->parent;
  if (!p) return pool_malloc(ctx, n);
  lock(pool);
  if (!in_pool(pool, p)) return realloc_parent_block(pool, p, n);
  pc_pool_block *b = block_of(p);
  void *q = resize_in_place(pool, b, n) == 0 ? p : take(pool, n, growth_room(n), 0);
  if (q == p) {
    unlock(pool);
    return p;
  }
  if (!q) {
    /* the block stays in use while it is copied out of the pool */
    unlock(pool);
    q = parent->fn.malloc(parent->fn.ctx, n);
    if (!q) return NULL;
    memcpy(q, p, b->used < n ? b->used : n);
    lock(pool);
  } else {
    memcpy(q, p, b->used < n ? b->used : n);
  }
  release(pool, b);
  unlock(pool);
  return q;
}

void pc_pool_init(pc_pool *pool, pc_alloc *out, const pc_alloc *parent, size_t input_len) {
  memset(pool, 0, sizeof *pool);
  pool->parent = parent;
  size_t bytes = SIZE_MAX;
  if (input_len <= (SIZE_MAX - PC_POOL_SLACK - PC_POOL_HUGE_PAGE) / PC_POOL_BYTES_PER_INPUT_BYTE)
    bytes = input_len * PC_POOL_BYTES_PER_INPUT_BYTE + PC_POOL_SLACK;
  if (bytes == SIZE_MAX || bytes > SIZE_MAX / 2) pool->unavailable = 1;
  else pool->bytes = (bytes + PC_POOL_HUGE_PAGE - 1) & ~(PC_POOL_HUGE_PAGE - 1);
  out->fn.malloc = pool_malloc;
  out->fn.realloc = pool_realloc;
  out->fn.free = pool_free;
  out->fn.ctx = pool;
  out->zeroed = pool_calloc;
  pool->locking = pthread_mutex_init(&pool->lock, NULL) == 0;
  if (!pool->locking) pool->unavailable = 1; /* then no call reads the pool */
}

void pc_pool_release(pc_pool *pool) {
#if defined(__linux__)
  if (pool->base) (void)munmap(pool->base, pool->bytes);
#endif
  pool->base = NULL;
  pool->top = pool->clean = pool->last = 0;
  pool->free_blocks = NULL;
  if (pool->locking) pthread_mutex_destroy(&pool->lock);
  pool->locking = 0;
}

int pc_pool_is_sound(const pc_pool *pool) {
  if (!pool->base) return pool->top == 0 && pool->free_blocks == NULL;
  if (pool->top > pool->clean || pool->clean > pool->bytes) return 0;
  size_t off = 0, prev = 0, n_free = 0;
  int prev_free = 0;
  while (off < pool->top) {
    const pc_pool_block *b = block_at(pool, off);
    if (b->size == 0 || b->size % PC_POOL_GRAIN || b->size > pool->top - off) return 0;
    if (b->prev_size != prev || (b->free && prev_free)) return 0;
    if (b->used > b->size - PC_POOL_HEADER) return 0;
    if (off + b->size == pool->top && (b->free || pool->last != off)) return 0;
    n_free += (size_t)(b->free != 0);
    prev_free = b->free;
    prev = b->size;
    off += b->size;
  }
  for (const pc_pool_block *f = pool->free_blocks; f; f = f->next_free) {
    if (!f->free || (const char *)f < pool->base || offset_of(pool, f) >= pool->top) return 0;
    if (f->next_free && f->next_free->prev_free != f) return 0;
    if (n_free-- == 0) return 0;
  }
  return n_free == 0;
}
