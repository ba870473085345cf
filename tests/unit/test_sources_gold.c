/* The seed articles against ../shared/eval/seeds-gold.json: every required
 * source (any alias) and every listed URL must be found, each URL exactly
 * once, and every link title must be the one written with that URL. Prints
 * recall and precision (found entries that match a gold source or URL) per
 * seed; targets: recall 100%, precision >= 90% overall. */
#include <cjson/cJSON.h>
#include <string.h>
#include <strings.h>

#include "harness.h"
#include "precis.h"

#ifndef SHARED_DIR
#define SHARED_DIR "../shared"
#endif

/* Lowercase ASCII, leading "the " dropped, spaces collapsed. */
static void norm(const char *s, char *out, size_t cap) {
  while (*s == ' ') s++;
  if (strncasecmp(s, "the ", 4) == 0) s += 4;
  size_t k = 0;
  for (; *s && k + 1 < cap; s++) {
    if (*s == ' ' && (k == 0 || out[k - 1] == ' ')) continue;
    out[k++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
  }
  while (k && out[k - 1] == ' ') k--;
  out[k] = '\0';
}

static int same_name(const char *a, const char *b) {
  char x[256], y[256];
  norm(a, x, sizeof x);
  norm(b, y, sizeof y);
  return strcmp(x, y) == 0;
}

/* 1 when source `s` is gold entry `g` (by name or alias). */
static int matches(const precis_source *s, const cJSON *g) {
  const cJSON *name = cJSON_GetObjectItem(g, "name");
  if (cJSON_IsString(name) && same_name(s->name, name->valuestring)) return 1;
  const cJSON *alias;
  cJSON_ArrayForEach(alias, cJSON_GetObjectItem(g, "aliases"))
    if (cJSON_IsString(alias) && same_name(s->name, alias->valuestring)) return 1;
  return 0;
}

static int has_gold_url(const precis_source *s, const cJSON *urls) {
  const cJSON *u;
  cJSON_ArrayForEach(u, urls)
    for (size_t k = 0; k < s->n_urls; k++)
      if (cJSON_IsString(u) && strcmp(s->urls[k], u->valuestring) == 0) return 1;
  return 0;
}

/* "[title](url)" must be in the text for every titled URL. */
static int titles_paired(const precis_result *r, const char *text) {
  int ok = 1;
  for (size_t i = 0; i < r->n_sources; i++)
    for (size_t k = 0; k < r->sources[i].n_urls; k++) {
      const char *t = r->sources[i].titles[k], *u = r->sources[i].urls[k];
      if (!t[0]) continue;
      size_t n = strlen(t) + strlen(u) + 5;
      char *want = malloc(n);
      if (!want) return 0;
      snprintf(want, n, "[%s](%s)", t, u);
      if (!strstr(text, want)) {
        fprintf(stderr, "  URL %s has title \"%s\" that is not its link's\n", u, t);
        ok = 0;
      }
      free(want);
    }
  return ok;
}

static size_t total_required, total_found_required, total_entries, total_real;

static void check_doc(const cJSON *doc) {
  const char *file = cJSON_GetObjectItem(doc, "file")->valuestring;
  char path[1024];
  snprintf(path, sizeof path, "%s/seeds/%s", SHARED_DIR, file);
  size_t len;
  char *text = harness_read_file(path, &len);
  CHECK(text != NULL);
  if (!text) return;
  precis *p = precis_new(NULL);
  precis_result *r = NULL;
  CHECK(p && precis_analyze(p, text, len, &r) == PRECIS_OK);
  if (!r) { free(text); precis_free(p); return; }

  const cJSON *required = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "sources"), "required");
  const cJSON *urls = cJSON_GetObjectItem(doc, "urls");
  size_t want = 0, got = 0, real = 0;
  const cJSON *g;
  cJSON_ArrayForEach(g, required) {
    want++;
    int found = 0;
    for (size_t i = 0; i < r->n_sources && !found; i++) found = matches(&r->sources[i], g);
    if (found) got++;
    else fprintf(stderr, "  %s: missing source %s\n", file, cJSON_GetObjectItem(g, "name")->valuestring);
  }
  const cJSON *u;
  cJSON_ArrayForEach(u, urls) {
    want++;
    size_t times = 0;
    for (size_t i = 0; i < r->n_sources; i++)
      for (size_t k = 0; k < r->sources[i].n_urls; k++)
        if (strcmp(r->sources[i].urls[k], u->valuestring) == 0) times++;
    if (times == 1) got++;
    else fprintf(stderr, "  %s: URL found %zu times: %s\n", file, times, u->valuestring);
  }
  for (size_t i = 0; i < r->n_sources; i++) {
    int is_real = has_gold_url(&r->sources[i], urls);
    cJSON_ArrayForEach(g, required) if (matches(&r->sources[i], g)) is_real = 1;
    if (is_real) real++;
    else printf("  %s: entry not in gold: %s (%s)\n", file, r->sources[i].name,
                precis_source_kind_name(r->sources[i].kind));
  }
  CHECK(got == want);
  CHECK(titles_paired(r, text));
  printf("  %s: recall %zu/%zu, precision %zu/%zu\n", file, got, want, real, r->n_sources);
  total_required += want;
  total_found_required += got;
  total_entries += r->n_sources;
  total_real += real;
  precis_result_free(r);
  precis_free(p);
  free(text);
}

TEST(seeds_gold_sources) {
  size_t len;
  char *json = harness_read_file(SHARED_DIR "/eval/seeds-gold.json", &len);
  if (!json) {
    printf("  skipped: %s/eval/seeds-gold.json not found\n", SHARED_DIR);
    return;
  }
  cJSON *gold = cJSON_ParseWithLength(json, len);
  CHECK(gold != NULL);
  const cJSON *doc;
  cJSON_ArrayForEach(doc, cJSON_GetObjectItem(gold, "docs")) check_doc(doc);
  if (total_required) {
    double recall = (double)total_found_required / (double)total_required;
    double precision = total_entries ? (double)total_real / (double)total_entries : 1.0;
    printf("  overall: recall %.1f%%, precision %.1f%%\n", 100 * recall, 100 * precision);
    CHECK(recall == 1.0);
    CHECK(precision >= 0.9);
  }
  cJSON_Delete(gold);
  free(json);
}

int main(void) {
  RUN(seeds_gold_sources);
  return harness_done("sources-gold");
}
