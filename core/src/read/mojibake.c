/* Mojibake repair. A character of the Windows-1252 upper half (U+00C2-U+00F4
 * for a lead byte, the 0x80-0xBF characters for continuation bytes) followed
 * by the right number of continuation characters is turned back into bytes;
 * when those bytes are one valid UTF-8 character, and the repair is
 * plausible, the sequence is replaced by it. Applying this up to
 * PC_MOJIBAKE_MAX_DEPTH times undoes double (and triple) encoding; each level
 * reads the characters the level below produced, so the work per position is
 * bounded by a constant.
 *
 * Legitimate text rarely has a lead character directly followed by
 * continuation characters. The exception handled here is a word ending in an
 * accented letter followed by closing punctuation ("IRMÃ”", "ÉTÉ»",
 * "café’…"): when every continuation is such punctuation, the character before
 * is a letter and the one after is not, the text is left alone. */
#include "read/mojibake.h"

#include <utf8proc.h>

#include "read/utf8_decode.h"

/* Levels of encoding undone: once is the common case, twice happens when a
 * damaged page is scraped and stored again, three times is seen in mail
 * archives. Each level multiplies the worst-case work per position by 4. */
#define PC_MOJIBAKE_MAX_DEPTH 3

/* Windows-1252 0x80-0x9F; the undefined bytes keep their C1 value. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

uint32_t pc_cp1252_char(unsigned char b) {
  if (b >= 0x80 && b <= 0x9F) return cp1252_high[b - 0x80];
  return b;
}

/* The byte that Windows-1252 or Latin-1 shows as `cp`, or -1. */
static int byte_of(uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return (int)cp;
  if (cp < 0x152 || cp > 0x2122) return -1;
  for (int i = 0; i < 32; i++)
    if (cp1252_high[i] == cp) return 0x80 + i;
  return -1;
}

static int is_letter(uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Punctuation that legitimately follows a word-final accented letter. */
static int is_closing_punct(uint32_t cp) {
  switch (cp) {
  case 0x00A0: case 0x00AB: case 0x00BB: case 0x00B7: case 0x2013: case 0x2014:
  case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2022: case 0x2026:
  case 0x2039: case 0x203A:
    return 1;
  default:
    return 0;
  }
}

/* A repaired character must be one that text contains. Two-byte results are
 * limited to the scripts whose mojibake is common (Latin, the combining marks
 * of decomposed Latin text, Greek, Cyrillic, Armenian, Hebrew, Arabic): the
 * rest of that range (rare marks, Syriac, Thaana, NKo) is mostly reached by
 * real text like German "»ß«" or Czech "PROHLÍŽEČ". */
static int acceptable_result(uint32_t cp) {
  if (cp < 0x800 && (cp < 0xA0 || cp >= 0x700 || (cp >= 0x340 && cp <= 0x36F))) return 0;
  utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
  return c != UTF8PROC_CATEGORY_CN && c != UTF8PROC_CATEGORY_CC &&
         c != UTF8PROC_CATEGORY_CO && c != UTF8PROC_CATEGORY_CS;
}

typedef struct mb_input {
  const unsigned char *s;
  size_t n;
  size_t start;     /* where the repair attempt began */
  uint32_t prev_cp; /* repaired character before `start` */
} mb_input;

typedef struct mb_char {
  uint32_t cp;
  size_t end; /* original offset after the character */
} mb_char;

/* The character at original offset p after `level` rounds of repair.
 * Returns 0 at the end of input or at invalid UTF-8. */
static int char_at(const mb_input *in, size_t p, int level, mb_char *out) {
  if (level == 0) {
    size_t bad;
    if (p >= in->n) return 0;
    size_t len = pc_utf8_decode(in->s + p, in->n - p, &out->cp, &bad);
    out->end = p + len;
    return len > 0;
  }
  if (!char_at(in, p, level - 1, out)) return 0;
  int lead = byte_of(out->cp);
  if (lead < 0xC2 || lead > 0xF4) return 1;
  size_t need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
  unsigned char bytes[4];
  bytes[0] = (unsigned char)lead;
  int all_punct = 1;
  size_t q = out->end;
  for (size_t k = 1; k <= need; k++) {
    mb_char cont;
    if (!char_at(in, q, level - 1, &cont)) return 1;
    int b = byte_of(cont.cp);
    if (b < 0x80 || b > 0xBF) return 1;
    bytes[k] = (unsigned char)b;
    all_punct = all_punct && is_closing_punct(cont.cp);
    q = cont.end;
  }
  uint32_t cp;
  size_t bad;
  if (pc_utf8_decode(bytes, need + 1, &cp, &bad) != need + 1) return 1;
  if (!acceptable_result(cp)) return 1;
  if (all_punct && p == in->start && is_letter(in->prev_cp)) {
    mb_char next;
    if (!char_at(in, q, 0, &next) || !is_letter(next.cp)) return 1;
  }
  out->cp = cp;
  out->end = q;
  return 1;
}

size_t pc_mojibake_repair(const unsigned char *s, size_t n, size_t p, uint32_t prev_cp,
                          uint32_t *cp) {
  mb_input in = {s, n, p, prev_cp};
  mb_char plain, fixed;
  if (!char_at(&in, p, 0, &plain)) return 0;
  if (plain.cp < 0x80 || plain.cp > 0xF4) return 0;
  if (char_at(&in, p, PC_MOJIBAKE_MAX_DEPTH, &fixed) && fixed.end > plain.end) {
    *cp = fixed.cp;
    return fixed.end;
  }
  /* "Â" before a space: the lead byte of a no-break space whose second byte
   * became a plain space. */
  if (plain.cp == 0xC2 && plain.end < n && s[plain.end] == ' ' && !is_letter(prev_cp)) {
    *cp = ' ';
    return plain.end + 1;
  }
  /* A lone C1 control: a Windows-1252 byte read as Latin-1. */
  if (plain.cp <= 0x9F) {
    uint32_t c = pc_cp1252_char((unsigned char)plain.cp);
    if (c != plain.cp) {
      *cp = c;
      return plain.end;
    }
  }
  return 0;
}
