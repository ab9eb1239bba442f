/* The amsize command's inputs: SEGMENTS.csv and ACCOUNTS.csv into
 * amsize_segment[] and per-segment amsize_totals.
 *
 * Every function prints its own messages (FILE:LINE, column, value, what
 * to fix) and returns 0 or an exit status (util.h). */
#ifndef AMSIZE_TOOLS_INPUT_H
#define AMSIZE_TOOLS_INPUT_H

#include <stdint.h>

#include <amsize.h>

/* Rows buffered before each amsize_totals_add() call. */
#define INPUT_CHUNK_ROWS 4096

typedef struct input {
    const char *seg_path;     /* as given; "-" is standard input */
    const char *acc_path;     /* NULL without --accounts */
    size_t nsegs;
    amsize_segment *segs;
    char **names;
    unsigned long *lines;     /* line of each segment in SEGMENTS.csv */
    amsize_totals *totals;    /* with --accounts: one per segment */
    uint64_t *rows_per_seg;   /* account rows read per segment */
    uint64_t account_rows;
    /* name -> segment index: open addressing, SIZE_MAX = empty */
    size_t *index;
    size_t index_cap;
    /* Field number (1 for the first) of each known SEGMENTS.csv column, 0
     * when absent: library errors point at the cell when there is one. */
    size_t *seg_pos;
    int verbose;
    int need_covered;         /* pilot: ACCOUNTS.csv must have am_covered */
} input;

void input_init(input *in);
void input_free(input *in);

/* with_accounts: aggregate columns are ignored with a warning, since the
 * accounts file supplies them; without it they are required (all but
 * weighted_accounts). */
int input_read_segments(input *in, const char *path, int with_accounts);
/* Needs the segments read first; fills totals and the segments' aggregate
 * fields (amsize_totals_segment, all accounts). */
int input_read_accounts(input *in, const char *path);

/* Index of a segment name, or -1. */
long input_find(const input *in, const char *name);

/* "FILE:LINE" style label of a path for messages ("<stdin>" for "-"). */
const char *input_label(const char *path);

/* Explains a failed amsize_chart_compute() in terms of the input files. */
void input_report_chart_error(const input *in, const amsize_error *err,
                              const amsize_model *model);

#endif
