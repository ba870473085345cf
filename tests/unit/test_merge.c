/* precis_merge(): argument checks, the PRECIS_MAX_DOCUMENTS limit, and a
 * merge of two articles on one story: no sentence twice, each sentence
 * citing its document, one DOCUMENT source per input, spans in range. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "precis.h"

static const char story_a[] =
    "Riverside council approved a £48 million bridge on Tuesday, ending a decade of delays.\n\n"
    "The 320-metre bridge will link the Old Town quay with Eastside, according to Reuters.\n\n"
    "\"This is the biggest change in fifty years,\" said Maria Okafor, the transport chief.\n";
static const char story_b[] =
    "Riverside council approved a £48 million bridge on Tuesday, ending a decade of delays.\n\n"
    "Critics said the cost had risen by 60 per cent since the first estimate in 2016.\n\n"
    "Construction contracts will be tendered in January, the council said.\n";

TEST(merge_rejects_bad_arguments) {
  precis *p = precis_new(NULL);
  precis_result *r = (precis_result *)1;
  precis_document d = {story_a, sizeof story_a - 1, "a.txt", NULL};
  CHECK(precis_merge(NULL, &d, 1, &r) == PRECIS_ERR_INVALID_ARGUMENT);
  CHECK(precis_merge(p, NULL, 1, &r) == PRECIS_ERR_INVALID_ARGUMENT);
  CHECK(precis_merge(p, &d, 1, NULL) == PRECIS_ERR_INVALID_ARGUMENT);
  CHECK(precis_merge(p, &d, 0, &r) == PRECIS_ERR_INVALID_ARGUMENT);
  CHECK(precis_errmsg(p)[0] != '\0');
  precis_document *many = calloc(PRECIS_MAX_DOCUMENTS + 1, sizeof *many);
  for (size_t i = 0; i <= PRECIS_MAX_DOCUMENTS; i++) many[i] = d;
  CHECK(precis_merge(p, many, PRECIS_MAX_DOCUMENTS + 1, &r) == PRECIS_ERR_INVALID_ARGUMENT);
  CHECK(strstr(precis_errmsg(p), "4096") != NULL);
  free(many);
  precis_document empty = {"", 0, "empty.txt", NULL};
  CHECK(precis_merge(p, &empty, 1, &r) == PRECIS_ERR_EMPTY);
  precis_free(p);
}

TEST(merge_two_articles) {
  precis_options o;
  precis_options_init(&o);
  o.max_sentences = 6;
  precis *p = precis_new(&o);
  precis_document docs[2] = {{story_a, sizeof story_a - 1, "a.txt", "https://example.org/a"},
                             {story_b, sizeof story_b - 1, "b.txt", NULL}};
  precis_result *r = NULL;
  CHECK(precis_merge(p, docs, 2, &r) == PRECIS_OK);
  if (!r) return;
  CHECK(r->n_documents == 2);
  CHECK(r->n_sentences >= 3 && r->n_sentences <= 6);
  size_t document_sources = 0;
  for (size_t i = 0; i < r->n_sources; i++)
    if (r->sources[i].kind == PRECIS_SOURCE_DOCUMENT) document_sources++;
  CHECK(document_sources == 2);
  size_t copies_of_lead = 0;
  for (size_t i = 0; i < r->n_sentences; i++) {
    const precis_sentence *s = &r->sentences[i];
    const char *doc = s->document == 0 ? story_a : story_b;
    size_t doc_len = s->document == 0 ? sizeof story_a - 1 : sizeof story_b - 1;
    CHECK(s->document < 2);
    CHECK(s->span.end <= doc_len && s->span.start < s->span.end);
    CHECK(strncmp(doc + s->span.start, s->text, 10) == 0 || s->text[0] == '"');
    if (strstr(s->text, "approved a £48 million bridge")) copies_of_lead++;
    int cites_document = 0;
    for (size_t k = 0; k < s->n_sources; k++) {
      const precis_source *src = &r->sources[s->sources[k]];
      if (src->kind == PRECIS_SOURCE_DOCUMENT) cites_document = 1;
    }
    CHECK(cites_document);
  }
  CHECK(copies_of_lead == 1);
  precis_result_free(r);
  precis_free(p);
}

int main(void) {
  RUN(merge_rejects_bad_arguments);
  RUN(merge_two_articles);
  return harness_done("merge");
}
