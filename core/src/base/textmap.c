/* Offset maps: building a derived text run by run, and looking ranges up. */
#include "base/textmap.h"

#include <string.h>

/* Garbage makes a run per damaged byte: keep them at 16 bytes. */
_Static_assert(sizeof(pc_map_run) == 16, "pc_map_run grew");

static size_t out_end_of(const pc_map_run *run) {
  return (size_t)run->out_start + (size_t)run->out_len;
}

static size_t src_end_of(const pc_map_run *run) {
  return (size_t)run->src_start + (size_t)run->src_len;
}

/* Appends a run; the caller has checked the limits. Written whole, with no
 * zeroing first: repair of garbage appends a run per byte. */
static int new_run(const pc_alloc *a, pc_textmap *m, size_t out_start, size_t out_len,
                   size_t src_start, size_t src_len, int is_copy) {
  if (m->runs.len == m->runs.cap &&
      pc_vec_reserve(a, &m->runs, sizeof(pc_map_run), 1) != 0)
    return -1;
  pc_map_run *run = (pc_map_run *)m->runs.data + m->runs.len++;
  *run = (pc_map_run){(uint32_t)out_start, (uint32_t)out_len & (uint32_t)PC_TEXTMAP_MAX_RUN,
                      is_copy ? 1u : 0u, (uint32_t)src_start, (uint32_t)src_len};
  return 0;
}

static int push_run(const pc_alloc *a, pc_textmap *m, size_t src_start, size_t src_len,
                    size_t out_len, int is_copy) {
  size_t out_start = m->out.len - out_len;
  if (m->out.len > PC_TEXTMAP_MAX_BYTES || src_start > PC_TEXTMAP_MAX_BYTES ||
      src_len > PC_TEXTMAP_MAX_BYTES - src_start)
    return -1;
  if (!is_copy) {
    if (out_len > PC_TEXTMAP_MAX_RUN) return -1;
    return new_run(a, m, out_start, out_len, src_start, src_len, 0);
  }
  if (m->runs.len > 0) {
    pc_map_run *last = &PC_VEC_AT(m->runs, pc_map_run, m->runs.len - 1);
    if (last->is_copy && src_end_of(last) == src_start && out_end_of(last) == out_start) {
      size_t room = PC_TEXTMAP_MAX_RUN - last->out_len;
      size_t take = out_len < room ? out_len : room;
      last->out_len = (uint32_t)(last->out_len + take) & (uint32_t)PC_TEXTMAP_MAX_RUN;
      last->src_len += (uint32_t)take;
      out_start += take;
      src_start += take;
      out_len -= take;
    }
  }
  while (out_len > 0) {
    size_t take = out_len < PC_TEXTMAP_MAX_RUN ? out_len : PC_TEXTMAP_MAX_RUN;
    if (new_run(a, m, out_start, take, src_start, take, 1) != 0) return -1;
    out_start += take;
    src_start += take;
    out_len -= take;
  }
  return 0;
}

/* A borrowed text becomes an owned copy before anything is appended. */
static int own_text(const pc_alloc *a, pc_textmap *m) {
  if (!m->borrowed) return 0;
  pc_buf owned = {0};
  if (pc_buf_append(a, &owned, m->out.data, m->out.len) != 0) return -1;
  m->out = owned;
  m->borrowed = 0;
  return 0;
}

int pc_textmap_borrow(const pc_alloc *a, pc_textmap *m, const char *src, size_t len) {
  m->out.data = (char *)src; /* read only while borrowed */
  m->out.len = len;
  m->out.cap = 0;
  m->borrowed = 1;
  return len == 0 ? 0 : push_run(a, m, 0, len, len, 1);
}

/* Appends bytes to the owned text: inline when there is room (repair of
 * garbage appends three bytes at a time). */
static int append_text(const pc_alloc *a, pc_textmap *m, const char *bytes, size_t len) {
  if (m->borrowed && own_text(a, m) != 0) return -1;
  pc_buf *b = &m->out;
  if (b->cap - b->len <= len || !b->data) return pc_buf_append(a, b, bytes, len);
  memcpy(b->data + b->len, bytes, len);
  b->len += len;
  b->data[b->len] = '\0';
  return 0;
}

int pc_textmap_copy(const pc_alloc *a, pc_textmap *m, const char *src, size_t src_start,
                    size_t len) {
  if (len == 0) return 0;
  if (append_text(a, m, src + src_start, len) != 0) return -1;
  return push_run(a, m, src_start, len, len, 1);
}

int pc_textmap_substitute(const pc_alloc *a, pc_textmap *m, size_t src_start, const char *repl,
                          size_t len) {
  if (len == 0) return 0;
  if (append_text(a, m, repl, len) != 0) return -1;
  return push_run(a, m, src_start, len, len, 1);
}

int pc_textmap_replace(const pc_alloc *a, pc_textmap *m, size_t src_start, size_t src_len,
                       const char *repl, size_t repl_len) {
  if (append_text(a, m, repl, repl_len) != 0) return -1;
  return push_run(a, m, src_start, src_len, repl_len, 0);
}

int pc_textmap_extend(const pc_alloc *a, pc_textmap *m, size_t src_start, size_t src_len,
                      size_t out_len, int is_copy) {
  if (is_copy && out_len == 0) return 0;
  m->out.len += out_len;
  return push_run(a, m, src_start, src_len, out_len, is_copy);
}

/* The last run whose out_start <= out, or NULL when there are no runs. */
static const pc_map_run *find_run(const pc_textmap *m, size_t out) {
  const pc_map_run *runs = m->runs.data;
  size_t lo = 0, hi = m->runs.len;
  if (hi == 0) return NULL;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (runs[mid].out_start <= out) lo = mid; else hi = mid;
  }
  return &runs[lo];
}

/* Source offset where output byte `out` starts, given find_run's answer. */
static size_t src_start_in(const pc_textmap *m, const pc_map_run *run, size_t out) {
  if (!run) return 0;
  /* Skip empty replacement runs that sit exactly at `out`: the byte at
   * `out` belongs to the next non-empty run. */
  const pc_map_run *end = (const pc_map_run *)m->runs.data + m->runs.len;
  while (run->out_len == 0 && run + 1 < end && run[1].out_start == out) run++;
  if (out >= out_end_of(run)) return src_end_of(run);
  if (run->is_copy) return run->src_start + (out - run->out_start);
  return run->src_start;
}

/* Source offset just after output byte `out_end - 1` (out_end > 0), given
 * find_run's answer for out_end - 1. */
static size_t src_end_in(const pc_textmap *m, const pc_map_run *run, size_t out_end) {
  if (!run) return 0;
  while (run->out_len == 0 && run > (const pc_map_run *)m->runs.data) run--;
  size_t last = out_end - 1;
  if (last >= out_end_of(run)) return src_end_of(run);
  if (run->is_copy) return run->src_start + (last - run->out_start) + 1;
  return src_end_of(run);
}

size_t pc_textmap_src_start(const pc_textmap *m, size_t out) {
  return src_start_in(m, find_run(m, out), out);
}

size_t pc_textmap_src_end(const pc_textmap *m, size_t out_end) {
  if (out_end == 0) return pc_textmap_src_start(m, 0);
  return src_end_in(m, find_run(m, out_end - 1), out_end);
}

/* A cursor walks forward this many runs before it halves the rest. */
#define PC_TEXTMAP_CURSOR_STEPS 8

void pc_textmap_cursor_init(pc_textmap_cursor *c, const pc_textmap *m) {
  c->map = m;
  c->run = 0;
}

/* find_run's answer, starting from the cursor's run: O(1) for lookups that
 * move forward a little, never worse than a binary search. */
static const pc_map_run *cursor_find(pc_textmap_cursor *c, size_t out) {
  const pc_textmap *m = c->map;
  const pc_map_run *runs = m->runs.data;
  size_t n = m->runs.len, lo = c->run;
  if (n == 0) return NULL;
  if (lo >= n || runs[lo].out_start > out) return find_run(m, out);
  for (int k = 0; k < PC_TEXTMAP_CURSOR_STEPS && lo + 1 < n && runs[lo + 1].out_start <= out; k++)
    lo++;
  if (lo + 1 < n && runs[lo + 1].out_start <= out) {
    size_t hi = n;
    while (hi - lo > 1) {
      size_t mid = lo + (hi - lo) / 2;
      if (runs[mid].out_start <= out) lo = mid; else hi = mid;
    }
  }
  c->run = lo;
  return &runs[lo];
}

size_t pc_textmap_cursor_src_start(pc_textmap_cursor *c, size_t out) {
  return src_start_in(c->map, cursor_find(c, out), out);
}

size_t pc_textmap_cursor_src_end(pc_textmap_cursor *c, size_t out_end) {
  if (out_end == 0) return pc_textmap_cursor_src_start(c, 0);
  return src_end_in(c->map, cursor_find(c, out_end - 1), out_end);
}

void pc_textmap_cursor_src_range_lookup(pc_textmap_cursor *c, size_t out, size_t out_end,
                                        size_t *src_start, size_t *src_end) {
  const pc_map_run *run = cursor_find(c, out);
  if (run && run->is_copy && run->out_len > 0 && out_end <= out_end_of(run)) {
    *src_start = run->src_start + (out - run->out_start);
    *src_end = *src_start + (out_end - out);
    return;
  }
  *src_start = src_start_in(c->map, run, out);
  *src_end = pc_textmap_cursor_src_end(c, out_end);
}

void pc_textmap_trim(const pc_alloc *a, pc_textmap *m) {
  if (m->runs.cap - m->runs.len <= m->runs.len / 8) return; /* not worth a realloc */
  void *data = pc_realloc(a, m->runs.data, m->runs.len * sizeof(pc_map_run));
  if (!data) return; /* keeping the bigger block is fine */
  m->runs.data = data;
  m->runs.cap = m->runs.len;
}

void pc_textmap_free(const pc_alloc *a, pc_textmap *m) {
  if (m->borrowed) m->out = (pc_buf){0};
  m->borrowed = 0;
  pc_buf_free(a, &m->out);
  pc_vec_free(a, &m->runs);
}
