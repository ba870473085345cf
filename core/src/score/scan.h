/* Where in a sentence the detectors must look, found in one pass over its
 * tokens: the capitalised words (entities start there) and the marks, the
 * tokens a figure, a quote or a penalty sign can turn on. Each detector
 * then walks its short list instead of every token. */
#ifndef PRECIS_SCORE_SCAN_H
#define PRECIS_SCORE_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "score/view.h"

typedef struct pc_scan {
  const pc_view *v;
  uint32_t *caps;  /* tokens with PC_TOKF_CAPITAL, in order */
  size_t n_caps;
  uint32_t *marks; /* numbers, punctuation and the words of PC_SCAN_MARK_CLASSES,
                      in order */
  size_t n_marks;
  size_t upper;    /* words of two letters or more in capitals ("NATO") */
  unsigned end;    /* the closing punctuation (pc_last_punct) */
} pc_scan;

/* Whether token t is a capitalised word, and whether it is a mark
 * (pc_token_role). As numbers: a pass stores every index and moves the
 * count only when the token belongs, without a branch. */
static inline unsigned pc_scan_is_cap(const pc_token *t) { return t->role & PC_ROLE_CAP; }
static inline unsigned pc_scan_is_mark(const pc_token *t) {
  return (t->role & PC_ROLE_MARK) >> 1;
}

/* Completes a scan of v whose caps and marks a pass over every token has
 * found (the rest is counted only for the few sentences that need it). */
void pc_scan_finish(pc_scan *s, const pc_view *v, uint32_t *caps, size_t n_caps, uint32_t *marks,
                    size_t n_marks);

/* The last punctuation mark of the sentence, closing quotes, apostrophes
 * and brackets skipped; 0 when a word or number ends it. */
unsigned pc_last_punct(const pc_view *v);

/* Scans v in a pass of its own; `room` holds 2 * v->n + 1 indexes, caps
 * and marks point into it. */
void pc_scan_view(pc_scan *s, const pc_view *v, uint32_t *room);

#endif
