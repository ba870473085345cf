/* The five seed articles through the public API, checked against
 * eval/seeds-gold.json: titles, strings that must never be inside a
 * sentence, no mid-clause sentence ends in the hard-wrapped seed, and every
 * sentence's span in the original file matching its text after an
 * independent normalisation. Skips when SHARED_DIR is absent. */
#include <cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "harness.h"
#include "precis.h"

typedef struct sbuf {
  char *p;
  size_t len, cap;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = (b->len + n + 1) * 2;
    char *p = realloc(b->p, cap);
    if (!p) abort();
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

/* Windows-1252 bytes 0x80..0x9F; the undefined ones map to themselves. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

/* The mojibake of `cp`: its UTF-8 bytes read as Windows-1252, in UTF-8. */
static size_t mojibake_of(int32_t cp, char *out) {
  utf8proc_uint8_t bytes[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, bytes);
  size_t len = 0;
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    int32_t c = bytes[i] >= 0x80 && bytes[i] <= 0x9F ? cp1252_high[bytes[i] - 0x80] : bytes[i];
    len += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)out + len);
  }
  return len;
}

/* Independent normalisation of an original slice: mojibake fixed, markdown
 * emphasis and link syntax dropped, whitespace (NBSP too) collapsed. */
static char *normalise(const char *s, size_t n) {
  static const int32_t targets[] = {0x2019, 0x2018, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026,
                                    0x2022, 0x20AC, 0x2122, 0xE9,   0xE8,   0xE0,   0xE1,
                                    0xF3,   0xED,   0xFA,   0xF1,   0xFC,   0xF6,   0xE4};
  sbuf a = {0}, b = {0}, c = {0};
  /* 1. mojibake */
  for (size_t i = 0; i < n;) {
    size_t k, hit = 0;
    for (k = 0; k < sizeof targets / sizeof targets[0]; k++) {
      char m[16];
      size_t ml = mojibake_of(targets[k], m);
      if (ml <= n - i && memcmp(s + i, m, ml) == 0) {
        utf8proc_uint8_t u[4];
        sb_put(&a, (const char *)u, (size_t)utf8proc_encode_char(targets[k], u));
        i += ml;
        hit = 1;
        break;
      }
    }
    if (!hit) sb_put(&a, s + i++, 1);
  }
  if (!a.p) sb_put(&a, "", 0);
  /* 2. markdown: [text](url) -> text, ![alt](src) dropped, * and ` dropped */
  for (size_t i = 0; i < a.len;) {
    char ch = a.p[i];
    if (ch == '!' && i + 1 < a.len && a.p[i + 1] == '[') {
      char *close = strstr(a.p + i, "](");
      char *paren = close ? strchr(close, ')') : NULL;
      if (paren) { i = (size_t)(paren - a.p) + 1; continue; }
    }
    if (ch == '[') {
      char *close = strstr(a.p + i, "](");
      char *paren = close ? strchr(close, ')') : NULL;
      if (paren) {
        sb_put(&b, a.p + i + 1, (size_t)(close - a.p) - i - 1);
        i = (size_t)(paren - a.p) + 1;
        continue;
      }
    }
    if (ch == '*' || ch == '`') { i++; continue; }
    sb_put(&b, a.p + i, 1);
    i++;
  }
  if (!b.p) sb_put(&b, "", 0);
  /* 3. whitespace */
  int space = 0;
  for (size_t i = 0; i < b.len;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t got =
        utf8proc_iterate((const utf8proc_uint8_t *)b.p + i, (utf8proc_ssize_t)(b.len - i), &cp);
    if (got <= 0) { got = 1; cp = 0xFFFD; }
    int is_space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
                   (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS);
    if (is_space) {
      space = 1;
    } else {
      if (space && c.len) sb_put(&c, " ", 1);
      space = 0;
      sb_put(&c, b.p + i, (size_t)got);
    }
    i += (size_t)got;
  }
  if (!c.p) sb_put(&c, "", 0);
  free(a.p);
  free(b.p);
  return c.p;
}

static int ends_terminal(const char *s) {
  size_t n = strlen(s);
  while (n > 0) {
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ' ') { n--; continue; }
    /* closing curly quotes ’ ” (E2 80 99 / E2 80 9D) */
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        (c == 0x99 || c == 0x9D)) { n -= 3; continue; }
    break;
  }
  if (n == 0) return 0;
  char c = s[n - 1];
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return 1;
  return n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0;
}

static void check_seed(precis *p, const cJSON *doc) {
  const char *file = cJSON_GetStringValue(cJSON_GetObjectItem(doc, "file"));
  char path[512];
  snprintf(path, sizeof path, "%s/seeds/%s", SHARED_DIR, file ? file : "");
  size_t len = 0;
  char *text = harness_read_file(path, &len);
  if (!text) { printf("seeds: skipping %s (not found)\n", path); return; }
  int wrapped_seed = strncmp(file, "003", 3) == 0;

  precis_result *r = NULL;
  CHECK(precis_split(p, text, len, &r) == PRECIS_OK);
  if (r) {
    const cJSON *never = cJSON_GetObjectItem(doc, "never_in_sentences");
    for (size_t i = 0; i < r->n_sentences; i++) {
      const precis_sentence *s = &r->sentences[i];
      const cJSON *it;
      cJSON_ArrayForEach(it, never) {
        const char *bad = cJSON_GetStringValue(it);
        if (bad && strstr(s->text, bad)) {
          fprintf(stderr, "%s: sentence %zu contains \"%s\": %s\n", file, i, bad, s->text);
          CHECK(0 /* never_in_sentences string found */);
        }
      }
      if (strstr(s->text, "\xC3\xA2\xE2\x82\xAC")) {
        fprintf(stderr, "%s: mojibake in sentence %zu: %s\n", file, i, s->text);
        CHECK(0 /* mojibake in a sentence */);
      }
      if (wrapped_seed && !ends_terminal(s->text)) {
        fprintf(stderr, "%s: sentence %zu ends mid-clause: %s\n", file, i, s->text);
        CHECK(0 /* sentence ends without terminal punctuation */);
      }
      char *norm = normalise(text + s->span.start, s->span.end - s->span.start);
      if (strcmp(norm, s->text) != 0) {
        fprintf(stderr, "%s: sentence %zu span does not match its text\n  span: %s\n  text: %s\n",
                file, i, norm, s->text);
        CHECK(0 /* span slice differs from sentence text */);
      }
      free(norm);
    }
    if (wrapped_seed) {
      printf("seed 003, first sentences:\n");
      for (size_t i = 0; i < r->n_sentences && i < 10; i++)
        printf("  %2zu. %s\n", i + 1, r->sentences[i].text);
    }
    precis_result_free(r);
  }

  r = NULL;
  CHECK(precis_analyze(p, text, len, &r) == PRECIS_OK);
  if (r) {
    const cJSON *title = cJSON_GetObjectItem(doc, "title");
    if (cJSON_IsNull(title)) {
      if (r->title) fprintf(stderr, "%s: unexpected title \"%s\"\n", file, r->title);
      CHECK(r->title == NULL);
    } else {
      CHECK_STR(r->title, cJSON_GetStringValue(title));
    }
    precis_result_free(r);
  }
  free(text);
}

TEST(seeds) {
  size_t len = 0;
  char *json = harness_read_file(SHARED_DIR "/eval/seeds-gold.json", &len);
  if (!json) { printf("seeds: skipped, %s not found\n", SHARED_DIR "/eval/seeds-gold.json"); return; }
  cJSON *gold = cJSON_ParseWithLength(json, len);
  CHECK(gold != NULL);
  precis *p = precis_new(NULL);
  CHECK(p != NULL);
  const cJSON *doc;
  if (gold && p) cJSON_ArrayForEach(doc, cJSON_GetObjectItem(gold, "docs")) check_seed(p, doc);
  precis_free(p);
  cJSON_Delete(gold);
  free(json);
}

int main(void) {
  RUN(seeds);
  return harness_done("seeds");
}
