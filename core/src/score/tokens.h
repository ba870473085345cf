/* Word tokens of one sentence, with the classes the feature detectors need:
 * capitalisation (via utf8proc categories, so Cyrillic or Greek names count),
 * numbers, punctuation, and casefolded hashes for counting terms. */
#ifndef PRECIS_SCORE_TOKENS_H
#define PRECIS_SCORE_TOKENS_H

#include <stddef.h>
#include <stdint.h>

#include "base/mem.h"

typedef enum pc_token_kind {
  PC_TOK_WORD = 1,   /* letters (and inner apostrophes): "Putin", "don't" */
  PC_TOK_NUMBER = 2, /* starts with a digit: "2.5", "1,000", "1.13bn", "9:25pm" */
  PC_TOK_PUNCT = 3   /* one other character: "$", "%", "“", "?" */
} pc_token_kind;

enum {
  PC_TOKF_CAPITAL = 1,   /* first letter is upper or title case */
  PC_TOKF_ALL_UPPER = 2, /* two or more letters, none lower case: "NATO" */
  PC_TOKF_NON_ASCII = 4, /* holds a non-ASCII letter */
  PC_TOKF_CASELESS = 8   /* letters of a script without case (CJK, Arabic) */
};

/* What the scorer's token pass lists a token as (score/view.h says when). */
enum {
  PC_ROLE_CAP = 1,     /* a capitalised word (PC_TOKF_CAPITAL) */
  PC_ROLE_MARK = 2,    /* a sign a figure, quote or penalty detector reads */
  PC_ROLE_CONTENT = 4  /* a content word (score/content.h) */
};

typedef struct pc_token {
  uint32_t off;      /* byte offset in the sentence text */
  uint32_t len;      /* bytes */
  uint8_t kind;      /* pc_token_kind */
  uint8_t flags;     /* PC_TOKF_* */
  uint16_t letters;  /* letters (or digits) in the token */
  uint32_t cp;       /* PUNCT: the code point; else the first code point */
  uint32_t cls;      /* word-list classes (PC_LEX_*), set by pc_view_init */
  uint8_t role;      /* PC_ROLE_*, set with cls (pc_token_role; as for no class by pc_tokenize) */
  uint64_t key;      /* hash of the casefolded word, possessive 's dropped */
  uint64_t stem;     /* hash of its first PC_STEM_PREFIX letters */
} pc_token;

/* Words are compared by their first letters only: a cheap stemmer that maps
 * "minerals"/"mineral", "presidential"/"president" together and is language
 * neutral. Six letters keep short different words apart. */
#define PC_STEM_PREFIX 6

/* Tokenises text[0..len) into `out` (a pc_vec of pc_token, cleared first).
 * Returns 0, or -1 when memory runs out. Linear in len. */
int pc_tokenize(const pc_alloc *mem, const char *text, size_t len, pc_vec *out);

/* The key pc_tokenize gives a lowercase ASCII word (for word lists). */
uint64_t pc_word_key(const char *word);

#endif
