/* The columns of the reports, one row per column, and their cells (see
 * report.h). A new output column is one row here. */
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

/* The evaluation's AMs: the roster's and the sums of their accounts
 * (amsize_am), then their evaluation. In the order of issue 12. */
enum { AM_IN, AM_EVAL };
#define AMI(member) AM_IN, offsetof(amsize_am, member)
#define AME(member) AM_EVAL, offsetof(amsize_am_eval, member)

static const column am_cols[] = {
    {"am_id", "AM", UNIT_TEXT, 1, SRC_NAME, 0, 0, 0},
    {"segment", "Segment", UNIT_TEXT, 1, SRC_SEGMENT, AMI(segment), 0},
    {"fte", "FTE", UNIT_RATIO, 1, SRC_DOUBLE, AMI(fte), 0},
    {"accounts", "Accounts", UNIT_COUNT, 1, SRC_INT64, AMI(accounts), 0},
    {"weighted_accounts", "Weighted", UNIT_COUNT, 1, SRC_DOUBLE, AMI(weighted_accounts), 0},
    {"book", "Book", UNIT_MONEY, 1, SRC_DOUBLE, AMI(book), 0},
    {"upsell", "Upsell", UNIT_MONEY, 0, SRC_DOUBLE, AMI(upsell), 0},
    {"cross_sell", "Cross-sell", UNIT_MONEY, 0, SRC_DOUBLE, AMI(cross_sell), 0},
    {"churn", "Churn", UNIT_MONEY, 0, SRC_DOUBLE, AMI(churn), 0},
    {"net_ratio", "Net ratio", UNIT_MONEY, 1, SRC_DOUBLE, AME(net_ratio), 0},
    {"target", "Target", UNIT_MONEY, 1, SRC_DOUBLE, AME(target), 0},
    {"attainment", "Attainment", UNIT_PCT, 1, SRC_DOUBLE, AME(attainment), 0},
    {"load", "Load", UNIT_COUNT, 1, SRC_DOUBLE, AME(load), 0},
    {"min_load", "Min load", UNIT_COUNT, 0, SRC_DOUBLE, AME(min_load), 0},
    {"max_load", "Max load", UNIT_COUNT, 0, SRC_DOUBLE, AME(max_load), 0},
    {"flags", "Flags", UNIT_TEXT, 1, SRC_AM_FLAGS, AME(flags), 0},
};

/* The evaluation's segments: one part, amsize_segment_eval. The csm_
 * columns come last: without csm_covered the table stops before them. */
enum { SEG_EVAL };
#define SE(member) SEG_EVAL, offsetof(amsize_segment_eval, member)

static const column segment_eval_cols[] = {
    {"segment", "Segment", UNIT_TEXT, 1, SRC_NAME, 0, 0, 0},
    {"ams", "AMs", UNIT_COUNT, 1, SRC_INT64, SE(ams), 0},
    {"fte", "FTE", UNIT_RATIO, 1, SRC_DOUBLE, SE(fte), 0},
    {"headcount", "Headcount", UNIT_COUNT, 1, SRC_DOUBLE, SE(headcount), 0},
    {"fte_gap", "FTE gap", UNIT_RATIO, 1, SRC_DOUBLE, SE(fte_gap), 0},
    {"accounts_covered", "Covered", UNIT_COUNT, 0, SRC_INT64, SE(accounts_covered), 0},
    {"accounts_uncovered", "Uncovered", UNIT_COUNT, 0, SRC_INT64, SE(accounts_uncovered), 0},
    {"book_covered", "Book covered", UNIT_MONEY, 0, SRC_DOUBLE, SE(book_covered), 0},
    {"book_uncovered", "Book uncovered", UNIT_MONEY, 0, SRC_DOUBLE, SE(book_uncovered), 0},
    {"nr_pct_covered", "NR % covered", UNIT_PCT, 1, SRC_DOUBLE, SE(nr_pct_covered), 0},
    {"nr_pct_uncovered", "NR % uncovered", UNIT_PCT, 1, SRC_DOUBLE, SE(nr_pct_uncovered), 0},
    {"delta", "Delta", UNIT_PCT, 1, SRC_DOUBLE, SE(delta), 0},
    {"lift", "Lift", UNIT_RATIO, 0, SRC_DOUBLE, SE(lift), 0},
    {"incremental", "Incremental", UNIT_MONEY, 1, SRC_DOUBLE, SE(incremental), 0},
    {"accretive", "Accretive", UNIT_TEXT, 0, SRC_EVAL_ACCRETIVE, SEG_EVAL, 0, 0},
    {"net_ratio_covered", "NR covered", UNIT_MONEY, 0, SRC_DOUBLE, SE(net_ratio_covered), 0},
    {"net_ratio_uncovered", "NR uncovered", UNIT_MONEY, 0, SRC_DOUBLE,
     SE(net_ratio_uncovered), 0},
    {"net_per_fte", "NR/FTE", UNIT_MONEY, 0, SRC_DOUBLE, SE(net_per_fte), 0},
    {"observed_productivity", "Observed P", UNIT_MONEY, 1, SRC_DOUBLE,
     SE(observed_productivity), 0},
    {"attainment_median", "Med. attainment", UNIT_PCT, 1, SRC_DOUBLE, SE(attainment_median), 0},
    {"share_at_plan", "At plan", UNIT_PCT, 1, SRC_DOUBLE, SE(share_at_plan), 0},
    {"load_min", "Load min", UNIT_COUNT, 0, SRC_DOUBLE, SE(load_min), 0},
    {"load_median", "Load median", UNIT_COUNT, 1, SRC_DOUBLE, SE(load_median), 0},
    {"load_max", "Load max", UNIT_COUNT, 0, SRC_DOUBLE, SE(load_max), 0},
    {"overloaded", "Over", UNIT_COUNT, 1, SRC_INT64, SE(overloaded), 0},
    {"underloaded", "Under", UNIT_COUNT, 1, SRC_INT64, SE(underloaded), 0},
    {"below_plan", "Below plan", UNIT_COUNT, 1, SRC_INT64, SE(below_plan), 0},
    {"resized_headcount", "Resized HC", UNIT_COUNT, 1, SRC_DOUBLE, SE(resized_headcount), 0},
    {"resized_binding", "Resized binding", UNIT_TEXT, 1, SRC_BINDING, SE(resized_binding), 0},
    /* With csm_covered only: */
    {"csm_accounts_covered", "CSM covered", UNIT_COUNT, 0, SRC_INT64,
     SE(csm_accounts_covered), 0},
    {"csm_accounts_uncovered", "CSM uncovered", UNIT_COUNT, 0, SRC_INT64,
     SE(csm_accounts_uncovered), 0},
    {"csm_book_covered", "CSM book covered", UNIT_MONEY, 0, SRC_DOUBLE, SE(csm_book_covered),
     0},
    {"csm_book_uncovered", "CSM book uncovered", UNIT_MONEY, 0, SRC_DOUBLE,
     SE(csm_book_uncovered), 0},
    {"csm_nr_pct_covered", "CSM NR % covered", UNIT_PCT, 0, SRC_DOUBLE,
     SE(csm_nr_pct_covered), 0},
    {"csm_nr_pct_uncovered", "CSM NR % uncovered", UNIT_PCT, 0, SRC_DOUBLE,
     SE(csm_nr_pct_uncovered), 0},
    {"csm_delta", "CSM delta", UNIT_PCT, 1, SRC_DOUBLE, SE(csm_delta), 0},
    {"csm_lift", "CSM lift", UNIT_RATIO, 0, SRC_DOUBLE, SE(csm_lift), 0},
    {"csm_incremental", "CSM incremental", UNIT_MONEY, 1, SRC_DOUBLE, SE(csm_incremental), 0},
    {"csm_accretive", "CSM accretive", UNIT_TEXT, 0, SRC_CSM_ACCRETIVE, SEG_EVAL, 0, 0},
};
/* The columns before the csm_ ones. */
#define SEGMENT_EVAL_BASE_COLS 29

/* The evaluation's resized chart (xlsx): each segment's chart row beside
 * the same row at the observed productivity. */
enum { RS_SEGMENT, RS_EVAL, RS_CHART, RS_RESIZED };
#define RSS(member) RS_SEGMENT, offsetof(amsize_segment, member)
#define RSC(member) RS_CHART, offsetof(amsize_chart_row, member)
#define RSR(member) RS_RESIZED, offsetof(resized_row, member)

static const column resized_cols[] = {
    {"segment", "Segment", UNIT_TEXT, 1, SRC_NAME, 0, 0, 0},
    {"am_productivity", "P", UNIT_MONEY, 1, SRC_DOUBLE, RSS(am_productivity), 0},
    {"observed_productivity", "Observed P", UNIT_MONEY, 1, SRC_DOUBLE,
     RS_EVAL, offsetof(amsize_segment_eval, observed_productivity), 0},
    {"fte_demand", "FTE demand", UNIT_RATIO, 1, SRC_DOUBLE, RSC(fte_demand), 0},
    {"resized_fte_demand", "Resized FTE demand", UNIT_RATIO, 1, SRC_DOUBLE,
     RSR(fte_demand), 0},
    {"hc_demand", "Demand", UNIT_COUNT, 1, SRC_INT64, RSC(hc_demand), 0},
    {"resized_hc_demand", "Resized demand", UNIT_COUNT, 1, SRC_DOUBLE, RSR(hc_demand), 0},
    {"hc_floor", "Floor", UNIT_COUNT, 1, SRC_INT64, RSC(hc_floor), 0},
    {"resized_hc_floor", "Resized floor", UNIT_COUNT, 1, SRC_DOUBLE, RSR(hc_floor), 0},
    {"hc_ceiling", "Ceiling", UNIT_COUNT, 1, SRC_INT64, RSC(hc_ceiling), 0},
    {"resized_hc_ceiling", "Resized ceiling", UNIT_COUNT, 1, SRC_DOUBLE, RSR(hc_ceiling), 0},
    {"headcount", "Headcount", UNIT_COUNT, 1, SRC_INT64, RSC(headcount), 0},
    {"resized_headcount", "Resized headcount", UNIT_COUNT, 1, SRC_DOUBLE, RSR(headcount), 0},
    {"binding", "Binding", UNIT_TEXT, 1, SRC_BINDING, RSC(binding), 0},
    {"resized_binding", "Resized binding", UNIT_TEXT, 1, SRC_BINDING, RSR(binding), 0},
    {"cost", "AM cost", UNIT_MONEY, 1, SRC_DOUBLE, RSC(cost), 0},
    {"resized_cost", "Resized AM cost", UNIT_MONEY, 1, SRC_DOUBLE, RSR(cost), 0},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The csm_ columns are the last ones. */
typedef char segment_eval_cols_check[COUNT(segment_eval_cols) == SEGMENT_EVAL_BASE_COLS + 10
                                         ? 1
                                         : -1];

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

void evaluate_reports(report *segments, report *am_table, report *resized_chart,
                      const input *in, const amsize_segment_eval *evals, const amsize_am *ams,
                      const amsize_am_eval *am_evals, const amsize_chart_row *chart,
                      const resized_row *resized, const amsize_model *model,
                      const eval_info *info)
{
    memset(segments, 0, sizeof *segments);
    segments->cols = segment_eval_cols;
    segments->ncols = info->csm_given ? COUNT(segment_eval_cols) : SEGMENT_EVAL_BASE_COLS;
    segments->nrows = in->nsegs;
    segments->names = in->names;
    segments->part[SEG_EVAL] = evals;
    segments->part_size[SEG_EVAL] = sizeof *evals;
    segments->model = model;
    segments->sheet = "Segments";
    segments->next = am_table;
    segments->eval = info;
    segments->findings = info->findings;

    memset(am_table, 0, sizeof *am_table);
    am_table->cols = am_cols;
    am_table->ncols = COUNT(am_cols);
    am_table->nrows = in->roster.n;
    am_table->names = in->roster.id;
    am_table->part[AM_IN] = ams;
    am_table->part_size[AM_IN] = sizeof *ams;
    am_table->part[AM_EVAL] = am_evals;
    am_table->part_size[AM_EVAL] = sizeof *am_evals;
    am_table->model = model;
    am_table->key = "ams";
    am_table->sheet = "AMs";
    am_table->seg_names = in->names;
    am_table->eval = info;
    am_table->load_chart = 1;

    memset(resized_chart, 0, sizeof *resized_chart);
    resized_chart->cols = resized_cols;
    resized_chart->ncols = COUNT(resized_cols);
    resized_chart->nrows = in->nsegs;
    resized_chart->names = in->names;
    resized_chart->part[RS_SEGMENT] = in->segs;
    resized_chart->part_size[RS_SEGMENT] = sizeof *in->segs;
    resized_chart->part[RS_EVAL] = evals;
    resized_chart->part_size[RS_EVAL] = sizeof *evals;
    resized_chart->part[RS_CHART] = chart;
    resized_chart->part_size[RS_CHART] = sizeof *chart;
    resized_chart->part[RS_RESIZED] = resized;
    resized_chart->part_size[RS_RESIZED] = sizeof *resized;
    resized_chart->model = model;
    resized_chart->sheet = "Resized chart";
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
    case SRC_EVAL_ACCRETIVE:
    case SRC_CSM_ACCRETIVE: {
        const amsize_segment_eval *e = v;
        int csm = k->src == SRC_CSM_ACCRETIVE;
        if (!isnan(csm ? e->csm_delta : e->delta)) {
            c->kind = CELL_BOOL;
            c->i = csm ? e->csm_accretive : e->accretive;
        }
        break;
    }
    case SRC_SEGMENT: text(c, r->seg_names[*(const int32_t *)v]); break;
    case SRC_AM_FLAGS:
        c->kind = CELL_FLAGS;
        c->flags = *(const uint32_t *)v;
        c->am_flags = 1;
        break;
    }
}

const char *flags_text(char *buf, const cell *c, const char *sep, const char *quote)
{
    size_t n = 0;
    uint32_t all = c->am_flags ? AMSIZE_AM_ALL : AMSIZE_FLAG_ALL;
    buf[0] = '\0';
    for (uint32_t bit = 1; bit <= all; bit <<= 1) {
        const char *name = !(c->flags & bit) ? NULL
                           : c->am_flags     ? amsize_am_flag_name(bit)
                                             : amsize_flag_name(bit);
        if (name && n < FLAGS_TEXT_SIZE)
            n += (size_t)snprintf(buf + n, FLAGS_TEXT_SIZE - n, "%s%s%s%s", n ? sep : "",
                                  quote, name, quote);
    }
    return buf;
}
