/* Check tests for the spreadsheet functions (amsize/scalar.h): every
 * amsize_<column>_calc() on worked values and on the inputs it must refuse
 * with NaN. Where a test also runs the struct functions on the same
 * numbers, it lives with that method (check_netratio.c, ...).
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

/* ====================================================================== */
/* Method 1: Net Ratio                                                     */
/* ====================================================================== */

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

static Suite *scalar_suite(void)
{
    Suite *s = suite_create("scalar");
    TCase *tc;

    tc = add_tcase(s, "rounding");
    tcase_add_test(tc, test_round_exact_integers);
    tcase_add_test(tc, test_round_float_noise);
    tcase_add_test(tc, test_round_real_fractions);
    tcase_add_test(tc, test_round_negative);
    tcase_add_test(tc, test_round_huge);
    tcase_add_test(tc, test_round_small_magnitude);
    tcase_add_test(tc, test_round_not_finite);

    tc = add_tcase(s, "netratio");
    tcase_add_test(tc, test_netratio_scalars);
    tcase_add_test(tc, test_netratio_scalars_invalid);

    tc = add_tcase(s, "support");
    tcase_add_test(tc, test_support_reference_exact);
    tcase_add_test(tc, test_support_scalars_invalid);

    tc = add_tcase(s, "load");
    tcase_add_test(tc, test_load_scalars);
    tcase_add_test(tc, test_load_scalars_invalid);

    tc = add_tcase(s, "chart");
    tcase_add_test(tc, test_chart_scalars);
    tcase_add_test(tc, test_chart_scalars_invalid);

    tc = add_tcase(s, "flags");
    tcase_add_test(tc, test_flags_scalar);

    tc = add_tcase(s, "regressions");
    tcase_add_test(tc, test_bug_negative_zero_headcount);
    return s;
}

int main(void)
{
    return run_suite(scalar_suite());
}
