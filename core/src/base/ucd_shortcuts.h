/* What the hot loops may know of a few code points without asking utf8proc:
 * the quotes and dashes of news prose are common and a property lookup is
 * not free. utf8proc stays the authority; tests/unit/test_fastpaths.c
 * checks every shortcut against its tables for every code point, so a
 * Unicode version that changed one of these facts fails there. */
#ifndef PRECIS_BASE_UCD_SHORTCUTS_H
#define PRECIS_BASE_UCD_SHORTCUTS_H

#include <stdint.h>

/* U+2010..U+2027 (dashes, quotation marks, bullets, ellipsis) are all
 * punctuation (P*): none is a letter, digit, mark or space. */
#define PC_UCD_PUNCT_FIRST 0x2010
#define PC_UCD_PUNCT_LAST 0x2027

/* U+00A3, the pound sign, is a currency symbol (Sc). */
#define PC_UCD_POUND 0xA3

/* 0 when cp is certainly not a space separator (Zs, Zl or Zp); 1 when it
 * may be one, and utf8proc must tell. */
static inline int pc_ucd_may_be_space(int32_t cp) {
  return cp == 0x20 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

#endif
