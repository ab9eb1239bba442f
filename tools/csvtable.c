/* A CSV file read through a column table (see csvtable.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvin.h"
#include "csvtable.h"
#include "msg.h"
#include "text.h"
#include "xalloc.h"

/* The largest whole number a field's C type holds, at most 2^53: a double
 * holds every whole number up to there exactly. */
static double type_max(int32_t type)
{
    switch (type) {
    case AMSIZE_TYPE_INT32: return INT32_MAX;
    case AMSIZE_TYPE_UINT8: return UINT8_MAX;
    default: return (double)AMSIZE_HEADCOUNT_MAX;
    }
}

/* Column def completed from the library's table: what its flags say about
 * its requirement, its parser by type, the bounds of a whole number (the
 * whole numbers inside the field's range that its type holds) and the
 * default an empty cell stands for. */
static void resolve(incol *c, const column_def *d, int32_t schema)
{
    memset(c, 0, sizeof *c);
    c->name = d->name;
    c->field = d->field;
    c->need = d->need;
    c->parse = d->parse;
    c->lo = d->lo;
    c->hi = d->hi;
    if (!d->field)
        return;
    c->schema = d->schema ? d->schema : schema;
    MUST(amsize_field_info_init(&c->info));
    MUST(amsize_schema_find(&c->info, c->schema, d->field));
    const amsize_field_info *f = &c->info;
    if (!c->name)
        c->name = f->name;
    if (f->flags & AMSIZE_FIELDINFO_REQUIRED)
        c->need |= NEED_ALWAYS;
    if ((f->flags & AMSIZE_FIELDINFO_FROM_TOTALS) && !(f->flags & AMSIZE_FIELDINFO_PRESENCE))
        c->need |= NEED_AGGREGATE;
    if (c->parse == PARSE_BY_TYPE)
        c->parse = f->type == AMSIZE_TYPE_DOUBLE  ? PARSE_NUMBER
                   : f->type == AMSIZE_TYPE_UINT8 ? PARSE_FLAG
                                                  : PARSE_WHOLE;
    c->lo = f->flags & AMSIZE_FIELDINFO_MIN_OPEN ? floor(f->min) + 1 : ceil(f->min);
    c->hi = fmin(f->flags & AMSIZE_FIELDINFO_MAX_OPEN ? ceil(f->max) - 1 : floor(f->max),
                 type_max(f->type));
    if (f->defaults) {
        c->has_default = 1;
        c->default_value = f->defaults[0];
    }
}

void csvtable_init(csvtable *t, const column_def *defs, size_t n, int32_t schema, row_fn row,
                   void *ctx)
{
    memset(t, 0, sizeof *t);
    t->cols = xcalloc(n, sizeof *t->cols);
    t->ncols = n;
    for (size_t k = 0; k < n; k++)
        resolve(&t->cols[k], &defs[k], schema);
    t->row = row;
    t->ctx = ctx;
}

void csvtable_free(csvtable *t)
{
    free(t->cols);
    free(t->map);
    free(t->pos);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

int csvtable_required(const csvtable *t, size_t k)
{
    return (t->cols[k].need & (t->need | NEED_ALWAYS)) != 0;
}

static int read_header(csvtable *t, const csvin_record *rec)
{
    namelist unknown = {0}, missing = {0};
    int rc = 0;
    t->header_done = 1;
    t->nfile = rec->nfields;
    t->map = xcalloc(rec->nfields, sizeof *t->map);
    for (size_t j = 0; j < rec->nfields; j++) {
        const char *name = trim(rec->fields[j]);
        t->map[j] = -1;
        for (size_t k = 0; k < t->ncols; k++) {
            if (ascii_casecmp(name, t->cols[k].name) != 0)
                continue;
            if (t->pos[k]) {
                msg_error("%s:%lu:%zu: column '%s' appears twice in the header: keep one of "
                          "them",
                          t->label, rec->line, j + 1, t->cols[k].name);
                list_free(&unknown);
                return EXIT_DATAERR;
            }
            t->pos[k] = j + 1;
            t->map[j] = (int)k;
        }
        if (t->map[j] < 0)
            list_add(&unknown, name);
    }
    /* A table may end in columns that most files lack (ACCOUNTS.csv's
     * am_id and csm_covered): a file with the columns before them, in
     * order, still takes the identity path. */
    t->identity = rec->nfields <= t->ncols;
    for (size_t j = 0; j < rec->nfields && t->identity; j++)
        t->identity = t->map[j] == (int)j;
    size_t by_use = 0;
    for (size_t k = 0; k < t->ncols; k++)
        if (csvtable_required(t, k) && !t->pos[k]) {
            list_add(&missing, t->cols[k].name);
            by_use += !(t->cols[k].need & NEED_ALWAYS);
        }
    if (missing.shown) {
        const char *hint = !by_use ? ""
                           : by_use == missing.shown + missing.more ? t->hint
                                                                    : t->hint_mixed;
        msg_error("%s:%lu: missing required column(s) %s: add them to the header line%s",
                  t->label, rec->line, list_text(&missing), hint ? hint : "");
        rc = EXIT_DATAERR;
    } else if (unknown.shown) {
        msg_warn("%s:%lu: ignoring unknown column(s) %s", t->label, rec->line,
                 list_text(&unknown));
    }
    list_free(&unknown);
    list_free(&missing);
    return rc;
}

static int on_record(void *p, const csvin_record *rec)
{
    csvtable *t = p;
    if (!t->header_done)
        return read_header(t, rec);
    if (rec->nfields != t->nfile) {
        int rc;
        if (t->settle && (rc = t->settle(t)))
            return rc;
        msg_error("%s:%lu: the record has %zu field(s) but the header has %zu: check for a "
                  "missing or extra comma, and quote values that contain commas",
                  t->label, rec->line, rec->nfields, t->nfile);
        return EXIT_DATAERR;
    }
    if (t->identity && rec->trimmed && t->nfile < t->ncols) {
        /* The first cells, in order and trimmed; the absent columns'
         * cells stay NULL from xcalloc(). */
        memcpy(t->cells, rec->fields, t->nfile * sizeof *t->cells);
        t->rows++;
        return t->row(t, rec->line, t->cells);
    }
    if (t->identity && rec->trimmed) {
        /* The fields are the cells already, in order and trimmed: lend
         * them to the row for the call instead of copying each pointer.
         * The row reads cells only during the call, through t->cells. */
        char **own = t->cells;
        t->cells = rec->fields;
        t->rows++;
        int rc = t->row(t, rec->line, t->cells);
        t->cells = own;
        return rc;
    }
    /* The cells of columns the file lacks stay NULL from xcalloc(); the
     * others are set here for every record. Locals, because the trimming
     * stores could otherwise alias the arrays and force reloads. */
    const int *map = t->map;
    char **cells = t->cells, **fields = rec->fields;
    const size_t *lens = rec->lens;
    size_t n = t->nfile;
    if (rec->trimmed) {
        /* The fast path trimmed every field already: a second walk of
         * each cell's ends would find nothing. */
        for (size_t j = 0; j < n; j++)
            if (map[j] >= 0)
                cells[map[j]] = fields[j];
    } else {
        for (size_t j = 0; j < n; j++)
            if (map[j] >= 0)
                cells[map[j]] = trim_len(fields[j], lens[j]);
    }
    t->rows++;
    return t->row(t, rec->line, t->cells);
}

/* The file through csvin, chunk by chunk, then the checks of the whole:
 * a header, and at least one row. */
int csvtable_read(csvtable *t, const char *path)
{
    static char chunk[64 * 1024];
    int fd = 0, rc = 0;
    csvin *cr;

    t->label = msg_label(path);
    t->pos = xcalloc(t->ncols, sizeof *t->pos);
    t->cells = xcalloc(t->ncols, sizeof *t->cells);
    if (strcmp(path, "-") != 0 && (fd = open(path, O_RDONLY)) < 0) {
        msg_error("cannot open %s: %s", path, strerror(errno));
        return EXIT_NOINPUT;
    }
    if (!(cr = csvin_new(on_record, t))) {
        msg_error("out of memory");
        exit(EXIT_SOFTWARE);
    }
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int err = errno;
            if (t->settle && (rc = t->settle(t)))
                break;
            msg_error("cannot read %s: %s", t->label, strerror(err));
            rc = EXIT_NOINPUT;
            break;
        }
        rc = n > 0 ? csvin_feed(cr, chunk, (size_t)n) : csvin_finish(cr);
        if (rc || n == 0)
            break;
    }
    if (rc == CSVIN_ERROR && t->settle && (rc = t->settle(t)) == 0)
        rc = CSVIN_ERROR;
    if (rc == CSVIN_ERROR) {
        size_t field = csvin_error_field(cr);
        int k = t->header_done && field && field <= t->nfile ? t->map[field - 1] : -1;
        if (k >= 0)
            msg_error("%s:%lu:%zu: column '%s': %s", t->label, csvin_error_line(cr), field,
                      t->cols[k].name, csvin_error(cr));
        else if (field)
            msg_error("%s:%lu:%zu: %s", t->label, csvin_error_line(cr), field,
                      csvin_error(cr));
        else
            msg_error("%s:%lu: %s", t->label, csvin_error_line(cr), csvin_error(cr));
        rc = EXIT_DATAERR;
    }
    if (rc == 0 && !t->header_done) {
        namelist cols = {0};
        for (size_t k = 0; k < t->ncols; k++)
            if (csvtable_required(t, k))
                list_add(&cols, t->cols[k].name);
        msg_error("%s: the file is empty: it needs a header line naming at least the "
                  "columns %s", t->label, list_text(&cols));
        list_free(&cols);
        rc = EXIT_DATAERR;
    } else if (rc == 0 && t->rows == 0 && !t->empty_ok) {
        msg_error("%s:%lu: no data rows after the header: add at least one row",
                  t->label, csvin_line(cr));
        rc = EXIT_DATAERR;
    }
    csvin_free(cr);
    if (fd > 0)
        close(fd);
    return rc;
}

void csvtable_cell_error(const csvtable *t, unsigned long line, size_t k, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *rest = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    vsnprintf(rest, n > 0 ? (size_t)n + 1 : 1, fmt, again);
    va_end(again);
    va_end(ap);
    if (t->pos[k])
        msg_error("%s:%lu:%zu: column '%s'%s", t->label, line, t->pos[k], t->cols[k].name,
                  rest);
    else
        msg_error("%s:%lu: column '%s'%s", t->label, line, t->cols[k].name, rest);
    free(rest);
}
