/* Report writers: csv, json, markdown, table. */
#include <config.h>

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "output.h"
#include "msg.h"
#include "number.h"
#include "text.h"
#include "xalloc.h"

void report_cell(const report *r, size_t row, size_t col, cell *c)
{
    memset(c, 0, sizeof *c);
    r->get(r, row, col, c);
    if (c->kind == CELL_NUM && isnan(c->d))
        c->kind = CELL_EMPTY;
}

/* ------------------------------------------------------------------- csv */

static void csv_string(FILE *fp, const char *s)
{
    size_t n = strlen(s);
    if (strpbrk(s, ",\"\r\n") || (n && (s[0] == ' ' || s[n - 1] == ' ')))
        csv_fwrite(fp, s, n);
    else
        fputs(s, fp);
}

static void flags_join(FILE *fp, uint32_t flags, const char *sep, const char *quote)
{
    int first = 1;
    for (uint32_t bit = 1; bit <= AMSIZE_FLAG_ALL; bit <<= 1) {
        const char *name = (flags & bit) ? amsize_flag_name(bit) : NULL;
        if (name) {
            fprintf(fp, "%s%s%s%s", first ? "" : sep, quote, name, quote);
            first = 0;
        }
    }
}

void write_csv(FILE *fp, const report *r)
{
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
            case CELL_INT: fprintf(fp, "%" PRId64, c.i); break;
            case CELL_NUM: fprint_double(fp, c.d); break;
            case CELL_FLAGS: flags_join(fp, c.flags, "|", ""); break;
            case CELL_BOOL: fputs(c.i ? "1" : "0", fp); break;
            }
        }
        fputs("\n", fp);
    }
}

/* ------------------------------------------------------------------ json */

char *text_clean(const char *str, int xml)
{
    static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
    const unsigned char *s = (const unsigned char *)str;
    /* Each byte becomes at most the 3 bytes of U+FFFD. */
    char *out = xmalloc(3 * strlen(str) + 1), *o = out;
    while (*s) {
        size_t n = utf8_len(s);
        /* Not UTF-8; or, for XML, what XML 1.0 cannot hold even escaped. */
        int bad = n == 0 ||
                  (xml && ((*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r') ||
                           (n == 3 && s[0] == 0xef && s[1] == 0xbf && s[2] >= 0xbe)));
        if (bad) {
            memcpy(o, replacement, 3);
            o += 3;
            s += n ? n : 1;
        } else {
            memcpy(o, s, n);
            o += n;
            s += n;
        }
    }
    *o = '\0';
    return out;
}

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
        case CELL_FLAGS:
            fputc('[', fp);
            flags_join(fp, c.flags, ", ", "\"");
            fputc(']', fp);
            break;
        case CELL_BOOL: fputs(c.i ? "true" : "false", fp); break;
        }
    }
    fprintf(fp, "\n%s}", indent);
}

void write_json(FILE *fp, const report *r)
{
    const amsize_model *m = r->model;
    size_t nseg = r->has_total ? r->nrows - 1 : r->nrows;
    fputs("{\n  \"model\": {\"selling_time\": [", fp);
    for (int i = 0; i < 5; i++) {
        fputs(i ? ", " : "", fp);
        json_number(fp, m->selling_time[i]);
    }
    fputs("], \"rating_high\": ", fp);
    json_number(fp, m->rating_high);
    fputs(", \"rating_medium\": ", fp);
    json_number(fp, m->rating_medium);
    fputs("},\n  \"segments\": [", fp);
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

/* ---------------------------------------------------------- for people */

/* Digits of an integer-valued magnitude with thousands separators. */
static void group(char *buf, size_t size, const char *digits)
{
    size_t n = strlen(digits), j = 0;
    for (size_t i = 0; i < n && j + 2 < size; i++) {
        if (i && (n - i) % 3 == 0)
            buf[j++] = ',';
        buf[j++] = digits[i];
    }
    buf[j] = '\0';
}

/* |v| with thousands separators and the given decimals, sign in front. */
static void fmt_grouped(char *buf, size_t size, double v, int decimals)
{
    char raw[400], whole[400], grouped[520];
    snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
    char *dot = strchr(raw, '.');
    snprintf(whole, sizeof whole, "%.*s", dot ? (int)(dot - raw) : (int)strlen(raw), raw);
    group(grouped, sizeof grouped, whole);
    snprintf(buf, size, "%s%s%s", v < 0 && strspn(raw, "0.") != strlen(raw) ? "-" : "",
             grouped, dot ? dot : "");
}

static void fmt_money(char *buf, size_t size, double v)
{
    double a = fabs(v);
    const char *sign = v < 0 ? "-" : "";
    if (a >= 999.95e9)
        snprintf(buf, size, "%s$%.1fT", sign, a / 1e12);
    else if (a >= 999.95e6)
        snprintf(buf, size, "%s$%.1fB", sign, a / 1e9);
    else if (a >= 999.5e3)
        snprintf(buf, size, "%s$%.1fM", sign, a / 1e6);
    else if (a >= 9999.5)
        snprintf(buf, size, "%s$%.0fK", sign, a / 1e3);
    else if (a >= 999.5)
        snprintf(buf, size, "%s$%.1fK", sign, a / 1e3);
    else
        snprintf(buf, size, "%s$%.0f", sign, a);
}

/* A string for a terminal: control characters and invalid UTF-8 as '?'. */
static void printable(char *buf, size_t size, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t j = 0;
    while (*s && j + 1 < size) {
        size_t n = utf8_len(s);
        if (n == 0 || *s < 0x20 || *s == 0x7f) {
            buf[j++] = '?';
            s++;
        } else if (j + n < size) {
            memcpy(buf + j, s, n);
            j += n;
            s += n;
        } else {
            break;
        }
    }
    buf[j] = '\0';
}

void cell_human(char *buf, size_t size, const cell *c, unit u)
{
    double d = c->kind == CELL_INT ? (double)c->i : c->d;
    switch (c->kind) {
    case CELL_EMPTY: snprintf(buf, size, "-"); return;
    case CELL_STR: printable(buf, size, c->s); return;
    case CELL_BOOL: snprintf(buf, size, "%s", c->i ? "yes" : "no"); return;
    case CELL_FLAGS: {
        size_t n = 0;
        buf[0] = '\0';
        for (uint32_t bit = 1; bit <= AMSIZE_FLAG_ALL; bit <<= 1)
            if ((c->flags & bit) && n < size)
                n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? " " : "",
                                      amsize_flag_name(bit));
        return;
    }
    case CELL_INT:
    case CELL_NUM: break;
    }
    switch (u) {
    case UNIT_MONEY: fmt_money(buf, size, d); break;
    case UNIT_PCT: snprintf(buf, size, "%.1f%%", d * 100); break;
    case UNIT_RATIO: fmt_grouped(buf, size, d, 2); break;
    default: fmt_grouped(buf, size, d, c->kind == CELL_INT || d == floor(d) ? 0 : 1); break;
    }
}

#define HUMAN_MAX 128

/* The table's cells as text: cells[row * ncols + col], row 0 the titles. */
static char *human_cells(const report *r, size_t *ncols, size_t **idx)
{
    size_t n = 0;
    *idx = xmalloc(r->ncols * sizeof **idx);
    for (size_t k = 0; k < r->ncols; k++)
        if (r->cols[k].in_table)
            (*idx)[n++] = k;
    char *text = xcalloc((r->nrows + 1) * n, HUMAN_MAX);
    for (size_t j = 0; j < n; j++)
        snprintf(text + j * HUMAN_MAX, HUMAN_MAX, "%s", r->cols[(*idx)[j]].title);
    for (size_t i = 0; i < r->nrows; i++)
        for (size_t j = 0; j < n; j++) {
            cell c;
            report_cell(r, i, (*idx)[j], &c);
            cell_human(text + ((i + 1) * n + j) * HUMAN_MAX, HUMAN_MAX, &c,
                       r->cols[(*idx)[j]].unit);
        }
    *ncols = n;
    return text;
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
    size_t n, *idx;
    char *text = human_cells(r, &n, &idx);
    size_t *w = xcalloc(n, sizeof *w);
    for (size_t i = 0; i <= r->nrows; i++)
        for (size_t j = 0; j < n; j++) {
            size_t cw = width(text + (i * n + j) * HUMAN_MAX);
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
            const char *s = text + (i * n + j) * HUMAN_MAX;
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
    free(text);
}

void write_table(FILE *fp, const report *r)
{
    write_grid(fp, r, 0);
}

void write_markdown(FILE *fp, const report *r)
{
    write_grid(fp, r, 1);
}
