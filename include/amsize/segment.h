/* libamsize: the inputs, one customer segment and the model parameters.
 *
 * Money is in one currency of the caller's choice, per year. Loads are in
 * weighted accounts: an account that needs twice the service counts twice.
 */
#ifndef AMSIZE_SEGMENT_H
#define AMSIZE_SEGMENT_H

#include "amsize/export.h"
#include "amsize/status.h"
#include "amsize/version.h" /* amsize_struct_size(), here in 1.0 */

#ifdef __cplusplus
extern "C" {
#endif

/* Support Infrastructure ratings run 1 (weak) to 5 (strong); 3 is the
 * reference rating at which AM productivity is measured. */
#define AMSIZE_SUPPORT_RATING_MIN 1
#define AMSIZE_SUPPORT_RATING_MAX 5
#define AMSIZE_SUPPORT_RATING_REFERENCE 3

/* One customer segment. Guaranteed size: 120 bytes from 1.0 (amsize.h).
 * Fields are only ever appended, so always fill it through
 * amsize_segment_init(). Defaults written by init follow each field. */
typedef struct amsize_segment {
    uint32_t struct_size;       /* set by amsize_segment_init() */
    int32_t support_rating;     /* s, 1..5; default 3 */
    int64_t accounts;           /* N >= 0; default 0 */
    double weighted_accounts;   /* W >= 0, used when has_weighted_accounts */
    double book;                /* B >= 0: ARR under management; default 0 */
    double upsell;              /* U >= 0: expected next 12 months; default 0 */
    double cross_sell;          /* X >= 0; default 0 */
    double churn;               /* C >= 0: expected ARR lost; default 0 */
    double churn_attribution;   /* a in [0,1]: share of churn the AMs own;
                                   below 1 when renewal reps or CSMs own
                                   renewals; default 1 */
    double am_productivity;     /* P > 0: net new ACV per AM-year at rating
                                   3; no default (0 is refused) */
    double am_cost;             /* K > 0: fully loaded cost of one AM-year;
                                   no default (0 is refused) */
    double gross_margin;        /* m in (0,1]; default 1 */
    double cost_coverage;       /* r > 0: contribution needed per unit of AM
                                   cost; default 1 */
    double growth_per_account;  /* g, any finite value, used when
                                   has_growth_per_account; else NR/W */
    double max_load;            /* Lmax > 0: weighted accounts the best AMs
                                   can serve; no default (0 is refused) */
    int32_t has_weighted_accounts;  /* 0: W = N (default); 1: use the field */
    int32_t has_growth_per_account; /* 0: g = NR/W (default); 1: use field */
} amsize_segment;

/* Selling-time table and Net Ratio rating thresholds. Guaranteed size:
 * 64 bytes from 1.0 (amsize.h); fill through amsize_model_init(). */
typedef struct amsize_model {
    uint32_t struct_size;       /* set by amsize_model_init() */
    int32_t reserved;           /* 0 */
    double selling_time[5];     /* share of an AM's time spent selling at
                                   support rating 1..5; each in (0,1] and
                                   non-decreasing; default
                                   {0.40, 0.50, 0.60, 0.70, 0.80} */
    double rating_high;         /* NR% at or above: "high"; default 0.15 */
    double rating_medium;       /* NR% at or above: "medium"; default 0.05;
                                   must be <= rating_high */
} amsize_model;

/* Fills segs[0..segs_len-1] with the defaults above and sets struct_size.
 * Pass the size of your amsize_segment (the macro does). Errors:
 * AMSIZE_E_NULL (segs NULL with segs_len > 0), AMSIZE_E_STRUCT_SIZE. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_segment_init_(amsize_segment *segs, size_t segs_len,
                                              size_t struct_size);
#define amsize_segment_init(segs, segs_len) \
    amsize_segment_init_((segs), (segs_len), sizeof(amsize_segment))

/* Fills the model with the defaults above. Errors: AMSIZE_E_NULL,
 * AMSIZE_E_STRUCT_SIZE. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_model_init_(amsize_model *model, size_t struct_size);
#define amsize_model_init(model) amsize_model_init_((model), sizeof(amsize_model))

/* Checks one segment without computing anything, for input forms that want
 * to flag a bad field early. index is copied into err->index. Errors: the
 * first bad field, in declaration order, with AMSIZE_E_NOT_FINITE,
 * AMSIZE_E_NEGATIVE, AMSIZE_E_NOT_POSITIVE, AMSIZE_E_RANGE,
 * AMSIZE_E_STRUCT_SIZE or AMSIZE_E_NULL. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_segment_check(amsize_error *err, const amsize_segment *seg,
                                              int64_t index);

/* Checks a model: struct_size (AMSIZE_E_STRUCT_SIZE, field model), each
 * selling time finite and in (0,1], the table
 * non-decreasing (AMSIZE_E_ORDER names the first entry below its
 * predecessor), thresholds finite and rating_medium <= rating_high. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_model_check(amsize_error *err, const amsize_model *model);


#ifdef __cplusplus
}
#endif

#endif /* AMSIZE_SEGMENT_H */
