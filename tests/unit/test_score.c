/* Unit tests of the scoring stage: tokens, each feature detector, and the
 * features a summary reports. */
#include <math.h>

#include "harness.h"
#include "precis.h"
#include "score/centrality.h"
#include "score/coverage.h"
#include "score/entities.h"
#include "score/features.h"
#include "score/figures.h"
#include "score/lexicon.h"
#include "score/lexicon_words.h"
#include "score/penalties.h"
#include "score/quotes.h"
#include "score/roles.h"
#include "score/scan.h"
#include "score/tokens.h"

static pc_alloc mem;
static pc_lexicon lex;
static pc_vec toks;
static uint32_t scan_room[2 * 256 + 1]; /* the test sentences are short */

static pc_scan scan_of(const pc_view *v) {
  pc_scan s;
  CHECK(v->n <= 256);
  pc_scan_view(&s, v, scan_room);
  return s;
}

static pc_view view_of(const char *text) {
  pc_view v;
  CHECK(pc_tokenize(&mem, text, strlen(text), &toks) == 0);
  pc_view_init(&v, text, strlen(text), toks.data, toks.len, &lex);
  return v;
}

/* Entity mentions collected as "first token text" for checking. */
typedef struct found_entities {
  const pc_view *v;
  char names[16][64];
  int tentative[16];
  int n;
} found_entities;

static int collect(void *ctx, const pc_entity *e) {
  found_entities *f = ctx;
  if (f->n >= 16) return 0;
  const pc_token *a = &f->v->tok[e->first], *b = &f->v->tok[e->first + e->n_tokens - 1];
  size_t len = b->off + b->len - a->off;
  if (len > 63) len = 63;
  memcpy(f->names[f->n], f->v->text + a->off, len);
  f->names[f->n][len] = '\0';
  f->tentative[f->n] = e->tentative;
  f->n++;
  return 0;
}

static found_entities entities_of(const pc_view *v) {
  found_entities f;
  memset(&f, 0, sizeof f);
  f.v = v;
  pc_scan s = scan_of(v);
  CHECK(pc_find_entities(&s, collect, &f) == 0);
  return f;
}

TEST(tokens_classes) {
  pc_view v = view_of("NATO said Russia’s $1.13bn deal, 2.5 km.");
  CHECK(v.n == 10);
  CHECK(v.tok[0].kind == PC_TOK_WORD && (v.tok[0].flags & PC_TOKF_ALL_UPPER));
  CHECK(v.tok[2].kind == PC_TOK_WORD && (v.tok[2].flags & PC_TOKF_CAPITAL));
  CHECK(v.tok[2].key == pc_word_key("russia")); /* possessive dropped */
  CHECK(v.tok[3].kind == PC_TOK_PUNCT && v.tok[3].cp == '$');
  CHECK(v.tok[4].kind == PC_TOK_NUMBER && v.tok[4].len == 6); /* 1.13bn */
  CHECK(v.tok[7].kind == PC_TOK_NUMBER && v.tok[7].len == 3); /* 2.5 */
  pc_view c = view_of("Владимир Путин встретился");
  CHECK(c.n == 3);
  CHECK((c.tok[0].flags & PC_TOKF_CAPITAL) && (c.tok[0].flags & PC_TOKF_NON_ASCII));
  CHECK(!(c.tok[2].flags & PC_TOKF_CAPITAL));
  CHECK(c.tok[1].key == view_of("ПУТИН").tok[0].key); /* casefolded */
  pc_view m = view_of("minerals mineral");
  CHECK(m.tok[0].stem == m.tok[1].stem && m.tok[0].key != m.tok[1].key);
}

/* The ASCII fast path and the utf8proc path hash and classify alike. */
TEST(tokens_ascii_and_unicode_paths_agree) {
  pc_view a = view_of("Caf\xc3\xa9 CAF\xc3\x89 caf\xc3\xa9s NATO\xc3\x89 don't Russia's x\xcc\x81y");
  CHECK(a.n == 7);
  CHECK(a.tok[0].key == a.tok[1].key && a.tok[0].key != a.tok[2].key);
  CHECK(a.tok[1].flags & PC_TOKF_ALL_UPPER);
  CHECK((a.tok[3].flags & PC_TOKF_ALL_UPPER) && (a.tok[3].flags & PC_TOKF_NON_ASCII));
  CHECK(a.tok[4].key == pc_word_key("dont") && a.tok[4].letters == 4);
  CHECK(a.tok[5].key == pc_word_key("russia") && a.tok[5].letters == 6);
  CHECK(a.tok[6].letters == 2 && a.tok[6].len == 4); /* a combining mark is no letter */
  pc_view b = view_of("abcdefgh ABCDEFXYZ");
  CHECK(b.tok[0].stem == b.tok[1].stem && b.tok[0].key != b.tok[1].key);
}

/* Words are hashed eight bytes at a time: every length, the end of the
 * text, a possessive and the byte-at-a-time path give one key per word. */
TEST(tokens_keys_at_any_length) {
  static const char *const words[] = {"a", "an", "cat", "stone", "minist", "ministe",
                                      "minister", "ministers", "ministerial",
                                      "internationalisation", "antidisestablishmentarianism"};
  for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
    char text[128], upper[64];
    size_t n = strlen(words[w]);
    for (size_t k = 0; k <= n; k++) upper[k] = (char)(k < n ? words[w][k] - 32 : 0);
    uint64_t key = pc_word_key(words[w]);
    CHECK(view_of(words[w]).tok[0].key == key);       /* the whole text, shorter than 8 */
    snprintf(text, sizeof text, "Then %s went.", words[w]);
    pc_view v = view_of(text);
    CHECK(v.tok[1].key == key && v.tok[1].letters == n && v.tok[1].len == n);
    snprintf(text, sizeof text, "It was the %s", upper);
    v = view_of(text);                                 /* at the end, casefolded */
    CHECK(v.tok[3].key == key && (n < 2 || (v.tok[3].flags & PC_TOKF_ALL_UPPER)));
    snprintf(text, sizeof text, "The %s's aim", words[w]);
    v = view_of(text);                                 /* possessive: scan_word */
    CHECK(v.tok[1].key == key && v.tok[1].letters == n);
    snprintf(text, sizeof text, "The %s\xc3\xa9 aim", words[w]);
    v = view_of(text);                                 /* goes on past ASCII */
    CHECK(v.tok[1].key != key && v.tok[1].letters == n + 1);
    if (n > PC_STEM_PREFIX) {
      char prefix[PC_STEM_PREFIX + 1];
      memcpy(prefix, words[w], PC_STEM_PREFIX);
      prefix[PC_STEM_PREFIX] = '\0';
      CHECK(v.tok[1].stem == pc_word_key(prefix));
      CHECK(view_of(text).tok[1].stem == view_of(words[w]).tok[0].stem);
    }
  }
}

/* The classes the word lists give a key (what lexicon_table.h must hold). */
static unsigned listed_classes(uint64_t key) {
  unsigned cls = 0;
  for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
    for (const char *const *w = lists[l].words; *w; w++)
      if (pc_word_key(*w) == key) cls |= lists[l].cls;
  for (size_t p = 0; p < PC_PROMO_PAIRS; p++)
    if (pc_word_key(promo_pairs[p][0]) == key) cls |= PC_LEX_PAIR;
  if (pc_word_key("getty") == key) cls |= PC_LEX_GETTY;
  return cls;
}

/* The generated table holds the word lists, no more and no less: run
 * `make lexicon-table` after changing a list or the word hash. */
TEST(lexicon_table_matches_lists) {
  size_t listed = 0;
  /* words[0] ends chains and stands for an empty bucket (tokens.c) */
  CHECK(lex.words[0].key == 0 && lex.words[0].cls == 0 && lex.words[0].next == 0);
  for (size_t w = 1; w < lex.n_words; w++) {
    CHECK(lex.words[w].cls == listed_classes(lex.words[w].key));
    CHECK(pc_lexicon_classes(&lex, lex.words[w].key) == lex.words[w].cls);
  }
  for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
    for (const char *const *w = lists[l].words; *w; w++, listed++)
      CHECK(pc_lexicon_classes(&lex, pc_word_key(*w)) == listed_classes(pc_word_key(*w)));
  CHECK(listed > 400 && lex.n_words > 400 && lex.n_words <= listed + PC_PROMO_PAIRS + 2);
  for (size_t p = 0; p < PC_PROMO_PAIRS; p++) {
    CHECK(lex.promo_pairs[p][0] == pc_word_key(promo_pairs[p][0]));
    CHECK(lex.promo_pairs[p][1] == pc_word_key(promo_pairs[p][1]));
    CHECK(pc_lexicon_classes(&lex, lex.promo_pairs[p][0]) & PC_LEX_PAIR);
  }
  CHECK(lex.key_by == pc_word_key("by") && lex.key_per == pc_word_key("per"));
  CHECK(lex.key_getty == pc_word_key("getty") && lex.key_images == pc_word_key("images"));
  CHECK(pc_lexicon_classes(&lex, pc_word_key("getty")) == PC_LEX_GETTY);
  CHECK(pc_lexicon_classes(&lex, pc_word_key("summariser")) == 0);
}

/* One pass or two: the same tokens, classes and summary. */
TEST(view_tokenize_matches_view_init) {
  const char *text = "\xe2\x80\x9cWe said no,\xe2\x80\x9d Mr Smith told NATO on Friday: 3 million "
                     "dollars, don't click here \xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd.";
  pc_view a = view_of(text), b;
  pc_vec other = {NULL, 0, 0};
  CHECK(pc_view_tokenize(&b, &mem, text, strlen(text), &other, &lex) == 0);
  CHECK(a.n == b.n && a.n > 10);
  CHECK(a.any_cls == b.any_cls && a.any_flags == b.any_flags && a.any_kind == b.any_kind &&
        a.any_quote == b.any_quote && b.any_quote);
  for (size_t i = 0; i < a.n && i < b.n; i++) {
    const pc_token *x = &a.tok[i], *y = &b.tok[i];
    CHECK(x->off == y->off && x->len == y->len && x->kind == y->kind && x->flags == y->flags &&
          x->letters == y->letters && x->cp == y->cp && x->cls == y->cls && x->key == y->key &&
          x->stem == y->stem);
  }
  pc_vec_free(&mem, &other);
}

/* Term ids of any size survive the stream of units; centrality and title hits
 * read them back. */
/* The lists pc_roles_list makes eight tokens at a time are those of a
 * plain pass, for every role byte and every length around a block. */
TEST(roles_lists_every_token) {
  pc_token tok[40];
  uint32_t room[3 * (40 + PC_ROLES_SLACK)];
  uint32_t seed = 12345;
  memset(tok, 0, sizeof tok);
  for (size_t n = 0; n <= 40; n++) {
    for (int rep = 0; rep < 20; rep++) {
      for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        tok[i].role = (uint8_t)(seed >> 16 & 7);
      }
      pc_roles r;
      pc_roles_list(&r, tok, n, room);
      size_t caps = 0, marks = 0, terms = 0;
      for (size_t i = 0; i < n; i++) {
        if (tok[i].role & PC_ROLE_CAP) CHECK(caps < r.n_caps && r.caps[caps++] == i);
        if (tok[i].role & PC_ROLE_MARK) CHECK(marks < r.n_marks && r.marks[marks++] == i);
        if (tok[i].role & PC_ROLE_CONTENT) CHECK(terms < r.n_terms && r.terms[terms++] == i);
      }
      CHECK(caps == r.n_caps && marks == r.n_marks && terms == r.n_terms);
    }
  }
}

TEST(centrality_reads_id_stream) {
  pc_terms t;
  pc_terms_init(&t, &mem);
  pc_vec ids = {NULL, 0, 0};
  uint32_t id = 0;
  /* Sentence 0 has 300 terms, sentence 1 the first and the last again. */
  for (uint32_t k = 0; k < 300; k++) {
    CHECK(pc_terms_add(&t, 1000 + k, 0, &id) == 1 && id == k);
    CHECK(pc_ids_push(&mem, &ids, id) == 0);
  }
  size_t second = ids.len;
  CHECK(pc_terms_add(&t, 1000, 1, &id) == 1 && id == 0 && pc_ids_push(&mem, &ids, id) == 0);
  CHECK(pc_terms_add(&t, 1299, 1, &id) == 1 && pc_ids_push(&mem, &ids, id) == 0);
  CHECK(pc_terms_add(&t, 1299, 1, &id) == 0);
  CHECK(pc_terms_add_title(&t, 1299) == 1);
  CHECK(ids.len == second + 2); /* a unit each */
  pc_log_cache logs;
  memset(&logs, 0, sizeof logs);
  const uint16_t *p = (const uint16_t *)ids.data + second;
  size_t hits = 9;
  CHECK(pc_terms_weigh(&t, &logs, ids.data, ids.len) == 0);
  double c = pc_centrality(&t, &p, 2, &hits);
  CHECK(fabs(c - 2 * log(2.0) / sqrt(2 + PC_CENTRALITY_SMOOTH)) < 1e-12);
  CHECK(hits == 1 && p == (const uint16_t *)ids.data + second + 2);
  CHECK(pc_centrality(&t, &p, 0, &hits) == 0 && hits == 0);
  /* Ids past one unit come back whole. */
  uint32_t wide[] = {0x7FFF, 0x8000, 299, 0x3FFFFFFF, 0x40000000, UINT32_MAX - 1};
  size_t start = ids.len;
  for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++) CHECK(pc_ids_push(&mem, &ids, wide[k]) == 0);
  CHECK(ids.len == start + 1 + 2 + 1 + 2 + 3 + 3);
  p = (const uint16_t *)ids.data + start;
  for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++) CHECK(pc_ids_read(&p) == wide[k]);
  /* Large counts share slots: each still gets its own log. */
  uint32_t big[] = {1000, 1000 + PC_LOG_LARGE, 1000, 70000, 511, 512};
  for (size_t k = 0; k < sizeof big / sizeof big[0]; k++)
    CHECK(pc_log_count(&logs, big[k]) == log((double)big[k]));
  pc_vec_free(&mem, &ids);
  pc_terms_free(&t);
}

TEST(entities_names_and_acronyms) {
  pc_view v = view_of("Donald Trump will meet Vladimir Putin in Anchorage, NATO and the Bank of England said.");
  found_entities f = entities_of(&v);
  CHECK(f.n == 5);
  CHECK_STR(f.names[0], "Donald Trump");
  CHECK(!f.tentative[0]); /* two words: a name even at the start */
  CHECK_STR(f.names[1], "Vladimir Putin");
  CHECK_STR(f.names[2], "Anchorage");
  CHECK_STR(f.names[3], "NATO");
  CHECK_STR(f.names[4], "Bank of England");
}

TEST(entities_sentence_start_and_cyrillic) {
  pc_view v = view_of("The White House said LNG prices rose.");
  found_entities f = entities_of(&v);
  CHECK(f.n == 2);
  CHECK_STR(f.names[0], "White House");
  CHECK_STR(f.names[1], "LNG");
  pc_view w = view_of("Officials met on Friday.");
  f = entities_of(&w);
  CHECK(f.n == 1 && f.tentative[0]); /* "Officials": only the sentence capital */
  pc_view c = view_of("В Москве Владимир Путин заявил, что переговоры с НАТО продолжатся.");
  f = entities_of(&c);
  CHECK(f.n == 2);
  CHECK_STR(f.names[0], "Москве Владимир Путин");
  CHECK_STR(f.names[1], "НАТО");
  pc_view s = view_of("BREAKING NEWS FROM THE CAPITAL TONIGHT");
  f = entities_of(&s);
  CHECK(f.n == 0); /* shouting is not a list of acronyms */
}

static pc_figures figures_of(const char *text) {
  pc_view v = view_of(text);
  pc_scan s = scan_of(&v);
  pc_figures f;
  pc_find_figures(&s, &f);
  return f;
}

TEST(figures_kinds) {
  CHECK(figures_of("It offered $500 billion in aid.").count[PC_FIG_MONEY] == 1);
  CHECK(figures_of("Profits jumped to £600m.").count[PC_FIG_MONEY] == 1);
  CHECK(figures_of("Sales fell 20 percent.").count[PC_FIG_PERCENT] == 1);
  CHECK(figures_of("Sales fell 13 per cent.").count[PC_FIG_PERCENT] == 1);
  CHECK(figures_of("Profit rose 76% this year.").count[PC_FIG_PERCENT] == 1);
  CHECK(figures_of("The front moved 2.5 kilometers.").count[PC_FIG_MEASURE] == 1);
  CHECK(figures_of("At least 48 people died.").count[PC_FIG_COUNT] == 1);
  CHECK(figures_of("Dozens of homes burned.").count[PC_FIG_COUNT] == 1);
  pc_figures d = figures_of("Talks start on 13 August 2025 and end on Friday.");
  CHECK(d.count[PC_FIG_DATE] == 3);
  pc_figures none = figures_of("No figures here at all.");
  CHECK(none.weight == 0);
  CHECK(figures_of("It cost $5bn.").weight > figures_of("Chapter 5 ends.").weight);
}

static pc_quotes quotes_of(const char *text) {
  pc_view v = view_of(text);
  pc_scan s = scan_of(&v);
  pc_quotes q;
  pc_find_quotes(&s, &q);
  return q;
}

TEST(quotes_with_speaker) {
  pc_quotes q = quotes_of("Mr Trump said: “If the first one goes ok, we’ll have a quick second one.”");
  CHECK(q.marks == 2 && q.speaker && q.value == 1.0 && !q.orphan);
  q = quotes_of("‘I’d be over the moon to get it,’ said Locke.");
  CHECK(q.marks == 2 && q.speaker && q.value == 1.0);
  q = quotes_of("\"There should be security guarantees,\" he told a press conference.");
  CHECK(q.speaker && q.value == 1.0);
  q = quotes_of("It is a fantastic opportunity.’");
  CHECK(q.marks == 1 && !q.speaker && q.orphan); /* the end of a longer quote */
  q = quotes_of("The players’ efforts were praised.");
  CHECK(q.marks == 0 && q.value == 0);
  q = quotes_of("Officials said the talks would resume.");
  CHECK(q.marks == 0 && q.speaker && q.value == 0.5);
}

static double penalty_of(const char *text) {
  pc_view v = view_of(text);
  pc_scan s = scan_of(&v);
  pc_quotes q;
  pc_find_quotes(&s, &q);
  size_t words = 0;
  for (size_t i = 0; i < v.n; i++) words += v.tok[i].kind != PC_TOK_PUNCT;
  return pc_penalty(&s, words, &q);
}

TEST(penalties) {
  CHECK(penalty_of("The central bank raised interest rates by half a point on Tuesday.") == 0);
  CHECK(penalty_of("But will he face the death penalty for the attack?") >= 0.5);
  CHECK(penalty_of("13 August 2025 9:25pm BST") >= 0.99);
  CHECK(penalty_of("By Connor Stringer, Deputy US Editor") >= 0.99);
  CHECK(penalty_of("Click here to subscribe to our daily newsletter.") >= 0.9);
  CHECK(penalty_of("Volodymyr Zelensky is welcomed in Berlin Credit: John MacDougall/AFP") >= 0.99);
  CHECK(penalty_of("No wonder.") >= 0.8);
  CHECK(penalty_of("and then the rest of it went on for a long time afterwards.") >= 0.4);
}

/* Readability: a sentence announcing what follows, or a speaker's words
 * without the speaker, reads incomplete alone; attributed quotes do not. */
TEST(penalties_readability) {
  double plain = penalty_of("Here are the strangest queries of the year and their answers.");
  double colon = penalty_of("Here are the strangest queries of the year and their answers:");
  CHECK(plain == 0 && colon >= 0.29 && colon < 0.5);
  double bare = penalty_of("“We will rebuild every school in the region,” he added.");
  CHECK(bare == 0); /* attributed */
  bare = penalty_of("“We will rebuild every school in the region before winter.”");
  CHECK(bare > 0.05 && bare < 0.2);
  bare = penalty_of("‘I had a taste of it at Hearts and really enjoyed it.’");
  CHECK(bare > 0.05 && bare < 0.2);
  bare = penalty_of("‘I had a taste of it at Hearts and really enjoyed it’.");
  CHECK(bare > 0.05 && bare < 0.2); /* full stop outside the quote */
  /* A quoted phrase inside reported speech is not a bare quote. */
  CHECK(penalty_of("The minister called the plan “a disgrace” in parliament.") == 0);
}

TEST(priors) {
  CHECK(pc_position_prior(0, 0) == pc_position_prior(2, 0)); /* the top is flat */
  CHECK(pc_position_prior(3, 0) < pc_position_prior(2, 0));
  CHECK(pc_position_prior(40, 0) > 0); /* never zero: not a Lead-k clone */
  CHECK(pc_position_prior(5, 0) == pc_position_prior(5, 3)); /* a paragraph is one step */
  CHECK(pc_position_prior(4, 1) < pc_position_prior(3, 1)); /* the lead counts paragraphs */
  /* A wall of text, one paragraph, still has a lead that fades. */
  CHECK(pc_position_prior(0, 40) < pc_position_prior(3, 1));
  CHECK(pc_length_prior(2) == 0);
  CHECK(pc_length_prior(18) == 1);
  CHECK(pc_length_prior(80) < pc_length_prior(30));
}

static const char article[] =
    "Donald Trump is preparing to offer Vladimir Putin access to rare earth minerals to end "
    "the war in Ukraine.\n\n"
    "The US president will meet Putin in Anchorage on Friday, officials said.\n\n"
    "Sign up for our newsletter. Click here to subscribe.\n\n"
    "Mr Trump said Putin would face “severe consequences” if he did not agree to end the war.\n\n"
    "The proposals include lifting $500 billion of sanctions, 20 percent of the total.\n\n"
    "Is that enough?\n";

TEST(summary_reports_features) {
  precis_options o;
  precis_options_init(&o);
  o.max_sentences = 3;
  precis *p = precis_new(&o);
  precis_result *r = NULL;
  CHECK(precis_analyze(p, article, sizeof article - 1, &r) == PRECIS_OK);
  if (!r) {
    precis_free(p);
    return;
  }
  size_t chosen = 0;
  for (size_t i = 0; i < r->n_sentences; i++) {
    const precis_sentence *s = &r->sentences[i];
    CHECK(s->n_features == PRECIS_FEATURE_COUNT);
    for (size_t f = 0; f < s->n_features; f++)
      CHECK(s->features[f] >= 0 && s->features[f] <= 1 && !isnan(s->features[f]));
    if (s->selected) {
      chosen++;
      CHECK(strstr(s->text, "newsletter") == NULL && strstr(s->text, "Click") == NULL);
      CHECK(strchr(s->text, '?') == NULL);
    }
    if (strstr(s->text, "$500 billion")) CHECK(s->features[PRECIS_FEATURE_FIGURES] > 0.4);
    if (strstr(s->text, "severe")) CHECK(s->features[PRECIS_FEATURE_QUOTES] == 1.0);
    if (strstr(s->text, "Click")) CHECK(s->features[PRECIS_FEATURE_PENALTY] >= 0.9);
  }
  CHECK(chosen == 3);
  precis_result_free(r);
  precis_free(p);
}

/* The position of the sentence holding `needle` when `text` is analyzed. */
static double position_of(const char *text, const char *needle) {
  precis_options o;
  precis_options_init(&o);
  o.max_sentences = 1;
  precis *p = precis_new(&o);
  precis_result *r = NULL;
  double pos = -1;
  if (p && precis_analyze(p, text, strlen(text), &r) == PRECIS_OK && r)
    for (size_t i = 0; i < r->n_sentences; i++)
      if (strstr(r->sentences[i].text, needle))
        pos = r->sentences[i].features[PRECIS_FEATURE_POSITION];
  precis_result_free(r);
  precis_free(p);
  return pos;
}

/* A photo caption between paragraphs (no sentence ends in it) is not a
 * step of the story: the paragraph after it keeps its place in the lead. */
TEST(captions_are_no_story_steps) {
  const char *plain =
      "The council approved the new bridge over the river on Monday night.\n\n"
      "Work will start in June and take two years, the mayor said.\n\n"
      "The bridge will cost 40 million pounds, paid for by the city.\n\n"
      "Residents had campaigned for a crossing for more than a decade.\n";
  const char *captioned =
      "The council approved the new bridge over the river on Monday night.\n\n"
      "Work will start in June and take two years, the mayor said.\n\n"
      "The mayor at the site of the new crossing on the east bank of the river\n\n"
      "The bridge will cost 40 million pounds, paid for by the city.\n\n"
      "Residents had campaigned for a crossing for more than a decade.\n";
  double a = position_of(plain, "Residents"), b = position_of(captioned, "Residents");
  CHECK(a > 0 && a < 1);
  CHECK(a == b);
  /* A list without full stops is not a run of captions: its lead fades. */
  const char *list =
      "- Flour from the mill on the hill\n- Sugar from the shop in town\n"
      "- Eggs from the farm down the road\n- Butter from the dairy on the corner\n"
      "- Salt from the kitchen cupboard shelf\n- Milk from the fridge in the hall\n";
  CHECK(position_of(list, "Milk") < position_of(list, "Sugar"));
}

/* A fake document of sentences with the given word counts. */
static double coverage_of(const size_t *words, size_t n, const precis_options *o) {
  pc_sentence s[16];
  memset(s, 0, sizeof s);
  pc_doc d;
  memset(&d, 0, sizeof d);
  for (size_t i = 0; i < n; i++) d.total_words += s[i].n_words = (uint32_t)words[i];
  d.opts = o;
  d.sentences.data = s;
  d.sentences.len = d.sentences.cap = n;
  return pc_budget_coverage(&d);
}

TEST(budget_coverage) {
  static const size_t words[] = {20, 10, 30, 40, 100};
  precis_options o;
  precis_options_init(&o);
  o.max_sentences = 2;
  CHECK(fabs(coverage_of(words, 5, &o) - 0.15) < 1e-9); /* the lead's 30 of 200 words */
  o.max_sentences = 0;
  o.max_words = 50;
  CHECK(fabs(coverage_of(words, 5, &o) - 0.25) < 1e-9);
  o.max_words = 1000;
  CHECK(coverage_of(words, 5, &o) == 1.0);
  o.max_sentences = 1; /* both set: the tighter one */
  CHECK(fabs(coverage_of(words, 5, &o) - 0.10) < 1e-9);
  o.max_sentences = 0;
  o.max_words = 0;
  o.ratio = 0.4;
  CHECK(fabs(coverage_of(words, 5, &o) - 0.15) < 1e-9);
  static const size_t empty[] = {0, 0};
  CHECK(coverage_of(empty, 2, &o) == 1.0);
}

TEST(digest_share_ramp) {
  CHECK(pc_digest_share(0.0) == 0 && pc_digest_share(PC_DIGEST_FROM) == 0);
  CHECK(pc_digest_share(PC_DIGEST_FULL) == 1 && pc_digest_share(1.0) == 1);
  double mid = pc_digest_share((PC_DIGEST_FROM + PC_DIGEST_FULL) / 2);
  CHECK(fabs(mid - 0.5) < 1e-9);
  double last = 0;
  for (double c = 0; c <= 1.0; c += 0.01) {
    double v = pc_digest_share(c);
    CHECK(v >= last);
    last = v;
  }
}

/* A budget covering the whole text is a digest: position and title drop
 * out of the score and centrality weighs PC_DIGEST_CENTRALITY_GAIN times more; a
 * one-sentence budget of the same text is a lede and scores as weighted. */
TEST(digest_scores_without_position) {
  static const char text[] =
      "Flood waters rose across the northern valley on Monday.\n\n"
      "Rescue teams moved families from the valley towns by boat.\n\n"
      "The flood closed roads and schools across the northern valley.\n\n"
      "Forecasters expect more rain in the valley towns on Wednesday.\n\n"
      "A bridge near the river had been inspected last year.\n\n"
      "Officials said the valley flood was the worst in a decade.\n";
  precis_options o;
  precis_options_init(&o);
  precis_result *lede = NULL, *digest = NULL;
  o.max_sentences = 1;
  precis *p = precis_new(&o);
  CHECK(precis_analyze(p, text, sizeof text - 1, &lede) == PRECIS_OK);
  precis_free(p);
  o.max_sentences = 6;
  p = precis_new(&o);
  CHECK(precis_analyze(p, text, sizeof text - 1, &digest) == PRECIS_OK);
  precis_free(p);
  if (lede && digest) {
    CHECK(lede->n_sentences == 6 && digest->n_sentences == 6);
    const precis_weights *w = &o.weights;
    for (size_t i = 0; i < lede->n_sentences && i < digest->n_sentences; i++) {
      const double *f = lede->sentences[i].features;
      double want = lede->sentences[i].score - w->position * f[PRECIS_FEATURE_POSITION] -
                    w->title * f[PRECIS_FEATURE_TITLE] +
                    (PC_DIGEST_CENTRALITY_GAIN - 1) * w->centrality * f[PRECIS_FEATURE_CENTRALITY];
      CHECK(fabs(digest->sentences[i].score - want) < 1e-9);
    }
  }
  precis_result_free(lede);
  precis_result_free(digest);
}

int main(void) {
  pc_alloc_init(&mem, NULL);
  if (pc_lexicon_init(&lex, &mem) != 0) return 1;
  RUN(tokens_classes);
  RUN(tokens_ascii_and_unicode_paths_agree);
  RUN(tokens_keys_at_any_length);
  RUN(view_tokenize_matches_view_init);
  RUN(lexicon_table_matches_lists);
  RUN(roles_lists_every_token);
  RUN(centrality_reads_id_stream);
  RUN(entities_names_and_acronyms);
  RUN(entities_sentence_start_and_cyrillic);
  RUN(figures_kinds);
  RUN(quotes_with_speaker);
  RUN(penalties);
  RUN(penalties_readability);
  RUN(priors);
  RUN(summary_reports_features);
  RUN(budget_coverage);
  RUN(digest_share_ramp);
  RUN(digest_scores_without_position);
  RUN(captions_are_no_story_steps);
  pc_vec_free(&mem, &toks);
  pc_lexicon_free(&lex);
  return harness_done("score");
}
