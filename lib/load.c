/* Method 2, account load: the band of weighted accounts per AM. The minimum
 * is the fewest accounts whose growth pays for an AM; the maximum is what
 * the best AMs can serve. Spread over the segment's weighted accounts they
 * give a headcount floor (nobody over the maximum) and a ceiling (nobody
 * under the minimum). */
#include "internal.h"

/* Lmin from validated inputs; NaN when no load covers the cost. Fails only
 * on overflow. */
static amsize_status min_load(double *out, amsize_error *err, double r, double k, double m,
                              double g, int64_t index)
{
    if (!(g > 0)) {
        *out = NAN;
        return AMSIZE_OK;
    }
    double raw = (r * k) / (m * g);
    if (!isfinite(raw))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_MIN_LOAD);
    /* A load is a count of accounts, so a positive requirement is at least
     * one account even when the epsilon would round a tiny one to zero. */
    *out = fmax(1.0, amsize__ceil_eps(raw));
    return AMSIZE_OK;
}

static amsize_status headcount(int64_t *out, amsize_error *err, double hc, int64_t index,
                               amsize_field field)
{
    if (!(hc <= (double)AMSIZE_HEADCOUNT_MAX))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, field);
    *out = (int64_t)hc;
    return AMSIZE_OK;
}

amsize_status amsize__load(amsize_load *out, amsize_error *err, const amsize__seg *s,
                           double net_ratio, int64_t index)
{
    double g = s->has_growth ? s->growth : (s->w > 0 ? net_ratio / s->w : NAN);
    double lmin = NAN;
    int64_t floor_hc = 0, ceiling_hc = 0;
    uint32_t flags = 0;

    if (isinf(g))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_GROWTH_PER_ACCOUNT);
    TRY(min_load(&lmin, err, s->coverage, s->cost, s->margin, g, index));
    if (s->w > 0) {
        TRY(headcount(&floor_hc, err, amsize__ceil_eps(s->w / s->max_load), index,
                      AMSIZE_FIELD_HC_FLOOR));
        if (!isnan(lmin))
            TRY(headcount(&ceiling_hc, err, amsize__floor_eps(s->w / lmin), index,
                          AMSIZE_FIELD_HC_CEILING));
        if (!(g > 0))
            flags |= AMSIZE_FLAG_NO_GROWTH;
        if (isnan(lmin) || lmin > s->max_load)
            flags |= AMSIZE_FLAG_UNECONOMIC;
    }
    out->flags = flags;
    out->growth_per_account = g;
    out->min_load = lmin;
    out->max_load = s->max_load;
    out->hc_floor = floor_hc;
    out->hc_ceiling = ceiling_hc;
    out->reserved = 0;
    return AMSIZE_OK;
}

amsize_status amsize_load_init_(amsize_load *out, size_t struct_size)
{
    return amsize__out_init(out, struct_size, sizeof(amsize_load));
}

amsize_status amsize_load_compute(amsize_load *out, amsize_error *err,
                                  const amsize_segment *seg, const amsize_model *model)
{
    amsize__seg s;
    amsize_model m;
    amsize_netratio nr;
    amsize_load r;

    TRY(amsize__method_begin(&s, &m, err, out, sizeof *out, seg, model));
    TRY(amsize__netratio(&nr, err, &s, &m, 0));
    TRY(amsize__load(&r, err, &s, nr.net_ratio, 0));
    r.struct_size = out->struct_size;
    *out = r;
    return AMSIZE_OK;
}

double amsize_growth_per_account_calc(double net_ratio, double weighted_accounts)
{
    if (!isfinite(net_ratio) || !AMSIZE__SEG_OK(WEIGHTED_ACCOUNTS, weighted_accounts) ||
        weighted_accounts == 0)
        return NAN;
    double g = net_ratio / weighted_accounts;
    return isfinite(g) ? g : NAN;
}

double amsize_min_load_calc(double am_cost, double gross_margin, double cost_coverage,
                            double growth_per_account)
{
    double lmin = NAN;
    if (!AMSIZE__SEG_OK(AM_COST, am_cost) || !AMSIZE__SEG_OK(GROSS_MARGIN, gross_margin) ||
        !AMSIZE__SEG_OK(COST_COVERAGE, cost_coverage) ||
        !AMSIZE__SEG_OK(GROWTH_PER_ACCOUNT, growth_per_account))
        return NAN;
    if (min_load(&lmin, NULL, cost_coverage, am_cost, gross_margin, growth_per_account, 0) !=
        AMSIZE_OK)
        return NAN;
    return lmin;
}

double amsize_hc_floor_calc(double weighted_accounts, double max_load)
{
    if (!AMSIZE__SEG_OK(WEIGHTED_ACCOUNTS, weighted_accounts) ||
        !AMSIZE__SEG_OK(MAX_LOAD, max_load))
        return NAN;
    double hc = amsize__ceil_eps(weighted_accounts / max_load);
    return hc <= (double)AMSIZE_HEADCOUNT_MAX ? hc : NAN;
}

double amsize_hc_ceiling_calc(double weighted_accounts, double min_load)
{
    if (!AMSIZE__SEG_OK(WEIGHTED_ACCOUNTS, weighted_accounts) || isinf(min_load) ||
        min_load <= 0)
        return NAN;
    if (isnan(min_load) || weighted_accounts == 0)
        return 0;
    double hc = amsize__floor_eps(weighted_accounts / min_load);
    return hc <= (double)AMSIZE_HEADCOUNT_MAX ? hc : NAN;
}
