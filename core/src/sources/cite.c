/* Stage 6: sources. Links and attributions found in the text become the
 * document's de-duplicated source list (ids in order of first mention), and
 * every sentence gets the sources it relies on: its own links and
 * attributions, the citation line that follows its stretch of prose, else
 * the last attribution of its paragraph when it continues that reported
 * speech ("..., he said"), else none. */
#include <string.h>

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

static int lower_ascii(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* The ASCII word at s[i..) lowercased into w (at most cap-1 bytes); returns
 * the index after it. */
static size_t next_word(const char *s, size_t n, size_t i, char *w, size_t cap) {
  size_t k = 0;
  while (i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) {
    if (k + 1 < cap) w[k++] = (char)lower_ascii(s[i]);
    i++;
  }
  w[k] = '\0';
  return i;
}

static int in_list(const char *w, const char *const *list) {
  for (size_t i = 0; list[i]; i++)
    if (w[0] == list[i][0] && strcmp(w, list[i]) == 0) return 1;
  return 0;
}

/* 1 when a sentence carries on someone else's reported speech: a pronoun
 * speaker ("he said", "one added", "the report says") or a bare quote. */
static int continues_speech(const char *s, size_t n) {
  static const char *const speakers[] = {"he", "she", "they", "it", "one", "report",
                                         "newspaper", "paper", "outlet", "agency",
                                         "broadcaster", "source", "sources", NULL};
  static const char *const verbs[] = {"said", "says", "added", "adds", "noted", "notes",
                                      "told", "tells", "wrote", "writes", "warned",
                                      "explained", "stressed", "continued", "insisted",
                                      "claimed", "argued", "according", "reported",
                                      "revealed", "stated", "recalled", NULL};
  char w[16];
  size_t since_speaker = 99;
  int any_verb = 0;
  for (size_t i = 0; i < n;) {
    if (!(((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))) { i++; continue; }
    i = next_word(s, n, i, w, sizeof w);
    if (in_list(w, verbs)) {
      any_verb = 1;
      if (since_speaker <= 2) return 1;
    }
    since_speaker = in_list(w, speakers) ? 0 : since_speaker + 1;
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
  if (!links) return pc_doc_fail(d, PRECIS_ERR_NOMEM, "out of memory while finding sources");
  memset(links, 0, sizeof *links);
  precis_status st = pc_scan_links(d, links);
  if (st == PRECIS_OK) {
    d->found_links = links;
    return PRECIS_OK;
  }
  pc_evidence_free(d->mem, links);
  pc_free(d->mem, links);
  return pc_doc_fail(d, st, "out of memory while finding sources");
}

precis_status pc_cite(pc_doc *d) {
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
  if (st != PRECIS_OK) return pc_doc_fail(d, st, "out of memory while finding sources");
  return PRECIS_OK;
}
