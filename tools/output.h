/* The amsize command's output: a report (columns and rows of cells) written
 * as csv, json, markdown or an aligned table. */
#ifndef AMSIZE_TOOLS_OUTPUT_H
#define AMSIZE_TOOLS_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include <amsize.h>

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

typedef struct column {
    const char *name;   /* csv/json key */
    const char *title;  /* table and markdown heading */
    unit unit;
    int in_table;       /* shown in table and markdown */
} column;

typedef struct report report;
struct report {
    const column *cols;
    size_t ncols;
    size_t nrows;         /* the total row included */
    int has_total;        /* the last row is the TOTAL row */
    void (*get)(const report *r, size_t row, size_t col, cell *out);
    const void *data;
    const amsize_model *model;
};

/* Cell (row, col) of a report; a NaN number comes back as CELL_EMPTY. */
void report_cell(const report *r, size_t row, size_t col, cell *out);

typedef enum format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON, FORMAT_MARKDOWN,
                      FORMAT_XLSX } format;

void write_csv(FILE *fp, const report *r);
void write_json(FILE *fp, const report *r);
void write_markdown(FILE *fp, const report *r);
void write_table(FILE *fp, const report *r);

/* str as valid UTF-8, a new string (free it): each byte that does not
 * start a valid sequence (Latin-1 text, a stray 0xFF) becomes U+FFFD, and
 * with xml also each character XML 1.0 cannot hold (control characters
 * other than tab, LF and CR; U+FFFE, U+FFFF). Every string the JSON and
 * xlsx writers put out goes through it, so neither writes a malformed
 * file. */
char *text_clean(const char *str, int xml);

/* Human text of a cell ("$12.5M", "16.0%", "20,000", "-" when empty). */
void cell_human(char *buf, size_t size, const cell *c, unit u);

#endif
