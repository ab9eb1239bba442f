/* libamsize: the three sizing methods, one segment at a time, and the
 * pilot comparison. amsize_chart_compute() runs all three for many
 * segments; these are for callers that want one method's view alone.
 *
 * Each result struct is an output: initialise it with its init macro so
 * the library knows its size, then pass it first. On failure nothing in it
 * changes. The model may be NULL for the documented defaults.
 */
#ifndef AMSIZE_METHODS_H
#define AMSIZE_METHODS_H

#include "amsize/export.h"
#include "amsize/status.h"
#include "amsize/segment.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Net Ratio ratings. Fixed values; NONE only on the totals row. */
typedef enum amsize_rating {
    AMSIZE_RATING_NONE   = 0,
    AMSIZE_RATING_LOW    = 1,
    AMSIZE_RATING_MEDIUM = 2,
    AMSIZE_RATING_HIGH   = 3
} amsize_rating;

/* "low", "medium", "high", "" for NONE, "unknown" otherwise. */
AMSIZE_API const char *amsize_rating_name(int32_t rating);

/* Method 1, Net Ratio. Guaranteed size: 48 bytes from 1.0 (amsize.h). */
typedef struct amsize_netratio {
    uint32_t struct_size;
    int32_t rating;            /* amsize_rating: LOW when NR% is undefined */
    double churn_attributed;   /* a*C */
    double net_ratio;          /* NR = U + X - a*C, money per year */
    double net_ratio_pct;      /* NR/B as a fraction (0.16 = 16%); NaN when
                                  B = 0 */
    double fte_net;            /* max(NR,0)/P, AM-years at rating 3 */
    double reserved;           /* 0 */
} amsize_netratio;

/* Method 3, Support Infrastructure, applied to the Net Ratio demand.
 * Guaranteed size: 40 bytes from 1.0 (amsize.h). */
typedef struct amsize_support {
    uint32_t struct_size;
    int32_t support_rating;    /* s, copied from the segment */
    double support_factor;     /* f = T[3]/T[s]: > 1 with weak support */
    double fte_demand;         /* fte_net * f */
    int64_t hc_demand;         /* ceil_eps(fte_demand) */
    double reserved;           /* 0 */
} amsize_support;

/* The load method's warnings, on amsize_load and on chart rows (chart.h
 * has the others). Fixed bit values. */
#define AMSIZE_FLAG_NO_GROWTH    UINT32_C(0x08) /* g_eff <= 0 while W > 0 */
#define AMSIZE_FLAG_UNECONOMIC   UINT32_C(0x10) /* W > 0 and Lmin undefined or
                                                   Lmin > Lmax */

/* Method 2, the account-load band. Guaranteed size: 56 bytes from 1.0
 * (amsize.h). */
typedef struct amsize_load {
    uint32_t struct_size;
    uint32_t flags;            /* AMSIZE_FLAG_NO_GROWTH, _UNECONOMIC (above) */
    double growth_per_account; /* g_eff: the given g, else NR/W (NaN when
                                  W = 0 and g is not given) */
    double min_load;           /* Lmin = max(1, ceil_eps(r*K/(m*g_eff))),
                                  at least one account; NaN when
                                  g_eff <= 0: no load covers the cost */
    double max_load;           /* Lmax, copied from the segment */
    int64_t hc_floor;          /* ceil_eps(W/Lmax): AMs needed to stay at or
                                  under the maximum load */
    int64_t hc_ceiling;        /* floor_eps(W/Lmin): most AMs that each still
                                  cover their cost; 0 when Lmin is NaN */
    double reserved;           /* 0 */
} amsize_load;

/* The pilot ('actual') comparison of AM-covered and uncovered accounts.
 * Guaranteed size: 48 bytes from 1.0 (amsize.h). */
typedef struct amsize_pilot {
    uint32_t struct_size;
    int32_t accretive;         /* 1 when delta > 0, else 0 */
    double nr_pct_covered;     /* NR_c/B_c; NaN when B_c = 0 */
    double nr_pct_uncovered;   /* NR_u/B_u; NaN when B_u = 0 */
    double delta;              /* NR%_c - NR%_u; NaN when either is NaN */
    double lift;               /* NR%_c/NR%_u; NaN unless NR%_u > 0 */
    double incremental;        /* delta*B_c: money AM coverage added */
} amsize_pilot;

/* Zero an output struct and set its struct_size, so the compute function
 * knows the caller's layout. Use the macros, which pass sizeof as compiled
 * into the caller. Errors: AMSIZE_E_NULL (out), AMSIZE_E_STRUCT_SIZE (a
 * size this library does not know). */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_netratio_init_(amsize_netratio *out, size_t struct_size);
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_support_init_(amsize_support *out, size_t struct_size);
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_load_init_(amsize_load *out, size_t struct_size);
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_pilot_init_(amsize_pilot *out, size_t struct_size);
#define amsize_netratio_init(out) amsize_netratio_init_((out), sizeof(amsize_netratio))
#define amsize_support_init(out) amsize_support_init_((out), sizeof(amsize_support))
#define amsize_load_init(out) amsize_load_init_((out), sizeof(amsize_load))
#define amsize_pilot_init(out) amsize_pilot_init_((out), sizeof(amsize_pilot))

/* Net Ratio of one segment. Errors: AMSIZE_E_NULL (out or seg), any
 * amsize_segment_check() or amsize_model_check() error, AMSIZE_E_OVERFLOW
 * (field net_ratio: NR or NR/B beyond DBL_MAX, e.g. upsell near DBL_MAX;
 * field fte_net: NR/P beyond DBL_MAX, a tiny productivity). err->index is 0 for an error
 * in the segment and -1 for one in the model or the output struct (field
 * model or output). */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_netratio_compute(amsize_netratio *out, amsize_error *err,
                                                 const amsize_segment *seg,
                                                 const amsize_model *model);

/* Support-adjusted demand of one segment: the Net Ratio FTEs scaled by the
 * selling time at its rating. Errors as amsize_netratio_compute(), plus
 * AMSIZE_E_OVERFLOW (field fte_demand) when hc_demand exceeds
 * AMSIZE_HEADCOUNT_MAX. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_support_compute(amsize_support *out, amsize_error *err,
                                                const amsize_segment *seg,
                                                const amsize_model *model);

/* Account-load band of one segment. Errors as amsize_netratio_compute(),
 * plus AMSIZE_E_OVERFLOW for a min_load that is not finite or a headcount
 * above AMSIZE_HEADCOUNT_MAX. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_load_compute(amsize_load *out, amsize_error *err,
                                             const amsize_segment *seg,
                                             const amsize_model *model);

/* Compares covered and uncovered Net Ratios. nr_* is NR in money (any
 * finite value), book_* the matching book (finite, >= 0). err->index is 0
 * for the covered pair, 1 for the uncovered pair, and -1 when delta, lift
 * or incremental overflow; the field is net_ratio or book. Errors:
 * AMSIZE_E_NULL, AMSIZE_E_STRUCT_SIZE, AMSIZE_E_NOT_FINITE,
 * AMSIZE_E_NEGATIVE, AMSIZE_E_OVERFLOW. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_pilot_compare(amsize_pilot *out, amsize_error *err,
                                              double nr_covered, double book_covered,
                                              double nr_uncovered, double book_uncovered);

#ifdef __cplusplus
}
#endif

#endif /* AMSIZE_METHODS_H */
