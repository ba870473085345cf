/* precis(1): summarize, split or list the sources of texts, one file, many
 * files on several threads, JSON Lines, or several articles merged into one
 * summary. Uses only the public header. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Jobs from a list of files. */
typedef struct file_feed {
  const cli_inputs *in;
  size_t next;
} file_feed;

static int next_file(void *ctx, cli_job *job) {
  file_feed *f = ctx;
  if (f->next >= f->in->n) return 0;
  const cli_input *it = &f->in->items[f->next++];
  job->path = it->path;
  job->problem = it->problem;
  job->bytes = it->size;
  job->with_header = f->in->n > 1;
  return 1;
}

static int next_line(void *ctx, cli_job *job) { return cli_jsonl_next(ctx, job); }

static int run_files(const cli_config *cfg) {
  cli_inputs in;
  if (cli_inputs_collect(cfg, &in) != 0) {
    fprintf(stderr, "precis: out of memory\n");
    cli_inputs_free(&in);
    return CLI_EXIT_INPUT;
  }
  file_feed feed = {&in, 0};
  int status = cli_run_batch(cfg, next_file, &feed, in.n, in.total_bytes);
  cli_inputs_free(&in);
  return status;
}

static int run_jsonl(const cli_config *cfg) {
  cli_jsonl_reader reader;
  cli_jsonl_reader_init(&reader, cfg);
  int status = cli_run_batch(cfg, next_line, &reader, 0, reader.total_bytes);
  cli_jsonl_reader_close(&reader);
  return status;
}

int main(int argc, char **argv) {
  /* A closed pipe is an error status from write (EPIPE), handled quietly,
   * not a signal that kills the process mid-line. */
  signal(SIGPIPE, SIG_IGN);
  cli_config cfg;
  int rc = cli_parse_args(argc, argv, &cfg);
  if (rc >= 0) return rc;
  precis *check = precis_new(&cfg.opts);
  if (!check) {
    fprintf(stderr, "precis: out of memory\n");
    return CLI_EXIT_INPUT;
  }
  if (precis_errmsg(check)[0]) {
    fprintf(stderr, "precis: %s\n", precis_errmsg(check));
    precis_free(check);
    return CLI_EXIT_USAGE;
  }
  precis_free(check);

  int status;
  if (cfg.merge) status = cli_merge(&cfg);
  else if (cfg.jsonl) status = run_jsonl(&cfg);
  else status = run_files(&cfg);

  int err = cli_emit_flush();
  if (err) {
    if (err != EPIPE) fprintf(stderr, "precis: write error: %s\n", strerror(err));
    status = CLI_EXIT_INPUT;
  }
  return status;
}
