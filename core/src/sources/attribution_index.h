/* The words the attribution scan (attribution.c) looks up, as one const
 * hash index of PC_ATTR_* list bits with the skim's prefilters: generated from
 * the word lists (attribution_words.h) into attribution_table.h by
 * `make lexicon-table` (tools/lexicon/gen_attribution.c), so that no
 * handle builds anything. The hashes below are the ones the table was
 * made with: change one, regenerate the table. */
#ifndef PRECIS_SOURCES_ATTRIBUTION_INDEX_H
#define PRECIS_SOURCES_ATTRIBUTION_INDEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/bytes16.h"

/* The word lists a token is in, looked up once when it is made, so the
 * matching tests bits instead of comparing strings. */
enum {
  PC_ATTR_ACCORDING = 1u << 0,
  PC_ATTR_INTERVIEW = 1u << 1,
  PC_ATTR_CITING = 1u << 2,
  PC_ATTR_ON_TO = 1u << 3,
  PC_ATTR_DETERMINER = 1u << 4,
  PC_ATTR_REPORT_NOUN = 1u << 5,
  PC_ATTR_ANAPHOR_NOUN = 1u << 6,
  PC_ATTR_REPORT_ADJECTIVE = 1u << 7,
  PC_ATTR_SUBJECT_VERB = 1u << 8,
  PC_ATTR_SUBJECT_AUX = 1u << 9,
  PC_ATTR_BY_ANY = 1u << 10,
  PC_ATTR_BY_MEDIA = 1u << 11,
  PC_ATTR_TELL_VERB = 1u << 12,
  PC_ATTR_TO_VERB = 1u << 13,
  PC_ATTR_IN_VERB = 1u << 14,
  PC_ATTR_PLATFORM_CUE = 1u << 15,
  PC_ATTR_POST_NOUN = 1u << 16,
  PC_ATTR_NOT_NAME = 1u << 17,
  PC_ATTR_CONNECTOR = 1u << 18,
  PC_ATTR_OUTLET_WORD = 1u << 19,  /* pc_outlet_word() */
  PC_ATTR_MEDIA_PERSON = 1u << 20, /* pc_media_role() */
  PC_ATTR_MEDIA_NOUN = 1u << 21,
  /* Not read by the matching: the skimming pass's words (see below). */
  PC_ATTR_ANCHOR = 1u << 22,        /* some match needs this word to emit */
  PC_ATTR_PLATFORM_WORD = 1u << 23, /* a word of a platform's name */
  PC_ATTR_LITERAL = 1u << 24,       /* compared by is() and in no list above */
  PC_ATTR_EVIDENCE = 1u << 25       /* see chunk_may_emit() */
};

/* The skimming pass's byte classes: 0 for most bytes, 1-36 for ASCII
 * letters (either case) and digits, then bytes that are tokens of their
 * own or spaces. */
enum {
  PC_SKIM_OTHER = 0,
  PC_SKIM_LETTERS = 36,
  PC_SKIM_END,
  PC_SKIM_DOT,
  PC_SKIM_PAREN,
  PC_SKIM_CLOSE,
  PC_SKIM_SPACE
};

static const unsigned char pc_attr_skim_class[256] = {
    ['a'] = 1, ['A'] = 1, ['b'] = 2, ['B'] = 2, ['c'] = 3, ['C'] = 3, ['d'] = 4, ['D'] = 4,
    ['e'] = 5, ['E'] = 5, ['f'] = 6, ['F'] = 6, ['g'] = 7, ['G'] = 7, ['h'] = 8, ['H'] = 8,
    ['i'] = 9, ['I'] = 9, ['j'] = 10, ['J'] = 10, ['k'] = 11, ['K'] = 11,
    ['l'] = 12, ['L'] = 12, ['m'] = 13, ['M'] = 13, ['n'] = 14, ['N'] = 14,
    ['o'] = 15, ['O'] = 15, ['p'] = 16, ['P'] = 16, ['q'] = 17, ['Q'] = 17,
    ['r'] = 18, ['R'] = 18, ['s'] = 19, ['S'] = 19, ['t'] = 20, ['T'] = 20,
    ['u'] = 21, ['U'] = 21, ['v'] = 22, ['V'] = 22, ['w'] = 23, ['W'] = 23,
    ['x'] = 24, ['X'] = 24, ['y'] = 25, ['Y'] = 25, ['z'] = 26, ['Z'] = 26, ['0'] = 27,
    ['1'] = 28, ['2'] = 29, ['3'] = 30, ['4'] = 31, ['5'] = 32, ['6'] = 33, ['7'] = 34,
    ['8'] = 35, ['9'] = 36, [','] = PC_SKIM_END, [';'] = PC_SKIM_END, [':'] = PC_SKIM_END,
    ['!'] = PC_SKIM_END, ['?'] = PC_SKIM_END, ['"'] = PC_SKIM_END, ['.'] = PC_SKIM_DOT,
    ['('] = PC_SKIM_PAREN, [')'] = PC_SKIM_CLOSE, [' '] = PC_SKIM_SPACE, ['\t'] = PC_SKIM_SPACE,
    ['\n'] = PC_SKIM_SPACE, ['\r'] = PC_SKIM_SPACE, ['\f'] = PC_SKIM_SPACE,};

static inline int pc_attr_skim_letter(unsigned k) { return k - 1u < PC_SKIM_LETTERS; }

/* Lowercase keyword -> the PC_ATTR_* lists it is in; open addressing. */
typedef struct pc_attr_slot {
  const char *word;    /* NULL = empty */
  size_t len;
  uint64_t head;       /* pc_attr_word_head() of the word */
  unsigned groups;
} pc_attr_slot;

typedef struct pc_attr_index {
  const pc_attr_slot *slots;
  size_t cap;          /* a power of two */
  size_t max_len;      /* longest keyword */
  uint64_t filter[64]; /* a bit per hash of every keyword: most words are
                          turned away here, without a probe */
  /* By the pc_attr_skim_class of a keyword's first and last letters: bit
   * length % 32 set, and bit 32 + length % 32 for a PC_ATTR_ANCHOR word. Most
   * words are turned away here, without a hash. */
  uint64_t shape[(PC_SKIM_LETTERS + 1) * (PC_SKIM_LETTERS + 1)];
  /* The same for the PC_ATTR_ANCHOR words alone, by their first and last bytes'
   * low five bits (a digit shares them with a letter): cheaper to look up.
   * Here the bit is pc_attr_length_bit(length - 1): one subtraction less a run. */
  uint32_t anchor_shape[32 * 32];
  /* The same by their first two bytes (the one byte of a one-byte word
   * twice): a second look at what anchor_shape lets through. */
  uint32_t anchor_start[32 * 32];
  /* The same as anchor_shape for the PC_ATTR_EVIDENCE and PC_ATTR_ACCORDING words. */
  uint32_t evidence_shape[32 * 32];
} pc_attr_index;

/* The slot of anchor_shape, anchor_start and evidence_shape for a word's
 * two bytes a and b, and the bit of its length there: low five bits of
 * each byte (case folded; a digit shares them with a letter), length mod
 * 32, so a hit is a candidate to confirm, a miss is certain. */
static inline unsigned pc_attr_pair_slot(unsigned char a, unsigned char b) {
  return (a & 31u) * 32 + (b & 31u);
}
static inline uint32_t pc_attr_length_bit(size_t len) { return (uint32_t)1 << (len % 32); }

static inline unsigned char pc_attr_lower_byte(char c) {
  return (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* Hashes a word by its length and the pc_attr_skim_class of its first and last
 * letters (the same in either case): that tells the keywords apart well
 * enough and costs the same for any word. */
static inline size_t pc_attr_hash_shape(unsigned first, unsigned last, size_t n) {
  /* 64-bit whatever size_t is: the generated table holds these hashes */
  uint64_t h = ((uint64_t)first << 16) ^ ((uint64_t)last << 8) ^ (uint64_t)n;
  h = (h ^ (h >> 7)) * 2654435761u;
  return (size_t)(h ^ (h >> 13));
}

static inline size_t pc_attr_hash_lower(const char *s, size_t n) {
  return pc_attr_hash_shape(pc_attr_skim_class[(unsigned char)s[0]],
                            pc_attr_skim_class[(unsigned char)s[n - 1]], n);
}

/* Where hash h has its filter bit: bits of h that the slot does not use. */
static inline size_t pc_attr_filter_word(size_t h) { return (h >> 20) & 63; }
static inline uint64_t pc_attr_filter_bit(size_t h) { return (uint64_t)1 << ((h >> 26) & 63); }

/* The first eight bytes of the word s[0, n) lowercased (zeros after a
 * shorter one), as one number: most keywords are compared at once. Eight
 * bytes are read at once, lowercased together, where `room` (the bytes
 * readable from s) and the byte order allow. */
static inline uint64_t pc_attr_word_head(const char *s, size_t n, size_t room) {
  uint64_t v;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (room >= 8) {
    memcpy(&v, s, 8);
    if (n < 8) v &= ((uint64_t)1 << (8 * n)) - 1;
    return v | pc_swar_ascii_in(v, 'A', 'Z') >> 2; /* 'A'..'Z' get 0x20 */
  }
#else
  (void)room;
#endif
  unsigned char bytes[8] = {0};
  for (size_t k = 0; k < n && k < 8; k++) bytes[k] = pc_attr_lower_byte(s[k]);
  memcpy(&v, bytes, 8);
  return v;
}

/* The slot of the keyword s[0, n) (ASCII letters in any case) with hash h
 * and pc_attr_word_head `head`, or the empty slot where it belongs. */
static inline const pc_attr_slot *pc_attr_word_probe(const pc_attr_index *w, const char *s,
                                                     size_t n, size_t h, uint64_t head) {
  for (size_t i = h & (w->cap - 1);; i = (i + 1) & (w->cap - 1)) {
    const pc_attr_slot *slot = &w->slots[i];
    if (!slot->word) return slot;
    if (slot->len != n || slot->head != head) continue;
    size_t k = 8;
    while (k < n && pc_attr_lower_byte(s[k]) == (unsigned char)slot->word[k]) k++;
    if (k >= n) return slot;
  }
}

/* The PC_ATTR_* lists of the word s[0, n), with `room` bytes readable from s. */
static inline unsigned pc_attr_word_groups(const pc_attr_index *w, const char *s, size_t n,
                                           size_t room) {
  if (n == 0 || n > w->max_len) return 0;
  size_t h = pc_attr_hash_lower(s, n);
  if (!(w->filter[pc_attr_filter_word(h)] & pc_attr_filter_bit(h))) return 0;
  return pc_attr_word_probe(w, s, n, h, pc_attr_word_head(s, n, room))->groups;
}

#endif
