/* One document of a run: read it, summarize (or split, or list sources) and
 * render into memory, so threads can finish out of order and the output is
 * still written in input order. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static const char *display_name(const char *path) {
  return strcmp(path, "-") == 0 ? "(stdin)" : path;
}

/* Records a failure: "precis: NAME: WHY" on stderr, and with several files in
 * JSON a {"file": NAME, "error": WHY} line so the output keeps one line per
 * input. */
static void job_fail(const cli_config *cfg, cli_job *job, const char *why) {
  const char *name = display_name(job->path);
  job->failed = 1;
  cli_buf_puts(&job->err, "precis: ");
  cli_buf_puts(&job->err, name);
  cli_buf_puts(&job->err, ": ");
  cli_buf_puts(&job->err, why);
  cli_buf_puts(&job->err, "\n");
  if (job->with_header && cfg->format == PRECIS_FORMAT_JSON) {
    cJSON *o = cJSON_CreateObject();
    if (o && cJSON_AddStringToObject(o, "file", name) && cJSON_AddStringToObject(o, "error", why)) {
      char *line = cJSON_PrintUnformatted(o);
      if (line) {
        cli_buf_puts(&job->out, line);
        cli_buf_puts(&job->out, "\n");
        cJSON_free(line);
      }
    }
    cJSON_Delete(o);
  }
}

/* Runs the chosen operation on one text. */
static precis_status run_text(precis *p, const cli_config *cfg, const char *text, size_t len,
                              precis_result **result) {
  if (cfg->command == CLI_SPLIT) return precis_split(p, text, len, result);
  if (cfg->analyze) return precis_analyze(p, text, len, result);
  return precis_summarize(p, text, len, result);
}

precis_status cli_render_result(const cli_config *cfg, const precis_result *result,
                                unsigned extra_flags, cli_buf *out) {
  unsigned flags = cfg->render_flags | extra_flags;
  if (cfg->command == CLI_SPLIT) flags |= PRECIS_RENDER_NO_SOURCES;
  precis_format format = (extra_flags & PRECIS_RENDER_COMPACT) ? PRECIS_FORMAT_JSON : cfg->format;
  if (cfg->command == CLI_SOURCES) {
    precis_result view = *result;
    view.n_sentences = 0;
    view.title = NULL;
    return precis_render(&view, format, flags, cli_write_buf, out);
  }
  return precis_render(result, format, flags, cli_write_buf, out);
}

int cli_json_prefix(cli_buf *out, const char *key, const char *value_json, const char *json,
                    size_t json_len) {
  if (json_len < 2 || json[0] != '{') return cli_buf_append(out, json, json_len);
  int empty = json[1] == '}';
  int err = cli_buf_puts(out, "{\"");
  err |= cli_buf_puts(out, key);
  err |= cli_buf_puts(out, "\":");
  err |= cli_buf_puts(out, value_json);
  if (!empty) err |= cli_buf_puts(out, ",");
  err |= cli_buf_append(out, json + 1, json_len - 1);
  return err;
}

void cli_job_run(precis *p, const cli_config *cfg, cli_job *job) {
  if (job->line || cfg->jsonl) {
    cli_jsonl_run(p, cfg, job);
    return;
  }
  if (job->problem) {
    job_fail(cfg, job, job->problem);
    return;
  }
  cli_file in;
  int err = cli_file_open(job->path, cfg->opts.max_input_bytes, &in);
  if (err) {
    job_fail(cfg, job, cli_read_error(err));
    return;
  }
  job->bytes = in.len;
  if (cli_looks_binary(in.data, in.len)) {
    cli_file_close(&in);
    job_fail(cfg, job, "binary file, skipped");
    return;
  }
  precis_result *result = NULL;
  precis_status st = run_text(p, cfg, in.data, in.len, &result);
  cli_file_close(&in);
  if (st != PRECIS_OK) {
    job_fail(cfg, job, precis_errmsg(p)[0] ? precis_errmsg(p) : precis_strerror(st));
    return;
  }
  if (job->with_header && cfg->format == PRECIS_FORMAT_JSON) {
    /* Several files in JSON: one line each, with its file name. */
    cli_buf line = {0};
    st = cli_render_result(cfg, result, PRECIS_RENDER_COMPACT, &line);
    if (st == PRECIS_OK) {
      char *name = NULL;
      cJSON *s = cJSON_CreateString(display_name(job->path));
      if (s) name = cJSON_PrintUnformatted(s);
      cJSON_Delete(s);
      if (!name || cli_json_prefix(&job->out, "file", name, line.data, line.len))
        st = PRECIS_ERR_NOMEM;
      cJSON_free(name);
    }
    cli_buf_free(&line);
  } else {
    if (job->with_header) {
      cli_buf_puts(&job->out, job->seq ? "\n==> " : "==> ");
      cli_buf_puts(&job->out, display_name(job->path));
      cli_buf_puts(&job->out, " <==\n");
    }
    st = cli_render_result(cfg, result, 0, &job->out);
  }
  precis_result_free(result);
  if (st != PRECIS_OK) {
    cli_buf_free(&job->out);
    job_fail(cfg, job, precis_strerror(st));
  }
}

void cli_job_clear(cli_job *job) {
  free(job->line);
  cli_buf_free(&job->out);
  cli_buf_free(&job->err);
  memset(job, 0, sizeof *job);
}
