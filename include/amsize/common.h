/* libamsize: shared definitions for every public header.
 *
 * Naming rules (all public names carry the amsize_ / AMSIZE_ prefix):
 *   amsize_<noun>_<verb>()     functions over structs: amsize_chart_compute()
 *   amsize_<quantity>_calc()   spreadsheet-style scalar functions, one per
 *                              chart column, named like the CLI's CSV column
 *   amsize_<noun>              public struct types, each starting with
 *                              uint32_t struct_size
 *   AMSIZE_<GROUP>_<NAME>      enum constants and macros
 *   names ending in _          the size-checked entry points behind the
 *                              init macros; call them directly only from a
 *                              binding that passes its own struct size.
 *
 * Argument order: outputs first, then the error report, then inputs; a
 * buffer's length always follows the buffer.
 */
#ifndef AMSIZE_COMMON_H
#define AMSIZE_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* Marks every exported declaration. The library is built with
 * -fvisibility=hidden, so anything without AMSIZE_API stays private. */
#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(AMSIZE_BUILDING)
#    define AMSIZE_API __declspec(dllexport)
#  else
#    define AMSIZE_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define AMSIZE_API __attribute__((visibility("default")))
#else
#  define AMSIZE_API
#endif

#endif /* AMSIZE_COMMON_H */
