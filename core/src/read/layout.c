/* Stage 2: the repaired text becomes blocks (paragraphs split at blank
 * lines) and prose text with lines joined by spaces. */
#include <string.h>

#include "doc.h"

static int is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
  return 1;
}

static precis_status end_block(pc_doc *d, pc_block *b, size_t end, size_t *paragraph) {
  b->end = end;
  b->prose_end = d->prose.out.len;
  b->paragraph = (*paragraph)++;
  pc_block *slot = PC_VEC_PUSH(d->mem, &d->blocks, pc_block);
  if (!slot) return PRECIS_ERR_NOMEM;
  *slot = *b;
  return pc_textmap_replace(d->mem, &d->prose, end, 0, "\n\n", 2) ? PRECIS_ERR_NOMEM : PRECIS_OK;
}

precis_status pc_layout(pc_doc *d) {
  const char *t = d->repaired.out.data ? d->repaired.out.data : "";
  size_t n = d->repaired.out.len, pos = 0, paragraph = 0;
  int open = 0;
  pc_block b;
  while (pos < n) {
    const char *nl = memchr(t + pos, '\n', n - pos);
    size_t line_end = nl ? (size_t)(nl - t) : n;
    if (is_blank(t + pos, line_end - pos)) {
      if (open && end_block(d, &b, pos, &paragraph) != PRECIS_OK) return PRECIS_ERR_NOMEM;
      open = 0;
    } else {
      if (!open) {
        memset(&b, 0, sizeof b);
        b.kind = PC_BLOCK_PARAGRAPH;
        b.start = pos;
        b.prose_start = d->prose.out.len;
        open = 1;
      } else if (pc_textmap_replace(d->mem, &d->prose, pos, 0, " ", 1) != 0) {
        return PRECIS_ERR_NOMEM;
      }
      if (pc_textmap_copy(d->mem, &d->prose, t, pos, line_end - pos) != 0) return PRECIS_ERR_NOMEM;
    }
    pos = nl ? line_end + 1 : n;
  }
  if (open && end_block(d, &b, n, &paragraph) != PRECIS_OK) return PRECIS_ERR_NOMEM;
  return PRECIS_OK;
}
