/* amsize-bench: the in-process benchmarks of libamsize (bench/README.md).
 *
 *   totals  amsize_totals_add() over whole in-memory columns and in chunks,
 *           against a plain summing loop over the same arrays (bench/plain.c)
 *   chart   amsize_chart_compute() for 10, 1,000 and 100,000 segments
 *   scalar  every amsize_<column>_calc() function, per call
 *   plan    amsize_plan_compute() for every segment and amsize_plan_total(),
 *           1,000 segments x 600 months by default, with current_ams and
 *           with a roster of 50 AMs per segment
 *
 * The competitors of a workload run in the same process, interleaved (the
 * order rotates every repetition), after one untimed warm-up each. Every
 * timed sample is one line of CSV on stdout:
 *
 *   workload,case,method,size,rep,seconds,items
 *
 * items is what the sample processed (accounts, segment rows, calls or
 * segment-months), so
 * items/seconds is the rate. bench/run_bench.py turns the samples into
 * medians, spreads and ratios. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <amsize.h>

#include "bench.h"

#ifndef BENCH_CFLAGS
#define BENCH_CFLAGS "unknown"
#endif

static struct {
    long long sizes[8];
    int nsizes;
    long long max_size;
    int reps;
    uint64_t seed;
    int segments;
    size_t chunk;
    int do_totals, do_chart, do_scalar, do_plan;
    long long scalar_calls, chart_max;
    long long plan_segments, plan_months;
} opt = {{100000, 1000000, 10000000}, 3, 10000000, 7, 42, 3, 4096, 1, 1, 1, 1, 2000000, 100000,
         1000, 600};

static volatile double sink; /* keeps results observable */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void emit(const char *workload, const char *c, const char *method, long long size, int rep,
                 double seconds, double items)
{
    printf("%s,%s,%s,%lld,%d,%.9f,%.0f\n", workload, c, method, size, rep, seconds, items);
}

/* splitmix64: small, fast, and the same stream on every platform. */
static uint64_t rng_state;
static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}
static double rng_unit(void) /* [0, 1) */
{
    return (double)(rng_next() >> 11) * 0x1.0p-53;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "amsize-bench: out of memory (%zu bytes)\n", n);
        exit(1);
    }
    return p;
}

/* The init functions fail only when amsize.h and the library loaded
 * disagree on a struct's size: nothing could be measured then. */
static void need_ok(const char *what, amsize_status st)
{
    if (st != AMSIZE_OK) {
        fprintf(stderr, "amsize-bench: %s: %s (library %s)\n", what, amsize_strerror(st),
                amsize_version());
        exit(1);
    }
}

static void die_status(const char *what, amsize_status st, const amsize_error *err)
{
    fprintf(stderr, "amsize-bench: %s: %s (index %lld, field %s)\n", what, amsize_strerror(st),
            (long long)err->index, amsize_field_name(err->field));
    exit(1);
}

/* ------------------------------------------------------------ totals */

typedef struct columns {
    size_t rows;
    int32_t *segment;
    double *arr, *upsell, *cross_sell, *churn, *weight;
    uint8_t *covered;
} columns;

/* Accounts over opt.segments segments, from the seed, shaped like
 * amsize-gen's books: by default its three segments (5% Enterprise,
 * 37.5% Mid-Market, 57.5% SMB, ARR ranges a decade apart); with other
 * segment counts each segment holds twice the accounts of the one before. */
static void columns_make(columns *c, size_t rows)
{
    static const double gen_share[3] = {0.05, 0.375, 0.575};
    double cum[16], total = 0;

    for (int s = 0; s < opt.segments; s++)
        cum[s] = total += opt.segments == 3 ? gen_share[s] : (double)(1u << s);
    c->rows = rows;
    c->segment = xmalloc(rows * sizeof *c->segment);
    c->arr = xmalloc(rows * sizeof(double));
    c->upsell = xmalloc(rows * sizeof(double));
    c->cross_sell = xmalloc(rows * sizeof(double));
    c->churn = xmalloc(rows * sizeof(double));
    c->weight = xmalloc(rows * sizeof(double));
    c->covered = xmalloc(rows);
    rng_state = opt.seed;
    for (size_t i = 0; i < rows; i++) {
        double u = rng_unit() * total;
        int s = 0;
        while (s < opt.segments - 1 && u >= cum[s])
            s++;
        double lo = 2e5 / pow(10.0, s), r = rng_unit();
        double a = lo + 9 * lo * r * r; /* skewed towards lo */
        c->segment[i] = s;
        c->arr[i] = a;
        c->upsell[i] = a * 0.15 * rng_unit();
        c->cross_sell[i] = a * 0.10 * rng_unit();
        c->churn[i] = a * 0.12 * rng_unit();
        c->weight[i] = rng_unit() < 0.2 ? 2.0 : 1.0;
        c->covered[i] = rng_unit() < 0.3;
    }
}

static void columns_free(columns *c)
{
    free(c->segment);
    free(c->arr);
    free(c->upsell);
    free(c->cross_sell);
    free(c->churn);
    free(c->weight);
    free(c->covered);
}

static void lib_add(amsize_totals *t, const columns *c, size_t from, size_t n)
{
    amsize_error err;
    need_ok("amsize_error_init", amsize_error_init(&err));
    amsize_status st = amsize_totals_add(t, (size_t)opt.segments, &err, c->segment + from, n,
                                         c->arr + from, c->upsell + from, c->cross_sell + from,
                                         c->churn + from, c->weight + from, c->covered + from);
    if (st != AMSIZE_OK)
        die_status("amsize_totals_add", st, &err);
}

enum { M_PLAIN, M_WHOLE, M_CHUNK, M_COUNT };
static const char *const totals_method[M_COUNT] = {"plain_loop", "amsize_whole", "amsize_chunked"};

/* One pass of method m over the columns into fresh accumulators. */
static void totals_run(int m, const columns *c, amsize_totals *t, bench_plain *p)
{
    if (m == M_PLAIN) {
        memset(p, 0, (size_t)opt.segments * 2 * sizeof *p);
        bench_plain_add(p, c->segment, c->rows, c->arr, c->upsell, c->cross_sell, c->churn,
                        c->weight, c->covered);
        sink = p[0].sum[2];
        return;
    }
    need_ok("amsize_totals_init", amsize_totals_init(t, (size_t)opt.segments));
    if (m == M_WHOLE) {
        lib_add(t, c, 0, c->rows);
    } else {
        for (size_t i = 0; i < c->rows; i += opt.chunk)
            lib_add(t, c, i, c->rows - i < opt.chunk ? c->rows - i : opt.chunk);
    }
    sink = t[0].opaque[0];
}

/* The library's sums equal the plain loop's to well within 1e-9. */
static void totals_verify(const amsize_totals *t, const bench_plain *p)
{
    for (int s = 0; s < opt.segments; s++) {
        for (int part = 0; part < 2; part++) {
            amsize_segment seg;
            amsize_error err;
            need_ok("amsize_segment_init", amsize_segment_init(&seg, 1));
            need_ok("amsize_error_init", amsize_error_init(&err));
            amsize_status st = amsize_totals_segment(
                &seg, &err, &t[s], part ? AMSIZE_PART_COVERED : AMSIZE_PART_UNCOVERED);
            if (st != AMSIZE_OK)
                die_status("amsize_totals_segment", st, &err);
            const double *q = p[s * 2 + part].sum;
            double got[6] = {(double)seg.accounts, seg.weighted_accounts, seg.book,
                             seg.upsell,           seg.cross_sell,        seg.churn};
            for (int k = 0; k < 6; k++) {
                if (fabs(got[k] - q[k]) > 1e-9 * fmax(1.0, fabs(q[k]))) {
                    fprintf(stderr,
                            "amsize-bench: totals differ from the plain loop: segment %d part "
                            "%d column %d: %.17g vs %.17g\n",
                            s, part, k, got[k], q[k]);
                    exit(1);
                }
            }
        }
    }
}

static void bench_totals(void)
{
    amsize_totals *t = xmalloc((size_t)opt.segments * sizeof *t);
    bench_plain *p = xmalloc((size_t)opt.segments * 2 * sizeof *p);

    for (int si = 0; si < opt.nsizes; si++) {
        long long size = opt.sizes[si];
        if (size > opt.max_size)
            continue;
        columns c;
        columns_make(&c, (size_t)size);
        /* Small sizes repeat the pass so that a sample lasts ~10 ms or more. */
        int inner = size >= 2000000 ? 1 : (int)(2000000 / size);
        totals_run(M_PLAIN, &c, t, p);
        totals_run(M_WHOLE, &c, t, p);
        totals_verify(t, p);
        totals_run(M_CHUNK, &c, t, p);
        totals_verify(t, p);
        for (int rep = 0; rep < opt.reps; rep++) {
            for (int k = 0; k < M_COUNT; k++) {
                int m = (k + rep) % M_COUNT;
                double t0 = now();
                for (int j = 0; j < inner; j++)
                    totals_run(m, &c, t, p);
                double dt = now() - t0;
                emit("totals", "columns", totals_method[m], size, rep, dt, (double)size * inner);
            }
        }
        columns_free(&c);
        fflush(stdout);
    }
    free(t);
    free(p);
}

/* ------------------------------------------------------------- chart */

/* n random segments from the current rng_state (initialised rows). */
static void segments_random(amsize_segment *segs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double book = 1e6 * (1 + 99 * rng_unit());
        segs[i].accounts = 10 + (int64_t)(rng_unit() * 5000);
        segs[i].book = book;
        segs[i].upsell = book * 0.15 * rng_unit();
        segs[i].cross_sell = book * 0.10 * rng_unit();
        segs[i].churn = book * 0.10 * rng_unit();
        segs[i].churn_attribution = rng_unit();
        segs[i].support_rating = 1 + (int32_t)(rng_unit() * 5);
        segs[i].am_productivity = 1e6 * (0.5 + rng_unit());
        segs[i].am_cost = 1e5 * (1 + rng_unit());
        segs[i].max_load = 10 + 490 * rng_unit();
    }
}

static void bench_chart(void)
{
    static const long long counts[] = {10, 1000, 100000};
    for (size_t ci = 0; ci < sizeof counts / sizeof counts[0]; ci++) {
        size_t n = (size_t)counts[ci];
        if (counts[ci] > opt.chart_max)
            break;
        amsize_segment *segs = xmalloc(n * sizeof *segs);
        amsize_chart_row *rows = xmalloc(n * sizeof *rows);
        amsize_chart_row total;
        amsize_error err;
        need_ok("amsize_segment_init", amsize_segment_init(segs, n));
        need_ok("amsize_chart_row_init", amsize_chart_row_init(rows, n));
        need_ok("amsize_chart_row_init", amsize_chart_row_init(&total, 1));
        need_ok("amsize_error_init", amsize_error_init(&err));
        rng_state = opt.seed + ci;
        segments_random(segs, n);
        int inner = n >= 200000 ? 1 : (int)(200000 / n);
        for (int rep = -1; rep < opt.reps; rep++) {
            double t0 = now();
            for (int j = 0; j < inner; j++) {
                amsize_status st = amsize_chart_compute(rows, n, &total, &err, segs, n, NULL);
                if (st != AMSIZE_OK)
                    die_status("amsize_chart_compute", st, &err);
            }
            double dt = now() - t0;
            sink = (double)total.headcount;
            if (rep >= 0)
                emit("chart", "segments", "amsize_chart_compute", (long long)n, rep, dt,
                     (double)n * inner);
        }
        free(segs);
        free(rows);
        fflush(stdout);
    }
}

/* -------------------------------------------------------------- plan */

/* AMs on each segment's roster in the roster variant. */
#define PLAN_ROSTER 50

enum { P_STAFF, P_ROSTER, P_COUNT };
static const char *const plan_method[P_COUNT] = {"amsize_plan", "amsize_plan_roster50"};

typedef struct plan_input {
    size_t n, h;             /* segments, months */
    amsize_segment *segs;
    amsize_staffing *staff;
    double *fte;             /* PLAN_ROSTER per segment */
    int32_t *tenure;
    amsize_plan_month *months, *total; /* n*h, h */
    amsize_plan_summary *sums, total_sum;
    double *work;
    size_t work_len;
} plan_input;

/* Random segments as in the chart workload, with varied staffing:
 * attrition 0..40% a year, time to fill 0..6 months, ramp 0..9 months,
 * and 0 to 1.5 times the chart's headcount already on staff (so some
 * segments hire nobody and some hire everybody). The roster variant's 50
 * AMs per segment are 1 or 0.5 FTE, a quarter fully ramped and the rest
 * 0..35 months in. */
static void plan_make(plan_input *p, size_t n, size_t h)
{
    amsize_chart_row *rows = xmalloc(n * sizeof *rows);
    amsize_error err;

    p->n = n;
    p->h = h;
    p->segs = xmalloc(n * sizeof *p->segs);
    p->staff = xmalloc(n * sizeof *p->staff);
    p->fte = xmalloc(n * PLAN_ROSTER * sizeof *p->fte);
    p->tenure = xmalloc(n * PLAN_ROSTER * sizeof *p->tenure);
    p->months = xmalloc(n * h * sizeof *p->months);
    p->total = xmalloc(h * sizeof *p->total);
    p->sums = xmalloc(n * sizeof *p->sums);
    p->work_len = PLAN_ROSTER + 2 * h + 1;
    p->work = xmalloc(p->work_len * sizeof *p->work);
    need_ok("amsize_segment_init", amsize_segment_init(p->segs, n));
    need_ok("amsize_staffing_init", amsize_staffing_init(p->staff, n));
    need_ok("amsize_plan_month_init", amsize_plan_month_init(p->months, n * h));
    need_ok("amsize_plan_month_init", amsize_plan_month_init(p->total, h));
    for (size_t i = 0; i < n; i++)
        need_ok("amsize_plan_summary_init", amsize_plan_summary_init(&p->sums[i]));
    need_ok("amsize_plan_summary_init", amsize_plan_summary_init(&p->total_sum));
    need_ok("amsize_chart_row_init", amsize_chart_row_init(rows, n));
    need_ok("amsize_error_init", amsize_error_init(&err));

    rng_state = opt.seed + 100;
    segments_random(p->segs, n);
    amsize_status st = amsize_chart_compute(rows, n, NULL, &err, p->segs, n, NULL);
    if (st != AMSIZE_OK)
        die_status("amsize_chart_compute", st, &err);
    for (size_t i = 0; i < n; i++) {
        amsize_staffing *f = &p->staff[i];
        f->attrition = 0.4 * rng_unit();
        f->time_to_fill = (int32_t)(rng_unit() * 7);
        f->ramp_months = (int32_t)(rng_unit() * 10);
        f->current_ams = (int64_t)floor(1.5 * (double)rows[i].headcount * rng_unit());
        st = amsize_staffing_check(&err, f, (int64_t)i);
        if (st != AMSIZE_OK)
            die_status("amsize_staffing_check", st, &err);
        for (size_t k = i * PLAN_ROSTER; k < (i + 1) * PLAN_ROSTER; k++) {
            p->fte[k] = rng_unit() < 0.2 ? 0.5 : 1.0;
            p->tenure[k] =
                rng_unit() < 0.25 ? AMSIZE_TENURE_RAMPED : (int32_t)(rng_unit() * 36);
        }
    }
    free(rows);
}

static void plan_free(plan_input *p)
{
    free(p->segs);
    free(p->staff);
    free(p->fte);
    free(p->tenure);
    free(p->months);
    free(p->total);
    free(p->sums);
    free(p->work);
}

/* Every segment's plan, then the total plan. */
static void plan_run(int m, plan_input *p)
{
    amsize_error err;
    amsize_status st;
    need_ok("amsize_error_init", amsize_error_init(&err));
    for (size_t i = 0; i < p->n; i++) {
        const double *fte = m == P_ROSTER ? p->fte + i * PLAN_ROSTER : NULL;
        const int32_t *tenure = m == P_ROSTER ? p->tenure + i * PLAN_ROSTER : NULL;
        st = amsize_plan_compute(p->months + i * p->h, p->h, &p->sums[i], &err, p->work,
                                 p->work_len, &p->segs[i], NULL, &p->staff[i], NULL, 0, fte,
                                 tenure, m == P_ROSTER ? PLAN_ROSTER : 0);
        if (st != AMSIZE_OK)
            die_status("amsize_plan_compute", st, &err);
    }
    st = amsize_plan_total(p->total, &p->total_sum, &err, p->months, p->sums, p->n, p->h);
    if (st != AMSIZE_OK)
        die_status("amsize_plan_total", st, &err);
    sink = p->total_sum.plan_cost;
}

/* The total is the sum of the segments (so nothing was skipped), and the
 * plan did some hiring. */
static void plan_verify(const plan_input *p, int m)
{
    double cost = 0, end = 0;
    for (size_t i = 0; i < p->n; i++) {
        cost += p->sums[i].plan_cost;
        end += p->months[i * p->h + p->h - 1].headcount;
    }
    const amsize_plan_summary *t = &p->total_sum;
    if (fabs(cost - t->plan_cost) > 1e-9 * fmax(1.0, cost) ||
        fabs(end - t->end_headcount) > 1e-9 * fmax(1.0, end) ||
        fabs(end - p->total[p->h - 1].headcount) > 1e-9 * fmax(1.0, end) ||
        p->total[p->h - 1].month != (int32_t)p->h || !(t->requisitions > 0)) {
        fprintf(stderr,
                "amsize-bench: %s: the total plan does not add up: cost %.17g vs %.17g, end "
                "headcount %.17g vs %.17g, requisitions %.17g\n",
                plan_method[m], t->plan_cost, cost, t->end_headcount, end, t->requisitions);
        exit(1);
    }
}

static void bench_plan(void)
{
    plan_input p;
    char c[32];
    plan_make(&p, (size_t)opt.plan_segments, (size_t)opt.plan_months);
    snprintf(c, sizeof c, "%lld_months", opt.plan_months);
    for (int m = 0; m < P_COUNT; m++) { /* warm-up */
        plan_run(m, &p);
        plan_verify(&p, m);
    }
    for (int rep = 0; rep < opt.reps; rep++) {
        for (int k = 0; k < P_COUNT; k++) {
            int m = (k + rep) % P_COUNT;
            double t0 = now();
            plan_run(m, &p);
            double dt = now() - t0;
            emit("plan", c, plan_method[m], opt.plan_segments, rep, dt,
                 (double)opt.plan_segments * (double)opt.plan_months);
        }
    }
    fflush(stdout);
    plan_free(&p);
}

/* ------------------------------------------------------------ scalar */

#define NIN 1024 /* inputs cycle through this many values */
static double in_a[NIN], in_b[NIN], in_c[NIN], in_d[NIN], in_e[NIN], in_f[NIN], in_g[NIN];
static int32_t in_s[NIN];

/* Each case calls one function with inputs that vary from call to call. */
#define A in_a[i & (NIN - 1)]
#define B in_b[i & (NIN - 1)]
#define C in_c[i & (NIN - 1)]
#define D in_d[i & (NIN - 1)]
#define E in_e[i & (NIN - 1)]
#define F in_f[i & (NIN - 1)]
#define G in_g[i & (NIN - 1)]
#define S in_s[i & (NIN - 1)]
#define SCALARS(X)                                                          \
    X(ceil_eps, amsize_ceil_eps_calc(A))                                    \
    X(floor_eps, amsize_floor_eps_calc(A))                                  \
    X(churn_attributed, amsize_churn_attributed_calc(C, F))                 \
    X(net_ratio, amsize_net_ratio_calc(A, B, C, F))                         \
    X(net_ratio_pct, amsize_net_ratio_pct_calc(A, D))                       \
    X(net_ratio_rating, amsize_net_ratio_rating_calc(F, 0.15, 0.05))        \
    X(fte_net, amsize_fte_net_calc(A, D))                                   \
    X(support_factor, amsize_support_factor_calc(S, 0.4, 0.5, 0.6, 0.7, 0.8)) \
    X(fte_demand, amsize_fte_demand_calc(F, G))                             \
    X(hc_demand, amsize_hc_demand_calc(A))                                  \
    X(growth_per_account, amsize_growth_per_account_calc(A, E))             \
    X(min_load, amsize_min_load_calc(C, F, G, B))                           \
    X(hc_floor, amsize_hc_floor_calc(E, G))                                 \
    X(hc_ceiling, amsize_hc_ceiling_calc(E, G))                             \
    X(headcount, amsize_headcount_calc(E, G, A))                            \
    X(binding, amsize_binding_calc(E, G))                                   \
    X(load_per_am, amsize_load_per_am_calc(E, G))                           \
    X(cost, amsize_cost_calc(E, C))                                         \
    X(net_per_am, amsize_net_per_am_calc(A, G))                             \
    X(roi, amsize_roi_calc(F, A, C))                                        \
    X(flags, amsize_flags_calc(E, E, D, A, B, G, E))                        \
    X(pilot_delta, amsize_pilot_delta_calc(A, D, B, D))                     \
    X(pilot_lift, amsize_pilot_lift_calc(A, D, B, D))                       \
    X(pilot_incremental, amsize_pilot_incremental_calc(A, D, B, D))

#define SCALAR_FN(name, call)                          \
    static double scalar_##name(long n)                \
    {                                                  \
        double acc = 0;                                \
        for (long i = 0; i < n; i++)                   \
            acc += call;                               \
        return acc;                                    \
    }
SCALARS(SCALAR_FN)
#define SCALAR_ENTRY(name, call) {#name, scalar_##name},
static const struct {
    const char *name;
    double (*fn)(long);
} scalar_case[] = {SCALARS(SCALAR_ENTRY)};
#define NSCALAR (int)(sizeof scalar_case / sizeof scalar_case[0])

static void bench_scalar(void)
{
    const long calls = (long)opt.scalar_calls;
    rng_state = opt.seed;
    for (int i = 0; i < NIN; i++) {
        in_a[i] = 1e6 * (1 + 9 * rng_unit());      /* money: NR, upsell */
        in_b[i] = 1e5 * (1 + 9 * rng_unit());      /* money */
        in_c[i] = 1e5 * (1 + rng_unit());          /* cost, churn */
        in_d[i] = 1e7 * (1 + 9 * rng_unit());      /* book, productivity */
        in_e[i] = floor(1 + 5000 * rng_unit());    /* accounts, headcounts */
        in_f[i] = 0.05 + 0.95 * rng_unit();        /* fractions */
        in_g[i] = floor(1 + 100 * rng_unit());     /* loads, headcounts */
        in_s[i] = 1 + (int32_t)(rng_unit() * 5);   /* support rating */
    }
    for (int rep = -1; rep < opt.reps; rep++) {
        for (int k = 0; k < NSCALAR; k++) {
            int f = (k + (rep < 0 ? 0 : rep)) % NSCALAR;
            double t0 = now();
            sink = scalar_case[f].fn(calls);
            double dt = now() - t0;
            if (rep >= 0)
                emit("scalar", "calls", scalar_case[f].name, calls, rep, dt, (double)calls);
        }
    }
    fflush(stdout);
}

/* ------------------------------------------------------------- main */

static long long parse_ll(const char *s, const char *what)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0) {
        fprintf(stderr, "amsize-bench: %s needs a positive whole number, not '%s'\n", what, s);
        exit(2);
    }
    return v;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: amsize-bench [--workloads totals,chart,scalar,plan] [--sizes N,N,...]\n"
               "                    [--max-size N] [--reps R] [--seed S] [--segments K]\n"
               "                    [--chunk ROWS] [--scalar-calls N] [--chart-max SEGMENTS]\n"
               "                    [--plan-segments N] [--plan-months H]\n"
               "Prints one CSV line per timed sample: "
               "workload,case,method,size,rep,seconds,items\n");
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i += 2) { /* every option takes a value but --help, --info */
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--info")) {
            printf("cflags=%s\nlibrary=%s\n", BENCH_CFLAGS, amsize_version());
            return 0;
        } else if (!v) {
            usage(stderr);
            return 2;
        } else if (!strcmp(a, "--sizes")) {
            char *copy = strdup(v), *save = NULL;
            opt.nsizes = 0;
            for (char *t = strtok_r(copy, ",", &save); t && opt.nsizes < 8;
                 t = strtok_r(NULL, ",", &save))
                opt.sizes[opt.nsizes++] = parse_ll(t, "--sizes");
            free(copy);
        } else if (!strcmp(a, "--max-size")) {
            opt.max_size = parse_ll(v, a);
        } else if (!strcmp(a, "--reps")) {
            opt.reps = (int)parse_ll(v, a);
        } else if (!strcmp(a, "--seed")) {
            opt.seed = (uint64_t)parse_ll(v, a);
        } else if (!strcmp(a, "--segments")) {
            opt.segments = (int)parse_ll(v, a);
            if (opt.segments > 16) {
                fprintf(stderr, "amsize-bench: --segments at most 16\n");
                return 2;
            }
        } else if (!strcmp(a, "--scalar-calls")) {
            opt.scalar_calls = parse_ll(v, a);
        } else if (!strcmp(a, "--chart-max")) {
            opt.chart_max = parse_ll(v, a);
        } else if (!strcmp(a, "--plan-segments")) {
            opt.plan_segments = parse_ll(v, a);
        } else if (!strcmp(a, "--plan-months")) {
            opt.plan_months = parse_ll(v, a);
            if (opt.plan_months > AMSIZE_PLAN_HORIZON_MAX) {
                fprintf(stderr, "amsize-bench: --plan-months at most %d\n",
                        AMSIZE_PLAN_HORIZON_MAX);
                return 2;
            }
        } else if (!strcmp(a, "--chunk")) {
            opt.chunk = (size_t)parse_ll(v, a);
        } else if (!strcmp(a, "--workloads")) {
            opt.do_totals = strstr(v, "totals") != NULL;
            opt.do_chart = strstr(v, "chart") != NULL;
            opt.do_scalar = strstr(v, "scalar") != NULL;
            opt.do_plan = strstr(v, "plan") != NULL;
        } else {
            usage(stderr);
            return 2;
        }
    }
    printf("workload,case,method,size,rep,seconds,items\n");
    if (opt.do_totals)
        bench_totals();
    if (opt.do_chart)
        bench_chart();
    if (opt.do_scalar)
        bench_scalar();
    if (opt.do_plan)
        bench_plan();
    return 0;
}
