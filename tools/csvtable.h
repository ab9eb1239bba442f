/* A CSV file read through a column table, one row per column: its name,
 * when it is required, the library field it holds and how its cells are
 * parsed. A column that is a library field takes its name, requirement,
 * type, bounds and default from the library's field table (schema.h); the
 * schema (segments.c, accounts.c) writes only the field's id.
 *
 * The header is matched to the table (case-insensitive, trimmed); then each
 * record reaches the schema's row function as cells in the table's order,
 * trimmed, NULL where the file lacks the column. Every message names the
 * file, line, field number and column. */
#ifndef AMSIZE_TOOLS_CSVTABLE_H
#define AMSIZE_TOOLS_CSVTABLE_H

#include <stddef.h>
#include <stdint.h>

#include <amsize.h>

#include "compiler.h"

/* When a column must be in the header: always, or only in some uses of
 * the file (csvtable.need says which apply). */
enum {
    NEED_ALWAYS = 1,    /* the library's AMSIZE_FIELDINFO_REQUIRED */
    NEED_AGGREGATE = 2, /* without an accounts file to sum: a FROM_TOTALS
                           field whose default is not derived */
    NEED_PILOT = 4,     /* for the pilot */
    NEED_EVALUATE = 8   /* for the evaluation */
};

/* How a column's cells are read. */
typedef enum parser {
    PARSE_BY_TYPE, /* a library field, by its type: */
    PARSE_NUMBER,  /*   double: a plain decimal number */
    PARSE_WHOLE,   /*   int32, int64: a whole number within the bounds */
    PARSE_FLAG,    /*   uint8: 1/0, true/false, yes/no */
    PARSE_TEXT     /* the cell as it is, for the schema's row function */
} parser;

/* One column as a schema writes it. */
typedef struct column_def {
    const char *name; /* NULL for a library field: the table's name */
    int32_t field;    /* amsize_field; 0 for the command's own columns */
    unsigned need;    /* NEED_* bits beyond those the library's flags imply */
    parser parse;
    int32_t schema;   /* the field's amsize_schema; 0: the file's */
    double lo, hi;    /* PARSE_WHOLE of the command's own: the bounds */
} column_def;

/* A library field's column, in a schema's table. */
#define COLUMN_FIELD(id, need) {NULL, AMSIZE_FIELD_##id, need, PARSE_BY_TYPE, 0, 0, 0}
/* A field of another schema than the file's, such as SEGMENTS.csv's
 * staffing columns (AMSIZE_SCHEMA_STAFFING, beside the segment's). */
#define COLUMN_FIELD_OF(schema, id, need) \
    {NULL, AMSIZE_FIELD_##id, need, PARSE_BY_TYPE, AMSIZE_SCHEMA_##schema, 0, 0}
/* A column of the command's own, read as text by the row function. */
#define COLUMN_TEXT(name, need) {name, 0, need, PARSE_TEXT, 0, 0, 0}
/* A 0/1 flag of the command's own, empty meaning 0 (ACCOUNTS.csv's
 * csm_covered). */
#define COLUMN_FLAG(name, need) {name, 0, need, PARSE_FLAG, 0, 0, 1}
/* A whole number of the command's own, from lo to hi (RAMP.csv's month). */
#define COLUMN_WHOLE(name, need, lo, hi) {name, 0, need, PARSE_WHOLE, 0, lo, hi}

/* A column ready to read: the def completed from the library's table. */
typedef struct incol {
    const char *name;
    int32_t field;
    int32_t schema;         /* the field's amsize_schema, when field != 0 */
    unsigned need;          /* the def's bits and those the flags imply */
    parser parse;           /* never PARSE_BY_TYPE */
    double lo, hi;          /* PARSE_WHOLE: the bounds */
    int has_default;        /* an empty cell stands for default_value */
    double default_value;
    amsize_field_info info; /* when field != 0 */
} incol;

typedef struct csvtable csvtable;
/* Called once per record; 0 to go on, or an exit status to stop. */
typedef int (*row_fn)(csvtable *t, unsigned long line, char **cells);

struct csvtable {
    const char *label;   /* the file for messages */
    incol *cols;
    size_t ncols;
    unsigned need;       /* the NEED_* bits that apply to this read */
    /* Appended to the missing-column error when columns required only by
     * this use are missing: all of them (hint) or some (hint_mixed). */
    const char *hint, *hint_mixed;
    size_t *pos;         /* column -> its field number in the file (1 for the
                            first), 0 when the file lacks it */
    char **cells;        /* the record's cells, in the table's order */
    row_fn row;
    void *ctx;
    /* NULL, or called before the reader reports an error of its own (a
     * record's field count, the CSV syntax, a read error): a row function
     * that defers a check of a row to a later call (accounts.c's AM
     * lookup) makes it now, so that its message, which came first, is
     * the one printed: nonzero is its exit status, after its message, and
     * the reader's own error is not reported. */
    int (*settle)(csvtable *t);
    /* The reader's own: */
    int *map;            /* file field -> column, -1 when unknown */
    size_t nfile;
    int identity;        /* the file's fields are the table's first nfile
                            columns in their order: map[j] == j for every
                            j (the columns after them are absent) */
    int header_done;
    unsigned long rows;
    int empty_ok;        /* a header with no rows is a file of nothing, not
                            an error (set by the caller) */
};

/* Sets t up for n columns defs of schema (an amsize_schema), reading with
 * row and ctx; the caller then sets need and the hints. */
void csvtable_init(csvtable *t, const column_def *defs, size_t n, int32_t schema, row_fn row,
                   void *ctx);
/* Reads a whole file ("-": standard input) through the table: 0 or an exit
 * status, with a message. */
int csvtable_read(csvtable *t, const char *path);
void csvtable_free(csvtable *t);

/* Column k must be in the header for this read. */
int csvtable_required(const csvtable *t, size_t k);

/* An error about column k of the record on line: "FILE:LINE:COL: column
 * 'NAME'" and then fmt, COL being the cell's field number (1 for the
 * first), so that a spreadsheet user can find the cell. */
void csvtable_cell_error(const csvtable *t, unsigned long line, size_t k, const char *fmt, ...)
    AMSIZE_PRINTF(4, 5);

#endif
