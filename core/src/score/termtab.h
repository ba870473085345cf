/* An open-addressing hash map from 64-bit term hashes to dense ids (term and
 * entity statistics in scoring, fingerprints of taken sentences in
 * selection). All memory through pc_alloc. */
#ifndef PRECIS_SCORE_TERMTAB_H
#define PRECIS_SCORE_TERMTAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/mem.h"

/* 0 marks an empty slot, so a key that hashes to 0 is stored as 1. */
static inline uint64_t pc_termtab_key(uint64_t key) { return key ? key : 1; }

/* Keys are word hashes (score/wordhash.h), already mixed in every bit. */
static inline size_t pc_termtab_index(uint64_t key, size_t cap) {
  return (size_t)key & (cap - 1);
}

/* A hash map from 64-bit term hashes to dense ids, 0, 1, 2... in the order
 * the keys are first added, each with an entry of the caller's (its
 * statistics) in an array by id, and a 32-bit word of the caller's in the
 * key's slot. The slot holds the whole key, so a lookup reads one cache line
 * (and a caller that counts in the slot's word no other); the entries, in
 * the order keys are first met, are dense for the keys met most. Keys are
 * mapped by pc_termtab_key, so a key of 0 is the key 1. */
typedef struct pc_idtab_slot {
  uint64_t key;
  uint32_t id1;  /* id + 1; 0 = empty slot */
  uint32_t word; /* the caller's, 0 when the key is added */
} pc_idtab_slot;

typedef struct pc_idtab {
  const pc_alloc *mem;
  pc_idtab_slot *slots;
  char *entries;     /* by id, 1 << entry_shift bytes each */
  unsigned entry_shift;
  size_t cap;        /* slots: a power of two, or 0 */
  size_t mask;       /* cap - 1; 0 with cap 0, slots then one empty slot */
  size_t len;        /* ids given */
  size_t entries_cap;
} pc_idtab;

/* Not found by pc_idtab_find, and out of memory for pc_idtab_add. */
#define PC_IDTAB_NONE UINT32_MAX

/* An empty map whose entries take entry_size bytes (a power of two). */
void pc_idtab_init(pc_idtab *t, const pc_alloc *mem, size_t entry_size);
void pc_idtab_free(pc_idtab *t);

/* Room for `n` keys in all without growing (sizing the table from an
 * estimate saves rehashing it as it fills). 0, or -1 when memory runs out. */
int pc_idtab_reserve(pc_idtab *t, size_t n);

/* The entry of id; valid until the next pc_idtab_add or pc_idtab_reserve. */
static inline void *pc_idtab_entry(const pc_idtab *t, uint32_t id) {
  return t->entries + ((size_t)id << t->entry_shift);
}

/* The slot of key (mapped by pc_termtab_key) in slots[0..mask], or NULL:
 * pc_idtab_slot_of for a caller that keeps a table's slots and mask in
 * locals while it writes to slots (through which, as far as the compiler
 * knows, the table could change, and would be read again for every key). */
static inline pc_idtab_slot *pc_idtab_probe(pc_idtab_slot *slots, size_t mask, uint64_t key) {
  for (size_t i = (size_t)key & mask;; i = (i + 1) & mask) {
    pc_idtab_slot *s = &slots[i];
    if (s->key == key) return s; /* an empty slot's key is 0, never a key */
    if (s->id1 == 0) return NULL;
  }
}

/* The slot of key, or NULL; valid until the next pc_idtab_add or
 * pc_idtab_reserve. Inline: every word of a text is looked up. */
static inline pc_idtab_slot *pc_idtab_slot_of(const pc_idtab *t, uint64_t key) {
  return pc_idtab_probe(t->slots, t->mask, pc_termtab_key(key));
}

/* Starts loading the slot of slots[0..mask] a lookup of key reads first:
 * a caller that knows its next keys asks for all of them before it looks
 * any up, so that their cache misses overlap (a lookup waits for its slot,
 * and a mispredicted branch on it holds up the lookups after it). */
static inline void pc_idtab_prefetch(const pc_idtab_slot *slots, size_t mask, uint64_t key) {
#if defined(__GNUC__) /* gcc and clang; elsewhere the lookups just wait */
  __builtin_prefetch(&slots[(size_t)key & mask]); /* key 0 (stored as 1): a neighbour, harmless */
#else
  (void)slots, (void)mask, (void)key;
#endif
}

/* The id of key, or PC_IDTAB_NONE. */
static inline uint32_t pc_idtab_find(const pc_idtab *t, uint64_t key) {
  const pc_idtab_slot *s = pc_idtab_slot_of(t, key);
  return s ? s->id1 - 1 : PC_IDTAB_NONE;
}

/* Adds a key pc_idtab_find did not find: its slot, whose id1 - 1 is its id
 * (the number of keys before it), or NULL when memory runs out. The word is
 * 0; the caller sets the entry. */
pc_idtab_slot *pc_idtab_add(pc_idtab *t, uint64_t key);

/* Adds the keys of `from` to `t` in the order of their ids in `from`, as if
 * `t` had been given them after its own: ids[i] gets the id in `t` of the
 * key whose id in `from` is i (room for from->len), keys new to `t` get
 * entries of zero bytes, and every slot word becomes
 * merge_word(its word in t, 0 when new; its word in from). 0, or -1 when
 * memory runs out (`t` then holds some of the keys). */
int pc_idtab_merge(pc_idtab *t, const pc_idtab *from, uint32_t *ids,
                   uint32_t (*merge_word)(uint32_t t_word, uint32_t from_word));
/* Copies each key's slot word to its entry, whose first 4 bytes it becomes
 * (entries of 4 bytes or more): for a caller that counted in the words and
 * now reads the counts by id. */
void pc_idtab_words_to_entries(pc_idtab *t);

#endif
