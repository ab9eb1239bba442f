/* libamsize: from a headcount to a monthly hiring plan (added in 1.1).
 *
 * The chart says how many AMs a segment needs; the plan says when to open
 * requisitions so that the team reaches that headcount, given that AMs
 * leave (attrition), take time to hire (time to fill) and to become fully
 * productive (ramp). Every number is an expected value, computed month by
 * month in a fixed order, so any implementation of the same rules gives
 * the same plan:
 *
 *   q = 1 - (1 - attrition)^(1/12), L = time_to_fill, H* = the chart's
 *   headcount, D = its fte_demand, P_eff = P*T[s]/T[3], K = am_cost.
 *   Staff is a set of cohorts (size n, tenure tau in months). For month
 *   t = 1..H:
 *   1. leavers = q * sum(n); every n *= 1 - q.
 *   2. proj = sum(n * (1-q)^L) + sum(r_u * (1-q)^(t-u)) over requisitions
 *      opened at u < t that have not started (u + L >= t);
 *      r_t = max(0, ceil_eps(H* - proj)).
 *   3. starts s_t = r_(t-L) when t - L >= 1, else 0: a new cohort, tenure 0.
 *   4. headcount = sum(n); rre = sum(n * R(tau)); capacity = rre*P_eff/12;
 *      gap = max(0, D - rre); cost = headcount*K/12.
 *   5. every tenure grows by one month.
 * R(tau) = min(1, (tau+1)/(ramp_months+1)), or a given ramp curve: share
 * ramp[tau] for tau < ramp_len, 1 after it. A fully ramped cohort has
 * R = 1 whatever its tenure.
 */
#ifndef AMSIZE_PLAN_H
#define AMSIZE_PLAN_H

#include "amsize/export.h"
#include "amsize/status.h"
#include "amsize/segment.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Longest plan, in months: fifty years; and the horizon that the command
 * and the bindings use when none is given: a year. */
#define AMSIZE_PLAN_HORIZON_MAX 600
#define AMSIZE_PLAN_HORIZON_DEFAULT 12

/* A cohort's tenure when it is fully ramped (a roster AM whose tenure is
 * not given, or the current_ams of amsize_staffing). */
#define AMSIZE_TENURE_RAMPED INT32_C(-1)

/* A segment's staffing inputs, beside its amsize_segment. Guaranteed
 * size: 32 bytes from 1.1 (amsize.h); fill it through
 * amsize_staffing_init(). Defaults and ranges are the field table's
 * (AMSIZE_SCHEMA_STAFFING). */
typedef struct amsize_staffing {
    uint32_t struct_size;      /* set by amsize_staffing_init() */
    int32_t time_to_fill;      /* L: whole months from requisition to start,
                                  >= 0; default 3 */
    int32_t ramp_months;       /* months to full productivity, >= 0, for
                                  the default ramp curve; default 6 */
    int32_t reserved;          /* 0 */
    double attrition;          /* annual share of AMs leaving, in [0,1);
                                  default 0.15 */
    int64_t current_ams;       /* AMs on staff today, fully ramped, >= 0;
                                  default 0; used when no roster is given */
} amsize_staffing;

/* One month of a segment's plan. Guaranteed size: 88 bytes from 1.1. */
typedef struct amsize_plan_month {
    uint32_t struct_size;
    int32_t month;             /* 1..horizon */
    double headcount;          /* expected AMs on staff after the month's
                                  leavers and starts */
    double leavers;            /* expected AMs who left this month */
    double requisitions;       /* requisitions opened this month, whole */
    double starts;             /* AMs who started this month, whole */
    double rre;                /* ramped-rep equivalents: sum(n*R(tau)) */
    double capacity;           /* rre*P_eff/12: net new ACV per month */
    double demand;             /* D, the chart's fte_demand */
    double gap;                /* max(0, D - rre) */
    double cost;               /* headcount*K/12 */
    double reserved;           /* 0 */
} amsize_plan_month;

/* A segment's plan in a few numbers. Guaranteed size: 64 bytes from 1.1. */
typedef struct amsize_plan_summary {
    uint32_t struct_size;
    int32_t first_month_at_demand; /* first month whose rre reaches the
                                      demand (rre >= D - 1e-9*max(1,D));
                                      0 when none within the horizon */
    double requisitions;       /* opened within the horizon */
    double starts;             /* started within the horizon */
    double leavers;            /* expected, within the horizon */
    double shortfall;          /* sum(gap*P_eff/12): net new ACV not sold
                                  while the team ramps */
    double plan_cost;          /* sum(cost) */
    double end_headcount;      /* headcount of the last month */
    double reserved;           /* 0 */
} amsize_plan_summary;

/* Fills staff[0..staff_len-1] with the defaults. Errors: AMSIZE_E_NULL,
 * AMSIZE_E_STRUCT_SIZE. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_staffing_init_(amsize_staffing *staff,
                                                                  size_t staff_len,
                                                                  size_t struct_size);
#define amsize_staffing_init(staff, staff_len) \
    amsize_staffing_init_((staff), (staff_len), sizeof(amsize_staffing))

/* Zeroes the rows and sets each struct_size. Errors: AMSIZE_E_NULL,
 * AMSIZE_E_STRUCT_SIZE. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_plan_month_init_(amsize_plan_month *months,
                                                                    size_t months_len,
                                                                    size_t struct_size);
#define amsize_plan_month_init(months, months_len) \
    amsize_plan_month_init_((months), (months_len), sizeof(amsize_plan_month))
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_plan_summary_init_(
    amsize_plan_summary *summary, size_t struct_size);
#define amsize_plan_summary_init(summary) \
    amsize_plan_summary_init_((summary), sizeof(amsize_plan_summary))

/* Checks one segment's staffing inputs against the field table. index is
 * copied into err->index. Errors: AMSIZE_E_NULL, AMSIZE_E_STRUCT_SIZE,
 * AMSIZE_E_NOT_FINITE, AMSIZE_E_NEGATIVE, AMSIZE_E_RANGE. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_staffing_check(amsize_error *err,
                                                                  const amsize_staffing *staff,
                                                                  int64_t index);

/* The plan of one segment over months_len months (the horizon, 1 to
 * AMSIZE_PLAN_HORIZON_MAX): months[t-1] receives month t and summary the
 * totals (summary may be NULL).
 *
 * seg and model (NULL: the defaults) give the chart row whose headcount
 * and fte_demand the plan staffs to, exactly as amsize_chart_compute()
 * computes it. staff gives attrition, time to fill and the ramp.
 *
 * ramp (ramp_len shares, each in [0,1] and non-decreasing; 1 after the
 * last) replaces the ramp_months curve when not NULL. The staff on hand is
 * either the roster, cohorts_len AMs with cohort_size[i] in (0,1] (the
 * fte) and cohort_tenure[i] >= 0 months or AMSIZE_TENURE_RAMPED, or, when
 * cohort_size is NULL, staff->current_ams AMs fully ramped. A roster of 0
 * AMs (cohort_size not NULL, cohorts_len 0) starts from nobody.
 *
 * work is scratch space of work_len >= cohorts_len + 2*months_len + 1
 * doubles (the cohorts' sizes as they shrink, and the open requisitions).
 * Nothing is written to months or summary on failure.
 *
 * Errors: AMSIZE_E_NULL (months, seg, staff, work, cohort_tenure with
 * cohort_size, ramp with ramp_len > 0; field rows, segments, staffing,
 * work, share or tenure_months), AMSIZE_E_RANGE (months_len 0 or above
 * the maximum: field rows), AMSIZE_E_BUFFER (work too short: field work),
 * AMSIZE_E_STRUCT_SIZE, every amsize_segment_check() error (index 0), every
 * amsize_model_check() and amsize_staffing_check() error (index -1),
 * AMSIZE_E_RANGE or AMSIZE_E_NOT_FINITE for a ramp share (field share,
 * index its tenure month), AMSIZE_E_ORDER for a share below the one
 * before, AMSIZE_E_RANGE or AMSIZE_E_NOT_FINITE for a roster AM's fte
 * (field fte, index the AM), AMSIZE_E_NEGATIVE or AMSIZE_E_RANGE for a
 * tenure below 0 other than AMSIZE_TENURE_RAMPED (field tenure_months),
 * and AMSIZE_E_OVERFLOW (a result beyond DBL_MAX; index the month, -1
 * for the summary; field cost, or am_productivity for capacity and
 * shortfall). A bad staff->struct_size names field staffing. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_plan_compute(
    amsize_plan_month *months, size_t months_len, amsize_plan_summary *summary,
    amsize_error *err, double *work, size_t work_len, const amsize_segment *seg,
    const amsize_model *model, const amsize_staffing *staff, const double *ramp,
    size_t ramp_len, const double *cohort_size, const int32_t *cohort_tenure,
    size_t cohorts_len);

/* The plan of all segments together: total[t] sums month t of every
 * segment (months is segments_len blocks of months_len rows, segment by
 * segment), and total_summary sums the summaries, except its
 * first_month_at_demand, which is the first month whose summed rre
 * reaches the summed demand (the same 1e-9 tolerance). Sums are
 * compensated. total_summary may be NULL. Errors: AMSIZE_E_NULL,
 * AMSIZE_E_STRUCT_SIZE, AMSIZE_E_EMPTY (segments_len 0), AMSIZE_E_RANGE
 * (months_len as for amsize_plan_compute()), AMSIZE_E_OVERFLOW (field
 * total; index the month, or -1 for the summary). Nothing is written on
 * failure. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_plan_total(
    amsize_plan_month *total, amsize_plan_summary *total_summary, amsize_error *err,
    const amsize_plan_month *months, const amsize_plan_summary *summaries,
    size_t segments_len, size_t months_len);

/* Spreadsheet forms (NaN for invalid input, as in scalar.h). */

/* q = 1 - (1 - attrition)^(1/12), the monthly leaving rate; attrition in
 * [0,1). */
AMSIZE_API double amsize_monthly_attrition_calc(double attrition);

/* R(tau) = min(1, (tau+1)/(ramp_months+1)) for whole tenure >= 0 and
 * ramp_months >= 0. */
AMSIZE_API double amsize_ramp_share_calc(double tenure_months, double ramp_months);

/* The requisitions to open: max(0, ceil_eps(target - projected)), for a
 * whole target >= 0 and a finite projected headcount. */
AMSIZE_API double amsize_requisitions_calc(double target_headcount, double projected);

#ifdef __cplusplus
}
#endif

#endif /* AMSIZE_PLAN_H */
