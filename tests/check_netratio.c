/* Check tests for Method 1, the Net Ratio (amsize_netratio_compute() in
 * amsize/methods.h), and the pilot comparison of covered and uncovered
 * Net Ratios (amsize_pilot_compare()). The scalar forms are in
 * check_scalar.c, amsize_totals_pilot() in check_totals.c.
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
/* Suite                                                                   */
/* ====================================================================== */

static Suite *netratio_suite(void)
{
    Suite *s = suite_create("netratio");
    TCase *tc;

    tc = add_tcase(s, "netratio");
    tcase_add_test(tc, test_netratio_enterprise);
    tcase_add_test(tc, test_netratio_attribution);
    tcase_add_loop_test(tc, test_netratio_rating_thresholds, 0, N_OF(rating_cases));
    tcase_add_test(tc, test_netratio_rating_undefined_pct);
    tcase_add_test(tc, test_netratio_custom_thresholds);

    tc = add_tcase(s, "pilot");
    tcase_add_test(tc, test_pilot_accretive);
    tcase_add_test(tc, test_pilot_not_accretive);
    tcase_add_test(tc, test_pilot_undefined);
    tcase_add_loop_test(tc, test_pilot_invalid, 0, N_OF(pilot_bad));
    tcase_add_test(tc, test_pilot_bad_output);
    return s;
}

int main(void)
{
    return run_suite(netratio_suite());
}
