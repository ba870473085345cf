/* JSON Lines: one {"id": ..., "text": "..."} object per input line, one
 * result object per output line with the same "id" first, so precis works
 * as a filter under GNU parallel, Hadoop Streaming or Spark's pipe(). A bad
 * line gets {"id": ..., "error": "..."} and the others go on. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "cli.h"

/* "precis: NAME:LINE: WHY" on stderr and {"id": ID, "error": WHY} out. */
static void line_fail(cli_job *job, const char *id_json, const char *why) {
  char where[64];
  job->failed = 1;
  snprintf(where, sizeof where, ":%zu: ", job->line_no);
  cli_buf_puts(&job->err, "precis: ");
  cli_buf_puts(&job->err, job->path);
  cli_buf_puts(&job->err, where);
  cli_buf_puts(&job->err, why);
  cli_buf_puts(&job->err, "\n");
  cJSON *o = cJSON_CreateObject();
  char *line = NULL;
  if (o && cJSON_AddStringToObject(o, "error", why)) line = cJSON_PrintUnformatted(o);
  if (line) {
    cli_json_prefix(&job->out, "id", id_json, line, strlen(line));
    cli_buf_puts(&job->out, "\n");
  }
  cJSON_free(line);
  cJSON_Delete(o);
}

void cli_jsonl_run(precis *p, const cli_config *cfg, cli_job *job) {
  if (job->problem) { /* the input itself could not be read: no line to answer */
    job->failed = 1;
    cli_buf_puts(&job->err, "precis: ");
    cli_buf_puts(&job->err, job->path);
    cli_buf_puts(&job->err, ": ");
    cli_buf_puts(&job->err, job->problem);
    cli_buf_puts(&job->err, "\n");
    return;
  }
  cJSON *in = cJSON_ParseWithLength(job->line, job->line_len);
  char *id_json = NULL;
  const cJSON *id = cJSON_IsObject(in) ? cJSON_GetObjectItemCaseSensitive(in, "id") : NULL;
  if (id) id_json = cJSON_PrintUnformatted(id);
  const char *id_text = id_json ? id_json : "null";
  const cJSON *text = cJSON_IsObject(in) ? cJSON_GetObjectItemCaseSensitive(in, "text") : NULL;
  if (!in) {
    line_fail(job, id_text, "invalid JSON");
  } else if (!cJSON_IsObject(in)) {
    line_fail(job, id_text, "not a JSON object");
  } else if (!cJSON_IsString(text) || !text->valuestring) {
    line_fail(job, id_text, "no \"text\" string");
  } else {
    const char *s = text->valuestring;
    size_t len = strlen(s);
    precis_result *result = NULL;
    precis_status st;
    if (cfg->command == CLI_SPLIT) st = precis_split(p, s, len, &result);
    else if (cfg->analyze) st = precis_analyze(p, s, len, &result);
    else st = precis_summarize(p, s, len, &result);
    if (st != PRECIS_OK) {
      line_fail(job, id_text, precis_errmsg(p)[0] ? precis_errmsg(p) : precis_strerror(st));
    } else {
      cli_buf rendered = {0};
      st = cli_render_result(cfg, result, PRECIS_RENDER_COMPACT, &rendered);
      if (st == PRECIS_OK &&
          cli_json_prefix(&job->out, "id", id_text, rendered.data, rendered.len) != 0)
        st = PRECIS_ERR_NOMEM;
      cli_buf_free(&rendered);
      if (st != PRECIS_OK) {
        cli_buf_free(&job->out);
        line_fail(job, id_text, precis_strerror(st));
      }
    }
    precis_result_free(result);
  }
  cJSON_free(id_json);
  cJSON_Delete(in);
}

void cli_jsonl_reader_init(cli_jsonl_reader *r, const cli_config *cfg) {
  memset(r, 0, sizeof *r);
  r->cfg = cfg;
  struct stat st;
  if (cfg->n_inputs == 0) {
    if (fstat(0, &st) == 0 && S_ISREG(st.st_mode)) r->total_bytes = (size_t)st.st_size;
    return;
  }
  for (int i = 0; i < cfg->n_inputs; i++)
    if (strcmp(cfg->inputs[i], "-") != 0 && stat(cfg->inputs[i], &st) == 0 && S_ISREG(st.st_mode))
      r->total_bytes += (size_t)st.st_size;
}

/* Opens the next input; 1 when one is open, 0 at the end, -1 when the input
 * could not be opened (reported through job). */
static int open_next(cli_jsonl_reader *r, cli_job *job) {
  const cli_config *cfg = r->cfg;
  if (cfg->n_inputs == 0 && r->next_input == 0) {
    r->next_input = 1;
    r->f = stdin;
    r->name = "(stdin)";
  } else if (r->next_input < cfg->n_inputs) {
    const char *path = cfg->inputs[r->next_input++];
    if (strcmp(path, "-") == 0) {
      r->f = stdin;
      r->name = "(stdin)";
    } else {
      errno = 0;
      r->f = fopen(path, "rb");
      r->name = path;
      struct stat st;
      int err = r->f ? 0 : (errno ? errno : EIO);
      if (!err && fstat(fileno(r->f), &st) == 0 && S_ISDIR(st.st_mode)) err = EISDIR;
      if (err) {
        if (r->f) fclose(r->f);
        r->f = NULL;
        r->open_failed = 1;
        job->path = path;
        job->problem = strerror(err);
        return -1;
      }
    }
  } else {
    return 0;
  }
  r->line_no = 0;
  return 1;
}

static void close_current(cli_jsonl_reader *r) {
  if (r->f && r->f != stdin) fclose(r->f);
  r->f = NULL;
}

static int is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
  return 1;
}

int cli_jsonl_next(cli_jsonl_reader *r, cli_job *job) {
  char *line = NULL;
  size_t cap = 0;
  for (;;) {
    if (!r->f) {
      int opened = open_next(r, job);
      if (opened == 0) break;
      if (opened < 0) {
        free(line);
        return 1;
      }
    }
    errno = 0;
    ssize_t n = getline(&line, &cap, r->f);
    if (n < 0) {
      if (ferror(r->f) && errno != 0) {
        job->path = r->name;
        job->problem = strerror(errno);
        job->line_no = r->line_no;
        close_current(r);
        free(line);
        return 1;
      }
      close_current(r);
      continue;
    }
    r->line_no++;
    size_t len = (size_t)n;
    if (is_blank(line, len)) continue;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
    job->line = line;
    job->line_len = len;
    job->line_no = r->line_no;
    job->path = r->name;
    job->bytes = (size_t)n;
    return 1;
  }
  free(line);
  return 0;
}

void cli_jsonl_reader_close(cli_jsonl_reader *r) { close_current(r); }
