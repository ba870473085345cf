/* Inlining the compiler is told to do or not to do, where it allows that
 * (gcc and clang); elsewhere the plain forms. Each use says why. */
#ifndef PRECIS_BASE_INLINE_H
#define PRECIS_BASE_INLINE_H

#if defined(__GNUC__)
#define PC_ALWAYS_INLINE inline __attribute__((always_inline))
#define PC_NOINLINE __attribute__((noinline))
#else
#define PC_ALWAYS_INLINE inline
#define PC_NOINLINE
#endif

#endif
