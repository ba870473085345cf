/* An offset map from a derived text back to the text it was made from.
 *
 * Every stage that rewrites text (repair, markdown reduction, unwrapping)
 * builds its output through a pc_textmap, so any byte range of the output can
 * be traced back to the exact byte range of its input. Maps compose: look a
 * range up in the last stage's map, then in the one before. */
#ifndef PRECIS_BASE_TEXTMAP_H
#define PRECIS_BASE_TEXTMAP_H

#include <stddef.h>
#include <stdint.h>

#include "base/mem.h"

/* Offsets and lengths in a map are 32-bit, so a run is 16 bytes: garbage
 * (random bytes, invalid UTF-8) makes a run per damaged byte, and 40-byte
 * runs cost 30x the input. Both texts of a map stay at most this long;
 * appending past it fails as running out of memory does (pc_repair rejects
 * inputs that could get there first, see PC_REPAIR_MAX_GROWTH). */
#define PC_TEXTMAP_MAX_BYTES ((size_t)UINT32_MAX)
/* The longest single run (31 bits: the copy flag takes the last). Longer
 * copies are recorded as several adjacent copy runs, which answer every
 * lookup as one would. */
#define PC_TEXTMAP_MAX_RUN ((size_t)0x7FFFFFFF)

/* One run of output bytes [out_start, out_start + out_len) made from source
 * bytes [src_start, src_start + src_len). A copy has out_len == src_len and
 * maps byte for byte (so does a same-length substitution, which is recorded
 * as a copy); a replacement maps as a whole. */
typedef struct pc_map_run {
  uint32_t out_start;
  uint32_t out_len : 31;
  uint32_t is_copy : 1;
  uint32_t src_start;
  uint32_t src_len;
} pc_map_run;

typedef struct pc_textmap {
  pc_buf out;   /* the derived text */
  pc_vec runs;  /* pc_map_run, ordered by out_start */
  int borrowed; /* out.data is the source text itself, not owned: an identity
                 * map made by pc_textmap_borrow (not NUL-terminated) */
} pc_textmap;

/* Appends src[src_start .. src_start+len) unchanged. 0 or -1 (no memory). */
int pc_textmap_copy(const pc_alloc *a, pc_textmap *m, const char *src, size_t src_start,
                    size_t len);
/* Appends `repl` as the rewrite of source bytes [src_start, src_start+src_len).
 * src_len may be 0 (inserted text) and repl_len may be 0 (deleted text). */
int pc_textmap_replace(const pc_alloc *a, pc_textmap *m, size_t src_start, size_t src_len,
                       const char *repl, size_t repl_len);
/* Appends `repl` as the rewrite of source bytes [src_start, src_start+len),
 * byte for byte (a line break made a space): it maps as a copy would, so it
 * joins the copies around it into one run. */
int pc_textmap_substitute(const pc_alloc *a, pc_textmap *m, size_t src_start, const char *repl,
                          size_t len);

/* For a map whose text is written by the caller (rewritten in place): the
 * out_len bytes after m->out.len, already there, become the rewrite of
 * source bytes [src_start, src_start+src_len), mapped as a copy when
 * is_copy (then out_len == src_len; nothing is recorded when it is 0) or
 * as a replacement. Needs room in m->out; 0 or -1 (no memory). */
int pc_textmap_extend(const pc_alloc *a, pc_textmap *m, size_t src_start, size_t src_len,
                      size_t out_len, int is_copy);

/* Makes an empty map the identity of src[0 .. len): out.data aliases `src`
 * (no copy) and one copy run covers it. Appending to the map later copies
 * the text first. 0 or -1 (no memory). */
int pc_textmap_borrow(const pc_alloc *a, pc_textmap *m, const char *src, size_t len);

/* Source offset where output byte `out` starts (for range starts). */
size_t pc_textmap_src_start(const pc_textmap *m, size_t out);
/* Source offset just after output byte `out_end - 1` (for range ends). */
size_t pc_textmap_src_end(const pc_textmap *m, size_t out_end);

/* The same lookups for offsets that mostly come in increasing order (the
 * sentences of a document): a cursor remembers the run it found last, so a
 * pass over the text costs linear time, not a search per lookup. Offsets
 * may still go backwards; the answers are always those of the functions
 * above. The map must not change while the cursor is in use. */
typedef struct pc_textmap_cursor {
  const pc_textmap *map;
  size_t run; /* index of the run found last */
} pc_textmap_cursor;

void pc_textmap_cursor_init(pc_textmap_cursor *c, const pc_textmap *m);
size_t pc_textmap_cursor_src_start(pc_textmap_cursor *c, size_t out);
size_t pc_textmap_cursor_src_end(pc_textmap_cursor *c, size_t out_end);
/* Both ends of the range [out, out_end) (out < out_end) at once: the
 * answers of the two calls above, in one lookup when the range lies in one
 * copy run. */
void pc_textmap_cursor_src_range_lookup(pc_textmap_cursor *c, size_t out, size_t out_end,
                                        size_t *src_start, size_t *src_end);
static inline void pc_textmap_cursor_src_range(pc_textmap_cursor *c, size_t out, size_t out_end,
                                               size_t *src_start, size_t *src_end) {
  /* the usual case: in the copy run the cursor found last (sentences of a
   * paragraph lie in one) */
  if (c->run < c->map->runs.len) {
    const pc_map_run *run = (const pc_map_run *)c->map->runs.data + c->run;
    size_t run_start = run->out_start;
    if (run->is_copy && run_start <= out && out_end <= run_start + (size_t)run->out_len) {
      *src_start = run->src_start + (out - run_start);
      *src_end = *src_start + (out_end - out);
      return;
    }
  }
  pc_textmap_cursor_src_range_lookup(c, out, out_end, src_start, src_end);
}

/* Gives back the room reserved for runs that were never written, once a
 * map is complete (garbage makes a run per byte; the vector doubles). */
void pc_textmap_trim(const pc_alloc *a, pc_textmap *m);

void pc_textmap_free(const pc_alloc *a, pc_textmap *m);

#endif
