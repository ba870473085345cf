/* Stage 3: every prose block is split into sentences; each gets its
 * whitespace-collapsed text and its byte range in the original input. */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>
#ifdef PC_SEGMENT_CHECK_HINTS
#include <stdlib.h> /* abort */
#endif

#include "base/bytes16.h"
#include "doc.h"
#include "segment/segment.h"

/* Where sentences go: the document's vectors, or a later part's own
 * (pc_segment_begin), appended to them by pc_segment_end. */
typedef struct sentence_sink {
  pc_vec sentences;     /* pc_sentence */
  pc_buf texts;
  size_t total_words;
} sentence_sink;

typedef struct segment_ctx {
  pc_doc *d;
  pc_vec *sentences;    /* the sink's */
  pc_buf *texts;
  size_t *total_words;
  size_t first_sentence;/* of the sink, in the document */
  size_t block;
  size_t base;          /* prose offset of the block */
  precis_status status;
  pc_textmap_cursor prose_map, repaired_map; /* sentences come in order */
} segment_ctx;

/* pc_doc_prose_to_orig, with cursors. */
static pc_range prose_to_orig(segment_ctx *ctx, size_t start, size_t end) {
  size_t rs, re;
  if (end > start)
    pc_textmap_cursor_src_range(&ctx->prose_map, start, end, &rs, &re);
  else
    rs = re = pc_textmap_cursor_src_start(&ctx->prose_map, start);
  pc_range r;
  if (re > rs)
    pc_textmap_cursor_src_range(&ctx->repaired_map, rs, re, &r.start, &r.end);
  else
    r.start = r.end = pc_textmap_cursor_src_start(&ctx->repaired_map, rs);
  if (r.end < r.start) r.end = r.start;
  return r;
}

static int is_space_cp(utf8proc_int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return 1;
  if (cp < 0x80) return 0;
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
         cat == UTF8PROC_CATEGORY_ZP;
}

static int is_word_cp(utf8proc_int32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  utf8proc_category_t cat = utf8proc_category(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_MN;
}

/* For each ASCII byte: ASCII_TEXT if it is not whitespace, plus ASCII_WORD
 * if it is a letter or digit; 0 for whitespace and non-ASCII bytes. */
enum { ASCII_TEXT = 1, ASCII_WORD = 2 };
#define T ASCII_TEXT
#define W (ASCII_TEXT | ASCII_WORD)
static const unsigned char ascii_kind[256] = {
    T, T, T, T, T, T, T, T, T, 0, 0, 0, 0, 0, T, T, /* 00: \t-\r are whitespace */
    T, T, T, T, T, T, T, T, T, T, T, T, T, T, T, T, /* 10 */
    0, T, T, T, T, T, T, T, T, T, T, T, T, T, T, T, /* 20: space ! " # ... /    */
    W, W, W, W, W, W, W, W, W, W, T, T, T, T, T, T, /* 30: 0-9 : ; < = > ?     */
    T, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, /* 40: @ A-O               */
    W, W, W, W, W, W, W, W, W, W, W, T, T, T, T, T, /* 50: P-Z [ \ ] ^ _       */
    T, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, /* 60: ` a-o               */
    W, W, W, W, W, W, W, W, W, W, W, T, T, T, T, T, /* 70: p-z { | } ~ DEL     */
};
#undef T
#undef W

/* Where already_collapsed stands: the tokens with a letter or digit seen so
 * far (the open one included), whether the open token has one, whether the
 * byte before is the one space between two tokens (at `gap`). */
typedef struct collapse_scan {
  size_t words, gap;
  int has_word, in_space;
} collapse_scan;

/* The spaces, bytes that are not printable ASCII, and ASCII letters and
 * digits among the 32 bytes at p. */
static inline void classify32(const unsigned char *p, uint32_t *sp, uint32_t *odd,
                              uint32_t *word) {
  pc_bytes16 lo = pc_bytes16_load(p), hi = pc_bytes16_load(p + 16);
  *sp = pc_bytes16_eq(lo, ' ') | (uint32_t)pc_bytes16_eq(hi, ' ') << 16;
  *odd = pc_bytes16_not_printable(lo) | (uint32_t)pc_bytes16_not_printable(hi) << 16;
  *word = pc_bytes16_alnum(lo) | (uint32_t)pc_bytes16_alnum(hi) << 16;
}

/* Takes the bytes of the 64 at p (offset pos of the text) whose bits are
 * set in `valid`, a run of bits, up to the first that is not printable
 * ASCII or is a second space in a row; returns the offset where it
 * stopped (after the valid bits when it took them all). Reads only the
 * first 32 bytes when no bit of valid is past them or an odd byte is among
 * them. Steps of 64 bytes leave less bookkeeping per byte than steps of 32. */
static inline size_t collapse_block(collapse_scan *c, const unsigned char *p, size_t pos,
                                    uint64_t valid) {
  uint32_t sp_lo, odd_lo, word_lo, sp_hi = 0, odd_hi = 0, word_hi = 0;
  classify32(p, &sp_lo, &odd_lo, &word_lo);
  /* an odd byte in the first 32 ends the block before the other 32 */
  if (valid >> 32 && !(odd_lo & (uint32_t)valid)) classify32(p + 32, &sp_hi, &odd_hi, &word_hi);
  unsigned stop = 64; /* where an odd byte is: 64 for none */
  uint64_t first = valid & (0u - valid);
  uint64_t sp = (sp_lo | (uint64_t)sp_hi << 32) & valid;
  uint64_t odd = (odd_lo | (uint64_t)odd_hi << 32) & valid;
  odd |= (sp & (sp << 1)) | (c->in_space ? sp & first : 0);
  if (odd) { /* take the bytes before it */
    stop = pc_mask64_lowest(odd);
    valid &= (odd & (0u - odd)) - 1;
    sp &= valid;
    if (!valid) return pos + stop;
  }
  uint64_t word = (word_lo | (uint64_t)word_hi << 32) & valid;
  uint64_t punct = ~(sp | word) & valid;
  /* A letter or digit is the first of its token when only punctuation
   * lies between it and the space before (or the open token's start, if
   * that token has none yet). Marks set just after each space move up
   * through the runs of punctuation by carry. */
  uint64_t start = sp << 1 | (c->has_word ? 0u : first);
  uint64_t firsts = word & ((start & ~punct) | ((punct + (start & punct)) & ~punct));
  c->words += pc_mask64_count(firsts);
  if (sp)
    c->has_word = (word >> pc_mask64_highest(sp) >> 1) != 0;
  else
    c->has_word |= word != 0;
  unsigned last = pc_mask64_highest(valid);
  c->in_space = (sp >> last) & 1u;
  if (c->in_space) c->gap = pos + last;
  return pos + (stop < 64 ? stop : last + 1);
}

/* Blocks of 64 bytes of printable ASCII and single spaces from s[i] on;
 * returns where the first other byte is, or n. The last block reads on
 * past n when the `avail` bytes from s on allow; else it is the last 64
 * (or 32) bytes, less those already taken (a text shorter than 32 bytes
 * at the end of avail is read from a copy). */
static size_t collapse_blocks(const utf8proc_uint8_t *s, size_t i, size_t n, size_t avail,
                              collapse_scan *c) {
  unsigned char short_text[32];
  while (i < n) {
    const unsigned char *p;
    size_t pos, width;
    uint64_t valid;
    if (n - i >= 64) {
      pos = i;
      width = 64;
      valid = ~(uint64_t)0;
    } else if (n - i <= 32 && avail - i >= 32) {
      pos = i;
      width = 32;
      valid = 0xFFFFFFFFu >> (32 - (n - i));
    } else if (avail - i >= 64) {
      pos = i;
      width = 64;
      valid = ~(uint64_t)0 >> (64 - (n - i));
    } else if (n >= 64) {
      pos = n - 64;
      width = 64;
      valid = ~(uint64_t)0 << (i - pos);
    } else if (n - i >= 32) {
      pos = i;
      width = 32;
      valid = 0xFFFFFFFFu;
    } else if (n >= 32) {
      pos = n - 32;
      width = 32;
      valid = 0xFFFFFFFFu << (i - pos);
    } else {
      pos = 0;
      width = 32;
      valid = (0xFFFFFFFFu >> (32 - n)) & (0xFFFFFFFFu << i);
    }
    if (avail - pos >= width) {
      p = s + pos;
    } else {
      memset(short_text, 0, sizeof short_text);
      memcpy(short_text, s, n);
      p = short_text;
    }
    size_t end = n - pos >= width ? pos + width : n;
    size_t next = collapse_block(c, p, pos, valid);
    if (next < end) return next;
    i = end;
  }
  return i;
}

/* When text[0, n) is already collapsed (no leading whitespace, every inner
 * whitespace run one ASCII space, any trailing run ASCII) its collapsed text
 * is its own first *len bytes: returns 1 with the words counted as
 * append_collapsed counts them, without copying. Returns 0 for anything
 * else (a NUL, a Unicode space, a tab inside...), which append_collapsed
 * then handles. The `avail` bytes from text on (n or more) may be read:
 * a block that runs past the text costs less than one that overlaps it. */
static int already_collapsed(const char *text, size_t n, size_t avail, size_t *len,
                             size_t *words) {
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
  collapse_scan c = {0, 0, 0, 0};
  size_t i = 0;
  if (n == 0 || (s[0] < 0x80 && ascii_kind[s[0]] == 0)) return 0;
  while (i < n) {
    i = collapse_blocks(s, i, n, avail, &c);
    if (i >= n) break;
    /* the byte or code point the blocks do not take, and the non-ASCII
     * characters right after it (a block would stop at each of them) */
    do {
      unsigned char b = s[i];
      if (b == ' ' && !c.in_space) {
        c.has_word = 0;
        c.in_space = 1;
        c.gap = i++;
        continue;
      }
      if (b < 0x80 && ascii_kind[b] == 0) { /* more whitespace: only to the end */
        if (!c.in_space) {
          c.has_word = 0;
          c.in_space = 1;
          c.gap = i;
        }
        while (i < n && s[i] < 0x80 && ascii_kind[s[i]] == 0) i++;
        if (i < n) return 0;
        *len = c.gap;
        *words = c.words;
        return 1;
      }
      if (b == 0) return 0;
      c.in_space = 0;
      int is_word;
      if (b < 0x80) {
        is_word = (ascii_kind[b] & ASCII_WORD) != 0;
        i++;
      } else {
        utf8proc_int32_t cp;
        utf8proc_ssize_t got = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (got <= 0) { cp = 0xFFFD; got = 1; }
        if (is_space_cp(cp)) return 0;
        is_word = !c.has_word && is_word_cp(cp);
        i += (size_t)got;
      }
      if (is_word && !c.has_word) {
        c.has_word = 1;
        c.words++;
      }
    } while (i < n && s[i] >= 0x80);
  }
  *len = c.in_space ? c.gap : n;
  *words = c.words;
  return 1;
}

/* Appends text[0..n) to `texts` with every whitespace run made one space;
 * counts words (runs holding a letter or digit). The `avail` bytes from text
 * on (n or more) may be read. */
static int append_collapsed(const pc_alloc *mem, pc_buf *texts, const char *text, size_t n,
                            size_t avail, size_t *words) {
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
  if (pc_buf_reserve(mem, texts, n + 1) != 0) return -1;
  char *const base = texts->data;
  char *out = base + texts->len;
  size_t i = 0, count = 0;
  int pending_space = 0, in_word = 0;
  while (i < n) {
    utf8proc_int32_t cp = s[i];
    utf8proc_ssize_t got = 1;
    if (ascii_kind[s[i]] != 0) {
      if (pending_space && out > base && out[-1] != '\0') *out++ = ' ';
      pending_space = 0;
      /* the common case: a stretch that is collapsed already (printable
       * ASCII and single spaces, as far as a line break), copied at once */
      collapse_scan c = {count, 0, in_word, 0};
      size_t next = collapse_blocks(s, i, n, avail, &c);
      if (next > i) {
        memcpy(out, s + i, next - i);
        out += next - i;
        count = c.words;
        in_word = c.has_word;
        if (c.in_space) { /* its last space waits for what follows */
          out--;
          pending_space = 1;
        }
        i = next;
        continue;
      }
      /* else a control byte first: a run of ASCII without spaces, copied
       * byte by byte */
      for (; !in_word && i < n && ascii_kind[s[i]] != 0; i++) {
        *out++ = (char)s[i];
        if (ascii_kind[s[i]] & ASCII_WORD) {
          count++;
          in_word = 1;
        }
      }
      for (; i < n && ascii_kind[s[i]] != 0; i++) *out++ = (char)s[i];
      continue;
    }
    if (cp < 0x80) { /* ASCII whitespace */
      pending_space = 1;
      in_word = 0;
      i++;
      continue;
    }
    if (cp >= 0x80) {
      got = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
      if (got <= 0) { cp = 0xFFFD; got = 1; }
    }
    if (is_space_cp(cp)) {
      pending_space = 1;
      in_word = 0;
    } else {
      /* no space at the start, after the previous sentence's NUL */
      if (pending_space && out > base && out[-1] != '\0') *out++ = ' ';
      pending_space = 0;
      if (is_word_cp(cp)) {
        if (!in_word) count++;
        in_word = 1;
      }
      for (utf8proc_ssize_t k = 0; k < got; k++) *out++ = (char)s[i + (size_t)k];
    }
    i += (size_t)got;
  }
  *out = '\0';
  texts->len = (size_t)(out - base);
  *words = count;
  return 0;
}

/* on_sentence writes each field of the record: a new field goes there too.
 * Nine 32-bit fields and two byte flags, padded to 40 bytes, then doubles. */
_Static_assert(sizeof(pc_sentence) == 40 + (PRECIS_FEATURE_COUNT + 2) * sizeof(double),
               "a field of pc_sentence that on_sentence does not write");

static int on_sentence(void *vctx, size_t start, size_t end, const pc_segment_hint *hint) {
  segment_ctx *ctx = vctx;
  pc_doc *d = ctx->d;
  if (end <= start) return 0;
  const pc_block *b = &PC_VEC_AT(d->blocks, pc_block, ctx->block);
  pc_vec *sentences = ctx->sentences;
  pc_buf *texts = ctx->texts;
  if (sentences->len >= sentences->cap &&
      pc_vec_reserve(d->mem, sentences, sizeof(pc_sentence), 1) != 0) {
    ctx->status = PRECIS_ERR_NOMEM;
    return 1;
  }
  pc_sentence *s = &PC_VEC_AT(*sentences, pc_sentence, sentences->len++);
  /* Every field written once, without zeroing the record first (a push
   * does): the memory is cold, and rep stos stalled on it. 32-bit fields
   * (doc.h): the prose and the input fit in 32 bits. */
  size_t prose_start = ctx->base + start, prose_end = ctx->base + end;
  s->block = (uint32_t)ctx->block;
  s->paragraph = (uint32_t)b->paragraph;
  s->prose_start = (uint32_t)prose_start;
  s->prose_end = (uint32_t)prose_end;
  pc_range orig = prose_to_orig(ctx, prose_start, prose_end);
  s->start = (uint32_t)orig.start;
  s->end = (uint32_t)orig.end;
  for (size_t k = 0; k < PRECIS_FEATURE_COUNT; k++) s->features[k] = 0.0;
  s->score = s->digest_score = 0.0;
  s->selected = 0;
  size_t len, words;
#ifdef PC_SEGMENT_CHECK_HINTS /* differential tests: the hint must agree with a full read */
  if (hint->collapsed &&
      (!already_collapsed(d->prose.out.data + prose_start, end - start,
                          d->prose.out.len - prose_start, &len, &words) ||
       len != end - start || words != hint->words))
    abort();
#endif
  if (hint->collapsed) { /* the splitter read it: no second pass */
    len = end - start;
    words = hint->words;
  }
  if (hint->collapsed ||
      already_collapsed(d->prose.out.data + prose_start, end - start,
                        d->prose.out.len - prose_start, &len, &words)) {
    /* What pc_doc_share_sentence_texts would find: the text is the prose. */
    s->text_in_prose = 1;
    s->text_off = (uint32_t)prose_start;
    s->text_len = (uint32_t)len;
    s->n_words = (uint32_t)words;
    *ctx->total_words += words;
    return 0;
  }
  s->text_in_prose = 0;
  size_t text_off = texts->len;
  if (append_collapsed(d->mem, texts, d->prose.out.data + prose_start, end - start,
                       d->prose.out.len - prose_start, &words) != 0 ||
      pc_buf_putc(d->mem, texts, '\0') != 0) {
    ctx->status = PRECIS_ERR_NOMEM;
    return 1;
  }
  len = texts->len - 1 - text_off;
  if (len == 0) { sentences->len--; return 0; }
  s->text_off = (uint32_t)text_off; /* in the sink's texts (pc_segment_end moves it) */
  s->text_len = (uint32_t)len;
  s->n_words = (uint32_t)words;
  *ctx->total_words += words;
  return 0;
}

/* The sentence vector takes over the memory the repaired text left behind
 * when it holds `want` sentences (pc_repair sizes it so): its pages are
 * mapped already, so filling them costs no page faults. Otherwise that
 * memory is given back. Growing it instead would move it, and a moved block
 * loses its huge pages. */
static void reuse_spare(pc_doc *d, size_t want) {
  pc_buf *spare = &d->spare;
  if (!d->sentences.data && spare->data && spare->cap / sizeof(pc_sentence) >= want) {
    d->sentences.data = spare->data;
    d->sentences.cap = spare->cap / sizeof(pc_sentence);
    d->sentences.len = 0;
    *spare = (pc_buf){0};
  }
  pc_buf_free(d->mem, spare);
}

/* doc->texts holds only the sentences whose collapsed text is not their
 * prose (hard wraps, blank runs): 2.3% of the bench corpus. Room for all the
 * prose would be touched a huge page at a time for those few bytes. */
#define PC_PROSE_BYTES_PER_TEXT_BYTE 32

/* Reserves the document's vectors for all of its sentences. */
static void reserve_sentences(pc_doc *d) {
  /* Only hints: when they fail, the vectors grow as they fill. */
  size_t prose = d->prose.out.len, want = prose / PC_PROSE_BYTES_PER_SENTENCE + 16;
  (void)pc_buf_reserve_exact(d->mem, &d->texts, prose / PC_PROSE_BYTES_PER_TEXT_BYTE + 64);
  reuse_spare(d, want);
  (void)pc_vec_reserve_exact(d->mem, &d->sentences, sizeof(pc_sentence), want);
}

/* Splits blocks [from, to) into sentences, into the sink of ctx, whose first
 * sentence is the document's ctx->first_sentence. */
static precis_status segment_blocks(segment_ctx *ctx, size_t from, size_t to) {
  pc_doc *d = ctx->d;
  pc_textmap_cursor_init(&ctx->prose_map, &d->prose);
  pc_textmap_cursor_init(&ctx->repaired_map, &d->repaired);
  for (size_t i = from; i < to; i++) {
    pc_block *b = &PC_VEC_AT(d->blocks, pc_block, i);
    b->first_sentence = ctx->first_sentence + ctx->sentences->len;
    if (!pc_block_is_prose(b->kind)) continue;
    ctx->block = i;
    ctx->base = b->prose_start;
    ctx->status = PRECIS_OK;
    pc_segment_hinted(d->prose.out.data + b->prose_start, b->prose_end - b->prose_start,
                      d->prose.out.len - b->prose_start, on_sentence, ctx);
    if (ctx->status != PRECIS_OK) return ctx->status;
    b = &PC_VEC_AT(d->blocks, pc_block, i);
    b->n_sentences = ctx->first_sentence + ctx->sentences->len - b->first_sentence;
  }
  return PRECIS_OK;
}

static void sink_in_doc(segment_ctx *ctx, pc_doc *d) {
  ctx->d = d;
  ctx->sentences = &d->sentences;
  ctx->texts = &d->texts;
  ctx->total_words = &d->total_words;
  ctx->first_sentence = 0;
}

precis_status pc_segment_doc(pc_doc *d) {
  reserve_sentences(d);
  segment_ctx ctx;
  sink_in_doc(&ctx, d);
  return segment_blocks(&ctx, 0, d->blocks.len);
}

struct pc_segmenting {
  pc_doc *d;
  size_t split;          /* the first block of the later part */
  sentence_sink later;
  segment_ctx later_ctx;
  precis_status earlier_status, later_status;
};

precis_status pc_segment_begin(pc_doc *d, double share, pc_segmenting **out) {
  pc_segmenting *s = pc_malloc(d->mem, sizeof *s);
  *out = s;
  if (!s) return PRECIS_ERR_NOMEM;
  memset(s, 0, sizeof *s);
  s->d = d;
  /* the first block that starts past `share` of the prose */
  size_t mid = pc_doc_prose_at(d, share);
  size_t lo = 0, hi = d->blocks.len;
  while (lo < hi) {
    size_t m = lo + (hi - lo) / 2;
    if (PC_VEC_AT(d->blocks, pc_block, m).prose_start < mid) lo = m + 1;
    else hi = m;
  }
  s->split = lo;
  reserve_sentences(d);
  size_t later_prose = d->prose.out.len - mid;
  (void)pc_vec_reserve_exact(d->mem, &s->later.sentences, sizeof(pc_sentence),
                             later_prose / PC_PROSE_BYTES_PER_SENTENCE + 16);
  segment_ctx *ctx = &s->later_ctx;
  ctx->d = d;
  ctx->sentences = &s->later.sentences;
  ctx->texts = &s->later.texts;
  ctx->total_words = &s->later.total_words;
  ctx->first_sentence = 0; /* not known yet: pc_segment_end moves the blocks' */
  return PRECIS_OK;
}

void pc_segment_later(void *segmenting) {
  pc_segmenting *s = segmenting;
  s->later_status = segment_blocks(&s->later_ctx, s->split, s->d->blocks.len);
}

void pc_segment_earlier(pc_segmenting *s) {
  segment_ctx ctx;
  sink_in_doc(&ctx, s->d);
  s->earlier_status = segment_blocks(&ctx, 0, s->split);
}

/* Appends the later part's sentences and texts to the document's, where
 * one pass would have put them. */
static precis_status append_later(pc_doc *d, const pc_segmenting *s) {
  const sentence_sink *later = &s->later;
  size_t n = later->sentences.len, first = d->sentences.len, text_base = d->texts.len;
  if (n && pc_vec_reserve(d->mem, &d->sentences, sizeof(pc_sentence), n) != 0)
    return PRECIS_ERR_NOMEM;
  if (later->texts.len && pc_buf_append(d->mem, &d->texts, later->texts.data, later->texts.len) != 0)
    return PRECIS_ERR_NOMEM;
  pc_sentence *to = (pc_sentence *)d->sentences.data + first;
  memcpy(to, later->sentences.data, n * sizeof *to);
  for (size_t k = 0; k < n; k++)
    if (!to[k].text_in_prose) to[k].text_off += (uint32_t)text_base;
  d->sentences.len += n;
  d->total_words += later->total_words;
  for (size_t i = s->split; i < d->blocks.len; i++)
    PC_VEC_AT(d->blocks, pc_block, i).first_sentence += first;
  return PRECIS_OK;
}

precis_status pc_segment_end(pc_segmenting *s) {
  pc_doc *d = s->d;
  precis_status st = s->earlier_status != PRECIS_OK ? s->earlier_status : s->later_status;
  if (st == PRECIS_OK) st = append_later(d, s);
  pc_vec_free(d->mem, &s->later.sentences);
  pc_buf_free(d->mem, &s->later.texts);
  pc_free(d->mem, s);
  return st;
}
