/* jsonl.c - JSON Lines reading for the evaluation (see jsonl.h). */
#include "jsonl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int jsonl_open(jsonl_file *f, const char *path) {
  memset(f, 0, sizeof *f);
  f->path = path;
  FILE *in = fopen(path, "rb");
  if (!in) return -1;
  size_t cap = 1 << 16;
  char *data = malloc(cap);
  size_t len = 0;
  while (data) {
    len += fread(data + len, 1, cap - len, in);
    if (len < cap) break;
    char *bigger = realloc(data, cap * 2);
    if (!bigger) { free(data); data = NULL; break; }
    data = bigger;
    cap *= 2;
  }
  int failed = ferror(in) || !data;
  fclose(in);
  if (failed) {
    free(data);
    errno = data ? EIO : ENOMEM;
    return -1;
  }
  f->data = data;
  f->len = len;
  return 0;
}

cJSON *jsonl_next(jsonl_file *f, int *bad) {
  *bad = 0;
  while (f->pos < f->len) {
    const char *start = f->data + f->pos;
    const char *nl = memchr(start, '\n', f->len - f->pos);
    size_t n = nl ? (size_t)(nl - start) : f->len - f->pos;
    f->pos += n + (nl ? 1 : 0);
    f->line++;
    size_t k = 0;
    while (k < n && (start[k] == ' ' || start[k] == '\t' || start[k] == '\r')) k++;
    if (k == n) continue;
    cJSON *obj = cJSON_ParseWithLength(start, n);
    if (!cJSON_IsObject(obj)) {
      cJSON_Delete(obj);
      *bad = 1;
      return NULL;
    }
    return obj;
  }
  return NULL;
}

void jsonl_close(jsonl_file *f) {
  free(f->data);
  f->data = NULL;
}

const char *jsonl_string(const cJSON *obj, const char *key) {
  const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
  return cJSON_IsString(item) ? item->valuestring : NULL;
}
