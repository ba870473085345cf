/* tokenize.h - ROUGE-1.5.5's tokens: what `-m` without `-s` compares.
 *
 * ROUGE-1.5.5 lowercases A-Z, turns every byte outside [A-Za-z0-9-] into a
 * space, pads "-" with spaces and then drops tokens that do not start with
 * [a-z0-9]; so a token is a maximal run of ASCII letters and digits, and any
 * other byte (punctuation, hyphens, UTF-8 sequences) separates tokens.
 * With -m a token is stemmed (porter.h) only when it is longer than 3 bytes
 * (`if(length($stem)>3)` in createNGram): "was" and "has" stay as they are,
 * "this" becomes "thi", "runs" becomes "run".
 * ROUGE-1.5.5 first looks each token up in WordNet's exception list
 * (WordNet-2.0.exc.db: went -> go, mice -> mouse); that data file is not
 * available here, so irregular forms are only Porter-stemmed, as in Google's
 * rouge-score. */
#ifndef PRECIS_EVAL_TOKENIZE_H
#define PRECIS_EVAL_TOKENIZE_H

#include <stddef.h>

/* Tokens longer than 3 bytes are stemmed, shorter ones kept as they are. */
#define ROUGE_STEM_MIN_LEN 4

/* Receives one token (lowercase, stemmed, not NUL-terminated); returns 0 to
 * go on, anything else to stop. */
typedef int (*rouge_token_fn)(void *ctx, const char *token, size_t len);

/* Calls `emit` for each token of text[0..len) in order. Returns 0, the
 * first non-zero value `emit` returned, or -1 when memory runs out. */
int rouge_tokenize(const char *text, size_t len, rouge_token_fn emit, void *ctx);

#endif
