/* Shared by the two CSV targets: the amsize command's readers take a path
 * (tools/input.h: input_read_segments(), input_read_accounts()) and open()
 * it, so a fuzz input reaches them through an in-memory file (memfd) named
 * /proc/self/fd/N. No disk is touched. The stream reader itself
 * (tools/csvin.h) takes bytes chunk by chunk and is driven directly.
 *
 * The readers print a message per bad input on stderr; millions of them
 * would drown the fuzzer's own output, so stderr is pointed at /dev/null
 * around each call unless FUZZ_VERBOSE is set (tests/fuzz/run.sh sets it
 * when it replays a crashing input, so that the report is seen). */
#ifndef AMSIZE_FUZZ_CSV_H
#define AMSIZE_FUZZ_CSV_H

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "csvin.h"
#include "input.h"
#include "msg.h"
#include "number.h"
#include "text.h"
#include "xalloc.h"

#include "fuzz_common.h"

static int fzcsv_devnull = -1, fzcsv_saved = -1;

static void fzcsv_quiet(int on)
{
    static int verbose = -1;
    if (verbose < 0) {
        verbose = getenv("FUZZ_VERBOSE") != NULL;
        fzcsv_devnull = open("/dev/null", O_WRONLY);
        fzcsv_saved = dup(2);
    }
    if (verbose || fzcsv_devnull < 0 || fzcsv_saved < 0)
        return;
    fflush(stderr);
    dup2(on ? fzcsv_devnull : fzcsv_saved, 2);
}

/* An in-memory file holding data; path receives its /proc name. */
static int fzcsv_file(char *path, size_t path_size, const uint8_t *data, size_t size)
{
    int fd = memfd_create("amsize-fuzz", 0);
    if (fd < 0) {
        perror("memfd_create");
        abort();
    }
    size_t off = 0;
    while (off < size) {
        ssize_t n = write(fd, data + off, size - off);
        if (n <= 0) {
            perror("write");
            abort();
        }
        off += (size_t)n;
    }
    snprintf(path, path_size, "/proc/self/fd/%d", fd);
    return fd;
}

/* The exit statuses a reader may return on any input held in memory. */
static void fzcsv_check_rc(int rc, const char *what)
{
    FZ_CHECK(rc == 0 || rc == EXIT_DATAERR, "%s returned %d (0 or %d expected)", what, rc,
             EXIT_DATAERR);
}

/* ---- chunking invariance of the stream reader -------------------------- */

typedef struct fzcsv_digest {
    uint64_t h;
    unsigned long records;
} fzcsv_digest;

static void fzcsv_mix(fzcsv_digest *d, const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        d->h = (d->h ^ b[i]) * UINT64_C(1099511628211);
}

/* tools/number.c's fast number parser must agree with the slow path it
 * short-cuts: only plain decimals, and exactly strtod()'s value. */
static void fzcsv_check_number(const char *cell)
{
    double fast;
    if (!decimal_fast(cell, &fast))
        return;
    FZ_CHECK(is_decimal(cell), "decimal_fast accepts '%s', is_decimal does not", cell);
    double slow = strtod(cell, NULL);
    FZ_CHECK(memcmp(&fast, &slow, sizeof fast) == 0,
             "decimal_fast('%s') = %.17g, strtod = %.17g", cell, fast, slow);
}

static int fzcsv_on_record(void *ctx, const csvin_record *rec)
{
    fzcsv_digest *d = ctx;
    FZ_CHECK(rec->nfields > 0 && rec->fields != NULL, "a record with no fields");
    FZ_CHECK(rec->line >= 1, "record line %lu", rec->line);
    d->records++;
    fzcsv_mix(d, &rec->line, sizeof rec->line);
    fzcsv_mix(d, &rec->nfields, sizeof rec->nfields);
    for (size_t i = 0; i < rec->nfields; i++) {
        FZ_CHECK(rec->fields[i] != NULL, "field %zu is NULL", i);
        /* Readers take the length from lens[] rather than walk the field. */
        FZ_CHECK(rec->lens[i] == strlen(rec->fields[i]), "field %zu: length %zu, strlen %zu",
                 i, rec->lens[i], strlen(rec->fields[i]));
        /* Readers skip their own trim on the promise of rec->trimmed. */
        size_t n = rec->lens[i];
        FZ_CHECK(!rec->trimmed || n == 0 ||
                     (rec->fields[i][0] != ' ' && rec->fields[i][0] != '\t' &&
                      rec->fields[i][n - 1] != ' ' && rec->fields[i][n - 1] != '\t'),
                 "field %zu of a trimmed record has a space or tab at an end", i);
        fzcsv_mix(d, rec->fields[i], strlen(rec->fields[i]) + 1);
        fzcsv_check_number(rec->fields[i]);
    }
    return 0;
}

/* Feeds data in chunks whose sizes cycle through sizes[] (0: all at once),
 * with the reader's own line splitter (fast) or libcsv alone; returns the
 * reader's final status and fills *d. */
static int fzcsv_stream(fzcsv_digest *d, const uint8_t *data, size_t size, const size_t *sizes,
                        size_t nsizes, int fast)
{
    csvin *r = csvin_new(fzcsv_on_record, d);
    int rc = 0;
    size_t off = 0, k = 0;

    FZ_CHECK(r != NULL, "csvin_new");
    csvin_set_fast(r, fast);
    memset(d, 0, sizeof *d);
    d->h = UINT64_C(14695981039346656037);
    while (rc == 0 && off < size) {
        size_t n = nsizes ? sizes[k++ % nsizes] : size;
        if (n > size - off)
            n = size - off;
        rc = csvin_feed(r, data + off, n);
        off += n;
    }
    if (rc == 0)
        rc = csvin_finish(r);
    if (rc == CSVIN_ERROR) {
        FZ_CHECK(csvin_error(r) != NULL && csvin_error(r)[0] != '\0', "error without message");
        d->h ^= csvin_error_line(r);
    }
    FZ_CHECK(rc == 0 || rc == CSVIN_ERROR, "csvin returned %d", rc);
    csvin_free(r);
    return rc;
}

/* The same bytes in one piece, byte by byte and in odd chunks must give the
 * same records and the same verdict: a file is read 64 KiB at a time, so a
 * record can be cut anywhere. And the reader's fast line splitter must give
 * what libcsv alone gives. */
static void fzcsv_check_chunking(const uint8_t *data, size_t size)
{
    static const size_t bytewise[] = {1}, odd[] = {3, 1, 7, 2, 64, 5};
    fzcsv_digest whole, one, mixed, slow;
    int a = fzcsv_stream(&whole, data, size, NULL, 0, 1);
    int b = fzcsv_stream(&one, data, size, bytewise, 1, 1);
    int c = fzcsv_stream(&mixed, data, size, odd, sizeof odd / sizeof odd[0], 1);
    int e = fzcsv_stream(&slow, data, size, odd, sizeof odd / sizeof odd[0], 0);
    FZ_CHECK(a == b && a == c, "verdict depends on chunking: %d %d %d", a, b, c);
    FZ_CHECK(whole.records == one.records && whole.records == mixed.records,
             "record count depends on chunking: %lu %lu %lu", whole.records, one.records,
             mixed.records);
    FZ_CHECK(whole.h == one.h && whole.h == mixed.h, "records depend on chunking");
    FZ_CHECK(a == e && whole.records == slow.records && whole.h == slow.h,
             "the fast splitter and libcsv differ: verdict %d/%d, %lu/%lu records", a, e,
             whole.records, slow.records);
}

/* After a successful read: the segments are what the library accepts or
 * refuses with a defined status, and every name finds its own index. */
static void fzcsv_check_input(const input *in)
{
    amsize_error err;
    FZ_CHECK(in->nsegs > 0, "success with no segments");
    for (size_t i = 0; i < in->nsegs; i++) {
        FZ_CHECK(in->names[i] != NULL && input_find(in, in->names[i]) == (long)i,
                 "segment %zu: name lookup", i);
        FZ_CHECK(in->segs[i].struct_size == sizeof(amsize_segment), "segment %zu struct_size",
                 i);
    }
    amsize_chart_row *rows = calloc(in->nsegs, sizeof *rows);
    FZ_CHECK(rows != NULL, "calloc");
    ASSERT_OK(amsize_chart_row_init(rows, in->nsegs));
    ASSERT_OK(amsize_error_init(&err));
    amsize_status st = amsize_chart_compute(rows, in->nsegs, NULL, &err, in->segs, in->nsegs,
                                            NULL);
    fz_check_status(st, &err, 1);
    free(rows);
}

#endif /* AMSIZE_FUZZ_CSV_H */
