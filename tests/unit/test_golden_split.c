/* The Golden Rules through the whole pipeline: precis_split (repair, layout,
 * splitter) on every case of sbd-golden-en.jsonl must give the expected
 * sentences; at least 47 of 48 must pass (pySBD's score). */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "precis.h"

#define GOLDEN_MIN_PASS 47

/* Whitespace runs made one space, ends trimmed (the data keeps a few newlines). */
static void collapse(const char *in, char *out, size_t cap) {
  size_t n = 0;
  int space = 0;
  for (; *in && n + 1 < cap; in++) {
    if (*in == ' ' || *in == '\n' || *in == '\t' || *in == '\r') { space = n > 0; continue; }
    if (space && n + 2 < cap) out[n++] = ' ';
    space = 0;
    out[n++] = *in;
  }
  out[n] = '\0';
}

TEST(golden_rules_through_precis_split) {
  size_t len;
  char *data = harness_read_file(SHARED_DIR "/eval/sbd-golden-en.jsonl", &len);
  if (!data) {
    printf("golden split: " SHARED_DIR "/eval/sbd-golden-en.jsonl absent, skipped\n");
    return;
  }
  precis *p = precis_new(NULL);
  int passed = 0, total = 0;
  char *line = data, *end = data + len;
  while (line < end) {
    char *nl = memchr(line, '\n', (size_t)(end - line));
    size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
    cJSON *c = cJSON_ParseWithLength(line, n);
    line += n + 1;
    if (!c) continue;
    const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(c, "text"));
    const cJSON *want = cJSON_GetObjectItem(c, "sentences");
    precis_result *r = NULL;
    int ok = text && precis_split(p, text, strlen(text), &r) == PRECIS_OK &&
             (int)r->n_sentences == cJSON_GetArraySize(want);
    for (size_t i = 0; ok && i < r->n_sentences; i++) {
      char expected[2048];
      collapse(cJSON_GetStringValue(cJSON_GetArrayItem(want, (int)i)), expected, sizeof expected);
      ok = strcmp(r->sentences[i].text, expected) == 0;
    }
    total++;
    if (ok) passed++;
    else printf("  fails: %s\n", cJSON_GetStringValue(cJSON_GetObjectItem(c, "id")));
    precis_result_free(r);
    cJSON_Delete(c);
  }
  printf("golden rules through precis_split: %d/%d\n", passed, total);
  CHECK(total == 48);
  CHECK(passed >= GOLDEN_MIN_PASS);
  precis_free(p);
  free(data);
}

int main(void) {
  RUN(golden_rules_through_precis_split);
  return harness_done("golden-split");
}
