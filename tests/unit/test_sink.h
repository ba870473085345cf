/* A growable string for tests to render into (a precis_write_fn): grows by
 * doubling, as ASan's realloc always copies and growing by each chunk of a
 * rendering would be quadratic there. */
#ifndef PRECIS_TEST_SINK_H
#define PRECIS_TEST_SINK_H

#include <stdlib.h>
#include <string.h>

#include "precis.h"

typedef struct test_sink {
  char *data; /* NUL-terminated once anything was written; the caller frees it */
  size_t len, cap;
} test_sink;

static int test_sink_write(void *ctx, const char *data, size_t len) {
  test_sink *s = ctx;
  if (s->len + len + 1 > s->cap) {
    size_t cap = s->cap ? s->cap : 4096;
    while (cap < s->len + len + 1) cap *= 2;
    char *grown = realloc(s->data, cap);
    if (!grown) return -1;
    s->data = grown;
    s->cap = cap;
  }
  memcpy(s->data + s->len, data, len);
  s->len += len;
  s->data[s->len] = '\0';
  return 0;
}

/* `r` rendered as JSON with `flags`, then freed; NULL when rendering
 * fails. Needs precis.h. */
static inline char *test_render_json(precis_result *r, unsigned flags) {
  test_sink s = {NULL, 0, 0};
  precis_status st = precis_render(r, PRECIS_FORMAT_JSON, flags, test_sink_write, &s);
  precis_result_free(r);
  if (st != PRECIS_OK) {
    free(s.data);
    return NULL;
  }
  return s.data;
}

#endif
