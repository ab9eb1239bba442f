/* How the amsize command fails: its messages on stderr and its exit
 * statuses. */
#ifndef AMSIZE_TOOLS_MSG_H
#define AMSIZE_TOOLS_MSG_H

#include "compiler.h"

/* sysexits.h values, spelled out so the command builds without it. */
#define EXIT_USAGE 64     /* EX_USAGE: bad command line */
#define EXIT_DATAERR 65   /* EX_DATAERR: bad input data */
#define EXIT_NOINPUT 66   /* EX_NOINPUT: an input cannot be opened or read */
#define EXIT_SOFTWARE 70  /* EX_SOFTWARE: internal error (out of memory) */
#define EXIT_CANTCREAT 73 /* EX_CANTCREAT: the output cannot be created */
#define EXIT_IOERR 74     /* EX_IOERR: writing the output failed */

/* "amsize: " + message + newline on stderr. */
void msg_error(const char *fmt, ...) AMSIZE_PRINTF(1, 2);
void msg_warn(const char *fmt, ...) AMSIZE_PRINTF(1, 2);

/* A path as messages name it: "<stdin>" for "-", else the path. */
const char *msg_label(const char *path);

/* For a library call that cannot fail as the command makes it: an init of
 * the command's own structs, at the size it was compiled with. A failure
 * means that the library and its headers disagree; the command says so and
 * exits with EXIT_SOFTWARE rather than go on with structs half set. */
#define MUST(call) must_ok((int)(call), #call)
void must_ok(int status, const char *call);

#endif
