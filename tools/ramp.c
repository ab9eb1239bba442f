/* RAMP.csv, the plan's ramp curves: its columns, one row each, and each
 * segment's shares in tenure-month order (see input.h). The rows may come
 * in any order; a segment's months must be 0, 1, ... with none missing or
 * repeated. share is the library's field (AMSIZE_SCHEMA_RAMP), checked
 * against its range as it is read; that shares do not decrease is the
 * library's rule, checked by amsize_plan_compute() (explain.c points at the
 * row). */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "csvrows.h"
#include "input.h"
#include "msg.h"
#include "text.h"
#include "xalloc.h"

enum { R_SEGMENT, R_MONTH };
static const column_def ramp_cols[] = {
    COLUMN_TEXT("segment", NEED_ALWAYS),
    COLUMN_WHOLE("month", NEED_ALWAYS, 0, INT32_MAX),
    COLUMN_FIELD(SHARE, 0),
};
#define R_NCOLS (sizeof ramp_cols / sizeof ramp_cols[0])

typedef struct ramp_ctx {
    input *in;
    long *segment; /* by row: its segment's index */
    size_t cap;
} ramp_ctx;

static int ramp_row(csvrows *r, size_t i)
{
    ramp_ctx *x = r->ctx;
    const char *seg = r->text[R_SEGMENT][i];
    unsigned long line = r->line[i];

    long s = input_segment_named(x->in, &r->t, line, R_SEGMENT, seg, "month");
    if (s < 0)
        return EXIT_DATAERR;
    if (i >= x->cap) {
        x->cap = x->cap ? 2 * x->cap : 64;
        x->segment = xrealloc(x->segment, x->cap * sizeof *x->segment);
    }
    x->segment[i] = s;
    return 0;
}

/* Row order by segment, then month, then line: a repeated month's second
 * row comes after its first. */
static const long *sort_segment;
static const double *sort_month;

static int by_month(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (sort_segment[i] != sort_segment[j])
        return sort_segment[i] < sort_segment[j] ? -1 : 1;
    if (sort_month[i] != sort_month[j])
        return sort_month[i] < sort_month[j] ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* The curves, segment by segment in SEGMENTS.csv order, each in month
 * order; the first gap or repeat is the error (at the row that shows it). */
static int build(ramps *rp, const csvrows *r, const long *segment, size_t nsegs)
{
    const double *month = r->num[R_MONTH];
    const double *share = r->num[csvrows_field(r, AMSIZE_FIELD_SHARE)];
    size_t *order = xmalloc(r->n * sizeof *order), j = 0;
    char name[ECHO_SIZE];
    int rc = 0;

    for (size_t i = 0; i < r->n; i++)
        order[i] = i;
    sort_segment = segment;
    sort_month = month;
    qsort(order, r->n, sizeof *order, by_month);
    rp->first = xcalloc(nsegs + 1, sizeof *rp->first);
    rp->share = xmalloc(r->n * sizeof *rp->share);
    rp->line = xmalloc(r->n * sizeof *rp->line);
    for (size_t s = 0; s < nsegs && rc == 0; s++) {
        rp->first[s] = j;
        for (double want = 0; j < r->n && segment[order[j]] == (long)s; j++, want++) {
            size_t i = order[j];
            unsigned long line = r->line[i];
            if (month[i] < want) {
                csvtable_cell_error(&r->t, line, R_MONTH,
                                    ": month %.0f of segment %s appears twice (first on line "
                                    "%lu): give each month once",
                                    month[i], echo(name, r->text[R_SEGMENT][i]),
                                    r->line[order[j - 1]]);
                rc = EXIT_DATAERR;
                break;
            }
            if (month[i] > want && want == 0) {
                csvtable_cell_error(&r->t, line, R_MONTH,
                                    ": segment %s starts at month %.0f: start it at month 0, "
                                    "the first month in the role",
                                    echo(name, r->text[R_SEGMENT][i]), month[i]);
                rc = EXIT_DATAERR;
                break;
            }
            if (month[i] > want) {
                csvtable_cell_error(&r->t, line, R_MONTH,
                                    ": segment %s has month %.0f but not %.0f: give every "
                                    "month from 0 to the last, with none missing",
                                    echo(name, r->text[R_SEGMENT][i]), month[i], want);
                rc = EXIT_DATAERR;
                break;
            }
            rp->share[j] = share[i];
            rp->line[j] = line;
        }
    }
    rp->first[nsegs] = j;
    free(order);
    return rc;
}

int input_read_ramps(input *in, const char *path)
{
    ramp_ctx x = {in, NULL, 0};
    csvrows r;
    csvrows_init(&r, ramp_cols, R_NCOLS, AMSIZE_SCHEMA_RAMP, ramp_row, &x);
    in->ramp.path = path;
    int rc = csvrows_read(&r, path);
    if (rc == 0)
        rc = build(&in->ramp, &r, x.segment, in->nsegs);
    if (rc == 0) {
        in->ramp.share_pos = r.t.pos[csvrows_field(&r, AMSIZE_FIELD_SHARE)];
        if (in->verbose)
            fprintf(stderr, "amsize: %s: %zu month(s) of ramp\n", r.t.label, r.n);
    }
    free(x.segment);
    csvrows_free(&r);
    return rc;
}
