/* The public entry points: handles, options, errors, and the pipeline that
 * runs the stages of doc.h in order. */
#include "precis.h"

#include <stdio.h>
#include <string.h>

#include "base/worker.h"
#include "doc.h"
#include "handle.h"
#include "result.h"

const char *precis_version(void) { return PRECIS_VERSION_STRING; }

const char *precis_strerror(precis_status status) {
  switch (status) {
  case PRECIS_OK: return "success";
  case PRECIS_ERR_NOMEM: return "out of memory";
  case PRECIS_ERR_INVALID_ARGUMENT: return "invalid argument";
  case PRECIS_ERR_INVALID_UTF8: return "invalid UTF-8";
  case PRECIS_ERR_BINARY: return "binary input";
  case PRECIS_ERR_TOO_LARGE: return "input too large";
  case PRECIS_ERR_EMPTY: return "no text to summarize";
  case PRECIS_ERR_IO: return "output error";
  }
  return "unknown status";
}

void pc_weights_default(precis_weights *w); /* score/weights.c */

void precis_options_init(precis_options *opts) {
  if (!opts) return;
  memset(opts, 0, sizeof *opts);
  opts->struct_size = sizeof *opts;
  opts->utf8_policy = PRECIS_UTF8_REPLACE;
  opts->input_format = PRECIS_INPUT_AUTO;
  opts->repair_mojibake = 1;
  opts->unwrap_lines = 1;
  opts->drop_boilerplate = 1;
  opts->max_sentences = 0;
  opts->ratio = 0;
  opts->max_words = 0;
  opts->max_input_bytes = PRECIS_MAX_INPUT_BYTES;
  pc_weights_default(&opts->weights);
  opts->allocator = NULL;
  opts->threads = PRECIS_DEFAULT_THREADS;
}

static void set_error(precis *p, precis_status status, const char *msg) {
  if (!p) return;
  if (status == PRECIS_OK) {
    p->errmsg[0] = '\0';
  } else {
    snprintf(p->errmsg, PC_ERRMSG_CAP, "%s", msg ? msg : precis_strerror(status));
  }
}

static int valid_weight(double w) { return w >= 0 && w <= 1e6; }

/* Copies `in` into `out`, tolerating callers built against a smaller struct. */
static precis_status copy_options(precis_options *out, const precis_options *in, char *why,
                                  size_t why_cap) {
  precis_options_init(out);
  if (!in) return PRECIS_OK;
  size_t n = in->struct_size;
  if (n == 0 || n > sizeof *out) n = sizeof *out;
  memcpy(out, in, n);
  out->struct_size = sizeof *out;
  const char *bad = NULL;
  if (out->utf8_policy != PRECIS_UTF8_REPLACE && out->utf8_policy != PRECIS_UTF8_STRICT)
    bad = "utf8_policy must be PRECIS_UTF8_REPLACE or PRECIS_UTF8_STRICT";
  else if (out->input_format > PRECIS_INPUT_MARKDOWN)
    bad = "input_format must be AUTO, TEXT or MARKDOWN";
  else if (!(out->ratio >= 0 && out->ratio <= 1))
    bad = "ratio must be between 0 and 1";
  else if (!valid_weight(out->weights.position) || !valid_weight(out->weights.entities) ||
           !valid_weight(out->weights.figures) || !valid_weight(out->weights.quotes) ||
           !valid_weight(out->weights.title) || !valid_weight(out->weights.centrality) ||
           !valid_weight(out->weights.length) || !valid_weight(out->weights.penalty) ||
           !(out->weights.redundancy >= 0 && out->weights.redundancy <= 1))
    bad = "weights must be between 0 and 1e6 (redundancy between 0 and 1)";
  if (out->max_input_bytes == 0) out->max_input_bytes = PRECIS_MAX_INPUT_BYTES;
  if (bad) {
    snprintf(why, why_cap, "%s", bad);
    return PRECIS_ERR_INVALID_ARGUMENT;
  }
  return PRECIS_OK;
}

precis *precis_new(const precis_options *opts) {
  pc_alloc mem;
  pc_alloc_init(&mem, opts && opts->struct_size >= offsetof(precis_options, allocator) +
                              sizeof(opts->allocator) ? opts->allocator : NULL);
  precis *p = pc_malloc(&mem, sizeof *p);
  if (!p) return NULL;
  memset(p, 0, sizeof *p);
  p->mem = mem;
  char why[PC_ERRMSG_CAP];
  if (copy_options(&p->opts, opts, why, sizeof why) != PRECIS_OK) {
    precis_options_init(&p->opts);
    set_error(p, PRECIS_ERR_INVALID_ARGUMENT, why);
  }
  if (p->opts.allocator) {
    p->allocator_copy = *p->opts.allocator;
    p->opts.allocator = &p->allocator_copy;
  }
  if (pc_lexicon_init(&p->lex, &p->mem) != 0) {
    pc_free(&mem, p);
    return NULL;
  }
  return p;
}

void precis_free(precis *p) {
  if (!p) return;
  pc_lexicon_free(&p->lex);
  pc_alloc mem = p->mem;
  pc_free(&mem, p);
}

precis_status precis_set_options(precis *p, const precis_options *opts) {
  if (!p || !opts) return PRECIS_ERR_INVALID_ARGUMENT;
  precis_options next;
  char why[PC_ERRMSG_CAP];
  precis_status st = copy_options(&next, opts, why, sizeof why);
  if (st != PRECIS_OK) {
    set_error(p, st, why);
    return st;
  }
  next.allocator = p->opts.allocator; /* the allocator is fixed for a handle's life */
  p->opts = next;
  set_error(p, PRECIS_OK, NULL);
  return PRECIS_OK;
}

const precis_options *precis_get_options(const precis *p) { return p ? &p->opts : NULL; }

const char *precis_errmsg(const precis *p) { return p ? p->errmsg : "no handle"; }

typedef enum run_mode { RUN_SPLIT, RUN_ANALYZE, RUN_SUMMARIZE } run_mode;

/* The share of the prose whose sentences the calling thread scores when a
 * second thread scores the rest and then finds the sources. The caller
 * also merges the two parts' counts, scores and selects (0.9 ms on the
 * 1 MB bench corpus), the other finds the sources (2 ms there) and reads
 * its sentences more slowly (its caches are cold: 4.8 ms for all of them
 * on the caller, 5.6 ms on it), so the two finish together when the
 * caller reads about 64%. */
#define PC_CALLER_SHARE 0.64

typedef struct cite_job {
  pc_doc *d;
  precis_status status;
} cite_job;

static void run_cite(void *ctx) {
  cite_job *job = ctx;
  job->status = pc_cite_unreported(job->d);
}

/* 1 when the options, the allocator and the CPUs let a call on `d`
 * share `bytes` of prose with a second thread. */
static int may_share(const pc_doc *d, size_t bytes) {
  return d->opts->threads >= 2 && pc_alloc_is_default(d->shared_mem) &&
         bytes >= PRECIS_PARALLEL_MIN_BYTES && pc_worker_cpus() >= 2;
}

/* Scores, selects and finds the sources: on two threads (see
 * PRECIS_DEFAULT_THREADS) when the options, the allocator and the length
 * of the prose allow, on this one otherwise. The stages on the other
 * thread read the document and write only what no stage on this one reads
 * or writes; memory through doc->mem is safe from both (base/pool.h). */
static precis_status score_select_cite(pc_doc *d) {
  if (!may_share(d, d->prose.out.len)) {
    precis_status st = pc_score(d);
    if (st == PRECIS_OK) st = pc_select(d);
    if (st == PRECIS_OK) st = pc_cite(d);
    return st;
  }
  pc_scoring *scoring;
  precis_status st = pc_score_begin(d, PC_CALLER_SHARE, &scoring);
  if (st != PRECIS_OK) return st;
  cite_job cite = {d, PRECIS_OK};
  const pc_job jobs[2] = {{pc_score_read_later, scoring}, {run_cite, &cite}};
  pc_worker worker;
  pc_worker_start(&worker, jobs, 2);
  pc_score_read_earlier(scoring);
  pc_worker_wait(&worker, 0);
  st = pc_score_end(scoring);
  if (st == PRECIS_OK) st = pc_select(d);
  pc_worker_join(&worker);
  if (st == PRECIS_OK) st = pc_cite_report(d, cite.status);
  return st;
}

/* The share of the prose whose sentences the calling thread splits when a
 * second thread splits the rest: a little more than half, as the other
 * starts later and reads text this one just wrote (0.58 against 0.5 took
 * 0.3 ms off the 1 MB bench corpus). */
#define PC_SEGMENT_CALLER_SHARE 0.58

/* Splits the sentences: on two threads when the prose is long enough to be
 * shared (may_share). */
static precis_status segment(pc_doc *d) {
  if (!may_share(d, d->prose.out.len)) return pc_segment_doc(d);
  pc_segmenting *segmenting;
  precis_status st = pc_segment_begin(d, PC_SEGMENT_CALLER_SHARE, &segmenting);
  if (st != PRECIS_OK) return st;
  const pc_job jobs[1] = {{pc_segment_later, segmenting}};
  pc_worker worker;
  pc_worker_start(&worker, jobs, 1);
  pc_segment_earlier(segmenting);
  pc_worker_join(&worker);
  return pc_segment_end(segmenting);
}

/* Runs the pipeline on one text; the caller frees `d` with pc_doc_free. */
static precis_status run_pipeline(pc_doc *d, run_mode mode) {
  precis_status st = pc_repair(d);
  if (st == PRECIS_OK) st = pc_layout(d);
  /* Only the link scan reads the repaired text after layout: run it now and
   * free that text before the later stages build theirs. */
  if (st == PRECIS_OK && mode != RUN_SPLIT) st = pc_find_links(d);
  if (st == PRECIS_OK) pc_doc_release_repaired_text(d);
  if (st == PRECIS_OK) st = segment(d);
  if (st == PRECIS_OK && d->sentences.len == 0)
    st = pc_doc_fail(d, PRECIS_ERR_EMPTY, "no sentences found in the input");
  if (st == PRECIS_OK) pc_doc_share_sentence_texts(d);
  if (mode == RUN_SPLIT || st != PRECIS_OK) return st;
  return score_select_cite(d);
}

static precis_status run(precis *p, const char *text, size_t len, run_mode mode,
                         precis_result **out) {
  if (!p) return PRECIS_ERR_INVALID_ARGUMENT;
  if (!out || (!text && len > 0)) {
    set_error(p, PRECIS_ERR_INVALID_ARGUMENT, "text and out must not be NULL");
    return PRECIS_ERR_INVALID_ARGUMENT;
  }
  *out = NULL;
  set_error(p, PRECIS_OK, NULL);
  if (!text) text = "";
  pc_doc d;
  pc_doc_init(&d, &p->mem, &p->opts, &p->lex, text, len, p->errmsg, sizeof p->errmsg);
  precis_status st = run_pipeline(&d, mode);
  if (st == PRECIS_OK) {
    pc_result_mode rm = mode == RUN_SPLIT ? PC_RESULT_ALL
                      : mode == RUN_ANALYZE ? PC_RESULT_ALL : PC_RESULT_SELECTED;
    st = pc_result_build(&d, 1, rm, mode != RUN_SPLIT, out);
    if (st != PRECIS_OK) set_error(p, st, NULL);
  }
  pc_doc_free(&d);
  return st;
}

precis_status precis_summarize(precis *p, const char *text, size_t len, precis_result **out) {
  return run(p, text, len, RUN_SUMMARIZE, out);
}

precis_status precis_analyze(precis *p, const char *text, size_t len, precis_result **out) {
  return run(p, text, len, RUN_ANALYZE, out);
}

precis_status precis_split(precis *p, const char *text, size_t len, precis_result **out) {
  return run(p, text, len, RUN_SPLIT, out);
}
