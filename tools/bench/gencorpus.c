/* gencorpus: writes a benchmark corpus of unique English news sentences.
 *
 *   gencorpus SHARED_DIR BYTES OUT            one file of about BYTES
 *   gencorpus SHARED_DIR BYTES OUTDIR N       N files of about BYTES/N each
 *
 * Sentences come from SHARED_DIR/eval/{cnndm,bbc}-dev.jsonl (or a small
 * built-in set when that folder is absent), shuffled with a fixed seed and
 * varied (figures changed, a lead-in phrase, two words swapped) so that every
 * sentence of the output is different; 3 to 6 sentences make a paragraph.
 * The same arguments always give the same bytes. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

typedef struct text_vec {
  char **items;
  size_t n, cap;
} text_vec;

static void die(const char *what) {
  fprintf(stderr, "gencorpus: %s: %s\n", what, errno ? strerror(errno) : "failed");
  exit(1);
}

static void push(text_vec *v, char *s) {
  if (v->n == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 1024;
    v->items = realloc(v->items, v->cap * sizeof *v->items);
    if (!v->items) die("memory");
  }
  v->items[v->n++] = s;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rnd(void) { /* xorshift64*: fixed seed, same corpus every run */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 2685821657736338717u;
}

/* Splits `text` at line breaks and at ". " followed by a capital letter;
 * keeps pieces that look like sentences (40-400 bytes, end with . ! ? or "). */
static void add_sentences(text_vec *out, const char *text) {
  size_t start = 0, len = strlen(text);
  for (size_t i = 0; i <= len; i++) {
    int cut = i == len || text[i] == '\n';
    if (!cut && (text[i] == '.' || text[i] == '?' || text[i] == '!') && i + 2 < len &&
        text[i + 1] == ' ' && text[i + 2] >= 'A' && text[i + 2] <= 'Z') {
      i++;
      cut = 1;
    }
    if (!cut) continue;
    size_t end = i;
    while (start < end && (text[start] == ' ' || text[start] == '\t')) start++;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\r')) end--;
    size_t n = end - start;
    if (n >= 40 && n <= 400) {
      char last = text[end - 1];
      if (last == '.' || last == '!' || last == '?' || last == '"') {
        char *s = strndup(text + start, n);
        if (!s) die("memory");
        push(out, s);
      }
    }
    start = i + 1;
  }
}

static void read_jsonl(text_vec *out, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return;
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, f) > 0) {
    cJSON *o = cJSON_Parse(line);
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
    if (cJSON_IsString(text)) add_sentences(out, text->valuestring);
    cJSON_Delete(o);
  }
  free(line);
  fclose(f);
}

static const char *const builtin[] = {
    "The city council approved a new budget on Monday after a long debate about school funding.",
    "Officials said the bridge would reopen in March once the repairs to its deck were finished.",
    "Shares in the company rose 4 percent after it reported higher sales in its third quarter.",
    "The minister told reporters that talks with the unions would resume next week in the capital.",
    "Scientists found that the river had warmed by two degrees over the past thirty years.",
    "Police closed the motorway for six hours while they cleared the wreckage of the lorries.",
    "The museum will show the paintings for the first time since they were restored last year.",
    "Voters in the northern region rejected the proposal by a margin of 12,000 votes.",
    "The airline said it would cut 300 jobs as fuel prices and weak demand hit its profits.",
    "Doctors at the hospital warned that waiting times had doubled since the start of winter."};

static const char *const lead_ins[] = {
    "Meanwhile, ", "On Tuesday, ", "According to officials, ", "Earlier this week, ",
    "In a statement, ", "By contrast, ", "Separately, ", "Last month, ", "At the same time, ",
    "In the morning, ", "Later, ", "As a result, ", "Analysts noted that ", "Reports said that ",
    "In the afternoon, ", "Once again, "};

/* 1 when the sentence opens with a word that is lower case after a lead-in. */
static int common_opening(const char *s) {
  static const char *const words[] = {"The ", "A ", "An ", "It ", "He ", "She ", "They ",
                                      "This ", "But ", "In ", "His ", "Her ", "Its "};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (strncmp(s, words[i], strlen(words[i])) == 0) return 1;
  return 0;
}

/* Appends variant `pass` of sentence s to out (pass 0 = as written). */
static size_t vary(char *out, size_t cap, const char *s, uint64_t pass) {
  size_t n = 0;
  if (pass > 0) {
    const char *lead = lead_ins[rnd() % (sizeof lead_ins / sizeof lead_ins[0])];
    n = (size_t)snprintf(out, cap, "%s", lead);
  }
  for (size_t i = 0; s[i] && n + 2 < cap; i++) {
    char c = s[i];
    if (pass > 0 && i == 0 && common_opening(s)) c = (char)(c + 32);
    if (pass > 0 && c >= '0' && c <= '9') c = (char)('0' + rnd() % 10);
    out[n++] = c;
  }
  out[n] = '\0';
  if (pass > 1) { /* swap two words of the same sentence */
    char *words[64];
    size_t nw = 0;
    for (size_t i = 0; i < n && nw < 64; i++)
      if ((i == 0 || out[i - 1] == ' ') && out[i] >= 'a' && out[i] <= 'z') words[nw++] = out + i;
    if (nw >= 4) {
      size_t a = rnd() % nw, b = rnd() % nw;
      size_t la = strcspn(words[a], " ,.;"), lb = strcspn(words[b], " ,.;");
      if (a != b && la == lb) {
        char tmp[64];
        if (la < sizeof tmp) {
          memcpy(tmp, words[a], la);
          memcpy(words[a], words[b], la);
          memcpy(words[b], tmp, la);
        }
      }
    }
  }
  return n;
}

/* A set of 64-bit hashes, to keep every sentence unique. */
typedef struct hash_set {
  uint64_t *slots;
  size_t mask, n;
} hash_set;

static uint64_t hash_str(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h ? h : 1;
}

static int set_add(hash_set *set, uint64_t h) {
  if ((set->n + 1) * 2 > set->mask + 1) {
    hash_set bigger = {calloc((set->mask + 1) * 2, sizeof(uint64_t)), set->mask * 2 + 1, 0};
    if (!bigger.slots) die("memory");
    for (size_t i = 0; i <= set->mask; i++)
      if (set->slots[i]) set_add(&bigger, set->slots[i]);
    free(set->slots);
    *set = bigger;
  }
  size_t i = (size_t)h & set->mask;
  while (set->slots[i]) {
    if (set->slots[i] == h) return 0;
    i = (i + 1) & set->mask;
  }
  set->slots[i] = h;
  set->n++;
  return 1;
}

typedef struct writer {
  text_vec *pool;
  size_t next;      /* next sentence of the shuffled pool */
  uint64_t pass;    /* how many times the pool was used */
  hash_set seen;
} writer;

/* Writes about `bytes` of paragraphs to f. */
static void write_corpus(writer *w, FILE *f, size_t bytes, size_t index) {
  char buf[1024];
  size_t written = 0;
  written += (size_t)fprintf(f, "Bench corpus part %zu\n\n", index + 1);
  while (written < bytes) {
    size_t in_para = 3 + rnd() % 4;
    for (size_t k = 0; k < in_para && written < bytes; k++) {
      size_t n;
      for (;;) {
        if (w->next == w->pool->n) {
          w->next = 0;
          w->pass++;
          for (size_t i = w->pool->n; i > 1; i--) { /* Fisher-Yates per pass */
            size_t j = rnd() % i;
            char *t = w->pool->items[i - 1];
            w->pool->items[i - 1] = w->pool->items[j];
            w->pool->items[j] = t;
          }
        }
        n = vary(buf, sizeof buf, w->pool->items[w->next++], w->pass);
        if (set_add(&w->seen, hash_str(buf, n))) break;
      }
      if (k) fputc(' ', f);
      fwrite(buf, 1, n, f);
      written += n + 1;
    }
    fputs("\n\n", f);
    written += 1;
  }
}

int main(int argc, char **argv) {
  if (argc != 4 && argc != 5) {
    fprintf(stderr, "usage: gencorpus SHARED_DIR BYTES OUT [N_FILES]\n");
    return 2;
  }
  size_t bytes = (size_t)strtoull(argv[2], NULL, 10);
  size_t n_files = argc == 5 ? (size_t)strtoull(argv[4], NULL, 10) : 0;
  text_vec pool = {0};
  char path[4096];
  snprintf(path, sizeof path, "%s/eval/cnndm-dev.jsonl", argv[1]);
  read_jsonl(&pool, path);
  snprintf(path, sizeof path, "%s/eval/bbc-dev.jsonl", argv[1]);
  read_jsonl(&pool, path);
  if (pool.n == 0) {
    fprintf(stderr, "gencorpus: %s/eval not found, using built-in sentences\n", argv[1]);
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
      char *s = strdup(builtin[i]);
      if (!s) die("memory");
      push(&pool, s);
    }
  }
  writer w = {&pool, pool.n, 0, {calloc(1024, sizeof(uint64_t)), 1023, 0}};
  if (!w.seen.slots) die("memory");
  w.pass = (uint64_t)-1; /* the first refill makes it pass 0 */
  if (n_files == 0) {
    FILE *f = fopen(argv[3], "wb");
    if (!f) die(argv[3]);
    write_corpus(&w, f, bytes, 0);
    if (fclose(f) != 0) die(argv[3]);
  } else {
    if (mkdir(argv[3], 0755) != 0 && errno != EEXIST) die(argv[3]);
    for (size_t i = 0; i < n_files; i++) {
      snprintf(path, sizeof path, "%s/doc%04zu.txt", argv[3], i);
      FILE *f = fopen(path, "wb");
      if (!f) die(path);
      write_corpus(&w, f, bytes / n_files, i);
      if (fclose(f) != 0) die(path);
    }
  }
  for (size_t i = 0; i < pool.n; i++) free(pool.items[i]);
  free(pool.items);
  free(w.seen.slots);
  return 0;
}
