/* The document model every pipeline stage reads and extends.
 *
 *   original bytes --read/repair--> repaired text  (textmap: repaired -> original)
 *   repaired text  --read/layout--> blocks + prose (textmap: prose -> repaired)
 *   prose          --segment-----> sentences with original spans
 *   sentences      --score-------> features, scores
 *   scores         --select------> summary
 *   text, links    --sources-----> sources and citations
 *
 * A pc_doc lives for one call; every allocation goes through doc->mem, which
 * with the default allocator puts the big blocks in the document's pool
 * (base/pool.h), unmapped by pc_doc_free. What outlives the document comes
 * from doc->shared_mem. */
#ifndef PRECIS_DOC_H
#define PRECIS_DOC_H

#include <stddef.h>
#include <stdint.h>
#include "precis.h"
#include "base/mem.h"
#include "base/pool.h"
#include "base/textmap.h"

typedef enum pc_block_kind {
  PC_BLOCK_PARAGRAPH = 0, /* prose */
  PC_BLOCK_LIST_ITEM,     /* prose: a bullet or numbered item */
  PC_BLOCK_QUOTE,         /* prose: a block quote */
  PC_BLOCK_TITLE,         /* the headline */
  PC_BLOCK_HEADING,       /* a section heading */
  PC_BLOCK_CODE,          /* fenced or indented code */
  PC_BLOCK_TABLE,         /* a markdown or aligned table */
  PC_BLOCK_HTML,          /* HTML comment or block */
  PC_BLOCK_FRONT_MATTER,  /* YAML/TOML front matter */
  PC_BLOCK_BOILERPLATE,   /* byline, dateline, comment widget, header line */
  PC_BLOCK_CAPTION,       /* photo caption ("... Credit: X/AFP") */
  PC_BLOCK_EMBED,         /* embedded post signature (pic.twitter.com, ...) */
  PC_BLOCK_SOURCE_LIST,   /* an entry of a reference section */
  PC_BLOCK_CITATION       /* a line holding only a link, citing the prose before */
} pc_block_kind;

/* 1 for the kinds whose text may become summary sentences. */
int pc_block_is_prose(pc_block_kind kind);
/* "paragraph", "heading", ... for debugging and tests. */
const char *pc_block_kind_name(pc_block_kind kind);

typedef struct pc_block {
  pc_block_kind kind;
  size_t start, end;            /* the whole block in the repaired text */
  size_t prose_start, prose_end;/* its text, markup removed, in doc->prose.out */
  size_t paragraph;             /* prose paragraph number (prose blocks only) */
  size_t first_sentence;        /* its sentences in doc->sentences */
  size_t n_sentences;
} pc_block;

/* A markdown link [text](url) or <url>, found by the layout stage. */
typedef struct pc_link {
  size_t start, end;            /* the whole link, repaired text */
  size_t text_start, text_end;  /* the link text, repaired text (empty for <url>) */
  size_t url_start, url_end;    /* the target, repaired text */
  size_t block;                 /* the block it is in */
} pc_link;

/* Offsets and counts are 32-bit: the prose and the input fit in 32 bits (see
 * PC_TEXTMAP_MAX_BYTES and PRECIS_MAX_INPUT_CEILING), and the record is read
 * in every pass over the sentences, so 120 bytes instead of 160 is a quarter
 * less memory traffic (and fewer pages) on long texts. */
typedef struct pc_sentence {
  uint32_t block;
  uint32_t prose_start, prose_end;/* in doc->prose.out */
  uint32_t start, end;          /* original bytes */
  uint32_t text_off, text_len;  /* collapsed text in doc->texts */
  uint32_t paragraph;
  uint32_t n_words;
  uint8_t selected;             /* 0 or 1 */
  uint8_t text_in_prose;        /* 1: the text is at doc->prose.out + text_off instead */
  double features[PRECIS_FEATURE_COUNT];
  double score;
  double digest_score;          /* score of a pick past the lede (score.c, coverage.h) */
} pc_sentence;

/* News prose has a sentence per 130 to 160 bytes (the bench corpus: 138 to
 * 160). pc_segment_doc reserves the sentence vector at one per this many
 * prose bytes, in the memory of the repaired text, which pc_repair reserves
 * that large (see pc_doc_release_repaired_text): pages already mapped,
 * where fresh ones took 99k instead of 75k page faults on 100 MB. */
#define PC_PROSE_BYTES_PER_SENTENCE 128

typedef struct pc_strref {
  size_t off, len;              /* in doc->strings */
} pc_strref;

typedef struct pc_range {
  size_t start, end;            /* original bytes */
} pc_range;

typedef struct pc_source {
  pc_strref name;
  precis_source_kind kind;
  pc_vec urls;                  /* pc_strref */
  pc_vec titles;                /* pc_strref, parallel to urls */
  pc_vec mentions;              /* pc_range */
} pc_source;

typedef struct pc_citation {
  size_t sentence;              /* index into doc->sentences */
  size_t source;                /* index into doc->sources */
} pc_citation;

struct pc_evidence_list; /* sources/evidence.h */
struct pc_lexicon;       /* score/lexicon.h */

typedef struct pc_doc {
  const pc_alloc *mem;
  const pc_alloc *shared_mem;   /* the handle's allocator, for what outlives the doc */
  pc_pool pool;                 /* with the default allocator: mem is pool_mem */
  pc_alloc pool_mem;
  const precis_options *opts;
  const struct pc_lexicon *lex; /* the handle's word lists, for scoring and selection */
  const char *orig;             /* the caller's input */
  size_t orig_len;
  pc_vec line_starts;           /* size_t: offset of each line of orig */
  size_t line_hint;             /* the line pc_doc_span found last */

  pc_textmap repaired;          /* repaired text, mapped to orig */
  pc_textmap prose;             /* prose of all blocks, mapped to repaired */
  pc_vec blocks;                /* pc_block, in document order */
  pc_vec links;                 /* pc_link */
  long title_block;             /* index of the PC_BLOCK_TITLE block, or -1 */
  int is_markdown;              /* detected or forced */

  pc_vec sentences;             /* pc_sentence, in document order */
  pc_buf texts;                 /* collapsed sentence texts, NUL-separated */
  size_t total_words;

  pc_buf strings;               /* names, URLs, titles of sources */
  pc_vec sources;               /* pc_source */
  pc_vec citations;             /* pc_citation, sorted by sentence */

  char *errmsg;                 /* set with pc_doc_fail(); owned by the handle */
  size_t errmsg_cap;

  struct pc_evidence_list *found_links; /* links pc_find_links found early, or NULL */
  pc_buf spare;                 /* memory of the released repaired text, for reuse */
} pc_doc;

/* Prepares `d` for `text`; no allocation until a stage runs. `lex` must
 * outlive `d`; it may be NULL when no stage after segmentation runs. `d`
 * must not move until pc_doc_free (doc->mem may point into it). */
void pc_doc_init(pc_doc *d, const pc_alloc *mem, const precis_options *opts,
                 const struct pc_lexicon *lex, const char *text, size_t len, char *errbuf,
                 size_t errbuf_cap);
void pc_doc_free(pc_doc *d);
/* Right after pc_doc_init: `d` allocates from the handle's allocator, with
 * no pool, for documents that stay alive together (a merge): a pool each
 * would hold its own huge pages, 50 MB where 17 MB did for 20 of 200 KB. */
void pc_doc_without_pool(pc_doc *d);

/* Records a formatted failure message and returns `status`. */
precis_status pc_doc_fail(pc_doc *d, precis_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* The prose offset `share` of the way through the prose (share clamped to
 * [0, 1]): where the stages done in two parts split it. */
size_t pc_doc_prose_at(const pc_doc *d, double share);
/* Original byte range of the prose range [start, end). */
pc_range pc_doc_prose_to_orig(const pc_doc *d, size_t start, size_t end);
/* Original byte range of the repaired range [start, end). */
pc_range pc_doc_repaired_to_orig(const pc_doc *d, size_t start, size_t end);
/* Fills a public span (with lines and columns) for original bytes. */
precis_status pc_doc_span(pc_doc *d, size_t start, size_t end, precis_span *out);
/* Appends a string to doc->strings; returns -1 when memory runs out. */
int pc_doc_intern(pc_doc *d, const char *s, size_t len, pc_strref *out);
/* Frees the repaired text (not its map, which offsets still go through) once
 * no stage will read it: after pc_layout, and pc_find_links unless the
 * sources are not wanted. Its buffer is then NULL and its length 0. A copy
 * the doc owns becomes doc->spare: pc_segment_doc puts the sentences in its
 * pages, which are mapped already. */
void pc_doc_release_repaired_text(pc_doc *d);
/* Bytes of the sentences pc_segment_doc reserves for a text of `text_len`
 * bytes if its prose is at most text_len + text_len / 8 (with more prose,
 * the sentences do not take this memory over), or SIZE_MAX. */
size_t pc_doc_sentence_room(size_t text_len);
/* Room for `bytes` of scratch that dies before pc_doc_release_repaired_text
 * (layout's lines), in the memory the sentences take over after it, so
 * they find those pages mapped already: past the end of the repaired text
 * in its block, or, when the text is borrowed, at the start of doc->spare
 * (allocated here, pc_doc_sentence_room large). 64-byte aligned; NULL when
 * there is not that much room or memory runs out. */
void *pc_doc_scratch_before_sentences(pc_doc *d, size_t bytes);
/* Gives the memory of a vector a stage is done with (layout's lines) to
 * doc->texts while that is still unallocated: the collapsed texts
 * pc_segment_doc writes then land in pages mapped already, not fresh ones.
 * Otherwise frees it. `done` is empty afterwards. */
void pc_doc_recycle_for_texts(pc_doc *d, pc_vec *done, size_t elem_size);
/* The text of a sentence, s->text_len bytes: in doc->texts (NUL-terminated)
 * or, after pc_doc_share_sentence_texts, in doc->prose (not terminated). */
const char *pc_sentence_text(const pc_doc *d, const pc_sentence *s);
/* After pc_segment_doc: every sentence whose collapsed text is the same bytes
 * as the start of its prose points there instead, and doc->texts keeps only
 * the others, so the text is not held twice. */
void pc_doc_share_sentence_texts(pc_doc *d);

/* Runs the stages below on `d`, up to the sentences when `sentences_only`
 * (pipeline.c); the caller frees `d` with pc_doc_free. */
precis_status pc_run_pipeline(pc_doc *d, int sentences_only);

/* The stages, in order. Each returns PRECIS_OK or fails through pc_doc_fail. */
precis_status pc_repair(pc_doc *d);   /* read/repair.c */
precis_status pc_layout(pc_doc *d);   /* read/layout.c */
precis_status pc_segment_doc(pc_doc *d); /* segment/sentences.c */
precis_status pc_score(pc_doc *d);    /* score/score.c */
precis_status pc_select(pc_doc *d);   /* select/select.c */
precis_status pc_cite(pc_doc *d);     /* sources/cite.c */
/* pc_segment_doc in two parts, the later blocks split on another thread
 * (see run_pipeline in precis.c), with the same results: pc_segment_begin
 * splits the blocks at `share` of the prose; then pc_segment_earlier on this
 * thread and pc_segment_later (a pc_job) on the other, and once both are
 * done, pc_segment_end appends the later part's sentences to the document's
 * and frees the segmenting. */
typedef struct pc_segmenting pc_segmenting;
precis_status pc_segment_begin(pc_doc *d, double share, pc_segmenting **out);
void pc_segment_earlier(pc_segmenting *s);
void pc_segment_later(void *segmenting);
precis_status pc_segment_end(pc_segmenting *s);

/* pc_cite that leaves the failure to the caller, pc_cite_report(d, status):
 * for another thread than the one that reports (doc->errmsg is one).
 * pc_cite_report records a failure to find sources (pc_find_links' too) and
 * returns status. */
precis_status pc_cite_unreported(pc_doc *d);
precis_status pc_cite_report(pc_doc *d, precis_status status);

/* pc_score in parts, the later sentences read on another thread (see
 * run_pipeline in precis.c): the results are the same as pc_score's.
 * pc_score_begin reads the title and splits the sentences at `share` of
 * the prose; then pc_score_read_earlier on this thread and
 * pc_score_read_later (a pc_job) on the other, and once both are done,
 * pc_score_end merges their counts, scores every sentence and frees the
 * scoring. pc_score_begin fails only without memory for the scoring. */
typedef struct pc_scoring pc_scoring;
precis_status pc_score_begin(pc_doc *d, double share, pc_scoring **out);
void pc_score_read_earlier(pc_scoring *s);
void pc_score_read_later(void *scoring);
precis_status pc_score_end(pc_scoring *s);

/* The link scan of pc_cite, run any time after pc_layout; pc_cite then uses
 * its result instead of scanning the repaired text (sources/cite.c). */
precis_status pc_find_links(pc_doc *d);

#endif
