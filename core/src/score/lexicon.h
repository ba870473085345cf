/* Small closed word lists the detectors look words up in (stop words,
 * speech verbs, months, units, ...), as one hash table of class bits: const
 * data generated from the lists (lexicon_words.h, lexicon_table.h); a
 * handle (handle.h) holds the keys of a few words besides.
 * English only: other languages still get position, entities, figures and
 * centrality. */
#ifndef PRECIS_SCORE_LEXICON_H
#define PRECIS_SCORE_LEXICON_H

#include <stdint.h>

#include "base/mem.h"

enum {
  PC_LEX_STOP = 1u << 0,      /* function words: not content, not entities */
  PC_LEX_SPEECH = 1u << 1,    /* said, told, added: attribution of a quote */
  PC_LEX_MONTH = 1u << 2,     /* January .. December, Jan .. Dec */
  PC_LEX_WEEKDAY = 1u << 3,   /* Monday .. Sunday, yesterday, today */
  PC_LEX_UNIT = 1u << 4,      /* kilometres, miles, tonnes, barrels, years */
  PC_LEX_CURRENCY = 1u << 5,  /* dollars, pounds, euros, yuan */
  PC_LEX_SCALE = 1u << 6,     /* million, billion, bn, m, thousand */
  PC_LEX_PERCENT = 1u << 7,   /* percent, percentage, cent (per cent) */
  PC_LEX_HONORIFIC = 1u << 8, /* Mr, Mrs, Dr, Sir, President: start a name */
  PC_LEX_PRONOUN = 1u << 9,   /* he, she, they: a speaker of a quote */
  PC_LEX_PROMO = 1u << 10,    /* subscribe, newsletter, advertisement */
  PC_LEX_COUNT = 1u << 11,    /* dozens, hundreds, thousands: spelled counts */
  PC_LEX_DATELINE = 1u << 12, /* published, updated, gmt, bst: stamp lines */
  PC_LEX_CONNECT = 1u << 13,  /* of, de, van, al: inside a multi-word name */
  PC_LEX_LINK = 1u << 14,     /* http, https, www */
  PC_LEX_CAPTION = 1u << 15,  /* credit, photo, pictured: before a colon */
  PC_LEX_PAIR = 1u << 16,     /* first word of a promotional pair ("click here") */
  PC_LEX_GETTY = 1u << 17     /* "getty" of a "Getty Images" credit */
};

/* Promotional and navigation phrases, as word pairs ("click here"). */
#define PC_PROMO_PAIRS 16

/* A word is found in one slot of a table of 2^PC_LEX_SLOT_BITS: with
 * y = key * mul (mul odd, so y stands for the key one to one) its slot is
 * y's top PC_LEX_SLOT_BITS bits, and the slot holds y's other bits above the
 * word's entry (PC_LEX_ENTRY_*), so a lookup is one load and a compare. The
 * generator picks mul so that words share a slot as little as it can
 * (21 of 475 words in 2048 slots, 16 KB, as the old two tables; in 8192 none
 * would, but the table would not stay in cache); a word that finds its
 * slot taken is listed in `overflow`, its slot marked. */
#define PC_LEX_SLOT_BITS 11

/* A word's entry: its role bits and the index of its classes. */
enum {
  PC_LEX_ENTRY_CHAINED = 1u, /* (of a slot) more words of the slot are in overflow */
  PC_LEX_ENTRY_ROLE = 6u,    /* pc_lex_role of its classes (score/view.h) */
  PC_LEX_ENTRY_CLASSES = 3   /* from this bit on: its classes' index in pc_lex_classes */
};

/* The entry of a word in no list: classes[0] is 0, and it is content. */
#define PC_LEX_ENTRY_NONE 4u

typedef struct pc_lex_word {
  uint64_t key;
  uint32_t entry; /* PC_LEX_ENTRY_* */
} pc_lex_word;

typedef struct pc_lexicon {
  uint64_t promo_pairs[PC_PROMO_PAIRS][2];
  uint64_t key_by, key_per, key_getty, key_images;
} pc_lexicon;

/* The table's constants (PC_LEX_TABLE_MUL, odd, and the counts). */
#include "score/lexicon_table.h"

/* The table itself, const data in lexicon.c: read directly, so that the
 * tokenizer's loop holds no pointer to it and the multiplier is an
 * immediate (every handle has the same lists). */
extern const uint64_t pc_lex_slots[(size_t)1 << PC_LEX_SLOT_BITS]; /* y << bits | entry */
extern const uint32_t pc_lex_classes[PC_LEX_TABLE_CLASSES];        /* PC_LEX_* sets */
/* The words whose slot was taken, then {0, PC_LEX_ENTRY_NONE}. */
extern const pc_lex_word pc_lex_overflow[PC_LEX_TABLE_OVERFLOW + 1];

/* Points lex at the table; returns 0 (mem is unused: nothing is allocated,
 * and nothing can fail). */
int pc_lexicon_init(pc_lexicon *lex, const pc_alloc *mem);

/* Forgets the table (nothing to free). */
void pc_lexicon_free(pc_lexicon *lex);

/* The index of the slot of y = key * PC_LEX_TABLE_MUL. */
static inline size_t pc_lexicon_slot(uint64_t y) { return (size_t)(y >> (64 - PC_LEX_SLOT_BITS)); }

/* Slot value `slot` XOR y << PC_LEX_SLOT_BITS: below 2^PC_LEX_SLOT_BITS,
 * and then the word's entry, when the slot holds the word of y. */
static inline uint64_t pc_lexicon_match(uint64_t slot, uint64_t y) {
  return slot ^ (y << PC_LEX_SLOT_BITS);
}

/* The entry of the word of key `key` among the overflow words (its slot is
 * marked PC_LEX_ENTRY_CHAINED); PC_LEX_ENTRY_NONE when not there. */
static inline unsigned pc_lexicon_overflow_entry(uint64_t key) {
  const pc_lex_word *w = pc_lex_overflow;
  while (w->key && w->key != key) w++; /* ends on {0, PC_LEX_ENTRY_NONE} */
  return w->entry;
}

/* The entry (PC_LEX_ENTRY_*) of the word of key `key`; PC_LEX_ENTRY_NONE
 * when it is in no list. */
static inline unsigned pc_lexicon_entry(uint64_t key) {
  uint64_t y = key * PC_LEX_TABLE_MUL, slot = pc_lex_slots[pc_lexicon_slot(y)];
  uint64_t m = pc_lexicon_match(slot, y);
  if (m < (1u << PC_LEX_SLOT_BITS)) return (unsigned)m & ~(unsigned)PC_LEX_ENTRY_CHAINED;
  if (slot & PC_LEX_ENTRY_CHAINED) return pc_lexicon_overflow_entry(key);
  return PC_LEX_ENTRY_NONE;
}

/* The PC_LEX_* bits of a word key (pc_token.key), 0 when unknown. */
static inline unsigned pc_lexicon_classes(const pc_lexicon *lex, uint64_t key) {
  (void)lex;
  return pc_lex_classes[pc_lexicon_entry(key) >> PC_LEX_ENTRY_CLASSES];
}

#endif
