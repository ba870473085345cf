/* The inputs of a run: files as given, directories walked in name order for
 * text and markdown files, stdin when there are none. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* Directories nest at most this deep; deeper ones are not walked (bounds the
 * recursion, and symlink loops cannot form because links are not followed). */
#define CLI_MAX_DEPTH 64

static int add_input(cli_inputs *in, const char *path, size_t size, const char *problem) {
  if (in->n == in->cap) {
    size_t cap = in->cap ? in->cap * 2 : 16;
    cli_input *bigger = realloc(in->items, cap * sizeof *bigger);
    if (!bigger) return ENOMEM;
    in->items = bigger;
    in->cap = cap;
  }
  char *copy = strdup(path);
  if (!copy) return ENOMEM;
  in->items[in->n++] = (cli_input){copy, size, problem};
  in->total_bytes += size;
  return 0;
}

static int has_text_extension(const char *name) {
  static const char *const exts[] = {".txt", ".text", ".md", ".markdown", ".mdown", ".mkd"};
  size_t len = strlen(name);
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    size_t n = strlen(exts[i]);
    if (len > n && strcmp(name + len - n, exts[i]) == 0) return 1;
  }
  return 0;
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join_path(const char *dir, const char *name) {
  size_t dl = strlen(dir), nl = strlen(name);
  int slash = dl > 0 && dir[dl - 1] != '/';
  char *path = malloc(dl + (size_t)slash + nl + 1);
  if (!path) return NULL;
  memcpy(path, dir, dl);
  if (slash) path[dl] = '/';
  memcpy(path + dl + (size_t)slash, name, nl + 1);
  return path;
}

/* Adds the text files under `dir`, sorted by name, directories in place. */
static int walk(cli_inputs *in, const char *dir, int depth, size_t *found) {
  DIR *d = opendir(dir);
  if (!d) return add_input(in, dir, 0, strerror(errno));
  char **names = NULL;
  size_t n = 0, cap = 0;
  int err = 0;
  struct dirent *e;
  while (!err && (e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue; /* ., .., hidden files and .git */
    if (n == cap) {
      cap = cap ? cap * 2 : 32;
      char **bigger = realloc(names, cap * sizeof *bigger);
      if (!bigger) { err = ENOMEM; break; }
      names = bigger;
    }
    names[n] = strdup(e->d_name);
    if (!names[n]) err = ENOMEM;
    else n++;
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, compare_names);
  for (size_t i = 0; i < n && !err; i++) {
    char *path = join_path(dir, names[i]);
    struct stat st;
    if (!path) { err = ENOMEM; break; }
    if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      if (depth < CLI_MAX_DEPTH) err = walk(in, path, depth + 1, found);
    } else if (has_text_extension(names[i]) && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
      err = add_input(in, path, (size_t)st.st_size, NULL);
      (*found)++;
    }
    free(path);
  }
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  return err;
}

int cli_inputs_collect(const cli_config *cfg, cli_inputs *out) {
  memset(out, 0, sizeof *out);
  if (cfg->n_inputs == 0) return add_input(out, "-", 0, NULL);
  for (int i = 0; i < cfg->n_inputs; i++) {
    const char *path = cfg->inputs[i];
    struct stat st;
    int err = 0;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode) && cfg->recursive) {
      size_t found = 0;
      err = walk(out, path, 0, &found);
      if (!err && found == 0) err = add_input(out, path, 0, "no text or markdown files in it");
    } else {
      size_t size = strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode)
                        ? (size_t)st.st_size : 0;
      err = add_input(out, path, size, NULL);
    }
    if (err) return err;
  }
  return 0;
}

void cli_inputs_free(cli_inputs *in) {
  for (size_t i = 0; i < in->n; i++) free(in->items[i].path);
  free(in->items);
  memset(in, 0, sizeof *in);
}
