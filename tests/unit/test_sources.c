/* Source detection: URL and handle finding, markdown link titles, outlet
 * names from hosts and text, attribution patterns (and the constructions
 * that must not make a source), de-duplication, and which sentences cite
 * which source. */
#include <string.h>
#include <time.h>

#include "harness.h"
#include "precis.h"
#include "sources/links.h"
#include "sources/outlets.h"

static precis_result *analyze(const char *text) {
  precis *p = precis_new(NULL);
  precis_result *r = NULL;
  if (p && precis_analyze(p, text, strlen(text), &r) != PRECIS_OK) r = NULL;
  precis_free(p);
  return r;
}

static const precis_source *find_source(const precis_result *r, const char *name) {
  for (size_t i = 0; r && i < r->n_sources; i++)
    if (strcmp(r->sources[i].name, name) == 0) return &r->sources[i];
  return NULL;
}

/* 1 when the sentence containing `needle` cites the source called `name`. */
static int sentence_cites(const precis_result *r, const char *needle, const char *name) {
  for (size_t i = 0; r && i < r->n_sentences; i++) {
    const precis_sentence *s = &r->sentences[i];
    if (!strstr(s->text, needle)) continue;
    for (size_t k = 0; k < s->n_sources; k++)
      if (strcmp(r->sources[s->sources[k]].name, name) == 0) return 1;
  }
  return 0;
}

static size_t n_cited(const precis_result *r, const char *needle) {
  for (size_t i = 0; r && i < r->n_sentences; i++)
    if (strstr(r->sentences[i].text, needle)) return r->sentences[i].n_sources;
  return (size_t)-1;
}

static size_t url_len(const char *s) {
  size_t scanned;
  return pc_url_at(s, strlen(s), 0, &scanned);
}

TEST(urls_with_and_without_scheme) {
  CHECK(url_len("https://example.com/a). More") == strlen("https://example.com/a"));
  CHECK(url_len("https://en.wikipedia.org/wiki/Foo_(bar)) x") ==
        strlen("https://en.wikipedia.org/wiki/Foo_(bar)"));
  CHECK(url_len("pic.twitter.com/o9jbiiiJTq \xE2\x80\x94 Name") == strlen("pic.twitter.com/o9jbiiiJTq"));
  CHECK(url_len("www.reuters.com.") == strlen("www.reuters.com"));
  CHECK(url_len("http://localhost.x") == 0);
  CHECK(url_len("U.S./Russia talks") == 0);
  CHECK(url_len("e.g. this") == 0);
  CHECK(url_len("Amazon.com is big") == 0);
  CHECK(url_len("example.com/") == 0);
  CHECK(url_len("t.me/channel/12,") == strlen("t.me/channel/12"));
  CHECK(pc_handle_at("@ZelenskyyUa) Feb", 17, 0) == strlen("@ZelenskyyUa"));
  CHECK(pc_handle_at("@example.com", 12, 0) == 0);
  CHECK(!pc_link_boundary("mail x@y.org", 6));
}

TEST(outlet_tables) {
  CHECK_STR(pc_outlet_by_host("www.reuters.com", 15)->name, "Reuters");
  CHECK_STR(pc_outlet_by_host("abcnews.go.com", 14)->name, "ABC News");
  CHECK_STR(pc_outlet_by_host("nypost.com", 10)->name, "New York Post");
  CHECK_STR(pc_outlet_by_host("pic.twitter.com", 15)->name, "X");
  CHECK(pc_outlet_by_host("notreuters.com", 14) == NULL);
  CHECK_STR(pc_outlet_by_name("the New York Times", 18)->name, "The New York Times");
  CHECK_STR(pc_outlet_by_name("NY Post", 7)->name, "New York Post");
  CHECK(pc_outlet_by_name("Beijing", 7) == NULL);
}

TEST(markdown_links_keep_their_own_titles) {
  precis_result *r = analyze(
      "Markets fell on Monday after the announcement, see [Stocks slide](https://www.reuters.com/a) "
      "and [Oil jumps](https://www.reuters.com/b) for details. Other news was quiet.\n");
  const precis_source *s = find_source(r, "Reuters");
  CHECK(r && r->n_sources == 1 && s);
  if (s && s->n_urls == 2) {
    CHECK_STR(s->urls[0], "https://www.reuters.com/a");
    CHECK_STR(s->titles[0], "Stocks slide");
    CHECK_STR(s->urls[1], "https://www.reuters.com/b");
    CHECK_STR(s->titles[1], "Oil jumps");
  } else {
    CHECK(0);
  }
  CHECK(sentence_cites(r, "Markets fell", "Reuters"));
  CHECK(n_cited(r, "Other news") == 0);
  precis_result_free(r);
}

TEST(names_from_hosts_and_text_merge) {
  const char *text = "According to the Guardian, the vote was delayed until spring. "
                     "The paper published [its story](https://www.theguardian.com/x) at noon.\n";
  precis_result *r = analyze(text);
  const precis_source *s = find_source(r, "The Guardian");
  CHECK(r && r->n_sources == 1 && s);
  if (s) {
    CHECK(s->n_urls == 1 && s->n_mentions == 2);
    if (s->n_mentions >= 1)
      CHECK(strncmp(text + s->mentions[0].span.start, "Guardian", 8) == 0);
  }
  precis_result_free(r);
}

typedef struct attribution_case {
  const char *text;
  const char *source;
  precis_source_kind kind;
} attribution_case;

TEST(attribution_patterns) {
  static const attribution_case cases[] = {
      {"The minister resigned on Friday, Reuters reported.", "Reuters", PRECIS_SOURCE_OUTLET},
      {"A spokesman told the BBC that talks had stalled.", "BBC", PRECIS_SOURCE_OUTLET},
      {"In an interview with British journalist Piers Morgan, he said no.", "Piers Morgan",
       PRECIS_SOURCE_PERSON},
      {"He wrote in a post on X that the deal was done.", "X", PRECIS_SOURCE_PLATFORM},
      {"In a Truth Social post, he attacked the judge.", "Truth Social", PRECIS_SOURCE_PLATFORM},
      {"Officials quoted by the Kyiv Herald denied it.", "Kyiv Herald", PRECIS_SOURCE_OUTLET},
      {"The plan includes new ports, The Telegraph can reveal.", "The Telegraph",
       PRECIS_SOURCE_OUTLET},
      {"The figures come from a Bloomberg report published on Monday.", "Bloomberg",
       PRECIS_SOURCE_OUTLET},
      {"Prices rose, according to a report by the New York Times.", "The New York Times",
       PRECIS_SOURCE_OUTLET},
      {"The chancellor told the German newspaper Bild he would stay.", "Bild",
       PRECIS_SOURCE_OUTLET},
      {"He spoke in a video posted on YouTube last week.", "YouTube", PRECIS_SOURCE_PLATFORM},
      {"The leak was first reported by Der Spiegel on Tuesday.", "Der Spiegel",
       PRECIS_SOURCE_OUTLET},
      {"Meanwhile CNN has learned that the memo was shredded.", "CNN", PRECIS_SOURCE_OUTLET},
      {"Two sources speaking to the Financial Times confirmed the sale.", "Financial Times",
       PRECIS_SOURCE_OUTLET},
      {"He announced it on his Telegram channel on Sunday.", "Telegram", PRECIS_SOURCE_PLATFORM},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    precis_result *r = analyze(cases[i].text);
    const precis_source *s = find_source(r, cases[i].source);
    if (!s || r->n_sources != 1 || s->kind != cases[i].kind) {
      fprintf(stderr, "  case \"%s\": want only %s, got %zu sources:", cases[i].text,
              cases[i].source, r ? r->n_sources : 0);
      for (size_t k = 0; r && k < r->n_sources; k++) fprintf(stderr, " [%s]", r->sources[k].name);
      fprintf(stderr, "\n");
      CHECK(0);
    } else {
      CHECK(s->n_mentions == 1);
      CHECK(r->n_sentences == 1 && r->sentences[0].n_sources == 1);
    }
    precis_result_free(r);
  }
}

/* The attribution scan tokenizes only the chunks of prose that can cite
 * (attribution.c, "skimming"): constructions that read across a chunk's
 * punctuation, through its last word or over a rare literal still match. */
TEST(attributions_across_skimmed_chunks) {
  static const attribution_case cases[] = {
      {"Trump posted, on X Monday, that the deal was off.", "X", PRECIS_SOURCE_PLATFORM},
      {"Prices rose, according to a report issued by Reuters.", "Reuters", PRECIS_SOURCE_OUTLET},
      {"The wire service (Reuters) confirmed it.", "Reuters", PRECIS_SOURCE_OUTLET},
      {"He said so in an op-ed in the Washington Post on Monday.", "The Washington Post",
       PRECIS_SOURCE_OUTLET},
      {"Officials, speaking to the BBC, denied it.", "BBC", PRECIS_SOURCE_OUTLET},
      {"The claim appeared in a Facebook post by the group.", "Facebook", PRECIS_SOURCE_PLATFORM},
      {"Sales fell; weather, strikes and prices, Reuters has also previously reported.",
       "Reuters", PRECIS_SOURCE_OUTLET},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    precis_result *r = analyze(cases[i].text);
    const precis_source *s = find_source(r, cases[i].source);
    if (!s || r->n_sources != 1 || s->kind != cases[i].kind) {
      fprintf(stderr, "  case \"%s\": want only %s, got %zu sources\n", cases[i].text,
              cases[i].source, r ? r->n_sources : 0);
      CHECK(0);
    }
    precis_result_free(r);
  }
  /* "reports" before a word is not a verb: the chunk's last word is read. */
  precis_result *r = analyze("Press reports suggest that talks failed.");
  CHECK(r && r->n_sources == 0);
  precis_result_free(r);
  /* "cat.Reuters" is one word: a chunk never ends inside it. */
  r = analyze("He said: cat.Reuters reported it. The cat.reported by Reuters.");
  CHECK(r && r->n_sources == 0);
  precis_result_free(r);
}

TEST(no_source_without_a_citing_construction) {
  static const char *const texts[] = {
      "Trump said the talks went well.",
      "According to Beijing, the controls are needed for security.",
      "According to Zelenskyy, American officials have expressed interest.",
      "Zelensky told Trump he was ready to sign.",
      "The president told reporters on Monday that he was optimistic.",
      "A White House official said the summit would go ahead.",
      "The plane crashed in the far east.\nThe scene of the crash in Russia last month Credit: Anadolu via Getty Images\n",
      "Write to me at press@example.org or call the office.",
      "The U.S. and e.g. the EU agreed 2.5/3 of the terms.",
      "Reports indicate that a plan may be unveiled soon.",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    precis_result *r = analyze(texts[i]);
    if (!r || r->n_sources != 0) {
      fprintf(stderr, "  case \"%s\": got %zu sources:", texts[i], r ? r->n_sources : 0);
      for (size_t k = 0; r && k < r->n_sources; k++) fprintf(stderr, " [%s]", r->sources[k].name);
      fprintf(stderr, "\n");
      CHECK(0);
    }
    precis_result_free(r);
  }
}

TEST(reported_speech_continues_in_its_paragraph) {
  precis_result *r = analyze(
      "The deal is close to being signed, Reuters reported on Friday. \"We are ready to sign "
      "it this week,\" he said. Prices of metals rose sharply in Asia.\n\n"
      "\"We are not ready at all,\" he said on Saturday evening.\n");
  CHECK(sentence_cites(r, "The deal is close", "Reuters"));
  CHECK(sentence_cites(r, "We are ready", "Reuters"));
  CHECK(n_cited(r, "Prices of metals") == 0);
  CHECK(n_cited(r, "We are not ready") == 0);
  precis_result_free(r);
}

TEST(anaphor_refers_to_the_last_report) {
  precis_result *r = analyze(
      "Talks collapsed late on Thursday, according to a report by CNN.\n\n"
      "\"It is over,\" he said, according to the report.\n");
  CHECK(r && r->n_sources == 1);
  CHECK(sentence_cites(r, "It is over", "CNN"));
  precis_result_free(r);
}

TEST(citation_line_cites_the_prose_before) {
  precis_result *r = analyze(
      "# Title of the piece\n\n"
      "Prices rose sharply in the morning. Markets fell in the afternoon.\n"
      "([Markets slump](https://www.ft.com/x)).\n"
      "Bonds were flat all day long.\n\n"
      "Another paragraph says nothing cited at all.\n");
  CHECK(sentence_cites(r, "Prices rose", "Financial Times"));
  CHECK(sentence_cites(r, "Markets fell", "Financial Times"));
  CHECK(n_cited(r, "Bonds were flat") == 0);
  CHECK(n_cited(r, "Another paragraph") == 0);
  const precis_source *s = find_source(r, "Financial Times");
  CHECK(s && s->n_urls == 1 && strcmp(s->titles[0], "Markets slump") == 0);
  precis_result_free(r);
}

TEST(reference_section_entries) {
  precis_result *r = analyze(
      "The summit ended without a deal on Friday evening.\n\n"
      "**Sources:**\n\n"
      "*   [Summit ends](https://apnews.com/article/1)\n"
      "*   [No deal](https://example.org/report.pdf)\n");
  const precis_source *ap = find_source(r, "Associated Press");
  const precis_source *ex = find_source(r, "example.org");
  CHECK(r && r->n_sources == 2 && ap && ex);
  if (ex) CHECK(ex->kind == PRECIS_SOURCE_LINK && ex->n_urls == 1);
  CHECK(n_cited(r, "The summit ended") == 0);
  precis_result_free(r);
}

TEST(urls_once_and_images_skipped) {
  precis_result *r = analyze(
      "The report is online at https://www.bbc.com/news/1 today. The same report, "
      "https://www.bbc.com/news/1, was cited twice. ![chart](https://img.example.com/c.png)\n");
  const precis_source *s = find_source(r, "BBC");
  CHECK(r && r->n_sources == 1 && s && s->n_urls == 1 && s->n_mentions == 2);
  precis_result_free(r);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

TEST(link_scanning_stays_linear) {
  static const char *const units[] = {"a.b.", "[[[[(", "@@a@", "told The ", "www.a", "http://",
                                      "said ", "on X, ", "has Reuters ", "cat "};
  for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
    size_t n = 400000, k = strlen(units[u]);
    char *buf = malloc(n + 1);
    if (!buf) continue;
    for (size_t i = 0; i < n; i++) buf[i] = units[u][i % k];
    buf[n] = '\0';
    double t0 = now();
    precis *p = precis_new(NULL);
    precis_result *r = NULL;
    precis_analyze(p, buf, n, &r);
    double dt = now() - t0;
    if (dt > 5.0) fprintf(stderr, "  unit \"%s\" took %.2fs\n", units[u], dt);
    CHECK(dt < 5.0);
    precis_result_free(r);
    precis_free(p);
    free(buf);
  }
}

int main(void) {
  RUN(urls_with_and_without_scheme);
  RUN(outlet_tables);
  RUN(markdown_links_keep_their_own_titles);
  RUN(names_from_hosts_and_text_merge);
  RUN(attribution_patterns);
  RUN(attributions_across_skimmed_chunks);
  RUN(no_source_without_a_citing_construction);
  RUN(reported_speech_continues_in_its_paragraph);
  RUN(anaphor_refers_to_the_last_report);
  RUN(citation_line_cites_the_prose_before);
  RUN(reference_section_entries);
  RUN(urls_once_and_images_skipped);
  RUN(link_scanning_stays_linear);
  return harness_done("sources");
}
