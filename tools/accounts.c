/* ACCOUNTS.csv: its columns, one row each, and its rows folded into the
 * per-segment amsize_totals (see input.h) and, for the evaluation, into
 * the totals of each segment by support coverage and the sums of each AM
 * (am_sums: O(AMs)). The file is streamed: rows are buffered
 * INPUT_CHUNK_ROWS at a time and added with one amsize_totals_add() call
 * per set of totals, so memory does not grow with the file.
 *
 * The table gives the columns' names, requirements and defaults for the
 * header and the messages; the row function is written out column by
 * column, as it runs once per account: a new account column is a row in
 * acc_cols with its A_* name, a line in acc_cells() (or, for the
 * evaluation's, am_cells()) and an argument of amsize_totals_add() (a
 * number column between A_ARR and A_WEIGHT gets its array in acc_ctx.num
 * by its place). chart, pilot and plan read rows with acc_row(), which
 * does nothing for the evaluation's columns. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "csvcell.h"
#include "csvtable.h"
#include "input.h"
#include "msg.h"
#include "nameset.h"
#include "number.h"
#include "text.h"
#include "xalloc.h"

/* In the file's usual order: a file in this order takes the reader's
 * identity path, also without the evaluation's columns at the end.
 * Without am_covered every account would count as uncovered, and the
 * pilot would compare nothing with everything. am_id (empty: no AM) and
 * csm_covered are the evaluation's; the other commands know them and
 * ignore them. */
enum { A_ID, A_SEGMENT, A_ARR, A_UPSELL, A_CROSS_SELL, A_CHURN, A_WEIGHT, A_COVERED, A_AM,
       A_CSM };
static const column_def acc_cols[] = {
    COLUMN_TEXT("account_id", NEED_ALWAYS),
    COLUMN_TEXT("segment", NEED_ALWAYS),
    COLUMN_FIELD(ARR, 0),
    COLUMN_FIELD(UPSELL, 0),
    COLUMN_FIELD(CROSS_SELL, 0),
    COLUMN_FIELD(CHURN, 0),
    COLUMN_FIELD(SERVICE_WEIGHT, 0),
    COLUMN_FIELD(AM_COVERED, NEED_PILOT),
    COLUMN_TEXT("am_id", NEED_EVALUATE),
    COLUMN_FLAG("csm_covered", 0),
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
    /* The evaluation's: */
    int32_t am[INPUT_CHUNK_ROWS];  /* the AM; roster.n: none */
    uint8_t csm[INPUT_CHUNK_ROWS];
    /* The last row read (n - 1) when its AM is still to be looked up,
     * the next row's turn (see eval_row()): its am_id (copied: the
     * reader's cells last one row), length and hash. */
    int pending;
    char *pend_id;
    size_t pend_len, pend_cap;
    uint64_t pend_hash;
} acc_ctx;

/* The number column (A_ARR to A_WEIGHT) of a library field, or 0. */
static size_t number_column(const csvtable *t, int32_t field)
{
    for (size_t k = A_ARR; k <= A_WEIGHT; k++)
        if (t->cols[k].field == field)
            return k;
    return 0;
}

/* The chunk into one set of totals: by index[i] (of len), split by
 * part[i] (NULL: none). */
static amsize_status add_chunk(const acc_ctx *ac, amsize_error *err, amsize_totals *totals,
                               size_t len, const int32_t *index, const uint8_t *part)
{
    return amsize_totals_add(totals, len, err, index, ac->n, ac->num[NUM(A_ARR)],
                             ac->num[NUM(A_UPSELL)], ac->num[NUM(A_CROSS_SELL)],
                             ac->num[NUM(A_CHURN)], ac->num[NUM(A_WEIGHT)], part);
}

/* Neumaier's step for a sum and an addend that are both >= 0. */
static inline void ksum_pos(double *sum, double *comp, double x)
{
    double s = *sum, t = s + x;
    *comp += s >= x ? (s - t) + x : (x - t) + s;
    *sum = t;
}

/* How many rows ahead add_to_ams() prefetches an AM's sums. */
#define AM_PREFETCH 32

/* The chunk's rows with an AM into their AMs' sums. The segments' totals
 * took them first: every value is finite and in range, and an AM's sums
 * stay below its segment's. The AMs come in any order, and their sums
 * (88 bytes each) are megabytes for a large roster, so each row's are
 * fetched some rows ahead: the misses overlap. */
static void add_to_ams(const acc_ctx *ac, am_sums *ams, size_t none)
{
    const double *w = ac->num[NUM(A_WEIGHT)], *arr = ac->num[NUM(A_ARR)],
                 *up = ac->num[NUM(A_UPSELL)], *xs = ac->num[NUM(A_CROSS_SELL)],
                 *ch = ac->num[NUM(A_CHURN)];
    for (size_t i = 0; i < ac->n; i++) {
#if defined(__GNUC__)
        if (i + AM_PREFETCH < ac->n && (size_t)ac->am[i + AM_PREFETCH] != none) {
            const char *p = (const char *)&ams[ac->am[i + AM_PREFETCH]];
            __builtin_prefetch(p, 1);
            __builtin_prefetch(p + sizeof *ams - 1, 1);
        }
#endif
        if ((size_t)ac->am[i] == none)
            continue;
        am_sums *a = &ams[ac->am[i]];
        a->accounts += 1;
        ksum_pos(&a->sum[AM_WEIGHT], &a->comp[AM_WEIGHT], w[i]);
        ksum_pos(&a->sum[AM_BOOK], &a->comp[AM_BOOK], arr[i]);
        ksum_pos(&a->sum[AM_UPSELL], &a->comp[AM_UPSELL], up[i]);
        ksum_pos(&a->sum[AM_CROSS_SELL], &a->comp[AM_CROSS_SELL], xs[i]);
        ksum_pos(&a->sum[AM_CHURN], &a->comp[AM_CHURN], ch[i]);
    }
}

/* The chunk into the segments' totals and, for the evaluation, the
 * support coverage's and the AMs' sums. Those hold the same rows or fewer,
 * so only the first call can refuse them; the messages serve both. */
static int flush_accounts(acc_ctx *ac)
{
    input *in = ac->in;
    const char *label = ac->t->label;
    amsize_error err;
    MUST(amsize_error_init(&err));
    if (ac->n == 0)
        return 0;
    amsize_status st = add_chunk(ac, &err, in->totals, in->nsegs, ac->segment, ac->covered);
    if (st == AMSIZE_OK && in->actual.csm)
        st = add_chunk(ac, &err, in->actual.csm, in->nsegs, ac->segment, ac->csm);

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
    if (in->actual.am)
        add_to_ams(ac, in->actual.am, in->roster.n);
    for (size_t i = 0; i < ac->n; i++)
        in->rows_per_seg[ac->segment[i]]++;
    in->account_rows += ac->n;
    ac->n = 0;
    return 0;
}

/* Runs once per account: each column by its constant index, with the
 * inline parsers, and no call through the table, into row ac->n of the
 * chunk. An empty service_weight takes the table's default in
 * parse_number(). 0, or an exit status after a message. */
static AMSIZE_ALWAYS_INLINE int acc_cells(acc_ctx *ac, csvtable *t, unsigned long line,
                                          char **c)
{
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
    return 0;
}

/* chart, pilot and plan: the row, and the chunk added when full. */
static int acc_row(csvtable *t, unsigned long line, char **c)
{
    acc_ctx *ac = t->ctx;
    int rc = acc_cells(ac, t, line, c);
    if (rc)
        return rc;
    if (++ac->n == INPUT_CHUNK_ROWS)
        return flush_accounts(ac);
    return 0;
}

/* An account's am_id that the roster lacks (j == roster.n), or whose AM
 * j is in another segment: row i of the chunk, read on line, with am_id
 * id; out of line, as is every message. The segment cell was the
 * segment's name exactly (input_find()), so the message shows that. */
static AMSIZE_NOINLINE int am_error(const acc_ctx *ac, const csvtable *t, unsigned long line,
                                    size_t i, const char *id_cell, size_t j)
{
    const roster *ro = &ac->in->roster;
    char id[ECHO_SIZE], seg[ECHO_SIZE], am_seg[ECHO_SIZE];
    echo(id, id_cell);
    if (j == ro->n) {
        csvtable_cell_error(t, line, A_AM,
                            ": AM %s is not in %s: add the AM there or fix the id (ids must "
                            "match exactly)",
                            id, msg_label(ro->path));
        return EXIT_DATAERR;
    }
    csvtable_cell_error(t, line, A_SEGMENT,
                        ": the account is in segment %s but its AM %s is in segment %s (%s "
                        "line %lu): an AM covers accounts of its own segment; fix one of them",
                        echo(seg, ac->in->names[ac->segment[i]]), id,
                        echo(am_seg, ac->in->names[ro->segment[j]]), msg_label(ro->path),
                        ro->line[j]);
    return EXIT_DATAERR;
}

/* Row i's AM: its am_id id (not empty), of length len and hash h, must
 * name one of the roster's AMs, of the row's segment. */
static int find_am(acc_ctx *ac, const csvtable *t, size_t i, const char *id, size_t len,
                   uint64_t h)
{
    const roster *ro = &ac->in->roster;
    int32_t seg = -1;
    size_t j = nameset_find_hashed(&ro->ids, id, len, h, &seg);
    if (j == NAMESET_NONE)
        return am_error(ac, t, ac->line[i], i, id, ro->n);
    if (seg != ac->segment[i])
        return am_error(ac, t, ac->line[i], i, id, j);
    ac->am[i] = (int32_t)j;
    return 0;
}

/* The pending row's AM (none pending: 0). */
static inline int settle_am(acc_ctx *ac, const csvtable *t)
{
    if (!ac->pending)
        return 0;
    ac->pending = 0;
    return find_am(ac, t, ac->n - 1, ac->pend_id, ac->pend_len, ac->pend_hash);
}

/* csvtable's settle hook: before it reports an error of its own, the
 * pending row's, which came first. */
static int settle_hook(csvtable *t)
{
    return settle_am(t->ctx, t);
}

/* An am_covered cell that says otherwise than the am_id. */
static AMSIZE_NOINLINE int covered_error(const csvtable *t, unsigned long line, char **c)
{
    char id[ECHO_SIZE], cell[ECHO_SIZE];
    echo(cell, c[A_COVERED]);
    if (*c[A_AM])
        csvtable_cell_error(t, line, A_COVERED,
                            ": %s says not AM-covered, but am_id is %s: make am_covered 1 "
                            "or empty the am_id",
                            cell, echo(id, c[A_AM]));
    else
        csvtable_cell_error(t, line, A_COVERED,
                            ": %s says AM-covered, but am_id is empty: give the AM's am_id "
                            "or make am_covered 0",
                            cell);
    return EXIT_DATAERR;
}

/* The evaluation's cells of the row acc_cells() just read: its AM, one of
 * the roster's and of the account's segment (an empty am_id: none), its
 * AM coverage (am_id given; a given am_covered must agree) and, when the
 * file has the column, its support coverage. The AM's lookup waits for
 * the next row (pending), so that the prefetch of its slot (eval_row())
 * has a row's work to arrive; a check of this row that fails looks it up
 * first, so that the messages come in the order of the checks. */
static int am_cells(acc_ctx *ac, const csvtable *t, unsigned long line, char **c, size_t len,
                    uint64_t h)
{
    const roster *ro = &ac->in->roster;
    const char *id = c[A_AM]; /* required: never NULL */
    const char *csm = c[A_CSM];
    size_t i = ac->n;
    int rc;
    uint8_t covered = *id != '\0';
    int sync = (c[A_COVERED] && *c[A_COVERED] && ac->covered[i] != covered) ||
               (csm && !((csm[0] == '0' || csm[0] == '1') && csm[1] == '\0'));
    if (!covered) {
        ac->am[i] = (int32_t)ro->n;
    } else if (sync) {
        if ((rc = find_am(ac, t, i, id, len, h)))
            return rc;
    } else {
        if (len >= ac->pend_cap) {
            ac->pend_cap = 2 * len + 16;
            free(ac->pend_id);
            ac->pend_id = xmalloc(ac->pend_cap);
        }
        memcpy(ac->pend_id, id, len + 1);
        ac->pend_len = len;
        ac->pend_hash = h;
        ac->pending = 1; /* row i, once n is i + 1 */
    }
    if (c[A_COVERED] && *c[A_COVERED] && ac->covered[i] != covered)
        return covered_error(t, line, c);
    ac->covered[i] = covered;
    if (csm && parse_flag(t, line, A_CSM, &ac->csm[i]) < 0)
        return EXIT_DATAERR;
    return 0;
}

/* The evaluation's sums: one per AM (the roster is read), and with
 * csm_covered (the header is read) the totals of each segment. */
static void actuals_init(input *in, const csvtable *t)
{
    in->actual.am = xcalloc_random(in->roster.n ? in->roster.n : 1, sizeof *in->actual.am);
    if (t->pos[A_CSM]) {
        in->actual.csm = xcalloc(in->nsegs, sizeof *in->actual.csm);
        MUST(amsize_totals_init(in->actual.csm, in->nsegs));
    }
}

/* evaluate: the row, its AM and coverage, and the chunk added when
 * full. */
static int eval_row(csvtable *t, unsigned long line, char **c)
{
    acc_ctx *ac = t->ctx;
    int rc;
    if (!ac->in->actual.am)
        actuals_init(ac->in, t);
    /* The previous row's AM, whose slot had this row's reading to
     * arrive. */
    if ((rc = settle_am(ac, t)))
        return rc;
    /* This row's AM's slot is a cache miss: start it now, and look the AM
     * up at the next row (am_cells()). */
    size_t len = 0;
    uint64_t h = 0;
    if (*c[A_AM]) {
        h = nameset_hash(c[A_AM], &len);
        nameset_prefetch(&ac->in->roster.ids, h);
    }
    rc = acc_cells(ac, t, line, c);
    if (rc == 0)
        rc = am_cells(ac, t, line, c, len, h);
    if (rc)
        return rc;
    if (++ac->n == INPUT_CHUNK_ROWS) {
        if ((rc = settle_am(ac, t)))
            return rc;
        return flush_accounts(ac);
    }
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
    csvtable_init(&t, acc_cols, A_NCOLS, AMSIZE_SCHEMA_ACCOUNT,
                  in->need_am ? eval_row : acc_row, ac);
    if (in->need_am)
        t.settle = settle_hook;
    t.need = (in->need_covered ? NEED_PILOT : 0) | (in->need_am ? NEED_EVALUATE : 0);
    t.hint = t.hint_mixed = in->need_am
                                ? " (the evaluation sums each AM's accounts: give each account "
                                  "the am_id of the AM who covered it, empty for none)"
                                : " (the pilot compares AM-covered with uncovered accounts: "
                                  "give each account 1 or 0)";
    rc = csvtable_read(&t, path);
    if (rc == 0)
        rc = settle_am(ac, &t);
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
    free(ac->pend_id);
    free(ac);
    return rc;
}
