/* The csv format: the report's column names, then one line per row, every
 * number in full precision (see format.h). */
#include <config.h>

#include <string.h>

#include <csv.h>

#include "format.h"
#include "number.h"

static void csv_string(FILE *fp, const char *s)
{
    size_t n = strlen(s);
    if (strpbrk(s, ",\"\r\n") || (n && (s[0] == ' ' || s[n - 1] == ' ')))
        csv_fwrite(fp, s, n);
    else
        fputs(s, fp);
}

void write_csv(FILE *fp, const report *r)
{
    char flags[FLAGS_TEXT_SIZE];
    cell c;
    for (size_t k = 0; k < r->ncols; k++)
        fprintf(fp, "%s%s", k ? "," : "", r->cols[k].name);
    fputs("\n", fp);
    for (size_t i = 0; i < r->nrows; i++) {
        for (size_t k = 0; k < r->ncols; k++) {
            if (k)
                fputc(',', fp);
            report_cell(r, i, k, &c);
            switch (c.kind) {
            case CELL_EMPTY: break;
            case CELL_STR: csv_string(fp, c.s); break;
            case CELL_INT: fprint_int64(fp, c.i); break;
            case CELL_NUM: fprint_double(fp, c.d); break;
            case CELL_FLAGS: fputs(flags_text(flags, &c, "|", ""), fp); break;
            case CELL_BOOL: fputs(c.i ? "1" : "0", fp); break;
            }
        }
        fputs("\n", fp);
    }
}
