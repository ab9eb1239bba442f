/* Columns and cells of the chart and pilot reports (see report.h). */
#include <config.h>

#include <math.h>
#include <string.h>

#include "report.h"

enum {
    C_SEGMENT, C_ACCOUNTS, C_WEIGHTED, C_BOOK, C_UPSELL, C_CROSS_SELL, C_CHURN_ATTRIBUTED,
    C_NET_RATIO, C_NET_RATIO_PCT, C_RATING, C_SUPPORT_RATING, C_SUPPORT_FACTOR, C_FTE_NET,
    C_FTE_DEMAND, C_MIN_LOAD, C_MAX_LOAD, C_HC_FLOOR, C_HC_CEILING, C_HC_DEMAND,
    C_HEADCOUNT, C_BINDING, C_FLAGS, C_LOAD_PER_AM, C_COST, C_NET_PER_AM, C_ROI, C_NCOLS
};

static const column chart_cols[C_NCOLS] = {
    {"segment", "Segment", UNIT_TEXT, 1},
    {"accounts", "Accounts", UNIT_COUNT, 1},
    {"weighted_accounts", "Weighted", UNIT_COUNT, 0},
    {"book", "Book", UNIT_MONEY, 1},
    {"upsell", "Upsell", UNIT_MONEY, 0},
    {"cross_sell", "Cross-sell", UNIT_MONEY, 0},
    {"churn_attributed", "Churn (attr.)", UNIT_MONEY, 0},
    {"net_ratio", "Net ratio", UNIT_MONEY, 1},
    {"net_ratio_pct", "NR %", UNIT_PCT, 1},
    {"net_ratio_rating", "Rating", UNIT_TEXT, 1},
    {"support_rating", "Support", UNIT_COUNT, 0},
    {"support_factor", "Support f", UNIT_RATIO, 1},
    {"fte_net", "FTE net", UNIT_RATIO, 0},
    {"fte_demand", "FTE demand", UNIT_RATIO, 1},
    {"min_load", "Min load", UNIT_COUNT, 1},
    {"max_load", "Max load", UNIT_COUNT, 1},
    {"hc_floor", "Floor", UNIT_COUNT, 1},
    {"hc_ceiling", "Ceiling", UNIT_COUNT, 1},
    {"hc_demand", "Demand", UNIT_COUNT, 1},
    {"headcount", "Headcount", UNIT_COUNT, 1},
    {"binding", "Binding", UNIT_TEXT, 1},
    {"flags", "Flags", UNIT_TEXT, 1},
    {"load_per_am", "Load/AM", UNIT_RATIO, 0},
    {"cost", "AM cost", UNIT_MONEY, 1},
    {"net_per_am", "NR/AM", UNIT_MONEY, 0},
    {"roi", "ROI", UNIT_RATIO, 1},
};

static void num(cell *c, double d)
{
    c->kind = CELL_NUM;
    c->d = d;
}

static void integer(cell *c, int64_t i)
{
    c->kind = CELL_INT;
    c->i = i;
}

static void text(cell *c, const char *s)
{
    c->kind = s && *s ? CELL_STR : CELL_EMPTY;
    c->s = s;
}

static void chart_get(const report *r, size_t row, size_t col, cell *c)
{
    const chart_data *d = r->data;
    int is_total = row == d->in->nsegs;
    const amsize_chart_row *x = is_total ? d->total : &d->rows[row];

    switch (col) {
    case C_SEGMENT: text(c, is_total ? "TOTAL" : d->in->names[row]); break;
    case C_ACCOUNTS: integer(c, x->accounts); break;
    case C_WEIGHTED: num(c, x->weighted_accounts); break;
    case C_BOOK: num(c, x->book); break;
    case C_UPSELL: num(c, x->upsell); break;
    case C_CROSS_SELL: num(c, x->cross_sell); break;
    case C_CHURN_ATTRIBUTED: num(c, x->churn_attributed); break;
    case C_NET_RATIO: num(c, x->net_ratio); break;
    case C_NET_RATIO_PCT: num(c, x->net_ratio_pct); break;
    case C_RATING: text(c, is_total ? "" : amsize_rating_name(x->net_ratio_rating)); break;
    case C_SUPPORT_RATING:
        if (!is_total)
            integer(c, x->support_rating);
        break;
    case C_SUPPORT_FACTOR: num(c, x->support_factor); break;
    case C_FTE_NET: num(c, x->fte_net); break;
    case C_FTE_DEMAND: num(c, x->fte_demand); break;
    case C_MIN_LOAD: num(c, x->min_load); break;
    case C_MAX_LOAD: num(c, x->max_load); break;
    case C_HC_FLOOR: integer(c, x->hc_floor); break;
    case C_HC_CEILING: integer(c, x->hc_ceiling); break;
    case C_HC_DEMAND: integer(c, x->hc_demand); break;
    case C_HEADCOUNT: integer(c, x->headcount); break;
    case C_BINDING: text(c, is_total ? "" : amsize_binding_name(x->binding)); break;
    case C_FLAGS:
        c->kind = CELL_FLAGS;
        c->flags = x->flags;
        break;
    case C_LOAD_PER_AM: num(c, x->load_per_am); break;
    case C_COST: num(c, x->cost); break;
    case C_NET_PER_AM: num(c, x->net_per_am); break;
    case C_ROI: num(c, x->roi); break;
    default: break;
    }
}

void chart_report(report *r, const chart_data *d, const amsize_model *model)
{
    memset(r, 0, sizeof *r);
    r->cols = chart_cols;
    r->ncols = C_NCOLS;
    r->nrows = d->in->nsegs + 1;
    r->has_total = 1;
    r->get = chart_get;
    r->data = d;
    r->model = model;
}

enum {
    P_SEGMENT, P_ACC_COVERED, P_ACC_UNCOVERED, P_BOOK_COVERED, P_BOOK_UNCOVERED,
    P_NR_PCT_COVERED, P_NR_PCT_UNCOVERED, P_DELTA, P_LIFT, P_INCREMENTAL, P_ACCRETIVE,
    P_NCOLS
};

static const column pilot_cols[P_NCOLS] = {
    {"segment", "Segment", UNIT_TEXT, 1},
    {"accounts_covered", "Covered", UNIT_COUNT, 1},
    {"accounts_uncovered", "Uncovered", UNIT_COUNT, 1},
    {"book_covered", "Book covered", UNIT_MONEY, 1},
    {"book_uncovered", "Book uncovered", UNIT_MONEY, 1},
    {"nr_pct_covered", "NR % covered", UNIT_PCT, 1},
    {"nr_pct_uncovered", "NR % uncovered", UNIT_PCT, 1},
    {"delta", "Delta", UNIT_PCT, 1},
    {"lift", "Lift", UNIT_RATIO, 1},
    {"incremental", "Incremental", UNIT_MONEY, 1},
    {"accretive", "Accretive", UNIT_TEXT, 1},
};

static void pilot_get(const report *r, size_t row, size_t col, cell *c)
{
    const pilot_data *d = r->data;
    const amsize_pilot *p = &d->pilots[row];
    switch (col) {
    case P_SEGMENT: text(c, d->in->names[row]); break;
    case P_ACC_COVERED: integer(c, d->covered[row].accounts); break;
    case P_ACC_UNCOVERED: integer(c, d->uncovered[row].accounts); break;
    case P_BOOK_COVERED: num(c, d->covered[row].book); break;
    case P_BOOK_UNCOVERED: num(c, d->uncovered[row].book); break;
    case P_NR_PCT_COVERED: num(c, p->nr_pct_covered); break;
    case P_NR_PCT_UNCOVERED: num(c, p->nr_pct_uncovered); break;
    case P_DELTA: num(c, p->delta); break;
    case P_LIFT: num(c, p->lift); break;
    case P_INCREMENTAL: num(c, p->incremental); break;
    case P_ACCRETIVE:
        /* Without a delta there is no answer: neither yes nor no. */
        if (!isnan(p->delta)) {
            c->kind = CELL_BOOL;
            c->i = p->accretive;
        }
        break;
    default: break;
    }
}

void pilot_report(report *r, const pilot_data *d, const amsize_model *model)
{
    memset(r, 0, sizeof *r);
    r->cols = pilot_cols;
    r->ncols = P_NCOLS;
    r->nrows = d->in->nsegs;
    r->get = pilot_get;
    r->data = d;
    r->model = model;
}
