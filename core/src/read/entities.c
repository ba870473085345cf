/* Decoding of HTML character references: numeric ones (decimal and hex) and
 * a small table of the named ones that actually occur in news text. Only
 * references closed by ';' are decoded, so "AT&T" and "R&D;" stay. */
#include "read/entities.h"

#include <string.h>

#include "read/mojibake.h"

/* The longest reference decoded: "&#x10FFFF;" and the longest name. */
#define PC_ENTITY_MAX_LEN 10

typedef struct named_entity {
  const char *name;
  uint32_t cp;
} named_entity;

static const named_entity named[] = {
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0x00A0},    {"ndash", 0x2013},   {"mdash", 0x2014},
    {"hellip", 0x2026}, {"lsquo", 0x2018},   {"rsquo", 0x2019},   {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},   {"bdquo", 0x201E},   {"laquo", 0x00AB},
    {"raquo", 0x00BB},  {"lsaquo", 0x2039},  {"rsaquo", 0x203A},  {"bull", 0x2022},
    {"middot", 0x00B7}, {"copy", 0x00A9},    {"reg", 0x00AE},     {"trade", 0x2122},
    {"euro", 0x20AC},   {"pound", 0x00A3},   {"yen", 0x00A5},     {"cent", 0x00A2},
    {"sect", 0x00A7},   {"para", 0x00B6},    {"deg", 0x00B0},     {"plusmn", 0x00B1},
    {"times", 0x00D7},  {"divide", 0x00F7},  {"minus", 0x2212},   {"frac12", 0x00BD},
    {"frac14", 0x00BC}, {"frac34", 0x00BE},  {"shy", 0x00AD},     {"thinsp", 0x2009},
    {"ensp", 0x2002},   {"emsp", 0x2003},    {"zwj", 0x200D},     {"zwnj", 0x200C},
    {"eacute", 0x00E9}, {"Eacute", 0x00C9},  {"egrave", 0x00E8},  {"aacute", 0x00E1},
    {"agrave", 0x00E0}, {"iacute", 0x00ED},  {"oacute", 0x00F3},  {"uacute", 0x00FA},
    {"ntilde", 0x00F1}, {"ccedil", 0x00E7},  {"auml", 0x00E4},    {"ouml", 0x00F6},
    {"uuml", 0x00FC},   {"Auml", 0x00C4},    {"Ouml", 0x00D6},    {"Uuml", 0x00DC},
    {"szlig", 0x00DF},  {"acirc", 0x00E2},   {"ecirc", 0x00EA},   {"ocirc", 0x00F4},
};

static int acceptable(uint32_t cp) {
  if (cp == '\t' || cp == '\n') return 1;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return cp <= 0x10FFFF;
}

static size_t decode_numeric(const char *s, size_t n, uint32_t *cp) {
  size_t i = 2; /* after "&#" */
  int hex = i < n && (s[i] == 'x' || s[i] == 'X');
  if (hex) i++;
  size_t digits_at = i;
  uint32_t v = 0;
  while (i < n && i < PC_ENTITY_MAX_LEN) {
    char c = s[i];
    uint32_t d;
    if (c >= '0' && c <= '9') d = (uint32_t)(c - '0');
    else if (hex && c >= 'a' && c <= 'f') d = (uint32_t)(c - 'a' + 10);
    else if (hex && c >= 'A' && c <= 'F') d = (uint32_t)(c - 'A' + 10);
    else break;
    v = v * (hex ? 16u : 10u) + d;
    if (v > 0x10FFFF) return 0;
    i++;
  }
  if (i == digits_at || i >= n || s[i] != ';') return 0;
  /* HTML reads &#128;..&#159; as Windows-1252, as browsers do. */
  if (v >= 0x80 && v <= 0x9F) v = pc_cp1252_char((unsigned char)v);
  if (!acceptable(v)) return 0;
  *cp = v;
  return i + 1;
}

size_t pc_entity_decode(const char *s, size_t n, uint32_t *cp) {
  if (n < 4 || s[0] != '&') return 0;
  if (s[1] == '#') return decode_numeric(s, n, cp);
  size_t len = 1;
  while (len < n && len <= PC_ENTITY_MAX_LEN &&
         ((s[len] >= 'a' && s[len] <= 'z') || (s[len] >= 'A' && s[len] <= 'Z') ||
          (s[len] >= '0' && s[len] <= '9')))
    len++;
  if (len >= n || s[len] != ';') return 0;
  size_t name_len = len - 1;
  for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
    if (strlen(named[i].name) == name_len && memcmp(named[i].name, s + 1, name_len) == 0) {
      *cp = named[i].cp;
      return len + 1;
    }
  }
  return 0;
}
