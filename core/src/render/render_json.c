/* Rendering a result as JSON with cJSON (schema in README.md). */
#include <cjson/cJSON.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"

/* Whole numbers below this print as their digits under cJSON's "%1.15g"
 * and read back exactly, so writing the digits ourselves changes no byte. */
#define PC_JSON_EXACT_INTEGER 1e15

/* Adds `item` under `name`, a string that outlives the tree (a literal or
 * a static name): cJSON then keeps no copy of the key. */
static void add_item(cJSON *obj, const char *name, cJSON *item) {
  if (item && !cJSON_AddItemToObjectCS(obj, name, item)) cJSON_Delete(item);
}

/* Digits of a whole number |v| < PC_JSON_EXACT_INTEGER, as "%.15g" prints
 * it, into buf (room for 18 bytes). */
static void integer_digits(char *buf, double v) {
  char tmp[20];
  size_t n = 0;
  int negative = v < 0 || (v == 0 && signbit(v));
  unsigned long long u = (unsigned long long)(negative ? -v : v);
  do {
    tmp[n++] = (char)('0' + (int)(u % 10));
    u /= 10;
  } while (u);
  char *p = buf;
  if (negative) *p++ = '-';
  while (n) *p++ = tmp[--n];
  *p = '\0';
}

/* A count or offset: its digits, as cJSON would print the number (which
 * costs it a printf and a scanf). */
static cJSON *count_json(size_t v) {
  if ((double)v >= PC_JSON_EXACT_INTEGER) return cJSON_CreateNumber((double)v);
  char buf[24];
  integer_digits(buf, (double)v);
  return cJSON_CreateRaw(buf);
}

static void add_count(cJSON *obj, const char *name, size_t v) { add_item(obj, name, count_json(v)); }

/* Adds a real number that reads back as the very same double. cJSON
 * prints 15 digits and keeps them when they read back only nearly equal,
 * so a score read from the JSON could differ in its last bit from the
 * library's (and the CLI and Lua backends disagree). The shortest of 15,
 * 16 or 17 digits that reads back exactly; null when not finite. Whole
 * numbers (most features are 0) are their digits, as printf gives them. */
static void add_real(cJSON *obj, const char *name, double v) {
  if (!isfinite(v)) {
    add_item(obj, name, cJSON_CreateNull());
    return;
  }
  char buf[40];
  if (fabs(v) < PC_JSON_EXACT_INTEGER && v == floor(v)) {
    integer_digits(buf, v);
    add_item(obj, name, cJSON_CreateRaw(buf));
    return;
  }
  for (int digits = 15; digits <= 17; digits++) {
    snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (strtod(buf, NULL) == v) break;
  }
  /* The host's locale may print a decimal comma; JSON wants a point. */
  const struct lconv *lc = localeconv();
  char point = lc && lc->decimal_point && lc->decimal_point[0] ? lc->decimal_point[0] : '.';
  for (char *c = buf; *c; c++)
    if (*c == point) *c = '.';
  add_item(obj, name, cJSON_CreateRaw(buf));
}

static cJSON *span_json(const precis_span *s, cJSON *obj) {
  if (!obj) return NULL;
  add_count(obj, "start", s->start);
  add_count(obj, "end", s->end);
  add_count(obj, "line", s->line);
  add_count(obj, "column", s->column);
  add_count(obj, "end_line", s->end_line);
  add_count(obj, "end_column", s->end_column);
  return obj;
}

static cJSON *sentence_json(const precis_result *r, const precis_sentence *s, unsigned flags) {
  cJSON *o = cJSON_CreateObject();
  if (!o) return NULL;
  add_count(o, "index", s->index);
  add_item(o, "text", cJSON_CreateString(s->text));
  span_json(&s->span, o);
  add_count(o, "paragraph", s->paragraph);
  if (r->n_documents > 1) add_count(o, "document", s->document);
  add_real(o, "score", s->score);
  add_item(o, "selected", cJSON_CreateBool(s->selected));
  cJSON *features = cJSON_AddObjectToObject(o, "features");
  for (size_t f = 0; features && f < s->n_features; f++)
    add_real(features, precis_feature_name((precis_feature)f), s->features[f]);
  cJSON *ids = cJSON_AddArrayToObject(o, "sources");
  for (size_t k = 0; ids && k < s->n_sources; k++)
    if (s->sources[k] < r->n_sources)
      cJSON_AddItemToArray(ids, count_json(r->sources[s->sources[k]].id));
  (void)flags;
  return o;
}

static cJSON *source_json(const precis_source *src) {
  cJSON *o = cJSON_CreateObject();
  if (!o) return NULL;
  add_count(o, "id", src->id);
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
    if (mo) add_count(mo, "document", src->mentions[m].document);
    cJSON_AddItemToArray(mentions, mo);
  }
  return o;
}

/* Stands in the printed document for its sentences: a control byte, which
 * cJSON escapes in every string it prints, so it occurs nowhere else. */
#define PC_JSON_SENTENCES_MARK "\x01"

/* Tabs that put a value printed on its own at the depth of a sentence in
 * the formatted document (root object, then the "sentences" array). */
#define PC_JSON_SENTENCE_INDENT "\t\t"

/* Writes a value cJSON_Print printed on its own as it prints inside the
 * document: every line after its first indented further. Strings hold no
 * raw newline (cJSON escapes it), so each newline is one of the layout. */
static void put_indented(pc_out *out, const char *text, const char *indent) {
  for (const char *p = text;;) {
    const char *nl = strchr(p, '\n');
    if (!nl) {
      pc_out_str(out, p);
      return;
    }
    pc_out_mem(out, p, (size_t)(nl + 1 - p));
    pc_out_str(out, indent);
    p = nl + 1;
  }
}

/* The sentences, printed one at a time: a tree of all of them would hold
 * a few hundred bytes per sentence of the text at once. */
static precis_status put_sentences(const precis_result *r, unsigned flags, pc_out *out) {
  int compact = (flags & PRECIS_RENDER_COMPACT) != 0;
  for (size_t i = 0; i < r->n_sentences; i++) {
    cJSON *o = sentence_json(r, &r->sentences[i], flags);
    char *text = !o ? NULL : compact ? cJSON_PrintUnformatted(o) : cJSON_Print(o);
    cJSON_Delete(o);
    if (!text) return PRECIS_ERR_NOMEM;
    if (i > 0) pc_out_str(out, compact ? "," : ", ");
    if (compact)
      pc_out_str(out, text);
    else
      put_indented(out, text, PC_JSON_SENTENCE_INDENT);
    cJSON_free(text);
  }
  return PRECIS_OK;
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
  add_count(root, "total_sentences", r->total_sentences);
  add_count(root, "total_words", r->total_words);
  cJSON *sentences = cJSON_AddArrayToObject(root, "sentences");
  if (sentences && r->n_sentences > 0)
    cJSON_AddItemToArray(sentences, cJSON_CreateRaw(PC_JSON_SENTENCES_MARK));
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
  precis_status st = PRECIS_OK;
  const char *mark = strchr(text, PC_JSON_SENTENCES_MARK[0]);
  if (mark) {
    pc_out_mem(out, text, (size_t)(mark - text));
    st = put_sentences(r, flags, out);
    if (st == PRECIS_OK) pc_out_str(out, mark + 1);
  } else {
    pc_out_str(out, text);
  }
  if (st == PRECIS_OK) pc_out_str(out, "\n");
  cJSON_free(text);
  return st;
}
