/* Mojibake repair: UTF-8 text that was once decoded as Windows-1252 (or
 * Latin-1) and encoded again, maybe more than once ("â€™" for "’", "Ã©"
 * for "é", "Ã¢â‚¬â„¢" for "’"). */
#ifndef PRECIS_READ_MOJIBAKE_H
#define PRECIS_READ_MOJIBAKE_H

#include <stddef.h>
#include <stdint.h>

/* The character Windows-1252 shows for byte b (0x80-0xFF). Its five
 * undefined bytes give the C1 control of the same value, as Latin-1 does. */
uint32_t pc_cp1252_char(unsigned char b);

/* s[0..n) is the original input, valid UTF-8 at s[p]. When a damaged
 * sequence starts at p, returns its end (> p) and sets *cp to the character
 * it was meant to be (U+FEFF for a damaged byte order mark); else returns 0.
 * `prev_cp` is the character before p in the repaired text (0 at the start):
 * a letter there makes some repairs implausible (see mojibake.c). */
size_t pc_mojibake_repair(const unsigned char *s, size_t n, size_t p, uint32_t prev_cp,
                          uint32_t *cp);

#endif
