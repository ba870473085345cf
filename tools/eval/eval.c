/* eval.c - precis-eval: how good are precis's summaries and sentences?
 *
 *   cnndm  precis at N sentences (default 3) against Lead-N, the first N
 *          sentences from precis_split(), scored against the human
 *          highlights (one reference sentence per line).
 *   bbc    precis at a W-word budget (default 100) against Lead, the first
 *          sentences up to W words; both cut to their first W words before
 *          scoring (ROUGE -l W). precis reads the title as the first line of
 *          the article, as a real article has its headline; Lead does not
 *          (the references never contain the title).
 *   sbd    precis_split() on the 48 Golden Rules cases.
 *
 * ROUGE is tools/eval/rouge.h: ROUGE-1.5.5 -m equivalent; F1 x 100 averaged
 * over documents. Uses only the public API (precis.h) and cJSON. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "jsonl.h"
#include "precis.h"
#include "rouge.h"

typedef struct eval_options {
  const char *shared;
  const char *only; /* NULL = all */
  const char *dump_path;
  int json;
  size_t limit;     /* 0 = every document */
  size_t sentences; /* cnndm budget */
  size_t words;     /* bbc budget */
  int ots;          /* also score the Open Text Summarizer (ots on PATH) */
  int half;         /* -1 = every document, 0 = even-numbered only, 1 = odd */
} eval_options;

/* Sums over documents; divided by `docs` when reported. */
typedef struct system_sums {
  double r1, r2, rl; /* F1 */
  double words;      /* words scored */
  double raw_words;  /* words produced, before any cut */
} system_sums;

typedef struct dataset_report {
  const char *name;
  double delta_sq[3]; /* sums of squared per-document precis - lead, R-L */
  char precis_label[32];
  char lead_label[32];
  size_t docs;
  size_t failed;      /* documents precis could not summarize (scored as empty) */
  size_t over_budget; /* documents where precis wrote more than the word budget */
  system_sums precis, lead, ots;
  int ots_ran;
  const char *note;
} dataset_report;

typedef struct sbd_report {
  size_t passed, total;
  cJSON *failed_ids; /* array of strings */
  cJSON *hard_ids;   /* the failed ones marked "hard" (pySBD fails them too) */
} sbd_report;

/* A growable list of sentences to score. */
typedef struct sentence_list {
  rouge_text *items;
  size_t count, cap;
} sentence_list;

typedef struct eval_run {
  eval_options opt;
  FILE *dump;
  precis *splitter; /* default options, for precis_split() */
} eval_run;

static void fail(const char *fmt, const char *arg) {
  fprintf(stderr, "precis-eval: ");
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
  exit(1);
}

static void list_push(sentence_list *l, const char *text, size_t len) {
  if (l->count == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    rouge_text *items = realloc(l->items, cap * sizeof *items);
    if (!items) fail("%s", "out of memory");
    l->items = items;
    l->cap = cap;
  }
  l->items[l->count++] = (rouge_text){text, len};
}

static void list_add_result(sentence_list *l, const precis_result *r, size_t max) {
  for (size_t i = 0; r && i < r->n_sentences && i < max; i++)
    list_push(l, r->sentences[i].text, r->sentences[i].text_len);
}

/* One reference sentence per non-empty line, as ROUGE's SPL input. */
static void list_add_lines(sentence_list *l, const char *text) {
  while (*text) {
    size_t n = strcspn(text, "\n");
    if (n > 0) list_push(l, text, n);
    text += n + (text[n] ? 1 : 0);
  }
}

static size_t list_words(const sentence_list *l) {
  size_t words = 0;
  for (size_t i = 0; i < l->count; i++) words += rouge_count_words(l->items[i].text, l->items[i].len);
  return words;
}

/* Scores `cand` against `ref` into `sums`; returns the scores. */
static rouge_scores score_into(system_sums *sums, const sentence_list *cand,
                               const sentence_list *ref, size_t raw_words) {
  rouge_scores s;
  int rc = rouge_compare(cand->items, cand->count, ref->items, ref->count, &s);
  if (rc != ROUGE_OK) fail("ROUGE: %s", rouge_strerror(rc));
  sums->r1 += 100.0 * s.rouge1.f1;
  sums->r2 += 100.0 * s.rouge2.f1;
  sums->rl += 100.0 * s.rougeL.f1;
  sums->words += (double)list_words(cand);
  sums->raw_words += (double)raw_words;
  return s;
}

/* Adds one document's precis - lead differences to the squared sums the
 * standard error is computed from. */
static void add_delta(dataset_report *rep, rouge_scores p, rouge_scores l) {
  double d[3] = {100 * (p.rouge1.f1 - l.rouge1.f1), 100 * (p.rouge2.f1 - l.rouge2.f1),
                 100 * (p.rougeL.f1 - l.rougeL.f1)};
  for (int i = 0; i < 3; i++) rep->delta_sq[i] += d[i] * d[i];
}

static precis *new_handle(size_t max_sentences, size_t max_words) {
  precis_options o;
  precis_options_init(&o);
  o.max_sentences = max_sentences;
  o.max_words = max_words;
  o.ratio = 0;
  precis *p = precis_new(&o);
  if (!p) fail("%s", "precis_new: out of memory");
  return p;
}

/* Runs `fn` on `text`; on failure warns, counts it and leaves *out NULL
 * (the document is then scored as an empty output). Out of memory is fatal. */
static void run_precis(precis *p, precis_status (*fn)(precis *, const char *, size_t, precis_result **),
                       const char *what, const char *id, const char *text, size_t len,
                       precis_result **out, size_t *failed) {
  precis_status st = fn(p, text, len, out);
  if (st == PRECIS_OK) return;
  if (st == PRECIS_ERR_NOMEM) fail("%s", precis_strerror(st));
  fprintf(stderr, "precis-eval: %s %s: %s (%s)\n", id, what, precis_strerror(st), precis_errmsg(p));
  *out = NULL;
  if (failed) (*failed)++;
}

/* The Open Text Summarizer's summary of `text` at `percent`% of its
 * sentences, as ots prints it (malloc'd), or NULL when it cannot run. */
static char *run_ots(const char *text, size_t len, size_t percent) {
  char path[] = "/tmp/precis-eval-ots-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return NULL;
  FILE *f = fdopen(fd, "wb");
  if (!f) { close(fd); unlink(path); return NULL; }
  int wrote = fwrite(text, 1, len, f) == len;
  if (fclose(f) != 0 || !wrote) { unlink(path); return NULL; }
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ots -r %zu %s 2>/dev/null", percent < 1 ? 1 : percent, path);
  FILE *out = popen(cmd, "r");
  char *buf = NULL;
  size_t n = 0, cap = 0;
  while (out) {
    if (n + 4096 + 1 > cap) {
      cap = (n + 4096 + 1) * 2;
      char *grown = realloc(buf, cap);
      if (!grown) fail("%s", "out of memory");
      buf = grown;
    }
    size_t got = fread(buf + n, 1, 4096, out);
    n += got;
    if (got == 0) break;
  }
  int status = out ? pclose(out) : -1;
  unlink(path);
  if (status != 0 || !buf) { free(buf); return NULL; }
  buf[n] = '\0';
  return buf;
}

/* Scores ots on one document: its output split into sentences, the first
 * `max_sentences` of them, cut to `max_words` words when that is set. */
static void score_ots(eval_run *run, dataset_report *rep, const char *id, const char *text,
                      size_t len, size_t doc_sentences, size_t doc_words, size_t max_sentences,
                      size_t max_words, const sentence_list *ref) {
  size_t percent = max_words ? (100 * max_words + doc_words - 1) / (doc_words ? doc_words : 1) + 5
                             : (100 * max_sentences + doc_sentences - 1) /
                                   (doc_sentences ? doc_sentences : 1);
  if (percent > 100) percent = 100;
  char *summary = run_ots(text, len, percent);
  precis_result *split = NULL;
  if (summary)
    run_precis(run->splitter, precis_split, "precis_split(ots)", id, summary, strlen(summary),
               &split, NULL);
  sentence_list cand = {0};
  list_add_result(&cand, split, max_sentences ? max_sentences : (size_t)-1);
  size_t raw_words = list_words(&cand);
  if (max_words) cand.count = rouge_limit_words(cand.items, cand.count, max_words);
  score_into(&rep->ots, &cand, ref, raw_words);
  free(cand.items);
  precis_result_free(split);
  free(summary);
}

static void dump_doc(eval_run *run, const char *dataset, const char *id,
                     const sentence_list *sentences, rouge_scores precis_s, rouge_scores lead_s) {
  if (!run->dump) return;
  fprintf(run->dump, "== %s %s  %zu words  precis R-1/2/L %.2f/%.2f/%.2f  lead %.2f/%.2f/%.2f\n",
          dataset, id, list_words(sentences), 100 * precis_s.rouge1.f1, 100 * precis_s.rouge2.f1,
          100 * precis_s.rougeL.f1, 100 * lead_s.rouge1.f1, 100 * lead_s.rouge2.f1,
          100 * lead_s.rougeL.f1);
  for (size_t i = 0; i < sentences->count; i++)
    fprintf(run->dump, "%.*s\n", (int)sentences->items[i].len, sentences->items[i].text);
  fputc('\n', run->dump);
}

static int open_dataset(jsonl_file *f, const eval_run *run, const char *file, char *path,
                        size_t path_size) {
  snprintf(path, path_size, "%s/eval/%s", run->opt.shared, file);
  if (jsonl_open(f, path) == 0) return 1;
  if (errno != ENOENT) fail("cannot read %s", path);
  fprintf(stderr, "precis-eval: %s not found, skipping\n", path);
  return 0;
}

/* The next document of `half` (eval_options.half; -1 = any): documents are
 * numbered from 0 in file order, `*seen` counts those read so far. */
static cJSON *next_doc(jsonl_file *f, int half, size_t *seen) {
  for (;;) {
    int bad;
    cJSON *doc = jsonl_next(f, &bad);
    if (bad) {
      fprintf(stderr, "precis-eval: %s:%zu: not a JSON object\n", f->path, f->line);
      exit(1);
    }
    if (!doc) return NULL;
    size_t index = (*seen)++;
    if (half < 0 || (int)(index % 2) == half) return doc;
    cJSON_Delete(doc);
  }
}

static const char *field(const jsonl_file *f, const cJSON *doc, const char *key) {
  const char *s = jsonl_string(doc, key);
  if (!s) {
    fprintf(stderr, "precis-eval: %s:%zu: no string field \"%s\"\n", f->path, f->line, key);
    exit(1);
  }
  return s;
}

static int run_cnndm(eval_run *run, dataset_report *rep) {
  char path[4096];
  jsonl_file f;
  if (!open_dataset(&f, run, "cnndm-dev.jsonl", path, sizeof path)) return 0;
  size_t n = run->opt.sentences;
  rep->name = "cnndm";
  snprintf(rep->precis_label, sizeof rep->precis_label, "precis-%zu", n);
  snprintf(rep->lead_label, sizeof rep->lead_label, "lead-%zu", n);
  precis *p = new_handle(n, 0);
  cJSON *doc;
  size_t seen = 0;
  while ((run->opt.limit == 0 || rep->docs < run->opt.limit) && (doc = next_doc(&f, run->opt.half, &seen))) {
    const char *id = field(&f, doc, "id");
    const char *text = field(&f, doc, "text");
    precis_result *summary = NULL, *split = NULL;
    run_precis(p, precis_summarize, "precis_summarize", id, text, strlen(text), &summary,
               &rep->failed);
    run_precis(run->splitter, precis_split, "precis_split", id, text, strlen(text), &split, NULL);
    sentence_list ref = {0}, cand = {0}, lead = {0};
    list_add_lines(&ref, field(&f, doc, "summary"));
    list_add_result(&cand, summary, (size_t)-1);
    list_add_result(&lead, split, n);
    rouge_scores ps = score_into(&rep->precis, &cand, &ref, list_words(&cand));
    rouge_scores ls = score_into(&rep->lead, &lead, &ref, list_words(&lead));
    add_delta(rep, ps, ls);
    if (run->opt.ots && split)
      score_ots(run, rep, id, text, strlen(text), split->n_sentences, split->total_words, n, 0,
                &ref);
    dump_doc(run, "cnndm", id, &cand, ps, ls);
    rep->docs++;
    free(ref.items);
    free(cand.items);
    free(lead.items);
    precis_result_free(summary);
    precis_result_free(split);
    cJSON_Delete(doc);
  }
  precis_free(p);
  jsonl_close(&f);
  return 1;
}

static char *join_title(const char *title, const char *text, size_t *len) {
  size_t nt = strlen(title), nx = strlen(text);
  char *buf = malloc(nt + nx + 3);
  if (!buf) fail("%s", "out of memory");
  memcpy(buf, title, nt);
  memcpy(buf + nt, "\n\n", 2);
  memcpy(buf + nt + 2, text, nx + 1);
  *len = nt + nx + 2;
  return buf;
}

static int run_bbc(eval_run *run, dataset_report *rep) {
  char path[4096];
  jsonl_file f;
  if (!open_dataset(&f, run, "bbc-dev.jsonl", path, sizeof path)) return 0;
  size_t budget = run->opt.words;
  rep->name = "bbc";
  snprintf(rep->precis_label, sizeof rep->precis_label, "precis-%zuw", budget);
  snprintf(rep->lead_label, sizeof rep->lead_label, "lead-%zuw", budget);
  rep->note = "bbc: precis reads \"title\\n\\ntext\" (the headline as first line), Lead the "
              "text alone; both outputs are cut to their first W words before scoring "
              "(ROUGE -l W); words = words scored; references split with precis_split";
  precis *p = new_handle(0, budget);
  cJSON *doc;
  size_t seen = 0;
  while ((run->opt.limit == 0 || rep->docs < run->opt.limit) && (doc = next_doc(&f, run->opt.half, &seen))) {
    const char *id = field(&f, doc, "id");
    const char *text = field(&f, doc, "text");
    const char *reference = field(&f, doc, "summary");
    size_t input_len;
    char *input = join_title(field(&f, doc, "title"), text, &input_len);
    precis_result *summary = NULL, *split = NULL, *ref_split = NULL;
    run_precis(p, precis_summarize, "precis_summarize", id, input, input_len, &summary,
               &rep->failed);
    run_precis(run->splitter, precis_split, "precis_split", id, text, strlen(text), &split, NULL);
    run_precis(run->splitter, precis_split, "precis_split(summary)", id, reference,
               strlen(reference), &ref_split, NULL);
    sentence_list ref = {0}, cand = {0}, lead = {0};
    list_add_result(&ref, ref_split, (size_t)-1);
    list_add_result(&cand, summary, (size_t)-1);
    size_t lead_words = 0;
    for (size_t i = 0; split && i < split->n_sentences && lead_words < budget; i++) {
      const precis_sentence *s = &split->sentences[i];
      list_push(&lead, s->text, s->text_len);
      lead_words += rouge_count_words(s->text, s->text_len);
    }
    size_t cand_words = list_words(&cand);
    if (cand_words > budget) rep->over_budget++;
    sentence_list cand_cut = {0};
    for (size_t i = 0; i < cand.count; i++) list_push(&cand_cut, cand.items[i].text, cand.items[i].len);
    cand_cut.count = rouge_limit_words(cand_cut.items, cand_cut.count, budget);
    lead.count = rouge_limit_words(lead.items, lead.count, budget);
    rouge_scores ps = score_into(&rep->precis, &cand_cut, &ref, cand_words);
    rouge_scores ls = score_into(&rep->lead, &lead, &ref, lead_words);
    add_delta(rep, ps, ls);
    if (run->opt.ots && split)
      score_ots(run, rep, id, text, strlen(text), split->n_sentences, split->total_words, 0,
                budget, &ref);
    dump_doc(run, "bbc", id, &cand, ps, ls);
    rep->docs++;
    free(ref.items);
    free(cand.items);
    free(cand_cut.items);
    free(lead.items);
    free(input);
    precis_result_free(summary);
    precis_result_free(split);
    precis_result_free(ref_split);
    cJSON_Delete(doc);
  }
  precis_free(p);
  jsonl_close(&f);
  return 1;
}

/* text[0..len) with whitespace runs made one space and none at the ends:
 * precis reports sentences with whitespace collapsed, the golden data keeps
 * a few newlines. The caller frees the result. */
static char *collapse_spaces(const char *text, size_t len) {
  char *out = malloc(len + 1);
  if (!out) fail("%s", "out of memory");
  size_t n = 0;
  int pending_space = 0;
  for (size_t i = 0; i < len; i++) {
    char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      pending_space = n > 0;
      continue;
    }
    if (pending_space) out[n++] = ' ';
    pending_space = 0;
    out[n++] = c;
  }
  out[n] = '\0';
  return out;
}

static int same_sentence(const char *got, size_t got_len, const char *want) {
  char *a = collapse_spaces(got, got_len), *b = collapse_spaces(want, strlen(want));
  int same = strcmp(a, b) == 0;
  free(a);
  free(b);
  return same;
}

static int sbd_case_passes(const precis_result *r, const cJSON *expected) {
  if (!r || !cJSON_IsArray(expected)) return 0;
  if ((size_t)cJSON_GetArraySize(expected) != r->n_sentences) return 0;
  size_t i = 0;
  const cJSON *want;
  cJSON_ArrayForEach(want, expected) {
    if (!cJSON_IsString(want) ||
        !same_sentence(r->sentences[i].text, r->sentences[i].text_len, want->valuestring))
      return 0;
    i++;
  }
  return 1;
}

static int run_sbd(eval_run *run, sbd_report *rep) {
  char path[4096];
  jsonl_file f;
  if (!open_dataset(&f, run, "sbd-golden-en.jsonl", path, sizeof path)) return 0;
  rep->failed_ids = cJSON_CreateArray();
  rep->hard_ids = cJSON_CreateArray();
  if (!rep->failed_ids || !rep->hard_ids) fail("%s", "out of memory");
  cJSON *doc;
  size_t seen = 0;
  while ((doc = next_doc(&f, -1, &seen))) { /* all 48: --half is for summaries */
    const char *id = field(&f, doc, "id");
    const char *text = field(&f, doc, "text");
    const cJSON *expected = cJSON_GetObjectItemCaseSensitive(doc, "sentences");
    precis_result *split = NULL;
    run_precis(run->splitter, precis_split, "precis_split", id, text, strlen(text), &split, NULL);
    rep->total++;
    if (sbd_case_passes(split, expected)) {
      rep->passed++;
    } else {
      cJSON_AddItemToArray(rep->failed_ids, cJSON_CreateString(id));
      if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(doc, "hard")))
        cJSON_AddItemToArray(rep->hard_ids, cJSON_CreateString(id));
      if (run->dump) {
        fprintf(run->dump, "== sbd %s FAILED\n", id);
        for (size_t i = 0; split && i < split->n_sentences; i++)
          fprintf(run->dump, "got:  %s\n", split->sentences[i].text);
        const cJSON *want;
        cJSON_ArrayForEach(want, expected)
          if (cJSON_IsString(want)) fprintf(run->dump, "want: %s\n", want->valuestring);
        fputc('\n', run->dump);
      }
    }
    precis_result_free(split);
    cJSON_Delete(doc);
  }
  jsonl_close(&f);
  return 1;
}

/* ------------------------------------------------------------------------ */
/* Reports                                                                   */
/* ------------------------------------------------------------------------ */

static double mean(double sum, size_t n) { return n ? sum / (double)n : 0.0; }

/* Standard error of a mean difference over n documents, from the sum and
 * the sum of squares of the per-document differences: how far the
 * "precis - lead" row may move by the luck of which documents were drawn. */
static double std_error(double sum, double sum_sq, size_t n) {
  if (n < 2) return 0.0;
  double m = sum / (double)n;
  double var = (sum_sq - (double)n * m * m) / (double)(n - 1);
  return var > 0 ? sqrt(var / (double)n) : 0.0;
}

static void print_row(const char *dataset, const char *system, double r1, double r2, double rl,
                      double words, int signed_numbers) {
  if (signed_numbers)
    printf("| %-12s | %-13s | %+6.2f | %+6.2f | %+6.2f | %+6.1f |\n", dataset, system, r1, r2, rl,
           words);
  else
    printf("| %-12s | %-13s | %6.2f | %6.2f | %6.2f | %6.1f |\n", dataset, system, r1, r2, rl,
           words);
}

static void print_dataset(const dataset_report *d) {
  char name[32];
  snprintf(name, sizeof name, "%s (%zu)", d->name, d->docs);
  size_t n = d->docs;
  const system_sums *p = &d->precis, *l = &d->lead;
  print_row(name, d->precis_label, mean(p->r1, n), mean(p->r2, n), mean(p->rl, n),
            mean(p->words, n), 0);
  print_row("", d->lead_label, mean(l->r1, n), mean(l->r2, n), mean(l->rl, n), mean(l->words, n), 0);
  print_row("", "precis - lead", mean(p->r1 - l->r1, n), mean(p->r2 - l->r2, n),
            mean(p->rl - l->rl, n), mean(p->words - l->words, n), 1);
  printf("| %-12s | %-13s | %6.2f | %6.2f | %6.2f | %6s |\n", "", "  std. error",
         std_error(p->r1 - l->r1, d->delta_sq[0], n), std_error(p->r2 - l->r2, d->delta_sq[1], n),
         std_error(p->rl - l->rl, d->delta_sq[2], n), "");
  if (d->ots_ran) {
    const system_sums *o = &d->ots;
    print_row("", "ots", mean(o->r1, n), mean(o->r2, n), mean(o->rl, n), mean(o->words, n), 0);
    print_row("", "precis - ots", mean(p->r1 - o->r1, n), mean(p->r2 - o->r2, n),
              mean(p->rl - o->rl, n), mean(p->words - o->words, n), 1);
  }
}

static void print_table(const dataset_report *reports, size_t n_reports, const sbd_report *sbd,
                        int sbd_ran, const eval_options *opt) {
  printf("precis %s evaluation: ROUGE-1.5.5 -m equivalent (Porter stemming, stopwords kept),\n"
         "F1 x 100 averaged over documents; words = mean words per summary\n\n",
         precis_version());
  if (n_reports) {
    printf("| dataset      | system        |    R-1 |    R-2 |    R-L |  words |\n"
           "|--------------|---------------|--------|--------|--------|--------|\n");
    for (size_t i = 0; i < n_reports; i++) print_dataset(&reports[i]);
    printf("\n");
  }
  for (size_t i = 0; i < n_reports; i++) {
    const dataset_report *d = &reports[i];
    if (d->note) {
      printf("%s (W = %zu).\n", d->note, opt->words);
      printf("bbc: before the cut, precis wrote %.1f words and Lead %.1f on average; precis "
             "went over the budget on %zu of %zu documents.\n",
             mean(d->precis.raw_words, d->docs), mean(d->lead.raw_words, d->docs),
             d->over_budget, d->docs);
    }
    if (d->failed)
      printf("%s: precis failed on %zu of %zu documents (scored as empty; see stderr).\n",
             d->name, d->failed, d->docs);
  }
  if (sbd_ran) {
    printf("sentence boundaries: %zu/%zu", sbd->passed, sbd->total);
    if (cJSON_GetArraySize(sbd->failed_ids) > 0) {
      printf("  failing:");
      const cJSON *id;
      cJSON_ArrayForEach(id, sbd->failed_ids) printf(" %s", id->valuestring);
    }
    printf("\n");
    if (cJSON_GetArraySize(sbd->hard_ids) > 0) {
      printf("(marked hard, pySBD fails them too:");
      const cJSON *id;
      cJSON_ArrayForEach(id, sbd->hard_ids) printf(" %s", id->valuestring);
      printf(")\n");
    }
  }
}

/* The value as printed in the table, so JSON and table agree. */
static double rounded(double x, int decimals) {
  char buf[64];
  snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return strtod(buf, NULL);
}

static cJSON *system_json(const system_sums *s, size_t n) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "rouge1", rounded(mean(s->r1, n), 2));
  cJSON_AddNumberToObject(o, "rouge2", rounded(mean(s->r2, n), 2));
  cJSON_AddNumberToObject(o, "rougeL", rounded(mean(s->rl, n), 2));
  cJSON_AddNumberToObject(o, "words", rounded(mean(s->words, n), 1));
  cJSON_AddNumberToObject(o, "words_produced", rounded(mean(s->raw_words, n), 1));
  return o;
}

static void print_json(const dataset_report *reports, size_t n_reports, const sbd_report *sbd,
                       int sbd_ran, const eval_options *opt) {
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "precis_version", precis_version());
  cJSON_AddStringToObject(root, "metric",
                          "ROUGE-1.5.5 -m equivalent, F1 x 100 averaged over documents");
  cJSON *datasets = cJSON_AddObjectToObject(root, "datasets");
  for (size_t i = 0; i < n_reports; i++) {
    const dataset_report *d = &reports[i];
    cJSON *o = cJSON_AddObjectToObject(datasets, d->name);
    cJSON_AddNumberToObject(o, "docs", (double)d->docs);
    cJSON_AddNumberToObject(o, "failed", (double)d->failed);
    if (d->note) {
      cJSON_AddNumberToObject(o, "budget_words", (double)opt->words);
      cJSON_AddNumberToObject(o, "precis_over_budget", (double)d->over_budget);
      cJSON_AddStringToObject(o, "note", d->note);
    } else {
      cJSON_AddNumberToObject(o, "budget_sentences", (double)opt->sentences);
    }
    cJSON_AddItemToObject(o, "precis", system_json(&d->precis, d->docs));
    cJSON_AddItemToObject(o, "lead", system_json(&d->lead, d->docs));
    system_sums delta = {d->precis.r1 - d->lead.r1, d->precis.r2 - d->lead.r2,
                         d->precis.rl - d->lead.rl, d->precis.words - d->lead.words,
                         d->precis.raw_words - d->lead.raw_words};
    cJSON_AddItemToObject(o, "delta", system_json(&delta, d->docs));
    cJSON *se = cJSON_AddObjectToObject(o, "delta_std_error");
    cJSON_AddNumberToObject(se, "rouge1", rounded(std_error(delta.r1, d->delta_sq[0], d->docs), 2));
    cJSON_AddNumberToObject(se, "rouge2", rounded(std_error(delta.r2, d->delta_sq[1], d->docs), 2));
    cJSON_AddNumberToObject(se, "rougeL", rounded(std_error(delta.rl, d->delta_sq[2], d->docs), 2));
    if (d->ots_ran) cJSON_AddItemToObject(o, "ots", system_json(&d->ots, d->docs));
  }
  if (sbd_ran) {
    cJSON *o = cJSON_AddObjectToObject(root, "sbd");
    cJSON_AddNumberToObject(o, "passed", (double)sbd->passed);
    cJSON_AddNumberToObject(o, "total", (double)sbd->total);
    cJSON_AddItemToObject(o, "failed", cJSON_Duplicate(sbd->failed_ids, 1));
    cJSON_AddItemToObject(o, "failed_hard", cJSON_Duplicate(sbd->hard_ids, 1));
  }
  char *text = cJSON_Print(root);
  if (!text) fail("%s", "out of memory");
  printf("%s\n", text);
  free(text);
  cJSON_Delete(root);
}

/* ------------------------------------------------------------------------ */
/* Command line                                                              */
/* ------------------------------------------------------------------------ */

static void usage(FILE *out) {
  fprintf(out,
          "usage: precis-eval [options]\n"
          "  --shared DIR     folder with eval/*.jsonl (default ../shared)\n"
          "  --only NAME      cnndm, bbc or sbd\n"
          "  --limit N        first N documents of cnndm and bbc\n"
          "  --half H         only the even- or odd-numbered documents (H = even or\n"
          "                   odd, counted from 0 in file order): tune on one half,\n"
          "                   confirm on the other; --limit counts within the half\n"
          "  -n, --sentences N  cnndm summary length (default 3)\n"
          "  -w, --words N    bbc word budget (default 100)\n"
          "  --json           machine-readable results\n"
          "  --dump FILE      write each document's precis sentences to FILE\n"
          "  --ots            also score the Open Text Summarizer (ots on PATH) at the\n"
          "                   same length: ratio from the budget, then cut like precis\n"
          "  -h, --help       this help\n"
          "Exits 0 whatever the scores, 1 on errors; skips when DIR/eval is missing.\n");
}

static size_t parse_count(const char *s, const char *what) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *end || s[0] == '-') fail("bad number for %s", what);
  return (size_t)v;
}

static void parse_options(int argc, char **argv, eval_options *opt) {
  enum { OPT_SHARED = 256, OPT_ONLY, OPT_LIMIT, OPT_JSON, OPT_DUMP, OPT_OTS, OPT_HALF };
  static const struct option longs[] = {
    {"shared", required_argument, NULL, OPT_SHARED}, {"only", required_argument, NULL, OPT_ONLY},
    {"limit", required_argument, NULL, OPT_LIMIT},   {"json", no_argument, NULL, OPT_JSON},
    {"dump", required_argument, NULL, OPT_DUMP},     {"sentences", required_argument, NULL, 'n'},
    {"words", required_argument, NULL, 'w'},         {"help", no_argument, NULL, 'h'},
    {"ots", no_argument, NULL, OPT_OTS},             {"half", required_argument, NULL, OPT_HALF},
    {NULL, 0, NULL, 0},
  };
  *opt = (eval_options){"../shared", NULL, NULL, 0, 0, 3, 100, 0, -1};
  int c;
  while ((c = getopt_long(argc, argv, "n:w:h", longs, NULL)) != -1) {
    switch (c) {
      case OPT_SHARED: opt->shared = optarg; break;
      case OPT_ONLY: opt->only = optarg; break;
      case OPT_LIMIT: opt->limit = parse_count(optarg, "--limit"); break;
      case OPT_JSON: opt->json = 1; break;
      case OPT_DUMP: opt->dump_path = optarg; break;
      case OPT_OTS: opt->ots = 1; break;
      case OPT_HALF:
        if (strcmp(optarg, "even") == 0) opt->half = 0;
        else if (strcmp(optarg, "odd") == 0) opt->half = 1;
        else fail("--half takes even or odd, not \"%s\"", optarg);
        break;
      case 'n': opt->sentences = parse_count(optarg, "-n"); break;
      case 'w': opt->words = parse_count(optarg, "-w"); break;
      case 'h': usage(stdout); exit(0);
      default: usage(stderr); exit(1);
    }
  }
  if (optind < argc) {
    usage(stderr);
    exit(1);
  }
  if (opt->only && strcmp(opt->only, "cnndm") && strcmp(opt->only, "bbc") &&
      strcmp(opt->only, "sbd"))
    fail("--only takes cnndm, bbc or sbd, not \"%s\"", opt->only);
  if (opt->sentences == 0) fail("%s", "-n must be at least 1");
  if (opt->words == 0) fail("%s", "-w must be at least 1");
}

static int wanted(const eval_options *opt, const char *name) {
  return !opt->only || strcmp(opt->only, name) == 0;
}

int main(int argc, char **argv) {
  eval_run run = {0};
  parse_options(argc, argv, &run.opt);

  char eval_dir[4096];
  struct stat st;
  snprintf(eval_dir, sizeof eval_dir, "%s/eval", run.opt.shared);
  if (stat(eval_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
    printf("precis-eval: %s not found; skipping the evaluation\n", eval_dir);
    return 0;
  }
  if (run.opt.dump_path && !(run.dump = fopen(run.opt.dump_path, "w")))
    fail("cannot write %s", run.opt.dump_path);
  run.splitter = new_handle(0, 0);

  dataset_report reports[2];
  size_t n_reports = 0;
  memset(reports, 0, sizeof reports);
  if (wanted(&run.opt, "cnndm") && run_cnndm(&run, &reports[n_reports])) n_reports++;
  if (wanted(&run.opt, "bbc") && run_bbc(&run, &reports[n_reports])) n_reports++;
  for (size_t i = 0; i < n_reports; i++) reports[i].ots_ran = run.opt.ots;
  sbd_report sbd = {0, 0, NULL, NULL};
  int sbd_ran = wanted(&run.opt, "sbd") && run_sbd(&run, &sbd);

  if (run.opt.json) print_json(reports, n_reports, &sbd, sbd_ran, &run.opt);
  else print_table(reports, n_reports, &sbd, sbd_ran, &run.opt);

  cJSON_Delete(sbd.failed_ids);
  cJSON_Delete(sbd.hard_ids);
  precis_free(run.splitter);
  if (run.dump && fclose(run.dump) != 0) fail("cannot write %s", run.opt.dump_path);
  return 0;
}
