/* Line scanning and the UTF-8 character tests shared by the layout passes. */
#include "read/lines.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "base/bytes16.h"

static int is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

int32_t pc_cp_decode(const char *t, size_t i, size_t end, size_t *len) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t got =
      utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(end - i), &cp);
  if (got <= 0) { *len = 1; return 0xFFFD; }
  *len = (size_t)got;
  return cp;
}

int32_t pc_cp_before(const char *t, size_t start, size_t i, size_t *len) {
  size_t j = i - 1;
  while (j > start && i - j < 4 && ((unsigned char)t[j] & 0xC0) == 0x80) j--;
  size_t n;
  int32_t cp = pc_cp_at(t, j, i, &n);
  *len = i - j;
  return cp;
}

int pc_cp_is_unicode_space(int32_t cp) {
  if (cp < 0x80) return pc_cp_is_space(cp);
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

int pc_cp_is_upper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int pc_cp_is_lower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int pc_cp_is_letter(int32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int pc_cp_is_alnum(int32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return pc_cp_is_letter(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

int pc_cp_is_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '*' || cp == '_' ||
         cp == 0x2019 || cp == 0x201D || cp == 0x00BB || cp == 0x203A;
}

int pc_cp_is_opener(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '*' || cp == '_' ||
         cp == 0x2018 || cp == 0x201C || cp == 0x00AB || cp == 0x2039 || cp == 0x201E;
}

int pc_cp_is_dash(int32_t cp) { return cp == '-' || cp == 0x2013 || cp == 0x2014; }

/* ASCII blanks as pc_cp_is_space has them, by table: counting words reads
 * every byte of the lines it counts. */
static const unsigned char ascii_blank[128] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1};

int32_t pc_text_last_cp(const char *t, size_t start, size_t end) {
  size_t i = end, n;
  while (i > start) {
    unsigned char c = (unsigned char)t[i - 1];
    if (c < 0x80) { /* decided here: most lines end in ASCII */
      if (c != '"' && c != '\'' && c != ')' && c != ']' && c != '*' && c != '_' && !ascii_blank[c])
        return c;
      i--;
      continue;
    }
    int32_t cp = pc_cp_before(t, start, i, &n);
    if (!pc_cp_is_closer(cp) && !pc_cp_is_space(cp)) return cp;
    i -= n;
  }
  return 0;
}

int pc_text_ends_sentence(const char *t, size_t start, size_t end) {
  int32_t cp = pc_text_last_cp(t, start, end);
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* The first code point after opening quotes, brackets and spaces. */
static int32_t first_cp(const char *t, size_t start, size_t end) {
  size_t i = start, n;
  while (i < end) {
    int32_t cp = pc_cp_at(t, i, end, &n);
    if (!pc_cp_is_opener(cp) && !pc_cp_is_space(cp)) return cp;
    i += n;
  }
  return 0;
}

int pc_text_starts_sentence(const char *t, size_t start, size_t end) {
  int32_t cp = first_cp(t, start, end);
  return pc_cp_is_upper(cp) || (cp >= '0' && cp <= '9') || cp == '$' || cp == 0x20AC ||
         cp == 0xA3;
}

int pc_text_starts_lower(const char *t, size_t start, size_t end) {
  return pc_cp_is_lower(first_cp(t, start, end));
}

int pc_text_ends_connective(const char *t, size_t s, size_t e) {
  static const char *const words[] = {
      "a", "an", "the", "to", "of", "in", "on", "at", "for", "with", "by", "from", "and", "or",
      "but", "as", "into", "over", "about", "after", "before", "behind", "under", "between",
      "against", "amid", "its", "his", "her", "their", "our", "your", "is", "are", "was", "will",
      "that", "than", "not"};
  size_t w = e;
  while (w > s && t[w - 1] != ' ') w--;
  if (e > s && (t[e - 1] == ',' || t[e - 1] == '-')) return 1;
  for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
    if (strlen(words[k]) == e - w && pc_text_has_iprefix(t, w, e, words[k])) return 1;
  return 0;
}

size_t pc_text_words(const char *t, size_t start, size_t end) {
  return pc_text_words_upto(t, start, end, (size_t)-1);
}

size_t pc_text_words_upto(const char *t, size_t start, size_t end, size_t cap) {
  size_t words = 0, i = start, n;
  int in_word = 0;
  while (i < end) {
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) {
      if (ascii_blank[c]) {
        in_word = 0;
      } else if (!in_word) {
        if (words == cap) break;
        in_word = 1;
        words++;
      }
      i++;
      continue;
    }
    int32_t cp = pc_cp_decode(t, i, end, &n);
    if (pc_cp_is_space(cp)) in_word = 0;
    else if (!in_word) {
      if (words == cap) break;
      in_word = 1;
      words++;
    }
    i += n;
  }
  return words;
}

size_t pc_text_width(const char *t, size_t start, size_t end) {
  size_t w = end - start, i = start;
  /* 32 bytes at a time (every line is measured): each byte 10xxxxxx
   * continues a code point, the others start one. */
  for (; end - i >= 32; i += 32) {
    pc_bytes16 lo = pc_bytes16_load(t + i), hi = pc_bytes16_load(t + i + 16);
    if (!(pc_bytes16_high(lo) | pc_bytes16_high(hi))) continue;
    w -= pc_mask_count16(pc_bytes16_in(lo, 0x80, 0xBF)) +
         pc_mask_count16(pc_bytes16_in(hi, 0x80, 0xBF));
  }
  for (; i < end; i++)
    if (((unsigned char)t[i] & 0xC0) == 0x80) w--;
  return w;
}

/* The PC_LINE_HOLDS_* bit of each byte. */
static const unsigned char holds_bit[256] = {
    ['|'] = PC_LINE_HOLDS_PIPE, ['/'] = PC_LINE_HOLDS_SLASH, ['@'] = PC_LINE_HOLDS_AT};

/* pc_text_width of t[start, end), and in *holds the PC_LINE_HOLDS_* bytes
 * found there: one pass instead of one more for each byte. */
static size_t measure_line(const char *t, size_t start, size_t end, unsigned char *holds) {
  size_t w = end - start, i = start;
  unsigned found = 0;
#if PC_BYTES16_SSE2
  /* each byte's hits are or-ed over the line and looked at once */
  __m128i pipe = _mm_setzero_si128(), slash = pipe, at = pipe;
  for (; end - i >= 32; i += 32) {
    pc_bytes16 lo = pc_bytes16_load(t + i), hi = pc_bytes16_load(t + i + 16);
    pipe = _mm_or_si128(pipe, _mm_or_si128(_mm_cmpeq_epi8(lo.v, _mm_set1_epi8('|')),
                                           _mm_cmpeq_epi8(hi.v, _mm_set1_epi8('|'))));
    slash = _mm_or_si128(slash, _mm_or_si128(_mm_cmpeq_epi8(lo.v, _mm_set1_epi8('/')),
                                             _mm_cmpeq_epi8(hi.v, _mm_set1_epi8('/'))));
    at = _mm_or_si128(at, _mm_or_si128(_mm_cmpeq_epi8(lo.v, _mm_set1_epi8('@')),
                                       _mm_cmpeq_epi8(hi.v, _mm_set1_epi8('@'))));
    if (!_mm_movemask_epi8(_mm_or_si128(lo.v, hi.v))) continue; /* no byte >= 0x80 */
    w -= pc_mask_count16(pc_bytes16_in(lo, 0x80, 0xBF)) +
         pc_mask_count16(pc_bytes16_in(hi, 0x80, 0xBF));
  }
  found = (_mm_movemask_epi8(pipe) ? PC_LINE_HOLDS_PIPE : 0u) |
          (_mm_movemask_epi8(slash) ? PC_LINE_HOLDS_SLASH : 0u) |
          (_mm_movemask_epi8(at) ? PC_LINE_HOLDS_AT : 0u);
#endif
  for (; i < end; i++) {
    char c = t[i];
    if (((unsigned char)c & 0xC0) == 0x80) w--;
    found |= holds_bit[(unsigned char)c];
  }
  *holds = (unsigned char)found;
  return w;
}

/* Lines in t[0, n): counted first so the vector is allocated once. */
static size_t count_lines(const char *t, size_t n) {
  size_t count = 0;
  for (const char *p = t, *end = t + n; p < end; count++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) return count + 1;
    p = nl + 1;
  }
  return count;
}

precis_status pc_lines_scan(pc_doc *d, pc_vec *lines, int *borrowed) {
  const char *t = d->repaired.out.data ? d->repaired.out.data : "";
  size_t n = d->repaired.out.len, pos = 0, count = count_lines(t, n);
  void *slack = count <= SIZE_MAX / sizeof(pc_line)
                    ? pc_doc_scratch_before_sentences(d, count * sizeof(pc_line)) : NULL;
  *borrowed = slack != NULL && lines->data == NULL;
  if (*borrowed) {
    lines->data = slack;
    lines->cap = count;
    lines->len = 0;
  } else if (pc_vec_reserve_exact(d->mem, lines, sizeof(pc_line), count) != 0) {
    return PRECIS_ERR_NOMEM;
  }
  while (pos < n) {
    const char *nl = memchr(t + pos, '\n', n - pos);
    size_t end = nl ? (size_t)(nl - t) : n;
    pc_line *l = PC_VEC_PUSH(d->mem, lines, pc_line);
    if (!l) return PRECIS_ERR_NOMEM;
    l->start = pos;
    l->end = end;
    size_t i = pos, col = 0;
    while (i < end && is_blank_byte(t[i])) { col += t[i] == '\t' ? 4 - col % 4 : 1; i++; }
    size_t e = end;
    while (e > i && is_blank_byte(t[e - 1])) e--;
    /* A line of only no-break or other Unicode spaces is blank too. */
    size_t k = i, cl;
    while (k < e && pc_cp_is_space(pc_cp_at(t, k, e, &cl))) k += cl;
    l->text_start = l->body_start = i;
    l->text_end = l->tail_start = e;
    l->indent = col;
    l->width = measure_line(t, pos, e, &l->holds);
    l->type = (unsigned char)(k == e ? PC_LINE_BLANK : PC_LINE_TEXT);
    if (!nl) break;
    pos = end + 1;
  }
  return PRECIS_OK;
}
