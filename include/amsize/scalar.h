/* libamsize: spreadsheet-style scalar functions.
 *
 * Every number of a chart row can also be computed from plain doubles and
 * ints, so that an Excel or LibreOffice add-in, or a VBA Declare, can call
 * the library cell by cell without structs. Each function is named after
 * the CSV column it produces and returns NaN for invalid input (a spreadsheet
 * shows #NUM!), and also where the chart says the value is undefined. Use
 * the struct functions when you need to know which input was wrong.
 *
 * Headcounts come back as whole numbers in a double. Ranges are those of
 * amsize_segment; money is per year in one currency.
 */
#ifndef AMSIZE_SCALAR_H
#define AMSIZE_SCALAR_H

#include "amsize/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The documented epsilon rounding used for every headcount and load, so
 * that 30e6/1.5e6 is 20 and not 21 after floating-point noise:
 *   ceil_eps(x)  = ceil(x - 1e-9*max(1,|x|))
 *   floor_eps(x) = floor(x + 1e-9*max(1,|x|))
 * NaN for a non-finite x. */
AMSIZE_API double amsize_ceil_eps_calc(double x);
AMSIZE_API double amsize_floor_eps_calc(double x);

/* a*C; churn >= 0, churn_attribution in [0,1]. */
AMSIZE_API double amsize_churn_attributed_calc(double churn, double churn_attribution);

/* NR = U + X - a*C; upsell, cross_sell, churn >= 0, churn_attribution in
 * [0,1]. */
AMSIZE_API double amsize_net_ratio_calc(double upsell, double cross_sell, double churn,
                                        double churn_attribution);

/* NR/B as a fraction; NaN when book = 0 (undefined). */
AMSIZE_API double amsize_net_ratio_pct_calc(double net_ratio, double book);

/* 1 (low), 2 (medium) or 3 (high); a NaN pct counts as undefined and
 * rates low. NaN when the thresholds are not finite or high < medium. */
AMSIZE_API double amsize_net_ratio_rating_calc(double net_ratio_pct, double rating_high,
                                               double rating_medium);

/* max(NR,0)/P; P > 0. */
AMSIZE_API double amsize_fte_net_calc(double net_ratio, double am_productivity);

/* T[3]/T[s] for rating s in 1..5 and the table t1..t5 (each in (0,1],
 * non-decreasing). */
AMSIZE_API double amsize_support_factor_calc(int32_t support_rating, double t1, double t2,
                                             double t3, double t4, double t5);

/* fte_net*f; fte_net >= 0, f > 0. */
AMSIZE_API double amsize_fte_demand_calc(double fte_net, double support_factor);

/* ceil_eps(fte_demand); fte_demand >= 0. */
AMSIZE_API double amsize_hc_demand_calc(double fte_demand);

/* The default growth per weighted account, NR/W; NaN when W = 0. */
AMSIZE_API double amsize_growth_per_account_calc(double net_ratio, double weighted_accounts);

/* Lmin = max(1, ceil_eps(r*K/(m*g))): a load counts accounts, so any
 * requirement is at least one. NaN when g <= 0 (no load covers the cost)
 * or for invalid input. K > 0, m in (0,1], r > 0, g finite. */
AMSIZE_API double amsize_min_load_calc(double am_cost, double gross_margin,
                                       double cost_coverage, double growth_per_account);

/* ceil_eps(W/Lmax); 0 when W = 0. W >= 0, Lmax > 0. */
AMSIZE_API double amsize_hc_floor_calc(double weighted_accounts, double max_load);

/* floor_eps(W/Lmin); 0 when W = 0 or when min_load is NaN (undefined, as
 * amsize_min_load_calc returns it). min_load otherwise > 0. */
AMSIZE_API double amsize_hc_ceiling_calc(double weighted_accounts, double min_load);

/* max(floor, min(demand, ceiling)); each a whole number >= 0. */
AMSIZE_API double amsize_headcount_calc(double hc_floor, double hc_demand, double hc_ceiling);

/* 1 (demand), 2 (service_floor) or 3 (cost_ceiling). */
AMSIZE_API double amsize_binding_calc(double headcount, double hc_demand);

/* W/headcount; NaN when headcount = 0. */
AMSIZE_API double amsize_load_per_am_calc(double weighted_accounts, double headcount);

/* headcount*K. */
AMSIZE_API double amsize_cost_calc(double headcount, double am_cost);

/* NR/headcount; NaN when headcount = 0. */
AMSIZE_API double amsize_net_per_am_calc(double net_ratio, double headcount);

/* m*NR/cost; NaN when cost = 0 (no AMs). */
AMSIZE_API double amsize_roi_calc(double gross_margin, double net_ratio, double cost);

/* The AMSIZE_FLAG_* bits of a row, as a whole number. accounts >= 0 (a
 * whole number); min_load NaN when undefined. */
AMSIZE_API double amsize_flags_calc(double accounts, double weighted_accounts, double book,
                                    double net_ratio, double growth_per_account,
                                    double min_load, double max_load);

/* The pilot comparison, one number at a time (see amsize_pilot_compare()):
 * NR%_c - NR%_u, NR%_c/NR%_u (NaN unless NR%_u > 0) and delta*B_c. */
AMSIZE_API double amsize_pilot_delta_calc(double nr_covered, double book_covered,
                                          double nr_uncovered, double book_uncovered);
AMSIZE_API double amsize_pilot_lift_calc(double nr_covered, double book_covered,
                                         double nr_uncovered, double book_uncovered);
AMSIZE_API double amsize_pilot_incremental_calc(double nr_covered, double book_covered,
                                                double nr_uncovered, double book_uncovered);

#ifdef __cplusplus
}
#endif

#endif /* AMSIZE_SCALAR_H */
