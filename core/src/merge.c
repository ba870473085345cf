/* precis_merge(): one summary of several documents on one story.
 *
 * Each document runs through the stages on its own. Then the sentences of all
 * documents compete by score, normalised per document so one long article does
 * not drown the others. A candidate that says what a chosen sentence already
 * says (most of its content words are the chosen one's) is skipped, and its
 * document is cited by the chosen sentence instead. The sources list has one
 * DOCUMENT entry per input, then every source the documents cite, merged by
 * name. Work is linear in the input plus n_sentences * summary length. */
#include "precis.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/arena.h"
#include "doc.h"
#include "handle.h"
#include "result.h"

/* Summary length when the options set no budget: a story told by several
 * articles needs a little more room than one article. */
#define PC_MERGE_DEFAULT_SENTENCES 8
/* Longest merged summary. Every candidate is compared with every chosen
 * sentence, so this bounds that check to n_sentences * 256 comparisons. */
#define PC_MAX_MERGE_SENTENCES 256
/* Content-word stems kept per sentence for the redundancy check; bounds the
 * cost of one comparison (sentences themselves are bounded in bytes). */
#define PC_MERGE_MAX_TERMS 64
/* Leading bytes of a lower-cased word that stand for it, so "minerals" and
 * "mineral", "Zelenskyy" and "Zelensky" count as the same word. */
#define PC_MERGE_STEM_BYTES 6
/* Most source ids one merged sentence cites. */
#define PC_MERGE_MAX_CITES 16
/* Two sentences say the same thing when they share at least this fraction
 * of the shorter one's content words (and at least PC_MERGE_MIN_SHARED). */
#define PC_MERGE_SAME_FRACTION 0.5
#define PC_MERGE_MIN_SHARED 3

/* ---- content words ------------------------------------------------------ */

/* Function words that say nothing about what a sentence reports; sorted. */
static const char *const stopwords[] = {
    "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "during", "each", "for", "from", "had", "has", "have",
    "he", "her", "here", "his", "how", "if", "in", "into", "is", "it", "its", "just",
    "may", "more", "most", "no", "not", "now", "of", "on", "one", "only", "or", "other",
    "our", "over", "said", "says", "she", "should", "so", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "under", "up", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "will", "with", "would", "you"};

static int compare_cstr(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_stopword(const char *word) {
  const char *key = word;
  return bsearch(&key, stopwords, sizeof stopwords / sizeof stopwords[0], sizeof stopwords[0],
                 compare_cstr) != NULL;
}

static uint64_t hash_bytes(uint64_t h, const char *s, size_t len) {
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211u;
  }
  return h;
}
#define PC_HASH_SEED 1469598103934665603u

/* A sentence's content-word stems as sorted, distinct hashes. */
typedef struct merge_terms {
  uint64_t hash[PC_MERGE_MAX_TERMS];
  size_t n;
} merge_terms;

static void add_term(merge_terms *t, const char *word, size_t len) {
  if (len < 2 || t->n == PC_MERGE_MAX_TERMS) return;
  if (is_stopword(word)) return;
  uint64_t h = hash_bytes(PC_HASH_SEED, word, len < PC_MERGE_STEM_BYTES ? len : PC_MERGE_STEM_BYTES);
  size_t i = t->n;
  while (i > 0 && t->hash[i - 1] > h) i--; /* insertion into a sorted set of <= 64 */
  if (i > 0 && t->hash[i - 1] == h) return;
  memmove(&t->hash[i + 1], &t->hash[i], (t->n - i) * sizeof t->hash[0]);
  t->hash[i] = h;
  t->n++;
}

static int is_word_codepoint(utf8proc_int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* Words are runs of letters and digits, lower-cased; longer words are cut
 * (they only need their stem and a stopword check). */
static void sentence_terms(const char *s, size_t len, merge_terms *t) {
  char word[32];
  size_t wlen = 0;
  t->n = 0;
  size_t i = 0;
  while (i <= len) {
    utf8proc_int32_t cp = -1;
    size_t step = 1;
    if (i < len) {
      utf8proc_ssize_t got = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
      if (got > 0) step = (size_t)got;
      else cp = -1;
    }
    if (cp >= 0 && is_word_codepoint(cp)) {
      utf8proc_uint8_t enc[4];
      utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(cp), enc);
      if (n > 0 && wlen + (size_t)n < sizeof word) {
        memcpy(word + wlen, enc, (size_t)n);
        wlen += (size_t)n;
      }
    } else if (wlen) {
      word[wlen] = '\0';
      add_term(t, word, wlen);
      wlen = 0;
    }
    i += step;
  }
}

static size_t shared_terms(const merge_terms *a, const merge_terms *b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a->n && j < b->n) {
    if (a->hash[i] == b->hash[j]) { n++; i++; j++; }
    else if (a->hash[i] < b->hash[j]) i++;
    else j++;
  }
  return n;
}

static int same_thing(const merge_terms *a, const merge_terms *b) {
  size_t shorter = a->n < b->n ? a->n : b->n;
  size_t shared = shared_terms(a, b);
  if (shorter == 0) return 0;
  return shared >= PC_MERGE_MIN_SHARED && (double)shared >= PC_MERGE_SAME_FRACTION * (double)shorter;
}

/* ---- string table (source names, URLs) ---------------------------------- */

typedef struct merge_slot {
  uint64_t hash;
  size_t tag;          /* what the string belongs to (a merged source for URLs) */
  const char *s;
  size_t len;
  size_t value;
  int used;
} merge_slot;

typedef struct merge_table {
  merge_slot *slots;
  size_t mask;
} merge_table;

static int table_init(const pc_alloc *mem, merge_table *t, size_t expected) {
  size_t cap = 16;
  while (cap < expected * 2 + 1) cap *= 2;
  t->slots = pc_calloc(mem, cap, sizeof *t->slots);
  t->mask = cap - 1;
  return t->slots ? 0 : -1;
}

/* The value stored for (tag, s); stores `value` and sets *added when new. */
static size_t table_intern(merge_table *t, size_t tag, const char *s, size_t len, size_t value,
                           int *added) {
  uint64_t h = hash_bytes(hash_bytes(PC_HASH_SEED, (const char *)&tag, sizeof tag), s, len);
  size_t i = (size_t)h & t->mask;
  while (t->slots[i].used) {
    merge_slot *e = &t->slots[i];
    if (e->hash == h && e->tag == tag && e->len == len && memcmp(e->s, s, len) == 0) {
      *added = 0;
      return e->value;
    }
    i = (i + 1) & t->mask;
  }
  t->slots[i] = (merge_slot){h, tag, s, len, value, 1};
  *added = 1;
  return value;
}

/* ---- the merge ---------------------------------------------------------- */

typedef struct merge_candidate {
  size_t doc, sentence;
  double score;
} merge_candidate;

typedef struct merge_pick {
  size_t doc, sentence;
  merge_terms terms;
  size_t also[PC_MERGE_MAX_CITES]; /* other documents that say the same */
  size_t n_also;
} merge_pick;

/* One cited source of all documents, merged by name. */
typedef struct merge_source {
  size_t doc, src;       /* its first occurrence, for the name and kind */
  size_t first_occ, n_occ; /* its occurrences in merge_state.occ */
} merge_source;

typedef struct merge_occ {
  size_t doc, src;
} merge_occ;

typedef struct merge_state {
  precis *p;
  const precis_document *in;
  size_t n_docs;
  pc_doc *docs;
  size_t n_started;      /* docs[0 .. n_started) were initialised */
  merge_candidate *cands;
  size_t n_cands;
  merge_pick *picks;
  size_t n_picks;
  size_t **src_map;      /* per document: source index -> merged source */
  merge_source *merged;
  size_t n_merged;
  merge_occ *occ;
  pc_arena scratch;
} merge_state;

static int by_score(const void *a, const void *b) {
  const merge_candidate *x = a, *y = b;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  if (x->sentence != y->sentence) return x->sentence < y->sentence ? -1 : 1;
  return x->doc < y->doc ? -1 : x->doc > y->doc;
}

static int by_place(const void *a, const void *b) {
  const merge_pick *x = a, *y = b;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

static void fail(merge_state *m, size_t doc, const char *why) {
  char copy[PC_ERRMSG_CAP];
  snprintf(copy, sizeof copy, "%s", why);
  const char *name = m->in[doc].name ? m->in[doc].name : "";
  snprintf(m->p->errmsg, PC_ERRMSG_CAP, "document %zu%s%.150s%s: %.300s", doc + 1, name[0] ? " (" : "",
           name, name[0] ? ")" : "", copy);
}

/* Runs the stages on every document; documents without text are kept (they
 * are still listed as sources) but give no candidates. */
static precis_status analyse_documents(merge_state *m) {
  precis *p = m->p;
  for (size_t i = 0; i < m->n_docs; i++) {
    pc_doc *d = &m->docs[i];
    const char *text = m->in[i].text ? m->in[i].text : "";
    pc_doc_init(d, &p->mem, &p->opts, &p->lex, text, m->in[i].len, p->errmsg, sizeof p->errmsg);
    pc_doc_without_pool(d); /* the documents stay alive together */
    m->n_started = i + 1;
    precis_status st = pc_repair(d);
    if (st == PRECIS_OK) st = pc_layout(d);
    /* As in precis.c: the repaired text is not kept for every document. */
    if (st == PRECIS_OK) st = pc_find_links(d);
    if (st == PRECIS_OK) pc_doc_release_repaired_text(d);
    if (st == PRECIS_OK) st = pc_segment_doc(d);
    if (st == PRECIS_OK && d->sentences.len == 0) continue;
    if (st == PRECIS_OK) pc_doc_share_sentence_texts(d);
    if (st == PRECIS_OK) st = pc_score(d);
    if (st == PRECIS_OK) st = pc_cite(d);
    if (st == PRECIS_ERR_EMPTY) {
      p->errmsg[0] = '\0';
      continue;
    }
    if (st != PRECIS_OK) {
      fail(m, i, p->errmsg[0] ? p->errmsg : precis_strerror(st));
      return st;
    }
    m->n_cands += d->sentences.len;
  }
  return PRECIS_OK;
}

static precis_status collect_candidates(merge_state *m) {
  m->cands = pc_calloc(&m->p->mem, m->n_cands ? m->n_cands : 1, sizeof *m->cands);
  if (!m->cands) return PRECIS_ERR_NOMEM;
  size_t k = 0;
  for (size_t i = 0; i < m->n_docs; i++) {
    pc_doc *d = &m->docs[i];
    const pc_sentence *s = d->sentences.data;
    double best = 0;
    for (size_t j = 0; j < d->sentences.len; j++)
      if (s[j].score > best) best = s[j].score;
    for (size_t j = 0; j < d->sentences.len; j++) {
      PC_VEC_AT(d->sentences, pc_sentence, j).selected = 0;
      m->cands[k++] = (merge_candidate){i, j, best > 0 ? s[j].score / best : 0};
    }
  }
  qsort(m->cands, m->n_cands, sizeof *m->cands, by_score);
  return PRECIS_OK;
}

static size_t budget(const merge_state *m) {
  const precis_options *o = &m->p->opts;
  size_t n = PC_MERGE_DEFAULT_SENTENCES;
  if (o->max_sentences) n = o->max_sentences;
  else if (o->ratio > 0) n = (size_t)(o->ratio * (double)m->n_cands + 0.999999);
  else if (o->max_words) n = PC_MAX_MERGE_SENTENCES;
  if (n < 1) n = 1;
  if (n > PC_MAX_MERGE_SENTENCES) n = PC_MAX_MERGE_SENTENCES;
  return n;
}

static void cite_also(merge_pick *pick, size_t doc) {
  if (doc == pick->doc) return;
  for (size_t k = 0; k < pick->n_also; k++)
    if (pick->also[k] == doc) return;
  if (pick->n_also < PC_MERGE_MAX_CITES) pick->also[pick->n_also++] = doc;
}

/* Greedy by score; a candidate that repeats a pick is skipped and its
 * document cited by that pick. After the budget is full, the remaining
 * candidates still add their documents to the picks they repeat. */
static precis_status select_sentences(merge_state *m) {
  size_t want = budget(m);
  size_t max_words = m->p->opts.max_words, words = 0;
  m->picks = pc_calloc(&m->p->mem, want, sizeof *m->picks);
  if (!m->picks) return PRECIS_ERR_NOMEM;
  merge_terms terms;
  int full = 0;
  for (size_t c = 0; c < m->n_cands; c++) {
    const merge_candidate *cand = &m->cands[c];
    pc_doc *d = &m->docs[cand->doc];
    const pc_sentence *s = &PC_VEC_AT(d->sentences, pc_sentence, cand->sentence);
    sentence_terms(pc_sentence_text(d, s), s->text_len, &terms);
    int repeated = 0;
    for (size_t k = 0; k < m->n_picks; k++) {
      if (same_thing(&terms, &m->picks[k].terms)) {
        cite_also(&m->picks[k], cand->doc);
        repeated = 1;
      }
    }
    if (repeated || full) continue;
    if (max_words && m->n_picks > 0 && words + s->n_words > max_words) {
      full = 1;
      continue;
    }
    merge_pick *pick = &m->picks[m->n_picks++];
    pick->doc = cand->doc;
    pick->sentence = cand->sentence;
    pick->terms = terms;
    words += s->n_words;
    if (m->n_picks == want || (max_words && words >= max_words)) full = 1;
  }
  qsort(m->picks, m->n_picks, sizeof *m->picks, by_place);
  for (size_t k = 0; k < m->n_picks; k++)
    PC_VEC_AT(m->docs[m->picks[k].doc].sentences, pc_sentence, m->picks[k].sentence).selected = 1;
  return PRECIS_OK;
}

/* A source name as compared across documents: lower case, single spaces, no
 * leading "the " ("The Times" and "times" are one outlet). */
static char *name_key(pc_arena *ar, const char *s, size_t len, size_t *key_len) {
  char *key = pc_arena_alloc(ar, len + 1);
  if (!key) return NULL;
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c == ' ' || c == '\t' || c == '\n') {
      if (n == 0 || key[n - 1] == ' ') continue;
      c = ' ';
    }
    key[n++] = c;
  }
  while (n > 0 && key[n - 1] == ' ') n--;
  key[n] = '\0';
  if (n > 4 && memcmp(key, "the ", 4) == 0) {
    *key_len = n - 4;
    return key + 4;
  }
  *key_len = n;
  return key;
}

static precis_status merge_sources(merge_state *m) {
  const pc_alloc *mem = &m->p->mem;
  size_t total = 0;
  for (size_t i = 0; i < m->n_docs; i++) total += m->docs[i].sources.len;
  m->src_map = pc_calloc(mem, m->n_docs, sizeof *m->src_map);
  m->merged = pc_calloc(mem, total ? total : 1, sizeof *m->merged);
  m->occ = pc_calloc(mem, total ? total : 1, sizeof *m->occ);
  merge_table names = {0};
  if (!m->src_map || !m->merged || !m->occ || table_init(mem, &names, total))
    goto nomem;
  for (size_t i = 0; i < m->n_docs; i++) {
    pc_doc *d = &m->docs[i];
    if (!d->sources.len) continue;
    m->src_map[i] = pc_arena_alloc(&m->scratch, d->sources.len * sizeof(size_t));
    if (!m->src_map[i]) goto nomem;
    for (size_t j = 0; j < d->sources.len; j++) {
      const pc_source *src = &PC_VEC_AT(d->sources, pc_source, j);
      size_t key_len;
      char *key = name_key(&m->scratch, d->strings.data + src->name.off, src->name.len, &key_len);
      if (!key) goto nomem;
      int added;
      size_t id = table_intern(&names, 0, key, key_len, m->n_merged, &added);
      if (added) m->merged[m->n_merged++] = (merge_source){i, j, 0, 0};
      m->src_map[i][j] = id;
      m->merged[id].n_occ++;
    }
  }
  /* Occurrences grouped by merged source (a counting sort). */
  size_t at = 0;
  for (size_t k = 0; k < m->n_merged; k++) {
    m->merged[k].first_occ = at;
    at += m->merged[k].n_occ;
    m->merged[k].n_occ = 0;
  }
  for (size_t i = 0; i < m->n_docs; i++)
    for (size_t j = 0; j < m->docs[i].sources.len; j++) {
      merge_source *ms = &m->merged[m->src_map[i][j]];
      m->occ[ms->first_occ + ms->n_occ++] = (merge_occ){i, j};
    }
  pc_free(mem, names.slots);
  return PRECIS_OK;
nomem:
  pc_free(mem, names.slots);
  return PRECIS_ERR_NOMEM;
}

/* The title of document i, or NULL. */
static const char *doc_title(merge_state *m, size_t i, size_t *len, pc_range *where) {
  pc_doc *d = &m->docs[i];
  if (d->title_block < 0 || (size_t)d->title_block >= d->blocks.len) return NULL;
  const pc_block *b = &PC_VEC_AT(d->blocks, pc_block, (size_t)d->title_block);
  *len = b->prose_end - b->prose_start;
  *where = pc_doc_prose_to_orig(d, b->prose_start, b->prose_end);
  return *len ? d->prose.out.data + b->prose_start : NULL;
}

static precis_status document_source(merge_state *m, pc_result_box *box, size_t i,
                                     precis_source *out) {
  pc_arena *ar = &box->arena;
  const precis_document *in = &m->in[i];
  size_t title_len = 0;
  pc_range where = {0, 0};
  const char *title = doc_title(m, i, &title_len, &where);
  char fallback[32];
  snprintf(fallback, sizeof fallback, "document %zu", i + 1);
  const char *file = in->name && in->name[0] ? in->name : NULL;
  out->id = i + 1;
  out->kind = PRECIS_SOURCE_DOCUMENT;
  if (title && file) {
    size_t file_len = strlen(file);
    char *name = pc_arena_alloc(ar, title_len + file_len + 4);
    if (!name) return PRECIS_ERR_NOMEM;
    memcpy(name, title, title_len);
    memcpy(name + title_len, " (", 2);
    memcpy(name + title_len + 2, file, file_len);
    memcpy(name + title_len + 2 + file_len, ")", 2);
    out->name = name;
  } else {
    out->name = title ? pc_arena_strndup(ar, title, title_len)
                      : pc_arena_strndup(ar, file ? file : fallback, strlen(file ? file : fallback));
  }
  const char **urls = pc_arena_alloc(ar, 2 * sizeof(char *));
  const char **titles = pc_arena_alloc(ar, 2 * sizeof(char *));
  precis_mention *mention = pc_arena_alloc(ar, sizeof *mention);
  if (!out->name || !urls || !titles || !mention) return PRECIS_ERR_NOMEM;
  if (in->url && in->url[0]) {
    urls[0] = pc_arena_strndup(ar, in->url, strlen(in->url));
    titles[0] = title ? pc_arena_strndup(ar, title, title_len) : "";
    if (!urls[0] || !titles[0]) return PRECIS_ERR_NOMEM;
    out->n_urls = 1;
  }
  out->urls = urls;
  out->titles = titles;
  out->mentions = mention;
  if (title) {
    mention->document = i;
    precis_status st = pc_doc_span(&m->docs[i], where.start, where.end, &mention->span);
    if (st != PRECIS_OK) return st;
    out->n_mentions = 1;
  }
  return PRECIS_OK;
}

static precis_status cited_source(merge_state *m, pc_result_box *box, merge_table *urls_seen,
                                  size_t k, precis_source *out) {
  pc_arena *ar = &box->arena;
  const merge_source *ms = &m->merged[k];
  pc_doc *first = &m->docs[ms->doc];
  const pc_source *fs = &PC_VEC_AT(first->sources, pc_source, ms->src);
  out->id = m->n_docs + k + 1;
  out->kind = fs->kind;
  out->name = pc_arena_strndup(ar, first->strings.data + fs->name.off, fs->name.len);
  size_t n_urls = 0, n_mentions = 0;
  for (size_t o = 0; o < ms->n_occ; o++) {
    const merge_occ *oc = &m->occ[ms->first_occ + o];
    const pc_source *src = &PC_VEC_AT(m->docs[oc->doc].sources, pc_source, oc->src);
    n_urls += src->urls.len;
    n_mentions += src->mentions.len;
  }
  const char **urls = pc_arena_alloc(ar, (n_urls + 1) * sizeof(char *));
  const char **titles = pc_arena_alloc(ar, (n_urls + 1) * sizeof(char *));
  precis_mention *mentions = pc_arena_alloc(ar, (n_mentions + 1) * sizeof *mentions);
  if (!out->name || !urls || !titles || !mentions) return PRECIS_ERR_NOMEM;
  size_t nu = 0, nm = 0;
  for (size_t o = 0; o < ms->n_occ; o++) {
    const merge_occ *oc = &m->occ[ms->first_occ + o];
    pc_doc *d = &m->docs[oc->doc];
    const pc_source *src = &PC_VEC_AT(d->sources, pc_source, oc->src);
    for (size_t u = 0; u < src->urls.len; u++) {
      pc_strref url = PC_VEC_AT(src->urls, pc_strref, u);
      pc_strref title = u < src->titles.len ? PC_VEC_AT(src->titles, pc_strref, u) : (pc_strref){0, 0};
      int added;
      table_intern(urls_seen, k, d->strings.data + url.off, url.len, 0, &added);
      if (!added) continue;
      urls[nu] = pc_arena_strndup(ar, d->strings.data + url.off, url.len);
      titles[nu] = pc_arena_strndup(ar, title.len ? d->strings.data + title.off : "", title.len);
      if (!urls[nu] || !titles[nu]) return PRECIS_ERR_NOMEM;
      nu++;
    }
    for (size_t r = 0; r < src->mentions.len; r++) {
      pc_range range = PC_VEC_AT(src->mentions, pc_range, r);
      mentions[nm].document = oc->doc;
      precis_status st = pc_doc_span(d, range.start, range.end, &mentions[nm].span);
      if (st != PRECIS_OK) return st;
      nm++;
    }
  }
  out->urls = urls;
  out->titles = titles;
  out->n_urls = nu;
  out->mentions = mentions;
  out->n_mentions = nm;
  return PRECIS_OK;
}

static void add_id(size_t *ids, size_t *n, size_t id) {
  for (size_t k = 0; k < *n; k++)
    if (ids[k] == id) return;
  if (*n < PC_MERGE_MAX_CITES) ids[(*n)++] = id;
}

/* The source indices a pick cites: its document, the documents that say the
 * same, then what the sentence itself cites. */
static size_t pick_citations(const merge_state *m, const merge_pick *pick, size_t *ids) {
  size_t n = 0;
  add_id(ids, &n, pick->doc);
  for (size_t k = 0; k < pick->n_also; k++) add_id(ids, &n, pick->also[k]);
  const pc_doc *d = &m->docs[pick->doc];
  const pc_citation *c = d->citations.data;
  size_t lo = 0, hi = d->citations.len; /* citations are sorted by sentence */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c[mid].sentence < pick->sentence) lo = mid + 1;
    else hi = mid;
  }
  for (size_t k = lo; k < d->citations.len && c[k].sentence == pick->sentence; k++)
    if (c[k].source < d->sources.len) add_id(ids, &n, m->n_docs + m->src_map[pick->doc][c[k].source]);
  return n;
}

static precis_status build_result(merge_state *m, precis_result **out) {
  pc_result_box *box = pc_result_new(&m->p->mem);
  if (!box) return PRECIS_ERR_NOMEM;
  precis_result *r = &box->pub;
  precis_status st = PRECIS_OK;
  merge_table urls_seen = {0};
  r->n_documents = m->n_docs;
  for (size_t i = 0; i < m->n_docs; i++) {
    r->total_sentences += m->docs[i].sentences.len;
    r->total_words += m->docs[i].total_words;
  }
  const char **names = pc_arena_alloc(&box->arena, m->n_docs * sizeof(char *));
  if (!names) { st = PRECIS_ERR_NOMEM; goto done; }
  for (size_t i = 0; i < m->n_docs; i++) {
    const char *name = m->in[i].name ? m->in[i].name : "";
    names[i] = pc_arena_strndup(&box->arena, name, strlen(name));
    if (!names[i]) { st = PRECIS_ERR_NOMEM; goto done; }
  }
  r->document_names = names;

  size_t n_sources = m->n_docs + m->n_merged;
  precis_source *sources = pc_arena_alloc(&box->arena, n_sources * sizeof *sources);
  if (!sources) { st = PRECIS_ERR_NOMEM; goto done; }
  for (size_t i = 0; i < m->n_docs && st == PRECIS_OK; i++)
    st = document_source(m, box, i, &sources[i]);
  size_t total_urls = 0;
  for (size_t i = 0; i < m->n_docs; i++)
    for (size_t j = 0; j < m->docs[i].sources.len; j++)
      total_urls += PC_VEC_AT(m->docs[i].sources, pc_source, j).urls.len;
  if (st == PRECIS_OK && table_init(&m->p->mem, &urls_seen, total_urls)) st = PRECIS_ERR_NOMEM;
  for (size_t k = 0; k < m->n_merged && st == PRECIS_OK; k++)
    st = cited_source(m, box, &urls_seen, k, &sources[m->n_docs + k]);
  if (st != PRECIS_OK) goto done;
  r->sources = sources;
  r->n_sources = n_sources;

  precis_sentence *sentences = pc_arena_alloc(&box->arena, (m->n_picks + 1) * sizeof *sentences);
  if (!sentences) { st = PRECIS_ERR_NOMEM; goto done; }
  for (size_t k = 0; k < m->n_picks && st == PRECIS_OK; k++) {
    size_t ids[PC_MERGE_MAX_CITES];
    size_t n_ids = pick_citations(m, &m->picks[k], ids);
    st = pc_result_sentence(box, &m->docs[m->picks[k].doc], m->picks[k].sentence,
                            m->picks[k].doc, ids, n_ids, &sentences[k]);
  }
  r->sentences = sentences;
  r->n_sentences = m->n_picks;

done:
  pc_free(&m->p->mem, urls_seen.slots);
  if (st != PRECIS_OK) {
    precis_result_free(r);
    return st;
  }
  *out = r;
  return PRECIS_OK;
}

static void merge_state_free(merge_state *m) {
  const pc_alloc *mem = &m->p->mem;
  for (size_t i = 0; i < m->n_started; i++) pc_doc_free(&m->docs[i]);
  pc_free(mem, m->docs);
  pc_free(mem, m->cands);
  pc_free(mem, m->picks);
  pc_free(mem, m->src_map);
  pc_free(mem, m->merged);
  pc_free(mem, m->occ);
  pc_arena_free(&m->scratch);
}

precis_status precis_merge(precis *p, const precis_document *docs, size_t n_docs,
                           precis_result **out) {
  if (!p) return PRECIS_ERR_INVALID_ARGUMENT;
  if (out) *out = NULL;
  p->errmsg[0] = '\0';
  if (!out || (!docs && n_docs)) {
    snprintf(p->errmsg, PC_ERRMSG_CAP, "docs and out must not be NULL");
    return PRECIS_ERR_INVALID_ARGUMENT;
  }
  if (n_docs == 0 || n_docs > PRECIS_MAX_DOCUMENTS) {
    snprintf(p->errmsg, PC_ERRMSG_CAP, "precis_merge takes 1 to %d documents, not %zu",
             PRECIS_MAX_DOCUMENTS, n_docs);
    return PRECIS_ERR_INVALID_ARGUMENT;
  }
  for (size_t i = 0; i < n_docs; i++)
    if (!docs[i].text && docs[i].len) {
      snprintf(p->errmsg, PC_ERRMSG_CAP, "document %zu has no text but a length", i + 1);
      return PRECIS_ERR_INVALID_ARGUMENT;
    }
  merge_state m;
  memset(&m, 0, sizeof m);
  m.p = p;
  m.in = docs;
  m.n_docs = n_docs;
  pc_arena_init(&m.scratch, &p->mem);
  m.docs = pc_calloc(&p->mem, n_docs, sizeof *m.docs);
  precis_status st = m.docs ? analyse_documents(&m) : PRECIS_ERR_NOMEM;
  if (st == PRECIS_OK && m.n_cands == 0) {
    snprintf(p->errmsg, PC_ERRMSG_CAP, "no sentences found in any of the %zu documents", n_docs);
    st = PRECIS_ERR_EMPTY;
  }
  if (st == PRECIS_OK) st = collect_candidates(&m);
  if (st == PRECIS_OK) st = select_sentences(&m);
  if (st == PRECIS_OK) st = merge_sources(&m);
  if (st == PRECIS_OK) st = build_result(&m, out);
  if (st == PRECIS_ERR_NOMEM) snprintf(p->errmsg, PC_ERRMSG_CAP, "out of memory");
  merge_state_free(&m);
  return st;
}
