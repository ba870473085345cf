/* Single-pass tokeniser: ASCII bytes are classified by a table and hashed
 * in a tight loop; only non-ASCII text is decoded and classified by
 * utf8proc categories. Hashes are FNV-1a over casefolded code points. */
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

#define S CP_SPACE
#define L CP_LOWER
#define U CP_UPPER
#define D CP_DIGIT
#define O CP_OTHER
static const unsigned char ascii_class[128] = {
    O, O, O, O, O, O, O, O, O, S, S, S, S, S, O, O,
    O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
    S, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
    D, D, D, D, D, D, D, D, D, D, O, O, O, O, O, O,
    O, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, O, O, O, O, O,
    O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, O};
#undef S
#undef L
#undef U
#undef D
#undef O

/* ASCII letters casefolded for the hashing loop; 0 for every other byte
 * (so also for each byte of a multi-byte character). */
static const unsigned char ascii_fold[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

static cp_class classify(int32_t cp) {
  if (cp < 0x80) return (cp_class)ascii_class[cp];
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

/* A word being hashed: FNV-1a of its casefolded letters, the hash of its
 * first PC_STEM_PREFIX letters, and letter counts. */
typedef struct word_hash {
  uint64_t h, stem;
  unsigned letters, upper, lower;
} word_hash;

/* Adds the run of ASCII letters at s[end] to w; returns where the run
 * stops. ascii_fold gives each letter casefolded and every other byte 0, so
 * one lookup both classifies and folds; bit 5 of the OR of the raw bytes
 * says whether any was lower case. The first PC_STEM_PREFIX letters take
 * their own loop so the rest of the word does not track the stem. */
static size_t hash_ascii_letters(const unsigned char *s, size_t len, size_t end, word_hash *w) {
  uint64_t h = w->h;
  unsigned seen = 0, f = 0;
  size_t start = end;
  if (w->letters < PC_STEM_PREFIX) {
    size_t stop = end + (PC_STEM_PREFIX - w->letters);
    if (stop > len) stop = len;
    for (; end < stop && (f = ascii_fold[s[end]]) != 0; end++) {
      seen |= s[end];
      h = (h ^ f) * FNV_PRIME;
    }
    w->stem = h;
    if (end < stop) goto done; /* f == 0: the run ended */
  }
  for (; end < len && (f = ascii_fold[s[end]]) != 0; end++) {
    seen |= s[end];
    h = (h ^ f) * FNV_PRIME;
  }
done:
  w->h = h;
  unsigned run = (unsigned)(end - start);
  w->letters += run;
  if (run) {
    if (seen & 0x20u) w->lower += 1; /* w->lower only tells none from some */
    else w->upper += run;
  }
  return end;
}

/* Scans a word whose first code point (a letter, not a mark) is cp of class
 * c at i; fills tok, returns the end offset. */
static size_t scan_word(const unsigned char *s, size_t len, size_t i, int32_t cp, cp_class c,
                        pc_token *tok) {
  word_hash w = {FNV_OFFSET, FNV_OFFSET, 0, 0, 0};
  uint64_t before_apos = 0;
  int apos_s = 0;
  uint8_t flags = c == CP_UPPER ? PC_TOKF_CAPITAL : 0;
  tok->cp = (uint32_t)cp;
  size_t end = i;
  for (;;) {
    end = hash_ascii_letters(s, len, end, &w);
    if (end >= len || (s[end] < 0x80 && s[end] != '\'')) break; /* ASCII, not a letter */
    size_t n = decode(s, len, end, &cp);
    c = classify(cp);
    if (!is_letter(c)) {
      /* An apostrophe inside a word ("don't", "Russia’s") keeps it going. */
      if (is_apostrophe(cp) && w.letters > 0 && end + n < len) {
        int32_t next;
        (void)decode(s, len, end + n, &next);
        if (is_letter(classify(next))) {
          before_apos = w.h;
          apos_s = ((next | 0x20) == 's');
          end += n;
          continue;
        }
      }
      break;
    }
    /* A letter here is not ASCII: ASCII letters took the loop above. */
    if (c == CP_UPPER) w.upper++;
    else if (c == CP_LOWER) w.lower++;
    else if (c == CP_CASELESS) flags |= PC_TOKF_CASELESS;
    flags |= PC_TOKF_NON_ASCII;
    if (c != CP_MARK) {
      w.letters++;
      w.h = fnv_step(w.h, (uint32_t)utf8proc_tolower(cp));
      if (w.letters <= PC_STEM_PREFIX) w.stem = w.h;
    }
    end += n;
  }
  /* "Russia’s" is counted as "Russia"; the apostrophe must be followed by a
   * lone "s" for that. */
  if (apos_s && before_apos && w.h != before_apos) {
    uint64_t check = before_apos;
    check = fnv_step(check, 's');
    if (check == w.h) {
      w.h = before_apos;
      w.letters--;
      if (w.letters < PC_STEM_PREFIX) w.stem = w.h;
    }
  }
  if (w.upper >= 2 && w.lower == 0) flags |= PC_TOKF_ALL_UPPER;
  tok->kind = PC_TOK_WORD;
  tok->flags = flags;
  tok->letters = (uint16_t)(w.letters > 0xFFFF ? 0xFFFF : w.letters);
  tok->key = w.h;
  tok->stem = w.stem;
  return end;
}

/* Whether any of the n ASCII letters at s is lower case (bit 5 set); only
 * asked of capitalised words, so the hashing loop need not track it. */
static int has_lower(const unsigned char *s, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (s[k] & 0x20u) return 1;
  return 0;
}

/* The common word: ASCII letters only, ended by an ASCII byte that is not
 * an apostrophe. Hashed with its state in registers, the stem's letters
 * unrolled (most words end among them); returns the end, or 0 when the
 * word goes on past the letters (scan_word then starts over). */
_Static_assert(PC_STEM_PREFIX == 6, "scan_ascii_word unrolls the stem's six letters");
#define STEM_STEP(k)                                                                               \
  if (!(f = ascii_fold[p[k]])) {                                                                   \
    n = k;                                                                                         \
    goto stem_done;                                                                                \
  }                                                                                                \
  h = (h ^ f) * FNV_PRIME;

static size_t scan_ascii_word(const unsigned char *s, size_t len, size_t i, pc_token *tok) {
  const unsigned char *p = s + i;
  size_t room = len - i, n = 1;
  uint64_t h = (FNV_OFFSET ^ ascii_fold[p[0]]) * FNV_PRIME, stem;
  unsigned f;
  if (room > PC_STEM_PREFIX) {
    STEM_STEP(1)
    STEM_STEP(2)
    STEM_STEP(3)
    STEM_STEP(4)
    STEM_STEP(5)
    n = PC_STEM_PREFIX;
  } else {
    for (; n < room && (f = ascii_fold[p[n]]) != 0; n++) h = (h ^ f) * FNV_PRIME;
  }
stem_done:
  stem = h;
  if (n == PC_STEM_PREFIX)
    for (; n < room && (f = ascii_fold[p[n]]) != 0; n++) h = (h ^ f) * FNV_PRIME;
  if (n < room && (p[n] >= 0x80 || p[n] == '\'')) return 0;
  uint8_t flags = p[0] < 'a' ? PC_TOKF_CAPITAL : 0;
  if (flags && n >= 2 && !has_lower(p + 1, n - 1)) flags |= PC_TOKF_ALL_UPPER;
  tok->cp = p[0];
  tok->kind = PC_TOK_WORD;
  tok->flags = flags;
  tok->letters = (uint16_t)(n > 0xFFFF ? 0xFFFF : n);
  tok->key = h;
  tok->stem = stem;
  return i + n;
}
#undef STEM_STEP

static int is_digit_byte(unsigned char b) { return b >= '0' && b <= '9'; }

/* Numbers keep their inner separators ("1,000", "2.5", "9:25") and letter
 * suffixes ("1.13bn", "1990s", "9pm"). */
static size_t scan_number(const unsigned char *s, size_t len, size_t i, pc_token *tok) {
  uint64_t h = FNV_OFFSET;
  unsigned digits = 0;
  size_t end = i;
  tok->cp = s[i];
  while (end < len) {
    unsigned b = s[end];
    if (b < 0x80) {
      cp_class c = (cp_class)ascii_class[b];
      if (c == CP_DIGIT || c == CP_LOWER || c == CP_UPPER) {
        h = (h ^ (c == CP_UPPER ? b + 32 : b)) * FNV_PRIME;
        digits++;
        end++;
        continue;
      }
      if ((b == ',' || b == '.' || b == ':') && end + 1 < len && is_digit_byte(s[end + 1])) {
        h = (h ^ b) * FNV_PRIME;
        end++;
        continue;
      }
      break;
    }
    int32_t cp;
    size_t n = decode(s, len, end, &cp);
    cp_class c = classify(cp);
    if (c != CP_DIGIT && c != CP_LOWER && c != CP_UPPER) break;
    h = fnv_step(h, (uint32_t)cp); /* only ASCII letters are folded */
    digits++;
    end += n;
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
  /* The vector's fields in locals: stores through a token could alias them
   * (uint64_t and size_t may be one type), which would reload them. */
  pc_token *toks = out->data;
  size_t n_toks = 0, cap = out->cap;
  size_t i = 0;
  while (i < len) {
    int32_t cp;
    size_t n;
    cp_class c;
    if (s[i] < 0x80) {
      c = (cp_class)ascii_class[s[i]];
      cp = s[i];
      n = 1;
    } else {
      n = decode(s, len, i, &cp);
      c = classify(cp);
    }
    if (c == CP_SPACE) {
      i += n;
      continue;
    }
    if (n_toks == cap) {
      out->len = n_toks;
      if (pc_vec_reserve(mem, out, sizeof(pc_token), 1) != 0) return -1;
      toks = out->data;
      cap = out->cap;
    }
    pc_token *tok = &toks[n_toks++];
    tok->off = (uint32_t)i;
    tok->cls = 0;
    size_t end;
    if (c == CP_LOWER || c == CP_UPPER) {
      end = cp < 0x80 ? scan_ascii_word(s, len, i, tok) : 0;
      if (!end) end = scan_word(s, len, i, cp, c, tok);
    } else if (c == CP_CASELESS) {
      end = scan_word(s, len, i, cp, c, tok);
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
  out->len = n_toks;
  return 0;
}
