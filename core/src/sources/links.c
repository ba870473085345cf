/* Links in plain text: URLs with or without a scheme, markdown links and
 * @handles. Every scan is bounded by the PC_MAX_* limits in links.h. */
#include "sources/links.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "base/ascii.h"

#define H (PC_LINK_HOST | PC_LINK_INNER)
#define I PC_LINK_INNER
const unsigned char pc_link_byte_class[256] = {
    ['-'] = H, ['.'] = H, ['_'] = H, ['/'] = I, ['@'] = I, ['%'] = I, ['#'] = I, ['='] = I,
    ['&'] = I, ['+'] = I, ['~'] = I,
    ['0'] = H, ['1'] = H, ['2'] = H, ['3'] = H, ['4'] = H, ['5'] = H, ['6'] = H, ['7'] = H,
    ['8'] = H, ['9'] = H,
    ['A'] = H, ['B'] = H, ['C'] = H, ['D'] = H, ['E'] = H, ['F'] = H, ['G'] = H, ['H'] = H,
    ['I'] = H, ['J'] = H, ['K'] = H, ['L'] = H, ['M'] = H, ['N'] = H, ['O'] = H, ['P'] = H,
    ['Q'] = H, ['R'] = H, ['S'] = H, ['T'] = H, ['U'] = H, ['V'] = H, ['W'] = H, ['X'] = H,
    ['Y'] = H, ['Z'] = H,
    ['a'] = H, ['b'] = H, ['c'] = H, ['d'] = H, ['e'] = H, ['f'] = H, ['g'] = H, ['h'] = H,
    ['i'] = H, ['j'] = H, ['k'] = H, ['l'] = H, ['m'] = H, ['n'] = H, ['o'] = H, ['p'] = H,
    ['q'] = H, ['r'] = H, ['s'] = H, ['t'] = H, ['u'] = H, ['v'] = H, ['w'] = H, ['x'] = H,
    ['y'] = H, ['z'] = H};
#undef H
#undef I

static int starts_with_ci(const char *t, size_t n, size_t i, const char *p) {
  for (size_t j = 0; p[j]; j++) {
    if (j >= n - i) return 0;
    unsigned char c = (unsigned char)t[i + j];
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)p[j]) return 0;
  }
  return 1;
}

/* Top-level domains accepted for hosts written without "http" or "www."
 * (two-letter country codes are accepted too). */
static int known_tld(const char *s, size_t n) {
  static const char *const tlds[] = {"com", "org", "net", "gov", "edu", "int", "mil", "info",
                                     "biz", "news", "app", "dev", "social", "online", "site",
                                     "media", "press", "blog", "live", "world", "today", "asia"};
  if (n == 2) return 1;
  for (size_t i = 0; i < sizeof tlds / sizeof tlds[0]; i++)
    if (strlen(tlds[i]) == n && memcmp(tlds[i], s, n) == 0) return 1;
  return 0;
}

/* 1 if the last label of host [s, s+n) is 2..24 letters, all lowercase when
 * `lower_only`; `*tld` gets its offset. */
static int valid_host(const char *s, size_t n, int lower_only, size_t *tld) {
  size_t dot = n;
  while (dot > 0 && s[dot - 1] != '.') dot--;
  if (dot == 0 || dot == 1) return 0;
  size_t len = n - dot;
  if (len < 2 || len > 24) return 0;
  for (size_t k = dot; k < n; k++) {
    unsigned char c = (unsigned char)s[k];
    if (lower_only ? !(c >= 'a' && c <= 'z') : !((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
      return 0;
  }
  if (s[0] == '.' || s[0] == '-' || s[dot - 2] == '.') return 0;
  *tld = dot;
  return 1;
}

/* 1 if the (possibly multibyte) character at t[i] ends a URL. */
static int ends_url(const char *t, size_t n, size_t i, size_t *cp_len) {
  unsigned char c = (unsigned char)t[i];
  *cp_len = 1;
  if (c < 0x80)
    return c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`' || c == '{' || c == '}' ||
           c == '|' || c == '\\' || c == '^' || c == 0x7F;
  utf8proc_int32_t cp;
  utf8proc_ssize_t got = utf8proc_iterate((const utf8proc_uint8_t *)t + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
  if (got <= 0) return 1;
  *cp_len = (size_t)got;
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat >= UTF8PROC_CATEGORY_ZS || (cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO);
}

/* Drops trailing punctuation and closers that have no opener in the URL. */
static size_t trim_url(const char *u, size_t len) {
  long paren_balance = 0, bracket_balance = 0; /* openers minus closers */
  for (size_t k = 0; k < len; k++) {
    if (u[k] == '(') paren_balance++;
    else if (u[k] == ')') paren_balance--;
    else if (u[k] == '[') bracket_balance++;
    else if (u[k] == ']') bracket_balance--;
  }
  while (len > 0) {
    char c = u[len - 1];
    if (strchr(".,;:!?'*", c)) { len--; continue; }
    if (c == ')' && paren_balance < 0) { paren_balance++; len--; continue; }
    if (c == ']' && bracket_balance < 0) { bracket_balance++; len--; continue; }
    break;
  }
  return len;
}

size_t pc_url_at(const char *t, size_t n, size_t i, size_t *scanned) {
  size_t p = i;
  int schemed = 0, www = 0;
  *scanned = 1;
  if (i < n && (t[i] | 0x20) == 'h') {
    if (starts_with_ci(t, n, i, "https://")) { p += 8; schemed = 1; }
    else if (starts_with_ci(t, n, i, "http://")) { p += 7; schemed = 1; }
  }
  if (p < n && (t[p] | 0x20) == 'w' && starts_with_ci(t, n, p, "www.")) www = 1;
  size_t host_start = p, limit = n - i > PC_MAX_URL_BYTES ? i + PC_MAX_URL_BYTES : n;
  int has_dot = 0;
  while (p < limit && pc_is_host_byte((unsigned char)t[p])) has_dot |= t[p++] == '.';
  size_t host_end = p;
  if (!schemed) *scanned = host_end > i ? host_end - i : 1;
  if (!has_dot) return 0; /* every host has a dot (valid_host) */
  /* Without a scheme or "www." only a host with a path is a URL: most words
   * with a dot ("end.") stop here. */
  if (!schemed && !www && !(p < limit && (t[p] == '/' || t[p] == '?' || t[p] == '#')))
    return 0;
  while (host_end > host_start && t[host_end - 1] == '.') host_end--;
  size_t tld;
  if (!valid_host(t + host_start, host_end - host_start, !schemed && !www, &tld)) return 0;
  if (!schemed && !www && !known_tld(t + host_start + tld, host_end - host_start - tld)) return 0;
  p = host_end;
  if (p < limit && t[p] == ':' && schemed) {
    p++;
    while (p < limit && t[p] >= '0' && t[p] <= '9') p++;
  }
  int has_path = p < limit && (t[p] == '/' || t[p] == '?' || t[p] == '#');
  if (has_path) {
    size_t cp_len;
    while (p < limit && !ends_url(t, n, p, &cp_len)) p += cp_len;
  }
  size_t len = trim_url(t + i, p - i);
  if (!schemed && !www && (!has_path || len <= host_end - i + 1)) return 0;
  return len;
}

void pc_url_host(const char *url, size_t len, size_t *host_start, size_t *host_len) {
  size_t p = 0;
  const char *sep = NULL;
  for (size_t k = 0; k + 2 < len && k < 16; k++)
    if (url[k] == ':' && url[k + 1] == '/' && url[k + 2] == '/') { sep = url + k; break; }
  if (sep) p = (size_t)(sep - url) + 3;
  size_t e = p;
  while (e < len && url[e] != '/' && url[e] != '?' && url[e] != '#') e++;
  for (size_t k = p; k < e; k++)
    if (url[k] == '@') p = k + 1;
  size_t colon = p;
  while (colon < e && url[colon] != ':') colon++;
  e = colon;
  if (e - p > 4 && starts_with_ci(url, e, p, "www.")) p += 4;
  *host_start = p;
  *host_len = e - p;
}

size_t pc_markdown_link_at(const char *t, size_t n, size_t i, size_t *text_start,
                           size_t *text_end, size_t *url_start, size_t *url_end) {
  if (i >= n || t[i] != '[') return 0;
  size_t limit = n - i > PC_MAX_LINK_TEXT_BYTES ? i + PC_MAX_LINK_TEXT_BYTES : n;
  /* No "]" in reach, no link: text full of "[" is then not read
   * PC_MAX_LINK_TEXT_BYTES bytes a bracket. */
  if (!memchr(t + i + 1, ']', limit - i - 1)) return 0;
  size_t p = i + 1, depth = 0;
  int newlines = 0;
  for (; p < limit; p++) {
    char c = t[p];
    if (c == '\n' && ++newlines > 1) return 0;
    if (c == '\\') { p++; continue; }
    if (c == '[') depth++;
    else if (c == ']') {
      if (depth == 0) break;
      depth--;
    }
  }
  if (p >= limit || p + 1 >= n || t[p + 1] != '(') return 0;
  *text_start = i + 1;
  *text_end = p;
  p += 2;
  while (p < n && (t[p] == ' ' || t[p] == '\t')) p++;
  limit = n - p > PC_MAX_URL_BYTES ? p + PC_MAX_URL_BYTES : n;
  size_t us = p, ue;
  if (p < limit && t[p] == '<') {
    us = ++p;
    while (p < limit && t[p] != '>' && t[p] != '\n') p++;
    if (p >= limit || t[p] != '>') return 0;
    ue = p++;
  } else {
    size_t parens = 0;
    while (p < limit && (unsigned char)t[p] > ' ') {
      if (t[p] == '(') parens++;
      else if (t[p] == ')') {
        if (parens == 0) break;
        parens--;
      }
      p++;
    }
    ue = p;
  }
  if (ue == us) return 0;
  while (p < limit && (t[p] == ' ' || t[p] == '\t')) p++;
  if (p < limit && (t[p] == '"' || t[p] == '\'')) {
    char q = t[p++];
    while (p < limit && t[p] != q && t[p] != '\n') p++;
    if (p >= limit || t[p] != q) return 0;
    p++;
    while (p < limit && (t[p] == ' ' || t[p] == '\t')) p++;
  }
  if (p >= limit || t[p] != ')') return 0;
  *url_start = us;
  *url_end = ue;
  return p + 1 - i;
}

size_t pc_handle_at(const char *t, size_t n, size_t i) {
  if (i >= n || t[i] != '@') return 0;
  size_t p = i + 1;
  int letters = 0;
  while (p < n && p - i <= PC_MAX_HANDLE_BYTES &&
         (pc_ascii_is_alnum((unsigned char)t[p]) || t[p] == '_')) {
    if (!(t[p] >= '0' && t[p] <= '9') && t[p] != '_') letters = 1;
    p++;
  }
  if (!letters || p - i > PC_MAX_HANDLE_BYTES) return 0;
  if (p < n && (t[p] == '@' || ((t[p] == '.' || t[p] == '-') && p + 1 < n &&
                                pc_ascii_is_alnum((unsigned char)t[p + 1]))))
    return 0;
  return p - i;
}
