/* Tests for the sentence splitter: the 48 English golden rules (from
 * SHARED_DIR, skipped when absent), news-style cases, and pathological
 * inputs (overlong sentences, deep nesting, NUL and invalid bytes). */
#include <cJSON.h>
#include <stdint.h>
#include <time.h>

#include "harness.h"
#include "precis.h"
#include "base/textmap.h"
#include "segment/abbrev.h"
#include "segment/segment.h"

/* Sentences of one call, checked against the splitter's promises as they
 * arrive: in order, not empty, trimmed, bounded, within the text. */
typedef struct collected {
  const char *text;
  size_t len;
  size_t count;
  size_t last_end;
  int broken;         /* a promise was not kept */
  size_t stop_after;  /* return 1 after this many sentences (0: never) */
  char joined[16384]; /* the first sentences, separated by '|' */
  size_t joined_len;
} collected;

static int is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int on_sentence(void *vctx, size_t start, size_t end) {
  collected *c = vctx;
  if (start >= end || end > c->len || start < c->last_end ||
      end - start > PRECIS_MAX_SENTENCE_BYTES || is_ascii_space((unsigned char)c->text[start]) ||
      is_ascii_space((unsigned char)c->text[end - 1]))
    c->broken = 1;
  c->last_end = end;
  if (c->joined_len + (end - start) + 2 < sizeof c->joined) {
    if (c->count > 0) c->joined[c->joined_len++] = '|';
    memcpy(c->joined + c->joined_len, c->text + start, end - start);
    c->joined_len += end - start;
    c->joined[c->joined_len] = '\0';
  }
  c->count++;
  return c->stop_after != 0 && c->count >= c->stop_after;
}

static int split(collected *c, const char *text, size_t len) {
  memset(c, 0, sizeof *c);
  c->text = text;
  c->len = len;
  return pc_segment(text, len, on_sentence, c);
}

/* Splits text and returns its sentences joined by '|' (static buffer). */
static const char *sentences(const char *text) {
  static collected c;
  split(&c, text, strlen(text));
  if (c.broken) return "(broken promise)";
  return c.joined;
}

/* ---- golden rules -------------------------------------------------------- */

TEST(golden_rules) {
  size_t len = 0;
  char *data = harness_read_file(SHARED_DIR "/eval/sbd-golden-en.jsonl", &len);
  if (!data) {
    printf("segment: skipping golden rules, %s absent\n", SHARED_DIR "/eval/sbd-golden-en.jsonl");
    return;
  }
  int total = 0, passed = 0;
  char *line = data, *end = data + len;
  while (line < end) {
    char *nl = memchr(line, '\n', (size_t)(end - line));
    if (!nl) nl = end;
    *nl = '\0';
    cJSON *item = cJSON_Parse(line);
    line = nl + 1;
    if (!item) continue;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "id");
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(item, "text");
    const cJSON *want = cJSON_GetObjectItemCaseSensitive(item, "sentences");
    if (cJSON_IsString(text) && cJSON_IsArray(want)) {
      static collected c;
      const char *t = text->valuestring;
      split(&c, t, strlen(t));
      int ok = !c.broken && c.count == (size_t)cJSON_GetArraySize(want);
      char expected[4096];
      size_t elen = 0;
      const cJSON *s;
      cJSON_ArrayForEach(s, want) {
        if (!cJSON_IsString(s)) continue;
        size_t n = strlen(s->valuestring);
        if (elen + n + 2 >= sizeof expected) break;
        if (elen) expected[elen++] = '|';
        memcpy(expected + elen, s->valuestring, n);
        elen += n;
      }
      expected[elen] = '\0';
      if (strcmp(expected, c.joined) != 0) ok = 0;
      total++;
      if (ok) {
        passed++;
      } else {
        printf("  %s failed\n    got:  %s\n    want: %s\n",
               cJSON_IsString(id) ? id->valuestring : "?", c.joined, expected);
      }
    }
    cJSON_Delete(item);
  }
  free(data);
  printf("golden rules: %d/%d\n", passed, total);
  CHECK(total == 48);
  CHECK(passed >= 47);
}

/* ---- news-style cases ---------------------------------------------------- */

TEST(abbreviations_and_titles) {
  CHECK_STR(sentences("Gov. Ron DeSantis met Sen. Ted Cruz and Dr. Anthony Fauci. They talked."),
            "Gov. Ron DeSantis met Sen. Ted Cruz and Dr. Anthony Fauci.|They talked.");
  CHECK_STR(sentences("Apple Inc. said on Monday it would hire. Shares rose."),
            "Apple Inc. said on Monday it would hire.|Shares rose.");
  CHECK_STR(sentences("It was bought by Acme Inc. The deal closed."),
            "It was bought by Acme Inc.|The deal closed.");
  CHECK_STR(sentences("He lives on Main St. The house is red."),
            "He lives on Main St.|The house is red.");
  CHECK_STR(sentences("The attack on Jan. 6 was investigated. No. 10 said nothing."),
            "The attack on Jan. 6 was investigated.|No. 10 said nothing.");
  CHECK_STR(sentences("Is it? No. The answer is no."), "Is it?|No.|The answer is no.");
  CHECK_STR(sentences("U.S. President Joe Biden met J.D. Vance in the U.K. on Friday."),
            "U.S. President Joe Biden met J.D. Vance in the U.K. on Friday.");
  CHECK_STR(sentences("Troops left the U.S. The war was over."),
            "Troops left the U.S.|The war was over.");
  CHECK_STR(sentences("He spoke at the funeral of Malcolm X. Besides Dee, he leaves two sons."),
            "He spoke at the funeral of Malcolm X.|Besides Dee, he leaves two sons.");
  CHECK_STR(sentences("It was then-Sen. Obama who spoke. He won."),
            "It was then-Sen. Obama who spoke.|He won.");
  CHECK_STR(sentences("Fruit, e.g. Apples, is healthy. Eat it."),
            "Fruit, e.g. Apples, is healthy.|Eat it.");
}

TEST(times_of_day) {
  CHECK_STR(sentences("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith "
                      "then went to the store."),
            "At 5 a.m. Mr. Smith went to the bank.|He left the bank at 6 P.M.|Mr. Smith then went "
            "to the store.");
  CHECK_STR(sentences("The vote closes at 8 p.m. ET on Tuesday."),
            "The vote closes at 8 p.m. ET on Tuesday.");
  CHECK_STR(sentences("The store opens at 9 a.m. Monday through Friday."),
            "The store opens at 9 a.m. Monday through Friday.");
  CHECK_STR(sentences("Police were called at 4 a.m. Officers found nothing."),
            "Police were called at 4 a.m.|Officers found nothing.");
}

TEST(numbers_and_addresses) {
  CHECK_STR(sentences("Profits rose 2.5 percent to $1.2 billion. Sales fell."),
            "Profits rose 2.5 percent to $1.2 billion.|Sales fell.");
  CHECK_STR(sentences("Write to Jane.Doe@example.com. Or visit www.example.org/a.html. Thanks."),
            "Write to Jane.Doe@example.com.|Or visit www.example.org/a.html.|Thanks.");
  CHECK_STR(sentences("He was born in 1990. 25 years later he won."),
            "He was born in 1990.|25 years later he won.");
}

TEST(quotes_and_brackets) {
  /* quotations split like other text (news quotes run over sentences) */
  CHECK_STR(sentences("\xe2\x80\x9cWe are here. We will stay,\xe2\x80\x9d he said. Nobody moved."),
            "\xe2\x80\x9cWe are here.|We will stay,\xe2\x80\x9d he said.|Nobody moved.");
  /* asides in brackets stay whole, unless the bracket never closes */
  CHECK_STR(sentences("Sales rose (see Table 2. It shows growth.) last year. Good."),
            "Sales rose (see Table 2. It shows growth.) last year.|Good.");
  CHECK_STR(sentences("Sales rose (see Table 2. It shows growth. Good."),
            "Sales rose (see Table 2.|It shows growth.|Good.");
  CHECK_STR(sentences("\xe2\x80\x9cWhere are you?\xe2\x80\x9d she asked. He left."),
            "\xe2\x80\x9cWhere are you?\xe2\x80\x9d she asked.|He left.");
  CHECK_STR(sentences("He said it was over. \xe2\x80\x9cIt is done.\xe2\x80\x9d Then he left."),
            "He said it was over.|\xe2\x80\x9cIt is done.\xe2\x80\x9d|Then he left.");
  CHECK_STR(sentences("The results (see Table 2.) were clear. Good."),
            "The results (see Table 2.) were clear.|Good.");
  /* a quote that never closes (it goes on in the next paragraph) */
  CHECK_STR(sentences("\xe2\x80\x9cWe are here. We will stay. Nobody leaves."),
            "\xe2\x80\x9cWe are here.|We will stay.|Nobody leaves.");
  CHECK_STR(sentences("(CNN) -- The storm hit. It was bad."),
            "(CNN) -- The storm hit.|It was bad.");
  CHECK_STR(sentences("It\xe2\x80\x99s over. Ok."), "It\xe2\x80\x99s over.|Ok.");
}

TEST(other_scripts) {
  CHECK_STR(
      sentences("\xd0\x9f\xd1\x80\xd0\xb5\xd0\xb7\xd0\xb8\xd0\xb4\xd0\xb5\xd0\xbd\xd1\x82 "
                "\xd0\x92\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbc\xd0\xb8\xd1\x80 "
                "\xd0\x97\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba\xd0\xb8\xd0\xb9. "
                "\xd0\x92\xd1\x96\xd0\xbd \xd1\x82\xd1\x83\xd1\x82."),
      "\xd0\x9f\xd1\x80\xd0\xb5\xd0\xb7\xd0\xb8\xd0\xb4\xd0\xb5\xd0\xbd\xd1\x82 "
      "\xd0\x92\xd0\xbe\xd0\xbb\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbc\xd0\xb8\xd1\x80 "
      "\xd0\x97\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba\xd0\xb8\xd0\xb9.|"
      "\xd0\x92\xd1\x96\xd0\xbd \xd1\x82\xd1\x83\xd1\x82.");
  /* Cyrillic initial: "В. Зеленський" stays together */
  CHECK_STR(sentences("\xd0\x92. \xd0\x97\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba"
                      "\xd0\xb8\xd0\xb9 \xd1\x82\xd1\x83\xd1\x82."),
            "\xd0\x92. \xd0\x97\xd0\xb5\xd0\xbb\xd0\xb5\xd0\xbd\xd1\x81\xd1\x8c\xd0\xba"
            "\xd0\xb8\xd0\xb9 \xd1\x82\xd1\x83\xd1\x82.");
  CHECK_STR(sentences("Wait\xe2\x80\xa6 Then it rained. Newlines\ncount as\nspaces.\n"),
            "Wait\xe2\x80\xa6|Then it rained.|Newlines\ncount as\nspaces.");
  CHECK_STR(sentences("\xe4\xbb\x8a\xe5\xa4\xa9\xe3\x80\x82\xe6\x98\x8e\xe5\xa4\xa9\xe3\x80\x82"),
            "\xe4\xbb\x8a\xe5\xa4\xa9\xe3\x80\x82|\xe6\x98\x8e\xe5\xa4\xa9\xe3\x80\x82");
}

TEST(trimming_and_empty) {
  CHECK_STR(sentences(""), "");
  CHECK_STR(sentences("   \n\t "), "");
  CHECK_STR(sentences("  Hello there.   Bye.  "), "Hello there.|Bye.");
  CHECK_STR(sentences("\xc2\xa0Non-breaking.\xc2\xa0 Spaces.\xc2\xa0"), "Non-breaking.|Spaces.");
  CHECK_STR(sentences("..."), "...");
  CHECK_STR(sentences("!!! ??? ..."), "!!!|???|...");
  CHECK(pc_segment(NULL, 0, on_sentence, NULL) == 0);
}

TEST(callback_stops) {
  collected c;
  const char *t = "One. Two. Three. Four.";
  memset(&c, 0, sizeof c);
  c.text = t;
  c.len = strlen(t);
  c.stop_after = 2;
  CHECK(pc_segment(t, c.len, on_sentence, &c) == 1);
  CHECK(c.count == 2);
}

/* ---- pathological inputs ------------------------------------------------- */

static char *make_words(size_t len, const char *word) {
  char *t = malloc(len + 1);
  size_t wl = strlen(word);
  if (!t) return NULL;
  for (size_t i = 0; i < len; i++) t[i] = word[i % wl];
  t[len] = '\0';
  return t;
}

TEST(long_sentence_is_cut_at_spaces) {
  size_t len = 3 * PRECIS_MAX_SENTENCE_BYTES + 102; /* whole words */
  char *t = make_words(len, "word ");
  static collected c;
  CHECK(t != NULL);
  if (!t) return;
  split(&c, t, len);
  CHECK(!c.broken);
  CHECK(c.count == 4);
  /* every piece is whole words */
  CHECK(c.joined_len > 0 && c.joined[c.joined_len - 1] == 'd');
  for (size_t i = 1; i + 1 < c.joined_len; i++)
    if (c.joined[i] == '|') CHECK(c.joined[i - 1] == 'd' && c.joined[i + 1] == 'w');
  free(t);
}

TEST(long_word_is_cut_at_characters) {
  /* 3-byte characters without any space: cuts must fall between them */
  size_t len = 3 * 5000;
  char *t = make_words(len, "\xe2\x82\xac");
  static collected c;
  CHECK(t != NULL);
  if (!t) return;
  split(&c, t, len);
  CHECK(!c.broken);
  CHECK(c.count == 4);
  free(t);
}

TEST(two_byte_word_is_cut_at_characters) {
  /* the splitter skips runs of such characters at once; cuts still fall between them */
  size_t len = 2 * 5000 + 1;
  char *t = make_words(len, "\xc3\xa9");
  static collected c;
  CHECK(t != NULL);
  if (!t) return;
  split(&c, t, len);
  CHECK(!c.broken);
  CHECK(c.count == 3);
  free(t);
}

TEST(characters_inside_words) {
  /* no-break space, guillemets and quotes inside a word still count */
  CHECK_STR(sentences("He left.\xc2\xa0The end."), "He left.|The end.");
  CHECK_STR(sentences("Caf\xc3\xa9s close. Bars open."), "Caf\xc3\xa9s close.|Bars open.");
  CHECK_STR(sentences("He said \xc2\xabno.\xc2\xbb Then left."),
            "He said \xc2\xabno.\xc2\xbb|Then left.");
  CHECK_STR(sentences("It (a test.) ran. Then stopped."), "It (a test.) ran.|Then stopped.");
}

TEST(word_lists) {
  CHECK(pc_abbrev_tables_sorted());
  CHECK(pc_abbrev_lookup("adm", 3) == PC_ABBREV_PREPOSITIVE); /* first */
  CHECK(pc_abbrev_lookup("YRS", 3) == PC_ABBREV_GENERAL);     /* last, any case */
  CHECK(pc_abbrev_lookup("Messrs", 6) == PC_ABBREV_PREPOSITIVE);
  CHECK(pc_abbrev_lookup("p", 1) == PC_ABBREV_NUMBER);
  CHECK(pc_abbrev_lookup("n\xc2\xb0", 3) == PC_ABBREV_NUMBER);
  CHECK(pc_abbrev_lookup("pp", 2) == PC_ABBREV_NUMBER);
  CHECK(pc_abbrev_lookup("ppp", 3) == PC_ABBREV_NONE);
  CHECK(pc_abbrev_lookup("", 0) == PC_ABBREV_NONE);
  CHECK(pc_abbrev_lookup("thursday", 8) == PC_ABBREV_NONE);
  CHECK(pc_abbrev_is_sentence_starter("A", 1));
  CHECK(pc_abbrev_is_sentence_starter("You", 3));
  CHECK(!pc_abbrev_is_sentence_starter("the", 3));
  CHECK(!pc_abbrev_is_sentence_starter(NULL, 0));
  CHECK(pc_abbrev_continues_time("AEST", 4));
  CHECK(pc_abbrev_continues_time("Z", 1));
  CHECK(!pc_abbrev_continues_time("Zulu", 4));
}

TEST(megabyte_without_punctuation) {
  size_t len = (size_t)1 << 20;
  char *t = make_words(len, "lorem ipsum dolor sit amet ");
  static collected c;
  CHECK(t != NULL);
  if (!t) return;
  clock_t t0 = clock();
  split(&c, t, len);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  CHECK(!c.broken);
  CHECK(c.count >= len / PRECIS_MAX_SENTENCE_BYTES);
  CHECK(c.count <= 2 * (len / PRECIS_MAX_SENTENCE_BYTES) + 1);
  CHECK(secs < 2.0);
  free(t);
}

TEST(ten_megabytes_of_one_character) {
  size_t len = (size_t)10 << 20;
  static collected c;
  const char *fills[] = {"x", ".", " ", "(", ")", "\"", "'", "1. ", ". ", "\xe2\x80\xa6"};
  for (size_t k = 0; k < sizeof fills / sizeof fills[0]; k++) {
    char *t = make_words(len, fills[k]);
    CHECK(t != NULL);
    if (!t) return;
    split(&c, t, len);
    CHECK(!c.broken);
    free(t);
  }
}

TEST(deep_nesting) {
  size_t depth = 100000, len = 2 * depth + 64;
  char *t = malloc(len + 1);
  static collected c;
  CHECK(t != NULL);
  if (!t) return;
  size_t n = 0;
  for (size_t i = 0; i < depth; i++) t[n++] = '(';
  memcpy(t + n, "Inside. Still inside. ", 22);
  n += 22;
  for (size_t i = 0; i < depth; i++) t[n++] = ')';
  memcpy(t + n, " After. End.", 12);
  n += 12;
  split(&c, t, n);
  CHECK(!c.broken);
  CHECK(c.count >= 2);
  /* just over the limit: the outer brackets still work */
  n = 0;
  for (size_t i = 0; i < PRECIS_MAX_NESTING + 5; i++) t[n++] = '[';
  memcpy(t + n, "One. Two.", 9);
  n += 9;
  for (size_t i = 0; i < PRECIS_MAX_NESTING + 5; i++) t[n++] = ']';
  memcpy(t + n, " Three.", 7);
  n += 7;
  split(&c, t, n);
  CHECK(!c.broken);
  CHECK(c.count == 2);
  /* only openers: held ends are reported anyway */
  n = 0;
  for (size_t i = 0; i < 1000; i++) {
    memcpy(t + n, "(A b. ", 6);
    n += 6;
  }
  split(&c, t, n);
  CHECK(!c.broken);
  CHECK(c.count == 1000);
  free(t);
}

TEST(nul_and_invalid_bytes) {
  static const char t1[] = "Hello\0world. Next \xff\xfe sentence. \xc3 Broken\x80. End \xf0\x9f";
  static collected c;
  split(&c, t1, sizeof t1 - 1);
  CHECK(!c.broken);
  CHECK(c.count == 4);
  /* every byte value, every position */
  char t[512];
  for (size_t i = 0; i < sizeof t; i++) t[i] = (char)(i * 7 % 256);
  for (size_t cut = 0; cut <= sizeof t; cut += 13) {
    split(&c, t, cut);
    CHECK(!c.broken);
  }
  /* U+FFFD and surrogates encoded in UTF-8 */
  CHECK_STR(sentences("Bad \xef\xbf\xbd here. And \xed\xa0\x80 there."),
            "Bad \xef\xbf\xbd here.|And \xed\xa0\x80 there.");
}

/* The splitter skips plain words and ASCII whitespace in bulk; the word
 * state the rules read (words so far, capitalised words) must come out as
 * if it went character by character. */
TEST(words_read_in_bulk) {
  CHECK_STR(sentences("He lives on Main St. The house is old."),
            "He lives on Main St.|The house is old.");
  CHECK_STR(sentences("He lives on Main\n\tSt.  The house is old."),
            "He lives on Main\n\tSt.|The house is old.");
  CHECK_STR(sentences("At 5 a.m. Mr. Smith left."), "At 5 a.m. Mr. Smith left.");
  CHECK_STR(sentences("He  left   the bank at 6 P.M. Mr. Smith stayed."),
            "He  left   the bank at 6 P.M.|Mr. Smith stayed.");
  CHECK_STR(sentences("Steps: 1. Mix the flour 2. Bake it well"),
            "Steps: 1.|Mix the flour 2.|Bake it well");
  CHECK_STR(sentences("We saw 12 cats. 3 of them ran."), "We saw 12 cats.|3 of them ran.");
  CHECK_STR(sentences("Jonas E. Smith came. Albert I. Jones too."),
            "Jonas E. Smith came.|Albert I. Jones too.");
  CHECK_STR(sentences("word x-ray $5 #tag . The end"), "word x-ray $5 #tag .|The end");
  CHECK_STR(sentences("one\xc2\xa0two. Three \xc3\xa9t\xc3\xa9 four. Five"),
            "one\xc2\xa0two.|Three \xc3\xa9t\xc3\xa9 four.|Five");
}

/* The splitter reads plain text in blocks that start where a plain run
 * starts: moving the text against them (a longer first word) changes no
 * sentence. */
TEST(block_alignment_does_not_matter) {
  static const char *const texts[] = {
      "He said it's done. Dr. Smith's car, a U.S. model, costs 3.5 million. It ran.",
      "Options are a. red and b. blue. Pick one. We saw 12 cats. 3 of them ran away.",
      "Jonas E. Smith came. Albert I. Jones too. Then \"you and I. Did it?\" she asked.",
      "Main St. The house. A St. Michael's day. He left the bank at 6 P.M. Mr. Smith stayed.",
      "Caf\xc3\xa9 au lait co\xc3\xbbte \xe2\x82\xac\x33. It\xe2\x80\x99s fine\xc2\xa0here. Ok.",
      "At 5 a.m. Mr. Smith left (see p. 4). The end... Is it? Yes! No\xe2\x80\xa6 Maybe.",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa. bbbb cccc dddd eeee. 7. Next 8. Last",
  };
  static char buf[512], first[16384];
  for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
    size_t n = strlen(texts[t]);
    for (size_t k = 0; k < 70; k++) {
      memcpy(buf, "Word", 4);
      memset(buf + 4, 'x', k);
      buf[4 + k] = ' ';
      memcpy(buf + 5 + k, texts[t], n + 1);
      const char *got = sentences(buf) + 5 + k; /* the text after the first word */
      if (k == 0)
        snprintf(first, sizeof first, "%s", got);
      else
        CHECK_STR(got, first);
    }
  }
}

/* A textmap cursor answers as the plain lookups do, in any order. */
TEST(textmap_cursor_matches_lookups) {
  pc_alloc a;
  pc_alloc_init(&a, NULL);
  pc_textmap m = {0};
  static const char src[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  int rc = 0;
  rc |= pc_textmap_copy(&a, &m, src, 0, 3);
  rc |= pc_textmap_replace(&a, &m, 3, 2, "", 0);
  rc |= pc_textmap_replace(&a, &m, 5, 0, "X", 1);
  rc |= pc_textmap_copy(&a, &m, src, 5, 4);
  rc |= pc_textmap_substitute(&a, &m, 9, " ", 1);
  rc |= pc_textmap_copy(&a, &m, src, 10, 2);
  rc |= pc_textmap_replace(&a, &m, 12, 3, "YZ", 2);
  for (size_t k = 0; k < 30; k++) rc |= pc_textmap_replace(&a, &m, 15 + k / 3, k % 3 == 0, "Q", k % 2);
  rc |= pc_textmap_copy(&a, &m, src, 25, 10);
  CHECK(rc == 0);
  size_t n = m.out.len;
  pc_textmap_cursor c;
  pc_textmap_cursor_init(&c, &m);
  for (size_t o = 0; o <= n; o++) {
    CHECK(pc_textmap_cursor_src_start(&c, o) == pc_textmap_src_start(&m, o));
    CHECK(pc_textmap_cursor_src_end(&c, o) == pc_textmap_src_end(&m, o));
  }
  uint32_t r = 12345;
  for (int k = 0; k < 2000; k++) {
    r = r * 1103515245u + 12345u;
    size_t o = (r >> 8) % (n + 1);
    CHECK(pc_textmap_cursor_src_start(&c, o) == pc_textmap_src_start(&m, o));
    CHECK(pc_textmap_cursor_src_end(&c, o) == pc_textmap_src_end(&m, o));
  }
  for (int k = 0; k < 2000; k++) {
    r = r * 1103515245u + 12345u;
    size_t o = (r >> 8) % n, e = o + 1 + (r >> 20) % (n - o), rs, re;
    pc_textmap_cursor_src_range(&c, o, e, &rs, &re);
    CHECK(rs == pc_textmap_src_start(&m, o));
    CHECK(re == pc_textmap_src_end(&m, e));
  }
  pc_textmap_free(&a, &m);
  pc_textmap empty = {0};
  pc_textmap_cursor_init(&c, &empty);
  CHECK(pc_textmap_cursor_src_start(&c, 0) == pc_textmap_src_start(&empty, 0));
  CHECK(pc_textmap_cursor_src_end(&c, 3) == pc_textmap_src_end(&empty, 3));
}

/* Found by fuzzing: a sentence end held inside an unmatched bracket, then a
 * terminator outside it, made two sentences overlap. Held ends that no open
 * bracket still holds belong to the sentence that ends. */
TEST(held_end_without_open_bracket) {
  static const char text[] =
      "\xc2\xab\xe2\x80\x98\xc2\xab\xc2\xab\xe2\x80\x98\x20\xc2\xab\xe2"
      "\x80\x98\x54\xc2\xab\xc2\xab\xc2\xab\xc2\xab\xc2\xab\xe2\x80\x98"
      "\x20\xc2\xab\xe2\x80\x98\xc2\xab\xc2\xab\xe2\x80\x98\xc2\xab\xc2"
      "\xab\xc2\xab\xc2\xab\xc2\xab\xc2\xab\xe2\x80\x98\xc2\xab\x2a\xc2"
      "\xab\xe2\x80\x98\xc2\xab\xc2\xab\xc2\xab\xc2\xab\xc2\xab\xe2\x80"
      "\x98\xc2\xab\x32\xe2\x80\x98\xc2\xab\xc2\xab\xe2\x80\x98\xc2\xab"
      "\xc2\xab\xe2\x80\x98\xc2\xab\xc2\xab\xc2\xab\xe2\x80\x98\xc2\xab"
      "\xc2\xab\xe2\x80\x98\xc2\xab\xc2\xab\xe2\x80\x98\xc2\xab\xc2\xab"
      "\xe2\x80\x98\xc2\xab\xc2\xab\xc2\xab\x20\xc2\xab\x22\x69\xc2\xab"
      "\xe2\x80\x98\xc2\xab\xc2\xab\x03\x20\x98\xc2\xab\x3f\xe2\x80\x80"
      "\x5d\xff\x3f\xe2\x80\x82\x50";
  static collected c;
  split(&c, text, sizeof text - 1);
  CHECK(!c.broken);
  CHECK(c.count >= 1);
}

int main(void) {
  RUN(golden_rules);
  RUN(held_end_without_open_bracket);
  RUN(abbreviations_and_titles);
  RUN(times_of_day);
  RUN(numbers_and_addresses);
  RUN(quotes_and_brackets);
  RUN(other_scripts);
  RUN(trimming_and_empty);
  RUN(callback_stops);
  RUN(long_sentence_is_cut_at_spaces);
  RUN(long_word_is_cut_at_characters);
  RUN(two_byte_word_is_cut_at_characters);
  RUN(characters_inside_words);
  RUN(word_lists);
  RUN(megabyte_without_punctuation);
  RUN(ten_megabytes_of_one_character);
  RUN(deep_nesting);
  RUN(nul_and_invalid_bytes);
  RUN(words_read_in_bulk);
  RUN(block_alignment_does_not_matter);
  RUN(textmap_cursor_matches_lookups);
  return harness_done("segment");
}
