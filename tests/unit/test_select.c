/* Unit tests of the selection stage: budgets (sentences, ratio, words),
 * redundancy control, the digest past the lede, document order and
 * determinism. */
#include <stdint.h>

#include "harness.h"
#include "precis.h"
#include "score/coverage.h"
#include "score/lexicon.h"
#include "select/mmr.h"

static const char story[] =
    "The city council approved a new budget of $2 billion on Monday after a long debate.\n\n"
    "The city council approved the new budget of $2 billion on Monday after the long debate.\n\n"
    "Mayor Ana Lopez said the plan would hire 300 teachers and repair 40 schools.\n\n"
    "Opponents argued that property taxes would rise by 5 percent next year.\n\n"
    "The vote was 7 to 4, with two members absent from the chamber.\n\n"
    "Construction on the first schools is expected to begin in the spring.\n\n"
    "Residents can comment on the plan at public meetings in every district.\n\n"
    "The budget also funds new buses, wider bike lanes and longer library hours.\n";

static precis_result *summarize(size_t n, double ratio, size_t words, int analyze) {
  precis_options o;
  precis_options_init(&o);
  o.max_sentences = n;
  o.ratio = ratio;
  o.max_words = words;
  precis *p = precis_new(&o);
  precis_result *r = NULL;
  precis_status st = analyze ? precis_analyze(p, story, sizeof story - 1, &r)
                             : precis_summarize(p, story, sizeof story - 1, &r);
  CHECK(st == PRECIS_OK);
  precis_free(p);
  return r;
}

static size_t count_with(const precis_result *r, const char *needle) {
  size_t k = 0;
  for (size_t i = 0; i < r->n_sentences; i++)
    if (r->sentences[i].selected && strstr(r->sentences[i].text, needle)) k++;
  return k;
}

TEST(near_duplicates_not_both_chosen) {
  precis_result *r = summarize(3, 0, 0, 0);
  if (!r) return;
  CHECK(r->n_sentences == 3);
  CHECK(count_with(r, "city council approved") == 1);
  precis_result_free(r);
}

TEST(budget_sentences) {
  for (size_t n = 1; n <= 8; n++) {
    precis_result *r = summarize(n, 0, 0, 0);
    if (!r) return;
    /* 8 sentences, one a near-duplicate: at most 7 can be chosen. */
    CHECK(r->n_sentences == (n < 7 ? n : 7));
    precis_result_free(r);
  }
}

TEST(budget_ratio) {
  precis_result *r = summarize(0, 0.25, 0, 0);
  if (!r) return;
  CHECK(r->n_sentences == 2); /* ceil(0.25 * 8) */
  precis_result_free(r);
  r = summarize(0, 0.01, 0, 0);
  if (!r) return;
  CHECK(r->n_sentences == 1); /* never empty */
  precis_result_free(r);
}

TEST(budget_words) {
  precis_result *r = summarize(0, 0, 30, 0);
  if (!r) return;
  size_t total = 0;
  for (size_t i = 0; i < r->n_sentences; i++) {
    size_t w = 0;
    int in = 0;
    for (const char *c = r->sentences[i].text; *c; c++) {
      int word = *c != ' ';
      if (word && !in) w++;
      in = word;
    }
    total += w;
  }
  CHECK(r->n_sentences >= 1 && total <= 30);
  precis_result_free(r);
  r = summarize(0, 0, 3, 0);
  if (!r) return;
  CHECK(r->n_sentences == 1); /* nothing fits: the best sentence alone */
  precis_result_free(r);
}

/* Room left in a word budget is not filled with a sentence the penalty
 * sank: "Why?" fits the last word of the budget but is worse than nothing. */
TEST(word_budget_not_filled_with_sunk_sentence) {
  static const char text[] =
      "Heavy rain flooded the river town of Alder on Monday night.\n\n"
      "Residents woke to water in their streets and cellars.\n\n"
      "Why?\n\n"
      "The mayor opened the school gym as a shelter for families.\n";
  precis_options o;
  precis_options_init(&o);
  o.max_words = 21; /* the first two (20 words) and one word of room */
  precis *p = precis_new(&o);
  precis_result *r = NULL;
  CHECK(precis_summarize(p, text, sizeof text - 1, &r) == PRECIS_OK);
  precis_free(p);
  if (!r) return;
  CHECK(r->n_sentences == 2);
  for (size_t i = 0; i < r->n_sentences; i++) CHECK(strcmp(r->sentences[i].text, "Why?") != 0);
  precis_result_free(r);
}

/* Past the lede (PC_LEDE_SENTENCES picks) the summary is a digest: the
 * late sentence that restates the whole story is the next pick, although
 * early sentences score higher by position and it repeats the lede's
 * words. */
static const char long_story[] =
    "Heavy rain flooded the river town of Alder on Monday night.\n\n"
    "Residents woke to water in their streets and cellars.\n\n"
    "The mayor opened the school gym as a shelter for families.\n\n"
    "A local bakery handed out bread and coffee to volunteers.\n\n"
    "The river rose two metres above its usual level by dawn.\n\n"
    "Engineers checked the old stone bridge for cracks.\n\n"
    "Farmers upstream moved their cattle to higher fields.\n\n"
    "Power failed in the east of the town for six hours.\n\n"
    "A choir concert planned for Friday was postponed.\n\n"
    "Insurance assessors are expected to arrive next week.\n\n"
    "Shop owners swept mud from their floors on Tuesday.\n\n"
    "The regional weather office had warned of storms.\n\n"
    "Children collected toys for families who lost their homes.\n\n"
    "Some roads to the north remain closed to traffic.\n\n"
    "The flood in Alder left the river town, its streets, cellars and homes under water, "
    "and families in the shelter after the rain.\n\n"
    "A fundraising page has collected donations from abroad.\n\n"
    "The town library will reopen once the carpets dry.\n\n"
    "Volunteers from nearby villages brought pumps and sandbags.\n\n"
    "Officials plan a public meeting about flood defences.\n\n"
    "Church bells rang on Wednesday to thank the rescuers.\n";

static int picks_restatement(size_t n) {
  precis_options o;
  precis_options_init(&o);
  o.max_sentences = n;
  precis *p = precis_new(&o);
  precis_result *r = NULL;
  CHECK(precis_summarize(p, long_story, sizeof long_story - 1, &r) == PRECIS_OK);
  precis_free(p);
  if (!r) return -1;
  CHECK(r->n_sentences == n);
  int found = 0;
  for (size_t i = 0; i < r->n_sentences; i++) {
    if (i < PC_LEDE_SENTENCES) CHECK(r->sentences[i].index == i); /* the lede */
    if (strncmp(r->sentences[i].text, "The flood in Alder", 18) == 0) found = 1;
  }
  precis_result_free(r);
  return found;
}

TEST(digest_past_the_lede) {
  CHECK(picks_restatement(PC_LEDE_SENTENCES) == 0);
  CHECK(picks_restatement(PC_LEDE_SENTENCES + 1) == 1);
}

TEST(document_order_and_determinism) {
  precis_result *a = summarize(4, 0, 0, 0), *b = summarize(4, 0, 0, 0);
  if (!a || !b) return;
  CHECK(a->n_sentences == b->n_sentences);
  for (size_t i = 0; i < a->n_sentences; i++) {
    if (i > 0) CHECK(a->sentences[i].index > a->sentences[i - 1].index);
    CHECK(a->sentences[i].index == b->sentences[i].index);
    CHECK(a->sentences[i].score == b->sentences[i].score);
  }
  precis_result_free(a);
  precis_result_free(b);
}

TEST(analyze_marks_the_same_summary) {
  precis_result *s = summarize(3, 0, 0, 0), *a = summarize(3, 0, 0, 1);
  if (!s || !a) return;
  size_t k = 0;
  for (size_t i = 0; i < a->n_sentences; i++) {
    if (!a->sentences[i].selected) continue;
    CHECK(k < s->n_sentences && s->sentences[k].index == a->sentences[i].index);
    k++;
  }
  CHECK(k == s->n_sentences);
  precis_result_free(s);
  precis_result_free(a);
}

TEST(similarity) {
  uint64_t a[] = {1, 2, 3, 4}, b[] = {1, 2, 3, 4}, c[] = {5, 6}, d[] = {2, 4, 9};
  CHECK(pc_stem_similarity(a, 4, b, 4) > 0.999);
  CHECK(pc_stem_similarity(a, 4, c, 2) == 0);
  CHECK(pc_stem_similarity(a, 4, d, 3) > 0.5 && pc_stem_similarity(a, 4, d, 3) < 0.6);
  CHECK(pc_stem_similarity(a, 0, b, 4) == 0);
}

/* A sentence without content words gives no stems (and must not hand a
 * NULL array to qsort); the stems already collected stay as they were. */
TEST(stems_of_stop_words_only) {
  pc_alloc mem;
  pc_alloc_init(&mem, NULL);
  pc_lexicon lex;
  CHECK(pc_lexicon_init(&lex, &mem) == 0);
  pc_vec tokens = {NULL, 0, 0}, stems = {NULL, 0, 0};
  static const char empty[] = "It is what it was, and so on.";
  CHECK(pc_sentence_stems(&mem, &lex, empty, sizeof empty - 1, &tokens, &stems) == 0);
  CHECK(stems.len == 0);
  static const char some[] = "Rescue teams rescued families.";
  CHECK(pc_sentence_stems(&mem, &lex, some, sizeof some - 1, &tokens, &stems) == 0);
  size_t n = stems.len;
  CHECK(n == 3); /* "rescue"/"rescued" share a stem */
  CHECK(pc_sentence_stems(&mem, &lex, empty, sizeof empty - 1, &tokens, &stems) == 0);
  CHECK(stems.len == n);
  pc_vec_free(&mem, &tokens);
  pc_vec_free(&mem, &stems);
  pc_lexicon_free(&lex);
}

/* A ratio budget on a long document goes through the linear path. */
TEST(large_ratio_budget) {
  size_t reps = 400, len = 0;
  static const char line[] = "Sentence number %zu reports that item %zu costs %zu dollars today.\n\n";
  char *text = malloc(reps * 96);
  if (!text) return;
  for (size_t i = 0; i < reps; i++)
    len += (size_t)sprintf(text + len, line, i, i * 7, i * 13);
  precis_options o;
  precis_options_init(&o);
  o.ratio = 0.9;
  precis *p = precis_new(&o);
  precis_result *r = NULL;
  CHECK(precis_summarize(p, text, len, &r) == PRECIS_OK);
  if (r) {
    CHECK(r->n_sentences == 360);
    for (size_t i = 1; i < r->n_sentences; i++)
      CHECK(r->sentences[i].index > r->sentences[i - 1].index);
  }
  precis_result_free(r);
  precis_free(p);
  free(text);
}

int main(void) {
  RUN(near_duplicates_not_both_chosen);
  RUN(budget_sentences);
  RUN(budget_ratio);
  RUN(budget_words);
  RUN(word_budget_not_filled_with_sunk_sentence);
  RUN(digest_past_the_lede);
  RUN(document_order_and_determinism);
  RUN(analyze_marks_the_same_summary);
  RUN(similarity);
  RUN(stems_of_stop_words_only);
  RUN(large_ratio_budget);
  return harness_done("select");
}
