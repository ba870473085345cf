/* The stages of doc.h in order, for one text: on the calling thread, or,
 * for a long text, partly on a second one (PRECIS_DEFAULT_THREADS), which
 * splits the later part of the prose into sentences, then scores the later
 * part of the sentences and finds the sources, while the calling thread
 * does the rest (base/worker.h). */
#include "base/worker.h"
#include "doc.h"

/* The share of the prose whose sentences the calling thread scores when a
 * second thread scores the rest and then finds the sources. The caller
 * also merges the two parts' counts, scores and selects (0.9 ms on the
 * 1 MB bench corpus), the other finds the sources (2 ms there) and reads
 * its sentences more slowly (its caches are cold: 4.8 ms for all of them
 * on the caller, 5.6 ms on it), so the two finish together when the
 * caller reads about 64%. */
#define PC_SCORE_CALLER_SHARE 0.64

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
  precis_status st = pc_score_begin(d, PC_SCORE_CALLER_SHARE, &scoring);
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

precis_status pc_run_pipeline(pc_doc *d, int sentences_only) {
  precis_status st = pc_repair(d);
  if (st == PRECIS_OK) st = pc_layout(d);
  /* Only the link scan reads the repaired text after layout: run it now and
   * free that text before the later stages build theirs. */
  if (st == PRECIS_OK && !sentences_only) st = pc_find_links(d);
  if (st == PRECIS_OK) pc_doc_release_repaired_text(d);
  if (st == PRECIS_OK) st = segment(d);
  if (st == PRECIS_OK && d->sentences.len == 0)
    st = pc_doc_fail(d, PRECIS_ERR_EMPTY, "no sentences found in the input");
  if (st == PRECIS_OK) pc_doc_share_sentence_texts(d);
  if (sentences_only || st != PRECIS_OK) return st;
  return score_select_cite(d);
}

