/* Linux: the thread is started on another CPU than the caller's (see
 * pc_worker_start), which takes GNU extensions. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif
#include "base/worker.h"

#include <sched.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#if defined(__linux__) && defined(__GLIBC__)
#define PC_WORKER_PLACES 1
_Static_assert(sizeof(cpu_set_t) <= sizeof(((pc_worker *)0)->allowed), "room for a cpu_set_t");
/* The CPUs this thread may run on. */
static int allowed_cpus(cpu_set_t *set) {
  return pthread_getaffinity_np(pthread_self(), sizeof *set, set) == 0 ? CPU_COUNT(set) : 1;
}
#else
#define PC_WORKER_PLACES 0
#endif

int pc_worker_cpus(void) {
#if PC_WORKER_PLACES
  cpu_set_t set;
  return allowed_cpus(&set);
#else
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 && n < 1024 ? (int)n : 1;
#endif
}

/* Takes the first job nobody has begun, or returns 0. Under the lock. */
static int take_next(pc_worker *w, size_t *job) {
  for (size_t i = 0; i < w->n_jobs; i++)
    if (w->state[i] == PC_JOB_WAITING) {
      w->state[i] = PC_JOB_TAKEN;
      *job = i;
      return 1;
    }
  return 0;
}

/* Runs job i, taken under the lock, which is held before and after. */
static void run_taken(pc_worker *w, size_t i) {
  pthread_mutex_unlock(&w->lock);
  w->jobs[i].run(w->jobs[i].ctx);
  pthread_mutex_lock(&w->lock);
  w->state[i] = PC_JOB_DONE;
  pthread_cond_broadcast(&w->done);
}

static void *run_jobs(void *arg) {
  pc_worker *w = arg;
#if PC_WORKER_PLACES
  /* started away from the caller; free to move from now on */
  if (w->placed) pthread_setaffinity_np(pthread_self(), sizeof(cpu_set_t), (cpu_set_t *)w->allowed);
#endif
  size_t i;
  pthread_mutex_lock(&w->lock);
  while (take_next(w, &i)) run_taken(w, i);
  pthread_mutex_unlock(&w->lock);
  return NULL;
}

void pc_worker_start(pc_worker *w, const pc_job *jobs, size_t n) {
  memset(w, 0, sizeof *w);
  if (n > PC_WORKER_MAX_JOBS) n = PC_WORKER_MAX_JOBS;
  memcpy(w->jobs, jobs, n * sizeof *jobs);
  w->n_jobs = n;
  if (n == 0) return;
  if (pthread_mutex_init(&w->lock, NULL) != 0) return;
  if (pthread_cond_init(&w->done, NULL) != 0) {
    pthread_mutex_destroy(&w->lock);
    return;
  }
  pthread_attr_t attr, *start_attr = NULL;
  if (pthread_attr_init(&attr) == 0) start_attr = &attr;
#if PC_WORKER_PLACES
  /* Linux often starts a thread on its parent's CPU, where the two take
   * turns until the load is balanced, which can take longer than the
   * jobs (measured: in 7 of 12 runs of 10 ms, on a 2-CPU machine). So it
   * starts on one of the others the caller may use. */
  int cpu = sched_getcpu();
  size_t here = cpu >= 0 ? (size_t)cpu : CPU_SETSIZE;
  cpu_set_t *allowed = (cpu_set_t *)w->allowed;
  if (start_attr && here < CPU_SETSIZE && allowed_cpus(allowed) > 1 && CPU_ISSET(here, allowed)) {
    cpu_set_t elsewhere = *allowed;
    CPU_CLR(here, &elsewhere);
    w->placed = pthread_attr_setaffinity_np(&attr, sizeof elsewhere, &elsewhere) == 0;
  }
#endif
  /* The thread takes no signals: they stay with the program's threads,
   * whose handlers expect them (an editor's, say). It inherits the mask. */
  sigset_t all, old;
  sigfillset(&all);
  int masked = pthread_sigmask(SIG_SETMASK, &all, &old) == 0;
  w->threaded = pthread_create(&w->thread, start_attr, run_jobs, w) == 0;
  if (masked) pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (start_attr) pthread_attr_destroy(start_attr);
  if (!w->threaded) {
    pthread_cond_destroy(&w->done);
    pthread_mutex_destroy(&w->lock);
  }
}

void pc_worker_wait(pc_worker *w, size_t job) {
  if (job >= w->n_jobs) return;
  if (!w->threaded) {
    if (w->state[job] == PC_JOB_WAITING) {
      w->jobs[job].run(w->jobs[job].ctx);
      w->state[job] = PC_JOB_DONE;
    }
    return;
  }
  pthread_mutex_lock(&w->lock);
  if (w->state[job] == PC_JOB_WAITING) {
    w->state[job] = PC_JOB_TAKEN;
    run_taken(w, job);
  }
  while (w->state[job] != PC_JOB_DONE) pthread_cond_wait(&w->done, &w->lock);
  pthread_mutex_unlock(&w->lock);
}

void pc_worker_join(pc_worker *w) {
  for (size_t i = 0; i < w->n_jobs; i++) pc_worker_wait(w, i);
  if (!w->threaded) return;
  pthread_join(w->thread, NULL);
  pthread_cond_destroy(&w->done);
  pthread_mutex_destroy(&w->lock);
  w->threaded = 0;
}
