/* A CSV file held whole, one array per column (see csvrows.h). */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csvcell.h"
#include "csvrows.h"
#include "explain.h"
#include "msg.h"
#include "xalloc.h"

/* Room for one more row in every column. */
static void grow(csvrows *r)
{
    if (r->n < r->cap)
        return;
    r->cap = r->cap ? 2 * r->cap : 64;
    r->line = xrealloc(r->line, r->cap * sizeof *r->line);
    for (size_t k = 0; k < r->t.ncols; k++) {
        if (r->t.cols[k].parse == PARSE_TEXT)
            r->text[k] = xrealloc(r->text[k], r->cap * sizeof *r->text[k]);
        else
            r->num[k] = xrealloc(r->num[k], r->cap * sizeof *r->num[k]);
    }
}

/* Cell k of the record on line into *v: 0, or -EXIT_DATAERR after a
 * message. A library field's given value must pass the field table's
 * check (amsize_field_check()). */
static int value(csvrows *r, unsigned long line, size_t k, double *v)
{
    const incol *c = &r->t.cols[k];
    uint8_t flag;
    int rc;
    *v = NAN;
    switch (c->parse) {
    case PARSE_WHOLE: rc = parse_whole(&r->t, line, k, v); break;
    case PARSE_FLAG:
        rc = parse_flag(&r->t, line, k, &flag);
        *v = flag;
        break;
    default: rc = parse_number(&r->t, line, k, v); break;
    }
    if (rc != 0 || !c->field)
        return rc < 0 ? rc : 0;
    amsize_error err;
    MUST(amsize_error_init(&err));
    if (amsize_field_check(&err, c->schema, c->field, *v, (int64_t)r->n) != AMSIZE_OK) {
        explain_cell_error(&r->t, line, k, *v, &err);
        return -EXIT_DATAERR;
    }
    return 0;
}

/* The record's text cells first, then the schema's check of them (in
 * the tables the text columns come first, so that messages follow the
 * cells' order), then its values. */
static int on_row(csvtable *t, unsigned long line, char **cells)
{
    csvrows *r = t->ctx;
    size_t i = r->n;
    int rc = 0;
    grow(r);
    for (size_t k = 0; k < t->ncols; k++)
        if (t->cols[k].parse == PARSE_TEXT)
            r->text[k][i] = xstrdup(cells[k] ? cells[k] : "");
    r->line[i] = line;
    if (r->check)
        rc = r->check(r, i);
    for (size_t k = 0; k < t->ncols && rc == 0; k++)
        if (t->cols[k].parse != PARSE_TEXT)
            rc = -value(r, line, k, &r->num[k][i]);
    if (rc) {
        /* The row is not kept. */
        for (size_t k = 0; k < t->ncols; k++)
            if (t->cols[k].parse == PARSE_TEXT)
                free(r->text[k][i]);
        return rc;
    }
    r->n++;
    return 0;
}

void csvrows_init(csvrows *r, const column_def *defs, size_t n, int32_t schema,
                  csvrows_fn check, void *ctx)
{
    memset(r, 0, sizeof *r);
    csvtable_init(&r->t, defs, n, schema, on_row, r);
    r->text = xcalloc(n, sizeof *r->text);
    r->num = xcalloc(n, sizeof *r->num);
    r->check = check;
    r->ctx = ctx;
}

int csvrows_read(csvrows *r, const char *path)
{
    return csvtable_read(&r->t, path);
}

void csvrows_free(csvrows *r)
{
    for (size_t k = 0; k < r->t.ncols; k++) {
        if (r->text && r->text[k])
            for (size_t i = 0; i < r->n; i++)
                free(r->text[k][i]);
        if (r->text)
            free(r->text[k]);
        if (r->num)
            free(r->num[k]);
    }
    free(r->text);
    free(r->num);
    free(r->line);
    csvtable_free(&r->t);
    memset(r, 0, sizeof *r);
}

size_t csvrows_field(const csvrows *r, int32_t field)
{
    for (size_t k = 0; k < r->t.ncols; k++)
        if (field && r->t.cols[k].field == field)
            return k;
    return (size_t)-1;
}

size_t csvrows_named(const csvrows *r, const char *name)
{
    for (size_t k = 0; k < r->t.ncols; k++)
        if (strcmp(r->t.cols[k].name, name) == 0)
            return k;
    return (size_t)-1;
}
