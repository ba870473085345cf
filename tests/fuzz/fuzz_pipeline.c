/* Fuzz target: the whole pipeline. The first bytes choose the options and
 * the budget; the rest is the text. Every result is rendered in all formats
 * and its spans are checked against the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

static int discard(void *ctx, const char *data, size_t len) {
  (void)ctx; (void)data; (void)len;
  return 0;
}

static void check_result(const precis_result *r, size_t len) {
  for (size_t i = 0; i < r->n_sentences; i++) {
    const precis_sentence *s = &r->sentences[i];
    if (s->span.start > s->span.end || s->span.end > len || s->span.line == 0 ||
        s->span.column == 0 || strlen(s->text) != s->text_len)
      abort();
    for (size_t k = 0; k < s->n_sources; k++)
      if (s->sources[k] >= r->n_sources) abort();
  }
  for (size_t i = 0; i < r->n_sources; i++)
    for (size_t m = 0; m < r->sources[i].n_mentions; m++)
      if (r->sources[i].mentions[m].span.end > len) abort();
  for (int f = PRECIS_FORMAT_TEXT; f <= PRECIS_FORMAT_JSON; f++)
    if (precis_render(r, (precis_format)f, PRECIS_RENDER_EXPLAIN, discard, NULL) != PRECIS_OK)
      abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  precis_options o;
  precis_options_init(&o);
  if (size >= 2) {
    uint8_t a = data[0], b = data[1];
    o.utf8_policy = (a & 1) ? PRECIS_UTF8_STRICT : PRECIS_UTF8_REPLACE;
    o.input_format = (precis_input_format)((a >> 1) % 3);
    o.repair_mojibake = !(a & 8);
    o.unwrap_lines = !(a & 16);
    o.drop_boilerplate = !(a & 32);
    if (b & 0x80) o.max_words = (size_t)(b & 0x7F) + 1;
    else if (b & 0x40) o.ratio = (double)((b & 0x3F) + 1) / 64.0;
    else o.max_sentences = (size_t)(b & 0x3F);
    data += 2;
    size -= 2;
  }
  precis *p = precis_new(&o);
  if (!p) return 0;
  precis_result *r = NULL;
  const char *text = (const char *)data;
  if (precis_summarize(p, text, size, &r) == PRECIS_OK) { check_result(r, size); precis_result_free(r); }
  if (precis_analyze(p, text, size, &r) == PRECIS_OK) { check_result(r, size); precis_result_free(r); }
  precis_free(p);
  return 0;
}
