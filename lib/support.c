/* Method 3, Support Infrastructure: CSMs, renewal reps and value consultants
 * free AM time for selling. AM productivity is measured at the reference
 * rating 3; a segment whose AMs sell a smaller share of their time (weaker
 * support) needs proportionally more of them, and vice versa. */
#include "internal.h"

double amsize__support_factor(const double *selling_time, int32_t rating)
{
    return selling_time[AMSIZE_SUPPORT_RATING_REFERENCE - 1] / selling_time[rating - 1];
}

amsize_status amsize__support(amsize_support *out, amsize_error *err, const amsize__seg *s,
                              const amsize_model *m, double fte_net, int64_t index)
{
    double f = amsize__support_factor(m->selling_time, s->support_rating);
    double fte = fte_net * f;
    if (!isfinite(fte))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_FTE_DEMAND);
    double hc = amsize__ceil_eps(fte);
    if (hc > (double)AMSIZE_HEADCOUNT_MAX)
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_FTE_DEMAND);
    out->support_rating = s->support_rating;
    out->support_factor = f;
    out->fte_demand = fte;
    out->hc_demand = (int64_t)hc;
    out->reserved = 0;
    return AMSIZE_OK;
}

amsize_status amsize_support_init_(amsize_support *out, size_t struct_size)
{
    return amsize__out_init(out, struct_size, sizeof(amsize_support));
}

amsize_status amsize_support_compute(amsize_support *out, amsize_error *err,
                                     const amsize_segment *seg, const amsize_model *model)
{
    amsize__seg s;
    amsize_model m;
    amsize_netratio nr;
    amsize_support r;

    TRY(amsize__method_begin(&s, &m, err, out, sizeof *out, seg, model));
    TRY(amsize__netratio(&nr, err, &s, &m, 0));
    TRY(amsize__support(&r, err, &s, &m, nr.fte_net, 0));
    r.struct_size = out->struct_size;
    *out = r;
    return AMSIZE_OK;
}

double amsize_support_factor_calc(int32_t support_rating, double t1, double t2, double t3,
                                  double t4, double t5)
{
    const double t[5] = {t1, t2, t3, t4, t5};
    const amsize__range *share =
        amsize__field_range(AMSIZE_SCHEMA_MODEL, AMSIZE_FIELD_SELLING_TIME_1);
    if (!AMSIZE__SEG_OK(SUPPORT_RATING, support_rating))
        return NAN;
    for (int i = 0; i < 5; i++) {
        if (!amsize__in_range(share, t[i]) || (i > 0 && t[i] < t[i - 1]))
            return NAN;
    }
    return amsize__support_factor(t, support_rating);
}

double amsize_fte_demand_calc(double fte_net, double support_factor)
{
    if (!amsize__nonneg(fte_net) || !amsize__positive(support_factor))
        return NAN;
    double fte = fte_net * support_factor;
    return isfinite(fte) ? fte : NAN;
}

double amsize_hc_demand_calc(double fte_demand)
{
    if (!amsize__nonneg(fte_demand))
        return NAN;
    double hc = amsize__ceil_eps(fte_demand);
    return hc <= (double)AMSIZE_HEADCOUNT_MAX ? hc : NAN;
}
