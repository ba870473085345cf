/* Linear probing, grown to keep the load at most one half. */
#include "score/termtab.h"

#include <string.h>

void pc_termtab_init(pc_termtab *t, const pc_alloc *mem) {
  memset(t, 0, sizeof *t);
  t->mem = mem;
}

void pc_termtab_free(pc_termtab *t) {
  pc_free(t->mem, t->slots);
  t->slots = NULL;
  t->cap = t->len = 0;
}

static int grow(pc_termtab *t) {
  size_t cap = t->cap ? t->cap * 2 : 64;
  pc_termtab_slot *slots = pc_calloc(t->mem, cap, sizeof *slots);
  if (!slots) return -1;
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->slots[i].key) continue;
    size_t j = pc_termtab_index(t->slots[i].key, cap);
    while (slots[j].key) j = (j + 1) & (cap - 1);
    slots[j] = t->slots[i];
  }
  pc_free(t->mem, t->slots);
  t->slots = slots;
  t->cap = cap;
  return 0;
}

uint32_t *pc_termtab_insert(pc_termtab *t, uint64_t key, uint32_t fresh, int *is_new) {
  if ((t->len + 1) * 2 > t->cap && grow(t) != 0) return NULL;
  key = pc_termtab_key(key);
  size_t i = pc_termtab_index(key, t->cap);
  while (t->slots[i].key && t->slots[i].key != key) i = (i + 1) & (t->cap - 1);
  *is_new = t->slots[i].key == 0;
  if (*is_new) {
    t->slots[i].key = key;
    t->slots[i].val = fresh;
    t->len++;
  }
  return &t->slots[i].val;
}
