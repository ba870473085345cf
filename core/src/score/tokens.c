/* Single-pass tokeniser: ASCII on a fast path, everything else classified
 * by utf8proc categories. Hashes are FNV-1a over casefolded code points. */
#include "score/tokens.h"

#include <utf8proc.h>

#define FNV_OFFSET 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

static uint64_t fnv_step(uint64_t h, uint32_t cp) {
  if (cp < 0x80) return (h ^ cp) * FNV_PRIME;
  h = (h ^ (cp & 0xFFu)) * FNV_PRIME;
  h = (h ^ ((cp >> 8) & 0xFFu)) * FNV_PRIME;
  return (h ^ (cp >> 16)) * FNV_PRIME;
}

uint64_t pc_word_key(const char *word) {
  uint64_t h = FNV_OFFSET;
  for (const unsigned char *p = (const unsigned char *)word; *p; p++) h = fnv_step(h, *p);
  return h;
}

typedef enum cp_class { CP_SPACE, CP_LOWER, CP_UPPER, CP_CASELESS, CP_DIGIT, CP_MARK, CP_OTHER } cp_class;

static cp_class classify(int32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z') return CP_LOWER;
    if (cp >= 'A' && cp <= 'Z') return CP_UPPER;
    if (cp >= '0' && cp <= '9') return CP_DIGIT;
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
      return CP_SPACE;
    return CP_OTHER;
  }
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LL: return CP_LOWER;
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT: return CP_UPPER;
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO: return CP_CASELESS;
  case UTF8PROC_CATEGORY_ND: return CP_DIGIT;
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC: return CP_MARK;
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP: return CP_SPACE;
  default: return CP_OTHER;
  }
}

static int is_letter(cp_class c) {
  return c == CP_LOWER || c == CP_UPPER || c == CP_CASELESS || c == CP_MARK;
}

/* Decodes one code point at s[i]; invalid bytes read as U+FFFD, one byte. */
static size_t decode(const unsigned char *s, size_t len, size_t i, int32_t *cp) {
  if (s[i] < 0x80) {
    *cp = s[i];
    return 1;
  }
  utf8proc_ssize_t got = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), cp);
  if (got <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  return (size_t)got;
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

/* Scans a word starting at i; fills tok, returns the end offset. */
static size_t scan_word(const unsigned char *s, size_t len, size_t i, pc_token *tok) {
  uint64_t h = FNV_OFFSET, stem = FNV_OFFSET, before_apos = 0;
  unsigned letters = 0, upper = 0, lower = 0;
  int first = 1, apos_s = 0;
  uint8_t flags = 0;
  size_t end = i;
  while (end < len) {
    int32_t cp;
    size_t n = decode(s, len, end, &cp);
    cp_class c = classify(cp);
    if (!is_letter(c)) {
      /* An apostrophe inside a word ("don't", "Russia’s") keeps it going. */
      if (is_apostrophe(cp) && letters > 0 && end + n < len) {
        int32_t next;
        size_t m = decode(s, len, end + n, &next);
        (void)m;
        if (is_letter(classify(next))) {
          before_apos = h;
          apos_s = ((next | 0x20) == 's');
          end += n;
          continue;
        }
      }
      break;
    }
    if (first) {
      tok->cp = (uint32_t)cp;
      if (c == CP_UPPER) flags |= PC_TOKF_CAPITAL;
      first = 0;
    }
    if (c == CP_UPPER) upper++;
    else if (c == CP_LOWER) lower++;
    else if (c == CP_CASELESS) flags |= PC_TOKF_CASELESS;
    if (cp >= 0x80) flags |= PC_TOKF_NON_ASCII;
    int32_t folded = cp < 0x80 ? (c == CP_UPPER ? cp + 32 : cp) : utf8proc_tolower(cp);
    if (c != CP_MARK) {
      letters++;
      h = fnv_step(h, (uint32_t)folded);
      if (letters <= PC_STEM_PREFIX) stem = h;
    }
    end += n;
  }
  /* "Russia’s" is counted as "Russia"; the apostrophe must be followed by a
   * lone "s" for that. */
  if (apos_s && before_apos && h != before_apos) {
    uint64_t check = before_apos;
    check = fnv_step(check, 's');
    if (check == h) {
      h = before_apos;
      letters--;
      if (letters < PC_STEM_PREFIX) stem = h;
    }
  }
  if (upper >= 2 && lower == 0) flags |= PC_TOKF_ALL_UPPER;
  tok->kind = PC_TOK_WORD;
  tok->flags = flags;
  tok->letters = (uint16_t)(letters > 0xFFFF ? 0xFFFF : letters);
  tok->key = h;
  tok->stem = stem;
  return end;
}

/* Numbers keep their inner separators ("1,000", "2.5", "9:25") and letter
 * suffixes ("1.13bn", "1990s", "9pm"). */
static size_t scan_number(const unsigned char *s, size_t len, size_t i, pc_token *tok) {
  uint64_t h = FNV_OFFSET;
  unsigned digits = 0;
  size_t end = i;
  tok->cp = s[i];
  while (end < len) {
    int32_t cp;
    size_t n = decode(s, len, end, &cp);
    cp_class c = classify(cp);
    if (c == CP_DIGIT || c == CP_LOWER || c == CP_UPPER) {
      h = fnv_step(h, (uint32_t)(c == CP_UPPER && cp < 0x80 ? cp + 32 : cp));
      digits++;
      end += n;
      continue;
    }
    if ((cp == ',' || cp == '.' || cp == ':') && end + 1 < len && s[end + 1] >= '0' &&
        s[end + 1] <= '9') {
      h = fnv_step(h, (uint32_t)cp);
      end += n;
      continue;
    }
    break;
  }
  tok->kind = PC_TOK_NUMBER;
  tok->flags = 0;
  tok->letters = (uint16_t)(digits > 0xFFFF ? 0xFFFF : digits);
  tok->key = h;
  tok->stem = h;
  return end;
}

int pc_tokenize(const pc_alloc *mem, const char *text, size_t len, pc_vec *out) {
  const unsigned char *s = (const unsigned char *)text;
  out->len = 0;
  size_t i = 0;
  while (i < len) {
    int32_t cp;
    size_t n = decode(s, len, i, &cp);
    cp_class c = classify(cp);
    if (c == CP_SPACE) {
      i += n;
      continue;
    }
    pc_token *tok = PC_VEC_PUSH(mem, out, pc_token);
    if (!tok) return -1;
    tok->off = (uint32_t)i;
    size_t end;
    if (is_letter(c) && c != CP_MARK) {
      end = scan_word(s, len, i, tok);
    } else if (c == CP_DIGIT) {
      end = scan_number(s, len, i, tok);
    } else {
      end = i + n;
      tok->kind = PC_TOK_PUNCT;
      tok->flags = 0;
      tok->letters = 0;
      tok->cp = (uint32_t)cp;
      tok->key = tok->stem = fnv_step(FNV_OFFSET, (uint32_t)cp);
    }
    tok->len = (uint32_t)(end - i);
    i = end;
  }
  return 0;
}
