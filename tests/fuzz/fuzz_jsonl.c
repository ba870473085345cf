/* Fuzz target: the CLI's JSON Lines path. Each input line goes through
 * cli_jsonl_run(); every answer must be exactly one line of valid JSON with
 * either a result or an "error", whatever the line held. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static void check_answer(const cli_job *job) {
  if (job->out.len == 0) abort();
  if (job->out.data[job->out.len - 1] != '\n') abort();
  if (memchr(job->out.data, '\n', job->out.len - 1)) abort();
  cJSON *answer = cJSON_ParseWithLength(job->out.data, job->out.len);
  if (!cJSON_IsObject(answer)) abort();
  if (!cJSON_GetObjectItemCaseSensitive(answer, "error") &&
      !cJSON_GetObjectItemCaseSensitive(answer, "sentences"))
    abort();
  cJSON_Delete(answer);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cli_config cfg;
  memset(&cfg, 0, sizeof cfg);
  precis_options_init(&cfg.opts);
  cfg.format = PRECIS_FORMAT_JSON;
  cfg.jobs = 1;
  precis *p = precis_new(&cfg.opts);
  if (!p) return 0;
  const char *text = (const char *)data, *end = text + size;
  size_t line_no = 0;
  while (text < end) {
    const char *nl = memchr(text, '\n', (size_t)(end - text));
    size_t len = nl ? (size_t)(nl - text) : (size_t)(end - text);
    cli_job job;
    memset(&job, 0, sizeof job);
    job.path = "(fuzz)";
    job.line = malloc(len + 1);
    if (!job.line) break;
    memcpy(job.line, text, len);
    job.line[len] = '\0';
    job.line_len = len;
    job.line_no = ++line_no;
    cli_jsonl_run(p, &cfg, &job);
    check_answer(&job);
    cli_job_clear(&job);
    text += len + (nl ? 1 : 0);
  }
  precis_free(p);
  return 0;
}
