/* The columns of the chart and pilot reports, one row per column, and
 * their cells (see report.h). A new output column is one row here. */
#include <config.h>

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "report.h"

/* The chart's rows have one part: amsize_chart_row. */
enum { CHART_ROW };
#define ROW(member) CHART_ROW, offsetof(amsize_chart_row, member)

static const column chart_cols[] = {
    {"segment", "Segment", UNIT_TEXT, 1, SRC_NAME, 0, 0, 0},
    {"accounts", "Accounts", UNIT_COUNT, 1, SRC_INT64, ROW(accounts), 0},
    {"weighted_accounts", "Weighted", UNIT_COUNT, 0, SRC_DOUBLE, ROW(weighted_accounts), 0},
    {"book", "Book", UNIT_MONEY, 1, SRC_DOUBLE, ROW(book), 0},
    {"upsell", "Upsell", UNIT_MONEY, 0, SRC_DOUBLE, ROW(upsell), 0},
    {"cross_sell", "Cross-sell", UNIT_MONEY, 0, SRC_DOUBLE, ROW(cross_sell), 0},
    {"churn_attributed", "Churn (attr.)", UNIT_MONEY, 0, SRC_DOUBLE, ROW(churn_attributed), 0},
    {"net_ratio", "Net ratio", UNIT_MONEY, 1, SRC_DOUBLE, ROW(net_ratio), 0},
    {"net_ratio_pct", "NR %", UNIT_PCT, 1, SRC_DOUBLE, ROW(net_ratio_pct), 0},
    {"net_ratio_rating", "Rating", UNIT_TEXT, 1, SRC_RATING, ROW(net_ratio_rating), 1},
    {"support_rating", "Support", UNIT_COUNT, 0, SRC_INT32, ROW(support_rating), 1},
    {"support_factor", "Support f", UNIT_RATIO, 1, SRC_DOUBLE, ROW(support_factor), 0},
    {"fte_net", "FTE net", UNIT_RATIO, 0, SRC_DOUBLE, ROW(fte_net), 0},
    {"fte_demand", "FTE demand", UNIT_RATIO, 1, SRC_DOUBLE, ROW(fte_demand), 0},
    {"min_load", "Min load", UNIT_COUNT, 1, SRC_DOUBLE, ROW(min_load), 0},
    {"max_load", "Max load", UNIT_COUNT, 1, SRC_DOUBLE, ROW(max_load), 0},
    {"hc_floor", "Floor", UNIT_COUNT, 1, SRC_INT64, ROW(hc_floor), 0},
    {"hc_ceiling", "Ceiling", UNIT_COUNT, 1, SRC_INT64, ROW(hc_ceiling), 0},
    {"hc_demand", "Demand", UNIT_COUNT, 1, SRC_INT64, ROW(hc_demand), 0},
    {"headcount", "Headcount", UNIT_COUNT, 1, SRC_INT64, ROW(headcount), 0},
    {"binding", "Binding", UNIT_TEXT, 1, SRC_BINDING, ROW(binding), 1},
    {"flags", "Flags", UNIT_TEXT, 1, SRC_FLAGS, ROW(flags), 0},
    {"load_per_am", "Load/AM", UNIT_RATIO, 0, SRC_DOUBLE, ROW(load_per_am), 0},
    {"cost", "AM cost", UNIT_MONEY, 1, SRC_DOUBLE, ROW(cost), 0},
    {"net_per_am", "NR/AM", UNIT_MONEY, 0, SRC_DOUBLE, ROW(net_per_am), 0},
    {"roi", "ROI", UNIT_RATIO, 1, SRC_DOUBLE, ROW(roi), 0},
};

/* The pilot's rows have three parts: the comparison and the segment's
 * covered and uncovered accounts, summed. */
enum { PILOT, COVERED, UNCOVERED };
#define PIL(member) PILOT, offsetof(amsize_pilot, member)
#define SEG(part, member) part, offsetof(amsize_segment, member)

static const column pilot_cols[] = {
    {"segment", "Segment", UNIT_TEXT, 1, SRC_NAME, 0, 0, 0},
    {"accounts_covered", "Covered", UNIT_COUNT, 1, SRC_INT64, SEG(COVERED, accounts), 0},
    {"accounts_uncovered", "Uncovered", UNIT_COUNT, 1, SRC_INT64, SEG(UNCOVERED, accounts), 0},
    {"book_covered", "Book covered", UNIT_MONEY, 1, SRC_DOUBLE, SEG(COVERED, book), 0},
    {"book_uncovered", "Book uncovered", UNIT_MONEY, 1, SRC_DOUBLE, SEG(UNCOVERED, book), 0},
    {"nr_pct_covered", "NR % covered", UNIT_PCT, 1, SRC_DOUBLE, PIL(nr_pct_covered), 0},
    {"nr_pct_uncovered", "NR % uncovered", UNIT_PCT, 1, SRC_DOUBLE, PIL(nr_pct_uncovered), 0},
    {"delta", "Delta", UNIT_PCT, 1, SRC_DOUBLE, PIL(delta), 0},
    {"lift", "Lift", UNIT_RATIO, 1, SRC_DOUBLE, PIL(lift), 0},
    {"incremental", "Incremental", UNIT_MONEY, 1, SRC_DOUBLE, PIL(incremental), 0},
    {"accretive", "Accretive", UNIT_TEXT, 1, SRC_ACCRETIVE, PILOT, 0, 0},
};

/* The plan's months, long form: one row per segment and month. The csv
 * has no TOTAL row; the xlsx charts the months' totals (by_month). */
enum { MONTH_ROW };
#define MON(member) MONTH_ROW, offsetof(amsize_plan_month, member)

static const column plan_month_cols[] = {
    {"segment", "Segment", UNIT_TEXT, 1, SRC_NAME, 0, 0, 0},
    {"month", "Month", UNIT_COUNT, 1, SRC_MONTH, MON(month), 0},
    {"headcount", "Headcount", UNIT_RATIO, 1, SRC_DOUBLE, MON(headcount), 0},
    {"leavers", "Leavers", UNIT_RATIO, 1, SRC_DOUBLE, MON(leavers), 0},
    {"requisitions", "Reqs", UNIT_COUNT, 1, SRC_WHOLE, MON(requisitions), 0},
    {"starts", "Starts", UNIT_COUNT, 1, SRC_WHOLE, MON(starts), 0},
    {"rre", "RRE", UNIT_RATIO, 1, SRC_DOUBLE, MON(rre), 0},
    {"capacity", "Capacity", UNIT_MONEY, 1, SRC_DOUBLE, MON(capacity), 0},
    {"demand", "Demand", UNIT_RATIO, 1, SRC_DOUBLE, MON(demand), 0},
    {"gap", "Gap", UNIT_RATIO, 1, SRC_DOUBLE, MON(gap), 0},
    {"cost", "Cost", UNIT_MONEY, 1, SRC_DOUBLE, MON(cost), 0},
};

/* The plan's summary: one row per segment, then TOTAL (amsize_plan_total:
 * its first month at demand is that of the summed RRE and demand). */
enum { SUMMARY_ROW };
#define SUM(member) SUMMARY_ROW, offsetof(amsize_plan_summary, member)

static const column plan_summary_cols[] = {
    {"segment", "Segment", UNIT_TEXT, 1, SRC_NAME, 0, 0, 0},
    {"requisitions", "Reqs", UNIT_COUNT, 1, SRC_WHOLE, SUM(requisitions), 0},
    {"starts", "Starts", UNIT_COUNT, 1, SRC_WHOLE, SUM(starts), 0},
    {"leavers", "Leavers", UNIT_RATIO, 1, SRC_DOUBLE, SUM(leavers), 0},
    {"first_month_at_demand", "At demand", UNIT_COUNT, 1, SRC_MONTH,
     SUM(first_month_at_demand), 0},
    {"shortfall", "Shortfall", UNIT_MONEY, 1, SRC_DOUBLE, SUM(shortfall), 0},
    {"plan_cost", "Plan cost", UNIT_MONEY, 1, SRC_DOUBLE, SUM(plan_cost), 0},
    {"end_headcount", "End HC", UNIT_RATIO, 1, SRC_DOUBLE, SUM(end_headcount), 0},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void chart_report(report *r, const input *in, const amsize_chart_row *rows,
                  const amsize_chart_row *total, const amsize_model *model)
{
    memset(r, 0, sizeof *r);
    r->cols = chart_cols;
    r->ncols = COUNT(chart_cols);
    r->nrows = in->nsegs + 1;
    r->has_total = 1;
    r->names = in->names;
    r->part[CHART_ROW] = rows;
    r->part_size[CHART_ROW] = sizeof *rows;
    r->total[CHART_ROW] = total;
    r->model = model;
}

void pilot_report(report *r, const input *in, const amsize_pilot *pilots,
                  const amsize_segment *covered, const amsize_segment *uncovered,
                  const amsize_model *model)
{
    memset(r, 0, sizeof *r);
    r->cols = pilot_cols;
    r->ncols = COUNT(pilot_cols);
    r->nrows = in->nsegs;
    r->names = in->names;
    r->part[PILOT] = pilots;
    r->part_size[PILOT] = sizeof *pilots;
    r->part[COVERED] = covered;
    r->part_size[COVERED] = sizeof *covered;
    r->part[UNCOVERED] = uncovered;
    r->part_size[UNCOVERED] = sizeof *uncovered;
    r->model = model;
}

void plan_reports(report *months, report *by_month, report *summary, const input *in,
                  const amsize_plan_month *rows, const amsize_plan_month *total,
                  const amsize_plan_summary *summaries, const amsize_model *model,
                  const plan_info *info)
{
    static char *const total_name[] = {"TOTAL"};
    size_t h = (size_t)info->horizon;

    memset(months, 0, sizeof *months);
    months->cols = plan_month_cols;
    months->ncols = COUNT(plan_month_cols);
    months->nrows = in->nsegs * h;
    months->names = in->names;
    months->rows_per_name = h;
    months->part[MONTH_ROW] = rows;
    months->part_size[MONTH_ROW] = sizeof *rows;
    months->model = model;
    months->key = "months";
    months->sheet = "Plan";
    months->start_year = info->start_year;
    months->start_month = info->start_month;
    months->next = summary;
    months->by_month = by_month;
    months->plan = info;

    *by_month = *months;
    by_month->nrows = h;
    by_month->names = total_name;
    by_month->part[MONTH_ROW] = total;
    by_month->next = NULL;
    by_month->by_month = NULL;

    memset(summary, 0, sizeof *summary);
    summary->cols = plan_summary_cols;
    summary->ncols = COUNT(plan_summary_cols);
    summary->nrows = in->nsegs + 1;
    summary->has_total = 1;
    summary->names = in->names;
    summary->part[SUMMARY_ROW] = summaries;
    summary->part_size[SUMMARY_ROW] = sizeof *summaries;
    summary->total[SUMMARY_ROW] = &summaries[in->nsegs];
    summary->model = model;
    summary->key = "summary";
    summary->total_listed = 1;
    summary->sheet = "Summary";
    summary->start_year = info->start_year;
    summary->start_month = info->start_month;
    summary->plan = info;
}

const char *month_label(char *buf, size_t size, int year, int month, int32_t t)
{
    if (!year) {
        snprintf(buf, size, "%ld", (long)t);
        return buf;
    }
    /* Months since year 0, January: month 1 of the plan is year-month. */
    long m = (long)year * 12 + (month - 1) + (t - 1);
    snprintf(buf, size, "%04ld-%02ld", m / 12, m % 12 + 1);
    return buf;
}

static void text(cell *c, const char *s)
{
    c->kind = s && *s ? CELL_STR : CELL_EMPTY;
    c->s = s;
}

void report_cell(const report *r, size_t row, size_t col, cell *c)
{
    const column *k = &r->cols[col];
    int is_total = r->has_total && row + 1 == r->nrows;
    memset(c, 0, sizeof *c);
    if (k->src == SRC_NAME) {
        size_t name = r->rows_per_name > 1 ? row / r->rows_per_name : row;
        text(c, is_total ? "TOTAL" : r->names[name]);
        return;
    }
    if (is_total && k->segments_only)
        return;
    const char *base = is_total ? r->total[k->part]
                                : (const char *)r->part[k->part] + row * r->part_size[k->part];
    const void *v = base + k->offset;
    switch (k->src) {
    case SRC_NAME: break;
    case SRC_DOUBLE:
        c->d = *(const double *)v;
        /* Undefined (NaN) is an empty cell in every format. */
        c->kind = isnan(c->d) ? CELL_EMPTY : CELL_NUM;
        break;
    case SRC_INT64:
        c->kind = CELL_INT;
        c->i = *(const int64_t *)v;
        break;
    case SRC_INT32:
        c->kind = CELL_INT;
        c->i = *(const int32_t *)v;
        break;
    case SRC_WHOLE:
        c->kind = CELL_INT;
        c->i = (int64_t)*(const double *)v;
        break;
    case SRC_MONTH: {
        int32_t t = *(const int32_t *)v;
        if (t <= 0)
            break; /* not within the horizon: empty */
        if (r->start_year) {
            text(c, month_label(c->label, sizeof c->label, r->start_year, r->start_month, t));
        } else {
            c->kind = CELL_INT;
            c->i = t;
        }
        break;
    }
    case SRC_FLAGS:
        c->kind = CELL_FLAGS;
        c->flags = *(const uint32_t *)v;
        break;
    case SRC_RATING: text(c, amsize_rating_name(*(const int32_t *)v)); break;
    case SRC_BINDING: text(c, amsize_binding_name(*(const int32_t *)v)); break;
    case SRC_ACCRETIVE: {
        const amsize_pilot *p = v;
        /* Without a delta there is no answer: neither yes nor no. */
        if (!isnan(p->delta)) {
            c->kind = CELL_BOOL;
            c->i = p->accretive;
        }
        break;
    }
    }
}

const char *flags_text(char *buf, uint32_t flags, const char *sep, const char *quote)
{
    size_t n = 0;
    buf[0] = '\0';
    for (uint32_t bit = 1; bit <= AMSIZE_FLAG_ALL; bit <<= 1) {
        const char *name = (flags & bit) ? amsize_flag_name(bit) : NULL;
        if (name && n < FLAGS_TEXT_SIZE)
            n += (size_t)snprintf(buf + n, FLAGS_TEXT_SIZE - n, "%s%s%s%s", n ? sep : "",
                                  quote, name, quote);
    }
    return buf;
}
