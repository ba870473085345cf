/* The repaired text as a vector of lines, each with its content bounds and a
 * type that the markdown, boilerplate and title passes refine, plus the small
 * UTF-8 character tests those passes share. */
#ifndef PRECIS_READ_LINES_H
#define PRECIS_READ_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

typedef enum pc_line_type {
  PC_LINE_BLANK = 0,
  PC_LINE_TEXT,      /* paragraph text (or a continuation) */
  PC_LINE_ITEM,      /* starts a list item; content after the marker */
  PC_LINE_QUOTE,     /* block quote line; content after the '>' markers */
  PC_LINE_HEADING,   /* ATX, setext or plain-text heading; content is its text */
  PC_LINE_UNDERLINE, /* setext underline, part of the heading above */
  PC_LINE_RULE,      /* horizontal rule */
  PC_LINE_CODE,
  PC_LINE_TABLE,
  PC_LINE_HTML,
  PC_LINE_FRONT,     /* front matter */
  PC_LINE_TITLE,
  PC_LINE_BOILER,
  PC_LINE_CAPTION,
  PC_LINE_CITATION,
  PC_LINE_SOURCE,    /* entry of a reference section */
  PC_LINE_EMBED
} pc_line_type;

/* The line starts a new block even when the one before has the same type. */
#define PC_LINE_FLAG_START 1u

/* Bytes a line holds up to its trimmed end (pc_line.holds), noted
 * while the scan has the line in cache: a later pass that would search a
 * long line for one of them skips the search when its bit is clear. */
#define PC_LINE_HOLDS_PIPE 1u
#define PC_LINE_HOLDS_SLASH 2u
#define PC_LINE_HOLDS_AT 4u

typedef struct pc_line {
  size_t start, end;            /* the line without its '\n', repaired text */
  size_t text_start, text_end;  /* content: markers, indentation, trailing blanks removed */
  size_t body_start;            /* >= text_start: a boilerplate prefix ends here */
  size_t tail_start;            /* <= text_end: an embed signature starts here */
  size_t width;                 /* code points from start to text_end */
  size_t indent;                /* columns of leading whitespace (tab = 4) */
  unsigned char type;           /* pc_line_type */
  unsigned char level;          /* heading level */
  unsigned char flags;
  unsigned char holds;          /* PC_LINE_HOLDS_* */
} pc_line;

/* Splits d->repaired.out into lines (one pass, one vector). The vector is
 * put in the memory the sentences take over later when it fits there
 * (pc_doc_scratch_before_sentences): *borrowed is then 1 and it must not
 * be freed. */
precis_status pc_lines_scan(pc_doc *d, pc_vec *lines, int *borrowed);

/* ---- character tests (t is the repaired text) ---- */

/* The code point at t[i] (i < end) and its byte length in *len; invalid
 * UTF-8 gives U+FFFD for one byte. ASCII is decoded inline: the passes call
 * this for nearly every byte. */
int32_t pc_cp_decode(const char *t, size_t i, size_t end, size_t *len);
static inline int32_t pc_cp_at(const char *t, size_t i, size_t end, size_t *len) {
  if ((unsigned char)t[i] < 0x80) {
    *len = 1;
    return (unsigned char)t[i];
  }
  return pc_cp_decode(t, i, end, len);
}
/* The code point ending just before t[i] (i > start); its length in *len. */
int32_t pc_cp_before(const char *t, size_t start, size_t i, size_t *len);
/* ASCII blanks and the Unicode space separators (Zs, Zl, Zp); ASCII is
 * decided inline. */
int pc_cp_is_unicode_space(int32_t cp);
static inline int pc_cp_is_space(int32_t cp) {
  if (cp < 0x80)
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  return pc_cp_is_unicode_space(cp);
}
int pc_cp_is_upper(int32_t cp);
int pc_cp_is_lower(int32_t cp);
int pc_cp_is_letter(int32_t cp);
int pc_cp_is_alnum(int32_t cp);
/* Quotes and brackets that close or open around a sentence. */
int pc_cp_is_closer(int32_t cp);
int pc_cp_is_opener(int32_t cp);
/* Hyphens and dashes: - – — */
int pc_cp_is_dash(int32_t cp);

/* The last code point of t[start, end) that is not a closing quote/bracket
 * (0 when there is none). */
int32_t pc_text_last_cp(const char *t, size_t start, size_t end);
/* 1 when t[start, end) ends a sentence (. ! ? … possibly inside quotes). */
int pc_text_ends_sentence(const char *t, size_t start, size_t end);
/* 1 when t[start, end) starts like a sentence: an upper-case letter or a digit,
 * possibly after opening quotes or brackets. */
int pc_text_starts_sentence(const char *t, size_t start, size_t end);
/* 1 when its first letter (after openers) is lower-case. */
int pc_text_starts_lower(const char *t, size_t start, size_t end);
/* 1 when t[start, end) ends with a word that cannot end a headline or a
 * paragraph ("to", "of", "the", "and"...) or with a comma or hyphen. */
int pc_text_ends_connective(const char *t, size_t start, size_t end);
/* Words (runs of non-space) in t[start, end). */
size_t pc_text_words(const char *t, size_t start, size_t end);
/* The same, but counting stops at `cap`: for tests like "more than 10 words"
 * that need not read a long line to its end. */
size_t pc_text_words_upto(const char *t, size_t start, size_t end, size_t cap);
/* Code points in t[start, end). */
size_t pc_text_width(const char *t, size_t start, size_t end);
/* 1 when t[i, end) begins with `word` (ASCII letters compared case-insensitively). */
static inline int pc_text_has_iprefix(const char *t, size_t i, size_t end, const char *word) {
  if (i > end) return 0;
  for (size_t k = 0; word[k]; k++) {
    if (k >= end - i) return 0;
    char a = t[i + k], b = word[k];
    if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
    if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
    if (a != b) return 0;
  }
  return 1;
}

#endif
