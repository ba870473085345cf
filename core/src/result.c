/* Copies what the pipeline found into one caller-owned precis_result. */
#include "result.h"

#include <string.h>

pc_result_box *pc_result_new(const pc_alloc *mem) {
  pc_result_box *box = pc_malloc(mem, sizeof *box);
  if (!box) return NULL;
  memset(box, 0, sizeof *box);
  box->mem = *mem;
  pc_arena_init(&box->arena, &box->mem);
  box->pub.n_documents = 1;
  return box;
}

void precis_result_free(precis_result *result) {
  if (!result) return;
  pc_result_box *box = (pc_result_box *)result;
  pc_alloc mem = box->mem;
  pc_arena_free(&box->arena);
  pc_free(&mem, box);
}

precis_status pc_result_sentence(pc_result_box *box, pc_doc *d, size_t sentence_index,
                                 size_t document, const size_t *source_ids, size_t n_source_ids,
                                 precis_sentence *out) {
  const pc_sentence *s = &PC_VEC_AT(d->sentences, pc_sentence, sentence_index);
  char *text = pc_arena_strndup(&box->arena, pc_sentence_text(d, s), s->text_len);
  double *features = pc_arena_alloc(&box->arena, sizeof(double) * PRECIS_FEATURE_COUNT);
  size_t *ids = n_source_ids ? pc_arena_alloc(&box->arena, sizeof(size_t) * n_source_ids) : NULL;
  if (!text || !features || (n_source_ids && !ids)) return PRECIS_ERR_NOMEM;
  memcpy(features, s->features, sizeof(double) * PRECIS_FEATURE_COUNT);
  if (n_source_ids) memcpy(ids, source_ids, sizeof(size_t) * n_source_ids);
  out->text = text;
  out->text_len = s->text_len;
  precis_status st = pc_doc_span(d, s->start, s->end, &out->span);
  if (st != PRECIS_OK) return st;
  out->index = sentence_index;
  out->paragraph = s->paragraph;
  out->document = document;
  out->score = s->score;
  out->selected = s->selected;
  out->features = features;
  out->n_features = PRECIS_FEATURE_COUNT;
  out->sources = ids;
  out->n_sources = n_source_ids;
  return PRECIS_OK;
}

precis_status pc_result_source(pc_result_box *box, pc_doc *d, const pc_source *src,
                               size_t document, size_t id, precis_source *out) {
  out->id = id;
  out->kind = src->kind;
  out->name = pc_arena_strndup(&box->arena, d->strings.data + src->name.off, src->name.len);
  if (!out->name) return PRECIS_ERR_NOMEM;
  size_t n_urls = src->urls.len;
  const char **urls = pc_arena_alloc(&box->arena, sizeof(char *) * (n_urls + 1));
  const char **titles = pc_arena_alloc(&box->arena, sizeof(char *) * (n_urls + 1));
  if (!urls || !titles) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < n_urls; i++) {
    pc_strref u = PC_VEC_AT(src->urls, pc_strref, i);
    pc_strref t = i < src->titles.len ? PC_VEC_AT(src->titles, pc_strref, i) : (pc_strref){0, 0};
    urls[i] = pc_arena_strndup(&box->arena, d->strings.data + u.off, u.len);
    titles[i] = pc_arena_strndup(&box->arena, t.len ? d->strings.data + t.off : "", t.len);
    if (!urls[i] || !titles[i]) return PRECIS_ERR_NOMEM;
  }
  out->urls = urls;
  out->titles = titles;
  out->n_urls = n_urls;
  size_t n_mentions = src->mentions.len;
  precis_mention *mentions =
      pc_arena_alloc(&box->arena, sizeof(precis_mention) * (n_mentions ? n_mentions : 1));
  if (!mentions) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < n_mentions; i++) {
    pc_range r = PC_VEC_AT(src->mentions, pc_range, i);
    mentions[i].document = document;
    precis_status st = pc_doc_span(d, r.start, r.end, &mentions[i].span);
    if (st != PRECIS_OK) return st;
  }
  out->mentions = mentions;
  out->n_mentions = n_mentions;
  return PRECIS_OK;
}

/* The ids (indices into the result's sources) cited by sentence `si`. The
 * citations are sorted by sentence, so `*cursor` walks them once. */
static size_t citations_of(const pc_doc *d, size_t si, size_t *cursor, size_t *ids, size_t cap) {
  const pc_citation *c = d->citations.data;
  size_t n = 0;
  while (*cursor < d->citations.len && c[*cursor].sentence < si) (*cursor)++;
  for (size_t k = *cursor; k < d->citations.len && c[k].sentence == si; k++) {
    if (n < cap) ids[n++] = c[k].source;
  }
  return n;
}

/* Most source ids one sentence reports; more would only repeat itself. */
#define PC_MAX_SOURCES_PER_SENTENCE 16

precis_status pc_result_build(pc_doc *d, size_t n_docs, pc_result_mode mode, int with_sources,
                              precis_result **out) {
  pc_result_box *box = pc_result_new(d->shared_mem);
  if (!box) return PRECIS_ERR_NOMEM;
  precis_result *r = &box->pub;
  precis_status st = PRECIS_OK;
  r->n_documents = n_docs;
  r->total_sentences = d->sentences.len;
  r->total_words = d->total_words;

  if (d->title_block >= 0) {
    const pc_block *b = &PC_VEC_AT(d->blocks, pc_block, (size_t)d->title_block);
    r->title = pc_arena_strndup(&box->arena, d->prose.out.data + b->prose_start,
                                b->prose_end - b->prose_start);
    if (!r->title) { st = PRECIS_ERR_NOMEM; goto done; }
    pc_range orig = pc_doc_prose_to_orig(d, b->prose_start, b->prose_end);
    st = pc_doc_span(d, orig.start, orig.end, &r->title_span);
    if (st != PRECIS_OK) goto done;
  }

  size_t n_out = 0;
  for (size_t i = 0; i < d->sentences.len; i++)
    if (mode == PC_RESULT_ALL || PC_VEC_AT(d->sentences, pc_sentence, i).selected) n_out++;
  precis_sentence *sentences = pc_arena_alloc(&box->arena, sizeof(precis_sentence) * (n_out + 1));
  if (!sentences) { st = PRECIS_ERR_NOMEM; goto done; }
  size_t k = 0, cursor = 0;
  for (size_t i = 0; i < d->sentences.len; i++) {
    if (mode != PC_RESULT_ALL && !PC_VEC_AT(d->sentences, pc_sentence, i).selected) continue;
    size_t ids[PC_MAX_SOURCES_PER_SENTENCE];
    size_t n_ids = with_sources ? citations_of(d, i, &cursor, ids, PC_MAX_SOURCES_PER_SENTENCE) : 0;
    st = pc_result_sentence(box, d, i, 0, ids, n_ids, &sentences[k++]);
    if (st != PRECIS_OK) goto done;
  }
  r->sentences = sentences;
  r->n_sentences = n_out;

  if (with_sources && d->sources.len) {
    precis_source *sources = pc_arena_alloc(&box->arena, sizeof(precis_source) * d->sources.len);
    if (!sources) { st = PRECIS_ERR_NOMEM; goto done; }
    for (size_t i = 0; i < d->sources.len; i++) {
      st = pc_result_source(box, d, &PC_VEC_AT(d->sources, pc_source, i), 0, i + 1, &sources[i]);
      if (st != PRECIS_OK) goto done;
    }
    r->sources = sources;
    r->n_sources = d->sources.len;
  }

done:
  if (st != PRECIS_OK) {
    precis_result_free(r);
    return st;
  }
  *out = r;
  return PRECIS_OK;
}
