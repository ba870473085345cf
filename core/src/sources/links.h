/* Finding links in plain text: URLs with or without a scheme, markdown
 * links and @handles, each as a byte range. */
#ifndef PRECIS_SOURCES_LINKS_H
#define PRECIS_SOURCES_LINKS_H

#include <stddef.h>

/* Longest URL, link text and handle recognised; bounds every scan so finding
 * links stays linear in the input. */
#define PC_MAX_URL_BYTES 2048
#define PC_MAX_LINK_TEXT_BYTES 512
#define PC_MAX_HANDLE_BYTES 30

/* Length of the URL starting at t[i] ("https://...", "www.host/...",
 * "pic.twitter.com/abc"), trailing punctuation left out; 0 if none starts
 * there. `*scanned` gets how many bytes were looked at (at least 1), so a
 * caller can skip them when no URL was found. */
size_t pc_url_at(const char *t, size_t n, size_t i, size_t *scanned);

/* Byte classes shared by the link finders: PC_LINK_HOST for the bytes of a
 * host name [0-9A-Za-z._-], PC_LINK_INNER for the bytes that can be inside a
 * URL or handle (host bytes and /@%#=&+~). */
enum { PC_LINK_HOST = 1, PC_LINK_INNER = 2 };
extern const unsigned char pc_link_byte_class[256];

static inline int pc_is_host_byte(unsigned char c) { return pc_link_byte_class[c] & PC_LINK_HOST; }

/* 1 when t[i] may begin a URL or handle: the text start, or after a byte that
 * cannot be inside one (space, bracket, quote, ...). */
static inline int pc_link_boundary(const char *t, size_t i) {
  return i == 0 || !(pc_link_byte_class[(unsigned char)t[i - 1]] & PC_LINK_INNER);
}

/* The host part of a URL (no scheme, user, port or "www."). */
void pc_url_host(const char *url, size_t len, size_t *host_start, size_t *host_len);

/* A markdown link "[text](url)" starting at the '[' at t[i]. Returns the
 * length of the whole link and fills the text and url ranges; 0 if none. */
size_t pc_markdown_link_at(const char *t, size_t n, size_t i, size_t *text_start,
                           size_t *text_end, size_t *url_start, size_t *url_end);

/* Length of the @handle at t[i] (the '@' included), 0 if none. */
size_t pc_handle_at(const char *t, size_t n, size_t i);

#endif
