/* Single-pass tokeniser: a plain ASCII word is found and hashed eight bytes
 * at a time; ASCII bytes are classified by a table; only non-ASCII text is
 * decoded and classified by utf8proc categories. Hashes: score/wordhash.h. */
#include "score/tokens.h"

#include <string.h>
#include <utf8proc.h>

#include "base/bytes16.h"
#include "base/inline.h"
#include "base/ucd_shortcuts.h"
#include "score/view.h"
#include "score/wordhash.h"

/* Rare paths are kept out of line (PC_NOINLINE), as inlined their state
 * would crowd the registers of the word loop in tokenize. */

uint64_t pc_word_key(const char *word) {
  /* Block by block with the state in registers (the word lists of
   * tools/lexicon/gen_lexicon.c are keyed through here). */
  const unsigned char *p = (const unsigned char *)word;
  uint64_t h = 0;
  size_t n = 0;
  for (;; p += 8) {
    uint64_t block = 0;
    unsigned k = 0;
    for (; k < 8 && p[k]; k++) block |= (uint64_t)p[k] << (8 * k);
    n += k;
    if (k < 8 || !p[8]) return pc_wh_final(h, block, n);
    h = pc_wh_step(h, block);
  }
}

/* CP_MULTIBYTE: a byte of a multi-byte character, classified once decoded. */
typedef enum cp_class {
  CP_SPACE, CP_LOWER, CP_UPPER, CP_CASELESS, CP_DIGIT, CP_MARK, CP_OTHER, CP_MULTIBYTE
} cp_class;

#define S CP_SPACE
#define L CP_LOWER
#define U CP_UPPER
#define D CP_DIGIT
#define O CP_OTHER
#define M CP_MULTIBYTE
static const unsigned char byte_class[256] = {
    O, O, O, O, O, O, O, O, O, S, S, S, S, S, O, O,
    O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
    S, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,
    D, D, D, D, D, D, D, D, D, D, O, O, O, O, O, O,
    O, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, O, O, O, O, O,
    O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, O,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M};
#undef S
#undef L
#undef U
#undef D
#undef O
#undef M

static cp_class classify(int32_t cp) {
  if (cp < 0x80) return (cp_class)byte_class[cp];
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

/* decode for sequences of three or four bytes, and invalid ones. */
static size_t decode_long(const unsigned char *s, size_t len, size_t i, int32_t *cp) {
  utf8proc_ssize_t got = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), cp);
  if (got <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  return (size_t)got;
}

/* Decodes one code point at s[i]; invalid bytes read as U+FFFD, one byte.
 * Two bytes (Latin accents, Greek, Cyrillic, Hebrew, Arabic) are decoded
 * here, as utf8proc_iterate would: a lead of C2..DF, a continuation. */
static inline size_t decode(const unsigned char *s, size_t len, size_t i, int32_t *cp) {
  if (s[i] < 0x80) {
    *cp = s[i];
    return 1;
  }
  if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
    *cp = (int32_t)((s[i] & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu));
    return 2;
  }
  return decode_long(s, len, i, cp);
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

/* Scans a word whose first code point (a letter, not a mark) is cp of class
 * c at i; fills tok, returns the end offset. */
static size_t scan_word(const unsigned char *s, size_t len, size_t i, int32_t cp, cp_class c,
                        pc_token *tok) {
  pc_wordhash w;
  pc_wh_init(&w);
  pc_wordhash before_apos = w;
  uint64_t stem = 0;
  unsigned letters = 0, upper = 0, lower = 0;
  unsigned letters_after_apos = 0; /* letters since the last inner apostrophe */
  int apos_s = 0;                  /* that apostrophe is followed by an s */
  uint8_t flags = c == CP_UPPER ? PC_TOKF_CAPITAL : 0;
  tok->cp = (uint32_t)cp;
  size_t end = i;
  while (end < len) {
    unsigned b = s[end];
    if (b < 0x80 && (byte_class[b] == CP_LOWER || byte_class[b] == CP_UPPER)) {
      /* An ASCII letter, the common case, without decoding: as below. */
      if (byte_class[b] == CP_UPPER) upper++;
      else lower++;
      letters++;
      letters_after_apos++;
      pc_wh_byte(&w, b | 0x20);
      if (letters == PC_STEM_PREFIX) stem = pc_wh_value(&w);
      end++;
      continue;
    }
    size_t n = decode(s, len, end, &cp);
    c = classify(cp);
    if (!is_letter(c)) {
      /* An apostrophe inside a word ("don't", "Russia’s") keeps it going. */
      if (is_apostrophe(cp) && letters > 0 && end + n < len) {
        int32_t next;
        (void)decode(s, len, end + n, &next);
        if (is_letter(classify(next))) {
          before_apos = w;
          letters_after_apos = 0;
          apos_s = ((next | 0x20) == 's');
          end += n;
          continue;
        }
      }
      break;
    }
    if (c == CP_UPPER) upper++;
    else if (c == CP_LOWER) lower++;
    else if (c == CP_CASELESS) flags |= PC_TOKF_CASELESS;
    if (cp >= 0x80) flags |= PC_TOKF_NON_ASCII;
    if (c != CP_MARK) {
      letters++;
      letters_after_apos++;
      pc_wh_cp(&w, cp < 0x80 ? (uint32_t)(cp | 0x20) : (uint32_t)utf8proc_tolower(cp));
      if (letters == PC_STEM_PREFIX) stem = pc_wh_value(&w);
    }
    end += n;
  }
  uint64_t key = pc_wh_value(&w);
  /* "Russia’s" is counted as "Russia"; the apostrophe must be followed by a
   * lone "s" for that. */
  if (apos_s && letters_after_apos == 1) {
    key = pc_wh_value(&before_apos);
    letters--;
  }
  if (letters < PC_STEM_PREFIX) stem = key;
  if (upper >= 2 && lower == 0) flags |= PC_TOKF_ALL_UPPER;
  tok->kind = PC_TOK_WORD;
  tok->flags = flags;
  tok->letters = (uint16_t)(letters > 0xFFFF ? 0xFFFF : letters);
  tok->key = key;
  tok->stem = stem;
  return end;
}

#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull

/* The bytes at s[i..len) as a little-endian number, zeros past len (fewer
 * than eight bytes left). */
static uint64_t load_tail(const unsigned char *s, size_t len, size_t i) {
  size_t room = len - i;
  if (room == 0) return 0;
  if (len >= 8) return pc_wh_load8(s + len - 8) >> (8 * (8 - room));
  uint64_t v = 0;
  for (size_t k = 0; k < room; k++) v |= (uint64_t)s[i + k] << (8 * k);
  return v;
}

static inline uint64_t load_word(const unsigned char *s, size_t len, size_t i) {
  return len - i >= 8 ? pc_wh_load8(s + i) : load_tail(s, len, i);
}

/* The high bit of each byte of v that is not an ASCII letter. Only the
 * bytes up to the first such byte are exact: a byte of 0x80 or more may
 * carry into the byte after it, which no caller reads. */
static inline uint64_t non_letters(uint64_t v) {
  uint64_t folded = v | 0x20 * ONES;
  return (~(folded + (0x80 - 'a') * ONES) | (folded + (0x80 - 'z' - 1) * ONES) | v) & HIGH;
}

/* Byte index of the lowest high bit set in stop (!= 0). */
static inline unsigned first_byte(uint64_t stop) { return pc_mask64_lowest(stop) >> 3; }

/* A plain ASCII word of sixteen letters or more (eight would do), ended by
 * an ASCII byte that is not an apostrophe, hashed a block at a time: block
 * holds its first eight bytes. Fills tok but for off and cls and
 * returns where the next token may start, or 0 when the word goes on past
 * its letters (scan_word then starts over). */
static PC_NOINLINE size_t scan_long_word(const unsigned char *s, size_t len, size_t i,
                                         uint64_t block, pc_token *tok) {
  uint64_t h = 0, lower_bits = block & 0x20 * ONES;
  size_t n = 8;
  block |= 0x20 * ONES;
  uint64_t stem_block = block & 0xFFFFFFFFFFFFull;
  for (;;) {
    uint64_t next = load_word(s, len, i + n);
    uint64_t stop = non_letters(next);
    unsigned got = stop ? first_byte(stop) : 8;
    if (got == 0) break;
    h = pc_wh_step(h, block);
    uint64_t keep = got < 8 ? (1ull << (8 * got)) - 1 : ~0ull;
    block = (next | 0x20 * ONES) & keep;
    lower_bits |= next & keep & 0x20 * ONES;
    n += got;
    if (got < 8) break;
  }
  if (i + n < len && (s[i + n] >= 0x80 || s[i + n] == '\'')) return 0;
  uint8_t flags = s[i] < 'a' ? PC_TOKF_CAPITAL : 0;
  if (!lower_bits) flags |= PC_TOKF_ALL_UPPER;
  tok->cp = s[i];
  tok->kind = PC_TOK_WORD;
  tok->flags = flags;
  tok->letters = (uint16_t)(n > 0xFFFF ? 0xFFFF : n);
  tok->len = (uint32_t)n;
  tok->key = pc_wh_final(h, block, n);
  tok->stem = pc_wh_final(0, stem_block, PC_STEM_PREFIX);
  return i + n + (i + n < len && s[i + n] == ' ');
}

/* A word of ASCII letters with one inner apostrophe, ' or U+2019 ("don't",
 * "Russia's", "O'Brien"), eight letters at most, followed by an ASCII byte
 * other than an apostrophe, as scan_word reads it (a possessive 's
 * dropped from the key) but eight bytes at a time; or a word of at most
 * seven letters that an apostrophe ends ("players'"). Fills tok but for off,
 * len and cls and returns its end, or 0 when the word is not of that form
 * (scan_word then reads it). */
static size_t scan_apostrophe_word(const unsigned char *s, size_t len, size_t i, pc_token *tok) {
  uint64_t a = load_word(s, len, i), stop_a = non_letters(a);
  if (!stop_a) return 0;
  unsigned n = first_byte(stop_a);
  size_t j = i + n; /* the apostrophe, ' or U+2019 */
  if ((a >> (8 * n) & 0xFFu) == '\'')
    j += 1;
  else if (j + 2 < len && s[j] == 0xE2 && s[j + 1] == 0x80 && s[j + 2] == 0x99)
    j += 3;
  else
    return 0;
  /* from j, B: the letters after the apostrophe */
  uint64_t b = load_word(s, len, j), stop_b = non_letters(b);
  if (!stop_b) return 0;
  unsigned m = first_byte(stop_b), next = (unsigned)(b >> (8 * m)) & 0xFFu;
  if (m == 0) {
    /* An apostrophe after the word, not inside it ("players' union"): the
     * word ends there, unless a non-ASCII letter follows. */
    if (next >= 0x80) return 0;
    j = i + n, b = 0;
  } else if (n + m > 8 || next >= 0x80 || next == '\'') {
    return 0;
  }
  a &= (1ull << (8 * n)) - 1;
  b &= (1ull << (8 * m)) - 1;
  uint64_t stream = (a | 0x20 * ONES) & ((1ull << (8 * n)) - 1);
  stream |= ((b | 0x20 * ONES) & ((1ull << (8 * m)) - 1)) << (8 * n);
  int possessive = m == 1 && (b | 0x20) == 's';
  unsigned letters = possessive ? n : n + m;
  uint64_t key = pc_wh_final(0, possessive ? stream & ((1ull << (8 * n)) - 1) : stream, letters);
  uint8_t flags = 0;
  if (!(a & 0x20))
    flags = (a | b) & 0x20 * ONES || n + m < 2 ? PC_TOKF_CAPITAL : PC_TOKF_CAPITAL | PC_TOKF_ALL_UPPER;
  tok->cp = s[i];
  tok->kind = PC_TOK_WORD;
  tok->flags = flags;
  tok->letters = (uint16_t)letters;
  tok->key = key;
  tok->stem = letters >= PC_STEM_PREFIX
                  ? pc_wh_final(0, stream & 0xFFFFFFFFFFFFull, PC_STEM_PREFIX)
                  : key;
  return j + m;
}

static int is_digit_byte(unsigned char b) { return b >= '0' && b <= '9'; }

/* Numbers keep their inner separators ("1,000", "2.5", "9:25") and letter
 * suffixes ("1.13bn", "1990s", "9pm"). */
static size_t scan_number(const unsigned char *s, size_t len, size_t i, pc_token *tok) {
  pc_wordhash w;
  pc_wh_init(&w);
  unsigned digits = 0;
  size_t end = i;
  tok->cp = s[i];
  while (end < len) {
    unsigned b = s[end];
    if (b < 0x80) {
      cp_class c = (cp_class)byte_class[b];
      if (c == CP_DIGIT || c == CP_LOWER || c == CP_UPPER) {
        pc_wh_byte(&w, c == CP_UPPER ? b + 32 : b);
        digits++;
        end++;
        continue;
      }
      if ((b == ',' || b == '.' || b == ':') && end + 1 < len && is_digit_byte(s[end + 1])) {
        pc_wh_byte(&w, b);
        end++;
        continue;
      }
      break;
    }
    int32_t cp;
    size_t n = decode(s, len, end, &cp);
    cp_class c = classify(cp);
    if (c != CP_DIGIT && c != CP_LOWER && c != CP_UPPER) break;
    pc_wh_cp(&w, (uint32_t)cp); /* only ASCII letters are folded */
    digits++;
    end += n;
  }
  tok->kind = PC_TOK_NUMBER;
  tok->flags = 0;
  tok->letters = (uint16_t)(digits > 0xFFFF ? 0xFFFF : digits);
  tok->key = pc_wh_value(&w);
  tok->stem = tok->key;
  return end;
}

/* The key of a one-character token: its code point as a stream. */
static uint64_t punct_key(uint32_t cp) { return pc_wh_final(0, cp, cp < 0x80 ? 1 : 3); }

/* Any token but a plain ASCII word: one whose first code point, cp of class
 * c, takes n bytes at i. Returns its end. */
static size_t scan_token(const unsigned char *s, size_t len, size_t i, int32_t cp, size_t n,
                         cp_class c, pc_token *tok) {
  if (c == CP_LOWER || c == CP_UPPER || c == CP_CASELESS) return scan_word(s, len, i, cp, c, tok);
  if (c == CP_DIGIT) return scan_number(s, len, i, tok);
  tok->kind = PC_TOK_PUNCT;
  tok->flags = 0;
  tok->letters = 0;
  tok->cp = (uint32_t)cp;
  tok->key = tok->stem = punct_key((uint32_t)cp);
  return i + n;
}

/* Any token at i, text near its end included, every check made: fills tok
 * (its classes from lex), adds it to the summary in `sum` and returns where
 * the next token may start; sets *is_token to 0 when only spaces were
 * passed. Out of line, so the registers of the word loop in tokenize stay
 * its own. */
static PC_NOINLINE size_t scan_any(const unsigned char *s, size_t len, size_t i, pc_token *tok,
                                   const pc_lexicon *lex, pc_view *sum, int *is_token) {
  cp_class c = (cp_class)byte_class[s[i]];
  int32_t cp = s[i];
  size_t n = 1, end;
  *is_token = 0;
  if (c == CP_SPACE) return i + 1;
  tok->off = (uint32_t)i;
  /* Of the words that start with an ASCII letter the word loop leaves here
   * those of sixteen letters or more and those that go on past their ASCII
   * letters (scan_word). */
  if ((c == CP_LOWER || c == CP_UPPER) && !non_letters(load_word(s, len, i)) &&
      !non_letters(load_word(s, len, i + 8)) &&
      (end = scan_long_word(s, len, i, load_word(s, len, i), tok)) != 0) {
    tok->cls = lex ? pc_lexicon_classes(lex, tok->key) : 0;
    tok->role = pc_token_role(tok);
    pc_view_note(sum, tok);
    *is_token = 1;
    return end;
  }
  end = c == CP_LOWER || c == CP_UPPER ? scan_apostrophe_word(s, len, i, tok) : 0;
  if (!end) {
    if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] >= 0x90 && s[i + 2] <= 0xA7) {
      /* dashes, quotes and dots: as classify would find (base/ucd_shortcuts.h) */
      _Static_assert(PC_UCD_PUNCT_FIRST == 0x2010 && PC_UCD_PUNCT_LAST == 0x2027, "E2 80 90..A7");
      cp = 0x2000 | (s[i + 2] & 0x3F), n = 3, c = CP_OTHER;
    } else if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0xA3) {
      cp = PC_UCD_POUND, n = 2, c = CP_OTHER;
    } else if (c == CP_MULTIBYTE) {
      n = decode(s, len, i, &cp);
      c = classify(cp);
      if (c == CP_SPACE) return i + n;
    }
    end = scan_token(s, len, i, cp, n, c, tok);
  }
  tok->len = (uint32_t)(end - i);
  tok->cls = lex && tok->kind == PC_TOK_WORD ? pc_lexicon_classes(lex, tok->key) : 0;
  tok->role = pc_token_role(tok);
  pc_view_note(sum, tok);
  *is_token = 1;
  return end;
}

/* The high bit of each byte of v equal to c: exact for every byte. */
static inline uint64_t bytes_equal(uint64_t v, unsigned c) {
  uint64_t x = v ^ (c * ONES);
  return ~(((x & ~HIGH) + ~HIGH) | x) & HIGH;
}

/* The length of the number whose first byte, a digit, is v's first (v the
 * next eight bytes of the text, zeros past its end), as scan_number reads
 * it, and in *seps its separators; 0 when the eight bytes do not tell (the
 * number is longer, or is followed by a non-ASCII byte or by a separator
 * whose next byte is not in v). Exact up to the number's end, as
 * non_letters is, which is all that is read. */
static inline unsigned number_bytes(uint64_t v, unsigned *seps) {
  uint64_t digits = (v + (0x80 - '0') * ONES) & ~(v + (0x80 - '9' - 1) * ONES) & ~v & HIGH;
  uint64_t alnum = (~non_letters(v) & HIGH) | digits;
  uint64_t sep = bytes_equal(v | 0x02 * ONES, '.') | bytes_equal(v, ':'); /* , . : */
  uint64_t stop = ~(alnum | (sep & digits >> 8)) & HIGH;
  if (!stop) return 0;
  unsigned n = first_byte(stop);
  if ((v >> (8 * n) & 0x80) || (n == 7 && (sep >> 56))) return 0;
  uint64_t inside = sep & ((1ull << (8 * n)) - 1);
  *seps = (unsigned)(((inside >> 7) * ONES) >> 56);
  return n;
}

/* Bytes of text tokenised per reservation of the token vector: one token
 * per byte at most, so at most this many tokens (160 KB) are reserved at
 * once (a sentence has at most PRECIS_MAX_SENTENCE_BYTES anyway). */
#define PC_TOKENIZE_CHUNK 4096

_Static_assert((int)PC_TOKF_CAPITAL == (int)PC_ROLE_CAP, "a plain word's capital flag is its role");
_Static_assert(PC_STEM_PREFIX == 6, "tokenize and scan_long_word mask the stem's six bytes");

/* tokenize is inlined into its two callers with a constant with_lex, so
 * that pc_tokenize's copy has no word-list lookups and pc_view_tokenize's
 * no test for them. */

/* pc_tokenize, and with a lexicon pc_view_tokenize: each word's classes
 * and the view's summary of the sentence are gathered in the same pass.
 * The loop takes the common word (fewer than sixteen ASCII letters,
 * followed by an ASCII byte other than an apostrophe; found and hashed
 * eight bytes at a time, the stream of its casefolded letters being its
 * bytes with bit 5 set) and ASCII punctuation, its state in registers;
 * anything else goes to scan_any. */
static PC_ALWAYS_INLINE int tokenize(const pc_alloc *mem, const char *text, size_t len, pc_vec *out,
                                  const pc_lexicon *lex, int with_lex, pc_view *v) {
  const unsigned char *s = (const unsigned char *)text;
  if (!out->data && pc_vec_reserve(mem, out, sizeof(pc_token), 16) != 0) return -1;
  /* The vector's fields in locals: stores through a token could alias them
   * (uint64_t and size_t may be one type), which would reload them. */
  pc_token *tok = out->data;
  if (!with_lex) lex = NULL;
  /* pc_lexicon_classes spelt out in the loop, with these in registers. */
  const uint16_t *bucket = with_lex ? lex->bucket : NULL;
  const pc_lex_word *words = with_lex ? lex->words : NULL;
  /* The summary: of the plain words in locals, of other tokens in `sum`. */
  unsigned any_cls = 0, any_flags = 0;
  pc_view sum;
  memset(&sum, 0, sizeof sum);
  /* From here on fewer than eight bytes are left: a block is loaded by
   * load_tail. */
  size_t tail_from = len >= 8 ? len - 7 : 0;
  size_t i = 0;
  while (i < len) {
    /* Room for a token per byte of the next chunk (a token takes a byte at
     * least), so the loops over it need no check. */
    size_t chunk_end = len - i > PC_TOKENIZE_CHUNK ? i + PC_TOKENIZE_CHUNK : len;
    out->len = (size_t)(tok - (pc_token *)out->data);
    if (pc_vec_reserve(mem, out, sizeof(pc_token), chunk_end - i) != 0) return -1;
    tok = (pc_token *)out->data + out->len;
    /* One comparison per token where eight bytes are left. */
    size_t quick_end = chunk_end < tail_from ? chunk_end : tail_from;
    for (;;) {
      uint64_t v0;
      if (i < quick_end) v0 = pc_wh_load8(s + i);
      else if (i < chunk_end) v0 = load_tail(s, len, i);
      else break;
      uint64_t stop = non_letters(v0);
      if (!(stop & 0x80)) {
        uint64_t key, block;
        unsigned n, after;
        uint64_t v1 = 0;
        if (stop) {
          n = first_byte(stop);
          after = (unsigned)(v0 >> (8 * n)) & 0xFFu;
          if (after >= 0x80 || after == '\'') goto other;
          uint64_t keep = (1ull << (8 * n)) - 1;
          block = (v0 | 0x20 * ONES) & keep;
          v0 &= keep;
          key = pc_wh_final(0, block, n);
          tok->stem = n > PC_STEM_PREFIX ? pc_wh_final(0, block & 0xFFFFFFFFFFFFull, PC_STEM_PREFIX)
                                         : key;
        } else {
          v1 = i + 8 < tail_from ? pc_wh_load8(s + i + 8) : load_tail(s, len, i + 8);
          uint64_t stop1 = non_letters(v1);
          if (!stop1) goto other; /* sixteen letters or more */
          unsigned got = first_byte(stop1);
          after = (unsigned)(v1 >> (8 * got)) & 0xFFu;
          if (after >= 0x80 || after == '\'') goto other;
          n = 8 + got;
          uint64_t keep = (1ull << (8 * got)) - 1;
          block = v0 | 0x20 * ONES;
          v1 &= keep;
          key = got ? pc_wh_final(pc_wh_step(0, block), (v1 | 0x20 * ONES) & keep, n)
                    : pc_wh_final(0, block, n);
          tok->stem = pc_wh_final(0, block & 0xFFFFFFFFFFFFull, PC_STEM_PREFIX);
        }
        /* Upper-case letters have bit 5 clear: the first one makes a
         * capital, two or more and none with it set an all-capital word. */
        uint8_t flags = 0;
        if (!(v0 & 0x20))
          flags = ((v0 | v1) & 0x20 * ONES) || n < 2 ? PC_TOKF_CAPITAL
                                                     : PC_TOKF_CAPITAL | PC_TOKF_ALL_UPPER;
        unsigned cls = 0;
        if (with_lex) {
          /* The first word of the bucket without a branch on whether there
           * is one (words[0], key 0 and no classes, stands for none): half
           * the words of a text are in a list, at random. */
          const pc_lex_word *first = &words[bucket[key >> (64 - PC_LEX_BUCKET_BITS)]];
          unsigned hit = first->key == key;
          cls = first->cls & (0u - hit); /* arithmetic, or compilers branch */
          if (first->next & (hit - 1u)) /* a miss, and a chain: rare */
            for (unsigned w = first->next; w; w = words[w].next)
              if (words[w].key == key) {
                cls = words[w].cls;
                break;
              }
        }
        tok->off = (uint32_t)i;
        tok->len = n;
        tok->kind = PC_TOK_WORD;
        tok->flags = flags;
        tok->letters = (uint16_t)n;
        tok->cp = (uint32_t)(v0 & 0xFFu);
        tok->cls = cls;
        /* pc_token_role for a plain word, whose capital is the role's. */
        tok->role = (uint8_t)((flags & PC_TOKF_CAPITAL) | ((cls & PC_SCAN_MARK_CLASSES) != 0) * PC_ROLE_MARK |
                              (((cls & PC_LEX_STOP) == 0) & (n >= 2)) * PC_ROLE_CONTENT);
        tok->key = key;
        any_cls |= cls;
        any_flags |= flags;
        tok++;
        i += n + (after == ' ');
        continue;
      }
      /* ASCII punctuation, mostly followed by a space. */
      unsigned b = (unsigned)(v0 & 0xFFu);
      if (b < 0x80 && byte_class[b] == CP_OTHER) {
        uint64_t key = punct_key(b);
        tok->off = (uint32_t)i;
        tok->len = 1;
        tok->kind = PC_TOK_PUNCT;
        tok->flags = 0;
        tok->letters = 0;
        tok->cp = b;
        tok->cls = 0;
        tok->role = PC_ROLE_MARK;
        tok->key = tok->stem = key;
        tok++;
        sum.n_punct++;
        if (b == '"' || b == '\'') sum.any_quote = 1;
        if (b == '@') sum.any_at = 1;
        i += (v0 >> 8 & 0xFFu) == ' ' ? 2u : 1u;
        continue;
      }
      /* A number of up to seven bytes followed by an ASCII byte. */
      unsigned seps, n;
      if (b - '0' < 10u && (n = number_bytes(v0, &seps)) != 0) {
        uint64_t block = (v0 | 0x20 * ONES) & ((1ull << (8 * n)) - 1); /* letters folded */
        tok->off = (uint32_t)i;
        tok->len = n;
        tok->kind = PC_TOK_NUMBER;
        tok->flags = 0;
        tok->letters = (uint16_t)(n - seps);
        tok->cp = b;
        tok->cls = 0;
        tok->role = pc_token_role(tok); /* a number's: a constant here */
        tok->key = tok->stem = pc_wh_final(0, block, n);
        tok++;
        sum.n_number++;
        sum.any_kind |= 1u << PC_TOK_NUMBER;
        i += n + ((v0 >> (8 * n) & 0xFFu) == ' ');
        continue;
      }
      if (b == ' ') {
        i++;
        continue;
      }
    other:;
      int is_token;
      i = scan_any(s, len, i, tok, lex, &sum, &is_token);
      tok += is_token;
    }
  }
  out->len = (size_t)(tok - (pc_token *)out->data);
  if (v) {
    v->text = text;
    v->len = len;
    v->tok = out->data;
    v->n = out->len;
    v->lex = lex;
    v->any_cls = any_cls | sum.any_cls;
    v->any_flags = any_flags | sum.any_flags;
    /* Words are the tokens that are neither punctuation nor numbers. */
    int any_words = out->len > sum.n_punct + sum.n_number;
    v->any_kind = (any_words ? 1u << PC_TOK_WORD : 0u) |
                  (sum.n_punct ? 1u << PC_TOK_PUNCT : 0u) | sum.any_kind;
    v->any_quote = sum.any_quote;
    v->any_at = sum.any_at;
    v->n_punct = sum.n_punct;
    v->n_number = sum.n_number;
  }
  return 0;
}
#undef ONES
#undef HIGH

int pc_tokenize(const pc_alloc *mem, const char *text, size_t len, pc_vec *out) {
  return tokenize(mem, text, len, out, NULL, 0, NULL);
}

int pc_view_tokenize(pc_view *v, const pc_alloc *mem, const char *text, size_t len,
                     pc_vec *tokens, const pc_lexicon *lex) {
  return tokenize(mem, text, len, tokens, lex, 1, v);
}
