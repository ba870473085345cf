/* rouge.c - ROUGE-1/2/L scores of one candidate against one reference
 * (see rouge.h for the exact definitions).
 *
 * Tokens are interned into dense ids (a string hash map), so unigram counts
 * are arrays indexed by id and bigram counts live in a hash map keyed by the
 * id pair. Everything is linear in the summary sizes except the LCS tables,
 * one per (reference sentence, candidate sentence) pair. */
#include "rouge.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokenize.h"

/* ------------------------------------------------------------------------ */
/* Token ids                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct vocab_slot {
  uint64_t hash;
  size_t offset; /* into vocab.pool */
  size_t len;
  uint32_t id;
  int used;
} vocab_slot;

typedef struct vocab {
  vocab_slot *slots;
  size_t cap; /* power of two */
  size_t count;
  char *pool;
  size_t pool_len, pool_cap;
} vocab;

static uint64_t fnv1a(const void *data, size_t len) {
  const unsigned char *p = data;
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 1099511628211u;
  }
  return h;
}

static int grow(void **ptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 0;
  size_t n = *cap ? *cap : 16;
  while (n < need) n *= 2;
  void *p = realloc(*ptr, n * elem);
  if (!p) return -1;
  *ptr = p;
  *cap = n;
  return 0;
}

static int vocab_rehash(vocab *v, size_t cap) {
  vocab_slot *slots = calloc(cap, sizeof *slots);
  if (!slots) return -1;
  for (size_t i = 0; i < v->cap; i++) {
    if (!v->slots[i].used) continue;
    size_t j = (size_t)v->slots[i].hash & (cap - 1);
    while (slots[j].used) j = (j + 1) & (cap - 1);
    slots[j] = v->slots[i];
  }
  free(v->slots);
  v->slots = slots;
  v->cap = cap;
  return 0;
}

/* The id of token[0..len), adding it when new. -1 when memory runs out. */
static int64_t vocab_id(vocab *v, const char *token, size_t len) {
  if ((v->count + 1) * 2 > v->cap && vocab_rehash(v, v->cap ? v->cap * 2 : 256) != 0)
    return -1;
  uint64_t h = fnv1a(token, len);
  size_t j = (size_t)h & (v->cap - 1);
  while (v->slots[j].used) {
    vocab_slot *s = &v->slots[j];
    if (s->hash == h && s->len == len && memcmp(v->pool + s->offset, token, len) == 0)
      return s->id;
    j = (j + 1) & (v->cap - 1);
  }
  if (grow((void **)&v->pool, &v->pool_cap, v->pool_len + len, 1) != 0) return -1;
  memcpy(v->pool + v->pool_len, token, len);
  v->slots[j] = (vocab_slot){h, v->pool_len, len, (uint32_t)v->count, 1};
  v->pool_len += len;
  return (int64_t)v->count++;
}

static void vocab_free(vocab *v) {
  free(v->slots);
  free(v->pool);
}

/* A summary as token ids, sentence i being ids[starts[i] .. starts[i+1]). */
typedef struct token_text {
  uint32_t *ids;
  size_t n_ids, ids_cap;
  size_t *starts;
  size_t n_sentences;
} token_text;

typedef struct intern_ctx {
  vocab *vocab;
  token_text *text;
} intern_ctx;

static int intern_token(void *ctx, const char *token, size_t len) {
  intern_ctx *c = ctx;
  int64_t id = vocab_id(c->vocab, token, len);
  if (id < 0) return ROUGE_ERR_NOMEM;
  token_text *t = c->text;
  if (grow((void **)&t->ids, &t->ids_cap, t->n_ids + 1, sizeof *t->ids) != 0)
    return ROUGE_ERR_NOMEM;
  t->ids[t->n_ids++] = (uint32_t)id;
  return 0;
}

static int token_text_build(token_text *t, vocab *v, const rouge_text *sentences, size_t n) {
  t->starts = malloc((n + 1) * sizeof *t->starts);
  if (!t->starts) return ROUGE_ERR_NOMEM;
  t->n_sentences = n;
  intern_ctx ctx = {v, t};
  for (size_t i = 0; i < n; i++) {
    t->starts[i] = t->n_ids;
    int rc = rouge_tokenize(sentences[i].text, sentences[i].len, intern_token, &ctx);
    if (rc != 0) return rc < 0 ? rc : ROUGE_ERR_NOMEM;
    if (t->n_ids - t->starts[i] > ROUGE_MAX_SENTENCE_TOKENS) return ROUGE_ERR_TOO_LONG;
  }
  t->starts[n] = t->n_ids;
  return ROUGE_OK;
}

static void token_text_free(token_text *t) {
  free(t->ids);
  free(t->starts);
}

/* ------------------------------------------------------------------------ */
/* Scores                                                                    */
/* ------------------------------------------------------------------------ */

/* ROUGE-1.5.5 keeps each score as sprintf("%7.5f"): printf's rounding (exact
 * ties go to even, 0.515625 -> 0.51562) differs from floor(x + 0.5). */
static double round5(double x) {
  char buf[64];
  snprintf(buf, sizeof buf, "%.5f", x);
  return strtod(buf, NULL);
}

static rouge_prf prf(size_t hits, size_t reference_count, size_t candidate_count) {
  rouge_prf s = {0, 0, 0};
  if (reference_count) s.recall = round5((double)hits / (double)reference_count);
  if (candidate_count) s.precision = round5((double)hits / (double)candidate_count);
  double denominator = 0.5 * s.precision + 0.5 * s.recall;
  if (denominator > 0) s.f1 = round5(s.precision * s.recall / denominator);
  return s;
}

static size_t min_size(size_t a, size_t b) { return a < b ? a : b; }

/* ROUGE-1: counts[id] per side; left intact for the ROUGE-L clip. */
static rouge_prf rouge1_score(const token_text *cand, const token_text *ref,
                              const uint32_t *cand_counts, const uint32_t *ref_counts,
                              size_t n_vocab) {
  size_t hits = 0;
  for (size_t id = 0; id < n_vocab; id++) hits += min_size(cand_counts[id], ref_counts[id]);
  return prf(hits, ref->n_ids, cand->n_ids);
}

typedef struct bigram_slot {
  uint64_t key;
  uint32_t cand, ref;
  int used;
} bigram_slot;

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdu;
  x ^= x >> 33;
  return x;
}

static int rouge2_score(const token_text *cand, const token_text *ref, rouge_prf *out) {
  size_t n_cand = cand->n_ids > 1 ? cand->n_ids - 1 : 0;
  size_t n_ref = ref->n_ids > 1 ? ref->n_ids - 1 : 0;
  size_t cap = 16;
  while (cap < 2 * (n_cand + n_ref)) cap *= 2;
  bigram_slot *slots = calloc(cap, sizeof *slots);
  if (!slots) return ROUGE_ERR_NOMEM;
  const token_text *sides[2] = {cand, ref};
  for (int side = 0; side < 2; side++) {
    const token_text *t = sides[side];
    for (size_t i = 0; i + 1 < t->n_ids; i++) {
      uint64_t key = ((uint64_t)t->ids[i] << 32) | t->ids[i + 1];
      size_t j = (size_t)mix64(key) & (cap - 1);
      while (slots[j].used && slots[j].key != key) j = (j + 1) & (cap - 1);
      slots[j].used = 1;
      slots[j].key = key;
      if (side == 0) slots[j].cand++;
      else slots[j].ref++;
    }
  }
  size_t hits = 0;
  for (size_t j = 0; j < cap; j++) hits += min_size(slots[j].cand, slots[j].ref);
  free(slots);
  *out = prf(hits, n_ref, n_cand);
  return ROUGE_OK;
}

/* Marks in `hit` the positions of `r` on ROUGE-1.5.5's LCS path with `c`.
 * `table` has room for (nr + 1) * (nc + 1) cells. */
static void mark_lcs(const uint32_t *r, size_t nr, const uint32_t *c, size_t nc,
                     uint16_t *table, unsigned char *hit) {
  size_t w = nc + 1;
  for (size_t j = 0; j <= nc; j++) table[j] = 0;
  for (size_t i = 1; i <= nr; i++) {
    table[i * w] = 0;
    for (size_t j = 1; j <= nc; j++) {
      uint16_t up = table[(i - 1) * w + j], left = table[i * w + j - 1];
      if (r[i - 1] == c[j - 1]) table[i * w + j] = (uint16_t)(table[(i - 1) * w + j - 1] + 1);
      else table[i * w + j] = up >= left ? up : left;
    }
  }
  size_t i = nr, j = nc;
  while (i > 0 && j > 0) {
    if (r[i - 1] == c[j - 1]) {
      hit[--i] = 1;
      j--;
    } else if (table[(i - 1) * w + j] >= table[i * w + j - 1]) {
      i--;
    } else {
      j--;
    }
  }
}

static size_t longest_sentence(const token_text *t) {
  size_t best = 0;
  for (size_t s = 0; s < t->n_sentences; s++)
    if (t->starts[s + 1] - t->starts[s] > best) best = t->starts[s + 1] - t->starts[s];
  return best;
}

/* Consumes cand_counts and ref_counts (the clip). */
static int rougeL_score(const token_text *cand, const token_text *ref, uint32_t *cand_counts,
                        uint32_t *ref_counts, rouge_prf *out) {
  size_t max_r = longest_sentence(ref), max_c = longest_sentence(cand);
  uint16_t *table = malloc((max_r + 1) * (max_c + 1) * sizeof *table);
  unsigned char *hit = malloc(max_r + 1);
  if (!table || !hit) {
    free(table);
    free(hit);
    return ROUGE_ERR_NOMEM;
  }
  size_t hits = 0;
  for (size_t s = 0; s < ref->n_sentences; s++) {
    const uint32_t *r = ref->ids + ref->starts[s];
    size_t nr = ref->starts[s + 1] - ref->starts[s];
    memset(hit, 0, nr);
    for (size_t k = 0; k < cand->n_sentences; k++) {
      size_t nc = cand->starts[k + 1] - cand->starts[k];
      if (nr && nc) mark_lcs(r, nr, cand->ids + cand->starts[k], nc, table, hit);
    }
    for (size_t p = 0; p < nr; p++) {
      if (!hit[p] || !cand_counts[r[p]] || !ref_counts[r[p]]) continue;
      hits++;
      cand_counts[r[p]]--;
      ref_counts[r[p]]--;
    }
  }
  free(table);
  free(hit);
  *out = prf(hits, ref->n_ids, cand->n_ids);
  return ROUGE_OK;
}

int rouge_compare(const rouge_text *candidate, size_t n_candidate,
                  const rouge_text *reference, size_t n_reference, rouge_scores *out) {
  memset(out, 0, sizeof *out);
  vocab v = {0};
  token_text cand = {0}, ref = {0};
  uint32_t *cand_counts = NULL, *ref_counts = NULL;
  rouge_scores scores = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
  int rc = token_text_build(&cand, &v, candidate, n_candidate);
  if (rc == ROUGE_OK) rc = token_text_build(&ref, &v, reference, n_reference);
  if (rc == ROUGE_OK) {
    cand_counts = calloc(v.count + 1, sizeof *cand_counts);
    ref_counts = calloc(v.count + 1, sizeof *ref_counts);
    if (!cand_counts || !ref_counts) rc = ROUGE_ERR_NOMEM;
  }
  if (rc == ROUGE_OK) {
    for (size_t i = 0; i < cand.n_ids; i++) cand_counts[cand.ids[i]]++;
    for (size_t i = 0; i < ref.n_ids; i++) ref_counts[ref.ids[i]]++;
    scores.rouge1 = rouge1_score(&cand, &ref, cand_counts, ref_counts, v.count);
    rc = rouge2_score(&cand, &ref, &scores.rouge2);
  }
  if (rc == ROUGE_OK) rc = rougeL_score(&cand, &ref, cand_counts, ref_counts, &scores.rougeL);
  if (rc == ROUGE_OK) *out = scores;
  free(cand_counts);
  free(ref_counts);
  token_text_free(&cand);
  token_text_free(&ref);
  vocab_free(&v);
  return rc;
}

/* ------------------------------------------------------------------------ */
/* Words                                                                     */
/* ------------------------------------------------------------------------ */

/* Perl's \s in ROUGE-1.5.5's split(/\s+/). */
static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t rouge_count_words(const char *text, size_t len) {
  size_t words = 0;
  for (size_t i = 0; i < len; i++)
    if (!is_space(text[i]) && (i == 0 || is_space(text[i - 1]))) words++;
  return words;
}

size_t rouge_limit_words(rouge_text *sentences, size_t n, size_t max_words) {
  size_t used = 0;
  for (size_t s = 0; s < n; s++) {
    if (used >= max_words) return s;
    const char *t = sentences[s].text;
    for (size_t i = 0; i < sentences[s].len; i++) {
      if (is_space(t[i]) || (i > 0 && !is_space(t[i - 1]))) continue;
      if (used == max_words) {
        sentences[s].len = i;
        return s + 1;
      }
      used++;
    }
  }
  return n;
}

const char *rouge_strerror(int code) {
  switch (code) {
    case ROUGE_OK: return "ok";
    case ROUGE_ERR_NOMEM: return "out of memory";
    case ROUGE_ERR_TOO_LONG: return "a sentence is too long for the LCS table";
    default: return "unknown error";
  }
}
