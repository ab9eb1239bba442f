/* Per-segment totals from account-level columns (see amsize/totals.h).
 *
 * Each accumulator holds two parts, uncovered (0) and AM-covered (1), each
 * an account count and five compensated sums. The state lives in the
 * public struct's opaque doubles, indexed by the constants below, so no
 * pointer ever reinterprets it as another type. The count is kept as a
 * double: exact up to 2^53 accounts. */
#include "internal.h"

#include <float.h>

enum {
    COL_W = 0, /* service weights: the weighted accounts */
    COL_ARR,   /* the book */
    COL_UPSELL,
    COL_CROSS_SELL,
    COL_CHURN,
    NCOLS
};

#define PART_LEN (1 + 2 * NCOLS) /* count, then (sum, compensation) per column */
#define SUM(part, col) (1 + 2 * (col) + (part) * PART_LEN)

/* Bounds that keep every accumulator finite whatever the order of adds and
 * merges: a chunk's plain column sum may not exceed CHUNK_SUM_MAX, a chunk
 * may not add to a sum already above ACC_MAX - CHUNK_SUM_MAX, and a merge
 * may not produce a sum above ACC_MAX. Reading back all parts adds two
 * sums, still finite. */
#define CHUNK_SUM_MAX 1e300
#define ACC_MAX 1e306
#define COUNT_MAX ((double)AMSIZE_HEADCOUNT_MAX) /* 2^53: counts stay exact */

static const amsize_field col_field[NCOLS] = {
    AMSIZE_FIELD_SERVICE_WEIGHT, AMSIZE_FIELD_ARR, AMSIZE_FIELD_UPSELL,
    AMSIZE_FIELD_CROSS_SELL, AMSIZE_FIELD_CHURN,
};

static void ksum_at(double *acc, double x)
{
    amsize__ksum k = {acc[0], acc[1]};
    amsize__ksum_add(&k, x);
    acc[0] = k.sum;
    acc[1] = k.c;
}

static double value_at(const double *acc)
{
    amsize__ksum k = {acc[0], acc[1]};
    return amsize__ksum_value(&k);
}

amsize_status amsize_totals_init_(amsize_totals *totals, size_t totals_len, size_t struct_size)
{
    TRY(amsize__init_check(totals, totals_len, struct_size, sizeof(amsize_totals)));
    for (size_t i = 0; i < totals_len; i++) {
        memset(&totals[i], 0, sizeof totals[i]);
        totals[i].struct_size = (uint32_t)struct_size;
    }
    return AMSIZE_OK;
}

static amsize_status totals_check(amsize_error *err, const amsize_totals *t, size_t n,
                                  amsize_field field)
{
    if (!t)
        return amsize__fail(err, AMSIZE_E_NULL, -1, field);
    for (size_t i = 0; i < n; i++) {
        if (t[i].struct_size != sizeof *t)
            return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, (int64_t)i, AMSIZE_FIELD_STRUCT_SIZE);
    }
    return AMSIZE_OK;
}

/* Checks row's value of an account column against the field table. */
static amsize_status column(amsize_error *err, double v, size_t row, amsize_field f)
{
    const amsize__fielddef *d = amsize__schema_def(AMSIZE_SCHEMA_ACCOUNT, f);
    return amsize__field_value(err, d, f, v, (int64_t)row);
}

/* Segments up to which an add sums the chunk into stack-local accumulators
 * (2 * 32 * 96 bytes) and folds them in at the end, instead of validating
 * the columns in a separate pass. */
#define LOCAL_MAX 32

/* Neumaier's step for a sum and an addend that are both >= 0, as every
 * accepted value is: the larger of the two is a max(), so the step needs no
 * branch and gives the same bits as amsize__ksum_add(). */
static inline void ksum_pos(double *acc, double x)
{
    double s = acc[0], t = s + x;
    double hi = s >= x ? s : x, lo = s >= x ? x : s;
    acc[1] += (hi - t) + lo;
    acc[0] = t;
}

static inline void add_row(amsize_totals *totals, uint32_t seg, uint32_t part, double w,
                           double arr, double up, double cross, double churn)
{
    double *s = totals[seg].opaque;
    s[part * PART_LEN] += 1.0;
    ksum_pos(s + SUM(part, COL_W), w);
    ksum_pos(s + SUM(part, COL_ARR), arr);
    ksum_pos(s + SUM(part, COL_UPSELL), up);
    ksum_pos(s + SUM(part, COL_CROSS_SELL), cross);
    ksum_pos(s + SUM(part, COL_CHURN), churn);
}

/* Whether part `part` of an accumulator as it was before the call may take
 * one more chunk of `rows` rows: every stored sum stays at most ACC_MAX. */
static int has_room(const amsize_totals *before, uint32_t seg, uint32_t part, size_t rows)
{
    const double *b = before[seg].opaque;
    if (b[part * PART_LEN] > COUNT_MAX - (double)rows)
        return 0;
    for (int c = 0; c < NCOLS; c++) {
        if (value_at(b + SUM(part, c)) > ACC_MAX - CHUNK_SUM_MAX)
            return 0;
    }
    return 1;
}

/* Checks every row and reports the first problem exactly: row, column,
 * status. It reads the accumulators (for the bounds) but never writes
 * them. */
static amsize_status validate(amsize_error *err, const amsize_totals *totals, size_t totals_len,
                              const int32_t *segment, size_t rows,
                              const double *const col[NCOLS], const uint8_t *am_covered)
{
    double chunk[NCOLS] = {0};

    for (size_t i = 0; i < rows; i++) {
        if (segment[i] < 0 || (uint64_t)segment[i] >= (uint64_t)totals_len)
            return amsize__fail(err, AMSIZE_E_INDEX, (int64_t)i, AMSIZE_FIELD_SEGMENT_INDEX);
        for (int c = COL_ARR; c < NCOLS; c++) {
            TRY(column(err, col[c][i], i, col_field[c]));
            chunk[c] += col[c][i];
        }
        double w = col[COL_W] ? col[COL_W][i] : 1.0;
        TRY(column(err, w, i, AMSIZE_FIELD_SERVICE_WEIGHT));
        chunk[COL_W] += w;
        uint32_t part = am_covered ? am_covered[i] : 0;
        TRY(column(err, part, i, AMSIZE_FIELD_AM_COVERED));
        if (!has_room(totals, (uint32_t)segment[i], part, rows)) {
            /* Name the column whose sum is full, or the count. */
            const double *b = totals[segment[i]].opaque;
            amsize_field f = AMSIZE_FIELD_ACCOUNTS;
            for (int c = NCOLS - 1; c >= 0; c--) {
                if (value_at(b + SUM(part, c)) > ACC_MAX - CHUNK_SUM_MAX)
                    f = col_field[c];
            }
            return amsize__fail(err, AMSIZE_E_OVERFLOW, (int64_t)i, f);
        }
    }
    for (int c = 0; c < NCOLS; c++) {
        if (!(chunk[c] <= CHUNK_SUM_MAX))
            return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, col_field[c]);
    }
    return AMSIZE_OK;
}

/* Adds rows already validated. */
static void add_checked(amsize_totals *totals, const int32_t *segment, size_t rows,
                        const double *const col[NCOLS], const uint8_t *am_covered)
{
    for (size_t i = 0; i < rows; i++) {
        add_row(totals, (uint32_t)segment[i], am_covered ? am_covered[i] : 0,
                col[COL_W] ? col[COL_W][i] : 1.0, col[COL_ARR][i], col[COL_UPSELL][i],
                col[COL_CROSS_SELL][i], col[COL_CHURN][i]);
    }
}

/* Pairs of doubles for add_fast(): SSE2 (every x86-64) does each operation
 * on both halves at once, which halves the instructions of the hot loop;
 * elsewhere the same operations run on a plain pair. The max and min are
 * x > y ? x : y and x < y ? x : y, as MAXPD and MINPD compute them. */
#ifdef __SSE2__
#include <emmintrin.h>
typedef __m128d pair;
#define pair_make(lo, hi) _mm_set_pd((hi), (lo))
#define pair_add _mm_add_pd
#define pair_sub _mm_sub_pd
#define pair_max _mm_max_pd
#define pair_min _mm_min_pd
#define pair_lo _mm_cvtsd_f64
#define pair_hi(p) _mm_cvtsd_f64(_mm_unpackhi_pd((p), (p)))
#else
typedef struct pair {
    double lo, hi;
} pair;
static inline pair pair_make(double lo, double hi)
{
    pair p = {lo, hi};
    return p;
}
static inline pair pair_add(pair x, pair y)
{
    return pair_make(x.lo + y.lo, x.hi + y.hi);
}
static inline pair pair_sub(pair x, pair y)
{
    return pair_make(x.lo - y.lo, x.hi - y.hi);
}
static inline pair pair_max(pair x, pair y)
{
    return pair_make(x.lo > y.lo ? x.lo : y.lo, x.hi > y.hi ? x.hi : y.hi);
}
static inline pair pair_min(pair x, pair y)
{
    return pair_make(x.lo < y.lo ? x.lo : y.lo, x.hi < y.hi ? x.hi : y.hi);
}
#define pair_lo(p) ((p).lo)
#define pair_hi(p) ((p).hi)
#endif

/* One (segment, part)'s sums for the current call, as three pairs: (count,
 * weight), (ARR, upsell), (cross-sell, churn), each with its Neumaier
 * compensation. */
#define NPAIRS ((1 + NCOLS) / 2)
typedef struct local_acc {
    pair s[NPAIRS], c[NPAIRS];
} local_acc;

/* The halves of NPAIRS pairs, in order. */
static void unpack(double out[2 * NPAIRS], const pair p[NPAIRS])
{
    for (int k = 0; k < NPAIRS; k++) {
        out[2 * k] = pair_lo(p[k]);
        out[2 * k + 1] = pair_hi(p[k]);
    }
}

/* ksum_pos() on both halves of a pair. */
static inline void ksum_pair(local_acc *l, int k, pair x)
{
    pair s = l->s[k], t = pair_add(s, x);
    l->c[k] = pair_add(l->c[k], pair_add(pair_sub(pair_max(s, x), t), pair_min(s, x)));
    l->s[k] = t;
}

/* The hot path for few segments: validates and adds in one pass, without a
 * branch per value. Rows go into stack-local accumulators, so a bad row
 * needs no undo: the caller's totals are written only once the whole chunk
 * is known good. A row is not tested on its own; the pass keeps, per
 * column, the plain sum (NaN or inf if any value was, and the chunk bound
 * of validate()) and the smallest value (negative money, weight <= 0), and
 * ORs the parts together; the room of each (segment, part) is checked for
 * those the chunk touched. That accepts exactly what validate() accepts.
 * Returns 0 on any problem with totals unchanged, and the caller lets
 * validate() say what was wrong. */
static int add_fast(amsize_totals *totals, size_t totals_len, const int32_t *segment,
                    size_t rows, const double *const col[NCOLS], const uint8_t *am_covered)
{
    local_acc acc[2 * LOCAL_MAX];
    double sum[2 * NPAIRS], min[2 * NPAIRS], comp[2 * NPAIRS];
    unsigned parts = 0;
    const double *wc = col[COL_W], *arr = col[COL_ARR], *up = col[COL_UPSELL],
                 *xs = col[COL_CROSS_SELL], *ch = col[COL_CHURN];
    /* Named, not arrays, so that they stay in registers. */
    pair sum0 = pair_make(0, 0), sum1 = sum0, sum2 = sum0;
    pair min0 = pair_make(1, 1), min1 = min0, min2 = min0;

    for (size_t j = 0; j < 2 * totals_len; j++) {
        for (int k = 0; k < NPAIRS; k++)
            acc[j].s[k] = acc[j].c[k] = pair_make(0, 0);
    }
    for (size_t i = 0; i < rows; i++) {
        uint32_t seg = (uint32_t)segment[i]; /* a negative index wraps: out of range */
        if (seg >= totals_len)
            return 0;
        uint32_t part = am_covered ? am_covered[i] : 0;
        parts |= part;
        /* part & 1 keeps the write in bounds; parts refuses part > 1 below. */
        local_acc *l = &acc[2 * seg + (part & 1)];
        pair v0 = pair_make(1.0, wc ? wc[i] : 1.0), v1 = pair_make(arr[i], up[i]),
             v2 = pair_make(xs[i], ch[i]);
        ksum_pair(l, 0, v0);
        ksum_pair(l, 1, v1);
        ksum_pair(l, 2, v2);
        sum0 = pair_add(sum0, v0);
        sum1 = pair_add(sum1, v1);
        sum2 = pair_add(sum2, v2);
        min0 = pair_min(v0, min0);
        min1 = pair_min(v1, min1);
        min2 = pair_min(v2, min2);
    }
    const pair sums[NPAIRS] = {sum0, sum1, sum2}, mins[NPAIRS] = {min0, min1, min2};
    unpack(sum, sums);
    unpack(min, mins);
    /* Index 0 is the count; 1 + c is column c. */
    /* Any doubt sends the chunk to validate(), which finds the row. */
    if (parts > 1)
        return 0;
    for (int c = 0; c < NCOLS; c++) {
        const amsize__range *r = amsize__field_range(AMSIZE_SCHEMA_ACCOUNT, col_field[c]);
        /* NaN fails both comparisons; inf fails the first. */
        if (!(sum[1 + c] <= CHUNK_SUM_MAX) || !amsize__above_min(r, min[1 + c]))
            return 0;
    }
    for (size_t j = 0; j < 2 * totals_len; j++) {
        if (pair_lo(acc[j].s[0]) > 0 &&
            !has_room(totals, (uint32_t)(j / 2), (uint32_t)(j & 1), rows))
            return 0;
    }
    /* Fold each touched accumulator in as amsize_totals_merge() does. */
    for (size_t j = 0; j < 2 * totals_len; j++) {
        double *o = totals[j / 2].opaque;
        int p = (int)(j & 1);
        if (!(pair_lo(acc[j].s[0]) > 0))
            continue;
        unpack(sum, acc[j].s);
        unpack(comp, acc[j].c);
        o[p * PART_LEN] += sum[0];
        for (int c = 0; c < NCOLS; c++) {
            ksum_at(o + SUM(p, c), sum[1 + c]);
            o[SUM(p, c) + 1] += comp[1 + c];
        }
    }
    return 1;
}

amsize_status amsize_totals_add(amsize_totals *totals, size_t totals_len, amsize_error *err,
                                const int32_t *segment, size_t rows, const double *arr,
                                const double *upsell, const double *cross_sell,
                                const double *churn, const double *service_weight,
                                const uint8_t *am_covered)
{
    const double *const col[NCOLS] = {service_weight, arr, upsell, cross_sell, churn};

    TRY(amsize__err_begin(err));
    TRY(totals_check(err, totals, totals_len, AMSIZE_FIELD_TOTAL));
    if (rows == 0)
        return AMSIZE_OK;
    if (!segment)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_SEGMENT_INDEX);
    for (int c = COL_ARR; c < NCOLS; c++) {
        if (!col[c])
            return amsize__fail(err, AMSIZE_E_NULL, -1, col_field[c]);
    }
    /* A bad row must leave the totals as they were. With few segments
     * add_fast() sums into locals and writes only a good chunk; with more,
     * validate everything first, then add. */
    if (totals_len <= LOCAL_MAX && add_fast(totals, totals_len, segment, rows, col, am_covered))
        return AMSIZE_OK;
    TRY(validate(err, totals, totals_len, segment, rows, col, am_covered));
    /* Only reached with few segments if add_fast() and validate() disagree,
     * which they must not: adding then is still correct. */
    add_checked(totals, segment, rows, col, am_covered);
    return AMSIZE_OK;
}

/* dst + src for one accumulator into out; fails on a sum past ACC_MAX. */
static amsize_status merge_one(double *out, amsize_error *err, const double *dst,
                               const double *src, size_t index)
{
    for (int p = 0; p < 2; p++) {
        double n = dst[p * PART_LEN] + src[p * PART_LEN];
        if (n > COUNT_MAX)
            return amsize__fail(err, AMSIZE_E_OVERFLOW, (int64_t)index, AMSIZE_FIELD_ACCOUNTS);
        out[p * PART_LEN] = n;
        for (int c = 0; c < NCOLS; c++) {
            int k = SUM(p, c);
            out[k] = dst[k];
            out[k + 1] = dst[k + 1];
            ksum_at(out + k, src[k]);
            out[k + 1] += src[k + 1];
            if (!(value_at(out + k) <= ACC_MAX))
                return amsize__fail(err, AMSIZE_E_OVERFLOW, (int64_t)index, col_field[c]);
        }
    }
    return AMSIZE_OK;
}

amsize_status amsize_totals_merge(amsize_totals *dst, size_t dst_len, amsize_error *err,
                                  const amsize_totals *src, size_t src_len)
{
    double tmp[2 * PART_LEN];

    TRY(amsize__err_begin(err));
    TRY(totals_check(err, dst, dst_len, AMSIZE_FIELD_TOTAL));
    TRY(totals_check(err, src, src_len, AMSIZE_FIELD_TOTAL));
    if (dst_len != src_len)
        return amsize__fail(err, AMSIZE_E_BUFFER, -1, AMSIZE_FIELD_TOTAL);
    /* Check every segment before changing any, as everywhere else. */
    for (size_t i = 0; i < dst_len; i++)
        TRY(merge_one(tmp, err, dst[i].opaque, src[i].opaque, i));
    for (size_t i = 0; i < dst_len; i++) {
        (void)merge_one(tmp, NULL, dst[i].opaque, src[i].opaque, i);
        memcpy(dst[i].opaque, tmp, sizeof tmp);
    }
    return AMSIZE_OK;
}

/* One column of the chosen part(s), compensation included. */
static double part_value(const amsize_totals *t, int32_t part, int col)
{
    if (part == AMSIZE_PART_ALL) {
        amsize__ksum k = {t->opaque[SUM(0, col)], t->opaque[SUM(0, col) + 1]};
        amsize__ksum_add(&k, t->opaque[SUM(1, col)]);
        k.c += t->opaque[SUM(1, col) + 1];
        return amsize__ksum_value(&k);
    }
    return value_at(t->opaque + SUM(part == AMSIZE_PART_COVERED ? 1 : 0, col));
}

static double part_count(const amsize_totals *t, int32_t part)
{
    if (part == AMSIZE_PART_ALL)
        return t->opaque[0] + t->opaque[PART_LEN];
    return t->opaque[part == AMSIZE_PART_COVERED ? PART_LEN : 0];
}

amsize_status amsize_totals_segment(amsize_segment *seg, amsize_error *err,
                                    const amsize_totals *totals, int32_t part)
{
    double v[NCOLS];

    TRY(amsize__err_begin(err));
    if (!seg)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_SEGMENTS);
    if (seg->struct_size != sizeof *seg)
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, -1, AMSIZE_FIELD_STRUCT_SIZE);
    TRY(totals_check(err, totals, 1, AMSIZE_FIELD_TOTAL));
    if (part != AMSIZE_PART_ALL && part != AMSIZE_PART_COVERED && part != AMSIZE_PART_UNCOVERED)
        return amsize__fail(err, AMSIZE_E_RANGE, -1, AMSIZE_FIELD_AM_COVERED);
    for (int c = 0; c < NCOLS; c++) {
        v[c] = part_value(totals, part, c);
        if (!isfinite(v[c]))
            return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, col_field[c]);
    }
    seg->accounts = (int64_t)part_count(totals, part);
    seg->weighted_accounts = v[COL_W];
    seg->has_weighted_accounts = 1;
    seg->book = v[COL_ARR];
    seg->upsell = v[COL_UPSELL];
    seg->cross_sell = v[COL_CROSS_SELL];
    seg->churn = v[COL_CHURN];
    return AMSIZE_OK;
}

void amsize__totals_split(amsize__split *out, const amsize_totals *t, double churn_attribution)
{
    for (int p = 0; p < 2; p++) {
        int32_t part = p ? AMSIZE_PART_COVERED : AMSIZE_PART_UNCOVERED;
        out->count[p] = part_count(t, part);
        out->book[p] = part_value(t, part, COL_ARR);
        out->nr[p] = (part_value(t, part, COL_UPSELL) + part_value(t, part, COL_CROSS_SELL)) -
                     churn_attribution * part_value(t, part, COL_CHURN);
    }
}

amsize_status amsize_totals_pilot(amsize_pilot *out, amsize_error *err,
                                  const amsize_totals *totals, double churn_attribution)
{
    amsize__split sp;

    TRY(amsize__err_begin(err));
    TRY(totals_check(err, totals, 1, AMSIZE_FIELD_TOTAL));
    TRY(amsize__field_value(err,
                            amsize__schema_def(AMSIZE_SCHEMA_SEGMENT,
                                               AMSIZE_FIELD_CHURN_ATTRIBUTION),
                            AMSIZE_FIELD_CHURN_ATTRIBUTION, churn_attribution, -1));
    amsize__totals_split(&sp, totals, churn_attribution);
    return amsize_pilot_compare(out, err, sp.nr[1], sp.book[1], sp.nr[0], sp.book[0]);
}
