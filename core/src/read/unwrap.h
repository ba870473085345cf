/* Hard-wrap detection and line joining for plain text. Per document, line
 * widths tell whether the text is hard-wrapped and whether its blank lines
 * are wrap artefacts (PDF-like text with a blank line after every line); per
 * line break, the two lines' ends and starts tell whether it is a paragraph
 * break. */
#ifndef PRECIS_READ_UNWRAP_H
#define PRECIS_READ_UNWRAP_H

#include "read/lines.h"

/* Widths above this do not count as a wrap width: hard-wrapped text is
 * narrower. Also the size of the width histogram. */
#define PC_MAX_WRAP_COLUMNS 200

typedef struct pc_wrap_stats {
  size_t width;       /* the wrap width (0 when the text is not wrapped) */
  int wrapped;        /* most lines end near `width` mid-sentence */
  int soft_blanks;    /* blank lines between wrapped lines are not breaks */
} pc_wrap_stats;

/* Measures the PC_LINE_TEXT lines of t. */
void pc_wrap_measure(const char *t, const pc_line *lines, size_t n, pc_wrap_stats *out);

/* 1 when line `a` ends near the wrap width. */
int pc_wrap_is_full(const pc_wrap_stats *w, const pc_line *a);

/* 1 when text line `b` continues the paragraph of text line `a`;
 * `blanks` is the number of blank lines between them. */
int pc_wrap_joins(const char *t, const pc_wrap_stats *w, const pc_line *a, const pc_line *b,
                  size_t blanks);

#endif
