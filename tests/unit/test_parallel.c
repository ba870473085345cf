/* One long text on two threads (PRECIS_DEFAULT_THREADS): the results must
 * be the same as on one, byte for byte, and the second thread must really
 * do part of the work. Also the pieces: the worker (base/worker.h) and the
 * merge of two parts' term tables (pc_idtab_merge). Run under TSan by
 * `make tsan` and helgrind by `make helgrind`. */
#define _GNU_SOURCE /* RUSAGE_THREAD */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif

#include "harness.h"
#include "test_sink.h"
#include "precis.h"
#include "base/worker.h"
#include "doc.h"
#include "score/termtab.h"

/* ---- the worker ---------------------------------------------------------- */

typedef struct step {
  pthread_t ran_on;  /* the thread that ran it */
  int runs;          /* how many times it ran */
  atomic_int *gate;  /* when not NULL: waits until it is set */
} step;

static void run_step(void *ctx) {
  step *s = ctx;
  /* at most about 2 s, so that a worker that does not run the caller's
   * job fails the test instead of hanging it */
  time_t until = time(NULL) + 2;
  while (s->gate && !atomic_load(s->gate) && time(NULL) < until) sched_yield();
  s->ran_on = pthread_self();
  s->runs++;
}

TEST(worker_runs_each_job_once) {
  step steps[3] = {{0}, {0}, {0}};
  pc_job jobs[3] = {{run_step, &steps[0]}, {run_step, &steps[1]}, {run_step, &steps[2]}};
  pc_worker w;
  pc_worker_start(&w, jobs, 3);
  pc_worker_wait(&w, 2);
  CHECK(steps[2].runs == 1); /* done and visible once waited for */
  pc_worker_join(&w);
  for (int i = 0; i < 3; i++) CHECK(steps[i].runs == 1);
  pc_worker_start(&w, jobs, 0); /* nothing to do: waiting and joining return */
  pc_worker_wait(&w, 0);
  pc_worker_join(&w);
  for (int i = 0; i < 3; i++) CHECK(steps[i].runs == 1);
}

typedef struct mask_probe {
  pthread_t ran_on;
  int blocks_all; /* SIGINT, SIGTERM, SIGCHLD and SIGWINCH blocked where it ran */
} mask_probe;

static void probe_mask(void *ctx) {
  mask_probe *m = ctx;
  sigset_t mask;
  pthread_sigmask(SIG_BLOCK, NULL, &mask);
  m->ran_on = pthread_self();
  m->blocks_all = sigismember(&mask, SIGINT) && sigismember(&mask, SIGTERM) &&
                  sigismember(&mask, SIGCHLD) && sigismember(&mask, SIGWINCH);
}

TEST(the_thread_takes_no_signals) {
  sigset_t before, after;
  pthread_sigmask(SIG_BLOCK, NULL, &before);
  /* the second job runs on the thread: the caller waits for the first only
   * after the thread has had time to take both */
  int seen_thread = 0;
  for (int tries = 0; tries < 20 && !seen_thread; tries++) {
    mask_probe probes[2] = {{0}, {0}};
    pc_job jobs[2] = {{probe_mask, &probes[0]}, {probe_mask, &probes[1]}};
    pc_worker w;
    pc_worker_start(&w, jobs, 2);
    struct timespec pause = {0, 20 * 1000 * 1000};
    nanosleep(&pause, NULL);
    pc_worker_join(&w);
    for (int i = 0; i < 2; i++)
      if (!pthread_equal(probes[i].ran_on, pthread_self())) {
        CHECK(probes[i].blocks_all);
        seen_thread = 1;
      }
  }
  CHECK(seen_thread);
  pthread_sigmask(SIG_BLOCK, NULL, &after);
  CHECK(sigismember(&after, SIGINT) == sigismember(&before, SIGINT)); /* the caller's is kept */
}

TEST(a_job_the_thread_has_not_begun_runs_on_the_caller) {
  /* the thread is held in job 0 until job 1 is waited for, so it cannot
   * begin job 1: the caller runs it */
  atomic_int gate = 0;
  step steps[2] = {{.gate = &gate}, {0}};
  pc_job jobs[2] = {{run_step, &steps[0]}, {run_step, &steps[1]}};
  pc_worker w;
  pc_worker_start(&w, jobs, 2);
  pc_worker_wait(&w, 1);
  CHECK(steps[1].runs == 1 && pthread_equal(steps[1].ran_on, pthread_self()));
  atomic_store(&gate, 1);
  pc_worker_join(&w);
  CHECK(steps[0].runs == 1);
}

/* ---- merging term tables -------------------------------------------------- */

static uint32_t add_words(uint32_t a, uint32_t b) { return a + b; }

/* Adds key to t with its word counting the times it was added. */
static void count_key(pc_idtab *t, uint64_t key) {
  pc_idtab_slot *s = pc_idtab_slot_of(t, key);
  if (!s) {
    s = pc_idtab_add(t, key);
    if (!s) return;
    memset(pc_idtab_entry(t, s->id1 - 1), 0xAB, 4); /* a merge must not touch it */
  }
  s->word++;
}

TEST(merged_tables_number_keys_as_one_table_would) {
  pc_alloc mem;
  pc_alloc_init(&mem, NULL);
  pc_idtab whole, first, second;
  pc_idtab_init(&whole, &mem, 4);
  pc_idtab_init(&first, &mem, 4);
  pc_idtab_init(&second, &mem, 4);
  /* keys 0 and 1 are stored alike (pc_termtab_key); the halves overlap */
  uint64_t x = 88172645463325252u;
  for (int i = 0; i < 3000; i++) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    uint64_t key = i % 7 == 0 ? (uint64_t)(i % 2) : x % 1500 * 0x9E3779B97F4A7C15u;
    count_key(&whole, key);
    count_key(i < 1700 ? &first : &second, key);
  }
  size_t n_second = second.len, n_first = first.len;
  uint32_t *ids = malloc(n_second * sizeof *ids);
  CHECK(ids != NULL);
  if (!ids) return;
  CHECK(pc_idtab_merge(&first, &second, ids, add_words) == 0);
  CHECK(first.len == whole.len);
  for (size_t i = 0; i < whole.cap; i++) {
    const pc_idtab_slot *w = &whole.slots[i];
    if (!w->id1) continue;
    const pc_idtab_slot *m = pc_idtab_slot_of(&first, w->key);
    CHECK(m && m->id1 == w->id1 && m->word == w->word);
  }
  for (size_t i = 0; i < second.cap; i++) {
    const pc_idtab_slot *s = &second.slots[i];
    if (s->id1) CHECK(ids[s->id1 - 1] == pc_idtab_find(&whole, s->key));
  }
  for (size_t id = 0; id < first.len; id++) {
    uint32_t entry;
    memcpy(&entry, pc_idtab_entry(&first, (uint32_t)id), 4);
    /* the first part's own entries kept, the merged ones zero */
    CHECK(entry == (id < n_first ? 0xABABABABu : 0u));
  }
  free(ids);
  pc_idtab_free(&whole);
  pc_idtab_free(&first);
  pc_idtab_free(&second);
}

/* ---- whole texts ---------------------------------------------------------- */

/* A long generated news text with the things every stage looks for: names,
 * figures, quotes with speakers, outlets, links and a reference list. */
static char *long_text(unsigned seed, size_t bytes, size_t *len) {
  static const char *const subjects[] = {"The council", "Maria Okafor", "NATO officials",
                                         "Prime Minister Jan Vos", "Володимир Зеленський",
                                         "The harbour authority"};
  static const char *const verbs[] = {"approved", "questioned", "rejected", "announced",
                                      "welcomed", "delayed"};
  static const char *const objects[] = {"a $48 million bridge", "20 percent more funding",
                                        "the plan on 3 March", "talks in Munich",
                                        "a review of 1,200 contracts", "the new ferry route"};
  static const char *const tails[] = {
      "", " according to Reuters", ", the BBC reported", " (see [the filing](https://example.org/f))",
      "", ", she told The Guardian"};
  test_sink s = {NULL, 0, 0};
  char line[512];
  unsigned x = seed * 2654435761u + 1;
  test_sink_write(&s, "# A long day at the harbour\n\n", 29);
  for (int i = 0; s.len < bytes; i++) {
    x = x * 1103515245u + 12345u;
    int n;
    if (i % 9 == 4)
      n = snprintf(line, sizeof line, "\"We will finish %s by %d,\" %s said. ",
                   objects[(x >> 8) % 6], 2000 + i % 40, subjects[(x >> 12) % 6]);
    else
      n = snprintf(line, sizeof line, "%s %s %s in part %d%s.%s", subjects[(x >> 8) % 6],
                   verbs[(x >> 12) % 6], objects[(x >> 16) % 6], i, tails[(x >> 20) % 6],
                   (i % 5 == 4) ? "\n\n" : " ");
    test_sink_write(&s, line, (size_t)n);
  }
  const char *refs = "\n\n## Sources\n\n- Reuters: https://reuters.com/a\n"
                     "- [BBC News](https://bbc.co.uk/news/1)\n";
  test_sink_write(&s, refs, strlen(refs));
  *len = s.len;
  return s.data;
}

/* ---- sentences split in two parts ---------------------------------------- */

/* A document of `text` read up to its sentences: in one pass, or in two
 * parts split at `share` of the prose (run here, one after the other). */
static int split_doc(pc_doc *d, pc_alloc *mem, const precis_options *opts, const char *text,
                     size_t len, char *err, double share) {
  pc_doc_init(d, mem, opts, NULL, text, len, err, 256);
  if (pc_repair(d) != PRECIS_OK || pc_layout(d) != PRECIS_OK) return -1;
  pc_doc_release_repaired_text(d);
  if (share < 0) return pc_segment_doc(d) == PRECIS_OK ? 0 : -1;
  pc_segmenting *s;
  if (pc_segment_begin(d, share, &s) != PRECIS_OK) return -1;
  pc_segment_later(s); /* the later part first: the parts must not depend on each other */
  pc_segment_earlier(s);
  return pc_segment_end(s) == PRECIS_OK ? 0 : -1;
}

/* Field by field: the record has padding. */
static int same_sentence(const pc_sentence *a, const pc_sentence *b) {
  return a->block == b->block && a->prose_start == b->prose_start &&
         a->prose_end == b->prose_end && a->start == b->start && a->end == b->end &&
         a->text_off == b->text_off && a->text_len == b->text_len &&
         a->paragraph == b->paragraph && a->n_words == b->n_words &&
         a->selected == b->selected && a->text_in_prose == b->text_in_prose &&
         memcmp(a->features, b->features, sizeof a->features) == 0 && a->score == b->score &&
         a->digest_score == b->digest_score;
}

TEST(sentences_split_in_two_parts_are_those_of_one_pass) {
  /* paragraphs, headings and list items; doubled spaces and a line break
   * in some sentences, whose texts then are not their prose */
  test_sink t = {NULL, 0, 0};
  char line[256];
  for (int i = 0; t.len < 40000; i++) {
    int n = snprintf(line, sizeof line,
                     i % 23 == 0 ? "\n## Part %d\n\n" : i % 7 == 0 ? "- Item %d has  two spaces.\n"
                     : i % 5 == 0 ? "Sentence %d runs\non a line break, as wrapped text does.\n\n"
                                  : "Sentence %d of the text is plain. ",
                     i);
    test_sink_write(&t, line, (size_t)n);
  }
  precis_options opts;
  precis_options_init(&opts);
  opts.input_format = PRECIS_INPUT_MARKDOWN;
  opts.unwrap_lines = 0;
  pc_alloc mem;
  pc_alloc_init(&mem, NULL);
  char err_one[256], err_two[256];
  pc_doc one, two;
  CHECK(split_doc(&one, &mem, &opts, t.data, t.len, err_one, -1) == 0);
  size_t in_texts = 0;
  for (size_t k = 0; k < one.sentences.len; k++)
    in_texts += !PC_VEC_AT(one.sentences, pc_sentence, k).text_in_prose;
  CHECK(in_texts > 10 && one.sentences.len > 500);
  static const double shares[] = {0.0, 0.3, 0.58, 0.99, 1.0};
  for (size_t i = 0; i < sizeof shares / sizeof *shares; i++) {
    CHECK(split_doc(&two, &mem, &opts, t.data, t.len, err_two, shares[i]) == 0);
    CHECK(two.sentences.len == one.sentences.len);
    CHECK(two.total_words == one.total_words);
    CHECK(two.texts.len == one.texts.len &&
          memcmp(two.texts.data, one.texts.data, one.texts.len) == 0);
    for (size_t k = 0; k < one.sentences.len && k < two.sentences.len; k++)
      CHECK(same_sentence(&PC_VEC_AT(one.sentences, pc_sentence, k),
                          &PC_VEC_AT(two.sentences, pc_sentence, k)));
    for (size_t b = 0; b < one.blocks.len && b < two.blocks.len; b++) {
      const pc_block *x = &PC_VEC_AT(one.blocks, pc_block, b), *y = &PC_VEC_AT(two.blocks, pc_block, b);
      CHECK(x->first_sentence == y->first_sentence && x->n_sentences == y->n_sentences);
    }
    pc_doc_free(&two);
  }
  pc_doc_free(&one);
  free(t.data);
}

/* `bytes`, or a quarter (but still a long text) when PRECIS_TEST_SCALE is
 * set, as under valgrind, which is about 40 times slower. */
static size_t scaled(size_t bytes) {
  if (!getenv("PRECIS_TEST_SCALE")) return bytes;
  size_t least = PRECIS_PARALLEL_MIN_BYTES + 1000;
  return bytes / 4 > least ? bytes / 4 : least;
}

/* The JSON of the summary (all 0), of every sentence with its score (1)
 * or of the sentences alone (2, precis_split); NULL on failure. */
static char *render(precis *p, const char *text, size_t len, int all) {
  precis_result *r = NULL;
  precis_status st = all == 2   ? precis_split(p, text, len, &r)
                     : all == 1 ? precis_analyze(p, text, len, &r)
                                : precis_summarize(p, text, len, &r);
  if (st != PRECIS_OK) return NULL;
  return test_render_json(r, PRECIS_RENDER_COMPACT | PRECIS_RENDER_EXPLAIN);
}

static precis *handle(unsigned threads, size_t max_words) {
  precis_options o;
  precis_options_init(&o);
  o.threads = threads;
  o.max_words = max_words;
  return precis_new(&o);
}

/* Checks that text gives the same results on one thread and on two. */
static void check_same(const char *text, size_t len, size_t max_words) {
  precis *one = handle(1, max_words), *two = handle(2, max_words);
  CHECK(one && two);
  for (int all = 0; one && two && all < 3; all++) {
    char *a = render(one, text, len, all), *b = render(two, text, len, all);
    CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
  }
  precis_free(one);
  precis_free(two);
}

TEST(two_threads_give_the_same_results) {
  static const size_t sizes[] = {PRECIS_PARALLEL_MIN_BYTES + 100, 300000, 1200000};
  for (unsigned seed = 0; seed < 3; seed++) {
    size_t len;
    char *text = long_text(seed, scaled(sizes[seed]), &len);
    CHECK(text != NULL);
    if (!text) return;
    check_same(text, len, 0);
    check_same(text, len, 120);
    free(text);
  }
}

/* Invented words, nearly all different: over 32,768 distinct terms in the
 * earlier part alone, so the later part's ids take more room once
 * renumbered (renumber_ids cannot work in place). */
static char *distinct_words_text(size_t bytes, size_t *len) {
  test_sink s = {NULL, 0, 0};
  uint64_t x = 0x9E3779B97F4A7C15u;
  char word[16];
  for (int i = 0; s.len < bytes; i++) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    size_t n = 6 + x % 4;
    for (size_t k = 0; k < n; k++) word[k] = (char)('a' + (x >> (8 + 5 * k)) % 26);
    if (i % 12 == 0) word[0] = (char)(word[0] - 'a' + 'A');
    test_sink_write(&s, word, n);
    test_sink_write(&s, i % 12 == 11 ? (i % 60 == 59 ? ".\n\n" : ". ") : " ",
                    i % 12 == 11 ? (i % 60 == 59 ? 3 : 2) : 1);
  }
  *len = s.len;
  return s.data;
}

TEST(two_threads_give_the_same_results_with_many_terms) {
  size_t len;
  char *text = distinct_words_text(900000, &len);
  CHECK(text != NULL);
  if (!text) return;
  check_same(text, len, 0);
  free(text);
}

TEST(two_threads_give_the_same_results_on_the_seeds) {
  /* the five seeds one after another, a long text with every kind of mess */
  static const char *const seeds[] = {"000_8e08b62c6490866c.txt", "001_c202121e5fb40f0d.txt",
                                      "002_ff941ada7e8dac7b.txt", "003_9a5dfcf5d4d692d9.txt",
                                      "004_5f9f1bcd83d2a46e.txt"};
  test_sink all = {NULL, 0, 0};
  for (int round = 0; round < 8; round++) {
    for (size_t i = 0; i < 5; i++) {
      char path[512];
      size_t len;
      snprintf(path, sizeof path, "%s/seeds/%s", SHARED_DIR, seeds[i]);
      char *text = harness_read_file(path, &len);
      if (!text) {
        printf("skipped the seeds: %s is missing\n", path);
        free(all.data);
        return;
      }
      test_sink_write(&all, text, len);
      test_sink_write(&all, "\n\n", 2);
      free(text);
    }
  }
  CHECK(all.len >= PRECIS_PARALLEL_MIN_BYTES);
  check_same(all.data, all.len, 0);
  free(all.data);
}

static int under_valgrind(void) {
#ifdef RUNNING_ON_VALGRIND
  return RUNNING_ON_VALGRIND != 0;
#else
  return 0;
#endif
}

/* CPU seconds of the whole process and of the calling thread. */
static void cpu_times(double *process, double *thread) {
  struct rusage self, me;
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_THREAD, &me);
  *process = (double)(self.ru_utime.tv_sec + self.ru_stime.tv_sec) +
             (double)(self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6;
  *thread = (double)(me.ru_utime.tv_sec + me.ru_stime.tv_sec) +
            (double)(me.ru_utime.tv_usec + me.ru_stime.tv_usec) / 1e6;
}

/* The share of the CPU time of `rounds` summaries that other threads spent. */
static double share_elsewhere(precis *p, const char *text, size_t len, int rounds) {
  double p0, t0, p1, t1;
  cpu_times(&p0, &t0);
  for (int i = 0; i < rounds; i++) free(render(p, text, len, 0));
  cpu_times(&p1, &t1);
  double total = p1 - p0;
  return total > 0 ? (total - (t1 - t0)) / total : 0;
}

TEST(a_long_text_is_shared_with_a_second_thread) {
  size_t len;
  char *text = long_text(7, scaled(2000000), &len);
  CHECK(text != NULL);
  if (!text) return;
  precis *one = handle(1, 0), *two = handle(2, 0), *dflt = precis_new(NULL);
  CHECK(one && two && dflt);
  if (one && two && dflt) {
    CHECK(share_elsewhere(one, text, len, 3) < 0.02);
    if (pc_worker_cpus() < 2) {
      printf("one CPU to run on: checked that no second thread is started\n");
      CHECK(share_elsewhere(two, text, len, 3) < 0.02);
      CHECK(share_elsewhere(dflt, text, len, 3) < 0.02);
    } else if (under_valgrind()) {
      printf("under valgrind, which runs one thread at a time: the share is not checked\n");
    } else {
      /* About a third of the work; but the caller runs a job the thread has
       * not begun, so on a busy machine a call may keep it all: the best of
       * a few tries. */
      double two_share = 0, default_share = 0;
      for (int try = 0; try < 5 && (two_share <= 0.15 || default_share <= 0.15); try++) {
        double a = share_elsewhere(two, text, len, 3), b = share_elsewhere(dflt, text, len, 3);
        if (a > two_share) two_share = a;
        if (b > default_share) default_share = b;
      }
      CHECK(two_share > 0.15);
      CHECK(default_share > 0.15);
    }
  }
  precis_free(one);
  precis_free(two);
  precis_free(dflt);
  /* a short text is not worth a thread */
  precis *p = handle(2, 0);
  char *short_text = long_text(8, PRECIS_PARALLEL_MIN_BYTES / 2, &len);
  CHECK(p && short_text);
  if (p && short_text) CHECK(share_elsewhere(p, short_text, len, 20) < 0.02);
  precis_free(p);
  free(short_text);
  free(text);
}

/* A custom allocator that notes whether any thread but the handle's user
 * called it. */
typedef struct watched {
  pthread_t owner;
  int foreign_calls;
} watched;

static void note_caller(watched *w) {
  if (!pthread_equal(pthread_self(), w->owner)) w->foreign_calls++;
}
static void *w_malloc(void *ctx, size_t n) {
  note_caller(ctx);
  return malloc(n);
}
static void *w_realloc(void *ctx, void *ptr, size_t n) {
  note_caller(ctx);
  return realloc(ptr, n);
}
static void w_free(void *ctx, void *ptr) {
  note_caller(ctx);
  free(ptr);
}

TEST(a_custom_allocator_is_called_from_the_calling_thread_only) {
  watched w = {pthread_self(), 0};
  precis_allocator a = {w_malloc, w_realloc, w_free, &w};
  precis_options o;
  precis_options_init(&o);
  o.allocator = &a;
  o.threads = 2;
  precis *p = precis_new(&o);
  size_t len;
  char *text = long_text(9, 400000, &len);
  CHECK(p && text);
  if (p && text) {
    char *json = render(p, text, len, 0);
    CHECK(json != NULL);
    free(json);
  }
  CHECK(w.foreign_calls == 0);
  precis_free(p);
  free(text);
}

int main(void) {
  RUN(worker_runs_each_job_once);
  RUN(a_job_the_thread_has_not_begun_runs_on_the_caller);
  RUN(the_thread_takes_no_signals);
  RUN(merged_tables_number_keys_as_one_table_would);
  RUN(sentences_split_in_two_parts_are_those_of_one_pass);
  RUN(two_threads_give_the_same_results);
  RUN(two_threads_give_the_same_results_with_many_terms);
  RUN(two_threads_give_the_same_results_on_the_seeds);
  RUN(a_long_text_is_shared_with_a_second_thread);
  RUN(a_custom_allocator_is_called_from_the_calling_thread_only);
  return harness_done("parallel");
}
