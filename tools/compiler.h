/* Compiler attributes the amsize command uses; empty where the compiler
 * lacks them. */
#ifndef AMSIZE_TOOLS_COMPILER_H
#define AMSIZE_TOOLS_COMPILER_H

#if defined(__GNUC__)
#define AMSIZE_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define AMSIZE_NOINLINE __attribute__((noinline))
#define AMSIZE_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define AMSIZE_PRINTF(a, b)
#define AMSIZE_NOINLINE
#define AMSIZE_ALWAYS_INLINE inline
#endif

#endif
