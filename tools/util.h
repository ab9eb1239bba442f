/* Messages and exit statuses shared by the amsize command's files. */
#ifndef AMSIZE_TOOLS_UTIL_H
#define AMSIZE_TOOLS_UTIL_H

#include <stddef.h>
#include <stdio.h>

/* sysexits.h values, spelled out so the command builds without it. */
#define EXIT_USAGE 64     /* EX_USAGE: bad command line */
#define EXIT_DATAERR 65   /* EX_DATAERR: bad input data */
#define EXIT_NOINPUT 66   /* EX_NOINPUT: an input cannot be opened or read */
#define EXIT_SOFTWARE 70  /* EX_SOFTWARE: internal error (out of memory) */
#define EXIT_CANTCREAT 73 /* EX_CANTCREAT: the output cannot be created */
#define EXIT_IOERR 74     /* EX_IOERR: writing the output failed */

#if defined(__GNUC__)
#define AMSIZE_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define AMSIZE_NOINLINE __attribute__((noinline))
#else
#define AMSIZE_PRINTF(a, b)
#define AMSIZE_NOINLINE
#endif

/* "amsize: " + message + newline on stderr. */
void msg_error(const char *fmt, ...) AMSIZE_PRINTF(1, 2);
void msg_warn(const char *fmt, ...) AMSIZE_PRINTF(1, 2);

/* For a library call that cannot fail as the command makes it: an init of
 * the command's own structs, at the size it was compiled with. A failure
 * means that the library and its headers disagree; the command says so and
 * exits with EXIT_SOFTWARE rather than go on with structs half set. */
#define MUST(call) must_ok((int)(call), #call)
void must_ok(int status, const char *call);

/* malloc/calloc/realloc that exit with EXIT_SOFTWARE on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Case-insensitive ASCII comparison. */
int ascii_casecmp(const char *a, const char *b);

/* Writes d with the fewest significant digits (15 to 17) that read back as
 * exactly d: full precision without 0.40000000000000002 for 0.4. */
void fprint_double(FILE *fp, double d);
/* The same into buf (at least 32 bytes). */
void format_double(char *buf, size_t len, double d);

/* Length of the valid UTF-8 sequence at s (1 to 4), or 0 when s starts
 * with a byte that does not begin one (a Latin-1 byte, an overlong form, a
 * surrogate). */
size_t utf8_len(const unsigned char *s);

/* A value from an input file for a message: in single quotes, control
 * characters and bytes that are not UTF-8 escaped (\n, \r, \t, \xHH) so that
 * the message stays on one line, and cut after ECHO_CHARS characters with
 * "..." and the full length, so that a huge cell does not flood the
 * terminal: 'abc', '1\n2' or '11111...' (5000 characters). Returns buf,
 * which needs ECHO_SIZE bytes. */
#define ECHO_CHARS 40
#define ECHO_SIZE (4 * ECHO_CHARS + 48)
const char *echo(char *buf, const char *s);

/* Trims spaces and tabs at both ends, in place; returns the start. */
char *trim(char *s);
/* The same for s of length n (strlen(s) == n), without walking it;
 * inline, as it runs on every cell of the accounts file. */
static inline char *trim_len(char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* 1 when s is a plain decimal number: optional sign, digits with an
 * optional point, optional exponent. No hex, inf, nan, spaces or units. */
int is_decimal(const char *s);

/* The exact fast path of strtod() for the common cell (Clinger): 1 and *out
 * when s is a whole plain decimal of at most 15 digits with a decimal
 * exponent within +-22, else 0 (then use is_decimal() and strtod()).
 * tests/cli/check_parse.c compares it with strtod(). */
int decimal_fast(const char *s, double *out);

#endif
