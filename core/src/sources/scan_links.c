/* Finds every link in the repaired text in one pass: the markdown links the
 * layout stage recorded (or that it missed), <autolinks>, bare URLs with or
 * without a scheme, @handles, and reference-list entries without a link.
 * Each becomes evidence named after its host's outlet, with its own title. */
#include <stdint.h>
#include <string.h>

#include "base/bytes16.h"
#include "sources/evidence.h"
#include "sources/links.h"
#include "sources/outlets.h"

/* How far a citation line's own punctuation may reach around its link:
 * "([title](url))." has a few bytes on each side, a sentence has more. */
#define PC_MAX_CITE_PUNCT 12
/* Longest name taken from a reference-list entry without a link. */
#define PC_MAX_ENTRY_NAME 120

typedef struct link_scan {
  pc_doc *d;
  pc_evidence_list *out;
  const char *t;
  size_t n;
  size_t block;            /* cursor into d->blocks */
  size_t block_evidence;   /* evidence count when the current block began */
  size_t line_start;
  size_t last_blank_end;   /* start of the line after the last blank line */
  size_t last_nonspace;    /* end of the last non-space byte seen */
  size_t nonspace_before_line; /* last_nonspace when the current line began */
  size_t cite_line_end;    /* end of the last citation line, 0 = none */
  size_t cite_back_to;
} link_scan;

/* The bytes at which something may begin or change for the scan: a line
 * end, a markdown link, an autolink, a handle, or the dot or colon without
 * which no bare URL exists. */
static const unsigned char candidate_byte[256] = {
    ['\n'] = 1, ['['] = 1, ['<'] = 1, ['@'] = 1, ['.'] = 1, [':'] = 1};

/* 1 for a candidate at t[c] (c + 1 < end) that the scan would only step
 * over: a "." ending a sentence, between a host name's bytes and a space,
 * where no URL can end ("end. ") unless the name is "www". */
static int sentence_dot(const char *t, size_t c) {
  return t[c] == '.' && t[c + 1] == ' ' &&
         !(c >= 3 && (t[c - 3] | 0x20) == 'w' && (t[c - 2] | 0x20) == 'w' &&
           (t[c - 1] | 0x20) == 'w');
}

/* The first candidate_byte in t[i, end) but a sentence_dot, else end:
 * sixteen bytes a step (base/bytes16.h). */
static size_t next_candidate_sse2(const char *t, size_t i, size_t end) {
  while (end - i >= 16) {
    pc_bytes16 x = pc_bytes16_load(t + i);
    unsigned mask = pc_bytes16_eq(x, '\n') | pc_bytes16_eq(x, '[') | pc_bytes16_eq(x, '<') |
                    pc_bytes16_eq(x, '@') | pc_bytes16_eq(x, '.') | pc_bytes16_eq(x, ':');
    while (mask) {
      size_t c = i + pc_mask_lowest(mask);
      if (c + 1 >= end || !sentence_dot(t, c)) return c;
      mask &= mask - 1;
    }
    i += 16;
  }
  while (i < end && (!candidate_byte[(unsigned char)t[i]] || (i + 1 < end && sentence_dot(t, i))))
    i++;
  return i;
}

#if PC_BYTES_AVX2
/* The candidate bytes among the 32 at p: each byte's low and high nibble
 * look up the candidates they can belong to, a bit each, so two shuffles
 * test all six (a byte passes when both lookups share a bit). */
__attribute__((target("avx2"))) static inline unsigned candidates32(const char *p) {
  const __m256i low_table = _mm256_setr_epi8(16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 | 4, 32, 8, 0, 2, 0,
                                             16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 | 4, 32, 8, 0, 2, 0);
  const __m256i high_table = _mm256_setr_epi8(1, 0, 2, 4 | 8, 16, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                              1, 0, 2, 4 | 8, 16, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i low = _mm256_shuffle_epi8(low_table, _mm256_and_si256(v, nibble));
  __m256i high =
      _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
  __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(low, high), _mm256_setzero_si256());
  return ~(unsigned)_mm256_movemask_epi8(none);
}

/* next_candidate with AVX2, 64 bytes a step: most text has no candidate,
 * so fewer instructions a byte is most of the scan's cost. */
__attribute__((target("avx2"))) static size_t next_candidate_avx2(const char *t, size_t i,
                                                                  size_t end) {
  while (end - i >= 64) {
    uint64_t mask = (uint64_t)candidates32(t + i) | (uint64_t)candidates32(t + i + 32) << 32;
    while (mask) {
      size_t c = i + pc_mask64_lowest(mask);
      if (c + 1 >= end || !sentence_dot(t, c)) return c;
      mask &= mask - 1;
    }
    i += 64;
  }
  if (end - i >= 32) { /* paragraphs are short: one more step of 32 */
    unsigned mask = candidates32(t + i);
    while (mask) {
      size_t c = i + pc_mask_lowest(mask);
      if (c + 1 >= end || !sentence_dot(t, c)) return c;
      mask &= mask - 1;
    }
    i += 32;
  }
  return next_candidate_sse2(t, i, end);
}
#endif

/* next_candidate_sse2, or its AVX2 form where `avx2` says the CPU has it:
 * the same answer either way. */
static size_t next_candidate(const char *t, size_t i, size_t end, int avx2) {
  /* Where candidates are dense ("[[[[", "a.b.") the first byte is one. */
  if (i < end && candidate_byte[(unsigned char)t[i]] && !(i + 1 < end && sentence_dot(t, i)))
    return i;
#if PC_BYTES_AVX2
  if (avx2) return next_candidate_avx2(t, i, end);
#else
  (void)avx2;
#endif
  return next_candidate_sse2(t, i, end);
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static const pc_block *block_at(link_scan *s, size_t pos) {
  pc_vec *b = &s->d->blocks;
  while (s->block < b->len && PC_VEC_AT(*b, pc_block, s->block).end <= pos) s->block++;
  if (s->block < b->len && PC_VEC_AT(*b, pc_block, s->block).start <= pos)
    return &PC_VEC_AT(*b, pc_block, s->block);
  return NULL;
}

/* Appends `s` with whitespace runs collapsed and ends trimmed. */
static int append_collapsed(const pc_alloc *m, pc_evidence_list *l, const char *s, size_t n,
                            size_t *off, size_t *len) {
  *off = l->text.len;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    if (is_space(s[i])) { space = l->text.len > *off; continue; }
    if (space && pc_buf_putc(m, &l->text, ' ') != 0) return -1;
    space = 0;
    if (pc_buf_putc(m, &l->text, s[i]) != 0) return -1;
  }
  *len = l->text.len - *off;
  return 0;
}

/* The kind of evidence a link at [ws, we) is, from its block or its line. */
static pc_evidence_kind link_role(link_scan *s, const pc_block *b, size_t ws, size_t we,
                                  size_t *line_end) {
  const char *t = s->t;
  *line_end = we;
  if (b && b->kind == PC_BLOCK_SOURCE_LIST) return PC_EV_ENTRY;
  int cite_block = b && (b->kind == PC_BLOCK_CITATION || b->kind == PC_BLOCK_EMBED);
  size_t p = we;
  while (p < s->n && p - we <= PC_MAX_CITE_PUNCT && t[p] != '\n' && strchr(" \t\r)]*_.,;", t[p]))
    p++;
  int alone_after = p >= s->n || t[p] == '\n';
  if (alone_after) *line_end = p;
  if (cite_block) {
    if (b->end > *line_end) *line_end = b->end;
    return PC_EV_CITE_BACK;
  }
  if (!alone_after || ws - s->line_start > PC_MAX_CITE_PUNCT) return PC_EV_INLINE;
  size_t q = s->line_start;
  while (q < ws && (t[q] == ' ' || t[q] == '\t')) q++;
  int bullet = 0;
  if (q < ws && strchr("*-+", t[q]) && q + 1 < ws && (t[q + 1] == ' ' || t[q + 1] == '\t')) {
    bullet = 1;
    q += 2;
  } else if (q < ws && t[q] >= '0' && t[q] <= '9') {
    while (q < ws && t[q] >= '0' && t[q] <= '9') q++;
    if (q < ws && (t[q] == '.' || t[q] == ')')) { bullet = 1; q++; }
  }
  while (q < ws && strchr(" \t([*_>", t[q])) q++;
  if (q < ws) return PC_EV_INLINE;
  return bullet ? PC_EV_ENTRY : PC_EV_CITE_BACK;
}

/* Name and kind of the source a URL belongs to: its host's outlet, else the
 * host itself (kind link). */
static int name_url(const pc_alloc *m, pc_evidence_list *l, pc_evidence *e, const char *url,
                    size_t len) {
  size_t hs, hl;
  pc_url_host(url, len, &hs, &hl);
  const pc_outlet *o = pc_outlet_by_host(url + hs, hl);
  if (o) {
    e->src_kind = o->kind;
    e->name_len = strlen(o->name);
    return pc_evidence_text(m, l, o->name, e->name_len, &e->name_off);
  }
  e->src_kind = PRECIS_SOURCE_LINK;
  e->name_off = l->text.len;
  for (size_t k = 0; k < hl; k++) {
    char c = url[hs + k];
    if (pc_buf_putc(m, &l->text, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c) != 0) return -1;
  }
  e->name_len = hl;
  return 0;
}

/* Records a link, URL or handle found at repaired bytes [ws, we). */
static precis_status add_link(link_scan *s, size_t ws, size_t we, size_t us, size_t ue,
                              size_t ts, size_t te, int is_handle) {
  pc_doc *d = s->d;
  const pc_block *b = block_at(s, ws);
  if (b && (b->kind == PC_BLOCK_CODE || b->kind == PC_BLOCK_FRONT_MATTER)) return PRECIS_OK;
  pc_evidence *e = pc_evidence_push(d->mem, s->out);
  if (!e) return PRECIS_ERR_NOMEM;
  size_t line_end;
  e->kind = link_role(s, b, ws, we, &line_end);
  pc_range r = pc_doc_repaired_to_orig(d, ws, we);
  e->start = r.start;
  e->end = r.end;
  if (is_handle) {
    e->src_kind = PRECIS_SOURCE_PLATFORM;
    if (pc_evidence_text(d->mem, s->out, s->t + ws, we - ws, &e->name_off)) return PRECIS_ERR_NOMEM;
    e->name_len = we - ws;
    if (e->kind == PC_EV_ENTRY) e->kind = PC_EV_INLINE;
  } else {
    if (pc_evidence_text(d->mem, s->out, s->t + us, ue - us, &e->url_off) ||
        append_collapsed(d->mem, s->out, s->t + ts, te - ts, &e->title_off, &e->title_len))
      return PRECIS_ERR_NOMEM;
    e->url_len = ue - us;
    if (name_url(d->mem, s->out, e, s->t + us, ue - us) != 0) return PRECIS_ERR_NOMEM;
  }
  if (e->kind == PC_EV_CITE_BACK) {
    int prose_since = s->nonspace_before_line > s->cite_line_end;
    if (s->cite_line_end && ws < s->cite_line_end) {
      /* another link of the same citation line or embed */
    } else if (s->cite_line_end && !prose_since && s->cite_line_end <= s->line_start) {
      /* consecutive citation lines all cite the same prose */
    } else {
      size_t back = s->last_blank_end > s->cite_line_end ? s->last_blank_end : s->cite_line_end;
      s->cite_back_to = pc_doc_repaired_to_orig(d, back, back).start;
    }
    e->back_to = s->cite_back_to;
    if (line_end > s->cite_line_end) s->cite_line_end = line_end;
  }
  return PRECIS_OK;
}

/* A reference-list entry holding no link: its leading name is the source. */
static precis_status add_entry(link_scan *s, const pc_block *b) {
  pc_doc *d = s->d;
  const char *p = d->prose.out.data + b->prose_start;
  size_t n = b->prose_end - b->prose_start, i = 0;
  while (i < n && (is_space(p[i]) || strchr("*-+•", p[i]))) i++;
  size_t e = i;
  while (e < n && e - i < PC_MAX_ENTRY_NAME && !strchr(",:(|\n", p[e]) &&
         !(p[e] == ' ' && e + 1 < n && p[e + 1] == '-'))
    e++;
  while (e > i && (is_space(p[e - 1]) || p[e - 1] == '.')) e--;
  if (e == i) return PRECIS_OK;
  pc_evidence *ev = pc_evidence_push(d->mem, s->out);
  if (!ev) return PRECIS_ERR_NOMEM;
  ev->kind = PC_EV_ENTRY;
  pc_range r = pc_doc_prose_to_orig(d, b->prose_start + i, b->prose_start + e);
  ev->start = r.start;
  ev->end = r.end;
  const pc_outlet *o = pc_outlet_index_find(p + i, e - i);
  const char *name = o ? o->name : p + i;
  ev->name_len = o ? strlen(o->name) : e - i;
  ev->src_kind = o ? o->kind : PRECIS_SOURCE_DOCUMENT;
  return pc_evidence_text(d->mem, s->out, name, ev->name_len, &ev->name_off) ? PRECIS_ERR_NOMEM
                                                                          : PRECIS_OK;
}

/* Before moving past blocks that end at or before `pos`, gives each
 * reference-list entry that had no link its own evidence. */
static precis_status leave_blocks(link_scan *s, size_t pos) {
  pc_vec *bl = &s->d->blocks;
  while (s->block < bl->len && PC_VEC_AT(*bl, pc_block, s->block).end <= pos) {
    const pc_block *b = &PC_VEC_AT(*bl, pc_block, s->block);
    if (b->kind == PC_BLOCK_SOURCE_LIST && s->out->items.len == s->block_evidence) {
      precis_status st = add_entry(s, b);
      if (st != PRECIS_OK) return st;
    }
    s->block++;
    s->block_evidence = s->out->items.len;
  }
  return PRECIS_OK;
}

/* Answers for pc_url_at at i the common case cheaply, and *scanned is what
 * pc_url_at would give: a run of host bytes is no URL without a dot or a
 * ':' after it (a scheme), nor with a dot but neither "www." before nor a
 * path after ("end." in prose). 1 when pc_url_at must decide. */
static int may_be_url(const char *t, size_t n, size_t i, size_t *scanned) {
  size_t limit = n - i > PC_MAX_URL_BYTES ? i + PC_MAX_URL_BYTES : n, p = i;
  int has_dot = 0;
  while (p < limit && pc_is_host_byte((unsigned char)t[p])) has_dot |= t[p++] == '.';
  if (p < n && t[p] == ':') return 1;
  if (has_dot) {
    if (p < limit && (t[p] == '/' || t[p] == '?' || t[p] == '#')) return 1;
    if (p - i >= 4 && (t[i] | 0x20) == 'w' && (t[i + 1] | 0x20) == 'w' &&
        (t[i + 2] | 0x20) == 'w' && t[i + 3] == '.')
      return 1;
  }
  *scanned = p > i ? p - i : 1;
  return 0;
}

static int web_url(const char *t, size_t us, size_t ue) {
  size_t scanned;
  return ue > us && pc_url_at(t, ue, us, &scanned) > 0;
}

precis_status pc_scan_links(pc_doc *d, pc_evidence_list *out) {
  link_scan s;
  memset(&s, 0, sizeof s);
  s.d = d;
  s.out = out;
  s.t = d->repaired.out.data ? d->repaired.out.data : "";
  s.n = d->repaired.out.len;
  const char *t = s.t;
  size_t n = s.n, lc = 0, i = 0;
  int line_blank = 1;
  precis_status st = PRECIS_OK;
  size_t stop = 0; /* the next block end or recorded link: nothing to check before it */
  /* The next candidate_byte before stop (as of cand_stop), and where the
   * scan must resume to reach it: the start of the host bytes before it. */
  size_t cand = 0, cand_stop = 0, resume = 0;
#if PC_BYTES_AVX2
  int avx2 = __builtin_cpu_supports("avx2");
#else
  int avx2 = 0;
#endif
  while (i < n && st == PRECIS_OK) {
    if (i >= stop) {
      if (s.block < d->blocks.len && PC_VEC_AT(d->blocks, pc_block, s.block).end <= i) {
        st = leave_blocks(&s, i);
        if (st != PRECIS_OK) break;
      }
      while (lc < d->links.len && PC_VEC_AT(d->links, pc_link, lc).start < i) lc++;
      stop = s.block < d->blocks.len ? PC_VEC_AT(d->blocks, pc_block, s.block).end : (size_t)-1;
      if (lc < d->links.len && PC_VEC_AT(d->links, pc_link, lc).start < stop)
        stop = PC_VEC_AT(d->links, pc_link, lc).start;
    }
    if (lc < d->links.len && stop == i && PC_VEC_AT(d->links, pc_link, lc).start == i) {
      const pc_link *l = &PC_VEC_AT(d->links, pc_link, lc);
      size_t us = l->url_start, ue = l->url_end;
      while (us < ue && (t[us] == '<' || is_space(t[us]))) us++;
      while (ue > us && (t[ue - 1] == '>' || is_space(t[ue - 1]))) ue--;
      if (web_url(t, us, ue) && !(i > 0 && t[i - 1] == '!'))
        st = add_link(&s, l->start, l->end, us, ue, l->text_start, l->text_end, 0);
      line_blank = 0;
      size_t end = l->end > i ? l->end : i + 1;
      for (size_t k = i; k < end; k++)
        if (t[k] == '\n') s.line_start = k + 1;
      s.last_nonspace = end;
      i = end;
      continue;
    }
    /* Up to the run of host bytes before the next candidate byte, the scan
     * below would find nothing: it would only step over words and spaces. */
    if (i > cand || cand_stop != stop) { /* once per candidate: linear */
      cand_stop = stop;
      cand = next_candidate(t, i, stop < n ? stop : n, avx2);
      resume = cand;
      while (resume > i && pc_is_host_byte((unsigned char)t[resume - 1])) resume--;
    }
    if (resume > i) {
      size_t b = resume;
      while (b > i && is_space(t[b - 1])) b--;
      if (b > i) {
        line_blank = 0;
        s.last_nonspace = b;
      }
      i = resume;
      if (i >= stop || i >= n) continue;
    }
    char c = t[i];
    if (c == '\n') {
      if (line_blank) s.last_blank_end = i + 1;
      line_blank = 1;
      s.nonspace_before_line = s.last_nonspace;
      s.line_start = i + 1;
      i++;
      continue;
    }
    if (is_space(c)) { i++; continue; }
    line_blank = 0;
    size_t ts, te, us, ue, len;
    if (c == '[' && (len = pc_markdown_link_at(t, n, i, &ts, &te, &us, &ue)) > 0) {
      if (web_url(t, us, ue) && !(i > 0 && t[i - 1] == '!'))
        st = add_link(&s, i, i + len, us, ue, ts, te, 0);
      i += len;
      s.last_nonspace = i;
      continue;
    }
    size_t scanned = 1;
    if (c == '<' && i + 1 < n && (len = pc_url_at(t, n, i + 1, &scanned)) > 0 &&
        i + 1 + len < n && t[i + 1 + len] == '>') {
      st = add_link(&s, i, i + len + 2, i + 1, i + 1 + len, i, i, 0);
      i += len + 2;
      s.last_nonspace = i;
      continue;
    }
    if (pc_link_boundary(t, i)) {
      if (c == '@' && (len = pc_handle_at(t, n, i)) > 0) {
        st = add_link(&s, i, i + len, i, i, i, i, 1);
        i += len;
        s.last_nonspace = i;
        continue;
      }
      if ((unsigned char)c < 0x80 && c != '<' && may_be_url(t, n, i, &scanned) &&
          (len = pc_url_at(t, n, i, &scanned)) > 0) {
        st = add_link(&s, i, i + len, i, i + len, i, i, 0);
        i += len;
        s.last_nonspace = i;
        continue;
      }
      if (c == '<') scanned = 1;
    } else {
      scanned = 1;
    }
    i += scanned;
    s.last_nonspace = i;
  }
  if (st == PRECIS_OK) st = leave_blocks(&s, (size_t)-1);
  return st;
}
