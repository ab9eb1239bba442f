/* libamsize: the export macros, and nothing else.
 *
 * AMSIZE_API marks every exported declaration. The library is built with
 * -fvisibility=hidden (and a libtool symbol fence), so anything without it
 * stays private. Define AMSIZE_STATIC before including amsize.h when you
 * link the static library on a platform where a DLL import would apply
 * (Windows, Cygwin); elsewhere it changes nothing.
 *
 * AMSIZE_WARN_UNUSED marks the functions that return an amsize_status:
 * ignoring a status means using an output that was never written. Define
 * AMSIZE_NO_WARN_UNUSED to turn the warning off.
 */
#ifndef AMSIZE_EXPORT_H
#define AMSIZE_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(AMSIZE_STATIC)
#    define AMSIZE_API
#  elif defined(AMSIZE_BUILDING)
#    define AMSIZE_API __declspec(dllexport)
#  else
#    define AMSIZE_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define AMSIZE_API __attribute__((visibility("default")))
#else
#  define AMSIZE_API
#endif

#if defined(AMSIZE_NO_WARN_UNUSED)
#  define AMSIZE_WARN_UNUSED
#elif defined(__GNUC__) && ((__GNUC__ > 3) || (__GNUC__ == 3 && __GNUC_MINOR__ >= 4))
#  define AMSIZE_WARN_UNUSED __attribute__((warn_unused_result))
#elif defined(__clang__)
#  define AMSIZE_WARN_UNUSED __attribute__((warn_unused_result))
#else
#  define AMSIZE_WARN_UNUSED
#endif

#endif /* AMSIZE_EXPORT_H */
