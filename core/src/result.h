/* Turning pipeline documents into the caller-owned precis_result. */
#ifndef PRECIS_RESULT_H
#define PRECIS_RESULT_H

#include "precis.h"
#include "base/arena.h"
#include "doc.h"

typedef enum pc_result_mode {
  PC_RESULT_ALL,      /* every sentence */
  PC_RESULT_SELECTED  /* only the summary */
} pc_result_mode;

/* The allocation behind a precis_result: `pub` first, so the public pointer
 * is the box pointer. Everything it points to lives in `arena`. */
typedef struct pc_result_box {
  precis_result pub;
  pc_alloc mem;
  pc_arena arena;
} pc_result_box;

/* A new, empty result whose arena uses `mem`; NULL when memory runs out. */
pc_result_box *pc_result_new(const pc_alloc *mem);

/* Builds the result of one document. `with_sources` adds the sources and
 * the per-sentence source ids. */
precis_status pc_result_build(pc_doc *d, size_t n_docs, pc_result_mode mode, int with_sources,
                              precis_result **out);

/* Fills `out` with sentence `s` of `d`; `document` is its input number. Text,
 * features and source ids are copied into the result arena. */
precis_status pc_result_sentence(pc_result_box *box, pc_doc *d, size_t sentence_index,
                                 size_t document, const size_t *source_ids, size_t n_source_ids,
                                 precis_sentence *out);

/* Fills `out` with source `src` of `d` (mentions in document `document`). */
precis_status pc_result_source(pc_result_box *box, pc_doc *d, const pc_source *src,
                               size_t document, size_t id, precis_source *out);

#endif
