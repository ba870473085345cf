/* Line patterns for what is not article prose: bylines, datelines, outlet
 * names, photo captions, comment widgets, header lines ("date 2025-02-22"),
 * embedded-post signatures, citation lines, reference sections and plain-text
 * headings. Each test takes a line's content t[s, e). */
#ifndef PRECIS_READ_BOILERPLATE_H
#define PRECIS_READ_BOILERPLATE_H

#include "read/lines.h"
#include "read/unwrap.h"

/* "No comments:", "Post a Comment", "Share this article", "12 comments". */
int pc_boiler_is_widget(const char *t, size_t s, size_t e);
/* A line made only of dates, times, time zones: "13 August 2025 9:25pm BST". */
int pc_boiler_is_dateline(const char *t, size_t s, size_t e);
/* "By Jane Doe", "Connor Stringer, Deputy US Editor". */
int pc_boiler_is_byline(const char *t, size_t s, size_t e);
/* "... in Berlin Credit: John MacDougall/AFP", "... (Getty Images)". */
int pc_boiler_is_caption(const char *t, size_t s, size_t e);
/* Where an embedded post's signature starts ("pic.twitter.com/..." or
 * "— Name (@handle) February 21, 2025"), or e when there is none. */
size_t pc_boiler_embed_start(const char *t, size_t s, size_t e);
/* End of a header prefix like "date 2025-02-22" (spaces after it included),
 * or s when there is none. */
size_t pc_boiler_header_prefix(const char *t, size_t s, size_t e);
/* End of a leading dateline like "WASHINGTON –" or "LONDON (Reuters) -"
 * (spaces after it included), or s when there is none. */
size_t pc_boiler_dateline_prefix(const char *t, size_t s, size_t e);
/* "Sources:", "**Information Sources:**", "References", "Further reading". */
int pc_boiler_is_reference_heading(const char *t, size_t s, size_t e);
/* A line that is only a link, possibly in parentheses: "([title](url))." */
int pc_boiler_is_citation(const char *t, size_t s, size_t e);
/* A line that holds a link or a URL. */
int pc_boiler_has_link(const char *t, size_t s, size_t e);
/* Short, capitalised, no closing punctuation: "Critical raw materials". */
int pc_boiler_is_heading_like(const char *t, size_t s, size_t e);

/* Marks boilerplate, captions, embeds, citations, reference sections and
 * plain-text headings among the lines. `title_end` is the line after the
 * title (0 without one); `drop` is opts->drop_boilerplate. */
void pc_boilerplate_classify(const char *t, pc_line *lines, size_t n, size_t title_end, int drop,
                             int markdown, const pc_wrap_stats *wrap);

#endif
