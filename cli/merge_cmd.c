/* precis --merge: several articles on one story -> one summary whose
 * sentences cite the documents they come from. Inputs are files and
 * directories, or JSON Lines ({"id", "text", "url"}) with --jsonl. An input
 * that cannot be used is reported and left out; the rest are still merged. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

typedef struct merge_inputs {
  precis_document *docs;
  char **owned;          /* texts, names and URLs to free */
  size_t n, cap, n_owned, owned_cap;
  int failed;
} merge_inputs;

static void report(const char *name, const char *why) {
  fprintf(stderr, "precis: %s: %s\n", strcmp(name, "-") == 0 ? "(stdin)" : name, why);
}

static char *own(merge_inputs *m, char *s) {
  if (!s) return NULL;
  if (m->n_owned == m->owned_cap) {
    size_t cap = m->owned_cap ? m->owned_cap * 2 : 32;
    char **bigger = realloc(m->owned, cap * sizeof *bigger);
    if (!bigger) { free(s); return NULL; }
    m->owned = bigger;
    m->owned_cap = cap;
  }
  m->owned[m->n_owned++] = s;
  return s;
}

static int add_doc(merge_inputs *m, char *text, size_t len, char *name, char *url) {
  if (m->n == m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 16;
    precis_document *bigger = realloc(m->docs, cap * sizeof *bigger);
    if (!bigger) return -1;
    m->docs = bigger;
    m->cap = cap;
  }
  m->docs[m->n++] = (precis_document){text, len, name, url};
  return 0;
}

static int read_files(const cli_config *cfg, merge_inputs *m) {
  cli_inputs in;
  if (cli_inputs_collect(cfg, &in)) return -1;
  int err = 0;
  for (size_t i = 0; i < in.n && !err; i++) {
    const cli_input *it = &in.items[i];
    if (it->problem) {
      report(it->path, it->problem);
      m->failed = 1;
      continue;
    }
    char *data = NULL;
    size_t len = 0;
    int rerr = cli_read_file(it->path, cfg->opts.max_input_bytes, &data, &len);
    if (rerr) {
      report(it->path, cli_read_error(rerr));
      m->failed = 1;
      continue;
    }
    if (!own(m, data)) { err = -1; break; }
    if (cli_looks_binary(data, len)) {
      report(it->path, "binary file, skipped");
      m->failed = 1;
      continue;
    }
    char *name = own(m, strdup(strcmp(it->path, "-") == 0 ? "(stdin)" : it->path));
    if (!name || add_doc(m, data, len, name, NULL)) err = -1;
  }
  cli_inputs_free(&in);
  return err;
}

/* A JSONL line as a document: "text", a name from "id" (or the line), "url". */
static int read_jsonl(const cli_config *cfg, merge_inputs *m) {
  cli_jsonl_reader r;
  cli_jsonl_reader_init(&r, cfg);
  cli_job job;
  memset(&job, 0, sizeof job);
  int err = 0;
  while (!err && cli_jsonl_next(&r, &job)) {
    char where[64];
    snprintf(where, sizeof where, "%s:%zu", job.path ? job.path : "(stdin)", job.line_no);
    if (job.problem) {
      report(job.path, job.problem);
      m->failed = 1;
    } else {
      cJSON *o = cJSON_ParseWithLength(job.line, job.line_len);
      const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
      const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
      const cJSON *url = cJSON_GetObjectItemCaseSensitive(o, "url");
      if (!cJSON_IsObject(o) || !cJSON_IsString(text)) {
        report(where, o ? "no \"text\" string" : "invalid JSON");
        m->failed = 1;
      } else {
        char *name = cJSON_IsString(id) ? strdup(id->valuestring)
                     : id ? cJSON_PrintUnformatted(id) : strdup(where);
        /* cJSON_PrintUnformatted uses malloc, so free() releases it too. */
        size_t len = strlen(text->valuestring);
        char *t = own(m, strdup(text->valuestring));
        char *n = own(m, name);
        char *u = cJSON_IsString(url) ? own(m, strdup(url->valuestring)) : NULL;
        if (!t || !n || (cJSON_IsString(url) && !u) || add_doc(m, t, len, n, u)) err = -1;
      }
      cJSON_Delete(o);
    }
    cli_job_clear(&job);
  }
  if (r.open_failed) m->failed = 1;
  cli_jsonl_reader_close(&r);
  return err;
}

/* After a data error, finds the documents the library refuses, reports and
 * drops them. Returns how many were dropped. */
static size_t drop_bad_documents(precis *p, merge_inputs *m) {
  size_t kept = 0, dropped = 0;
  for (size_t i = 0; i < m->n; i++) {
    precis_result *r = NULL;
    precis_status st = precis_split(p, m->docs[i].text, m->docs[i].len, &r);
    precis_result_free(r);
    if (st != PRECIS_OK && st != PRECIS_ERR_EMPTY && st != PRECIS_ERR_NOMEM) {
      report(m->docs[i].name, precis_errmsg(p));
      dropped++;
      continue;
    }
    m->docs[kept++] = m->docs[i];
  }
  m->n = kept;
  return dropped;
}

int cli_merge(const cli_config *cfg) {
  merge_inputs m;
  memset(&m, 0, sizeof m);
  int status = CLI_EXIT_OK;
  precis *p = NULL;
  precis_result *result = NULL;
  cli_buf out = {0};
  if ((cfg->jsonl ? read_jsonl(cfg, &m) : read_files(cfg, &m)) != 0) {
    fprintf(stderr, "precis: out of memory\n");
    status = CLI_EXIT_INPUT;
    goto done;
  }
  if (m.failed) status = CLI_EXIT_INPUT;
  if (m.n == 0) {
    fprintf(stderr, "precis: no documents to merge\n");
    status = CLI_EXIT_INPUT;
    goto done;
  }
  p = precis_new(&cfg->opts);
  if (!p) {
    fprintf(stderr, "precis: out of memory\n");
    status = CLI_EXIT_INPUT;
    goto done;
  }
  precis_status st = precis_merge(p, m.docs, m.n, &result);
  if ((st == PRECIS_ERR_BINARY || st == PRECIS_ERR_INVALID_UTF8 || st == PRECIS_ERR_TOO_LARGE) &&
      drop_bad_documents(p, &m) > 0) {
    status = CLI_EXIT_INPUT;
    st = m.n ? precis_merge(p, m.docs, m.n, &result) : PRECIS_ERR_EMPTY;
  }
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis: merge: %s\n", precis_errmsg(p)[0] ? precis_errmsg(p)
                                                               : precis_strerror(st));
    status = CLI_EXIT_INPUT;
    goto done;
  }
  st = cli_render_result(cfg, result, cfg->jsonl ? PRECIS_RENDER_COMPACT : 0, &out);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis: merge: %s\n", precis_strerror(st));
    status = CLI_EXIT_INPUT;
    goto done;
  }
  int err = cli_emit(out.data, out.len);
  if (err) {
    if (err != EPIPE) fprintf(stderr, "precis: write error: %s\n", strerror(err));
    status = CLI_EXIT_INPUT;
  }
done:
  cli_buf_free(&out);
  precis_result_free(result);
  precis_free(p);
  for (size_t i = 0; i < m.n_owned; i++) free(m.owned[i]);
  free(m.owned);
  free(m.docs);
  return status;
}
