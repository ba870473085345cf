/* Linear probing, grown to keep the load at most one half. */
#include "score/termtab.h"

#include <string.h>

/* The slots of an empty table: a lookup needs no test for one. Never
 * written: the first add allocates slots. */
static const pc_idtab_slot no_slots[1];

void pc_idtab_init(pc_idtab *t, const pc_alloc *mem, size_t entry_size) {
  memset(t, 0, sizeof *t);
  t->mem = mem;
  t->slots = (pc_idtab_slot *)no_slots;
  while (((size_t)1 << t->entry_shift) < entry_size) t->entry_shift++;
}

void pc_idtab_free(pc_idtab *t) {
  if (t->cap) pc_free(t->mem, t->slots);
  pc_free(t->mem, t->entries);
  pc_idtab_init(t, t->mem, (size_t)1 << t->entry_shift);
}

/* Rehashes into `cap` slots (a power of two, more than twice len). */
static int idtab_rehash(pc_idtab *t, size_t cap) {
  pc_idtab_slot *slots = pc_calloc(t->mem, cap, sizeof *slots);
  if (!slots) return -1;
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->slots[i].id1) continue;
    size_t j = pc_termtab_index(t->slots[i].key, cap);
    while (slots[j].id1) j = (j + 1) & (cap - 1);
    slots[j] = t->slots[i];
  }
  if (t->cap) pc_free(t->mem, t->slots);
  t->slots = slots;
  t->cap = cap;
  t->mask = cap - 1;
  return 0;
}

static int idtab_entries_room(pc_idtab *t, size_t n) {
  if (n <= t->entries_cap) return 0;
  if (n > SIZE_MAX >> t->entry_shift) return -1;
  char *entries = pc_realloc(t->mem, t->entries, n << t->entry_shift);
  if (!entries) return -1;
  t->entries = entries;
  t->entries_cap = n;
  return 0;
}

int pc_idtab_reserve(pc_idtab *t, size_t n) {
  /* Ids are 32-bit, id + 1 included. */
  if (n >= UINT32_MAX || n > SIZE_MAX / 4 / sizeof(pc_idtab_slot)) return -1;
  size_t cap = t->cap ? t->cap : 64;
  while (cap < 2 * n) cap *= 2;
  if (cap > t->cap && idtab_rehash(t, cap) != 0) return -1;
  return idtab_entries_room(t, n);
}

pc_idtab_slot *pc_idtab_add(pc_idtab *t, uint64_t key) {
  if (t->len >= UINT32_MAX - 1) return NULL;
  if ((t->len + 1) * 2 > t->cap && idtab_rehash(t, t->cap ? t->cap * 2 : 64) != 0) return NULL;
  if (t->len == t->entries_cap &&
      idtab_entries_room(t, t->entries_cap ? t->entries_cap * 2 : 32) != 0)
    return NULL;
  key = pc_termtab_key(key);
  size_t i = (size_t)key & t->mask;
  while (t->slots[i].id1) i = (i + 1) & t->mask;
  pc_idtab_slot *s = &t->slots[i];
  s->key = key;
  s->id1 = (uint32_t)t->len++ + 1;
  s->word = 0;
  return s;
}

void pc_idtab_words_to_entries(pc_idtab *t) {
  for (size_t i = 0; i < t->cap; i++)
    if (t->slots[i].id1) memcpy(pc_idtab_entry(t, t->slots[i].id1 - 1), &t->slots[i].word, 4);
}

#define PC_IDTAB_MERGE_AHEAD 8
int pc_idtab_merge(pc_idtab *t, const pc_idtab *from, uint32_t *ids,
                   uint32_t (*merge_word)(uint32_t t_word, uint32_t from_word)) {
  if (from->len == 0) return 0;
  const pc_idtab_slot **by_id = pc_malloc(t->mem, from->len * sizeof *by_id);
  if (!by_id) return -1;
  for (size_t i = 0; i < from->cap; i++)
    if (from->slots[i].id1) by_id[from->slots[i].id1 - 1] = &from->slots[i];
  int failed = 0;
  for (size_t id = 0; id < from->len; id++) {
    const pc_idtab_slot *f = by_id[id];
    /* the slots of keys a few ahead, so that their misses overlap */
    if (id + PC_IDTAB_MERGE_AHEAD < from->len)
      pc_idtab_prefetch(t->slots, t->mask, by_id[id + PC_IDTAB_MERGE_AHEAD]->key);
    pc_idtab_slot *s = pc_idtab_probe(t->slots, t->mask, f->key);
    if (!s) {
      if (!(s = pc_idtab_add(t, f->key))) {
        failed = 1;
        break;
      }
      memset(pc_idtab_entry(t, s->id1 - 1), 0, (size_t)1 << t->entry_shift);
    }
    s->word = merge_word(s->word, f->word);
    ids[id] = s->id1 - 1;
  }
  pc_free(t->mem, by_id);
  return failed ? -1 : 0;
}
