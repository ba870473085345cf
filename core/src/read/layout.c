/* Stage 2: the repaired text becomes blocks, prose and links.
 *
 * Lines are typed in passes (lines.c, markdown.c, title.c, boilerplate.c),
 * each linear in the number of lines; then one pass here groups them into
 * blocks, joining wrapped lines (unwrap.c) and reducing inline markdown
 * (inline.c) into d->prose, whose runs map every prose byte back to the
 * repaired text. */
#include <string.h>

#include "doc.h"
#include "read/boilerplate.h"
#include "read/inline.h"
#include "read/lines.h"
#include "read/markdown.h"
#include "read/title.h"
#include "read/unwrap.h"

typedef struct layout {
  pc_doc *d;
  const char *t;
  pc_line *lines;
  size_t n;
  int markdown;
  int unwrap;
  pc_wrap_stats wrap;
  pc_block b;              /* the open block */
  size_t piece_end;        /* end of its last text piece */
  int has_piece;
  size_t next_paragraph;
  int blank_before;        /* a blank line since the last block */
} layout;

static precis_status nomem(layout *L) {
  return pc_doc_fail(L->d, PRECIS_ERR_NOMEM, "out of memory in layout");
}

static void open_block(layout *L, pc_block_kind kind, size_t start) {
  memset(&L->b, 0, sizeof L->b);
  L->b.kind = kind;
  L->b.start = start;
  L->b.prose_start = L->d->prose.out.len;
  L->has_piece = 0;
}

/* Appends t[s, e) to the open block's prose, joined to the piece before by
 * one space (or the original line break when lines are not unwrapped). */
static int add_piece(layout *L, size_t s, size_t e) {
  pc_doc *d = L->d;
  if (L->has_piece) {
    size_t gap = s - L->piece_end;
    int rc;
    if (!L->unwrap && !L->markdown)
      rc = pc_textmap_copy(d->mem, &d->prose, L->t, L->piece_end, gap);
    else if (gap == 1) /* a bare line break: the space maps to it byte for byte */
      rc = pc_textmap_substitute(d->mem, &d->prose, L->piece_end, " ", 1);
    else
      rc = pc_textmap_replace(d->mem, &d->prose, L->piece_end, gap, " ", 1);
    if (rc != 0) return -1;
  }
  L->has_piece = 1;
  L->piece_end = e;
  return pc_inline_emit(d, s, e, L->markdown, d->blocks.len);
}

static precis_status close_block(layout *L, size_t end) {
  pc_doc *d = L->d;
  pc_block *b = &L->b;
  b->end = end;
  b->prose_end = d->prose.out.len;
  if (pc_block_is_prose(b->kind)) {
    const pc_block *prev = d->blocks.len ? &PC_VEC_AT(d->blocks, pc_block, d->blocks.len - 1) : NULL;
    /* Text interrupted only by a citation line stays one paragraph. */
    if (prev && prev->kind == PC_BLOCK_CITATION && !L->blank_before && L->next_paragraph > 0)
      b->paragraph = L->next_paragraph - 1;
    else
      b->paragraph = L->next_paragraph++;
  } else {
    b->paragraph = L->next_paragraph;
  }
  if (b->kind == PC_BLOCK_TITLE) d->title_block = (long)d->blocks.len;
  pc_block *slot = PC_VEC_PUSH(d->mem, &d->blocks, pc_block);
  if (!slot) return nomem(L);
  *slot = *b;
  if (pc_textmap_replace(d->mem, &d->prose, end, 0, "\n", 1) != 0) return nomem(L);
  L->blank_before = 0;
  return PRECIS_OK;
}

/* A block holding one text range (prose emitted unless `bare`). */
static precis_status single(layout *L, pc_block_kind kind, size_t s, size_t e, int bare) {
  open_block(L, kind, s);
  if (!bare && add_piece(L, s, e) != 0) return nomem(L);
  return close_block(L, e);
}

static size_t next_nonblank(const layout *L, size_t i) {
  while (i < L->n && L->lines[i].type == PC_LINE_BLANK) i++;
  return i;
}

/* A text line that may continue the block before it. */
static int can_continue(const pc_line *l) {
  return l->type == PC_LINE_TEXT && l->body_start == l->text_start;
}

/* The end of line text t[s, e) without a quote mark left dangling after
 * its last sentence ("... in the Premier League. '") or alone on the line:
 * tokenised news text puts the mark opening the next paragraph's quote
 * there, where it would be a sentence of its own. */
static size_t drop_dangling_quote(const char *t, size_t s, size_t e) {
  size_t n;
  int32_t cp = pc_cp_before(t, s, e, &n);
  if (cp != '\'' && cp != '"' && cp != 0x2018 && cp != 0x201C) return e;
  size_t p = e - n;
  if (p <= s) return s;
  if (t[p - 1] != ' ') return e;
  while (p > s && t[p - 1] == ' ') p--;
  return pc_text_ends_sentence(t, s, p) ? p : e;
}

/* Paragraph (or list item) text from line i on; returns the next line. */
static precis_status text_block(layout *L, size_t i, pc_block_kind kind, size_t *next) {
  const pc_line *l = &L->lines[i];
  const char *t = L->t;
  precis_status st;
  if (l->body_start > l->text_start) {
    size_t pe = l->body_start;
    while (pe > l->text_start && (t[pe - 1] == ' ' || t[pe - 1] == '\t')) pe--;
    if ((st = single(L, PC_BLOCK_BOILERPLATE, l->text_start, pe, 1)) != PRECIS_OK) return st;
  }
  size_t last = i;
  open_block(L, kind, l->body_start);
  for (;;) {
    l = &L->lines[last];
    size_t s = last == i ? l->body_start : l->text_start;
    size_t e = l->tail_start;
    /* text_end is trimmed already; not reading its byte again saves a cache
     * miss a paragraph on long texts */
    if (e < l->text_end)
      while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t')) e--;
    if (!L->markdown && e > s) e = drop_dangling_quote(t, s, e);
    if (e > s && add_piece(L, s, e) != 0) return nomem(L);
    if (l->tail_start < l->text_end) {
      if ((st = close_block(L, e)) != PRECIS_OK) return st;
      st = single(L, PC_BLOCK_EMBED, l->tail_start, l->text_end, 0);
      *next = last + 1;
      return st;
    }
    size_t k = next_nonblank(L, last + 1);
    if (k >= L->n || !can_continue(&L->lines[k])) break;
    size_t blanks = k - last - 1;
    const pc_line *b = &L->lines[k];
    int join;
    if (kind == PC_BLOCK_LIST_ITEM)
      join = blanks == 0 ? (L->markdown || b->indent > 0 ||
                            !pc_text_ends_sentence(t, l->text_start, l->text_end))
                         : (L->markdown && b->indent >= 2);
    else if (L->markdown)
      join = blanks == 0;
    else if (!L->unwrap)
      join = blanks == 0;
    else
      join = pc_wrap_joins(t, &L->wrap, l, b, blanks);
    if (!join) break;
    last = k;
  }
  *next = last + 1;
  return close_block(L, L->lines[last].text_end);
}

static precis_status quote_block(layout *L, size_t i, size_t *next) {
  size_t last = i;
  open_block(L, PC_BLOCK_QUOTE, L->lines[i].text_start);
  while (last < L->n && L->lines[last].type == PC_LINE_QUOTE) {
    const pc_line *l = &L->lines[last];
    if (l->text_end <= l->text_start) break; /* ">" alone: a paragraph break */
    if (add_piece(L, l->text_start, l->text_end) != 0) return nomem(L);
    last++;
  }
  *next = last == i ? i + 1 : last;
  size_t end = last > i ? L->lines[last - 1].text_end : L->lines[i].end;
  if (!L->has_piece) { *next = i + 1; return PRECIS_OK; }
  return close_block(L, end);
}

static pc_block_kind raw_kind(unsigned char type) {
  switch (type) {
  case PC_LINE_CODE: return PC_BLOCK_CODE;
  case PC_LINE_TABLE: return PC_BLOCK_TABLE;
  case PC_LINE_HTML: return PC_BLOCK_HTML;
  default: return PC_BLOCK_FRONT_MATTER;
  }
}

static precis_status build_blocks(layout *L) {
  precis_status st = PRECIS_OK;
  size_t i = 0;
  while (i < L->n && st == PRECIS_OK) {
    pc_line *l = &L->lines[i];
    size_t next = i + 1;
    switch ((pc_line_type)l->type) {
    case PC_LINE_BLANK:
    case PC_LINE_RULE:
    case PC_LINE_UNDERLINE:
      L->blank_before = 1;
      break;
    case PC_LINE_CODE:
    case PC_LINE_TABLE:
    case PC_LINE_HTML:
    case PC_LINE_FRONT:
      while (next < L->n && L->lines[next].type == l->type &&
             !(L->lines[next].flags & PC_LINE_FLAG_START))
        next++;
      open_block(L, raw_kind(l->type), l->start);
      st = close_block(L, L->lines[next - 1].end);
      break;
    case PC_LINE_TITLE: {
      open_block(L, PC_BLOCK_TITLE, l->body_start);
      size_t last = i;
      for (size_t k = i; k < L->n && L->lines[k].type == PC_LINE_TITLE; k = next_nonblank(L, k + 1)) {
        if (add_piece(L, L->lines[k].body_start, L->lines[k].text_end) != 0) return nomem(L);
        last = k;
      }
      next = last + 1;
      st = close_block(L, L->lines[last].text_end);
      break;
    }
    case PC_LINE_HEADING:
      st = single(L, PC_BLOCK_HEADING, l->text_start, l->text_end, 0);
      break;
    case PC_LINE_BOILER:
      st = single(L, PC_BLOCK_BOILERPLATE, l->text_start, l->text_end, 1);
      break;
    case PC_LINE_CAPTION:
      st = single(L, PC_BLOCK_CAPTION, l->text_start, l->text_end, 1);
      break;
    case PC_LINE_EMBED:
      st = single(L, PC_BLOCK_EMBED, l->text_start, l->text_end, 0);
      break;
    case PC_LINE_CITATION:
      st = single(L, PC_BLOCK_CITATION, l->text_start, l->text_end, 0);
      break;
    case PC_LINE_SOURCE:
      st = single(L, PC_BLOCK_SOURCE_LIST, l->text_start, l->text_end, 0);
      break;
    case PC_LINE_QUOTE:
      st = quote_block(L, i, &next);
      break;
    case PC_LINE_ITEM:
      st = text_block(L, i, PC_BLOCK_LIST_ITEM, &next);
      break;
    case PC_LINE_TEXT:
      st = text_block(L, i, PC_BLOCK_PARAGRAPH, &next);
      break;
    }
    i = next;
  }
  return st;
}

/* At most the blocks build_blocks makes: one a line but blank ones, plus a
 * text line's boilerplate prefix and embed tail. */
static size_t max_blocks(const pc_line *lines, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; i++) {
    const pc_line *l = &lines[i];
    if (l->type == PC_LINE_BLANK || l->type == PC_LINE_RULE || l->type == PC_LINE_UNDERLINE)
      continue;
    count += 1 + (size_t)(l->body_start > l->text_start) + (size_t)(l->tail_start < l->text_end);
  }
  return count;
}

precis_status pc_layout(pc_doc *d) {
  pc_vec lines = {0};
  int borrowed = 0;
  precis_status st = pc_lines_scan(d, &lines, &borrowed);
  if (st != PRECIS_OK) {
    if (!borrowed) pc_vec_free(d->mem, &lines);
    return pc_doc_fail(d, st, "out of memory in layout");
  }
  /* The prose is about as long as the text, with about a map run per line
   * (0.9 in the bench corpus; a vector this large grows by remapping, not
   * copying, so room for two a line only had a huge page zeroed for
   * nothing). Only hints, so a failure here is no error. */
  size_t text_len = d->repaired.out.len;
  (void)pc_buf_reserve_exact(d->mem, &d->prose.out, text_len + text_len / 16 + 64);
  (void)pc_vec_reserve_exact(d->mem, &d->prose.runs, sizeof(pc_map_run),
                             lines.len + lines.len / 8 + 16);
  layout L;
  memset(&L, 0, sizeof L);
  L.d = d;
  L.t = d->repaired.out.data ? d->repaired.out.data : "";
  L.lines = lines.data;
  L.n = lines.len;
  L.unwrap = d->opts->unwrap_lines;
  int drop = d->opts->drop_boilerplate;
  if (d->opts->input_format == PRECIS_INPUT_MARKDOWN) L.markdown = 1;
  else if (d->opts->input_format == PRECIS_INPUT_TEXT) L.markdown = 0;
  else L.markdown = pc_markdown_detect(L.t, L.lines, L.n);
  d->is_markdown = L.markdown;
  if (L.markdown) pc_markdown_classify(L.t, L.lines, L.n);
  else pc_plain_classify(L.t, L.lines, L.n);
  if (drop) {
    for (size_t i = 0; i < L.n; i++) {
      pc_line *l = &L.lines[i];
      if (l->type != PC_LINE_TEXT) continue;
      l->body_start = pc_boiler_header_prefix(L.t, l->text_start, l->text_end);
      if (l->body_start >= l->text_end) l->type = PC_LINE_BOILER;
    }
  }
  size_t title_end = pc_title_mark(L.t, L.lines, L.n, L.markdown);
  if (!L.markdown) pc_wrap_measure(L.t, L.lines, L.n, &L.wrap);
  pc_boilerplate_classify(L.t, L.lines, L.n, title_end, drop, L.markdown, &L.wrap);
  /* Room for every block now: a vector doubling as it goes copies itself. */
  (void)pc_vec_reserve_exact(d->mem, &d->blocks, sizeof(pc_block), max_blocks(L.lines, L.n));
  st = build_blocks(&L);
  if (!borrowed) pc_doc_recycle_for_texts(d, &lines, sizeof(pc_line));
  return st;
}
