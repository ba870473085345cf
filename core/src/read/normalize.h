/* NFC normalisation of the repaired text, only where it is not NFC already,
 * keeping the map to the original bytes exact. */
#ifndef PRECIS_READ_NORMALIZE_H
#define PRECIS_READ_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "base/mem.h"
#include "base/textmap.h"

/* Remembers which recently seen characters are NFC-inert; one per pass, so
 * there is no shared state. Zero-initialise before use. */
typedef struct pc_nfc_cache {
  uint32_t cp[64];
  unsigned char inert[64];
} pc_nfc_cache;

/* 1 when `cp` can neither change under NFC nor combine with the character
 * before it: every ASCII character, most letters and punctuation. Text made
 * only of inert characters is NFC. */
int pc_nfc_is_inert(pc_nfc_cache *cache, uint32_t cp);

/* Rewrites the text of `m` (valid UTF-8, mapped to `orig`) into NFC in
 * place: each stretch that changes becomes one replacement run covering
 * exactly its original bytes. A replacement run of `m` must hold at most
 * one character. Returns 0, or -1 when memory runs out (m unchanged). */
int pc_nfc_apply(const pc_alloc *a, const char *orig, pc_textmap *m);

#endif
