/* porter.c - the Porter (1980) stemmer as ROUGE-1.5.5 runs it (see porter.h).
 *
 * The Perl original works with regular expressions over the classes
 * [aeiou] and [aeiouy]; a word-initial y is turned into Y first so that it
 * always counts as a consonant. Its measure patterns ($mgr0, $meq1, $mgr1)
 * parse a word into consonant and vowel runs in exactly one way, the same
 * way as Porter's cons() rule "y is a vowel after a consonant", so the
 * measure below walks the word with that rule. The two patterns that look
 * at single characters ($_v and the *o test) are written out literally.
 * tests/unit/test_rouge.c checks words whose stems differ from Porter's
 * C reference because of ROUGE's step-4 change. */
#include "porter.h"

#include <string.h>

typedef struct suffix_rule {
  const char *suffix;
  const char *replacement;
} suffix_rule;

static const suffix_rule step2_rules[] = {
  {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},   {"anci", "ance"},
  {"izer", "ize"},    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"},
  {"eli", "e"},       {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
  {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"}, {"fulness", "ful"},
  {"ousness", "ous"}, {"aliti", "al"},    {"iviti", "ive"},   {"biliti", "ble"},
  {"logi", "log"},
};

static const suffix_rule step3_rules[] = {
  {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
  {"ical", "ic"},  {"ful", ""},   {"ness", ""},
};

/* Step 4 without -ment and -ent, which ROUGE tries separately afterwards. */
static const suffix_rule step4_rules[] = {
  {"al", ""},  {"ance", ""}, {"ence", ""}, {"er", ""},  {"ic", ""},    {"able", ""},
  {"ible", ""}, {"ant", ""}, {"ement", ""}, {"ou", ""}, {"ism", ""},   {"ate", ""},
  {"iti", ""}, {"ous", ""},  {"ive", ""},  {"ize", ""},
};

#define N_RULES(table) (sizeof(table) / sizeof((table)[0]))

static int is_aeiou(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

static int is_aeiouy(char c) { return is_aeiou(c) || c == 'y'; }

static int ends_with(const char *w, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return k <= n && memcmp(w + n - k, suffix, k) == 0;
}

/* Porter's m: the number of vowel-run/consonant-run pairs in w[0..n). */
static int measure(const char *w, size_t n) {
  int m = 0, prev_cons = 1, in_vowels = 0;
  for (size_t i = 0; i < n; i++) {
    int cons;
    if (is_aeiou(w[i])) cons = 0;
    else if (w[i] == 'y') cons = (i == 0) ? 1 : !prev_cons;
    else cons = 1;
    if (!cons) in_vowels = 1;
    else if (in_vowels) { m++; in_vowels = 0; }
    prev_cons = cons;
  }
  return m;
}

/* $_v: the stem has a vowel; y counts (an initial y is already Y). */
static int has_vowel(const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (is_aeiouy(w[i])) return 1;
  return 0;
}

/* /^${C}${v}[^aeiouwxy]$/: the whole word is consonants, one vowel, and a
 * final consonant other than w, x, y (Porter's *o for one-syllable stems). */
static int is_short_cvc(const char *w, size_t n) {
  if (n < 3 || is_aeiou(w[0])) return 0;
  for (size_t i = 1; i + 2 < n; i++)
    if (is_aeiouy(w[i])) return 0;
  char last = w[n - 1];
  return is_aeiouy(w[n - 2]) && !is_aeiouy(last) && last != 'w' && last != 'x';
}

/* The longest rule whose suffix ends the word (Perl's leftmost match), or NULL. */
static const suffix_rule *longest_rule(const char *w, size_t n, const suffix_rule *rules,
                                       size_t n_rules) {
  const suffix_rule *best = NULL;
  for (size_t i = 0; i < n_rules; i++)
    if (ends_with(w, n, rules[i].suffix) &&
        (!best || strlen(rules[i].suffix) > strlen(best->suffix)))
      best = &rules[i];
  return best;
}

/* Replaces the rule's suffix when the stem before it has measure > min_m.
 * Replacements are never longer than their suffixes, so this stays in place. */
static size_t apply_rule(char *w, size_t n, const suffix_rule *rule, int min_m) {
  size_t stem = n - strlen(rule->suffix);
  if (measure(w, stem) <= min_m) return n;
  size_t k = strlen(rule->replacement);
  memcpy(w + stem, rule->replacement, k);
  return stem + k;
}

static size_t strip_if_long(char *w, size_t n, const char *suffix) {
  size_t stem = n - strlen(suffix);
  return measure(w, stem) > 1 ? stem : n;
}

static size_t step1(char *w, size_t n) {
  if (ends_with(w, n, "sses") || ends_with(w, n, "ies")) n -= 2;
  else if (n >= 2 && w[n - 1] == 's' && w[n - 2] != 's') n -= 1;

  if (ends_with(w, n, "eed")) {
    if (measure(w, n - 3) > 0) n -= 1;
  } else if (ends_with(w, n, "ed") || ends_with(w, n, "ing")) {
    size_t stem = n - (w[n - 1] == 'd' ? 2 : 3);
    if (has_vowel(w, stem)) {
      n = stem;
      if (ends_with(w, n, "at") || ends_with(w, n, "bl") || ends_with(w, n, "iz")) {
        w[n++] = 'e';
      } else if (n >= 2 && w[n - 1] == w[n - 2] && !strchr("aeiouylsz", w[n - 1])) {
        n -= 1;
      } else if (is_short_cvc(w, n)) {
        w[n++] = 'e';
      }
    }
  }

  if (n >= 1 && w[n - 1] == 'y' && has_vowel(w, n - 1)) w[n - 1] = 'i';
  return n;
}

static size_t step4(char *w, size_t n) {
  const suffix_rule *rule = longest_rule(w, n, step4_rules, N_RULES(step4_rules));
  if (rule) n = apply_rule(w, n, rule, 1);
  if (ends_with(w, n, "ment")) n = strip_if_long(w, n, "ment");
  if (ends_with(w, n, "ent")) {
    n = strip_if_long(w, n, "ent");
  } else if (ends_with(w, n, "sion") || ends_with(w, n, "tion")) {
    n = strip_if_long(w, n, "ion");
  }
  return n;
}

static size_t step5(char *w, size_t n) {
  if (n >= 1 && w[n - 1] == 'e') {
    int m = measure(w, n - 1);
    if (m > 1 || (m == 1 && !is_short_cvc(w, n - 1))) n -= 1;
  }
  if (ends_with(w, n, "ll") && measure(w, n) > 1) n -= 1;
  return n;
}

size_t porter_stem(char *word, size_t len) {
  if (len < 3) return len;
  int initial_y = word[0] == 'y';
  if (initial_y) word[0] = 'Y';

  size_t n = step1(word, len);
  const suffix_rule *rule = longest_rule(word, n, step2_rules, N_RULES(step2_rules));
  if (rule) n = apply_rule(word, n, rule, 0);
  rule = longest_rule(word, n, step3_rules, N_RULES(step3_rules));
  if (rule) n = apply_rule(word, n, rule, 0);
  n = step4(word, n);
  n = step5(word, n);

  if (initial_y) word[0] = 'y';
  return n;
}
