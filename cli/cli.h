/* The precis command line: shared configuration and helpers. */
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

/* Reads a whole file ("-" = stdin) into *data (malloc'd) and *len.
 * Returns 0, or an errno value; `max` bounds the size (EFBIG past it). */
int cli_read_file(const char *path, size_t max, char **data, size_t *len);

/* precis_write_fn over a FILE*. */
int cli_write_stdio(void *ctx, const char *data, size_t len);

#endif
