/* libamsize: each planning cycle, the AMs you have against the chart
 * (added in 1.1).
 *
 * The method asks four questions every cycle: what the net growth within
 * existing accounts was; whether AMs met their growth objectives; whether
 * they are productive, carrying neither too many nor too few accounts; and
 * whether support roles add value. These functions answer them from what
 * happened over the period that ended (12 months), AM by AM and segment by
 * segment, from sums the caller has added up (amsize_totals, one per AM,
 * gives them), and re-size the chart from the productivity the covered
 * accounts showed.
 *
 * With a = churn_attribution, T the selling-time table and s the support
 * rating of the AM's segment, P its am_productivity:
 *   NR_j = U_j + X_j - a*C_j
 *   target_j = the given target, else fte_j * P * T[s]/T[3]
 *   attainment_j = NR_j/target_j (undefined when target_j = 0)
 *   load_j = W_j/fte_j
 * Lmin and Lmax are the segment's chart row's min_load and max_load.
 */
#ifndef AMSIZE_EVALUATE_H
#define AMSIZE_EVALUATE_H

#include "amsize/export.h"
#include "amsize/status.h"
#include "amsize/segment.h"
#include "amsize/methods.h"
#include "amsize/chart.h"
#include "amsize/totals.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Warnings on one AM, any combination. Fixed bit values. */
#define AMSIZE_AM_OVERLOADED   UINT32_C(0x01) /* load > Lmax */
#define AMSIZE_AM_UNDERLOADED  UINT32_C(0x02) /* Lmin defined and load < Lmin */
#define AMSIZE_AM_BELOW_PLAN   UINT32_C(0x04) /* attainment < below_plan
                                                 (attainment defined) */
#define AMSIZE_AM_NEGATIVE_NET UINT32_C(0x08) /* NR < 0 */
#define AMSIZE_AM_NO_ACCOUNTS  UINT32_C(0x10) /* no accounts */
#define AMSIZE_AM_ALL          UINT32_C(0x1f)

/* The default below_plan threshold: attainment under 90%. */
#define AMSIZE_BELOW_PLAN_DEFAULT 0.9

/* Name of one AM flag bit ("OVERLOADED", ...), or NULL when flag is not
 * exactly one known bit. */
AMSIZE_API const char *amsize_am_flag_name(uint32_t flag);

/* One AM: the roster's fields and the sums of the accounts the AM covered
 * during the period. Guaranteed size: 80 bytes from 1.1 (amsize.h); fill
 * through amsize_am_init(). Ranges and defaults are the field table's
 * (AMSIZE_SCHEMA_AM). */
typedef struct amsize_am {
    uint32_t struct_size;      /* set by amsize_am_init() */
    int32_t segment;           /* index of the AM's segment */
    double fte;                /* (0,1]: part-year or part-time; default 1 */
    double target;             /* >= 0: net growth objective for the
                                  period, used when has_target */
    int32_t has_target;        /* 0: fte*P*T[s]/T[3] (default); 1: target */
    int32_t reserved;          /* 0 */
    int64_t accounts;          /* N_j >= 0 */
    double weighted_accounts;  /* W_j >= 0 */
    double book;               /* B_j >= 0 */
    double upsell;             /* U_j >= 0, over the period */
    double cross_sell;         /* X_j >= 0 */
    double churn;              /* C_j >= 0 */
} amsize_am;

/* One AM's evaluation. Guaranteed size: 56 bytes from 1.1. Undefined
 * values are NaN. */
typedef struct amsize_am_eval {
    uint32_t struct_size;
    uint32_t flags;            /* AMSIZE_AM_* */
    double net_ratio;          /* NR_j */
    double target;             /* the given target, or the derived one */
    double attainment;         /* NR_j/target_j; NaN when target_j = 0 */
    double load;               /* W_j/fte_j */
    double min_load;           /* the segment's Lmin; NaN when undefined */
    double max_load;           /* the segment's Lmax */
} amsize_am_eval;

/* One segment's evaluation. Guaranteed size: 320 bytes from 1.1.
 * Undefined values are NaN; counts over no AMs are 0. The covered/
 * uncovered figures compare the accounts an AM covered with the others,
 * as amsize_totals_pilot() does; the csm_ ones compare accounts with and
 * without support coverage (all accounts of the segment) and are NaN or 0
 * when no support coverage was given. */
typedef struct amsize_segment_eval {
    uint32_t struct_size;
    int32_t resized_binding;   /* amsize_binding of the resized row; NONE
                                  when resized_headcount is undefined */
    int64_t ams;               /* AMs on the roster */
    double fte;                /* their fte, summed (compensated) */
    double headcount;          /* the chart row's headcount */
    double fte_gap;            /* fte - headcount */
    int64_t accounts_covered, accounts_uncovered;
    double book_covered, book_uncovered;
    double net_ratio_covered, net_ratio_uncovered;
    double nr_pct_covered, nr_pct_uncovered;
    double delta, lift, incremental; /* amsize_pilot's, covered against not */
    int32_t accretive;         /* delta > 0 */
    int32_t csm_given;         /* 1 when csm_ figures were computed */
    double net_per_fte;        /* net_ratio_covered/fte; NaN when fte = 0 */
    double observed_productivity; /* net_per_fte*T[3]/T[s]: comparable
                                     with am_productivity */
    double attainment_median;  /* over AMs with a defined attainment */
    double share_at_plan;      /* share of those with attainment >= 1 */
    double load_min, load_median, load_max;
    int64_t overloaded, underloaded, below_plan; /* AMs with the flag */
    double resized_headcount;  /* the chart row again with P =
                                  observed_productivity; NaN when that is
                                  undefined or <= 0 */
    int64_t csm_accounts_covered, csm_accounts_uncovered;
    double csm_book_covered, csm_book_uncovered;
    double csm_net_ratio_covered, csm_net_ratio_uncovered;
    double csm_nr_pct_covered, csm_nr_pct_uncovered;
    double csm_delta, csm_lift, csm_incremental;
    int32_t csm_accretive;
    int32_t reserved;          /* 0 */
} amsize_segment_eval;

/* Init functions: defaults (amsize_am) or zeroes, and struct_size.
 * Errors: AMSIZE_E_NULL (NULL with a length > 0), AMSIZE_E_STRUCT_SIZE. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_am_init_(amsize_am *ams, size_t ams_len,
                                                            size_t struct_size);
#define amsize_am_init(ams, ams_len) amsize_am_init_((ams), (ams_len), sizeof(amsize_am))
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_am_eval_init_(amsize_am_eval *out,
                                                                 size_t out_len,
                                                                 size_t struct_size);
#define amsize_am_eval_init(out, out_len) \
    amsize_am_eval_init_((out), (out_len), sizeof(amsize_am_eval))
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_segment_eval_init_(
    amsize_segment_eval *out, size_t out_len, size_t struct_size);
#define amsize_segment_eval_init(out, out_len) \
    amsize_segment_eval_init_((out), (out_len), sizeof(amsize_segment_eval))

/* Evaluates each AM: out[j] for ams[j]. segs and rows are the segments and
 * their chart rows, as amsize_chart_compute() gives them for the same
 * segments (all their accounts, covered or not: the forward-looking book);
 * the rows are read as given (min_load and max_load here, headcount in
 * amsize_segment_evaluate()), only their struct_size is checked.
 * below_plan is the attainment under which an AM is BELOW_PLAN (finite;
 * AMSIZE_BELOW_PLAN_DEFAULT is 0.9). model NULL: the defaults. ams_len 0
 * is allowed (out and ams may then be NULL).
 *
 * Errors: AMSIZE_E_NULL (segs, rows; ams and out when ams_len > 0: field
 * segments, rows, ams, output), AMSIZE_E_EMPTY (segs_len 0),
 * AMSIZE_E_BUFFER (out_len < ams_len: field output), AMSIZE_E_STRUCT_SIZE
 * (an element of out, rows or ams: field output, rows or ams, index the
 * element; a segment's as amsize_segment_check() says it),
 * AMSIZE_E_NOT_FINITE (below_plan: field below_plan), every
 * amsize_model_check() error (index -1) and amsize_segment_check() error
 * (index: the segment), AMSIZE_E_INDEX (an AM's segment outside
 * 0..segs_len-1: field segment, index the AM), the field table's errors
 * for an AM's fields (AMSIZE_SCHEMA_AM, the first in declaration order;
 * index: the AM), AMSIZE_E_OVERFLOW (an AM's net_ratio, target,
 * attainment or load beyond DBL_MAX; index: the AM). Nothing is written on
 * failure. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_am_evaluate(
    amsize_am_eval *out, size_t out_len, amsize_error *err, const amsize_am *ams,
    size_t ams_len, const amsize_segment *segs, const amsize_chart_row *rows, size_t segs_len,
    const amsize_model *model, double below_plan);

/* Evaluates each segment: out[i] for segs[i], from the AMs and their
 * evaluations (as amsize_am_evaluate() gave them; their flags, attainment
 * and load are read as given), and from each segment's accounts split by
 * AM coverage (coverage[i], segs_len of them: an account's am_covered is 1
 * when an AM covered it) and, when csm is not NULL, by support coverage
 * (csm[i], the same accounts with am_covered 1 when a CSM or renewal rep
 * covered them). scratch holds at least ams_len doubles (the medians; its
 * contents on return are unspecified); it may be NULL when ams_len is 0.
 * The resized row is amsize_chart_compute()'s for segs[i] with
 * am_productivity = observed_productivity and the same model.
 *
 * Errors: those of amsize_am_evaluate() for ams, segs, rows and model,
 * AMSIZE_E_NULL (am_evals when ams_len > 0, out, coverage; scratch when
 * ams_len > 0: field am_evals, output, coverage, work), AMSIZE_E_BUFFER
 * (out_len < segs_len: field output; scratch_len < ams_len: field work),
 * AMSIZE_E_STRUCT_SIZE (an element of out, am_evals, coverage or csm:
 * that field, index the element), those of amsize_totals_pilot() for a
 * segment's comparison (field coverage or csm, index: the segment; also
 * AMSIZE_E_OVERFLOW for a count that amsize_totals_add() cannot have
 * made), and AMSIZE_E_OVERFLOW (net_per_fte or observed_productivity
 * beyond DBL_MAX, or a resized row that amsize_chart_compute() refuses as
 * too large, e.g. a headcount beyond AMSIZE_HEADCOUNT_MAX from a tiny
 * observed productivity: field net_per_fte or observed_productivity,
 * index: the segment). Nothing is written on failure. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_segment_evaluate(
    amsize_segment_eval *out, size_t out_len, amsize_error *err, double *scratch,
    size_t scratch_len, const amsize_am *ams, const amsize_am_eval *am_evals, size_t ams_len,
    const amsize_segment *segs, const amsize_chart_row *rows, size_t segs_len,
    const amsize_totals *coverage, const amsize_totals *csm, const amsize_model *model);

/* Spreadsheet forms of the per-AM numbers (NaN for invalid input). */

/* fte*P*T[s]/T[3] = fte*am_productivity/support_factor; fte in (0,1],
 * am_productivity > 0, support_factor > 0. */
AMSIZE_API double amsize_am_target_calc(double fte, double am_productivity,
                                        double support_factor);
/* NR/target; NaN when target = 0. target >= 0, NR finite. */
AMSIZE_API double amsize_attainment_calc(double net_ratio, double target);
/* W/fte; W >= 0, fte in (0,1]. */
AMSIZE_API double amsize_am_load_calc(double weighted_accounts, double fte);
/* The AMSIZE_AM_* bits, as a whole number. accounts >= 0 (whole); load
 * >= 0; min_load NaN when undefined, else > 0; max_load > 0; attainment
 * NaN when undefined; below_plan finite. */
AMSIZE_API double amsize_am_flags_calc(double accounts, double load, double min_load,
                                       double max_load, double attainment, double net_ratio,
                                       double below_plan);

#ifdef __cplusplus
}
#endif

#endif /* AMSIZE_EVALUATE_H */
