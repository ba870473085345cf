/* A document's big blocks in one mapping backed by transparent huge pages.
 *
 * The default allocator gets every block glibc would map on its own (128 KiB
 * and up) as fresh 4 KiB pages, each a page fault, and gives them back on
 * free: on the 1 MB corpus that was about 1,000 faults, more than a tenth of
 * the run. A pool maps one region for the document instead, 2 MiB aligned
 * and advised for huge pages, carves its big blocks out of it (best fit,
 * neighbours merged on free, growth in place where the room is free) and
 * unmaps it when the document is done, so a fault maps 2 MiB and freed
 * blocks are reused with their pages. Small blocks, blocks that do not fit,
 * and everything where mmap is missing or fails, go to the parent allocator.
 * One pool serves one document; its calls lock, so the document's stages
 * may allocate from two threads at once (base/worker.h). */
#ifndef PRECIS_BASE_POOL_H
#define PRECIS_BASE_POOL_H

#include <pthread.h>
#include <stddef.h>

#include "base/mem.h"

/* Requests smaller than this go to the parent: the glibc heap reuses them
 * well, and the pool's free list stays short (at most its size / this). */
#define PC_POOL_MIN_BLOCK ((size_t)64 << 10)

/* Documents shorter than this get no pool: their big blocks are few, and
 * the huge page a pool zeroes for each document costs more than the faults
 * it saves (a batch of 8-30 KB documents ran 12% slower with one, 64 KB
 * ones 2%; 128 KB ones 2% faster, 512 KB ones 11%). */
#define PC_POOL_MIN_INPUT ((size_t)128 << 10)

typedef struct pc_pool_block pc_pool_block;

typedef struct pc_pool {
  const pc_alloc *parent;      /* the default allocator */
  char *base;                  /* the mapping, NULL until the first big block */
  size_t bytes;                /* its size */
  size_t top;                  /* blocks lie in [base, base + top) */
  size_t clean;                /* bytes from base ever handed out: past them all is zero */
  size_t last;                 /* offset of the block just below top (when top > 0) */
  pc_pool_block *free_blocks;  /* free blocks below top, none adjacent to another */
  int unavailable;             /* no mapping: everything goes to the parent */
  int locking;                 /* lock is initialised (by pc_pool_init) */
  pthread_mutex_t lock;        /* held by every call that reads or changes the above */
} pc_pool;

/* Sets up `pool` (mapping nothing yet) for a document of `input_len` bytes
 * and makes `out` the allocator that goes through it. `parent` must be the
 * default allocator (pc_alloc_init with no custom one) and outlive the pool;
 * `pool` must not move while `out` is in use. */
void pc_pool_init(pc_pool *pool, pc_alloc *out, const pc_alloc *parent, size_t input_len);
/* Unmaps the pool: every block it handed out is gone. Once no other thread
 * uses it; a zeroed pool (never initialised) is released as an empty one. */
void pc_pool_release(pc_pool *pool);
/* For tests: 1 when the pool's blocks tile [0, top) with consistent sizes,
 * no two free blocks touch, and the free list holds exactly the free ones. */
int pc_pool_is_sound(const pc_pool *pool);

#endif
