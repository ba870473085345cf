/* Term counts per document and the centrality they give each sentence. */
#include "score/centrality.h"

#include <math.h>

void pc_terms_init(pc_terms *t, const pc_alloc *mem) {
  t->mem = mem;
  pc_termtab_init(&t->tab, mem);
  t->stats.data = NULL;
  t->stats.len = t->stats.cap = 0;
}

void pc_terms_free(pc_terms *t) {
  pc_termtab_free(&t->tab);
  pc_vec_free(t->mem, &t->stats);
}

static pc_term_stat *lookup(pc_terms *t, uint64_t stem, uint32_t *id) {
  int is_new;
  uint32_t *slot = pc_termtab_put(&t->tab, stem, (uint32_t)t->stats.len, &is_new);
  if (!slot) return NULL;
  if (is_new && !PC_VEC_PUSH(t->mem, &t->stats, pc_term_stat)) return NULL;
  *id = *slot;
  return &PC_VEC_AT(t->stats, pc_term_stat, *id);
}

int pc_terms_add(pc_terms *t, uint64_t stem, size_t sentence, uint32_t *id) {
  pc_term_stat *st = lookup(t, stem, id);
  if (!st) return -1;
  if (st->last == (uint32_t)(sentence + 1)) return 0;
  st->last = (uint32_t)(sentence + 1);
  st->df++;
  return 1;
}

int pc_terms_add_title(pc_terms *t, uint64_t stem) {
  uint32_t id;
  pc_term_stat *st = lookup(t, stem, &id);
  if (!st) return -1;
  if (st->in_title) return 0;
  st->in_title = 1;
  return 1;
}

double pc_centrality(const pc_terms *t, const uint32_t *ids, size_t n) {
  const pc_term_stat *stats = t->stats.data;
  double sum = 0;
  for (size_t i = 0; i < n; i++)
    if (stats[ids[i]].df > 1) sum += log((double)stats[ids[i]].df);
  return sum / sqrt((double)n + PC_CENTRALITY_SMOOTH);
}

size_t pc_title_hits(const pc_terms *t, const uint32_t *ids, size_t n) {
  const pc_term_stat *stats = t->stats.data;
  size_t hits = 0;
  for (size_t i = 0; i < n; i++) hits += stats[ids[i]].in_title ? 1u : 0u;
  return hits;
}
