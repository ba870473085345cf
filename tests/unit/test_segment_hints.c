/* The splitter's sentence hints against a full read: this program links its
 * own copy of the sentence stage built with PC_SEGMENT_CHECK_HINTS (it takes
 * the place of the library's), which aborts when a hint disagrees with what
 * the sentence record would find by reading the sentence. Runs the seeds,
 * the eval texts and generated documents through the public API.
 *
 *   test_segment_hints                 the check (SHARED_DIR parts skipped when absent)
 *   test_segment_hints --write DIR N   writes N generated documents to DIR instead,
 *                                      for differential tests of the splitter */
#define PC_SEGMENT_CHECK_HINTS 1
#include "segment/sentences.c"

#include <cJSON.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "harness.h"
#include "precis.h"

/* Generated documents checked by a plain run. */
#define GENERATED_DOCS 400

/* What the abort handler names: the document being summarised. */
static char current_doc[256];

static void on_abort(int sig) {
  (void)sig;
  static const char msg[] = "test_segment_hints: a hint disagrees with a full read in ";
  if (write(2, msg, sizeof msg - 1) < 0 || write(2, current_doc, strlen(current_doc)) < 0 ||
      write(2, "\n", 1) < 0)
    _exit(1);
  _exit(1);
}

static void summarize_and_split(precis *p, const char *name, const char *text, size_t len) {
  snprintf(current_doc, sizeof current_doc, "%s", name);
  precis_result *r = NULL;
  if (precis_summarize(p, text, len, &r) == PRECIS_OK) precis_result_free(r);
  if (precis_split(p, text, len, &r) == PRECIS_OK) precis_result_free(r);
}

/* ---- generated documents ------------------------------------------------ */

typedef struct rng {
  uint64_t state;
} rng;

static unsigned next_rand(rng *g) {
  g->state = g->state * 6364136223846793005u + 1442695040888963407u;
  return (unsigned)(g->state >> 33);
}

static unsigned below(rng *g, unsigned n) { return next_rand(g) % n; }

/* Pieces the splitter treats differently: words, abbreviations, terminators,
 * quotes, brackets, list markers, odd whitespace, NUL and invalid bytes, CJK. */
static const char *const pieces[] = {
    "the",     "council", "approved", "Bridge", "Mr.",     "Dr.",      "U.S.",    "e.g.",
    "a.m.",    "P.M.",    "No.",      "p.",     "St.",     "Inc.",     "Jr.'s",   "I.",
    "E.",      "3.5",     "1,200",    "don't",  "it’s",    "rock’n’roll", "café", "naïve",
    "Ünïcode", "日本語",  "テスト",   "。",     "！",      "？",       ".",       "!",
    "?",       "...",     "…",        ". . .",  "?!",      "‼",        "\"",      "'",
    "“",       "”",       "‘",        "’",      "«",       "»",        "„",       "(",
    ")",       "[",       "]",        "{",      "}",       "[...]",    "(...)",   "1.",
    "2.",      "3)",      "a.",       "b)",     "•",       "◦",        "-",       "—",
    "http://example.com/a.b?c=d", "x@y.org", "\t",  "\n",   "\r\n",    "  ",      "\xC2\xA0",
    "\xE2\x80\xA8", "\xC2\x85", "\x0B", "\f", "\x00", "\xFF", "\xC3", "\xE2\x80", "\xC0\xAF",
    "¿",       "¡",       "Ph.D.",    "Co.",    "vs.",     "etc.",     "then-Sen.", "A",
    "The",     "In",      "However",  "2024",   "12.",     "99)",      "'quoted'", "(aside.)",
};

static size_t n_pieces(void) { return sizeof pieces / sizeof pieces[0]; }

/* Appends one generated document to buf (cap bytes); returns its length. */
static size_t generate(rng *g, char *buf, size_t cap) {
  size_t len = 0;
  unsigned shape = below(g, 8);
  size_t target = shape == 0 ? 5000 + below(g, 6000) : 20 + below(g, 1500);
  while (len + 64 < cap && len < target) {
    unsigned pick = below(g, 10);
    const char *piece;
    size_t n;
    char word[40];
    if (pick < 5) { /* a plain word, sometimes capitalised, sometimes long */
      size_t w = shape == 1 ? 40 - 1 : 1 + below(g, 9);
      if (w >= sizeof word) w = sizeof word - 1;
      for (size_t k = 0; k < w; k++) word[k] = (char)('a' + below(g, 26));
      if (below(g, 4) == 0) word[0] = (char)('A' + below(g, 26));
      if (below(g, 12) == 0) word[w - 1] = (char)('0' + below(g, 10));
      piece = word;
      n = w;
    } else {
      piece = pieces[below(g, (unsigned)n_pieces())];
      n = piece[0] == '\0' ? 1 : strlen(piece); /* "\x00" is one NUL byte */
    }
    memcpy(buf + len, piece, n);
    len += n;
    unsigned gap = below(g, 16);
    if (gap < 11) buf[len++] = ' ';
    else if (gap == 11) buf[len++] = '\n';
    else if (gap == 12 && len + 2 < cap) { buf[len++] = '\n'; buf[len++] = '\n'; }
    /* else: no gap, the next piece sticks to this one */
  }
  return len;
}

static int write_generated(const char *dir, long count) {
  static char buf[16384];
  rng g = {20261123u};
  for (long k = 0; k < count; k++) {
    size_t len = generate(&g, buf, sizeof buf);
    char path[4096];
    snprintf(path, sizeof path, "%s/gen_%05ld.txt", dir, k);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(buf, 1, len, f) != len) {
      fprintf(stderr, "cannot write %s\n", path);
      if (f) fclose(f);
      return 1;
    }
    fclose(f);
  }
  return 0;
}

/* ---- the checks --------------------------------------------------------- */

TEST(generated_documents) {
  static char buf[16384];
  rng g = {20261123u};
  precis *p = precis_new(NULL);
  CHECK(p != NULL);
  if (!p) return;
  for (int k = 0; k < GENERATED_DOCS; k++) {
    size_t len = generate(&g, buf, sizeof buf);
    char name[64];
    snprintf(name, sizeof name, "generated document %d", k);
    summarize_and_split(p, name, buf, len);
  }
  precis_free(p);
}

TEST(seed_articles) {
  static const char *const seeds[] = {
      "000_8e08b62c6490866c.txt", "001_c202121e5fb40f0d.txt", "002_ff941ada7e8dac7b.txt",
      "003_9a5dfcf5d4d692d9.txt", "004_5f9f1bcd83d2a46e.txt"};
  precis *p = precis_new(NULL);
  CHECK(p != NULL);
  if (!p) return;
  for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/seeds/%s", SHARED_DIR, seeds[k]);
    size_t len = 0;
    char *text = harness_read_file(path, &len);
    if (!text) continue; /* no shared data here */
    summarize_and_split(p, path, text, len);
    free(text);
  }
  precis_free(p);
}

/* Every "text" of a JSON-lines file. */
static void run_jsonl(const char *file) {
  char path[1024];
  snprintf(path, sizeof path, "%s/eval/%s", SHARED_DIR, file);
  size_t len = 0;
  char *all = harness_read_file(path, &len);
  if (!all) return;
  precis *p = precis_new(NULL);
  CHECK(p != NULL);
  size_t line_no = 0;
  for (char *line = all; p && line < all + len; line_no++) {
    char *nl = memchr(line, '\n', (size_t)(all + len - line));
    if (nl) *nl = '\0';
    cJSON *obj = cJSON_Parse(line);
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(obj, "text");
    if (cJSON_IsString(text)) {
      char name[1200];
      snprintf(name, sizeof name, "%s line %zu", path, line_no + 1);
      summarize_and_split(p, name, text->valuestring, strlen(text->valuestring));
    }
    cJSON_Delete(obj);
    if (!nl) break;
    line = nl + 1;
  }
  precis_free(p);
  free(all);
}

TEST(eval_texts) {
  run_jsonl("sbd-golden-en.jsonl");
  run_jsonl("bbc-dev.jsonl");
  run_jsonl("cnndm-dev.jsonl");
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "--write") == 0)
    return write_generated(argv[2], strtol(argv[3], NULL, 10));
  signal(SIGABRT, on_abort);
  RUN(generated_documents);
  RUN(seed_articles);
  RUN(eval_texts);
  return harness_done("segment hints");
}
