/* The hash behind pc_token.key and .stem. A word is the byte stream of its
 * casefolded letters (an ASCII letter is its byte, any other code point its
 * three low bytes, low first), read as little-endian 8-byte blocks, the last
 * zero-padded. Blocks are folded in by a 64x64->128-bit multiply (as in
 * wyhash), and the stream's length goes into the last one, so a word of up
 * to eight ASCII letters costs one multiply, straight from a register. */
#ifndef PRECIS_SCORE_WORDHASH_H
#define PRECIS_SCORE_WORDHASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PC_WH_K1 0xa0761d6478bd642full
#define PC_WH_K2 0xe7037ed1a0b428dbull

/* lo ^ hi of the 128-bit product a * b. */
static inline uint64_t pc_wh_mum(uint64_t a, uint64_t b) {
#if defined(__SIZEOF_INT128__)
  __extension__ typedef unsigned __int128 u128;
  u128 r = (u128)a * b;
  return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
  uint64_t al = a & 0xFFFFFFFFu, ah = a >> 32, bl = b & 0xFFFFFFFFu, bh = b >> 32;
  uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
  uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
  uint64_t lo = (ll & 0xFFFFFFFFu) | (mid << 32);
  uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
  return lo ^ hi;
#endif
}

/* Folds in a block that is not the stream's last. */
static inline uint64_t pc_wh_step(uint64_t h, uint64_t block) {
  return pc_wh_mum(h ^ PC_WH_K1, block ^ PC_WH_K2);
}

/* The hash, given the state before the last block, the last block and the
 * stream's length in bytes. A stream of one block starts from state 0. */
static inline uint64_t pc_wh_final(uint64_t h, uint64_t last, size_t bytes) {
  return pc_wh_mum(h ^ PC_WH_K1 ^ (uint64_t)bytes, last ^ PC_WH_K2);
}

/* A stream hashed a byte at a time (words that are not plain ASCII). */
typedef struct pc_wordhash {
  uint64_t h;     /* state over the blocks before `block` */
  uint64_t block; /* the open block, never empty once a byte came */
  size_t bytes;
} pc_wordhash;

static inline void pc_wh_init(pc_wordhash *w) { w->h = w->block = 0, w->bytes = 0; }

static inline void pc_wh_byte(pc_wordhash *w, unsigned b) {
  unsigned k = (unsigned)(w->bytes & 7u);
  if (k == 0 && w->bytes) {
    w->h = pc_wh_step(w->h, w->block);
    w->block = 0;
  }
  w->block |= (uint64_t)(b & 0xFFu) << (8 * k);
  w->bytes++;
}

/* A code point as the stream holds it. */
static inline void pc_wh_cp(pc_wordhash *w, uint32_t cp) {
  pc_wh_byte(w, cp & 0xFFu);
  if (cp < 0x80) return;
  pc_wh_byte(w, (cp >> 8) & 0xFFu);
  pc_wh_byte(w, cp >> 16);
}

static inline uint64_t pc_wh_value(const pc_wordhash *w) {
  return pc_wh_final(w->h, w->block, w->bytes);
}

/* Eight bytes at p as a little-endian number. */
static inline uint64_t pc_wh_load8(const unsigned char *p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
#else
  uint64_t v = 0;
  for (unsigned k = 0; k < 8; k++) v |= (uint64_t)p[k] << (8 * k);
  return v;
#endif
}

#endif
