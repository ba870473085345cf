/* Runs a fuzz target over files and directories of inputs, so the saved
 * corpus and the seeds are replayed by `make test` without libFuzzer. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t replayed;

static int replay_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "replay: cannot open %s\n", path); return 1; }
  size_t cap = 1 << 16, n = 0;
  uint8_t *buf = malloc(cap);
  while (buf) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
    if (n == cap) {
      uint8_t *bigger = realloc(buf, cap * 2);
      if (!bigger) { free(buf); buf = NULL; break; }
      buf = bigger;
      cap *= 2;
    }
  }
  fclose(f);
  if (!buf) return 1;
  LLVMFuzzerTestOneInput(buf, n);
  /* Every prefix length that ends inside the first 64 bytes, too: inputs cut
   * inside a multi-byte character or a markdown construct. */
  for (size_t cut = 1; cut < n && cut < 64; cut += 7) LLVMFuzzerTestOneInput(buf, cut);
  free(buf);
  replayed++;
  return 0;
}

static int replay_path(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) { fprintf(stderr, "replay: skipping missing %s\n", path); return 0; }
  if (!S_ISDIR(st.st_mode)) return replay_file(path);
  DIR *dir = opendir(path);
  if (!dir) return 1;
  struct dirent *e;
  int failed = 0;
  while ((e = readdir(dir)) != NULL) {
    if (e->d_name[0] == '.') continue;
    char child[4096];
    snprintf(child, sizeof child, "%s/%s", path, e->d_name);
    failed |= replay_path(child);
  }
  closedir(dir);
  return failed;
}

int main(int argc, char **argv) {
  int failed = 0;
  for (int i = 1; i < argc; i++) failed |= replay_path(argv[i]);
  printf("%s: replayed %zu inputs\n", argv[0], replayed);
  return failed;
}
