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

/* Words are found by the top PC_LEX_BUCKET_BITS bits of their key: a
 * bucket holds the first of a chain of words (usually one; most words of a
 * text are in no list and find an empty bucket, one load). */
#define PC_LEX_BUCKET_BITS 12

typedef struct pc_lex_word {
  uint64_t key;
  uint32_t cls;  /* PC_LEX_* */
  uint32_t next; /* next word of the bucket, 0 = none */
} pc_lex_word;

typedef struct pc_lexicon {
  const uint16_t *bucket;   /* 1 << PC_LEX_BUCKET_BITS word indexes, 0 = none */
  const pc_lex_word *words; /* words[0] is all 0: index 0 ends a chain */
  size_t n_words;
  uint64_t promo_pairs[PC_PROMO_PAIRS][2];
  uint64_t key_by, key_per, key_getty, key_images;
} pc_lexicon;

/* Points lex at the table; returns 0 (mem is unused: nothing is allocated,
 * and nothing can fail). */
int pc_lexicon_init(pc_lexicon *lex, const pc_alloc *mem);

/* Forgets the table (nothing to free). */
void pc_lexicon_free(pc_lexicon *lex);

/* The PC_LEX_* bits of a word key (pc_token.key), 0 when unknown. */
static inline unsigned pc_lexicon_classes(const pc_lexicon *lex, uint64_t key) {
  for (unsigned w = lex->bucket[key >> (64 - PC_LEX_BUCKET_BITS)]; w; w = lex->words[w].next)
    if (lex->words[w].key == key) return lex->words[w].cls;
  return 0u;
}

#endif
