/* Sentence splitter: one left-to-right pass over a paragraph. At every
 * terminator (. ! ? … and runs of them, with the closing quotes and
 * brackets after them) it decides from the word before and the word after
 * whether a sentence ends; it also starts a sentence before a list marker
 * that continues a list ("2." after "1.") or a bullet, and cuts sentences
 * that grow past PRECIS_MAX_SENTENCE_BYTES. The rules follow pySBD's
 * English "golden rules". */
#include "segment/segment.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "base/ascii.h"
#include "base/bytes16.h"
#include "base/inline.h"
#include "base/ucd_shortcuts.h"
#include "segment/abbrev.h"

/* A sentence end found inside brackets is held until the bracket closes
 * (then it is dropped: an aside stays inside its sentence) or turns out
 * unbalanced (then it is applied). Holding more than this many means the
 * bracket never closes; bounds the splitter state. Quotations are split
 * like other text: news quotes often run over several sentences. */
#define PC_SEGMENT_MAX_PENDING 8

/* At most this many terminators, spaced dots, closers or openers are read
 * as one cluster, so the work at one position is bounded. */
#define PC_SEGMENT_MAX_RUN 16

/* Words longer than this (URLs, numbers) are never abbreviations, so the
 * splitter does not look at them closely. */
#define PC_SEGMENT_MAX_WORD 32

/* Longest word matched against the word lists, in bytes. */
#define PC_SEGMENT_MAX_LIST_WORD 15

#define NO_POS SIZE_MAX

/* What an opening quote or bracket on the nesting stack is. */
enum {
  K_PAREN = 1 << 0,
  K_BRACKET = 1 << 1,
  K_BRACE = 1 << 2,
  K_DQUOTE = 1 << 3,      /* “ */
  K_LOW9 = 1 << 4,        /* „ closed by “ or ” */
  K_SQUOTE = 1 << 5,      /* ‘ */
  K_STRAIGHT_DQ = 1 << 6, /* " */
  K_STRAIGHT_SQ = 1 << 7, /* ' */
  K_GUILLEMET = 1 << 8,   /* « */
  K_CORNER = 1 << 9,      /* 「 『 （ */
  K_BRACKETS = K_PAREN | K_BRACKET | K_BRACE,
};

/* How the text after a terminator begins. */
typedef enum next_kind { NEXT_END, NEXT_UPPER, NEXT_LOWER, NEXT_DIGIT, NEXT_OTHER } next_kind;

typedef struct next_token {
  next_kind kind;
  int paren;      /* starts with "(" */
  size_t word_at; /* where its word begins: see next_word */
} next_token;

/* What the word before a period is. */
typedef enum word_class {
  W_NORMAL,
  W_GENERAL,     /* Co. Inc. Jr. */
  W_PREPOSITIVE, /* Mr. Dr. Mt. */
  W_NUMBER,      /* No. p. */
  W_INITIAL,     /* E. in "Jonas E. Smith" */
  W_LOWER_DOTS,  /* e.g. i.e. */
  W_UPPER_DOTS,  /* U.S. E.U. J.D. */
  W_TIME         /* a.m. P.M. */
} word_class;

/* What kind of terminator cluster was found. */
typedef enum cluster_kind {
  C_NONE,     /* ellipsis that never ends a sentence: " . . . ", "[...]" */
  C_DOT,      /* one period after a word */
  C_ELLIPSIS, /* "..." "…" "word. . ." */
  C_STRONG,   /* ! ? and runs with them */
  C_CJK,      /* 。！？: ends a sentence with or without a space */
  C_FIRST_DOT /* "word. . . . The": the first period ends the sentence */
} cluster_kind;

/* Running counts for the hints, taken at sentence boundaries: a sentence
 * is collapsed when no odd event (whitespace other than one ASCII space,
 * a NUL, a start inside a token) lies between its two tallies; its words
 * are then the difference of the tokens. odd is NO_POS when unknown. */
typedef struct tally {
  size_t tokens; /* tokens holding a letter, digit or nonspacing mark */
  size_t odd;
} tally;

typedef struct pending_end {
  size_t end;  /* end of the held sentence */
  size_t next; /* start of the sentence after it, NO_POS until seen */
  tally at_end, at_next;
} pending_end;

typedef struct splitter {
  const unsigned char *s;
  size_t len;
  size_t avail; /* bytes from s on that may be read */
  int avx2;     /* the CPU has AVX2 and POPCNT (see skip_plain_run) */
  pc_segment_hint_fn cb;
  void *ctx;
  int rc;

  tally seen;          /* up to the current position */
  tally at_start;      /* seen at start */
  size_t odd_at_space; /* seen.odd where the newest whitespace run began */
  int token_has_word;  /* the current token's letter or digit is counted */

  size_t start;       /* first byte of the oldest sentence not yet reported */
  int need_start;     /* the next non-space character starts a sentence */
  size_t content_end; /* end of the last non-space character */
  int has_content;    /* the newest sentence holds more than bullets */
  size_t last_space;  /* start of the newest whitespace run inside a sentence */
  int has_last_space;

  int in_space;                /* the previous character was whitespace (or none) */
  size_t word_start;           /* first byte of the current word */
  size_t words;                /* words in the newest sentence so far */
  int word_cap, prev_word_cap; /* the current and the previous word are capitalised */
  int cap_pending;             /* the current word so far is only openers */
  size_t after_bullet;         /* a list marker may start right after a bullet */

  size_t depth;
  size_t ignored; /* openers deeper than PRECIS_MAX_NESTING, treated as text */
  size_t npending;

  int marker_style; /* the last list marker: 0 for none */
  unsigned marker_value;

  /* last: only their first depth and npending entries are ever read */
  unsigned short stack[PRECIS_MAX_NESTING];
  pending_end pending[PC_SEGMENT_MAX_PENDING];
} splitter;

/* ---- characters --------------------------------------------------------- */

/* 1 for the bytes that can matter inside a word: whitespace, . ! ? and the
 * ASCII brackets and quotes, and every byte of a non-ASCII character. The
 * other ASCII bytes, in the middle of a word, only extend the sentence. */
static const unsigned char stops_plain_run[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, /* 00: controls, \t-\r are spaces      */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 10: controls                         */
    1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, /* 20:  ! " # $ % & ' ( ) * + , - . /   */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, /* 30: 0-9 : ; < = > ?                  */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 40: @ A-O                            */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, /* 50: P-Z [ \ ] ^ _                    */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 60: ` a-o                            */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, /* 70: p-z { | } ~ DEL                  */
    /* 80-FF: non-ASCII */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static inline int is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static inline int is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

/* What skip_plain_run needs to know of a block of 32 bytes, bit k for
 * byte k. */
typedef struct plain_block {
  uint32_t space; /* ASCII whitespace */
  uint32_t stop;  /* the other bytes of stops_plain_run, up to the first */
  uint32_t alnum; /* A-Z a-z 0-9 */
  uint32_t odd;   /* whitespace but ' ', and NUL, up to the first stop */
} plain_block;

/* The 32 bytes at s + b, or, near `avail`, a copy in `tail` whose bytes
 * from avail on are 0xFF (not ASCII: never a stop, space or letter). */
static inline const unsigned char *block_bytes(const unsigned char *s, size_t b, size_t avail,
                                               unsigned char tail[32]) {
  if (avail - b >= 32) return s + b;
  memset(tail, 0xFF, 32);
  memcpy(tail, s + b, avail - b);
  return tail;
}

/* Classifies the 32 bytes at s + b up to the first stop; those from s +
 * avail on, never read, count as stops (the caller makes those from the end
 * of the paragraph stops). Letters, digits and spaces are told
 * apart sixteen at a time, the rest (punctuation, rare in prose) one byte
 * at a time. */
static inline plain_block classify_block(const unsigned char *s, size_t b, size_t avail) {
  unsigned char tail[32];
  const unsigned char *p = block_bytes(s, b, avail, tail);
  pc_bytes16 lo = pc_bytes16_load(p), hi = pc_bytes16_load(p + 16);
  plain_block pb;
  pb.space = pc_bytes16_eq(lo, ' ') | (uint32_t)pc_bytes16_eq(hi, ' ') << 16;
  pb.stop = 0;
  pb.odd = 0;
  pb.alnum = pc_bytes16_alnum(lo) | (uint32_t)pc_bytes16_alnum(hi) << 16;
  for (uint32_t rest = ~(pb.alnum | pb.space); rest; rest &= rest - 1) {
    unsigned k = pc_mask_lowest(rest);
    if (is_ascii_space(p[k])) {
      pb.space |= 1u << k;
      pb.odd |= 1u << k;
    } else if (stops_plain_run[p[k]]) {
      pb.stop |= 1u << k;
      break; /* the bytes after the first stop do not matter */
    } else if (p[k] == 0) {
      pb.odd |= 1u << k;
    }
  }
  return pb;
}

#if PC_BYTES_AVX2
/* classify_block with AVX2: a table per nibble tells the ASCII stops,
 * whitespace and NUL apart, with no loop (bit 0 ! " ' ( ) ., bit 1 ?,
 * bit 2 [ ] { }, bit 3 \t-\r, bit 4 NUL: each the bytes whose high and low
 * nibble entries both hold the bit). */
__attribute__((target("avx2"))) static inline plain_block classify_block_avx2(
    const unsigned char *s, size_t b, size_t avail) {
  unsigned char tail[32];
  const unsigned char *p = block_bytes(s, b, avail, tail);
  const __m256i by_low = _mm256_setr_epi8(0x10, 1, 1, 0, 0, 0, 0, 1, 1, 9, 8, 12, 8, 12, 1, 2,
                                          0x10, 1, 1, 0, 0, 0, 0, 1, 1, 9, 8, 12, 8, 12, 1, 2);
  const __m256i by_high = _mm256_setr_epi8(0x18, 0, 1, 2, 0, 4, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0,
                                           0x18, 0, 1, 2, 0, 4, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i cls = _mm256_and_si256(
      _mm256_shuffle_epi8(by_low, _mm256_and_si256(v, nibble)),
      _mm256_shuffle_epi8(by_high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble)));
  /* bits 0-2 set: a stop; a saturating add carries it to bit 7 */
  __m256i punct = _mm256_adds_epu8(_mm256_and_si256(cls, _mm256_set1_epi8(7)),
                                   _mm256_set1_epi8(0x7F));
  uint32_t white = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(cls, 4));
  uint32_t nul = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(cls, 3));
  plain_block pb;
  pb.space = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(' '))) | white;
  pb.odd = white | nul;
  pb.stop = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(v, punct));
  pb.alnum = pc_bytes32_alnum_avx2(v);
  return pb;
}
#endif

/* Set bits of a 32-bit mask; popcnt: the CPU has the instruction (a
 * constant where inlined). */
static PC_ALWAYS_INLINE unsigned count_bits(uint32_t m, int popcnt) {
#if PC_BYTES_AVX2
  if (popcnt) return (unsigned)__builtin_popcount(m);
#endif
  (void)popcnt;
  return pc_mask_count16(m & 0xFFFFu) + pc_mask_count16(m >> 16);
}

/* Start of the run of ASCII whitespace that ends at k, not before i. */
static size_t space_run_start(const unsigned char *s, size_t i, size_t k) {
  while (k > i && is_ascii_space(s[k - 1])) k--;
  return k;
}

/* Is the well-formed two-byte character lead, cont (U+0080..U+07FF) one
 * with no role inside a word? All but NEL, NBSP, ¡ « » ¿ are. */
static int plain_two_byte(unsigned char lead, unsigned char cont) {
  if (lead < 0xC2 || lead > 0xDF || (cont & 0xC0) != 0x80) return 0;
  return lead != 0xC2 || (cont != 0x85 && cont != 0xA0 && cont != 0xA1 && cont != 0xAB &&
                          cont != 0xBB && cont != 0xBF);
}

static inline size_t decode(const unsigned char *s, size_t len, size_t i, int32_t *cp) {
  if (s[i] < 0x80) {
    *cp = s[i];
    return 1;
  }
  utf8proc_int32_t c;
  utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
  if (n <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = c;
  return (size_t)n;
}

static inline int is_space(int32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  if (cp == 0x85) return 1;
  /* the quotes and dashes of prose turned away without a property lookup */
  if (!pc_ucd_may_be_space(cp)) return 0;
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

static inline int is_upper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static int is_letter(int32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* Does the character make its token a word for the hint (as the sentence
 * records count words): a letter, a digit or a nonspacing mark? */
static int is_word_char(int32_t cp) {
  if (cp < 0x80) return pc_ascii_is_alnum((unsigned char)cp);
  utf8proc_category_t cat = utf8proc_category(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_MN) ||
         cat == UTF8PROC_CATEGORY_ND;
}

static int letter_or_digit_beyond_ascii(const splitter *sp, size_t i) {
  int32_t cp;
  decode(sp->s, sp->len, i, &cp);
  return is_letter(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static inline int letter_or_digit_at(const splitter *sp, size_t i) {
  if (i >= sp->len) return 0;
  if (sp->s[i] < 0x80) return pc_ascii_is_alnum(sp->s[i]);
  return letter_or_digit_beyond_ascii(sp, i);
}

static inline int is_terminator(int32_t cp) {
  if (cp < 0x80) return cp == '.' || cp == '!' || cp == '?';
  switch (cp) {
    case '.':
    case '!':
    case '?':
    case 0x2026: /* … */
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049: /* ‼ ⁇ ⁈ ⁉ */
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF61: /* 。！？｡ */ return 1;
    default: return 0;
  }
}

static int is_cjk_terminator(int32_t cp) {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61;
}

static int is_bullet(int32_t cp) {
  switch (cp) {
    case 0x2022:
    case 0x2043:
    case 0x25E6:
    case 0x2023:
    case 0x25AA:
    case 0x25CF: return 1;
    default: return 0;
  }
}

/* Kind of an unambiguous opening bracket or quote, or 0. */
static int opener_kind(int32_t cp) {
  switch (cp) {
    case '(': return K_PAREN;
    case '[': return K_BRACKET;
    case '{': return K_BRACE;
    case 0x201C: return K_DQUOTE;    /* “ */
    case 0x201E: return K_LOW9;      /* „ */
    case 0x2018: return K_SQUOTE;    /* ‘ */
    case 0x00AB: return K_GUILLEMET; /* « */
    case 0x300C:
    case 0x300E:
    case 0xFF08: return K_CORNER;
    default: return 0;
  }
}

/* Kinds of opener a closing character can close, or 0. The straight
 * quotes and “ ’ are ambiguous; callers decide about them first. */
static int closer_kinds(int32_t cp) {
  switch (cp) {
    case ')': return K_PAREN;
    case ']': return K_BRACKET;
    case '}': return K_BRACE;
    case 0x201D: return K_DQUOTE | K_LOW9; /* ” */
    case 0x201C: return K_LOW9;            /* “ after „ */
    case 0x2019: return K_SQUOTE;          /* ’ */
    case '"': return K_STRAIGHT_DQ;
    case '\'': return K_STRAIGHT_SQ;
    case 0x00BB: return K_GUILLEMET; /* » */
    case 0x300D:
    case 0x300F:
    case 0xFF09: return K_CORNER;
    default: return 0;
  }
}

static inline int is_any_opener(int32_t cp) {
  static const unsigned char ascii_openers[0x80] = {
      ['('] = 1, ['['] = 1, ['{'] = 1, ['"'] = 1, ['\''] = 1};
  if (cp < 0x80) return ascii_openers[(unsigned char)cp];
  return opener_kind(cp) != 0 || cp == '"' || cp == '\'' || cp == 0x00BF || cp == 0x00A1;
}

/* ---- nesting ------------------------------------------------------------ */

static int stack_has(const splitter *sp, int kinds) {
  for (size_t k = sp->depth; k > 0; k--)
    if (sp->stack[k - 1] & kinds) return 1;
  return 0;
}

static void push(splitter *sp, int kind) {
  if (sp->depth < PRECIS_MAX_NESTING)
    sp->stack[sp->depth++] = (unsigned short)kind;
  else
    sp->ignored++;
}

/* Closes the innermost opener of one of the kinds; when the outermost
 * bracket closes, sentence ends held inside it are dropped. */
static void pop_to(splitter *sp, int kinds) {
  if (sp->ignored > 0) {
    sp->ignored--;
    return;
  }
  for (size_t k = sp->depth; k > 0; k--) {
    if (sp->stack[k - 1] & kinds) {
      sp->depth = k - 1;
      if (sp->npending > 0 && !stack_has(sp, K_BRACKETS)) {
        sp->npending = 0;
        sp->need_start = 0;
        sp->has_content = 1;
      }
      return;
    }
  }
}

/* ---- reporting ---------------------------------------------------------- */

/* Reports [start, end), the sentence begun at sp->start; at_end is the
 * tally at end, or NULL when not known. */
static void report(splitter *sp, size_t start, size_t end, const tally *at_end) {
  if (sp->rc != 0 || end <= start) return;
  pc_segment_hint hint = {0, 0};
  if (at_end && at_end->odd == sp->at_start.odd) {
    hint.collapsed = 1;
    hint.words = at_end->tokens - sp->at_start.tokens;
  }
  sp->rc = sp->cb(sp->ctx, start, end, &hint);
}

/* The tally at content_end: only whitespace lies between it and here. */
static tally at_content_end(const splitter *sp) {
  tally t = sp->seen;
  if (sp->in_space) t.odd = sp->odd_at_space;
  return t;
}

/* Reports every held sentence end; the quotes holding them are forgotten. */
static void apply_pending(splitter *sp) {
  for (size_t k = 0; k < sp->npending && sp->rc == 0; k++) {
    report(sp, sp->start, sp->pending[k].end, &sp->pending[k].at_end);
    if (sp->pending[k].next == NO_POS) {
      sp->need_start = 1;
    } else {
      sp->start = sp->pending[k].next;
      sp->at_start = sp->pending[k].at_next;
    }
  }
  sp->npending = 0;
  sp->depth = 0;
  sp->ignored = 0;
}

/* A sentence ends at `end`, where the tally is at_end; held while inside
 * brackets. */
static void end_sentence(splitter *sp, size_t end, tally at_end) {
  if (sp->ignored > 0 || stack_has(sp, K_BRACKETS)) {
    if (sp->npending == PC_SEGMENT_MAX_PENDING) {
      apply_pending(sp);
      report(sp, sp->start, end, &at_end);
    } else {
      sp->pending[sp->npending].end = end;
      sp->pending[sp->npending].next = NO_POS;
      sp->pending[sp->npending].at_end = at_end;
      sp->npending++;
    }
  } else {
    /* Ends held by brackets that are no longer open (an unmatched closer or
     * an opener past PRECIS_MAX_NESTING) lie inside this sentence: drop them,
     * as pop_to() does, so sentences never overlap. */
    sp->npending = 0;
    report(sp, sp->start, end, &at_end);
  }
  sp->need_start = 1;
  sp->has_content = 0;
  sp->words = 0;
}

/* The sentence would grow past PRECIS_MAX_SENTENCE_BYTES with the bytes
 * [i, i+n): reports held ends, then cuts at the last space, else at i. */
static void make_room(splitter *sp, size_t i, size_t n) {
  if (sp->npending > 0) {
    apply_pending(sp);
    if (sp->rc != 0 || i + n - sp->start <= PRECIS_MAX_SENTENCE_BYTES) return;
  }
  sp->depth = 0;
  sp->ignored = 0;
  if (sp->has_last_space && sp->last_space > sp->start && sp->word_start >= sp->last_space) {
    report(sp, sp->start, sp->last_space, NULL);
    sp->start = sp->word_start;
  }
  if (sp->rc == 0 && i + n - sp->start > PRECIS_MAX_SENTENCE_BYTES) {
    report(sp, sp->start, i, NULL);
    sp->start = i;
  }
  sp->at_start.odd = NO_POS; /* no tally taken at the cut */
  sp->has_last_space = 0;
  sp->words = 1;
}

/* Makes room for the bytes [i, i+n) in the current sentence. */
static inline void fit(splitter *sp, size_t i, size_t n) {
  if (i + n - sp->start > PRECIS_MAX_SENTENCE_BYTES) make_room(sp, i, n);
}

/* ---- the non-space character at i --------------------------------------- */

static inline void begin_char(splitter *sp, size_t i, int32_t cp) {
  if (sp->need_start) {
    if (sp->npending > 0 && sp->pending[sp->npending - 1].next == NO_POS) {
      sp->pending[sp->npending - 1].next = i;
      sp->pending[sp->npending - 1].at_next = sp->seen;
    } else {
      sp->start = i;
      sp->at_start = sp->seen;
    }
    /* a sentence that starts inside a token counts its words otherwise */
    if (!sp->in_space) sp->seen.odd++;
    sp->need_start = 0;
    sp->has_last_space = 0;
  }
  if (sp->in_space) {
    sp->word_start = i;
    sp->words++;
    sp->prev_word_cap = sp->word_cap;
    sp->word_cap = is_upper(cp);
    sp->cap_pending = is_any_opener(cp);
  } else if (sp->cap_pending) { /* “Albert: the letter after the quote */
    sp->word_cap = is_upper(cp);
    sp->cap_pending = is_any_opener(cp);
  }
}

static inline void consume(splitter *sp, size_t end, int content) {
  sp->content_end = end;
  sp->in_space = 0;
  if (content) sp->has_content = 1;
}

/* Does a word that starts with the plain ASCII byte at k (not a stop)
 * start as the character-by-character pass would start it, without a list
 * marker check that could succeed? Lower-case letters and digits may begin
 * "a." "a)" "12." "3)". */
static inline int plain_word_start(const unsigned char *s, size_t len, size_t k) {
  unsigned char c = s[k];
  if (c >= 'a' && c <= 'z') return !(k + 1 < len && (s[k + 1] == '.' || s[k + 1] == ')'));
  if (c < '0' || c > '9') return 1;
  size_t q = k;
  while (q < len && q - k < 3 && s[q] >= '0' && s[q] <= '9') q++;
  return q >= len || (s[q] != '.' && s[q] != ')');
}

/* Bytes of the stop at s[j], inside a word, when it has no role there and
 * the pass would only step over it: a two-byte character of
 * plain_two_byte, or an apostrophe (' or ’) or a period before an ASCII
 * letter or digit ("don't", "3.5"). 0 for any other stop, or when the
 * character or the one after it reaches limit. */
static size_t plain_inside_word(const unsigned char *s, size_t j, size_t limit) {
  if (j >= limit) return 0; /* the run ended at the limit, not at a stop */
  if (s[j] == '\'' || s[j] == '.') return j + 1 < limit && pc_ascii_is_alnum(s[j + 1]) ? 1 : 0;
  if (s[j] == 0xE2 && j + 3 < limit && s[j + 1] == 0x80 && s[j + 2] == 0x99 &&
      pc_ascii_is_alnum(s[j + 3]))
    return 3;
  return j + 1 < limit && plain_two_byte(s[j], s[j + 1]) ? 2 : 0;
}

/* The word marks skip_plain_run leaves: how many words it took (0: none)
 * and those of the splitter for the last of them. */
typedef struct plain_words {
  size_t count, word_start, last_space;
  int word_cap, prev_word_cap;
  size_t tokens;      /* tokens whose letter or digit was first counted here */
  int token_has_word; /* at the end */
  int odd;            /* an odd event for the tally lies before the end */
} plain_words;

/* skip_plain_run up to limit, 32 bytes a step: finds where the plain
 * bytes and the words after whitespace end, and the marks of the words.
 * avx2: the CPU has AVX2 and POPCNT (a constant where inlined). */
static PC_ALWAYS_INLINE size_t take_plain(const splitter *sp, size_t i, size_t limit,
                                           plain_words *taken, int avx2) {
  const unsigned char *s = sp->s;
  size_t b = i, end, words = 0, tokens = 0, odd_at = NO_POS;
  int has_word = sp->token_has_word;
  uint32_t space_before = 0; /* the byte before block b is whitespace */
  /* the last two blocks that hold word starts, newest first */
  size_t at[2] = {NO_POS, NO_POS};
  uint32_t starts_at[2] = {0, 0};
  for (;;) {
#if PC_BYTES_AVX2
    plain_block pb = avx2 ? classify_block_avx2(s, b, sp->avail) : classify_block(s, b, sp->avail);
#else
    plain_block pb = classify_block(s, b, sp->avail);
#endif
    /* no branch but the loop's: which way these go is data, and the branches
     * mispredicted */
    unsigned room = limit - b < 32 ? (unsigned)(limit - b) : 32; /* limit <= len */
    uint32_t stop = pb.stop | (uint32_t)(~(uint64_t)0 << room);
    uint32_t region = (stop & (0u - stop)) - 1; /* the bytes before it; all without one */
    uint32_t starts = ~pb.space & region & (pb.space << 1 | space_before);
    uint32_t space = pb.space & region, word = pb.alnum & region;
    uint32_t odd = (pb.odd | (space & (space << 1 | space_before))) & region;
    if (odd && odd_at == NO_POS) odd_at = b + pc_mask_lowest(odd);
    size_t n_starts = count_bits(starts, avx2);
    words += n_starts;
    /* Tokens counted from where one starts, or goes on without a letter or
     * digit yet: those that begin with one are the word starts (plus the
     * open token's at byte 0); for the others a mark moves up through the
     * run of punctuation by carry to the letter or digit after it. */
    uint32_t punct = ~(pb.space | pb.alnum) & region;
    uint32_t from = space << 1 | (has_word ? 0u : 1u);
    if (!(from & punct)) {
      tokens += n_starts + (from & word & ~starts & 1u);
    } else {
      uint32_t firsts = word & ((from & ~punct) | ((punct + (from & punct)) & ~punct));
      tokens += count_bits(firsts, avx2);
    }
    if (space)
      has_word = (word >> pc_mask_highest(space)) != 0;
    else
      has_word |= word != 0;
    if (starts) {
      at[1] = at[0];
      starts_at[1] = starts_at[0];
      at[0] = b;
      starts_at[0] = starts;
    }
    if (!stop) {
      space_before = pb.space >> 31;
      b += 32;
      continue;
    }
    end = b + pc_mask_lowest(stop);
    size_t inner = end == i || !is_ascii_space(s[end - 1]) ? plain_inside_word(s, end, limit) : 0;
    if (inner) {
      if (inner == 2 && !has_word &&
          is_word_char((int32_t)((s[end] & 0x1Fu) << 6 | (s[end + 1] & 0x3Fu)))) {
        tokens++;
        has_word = 1;
      }
      b = end + inner;
      space_before = 0;
      continue;
    }
    break;
  }
  taken->count = words;
  if (words) {
    unsigned last = pc_mask_highest(starts_at[0]);
    uint32_t others = starts_at[0] & ~(1u << last);
    /* words here begin with a plain ASCII byte: capitalised is A-Z */
    if (others)
      taken->prev_word_cap = is_ascii_upper(s[at[0] + pc_mask_highest(others)]);
    else if (at[1] != NO_POS)
      taken->prev_word_cap = is_ascii_upper(s[at[1] + pc_mask_highest(starts_at[1])]);
    else
      taken->prev_word_cap = sp->word_cap;
    taken->word_cap = is_ascii_upper(s[at[0] + last]);
    taken->word_start = at[0] + last;
    taken->last_space = space_run_start(s, i, taken->word_start);
  }
  /* whitespace up to the end stays for the character-by-character pass */
  if (end > i && is_ascii_space(s[end - 1])) end = space_run_start(s, i, end);
  taken->tokens = tokens;
  taken->token_has_word = has_word; /* that pass clears it at the whitespace */
  taken->odd = odd_at < end;
  return end;
}

/* Inside a word (not its first character, no quote waiting for a capital),
 * skips from i the characters that only extend the sentence, and ASCII
 * whitespace followed by a word that begins with such a character, as long
 * as the sentence stays within PRECIS_MAX_SENTENCE_BYTES; returns where the
 * character-by-character pass resumes. Keeps the word bookkeeping that pass
 * would keep. */
static PC_ALWAYS_INLINE size_t skip_plain_run_in(splitter *sp, size_t i, int avx2) {
  size_t limit = sp->len;
  if (limit - sp->start > PRECIS_MAX_SENTENCE_BYTES) limit = sp->start + PRECIS_MAX_SENTENCE_BYTES;
  plain_words taken = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t end;
  for (;;) {
    end = take_plain(sp, i, limit, &taken, avx2);
    /* only a word right before the end can be a list marker ("a." "12)"):
     * then the run ends before it */
    if (!taken.count || end - taken.word_start >= 4 ||
        plain_word_start(sp->s, sp->len, taken.word_start))
      break;
    limit = taken.last_space;
  }
  sp->seen.tokens += taken.tokens;
  sp->seen.odd += (size_t)taken.odd;
  sp->token_has_word = taken.token_has_word;
  if (taken.count) {
    sp->words += taken.count;
    sp->prev_word_cap = taken.prev_word_cap;
    sp->word_cap = taken.word_cap;
    sp->word_start = taken.word_start;
    sp->last_space = taken.last_space;
    sp->has_last_space = 1;
  }
  if (end > i) consume(sp, end, 1);
  return end;
}

static size_t skip_plain_run_plain(splitter *sp, size_t i) { return skip_plain_run_in(sp, i, 0); }

#if PC_BYTES_AVX2
/* skip_plain_run compiled for AVX2 and POPCNT: no branch per punctuation
 * byte (they mispredicted), one instruction to count bits. */
__attribute__((target("avx2,popcnt"))) static size_t skip_plain_run_avx2(splitter *sp, size_t i) {
  return skip_plain_run_in(sp, i, 1);
}
#endif

static inline size_t skip_plain_run(splitter *sp, size_t i) {
#if PC_BYTES_AVX2
  if (sp->avx2) return skip_plain_run_avx2(sp, i);
#endif
  return skip_plain_run_plain(sp, i);
}

/* ---- looking around ----------------------------------------------------- */

static next_token peek_next(const splitter *sp, size_t q) {
  next_token t = {NEXT_END, 0, NO_POS};
  int32_t cp = 0;
  size_t n = 0;
  while (q < sp->len && sp->s[q] == ' ') q++; /* the usual gap, without decoding */
  while (q < sp->len) {
    n = decode(sp->s, sp->len, q, &cp);
    if (!is_space(cp)) break;
    q += n;
  }
  if (q >= sp->len) return t;
  t.paren = cp == '(';
  for (int k = 0; k < PC_SEGMENT_MAX_RUN && is_any_opener(cp); k++) {
    q += n;
    if (q >= sp->len) {
      t.kind = NEXT_OTHER;
      return t;
    }
    n = decode(sp->s, sp->len, q, &cp);
  }
  if (is_upper(cp)) {
    t.kind = NEXT_UPPER;
  } else if (is_letter(cp)) {
    utf8proc_category_t cat = cp < 0x80 ? UTF8PROC_CATEGORY_LL : utf8proc_category(cp);
    t.kind = cat == UTF8PROC_CATEGORY_LL ? NEXT_LOWER : NEXT_UPPER; /* uncased scripts */
  } else if (cp < 0x80 ? (cp >= '0' && cp <= '9') : utf8proc_category(cp) == UTF8PROC_CATEGORY_ND) {
    t.kind = NEXT_DIGIT;
  } else {
    t.kind = NEXT_OTHER;
  }
  t.word_at = q;
  return t;
}

/* The word a next_token begins with, for the word lists: its leading ASCII
 * letters, when nothing but a non-alphanumeric character follows them;
 * else length 0. Only a few rules look at it, so peek_next leaves it to
 * them. */
static size_t next_word(const splitter *sp, const next_token *t, const char **word) {
  size_t q = t->word_at, w = 0;
  *word = NULL;
  if (q == NO_POS) return 0;
  while (q + w < sp->len && w <= PC_SEGMENT_MAX_LIST_WORD &&
         (unsigned)((sp->s[q + w] | 0x20) - 'a') < 26u) /* ASCII letters */
    w++;
  if (w == 0 || w > PC_SEGMENT_MAX_LIST_WORD || letter_or_digit_at(sp, q + w)) return 0;
  *word = (const char *)sp->s + q;
  return w;
}

static int next_is_sentence_starter(const splitter *sp, const next_token *t) {
  const char *word;
  size_t len = next_word(sp, t, &word);
  return pc_abbrev_is_sentence_starter(word, len);
}

static int next_continues_time(const splitter *sp, const next_token *t) {
  const char *word;
  size_t len = next_word(sp, t, &word);
  return pc_abbrev_continues_time(word, len);
}

/* Bytes of an opener starting at p (within [p, end)), or 0. */
static size_t opener_at(const splitter *sp, size_t p, size_t end) {
  int32_t cp;
  size_t n = decode(sp->s, end, p, &cp);
  return is_any_opener(cp) ? n : 0;
}

/* Bytes of a closer ending at p (after start), or 0. */
static size_t closer_before(const splitter *sp, size_t start, size_t p) {
  const unsigned char *s = sp->s;
  if (p > start && (s[p - 1] == ')' || s[p - 1] == ']' || s[p - 1] == '}' || s[p - 1] == '"' ||
                    s[p - 1] == '\''))
    return 1;
  if (p >= start + 3 && s[p - 3] == 0xE2 && s[p - 2] == 0x80 &&
      (s[p - 1] == 0x9D || s[p - 1] == 0x99)) /* ” ’ */
    return 3;
  if (p >= start + 2 && s[p - 2] == 0xC2 && s[p - 1] == 0xBB) return 2; /* » */
  return 0;
}

/* 1 for the ASCII bytes that can close a quote or bracket. */
static const unsigned char ascii_closers[0x80] = {
    [')'] = 1, [']'] = 1, ['}'] = 1, ['"'] = 1, ['\''] = 1};

/* skip_closers from a byte that may be a closer. */
static size_t skip_closers_from(const splitter *sp, size_t q) {
  int32_t cp;
  for (int g = 0; g < PRECIS_MAX_NESTING + PC_SEGMENT_MAX_RUN && q < sp->len; g++) {
    if (sp->s[q] < 0x80 && !ascii_closers[sp->s[q]]) break;
    size_t n = decode(sp->s, sp->len, q, &cp);
    if (closer_kinds(cp) == 0) break;
    if ((cp == '\'' || cp == 0x2019) && letter_or_digit_at(sp, q + n)) break;
    if (cp == 0x201C && !stack_has(sp, K_LOW9)) break;
    q += n;
  }
  return q;
}

/* End of the closing quotes and brackets from q on (not apostrophes); as
 * many as can close something, and a few more. */
static inline size_t skip_closers(const splitter *sp, size_t q) {
  if (q >= sp->len || (sp->s[q] < 0x80 && !ascii_closers[sp->s[q]])) return q; /* the usual */
  return skip_closers_from(sp, q);
}

/* Does s[p, p + n) hold the byte c? n <= PC_SEGMENT_MAX_WORD (32): one
 * block, no libc call, where the text allows the read. */
static int word_has(const splitter *sp, size_t p, size_t n, unsigned char c) {
  if (sp->avail - p < 32) return memchr(sp->s + p, c, n) != NULL;
  uint32_t at = pc_bytes16_eq(pc_bytes16_load(sp->s + p), c) |
                (uint32_t)pc_bytes16_eq(pc_bytes16_load(sp->s + p + 16), c) << 16;
  return (at & (uint32_t)(~(uint64_t)0 >> (64 - n))) != 0;
}

/* Classifies the word [ws, we) before a period (openers and closers around
 * it already removed). */
static word_class classify_word(const splitter *sp, size_t ws, size_t we, int *is_i) {
  const unsigned char *s = sp->s;
  size_t n = we - ws;
  *is_i = 0;
  if (n == 0 || n > PC_SEGMENT_MAX_WORD) return W_NORMAL;

  /* letters separated by periods: U.S  e.g  a.m  Ph.D */
  size_t seg = 0, segments = 1;
  int dotted = word_has(sp, ws, n, '.'), any_upper = 0;
  for (size_t k = ws; k < we && dotted; k++) {
    unsigned char c = s[k];
    if (c == '.') {
      if (seg == 0) dotted = 0;
      seg = 0;
      segments++;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (++seg > 2) dotted = 0;
      if (c <= 'Z') any_upper = 1;
    } else {
      dotted = 0;
    }
  }
  if (dotted && seg > 0 && segments >= 2) {
    if (n == 3 && ((s[ws] | 0x20) == 'a' || (s[ws] | 0x20) == 'p') && (s[ws + 2] | 0x20) == 'm')
      return W_TIME;
    return any_upper ? W_UPPER_DOTS : W_LOWER_DOTS;
  }

  int32_t cp;
  size_t first = decode(s, we, ws, &cp);
  if (first == n && is_upper(cp)) {
    *is_i = cp == 'I';
    return W_INITIAL;
  }
  if (n > 2 && word_has(sp, ws + 1, n - 2, '-')) /* "then-Sen." */
    for (size_t k = we; k > ws + 1; k--)
      if (s[k - 1] == '-' && k < we) {
        ws = k;
        n = we - ws;
        break;
      }
  switch (pc_abbrev_lookup((const char *)s + ws, n)) {
    case PC_ABBREV_GENERAL: return W_GENERAL;
    case PC_ABBREV_NUMBER: return W_NUMBER;
    case PC_ABBREV_PREPOSITIVE:
      /* "Main St. The" is a street; "St. Michael's" a saint */
      if (n == 2 && (s[ws] | 0x20) == 's' && (s[ws + 1] | 0x20) == 't' && sp->words >= 2 &&
          sp->prev_word_cap)
        return W_GENERAL;
      return W_PREPOSITIVE;
    default: return W_NORMAL;
  }
}

/* Does a single period after the word [ws, we) end the sentence? */
static int period_ends(const splitter *sp, size_t ws, size_t we, const next_token *next) {
  int is_i;
  if (next->kind == NEXT_LOWER) return 0;
  switch (classify_word(sp, ws, we, &is_i)) {
    case W_NORMAL: return 1;
    case W_GENERAL: return !next->paren && next->kind != NEXT_DIGIT;
    case W_NUMBER: return next->kind != NEXT_DIGIT;
    case W_PREPOSITIVE: return 0;
    case W_LOWER_DOTS: return 0;
    case W_UPPER_DOTS:
      return next->kind == NEXT_UPPER && next_is_sentence_starter(sp, next);
    case W_TIME:
      /* "At 5 a.m. Mr. Smith" is an opening phrase, not a sentence; "He
       * left the bank at 6 P.M. Mr. Smith" has enough words to be one */
      return next->kind == NEXT_UPPER && !next_continues_time(sp, next) && sp->words >= 5;
    case W_INITIAL:
      if (next->kind != NEXT_UPPER) return 0;
      if (next_is_sentence_starter(sp, next)) return 1;   /* Malcolm X. The */
      if (sp->words >= 2 && sp->prev_word_cap) return 0; /* Albert I. Jones */
      return is_i;                                       /* you and I. Did */
  }
  return 0;
}

/* ---- terminators -------------------------------------------------------- */

/* Consumes the terminator cluster at i (the character there is a
 * terminator and begin_char has run); returns where scanning resumes. */
static size_t on_terminator(splitter *sp, size_t i) {
  const unsigned char *s = sp->s;
  size_t len = sp->len;
  size_t q = i, dots = 0, chars = 0;
  int strong = 0, cjk = 0;
  int32_t cp;
  while (q < len && chars < PC_SEGMENT_MAX_RUN) {
    size_t n = decode(s, len, q, &cp);
    if (!is_terminator(cp)) break;
    if (cp == '.')
      dots++;
    else if (is_cjk_terminator(cp))
      cjk = 1;
    else if (cp != 0x2026)
      strong = 1;
    q += n;
    chars++;
  }
  size_t run_end = q;
  int single_dot = chars == 1 && dots == 1;

  /* spaced dots: ". . ." */
  size_t spaced = 0;
  if (!strong && !cjk) {
    while (spaced < PC_SEGMENT_MAX_RUN && q + 1 < len && s[q] == ' ' && s[q + 1] == '.' &&
           (q + 2 == len || !pc_ascii_is_alnum(s[q + 2]))) {
      q += 2;
      spaced++;
    }
  }
  size_t spaced_end = q;

  /* the word before, without openers and closers around it */
  size_t ws = sp->word_start < i ? sp->word_start : i, we = i;
  int attached = i > ws;
  /* longer words are never abbreviations; most begin and end with a letter
   * or digit, with nothing to strip */
  if (attached && i - ws <= PC_SEGMENT_MAX_WORD &&
      !(pc_ascii_is_alnum(s[ws]) && pc_ascii_is_alnum(s[we - 1]))) {
    size_t k, g = 0;
    while (g++ < PC_SEGMENT_MAX_RUN && (k = closer_before(sp, ws, we)) > 0) we -= k;
    g = 0;
    while (g++ < PC_SEGMENT_MAX_RUN && ws < we && (k = opener_at(sp, ws, we)) > 0) ws += k;
  }

  cluster_kind kind;
  size_t cend = run_end;
  if (cjk) {
    kind = C_CJK;
  } else if (strong) {
    kind = C_STRONG;
  } else if (!attached) {
    if (single_dot) {
      cend = spaced_end;
      kind = spaced == 2 ? C_NONE : C_ELLIPSIS; /* " . . . " never ends */
    } else {
      kind = C_ELLIPSIS;
    }
  } else if (single_dot && spaced == 0) {
    kind = C_DOT;
  } else if (single_dot) {
    next_token after = peek_next(sp, spaced_end);
    cend = spaced_end;
    if (peek_next(sp, skip_closers(sp, spaced_end)).kind == NEXT_END) {
      kind = C_NONE; /* "complex. . . ." at the end */
    } else if (spaced == 3 && after.kind == NEXT_UPPER) {
      kind = C_FIRST_DOT; /* "compounds. . . . The" */
      cend = run_end;
    } else {
      kind = C_ELLIPSIS;
    }
  } else {
    kind = C_ELLIPSIS;
  }
  /* "[...]" marks an omission, not an end */
  if (kind == C_ELLIPSIS && i > 0 && cend < len &&
      ((s[i - 1] == '[' && s[cend] == ']') || (s[i - 1] == '(' && s[cend] == ')')))
    kind = C_NONE;

  /* closing quotes and brackets belong to the sentence */
  size_t close_end = kind == C_FIRST_DOT ? cend : skip_closers(sp, cend);

  fit(sp, i, close_end - i);
  if (cend > run_end) sp->token_has_word = 0; /* spaced dots: the tokens "." have no word */
  for (size_t c = cend; c < close_end;) {
    size_t n = decode(s, len, c, &cp);
    pop_to(sp, closer_kinds(cp));
    c += n;
  }
  consume(sp, close_end, 1);
  if (sp->rc != 0 || kind == C_NONE || close_end >= len) return close_end;

  int32_t after_cp;
  decode(s, len, close_end, &after_cp);
  if (!is_space(after_cp) && kind != C_CJK && kind != C_FIRST_DOT) return close_end;
  next_token next = peek_next(sp, close_end);
  if (next.kind == NEXT_END) return close_end;

  int ends = 0;
  switch (kind) {
    case C_CJK:
    case C_FIRST_DOT: ends = 1; break;
    case C_STRONG: ends = next.kind != NEXT_LOWER; break;
    case C_ELLIPSIS: ends = next.kind == NEXT_UPPER; break;
    case C_DOT: ends = period_ends(sp, ws, we, &next); break;
    case C_NONE: break;
  }
  if (ends) end_sentence(sp, close_end, sp->seen);
  return close_end;
}

/* ---- list markers ------------------------------------------------------- */

enum { M_DOT = 1, M_DOT_PAREN, M_PAREN, M_LETTER_DOT, M_LETTER_PAREN };

/* If a list marker ("1." "1.)" "1)" "a." "a)") that starts or continues a
 * list begins at i, returns its end; else 0. */
static size_t list_marker(splitter *sp, size_t i) {
  const unsigned char *s = sp->s;
  size_t len = sp->len, q = i;
  unsigned value = 0;
  int style;
  if (s[q] >= '0' && s[q] <= '9') {
    while (q < len && q - i < 3 && s[q] >= '0' && s[q] <= '9')
      value = value * 10 + (unsigned)(s[q++] - '0');
    if (q >= len) return 0;
    if (s[q] == '.') {
      q++;
      style = M_DOT;
      if (q < len && s[q] == ')') {
        q++;
        style = M_DOT_PAREN;
      }
    } else if (s[q] == ')') {
      q++;
      style = M_PAREN;
    } else {
      return 0;
    }
  } else if (s[q] >= 'a' && s[q] <= 'z') {
    value = (unsigned)(s[q++] - 'a') + 1;
    if (q >= len || (s[q] != '.' && s[q] != ')')) return 0;
    style = s[q++] == '.' ? M_LETTER_DOT : M_LETTER_PAREN;
  } else {
    return 0;
  }
  if (q >= len || (s[q] != ' ' && s[q] != '\t' && s[q] != '\n')) return 0;
  next_token next = peek_next(sp, q);
  if (next.kind == NEXT_END) return 0;
  int continues = sp->marker_style == style && value == sp->marker_value + 1;
  if (sp->has_content && !continues) return 0;
  if (!sp->has_content && !continues && style >= M_LETTER_DOT && next.kind != NEXT_UPPER) return 0;
  sp->marker_style = style;
  sp->marker_value = value;
  return q;
}

/* ---- the pass ----------------------------------------------------------- */

/* A straight ' : apostrophe, opening or closing quote. */
static void on_straight_single(splitter *sp, size_t i) {
  int letter_after = letter_or_digit_at(sp, i + 1);
  if (!sp->in_space && letter_after) return; /* don't, Jr.'s */
  if (!sp->in_space && stack_has(sp, K_STRAIGHT_SQ)) {
    pop_to(sp, K_STRAIGHT_SQ);
    return;
  }
  if (sp->in_space && letter_after) push(sp, K_STRAIGHT_SQ);
}

static void on_other(splitter *sp, size_t i, int32_t cp, size_t n) {
  int kind = opener_kind(cp);
  if (cp == 0x201C && stack_has(sp, K_LOW9)) {
    pop_to(sp, K_LOW9);
  } else if (kind != 0) {
    push(sp, kind);
  } else if (cp == '"') {
    if (stack_has(sp, K_STRAIGHT_DQ))
      pop_to(sp, K_STRAIGHT_DQ);
    else
      push(sp, K_STRAIGHT_DQ);
  } else if (cp == '\'') {
    on_straight_single(sp, i);
  } else if (cp == 0x2019) {
    if (stack_has(sp, K_SQUOTE) && !letter_or_digit_at(sp, i + n)) pop_to(sp, K_SQUOTE);
  } else if ((kind = closer_kinds(cp)) != 0) {
    pop_to(sp, kind);
  }
}

/* Counts the character cp, not whitespace, in the tally. */
static inline void note_char(splitter *sp, int32_t cp) {
  if (cp == 0) {
    sp->seen.odd++;
  } else if (!sp->token_has_word && is_word_char(cp)) {
    sp->seen.tokens++;
    sp->token_has_word = 1;
  }
}

/* Counts the whitespace character cp at i. */
static inline void note_space(splitter *sp, size_t i, int32_t cp) {
  if (!sp->in_space) {
    sp->odd_at_space = sp->seen.odd;
    if (!sp->need_start) {
      sp->last_space = i;
      sp->has_last_space = 1;
    }
  }
  if (cp != ' ' || sp->in_space) sp->seen.odd++;
  sp->token_has_word = 0;
  sp->in_space = 1;
}

int pc_segment_hinted(const char *text, size_t len, size_t avail, pc_segment_hint_fn cb,
                      void *ctx) {
  splitter sp;
  memset(&sp, 0, offsetof(splitter, stack)); /* paragraphs are short: skip the arrays */
  sp.s = (const unsigned char *)text;
  sp.len = text ? len : 0;
  sp.avail = text && avail > len ? avail : sp.len;
  sp.cb = cb;
  sp.ctx = ctx;
  sp.need_start = 1;
  sp.in_space = 1;
  sp.after_bullet = NO_POS;
#if PC_BYTES_AVX2
  sp.avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
#endif

  size_t i = 0;
  while (i < sp.len && sp.rc == 0) {
    if (!sp.in_space && !sp.need_start && !sp.cap_pending && i != sp.after_bullet) {
      i = skip_plain_run(&sp, i);
      if (i >= sp.len) break;
    }
    int32_t cp;
    size_t n = decode(sp.s, sp.len, i, &cp);
    if (is_space(cp)) {
      note_space(&sp, i, cp);
      i += n;
      continue;
    }

    if (sp.in_space && is_bullet(cp)) {
      if (sp.has_content) end_sentence(&sp, sp.content_end, at_content_end(&sp));
      begin_char(&sp, i, cp);
      fit(&sp, i, n);
      consume(&sp, i + n, 0);
      sp.after_bullet = i + n;
      i += n;
      continue;
    }
    /* a letter is a list marker only with . or ) right after it */
    if ((sp.in_space || i == sp.after_bullet) && cp < 0x80 &&
        ((cp >= '0' && cp <= '9') ||
         (cp >= 'a' && cp <= 'z' && i + 1 < sp.len && (sp.s[i + 1] == '.' || sp.s[i + 1] == ')')))) {
      int had_content = sp.has_content;
      size_t end = list_marker(&sp, i);
      if (end > 0) {
        if (had_content) end_sentence(&sp, sp.content_end, at_content_end(&sp));
        begin_char(&sp, i, cp);
        if (!sp.token_has_word) { /* the marker holds a digit or letter */
          sp.seen.tokens++;
          sp.token_has_word = 1;
        }
        fit(&sp, i, end - i);
        consume(&sp, end, 1);
        i = end;
        continue;
      }
    }

    begin_char(&sp, i, cp);
    if (is_terminator(cp)) {
      i = on_terminator(&sp, i);
      /* the usual start of the next sentence, " A", without two turns of
       * the loop (whose branches mispredicted there) */
      if (sp.need_start && sp.rc == 0 && sp.len - i > 2 && sp.s[i] == ' ' &&
          is_ascii_upper(sp.s[i + 1])) {
        note_space(&sp, i, ' ');
        i++;
        begin_char(&sp, i, sp.s[i]);
        fit(&sp, i, 1);
        note_char(&sp, sp.s[i]);
        consume(&sp, i + 1, 1);
        i++;
      }
      continue;
    }
    fit(&sp, i, n);
    if (stops_plain_run[sp.s[i]]) on_other(&sp, i, cp, n);
    note_char(&sp, cp);
    consume(&sp, i + n, 1);
    i += n;
  }

  if (sp.rc == 0 && sp.npending > 0) apply_pending(&sp);
  if (sp.rc == 0 && !sp.need_start && sp.content_end > sp.start) {
    tally at_end = at_content_end(&sp);
    report(&sp, sp.start, sp.content_end, &at_end);
  }
  return sp.rc;
}

typedef struct unhinted {
  pc_segment_fn cb;
  void *ctx;
} unhinted;

static int drop_hint(void *vctx, size_t start, size_t end, const pc_segment_hint *hint) {
  const unhinted *u = vctx;
  (void)hint;
  return u->cb(u->ctx, start, end);
}

int pc_segment(const char *text, size_t len, pc_segment_fn cb, void *ctx) {
  unhinted u = {cb, ctx};
  return pc_segment_hinted(text, len, len, drop_hint, &u);
}
