/* The evaluation's findings (see findings.h): for each segment, a
 * sentence per question of the method, with the numbers that answer it.
 * Money as the tables show it ($590K), shares as percentages with one
 * decimal, loads as plain numbers; "-" for an undefined value. */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"
#include "findings.h"
#include "input.h"
#include "number.h"
#include "xalloc.h"

/* Room for one number's text. */
#define NUM_SIZE 48

static const char *money(char *buf, double v)
{
    if (isnan(v))
        snprintf(buf, NUM_SIZE, "-");
    else
        format_money(buf, NUM_SIZE, v);
    return buf;
}

static const char *pct(char *buf, double v)
{
    if (isnan(v))
        snprintf(buf, NUM_SIZE, "-");
    else if (fabs(v * 100) >= 1e6) /* would not fit, and says nothing more */
        snprintf(buf, NUM_SIZE, "%.3g%%", v * 100);
    else
        snprintf(buf, NUM_SIZE, "%.1f%%", v * 100);
    return buf;
}

/* A threshold as a share: 0.9 is "90%", 0.875 "87.5%". */
static const char *share(char *buf, double v)
{
    snprintf(buf, NUM_SIZE, fabs(v * 100) >= 1e6 ? "%.3g%%" : "%.15g%%", v * 100);
    return buf;
}

/* A load or an FTE: at most two decimals, without trailing zeros. */
static const char *amount(char *buf, double v)
{
    if (isnan(v)) {
        snprintf(buf, NUM_SIZE, "-");
        return buf;
    }
    format_grouped(buf, NUM_SIZE, v, 2);
    if (!strchr(buf, '.') || strchr(buf, 'e'))
        return buf; /* whole, or in exponent form: no zeros to drop */
    size_t n = strlen(buf);
    while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.')
        buf[--n] = '\0';
    return buf;
}

/* "carries" for one, "carry" for any other count. */
static const char *carry(int64_t n)
{
    return n == 1 ? "carries" : "carry";
}

/* Appends one sentence, "NAME: " and fmt. */
static void say(findings *f, const struct input *in, size_t i, const char *topic,
                const char *fmt, ...) AMSIZE_PRINTF(5, 6);
static void say(findings *f, const struct input *in, size_t i, const char *topic,
                const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    size_t len = (n > 0 ? (size_t)n : 0) + 1;
    char *rest = xmalloc(len);
    vsnprintf(rest, len, fmt, again);
    va_end(again);
    const char *name = in->names[i];
    size_t size = strlen(name) + 2 + len;
    char *text = xmalloc(size);
    snprintf(text, size, "%s: %s", name, rest);
    free(rest);
    f->items = xrealloc(f->items, (f->n + 1) * sizeof *f->items);
    f->items[f->n].segment = i;
    f->items[f->n].topic = topic;
    f->items[f->n].text = text;
    f->n++;
}

/* A comparison of accounts with and without a coverage (what: "an AM",
 * "support coverage"): the growth of each group and the verdict, its
 * delta in points, the incremental money and whether it was accretive; or
 * why there is none. */
static const char *compared(char *buf, size_t size, const char *what, double pct_covered,
                            double pct_uncovered, double delta, double incremental,
                            int accretive, int64_t covered, int64_t uncovered)
{
    char pc[NUM_SIZE], pu[NUM_SIZE], m[NUM_SIZE];
    if (!covered || !uncovered)
        snprintf(buf, size, "%s account had %s, so there is nothing to compare",
                 !covered ? "no" : "every", what);
    else if (isnan(delta))
        snprintf(buf, size,
                 "accounts with %s grew %s of their book against %s for those without; with "
                 "a book of 0 there is nothing to compare",
                 what, pct(pc, pct_covered), pct(pu, pct_uncovered));
    else
        snprintf(buf, size,
                 "accounts with %s grew %s of their book against %s for those without (delta "
                 "%+.1f points, %s incremental: %s)",
                 what, pct(pc, pct_covered), pct(pu, pct_uncovered), delta * 100,
                 money(m, incremental), accretive ? "accretive" : "not accretive");
    return buf;
}

/* "1 AM", "2 AMs". */
static const char *ams_text(char *buf, double n)
{
    char num[NUM_SIZE];
    snprintf(buf, NUM_SIZE, "%s AM%s", amount(num, n), n == 1 ? "" : "s");
    return buf;
}

/* What is the net growth within existing accounts? The chart's Net Ratio
 * of the whole segment, then AM-covered against uncovered accounts. */
static void net_growth(findings *f, const struct input *in, size_t i,
                       const amsize_chart_row *r, const amsize_segment_eval *e)
{
    char nr[NUM_SIZE], book[NUM_SIZE], p[NUM_SIZE], v[400];
    const char *rating = amsize_rating_name(r->net_ratio_rating);
    say(f, in, i, "net_growth",
        "net growth within existing accounts was %s on a %s book (%s%s%s); %s.",
        money(nr, r->net_ratio), money(book, r->book), pct(p, r->net_ratio_pct),
        *rating ? ", rated " : "", rating,
        compared(v, sizeof v, "an AM", e->nr_pct_covered, e->nr_pct_uncovered, e->delta,
                 e->incremental, e->accretive, e->accounts_covered, e->accounts_uncovered));
}

/* Can AMs execute their growth objectives? Attainment over the AMs with a
 * target above 0. */
static void objectives(findings *f, const struct input *in, size_t i,
                       const amsize_segment_eval *e, const amsize_am_eval *am_evals,
                       double below_plan)
{
    const roster *ro = &in->roster;
    size_t defined = 0, at_plan = 0;
    char med[NUM_SIZE], bp[NUM_SIZE];
    for (size_t j = ro->first[i]; j < ro->first[i + 1]; j++) {
        defined += !isnan(am_evals[j].attainment);
        at_plan += am_evals[j].attainment >= 1;
    }
    if (e->ams == 0) {
        say(f, in, i, "objectives", "no AM on the roster, so no objectives to meet.");
        return;
    }
    if (defined == 0) {
        say(f, in, i, "objectives",
            "no AM has a target above 0, so attainment is undefined.");
        return;
    }
    say(f, in, i, "objectives",
        "%zu of %zu AM%s with a target met it (median attainment %s); %lld %s below %s of "
        "plan.",
        at_plan, defined, defined == 1 ? "" : "s", pct(med, e->attainment_median),
        (long long)e->below_plan,
        e->below_plan == 1 ? "is" : "are", share(bp, below_plan));
}

/* Do AMs carry too many or too few accounts? The loads against the
 * chart's band: Lmin, the cost floor, and Lmax, the service ceiling. */
static void load(findings *f, const struct input *in, size_t i, const amsize_chart_row *r,
                 const amsize_segment_eval *e)
{
    char lmin[NUM_SIZE], lmax[NUM_SIZE], lo[NUM_SIZE], mid[NUM_SIZE], hi[NUM_SIZE];
    char floor_text[160];
    if (e->ams == 0) {
        say(f, in, i, "load", "no AM on the roster carries the segment's %s weighted accounts.",
            amount(mid, r->weighted_accounts));
        return;
    }
    if (isnan(r->min_load))
        snprintf(floor_text, sizeof floor_text,
                 "there is no cost floor (the accounts' growth does not pay for an AM)");
    else
        snprintf(floor_text, sizeof floor_text,
                 "%lld of %lld AM%s %s fewer than %s weighted accounts (the cost floor)",
                 (long long)e->underloaded, (long long)e->ams, e->ams == 1 ? "" : "s",
                 carry(e->underloaded),
                 amount(lmin, r->min_load));
    char of[NUM_SIZE] = "";
    if (isnan(r->min_load))
        snprintf(of, sizeof of, " of %lld AM%s", (long long)e->ams, e->ams == 1 ? "" : "s");
    say(f, in, i, "load",
        "%s; %lld%s %s more than %s (the service ceiling); weighted accounts per FTE run from "
        "%s to %s, median %s.",
        floor_text, (long long)e->overloaded, of, carry(e->overloaded), amount(lmax, r->max_load),
        amount(lo, e->load_min), amount(hi, e->load_max), amount(mid, e->load_median));
}

/* Are AMs productive? The covered accounts' net growth per FTE, at the
 * reference rating, against the productivity the chart assumed, and the
 * chart re-sized at it. */
static void productivity(findings *f, const struct input *in, size_t i,
                         const amsize_chart_row *r, const amsize_segment_eval *e)
{
    char nr[NUM_SIZE], fte[NUM_SIZE], per[NUM_SIZE], obs[NUM_SIZE], plan[NUM_SIZE];
    char hc[NUM_SIZE], gap[NUM_SIZE], resized[200];
    if (e->ams == 0) {
        say(f, in, i, "productivity",
            "no AM on the roster, so no observed productivity; the chart asks for %s.",
            ams_text(hc, (double)r->headcount));
        return;
    }
    if (isnan(e->resized_headcount))
        snprintf(resized, sizeof resized,
                 "the chart cannot be re-sized at a productivity of 0 or less");
    else
        snprintf(resized, sizeof resized,
                 "re-sized at it the chart needs %s (binding %s) against %lld as planned",
                 ams_text(hc, e->resized_headcount), amsize_binding_name(e->resized_binding),
                 (long long)r->headcount);
    snprintf(gap, sizeof gap, "%s%s", e->fte_gap >= 0 ? "+" : "", amount(hc, e->fte_gap));
    say(f, in, i, "productivity",
        "net growth on accounts with an AM of %s over %s FTE is %s per FTE, an observed "
        "productivity of %s against %s planned; %s; the roster has %s FTE (%s against the "
        "chart's headcount).",
        money(nr, e->net_ratio_covered), amount(fte, e->fte), money(per, e->net_per_fte),
        money(obs, e->observed_productivity), money(plan, in->segs[i].am_productivity),
        resized, amount(fte, e->fte), gap);
}

/* Are support roles adding value? Accounts with and without support
 * coverage, when ACCOUNTS.csv says which. */
static void support(findings *f, const struct input *in, size_t i,
                    const amsize_segment_eval *e)
{
    char v[400];
    say(f, in, i, "support", "%s%s",
        compared(v, sizeof v, "support coverage", e->csm_nr_pct_covered,
                 e->csm_nr_pct_uncovered, e->csm_delta, e->csm_incremental, e->csm_accretive,
                 e->csm_accounts_covered, e->csm_accounts_uncovered),
        isnan(e->csm_delta) ? "."
        : e->csm_accretive  ? ": support roles are adding value."
                            : ": support roles are not adding value.");
}

void findings_make(findings *f, const struct input *in, const amsize_chart_row *rows,
                   const amsize_segment_eval *evals, const amsize_am_eval *am_evals,
                   double below_plan)
{
    f->items = NULL;
    f->n = 0;
    for (size_t i = 0; i < in->nsegs; i++) {
        net_growth(f, in, i, &rows[i], &evals[i]);
        objectives(f, in, i, &evals[i], am_evals, below_plan);
        load(f, in, i, &rows[i], &evals[i]);
        productivity(f, in, i, &rows[i], &evals[i]);
        if (evals[i].csm_given)
            support(f, in, i, &evals[i]);
        else
            /* The fourth question still gets an answer: why there is none. */
            say(f, in, i, "support", "%s",
                "support roles were not assessed: add a csm_covered column (0/1) to "
                "ACCOUNTS.csv to compare accounts with and without support coverage.");
    }
}

void findings_free(findings *f)
{
    for (size_t k = 0; k < f->n; k++)
        free(f->items[k].text);
    free(f->items);
    f->items = NULL;
    f->n = 0;
}
