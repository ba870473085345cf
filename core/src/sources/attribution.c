/* Attributions in the prose: the general English constructions by which a
 * text names where its information comes from ("according to a report by
 * X", "X reported", "told X", "in an interview with X", "in a post on X",
 * "quoted by X", "X can reveal", "a X report"). A name counts as an outlet
 * when it is a known one, ends with a publication word (Times, Post, News)
 * or is introduced as one ("the German newspaper Bild"); persons count only
 * where the construction itself cites them (an interviewer, a journalist),
 * so "Trump said" never makes the article's subject a source. */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "base/ascii.h"
#include "base/bytes16.h"
#include "base/inline.h"
#include "sources/attribution_index.h"
#include "sources/attribution_table.h"
#include "sources/evidence.h"
#include "sources/outlets.h"

/* Most words in a name ("Institute for the Study of War" is 6). */
#define PC_MAX_NAME_WORDS 8
/* Longest name kept, in bytes. */
#define PC_MAX_NAME_BYTES 160

/* The scan keeps a window of tokens, not the whole document's. Matching at
 * token i reads at most PC_ATTR_LOOKAHEAD tokens after it (a name of
 * PC_MAX_NAME_WORDS words with connectors, behind a few cue words) besides
 * a run of report adjectives ("according to a new exclusive report by"),
 * and at most PC_ATTR_LOOKBEHIND before it besides a run of auxiliaries
 * ("Reuters has also previously reported"). Both runs are followed to
 * their ends, so the window changes nothing in what is found. */
#define PC_ATTR_LOOKAHEAD 64
#define PC_ATTR_LOOKBEHIND 32
/* Tokens matched between shifts of the window, and the bytes of prose
 * tokenized at once (cut at a space): they bound the window's memory. */
#define PC_ATTR_WINDOW 4096
#define PC_ATTR_PIECE 16384

enum { TOK_WORD = 1, TOK_CAP = 2, TOK_POSS = 4, TOK_BARRIER = 8, TOK_PAREN = 16 /* "(" */ };

/* Every list match_at tests token i against: a token in none of them (and
 * not "(") starts nothing. */
#define PC_ATTR_STARTS                                                                   \
  (PC_ATTR_ACCORDING | PC_ATTR_INTERVIEW | PC_ATTR_CITING | PC_ATTR_ON_TO | PC_ATTR_DETERMINER | \
   PC_ATTR_SUBJECT_VERB | PC_ATTR_BY_ANY | PC_ATTR_BY_MEDIA | PC_ATTR_TELL_VERB |               \
   PC_ATTR_TO_VERB | PC_ATTR_IN_VERB)

/* Where a chunk of prose begins: a block and a prose offset in it. */
typedef struct pc_chunk_start {
  size_t block, pos;
} pc_chunk_start;

#define PC_NO_POS ((size_t)-1)
/* Chunks tokenized before one naming a platform: "posted, on X" reads up
 * to three tokens back (cue_before) and every chunk ends with a token. */
#define PC_CONTEXT_CHUNKS 3
#define PC_CHUNK_RING (PC_CONTEXT_CHUNKS + 1)

typedef struct pc_token {
  size_t start, end;   /* prose bytes */
  size_t core_end;     /* end without a possessive "'s" */
  unsigned flags;
  unsigned groups;      /* PC_ATTR_* of the word */
  unsigned core_groups; /* PC_ATTR_* of the word without its possessive */
} pc_token;

typedef struct attr_scan {
  pc_doc *d;
  pc_evidence_list *out;
  const char *p;       /* the prose text */
  size_t p_len;        /* its length */
  pc_token *tok;       /* the window: tokens [0, n) */
  size_t n;
  size_t last_emitted; /* first token of the last name emitted, +1 */
  const pc_attr_index *words;
  pc_vec window;       /* pc_token storage behind tok */
  size_t produced;     /* tokens made so far */
  int done;            /* every live chunk tokenized */
  size_t next_shift;   /* token index at which the window is shifted next */
  /* The skimming pass (see "skimming" below). */
  size_t skim_block, skim_pos; /* next byte to skim; PC_NO_POS = block start */
  int skim_done;
  size_t chunk;                /* number of the chunk being skimmed */
  unsigned chunk_words;        /* PC_ATTR_ANCHOR | PC_ATTR_PLATFORM_WORD seen in it */
  pc_chunk_start starts[PC_CHUNK_RING]; /* the last chunks' starts, by number */
  size_t n_starts;             /* of them since the last barrier */
  size_t after_barrier;        /* number of the first chunk after the last barrier */
  size_t next_tokenized;       /* number of the chunk after the last one tokenized */
  /* When seek_anchor started the chunk being skimmed after skipping some:
   * a->chunk and a->n_starts as they were before, for its context. */
  int seek_context;
  size_t seek_chunk, seek_n_starts;
  unsigned clues;              /* CLUE_* of the chunk being skimmed, once it has an anchor */
  int avx2;                    /* the CPU has AVX2, BMI and BMI2 (see seek_anchor) */
  /* The stretch being tokenized: from work_block/work_pos to end_block/end_pos. */
  int working, separate;       /* separate: a barrier token goes first */
  size_t work_block, work_pos, end_block, end_pos;
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
  if ((unsigned char)s[i] < 0x80) { *len = 1; return (unsigned char)s[i]; }
  utf8proc_int32_t cp;
  utf8proc_ssize_t got = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
  if (got <= 0) { *len = 1; return 0xFFFD; }
  *len = (size_t)got;
  return cp;
}

static int is_cap_cp(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* The bits of pc_attr_index.shape for a run of n ASCII letters and digits
 * whose first and last have pc_attr_skim_class `first` and `last`: SHAPE_KEYWORD
 * when it may be a keyword (set for some that are not), SHAPE_ANCHOR when it
 * may be a PC_ATTR_ANCHOR word. */
#define SHAPE_KEYWORD ((uint64_t)1)
#define SHAPE_ANCHOR ((uint64_t)1 << 32)

static inline uint64_t run_shape(const pc_attr_index *w, unsigned first, unsigned last, size_t n) {
  return w->shape[first * (PC_SKIM_LETTERS + 1) + last] >> (n % 32);
}

/* The PC_ATTR_ANCHOR | PC_ATTR_PLATFORM_WORD of the run s[0, n), `room` bytes
 * readable from s. */
static inline unsigned run_anchors(const pc_attr_index *w, const char *s, size_t n, size_t room) {
  return pc_attr_word_groups(w, s, n, room) & (PC_ATTR_ANCHOR | PC_ATTR_PLATFORM_WORD);
}

static precis_status push_token(attr_scan *a, size_t start, size_t end, unsigned flags) {
  pc_token *t = PC_VEC_PUSH(a->d->mem, &a->window, pc_token);
  if (!t) return PRECIS_ERR_NOMEM;
  a->produced++;
  t->start = start;
  t->end = end;
  t->core_end = end;
  t->flags = flags;
  if (flags & TOK_WORD) {
    const char *s = a->p;
    size_t len = end - start;
    char last = s[end - 1];
    if ((last | 0x20) == 's') {
      if (len > 2 && s[end - 2] == '\'') t->core_end = end - 2;
      else if (len > 4 && memcmp(s + end - 4, "\xE2\x80\x99", 3) == 0) t->core_end = end - 4;
    } else if (len > 1 && last == '\'') {
      t->core_end = end - 1;
    }
    if (t->core_end != end) t->flags |= TOK_POSS;
    size_t room = a->p_len - start;
    t->groups = pc_attr_word_groups(a->words, s + start, len, room);
    t->core_groups = t->core_end == end
                         ? t->groups
                         : pc_attr_word_groups(a->words, s + start, t->core_end - start, room);
  }
  return PRECIS_OK;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define PC_SWAR_RUNS 1
/* For the eight bytes s[0, 8): the high bit of each byte that is not an
 * ASCII letter or digit. */
static inline uint64_t swar_non_alnum(const unsigned char *s) {
  uint64_t v;
  memcpy(&v, s, 8);
  uint64_t alnum = pc_swar_ascii_in(v | 0x2020202020202020u, 'a', 'z') | pc_swar_ascii_in(v, '0', '9');
  return ~alnum & 0x8080808080808080u;
}
#endif

/* The end of the run of ASCII letters and digits at i (< end); eight bytes
 * at a time where the byte order allows. */
static size_t run_end(const unsigned char *s, size_t i, size_t end) {
#ifdef PC_SWAR_RUNS
  while (end - i >= 8) {
    uint64_t stop = swar_non_alnum(s + i);
    if (stop) return i + ((size_t)pc_mask64_lowest(stop) >> 3);
    i += 8;
  }
#endif
  while (i < end && pc_attr_skim_letter(pc_attr_skim_class[s[i]])) i++;
  return i;
}

/* The start of the run of ASCII letters and digits that ends at i, not
 * before lo; eight bytes at a time where the byte order allows. */
static size_t run_start(const unsigned char *s, size_t lo, size_t i) {
#ifdef PC_SWAR_RUNS
  while (i - lo >= 8) {
    uint64_t stop = swar_non_alnum(s + i - 8);
    if (stop) return i - 8 + ((size_t)pc_mask64_highest(stop) >> 3) + 1;
    i -= 8;
  }
#endif
  while (i > lo && pc_attr_skim_letter(pc_attr_skim_class[s[i - 1]])) i--;
  return i;
}

/* The end of the word whose first character ends before i: letters and
 * digits, joined by an apostrophe, hyphen, dot, '&' or '/' before another
 * word character, and a plural possessive ("Reuters'"). */
static size_t word_end(const char *s, size_t i, size_t to) {
  while (i < to) {
    while (i < to && pc_ascii_is_alnum((unsigned char)s[i])) i++;
    if (i >= to) break;
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80 && c != '\'' && c != '-' && c != '.' && c != '&' && c != '/') break;
    size_t len, next_len;
    utf8proc_int32_t cp = cp_at(s, to, i, &len);
    if (word_cp(cp)) { i += len; continue; }
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
  return i;
}

/* Splits prose [from, to) into words and punctuation; ASCII, the bulk of
 * any text, is told apart without decoding. */
static precis_status tokenize(attr_scan *a, size_t from, size_t to) {
  const char *s = a->p;
  size_t i = from;
  while (i < to) {
    unsigned char c = (unsigned char)s[i];
    size_t len = 1;
    unsigned flags = TOK_WORD;
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') { i++; continue; }
      if (!pc_ascii_is_alnum((unsigned char)c)) {
        if (push_token(a, i, i + 1, c == '(' ? TOK_PAREN : 0) != PRECIS_OK)
          return PRECIS_ERR_NOMEM;
        i++;
        continue;
      }
      if (c >= 'A' && c <= 'Z') flags |= TOK_CAP;
    } else {
      utf8proc_int32_t cp = cp_at(s, to, i, &len);
      if (space_cp(cp)) { i += len; continue; }
      if (!word_cp(cp)) {
        if (push_token(a, i, i + len, 0) != PRECIS_OK) return PRECIS_ERR_NOMEM;
        i += len;
        continue;
      }
      if (is_cap_cp(cp)) flags |= TOK_CAP;
    }
    size_t start = i;
    i = word_end(s, i + len, to);
    if (push_token(a, start, i, flags) != PRECIS_OK) return PRECIS_ERR_NOMEM;
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

/* 1 when token k is a word of one of the lists in `groups`. */
static int in_group(const attr_scan *a, size_t k, unsigned groups) {
  return k < a->n && (a->tok[k].flags & TOK_WORD) && (a->tok[k].groups & groups);
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

static int name_word(const attr_scan *a, size_t k) {
  return cap(a, k) && !in_group(a, k, PC_ATTR_NOT_NAME);
}

/* 1 when token k (without its possessive with `core`) ends a publication's
 * name, as pc_outlet_word() tells. */
static int outlet_word(const attr_scan *a, size_t k, int core) {
  return (core ? a->tok[k].core_groups : a->tok[k].groups) & PC_ATTR_OUTLET_WORD;
}

/* pc_media_role() of word token k. */
static int media_role(const attr_scan *a, size_t k) {
  unsigned g = a->tok[k].groups;
  return g & PC_ATTR_MEDIA_PERSON ? PRECIS_SOURCE_PERSON
         : g & PC_ATTR_MEDIA_NOUN ? PRECIS_SOURCE_OUTLET
                                  : -1;
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
  nm->known = pc_outlet_index_find(nm->text, nm->len);
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
  if (outlet_word(a, last, last == nm->last)) return 1;
  if (last == nm->last) return 0;
  name_span tmp = *nm;
  tmp.last = last;
  return name_text(a, &tmp) && tmp.known != NULL;
}

static int has_outlet_word(const attr_scan *a, size_t first, size_t last) {
  for (size_t k = first; k <= last; k++)
    if (outlet_word(a, k, k == last)) return 1;
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
               (in_group(a, k, PC_ATTR_CONNECTOR) || is_punct(a, k, "&") ||
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
    int role = media_role(a, j);
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
      if (lower_word(a, k) && media_role(a, k) >= 0)
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
    else if (b < end && in_group(a, b - 1, PC_ATTR_CONNECTOR) && b >= 2 && cap(a, b - 2)) b--;
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
    if (in_group(a, k - back, PC_ATTR_PLATFORM_CUE)) return 1;
  }
  return 0;
}

static precis_status match_at(attr_scan *a, size_t i) {
  name_span nm;
  if (!in_group(a, i, PC_ATTR_STARTS) && !(a->tok[i].flags & TOK_PAREN)) return PRECIS_OK;
  if (in_group(a, i, PC_ATTR_ACCORDING) && is(a, i + 1, "to")) {
    size_t j = i + 2;
    if (in_group(a, j, PC_ATTR_DETERMINER)) {
      size_t det = j++;
      while (in_group(a, j, PC_ATTR_REPORT_ADJECTIVE)) j++;
      if (in_group(a, j, PC_ATTR_REPORT_NOUN)) {
        size_t noun = j++;
        if (is(a, j, "published") || is(a, j, "obtained") || is(a, j, "seen") ||
            is(a, j, "released") || is(a, j, "issued"))
          j++;
        if (is(a, j, "by") || is(a, j, "from") || is(a, j, "in") || is(a, j, "on") ||
            is(a, j, "of") || is(a, j, "with"))
          return emit_if(a, j + 1, is(a, j, "by") || is(a, j, "from"));
        if ((is(a, det, "the") || is(a, det, "that") || is(a, det, "this")) &&
            in_group(a, noun, PC_ATTR_ANAPHOR_NOUN))
          return emit_anaphor(a, i, noun);
        return PRECIS_OK;
      }
      if (parse_name(a, det + 1, &nm) && in_group(a, nm.last + 1, PC_ATTR_REPORT_NOUN) &&
          outlet_like(a, &nm))
        return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
    }
    return emit_if(a, i + 2, 0);
  }
  if (in_group(a, i, PC_ATTR_INTERVIEW) && (is(a, i + 1, "with") || is(a, i + 1, "by")))
    return emit_if(a, i + 2, 1);
  if (in_group(a, i, PC_ATTR_TELL_VERB)) return emit_if(a, i + 1, 0);
  if (in_group(a, i, PC_ATTR_TO_VERB) && (is(a, i + 1, "to") || is(a, i + 1, "with")))
    return emit_if(a, i + 2, 0);
  if (in_group(a, i, PC_ATTR_BY_ANY) && is(a, i + 1, "by")) return emit_if(a, i + 2, 1);
  if (in_group(a, i, PC_ATTR_BY_MEDIA) && is(a, i + 1, "by")) return emit_if(a, i + 2, 0);
  if (in_group(a, i, PC_ATTR_IN_VERB) && is(a, i + 1, "in")) {
    if (parse_name(a, i + 2, &nm) && outlet_prefix(a, &nm))
      return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
    return PRECIS_OK;
  }
  if (in_group(a, i, PC_ATTR_CITING)) {
    if (parse_name(a, i + 1, &nm) && outlet_prefix(a, &nm))
      return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
    return PRECIS_OK;
  }
  if (in_group(a, i, PC_ATTR_ON_TO)) {
    size_t j = i + 1;
    int det = in_group(a, j, PC_ATTR_DETERMINER);
    if (det) j++;
    if (platform_at(a, j, &nm) &&
        ((!det && cue_before(a, i)) || in_group(a, nm.last + 1, PC_ATTR_POST_NOUN) ||
         (!det && is(a, i, "on") && !cap(a, nm.last + 1))))
      return emit(a, &nm, PRECIS_SOURCE_PLATFORM, PC_EV_INLINE);
    return PRECIS_OK;
  }
  if (in_group(a, i, PC_ATTR_DETERMINER)) {
    if (platform_at(a, i + 1, &nm) && in_group(a, nm.last + 1, PC_ATTR_POST_NOUN))
      return emit(a, &nm, PRECIS_SOURCE_PLATFORM, PC_EV_INLINE);
    if (parse_name(a, i + 1, &nm) && in_group(a, nm.last + 1, PC_ATTR_REPORT_NOUN) &&
        outlet_like(a, &nm) && !(a->tok[nm.last].flags & TOK_POSS))
      return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
    return PRECIS_OK;
  }
  if ((a->tok[i].flags & TOK_PAREN) && parse_name(a, i + 1, &nm) && nm.known && is_punct(a, nm.last + 1, ")"))
    return emit(a, &nm, PRECIS_SOURCE_OUTLET, PC_EV_INLINE);
  if (in_group(a, i, PC_ATTR_SUBJECT_VERB) && i > 0) {
    size_t k = i;
    while (k > 0 && in_group(a, k - 1, PC_ATTR_SUBJECT_AUX)) k--;
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

/* ---- the window --------------------------------------------------------- */

/* Where the next piece of prose [from, end) is cut: after PC_ATTR_PIECE
 * bytes, at a space, where no token can straddle the cut. */
static size_t piece_end(const char *p, size_t from, size_t end) {
  if (end - from <= PC_ATTR_PIECE) return end;
  size_t cut = from + PC_ATTR_PIECE;
  while (cut < end && p[cut] != ' ' && p[cut] != '\n') cut++;
  return cut;
}

/* ---- skimming -----------------------------------------------------------
 * Most prose cites nothing, so only chunks that can are tokenized. A chunk
 * ends with a token that every test fails, and no match reads past it: a
 * punctuation mark that is always a token of its own (, ; : ! ? " or a "."
 * before a space), or a plain word, lowercase and in no word list, written
 * between spaces or such marks. Matches read forward only over words of the
 * lists, names, "&" and one token after them, and backward only over such
 * words, except cue_before, which reads three tokens of any kind; and every
 * match that emits has, in its chunk, a PC_ATTR_ANCHOR word or "(" (its start's
 * word, a report or post noun, or a platform's name). So a chunk without
 * one is skimmed and skipped, and one with one is tokenized whole, its last
 * token included ("Press reports suggest" reads "suggest"), with the
 * PC_CONTEXT_CHUNKS chunks before it when it names a platform. A gap left
 * between tokenized chunks becomes one barrier token, which every test
 * reads as it did the skipped tokens. Chunks continue across paragraphs and
 * stop at a block that is not read. The skimming sees words as runs of
 * ASCII letters and digits ("op-ed" is "op" and "ed"), which is why the
 * anchors are indexed by such runs, and why a plain word must stand alone.
 * Where chunks end matters only around an anchor: the skim seeks the next
 * one (seek_anchor, one table lookup a run), walks back from it to the
 * start of its chunk (and of the chunks before it, for a platform), then
 * reads on, run by run, to the chunk's end. */

/* What a chunk with an anchor holds that chunk_may_emit asks about, noted
 * as the skim reads it (the walk back to its start, its anchor, the skim on
 * to its end), so the chunk is not read again. */
enum { CLUE_MULTIBYTE = 1, CLUE_ACCORDING = 2, CLUE_CAPITAL = 4, CLUE_EVIDENCE = 8 };

/* The CLUE_* of the run s[at, stop): an ASCII capital first (a capitalised
 * word token begins a run), "according" or a PC_ATTR_EVIDENCE word. Inlined: it
 * is called for every run of a chunk. */
static PC_ALWAYS_INLINE unsigned run_clues(const attr_scan *a, size_t at, size_t stop) {
  const unsigned char *s = (const unsigned char *)a->p;
  unsigned char c = s[at];
  unsigned clues = c >= 'A' && c <= 'Z' ? CLUE_CAPITAL : 0;
  if (a->words->evidence_shape[pc_attr_pair_slot(c, s[stop - 1])] & pc_attr_length_bit(stop - at)) {
    unsigned g = pc_attr_word_groups(a->words, a->p + at, stop - at, a->p_len - at);
    if (g & PC_ATTR_ACCORDING) clues |= CLUE_ACCORDING;
    if (g & PC_ATTR_EVIDENCE) clues |= CLUE_EVIDENCE;
  }
  return clues;
}

/* 1 when a byte of class k cannot be part of a word token next to it (a
 * "." can: "U.S", "e.g"). */
static int skim_apart(unsigned k) { return k >= PC_SKIM_END && k != PC_SKIM_DOT; }

static void start_chunk(attr_scan *a, size_t block, size_t pos) {
  a->chunk++;
  a->chunk_words = 0;
  a->starts[a->chunk % PC_CHUNK_RING] = (pc_chunk_start){block, pos};
  if (a->n_starts < PC_CHUNK_RING) a->n_starts++;
}

/* 1 when the run s[r, e) of a block whose prose is [block_start,
 * block_end), with run_shape `shape`, is a plain word. */
static inline int plain_word(const unsigned char *s, size_t r, size_t e, size_t block_start,
                             size_t block_end, uint64_t shape) {
  return !(shape & SHAPE_KEYWORD) && s[r] >= 'a' &&
         (e == block_end || skim_apart(pc_attr_skim_class[s[e]])) &&
         (r == block_start || skim_apart(pc_attr_skim_class[s[r - 1]]));
}

/* 1 when the mark s[q] of a block whose prose ends at block_end ends a chunk. */
static int chunk_mark(const unsigned char *s, size_t q, size_t block_end) {
  unsigned k = pc_attr_skim_class[s[q]];
  return k == PC_SKIM_END ||
         (k == PC_SKIM_DOT && q + 1 < block_end && pc_attr_skim_class[s[q + 1]] == PC_SKIM_SPACE);
}

/* Bit b of each mask is byte i + b of a window of n <= 64 bytes. */
typedef struct skim_masks {
  uint64_t alnum;  /* ASCII letters and digits */
  uint64_t paren;  /* "(" */
  uint64_t space;  /* " " */
  uint64_t high;   /* bytes >= 0x80 */
} skim_masks;

/* Four 16-bit masks as one, the first in the low bits. */
static inline uint64_t join16(unsigned m0, unsigned m1, unsigned m2, unsigned m3) {
  return (uint64_t)m0 | (uint64_t)m1 << 16 | (uint64_t)m2 << 32 | (uint64_t)m3 << 48;
}

/* The masks of the n <= 64 bytes from s[i] on. Where the text (len bytes)
 * has 64 bytes from i, they are read 16 at a time (base/bytes16.h); each
 * caller is inlined with it (forced: GCC would otherwise keep one copy that
 * makes them all), so the masks it does not read are not made. Else one
 * table lookup a byte. */
static PC_ALWAYS_INLINE skim_masks window_masks(const unsigned char *s, size_t i, size_t n,
                                              size_t len) {
  skim_masks m = {0, 0, 0, 0};
  if (len - i >= 64) {
    /* the four blocks written out: constant shifts, no loop counter */
    pc_bytes16 x0 = pc_bytes16_load(s + i), x1 = pc_bytes16_load(s + i + 16),
               x2 = pc_bytes16_load(s + i + 32), x3 = pc_bytes16_load(s + i + 48);
    m.alnum = join16(pc_bytes16_alnum(x0), pc_bytes16_alnum(x1), pc_bytes16_alnum(x2),
                     pc_bytes16_alnum(x3));
    m.paren = join16(pc_bytes16_eq(x0, '('), pc_bytes16_eq(x1, '('), pc_bytes16_eq(x2, '('),
                     pc_bytes16_eq(x3, '('));
    m.space = join16(pc_bytes16_eq(x0, ' '), pc_bytes16_eq(x1, ' '), pc_bytes16_eq(x2, ' '),
                     pc_bytes16_eq(x3, ' '));
    m.high = join16(pc_bytes16_high(x0), pc_bytes16_high(x1), pc_bytes16_high(x2),
                    pc_bytes16_high(x3));
    uint64_t valid = n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
    m.alnum &= valid;
    m.paren &= valid;
    m.space &= valid;
    m.high &= valid;
    return m;
  }
  for (size_t b = 0; b < n; b++) {
    unsigned char c = s[i + b];
    uint64_t bit = (uint64_t)1 << b;
    if (pc_attr_skim_letter(pc_attr_skim_class[c])) m.alnum |= bit;
    else if (c == '(') m.paren |= bit;
    else if (c == ' ') m.space |= bit;
    else if (c >= 0x80) m.high |= bit;
  }
  return m;
}

/* Walking back from offset `to` of block `block` to the chunk start
 * `origin`, finds the last `max` (at most PC_CHUNK_RING) chunk starts after
 * `origin`, as skim would, a run at a time; returns how many, last first.
 * With `clues` (max 1), adds those of the bytes after the start found. */
static size_t chunk_starts_before(const attr_scan *a, size_t block, size_t to,
                                  pc_chunk_start origin, pc_chunk_start *found, size_t max,
                                  unsigned *clues) {
  const pc_vec *blocks = &a->d->blocks;
  const unsigned char *s = (const unsigned char *)a->p;
  size_t n_found = 0, p = to;
  for (;;) {
    const pc_block *bl = &PC_VEC_AT(*blocks, pc_block, block);
    size_t lo = block == origin.block && origin.pos != PC_NO_POS ? origin.pos : bl->prose_start;
    while (p > lo && n_found < max) {
      size_t q = p - 1;
      if (pc_attr_skim_letter(pc_attr_skim_class[s[q]])) {
        size_t r = run_start(s, lo, q);
        uint64_t shape =
            run_shape(a->words, pc_attr_skim_class[s[r]], pc_attr_skim_class[s[q]], p - r);
        if (plain_word(s, r, p, bl->prose_start, bl->prose_end, shape))
          found[n_found++] = (pc_chunk_start){block, p};
        else if (clues)
          *clues |= run_clues(a, r, p);
        p = r;
      } else {
        if (chunk_mark(s, q, bl->prose_end)) found[n_found++] = (pc_chunk_start){block, p};
        else if (clues && s[q] >= 0x80)
          *clues |= CLUE_MULTIBYTE;
        p = q;
      }
    }
    if (n_found == max || block == origin.block) return n_found;
    block--;
    p = PC_VEC_AT(*blocks, pc_block, block).prose_end;
  }
}

/* Starts the chunk of an anchor seek_anchor found at offset `at` of block
 * `block`: the skim passed over the start of the chunk, if any, since the
 * one being skimmed; notes the clues of the chunk up to `at`. Its context
 * (start_context) is found only if needed. */
static void start_anchor_chunk(attr_scan *a, size_t block, size_t at) {
  pc_chunk_start start;
  a->clues = 0;
  if (!chunk_starts_before(a, block, at, a->starts[a->chunk % PC_CHUNK_RING], &start, 1,
                           &a->clues))
    return;
  a->seek_context = 1;
  a->seek_chunk = a->chunk;
  a->seek_n_starts = a->n_starts;
  start_chunk(a, start.block, start.pos);
}

/* For a chunk that start_anchor_chunk started and that names a platform:
 * starts again the PC_CONTEXT_CHUNKS chunks before it that the skim passed
 * over, then it, as skim would have numbered them. */
static void start_context(attr_scan *a) {
  pc_chunk_start chunk = a->starts[a->chunk % PC_CHUNK_RING], found[PC_CONTEXT_CHUNKS];
  unsigned words = a->chunk_words;
  size_t n = chunk_starts_before(a, chunk.block, chunk.pos,
                                 a->starts[a->seek_chunk % PC_CHUNK_RING], found,
                                 PC_CONTEXT_CHUNKS, NULL);
  a->chunk = a->seek_chunk;
  a->n_starts = a->seek_n_starts;
  while (n > 0) {
    n--;
    start_chunk(a, found[n].block, found[n].pos);
  }
  start_chunk(a, chunk.block, chunk.pos);
  a->chunk_words = words;
}

#if PC_BYTES_AVX2
/* window_masks' alnum (returned) and paren of the 64 bytes at p, 32 at a
 * time. */
__attribute__((target("avx2"))) static inline uint64_t seek_masks_avx2(const unsigned char *p,
                                                                       uint64_t *paren) {
  __m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
  __m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
  __m256i open = _mm256_set1_epi8('(');
  *paren = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, open)) |
           (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, open)) << 32;
  return (uint64_t)pc_bytes32_alnum_avx2(lo) | (uint64_t)pc_bytes32_alnum_avx2(hi) << 32;
}
#endif

/* seek_anchor, with AVX2 masks when `avx2` (a constant where it is inlined). */
/* Starts a chunk at the run [at, stop) when the run is an anchor word: 1
 * if it did, 0 if the run is no anchor. */
static inline int take_anchor(attr_scan *a, size_t block, size_t at, size_t stop) {
  unsigned words = run_anchors(a->words, a->p + at, stop - at, a->p_len - at);
  if (!(words & PC_ATTR_ANCHOR)) return 0;
  start_anchor_chunk(a, block, at);
  a->chunk_words |= words;
  a->clues |= run_clues(a, at, stop);
  return 1;
}

static PC_ALWAYS_INLINE size_t seek_anchor_in(attr_scan *a, size_t block, size_t i, size_t end,
                                            int avx2) {
  const unsigned char *s = (const unsigned char *)a->p;
  const uint32_t *anchor_shape = a->words->anchor_shape;
  while (i < end) {
    size_t n = end - i < 64 ? end - i : 64, next = i + n;
    uint64_t alnum, parens;
#if PC_BYTES_AVX2
    if (avx2 && a->p_len - i >= 64) {
      uint64_t valid = n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
      alnum = seek_masks_avx2(s + i, &parens) & valid;
      parens &= valid;
    } else
#else
    (void)avx2;
#endif
    {
      skim_masks m = window_masks(s, i, n, a->p_len);
      alnum = m.alnum;
      parens = m.paren;
    }
    uint64_t firsts = alnum & ~(alnum << 1), lasts = alnum & ~(alnum >> 1);
    if (parens) {
      firsts &= (parens & (~parens + 1)) - 1; /* the runs before "(" */
    } else if (n == 64 && (alnum >> 63) && (firsts >> 1)) {
      /* the last run may go on: the next window starts with it */
      unsigned last_first = pc_mask64_highest(firsts);
      firsts &= ~((uint64_t)1 << last_first);
      lasts &= ~((uint64_t)1 << 63);
      next = i + last_first;
    } else if (n == 64 && (alnum >> 63)) {
      /* one run of 64 bytes or more: longer than the shapes tell, looked up */
      next = run_end(s, i + 64, end);
      if (take_anchor(a, block, i, next)) return next;
      firsts = 0;
    }
    const unsigned char *base = s + i;
    /* The runs in pairs of first and last bytes: where the skim spends its
     * time, so one table load a run turns most away. */
    while (firsts) {
      size_t b = pc_mask64_lowest(firsts), e = pc_mask64_lowest(lasts);
      firsts &= firsts - 1;
      lasts &= lasts - 1;
      if (!(anchor_shape[pc_attr_pair_slot(base[b], base[e])] >> ((e - b) % 32) & 1)) continue;
      size_t at = i + b, stop = i + e + 1;
      if (!(a->words->anchor_start[pc_attr_pair_slot(s[at], s[at + (stop - at > 1)])] &
            pc_attr_length_bit(stop - at)))
        continue;
      if (take_anchor(a, block, at, stop)) return stop;
    }
    if (parens) {
      size_t at = i + (size_t)pc_mask64_lowest(parens);
      start_anchor_chunk(a, block, at);
      a->chunk_words |= PC_ATTR_ANCHOR;
      return at + 1;
    }
    i = next;
  }
  return end;
}

static size_t seek_anchor_plain(attr_scan *a, size_t block, size_t i, size_t end) {
  return seek_anchor_in(a, block, i, end, 0);
}

#if PC_BYTES_AVX2
/* The seek compiled for AVX2, BMI and BMI2: half the instructions a window
 * for the masks, one a run fewer to drop a bit. */
__attribute__((target("avx2,bmi,bmi2"))) static size_t seek_anchor_avx2(attr_scan *a,
                                                                        size_t block, size_t i,
                                                                        size_t end) {
  return seek_anchor_in(a, block, i, end, 1);
}
#endif

/* Skims prose [i, end) of block `block` for the first PC_ATTR_ANCHOR word or "("
 * of a chunk that has none so far; when found, starts its chunk
 * (start_anchor_chunk), notes the word in a->chunk_words and returns the
 * offset after it; else returns end. Only the anchors are looked for:
 * where chunks end matters only around one. */
static size_t seek_anchor(attr_scan *a, size_t block, size_t i, size_t end) {
#if PC_BYTES_AVX2
  if (a->avx2) return seek_anchor_avx2(a, block, i, end);
#endif
  return seek_anchor_plain(a, block, i, end);
}

/* Skims prose [i, end) of block `block`, starting at `block_start`, for
 * the end of a chunk that can cite, noting the anchors of the chunk being
 * skimmed in a->chunk_words; returns the offset after that chunk's last
 * byte, or PC_NO_POS when the chunk goes on past `end`. Until the chunk has
 * an anchor, seek_anchor skips ahead; then runs and marks are found 64
 * bytes at a time (i never falls inside a run). */
static size_t skim(attr_scan *a, size_t block, size_t block_start, size_t i, size_t end) {
  const unsigned char *s = (const unsigned char *)a->p;
  const pc_attr_index *w = a->words;
  while (i < end) {
    if (!(a->chunk_words & PC_ATTR_ANCHOR)) {
      i = seek_anchor(a, block, i, end);
      continue;
    }
    size_t n = end - i < 64 ? end - i : 64, next = i + n;
    skim_masks m = window_masks(s, i, n, a->p_len);
    /* the bytes the skim acts on besides runs: ASCII but a space */
    uint64_t alnum = m.alnum, valid = n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
    uint64_t marks = ~(m.alnum | m.space | m.high) & valid;
    /* the first and the last byte of each run, taken in pairs in order */
    uint64_t firsts = alnum & ~(alnum << 1), lasts = alnum & ~(alnum >> 1);
    uint64_t events = firsts | marks, high = m.high;
    while (events) {
      unsigned b = pc_mask64_lowest(events);
      size_t at = i + b;
      events &= events - 1;
      if (firsts >> b & 1) {
        size_t stop = i + (size_t)pc_mask64_lowest(lasts) + 1;
        lasts &= lasts - 1;
        if (stop == i + 64) next = stop = run_end(s, stop, end); /* it may go on */
        unsigned first = pc_attr_skim_class[s[at]], last = pc_attr_skim_class[s[stop - 1]];
        uint64_t shape = run_shape(w, first, last, stop - at);
        if (shape & SHAPE_ANCHOR)
          a->chunk_words |= run_anchors(w, a->p + at, stop - at, a->p_len - at);
        a->clues |= run_clues(a, at, stop);
        if (plain_word(s, at, stop, block_start, end, shape)) {
          if (high & (((uint64_t)1 << b) - 1)) a->clues |= CLUE_MULTIBYTE;
          return stop;
        }
        continue;
      }
      if (chunk_mark(s, at, end)) {
        if (high & (((uint64_t)1 << b) - 1)) a->clues |= CLUE_MULTIBYTE;
        return at + 1;
      }
      if (s[at] == '(') a->chunk_words |= PC_ATTR_ANCHOR;
    }
    if (high) a->clues |= CLUE_MULTIBYTE;
    i = next;
  }
  return PC_NO_POS;
}

/* 0 when the chunk being skimmed, ending at block/pos, cannot emit, and is
 * left out as if it had no anchor: nothing reads into a chunk that emits
 * nothing (see skimming above). Every match that emits reads, in its own
 * chunk, a name, which begins with a capitalised word, but for "according
 * to the report"; and a name emitted is either after "according to",
 * "interview with/by" or a PC_ATTR_BY_ANY word with "by", or a known outlet or
 * platform (its first word, past a "the", is that of a name in the outlet
 * index), or holds an outlet word, or follows a media noun or person
 * (pc_media_role). The skim sees words as runs, so the lists are indexed
 * by their runs ("talk-show" is "talk" and "show"); what the chunk holds of
 * these is in a->clues: a multibyte character, "according", or else both an
 * ASCII capital and a PC_ATTR_EVIDENCE word may emit. */
static int chunk_may_emit(const attr_scan *a) {
  unsigned c = a->clues;
  return (c & (CLUE_MULTIBYTE | CLUE_ACCORDING)) || ((c & CLUE_CAPITAL) && (c & CLUE_EVIDENCE));
}

/* Ends the chunk being skimmed at block/pos; when it can cite, sets it (and
 * its context) to be tokenized and returns 1. */
static int end_chunk(attr_scan *a, size_t block, size_t pos) {
  if (!(a->chunk_words & PC_ATTR_ANCHOR)) return 0;
  if (!chunk_may_emit(a)) {
    a->seek_context = 0;
    return 0;
  }
  if (a->seek_context && (a->chunk_words & PC_ATTR_PLATFORM_WORD)) start_context(a);
  a->seek_context = 0;
  size_t first = a->chunk - (a->chunk_words & PC_ATTR_PLATFORM_WORD ? a->n_starts - 1 : 0);
  if (first < a->next_tokenized) first = a->next_tokenized;
  a->working = 1;
  a->separate = a->produced > 0 && (first != a->next_tokenized || first == a->after_barrier);
  a->work_block = a->starts[first % PC_CHUNK_RING].block;
  a->work_pos = a->starts[first % PC_CHUNK_RING].pos;
  a->end_block = block;
  a->end_pos = pos;
  a->next_tokenized = a->chunk + 1;
  return 1;
}

/* Skims on to the next chunk that can cite. */
static void skim_to_live(attr_scan *a) {
  const pc_vec *blocks = &a->d->blocks;
  while (!a->working && !a->skim_done) {
    if (a->skim_block >= blocks->len) {
      a->skim_done = 1;
      end_chunk(a, blocks->len, 0);
      return;
    }
    const pc_block *bl = &PC_VEC_AT(*blocks, pc_block, a->skim_block);
    if (!scanned_block(bl->kind)) {
      int live = end_chunk(a, a->skim_block, 0);
      a->skim_block++;
      a->skim_pos = PC_NO_POS;
      a->n_starts = 0;
      start_chunk(a, a->skim_block, PC_NO_POS);
      a->after_barrier = a->chunk;
      if (live) return;
      continue;
    }
    size_t from = a->skim_pos == PC_NO_POS ? bl->prose_start : a->skim_pos;
    size_t at = skim(a, a->skim_block, bl->prose_start, from, bl->prose_end);
    if (at == PC_NO_POS) {
      a->skim_block++;
      a->skim_pos = PC_NO_POS;
      continue;
    }
    a->skim_pos = at;
    int live = end_chunk(a, a->skim_block, at);
    start_chunk(a, a->skim_block, at);
    if (live) return;
  }
}

/* Tokenizes the next piece of the stretch set by end_chunk. */
static precis_status tokenize_work(attr_scan *a) {
  const pc_vec *blocks = &a->d->blocks;
  if (a->separate) {
    a->separate = 0;
    pc_token *t = PC_VEC_PUSH(a->d->mem, &a->window, pc_token);
    if (!t) return PRECIS_ERR_NOMEM;
    a->produced++;
    t->flags = TOK_BARRIER;
    t->start = t->end = t->core_end = 0;
    return PRECIS_OK;
  }
  while (a->work_block < blocks->len && a->work_block <= a->end_block) {
    const pc_block *bl = &PC_VEC_AT(*blocks, pc_block, a->work_block);
    size_t from = a->work_pos == PC_NO_POS ? bl->prose_start : a->work_pos;
    size_t to = a->work_block == a->end_block ? a->end_pos : bl->prose_end;
    if (!scanned_block(bl->kind) || from >= to) {
      if (a->work_block == a->end_block) break;
      a->work_block++;
      a->work_pos = PC_NO_POS;
      continue;
    }
    size_t cut = piece_end(a->p, from, to);
    a->work_pos = cut;
    return tokenize(a, from, cut);
  }
  a->working = 0;
  return PRECIS_OK;
}

/* Tokenizes the next piece of prose that can cite, or sets a->done. */
static precis_status feed(attr_scan *a) {
  if (!a->working) skim_to_live(a);
  if (!a->working) {
    a->done = 1;
    return PRECIS_OK;
  }
  return tokenize_work(a);
}

/* Tokenizes until token `k` exists or the prose ends. */
static precis_status ensure(attr_scan *a, size_t k) {
  if (k < a->n || a->done) return PRECIS_OK;
  precis_status st = PRECIS_OK;
  while (st == PRECIS_OK && a->window.len <= k && !a->done) st = feed(a);
  a->tok = a->window.data;
  a->n = a->window.len;
  return st;
}

/* Makes sure every token match_at(i) can read is in the window. */
static precis_status ensure_ahead(attr_scan *a, size_t i) {
  precis_status st = ensure(a, i + PC_ATTR_LOOKAHEAD);
  if (st != PRECIS_OK || !in_group(a, i, PC_ATTR_ACCORDING)) return st;
  for (size_t k = i + 3; st == PRECIS_OK && in_group(a, k, PC_ATTR_REPORT_ADJECTIVE); k++)
    st = ensure(a, k + 1 + PC_ATTR_LOOKAHEAD);
  return st;
}

/* Drops the tokens no match from token *i on can read; *i follows. */
static void shift_window(attr_scan *a, size_t *i) {
  size_t keep = *i;
  while (keep > 0 && in_group(a, keep - 1, PC_ATTR_SUBJECT_AUX)) keep--;
  if (keep <= PC_ATTR_LOOKBEHIND) return;
  size_t drop = keep - PC_ATTR_LOOKBEHIND;
  memmove(a->tok, a->tok + drop, (a->n - drop) * sizeof *a->tok);
  a->window.len -= drop;
  a->n = a->window.len;
  *i -= drop;
  a->last_emitted = a->last_emitted > drop ? a->last_emitted - drop : 0;
}

precis_status pc_scan_attributions(pc_doc *d, pc_evidence_list *out) {
  attr_scan a;
  memset(&a, 0, sizeof a);
  a.d = d;
  a.out = out;
  a.p = d->prose.out.data ? d->prose.out.data : "";
  a.p_len = d->prose.out.data ? d->prose.out.len : 0;
  a.words = &pc_attr_table;
#if PC_BYTES_AVX2
  a.avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
           __builtin_cpu_supports("bmi2");
#endif
  precis_status st = PRECIS_OK;
  a.next_shift = PC_ATTR_WINDOW;
  a.skim_pos = PC_NO_POS;
  start_chunk(&a, 0, PC_NO_POS);
  a.next_tokenized = a.chunk;
  for (size_t i = 0; st == PRECIS_OK; i++) {
    if (i >= a.next_shift) {
      shift_window(&a, &i);
      a.next_shift = i + PC_ATTR_WINDOW;
    }
    if (i >= a.n) {
      st = ensure(&a, i);
      if (st != PRECIS_OK || i >= a.n) break;
    }
    /* Most tokens start nothing: they need no look ahead. */
    const pc_token *t = &a.tok[i];
    if (!((t->flags & TOK_WORD) && (t->groups & PC_ATTR_STARTS)) && !(t->flags & TOK_PAREN)) continue;
    st = ensure_ahead(&a, i);
    if (st != PRECIS_OK) break;
    st = match_at(&a, i);
  }
  pc_vec_free(d->mem, &a.window);
  return st;
}
