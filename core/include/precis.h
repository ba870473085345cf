/*
 * precis.h - offline extractive summaries with source positions.
 *
 * precis turns a text (news article, draft, notes, markdown) into an extractive
 * summary: the most informative sentences, in document order, each with its
 * byte range and line/column in the caller's original buffer, plus the list of
 * sources (outlets, links, reference sections) the text cites.
 *
 * Conventions used throughout this header:
 * - Input is `(const char *text, size_t len)`: never modified, no NUL needed.
 * - Byte offsets are 0-based, half-open `[start, end)` ranges into the
 *   caller's original buffer, even when the text was repaired (mojibake,
 *   invalid UTF-8, hard wraps, markdown) on the way in.
 * - Lines and columns are 1-based; a column counts bytes from the start of
 *   its line, as Vim's col() does.
 * - Every result is owned by the caller and released with the one matching
 *   free function named in its doc comment.
 * - No global mutable state: use one handle per thread.
 * - Functions return a `precis_status`; on failure the handle keeps a message
 *   (precis_errmsg()); out of memory is a status, never an abort.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(PRECIS_SHARED)
#  define PRECIS_API __declspec(dllexport)
#elif defined(__GNUC__)
#  define PRECIS_API __attribute__((visibility("default")))
#else
#  define PRECIS_API
#endif

#define PRECIS_VERSION_MAJOR 0
#define PRECIS_VERSION_MINOR 1
#define PRECIS_VERSION_PATCH 0
#define PRECIS_VERSION_STRING "0.1.0"
/** Version as one number, e.g. 0x000100 for 0.1.0. */
#define PRECIS_VERSION_NUMBER \
  ((PRECIS_VERSION_MAJOR << 16) | (PRECIS_VERSION_MINOR << 8) | PRECIS_VERSION_PATCH)

/* ------------------------------------------------------------------------ */
/* Limits                                                                    */
/* ------------------------------------------------------------------------ */

/** Largest input accepted by default (1 GiB); larger inputs get
 *  PRECIS_ERR_TOO_LARGE. Override with precis_options.max_input_bytes. */
#define PRECIS_MAX_INPUT_BYTES ((size_t)1 << 30)

/** The most max_input_bytes can raise the limit to, about 1.33 GiB: offsets
 *  are kept in 32 bits inside the engine, and repair may write up to three
 *  bytes per input byte. A larger max_input_bytes acts as this value. */
#define PRECIS_MAX_INPUT_CEILING ((size_t)UINT32_MAX / 3)

/** A sentence is cut after this many bytes of cleaned text, so a 10 MB line
 *  without punctuation becomes many bounded sentences instead of one whose
 *  scoring and rendering would be quadratic in practice. */
#define PRECIS_MAX_SENTENCE_BYTES 4096

/** Brackets and quotes nest at most this deep for the sentence splitter;
 *  deeper openers are treated as plain characters. Bounds splitter state. */
#define PRECIS_MAX_NESTING 64

/** At most this many documents in one precis_merge() call. */
#define PRECIS_MAX_DOCUMENTS 4096

/* ------------------------------------------------------------------------ */
/* Status codes                                                              */
/* ------------------------------------------------------------------------ */

typedef enum precis_status {
  PRECIS_OK = 0,
  PRECIS_ERR_NOMEM = -1,            /**< an allocation failed */
  PRECIS_ERR_INVALID_ARGUMENT = -2, /**< NULL handle/output, bad option value */
  PRECIS_ERR_INVALID_UTF8 = -3,     /**< invalid UTF-8 under PRECIS_UTF8_STRICT */
  PRECIS_ERR_BINARY = -4,           /**< input looks like a binary file */
  PRECIS_ERR_TOO_LARGE = -5,        /**< input exceeds max_input_bytes */
  PRECIS_ERR_EMPTY = -6,            /**< input has no text to summarize */
  PRECIS_ERR_IO = -7                /**< a render callback reported failure */
} precis_status;

/** A static English description of a status code; never NULL, never freed. */
PRECIS_API const char *precis_strerror(precis_status status);

/** The library version as a string, e.g. "0.1.0" (may differ from the
 *  header's PRECIS_VERSION_STRING when linked against another build). */
PRECIS_API const char *precis_version(void);

/* ------------------------------------------------------------------------ */
/* Options                                                                   */
/* ------------------------------------------------------------------------ */

/** What to do with bytes that are not valid UTF-8. */
typedef enum precis_utf8_policy {
  PRECIS_UTF8_REPLACE = 0, /**< replace each invalid sequence by U+FFFD */
  PRECIS_UTF8_STRICT = 1   /**< fail with PRECIS_ERR_INVALID_UTF8 */
} precis_utf8_policy;

/** How to read the input. AUTO detects markdown by its structure. */
typedef enum precis_input_format {
  PRECIS_INPUT_AUTO = 0,
  PRECIS_INPUT_TEXT = 1,
  PRECIS_INPUT_MARKDOWN = 2
} precis_input_format;

/** Custom memory functions; all memory a handle and its results use goes
 *  through them. `ctx` is passed back unchanged. */
typedef struct precis_allocator {
  void *(*malloc)(void *ctx, size_t size);
  void *(*realloc)(void *ctx, void *ptr, size_t size);
  void (*free)(void *ctx, void *ptr);
  void *ctx;
} precis_allocator;

/** Scoring weights. Defaults (with the reason for each) live in
 *  core/src/score/weights.c; precis_options_init() fills them. */
typedef struct precis_weights {
  double position;      /**< lead position in document and paragraph */
  double entities;      /**< named-entity density and centrality */
  double figures;       /**< numbers, amounts, percentages, dates */
  double quotes;        /**< direct quotes with a speaker */
  double title;         /**< overlap with the title */
  double centrality;    /**< content-word centrality in the document */
  double length;        /**< sentence length prior */
  double penalty;       /**< questions, fragments, promotional text */
  double redundancy;    /**< MMR trade-off: 0 = no redundancy control */
} precis_weights;

/** Options for a handle. Always initialise with precis_options_init(), then
 *  change fields: new fields are only ever appended, and `struct_size` lets
 *  an older caller work with a newer library. */
typedef struct precis_options {
  size_t struct_size;              /**< sizeof(precis_options); set by init */
  precis_utf8_policy utf8_policy;  /**< default PRECIS_UTF8_REPLACE */
  precis_input_format input_format;/**< default PRECIS_INPUT_AUTO */
  int repair_mojibake;             /**< default 1: fix UTF-8 read as cp1252 */
  int unwrap_lines;                /**< default 1: rejoin hard-wrapped lines */
  int drop_boilerplate;            /**< default 1: bylines, captions, widgets */
  size_t max_sentences;            /**< summary length; 0 = use ratio/words */
  double ratio;                    /**< fraction of sentences, 0 = unused */
  size_t max_words;                /**< word budget, 0 = unused */
  size_t max_input_bytes;          /**< default PRECIS_MAX_INPUT_BYTES */
  precis_weights weights;          /**< scoring weights */
  const precis_allocator *allocator; /**< NULL = malloc/realloc/free; copied */
  unsigned threads;                /**< default PRECIS_DEFAULT_THREADS; 1 = the
                                        caller's thread only (see below) */
} precis_options;

/** Threads one call may use: with 2 (the most it uses), a text of
 *  PRECIS_PARALLEL_MIN_BYTES or more is read on the calling thread and one
 *  more, started and ended within the call, which splits the later part of
 *  the prose into sentences, then scores a part of the sentences and finds
 *  the sources, while the caller does the rest. The results are the same
 *  with any number. Only with the default allocator
 *  (a custom one need not be thread-safe); 0 counts as 1, more than 2 as 2.
 *  A program that runs its own threads, one handle each, may want 1. */
#define PRECIS_DEFAULT_THREADS 2u
/** Texts whose prose is shorter than this are read on the calling thread
 *  alone: starting a thread costs more than it saves there (measured end to
 *  end: 96 KiB texts took 20% longer on two threads, 128 KiB ones 6% less,
 *  192 KiB ones 11% less, 1 MB ones 25% less). */
#define PRECIS_PARALLEL_MIN_BYTES ((size_t)128 << 10)

/** Default summary length when no budget is set. */
#define PRECIS_DEFAULT_SENTENCES 5

/** Fills `opts` with the defaults. Always call before setting fields. */
PRECIS_API void precis_options_init(precis_options *opts);

/* ------------------------------------------------------------------------ */
/* Handle                                                                    */
/* ------------------------------------------------------------------------ */

/** An engine handle: options, allocator, scratch memory and the last error
 *  message. Not thread-safe; use one per thread. */
typedef struct precis precis;

/** Creates a handle with a copy of `opts` (NULL = defaults). Returns NULL only
 *  when memory is exhausted. Free with precis_free(). */
PRECIS_API precis *precis_new(const precis_options *opts);

/** Frees a handle and its scratch memory. Results stay valid. NULL is ok. */
PRECIS_API void precis_free(precis *p);

/** Replaces the handle's options (validated; on error the old ones stay). */
PRECIS_API precis_status precis_set_options(precis *p, const precis_options *opts);

/** The handle's current options (read-only, owned by the handle). */
PRECIS_API const precis_options *precis_get_options(const precis *p);

/** The message for the last failed call on `p` ("" if none). Owned by the
 *  handle, valid until the next call on it. */
PRECIS_API const char *precis_errmsg(const precis *p);

/* ------------------------------------------------------------------------ */
/* Results                                                                   */
/* ------------------------------------------------------------------------ */

/** A place in the original input: bytes [start, end), and 1-based line and
 *  column (in bytes) of the first byte and of the last byte. */
typedef struct precis_span {
  size_t start;
  size_t end;
  uint32_t line;
  uint32_t column;
  uint32_t end_line;
  uint32_t end_column;
} precis_span;

/** Per-sentence feature values, indices into precis_sentence.features. */
typedef enum precis_feature {
  PRECIS_FEATURE_POSITION = 0,
  PRECIS_FEATURE_ENTITIES,
  PRECIS_FEATURE_FIGURES,
  PRECIS_FEATURE_QUOTES,
  PRECIS_FEATURE_TITLE,
  PRECIS_FEATURE_CENTRALITY,
  PRECIS_FEATURE_LENGTH,
  PRECIS_FEATURE_PENALTY,
  PRECIS_FEATURE_COUNT
} precis_feature;

/** The name of a feature ("position", "entities", ...); NULL if out of range. */
PRECIS_API const char *precis_feature_name(precis_feature feature);

/** One sentence of the document. */
typedef struct precis_sentence {
  const char *text;       /**< cleaned text, whitespace collapsed, NUL-terminated */
  size_t text_len;        /**< bytes in text, without the NUL */
  precis_span span;       /**< where it is in the original input */
  size_t index;           /**< 0-based position among all document sentences */
  size_t paragraph;       /**< 0-based paragraph number */
  size_t document;        /**< 0-based input document (precis_merge); else 0 */
  double score;           /**< total score (0 for precis_split) */
  int selected;           /**< 1 when part of the summary */
  const double *features; /**< n_features values, see precis_feature */
  size_t n_features;
  const size_t *sources;  /**< indices into precis_result.sources */
  size_t n_sources;
} precis_sentence;

/** What kind of thing a source is. */
typedef enum precis_source_kind {
  PRECIS_SOURCE_OUTLET = 0,   /**< news outlet or agency: Reuters, The Times */
  PRECIS_SOURCE_PLATFORM = 1, /**< X/Twitter, YouTube, Truth Social, @handles */
  PRECIS_SOURCE_PERSON = 2,   /**< a named person or office */
  PRECIS_SOURCE_DOCUMENT = 3, /**< a linked or listed document, an input file */
  PRECIS_SOURCE_LINK = 4      /**< a bare link whose owner is unknown */
} precis_source_kind;

/** The name of a source kind ("outlet", "platform", ...). */
PRECIS_API const char *precis_source_kind_name(precis_source_kind kind);

/** Where a source is mentioned. */
typedef struct precis_mention {
  size_t document;        /**< 0-based input document */
  precis_span span;
} precis_mention;

/** A cited source: an outlet, platform, person or document. */
typedef struct precis_source {
  size_t id;                     /**< 1-based number, as in "[1]" */
  const char *name;              /**< display name, e.g. "Reuters" */
  precis_source_kind kind;
  const char *const *urls;       /**< n_urls distinct URLs, as written */
  size_t n_urls;
  const char *const *titles;     /**< link titles, parallel to urls ("" if none) */
  const precis_mention *mentions;
  size_t n_mentions;
} precis_source;

/** The result of analysing or summarizing a text. Read-only; fields are only
 *  ever appended. Free with precis_result_free(). */
typedef struct precis_result {
  const char *title;             /**< detected headline, or NULL */
  precis_span title_span;        /**< valid when title != NULL */
  const precis_sentence *sentences; /**< the summary, or all sentences */
  size_t n_sentences;
  size_t total_sentences;        /**< sentences in the whole document */
  size_t total_words;            /**< words in the whole document */
  const precis_source *sources;  /**< every source found, ids 1..n */
  size_t n_sources;
  size_t n_documents;            /**< 1, or the number merged */
  const char *const *document_names; /**< n_documents names (merge), or NULL */
} precis_result;

/** Frees a result and everything it points to. NULL is ok. */
PRECIS_API void precis_result_free(precis_result *result);

/* ------------------------------------------------------------------------ */
/* Operations                                                                */
/* ------------------------------------------------------------------------ */

/** Summarizes `text`: `*out` gets the selected sentences in document order
 *  (selected = 1), each with score and features, plus the title and the
 *  sources. On failure `*out` is NULL and precis_errmsg() says why.
 *  The caller frees `*out` with precis_result_free(). */
PRECIS_API precis_status precis_summarize(precis *p, const char *text, size_t len,
                                          precis_result **out);

/** Like precis_summarize(), but `*out` lists every sentence of the document
 *  with its score and features; the summary's are marked selected = 1.
 *  Free with precis_result_free(). */
PRECIS_API precis_status precis_analyze(precis *p, const char *text, size_t len,
                                        precis_result **out);

/** Splits `text` into sentences after repair, without scoring: every
 *  sentence with its span; score and features are zero, no sources.
 *  Free with precis_result_free(). */
PRECIS_API precis_status precis_split(precis *p, const char *text, size_t len,
                                      precis_result **out);

/** One input of precis_merge(). */
typedef struct precis_document {
  const char *text;
  size_t len;
  const char *name;  /**< e.g. the file name; may be NULL */
  const char *url;   /**< where it came from, if known; may be NULL */
} precis_document;

/** Summarizes several texts on one story into one summary: sentences that
 *  repeat one already chosen (from any document) are skipped, each sentence
 *  says its `document`, and the sources list has one DOCUMENT entry per input
 *  merged with the sources they cite. Spans are into each document's own
 *  buffer. Free with precis_result_free(). */
PRECIS_API precis_status precis_merge(precis *p, const precis_document *docs,
                                      size_t n_docs, precis_result **out);

/* ------------------------------------------------------------------------ */
/* Rendering                                                                 */
/* ------------------------------------------------------------------------ */

typedef enum precis_format {
  PRECIS_FORMAT_TEXT = 0,     /**< one sentence per line */
  PRECIS_FORMAT_MARKDOWN = 1, /**< sentences with [n] marks and a Sources list */
  PRECIS_FORMAT_JSON = 2      /**< one JSON object (see README for the schema) */
} precis_format;

/** Render flags, or-ed together. */
#define PRECIS_RENDER_EXPLAIN 1u   /**< add feature values and totals */
#define PRECIS_RENDER_NO_SOURCES 2u /**< omit the sources list */
#define PRECIS_RENDER_COMPACT 4u   /**< JSON on one line (for JSON Lines) */
#define PRECIS_RENDER_POSITIONS 8u /**< text: prefix line:col */

/** Receives rendered output; returns 0 on success, non-zero to stop. */
typedef int (*precis_write_fn)(void *ctx, const char *data, size_t len);

/** Renders `result` in `format`, passing the bytes to `write`. Returns
 *  PRECIS_ERR_IO when `write` fails, PRECIS_ERR_NOMEM when memory runs out.
 *  JSON is built with cJSON and so uses the process allocator. */
PRECIS_API precis_status precis_render(const precis_result *result, precis_format format,
                                       unsigned flags, precis_write_fn write, void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* PRECIS_H */
