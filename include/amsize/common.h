/* libamsize: shared definitions for every public header.
 *
 * Naming rules (all public names carry the amsize_ / AMSIZE_ prefix):
 *   amsize_<noun>_<verb>()     functions over structs: amsize_chart_compute()
 *   amsize_<quantity>_calc()   spreadsheet-style scalar functions, one per
 *                              chart column, named like the CLI's CSV column
 *   amsize_<noun>              public struct types, each starting with
 *                              uint32_t struct_size
 *   AMSIZE_<GROUP>_<NAME>      enum constants and macros
 *   amsize_<noun>_name()       the text of an enum value or code:
 *                              amsize_field_name(), amsize_flag_name(); and
 *                              amsize_strerror() after strerror(3)
 *   amsize_version*(), amsize_struct_size()
 *                              what the loaded library is, for bindings
 *   names ending in _          the size-checked entry points behind the
 *                              init macros; call them directly only from a
 *                              binding that passes its own struct size.
 *
 * Argument order: outputs first, then the error report, then inputs; a
 * buffer's length always follows the buffer.
 *
 * "Guaranteed size: N bytes from 1.0" on a public struct: a caller built
 * against 1.0 headers passes N as struct_size, and every 1.x library
 * accepts N and reads and writes only those N bytes. A later minor release
 * may append fields (its struct is then larger and it knows both sizes);
 * no 1.x release moves, resizes or removes a field. 1.0 knows exactly one
 * size per struct and refuses any other with AMSIZE_E_STRUCT_SIZE.
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
