/* Stage 6: sources. Links and attributions found in the text become the
 * document's de-duplicated source list (ids in order of first mention), and
 * every sentence gets the sources it relies on: its own links and
 * attributions, the citation line that follows its stretch of prose, else
 * the last attribution of its paragraph when it continues that reported
 * speech ("..., he said"), else none. */
#include <stdint.h>
#include <string.h>

#include "base/bytes16.h"
#include "sources/evidence.h"
#include "sources/sources.h"

#define PC_NO_SOURCE ((size_t)-1)
/* Most sources cited by one sentence (as in result.c). */
#define PC_MAX_CITED 16
/* Most links of one citation line or embed looked at for each sentence
 * before it, so an embed with thousands of links stays linear. */
#define PC_MAX_CITE_GROUP 64

static const char *ev_str(const pc_evidence_list *l, size_t off) {
  return l->text.data ? l->text.data + off : "";
}

/* Gives `e` its source, creating or extending it. */
static precis_status register_evidence(pc_source_table *t, const pc_evidence_list *l,
                                       pc_evidence *e, size_t *last_attribution) {
  e->source = PC_NO_SOURCE;
  if (e->kind == PC_EV_ANAPHOR) {
    e->source = *last_attribution;
    return PRECIS_OK;
  }
  precis_status st = PRECIS_OK;
  size_t index;
  if (!(e->url_len && pc_source_by_url(t, ev_str(l, e->url_off), e->url_len, &index)))
    st = pc_source_named(t, ev_str(l, e->name_off), e->name_len, e->src_kind, e->attribution,
                         &index);
  if (st == PRECIS_OK && e->url_len)
    st = pc_source_add_url(t, index, ev_str(l, e->url_off), e->url_len,
                           ev_str(l, e->title_off), e->title_len);
  if (st == PRECIS_OK) st = pc_source_add_mention(t, index, (pc_range){e->start, e->end});
  if (st != PRECIS_OK) return st;
  e->source = index;
  if (e->attribution) *last_attribution = index;
  return PRECIS_OK;
}

/* Merges both lists by position into `all`, registering sources on the way
 * so ids follow the order of first mention. */
static precis_status merge(pc_doc *d, pc_source_table *t, pc_evidence_list *links,
                           pc_evidence_list *attrs, pc_vec *all) {
  size_t i = 0, j = 0, last_attribution = PC_NO_SOURCE;
  pc_evidence *li = links->items.data, *at = attrs->items.data;
  while (i < links->items.len || j < attrs->items.len) {
    int take_link = j >= attrs->items.len ||
                    (i < links->items.len && li[i].start <= at[j].start);
    pc_evidence *e = take_link ? &li[i++] : &at[j++];
    precis_status st = register_evidence(t, take_link ? links : attrs, e, &last_attribution);
    if (st != PRECIS_OK) return st;
    if (e->source == PC_NO_SOURCE) continue;
    pc_evidence *slot = PC_VEC_PUSH(d->mem, all, pc_evidence);
    if (!slot) return PRECIS_ERR_NOMEM;
    *slot = *e;
  }
  return PRECIS_OK;
}

#define L(c) (1u << ((c) - 'a'))

static int ascii_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* The end of the run of ASCII letters from s[i] in s[0, n): eight bytes a
 * step where the byte order allows (most of a sentence is words). */
static size_t letters_end(const char *s, size_t i, size_t n) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (n - i >= 8) {
    uint64_t v;
    memcpy(&v, s + i, 8);
    uint64_t stop = ~pc_swar_ascii_in(v | 0x2020202020202020u, 'a', 'z') & 0x8080808080808080u;
    if (stop) return i + (pc_mask64_lowest(stop) >> 3);
    i += 8;
  }
#endif
  while (i < n && ascii_letter(s[i])) i++;
  return i;
}

enum { SPEECH_NONE, SPEECH_SPEAKER, SPEECH_VERB };

/* Whether the letters w[0, n) (any case) are a speaker ("he", "report") or
 * a verb of speech ("said", "according"). */
static int speech_word(const char *w, size_t n) {
  /* By length: the words of n letters are from by_len[n] to by_len[n + 1]. */
  static const struct {
    const char *word;
    unsigned char kind;
  } words[] = {
      {"he", SPEECH_SPEAKER},        {"it", SPEECH_SPEAKER},
      {"she", SPEECH_SPEAKER},       {"one", SPEECH_SPEAKER},
      {"they", SPEECH_SPEAKER},      {"said", SPEECH_VERB},
      {"says", SPEECH_VERB},         {"adds", SPEECH_VERB},
      {"told", SPEECH_VERB},         {"paper", SPEECH_SPEAKER},
      {"added", SPEECH_VERB},        {"noted", SPEECH_VERB},
      {"notes", SPEECH_VERB},        {"tells", SPEECH_VERB},
      {"wrote", SPEECH_VERB},        {"report", SPEECH_SPEAKER},
      {"outlet", SPEECH_SPEAKER},    {"agency", SPEECH_SPEAKER},
      {"source", SPEECH_SPEAKER},    {"writes", SPEECH_VERB},
      {"warned", SPEECH_VERB},       {"stated", SPEECH_VERB},
      {"argued", SPEECH_VERB},       {"sources", SPEECH_SPEAKER},
      {"claimed", SPEECH_VERB},      {"stressed", SPEECH_VERB},
      {"insisted", SPEECH_VERB},     {"reported", SPEECH_VERB},
      {"revealed", SPEECH_VERB},     {"recalled", SPEECH_VERB},
      {"newspaper", SPEECH_SPEAKER}, {"explained", SPEECH_VERB},
      {"continued", SPEECH_VERB},    {"according", SPEECH_VERB},
      {"broadcaster", SPEECH_SPEAKER}};
  static const unsigned char by_len[13] = {0, 0, 0, 2, 4, 9, 15, 23, 25, 30, 34, 34, 35};
  /* Bit c - 'a' of first[n] set when some word of n letters begins with
   * c: most words stop here. */
  static const uint32_t first[12] = {
      [2] = L('h') | L('i'),
      [3] = L('s') | L('o'),
      [4] = L('t') | L('s') | L('a'),
      [5] = L('p') | L('a') | L('n') | L('t') | L('w'),
      [6] = L('r') | L('o') | L('a') | L('s') | L('w'),
      [7] = L('s') | L('c'),
      [8] = L('s') | L('i') | L('r'),
      [9] = L('n') | L('e') | L('c') | L('a'),
      [11] = L('b')};
  if (n > 11 || !(first[n] >> ((w[0] | 0x20) - 'a') & 1u)) return SPEECH_NONE;
  char low[12];
  for (size_t k = 0; k < n; k++) low[k] = (char)(w[k] | 0x20);
  for (size_t i = by_len[n]; i < by_len[n + 1]; i++)
    if (words[i].word[0] == low[0] && memcmp(words[i].word, low, n) == 0) return words[i].kind;
  return SPEECH_NONE;
}

/* 1 when a sentence carries on someone else's reported speech: a pronoun
 * speaker ("he said", "one added", "the report says") or a bare quote. */
static int continues_speech(const char *s, size_t n) {
  size_t since_speaker = 99;
  int any_verb = 0;
  for (size_t i = 0; i < n;) {
    if (!ascii_letter(s[i])) { i++; continue; }
    size_t start = i;
    i = letters_end(s, i, n);
    int kind = speech_word(s + start, i - start);
    if (kind == SPEECH_VERB) {
      any_verb = 1;
      if (since_speaker <= 2) return 1;
    }
    since_speaker = kind == SPEECH_SPEAKER ? 0 : since_speaker + 1;
  }
  int opens_quote = n > 0 && (s[0] == '"' || s[0] == '\'' ||
                              (n >= 3 && memcmp(s, "\xE2\x80\x9C", 3) == 0) ||
                              (n >= 3 && memcmp(s, "\xE2\x80\x98", 3) == 0));
  return opens_quote && !any_verb;
}

static void add_id(size_t *ids, size_t *n, size_t id) {
  if (id == PC_NO_SOURCE) return;
  for (size_t k = 0; k < *n; k++)
    if (ids[k] == id) return;
  if (*n < PC_MAX_CITED) ids[(*n)++] = id;
}

/* Walks sentences and evidence together, once. */
static precis_status cite_sentences(pc_doc *d, const pc_vec *all) {
  const pc_evidence *ev = all->data;
  size_t n_ev = all->len, e = 0, c = 0;
  size_t paragraph = (size_t)-1, paragraph_source = PC_NO_SOURCE;
  for (size_t si = 0; si < d->sentences.len; si++) {
    const pc_sentence *s = &PC_VEC_AT(d->sentences, pc_sentence, si);
    size_t ids[PC_MAX_CITED], n = 0, own_attribution = PC_NO_SOURCE;
    if (s->paragraph != paragraph) {
      paragraph = s->paragraph;
      paragraph_source = PC_NO_SOURCE;
    }
    while (e < n_ev && ev[e].start < s->start) e++;
    for (; e < n_ev && ev[e].start < s->end; e++) {
      if (ev[e].kind == PC_EV_ENTRY) continue;
      add_id(ids, &n, ev[e].source);
      if (ev[e].attribution || ev[e].kind == PC_EV_ANAPHOR) own_attribution = ev[e].source;
    }
    while (c < n_ev && (ev[c].kind != PC_EV_CITE_BACK || ev[c].start < s->end)) c++;
    for (size_t k = c; k < n_ev && k - c < PC_MAX_CITE_GROUP && ev[k].kind == PC_EV_CITE_BACK &&
                       ev[k].back_to < s->end;
         k++)
      add_id(ids, &n, ev[k].source);
    if (n == 0 && paragraph_source != PC_NO_SOURCE &&
        continues_speech(pc_sentence_text(d, s), s->text_len))
      add_id(ids, &n, paragraph_source);
    if (own_attribution != PC_NO_SOURCE) paragraph_source = own_attribution;
    for (size_t k = 0; k < n; k++) {
      pc_citation *cit = PC_VEC_PUSH(d->mem, &d->citations, pc_citation);
      if (!cit) return PRECIS_ERR_NOMEM;
      cit->sentence = si;
      cit->source = ids[k];
    }
  }
  return PRECIS_OK;
}

precis_status pc_find_links(pc_doc *d) {
  if (d->found_links) return PRECIS_OK;
  pc_evidence_list *links = pc_malloc(d->mem, sizeof *links);
  if (!links) return pc_cite_report(d, PRECIS_ERR_NOMEM);
  memset(links, 0, sizeof *links);
  precis_status st = pc_scan_links(d, links);
  if (st == PRECIS_OK) {
    d->found_links = links;
    return PRECIS_OK;
  }
  pc_evidence_free(d->mem, links);
  pc_free(d->mem, links);
  return pc_cite_report(d, st);
}

precis_status pc_cite(pc_doc *d) { return pc_cite_report(d, pc_cite_unreported(d)); }

precis_status pc_cite_report(pc_doc *d, precis_status status) {
  if (status == PRECIS_OK) return PRECIS_OK;
  return pc_doc_fail(d, status, "out of memory while finding sources");
}

precis_status pc_cite_unreported(pc_doc *d) {
  pc_evidence_list links, attrs;
  memset(&links, 0, sizeof links);
  memset(&attrs, 0, sizeof attrs);
  pc_vec all = {0};
  pc_source_table table;
  pc_source_table_init(&table, d);
  precis_status st = PRECIS_OK;
  if (d->found_links) {
    links = *d->found_links; /* taken over, freed below */
    memset(d->found_links, 0, sizeof *d->found_links);
  } else {
    st = pc_scan_links(d, &links);
  }
  if (st == PRECIS_OK) st = pc_scan_attributions(d, &attrs);
  if (st == PRECIS_OK) st = merge(d, &table, &links, &attrs, &all);
  if (st == PRECIS_OK) st = cite_sentences(d, &all);
  pc_source_table_free(&table);
  pc_vec_free(d->mem, &all);
  pc_evidence_free(d->mem, &links);
  pc_evidence_free(d->mem, &attrs);
  return st;
}
