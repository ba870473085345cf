/* Small closed word lists the detectors look words up in (stop words,
 * speech verbs, months, units, ...), as one hash table of class bits: const
 * data generated from the lists (lexicon_words.h, lexicon_table.h) that a
 * handle (handle.h) points at.
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

/* A word's slot is the top PC_LEX_SLOT_BITS bits of its key times the
 * table's multiplier, which the generator picks so that words share a slot
 * as little as it can (4 of 475 in 4096 slots, 64 KB; 8192 slots would
 * take none, but twice the cache): a lookup is one load and a compare. A
 * word that finds its slot taken is chained from it in `overflow`. */
#define PC_LEX_SLOT_BITS 12

typedef struct pc_lex_slot {
  uint64_t key;  /* 0 = empty */
  uint32_t cls;  /* PC_LEX_* */
  uint8_t role;  /* pc_lex_role(cls) (score/view.h); PC_ROLE_CONTENT when empty */
  uint8_t pad;
  uint16_t next; /* 1 + index in overflow of the next word of the slot, 0 = none */
} pc_lex_slot;

typedef struct pc_lexicon {
  const pc_lex_slot *slots;    /* 1 << PC_LEX_SLOT_BITS */
  const pc_lex_slot *overflow; /* words whose slot was taken, chained by next */
  uint64_t mul;                /* odd: slot = (key * mul) >> (64 - PC_LEX_SLOT_BITS) */
  size_t n_overflow;
  uint64_t promo_pairs[PC_PROMO_PAIRS][2];
  uint64_t key_by, key_per, key_getty, key_images;
} pc_lexicon;

/* Points lex at the table; returns 0 (mem is unused: nothing is allocated,
 * and nothing can fail). */
int pc_lexicon_init(pc_lexicon *lex, const pc_alloc *mem);

/* Forgets the table (nothing to free). */
void pc_lexicon_free(pc_lexicon *lex);

/* The slot where a word of key `key` is, if it is in a list. */
static inline const pc_lex_slot *pc_lexicon_slot(const pc_lexicon *lex, uint64_t key) {
  return &lex->slots[(key * lex->mul) >> (64 - PC_LEX_SLOT_BITS)];
}

/* The word of key `key` when it is in a list, else NULL. */
static inline const pc_lex_slot *pc_lexicon_find(const pc_lexicon *lex, uint64_t key) {
  const pc_lex_slot *s = pc_lexicon_slot(lex, key);
  if (s->key == key) return s;
  for (unsigned w = s->next; w; w = lex->overflow[w - 1].next)
    if (lex->overflow[w - 1].key == key) return &lex->overflow[w - 1];
  return NULL;
}

/* The PC_LEX_* bits of a word key (pc_token.key), 0 when unknown. */
static inline unsigned pc_lexicon_classes(const pc_lexicon *lex, uint64_t key) {
  const pc_lex_slot *s = pc_lexicon_find(lex, key);
  return s ? s->cls : 0u;
}

#endif
