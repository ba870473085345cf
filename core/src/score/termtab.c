/* Linear probing, grown to keep the load at most one half. */
#include "score/termtab.h"

#include <string.h>

void pc_termtab_init(pc_termtab *t, const pc_alloc *mem) {
  memset(t, 0, sizeof *t);
  t->mem = mem;
}

void pc_termtab_free(pc_termtab *t) {
  pc_free(t->mem, t->keys);
  pc_free(t->mem, t->vals);
  t->keys = NULL;
  t->vals = NULL;
  t->cap = t->len = 0;
}

static int grow(pc_termtab *t) {
  size_t cap = t->cap ? t->cap * 2 : 64;
  uint64_t *keys = pc_calloc(t->mem, cap, sizeof *keys);
  uint32_t *vals = pc_malloc(t->mem, cap * sizeof *vals);
  if (!keys || !vals) {
    pc_free(t->mem, keys);
    pc_free(t->mem, vals);
    return -1;
  }
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->keys[i]) continue;
    size_t j = pc_termtab_slot(t->keys[i], cap);
    while (keys[j]) j = (j + 1) & (cap - 1);
    keys[j] = t->keys[i];
    vals[j] = t->vals[i];
  }
  pc_free(t->mem, t->keys);
  pc_free(t->mem, t->vals);
  t->keys = keys;
  t->vals = vals;
  t->cap = cap;
  return 0;
}

uint32_t *pc_termtab_put(pc_termtab *t, uint64_t key, uint32_t fresh, int *is_new) {
  if ((t->len + 1) * 2 > t->cap && grow(t) != 0) return NULL;
  key = pc_termtab_key(key);
  size_t i = pc_termtab_slot(key, t->cap);
  while (t->keys[i] && t->keys[i] != key) i = (i + 1) & (t->cap - 1);
  *is_new = t->keys[i] == 0;
  if (*is_new) {
    t->keys[i] = key;
    t->vals[i] = fresh;
    t->len++;
  }
  return &t->vals[i];
}
