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
#define COUNT_MAX 9007199254740992.0 /* 2^53: counts stay exact */

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

static amsize_status money(amsize_error *err, double v, size_t row, amsize_field f)
{
    if (!isfinite(v))
        return amsize__fail(err, AMSIZE_E_NOT_FINITE, (int64_t)row, f);
    if (v < 0)
        return amsize__fail(err, AMSIZE_E_NEGATIVE, (int64_t)row, f);
    return AMSIZE_OK;
}

/* Segments up to which an add snapshots the accumulators on the stack
 * (32 * 184 bytes) instead of reading the columns twice. */
#define SNAPSHOT_MAX 32

/* Validates every row and, when add is set, folds it in. before holds the
 * accumulators as they were at the start of the call (a snapshot, or the
 * totals themselves while nothing is added), so that the bound on a sum
 * depends only on the call's input, not on how far the scan has got; NULL
 * skips the bounds, for the second pass of an already checked chunk. */
static amsize_status scan(amsize_totals *totals, size_t totals_len, amsize_error *err,
                          const amsize_totals *before, const int32_t *segment, size_t rows,
                          const double *const col[NCOLS], const uint8_t *am_covered, int add)
{
    double chunk[NCOLS] = {0};

    for (size_t i = 0; i < rows; i++) {
        if (segment[i] < 0 || (uint64_t)segment[i] >= (uint64_t)totals_len)
            return amsize__fail(err, AMSIZE_E_INDEX, (int64_t)i, AMSIZE_FIELD_SEGMENT_INDEX);
        for (int c = COL_ARR; c < NCOLS; c++) {
            TRY(money(err, col[c][i], i, col_field[c]));
            chunk[c] += col[c][i];
        }
        double w = col[COL_W] ? col[COL_W][i] : 1.0;
        if (!isfinite(w))
            return amsize__fail(err, AMSIZE_E_NOT_FINITE, (int64_t)i, AMSIZE_FIELD_SERVICE_WEIGHT);
        if (w <= 0)
            return amsize__fail(err, AMSIZE_E_NOT_POSITIVE, (int64_t)i,
                                AMSIZE_FIELD_SERVICE_WEIGHT);
        chunk[COL_W] += w;
        int part = am_covered ? am_covered[i] : 0;
        if (part > 1)
            return amsize__fail(err, AMSIZE_E_RANGE, (int64_t)i, AMSIZE_FIELD_AM_COVERED);
        if (before) {
            const double *b = before[segment[i]].opaque;
            if (b[part * PART_LEN] > COUNT_MAX - (double)rows)
                return amsize__fail(err, AMSIZE_E_OVERFLOW, (int64_t)i, AMSIZE_FIELD_ACCOUNTS);
            for (int c = 0; c < NCOLS; c++) {
                if (value_at(b + SUM(part, c)) > ACC_MAX - CHUNK_SUM_MAX)
                    return amsize__fail(err, AMSIZE_E_OVERFLOW, (int64_t)i, col_field[c]);
            }
        }
        if (add) {
            double *s = totals[segment[i]].opaque;
            s[part * PART_LEN] += 1.0;
            ksum_at(s + SUM(part, COL_W), w);
            for (int c = COL_ARR; c < NCOLS; c++)
                ksum_at(s + SUM(part, c), col[c][i]);
        }
    }
    for (int c = 0; c < NCOLS; c++) {
        if (!(chunk[c] <= CHUNK_SUM_MAX))
            return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, col_field[c]);
    }
    return AMSIZE_OK;
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
    /* A bad row must leave the totals as they were. With few segments a
     * snapshot makes that one pass over the columns; otherwise validate
     * everything first, then add. */
    if (totals_len <= SNAPSHOT_MAX) {
        amsize_totals saved[SNAPSHOT_MAX];
        memcpy(saved, totals, totals_len * sizeof *totals);
        amsize_status st =
            scan(totals, totals_len, err, saved, segment, rows, col, am_covered, 1);
        if (st != AMSIZE_OK)
            memcpy(totals, saved, totals_len * sizeof *totals);
        return st;
    }
    TRY(scan(totals, totals_len, err, totals, segment, rows, col, am_covered, 0));
    return scan(totals, totals_len, NULL, NULL, segment, rows, col, am_covered, 1);
}

/* dst + src for one accumulator into out; fails on a sum past DBL_MAX. */
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

amsize_status amsize_totals_pilot(amsize_pilot *out, amsize_error *err,
                                  const amsize_totals *totals, double churn_attribution)
{
    double nr[2], book[2];

    TRY(amsize__err_begin(err));
    TRY(totals_check(err, totals, 1, AMSIZE_FIELD_TOTAL));
    if (!isfinite(churn_attribution))
        return amsize__fail(err, AMSIZE_E_NOT_FINITE, -1, AMSIZE_FIELD_CHURN_ATTRIBUTION);
    if (churn_attribution < 0 || churn_attribution > 1)
        return amsize__fail(err, AMSIZE_E_RANGE, -1, AMSIZE_FIELD_CHURN_ATTRIBUTION);
    for (int p = 0; p < 2; p++) {
        int32_t part = p ? AMSIZE_PART_COVERED : AMSIZE_PART_UNCOVERED;
        nr[p] = (part_value(totals, part, COL_UPSELL) + part_value(totals, part, COL_CROSS_SELL)) -
                churn_attribution * part_value(totals, part, COL_CHURN);
        book[p] = part_value(totals, part, COL_ARR);
    }
    return amsize_pilot_compare(out, err, nr[1], book[1], nr[0], book[0]);
}
