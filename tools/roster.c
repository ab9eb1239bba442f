/* AMS.csv, the roster of the plan and of the evaluation: its columns, one
 * row each, and its AMs grouped by segment (see input.h). The roster
 * columns are the library's (AMSIZE_SCHEMA_ROSTER): their names, defaults
 * and ranges come from its table, and csvrows.c checks each value as it
 * reads it. A new roster column is a row in am_cols, and whatever uses it
 * takes its values with csvrows_field(). The plan reads fte and
 * tenure_months, the evaluation fte and target; each accepts the other's
 * column. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "csvrows.h"
#include "input.h"
#include "msg.h"
#include "nameset.h"
#include "text.h"
#include "xalloc.h"

enum { M_ID, M_SEGMENT };
static const column_def am_cols[] = {
    COLUMN_TEXT("am_id", NEED_ALWAYS),
    COLUMN_TEXT("segment", NEED_ALWAYS),
    COLUMN_FIELD(FTE, 0),
    COLUMN_FIELD(TENURE_MONTHS, 0),
    COLUMN_FIELD(TARGET, 0),
};
#define M_NCOLS (sizeof am_cols / sizeof am_cols[0])

typedef struct roster_ctx {
    input *in;
    long *segment; /* by row: its segment's index */
    size_t cap;
} roster_ctx;

/* Each AM: an id not seen before, and a segment of SEGMENTS.csv. */
static int am_row(csvrows *r, size_t i)
{
    roster_ctx *x = r->ctx;
    const char *id = r->text[M_ID][i], *seg = r->text[M_SEGMENT][i];
    unsigned long line = r->line[i], first;
    char shown[ECHO_SIZE];

    if (!*id) {
        csvtable_cell_error(&r->t, line, M_ID, " is empty: give every AM an id");
        return EXIT_DATAERR;
    }
    if ((first = nameset_add(&x->in->roster.ids, id, line))) {
        csvtable_cell_error(&r->t, line, M_ID,
                            ": AM %s appears twice (first on line %lu): AM ids must be "
                            "unique",
                            echo(shown, id), first);
        return EXIT_DATAERR;
    }
    long s = input_segment_named(x->in, &r->t, line, M_SEGMENT, seg, "AM");
    if (s < 0)
        return EXIT_DATAERR;
    if (i >= x->cap) {
        x->cap = x->cap ? 2 * x->cap : 64;
        x->segment = xrealloc(x->segment, x->cap * sizeof *x->segment);
    }
    x->segment[i] = s;
    return 0;
}

/* The AMs grouped by segment, in file order within each (a counting
 * sort): the cohorts of each segment's plan, and the evaluation's AMs.
 * Their ids in ro->ids are renumbered to match, each tagged with its
 * segment, so that one slot of the set gives an account's AM and the
 * AM's segment (see nameset.h). */
static void group(roster *ro, const csvrows *r, const long *segment, size_t nsegs)
{
    const double *fte = r->num[csvrows_field(r, AMSIZE_FIELD_FTE)];
    const double *tenure = r->num[csvrows_field(r, AMSIZE_FIELD_TENURE_MONTHS)];
    const double *target = r->num[csvrows_field(r, AMSIZE_FIELD_TARGET)];
    size_t *next = xcalloc(nsegs + 1, sizeof *next), room = r->n ? r->n : 1;
    size_t *at = xmalloc(room * sizeof *at); /* row in the file -> AM */

    ro->n = r->n;
    ro->first = xcalloc(nsegs + 1, sizeof *ro->first);
    ro->fte = xmalloc(room * sizeof *ro->fte);
    ro->tenure = xmalloc(room * sizeof *ro->tenure);
    ro->target = xmalloc(room * sizeof *ro->target);
    ro->segment = xmalloc(room * sizeof *ro->segment);
    ro->id = xmalloc(room * sizeof *ro->id);
    ro->line = xmalloc(room * sizeof *ro->line);
    for (size_t i = 0; i < r->n; i++)
        ro->first[segment[i] + 1]++;
    for (size_t s = 0; s < nsegs; s++)
        ro->first[s + 1] += ro->first[s];
    for (size_t s = 0; s < nsegs; s++)
        next[s] = ro->first[s];
    for (size_t i = 0; i < r->n; i++) {
        size_t j = next[segment[i]]++;
        ro->fte[j] = fte[i];
        /* Checked as a whole number from 0 up to INT32_MAX; empty is NaN. */
        ro->tenure[j] = isnan(tenure[i]) ? AMSIZE_TENURE_RAMPED : (int32_t)tenure[i];
        ro->target[j] = target[i]; /* checked: 0 or more; empty is NaN */
        ro->segment[j] = (int32_t)segment[i];
        at[i] = j;
        ro->line[j] = r->line[i];
    }
    nameset_permute(&ro->ids, at);
    for (size_t j = 0; j < r->n; j++) {
        ro->id[j] = ro->ids.names[j];
        nameset_set_tag(&ro->ids, j, ro->segment[j]);
    }
    free(at);
    free(next);
}

int input_read_roster(input *in, const char *path)
{
    roster_ctx x = {in, NULL, 0};
    csvrows r;
    csvrows_init(&r, am_cols, M_NCOLS, AMSIZE_SCHEMA_ROSTER, am_row, &x);
    /* A roster of nobody is a team that starts from zero. */
    r.t.empty_ok = 1;
    in->roster.path = path;
    int rc = csvrows_read(&r, path);
    if (rc == 0) {
        group(&in->roster, &r, x.segment, in->nsegs);
        in->roster.fte_pos = r.t.pos[csvrows_field(&r, AMSIZE_FIELD_FTE)];
        in->roster.tenure_pos = r.t.pos[csvrows_field(&r, AMSIZE_FIELD_TENURE_MONTHS)];
        in->roster.target_pos = r.t.pos[csvrows_field(&r, AMSIZE_FIELD_TARGET)];
        if (in->verbose)
            fprintf(stderr, "amsize: %s: %zu AM(s)\n", r.t.label, r.n);
    }
    free(x.segment);
    csvrows_free(&r);
    return rc;
}

void input_ams(amsize_am *ams, const input *in)
{
    const roster *ro = &in->roster;
    MUST(amsize_am_init(ams, ro->n));
    for (size_t j = 0; j < ro->n; j++) {
        const am_sums *a = &in->actual.am[j];
        ams[j].segment = ro->segment[j];
        ams[j].fte = ro->fte[j];
        if (!isnan(ro->target[j])) {
            ams[j].target = ro->target[j] + 0.0; /* a "-0" cell is 0 */
            ams[j].has_target = 1;
        }
        ams[j].accounts = (int64_t)a->accounts;
        ams[j].weighted_accounts = a->sum[AM_WEIGHT] + a->comp[AM_WEIGHT];
        ams[j].book = a->sum[AM_BOOK] + a->comp[AM_BOOK];
        ams[j].upsell = a->sum[AM_UPSELL] + a->comp[AM_UPSELL];
        ams[j].cross_sell = a->sum[AM_CROSS_SELL] + a->comp[AM_CROSS_SELL];
        ams[j].churn = a->sum[AM_CHURN] + a->comp[AM_CHURN];
    }
}
