/* The public entry points: handles, options, errors, and a call's document,
 * through the pipeline (pipeline.c) to its result. */
#include "precis.h"

#include <stdio.h>
#include <string.h>

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
  precis_status st = pc_run_pipeline(&d, mode == RUN_SPLIT);
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
