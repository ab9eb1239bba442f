/* Regression test for a bug found by tests/fuzz/fuzz_chart.c: with a
 * valid but denormal am_cost the roi m*NR/cost overflowed to +inf while
 * amsize_chart_compute() returned AMSIZE_OK. chart.h promises
 * AMSIZE_E_OVERFLOW for a result beyond DBL_MAX, naming the field. */
#include <amsize.h>

#include <math.h>
#include <stdio.h>

#include "../fixtures.h"

int main(void)
{
    amsize_segment s;
    amsize_chart_row row;
    amsize_error err;

    ASSERT_OK(amsize_chart_row_init(&row, 1));
    ASSERT_OK(amsize_error_init(&err));
    seg_enterprise(&s);
    s.am_cost = 4.9406564584124654e-324; /* the smallest double > 0 */
    amsize_status st = amsize_chart_compute(&row, 1, NULL, &err, &s, 1, NULL);
    /* 11 AMs (as in the README) cost 11 * 4.9e-324; m = 1 and
     * NR = 16e6, so roi = 16e6 / 5.4e-323, far beyond DBL_MAX. */
    if (st != AMSIZE_E_OVERFLOW || err.index != 0 || err.field != AMSIZE_FIELD_ROI) {
        printf("FAIL: status %d, index %lld, field %s, roi %g; want AMSIZE_E_OVERFLOW on "
               "segment 0, field roi\n", (int)st, (long long)err.index,
               amsize_field_name(err.field), row.roi);
        return 1;
    }
    printf("PASS: %s (segment 0, roi)\n", amsize_strerror(st));
    return 0;
}
