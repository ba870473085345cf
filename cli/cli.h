/* The precis command line: configuration and the pieces main.c wires up.
 *
 *   options.c   argv -> cli_config, --help
 *   inputs.c    FILE... and DIR... -> an ordered list of files
 *   io.c        reading files, output buffers, writing stdout
 *   job.c       one document -> its output bytes and error message
 *   jsonl.c     JSON Lines in (one {"id","text"} per line) and out
 *   batch.c     many jobs on N threads, written in input order
 *   progress.c  the progress bar on a terminal's stderr
 *   merge_cmd.c --merge: one summary of all inputs
 */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H

#include <stdio.h>
#include "precis.h"

typedef enum cli_command { CLI_SUMMARIZE, CLI_SPLIT, CLI_SOURCES } cli_command;

typedef struct cli_config {
  cli_command command;
  precis_options opts;
  precis_format format;
  unsigned render_flags;
  int analyze;           /* --all: every sentence with scores */
  int jsonl;             /* --jsonl: JSON Lines in and out */
  int merge;             /* --merge: one summary of all inputs */
  int jobs;              /* -j N */
  int recursive;         /* directories are walked */
  int progress;          /* -1 auto, 0 off, 1 on */
  char **inputs;         /* files or directories; none = stdin */
  int n_inputs;
} cli_config;

/* Exit codes. */
#define CLI_EXIT_OK 0
#define CLI_EXIT_INPUT 1
#define CLI_EXIT_USAGE 2

/* Most threads -j accepts; more would only add contention on 2-64 cores. */
#define CLI_MAX_JOBS 256

/* ---- options.c ---- */

/* Parses argv into cfg; returns -1 to go on, or an exit code. */
int cli_parse_args(int argc, char **argv, cli_config *cfg);

/* ---- io.c ---- */

/* A growable output buffer (malloc'd). */
typedef struct cli_buf {
  char *data;
  size_t len;
  size_t cap;
} cli_buf;

/* 0, or -1 when memory runs out (the buffer is unchanged). */
int cli_buf_append(cli_buf *b, const char *data, size_t len);
int cli_buf_puts(cli_buf *b, const char *s);
void cli_buf_free(cli_buf *b);
/* precis_write_fn appending to a cli_buf. */
int cli_write_buf(void *ctx, const char *data, size_t len);

/* Reads a whole file ("-" = stdin) into *data (malloc'd) and *len.
 * Returns 0, or an errno value; `max` bounds the size (EFBIG past it). */
int cli_read_file(const char *path, size_t max, char **data, size_t *len);

/* A whole input file, mapped when it is a regular file (no copy: the pages
 * come straight from the page cache) and read into memory otherwise. */
typedef struct cli_file {
  const char *data;
  size_t len;
  void *map;      /* the mapping, or NULL */
  char *heap;     /* the buffer read, or NULL */
} cli_file;

/* Opens a whole file ("-" = stdin) as cli_read_file() reads it; release it
 * with cli_file_close(). Returns 0, or an errno value. */
int cli_file_open(const char *path, size_t max, cli_file *out);
void cli_file_close(cli_file *f);

/* 1 when the bytes look like a binary file (a NUL in the first 8 KiB). */
int cli_looks_binary(const char *data, size_t len);

/* The message for a cli_read_file() error. */
const char *cli_read_error(int err);

/* Writes to stdout. Returns 0, or an errno value (EPIPE when the reader has
 * gone away: the caller stops quietly). */
int cli_emit(const char *data, size_t len);
/* Flushes stdout; 0 or an errno value. */
int cli_emit_flush(void);

/* ---- inputs.c ---- */

typedef struct cli_input {
  char *path;            /* "-" for stdin */
  size_t size;           /* bytes, when known (for progress) */
  const char *problem;   /* set when the input is known to be unusable */
} cli_input;

typedef struct cli_inputs {
  cli_input *items;
  size_t n;
  size_t cap;
  size_t total_bytes;
} cli_inputs;

/* Expands cfg->inputs (stdin when none): files as given, directories walked
 * in name order for text and markdown files. 0, or ENOMEM. */
int cli_inputs_collect(const cli_config *cfg, cli_inputs *out);
void cli_inputs_free(cli_inputs *in);

/* ---- job.c ---- */

/* One document to process and what it produced. */
typedef struct cli_job {
  size_t seq;            /* 0-based position in the input */
  const char *path;      /* file to read, or where a JSONL line came from */
  const char *problem;   /* known before reading (e.g. an empty directory) */
  char *line;            /* a JSONL line (owned), or NULL */
  size_t line_len;
  size_t line_no;        /* 1-based line number in `path` */
  size_t bytes;          /* input bytes, for progress */
  int with_header;       /* several files: "==> name <==" or a "file" key */
  cli_buf out;           /* what goes to stdout */
  cli_buf err;           /* what goes to stderr */
  int failed;
} cli_job;

/* Reads, summarizes and renders the job with handle `p`; never fails as a
 * whole: problems go to job->err (and the JSON result), job->failed = 1. */
void cli_job_run(precis *p, const cli_config *cfg, cli_job *job);
/* Frees what the job owns and zeroes it. */
void cli_job_clear(cli_job *job);

/* Renders `result` into `out` in the configured format and flags (the
 * sources command drops the sentences, split the sources); extra_flags
 * PRECIS_RENDER_COMPACT forces one-line JSON. */
precis_status cli_render_result(const cli_config *cfg, const precis_result *result,
                                unsigned extra_flags, cli_buf *out);

/* Appends the one-line JSON object `json` to `out` with `"key":value_json`
 * put first. 0, or -1 when memory runs out. */
int cli_json_prefix(cli_buf *out, const char *key, const char *value_json, const char *json,
                    size_t json_len);

/* ---- jsonl.c ---- */

/* Runs a JSONL job: parses the line, summarizes "text", renders one line
 * {"id": ..., result fields...} or {"id": ..., "error": "..."}. */
void cli_jsonl_run(precis *p, const cli_config *cfg, cli_job *job);

/* Reads the next non-blank line of the JSONL inputs (stdin when none) into
 * job->line; 1 when one was read, 0 at the end. */
typedef struct cli_jsonl_reader {
  const cli_config *cfg;
  int next_input;        /* next cfg->inputs entry to open */
  FILE *f;
  const char *name;
  size_t line_no;
  size_t total_bytes;    /* size of the inputs when they are regular files */
  int open_failed;       /* an input could not be opened */
} cli_jsonl_reader;

void cli_jsonl_reader_init(cli_jsonl_reader *r, const cli_config *cfg);
int cli_jsonl_next(cli_jsonl_reader *r, cli_job *job);
void cli_jsonl_reader_close(cli_jsonl_reader *r);

/* ---- progress.c ---- */

typedef struct cli_progress {
  int enabled;           /* stderr is a terminal (or --progress) */
  int shown;             /* the bar is on screen */
  double start;
  double last_draw;
  size_t total_docs;     /* 0 = unknown */
  size_t total_bytes;    /* 0 = unknown */
  size_t docs;
  size_t bytes;
} cli_progress;

void cli_progress_init(cli_progress *pr, const cli_config *cfg, size_t total_docs,
                       size_t total_bytes);
/* Counts one finished document and redraws when due. */
void cli_progress_add(cli_progress *pr, size_t bytes);
/* Redraws when due (call while waiting). */
void cli_progress_tick(cli_progress *pr);
/* Removes the bar so a message can be written to stderr. */
void cli_progress_clear(cli_progress *pr);
/* Monotonic seconds. */
double cli_now(void);

/* ---- batch.c ---- */

/* Where jobs come from: fills `job` and returns 1, or 0 at the end. Called
 * from one thread at a time. */
typedef int (*cli_feed_fn)(void *ctx, cli_job *job);

/* Runs every job of the feed on cfg->jobs threads (one precis handle each),
 * writing outputs and errors in input order. Returns the exit status. */
int cli_run_batch(const cli_config *cfg, cli_feed_fn feed, void *feed_ctx, size_t total_docs,
                  size_t total_bytes);

/* ---- merge_cmd.c ---- */

/* precis --merge: reads every input (files, directories, or JSONL), merges
 * them into one summary and renders it. Returns the exit status. */
int cli_merge(const cli_config *cfg);

#endif
