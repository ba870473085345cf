/* Fuzz target: the sentence splitter, alone and through precis_split. */
#include <stdint.h>
#include <stdlib.h>

#include "precis.h"
#include "segment/segment.h"

typedef struct bounds { size_t len, last_end; } bounds;

static int check_sentence(void *ctx, size_t start, size_t end) {
  bounds *b = ctx;
  if (start > end || end > b->len || start < b->last_end) abort();
  if (end - start > PRECIS_MAX_SENTENCE_BYTES) abort();
  b->last_end = end;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  bounds b = {size, 0};
  pc_segment((const char *)data, size, check_sentence, &b);
  precis *p = precis_new(NULL);
  if (!p) return 0;
  precis_result *r = NULL;
  if (precis_split(p, (const char *)data, size, &r) == PRECIS_OK) {
    for (size_t i = 0; i < r->n_sentences; i++)
      if (r->sentences[i].span.end > size) abort();
    precis_result_free(r);
  }
  precis_free(p);
  return 0;
}
