/* The attribution scan's const tables (attribution_table.h, outlet_table.h)
 * are what the run-time construction they replaced builds
 * (tools/lexicon/attribution_build.h): the same slots and prefilters, and
 * the same answer for every listed word and name, their case variants and
 * near misses. When this fails, run `make lexicon-table`. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../../tools/lexicon/attribution_build.h"
#include "sources/attribution_table.h"
#include "sources/outlet_table.h"

static attr_build built;
static size_t n_compared;

/* Looks s[0, n) up in both word indexes, with the text ending right after
 * it and with room to read past it (pc_attr_word_head's two ways). */
static void same_groups(const char *s, size_t n) {
  char padded[128];
  if (n + 16 > sizeof padded) return;
  memset(padded, '#', sizeof padded);
  memcpy(padded, s, n);
  char *exact = malloc(n ? n : 1);
  if (!exact) return;
  memcpy(exact, s, n);
  CHECK(pc_attr_word_groups(&pc_attr_table, padded, n, sizeof padded) ==
        pc_attr_word_groups(&built.words, padded, n, sizeof padded));
  CHECK(pc_attr_word_groups(&pc_attr_table, exact, n, n) ==
        pc_attr_word_groups(&built.words, exact, n, n));
  CHECK(pc_attr_word_groups(&pc_attr_table, exact, n, n) ==
        pc_attr_word_groups(&pc_attr_table, padded, n, sizeof padded));
  free(exact);
  n_compared++;
}

/* The word, in three cases, and near misses: one byte less or more, one
 * byte changed at each end. */
static void same_groups_around(const char *word, size_t n) {
  char v[64];
  if (n == 0 || n + 2 > sizeof v) return;
  same_groups(word, n);
  for (size_t i = 0; i < n; i++) v[i] = (char)toupper((unsigned char)word[i]);
  same_groups(v, n);
  v[0] = (char)toupper((unsigned char)word[0]);
  for (size_t i = 1; i < n; i++) v[i] = word[i];
  same_groups(v, n);
  same_groups(word, n - 1);
  same_groups(word + 1, n - 1);
  memcpy(v, word, n);
  v[n] = 's';
  same_groups(v, n + 1);
  v[n] = '1';
  same_groups(v, n + 1);
  v[n - 1] = (char)(word[n - 1] ^ 1);
  same_groups(v, n);
  memcpy(v, word, n);
  v[0] = (char)(word[0] ^ 2);
  same_groups(v, n);
}

static void same_groups_list(const char *const *words) {
  for (size_t i = 0; words[i]; i++) same_groups_around(words[i], strlen(words[i]));
}

TEST(word_table_is_the_built_index) {
  const pc_attr_index *t = &pc_attr_table, *b = &built.words;
  CHECK(t->cap == b->cap && t->max_len == b->max_len);
  CHECK(memcmp(t->filter, b->filter, sizeof t->filter) == 0);
  CHECK(memcmp(t->shape, b->shape, sizeof t->shape) == 0);
  CHECK(memcmp(t->anchor_shape, b->anchor_shape, sizeof t->anchor_shape) == 0);
  CHECK(memcmp(t->anchor_start, b->anchor_start, sizeof t->anchor_start) == 0);
  CHECK(memcmp(t->evidence_shape, b->evidence_shape, sizeof t->evidence_shape) == 0);
  size_t used = 0;
  for (size_t i = 0; i < t->cap && t->cap == b->cap; i++) {
    const pc_attr_slot *x = &t->slots[i], *y = &b->slots[i];
    CHECK(!x->word == !y->word);
    if (!x->word || !y->word) continue;
    used++;
    CHECK(x->len == y->len && x->head == y->head && x->groups == y->groups);
    CHECK(memcmp(x->word, y->word, x->len) == 0);
  }
  CHECK(used > 300);
}

TEST(word_lookups_match_the_built_index) {
  for (size_t l = 0; l < sizeof word_lists / sizeof word_lists[0]; l++)
    same_groups_list(word_lists[l].words);
  for (size_t l = 0; l < sizeof anchor_lists / sizeof anchor_lists[0]; l++)
    same_groups_list(anchor_lists[l]);
  for (size_t l = 0; l < sizeof evidence_lists / sizeof evidence_lists[0]; l++)
    same_groups_list(evidence_lists[l]);
  for (size_t i = 0; i < built.words.cap; i++)
    if (built.words.slots[i].word)
      same_groups_around(built.words.slots[i].word, built.words.slots[i].len);
  size_t cursor = 0;
  for (const char *name; (name = pc_outlet_platform_name(&cursor)) != NULL;)
    same_groups_around(name, strlen(name));
  static const char *const others[] = {"", "x", "Reuters", "REPORTED", "Said", "op-ed", "op",
                                       "ed", "talk-show", "according", "accordingly", "zzz",
                                       "a1", "1a", "Interviewed", "the", "The", "t.co"};
  for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
    same_groups(others[i], strlen(others[i]));
  CHECK(pc_attr_word_groups(&pc_attr_table, "According", 9, 9) & PC_ATTR_ACCORDING);
  CHECK(pc_attr_word_groups(&pc_attr_table, "Beijing", 7, 7) == 0);
  CHECK(n_compared > 5000);
}

/* The outlet a name finds in the index built at run time. */
static const pc_outlet *built_outlet(const char *name, size_t len) {
  char key[PC_MAX_OUTLET_NAME];
  size_t n = pc_outlet_normalize(name, len, key);
  if (!n) return NULL;
  const pc_outlet_slot *s = outlet_probe(&built, key, n);
  const char *unused;
  return s->row ? pc_outlet_row(s->row - 1u, &unused) : NULL;
}

static void same_outlet(const char *name, size_t len) {
  const pc_outlet *o = pc_outlet_index_find(name, len);
  CHECK(o == built_outlet(name, len));
  CHECK(o == pc_outlet_by_name(name, len));
}

TEST(outlet_table_is_the_built_index) {
  CHECK(PC_OUTLET_TABLE_CAP == built.outlet_cap);
  CHECK(sizeof pc_outlet_table_keys == built.outlet_keys_len + 1);
  CHECK(memcmp(pc_outlet_table_keys, built.outlet_keys, built.outlet_keys_len) == 0);
  for (size_t i = 0; i < built.outlet_cap && built.outlet_cap == PC_OUTLET_TABLE_CAP; i++) {
    const pc_outlet_slot *x = &pc_outlet_table_slots[i], *y = &built.outlet_slots[i];
    CHECK(x->row == y->row && x->key_off == y->key_off && x->key_len == y->key_len);
  }
  const char *name;
  size_t rows = 0;
  for (; pc_outlet_row(rows, &name) != NULL; rows++) {
    char v[PC_MAX_OUTLET_NAME + 8];
    size_t n = strlen(name);
    if (n + 6 > sizeof v) continue;
    same_outlet(name, n);
    same_outlet(name, n - 1);
    memcpy(v, "The  ", 5);
    for (size_t i = 0; i < n; i++) v[5 + i] = (char)toupper((unsigned char)name[i]);
    same_outlet(v, n + 5);
    memcpy(v, name, n);
    v[n] = 's';
    same_outlet(v, n + 1);
    v[0] = (char)(name[0] ^ 4);
    same_outlet(v, n);
  }
  CHECK(rows > 200);
  same_outlet("", 0);
  same_outlet("the", 3);
  same_outlet("the New  York\nTimes", 19);
  same_outlet("Hollywood\xE2\x80\x99s Reporter", 22);
}

int main(void) {
  int built_ok = attr_build_init(&built) == 0;
  CHECK(built_ok);
  if (!built_ok) return harness_done("attribution_table");
  RUN(word_table_is_the_built_index);
  RUN(word_lookups_match_the_built_index);
  RUN(outlet_table_is_the_built_index);
  attr_build_free(&built);
  return harness_done("attribution_table");
}
