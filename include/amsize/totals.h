/* libamsize: per-segment totals from account-level columns.
 *
 * A CRM export has one row per account. These functions fold such rows,
 * chunk by chunk, into one accumulator per segment; the accumulators then
 * fill the aggregate fields of each amsize_segment for amsize_chart_compute().
 *
 * The accumulators are a mergeable summary: adding rows in chunks, in one
 * call, or into separate accumulators merged in any order gives the same
 * sums to within 1e-12 relative, because every sum is compensated
 * (Neumaier). So a file of any size can be streamed, and a distributed
 * engine can build partial totals per partition and merge them.
 *
 * Columns, not an array of structs: Python (numpy, array.array) and
 * spreadsheet ranges pass their buffers without copying.
 */
#ifndef AMSIZE_TOTALS_H
#define AMSIZE_TOTALS_H

#include "amsize/export.h"
#include "amsize/status.h"
#include "amsize/segment.h"
#include "amsize/methods.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Which accounts of a segment to read back. Fixed values. */
typedef enum amsize_part {
    AMSIZE_PART_ALL       = 0, /* every account of the segment */
    AMSIZE_PART_COVERED   = 1, /* accounts with am_covered = 1 */
    AMSIZE_PART_UNCOVERED = 2  /* accounts with am_covered = 0 */
} amsize_part;

/* One segment's running totals. Opaque: read it only through the functions
 * below; its layout may change in any release. Guaranteed size: 184 bytes
 * from 1.0 (amsize.h). Initialise arrays with amsize_totals_init(). */
typedef struct amsize_totals {
    uint32_t struct_size;
    uint32_t reserved;
    double opaque[22];
} amsize_totals;

/* Empties totals[0..totals_len-1], one accumulator per segment.
 * Errors: AMSIZE_E_NULL, AMSIZE_E_STRUCT_SIZE. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_totals_init_(amsize_totals *totals, size_t totals_len,
                                             size_t struct_size);
#define amsize_totals_init(totals, totals_len) \
    amsize_totals_init_((totals), (totals_len), sizeof(amsize_totals))

/* Adds rows accounts to the accumulators.
 *
 * Every column has rows entries. segment[i] is the account's segment,
 * 0..totals_len-1; arr, upsell, cross_sell and churn are money, finite and
 * >= 0. service_weight (finite, > 0) may be NULL for a weight of 1 per
 * account; am_covered (0 or 1) may be NULL for "all uncovered". The
 * weighted accounts of a segment are the sum of its weights.
 *
 * On a bad row nothing from this chunk is added (the accumulators are left
 * byte for byte as they were); err->index is the first bad row (0-based
 * within the chunk) and err->field its first bad column, checked in the
 * order segment_index, arr, upsell, cross_sell, churn, service_weight,
 * am_covered. AMSIZE_E_OVERFLOW refuses a chunk whose plain sum of a
 * column exceeds 1e300 (index -1), or a row whose segment's sum is already
 * above 1e306 - 1e300 or whose count would pass 2^53 (index: that row), so
 * every accumulator stays finite and exact in its count.
 * rows = 0 is a no-op.
 *
 * Errors: AMSIZE_E_NULL (totals, or a required column when rows > 0),
 * AMSIZE_E_STRUCT_SIZE, AMSIZE_E_INDEX, AMSIZE_E_NOT_FINITE,
 * AMSIZE_E_NEGATIVE, AMSIZE_E_NOT_POSITIVE, AMSIZE_E_RANGE (am_covered not
 * 0 or 1), AMSIZE_E_OVERFLOW (a sum would leave the finite range). */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_totals_add(amsize_totals *totals, size_t totals_len,
                                           amsize_error *err,
                                           const int32_t *segment, size_t rows,
                                           const double *arr, const double *upsell,
                                           const double *cross_sell, const double *churn,
                                           const double *service_weight,
                                           const uint8_t *am_covered);

/* dst[i] += src[i] for every segment; the arrays must be equally long.
 * src is left unchanged; dst may not overlap src. Errors: AMSIZE_E_NULL,
 * AMSIZE_E_STRUCT_SIZE, AMSIZE_E_BUFFER (lengths differ),
 * AMSIZE_E_OVERFLOW (a merged sum above 1e306 or count above 2^53; index:
 * the segment, and nothing is merged). */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_totals_merge(amsize_totals *dst, size_t dst_len,
                                             amsize_error *err,
                                             const amsize_totals *src, size_t src_len);

/* Writes one segment's totals into the aggregate fields of seg: accounts,
 * weighted_accounts (with has_weighted_accounts = 1), book, upsell,
 * cross_sell and churn. The other fields (productivity, cost, max load,
 * ...) are the caller's and stay as they are. part selects all, covered or
 * uncovered accounts. Errors: AMSIZE_E_NULL, AMSIZE_E_STRUCT_SIZE,
 * AMSIZE_E_RANGE (part), AMSIZE_E_OVERFLOW (a sum outside the finite
 * range; unreachable through amsize_totals_add and _merge). */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_totals_segment(amsize_segment *seg, amsize_error *err,
                                               const amsize_totals *totals,
                                               int32_t part);

/* The pilot comparison of one segment's covered against its uncovered
 * accounts, each NR = U + X - a*C with a = churn_attribution (in [0,1]).
 * Errors: AMSIZE_E_NULL, AMSIZE_E_STRUCT_SIZE, AMSIZE_E_RANGE and
 * AMSIZE_E_NOT_FINITE (churn_attribution), and those of
 * amsize_pilot_compare(). */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_totals_pilot(amsize_pilot *out, amsize_error *err,
                                             const amsize_totals *totals,
                                             double churn_attribution);

#ifdef __cplusplus
}
#endif

#endif /* AMSIZE_TOTALS_H */
