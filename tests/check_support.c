/* Check tests for Method 3, Support Infrastructure
 * (amsize_support_compute() in amsize/methods.h): the Net Ratio demand
 * scaled by the selling time at the segment's support rating. The scalar
 * forms are in check_scalar.c.
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

/* Through the struct function: hc_demand is ceil_eps of the demand, so
 * floating-point noise in NR/P never hires an extra AM. */
START_TEST(test_support_rounding)
{
    amsize_segment s;
    amsize_support sup;
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
}
END_TEST

/* ====================================================================== */
/* Suite                                                                   */
/* ====================================================================== */

static Suite *support_suite(void)
{
    Suite *s = suite_create("support");
    TCase *tc;

    tc = add_tcase(s, "support");
    tcase_add_loop_test(tc, test_support_each_rating, 0, N_OF(support_cases));
    tcase_add_test(tc, test_support_custom_model);
    tcase_add_test(tc, test_support_rounding);
    return s;
}

int main(void)
{
    return run_suite(support_suite());
}
