/* The spreadsheet-style functions, one cell at a time, as an Excel add-in or
 * a VBA Declare would call them: plain doubles in, a double out, NaN for
 * input that makes no sense. */
#include <stdio.h>

#include <amsize.h>

int main(void)
{
    /* The method's own example: $30M of Net Ratio at $1.5M per AM. */
    double fte = amsize_fte_net_calc(30e6, 1.5e6);
    printf("fte_net(30M, 1.5M)          = %g\n", fte);
    printf("hc_demand(fte)               = %g\n", amsize_hc_demand_calc(fte));

    /* Enterprise, step by step. */
    double nr = amsize_net_ratio_calc(12e6, 8e6, 4e6, 1.0);
    double pct = amsize_net_ratio_pct_calc(nr, 100e6);
    double f = amsize_support_factor_calc(3, 0.4, 0.5, 0.6, 0.7, 0.8);
    double demand = amsize_hc_demand_calc(amsize_fte_demand_calc(amsize_fte_net_calc(nr, 1.5e6), f));
    double g = amsize_growth_per_account_calc(nr, 200);
    double lmin = amsize_min_load_calc(200e3, 1.0, 1.0, g);
    double floor_hc = amsize_hc_floor_calc(200, 20);
    double ceiling = amsize_hc_ceiling_calc(200, lmin);
    double hc = amsize_headcount_calc(floor_hc, demand, ceiling);
    printf("net_ratio                    = %.0f (%.1f%%, rating %g)\n", nr, pct * 100,
           amsize_net_ratio_rating_calc(pct, 0.15, 0.05));
    printf("support_factor(3)            = %g\n", f);
    printf("hc_demand                    = %g\n", demand);
    printf("min_load                     = %g\n", lmin);
    printf("hc_floor, hc_ceiling         = %g, %g\n", floor_hc, ceiling);
    printf("headcount                    = %g (binding %g)\n", hc, amsize_binding_calc(hc, demand));
    printf("cost, roi                    = %.0f, %.4f\n", amsize_cost_calc(hc, 200e3),
           amsize_roi_calc(1.0, nr, amsize_cost_calc(hc, 200e3)));

    /* Invalid input gives NaN, which a spreadsheet shows as #NUM!. */
    printf("fte_net(30M, 0)              = %g\n", amsize_fte_net_calc(30e6, 0));
    printf("support_factor(6)            = %g\n",
           amsize_support_factor_calc(6, 0.4, 0.5, 0.6, 0.7, 0.8));
    return 0;
}
