/* Many documents on N threads, written in input order.
 *
 * A reader thread takes jobs from the feed into a ring of slots; workers (one
 * precis handle each) run the oldest waiting job; the main thread writes the
 * slot of the next sequence number as soon as it is done. The ring is the
 * reorder window: the reader waits when it is full, so memory stays bounded
 * however long the input is and one slow document only holds up the window. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Slots per worker in the reorder window: enough that a slow document does
 * not leave the other threads idle, few enough to bound buffered output. */
#define CLI_WINDOW_PER_JOB 4

enum slot_state { SLOT_FREE, SLOT_READY, SLOT_RUNNING, SLOT_DONE };

typedef struct batch {
  const cli_config *cfg;
  cli_feed_fn feed;
  void *feed_ctx;
  size_t window;
  cli_job *slots;
  unsigned char *state;
  size_t produced, dispatched, written;
  int eof, cancel, reader_done;
  pthread_mutex_t lock;
  pthread_cond_t work, space, done;
} batch;

typedef struct worker {
  batch *b;
  precis *p;
} worker;

/* Writes a finished job: its messages to stderr, its output to stdout.
 * Returns 0 or the errno of a failed write. */
static int deliver(cli_job *job, cli_progress *pr, int stdout_tty) {
  if (job->err.len) {
    cli_progress_clear(pr);
    if (stdout_tty) fflush(stdout);
    fwrite(job->err.data, 1, job->err.len, stderr);
  }
  if (job->out.len && stdout_tty) cli_progress_clear(pr);
  int err = cli_emit(job->out.data, job->out.len);
  cli_progress_add(pr, job->bytes);
  return err;
}

static void *reader_main(void *arg) {
  batch *b = arg;
  for (;;) {
    pthread_mutex_lock(&b->lock);
    while (!b->cancel && b->produced - b->written >= b->window)
      pthread_cond_wait(&b->space, &b->lock);
    int stop = b->cancel;
    pthread_mutex_unlock(&b->lock);
    if (stop) break;
    cli_job job;
    memset(&job, 0, sizeof job);
    int got = b->feed(b->feed_ctx, &job);
    pthread_mutex_lock(&b->lock);
    if (!got || b->cancel) {
      pthread_mutex_unlock(&b->lock);
      cli_job_clear(&job);
      break;
    }
    size_t at = b->produced % b->window;
    job.seq = b->produced;
    b->slots[at] = job;
    b->state[at] = SLOT_READY;
    b->produced++;
    pthread_cond_signal(&b->work);
    pthread_mutex_unlock(&b->lock);
  }
  pthread_mutex_lock(&b->lock);
  b->eof = 1;
  b->reader_done = 1;
  pthread_cond_broadcast(&b->work);
  pthread_cond_broadcast(&b->done);
  pthread_mutex_unlock(&b->lock);
  return NULL;
}

static void *worker_main(void *arg) {
  worker *w = arg;
  batch *b = w->b;
  for (;;) {
    pthread_mutex_lock(&b->lock);
    while (!b->cancel && b->dispatched == b->produced && !b->eof)
      pthread_cond_wait(&b->work, &b->lock);
    if (b->cancel || b->dispatched == b->produced) {
      pthread_mutex_unlock(&b->lock);
      break;
    }
    size_t at = b->dispatched++ % b->window;
    b->state[at] = SLOT_RUNNING;
    pthread_mutex_unlock(&b->lock);
    cli_job_run(w->p, b->cfg, &b->slots[at]);
    pthread_mutex_lock(&b->lock);
    b->state[at] = SLOT_DONE;
    pthread_cond_broadcast(&b->done);
    pthread_mutex_unlock(&b->lock);
  }
  return NULL;
}

/* Waits for the next job in order; NULL at the end. Redraws the progress
 * bar while waiting. */
static cli_job *next_done(batch *b, cli_progress *pr) {
  pthread_mutex_lock(&b->lock);
  size_t at = b->written % b->window;
  while (b->state[at] != SLOT_DONE && !(b->eof && b->written == b->produced)) {
    if (pr->enabled) {
      struct timespec until;
      clock_gettime(CLOCK_REALTIME, &until);
      until.tv_nsec += 200 * 1000 * 1000;
      if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
      }
      pthread_cond_timedwait(&b->done, &b->lock, &until);
      pthread_mutex_unlock(&b->lock);
      cli_progress_tick(pr);
      pthread_mutex_lock(&b->lock);
    } else {
      pthread_cond_wait(&b->done, &b->lock);
    }
  }
  cli_job *job = b->state[at] == SLOT_DONE ? &b->slots[at] : NULL;
  pthread_mutex_unlock(&b->lock);
  return job;
}

static void release(batch *b, cli_job *job) {
  cli_job_clear(job);
  pthread_mutex_lock(&b->lock);
  b->state[b->written % b->window] = SLOT_FREE;
  b->written++;
  pthread_cond_signal(&b->space);
  pthread_mutex_unlock(&b->lock);
}

static void report_write_error(int err) {
  if (err != EPIPE) fprintf(stderr, "precis: write error: %s\n", strerror(err));
}

static int run_sequential(const cli_config *cfg, cli_feed_fn feed, void *ctx, cli_progress *pr,
                          int stdout_tty) {
  precis *p = precis_new(&cfg->opts);
  if (!p) {
    fprintf(stderr, "precis: out of memory\n");
    return CLI_EXIT_INPUT;
  }
  int status = CLI_EXIT_OK;
  cli_job job;
  memset(&job, 0, sizeof job);
  for (size_t seq = 0; feed(ctx, &job); seq++) {
    job.seq = seq;
    cli_job_run(p, cfg, &job);
    if (job.failed) status = CLI_EXIT_INPUT;
    int err = deliver(&job, pr, stdout_tty);
    cli_job_clear(&job);
    if (err) {
      report_write_error(err);
      status = CLI_EXIT_INPUT;
      break;
    }
  }
  precis_free(p);
  return status;
}

static int run_threads(const cli_config *cfg, int n_jobs, cli_feed_fn feed, void *ctx,
                       cli_progress *pr, int stdout_tty) {
  batch b;
  memset(&b, 0, sizeof b);
  b.cfg = cfg;
  b.feed = feed;
  b.feed_ctx = ctx;
  b.window = (size_t)n_jobs * CLI_WINDOW_PER_JOB;
  b.slots = calloc(b.window, sizeof *b.slots);
  b.state = calloc(b.window, 1);
  worker *workers = calloc((size_t)n_jobs, sizeof *workers);
  pthread_t *threads = calloc((size_t)n_jobs, sizeof *threads);
  int ok = b.slots && b.state && workers && threads;
  /* the jobs keep the CPUs busy: a document each, on its job's thread */
  precis_options one_thread = cfg->opts;
  one_thread.threads = 1;
  for (int i = 0; ok && i < n_jobs; i++) {
    workers[i].b = &b;
    workers[i].p = precis_new(&one_thread);
    if (!workers[i].p) ok = 0;
  }
  if (!ok) {
    fprintf(stderr, "precis: out of memory\n");
    for (int i = 0; workers && i < n_jobs; i++) precis_free(workers[i].p);
    free(b.slots);
    free(b.state);
    free(workers);
    free(threads);
    return CLI_EXIT_INPUT;
  }
  pthread_mutex_init(&b.lock, NULL);
  pthread_cond_init(&b.work, NULL);
  pthread_cond_init(&b.space, NULL);
  pthread_cond_init(&b.done, NULL);
  pthread_t reader;
  int started = 0;
  int reader_started = pthread_create(&reader, NULL, reader_main, &b) == 0;
  if (!reader_started) b.eof = 1;
  for (int i = 0; i < n_jobs; i++)
    if (pthread_create(&threads[started], NULL, worker_main, &workers[i]) == 0) started++;

  int status = CLI_EXIT_OK;
  if (started == 0 || !reader_started) {
    fprintf(stderr, "precis: cannot start threads\n");
    status = CLI_EXIT_INPUT;
    pthread_mutex_lock(&b.lock);
    b.cancel = 1;
    pthread_mutex_unlock(&b.lock);
  }
  cli_job *job;
  while (started > 0 && reader_started && (job = next_done(&b, pr)) != NULL) {
    if (job->failed) status = CLI_EXIT_INPUT;
    int err = deliver(job, pr, stdout_tty);
    release(&b, job);
    if (err) {
      report_write_error(err);
      status = CLI_EXIT_INPUT;
      break;
    }
  }
  pthread_mutex_lock(&b.lock);
  if (!b.eof || b.written < b.produced) b.cancel = 1;
  pthread_cond_broadcast(&b.work);
  pthread_cond_broadcast(&b.space);
  pthread_mutex_unlock(&b.lock);
  for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);
  /* A reader waiting for room sees the cancel at once; one blocked in a read
   * does not, so give it a moment only. */
  pthread_mutex_lock(&b.lock);
  if (!b.reader_done) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 1;
    while (!b.reader_done && pthread_cond_timedwait(&b.done, &b.lock, &until) == 0) {
    }
  }
  int abandon = !b.reader_done;
  pthread_mutex_unlock(&b.lock);
  if (abandon && reader_started) {
    /* The reader may be blocked reading stdin (the output is gone, the input
     * is not): end here rather than wait for input nobody needs. */
    fflush(stderr);
    _exit(status);
  }
  if (reader_started) pthread_join(reader, NULL);
  for (size_t i = 0; i < b.window; i++) cli_job_clear(&b.slots[i]);
  for (int i = 0; i < n_jobs; i++) precis_free(workers[i].p);
  pthread_mutex_destroy(&b.lock);
  pthread_cond_destroy(&b.work);
  pthread_cond_destroy(&b.space);
  pthread_cond_destroy(&b.done);
  free(b.slots);
  free(b.state);
  free(workers);
  free(threads);
  return status;
}

int cli_run_batch(const cli_config *cfg, cli_feed_fn feed, void *feed_ctx, size_t total_docs,
                  size_t total_bytes) {
  cli_progress pr;
  cli_progress_init(&pr, cfg, total_docs, total_bytes);
  int stdout_tty = isatty(1);
  int n_jobs = cfg->jobs;
  if (n_jobs == 0) {
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    n_jobs = cpus > 0 ? (cpus < CLI_MAX_JOBS ? (int)cpus : CLI_MAX_JOBS) : 1;
  }
  if (total_docs == 1 && n_jobs > 1) n_jobs = 1; /* one document: no pool */
  int status = n_jobs <= 1 ? run_sequential(cfg, feed, feed_ctx, &pr, stdout_tty)
                           : run_threads(cfg, n_jobs, feed, feed_ctx, &pr, stdout_tty);
  cli_progress_clear(&pr);
  return status;
}
