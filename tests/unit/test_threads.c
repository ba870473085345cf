/* Eight threads, each with its own handle, summarize different documents at
 * once; every result must equal the sequential one byte for byte (rendered
 * as JSON). Run under TSan by `make tsan` and helgrind by `make helgrind`. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "test_sink.h"
#include "precis.h"

#define N_THREADS 8
#define ROUNDS 4

typedef struct doc_text { char *text; size_t len; char *expected; } doc_text;

static doc_text docs[N_THREADS];

/* The rendered JSON of a summary of d, or NULL on failure. */
static char *summarize_json(precis *p, const doc_text *d) {
  precis_result *r = NULL;
  if (precis_analyze(p, d->text, d->len, &r) != PRECIS_OK) return NULL;
  return test_render_json(r, PRECIS_RENDER_COMPACT);
}

/* A generated article, different for each seed value. */
static char *generated_text(unsigned seed, size_t *len) {
  static const char *const subjects[] = {"The council", "Maria Okafor", "NATO officials",
                                         "The Reuters report", "Володимир Зеленський"};
  static const char *const verbs[] = {"approved", "questioned", "rejected", "announced",
                                      "welcomed"};
  static const char *const objects[] = {"a $48 million bridge", "20 percent more funding",
                                        "the plan on 3 March", "talks in Munich",
                                        "\"a fair deal\", she said"};
  test_sink s = {NULL, 0, 0};
  char line[256];
  unsigned x = seed * 2654435761u + 1;
  for (int i = 0; i < 60; i++) {
    x = x * 1103515245u + 12345u;
    int n = snprintf(line, sizeof line, "%s %s %s in paragraph %d of text %u.%s",
                     subjects[(x >> 8) % 5], verbs[(x >> 12) % 5], objects[(x >> 16) % 5], i,
                     seed, (i % 4 == 3) ? "\n\n" : " ");
    test_sink_write(&s, line, (size_t)n);
  }
  *len = s.len;
  return s.data;
}

static void *worker(void *arg) {
  size_t k = (size_t)(uintptr_t)arg;
  precis *p = precis_new(NULL);
  int *ok = malloc(sizeof *ok);
  if (!ok) { precis_free(p); return NULL; }
  *ok = p != NULL;
  for (int round = 0; round < ROUNDS && *ok; round++) {
    const doc_text *d = &docs[(k + (size_t)round) % N_THREADS];
    char *json = summarize_json(p, d);
    if (!json || strcmp(json, d->expected) != 0) *ok = 0;
    free(json);
  }
  precis_free(p);
  return ok;
}

TEST(threads_match_sequential) {
  precis *p = precis_new(NULL);
  CHECK(p != NULL);
  for (unsigned i = 0; i < N_THREADS; i++) {
    docs[i].text = generated_text(i, &docs[i].len);
    docs[i].expected = summarize_json(p, &docs[i]);
    CHECK(docs[i].expected != NULL);
  }
  precis_free(p);
  pthread_t threads[N_THREADS];
  for (size_t i = 0; i < N_THREADS; i++)
    CHECK(pthread_create(&threads[i], NULL, worker, (void *)(uintptr_t)i) == 0);
  for (size_t i = 0; i < N_THREADS; i++) {
    void *ret = NULL;
    pthread_join(threads[i], &ret);
    CHECK(ret != NULL && *(int *)ret == 1);
    free(ret);
  }
  for (unsigned i = 0; i < N_THREADS; i++) {
    free(docs[i].text);
    free(docs[i].expected);
  }
}

int main(void) {
  RUN(threads_match_sequential);
  return harness_done("threads");
}
