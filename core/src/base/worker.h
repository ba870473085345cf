/* One more thread for a stage: it runs a fixed list of independent jobs in
 * order while the calling thread does its own share of the stage, waiting
 * for a job's result with pc_worker_wait. A job the thread has not begun by
 * then runs on the calling thread instead: when the thread starts late or
 * its CPU is taken, the stage takes about as long as on one thread, not
 * longer. The same when no thread can be started, so callers have no
 * failure to handle and get the same results either way. The thread blocks
 * every signal, so they go to the program's own threads. */
#ifndef PRECIS_BASE_WORKER_H
#define PRECIS_BASE_WORKER_H

#include <pthread.h>
#include <stddef.h>

typedef struct pc_job {
  void (*run)(void *ctx);
  void *ctx;
} pc_job;

#define PC_WORKER_MAX_JOBS 4

enum { PC_JOB_WAITING, PC_JOB_TAKEN, PC_JOB_DONE };

typedef struct pc_worker {
  pc_job jobs[PC_WORKER_MAX_JOBS];
  unsigned char state[PC_WORKER_MAX_JOBS]; /* PC_JOB_*, under lock when threaded */
  size_t n_jobs;
  int threaded;             /* 0: the jobs run in pc_worker_wait/join */
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t done;      /* a job is done */
  int placed;               /* Linux: started on another CPU than the caller's */
  unsigned long allowed[16];/* and allowed the caller's once started (a cpu_set_t) */
} pc_worker;

/* How many CPUs the calling thread may run on (1 when unknown): a worker
 * helps only when there are two. */
int pc_worker_cpus(void);

/* Starts jobs[0..n) (n <= PC_WORKER_MAX_JOBS) on a thread of their own. */
void pc_worker_start(pc_worker *w, const pc_job *jobs, size_t n);
/* Returns once jobs[job] has finished (run here if the thread has not
 * begun it); its results may be read. */
void pc_worker_wait(pc_worker *w, size_t job);
/* Returns once every job has finished, and ends the thread. */
void pc_worker_join(pc_worker *w);

#endif
