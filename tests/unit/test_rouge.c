/* Unit tests for the evaluation's ROUGE (tools/eval): the Porter stemmer as
 * ROUGE-1.5.5 runs it, ROUGE's tokens, and ROUGE-1/2/L on cases worked out
 * by hand (the arithmetic is in the comments; scores are rounded to 5
 * decimals as ROUGE-1.5.5 rounds them). */
#include <math.h>
#include <string.h>

#include "harness.h"
#include "porter.h"
#include "rouge.h"
#include "tokenize.h"

static const char *stem(const char *word) {
  static char buf[64];
  size_t n = strlen(word);
  memcpy(buf, word, n);
  buf[porter_stem(buf, n)] = '\0';
  return buf;
}

/* Joins the tokens of `text` with spaces. */
typedef struct joined {
  char text[256];
  size_t len;
} joined;

static int join_token(void *ctx, const char *token, size_t len) {
  joined *j = ctx;
  if (j->len + len + 2 > sizeof j->text) return 1;
  if (j->len) j->text[j->len++] = ' ';
  memcpy(j->text + j->len, token, len);
  j->len += len;
  j->text[j->len] = '\0';
  return 0;
}

static const char *tokens(const char *text) {
  static joined j;
  j.len = 0;
  j.text[0] = '\0';
  if (rouge_tokenize(text, strlen(text), join_token, &j) != 0) return NULL;
  return j.text;
}

#define MAX_SENTENCES 8

/* Splits `text` at '|' into sentences and scores. */
static rouge_scores score(const char *candidate, const char *reference) {
  rouge_text cand[MAX_SENTENCES], ref[MAX_SENTENCES];
  size_t n_cand = 0, n_ref = 0;
  const char *texts[2] = {candidate, reference};
  rouge_text *lists[2] = {cand, ref};
  size_t *counts[2] = {&n_cand, &n_ref};
  for (int side = 0; side < 2; side++) {
    const char *p = texts[side];
    while (*p) {
      const char *bar = strchr(p, '|');
      size_t len = bar ? (size_t)(bar - p) : strlen(p);
      lists[side][(*counts[side])++] = (rouge_text){p, len};
      p += len + (bar ? 1 : 0);
    }
  }
  rouge_scores s;
  int rc = rouge_compare(cand, n_cand, ref, n_ref, &s);
  CHECK(rc == ROUGE_OK);
  return s;
}

static int near(double got, double want) { return fabs(got - want) < 1e-9; }

#define CHECK_PRF(prf, p, r, f)                                                   \
  do {                                                                            \
    CHECK(near((prf).precision, p));                                              \
    CHECK(near((prf).recall, r));                                                 \
    CHECK(near((prf).f1, f));                                                     \
  } while (0)

TEST(stems_like_porter) {
  /* The brief's cases and examples from Porter (1980). */
  CHECK_STR(stem("running"), "run");       /* 1b: -ing, double n -> n */
  CHECK_STR(stem("caresses"), "caress");   /* 1a: -sses -> -ss */
  CHECK_STR(stem("ponies"), "poni");       /* 1a: -ies -> -i */
  CHECK_STR(stem("relational"), "relat");  /* 2: -ational -> -ate, 5: -e */
  CHECK_STR(stem("cats"), "cat");
  CHECK_STR(stem("caress"), "caress");
  CHECK_STR(stem("feed"), "feed");         /* -eed with m("f") = 0 */
  CHECK_STR(stem("agreed"), "agre");       /* -eed -> -ee, then 5: -e */
  CHECK_STR(stem("plastered"), "plaster");
  CHECK_STR(stem("bled"), "bled");         /* no vowel in "bl" */
  CHECK_STR(stem("motoring"), "motor");
  CHECK_STR(stem("sing"), "sing");
  CHECK_STR(stem("hopping"), "hop");
  CHECK_STR(stem("hoping"), "hope");       /* *o: h-o-p gets its e back */
  CHECK_STR(stem("falling"), "fall");      /* double l is kept */
  CHECK_STR(stem("sized"), "size");
  CHECK_STR(stem("happy"), "happi");       /* 1c */
  CHECK_STR(stem("sky"), "sky");           /* no vowel before the y */
  CHECK_STR(stem("yelling"), "yell");      /* initial y is a consonant */
  CHECK_STR(stem("vietnamization"), "vietnam");
  CHECK_STR(stem("decisiveness"), "decis");
  CHECK_STR(stem("allowance"), "allow");
  CHECK_STR(stem("adoption"), "adopt");    /* 4: -(s|t)ion */
  CHECK_STR(stem("controlling"), "control");
  CHECK_STR(stem("rate"), "rate");         /* 5: m = 1 and *o keep the e */
  CHECK_STR(stem("cease"), "ceas");
  CHECK_STR(stem("biology"), "biologi");
  CHECK_STR(stem("sensibility"), "sensibl");
  CHECK_STR(stem("ab"), "ab");             /* shorter than 3: untouched */
}

TEST(stems_like_rouge_155_not_like_porter) {
  /* ROUGE-1.5.5's step 4 tries -ment and then -ent after the other suffixes
   * (CYL, 2004). Porter's C reference stops at the first suffix that ends
   * the word and keeps "agreement" (m("agre") = 1), "argument", "fundament". */
  CHECK_STR(stem("agreement"), "agreem");  /* -ent: m("agreem") = 2 */
  CHECK_STR(stem("argument"), "argum");    /* -ment fails, -ent: m = 2 */
  CHECK_STR(stem("fundamental"), "fundam");/* -al, then -ent */
  CHECK_STR(stem("adjustment"), "adjust");
}

TEST(tokens_are_lowercase_alnum_runs_stemmed_above_3_bytes) {
  /* Hyphen, apostrophe, dots and the UTF-8 bytes of "é" all separate. "was"
   * is 3 bytes and so not stemmed (Porter would give "wa"); "this" is 4 and
   * gives "thi"; "coalition" -> "coalit" (4: -tion). */
  CHECK_STR(tokens("U.S.-led Coalition's 3rd caf\xc3\xa9, was this RUNNING?"),
            "u s led coalit s 3rd caf was thi run");
  CHECK_STR(tokens("  ...  "), "");
  CHECK_STR(tokens("has dies"), "has di");
}

TEST(rouge_one_sentence) {
  /* cand: the cat lay on the mat (6 tokens); ref: the cat sat on the mat (6).
   * ROUGE-1 hits: the 2 + cat + on + mat = 5 -> P = R = F = 5/6 = 0.83333.
   * ROUGE-2: ref the-cat cat-sat sat-on on-the the-mat; cand shares the-cat,
   * on-the, the-mat -> 3/5 = 0.6 each.
   * ROUGE-L: LCS "the cat on the mat" = 5 -> 5/6 = 0.83333 each. */
  rouge_scores s = score("The cat lay on the mat.", "The cat sat on the mat.");
  CHECK_PRF(s.rouge1, 0.83333, 0.83333, 0.83333);
  CHECK_PRF(s.rouge2, 0.6, 0.6, 0.6);
  CHECK_PRF(s.rougeL, 0.83333, 0.83333, 0.83333);
}

TEST(rouge_summary_level_lcs) {
  /* Lin (2004), 3.2: r = w1 w2 w3 w4 w5, c1 = w1 w2 w6 w7 w8,
   * c2 = w1 w3 w8 w9 w5. LCS(r, c1) = w1 w2, LCS(r, c2) = w1 w3 w5; union
   * w1 w2 w3 w5 = 4 hits (all within the unigram clip).
   * ROUGE-L: R = 4/5 = 0.8, P = 4/10 = 0.4, F = 2*0.8*0.4/1.2 = 0.53333.
   * ROUGE-1: one (min 1,2) + two + three + five = 4: same 0.4/0.8/0.53333.
   * ROUGE-2 joins the sentences: cand has 9 bigrams (eight-one spans the
   * sentence end), ref 4; only one-two is shared: R = 0.25,
   * P = 1/9 = 0.11111, F = 0.25*0.11111/(0.5*0.25+0.5*0.11111) = 0.15385. */
  rouge_scores s = score("one two six seven eight|one three eight nine five",
                         "one two three four five");
  CHECK_PRF(s.rougeL, 0.4, 0.8, 0.53333);
  CHECK_PRF(s.rouge1, 0.4, 0.8, 0.53333);
  CHECK_PRF(s.rouge2, 0.11111, 0.25, 0.15385);
}

TEST(rouge_lcs_is_clipped_by_unigram_counts) {
  /* ref: "cat dog" twice (4 tokens); cand: "cat dog" once (2 tokens).
   * Reference sentence 1 takes cat and dog; sentence 2 finds the candidate
   * counts used up, so 2 hits, not 4: R = 0.5, P = 1, F = 0.66667.
   * ROUGE-2: ref cat-dog dog-cat cat-dog (3), cand cat-dog: 1 hit,
   * R = 0.33333, P = 1, F = 0.33333/0.66667 = 0.5. */
  rouge_scores s = score("cat dog", "cat dog|cat dog");
  CHECK_PRF(s.rougeL, 1.0, 0.5, 0.66667);
  CHECK_PRF(s.rouge1, 1.0, 0.5, 0.66667);
  CHECK_PRF(s.rouge2, 1.0, 0.33333, 0.5);
}

TEST(rouge_lcs_path_breaks_ties_like_rouge_155) {
  /* ref: alpha beta alpha; cand sentences "alpha" and "alpha beta".
   * On a tie ROUGE-1.5.5 steps back in the reference, so "alpha" is matched
   * to the LAST alpha; "alpha beta" marks the first two. The union is all 3
   * positions: R = P = F = 1. Matching "alpha" to the first alpha would have
   * given 2/3. */
  rouge_scores s = score("alpha|alpha beta", "alpha beta alpha");
  CHECK_PRF(s.rougeL, 1.0, 1.0, 1.0);
}

TEST(rouge_stems_both_sides) {
  /* ref: the poni were run (4; "were" keeps its e: m = 1 and w-e-r is *o);
   * cand: a poni run (3). ROUGE-1: poni + run = 2: R = 0.5, P = 0.66667,
   * F = 0.5*0.66667/(0.5*0.5+0.5*0.66667) = 0.57143. No shared bigram.
   * ROUGE-L: LCS "poni run" = 2, same as ROUGE-1. */
  rouge_scores s = score("A pony runs.", "The ponies were running.");
  CHECK_PRF(s.rouge1, 0.66667, 0.5, 0.57143);
  CHECK_PRF(s.rouge2, 0.0, 0.0, 0.0);
  CHECK_PRF(s.rougeL, 0.66667, 0.5, 0.57143);
}

TEST(rouge_empty_sides_score_zero) {
  rouge_scores s;
  rouge_text ref = {"Some words here.", 16};
  CHECK(rouge_compare(NULL, 0, &ref, 1, &s) == ROUGE_OK);
  CHECK_PRF(s.rouge1, 0.0, 0.0, 0.0);
  CHECK_PRF(s.rougeL, 0.0, 0.0, 0.0);
  rouge_text punct = {"...", 3};
  CHECK(rouge_compare(&punct, 1, &ref, 1, &s) == ROUGE_OK);
  CHECK_PRF(s.rouge2, 0.0, 0.0, 0.0);
  CHECK(rouge_compare(&ref, 1, NULL, 0, &s) == ROUGE_OK);
  CHECK_PRF(s.rouge1, 0.0, 0.0, 0.0);
}

TEST(rouge_refuses_giant_sentences) {
  size_t n = 2 * (ROUGE_MAX_SENTENCE_TOKENS + 1);
  char *text = malloc(n);
  CHECK(text != NULL);
  if (!text) return;
  for (size_t i = 0; i < n; i += 2) {
    text[i] = 'a';
    text[i + 1] = ' ';
  }
  rouge_text big = {text, n};
  rouge_scores s;
  CHECK(rouge_compare(&big, 1, &big, 1, &s) == ROUGE_ERR_TOO_LONG);
  free(text);
}

TEST(limit_words_keeps_the_first_n) {
  /* As ROUGE-1.5.5 -l N: words are whitespace-separated, the last sentence
   * kept is cut. */
  rouge_text s[3] = {{"one two three", 13}, {"four five", 9}, {"six", 3}};
  CHECK(rouge_limit_words(s, 3, 4) == 2);
  CHECK(s[0].len == 13);
  CHECK(rouge_count_words(s[1].text, s[1].len) == 1);
  CHECK(strncmp(s[1].text, "four", 4) == 0);

  rouge_text t[3] = {{"one two three", 13}, {"four five", 9}, {"six", 3}};
  CHECK(rouge_limit_words(t, 3, 5) == 2);
  CHECK(t[1].len == 9);
  CHECK(rouge_limit_words(t, 3, 0) == 0);
  rouge_text u[3] = {{"one two three", 13}, {"four five", 9}, {"six", 3}};
  CHECK(rouge_limit_words(u, 3, 100) == 3);
  CHECK(rouge_count_words(" a  b\tc\n", 8) == 3);
}

int main(void) {
  RUN(stems_like_porter);
  RUN(stems_like_rouge_155_not_like_porter);
  RUN(tokens_are_lowercase_alnum_runs_stemmed_above_3_bytes);
  RUN(rouge_one_sentence);
  RUN(rouge_summary_level_lcs);
  RUN(rouge_lcs_is_clipped_by_unigram_counts);
  RUN(rouge_lcs_path_breaks_ties_like_rouge_155);
  RUN(rouge_stems_both_sides);
  RUN(rouge_empty_sides_score_zero);
  RUN(rouge_refuses_giant_sentences);
  RUN(limit_words_keeps_the_first_n);
  return harness_done("rouge");
}
