/* The sample inputs and small helpers every test program shares: the Check
 * suites (tests/check_<topic>.c), the libFuzzer targets (tests/fuzz/) and
 * the reliability programs (tests/reliability/). The sample segments are
 * written here once.
 *
 * Sample segments (default model: selling time {.4,.5,.6,.7,.8}, high .15,
 * medium .05), used throughout:
 *   Enterprise  N=200   B=100M U=12M  X=8M   C=4M a=1   P=1.5M K=200k Lmax=20  s=3
 *   Mid-Market  N=1500  B=90M  U=11M  X=3M   C=6M a=.5  P=1.2M K=160k Lmax=200 s=3
 *   SMB         N=20000 B=40M  U=1.5M X=0.5M C=3M a=.5  P=1M   K=120k Lmax=500 s=4
 *   Ceiling     N=100   B=10M  U=2M   X=0    C=0  a=1   P=50k  K=100k Lmax=50  s=3
 * Enterprise and SMB are the README's worked examples.
 *
 * Include <check.h> before this header to get the Check helpers at the
 * end, and so that ASSERT_OK fails the test rather than abort()s.
 */
#ifndef AMSIZE_TESTS_FIXTURES_H
#define AMSIZE_TESTS_FIXTURES_H

#include <amsize.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ASSERT_OK(call): the call must return AMSIZE_OK. Using the status this
 * way also satisfies AMSIZE_WARN_UNUSED, which a (void) cast does not in
 * gcc. Under Check a failure fails the test, naming the call and the
 * status; elsewhere it prints the same and abort()s, which libFuzzer
 * reports as a crash and automake as a failed test. */
#ifdef ck_assert_msg
#define ASSERT_OK(call)                                                                 \
    do {                                                                                \
        amsize_status assert_ok_st_ = (call);                                           \
        ck_assert_msg(assert_ok_st_ == AMSIZE_OK, "%s returned %d (%s), want AMSIZE_OK", \
                      #call, (int)assert_ok_st_, amsize_strerror(assert_ok_st_));       \
    } while (0)
#else
#define ASSERT_OK(call)                                                                 \
    do {                                                                                \
        amsize_status assert_ok_st_ = (call);                                           \
        if (assert_ok_st_ != AMSIZE_OK) {                                               \
            fprintf(stderr, "%s:%d: %s returned %d (%s), want AMSIZE_OK\n", __FILE__,   \
                    __LINE__, #call, (int)assert_ok_st_, amsize_strerror(assert_ok_st_)); \
            abort();                                                                    \
        }                                                                               \
    } while (0)
#endif

/* For values with no exact double (32/3, 200/11, ...): far tighter than
 * any figure a caller reads, far looser than the last-bit rounding. */
#define TOL 1e-9

#define N_OF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---------------------------------------------------------- the samples */

/* A defaulted segment with the aggregate and required fields given; the
 * others keep amsize_segment_init()'s defaults (s = 3, a = 1, m = 1,
 * r = 1, W = N, g = NR/W). */
static inline void seg_set(amsize_segment *s, int64_t n, double book, double up, double cross,
                           double churn, double prod, double cost, double max_load)
{
    ASSERT_OK(amsize_segment_init(s, 1));
    s->accounts = n;
    s->book = book;
    s->upsell = up;
    s->cross_sell = cross;
    s->churn = churn;
    s->am_productivity = prod;
    s->am_cost = cost;
    s->max_load = max_load;
}

static inline void seg_enterprise(amsize_segment *s)
{
    seg_set(s, 200, 100e6, 12e6, 8e6, 4e6, 1.5e6, 200e3, 20);
}

static inline void seg_midmarket(amsize_segment *s)
{
    seg_set(s, 1500, 90e6, 11e6, 3e6, 6e6, 1.2e6, 160e3, 200);
    s->churn_attribution = 0.5;
}

static inline void seg_smb(amsize_segment *s)
{
    seg_set(s, 20000, 40e6, 1.5e6, 0.5e6, 3e6, 1e6, 120e3, 500);
    s->churn_attribution = 0.5;
    s->support_rating = 4;
}

/* Demand above the cost ceiling above the service floor. */
static inline void seg_ceiling(amsize_segment *s)
{
    seg_set(s, 100, 10e6, 2e6, 0, 0, 50e3, 100e3, 50);
}

static inline void three_segs(amsize_segment segs[3])
{
    seg_enterprise(&segs[0]);
    seg_midmarket(&segs[1]);
    seg_smb(&segs[2]);
}

/* ------------------------------------------------- patching by offset */

/* One field of amsize_segment set to a value, by offset, so that tables
 * can describe inputs. KIND_NONE ends a list of patches. */
enum { KIND_NONE, KIND_DOUBLE, KIND_I32, KIND_I64 };

typedef struct seg_patch {
    size_t off;
    int kind;
    double v;
} seg_patch;

#define PD(f, x) {offsetof(amsize_segment, f), KIND_DOUBLE, (x)}
#define PI(f, x) {offsetof(amsize_segment, f), KIND_I32, (x)}
#define PL(f, x) {offsetof(amsize_segment, f), KIND_I64, (x)}

static inline void apply_patch(amsize_segment *s, seg_patch p)
{
    unsigned char *base = (unsigned char *)s;
    if (p.kind == KIND_DOUBLE) {
        memcpy(base + p.off, &p.v, sizeof p.v);
    } else if (p.kind == KIND_I32) {
        int32_t v = (int32_t)p.v;
        memcpy(base + p.off, &v, sizeof v);
    } else if (p.kind == KIND_I64) {
        int64_t v = (int64_t)p.v;
        memcpy(base + p.off, &v, sizeof v);
    }
}

/* Fills an initialised output struct with a byte pattern, keeping its
 * leading struct_size valid, so that "nothing written" is a memcmp. */
static inline void poison(void *p, size_t size)
{
    unsigned char *b = p;
    memset(b + sizeof(uint32_t), 0xA5, size - sizeof(uint32_t));
}

static inline void poison_rows(amsize_chart_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        poison(&rows[i], sizeof rows[i]);
}

/* ------------------------------------------------------- Check helpers */
#ifdef ck_assert_msg

/* One segment through the chart with the default model; must succeed. */
static inline amsize_chart_row chart1(const amsize_segment *seg)
{
    amsize_chart_row row;
    amsize_error err;
    ck_assert_int_eq(amsize_chart_row_init(&row, 1), AMSIZE_OK);
    ck_assert_int_eq(amsize_error_init(&err), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_compute(&row, 1, NULL, &err, seg, 1, NULL), AMSIZE_OK);
    ck_assert_int_eq(err.status, AMSIZE_OK);
    return row;
}

static inline void check_counts(const amsize_chart_row *r, int64_t floor_hc, int64_t ceiling_hc,
                                int64_t demand, int64_t headcount, int32_t binding,
                                uint32_t flags)
{
    ck_assert_int_eq(r->hc_floor, floor_hc);
    ck_assert_int_eq(r->hc_ceiling, ceiling_hc);
    ck_assert_int_eq(r->hc_demand, demand);
    ck_assert_int_eq(r->headcount, headcount);
    ck_assert_int_eq(r->binding, binding);
    ck_assert_uint_eq(r->flags, flags);
}

/* A call's status and the report it left in err. */
static inline void check_err(const amsize_error *err, amsize_status got, amsize_status want,
                             int64_t idx, int32_t field)
{
    ck_assert_msg(got == want, "status %d (%s), want %d (%s)", (int)got, amsize_strerror(got),
                  (int)want, amsize_strerror(want));
    ck_assert_int_eq(err->status, want);
    ck_assert_int_eq(err->index, idx);
    ck_assert_msg(err->field == field, "field %s, want %s", amsize_field_name(err->field),
                  amsize_field_name(field));
}

/* The chart, writing into the caller's rows and total, must fail with
 * exactly this report and leave both as they were. */
static inline void expect_chart_error_into(amsize_chart_row *rows, size_t rows_len,
                                           amsize_chart_row *total, const amsize_segment *segs,
                                           size_t n, const amsize_model *model,
                                           amsize_status want, int64_t idx, int32_t field)
{
    amsize_chart_row rows0[4], total0;
    amsize_error err;

    ck_assert(rows_len <= 4);
    memcpy(rows0, rows, rows_len * sizeof *rows);
    memcpy(&total0, total, sizeof total0);
    ck_assert_int_eq(amsize_error_init(&err), AMSIZE_OK);
    check_err(&err, amsize_chart_compute(rows, rows_len, total, &err, segs, n, model), want,
              idx, field);
    ck_assert_mem_eq(rows, rows0, rows_len * sizeof *rows);
    ck_assert_mem_eq(total, &total0, sizeof total0);
}

/* The same with fresh poisoned outputs: four rows and a total. */
static inline void expect_chart_error(const amsize_segment *segs, size_t n,
                                      const amsize_model *model, amsize_status want,
                                      int64_t idx, int32_t field)
{
    amsize_chart_row rows[4], total;

    ck_assert_int_eq(amsize_chart_row_init(rows, 4), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_row_init(&total, 1), AMSIZE_OK);
    poison_rows(rows, 4);
    poison(&total, sizeof total);
    expect_chart_error_into(rows, 4, &total, segs, n, model, want, idx, field);
}

/* The one-segment methods, by bit: each computes only what it needs
 * (support skips the load, load skips the support), so an overflow in one
 * stage fails only the methods that run it. */
enum { M_NR = 1, M_SUP = 2, M_LOAD = 4, M_ALL = 7 };

/* The methods in mask must fail with this report and leave their outputs
 * as they were; the others must succeed. */
static inline void expect_methods_error(const amsize_segment *seg, const amsize_model *model,
                                        int mask, amsize_status want, int64_t idx,
                                        int32_t field)
{
    amsize_netratio nr, nr0;
    amsize_support sup, sup0;
    amsize_load load, load0;
    amsize_error err;
    amsize_status st;

    ASSERT_OK(amsize_netratio_init(&nr));
    ASSERT_OK(amsize_support_init(&sup));
    ASSERT_OK(amsize_load_init(&load));
    poison(&nr, sizeof nr);
    poison(&sup, sizeof sup);
    poison(&load, sizeof load);
    nr0 = nr;
    sup0 = sup;
    load0 = load;

    ASSERT_OK(amsize_error_init(&err));
    st = amsize_netratio_compute(&nr, &err, seg, model);
    if (mask & M_NR) {
        check_err(&err, st, want, idx, field);
        ck_assert_mem_eq(&nr, &nr0, sizeof nr);
    } else {
        ck_assert_int_eq(st, AMSIZE_OK);
    }
    ASSERT_OK(amsize_error_init(&err));
    st = amsize_support_compute(&sup, &err, seg, model);
    if (mask & M_SUP) {
        check_err(&err, st, want, idx, field);
        ck_assert_mem_eq(&sup, &sup0, sizeof sup);
    } else {
        ck_assert_int_eq(st, AMSIZE_OK);
    }
    ASSERT_OK(amsize_error_init(&err));
    st = amsize_load_compute(&load, &err, seg, model);
    if (mask & M_LOAD) {
        check_err(&err, st, want, idx, field);
        ck_assert_mem_eq(&load, &load0, sizeof load);
    } else {
        ck_assert_int_eq(st, AMSIZE_OK);
    }
}

static inline TCase *add_tcase(Suite *s, const char *name)
{
    TCase *tc = tcase_create(name);
    suite_add_tcase(s, tc);
    return tc;
}

/* Every suite's main(): run it, exit 0 when no test failed. */
static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif /* ck_assert_msg */

#endif /* AMSIZE_TESTS_FIXTURES_H */
