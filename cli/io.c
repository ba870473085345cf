/* Reading inputs, output buffers, and writing stdout for the CLI. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_buf_append(cli_buf *b, const char *data, size_t len) {
  if (len == 0) return 0;
  if (b->len + len + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + len + 1) cap *= 2;
    char *bigger = realloc(b->data, cap);
    if (!bigger) return -1;
    b->data = bigger;
    b->cap = cap;
  }
  memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
  return 0;
}

int cli_buf_puts(cli_buf *b, const char *s) { return cli_buf_append(b, s, strlen(s)); }

void cli_buf_free(cli_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

int cli_write_buf(void *ctx, const char *data, size_t len) {
  return cli_buf_append((cli_buf *)ctx, data, len);
}

int cli_read_file(const char *path, size_t max, char **data, size_t *len) {
  int from_stdin = strcmp(path, "-") == 0;
  errno = 0;
  FILE *f = from_stdin ? stdin : fopen(path, "rb");
  if (!f) return errno ? errno : EIO;
  struct stat st;
  size_t cap = 65536;
  if (fstat(fileno(f), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      if (!from_stdin) fclose(f);
      return EISDIR;
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
      if ((unsigned long long)st.st_size > max) {
        if (!from_stdin) fclose(f);
        return EFBIG;
      }
      cap = (size_t)st.st_size + 1; /* one read, and one more to see the end */
    }
  }
  size_t n = 0;
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

/* Maps a regular, non-empty file of at most `max` bytes; 0 (and nothing
 * mapped) for anything else, which is then read as before. */
static int map_file(const char *path, size_t max, cli_file *out) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  struct stat st;
  void *map = MAP_FAILED;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      (unsigned long long)st.st_size <= max)
    map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) return 0;
  out->map = map;
  out->data = map;
  out->len = (size_t)st.st_size;
  return 1;
}

int cli_file_open(const char *path, size_t max, cli_file *out) {
  memset(out, 0, sizeof *out);
  if (strcmp(path, "-") != 0 && map_file(path, max, out)) return 0;
  int err = cli_read_file(path, max, &out->heap, &out->len);
  out->data = out->heap;
  return err;
}

void cli_file_close(cli_file *f) {
  if (f->map) munmap(f->map, f->len);
  free(f->heap);
  memset(f, 0, sizeof *f);
}

int cli_looks_binary(const char *data, size_t len) {
  size_t n = len < 8192 ? len : 8192;
  return n > 0 && memchr(data, '\0', n) != NULL;
}

const char *cli_read_error(int err) {
  if (err == EFBIG) return "file too large (see --max-bytes)";
  return strerror(err);
}

int cli_emit(const char *data, size_t len) {
  if (len == 0) return 0;
  errno = 0;
  if (fwrite(data, 1, len, stdout) != len) return errno ? errno : EIO;
  return 0;
}

int cli_emit_flush(void) {
  errno = 0;
  if (fflush(stdout) != 0) return errno ? errno : EIO;
  return 0;
}
