/* amsize-gen: writes a synthetic book of accounts as ACCOUNTS.csv, for
 * examples, tests and benchmarks of the amsize command.
 *
 *   amsize-gen --accounts N --seed S [--segments K] [--ams M] [--uncovered X]
 *   amsize-gen --print-segments [--segments K]
 *   amsize-gen --print-ams --ams M --seed S [--segments K] [--uncovered X]
 *
 * The same arguments always give the same bytes, on any machine: the
 * generator is splitmix64 (not rand()) and every value is computed with
 * plain IEEE arithmetic (no libm calls whose last bit could differ). With
 * --print-segments it writes the matching SEGMENTS.csv instead, with the
 * plan's staffing columns (which chart and pilot ignore).
 *
 * --ams adds the actuals that `amsize evaluate` reads: each account's am_id
 * (one of the AMs of its segment, or empty when no AM covered it) and
 * csm_covered; --print-ams writes the matching roster, AMS.csv. The AMs'
 * draws come from their own streams (a second splitmix64 for the accounts,
 * a hash of seed, segment and AM for the roster), so the columns that were
 * there before --ams keep their bytes: the chart of a book is the same
 * with or without it. */
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
    /* probability that a support role (CSM) covers the account (--ams) */
    double csm;
} profile;

static const profile profiles[3] = {
    {"Enterprise", 0.05, 200e3, 2e6, 0.20, 0.12, 0.06, 0.60, 1.3,
     1.5e6, 200e3, 20, 1.0, 0.8, 3, 0.12, 4, 9, 12, 0.50},
    {"Mid-Market", 0.375, 20e3, 200e3, 0.18, 0.08, 0.12, 0.40, 1.25,
     1.2e6, 160e3, 200, 0.5, 0.8, 3, 0.18, 3, 6, 9, 0.25},
    {"SMB", 0.575, 1e3, 20e3, 0.08, 0.04, 0.15, 0.10, 1.2,
     1e6, 120e3, 500, 0.5, 0.8, 4, 0.25, 2, 3, 5, 0.08},
};

static uint64_t state;
/* The AM columns' own stream (--ams), so that the accounts' draws from
 * state are the same with and without them. */
static uint64_t am_state;

/* splitmix64 (Steele, Lea, Flood 2014): its output function of a state. */
static uint64_t mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static uint64_t next_of(uint64_t *st)
{
    return mix(*st += UINT64_C(0x9e3779b97f4a7c15));
}

static uint64_t next(void)
{
    return next_of(&state);
}

/* Uniform in [0, 1). */
static double to_unit(uint64_t x)
{
    return (double)(x >> 11) * 0x1.0p-53;
}

static double uniform(void)
{
    return to_unit(next());
}

static double am_uniform(void)
{
    return to_unit(next_of(&am_state));
}

static void segment_name(char *buf, size_t size, int k)
{
    if (k < 3)
        snprintf(buf, size, "%s", profiles[k].name);
    else
        snprintf(buf, size, "%s %d", profiles[k % 3].name, k / 3 + 1);
}

/* ---- the AMs (--ams, --print-ams) ----
 *
 * M AMs are split over the segments in proportion to the weighted accounts
 * an AM of each may carry, share * covered / max_load of its profile
 * (covered: 1 - X with --uncovered X; largest remainders, ties to the first
 * segment), so that the loads of all segments are alike against their
 * max_load; or they are given per segment as a list.
 * AM j (from 0) of segment k is named by the profile's initial, the copy
 * number past the first three segments, and j + 1 in at least two digits:
 * E01, M07, S2-003. Its fte, target, tenure and share of its segment's
 * accounts are a hash of (seed, k, j), so the roster and the accounts agree
 * whichever is written first. */
typedef struct team {
    int nseg;
    uint64_t *count;   /* AMs per segment */
    double **cum;      /* per segment: cumulative book share of its AMs */
} team;

static uint64_t am_hash(uint64_t seed, int k, uint64_t j, int field)
{
    return mix(mix(mix(seed ^ UINT64_C(0x6a09e667f3bcc909)) + (uint64_t)k) +
               (j << 3 | (uint64_t)field));
}

enum { H_FTE, H_TARGET_GIVEN, H_TARGET, H_TENURE_GIVEN, H_TENURE, H_BOOK };

static double am_unit(uint64_t seed, int k, uint64_t j, int field)
{
    return to_unit(am_hash(seed, k, j, field));
}

/* Mostly full-time, one AM in seven at half time. */
static double am_fte(uint64_t seed, int k, uint64_t j)
{
    return am_unit(seed, k, j, H_FTE) < 1.0 / 7 ? 0.5 : 1.0;
}

/* The AM's relative share of its segment's covered accounts: 0.25 to
 * 1.75, so some books run well above the mean and some well below. */
static double am_book(uint64_t seed, int k, uint64_t j)
{
    return 0.25 + 1.5 * am_unit(seed, k, j, H_BOOK);
}

static void am_name(char *buf, size_t size, int k, uint64_t j, uint64_t count)
{
    int width = 2;
    for (uint64_t c = count; c >= 100; c /= 10)
        width++;
    if (k < 3)
        snprintf(buf, size, "%c%0*" PRIu64, profiles[k].name[0], width, j + 1);
    else
        snprintf(buf, size, "%c%d-%0*" PRIu64, profiles[k % 3].name[0], k / 3 + 1, width,
                 j + 1);
}

static void split_ams(team *t, uint64_t m, double uncovered)
{
    double *want = calloc((size_t)t->nseg, sizeof *want), total = 0;
    uint64_t given = 0;
    if (!want) {
        perror("amsize-gen");
        exit(71);
    }
    /* Nobody covered (--uncovered 1): by share / max_load alone. */
    double all = uncovered < 0 ? -1 : uncovered < 1 ? 1 - uncovered : 1;
    for (int k = 0; k < t->nseg; k++) {
        const profile *p = &profiles[k % 3];
        total += want[k] = p->share * (all < 0 ? p->covered : all) / p->max_load;
    }
    for (int k = 0; k < t->nseg; k++) {
        want[k] = want[k] / total * (double)m;
        t->count[k] = (uint64_t)want[k];
        want[k] -= (double)t->count[k];
        given += t->count[k];
    }
    while (given < m) {
        int best = 0;
        for (int k = 1; k < t->nseg; k++)
            if (want[k] > want[best])
                best = k;
        t->count[best]++;
        want[best] = -1;
        given++;
    }
    free(want);
}

static void team_init(team *t, int nseg, uint64_t seed, const uint64_t *counts, uint64_t m,
                      double uncovered)
{
    t->nseg = nseg;
    t->count = calloc((size_t)nseg, sizeof *t->count);
    t->cum = calloc((size_t)nseg, sizeof *t->cum);
    if (!t->count || !t->cum) {
        perror("amsize-gen");
        exit(71);
    }
    if (counts)
        memcpy(t->count, counts, (size_t)nseg * sizeof *counts);
    else
        split_ams(t, m, uncovered);
    for (int k = 0; k < nseg; k++) {
        if (!t->count[k])
            continue;
        double *c = malloc((size_t)t->count[k] * sizeof *c), sum = 0;
        if (!c) {
            perror("amsize-gen");
            exit(71);
        }
        for (uint64_t j = 0; j < t->count[k]; j++)
            c[j] = sum += am_book(seed, k, j);
        t->cum[k] = c;
    }
}

static void team_free(team *t)
{
    for (int k = 0; k < t->nseg; k++)
        free(t->cum[k]);
    free(t->cum);
    free(t->count);
}

/* An AM of segment k for a covered account: by the AMs' book shares. */
static uint64_t pick_am(const team *t, int k)
{
    const double *c = t->cum[k];
    uint64_t lo = 0, hi = t->count[k] - 1;
    double x = am_uniform() * c[hi];
    while (lo < hi) {
        uint64_t mid = lo + (hi - lo) / 2;
        if (c[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* AMS.csv: am_id, segment, fte, target (given for one AM in four: 60% to
 * 120% of fte * am_productivity, in thousands; else empty, the default),
 * tenure_months (empty, fully ramped, for half of them; else 0 to 59). */
static void print_ams(const team *t, uint64_t seed)
{
    char name[64], id[64];
    printf("am_id,segment,fte,target,tenure_months\n");
    for (int k = 0; k < t->nseg; k++) {
        const profile *p = &profiles[k % 3];
        segment_name(name, sizeof name, k);
        for (uint64_t j = 0; j < t->count[k]; j++) {
            double fte = am_fte(seed, k, j);
            am_name(id, sizeof id, k, j, t->count[k]);
            printf("%s,%s,%g,", id, name, fte);
            if (am_unit(seed, k, j, H_TARGET_GIVEN) < 0.25)
                printf("%.0f", 1e3 * (double)(uint64_t)(fte * p->productivity / 1e3 *
                                                         (0.6 + 0.6 * am_unit(seed, k, j,
                                                                              H_TARGET))));
            putchar(',');
            if (am_unit(seed, k, j, H_TENURE_GIVEN) < 0.5)
                printf("%d", (int)(60 * am_unit(seed, k, j, H_TENURE)));
            putchar('\n');
        }
    }
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

/* The accounts; with a team (--ams), also am_id and csm_covered. uncovered:
 * the share of accounts without an AM, or below 0 for each profile's own. */
static void print_accounts(uint64_t n, int nseg, const team *t, double uncovered)
{
    char name[64], id[64];
    double total = 0;
    for (int k = 0; k < nseg; k++)
        total += profiles[k % 3].share;
    printf("account_id,segment,arr,upsell,cross_sell,churn,service_weight,am_covered%s\n",
           t ? ",am_id,csm_covered" : "");
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
        /* A segment without AMs has no covered account. */
        int covered = uniform() < (uncovered < 0 ? p->covered : 1 - uncovered) &&
                      (!t || t->count[k]);
        double upsell = arr * p->upsell * uniform() * (covered ? p->coverage_boost : 1.0);
        double cross_sell = arr * p->cross_sell * uniform();
        double churn = arr * p->churn * uniform() * (covered ? 0.8 : 1.0);
        double w = uniform();
        double weight = w < 0.05 ? 2.0 : w < 0.20 ? 1.5 : 1.0;
        segment_name(name, sizeof name, k);
        printf("A%07" PRIu64 ",%s,%.2f,%.2f,%.2f,%.2f,%g,%d", i + 1, name, arr, upsell,
               cross_sell, churn, weight, covered);
        if (t) {
            if (covered)
                am_name(id, sizeof id, k, pick_am(t, k), t->count[k]);
            int csm = am_uniform() < p->csm;
            printf(",%s,%d", covered ? id : "", csm);
        }
        putchar('\n');
    }
}

static void usage(FILE *fp)
{
    fputs("Usage: amsize-gen --accounts N --seed S [--segments K] [--ams M] [--uncovered X]\n"
          "       amsize-gen --print-segments [--segments K]\n"
          "       amsize-gen --print-ams --ams M --seed S [--segments K] [--uncovered X]\n"
          "Writes N synthetic accounts (ACCOUNTS.csv) across K segments (default 3:\n"
          "Enterprise, Mid-Market, SMB) to standard output, the same for the same seed.\n"
          "--print-segments writes the matching SEGMENTS.csv instead.\n"
          "--ams M adds the columns am_id and csm_covered: each covered account goes\n"
          "to one of M AMs (a number, split over the segments, or one count per\n"
          "segment: 11,7,4). --uncovered X leaves a share X of the accounts (0 to 1)\n"
          "without an AM instead of each segment's own share (40%, 60%, 90%).\n"
          "--print-ams writes the matching roster (AMS.csv): give it the same --ams,\n"
          "--seed, --segments and --uncovered.\n",
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

/* --ams: M, or one count per segment (K of them, comma-separated). */
static int ams_arg(const char *arg, int nseg, uint64_t *total, uint64_t *counts, int *listed)
{
    const uint64_t max = 10000000;
    const char *q = arg;
    int i = 0;
    *total = 0;
    for (;;) {
        char *end;
        if (*q < '0' || *q > '9' || i == nseg)
            goto bad;
        uint64_t v = strtoull(q, &end, 10);
        if (v > max)
            goto bad;
        counts[i++] = v;
        *total += v;
        if (*end == '\0')
            break;
        if (*end != ',')
            goto bad;
        q = end + 1;
    }
    if (*total > max || (i != 1 && i != nseg))
        goto bad;
    *listed = i > 1;
    return 0;
bad:
    fprintf(stderr,
            "amsize-gen: --ams '%s': give a number of AMs or one count per segment (%d "
            "of them), whole numbers, %" PRIu64 " AMs at most\n",
            arg, nseg, max);
    return 64;
}

static int share(const char *opt, const char *arg, double *out)
{
    char *end;
    if ((arg[0] < '0' || arg[0] > '9') && arg[0] != '.')
        goto bad;
    *out = strtod(arg, &end);
    if (*end || !(*out >= 0 && *out <= 1))
        goto bad;
    return 0;
bad:
    fprintf(stderr, "amsize-gen: %s '%s': give a share from 0 to 1\n", opt, arg);
    return 64;
}

int main(int argc, char **argv)
{
    static const struct option longs[] = {
        {"accounts", required_argument, NULL, 'n'},
        {"seed", required_argument, NULL, 's'},
        {"segments", required_argument, NULL, 'k'},
        {"print-segments", no_argument, NULL, 'p'},
        {"ams", required_argument, NULL, 'm'},
        {"uncovered", required_argument, NULL, 'u'},
        {"print-ams", no_argument, NULL, 'r'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    uint64_t n = 0, seed = 0, k = 3;
    int have_n = 0, segments_only = 0, ams_only = 0, c, rc = 0;
    const char *ams = NULL;
    double uncovered = -1;

    while ((c = getopt_long(argc, argv, "n:s:k:ph", longs, NULL)) != -1) {
        switch (c) {
        case 'n': rc = number("--accounts", optarg, UINT64_C(9999999999), &n); have_n = 1; break;
        case 's': rc = number("--seed", optarg, UINT64_MAX, &seed); break;
        case 'k': rc = number("--segments", optarg, 1000, &k); break;
        case 'p': segments_only = 1; break;
        case 'm': ams = optarg; break;
        case 'u': rc = share("--uncovered", optarg, &uncovered); break;
        case 'r': ams_only = 1; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 64;
        }
        if (rc)
            return rc;
    }
    if (optind < argc || k == 0 || (segments_only && ams_only) || (ams_only && !ams) ||
        (!have_n && !segments_only && !ams_only)) {
        usage(stderr);
        return 64;
    }
    if (uncovered >= 0 && !ams) {
        /* Without AMs no account is covered: the share would do nothing. */
        fputs("amsize-gen: --uncovered needs --ams\n", stderr);
        return 64;
    }
    state = seed;
    am_state = mix(seed ^ UINT64_C(0xd1b54a32d192ed03));
    if (segments_only) {
        print_segments((int)k);
    } else {
        team t, *tp = NULL;
        if (ams) {
            uint64_t total, *counts = calloc((size_t)k, sizeof *counts);
            int listed;
            if (!counts) {
                perror("amsize-gen");
                return 71;
            }
            if ((rc = ams_arg(ams, (int)k, &total, counts, &listed))) {
                free(counts);
                return rc;
            }
            team_init(&t, (int)k, seed, listed ? counts : NULL, total, uncovered);
            free(counts);
            tp = &t;
        }
        if (ams_only)
            print_ams(tp, seed);
        else
            print_accounts(n, (int)k, tp, uncovered);
        if (tp)
            team_free(tp);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("amsize-gen: standard output");
        return 74;
    }
    return 0;
}
