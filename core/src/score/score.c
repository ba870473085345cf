/* Stage 4: every sentence gets its feature values and a score.
 *
 * Two passes, both linear. The first tokenises each sentence once, runs the
 * sentence-level detectors (figures, quotes, penalties) and counts content
 * terms and entity mentions for the whole document. The second turns those
 * counts into centrality, entity and title features, normalises them within
 * the document and sums the weighted features (weights.c says why each
 * weight is what it is), with position and centrality traded for each other
 * by how much of the text the budget covers (coverage.h). Each sentence
 * also gets the score it would have in a digest, by which selection makes
 * the picks past the lede (PC_LEDE_SENTENCES). */
#include <math.h>
#include <string.h>

#include "doc.h"
#include "score/centrality.h"
#include "score/content.h"
#include "score/coverage.h"
#include "score/entities.h"
#include "score/features.h"
#include "score/figures.h"
#include "score/penalties.h"
#include "score/quotes.h"
#include "score/roles.h"
#include "score/scan.h"

/* Entity density counts mentions per word with this many words added, so a
 * three-word sentence holding one name is not the densest of the document. */
#define PC_ENTITY_SMOOTH 8.0
/* Figures saturate: the first two carry the news, a table-like list of ten
 * is not ten times better. Feature = 1 - exp(-weight / this). */
#define PC_FIGURE_SCALE 1.5

/* What pass 2 needs of a sentence: how many term ids and mentions it has
 * (they follow each other in ids and mentions, so the starts are running
 * sums), its words and whether it ends as a sentence does; then the
 * features its first loop finds, for the second to normalise. Kept apart
 * from the sentences, which are large: their array is walked twice, not
 * four times. */
typedef struct sentence_info {
  uint32_t n_terms, n_ents;
  uint32_t n_words;     /* fewer than the bytes of a PRECIS_MAX_INPUT_BYTES input */
  uint32_t title_hits;  /* its terms the title has */
  int ends;
  double centrality, entities;
} sentence_info;

/* A mention: entity id << 1 | 1 when tentative (entities are
 * fewer than the tokens of a PRECIS_MAX_INPUT_BYTES input, < 2^31). */
typedef uint32_t mention;

/* What the document says of an entity, as counted in its slot's word while
 * the sentences are read (no second random access per mention) and copied
 * to its entry by id before they are scored: its mentions << 1, | 1 once
 * one of them was not a sentence's first word (mentions are fewer than the
 * bytes of a PRECIS_MAX_INPUT_BYTES input, so the shift keeps them whole). */
typedef uint32_t entity_stat;
#define PC_ENTITY_CONFIRMED 1u
#define PC_ENTITY_MENTION 2u

typedef struct scorer {
  pc_doc *d;
  size_t first, end;      /* the sentences it reads */
  pc_terms terms;
  pc_idtab entity_tab;    /* head -> id, its entry an entity_stat */
  pc_vec mentions;        /* mention */
  pc_vec ids;             /* term ids, per sentence (pc_ids_write) */
  /* A sentence is read in two steps (read_sentence): its tokens and lists
   * are made and its table slots asked for while the sentence before it is
   * scored, so two of each, by sentence parity, reused. */
  pc_vec tokens[2];       /* pc_token */
  pc_vec scan_room[2];    /* uint32_t, the lists */
  pc_view view[2];
  pc_roles roles[2];
  sentence_info *info;    /* of every sentence */
  int owns_info;          /* frees info */
  size_t title_terms;
  size_t lead_sentences;          /* pc_budget_sentences */
  size_t doc_words, lead_words;   /* for pc_budget_coverage_of */
  pc_log_cache logs;
} scorer;

/* Room was made for the mention (read_sentence). */
static int add_mention(void *ctx, const pc_entity *e) {
  scorer *sc = ctx;
  pc_idtab_slot *slot = pc_idtab_slot_of(&sc->entity_tab, e->head);
  if (!slot && !(slot = pc_idtab_add(&sc->entity_tab, e->head))) return -1;
  slot->word = (slot->word + PC_ENTITY_MENTION) | (e->tentative ? 0u : PC_ENTITY_CONFIRMED);
  PC_VEC_AT(sc->mentions, mention, sc->mentions.len++) =
      (slot->id1 - 1) << 1 | (e->tentative ? 1u : 0u);
  return 0;
}

static int tokenize(scorer *sc, const char *text, size_t len, pc_view *v, pc_vec *tokens) {
  return pc_view_tokenize(v, sc->d->mem, text, len, tokens, sc->d->lex);
}

static int read_title(scorer *sc) {
  pc_doc *d = sc->d;
  if (d->title_block < 0) return 0;
  const pc_block *b = &PC_VEC_AT(d->blocks, pc_block, (size_t)d->title_block);
  pc_view v;
  if (tokenize(sc, d->prose.out.data + b->prose_start, b->prose_end - b->prose_start, &v,
               &sc->tokens[0]))
    return -1;
  for (size_t i = 0; i < v.n; i++) {
    if (!pc_is_content(&v, i)) continue;
    int added = pc_terms_add_title(&sc->terms, v.tok[i].stem);
    if (added < 0) return -1;
    sc->title_terms += (size_t)added;
  }
  return 0;
}

/* Pass 1, first step for sentence k: its tokens and their lists, and its
 * table slots asked for (the slots of its terms and of its capitalised
 * words, the heads of its entities), a sentence before they are looked up:
 * at 10 MB the tables outgrow the L2 cache, and a lookup waiting for its
 * slot (a mispredicted branch on it holding up the next) cost about 13% of
 * the cycles of the whole run; asked for early, about 4%. */
static int prepare_sentence(scorer *sc, size_t k) {
  pc_doc *d = sc->d;
  const pc_sentence *s = &PC_VEC_AT(d->sentences, pc_sentence, k);
  pc_view *v = &sc->view[k & 1];
  pc_vec *room = &sc->scan_room[k & 1];
  if (tokenize(sc, pc_sentence_text(d, s), s->text_len, v, &sc->tokens[k & 1])) return -1;
  size_t n = v->n;
  if (room->cap < pc_roles_room(n) &&
      pc_vec_reserve(d->mem, room, sizeof(uint32_t), pc_roles_room(n)) != 0)
    return -1;
  const pc_token *tok = v->tok;
  pc_roles *roles = &sc->roles[k & 1];
  pc_roles_list(roles, tok, n, room->data);
  const pc_idtab_slot *slots = sc->terms.tab.slots;
  size_t mask = sc->terms.tab.mask;
  for (size_t c = 0; c < roles->n_terms; c++)
    pc_idtab_prefetch(slots, mask, tok[roles->terms[c]].stem);
  slots = sc->entity_tab.slots;
  mask = sc->entity_tab.mask;
  for (size_t c = 0; c < roles->n_caps; c++) pc_idtab_prefetch(slots, mask, tok[roles->caps[c]].key);
  return 0;
}

/* Pass 1, second step for sentence k (prepared). */
static int read_sentence(scorer *sc, size_t k) {
  pc_doc *d = sc->d;
  pc_sentence *s = &PC_VEC_AT(d->sentences, pc_sentence, k);
  sentence_info *in = &sc->info[k];
  const pc_view *v = &sc->view[k & 1];
  const pc_roles roles = sc->roles[k & 1];
  size_t n = v->n;
  /* An id and a mention per token at most (one more id, so that the buffer
   * is not NULL even for no tokens). */
  if (sc->ids.cap - sc->ids.len < PC_IDS_MAX_UNITS * (n + 1) &&
      pc_ids_reserve(d->mem, &sc->ids, n + 1) != 0)
    return -1;
  if (sc->mentions.cap - sc->mentions.len < n &&
      pc_vec_reserve(d->mem, &sc->mentions, sizeof(mention), n) != 0)
    return -1;
  size_t ent_start = sc->mentions.len;
  const pc_token *tok = v->tok;
  /* The detectors that read no table first: more time for the slots. */
  pc_scan scan;
  pc_scan_finish(&scan, v, roles.caps, roles.n_caps, roles.marks, roles.n_marks);
  pc_figures fig;
  pc_find_figures(&scan, &fig);
  /* Most sentences hold no figure: exp(-0) is 1, the feature 0. */
  s->features[PRECIS_FEATURE_FIGURES] =
      fig.weight != 0 ? 1.0 - exp(-fig.weight / PC_FIGURE_SCALE) : 0.0;
  pc_quotes q;
  pc_find_quotes(&scan, &q);
  s->features[PRECIS_FEATURE_QUOTES] = q.value;
  s->features[PRECIS_FEATURE_PENALTY] = pc_penalty(&scan, s->n_words, &q);
  uint32_t n_terms;
  uint16_t *ids = (uint16_t *)sc->ids.data + sc->ids.len, *ids_start = ids;
  if (pc_terms_add_tokens(&sc->terms, tok, roles.terms, roles.n_terms, k, &ids, &n_terms) != 0)
    return -1;
  sc->ids.len += (size_t)(ids - ids_start);
  in->n_terms = n_terms;
  if (pc_find_entities(&scan, add_mention, sc) != 0) return -1;
  in->n_ents = (uint32_t)(sc->mentions.len - ent_start);
  in->ends = pc_ends_sentence(&scan);
  in->n_words = (uint32_t)s->n_words;
  sc->doc_words += s->n_words;
  if (k < sc->lead_sentences) sc->lead_words += s->n_words;
  return 0;
}

/* Entity mentions per word; a mention weighs more the more often the
 * document names that entity (1 + log of its mentions): who or what the
 * text is about. A sentence-initial single word counts only when the
 * document also capitalises it mid-sentence. */
static double entity_density(scorer *sc, const mention *m, size_t n, size_t n_words) {
  const entity_stat *stats = (const entity_stat *)(const void *)sc->entity_tab.entries;
  double sum = 0;
  for (size_t i = 0; i < n; i++) {
    entity_stat st = stats[m[i] >> 1];
    if ((m[i] & 1) && !(st & PC_ENTITY_CONFIRMED)) continue;
    sum += 1.0 + pc_log_count(&sc->logs, st / PC_ENTITY_MENTION);
  }
  return sum / ((double)n_words + PC_ENTITY_SMOOTH);
}

/* The weighted sum of a sentence's features at digest share `digest`
 * (0 a lede .. 1 a digest, coverage.h): the lede's own signals, position
 * and the headline it is written with, fade out as centrality gains.
 * Centrality counts at `centrality_rate` of its value (see finish()). */
static inline double weighted(const precis_weights *w, const double *f, double digest,
                       double centrality_rate) {
  double lede = 1.0 - digest;
  double w_centrality =
      w->centrality * (1.0 + (PC_DIGEST_CENTRALITY_GAIN - 1.0) * digest) * centrality_rate;
  return lede * (w->position * f[PRECIS_FEATURE_POSITION] + w->title * f[PRECIS_FEATURE_TITLE]) +
         w->entities * f[PRECIS_FEATURE_ENTITIES] + w->figures * f[PRECIS_FEATURE_FIGURES] +
         w->quotes * f[PRECIS_FEATURE_QUOTES] + w_centrality * f[PRECIS_FEATURE_CENTRALITY] +
         w->length * f[PRECIS_FEATURE_LENGTH] - w->penalty * f[PRECIS_FEATURE_PENALTY];
}

/* Pass 2. `later`, when not NULL, read the sentences from later->first on
 * and was merged into sc (merge_part): its ids and mentions are read where
 * they are. */
static int finish(scorer *sc, const scorer *later) {
  pc_doc *d = sc->d;
  size_t n = d->sentences.len;
  const precis_weights *w = &d->opts->weights;
  double max_cent = 0, max_ent = 0;
  const uint16_t *ids = sc->ids.data; /* read only as far as n_terms say */
  const mention *mentions = sc->mentions.data;
  size_t ent_at = 0; /* mentions may be NULL (NULL + 0 is undefined) */
  size_t switch_at = later ? later->first : n;
  if (later) pc_terms_count(&sc->terms, later->ids.data, later->ids.len);
  if (pc_terms_weigh(&sc->terms, &sc->logs, ids, sc->ids.len) != 0) return -1;
  pc_idtab_words_to_entries(&sc->entity_tab);
  for (size_t k = 0; k < n; k++) {
    if (k == switch_at) {
      ids = later->ids.data;
      mentions = later->mentions.data;
      ent_at = 0;
    }
    sentence_info *in = &sc->info[k];
    size_t hits;
    in->centrality = pc_centrality(&sc->terms, &ids, in->n_terms, &hits);
    in->title_hits = (uint32_t)hits;
    in->entities =
        in->n_ents ? entity_density(sc, mentions + ent_at, in->n_ents, in->n_words) : 0;
    ent_at += in->n_ents;
    if (in->centrality > max_cent) max_cent = in->centrality;
    if (in->entities > max_ent) max_ent = in->entities;
  }
  double digest = pc_digest_share(pc_budget_coverage_of(d, sc->doc_words, sc->lead_words));
  /* Paragraphs are counted as steps of the story (features.h). One where
   * no sentence ends, standing alone after one where a sentence does (a
   * photo caption, a label, a stray quote mark), is no step: the story
   * goes on after it at the same depth. In a run of such paragraphs (a
   * list without full stops) the others count. */
  size_t paragraph = 0, in_paragraph = 0;
  int ends = 0;        /* a sentence of the current paragraph ends */
  int before_ends = 1; /* so did one of the paragraph before it (or it is the first) */
  for (size_t k = 0; k < n; k++) {
    pc_sentence *s = &PC_VEC_AT(d->sentences, pc_sentence, k);
    if (k > 0 && s->paragraph == PC_VEC_AT(d->sentences, pc_sentence, k - 1).paragraph) {
      in_paragraph++;
    } else if (k > 0) {
      if (ends || !before_ends) paragraph++;
      before_ends = ends;
      in_paragraph = 0;
      ends = 0;
    }
    const sentence_info *in = &sc->info[k];
    if (in->ends) ends = 1;
    double *f = s->features;
    f[PRECIS_FEATURE_CENTRALITY] = max_cent > 0 ? in->centrality / max_cent : in->centrality;
    f[PRECIS_FEATURE_TITLE] =
        sc->title_terms ? (double)in->title_hits / (double)sc->title_terms : 0;
    f[PRECIS_FEATURE_ENTITIES] = max_ent > 0 ? in->entities / max_ent : in->entities;
    f[PRECIS_FEATURE_POSITION] = pc_position_prior(paragraph, in_paragraph);
    f[PRECIS_FEATURE_LENGTH] = pc_length_prior(s->n_words);
    s->score = weighted(w, f, digest, 1.0);
    /* Picks past the lede add to a summary whose core is chosen, so a long
     * one must earn its room: centrality grows with a sentence's terms, and
     * a central run-on would crowd out other facts, so there centrality
     * counts at the length prior's rate. Measured: without it, summaries of
     * 4-5 sentences ran 20% longer and lost 2-3 R-1 on CNN/DM; BBC at 100
     * words lost 0.25. */
    s->digest_score = weighted(w, f, 1.0, f[PRECIS_FEATURE_LENGTH]);
  }
  return 0;
}

/* Sizes the term and entity tables for the distinct terms and names a text
 * of this length has, about (Heaps' law), so they rarely grow and rehash:
 * a word in PC_BYTES_PER_WORD bytes, PC_HEAPS_K * sqrt(words) of them
 * distinct, and a name for every PC_TERMS_PER_NAME distinct terms. An
 * estimate only: the tables grow past it. */
#define PC_BYTES_PER_WORD 6
#define PC_HEAPS_K 35
#define PC_TERMS_PER_NAME 3
/* ... but stems of PC_STEM_PREFIX letters run out: past this many the
 * estimate would only make a sparse table that misses the cache. */
#define PC_TERMS_ESTIMATE_MAX 32768
static int reserve_tables(scorer *sc, size_t bytes) {
  double words = (double)(bytes / PC_BYTES_PER_WORD);
  double distinct = PC_HEAPS_K * sqrt(words);
  size_t terms = distinct < words ? (size_t)distinct : (size_t)words;
  if (terms > PC_TERMS_ESTIMATE_MAX) terms = PC_TERMS_ESTIMATE_MAX;
  if (pc_terms_reserve(&sc->terms, terms) != 0) return -1;
  return pc_idtab_reserve(&sc->entity_tab, terms / PC_TERMS_PER_NAME);
}

static void scorer_free(scorer *sc) {
  const pc_alloc *mem = sc->d->mem;
  pc_terms_free(&sc->terms);
  pc_idtab_free(&sc->entity_tab);
  pc_vec_free(mem, &sc->mentions);
  pc_vec_free(mem, &sc->ids);
  for (int i = 0; i < 2; i++) {
    pc_vec_free(mem, &sc->tokens[i]);
    pc_vec_free(mem, &sc->scan_room[i]);
  }
  if (sc->owns_info) pc_free(mem, sc->info);
}

/* Sets up a scorer for sentences [first, end), reading `info` (of every
 * sentence), with tables sized for `prose_bytes` of text. 0, or -1 when
 * memory runs out (the scorer is then freed with scorer_free). */
static int scorer_init(scorer *sc, pc_doc *d, sentence_info *info, size_t first, size_t end,
                       size_t prose_bytes) {
  memset(sc, 0, sizeof *sc);
  sc->d = d;
  sc->first = first;
  sc->end = end;
  sc->info = info;
  pc_terms_init(&sc->terms, d->mem);
  pc_idtab_init(&sc->entity_tab, d->mem, sizeof(entity_stat));
  sc->lead_sentences = pc_budget_sentences(d);
  return reserve_tables(sc, prose_bytes);
}

/* The prose of sentences [first, end), by their first and last offsets
 * (their own pass over the large array would cost more than the estimate
 * is worth). */
static size_t prose_of(const pc_doc *d, size_t first, size_t end) {
  if (first >= end) return 0;
  size_t from = PC_VEC_AT(d->sentences, pc_sentence, first).prose_start;
  size_t to = PC_VEC_AT(d->sentences, pc_sentence, end - 1).prose_end;
  return to > from ? to - from : 0;
}

/* Pass 1 over the scorer's sentences: 0, or -1 when memory runs out. */
static int read_sentences(scorer *sc) {
  if (sc->first >= sc->end) return 0;
  if (prepare_sentence(sc, sc->first) != 0) return -1;
  for (size_t k = sc->first; k < sc->end; k++) {
    if (k + 1 < sc->end && prepare_sentence(sc, k + 1) != 0) return -1;
    if (read_sentence(sc, k) != 0) return -1;
  }
  return 0;
}

/* Slot words of a term: the last sentence noted + 1; the later part's are
 * the later sentences. */
static uint32_t later_sentence(uint32_t into, uint32_t from) { return from ? from : into; }

/* Slot words of an entity: mentions, counted in steps of
 * PC_ENTITY_MENTION, and whether one was confirmed. */
static uint32_t both_mentions(uint32_t into, uint32_t from) {
  return ((into & ~PC_ENTITY_CONFIRMED) + (from & ~PC_ENTITY_CONFIRMED)) |
         ((into | from) & PC_ENTITY_CONFIRMED);
}

/* Renumbers the id stream `units` by `to` (id -> new id): in place when no
 * id's new form gets ahead of the ids still to read (ids numbered as first
 * met mostly keep their size), else into a new stream of exactly the
 * units they take, which replaces it. 0, or -1 when memory runs out. */
static int renumber_ids(const pc_alloc *mem, pc_vec *units, const uint32_t *to) {
  const uint16_t *from = units->data, *stop = from + units->len;
  size_t room = 0, read = 0;
  int in_place = 1;
  for (const uint16_t *at = from; at < stop;) {
    room += pc_ids_units(to[pc_ids_read(&at)]);
    read = (size_t)(at - from);
    if (room > read) in_place = 0;
  }
  pc_vec fresh = {0};
  if (!in_place && pc_vec_reserve_exact(mem, &fresh, sizeof(uint16_t), room) != 0) return -1;
  uint16_t *out = in_place ? units->data : fresh.data;
  for (const uint16_t *at = from; at < stop;) out = pc_ids_write(out, to[pc_ids_read(&at)]);
  if (!in_place) {
    pc_vec_free(mem, units);
    *units = fresh;
  }
  units->len = room;
  return 0;
}

/* Adds the term and entity counts of scorer `part`, which read the
 * sentences right after `sc`'s, to `sc`, as if `sc` had read them: its
 * terms and entities get the ids they would have had (ids are numbered as
 * first met, and those new to `sc` are added in the order `part` met
 * them), and its id stream and mentions are renumbered where they are, for
 * finish to read after `sc`'s (not copied: at 100 MB that took 32 MB more
 * at the peak). Its tables are freed. Linear in what `part` holds. 0, or
 * -1 when memory runs out. */
static int merge_part(scorer *sc, scorer *part) {
  const pc_alloc *mem = sc->d->mem;
  size_t n_terms = part->terms.tab.len, n_ents = part->entity_tab.len;
  uint32_t *term_ids = pc_malloc(mem, (n_terms + n_ents + 1) * sizeof *term_ids);
  if (!term_ids) return -1;
  uint32_t *entity_ids = term_ids + n_terms;
  int failed = pc_idtab_merge(&sc->terms.tab, &part->terms.tab, term_ids, later_sentence) != 0 ||
               pc_idtab_merge(&sc->entity_tab, &part->entity_tab, entity_ids, both_mentions) != 0;
  pc_terms_free(&part->terms);
  pc_idtab_free(&part->entity_tab);
  if (!failed) failed = renumber_ids(mem, &part->ids, term_ids) != 0;
  if (!failed) {
    mention *m = part->mentions.data;
    for (size_t i = 0; i < part->mentions.len; i++) m[i] = entity_ids[m[i] >> 1] << 1 | (m[i] & 1u);
  }
  sc->doc_words += part->doc_words;
  sc->lead_words += part->lead_words;
  pc_free(mem, term_ids);
  return failed ? -1 : 0;
}

static precis_status scoring_failed(pc_doc *d) {
  return pc_doc_fail(d, PRECIS_ERR_NOMEM, "out of memory while scoring");
}

precis_status pc_score(pc_doc *d) {
  size_t n = d->sentences.len;
  if (n == 0) return PRECIS_OK;
  scorer sc;
  sentence_info *info = pc_calloc(d->mem, n, sizeof *info);
  int failed = !info || scorer_init(&sc, d, info, 0, n, d->prose.out.len) != 0;
  sc.owns_info = 1;
  if (!failed) failed = read_title(&sc) != 0;
  if (!failed) failed = read_sentences(&sc) != 0;
  if (!failed) failed = finish(&sc, NULL) != 0;
  if (info) scorer_free(&sc);
  return failed ? scoring_failed(d) : PRECIS_OK;
}

struct pc_scoring {
  scorer earlier, later;
  int set_up_failed;      /* read by both threads, written before they start */
  int earlier_failed, later_failed;
};

/* The first sentence of the later part: the one holding prose byte
 * `share` of the way through. */
static size_t split_at(const pc_doc *d, double share) {
  const pc_sentence *s = d->sentences.data;
  size_t lo = 0, hi = d->sentences.len;
  size_t mid_byte = pc_doc_prose_at(d, share);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s[mid].prose_start < mid_byte) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

precis_status pc_score_begin(pc_doc *d, double share, pc_scoring **out) {
  *out = NULL;
  size_t n = d->sentences.len;
  pc_scoring *s = pc_malloc(d->mem, sizeof *s);
  if (!s) return scoring_failed(d);
  memset(s, 0, sizeof *s);
  sentence_info *info = pc_calloc(d->mem, n ? n : 1, sizeof *info);
  if (!info) {
    pc_free(d->mem, s);
    return scoring_failed(d);
  }
  size_t split = split_at(d, share);
  /* the earlier part gets the later part's terms too: tables for all */
  int failed = scorer_init(&s->earlier, d, info, 0, split, d->prose.out.len) != 0;
  s->earlier.owns_info = 1;
  failed |= scorer_init(&s->later, d, info, split, n, prose_of(d, split, n)) != 0;
  if (!failed) failed = read_title(&s->earlier) != 0;
  s->set_up_failed = failed;
  *out = s;
  return PRECIS_OK;
}

void pc_score_read_later(void *scoring) {
  pc_scoring *s = scoring;
  if (!s->set_up_failed) s->later_failed = read_sentences(&s->later) != 0;
}

void pc_score_read_earlier(pc_scoring *s) {
  if (!s->set_up_failed) s->earlier_failed = read_sentences(&s->earlier) != 0;
}

precis_status pc_score_end(pc_scoring *s) {
  pc_doc *d = s->earlier.d;
  int failed = s->set_up_failed || s->earlier_failed || s->later_failed;
  if (!failed) failed = merge_part(&s->earlier, &s->later) != 0;
  if (!failed) failed = finish(&s->earlier, &s->later) != 0;
  scorer_free(&s->later);
  scorer_free(&s->earlier);
  pc_free(d->mem, s);
  return failed ? scoring_failed(d) : PRECIS_OK;
}
