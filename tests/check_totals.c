/* Check tests for the account totals (include/amsize/totals.h).
 *
 * Every expected value is worked out independently of the library: by hand
 * (the arithmetic is in the comment next to it, on values that are exact
 * in binary so the double result is exact too), or by an independent
 * computation in the test (exact integer sums of values that are integer
 * multiples of 2^-12). Nothing here is copied from the library's output.
 */
#include <check.h>

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "amsize.h"

/* ------------------------------------------------------------- helpers */

static amsize_error new_err(void)
{
    amsize_error err;
    ck_assert_int_eq(amsize_error_init(&err), AMSIZE_OK);
    return err;
}

static void init_totals(amsize_totals *t, size_t n)
{
    ck_assert_int_eq(amsize_totals_init(t, n), AMSIZE_OK);
}

/* The error report of a call that succeeded: cleared by the library. */
static void assert_err_clear(const amsize_error *err)
{
    ck_assert_int_eq(err->status, AMSIZE_OK);
    ck_assert_int_eq(err->index, -1);
    ck_assert_int_eq(err->field, AMSIZE_FIELD_NONE);
}

/* One part of one segment, as amsize_totals_segment() reports it. */
typedef struct agg {
    int64_t accounts;
    double weighted, book, upsell, cross_sell, churn;
} agg;

/* A segment whose caller-owned fields all differ from the init defaults,
 * so that a write to any of them shows. */
static amsize_segment caller_segment(void)
{
    amsize_segment s;
    ck_assert_int_eq(amsize_segment_init(&s, 1), AMSIZE_OK);
    s.support_rating = 4;
    s.accounts = 999;
    s.weighted_accounts = 777.5;
    s.book = 1.0;
    s.upsell = 2.0;
    s.cross_sell = 3.0;
    s.churn = 4.0;
    s.churn_attribution = 0.75;
    s.am_productivity = 250000.0;
    s.am_cost = 120000.0;
    s.gross_margin = 0.8;
    s.cost_coverage = 1.25;
    s.growth_per_account = 4321.0;
    s.max_load = 42.0;
    s.has_weighted_accounts = 0;
    s.has_growth_per_account = 1;
    return s;
}

/* Reads one part into a copy of `before` and checks that exactly the
 * aggregate fields changed, to the expected values, and nothing else. */
static void assert_part(const amsize_totals *t, int32_t part, const agg *want,
                        const amsize_segment *before)
{
    amsize_error err = new_err();
    amsize_segment got = *before;
    amsize_segment expect = *before;

    ck_assert_int_eq(amsize_totals_segment(&got, &err, t, part), AMSIZE_OK);
    assert_err_clear(&err);

    ck_assert_int_eq(got.accounts, want->accounts);
    ck_assert_double_eq(got.weighted_accounts, want->weighted);
    ck_assert_int_eq(got.has_weighted_accounts, 1);
    ck_assert_double_eq(got.book, want->book);
    ck_assert_double_eq(got.upsell, want->upsell);
    ck_assert_double_eq(got.cross_sell, want->cross_sell);
    ck_assert_double_eq(got.churn, want->churn);

    /* The caller's fields, one by one, then the whole struct (120 bytes
     * without padding) so that a field added later is covered as well. */
    ck_assert_uint_eq(got.struct_size, before->struct_size);
    ck_assert_int_eq(got.support_rating, before->support_rating);
    ck_assert_double_eq(got.churn_attribution, before->churn_attribution);
    ck_assert_double_eq(got.am_productivity, before->am_productivity);
    ck_assert_double_eq(got.am_cost, before->am_cost);
    ck_assert_double_eq(got.gross_margin, before->gross_margin);
    ck_assert_double_eq(got.cost_coverage, before->cost_coverage);
    ck_assert_double_eq(got.growth_per_account, before->growth_per_account);
    ck_assert_double_eq(got.max_load, before->max_load);
    ck_assert_int_eq(got.has_growth_per_account, before->has_growth_per_account);

    expect.accounts = want->accounts;
    expect.weighted_accounts = want->weighted;
    expect.has_weighted_accounts = 1;
    expect.book = want->book;
    expect.upsell = want->upsell;
    expect.cross_sell = want->cross_sell;
    expect.churn = want->churn;
    ck_assert(memcmp(&got, &expect, sizeof got) == 0);
}

/* --------------------------------------------- a small hand-made book */

/* Ten accounts in three segments. Money and weights are sums of powers of
 * two, so every sum below is exact in double. */
enum { HAND_ROWS = 10, HAND_SEGS = 3 };
static const int32_t hand_seg[HAND_ROWS] = {0, 0, 1, 2, 0, 1, 2, 1, 2, 2};
static const double hand_arr[HAND_ROWS] = {1000.5, 2000, 500, 4000, 2999.25,
                                           1500, 2500, 800, 100, 0};
static const double hand_up[HAND_ROWS] = {100, 300.25, 25, 400, 0, 75, 250, 40, 10, 0};
static const double hand_xs[HAND_ROWS] = {50, 0, 10.5, 200, 150, 30, 100, 0, 5, 0};
static const double hand_ch[HAND_ROWS] = {20, 100, 5, 0, 60.75, 15, 300, 8, 1, 0};
static const double hand_w[HAND_ROWS] = {1.5, 2.0, 1.0, 0.5, 1.0, 3.0, 2.5, 0.25, 1.0, 1.0};
static const uint8_t hand_cov[HAND_ROWS] = {1, 0, 1, 1, 1, 0, 0, 1, 0, 0};

/* By hand, [segment][part] with part as amsize_part (ALL, COVERED,
 * UNCOVERED): {accounts, weighted, book, upsell, cross_sell, churn}. */
static const agg hand_want[HAND_SEGS][3] = {
    /* Segment 0: rows 0, 4 covered; row 1 uncovered. */
    {
        /* all: W 1.5+2+1, B 1000.5+2000+2999.25, U 100+300.25+0,
         * X 50+0+150, C 20+100+60.75 */
        {3, 4.5, 5999.75, 400.25, 200, 180.75},
        /* covered: W 1.5+1, B 1000.5+2999.25, U 100+0, X 50+150,
         * C 20+60.75 */
        {2, 2.5, 3999.75, 100, 200, 80.75},
        /* uncovered: row 1 alone */
        {1, 2.0, 2000, 300.25, 0, 100},
    },
    /* Segment 1: rows 2, 7 covered; row 5 uncovered. */
    {
        /* all: W 1+3+0.25, B 500+1500+800, U 25+75+40, X 10.5+30+0,
         * C 5+15+8 */
        {3, 4.25, 2800, 140, 40.5, 28},
        /* covered: W 1+0.25, B 500+800, U 25+40, X 10.5+0, C 5+8 */
        {2, 1.25, 1300, 65, 10.5, 13},
        /* uncovered: row 5 alone */
        {1, 3.0, 1500, 75, 30, 15},
    },
    /* Segment 2: row 3 covered; rows 6, 8, 9 uncovered (row 9 all 0). */
    {
        /* all: W 0.5+2.5+1+1, B 4000+2500+100+0, U 400+250+10+0,
         * X 200+100+5+0, C 0+300+1+0 */
        {4, 5.0, 6600, 660, 305, 301},
        /* covered: row 3 alone */
        {1, 0.5, 4000, 400, 200, 0},
        /* uncovered: W 2.5+1+1, B 2500+100+0, U 250+10+0, X 100+5+0,
         * C 300+1+0 */
        {3, 4.5, 2600, 260, 105, 301},
    },
};

/* Empties t[0..HAND_SEGS-1] and adds the hand-made book to it. */
static void hand_totals(amsize_totals *t, const double *w, const uint8_t *cov)
{
    amsize_error err = new_err();
    init_totals(t, HAND_SEGS);
    ck_assert_int_eq(amsize_totals_add(t, HAND_SEGS, &err, hand_seg, HAND_ROWS, hand_arr,
                                       hand_up, hand_xs, hand_ch, w, cov),
                     AMSIZE_OK);
    assert_err_clear(&err);
}

START_TEST(test_basic_aggregation)
{
    amsize_totals t[HAND_SEGS];
    amsize_segment before = caller_segment();

    hand_totals(t, hand_w, hand_cov);
    for (int s = 0; s < HAND_SEGS; s++)
        for (int32_t p = AMSIZE_PART_ALL; p <= AMSIZE_PART_UNCOVERED; p++)
            assert_part(&t[s], p, &hand_want[s][p], &before);
}
END_TEST

/* service_weight NULL: a weight of 1 per account, so W = N in every part. */
START_TEST(test_basic_unweighted)
{
    amsize_totals t[HAND_SEGS];
    amsize_segment before = caller_segment();

    hand_totals(t, NULL, hand_cov);
    for (int s = 0; s < HAND_SEGS; s++) {
        for (int32_t p = AMSIZE_PART_ALL; p <= AMSIZE_PART_UNCOVERED; p++) {
            agg want = hand_want[s][p];
            want.weighted = (double)want.accounts;
            assert_part(&t[s], p, &want, &before);
        }
    }
}
END_TEST

/* am_covered NULL: every account uncovered, so the uncovered part is the
 * whole segment and the covered part is empty (all zeros). */
START_TEST(test_basic_all_uncovered)
{
    amsize_totals t[HAND_SEGS];
    amsize_segment before = caller_segment();
    const agg empty = {0, 0, 0, 0, 0, 0};

    hand_totals(t, hand_w, NULL);
    for (int s = 0; s < HAND_SEGS; s++) {
        assert_part(&t[s], AMSIZE_PART_ALL, &hand_want[s][AMSIZE_PART_ALL], &before);
        assert_part(&t[s], AMSIZE_PART_COVERED, &empty, &before);
        assert_part(&t[s], AMSIZE_PART_UNCOVERED, &hand_want[s][AMSIZE_PART_ALL], &before);
    }
}
END_TEST

/* Freshly initialised accumulators read back as empty segments. */
START_TEST(test_basic_empty)
{
    amsize_totals t[2];
    amsize_segment before = caller_segment();
    const agg empty = {0, 0, 0, 0, 0, 0};

    init_totals(t, 2);
    for (int s = 0; s < 2; s++) {
        ck_assert_uint_eq(t[s].struct_size, sizeof(amsize_totals));
        for (int32_t p = AMSIZE_PART_ALL; p <= AMSIZE_PART_UNCOVERED; p++)
            assert_part(&t[s], p, &empty, &before);
    }
}
END_TEST

/* ---------------------------------------------------------------- suite */

static Suite *totals_suite(void)
{
    Suite *s = suite_create("totals");
    TCase *tc;

    tc = tcase_create("basic");
    tcase_add_test(tc, test_basic_aggregation);
    tcase_add_test(tc, test_basic_unweighted);
    tcase_add_test(tc, test_basic_all_uncovered);
    tcase_add_test(tc, test_basic_empty);
    suite_add_tcase(s, tc);

    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(totals_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
