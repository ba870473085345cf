/* Reading inputs and writing outputs for the CLI. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

int cli_read_file(const char *path, size_t max, char **data, size_t *len) {
  int from_stdin = strcmp(path, "-") == 0;
  FILE *f = from_stdin ? stdin : fopen(path, "rb");
  if (!f) return errno ? errno : EIO;
  struct stat st;
  if (!from_stdin && fstat(fileno(f), &st) == 0) {
    if (S_ISDIR(st.st_mode)) { fclose(f); return EISDIR; }
    if (st.st_size > 0 && (unsigned long long)st.st_size > max) { fclose(f); return EFBIG; }
  }
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  int err = 0;
  while (buf) {
    if (n == cap) {
      if (cap > max) { err = EFBIG; break; }
      char *bigger = realloc(buf, cap * 2);
      if (!bigger) { err = ENOMEM; break; }
      buf = bigger;
      cap *= 2;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) {
      if (ferror(f)) err = errno ? errno : EIO;
      break;
    }
  }
  if (!buf) err = ENOMEM;
  if (!err && n > max) err = EFBIG;
  if (!from_stdin) fclose(f);
  if (err) { free(buf); return err; }
  *data = buf;
  *len = n;
  return 0;
}

int cli_write_stdio(void *ctx, const char *data, size_t len) {
  return fwrite(data, 1, len, (FILE *)ctx) == len ? 0 : -1;
}
