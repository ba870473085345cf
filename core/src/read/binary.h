/* Binary-file detection: does an input look like an image, archive or
 * executable rather than text? Looks at a bounded prefix only. */
#ifndef PRECIS_READ_BINARY_H
#define PRECIS_READ_BINARY_H

#include <stddef.h>

/* Only this many leading bytes are examined (like git's 8000-byte sniff):
 * binary formats show themselves in their headers, and the check must cost
 * nothing on a 1 GiB text. */
#define PC_BINARY_SNIFF_BYTES 8192

/* Returns 1 when s[0..n) looks binary and writes why into why[0..why_cap)
 * ("37 NUL bytes in the first 8192", "PNG signature"); 0 for text. */
int pc_looks_binary(const char *s, size_t n, char *why, size_t why_cap);

/* 1 for the C0 control bytes (and DEL) that do not belong in text: all but
 * tab, line feed, form feed and carriage return. NUL included. */
int pc_is_stray_control(unsigned char b);

#endif
