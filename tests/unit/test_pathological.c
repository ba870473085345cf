/* Pathological inputs: each must finish, give a sane result or a clear
 * error, and cost time proportional to its size. The bound is relative to
 * ordinary prose timed in the same run (so it holds under sanitizers and
 * valgrind too), with a generous factor: this is a complexity check, not a
 * benchmark. Times are CPU time of the process (the library is single
 * threaded), so a loaded machine does not make the bounds flaky. */
/* MAP_ANONYMOUS and MAP_NORESERVE for the input ceiling test. */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "harness.h"
#include "test_heap.h"
#include "precis.h"

/* A pathological input may cost this many times ordinary prose per byte. */
#define SLOWDOWN_FACTOR 25.0
/* ... and printable garbage this many: every byte of it is a repair, a
 * token and a sentence-boundary candidate (measured: about 20 times prose,
 * which left the common factor too little room). */
#define GARBAGE_SLOWDOWN_FACTOR 60.0
/* Below this many seconds nothing is judged: timer noise. */
#define MIN_JUDGED_SECONDS 0.5
/* Garbage may take at most this many bytes of heap per input byte, plus
 * MEMORY_SLACK_BYTES: offset maps once cost 80 bytes per byte of random
 * text (a 40-byte run per damaged byte, copied again for NFC). */
#define MEMORY_PER_BYTE 4
#define MEMORY_SLACK_BYTES ((size_t)16 << 20)

static double seconds_per_byte;
static size_t scale_div = 1; /* PRECIS_TEST_SCALE shrinks inputs under valgrind */

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *repeat(const char *unit, size_t total, size_t *len) {
  size_t n = strlen(unit);
  char *buf = malloc(total + 1);
  if (!buf) return NULL;
  for (size_t i = 0; i < total; i++) buf[i] = unit[i % n];
  buf[total] = '\0';
  *len = total;
  return buf;
}

/* Runs summarize and split; returns the summarize status and checks spans.
 * With `heap`, the library allocates through it. */
static precis_status run_counted(const char *name, const char *text, size_t len, double factor,
                                 double *secs, test_heap *heap) {
  precis_options o;
  precis_options_init(&o);
  precis_allocator counting;
  if (heap) {
    counting = test_heap_allocator(heap);
    o.allocator = &counting;
  }
  precis *p = precis_new(&o);
  precis_result *r = NULL;
  double t0 = now();
  precis_status st = precis_summarize(p, text, len, &r);
  if (st == PRECIS_OK) {
    for (size_t i = 0; i < r->n_sentences; i++) {
      CHECK(r->sentences[i].span.end <= len);
      CHECK(r->sentences[i].text_len <= PRECIS_MAX_SENTENCE_BYTES * 2);
    }
    precis_result_free(r);
  } else {
    CHECK(precis_errmsg(p)[0] != '\0');
  }
  precis_status st2 = precis_split(p, text, len, &r);
  if (st2 == PRECIS_OK) precis_result_free(r);
  *secs = now() - t0;
  precis_free(p);
  double allowed = factor * seconds_per_byte * (double)len;
  if (allowed < MIN_JUDGED_SECONDS) allowed = MIN_JUDGED_SECONDS;
  printf("  %-34s %9zu bytes %7.3f s (bound %.2f s) %s\n", name, len, *secs, allowed,
         precis_strerror(st));
  CHECK(*secs <= allowed);
  return st;
}

static precis_status run_timed(const char *name, const char *text, size_t len, double *secs) {
  return run_counted(name, text, len, SLOWDOWN_FACTOR, secs, NULL);
}

static void calibrate(void) {
  const char *prose =
      "The council approved a $48 million bridge on Tuesday, ending a decade of delays. "
      "\"This is the biggest change in fifty years,\" said Maria Okafor. Critics said the cost "
      "had risen by 60 per cent since 2016.\n\n";
  size_t len;
  char *text = repeat(prose, (size_t)(2u << 20) / scale_div, &len);
  precis *p = precis_new(NULL);
  precis_result *r = NULL;
  double t0 = now();
  if (precis_summarize(p, text, len, &r) == PRECIS_OK) precis_result_free(r);
  if (precis_split(p, text, len, &r) == PRECIS_OK) precis_result_free(r);
  seconds_per_byte = (now() - t0) / (double)len;
  printf("  baseline prose: %.1f MB/s\n", 1.0 / seconds_per_byte / 1e6);
  precis_free(p);
  free(text);
}

TEST(no_punctuation_no_newline) {
  size_t len;
  char *t = repeat("word ", (size_t)(10u << 20) / scale_div, &len);
  double s;
  CHECK(run_timed("10 MB, no punctuation, no newline", t, len, &s) == PRECIS_OK);
  free(t);
}

TEST(million_one_word_sentences) {
  size_t len;
  char *t = repeat("Yes. ", (size_t)5000000 / scale_div, &len);
  double s;
  CHECK(run_timed("1,000,000 one-word sentences", t, len, &s) == PRECIS_OK);
  free(t);
}

TEST(nested_brackets_and_quotes) {
  size_t n = 100000 / scale_div, len = 0;
  char *t = malloc(n * 4 + 64);
  memcpy(t, "Start ", 6);
  len = 6;
  for (size_t i = 0; i < n; i++) t[len++] = "([{\""[i % 4];
  memcpy(t + len, " deep. ", 7);
  len += 7;
  for (size_t i = 0; i < n; i++) t[len++] = "\"}])"[i % 4];
  double s;
  CHECK(run_timed("100,000 nested brackets/quotes", t, len, &s) == PRECIS_OK);
  free(t);
}

TEST(repeated_abbreviation_line) {
  size_t len;
  char *t = repeat("U.S. ", (size_t)(5u << 20) / scale_div, &len);
  double s;
  CHECK(run_timed("5 MB line of 'U.S. '", t, len, &s) == PRECIS_OK);
  free(t);
}

TEST(nul_bytes) {
  size_t len;
  char *t = repeat("A sentence with a NUL\0 inside it. ", 1 << 16, &len);
  double s;
  precis_status st = run_timed("NUL bytes in text", t, len, &s);
  CHECK(st == PRECIS_OK || st == PRECIS_ERR_BINARY);
  free(t);
  char zeros[4096] = {0};
  CHECK(run_timed("all NUL bytes", zeros, sizeof zeros, &s) == PRECIS_ERR_BINARY);
}

TEST(every_invalid_utf8_form) {
  static const char *const forms[] = {
      "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xED\xBF\xBF",
      "\xF0\x80\x80\xAF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFE", "\xFF", "\xC3",
      "\xE2\x82", "\xF0\x9F\x98"};
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    char text[128];
    int n = snprintf(text, sizeof text, "Before the bad byte %s after it. Another sentence.",
                     forms[i]);
    precis *p = precis_new(NULL);
    precis_result *r = NULL;
    CHECK(precis_split(p, text, (size_t)n, &r) == PRECIS_OK);
    CHECK(r && r->n_sentences == 2);
    if (r) {
      CHECK(strstr(r->sentences[0].text, "\xEF\xBF\xBD") != NULL);
      CHECK(r->sentences[1].span.end == (size_t)n);
    }
    precis_result_free(r);
    precis_options o;
    precis_options_init(&o);
    o.utf8_policy = PRECIS_UTF8_STRICT;
    precis_set_options(p, &o);
    CHECK(precis_split(p, text, (size_t)n, &r) == PRECIS_ERR_INVALID_UTF8);
    CHECK(r == NULL);
    CHECK(strstr(precis_errmsg(p), "byte") != NULL);
    precis_free(p);
  }
}

TEST(ends_inside_multibyte) {
  const char text[] = "Zelensky met Trump. Володимир Зеленський\xD0";
  precis *p = precis_new(NULL);
  precis_result *r = NULL;
  CHECK(precis_split(p, text, sizeof text - 1, &r) == PRECIS_OK);
  CHECK(r && r->n_sentences == 2 && r->sentences[1].span.end == sizeof text - 1);
  precis_result_free(r);
  precis_free(p);
}

TEST(random_bytes) {
  size_t len = (size_t)(1u << 20) / scale_div;
  unsigned char *t = malloc(len);
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < len; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    t[i] = (unsigned char)x;
  }
  double s;
  precis_status st = run_timed("1 MB random bytes", (char *)t, len, &s);
  CHECK(st == PRECIS_ERR_BINARY || st == PRECIS_OK);
  /* Random bytes without NUL or controls: text-like garbage must still work,
   * in memory proportional to its size. */
  for (size_t i = 0; i < len; i++) if (t[i] < 0x20) t[i] = (unsigned char)(' ' + (t[i] & 63));
  test_heap heap = test_heap_unlimited();
  st = run_counted("1 MB random bytes, no controls", (char *)t, len, GARBAGE_SLOWDOWN_FACTOR, &s,
                   &heap);
  CHECK(st == PRECIS_OK || st == PRECIS_ERR_EMPTY);
  size_t allowed = MEMORY_PER_BYTE * len + MEMORY_SLACK_BYTES;
  printf("  %-34s %9zu bytes peak heap (bound %zu)\n", "", heap.peak, allowed);
  CHECK(heap.peak <= allowed);
  CHECK(heap.live == 0);
  free(t);
}

TEST(whitespace_only) {
  size_t len;
  char *t = repeat(" \n\t \r\n", (size_t)(50u << 20) / scale_div, &len);
  double s;
  CHECK(run_timed("50 MB of whitespace", t, len, &s) == PRECIS_ERR_EMPTY);
  free(t);
}

TEST(empty_input) {
  precis *p = precis_new(NULL);
  precis_result *r = NULL;
  CHECK(precis_summarize(p, "", 0, &r) == PRECIS_ERR_EMPTY);
  CHECK(precis_summarize(p, NULL, 0, &r) == PRECIS_ERR_EMPTY);
  CHECK(r == NULL);
  CHECK(precis_summarize(p, NULL, 5, &r) == PRECIS_ERR_INVALID_ARGUMENT);
  CHECK(precis_summarize(NULL, "x", 1, &r) == PRECIS_ERR_INVALID_ARGUMENT);
  precis_free(p);
}

TEST(too_large) {
  precis_options o;
  precis_options_init(&o);
  o.max_input_bytes = 1000;
  precis *p = precis_new(&o);
  size_t len;
  char *t = repeat("Long. ", 1001, &len);
  precis_result *r = NULL;
  CHECK(precis_summarize(p, t, len, &r) == PRECIS_ERR_TOO_LARGE);
  CHECK(strstr(precis_errmsg(p), "1000") != NULL);
  free(t);
  precis_free(p);
}

/* max_input_bytes cannot lift the limit past PRECIS_MAX_INPUT_CEILING: a
 * longer input is too large, told before a byte of it is read (the mapping
 * is reserved address space, never touched). */
TEST(input_ceiling) {
  size_t len = PRECIS_MAX_INPUT_CEILING + 1;
  void *t = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (t == MAP_FAILED) {
    printf("  input_ceiling: cannot reserve %zu bytes of address space; skipped\n", len);
    return;
  }
  precis_options o;
  precis_options_init(&o);
  o.max_input_bytes = SIZE_MAX;
  precis *p = precis_new(&o);
  precis_result *r = NULL;
  CHECK(precis_summarize(p, t, len, &r) == PRECIS_ERR_TOO_LARGE && r == NULL);
  char limit[32];
  snprintf(limit, sizeof limit, "%zu", (size_t)PRECIS_MAX_INPUT_CEILING);
  CHECK(strstr(precis_errmsg(p), limit) != NULL);
  precis_free(p);
  munmap(t, len);
}

int main(void) {
  const char *scale = getenv("PRECIS_TEST_SCALE");
  if (scale && atoi(scale) > 1) scale_div = (size_t)atoi(scale);
  calibrate();
  RUN(no_punctuation_no_newline);
  RUN(million_one_word_sentences);
  RUN(nested_brackets_and_quotes);
  RUN(repeated_abbreviation_line);
  RUN(nul_bytes);
  RUN(every_invalid_utf8_form);
  RUN(ends_inside_multibyte);
  RUN(random_bytes);
  RUN(whitespace_only);
  RUN(empty_input);
  RUN(too_large);
  RUN(input_ceiling);
  return harness_done("pathological");
}
