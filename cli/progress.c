/* A one-line progress bar on stderr: documents, docs/s, MB/s and an ETA.
 * Shown only when stderr is a terminal (or --progress) and the work has
 * already taken a while, so short runs and pipelines stay silent. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Seconds of work before the bar appears, and between two redraws. */
#define CLI_PROGRESS_DELAY 1.0
#define CLI_PROGRESS_INTERVAL 0.2
#define CLI_PROGRESS_WIDTH 24

double cli_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_init(cli_progress *pr, const cli_config *cfg, size_t total_docs,
                       size_t total_bytes) {
  pr->enabled = cfg->progress > 0 || (cfg->progress < 0 && isatty(2));
  pr->shown = 0;
  pr->start = cli_now();
  pr->last_draw = 0;
  pr->total_docs = total_docs;
  pr->total_bytes = total_bytes;
  pr->docs = 0;
  pr->bytes = 0;
}

static void format_eta(char *out, size_t cap, double seconds) {
  if (seconds < 0 || seconds > 359999) {
    snprintf(out, cap, "--:--");
    return;
  }
  unsigned s = (unsigned)(seconds + 0.5);
  if (s >= 3600) snprintf(out, cap, "%u:%02u:%02u", s / 3600, s / 60 % 60, s % 60);
  else snprintf(out, cap, "%u:%02u", s / 60, s % 60);
}

static void draw(cli_progress *pr, double now) {
  double elapsed = now - pr->start;
  double docs_s = elapsed > 0 ? (double)pr->docs / elapsed : 0;
  double mb_s = elapsed > 0 ? (double)pr->bytes / 1e6 / elapsed : 0;
  /* The fraction done: by bytes when the total is known, else by documents. */
  double done = -1;
  if (pr->total_bytes > 0) done = (double)pr->bytes / (double)pr->total_bytes;
  else if (pr->total_docs > 0) done = (double)pr->docs / (double)pr->total_docs;
  if (done > 1) done = 1;
  char line[160], eta[24];
  int n;
  if (done >= 0) {
    char bar[CLI_PROGRESS_WIDTH + 1];
    int fill = (int)(done * CLI_PROGRESS_WIDTH);
    for (int i = 0; i < CLI_PROGRESS_WIDTH; i++) bar[i] = i < fill ? '#' : '.';
    bar[CLI_PROGRESS_WIDTH] = '\0';
    format_eta(eta, sizeof eta, done > 0 ? elapsed / done - elapsed : -1);
    if (pr->total_docs)
      n = snprintf(line, sizeof line, "\r[%s] %3.0f%% %zu/%zu docs  %.1f docs/s  %.1f MB/s  ETA %s",
                   bar, done * 100, pr->docs, pr->total_docs, docs_s, mb_s, eta);
    else
      n = snprintf(line, sizeof line, "\r[%s] %3.0f%% %zu docs  %.1f docs/s  %.1f MB/s  ETA %s",
                   bar, done * 100, pr->docs, docs_s, mb_s, eta);
  } else {
    n = snprintf(line, sizeof line, "\r%zu docs  %.1f docs/s  %.1f MB/s", pr->docs, docs_s, mb_s);
  }
  if (n > 0) {
    fputs(line, stderr);
    fputs("\033[K", stderr);
    fflush(stderr);
  }
  pr->shown = 1;
  pr->last_draw = now;
}

void cli_progress_tick(cli_progress *pr) {
  if (!pr->enabled) return;
  double now = cli_now();
  if (now - pr->start < CLI_PROGRESS_DELAY) return;
  if (pr->shown && now - pr->last_draw < CLI_PROGRESS_INTERVAL) return;
  draw(pr, now);
}

void cli_progress_add(cli_progress *pr, size_t bytes) {
  pr->docs++;
  pr->bytes += bytes;
  cli_progress_tick(pr);
}

void cli_progress_clear(cli_progress *pr) {
  if (!pr->shown) return;
  fputs("\r\033[K", stderr);
  fflush(stderr);
  pr->shown = 0;
}
