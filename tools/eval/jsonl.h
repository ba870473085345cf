/* jsonl.h - reads a JSON Lines file one object at a time (with cJSON). */
#ifndef PRECIS_EVAL_JSONL_H
#define PRECIS_EVAL_JSONL_H

#include <stddef.h>

#include <cJSON.h>

typedef struct jsonl_file {
  const char *path;
  char *data; /* the whole file */
  size_t len;
  size_t pos;
  size_t line; /* 1-based number of the line last returned */
} jsonl_file;

/* Reads `path` into memory. Returns 0, or -1 with errno set. */
int jsonl_open(jsonl_file *f, const char *path);

/* The next non-blank line parsed, or NULL at the end of the file. A line
 * that is not a JSON object also gives NULL, with *bad set to 1. The caller
 * frees the object with cJSON_Delete(). */
cJSON *jsonl_next(jsonl_file *f, int *bad);

void jsonl_close(jsonl_file *f);

/* The string member `key` of `obj`, or NULL when it is missing or not a
 * string. */
const char *jsonl_string(const cJSON *obj, const char *key);

#endif
