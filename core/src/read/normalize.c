/* NFC normalisation through utf8proc, applied stretch by stretch. A stretch
 * starts at an inert character (a starter that never combines backwards, so
 * NFC may be computed on each stretch separately) and holds the non-inert
 * characters after it. Only stretches whose NFC differs are rewritten; pure
 * ASCII and ordinary precomposed text cost one scan. */
#include "read/normalize.h"

#include <string.h>
#include <utf8proc.h>

#include "base/bytes16.h"
#include "read/utf8_decode.h"

/* A stretch holds at most this many non-inert characters, so the canonical
 * reordering inside utf8proc (quadratic in the run of marks) stays bounded on
 * a hostile run of a million combining marks. Real text has at most a few
 * marks per letter; Unicode's stream-safe format allows 30. A longer run is
 * normalised in pieces. */
#define PC_MAX_NFC_STRETCH 32

/* Worst case expansion of one character under canonical decomposition. */
#define PC_NFC_MAX_DECOMPOSITION 4

static const utf8proc_option_t nfc_options = UTF8PROC_STABLE | UTF8PROC_COMPOSE;

static int compute_inert(uint32_t cp) {
  const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
  if (p->combining_class != 0) return 0;
  if (p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC ||
      p->category == UTF8PROC_CATEGORY_ME)
    return 0;
  /* Hangul vowel and trailing jamo compose with the syllable before them. */
  if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2)) return 0;
  if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0) return 1;
  /* A canonical decomposition: inert when NFC gives the character back
   * (not a singleton like U+212B ANGSTROM SIGN, not an exclusion). */
  utf8proc_int32_t buf[8];
  int boundclass = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 8,
                                               UTF8PROC_DECOMPOSE, &boundclass);
  if (n <= 0 || n > 8) return 0;
  n = utf8proc_normalize_utf32(buf, n, nfc_options);
  return n == 1 && buf[0] == (utf8proc_int32_t)cp;
}

int pc_nfc_is_inert(pc_nfc_cache *cache, uint32_t cp) {
  if (cp < 0x300) return 1; /* nothing below U+0300 changes under NFC */
  size_t slot = cp & 63u;
  if (cache->cp[slot] == cp) return cache->inert[slot];
  int inert = compute_inert(cp);
  cache->cp[slot] = cp;
  cache->inert[slot] = (unsigned char)inert;
  return inert;
}

typedef struct nfc_change {
  size_t start, end; /* the stretch in the text being normalised */
  size_t repl_off, repl_len; /* its NFC in the scratch buffer */
} nfc_change;

/* NFC of t[0..len) as UTF-8 at the start of `buf`, *out_len bytes; 1 when it
 * differs from the input. */
static int normalise_stretch(const char *t, size_t len, utf8proc_int32_t *buf, size_t cap,
                             size_t *out_len) {
  utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)t, (utf8proc_ssize_t)len,
                                          buf, (utf8proc_ssize_t)cap, nfc_options);
  if (n < 0 || (size_t)n > cap) return 0;
  n = utf8proc_reencode(buf, n, nfc_options);
  if (n < 0) return 0;
  *out_len = (size_t)n;
  return (size_t)n != len || memcmp(buf, t, len) != 0;
}

/* The first byte >= 0x80 in t[i, n), else n; sixteen bytes a step. */
static size_t ascii_end(const unsigned char *t, size_t i, size_t n) {
  for (; n - i >= 16; i += 16) {
    unsigned high = pc_bytes16_high(pc_bytes16_load(t + i));
    if (high) return i + pc_mask_lowest(high);
  }
  while (i < n && t[i] < 0x80) i++;
  return i;
}

/* Finds the stretches whose NFC differs; their NFC goes into `repl`. */
static int find_changes(const pc_alloc *a, const pc_buf *text, pc_vec *changes, pc_buf *repl) {
  const unsigned char *t = (const unsigned char *)text->data;
  size_t n = text->len, i = 0, stretch_start = 0;
  pc_nfc_cache cache;
  memset(&cache, 0, sizeof cache);
  utf8proc_int32_t buf[PC_NFC_MAX_DECOMPOSITION * (PC_MAX_NFC_STRETCH + 1)];
  while (i < n) {
    if (t[i] < 0x80) {
      i = ascii_end(t, i, n);
      stretch_start = i - 1;
      continue;
    }
    uint32_t cp;
    size_t bad, len = pc_utf8_decode(t + i, n - i, &cp, &bad);
    if (len == 0) { i += bad; stretch_start = i; continue; } /* cannot happen after repair */
    if (pc_nfc_is_inert(&cache, cp)) {
      stretch_start = i;
      i += len;
      continue;
    }
    size_t end = i + len, marks = 1;
    while (end < n && t[end] >= 0x80 && marks < PC_MAX_NFC_STRETCH) {
      size_t l = pc_utf8_decode(t + end, n - end, &cp, &bad);
      if (l == 0 || pc_nfc_is_inert(&cache, cp)) break;
      end += l;
      marks++;
    }
    size_t out_len;
    if (normalise_stretch(text->data + stretch_start, end - stretch_start, buf,
                          sizeof buf / sizeof buf[0], &out_len)) {
      nfc_change *c = PC_VEC_PUSH(a, changes, nfc_change);
      if (!c) return -1;
      c->start = stretch_start;
      c->end = end;
      c->repl_off = repl->len;
      c->repl_len = out_len;
      if (pc_buf_append(a, repl, buf, out_len) != 0) return -1;
    }
    i = end;
    stretch_start = end;
  }
  return 0;
}

/* Where rebuild writes: appended to the map `out`, text and runs, or, when
 * in_place, only the runs of `out` (its text is moved in place after). */
typedef struct nfc_sink {
  pc_textmap *out;
  int in_place;
} nfc_sink;

/* Appends in's text [at, at+len), a copy of orig from src_start. */
static int sink_copy(const pc_alloc *a, nfc_sink *k, const char *orig, size_t src_start,
                     size_t len) {
  if (!k->in_place) return pc_textmap_copy(a, k->out, orig, src_start, len);
  return pc_textmap_extend(a, k->out, src_start, len, len, 1);
}

/* Appends `len` bytes from offset `at` of `base` as the rewrite of source
 * bytes [src_start, src_start+src_len). */
static int sink_replace(const pc_alloc *a, nfc_sink *k, size_t src_start, size_t src_len,
                        const char *base, size_t at, size_t len) {
  if (!k->in_place) return pc_textmap_replace(a, k->out, src_start, src_len, base + at, len);
  return pc_textmap_extend(a, k->out, src_start, src_len, len, 0);
}

/* 1 when appending `run` to `m` would join it to the run before it. */
static int joins_last(const pc_textmap *m, const pc_map_run *run) {
  if (!run->is_copy || m->runs.len == 0) return 0;
  const pc_map_run *last = (const pc_map_run *)m->runs.data + m->runs.len - 1;
  return last->is_copy;
}

/* Appends a whole run of the old map, at its new text offset, to the map
 * being rewritten in place (room reserved, limits checked): most runs lie
 * between changes, and garbage has a run per byte. */
static void move_run(pc_textmap *m, const pc_map_run *run) {
  pc_map_run *moved = (pc_map_run *)m->runs.data + m->runs.len++;
  *moved = *run;
  moved->out_start = (uint32_t)m->out.len;
  m->out.len += run->out_len;
}

/* Copies the runs of `in` that lie in [from, to) to the sink, splitting copy
 * runs at the edges; *r is the first run not yet fully copied. Empty runs
 * (deleted bytes) at `to` go along, as pc_textmap_src_start does. */
static int copy_runs(const pc_alloc *a, const char *orig, const pc_textmap *in, nfc_sink *k,
                     size_t *r, size_t from, size_t to) {
  const pc_map_run *runs = in->runs.data;
  while (*r < in->runs.len) {
    const pc_map_run run = runs[*r]; /* a copy: rebuilt in place, the slot may be reused */
    size_t rs = run.out_start, re = rs + run.out_len;
    if (rs > to || (rs == to && run.out_len != 0)) break;
    size_t lo = rs > from ? rs : from, hi = re < to ? re : to;
    int rc;
    if (k->in_place && lo == rs && hi == re && !joins_last(k->out, &run)) {
      move_run(k->out, &run);
      rc = 0;
    } else if (run.is_copy)
      rc = sink_copy(a, k, orig, run.src_start + (lo - rs), hi - lo);
    else
      rc = sink_replace(a, k, run.src_start, run.src_len, in->out.data, rs, run.out_len);
    if (rc != 0) return -1;
    if (re > to) break;
    (*r)++;
  }
  return 0;
}

typedef struct src_range {
  size_t start, end;
} src_range;

/* Source offset of text offset `at`, where *r is the run that holds it or
 * starts there. */
static size_t src_at(const pc_textmap *in, size_t r, size_t at) {
  const pc_map_run *runs = in->runs.data;
  if (r >= in->runs.len) return runs[in->runs.len - 1].src_start + runs[in->runs.len - 1].src_len;
  const pc_map_run *run = &runs[r];
  if (at > run->out_start && run->is_copy) return run->src_start + (at - run->out_start);
  return run->src_start;
}

/* Skips the runs of `in` inside a rewritten stretch [start, end) and returns
 * the source range it covers. *r is the first run of the stretch. */
static src_range skip_runs(const pc_textmap *in, size_t *r, size_t start, size_t end) {
  const pc_map_run *runs = in->runs.data;
  src_range src;
  src.start = src_at(in, *r, start);
  while (*r < in->runs.len) {
    const pc_map_run *run = &runs[*r];
    size_t re = run->out_start + run->out_len;
    if (re > end || (run->out_len == 0 && run->out_start == end)) break;
    (*r)++;
  }
  src.end = src_at(in, *r, end);
  return src;
}

static int rebuild(const pc_alloc *a, const char *orig, const pc_textmap *in,
                   const pc_vec *changes, const pc_buf *repl, nfc_sink *k) {
  size_t r = 0, pos = 0;
  for (size_t c_i = 0; c_i < changes->len; c_i++) {
    const nfc_change *c = &PC_VEC_AT(*changes, nfc_change, c_i);
    if (copy_runs(a, orig, in, k, &r, pos, c->start) != 0) return -1;
    src_range src = skip_runs(in, &r, c->start, c->end);
    if (sink_replace(a, k, src.start, src.end - src.start, repl->data, c->repl_off,
                     c->repl_len) != 0)
      return -1;
    pos = c->end;
  }
  return copy_runs(a, orig, in, k, &r, pos, in->out.len);
}

/* A piece of the rewritten text: `len` bytes for offset `to`, from offset
 * `from` of the old text or of the NFC replacements. */
typedef struct nfc_move {
  size_t to, from, len;
  int from_repl;
} nfc_move;

/* The text in place: the old text with each changed stretch replaced by its
 * NFC, as moves (two per change, one more for the tail). */
static size_t plan_moves(const pc_vec *changes, size_t old_len, nfc_move *mv) {
  size_t n = 0, pos = 0, to = 0;
  for (size_t c_i = 0; c_i < changes->len; c_i++) {
    const nfc_change *c = &PC_VEC_AT(*changes, nfc_change, c_i);
    mv[n++] = (nfc_move){to, pos, c->start - pos, 0};
    to += c->start - pos;
    mv[n++] = (nfc_move){to, c->repl_off, c->repl_len, 1};
    to += c->repl_len;
    pos = c->end;
  }
  mv[n++] = (nfc_move){to, pos, old_len - pos, 0};
  return n;
}

/* Moves the pieces of the old text to their places. The pieces and their
 * places are both in order and do not overlap, so pieces moving left can
 * go first to last and each stretch of pieces moving right last to first:
 * no piece is overwritten before it has moved. The replacements, from
 * their own buffer, are written last (a stretch runs across them). */
static void apply_moves(char *text, const nfc_move *mv, size_t n, const pc_buf *repl) {
  for (size_t k = 0; k < n;) {
    if (mv[k].from_repl || mv[k].to <= mv[k].from) {
      if (!mv[k].from_repl) memmove(text + mv[k].to, text + mv[k].from, mv[k].len);
      k++;
      continue;
    }
    size_t j = k + 1;
    while (j < n && (mv[j].from_repl || mv[j].to > mv[j].from)) j++;
    for (size_t t = j; t > k; t--)
      if (!mv[t - 1].from_repl) memmove(text + mv[t - 1].to, text + mv[t - 1].from, mv[t - 1].len);
    k = j;
  }
  for (size_t k = 0; k < n; k++)
    if (mv[k].from_repl) memcpy(text + mv[k].to, repl->data + mv[k].from, mv[k].len);
}

/* Rewrites m's own text and runs in place instead of building a second copy
 * of either. Each change adds at most two runs (it splits the copy run it
 * sits in; the runs inside it become one), so the old runs are first moved
 * up by that much plus slack and then read from there while the new ones
 * are written from the start: a write never reaches a run not yet read, and
 * the room is reserved, so nothing moves or fails once the rewrite starts. */
static int apply_in_place(const pc_alloc *a, const char *orig, pc_textmap *m,
                          const pc_vec *changes, const pc_buf *repl) {
  size_t old_len = m->out.len, new_len = old_len;
  for (size_t c_i = 0; c_i < changes->len; c_i++) {
    const nfc_change *c = &PC_VEC_AT(*changes, nfc_change, c_i);
    new_len = new_len - (c->end - c->start) + c->repl_len;
  }
  if (new_len > PC_TEXTMAP_MAX_BYTES) return -1;
  size_t shift = 2 * changes->len + 2, n_old = m->runs.len;
  pc_vec moves = {0};
  if (pc_vec_reserve(a, &moves, sizeof(nfc_move), 2 * changes->len + 1) != 0 ||
      pc_vec_reserve(a, &m->runs, sizeof(pc_map_run), shift) != 0 ||
      (new_len > old_len && pc_buf_reserve(a, &m->out, new_len - old_len) != 0)) {
    pc_vec_free(a, &moves);
    return -1;
  }
  size_t n_moves = plan_moves(changes, old_len, moves.data);

  pc_map_run *runs = m->runs.data;
  memmove(runs + shift, runs, n_old * sizeof *runs);
  pc_textmap old = *m; /* the old runs, read from their new place */
  old.runs.data = runs + shift;
  old.runs.len = n_old;
  old.runs.cap = n_old;
  m->runs.len = 0;
  m->out.len = 0;
  nfc_sink k = {m, 1};
  int rc = rebuild(a, orig, &old, changes, repl, &k);
  (void)rc; /* cannot fail: the runs have room and new_len is in bounds */
  apply_moves(m->out.data, moves.data, n_moves, repl);
  m->out.len = new_len;
  m->out.data[new_len] = '\0';
  pc_vec_free(a, &moves);
  return 0;
}

int pc_nfc_apply(const pc_alloc *a, const char *orig, pc_textmap *m) {
  pc_vec changes = {0};
  pc_buf repl = {0};
  int rc = find_changes(a, &m->out, &changes, &repl);
  if (rc == 0 && changes.len > 0 && !m->borrowed) {
    rc = apply_in_place(a, orig, m, &changes, &repl);
  } else if (rc == 0 && changes.len > 0) {
    pc_textmap out = {{0}, {0}, 0};
    nfc_sink k = {&out, 0};
    rc = pc_buf_reserve(a, &out.out, m->out.len);
    if (rc == 0) rc = rebuild(a, orig, m, &changes, &repl, &k);
    if (rc == 0) {
      pc_textmap_free(a, m);
      *m = out;
    } else {
      pc_textmap_free(a, &out);
    }
  }
  pc_vec_free(a, &changes);
  pc_buf_free(a, &repl);
  return rc;
}
