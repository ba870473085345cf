/* Attributions in the prose: the general English constructions by which a
 * text names where its information comes from ("according to a report by
 * X", "X reported", "told X", "in an interview with X", "in a post on X",
 * "quoted by X", "X can reveal", "a X report"). A name counts as an outlet
 * when it is a known one, ends with a publication word (Times, Post, News)
 * or is introduced as one ("the German newspaper Bild"); persons count only
 * where the construction itself cites them (an interviewer, a journalist),
 * so "Trump said" never makes the article's subject a source. */
#include <string.h>
#include <utf8proc.h>

#include "sources/evidence.h"
#include "sources/outlets.h"

/* Most words in a name ("Institute for the Study of War" is 6). */
#define PC_MAX_NAME_WORDS 8
/* Longest name kept, in bytes. */
#define PC_MAX_NAME_BYTES 160

enum { TOK_WORD = 1, TOK_CAP = 2, TOK_POSS = 4, TOK_BARRIER = 8 };

typedef struct pc_token {
  size_t start, end;   /* prose bytes */
  size_t core_end;     /* end without a possessive "'s" */
  unsigned flags;
} pc_token;

typedef struct attr_scan {
  pc_doc *d;
  pc_evidence_list *out;
  const char *p;       /* the prose text */
  pc_token *tok;
  size_t n;
  size_t last_emitted; /* first token of the last name emitted, +1 */
} attr_scan;

/* ---- tokens ------------------------------------------------------------ */

static int word_cp(utf8proc_int32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) || c == UTF8PROC_CATEGORY_ND;
}

static int space_cp(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f';
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

static int joiner_cp(utf8proc_int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' || cp == '&' || cp == '/';
}

static utf8proc_int32_t cp_at(const char *s, size_t n, size_t i, size_t *len) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t got = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
  if (got <= 0) { *len = 1; return 0xFFFD; }
  *len = (size_t)got;
  return cp;
}

static precis_status push_token(attr_scan *a, pc_vec *v, size_t start, size_t end,
                                unsigned flags) {
  pc_token *t = PC_VEC_PUSH(a->d->mem, v, pc_token);
  if (!t) return PRECIS_ERR_NOMEM;
  t->start = start;
  t->end = end;
  t->core_end = end;
  t->flags = flags;
  if (flags & TOK_WORD) {
    const char *s = a->p;
    size_t len = end - start;
    if (len > 2 && s[end - 2] == '\'' && (s[end - 1] | 0x20) == 's') t->core_end = end - 2;
    else if (len > 4 && memcmp(s + end - 4, "\xE2\x80\x99", 3) == 0 && (s[end - 1] | 0x20) == 's')
      t->core_end = end - 4;
    else if (len > 1 && s[end - 1] == '\'') t->core_end = end - 1;
    if (t->core_end != end) t->flags |= TOK_POSS;
  }
  return PRECIS_OK;
}

/* Splits prose [from, to) into words and punctuation. */
static precis_status tokenize(attr_scan *a, pc_vec *v, size_t from, size_t to) {
  const char *s = a->p;
  size_t i = from;
  while (i < to) {
    size_t len;
    utf8proc_int32_t cp = cp_at(s, to, i, &len);
    if (space_cp(cp)) { i += len; continue; }
    if (!word_cp(cp)) {
      if (push_token(a, v, i, i + len, 0) != PRECIS_OK) return PRECIS_ERR_NOMEM;
      i += len;
      continue;
    }
    utf8proc_category_t cat = utf8proc_category(cp);
    unsigned flags = TOK_WORD;
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) flags |= TOK_CAP;
    size_t start = i;
    i += len;
    while (i < to) {
      cp = cp_at(s, to, i, &len);
      if (word_cp(cp)) { i += len; continue; }
      size_t next_len;
      if (joiner_cp(cp) && i + len < to && word_cp(cp_at(s, to, i + len, &next_len))) {
        i += len;
        continue;
      }
      if ((cp == '\'' || cp == 0x2019) && (s[i - 1] == 's' || s[i - 1] == 'S') &&
          !(i + len < to && word_cp(cp_at(s, to, i + len, &next_len)))) {
        i += len; /* a plural possessive: "Reuters'" */
      }
      break;
    }
    if (push_token(a, v, start, i, flags) != PRECIS_OK) return PRECIS_ERR_NOMEM;
  }
  return PRECIS_OK;
}

/* ---- word tests -------------------------------------------------------- */

static int is(const attr_scan *a, size_t k, const char *w) {
  if (k >= a->n || !(a->tok[k].flags & TOK_WORD)) return 0;
  const pc_token *t = &a->tok[k];
  size_t n = t->end - t->start, i = 0;
  for (; i < n && w[i]; i++) {
    char c = a->p[t->start + i];
    if ((c >= 'A' && c <= 'Z' ? (char)(c + 32) : c) != w[i]) return 0;
  }
  return i == n && w[i] == '\0';
}

static int is_any(const attr_scan *a, size_t k, const char *const *words) {
  for (size_t i = 0; words[i]; i++)
    if (is(a, k, words[i])) return 1;
  return 0;
}

static int is_punct(const attr_scan *a, size_t k, const char *s) {
  if (k >= a->n || (a->tok[k].flags & (TOK_WORD | TOK_BARRIER))) return 0;
  size_t n = a->tok[k].end - a->tok[k].start;
  return strlen(s) == n && memcmp(a->p + a->tok[k].start, s, n) == 0;
}

static int cap(const attr_scan *a, size_t k) {
  return k < a->n && (a->tok[k].flags & (TOK_WORD | TOK_CAP)) == (TOK_WORD | TOK_CAP);
}

static int lower_word(const attr_scan *a, size_t k) {
  return k < a->n && (a->tok[k].flags & (TOK_WORD | TOK_CAP)) == TOK_WORD;
}

static const char *const determiners[] = {"a", "an", "the", "this", "that", "his", "her", "their",
                                          "its", "one", "another", "our", NULL};
static const char *const report_nouns[] = {
    "report", "reports", "story", "article", "interview", "statement", "post", "analysis",
    "investigation", "documents", "document", "data", "survey", "poll", "figures", "estimates",
    "footage", "video", "broadcast", "publication", "assessment", "study", "review", "transcript",
    "readout", "release", "memo", "letter", "filing", "summary", "newspaper", "paper", "outlet",
    "agency", "broadcaster", "channel", "network", "account", NULL};
static const char *const anaphor_nouns[] = {"report", "newspaper", "paper", "outlet", "agency",
                                            "broadcaster", "article", "story", "channel", "network",
                                            "publication", "magazine", "website", NULL};
static const char *const report_adjectives[] = {"new", "recent", "exclusive", "separate", "joint",
                                                "leaked", "internal", "latest", "earlier", "local",
                                                "published", "confidential", "classified", NULL};
static const char *const subject_verbs[] = {
    "reported", "reports", "report", "revealed", "reveals", "reveal", "learned", "learnt",
    "understands", "wrote", "writes", "said", "says", "noted", "published", "confirmed",
    "quoted", "cited", "obtained", "disclosed", "broke", "reporting", NULL};
static const char *const subject_aux[] = {"has", "had", "have", "can", "could", "now", "first",
                                          "also", "exclusively", "previously", "earlier", "later",
                                          "separately", "originally", "initially", "was", "is",
                                          "were", "recently", NULL};
static const char *const by_any[] = {"reported", "published", "quoted", "cited", "obtained",
                                     "aired", "broadcast", "reporting", NULL};
static const char *const by_media[] = {"seen", "reviewed", "viewed", "posted", "shared",
                                       "released", "commissioned",
                                       "conducted", "carried", NULL};
static const char *const tell_verbs[] = {"told", "tells", "tell", "telling", NULL};
static const char *const to_verbs[] = {"speaking", "spoke", "speak", "talking", "talked",
                                       "comments", "remarks", "statement", "confirmed",
                                       "confirming", "interview", "explained", "said", NULL};
static const char *const in_verbs[] = {"writing", "wrote", "writes", "op-ed", "column",
                                       "article", "piece", "editorial", "published", "report",
                                       "appeared", "interview", "quoted", "reported", "story",
                                       NULL};
static const char *const platform_cues[] = {
    "post", "posted", "posts", "posting", "wrote", "writing", "written", "said", "says",
    "saying", "statement", "message", "video", "shared", "sharing", "published", "tweet",
    "tweeted", "live", "livestream", "broadcast", "account", "channel", "page", "clip",
    "footage", "comment", "comments", "announced", "uploaded", "appeared", "speech", "thread",
    "posted", "streamed", "update", NULL};
static const char *const post_nouns[] = {"post", "posts", "video", "message", "statement",
                                         "account", "channel", "page", "clip", "livestream",
                                         "broadcast", "thread", "update", "stream", "tweet",
                                         NULL};
/* Capitalised words that begin clauses, not names. */
static const char *const not_names[] = {
    "i", "he", "she", "it", "we", "they", "you", "this", "that", "these", "those", "a", "an",
    "the", "in", "on", "at", "but", "and", "or", "if", "as", "according", "meanwhile",
    "earlier", "later", "however", "yesterday", "today", "tomorrow", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "his", "her", "their", "its", "our", "my", "your", "there", "here", "when", "while",
    "after", "before", "since", "for", "from", "with", "by", "to", "of", NULL};
static const char *const connectors[] = {"of", "for", "de", "du", "der", "des",
                                         "la", "le", "el", "al", "di", "da", "von", "van", NULL};

static int name_word(const attr_scan *a, size_t k) {
  return cap(a, k) && !is_any(a, k, not_names);
}

/* ---- names ------------------------------------------------------------- */

typedef struct name_span {
  size_t first, last;   /* tokens [first, last] */
  int role;             /* pc_media_role of an introducing noun, or -1 */
  char text[PC_MAX_NAME_BYTES];
  size_t len;
  const pc_outlet *known;
} name_span;

/* Joins tokens [first, last] with single spaces, the last one's possessive
 * left out; 0 when too long. */
static int name_text(const attr_scan *a, name_span *nm) {
  nm->len = 0;
  for (size_t k = nm->first; k <= nm->last; k++) {
    const pc_token *t = &a->tok[k];
    size_t end = k == nm->last ? t->core_end : t->end, n = end - t->start;
    if (nm->len + n + 2 > PC_MAX_NAME_BYTES) return 0;
    if (k > nm->first) nm->text[nm->len++] = ' ';
    memcpy(nm->text + nm->len, a->p + t->start, n);
    nm->len += n;
  }
  nm->text[nm->len] = '\0';
  nm->known = pc_outlet_by_name(nm->text, nm->len);
  return nm->len > 0;
}

static int number_word(const attr_scan *a, size_t k) {
  return k < a->n && (a->tok[k].flags & TOK_WORD) && a->p[a->tok[k].start] >= '0' &&
         a->p[a->tok[k].start] <= '9';
}

/* 1 when the name is a publication: a known outlet, introduced as one, or
 * ending with a publication word, a station number aside ("Fox 8",
 * "BBC Radio 4"). */
static int outlet_like(const attr_scan *a, const name_span *nm) {
  if (nm->known) return 1;
  if (nm->role == PRECIS_SOURCE_OUTLET) return 1;
  size_t last = nm->last;
  while (last > nm->first && number_word(a, last)) last--;
  const pc_token *t = &a->tok[last];
  if (pc_outlet_word(a->p + t->start, (last == nm->last ? t->core_end : t->end) - t->start))
    return 1;
  if (last == nm->last) return 0;
  name_span tmp = *nm;
  tmp.last = last;
  return name_text(a, &tmp) && tmp.known != NULL;
}

static int has_outlet_word(const attr_scan *a, size_t first, size_t last) {
  for (size_t k = first; k <= last; k++) {
    const pc_token *t = &a->tok[k];
    if (pc_outlet_word(a->p + t->start, (k == last ? t->core_end : t->end) - t->start)) return 1;
  }
  return 0;
}

/* For a name after a citing word ("told X"): the name if it is a
 * publication; else its longest known leading part when the rest is not
 * part of a publication's name ("Sky News Doaa" -> "Sky News", but "BBC
 * Radio Sheffield" stays); else the name if any word of it is a
 * publication word ("Channel Nine", "Journal of Medicine"); else 0. */
static int outlet_prefix(const attr_scan *a, name_span *nm) {
  if (outlet_like(a, nm)) return 1;
  name_span tmp = *nm;
  while (tmp.last > tmp.first) {
    tmp.last--;
    if (name_text(a, &tmp) && tmp.known) {
      if (has_outlet_word(a, tmp.last + 1, nm->last)) break;
      *nm = tmp;
      return 1;
    }
  }
  return has_outlet_word(a, nm->first, nm->last);
}

static int is_platform(const name_span *nm) {
  return nm->known && nm->known->kind == PRECIS_SOURCE_PLATFORM;
}

/* The capitalised words of a name from token k, joined by connectors
 * ("Institute for the Study of War", "Standard & Poor's", "Channel 4"). */
static int parse_words(const attr_scan *a, size_t k, name_span *nm) {
  if (!name_word(a, k)) return 0;
  nm->first = nm->last = k;
  size_t words = 0;
  while (k < a->n && words < PC_MAX_NAME_WORDS) {
    if (name_word(a, k) || (words > 0 && number_word(a, k))) {
      nm->last = k;
      words++;
      if (a->tok[k].flags & TOK_POSS) break;
      k++;
    } else if (words > 0 &&
               (is_any(a, k, connectors) || is_punct(a, k, "&") ||
                (is(a, k, "the") && (is(a, k - 1, "of") || is(a, k - 1, "for")))) &&
               (name_word(a, k + 1) || (is(a, k + 1, "the") && name_word(a, k + 2)))) {
      k++;
    } else {
      break;
    }
  }
  return name_text(a, nm);
}

/* Parses a name starting at token k: an optional "the", an optional
 * introducing noun ("British journalist", "the German newspaper"), then the
 * name's words. "the BBC News website" gives "BBC News"; "the newspaper"
 * alone refers back to an earlier name and gives none. */
static int parse_name(const attr_scan *a, size_t k, name_span *nm) {
  nm->role = -1;
  int det = 0;
  if (is(a, k, "the")) { k++; det = 1; }
  size_t j = k;
  while (j < a->n && j - k < 4 && (cap(a, j) || (j > k && number_word(a, j)))) j++;
  if (lower_word(a, j)) {
    const pc_token *t = &a->tok[j];
    int role = pc_media_role(a->p + t->start, t->end - t->start);
    if (role >= 0) {
      if (j > k) {
        name_span before;
        before.role = -1;
        if (parse_words(a, k, &before) && before.last == j - 1 && outlet_like(a, &before)) {
          *nm = before;
          return 1;
        }
      } else if (det) {
        return 0;
      }
      nm->role = role;
      k = j + 1;
      if (lower_word(a, k) && pc_media_role(a->p + a->tok[k].start,
                                            a->tok[k].end - a->tok[k].start) >= 0)
        k++; /* "news agency" */
    }
  }
  return parse_words(a, k, nm);
}

/* The name ending just before token `end` (an outlet, tried from its longest
 * to its shortest tail: "Meanwhile Reuters" gives "Reuters"). */
static int parse_name_before(const attr_scan *a, size_t end, name_span *nm) {
  size_t b = end, words = 0;
  while (b > 0 && words < PC_MAX_NAME_WORDS) {
    if ((cap(a, b - 1) || (number_word(a, b - 1) && b >= 2 && cap(a, b - 2))) &&
        !(a->tok[b - 1].flags & TOK_POSS)) {
      b--;
      words++;
    }
    else if (b < end && is_any(a, b - 1, connectors) && b >= 2 && cap(a, b - 2)) b--;
    else break;
  }
  for (size_t k = b; k < end; k++) {
    if (!name_word(a, k)) continue;
    nm->first = k;
    nm->last = end - 1;
    nm->role = -1;
    if (name_text(a, nm) && outlet_like(a, nm)) return 1;
  }
  return 0;
}

/* ---- evidence ---------------------------------------------------------- */

/* Keeps the list in document order when a subject name ("Reuters
 * reported") precedes an earlier find; the displacement is a few items. */
static void keep_order(pc_evidence_list *list) {
  pc_evidence *items = list->items.data;
  for (size_t i = list->items.len - 1; i > 0 && items[i - 1].start > items[i].start; i--) {
    pc_evidence tmp = items[i];
    items[i] = items[i - 1];
    items[i - 1] = tmp;
  }
}

static precis_status emit(attr_scan *a, const name_span *nm, precis_source_kind kind,
                          pc_evidence_kind ev_kind) {
  if (a->last_emitted == nm->first + 1) return PRECIS_OK;
  a->last_emitted = nm->first + 1;
  pc_evidence *e = pc_evidence_push(a->d->mem, a->out);
  if (!e) return PRECIS_ERR_NOMEM;
  const pc_token *f = &a->tok[nm->first], *l = &a->tok[nm->last];
  pc_range r = pc_doc_prose_to_orig(a->d, f->start, l->core_end);
  e->kind = ev_kind;
  e->attribution = 1;
  e->start = r.start;
  e->end = r.end;
  const char *name = nm->known ? nm->known->name : nm->text;
  e->name_len = strlen(name);
  e->src_kind = nm->known ? nm->known->kind : kind;
  if (pc_evidence_text(a->d->mem, a->out, name, e->name_len, &e->name_off) != 0)
    return PRECIS_ERR_NOMEM;
  keep_order(a->out);
  return PRECIS_OK;
}

static precis_status emit_anaphor(attr_scan *a, size_t first, size_t last) {
  pc_evidence *e = pc_evidence_push(a->d->mem, a->out);
  if (!e) return PRECIS_ERR_NOMEM;
  pc_range r = pc_doc_prose_to_orig(a->d, a->tok[first].start, a->tok[last].end);
  e->kind = PC_EV_ANAPHOR;
  e->start = r.start;
  e->end = r.end;
  keep_order(a->out);
  return PRECIS_OK;
}

/* An outlet or media person, or (with `any`) any name as a person/office. */
static precis_status emit_if(attr_scan *a, size_t k, int any) {
  name_span nm;
  if (!parse_name(a, k, &nm)) return PRECIS_OK;
  name_span outlet = nm;
  if (outlet_prefix(a, &outlet)) return emit(a, &outlet, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
  if (any || nm.role == PRECIS_SOURCE_PERSON) return emit(a, &nm, PRECIS_SOURCE_PERSON, PC_EV_INLINE);
  return PRECIS_OK;
}

/* A platform named at k ("X", "Truth Social", "YouTube"); its last token in *end. */
static int platform_at(const attr_scan *a, size_t k, name_span *nm) {
  for (size_t w = 2; w >= 1; w--) {
    if (k + w > a->n || !cap(a, k) || !cap(a, k + w - 1)) continue;
    nm->first = k;
    nm->last = k + w - 1;
    nm->role = -1;
    if (name_text(a, nm) && is_platform(nm)) return 1;
  }
  return 0;
}

static int cue_before(const attr_scan *a, size_t k) {
  for (size_t back = 1; back <= 3 && back <= k; back++) {
    if (a->tok[k - back].flags & TOK_BARRIER) return 0;
    if (is_any(a, k - back, platform_cues)) return 1;
  }
  return 0;
}

static precis_status match_at(attr_scan *a, size_t i) {
  name_span nm;
  if (is(a, i, "according") && is(a, i + 1, "to")) {
    size_t j = i + 2;
    if (is_any(a, j, determiners)) {
      size_t det = j++;
      while (is_any(a, j, report_adjectives)) j++;
      if (is_any(a, j, report_nouns)) {
        size_t noun = j++;
        if (is(a, j, "published") || is(a, j, "obtained") || is(a, j, "seen") ||
            is(a, j, "released") || is(a, j, "issued"))
          j++;
        if (is(a, j, "by") || is(a, j, "from") || is(a, j, "in") || is(a, j, "on") ||
            is(a, j, "of") || is(a, j, "with"))
          return emit_if(a, j + 1, is(a, j, "by") || is(a, j, "from"));
        if ((is(a, det, "the") || is(a, det, "that") || is(a, det, "this")) &&
            is_any(a, noun, anaphor_nouns))
          return emit_anaphor(a, i, noun);
        return PRECIS_OK;
      }
      if (parse_name(a, det + 1, &nm) && is_any(a, nm.last + 1, report_nouns) &&
          outlet_like(a, &nm))
        return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
    }
    return emit_if(a, i + 2, 0);
  }
  if ((is(a, i, "interview") || is(a, i, "interviews") || is(a, i, "interviewed")) &&
      (is(a, i + 1, "with") || is(a, i + 1, "by")))
    return emit_if(a, i + 2, 1);
  if (is_any(a, i, tell_verbs)) return emit_if(a, i + 1, 0);
  if (is_any(a, i, to_verbs) && (is(a, i + 1, "to") || is(a, i + 1, "with")))
    return emit_if(a, i + 2, 0);
  if (is(a, i + 1, "by") && is_any(a, i, by_any)) return emit_if(a, i + 2, 1);
  if (is(a, i + 1, "by") && is_any(a, i, by_media)) return emit_if(a, i + 2, 0);
  if (is(a, i + 1, "in") && is_any(a, i, in_verbs)) {
    if (parse_name(a, i + 2, &nm) && outlet_prefix(a, &nm))
      return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
    return PRECIS_OK;
  }
  if (is(a, i, "citing") || is(a, i, "via")) {
    if (parse_name(a, i + 1, &nm) && outlet_prefix(a, &nm))
      return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
    return PRECIS_OK;
  }
  if (is(a, i, "on") || is(a, i, "to")) {
    size_t j = i + 1;
    int det = is_any(a, j, determiners);
    if (det) j++;
    if (platform_at(a, j, &nm) &&
        ((!det && cue_before(a, i)) || is_any(a, nm.last + 1, post_nouns) ||
         (!det && is(a, i, "on") && !cap(a, nm.last + 1))))
      return emit(a, &nm, PRECIS_SOURCE_PLATFORM, PC_EV_INLINE);
    return PRECIS_OK;
  }
  if (is_any(a, i, determiners)) {
    if (platform_at(a, i + 1, &nm) && is_any(a, nm.last + 1, post_nouns))
      return emit(a, &nm, PRECIS_SOURCE_PLATFORM, PC_EV_INLINE);
    if (parse_name(a, i + 1, &nm) && is_any(a, nm.last + 1, report_nouns) && outlet_like(a, &nm) &&
        !(a->tok[nm.last].flags & TOK_POSS))
      return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
    return PRECIS_OK;
  }
  if (is_punct(a, i, "(") && parse_name(a, i + 1, &nm) && nm.known && is_punct(a, nm.last + 1, ")"))
    return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
  if (is_any(a, i, subject_verbs) && i > 0) {
    size_t k = i;
    while (k > 0 && is_any(a, k - 1, subject_aux)) k--;
    if ((is(a, i, "reveal") || is(a, i, "report")) && !(k < i && is(a, k, "can")) &&
        !is(a, i - 1, "can") && !is(a, i - 1, "now"))
      return PRECIS_OK;
    if (is(a, i, "reports") && i + 1 < a->n && (a->tok[i + 1].flags & TOK_WORD) &&
        !is(a, i + 1, "that"))
      return PRECIS_OK; /* "Press reports suggest" */
    if (k > 0 && parse_name_before(a, k, &nm))
      return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
  }
  return PRECIS_OK;
}

/* Blocks whose text is read for attributions. */
static int scanned_block(pc_block_kind kind) {
  return kind == PC_BLOCK_PARAGRAPH || kind == PC_BLOCK_LIST_ITEM || kind == PC_BLOCK_QUOTE;
}

precis_status pc_scan_attributions(pc_doc *d, pc_evidence_list *out) {
  attr_scan a;
  memset(&a, 0, sizeof a);
  a.d = d;
  a.out = out;
  a.p = d->prose.out.data ? d->prose.out.data : "";
  pc_vec toks = {0};
  precis_status st = PRECIS_OK;
  int barrier = 0;
  for (size_t b = 0; b < d->blocks.len && st == PRECIS_OK; b++) {
    const pc_block *bl = &PC_VEC_AT(d->blocks, pc_block, b);
    if (!scanned_block(bl->kind)) {
      if (!barrier && toks.len) {
        pc_token *t = PC_VEC_PUSH(d->mem, &toks, pc_token);
        if (!t) { st = PRECIS_ERR_NOMEM; break; }
        t->flags = TOK_BARRIER;
        t->start = t->end = t->core_end = bl->prose_start;
      }
      barrier = 1;
      continue;
    }
    barrier = 0;
    st = tokenize(&a, &toks, bl->prose_start, bl->prose_end);
  }
  a.tok = toks.data;
  a.n = toks.len;
  for (size_t i = 0; i < a.n && st == PRECIS_OK; i++) st = match_at(&a, i);
  pc_vec_free(d->mem, &toks);
  return st;
}
