/* Cells of a CSV table into values (see csvcell.h). */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "csvcell.h"
#include "field.h"
#include "msg.h"
#include "text.h"

/* parse_number() for all but the common cell, which decimal_fast() has
 * refused: the empty cell, the error messages and strtod(). Not inlined,
 * so that its stack frame (a message buffer) is not set up per cell. */
AMSIZE_NOINLINE int parse_number_slow(const csvtable *t, unsigned long line, size_t k,
                                      double *out)
{
    const char *cell = t->cells[k];
    if (!cell || !*cell) {
        if (!csvtable_required(t, k)) {
            if (t->cols[k].has_default)
                *out = t->cols[k].default_value;
            return 1;
        }
        csvtable_cell_error(t, line, k, " is empty: it is required, give a number");
        return -EXIT_DATAERR;
    }
    char shown[ECHO_SIZE];
    if (!is_decimal(cell)) {
        csvtable_cell_error(t, line, k,
                            ": %s is not a number: write plain decimal digits (no currency "
                            "sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 "
                            "or 1.5e6",
                            echo(shown, cell));
        return -EXIT_DATAERR;
    }
    errno = 0;
    double v = strtod(cell, NULL);
    if (!isfinite(v) || (errno == ERANGE && fabs(v) > 1)) {
        csvtable_cell_error(t, line, k, ": %s is too large to be a number", echo(shown, cell));
        return -EXIT_DATAERR;
    }
    *out = v;
    return 0;
}

int parse_whole(const csvtable *t, unsigned long line, size_t k, double *out)
{
    const incol *c = &t->cols[k];
    double v;
    int rc = parse_number(t, line, k, &v);
    if (rc)
        return rc;
    if (v != floor(v) || v < c->lo || v > c->hi) {
        char shown[ECHO_SIZE];
        csvtable_cell_error(t, line, k, ": %s must be a whole number from %.0f to %.0f",
                            echo(shown, t->cells[k]), c->lo, c->hi);
        return -EXIT_DATAERR;
    }
    *out = v;
    return 0;
}

AMSIZE_NOINLINE int parse_flag_slow(const csvtable *t, unsigned long line, size_t k,
                                    uint8_t *out)
{
    static const char *const yes[] = {"1", "true", "yes"}, *const no[] = {"0", "false", "no"};
    const incol *c = &t->cols[k];
    const char *cell = t->cells[k];
    if (!cell || !*cell) {
        *out = (uint8_t)c->default_value;
        return 0;
    }
    for (size_t i = 0; i < 3; i++) {
        if (ascii_casecmp(cell, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (ascii_casecmp(cell, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    char shown[ECHO_SIZE];
    csvtable_cell_error(t, line, k,
                        ": %s is not a yes/no value: write 1, 0, true, false, yes, no, or "
                        "leave it empty for %s",
                        echo(shown, cell), c->field ? c->info.default_text : "0");
    return -EXIT_DATAERR;
}

int parse_fields(const csvtable *t, unsigned long line, void *obj, int32_t schema,
                 uint32_t skip)
{
    for (size_t k = 0; k < t->ncols; k++) {
        const incol *c = &t->cols[k];
        double v;
        uint8_t flag;
        int rc;
        if (!c->field || c->schema != schema || (c->info.flags & skip))
            continue;
        switch (c->parse) {
        case PARSE_WHOLE: rc = parse_whole(t, line, k, &v); break;
        case PARSE_FLAG:
            rc = parse_flag(t, line, k, &flag);
            v = flag;
            break;
        default: rc = parse_number(t, line, k, &v); break;
        }
        if (rc < 0)
            return rc;
        if (rc == 0)
            field_set(obj, &c->info, v);
    }
    return 0;
}
