/* HTML character references left in crawled text: "&amp;", "&#8217;",
 * "&#x2019;", "&nbsp;", "&mdash;" ... */
#ifndef PRECIS_READ_ENTITIES_H
#define PRECIS_READ_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

/* s[0] is '&'. When s[0..n) starts with a known reference ending in ';',
 * returns its length and sets *cp to the character it stands for; else 0.
 * References to NUL, controls, surrogates or beyond U+10FFFF are left alone. */
size_t pc_entity_decode(const char *s, size_t n, uint32_t *cp);

#endif
