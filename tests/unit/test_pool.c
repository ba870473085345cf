/* Unit tests for base/pool: a document's big blocks in one huge-page mapping.
 * Random mixes of malloc, calloc, realloc and free must keep every block's
 * bytes, zero what calloc hands out, and give the whole pool back. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "harness.h"
#include "test_heap.h"
#include "test_sink.h"
#include "base/pool.h"
#include "precis.h"

/* ASan's shadow memory and quarantine swamp a peak-memory measure (and the
 * pool is off under it). */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

#define SLOTS 24
#define OPS 2000

typedef struct slot {
  unsigned char *p;
  size_t len;
  unsigned seed;
} slot;

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next_random(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

/* Sizes from a byte to 2 MiB, spread evenly over their logarithm. */
static size_t random_size(void) {
  unsigned bits = (unsigned)(next_random() % 21);
  return (size_t)(next_random() % ((uint64_t)1 << bits)) + 1 + ((size_t)1 << bits);
}

static unsigned char pattern(unsigned seed, size_t i) {
  return (unsigned char)(seed * 31u + (unsigned)(i * 7u) + (unsigned)(i >> 12));
}

/* The bytes a check looks at: the first and last 64 and every 509th, so
 * the run stays quick under ASan, where every byte read is checked too. */
static size_t next_probe(size_t i, size_t len) {
  if (i < 64 || i + 64 >= len) return i + 1;
  return i + 509 < len - 64 ? i + 509 : len - 64;
}

static int all_zero(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i = next_probe(i, n))
    if (p[i]) return 0;
  return 1;
}

static void fill(slot *s) {
  for (size_t i = 0; i < s->len; i = next_probe(i, s->len)) s->p[i] = pattern(s->seed, i);
}

static int intact(const slot *s, size_t len) {
  for (size_t i = 0; i < len; i = next_probe(i, s->len))
    if (i < len && s->p[i] != pattern(s->seed, i)) return 0;
  return 1;
}



TEST(random_blocks_keep_their_bytes_and_calloc_zeroes) {
  pc_alloc parent, a;
  pc_alloc_init(&parent, NULL);
  pc_pool pool;
  pc_pool_init(&pool, &a, &parent, (size_t)1 << 20);
  slot s[SLOTS] = {{0}};
  unsigned seed = 1;
  int bad = 0;
  /* PRECIS_TEST_SCALE (set under valgrind, where the pool is off) shortens the run */
  const char *scale = getenv("PRECIS_TEST_SCALE");
  int ops = OPS / (scale && atoi(scale) > 1 ? atoi(scale) : 1);
  for (int op = 0; op < ops && !bad; op++) {
    slot *t = &s[next_random() % SLOTS];
    unsigned kind = (unsigned)(next_random() % 4);
    if (t->p && !intact(t, t->len)) bad = 1;
    if (!t->p || kind == 0) { /* (re)place with a fresh block, zeroed or not */
      pc_free(&a, t->p);
      t->len = random_size();
      int zeroed = next_random() % 2 == 0;
      t->p = zeroed ? pc_calloc(&a, t->len, 1) : pc_malloc(&a, t->len);
      if (!t->p) { bad = 1; break; }
      if (zeroed && !all_zero(t->p, t->len)) bad = 1;
      t->seed = seed++;
      fill(t);
    } else if (kind == 1) {
      pc_free(&a, t->p);
      t->p = NULL;
      t->len = 0;
    } else { /* grow (mostly doubling, as vectors do) or shrink */
      size_t len = kind == 2 ? t->len * 2 : random_size();
      unsigned char *q = pc_realloc(&a, t->p, len);
      if (!q) { bad = 1; break; }
      t->p = q;
      size_t kept = len < t->len ? len : t->len;
      if (!intact(t, kept)) bad = 1;
      t->len = len;
      fill(t);
    }
    if (!pc_pool_is_sound(&pool)) bad = 1;
  }
  CHECK(!bad);
  CHECK(pc_pool_is_sound(&pool));
  for (int i = 0; i < SLOTS; i++) {
    if (s[i].p) CHECK(intact(&s[i], s[i].len));
    pc_free(&a, s[i].p);
  }
  /* everything back: no block below top, nothing listed as free */
  CHECK(pool.top == 0);
  CHECK(pool.free_blocks == NULL);
  CHECK(pc_pool_is_sound(&pool));
  pc_pool_release(&pool);
}

TEST(big_blocks_go_to_the_pool_and_small_ones_to_the_parent) {
  pc_alloc parent, a;
  pc_alloc_init(&parent, NULL);
  pc_pool pool;
  pc_pool_init(&pool, &a, &parent, (size_t)1 << 20);
  char *small = pc_malloc(&a, 100);
  char *big = pc_malloc(&a, PC_POOL_MIN_BLOCK);
  CHECK(small && big);
  if (pool.base) { /* not under valgrind or ASan */
    CHECK(!(small >= pool.base && small < pool.base + pool.bytes));
    CHECK(big >= pool.base && big < pool.base + pool.bytes);
    CHECK((uintptr_t)big % 64 == 0);
  }
  /* a small block grown big moves into the pool with its bytes */
  if (small) memcpy(small, "kept", 5);
  char *grown = pc_realloc(&a, small, 3 * PC_POOL_MIN_BLOCK);
  CHECK(grown != NULL);
  if (grown) CHECK_STR(grown, "kept");
  if (pool.base && grown) CHECK(grown >= pool.base && grown < pool.base + pool.bytes);
  pc_free(&a, grown ? grown : small);
  pc_free(&a, big);
  if (pool.base) CHECK(pool.top == 0);
  pc_pool_release(&pool);
}

TEST(a_full_pool_hands_blocks_to_the_parent) {
  pc_alloc parent, a;
  pc_alloc_init(&parent, NULL);
  pc_pool pool;
  pc_pool_init(&pool, &a, &parent, 0);
  size_t n = pool.bytes / 3 + 1; /* two fit, the third does not */
  char *p[3];
  for (int i = 0; i < 3; i++) {
    p[i] = pc_malloc(&a, n);
    CHECK(p[i] != NULL);
    if (p[i]) { p[i][0] = (char)i; p[i][n - 1] = (char)i; }
  }
  for (int i = 0; i < 3; i++) {
    if (p[i]) CHECK(p[i][0] == (char)i && p[i][n - 1] == (char)i);
    pc_free(&a, p[i]);
  }
  pc_pool_release(&pool);
}

/* Every sentence of `text` as JSON, with `allocator` (NULL: the default). */
static char *analyze_json(const char *text, size_t len, const precis_allocator *allocator) {
  precis_options o;
  precis_options_init(&o);
  o.allocator = allocator;
  precis *p = precis_new(&o);
  if (!p) return NULL;
  precis_result *r = NULL;
  char *json = precis_analyze(p, text, len, &r) == PRECIS_OK ? test_render_json(r, 0) : NULL;
  precis_free(p);
  return json;
}

/* A text of about `cap` bytes of news prose with markdown, in *len. */
static char *make_text(size_t cap, size_t *len) {
  static const char *const para[] = {
      "The council said on Monday that the bridge would reopen in May. ",
      "\"We have done everything we could,\" the mayor told reporters. ",
      "Traffic fell by 12.5% after the closure, according to the city. ",
      "See [the report](https://example.org/report) for the details.\n\n",
      "- Repairs cost $4.2 million\n- Work began in 2021\n\n"};
  char *text = malloc(cap);
  size_t n = 0;
  if (!text) return NULL;
  for (size_t k = 0; n + 200 < cap; k++) {
    int w = snprintf(text + n, cap - n, "%s", para[k % 5]);
    if (w < 0) break;
    n += (size_t)w;
    if (k % 7 == 3) n += (size_t)snprintf(text + n, cap - n, "Item %zu holds %zu. ", k, k * 3);
  }
  *len = n;
  return text;
}

/* A document past PC_POOL_MIN_INPUT, so the default allocator gives it a
 * pool: the result is the same as with a custom allocator, which gets none. */
TEST(a_document_with_a_pool_reads_as_one_without) {
  /* PRECIS_TEST_SCALE is set under valgrind, where the pool is off: nothing
   * to compare, and this text takes minutes there */
  if (getenv("PRECIS_TEST_SCALE")) return;
  size_t len;
  char *text = make_text(PC_POOL_MIN_INPUT + (16 << 10), &len);
  CHECK(text != NULL);
  if (!text) return;
  test_heap h = test_heap_unlimited();
  precis_allocator custom = test_heap_allocator(&h);
  char *with_pool = analyze_json(text, len, NULL);
  char *without = analyze_json(text, len, &custom);
  CHECK(with_pool != NULL && without != NULL);
  if (with_pool && without) CHECK(strcmp(with_pool, without) == 0);
  free(with_pool);
  free(without);
  free(text);
}

/* The documents of a merge stay alive together, so they take no pool each:
 * here twenty of 200 KB raise the peak by 88 MB with one each (huge pages
 * per document) and by 26 MB without. Run first, while the peak is low. */
TEST(merged_documents_take_no_pool_each) {
  if (getenv("PRECIS_TEST_SCALE") || UNDER_ASAN) return; /* valgrind, ASan: no pool anyway */
  enum { DOCS = 20 };
  size_t len;
  char *text = make_text((size_t)200 << 10, &len);
  CHECK(text != NULL);
  if (!text) return;
  precis_document docs[DOCS];
  for (int i = 0; i < DOCS; i++) docs[i] = (precis_document){text, len, NULL, NULL};
  precis_options o;
  precis_options_init(&o);
  precis *p = precis_new(&o);
  CHECK(p != NULL);
  struct rusage before, after;
  getrusage(RUSAGE_SELF, &before);
  precis_result *r = NULL;
  CHECK(p && precis_merge(p, docs, DOCS, &r) == PRECIS_OK);
  getrusage(RUSAGE_SELF, &after);
  long grown_kb = after.ru_maxrss - before.ru_maxrss;
  if (grown_kb >= 48 * 1024) /* between the two, with room */
    fprintf(stderr, "merge of %d documents grew the peak by %ld KB\n", DOCS, grown_kb);
  CHECK(grown_kb < 48 * 1024);
  precis_result_free(r);
  precis_free(p);
  free(text);
}

int main(void) {
  RUN(merged_documents_take_no_pool_each);
  RUN(random_blocks_keep_their_bytes_and_calloc_zeroes);
  RUN(big_blocks_go_to_the_pool_and_small_ones_to_the_parent);
  RUN(a_full_pool_hands_blocks_to_the_parent);
  RUN(a_document_with_a_pool_reads_as_one_without);
  return harness_done("pool");
}
