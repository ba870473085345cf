/* Stage 5: the summary. The budget (sentences, ratio or words) sets how
 * many sentences; MMR picks them from the best-scoring candidates so that no
 * two say the same thing, the lede by score and any picks past it by digest
 * score (score/coverage.h); the result lists them in document order (the
 * `selected` flags), and the same input always gives the same summary. */
#include "doc.h"
#include "score/coverage.h"
#include "score/termtab.h"
#include "select/mmr.h"
#include "select/rank.h"

/* MMR compares each candidate with each pick: candidates x picks
 * similarity checks. Budgets up to this many sentences use MMR; larger ones
 * (a ratio of a huge document) are filled in score order with exact
 * duplicates skipped, which is linear. */
#define PC_MAX_MMR_PICKS 200
/* MMR candidates: the best PC_MMR_POOL_FACTOR x budget sentences by score
 * (at least PC_MMR_POOL_MIN), enough to replace every redundant pick. */
#define PC_MMR_POOL_FACTOR 4
#define PC_MMR_POOL_MIN 64

/* The MMR trade-off for this document: the redundancy weight, fading to 0
 * as the summary turns into a digest (score/coverage.h). A digest is chosen
 * by centrality, and central sentences share the central terms by
 * definition, so MMR would swap them for peripheral ones; near-duplicates
 * are still refused outright (PC_DUPLICATE_SIMILARITY). */
static double redundancy(const pc_doc *d) {
  return d->opts->weights.redundancy * (1.0 - pc_digest_share(pc_budget_coverage(d)));
}

static pc_budget make_budget(const pc_doc *d) {
  pc_budget b = {pc_budget_sentences(d), d->opts->max_words};
  return b;
}

/* Large budgets: best first, skipping a sentence whose content words are
 * exactly those of one already taken. */
static int fill_in_order(pc_doc *d, const size_t *order, pc_budget budget) {
  pc_idtab seen; /* the content-word fingerprints taken */
  pc_idtab_init(&seen, d->mem, 1);
  pc_vec tokens = {NULL, 0, 0}, stems = {NULL, 0, 0};
  pc_sentence *s = d->sentences.data;
  size_t chosen = 0, words = 0;
  int failed = 0;
  for (size_t r = 0; r < d->sentences.len && chosen < budget.sentences && !failed; r++) {
    pc_sentence *sent = &s[order[r]];
    if (budget.words && chosen > 0 && words + sent->n_words > budget.words) continue;
    stems.len = 0;
    if (pc_sentence_stems(d->mem, d->lex, pc_sentence_text(d, sent), sent->text_len, &tokens,
                          &stems) != 0) {
      failed = 1;
      break;
    }
    uint64_t print = 1469598103934665603ull;
    for (size_t i = 0; i < stems.len; i++)
      print = (print ^ ((uint64_t *)stems.data)[i]) * 1099511628211ull;
    int is_new = pc_idtab_find(&seen, print) == PC_IDTAB_NONE;
    if (is_new && !pc_idtab_add(&seen, print)) {
      failed = 1;
      break;
    }
    if (!is_new && stems.len > 0) continue;
    sent->selected = 1;
    words += sent->n_words;
    chosen++;
  }
  pc_vec_free(d->mem, &tokens);
  pc_vec_free(d->mem, &stems);
  pc_idtab_free(&seen);
  return failed ? -1 : 0;
}

precis_status pc_select(pc_doc *d) {
  size_t n = d->sentences.len;
  if (n == 0) return PRECIS_OK;
  pc_budget budget = make_budget(d);
  size_t *order = pc_malloc(d->mem, n * sizeof *order);
  int failed = !order || pc_rank_sentences(d, order) != 0;
  if (!failed) {
    if (budget.sentences <= PC_MAX_MMR_PICKS) {
      size_t pool = budget.sentences * PC_MMR_POOL_FACTOR;
      if (pool < PC_MMR_POOL_MIN) pool = PC_MMR_POOL_MIN;
      if (pool > n) pool = n;
      failed = pc_mmr_select(d, order, pool, budget, redundancy(d), PC_LEDE_SENTENCES) != 0;
    } else {
      failed = fill_in_order(d, order, budget) != 0;
    }
  }
  pc_free(d->mem, order);
  return failed ? pc_doc_fail(d, PRECIS_ERR_NOMEM, "out of memory while selecting")
                : PRECIS_OK;
}
