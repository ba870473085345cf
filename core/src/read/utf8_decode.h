/* Strict UTF-8 decoding of one character, reporting the length of the
 * "maximal subpart" of an invalid sequence (Unicode 3.9, as WHATWG does), so
 * the repair stage can put exactly one U+FFFD for each. utf8proc_iterate
 * only says "invalid", not how many bytes belong to the bad sequence. */
#ifndef PRECIS_READ_UTF8_DECODE_H
#define PRECIS_READ_UTF8_DECODE_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the character at s[0..n), n >= 1. Returns its length (1-4) and
 * sets *cp; or returns 0 and sets *bad to the length (1-3) of the maximal
 * invalid subpart starting at s[0]. Never reads past s[n-1]. */
static inline size_t pc_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp,
                                    size_t *bad) {
  unsigned char b0 = s[0];
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
  uint32_t c;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    c = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    c = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;      /* overlong */
    else if (b0 == 0xED) hi = 0x9F; /* surrogates */
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    c = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;      /* overlong */
    else if (b0 == 0xF4) hi = 0x8F; /* above U+10FFFF */
  } else {
    *bad = 1; /* stray continuation, C0/C1 overlong lead, F5-FF */
    return 0;
  }
  for (size_t k = 1; k <= need; k++) {
    if (k >= n) { *bad = k; return 0; } /* truncated at end of input */
    unsigned char b = s[k];
    if (b < lo || b > hi) { *bad = k; return 0; }
    lo = 0x80;
    hi = 0xBF;
    c = (c << 6) | (b & 0x3Fu);
  }
  *cp = c;
  return need + 1;
}

#endif
