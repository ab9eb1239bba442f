/* A CSV file held whole: every record read through a column table
 * (csvtable.h) and kept, one array per column, for the small files whose
 * checks span rows (AMS.csv, RAMP.csv). A text column keeps its cells as
 * strings; any other its values, an empty cell standing for the column's
 * default, or NaN when it has none. A library field's value is checked
 * against the field table as it is read, so a new column is a row of the
 * schema's table and nothing here. */
#ifndef AMSIZE_TOOLS_CSVROWS_H
#define AMSIZE_TOOLS_CSVROWS_H

#include <stddef.h>
#include <stdint.h>

#include "csvtable.h"

typedef struct csvrows csvrows;
/* Called once per record, as row i, once its text cells are stored and
 * before its values are read (the text columns come first in a table, so
 * messages follow the cells' order): 0 to go on, or an exit status to
 * stop, after a message. */
typedef int (*csvrows_fn)(csvrows *r, size_t i);

struct csvrows {
    csvtable t;           /* t.cols, t.pos and t.label stay valid until
                             csvrows_free() */
    size_t n;             /* rows */
    unsigned long *line;  /* line of row i */
    char ***text;         /* text[k][i] for a PARSE_TEXT column, else NULL */
    double **num;         /* num[k][i] for any other column, else NULL */
    csvrows_fn check;
    void *ctx;
    size_t cap;
};

/* Sets r up for the n columns defs of schema; check (or NULL) and ctx as
 * for the records. The caller may then set r->t.need and the hints. */
void csvrows_init(csvrows *r, const column_def *defs, size_t n, int32_t schema,
                  csvrows_fn check, void *ctx);
/* Reads the whole file ("-": standard input): 0 or an exit status, with a
 * message. */
int csvrows_read(csvrows *r, const char *path);
void csvrows_free(csvrows *r);

/* The column of a library field, or of a command's own column by name;
 * (size_t)-1 when the table has none. */
size_t csvrows_field(const csvrows *r, int32_t field);
size_t csvrows_named(const csvrows *r, const char *name);

#endif
