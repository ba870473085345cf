/* Stage 1: the original bytes become valid UTF-8 text (doc->repaired), with
 * a map back to the original. Invalid sequences are replaced or rejected
 * (precis_utf8_policy). */
#include <string.h>
#include <utf8proc.h>

#include "doc.h"

static const char replacement_char[] = "\xEF\xBF\xBD";

precis_status pc_repair(pc_doc *d) {
  const precis_options *o = d->opts;
  if (d->orig_len > o->max_input_bytes)
    return pc_doc_fail(d, PRECIS_ERR_TOO_LARGE, "input is %zu bytes, the limit is %zu",
                       d->orig_len, o->max_input_bytes);
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)d->orig;
  size_t i = 0, n = d->orig_len, copy_from = 0;
  if (pc_buf_reserve(d->mem, &d->repaired.out, n) != 0) return PRECIS_ERR_NOMEM;
  while (i < n) {
    if (s[i] < 0x80 && s[i] != 0) { i++; continue; }
    utf8proc_int32_t cp;
    utf8proc_ssize_t got = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (got > 0 && cp != 0) { i += (size_t)got; continue; }
    if (o->utf8_policy == PRECIS_UTF8_STRICT)
      return pc_doc_fail(d, PRECIS_ERR_INVALID_UTF8, "invalid UTF-8 at byte %zu", i);
    if (pc_textmap_copy(d->mem, &d->repaired, d->orig, copy_from, i - copy_from) != 0 ||
        pc_textmap_replace(d->mem, &d->repaired, i, 1, replacement_char, 3) != 0)
      return PRECIS_ERR_NOMEM;
    i++;
    copy_from = i;
  }
  if (pc_textmap_copy(d->mem, &d->repaired, d->orig, copy_from, n - copy_from) != 0)
    return PRECIS_ERR_NOMEM;
  return PRECIS_OK;
}
