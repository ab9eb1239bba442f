/* The sizing chart: the three methods combined per segment, plus the
 * totals row. Demand (Net Ratio scaled by support) is capped by the cost
 * ceiling, and the service floor overrides both. */
#include "internal.h"

const char *amsize_binding_name(int32_t binding)
{
    switch (binding) {
    case AMSIZE_BINDING_NONE: return "";
    case AMSIZE_BINDING_DEMAND: return "demand";
    case AMSIZE_BINDING_SERVICE_FLOOR: return "service_floor";
    case AMSIZE_BINDING_COST_CEILING: return "cost_ceiling";
    default: return "unknown";
    }
}

const char *amsize_flag_name(uint32_t flag)
{
    switch (flag) {
    case AMSIZE_FLAG_NO_ACCOUNTS: return "NO_ACCOUNTS";
    case AMSIZE_FLAG_NO_BOOK: return "NO_BOOK";
    case AMSIZE_FLAG_NEGATIVE_NET: return "NEGATIVE_NET";
    case AMSIZE_FLAG_NO_GROWTH: return "NO_GROWTH";
    case AMSIZE_FLAG_UNECONOMIC: return "UNECONOMIC";
    default: return NULL;
    }
}

static int64_t combine(int64_t floor_hc, int64_t demand, int64_t ceiling)
{
    int64_t capped = demand < ceiling ? demand : ceiling;
    return floor_hc > capped ? floor_hc : capped;
}

static int32_t binding_of(int64_t headcount, int64_t demand)
{
    if (headcount == demand)
        return AMSIZE_BINDING_DEMAND;
    return headcount > demand ? AMSIZE_BINDING_SERVICE_FLOOR : AMSIZE_BINDING_COST_CEILING;
}

static uint32_t row_flags(int64_t accounts, double w, double book, double nr)
{
    uint32_t flags = 0;
    if (w == 0)
        flags |= AMSIZE_FLAG_NO_ACCOUNTS;
    if (book == 0 && accounts > 0)
        flags |= AMSIZE_FLAG_NO_BOOK;
    if (nr < 0)
        flags |= AMSIZE_FLAG_NEGATIVE_NET;
    return flags;
}

/* One chart row from a raw segment: validation, the three methods, the
 * combination. Writes *row only on success. */
static amsize_status row_compute(amsize_chart_row *row, amsize_error *err,
                                 const amsize_segment *seg, const amsize_model *m,
                                 int64_t index)
{
    amsize__seg s;
    amsize_netratio nr;
    amsize_support sup;
    amsize_load load;
    amsize_chart_row r;

    TRY(amsize__seg_load(&s, err, seg, index));
    TRY(amsize__netratio(&nr, err, &s, m, index));
    TRY(amsize__support(&sup, err, &s, m, nr.fte_net, index));
    TRY(amsize__load(&load, err, &s, nr.net_ratio, index));

    memset(&r, 0, sizeof r);
    r.support_rating = s.support_rating;
    r.accounts = s.accounts;
    r.weighted_accounts = s.w;
    r.book = s.book;
    r.upsell = s.upsell;
    r.cross_sell = s.cross_sell;
    r.churn_attributed = nr.churn_attributed;
    r.net_ratio = nr.net_ratio;
    r.net_ratio_pct = nr.net_ratio_pct;
    r.net_ratio_rating = nr.rating;
    r.support_factor = sup.support_factor;
    r.fte_net = nr.fte_net;
    r.fte_demand = sup.fte_demand;
    r.min_load = load.min_load;
    r.max_load = load.max_load;
    r.hc_floor = load.hc_floor;
    r.hc_ceiling = load.hc_ceiling;
    r.hc_demand = sup.hc_demand;
    r.headcount = combine(load.hc_floor, sup.hc_demand, load.hc_ceiling);
    r.binding = binding_of(r.headcount, r.hc_demand);
    r.flags = load.flags | row_flags(s.accounts, s.w, s.book, nr.net_ratio);
    r.cost = (double)r.headcount * s.cost;
    if (!isfinite(r.cost))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_COST);
    if (r.headcount > 0) {
        r.load_per_am = s.w / (double)r.headcount;
        r.net_per_am = nr.net_ratio / (double)r.headcount;
        r.roi = s.margin * nr.net_ratio / r.cost;
        /* A denormal AM cost passes validation (it is > 0) but makes the
         * return on it overflow. */
        if (!isfinite(r.roi))
            return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_ROI);
    } else {
        r.load_per_am = r.net_per_am = r.roi = NAN;
    }
    *row = r;
    return AMSIZE_OK;
}

/* The totals row under construction: exact integer sums and compensated
 * floating sums. */
typedef struct chart_sum {
    int64_t accounts, hc_floor, hc_ceiling, hc_demand, headcount;
    amsize__ksum w, book, upsell, cross_sell, churn_attributed, net_ratio, fte_net,
        fte_demand, cost;
} chart_sum;

static int add_i64(int64_t *acc, int64_t v)
{
    if (v > AMSIZE_HEADCOUNT_MAX - *acc)
        return 0;
    *acc += v;
    return 1;
}

static amsize_status sum_add(chart_sum *t, amsize_error *err, const amsize_chart_row *r)
{
    if (r->accounts > INT64_MAX - t->accounts)
        return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_ACCOUNTS);
    t->accounts += r->accounts;
    if (!add_i64(&t->hc_floor, r->hc_floor))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_HC_FLOOR);
    if (!add_i64(&t->hc_ceiling, r->hc_ceiling))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_HC_CEILING);
    if (!add_i64(&t->hc_demand, r->hc_demand))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_HC_DEMAND);
    if (!add_i64(&t->headcount, r->headcount))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_HEADCOUNT);
    amsize__ksum_add(&t->w, r->weighted_accounts);
    amsize__ksum_add(&t->book, r->book);
    amsize__ksum_add(&t->upsell, r->upsell);
    amsize__ksum_add(&t->cross_sell, r->cross_sell);
    amsize__ksum_add(&t->churn_attributed, r->churn_attributed);
    amsize__ksum_add(&t->net_ratio, r->net_ratio);
    amsize__ksum_add(&t->fte_net, r->fte_net);
    amsize__ksum_add(&t->fte_demand, r->fte_demand);
    amsize__ksum_add(&t->cost, r->cost);
    return AMSIZE_OK;
}

static amsize_status sum_finish(amsize_chart_row *out, amsize_error *err, const chart_sum *t)
{
    static const amsize_field fields[] = {
        AMSIZE_FIELD_WEIGHTED_ACCOUNTS, AMSIZE_FIELD_BOOK, AMSIZE_FIELD_UPSELL,
        AMSIZE_FIELD_CROSS_SELL, AMSIZE_FIELD_CHURN_ATTRIBUTED, AMSIZE_FIELD_NET_RATIO,
        AMSIZE_FIELD_FTE_NET, AMSIZE_FIELD_FTE_DEMAND, AMSIZE_FIELD_COST,
    };
    amsize_chart_row r;
    double v[9];

    v[0] = amsize__ksum_value(&t->w);
    v[1] = amsize__ksum_value(&t->book);
    v[2] = amsize__ksum_value(&t->upsell);
    v[3] = amsize__ksum_value(&t->cross_sell);
    v[4] = amsize__ksum_value(&t->churn_attributed);
    v[5] = amsize__ksum_value(&t->net_ratio);
    v[6] = amsize__ksum_value(&t->fte_net);
    v[7] = amsize__ksum_value(&t->fte_demand);
    v[8] = amsize__ksum_value(&t->cost);
    for (size_t i = 0; i < 9; i++) {
        if (!isfinite(v[i]))
            return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, fields[i]);
    }
    memset(&r, 0, sizeof r);
    r.accounts = t->accounts;
    r.weighted_accounts = v[0];
    r.book = v[1];
    r.upsell = v[2];
    r.cross_sell = v[3];
    r.churn_attributed = v[4];
    r.net_ratio = v[5];
    r.net_ratio_pct = r.book > 0 ? r.net_ratio / r.book : NAN;
    if (isinf(r.net_ratio_pct))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_NET_RATIO);
    r.net_ratio_rating = AMSIZE_RATING_NONE;
    r.binding = AMSIZE_BINDING_NONE;
    r.support_factor = NAN;
    r.fte_net = v[6];
    r.fte_demand = v[7];
    r.min_load = NAN;
    r.max_load = NAN;
    r.hc_floor = t->hc_floor;
    r.hc_ceiling = t->hc_ceiling;
    r.hc_demand = t->hc_demand;
    r.headcount = t->headcount;
    r.load_per_am = r.headcount > 0 ? r.weighted_accounts / (double)r.headcount : NAN;
    r.cost = v[8];
    r.net_per_am = NAN;
    r.roi = NAN;
    *out = r;
    return AMSIZE_OK;
}

amsize_status amsize_chart_row_init_(amsize_chart_row *rows, size_t rows_len,
                                     size_t struct_size)
{
    TRY(amsize__init_check(rows, rows_len, struct_size, sizeof(amsize_chart_row)));
    for (size_t i = 0; i < rows_len; i++) {
        memset(&rows[i], 0, sizeof rows[i]);
        rows[i].struct_size = (uint32_t)struct_size;
    }
    return AMSIZE_OK;
}

/* Every element of an output array must carry the stride of the first. */
static amsize_status rows_check(amsize_error *err, const amsize_chart_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (rows[i].struct_size != sizeof *rows)
            return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, (int64_t)i, AMSIZE_FIELD_ROWS);
    }
    return AMSIZE_OK;
}

amsize_status amsize_chart_compute(amsize_chart_row *rows, size_t rows_len,
                                   amsize_chart_row *total, amsize_error *err,
                                   const amsize_segment *segs, size_t segs_len,
                                   const amsize_model *model)
{
    amsize_model m;
    amsize_chart_row r, t;
    chart_sum sum;

    TRY(amsize__err_begin(err));
    if (!segs)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_SEGMENTS);
    if (segs_len == 0)
        return amsize__fail(err, AMSIZE_E_EMPTY, -1, AMSIZE_FIELD_SEGMENTS);
    if (!rows)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_ROWS);
    if (rows_len < segs_len)
        return amsize__fail(err, AMSIZE_E_BUFFER, -1, AMSIZE_FIELD_ROWS);
    /* The first element's size is the caller's stride. 1.0 knows one size,
     * so a stride of another size is refused before any indexing. */
    if (segs[0].struct_size != sizeof *segs)
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, 0, AMSIZE_FIELD_STRUCT_SIZE);
    TRY(rows_check(err, rows, segs_len));
    if (total && total->struct_size != sizeof *total)
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, -1, AMSIZE_FIELD_TOTAL);
    TRY(amsize__model_load(&m, err, model));

    /* Pass 1 validates and computes everything, totals included, without
     * writing; pass 2 repeats the (cheap, deterministic) computation and
     * writes. So a bad segment 99 leaves rows 0..98 untouched. */
    memset(&sum, 0, sizeof sum);
    for (size_t i = 0; i < segs_len; i++) {
        TRY(row_compute(&r, err, &segs[i], &m, (int64_t)i));
        TRY(sum_add(&sum, err, &r));
    }
    TRY(sum_finish(&t, err, &sum));

    for (size_t i = 0; i < segs_len; i++) {
        (void)row_compute(&r, NULL, &segs[i], &m, (int64_t)i);
        r.struct_size = rows[i].struct_size;
        rows[i] = r;
    }
    if (total) {
        t.struct_size = total->struct_size;
        *total = t;
    }
    return AMSIZE_OK;
}

/* ---- scalar functions ---------------------------------------------------- */

double amsize_headcount_calc(double hc_floor, double hc_demand, double hc_ceiling)
{
    if (!amsize__is_count(hc_floor) || !amsize__is_count(hc_demand) || !amsize__is_count(hc_ceiling))
        return NAN;
    return (double)combine((int64_t)hc_floor, (int64_t)hc_demand, (int64_t)hc_ceiling);
}

double amsize_binding_calc(double headcount, double hc_demand)
{
    if (!amsize__is_count(headcount) || !amsize__is_count(hc_demand))
        return NAN;
    return (double)binding_of((int64_t)headcount, (int64_t)hc_demand);
}

double amsize_load_per_am_calc(double weighted_accounts, double headcount)
{
    if (!AMSIZE__SEG_OK(WEIGHTED_ACCOUNTS, weighted_accounts) || !amsize__is_count(headcount) ||
        headcount == 0)
        return NAN;
    return weighted_accounts / headcount;
}

double amsize_cost_calc(double headcount, double am_cost)
{
    if (!amsize__is_count(headcount) || !AMSIZE__SEG_OK(AM_COST, am_cost))
        return NAN;
    double cost = headcount * am_cost;
    return isfinite(cost) ? cost : NAN;
}

double amsize_net_per_am_calc(double net_ratio, double headcount)
{
    if (!isfinite(net_ratio) || !amsize__is_count(headcount) || headcount == 0)
        return NAN;
    return net_ratio / headcount;
}

double amsize_roi_calc(double gross_margin, double net_ratio, double cost)
{
    if (!AMSIZE__SEG_OK(GROSS_MARGIN, gross_margin) || !isfinite(net_ratio) ||
        !amsize__positive(cost))
        return NAN;
    double roi = gross_margin * net_ratio / cost;
    return isfinite(roi) ? roi : NAN;
}

double amsize_flags_calc(double accounts, double weighted_accounts, double book,
                         double net_ratio, double growth_per_account, double min_load,
                         double max_load)
{
    if (!AMSIZE__SEG_OK(ACCOUNTS, accounts) || accounts != floor(accounts) ||
        !AMSIZE__SEG_OK(WEIGHTED_ACCOUNTS, weighted_accounts) || !AMSIZE__SEG_OK(BOOK, book) ||
        !isfinite(net_ratio) || isinf(growth_per_account) || isinf(min_load) ||
        min_load <= 0 || !AMSIZE__SEG_OK(MAX_LOAD, max_load))
        return NAN;
    /* growth_per_account may be NaN: undefined when W = 0. */
    uint32_t flags = row_flags(accounts > 0 ? 1 : 0, weighted_accounts, book, net_ratio);
    if (weighted_accounts > 0) {
        if (!(growth_per_account > 0))
            flags |= AMSIZE_FLAG_NO_GROWTH;
        if (isnan(min_load) || min_load > max_load)
            flags |= AMSIZE_FLAG_UNECONOMIC;
    }
    return (double)flags;
}
