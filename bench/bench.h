/* Shared by the benchmark program's files (bench/). */
#ifndef AMSIZE_BENCH_H
#define AMSIZE_BENCH_H

#include <stddef.h>
#include <stdint.h>

/* One segment and part (uncovered 0, covered 1) of the plain loop: count,
 * weighted accounts, arr, upsell, cross_sell, churn. */
typedef struct bench_plain {
    double sum[6];
} bench_plain;

/* acc has 2 entries per segment, indexed segment*2 + covered. */
void bench_plain_add(bench_plain *acc, const int32_t *segment, size_t rows, const double *arr,
                     const double *upsell, const double *cross_sell, const double *churn,
                     const double *weight, const uint8_t *covered);

#endif
