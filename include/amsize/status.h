/* libamsize: status codes and the error report.
 *
 * Every function that can fail returns an amsize_status and, when the
 * caller passes an amsize_error, says where the problem is: the index of
 * the segment (or account row) and the field. On failure no output is
 * written, so a caller never sees half a chart.
 */
#ifndef AMSIZE_STATUS_H
#define AMSIZE_STATUS_H

#include "amsize/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Values are fixed forever: bindings and logs store the numbers. New codes
 * are only ever appended. */
typedef enum amsize_status {
    AMSIZE_OK              = 0,
    AMSIZE_E_NULL          = 1,  /* a required pointer is NULL */
    AMSIZE_E_STRUCT_SIZE   = 2,  /* struct_size is not one this library knows */
    AMSIZE_E_NOT_FINITE    = 3,  /* NaN or +/-infinity */
    AMSIZE_E_NEGATIVE      = 4,  /* must be >= 0 */
    AMSIZE_E_NOT_POSITIVE  = 5,  /* must be > 0 */
    AMSIZE_E_RANGE         = 6,  /* outside its documented range */
    AMSIZE_E_ORDER         = 7,  /* values out of order (table, thresholds) */
    AMSIZE_E_EMPTY         = 8,  /* zero segments */
    AMSIZE_E_BUFFER        = 9,  /* output buffer shorter than the input */
    AMSIZE_E_OVERFLOW      = 10, /* a result too large to represent exactly */
    AMSIZE_E_INDEX         = 11  /* a segment index outside 0..segments-1 */
} amsize_status;

/* Which input or output a status refers to. Fixed values; appended only. */
typedef enum amsize_field {
    AMSIZE_FIELD_NONE               = 0,
    AMSIZE_FIELD_STRUCT_SIZE        = 1,
    AMSIZE_FIELD_ACCOUNTS           = 2,
    AMSIZE_FIELD_WEIGHTED_ACCOUNTS  = 3,
    AMSIZE_FIELD_BOOK               = 4,
    AMSIZE_FIELD_UPSELL             = 5,
    AMSIZE_FIELD_CROSS_SELL         = 6,
    AMSIZE_FIELD_CHURN              = 7,
    AMSIZE_FIELD_CHURN_ATTRIBUTION  = 8,
    AMSIZE_FIELD_AM_PRODUCTIVITY    = 9,
    AMSIZE_FIELD_AM_COST            = 10,
    AMSIZE_FIELD_GROSS_MARGIN       = 11,
    AMSIZE_FIELD_COST_COVERAGE      = 12,
    AMSIZE_FIELD_GROWTH_PER_ACCOUNT = 13,
    AMSIZE_FIELD_MAX_LOAD           = 14,
    AMSIZE_FIELD_SUPPORT_RATING     = 15,
    AMSIZE_FIELD_SELLING_TIME_1     = 16, /* selling_time[0], rating 1 */
    AMSIZE_FIELD_SELLING_TIME_2     = 17,
    AMSIZE_FIELD_SELLING_TIME_3     = 18,
    AMSIZE_FIELD_SELLING_TIME_4     = 19,
    AMSIZE_FIELD_SELLING_TIME_5     = 20,
    AMSIZE_FIELD_RATING_HIGH        = 21,
    AMSIZE_FIELD_RATING_MEDIUM      = 22,
    AMSIZE_FIELD_SEGMENTS           = 23, /* the segment array or its length */
    AMSIZE_FIELD_ROWS               = 24, /* the output row array or length;
                                             evaluate.h: the chart rows given */
    AMSIZE_FIELD_TOTAL              = 25, /* the totals row */
    AMSIZE_FIELD_MODEL              = 26,
    AMSIZE_FIELD_OUTPUT             = 27, /* a single output struct;
                                             evaluate.h: the output array */
    AMSIZE_FIELD_NET_RATIO          = 28, /* results that can overflow */
    AMSIZE_FIELD_FTE_DEMAND         = 29,
    AMSIZE_FIELD_MIN_LOAD           = 30,
    AMSIZE_FIELD_HC_FLOOR           = 31,
    AMSIZE_FIELD_HC_CEILING         = 32,
    AMSIZE_FIELD_HEADCOUNT          = 33,
    AMSIZE_FIELD_COST               = 34,
    AMSIZE_FIELD_SEGMENT_INDEX      = 35, /* account columns (totals.h) */
    AMSIZE_FIELD_ARR                = 36,
    AMSIZE_FIELD_SERVICE_WEIGHT     = 37,
    AMSIZE_FIELD_AM_COVERED         = 38,
    AMSIZE_FIELD_COLUMN             = 39, /* a column pointer or its length */
    AMSIZE_FIELD_HC_DEMAND          = 40, /* totals-row sums that can overflow */
    AMSIZE_FIELD_FTE_NET            = 41,
    AMSIZE_FIELD_CHURN_ATTRIBUTED   = 42,
    AMSIZE_FIELD_ROI                = 43,
    AMSIZE_FIELD_ATTRITION          = 44, /* from 1.1: plan.h */
    AMSIZE_FIELD_TIME_TO_FILL       = 45,
    AMSIZE_FIELD_RAMP_MONTHS        = 46,
    AMSIZE_FIELD_CURRENT_AMS        = 47,
    AMSIZE_FIELD_SHARE              = 48, /* a ramp curve's share */
    AMSIZE_FIELD_FTE                = 49, /* a roster AM's */
    AMSIZE_FIELD_TENURE_MONTHS      = 50,
    AMSIZE_FIELD_WORK               = 51, /* a scratch buffer or its length */
    AMSIZE_FIELD_STAFFING           = 52, /* the amsize_staffing struct */
    AMSIZE_FIELD_SEGMENT            = 53, /* from 1.1: evaluate.h; an AM's
                                             segment index */
    AMSIZE_FIELD_TARGET             = 54, /* an AM's net growth objective */
    AMSIZE_FIELD_BELOW_PLAN         = 55, /* the below_plan threshold */
    AMSIZE_FIELD_AMS                = 56, /* the AM array, its length or an
                                             element's struct_size */
    AMSIZE_FIELD_AM_EVALS           = 57, /* the AMs' evaluations, likewise */
    AMSIZE_FIELD_COVERAGE           = 58, /* the totals split by AM coverage */
    AMSIZE_FIELD_CSM                = 59, /* the totals split by support
                                             coverage */
    AMSIZE_FIELD_ATTAINMENT         = 60, /* results that can overflow */
    AMSIZE_FIELD_LOAD               = 61,
    AMSIZE_FIELD_NET_PER_FTE        = 62,
    AMSIZE_FIELD_OBSERVED_PRODUCTIVITY = 63
} amsize_field;

/* Where a failure happened. Guaranteed size: 24 bytes from 1.0 (amsize.h).
 * Fields are only ever appended. Initialise with amsize_error_init(). */
typedef struct amsize_error {
    uint32_t struct_size; /* set by amsize_error_init() */
    int32_t status;       /* an amsize_status */
    int64_t index;        /* segment or account row; -1 when none applies */
    int32_t field;        /* an amsize_field */
    int32_t reserved;     /* 0 */
} amsize_error;

/* A short English sentence for a status, e.g. "value must be > 0". Never
 * NULL: unknown codes give "unknown status". Static storage. */
AMSIZE_API const char *amsize_strerror(int32_t status);

/* The field's name as the CLI and bindings spell it, e.g. "am_cost";
 * "selling_time[3]" for AMSIZE_FIELD_SELLING_TIME_3. Never NULL: unknown
 * values give "unknown". Static storage. */
AMSIZE_API const char *amsize_field_name(int32_t field);

/* Sets struct_size and clears the report (status AMSIZE_OK, index -1).
 * Errors: AMSIZE_E_NULL, AMSIZE_E_STRUCT_SIZE. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_error_init_(amsize_error *err, size_t struct_size);
#define amsize_error_init(err) amsize_error_init_((err), sizeof(amsize_error))

#ifdef __cplusplus
}
#endif

#endif /* AMSIZE_STATUS_H */
