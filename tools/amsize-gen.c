/* amsize-gen: writes a synthetic book of accounts as ACCOUNTS.csv, for
 * examples, tests and benchmarks of the amsize command.
 *
 *   amsize-gen --accounts N --seed S [--segments K] [--print-segments]
 *
 * The same arguments always give the same bytes, on any machine: the
 * generator is splitmix64 (not rand()) and every value is computed with
 * plain IEEE arithmetic (no libm calls whose last bit could differ). With
 * --print-segments it writes the matching SEGMENTS.csv instead, with the
 * plan's staffing columns (which chart and pilot ignore). */
#include <config.h>

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A segment's synthetic profile: money ranges per account and shares. */
typedef struct profile {
    const char *name;
    double share;                  /* of the accounts */
    double arr_lo, arr_hi;         /* ARR range; skewed towards arr_lo */
    double upsell, cross_sell, churn; /* largest fraction of ARR */
    double covered;                /* probability an AM covers the account */
    double coverage_boost;         /* upsell multiplier when covered */
    /* SEGMENTS.csv inputs */
    double productivity, cost, max_load, attribution, margin;
    int support;
    /* and the plan's staffing columns: annual attrition, months to fill a
     * requisition and to ramp, AMs on staff today */
    double attrition;
    int time_to_fill, ramp_months, current_ams;
} profile;

static const profile profiles[3] = {
    {"Enterprise", 0.05, 200e3, 2e6, 0.20, 0.12, 0.06, 0.60, 1.3,
     1.5e6, 200e3, 20, 1.0, 0.8, 3, 0.12, 4, 9, 12},
    {"Mid-Market", 0.375, 20e3, 200e3, 0.18, 0.08, 0.12, 0.40, 1.25,
     1.2e6, 160e3, 200, 0.5, 0.8, 3, 0.18, 3, 6, 9},
    {"SMB", 0.575, 1e3, 20e3, 0.08, 0.04, 0.15, 0.10, 1.2,
     1e6, 120e3, 500, 0.5, 0.8, 4, 0.25, 2, 3, 5},
};

static uint64_t state;

/* splitmix64 (Steele, Lea, Flood 2014). */
static uint64_t next(void)
{
    uint64_t z = (state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double uniform(void)
{
    return (double)(next() >> 11) * 0x1.0p-53;
}

static void segment_name(char *buf, size_t size, int k)
{
    if (k < 3)
        snprintf(buf, size, "%s", profiles[k].name);
    else
        snprintf(buf, size, "%s %d", profiles[k % 3].name, k / 3 + 1);
}

static void print_segments(int nseg)
{
    char name[64];
    printf("segment,support_rating,am_productivity,am_cost,max_load,churn_attribution,"
           "gross_margin,attrition,time_to_fill,ramp_months,current_ams\n");
    for (int k = 0; k < nseg; k++) {
        const profile *p = &profiles[k % 3];
        segment_name(name, sizeof name, k);
        printf("%s,%d,%.0f,%.0f,%.0f,%g,%g,%g,%d,%d,%d\n", name, p->support, p->productivity,
               p->cost, p->max_load, p->attribution, p->margin, p->attrition, p->time_to_fill,
               p->ramp_months, p->current_ams);
    }
}

static void print_accounts(uint64_t n, int nseg)
{
    char name[64];
    double total = 0;
    for (int k = 0; k < nseg; k++)
        total += profiles[k % 3].share;
    printf("account_id,segment,arr,upsell,cross_sell,churn,service_weight,am_covered\n");
    for (uint64_t i = 0; i < n; i++) {
        /* Pick a segment in proportion to the profiles' shares. */
        double pick = uniform() * total;
        int k = 0;
        while (k + 1 < nseg && pick >= profiles[k % 3].share) {
            pick -= profiles[k % 3].share;
            k++;
        }
        const profile *p = &profiles[k % 3];
        double u = uniform();
        double arr = p->arr_lo + (p->arr_hi - p->arr_lo) * u * u;
        int covered = uniform() < p->covered;
        double upsell = arr * p->upsell * uniform() * (covered ? p->coverage_boost : 1.0);
        double cross_sell = arr * p->cross_sell * uniform();
        double churn = arr * p->churn * uniform() * (covered ? 0.8 : 1.0);
        double w = uniform();
        double weight = w < 0.05 ? 2.0 : w < 0.20 ? 1.5 : 1.0;
        segment_name(name, sizeof name, k);
        printf("A%07" PRIu64 ",%s,%.2f,%.2f,%.2f,%.2f,%g,%d\n", i + 1, name, arr, upsell,
               cross_sell, churn, weight, covered);
    }
}

static void usage(FILE *fp)
{
    fputs("Usage: amsize-gen --accounts N --seed S [--segments K] [--print-segments]\n"
          "Writes N synthetic accounts (ACCOUNTS.csv) across K segments (default 3:\n"
          "Enterprise, Mid-Market, SMB) to standard output, the same for the same seed.\n"
          "--print-segments writes the matching SEGMENTS.csv instead.\n",
          fp);
}

static int number(const char *opt, const char *arg, uint64_t max, uint64_t *out)
{
    char *end;
    if (arg[0] < '0' || arg[0] > '9')
        goto bad;
    *out = strtoull(arg, &end, 10);
    if (*end || *out > max)
        goto bad;
    return 0;
bad:
    fprintf(stderr, "amsize-gen: %s '%s': give a whole number up to %" PRIu64 "\n", opt, arg,
            max);
    return 64;
}

int main(int argc, char **argv)
{
    static const struct option longs[] = {
        {"accounts", required_argument, NULL, 'n'},
        {"seed", required_argument, NULL, 's'},
        {"segments", required_argument, NULL, 'k'},
        {"print-segments", no_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    uint64_t n = 0, seed = 0, k = 3;
    int have_n = 0, segments_only = 0, c, rc = 0;

    while ((c = getopt_long(argc, argv, "n:s:k:ph", longs, NULL)) != -1) {
        switch (c) {
        case 'n': rc = number("--accounts", optarg, UINT64_C(9999999999), &n); have_n = 1; break;
        case 's': rc = number("--seed", optarg, UINT64_MAX, &seed); break;
        case 'k': rc = number("--segments", optarg, 1000, &k); break;
        case 'p': segments_only = 1; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 64;
        }
        if (rc)
            return rc;
    }
    if (optind < argc || k == 0 || (!have_n && !segments_only)) {
        usage(stderr);
        return 64;
    }
    state = seed;
    if (segments_only)
        print_segments((int)k);
    else
        print_accounts(n, (int)k);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("amsize-gen: standard output");
        return 74;
    }
    return 0;
}
