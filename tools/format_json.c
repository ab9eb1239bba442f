/* The json format: the model, the segments' rows and the TOTAL row (see
 * format.h). */
#include <config.h>

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>

#include "field.h"
#include "format.h"
#include "msg.h"
#include "number.h"
#include "text.h"

/* A JSON string: text_clean()ed, then quotes, backslashes and control
 * characters escaped. */
static void json_string(FILE *fp, const char *str)
{
    char *clean = text_clean(str, 0);
    const unsigned char *s = (const unsigned char *)clean;
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(fp, "\\%c", *s);
        else if (*s == '\n')
            fputs("\\n", fp);
        else if (*s == '\r')
            fputs("\\r", fp);
        else if (*s == '\t')
            fputs("\\t", fp);
        else if (*s < 0x20 || *s == 0x7f)
            fprintf(fp, "\\u%04x", *s);
        else
            fputc(*s, fp);
    }
    fputc('"', fp);
    free(clean);
}

static void json_number(FILE *fp, double d)
{
    if (isfinite(d))
        fprint_double(fp, d);
    else
        fputs("null", fp);
}

static void json_row(FILE *fp, const report *r, size_t row, const char *indent)
{
    char flags[FLAGS_TEXT_SIZE];
    cell c;
    fputs("{", fp);
    for (size_t k = 0; k < r->ncols; k++) {
        fprintf(fp, "%s\n%s  ", k ? "," : "", indent);
        json_string(fp, r->cols[k].name);
        fputs(": ", fp);
        report_cell(r, row, k, &c);
        switch (c.kind) {
        case CELL_EMPTY: fputs("null", fp); break;
        case CELL_STR: json_string(fp, c.s); break;
        case CELL_INT: fprintf(fp, "%" PRId64, c.i); break;
        case CELL_NUM: json_number(fp, c.d); break;
        case CELL_FLAGS: fprintf(fp, "[%s]", flags_text(flags, c.flags, ", ", "\"")); break;
        case CELL_BOOL: fputs(c.i ? "true" : "false", fp); break;
        }
    }
    fprintf(fp, "\n%s}", indent);
}

/* The model's fields, in the library's table (schema.h): a name and a
 * number, or a list for an array such as selling_time. */
static void json_model(FILE *fp, const amsize_model *m)
{
    amsize_field_info f;
    MUST(amsize_field_info_init(&f));
    fputc('{', fp);
    for (size_t k = 0; k < amsize_schema_count(AMSIZE_SCHEMA_MODEL); k++) {
        MUST(amsize_schema_get(&f, AMSIZE_SCHEMA_MODEL, k));
        fputs(k ? ", " : "", fp);
        json_string(fp, f.name);
        fputs(f.length > 1 ? ": [" : ": ", fp);
        for (uint64_t j = 0; j < f.length; j++) {
            fputs(j ? ", " : "", fp);
            json_number(fp, field_get(m, &f, j));
        }
        fputs(f.length > 1 ? "]" : "", fp);
    }
    fputc('}', fp);
}

void write_json(FILE *fp, const report *r)
{
    size_t nseg = r->has_total ? r->nrows - 1 : r->nrows;
    fputs("{\n  \"model\": ", fp);
    json_model(fp, r->model);
    fputs(",\n  \"segments\": [", fp);
    for (size_t i = 0; i < nseg; i++) {
        fputs(i ? ", " : "", fp);
        json_row(fp, r, i, "    ");
    }
    fputs("]", fp);
    if (r->has_total) {
        fputs(",\n  \"total\": ", fp);
        json_row(fp, r, r->nrows - 1, "  ");
    }
    fputs("\n}\n", fp);
}
