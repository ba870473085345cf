/* Term counts per document and the centrality they give each sentence. */
#include "score/centrality.h"

#include <math.h>

#include "score/tokens.h"

void pc_terms_init(pc_terms *t, const pc_alloc *mem) {
  t->mem = mem;
  t->weights = NULL;
  pc_idtab_init(&t->tab, mem, sizeof(pc_term_stat));
}

void pc_terms_free(pc_terms *t) {
  pc_idtab_free(&t->tab);
  pc_free(t->mem, t->weights);
  t->weights = NULL;
}

int pc_terms_reserve(pc_terms *t, size_t n) { return pc_idtab_reserve(&t->tab, n); }

/* The slot of a stem the document has not had, added with its statistics
 * zeroed; NULL when memory runs out. */
static pc_idtab_slot *add_stem(pc_terms *t, uint64_t stem) {
  pc_idtab_slot *s = pc_idtab_add(&t->tab, stem);
  if (!s) return NULL;
  *pc_terms_stat(t, s->id1 - 1) = 0;
  return s;
}

/* A term's slot word is 1 + the last sentence it was noted in. */
static inline uint32_t sentence_mark(size_t sentence) { return (uint32_t)(sentence + 1); }

/* pc_terms_add for a stem already in the table, at slot s (its id is
 * s->id1 - 1). */
static inline int note_found(pc_idtab_slot *s, size_t sentence) {
  if (s->word == sentence_mark(sentence)) return 0;
  s->word = sentence_mark(sentence);
  return 1;
}

/* pc_terms_add for a stem the document has not had yet. */
static int note_new(pc_terms *t, uint64_t stem, size_t sentence, uint32_t *id) {
  pc_idtab_slot *s = add_stem(t, stem);
  if (!s) return -1;
  *id = s->id1 - 1;
  s->word = sentence_mark(sentence);
  return 1;
}

int pc_terms_add(pc_terms *t, uint64_t stem, size_t sentence, uint32_t *id) {
  pc_idtab_slot *s = pc_idtab_slot_of(&t->tab, stem);
  if (!s) return note_new(t, stem, sentence, id);
  *id = s->id1 - 1;
  return note_found(s, sentence);
}

int pc_terms_add_tokens(pc_terms *t, const pc_token *tok, const uint32_t *list, size_t n,
                        size_t sentence, uint16_t **ids, uint32_t *n_new) {
  /* The slots and mask in locals: they change only when a stem is added. */
  pc_idtab_slot *slots = t->tab.slots;
  size_t mask = t->tab.mask;
  uint16_t *at = *ids;
  uint32_t fresh = 0;
  for (size_t c = 0; c < n; c++) {
    uint64_t stem = tok[list[c]].stem;
    pc_idtab_slot *s = pc_idtab_probe(slots, mask, pc_termtab_key(stem));
    uint32_t id;
    if (s) {
      if (!note_found(s, sentence)) continue;
      id = s->id1 - 1;
    } else {
      if (note_new(t, stem, sentence, &id) < 0) return -1;
      slots = t->tab.slots;
      mask = t->tab.mask;
    }
    at = pc_ids_write(at, id);
    fresh++;
  }
  *ids = at;
  *n_new = fresh;
  return 0;
}

int pc_terms_add_title(pc_terms *t, uint64_t stem) {
  pc_idtab_slot *s = pc_idtab_slot_of(&t->tab, stem);
  if (!s && !(s = add_stem(t, stem))) return -1;
  pc_term_stat *st = pc_terms_stat(t, s->id1 - 1);
  if (*st & PC_TERM_IN_TITLE) return 0;
  *st |= PC_TERM_IN_TITLE;
  return 1;
}

/* Room for one more id; pc_ids_push's slow path. */
int pc_ids_grow(const pc_alloc *mem, pc_vec *units) {
  return pc_vec_reserve(mem, units, sizeof(uint16_t), PC_IDS_MAX_UNITS);
}

void pc_terms_count(pc_terms *t, const uint16_t *ids, size_t units) {
  pc_term_stat *stats = (pc_term_stat *)(void *)t->tab.entries;
  for (const uint16_t *at = ids, *end = ids + units; at < end;) stats[pc_ids_read(&at)]++;
}

int pc_terms_weigh(pc_terms *t, pc_log_cache *logs, const uint16_t *ids, size_t units) {
  pc_terms_count(t, ids, units);
  const pc_term_stat *stats = (const pc_term_stat *)(void *)t->tab.entries;
  size_t n = t->tab.len;
  pc_free(t->mem, t->weights);
  t->weights = pc_malloc(t->mem, (n ? n : 1) * sizeof *t->weights);
  if (!t->weights) return -1;
  for (size_t i = 0; i < n; i++) {
    uint32_t df = stats[i] & ~PC_TERM_IN_TITLE;
    double w = df > 1 ? pc_log_count(logs, df) : 0.0;
    t->weights[i] = (stats[i] & PC_TERM_IN_TITLE) ? -w : w;
  }
  return 0;
}

double pc_centrality(const pc_terms *t, const uint16_t **ids, size_t n, size_t *title_hits) {
  const double *weights = t->weights;
  const uint16_t *at = *ids; /* a local: stores to *ids would be reloaded */
  double sum = 0;
  size_t hits = 0;
  for (size_t i = 0; i < n; i++) {
    /* A weight of 0 leaves the sum as it was (fabs gives +0, and the sum is
     * never -0). */
    double w = weights[pc_ids_read(&at)];
    sum += fabs(w);
    hits += signbit(w) != 0;
  }
  *ids = at;
  *title_hits = hits;
  return sum / sqrt((double)n + PC_CENTRALITY_SMOOTH);
}
