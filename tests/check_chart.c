/* Check tests for the combined chart (amsize_chart_compute() in
 * amsize/chart.h): the three methods combined into one headcount, the
 * binding view, the flags, the totals row, the chart's argument checks,
 * overflow, and that it reads its inputs only.
 *
 * Every expected value is worked out by hand from the method's formulas and
 * written as a literal with the arithmetic beside it; none is copied from
 * the library's output. Exact comparisons are used wherever the value is
 * exact in binary; a tolerance (TOL) only where the true value has no exact
 * double (32/3, 6/7, ...) or where the division itself rounds (0.6/0.4).
 * The sample segments (Enterprise, Mid-Market, SMB, Ceiling) and the
 * helpers that check a report or an untouched output are in fixtures.h.
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

/* ====================================================================== */
/* The chart: combination and binding                                      */
/* ====================================================================== */

START_TEST(test_chart_enterprise_demand)
{
    amsize_segment s;
    amsize_chart_row r;

    seg_enterprise(&s);
    r = chart1(&s);
    ck_assert_uint_eq(r.struct_size, sizeof r);
    ck_assert_int_eq(r.support_rating, 3);
    ck_assert_int_eq(r.accounts, 200);
    ck_assert_double_eq(r.weighted_accounts, 200);
    ck_assert_double_eq(r.book, 100e6);
    ck_assert_double_eq(r.upsell, 12e6);
    ck_assert_double_eq(r.cross_sell, 8e6);
    ck_assert_double_eq(r.churn_attributed, 4e6);
    ck_assert_double_eq(r.net_ratio, 16e6);
    ck_assert_double_eq(r.net_ratio_pct, 0.16);
    ck_assert_int_eq(r.net_ratio_rating, AMSIZE_RATING_HIGH);
    ck_assert_double_eq(r.support_factor, 1);
    ck_assert_double_eq_tol(r.fte_net, 10.6666666667, TOL);    /* 32/3 */
    ck_assert_double_eq_tol(r.fte_demand, 10.6666666667, TOL); /* * 1 */
    ck_assert_double_eq(r.min_load, 3);
    ck_assert_double_eq(r.max_load, 20);
    /* max(10, min(11, 66)) = 11 = demand */
    check_counts(&r, 10, 66, 11, 11, AMSIZE_BINDING_DEMAND, 0);
    ck_assert_int_eq(r.reserved, 0);
    ck_assert_double_eq_tol(r.load_per_am, 18.1818181818, TOL); /* 200/11 */
    ck_assert_double_eq(r.cost, 2.2e6);                         /* 11*200k */
    ck_assert_double_eq_tol(r.net_per_am, 1454545.45454545, 1e-6); /* 16M/11 */
    ck_assert_double_eq_tol(r.roi, 7.27272727273, TOL);         /* 16M/2.2M */
}
END_TEST

START_TEST(test_chart_smb_service_floor)
{
    amsize_segment s;
    amsize_chart_row r;

    seg_smb(&s);
    r = chart1(&s);
    ck_assert_int_eq(r.support_rating, 4);
    ck_assert_double_eq(r.net_ratio, 0.5e6);
    ck_assert_int_eq(r.net_ratio_rating, AMSIZE_RATING_LOW);
    ck_assert_double_eq_tol(r.support_factor, 0.857142857143, TOL); /* .6/.7 */
    ck_assert_double_eq_tol(r.fte_demand, 0.428571428571, TOL);     /* .5*6/7 */
    ck_assert_double_eq(r.min_load, 4800);
    /* max(40, min(1, 4)) = 40 > demand 1: the service floor binds. */
    check_counts(&r, 40, 4, 1, 40, AMSIZE_BINDING_SERVICE_FLOOR, AMSIZE_FLAG_UNECONOMIC);
    ck_assert_double_eq(r.load_per_am, 500);    /* 20000/40 */
    ck_assert_double_eq(r.cost, 4.8e6);         /* 40*120k */
    ck_assert_double_eq(r.net_per_am, 12500);   /* 0.5M/40 */
    ck_assert_double_eq_tol(r.roi, 0.104166666667, TOL); /* 0.5M/4.8M */
}
END_TEST

START_TEST(test_chart_cost_ceiling)
{
    amsize_segment s;
    amsize_chart_row r;

    /* NR = 2M, 20% high; fte = 2M/50k = 40 -> demand 40; g = 2M/100 = 20k;
     * Lmin = 100k/20k = 5; floor = ceil(100/50) = 2; ceiling = 100/5 = 20.
     * max(2, min(40, 20)) = 20 < 40: the cost ceiling binds. */
    seg_ceiling(&s);
    r = chart1(&s);
    ck_assert_double_eq(r.net_ratio_pct, 0.2);
    ck_assert_double_eq(r.fte_net, 40);
    ck_assert_double_eq(r.fte_demand, 40);
    ck_assert_double_eq(r.min_load, 5);
    check_counts(&r, 2, 20, 40, 20, AMSIZE_BINDING_COST_CEILING, 0);
    ck_assert_double_eq(r.load_per_am, 5);      /* 100/20 */
    ck_assert_double_eq(r.cost, 2e6);           /* 20*100k */
    ck_assert_double_eq(r.net_per_am, 1e5);     /* 2M/20 */
    ck_assert_double_eq(r.roi, 1);              /* 2M/2M */

    /* m = .5: roi = .5*2M/cost, and Lmin = 100k/(.5*20k) = 10, ceiling
     * 100/10 = 10, cost 10*100k = 1M: roi = 1M/1M = 1. */
    s.gross_margin = 0.5;
    r = chart1(&s);
    check_counts(&r, 2, 10, 40, 10, AMSIZE_BINDING_COST_CEILING, 0);
    ck_assert_double_eq(r.cost, 1e6);
    ck_assert_double_eq(r.roi, 1);
}
END_TEST

START_TEST(test_chart_binding_ties)
{
    amsize_segment s;
    amsize_chart_row r;

    /* Floor == demand: Enterprise with Lmax = 18.2: floor = ceil(200/18.2
     * = 10.99) = 11 = demand 11 -> max(11, min(11, 66)) = 11: demand. */
    seg_enterprise(&s);
    s.max_load = 18.2;
    r = chart1(&s);
    check_counts(&r, 11, 66, 11, 11, AMSIZE_BINDING_DEMAND, 0);

    /* Ceiling == demand: the ceiling case with W = 80 and K = 50k:
     * g = 2M/80 = 25k, Lmin = 50k/25k = 2, ceiling = 80/2 = 40 = demand,
     * floor = ceil(80/50) = 2 -> 40: demand. */
    seg_ceiling(&s);
    s.has_weighted_accounts = 1;
    s.weighted_accounts = 80;
    s.am_cost = 50e3;
    r = chart1(&s);
    check_counts(&r, 2, 40, 40, 40, AMSIZE_BINDING_DEMAND, 0);

    /* K = 60k: Lmin = ceil(2.4) = 3, ceiling = floor(80/3 = 26.7) = 26 < 40. */
    s.am_cost = 60e3;
    r = chart1(&s);
    check_counts(&r, 2, 26, 40, 26, AMSIZE_BINDING_COST_CEILING, 0);
}
END_TEST

START_TEST(test_chart_zero_headcount_row)
{
    amsize_segment s;
    amsize_chart_row r;

    /* N = 0 with demand: NR = 1M, fte 1 -> demand 1, but W = 0 gives
     * ceiling 0 and floor 0, so headcount max(0, min(1, 0)) = 0 < demand:
     * cost ceiling. Per-AM figures are NaN, cost 0. */
    seg_set(&s, 0, 5e6, 1e6, 0, 0, 1e6, 1e5, 10);
    r = chart1(&s);
    check_counts(&r, 0, 0, 1, 0, AMSIZE_BINDING_COST_CEILING, AMSIZE_FLAG_NO_ACCOUNTS);
    ck_assert(isnan(r.min_load));
    ck_assert_double_eq(r.cost, 0);
    ck_assert(isnan(r.load_per_am));
    ck_assert(isnan(r.net_per_am));
    ck_assert(isnan(r.roi));
}
END_TEST

/* ====================================================================== */
/* Flags                                                                   */
/* ====================================================================== */

/* Each: a segment (N, W when has_w, B, U, C, g when has_g) with P = 1M,
 * K = 100k, Lmax = 100, and the flags worked out from the definitions.
 * NO_GROWTH never comes alone: g <= 0 leaves Lmin undefined, which is
 * UNECONOMIC too. */
static const struct {
    const char *what;
    int64_t n;
    int has_w;
    double w, book, up, churn;
    int has_g;
    double g;
    uint32_t flags;
} flag_cases[] = {
    /* NR = 1M, g = 1M/100 = 10k, Lmin = 10 <= 100 */
    {"none", 100, 0, 0, 10e6, 1e6, 0, 0, 0, 0},
    /* W = 0, B = 0 but N = 0, NR = 0 */
    {"NO_ACCOUNTS", 0, 0, 0, 0, 0, 0, 0, 0, AMSIZE_FLAG_NO_ACCOUNTS},
    /* B = 0 with N = 100; NR = 1M as in "none" */
    {"NO_BOOK", 100, 0, 0, 0, 1e6, 0, 0, 0, AMSIZE_FLAG_NO_BOOK},
    /* NR = -1M, given g = 10k: Lmin 10 <= 100 */
    {"NEGATIVE_NET", 100, 0, 0, 10e6, 0, 1e6, 1, 10e3, AMSIZE_FLAG_NEGATIVE_NET},
    /* g = 1k: Lmin = 100k/1k = 100 = Lmax, not above */
    {"Lmin == Lmax", 100, 0, 0, 10e6, 1e6, 0, 1, 1e3, 0},
    /* g = 990: Lmin = ceil(101.01) = 102 > 100 */
    {"UNECONOMIC", 100, 0, 0, 10e6, 1e6, 0, 1, 990, AMSIZE_FLAG_UNECONOMIC},
    /* NR = 0 -> g = 0 */
    {"NO_GROWTH|UNECONOMIC", 100, 0, 0, 10e6, 0, 0, 0, 0,
     AMSIZE_FLAG_NO_GROWTH | AMSIZE_FLAG_UNECONOMIC},
    /* NR = -1M -> g = -10k */
    {"NEGATIVE_NET|NO_GROWTH|UNECONOMIC", 100, 0, 0, 10e6, 0, 1e6, 0, 0,
     AMSIZE_FLAG_NEGATIVE_NET | AMSIZE_FLAG_NO_GROWTH | AMSIZE_FLAG_UNECONOMIC},
    /* W given as 0 with N = 5 and B = 0 */
    {"NO_ACCOUNTS|NO_BOOK", 5, 1, 0, 0, 0, 0, 0, 0,
     AMSIZE_FLAG_NO_ACCOUNTS | AMSIZE_FLAG_NO_BOOK},
    /* N = 0, NR = -1M */
    {"NO_ACCOUNTS|NEGATIVE_NET", 0, 0, 0, 1e6, 0, 1e6, 0, 0,
     AMSIZE_FLAG_NO_ACCOUNTS | AMSIZE_FLAG_NEGATIVE_NET},
    /* W = 0 given, N = 3, B = 0, NR = -1M */
    {"NO_ACCOUNTS|NO_BOOK|NEGATIVE_NET", 3, 1, 0, 0, 0, 1e6, 0, 0,
     AMSIZE_FLAG_NO_ACCOUNTS | AMSIZE_FLAG_NO_BOOK | AMSIZE_FLAG_NEGATIVE_NET},
    /* N = 10, B = 0, NR = -1M, g = -100k */
    {"all but NO_ACCOUNTS", 10, 0, 0, 0, 0, 1e6, 0, 0,
     AMSIZE_FLAG_NO_BOOK | AMSIZE_FLAG_NEGATIVE_NET | AMSIZE_FLAG_NO_GROWTH |
         AMSIZE_FLAG_UNECONOMIC},
    /* N = 0 but W = 50 given, B = 0: NO_BOOK needs N > 0; g = 1M/50 = 20k,
     * Lmin 5 */
    {"W without N", 0, 1, 50, 0, 1e6, 0, 0, 0, 0},
    /* W = 0.5 is not "no accounts"; g = 1M/0.5 = 2M, Lmin = ceil(0.05) = 1 */
    {"fractional W", 1, 1, 0.5, 10e6, 1e6, 0, 0, 0, 0},
};

START_TEST(test_flags)
{
    amsize_segment s;
    amsize_chart_row r;
    amsize_load load;
    uint32_t load_bits = AMSIZE_FLAG_NO_GROWTH | AMSIZE_FLAG_UNECONOMIC;

    seg_set(&s, flag_cases[_i].n, flag_cases[_i].book, flag_cases[_i].up, 0,
            flag_cases[_i].churn, 1e6, 100e3, 100);
    s.has_weighted_accounts = flag_cases[_i].has_w;
    s.weighted_accounts = flag_cases[_i].w;
    s.has_growth_per_account = flag_cases[_i].has_g;
    s.growth_per_account = flag_cases[_i].g;

    r = chart1(&s);
    ck_assert_msg(r.flags == flag_cases[_i].flags, "%s: flags 0x%x, want 0x%x",
                  flag_cases[_i].what, (unsigned)r.flags, (unsigned)flag_cases[_i].flags);

    /* The load method reports its own two bits. */
    ASSERT_OK(amsize_load_init(&load));
    ck_assert_int_eq(amsize_load_compute(&load, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_uint_eq(load.flags, flag_cases[_i].flags & load_bits);

    /* The scalar gives the same bits from the row's numbers. */
    ck_assert_double_eq(amsize_flags_calc((double)r.accounts, r.weighted_accounts, r.book,
                                          r.net_ratio, load.growth_per_account, r.min_load,
                                          r.max_load),
                        (double)flag_cases[_i].flags);
}
END_TEST

/* ====================================================================== */
/* Totals row                                                              */
/* ====================================================================== */

START_TEST(test_totals_three_segments)
{
    amsize_segment segs[3];
    amsize_chart_row rows[3], t;
    amsize_error err;

    three_segs(segs);
    ASSERT_OK(amsize_chart_row_init(rows, 3));
    ASSERT_OK(amsize_chart_row_init(&t, 1));
    ASSERT_OK(amsize_error_init(&err));
    ck_assert_int_eq(amsize_chart_compute(rows, 3, &t, &err, segs, 3, NULL), AMSIZE_OK);

    /* Mid-Market on its own: a*C = 3M, NR = 11M + 3M - 3M = 11M, NR% =
     * 11/90 = .122 medium, fte = 11M/1.2M = 9.17 -> 10; g = 11M/1500 =
     * 7333.3, Lmin = ceil(160k/7333.3 = 21.8) = 22, floor = ceil(7.5) = 8,
     * ceiling = floor(1500/22 = 68.2) = 68: max(8, min(10, 68)) = 10. */
    ck_assert_int_eq(rows[1].net_ratio_rating, AMSIZE_RATING_MEDIUM);
    ck_assert_double_eq(rows[1].net_ratio, 11e6);
    ck_assert_double_eq(rows[1].min_load, 22);
    check_counts(&rows[1], 8, 68, 10, 10, AMSIZE_BINDING_DEMAND, 0);

    ck_assert_uint_eq(t.struct_size, sizeof t);
    ck_assert_int_eq(t.accounts, 21700);            /* 200 + 1500 + 20000 */
    ck_assert_double_eq(t.weighted_accounts, 21700);
    ck_assert_double_eq(t.book, 230e6);             /* 100M + 90M + 40M */
    ck_assert_double_eq(t.upsell, 24.5e6);          /* 12M + 11M + 1.5M */
    ck_assert_double_eq(t.cross_sell, 11.5e6);      /* 8M + 3M + 0.5M */
    ck_assert_double_eq(t.churn_attributed, 8.5e6); /* 4M + 3M + 1.5M */
    ck_assert_double_eq(t.net_ratio, 27.5e6);       /* 16M + 11M + 0.5M */
    ck_assert_double_eq_tol(t.net_ratio_pct, 0.119565217391, TOL); /* 27.5/230 */
    /* fte_net = 32/3 + 55/6 + 1/2 = 122/6 = 20.333 */
    ck_assert_double_eq_tol(t.fte_net, 20.3333333333, TOL);
    /* fte_demand = 32/3 + 55/6 + (1/2)(6/7) = 119/6 + 3/7 = 851/42 = 20.2619 */
    ck_assert_double_eq_tol(t.fte_demand, 20.2619047619, TOL);
    ck_assert_int_eq(t.hc_floor, 58);   /* 10 + 8 + 40 */
    ck_assert_int_eq(t.hc_ceiling, 138); /* 66 + 68 + 4 */
    ck_assert_int_eq(t.hc_demand, 22);  /* 11 + 10 + 1 */
    ck_assert_int_eq(t.headcount, 61);  /* 11 + 10 + 40 */
    ck_assert_double_eq(t.cost, 8.6e6); /* 2.2M + 1.6M + 4.8M */
    ck_assert_double_eq_tol(t.load_per_am, 355.737704918, TOL); /* 21700/61 */

    /* Fields the totals row does not have. */
    ck_assert_int_eq(t.support_rating, 0);
    ck_assert_int_eq(t.net_ratio_rating, AMSIZE_RATING_NONE);
    ck_assert_int_eq(t.binding, AMSIZE_BINDING_NONE);
    ck_assert_uint_eq(t.flags, 0);
    ck_assert_int_eq(t.reserved, 0);
    ck_assert(isnan(t.support_factor));
    ck_assert(isnan(t.min_load));
    ck_assert(isnan(t.max_load));
    ck_assert(isnan(t.net_per_am));
    ck_assert(isnan(t.roi));
}
END_TEST

START_TEST(test_totals_zero_headcount)
{
    amsize_segment segs[2];
    amsize_chart_row rows[2], t;

    /* Two segments with no accounts: every headcount 0, so the total's
     * load_per_am is NaN; no book at all: NR% NaN. NR = 1M + 0 = 1M,
     * hc_demand 1 + 0 = 1 (capped to 0 by the W = 0 ceilings). */
    seg_set(&segs[0], 0, 0, 1e6, 0, 0, 1e6, 1e5, 10);
    seg_set(&segs[1], 0, 0, 0, 0, 0, 1e6, 1e5, 10);
    ASSERT_OK(amsize_chart_row_init(rows, 2));
    ASSERT_OK(amsize_chart_row_init(&t, 1));
    ck_assert_int_eq(amsize_chart_compute(rows, 2, &t, NULL, segs, 2, NULL), AMSIZE_OK);
    ck_assert_int_eq(t.headcount, 0);
    ck_assert_int_eq(t.hc_demand, 1);
    ck_assert_double_eq(t.cost, 0);
    ck_assert_double_eq(t.net_ratio, 1e6);
    ck_assert(isnan(t.net_ratio_pct));
    ck_assert(isnan(t.load_per_am));
    ck_assert(isnan(t.net_per_am));
    ck_assert(isnan(t.roi));

    /* Headcount 0 with W > 0: W = 1e-12 gives floor = ceil_eps(1e-13) = 0
     * and ceiling = floor_eps(1e-12/Lmin) = 0. load_per_am is still NaN
     * (W/0 would be infinite), on the row and on the totals. */
    segs[1].has_weighted_accounts = 1;
    segs[1].weighted_accounts = 1e-12;
    ck_assert_int_eq(amsize_chart_compute(rows, 2, &t, NULL, segs, 2, NULL), AMSIZE_OK);
    ck_assert_int_eq(rows[1].headcount, 0);
    ck_assert(isnan(rows[1].load_per_am));
    ck_assert_double_eq(t.weighted_accounts, 1e-12);
    ck_assert_int_eq(t.headcount, 0);
    ck_assert(isnan(t.load_per_am));
}
END_TEST

START_TEST(test_totals_optional)
{
    amsize_segment segs[3];
    amsize_chart_row rows[3], rows2[3], t;

    /* total NULL is allowed and gives the same rows. */
    three_segs(segs);
    ASSERT_OK(amsize_chart_row_init(rows, 3));
    ASSERT_OK(amsize_chart_row_init(rows2, 3));
    ASSERT_OK(amsize_chart_row_init(&t, 1));
    ck_assert_int_eq(amsize_chart_compute(rows, 3, NULL, NULL, segs, 3, NULL), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_compute(rows2, 3, &t, NULL, segs, 3, NULL), AMSIZE_OK);
    ck_assert_mem_eq(rows, rows2, sizeof rows);
    /* rows_len may exceed segs_len: the extra row is left alone. */
    amsize_chart_row big[4];
    ASSERT_OK(amsize_chart_row_init(big, 4));
    poison(&big[3], sizeof big[3]);
    amsize_chart_row spare = big[3];
    ck_assert_int_eq(amsize_chart_compute(big, 4, NULL, NULL, segs, 3, NULL), AMSIZE_OK);
    ck_assert_mem_eq(big, rows, sizeof rows);
    ck_assert_mem_eq(&big[3], &spare, sizeof spare);
}
END_TEST

/* ====================================================================== */
/* NULL pointers, empty input, short buffers, struct sizes                 */
/* ====================================================================== */

START_TEST(test_chart_bad_arguments)
{
    amsize_segment segs[3];
    amsize_chart_row rows[3], rows0[3], t;
    amsize_error err;

    three_segs(segs);
    ASSERT_OK(amsize_chart_row_init(rows, 3));
    poison_rows(rows, 3);
    memcpy(rows0, rows, sizeof rows);
    ASSERT_OK(amsize_chart_row_init(&t, 1));
    ASSERT_OK(amsize_error_init(&err));

    check_err(&err, amsize_chart_compute(rows, 3, &t, &err, NULL, 3, NULL), AMSIZE_E_NULL, -1,
              AMSIZE_FIELD_SEGMENTS);
    check_err(&err, amsize_chart_compute(NULL, 3, &t, &err, segs, 3, NULL), AMSIZE_E_NULL, -1,
              AMSIZE_FIELD_ROWS);
    check_err(&err, amsize_chart_compute(rows, 3, &t, &err, segs, 0, NULL), AMSIZE_E_EMPTY, -1,
              AMSIZE_FIELD_SEGMENTS);
    check_err(&err, amsize_chart_compute(rows, 2, &t, &err, segs, 3, NULL), AMSIZE_E_BUFFER,
              -1, AMSIZE_FIELD_ROWS);
    ck_assert_mem_eq(rows, rows0, sizeof rows);
    /* err NULL: the status alone reports the failure. */
    ck_assert_int_eq(amsize_chart_compute(rows, 2, NULL, NULL, segs, 3, NULL), AMSIZE_E_BUFFER);
    ck_assert_mem_eq(rows, rows0, sizeof rows);
}
END_TEST

START_TEST(test_chart_bad_struct_sizes)
{
    amsize_segment segs[3];
    amsize_chart_row rows[4], rows0[4], t, t0;
    amsize_model m;
    amsize_error err, err0;

    /* Segment 0 (the stride) and segment 1 of the array. */
    three_segs(segs);
    segs[0].struct_size = 8;
    expect_chart_error(segs, 3, NULL, AMSIZE_E_STRUCT_SIZE, 0, AMSIZE_FIELD_STRUCT_SIZE);
    three_segs(segs);
    segs[1].struct_size = (uint32_t)sizeof(amsize_segment) - 8;
    expect_chart_error(segs, 3, NULL, AMSIZE_E_STRUCT_SIZE, 1, AMSIZE_FIELD_STRUCT_SIZE);

    /* The model: no segment, index -1, and the field says which struct. */
    three_segs(segs);
    ASSERT_OK(amsize_model_init(&m));
    m.struct_size = 0;
    expect_chart_error(segs, 3, &m, AMSIZE_E_STRUCT_SIZE, -1, AMSIZE_FIELD_MODEL);
    expect_methods_error(&segs[0], &m, M_ALL, AMSIZE_E_STRUCT_SIZE, -1, AMSIZE_FIELD_MODEL);

    /* Output row 1 of 3, then row 0, then the totals row. */
    ASSERT_OK(amsize_chart_row_init(rows, 4));
    ASSERT_OK(amsize_chart_row_init(&t, 1));
    poison_rows(rows, 4);
    poison(&t, sizeof t);
    rows[1].struct_size = 0;
    expect_chart_error_into(rows, 4, &t, segs, 3, NULL, AMSIZE_E_STRUCT_SIZE, 1,
                            AMSIZE_FIELD_ROWS);
    rows[1].struct_size = (uint32_t)sizeof(amsize_chart_row);
    rows[0].struct_size = (uint32_t)sizeof(amsize_chart_row) + 8;
    expect_chart_error_into(rows, 4, &t, segs, 3, NULL, AMSIZE_E_STRUCT_SIZE, 0,
                            AMSIZE_FIELD_ROWS);
    rows[0].struct_size = (uint32_t)sizeof(amsize_chart_row);
    t.struct_size = 4;
    expect_chart_error_into(rows, 4, &t, segs, 3, NULL, AMSIZE_E_STRUCT_SIZE, -1,
                            AMSIZE_FIELD_TOTAL);

    /* The error report itself: it cannot be written, so it stays as it
     * was, and so do the outputs. */
    t.struct_size = (uint32_t)sizeof(amsize_chart_row);
    memcpy(rows0, rows, sizeof rows);
    t0 = t;
    ASSERT_OK(amsize_error_init(&err));
    err.struct_size = 16;
    err0 = err;
    ck_assert_int_eq(amsize_chart_compute(rows, 4, &t, &err, segs, 3, NULL),
                     AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(&err, &err0, sizeof err);
    ck_assert_mem_eq(rows, rows0, sizeof rows);
    ck_assert_mem_eq(&t, &t0, sizeof t);
    ck_assert_int_eq(amsize_segment_check(&err, &segs[0], 0), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(amsize_model_check(&err, &m), AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(&err, &err0, sizeof err);
}
END_TEST

/* ====================================================================== */
/* Overflow                                                                */
/* ====================================================================== */

/* One result beyond DBL_MAX or AMSIZE_HEADCOUNT_MAX, patched into the
 * Mid-Market segment (index 1 of 3); methods: which one-segment methods
 * compute the overflowing figure. */
static const struct {
    const char *what;
    seg_patch p[6];
    int32_t field;
    int methods;
} overflow_cases[] = {
    {"U + X = 1e308 + 1e308 = inf", {PD(upsell, 1e308), PD(cross_sell, 1e308)},
     AMSIZE_FIELD_NET_RATIO, M_ALL},
    {"NR% = 1e10/1e-300 = inf", {PD(upsell, 1e10), PD(book, 1e-300)}, AMSIZE_FIELD_NET_RATIO,
     M_ALL},
    {"fte_net = 1e300/1e-300 = inf", {PD(upsell, 1e300), PD(am_productivity, 1e-300)},
     AMSIZE_FIELD_FTE_NET, M_ALL},
    {"fte = 1e20/1 is finite, ceil_eps(1e20) > 2^53 AMs",
     {PD(upsell, 1e20), PD(am_productivity, 1)}, AMSIZE_FIELD_FTE_DEMAND, M_SUP},
    {"g = NR/W = 1e10/1e-310 = inf",
     {PD(upsell, 1e10), PI(has_weighted_accounts, 1), PD(weighted_accounts, 1e-310)},
     AMSIZE_FIELD_GROWTH_PER_ACCOUNT, M_LOAD},
    {"Lmin = r*K/(m*g) = 1e300/1e-300 = inf",
     {PD(am_cost, 1e300), PI(has_growth_per_account, 1), PD(growth_per_account, 1e-300)},
     AMSIZE_FIELD_MIN_LOAD, M_LOAD},
    {"floor = W/Lmax = 1e10/1e-300 = inf", {PL(accounts, 1e10), PD(max_load, 1e-300)},
     AMSIZE_FIELD_HC_FLOOR, M_LOAD},
    {"ceiling = W/Lmin = 1e17/1 > 2^53 (Lmin = K/g = 1/1e12, clamped to 1; floor 1)",
     {PI(has_weighted_accounts, 1), PD(weighted_accounts, 1e17), PD(max_load, 1e17),
      PD(am_cost, 1), PI(has_growth_per_account, 1), PD(growth_per_account, 1e12)},
     AMSIZE_FIELD_HC_CEILING, M_LOAD},
    {"cost = headcount * K = ~1e9 (W = 1e9, Lmax = 1) * 1e300 = inf",
     {PL(accounts, 1e9), PD(max_load, 1), PD(am_cost, 1e300)}, AMSIZE_FIELD_COST, 0},
};

START_TEST(test_overflow_segment)
{
    amsize_segment segs[3];

    three_segs(segs);
    for (size_t k = 0; k < 6; k++)
        apply_patch(&segs[1], overflow_cases[_i].p[k]);
    expect_chart_error(segs, 3, NULL, AMSIZE_E_OVERFLOW, 1, overflow_cases[_i].field);
    expect_methods_error(&segs[1], NULL, overflow_cases[_i].methods, AMSIZE_E_OVERFLOW, 0,
                         overflow_cases[_i].field);
}
END_TEST

START_TEST(test_overflow_totals)
{
    amsize_segment segs[3];

    /* Each floor ~4e15 (W = 4e15, Lmax = 1) fits; three sum to ~1.2e16 >
     * 2^53: the totals overflow, index -1. */
    for (int i = 0; i < 3; i++)
        seg_set(&segs[i], 4000000000000000, 0, 0, 0, 0, 1, 1, 1);
    expect_chart_error(segs, 3, NULL, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_HC_FLOOR);

    /* Two segments of INT64_MAX accounts: the account total overflows. */
    seg_set(&segs[0], INT64_MAX, 0, 0, 0, 0, 1, 1, 1e6);
    seg_set(&segs[1], INT64_MAX, 0, 0, 0, 0, 1, 1, 1e6);
    expect_chart_error(segs, 2, NULL, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_ACCOUNTS);

    /* Each book 1e308 is finite; their sum 2e308 is not. */
    seg_set(&segs[0], 10, 1e308, 0, 0, 0, 1, 1, 10);
    seg_set(&segs[1], 10, 1e308, 0, 0, 0, 1, 1, 10);
    expect_chart_error(segs, 2, NULL, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_BOOK);

    /* No accounts (floor = ceiling = headcount = 0) but NR 1e15 at P 0.2:
     * hc_demand 5e15 each fits under 2^53 ~ 9.007e15; two sum to 1e16. The
     * totals row names hc_demand, not an input. */
    seg_set(&segs[0], 0, 1e16, 1e15, 0, 0, 0.2, 1, 10);
    seg_set(&segs[1], 0, 1e16, 1e15, 0, 0, 0.2, 1, 10);
    expect_chart_error(segs, 2, NULL, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_HC_DEMAND);
}
END_TEST

/* ====================================================================== */
/* The default model                                                       */
/* ====================================================================== */

START_TEST(test_defaults_model_null)
{
    amsize_segment segs[3];
    amsize_model m;
    amsize_chart_row a[3], b[3], ta, tb;
    amsize_netratio nra, nrb;
    amsize_support sa, sb;
    amsize_load la, lb;

    three_segs(segs);
    ASSERT_OK(amsize_model_init(&m));
    ASSERT_OK(amsize_chart_row_init(a, 3));
    ASSERT_OK(amsize_chart_row_init(b, 3));
    ASSERT_OK(amsize_chart_row_init(&ta, 1));
    ASSERT_OK(amsize_chart_row_init(&tb, 1));
    ck_assert_int_eq(amsize_chart_compute(a, 3, &ta, NULL, segs, 3, NULL), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_compute(b, 3, &tb, NULL, segs, 3, &m), AMSIZE_OK);
    ck_assert_mem_eq(a, b, sizeof a);
    ck_assert_mem_eq(&ta, &tb, sizeof ta);

    ASSERT_OK(amsize_netratio_init(&nra));
    ASSERT_OK(amsize_netratio_init(&nrb));
    ASSERT_OK(amsize_support_init(&sa));
    ASSERT_OK(amsize_support_init(&sb));
    ASSERT_OK(amsize_load_init(&la));
    ASSERT_OK(amsize_load_init(&lb));
    ck_assert_int_eq(amsize_netratio_compute(&nra, NULL, &segs[2], NULL), AMSIZE_OK);
    ck_assert_int_eq(amsize_netratio_compute(&nrb, NULL, &segs[2], &m), AMSIZE_OK);
    ck_assert_int_eq(amsize_support_compute(&sa, NULL, &segs[2], NULL), AMSIZE_OK);
    ck_assert_int_eq(amsize_support_compute(&sb, NULL, &segs[2], &m), AMSIZE_OK);
    ck_assert_int_eq(amsize_load_compute(&la, NULL, &segs[2], NULL), AMSIZE_OK);
    ck_assert_int_eq(amsize_load_compute(&lb, NULL, &segs[2], &m), AMSIZE_OK);
    ck_assert_mem_eq(&nra, &nrb, sizeof nra);
    ck_assert_mem_eq(&sa, &sb, sizeof sa);
    ck_assert_mem_eq(&la, &lb, sizeof la);
}
END_TEST

/* ====================================================================== */
/* Reentrancy                                                              */
/* ====================================================================== */

START_TEST(test_reentrant_repeat)
{
    amsize_segment segs[3], segs0[3];
    amsize_chart_row a[3], b[3], ta, tb;

    three_segs(segs);
    memcpy(segs0, segs, sizeof segs);
    ASSERT_OK(amsize_chart_row_init(a, 3));
    ASSERT_OK(amsize_chart_row_init(b, 3));
    ASSERT_OK(amsize_chart_row_init(&ta, 1));
    ASSERT_OK(amsize_chart_row_init(&tb, 1));
    poison_rows(b, 3);
    ck_assert_int_eq(amsize_chart_compute(a, 3, &ta, NULL, segs, 3, NULL), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_compute(b, 3, &tb, NULL, segs, 3, NULL), AMSIZE_OK);
    ck_assert_mem_eq(a, b, sizeof a);
    ck_assert_mem_eq(&ta, &tb, sizeof ta);
    /* The inputs are read only. */
    ck_assert_mem_eq(segs, segs0, sizeof segs);
    /* Writing over a previous result gives the same bits again. */
    ck_assert_int_eq(amsize_chart_compute(a, 3, &ta, NULL, segs, 3, NULL), AMSIZE_OK);
    ck_assert_mem_eq(a, b, sizeof a);
}
END_TEST

/* ====================================================================== */
/* Suite                                                                   */
/* ====================================================================== */

static Suite *chart_suite(void)
{
    Suite *s = suite_create("chart");
    TCase *tc;

    tc = add_tcase(s, "chart");
    tcase_add_test(tc, test_chart_enterprise_demand);
    tcase_add_test(tc, test_chart_smb_service_floor);
    tcase_add_test(tc, test_chart_cost_ceiling);
    tcase_add_test(tc, test_chart_binding_ties);
    tcase_add_test(tc, test_chart_zero_headcount_row);

    tc = add_tcase(s, "flags");
    tcase_add_loop_test(tc, test_flags, 0, N_OF(flag_cases));

    tc = add_tcase(s, "totals");
    tcase_add_test(tc, test_totals_three_segments);
    tcase_add_test(tc, test_totals_zero_headcount);
    tcase_add_test(tc, test_totals_optional);

    tc = add_tcase(s, "invalid_arguments");
    tcase_add_test(tc, test_chart_bad_arguments);
    tcase_add_test(tc, test_chart_bad_struct_sizes);

    tc = add_tcase(s, "overflow");
    tcase_add_loop_test(tc, test_overflow_segment, 0, N_OF(overflow_cases));
    tcase_add_test(tc, test_overflow_totals);

    tc = add_tcase(s, "defaults");
    tcase_add_test(tc, test_defaults_model_null);

    tc = add_tcase(s, "reentrancy");
    tcase_add_test(tc, test_reentrant_repeat);
    return s;
}

int main(void)
{
    return run_suite(chart_suite());
}
