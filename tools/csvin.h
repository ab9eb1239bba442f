/* A streaming CSV reader over libcsv.
 *
 * Bytes go in chunk by chunk (csvin_feed), whole records come out through a
 * callback, each with the physical line on which it starts (1-based,
 * counting the newlines embedded in quoted fields). RFC 4180 quoting, LF or
 * CRLF line ends and a leading UTF-8 byte order mark are handled; blank
 * lines are skipped; spaces and tabs around unquoted fields are dropped, as
 * libcsv does. Memory is bounded: a record longer than
 * CSVIN_MAX_RECORD bytes is an error. Nothing here does I/O, so a fuzzer
 * can drive it from a buffer.
 */
#ifndef AMSIZE_TOOLS_CSVIN_H
#define AMSIZE_TOOLS_CSVIN_H

#include <stddef.h>

#define CSVIN_MAX_RECORD (1024 * 1024)

typedef struct csvin_record {
    size_t nfields;
    char **fields;        /* NUL-terminated; quotes undone, unquoted fields
                             without surrounding spaces and tabs */
    const size_t *lens;   /* strlen() of each field, known without a walk */
    unsigned long line;   /* physical line where the record starts */
    int trimmed;          /* 1: no field starts or ends with a space or tab
                             (the fast path trimmed them all), so a reader
                             that trims every field can skip the walk */
} csvin_record;

/* Called once per record; a non-zero return stops the reader, and that
 * value comes back from csvin_feed()/csvin_finish(). */
typedef int (*csvin_record_fn)(void *ctx, const csvin_record *rec);

typedef struct csvin csvin;

/* NULL when out of memory. */
csvin *csvin_new(csvin_record_fn fn, void *ctx);
void csvin_free(csvin *r);

/* Return 0, the callback's non-zero value, or CSVIN_ERROR with a message
 * in csvin_error(). After a non-zero return the reader is finished. */
#define CSVIN_ERROR (-1)
int csvin_feed(csvin *r, const void *buf, size_t len);
/* Ends the input: delivers the last record (without a final newline). */
int csvin_finish(csvin *r);

/* The message of a CSVIN_ERROR, and the line it refers to. */
const char *csvin_error(const csvin *r);
unsigned long csvin_error_line(const csvin *r);
/* The field (1 for the first) of the record an error is about, or 0 when
 * it is about the whole record. */
size_t csvin_error_field(const csvin *r);

/* Lines without a quote or a CR are split here directly, in one pass,
 * which is several times as fast as libcsv and gives the same records;
 * from the first line that needs quoting rules on, libcsv reads
 * everything. on = 0 sends every byte through libcsv, so
 * tests/cli/check_parse.c can compare the two. Call before the first
 * csvin_feed(). */
void csvin_set_fast(csvin *r, int on);

/* Lines seen so far (the current physical line number). */
unsigned long csvin_line(const csvin *r);

#endif
