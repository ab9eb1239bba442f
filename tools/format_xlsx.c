/* The xlsx format: the chart, the plan or the evaluation as an Excel
 * workbook, the first two with the inputs they were computed from (see
 * format.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "field.h"
#include "format.h"
#include "msg.h"
#include "text.h"

typedef struct formats {
    lxw_format *header, *money, *pct, *count, *decimal, *ratio, *total, *month;
} formats;

/* The most characters an Excel cell holds; libxlsxwriter leaves a longer
 * string out of the sheet with only a return value to say so. */
#define XLSX_CELL_CHARS 32767

/* Every string goes to libxlsxwriter through here: it copies bytes into
 * the sheet XML as they are, so Latin-1 names or control characters would
 * make a workbook Excel refuses to open. */
static void put_string(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                       lxw_format *f)
{
    char *clean = text_clean(s, 1);
    size_t chars = 0, cut = 0;
    /* clean is valid UTF-8: count characters by their lead bytes. */
    for (size_t i = 0; clean[i]; i++)
        if (((unsigned char)clean[i] & 0xc0) != 0x80 && chars++ == XLSX_CELL_CHARS)
            cut = i;
    if (cut) {
        char at[LXW_MAX_CELL_NAME_LENGTH];
        lxw_rowcol_to_cell(at, row, col);
        clean[cut] = '\0';
        msg_warn("xlsx: sheet '%s', cell %s holds only the first %d of the %zu characters: "
                 "Excel allows no more",
                 ws->name, at, XLSX_CELL_CHARS, chars);
    }
    worksheet_write_string(ws, row, col, clean, f);
    free(clean);
}

static lxw_format *number_format(const formats *f, unit u, cell_kind kind)
{
    switch (u) {
    case UNIT_MONEY: return f->money;
    case UNIT_PCT: return f->pct;
    case UNIT_RATIO: return f->ratio;
    case UNIT_COUNT: return kind == CELL_INT ? f->count : f->decimal;
    default: return NULL;
    }
}

static void write_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const cell *c,
                       unit u, const formats *f)
{
    char flags[FLAGS_TEXT_SIZE];
    switch (c->kind) {
    case CELL_EMPTY: break;
    case CELL_STR: put_string(ws, row, col, c->s, NULL); break;
    case CELL_INT:
        worksheet_write_number(ws, row, col, (double)c->i, number_format(f, u, c->kind));
        break;
    case CELL_NUM: worksheet_write_number(ws, row, col, c->d, number_format(f, u, c->kind)); break;
    case CELL_BOOL: worksheet_write_boolean(ws, row, col, (int)c->i, NULL); break;
    case CELL_FLAGS:
        if (*flags_text(flags, c, "|", ""))
            put_string(ws, row, col, flags, NULL);
        break;
    }
}

/* Rows first to first + r->nrows - 1 of ws: the report's rows, bold all
 * of them (bold) or the TOTAL row. Rows go in order (constant memory). */
static void write_rows(lxw_worksheet *ws, lxw_row_t first, const report *r, const formats *f,
                       int bold)
{
    for (size_t i = 0; i < r->nrows; i++) {
        if (bold || (r->has_total && i + 1 == r->nrows))
            worksheet_set_row(ws, first + (lxw_row_t)i, LXW_DEF_ROW_HEIGHT, f->total);
        for (size_t k = 0; k < r->ncols; k++) {
            cell c;
            int year, month;
            report_cell(r, i, k, &c);
            /* A month labelled by --start is a date, so that the charts'
             * month axis (a numeric reference) shows it and Excel can
             * compute with it; its format shows it as the csv does. */
            if (r->cols[k].src == SRC_MONTH && c.kind == CELL_STR &&
                sscanf(c.s, "%4d-%2d", &year, &month) == 2) {
                lxw_datetime d = {year, month, 1, 0, 0, 0};
                worksheet_write_datetime(ws, first + (lxw_row_t)i, (lxw_col_t)k, &d, f->month);
                continue;
            }
            write_cell(ws, first + (lxw_row_t)i, (lxw_col_t)k, &c, r->cols[k].unit, f);
        }
    }
}

/* A sheet of every column of the report, the header row frozen. */
static lxw_worksheet *data_sheet(lxw_workbook *wb, const char *name, const report *r,
                                 const formats *f)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    for (size_t k = 0; k < r->ncols; k++) {
        unit u = r->cols[k].unit;
        put_string(ws, 0, (lxw_col_t)k, r->cols[k].name, f->header);
        double w = strlen(r->cols[k].name) + 2.0;
        if (u == UNIT_MONEY && w < 15)
            w = 15;
        if (k == 0 || r->cols[k].unit == UNIT_TEXT)
            w = w < 16 ? 16 : w;
        worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, w, NULL);
    }
    worksheet_freeze_panes(ws, 1, 1);
    write_rows(ws, 1, r, f, 0);
    return ws;
}

/* The column of r named name; -1 when none. */
static int column_of(const report *r, const char *name)
{
    for (size_t k = 0; k < r->ncols; k++)
        if (strcmp(r->cols[k].name, name) == 0)
            return (int)k;
    return -1;
}

static void chart_sheet(lxw_workbook *wb, const report *r, const formats *f)
{
    lxw_worksheet *ws = data_sheet(wb, "Sizing chart", r, f);
    size_t nseg = r->has_total ? r->nrows - 1 : r->nrows;
    static const char *const hc_names[4] = {"headcount", "hc_floor", "hc_demand",
                                            "hc_ceiling"};

    lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
    chart_title_set_name(chart, "AM headcount per segment");
    for (int j = 0; j < 4; j++) {
        int hc = column_of(r, hc_names[j]);
        if (hc < 0)
            continue;
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(s, "Sizing chart", 1, 0, (lxw_row_t)nseg, 0);
        chart_series_set_values(s, "Sizing chart", 1, (lxw_col_t)hc, (lxw_row_t)nseg,
                                (lxw_col_t)hc);
        chart_series_set_name(s, hc_names[j]);
    }
    chart_axis_set_name(chart->x_axis, "Segment");
    chart_axis_set_name(chart->y_axis, "Account Managers");
    worksheet_insert_chart(ws, (lxw_row_t)(r->nrows + 3), 0, chart);
}

/* A chart of the plan's months' totals (rows first to last of sheet):
 * one series per column named in names, by month. */
static lxw_chart *month_chart(lxw_workbook *wb, uint8_t type, const char *title,
                              const report *t, const char *sheet, lxw_row_t first,
                              const char *const *names, int n)
{
    lxw_chart *chart = workbook_add_chart(wb, type);
    lxw_row_t last = first + (lxw_row_t)t->nrows - 1;
    lxw_col_t month = (lxw_col_t)column_of(t, "month");
    chart_title_set_name(chart, title);
    for (int j = 0; j < n; j++) {
        int k = column_of(t, names[j]);
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(s, sheet, first, month, last, month);
        chart_series_set_values(s, sheet, first, (lxw_col_t)k, last, (lxw_col_t)k);
        chart_series_set_name(s, t->cols[k].title);
    }
    chart_axis_set_name(chart->x_axis, "Month");
    chart_axis_set_name(chart->y_axis, "Account Managers");
    return chart;
}

/* The plan: a sheet per table; below the months, after a blank row, the
 * months' totals (bold), and beside them two charts of those totals: RRE
 * against demand (lines) and starts (columns). */
static void plan_sheets(lxw_workbook *wb, const report *r, const formats *f)
{
    static const char *const lines[] = {"rre", "demand"}, *const bars[] = {"starts"};
    for (const report *q = r; q; q = q->next) {
        lxw_worksheet *ws = data_sheet(wb, q->sheet, q, f);
        const report *t = q->by_month;
        if (!t)
            continue;
        lxw_row_t first = (lxw_row_t)q->nrows + 2;
        lxw_col_t beside = (lxw_col_t)q->ncols + 1;
        write_rows(ws, first, t, f, 1);
        worksheet_insert_chart(ws, 1, beside,
                               month_chart(wb, LXW_CHART_LINE, "RRE against demand, all segments",
                                           t, q->sheet, first, lines, 2));
        worksheet_insert_chart(ws, 17, beside,
                               month_chart(wb, LXW_CHART_COLUMN, "Starts per month, all segments",
                                           t, q->sheet, first, bars, 1));
    }
}

/* The evaluation: a sheet per table (Segments, AMs) and the Resized
 * chart; beside the AMs a line chart of each AM's load, as markers, and
 * of its segment's min_load and max_load, as lines. */
static void eval_sheets(lxw_workbook *wb, const report *r, const formats *f)
{
    static const char *const series[] = {"load", "min_load", "max_load"};
    for (const report *q = r; q; q = q->next) {
        lxw_worksheet *ws = data_sheet(wb, q->sheet, q, f);
        if (!q->load_chart || q->nrows == 0)
            continue;
        lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_LINE);
        lxw_row_t last = (lxw_row_t)q->nrows;
        chart_title_set_name(chart, "Load per AM against the segment's band");
        for (int j = 0; j < 3; j++) {
            lxw_col_t k = (lxw_col_t)column_of(q, series[j]);
            lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
            chart_series_set_categories(s, q->sheet, 1, 0, last, 0);
            chart_series_set_values(s, q->sheet, 1, k, last, k);
            chart_series_set_name(s, q->cols[k].title);
            if (j == 0) {
                /* Each AM a point: no line joins AMs. */
                lxw_chart_line none = {.none = LXW_TRUE};
                chart_series_set_line(s, &none);
                chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
            }
        }
        chart_axis_set_name(chart->x_axis, "AM");
        chart_axis_set_name(chart->y_axis, "Weighted accounts per FTE");
        worksheet_insert_chart(ws, 1, (lxw_col_t)q->ncols + 1, chart);
    }
    data_sheet(wb, r->eval->resized->sheet, r->eval->resized, f);
}

/* How the Inputs sheet shows each segment and staffing field; a field not
 * listed is a plain number. The fields themselves, their order, names and
 * values come from the library's table (schema.h). */
static const struct {
    int32_t field;
    unit unit;
} input_units[] = {
    {AMSIZE_FIELD_ACCOUNTS, UNIT_COUNT},
    {AMSIZE_FIELD_WEIGHTED_ACCOUNTS, UNIT_COUNT},
    {AMSIZE_FIELD_BOOK, UNIT_MONEY},
    {AMSIZE_FIELD_UPSELL, UNIT_MONEY},
    {AMSIZE_FIELD_CROSS_SELL, UNIT_MONEY},
    {AMSIZE_FIELD_CHURN, UNIT_MONEY},
    {AMSIZE_FIELD_CHURN_ATTRIBUTION, UNIT_PCT},
    {AMSIZE_FIELD_AM_PRODUCTIVITY, UNIT_MONEY},
    {AMSIZE_FIELD_AM_COST, UNIT_MONEY},
    {AMSIZE_FIELD_GROSS_MARGIN, UNIT_PCT},
    {AMSIZE_FIELD_COST_COVERAGE, UNIT_RATIO},
    {AMSIZE_FIELD_GROWTH_PER_ACCOUNT, UNIT_MONEY},
    {AMSIZE_FIELD_MAX_LOAD, UNIT_COUNT},
    {AMSIZE_FIELD_ATTRITION, UNIT_PCT},
    {AMSIZE_FIELD_TIME_TO_FILL, UNIT_COUNT},
    {AMSIZE_FIELD_RAMP_MONTHS, UNIT_COUNT},
    {AMSIZE_FIELD_CURRENT_AMS, UNIT_COUNT},
};

static lxw_format *input_format(const formats *f, const amsize_field_info *info)
{
    for (size_t i = 0; i < sizeof input_units / sizeof input_units[0]; i++)
        if (input_units[i].field == info->field)
            return number_format(f, input_units[i].unit,
                                 info->type == AMSIZE_TYPE_DOUBLE ? CELL_NUM : CELL_INT);
    return NULL;
}

/* Segment i's value of field info: the field itself when given; when not,
 * the field its default names, if it names one (weighted_accounts defaults
 * to accounts); else 0 and no value. */
static int input_value(const amsize_segment *s, const amsize_field_info *info, double *v)
{
    amsize_field_info from;
    if (field_present(s, info)) {
        *v = field_get(s, info, 0);
        return 1;
    }
    MUST(amsize_field_info_init(&from));
    if (amsize_schema_lookup(&from, AMSIZE_SCHEMA_SEGMENT, info->default_text) != AMSIZE_OK)
        return 0;
    *v = field_get(s, &from, 0);
    return 1;
}

/* The segments (name, then every field of amsize_segment and, for the
 * plan, of amsize_staffing), and below them the model's parameters. */
static void inputs_sheet(lxw_workbook *wb, const input *in, const amsize_model *m,
                         const formats *f, int staffing)
{
    const size_t nfields = amsize_schema_count(AMSIZE_SCHEMA_SEGMENT);
    const size_t nstaff = staffing ? amsize_schema_count(AMSIZE_SCHEMA_STAFFING) : 0;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Inputs");
    amsize_field_info info;

    MUST(amsize_field_info_init(&info));
    put_string(ws, 0, 0, "segment", f->header);
    worksheet_set_column(ws, 0, 0, strlen("segment") + 4.0, NULL);
    for (size_t k = 0; k < nfields; k++) {
        lxw_col_t col = (lxw_col_t)(k + 1);
        MUST(amsize_schema_get(&info, AMSIZE_SCHEMA_SEGMENT, k));
        put_string(ws, 0, col, info.name, f->header);
        worksheet_set_column(ws, col, col, strlen(info.name) + 4.0, NULL);
    }
    for (size_t k = 0; k < nstaff; k++) {
        lxw_col_t col = (lxw_col_t)(nfields + k + 1);
        MUST(amsize_schema_get(&info, AMSIZE_SCHEMA_STAFFING, k));
        put_string(ws, 0, col, info.name, f->header);
        worksheet_set_column(ws, col, col, strlen(info.name) + 4.0, NULL);
    }
    worksheet_freeze_panes(ws, 1, 1);
    for (size_t i = 0; i < in->nsegs; i++) {
        lxw_row_t row = (lxw_row_t)(i + 1);
        put_string(ws, row, 0, in->names[i], NULL);
        for (size_t k = 0; k < nfields; k++) {
            double v;
            MUST(amsize_schema_get(&info, AMSIZE_SCHEMA_SEGMENT, k));
            if (input_value(&in->segs[i], &info, &v))
                worksheet_write_number(ws, row, (lxw_col_t)(k + 1), v, input_format(f, &info));
        }
        for (size_t k = 0; k < nstaff; k++) {
            MUST(amsize_schema_get(&info, AMSIZE_SCHEMA_STAFFING, k));
            worksheet_write_number(ws, row, (lxw_col_t)(nfields + k + 1),
                                   field_get(&in->staff[i], &info, 0), input_format(f, &info));
        }
    }
    lxw_row_t row = (lxw_row_t)(in->nsegs + 3);
    put_string(ws, row++, 0, "Model parameters", f->header);
    for (size_t k = 0; k < amsize_schema_count(AMSIZE_SCHEMA_MODEL); k++) {
        MUST(amsize_schema_get(&info, AMSIZE_SCHEMA_MODEL, k));
        for (uint64_t j = 0; j < info.length; j++) {
            /* An array's elements by the library's names: selling_time[1]. */
            put_string(ws, row, 0, amsize_field_name(info.field + (int32_t)j), NULL);
            worksheet_write_number(ws, row++, 1, field_get(m, &info, j), f->pct);
        }
    }
}

int write_xlsx(const char *path, const char *label, const report *r, const input *in)
{
    /* Constant-memory mode streams each row out as it is written (rows
     * therefore go in order) and keeps strings inline in the sheet XML. */
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    formats f;
    if (!wb) {
        msg_error("cannot create %s", label);
        return EXIT_CANTCREAT;
    }
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.money = workbook_add_format(wb);
    format_set_num_format(f.money, "$#,##0");
    f.pct = workbook_add_format(wb);
    format_set_num_format(f.pct, "0.0%");
    f.count = workbook_add_format(wb);
    format_set_num_format(f.count, "#,##0");
    f.decimal = workbook_add_format(wb);
    format_set_num_format(f.decimal, "#,##0.0");
    f.ratio = workbook_add_format(wb);
    format_set_num_format(f.ratio, "0.00");
    f.total = workbook_add_format(wb);
    format_set_bold(f.total);
    f.month = workbook_add_format(wb);
    format_set_num_format(f.month, "yyyy-mm");

    if (r->eval) {
        eval_sheets(wb, r, &f);
    } else {
        if (r->plan)
            plan_sheets(wb, r, &f);
        else
            chart_sheet(wb, r, &f);
        inputs_sheet(wb, in, r->model, &f, r->plan != NULL);
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        msg_error("cannot write %s: %s", label, lxw_strerror(e));
        return EXIT_IOERR;
    }
    return 0;
}
