/* Binary-file detection from the first PC_BINARY_SNIFF_BYTES: well-known
 * file signatures, then counts of NUL and other control bytes. A text with a
 * few stray NULs or control characters is still text (the repair stage
 * replaces them); a file made of them is not. */
#include "read/binary.h"

#include <stdio.h>
#include <string.h>

/* More NULs than this in the sniffed prefix means binary: a damaged text has
 * a handful of stray NULs, while images, archives, executables and UTF-16
 * text have dozens in their first kilobytes. */
#define PC_BINARY_MAX_NULS 8

/* Other control bytes above this percentage of the sniffed prefix (and above
 * PC_BINARY_MAX_NULS in number) mean binary: random or compressed bytes are
 * about 10% control bytes, prose well under 1% even with terminal escapes. */
#define PC_BINARY_MAX_CONTROL_PERCENT 5

typedef struct signature {
  const char *bytes;
  size_t len;
  const char *name;
} signature;

/* Formats that start with a fixed signature and are never prose. UTF-16 and
 * UTF-32 are text, but not in the encoding precis reads. */
static const signature signatures[] = {
    {"\x89PNG\r\n\x1a\n", 8, "PNG signature"},
    {"\xFF\xD8\xFF", 3, "JPEG signature"},
    {"GIF87a", 6, "GIF signature"},
    {"GIF89a", 6, "GIF signature"},
    {"%PDF-", 5, "PDF signature"},
    {"PK\x03\x04", 4, "ZIP signature"},
    {"\x1F\x8B", 2, "gzip signature"},
    {"\x7F" "ELF", 4, "ELF signature"},
    {"\xFF\xFE\x00\x00", 4, "UTF-32 byte order mark (precis reads UTF-8)"},
    {"\xFF\xFE", 2, "UTF-16 byte order mark (precis reads UTF-8)"},
    {"\xFE\xFF", 2, "UTF-16 byte order mark (precis reads UTF-8)"},
};

int pc_is_stray_control(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r') || b == 0x7F;
}

int pc_looks_binary(const char *s, size_t n, char *why, size_t why_cap) {
  for (size_t i = 0; i < sizeof signatures / sizeof signatures[0]; i++) {
    const signature *sig = &signatures[i];
    if (n >= sig->len && memcmp(s, sig->bytes, sig->len) == 0) {
      snprintf(why, why_cap, "%s", sig->name);
      return 1;
    }
  }
  size_t sniffed = n < PC_BINARY_SNIFF_BYTES ? n : PC_BINARY_SNIFF_BYTES;
  size_t nuls = 0, controls = 0;
  for (size_t i = 0; i < sniffed; i++) {
    unsigned char b = (unsigned char)s[i];
    if (b == 0) nuls++;
    else if (pc_is_stray_control(b)) controls++;
  }
  if (nuls > PC_BINARY_MAX_NULS) {
    snprintf(why, why_cap, "%zu NUL bytes in the first %zu", nuls, sniffed);
    return 1;
  }
  if (controls > PC_BINARY_MAX_NULS && controls * 100 > sniffed * PC_BINARY_MAX_CONTROL_PERCENT) {
    snprintf(why, why_cap, "%zu control bytes in the first %zu", controls, sniffed);
    return 1;
  }
  return 0;
}
