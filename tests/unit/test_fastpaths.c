/* The fast paths agree with the plain definitions: the outlet name index
 * with the table search, a same-length substitution with a replacement in
 * the offset map, the word-at-a-time width and the capped word count with
 * byte loops, and the attribution scan's token window with a scan of the
 * whole text (attributions found however far a document runs, and across
 * long runs of auxiliaries and adjectives), and the skim's leaving out of
 * chunks that cannot cite with the words each construction needs. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "doc.h"
#include "harness.h"
#include "precis.h"
#include "base/textmap.h"
#include "base/ucd_shortcuts.h"
#include "read/lines.h"
#include "sources/outlets.h"

TEST(outlet_index_finds_what_the_tables_find) {
  static const char *const names[] = {
      "Reuters", "reuters", "the New York Times", "THE NEW YORK TIMES", "New  York\nTimes",
      "NY Post", "The Guardian", "Guardian", "Al-Jazeera", "Al Jazeera English", "Twitter",
      "X", "x", "Fox", "Times", "Sun", "Sky", "Beijing", "Trump", "", " ", "the", "The ",
      "Kyiv Independent", "Radio Free Europe/Radio Liberty", "RFE/RL", "Voice of America",
      "Daily Mail", "MailOnline", "Truth Social", "E! News", "ABC News (Australia)",
      "Le Monde", "Der Spiegel", "Spiegel", "South China Morning Post", "Yahoo",
      "Hollywood\xE2\x80\x99s Reporter", "Reuters news agency", "Wall Street Journal"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    size_t n = strlen(names[i]);
    CHECK(pc_outlet_index_find(names[i], n) == pc_outlet_by_name(names[i], n));
  }
  CHECK_STR(pc_outlet_index_find("the New York Times", 18)->name, "The New York Times");
  CHECK(pc_outlet_index_find("Beijing", 7) == NULL);
}

TEST(substitution_maps_like_a_replacement) {
  const char *src = "one line\nnext line\nlast";
  pc_alloc mem;
  pc_alloc_init(&mem, NULL);
  pc_textmap a, b;
  memset(&a, 0, sizeof a);
  memset(&b, 0, sizeof b);
  CHECK(pc_textmap_copy(&mem, &a, src, 0, 8) == 0);
  CHECK(pc_textmap_replace(&mem, &a, 8, 1, " ", 1) == 0);
  CHECK(pc_textmap_copy(&mem, &a, src, 9, 9) == 0);
  CHECK(pc_textmap_replace(&mem, &a, 18, 1, " ", 1) == 0);
  CHECK(pc_textmap_copy(&mem, &a, src, 19, 4) == 0);
  CHECK(pc_textmap_copy(&mem, &b, src, 0, 8) == 0);
  CHECK(pc_textmap_substitute(&mem, &b, 8, " ", 1) == 0);
  CHECK(pc_textmap_copy(&mem, &b, src, 9, 9) == 0);
  CHECK(pc_textmap_substitute(&mem, &b, 18, " ", 1) == 0);
  CHECK(pc_textmap_copy(&mem, &b, src, 19, 4) == 0);
  CHECK_STR(b.out.data, "one line next line last");
  CHECK_STR(a.out.data, b.out.data);
  CHECK(b.runs.len == 1);
  for (size_t i = 0; i <= a.out.len; i++) {
    CHECK(pc_textmap_src_start(&a, i) == pc_textmap_src_start(&b, i));
    CHECK(pc_textmap_src_end(&a, i) == pc_textmap_src_end(&b, i));
  }
  pc_textmap_free(&mem, &a);
  pc_textmap_free(&mem, &b);
}

static size_t naive_width(const char *t, size_t s, size_t e) {
  size_t w = 0;
  for (size_t i = s; i < e; i++)
    if (((unsigned char)t[i] & 0xC0) != 0x80) w++;
  return w;
}

TEST(width_and_capped_words_match_byte_loops) {
  char buf[64];
  unsigned seed = 7;
  for (int round = 0; round < 2000; round++) {
    for (size_t i = 0; i < sizeof buf; i++) {
      seed = seed * 1103515245u + 12345u;
      static const char pool[] = {'a', ' ', 'Z', '\n', (char)0xC3, (char)0xA9, (char)0xE2,
                                  (char)0x80, (char)0x94, '.', (char)0xBF, '\t'};
      buf[i] = pool[(seed >> 16) % sizeof pool];
    }
    size_t s = (size_t)(round % 9), e = s + (size_t)(round % 50);
    CHECK(pc_text_width(buf, s, e) == naive_width(buf, s, e));
    size_t words = pc_text_words(buf, s, e);
    for (size_t cap = 0; cap < 12; cap++)
      CHECK(pc_text_words_upto(buf, s, e, cap) == (words < cap ? words : cap));
  }
}

/* Appends `s` to a growing buffer. */
static void put(char **buf, size_t *len, size_t *cap, const char *s) {
  size_t n = strlen(s);
  while (*len + n + 1 > *cap) {
    *cap = *cap ? *cap * 2 : 4096;
    *buf = realloc(*buf, *cap);
  }
  memcpy(*buf + *len, s, n + 1);
  *len += n;
}

static const precis_source *source_named(const precis_result *r, const char *name) {
  for (size_t i = 0; r && i < r->n_sources; i++)
    if (strcmp(r->sources[i].name, name) == 0) return &r->sources[i];
  return NULL;
}

TEST(attributions_found_across_a_long_document) {
  char *text = NULL;
  size_t len = 0, cap = 0, reuters = 0, bbc = 0;
  /* Paragraphs of 9 sentences, then paragraphs longer than a tokenized piece. */
  for (int para = 0; para < 460; para++) {
    int sentences = para < 400 ? 9 : 450;
    for (int k = 0; k < sentences; k++) {
      put(&text, &len, &cap, "The committee met on Tuesday to discuss it. ");
      if (para >= 400 && k % 101 == 7) {
        put(&text, &len, &cap, "Reuters has previously reported it. ");
        reuters++;
      }
    }
    if (para % 37 == 5) {
      put(&text, &len, &cap, "Reuters has");
      for (int k = 0; k < 45; k++) put(&text, &len, &cap, " also");
      put(&text, &len, &cap, " reported that the plan failed. ");
      reuters++;
    }
    if (para % 41 == 11) {
      put(&text, &len, &cap, "According to a");
      for (int k = 0; k < 90; k++) put(&text, &len, &cap, " new");
      put(&text, &len, &cap, " report by the BBC, the plan failed. ");
      bbc++;
    }
    put(&text, &len, &cap, "\n\n");
  }
  precis *p = precis_new(NULL);
  precis_result *r = NULL;
  CHECK(precis_analyze(p, text, len, &r) == PRECIS_OK);
  const precis_source *s = source_named(r, "Reuters");
  CHECK(s && s->n_mentions == reuters);
  s = source_named(r, "BBC");
  CHECK(s && s->n_mentions == bbc);
  precis_result_free(r);
  precis_free(p);
  free(text);
}

/* The skim leaves out chunks with no capital or with no word a name it
 * could emit needs; each construction's word keeps its chunk. */
TEST(attributions_kept_by_the_words_they_need) {
  static const struct {
    const char *text, *name;
  } cases[] = {
      {"The plan was reported by John Smith on Monday.", "John Smith"},
      {"In an interview with Jane Doe, the minister spoke.", "Jane Doe"},
      {"She told British journalist Piers Morgan that it failed.", "Piers Morgan"},
      {"He told the German newspaper Bild that it failed.", "Bild"},
      {"The figures were wrong, the Springfield Times reported.", "Springfield Times"},
      {"Reuters reported that the talks stalled.", "Reuters"},
      {"The president posted on Truth Social that it failed.", "Truth Social"},
      {"It was first published in the New York Times on Monday.", "The New York Times"},
      {"The claim was quoted by the Al-Jazeera network.", "Al Jazeera"}};
  precis *p = precis_new(NULL);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    precis_result *r = NULL;
    CHECK(precis_analyze(p, cases[i].text, strlen(cases[i].text), &r) == PRECIS_OK);
    CHECK(source_named(r, cases[i].name) != NULL);
    precis_result_free(r);
  }
  precis_free(p);
}

TEST(one_endless_word_is_no_trouble) {
  size_t len = 3u << 20;
  char *text = malloc(len);
  memset(text, 'a', len);
  memcpy(text, "Reuters reported ", 17);
  precis *p = precis_new(NULL);
  precis_result *r = NULL;
  precis_status st = precis_analyze(p, text, len, &r);
  CHECK(st == PRECIS_OK);
  precis_result_free(r);
  precis_free(p);
  free(text);
}

/* The collapsed text of t[0, n) the plain way: whitespace runs (ASCII or
 * Unicode Z*) become one space, none at either end; words are runs of
 * non-space holding a letter, digit or mark. */
static size_t naive_collapse(const char *t, size_t n, char *out, size_t *words) {
  size_t len = 0, i = 0;
  int pending = 0, in_word = 0;
  *words = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t got = utf8proc_iterate((const utf8proc_uint8_t *)t + i,
                                            (utf8proc_ssize_t)(n - i), &cp);
    if (got <= 0) { cp = 0xFFFD; got = 1; }
    utf8proc_category_t c = cp < 0x80 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
    int space = (cp < 0x80 && strchr(" \t\n\r\f\v", (int)cp) && cp != 0) ||
                c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
    if (space) {
      pending = 1;
      in_word = 0;
    } else {
      if (pending && len > 0 && out[len - 1] != '\0') out[len++] = ' ';
      pending = 0;
      int word = cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9')
                           : (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
                                 c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_MN;
      if (word && !in_word) { (*words)++; in_word = 1; }
      memcpy(out + len, t + i, (size_t)got);
      len += (size_t)got;
    }
    i += (size_t)got;
  }
  return len;
}

/* Every sentence text, whether recorded as a reference into the prose or
 * copied, is its prose collapsed, with the same word count. */
static void check_sentence_texts(const pc_doc *d) {
  static char want[1 << 16];
  for (size_t k = 0; k < d->sentences.len; k++) {
    const pc_sentence *s = &PC_VEC_AT(d->sentences, pc_sentence, k);
    size_t n = s->prose_end - s->prose_start, words;
    if (n > sizeof want) continue;
    size_t len = naive_collapse(d->prose.out.data + s->prose_start, n, want, &words);
    CHECK(s->text_len == len);
    CHECK(s->n_words == words);
    CHECK(s->text_len == len && memcmp(pc_sentence_text(d, s), want, len) == 0);
    if (s->text_in_prose) CHECK(s->text_off == s->prose_start);
  }
}

TEST(collapsed_texts_match_a_plain_copy) {
  static const char *const pool[] = {
      "word", "Word", "9/11", "U.S.", " ", " ", " ", "  ", "\t", "\n", "\xC2\xA0",
      "\xE2\x80\x94", " - ", "(", ")", "\"", "--", ",", "caf\xC3\xA9", "\xE2\x80\x9Cq\xE2\x80\x9D",
      "\xBF", "\xCC\x81", "x", "longerwordhere", "a,b", ". ", ". ", "! ", "\xE3\x80\x80"};
  static char text[4096];
  unsigned seed = 11;
  for (int round = 0; round < 400; round++) {
    size_t len = 0, pieces = 20 + (size_t)(round % 120);
    for (size_t i = 0; i < pieces; i++) {
      seed = seed * 1103515245u + 12345u;
      const char *piece = pool[(seed >> 16) % (sizeof pool / sizeof pool[0])];
      /* mostly plain words and single spaces, as in news text */
      if ((seed >> 8) % 3 != 0) piece = (i % 2) ? " " : "word";
      size_t n = strlen(piece);
      if (len + n >= sizeof text) break;
      memcpy(text + len, piece, n);
      len += n;
    }
    precis_options opts;
    precis_options_init(&opts);
    pc_alloc mem;
    pc_alloc_init(&mem, NULL);
    char err[128];
    pc_doc d;
    pc_doc_init(&d, &mem, &opts, NULL, text, len, err, sizeof err);
    if (pc_repair(&d) == PRECIS_OK && pc_layout(&d) == PRECIS_OK && pc_segment_doc(&d) == PRECIS_OK) {
      check_sentence_texts(&d);
      pc_doc_share_sentence_texts(&d);
      check_sentence_texts(&d);
    }
    pc_doc_free(&d);
  }
}

TEST(unicode_shortcuts_agree_with_utf8proc) {
  for (int32_t cp = 0; cp <= 0x10FFFF; cp++) {
    utf8proc_category_t cat = utf8proc_category(cp);
    int space = cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
                cat == UTF8PROC_CATEGORY_ZP;
    if (space && !pc_ucd_may_be_space(cp)) {
      CHECK(pc_ucd_may_be_space(cp)); /* a space the shortcut turns away */
      return;
    }
  }
  for (int32_t cp = PC_UCD_PUNCT_FIRST; cp <= PC_UCD_PUNCT_LAST; cp++) {
    utf8proc_category_t cat = utf8proc_category(cp);
    CHECK(cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO);
  }
  CHECK(utf8proc_category(PC_UCD_POUND) == UTF8PROC_CATEGORY_SC);
  CHECK(!pc_ucd_may_be_space('-') && pc_ucd_may_be_space(0x3000));
}

int main(void) {
  RUN(outlet_index_finds_what_the_tables_find);
  RUN(unicode_shortcuts_agree_with_utf8proc);
  RUN(substitution_maps_like_a_replacement);
  RUN(width_and_capped_words_match_byte_loops);
  RUN(attributions_found_across_a_long_document);
  RUN(attributions_kept_by_the_words_they_need);
  RUN(one_endless_word_is_no_trouble);
  RUN(collapsed_texts_match_a_plain_copy);
  return harness_done("fastpaths");
}
