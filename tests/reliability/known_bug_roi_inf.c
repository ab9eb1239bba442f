/* Library bug, found by tests/fuzz/fuzz_chart.c; run by make check as an
 * expected failure (XFAIL_TESTS in tests/reliability/local.mk).
 *
 * lib/chart.c, row_compute(): roi = m*NR/cost is stored without a check
 * that it is finite. With a valid but tiny am_cost (a denormal, > 0 as
 * segment.h asks) the cost is tiny and the roi overflows to +inf, while
 * amsize_chart_compute() returns AMSIZE_OK. chart.h promises
 * AMSIZE_E_OVERFLOW for "a result beyond DBL_MAX" (the chart's cost gets
 * that check, the roi does not), and amsize_roi_calc() on the same numbers
 * returns NaN (invalid), not inf.
 *
 * Expected: AMSIZE_E_OVERFLOW (or at least a finite roi).
 * Actual:   AMSIZE_OK with roi = inf.
 *
 * When the library is fixed this program passes, make check reports XPASS
 * and fails: then drop it from XFAIL_TESTS (keep it in TESTS) and remove
 * AMSIZE_KNOWN_BUG_ROI_INF from tests/fuzz/fuzz_common.h. */
#include <amsize.h>

#include <math.h>
#include <stdio.h>

int main(void)
{
    amsize_segment s;
    amsize_chart_row row;
    amsize_error err;

    amsize_segment_init(&s, 1);
    amsize_chart_row_init(&row, 1);
    amsize_error_init(&err);
    s.accounts = 200;
    s.book = 100e6;
    s.upsell = 12e6;
    s.cross_sell = 8e6;
    s.churn = 4e6;
    s.am_productivity = 1.5e6;
    s.am_cost = 4.9406564584124654e-324; /* the smallest double > 0 */
    s.max_load = 20;
    amsize_status st = amsize_chart_compute(&row, 1, NULL, &err, &s, 1, NULL);
    if (st == AMSIZE_OK && !isfinite(row.roi)) {
        printf("FAIL (known bug): amsize_chart_compute returns AMSIZE_OK with roi = %g "
               "(headcount %lld, cost %g)\n", row.roi, (long long)row.headcount, row.cost);
        return 1;
    }
    printf("PASS: status %d (%s), roi %g\n", (int)st, amsize_strerror(st), row.roi);
    return 0;
}
