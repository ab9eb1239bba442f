/* Check tests for the inputs and the error report: segment and model
 * init and checks (amsize/segment.h), every invalid field through the
 * chart and the one-segment methods, the init functions' own checks, the
 * status and name strings (amsize/status.h), the version and the struct
 * sizes (amsize/version.h), and the defaults init writes.
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
/* NULL outputs, struct sizes, init                                        */
/* ====================================================================== */

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
    /* 1.1's plan (plan.h) appends 44..52: the staffing columns and the
     * roster's and ramp curve's as the issue names them, then the scratch
     * buffer and the staffing struct. */
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_ATTRITION), "attrition");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_TIME_TO_FILL), "time_to_fill");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_RAMP_MONTHS), "ramp_months");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_CURRENT_AMS), "current_ams");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_SHARE), "share");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_FTE), "fte");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_TENURE_MONTHS), "tenure_months");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_WORK), "work");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_STAFFING), "staffing");
    /* 1.1's evaluation (evaluate.h) appends 53..63: AMS.csv's segment and
     * target, the below_plan threshold, the arrays it reads, and the
     * results that can overflow, as issue 12's columns name them. 64 is
     * the first id no release knows. */
    ck_assert_int_eq(AMSIZE_FIELD_SEGMENT, 53);
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_SEGMENT), "segment");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_TARGET), "target");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_BELOW_PLAN), "below_plan");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_AMS), "ams");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_AM_EVALS), "am_evals");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_COVERAGE), "coverage");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_CSM), "csm");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_ATTAINMENT), "attainment");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_LOAD), "load");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_NET_PER_FTE), "net_per_fte");
    ck_assert_str_eq(amsize_field_name(AMSIZE_FIELD_OBSERVED_PRODUCTIVITY),
                     "observed_productivity");
    ck_assert_int_eq(AMSIZE_FIELD_OBSERVED_PRODUCTIVITY, 63);
    ck_assert_str_eq(amsize_field_name(64), "unknown");
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
     * (schema.h). */
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_FIELD_INFO), sizeof(amsize_field_info));
    if (sizeof(void *) == 8)
        ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_FIELD_INFO), 96);
    /* And the plan's three (plan.h, ids 11..13): amsize_staffing is four
     * 4-byte members and two 8-byte ones, 16 + 16 = 32 bytes;
     * amsize_plan_month two 4-byte members and ten doubles, 8 + 80 = 88;
     * amsize_plan_summary two 4-byte members and seven doubles, 8 + 56 =
     * 64. */
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_STAFFING), 32);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_PLAN_MONTH), 88);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_PLAN_SUMMARY), 64);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_STAFFING), sizeof(amsize_staffing));
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_PLAN_MONTH), sizeof(amsize_plan_month));
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_PLAN_SUMMARY),
                      sizeof(amsize_plan_summary));
    /* The evaluation's three (evaluate.h, ids 14..16): amsize_am is four
     * 4-byte members and eight 8-byte ones, 16 + 64 = 80 bytes;
     * amsize_am_eval two 4-byte members and six doubles, 8 + 48 = 56;
     * amsize_segment_eval 320 (its header's sum). 17 is the first id no
     * release knows. */
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_AM), 80);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_AM_EVAL), 56);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_SEGMENT_EVAL), 320);
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_AM), sizeof(amsize_am));
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_AM_EVAL), sizeof(amsize_am_eval));
    ck_assert_uint_eq(amsize_struct_size(AMSIZE_STRUCT_SEGMENT_EVAL),
                      sizeof(amsize_segment_eval));
    ck_assert_int_eq(AMSIZE_STRUCT_AM, 14);
    ck_assert_int_eq(AMSIZE_STRUCT_SEGMENT_EVAL, 16);
    ck_assert_uint_eq(amsize_struct_size(17), 0);
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

/* ====================================================================== */
/* Suite                                                                   */
/* ====================================================================== */

static Suite *validation_suite(void)
{
    Suite *s = suite_create("validation");
    TCase *tc;

    tc = add_tcase(s, "invalid_segment");
    tcase_add_loop_test(tc, test_bad_segment_field, 0, N_OF(bad_seg));
    tcase_add_test(tc, test_segment_edges_valid);
    tcase_add_test(tc, test_segment_first_bad_field);

    tc = add_tcase(s, "invalid_model");
    tcase_add_loop_test(tc, test_bad_model_field, 0, N_OF(bad_model));
    tcase_add_test(tc, test_model_edges_valid);

    tc = add_tcase(s, "invalid_arguments");
    tcase_add_test(tc, test_methods_bad_outputs);
    tcase_add_test(tc, test_init_bad_arguments);

    tc = add_tcase(s, "strings");
    tcase_add_test(tc, test_strerror);
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_version_and_sizes);

    tc = add_tcase(s, "defaults");
    tcase_add_test(tc, test_defaults_segment);
    tcase_add_test(tc, test_defaults_model_and_error);
    tcase_add_test(tc, test_defaults_outputs);
    return s;
}

int main(void)
{
    return run_suite(validation_suite());
}
