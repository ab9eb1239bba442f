/* The json format: the model (and the plan's inputs), then each table's
 * rows, the TOTAL row apart or last (see format.h). */
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
        case CELL_FLAGS: fprintf(fp, "[%s]", flags_text(flags, &c, ", ", "\"")); break;
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

/* The plan's inputs beyond the model: the horizon, month 1's label, and
 * each segment's staffing (the field table's columns), ramp curve (null:
 * its ramp_months curve) and roster size (null: its current_ams). */
static void json_plan(FILE *fp, const plan_info *p)
{
    const input *in = p->in;
    amsize_field_info f;
    char label[MONTH_LABEL_SIZE];
    MUST(amsize_field_info_init(&f));
    fprintf(fp, "{\n    \"horizon\": %d,\n    \"start\": ", p->horizon);
    if (p->start_year)
        json_string(fp, month_label(label, sizeof label, p->start_year, p->start_month, 1));
    else
        fputs("null", fp);
    fputs(",\n    \"segments\": [", fp);
    for (size_t i = 0; i < in->nsegs; i++) {
        fputs(i ? ",\n      {" : "\n      {", fp);
        fputs("\"segment\": ", fp);
        json_string(fp, in->names[i]);
        for (size_t k = 0; k < amsize_schema_count(AMSIZE_SCHEMA_STAFFING); k++) {
            MUST(amsize_schema_get(&f, AMSIZE_SCHEMA_STAFFING, k));
            fputs(", ", fp);
            json_string(fp, f.name);
            fputs(": ", fp);
            json_number(fp, field_get(&in->staff[i], &f, 0));
        }
        fputs(", \"ramp\": ", fp);
        if (in->ramp.path && in->ramp.first[i + 1] > in->ramp.first[i]) {
            for (size_t j = in->ramp.first[i]; j < in->ramp.first[i + 1]; j++) {
                fputs(j > in->ramp.first[i] ? ", " : "[", fp);
                json_number(fp, in->ramp.share[j]);
            }
            fputc(']', fp);
        } else {
            fputs("null", fp);
        }
        fputs(", \"roster_ams\": ", fp);
        if (in->roster.path)
            fprintf(fp, "%zu", in->roster.first[i + 1] - in->roster.first[i]);
        else
            fputs("null", fp);
        fputc('}', fp);
    }
    fputs("]\n  }", fp);
}

/* A report's rows under its key, and its TOTAL row under "total" unless
 * the list holds it. */
static void json_rows(FILE *fp, const report *r)
{
    int total_apart = r->has_total && !r->total_listed;
    size_t n = total_apart ? r->nrows - 1 : r->nrows;
    fputs(",\n  ", fp);
    json_string(fp, r->key ? r->key : "segments");
    fputs(": [", fp);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", fp);
        json_row(fp, r, i, "    ");
    }
    fputs("]", fp);
    if (total_apart) {
        fputs(",\n  \"total\": ", fp);
        json_row(fp, r, r->nrows - 1, "  ");
    }
}

/* The evaluation's findings: each sentence with its segment and topic. */
static void json_findings(FILE *fp, const findings *f, char *const *names)
{
    fputs(",\n  \"findings\": [", fp);
    for (size_t k = 0; k < f->n; k++) {
        fputs(k ? ",\n    {\"segment\": " : "\n    {\"segment\": ", fp);
        json_string(fp, names[f->items[k].segment]);
        fputs(", \"topic\": ", fp);
        json_string(fp, f->items[k].topic);
        fputs(", \"text\": ", fp);
        json_string(fp, f->items[k].text);
        fputc('}', fp);
    }
    fputs("]", fp);
}

void write_json(FILE *fp, const report *r)
{
    fputs("{\n  \"model\": ", fp);
    json_model(fp, r->model);
    if (r->plan) {
        fputs(",\n  \"plan\": ", fp);
        json_plan(fp, r->plan);
    }
    if (r->eval) {
        fputs(",\n  \"evaluation\": {\"below_plan\": ", fp);
        json_number(fp, r->eval->below_plan);
        fprintf(fp, ", \"csm_covered\": %s}", r->eval->csm_given ? "true" : "false");
    }
    for (const report *q = r; q; q = q->next)
        json_rows(fp, q);
    if (r->eval && r->eval->findings)
        json_findings(fp, r->eval->findings, r->names);
    fputs("\n}\n", fp);
}
