/* The table and markdown formats: the columns for people (in_table),
 * each cell as text ("$12.5M", "16.0%", "20,000"), aligned in a grid (see
 * format.h). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "number.h"
#include "text.h"
#include "xalloc.h"

/* Human text of a cell ("$12.5M", "16.0%", "20,000", "-" when empty). */
static void cell_human(char *buf, size_t size, const cell *c, unit u)
{
    double d = c->kind == CELL_INT ? (double)c->i : c->d;
    switch (c->kind) {
    case CELL_EMPTY: snprintf(buf, size, "-"); return;
    case CELL_STR: text_printable(buf, size, c->s); return;
    case CELL_BOOL: snprintf(buf, size, "%s", c->i ? "yes" : "no"); return;
    case CELL_FLAGS: {
        char flags[FLAGS_TEXT_SIZE];
        snprintf(buf, size, "%s", flags_text(flags, c, " ", ""));
        return;
    }
    case CELL_INT:
    case CELL_NUM: break;
    }
    switch (u) {
    case UNIT_MONEY: format_money(buf, size, d); break;
    case UNIT_PCT:
        /* Past a million percent the digits say nothing more. */
        snprintf(buf, size, fabs(d * 100) >= 1e6 ? "%.3g%%" : "%.1f%%", d * 100);
        break;
    case UNIT_RATIO: format_grouped(buf, size, d, 2); break;
    default: format_grouped(buf, size, d, c->kind == CELL_INT || d == floor(d) ? 0 : 1); break;
    }
}

#define HUMAN_MAX 128

/* The table's columns: the report's in_table ones, by index into r->cols. */
static size_t *table_columns(const report *r, size_t *n)
{
    size_t *idx = xmalloc(r->ncols * sizeof *idx);
    *n = 0;
    for (size_t k = 0; k < r->ncols; k++)
        if (r->cols[k].in_table)
            idx[(*n)++] = k;
    return idx;
}

/* Row i of the table (0: the titles, i: the report's row i - 1), column
 * k of the report, as text into buf (HUMAN_MAX bytes). The cells are made
 * once to measure the columns and again to print them, so that a plan of
 * a thousand segments over 600 months needs no copy of its text. */
static const char *human_text(char *buf, const report *r, size_t i, size_t k)
{
    cell c;
    if (i == 0) {
        snprintf(buf, HUMAN_MAX, "%s", r->cols[k].title);
        return buf;
    }
    report_cell(r, i - 1, k, &c);
    cell_human(buf, HUMAN_MAX, &c, r->cols[k].unit);
    return buf;
}

/* Display width: UTF-8 continuation bytes take no column. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xc0) != 0x80;
    return w;
}

static void pad(FILE *fp, const char *s, size_t w, int right)
{
    size_t n = width(s);
    if (right)
        fprintf(fp, "%*s%s", (int)(w > n ? w - n : 0), "", s);
    else
        fprintf(fp, "%s%*s", s, (int)(w > n ? w - n : 0), "");
}

static void write_grid(FILE *fp, const report *r, int markdown)
{
    size_t n, *idx = table_columns(r, &n);
    size_t *w = xcalloc(n, sizeof *w);
    char text[HUMAN_MAX];
    for (size_t i = 0; i <= r->nrows; i++)
        for (size_t j = 0; j < n; j++) {
            size_t cw = width(human_text(text, r, i, idx[j]));
            if (cw > w[j])
                w[j] = cw;
        }
    for (size_t i = 0; i <= r->nrows; i++) {
        if (markdown && i == 1) {
            for (size_t j = 0; j < n; j++) {
                int right = r->cols[idx[j]].unit != UNIT_TEXT;
                fputs("| ", fp);
                for (size_t k = 0; k + 1 < (w[j] < 3 ? 3 : w[j]); k++)
                    fputc('-', fp);
                fputs(right ? ":" : "-", fp);
                fputc(' ', fp);
            }
            fputs("|\n", fp);
        } else if (!markdown && (i == 1 || (r->has_total && i == r->nrows))) {
            for (size_t j = 0; j < n; j++) {
                for (size_t k = 0; k < w[j]; k++)
                    fputc('-', fp);
                fputs(j + 1 < n ? "  " : "\n", fp);
            }
        }
        for (size_t j = 0; j < n; j++) {
            const char *s = human_text(text, r, i, idx[j]);
            int right = r->cols[idx[j]].unit != UNIT_TEXT;
            if (markdown) {
                fputs("| ", fp);
                /* A pipe would end the cell early. */
                char esc[2 * HUMAN_MAX];
                size_t e = 0;
                for (const char *p = s; *p && e + 2 < sizeof esc; p++) {
                    if (*p == '|')
                        esc[e++] = '\\';
                    esc[e++] = *p;
                }
                esc[e] = '\0';
                pad(fp, esc, w[j] < 3 ? 3 : w[j], right);
                fputc(' ', fp);
            } else {
                if (j + 1 < n) {
                    pad(fp, s, w[j], right);
                    fputs("  ", fp);
                } else {
                    pad(fp, s, right ? w[j] : 0, right); /* no trailing blanks */
                }
            }
        }
        fputs(markdown ? "|\n" : "\n", fp);
    }
    free(w);
    free(idx);
}

/* The evaluation's findings after a table: a heading, then a sentence a
 * line (a list item in markdown), made printable for a terminal. */
static void write_findings(FILE *fp, const findings *f, int markdown)
{
    fputs(markdown ? "\n## Findings\n\n" : "\nFindings\n\n", fp);
    for (size_t k = 0; k < f->n; k++) {
        size_t size = strlen(f->items[k].text) + 1;
        char *line = xmalloc(size);
        text_printable(line, size, f->items[k].text);
        fprintf(fp, "%s%s\n", markdown ? "- " : "", line);
        free(line);
    }
}

/* Each table of the output, a blank line between two, and after a table
 * its findings. */
static void write_tables(FILE *fp, const report *r, int markdown)
{
    for (const report *q = r; q; q = q->next) {
        fputs(q == r ? "" : "\n", fp);
        write_grid(fp, q, markdown);
        if (q->findings)
            write_findings(fp, q->findings, markdown);
    }
}

void write_table(FILE *fp, const report *r)
{
    write_tables(fp, r, 0);
}

void write_markdown(FILE *fp, const report *r)
{
    write_tables(fp, r, 1);
}
