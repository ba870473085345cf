/* Stage 1, reading and repair (pc_repair): output text, and that the map
 * sends every repaired range back to the exact original bytes, for invalid
 * UTF-8, NULs, line endings, BOM, mojibake, HTML references, NFC, binary
 * input, strict mode and size limits; plus throughput on 10 MB, a random
 * mix checked for invariants, allocation failures, and seed 000 end to end
 * (skipped when SHARED_DIR is absent). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "doc.h"
#include "harness.h"
#include "test_heap.h"
#include "precis.h"

typedef struct fixture {
  pc_alloc mem;
  precis_options opts;
  pc_doc d;
  char err[256];
  precis_status st;
  const char *in;
  size_t in_len;
  int unchecked; /* skip map_is_sound (timing, or text NFC cannot finish) */
} fixture;

/* Every output byte and every original byte is covered by exactly one run,
 * in order; copy runs hold the original bytes; the text is valid UTF-8, NFC,
 * and free of NUL and CR. */
static int map_is_sound(const fixture *f) {
  const pc_textmap *m = &f->d.repaired;
  const pc_map_run *runs = m->runs.data;
  size_t out = 0, src = 0;
  for (size_t i = 0; i < m->runs.len; i++) {
    const pc_map_run *r = &runs[i];
    if (r->out_start != out || r->src_start != src) return 0;
    if (r->is_copy && (r->out_len != r->src_len ||
                       memcmp(m->out.data + r->out_start, f->in + r->src_start, r->src_len)))
      return 0;
    out += r->out_len;
    src += r->src_len;
  }
  if (out != m->out.len || src != f->in_len) return 0;
  const utf8proc_uint8_t *t = (const utf8proc_uint8_t *)m->out.data;
  utf8proc_ssize_t n = (utf8proc_ssize_t)m->out.len;
  for (utf8proc_ssize_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t got = utf8proc_iterate(t + i, n - i, &cp);
    if (got <= 0 || cp == 0 || cp == '\r') return 0;
    i += got;
  }
  if (n > 0) {
    /* The text need not be NUL-terminated (an identity map borrows the input). */
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t nfc_len =
        utf8proc_map(t, n, &nfc, (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    int same = nfc_len == n && memcmp(nfc, t, (size_t)n) == 0;
    free(nfc);
    if (!same) return 0;
  }
  return 1;
}

static precis_status repair_opts(fixture *f, const char *text, size_t len) {
  pc_alloc_init(&f->mem, f->opts.allocator);
  f->in = text;
  f->in_len = len;
  f->err[0] = '\0';
  pc_doc_init(&f->d, &f->mem, &f->opts, NULL, text, len, f->err, sizeof f->err);
  f->st = pc_repair(&f->d);
  if (f->st == PRECIS_OK && !f->unchecked) CHECK(map_is_sound(f));
  return f->st;
}

/* Default options, nothing repaired yet. */
static void start(fixture *f) {
  memset(f, 0, sizeof *f);
  precis_options_init(&f->opts);
}

static precis_status repair_len(fixture *f, const char *text, size_t len) {
  start(f);
  return repair_opts(f, text, len);
}

static precis_status repair(fixture *f, const char *text) {
  return repair_len(f, text, strlen(text));
}

static const char *out(const fixture *f) { return f->d.repaired.out.data ? f->d.repaired.out.data : ""; }

static void done(fixture *f) { pc_doc_free(&f->d); }

/* The output bytes [ostart, oend) come from original bytes [istart, iend). */
static int maps(const fixture *f, size_t ostart, size_t oend, size_t istart, size_t iend) {
  pc_range r = pc_doc_repaired_to_orig(&f->d, ostart, oend);
  if (r.start != istart || r.end != iend)
    fprintf(stderr, "  [%zu,%zu) maps to [%zu,%zu), want [%zu,%zu)\n", ostart, oend, r.start,
            r.end, istart, iend);
  return r.start == istart && r.end == iend;
}

/* The first `want` in the output maps to the first `orig` in the input. */
static int maps_str(const fixture *f, const char *want, const char *orig) {
  const char *o = strstr(out(f), want);
  const char *i = NULL;
  for (size_t k = 0; k + strlen(orig) <= f->in_len && !i; k++)
    if (memcmp(f->in + k, orig, strlen(orig)) == 0) i = f->in + k;
  if (!o || !i) {
    fprintf(stderr, "  \"%s\" or \"%s\" not found\n", want, orig);
    return 0;
  }
  size_t os = (size_t)(o - out(f)), is = (size_t)(i - f->in);
  return maps(f, os, os + strlen(want), is, is + strlen(orig));
}

#define FFFD "\xEF\xBF\xBD"

TEST(ascii_is_one_copy_run) {
  fixture f;
  CHECK(repair(&f, "Plain text.\n\tTabbed line, form\ffeed.") == PRECIS_OK);
  CHECK_STR(out(&f), "Plain text.\n\tTabbed line, form\ffeed.");
  CHECK(f.d.repaired.runs.len == 1);
  done(&f);
  CHECK(repair(&f, "") == PRECIS_OK);
  CHECK_STR(out(&f), "");
  done(&f);
}

typedef struct utf8_case {
  const char *in, *want;
} utf8_case;

TEST(invalid_utf8_forms) {
  static const utf8_case cases[] = {
      {"a\x80" "b", "a" FFFD "b"},                           /* stray continuation */
      {"\xBF\xBF", FFFD FFFD},                                /* two of them */
      {"\xC0\xAF", FFFD FFFD},                                /* overlong '/' */
      {"\xC1\xBF", FFFD FFFD},                                /* overlong */
      {"\xE0\x80\xAF", FFFD FFFD FFFD},                       /* overlong 3-byte */
      {"\xF0\x80\x80\xAF", FFFD FFFD FFFD FFFD},              /* overlong 4-byte */
      {"\xED\xA0\x80", FFFD FFFD FFFD},                       /* surrogate U+D800 */
      {"\xED\xBF\xBF", FFFD FFFD FFFD},                       /* surrogate U+DFFF */
      {"\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD},              /* U+110000 */
      {"\xF5\x80\x80\x80", FFFD FFFD FFFD FFFD},              /* F5 lead */
      {"x\xFF\xFE", "x" FFFD FFFD},                           /* not UTF-8 at all */
      {"x\xE2\x82", "x" FFFD},                                /* truncated at the end */
      {"x\xF0\x9F\x98", "x" FFFD},                            /* truncated 4-byte */
      {"x\xE2\x82y", "x" FFFD "y"},                           /* cut short */
      {"\xC3", FFFD},                                         /* lone lead at the end */
      /* Unicode's Table 3-8 example. */
      {"\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
       "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d"},
      {"ok \xE2\x80\x99 \xF0\x9F\x98\x80", "ok \xE2\x80\x99 \xF0\x9F\x98\x80"}, /* valid */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    fixture f;
    CHECK(repair(&f, cases[i].in) == PRECIS_OK);
    CHECK_STR(out(&f), cases[i].want);
    done(&f);
  }
}

TEST(invalid_utf8_maps_to_its_bytes) {
  fixture f;
  /* a F1 80 80 | E1 80 | C2 | b */
  CHECK(repair(&f, "\x61\xF1\x80\x80\xE1\x80\xC2\x62") == PRECIS_OK);
  CHECK(maps(&f, 1, 4, 1, 4));   /* first U+FFFD: F1 80 80 */
  CHECK(maps(&f, 4, 7, 4, 6));   /* second: E1 80 */
  CHECK(maps(&f, 7, 10, 6, 7));  /* third: C2 */
  CHECK(maps(&f, 10, 11, 7, 8)); /* b */
  CHECK(maps(&f, 0, 11, 0, 8));
  done(&f);
  /* Ending inside a multi-byte character. */
  CHECK(repair(&f, "end \xE2\x80") == PRECIS_OK);
  CHECK_STR(out(&f), "end " FFFD);
  CHECK(maps(&f, 4, 7, 4, 6));
  done(&f);
}

TEST(strict_mode_errors) {
  fixture f;
  start(&f);
  f.opts.utf8_policy = PRECIS_UTF8_STRICT;
  CHECK(repair_opts(&f, "abc\xE2\x28\xA1", 6) == PRECIS_ERR_INVALID_UTF8);
  CHECK_STR(f.err, "invalid UTF-8 at byte 3");
  done(&f);
  CHECK(repair_opts(&f, "tail \xE2\x82", 7) == PRECIS_ERR_INVALID_UTF8);
  CHECK_STR(f.err, "invalid UTF-8 at byte 5");
  done(&f);
  CHECK(repair_opts(&f, "a\0b", 3) == PRECIS_ERR_INVALID_UTF8);
  CHECK_STR(f.err, "NUL byte at byte 1");
  done(&f);
  CHECK(repair_opts(&f, "bell\x07", 5) == PRECIS_ERR_INVALID_UTF8);
  CHECK_STR(f.err, "control byte 0x07 at byte 4");
  done(&f);
  /* Valid text, CRLF, entities and mojibake are fine under STRICT. */
  const char *ok = "caf\xC3\xA9\r\nit&#39;s \xC3\xA2\xE2\x82\xAC\xE2\x84\xA2";
  CHECK(repair_opts(&f, ok, strlen(ok)) == PRECIS_OK);
  CHECK_STR(out(&f), "caf\xC3\xA9\nit's \xE2\x80\x99");
  done(&f);
}

TEST(nul_and_control_bytes) {
  fixture f;
  CHECK(repair_len(&f, "a\0b\0\0c", 6) == PRECIS_OK);
  CHECK_STR(out(&f), "a" FFFD "b" FFFD FFFD "c");
  CHECK(maps(&f, 1, 4, 1, 2));
  CHECK(maps(&f, 5, 8, 3, 4));
  done(&f);
  CHECK(repair(&f, "esc\x1b[1mbold\x1b[0m del\x7f") == PRECIS_OK);
  CHECK_STR(out(&f), "esc" FFFD "[1mbold" FFFD "[0m del" FFFD);
  done(&f);
}

TEST(line_endings) {
  fixture f;
  CHECK(repair(&f, "one\r\ntwo\rthree\n\r\n") == PRECIS_OK);
  CHECK_STR(out(&f), "one\ntwo\nthree\n\n");
  CHECK(maps(&f, 3, 4, 3, 5));   /* "\n" from "\r\n" */
  CHECK(maps(&f, 7, 8, 8, 9));   /* "\n" from lone "\r" */
  CHECK(maps(&f, 4, 7, 5, 8));   /* "two" */
  CHECK(maps(&f, 14, 15, 15, 17));
  done(&f);
  CHECK(repair(&f, "end\r") == PRECIS_OK);
  CHECK_STR(out(&f), "end\n");
  done(&f);
}

TEST(byte_order_mark) {
  fixture f;
  CHECK(repair(&f, "\xEF\xBB\xBFHello") == PRECIS_OK);
  CHECK_STR(out(&f), "Hello");
  CHECK(maps(&f, 0, 5, 3, 8));
  done(&f);
  CHECK(repair(&f, "\xEF\xBB\xBF") == PRECIS_OK);
  CHECK_STR(out(&f), "");
  done(&f);
  /* Only a leading BOM goes; inside the text it is a character. */
  CHECK(repair(&f, "a\xEF\xBB\xBF" "b") == PRECIS_OK);
  CHECK_STR(out(&f), "a\xEF\xBB\xBF" "b");
  done(&f);
}

typedef struct fix_case {
  const char *in, *want, *damaged, *meant;
} fix_case;

TEST(mojibake_repairs) {
  static const fix_case cases[] = {
      /* seed 000 line 3: "â€“" is the en dash read as Windows-1252 */
      {"**WASHINGTON \xC3\xA2\xE2\x82\xAC\xE2\x80\x9C** As", "**WASHINGTON \xE2\x80\x93** As",
       "\xC3\xA2\xE2\x82\xAC\xE2\x80\x9C", "\xE2\x80\x93"},
      {"It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s", "It\xE2\x80\x99s", "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2",
       "\xE2\x80\x99"},                                              /* â€™ -> ’ */
      {"\xC3\xA2\xE2\x82\xAC\xC5\x93quoted\xC3\xA2\xE2\x82\xAC\xC2\x9D",
       "\xE2\x80\x9Cquoted\xE2\x80\x9D", "\xC3\xA2\xE2\x82\xAC\xC5\x93", "\xE2\x80\x9C"}, /* â€œ â€\x9d */
      {"caf\xC3\x83\xC2\xA9 ok", "caf\xC3\xA9 ok", "\xC3\x83\xC2\xA9", "\xC3\xA9"}, /* Ã© -> é */
      {"M\xC3\x83\xC2\xBCnchen", "M\xC3\xBCnchen", "\xC3\x83\xC2\xBC", "\xC3\xBC"}, /* Ã¼ -> ü */
      {"K\xC3\x83\xE2\x80\x93LN", "K\xC3\x96LN", "\xC3\x83\xE2\x80\x93", "\xC3\x96"}, /* Ã– -> Ö */
      {"10\xC3\x82\xC2\xA0km", "10\xC2\xA0km", "\xC3\x82\xC2\xA0", "\xC2\xA0"},     /* Â+NBSP */
      {"end.\xC3\x82 Next", "end. Next", "\xC3\x82 ", " "},                     /* Â+space */
      {"\xC3\x82\xC2\xA3" "5", "\xC2\xA3" "5", "\xC3\x82\xC2\xA3", "\xC2\xA3"},   /* Â£ -> £ */
      /* double encoding: Ã¢â‚¬â„¢ -> â€™ -> ’ */
      {"don\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA2\xE2\x80\x9E\xC2\xA2t", "don\xE2\x80\x99t",
       "\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA2\xE2\x80\x9E\xC2\xA2", "\xE2\x80\x99"},
      /* Latin-1 instead of Windows-1252: â + U+0080 + U+0099 */
      {"it\xC3\xA2\xC2\x80\xC2\x99s", "it\xE2\x80\x99s", "\xC3\xA2\xC2\x80\xC2\x99", "\xE2\x80\x99"},
      /* a lone C1 control is a Windows-1252 byte */
      {"it\xC2\x92s", "it\xE2\x80\x99s", "\xC2\x92", "\xE2\x80\x99"},
      /* emoji: ðŸ˜€ */
      {"hi \xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC!", "hi \xF0\x9F\x98\x80!",
       "\xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC", "\xF0\x9F\x98\x80"},
      /* Cyrillic read as Windows-1252: ÐŸÑ€Ð¸ -> При */
      {"\xC3\x90\xC5\xB8\xC3\x91\xE2\x82\xAC\xC3\x90\xC2\xB8", "\xD0\x9F\xD1\x80\xD0\xB8",
       "\xC3\x91\xE2\x82\xAC", "\xD1\x80"},
      /* decomposed text read as Windows-1252: "eÌˆ" is e + U+0308 -> ë */
      {"Bro\xC3\x8C\xCB\x86", "Br\xC3\xB6", "o\xC3\x8C\xCB\x86", "\xC3\xB6"},
      {"ne\xC3\x8C\xCB\x86", "n\xC3\xAB", "e\xC3\x8C\xCB\x86", "\xC3\xAB"},
      /* French lowercase "voilÃ " + NBSP + letter: à */
      {"voil\xC3\x83\xC2\xA0la", "voil\xC3\xA0la", "\xC3\x83\xC2\xA0", "\xC3\xA0"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    fixture f;
    CHECK(repair(&f, cases[i].in) == PRECIS_OK);
    CHECK_STR(out(&f), cases[i].want);
    CHECK(maps_str(&f, cases[i].meant, cases[i].damaged));
    done(&f);
  }
  /* A damaged byte order mark at the start goes away. */
  fixture f;
  CHECK(repair(&f, "\xC3\xAF\xC2\xBB\xC2\xBFHello") == PRECIS_OK);
  CHECK_STR(out(&f), "Hello");
  CHECK(maps(&f, 0, 5, 6, 11));
  done(&f);
}

TEST(mojibake_leaves_real_text_alone) {
  static const char *const texts[] = {
      "\xC3\x83 alone",                                       /* "Ã alone" */
      "A\xC3\x83",                                            /* Ã at the end */
      "\xC3\xA2\xE2\x82\xAC x",                               /* "â€ x" */
      "\xC3\xA2\xE2\x82\xAC\xD0\x96",                         /* "â€Ж" */
      "\xD0\x92\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x80 "
      "\xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0\xB8\xD0\xB9", /* Володимир Зеленський */
      "\xC3\x80 c\xC3\xB4t\xC3\xA9",                          /* À côté */
      "Gr\xC3\xB6\xC3\x9F" "e",                               /* Größe */
      "IRM\xC3\x83\xE2\x80\x9D, disse",                       /* IRMÃ”, */
      "L\xE2\x80\x99\xC3\x89T\xC3\x89\xC2\xBB.",              /* L’ÉTÉ». */
      "caf\xC3\xA9\xE2\x80\x99\xE2\x80\xA6",                  /* café’… */
      "PI\xC3\x99\xE2\x80\xA6 e",                             /* PIÙ… e */
      "na\xC3\xAFve \xC2\xAB\xC2\xA0oui\xC2\xA0\xC2\xBB",     /* naïve « oui » */
      "\xC2\xA9 2024 \xE2\x80\x94 \xC2\xBD \xC2\xB0" "C \xC3\x97 \xC3\xB7", /* © — ½ °C × ÷ */
      "German (Bone, \xC2\xBB\xC3\x9F\xC2\xAB unten)",          /* »ß« */
      "PROHL\xC3\x8D\xC5\xBD" "E\xC4\x8C",                     /* PROHLÍŽEČ */
      "It\xE2\x80\x99s \xE2\x80\x9C" "fine\xE2\x80\x9D \xE2\x80\x93 really\xE2\x80\xA6",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    fixture f;
    CHECK(repair(&f, texts[i]) == PRECIS_OK);
    CHECK_STR(out(&f), texts[i]);
    CHECK(f.d.repaired.runs.len == 1);
    done(&f);
  }
  /* With repair_mojibake off, mojibake stays. */
  fixture f;
  start(&f);
  f.opts.repair_mojibake = 0;
  const char *m = "It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s";
  CHECK(repair_opts(&f, m, strlen(m)) == PRECIS_OK);
  CHECK_STR(out(&f), m);
  done(&f);
}

TEST(html_references) {
  fixture f;
  CHECK(repair(&f, "AT&amp;T &quot;q&quot; it&#39;s &#8217; &#x2019; a&nbsp;b &mdash; "
                   "&hellip;&eacute;&#150;") == PRECIS_OK);
  CHECK_STR(out(&f), "AT&T \"q\" it's \xE2\x80\x99 \xE2\x80\x99 a\xC2\xA0" "b \xE2\x80\x94 "
                     "\xE2\x80\xA6\xC3\xA9\xE2\x80\x93");
  CHECK(maps_str(&f, "&", "&amp;"));
  CHECK(maps_str(&f, "\xE2\x80\x94", "&mdash;"));
  CHECK(maps_str(&f, "\xC3\xA9", "&eacute;"));
  CHECK(maps_str(&f, "\xE2\x80\x93", "&#150;"));
  done(&f);
  /* Not references, or references to what text cannot hold: unchanged. */
  static const char *const kept =
      "AT&T R&D; & ; &bogus; &amp &#; &#x; &#0; &#1; &#xD800; &#1114112; &#99999999999; "
      "&#129; &ampx; &";
  CHECK(repair(&f, kept) == PRECIS_OK);
  CHECK_STR(out(&f), kept);
  done(&f);
}

TEST(nfc_normalisation) {
  fixture f;
  CHECK(repair(&f, "Cafe\xCC\x81 ok") == PRECIS_OK);
  CHECK_STR(out(&f), "Caf\xC3\xA9 ok");
  CHECK(maps(&f, 3, 5, 3, 6)); /* é from e + U+0301 */
  CHECK(maps(&f, 5, 8, 6, 9));
  CHECK(maps(&f, 0, 3, 0, 3));
  done(&f);
  CHECK(repair(&f, "e\xCC\x81") == PRECIS_OK);
  CHECK_STR(out(&f), "\xC3\xA9");
  CHECK(maps(&f, 0, 2, 0, 3));
  done(&f);
  /* Already NFC: one copy run. */
  CHECK(repair(&f, "caf\xC3\xA9 \xD0\xB9 \xEA\xB0\x80 \xE1\xBA\xBF") == PRECIS_OK);
  CHECK(f.d.repaired.runs.len == 1);
  done(&f);
  /* Singleton U+212B ANGSTROM SIGN -> U+00C5; Hangul jamo L+V -> U+AC00;
   * marks reordered: a + U+0323 (below) after U+0301 (above). */
  CHECK(repair(&f, "x\xE2\x84\xAB y\xE1\x84\x80\xE1\x85\xA1 a\xCC\x81\xCC\xA3") == PRECIS_OK);
  CHECK_STR(out(&f), "x\xC3\x85 y\xEA\xB0\x80 \xE1\xBA\xA1\xCC\x81");
  done(&f);
  /* Repair output is normalised too: "e&#769;" is é. */
  CHECK(repair(&f, "e&#769;!") == PRECIS_OK);
  CHECK_STR(out(&f), "\xC3\xA9!");
  CHECK(maps(&f, 0, 2, 0, 7));
  CHECK(maps(&f, 2, 3, 7, 8));
  done(&f);
  /* A mark after CRLF and a leading BOM keeps the other runs intact. */
  CHECK(repair(&f, "\xEF\xBB\xBFz\r\no\xCC\x88k") == PRECIS_OK);
  CHECK_STR(out(&f), "z\n\xC3\xB6k");
  CHECK(maps(&f, 0, 1, 3, 4));
  CHECK(maps(&f, 1, 2, 4, 6));
  CHECK(maps(&f, 2, 4, 6, 9));
  CHECK(maps(&f, 4, 5, 9, 10));
  done(&f);
}

/* Text that repair has already copied is normalised in place: stretches
 * that shrink and stretches that grow under NFC (U+0958 and U+0344 take
 * more bytes), with repaired bytes between them. */
TEST(nfc_in_place) {
  fixture f;
  CHECK(repair(&f, "&amp; e\xCC\x81 \xE0\xA5\x98 \xFF x\r\nf\xCD\x84 &#769;e\xCC\x81! \xE2\x84\xAB") ==
        PRECIS_OK);
  CHECK_STR(out(&f), "& \xC3\xA9 \xE0\xA4\x95\xE0\xA4\xBC \xEF\xBF\xBD x\nf\xCC\x88\xCC\x81 "
                     "\xCC\x81\xC3\xA9! \xC3\x85");
  CHECK(maps_str(&f, "\xC3\xA9", "e\xCC\x81"));
  /* a stretch begins at the ASCII character before its marks */
  CHECK(maps_str(&f, " \xE0\xA4\x95\xE0\xA4\xBC", " \xE0\xA5\x98"));
  CHECK(maps_str(&f, "\xEF\xBF\xBD", "\xFF"));
  CHECK(maps_str(&f, "f\xCC\x88\xCC\x81", "f\xCD\x84"));
  CHECK(maps_str(&f, "\xCC\x81\xC3\xA9!", "&#769;e\xCC\x81!"));
  CHECK(maps_str(&f, " \xC3\x85", " \xE2\x84\xAB"));
  done(&f);
  /* Many growing stretches in a row, then shrinking ones. */
  size_t units = 2000;
  char *s = malloc(units * 16 + 16);
  if (!s) return;
  size_t n = 0;
  memcpy(s, "&lt;", 4);
  n = 4;
  for (size_t i = 0; i < units; i++) {
    const char *unit = i < units / 2 ? "ab \xE0\xA5\x98 " : "cd e\xCC\x81 ";
    memcpy(s + n, unit, strlen(unit));
    n += strlen(unit);
  }
  s[n] = '\0';
  CHECK(repair_len(&f, s, n) == PRECIS_OK);
  CHECK(strncmp(out(&f), "<ab \xE0\xA4\x95\xE0\xA4\xBC ab", 13) == 0);
  CHECK(f.d.repaired.out.len == n - 3 + units / 2 * 3 - units / 2);
  done(&f);
  free(s);
}

/* PRECIS_TEST_SCALE (set under valgrind) divides the big inputs. */
static size_t test_scale(void) {
  const char *scale = getenv("PRECIS_TEST_SCALE");
  return scale && atoi(scale) > 0 ? (size_t)atoi(scale) : 1;
}

TEST(nfc_long_mark_run_is_bounded) {
  size_t marks = 200000 / test_scale(), len = 1 + marks * 2;
  char *s = malloc(len + 1);
  if (!s) return;
  s[0] = 'a';
  for (size_t i = 0; i < marks; i++) memcpy(s + 1 + 2 * i, i % 2 ? "\xCC\xA3" : "\xCC\x81", 2);
  s[len] = '\0';
  fixture f;
  start(&f);
  f.unchecked = 1; /* utf8proc_NFC itself is quadratic on this input */
  clock_t t0 = clock();
  CHECK(repair_opts(&f, s, len) == PRECIS_OK);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  CHECK(secs < 5.0);
  done(&f);
  free(s);
}

TEST(binary_detection) {
  fixture f;
  char png[300];
  memcpy(png, "\x89PNG\r\n\x1a\n", 8);
  memset(png + 8, 0, sizeof png - 8);
  CHECK(repair_len(&f, png, sizeof png) == PRECIS_ERR_BINARY);
  CHECK(strstr(f.err, "input looks binary") && strstr(f.err, "PNG"));
  done(&f);
  char nuls[200];
  memset(nuls, 'x', sizeof nuls);
  for (size_t i = 0; i < 37; i++) nuls[10 + i * 4] = '\0';
  CHECK(repair_len(&f, nuls, sizeof nuls) == PRECIS_ERR_BINARY);
  CHECK_STR(f.err, "input looks binary: 37 NUL bytes in the first 200");
  done(&f);
  char ctl[1000];
  for (size_t i = 0; i < sizeof ctl; i++) ctl[i] = (char)(i % 7 == 0 ? 0x01 + i % 5 : 'a');
  CHECK(repair_len(&f, ctl, sizeof ctl) == PRECIS_ERR_BINARY);
  CHECK(strstr(f.err, "control bytes") != NULL);
  done(&f);
  CHECK(repair_len(&f, "\xFF\xFEh\0i\0", 6) == PRECIS_ERR_BINARY);
  CHECK(strstr(f.err, "UTF-16") != NULL);
  done(&f);
  /* A few stray NULs and controls in text: still text. */
  char text[5000];
  memset(text, 'w', sizeof text);
  for (size_t i = 0; i < 8; i++) text[100 + i * 500] = '\0';
  for (size_t i = 0; i < 20; i++) text[150 + i * 200] = '\x01';
  CHECK(repair_len(&f, text, sizeof text) == PRECIS_OK);
  done(&f);
  /* NULs after the sniffed prefix are not counted, only replaced. */
  size_t big = 20000;
  char *late = malloc(big);
  if (late) {
    memset(late, 'a', big);
    memset(late + 10000, 0, 100);
    CHECK(repair_len(&f, late, big) == PRECIS_OK);
    CHECK(f.d.repaired.out.len == big + 200);
    done(&f);
    free(late);
  }
}

TEST(size_limit) {
  fixture f;
  start(&f);
  f.opts.max_input_bytes = 10;
  CHECK(repair_opts(&f, "0123456789", 10) == PRECIS_OK);
  done(&f);
  CHECK(repair_opts(&f, "0123456789A", 11) == PRECIS_ERR_TOO_LARGE);
  CHECK_STR(f.err, "input is 11 bytes, the limit is 10");
  done(&f);
}

/* Random mixes of clean and damaged fragments keep every invariant. */
TEST(random_mix_invariants) {
  static const char *const frags[] = {
      "word ", "\xE2\x80\x99", "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "\xC3\x83", "\xC2\xA9",
      "&amp;", "&#", "&", ";", "\r", "\n", "\r\n", "\x80", "\xE2\x82", "\xF0", "\xCC\x81",
      "e", "\xEF\xBB\xBF", "\xC2", "\xC2\x92", "\xE1\x84\x80", "\xE1\x85\xA1", "\xE2\x84\xAB",
      "\xD0\x96", "\xC3\x83\xC2\xA2", "\xC3\xA2\xE2\x80\x9A\xC2\xAC", "\x01", "&#769;"};
  size_t nfrags = sizeof frags / sizeof frags[0];
  uint32_t seed = 12345;
  char buf[600];
  int rounds = 3000 / (int)test_scale();
  for (int round = 0; round < rounds; round++) {
    size_t len = 0;
    while (len < 500) {
      seed = seed * 1103515245u + 12345u;
      const char *fr = frags[(seed >> 16) % nfrags];
      size_t fl = strlen(fr);
      memcpy(buf + len, fr, fl);
      len += fl;
    }
    fixture f;
    CHECK(repair_len(&f, buf, len) == PRECIS_OK);
    done(&f);
    if (harness_current_failed) {
      fprintf(stderr, "  random round %d failed\n", round);
      break;
    }
  }
}

TEST(allocation_failures) {
  const char *text = "a\xCC\x81 \xC3\xA2\xE2\x82\xAC\xE2\x84\xA2 &amp; \r\n\x80 e\xCC\x81 end";
  test_heap fl = test_heap_unlimited(); /* fails once fl.left allocations are used */
  precis_allocator al = test_heap_allocator(&fl);
  int succeeded = 0;
  for (size_t budget = 0; budget < 200 && !succeeded; budget++) {
    fixture f;
    start(&f);
    f.opts.allocator = &al;
    fl.left = budget;
    precis_status st = repair_opts(&f, text, strlen(text));
    CHECK(st == PRECIS_OK || st == PRECIS_ERR_NOMEM);
    if (st == PRECIS_ERR_NOMEM) CHECK(f.err[0] != '\0');
    if (st == PRECIS_OK) {
      succeeded = 1;
      CHECK_STR(out(&f), "\xC3\xA1 \xE2\x80\x99 & \n" FFFD " \xC3\xA9 end");
    }
    done(&f);
  }
  CHECK(succeeded);
}

/* Running out of memory while a handle is made gives NULL, with nothing
 * leaked, and never a half-built handle (its word lists are const data). */
TEST(handle_allocation_failures) {
  test_heap fl = test_heap_unlimited(); /* fails once fl.left allocations are used */
  precis_allocator al = test_heap_allocator(&fl);
  precis_options opts;
  precis_options_init(&opts);
  opts.allocator = &al;
  precis *p = NULL;
  size_t budget = 0;
  for (; budget < 50 && !p; budget++) {
    fl.left = budget;
    p = precis_new(&opts);
  }
  CHECK(budget == 2); /* the handle: one allocation */
  fl.left = 1000;
  precis_result *r = NULL;
  CHECK(p && precis_summarize(p, "One sentence here. And another one.", 35, &r) == PRECIS_OK);
  precis_result_free(r);
  precis_free(p);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Best of three, in MB/s. */
static double throughput(const char *text, size_t len, size_t *runs) {
  double best = 0;
  for (int k = 0; k < 3; k++) {
    fixture f;
    start(&f);
    f.unchecked = 1;
    double t0 = now();
    CHECK(repair_opts(&f, text, len) == PRECIS_OK);
    double secs = now() - t0;
    if (k == 0) CHECK(map_is_sound(&f));
    *runs = f.d.repaired.runs.len;
    done(&f);
    double mbs = secs > 0 ? (double)len / 1e6 / secs : 1e9;
    if (mbs > best) best = mbs;
  }
  return best;
}

/* MB/s must stay above this outside valgrind and sanitizers, where
 * PRECIS_TEST_SCALE is set: the whole pipeline must reach 100 MB/s, so its
 * first stage must be well above it. */
#define MIN_ASCII_MBS 150.0

TEST(throughput_10mb) {
  size_t size = 10u * 1000 * 1000 / test_scale();
  static const char ascii_unit[] =
      "The committee said on Tuesday that it would review the proposal (see p. 4) before "
      "the vote; members expect a decision by March 3, 2025.\n";
  /* News text with typographic quotes, accents and Cyrillic: clean. */
  static const char mixed_unit[] =
      "It\xE2\x80\x99s \xE2\x80\x9C" "caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x93 "
      "\xD0\x92\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x80 "
      "said the minister, n\xC3\xA4mlich Gr\xC3\xB6\xC3\x9F" "e of 10\xC2\xA0km.\n";
  /* The same with damage every few words: CRLF, an entity, mojibake, a
   * decomposed accent (so the NFC pass rewrites the map). */
  static const char damaged_unit[] =
      "It\xE2\x80\x99s \xE2\x80\x9C" "caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x93 "
      "\xD0\x92\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x80 "
      "said AT&amp;T, n\xC3\xA4mlich Gr\xC3\xB6\xC3\x9F" "e \xC3\xA2\xE2\x82\xAC\xE2\x80\x9C "
      "e\xCC\x81 10\xC2\xA0km.\r\n";
  char *text = malloc(size);
  if (!text) return;
  const char *units[3] = {ascii_unit, mixed_unit, damaged_unit};
  const char *names[3] = {"ASCII", "mixed", "damaged"};
  for (int u = 0; u < 3; u++) {
    size_t ul = strlen(units[u]);
    for (size_t i = 0; i < size; i++) text[i] = units[u][i % ul];
    size_t cut = size - size % ul; /* whole units only */
    size_t runs = 0;
    double mbs = throughput(text, cut, &runs);
    printf("  pc_repair %-7s: %.1f MB in %6zu runs, %5.0f MB/s\n", names[u], (double)cut / 1e6,
           runs, mbs);
    if (u == 0) {
      CHECK(runs == 1);
      if (test_scale() == 1) CHECK(mbs >= MIN_ASCII_MBS);
    }
  }
  free(text);
}

TEST(seed_000_end_to_end) {
  char path[512];
  snprintf(path, sizeof path, "%s/seeds/000_8e08b62c6490866c.txt", SHARED_DIR);
  size_t len;
  char *text = harness_read_file(path, &len);
  if (!text) {
    printf("  repair: seed 000 skipped, %s not found\n", path);
    return;
  }
  fixture f;
  CHECK(repair_len(&f, text, len) == PRECIS_OK);
  CHECK(strstr(out(&f), "\xC3\xA2\xE2\x82\xAC") == NULL);
  CHECK(strstr(out(&f), "**WASHINGTON \xE2\x80\x93**") != NULL);
  CHECK(maps_str(&f, "\xE2\x80\x93", "\xC3\xA2\xE2\x82\xAC\xE2\x80\x9C"));
  done(&f);
  precis *p = precis_new(NULL);
  precis_result *r = NULL;
  CHECK(p && precis_split(p, text, len, &r) == PRECIS_OK);
  for (size_t i = 0; r && i < r->n_sentences; i++) {
    const precis_sentence *s = &r->sentences[i];
    CHECK(strstr(s->text, "\xC3\xA2\xE2\x82\xAC") == NULL);
    CHECK(s->span.start < s->span.end && s->span.end <= len);
  }
  precis_result_free(r);
  precis_free(p);
  free(text);
}

int main(void) {
  RUN(ascii_is_one_copy_run);
  RUN(invalid_utf8_forms);
  RUN(invalid_utf8_maps_to_its_bytes);
  RUN(strict_mode_errors);
  RUN(nul_and_control_bytes);
  RUN(line_endings);
  RUN(byte_order_mark);
  RUN(mojibake_repairs);
  RUN(mojibake_leaves_real_text_alone);
  RUN(html_references);
  RUN(nfc_normalisation);
  RUN(nfc_in_place);
  RUN(nfc_long_mark_run_is_bounded);
  RUN(binary_detection);
  RUN(size_limit);
  RUN(random_mix_invariants);
  RUN(allocation_failures);
  RUN(handle_allocation_failures);
  RUN(throughput_10mb);
  RUN(seed_000_end_to_end);
  return harness_done("repair");
}
