/* libamsize: the sizing chart, all three methods combined per segment.
 *
 *   headcount = max(hc_floor, min(hc_demand, hc_ceiling))
 *
 * Demand (Net Ratio scaled by support) is the wish; the cost ceiling caps
 * it so each AM still covers its cost; the service floor overrides both so
 * no AM carries more than max_load weighted accounts.
 */
#ifndef AMSIZE_CHART_H
#define AMSIZE_CHART_H

#include "amsize/export.h"
#include "amsize/status.h"
#include "amsize/segment.h"
#include "amsize/methods.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest headcount the library reports: 2^53, so that every headcount is
 * also exact as a double (Python, spreadsheets). Larger is
 * AMSIZE_E_OVERFLOW. */
#define AMSIZE_HEADCOUNT_MAX INT64_C(9007199254740992)

/* Which method set the headcount. Fixed values; NONE only on totals. */
typedef enum amsize_binding {
    AMSIZE_BINDING_NONE          = 0,
    AMSIZE_BINDING_DEMAND        = 1, /* headcount = hc_demand */
    AMSIZE_BINDING_SERVICE_FLOOR = 2, /* raised to keep loads <= max_load */
    AMSIZE_BINDING_COST_CEILING  = 3  /* lowered so each AM covers its cost */
} amsize_binding;

/* "demand", "service_floor", "cost_ceiling", "" for NONE, else "unknown". */
AMSIZE_API const char *amsize_binding_name(int32_t binding);

/* Warnings on a chart row, any combination. Fixed bit values; the chart
 * sets these three itself. */
#define AMSIZE_FLAG_NO_ACCOUNTS  UINT32_C(0x01) /* W = 0 */
#define AMSIZE_FLAG_NO_BOOK      UINT32_C(0x02) /* B = 0 while N > 0 */
#define AMSIZE_FLAG_NEGATIVE_NET UINT32_C(0x04) /* NR < 0 */
/* AMSIZE_FLAG_NO_GROWTH (0x08) and AMSIZE_FLAG_UNECONOMIC (0x10) come
 * from the load method: methods.h. */
#define AMSIZE_FLAG_ALL          UINT32_C(0x1f)

/* Name of one flag bit ("NO_ACCOUNTS", ...), or NULL when flag is not
 * exactly one known bit. */
AMSIZE_API const char *amsize_flag_name(uint32_t flag);

/* One row of the sizing chart. Each field is the CLI's CSV column of the
 * same name (the CSV adds the segment name first and puts support_rating
 * and binding where a reader looks for them: amsize(1) lists its order).
 * Undefined values are NaN. Guaranteed size: 192 bytes from 1.0
 * (amsize.h); initialise arrays of rows with amsize_chart_row_init(). */
typedef struct amsize_chart_row {
    uint32_t struct_size;
    int32_t support_rating;     /* s; 0 on the totals row */
    int64_t accounts;           /* N */
    double weighted_accounts;   /* W */
    double book;                /* B */
    double upsell;              /* U */
    double cross_sell;          /* X */
    double churn_attributed;    /* a*C */
    double net_ratio;           /* NR */
    double net_ratio_pct;       /* NR/B; NaN when B = 0 */
    int32_t net_ratio_rating;   /* amsize_rating; NONE on the totals row */
    int32_t binding;            /* amsize_binding; NONE on the totals row */
    double support_factor;      /* f; NaN on the totals row */
    double fte_net;             /* max(NR,0)/P */
    double fte_demand;          /* fte_net*f */
    double min_load;            /* Lmin; NaN when undefined and on totals */
    double max_load;            /* Lmax; NaN on the totals row */
    int64_t hc_floor;
    int64_t hc_ceiling;
    int64_t hc_demand;
    int64_t headcount;
    uint32_t flags;             /* AMSIZE_FLAG_*; 0 on the totals row */
    int32_t reserved;           /* 0 */
    double load_per_am;         /* W/headcount; NaN when headcount = 0 */
    double cost;                /* headcount*K */
    double net_per_am;          /* NR/headcount; NaN when headcount = 0 and
                                   on the totals row */
    double roi;                 /* m*NR/cost; NaN when headcount = 0 and on
                                   the totals row */
} amsize_chart_row;

/* Zero rows[0..rows_len-1] and set each struct_size (the macro passes
 * sizeof as compiled into the caller). Errors: AMSIZE_E_NULL (rows NULL
 * with rows_len > 0), AMSIZE_E_STRUCT_SIZE. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_chart_row_init_(amsize_chart_row *rows, size_t rows_len,
                                                size_t struct_size);
#define amsize_chart_row_init(rows, rows_len) \
    amsize_chart_row_init_((rows), (rows_len), sizeof(amsize_chart_row))

/* Sizes every segment and sums the totals row.
 *
 * rows[i] receives segment i; rows_len must be >= segs_len. total receives
 * sums of accounts, weighted_accounts, book, upsell, cross_sell,
 * churn_attributed, net_ratio, fte_net, fte_demand, hc_floor, hc_ceiling,
 * hc_demand, headcount and cost (compensated summation), with net_ratio_pct
 * and load_per_am computed from those sums; its other fields are NaN, 0 or
 * NONE as documented on amsize_chart_row. total may be NULL.
 *
 * All segments (and the model) are validated before anything is written:
 * on any error rows and total are untouched and err says which segment
 * index and field. model NULL means the defaults. The struct_size of
 * segs[0] and rows[0] is the array stride; every element must match it.
 *
 * Errors: AMSIZE_E_NULL (rows, segs), AMSIZE_E_EMPTY (segs_len 0),
 * AMSIZE_E_BUFFER (rows_len < segs_len), AMSIZE_E_STRUCT_SIZE, every
 * amsize_segment_check() and amsize_model_check() error, and
 * AMSIZE_E_OVERFLOW (a result beyond DBL_MAX or a headcount, or the total
 * headcount, beyond AMSIZE_HEADCOUNT_MAX; index -1 for the totals). */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_chart_compute(amsize_chart_row *rows, size_t rows_len,
                                              amsize_chart_row *total, amsize_error *err,
                                              const amsize_segment *segs, size_t segs_len,
                                              const amsize_model *model);

#ifdef __cplusplus
}
#endif

#endif /* AMSIZE_CHART_H */
