/* The document model: lifetime, error messages, and mapping ranges back to
 * the caller's original bytes, lines and columns. */
#include "doc.h"
#include "sources/evidence.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int pc_block_is_prose(pc_block_kind kind) {
  return kind == PC_BLOCK_PARAGRAPH || kind == PC_BLOCK_LIST_ITEM || kind == PC_BLOCK_QUOTE;
}

const char *pc_block_kind_name(pc_block_kind kind) {
  static const char *const names[] = {
      "paragraph", "list_item", "quote",       "title",       "heading",
      "code",      "table",     "html",        "front_matter", "boilerplate",
      "caption",   "embed",     "source_list", "citation"};
  size_t i = (size_t)kind;
  return i < sizeof names / sizeof names[0] ? names[i] : "unknown";
}

void pc_doc_init(pc_doc *d, const pc_alloc *mem, const precis_options *opts,
                 const struct pc_lexicon *lex, const char *text, size_t len, char *errbuf,
                 size_t errbuf_cap) {
  memset(d, 0, sizeof *d);
  d->mem = mem;
  d->shared_mem = mem;
  if (pc_alloc_is_default(mem) && len >= PC_POOL_MIN_INPUT) {
    pc_pool_init(&d->pool, &d->pool_mem, mem, len);
    d->mem = &d->pool_mem;
  }
  d->opts = opts;
  d->lex = lex;
  d->orig = text;
  d->orig_len = len;
  d->title_block = -1;
  d->errmsg = errbuf;
  d->errmsg_cap = errbuf_cap;
}

void pc_doc_without_pool(pc_doc *d) {
  d->mem = d->shared_mem;
  pc_pool_release(&d->pool); /* maps nothing before its first block; ends its lock */
  memset(&d->pool, 0, sizeof d->pool);
}

void pc_doc_free(pc_doc *d) {
  const pc_alloc *m = d->mem;
  pc_vec_free(m, &d->line_starts);
  pc_textmap_free(m, &d->repaired);
  pc_textmap_free(m, &d->prose);
  pc_vec_free(m, &d->blocks);
  pc_vec_free(m, &d->links);
  pc_vec_free(m, &d->sentences);
  pc_buf_free(m, &d->texts);
  pc_buf_free(m, &d->strings);
  pc_buf_free(m, &d->spare);
  for (size_t i = 0; i < d->sources.len; i++) {
    pc_source *s = &PC_VEC_AT(d->sources, pc_source, i);
    pc_vec_free(m, &s->urls);
    pc_vec_free(m, &s->titles);
    pc_vec_free(m, &s->mentions);
  }
  pc_vec_free(m, &d->sources);
  pc_vec_free(m, &d->citations);
  if (d->found_links) {
    pc_evidence_free(m, d->found_links);
    pc_free(m, d->found_links);
    d->found_links = NULL;
  }
  pc_pool_release(&d->pool);
}

void pc_doc_release_repaired_text(pc_doc *d) {
  pc_vec runs = d->repaired.runs;
  d->repaired.runs = (pc_vec){0};
  if (!d->repaired.borrowed && d->repaired.out.data) {
    pc_buf_free(d->mem, &d->spare);
    d->spare = d->repaired.out;
    d->repaired.out = (pc_buf){0};
  }
  pc_textmap_free(d->mem, &d->repaired);
  d->repaired.runs = runs;
}

size_t pc_doc_sentence_room(size_t text_len) {
  size_t n = text_len / PC_PROSE_BYTES_PER_SENTENCE +
             text_len / (8 * PC_PROSE_BYTES_PER_SENTENCE) + 16;
  return n > SIZE_MAX / sizeof(pc_sentence) ? SIZE_MAX : n * sizeof(pc_sentence);
}

/* The first 64-byte boundary at or after b->data + used with `bytes` of
 * b's capacity after it, or NULL. */
static void *room_after(const pc_buf *b, size_t used, size_t bytes) {
  if (!b->data || used > b->cap) return NULL;
  uintptr_t start = ((uintptr_t)(b->data + used) + 63) & ~(uintptr_t)63;
  size_t skip = (size_t)(start - (uintptr_t)b->data);
  if (skip > b->cap || b->cap - skip < bytes) return NULL;
  return b->data + skip;
}

void *pc_doc_scratch_before_sentences(pc_doc *d, size_t bytes) {
  if (!d->repaired.borrowed) return room_after(&d->repaired.out, d->repaired.out.len + 1, bytes);
  size_t room = pc_doc_sentence_room(d->repaired.out.len);
  if (!d->spare.data && room != SIZE_MAX && room > bytes &&
      pc_buf_reserve_exact(d->mem, &d->spare, room) != 0)
    return NULL;
  return room_after(&d->spare, 0, bytes);
}

void pc_doc_recycle_for_texts(pc_doc *d, pc_vec *done, size_t elem_size) {
  size_t bytes = done->cap * elem_size;
  if (!d->texts.data && done->data && bytes > 0) {
    d->texts.data = done->data;
    d->texts.cap = bytes;
    d->texts.len = 0;
    d->texts.data[0] = '\0';
    *done = (pc_vec){0};
  }
  pc_vec_free(d->mem, done);
}

precis_status pc_doc_fail(pc_doc *d, precis_status status, const char *fmt, ...) {
  if (d->errmsg && d->errmsg_cap) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->errmsg, d->errmsg_cap, fmt, ap);
    va_end(ap);
  }
  return status;
}

pc_range pc_doc_repaired_to_orig(const pc_doc *d, size_t start, size_t end) {
  pc_range r;
  r.start = pc_textmap_src_start(&d->repaired, start);
  r.end = end > start ? pc_textmap_src_end(&d->repaired, end) : r.start;
  if (r.end < r.start) r.end = r.start;
  return r;
}

size_t pc_doc_prose_at(const pc_doc *d, double share) {
  size_t len = d->prose.out.len;
  return share >= 1 ? len : share > 0 ? (size_t)((double)len * share) : 0;
}

pc_range pc_doc_prose_to_orig(const pc_doc *d, size_t start, size_t end) {
  size_t rs = pc_textmap_src_start(&d->prose, start);
  size_t re = end > start ? pc_textmap_src_end(&d->prose, end) : rs;
  return pc_doc_repaired_to_orig(d, rs, re);
}

/* Line starts are found once per document, in one pass. */
static precis_status index_lines(pc_doc *d) {
  size_t *first = PC_VEC_PUSH(d->mem, &d->line_starts, size_t);
  if (!first) return PRECIS_ERR_NOMEM;
  *first = 0;
  const char *p = d->orig, *end = d->orig + d->orig_len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) break;
    size_t *start = PC_VEC_PUSH(d->mem, &d->line_starts, size_t);
    if (!start) return PRECIS_ERR_NOMEM;
    *start = (size_t)(nl + 1 - d->orig);
    p = nl + 1;
  }
  return PRECIS_OK;
}

/* Lines pc_doc_span steps forward from the line it found last before it
 * searches: spans mostly come in document order, a few lines apart. */
#define PC_LINE_HINT_STEPS 4

/* 1-based line and column of byte `off`. */
static void line_col(pc_doc *d, size_t off, uint32_t *line, uint32_t *col) {
  const size_t *starts = d->line_starts.data;
  size_t n = d->line_starts.len, lo = 0, hi = n;
  size_t h = d->line_hint < n ? d->line_hint : 0;
  if (starts[h] <= off) {
    for (int k = 0; k < PC_LINE_HINT_STEPS && h + 1 < n && starts[h + 1] <= off; k++) h++;
    if (h + 1 == n || starts[h + 1] > off) lo = hi = h; /* the line of off */
    else lo = h;
  } else {
    hi = h;
  }
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (starts[mid] <= off) lo = mid; else hi = mid;
  }
  d->line_hint = lo;
  size_t c = off - starts[lo] + 1;
  *line = lo + 1 > UINT32_MAX ? UINT32_MAX : (uint32_t)(lo + 1);
  *col = c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
}

precis_status pc_doc_span(pc_doc *d, size_t start, size_t end, precis_span *out) {
  if (d->line_starts.len == 0) {
    precis_status st = index_lines(d);
    if (st != PRECIS_OK) return st;
  }
  if (start > d->orig_len) start = d->orig_len;
  if (end > d->orig_len) end = d->orig_len;
  if (end < start) end = start;
  out->start = start;
  out->end = end;
  line_col(d, start, &out->line, &out->column);
  line_col(d, end > start ? end - 1 : start, &out->end_line, &out->end_column);
  return PRECIS_OK;
}

int pc_doc_intern(pc_doc *d, const char *s, size_t len, pc_strref *out) {
  size_t off = d->strings.len;
  if (pc_buf_append(d->mem, &d->strings, s, len) != 0) return -1;
  if (pc_buf_putc(d->mem, &d->strings, '\0') != 0) return -1;
  out->off = off;
  out->len = len;
  return 0;
}

const char *pc_sentence_text(const pc_doc *d, const pc_sentence *s) {
  if (s->text_in_prose) return d->prose.out.data + s->text_off;
  return d->texts.data ? d->texts.data + s->text_off : "";
}

/* Texts are in sentence order, so each one that stays moves down in place. */
void pc_doc_share_sentence_texts(pc_doc *d) {
  /* The sentences' block may end in pages layout's lines touched. */
  pc_vec_shrink(d->mem, &d->sentences, sizeof(pc_sentence));
  char *t = d->texts.data;
  const char *prose = d->prose.out.data;
  if (!t || !prose) return;
  pc_sentence *s = d->sentences.data;
  size_t kept = 0;
  for (size_t i = 0; i < d->sentences.len; i++) {
    if (s[i].text_in_prose) continue;
    const char *text = t + s[i].text_off;
    if (s[i].text_len <= s[i].prose_end - s[i].prose_start &&
        memcmp(prose + s[i].prose_start, text, s[i].text_len) == 0) {
      s[i].text_in_prose = 1;
      s[i].text_off = s[i].prose_start;
      continue;
    }
    memmove(t + kept, text, s[i].text_len + 1);
    s[i].text_off = (uint32_t)kept; /* texts are shorter than the prose: 32 bits */
    kept += s[i].text_len + 1;
  }
  t[kept] = '\0';
  d->texts.len = kept;
  pc_buf_shrink(d->mem, &d->texts);
}
