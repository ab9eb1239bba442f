/* Check tests for evaluating the AMs you have against the chart
 * (amsize/evaluate.h, issue 12): amsize_am_evaluate(),
 * amsize_segment_evaluate(), the init functions, amsize_am_flag_name() and
 * the four spreadsheet forms.
 *
 * Every expected number is worked by hand from the rules, with the
 * arithmetic beside it; none is copied from the library's output. Values
 * with no exact double are compared with a relative tolerance of 1e-12
 * (REL); counts, flags and exact values exactly.
 *
 * The worked example. Default model: T = {.4, .5, .6, .7, .8}.
 *
 * Segments (the chart's inputs: the forward-looking book of all accounts):
 *   Alpha  s=3  N=1000  B=50M  U=6M    X=2M    C=2M    a=1   P=1M    K=600k Lmax=200
 *   Beta   s=4  N=3000  B=30M  U=2.4M  X=0.6M  C=1.2M  a=.5  P=800k  K=100k Lmax=500
 *   Gamma  s=3  N=100   B=5M   U=0.5M  X=0     C=0     a=1   P=250k  K=100k Lmax=50
 * Their chart rows (m = r = 1, W = N, g = NR/W):
 *   Alpha: NR = 6M + 2M - 2M = 6M; fte_net = 6M/1M = 6, f = .6/.6 = 1,
 *          hc_demand 6; g = 6M/1000 = 6000, Lmin = ceil(600k/6000) = 100;
 *          floor = ceil(1000/200) = 5, ceiling = floor(1000/100) = 10;
 *          headcount = max(5, min(6, 10)) = 6 (demand).
 *   Beta:  NR = 2.4M + .6M - .5*1.2M = 2.4M; fte_net = 2.4M/800k = 3,
 *          f = .6/.7, fte_demand 18/7 = 2.57, hc_demand 3; g = 2.4M/3000
 *          = 800, Lmin = ceil(100k/800) = 125; floor = ceil(3000/500) = 6,
 *          ceiling = floor(3000/125) = 24; headcount = max(6, min(3, 24))
 *          = 6 (service floor).
 *   Gamma: NR = .5M; fte_net = 2, hc_demand 2; g = 5000, Lmin = 20;
 *          floor = ceil(100/50) = 2, ceiling = 5; headcount 2 (demand).
 *
 * The roster, in file order (segments interleaved on purpose), and the
 * sums of the accounts each AM covered over the period:
 *   j  segment fte  target       N  W    B    U     X     C
 *   0  Alpha   1    (derived)    2  250  10M  900k  300k  100k
 *   1  Beta    1    (derived)    3  300  3M   700k  246k  100k
 *   2  Alpha   .5   400k         1  8    2M   50k   0     150k
 *   3  Beta    .5   0            0  0    0    0     0     0
 *   4  Alpha   1    (derived)    0  0    0    0     0     0
 *
 * The accounts (covered by AM j, or by none; csm: a support role covered
 * it), of which the AMs' sums above are the covered ones:
 *   Alpha  6M   600k  200k  100k  AM 0  csm
 *          4M   300k  100k  0     AM 0
 *          2M   50k   0     150k  AM 2
 *          5M   100k  0     50k   -     csm
 *          3M   20k   10k   40k   -
 *   Beta   1M   300k  100k  0     AM 1
 *          1.5M 400k  146k  100k  AM 1
 *          .5M  0     0     0     AM 1
 *          10M  300k  100k  200k  -
 *   Gamma  5M   500k  0     0     -     csm
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

#define REL 1e-12
#define F(x) AMSIZE_FIELD_##x

#define OVER AMSIZE_AM_OVERLOADED
#define UNDER AMSIZE_AM_UNDERLOADED
#define BELOW AMSIZE_AM_BELOW_PLAN
#define NEG AMSIZE_AM_NEGATIVE_NET
#define NOACC AMSIZE_AM_NO_ACCOUNTS

/* ------------------------------------------------------------ helpers */

/* got equals want within REL (relative, or absolute around 0); NaN only
 * equals NaN. */
static void near_at(double got, double want, const char *what, int line)
{
    if (isnan(want)) {
        ck_assert_msg(isnan(got), "line %d, %s: got %.17g, want NaN", line, what, got);
        return;
    }
    ck_assert_msg(fabs(got - want) <= REL * fmax(1.0, fabs(want)),
                  "line %d, %s: got %.17g, want %.17g", line, what, got, want);
}
#define NEAR(got, want) near_at((got), (want), #got, __LINE__)

#define N_SEGS 3
#define N_AMS 5

/* The whole worked example: inputs and the chart computed from them. */
typedef struct example {
    amsize_segment segs[N_SEGS];
    amsize_chart_row rows[N_SEGS];
    amsize_am ams[N_AMS];
    amsize_totals coverage[N_SEGS], csm[N_SEGS];
    amsize_model model;
} example;

/* One account of the example. */
typedef struct account {
    int32_t seg;
    double arr, up, cross, churn;
    int am;   /* the AM who covered it; -1: none */
    int csm;  /* 1: a support role covered it */
} account;

static const account accounts[] = {
    {0, 6e6, 600e3, 200e3, 100e3, 0, 1},
    {0, 4e6, 300e3, 100e3, 0, 0, 0},
    {0, 2e6, 50e3, 0, 150e3, 2, 0},
    {0, 5e6, 100e3, 0, 50e3, -1, 1},
    {0, 3e6, 20e3, 10e3, 40e3, -1, 0},
    {1, 1e6, 300e3, 100e3, 0, 1, 0},
    {1, 1.5e6, 400e3, 146e3, 100e3, 1, 0},
    {1, 0.5e6, 0, 0, 0, 1, 0},
    {1, 10e6, 300e3, 100e3, 200e3, -1, 0},
    {2, 5e6, 500e3, 0, 0, -1, 1},
};

/* One roster AM of the example. */
static void am_set(amsize_am *am, int32_t seg, double fte, int has_target, double target,
                   int64_t n, double w, double book, double up, double cross, double churn)
{
    ASSERT_OK(amsize_am_init(am, 1));
    am->segment = seg;
    am->fte = fte;
    am->has_target = has_target;
    am->target = target;
    am->accounts = n;
    am->weighted_accounts = w;
    am->book = book;
    am->upsell = up;
    am->cross_sell = cross;
    am->churn = churn;
}

/* Totals of the accounts of the example, split by AM coverage (csm 0) or
 * by support coverage (csm 1). */
static void split_accounts(amsize_totals t[N_SEGS], int csm)
{
    enum { N = (int)(sizeof accounts / sizeof accounts[0]) };
    int32_t seg[N];
    double arr[N], up[N], cross[N], churn[N];
    uint8_t covered[N];

    for (int k = 0; k < N; k++) {
        seg[k] = accounts[k].seg;
        arr[k] = accounts[k].arr;
        up[k] = accounts[k].up;
        cross[k] = accounts[k].cross;
        churn[k] = accounts[k].churn;
        covered[k] = (uint8_t)(csm ? accounts[k].csm : accounts[k].am >= 0);
    }
    ASSERT_OK(amsize_totals_init(t, N_SEGS));
    ASSERT_OK(amsize_totals_add(t, N_SEGS, NULL, seg, N, arr, up, cross, churn, NULL, covered));
}

static void example_init(example *e)
{
    memset(e, 0, sizeof *e);
    ASSERT_OK(amsize_model_init(&e->model));
    seg_set(&e->segs[0], 1000, 50e6, 6e6, 2e6, 2e6, 1e6, 600e3, 200);
    seg_set(&e->segs[1], 3000, 30e6, 2.4e6, 0.6e6, 1.2e6, 800e3, 100e3, 500);
    e->segs[1].support_rating = 4;
    e->segs[1].churn_attribution = 0.5;
    seg_set(&e->segs[2], 100, 5e6, 0.5e6, 0, 0, 250e3, 100e3, 50);
    ASSERT_OK(amsize_chart_row_init(e->rows, N_SEGS));
    ASSERT_OK(amsize_chart_compute(e->rows, N_SEGS, NULL, NULL, e->segs, N_SEGS, &e->model));

    am_set(&e->ams[0], 0, 1, 0, 0, 2, 250, 10e6, 900e3, 300e3, 100e3);
    am_set(&e->ams[1], 1, 1, 0, 0, 3, 300, 3e6, 700e3, 246e3, 100e3);
    am_set(&e->ams[2], 0, 0.5, 1, 400e3, 1, 8, 2e6, 50e3, 0, 150e3);
    am_set(&e->ams[3], 1, 0.5, 1, 0, 0, 0, 0, 0, 0, 0);
    am_set(&e->ams[4], 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);

    split_accounts(e->coverage, 0);
    split_accounts(e->csm, 1);
}

/* The example's AMs evaluated at a threshold; must succeed. */
static void evaluate_ams(amsize_am_eval ev[N_AMS], const example *e, double below_plan)
{
    amsize_error err;
    ASSERT_OK(amsize_error_init(&err));
    ASSERT_OK(amsize_am_eval_init(ev, N_AMS));
    ASSERT_OK(amsize_am_evaluate(ev, N_AMS, &err, e->ams, N_AMS, e->segs, e->rows, N_SEGS,
                                 &e->model, below_plan));
    ck_assert_int_eq(err.status, AMSIZE_OK);
}

static double scratch[64];

/* The example's segments evaluated from those AMs; must succeed. */
static void evaluate_segs(amsize_segment_eval out[N_SEGS], const example *e,
                          const amsize_am_eval ev[N_AMS], int with_csm)
{
    amsize_error err;
    ASSERT_OK(amsize_error_init(&err));
    ASSERT_OK(amsize_segment_eval_init(out, N_SEGS));
    ASSERT_OK(amsize_segment_evaluate(out, N_SEGS, &err, scratch, N_AMS, e->ams, ev, N_AMS,
                                      e->segs, e->rows, N_SEGS, e->coverage,
                                      with_csm ? e->csm : NULL, &e->model));
    ck_assert_int_eq(err.status, AMSIZE_OK);
}

/* One AM's evaluation as the test works it out. */
typedef struct want_am {
    uint32_t flags;
    double net_ratio, target, attainment, load, min_load, max_load;
} want_am;

static void check_am_at(const amsize_am_eval *o, const want_am *w, int j, int line)
{
    ck_assert_uint_eq(o->struct_size, sizeof *o);
    ck_assert_msg(o->flags == w->flags, "line %d, AM %d: flags 0x%x, want 0x%x", line, j,
                  (unsigned)o->flags, (unsigned)w->flags);
    near_at(o->net_ratio, w->net_ratio, "net_ratio", line);
    near_at(o->target, w->target, "target", line);
    near_at(o->attainment, w->attainment, "attainment", line);
    near_at(o->load, w->load, "load", line);
    near_at(o->min_load, w->min_load, "min_load", line);
    near_at(o->max_load, w->max_load, "max_load", line);
}
#define CHECK_AM(o, w, j) check_am_at((o), (w), (j), __LINE__)

/* One pilot comparison's figures as the test works them out. */
typedef struct want_cmp {
    int64_t n_c, n_u;
    double book_c, book_u, nr_c, nr_u, pct_c, pct_u, delta, lift, incremental;
    int32_t accretive;
} want_cmp;

static void check_cmp_at(const amsize_segment_eval *o, const want_cmp *w, int line)
{
    ck_assert_msg(o->accounts_covered == w->n_c && o->accounts_uncovered == w->n_u,
                  "line %d: accounts %lld/%lld, want %lld/%lld", line,
                  (long long)o->accounts_covered, (long long)o->accounts_uncovered,
                  (long long)w->n_c, (long long)w->n_u);
    near_at(o->book_covered, w->book_c, "book_covered", line);
    near_at(o->book_uncovered, w->book_u, "book_uncovered", line);
    near_at(o->net_ratio_covered, w->nr_c, "net_ratio_covered", line);
    near_at(o->net_ratio_uncovered, w->nr_u, "net_ratio_uncovered", line);
    near_at(o->nr_pct_covered, w->pct_c, "nr_pct_covered", line);
    near_at(o->nr_pct_uncovered, w->pct_u, "nr_pct_uncovered", line);
    near_at(o->delta, w->delta, "delta", line);
    near_at(o->lift, w->lift, "lift", line);
    near_at(o->incremental, w->incremental, "incremental", line);
    ck_assert_int_eq(o->accretive, w->accretive);
}

static void check_csm_at(const amsize_segment_eval *o, const want_cmp *w, int line)
{
    ck_assert_int_eq(o->csm_given, 1);
    ck_assert_msg(o->csm_accounts_covered == w->n_c && o->csm_accounts_uncovered == w->n_u,
                  "line %d: csm accounts %lld/%lld, want %lld/%lld", line,
                  (long long)o->csm_accounts_covered, (long long)o->csm_accounts_uncovered,
                  (long long)w->n_c, (long long)w->n_u);
    near_at(o->csm_book_covered, w->book_c, "csm_book_covered", line);
    near_at(o->csm_book_uncovered, w->book_u, "csm_book_uncovered", line);
    near_at(o->csm_net_ratio_covered, w->nr_c, "csm_net_ratio_covered", line);
    near_at(o->csm_net_ratio_uncovered, w->nr_u, "csm_net_ratio_uncovered", line);
    near_at(o->csm_nr_pct_covered, w->pct_c, "csm_nr_pct_covered", line);
    near_at(o->csm_nr_pct_uncovered, w->pct_u, "csm_nr_pct_uncovered", line);
    near_at(o->csm_delta, w->delta, "csm_delta", line);
    near_at(o->csm_lift, w->lift, "csm_lift", line);
    near_at(o->csm_incremental, w->incremental, "csm_incremental", line);
    ck_assert_int_eq(o->csm_accretive, w->accretive);
}

/* Without csm: NaN or 0, as evaluate.h says. */
static void check_no_csm(const amsize_segment_eval *o)
{
    ck_assert_int_eq(o->csm_given, 0);
    ck_assert_int_eq(o->csm_accounts_covered, 0);
    ck_assert_int_eq(o->csm_accounts_uncovered, 0);
    ck_assert(isnan(o->csm_book_covered) && isnan(o->csm_book_uncovered));
    ck_assert(isnan(o->csm_net_ratio_covered) && isnan(o->csm_net_ratio_uncovered));
    ck_assert(isnan(o->csm_nr_pct_covered) && isnan(o->csm_nr_pct_uncovered));
    ck_assert(isnan(o->csm_delta) && isnan(o->csm_lift) && isnan(o->csm_incremental));
    ck_assert_int_eq(o->csm_accretive, 0);
}

/* The per-AM statistics of a segment as the test works them out. */
typedef struct want_stats {
    int64_t ams;
    double fte, headcount, fte_gap, net_per_fte, observed;
    double attainment_median, share_at_plan, load_min, load_median, load_max;
    int64_t overloaded, underloaded, below_plan;
    double resized;
    int32_t binding;
} want_stats;

static void check_stats_at(const amsize_segment_eval *o, const want_stats *w, int line)
{
    ck_assert_uint_eq(o->struct_size, sizeof *o);
    ck_assert_int_eq(o->ams, w->ams);
    near_at(o->fte, w->fte, "fte", line);
    near_at(o->headcount, w->headcount, "headcount", line);
    near_at(o->fte_gap, w->fte_gap, "fte_gap", line);
    near_at(o->net_per_fte, w->net_per_fte, "net_per_fte", line);
    near_at(o->observed_productivity, w->observed, "observed_productivity", line);
    near_at(o->attainment_median, w->attainment_median, "attainment_median", line);
    near_at(o->share_at_plan, w->share_at_plan, "share_at_plan", line);
    near_at(o->load_min, w->load_min, "load_min", line);
    near_at(o->load_median, w->load_median, "load_median", line);
    near_at(o->load_max, w->load_max, "load_max", line);
    ck_assert_msg(o->overloaded == w->overloaded && o->underloaded == w->underloaded &&
                      o->below_plan == w->below_plan,
                  "line %d: overloaded %lld underloaded %lld below_plan %lld, want %lld %lld "
                  "%lld",
                  line, (long long)o->overloaded, (long long)o->underloaded,
                  (long long)o->below_plan, (long long)w->overloaded,
                  (long long)w->underloaded, (long long)w->below_plan);
    near_at(o->resized_headcount, w->resized, "resized_headcount", line);
    ck_assert_msg(o->resized_binding == w->binding, "line %d: resized_binding %s, want %s",
                  line, amsize_binding_name(o->resized_binding),
                  amsize_binding_name(w->binding));
    ck_assert_int_eq(o->reserved, 0);
}
#define CHECK_STATS(o, w) check_stats_at((o), (w), __LINE__)
#define CHECK_CMP(o, w) check_cmp_at((o), (w), __LINE__)
#define CHECK_CSM(o, w) check_csm_at((o), (w), __LINE__)

/* ====================================================================== */
/* The worked example                                                      */
/* ====================================================================== */

/* The chart rows the evaluation reads, from the file's header comment. */
START_TEST(test_example_chart)
{
    example e;
    example_init(&e);
    check_counts(&e.rows[0], 5, 10, 6, 6, AMSIZE_BINDING_DEMAND, 0);
    NEAR(e.rows[0].min_load, 100);
    NEAR(e.rows[0].max_load, 200);
    check_counts(&e.rows[1], 6, 24, 3, 6, AMSIZE_BINDING_SERVICE_FLOOR, 0);
    NEAR(e.rows[1].min_load, 125);
    NEAR(e.rows[1].max_load, 500);
    check_counts(&e.rows[2], 2, 5, 2, 2, AMSIZE_BINDING_DEMAND, 0);
}
END_TEST

/* Each AM at the default threshold, 0.9. NR_j = U + X - a*C with the
 * segment's a; the derived target is fte*P*T[s]/T[3]; attainment NR/target;
 * load W/fte; Lmin, Lmax the segment's row's. */
START_TEST(test_example_ams)
{
    example e;
    amsize_am_eval ev[N_AMS];
    example_init(&e);
    evaluate_ams(ev, &e, AMSIZE_BELOW_PLAN_DEFAULT);

    /* AM 0, Alpha: NR = 900k + 300k - 1*100k = 1.1M; target = 1*1M*.6/.6
     * = 1M; attainment 1.1; load 250/1 = 250 > Lmax 200: OVERLOADED. */
    const want_am w0 = {OVER, 1.1e6, 1e6, 1.1, 250, 100, 200};
    CHECK_AM(&ev[0], &w0, 0);
    /* AM 1, Beta (s = 4, a = .5): NR = 700k + 246k - .5*100k = 896k;
     * target = 1*800k*.7/.6 = 933,333.33 (T[s]/T[3] = 7/6 matters);
     * attainment = 896k*6/5.6M = .96, not below .9; load 300 in
     * [125, 500]: no flag. */
    const want_am w1 = {0, 896e3, 800e3 * 7 / 6, 0.96, 300, 125, 500};
    CHECK_AM(&ev[1], &w1, 1);
    /* AM 2, Alpha, target 400k given: NR = 50k + 0 - 150k = -100k;
     * attainment -.25; load 8/.5 = 16 < Lmin 100: UNDERLOADED,
     * BELOW_PLAN, NEGATIVE_NET. */
    const want_am w2 = {UNDER | BELOW | NEG, -100e3, 400e3, -0.25, 16, 100, 200};
    CHECK_AM(&ev[2], &w2, 2);
    /* AM 3, Beta, target 0 given, no accounts: NR 0; attainment undefined,
     * so no BELOW_PLAN; load 0/.5 = 0 < 125: UNDERLOADED; NO_ACCOUNTS. */
    const want_am w3 = {UNDER | NOACC, 0, 0, NAN, 0, 125, 500};
    CHECK_AM(&ev[3], &w3, 3);
    /* AM 4, Alpha, no accounts, target derived 1M: attainment 0/1M = 0 <
     * .9: BELOW_PLAN; load 0 < 100: UNDERLOADED; NO_ACCOUNTS. */
    const want_am w4 = {UNDER | BELOW | NOACC, 0, 1e6, 0, 0, 100, 200};
    CHECK_AM(&ev[4], &w4, 4);
}
END_TEST

/* A custom threshold: at 1.0, AM 1's .96 is below plan too; AM 0's 1.1
 * is not. At -.5, only AM 2's -.25 is not below; nobody is. */
START_TEST(test_example_threshold)
{
    example e;
    amsize_am_eval ev[N_AMS];
    example_init(&e);

    evaluate_ams(ev, &e, 1.0);
    ck_assert_uint_eq(ev[0].flags, OVER);
    ck_assert_uint_eq(ev[1].flags, BELOW);
    ck_assert_uint_eq(ev[2].flags, UNDER | BELOW | NEG);
    ck_assert_uint_eq(ev[3].flags, UNDER | NOACC);
    ck_assert_uint_eq(ev[4].flags, UNDER | BELOW | NOACC);

    evaluate_ams(ev, &e, -0.5);
    ck_assert_uint_eq(ev[0].flags, OVER);
    ck_assert_uint_eq(ev[1].flags, 0);
    ck_assert_uint_eq(ev[2].flags, UNDER | NEG); /* -.25 is not below -.5 */
    ck_assert_uint_eq(ev[3].flags, UNDER | NOACC);
    ck_assert_uint_eq(ev[4].flags, UNDER | NOACC); /* 0 is not below -.5 */

    /* Exactly at the threshold is not below it: AM 2 at -.25. */
    evaluate_ams(ev, &e, -0.25);
    ck_assert_uint_eq(ev[2].flags, UNDER | NEG);
}
END_TEST

/* Each segment, with the default threshold and with support coverage. */
START_TEST(test_example_segments)
{
    example e;
    amsize_am_eval ev[N_AMS];
    amsize_segment_eval out[N_SEGS];
    example_init(&e);
    evaluate_ams(ev, &e, AMSIZE_BELOW_PLAN_DEFAULT);
    evaluate_segs(out, &e, ev, 1);

    /* Alpha: AMs 0, 2, 4; fte 1 + .5 + 1 = 2.5; headcount 6; gap -3.5.
     * Covered accounts: 3, B = 6M + 4M + 2M = 12M, NR = (600k + 300k +
     * 50k) + (200k + 100k) - (100k + 150k) = 1M, NR% 1/12. Uncovered: 2,
     * B = 8M, NR = 120k + 10k - 90k = 40k, NR% .005. delta = 1/12 - .005
     * = 47/600; lift = (1/12)/.005 = 50/3; incremental = 47/600*12M =
     * 940k. net_per_fte = 1M/2.5 = 400k; observed = 400k*.6/.6 = 400k.
     * Attainments -.25, 0, 1.1: median 0; at plan 1 of 3. Loads 0, 16,
     * 250. Flags: OVER 1 (AM 0), UNDER 2 (AMs 2, 4), BELOW 2 (AMs 2, 4).
     * Resized at P = 400k: fte_net = 6M/400k = 15, hc_demand 15, over
     * the ceiling 10: headcount 10, cost ceiling. */
    const want_stats s0 = {3,  2.5, 6, -3.5, 400e3, 400e3, 0, 1.0 / 3, 0, 16, 250, 1, 2, 2,
                           10, AMSIZE_BINDING_COST_CEILING};
    const want_cmp c0 = {3,         2,           12e6,      8e6,         1e6, 40e3,
                         1.0 / 12, 0.005,       47.0 / 600, 50.0 / 3,    940e3, 1};
    CHECK_STATS(&out[0], &s0);
    CHECK_CMP(&out[0], &c0);
    /* Support coverage of Alpha: covered the 6M and 5M accounts: 2, B =
     * 11M, NR = 700k + 200k - 150k = 750k, NR% 3/44; not: 3, B = 9M, NR =
     * 370k + 110k - 190k = 290k, NR% 29/900. delta = 3/44 - 29/900 =
     * 1424/39600; lift = (3/44)/(29/900) = 2700/1276; incremental =
     * 1424/39600*11M = 395,555.56. */
    const want_cmp m0 = {2,          3,          11e6,     9e6,
                         750e3,      290e3,      3.0 / 44, 29.0 / 900,
                         1424.0 / 39600, 2700.0 / 1276, 1424.0 / 39600 * 11e6, 1};
    CHECK_CSM(&out[0], &m0);

    /* Beta: AMs 1, 3; fte 1.5; headcount 6; gap -4.5. Covered: 3, B = 3M,
     * NR = 700k + 246k - .5*100k = 896k, NR% 896/3000 = 112/375.
     * Uncovered: 1, B = 10M, NR = 400k - .5*200k = 300k, NR% .03. delta
     * = 112/375 - 3/100 = 10075/37500; lift = (112/375)/.03 = 11200/1125;
     * incremental = 10075/37500*3M = 806k. net_per_fte = 896k/1.5 =
     * 1792k/3; observed = that*.6/.7 = 512k. Attainment defined only for
     * AM 1: median .96, none at plan. Loads 300 and 0: an even count,
     * median (0 + 300)/2 = 150. UNDER 1 (AM 3). Resized at P = 512k:
     * fte_net = 2.4M/512k = 4.6875, fte_demand = 4.6875*6/7 = 4.02,
     * hc_demand 5, under the floor 6: headcount 6, service floor. */
    const want_stats s1 = {2, 1.5, 6, -4.5, 1792e3 / 3, 512e3, 0.96, 0, 0, 150, 300, 0, 1, 0,
                           6, AMSIZE_BINDING_SERVICE_FLOOR};
    const want_cmp c1 = {3,           1,           3e6,    10e6,  896e3,
                         300e3,       112.0 / 375, 0.03,   10075.0 / 37500,
                         11200.0 / 1125, 806e3,    1};
    CHECK_STATS(&out[1], &s1);
    CHECK_CMP(&out[1], &c1);
    /* No support coverage in Beta: covered 0 accounts, B 0, NR 0, NR%
     * undefined and so delta, lift and incremental (delta*0 of NaN); all
     * 4 uncovered: B = 13M, NR = 1M + 346k - .5*300k = 1.196M, NR% .092. */
    const want_cmp m1 = {0, 4, 0, 13e6, 0, 1.196e6, NAN, 0.092, NAN, NAN, NAN, 0};
    CHECK_CSM(&out[1], &m1);

    /* Gamma: no AMs, fte 0: every statistic undefined, counts 0, no
     * resize; gap 0 - 2 = -2. Covered: none (NR% undefined); uncovered:
     * 1, B 5M, NR 500k, NR% .1. delta undefined, and lift (NaN/.1). */
    const want_stats s2 = {0, 0, 2, -2, NAN, NAN, NAN, NAN, NAN, NAN, NAN, 0, 0, 0, NAN,
                           AMSIZE_BINDING_NONE};
    const want_cmp c2 = {0, 1, 0, 5e6, 0, 500e3, NAN, 0.1, NAN, NAN, NAN, 0};
    CHECK_STATS(&out[2], &s2);
    CHECK_CMP(&out[2], &c2);
    /* Its one account has support: covered 1, B 5M, NR 500k, NR% .1;
     * uncovered none (NR% undefined): delta, lift, incremental NaN. */
    const want_cmp m2 = {1, 0, 5e6, 0, 500e3, 0, 0.1, NAN, NAN, NAN, NAN, 0};
    CHECK_CSM(&out[2], &m2);
}
END_TEST

/* Without csm the csm_ figures are NaN or 0 and nothing else changes; a
 * custom threshold changes below_plan (read from the AMs' flags). */
START_TEST(test_example_no_csm_and_threshold)
{
    example e;
    amsize_am_eval ev[N_AMS];
    amsize_segment_eval with[N_SEGS], without[N_SEGS];
    example_init(&e);
    evaluate_ams(ev, &e, AMSIZE_BELOW_PLAN_DEFAULT);
    evaluate_segs(with, &e, ev, 1);
    evaluate_segs(without, &e, ev, 0);
    for (int i = 0; i < N_SEGS; i++) {
        check_no_csm(&without[i]);
        /* Everything up to csm_given is the same bytes. */
        ck_assert_mem_eq(&with[i], &without[i], offsetof(amsize_segment_eval, csm_given));
        ck_assert_mem_eq((const char *)&with[i] + offsetof(amsize_segment_eval, net_per_fte),
                         (const char *)&without[i] + offsetof(amsize_segment_eval, net_per_fte),
                         offsetof(amsize_segment_eval, csm_accounts_covered) -
                             offsetof(amsize_segment_eval, net_per_fte));
    }

    /* At 1.0, Beta's AM 1 (.96) is below plan too: 1; Alpha still 2. */
    evaluate_ams(ev, &e, 1.0);
    evaluate_segs(with, &e, ev, 1);
    ck_assert_int_eq(with[0].below_plan, 2);
    ck_assert_int_eq(with[1].below_plan, 1);
    ck_assert_int_eq(with[2].below_plan, 0);
}
END_TEST

/* The inputs are read, never written; the scratch needs exactly ams_len
 * doubles, whatever it held; out_len and scratch_len may be longer. */
START_TEST(test_example_inputs_unchanged)
{
    example e, e0;
    amsize_am_eval ev[N_AMS], ev0[N_AMS];
    amsize_segment_eval a[N_SEGS + 1], b[N_SEGS];
    amsize_error err;
    example_init(&e);
    memcpy(&e0, &e, sizeof e);
    evaluate_ams(ev, &e, AMSIZE_BELOW_PLAN_DEFAULT);
    memcpy(ev0, ev, sizeof ev);
    evaluate_segs(b, &e, ev, 1);

    for (size_t k = 0; k < sizeof scratch / sizeof scratch[0]; k++)
        scratch[k] = -1e300 * (double)k;
    ASSERT_OK(amsize_error_init(&err));
    ASSERT_OK(amsize_segment_eval_init(a, N_SEGS + 1));
    poison(&a[N_SEGS], sizeof a[N_SEGS]);
    amsize_segment_eval extra = a[N_SEGS];
    ASSERT_OK(amsize_segment_evaluate(a, N_SEGS + 1, &err, scratch, 64, e.ams, ev, N_AMS, e.segs,
                                      e.rows, N_SEGS, e.coverage, e.csm, &e.model));
    ck_assert_mem_eq(a, b, sizeof b);
    ck_assert_mem_eq(&a[N_SEGS], &extra, sizeof extra); /* past segs_len: untouched */
    ck_assert_mem_eq(&e, &e0, sizeof e);
    ck_assert_mem_eq(ev, ev0, sizeof ev);
}
END_TEST

/* Every AM number agrees with its spreadsheet form. */
START_TEST(test_example_scalars_agree)
{
    example e;
    amsize_am_eval ev[N_AMS];
    example_init(&e);
    evaluate_ams(ev, &e, AMSIZE_BELOW_PLAN_DEFAULT);
    for (int j = 0; j < N_AMS; j++) {
        const amsize_am *am = &e.ams[j];
        const amsize_segment *s = &e.segs[am->segment];
        double f = amsize_support_factor_calc(s->support_rating, 0.4, 0.5, 0.6, 0.7, 0.8);
        double nr = amsize_net_ratio_calc(am->upsell, am->cross_sell, am->churn,
                                          s->churn_attribution);
        ck_assert_double_eq(ev[j].net_ratio, nr);
        if (!am->has_target)
            ck_assert_double_eq(ev[j].target, amsize_am_target_calc(am->fte,
                                                                    s->am_productivity, f));
        double att = amsize_attainment_calc(nr, ev[j].target);
        ck_assert(isnan(att) ? isnan(ev[j].attainment) : ev[j].attainment == att);
        ck_assert_double_eq(ev[j].load,
                            amsize_am_load_calc(am->weighted_accounts, am->fte));
        ck_assert_double_eq(ev[j].flags,
                            amsize_am_flags_calc((double)am->accounts, ev[j].load,
                                                 ev[j].min_load, ev[j].max_load,
                                                 ev[j].attainment, nr,
                                                 AMSIZE_BELOW_PLAN_DEFAULT));
    }
}
END_TEST

/* ====================================================================== */
/* More cases                                                              */
/* ====================================================================== */

/* Lmin undefined, and observed productivity below 0. Delta: N 10, B 1M,
 * U = X = 0, C 100k (a 1), P 100k, K 100k, Lmax 20, s 3. Chart: NR =
 * -100k; g = -100k/10 < 0: Lmin undefined; floor = ceil(10/20) = 1,
 * ceiling 0, demand 0: headcount 1. AM 0: fte 1, no accounts, target
 * derived 1*100k = 100k, attainment 0: BELOW_PLAN and NO_ACCOUNTS, but
 * not UNDERLOADED (no Lmin). AM 1: fte 1, one account (W 25, B 1M, C
 * 100k): NR -100k, attainment -1, load 25 > 20: OVERLOADED, BELOW_PLAN,
 * NEGATIVE_NET. Segment: that account covered, NR_c = -100k, NR% -.1;
 * none uncovered; fte 2: net_per_fte -50k = observed (s 3): no resize. */
START_TEST(test_no_min_load)
{
    amsize_segment seg;
    amsize_chart_row row;
    amsize_am ams[2];
    amsize_am_eval ev[2];
    amsize_segment_eval out;
    amsize_totals cov;
    amsize_error err;
    const int32_t s0 = 0;
    const double arr = 1e6, zero = 0, churn = 100e3;
    const uint8_t covered = 1;

    seg_set(&seg, 10, 1e6, 0, 0, 100e3, 100e3, 100e3, 20);
    row = chart1(&seg);
    ck_assert(isnan(row.min_load));
    ck_assert_int_eq(row.headcount, 1);
    am_set(&ams[0], 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    am_set(&ams[1], 0, 1, 0, 0, 1, 25, 1e6, 0, 0, 100e3);
    ASSERT_OK(amsize_error_init(&err));
    ASSERT_OK(amsize_am_eval_init(ev, 2));
    ASSERT_OK(amsize_am_evaluate(ev, 2, &err, ams, 2, &seg, &row, 1, NULL,
                                 AMSIZE_BELOW_PLAN_DEFAULT));
    const want_am w0 = {BELOW | NOACC, 0, 100e3, 0, 0, NAN, 20};
    const want_am w1 = {OVER | BELOW | NEG, -100e3, 100e3, -1, 25, NAN, 20};
    CHECK_AM(&ev[0], &w0, 0);
    CHECK_AM(&ev[1], &w1, 1);

    ASSERT_OK(amsize_totals_init(&cov, 1));
    ASSERT_OK(amsize_totals_add(&cov, 1, &err, &s0, 1, &arr, &zero, &zero, &churn, NULL,
                                &covered));
    ASSERT_OK(amsize_segment_eval_init(&out, 1));
    ASSERT_OK(amsize_segment_evaluate(&out, 1, &err, scratch, 2, ams, ev, 2, &seg, &row, 1,
                                      &cov, NULL, NULL));
    /* Attainments 0 and -1: median -.5, none at plan; loads 0 and 25:
     * median 12.5. */
    const want_stats s = {2, 2, 1, 1, -50e3, -50e3, -0.5, 0, 0, 12.5, 25, 1, 0, 2, NAN,
                          AMSIZE_BINDING_NONE};
    const want_cmp c = {1, 0, 1e6, 0, -100e3, 0, -0.1, NAN, NAN, NAN, NAN, 0};
    CHECK_STATS(&out, &s);
    CHECK_CMP(&out, &c);
    check_no_csm(&out);
}
END_TEST

/* Medians of an even count of attainments and an odd count of loads, in
 * a segment whose AMs come in no order, and a resize the demand sets.
 * Epsilon: N 1000, B 10M, U 1M, X = C = 0, P 100k, K 10k, Lmax 100, s 3.
 * Chart: NR 1M, fte_net 10, hc_demand 10; g = 1000, Lmin = ceil(10k/1000)
 * = 10; floor = ceil(1000/100) = 10, ceiling = floor(1000/10) = 100:
 * headcount 10. Five AMs, fte 1, one account each, targets 100k given
 * (AM 1's 0):
 *   j  W   U     attainment  load
 *   0  30  120k  1.2         30
 *   1  10  50k   undefined   10
 *   2  50  40k   .4          50
 *   3  20  100k  1.0         20
 *   4  40  80k   .8          40
 * Attainments defined: .4 .8 1 1.2: median (.8 + 1)/2 = .9; at plan
 * (>= 1) 2 of 4 = .5. Loads 10 20 30 40 50: median 30. No load flag
 * (10 is Lmin itself, not below it); BELOW 2 (AMs 2 and 4). Covered: one
 * account, B 2M, U 400k: net_per_fte = 400k/5 = 80k = observed; resized
 * fte_net = 1M/80k = 12.5, hc_demand 13, between floor 10 and ceiling
 * 100: headcount 13, demand. Nothing uncovered. */
START_TEST(test_medians)
{
    static const double w[5] = {30, 10, 50, 20, 40}, up[5] = {120e3, 50e3, 40e3, 100e3, 80e3};
    amsize_segment seg;
    amsize_chart_row row;
    amsize_am ams[5];
    amsize_am_eval ev[5];
    amsize_segment_eval out;
    amsize_totals cov;
    const int32_t s0 = 0;
    const double arr = 2e6, u = 400e3, zero = 0;
    const uint8_t covered = 1;

    seg_set(&seg, 1000, 10e6, 1e6, 0, 0, 100e3, 10e3, 100);
    row = chart1(&seg);
    check_counts(&row, 10, 100, 10, 10, AMSIZE_BINDING_DEMAND, 0);
    for (int j = 0; j < 5; j++)
        am_set(&ams[j], 0, 1, 1, j == 1 ? 0 : 100e3, 1, w[j], 1e6, up[j], 0, 0);
    ASSERT_OK(amsize_am_eval_init(ev, 5));
    ASSERT_OK(amsize_am_evaluate(ev, 5, NULL, ams, 5, &seg, &row, 1, NULL,
                                 AMSIZE_BELOW_PLAN_DEFAULT));
    ASSERT_OK(amsize_totals_init(&cov, 1));
    ASSERT_OK(amsize_totals_add(&cov, 1, NULL, &s0, 1, &arr, &u, &zero, &zero, NULL, &covered));
    ASSERT_OK(amsize_segment_eval_init(&out, 1));
    ASSERT_OK(amsize_segment_evaluate(&out, 1, NULL, scratch, 5, ams, ev, 5, &seg, &row, 1,
                                      &cov, NULL, NULL));
    const want_stats s = {5, 5, 10, -5, 80e3, 80e3, 0.9, 0.5, 10, 30, 50, 0, 0, 2, 13,
                          AMSIZE_BINDING_DEMAND};
    CHECK_STATS(&out, &s);
}
END_TEST

/* No AMs at all: the scratch may be NULL, the AM arrays too, and every
 * segment has only the accounts' figures. */
START_TEST(test_no_ams)
{
    example e;
    amsize_segment_eval out[N_SEGS];
    amsize_am_eval none;
    amsize_error err;
    example_init(&e);
    ASSERT_OK(amsize_error_init(&err));
    ASSERT_OK(amsize_am_evaluate(NULL, 0, &err, NULL, 0, e.segs, e.rows, N_SEGS, NULL,
                                 AMSIZE_BELOW_PLAN_DEFAULT));
    ASSERT_OK(amsize_am_eval_init(&none, 1));
    ASSERT_OK(amsize_am_evaluate(&none, 1, &err, e.ams, 0, e.segs, e.rows, N_SEGS, NULL, 0.9));
    ASSERT_OK(amsize_segment_eval_init(out, N_SEGS));
    ASSERT_OK(amsize_segment_evaluate(out, N_SEGS, &err, NULL, 0, NULL, NULL, 0, e.segs, e.rows,
                                      N_SEGS, e.coverage, NULL, NULL));
    /* Alpha with nobody: fte 0, gap -6; the accounts' comparison as in
     * test_example_segments. */
    const want_stats s0 = {0, 0, 6, -6, NAN, NAN, NAN, NAN, NAN, NAN, NAN, 0, 0, 0, NAN,
                           AMSIZE_BINDING_NONE};
    CHECK_STATS(&out[0], &s0);
    ck_assert_int_eq(out[0].accounts_covered, 3);
    NEAR(out[0].incremental, 940e3);
    ck_assert_int_eq(out[1].ams, 0);
    ck_assert_int_eq(out[2].ams, 0);
}
END_TEST

/* ====================================================================== */
/* Bad input                                                               */
/* ====================================================================== */

/* One call of each function on the example, valid as built; each case
 * below breaks one thing. */
typedef struct call {
    example e;
    amsize_am_eval ev[N_AMS];
    size_t ams_len, segs_len, out_len, scratch_len;
    double below_plan;
    int no_segs, no_rows, no_ams, no_out, no_evals, no_coverage, no_scratch, no_csm;
} call;

static void call_init(call *c)
{
    memset(c, 0, sizeof *c);
    example_init(&c->e);
    evaluate_ams(c->ev, &c->e, AMSIZE_BELOW_PLAN_DEFAULT);
    c->ams_len = N_AMS;
    c->segs_len = N_SEGS;
    c->scratch_len = N_AMS;
    c->below_plan = AMSIZE_BELOW_PLAN_DEFAULT;
}

static amsize_am_eval out_am[N_AMS], out_am0[N_AMS];
static amsize_segment_eval out_seg[N_SEGS], out_seg0[N_SEGS];

static amsize_status run_am(call *c, amsize_error *err)
{
    return amsize_am_evaluate(c->no_out ? NULL : out_am, c->out_len ? c->out_len : N_AMS, err,
                              c->no_ams ? NULL : c->e.ams, c->ams_len,
                              c->no_segs ? NULL : c->e.segs, c->no_rows ? NULL : c->e.rows,
                              c->segs_len, &c->e.model, c->below_plan);
}

static amsize_status run_seg(call *c, amsize_error *err)
{
    return amsize_segment_evaluate(
        c->no_out ? NULL : out_seg, c->out_len ? c->out_len : N_SEGS, err,
        c->no_scratch ? NULL : scratch, c->scratch_len, c->no_ams ? NULL : c->e.ams,
        c->no_evals ? NULL : c->ev, c->ams_len, c->no_segs ? NULL : c->e.segs,
        c->no_rows ? NULL : c->e.rows, c->segs_len, c->no_coverage ? NULL : c->e.coverage,
        c->no_csm ? NULL : c->e.csm, &c->e.model);
}

enum {
    B_SEGS_NULL, B_SEGS_EMPTY, B_ROWS_NULL, B_AMS_NULL, B_OUT_NULL, B_OUT_LEN, B_OUT_SIZE,
    B_ROW_SIZE, B_AM_SIZE, B_BELOW_PLAN, B_MODEL, B_MODEL_SIZE, B_SEG, B_AM, B_AM_I32,
    B_AM_I64, B_AM_TWO, B_EVALS_NULL, B_COVERAGE_NULL, B_SCRATCH_NULL, B_SCRATCH_LEN,
    B_EVAL_SIZE, B_COVERAGE_SIZE, B_CSM_SIZE
};

/* Which function a case calls: the AMs', the segments', or both (an
 * input both read). */
enum { FN_AM = 1, FN_SEG = 2, FN_BOTH = 3 };

static const struct {
    const char *what;
    int fn, kind;
    int i;
    double v;
    size_t off; /* B_AM*: the amsize_am member */
    amsize_status st;
    int64_t index;
    int32_t field;
} bad_cases[] = {
#define AOFF(m) offsetof(amsize_am, m)
    {"segs NULL", FN_BOTH, B_SEGS_NULL, 0, 0, 0, AMSIZE_E_NULL, -1, F(SEGMENTS)},
    {"segs_len 0", FN_BOTH, B_SEGS_EMPTY, 0, 0, 0, AMSIZE_E_EMPTY, -1, F(SEGMENTS)},
    {"rows NULL", FN_BOTH, B_ROWS_NULL, 0, 0, 0, AMSIZE_E_NULL, -1, F(ROWS)},
    {"ams NULL", FN_BOTH, B_AMS_NULL, 0, 0, 0, AMSIZE_E_NULL, -1, F(AMS)},
    {"out NULL", FN_BOTH, B_OUT_NULL, 0, 0, 0, AMSIZE_E_NULL, -1, F(OUTPUT)},
    /* One element short: 4 of 5 AMs, 2 of 3 segments. */
    {"out_len short", FN_BOTH, B_OUT_LEN, -1, 0, 0, AMSIZE_E_BUFFER, -1, F(OUTPUT)},
    {"out[1] struct_size", FN_BOTH, B_OUT_SIZE, 1, 0, 0, AMSIZE_E_STRUCT_SIZE, 1, F(OUTPUT)},
    {"rows[2] struct_size", FN_BOTH, B_ROW_SIZE, 2, 0, 0, AMSIZE_E_STRUCT_SIZE, 2, F(ROWS)},
    {"ams[3] struct_size", FN_BOTH, B_AM_SIZE, 3, 0, 0, AMSIZE_E_STRUCT_SIZE, 3, F(AMS)},
    {"below_plan NaN", FN_AM, B_BELOW_PLAN, 0, NAN, 0, AMSIZE_E_NOT_FINITE, -1, F(BELOW_PLAN)},
    {"below_plan -inf", FN_AM, B_BELOW_PLAN, 0, -INFINITY, 0, AMSIZE_E_NOT_FINITE, -1,
     F(BELOW_PLAN)},
    /* The model's errors, index -1; the segments', index the segment. */
    {"selling_time[3] 0", FN_BOTH, B_MODEL, 2, 0, 0, AMSIZE_E_RANGE, -1, F(SELLING_TIME_3)},
    {"selling_time[5] .5", FN_BOTH, B_MODEL, 4, 0.5, 0, AMSIZE_E_ORDER, -1, F(SELLING_TIME_5)},
    {"model struct_size", FN_BOTH, B_MODEL_SIZE, 0, 0, 0, AMSIZE_E_STRUCT_SIZE, -1, F(MODEL)},
    {"segs[1] am_cost 0", FN_BOTH, B_SEG, 1, 0, offsetof(amsize_segment, am_cost),
     AMSIZE_E_NOT_POSITIVE, 1, F(AM_COST)},
    {"segs[2] churn -1", FN_BOTH, B_SEG, 2, -1, offsetof(amsize_segment, churn),
     AMSIZE_E_NEGATIVE, 2, F(CHURN)},
    /* An AM's: index the AM, field the table's, in declaration order. */
    {"ams[4] segment 3", FN_BOTH, B_AM_I32, 4, 3, AOFF(segment), AMSIZE_E_INDEX, 4, F(SEGMENT)},
    {"ams[0] segment -1", FN_BOTH, B_AM_I32, 0, -1, AOFF(segment), AMSIZE_E_INDEX, 0,
     F(SEGMENT)},
    {"ams[1] fte 0", FN_BOTH, B_AM, 1, 0, AOFF(fte), AMSIZE_E_RANGE, 1, F(FTE)},
    {"ams[1] fte 1.5", FN_BOTH, B_AM, 1, 1.5, AOFF(fte), AMSIZE_E_RANGE, 1, F(FTE)},
    {"ams[1] fte NaN", FN_BOTH, B_AM, 1, NAN, AOFF(fte), AMSIZE_E_NOT_FINITE, 1, F(FTE)},
    {"ams[2] target -1", FN_BOTH, B_AM, 2, -1, AOFF(target), AMSIZE_E_NEGATIVE, 2, F(TARGET)},
    {"ams[2] has_target 2", FN_BOTH, B_AM_I32, 2, 2, AOFF(has_target), AMSIZE_E_RANGE, 2,
     F(TARGET)},
    {"ams[0] accounts -1", FN_BOTH, B_AM_I64, 0, -1, AOFF(accounts), AMSIZE_E_NEGATIVE, 0,
     F(ACCOUNTS)},
    {"ams[0] weighted -1", FN_BOTH, B_AM, 0, -1, AOFF(weighted_accounts), AMSIZE_E_NEGATIVE, 0,
     F(WEIGHTED_ACCOUNTS)},
    {"ams[3] book inf", FN_BOTH, B_AM, 3, INFINITY, AOFF(book), AMSIZE_E_NOT_FINITE, 3, F(BOOK)},
    {"ams[3] upsell -1", FN_BOTH, B_AM, 3, -1, AOFF(upsell), AMSIZE_E_NEGATIVE, 3, F(UPSELL)},
    {"ams[3] cross_sell NaN", FN_BOTH, B_AM, 3, NAN, AOFF(cross_sell), AMSIZE_E_NOT_FINITE, 3,
     F(CROSS_SELL)},
    {"ams[4] churn -1", FN_BOTH, B_AM, 4, -1, AOFF(churn), AMSIZE_E_NEGATIVE, 4, F(CHURN)},
    /* fte 0 and churn -1 in AM 1: fte comes first. */
    {"ams[1] two bad fields", FN_BOTH, B_AM_TWO, 1, 0, 0, AMSIZE_E_RANGE, 1, F(FTE)},
    /* The segments' own. */
    {"am_evals NULL", FN_SEG, B_EVALS_NULL, 0, 0, 0, AMSIZE_E_NULL, -1, F(AM_EVALS)},
    {"coverage NULL", FN_SEG, B_COVERAGE_NULL, 0, 0, 0, AMSIZE_E_NULL, -1, F(COVERAGE)},
    {"scratch NULL", FN_SEG, B_SCRATCH_NULL, 0, 0, 0, AMSIZE_E_NULL, -1, F(WORK)},
    {"scratch one short", FN_SEG, B_SCRATCH_LEN, N_AMS - 1, 0, 0, AMSIZE_E_BUFFER, -1, F(WORK)},
    {"scratch 0", FN_SEG, B_SCRATCH_LEN, 0, 0, 0, AMSIZE_E_BUFFER, -1, F(WORK)},
    {"am_evals[4] struct_size", FN_SEG, B_EVAL_SIZE, 4, 0, 0, AMSIZE_E_STRUCT_SIZE, 4,
     F(AM_EVALS)},
    {"coverage[2] struct_size", FN_SEG, B_COVERAGE_SIZE, 2, 0, 0, AMSIZE_E_STRUCT_SIZE, 2,
     F(COVERAGE)},
    {"csm[0] struct_size", FN_SEG, B_CSM_SIZE, 0, 0, 0, AMSIZE_E_STRUCT_SIZE, 0, F(CSM)},
#undef AOFF
};

static void break_call(call *c, int k)
{
    unsigned char *p;
    switch (bad_cases[k].kind) {
    case B_SEGS_NULL: c->no_segs = 1; break;
    case B_SEGS_EMPTY: c->segs_len = 0; break;
    case B_ROWS_NULL: c->no_rows = 1; break;
    case B_AMS_NULL: c->no_ams = 1; break;
    case B_OUT_NULL: c->no_out = 1; break;
    case B_OUT_LEN: c->out_len = (size_t)-1; break; /* set per function by the caller */
    case B_OUT_SIZE: break;                         /* likewise */
    case B_ROW_SIZE: c->e.rows[bad_cases[k].i].struct_size -= 8; break;
    case B_AM_SIZE: c->e.ams[bad_cases[k].i].struct_size += 8; break;
    case B_BELOW_PLAN: c->below_plan = bad_cases[k].v; break;
    case B_MODEL: c->e.model.selling_time[bad_cases[k].i] = bad_cases[k].v; break;
    case B_MODEL_SIZE: c->e.model.struct_size = 8; break;
    case B_SEG:
        p = (unsigned char *)&c->e.segs[bad_cases[k].i] + bad_cases[k].off;
        memcpy(p, &bad_cases[k].v, sizeof(double));
        break;
    case B_AM:
        p = (unsigned char *)&c->e.ams[bad_cases[k].i] + bad_cases[k].off;
        memcpy(p, &bad_cases[k].v, sizeof(double));
        break;
    case B_AM_I32: {
        int32_t v = (int32_t)bad_cases[k].v;
        p = (unsigned char *)&c->e.ams[bad_cases[k].i] + bad_cases[k].off;
        memcpy(p, &v, sizeof v);
        break;
    }
    case B_AM_I64: {
        int64_t v = (int64_t)bad_cases[k].v;
        p = (unsigned char *)&c->e.ams[bad_cases[k].i] + bad_cases[k].off;
        memcpy(p, &v, sizeof v);
        break;
    }
    case B_AM_TWO:
        c->e.ams[bad_cases[k].i].fte = 0;
        c->e.ams[bad_cases[k].i].churn = -1;
        break;
    case B_EVALS_NULL: c->no_evals = 1; break;
    case B_COVERAGE_NULL: c->no_coverage = 1; break;
    case B_SCRATCH_NULL: c->no_scratch = 1; break;
    case B_SCRATCH_LEN: c->scratch_len = (size_t)bad_cases[k].i; break;
    case B_EVAL_SIZE: c->ev[bad_cases[k].i].struct_size -= 8; break;
    case B_COVERAGE_SIZE: c->e.coverage[bad_cases[k].i].struct_size = 0; break;
    case B_CSM_SIZE: c->e.csm[bad_cases[k].i].struct_size += 8; break;
    default: ck_abort_msg("case kind %d", bad_cases[k].kind);
    }
}

static void expect_fail(int k, const char *fn, amsize_status st, const amsize_error *err)
{
    ck_assert_msg(st == bad_cases[k].st, "%s, %s: status %d (%s), want %d (%s)",
                  bad_cases[k].what, fn, (int)st, amsize_strerror(st), (int)bad_cases[k].st,
                  amsize_strerror(bad_cases[k].st));
    ck_assert_int_eq(err->status, bad_cases[k].st);
    ck_assert_msg(err->index == bad_cases[k].index, "%s, %s: index %lld, want %lld",
                  bad_cases[k].what, fn, (long long)err->index,
                  (long long)bad_cases[k].index);
    ck_assert_msg(err->field == bad_cases[k].field, "%s, %s: field %s, want %s",
                  bad_cases[k].what, fn, amsize_field_name(err->field),
                  amsize_field_name(bad_cases[k].field));
}

/* Each case fails with its report and writes nothing, in each function
 * it applies to; without a report, the same status. */
START_TEST(test_bad_input)
{
    static call c;
    amsize_error err;
    const int k = _i;

    if (bad_cases[k].fn & FN_AM) {
        call_init(&c);
        break_call(&c, k);
        if (bad_cases[k].kind == B_OUT_LEN)
            c.out_len = N_AMS - 1;
        ASSERT_OK(amsize_am_eval_init(out_am, N_AMS));
        for (int j = 0; j < N_AMS; j++)
            poison(&out_am[j], sizeof out_am[j]);
        if (bad_cases[k].kind == B_OUT_SIZE)
            out_am[bad_cases[k].i].struct_size += 8;
        memcpy(out_am0, out_am, sizeof out_am);
        ASSERT_OK(amsize_error_init(&err));
        expect_fail(k, "amsize_am_evaluate", run_am(&c, &err), &err);
        ck_assert_mem_eq(out_am, out_am0, sizeof out_am);
        ck_assert_int_eq(run_am(&c, NULL), bad_cases[k].st);
        ck_assert_mem_eq(out_am, out_am0, sizeof out_am);
    }
    if (bad_cases[k].fn & FN_SEG) {
        call_init(&c);
        break_call(&c, k);
        if (bad_cases[k].kind == B_OUT_LEN)
            c.out_len = N_SEGS - 1;
        ASSERT_OK(amsize_segment_eval_init(out_seg, N_SEGS));
        for (int i = 0; i < N_SEGS; i++)
            poison(&out_seg[i], sizeof out_seg[i]);
        if (bad_cases[k].kind == B_OUT_SIZE)
            out_seg[bad_cases[k].i].struct_size -= 8;
        memcpy(out_seg0, out_seg, sizeof out_seg);
        ASSERT_OK(amsize_error_init(&err));
        expect_fail(k, "amsize_segment_evaluate", run_seg(&c, &err), &err);
        ck_assert_mem_eq(out_seg, out_seg0, sizeof out_seg);
        ck_assert_int_eq(run_seg(&c, NULL), bad_cases[k].st);
        ck_assert_mem_eq(out_seg, out_seg0, sizeof out_seg);
    }
}
END_TEST

/* The base call of the table is valid in both functions; a target that
 * is not used (has_target 0) is not checked; and an AM's fields give the
 * field table's report for the same value (amsize_field_check()), the
 * segment index aside where the table cannot know segs_len. */
START_TEST(test_bad_base_is_valid)
{
    static const double values[] = {NAN, INFINITY, -INFINITY, -1, -0.0, 0, 1e-300, 0.5, 1,
                                    1.5, 2, 3, 1e300};
    static call c;
    size_t n = amsize_schema_count(AMSIZE_SCHEMA_AM);

    call_init(&c);
    ASSERT_OK(amsize_am_eval_init(out_am, N_AMS));
    ASSERT_OK(amsize_segment_eval_init(out_seg, N_SEGS));
    ASSERT_OK(run_am(&c, NULL));
    ASSERT_OK(run_seg(&c, NULL));
    c.e.ams[0].target = -1; /* has_target 0: derived, the field unread */
    ASSERT_OK(run_am(&c, NULL));

    for (size_t f = 0; f < n; f++) {
        amsize_field_info info;
        ASSERT_OK(amsize_field_info_init(&info));
        ASSERT_OK(amsize_schema_get(&info, AMSIZE_SCHEMA_AM, f));
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
            double x = values[v];
            amsize_error e1, e2;
            unsigned char *p;

            call_init(&c);
            p = (unsigned char *)&c.e.ams[2] + info.offset;
            if (info.type == AMSIZE_TYPE_INT32) {
                if (!(x == floor(x) && fabs(x) <= INT32_MAX))
                    continue;
                int32_t k = (int32_t)x;
                memcpy(p, &k, sizeof k);
            } else if (info.type == AMSIZE_TYPE_INT64) {
                if (!(x == floor(x) && fabs(x) <= 1e18))
                    continue;
                int64_t k = (int64_t)x;
                memcpy(p, &k, sizeof k);
            } else {
                memcpy(p, &x, sizeof x);
            }
            ASSERT_OK(amsize_error_init(&e1));
            ASSERT_OK(amsize_error_init(&e2));
            amsize_status a = amsize_field_check(&e1, AMSIZE_SCHEMA_AM, info.field, x, 2);
            /* segment 3 is within the table's range, not below segs_len. */
            if (info.field == F(SEGMENT) && a == AMSIZE_OK && x >= N_SEGS)
                continue;
            amsize_status b = run_am(&c, &e2);
            /* No value here overflows AM 2's results (NR -100k, target
             * 400k, fte .5): valid is valid. */
            ck_assert_msg(a == b, "%s = %g: field_check %s, evaluate %s (field %s)", info.name,
                          x, amsize_strerror(a), amsize_strerror(b),
                          amsize_field_name(e2.field));
            ck_assert_mem_eq(&e1, &e2, sizeof e1);
        }
    }
}
END_TEST

/* A report of another size is refused and left alone, and so are the
 * outputs. */
START_TEST(test_bad_report)
{
    static call c;
    amsize_error err, err0;

    call_init(&c);
    ASSERT_OK(amsize_error_init(&err));
    err.struct_size = 16;
    err0 = err;
    ASSERT_OK(amsize_am_eval_init(out_am, N_AMS));
    poison(&out_am[0], sizeof out_am[0]);
    memcpy(out_am0, out_am, sizeof out_am);
    ASSERT_OK(amsize_segment_eval_init(out_seg, N_SEGS));
    poison(&out_seg[0], sizeof out_seg[0]);
    memcpy(out_seg0, out_seg, sizeof out_seg);
    ck_assert_int_eq(run_am(&c, &err), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(run_seg(&c, &err), AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(&err, &err0, sizeof err);
    ck_assert_mem_eq(out_am, out_am0, sizeof out_am);
    ck_assert_mem_eq(out_seg, out_seg0, sizeof out_seg);
}
END_TEST

/* Results beyond DBL_MAX, each named, and nothing written. */
START_TEST(test_am_overflow)
{
    static call c;
    amsize_error err;

    /* NR: U + X = 1e308 + 1e308 = inf. AM 4. */
    call_init(&c);
    c.e.ams[4].upsell = 1e308;
    c.e.ams[4].cross_sell = 1e308;
    ASSERT_OK(amsize_am_eval_init(out_am, N_AMS));
    poison(&out_am[0], sizeof out_am[0]);
    memcpy(out_am0, out_am, sizeof out_am);
    ASSERT_OK(amsize_error_init(&err));
    check_err(&err, run_am(&c, &err), AMSIZE_E_OVERFLOW, 4, F(NET_RATIO));
    ck_assert_mem_eq(out_am, out_am0, sizeof out_am);

    /* Attainment: NR 1.1M over a given target of 1e-305 = 1.1e311. AM 0. */
    call_init(&c);
    c.e.ams[0].has_target = 1;
    c.e.ams[0].target = 1e-305;
    check_err(&err, run_am(&c, &err), AMSIZE_E_OVERFLOW, 0, F(ATTAINMENT));
    ck_assert_mem_eq(out_am, out_am0, sizeof out_am);

    /* Load: W 250 over fte 1e-307 = 2.5e309 (its derived target 1e-301
     * still gives a finite attainment, 1.1e307). AM 0. */
    call_init(&c);
    c.e.ams[0].fte = 1e-307;
    check_err(&err, run_am(&c, &err), AMSIZE_E_OVERFLOW, 0, F(LOAD));
    ck_assert_mem_eq(out_am, out_am0, sizeof out_am);

    /* The derived target: T = {1e-300, 1e-300, 1e-300, 1, 1} makes
     * Beta's T[4]/T[3] = 1e300: 1*800k*1e300 = 8e305 is still finite, but
     * with P 1e10 it is 1e310. Beta's chart still fits: fte_net =
     * 2.4M/1e10, f = 1e-300. AM 1. */
    call_init(&c);
    c.e.model.selling_time[0] = c.e.model.selling_time[1] = c.e.model.selling_time[2] = 1e-300;
    c.e.model.selling_time[3] = c.e.model.selling_time[4] = 1;
    c.e.segs[1].am_productivity = 1e10;
    ASSERT_OK(amsize_chart_compute(c.e.rows, N_SEGS, NULL, NULL, c.e.segs, N_SEGS, &c.e.model));
    check_err(&err, run_am(&c, &err), AMSIZE_E_OVERFLOW, 1, F(TARGET));
    ck_assert_mem_eq(out_am, out_am0, sizeof out_am);
}
END_TEST

/* The segments' results beyond range, each named with the segment, and
 * nothing written. */
START_TEST(test_segment_overflow)
{
    static call c;
    amsize_error err;
    const int32_t s0 = 0;
    const double tiny = 1e-300, big = 1e10, zero = 0, milli = 1e-3;
    const uint8_t one = 1;

    /* net_per_fte: Alpha's AMs (0, 2, 4) on fte 1e-305 each, so fte =
     * 3e-305 and covered NR 1M / 3e-305 = 3.3e310. Their loads (no W) and
     * attainments (targets of 1M given) stay finite. */
    call_init(&c);
    for (int j = 0; j < N_AMS; j += 2) {
        c.e.ams[j].fte = 1e-305;
        c.e.ams[j].weighted_accounts = 0;
        c.e.ams[j].has_target = 1;
        c.e.ams[j].target = 1e6;
    }
    evaluate_ams(c.ev, &c.e, AMSIZE_BELOW_PLAN_DEFAULT);
    ASSERT_OK(amsize_segment_eval_init(out_seg, N_SEGS));
    poison(&out_seg[0], sizeof out_seg[0]);
    memcpy(out_seg0, out_seg, sizeof out_seg);
    ASSERT_OK(amsize_error_init(&err));
    check_err(&err, run_seg(&c, &err), AMSIZE_E_OVERFLOW, 0, F(NET_PER_FTE));
    ck_assert_mem_eq(out_seg, out_seg0, sizeof out_seg);

    /* observed_productivity: Gamma at s = 1 with T[1] = 1e-300 has T[3]/T[1]
     * = 6e299; Gamma gets AM 3 (fte .5) and a covered account of U 1e10:
     * net_per_fte = 2e10, times 6e299 = 1.2e310. */
    call_init(&c);
    c.e.model.selling_time[0] = 1e-300;
    c.e.segs[2].support_rating = 1;
    c.e.segs[2].upsell = 0; /* the chart's demand at f = 6e299 stays 0 */
    ASSERT_OK(amsize_chart_compute(c.e.rows, N_SEGS, NULL, NULL, c.e.segs, N_SEGS, &c.e.model));
    c.e.ams[3].segment = 2;
    evaluate_ams(c.ev, &c.e, AMSIZE_BELOW_PLAN_DEFAULT);
    {
        const int32_t s2 = 2;
        ASSERT_OK(amsize_totals_add(c.e.coverage, N_SEGS, NULL, &s2, 1, &zero, &big, &zero,
                                    &zero, NULL, &one));
    }
    check_err(&err, run_seg(&c, &err), AMSIZE_E_OVERFLOW, 2, F(OBSERVED_PRODUCTIVITY));
    ck_assert_mem_eq(out_seg, out_seg0, sizeof out_seg);

    /* The resized row: Alpha's coverage replaced by one covered account
     * of U 1e-3 makes observed = 1e-3/2.5 = 4e-4, and with U 1e13 in
     * Alpha's book (NR 1e13: chart fte_net 1e7, headcount at its ceiling
     * 1000) the resized fte_demand is 1e13/4e-4 = 2.5e16, beyond 2^53:
     * amsize_chart_compute() refuses it. */
    call_init(&c);
    c.e.segs[0].upsell = 1e13;
    ASSERT_OK(amsize_chart_compute(c.e.rows, N_SEGS, NULL, NULL, c.e.segs, N_SEGS, &c.e.model));
    evaluate_ams(c.ev, &c.e, AMSIZE_BELOW_PLAN_DEFAULT);
    ASSERT_OK(amsize_totals_init(&c.e.coverage[0], 1));
    ASSERT_OK(amsize_totals_add(&c.e.coverage[0], 1, NULL, &s0, 1, &zero, &milli, &zero, &zero,
                                NULL, &one));
    check_err(&err, run_seg(&c, &err), AMSIZE_E_OVERFLOW, 0, F(OBSERVED_PRODUCTIVITY));
    ck_assert_mem_eq(out_seg, out_seg0, sizeof out_seg);

    /* The comparison: a covered account of book 1e-300 and U 1e10 has
     * NR% 1e310: amsize_totals_pilot()'s overflow, as Beta's (index 1)
     * coverage, and as its csm. */
    call_init(&c);
    ASSERT_OK(amsize_totals_init(&c.e.coverage[1], 1));
    ASSERT_OK(amsize_totals_add(&c.e.coverage[1], 1, NULL, &s0, 1, &tiny, &big, &zero, &zero,
                                NULL, &one));
    check_err(&err, run_seg(&c, &err), AMSIZE_E_OVERFLOW, 1, F(COVERAGE));
    ck_assert_mem_eq(out_seg, out_seg0, sizeof out_seg);
    call_init(&c);
    ASSERT_OK(amsize_totals_init(&c.e.csm[1], 1));
    ASSERT_OK(amsize_totals_add(&c.e.csm[1], 1, NULL, &s0, 1, &tiny, &big, &zero, &zero, NULL,
                                &one));
    check_err(&err, run_seg(&c, &err), AMSIZE_E_OVERFLOW, 1, F(CSM));
    ck_assert_mem_eq(out_seg, out_seg0, sizeof out_seg);
    /* Without csm the same inputs are fine. */
    c.no_csm = 1;
    ASSERT_OK(run_seg(&c, &err));
}
END_TEST

/* ====================================================================== */
/* Init functions and names                                                */
/* ====================================================================== */

START_TEST(test_inits)
{
    amsize_am am[2], am0[2];
    amsize_am_eval ev[2], zero_ev;
    amsize_segment_eval se[2], zero_se;

    /* Defaults (fte 1, the rest 0: check_schema.c compares them with the
     * table) and struct_size in every element. */
    memset(am, 0x5A, sizeof am);
    ASSERT_OK(amsize_am_init(am, 2));
    for (int j = 0; j < 2; j++) {
        ck_assert_uint_eq(am[j].struct_size, 80);
        ck_assert_double_eq(am[j].fte, 1);
        ck_assert_int_eq(am[j].has_target, 0);
        ck_assert_int_eq(am[j].segment, 0);
        ck_assert_int_eq(am[j].reserved, 0);
    }
    memset(&zero_ev, 0, sizeof zero_ev);
    zero_ev.struct_size = 56;
    memset(ev, 0x5A, sizeof ev);
    ASSERT_OK(amsize_am_eval_init(ev, 2));
    ck_assert_mem_eq(&ev[0], &zero_ev, sizeof zero_ev);
    ck_assert_mem_eq(&ev[1], &zero_ev, sizeof zero_ev);
    memset(&zero_se, 0, sizeof zero_se);
    zero_se.struct_size = 320;
    memset(se, 0x5A, sizeof se);
    ASSERT_OK(amsize_segment_eval_init(se, 2));
    ck_assert_mem_eq(&se[0], &zero_se, sizeof zero_se);
    ck_assert_mem_eq(&se[1], &zero_se, sizeof zero_se);

    /* NULL with a length, and sizes this library does not know; nothing
     * written. A length of 0 takes NULL. */
    ck_assert_int_eq(amsize_am_init_(NULL, 1, sizeof(amsize_am)), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_am_eval_init_(NULL, 1, sizeof(amsize_am_eval)), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_segment_eval_init_(NULL, 1, sizeof(amsize_segment_eval)),
                     AMSIZE_E_NULL);
    ASSERT_OK(amsize_am_init_(NULL, 0, sizeof(amsize_am)));
    ASSERT_OK(amsize_am_eval_init_(NULL, 0, sizeof(amsize_am_eval)));
    ASSERT_OK(amsize_segment_eval_init_(NULL, 0, sizeof(amsize_segment_eval)));
    memcpy(am0, am, sizeof am);
    ck_assert_int_eq(amsize_am_init_(am, 2, sizeof(amsize_am) - 8), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(amsize_am_init_(am, 2, sizeof(amsize_am) + 8), AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(am, am0, sizeof am);
    ck_assert_int_eq(amsize_am_eval_init_(ev, 2, 0), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(amsize_segment_eval_init_(se, 2, sizeof(amsize_segment_eval) - 8),
                     AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(&ev[0], &zero_ev, sizeof zero_ev);
    ck_assert_mem_eq(&se[0], &zero_se, sizeof zero_se);
}
END_TEST

START_TEST(test_flag_names)
{
    ck_assert_str_eq(amsize_am_flag_name(AMSIZE_AM_OVERLOADED), "OVERLOADED");
    ck_assert_str_eq(amsize_am_flag_name(AMSIZE_AM_UNDERLOADED), "UNDERLOADED");
    ck_assert_str_eq(amsize_am_flag_name(AMSIZE_AM_BELOW_PLAN), "BELOW_PLAN");
    ck_assert_str_eq(amsize_am_flag_name(AMSIZE_AM_NEGATIVE_NET), "NEGATIVE_NET");
    ck_assert_str_eq(amsize_am_flag_name(AMSIZE_AM_NO_ACCOUNTS), "NO_ACCOUNTS");
    ck_assert_ptr_null(amsize_am_flag_name(0));
    ck_assert_ptr_null(amsize_am_flag_name(OVER | UNDER));
    ck_assert_ptr_null(amsize_am_flag_name(AMSIZE_AM_ALL));
    ck_assert_ptr_null(amsize_am_flag_name(0x20));
    /* The five bits are AMSIZE_AM_ALL. */
    ck_assert_uint_eq(OVER | UNDER | BELOW | NEG | NOACC, AMSIZE_AM_ALL);
}
END_TEST

/* ====================================================================== */
/* Spreadsheet forms                                                       */
/* ====================================================================== */

START_TEST(test_calc_target)
{
    /* .5*800k*.7/.6 = 466,666.67 (Beta, f = .6/.7). */
    NEAR(amsize_am_target_calc(0.5, 800e3, 0.6 / 0.7), 0.5 * 800e3 * 7 / 6);
    ck_assert_double_eq(amsize_am_target_calc(1, 1e6, 1), 1e6);
    ck_assert_double_eq(amsize_am_target_calc(0.25, 1e6, 2), 125e3); /* s below 3 */
    /* fte in (0,1], P > 0, f > 0, all finite. */
    ck_assert(isnan(amsize_am_target_calc(0, 1e6, 1)));
    ck_assert(isnan(amsize_am_target_calc(1.5, 1e6, 1)));
    ck_assert(isnan(amsize_am_target_calc(NAN, 1e6, 1)));
    ck_assert(isnan(amsize_am_target_calc(1, 0, 1)));
    ck_assert(isnan(amsize_am_target_calc(1, INFINITY, 1)));
    ck_assert(isnan(amsize_am_target_calc(1, 1e6, 0)));
    ck_assert(isnan(amsize_am_target_calc(1, 1e6, -1)));
    ck_assert(isnan(amsize_am_target_calc(1, 1e6, INFINITY)));
    /* 1e308/1e-10 = 1e318: beyond DBL_MAX. */
    ck_assert(isnan(amsize_am_target_calc(1, 1e308, 1e-10)));
}
END_TEST

START_TEST(test_calc_attainment)
{
    ck_assert_double_eq(amsize_attainment_calc(-100e3, 400e3), -0.25);
    ck_assert_double_eq(amsize_attainment_calc(0, 1e6), 0);
    NEAR(amsize_attainment_calc(1.1e6, 1e6), 1.1);
    /* Undefined at target 0; target >= 0; NR finite. */
    ck_assert(isnan(amsize_attainment_calc(1e6, 0)));
    ck_assert(isnan(amsize_attainment_calc(0, 0)));
    ck_assert(isnan(amsize_attainment_calc(1e6, -1)));
    ck_assert(isnan(amsize_attainment_calc(1e6, NAN)));
    ck_assert(isnan(amsize_attainment_calc(NAN, 1e6)));
    ck_assert(isnan(amsize_attainment_calc(INFINITY, 1e6)));
    /* 1e10/1e-300: beyond DBL_MAX. */
    ck_assert(isnan(amsize_attainment_calc(1e10, 1e-300)));
}
END_TEST

START_TEST(test_calc_load)
{
    ck_assert_double_eq(amsize_am_load_calc(8, 0.5), 16);
    ck_assert_double_eq(amsize_am_load_calc(0, 1), 0);
    ck_assert_double_eq(amsize_am_load_calc(250, 1), 250);
    ck_assert(isnan(amsize_am_load_calc(-1, 1)));
    ck_assert(isnan(amsize_am_load_calc(NAN, 1)));
    ck_assert(isnan(amsize_am_load_calc(8, 0)));
    ck_assert(isnan(amsize_am_load_calc(8, 1.5)));
    ck_assert(isnan(amsize_am_load_calc(8, NAN)));
    ck_assert(isnan(amsize_am_load_calc(1e10, 1e-300)));
}
END_TEST

START_TEST(test_calc_flags)
{
    /* The example's AMs (accounts, load, Lmin, Lmax, attainment, NR). */
    ck_assert_double_eq(amsize_am_flags_calc(2, 250, 100, 200, 1.1, 1.1e6, 0.9), OVER);
    ck_assert_double_eq(amsize_am_flags_calc(1, 16, 100, 200, -0.25, -100e3, 0.9),
                        UNDER | BELOW | NEG); /* 2 + 4 + 8 = 14 */
    ck_assert_double_eq(amsize_am_flags_calc(0, 0, 100, 200, 0, 0, 0.9),
                        UNDER | BELOW | NOACC); /* 2 + 4 + 16 = 22 */
    ck_assert_double_eq(amsize_am_flags_calc(0, 0, 125, 500, NAN, 0, 0.9),
                        UNDER | NOACC); /* no BELOW_PLAN without attainment */
    ck_assert_double_eq(amsize_am_flags_calc(3, 300, 125, 500, 0.96, 896e3, 0.9), 0);
    ck_assert_double_eq(amsize_am_flags_calc(3, 300, 125, 500, 0.96, 896e3, 1.0), BELOW);
    /* Lmin undefined: no UNDERLOADED even at load 0. */
    ck_assert_double_eq(amsize_am_flags_calc(0, 0, NAN, 20, 0, 0, 0.9), BELOW | NOACC);
    /* Every flag at once, 1 + 2 + 4 + 8 + 16 = 31: no accounts, load 50
     * above Lmax 20 and below Lmin 100 (an uneconomic segment), attainment
     * -1, NR -1. */
    ck_assert_double_eq(amsize_am_flags_calc(0, 50, 100, 20, -1, -1, 0.9), AMSIZE_AM_ALL);
    /* At the bounds: load = Lmax, load = Lmin, attainment = threshold:
     * none. */
    ck_assert_double_eq(amsize_am_flags_calc(5, 200, 100, 200, 0.9, 1, 0.9), 0);
    ck_assert_double_eq(amsize_am_flags_calc(5, 100, 100, 200, 0.9, 0, 0.9), 0);
    /* Invalid: NaN. */
    ck_assert(isnan(amsize_am_flags_calc(1.5, 10, 100, 200, 1, 1, 0.9))); /* whole */
    ck_assert(isnan(amsize_am_flags_calc(-1, 10, 100, 200, 1, 1, 0.9)));
    ck_assert(isnan(amsize_am_flags_calc(1, -1, 100, 200, 1, 1, 0.9)));
    ck_assert(isnan(amsize_am_flags_calc(1, NAN, 100, 200, 1, 1, 0.9)));
    ck_assert(isnan(amsize_am_flags_calc(1, 10, 0, 200, 1, 1, 0.9)));
    ck_assert(isnan(amsize_am_flags_calc(1, 10, INFINITY, 200, 1, 1, 0.9)));
    ck_assert(isnan(amsize_am_flags_calc(1, 10, 100, 0, 1, 1, 0.9)));
    ck_assert(isnan(amsize_am_flags_calc(1, 10, 100, NAN, 1, 1, 0.9)));
    ck_assert(isnan(amsize_am_flags_calc(1, 10, 100, 200, INFINITY, 1, 0.9)));
    ck_assert(isnan(amsize_am_flags_calc(1, 10, 100, 200, 1, NAN, 0.9)));
    ck_assert(isnan(amsize_am_flags_calc(1, 10, 100, 200, 1, 1, NAN)));
    ck_assert(isnan(amsize_am_flags_calc(1, 10, 100, 200, 1, 1, -INFINITY)));
}
END_TEST

/* ---------------------------------------------------- the README example */

/* README, "Each planning cycle": one Mid-Market segment, five accounts,
 * three AMs. Every expected value is worked there by hand. */
START_TEST(test_readme_example)
{
    /* Accounts M1..M5: arr, upsell, cross_sell, churn; covered by A1, A1,
     * A2, nobody, nobody; csm_covered 1, 0, 1, 1, 0. */
    static const double arr[5] = {1e6, 0.5e6, 2e6, 1e6, 0.5e6};
    static const double up[5] = {200e3, 50e3, 300e3, 20e3, 0};
    static const double xs[5] = {100e3, 0, 100e3, 0, 0};
    static const double ch[5] = {0, 100e3, 0, 50e3, 30e3};
    static const uint8_t am_cov[5] = {1, 1, 1, 0, 0}, csm_cov[5] = {1, 0, 1, 1, 0};
    static const int32_t seg0[5] = {0, 0, 0, 0, 0};
    amsize_segment seg;
    amsize_chart_row row;
    amsize_totals cov, csm, all;
    amsize_am ams[3];
    amsize_am_eval ev[3];
    amsize_segment_eval out;
    amsize_error err;
    double work[3];

    ASSERT_OK(amsize_error_init(&err));
    ASSERT_OK(amsize_segment_init(&seg, 1));
    seg.am_productivity = 1e6;
    seg.am_cost = 150e3;
    seg.max_load = 4;
    ASSERT_OK(amsize_totals_init(&cov, 1));
    ASSERT_OK(amsize_totals_init(&csm, 1));
    ASSERT_OK(amsize_totals_init(&all, 1));
    ASSERT_OK(amsize_totals_add(&cov, 1, &err, seg0, 5, arr, up, xs, ch, NULL, am_cov));
    ASSERT_OK(amsize_totals_add(&csm, 1, &err, seg0, 5, arr, up, xs, ch, NULL, csm_cov));
    ASSERT_OK(amsize_totals_add(&all, 1, &err, seg0, 5, arr, up, xs, ch, NULL, NULL));
    ASSERT_OK(amsize_totals_segment(&seg, &err, &all, AMSIZE_PART_ALL));
    ASSERT_OK(amsize_chart_row_init(&row, 1));
    ASSERT_OK(amsize_chart_compute(&row, 1, NULL, &err, &seg, 1, NULL));
    /* NR = 570K + 200K - 180K = 590K; g = 118K, Lmin = ceil(150/118) = 2;
     * floor ceil(5/4) = 2, ceiling floor(5/2) = 2, demand ceil(0.59) = 1:
     * headcount 2, bound by the service floor. */
    near_at(row.net_ratio, 590e3, "NR", __LINE__);
    near_at(row.min_load, 2, "Lmin", __LINE__);
    ck_assert_int_eq(row.headcount, 2);
    ck_assert_int_eq(row.binding, AMSIZE_BINDING_SERVICE_FLOOR);

    ASSERT_OK(amsize_am_init(ams, 3));
    /* A1: M1 + M2; A2: M3 (fte 0.5, target 300K); A3: nothing. */
    ams[0].accounts = 2, ams[0].weighted_accounts = 2, ams[0].book = 1.5e6;
    ams[0].upsell = 250e3, ams[0].cross_sell = 100e3, ams[0].churn = 100e3;
    ams[1].fte = 0.5, ams[1].has_target = 1, ams[1].target = 300e3;
    ams[1].accounts = 1, ams[1].weighted_accounts = 1, ams[1].book = 2e6;
    ams[1].upsell = 300e3, ams[1].cross_sell = 100e3;
    ASSERT_OK(amsize_am_eval_init(ev, 3));
    ASSERT_OK(amsize_am_evaluate(ev, 3, &err, ams, 3, &seg, &row, 1, NULL,
                                 AMSIZE_BELOW_PLAN_DEFAULT));
    /* A1: NR 250K of a 1 x 1M target: 0.25; load 2/1. */
    near_at(ev[0].net_ratio, 250e3, "A1 NR", __LINE__);
    near_at(ev[0].target, 1e6, "A1 target", __LINE__);
    near_at(ev[0].attainment, 0.25, "A1 attainment", __LINE__);
    near_at(ev[0].load, 2, "A1 load", __LINE__);
    ck_assert_uint_eq(ev[0].flags, BELOW);
    /* A2: 400K of 300K; load 1/0.5 = 2. */
    near_at(ev[1].attainment, 400.0 / 300.0, "A2 attainment", __LINE__);
    near_at(ev[1].load, 2, "A2 load", __LINE__);
    ck_assert_uint_eq(ev[1].flags, 0);
    /* A3: no accounts: 0 of 1M, load 0 < 2. */
    near_at(ev[2].attainment, 0, "A3 attainment", __LINE__);
    ck_assert_uint_eq(ev[2].flags, UNDER | BELOW | NOACC);

    ASSERT_OK(amsize_segment_eval_init(&out, 1));
    ASSERT_OK(amsize_segment_evaluate(&out, 1, &err, work, 3, ams, ev, 3, &seg, &row, 1,
                                      &cov, &csm, NULL));
    ck_assert_int_eq(out.ams, 3);
    near_at(out.fte, 2.5, "fte", __LINE__);
    near_at(out.fte_gap, 0.5, "fte_gap", __LINE__);
    /* Covered 650K on 3.5M, uncovered -60K on 1.5M. */
    near_at(out.nr_pct_covered, 650.0 / 3500.0, "NR%c", __LINE__);
    near_at(out.nr_pct_uncovered, -0.04, "NR%u", __LINE__);
    near_at(out.delta, 650.0 / 3500.0 + 0.04, "delta", __LINE__);
    ck_assert(isnan(out.lift));
    near_at(out.incremental, (650.0 / 3500.0 + 0.04) * 3.5e6, "incremental", __LINE__);
    near_at(out.incremental, 790e3, "incremental = 650K + 0.04 x 3.5M", __LINE__);
    ck_assert_int_eq(out.accretive, 1);
    near_at(out.net_per_fte, 260e3, "net per FTE", __LINE__);
    near_at(out.observed_productivity, 260e3, "observed P", __LINE__);
    near_at(out.attainment_median, 0.25, "median attainment", __LINE__);
    near_at(out.share_at_plan, 1.0 / 3, "share at plan", __LINE__);
    near_at(out.load_min, 0, "load min", __LINE__);
    near_at(out.load_median, 2, "load median", __LINE__);
    near_at(out.load_max, 2, "load max", __LINE__);
    ck_assert_int_eq(out.overloaded, 0);
    ck_assert_int_eq(out.underloaded, 1);
    ck_assert_int_eq(out.below_plan, 2);
    /* At P = 260K: demand ceil(2.269) = 3, capped at floor(5/2) = 2. */
    near_at(out.resized_headcount, 2, "resized", __LINE__);
    ck_assert_int_eq(out.resized_binding, AMSIZE_BINDING_COST_CEILING);
    /* Support: 670K on 4M against -80K on 1M. */
    ck_assert_int_eq(out.csm_given, 1);
    near_at(out.csm_nr_pct_covered, 0.1675, "csm NR%c", __LINE__);
    near_at(out.csm_nr_pct_uncovered, -0.08, "csm NR%u", __LINE__);
    near_at(out.csm_delta, 0.2475, "csm delta", __LINE__);
    near_at(out.csm_incremental, 990e3, "csm incremental", __LINE__);
    ck_assert_int_eq(out.csm_accretive, 1);
}
END_TEST

/* ====================================================================== */
/* Suite                                                                   */
/* ====================================================================== */

static Suite *evaluate_suite(void)
{
    Suite *s = suite_create("evaluate");
    TCase *tc;

    tc = add_tcase(s, "example");
    tcase_add_test(tc, test_example_chart);
    tcase_add_test(tc, test_example_ams);
    tcase_add_test(tc, test_example_threshold);
    tcase_add_test(tc, test_example_segments);
    tcase_add_test(tc, test_example_no_csm_and_threshold);
    tcase_add_test(tc, test_example_inputs_unchanged);
    tcase_add_test(tc, test_example_scalars_agree);
    tcase_add_test(tc, test_readme_example);

    tc = add_tcase(s, "cases");
    tcase_add_test(tc, test_no_min_load);
    tcase_add_test(tc, test_medians);
    tcase_add_test(tc, test_no_ams);

    tc = add_tcase(s, "bad_input");
    tcase_add_loop_test(tc, test_bad_input, 0, N_OF(bad_cases));
    tcase_add_test(tc, test_bad_base_is_valid);
    tcase_add_test(tc, test_bad_report);
    tcase_add_test(tc, test_am_overflow);
    tcase_add_test(tc, test_segment_overflow);

    tc = add_tcase(s, "inits");
    tcase_add_test(tc, test_inits);
    tcase_add_test(tc, test_flag_names);

    tc = add_tcase(s, "calc");
    tcase_add_test(tc, test_calc_target);
    tcase_add_test(tc, test_calc_attainment);
    tcase_add_test(tc, test_calc_load);
    tcase_add_test(tc, test_calc_flags);

    return s;
}

int main(void)
{
    return run_suite(evaluate_suite());
}
