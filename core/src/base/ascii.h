/* ASCII character tests shared by the byte-level scanners (the Unicode
 * classes go through utf8proc). */
#ifndef PRECIS_BASE_ASCII_H
#define PRECIS_BASE_ASCII_H

/* 1 for [0-9A-Za-z]. */
static inline int pc_ascii_is_alnum(unsigned char c) {
  return (unsigned)(c - '0') < 10u || (unsigned)((c | 0x20) - 'a') < 26u;
}

#endif
