/* Each planning cycle, the AMs you have against the chart (see
 * amsize/evaluate.h): every AM's net growth, attainment and load against
 * its segment's chart row, then every segment's figures over its AMs and
 * over its covered and uncovered accounts, and its chart row again at the
 * productivity the covered accounts showed. */
#include "internal.h"

const char *amsize_am_flag_name(uint32_t flag)
{
    switch (flag) {
    case AMSIZE_AM_OVERLOADED: return "OVERLOADED";
    case AMSIZE_AM_UNDERLOADED: return "UNDERLOADED";
    case AMSIZE_AM_BELOW_PLAN: return "BELOW_PLAN";
    case AMSIZE_AM_NEGATIVE_NET: return "NEGATIVE_NET";
    case AMSIZE_AM_NO_ACCOUNTS: return "NO_ACCOUNTS";
    default: return NULL;
    }
}

amsize_status amsize_am_init_(amsize_am *ams, size_t ams_len, size_t struct_size)
{
    TRY(amsize__init_check(ams, ams_len, struct_size, sizeof(amsize_am)));
    for (size_t j = 0; j < ams_len; j++) {
        memset(&ams[j], 0, sizeof ams[j]);
        ams[j].struct_size = (uint32_t)struct_size;
        amsize__write_defaults(&ams[j], AMSIZE_SCHEMA_AM);
    }
    return AMSIZE_OK;
}

amsize_status amsize_am_eval_init_(amsize_am_eval *out, size_t out_len, size_t struct_size)
{
    TRY(amsize__init_check(out, out_len, struct_size, sizeof(amsize_am_eval)));
    for (size_t j = 0; j < out_len; j++)
        TRY(amsize__out_init(&out[j], struct_size, sizeof(amsize_am_eval)));
    return AMSIZE_OK;
}

amsize_status amsize_segment_eval_init_(amsize_segment_eval *out, size_t out_len,
                                        size_t struct_size)
{
    TRY(amsize__init_check(out, out_len, struct_size, sizeof(amsize_segment_eval)));
    for (size_t i = 0; i < out_len; i++)
        TRY(amsize__out_init(&out[i], struct_size, sizeof(amsize_segment_eval)));
    return AMSIZE_OK;
}

/* ---- one AM --------------------------------------------------------------- */

/* fte*P*T[s]/T[3], written as the scalar function documents it so that
 * both give the same bits. */
static double derived_target(double fte, double productivity, double support_factor)
{
    return fte * productivity / support_factor;
}

/* Every flag that applies. NaN min_load (undefined) and NaN attainment
 * (target 0) compare false, so they set nothing. */
static uint32_t am_flags(double accounts, double load, double min_load, double max_load,
                         double attainment, double net_ratio, double below_plan)
{
    uint32_t flags = 0;
    if (load > max_load)
        flags |= AMSIZE_AM_OVERLOADED;
    if (!isnan(min_load) && load < min_load)
        flags |= AMSIZE_AM_UNDERLOADED;
    if (!isnan(attainment) && attainment < below_plan)
        flags |= AMSIZE_AM_BELOW_PLAN;
    if (net_ratio < 0)
        flags |= AMSIZE_AM_NEGATIVE_NET;
    if (accounts == 0)
        flags |= AMSIZE_AM_NO_ACCOUNTS;
    return flags;
}

/* AM j's evaluation from validated inputs; fails only on overflow. */
static amsize_status am_eval(amsize_am_eval *o, amsize_error *err, const amsize_am *am,
                             size_t j, const amsize_segment *segs,
                             const amsize_chart_row *rows, const amsize_model *m,
                             double below_plan)
{
    const amsize_segment *s = &segs[am->segment];
    const amsize_chart_row *r = &rows[am->segment];
    const int64_t index = (int64_t)j;

    double nr = (am->upsell + am->cross_sell) - s->churn_attribution * am->churn;
    if (!isfinite(nr))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_NET_RATIO);
    double f = amsize__support_factor(m->selling_time, s->support_rating);
    double target = am->has_target ? am->target
                                   : derived_target(am->fte, s->am_productivity, f);
    if (!isfinite(target))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_TARGET);
    double attainment = target > 0 ? nr / target : NAN;
    if (isinf(attainment))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_ATTAINMENT);
    /* fte > 0, but a tiny one can push the load past DBL_MAX. */
    double load = am->weighted_accounts / am->fte;
    if (!isfinite(load))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_LOAD);

    o->flags = am_flags((double)am->accounts, load, r->min_load, r->max_load, attainment, nr,
                        below_plan);
    o->net_ratio = nr;
    o->target = target;
    o->attainment = attainment;
    o->load = load;
    o->min_load = r->min_load;
    o->max_load = r->max_load;
    return AMSIZE_OK;
}

/* ---- the checks both evaluations make ------------------------------------ */

static amsize_status base_pointers(amsize_error *err, const amsize_am *ams, size_t ams_len,
                                   const amsize_segment *segs, const amsize_chart_row *rows,
                                   size_t segs_len)
{
    if (!segs)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_SEGMENTS);
    if (segs_len == 0)
        return amsize__fail(err, AMSIZE_E_EMPTY, -1, AMSIZE_FIELD_SEGMENTS);
    if (!rows)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_ROWS);
    if (!ams && ams_len > 0)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_AMS);
    return AMSIZE_OK;
}

/* Each element's struct_size, in order, so that the first element's is
 * checked before any other is reached at this library's stride. */
#define SIZES_CHECK(err, arr, n, field)                                                   \
    do {                                                                                \
        for (size_t k_ = 0; k_ < (n); k_++) {                                           \
            if ((arr)[k_].struct_size != sizeof *(arr))                                 \
                return amsize__fail((err), AMSIZE_E_STRUCT_SIZE, (int64_t)k_, (field)); \
        }                                                                               \
    } while (0)

/* The chart rows' and the AMs' sizes, the model (into *m), every segment,
 * then every AM: its segment first (its upper bound is segs_len, which the
 * table cannot know), then its fields in declaration order. */
static amsize_status base_contents(amsize_model *m, amsize_error *err, const amsize_am *ams,
                                   size_t ams_len, const amsize_segment *segs,
                                   const amsize_chart_row *rows, size_t segs_len,
                                   const amsize_model *model)
{
    SIZES_CHECK(err, rows, segs_len, AMSIZE_FIELD_ROWS);
    SIZES_CHECK(err, ams, ams_len, AMSIZE_FIELD_AMS);
    TRY(amsize__model_load(m, err, model));
    for (size_t i = 0; i < segs_len; i++)
        TRY(amsize__seg_load(NULL, err, &segs[i], (int64_t)i));
    for (size_t j = 0; j < ams_len; j++) {
        if (ams[j].segment < 0 || (uint64_t)ams[j].segment >= (uint64_t)segs_len)
            return amsize__fail(err, AMSIZE_E_INDEX, (int64_t)j, AMSIZE_FIELD_SEGMENT);
        TRY(amsize__struct_check(err, &ams[j], AMSIZE_SCHEMA_AM, (int64_t)j));
    }
    return AMSIZE_OK;
}

amsize_status amsize_am_evaluate(amsize_am_eval *out, size_t out_len, amsize_error *err,
                                 const amsize_am *ams, size_t ams_len,
                                 const amsize_segment *segs, const amsize_chart_row *rows,
                                 size_t segs_len, const amsize_model *model, double below_plan)
{
    amsize_model m;
    amsize_am_eval e;

    TRY(amsize__err_begin(err));
    TRY(base_pointers(err, ams, ams_len, segs, rows, segs_len));
    if (!out && ams_len > 0)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_OUTPUT);
    if (out_len < ams_len)
        return amsize__fail(err, AMSIZE_E_BUFFER, -1, AMSIZE_FIELD_OUTPUT);
    SIZES_CHECK(err, out, ams_len, AMSIZE_FIELD_OUTPUT);
    if (!isfinite(below_plan))
        return amsize__fail(err, AMSIZE_E_NOT_FINITE, -1, AMSIZE_FIELD_BELOW_PLAN);
    TRY(base_contents(&m, err, ams, ams_len, segs, rows, segs_len, model));

    /* Pass 1 finds any overflow without writing; pass 2 writes. */
    for (size_t j = 0; j < ams_len; j++)
        TRY(am_eval(&e, err, &ams[j], j, segs, rows, &m, below_plan));
    for (size_t j = 0; j < ams_len; j++) {
        (void)am_eval(&e, NULL, &ams[j], j, segs, rows, &m, below_plan);
        e.struct_size = out[j].struct_size;
        out[j] = e;
    }
    return AMSIZE_OK;
}

/* ---- one segment ---------------------------------------------------------- */

/* The scratch holds AM indices (exact in a double: an array of 2^53 AMs
 * cannot exist), sorted by a key with a heap sort: in place, O(n log n),
 * and with a context, which qsort() has not. Ties go by index, so the
 * order is total and the result does not depend on the order before. */
enum { BY_SEGMENT, BY_LOAD, BY_ATTAINMENT };

typedef struct sorter {
    const amsize_am *ams;
    const amsize_am_eval *evals;
    int key;
} sorter;

static double key_of(const sorter *c, double x)
{
    size_t j = (size_t)x;
    switch (c->key) {
    case BY_SEGMENT: return c->ams[j].segment;
    case BY_LOAD: return c->evals[j].load;
    default: return c->evals[j].attainment;
    }
}

/* Whether x goes before y: by key, every number before NaN (an undefined
 * attainment), then by index. */
static int before(const sorter *c, double x, double y)
{
    double kx = key_of(c, x), ky = key_of(c, y);
    int nx = isnan(kx) != 0, ny = isnan(ky) != 0;
    if (nx != ny)
        return ny;
    if (!nx && kx != ky)
        return kx < ky;
    return x < y;
}

static void sift_down(const sorter *c, double *v, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && before(c, v[child], v[child + 1]))
            child++;
        if (!before(c, v[root], v[child]))
            return;
        double t = v[root];
        v[root] = v[child];
        v[child] = t;
        root = child;
    }
}

static void sort_by(double *v, size_t n, const amsize_am *ams, const amsize_am_eval *evals,
                    int key)
{
    const sorter c = {ams, evals, key};
    if (n < 2)
        return;
    for (size_t i = n / 2; i-- > 0;)
        sift_down(&c, v, i, n);
    for (size_t end = n - 1; end > 0; end--) {
        double t = v[0];
        v[0] = v[end];
        v[end] = t;
        sift_down(&c, v, 0, end);
    }
}

/* The middle key of n > 0 sorted indices, or the mean of the two middle
 * ones; halves first, so that two keys near DBL_MAX do not overflow. */
static double median_of(const double *v, size_t n, const amsize_am *ams,
                        const amsize_am_eval *evals, int key)
{
    const sorter c = {ams, evals, key};
    if (n % 2)
        return key_of(&c, v[n / 2]);
    return 0.5 * key_of(&c, v[n / 2 - 1]) + 0.5 * key_of(&c, v[n / 2]);
}

/* One pilot comparison of a segment's accounts: counts, books and Net
 * Ratios of the two parts, and amsize_pilot_compare()'s figures. */
typedef struct comparison {
    int64_t count[2]; /* [0] uncovered, [1] covered */
    double book[2], nr[2];
    amsize_pilot p;
} comparison;

/* Reports a failure as segment i's, naming which totals (coverage or
 * csm): the status says what went wrong. */
static amsize_status compare(comparison *c, amsize_error *err, const amsize_totals *t,
                             double churn_attribution, size_t i, amsize_field field)
{
    amsize__split sp;
    amsize_status st;

    amsize__totals_split(&sp, t, churn_attribution);
    for (int p = 0; p < 2; p++) {
        /* Always whole and within 2^53 through amsize_totals_add() and
         * _merge(); checked because a count is converted to an integer. */
        if (!amsize__is_count(sp.count[p]))
            return amsize__fail(err, AMSIZE_E_OVERFLOW, (int64_t)i, field);
        c->count[p] = (int64_t)sp.count[p];
        c->book[p] = sp.book[p];
        c->nr[p] = sp.nr[p];
    }
    st = amsize_pilot_init(&c->p);
    if (st == AMSIZE_OK)
        st = amsize_pilot_compare(&c->p, NULL, sp.nr[1], sp.book[1], sp.nr[0], sp.book[0]);
    return st == AMSIZE_OK ? AMSIZE_OK : amsize__fail(err, st, (int64_t)i, field);
}

/* Everything segment_eval() reads besides the segment's own AMs. */
typedef struct seg_inputs {
    const amsize_am *ams;
    const amsize_am_eval *evals;
    const amsize_segment *segs;
    const amsize_chart_row *rows;
    const amsize_totals *coverage, *csm;
    const amsize_model *m;
} seg_inputs;

/* Segment i's evaluation into *o, its AMs being the n indices at group,
 * in roster order. stats 0 computes only what can fail (pass 1); stats 1
 * also the medians and counts, which reorder group. */
static amsize_status segment_eval(amsize_segment_eval *o, amsize_error *err, size_t i,
                                  double *group, size_t n, const seg_inputs *in, int stats)
{
    const amsize_segment *s = &in->segs[i];
    const double f = amsize__support_factor(in->m->selling_time, s->support_rating);
    amsize__ksum fte = {0, 0};
    comparison c;
    amsize_segment_eval e;

    memset(&e, 0, sizeof e);
    for (size_t k = 0; k < n; k++)
        amsize__ksum_add(&fte, in->ams[(size_t)group[k]].fte);
    e.ams = (int64_t)n;
    e.fte = amsize__ksum_value(&fte);
    e.headcount = (double)in->rows[i].headcount;
    e.fte_gap = e.fte - e.headcount;

    TRY(compare(&c, err, &in->coverage[i], s->churn_attribution, i, AMSIZE_FIELD_COVERAGE));
    e.accounts_covered = c.count[1];
    e.accounts_uncovered = c.count[0];
    e.book_covered = c.book[1];
    e.book_uncovered = c.book[0];
    e.net_ratio_covered = c.nr[1];
    e.net_ratio_uncovered = c.nr[0];
    e.nr_pct_covered = c.p.nr_pct_covered;
    e.nr_pct_uncovered = c.p.nr_pct_uncovered;
    e.delta = c.p.delta;
    e.lift = c.p.lift;
    e.incremental = c.p.incremental;
    e.accretive = c.p.accretive;

    /* Productivity: the covered accounts' Net Ratio per FTE, taken back
     * to the reference rating (times T[3]/T[s]). */
    e.net_per_fte = e.observed_productivity = NAN;
    if (e.fte > 0) {
        e.net_per_fte = e.net_ratio_covered / e.fte;
        if (!isfinite(e.net_per_fte))
            return amsize__fail(err, AMSIZE_E_OVERFLOW, (int64_t)i, AMSIZE_FIELD_NET_PER_FTE);
        e.observed_productivity = e.net_per_fte * f;
        if (!isfinite(e.observed_productivity))
            return amsize__fail(err, AMSIZE_E_OVERFLOW, (int64_t)i,
                                AMSIZE_FIELD_OBSERVED_PRODUCTIVITY);
    }

    /* The chart row again at that productivity. The segment passed its
     * checks and P is finite and > 0, so only a result out of range (a
     * tiny P, a huge headcount) can fail it. */
    e.resized_headcount = NAN;
    e.resized_binding = AMSIZE_BINDING_NONE;
    if (e.observed_productivity > 0) {
        amsize_segment r = *s;
        amsize_chart_row row;
        amsize_status st;
        r.am_productivity = e.observed_productivity;
        st = amsize_chart_row_init(&row, 1);
        if (st == AMSIZE_OK)
            st = amsize_chart_compute(&row, 1, NULL, NULL, &r, 1, in->m);
        if (st != AMSIZE_OK)
            return amsize__fail(err, st, (int64_t)i, AMSIZE_FIELD_OBSERVED_PRODUCTIVITY);
        e.resized_headcount = (double)row.headcount;
        e.resized_binding = row.binding;
    }

    if (in->csm) {
        TRY(compare(&c, err, &in->csm[i], s->churn_attribution, i, AMSIZE_FIELD_CSM));
        e.csm_given = 1;
        e.csm_accounts_covered = c.count[1];
        e.csm_accounts_uncovered = c.count[0];
        e.csm_book_covered = c.book[1];
        e.csm_book_uncovered = c.book[0];
        e.csm_net_ratio_covered = c.nr[1];
        e.csm_net_ratio_uncovered = c.nr[0];
        e.csm_nr_pct_covered = c.p.nr_pct_covered;
        e.csm_nr_pct_uncovered = c.p.nr_pct_uncovered;
        e.csm_delta = c.p.delta;
        e.csm_lift = c.p.lift;
        e.csm_incremental = c.p.incremental;
        e.csm_accretive = c.p.accretive;
    } else {
        e.csm_book_covered = e.csm_book_uncovered = NAN;
        e.csm_net_ratio_covered = e.csm_net_ratio_uncovered = NAN;
        e.csm_nr_pct_covered = e.csm_nr_pct_uncovered = NAN;
        e.csm_delta = e.csm_lift = e.csm_incremental = NAN;
    }

    e.attainment_median = e.share_at_plan = NAN;
    e.load_min = e.load_median = e.load_max = NAN;
    if (stats) {
        const amsize_am_eval *ev = in->evals;
        for (size_t k = 0; k < n; k++) {
            uint32_t flags = ev[(size_t)group[k]].flags;
            e.overloaded += (flags & AMSIZE_AM_OVERLOADED) != 0;
            e.underloaded += (flags & AMSIZE_AM_UNDERLOADED) != 0;
            e.below_plan += (flags & AMSIZE_AM_BELOW_PLAN) != 0;
        }
        if (n > 0) {
            sort_by(group, n, in->ams, ev, BY_LOAD);
            e.load_min = ev[(size_t)group[0]].load;
            e.load_max = ev[(size_t)group[n - 1]].load;
            e.load_median = median_of(group, n, in->ams, ev, BY_LOAD);
        }
        /* Defined attainments sort before the undefined ones. */
        sort_by(group, n, in->ams, ev, BY_ATTAINMENT);
        size_t defined = 0, at_plan = 0;
        for (; defined < n && !isnan(ev[(size_t)group[defined]].attainment); defined++)
            at_plan += ev[(size_t)group[defined]].attainment >= 1;
        if (defined > 0) {
            e.attainment_median = median_of(group, defined, in->ams, ev, BY_ATTAINMENT);
            e.share_at_plan = (double)at_plan / (double)defined;
        }
    }
    e.struct_size = o->struct_size;
    *o = e;
    return AMSIZE_OK;
}

amsize_status amsize_segment_evaluate(amsize_segment_eval *out, size_t out_len,
                                      amsize_error *err, double *scratch, size_t scratch_len,
                                      const amsize_am *ams, const amsize_am_eval *am_evals,
                                      size_t ams_len, const amsize_segment *segs,
                                      const amsize_chart_row *rows, size_t segs_len,
                                      const amsize_totals *coverage, const amsize_totals *csm,
                                      const amsize_model *model)
{
    amsize_model m;
    amsize_segment_eval tmp;
    const seg_inputs in = {ams, am_evals, segs, rows, coverage, csm, &m};

    TRY(amsize__err_begin(err));
    TRY(base_pointers(err, ams, ams_len, segs, rows, segs_len));
    if (!am_evals && ams_len > 0)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_AM_EVALS);
    if (!out)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_OUTPUT);
    if (out_len < segs_len)
        return amsize__fail(err, AMSIZE_E_BUFFER, -1, AMSIZE_FIELD_OUTPUT);
    if (!coverage)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_COVERAGE);
    if (!scratch && ams_len > 0)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_WORK);
    if (scratch_len < ams_len)
        return amsize__fail(err, AMSIZE_E_BUFFER, -1, AMSIZE_FIELD_WORK);
    SIZES_CHECK(err, out, segs_len, AMSIZE_FIELD_OUTPUT);
    SIZES_CHECK(err, am_evals, ams_len, AMSIZE_FIELD_AM_EVALS);
    SIZES_CHECK(err, coverage, segs_len, AMSIZE_FIELD_COVERAGE);
    if (csm)
        SIZES_CHECK(err, csm, segs_len, AMSIZE_FIELD_CSM);
    TRY(base_contents(&m, err, ams, ams_len, segs, rows, segs_len, model));

    /* The AMs grouped by segment, in roster order within each: a segment's
     * AMs are then one run of the scratch. */
    for (size_t j = 0; j < ams_len; j++)
        scratch[j] = (double)j;
    sort_by(scratch, ams_len, ams, am_evals, BY_SEGMENT);

    /* Pass 1 finds any failure without writing; pass 2 writes. */
    for (int pass = 0; pass < 2; pass++) {
        size_t at = 0;
        for (size_t i = 0; i < segs_len; i++) {
            size_t n = 0;
            while (at + n < ams_len && (size_t)ams[(size_t)scratch[at + n]].segment == i)
                n++;
            /* No AMs at all: the scratch may be NULL, and NULL + 0 is not
             * a pointer C allows. */
            double *group = n ? scratch + at : NULL;
            if (pass == 0) {
                tmp.struct_size = (uint32_t)sizeof tmp;
                TRY(segment_eval(&tmp, err, i, group, n, &in, 0));
            } else {
                (void)segment_eval(&out[i], NULL, i, group, n, &in, 1);
            }
            at += n;
        }
    }
    return AMSIZE_OK;
}

/* ---- scalar functions ---------------------------------------------------- */

double amsize_am_target_calc(double fte, double am_productivity, double support_factor)
{
    if (!AMSIZE__AM_OK(FTE, fte) || !AMSIZE__SEG_OK(AM_PRODUCTIVITY, am_productivity) ||
        !amsize__positive(support_factor))
        return NAN;
    double target = derived_target(fte, am_productivity, support_factor);
    return isfinite(target) ? target : NAN;
}

double amsize_attainment_calc(double net_ratio, double target)
{
    if (!isfinite(net_ratio) || !AMSIZE__AM_OK(TARGET, target) || target == 0)
        return NAN;
    double attainment = net_ratio / target;
    return isfinite(attainment) ? attainment : NAN;
}

double amsize_am_load_calc(double weighted_accounts, double fte)
{
    if (!AMSIZE__AM_OK(WEIGHTED_ACCOUNTS, weighted_accounts) || !AMSIZE__AM_OK(FTE, fte))
        return NAN;
    double load = weighted_accounts / fte;
    return isfinite(load) ? load : NAN;
}

double amsize_am_flags_calc(double accounts, double load, double min_load, double max_load,
                            double attainment, double net_ratio, double below_plan)
{
    /* min_load and attainment may be NaN: undefined. */
    if (!AMSIZE__AM_OK(ACCOUNTS, accounts) || accounts != floor(accounts) ||
        !amsize__nonneg(load) || isinf(min_load) || min_load <= 0 ||
        !AMSIZE__SEG_OK(MAX_LOAD, max_load) || isinf(attainment) || !isfinite(net_ratio) ||
        !isfinite(below_plan))
        return NAN;
    return (double)am_flags(accounts, load, min_load, max_load, attainment, net_ratio,
                            below_plan);
}
