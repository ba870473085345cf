/* A tiny assert harness for the C unit tests (one program per file).
 *
 *   TEST(name) { CHECK(x == 1); CHECK_STR(a, b); }
 *   int main(void) { RUN(name); return harness_done("segment"); }
 *
 * Prints a line per failure and a closing "N passed, N failed". */
#ifndef PRECIS_TEST_HARNESS_H
#define PRECIS_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int harness_passed, harness_failed, harness_current_failed;

#define TEST(name) static void name(void)

#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
      harness_current_failed = 1;                                                \
    }                                                                            \
  } while (0)

#define CHECK_STR(got, want)                                                     \
  do {                                                                           \
    const char *got_ = (got), *want_ = (want);                                   \
    if (!got_ || !want_ || strcmp(got_, want_) != 0) {                           \
      fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,     \
              got_ ? got_ : "(null)", want_ ? want_ : "(null)");                 \
      harness_current_failed = 1;                                                \
    }                                                                            \
  } while (0)

#define RUN(name)                                                                \
  do {                                                                           \
    harness_current_failed = 0;                                                  \
    name();                                                                      \
    if (harness_current_failed) {                                                \
      harness_failed++;                                                          \
      fprintf(stderr, "FAIL %s\n", #name);                                       \
    } else {                                                                     \
      harness_passed++;                                                          \
    }                                                                            \
  } while (0)

/* Prints the summary line; returns the process exit code. */
static inline int harness_done(const char *suite) {
  printf("%s: %d passed, %d failed\n", suite, harness_passed, harness_failed);
  return harness_failed ? 1 : 0;
}

/* Reads a whole file into a malloc'd buffer; NULL if it cannot. */
static inline char *harness_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n < cap) break;
    char *bigger = realloc(buf, cap * 2);
    if (!bigger) { free(buf); buf = NULL; break; }
    buf = bigger;
    cap *= 2;
  }
  fclose(f);
  if (buf) { *len = n; }
  return buf;
}

#endif
