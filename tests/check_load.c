/* Check tests for Method 2, the account-load band
 * (amsize_load_compute() in amsize/methods.h): the minimum load that pays
 * for an AM, the service floor and the cost ceiling. The scalar forms are
 * in check_scalar.c.
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

/* The load method's headcounts go through the same rounding: noise far
 * below 1e-9 relative never moves the floor or the ceiling. */
START_TEST(test_load_rounding)
{
    amsize_segment s;
    amsize_load load;
    amsize_error err;

    ASSERT_OK(amsize_error_init(&err));
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
/* Suite                                                                   */
/* ====================================================================== */

static Suite *load_suite(void)
{
    Suite *s = suite_create("load");
    TCase *tc;

    tc = add_tcase(s, "load");
    tcase_add_test(tc, test_load_enterprise);
    tcase_add_test(tc, test_load_smb);
    tcase_add_test(tc, test_load_margin_coverage_growth);
    tcase_add_test(tc, test_load_min_load_clamped);
    tcase_add_test(tc, test_load_undefined);
    tcase_add_test(tc, test_load_rounding);
    return s;
}

int main(void)
{
    return run_suite(load_suite());
}
