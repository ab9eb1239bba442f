/* Unit tests for the three sizing methods, the chart, the pilot comparison,
 * the scalar functions and the small helpers around them.
 *
 * Every expected value is worked out by hand from the method's formulas and
 * written as a literal with the arithmetic beside it; none is copied from
 * the library's output. Exact comparisons are used wherever the value is
 * exact in binary; a tolerance (TOL) only where the true value has no exact
 * double (32/3, 6/7, ...) or where the division itself rounds (0.6/0.4).
 *
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
/* Rounding: ceil_eps / floor_eps                                          */
/* ====================================================================== */

START_TEST(test_round_exact_integers)
{
    /* The method's worked example: 30,000,000 / 1,500,000 = 20 AMs, not 21. */
    ck_assert_double_eq(amsize_ceil_eps_calc(30e6 / 1.5e6), 20);
    ck_assert_double_eq(amsize_hc_demand_calc(30e6 / 1.5e6), 20);
    ck_assert_double_eq(amsize_ceil_eps_calc(0), 0);
    ck_assert_double_eq(amsize_floor_eps_calc(0), 0);
    ck_assert_double_eq(amsize_ceil_eps_calc(7), 7);
    ck_assert_double_eq(amsize_floor_eps_calc(7), 7);
}
END_TEST

START_TEST(test_round_float_noise)
{
    /* (0.1+0.2)*10 = 3.0000000000000004 in binary: plain ceil gives 4. */
    ck_assert_double_eq(ceil((0.1 + 0.2) * 10), 4);
    ck_assert_double_eq(amsize_ceil_eps_calc((0.1 + 0.2) * 10), 3);
    /* (0.1+0.2)/0.1 = 3.0000000000000004 as well. */
    ck_assert_double_eq(amsize_ceil_eps_calc((0.1 + 0.2) / 0.1), 3);
    ck_assert_double_eq(amsize_hc_demand_calc((0.1 + 0.2) / 0.1), 3);
    /* 0.29/0.01 = 28.999999999999996: plain floor gives 28. */
    ck_assert_double_eq(floor(0.29 / 0.01), 28);
    ck_assert_double_eq(amsize_floor_eps_calc(0.29 / 0.01), 29);
    /* 65.9999999999 is 1e-10 below 66, inside 1e-9*66 = 6.6e-8. */
    ck_assert_double_eq(amsize_floor_eps_calc(65.9999999999), 66);
    ck_assert_double_eq(amsize_hc_ceiling_calc(197.9999999997, 3), 66); /* /3 = 65.9999999999 */
}
END_TEST

START_TEST(test_round_real_fractions)
{
    /* 20.001 is 1e-3 above 20, far outside 1e-9*20: a real fraction. */
    ck_assert_double_eq(amsize_ceil_eps_calc(20.001), 21);
    ck_assert_double_eq(amsize_ceil_eps_calc(30.0015e6 / 1.5e6), 21); /* = 20.001 */
    ck_assert_double_eq(amsize_floor_eps_calc(20.999), 20);
    ck_assert_double_eq(amsize_ceil_eps_calc(2.5), 3);
    ck_assert_double_eq(amsize_floor_eps_calc(2.5), 2);
    /* Just outside the tolerance: 20 + 1e-7 > 20 + 2e-8 rounds up. */
    ck_assert_double_eq(amsize_ceil_eps_calc(20.0000001), 21);
    /* Just inside: 20 + 1e-8 < 20 + 2e-8 stays at 20. */
    ck_assert_double_eq(amsize_ceil_eps_calc(20.00000001), 20);
}
END_TEST

START_TEST(test_round_negative)
{
    /* ceil(-1.5 - 1.5e-9) = -1; floor(-1.5 + 1.5e-9) = -2. */
    ck_assert_double_eq(amsize_ceil_eps_calc(-1.5), -1);
    ck_assert_double_eq(amsize_floor_eps_calc(-1.5), -2);
    /* ceil(-2 - 2e-9) = -2; floor(-2 + 2e-9) = -2. */
    ck_assert_double_eq(amsize_ceil_eps_calc(-2), -2);
    ck_assert_double_eq(amsize_floor_eps_calc(-2), -2);
    /* -2.0000000001 + 2e-9 = -1.9999999981: floor_eps snaps to -2. */
    ck_assert_double_eq(amsize_floor_eps_calc(-2.0000000001), -2);
    /* -1.9999999999 - 2e-9 = -2.0000000019: ceil_eps snaps to -2. */
    ck_assert_double_eq(amsize_ceil_eps_calc(-1.9999999999), -2);
}
END_TEST

START_TEST(test_round_huge)
{
    /* The tolerance is relative: at 1e20 it is 1e-9*1e20 = 1e11, so the
     * documented formula moves the result by a whole 1e11. 1e20, 1e11 and
     * 1e-9*1e20 (rounds to 1e11) are exact, and 1e20 -/+ 1e11 are the
     * doubles of the literals below. */
    ck_assert_double_eq(amsize_ceil_eps_calc(1e20), 99999999900000000000.0);
    ck_assert_double_eq(amsize_floor_eps_calc(1e20), 100000000100000000000.0);
    /* Near DBL_MAX the step stays finite: 1e300*(1 -/+ 1e-9). The
     * literal is the nearest double to the exact result, which the
     * library's two rounded operations may miss by an ulp (~1e284). */
    ck_assert_double_eq_tol(amsize_ceil_eps_calc(1e300), 9.99999999e299, 1e285);
    ck_assert_double_eq_tol(amsize_floor_eps_calc(1e300), 1.000000001e300, 1e285);
    ck_assert(isfinite(amsize_ceil_eps_calc(DBL_MAX)));
    ck_assert(isfinite(amsize_floor_eps_calc(-DBL_MAX)));
}
END_TEST

START_TEST(test_round_small_magnitude)
{
    /* For |x| < 1 the tolerance is 1e-9*max(1,|x|) = 1e-9, not 1e-9*|x|:
     * ceil(5e-10 - 1e-9) = ceil(-5e-10) = 0 (with 1e-9*|x| it would be 1). */
    ck_assert_double_eq(amsize_ceil_eps_calc(5e-10), 0);
    ck_assert_double_eq(amsize_ceil_eps_calc(1e-10), 0);
    /* floor(-5e-10 + 1e-9) = floor(5e-10) = 0 (with 1e-9*|x| it would be -1). */
    ck_assert_double_eq(amsize_floor_eps_calc(-5e-10), 0);
    /* 2e-9 is above the 1e-9 tolerance: ceil(1e-9) = 1. */
    ck_assert_double_eq(amsize_ceil_eps_calc(2e-9), 1);
    ck_assert_double_eq(amsize_ceil_eps_calc(0.5), 1);
    ck_assert_double_eq(amsize_floor_eps_calc(0.5), 0);
    /* 0.9999999995 + 1e-9 = 1.0000000005: floor_eps gives 1. */
    ck_assert_double_eq(amsize_floor_eps_calc(0.9999999995), 1);
}
END_TEST

START_TEST(test_round_not_finite)
{
    ck_assert(isnan(amsize_ceil_eps_calc(NAN)));
    ck_assert(isnan(amsize_ceil_eps_calc(INFINITY)));
    ck_assert(isnan(amsize_ceil_eps_calc(-INFINITY)));
    ck_assert(isnan(amsize_floor_eps_calc(NAN)));
    ck_assert(isnan(amsize_floor_eps_calc(INFINITY)));
    ck_assert(isnan(amsize_floor_eps_calc(-INFINITY)));
}
END_TEST

START_TEST(test_round_through_structs)
{
    amsize_segment s;
    amsize_support sup;
    amsize_load load;
    amsize_error err;

    /* Worked example: NR = 30M, P = 1.5M -> fte 20 -> 20 AMs. */
    seg_set(&s, 100, 300e6, 30e6, 0, 0, 1.5e6, 100e3, 50);
    ASSERT_OK(amsize_support_init(&sup));
    ASSERT_OK(amsize_error_init(&err));
    ck_assert_int_eq(amsize_support_compute(&sup, &err, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(sup.fte_demand, 20);
    ck_assert_int_eq(sup.hc_demand, 20);

    /* The same in millions with noise: 22.6 + 7.6 - 0.2 = 30.000000000000004
     * in binary, /1.5 = 20.000000000000004; plain ceil would hire 21. */
    seg_set(&s, 100, 300, 22.6, 7.6, 0.2, 1.5, 0.1, 50);
    ck_assert_double_eq(ceil(((22.6 + 7.6) - 0.2) / 1.5), 21);
    ck_assert_int_eq(amsize_support_compute(&sup, &err, &s, NULL), AMSIZE_OK);
    ck_assert_int_eq(sup.hc_demand, 20);
    ck_assert_int_eq(chart1(&s).hc_demand, 20);

    /* NR = 0.1 + 0.2 = 0.30000000000000004, P = 0.1: fte 3.0000000000000004 -> 3. */
    seg_set(&s, 100, 10, 0.1, 0.2, 0, 0.1, 100e3, 50);
    ck_assert_int_eq(amsize_support_compute(&sup, &err, &s, NULL), AMSIZE_OK);
    ck_assert_int_eq(sup.hc_demand, 3);

    /* NR = 30.0015M, P = 1.5M: fte 20.001 -> 21. */
    seg_set(&s, 100, 300e6, 30.0015e6, 0, 0, 1.5e6, 100e3, 50);
    ck_assert_int_eq(amsize_support_compute(&sup, &err, &s, NULL), AMSIZE_OK);
    ck_assert_int_eq(sup.hc_demand, 21);

    /* W = 0.1+0.2 = 0.30000000000000004, Lmax = 0.1: W/Lmax just above 3 -> floor 3.
     * W = 197.9999999997, Lmin = 3 (K = 300k, g = 100k): W/Lmin = 65.9999999999
     * -> ceiling 66. */
    seg_set(&s, 100, 10e6, 1e6, 0, 0, 1e6, 300e3, 0.1);
    s.has_weighted_accounts = 1;
    s.weighted_accounts = 0.1 + 0.2;
    ASSERT_OK(amsize_load_init(&load));
    ck_assert_int_eq(amsize_load_compute(&load, &err, &s, NULL), AMSIZE_OK);
    ck_assert_int_eq(load.hc_floor, 3);
    s.weighted_accounts = 197.9999999997;
    s.max_load = 100;
    s.has_growth_per_account = 1;
    s.growth_per_account = 100e3;
    ck_assert_int_eq(amsize_load_compute(&load, &err, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(load.min_load, 3); /* 300k/100k = 3 exactly */
    ck_assert_int_eq(load.hc_ceiling, 66);
}
END_TEST

/* ====================================================================== */
/* Method 1: Net Ratio                                                     */
/* ====================================================================== */

START_TEST(test_netratio_enterprise)
{
    amsize_segment s;
    amsize_netratio nr;
    amsize_error err;

    seg_enterprise(&s);
    ck_assert_int_eq(amsize_netratio_init(&nr), AMSIZE_OK);
    ck_assert_int_eq(amsize_error_init(&err), AMSIZE_OK);
    ck_assert_int_eq(amsize_netratio_compute(&nr, &err, &s, NULL), AMSIZE_OK);
    ck_assert_uint_eq(nr.struct_size, sizeof nr);
    ck_assert_int_eq(err.status, AMSIZE_OK);
    ck_assert_int_eq(err.index, -1);
    ck_assert_int_eq(err.field, AMSIZE_FIELD_NONE);
    ck_assert_double_eq(nr.churn_attributed, 4e6); /* 1 * 4M */
    ck_assert_double_eq(nr.net_ratio, 16e6);       /* 12M + 8M - 4M */
    ck_assert_double_eq(nr.net_ratio_pct, 0.16);   /* 16M/100M */
    ck_assert_int_eq(nr.rating, AMSIZE_RATING_HIGH);         /* .16 >= .15 */
    ck_assert_double_eq_tol(nr.fte_net, 10.6666666667, TOL); /* 16M/1.5M = 32/3 */
    ck_assert_double_eq(nr.reserved, 0);
}
END_TEST

START_TEST(test_netratio_attribution)
{
    amsize_segment s;
    amsize_netratio nr;

    /* SMB: a*C = 0.5*3M = 1.5M; NR = 1.5M + 0.5M - 1.5M = 0.5M;
     * NR% = 0.5M/40M = 0.0125 < 0.05: low; fte = 0.5M/1M = 0.5. */
    seg_smb(&s);
    ASSERT_OK(amsize_netratio_init(&nr));
    ck_assert_int_eq(amsize_netratio_compute(&nr, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(nr.churn_attributed, 1.5e6);
    ck_assert_double_eq(nr.net_ratio, 0.5e6);
    ck_assert_double_eq(nr.net_ratio_pct, 0.0125);
    ck_assert_int_eq(nr.rating, AMSIZE_RATING_LOW);
    ck_assert_double_eq(nr.fte_net, 0.5);

    /* a = 0: churn is not the AMs'; NR = 12M + 8M = 20M, 20% high. */
    seg_enterprise(&s);
    s.churn_attribution = 0;
    ck_assert_int_eq(amsize_netratio_compute(&nr, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(nr.churn_attributed, 0);
    ck_assert_double_eq(nr.net_ratio, 20e6);
    ck_assert_double_eq(nr.net_ratio_pct, 0.2);

    /* Negative NR: U = 1M, C = 3M -> NR = -2M, NR% = -2M/8M = -0.25 (low),
     * fte_net = max(-2M, 0)/P = 0. */
    seg_set(&s, 10, 8e6, 1e6, 0, 3e6, 1e6, 1e5, 10);
    ck_assert_int_eq(amsize_netratio_compute(&nr, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(nr.net_ratio, -2e6);
    ck_assert_double_eq(nr.net_ratio_pct, -0.25);
    ck_assert_int_eq(nr.rating, AMSIZE_RATING_LOW);
    ck_assert_double_eq(nr.fte_net, 0);
}
END_TEST

/* Ratings at, just below and far from each threshold. NR% = NR/100M, and
 * x/100M is correctly rounded, so 15M/100M == 0.15 and 5M/100M == 0.05. */
static const struct {
    double nr;
    int32_t rating;
} rating_cases[] = {
    {30e6, AMSIZE_RATING_HIGH},        /* .30 */
    {15e6, AMSIZE_RATING_HIGH},        /* .15: exactly at high */
    {14999999, AMSIZE_RATING_MEDIUM},  /* .14999999 */
    {5e6, AMSIZE_RATING_MEDIUM},       /* .05: exactly at medium */
    {4999999, AMSIZE_RATING_LOW},      /* .04999999 */
    {0, AMSIZE_RATING_LOW},            /* 0 */
};

START_TEST(test_netratio_rating_thresholds)
{
    amsize_segment s;
    amsize_netratio nr;

    seg_set(&s, 10, 100e6, rating_cases[_i].nr, 0, 0, 1e6, 1e5, 10);
    ASSERT_OK(amsize_netratio_init(&nr));
    ck_assert_int_eq(amsize_netratio_compute(&nr, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_int_eq(nr.rating, rating_cases[_i].rating);
    ck_assert_double_eq(amsize_net_ratio_rating_calc(rating_cases[_i].nr / 100e6, 0.15, 0.05),
                        rating_cases[_i].rating);
    ck_assert_int_eq(chart1(&s).net_ratio_rating, rating_cases[_i].rating);
}
END_TEST

START_TEST(test_netratio_rating_undefined_pct)
{
    amsize_segment s;
    amsize_netratio nr;

    /* B = 0: NR% is undefined (NaN) and rates low, even with a large NR. */
    seg_set(&s, 10, 0, 50e6, 0, 0, 1e6, 1e5, 10);
    ASSERT_OK(amsize_netratio_init(&nr));
    ck_assert_int_eq(amsize_netratio_compute(&nr, NULL, &s, NULL), AMSIZE_OK);
    ck_assert(isnan(nr.net_ratio_pct));
    ck_assert_int_eq(nr.rating, AMSIZE_RATING_LOW);
    ck_assert_double_eq(nr.fte_net, 50); /* 50M/1M */
    ck_assert_double_eq(amsize_net_ratio_rating_calc(NAN, 0.15, 0.05), AMSIZE_RATING_LOW);
}
END_TEST

START_TEST(test_netratio_custom_thresholds)
{
    amsize_segment s;
    amsize_model m;
    amsize_netratio nr;

    /* Enterprise NR% .16 with high .20, medium .16: medium (at the edge). */
    seg_enterprise(&s);
    ck_assert_int_eq(amsize_model_init(&m), AMSIZE_OK);
    m.rating_high = 0.2;
    m.rating_medium = 0.16;
    ASSERT_OK(amsize_netratio_init(&nr));
    ck_assert_int_eq(amsize_netratio_compute(&nr, NULL, &s, &m), AMSIZE_OK);
    ck_assert_int_eq(nr.rating, AMSIZE_RATING_MEDIUM);
    /* high == medium is allowed (high >= medium): .16 >= .16 is high. */
    m.rating_high = 0.16;
    ck_assert_int_eq(amsize_netratio_compute(&nr, NULL, &s, &m), AMSIZE_OK);
    ck_assert_int_eq(nr.rating, AMSIZE_RATING_HIGH);
    ck_assert_double_eq(amsize_net_ratio_rating_calc(0.16, 0.16, 0.16), AMSIZE_RATING_HIGH);
    /* Negative thresholds are finite and allowed: -0.25 >= -0.3 is medium. */
    ck_assert_double_eq(amsize_net_ratio_rating_calc(-0.25, -0.1, -0.3), AMSIZE_RATING_MEDIUM);
}
END_TEST

START_TEST(test_netratio_scalars)
{
    ck_assert_double_eq(amsize_churn_attributed_calc(4e6, 1), 4e6);
    ck_assert_double_eq(amsize_churn_attributed_calc(3e6, 0.5), 1.5e6);
    ck_assert_double_eq(amsize_churn_attributed_calc(3e6, 0), 0);
    ck_assert_double_eq(amsize_net_ratio_calc(12e6, 8e6, 4e6, 1), 16e6);
    ck_assert_double_eq(amsize_net_ratio_calc(1.5e6, 0.5e6, 3e6, 0.5), 0.5e6);
    ck_assert_double_eq(amsize_net_ratio_calc(1e6, 0, 3e6, 1), -2e6);
    ck_assert_double_eq(amsize_net_ratio_pct_calc(16e6, 100e6), 0.16);
    ck_assert_double_eq(amsize_net_ratio_pct_calc(-2e6, 8e6), -0.25);
    ck_assert_double_eq(amsize_net_ratio_rating_calc(0.16, 0.15, 0.05), AMSIZE_RATING_HIGH);
    ck_assert_double_eq(amsize_net_ratio_rating_calc(0.1, 0.15, 0.05), AMSIZE_RATING_MEDIUM);
    ck_assert_double_eq(amsize_net_ratio_rating_calc(0.0125, 0.15, 0.05), AMSIZE_RATING_LOW);
    ck_assert_double_eq(amsize_fte_net_calc(30e6, 1.5e6), 20);
    ck_assert_double_eq_tol(amsize_fte_net_calc(16e6, 1.5e6), 10.6666666667, TOL); /* 32/3 */
    ck_assert_double_eq(amsize_fte_net_calc(-2e6, 1e6), 0); /* max(NR,0)/P */
}
END_TEST

START_TEST(test_netratio_scalars_invalid)
{
    const double bad[] = {
        amsize_churn_attributed_calc(NAN, 1),
        amsize_churn_attributed_calc(INFINITY, 1),
        amsize_churn_attributed_calc(-1, 1),
        amsize_churn_attributed_calc(1, -0.1),
        amsize_churn_attributed_calc(1, 1.1),
        amsize_churn_attributed_calc(1, NAN),
        amsize_net_ratio_calc(NAN, 0, 0, 1),
        amsize_net_ratio_calc(-1, 0, 0, 1),
        amsize_net_ratio_calc(0, INFINITY, 0, 1),
        amsize_net_ratio_calc(0, -1, 0, 1),
        amsize_net_ratio_calc(0, 0, -INFINITY, 1),
        amsize_net_ratio_calc(0, 0, -1, 1),
        amsize_net_ratio_calc(0, 0, 1, 2),
        amsize_net_ratio_calc(0, 0, 1, -1),
        amsize_net_ratio_calc(1e308, 1e308, 0, 1), /* overflow: 2e308 */
        amsize_net_ratio_pct_calc(1, 0),           /* undefined: no book */
        amsize_net_ratio_pct_calc(1, -1),
        amsize_net_ratio_pct_calc(NAN, 1),
        amsize_net_ratio_pct_calc(INFINITY, 1),
        amsize_net_ratio_pct_calc(1, INFINITY),
        amsize_net_ratio_pct_calc(1e300, 1e-300), /* overflow */
        amsize_net_ratio_rating_calc(0.1, NAN, 0.05),
        amsize_net_ratio_rating_calc(0.1, 0.15, INFINITY),
        amsize_net_ratio_rating_calc(0.1, 0.05, 0.15), /* high < medium */
        amsize_net_ratio_rating_calc(INFINITY, 0.15, 0.05),
        amsize_net_ratio_rating_calc(-INFINITY, 0.15, 0.05),
        amsize_fte_net_calc(1, 0),
        amsize_fte_net_calc(1, -1),
        amsize_fte_net_calc(1, NAN),
        amsize_fte_net_calc(1, INFINITY),
        amsize_fte_net_calc(NAN, 1),
        amsize_fte_net_calc(-INFINITY, 1),
        amsize_fte_net_calc(1e300, 1e-300), /* overflow */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(isnan(bad[i]), "case %zu gave %g, want NaN", i, bad[i]);
}
END_TEST

/* ====================================================================== */
/* Method 3: Support Infrastructure                                        */
/* ====================================================================== */

/* f = T[3]/T[s] with T = {.4,.5,.6,.7,.8}; NR = 15M, P = 1.5M: fte_net 10.
 * The quotients are rounded in binary (0.6/0.4 is 1.4999999999999998), so
 * f and fte_demand are compared with TOL; hc_demand is exact. */
static const struct {
    double factor, fte, hc;
} support_cases[5] = {
    {1.5, 15, 15},                     /* s=1: .6/.4; 10*f = 14.999999999999998: 15 */
    {1.2, 12, 12},                     /* s=2: .6/.5 */
    {1.0, 10, 10},                     /* s=3: the reference */
    {0.857142857143, 8.57142857143, 9}, /* s=4: .6/.7 = 6/7 */
    {0.75, 7.5, 8},                    /* s=5: .6/.8 */
};

START_TEST(test_support_each_rating)
{
    amsize_segment s;
    amsize_support sup;
    amsize_error err;
    int32_t rating = (int32_t)_i + 1;

    seg_set(&s, 100, 100e6, 15e6, 0, 0, 1.5e6, 1e5, 50);
    s.support_rating = rating;
    ASSERT_OK(amsize_support_init(&sup));
    ASSERT_OK(amsize_error_init(&err));
    ck_assert_int_eq(amsize_support_compute(&sup, &err, &s, NULL), AMSIZE_OK);
    ck_assert_uint_eq(sup.struct_size, sizeof sup);
    ck_assert_int_eq(sup.support_rating, rating);
    ck_assert_double_eq_tol(sup.support_factor, support_cases[_i].factor, TOL);
    ck_assert_double_eq_tol(sup.fte_demand, support_cases[_i].fte, TOL);
    ck_assert_int_eq(sup.hc_demand, (int64_t)support_cases[_i].hc);
    ck_assert_double_eq(sup.reserved, 0);

    ck_assert_double_eq_tol(amsize_support_factor_calc(rating, 0.4, 0.5, 0.6, 0.7, 0.8),
                            support_cases[_i].factor, TOL);
    ck_assert_double_eq_tol(amsize_fte_demand_calc(10, support_cases[_i].factor),
                            support_cases[_i].fte, TOL);
    ck_assert_double_eq(amsize_hc_demand_calc(amsize_fte_demand_calc(
                            10, amsize_support_factor_calc(rating, 0.4, 0.5, 0.6, 0.7, 0.8))),
                        support_cases[_i].hc);
}
END_TEST

START_TEST(test_support_reference_exact)
{
    /* At the reference rating f = T[3]/T[3] = 1 exactly. */
    ck_assert_double_eq(amsize_support_factor_calc(3, 0.4, 0.5, 0.6, 0.7, 0.8), 1);
    /* Exact binary table {.25,.5,.5,.75,1}: f = .5/.25 = 2, .5/.5 = 1,
     * .5/.5 = 1, .5/.75 = 2/3, .5/1 = .5. */
    ck_assert_double_eq(amsize_support_factor_calc(1, 0.25, 0.5, 0.5, 0.75, 1), 2);
    ck_assert_double_eq(amsize_support_factor_calc(2, 0.25, 0.5, 0.5, 0.75, 1), 1);
    ck_assert_double_eq(amsize_support_factor_calc(5, 0.25, 0.5, 0.5, 0.75, 1), 0.5);
    ck_assert_double_eq_tol(amsize_support_factor_calc(4, 0.25, 0.5, 0.5, 0.75, 1),
                            0.666666666667, TOL);
    ck_assert_double_eq(amsize_fte_demand_calc(10, 1.5), 15);
    ck_assert_double_eq(amsize_hc_demand_calc(15), 15);
    ck_assert_double_eq(amsize_hc_demand_calc(7.5), 8);
}
END_TEST

START_TEST(test_support_custom_model)
{
    amsize_segment s;
    amsize_model m;
    amsize_support sup;

    /* Table {.25,.5,.5,.75,1}; s = 1: f = .5/.25 = 2; Enterprise fte_net
     * 32/3 -> fte_demand 64/3 = 21.33 -> 22. */
    seg_enterprise(&s);
    s.support_rating = 1;
    ASSERT_OK(amsize_model_init(&m));
    m.selling_time[0] = 0.25;
    m.selling_time[1] = 0.5;
    m.selling_time[2] = 0.5;
    m.selling_time[3] = 0.75;
    m.selling_time[4] = 1.0;
    ASSERT_OK(amsize_support_init(&sup));
    ck_assert_int_eq(amsize_support_compute(&sup, NULL, &s, &m), AMSIZE_OK);
    ck_assert_double_eq(sup.support_factor, 2);
    ck_assert_double_eq_tol(sup.fte_demand, 21.3333333333, TOL);
    ck_assert_int_eq(sup.hc_demand, 22);
}
END_TEST

START_TEST(test_support_scalars_invalid)
{
    const double bad[] = {
        amsize_support_factor_calc(0, 0.4, 0.5, 0.6, 0.7, 0.8),
        amsize_support_factor_calc(6, 0.4, 0.5, 0.6, 0.7, 0.8),
        amsize_support_factor_calc(-1, 0.4, 0.5, 0.6, 0.7, 0.8),
        amsize_support_factor_calc(3, 0, 0.5, 0.6, 0.7, 0.8),    /* entry 0 */
        amsize_support_factor_calc(3, 0.4, 0.5, 0.6, 0.7, 1.2),  /* entry > 1 */
        amsize_support_factor_calc(3, 0.4, NAN, 0.6, 0.7, 0.8),  /* NaN */
        amsize_support_factor_calc(3, 0.4, 0.5, INFINITY, 0.7, 0.8),
        amsize_support_factor_calc(3, -0.4, 0.5, 0.6, 0.7, 0.8),
        amsize_support_factor_calc(3, 0.4, 0.5, 0.6, 0.55, 0.8), /* decreasing */
        amsize_fte_demand_calc(-1, 1),
        amsize_fte_demand_calc(NAN, 1),
        amsize_fte_demand_calc(INFINITY, 1),
        amsize_fte_demand_calc(1, 0),
        amsize_fte_demand_calc(1, -1),
        amsize_fte_demand_calc(1, NAN),
        amsize_fte_demand_calc(1e300, 1e10), /* overflow */
        amsize_hc_demand_calc(-1),
        amsize_hc_demand_calc(NAN),
        amsize_hc_demand_calc(INFINITY),
        amsize_hc_demand_calc(1e16), /* ceil_eps(1e16) = 1e16 - 1e7 > 2^53 */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(isnan(bad[i]), "case %zu gave %g, want NaN", i, bad[i]);
}
END_TEST

/* ====================================================================== */
/* Method 2: account load                                                  */
/* ====================================================================== */

START_TEST(test_load_enterprise)
{
    amsize_segment s;
    amsize_load load;
    amsize_error err;

    /* g = 16M/200 = 80k; Lmin = ceil(200k/80k = 2.5) = 3;
     * floor = ceil(200/20) = 10; ceiling = floor(200/3 = 66.7) = 66. */
    seg_enterprise(&s);
    ASSERT_OK(amsize_load_init(&load));
    ASSERT_OK(amsize_error_init(&err));
    ck_assert_int_eq(amsize_load_compute(&load, &err, &s, NULL), AMSIZE_OK);
    ck_assert_uint_eq(load.struct_size, sizeof load);
    ck_assert_double_eq(load.growth_per_account, 80e3);
    ck_assert_double_eq(load.min_load, 3);
    ck_assert_double_eq(load.max_load, 20);
    ck_assert_int_eq(load.hc_floor, 10);
    ck_assert_int_eq(load.hc_ceiling, 66);
    ck_assert_uint_eq(load.flags, 0);
    ck_assert_double_eq(load.reserved, 0);
}
END_TEST

START_TEST(test_load_smb)
{
    amsize_segment s;
    amsize_load load;

    /* g = 0.5M/20000 = 25; Lmin = 120k/25 = 4800 > Lmax 500: UNECONOMIC;
     * floor = ceil(20000/500) = 40; ceiling = floor(20000/4800 = 4.17) = 4. */
    seg_smb(&s);
    ASSERT_OK(amsize_load_init(&load));
    ck_assert_int_eq(amsize_load_compute(&load, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(load.growth_per_account, 25);
    ck_assert_double_eq(load.min_load, 4800);
    ck_assert_double_eq(load.max_load, 500);
    ck_assert_int_eq(load.hc_floor, 40);
    ck_assert_int_eq(load.hc_ceiling, 4);
    ck_assert_uint_eq(load.flags, AMSIZE_FLAG_UNECONOMIC);
}
END_TEST

START_TEST(test_load_margin_coverage_growth)
{
    amsize_segment s;
    amsize_load load;

    /* m = .5, r = 2: Lmin = ceil(2*200k/(.5*80k)) = ceil(10) = 10;
     * ceiling = floor(200/10) = 20. */
    seg_enterprise(&s);
    s.gross_margin = 0.5;
    s.cost_coverage = 2;
    ASSERT_OK(amsize_load_init(&load));
    ck_assert_int_eq(amsize_load_compute(&load, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(load.min_load, 10);
    ck_assert_int_eq(load.hc_ceiling, 20);

    /* Given g = 40k overrides NR/W: Lmin = ceil(200k/40k) = 5; ceiling 40. */
    seg_enterprise(&s);
    s.has_growth_per_account = 1;
    s.growth_per_account = 40e3;
    ck_assert_int_eq(amsize_load_compute(&load, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(load.growth_per_account, 40e3);
    ck_assert_double_eq(load.min_load, 5);
    ck_assert_int_eq(load.hc_ceiling, 40);

    /* Weighted accounts W = 400 instead of N = 200: g = 16M/400 = 40k,
     * Lmin 5, floor = ceil(400/20) = 20, ceiling = floor(400/5) = 80. */
    seg_enterprise(&s);
    s.has_weighted_accounts = 1;
    s.weighted_accounts = 400;
    ck_assert_int_eq(amsize_load_compute(&load, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(load.growth_per_account, 40e3);
    ck_assert_double_eq(load.min_load, 5);
    ck_assert_int_eq(load.hc_floor, 20);
    ck_assert_int_eq(load.hc_ceiling, 80);
}
END_TEST

START_TEST(test_load_min_load_clamped)
{
    amsize_segment s;
    amsize_load load;

    /* K = 1, g = 1e10: r*K/(m*g) = 1e-10, ceil_eps(1e-10) = 0; the library
     * clamps Lmin to at least one account (documented in load.c). */
    seg_enterprise(&s);
    s.am_cost = 1;
    s.has_growth_per_account = 1;
    s.growth_per_account = 1e10;
    ASSERT_OK(amsize_load_init(&load));
    ck_assert_int_eq(amsize_load_compute(&load, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(load.min_load, 1);
    ck_assert_int_eq(load.hc_ceiling, 200); /* floor(200/1) */
    ck_assert_double_eq(amsize_min_load_calc(1, 1, 1, 1e10), 1);
}
END_TEST

START_TEST(test_load_undefined)
{
    amsize_segment s;
    amsize_load load;

    /* W = 0, g not given: g = NR/0 undefined (NaN), Lmin NaN, floor and
     * ceiling 0, no load flags (they need W > 0). */
    seg_set(&s, 0, 0, 1e6, 0, 0, 1e6, 1e5, 10);
    ASSERT_OK(amsize_load_init(&load));
    ck_assert_int_eq(amsize_load_compute(&load, NULL, &s, NULL), AMSIZE_OK);
    ck_assert(isnan(load.growth_per_account));
    ck_assert(isnan(load.min_load));
    ck_assert_int_eq(load.hc_floor, 0);
    ck_assert_int_eq(load.hc_ceiling, 0);
    ck_assert_uint_eq(load.flags, 0);

    /* W = 0 with a given g = 1e4: Lmin = 1e5/1e4 = 10, still 0 and 0. */
    s.has_growth_per_account = 1;
    s.growth_per_account = 1e4;
    ck_assert_int_eq(amsize_load_compute(&load, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(load.min_load, 10);
    ck_assert_int_eq(load.hc_floor, 0);
    ck_assert_int_eq(load.hc_ceiling, 0);
    ck_assert_uint_eq(load.flags, 0);

    /* W = 100, NR = 0: g = 0, no load covers the cost: Lmin NaN, ceiling 0,
     * floor = ceil(100/10) = 10, NO_GROWTH and UNECONOMIC. */
    seg_set(&s, 100, 1e6, 0, 0, 0, 1e6, 1e5, 10);
    ck_assert_int_eq(amsize_load_compute(&load, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(load.growth_per_account, 0);
    ck_assert(isnan(load.min_load));
    ck_assert_int_eq(load.hc_floor, 10);
    ck_assert_int_eq(load.hc_ceiling, 0);
    ck_assert_uint_eq(load.flags, AMSIZE_FLAG_NO_GROWTH | AMSIZE_FLAG_UNECONOMIC);

    /* Given g = -5 (allowed: any finite): Lmin NaN as well. */
    s.has_growth_per_account = 1;
    s.growth_per_account = -5;
    ck_assert_int_eq(amsize_load_compute(&load, NULL, &s, NULL), AMSIZE_OK);
    ck_assert_double_eq(load.growth_per_account, -5);
    ck_assert(isnan(load.min_load));
    ck_assert_uint_eq(load.flags, AMSIZE_FLAG_NO_GROWTH | AMSIZE_FLAG_UNECONOMIC);
}
END_TEST

START_TEST(test_load_scalars)
{
    ck_assert_double_eq(amsize_growth_per_account_calc(16e6, 200), 80e3);
    ck_assert_double_eq(amsize_growth_per_account_calc(-1e6, 100), -1e4);
    ck_assert_double_eq(amsize_min_load_calc(200e3, 1, 1, 80e3), 3);   /* ceil 2.5 */
    ck_assert_double_eq(amsize_min_load_calc(120e3, 1, 1, 25), 4800);
    ck_assert_double_eq(amsize_min_load_calc(200e3, 0.5, 2, 80e3), 10); /* 400k/40k */
    ck_assert_double_eq(amsize_hc_floor_calc(200, 20), 10);
    ck_assert_double_eq(amsize_hc_floor_calc(20000, 500), 40);
    ck_assert_double_eq(amsize_hc_floor_calc(1500, 200), 8);  /* ceil 7.5 */
    ck_assert_double_eq(amsize_hc_floor_calc(0, 20), 0);
    ck_assert_double_eq(amsize_hc_ceiling_calc(200, 3), 66);
    ck_assert_double_eq(amsize_hc_ceiling_calc(20000, 4800), 4);
    ck_assert_double_eq(amsize_hc_ceiling_calc(0, 3), 0);     /* W = 0 */
    ck_assert_double_eq(amsize_hc_ceiling_calc(200, NAN), 0); /* Lmin undefined */
    ck_assert_double_eq(amsize_hc_ceiling_calc(10, 0.5), 20); /* fractional Lmin */
}
END_TEST

START_TEST(test_load_scalars_invalid)
{
    const double bad[] = {
        amsize_growth_per_account_calc(1, 0), /* undefined: W = 0 */
        amsize_growth_per_account_calc(1, -1),
        amsize_growth_per_account_calc(NAN, 1),
        amsize_growth_per_account_calc(1, INFINITY),
        amsize_growth_per_account_calc(1e300, 1e-300), /* overflow */
        amsize_min_load_calc(200e3, 1, 1, 0),  /* undefined: g = 0 */
        amsize_min_load_calc(200e3, 1, 1, -1), /* undefined: g < 0 */
        amsize_min_load_calc(200e3, 1, 1, NAN),
        amsize_min_load_calc(200e3, 1, 1, INFINITY),
        amsize_min_load_calc(0, 1, 1, 1),
        amsize_min_load_calc(-1, 1, 1, 1),
        amsize_min_load_calc(NAN, 1, 1, 1),
        amsize_min_load_calc(1, 0, 1, 1),
        amsize_min_load_calc(1, 1.5, 1, 1),
        amsize_min_load_calc(1, NAN, 1, 1),
        amsize_min_load_calc(1, 1, 0, 1),
        amsize_min_load_calc(1, 1, -1, 1),
        amsize_min_load_calc(1, 1, INFINITY, 1),
        amsize_min_load_calc(1e300, 1, 1, 1e-300), /* overflow */
        amsize_hc_floor_calc(-1, 1),
        amsize_hc_floor_calc(NAN, 1),
        amsize_hc_floor_calc(INFINITY, 1),
        amsize_hc_floor_calc(1, 0),
        amsize_hc_floor_calc(1, -1),
        amsize_hc_floor_calc(1, NAN),
        amsize_hc_floor_calc(1e17, 1), /* above 2^53 */
        amsize_hc_ceiling_calc(-1, 1),
        amsize_hc_ceiling_calc(NAN, 1),
        amsize_hc_ceiling_calc(1, 0),
        amsize_hc_ceiling_calc(1, -1),
        amsize_hc_ceiling_calc(1, INFINITY),
        amsize_hc_ceiling_calc(1e17, 1), /* above 2^53 */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(isnan(bad[i]), "case %zu gave %g, want NaN", i, bad[i]);
}
END_TEST

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

START_TEST(test_chart_scalars)
{
    /* Enterprise through the scalar chain. */
    ck_assert_double_eq(amsize_headcount_calc(10, 11, 66), 11);
    ck_assert_double_eq(amsize_binding_calc(11, 11), AMSIZE_BINDING_DEMAND);
    ck_assert_double_eq_tol(amsize_load_per_am_calc(200, 11), 18.1818181818, TOL);
    ck_assert_double_eq(amsize_cost_calc(11, 200e3), 2.2e6);
    ck_assert_double_eq_tol(amsize_net_per_am_calc(16e6, 11), 1454545.45454545, 1e-6);
    ck_assert_double_eq_tol(amsize_roi_calc(1, 16e6, 2.2e6), 7.27272727273, TOL);
    /* SMB: max(40, min(1, 4)) = 40, service floor. */
    ck_assert_double_eq(amsize_headcount_calc(40, 1, 4), 40);
    ck_assert_double_eq(amsize_binding_calc(40, 1), AMSIZE_BINDING_SERVICE_FLOOR);
    ck_assert_double_eq(amsize_load_per_am_calc(20000, 40), 500);
    ck_assert_double_eq(amsize_net_per_am_calc(0.5e6, 40), 12500);
    /* Ceiling case: max(2, min(40, 20)) = 20, cost ceiling. */
    ck_assert_double_eq(amsize_headcount_calc(2, 40, 20), 20);
    ck_assert_double_eq(amsize_binding_calc(20, 40), AMSIZE_BINDING_COST_CEILING);
    ck_assert_double_eq(amsize_roi_calc(0.5, 2e6, 1e6), 1);
    ck_assert_double_eq(amsize_roi_calc(1, -1e6, 2e6), -0.5);
    ck_assert_double_eq(amsize_headcount_calc(0, 0, 0), 0);
}
END_TEST

START_TEST(test_chart_scalars_invalid)
{
    const double bad[] = {
        amsize_headcount_calc(1.5, 1, 1), /* not whole */
        amsize_headcount_calc(1, -1, 1),
        amsize_headcount_calc(1, 1, NAN),
        amsize_headcount_calc(1, 1, INFINITY),
        amsize_headcount_calc(1e16, 1, 1), /* above 2^53 */
        amsize_binding_calc(1.5, 1),
        amsize_binding_calc(1, -1),
        amsize_binding_calc(NAN, 1),
        amsize_load_per_am_calc(10, 0), /* undefined: no AMs */
        amsize_load_per_am_calc(-1, 1),
        amsize_load_per_am_calc(NAN, 1),
        amsize_load_per_am_calc(10, 1.5),
        amsize_cost_calc(1.5, 1),
        amsize_cost_calc(1, 0),
        amsize_cost_calc(1, -1),
        amsize_cost_calc(1, NAN),
        amsize_cost_calc(1e15, 1e300), /* overflow */
        amsize_net_per_am_calc(1, 0), /* undefined: no AMs */
        amsize_net_per_am_calc(NAN, 1),
        amsize_net_per_am_calc(1, -1),
        amsize_roi_calc(1, 1, 0), /* undefined: cost 0 */
        amsize_roi_calc(1, 1, -1),
        amsize_roi_calc(0, 1, 1),
        amsize_roi_calc(1.5, 1, 1),
        amsize_roi_calc(NAN, 1, 1),
        amsize_roi_calc(1, INFINITY, 1),
        amsize_roi_calc(1, 1, NAN),
        amsize_roi_calc(1, 1e300, 1e-300), /* overflow */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(isnan(bad[i]), "case %zu gave %g, want NaN", i, bad[i]);
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

START_TEST(test_flags_scalar)
{
    /* Enterprise: N = W = 200, B = 100M, NR = 16M, g = 80k, Lmin 3, Lmax 20. */
    ck_assert_double_eq(amsize_flags_calc(200, 200, 100e6, 16e6, 80e3, 3, 20), 0);
    /* SMB: Lmin 4800 > 500. */
    ck_assert_double_eq(amsize_flags_calc(20000, 20000, 40e6, 0.5e6, 25, 4800, 500), 0x10);
    /* W = 0: g and Lmin undefined (NaN) are accepted; NO_ACCOUNTS|NO_BOOK. */
    ck_assert_double_eq(amsize_flags_calc(5, 0, 0, 0, NAN, NAN, 10), 0x03);
    /* Everything but NO_ACCOUNTS: 0x02|0x04|0x08|0x10 = 0x1e. */
    ck_assert_double_eq(amsize_flags_calc(10, 10, 0, -1e6, -1e5, NAN, 100), 0x1e);

    const double bad[] = {
        amsize_flags_calc(1.5, 1, 1, 1, 1, 1, 1), /* accounts not whole */
        amsize_flags_calc(-1, 1, 1, 1, 1, 1, 1),
        amsize_flags_calc(NAN, 1, 1, 1, 1, 1, 1),
        amsize_flags_calc(1, -1, 1, 1, 1, 1, 1),
        amsize_flags_calc(1, INFINITY, 1, 1, 1, 1, 1),
        amsize_flags_calc(1, 1, -1, 1, 1, 1, 1),
        amsize_flags_calc(1, 1, NAN, 1, 1, 1, 1),
        amsize_flags_calc(1, 1, 1, NAN, 1, 1, 1),
        amsize_flags_calc(1, 1, 1, 1, INFINITY, 1, 1),
        amsize_flags_calc(1, 1, 1, 1, 1, 0, 1),
        amsize_flags_calc(1, 1, 1, 1, 1, -INFINITY, 1),
        amsize_flags_calc(1, 1, 1, 1, 1, 1, 0),
        amsize_flags_calc(1, 1, 1, 1, 1, 1, NAN),
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(isnan(bad[i]), "case %zu gave %g, want NaN", i, bad[i]);
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
/* Pilot comparison                                                        */
/* ====================================================================== */

START_TEST(test_pilot_accretive)
{
    amsize_pilot p;
    amsize_error err;

    /* NR%_c = 3M/8M = .375, NR%_u = 1M/4M = .25: delta .125, lift 1.5,
     * incremental .125*8M = 1M; accretive. All exact in binary. */
    ck_assert_int_eq(amsize_pilot_init(&p), AMSIZE_OK);
    ASSERT_OK(amsize_error_init(&err));
    ck_assert_int_eq(amsize_pilot_compare(&p, &err, 3e6, 8e6, 1e6, 4e6), AMSIZE_OK);
    ck_assert_uint_eq(p.struct_size, sizeof p);
    ck_assert_double_eq(p.nr_pct_covered, 0.375);
    ck_assert_double_eq(p.nr_pct_uncovered, 0.25);
    ck_assert_double_eq(p.delta, 0.125);
    ck_assert_double_eq(p.lift, 1.5);
    ck_assert_double_eq(p.incremental, 1e6);
    ck_assert_int_eq(p.accretive, 1);
    ck_assert_double_eq(amsize_pilot_delta_calc(3e6, 8e6, 1e6, 4e6), 0.125);
    ck_assert_double_eq(amsize_pilot_lift_calc(3e6, 8e6, 1e6, 4e6), 1.5);
    ck_assert_double_eq(amsize_pilot_incremental_calc(3e6, 8e6, 1e6, 4e6), 1e6);
}
END_TEST

START_TEST(test_pilot_not_accretive)
{
    amsize_pilot p;

    /* .125 vs .25: delta -.125, lift .5, incremental -.125*8M = -1M. */
    ASSERT_OK(amsize_pilot_init(&p));
    ck_assert_int_eq(amsize_pilot_compare(&p, NULL, 1e6, 8e6, 2e6, 8e6), AMSIZE_OK);
    ck_assert_double_eq(p.delta, -0.125);
    ck_assert_double_eq(p.lift, 0.5);
    ck_assert_double_eq(p.incremental, -1e6);
    ck_assert_int_eq(p.accretive, 0);

    /* delta exactly 0 is not accretive: .25 vs .25, lift 1. */
    ck_assert_int_eq(amsize_pilot_compare(&p, NULL, 2e6, 8e6, 1e6, 4e6), AMSIZE_OK);
    ck_assert_double_eq(p.delta, 0);
    ck_assert_double_eq(p.lift, 1);
    ck_assert_double_eq(p.incremental, 0);
    ck_assert_int_eq(p.accretive, 0);
}
END_TEST

START_TEST(test_pilot_undefined)
{
    amsize_pilot p;

    /* NR%_u = 0: lift undefined, delta .375 still accretive, inc 3M. */
    ASSERT_OK(amsize_pilot_init(&p));
    ck_assert_int_eq(amsize_pilot_compare(&p, NULL, 3e6, 8e6, 0, 4e6), AMSIZE_OK);
    ck_assert_double_eq(p.delta, 0.375);
    ck_assert(isnan(p.lift));
    ck_assert_double_eq(p.incremental, 3e6);
    ck_assert_int_eq(p.accretive, 1);
    ck_assert(isnan(amsize_pilot_lift_calc(3e6, 8e6, 0, 4e6)));

    /* NR%_u < 0: -1M/4M = -.25; lift NaN, delta .625, inc 5M. */
    ck_assert_int_eq(amsize_pilot_compare(&p, NULL, 3e6, 8e6, -1e6, 4e6), AMSIZE_OK);
    ck_assert_double_eq(p.nr_pct_uncovered, -0.25);
    ck_assert_double_eq(p.delta, 0.625);
    ck_assert(isnan(p.lift));
    ck_assert_double_eq(p.incremental, 5e6);

    /* B_u = 0: NR%_u NaN, so delta, lift and incremental are NaN; not
     * accretive. */
    ck_assert_int_eq(amsize_pilot_compare(&p, NULL, 3e6, 8e6, 1e6, 0), AMSIZE_OK);
    ck_assert_double_eq(p.nr_pct_covered, 0.375);
    ck_assert(isnan(p.nr_pct_uncovered));
    ck_assert(isnan(p.delta));
    ck_assert(isnan(p.lift));
    ck_assert(isnan(p.incremental));
    ck_assert_int_eq(p.accretive, 0);

    /* B_c = 0: NR%_c NaN. */
    ck_assert_int_eq(amsize_pilot_compare(&p, NULL, 3e6, 0, 1e6, 4e6), AMSIZE_OK);
    ck_assert(isnan(p.nr_pct_covered));
    ck_assert_double_eq(p.nr_pct_uncovered, 0.25);
    ck_assert(isnan(p.delta));
    ck_assert(isnan(p.lift));
    ck_assert(isnan(p.incremental));
    ck_assert_int_eq(p.accretive, 0);
    ck_assert(isnan(amsize_pilot_delta_calc(3e6, 0, 1e6, 4e6)));
    ck_assert(isnan(amsize_pilot_incremental_calc(3e6, 0, 1e6, 4e6)));
}
END_TEST

static const struct {
    double nr_c, b_c, nr_u, b_u;
    amsize_status st;
    int64_t idx;
    int32_t field;
} pilot_bad[] = {
    {NAN, 1, 0, 1, AMSIZE_E_NOT_FINITE, 0, AMSIZE_FIELD_NET_RATIO},
    {INFINITY, 1, 0, 1, AMSIZE_E_NOT_FINITE, 0, AMSIZE_FIELD_NET_RATIO},
    {0, -INFINITY, 0, 1, AMSIZE_E_NOT_FINITE, 0, AMSIZE_FIELD_BOOK},
    {0, -1, 0, 1, AMSIZE_E_NEGATIVE, 0, AMSIZE_FIELD_BOOK},
    {0, 1, -INFINITY, 1, AMSIZE_E_NOT_FINITE, 1, AMSIZE_FIELD_NET_RATIO},
    {0, 1, 0, NAN, AMSIZE_E_NOT_FINITE, 1, AMSIZE_FIELD_BOOK},
    {0, 1, 0, -1, AMSIZE_E_NEGATIVE, 1, AMSIZE_FIELD_BOOK},
    /* 1e308/1e-10 is beyond DBL_MAX on each side */
    {1e308, 1e-10, 0, 1, AMSIZE_E_OVERFLOW, 0, AMSIZE_FIELD_NET_RATIO},
    {0, 1, 1e308, 1e-10, AMSIZE_E_OVERFLOW, 1, AMSIZE_FIELD_NET_RATIO},
    /* delta = 1.5e308 - (-1.5e308) = 3e308: neither pair, index -1 */
    {1.5e308, 1, -1.5e308, 1, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_NET_RATIO},
    /* delta ~ 1e300, incremental = 1e300 * 1e10 */
    {1e300, 1e10, -1e300, 1, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_NET_RATIO},
};

START_TEST(test_pilot_invalid)
{
    amsize_pilot p, p0;
    amsize_error err;
    double nr_c = pilot_bad[_i].nr_c, b_c = pilot_bad[_i].b_c;
    double nr_u = pilot_bad[_i].nr_u, b_u = pilot_bad[_i].b_u;

    ASSERT_OK(amsize_pilot_init(&p));
    poison(&p, sizeof p);
    p0 = p;
    ASSERT_OK(amsize_error_init(&err));
    check_err(&err, amsize_pilot_compare(&p, &err, nr_c, b_c, nr_u, b_u), pilot_bad[_i].st,
              pilot_bad[_i].idx, pilot_bad[_i].field);
    ck_assert_mem_eq(&p, &p0, sizeof p);
    ck_assert(isnan(amsize_pilot_delta_calc(nr_c, b_c, nr_u, b_u)));
    ck_assert(isnan(amsize_pilot_lift_calc(nr_c, b_c, nr_u, b_u)));
    ck_assert(isnan(amsize_pilot_incremental_calc(nr_c, b_c, nr_u, b_u)));
}
END_TEST

START_TEST(test_pilot_bad_output)
{
    amsize_pilot p, p0;
    amsize_error err;

    ASSERT_OK(amsize_error_init(&err));
    check_err(&err, amsize_pilot_compare(NULL, &err, 1, 1, 1, 1), AMSIZE_E_NULL, -1,
              AMSIZE_FIELD_OUTPUT);
    ASSERT_OK(amsize_pilot_init(&p));
    p.struct_size = (uint32_t)sizeof p + 8;
    poison(&p, sizeof p);
    p0 = p;
    check_err(&err, amsize_pilot_compare(&p, &err, 1, 1, 1, 1), AMSIZE_E_STRUCT_SIZE, -1,
              AMSIZE_FIELD_OUTPUT);
    ck_assert_mem_eq(&p, &p0, sizeof p);
}
END_TEST

/* ====================================================================== */
/* Invalid segment fields                                                  */
/* ====================================================================== */

/* One bad value for one field of amsize_segment. has_w/has_g switch the
 * optional fields on first, so that their values are read. */
static const struct {
    const char *what;
    size_t off;
    int kind;
    double v;
    int has_w, has_g;
    amsize_status st;
    int32_t field;
} bad_seg[] = {
#define SEGF(f) #f, offsetof(amsize_segment, f)
    {SEGF(support_rating), KIND_I32, 0, 0, 0, AMSIZE_E_RANGE, AMSIZE_FIELD_SUPPORT_RATING},
    {SEGF(support_rating), KIND_I32, 6, 0, 0, AMSIZE_E_RANGE, AMSIZE_FIELD_SUPPORT_RATING},
    {SEGF(support_rating), KIND_I32, -3, 0, 0, AMSIZE_E_RANGE, AMSIZE_FIELD_SUPPORT_RATING},
    {SEGF(accounts), KIND_I64, -1, 0, 0, AMSIZE_E_NEGATIVE, AMSIZE_FIELD_ACCOUNTS},
    {SEGF(has_weighted_accounts), KIND_I32, 2, 0, 0, AMSIZE_E_RANGE,
     AMSIZE_FIELD_WEIGHTED_ACCOUNTS},
    {SEGF(has_weighted_accounts), KIND_I32, -1, 0, 0, AMSIZE_E_RANGE,
     AMSIZE_FIELD_WEIGHTED_ACCOUNTS},
    {SEGF(weighted_accounts), KIND_DOUBLE, NAN, 1, 0, AMSIZE_E_NOT_FINITE,
     AMSIZE_FIELD_WEIGHTED_ACCOUNTS},
    {SEGF(weighted_accounts), KIND_DOUBLE, INFINITY, 1, 0, AMSIZE_E_NOT_FINITE,
     AMSIZE_FIELD_WEIGHTED_ACCOUNTS},
    {SEGF(weighted_accounts), KIND_DOUBLE, -INFINITY, 1, 0, AMSIZE_E_NOT_FINITE,
     AMSIZE_FIELD_WEIGHTED_ACCOUNTS},
    {SEGF(weighted_accounts), KIND_DOUBLE, -1, 1, 0, AMSIZE_E_NEGATIVE,
     AMSIZE_FIELD_WEIGHTED_ACCOUNTS},
#define MONEY(f, F)                                                                     \
    {SEGF(f), KIND_DOUBLE, NAN, 0, 0, AMSIZE_E_NOT_FINITE, F},                          \
        {SEGF(f), KIND_DOUBLE, INFINITY, 0, 0, AMSIZE_E_NOT_FINITE, F},                 \
        {SEGF(f), KIND_DOUBLE, -INFINITY, 0, 0, AMSIZE_E_NOT_FINITE, F},                \
        {SEGF(f), KIND_DOUBLE, -1, 0, 0, AMSIZE_E_NEGATIVE, F}
    MONEY(book, AMSIZE_FIELD_BOOK),
    MONEY(upsell, AMSIZE_FIELD_UPSELL),
    MONEY(cross_sell, AMSIZE_FIELD_CROSS_SELL),
    MONEY(churn, AMSIZE_FIELD_CHURN),
#define UNIT(f, F, lo)                                                                  \
    {SEGF(f), KIND_DOUBLE, NAN, 0, 0, AMSIZE_E_NOT_FINITE, F},                          \
        {SEGF(f), KIND_DOUBLE, INFINITY, 0, 0, AMSIZE_E_NOT_FINITE, F},                 \
        {SEGF(f), KIND_DOUBLE, -INFINITY, 0, 0, AMSIZE_E_NOT_FINITE, F},                \
        {SEGF(f), KIND_DOUBLE, lo, 0, 0, AMSIZE_E_RANGE, F},                            \
        {SEGF(f), KIND_DOUBLE, 1.0000001, 0, 0, AMSIZE_E_RANGE, F}
    UNIT(churn_attribution, AMSIZE_FIELD_CHURN_ATTRIBUTION, -0.1),
#define POSITIVE(f, F)                                                                  \
    {SEGF(f), KIND_DOUBLE, NAN, 0, 0, AMSIZE_E_NOT_FINITE, F},                          \
        {SEGF(f), KIND_DOUBLE, INFINITY, 0, 0, AMSIZE_E_NOT_FINITE, F},                 \
        {SEGF(f), KIND_DOUBLE, -INFINITY, 0, 0, AMSIZE_E_NOT_FINITE, F},                \
        {SEGF(f), KIND_DOUBLE, 0, 0, 0, AMSIZE_E_NOT_POSITIVE, F},                      \
        {SEGF(f), KIND_DOUBLE, -1, 0, 0, AMSIZE_E_NOT_POSITIVE, F}
    POSITIVE(am_productivity, AMSIZE_FIELD_AM_PRODUCTIVITY),
    POSITIVE(am_cost, AMSIZE_FIELD_AM_COST),
    UNIT(gross_margin, AMSIZE_FIELD_GROSS_MARGIN, 0), /* m in (0,1]: 0 is out */
    {SEGF(gross_margin), KIND_DOUBLE, -0.5, 0, 0, AMSIZE_E_RANGE, AMSIZE_FIELD_GROSS_MARGIN},
    POSITIVE(cost_coverage, AMSIZE_FIELD_COST_COVERAGE),
    {SEGF(has_growth_per_account), KIND_I32, 2, 0, 0, AMSIZE_E_RANGE,
     AMSIZE_FIELD_GROWTH_PER_ACCOUNT},
    {SEGF(has_growth_per_account), KIND_I32, -1, 0, 0, AMSIZE_E_RANGE,
     AMSIZE_FIELD_GROWTH_PER_ACCOUNT},
    {SEGF(growth_per_account), KIND_DOUBLE, NAN, 0, 1, AMSIZE_E_NOT_FINITE,
     AMSIZE_FIELD_GROWTH_PER_ACCOUNT},
    {SEGF(growth_per_account), KIND_DOUBLE, INFINITY, 0, 1, AMSIZE_E_NOT_FINITE,
     AMSIZE_FIELD_GROWTH_PER_ACCOUNT},
    {SEGF(growth_per_account), KIND_DOUBLE, -INFINITY, 0, 1, AMSIZE_E_NOT_FINITE,
     AMSIZE_FIELD_GROWTH_PER_ACCOUNT},
    POSITIVE(max_load, AMSIZE_FIELD_MAX_LOAD),
    {SEGF(struct_size), KIND_I32, 0, 0, 0, AMSIZE_E_STRUCT_SIZE, AMSIZE_FIELD_STRUCT_SIZE},
    {SEGF(struct_size), KIND_I32, sizeof(amsize_segment) + 8, 0, 0, AMSIZE_E_STRUCT_SIZE,
     AMSIZE_FIELD_STRUCT_SIZE},
#undef POSITIVE
#undef UNIT
#undef MONEY
#undef SEGF
};

static void apply_bad_seg(amsize_segment *s, size_t i)
{
    seg_patch p = {bad_seg[i].off, bad_seg[i].kind, bad_seg[i].v};
    if (bad_seg[i].has_w)
        s->has_weighted_accounts = 1;
    if (bad_seg[i].has_g)
        s->has_growth_per_account = 1;
    apply_patch(s, p);
}

START_TEST(test_bad_segment_field)
{
    amsize_segment segs[3];
    amsize_error err;

    /* The bad value goes into the second of three segments: index 1. */
    three_segs(segs);
    apply_bad_seg(&segs[1], (size_t)_i);
    expect_chart_error(segs, 3, NULL, bad_seg[_i].st, 1, bad_seg[_i].field);

    ASSERT_OK(amsize_error_init(&err));
    check_err(&err, amsize_segment_check(&err, &segs[1], 1), bad_seg[_i].st, 1,
              bad_seg[_i].field);
    /* The one-segment methods report index 0. */
    expect_methods_error(&segs[1], NULL, M_ALL, bad_seg[_i].st, 0, bad_seg[_i].field);
}
END_TEST

START_TEST(test_segment_edges_valid)
{
    amsize_segment s;
    amsize_error err;

    /* Edge values inside the ranges are accepted. */
    seg_enterprise(&s);
    s.churn_attribution = 0;
    s.gross_margin = 1;
    ASSERT_OK(amsize_error_init(&err));
    ck_assert_int_eq(amsize_segment_check(&err, &s, 7), AMSIZE_OK);
    ck_assert_int_eq(err.index, -1);
    s.churn_attribution = 1;
    s.gross_margin = 1e-9;
    s.support_rating = 1;
    s.accounts = 0;
    s.book = 0;
    ck_assert_int_eq(amsize_segment_check(&err, &s, 7), AMSIZE_OK);
    s.support_rating = 5;
    /* Optional fields are not read while their has_* flag is 0. */
    s.weighted_accounts = NAN;
    s.growth_per_account = -INFINITY;
    ck_assert_int_eq(amsize_segment_check(&err, &s, 7), AMSIZE_OK);
    ck_assert_int_eq(chart1(&s).headcount, 0);
    /* A negative given growth is finite, so valid. */
    s.has_growth_per_account = 1;
    s.growth_per_account = -1;
    ck_assert_int_eq(amsize_segment_check(&err, &s, 7), AMSIZE_OK);
}
END_TEST

START_TEST(test_segment_first_bad_field)
{
    amsize_segment segs[3];

    /* Two bad fields: the first in declaration order is reported. */
    three_segs(segs);
    segs[1].max_load = 0;
    segs[1].book = -1;
    expect_chart_error(segs, 3, NULL, AMSIZE_E_NEGATIVE, 1, AMSIZE_FIELD_BOOK);
    three_segs(segs);
    segs[1].am_cost = 0;
    segs[1].upsell = NAN;
    expect_chart_error(segs, 3, NULL, AMSIZE_E_NOT_FINITE, 1, AMSIZE_FIELD_UPSELL);
    /* Two bad segments: the first index is reported. */
    three_segs(segs);
    segs[2].churn = -1;
    segs[1].churn = -1;
    expect_chart_error(segs, 3, NULL, AMSIZE_E_NEGATIVE, 1, AMSIZE_FIELD_CHURN);
    /* The last segment alone proves no row is written before it is checked. */
    three_segs(segs);
    segs[2].am_productivity = 0;
    expect_chart_error(segs, 3, NULL, AMSIZE_E_NOT_POSITIVE, 2, AMSIZE_FIELD_AM_PRODUCTIVITY);
}
END_TEST

/* ====================================================================== */
/* Invalid model                                                           */
/* ====================================================================== */

static const struct {
    size_t off;
    double v;
    amsize_status st;
    int32_t field;
} bad_model[] = {
#define ST(i) offsetof(amsize_model, selling_time) + (i) * sizeof(double)
    {ST(0), 0, AMSIZE_E_RANGE, AMSIZE_FIELD_SELLING_TIME_1},
    {ST(2), 0, AMSIZE_E_RANGE, AMSIZE_FIELD_SELLING_TIME_3},
    {ST(4), 1.5, AMSIZE_E_RANGE, AMSIZE_FIELD_SELLING_TIME_5},
    {ST(0), -0.4, AMSIZE_E_RANGE, AMSIZE_FIELD_SELLING_TIME_1},
    {ST(1), NAN, AMSIZE_E_NOT_FINITE, AMSIZE_FIELD_SELLING_TIME_2},
    {ST(3), INFINITY, AMSIZE_E_NOT_FINITE, AMSIZE_FIELD_SELLING_TIME_4},
    {ST(4), -INFINITY, AMSIZE_E_NOT_FINITE, AMSIZE_FIELD_SELLING_TIME_5},
    /* .4 .5 .6 .55 .8: the 4th is below the 3rd */
    {ST(3), 0.55, AMSIZE_E_ORDER, AMSIZE_FIELD_SELLING_TIME_4},
    /* .4 .35 ...: the 2nd is below the 1st */
    {ST(1), 0.35, AMSIZE_E_ORDER, AMSIZE_FIELD_SELLING_TIME_2},
    /* .9 .5 .6 ...: the 2nd is the first entry below its predecessor */
    {ST(0), 0.9, AMSIZE_E_ORDER, AMSIZE_FIELD_SELLING_TIME_2},
    {offsetof(amsize_model, rating_high), NAN, AMSIZE_E_NOT_FINITE, AMSIZE_FIELD_RATING_HIGH},
    {offsetof(amsize_model, rating_high), INFINITY, AMSIZE_E_NOT_FINITE,
     AMSIZE_FIELD_RATING_HIGH},
    {offsetof(amsize_model, rating_medium), NAN, AMSIZE_E_NOT_FINITE,
     AMSIZE_FIELD_RATING_MEDIUM},
    {offsetof(amsize_model, rating_medium), -INFINITY, AMSIZE_E_NOT_FINITE,
     AMSIZE_FIELD_RATING_MEDIUM},
    /* high .01 < medium .05 */
    {offsetof(amsize_model, rating_high), 0.01, AMSIZE_E_ORDER, AMSIZE_FIELD_RATING_HIGH},
    /* medium .2 > high .15 */
    {offsetof(amsize_model, rating_medium), 0.2, AMSIZE_E_ORDER, AMSIZE_FIELD_RATING_HIGH},
#undef ST
};

START_TEST(test_bad_model_field)
{
    amsize_segment segs[3];
    amsize_model m;
    amsize_error err;

    three_segs(segs);
    ASSERT_OK(amsize_model_init(&m));
    memcpy((unsigned char *)&m + bad_model[_i].off, &bad_model[_i].v, sizeof(double));
    /* A model error belongs to no segment: index -1. */
    expect_chart_error(segs, 3, &m, bad_model[_i].st, -1, bad_model[_i].field);
    expect_methods_error(&segs[0], &m, M_ALL, bad_model[_i].st, -1, bad_model[_i].field);
    ASSERT_OK(amsize_error_init(&err));
    check_err(&err, amsize_model_check(&err, &m), bad_model[_i].st, -1, bad_model[_i].field);
}
END_TEST

START_TEST(test_model_edges_valid)
{
    amsize_model m;
    amsize_error err;

    /* A flat table of ones and equal thresholds are valid. */
    ASSERT_OK(amsize_model_init(&m));
    for (int i = 0; i < 5; i++)
        m.selling_time[i] = 1;
    m.rating_high = m.rating_medium = 0.1;
    ASSERT_OK(amsize_error_init(&err));
    ck_assert_int_eq(amsize_model_check(&err, &m), AMSIZE_OK);
    check_err(&err, amsize_model_check(&err, NULL), AMSIZE_E_NULL, -1, AMSIZE_FIELD_MODEL);
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

START_TEST(test_methods_bad_outputs)
{
    amsize_segment s;
    amsize_netratio nr, nr0;
    amsize_support sup, sup0;
    amsize_load load, load0;
    amsize_error err;

    seg_enterprise(&s);
    ASSERT_OK(amsize_error_init(&err));
    check_err(&err, amsize_netratio_compute(NULL, &err, &s, NULL), AMSIZE_E_NULL, -1,
              AMSIZE_FIELD_OUTPUT);
    check_err(&err, amsize_support_compute(NULL, &err, &s, NULL), AMSIZE_E_NULL, -1,
              AMSIZE_FIELD_OUTPUT);
    check_err(&err, amsize_load_compute(NULL, &err, &s, NULL), AMSIZE_E_NULL, -1,
              AMSIZE_FIELD_OUTPUT);

    /* A NULL segment is segment 0 of the method. */
    expect_methods_error(NULL, NULL, M_ALL, AMSIZE_E_NULL, 0, AMSIZE_FIELD_SEGMENTS);
    check_err(&err, amsize_segment_check(&err, NULL, 4), AMSIZE_E_NULL, 4,
              AMSIZE_FIELD_SEGMENTS);

    ASSERT_OK(amsize_netratio_init(&nr));
    ASSERT_OK(amsize_support_init(&sup));
    ASSERT_OK(amsize_load_init(&load));
    nr.struct_size = 0;
    sup.struct_size = (uint32_t)sizeof sup + 8;
    load.struct_size = (uint32_t)sizeof load - 8;
    poison(&nr, sizeof nr);
    poison(&sup, sizeof sup);
    poison(&load, sizeof load);
    nr0 = nr;
    sup0 = sup;
    load0 = load;
    check_err(&err, amsize_netratio_compute(&nr, &err, &s, NULL), AMSIZE_E_STRUCT_SIZE, -1,
              AMSIZE_FIELD_OUTPUT);
    check_err(&err, amsize_support_compute(&sup, &err, &s, NULL), AMSIZE_E_STRUCT_SIZE, -1,
              AMSIZE_FIELD_OUTPUT);
    check_err(&err, amsize_load_compute(&load, &err, &s, NULL), AMSIZE_E_STRUCT_SIZE, -1,
              AMSIZE_FIELD_OUTPUT);
    ck_assert_mem_eq(&nr, &nr0, sizeof nr);
    ck_assert_mem_eq(&sup, &sup0, sizeof sup);
    ck_assert_mem_eq(&load, &load0, sizeof load);
}
END_TEST

/* Three wrong sizes for a struct of the given size: 0, 8 less, 8 more. */
static size_t wrong_size(size_t right, int k)
{
    return k == 0 ? 0 : k == 1 ? right - 8 : right + 8;
}

START_TEST(test_init_bad_arguments)
{
    unsigned char buf[512], buf0[512];

    /* NULL with something to fill. */
    ck_assert_int_eq(amsize_error_init_(NULL, sizeof(amsize_error)), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_segment_init_(NULL, 1, sizeof(amsize_segment)), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_model_init_(NULL, sizeof(amsize_model)), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_chart_row_init_(NULL, 1, sizeof(amsize_chart_row)), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_netratio_init_(NULL, sizeof(amsize_netratio)), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_support_init_(NULL, sizeof(amsize_support)), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_load_init_(NULL, sizeof(amsize_load)), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_pilot_init_(NULL, sizeof(amsize_pilot)), AMSIZE_E_NULL);
    /* An empty array may be NULL. */
    ck_assert_int_eq(amsize_segment_init_(NULL, 0, sizeof(amsize_segment)), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_row_init_(NULL, 0, sizeof(amsize_chart_row)), AMSIZE_OK);

    /* Wrong sizes: refused, nothing written (buf holds two of any struct). */
    memset(buf, 0x5A, sizeof buf);
    memcpy(buf0, buf, sizeof buf);
    for (int k = 0; k < 3; k++) {
#define WRONG(call) ck_assert_int_eq(call, AMSIZE_E_STRUCT_SIZE)
        WRONG(amsize_error_init_((amsize_error *)buf, wrong_size(sizeof(amsize_error), k)));
        WRONG(amsize_segment_init_((amsize_segment *)buf, 2,
                                   wrong_size(sizeof(amsize_segment), k)));
        WRONG(amsize_model_init_((amsize_model *)buf, wrong_size(sizeof(amsize_model), k)));
        WRONG(amsize_chart_row_init_((amsize_chart_row *)buf, 2,
                                     wrong_size(sizeof(amsize_chart_row), k)));
        WRONG(amsize_netratio_init_((amsize_netratio *)buf,
                                    wrong_size(sizeof(amsize_netratio), k)));
        WRONG(amsize_support_init_((amsize_support *)buf, wrong_size(sizeof(amsize_support), k)));
        WRONG(amsize_load_init_((amsize_load *)buf, wrong_size(sizeof(amsize_load), k)));
        WRONG(amsize_pilot_init_((amsize_pilot *)buf, wrong_size(sizeof(amsize_pilot), k)));
#undef WRONG
    }
    ck_assert_mem_eq(buf, buf0, sizeof buf);
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
/* Strings and versions                                                    */
/* ====================================================================== */

START_TEST(test_strerror)
{
    ck_assert_str_eq(amsize_strerror(AMSIZE_OK), "success");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_NULL), "a required pointer is NULL");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_STRUCT_SIZE),
                     "struct_size is not one this library knows: initialise the struct with "
                     "its amsize_*_init() and check the library version");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_NOT_FINITE),
                     "value is NaN or infinite: give a finite number");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_NEGATIVE), "value is negative: it must be >= 0");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_NOT_POSITIVE), "value must be > 0");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_RANGE), "value is outside its allowed range");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_ORDER), "values are out of order");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_EMPTY), "no segments given: pass at least one");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_BUFFER),
                     "output buffer is shorter than the input");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_OVERFLOW),
                     "result is too large to represent exactly");
    ck_assert_str_eq(amsize_strerror(AMSIZE_E_INDEX), "segment index is outside 0..segments-1");
    ck_assert_str_eq(amsize_strerror(12), "unknown status");
    ck_assert_str_eq(amsize_strerror(-1), "unknown status");
    ck_assert_str_eq(amsize_strerror(INT32_MAX), "unknown status");
}
END_TEST

START_TEST(test_names)
{
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_NONE), "");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_STRUCT_SIZE), "struct_size");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_AM_COST), "am_cost");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_CHURN_ATTRIBUTION), "churn_attribution");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_SELLING_TIME_1), "selling_time[1]");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_SELLING_TIME_3), "selling_time[3]");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_SELLING_TIME_5), "selling_time[5]");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_RATING_MEDIUM), "rating_medium");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_HC_FLOOR), "hc_floor");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_COLUMN), "column");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_HC_DEMAND), "hc_demand");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_FTE_NET), "fte_net");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_CHURN_ATTRIBUTED), "churn_attributed");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_ROI), "roi");
    ck_assert_str_eq(amsize_field_name(44), "unknown");
    ck_assert_str_eq(amsize_field_name(-1), "unknown");

    ck_assert_str_eq(amsize_rating_name(AMSIZE_RATING_NONE), "");
    ck_assert_str_eq(amsize_rating_name(AMSIZE_RATING_LOW), "low");
    ck_assert_str_eq(amsize_rating_name(AMSIZE_RATING_MEDIUM), "medium");
    ck_assert_str_eq(amsize_rating_name(AMSIZE_RATING_HIGH), "high");
    ck_assert_str_eq(amsize_rating_name(4), "unknown");
    ck_assert_str_eq(amsize_rating_name(-1), "unknown");

    ck_assert_str_eq(amsize_binding_name(AMSIZE_BINDING_NONE), "");
    ck_assert_str_eq(amsize_binding_name(AMSIZE_BINDING_DEMAND), "demand");
    ck_assert_str_eq(amsize_binding_name(AMSIZE_BINDING_SERVICE_FLOOR), "service_floor");
    ck_assert_str_eq(amsize_binding_name(AMSIZE_BINDING_COST_CEILING), "cost_ceiling");
    ck_assert_str_eq(amsize_binding_name(4), "unknown");

    ck_assert_str_eq(amsize_flag_name(AMSIZE_FLAG_NO_ACCOUNTS), "NO_ACCOUNTS");
    ck_assert_str_eq(amsize_flag_name(AMSIZE_FLAG_NO_BOOK), "NO_BOOK");
    ck_assert_str_eq(amsize_flag_name(AMSIZE_FLAG_NEGATIVE_NET), "NEGATIVE_NET");
    ck_assert_str_eq(amsize_flag_name(AMSIZE_FLAG_NO_GROWTH), "NO_GROWTH");
    ck_assert_str_eq(amsize_flag_name(AMSIZE_FLAG_UNECONOMIC), "UNECONOMIC");
    ck_assert_ptr_null(amsize_flag_name(0));
    ck_assert_ptr_null(amsize_flag_name(AMSIZE_FLAG_NO_ACCOUNTS | AMSIZE_FLAG_NO_BOOK));
    ck_assert_ptr_null(amsize_flag_name(AMSIZE_FLAG_ALL));
    ck_assert_ptr_null(amsize_flag_name(0x20));
}
END_TEST

START_TEST(test_version_and_sizes)
{
    ck_assert_str_eq(amsize_version(), AMSIZE_VERSION_STRING);
    ck_assert_int_eq(amsize_version_major(), AMSIZE_VERSION_MAJOR);
    ck_assert_int_eq(amsize_version_minor(), AMSIZE_VERSION_MINOR);
    ck_assert_int_eq(amsize_version_patch(), AMSIZE_VERSION_PATCH);

    /* The sizes the headers guarantee for 1.x, and this build's own. */
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_ERROR), 24);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_SEGMENT), 120);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_MODEL), 64);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_NETRATIO), 48);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_SUPPORT), 40);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_LOAD), 56);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_PILOT), 48);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_CHART_ROW), 192);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_TOTALS), 184);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_SEGMENT), sizeof(amsize_segment));
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_CHART_ROW), sizeof(amsize_chart_row));
    ck_assert_uint_eq(amsize_struct_size(0), 0);
    /* 1.1 adds amsize_field_info (id 10): four 4-byte members, five
     * pointers and five 8-byte members, 16 + 40 + 40 = 96 bytes on LP64
     * (schema.h). 11 is the first id no release knows. */
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_FIELD_INFO), sizeof(amsize_field_info));
    if (sizeof(void *) == 8)
        ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_FIELD_INFO), 96);
    ck_assert_uint_eq(amsize_struct_size(11), 0);
    ck_assert_uint_eq(amsize_struct_size(-1), 0);
}
END_TEST

/* ====================================================================== */
/* Defaults                                                                */
/* ====================================================================== */

START_TEST(test_defaults_segment)
{
    amsize_segment segs[2];

    memset(segs, 0x5A, sizeof segs);
    ck_assert_int_eq(amsize_segment_init(segs, 2), AMSIZE_OK);
    for (int i = 0; i < 2; i++) {
        const amsize_segment *s = &segs[i];
        ck_assert_uint_eq(s->struct_size, 120);
        ck_assert_int_eq(s->support_rating, 3);
        ck_assert_int_eq(s->accounts, 0);
        ck_assert_double_eq(s->weighted_accounts, 0);
        ck_assert_double_eq(s->book, 0);
        ck_assert_double_eq(s->upsell, 0);
        ck_assert_double_eq(s->cross_sell, 0);
        ck_assert_double_eq(s->churn, 0);
        ck_assert_double_eq(s->churn_attribution, 1);
        ck_assert_double_eq(s->am_productivity, 0);
        ck_assert_double_eq(s->am_cost, 0);
        ck_assert_double_eq(s->gross_margin, 1);
        ck_assert_double_eq(s->cost_coverage, 1);
        ck_assert_double_eq(s->growth_per_account, 0);
        ck_assert_double_eq(s->max_load, 0);
        ck_assert_int_eq(s->has_weighted_accounts, 0);
        ck_assert_int_eq(s->has_growth_per_account, 0);
    }
    /* P, K and Lmax have no default: a fresh segment is refused at P. */
    amsize_error err;
    ASSERT_OK(amsize_error_init(&err));
    check_err(&err, amsize_segment_check(&err, &segs[0], 0), AMSIZE_E_NOT_POSITIVE, 0,
              AMSIZE_FIELD_AM_PRODUCTIVITY);
}
END_TEST

START_TEST(test_defaults_model_and_error)
{
    amsize_model m;
    amsize_error err;

    memset(&m, 0x5A, sizeof m);
    ck_assert_int_eq(amsize_model_init(&m), AMSIZE_OK);
    ck_assert_uint_eq(m.struct_size, 64);
    ck_assert_int_eq(m.reserved, 0);
    ck_assert_double_eq(m.selling_time[0], 0.40);
    ck_assert_double_eq(m.selling_time[1], 0.50);
    ck_assert_double_eq(m.selling_time[2], 0.60);
    ck_assert_double_eq(m.selling_time[3], 0.70);
    ck_assert_double_eq(m.selling_time[4], 0.80);
    ck_assert_double_eq(m.rating_high, 0.15);
    ck_assert_double_eq(m.rating_medium, 0.05);

    memset(&err, 0x5A, sizeof err);
    ck_assert_int_eq(amsize_error_init(&err), AMSIZE_OK);
    ck_assert_uint_eq(err.struct_size, 24);
    ck_assert_int_eq(err.status, AMSIZE_OK);
    ck_assert_int_eq(err.index, -1);
    ck_assert_int_eq(err.field, AMSIZE_FIELD_NONE);
    ck_assert_int_eq(err.reserved, 0);
}
END_TEST

START_TEST(test_defaults_outputs)
{
    amsize_netratio nr;
    amsize_support sup;
    amsize_load load;
    amsize_pilot p;
    amsize_chart_row rows[2];

    memset(&nr, 0x5A, sizeof nr);
    memset(&sup, 0x5A, sizeof sup);
    memset(&load, 0x5A, sizeof load);
    memset(&p, 0x5A, sizeof p);
    memset(rows, 0x5A, sizeof rows);
    ck_assert_int_eq(amsize_netratio_init(&nr), AMSIZE_OK);
    ck_assert_int_eq(amsize_support_init(&sup), AMSIZE_OK);
    ck_assert_int_eq(amsize_load_init(&load), AMSIZE_OK);
    ck_assert_int_eq(amsize_pilot_init(&p), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_row_init(rows, 2), AMSIZE_OK);
    ck_assert_uint_eq(nr.struct_size, 48);
    ck_assert_uint_eq(sup.struct_size, 40);
    ck_assert_uint_eq(load.struct_size, 56);
    ck_assert_uint_eq(p.struct_size, 48);
    ck_assert_uint_eq(rows[0].struct_size, 192);
    ck_assert_uint_eq(rows[1].struct_size, 192);
    ck_assert_double_eq(nr.net_ratio, 0);
    ck_assert_int_eq(sup.hc_demand, 0);
    ck_assert_uint_eq(load.flags, 0);
    ck_assert_double_eq(p.delta, 0);
    ck_assert_int_eq(rows[1].headcount, 0);
    ck_assert_double_eq(rows[1].roi, 0);
}
END_TEST

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
/* Regressions: library bugs these tests found, now fixed                  */
/* ====================================================================== */

/* Found by this suite (lib/support.c amsize_hc_demand_calc, lib/load.c
 * amsize_hc_floor_calc): a headcount of zero came back as -0.0, not 0.
 * ceil_eps(0) = ceil(0 - 1e-9) = ceil(-1e-9), which IEEE arithmetic makes
 * -0.0. The chart is unaffected (its headcount columns are integers), but
 * the scalars return the double as is. -0.0 == 0, so an equality test passes,
 * yet a spreadsheet cell, printf("%g") and Python show "-0", whereas
 * amsize_hc_ceiling_calc(0, ...) and amsize_headcount_calc() give 0.
 * scalar.h: hc_floor is "0 when W = 0"; headcounts are whole numbers. */
START_TEST(test_bug_negative_zero_headcount)
{
    double demand0 = amsize_hc_demand_calc(0);    /* ceil_eps(0) */
    double demand_tiny = amsize_hc_demand_calc(5e-10); /* ceil(5e-10 - 1e-9) */
    double floor0 = amsize_hc_floor_calc(0, 20);  /* W = 0 */

    ck_assert_double_eq(demand0, 0);
    ck_assert_double_eq(demand_tiny, 0);
    ck_assert_double_eq(floor0, 0);
    ck_assert(!signbit(amsize_hc_ceiling_calc(0, 3)));
    ck_assert(!signbit(amsize_headcount_calc(0, 0, 0)));
    ck_assert_msg(!signbit(demand0) && !signbit(demand_tiny) && !signbit(floor0),
                  "hc_demand_calc(0) = %g, hc_demand_calc(5e-10) = %g, "
                  "hc_floor_calc(0, 20) = %g; want 0, not -0",
                  demand0, demand_tiny, floor0);
}
END_TEST

/* ====================================================================== */
/* Suite                                                                   */
/* ====================================================================== */

static Suite *methods_suite(void)
{
    Suite *s = suite_create("methods");
    TCase *tc;

    tc = add_tcase(s, "rounding");
    tcase_add_test(tc, test_round_exact_integers);
    tcase_add_test(tc, test_round_float_noise);
    tcase_add_test(tc, test_round_real_fractions);
    tcase_add_test(tc, test_round_negative);
    tcase_add_test(tc, test_round_huge);
    tcase_add_test(tc, test_round_small_magnitude);
    tcase_add_test(tc, test_round_not_finite);
    tcase_add_test(tc, test_round_through_structs);

    tc = add_tcase(s, "netratio");
    tcase_add_test(tc, test_netratio_enterprise);
    tcase_add_test(tc, test_netratio_attribution);
    tcase_add_loop_test(tc, test_netratio_rating_thresholds, 0, N_OF(rating_cases));
    tcase_add_test(tc, test_netratio_rating_undefined_pct);
    tcase_add_test(tc, test_netratio_custom_thresholds);
    tcase_add_test(tc, test_netratio_scalars);
    tcase_add_test(tc, test_netratio_scalars_invalid);

    tc = add_tcase(s, "support");
    tcase_add_loop_test(tc, test_support_each_rating, 0, N_OF(support_cases));
    tcase_add_test(tc, test_support_reference_exact);
    tcase_add_test(tc, test_support_custom_model);
    tcase_add_test(tc, test_support_scalars_invalid);

    tc = add_tcase(s, "load");
    tcase_add_test(tc, test_load_enterprise);
    tcase_add_test(tc, test_load_smb);
    tcase_add_test(tc, test_load_margin_coverage_growth);
    tcase_add_test(tc, test_load_min_load_clamped);
    tcase_add_test(tc, test_load_undefined);
    tcase_add_test(tc, test_load_scalars);
    tcase_add_test(tc, test_load_scalars_invalid);

    tc = add_tcase(s, "chart");
    tcase_add_test(tc, test_chart_enterprise_demand);
    tcase_add_test(tc, test_chart_smb_service_floor);
    tcase_add_test(tc, test_chart_cost_ceiling);
    tcase_add_test(tc, test_chart_binding_ties);
    tcase_add_test(tc, test_chart_zero_headcount_row);
    tcase_add_test(tc, test_chart_scalars);
    tcase_add_test(tc, test_chart_scalars_invalid);

    tc = add_tcase(s, "flags");
    tcase_add_loop_test(tc, test_flags, 0, N_OF(flag_cases));
    tcase_add_test(tc, test_flags_scalar);

    tc = add_tcase(s, "totals");
    tcase_add_test(tc, test_totals_three_segments);
    tcase_add_test(tc, test_totals_zero_headcount);
    tcase_add_test(tc, test_totals_optional);

    tc = add_tcase(s, "pilot");
    tcase_add_test(tc, test_pilot_accretive);
    tcase_add_test(tc, test_pilot_not_accretive);
    tcase_add_test(tc, test_pilot_undefined);
    tcase_add_loop_test(tc, test_pilot_invalid, 0, N_OF(pilot_bad));
    tcase_add_test(tc, test_pilot_bad_output);

    tc = add_tcase(s, "invalid_segment");
    tcase_add_loop_test(tc, test_bad_segment_field, 0, N_OF(bad_seg));
    tcase_add_test(tc, test_segment_edges_valid);
    tcase_add_test(tc, test_segment_first_bad_field);

    tc = add_tcase(s, "invalid_model");
    tcase_add_loop_test(tc, test_bad_model_field, 0, N_OF(bad_model));
    tcase_add_test(tc, test_model_edges_valid);

    tc = add_tcase(s, "invalid_arguments");
    tcase_add_test(tc, test_chart_bad_arguments);
    tcase_add_test(tc, test_chart_bad_struct_sizes);
    tcase_add_test(tc, test_methods_bad_outputs);
    tcase_add_test(tc, test_init_bad_arguments);

    tc = add_tcase(s, "overflow");
    tcase_add_loop_test(tc, test_overflow_segment, 0, N_OF(overflow_cases));
    tcase_add_test(tc, test_overflow_totals);

    tc = add_tcase(s, "strings");
    tcase_add_test(tc, test_strerror);
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_version_and_sizes);

    tc = add_tcase(s, "defaults");
    tcase_add_test(tc, test_defaults_segment);
    tcase_add_test(tc, test_defaults_model_and_error);
    tcase_add_test(tc, test_defaults_outputs);
    tcase_add_test(tc, test_defaults_model_null);

    tc = add_tcase(s, "reentrancy");
    tcase_add_test(tc, test_reentrant_repeat);

    tc = add_tcase(s, "regressions");
    tcase_add_test(tc, test_bug_negative_zero_headcount);

    return s;
}

int main(void)
{
    return run_suite(methods_suite());
}
