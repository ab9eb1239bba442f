/* The amsize command's helpers in one include, for the tests that include
 * them by this name (tests/cli/check_parse.c, tests/fuzz/fuzz_csv.h). The
 * command's own files include the header of the job they need. */
#ifndef AMSIZE_TOOLS_UTIL_H
#define AMSIZE_TOOLS_UTIL_H

#include "msg.h"
#include "number.h"
#include "text.h"
#include "xalloc.h"

#endif
