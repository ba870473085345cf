/* Linux: the thread is started on another CPU than the caller's (see
 * pc_worker_start), which takes GNU extensions. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif
#include "base/worker.h"

#include <sched.h>
#include <string.h>
#include <unistd.h>

#if defined(__linux__) && defined(__GLIBC__)
#define PC_WORKER_PLACES 1
_Static_assert(sizeof(cpu_set_t) <= sizeof(((pc_worker *)0)->allowed), "room for a cpu_set_t");
/* The CPUs this thread may run on. */
static int allowed_cpus(cpu_set_t *set) {
  return pthread_getaffinity_np(pthread_self(), sizeof *set, set) == 0 ? CPU_COUNT(set) : 1;
}
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

static void *run_jobs(void *arg) {
  pc_worker *w = arg;
#if PC_WORKER_PLACES
  /* started away from the caller; free to move from now on */
  if (w->placed) pthread_setaffinity_np(pthread_self(), sizeof(cpu_set_t), (cpu_set_t *)w->allowed);
#endif
  for (size_t i = 0; i < w->n_jobs; i++) {
    w->jobs[i].run(w->jobs[i].ctx);
    pthread_mutex_lock(&w->lock);
    w->n_done = i + 1;
    pthread_cond_broadcast(&w->done);
    pthread_mutex_unlock(&w->lock);
  }
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
  w->threaded = pthread_create(&w->thread, start_attr, run_jobs, w) == 0;
  if (start_attr) pthread_attr_destroy(start_attr);
  if (!w->threaded) {
    pthread_cond_destroy(&w->done);
    pthread_mutex_destroy(&w->lock);
  }
}

void pc_worker_wait(pc_worker *w, size_t job) {
  if (w->n_jobs == 0) return;
  if (job >= w->n_jobs) job = w->n_jobs - 1;
  if (!w->threaded) {
    for (; w->n_done <= job; w->n_done++) w->jobs[w->n_done].run(w->jobs[w->n_done].ctx);
    return;
  }
  pthread_mutex_lock(&w->lock);
  while (w->n_done <= job) pthread_cond_wait(&w->done, &w->lock);
  pthread_mutex_unlock(&w->lock);
}

void pc_worker_join(pc_worker *w) {
  if (!w->threaded) {
    pc_worker_wait(w, w->n_jobs);
    return;
  }
  pthread_join(w->thread, NULL);
  pthread_cond_destroy(&w->done);
  pthread_mutex_destroy(&w->lock);
  w->threaded = 0;
  w->n_jobs = 0;
}
