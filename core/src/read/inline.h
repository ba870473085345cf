/* Inline reduction: a range of repaired text is appended to d->prose with
 * markdown syntax removed ([text](url) -> text, images dropped, emphasis
 * markers, code backticks, HTML tags and backslash escapes removed) and every
 * link and bare URL recorded in d->links. Each removal is a textmap run. */
#ifndef PRECIS_READ_INLINE_H
#define PRECIS_READ_INLINE_H

#include "doc.h"

/* Link text is searched at most this far for its closing bracket, and a
 * target at most this far for its closing parenthesis, so a text full of
 * unmatched '[' stays linear. */
#define PC_MAX_LINK_TEXT 1024
#define PC_MAX_LINK_URL 2048
/* Inline HTML tags and autolinks are at most this long. */
#define PC_MAX_INLINE_TAG 512
/* Backtick runs longer than this are literal text (bounds the closer cache). */
#define PC_MAX_BACKTICKS 16

/* The parts of a markdown link [text](url "title") found at t[i] == '['. */
typedef struct pc_link_parts {
  size_t text_start, text_end, url_start, url_end, end;
} pc_link_parts;

/* 1 when a link starts at t[i] (which must be '['), filling *out. */
int pc_inline_link_at(const char *t, size_t i, size_t end, pc_link_parts *out);

/* Length of a bare URL (http://, https://, www., host.tld/path) starting at
 * t[i], trailing punctuation excluded, or 0. The caller checks that t[i]
 * starts a word. */
size_t pc_inline_url_at(const char *t, size_t i, size_t end);

/* Appends t[start, end) to d->prose, reduced when `markdown`, and records its
 * links for block `block`. Returns 0, or -1 when memory runs out. */
int pc_inline_emit(pc_doc *d, size_t start, size_t end, int markdown, size_t block);

#endif
