/* The amsize command's inputs: SEGMENTS.csv and ACCOUNTS.csv read into
 * amsize_segment[] and per-segment amsize_totals, and for the plan
 * amsize_staffing[], AMS.csv and RAMP.csv.
 *
 * The readers print their own messages (FILE:LINE:COL, column, value, what
 * to fix) and return 0 or an exit status (msg.h). */
#ifndef AMSIZE_TOOLS_INPUT_H
#define AMSIZE_TOOLS_INPUT_H

#include <stddef.h>
#include <stdint.h>

#include <amsize.h>

#include "nameset.h"

/* Rows buffered before each amsize_totals_add() call. */
#define INPUT_CHUNK_ROWS 4096

/* The roster (AMS.csv): each segment's AMs, the cohorts of
 * amsize_plan_compute() and the AMs of the evaluation. AM j is the j-th
 * in that grouped order. */
typedef struct roster {
    const char *path;       /* NULL without --ams */
    size_t n;               /* AMs */
    size_t *first;          /* segment s's AMs are first[s] to first[s+1]-1,
                               in file order (nsegs + 1 entries) */
    double *fte;            /* by AM */
    int32_t *tenure;        /* AMSIZE_TENURE_RAMPED when not given */
    double *target;         /* NaN when not given (derived) */
    int32_t *segment;       /* by AM: its segment */
    char **id;              /* by AM: its am_id (held by ids) */
    unsigned long *line;
    nameset ids;            /* am_id -> its AM, tagged with the AM's
                               segment */
    size_t fte_pos, tenure_pos, target_pos; /* their field numbers in
                                               AMS.csv, 0 when absent */
} roster;

/* One AM's accounts summed, each sum compensated (Neumaier) as
 * amsize_totals' are. Not an amsize_totals: the library adds a chunk
 * into more than a few accumulators by checking every row again, which
 * the segments' totals have already done for these rows, and which made
 * the evaluation of 5,000 AMs 3 times as slow as the chart. */
enum { AM_WEIGHT, AM_BOOK, AM_UPSELL, AM_CROSS_SELL, AM_CHURN, AM_SUMS };
typedef struct am_sums {
    double accounts;                   /* a count, exact below 2^53 */
    double sum[AM_SUMS], comp[AM_SUMS]; /* value: sum + comp */
} am_sums;

/* The evaluation's sums of ACCOUNTS.csv beyond the segments' (which
 * split by AM coverage: am_covered is 1 when am_id is not empty). */
typedef struct actuals {
    am_sums *am;            /* by AM (roster.n) */
    amsize_totals *csm;     /* by segment, split by csm_covered; NULL
                               without that column */
} actuals;

/* The plan's ramp curves (RAMP.csv). */
typedef struct ramps {
    const char *path;       /* NULL without --ramp */
    size_t *first;          /* segment s's curve is share[first[s]] (tenure
                               month 0) to share[first[s+1]-1]; none: its
                               ramp_months curve (nsegs + 1 entries) */
    double *share;
    unsigned long *line;    /* the line of each month */
    size_t share_pos;       /* the share column's field number */
} ramps;

typedef struct input {
    const char *seg_path;     /* as given; "-" is standard input */
    const char *acc_path;     /* NULL without --accounts */
    size_t nsegs;
    amsize_segment *segs;
    amsize_staffing *staff;   /* the plan's staffing columns, by segment */
    char **names;
    unsigned long *lines;     /* line of each segment in SEGMENTS.csv */
    amsize_totals *totals;    /* with --accounts: one per segment */
    uint64_t *rows_per_seg;   /* account rows read per segment */
    uint64_t account_rows;
    size_t cap;               /* room in segs, names and lines */
    /* name -> segment index: open addressing, SIZE_MAX = empty */
    size_t *index;
    size_t index_cap;
    /* Field number (1 for the first) of each SEGMENTS.csv column, by its
     * row in segments.c, 0 when absent: see input_segment_cell(). */
    size_t *seg_pos;
    int verbose;
    int need_covered;         /* pilot: ACCOUNTS.csv must have am_covered */
    int need_staffing;        /* plan: read the staffing columns, which chart
                                 and pilot ignore */
    int need_am;              /* evaluate: ACCOUNTS.csv must have am_id, each
                                 one of the roster's AMs */
    roster roster;            /* plan, with --ams; evaluate */
    actuals actual;           /* evaluate */
    ramps ramp;               /* plan, with --ramp */
} input;

/* input.c: the segments as read, and their names' index. */
void input_init(input *in);
void input_free(input *in);
/* Appends seg and its staffing staff, named name (copied), from line of
 * SEGMENTS.csv. */
void input_add(input *in, const amsize_segment *seg, const amsize_staffing *staff,
               const char *name, unsigned long line);
/* The index slot of a segment name: the segment's index, or SIZE_MAX
 * where the name would go. Needs the index (index_cap > 0). */
size_t *input_slot(const input *in, const char *name);
/* Index of a segment name, or -1. Inline: the accounts reader looks up
 * every row's segment. */
static inline long input_find(const input *in, const char *name)
{
    if (!in->index_cap)
        return -1;
    size_t s = *input_slot(in, name);
    return s == SIZE_MAX ? -1 : (long)s;
}

/* The segment named in cell k of a row of t (a file that names segments:
 * AMS.csv, RAMP.csv): its index, or -1 after an error at that cell (empty,
 * or not in SEGMENTS.csv). what names a row of the file ("AM", "month"). */
struct csvtable;
long input_segment_named(const input *in, const struct csvtable *t, unsigned long line, size_t k,
                        const char *name, const char *what);

/* segments.c: SEGMENTS.csv. with_accounts: the aggregate columns are
 * ignored with a warning, since the accounts file supplies them; without
 * it they are required (all but weighted_accounts). The staffing columns
 * are read only with need_staffing (else the defaults stay). */
int input_read_segments(input *in, const char *path, int with_accounts);
/* The field number (1 for the first) of the SEGMENTS.csv column that holds
 * a library field, 0 when the file has no such column. */
size_t input_segment_cell(const input *in, int32_t field);

/* accounts.c: ACCOUNTS.csv. Needs the segments read first; fills totals
 * and the segments' aggregate fields (amsize_totals_segment, all
 * accounts). With need_am it needs the roster too: each account's am_id
 * names one of its AMs, of the account's segment, and the accounts are
 * also summed by AM and by support coverage (actual). */
int input_read_accounts(input *in, const char *path);

/* roster.c: AMS.csv, the roster: am_id (unique), segment (from
 * SEGMENTS.csv) and the library's roster columns (fte, tenure_months,
 * target). Needs the segments. */
int input_read_roster(input *in, const char *path);
/* The roster's AMs (roster.n of them, in its order) as amsize_am_evaluate()
 * takes them: segment, fte and target from AMS.csv, and the sums of their
 * accounts (actual.am, after input_read_accounts() with need_am). */
void input_ams(amsize_am *ams, const input *in);

/* ramp.c: RAMP.csv, the plan's ramp curves: segment, month (0, 1, ...
 * with none missing or repeated, in any row order) and share. Needs the
 * segments. */
int input_read_ramps(input *in, const char *path);

#endif
