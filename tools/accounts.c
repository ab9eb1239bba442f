/* ACCOUNTS.csv: its columns, one row each, and its rows folded into the
 * per-segment amsize_totals (see input.h). The file is streamed: rows are
 * buffered INPUT_CHUNK_ROWS at a time and added with one
 * amsize_totals_add() call, so memory does not grow with the file.
 *
 * The table gives the columns' names, requirements and defaults for the
 * header and the messages; the row function is written out column by
 * column, as it runs once per account: a new account column is a row in
 * acc_cols with its A_* name, a line in acc_row() and an argument of
 * amsize_totals_add() (a number column between A_ARR and A_WEIGHT gets its
 * array in acc_ctx.num by its place). */
#include <config.h>

#include <stdlib.h>

#include "csvcell.h"
#include "csvtable.h"
#include "input.h"
#include "msg.h"
#include "number.h"
#include "text.h"
#include "xalloc.h"

/* In the file's usual order: a file in this order takes the reader's
 * identity path. Without am_covered every account would count as
 * uncovered, and the pilot would compare nothing with everything. */
enum { A_ID, A_SEGMENT, A_ARR, A_UPSELL, A_CROSS_SELL, A_CHURN, A_WEIGHT, A_COVERED };
static const column_def acc_cols[] = {
    COLUMN_TEXT("account_id", NEED_ALWAYS),
    COLUMN_TEXT("segment", NEED_ALWAYS),
    COLUMN_FIELD(ARR, 0),
    COLUMN_FIELD(UPSELL, 0),
    COLUMN_FIELD(CROSS_SELL, 0),
    COLUMN_FIELD(CHURN, 0),
    COLUMN_FIELD(SERVICE_WEIGHT, 0),
    COLUMN_FIELD(AM_COVERED, NEED_PILOT),
};
#define A_NCOLS (sizeof acc_cols / sizeof acc_cols[0])

/* The number columns, A_ARR to A_WEIGHT, are num[k - A_ARR]. */
#define A_NUMBERS (A_WEIGHT - A_ARR + 1)
#define NUM(k) ((k) - A_ARR)

/* One chunk of account rows, in the columns amsize_totals_add() takes. */
typedef struct acc_ctx {
    input *in;
    const csvtable *t;
    size_t n;
    int32_t segment[INPUT_CHUNK_ROWS];
    double num[A_NUMBERS][INPUT_CHUNK_ROWS];
    uint8_t covered[INPUT_CHUNK_ROWS];
    unsigned long line[INPUT_CHUNK_ROWS];
} acc_ctx;

/* The number column (A_ARR to A_WEIGHT) of a library field, or 0. */
static size_t number_column(const csvtable *t, int32_t field)
{
    for (size_t k = A_ARR; k <= A_WEIGHT; k++)
        if (t->cols[k].field == field)
            return k;
    return 0;
}

static int flush_accounts(acc_ctx *ac)
{
    input *in = ac->in;
    const char *label = ac->t->label;
    amsize_error err;
    MUST(amsize_error_init(&err));
    if (ac->n == 0)
        return 0;
    amsize_status st = amsize_totals_add(
        in->totals, in->nsegs, &err, ac->segment, ac->n, ac->num[NUM(A_ARR)],
        ac->num[NUM(A_UPSELL)], ac->num[NUM(A_CROSS_SELL)], ac->num[NUM(A_CHURN)],
        ac->num[NUM(A_WEIGHT)], ac->covered);
    if (st != AMSIZE_OK && (err.index < 0 || (size_t)err.index >= ac->n)) {
        /* Not one row: a chunk whose column sum leaves the finite range. */
        msg_error("%s:%lu-%lu: column '%s': %s: the sum of these rows is too large; are "
                  "the amounts in the right unit?",
                  label, ac->line[0], ac->line[ac->n - 1], amsize_field_name(err.field),
                  amsize_strerror(st));
        return EXIT_DATAERR;
    }
    if (st != AMSIZE_OK) {
        size_t i = (size_t)err.index, k = number_column(ac->t, err.field);
        if (k) {
            char num[40];
            format_double(num, sizeof num, ac->num[NUM(k)][i]);
            csvtable_cell_error(ac->t, ac->line[i], k, ", value %s: %s: fix this cell", num,
                                amsize_strerror(st));
        } else {
            msg_error("%s:%lu: column '%s': %s", label, ac->line[i],
                      amsize_field_name(err.field), amsize_strerror(st));
        }
        return EXIT_DATAERR;
    }
    for (size_t i = 0; i < ac->n; i++)
        in->rows_per_seg[ac->segment[i]]++;
    in->account_rows += ac->n;
    ac->n = 0;
    return 0;
}

/* Runs once per account: each column by its constant index, with the
 * inline parsers, and no call through the table. An empty service_weight
 * takes the table's default in parse_number(). */
static int acc_row(csvtable *t, unsigned long line, char **c)
{
    acc_ctx *ac = t->ctx;
    input *in = ac->in;
    size_t i = ac->n;
    int rc;

    if (!*c[A_ID]) {
        csvtable_cell_error(t, line, A_ID, " is empty: give every account an id");
        return EXIT_DATAERR;
    }
    if (!*c[A_SEGMENT]) {
        csvtable_cell_error(t, line, A_SEGMENT,
                            " is empty: give every account the name of its segment in %s",
                            msg_label(in->seg_path));
        return EXIT_DATAERR;
    }
    long s = input_find(in, c[A_SEGMENT]);
    if (s < 0) {
        char shown[ECHO_SIZE];
        csvtable_cell_error(t, line, A_SEGMENT,
                            ": segment %s is not in %s: add it there or fix the name (names "
                            "must match exactly)",
                            echo(shown, c[A_SEGMENT]), msg_label(in->seg_path));
        return EXIT_DATAERR;
    }
    ac->segment[i] = (int32_t)s;
    ac->line[i] = line;
    if ((rc = parse_number(t, line, A_ARR, &ac->num[NUM(A_ARR)][i])) ||
        (rc = parse_number(t, line, A_UPSELL, &ac->num[NUM(A_UPSELL)][i])) ||
        (rc = parse_number(t, line, A_CROSS_SELL, &ac->num[NUM(A_CROSS_SELL)][i])) ||
        (rc = parse_number(t, line, A_CHURN, &ac->num[NUM(A_CHURN)][i])))
        return -rc;
    if ((rc = parse_number(t, line, A_WEIGHT, &ac->num[NUM(A_WEIGHT)][i])) < 0 ||
        (rc = parse_flag(t, line, A_COVERED, &ac->covered[i])) < 0)
        return -rc;
    if (++ac->n == INPUT_CHUNK_ROWS)
        return flush_accounts(ac);
    return 0;
}

int input_read_accounts(input *in, const char *path)
{
    acc_ctx *ac = xcalloc(1, sizeof *ac);
    csvtable t;
    amsize_error err;
    int rc;

    in->acc_path = path;
    in->totals = xcalloc(in->nsegs, sizeof *in->totals);
    in->rows_per_seg = xcalloc(in->nsegs, sizeof *in->rows_per_seg);
    MUST(amsize_totals_init(in->totals, in->nsegs));
    ac->in = in;
    ac->t = &t;
    csvtable_init(&t, acc_cols, A_NCOLS, AMSIZE_SCHEMA_ACCOUNT, acc_row, ac);
    t.need = in->need_covered ? NEED_PILOT : 0;
    t.hint = t.hint_mixed = " (the pilot compares AM-covered with uncovered accounts: "
                            "give each account 1 or 0)";
    rc = csvtable_read(&t, path);
    if (rc == 0)
        rc = flush_accounts(ac);
    MUST(amsize_error_init(&err));
    for (size_t i = 0; rc == 0 && i < in->nsegs; i++) {
        if (amsize_totals_segment(&in->segs[i], &err, &in->totals[i], AMSIZE_PART_ALL) !=
            AMSIZE_OK) {
            msg_error("internal error: amsize_totals_segment: %s", amsize_strerror(err.status));
            rc = EXIT_SOFTWARE;
        }
    }
    csvtable_free(&t);
    free(ac);
    return rc;
}
