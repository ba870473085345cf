/* Sentence splitter: finds the sentence boundaries of one paragraph of
 * already-clean UTF-8 prose and reports each sentence's byte range. */
#ifndef PC_SEGMENT_H
#define PC_SEGMENT_H

#include <stddef.h>

#include "precis.h"

/* Called once per sentence with its byte range [start, end) in the text, trimmed of
 * surrounding whitespace; return non-zero to stop. */
typedef int (*pc_segment_fn)(void *ctx, size_t start, size_t end);

/* What the splitter learnt of a sentence while reading it, so that the caller need not
 * read it again. collapsed 1: the sentence has no whitespace but single ASCII spaces
 * between characters and no NUL byte (it is its own whitespace-collapsed text), and
 * `words` is the number of its space-separated tokens that hold a letter, a digit or a
 * nonspacing mark. collapsed 0 says nothing (the sentence may still be collapsed). */
typedef struct pc_segment_hint {
  int collapsed;
  size_t words;
} pc_segment_hint;

/* pc_segment_fn with the sentence's hint (never NULL). */
typedef int (*pc_segment_hint_fn)(void *ctx, size_t start, size_t end,
                                  const pc_segment_hint *hint);

/* Splits text[0..len) (one paragraph of UTF-8 prose; it may contain newlines, which count as
 * spaces) into sentences. Returns 0, or the non-zero value the callback returned. Linear time,
 * no allocation (state bounded by PRECIS_MAX_NESTING from precis.h). Sentences longer than
 * PRECIS_MAX_SENTENCE_BYTES are cut at a space, or at a character boundary if there is none.
 * Invalid UTF-8 and NUL bytes are ordinary characters; they never shift offsets. */
int pc_segment(const char *text, size_t len, pc_segment_fn cb, void *ctx);

/* pc_segment, with a hint for each sentence. The `avail` bytes from text on
 * (len or more) may be read, never used: a block that runs past the
 * paragraph costs less than a copy of its end. */
int pc_segment_hinted(const char *text, size_t len, size_t avail, pc_segment_hint_fn cb,
                      void *ctx);

#endif
