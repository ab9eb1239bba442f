/* The hiring plan (see amsize/plan.h): a segment's staff month by month,
 * in the order the header gives, from the chart's headcount and demand. */
#include "internal.h"

amsize_status amsize_staffing_init_(amsize_staffing *staff, size_t staff_len,
                                    size_t struct_size)
{
    TRY(amsize__init_check(staff, staff_len, struct_size, sizeof(amsize_staffing)));
    for (size_t i = 0; i < staff_len; i++) {
        memset(&staff[i], 0, sizeof staff[i]);
        staff[i].struct_size = (uint32_t)struct_size;
        amsize__write_defaults(&staff[i], AMSIZE_SCHEMA_STAFFING);
    }
    return AMSIZE_OK;
}

amsize_status amsize_plan_month_init_(amsize_plan_month *months, size_t months_len,
                                      size_t struct_size)
{
    TRY(amsize__init_check(months, months_len, struct_size, sizeof(amsize_plan_month)));
    for (size_t i = 0; i < months_len; i++)
        TRY(amsize__out_init(&months[i], struct_size, sizeof(amsize_plan_month)));
    return AMSIZE_OK;
}

amsize_status amsize_plan_summary_init_(amsize_plan_summary *summary, size_t struct_size)
{
    return amsize__out_init(summary, struct_size, sizeof(amsize_plan_summary));
}

static amsize_status staffing_load(amsize_error *err, const amsize_staffing *staff,
                                   int64_t index)
{
    if (!staff)
        return amsize__fail(err, AMSIZE_E_NULL, index, AMSIZE_FIELD_STAFFING);
    if (staff->struct_size != sizeof(amsize_staffing))
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, index, AMSIZE_FIELD_STAFFING);
    return amsize__struct_check(err, staff, AMSIZE_SCHEMA_STAFFING, index);
}

amsize_status amsize_staffing_check(amsize_error *err, const amsize_staffing *staff,
                                    int64_t index)
{
    TRY(amsize__err_begin(err));
    return staffing_load(err, staff, index);
}

/* Everything one month's step reads. */
typedef struct plan {
    double target;      /* H* */
    double demand;      /* D */
    double p_month;     /* P_eff/12 */
    double k_month;     /* K/12 */
    double q, keep;     /* monthly leaving rate, and 1 - q */
    double keep_l;      /* (1-q)^L */
    double keep_l1;     /* (1-q)^(L+1) */
    int32_t fill;       /* L */
    int32_t ramp_months;
    const double *ramp; /* NULL: the ramp_months curve */
    size_t ramp_len;
    size_t first;       /* the cohorts on hand: sizes work[0..first-1] */
    const int32_t *tenure; /* NULL: all fully ramped */
} plan;

static double ramp_share(const plan *p, int64_t tau)
{
    if (tau < 0)
        return 1.0; /* AMSIZE_TENURE_RAMPED, grown */
    if (p->ramp)
        return (uint64_t)tau < p->ramp_len ? p->ramp[tau] : 1.0;
    return fmin(1.0, ((double)tau + 1.0) / ((double)p->ramp_months + 1.0));
}

/* How many months a new AM ramps: from this tenure on, R is 1. */
static size_t ramp_window(const plan *p)
{
    return p->ramp ? p->ramp_len : (size_t)p->ramp_months;
}

/* Σ n over the cohorts on hand and the started ones still ramping
 * (start months from..to), plus the ramped ones summed in old. */
static double staff_sum(const plan *p, const double *hand, const double *started, size_t from,
                        size_t to, const amsize__ksum *old)
{
    amsize__ksum k = *old;
    for (size_t i = 0; i < p->first; i++)
        amsize__ksum_add(&k, hand[i]);
    for (size_t u = from; u <= to; u++)
        amsize__ksum_add(&k, started[u - 1]);
    return amsize__ksum_value(&k);
}

/* Runs the plan. With out == NULL it only finds out whether it can run to
 * the end (every number finite), so that a failure writes nothing. work
 * holds the cohorts on hand (p->first of them), then the cohort started in
 * each month, then the requisitions opened in each month.
 *
 * Every cohort shrinks by the same factor each month, so the started
 * cohorts that have finished ramping (R = 1 from then on) need not be kept
 * apart: they are summed in old, which shrinks as each of them would. Only
 * the ramping ones are walked each month, which keeps a month's work to
 * the roster plus the ramp's length. */
static amsize_status run(amsize_plan_month *out, amsize_plan_summary *sum, amsize_error *err,
                         const plan *p, double *work, size_t horizon)
{
    double *hand = work, *started = work + p->first, *req = started + horizon;
    amsize__ksum reqs = {0, 0}, starts = {0, 0}, leavers = {0, 0}, shortfall = {0, 0},
                 cost = {0, 0}, old = {0, 0};
    const size_t window = ramp_window(p);
    size_t from = 1; /* the first start month not yet folded into old */
    int32_t first_at_demand = 0;
    double hc = 0, open = 0; /* sum(r_u*(1-q)^(t-u)) over the open requisitions */

    for (size_t t = 1; t <= horizon; t++) {
        /* Cohorts whose tenure reaches the window this month are ramped
         * for good. */
        for (; from < t && t - from >= window; from++)
            amsize__ksum_add(&old, started[from - 1]);
        /* 1. Attrition, over the cohorts of earlier months. */
        double left = p->q * staff_sum(p, hand, started, from, t - 1, &old);
        for (size_t i = 0; i < p->first; i++)
            hand[i] *= p->keep;
        for (size_t u = from; u < t; u++)
            started[u - 1] *= p->keep;
        old.sum *= p->keep;
        old.c *= p->keep;
        /* 2. Requisitions: what opens now starts at t + L, so count what
         * is on staff then and what was opened but has not started. */
        amsize__ksum proj = {staff_sum(p, hand, started, from, t - 1, &old) * p->keep_l, 0};
        amsize__ksum_add(&proj, open);
        double r = fmax(0.0, amsize__ceil_eps(p->target - amsize__ksum_value(&proj)));
        req[t - 1] = r;
        /* What is open at t + 1: everything open now a month older, less
         * the requisition that starts then (opened at t - L). A running
         * sum, so that a long time to fill costs nothing per month. */
        open = p->keep * (open + r);
        if (t > (size_t)p->fill)
            open = fmax(0.0, open - req[t - 1 - (size_t)p->fill] * p->keep_l1);
        /* 3. Starts. */
        double s = t > (size_t)p->fill ? req[t - 1 - (size_t)p->fill] : 0.0;
        started[t - 1] = s;
        /* 4. The month's numbers; tenure is months since the plan's start
         * (step 5 runs after each report). */
        amsize__ksum rre = old;
        for (size_t i = 0; i < p->first; i++) {
            int64_t tau = p->tenure && p->tenure[i] != AMSIZE_TENURE_RAMPED
                              ? (int64_t)p->tenure[i] + (int64_t)t - 1
                              : -1;
            amsize__ksum_add(&rre, hand[i] * ramp_share(p, tau));
        }
        for (size_t u = from; u <= t; u++)
            amsize__ksum_add(&rre, started[u - 1] * ramp_share(p, (int64_t)(t - u)));
        hc = staff_sum(p, hand, started, from, t, &old);
        double rr = amsize__ksum_value(&rre);
        double gap = fmax(0.0, p->demand - rr);
        double cap = rr * p->p_month, c = hc * p->k_month, lost = gap * p->p_month;
        if (!isfinite(c) || !isfinite(cap) || !isfinite(lost))
            return amsize__fail(err, AMSIZE_E_OVERFLOW, (int64_t)t,
                                isfinite(c) ? AMSIZE_FIELD_AM_PRODUCTIVITY : AMSIZE_FIELD_COST);
        if (!first_at_demand && rr >= p->demand - AMSIZE_EPS * fmax(1.0, p->demand))
            first_at_demand = (int32_t)t;
        amsize__ksum_add(&reqs, r);
        amsize__ksum_add(&starts, s);
        amsize__ksum_add(&leavers, left);
        amsize__ksum_add(&shortfall, lost);
        amsize__ksum_add(&cost, c);
        if (out) {
            amsize_plan_month *m = &out[t - 1];
            m->month = (int32_t)t;
            m->headcount = hc;
            m->leavers = left;
            m->requisitions = r;
            m->starts = s;
            m->rre = rr;
            m->capacity = cap;
            m->demand = p->demand;
            m->gap = gap;
            m->cost = c;
            m->reserved = 0;
        }
    }
    double total_cost = amsize__ksum_value(&cost), total_lost = amsize__ksum_value(&shortfall);
    if (!isfinite(total_cost) || !isfinite(total_lost))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, -1,
                            isfinite(total_cost) ? AMSIZE_FIELD_AM_PRODUCTIVITY
                                                 : AMSIZE_FIELD_COST);
    if (sum) {
        sum->first_month_at_demand = first_at_demand;
        sum->requisitions = amsize__ksum_value(&reqs);
        sum->starts = amsize__ksum_value(&starts);
        sum->leavers = amsize__ksum_value(&leavers);
        sum->shortfall = total_lost;
        sum->plan_cost = total_cost;
        sum->end_headcount = hc;
        sum->reserved = 0;
    }
    return AMSIZE_OK;
}

/* The ramp curve and the roster, checked against the field table. */
static amsize_status check_columns(amsize_error *err, const double *ramp, size_t ramp_len,
                                   const double *size, const int32_t *tenure, size_t n)
{
    const amsize__fielddef *share = amsize__schema_def(AMSIZE_SCHEMA_RAMP, AMSIZE_FIELD_SHARE);
    const amsize__fielddef *fte = amsize__schema_def(AMSIZE_SCHEMA_ROSTER, AMSIZE_FIELD_FTE);
    const amsize__fielddef *months =
        amsize__schema_def(AMSIZE_SCHEMA_ROSTER, AMSIZE_FIELD_TENURE_MONTHS);

    if (!ramp && ramp_len > 0)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_SHARE);
    for (size_t i = 0; ramp && i < ramp_len; i++) {
        TRY(amsize__field_value(err, share, AMSIZE_FIELD_SHARE, ramp[i], (int64_t)i));
        if (i > 0 && ramp[i] < ramp[i - 1])
            return amsize__fail(err, AMSIZE_E_ORDER, (int64_t)i, AMSIZE_FIELD_SHARE);
    }
    if (size && !tenure && n > 0)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_TENURE_MONTHS);
    for (size_t i = 0; size && i < n; i++) {
        TRY(amsize__field_value(err, fte, AMSIZE_FIELD_FTE, size[i], (int64_t)i));
        if (tenure[i] != AMSIZE_TENURE_RAMPED)
            TRY(amsize__field_value(err, months, AMSIZE_FIELD_TENURE_MONTHS, tenure[i],
                                    (int64_t)i));
    }
    return AMSIZE_OK;
}

amsize_status amsize_plan_compute(amsize_plan_month *months, size_t months_len,
                                  amsize_plan_summary *summary, amsize_error *err,
                                  double *work, size_t work_len, const amsize_segment *seg,
                                  const amsize_model *model, const amsize_staffing *staff,
                                  const double *ramp, size_t ramp_len,
                                  const double *cohort_size, const int32_t *cohort_tenure,
                                  size_t cohorts_len)
{
    amsize_chart_row row;
    amsize_model m;
    plan p;

    TRY(amsize__err_begin(err));
    if (!months)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_ROWS);
    if (months_len == 0 || months_len > AMSIZE_PLAN_HORIZON_MAX)
        return amsize__fail(err, AMSIZE_E_RANGE, -1, AMSIZE_FIELD_ROWS);
    for (size_t i = 0; i < months_len; i++)
        if (months[i].struct_size != sizeof(amsize_plan_month))
            return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, (int64_t)i, AMSIZE_FIELD_ROWS);
    if (summary && summary->struct_size != sizeof *summary)
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, -1, AMSIZE_FIELD_TOTAL);
    if (!work)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_WORK);
    TRY(staffing_load(err, staff, -1));
    TRY(check_columns(err, ramp, ramp_len, cohort_size, cohort_tenure, cohorts_len));
    /* plan.h asks for cohorts_len + 2*months_len + 1 doubles, cohorts_len
     * counting roster AMs (0 without a roster): the cohorts on hand (the
     * roster, or the one current_ams cohort), a cohort started in each
     * month and the requisitions opened in each. */
    p.first = cohort_size ? cohorts_len : 1;
    size_t roster = cohort_size ? cohorts_len : 0;
    if (roster > work_len || work_len - roster < 2 * months_len + 1)
        return amsize__fail(err, AMSIZE_E_BUFFER, -1, AMSIZE_FIELD_WORK);
    TRY(amsize__model_load(&m, err, model));
    TRY(amsize_chart_row_init(&row, 1));
    TRY(amsize_chart_compute(&row, 1, NULL, err, seg, 1, &m));

    p.target = (double)row.headcount;
    p.demand = row.fte_demand;
    p.p_month = seg->am_productivity * m.selling_time[seg->support_rating - 1] /
                m.selling_time[AMSIZE_SUPPORT_RATING_REFERENCE - 1] / 12.0;
    p.k_month = seg->am_cost / 12.0;
    p.q = 1.0 - pow(1.0 - staff->attrition, 1.0 / 12.0);
    p.keep = 1.0 - p.q;
    p.fill = staff->time_to_fill;
    p.keep_l = pow(p.keep, (double)p.fill);
    p.keep_l1 = pow(p.keep, (double)p.fill + 1.0);
    p.ramp_months = staff->ramp_months;
    p.ramp = ramp;
    p.ramp_len = ramp_len;
    p.tenure = cohort_size ? cohort_tenure : NULL;
    if (!isfinite(p.p_month))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_AM_PRODUCTIVITY);

    /* No month can have more staff than it started with plus a full
     * headcount's starts each month, nor more rre, nor a bigger gap than D.
     * When those bounds keep every sum finite, one pass writes at once;
     * otherwise a first pass learns that every number is finite. */
    amsize__ksum on_hand = {0, 0};
    for (size_t i = 0; i < p.first; i++)
        amsize__ksum_add(&on_hand, cohort_size ? cohort_size[i] : (double)staff->current_ams);
    double most = amsize__ksum_value(&on_hand) + (double)months_len * p.target;
    double h = (double)months_len;
    int safe = isfinite(h * most * p.k_month) && isfinite(h * most * p.p_month) &&
               isfinite(h * p.demand * p.p_month) && h * most * p.k_month < 1e300 &&
               h * (most + p.demand) * p.p_month < 1e300;
    for (int pass = safe; pass < 2; pass++) {
        for (size_t i = 0; i < p.first; i++)
            work[i] = cohort_size ? cohort_size[i] : (double)staff->current_ams;
        TRY(run(pass ? months : NULL, pass ? summary : NULL, err, &p, work, months_len));
    }
    return AMSIZE_OK;
}

/* The columns a total adds up, in amsize_plan_month's order. */
enum { NCOL = 9 };

/* Month t summed over every segment, each column compensated. */
static void month_sums(double v[NCOL], const amsize_plan_month *months, size_t segments_len,
                       size_t months_len, size_t t)
{
    amsize__ksum col[NCOL];
    memset(col, 0, sizeof col);
    for (size_t i = 0; i < segments_len; i++) {
        const amsize_plan_month *m = &months[i * months_len + t];
        const double in[NCOL] = {m->headcount, m->leavers, m->requisitions,
                                 m->starts,    m->rre,     m->capacity,
                                 m->demand,    m->gap,     m->cost};
        for (int c = 0; c < NCOL; c++)
            amsize__ksum_add(&col[c], in[c]);
    }
    for (int c = 0; c < NCOL; c++)
        v[c] = amsize__ksum_value(&col[c]);
}

amsize_status amsize_plan_total(amsize_plan_month *total, amsize_plan_summary *total_summary,
                                amsize_error *err, const amsize_plan_month *months,
                                const amsize_plan_summary *summaries, size_t segments_len,
                                size_t months_len)
{
    amsize__ksum s[6];

    TRY(amsize__err_begin(err));
    if (!total || !months)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_ROWS);
    if (!summaries && total_summary)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_TOTAL);
    if (segments_len == 0)
        return amsize__fail(err, AMSIZE_E_EMPTY, -1, AMSIZE_FIELD_SEGMENTS);
    if (months_len == 0 || months_len > AMSIZE_PLAN_HORIZON_MAX)
        return amsize__fail(err, AMSIZE_E_RANGE, -1, AMSIZE_FIELD_ROWS);
    for (size_t t = 0; t < months_len; t++)
        if (total[t].struct_size != sizeof(amsize_plan_month))
            return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, (int64_t)t, AMSIZE_FIELD_ROWS);
    for (size_t i = 0; i < segments_len * months_len; i++)
        if (months[i].struct_size != sizeof(amsize_plan_month))
            return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, (int64_t)i, AMSIZE_FIELD_ROWS);
    if (total_summary) {
        if (total_summary->struct_size != sizeof *total_summary)
            return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, -1, AMSIZE_FIELD_TOTAL);
        for (size_t i = 0; i < segments_len; i++)
            if (summaries[i].struct_size != sizeof *summaries)
                return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, (int64_t)i, AMSIZE_FIELD_TOTAL);
    }

    /* First every sum, then the writes: an overflow writes nothing. */
    int32_t first_at_demand = 0;
    for (size_t t = 0; t < months_len; t++) {
        double v[NCOL];
        month_sums(v, months, segments_len, months_len, t);
        for (int c = 0; c < NCOL; c++) {
            if (!isfinite(v[c]))
                return amsize__fail(err, AMSIZE_E_OVERFLOW, (int64_t)t + 1, AMSIZE_FIELD_TOTAL);
        }
        if (!first_at_demand && v[4] >= v[6] - AMSIZE_EPS * fmax(1.0, v[6]))
            first_at_demand = (int32_t)t + 1;
    }
    memset(s, 0, sizeof s);
    for (size_t i = 0; total_summary && i < segments_len; i++) {
        const amsize_plan_summary *x = &summaries[i];
        const double in[6] = {x->requisitions, x->starts, x->leavers,
                              x->shortfall,    x->plan_cost, x->end_headcount};
        for (int c = 0; c < 6; c++)
            amsize__ksum_add(&s[c], in[c]);
    }
    for (int c = 0; c < 6; c++)
        if (!isfinite(amsize__ksum_value(&s[c])))
            return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_TOTAL);

    for (size_t t = 0; t < months_len; t++) {
        double v[NCOL];
        month_sums(v, months, segments_len, months_len, t);
        amsize_plan_month *o = &total[t];
        o->month = (int32_t)t + 1;
        o->headcount = v[0];
        o->leavers = v[1];
        o->requisitions = v[2];
        o->starts = v[3];
        o->rre = v[4];
        o->capacity = v[5];
        o->demand = v[6];
        o->gap = v[7];
        o->cost = v[8];
        o->reserved = 0;
    }
    if (total_summary) {
        total_summary->first_month_at_demand = first_at_demand;
        total_summary->requisitions = amsize__ksum_value(&s[0]);
        total_summary->starts = amsize__ksum_value(&s[1]);
        total_summary->leavers = amsize__ksum_value(&s[2]);
        total_summary->shortfall = amsize__ksum_value(&s[3]);
        total_summary->plan_cost = amsize__ksum_value(&s[4]);
        total_summary->end_headcount = amsize__ksum_value(&s[5]);
        total_summary->reserved = 0;
    }
    return AMSIZE_OK;
}

/* ---- scalar functions ---------------------------------------------------- */

double amsize_monthly_attrition_calc(double attrition)
{
    const amsize__range *r = amsize__field_range(AMSIZE_SCHEMA_STAFFING, AMSIZE_FIELD_ATTRITION);
    if (!amsize__in_range(r, attrition))
        return NAN;
    return 1.0 - pow(1.0 - attrition, 1.0 / 12.0);
}

double amsize_ramp_share_calc(double tenure_months, double ramp_months)
{
    if (!amsize__field_ok(AMSIZE_SCHEMA_ROSTER, AMSIZE_FIELD_TENURE_MONTHS, tenure_months) ||
        !amsize__field_ok(AMSIZE_SCHEMA_STAFFING, AMSIZE_FIELD_RAMP_MONTHS, ramp_months))
        return NAN;
    return fmin(1.0, (tenure_months + 1.0) / (ramp_months + 1.0));
}

double amsize_requisitions_calc(double target_headcount, double projected)
{
    if (!amsize__is_count(target_headcount) || !isfinite(projected))
        return NAN;
    return fmax(0.0, amsize__ceil_eps(target_headcount - projected));
}
