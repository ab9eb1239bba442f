/* The amsize command's reports as columns over rows of cells: the sizing
 * chart, the pilot comparison, the plan's months and summary, and the
 * evaluation's segments, AMs and resized chart. The output formats
 * (format.h) write any report; the columns are tables in report.c, one
 * row each. */
#ifndef AMSIZE_TOOLS_REPORT_H
#define AMSIZE_TOOLS_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include <amsize.h>

#include "findings.h"
#include "input.h"

/* A month's label: "2026-11", or its number without --start. */
#define MONTH_LABEL_SIZE 24

typedef enum cell_kind {
    CELL_EMPTY,  /* undefined: empty csv cell, JSON null */
    CELL_STR,
    CELL_INT,
    CELL_NUM,    /* a NaN number is written as CELL_EMPTY */
    CELL_FLAGS,  /* AMSIZE_FLAG_* bits (or with am_flags AMSIZE_AM_*):
                    "A|B" in csv, a list in JSON */
    CELL_BOOL
} cell_kind;

typedef struct cell {
    cell_kind kind;
    const char *s;
    int64_t i;
    double d;
    uint32_t flags;
    int am_flags;                 /* flags are AMSIZE_AM_* bits */
    char label[MONTH_LABEL_SIZE]; /* s points here for a month's label */
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
    SRC_WHOLE,    /* a double that holds a whole number (the plan's
                     requisitions and starts): an integer cell */
    SRC_MONTH,    /* an int32_t plan month, 1 for the first, as its label
                     (report.start_*); 0, none within the horizon, empty */
    SRC_FLAGS,    /* uint32_t AMSIZE_FLAG_* bits */
    SRC_RATING,   /* an amsize_rating, as its name */
    SRC_BINDING,  /* an amsize_binding, as its name */
    SRC_ACCRETIVE, /* amsize_pilot.accretive: yes/no, empty without a delta */
    SRC_SEGMENT,  /* an int32_t segment index, as its name (seg_names) */
    SRC_AM_FLAGS, /* uint32_t AMSIZE_AM_* bits */
    SRC_EVAL_ACCRETIVE, /* amsize_segment_eval's accretive, as
                           SRC_ACCRETIVE: empty without a delta */
    SRC_CSM_ACCRETIVE   /* its csm_accretive, likewise */
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
#define REPORT_PARTS 4

/* The plan's inputs beyond the model, for the json format. */
typedef struct plan_info {
    int horizon;
    int start_year, start_month; /* month 1's label; 0: months as numbers */
    const input *in;             /* the staffing, roster and ramps */
} plan_info;

/* One segment's chart row recomputed at the observed productivity, for
 * the evaluation's "Resized chart" sheet: NaN (binding NONE) where the
 * productivity is undefined or not above 0. */
typedef struct resized_row {
    double fte_demand, hc_demand, hc_floor, hc_ceiling, headcount, cost;
    int32_t binding;
    int32_t reserved;
} resized_row;

typedef struct report report;

/* The evaluation's inputs and extras beyond its tables. */
typedef struct eval_info {
    double below_plan;
    int csm_given;             /* ACCOUNTS.csv has csm_covered */
    const findings *findings;  /* json: "findings" */
    const report *resized;     /* xlsx: the "Resized chart" sheet */
} eval_info;

struct report {
    const column *cols;
    size_t ncols;
    size_t nrows;         /* the total row included */
    int has_total;        /* the last row is the TOTAL row */
    char *const *names;
    size_t rows_per_name; /* 0 or 1: row i is names[i]; else names[i /
                             rows_per_name] (the plan's months, segment by
                             segment) */
    const void *part[REPORT_PARTS];
    size_t part_size[REPORT_PARTS];
    const void *total[REPORT_PARTS];
    const amsize_model *model;
    /* The plan's: */
    const char *key;      /* json: the rows' key; NULL: "segments" */
    int total_listed;     /* json: the TOTAL row ends the list instead of
                             being "total" */
    const char *sheet;    /* xlsx: the sheet's name */
    int start_year, start_month; /* SRC_MONTH labels, as plan_info's */
    const report *next;   /* another table of the same output (the plan's
                             summary after its months) */
    const report *by_month; /* xlsx: the months' totals, written below the
                             rows and charted */
    const plan_info *plan;  /* json: the plan's inputs; NULL for chart and
                             pilot */
    /* The evaluation's: */
    char *const *seg_names; /* SRC_SEGMENT's names */
    const findings *findings; /* table, markdown: written after the rows */
    const eval_info *eval;  /* json, xlsx: the evaluation; NULL otherwise */
    int load_chart;         /* xlsx: chart load, min_load and max_load by
                               row */
};

/* The chart: one row per segment, then TOTAL. */
void chart_report(report *r, const input *in, const amsize_chart_row *rows,
                  const amsize_chart_row *total, const amsize_model *model);

/* The pilot: one row per segment (no TOTAL: churn attribution differs by
 * segment, so the segments' comparisons do not add up). covered and
 * uncovered are the segments' two parts, from the totals. */
void pilot_report(report *r, const input *in, const amsize_pilot *pilots,
                  const amsize_segment *covered, const amsize_segment *uncovered,
                  const amsize_model *model);

/* The plan: its months, segment by segment (months: nsegs blocks of
 * info->horizon rows), with its summary (summaries: one per segment, then
 * the TOTAL) as next; by_month, the months' totals (total: horizon rows),
 * is months->by_month. */
void plan_reports(report *months, report *by_month, report *summary, const input *in,
                  const amsize_plan_month *rows, const amsize_plan_month *total,
                  const amsize_plan_summary *summaries, const amsize_model *model,
                  const plan_info *info);

/* The evaluation: the segments (evals: one per segment; their csm_
 * columns only with info->csm_given) with the AMs' table as next (ams and
 * am_evals: one per roster AM, in its order), and the resized chart
 * (chart: the segments' chart rows, resized: those rows again at the
 * observed productivity) as info->resized. */
void evaluate_reports(report *segments, report *am_table, report *resized_chart,
                      const input *in, const amsize_segment_eval *evals, const amsize_am *ams,
                      const amsize_am_eval *am_evals, const amsize_chart_row *chart,
                      const resized_row *resized, const amsize_model *model,
                      const eval_info *info);

/* The label of plan month t (1 for the first): "YYYY-MM" counted from
 * year and month, or t itself when year is 0. Returns buf. */
const char *month_label(char *buf, size_t size, int year, int month, int32_t t);

/* Cell (row, col) of a report; a NaN number comes back as CELL_EMPTY. */
void report_cell(const report *r, size_t row, size_t col, cell *out);

/* The names of the flag bits of a CELL_FLAGS cell (AMSIZE_FLAG_* or
 * AMSIZE_AM_*), each between quote and quote, separated by sep ("" when
 * none): buf, which needs FLAGS_TEXT_SIZE bytes. */
#define FLAGS_TEXT_SIZE 256
const char *flags_text(char *buf, const cell *c, const char *sep, const char *quote);

#endif
