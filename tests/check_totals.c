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
#include "fixtures.h"

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

static void assert_err(const amsize_error *err, amsize_status status, int64_t index,
                       amsize_field field)
{
    ck_assert_int_eq(err->status, status);
    ck_assert_int_eq(err->index, index);
    ck_assert_int_eq(err->field, field);
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

/* --------------------------------------------------------- mergeability */

/* xorshift64*: a fixed seed gives the same accounts on every run. */
static uint64_t rng_next(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * UINT64_C(2685821657736338717);
}

/* A uniform draw from 0..n-1 (n small: the modulo bias does not matter). */
static size_t rng_below(uint64_t *state, size_t n)
{
    return (size_t)(rng_next(state) % n);
}

/* A random integer with a random number of significant bits, lo_bits to
 * hi_bits: a log-uniform spread of magnitudes. */
static uint64_t rng_ticks(uint64_t *state, unsigned lo_bits, unsigned hi_bits)
{
    unsigned bits = lo_bits + (unsigned)rng_below(state, hi_bits - lo_bits + 1);
    return (rng_next(state) >> (64 - bits)) | (UINT64_C(1) << (bits - 1));
}

/* Every value is a whole number of ticks of 2^-12, so it is exact in double
 * and the exact sum of a column is an integer sum of ticks. */
#define TICK (1.0 / 4096.0)

enum { M_ROWS = 300000, M_SEGS = 7, M_PARTS = 3, M_COLS = 6, M_SPLIT = 8 };

/* The data set: columns in the order of amsize_totals_add(). */
typedef struct mdata {
    int32_t *seg;
    double *col[5]; /* arr, upsell, cross_sell, churn, service_weight */
    uint8_t *cov;
    /* The exact sums in ticks, [segment][covered][column]; columns as in
     * col[], and the account counts. */
    uint64_t ticks[M_SEGS][2][5];
    int64_t count[M_SEGS][2];
} mdata;

static void mdata_make(mdata *d, uint64_t seed)
{
    uint64_t st = seed;

    memset(d, 0, sizeof *d);
    d->seg = malloc(M_ROWS * sizeof *d->seg);
    d->cov = malloc(M_ROWS * sizeof *d->cov);
    ck_assert_ptr_nonnull(d->seg);
    ck_assert_ptr_nonnull(d->cov);
    for (int c = 0; c < 5; c++) {
        d->col[c] = malloc(M_ROWS * sizeof *d->col[c]);
        ck_assert_ptr_nonnull(d->col[c]);
    }
    for (size_t i = 0; i < M_ROWS; i++) {
        int32_t s = (int32_t)rng_below(&st, M_SEGS);
        uint8_t cv = (uint8_t)(rng_next(&st) >> 63);
        d->seg[i] = s;
        d->cov[i] = cv;
        d->count[s][cv]++;
        for (int c = 0; c < 5; c++) {
            uint64_t k;
            if (c == 4)
                k = rng_ticks(&st, 1, 15); /* weight 2^-12 .. 8 */
            else if (rng_below(&st, 50) == 0)
                k = 0; /* some accounts without upsell, churn, ... */
            else
                k = rng_ticks(&st, 2, 42); /* money ~5e-4 .. ~1e9 */
            d->col[c][i] = (double)k * TICK;
            d->ticks[s][cv][c] += k; /* < 2^19 rows * 2^42: no wrap */
        }
    }
}

static void mdata_free(mdata *d)
{
    free(d->seg);
    free(d->cov);
    for (int c = 0; c < 5; c++)
        free(d->col[c]);
}

static void mdata_add(amsize_totals *t, const mdata *d, size_t from, size_t rows)
{
    amsize_error err = new_err();
    ck_assert_int_eq(amsize_totals_add(t, M_SEGS, &err, d->seg + from, rows,
                                       d->col[0] + from, d->col[1] + from, d->col[2] + from,
                                       d->col[3] + from, d->col[4] + from, d->cov + from),
                     AMSIZE_OK);
}

/* Every figure of every part of every segment, in the order accounts,
 * weighted, book, upsell, cross_sell, churn. */
typedef double mfigures[M_SEGS][M_PARTS][M_COLS];

static void read_figures(mfigures out, const amsize_totals *t)
{
    for (int s = 0; s < M_SEGS; s++) {
        for (int32_t p = 0; p < M_PARTS; p++) {
            amsize_segment seg;
            ck_assert_int_eq(amsize_segment_init(&seg, 1), AMSIZE_OK);
            ck_assert_int_eq(amsize_totals_segment(&seg, NULL, &t[s], p), AMSIZE_OK);
            out[s][p][0] = (double)seg.accounts;
            out[s][p][1] = seg.weighted_accounts;
            out[s][p][2] = seg.book;
            out[s][p][3] = seg.upsell;
            out[s][p][4] = seg.cross_sell;
            out[s][p][5] = seg.churn;
        }
    }
}

/* The exact sums, each rounded once to double: the count and tick sums are
 * below 2^63, the conversion rounds to nearest and the scaling by 2^-12 is
 * exact. */
static void reference_figures(mfigures out, const mdata *d)
{
    static const int col_of[M_COLS] = {-1, 4, 0, 1, 2, 3};

    for (int s = 0; s < M_SEGS; s++) {
        for (int32_t p = 0; p < M_PARTS; p++) {
            /* covered flag(s) summed for this part */
            int lo = p == AMSIZE_PART_COVERED ? 1 : 0;
            int hi = p == AMSIZE_PART_UNCOVERED ? 0 : 1;
            for (int f = 0; f < M_COLS; f++) {
                uint64_t sum = 0;
                for (int cv = lo; cv <= hi; cv++)
                    sum += f == 0 ? (uint64_t)d->count[s][cv] : d->ticks[s][cv][col_of[f]];
                out[s][p][f] = f == 0 ? (double)sum : (double)sum * TICK;
            }
        }
    }
}

/* The documented promise (totals.h): equal to within 1e-12 relative. The
 * account counts are integers and must be equal exactly. */
static void assert_figures_close(mfigures got, mfigures want, const char *what)
{
    for (int s = 0; s < M_SEGS; s++) {
        for (int p = 0; p < M_PARTS; p++) {
            ck_assert_msg(got[s][p][0] == want[s][p][0], "%s: accounts of segment %d part %d",
                          what, s, p);
            for (int f = 1; f < M_COLS; f++) {
                double a = got[s][p][f], b = want[s][p][f];
                double scale = fmax(fabs(a), fabs(b));
                ck_assert_msg(fabs(a - b) <= 1e-12 * scale,
                              "%s: segment %d part %d figure %d: %.17g vs %.17g", what, s, p,
                              f, a, b);
            }
        }
    }
}

/* dst (fresh) += parts[order[0]], parts[order[1]], ...; each src must be
 * left as it was. */
static void merge_in_order(amsize_totals *dst, amsize_totals parts[][M_SEGS],
                           const size_t *order)
{
    init_totals(dst, M_SEGS);
    for (size_t j = 0; j < M_SPLIT; j++) {
        amsize_totals before[M_SEGS];
        amsize_error err = new_err();
        memcpy(before, parts[order[j]], sizeof before);
        ck_assert_int_eq(amsize_totals_merge(dst, M_SEGS, &err, parts[order[j]], M_SEGS),
                         AMSIZE_OK);
        assert_err_clear(&err);
        ck_assert(memcmp(before, parts[order[j]], sizeof before) == 0);
    }
}

START_TEST(test_merge_orders_agree)
{
    static mdata d;
    static mfigures want, one_shot, chunked, reversed, shuffled;
    amsize_totals t[M_SEGS];
    amsize_totals parts[M_SPLIT][M_SEGS];
    size_t order[M_SPLIT];
    uint64_t st = UINT64_C(0x9e3779b97f4a7c15);

    mdata_make(&d, UINT64_C(20261125));
    reference_figures(want, &d);

    /* One call with every row. */
    init_totals(t, M_SEGS);
    mdata_add(t, &d, 0, M_ROWS);
    read_figures(one_shot, t);

    /* Random chunks of 1..5000 rows into one accumulator array, and each
     * chunk also into one of M_SPLIT partial arrays picked at random. */
    init_totals(t, M_SEGS);
    for (size_t j = 0; j < M_SPLIT; j++)
        init_totals(parts[j], M_SEGS);
    for (size_t from = 0; from < M_ROWS;) {
        size_t n = 1 + rng_below(&st, 5000);
        if (n > M_ROWS - from)
            n = M_ROWS - from;
        mdata_add(t, &d, from, n);
        mdata_add(parts[rng_below(&st, M_SPLIT)], &d, from, n);
        from += n;
    }
    read_figures(chunked, t);

    /* The partials merged last to first ... */
    for (size_t j = 0; j < M_SPLIT; j++)
        order[j] = M_SPLIT - 1 - j;
    merge_in_order(t, parts, order);
    read_figures(reversed, t);

    /* ... and in a shuffled order (Fisher-Yates). */
    for (size_t j = 0; j < M_SPLIT; j++)
        order[j] = j;
    for (size_t j = M_SPLIT - 1; j > 0; j--) {
        size_t k = rng_below(&st, j + 1), tmp = order[j];
        order[j] = order[k];
        order[k] = tmp;
    }
    merge_in_order(t, parts, order);
    read_figures(shuffled, t);

    assert_figures_close(one_shot, want, "one call vs exact");
    assert_figures_close(chunked, want, "chunks vs exact");
    assert_figures_close(reversed, want, "reverse merge vs exact");
    assert_figures_close(shuffled, want, "shuffled merge vs exact");
    assert_figures_close(chunked, one_shot, "chunks vs one call");
    assert_figures_close(reversed, one_shot, "reverse merge vs one call");
    assert_figures_close(shuffled, reversed, "shuffled vs reverse merge");
    mdata_free(&d);
}
END_TEST

/* 1e16 then many 1.0s: the spacing of doubles at 1e16 is 2, so a plain
 * double loop rounds every 1e16 + 1 back to 1e16 (ties to even) and loses
 * all the ones. The exact sum 1e16 + n is even, so it is a double. */
enum { ONES = 200000 };

static double naive_sum(const double *x, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i];
    return s;
}

START_TEST(test_merge_compensation_is_real)
{
    static int32_t seg[ONES + 1];
    static double big[ONES + 1], zero[ONES + 1];
    const double exact = 1e16 + (double)ONES;   /* 10000000000200000 */
    const double exact2 = 2e16 + 2.0 * ONES;    /* 20000000000400000 */
    amsize_totals a[1], b[1], c[1], before[1];
    amsize_segment s;
    amsize_error err = new_err();

    big[0] = 1e16;
    for (size_t i = 1; i <= ONES; i++)
        big[i] = 1.0;

    /* The naive loop drifts far past the 1e-12 promise: it returns 1e16,
     * off by 2e5, about 2e-11 relative. */
    ck_assert_double_eq(naive_sum(big, ONES + 1), 1e16);
    ck_assert(fabs(naive_sum(big, ONES + 1) - exact) / exact > 1e-12);

    ck_assert_int_eq(amsize_segment_init(&s, 1), AMSIZE_OK);

    /* One call: exact. */
    init_totals(a, 1);
    ck_assert_int_eq(amsize_totals_add(a, 1, &err, seg, ONES + 1, big, zero, zero, zero, NULL,
                                       NULL),
                     AMSIZE_OK);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, a, AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, exact);
    ck_assert_int_eq(s.accounts, ONES + 1);

    /* The 1e16 alone, then the ones in chunks of 1000: exact. */
    init_totals(b, 1);
    ck_assert_int_eq(amsize_totals_add(b, 1, &err, seg, 1, big, zero, zero, zero, NULL, NULL),
                     AMSIZE_OK);
    for (size_t from = 1; from <= ONES; from += 1000)
        ck_assert_int_eq(amsize_totals_add(b, 1, &err, seg, 1000, big + from, zero, zero,
                                           zero, NULL, NULL),
                         AMSIZE_OK);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, b, AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, exact);

    /* Two accumulators that each hold 1e16 in the sum and 2e5 only in the
     * compensation: the merge must carry the compensation over, or it
     * would give 2e16 + 2e5 instead of 2e16 + 4e5. */
    memcpy(c, a, sizeof c);
    memcpy(before, a, sizeof before);
    ck_assert_int_eq(amsize_totals_merge(c, 1, &err, a, 1), AMSIZE_OK);
    ck_assert(memcmp(before, a, sizeof a) == 0);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, c, AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, exact2);
    ck_assert_int_eq(s.accounts, 2 * (ONES + 1));
    ck_assert(fabs((1e16 + 1e16) - exact2) / exact2 > 1e-12); /* the naive merge */

    /* The same split across the covered and uncovered parts: reading
     * PART_ALL must combine both compensations. */
    {
        static uint8_t cov[ONES + 1];
        init_totals(c, 1);
        ck_assert_int_eq(amsize_totals_add(c, 1, &err, seg, ONES + 1, big, zero, zero, zero,
                                           NULL, cov),
                         AMSIZE_OK);
        memset(cov, 1, sizeof cov);
        ck_assert_int_eq(amsize_totals_add(c, 1, &err, seg, ONES + 1, big, zero, zero, zero,
                                           NULL, cov),
                         AMSIZE_OK);
        ck_assert_int_eq(amsize_totals_segment(&s, &err, c, AMSIZE_PART_COVERED), AMSIZE_OK);
        ck_assert_double_eq(s.book, exact);
        ck_assert_int_eq(amsize_totals_segment(&s, &err, c, AMSIZE_PART_ALL), AMSIZE_OK);
        ck_assert_double_eq(s.book, exact2);
    }
}
END_TEST

/* ------------------------------------------------------------- bad rows */

enum { BAD_ROWS = 100, BAD_ROW = 37, BAD_SEGS = 3 };

/* Which column a bad value goes in. */
enum bad_col { B_SEG, B_ARR, B_UP, B_XS, B_CH, B_W, B_COV };

typedef struct bad_case {
    enum bad_col col;
    double value; /* converted for the integer columns */
    amsize_status status;
    amsize_field field;
} bad_case;

#define MONEY_CASES(col, field)                                      \
    {col, NAN, AMSIZE_E_NOT_FINITE, field},                          \
    {col, INFINITY, AMSIZE_E_NOT_FINITE, field},                     \
    {col, -INFINITY, AMSIZE_E_NOT_FINITE, field},                    \
    {col, -1.0, AMSIZE_E_NEGATIVE, field},                           \
    {col, -DBL_MIN, AMSIZE_E_NEGATIVE, field}

static const bad_case bad_cases[] = {
    {B_SEG, -1, AMSIZE_E_INDEX, AMSIZE_FIELD_SEGMENT_INDEX},
    {B_SEG, BAD_SEGS, AMSIZE_E_INDEX, AMSIZE_FIELD_SEGMENT_INDEX}, /* == totals_len */
    {B_SEG, INT32_MIN, AMSIZE_E_INDEX, AMSIZE_FIELD_SEGMENT_INDEX},
    {B_SEG, INT32_MAX, AMSIZE_E_INDEX, AMSIZE_FIELD_SEGMENT_INDEX},
    MONEY_CASES(B_ARR, AMSIZE_FIELD_ARR),
    MONEY_CASES(B_UP, AMSIZE_FIELD_UPSELL),
    MONEY_CASES(B_XS, AMSIZE_FIELD_CROSS_SELL),
    MONEY_CASES(B_CH, AMSIZE_FIELD_CHURN),
    {B_W, 0.0, AMSIZE_E_NOT_POSITIVE, AMSIZE_FIELD_SERVICE_WEIGHT},
    {B_W, -0.0, AMSIZE_E_NOT_POSITIVE, AMSIZE_FIELD_SERVICE_WEIGHT},
    {B_W, -1.0, AMSIZE_E_NOT_POSITIVE, AMSIZE_FIELD_SERVICE_WEIGHT},
    {B_W, NAN, AMSIZE_E_NOT_FINITE, AMSIZE_FIELD_SERVICE_WEIGHT},
    {B_W, INFINITY, AMSIZE_E_NOT_FINITE, AMSIZE_FIELD_SERVICE_WEIGHT},
    {B_W, -INFINITY, AMSIZE_E_NOT_FINITE, AMSIZE_FIELD_SERVICE_WEIGHT},
    {B_COV, 2, AMSIZE_E_RANGE, AMSIZE_FIELD_AM_COVERED},
    {B_COV, 255, AMSIZE_E_RANGE, AMSIZE_FIELD_AM_COVERED},
};

/* A valid chunk: every row fine, all three segments and both parts used. */
typedef struct chunk {
    int32_t seg[BAD_ROWS];
    double arr[BAD_ROWS], up[BAD_ROWS], xs[BAD_ROWS], ch[BAD_ROWS], w[BAD_ROWS];
    uint8_t cov[BAD_ROWS];
} chunk;

static void chunk_make(chunk *c)
{
    for (int i = 0; i < BAD_ROWS; i++) {
        c->seg[i] = i % BAD_SEGS;
        c->arr[i] = 100.0 * i + 0.5;
        c->up[i] = i;
        c->xs[i] = 2.0 * i;
        c->ch[i] = i / 4.0;
        c->w[i] = 1.0 + (i % 4) * 0.5;
        c->cov[i] = (uint8_t)(i % 2);
    }
}

static amsize_status chunk_add(amsize_totals *t, amsize_error *err, const chunk *c)
{
    return amsize_totals_add(t, BAD_SEGS, err, c->seg, BAD_ROWS, c->arr, c->up, c->xs, c->ch,
                             c->w, c->cov);
}

/* Accumulators that already hold a valid chunk, so "unchanged" means more
 * than "still empty"; that add also shows every row of the chunk is valid
 * before a test spoils one. */
static void chunk_totals(amsize_totals *t, chunk *c)
{
    amsize_error err = new_err();
    chunk_make(c);
    init_totals(t, BAD_SEGS);
    ck_assert_int_eq(chunk_add(t, &err, c), AMSIZE_OK);
}

/* A valid chunk already added, and a snapshot of the accumulators. */
typedef struct fixture {
    chunk c;
    amsize_totals t[BAD_SEGS], before[BAD_SEGS];
    amsize_error err;
} fixture;

static void fixture_setup(fixture *f)
{
    chunk_totals(f->t, &f->c);
    memcpy(f->before, f->t, sizeof f->before);
    f->err = new_err();
}

static void assert_unchanged(const fixture *f)
{
    ck_assert(memcmp(f->before, f->t, sizeof f->before) == 0);
}

START_TEST(test_bad_row)
{
    const bad_case *bc = &bad_cases[_i];
    fixture f;
    chunk *c = &f.c;

    fixture_setup(&f);
    switch (bc->col) {
    case B_SEG: c->seg[BAD_ROW] = (int32_t)bc->value; break;
    case B_ARR: c->arr[BAD_ROW] = bc->value; break;
    case B_UP: c->up[BAD_ROW] = bc->value; break;
    case B_XS: c->xs[BAD_ROW] = bc->value; break;
    case B_CH: c->ch[BAD_ROW] = bc->value; break;
    case B_W: c->w[BAD_ROW] = bc->value; break;
    case B_COV: c->cov[BAD_ROW] = (uint8_t)bc->value; break;
    }

    ck_assert_int_eq(chunk_add(f.t, &f.err, c), bc->status);
    assert_err(&f.err, bc->status, BAD_ROW, bc->field);
    /* Rows 0..36 were valid, yet none of them was added. */
    assert_unchanged(&f);

    /* Without a report the result is the same. */
    ck_assert_int_eq(chunk_add(f.t, NULL, c), bc->status);
    assert_unchanged(&f);
}
END_TEST

/* The first bad row is the one reported, whatever its column. */
START_TEST(test_bad_row_first_reported)
{
    fixture f;

    fixture_setup(&f);
    f.c.cov[60] = 7;
    f.c.arr[BAD_ROW] = -5.0;
    f.c.seg[90] = -1;
    ck_assert_int_eq(chunk_add(f.t, &f.err, &f.c), AMSIZE_E_NEGATIVE);
    assert_err(&f.err, AMSIZE_E_NEGATIVE, BAD_ROW, AMSIZE_FIELD_ARR);
    assert_unchanged(&f);
}
END_TEST

/* ------------------------------------------------------------ arguments */

/* Each required column NULL in turn (loop index = column). */
START_TEST(test_null_column)
{
    static const amsize_field fields[5] = {
        AMSIZE_FIELD_SEGMENT_INDEX, AMSIZE_FIELD_ARR, AMSIZE_FIELD_UPSELL,
        AMSIZE_FIELD_CROSS_SELL, AMSIZE_FIELD_CHURN,
    };
    fixture f;
    const int32_t *seg = f.c.seg;
    const double *arr = f.c.arr, *up = f.c.up, *xs = f.c.xs, *ch = f.c.ch;

    fixture_setup(&f);
    switch (_i) {
    case 0: seg = NULL; break;
    case 1: arr = NULL; break;
    case 2: up = NULL; break;
    case 3: xs = NULL; break;
    case 4: ch = NULL; break;
    }
    ck_assert_int_eq(amsize_totals_add(f.t, BAD_SEGS, &f.err, seg, BAD_ROWS, arr, up, xs, ch,
                                       f.c.w, f.c.cov),
                     AMSIZE_E_NULL);
    assert_err(&f.err, AMSIZE_E_NULL, -1, fields[_i]);
    assert_unchanged(&f);
}
END_TEST

/* rows = 0 is a no-op, even with every column NULL. */
START_TEST(test_zero_rows)
{
    fixture f;
    const chunk *c = &f.c;

    fixture_setup(&f);
    ck_assert_int_eq(amsize_totals_add(f.t, BAD_SEGS, &f.err, NULL, 0, NULL, NULL, NULL, NULL,
                                       NULL, NULL),
                     AMSIZE_OK);
    assert_err_clear(&f.err);
    assert_unchanged(&f);
    /* ... and with valid columns but no rows. */
    ck_assert_int_eq(amsize_totals_add(f.t, BAD_SEGS, &f.err, c->seg, 0, c->arr, c->up, c->xs,
                                       c->ch, c->w, c->cov),
                     AMSIZE_OK);
    assert_unchanged(&f);
}
END_TEST

START_TEST(test_null_totals)
{
    fixture f;
    amsize_segment seg = caller_segment(), seg_before = seg;
    amsize_pilot p, p_before;

    fixture_setup(&f);
    ck_assert_int_eq(amsize_pilot_init(&p), AMSIZE_OK);
    p_before = p;

    ck_assert_int_eq(amsize_totals_init(NULL, 3), AMSIZE_E_NULL);

    ck_assert_int_eq(chunk_add(NULL, &f.err, &f.c), AMSIZE_E_NULL);
    ck_assert_int_eq(f.err.status, AMSIZE_E_NULL);
    ck_assert_int_eq(f.err.field, AMSIZE_FIELD_TOTAL);
    ck_assert_int_eq(amsize_totals_add(NULL, BAD_SEGS, &f.err, f.c.seg, 0, f.c.arr, f.c.up,
                                       f.c.xs, f.c.ch, f.c.w, f.c.cov),
                     AMSIZE_E_NULL);

    ck_assert_int_eq(amsize_totals_merge(NULL, BAD_SEGS, &f.err, f.t, BAD_SEGS), AMSIZE_E_NULL);
    ck_assert_int_eq(f.err.status, AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_totals_merge(f.t, BAD_SEGS, &f.err, NULL, BAD_SEGS), AMSIZE_E_NULL);
    ck_assert_int_eq(f.err.status, AMSIZE_E_NULL);
    assert_unchanged(&f);

    ck_assert_int_eq(amsize_totals_segment(&seg, &f.err, NULL, AMSIZE_PART_ALL),
                     AMSIZE_E_NULL);
    ck_assert_int_eq(f.err.status, AMSIZE_E_NULL);
    ck_assert(memcmp(&seg, &seg_before, sizeof seg) == 0);
    ck_assert_int_eq(amsize_totals_segment(NULL, &f.err, f.t, AMSIZE_PART_ALL), AMSIZE_E_NULL);
    ck_assert_int_eq(f.err.status, AMSIZE_E_NULL);

    ck_assert_int_eq(amsize_totals_pilot(&p, &f.err, NULL, 0.5), AMSIZE_E_NULL);
    ck_assert_int_eq(f.err.status, AMSIZE_E_NULL);
    ck_assert(memcmp(&p, &p_before, sizeof p) == 0);
    ck_assert_int_eq(amsize_totals_pilot(NULL, &f.err, f.t, 0.5), AMSIZE_E_NULL);
    ck_assert_int_eq(f.err.status, AMSIZE_E_NULL);
}
END_TEST

START_TEST(test_struct_size)
{
    chunk c;
    amsize_totals t[BAD_SEGS], t2[BAD_SEGS], before[BAD_SEGS];
    amsize_segment seg = caller_segment(), seg_before;
    amsize_pilot p, p_before;
    amsize_error err = new_err(), bad_err = err;

    /* init with a size the library does not know writes nothing. */
    memset(t, 0xA5, sizeof t);
    memcpy(before, t, sizeof before);
    ck_assert_int_eq(amsize_totals_init_(t, BAD_SEGS, sizeof(amsize_totals) - 8),
                     AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(amsize_totals_init_(t, BAD_SEGS, sizeof(amsize_totals) + 8),
                     AMSIZE_E_STRUCT_SIZE);
    ck_assert(memcmp(before, t, sizeof before) == 0);

    /* add: one element of the array with a foreign size. */
    chunk_totals(t, &c);
    t[2].struct_size = 0;
    memcpy(before, t, sizeof before);
    ck_assert_int_eq(chunk_add(t, &err, &c), AMSIZE_E_STRUCT_SIZE);
    assert_err(&err, AMSIZE_E_STRUCT_SIZE, 2, AMSIZE_FIELD_STRUCT_SIZE);
    ck_assert(memcmp(before, t, sizeof before) == 0);

    /* merge: the foreign element in dst, then in src. */
    chunk_totals(t2, &c);
    ck_assert_int_eq(amsize_totals_merge(t, BAD_SEGS, &err, t2, BAD_SEGS),
                     AMSIZE_E_STRUCT_SIZE);
    assert_err(&err, AMSIZE_E_STRUCT_SIZE, 2, AMSIZE_FIELD_STRUCT_SIZE);
    ck_assert(memcmp(before, t, sizeof before) == 0);
    chunk_totals(t, &c);
    t2[1].struct_size = (uint32_t)sizeof(amsize_totals) - 8;
    memcpy(before, t, sizeof before);
    ck_assert_int_eq(amsize_totals_merge(t, BAD_SEGS, &err, t2, BAD_SEGS),
                     AMSIZE_E_STRUCT_SIZE);
    assert_err(&err, AMSIZE_E_STRUCT_SIZE, 1, AMSIZE_FIELD_STRUCT_SIZE);
    ck_assert(memcmp(before, t, sizeof before) == 0);

    /* segment: a foreign amsize_segment, then a foreign accumulator. */
    seg.struct_size = 64;
    seg_before = seg;
    ck_assert_int_eq(amsize_totals_segment(&seg, &err, &t[0], AMSIZE_PART_ALL),
                     AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(err.status, AMSIZE_E_STRUCT_SIZE);
    ck_assert(memcmp(&seg, &seg_before, sizeof seg) == 0);
    seg = caller_segment();
    seg_before = seg;
    ck_assert_int_eq(amsize_totals_segment(&seg, &err, &t2[1], AMSIZE_PART_ALL),
                     AMSIZE_E_STRUCT_SIZE);
    assert_err(&err, AMSIZE_E_STRUCT_SIZE, 0, AMSIZE_FIELD_STRUCT_SIZE);
    ck_assert(memcmp(&seg, &seg_before, sizeof seg) == 0);

    /* pilot: a foreign accumulator, then a foreign amsize_pilot. */
    ck_assert_int_eq(amsize_pilot_init(&p), AMSIZE_OK);
    p_before = p;
    ck_assert_int_eq(amsize_totals_pilot(&p, &err, &t2[1], 0.5), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(err.status, AMSIZE_E_STRUCT_SIZE);
    ck_assert(memcmp(&p, &p_before, sizeof p) == 0);
    p.struct_size = 8;
    p_before = p;
    ck_assert_int_eq(amsize_totals_pilot(&p, &err, &t[0], 0.5), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(err.status, AMSIZE_E_STRUCT_SIZE);
    ck_assert(memcmp(&p, &p_before, sizeof p) == 0);

    /* A foreign amsize_error: refused, and not written to. */
    bad_err.struct_size = 16;
    memcpy(before, t, sizeof before);
    ck_assert_int_eq(chunk_add(t, &bad_err, &c), AMSIZE_E_STRUCT_SIZE);
    ck_assert(memcmp(before, t, sizeof before) == 0);
    ck_assert_uint_eq(bad_err.struct_size, 16);
    ck_assert_int_eq(bad_err.status, AMSIZE_OK);
    ck_assert_int_eq(bad_err.index, -1);
}
END_TEST

/* dst and src of different lengths, either way round. */
START_TEST(test_merge_lengths)
{
    fixture f;
    amsize_totals t2[BAD_SEGS];
    chunk c2;

    fixture_setup(&f);
    chunk_totals(t2, &c2);
    ck_assert_int_eq(amsize_totals_merge(f.t, BAD_SEGS, &f.err, t2, BAD_SEGS - 1),
                     AMSIZE_E_BUFFER);
    ck_assert_int_eq(f.err.status, AMSIZE_E_BUFFER);
    assert_unchanged(&f);
    ck_assert_int_eq(amsize_totals_merge(f.t, BAD_SEGS - 1, &f.err, t2, BAD_SEGS),
                     AMSIZE_E_BUFFER);
    ck_assert_int_eq(f.err.status, AMSIZE_E_BUFFER);
    assert_unchanged(&f);
}
END_TEST

START_TEST(test_segment_bad_part)
{
    static const int32_t bad_parts[] = {-1, 3, 4, INT32_MAX, INT32_MIN};
    chunk c;
    amsize_totals t[BAD_SEGS];
    amsize_segment seg = caller_segment();
    const amsize_segment before = seg;
    amsize_error err = new_err();

    chunk_totals(t, &c);
    for (size_t i = 0; i < sizeof bad_parts / sizeof bad_parts[0]; i++) {
        ck_assert_int_eq(amsize_totals_segment(&seg, &err, &t[0], bad_parts[i]),
                         AMSIZE_E_RANGE);
        ck_assert_int_eq(err.status, AMSIZE_E_RANGE);
        ck_assert(memcmp(&seg, &before, sizeof seg) == 0);
    }
}
END_TEST

/* A chunk whose plain column sum passes 1e300 is refused whole, for each
 * column in turn (loop index: arr, upsell, cross_sell, churn, weight). */
START_TEST(test_overflow_chunk)
{
    static const amsize_field fields[5] = {
        AMSIZE_FIELD_ARR, AMSIZE_FIELD_UPSELL, AMSIZE_FIELD_CROSS_SELL, AMSIZE_FIELD_CHURN,
        AMSIZE_FIELD_SERVICE_WEIGHT,
    };
    const int32_t seg[3] = {0, 1, 0};
    double col[5][3];
    amsize_totals t[2], before[2];
    amsize_error err = new_err();

    for (int c = 0; c < 5; c++) {
        col[c][0] = col[c][1] = col[c][2] = 1.0;
    }
    init_totals(t, 2);
    /* One row of 1e300 is within the limit. */
    col[_i][1] = 1e300;
    ck_assert_int_eq(amsize_totals_add(t, 2, &err, seg, 3, col[0], col[1], col[2], col[3],
                                       col[4], NULL),
                     AMSIZE_OK);
    memcpy(before, t, sizeof before);
    /* Two rows of 1e300 (in different segments, even) are not. */
    col[_i][0] = 1e300;
    ck_assert_int_eq(amsize_totals_add(t, 2, &err, seg, 3, col[0], col[1], col[2], col[3],
                                       col[4], NULL),
                     AMSIZE_E_OVERFLOW);
    assert_err(&err, AMSIZE_E_OVERFLOW, -1, fields[_i]);
    ck_assert(memcmp(before, t, sizeof before) == 0);
}
END_TEST

/* Merging accumulators with a copy of themselves doubles them. totals.h
 * bounds every sum by 1e306: ACC_MAX/2^20 (exact: a power-of-two scaling;
 * ~9.5e299, so one row passes the 1e300 chunk limit) doubled 20 times is
 * exactly the bound, still accepted. Fills t[0..len-1] so: book[s]
 * doubled 20 times, one account each before the doubling. */
#define ACC_MAX 1e306
#define ACC_MAX_OVER_2_20 (ACC_MAX / 1048576.0)

static void totals_doubled(amsize_totals *t, size_t len, const double *book)
{
    static const int32_t seg[2] = {0, 1};
    static const double zero[2] = {0, 0};
    amsize_totals copy[2];
    amsize_error err = new_err();

    ck_assert_uint_le(len, 2);
    init_totals(t, len);
    ck_assert_int_eq(amsize_totals_add(t, len, &err, seg, len, book, zero, zero, zero, NULL,
                                       NULL),
                     AMSIZE_OK);
    for (int k = 0; k < 20; k++) {
        memcpy(copy, t, len * sizeof *t);
        ck_assert_int_eq(amsize_totals_merge(t, len, &err, copy, len), AMSIZE_OK);
    }
}

/* The 21st doubling would give 2e306, over the bound, and must fail,
 * leaving dst untouched, also its segment 0 that would have merged fine. */
START_TEST(test_overflow_merge)
{
    const double book[2] = {1.0, ACC_MAX_OVER_2_20};
    amsize_totals t[2], copy[2];
    amsize_segment s;
    amsize_error err = new_err();

    ck_assert_int_eq(amsize_segment_init(&s, 1), AMSIZE_OK);
    totals_doubled(t, 2, book);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, &t[1], AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, ACC_MAX);
    ck_assert_int_eq(s.accounts, INT64_C(1) << 20);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, &t[0], AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, 1048576.0); /* 1 * 2^20 */

    memcpy(copy, t, sizeof copy);
    ck_assert_int_eq(amsize_totals_merge(t, 2, &err, copy, 2), AMSIZE_E_OVERFLOW);
    assert_err(&err, AMSIZE_E_OVERFLOW, 1, AMSIZE_FIELD_ARR);
    ck_assert(memcmp(copy, t, sizeof copy) == 0);
}
END_TEST

/* Found by this suite: a valid chunk added to a sum that merges had pushed
 * near DBL_MAX overflowed to +inf. Now a row whose segment's sum is above
 * 1e306 - 1e300 is refused (index: that row), nothing is added, and the
 * accumulator stays readable. Row 0 goes to the full segment 0. */
START_TEST(test_overflow_add_accumulated)
{
    const int32_t seg[1] = {0};
    const double book[1] = {ACC_MAX_OVER_2_20}, more[1] = {1.0}, zero[1] = {0};
    amsize_totals t[1], copy[1];
    amsize_segment s;
    amsize_error err = new_err();

    ck_assert_int_eq(amsize_segment_init(&s, 1), AMSIZE_OK);
    totals_doubled(t, 1, book);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, t, AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, ACC_MAX);

    memcpy(copy, t, sizeof copy);
    ck_assert_int_eq(amsize_totals_add(t, 1, &err, seg, 1, more, zero, zero, zero, NULL, NULL),
                     AMSIZE_E_OVERFLOW);
    assert_err(&err, AMSIZE_E_OVERFLOW, 0, AMSIZE_FIELD_ARR);
    ck_assert(memcmp(copy, t, sizeof copy) == 0);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, t, AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, ACC_MAX);
}
END_TEST

/* Above 32 segments amsize_totals_add() checks every row before adding
 * instead of summing the chunk on the stack first; the contract must not change. 100 rows over 40
 * segments, row i in segment i % 40 with arr i + 1: segment 5 gets rows 5,
 * 45 and 85, so its book is 6 + 46 + 86 = 138. A bad row 37 adds nothing. */
START_TEST(test_many_segments)
{
    enum { SEGS = 40, ROWS = 100 };
    int32_t seg[ROWS];
    double arr[ROWS], zero[ROWS];
    amsize_totals t[SEGS], before[SEGS];
    amsize_segment s;
    amsize_error err = new_err();

    for (int i = 0; i < ROWS; i++) {
        seg[i] = i % SEGS;
        arr[i] = i + 1;
        zero[i] = 0;
    }
    init_totals(t, SEGS);
    ck_assert_int_eq(amsize_totals_add(t, SEGS, &err, seg, ROWS, arr, zero, zero, zero, NULL,
                                       NULL),
                     AMSIZE_OK);
    ck_assert_int_eq(amsize_segment_init(&s, 1), AMSIZE_OK);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, &t[5], AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, 138.0);
    ck_assert_int_eq(s.accounts, 3);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, &t[39], AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, 40.0 + 80.0); /* rows 39 and 79 */

    memcpy(before, t, sizeof before);
    arr[37] = -1;
    ck_assert_int_eq(amsize_totals_add(t, SEGS, &err, seg, ROWS, arr, zero, zero, zero, NULL,
                                       NULL),
                     AMSIZE_E_NEGATIVE);
    assert_err(&err, AMSIZE_E_NEGATIVE, 37, AMSIZE_FIELD_ARR);
    ck_assert(memcmp(before, t, sizeof before) == 0);
}
END_TEST

/* Up to 32 segments a chunk is summed on the stack and folded in; above,
 * it is added row by row. Both must give the same figures: the same rows,
 * big values among small ones in every column, into 32 segments and into
 * 33 (the last one unused). */
START_TEST(test_paths_agree)
{
    enum { SEGS = 32, ROWS = 3000 };
    static int32_t seg[ROWS];
    static double col[5][ROWS];
    static uint8_t cov[ROWS];
    amsize_totals fast[SEGS], slow[SEGS + 1];
    amsize_segment a, b;
    amsize_error err = new_err();

    for (int i = 0; i < ROWS; i++) {
        seg[i] = (i * 7) % SEGS;
        cov[i] = (uint8_t)((i / 3) % 2);
        for (int c = 0; c < 5; c++)
            col[c][i] = i % 97 == c ? 1e16 : 1.0 + (i % 13) * 0.1 + c;
    }
    init_totals(fast, SEGS);
    init_totals(slow, SEGS + 1);
    ck_assert_int_eq(amsize_totals_add(fast, SEGS, &err, seg, ROWS, col[0], col[1], col[2],
                                       col[3], col[4], cov),
                     AMSIZE_OK);
    ck_assert_int_eq(amsize_totals_add(slow, SEGS + 1, &err, seg, ROWS, col[0], col[1], col[2],
                                       col[3], col[4], cov),
                     AMSIZE_OK);
    ck_assert_int_eq(amsize_segment_init(&a, 1), AMSIZE_OK);
    ck_assert_int_eq(amsize_segment_init(&b, 1), AMSIZE_OK);
    for (int k = 0; k < SEGS; k++) {
        for (int32_t part = AMSIZE_PART_ALL; part <= AMSIZE_PART_UNCOVERED; part++) {
            ck_assert_int_eq(amsize_totals_segment(&a, &err, &fast[k], part), AMSIZE_OK);
            ck_assert_int_eq(amsize_totals_segment(&b, &err, &slow[k], part), AMSIZE_OK);
            ck_assert_int_eq(a.accounts, b.accounts);
            ck_assert_double_eq_tol(a.book, b.book, 1e-12 * b.book);
            ck_assert_double_eq_tol(a.upsell, b.upsell, 1e-12 * b.upsell);
            ck_assert_double_eq_tol(a.cross_sell, b.cross_sell, 1e-12 * b.cross_sell);
            ck_assert_double_eq_tol(a.churn, b.churn, 1e-12 * b.churn);
            ck_assert_double_eq_tol(a.weighted_accounts, b.weighted_accounts,
                                    1e-12 * b.weighted_accounts);
        }
    }
}
END_TEST

/* -0.0 is money like 0 (not negative), and a weight like 0 (not
 * positive), whichever row it is in. */
START_TEST(test_negative_zero)
{
    const int32_t seg[3] = {0, 1, 0};
    const double arr[3] = {5, -0.0, 7}, mz[3] = {-0.0, -0.0, -0.0};
    double w[3] = {1, 2, 3};
    amsize_totals t[2], before[2];
    amsize_segment s;
    amsize_error err = new_err();

    init_totals(t, 2);
    ck_assert_int_eq(amsize_totals_add(t, 2, &err, seg, 3, arr, mz, mz, mz, w, NULL), AMSIZE_OK);
    ck_assert_int_eq(amsize_segment_init(&s, 1), AMSIZE_OK);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, &t[0], AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, 12.0);
    ck_assert_double_eq(s.upsell, 0.0);
    ck_assert_double_eq(s.weighted_accounts, 4.0);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, &t[1], AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, 0.0);
    ck_assert_int_eq(s.accounts, 1);

    memcpy(before, t, sizeof before);
    w[2] = -0.0;
    ck_assert_int_eq(amsize_totals_add(t, 2, &err, seg, 3, arr, mz, mz, mz, w, NULL),
                     AMSIZE_E_NOT_POSITIVE);
    assert_err(&err, AMSIZE_E_NOT_POSITIVE, 2, AMSIZE_FIELD_SERVICE_WEIGHT);
    ck_assert(memcmp(before, t, sizeof before) == 0);
}
END_TEST

/* Only the accumulators a chunk touches need room: with segment 0 full, a
 * chunk for segment 1 is added, and one that also reaches segment 0 is
 * refused at its first row there. */
START_TEST(test_full_segment_untouched)
{
    const double book[2] = {ACC_MAX_OVER_2_20, 1.0}, more[2] = {1.0, 2.0}, zero[2] = {0, 0};
    const int32_t only1[2] = {1, 1}, both[2] = {1, 0};
    amsize_totals t[2], before[2];
    amsize_segment s;
    amsize_error err = new_err();

    totals_doubled(t, 2, book);
    ck_assert_int_eq(amsize_totals_add(t, 2, &err, only1, 2, more, zero, zero, zero, NULL, NULL),
                     AMSIZE_OK);
    ck_assert_int_eq(amsize_segment_init(&s, 1), AMSIZE_OK);
    ck_assert_int_eq(amsize_totals_segment(&s, &err, &t[1], AMSIZE_PART_ALL), AMSIZE_OK);
    ck_assert_double_eq(s.book, 1048576.0 + 3.0);

    memcpy(before, t, sizeof before);
    ck_assert_int_eq(amsize_totals_add(t, 2, &err, both, 2, more, zero, zero, zero, NULL, NULL),
                     AMSIZE_E_OVERFLOW);
    assert_err(&err, AMSIZE_E_OVERFLOW, 1, AMSIZE_FIELD_ARR);
    ck_assert(memcmp(before, t, sizeof before) == 0);
}
END_TEST

/* ---------------------------------------------------------------- pilot */

typedef struct pilot_row {
    double arr, up, xs, ch;
    uint8_t cov;
} pilot_row;

/* Adds a decoy account to segment 0 and rows[0..3] to segment 1, then
 * compares segment 1's covered and uncovered accounts. The decoy would
 * change every figure if it leaked in. */
static amsize_status pilot_run(amsize_pilot *p, amsize_error *err, const pilot_row *rows,
                               double attribution)
{
    int32_t seg[5] = {0, 1, 1, 1, 1};
    double arr[5] = {1e6}, up[5] = {5e5}, xs[5] = {5e5}, ch[5] = {0};
    uint8_t cov[5] = {1};
    amsize_totals t[2];

    for (int i = 0; i < 4; i++) {
        arr[i + 1] = rows[i].arr;
        up[i + 1] = rows[i].up;
        xs[i + 1] = rows[i].xs;
        ch[i + 1] = rows[i].ch;
        cov[i + 1] = rows[i].cov;
    }
    init_totals(t, 2);
    ck_assert_int_eq(amsize_totals_add(t, 2, NULL, seg, 5, arr, up, xs, ch, NULL, cov),
                     AMSIZE_OK);
    ck_assert_int_eq(amsize_pilot_init(p), AMSIZE_OK);
    return amsize_totals_pilot(p, err, &t[1], attribution);
}

/* NAN in want: the figure must be NaN. */
static void assert_pilot(const amsize_pilot *p, double pct_c, double pct_u, double delta,
                         double lift, double incremental, int accretive)
{
    const double got[5] = {p->nr_pct_covered, p->nr_pct_uncovered, p->delta, p->lift,
                           p->incremental};
    const double want[5] = {pct_c, pct_u, delta, lift, incremental};

    ck_assert_uint_eq(p->struct_size, sizeof(amsize_pilot));
    for (int k = 0; k < 5; k++) {
        if (isnan(want[k]))
            ck_assert_msg(isnan(got[k]), "pilot figure %d: %.17g, want NaN", k, got[k]);
        else
            ck_assert_msg(got[k] == want[k], "pilot figure %d: %.17g, want %.17g", k, got[k],
                          want[k]);
    }
    ck_assert_int_eq(p->accretive, accretive);
}

/* With a = 0.5:
 *   covered   B_c = 600+400 = 1000, U 200+60 = 260, X 30+10 = 40,
 *             C 60+40 = 100: NR_c = 260+40 - 0.5*100 = 250, NR%_c = 0.25
 *   uncovered B_u = 1500+500 = 2000, U 150+50 = 200, X 50+40 = 90,
 *             C 50+30 = 80: NR_u = 200+90 - 0.5*80 = 250, NR%_u = 0.125
 * All in binary exactly. */
static const pilot_row pilot_base[4] = {
    {600, 200, 30, 60, 1},
    {400, 60, 10, 40, 1},
    {1500, 150, 50, 50, 0},
    {500, 50, 40, 30, 0},
};

START_TEST(test_pilot_accretive)
{
    amsize_pilot p;
    amsize_error err = new_err();

    ck_assert_int_eq(pilot_run(&p, &err, pilot_base, 0.5), AMSIZE_OK);
    assert_err_clear(&err);
    /* delta 0.25-0.125 = 0.125, lift 0.25/0.125 = 2,
     * incremental 0.125*B_c = 0.125*1000 = 125 */
    assert_pilot(&p, 0.25, 0.125, 0.125, 2.0, 125.0, 1);
}
END_TEST

START_TEST(test_pilot_dilutive)
{
    pilot_row rows[4];
    amsize_pilot p;

    /* The coverage flags swapped: B_c = 2000, NR%_c = 0.125; NR%_u = 0.25. */
    memcpy(rows, pilot_base, sizeof rows);
    for (int i = 0; i < 4; i++)
        rows[i].cov = (uint8_t)!rows[i].cov;
    ck_assert_int_eq(pilot_run(&p, NULL, rows, 0.5), AMSIZE_OK);
    /* delta 0.125-0.25 = -0.125, lift 0.125/0.25 = 0.5,
     * incremental -0.125*2000 = -250, not accretive */
    assert_pilot(&p, 0.125, 0.25, -0.125, 0.5, -250.0, 0);
}
END_TEST

START_TEST(test_pilot_lift_undefined)
{
    pilot_row rows[4];
    amsize_pilot p;

    /* Uncovered churn 300+280 = 580: NR_u = 290 - 0.5*580 = 0, NR%_u = 0.
     * delta 0.25, incremental 0.25*1000 = 250; lift NaN (NR%_u not > 0). */
    memcpy(rows, pilot_base, sizeof rows);
    rows[2].ch = 300;
    rows[3].ch = 280;
    ck_assert_int_eq(pilot_run(&p, NULL, rows, 0.5), AMSIZE_OK);
    assert_pilot(&p, 0.25, 0.0, 0.25, NAN, 250.0, 1);

    /* Uncovered churn 800+280 = 1080: NR_u = 290 - 540 = -250,
     * NR%_u = -250/2000 = -0.125. delta 0.25+0.125 = 0.375, incremental
     * 0.375*1000 = 375; lift NaN. */
    rows[2].ch = 800;
    ck_assert_int_eq(pilot_run(&p, NULL, rows, 0.5), AMSIZE_OK);
    assert_pilot(&p, 0.25, -0.125, 0.375, NAN, 375.0, 1);
}
END_TEST

START_TEST(test_pilot_no_book)
{
    pilot_row rows[4];
    amsize_pilot p;

    /* Uncovered accounts without ARR: NR%_u undefined, so are delta, lift
     * and incremental; not accretive. */
    memcpy(rows, pilot_base, sizeof rows);
    rows[2].arr = rows[3].arr = 0;
    ck_assert_int_eq(pilot_run(&p, NULL, rows, 0.5), AMSIZE_OK);
    assert_pilot(&p, 0.25, NAN, NAN, NAN, NAN, 0);

    /* Covered accounts without ARR instead: NR%_c undefined. */
    memcpy(rows, pilot_base, sizeof rows);
    rows[0].arr = rows[1].arr = 0;
    ck_assert_int_eq(pilot_run(&p, NULL, rows, 0.5), AMSIZE_OK);
    assert_pilot(&p, NAN, 0.125, NAN, NAN, NAN, 0);

    /* No covered accounts at all: the same. */
    memcpy(rows, pilot_base, sizeof rows);
    rows[0].cov = rows[1].cov = 0;
    rows[0].arr = rows[1].arr = 0; /* keeps B_u = 2000 */
    rows[0].up = rows[1].up = rows[0].xs = rows[1].xs = rows[0].ch = rows[1].ch = 0;
    ck_assert_int_eq(pilot_run(&p, NULL, rows, 0.5), AMSIZE_OK);
    assert_pilot(&p, NAN, 0.125, NAN, NAN, NAN, 0);
}
END_TEST

/* The ends of [0,1] are accepted. Each NR% is one division of exact
 * integers, so the test's own division gives the same rounded value:
 * a = 0: NR_c = 300, NR_u = 290; a = 1: NR_c = 200, NR_u = 210. */
START_TEST(test_pilot_attribution_ends)
{
    amsize_pilot p;

    ck_assert_int_eq(pilot_run(&p, NULL, pilot_base, 0.0), AMSIZE_OK);
    ck_assert_double_eq(p.nr_pct_covered, 300.0 / 1000.0);
    ck_assert_double_eq(p.nr_pct_uncovered, 290.0 / 2000.0);
    ck_assert_int_eq(p.accretive, 1);
    ck_assert_int_eq(pilot_run(&p, NULL, pilot_base, 1.0), AMSIZE_OK);
    ck_assert_double_eq(p.nr_pct_covered, 200.0 / 1000.0);
    ck_assert_double_eq(p.nr_pct_uncovered, 210.0 / 2000.0);
    ck_assert_int_eq(p.accretive, 1);
}
END_TEST

START_TEST(test_pilot_bad_attribution)
{
    static const struct {
        double a;
        amsize_status status;
    } cases[] = {
        {NAN, AMSIZE_E_NOT_FINITE},
        {INFINITY, AMSIZE_E_NOT_FINITE},
        {-INFINITY, AMSIZE_E_NOT_FINITE},
        {1.5, AMSIZE_E_RANGE},
        {-0.1, AMSIZE_E_RANGE},
        {1.0 + DBL_EPSILON, AMSIZE_E_RANGE},
    };

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        amsize_pilot p;
        amsize_error err = new_err();
        amsize_pilot before;
        ck_assert_int_eq(pilot_run(&p, &err, pilot_base, cases[i].a), cases[i].status);
        assert_err(&err, cases[i].status, -1, AMSIZE_FIELD_CHURN_ATTRIBUTION);
        /* Nothing written: still as amsize_pilot_init() left it. */
        ck_assert_int_eq(amsize_pilot_init(&before), AMSIZE_OK);
        ck_assert(memcmp(&p, &before, sizeof p) == 0);
    }
}
END_TEST

/* ----------------------------------------------------------- end to end */

/* Exactly equal, or both NaN (undefined figures on a chart row). */
static void assert_same_double(double a, double b, const char *field, int row)
{
    ck_assert_msg((isnan(a) && isnan(b)) || a == b, "row %d %s: %.17g vs %.17g", row, field,
                  a, b);
}

static void assert_same_row(const amsize_chart_row *a, const amsize_chart_row *b, int row)
{
#define SAME_INT(f) ck_assert_msg(a->f == b->f, "row %d " #f ": %lld vs %lld", row, \
                                  (long long)a->f, (long long)b->f)
#define SAME_DBL(f) assert_same_double(a->f, b->f, #f, row)
    SAME_INT(struct_size);
    SAME_INT(support_rating);
    SAME_INT(accounts);
    SAME_DBL(weighted_accounts);
    SAME_DBL(book);
    SAME_DBL(upsell);
    SAME_DBL(cross_sell);
    SAME_DBL(churn_attributed);
    SAME_DBL(net_ratio);
    SAME_DBL(net_ratio_pct);
    SAME_INT(net_ratio_rating);
    SAME_INT(binding);
    SAME_DBL(support_factor);
    SAME_DBL(fte_net);
    SAME_DBL(fte_demand);
    SAME_DBL(min_load);
    SAME_DBL(max_load);
    SAME_INT(hc_floor);
    SAME_INT(hc_ceiling);
    SAME_INT(hc_demand);
    SAME_INT(headcount);
    SAME_INT(flags);
    SAME_INT(reserved);
    SAME_DBL(load_per_am);
    SAME_DBL(cost);
    SAME_DBL(net_per_am);
    SAME_DBL(roi);
#undef SAME_INT
#undef SAME_DBL
}

/* The caller's side of the three hand-made segments. */
static void e2e_caller_fields(amsize_segment *segs)
{
    ck_assert_int_eq(amsize_segment_init(segs, HAND_SEGS), AMSIZE_OK);
    segs[0].am_productivity = 500;
    segs[0].am_cost = 100;
    segs[0].max_load = 2.0;
    segs[1].support_rating = 2;
    segs[1].am_productivity = 50;
    segs[1].am_cost = 20;
    segs[1].max_load = 1.0;
    segs[2].support_rating = 5;
    segs[2].am_productivity = 200;
    segs[2].am_cost = 300;
    segs[2].max_load = 1.5;
    segs[2].churn_attribution = 0.5;
    segs[2].gross_margin = 0.8;
}

/* The hand-made book through amsize_totals_segment() and the chart, against
 * the same aggregates typed into the segments (hand_want), for each part. */
START_TEST(test_end_to_end_chart)
{
    const int32_t part = _i;
    amsize_totals t[HAND_SEGS];
    amsize_segment from_totals[HAND_SEGS], by_hand[HAND_SEGS];
    amsize_chart_row rows_t[HAND_SEGS], rows_h[HAND_SEGS], total_t, total_h;
    amsize_error err = new_err();

    hand_totals(t, hand_w, hand_cov);
    e2e_caller_fields(from_totals);
    e2e_caller_fields(by_hand);
    for (int s = 0; s < HAND_SEGS; s++) {
        const agg *w = &hand_want[s][part];
        ck_assert_int_eq(amsize_totals_segment(&from_totals[s], &err, &t[s], part), AMSIZE_OK);
        by_hand[s].accounts = w->accounts;
        by_hand[s].weighted_accounts = w->weighted;
        by_hand[s].has_weighted_accounts = 1;
        by_hand[s].book = w->book;
        by_hand[s].upsell = w->upsell;
        by_hand[s].cross_sell = w->cross_sell;
        by_hand[s].churn = w->churn;
    }

    ck_assert_int_eq(amsize_chart_row_init(rows_t, HAND_SEGS), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_row_init(rows_h, HAND_SEGS), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_row_init(&total_t, 1), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_row_init(&total_h, 1), AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_compute(rows_t, HAND_SEGS, &total_t, &err, from_totals,
                                          HAND_SEGS, NULL),
                     AMSIZE_OK);
    ck_assert_int_eq(amsize_chart_compute(rows_h, HAND_SEGS, &total_h, &err, by_hand,
                                          HAND_SEGS, NULL),
                     AMSIZE_OK);
    for (int s = 0; s < HAND_SEGS; s++)
        assert_same_row(&rows_t[s], &rows_h[s], s);
    assert_same_row(&total_t, &total_h, -1);
    /* A row that was really computed, not two untouched inits. */
    ck_assert_int_eq(rows_t[0].accounts, hand_want[0][part].accounts);
    ck_assert_double_eq(rows_t[0].book, hand_want[0][part].book);
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

    tc = tcase_create("merge");
    tcase_add_test(tc, test_merge_orders_agree);
    tcase_add_test(tc, test_merge_compensation_is_real);
    suite_add_tcase(s, tc);

    tc = tcase_create("bad_rows");
    tcase_add_loop_test(tc, test_bad_row, 0, (int)(sizeof bad_cases / sizeof bad_cases[0]));
    tcase_add_test(tc, test_bad_row_first_reported);
    suite_add_tcase(s, tc);

    tc = tcase_create("arguments");
    tcase_add_loop_test(tc, test_null_column, 0, 5);
    tcase_add_test(tc, test_zero_rows);
    tcase_add_test(tc, test_null_totals);
    tcase_add_test(tc, test_struct_size);
    tcase_add_test(tc, test_merge_lengths);
    tcase_add_test(tc, test_segment_bad_part);
    tcase_add_loop_test(tc, test_overflow_chunk, 0, 5);
    tcase_add_test(tc, test_overflow_merge);
    tcase_add_test(tc, test_overflow_add_accumulated);
    tcase_add_test(tc, test_many_segments);
    tcase_add_test(tc, test_paths_agree);
    tcase_add_test(tc, test_negative_zero);
    tcase_add_test(tc, test_full_segment_untouched);
    suite_add_tcase(s, tc);

    tc = tcase_create("pilot");
    tcase_add_test(tc, test_pilot_accretive);
    tcase_add_test(tc, test_pilot_dilutive);
    tcase_add_test(tc, test_pilot_lift_undefined);
    tcase_add_test(tc, test_pilot_no_book);
    tcase_add_test(tc, test_pilot_attribution_ends);
    tcase_add_test(tc, test_pilot_bad_attribution);
    suite_add_tcase(s, tc);

    tc = tcase_create("end_to_end");
    tcase_add_loop_test(tc, test_end_to_end_chart, AMSIZE_PART_ALL, AMSIZE_PART_UNCOVERED + 1);
    suite_add_tcase(s, tc);

    return s;
}

int main(void)
{
    return run_suite(totals_suite());
}
