/* Sixteen bytes at a time: the byte scanners load a block and ask which of
 * its bytes pass a test, as a mask with bit k for byte k. With SSE2 a test
 * is a compare or two; elsewhere plain loops compute the same masks, so the
 * answers never depend on the platform. Build with -DPC_NO_SIMD to check. */
#ifndef PRECIS_BASE_BYTES16_H
#define PRECIS_BASE_BYTES16_H

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__) && !defined(PC_NO_SIMD)
#define PC_BYTES16_SSE2 1
#include <emmintrin.h>
#else
#define PC_BYTES16_SSE2 0
#endif

/* x86-64 with GCC or clang: a scanner may also compile a form of itself
 * for AVX2 (__attribute__((target("avx2")))) and choose it at run time
 * (__builtin_cpu_supports), keeping the forms above as they are. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(PC_NO_SIMD)
#define PC_BYTES_AVX2 1
#include <immintrin.h>
#else
#define PC_BYTES_AVX2 0
#endif

#if PC_BYTES16_SSE2
typedef struct pc_bytes16 {
  __m128i v;
} pc_bytes16;
#else
typedef struct pc_bytes16 {
  unsigned char b[16];
} pc_bytes16;
#endif

/* The 16 bytes at p (no alignment needed). */
static inline pc_bytes16 pc_bytes16_load(const void *p) {
  pc_bytes16 x;
#if PC_BYTES16_SSE2
  x.v = _mm_loadu_si128((const __m128i *)p);
#else
  memcpy(x.b, p, 16);
#endif
  return x;
}

/* The bytes equal to c. */
static inline unsigned pc_bytes16_eq(pc_bytes16 x, unsigned char c) {
#if PC_BYTES16_SSE2
  return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x.v, _mm_set1_epi8((char)c)));
#else
  unsigned m = 0;
  for (unsigned k = 0; k < 16; k++) m |= (unsigned)(x.b[k] == c) << k;
  return m;
#endif
}

/* The bytes in [lo, hi] (lo <= hi). */
static inline unsigned pc_bytes16_in(pc_bytes16 x, unsigned char lo, unsigned char hi) {
#if PC_BYTES16_SSE2
  /* b - lo <= hi - lo, unsigned: the saturating difference is 0 */
  __m128i d = _mm_sub_epi8(x.v, _mm_set1_epi8((char)lo));
  __m128i over = _mm_subs_epu8(d, _mm_set1_epi8((char)(hi - lo)));
  return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(over, _mm_setzero_si128()));
#else
  unsigned m = 0;
  for (unsigned k = 0; k < 16; k++) m |= (unsigned)(x.b[k] >= lo && x.b[k] <= hi) << k;
  return m;
#endif
}

/* The bytes >= 0x80: UTF-8 lead and continuation bytes. */
static inline unsigned pc_bytes16_high(pc_bytes16 x) {
#if PC_BYTES16_SSE2
  return (unsigned)_mm_movemask_epi8(x.v);
#else
  unsigned m = 0;
  for (unsigned k = 0; k < 16; k++) m |= (unsigned)(x.b[k] >> 7) << k;
  return m;
#endif
}

/* The bytes < 0x20 or >= 0x80: controls and non-ASCII. */
static inline unsigned pc_bytes16_not_printable(pc_bytes16 x) {
#if PC_BYTES16_SSE2
  return (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x.v, _mm_set1_epi8(0x20)));
#else
  unsigned m = 0;
  for (unsigned k = 0; k < 16; k++) m |= (unsigned)(x.b[k] < 0x20 || x.b[k] >= 0x80) << k;
  return m;
#endif
}

/* ASCII letters and digits. */
static inline unsigned pc_bytes16_alnum(pc_bytes16 x) {
#if PC_BYTES16_SSE2
  /* Upper case folded to lower (nothing else lands in a-z); then b is in
   * [lo, lo + k) when b + (0x80 - lo), as a signed byte, is below -128 + k:
   * one signed compare a range, one mask for both. */
  __m128i folded = _mm_or_si128(x.v, _mm_set1_epi8(0x20));
  __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8((char)(0x80 - 'a'))),
                                  _mm_set1_epi8((char)(-128 + 26)));
  __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x.v, _mm_set1_epi8((char)(0x80 - '0'))),
                                 _mm_set1_epi8((char)(-128 + 10)));
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
#else
  unsigned m = 0;
  for (unsigned k = 0; k < 16; k++) {
    unsigned char c = x.b[k];
    m |= (unsigned)((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) << k;
  }
  return m;
#endif
}

/* Index of the lowest set bit of a non-zero mask. */
static inline unsigned pc_mask_lowest(unsigned m) {
#if defined(__GNUC__)
  return (unsigned)__builtin_ctz(m);
#else
  unsigned k = 0;
  while (!(m & 1u)) { m >>= 1; k++; }
  return k;
#endif
}

/* Index of the highest set bit of a non-zero mask. */
static inline unsigned pc_mask_highest(unsigned m) {
#if defined(__GNUC__)
  return 31u - (unsigned)__builtin_clz(m);
#else
  unsigned k = 0;
  while (m >>= 1) k++;
  return k;
#endif
}

/* Number of set bits of an 8-bit mask, from a table. */
static inline unsigned pc_mask_count8(unsigned m) {
  static const unsigned char bits[256] = {
      0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
      1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4, 4, 5,
      1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4, 4, 5,
      2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6,
      1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4, 4, 5,
      2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6,
      2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6,
      3, 4, 4, 5, 4, 5, 5, 6, 4, 5, 5, 6, 5, 6, 6, 7,
      1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4, 4, 5,
      2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6,
      2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6,
      3, 4, 4, 5, 4, 5, 5, 6, 4, 5, 5, 6, 5, 6, 6, 7,
      2, 3, 3, 4, 3, 4, 4, 5, 3, 4, 4, 5, 4, 5, 5, 6,
      3, 4, 4, 5, 4, 5, 5, 6, 4, 5, 5, 6, 5, 6, 6, 7,
      3, 4, 4, 5, 4, 5, 5, 6, 4, 5, 5, 6, 5, 6, 6, 7,
      4, 5, 5, 6, 5, 6, 6, 7, 5, 6, 6, 7, 6, 7, 7, 8,
  };
  return bits[m & 0xFFu];
}

/* Number of set bits of a 16-bit mask, a byte at a time. */
static inline unsigned pc_mask_count16(unsigned m) {
  return pc_mask_count8(m) + pc_mask_count8(m >> 8);
}

/* Index of the lowest set bit of a non-zero 64-bit mask. */
static inline unsigned pc_mask64_lowest(uint64_t m) {
#if defined(__GNUC__)
  return (unsigned)__builtin_ctzll(m);
#else
  return (uint32_t)m ? pc_mask_lowest((uint32_t)m) : 32 + pc_mask_lowest((uint32_t)(m >> 32));
#endif
}

/* Index of the highest set bit of a non-zero 64-bit mask. */
static inline unsigned pc_mask64_highest(uint64_t m) {
#if defined(__GNUC__)
  return 63u - (unsigned)__builtin_clzll(m);
#else
  return m >> 32 ? 32 + pc_mask_highest((uint32_t)(m >> 32)) : pc_mask_highest((uint32_t)m);
#endif
}

/* Number of set bits of a 64-bit mask, added up in place. */
static inline unsigned pc_mask64_count(uint64_t m) {
  m -= (m >> 1) & 0x5555555555555555u;
  m = (m & 0x3333333333333333u) + ((m >> 2) & 0x3333333333333333u);
  m = (m + (m >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
  return (unsigned)((m * 0x0101010101010101u) >> 56);
}

/* Eight bytes in a 64-bit word (as a little-endian load gives them): the
 * high bit of each byte that is ASCII and from lo to hi (lo <= hi < 0x80).
 * Bytes are tested apart: no carry crosses from one to the next. */
static inline uint64_t pc_swar_ascii_in(uint64_t v, unsigned lo, unsigned hi) {
  const uint64_t ones = 0x0101010101010101u, high = ones << 7;
  uint64_t low7 = v & ~high;
  return (low7 + (0x80u - lo) * ones) & ~(low7 + (0x80u - hi - 1) * ones) & ~v & high;
}

#if PC_BYTES_AVX2
/* The ASCII letters and digits among 32 bytes, as pc_bytes16_alnum, for
 * scanners compiled for AVX2. */
__attribute__((target("avx2"))) static inline uint32_t pc_bytes32_alnum_avx2(__m256i v) {
  __m256i folded = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
  __m256i letter = _mm256_cmpgt_epi8(_mm256_set1_epi8((char)(-128 + 26)),
                                     _mm256_add_epi8(folded, _mm256_set1_epi8((char)(0x80 - 'a'))));
  __m256i digit = _mm256_cmpgt_epi8(_mm256_set1_epi8((char)(-128 + 10)),
                                    _mm256_add_epi8(v, _mm256_set1_epi8((char)(0x80 - '0'))));
  return (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(letter, digit));
}
#endif

#endif
