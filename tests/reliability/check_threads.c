/* Thread safety: the README promises that the library keeps no global state
 * and may be called from many threads at once. Several threads compute the
 * same charts and account totals from shared read-only inputs, at the same
 * time, and every result must equal the single-threaded one bit for bit.
 *
 * Built by make check (plain) and, by tests/reliability/run.sh, with
 * -fsanitize=thread, where any data race inside the library fails the run.
 * Exit status: 0 pass, 1 fail (automake's simple test protocol). */
#include <amsize.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fixtures.h"

#define NSEG 6
#define NACC 512
#define NTHREADS 4

/* Shared, read-only once main() has filled them. */
static amsize_segment segs[NSEG];
static amsize_model model;
static int32_t acc_segment[NACC];
static double acc_arr[NACC], acc_up[NACC], acc_cross[NACC], acc_churn[NACC], acc_w[NACC];
static uint8_t acc_cov[NACC];

/* Single-threaded reference results. */
typedef struct results {
    amsize_chart_row rows[NSEG];
    amsize_chart_row total;
    amsize_segment from_totals[NSEG][3]; /* part ALL, COVERED, UNCOVERED */
    amsize_pilot pilot[NSEG];
    double scalars[8];
} results;

static results reference;
static int iterations = 2000;
static pthread_barrier_t start; /* all threads begin together */

static void fill_inputs(void)
{
    uint32_t x = 12345u; /* a fixed LCG: same inputs on every run */

    ASSERT_OK(amsize_segment_init(segs, NSEG));
    ASSERT_OK(amsize_model_init(&model));
    for (int i = 0; i < NSEG; i++) {
        segs[i].accounts = 200 * (i + 1);
        segs[i].book = 100e6 / (i + 1);
        segs[i].upsell = 12e6 / (i + 1);
        segs[i].cross_sell = 8e6 / (i + 2);
        segs[i].churn = 4e6 * (i + 1);
        segs[i].churn_attribution = 0.5 + 0.1 * i;
        segs[i].am_productivity = 1.5e6;
        segs[i].am_cost = 200e3;
        segs[i].max_load = 20.0 * (i + 1);
        segs[i].support_rating = 1 + i % 5;
    }
    segs[3].accounts = 0;          /* NO_ACCOUNTS */
    segs[3].book = 0;
    segs[5].has_weighted_accounts = 1;
    segs[5].weighted_accounts = 777.25;
    segs[5].has_growth_per_account = 1;
    segs[5].growth_per_account = 12345.0;
    segs[5].gross_margin = 0.7;
    for (int i = 0; i < NACC; i++) {
        x = x * 1103515245u + 12345u;
        acc_segment[i] = (int32_t)(x >> 16) % NSEG;
        acc_arr[i] = (double)(x % 100000u) * 10.25;
        acc_up[i] = (double)(x % 977u) * 3.5;
        acc_cross[i] = (double)(x % 331u) * 0.125;
        acc_churn[i] = (double)(x % 1201u) * 1.75;
        acc_w[i] = 0.5 + (double)(x % 7u);
        acc_cov[i] = (uint8_t)((x >> 9) & 1u);
    }
}

/* Everything one thread computes; returns 0 on any library error. */
static int compute(results *r)
{
    amsize_error err;
    amsize_totals t[NSEG], part[NSEG];

    memset(r, 0, sizeof *r);
    if (amsize_error_init(&err) != AMSIZE_OK ||
        amsize_chart_row_init(r->rows, NSEG) != AMSIZE_OK ||
        amsize_chart_row_init(&r->total, 1) != AMSIZE_OK)
        return 0;
    if (amsize_chart_compute(r->rows, NSEG, &r->total, &err, segs, NSEG, &model) != AMSIZE_OK)
        return 0;

    /* Totals in two chunks into two accumulators, then merged. */
    if (amsize_totals_init(t, NSEG) != AMSIZE_OK || amsize_totals_init(part, NSEG) != AMSIZE_OK)
        return 0;
    if (amsize_totals_add(t, NSEG, &err, acc_segment, NACC / 2, acc_arr, acc_up, acc_cross,
                          acc_churn, acc_w, acc_cov) != AMSIZE_OK)
        return 0;
    if (amsize_totals_add(part, NSEG, &err, acc_segment + NACC / 2, NACC - NACC / 2,
                          acc_arr + NACC / 2, acc_up + NACC / 2, acc_cross + NACC / 2,
                          acc_churn + NACC / 2, acc_w + NACC / 2,
                          acc_cov + NACC / 2) != AMSIZE_OK)
        return 0;
    if (amsize_totals_merge(t, NSEG, &err, part, NSEG) != AMSIZE_OK)
        return 0;
    for (int i = 0; i < NSEG; i++) {
        for (int p = 0; p < 3; p++) {
            if (amsize_segment_init(&r->from_totals[i][p], 1) != AMSIZE_OK ||
                amsize_totals_segment(&r->from_totals[i][p], &err, &t[i], p) != AMSIZE_OK)
                return 0;
        }
        if (amsize_pilot_init(&r->pilot[i]) != AMSIZE_OK ||
            amsize_totals_pilot(&r->pilot[i], &err, &t[i], 0.5) != AMSIZE_OK)
            return 0;
    }
    r->scalars[0] = amsize_min_load_calc(200e3, 0.8, 1.0, 80e3);
    r->scalars[1] = amsize_hc_floor_calc(20000, 500);
    r->scalars[2] = amsize_net_ratio_calc(1.5e6, 0.5e6, 3e6, 0.5);
    r->scalars[3] = amsize_support_factor_calc(4, 0.4, 0.5, 0.6, 0.7, 0.8);
    r->scalars[4] = amsize_hc_demand_calc(30e6 / 1.5e6);
    r->scalars[5] = amsize_pilot_lift_calc(3e6, 20e6, 1e6, 20e6);
    r->scalars[6] = amsize_roi_calc(0.8, 16e6, 2.2e6);
    r->scalars[7] = amsize_flags_calc(20000, 20000, 40e6, 0.5e6, 25, 4800, 500);
    return 1;
}

static void *worker(void *arg)
{
    int *failures = arg;
    results *r = malloc(sizeof *r);

    pthread_barrier_wait(&start);
    if (!r) {
        (*failures)++;
        return NULL;
    }
    for (int it = 0; it < iterations; it++) {
        if (!compute(r) || memcmp(r, &reference, sizeof *r) != 0) {
            (*failures)++;
            break;
        }
    }
    free(r);
    return NULL;
}

int main(void)
{
    pthread_t th[NTHREADS];
    int failures[NTHREADS] = {0};
    const char *env = getenv("AMSIZE_THREAD_ITERATIONS");
    int total = 0;

    if (env && atoi(env) > 0)
        iterations = atoi(env);
    fill_inputs();
    if (!compute(&reference)) {
        printf("FAIL: the single-threaded reference computation failed\n");
        return 1;
    }
    pthread_barrier_init(&start, NULL, NTHREADS);
    for (int i = 0; i < NTHREADS; i++) {
        if (pthread_create(&th[i], NULL, worker, &failures[i]) != 0) {
            printf("FAIL: pthread_create\n");
            return 1;
        }
    }
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(th[i], NULL);
        total += failures[i];
    }
    pthread_barrier_destroy(&start);
    if (total) {
        printf("FAIL: %d of %d threads saw a result that differs from the "
               "single-threaded one\n", total, NTHREADS);
        return 1;
    }
    printf("PASS: %d threads x %d iterations of chart, totals and scalars, "
           "bit for bit equal to the single-threaded results\n", NTHREADS, iterations);
    return 0;
}
