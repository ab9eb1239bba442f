/* SEGMENTS.csv: its columns, one row each, and its rows into
 * amsize_segment and, for the plan, amsize_staffing (see input.h). A
 * column that is a library field takes its name, requirement, type,
 * bounds and default from the library's table: a new optional segment
 * column is one COLUMN_FIELD row here (COLUMN_FIELD_OF for a staffing
 * one). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "csvcell.h"
#include "csvtable.h"
#include "input.h"
#include "msg.h"
#include "text.h"

/* In the order in which messages list them (the required ones first).
 * Without --accounts nothing else supplies the aggregates, the FROM_TOTALS
 * fields, and a missing one would silently size the segment from zeros;
 * weighted_accounts alone has a meaningful default (accounts). */
enum { S_SEGMENT };
static const column_def seg_cols[] = {
    COLUMN_TEXT("segment", NEED_ALWAYS),
    COLUMN_FIELD(AM_PRODUCTIVITY, 0),
    COLUMN_FIELD(AM_COST, 0),
    COLUMN_FIELD(MAX_LOAD, 0),
    COLUMN_FIELD(SUPPORT_RATING, 0),
    COLUMN_FIELD(CHURN_ATTRIBUTION, 0),
    COLUMN_FIELD(GROSS_MARGIN, 0),
    COLUMN_FIELD(COST_COVERAGE, 0),
    COLUMN_FIELD(GROWTH_PER_ACCOUNT, 0),
    COLUMN_FIELD(ACCOUNTS, 0),
    COLUMN_FIELD(WEIGHTED_ACCOUNTS, 0),
    COLUMN_FIELD(BOOK, 0),
    COLUMN_FIELD(UPSELL, 0),
    COLUMN_FIELD(CROSS_SELL, 0),
    COLUMN_FIELD(CHURN, 0),
    /* The plan's (amsize_staffing); chart and pilot know them and ignore
     * them. */
    COLUMN_FIELD_OF(STAFFING, ATTRITION, 0),
    COLUMN_FIELD_OF(STAFFING, TIME_TO_FILL, 0),
    COLUMN_FIELD_OF(STAFFING, RAMP_MONTHS, 0),
    COLUMN_FIELD_OF(STAFFING, CURRENT_AMS, 0),
};
#define S_NCOLS (sizeof seg_cols / sizeof seg_cols[0])

typedef struct seg_ctx {
    input *in;
    uint32_t skip; /* AMSIZE_FIELDINFO_FROM_TOTALS with --accounts */
} seg_ctx;

static int seg_row(csvtable *t, unsigned long line, char **c)
{
    seg_ctx *sc = t->ctx;
    input *in = sc->in;
    const char *name = c[S_SEGMENT];
    amsize_segment seg;
    amsize_staffing staff;

    if (!*name) {
        csvtable_cell_error(t, line, S_SEGMENT, " is empty: give every segment a name");
        return EXIT_DATAERR;
    }
    /* Output names the totals row TOTAL: a segment of that name would give
     * two rows no reader could tell apart. */
    if (ascii_casecmp(name, "TOTAL") == 0) {
        char shown[ECHO_SIZE];
        csvtable_cell_error(t, line, S_SEGMENT,
                            ": %s is reserved for the totals row: give the segment another "
                            "name",
                            echo(shown, name));
        return EXIT_DATAERR;
    }
    long dup = input_find(in, name);
    if (dup >= 0) {
        char shown[ECHO_SIZE];
        csvtable_cell_error(t, line, S_SEGMENT,
                            ": segment %s appears twice (first on line %lu): segment names "
                            "must be unique",
                            echo(shown, name), in->lines[dup]);
        return EXIT_DATAERR;
    }
    MUST(amsize_segment_init(&seg, 1));
    MUST(amsize_staffing_init(&staff, 1));
    int rc = parse_fields(t, line, &seg, AMSIZE_SCHEMA_SEGMENT, sc->skip);
    if (rc == 0 && in->need_staffing)
        rc = parse_fields(t, line, &staff, AMSIZE_SCHEMA_STAFFING, 0);
    if (rc < 0)
        return -rc;
    input_add(in, &seg, &staff, name, line);
    return 0;
}

int input_read_segments(input *in, const char *path, int with_accounts)
{
    seg_ctx sc = {in, with_accounts ? AMSIZE_FIELDINFO_FROM_TOTALS : 0};
    csvtable t;
    csvtable_init(&t, seg_cols, S_NCOLS, AMSIZE_SCHEMA_SEGMENT, seg_row, &sc);
    t.need = with_accounts ? 0 : NEED_AGGREGATE;
    t.hint = ", or pass --accounts ACCOUNTS.csv";
    t.hint_mixed = " (or, instead of the aggregate ones, pass --accounts ACCOUNTS.csv)";
    in->seg_path = path;
    int rc = csvtable_read(&t, path);
    if (rc == 0 && with_accounts) {
        namelist agg = {0};
        for (size_t k = 0; k < S_NCOLS; k++)
            if (t.pos[k] && (t.cols[k].info.flags & AMSIZE_FIELDINFO_FROM_TOTALS))
                list_add(&agg, t.cols[k].name);
        if (agg.shown)
            msg_warn("%s: ignoring the aggregate column(s) %s: --accounts supplies them",
                     t.label, list_text(&agg));
        list_free(&agg);
    }
    if (rc == 0 && in->verbose)
        fprintf(stderr, "amsize: %s: %zu segment(s)\n", t.label, in->nsegs);
    /* Kept for input_segment_cell(): messages about a segment's value
     * point at its cell. */
    free(in->seg_pos);
    in->seg_pos = t.pos;
    t.pos = NULL;
    csvtable_free(&t);
    return rc;
}

size_t input_segment_cell(const input *in, int32_t field)
{
    for (size_t k = 0; in->seg_pos && k < S_NCOLS; k++)
        if (field && seg_cols[k].field == field)
            return in->seg_pos[k];
    return 0;
}
