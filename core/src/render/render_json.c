/* Rendering a result as JSON with cJSON (schema in README.md). */
#include <cjson/cJSON.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "render/render.h"

/* Adds a real number that reads back as the very same double. cJSON
 * prints 15 digits and keeps them when they read back only nearly equal,
 * so a score read from the JSON could differ in its last bit from the
 * library's (and the CLI and Lua backends disagree). The shortest of 15,
 * 16 or 17 digits that reads back exactly; null when not finite. */
static void add_real(cJSON *obj, const char *name, double v) {
  if (!isfinite(v)) {
    cJSON_AddNullToObject(obj, name);
    return;
  }
  char buf[40];
  for (int digits = 15; digits <= 17; digits++) {
    snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (strtod(buf, NULL) == v) break;
  }
  /* The host's locale may print a decimal comma; JSON wants a point. */
  const struct lconv *lc = localeconv();
  char point = lc && lc->decimal_point && lc->decimal_point[0] ? lc->decimal_point[0] : '.';
  for (char *c = buf; *c; c++)
    if (*c == point) *c = '.';
  cJSON_AddRawToObject(obj, name, buf);
}

static cJSON *span_json(const precis_span *s, cJSON *obj) {
  if (!obj) return NULL;
  cJSON_AddNumberToObject(obj, "start", (double)s->start);
  cJSON_AddNumberToObject(obj, "end", (double)s->end);
  cJSON_AddNumberToObject(obj, "line", s->line);
  cJSON_AddNumberToObject(obj, "column", s->column);
  cJSON_AddNumberToObject(obj, "end_line", s->end_line);
  cJSON_AddNumberToObject(obj, "end_column", s->end_column);
  return obj;
}

static cJSON *sentence_json(const precis_result *r, const precis_sentence *s, unsigned flags) {
  cJSON *o = cJSON_CreateObject();
  if (!o) return NULL;
  cJSON_AddNumberToObject(o, "index", (double)s->index);
  cJSON_AddStringToObject(o, "text", s->text);
  span_json(&s->span, o);
  cJSON_AddNumberToObject(o, "paragraph", (double)s->paragraph);
  if (r->n_documents > 1) cJSON_AddNumberToObject(o, "document", (double)s->document);
  add_real(o, "score", s->score);
  cJSON_AddBoolToObject(o, "selected", s->selected);
  cJSON *features = cJSON_AddObjectToObject(o, "features");
  for (size_t f = 0; features && f < s->n_features; f++)
    add_real(features, precis_feature_name((precis_feature)f), s->features[f]);
  cJSON *ids = cJSON_AddArrayToObject(o, "sources");
  for (size_t k = 0; ids && k < s->n_sources; k++)
    if (s->sources[k] < r->n_sources)
      cJSON_AddItemToArray(ids, cJSON_CreateNumber((double)r->sources[s->sources[k]].id));
  (void)flags;
  return o;
}

static cJSON *source_json(const precis_source *src) {
  cJSON *o = cJSON_CreateObject();
  if (!o) return NULL;
  cJSON_AddNumberToObject(o, "id", (double)src->id);
  cJSON_AddStringToObject(o, "name", src->name);
  cJSON_AddStringToObject(o, "kind", precis_source_kind_name(src->kind));
  cJSON *urls = cJSON_AddArrayToObject(o, "urls");
  cJSON *titles = cJSON_AddArrayToObject(o, "titles");
  for (size_t u = 0; urls && titles && u < src->n_urls; u++) {
    cJSON_AddItemToArray(urls, cJSON_CreateString(src->urls[u]));
    cJSON_AddItemToArray(titles, cJSON_CreateString(src->titles[u]));
  }
  cJSON *mentions = cJSON_AddArrayToObject(o, "mentions");
  for (size_t m = 0; mentions && m < src->n_mentions; m++) {
    cJSON *mo = span_json(&src->mentions[m].span, cJSON_CreateObject());
    if (mo) cJSON_AddNumberToObject(mo, "document", (double)src->mentions[m].document);
    cJSON_AddItemToArray(mentions, mo);
  }
  return o;
}

precis_status pc_render_json(const precis_result *r, unsigned flags, pc_out *out) {
  cJSON *root = cJSON_CreateObject();
  if (!root) return PRECIS_ERR_NOMEM;
  if (r->title) {
    cJSON_AddStringToObject(root, "title", r->title);
    span_json(&r->title_span, cJSON_AddObjectToObject(root, "title_span"));
  } else {
    cJSON_AddNullToObject(root, "title");
  }
  cJSON_AddNumberToObject(root, "total_sentences", (double)r->total_sentences);
  cJSON_AddNumberToObject(root, "total_words", (double)r->total_words);
  cJSON *sentences = cJSON_AddArrayToObject(root, "sentences");
  for (size_t i = 0; sentences && i < r->n_sentences; i++)
    cJSON_AddItemToArray(sentences, sentence_json(r, &r->sentences[i], flags));
  cJSON *sources = cJSON_AddArrayToObject(root, "sources");
  for (size_t i = 0; sources && i < r->n_sources; i++)
    cJSON_AddItemToArray(sources, source_json(&r->sources[i]));
  if (r->n_documents > 1 && r->document_names) {
    cJSON *docs = cJSON_AddArrayToObject(root, "documents");
    for (size_t i = 0; docs && i < r->n_documents; i++)
      cJSON_AddItemToArray(docs, cJSON_CreateString(r->document_names[i] ? r->document_names[i] : ""));
  }
  char *text = (flags & PRECIS_RENDER_COMPACT) ? cJSON_PrintUnformatted(root) : cJSON_Print(root);
  cJSON_Delete(root);
  if (!text) return PRECIS_ERR_NOMEM;
  pc_out_str(out, text);
  pc_out_str(out, "\n");
  cJSON_free(text);
  return PRECIS_OK;
}
