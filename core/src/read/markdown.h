/* Markdown block structure on lines: detection (for PRECIS_INPUT_AUTO) and
 * line types for front matter, code, tables, HTML, headings, lists, quotes
 * and rules. Plain text gets only list items. */
#ifndef PRECIS_READ_MARKDOWN_H
#define PRECIS_READ_MARKDOWN_H

#include "read/lines.h"

/* 1 when the lines look like markdown (headings, fences, links, lists...). */
int pc_markdown_detect(const char *t, const pc_line *lines, size_t n);

/* Sets the type, content bounds and heading level of every line. */
void pc_markdown_classify(const char *t, pc_line *lines, size_t n);

/* Plain text: marks bullet and numbered list items. */
void pc_plain_classify(const char *t, pc_line *lines, size_t n);

/* Length of a list marker ("- ", "1. ", "• ") at t[i], spaces after it
 * included, or 0. `numbered_digits` caps the digits of "12." markers. */
size_t pc_list_marker(const char *t, size_t i, size_t end, size_t numbered_digits);
/* How much of a list marker of `marker_len` bytes at t[i] is markup to drop:
 * all of a markdown bullet (-, *, +); none of a number ("1.", "2)") or a
 * typographic bullet (•), which are part of the text as written. */
size_t pc_list_marker_syntax(const char *t, size_t i, size_t marker_len);

#endif
