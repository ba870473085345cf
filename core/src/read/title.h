/* Title detection: a markdown H1 (or a first heading), or a first line that
 * looks like a headline, even when it is wrapped over a few lines. */
#ifndef PRECIS_READ_TITLE_H
#define PRECIS_READ_TITLE_H

#include "read/lines.h"

/* A headline wrapped over more lines than this is taken as text instead. */
#define PC_MAX_TITLE_LINES 3

/* Marks the title's lines PC_LINE_TITLE; returns the index of the line after
 * the title, or 0 when there is none. */
size_t pc_title_mark(const char *t, pc_line *lines, size_t n, int markdown);

#endif
