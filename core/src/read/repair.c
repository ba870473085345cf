/* Stage 1, reading and repair: the caller's bytes become valid, normalised
 * UTF-8 text (doc->repaired) whose runs map every output byte back to the
 * original bytes. In order: size limit, binary detection, byte order mark,
 * then one pass that copies clean text in long runs and rewrites, each as
 * one replacement run covering exactly the damaged bytes,
 *   - invalid UTF-8: one U+FFFD per maximal invalid subpart,
 *   - stray control bytes (NUL included): U+FFFD,
 *   - "\r\n" and lone "\r": "\n",
 *   - HTML character references: the character,
 *   - mojibake (opts->repair_mojibake): the character meant;
 * and last NFC, only over the stretches that are not NFC already.
 *
 * Text that needs no rewrite is not copied: doc->repaired then borrows the
 * caller's bytes (an identity map, see pc_textmap_borrow).
 *
 * Under PRECIS_UTF8_STRICT, what REPLACE would turn into U+FFFD (invalid
 * UTF-8, NUL and other stray control bytes) fails with
 * PRECIS_ERR_INVALID_UTF8 and its byte offset instead. */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "base/bytes16.h"
#include "doc.h"
#include "read/binary.h"
#include "read/entities.h"
#include "read/mojibake.h"
#include "read/normalize.h"
#include "read/utf8_decode.h"

#define PC_REPLACEMENT_CHAR 0xFFFDu
/* Repair writes at most this many bytes per input byte (U+FFFD for one
 * invalid byte; NFC at most triples a character), so inputs up to
 * PC_TEXTMAP_MAX_BYTES / PC_REPAIR_MAX_GROWTH (1.33 GiB, above the default
 * max_input_bytes) fit the 32-bit offset maps; longer ones are too large. */
#define PC_REPAIR_MAX_GROWTH 3
_Static_assert(PC_TEXTMAP_MAX_BYTES / PC_REPAIR_MAX_GROWTH == PRECIS_MAX_INPUT_CEILING,
               "the public ceiling is what the offset maps hold");
/* Output for a repaired byte order mark: nothing. */
#define PC_NO_CHAR UINT32_MAX

/* Bytes the clean-text loop stops at: bytes >= 0x80, '&', '\r', and the
 * control bytes other than tab, line feed and form feed. */
static const unsigned char stops[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Stops among the sixteen bytes of x. */
static inline unsigned stop_mask(pc_bytes16 x) {
  unsigned layout = pc_bytes16_eq(x, '\t') | pc_bytes16_eq(x, '\n') | pc_bytes16_eq(x, '\f');
  return (pc_bytes16_not_printable(x) & ~layout) | pc_bytes16_eq(x, '&') | pc_bytes16_eq(x, 0x7F);
}

/* The first stop byte in s[i, n), else n: 32 bytes a step, as long as a
 * block holds only printable ASCII but '&' and DEL, tabs, line feeds and
 * form feeds. */
static size_t clean_end(const unsigned char *s, size_t i, size_t n) {
  for (; n - i >= 32; i += 32) {
    uint32_t stop = stop_mask(pc_bytes16_load(s + i)) |
                    (uint32_t)stop_mask(pc_bytes16_load(s + i + 16)) << 16;
    if (stop) return i + pc_mask_lowest(stop);
  }
  while (i < n && !stops[s[i]]) i++;
  return i;
}

typedef struct repair_pass {
  pc_doc *d;
  const unsigned char *s;
  size_t n;
  size_t copy_from; /* start of the clean bytes not yet written */
  uint32_t prev_cp; /* the last character written */
  int needs_nfc;    /* a character that NFC might change was written */
  int rewrote;      /* doc->repaired holds its own copy of the text */
  pc_nfc_cache nfc;
} repair_pass;

/* Writes the pending clean bytes, then `cp` (or nothing for PC_NO_CHAR) as
 * the rewrite of original bytes [start, start + len). */
static precis_status rewrite(repair_pass *rp, size_t start, size_t len, uint32_t cp) {
  pc_doc *d = rp->d;
  utf8proc_uint8_t enc[4];
  size_t enc_len = 0;
  if (cp != PC_NO_CHAR) {
    enc_len = (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, enc);
    rp->prev_cp = cp;
    if (!rp->needs_nfc && !pc_nfc_is_inert(&rp->nfc, cp)) rp->needs_nfc = 1;
  }
  /* The first rewrite reserves room for the whole text (repairs rarely grow
   * it), or for the sentences that take this memory over after layout, when
   * they need more (doc.h): room never written costs no memory. */
  if (!rp->rewrote) {
    size_t room = pc_doc_sentence_room(rp->n);
    if (room == SIZE_MAX || room < rp->n) room = rp->n;
    if (pc_buf_reserve_exact(d->mem, &d->repaired.out, room) != 0) return PRECIS_ERR_NOMEM;
  }
  rp->rewrote = 1;
  if (pc_textmap_copy(d->mem, &d->repaired, d->orig, rp->copy_from, start - rp->copy_from) != 0 ||
      pc_textmap_replace(d->mem, &d->repaired, start, len, (const char *)enc, enc_len) != 0)
    return PRECIS_ERR_NOMEM;
  rp->copy_from = start + len;
  return PRECIS_OK;
}

/* An ASCII byte the clean-text loop stopped at, at offset i; sets *next. */
static precis_status repair_ascii(repair_pass *rp, size_t i, size_t *next) {
  const unsigned char *s = rp->s;
  unsigned char b = s[i];
  if (b == '&') {
    uint32_t cp;
    size_t len = pc_entity_decode((const char *)s + i, rp->n - i, &cp);
    if (len == 0) {
      rp->prev_cp = b;
      *next = i + 1;
      return PRECIS_OK;
    }
    *next = i + len;
    return rewrite(rp, i, len, cp);
  }
  if (b == '\r') {
    size_t len = i + 1 < rp->n && s[i + 1] == '\n' ? 2 : 1;
    *next = i + len;
    return rewrite(rp, i, len, '\n');
  }
  if (rp->d->opts->utf8_policy == PRECIS_UTF8_STRICT) {
    if (b == 0) return pc_doc_fail(rp->d, PRECIS_ERR_INVALID_UTF8, "NUL byte at byte %zu", i);
    return pc_doc_fail(rp->d, PRECIS_ERR_INVALID_UTF8, "control byte 0x%02X at byte %zu",
                       (unsigned)b, i);
  }
  *next = i + 1;
  return rewrite(rp, i, 1, PC_REPLACEMENT_CHAR);
}

/* Only a C1 control, or a lead character U+00C2-U+00F4 followed by a
 * character of the Windows-1252 upper half (UTF-8 lead byte C2, C3, C5, C6,
 * CB or E2), or "Â " can start mojibake: a cheap test before the real one. */
static int may_start_mojibake(const unsigned char *s, size_t n, size_t i, size_t len,
                              uint32_t cp) {
  if (cp <= 0x9F) return cp >= 0x80;
  if (cp < 0xC2 || cp > 0xF4 || i + len >= n) return 0;
  switch (s[i + len]) {
  case 0xC2: case 0xC3: case 0xC5: case 0xC6: case 0xCB: case 0xE2:
    return 1;
  default:
    return cp == 0xC2 && s[i + len] == ' ';
  }
}

/* A byte >= 0x80 at offset i; sets *next. */
static precis_status repair_utf8(repair_pass *rp, size_t i, size_t *next) {
  uint32_t cp;
  size_t bad, len = pc_utf8_decode(rp->s + i, rp->n - i, &cp, &bad);
  if (len == 0) {
    if (rp->d->opts->utf8_policy == PRECIS_UTF8_STRICT)
      return pc_doc_fail(rp->d, PRECIS_ERR_INVALID_UTF8, "invalid UTF-8 at byte %zu", i);
    *next = i + bad;
    return rewrite(rp, i, bad, PC_REPLACEMENT_CHAR);
  }
  if (rp->d->opts->repair_mojibake && may_start_mojibake(rp->s, rp->n, i, len, cp)) {
    uint32_t fixed;
    size_t end = pc_mojibake_repair(rp->s, rp->n, i, rp->prev_cp, &fixed);
    if (end > i) {
      *next = end;
      return rewrite(rp, i, end - i, fixed == 0xFEFF ? PC_NO_CHAR : fixed);
    }
  }
  if (!rp->needs_nfc && !pc_nfc_is_inert(&rp->nfc, cp)) rp->needs_nfc = 1;
  rp->prev_cp = cp;
  *next = i + len;
  return PRECIS_OK;
}

precis_status pc_repair(pc_doc *d) {
  const precis_options *o = d->opts;
  size_t max_len = PRECIS_MAX_INPUT_CEILING;
  if (o->max_input_bytes < max_len) max_len = o->max_input_bytes;
  if (d->orig_len > max_len)
    return pc_doc_fail(d, PRECIS_ERR_TOO_LARGE, "input is %zu bytes, the limit is %zu",
                       d->orig_len, max_len);
  char why[128];
  if (pc_looks_binary(d->orig, d->orig_len, why, sizeof why))
    return pc_doc_fail(d, PRECIS_ERR_BINARY, "input looks binary: %s", why);

  repair_pass rp;
  memset(&rp, 0, sizeof rp);
  rp.d = d;
  rp.s = (const unsigned char *)d->orig;
  rp.n = d->orig_len;
  const unsigned char *s = rp.s;
  size_t n = rp.n, i = 0;
  precis_status st = PRECIS_OK;
  if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
    st = rewrite(&rp, 0, 3, PC_NO_CHAR);
    i = 3;
  }
  while (st == PRECIS_OK && i < n) {
    size_t clean = clean_end(s, i, n);
    if (clean > i) {
      rp.prev_cp = s[clean - 1];
      i = clean;
      if (i == n) break;
    }
    st = s[i] < 0x80 ? repair_ascii(&rp, i, &i) : repair_utf8(&rp, i, &i);
  }
  if (st == PRECIS_OK && !rp.rewrote) {
    if (pc_textmap_borrow(d->mem, &d->repaired, d->orig, n) != 0) st = PRECIS_ERR_NOMEM;
  } else if (st == PRECIS_OK &&
             pc_textmap_copy(d->mem, &d->repaired, d->orig, rp.copy_from, n - rp.copy_from) != 0) {
    st = PRECIS_ERR_NOMEM;
  }
  if (st == PRECIS_OK && rp.needs_nfc && pc_nfc_apply(d->mem, d->orig, &d->repaired) != 0)
    st = PRECIS_ERR_NOMEM;
  if (st == PRECIS_OK) pc_textmap_trim(d->mem, &d->repaired);
  if (st == PRECIS_ERR_NOMEM)
    return pc_doc_fail(d, st, "out of memory while repairing %zu bytes of input", n);
  return st;
}
