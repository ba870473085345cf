/* Term counts per document and the centrality they give each sentence. */
#include "score/centrality.h"

#include <math.h>

void pc_terms_init(pc_terms *t, const pc_alloc *mem) {
  t->mem = mem;
  pc_idtab_init(&t->tab, mem, sizeof(pc_term_stat));
}

void pc_terms_free(pc_terms *t) { pc_idtab_free(&t->tab); }

int pc_terms_reserve(pc_terms *t, size_t n) { return pc_idtab_reserve(&t->tab, n); }

/* pc_terms_stat indexes the table's entries as an array. */
_Static_assert((sizeof(pc_term_stat) & (sizeof(pc_term_stat) - 1)) == 0, "a power of two");

/* The statistics of a stem the document has not had, added; NULL when
 * memory runs out. */
static pc_term_stat *add_stem(pc_terms *t, uint64_t stem, uint32_t *id) {
  *id = pc_idtab_add(&t->tab, stem);
  if (*id == PC_IDTAB_NONE) return NULL;
  pc_term_stat *st = pc_terms_stat(t, *id);
  st->df = st->last = st->in_title = 0;
  st->weight = 0;
  return st;
}

int pc_terms_add_new(pc_terms *t, uint64_t stem, size_t sentence, uint32_t *id) {
  pc_term_stat *st = add_stem(t, stem, id);
  if (!st) return -1;
  st->last = (uint32_t)(sentence + 1);
  st->df++;
  return 1;
}

int pc_terms_add_title(pc_terms *t, uint64_t stem) {
  uint32_t id = pc_idtab_find(&t->tab, stem);
  pc_term_stat *st = id != PC_IDTAB_NONE ? pc_terms_stat(t, id) : add_stem(t, stem, &id);
  if (!st) return -1;
  if (st->in_title) return 0;
  st->in_title = 1;
  return 1;
}

/* Room for one more id; pc_ids_push's slow path. */
int pc_ids_grow(const pc_alloc *mem, pc_vec *units) {
  return pc_vec_reserve(mem, units, sizeof(uint16_t), PC_IDS_MAX_UNITS);
}

void pc_terms_weigh(pc_terms *t, pc_log_cache *logs) {
  pc_term_stat *stats = (pc_term_stat *)(void *)t->tab.entries;
  for (size_t i = 0; i < t->tab.len; i++)
    stats[i].weight = stats[i].df > 1 ? pc_log_count(logs, stats[i].df) : 0.0;
}

double pc_centrality(const pc_terms *t, const uint16_t **ids, size_t n, size_t *title_hits) {
  const pc_term_stat *stats = (const pc_term_stat *)(const void *)t->tab.entries;
  const uint16_t *at = *ids; /* a local: stores to *ids would be reloaded */
  double sum = 0;
  size_t hits = 0;
  for (size_t i = 0; i < n; i++) {
    /* A weight of 0 leaves the sum as it was (it is never -0). */
    const pc_term_stat *st = &stats[pc_ids_read(&at)];
    sum += st->weight;
    hits += st->in_title;
  }
  *ids = at;
  *title_hits = hits;
  return sum / sqrt((double)n + PC_CENTRALITY_SMOOTH);
}
