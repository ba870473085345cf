/* Layout stage: block kinds, prose text, links and offset maps on small
 * synthetic inputs (markdown drafts, wrapped text, boilerplate, citations). */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "harness.h"
#include "read/boilerplate.h"

typedef struct fixture {
  precis_options opts;
  pc_alloc mem;
  pc_doc d;
  char err[256];
  char buf[4096];
} fixture;

static fixture F;
static int live;

static void done(void) {
  if (live) pc_doc_free(&F.d);
  live = 0;
}

static pc_doc *run_fmt(const char *text, precis_input_format fmt, int unwrap, int drop) {
  done();
  precis_options_init(&F.opts);
  F.opts.input_format = fmt;
  F.opts.unwrap_lines = unwrap;
  F.opts.drop_boilerplate = drop;
  pc_alloc_init(&F.mem, NULL);
  pc_doc_init(&F.d, &F.mem, &F.opts, NULL, text, strlen(text), F.err, sizeof F.err);
  live = 1;
  CHECK(pc_repair(&F.d) == PRECIS_OK);
  CHECK(pc_layout(&F.d) == PRECIS_OK);
  return &F.d;
}

static pc_doc *run(const char *text) { return run_fmt(text, PRECIS_INPUT_AUTO, 1, 1); }

static size_t nblocks(void) { return F.d.blocks.len; }
static const pc_block *blk(size_t i) {
  return i < F.d.blocks.len ? &PC_VEC_AT(F.d.blocks, pc_block, i) : NULL;
}

/* The prose of block i as a string. */
static const char *prose(size_t i) {
  const pc_block *b = blk(i);
  if (!b) return "(no block)";
  size_t n = b->prose_end - b->prose_start;
  if (n >= sizeof F.buf) n = sizeof F.buf - 1;
  memcpy(F.buf, F.d.prose.out.data + b->prose_start, n);
  F.buf[n] = '\0';
  return F.buf;
}

/* The original bytes that prose [s, e) of block i maps back to. */
static const char *orig_of(size_t i, size_t s, size_t e) {
  const pc_block *b = blk(i);
  pc_range r = pc_doc_prose_to_orig(&F.d, b->prose_start + s, b->prose_start + e);
  size_t n = r.end - r.start;
  if (n >= sizeof F.buf) n = sizeof F.buf - 1;
  memcpy(F.buf, F.d.orig + r.start, n);
  F.buf[n] = '\0';
  return F.buf;
}

/* Index of the first block of `kind` at or after `from`, or (size_t)-1. */
static size_t find_kind(pc_block_kind kind, size_t from) {
  for (size_t i = from; i < nblocks(); i++)
    if (blk(i)->kind == kind) return i;
  return (size_t)-1;
}

static size_t count_kind(pc_block_kind kind) {
  size_t c = 0;
  for (size_t i = 0; i < nblocks(); i++) c += blk(i)->kind == kind;
  return c;
}

static const char *repaired_slice(size_t s, size_t e) {
  size_t n = e - s;
  if (n >= sizeof F.buf) n = sizeof F.buf - 1;
  memcpy(F.buf, F.d.repaired.out.data + s, n);
  F.buf[n] = '\0';
  return F.buf;
}

static const pc_link *link_at(size_t i) {
  return i < F.d.links.len ? &PC_VEC_AT(F.d.links, pc_link, i) : NULL;
}


TEST(plain_paragraphs) {
  run("First paragraph here. It has two sentences.\n\nSecond one follows here.\n");
  CHECK(nblocks() == 2);
  CHECK(!F.d.is_markdown);
  CHECK(blk(0)->kind == PC_BLOCK_PARAGRAPH);
  CHECK_STR(prose(1), "Second one follows here.");
  CHECK(blk(0)->paragraph != blk(1)->paragraph);
  done();
}

TEST(markdown_draft) {
  const char *md =
      "---\ntitle: Draft\ntags: [a, b]\n---\n\n"
      "# The Big Title\n\n"
      "Intro with a [link text](https://example.com/a) and **bold** and *em* and `code`.\n\n"
      "```c\nint x = 1;\n\nint y;\n```\n\n"
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
      "<!-- a comment\nover lines -->\n\n"
      "- first item\n- second *item*\n\n"
      "> quoted text\n\n"
      "## Section\n\n"
      "Closing words.\n";
  run(md);
  CHECK(F.d.is_markdown);
  CHECK(blk(0)->kind == PC_BLOCK_FRONT_MATTER);
  CHECK(F.d.title_block == 1);
  CHECK_STR(prose(1), "The Big Title");
  size_t p = find_kind(PC_BLOCK_PARAGRAPH, 0);
  CHECK_STR(prose(p), "Intro with a link text and bold and em and code.");
  CHECK(count_kind(PC_BLOCK_CODE) == 1);
  CHECK(count_kind(PC_BLOCK_TABLE) == 1);
  CHECK(count_kind(PC_BLOCK_HTML) == 1);
  CHECK(count_kind(PC_BLOCK_LIST_ITEM) == 2);
  size_t li = find_kind(PC_BLOCK_LIST_ITEM, 0);
  CHECK_STR(prose(li), "first item");
  CHECK_STR(prose(li + 1), "second item");
  size_t q = find_kind(PC_BLOCK_QUOTE, 0);
  CHECK_STR(prose(q), "quoted text");
  size_t h = find_kind(PC_BLOCK_HEADING, 0);
  CHECK_STR(prose(h), "Section");
  /* Only prose kinds hold paragraph text; code and table never do. */
  size_t c = find_kind(PC_BLOCK_CODE, 0);
  CHECK(blk(c)->prose_end == blk(c)->prose_start);
  CHECK(!pc_block_is_prose(PC_BLOCK_CODE) && !pc_block_is_prose(PC_BLOCK_TABLE));
  /* The link is recorded with repaired ranges. */
  CHECK(F.d.links.len == 1);
  const pc_link *l = link_at(0);
  CHECK(l && l->block == p);
  CHECK_STR(repaired_slice(l->text_start, l->text_end), "link text");
  CHECK_STR(repaired_slice(l->url_start, l->url_end), "https://example.com/a");
  CHECK_STR(repaired_slice(l->start, l->end), "[link text](https://example.com/a)");
  /* Prose maps back to the exact original bytes. */
  const char *pr = "Intro with a link text and bold";
  CHECK_STR(orig_of(p, 0, strlen(pr)), "Intro with a [link text](https://example.com/a) and **bold");
  CHECK_STR(orig_of(p, 13, 22), "link text");
  done();
}

TEST(inline_reduction) {
  run_fmt("A ![img](x.png) b <https://a.org/x> c <span class=\"k\">d</span> e\\*f snake_case "
          "~~gone~~ __strong__ 5 * 3 &amp; x.\n",
          PRECIS_INPUT_MARKDOWN, 1, 1);
  CHECK_STR(prose(0), "A  b https://a.org/x c d e*f snake_case gone strong 5 * 3 & x.");
  CHECK(F.d.links.len == 1);
  const pc_link *l = link_at(0);
  CHECK(l && l->text_start == l->text_end);
  CHECK_STR(repaired_slice(l->url_start, l->url_end), "https://a.org/x");
  done();
}

TEST(setext_and_indented_code) {
  run_fmt("Title Here\n==========\n\nSome text.\n\n    code line\n    more\n\nSub\n---\n\nEnd.\n",
          PRECIS_INPUT_MARKDOWN, 1, 1);
  CHECK(F.d.title_block == 0);
  CHECK_STR(prose(0), "Title Here");
  CHECK(count_kind(PC_BLOCK_CODE) == 1);
  size_t h = find_kind(PC_BLOCK_HEADING, 0);
  CHECK_STR(prose(h), "Sub");
  done();
}

TEST(markdown_paragraph_joins_lines) {
  run_fmt("One line\ncontinues here.\n", PRECIS_INPUT_MARKDOWN, 1, 1);
  CHECK(nblocks() == 1);
  CHECK_STR(prose(0), "One line continues here.");
  CHECK_STR(orig_of(0, 0, strlen("One line continues")), "One line\ncontinues");
  done();
}

TEST(citation_lines) {
  const char *md =
      "# T\n\nA claim is made here.\n"
      "([Some headline](https://news.example.com/story)).\n"
      "More text after it.\n";
  run(md);
  size_t c = find_kind(PC_BLOCK_CITATION, 0);
  CHECK(c != (size_t)-1);
  CHECK(F.d.links.len == 1 && link_at(0)->block == c);
  CHECK_STR(repaired_slice(link_at(0)->url_start, link_at(0)->url_end),
            "https://news.example.com/story");
  size_t p1 = find_kind(PC_BLOCK_PARAGRAPH, 0), p2 = find_kind(PC_BLOCK_PARAGRAPH, p1 + 1);
  CHECK_STR(prose(p1), "A claim is made here.");
  CHECK_STR(prose(p2), "More text after it.");
  CHECK(blk(p1)->paragraph == blk(p2)->paragraph);
  done();
}

TEST(reference_section) {
  const char *md =
      "# T\n\nBody text here.\n\n**Information Sources:**\n\n"
      "*   [One](https://a.example/1)\n*   [Two](https://b.example/2)\n";
  run(md);
  size_t h = find_kind(PC_BLOCK_HEADING, 0);
  CHECK(h != (size_t)-1);
  CHECK(count_kind(PC_BLOCK_SOURCE_LIST) == 2);
  CHECK(F.d.links.len == 2);
  CHECK(blk(link_at(1)->block)->kind == PC_BLOCK_SOURCE_LIST);
  /* Plain text: "Sources:" and URL lines. */
  run_fmt("Headline Words Here\n\nSome body text goes here.\n\nSources:\nhttps://x.example/a\n"
          "- Reuters https://reuters.example/b\n",
          PRECIS_INPUT_TEXT, 1, 1);
  CHECK(count_kind(PC_BLOCK_SOURCE_LIST) == 2);
  CHECK(F.d.links.len == 2);
  done();
}

TEST(wrapped_text_with_blank_lines) {
  const char *txt =
      " A Headline about things to\n\nCome\n"
      " The first sentence of the article runs on for quite a while and then it\n\n"
      "continues on the next line after a blank line, as PDF exports often do for\n\n"
      "every single line of the text. It ends here.\n\n"
      "A new paragraph begins with a capital letter and goes on and on until it\n\n\n\n"
      "reaches a page break in the middle of a sentence and keeps going to the end.\n";
  run(txt);
  CHECK(F.d.title_block == 0);
  CHECK_STR(prose(0), "A Headline about things to Come");
  CHECK(nblocks() == 3);
  CHECK_STR(prose(1), "The first sentence of the article runs on for quite a while and then it "
                      "continues on the next line after a blank line, as PDF exports often do "
                      "for every single line of the text. It ends here.");
  CHECK(blk(2)->kind == PC_BLOCK_PARAGRAPH);
  const char *want = "A new paragraph begins with a capital letter and goes on and on until it "
                     "reaches a page break";
  CHECK(strncmp(prose(2), want, strlen(want)) == 0);
  /* The joining space maps to the newlines and blank lines it replaced. */
  const char *pr = prose(2), *at = strstr(pr, "until it reaches");
  CHECK(at != NULL);
  if (at) {
    size_t off = (size_t)(at - pr);
    CHECK_STR(orig_of(2, off, off + strlen("until it reaches")), "until it\n\n\n\nreaches");
  }
  done();
}

TEST(wrapped_email_text) {
  const char *txt =
      "This is a plain text message that was wrapped at seventy columns by the\n"
      "mail program, so every line ends before the sentence does and the\n"
      "reader has to join them again.\n\n"
      "The second paragraph is also wrapped at the same width as the first\n"
      "one and it ends with a full stop like normal prose would do here.\n";
  run(txt);
  CHECK(count_kind(PC_BLOCK_PARAGRAPH) == 2);
  CHECK(strstr(prose(0), "by the mail program") != NULL);
  /* Without unwrapping, the line break stays in the prose. */
  run_fmt(txt, PRECIS_INPUT_TEXT, 0, 1);
  CHECK(strstr(prose(0), "by the\nmail program") != NULL);
  done();
}

TEST(unwrapped_lines_break_before_a_capital) {
  /* Lines that are not hard-wrapped: a line cut mid-sentence goes on in
   * a line that starts in lower case (or after a word like "with"), but a
   * photo caption stopping short of a full stop does not run into the next
   * paragraph. */
  const char *txt =
      "The first paragraph is a long line of news text, as one line per paragraph, and it ends.\n"
      "They show orange has always been the most popular\n"
      "colour - although in recent years blue has begun to catch up with\n"
      "Orange at last.\n"
      "Douglas Bader's story is to be told in a film about the first great escape\n"
      "Bader lost his legs in a flying accident in 1931 and flew in the war again.\n";
  run_fmt(txt, PRECIS_INPUT_TEXT, 1, 1);
  CHECK(count_kind(PC_BLOCK_PARAGRAPH) == 4);
  CHECK(strstr(prose(1), "most popular colour - although") != NULL);
  CHECK(strstr(prose(1), "catch up with Orange at last.") != NULL);
  CHECK_STR(prose(2), "Douglas Bader's story is to be told in a film about the first great escape");
  done();
}

TEST(dangling_quote_marks_are_dropped) {
  /* Tokenised news text leaves the mark opening the next paragraph's quote
   * at the end of a line, or alone on one: not a sentence of its own. */
  run_fmt("He said: 'I have had some nice times in the Premier League. '\n"
          "'\n"
          "It is not so good for Dortmund that he is leaving,' he added.\n",
          PRECIS_INPUT_TEXT, 1, 1);
  size_t p = find_kind(PC_BLOCK_PARAGRAPH, 0);
  CHECK_STR(prose(p), "He said: 'I have had some nice times in the Premier League.");
  size_t q = find_kind(PC_BLOCK_PARAGRAPH, p + 1);
  while (q != (size_t)-1 && blk(q)->prose_end == blk(q)->prose_start)
    q = find_kind(PC_BLOCK_PARAGRAPH, q + 1);
  CHECK_STR(prose(q), "It is not so good for Dortmund that he is leaving,' he added.");
  /* A quote mark closing a sentence stays. */
  run_fmt("He said: 'It is over.'\n", PRECIS_INPUT_TEXT, 1, 1);
  CHECK_STR(prose(0), "He said: 'It is over.'");
  done();
}

TEST(no_unwrap_keeps_lines) {
  run_fmt("Line one of text that\ncontinues.\n", PRECIS_INPUT_TEXT, 0, 1);
  CHECK(nblocks() == 1);
  CHECK_STR(prose(0), "Line one of text that\ncontinues.");
  done();
}

TEST(boilerplate_lines) {
  const char *txt =
      "US leader will do a big thing to end the war\n"
      "The Daily Planet\n"
      "Jane Smith, Deputy Political Editor\n"
      "13 August 2025 9:25pm BST\n"
      "LONDON (Reuters) - The leader is preparing to make an offer to end the war.\n"
      "The offer was made on Friday after long talks.\n"
      "A man walks past the building in Berlin Credit: John Doe/AFP\n"
      "The talks will continue next week, officials said.\n"
      "Economic outlook\n"
      "Markets rose on the news, traders said.\n"
      "No comments:\n"
      "Post a Comment\n";
  run(txt);
  CHECK(F.d.title_block == 0);
  CHECK(count_kind(PC_BLOCK_BOILERPLATE) >= 6);
  CHECK(count_kind(PC_BLOCK_CAPTION) == 1);
  size_t p = find_kind(PC_BLOCK_PARAGRAPH, 0);
  CHECK_STR(prose(p), "The leader is preparing to make an offer to end the war.");
  CHECK_STR(orig_of(p, 0, 10), "The leader");
  size_t h = find_kind(PC_BLOCK_HEADING, 0);
  CHECK_STR(prose(h), "Economic outlook");
  for (size_t i = 0; i < nblocks(); i++)
    if (pc_block_is_prose(blk(i)->kind)) {
      CHECK(strstr(prose(i), "Credit") == NULL);
      CHECK(strstr(prose(i), "comment") == NULL);
      CHECK(strstr(prose(i), "Editor") == NULL);
    }
  /* Kept as prose when boilerplate is not dropped. */
  run_fmt(txt, PRECIS_INPUT_AUTO, 1, 0);
  CHECK(count_kind(PC_BLOCK_BOILERPLATE) == 0);
  CHECK(count_kind(PC_BLOCK_CAPTION) == 0);
  done();
}

TEST(header_prefix_and_embed) {
  const char *txt =
      " date 2025-02-22 The president is moving closer to a deal on Friday.\n\n"
      "He said so in a post. pic.twitter.com/AbC123 \xE2\x80\x94 Some Person (@someone) "
      "February 21, 2025\n\n"
      "Later he said more.\n";
  run(txt);
  CHECK(F.d.title_block == -1);
  CHECK(blk(0)->kind == PC_BLOCK_BOILERPLATE);
  CHECK_STR(repaired_slice(blk(0)->start, blk(0)->end), "date 2025-02-22");
  size_t p = find_kind(PC_BLOCK_PARAGRAPH, 0);
  CHECK_STR(prose(p), "The president is moving closer to a deal on Friday.");
  size_t e = find_kind(PC_BLOCK_EMBED, 0);
  CHECK(e != (size_t)-1);
  CHECK_STR(prose(e - 1), "He said so in a post.");
  CHECK(F.d.links.len == 1);
  CHECK_STR(repaired_slice(link_at(0)->url_start, link_at(0)->url_end), "pic.twitter.com/AbC123");
  /* A date that starts a sentence is no header. */
  run("The memo came to light this week.\n"
      "Dated April 2015 and drawn up to brief the Senate, the memo warns of turmoil.\n");
  CHECK_STR(prose(find_kind(PC_BLOCK_PARAGRAPH, 1)),
            "Dated April 2015 and drawn up to brief the Senate, the memo warns of turmoil.");
  done();
}

TEST(markdown_dateline_in_bold) {
  run("# Title\n\n**WASHINGTON \xE2\x80\x93** As the war goes on, things happen.\n");
  size_t p = find_kind(PC_BLOCK_PARAGRAPH, 0);
  CHECK_STR(prose(p), "As the war goes on, things happen.");
  CHECK_STR(orig_of(p, 0, 6), "As the");
  done();
}

TEST(sentence_start_after_title_is_no_byline) {
  /* A short line after the title is a byline or an outlet, unless the next
   * line goes on with its sentence. */
  run("Think it's hard to redeem your miles for an airline award ticket?\n"
      "It depends on which airline rewards program\n"
      "you've chosen, which route you're flying and when you book.\n"
      "More text follows here in the story.\n");
  CHECK(F.d.title_block == 0);
  CHECK_STR(prose(find_kind(PC_BLOCK_PARAGRAPH, 1)),
            "It depends on which airline rewards program you've chosen, which route you're "
            "flying and when you book.");
  done();
}

TEST(sentence_first_line_is_not_title) {
  run("The minister said on Monday that talks would resume.\nMore text follows here.\n");
  CHECK(F.d.title_block == -1);
  run("A short headline\nthat is really a wrapped sentence start.\n");
  CHECK(F.d.title_block == -1);
  done();
}

TEST(pathological_inputs_are_linear) {
  static char big[200001];
  for (size_t i = 0; i < sizeof big - 1; i++) big[i] = "[`*<_"[i % 5];
  big[sizeof big - 1] = '\0';
  run_fmt(big, PRECIS_INPUT_MARKDOWN, 1, 1);
  CHECK(nblocks() >= 1);
  memset(big, '[', sizeof big - 1);
  run_fmt(big, PRECIS_INPUT_MARKDOWN, 1, 1);
  CHECK(nblocks() == 1);
  done();
}

TEST(empty_input) {
  run("");
  CHECK(nblocks() == 0);
  run("\n\n   \n");
  CHECK(nblocks() == 0);
  done();
}

TEST(every_date_word_is_known) {
  static const char *const months[] = {
      "January", "february", "MARCH", "April", "may", "June", "July", "August", "September",
      "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
      "Sep", "Sept", "Oct", "Nov", "Dec"};
  static const char *const others[] = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon",
      "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "GMT", "BST", "UTC",
      "EST", "EDT", "CST", "CDT", "PST", "PDT", "MST", "MDT", "CET", "CEST", "EET", "EEST",
      "IST", "JST", "AEST", "AEDT", "ET", "PT", "CT", "MSK", "Z", "Updated", "published",
      "Posted", "last", "at", "on", "am", "pm", "|", "-", "\xE2\x80\x93", "\xE2\x80\x94",
      "\xE2\x80\xA2", "\xC2\xB7", "/", "of"};
  char line[64];
  for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
    snprintf(line, sizeof line, "%s 12", months[i]);
    CHECK(pc_boiler_is_dateline(line, 0, strlen(line)));
  }
  for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
    snprintf(line, sizeof line, "%s 12 March", others[i]);
    CHECK(pc_boiler_is_dateline(line, 0, strlen(line)));
  }
  static const char *const not_dates[] = {"The 12 March", "Marchx 12", "12 Ma", "Septembers 12",
                                          "March", "Monday 12", "March 12 and more"};
  for (size_t i = 0; i < sizeof not_dates / sizeof not_dates[0]; i++)
    CHECK(!pc_boiler_is_dateline(not_dates[i], 0, strlen(not_dates[i])));
  CHECK(pc_boiler_is_dateline("**Updated: 2025-02-22T09:25:00Z**", 0, 33));
}

TEST(caption_and_citation_patterns) {
  static const char *const captions[] = {
      "A man walks past in Berlin Credit: John Doe/AFP",
      "The scene on Friday (Photo: Jane Roe)",
      "Fans at the match. Photo credit: Someone Else",
      "Crowds gather (Getty Images)",
      "Protesters outside parliament PA Wire"};
  for (size_t i = 0; i < sizeof captions / sizeof captions[0]; i++)
    CHECK(pc_boiler_is_caption(captions[i], 0, strlen(captions[i])));
  static const char *const not_captions[] = {
      "He said: \"we will win.\"", "XCredit: no", "Note: Credit: a b c d e f g h i j k l",
      "Time: 9pm; Place: here"};
  for (size_t i = 0; i < sizeof not_captions / sizeof not_captions[0]; i++)
    CHECK(!pc_boiler_is_caption(not_captions[i], 0, strlen(not_captions[i])));
  CHECK(pc_boiler_is_citation("(https://example.com/a).", 0, 24));
  CHECK(pc_boiler_is_citation("<www.example.com/a>", 0, 19));
  CHECK(!pc_boiler_is_citation("https://example.com/a and more", 0, 30));
  CHECK(pc_boiler_is_byline("By Jane Doe", 0, 11));
  CHECK(pc_boiler_is_byline("Connor Stringer, Deputy US Editor", 0, 33));
  CHECK(!pc_boiler_is_byline("Connor Stringer Deputy US Editor", 0, 32));
  CHECK(pc_boiler_embed_start("x pic.twitter.com/AbC", 0, 21) == 2);
  CHECK(pc_boiler_embed_start("PIC.TWITTER.COM/", 0, 16) == 0);
}

TEST(urls_in_plain_and_markdown_text) {
  run_fmt("See www.example.com/a today. Also http://b.example.org/x, and c.example.net/path.\n"
          "Not a.b or e.g. this. A 3.5 rise: x:y.\n",
          PRECIS_INPUT_TEXT, 1, 1);
  CHECK(F.d.links.len == 3);
  if (F.d.links.len == 3) {
    CHECK_STR(repaired_slice(link_at(0)->url_start, link_at(0)->url_end), "www.example.com/a");
    CHECK_STR(repaired_slice(link_at(1)->url_start, link_at(1)->url_end), "http://b.example.org/x");
    CHECK_STR(repaired_slice(link_at(2)->url_start, link_at(2)->url_end), "c.example.net/path");
  }
  run_fmt("**www.example.com/a** and [text www.inner.com/x](https://t.example.com/) and "
          "`www.code.com/x` and _https://u.example.com/y_ and x-www.no.com/z.\n",
          PRECIS_INPUT_MARKDOWN, 1, 1);
  CHECK(F.d.links.len == 3);
  if (F.d.links.len == 3) {
    CHECK_STR(repaired_slice(link_at(0)->url_start, link_at(0)->url_end), "www.example.com/a");
    CHECK_STR(repaired_slice(link_at(1)->url_start, link_at(1)->url_end), "https://t.example.com/");
    /* after '_' (a word byte) no URL starts; a hyphenated host is one */
    CHECK_STR(repaired_slice(link_at(2)->url_start, link_at(2)->url_end), "x-www.no.com/z");
  }
  CHECK_STR(prose(0), "www.example.com/a and text www.inner.com/x and www.code.com/x and "
                      "https://u.example.com/y and x-www.no.com/z.");
  done();
}

int main(void) {
  RUN(plain_paragraphs);
  RUN(markdown_draft);
  RUN(inline_reduction);
  RUN(setext_and_indented_code);
  RUN(markdown_paragraph_joins_lines);
  RUN(citation_lines);
  RUN(reference_section);
  RUN(wrapped_text_with_blank_lines);
  RUN(wrapped_email_text);
  RUN(unwrapped_lines_break_before_a_capital);
  RUN(dangling_quote_marks_are_dropped);
  RUN(no_unwrap_keeps_lines);
  RUN(boilerplate_lines);
  RUN(header_prefix_and_embed);
  RUN(markdown_dateline_in_bold);
  RUN(sentence_start_after_title_is_no_byline);
  RUN(sentence_first_line_is_not_title);
  RUN(pathological_inputs_are_linear);
  RUN(empty_input);
  RUN(every_date_word_is_known);
  RUN(caption_and_citation_patterns);
  RUN(urls_in_plain_and_markdown_text);
  return harness_done("layout");
}
