/* The run-time construction the attribution scan's tables had before they
 * became const data: the word index (attribution_index.h) of the lists in
 * attribution_words.h and the outlet name index (outlets.h), built in
 * memory. gen_attribution.c prints them as attribution_table.h and
 * outlet_table.h; the unit tests build them again to check the checked-in
 * tables. Not compiled into the library. */
#ifndef PRECIS_TOOLS_ATTRIBUTION_BUILD_H
#define PRECIS_TOOLS_ATTRIBUTION_BUILD_H

#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"
#include "sources/attribution_index.h"
#include "sources/attribution_words.h"
#include "sources/outlets.h"

typedef struct attr_build {
  pc_attr_index words; /* its slots are `slots` */
  pc_attr_slot *slots;
  char *lowered;       /* lowercase copies of the platforms' words */
  pc_outlet_slot *outlet_slots;
  size_t outlet_cap;   /* a power of two */
  char *outlet_keys;   /* the normalised names */
  size_t outlet_keys_len;
} attr_build;

/* The slot of the outlet index holding `key`, or the empty one where it belongs. */
static pc_outlet_slot *outlet_probe(const attr_build *b, const char *key, size_t n) {
  size_t i = pc_outlet_name_hash(key, n) & (b->outlet_cap - 1);
  for (;; i = (i + 1) & (b->outlet_cap - 1)) {
    pc_outlet_slot *s = &b->outlet_slots[i];
    if (!s->row || (s->key_len == n && memcmp(b->outlet_keys + s->key_off, key, n) == 0)) return s;
  }
}

/* Adds row `row`'s name unless an earlier row has it: lookups then find
 * the first row, as the linear search does. */
static void outlet_add(attr_build *b, size_t row, const char *name) {
  size_t n = pc_outlet_normalize(name, strlen(name), b->outlet_keys + b->outlet_keys_len);
  if (!n) return;
  pc_outlet_slot *s = outlet_probe(b, b->outlet_keys + b->outlet_keys_len, n);
  if (s->row) return;
  s->row = (uint16_t)(row + 1);
  s->key_off = (uint16_t)b->outlet_keys_len;
  s->key_len = (uint16_t)n;
  b->outlet_keys_len += n;
}

/* The outlet index; 0 or -1 (no memory, or more than 16-bit offsets hold). */
static int outlet_build(attr_build *b) {
  /* A normalised name is never longer than the name; pc_outlet_normalize
   * writes a NUL after it, hence the room for one more. */
  size_t key_bytes = PC_MAX_OUTLET_NAME, rows = 0;
  const char *name;
  for (; pc_outlet_row(rows, &name) != NULL; rows++) key_bytes += strlen(name);
  if (key_bytes > UINT16_MAX || rows >= UINT16_MAX) return -1;
  b->outlet_cap = 16;
  while (b->outlet_cap < 2 * rows) b->outlet_cap *= 2;
  b->outlet_slots = calloc(b->outlet_cap, sizeof *b->outlet_slots);
  b->outlet_keys = malloc(key_bytes);
  if (!b->outlet_slots || !b->outlet_keys) return -1;
  for (size_t row = 0; pc_outlet_row(row, &name) != NULL; row++) outlet_add(b, row, name);
  return 0;
}

static void add_word(attr_build *b, const char *word, size_t len, unsigned group) {
  pc_attr_index *w = &b->words;
  size_t h = pc_attr_hash_lower(word, len);
  uint64_t head = pc_attr_word_head(word, len, 0);
  pc_attr_slot *slot = &b->slots[pc_attr_word_probe(w, word, len, h, head) - w->slots];
  w->filter[pc_attr_filter_word(h)] |= pc_attr_filter_bit(h);
  slot->word = word;
  slot->len = len;
  slot->head = head;
  slot->groups |= group;
  if (len > w->max_len) w->max_len = len;
  const unsigned char *u = (const unsigned char *)word;
  unsigned first = pc_attr_skim_class[u[0]], last = pc_attr_skim_class[u[len - 1]];
  if (group & (PC_ATTR_EVIDENCE | PC_ATTR_ACCORDING))
    w->evidence_shape[pc_attr_pair_slot(u[0], u[len - 1])] |= pc_attr_length_bit(len);
  /* PC_ATTR_EVIDENCE is looked up only in chunks already found: a word in no
   * other list is no keyword to the skim. */
  if (pc_attr_skim_letter(first) && pc_attr_skim_letter(last) &&
      (group & ~(unsigned)PC_ATTR_EVIDENCE)) {
    uint64_t bit = (uint64_t)1 << (len % 32);
    w->shape[first * (PC_SKIM_LETTERS + 1) + last] |= group & PC_ATTR_ANCHOR ? bit | bit << 32 : bit;
    if (group & PC_ATTR_ANCHOR) {
      w->anchor_shape[pc_attr_pair_slot(u[0], u[len - 1])] |= pc_attr_length_bit(len - 1);
      w->anchor_start[pc_attr_pair_slot(u[0], u[len > 1])] |= pc_attr_length_bit(len);
    }
  }
}

/* Adds the runs of ASCII letters and digits of `word` (as the skimming pass
 * sees words: "op-ed" is "op" and "ed"), lowercased into *copy when the
 * word has capitals; returns how many (w NULL: counts them). */
static size_t add_pieces(attr_build *b, const char *word, unsigned group, char **copy) {
  size_t count = 0;
  for (size_t i = 0; word[i];) {
    if (!pc_ascii_is_alnum((unsigned char)word[i])) { i++; continue; }
    size_t start = i;
    while (word[i] && pc_ascii_is_alnum((unsigned char)word[i])) i++;
    count++;
    if (!b) continue;
    const char *piece = word + start;
    if (copy) {
      for (size_t k = start; k < i; k++) (*copy)[k - start] = (char)pc_attr_lower_byte(word[k]);
      piece = *copy;
      *copy += i - start;
    }
    add_word(b, piece, i - start, group);
  }
  return count;
}

/* The first run of ASCII letters and digits of key[0, n) in *len (0 if
 * none); returns where it starts. */
static const char *first_run(const char *key, size_t n, size_t *len) {
  size_t i = 0;
  while (i < n && !pc_ascii_is_alnum((unsigned char)key[i])) i++;
  size_t start = i;
  while (i < n && pc_ascii_is_alnum((unsigned char)key[i])) i++;
  *len = i - start;
  return key + start;
}

/* Hashes every listed word with the lists it is in, and the PC_ATTR_EVIDENCE
 * words, the first words of the outlet index's names among them. */
static int words_build(attr_build *b) {
  pc_attr_index *w = &b->words;
  size_t n_lists = sizeof word_lists / sizeof word_lists[0], count = 0;
  size_t n_anchor_lists = sizeof anchor_lists / sizeof anchor_lists[0];
  size_t n_evidence_lists = sizeof evidence_lists / sizeof evidence_lists[0];
  for (size_t l = 0; l < n_lists; l++)
    for (size_t i = 0; word_lists[l].words[i]; i++) count++;
  for (size_t l = 0; l < n_anchor_lists; l++)
    for (size_t i = 0; anchor_lists[l][i]; i++)
      count += add_pieces(NULL, anchor_lists[l][i], 0, NULL);
  for (size_t l = 0; l < n_evidence_lists; l++)
    for (size_t i = 0; evidence_lists[l][i]; i++)
      count += add_pieces(NULL, evidence_lists[l][i], 0, NULL);
  for (size_t s = 0; s < b->outlet_cap; s++) count += b->outlet_slots[s].row != 0;
  size_t cursor = 0, lowered = 0;
  for (const char *name; (name = pc_outlet_platform_name(&cursor)) != NULL;) {
    count += add_pieces(NULL, name, 0, NULL);
    lowered += strlen(name);
  }
  memset(w, 0, sizeof *w);
  w->cap = 16;
  while (w->cap < 2 * count) w->cap *= 2;
  b->slots = calloc(w->cap, sizeof *b->slots);
  b->lowered = malloc(lowered + 1);
  if (!b->slots || !b->lowered) return -1;
  w->slots = b->slots;
  for (size_t l = 0; l < n_lists; l++)
    for (size_t i = 0; word_lists[l].words[i]; i++)
      add_word(b, word_lists[l].words[i], strlen(word_lists[l].words[i]), word_lists[l].group);
  for (size_t l = 0; l < n_anchor_lists; l++)
    for (size_t i = 0; anchor_lists[l][i]; i++)
      add_pieces(b, anchor_lists[l][i], PC_ATTR_ANCHOR, NULL);
  cursor = 0;
  char *copy = b->lowered;
  for (const char *name; (name = pc_outlet_platform_name(&cursor)) != NULL;)
    add_pieces(b, name, PC_ATTR_ANCHOR | PC_ATTR_PLATFORM_WORD, &copy);
  for (size_t l = 0; l < n_evidence_lists; l++)
    for (size_t i = 0; evidence_lists[l][i]; i++)
      add_pieces(b, evidence_lists[l][i], PC_ATTR_EVIDENCE, NULL);
  for (size_t s = 0; s < b->outlet_cap; s++) {
    const pc_outlet_slot *o = &b->outlet_slots[s];
    if (!o->row) continue;
    size_t run_len;
    const char *run = first_run(b->outlet_keys + o->key_off, o->key_len, &run_len);
    if (run_len) add_word(b, run, run_len, PC_ATTR_EVIDENCE);
  }
  return 0;
}

/* Frees what attr_build_init made. */
static void attr_build_free(attr_build *b) {
  free(b->slots);
  free(b->lowered);
  free(b->outlet_slots);
  free(b->outlet_keys);
  memset(b, 0, sizeof *b);
}

/* Builds both indexes; 0, or -1 (then nothing to free). */
static int attr_build_init(attr_build *b) {
  memset(b, 0, sizeof *b);
  if (outlet_build(b) != 0 || words_build(b) != 0) {
    attr_build_free(b);
    return -1;
  }
  return 0;
}

#endif
