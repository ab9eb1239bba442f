/* The floor for workload 1: the same per-segment, per-part totals as
 * amsize_totals_add(), as a plain summing loop: one pass, no validation, no
 * compensation. Kept in its own file and behind noinline so that the
 * compiler sees the same kind of call boundary as for the library, and
 * its results are compared with the library's, so the loop cannot be
 * optimised away. Compiled with the same CFLAGS as lib/ (see local.mk). */
#include "bench.h"

__attribute__((noinline)) void bench_plain_add(bench_plain *acc, const int32_t *segment,
                                               size_t rows, const double *arr,
                                               const double *upsell, const double *cross_sell,
                                               const double *churn, const double *weight,
                                               const uint8_t *covered)
{
    for (size_t i = 0; i < rows; i++) {
        double *s = acc[(size_t)segment[i] * 2 + covered[i]].sum;
        s[0] += 1.0;
        s[1] += weight[i];
        s[2] += arr[i];
        s[3] += upsell[i];
        s[4] += cross_sell[i];
        s[5] += churn[i];
    }
}
