/* Check tests for the monthly hiring plan (amsize/plan.h, issue 15):
 * amsize_plan_compute(), amsize_plan_total(), the init functions and the
 * three spreadsheet forms.
 *
 * Every expected number is worked by hand from the five steps,
 * with the arithmetic beside it; none is copied from the library's output.
 * Where attrition is not 0 the numbers are powers of k = 1 - q =
 * 0.85^(1/12) (the default attrition of 0.15 a year), written as formulas
 * in k and compared with a relative tolerance of 1e-12 (REL); whole counts
 * (requisitions, starts) and exact zeros are compared exactly.
 *
 * The rules, for reference (plan.h):
 *   1. leavers = q*sum(n); n *= 1-q.
 *   2. proj = sum(n*(1-q)^L) + sum(r_u*(1-q)^(t-u)), u < t, u + L >= t;
 *      r_t = max(0, ceil_eps(H* - proj)).
 *   3. s_t = r_(t-L) when t > L: a new cohort of tenure 0.
 *   4. HC = sum(n); RRE = sum(n*R(tau)); capacity = RRE*P_eff/12;
 *      gap = max(0, D - RRE); cost = HC*K/12.
 *   5. tenure += 1.
 *   R(tau) = min(1, (tau+1)/(ramp_months+1)), or the given curve.
 *
 * The sample segments are fixtures.h's. Enterprise (N 200, B 100M, U 12M,
 * X 8M, C 4M, P 1.5M, K 200k, Lmax 20, s 3) charts to headcount H* = 11
 * and demand D = (12M + 8M - 4M)/1.5M = 32/3 (check_chart.c), so
 * P_eff/12 = 1.5M/12 = 125,000 and K/12 = 200k/12.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "amsize.h"
#include "fixtures.h"

/* The relative tolerance for values with no exact double. An expected 0
 * (a gap at the month the demand is met) is held to 1e-12 absolute. */
#define REL 1e-12

#define H_MAX AMSIZE_PLAN_HORIZON_MAX
#define F(x) AMSIZE_FIELD_##x

/* Enterprise's chart (check_chart.c): H* = 11, D = 16M/1.5M = 32/3. */
#define ENT_D (32.0 / 3.0)
#define ENT_PM (1.5e6 / 12.0) /* P_eff/12 at s = 3: 125,000 */
#define ENT_KM (200e3 / 12.0) /* K/12 */

/* k = 1 - q for the default attrition: (1 - 0.15)^(1/12). */
static double k_default(void)
{
    return pow(0.85, 1.0 / 12.0);
}

/* ------------------------------------------------------------ helpers */

static void close_at(double got, double want, const char *what, int t, int line)
{
    double tol = want == 0 ? REL : REL * fabs(want);
    ck_assert_msg(fabs(got - want) <= tol, "line %d, month %d, %s: got %.17g, want %.17g", line,
                  t, what, got, want);
}
#define CLOSE(got, want) close_at((got), (want), #got, 0, __LINE__)

/* One month as the test works it out. */
typedef struct want_month {
    double hc, leavers, req, starts, rre, cap, demand, gap, cost;
} want_month;

typedef struct want_summary {
    int32_t first;
    double req, starts, leavers, shortfall, cost, end_hc;
} want_summary;

static void check_month_at(const amsize_plan_month *m, int t, const want_month *w, int line)
{
    ck_assert_uint_eq(m->struct_size, sizeof *m);
    ck_assert_int_eq(m->month, t);
    /* Whole counts: exact. */
    ck_assert_msg(m->requisitions == w->req && m->starts == w->starts,
                  "line %d, month %d: requisitions %g starts %g, want %g and %g", line, t,
                  m->requisitions, m->starts, w->req, w->starts);
    close_at(m->headcount, w->hc, "headcount", t, line);
    close_at(m->leavers, w->leavers, "leavers", t, line);
    close_at(m->rre, w->rre, "rre", t, line);
    close_at(m->capacity, w->cap, "capacity", t, line);
    close_at(m->demand, w->demand, "demand", t, line);
    close_at(m->gap, w->gap, "gap", t, line);
    close_at(m->cost, w->cost, "cost", t, line);
    ck_assert_double_eq(m->reserved, 0);
}

static void check_months_at(const amsize_plan_month *m, const want_month *w, int n, int line)
{
    for (int t = 1; t <= n; t++)
        check_month_at(&m[t - 1], t, &w[t - 1], line);
}
#define CHECK_MONTHS(m, w, n) check_months_at((m), (w), (n), __LINE__)

static void check_summary_at(const amsize_plan_summary *s, const want_summary *w, int line)
{
    ck_assert_uint_eq(s->struct_size, sizeof *s);
    ck_assert_msg(s->first_month_at_demand == w->first,
                  "line %d: first_month_at_demand %d, want %d", line,
                  (int)s->first_month_at_demand, (int)w->first);
    ck_assert_msg(s->requisitions == w->req && s->starts == w->starts,
                  "line %d: requisitions %g starts %g, want %g and %g", line, s->requisitions,
                  s->starts, w->req, w->starts);
    close_at(s->leavers, w->leavers, "summary leavers", 0, line);
    close_at(s->shortfall, w->shortfall, "summary shortfall", 0, line);
    close_at(s->plan_cost, w->cost, "summary plan_cost", 0, line);
    close_at(s->end_headcount, w->end_hc, "summary end_headcount", 0, line);
    ck_assert_double_eq(s->reserved, 0);
}
#define CHECK_SUMMARY(s, w) check_summary_at((s), (w), __LINE__)

/* The gap and capacity columns from rre, and the cost from headcount,
 * exactly as step 4 defines them: the worked cases below give hc and rre
 * and let these fill the rest. */
static void fill_step4(want_month *w, int n, double demand, double p_month, double k_month)
{
    for (int t = 0; t < n; t++) {
        w[t].demand = demand;
        w[t].cap = w[t].rre * p_month;
        w[t].gap = fmax(0.0, demand - w[t].rre);
        w[t].cost = w[t].hc * k_month;
    }
}

static double sum_gap(const want_month *w, int n)
{
    double s = 0;
    for (int t = 0; t < n; t++)
        s += w[t].gap;
    return s;
}

static double sum_cost(const want_month *w, int n)
{
    double s = 0;
    for (int t = 0; t < n; t++)
        s += w[t].cost;
    return s;
}

/* Scratch space for any plan here: the largest roster is 3 AMs. */
static double work[3 + 2 * H_MAX + 1];

/* The work length plan.h asks for: cohorts_len + 2*months_len + 1, where
 * cohorts_len counts roster AMs (0 without a roster). */
static size_t work_need(const double *size, size_t n, size_t horizon)
{
    return (size ? n : 0) + 2 * horizon + 1;
}

/* One plan that must succeed, into fresh months and summary. */
static void plan_ok(amsize_plan_month *months, size_t horizon, amsize_plan_summary *sum,
                    const amsize_segment *seg, const amsize_model *model,
                    const amsize_staffing *staff, const double *ramp, size_t ramp_len,
                    const double *size, const int32_t *tenure, size_t n)
{
    amsize_error err;

    ck_assert_uint_le(horizon, H_MAX);
    ASSERT_OK(amsize_plan_month_init(months, horizon));
    ASSERT_OK(amsize_plan_summary_init(sum));
    ASSERT_OK(amsize_error_init(&err));
    err.index = 99; /* success clears the report */
    ASSERT_OK(amsize_plan_compute(months, horizon, sum, &err, work,
                                  work_need(size, n, horizon), seg, model, staff, ramp,
                                  ramp_len, size, tenure, n));
    ck_assert_int_eq(err.status, AMSIZE_OK);
    ck_assert_int_eq(err.index, -1);
    ck_assert_int_eq(err.field, AMSIZE_FIELD_NONE);
}

static amsize_staffing staffing(double attrition, int32_t fill, int32_t ramp_months,
                                int64_t current)
{
    amsize_staffing st;
    ASSERT_OK(amsize_staffing_init(&st, 1));
    st.attrition = attrition;
    st.time_to_fill = fill;
    st.ramp_months = ramp_months;
    st.current_ams = current;
    return st;
}

/* ====================================================================== */
/* The README's worked segment                                             */
/* ====================================================================== */

/* Enterprise with the staffing defaults (attrition 0.15, L = 3, ramp 6
 * months, no AMs today) over 6 months. q = 1 - 0.85^(1/12) = 0.013452,
 * k = 1 - q = 0.986548; R(tau) = (tau+1)/7.
 *
 * Month 1: nobody on staff: leavers 0, proj 0, r1 = ceil_eps(11 - 0) = 11.
 *   No start (1 - L < 1). HC 0, RRE 0, gap D = 32/3, cost 0.
 * Month 2: proj = r1*k^(2-1) = 11k = 10.852 (r1 starts at 4 and leaves from
 *   month 5 on: months 5..2+L = 1 month of attrition);
 *   r2 = ceil_eps(11 - 11k) = ceil_eps(11q = 0.148) = 1. HC 0.
 * Month 3: proj = r1*k^2 + r2*k = 11k^2 + k = 10.706 + 0.987 = 11.693 > 11,
 *   so 11 - proj = -0.693 and r3 = max(0, ceil_eps(-0.693)) = 0: the
 *   requisitions already open cover the target at month 3 + L = 6. HC 0.
 * Month 4: leavers 0 (nobody before the start). proj = 11k^3 + k^2 + 0*k =
 *   10.562 + 0.973 = 11.535: r4 = 0. s4 = r1 = 11, a cohort of tenure 0:
 *   HC 11, RRE 11*R(0) = 11/7 = 1.571, capacity 11/7*125,000 = 196,428.57,
 *   gap 32/3 - 11/7 = 191/21 = 9.095, cost 11*200k/12 = 183,333.33.
 * Month 5: leavers q*11 = 0.148; the cohort is 11k. proj = 11k*k^3 +
 *   (r2 k^3 + r3 k^2 + r4 k) = 11k^4 + k^3 = 10.420 + 0.960 = 11.380: r5 = 0.
 *   s5 = r2 = 1. HC 11k + 1 = 11.852, RRE 11k*2/7 + 1*1/7 = 3.244.
 * Month 6: leavers q(11k + 1) = 0.159; cohorts 11k^2 and k. proj =
 *   (11k^2 + k)k^3 + (r3 k^3 + r4 k^2 + r5 k) = 11k^5 + k^4 = 11.227: r6 = 0.
 *   s6 = r3 = 0. HC 11k^2 + k = 11.693, RRE 11k^2*3/7 + k*2/7 = 4.870.
 * Summary: 12 requisitions, 12 starts, leavers 11q + q(11k + 1) = 0.307;
 * RRE never reaches 32/3, so first_month_at_demand is 0; shortfall =
 * (3*32/3 + 9.095 + 7.423 + 5.796)*125,000 = 54.315*125,000 = 6,789,370;
 * plan cost = (11 + 11.852 + 11.693)*200k/12 = 575,744; end headcount
 * 11k^2 + k = 11.693. */
static void readme_want(want_month w[6], want_summary *ws)
{
    const double k = k_default(), q = 1 - k;

    memset(w, 0, 6 * sizeof *w);
    w[0].req = 11;
    w[1].req = 1;
    /* month 3: nothing */
    w[3].starts = 11;
    w[3].hc = 11;
    w[3].rre = 11.0 / 7;
    w[4].leavers = 11 * q;
    w[4].starts = 1;
    w[4].hc = 11 * k + 1;
    w[4].rre = 11 * k * 2 / 7 + 1.0 / 7;
    w[5].leavers = q * (11 * k + 1);
    w[5].hc = 11 * k * k + k;
    w[5].rre = 11 * k * k * 3 / 7 + k * 2 / 7;
    fill_step4(w, 6, ENT_D, ENT_PM, ENT_KM);

    ws->first = 0;
    ws->req = 12;
    ws->starts = 12;
    ws->leavers = 11 * q + q * (11 * k + 1);
    ws->shortfall = sum_gap(w, 6) * ENT_PM;
    ws->cost = sum_cost(w, 6);
    ws->end_hc = 11 * k * k + k;
}

START_TEST(test_readme_enterprise)
{
    amsize_segment seg;
    amsize_staffing st;
    amsize_plan_month m[6];
    amsize_plan_summary sum;
    want_month w[6];
    want_summary ws;

    seg_enterprise(&seg);
    ASSERT_OK(amsize_staffing_init(&st, 1));
    readme_want(w, &ws);
    plan_ok(m, 6, &sum, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    CHECK_MONTHS(m, w, 6);
    CHECK_SUMMARY(&sum, &ws);

    /* The README's rounded figures, as a reader checks them. */
    ck_assert_double_eq_tol(m[3].rre, 1.5714285714, 1e-9);     /* 11/7 */
    ck_assert_double_eq_tol(m[3].capacity, 196428.5714, 1e-3); /* 11/7*125,000 */
    ck_assert_double_eq_tol(m[3].gap, 9.0952380952, 1e-9);     /* 191/21 */
    ck_assert_double_eq_tol(m[3].cost, 183333.3333, 1e-3);
    ck_assert_double_eq_tol(m[4].leavers, 0.1479714171, 1e-9); /* 11q */
    ck_assert_double_eq_tol(m[4].rre, 3.2434367380, 1e-9);
    ck_assert_double_eq_tol(m[5].rre, 4.8701770163, 1e-9);
    ck_assert_double_eq_tol(sum.leavers, 0.3074042776, 1e-9);
    ck_assert_double_eq_tol(sum.shortfall, 6789369.709, 1e-3);
    ck_assert_double_eq_tol(sum.plan_cost, 575743.738, 1e-3);
    ck_assert_double_eq_tol(sum.end_headcount, 11.6925957224, 1e-9);
    /* A summary is optional; the months are the same without one. */
    {
        amsize_plan_month m2[6];
        amsize_error err;
        ASSERT_OK(amsize_plan_month_init(m2, 6));
        ASSERT_OK(amsize_error_init(&err));
        ASSERT_OK(amsize_plan_compute(m2, 6, NULL, &err, work, work_need(NULL, 0, 6), &seg,
                                      NULL, &st, NULL, 0, NULL, NULL, 0));
        ck_assert_mem_eq(m2, m, sizeof m);
        /* ... and so they are with the default model given explicitly,
         * and without an error report. */
        amsize_model model;
        ASSERT_OK(amsize_model_init(&model));
        ASSERT_OK(amsize_plan_month_init(m2, 6));
        ASSERT_OK(amsize_plan_compute(m2, 6, NULL, NULL, work, work_need(NULL, 0, 6), &seg,
                                      &model, &st, NULL, 0, NULL, NULL, 0));
        ck_assert_mem_eq(m2, m, sizeof m);
    }
}
END_TEST

/* ====================================================================== */
/* The rules, one at a time                                                */
/* ====================================================================== */

/* L = 0: a requisition starts in the month it opens (step 3 after step 2).
 * Enterprise, attrition 0.15, ramp 6, no AMs, 4 months.
 * Month 1: proj 0, r1 = 11, s1 = r1 = 11: HC 11, RRE 11/7.
 * Month 2: leavers 11q; cohort 11k; nothing open (u + 0 >= 2 needs u >= 2),
 *   proj = 11k*k^0 = 10.852; r2 = ceil_eps(0.148) = 1 = s2. HC 11k + 1,
 *   RRE 11k*2/7 + 1/7.
 * Month 3: leavers q(11k + 1); proj = 11k^2 + k = 11.693: r3 = 0. HC 11k^2
 *   + k, RRE 11k^2*3/7 + k*2/7.
 * Month 4: leavers q(11k^2 + k); proj = 11k^3 + k^2 = 11.535: r4 = 0.
 *   HC 11k^3 + k^2, RRE 11k^3*4/7 + k^2*3/7.
 * With L = 3 the same cohorts start three months later: months 1..3 here
 * are the README plan's months 4..6 in every column but requisitions. */
START_TEST(test_fill_zero)
{
    const double k = k_default(), q = 1 - k;
    amsize_segment seg;
    amsize_staffing st = staffing(0.15, 0, 6, 0);
    amsize_plan_month m[4], m3[6];
    amsize_plan_summary sum, sum3;
    want_month w[4];
    want_summary ws;

    memset(w, 0, sizeof w);
    w[0].req = 11, w[0].starts = 11, w[0].hc = 11, w[0].rre = 11.0 / 7;
    w[1].leavers = 11 * q, w[1].req = 1, w[1].starts = 1;
    w[1].hc = 11 * k + 1, w[1].rre = 11 * k * 2 / 7 + 1.0 / 7;
    w[2].leavers = q * (11 * k + 1);
    w[2].hc = 11 * k * k + k, w[2].rre = 11 * k * k * 3 / 7 + k * 2 / 7;
    w[3].leavers = q * (11 * k * k + k);
    w[3].hc = 11 * k * k * k + k * k, w[3].rre = 11 * k * k * k * 4 / 7 + k * k * 3 / 7;
    fill_step4(w, 4, ENT_D, ENT_PM, ENT_KM);
    ws.first = 0;
    ws.req = 12, ws.starts = 12;
    ws.leavers = 11 * q + q * (11 * k + 1) + q * (11 * k * k + k);
    ws.shortfall = sum_gap(w, 4) * ENT_PM;
    ws.cost = sum_cost(w, 4);
    ws.end_hc = w[3].hc;

    seg_enterprise(&seg);
    plan_ok(m, 4, &sum, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    CHECK_MONTHS(m, w, 4);
    CHECK_SUMMARY(&sum, &ws);

    st.time_to_fill = 3;
    plan_ok(m3, 6, &sum3, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    for (int t = 0; t < 3; t++) {
        CLOSE(m[t].headcount, m3[t + 3].headcount);
        CLOSE(m[t].leavers, m3[t + 3].leavers);
        CLOSE(m[t].rre, m3[t + 3].rre);
        CLOSE(m[t].gap, m3[t + 3].gap);
        CLOSE(m[t].cost, m3[t + 3].cost);
        ck_assert_double_eq(m[t].starts, m3[t + 3].starts);
    }
}
END_TEST

/* Attrition 0: q = 1 - 1^(1/12) = 0 exactly, so nobody leaves and every
 * number is a fraction with denominator 3 or 7. Enterprise, L = 3, ramp 6,
 * 4 AMs on staff (fully ramped), 12 months.
 * Month 1: proj = 4*1^3 = 4, r1 = 11 - 4 = 7. HC 4, RRE 4, gap 32/3 - 4 =
 *   20/3.
 * Months 2, 3: proj = 4 + 7 = 11 exactly, r = 0. HC 4, RRE 4, gap 20/3.
 * Month 4: s4 = r1 = 7. HC 11, RRE 4 + 7*1/7 = 5, gap 17/3.
 * Months 5..9: RRE 4 + 7*(tau+1)/7 = 6, 7, 8, 9, 10 (tau 1..5), gaps 14/3,
 *   11/3, 8/3, 5/3, 2/3.
 * Months 10..12: tau >= 6, R = 1: RRE 11 >= 32/3, gap 0; first month 10.
 * Shortfall: gaps 3*20/3 + (17 + 14 + 11 + 8 + 5 + 2)/3 = 20 + 19 = 39,
 *   times 125,000 = 4,875,000. Cost: HC 4*3 + 11*9 = 111, times 200k/12 =
 *   1,850,000. 7 requisitions, 7 starts, 0 leavers, end headcount 11. */
START_TEST(test_no_attrition)
{
    static const double rre[12] = {4, 4, 4, 5, 6, 7, 8, 9, 10, 11, 11, 11};
    amsize_segment seg;
    amsize_staffing st = staffing(0, 3, 6, 4);
    amsize_plan_month m[12];
    amsize_plan_summary sum;
    want_month w[12];
    const want_summary ws = {10, 7, 7, 0, 4875000, 1850000, 11};

    memset(w, 0, sizeof w);
    for (int t = 0; t < 12; t++) {
        w[t].hc = t < 3 ? 4 : 11;
        w[t].rre = rre[t];
    }
    w[0].req = 7;
    w[3].starts = 7;
    fill_step4(w, 12, ENT_D, ENT_PM, ENT_KM);
    ck_assert_double_eq_tol(sum_gap(w, 12), 39, 1e-12);

    seg_enterprise(&seg);
    plan_ok(m, 12, &sum, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    CHECK_MONTHS(m, w, 12);
    CHECK_SUMMARY(&sum, &ws);
    /* q is exactly 0: not a leaver anywhere, not even a rounding one. */
    for (int t = 0; t < 12; t++)
        ck_assert_double_eq(m[t].leavers, 0);
    ck_assert_double_eq(sum.leavers, 0);
    /* Months 2 and 3 are proj = 11 exactly: 0 requisitions, and not -0 (a
     * CSV would print "-0"). */
    ck_assert(!signbit(m[1].requisitions));
    ck_assert(!signbit(m[2].requisitions));
}
END_TEST

/* A roster: one AM fully ramped (fte 1), one new (tenure 0, fte 0.5), one
 * of tenure 10 (fte 1, R = min(1, 11/7) = 1). current_ams = 50 is then
 * ignored. Enterprise, attrition 0.15, L = 3, ramp 6, 4 months.
 * Month 1: sizes 1, 0.5, 1 (sum 2.5): leavers 2.5q; sizes k, 0.5k, k.
 *   proj = 2.5k*k^3 = 2.5k^4 = 2.368; r1 = ceil_eps(8.632) = 9. HC 2.5k,
 *   RRE k*1 + 0.5k*R(0) + k*1 = k(2 + 1/14).
 * Month 2: leavers 2.5kq. proj = 2.5k^5 + r1 k = 2.336 + 8.879 = 11.215:
 *   r2 = 0. HC 2.5k^2, RRE k^2(2 + 0.5*2/7) = k^2(2 + 1/7).
 * Month 3: leavers 2.5k^2 q. proj = 2.5k^6 + 9k^2 + 0*k = 2.305 + 8.759 =
 *   11.064: r3 = 0. HC 2.5k^3, RRE k^3(2 + 0.5*3/7) = k^3(2 + 3/14).
 * Month 4: leavers 2.5k^3 q. proj = 2.5k^7 + 9k^3 + 0 + 0 = 2.274 + 8.642 =
 *   10.916: r4 = ceil_eps(0.084) = 1. s4 = r1 = 9. HC 2.5k^4 + 9, RRE
 *   k^4(2 + 0.5*4/7) + 9/7 = k^4(2 + 2/7) + 9/7. */
START_TEST(test_roster_mixed_tenures)
{
    const double k = k_default(), q = 1 - k;
    const double k2 = k * k, k3 = k2 * k, k4 = k3 * k;
    const double size[3] = {1, 0.5, 1};
    const int32_t tenure[3] = {AMSIZE_TENURE_RAMPED, 0, 10};
    amsize_segment seg;
    amsize_staffing st = staffing(0.15, 3, 6, 50);
    amsize_plan_month m[4];
    amsize_plan_summary sum;
    want_month w[4];
    want_summary ws;

    memset(w, 0, sizeof w);
    w[0].leavers = 2.5 * q, w[0].req = 9, w[0].hc = 2.5 * k, w[0].rre = k * (2 + 1.0 / 14);
    w[1].leavers = 2.5 * k * q, w[1].hc = 2.5 * k2, w[1].rre = k2 * (2 + 1.0 / 7);
    w[2].leavers = 2.5 * k2 * q, w[2].hc = 2.5 * k3, w[2].rre = k3 * (2 + 3.0 / 14);
    w[3].leavers = 2.5 * k3 * q, w[3].req = 1, w[3].starts = 9;
    w[3].hc = 2.5 * k4 + 9, w[3].rre = k4 * (2 + 2.0 / 7) + 9.0 / 7;
    fill_step4(w, 4, ENT_D, ENT_PM, ENT_KM);
    ws.first = 0;
    ws.req = 10, ws.starts = 9;
    ws.leavers = 2.5 * q * (1 + k + k2 + k3);
    ws.shortfall = sum_gap(w, 4) * ENT_PM;
    ws.cost = sum_cost(w, 4);
    ws.end_hc = w[3].hc;

    seg_enterprise(&seg);
    plan_ok(m, 4, &sum, &seg, NULL, &st, NULL, 0, size, tenure, 3);
    CHECK_MONTHS(m, w, 4);
    CHECK_SUMMARY(&sum, &ws);

    /* current_ams really is ignored: 0 instead of 50 changes nothing. */
    {
        amsize_plan_month m0[4];
        amsize_plan_summary sum0;
        st.current_ams = 0;
        plan_ok(m0, 4, &sum0, &seg, NULL, &st, NULL, 0, size, tenure, 3);
        ck_assert_mem_eq(m0, m, sizeof m);
        ck_assert_mem_eq(&sum0, &sum, sizeof sum);
    }
}
END_TEST

/* A roster of no AMs (cohort_size given, cohorts_len 0) starts from
 * nobody, whatever current_ams says: the plan is that of current_ams 0. */
START_TEST(test_roster_empty)
{
    const double no_size[1] = {1};
    const int32_t no_tenure[1] = {0};
    amsize_segment seg;
    amsize_staffing st = staffing(0.15, 3, 6, 50);
    amsize_staffing st0 = staffing(0.15, 3, 6, 0);
    amsize_plan_month m[6], m0[6];
    amsize_plan_summary sum, sum0;

    seg_enterprise(&seg);
    plan_ok(m, 6, &sum, &seg, NULL, &st, NULL, 0, no_size, no_tenure, 0);
    plan_ok(m0, 6, &sum0, &seg, NULL, &st0, NULL, 0, NULL, NULL, 0);
    ck_assert_mem_eq(m, m0, sizeof m);
    ck_assert_mem_eq(&sum, &sum0, sizeof sum);
    ck_assert_double_eq(m[0].requisitions, 11); /* the README's month 1 */
}
END_TEST

/* A ramp curve {0, 0.25, 0.5}: R(0) = 0, R(1) = 0.25, R(2) = 0.5, 1 from
 * tenure 3 on; ramp_months (6) is then not used. Enterprise, attrition 0,
 * L = 0, no AMs, 5 months.
 * Month 1: r1 = s1 = 11. HC 11, RRE 11*0 = 0, gap 32/3.
 * Month 2: proj 11, r2 = 0. RRE 11*0.25 = 2.75, gap 32/3 - 11/4 = 95/12.
 * Month 3: RRE 5.5, gap 32/3 - 11/2 = 31/6.
 * Months 4, 5: RRE 11 >= 32/3, gap 0: first month 4.
 * Shortfall (32/3 + 95/12 + 31/6)*125,000 = (128 + 95 + 62)/12*125,000 =
 * 285/12*125,000 = 2,968,750. Cost 5*11*200k/12 = 916,666.67. */
START_TEST(test_ramp_curve)
{
    static const double ramp[3] = {0, 0.25, 0.5};
    static const double rre[5] = {0, 2.75, 5.5, 11, 11};
    amsize_segment seg;
    amsize_staffing st = staffing(0, 0, 6, 0);
    amsize_plan_month m[5], m2[5];
    amsize_plan_summary sum, sum2;
    want_month w[5];
    const want_summary ws = {4, 11, 11, 0, 2968750, 5 * 11 * 200e3 / 12, 11};

    memset(w, 0, sizeof w);
    for (int t = 0; t < 5; t++) {
        w[t].hc = 11;
        w[t].rre = rre[t];
    }
    w[0].req = 11, w[0].starts = 11;
    fill_step4(w, 5, ENT_D, ENT_PM, ENT_KM);
    CLOSE(w[1].gap, 95.0 / 12);
    CLOSE(w[2].gap, 31.0 / 6);

    seg_enterprise(&seg);
    plan_ok(m, 5, &sum, &seg, NULL, &st, ramp, 3, NULL, NULL, 0);
    CHECK_MONTHS(m, w, 5);
    CHECK_SUMMARY(&sum, &ws);

    /* The curve replaces ramp_months: 0 or 20 gives the same plan. */
    st.ramp_months = 0;
    plan_ok(m2, 5, &sum2, &seg, NULL, &st, ramp, 3, NULL, NULL, 0);
    ck_assert_mem_eq(m2, m, sizeof m);
    st.ramp_months = 20;
    plan_ok(m2, 5, &sum2, &seg, NULL, &st, ramp, 3, NULL, NULL, 0);
    ck_assert_mem_eq(m2, m, sizeof m);
    ck_assert_mem_eq(&sum2, &sum, sizeof sum);

    /* An empty curve: 1 after the last share given, so from tenure 0. The
     * 11 starters are fully productive in month 1: RRE 11, gap 0. */
    plan_ok(m2, 5, &sum2, &seg, NULL, &st, ramp, 0, NULL, NULL, 0);
    for (int t = 0; t < 5; t++) {
        ck_assert_double_eq(m2[t].rre, 11);
        ck_assert_double_eq(m2[t].gap, 0);
    }
    ck_assert_int_eq(sum2.first_month_at_demand, 1);

    /* A fully ramped AM is at R = 1 whatever the curve: one of them on a
     * roster with the curve above adds 1 to every month's RRE and
     * headcount, and one fewer requisition (r1 = 11 - 1 = 10). */
    {
        const double size[1] = {1};
        const int32_t tenure[1] = {AMSIZE_TENURE_RAMPED};
        plan_ok(m2, 5, &sum2, &seg, NULL, &st, ramp, 3, size, tenure, 1);
        ck_assert_double_eq(m2[0].requisitions, 10);
        ck_assert_double_eq(m2[0].rre, 1);    /* 1*1 + 10*0 */
        ck_assert_double_eq(m2[1].rre, 3.5);  /* 1 + 10*0.25 */
        ck_assert_double_eq(m2[2].rre, 6);    /* 1 + 10*0.5 */
        ck_assert_double_eq(m2[3].rre, 11);   /* 1 + 10 */
        ck_assert_double_eq(m2[3].headcount, 11);
    }
}
END_TEST

/* ====================================================================== */
/* The summary                                                             */
/* ====================================================================== */

/* Enterprise at support rating 4, so P_eff = P*T[4]/T[3] = 1.5M*0.7/0.6 =
 * 1.75M differs from P. The chart (README): FTE_demand = 16M/1.5M*0.6/0.7 =
 * 64/7 = 9.143, HC_demand = ceil_eps(9.143) = 10; floor ceil_eps(200/20) =
 * 10; g = 16M/200 = 80k, Lmin = ceil_eps(200k/80k = 2.5) = 3, ceiling
 * floor_eps(200/3) = 66; headcount max(10, min(10, 66)) = 10.
 * Plan: attrition 0, L = 3, ramp 6, 4 AMs on staff.
 * Month 1: proj 4, r1 = 6. Months 1..3: HC 4, RRE 4, gap 64/7 - 28/7 =
 *   36/7.
 * Month 4: s4 = 6: HC 10, RRE 4 + 6/7 = 34/7, gap 30/7.
 * Months 5..8: RRE 4 + 6(tau+1)/7 = 40/7, 46/7, 52/7, 58/7; gaps 24/7,
 *   18/7, 12/7, 6/7.
 * Month 9: RRE 4 + 36/7 = 64/7 = D: gap 0 and the demand is met (up to
 *   rounding, which the 1e-9*max(1, D) tolerance absorbs): first month 9.
 * Months 10..12: RRE 10, gap 0.
 * Shortfall = (3*36 + 30 + 24 + 18 + 12 + 6)/7 * 1.75M/12 = 198/7 * 1.75M/12
 *   = 198*250,000/12 = 4,125,000 (with P it would be 3,535,714.29).
 * Cost: HC 4*3 + 10*9 = 102, *200k/12 = 1,700,000. Capacity in month 12:
 *   10*1.75M/12 = 1,458,333.33.
 * Over 8 months the demand is never met: first month 0, the same shortfall
 * (the later gaps are 0), cost (12 + 10*5)*200k/12 = 1,033,333.33. */
START_TEST(test_summary_support4)
{
    static const double rre7[12] = {28, 28, 28, 34, 40, 46, 52, 58, 64, 70, 70, 70};
    const double d = 64.0 / 7, pm = 1.5e6 * 0.7 / 0.6 / 12;
    amsize_segment seg;
    amsize_chart_row row;
    amsize_staffing st = staffing(0, 3, 6, 4);
    amsize_plan_month m[12];
    amsize_plan_summary sum;
    want_month w[12];
    const want_summary ws12 = {9, 6, 6, 0, 4125000, 1700000, 10};
    const want_summary ws8 = {0, 6, 6, 0, 4125000, 62 * 200e3 / 12, 10};

    seg_enterprise(&seg);
    seg.support_rating = 4;
    row = chart1(&seg);
    ck_assert_int_eq(row.headcount, 10);
    CLOSE(row.fte_demand, d);

    memset(w, 0, sizeof w);
    for (int t = 0; t < 12; t++) {
        w[t].hc = t < 3 ? 4 : 10;
        w[t].rre = rre7[t] / 7;
    }
    w[0].req = 6;
    w[3].starts = 6;
    fill_step4(w, 12, d, pm, ENT_KM);
    w[8].gap = 0; /* 64/7 - 64/7, whatever the last bit of either */
    CLOSE(sum_gap(w, 12), 198.0 / 7);
    CLOSE(w[11].cap, 1458333.3333333333);

    plan_ok(m, 12, &sum, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    CHECK_MONTHS(m, w, 12);
    CHECK_SUMMARY(&sum, &ws12);
    /* P_eff, not P: capacity at RRE 10 is 10*1.75M/12, not 10*1.5M/12. */
    CLOSE(m[11].capacity, 10 * 1.75e6 / 12);

    plan_ok(m, 8, &sum, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    CHECK_MONTHS(m, w, 8);
    CHECK_SUMMARY(&sum, &ws8);
}
END_TEST

/* The total of one segment is that segment: its months, its summary, and
 * its first month at demand from the same tolerance: month 9 of
 * test_summary_support4 (RRE 64/7 against D = 64/7, computed two ways),
 * and month 1 of test_summary_met_within_tolerance's second plan (RRE 11,
 * D = 11 + 6.7e-10). */
START_TEST(test_total_one_segment)
{
    amsize_segment seg;
    amsize_staffing st = staffing(0, 3, 6, 4);
    amsize_plan_month m[12], total[12];
    amsize_plan_summary sum, tsum;

    seg_enterprise(&seg);
    seg.support_rating = 4;
    plan_ok(m, 12, &sum, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    ck_assert_int_eq(sum.first_month_at_demand, 9);
    ASSERT_OK(amsize_plan_month_init(total, 12));
    ASSERT_OK(amsize_plan_summary_init(&tsum));
    ASSERT_OK(amsize_plan_total(total, &tsum, NULL, m, &sum, 1, 12));
    ck_assert_mem_eq(total, m, sizeof m);
    ck_assert_mem_eq(&tsum, &sum, sizeof sum);

    seg_enterprise(&seg);
    seg.upsell = 12.5e6 + 0.001;
    st = staffing(0, 0, 0, 0);
    plan_ok(m, 2, &sum, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    ck_assert(m[0].rre < m[0].demand);
    ck_assert_int_eq(sum.first_month_at_demand, 1);
    ASSERT_OK(amsize_plan_month_init(total, 2));
    ASSERT_OK(amsize_plan_summary_init(&tsum));
    ASSERT_OK(amsize_plan_total(total, &tsum, NULL, m, &sum, 1, 2));
    ck_assert_mem_eq(total, m, 2 * sizeof m[0]);
    ck_assert_int_eq(tsum.first_month_at_demand, 1);
}
END_TEST

/* first_month_at_demand is RRE >= D - 1e-9*max(1, D): met exactly counts,
 * and so does a hair short. Attrition 0, L = 0, ramp_months 0 (R = 1 from
 * tenure 0): month 1 opens and starts H* AMs at full productivity.
 * Enterprise with U = 12.5M: NR = 12.5M + 8M - 4M = 16.5M, D = 16.5M/1.5M
 * = 11 exactly; HC_demand 11, floor 10, ceiling 66 (Lmin = ceil_eps(200k/
 * 82.5k = 2.42) = 3): H* = 11, RRE = 11 = D: met in month 1, gap 0.
 * U = 12.5M + 0.001: D = 16,500,000.001/1.5M = 11 + 6.7e-10, still H* = 11
 * (ceil_eps(11 + 6.7e-10) = 11); RRE 11 is 6.7e-10 short, inside 1e-9*11:
 * met in month 1, though the gap is 6.7e-10, not 0 (the gap is not
 * rounded). */
START_TEST(test_summary_met_within_tolerance)
{
    amsize_segment seg;
    amsize_staffing st = staffing(0, 0, 0, 0);
    amsize_plan_month m[2];
    amsize_plan_summary sum;

    seg_enterprise(&seg);
    seg.upsell = 12.5e6;
    plan_ok(m, 2, &sum, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    ck_assert_double_eq(m[0].demand, 11);
    ck_assert_double_eq(m[0].requisitions, 11);
    ck_assert_double_eq(m[0].starts, 11);
    ck_assert_double_eq(m[0].rre, 11);
    ck_assert_double_eq(m[0].gap, 0);
    ck_assert_int_eq(sum.first_month_at_demand, 1);

    seg.upsell = 12.5e6 + 0.001;
    plan_ok(m, 2, &sum, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    ck_assert_double_eq_tol(m[0].demand, 11 + 0.001 / 1.5e6, 1e-14);
    ck_assert_double_eq(m[0].requisitions, 11);
    ck_assert_double_eq(m[0].rre, 11);
    ck_assert(m[0].gap > 6e-10 && m[0].gap < 7e-10);
    ck_assert_int_eq(sum.first_month_at_demand, 1);
}
END_TEST

/* ====================================================================== */
/* The total of several segments                                           */
/* ====================================================================== */

/* Two segments, attrition 0 and L = 0, 4 months.
 * A = SMB (s 4: H* 40 from the service floor, D = 0.5M/1M*6/7 = 3/7,
 *   P_eff/12 = 1M*0.7/0.6/12 = 7M/72, K/12 = 10,000), ramp {0, 1/16, 1/2}:
 *   month 1 r = s = 40, HC 40, RRE 0, gap 3/7; month 2 RRE 40/16 = 2.5 >=
 *   3/7 (first month 2); month 3 RRE 20; month 4 RRE 40. Cost 400,000 a
 *   month; shortfall 3/7*7M/72 = 3M/72 = 41,666.67.
 * B = Enterprise, ramp {0, 0.25, 0.5}: test_ramp_curve's first 4 months,
 *   RRE 0, 2.75, 5.5, 11; first month 4; shortfall 2,968,750; cost
 *   183,333.33 a month.
 * Total: HC 51, demand 3/7 + 32/3 = 233/21 = 11.095; RRE 0, 5.25, 25.5, 51:
 *   month 2's 5.25 falls short, month 3's 25.5 does not: first month 3,
 *   neither A's 2 nor B's 4. */
START_TEST(test_total_two_segments)
{
    static const double ramp_a[3] = {0, 0.0625, 0.5}, ramp_b[3] = {0, 0.25, 0.5};
    static const double rre_a[4] = {0, 2.5, 20, 40}, rre_b[4] = {0, 2.75, 5.5, 11};
    const double pm_a = 1e6 * 0.7 / 0.6 / 12, km_a = 120e3 / 12;
    amsize_segment seg[2];
    amsize_staffing st = staffing(0, 0, 6, 0);
    amsize_plan_month m[8], total[4];
    amsize_plan_summary sum[2], tsum;
    amsize_error err;
    want_month wa[4], wb[4], wt[4];
    want_summary wsa, wsb, wst;

    memset(wa, 0, sizeof wa);
    memset(wb, 0, sizeof wb);
    for (int t = 0; t < 4; t++) {
        wa[t].hc = 40, wa[t].rre = rre_a[t];
        wb[t].hc = 11, wb[t].rre = rre_b[t];
    }
    wa[0].req = wa[0].starts = 40;
    wb[0].req = wb[0].starts = 11;
    fill_step4(wa, 4, 3.0 / 7, pm_a, km_a);
    fill_step4(wb, 4, ENT_D, ENT_PM, ENT_KM);
    wsa = (want_summary){2, 40, 40, 0, 3e6 / 72, 1.6e6, 40};
    wsb = (want_summary){4, 11, 11, 0, 2968750, 4 * 11 * 200e3 / 12, 11};
    for (int t = 0; t < 4; t++) {
        wt[t].hc = 51;
        wt[t].leavers = 0;
        wt[t].req = wa[t].req + wb[t].req;
        wt[t].starts = wa[t].starts + wb[t].starts;
        wt[t].rre = rre_a[t] + rre_b[t];
        wt[t].cap = wa[t].cap + wb[t].cap;
        wt[t].demand = 233.0 / 21;
        wt[t].gap = wa[t].gap + wb[t].gap;
        wt[t].cost = 400e3 + 11 * 200e3 / 12;
    }
    wst = (want_summary){3, 51, 51, 0, 3e6 / 72 + 2968750, 1.6e6 + 4 * 11 * 200e3 / 12, 51};

    seg_smb(&seg[0]);
    seg_enterprise(&seg[1]);
    plan_ok(&m[0], 4, &sum[0], &seg[0], NULL, &st, ramp_a, 3, NULL, NULL, 0);
    plan_ok(&m[4], 4, &sum[1], &seg[1], NULL, &st, ramp_b, 3, NULL, NULL, 0);
    CHECK_MONTHS(&m[0], wa, 4);
    CHECK_MONTHS(&m[4], wb, 4);
    CHECK_SUMMARY(&sum[0], &wsa);
    CHECK_SUMMARY(&sum[1], &wsb);

    ASSERT_OK(amsize_plan_month_init(total, 4));
    ASSERT_OK(amsize_plan_summary_init(&tsum));
    ASSERT_OK(amsize_error_init(&err));
    ASSERT_OK(amsize_plan_total(total, &tsum, &err, m, sum, 2, 4));
    ck_assert_int_eq(err.status, AMSIZE_OK);
    CHECK_MONTHS(total, wt, 4);
    CHECK_SUMMARY(&tsum, &wst);

    /* total_summary is optional. */
    ASSERT_OK(amsize_plan_month_init(total, 4));
    ASSERT_OK(amsize_plan_total(total, NULL, NULL, m, NULL, 2, 4));
    CHECK_MONTHS(total, wt, 4);
}
END_TEST

/* Sums are compensated: 2^53 + 1 + 1 added left to right is 2^53 (each 1
 * is half an ulp of 2^53 and rounds to the even 2^53), compensated it is
 * 2^53 + 2, which a double holds. Rows are taken as given. */
#define P53 9007199254740992.0 /* 2^53 */
START_TEST(test_total_compensated)
{
    amsize_plan_month m[3], total[1];
    amsize_plan_summary sum[3], tsum;
    const double v[3] = {P53, 1, 1};
    volatile double plain = v[0];

    plain += v[1];
    plain += v[2];
    ck_assert_double_eq(plain, P53); /* what a plain sum gives */
    ASSERT_OK(amsize_plan_month_init(m, 3));
    for (int i = 0; i < 3; i++) {
        ASSERT_OK(amsize_plan_summary_init(&sum[i]));
        m[i].headcount = m[i].leavers = m[i].requisitions = m[i].starts = v[i];
        m[i].rre = m[i].capacity = m[i].demand = m[i].gap = m[i].cost = v[i];
        sum[i].requisitions = sum[i].starts = sum[i].leavers = v[i];
        sum[i].shortfall = sum[i].plan_cost = sum[i].end_headcount = v[i];
    }
    ASSERT_OK(amsize_plan_month_init(total, 1));
    ASSERT_OK(amsize_plan_summary_init(&tsum));
    ASSERT_OK(amsize_plan_total(total, &tsum, NULL, m, sum, 3, 1));
    ck_assert_int_eq(total[0].month, 1);
    ck_assert_double_eq(total[0].headcount, P53 + 2);
    ck_assert_double_eq(total[0].leavers, P53 + 2);
    ck_assert_double_eq(total[0].requisitions, P53 + 2);
    ck_assert_double_eq(total[0].starts, P53 + 2);
    ck_assert_double_eq(total[0].rre, P53 + 2);
    ck_assert_double_eq(total[0].capacity, P53 + 2);
    ck_assert_double_eq(total[0].demand, P53 + 2);
    ck_assert_double_eq(total[0].gap, P53 + 2);
    ck_assert_double_eq(total[0].cost, P53 + 2);
    ck_assert_double_eq(tsum.requisitions, P53 + 2);
    ck_assert_double_eq(tsum.starts, P53 + 2);
    ck_assert_double_eq(tsum.leavers, P53 + 2);
    ck_assert_double_eq(tsum.shortfall, P53 + 2);
    ck_assert_double_eq(tsum.plan_cost, P53 + 2);
    ck_assert_double_eq(tsum.end_headcount, P53 + 2);
    /* rre = demand: met in month 1. */
    ck_assert_int_eq(tsum.first_month_at_demand, 1);
}
END_TEST

/* amsize_plan_total()'s errors: the report, and total and total_summary
 * left as they were. */
START_TEST(test_total_errors)
{
    amsize_plan_month m[4], total[3], total0[3];
    amsize_plan_summary sum[2], tsum, tsum0;
    amsize_error err;

    ASSERT_OK(amsize_plan_month_init(m, 4));
    ASSERT_OK(amsize_plan_summary_init(&sum[0]));
    ASSERT_OK(amsize_plan_summary_init(&sum[1]));
    ASSERT_OK(amsize_plan_month_init(total, 3));
    ASSERT_OK(amsize_plan_summary_init(&tsum));
    for (int t = 0; t < 3; t++)
        poison(&total[t], sizeof total[t]);
    poison(&tsum, sizeof tsum);
    memcpy(total0, total, sizeof total);
    tsum0 = tsum;
    ASSERT_OK(amsize_error_init(&err));

#define TOTAL_ERR(call, st, idx, field)                    \
    do {                                                   \
        check_err(&err, (call), st, idx, field);           \
        ck_assert_mem_eq(total, total0, sizeof total);     \
        ck_assert_mem_eq(&tsum, &tsum0, sizeof tsum);      \
    } while (0)

    /* Two segments of two months in m[0..3]. */
    TOTAL_ERR(amsize_plan_total(NULL, &tsum, &err, m, sum, 2, 2), AMSIZE_E_NULL, -1, F(ROWS));
    TOTAL_ERR(amsize_plan_total(total, &tsum, &err, NULL, sum, 2, 2), AMSIZE_E_NULL, -1,
              F(ROWS));
    TOTAL_ERR(amsize_plan_total(total, &tsum, &err, m, NULL, 2, 2), AMSIZE_E_NULL, -1,
              F(TOTAL));
    TOTAL_ERR(amsize_plan_total(total, &tsum, &err, m, sum, 0, 2), AMSIZE_E_EMPTY, -1,
              F(SEGMENTS));
    TOTAL_ERR(amsize_plan_total(total, &tsum, &err, m, sum, 2, 0), AMSIZE_E_RANGE, -1,
              F(ROWS));
    TOTAL_ERR(amsize_plan_total(total, &tsum, &err, m, sum, 1, H_MAX + 1), AMSIZE_E_RANGE, -1,
              F(ROWS));
    /* A row of either array, or a summary, of a size this library does not
     * know. */
    m[3].struct_size = 8;
    ck_assert_int_eq(amsize_plan_total(total, &tsum, &err, m, sum, 2, 2), AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(total, total0, sizeof total);
    m[3].struct_size = (uint32_t)sizeof m[3];
    sum[1].struct_size = 8;
    ck_assert_int_eq(amsize_plan_total(total, &tsum, &err, m, sum, 2, 2), AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(total, total0, sizeof total);
    sum[1].struct_size = (uint32_t)sizeof sum[1];
    total[1].struct_size = 8;
    total0[1].struct_size = 8;
    ck_assert_int_eq(amsize_plan_total(total, &tsum, &err, m, sum, 2, 2), AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(total, total0, sizeof total);
    ck_assert_mem_eq(&tsum, &tsum0, sizeof tsum);
    total[1].struct_size = total0[1].struct_size = (uint32_t)sizeof total[1];

    /* An overflow: 1e308 + 1e308 in month 2's headcount. Nothing is
     * written, not even month 1. */
    m[1].headcount = 1e308;
    m[3].headcount = 1e308;
    ck_assert_int_eq(amsize_plan_total(total, &tsum, &err, m, sum, 2, 2), AMSIZE_E_OVERFLOW);
    ck_assert_int_eq(err.status, AMSIZE_E_OVERFLOW);
    /* Months are numbered from 1, as amsize_plan_compute() numbers them. */
    ck_assert_int_eq(err.index, 2);
    ck_assert_int_eq(err.field, AMSIZE_FIELD_TOTAL);
    ck_assert_mem_eq(total, total0, sizeof total);
    ck_assert_mem_eq(&tsum, &tsum0, sizeof tsum);
    m[1].headcount = m[3].headcount = 0;
    /* ... and in a summary's sum. */
    sum[0].plan_cost = sum[1].plan_cost = 1e308;
    ck_assert_int_eq(amsize_plan_total(total, &tsum, &err, m, sum, 2, 2), AMSIZE_E_OVERFLOW);
    ck_assert_int_eq(err.index, -1);
    ck_assert_mem_eq(total, total0, sizeof total);
    ck_assert_mem_eq(&tsum, &tsum0, sizeof tsum);
#undef TOTAL_ERR
}
END_TEST

/* ====================================================================== */
/* Invariants over a long plan                                             */
/* ====================================================================== */

/* The longest plan, Enterprise with the defaults and 600 months. What the
 * rules imply for every month: headcount carries over (HC_t = HC_(t-1) -
 * leavers_t + starts_t, HC_0 = current_ams), leavers_t = q*HC_(t-1), starts
 * are the requisitions of L months before, counts are whole and not
 * negative (and not -0), gap = max(0, D - RRE), and the summary adds the
 * months up. */
START_TEST(test_horizon_max)
{
    static amsize_plan_month m[H_MAX];
    const double q = 1 - k_default();
    amsize_segment seg;
    amsize_staffing st;
    amsize_plan_summary sum;
    double prev = 0, reqs = 0, starts = 0;

    seg_enterprise(&seg);
    ASSERT_OK(amsize_staffing_init(&st, 1));
    plan_ok(m, H_MAX, &sum, &seg, NULL, &st, NULL, 0, NULL, NULL, 0);
    for (int t = 1; t <= H_MAX; t++) {
        const amsize_plan_month *x = &m[t - 1];
        ck_assert_int_eq(x->month, t);
        close_at(x->leavers, q * prev, "leavers = q*HC_(t-1)", t, __LINE__);
        ck_assert_msg(fabs(x->headcount - (prev - x->leavers + x->starts)) <=
                          1e-12 * fmax(1, x->headcount),
                      "month %d: headcount %.17g, carried %.17g", t, x->headcount,
                      prev - x->leavers + x->starts);
        ck_assert(x->requisitions == floor(x->requisitions) && !signbit(x->requisitions));
        ck_assert(x->starts == floor(x->starts) && !signbit(x->starts));
        ck_assert_double_eq(x->starts, t > 3 ? m[t - 4].requisitions : 0);
        ck_assert_double_eq(x->gap, fmax(0, x->demand - x->rre));
        /* From month L + 1 on, HC_(u+L) = proj_u + r_u: in [11, 12) when
         * month u opened requisitions (ceil_eps may leave it 1e-8 short
         * of 11), and proj_u, the team shrinking from below 12, when it
         * opened none. */
        if (t > 3)
            ck_assert_msg(x->headcount > 11 - 1e-8 && x->headcount < 12,
                          "month %d: headcount %.17g", t, x->headcount);
        prev = x->headcount;
        reqs += x->requisitions;
        starts += x->starts;
    }
    ck_assert_double_eq(sum.requisitions, reqs);
    ck_assert_double_eq(sum.starts, starts);
    ck_assert_double_eq(sum.end_headcount, m[H_MAX - 1].headcount);
}
END_TEST

/* ====================================================================== */
/* Bad input                                                               */
/* ====================================================================== */

/* One call, valid as built by bad_base(): Enterprise, the default model,
 * the staffing defaults, the curve {0, 0.25, 0.5}, the roster of
 * test_roster_mixed_tenures, 6 months and exactly the work plan.h asks
 * for. Each case below breaks one thing. */
typedef struct call {
    amsize_segment seg;
    amsize_model model;
    amsize_staffing staff;
    double ramp[3];
    size_t ramp_len;
    double size[3];
    int32_t tenure[3];
    size_t n;
    size_t months_len, work_len;
    int no_months, no_seg, no_staff, no_work, no_tenure, no_ramp, no_roster, no_summary;
} call;

static void bad_base(call *c)
{
    memset(c, 0, sizeof *c);
    seg_enterprise(&c->seg);
    ASSERT_OK(amsize_model_init(&c->model));
    ASSERT_OK(amsize_staffing_init(&c->staff, 1));
    c->ramp[0] = 0, c->ramp[1] = 0.25, c->ramp[2] = 0.5;
    c->ramp_len = 3;
    c->size[0] = 1, c->size[1] = 0.5, c->size[2] = 1;
    c->tenure[0] = AMSIZE_TENURE_RAMPED, c->tenure[1] = 0, c->tenure[2] = 10;
    c->n = 3;
    c->months_len = 6;
    c->work_len = 3 + 2 * 6 + 1;
}

/* The months buffer is the longest plan plus one, so that a months_len
 * past the maximum reads nothing it does not own. */
static amsize_plan_month bad_months[H_MAX + 1], bad_months0[H_MAX + 1];

static amsize_status bad_run(const call *c, amsize_error *err, amsize_plan_summary *sum)
{
    return amsize_plan_compute(c->no_months ? NULL : bad_months, c->months_len,
                               c->no_summary ? NULL : sum, err, c->no_work ? NULL : work,
                               c->work_len, c->no_seg ? NULL : &c->seg, &c->model,
                               c->no_staff ? NULL : &c->staff, c->no_ramp ? NULL : c->ramp,
                               c->ramp_len, c->no_roster ? NULL : c->size,
                               c->no_tenure ? NULL : c->tenure, c->n);
}

enum {
    B_MONTHS_NULL, B_SEG_NULL, B_STAFF_NULL, B_WORK_NULL, B_TENURE_NULL, B_RAMP_NULL,
    B_MONTHS_LEN, B_WORK_LEN, B_ATTRITION, B_FILL, B_RAMP_MONTHS, B_CURRENT, B_SHARE,
    B_FTE, B_TENURE, B_SEG, B_MODEL, B_DESCENDING
};

#define ANY_FIELD INT32_MIN /* a field the header leaves open */

static const struct {
    const char *what;
    int kind;
    int i;
    double v;
    seg_patch patch;
    amsize_status st;
    int64_t index;
    int32_t field;
} bad_cases[] = {
    {"months NULL", B_MONTHS_NULL, 0, 0, {0}, AMSIZE_E_NULL, -1, F(ROWS)},
    {"seg NULL", B_SEG_NULL, 0, 0, {0}, AMSIZE_E_NULL, -1, F(SEGMENTS)},
    {"staff NULL", B_STAFF_NULL, 0, 0, {0}, AMSIZE_E_NULL, -1, F(STAFFING)},
    {"work NULL", B_WORK_NULL, 0, 0, {0}, AMSIZE_E_NULL, -1, F(WORK)},
    {"tenure NULL with sizes", B_TENURE_NULL, 0, 0, {0}, AMSIZE_E_NULL, -1, F(TENURE_MONTHS)},
    {"ramp NULL, ramp_len 3", B_RAMP_NULL, 0, 0, {0}, AMSIZE_E_NULL, -1, F(SHARE)},
    {"months_len 0", B_MONTHS_LEN, 0, 0, {0}, AMSIZE_E_RANGE, -1, F(ROWS)},
    {"months_len 601", B_MONTHS_LEN, H_MAX + 1, 0, {0}, AMSIZE_E_RANGE, -1, F(ROWS)},
    /* 3 + 2*6 + 1 = 16 doubles; 15 is one too few. */
    {"work one double short", B_WORK_LEN, -1, 0, {0}, AMSIZE_E_BUFFER, -1, F(WORK)},
    {"work 0", B_WORK_LEN, -16, 0, {0}, AMSIZE_E_BUFFER, -1, F(WORK)},
    /* Staffing: index -1, the field named. */
    {"attrition 1", B_ATTRITION, 0, 1, {0}, AMSIZE_E_RANGE, -1, F(ATTRITION)},
    {"attrition -0.1", B_ATTRITION, 0, -0.1, {0}, AMSIZE_E_RANGE, -1, F(ATTRITION)},
    {"attrition NaN", B_ATTRITION, 0, NAN, {0}, AMSIZE_E_NOT_FINITE, -1, F(ATTRITION)},
    {"attrition inf", B_ATTRITION, 0, INFINITY, {0}, AMSIZE_E_NOT_FINITE, -1, F(ATTRITION)},
    {"time_to_fill -1", B_FILL, -1, 0, {0}, AMSIZE_E_NEGATIVE, -1, F(TIME_TO_FILL)},
    {"ramp_months -1", B_RAMP_MONTHS, -1, 0, {0}, AMSIZE_E_NEGATIVE, -1, F(RAMP_MONTHS)},
    {"current_ams -1", B_CURRENT, -1, 0, {0}, AMSIZE_E_NEGATIVE, -1, F(CURRENT_AMS)},
    /* The curve: index the tenure month. */
    {"share[1] 1.5", B_SHARE, 1, 1.5, {0}, AMSIZE_E_RANGE, 1, F(SHARE)},
    {"share[0] -0.1", B_SHARE, 0, -0.1, {0}, AMSIZE_E_RANGE, 0, F(SHARE)},
    {"share[2] NaN", B_SHARE, 2, NAN, {0}, AMSIZE_E_NOT_FINITE, 2, F(SHARE)},
    /* {0, 0.5, 0.25}: share 2 is below share 1. */
    {"share decreasing", B_DESCENDING, 0, 0, {0}, AMSIZE_E_ORDER, 2, F(SHARE)},
    /* The roster: index the AM. */
    {"fte[1] 0", B_FTE, 1, 0, {0}, AMSIZE_E_RANGE, 1, F(FTE)},
    {"fte[2] 1.5", B_FTE, 2, 1.5, {0}, AMSIZE_E_RANGE, 2, F(FTE)},
    {"fte[0] -1", B_FTE, 0, -1, {0}, AMSIZE_E_RANGE, 0, F(FTE)},
    {"fte[0] NaN", B_FTE, 0, NAN, {0}, AMSIZE_E_NOT_FINITE, 0, F(FTE)},
    {"tenure[2] -2", B_TENURE, 2, -2, {0}, AMSIZE_E_NEGATIVE, 2, F(TENURE_MONTHS)},
    {"tenure[1] INT32_MIN", B_TENURE, 1, INT32_MIN, {0}, AMSIZE_E_NEGATIVE, 1,
     F(TENURE_MONTHS)},
    /* The segment: its own error, index 0. */
    {"am_cost 0", B_SEG, 0, 0, PD(am_cost, 0), AMSIZE_E_NOT_POSITIVE, 0, F(AM_COST)},
    {"churn -1", B_SEG, 0, 0, PD(churn, -1), AMSIZE_E_NEGATIVE, 0, F(CHURN)},
    {"support_rating 6", B_SEG, 0, 0, PI(support_rating, 6), AMSIZE_E_RANGE, 0,
     F(SUPPORT_RATING)},
    {"accounts -1", B_SEG, 0, 0, PL(accounts, -1), AMSIZE_E_NEGATIVE, 0, F(ACCOUNTS)},
    {"segment struct_size 8", B_SEG, 0, 0, PI(struct_size, 8), AMSIZE_E_STRUCT_SIZE, 0,
     F(STRUCT_SIZE)},
    /* The model: its own error, index -1. */
    {"selling_time[3] 0", B_MODEL, 2, 0, {0}, AMSIZE_E_RANGE, -1, F(SELLING_TIME_3)},
    {"selling_time[4] 0.55", B_MODEL, 3, 0.55, {0}, AMSIZE_E_ORDER, -1, F(SELLING_TIME_4)},
};

START_TEST(test_bad_input)
{
    call c;
    amsize_plan_summary sum, sum0;
    amsize_error err;

    bad_base(&c);
    switch (bad_cases[_i].kind) {
    case B_MONTHS_NULL: c.no_months = 1; break;
    case B_SEG_NULL: c.no_seg = 1; break;
    case B_STAFF_NULL: c.no_staff = 1; break;
    case B_WORK_NULL: c.no_work = 1; break;
    case B_TENURE_NULL: c.no_tenure = 1; break;
    case B_RAMP_NULL: c.no_ramp = 1; break;
    case B_MONTHS_LEN: c.months_len = (size_t)bad_cases[_i].i; break;
    case B_WORK_LEN: c.work_len = (size_t)((int)c.work_len + bad_cases[_i].i); break;
    case B_ATTRITION: c.staff.attrition = bad_cases[_i].v; break;
    case B_FILL: c.staff.time_to_fill = bad_cases[_i].i; break;
    case B_RAMP_MONTHS: c.staff.ramp_months = bad_cases[_i].i; break;
    case B_CURRENT: /* read only without a roster */
        c.staff.current_ams = bad_cases[_i].i;
        c.no_roster = 1;
        c.n = 0;
        c.work_len = 2 * 6 + 1;
        break;
    case B_SHARE: c.ramp[bad_cases[_i].i] = bad_cases[_i].v; break;
    case B_DESCENDING: c.ramp[1] = 0.5, c.ramp[2] = 0.25; break;
    case B_FTE: c.size[bad_cases[_i].i] = bad_cases[_i].v; break;
    case B_TENURE: c.tenure[bad_cases[_i].i] = (int32_t)bad_cases[_i].v; break;
    case B_SEG: apply_patch(&c.seg, bad_cases[_i].patch); break;
    case B_MODEL: c.model.selling_time[bad_cases[_i].i] = bad_cases[_i].v; break;
    default: ck_abort_msg("case kind %d", bad_cases[_i].kind);
    }

    ASSERT_OK(amsize_plan_month_init(bad_months, H_MAX + 1));
    for (size_t t = 0; t < H_MAX + 1; t++)
        poison(&bad_months[t], sizeof bad_months[t]);
    memcpy(bad_months0, bad_months, sizeof bad_months);
    ASSERT_OK(amsize_plan_summary_init(&sum));
    poison(&sum, sizeof sum);
    sum0 = sum;
    ASSERT_OK(amsize_error_init(&err));

    amsize_status st = bad_run(&c, &err, &sum);
    ck_assert_msg(st == bad_cases[_i].st, "%s: status %d (%s), want %d (%s)",
                  bad_cases[_i].what, (int)st, amsize_strerror(st), (int)bad_cases[_i].st,
                  amsize_strerror(bad_cases[_i].st));
    ck_assert_int_eq(err.status, bad_cases[_i].st);
    ck_assert_msg(err.index == bad_cases[_i].index, "%s: index %lld, want %lld",
                  bad_cases[_i].what, (long long)err.index, (long long)bad_cases[_i].index);
    if (bad_cases[_i].field != ANY_FIELD)
        ck_assert_msg(err.field == bad_cases[_i].field, "%s: field %s, want %s",
                      bad_cases[_i].what, amsize_field_name(err.field),
                      amsize_field_name(bad_cases[_i].field));
    ck_assert_mem_eq(bad_months, bad_months0, sizeof bad_months);
    ck_assert_mem_eq(&sum, &sum0, sizeof sum);
    /* Without a report, the same status. */
    ck_assert_int_eq(bad_run(&c, NULL, &sum), bad_cases[_i].st);
    ck_assert_mem_eq(bad_months, bad_months0, sizeof bad_months);
    ck_assert_mem_eq(&sum, &sum0, sizeof sum);
}
END_TEST

/* The base call of the table is valid, with exactly plan.h's work, with
 * and without a roster; and the roster's and the curve's checks give the
 * field table's report for the same value (amsize_field_check()). */
START_TEST(test_bad_base_is_valid)
{
    static const double values[] = {NAN, INFINITY, -1, -0.0, 0, 1e-300, 0.25, 0.5, 1, 1.5};
    call c;
    amsize_plan_summary sum;

    bad_base(&c);
    ASSERT_OK(amsize_plan_summary_init(&sum));
    ASSERT_OK(amsize_plan_month_init(bad_months, 6));
    ASSERT_OK(bad_run(&c, NULL, &sum));
    /* Without a roster: 0 + 2*6 + 1 = 13 doubles. */
    c.no_roster = 1;
    c.n = 0;
    c.work_len = 2 * 6 + 1;
    ASSERT_OK(bad_run(&c, NULL, &sum));
    /* Nor does a NULL summary fail. */
    c.no_summary = 1;
    ASSERT_OK(bad_run(&c, NULL, &sum));

    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
        for (int field = 0; field < 2; field++) {
            amsize_error e1, e2;
            bad_base(&c);
            if (field == 0)
                c.size[1] = values[v];
            else
                c.ramp[2] = values[v];
            ASSERT_OK(amsize_error_init(&e1));
            ASSERT_OK(amsize_error_init(&e2));
            amsize_status a =
                field == 0 ? amsize_field_check(&e1, AMSIZE_SCHEMA_ROSTER, F(FTE), values[v], 1)
                           : amsize_field_check(&e1, AMSIZE_SCHEMA_RAMP, F(SHARE), values[v], 2);
            /* A share below the one before it (0.25) is the plan's own
             * ORDER; the table does not know the order. */
            if (field == 1 && a == AMSIZE_OK && values[v] < 0.25)
                continue;
            amsize_status b = bad_run(&c, &e2, &sum);
            ck_assert_msg(a == b, "%s = %g: field_check %s, plan %s", field ? "share" : "fte",
                          values[v], amsize_strerror(a), amsize_strerror(b));
            ck_assert_mem_eq(&e1, &e2, sizeof e1);
        }
    }
    /* Whole tenures: the table's report, AMSIZE_TENURE_RAMPED aside. */
    static const int32_t tenures[] = {INT32_MIN, -2, 0, 1, INT32_MAX};
    for (size_t v = 0; v < sizeof tenures / sizeof tenures[0]; v++) {
        amsize_error e1, e2;
        bad_base(&c);
        c.tenure[0] = tenures[v];
        ASSERT_OK(amsize_error_init(&e1));
        ASSERT_OK(amsize_error_init(&e2));
        amsize_status a = amsize_field_check(&e1, AMSIZE_SCHEMA_ROSTER, F(TENURE_MONTHS),
                                             tenures[v], 0);
        amsize_status b = bad_run(&c, &e2, &sum);
        ck_assert_int_eq(a, b);
        ck_assert_mem_eq(&e1, &e2, sizeof e1);
    }
}
END_TEST

/* The scratch space plan.h asks for, cohorts_len + 2*months_len + 1
 * doubles, is enough and one fewer is not: with the roster of 3 AMs over 6
 * months 16, and without a roster (cohorts_len 0, the current_ams cohort
 * being the "+ 1") 13. */
START_TEST(test_work_length)
{
    call c;
    amsize_plan_summary sum;
    amsize_error err;

    bad_base(&c);
    ASSERT_OK(amsize_plan_month_init(bad_months, 6));
    ASSERT_OK(amsize_plan_summary_init(&sum));
    ASSERT_OK(amsize_error_init(&err));
    c.work_len = 16;
    ASSERT_OK(bad_run(&c, &err, &sum));
    c.work_len = 15;
    check_err(&err, bad_run(&c, &err, &sum), AMSIZE_E_BUFFER, -1, F(WORK));

    c.no_roster = 1;
    c.n = 0;
    c.staff.current_ams = 4;
    c.work_len = 13;
    ASSERT_OK(bad_run(&c, &err, &sum));
    c.work_len = 12;
    check_err(&err, bad_run(&c, &err, &sum), AMSIZE_E_BUFFER, -1, F(WORK));
}
END_TEST

/* The struct sizes: a month row, the summary, the staffing and the report
 * of a size this library does not know. */
START_TEST(test_bad_struct_sizes)
{
    call c;
    amsize_plan_summary sum, sum0;
    amsize_error err, err0;

    bad_base(&c);
    ASSERT_OK(amsize_plan_month_init(bad_months, 6));
    for (int t = 0; t < 6; t++)
        poison(&bad_months[t], sizeof bad_months[t]);
    ASSERT_OK(amsize_plan_summary_init(&sum));
    poison(&sum, sizeof sum);
    sum0 = sum;

    /* Month row 2 (month 3): the row's index, as the chart's rows. */
    bad_months[2].struct_size = (uint32_t)sizeof(amsize_plan_month) - 8;
    memcpy(bad_months0, bad_months, 6 * sizeof bad_months[0]);
    ASSERT_OK(amsize_error_init(&err));
    check_err(&err, bad_run(&c, &err, &sum), AMSIZE_E_STRUCT_SIZE, 2, F(ROWS));
    ck_assert_mem_eq(bad_months, bad_months0, 6 * sizeof bad_months[0]);
    ck_assert_mem_eq(&sum, &sum0, sizeof sum);
    bad_months[2].struct_size = (uint32_t)sizeof(amsize_plan_month);
    memcpy(bad_months0, bad_months, 6 * sizeof bad_months[0]);

    /* The summary. */
    sum.struct_size = 8;
    sum0 = sum;
    ck_assert_int_eq(bad_run(&c, &err, &sum), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(err.index, -1);
    ck_assert_mem_eq(bad_months, bad_months0, 6 * sizeof bad_months[0]);
    ck_assert_mem_eq(&sum, &sum0, sizeof sum);
    sum.struct_size = (uint32_t)sizeof sum;
    sum0 = sum;

    /* The staffing: index -1, as every staffing error. */
    c.staff.struct_size = 8;
    ck_assert_int_eq(bad_run(&c, &err, &sum), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(err.index, -1);
    ck_assert_mem_eq(bad_months, bad_months0, 6 * sizeof bad_months[0]);
    ck_assert_mem_eq(&sum, &sum0, sizeof sum);
    c.staff.struct_size = (uint32_t)sizeof c.staff;
    ck_assert_int_eq(amsize_staffing_check(&err, &c.staff, 5), AMSIZE_OK);
    c.staff.struct_size = 8;
    check_err(&err, amsize_staffing_check(&err, &c.staff, 5), AMSIZE_E_STRUCT_SIZE, 5,
              F(STAFFING));
    check_err(&err, amsize_staffing_check(&err, NULL, 5), AMSIZE_E_NULL, 5, F(STAFFING));
    c.staff.struct_size = (uint32_t)sizeof c.staff;

    /* The report itself cannot be written: refused, left alone, and so
     * are the outputs. */
    ASSERT_OK(amsize_error_init(&err));
    err.struct_size = 16;
    err0 = err;
    ck_assert_int_eq(bad_run(&c, &err, &sum), AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(&err, &err0, sizeof err);
    ck_assert_mem_eq(bad_months, bad_months0, 6 * sizeof bad_months[0]);
    ck_assert_mem_eq(&sum, &sum0, sizeof sum);
}
END_TEST

/* A result beyond DBL_MAX, and nothing written. P = 1e308: N 2000, B 1M,
 * U 100k, X = C = 0, K 1, Lmax 1. Chart: FTE_demand = 100k/1e308 = 1e-303,
 * HC_demand = ceil_eps(1e-303) = 0; floor ceil_eps(2000/1) = 2000; g =
 * 100k/2000 = 50, Lmin = max(1, ceil_eps(1/50)) = 1, ceiling 2000: H* =
 * 2000. Plan: attrition 0, L = 3, ramp_months 0 (R = 1 from tenure 0).
 * Months 1..3 have RRE 0: capacity 0, gap 1e-303, shortfall 1e-303*1e308/12
 * = 8,333: finite. Month 4: 2000 start, capacity 2000*1e308/12 = inf. The
 * report names month 4. */
START_TEST(test_overflow)
{
    amsize_segment seg;
    amsize_staffing st = staffing(0, 3, 0, 0);
    amsize_plan_month m[6], m0[6];
    amsize_plan_summary sum, sum0;
    amsize_error err;

    seg_set(&seg, 2000, 1e6, 1e5, 0, 0, 1e308, 1, 1);
    ck_assert_int_eq(chart1(&seg).headcount, 2000);
    ASSERT_OK(amsize_plan_month_init(m, 6));
    for (int t = 0; t < 6; t++)
        poison(&m[t], sizeof m[t]);
    memcpy(m0, m, sizeof m);
    ASSERT_OK(amsize_plan_summary_init(&sum));
    poison(&sum, sizeof sum);
    sum0 = sum;
    ASSERT_OK(amsize_error_init(&err));
    ck_assert_int_eq(amsize_plan_compute(m, 6, &sum, &err, work, work_need(NULL, 0, 6), &seg,
                                         NULL, &st, NULL, 0, NULL, NULL, 0),
                     AMSIZE_E_OVERFLOW);
    ck_assert_int_eq(err.status, AMSIZE_E_OVERFLOW);
    ck_assert_int_eq(err.index, 4);
    ck_assert_mem_eq(m, m0, sizeof m);
    ck_assert_mem_eq(&sum, &sum0, sizeof sum);

    /* Three months stop short of it. */
    ASSERT_OK(amsize_plan_month_init(m, 3));
    ASSERT_OK(amsize_plan_compute(m, 3, NULL, &err, work, work_need(NULL, 0, 3), &seg, NULL,
                                  &st, NULL, 0, NULL, NULL, 0));
    ck_assert_double_eq(m[2].requisitions, 0);
    ck_assert_double_eq(m[0].requisitions, 2000);
}
END_TEST

/* ====================================================================== */
/* Init functions                                                          */
/* ====================================================================== */

START_TEST(test_inits)
{
    amsize_plan_month m[3], zero_m;
    amsize_plan_summary s, zero_s;
    amsize_staffing st, st0;

    memset(m, 0x5A, sizeof m);
    ASSERT_OK(amsize_plan_month_init(m, 3));
    memset(&zero_m, 0, sizeof zero_m);
    zero_m.struct_size = (uint32_t)sizeof zero_m;
    for (int t = 0; t < 3; t++)
        ck_assert_mem_eq(&m[t], &zero_m, sizeof zero_m);
    memset(&s, 0x5A, sizeof s);
    ASSERT_OK(amsize_plan_summary_init(&s));
    memset(&zero_s, 0, sizeof zero_s);
    zero_s.struct_size = (uint32_t)sizeof zero_s;
    ck_assert_mem_eq(&s, &zero_s, sizeof s);

    ck_assert_int_eq(amsize_plan_month_init_(NULL, 1, sizeof(amsize_plan_month)),
                     AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_plan_summary_init_(NULL, sizeof(amsize_plan_summary)),
                     AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_staffing_init_(NULL, 1, sizeof(amsize_staffing)), AMSIZE_E_NULL);
    memset(m, 0x5A, sizeof m);
    memset(&s, 0x5A, sizeof s);
    memset(&st, 0x5A, sizeof st);
    st0 = st;
    ck_assert_int_eq(amsize_plan_month_init_(m, 3, sizeof(amsize_plan_month) - 8),
                     AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(amsize_plan_month_init_(m, 3, 0), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(amsize_plan_summary_init_(&s, sizeof(amsize_plan_summary) + 8),
                     AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(amsize_staffing_init_(&st, 1, sizeof(amsize_staffing) + 8),
                     AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(&st, &st0, sizeof st);
    for (size_t i = 0; i < sizeof m; i++)
        ck_assert_uint_eq(((unsigned char *)m)[i], 0x5A);
    for (size_t i = 0; i < sizeof s; i++)
        ck_assert_uint_eq(((unsigned char *)&s)[i], 0x5A);
}
END_TEST

/* ====================================================================== */
/* Spreadsheet forms                                                       */
/* ====================================================================== */

START_TEST(test_calc_monthly_attrition)
{
    /* q = 1 - 0.85^(1/12) = 0.0134519...; twelve months at 1 - q keep
     * (1 - q)^12 = 0.85 of the team: 15% a year. */
    double q = amsize_monthly_attrition_calc(0.15);
    CLOSE(q, 1 - pow(0.85, 1.0 / 12));
    ck_assert_double_eq_tol(q, 0.0134519470, 1e-10);
    CLOSE(pow(1 - q, 12), 0.85);
    /* 0 a year is 0 a month, exactly; 0.5 a year: 1 - 0.5^(1/12). */
    ck_assert_double_eq(amsize_monthly_attrition_calc(0), 0);
    CLOSE(amsize_monthly_attrition_calc(0.5), 1 - pow(0.5, 1.0 / 12));
    /* 1 - 2^-52 is below 1: valid, and q below 1. */
    q = amsize_monthly_attrition_calc(1 - DBL_EPSILON);
    ck_assert(q > 0.9 && q < 1);
    /* [0,1): 1 and above, below 0, and non-numbers are NaN. */
    ck_assert(isnan(amsize_monthly_attrition_calc(1)));
    ck_assert(isnan(amsize_monthly_attrition_calc(1.5)));
    ck_assert(isnan(amsize_monthly_attrition_calc(-0.1)));
    ck_assert(isnan(amsize_monthly_attrition_calc(-DBL_MIN)));
    ck_assert(isnan(amsize_monthly_attrition_calc(NAN)));
    ck_assert(isnan(amsize_monthly_attrition_calc(INFINITY)));
    ck_assert(isnan(amsize_monthly_attrition_calc(-INFINITY)));
}
END_TEST

START_TEST(test_calc_ramp_share)
{
    /* R(tau) = min(1, (tau+1)/(ramp+1)). */
    CLOSE(amsize_ramp_share_calc(2, 6), 3.0 / 7);
    CLOSE(amsize_ramp_share_calc(0, 6), 1.0 / 7);
    CLOSE(amsize_ramp_share_calc(5, 6), 6.0 / 7);
    ck_assert_double_eq(amsize_ramp_share_calc(6, 6), 1);  /* 7/7 */
    ck_assert_double_eq(amsize_ramp_share_calc(10, 6), 1); /* min(1, 11/7) */
    /* Both are int32_t fields in the table: 3e9 does not fit either. */
    ck_assert(isnan(amsize_ramp_share_calc(3e9, 6)));
    ck_assert(isnan(amsize_ramp_share_calc(2, 3e9)));
    ck_assert_double_eq(amsize_ramp_share_calc(0, 0), 1);  /* no ramp */
    ck_assert_double_eq(amsize_ramp_share_calc(1, 3), 0.5); /* 2/4 */
    ck_assert_double_eq(amsize_ramp_share_calc(0, 1), 0.5); /* 1/2 */
    /* Whole months >= 0 only. */
    ck_assert(isnan(amsize_ramp_share_calc(2.5, 6)));
    ck_assert(isnan(amsize_ramp_share_calc(2, 6.5)));
    ck_assert(isnan(amsize_ramp_share_calc(-1, 6)));
    ck_assert(isnan(amsize_ramp_share_calc(2, -1)));
    ck_assert(isnan(amsize_ramp_share_calc(NAN, 6)));
    ck_assert(isnan(amsize_ramp_share_calc(2, NAN)));
    ck_assert(isnan(amsize_ramp_share_calc(INFINITY, 6)));
    ck_assert(isnan(amsize_ramp_share_calc(2, INFINITY)));
}
END_TEST

START_TEST(test_calc_requisitions)
{
    /* The L = 0 plan's month 2: 11 - 10.852 = 0.148 -> 1. */
    ck_assert_double_eq(amsize_requisitions_calc(11, 10.852), 1);
    ck_assert_double_eq(amsize_requisitions_calc(11, 0), 11);   /* month 1 */
    ck_assert_double_eq(amsize_requisitions_calc(11, 4), 7);    /* test_no_attrition */
    ck_assert_double_eq(amsize_requisitions_calc(11, 8.2), 3);  /* ceil(2.8) */
    /* Covered, or more than covered: 0, and +0 (max(0, ...)). */
    double r = amsize_requisitions_calc(11, 11);
    ck_assert_double_eq(r, 0);
    ck_assert(!signbit(r));
    r = amsize_requisitions_calc(11, 11.693);
    ck_assert_double_eq(r, 0);
    ck_assert(!signbit(r));
    ck_assert_double_eq(amsize_requisitions_calc(0, 3), 0);
    /* ceil_eps: 1e-10 above a whole number is that number (1e-9*max(1,
     * |x|)); 1e-6 is a real fraction. */
    ck_assert_double_eq(amsize_requisitions_calc(11, 10 - 1e-10), 1);
    ck_assert_double_eq(amsize_requisitions_calc(11, 10 - 1e-6), 2);
    /* A projection can be any finite number; the target is whole >= 0. */
    ck_assert_double_eq(amsize_requisitions_calc(11, -3), 14);
    ck_assert(isnan(amsize_requisitions_calc(10.5, 3)));
    ck_assert(isnan(amsize_requisitions_calc(-1, 0)));
    ck_assert(isnan(amsize_requisitions_calc(NAN, 0)));
    ck_assert(isnan(amsize_requisitions_calc(INFINITY, 0)));
    ck_assert(isnan(amsize_requisitions_calc(11, NAN)));
    ck_assert(isnan(amsize_requisitions_calc(11, INFINITY)));
    ck_assert(isnan(amsize_requisitions_calc(11, -INFINITY)));
}
END_TEST

/* ====================================================================== */
/* Suite                                                                   */
/* ====================================================================== */

static Suite *plan_suite(void)
{
    Suite *s = suite_create("plan");
    TCase *tc;

    tc = add_tcase(s, "worked");
    tcase_add_test(tc, test_readme_enterprise);
    tcase_add_test(tc, test_fill_zero);
    tcase_add_test(tc, test_no_attrition);
    tcase_add_test(tc, test_roster_mixed_tenures);
    tcase_add_test(tc, test_roster_empty);
    tcase_add_test(tc, test_ramp_curve);

    tc = add_tcase(s, "summary");
    tcase_add_test(tc, test_summary_support4);
    tcase_add_test(tc, test_summary_met_within_tolerance);
    tcase_add_test(tc, test_horizon_max);

    tc = add_tcase(s, "total");
    tcase_add_test(tc, test_total_two_segments);
    tcase_add_test(tc, test_total_one_segment);
    tcase_add_test(tc, test_total_compensated);
    tcase_add_test(tc, test_total_errors);

    tc = add_tcase(s, "errors");
    tcase_add_loop_test(tc, test_bad_input, 0, N_OF(bad_cases));
    tcase_add_test(tc, test_bad_base_is_valid);
    tcase_add_test(tc, test_work_length);
    tcase_add_test(tc, test_bad_struct_sizes);
    tcase_add_test(tc, test_overflow);
    tcase_add_test(tc, test_inits);

    tc = add_tcase(s, "scalar");
    tcase_add_test(tc, test_calc_monthly_attrition);
    tcase_add_test(tc, test_calc_ramp_share);
    tcase_add_test(tc, test_calc_requisitions);

    return s;
}

int main(void)
{
    return run_suite(plan_suite());
}
