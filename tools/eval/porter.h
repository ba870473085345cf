/* porter.h - the Porter (1980) stemmer exactly as ROUGE-1.5.5 runs it.
 *
 * ROUGE-1.5.5.pl carries the tartarus.org Perl version of Porter's algorithm
 * (with its two "departures": -bli -> -ble and -logi -> -log in step 2) plus
 * one change of its own in step 4 (CYL, 02/14/2004): -ment and -ent are tried
 * one after the other, after the other step-4 suffixes, so "agreement" gives
 * "agreem" and "fundamental" gives "fundam" where plain Porter keeps
 * "agreement" and "fundament". This file reproduces that behaviour. */
#ifndef PRECIS_EVAL_PORTER_H
#define PRECIS_EVAL_PORTER_H

#include <stddef.h>

/* Stems the lowercase ASCII word `word[0..len)` in place and returns the new
 * length (never longer than `len`). Words shorter than 3 bytes are returned
 * unchanged, as in the Perl code. ROUGE itself only calls the stemmer on
 * tokens longer than 3 bytes; that rule lives in rouge.c, not here. */
size_t porter_stem(char *word, size_t len);

#endif
