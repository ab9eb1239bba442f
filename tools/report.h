/* The amsize command's two reports as columns over rows of cells: the
 * sizing chart and the pilot comparison. The output formats (format.h)
 * write any report; the columns are tables in report.c, one row each. */
#ifndef AMSIZE_TOOLS_REPORT_H
#define AMSIZE_TOOLS_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include <amsize.h>

#include "input.h"

typedef enum cell_kind {
    CELL_EMPTY,  /* undefined: empty csv cell, JSON null */
    CELL_STR,
    CELL_INT,
    CELL_NUM,    /* a NaN number is written as CELL_EMPTY */
    CELL_FLAGS,  /* AMSIZE_FLAG_* bits: "A|B" in csv, a list in JSON */
    CELL_BOOL
} cell_kind;

typedef struct cell {
    cell_kind kind;
    const char *s;
    int64_t i;
    double d;
    uint32_t flags;
} cell;

/* How people read a column (table, markdown, xlsx formats). */
typedef enum unit {
    UNIT_TEXT,
    UNIT_COUNT,  /* thousands separators */
    UNIT_MONEY,  /* $12.5M in tables, #,##0 in xlsx */
    UNIT_PCT,    /* a fraction shown as 16.0% */
    UNIT_RATIO   /* two decimals */
} unit;

/* How a column's cell is read from a row's struct. */
typedef enum source {
    SRC_NAME,     /* the row's name: the segment, or TOTAL */
    SRC_DOUBLE,   /* a double */
    SRC_INT64,    /* an int64_t */
    SRC_INT32,    /* an int32_t */
    SRC_FLAGS,    /* uint32_t AMSIZE_FLAG_* bits */
    SRC_RATING,   /* an amsize_rating, as its name */
    SRC_BINDING,  /* an amsize_binding, as its name */
    SRC_ACCRETIVE /* amsize_pilot.accretive: yes/no, empty without a delta */
} source;

/* One column of a report. */
typedef struct column {
    const char *name;   /* csv/json key */
    const char *title;  /* table and markdown heading */
    unit unit;
    int in_table;       /* shown in table and markdown */
    source src;
    int part;           /* which of the row's structs holds the value */
    size_t offset;      /* where in that struct */
    int segments_only;  /* empty on the TOTAL row */
} column;

/* A report's rows: row i is names[i] and, for each part p, the struct at
 * part[p] + i * part_size[p]; the TOTAL row, when there is one, is the
 * last row, "TOTAL" and the structs total[p]. */
#define REPORT_PARTS 3

typedef struct report {
    const column *cols;
    size_t ncols;
    size_t nrows;         /* the total row included */
    int has_total;        /* the last row is the TOTAL row */
    char *const *names;
    const void *part[REPORT_PARTS];
    size_t part_size[REPORT_PARTS];
    const void *total[REPORT_PARTS];
    const amsize_model *model;
} report;

/* The chart: one row per segment, then TOTAL. */
void chart_report(report *r, const input *in, const amsize_chart_row *rows,
                  const amsize_chart_row *total, const amsize_model *model);

/* The pilot: one row per segment (no TOTAL: churn attribution differs by
 * segment, so the segments' comparisons do not add up). covered and
 * uncovered are the segments' two parts, from the totals. */
void pilot_report(report *r, const input *in, const amsize_pilot *pilots,
                  const amsize_segment *covered, const amsize_segment *uncovered,
                  const amsize_model *model);

/* Cell (row, col) of a report; a NaN number comes back as CELL_EMPTY. */
void report_cell(const report *r, size_t row, size_t col, cell *out);

/* The names of the AMSIZE_FLAG_* bits in flags, each between quote and
 * quote, separated by sep ("" when none): buf, which needs
 * FLAGS_TEXT_SIZE bytes. */
#define FLAGS_TEXT_SIZE 256
const char *flags_text(char *buf, uint32_t flags, const char *sep, const char *quote);

#endif
