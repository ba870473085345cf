/* Inline markdown reduction into the prose text, with links recorded. Every
 * search ahead is bounded by a PC_MAX_* constant, so the pass is linear. */
#include "read/inline.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "base/bytes16.h"
#include "read/lines.h"

/* An emphasis opener looks this far ahead for its closer. */
#define PC_MAX_EMPHASIS_SCAN 1024
/* Emphasis closers waiting to be dropped; deeper nesting stays literal. */
#define PC_MAX_EMPHASIS_DEPTH 8

typedef struct emitter {
  pc_doc *d;
  const char *t;
  size_t copy_from;
  size_t block;
  int markdown;
  int in_link;
  size_t pending[PC_MAX_EMPHASIS_DEPTH]; /* closer positions to drop */
  size_t pending_len[PC_MAX_EMPHASIS_DEPTH];
  size_t n_pending;
} emitter;

static int flush(emitter *em, size_t upto) {
  if (upto <= em->copy_from) return 0;
  int rc = pc_textmap_copy(em->d->mem, &em->d->prose, em->t, em->copy_from, upto - em->copy_from);
  em->copy_from = upto;
  return rc;
}

/* Removes t[at, at+len) from the prose (a replace run with no output). */
static int drop(emitter *em, size_t at, size_t len) {
  if (flush(em, at) != 0) return -1;
  if (pc_textmap_replace(em->d->mem, &em->d->prose, at, len, "", 0) != 0) return -1;
  em->copy_from = at + len;
  return 0;
}

static int replace(emitter *em, size_t at, size_t len, const char *s, size_t n) {
  if (flush(em, at) != 0) return -1;
  if (pc_textmap_replace(em->d->mem, &em->d->prose, at, len, s, n) != 0) return -1;
  em->copy_from = at + len;
  return 0;
}

static int record_link(emitter *em, size_t start, size_t end, size_t ts, size_t te, size_t us,
                       size_t ue) {
  pc_link *l = PC_VEC_PUSH(em->d->mem, &em->d->links, pc_link);
  if (!l) return -1;
  l->start = start;
  l->end = end;
  l->text_start = ts;
  l->text_end = te;
  l->url_start = us;
  l->url_end = ue;
  l->block = em->block;
  return 0;
}

static int is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

static int is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int pc_inline_link_at(const char *t, size_t i, size_t end, pc_link_parts *out) {
  if (i >= end || t[i] != '[') return 0;
  size_t lim = end - i > PC_MAX_LINK_TEXT ? i + PC_MAX_LINK_TEXT : end;
  size_t j = i + 1, depth = 1;
  while (j < lim) {
    char c = t[j];
    if (c == '\\') { j += 2; continue; }
    if (c == '[') depth++;
    else if (c == ']' && --depth == 0) break;
    j++;
  }
  if (j >= lim || j + 1 >= end || t[j + 1] != '(') return 0;
  out->text_start = i + 1;
  out->text_end = j;
  size_t k = j + 2;
  lim = end - k > PC_MAX_LINK_URL ? k + PC_MAX_LINK_URL : end;
  while (k < lim && (t[k] == ' ' || t[k] == '\t')) k++;
  if (k < lim && t[k] == '<') {
    out->url_start = ++k;
    while (k < lim && t[k] != '>' && t[k] != '\n') k++;
    if (k >= lim || t[k] != '>') return 0;
    out->url_end = k++;
  } else {
    out->url_start = k;
    size_t paren = 0;
    while (k < lim && !is_space_byte(t[k])) {
      if (t[k] == '\\') { k += 2; continue; }
      if (t[k] == '(') paren++;
      else if (t[k] == ')') { if (paren == 0) break; paren--; }
      k++;
    }
    if (k > lim) return 0;
    out->url_end = k;
  }
  while (k < lim && (t[k] == ' ' || t[k] == '\t')) k++;
  if (k < lim && (t[k] == '"' || t[k] == '\'' || t[k] == '(')) {
    char close = t[k] == '(' ? ')' : t[k];
    k++;
    while (k < lim && t[k] != close) k++;
    if (k >= lim) return 0;
    k++;
    while (k < lim && (t[k] == ' ' || t[k] == '\t')) k++;
  }
  if (k >= lim || t[k] != ')') return 0;
  out->end = k + 1;
  return 1;
}

/* Byte classes of the inline scan: a label byte [0-9A-Za-z-], and ASCII
 * bytes after which no URL starts (alphanumerics and /.@-_:). */
enum { BYTE_LABEL = 1, BYTE_GLUE = 2 };
static const unsigned char byte_class[256] = {
    ['-'] = 3, ['/'] = 2, ['.'] = 2, ['@'] = 2, ['_'] = 2, [':'] = 2,
    ['0'] = 3, ['1'] = 3, ['2'] = 3, ['3'] = 3, ['4'] = 3, ['5'] = 3, ['6'] = 3, ['7'] = 3,
    ['8'] = 3, ['9'] = 3,
    ['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3, ['G'] = 3, ['H'] = 3,
    ['I'] = 3, ['J'] = 3, ['K'] = 3, ['L'] = 3, ['M'] = 3, ['N'] = 3, ['O'] = 3, ['P'] = 3,
    ['Q'] = 3, ['R'] = 3, ['S'] = 3, ['T'] = 3, ['U'] = 3, ['V'] = 3, ['W'] = 3, ['X'] = 3,
    ['Y'] = 3, ['Z'] = 3,
    ['a'] = 3, ['b'] = 3, ['c'] = 3, ['d'] = 3, ['e'] = 3, ['f'] = 3, ['g'] = 3, ['h'] = 3,
    ['i'] = 3, ['j'] = 3, ['k'] = 3, ['l'] = 3, ['m'] = 3, ['n'] = 3, ['o'] = 3, ['p'] = 3,
    ['q'] = 3, ['r'] = 3, ['s'] = 3, ['t'] = 3, ['u'] = 3, ['v'] = 3, ['w'] = 3, ['x'] = 3,
    ['y'] = 3, ['z'] = 3};

static int is_label_char(char c) { return byte_class[(unsigned char)c] & BYTE_LABEL; }

/* host.tld/ at t[i]: the offset just after the '/', or 0. */
static size_t host_path(const char *t, size_t i, size_t end) {
  size_t k = i, labels = 0, last_start = i;
  int last_alpha = 1;
  while (k < end && k - i < 256) {
    size_t s = k;
    last_alpha = 1;
    while (k < end && is_label_char(t[k])) {
      if (!((t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'z')) last_alpha = 0;
      k++;
    }
    if (k == s) return 0;
    labels++;
    last_start = s;
    if (k < end && t[k] == '.') { k++; continue; }
    break;
  }
  if (labels < 2 || !last_alpha || k - last_start < 2 || k >= end || t[k] != '/') return 0;
  return k + 1;
}

size_t pc_inline_url_at(const char *t, size_t i, size_t end) {
  size_t k;
  char first = i < end ? (char)(t[i] | 0x20) : 0;
  if (first == 'h' && pc_text_has_iprefix(t, i, end, "https://")) k = i + 8;
  else if (first == 'h' && pc_text_has_iprefix(t, i, end, "http://")) k = i + 7;
  else if (first == 'f' && pc_text_has_iprefix(t, i, end, "ftp://")) k = i + 6;
  else if (first == 'w' && pc_text_has_iprefix(t, i, end, "www.")) k = i + 4;
  else if ((k = host_path(t, i, end)) == 0) return 0;
  size_t lim = end - i > PC_MAX_LINK_URL ? i + PC_MAX_LINK_URL : end;
  long paren = 0;
  while (k < lim) {
    unsigned char c = (unsigned char)t[k];
    if (c <= ' ' || c >= 0x80 || c == '<' || c == '>' || c == '"' || c == '`') break;
    if (c == '(') paren++;
    if (c == ')') paren--;
    k++;
  }
  while (k > i) {
    char c = t[k - 1];
    if (c == ')' && paren < 0) { paren++; k--; continue; }
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
        c == '*' || c == '_' || c == ']') { k--; continue; }
    break;
  }
  size_t min = pc_text_has_iprefix(t, i, end, "www.") ? 6 : 8;
  return k - i >= min ? k - i : 0;
}

/* A closer for the emphasis run t[i, i+n) of `c`, within the bound, or 0. */
static size_t emphasis_closer(const char *t, size_t i, size_t n, size_t end, char c) {
  size_t lim = end - i > PC_MAX_EMPHASIS_SCAN ? i + PC_MAX_EMPHASIS_SCAN : end;
  size_t k = i + n;
  while (k < lim) {
    if (t[k] != c) { k++; continue; }
    size_t r = k;
    while (r < end && t[r] == c) r++;
    if (r - k == n && !is_space_byte(t[k - 1])) {
      if (c != '_' || r >= end || !is_label_char(t[r])) return k;
    }
    k = r;
  }
  return 0;
}

static int pending_at(emitter *em, size_t i, size_t *len) {
  for (size_t k = 0; k < em->n_pending; k++) {
    if (em->pending[k] == i) {
      *len = em->pending_len[k];
      em->pending[k] = em->pending[--em->n_pending];
      em->pending_len[k] = em->pending_len[em->n_pending];
      return 1;
    }
  }
  return 0;
}

/* &amp; &#39; ... : the decoded UTF-8 in buf and the entity length, or 0. */
static size_t entity_at(const char *t, size_t i, size_t end, char *buf, size_t *buf_len) {
  static const struct { const char *name; int32_t cp; } names[] = {
      {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},     {"mdash", 0x2014},  {"ndash", 0x2013},
      {"hellip", 0x2026}, {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"ldquo", 0x201C},
      {"rdquo", 0x201D}};
  size_t k = i + 1;
  while (k < end && k - i <= 10 && t[k] != ';' && (is_label_char(t[k]) || t[k] == '#')) k++;
  if (k >= end || t[k] != ';' || k == i + 1) return 0;
  int32_t cp = -1;
  if (t[i + 1] == '#') {
    int hex = i + 2 < k && (t[i + 2] == 'x' || t[i + 2] == 'X');
    long v = 0;
    for (size_t j = i + 2 + (size_t)hex; j < k; j++) {
      char c = t[j];
      int dgt = c >= '0' && c <= '9' ? c - '0'
              : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
      if (dgt < 0 || v > 0x10FFFF) return 0;
      v = v * (hex ? 16 : 10) + dgt;
    }
    if (v <= 0 || v > 0x10FFFF || !utf8proc_codepoint_valid((utf8proc_int32_t)v)) return 0;
    cp = (int32_t)v;
  } else {
    for (size_t n = 0; n < sizeof names / sizeof names[0]; n++)
      if (strlen(names[n].name) == k - i - 1 && memcmp(t + i + 1, names[n].name, k - i - 1) == 0)
        cp = names[n].cp;
    if (cp < 0) return 0;
  }
  *buf_len = (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf);
  return k + 1 - i;
}

static int is_word_start(const char *t, size_t i) {
  if (i == 0) return 1;
  size_t n;
  unsigned char before = (unsigned char)t[i - 1];
  if (before < 0x80) return !(byte_class[before] & BYTE_GLUE);
  int32_t cp = pc_cp_before(t, 0, i, &n);
  return !pc_cp_is_alnum(cp) && cp != '/' && cp != '.' && cp != '@' && cp != '-' && cp != '_' &&
         cp != ':';
}

static int emit_range(emitter *em, size_t start, size_t end);

/* Handles markdown syntax at t[i]; sets *next past it. 1 handled, 0 not, -1 nomem. */
static int markdown_at(emitter *em, size_t i, size_t start, size_t end, size_t *next,
                       unsigned char *no_closer) {
  const char *t = em->t;
  char c = t[i];
  pc_link_parts lp;
  if (c == '\\' && i + 1 < end && is_ascii_punct(t[i + 1])) {
    if (drop(em, i, 1) != 0) return -1;
    *next = i + 2;
    return 1;
  }
  if (c == '`') {
    size_t n = 1;
    while (i + n < end && t[i + n] == '`') n++;
    *next = i + n;
    if (n > PC_MAX_BACKTICKS || no_closer[n]) return 1;
    for (size_t k = i + n; k < end;) {
      if (t[k] != '`') { k++; continue; }
      size_t r = k;
      while (r < end && t[r] == '`') r++;
      if (r - k == n) {
        if (drop(em, i, n) != 0 || flush(em, k) != 0 || drop(em, k, n) != 0) return -1;
        *next = r;
        return 1;
      }
      k = r;
    }
    no_closer[n] = 1;
    return 1;
  }
  if (c == '!' && i + 1 < end && t[i + 1] == '[' && pc_inline_link_at(t, i + 1, end, &lp)) {
    if (drop(em, i, lp.end - i) != 0) return -1;
    *next = lp.end;
    return 1;
  }
  if (c == '[' && !em->in_link && pc_inline_link_at(t, i, end, &lp)) {
    if (drop(em, i, 1) != 0) return -1;
    em->in_link = 1;
    int rc = emit_range(em, lp.text_start, lp.text_end);
    em->in_link = 0;
    if (rc != 0 || drop(em, lp.text_end, lp.end - lp.text_end) != 0 ||
        record_link(em, i, lp.end, lp.text_start, lp.text_end, lp.url_start, lp.url_end) != 0)
      return -1;
    *next = lp.end;
    return 1;
  }
  if (c == '<') {
    size_t lim = end - i > PC_MAX_INLINE_TAG ? i + PC_MAX_INLINE_TAG : end;
    if (pc_text_has_iprefix(t, i, end, "<!--")) {
      for (size_t k = i + 4; k + 3 <= lim; k++)
        if (memcmp(t + k, "-->", 3) == 0) {
          if (drop(em, i, k + 3 - i) != 0) return -1;
          *next = k + 3;
          return 1;
        }
      return 0;
    }
    size_t k = i + 1;
    while (k < lim && t[k] != '>' && t[k] != '<' && t[k] != '\n') k++;
    if (k >= lim || t[k] != '>') return 0;
    size_t u = pc_inline_url_at(t, i + 1, k);
    if (u && i + 1 + u == k) {
      if (drop(em, i, 1) != 0 || flush(em, k) != 0 || drop(em, k, 1) != 0 ||
          record_link(em, i, k + 1, i + 1, i + 1, i + 1, k) != 0)
        return -1;
      *next = k + 1;
      return 1;
    }
    if (pc_text_has_iprefix(t, i + 1, k, "mailto:")) {
      if (drop(em, i, 1) != 0 || flush(em, k) != 0 || drop(em, k, 1) != 0 ||
          record_link(em, i, k + 1, i + 1, i + 1, i + 1, k) != 0)
        return -1;
      *next = k + 1;
      return 1;
    }
    size_t j = i + 1;
    if (j < k && t[j] == '/') j++;
    if (j < k && ((t[j] | 0x20) >= 'a' && (t[j] | 0x20) <= 'z')) {
      while (j < k && (is_label_char(t[j]))) j++;
      if (j == k || t[j] == ' ' || t[j] == '/' || t[j] == '\t') {
        if (drop(em, i, k + 1 - i) != 0) return -1;
        *next = k + 1;
        return 1;
      }
    }
    return 0;
  }
  if (c == '*' || c == '_' || c == '~') {
    size_t n = 1, plen;
    while (i + n < end && t[i + n] == c) n++;
    *next = i + n;
    if (pending_at(em, i, &plen)) {
      if (drop(em, i, plen) != 0) return -1;
      *next = i + plen;
      return 1;
    }
    if (n > 3 || (c == '~' && n != 2)) return 1;
    if (i + n >= end || is_space_byte(t[i + n])) return 1; /* not left-flanking */
    if (c == '_' && i > start && is_label_char(t[i - 1])) return 1;
    if (em->n_pending >= PC_MAX_EMPHASIS_DEPTH) return 1;
    size_t close = emphasis_closer(t, i, n, end, c);
    if (!close) return 1;
    em->pending[em->n_pending] = close;
    em->pending_len[em->n_pending++] = n;
    if (drop(em, i, n) != 0) return -1;
    return 1;
  }
  if (c == '&') {
    char buf[8];
    size_t blen = 0, n = entity_at(t, i, end, buf, &blen);
    if (!n) return 0;
    if (replace(em, i, n, buf, blen) != 0) return -1;
    *next = i + n;
    return 1;
  }
  return 0;
}

/* Bytes where the scan has work: markdown syntax, and the '.' or ':' that
 * ends the first label of a URL. */
enum { TRIGGER_URL = 1, TRIGGER_MARKDOWN = 2 };
static const unsigned char trigger[256] = {
    ['.'] = TRIGGER_URL, [':'] = TRIGGER_URL, ['\\'] = TRIGGER_MARKDOWN,
    ['`'] = TRIGGER_MARKDOWN, ['!'] = TRIGGER_MARKDOWN, ['['] = TRIGGER_MARKDOWN,
    ['<'] = TRIGGER_MARKDOWN, ['*'] = TRIGGER_MARKDOWN, ['_'] = TRIGGER_MARKDOWN,
    ['~'] = TRIGGER_MARKDOWN, ['&'] = TRIGGER_MARKDOWN};

/* A '.' at t[p] that a URL can go through: a label follows it
 * (host.tld), or it ends "www." after the resume point i. */
static int url_dot(const char *t, size_t p, size_t end, size_t i) {
  return (p + 1 < end && is_label_char(t[p + 1])) ||
         (p >= i + 3 && (t[p - 1] | 0x20) == 'w' && pc_text_has_iprefix(t, p - 3, p, "www"));
}

#if PC_BYTES16_SSE2
/* Bytes of s[0, 32) that may be trigger bytes: those, ']' and '^' (in the
 * range '['-'`'), '>' and 'z'. Prose has a few in a hundred, mostly dots. */
static inline uint32_t trigger_candidates(const unsigned char *s) {
  uint32_t mask = 0;
  for (unsigned h = 0; h < 32; h += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + h));
    /* one compare for two bytes a bit apart: '*' and '.' (v | 0x04 is
     * '.'), ':' and '~' (v | 0x44 is '~', as for '>' and 'z') */
    __m128i hit = _mm_or_si128(
        _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x04)), _mm_set1_epi8('.')),
        _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x44)), _mm_set1_epi8('~')));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')),
                                         _mm_cmpeq_epi8(v, _mm_set1_epi8('&'))));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
    __m128i past = _mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8('[')), _mm_set1_epi8('`' - '['));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(past, _mm_setzero_si128()));
    mask |= (uint32_t)_mm_movemask_epi8(hit) << h;
  }
  return mask;
}
#endif

/* The first trigger byte in t[p, end) that needs a look, or end: markdown
 * syntax, a ':', or a '.' of url_dot. With SSE2, 32 bytes a step, looking
 * only at trigger_candidates: testing the commas, quotes and line breaks
 * one by one, unpredictably, cost twice the time. */
static size_t next_trigger(const char *t, size_t p, size_t end, size_t i) {
  const unsigned char *u = (const unsigned char *)t;
#if PC_BYTES16_SSE2
  for (; end - p >= 32; p += 32) {
    for (uint32_t rest = trigger_candidates(u + p); rest; rest &= rest - 1) {
      size_t k = p + pc_mask_lowest(rest);
      if (trigger[u[k]] && (u[k] != '.' || url_dot(t, k, end, i))) return k;
    }
  }
#endif
  for (; p < end; p++)
    if (trigger[u[p]] && (u[p] != '.' || url_dot(t, p, end, i))) return p;
  return end;
}

/* The next '.' and ':' found, each valid while >= the scan position. */
typedef struct url_triggers {
  size_t dot, colon;
  int known;
} url_triggers;

/* The first byte in t[i, end) that is '.' or ':', or end. */
static size_t next_url_trigger(const char *t, size_t i, size_t end, url_triggers *u) {
  if (!u->known || u->dot < i) {
    const char *hit = memchr(t + i, '.', end - i);
    u->dot = hit ? (size_t)(hit - t) : end;
  }
  if (!u->known || u->colon < i) {
    const char *hit = memchr(t + i, ':', end - i);
    u->colon = hit ? (size_t)(hit - t) : end;
  }
  u->known = 1;
  return u->dot < u->colon ? u->dot : u->colon;
}

/* Emits t[start, end). Only trigger bytes need a look: markdown syntax is
 * handled where it stands, and a URL can only start at a word whose run of
 * label bytes ends at a '.' or ':', so at each of those the run is walked
 * back (never before the resume point i, which a handled span or URL may
 * have moved past it) to see whether it starts a word. */
static int emit_range(emitter *em, size_t start, size_t end) {
  const char *t = em->t;
  unsigned char no_closer[PC_MAX_BACKTICKS + 1];
  memset(no_closer, 0, sizeof no_closer);
  size_t i = start;
  url_triggers found = {0, 0, 0};
  while (i < end) {
    size_t p = i;
    if (em->markdown)
      p = next_trigger(t, p, end, i);
    else
      p = next_url_trigger(t, i, end, &found);
    if (p >= end) break;
    char c = t[p];
    if (trigger[(unsigned char)c] & TRIGGER_MARKDOWN) {
      size_t next = p + 1;
      int rc = markdown_at(em, p, start, end, &next, no_closer);
      if (rc < 0) return -1;
      i = rc > 0 ? next : p + 1;
      continue;
    }
    if (c == '.' && !url_dot(t, p, end, i)) {
      i = p + 1;
      continue;
    }
    size_t q = p;
    while (q > i && is_label_char(t[q - 1])) q--;
    if (q < p && ((t[q] | 0x20) >= 'a' && (t[q] | 0x20) <= 'z') && is_word_start(t, q)) {
      size_t u = pc_inline_url_at(t, q, end);
      if (u) {
        if (!em->in_link && record_link(em, q, q + u, q, q, q, q + u) != 0) return -1;
        i = q + u;
        continue;
      }
    }
    i = p + 1;
  }
  return flush(em, end);
}

int pc_inline_emit(pc_doc *d, size_t start, size_t end, int markdown, size_t block) {
  emitter em;
  memset(&em, 0, sizeof em);
  em.d = d;
  em.t = d->repaired.out.data;
  em.copy_from = start;
  em.block = block;
  em.markdown = markdown;
  return emit_range(&em, start, end);
}
