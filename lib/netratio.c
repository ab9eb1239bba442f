/* Method 1, Net Ratio: expected upsell and cross-sell net of the churn the
 * AMs own, as money and as a share of the book, turned into AM-years at the
 * reference support rating. Also its 'actual' (pilot) mode, which compares
 * the Net Ratio of AM-covered and uncovered accounts. */
#include "internal.h"

const char *amsize_rating_name(int32_t rating)
{
    switch (rating) {
    case AMSIZE_RATING_NONE: return "";
    case AMSIZE_RATING_LOW: return "low";
    case AMSIZE_RATING_MEDIUM: return "medium";
    case AMSIZE_RATING_HIGH: return "high";
    default: return "unknown";
    }
}

int32_t amsize__rating(double pct, double high, double medium)
{
    /* An undefined NR% (no book) gives no evidence of opportunity. */
    if (isnan(pct))
        return AMSIZE_RATING_LOW;
    if (pct >= high)
        return AMSIZE_RATING_HIGH;
    if (pct >= medium)
        return AMSIZE_RATING_MEDIUM;
    return AMSIZE_RATING_LOW;
}

amsize_status amsize__netratio(amsize_netratio *out, amsize_error *err, const amsize__seg *s,
                               const amsize_model *m, int64_t index)
{
    double attributed = s->attribution * s->churn;
    double nr = (s->upsell + s->cross_sell) - attributed;
    if (!isfinite(nr))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_NET_RATIO);
    /* A tiny productivity can push FTEs past DBL_MAX. */
    double fte = fmax(nr, 0.0) / s->productivity;
    if (!isfinite(fte))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_FTE_NET);
    double pct = s->book > 0 ? nr / s->book : NAN;
    if (isinf(pct))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, index, AMSIZE_FIELD_NET_RATIO);

    out->rating = amsize__rating(pct, m->rating_high, m->rating_medium);
    out->churn_attributed = attributed;
    out->net_ratio = nr;
    out->net_ratio_pct = pct;
    out->fte_net = fte;
    out->reserved = 0;
    return AMSIZE_OK;
}

amsize_status amsize_netratio_init_(amsize_netratio *out, size_t struct_size)
{
    return amsize__out_init(out, struct_size, sizeof(amsize_netratio));
}

amsize_status amsize_netratio_compute(amsize_netratio *out, amsize_error *err,
                                      const amsize_segment *seg, const amsize_model *model)
{
    amsize__seg s;
    amsize_model m;
    amsize_netratio r;

    TRY(amsize__method_begin(&s, &m, err, out, sizeof *out, seg, model));
    TRY(amsize__netratio(&r, err, &s, &m, 0));
    r.struct_size = out->struct_size;
    *out = r;
    return AMSIZE_OK;
}

/* ---- pilot ('actual') mode ---------------------------------------------- */

static amsize_status pilot_check(amsize_error *err, double nr, double book, int64_t which)
{
    if (!isfinite(nr))
        return amsize__fail(err, AMSIZE_E_NOT_FINITE, which, AMSIZE_FIELD_NET_RATIO);
    return amsize__field_value(err, amsize__schema_def(AMSIZE_SCHEMA_SEGMENT, AMSIZE_FIELD_BOOK),
                               AMSIZE_FIELD_BOOK, book, which);
}

/* Fills every pilot figure from validated inputs; fails only on overflow. */
static amsize_status pilot_fill(amsize_pilot *p, amsize_error *err, double nr_c, double b_c,
                                double nr_u, double b_u)
{
    double pc = b_c > 0 ? nr_c / b_c : NAN;
    double pu = b_u > 0 ? nr_u / b_u : NAN;
    if (isinf(pc))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, 0, AMSIZE_FIELD_NET_RATIO);
    if (isinf(pu))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, 1, AMSIZE_FIELD_NET_RATIO);
    double delta = pc - pu; /* NaN when either side is undefined */
    double lift = pu > 0 ? pc / pu : NAN;
    double incremental = delta * b_c;
    if (isinf(delta) || isinf(lift) || isinf(incremental))
        return amsize__fail(err, AMSIZE_E_OVERFLOW, -1, AMSIZE_FIELD_NET_RATIO);
    p->nr_pct_covered = pc;
    p->nr_pct_uncovered = pu;
    p->delta = delta;
    p->lift = lift;
    p->incremental = incremental;
    p->accretive = delta > 0;
    return AMSIZE_OK;
}

amsize_status amsize_pilot_init_(amsize_pilot *out, size_t struct_size)
{
    return amsize__out_init(out, struct_size, sizeof(amsize_pilot));
}

amsize_status amsize_pilot_compare(amsize_pilot *out, amsize_error *err, double nr_covered,
                                   double book_covered, double nr_uncovered,
                                   double book_uncovered)
{
    amsize_pilot p;

    TRY(amsize__err_begin(err));
    if (!out)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_OUTPUT);
    if (out->struct_size != sizeof *out)
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, -1, AMSIZE_FIELD_OUTPUT);
    TRY(pilot_check(err, nr_covered, book_covered, 0));
    TRY(pilot_check(err, nr_uncovered, book_uncovered, 1));
    TRY(pilot_fill(&p, err, nr_covered, book_covered, nr_uncovered, book_uncovered));
    p.struct_size = out->struct_size;
    *out = p;
    return AMSIZE_OK;
}

static double pilot_calc(double nr_c, double b_c, double nr_u, double b_u, int which)
{
    amsize_pilot p;
    if (pilot_check(NULL, nr_c, b_c, 0) != AMSIZE_OK ||
        pilot_check(NULL, nr_u, b_u, 1) != AMSIZE_OK ||
        pilot_fill(&p, NULL, nr_c, b_c, nr_u, b_u) != AMSIZE_OK)
        return NAN;
    return which == 0 ? p.delta : which == 1 ? p.lift : p.incremental;
}

double amsize_pilot_delta_calc(double nr_c, double b_c, double nr_u, double b_u)
{
    return pilot_calc(nr_c, b_c, nr_u, b_u, 0);
}

double amsize_pilot_lift_calc(double nr_c, double b_c, double nr_u, double b_u)
{
    return pilot_calc(nr_c, b_c, nr_u, b_u, 1);
}

double amsize_pilot_incremental_calc(double nr_c, double b_c, double nr_u, double b_u)
{
    return pilot_calc(nr_c, b_c, nr_u, b_u, 2);
}

/* ---- scalar functions ---------------------------------------------------- */

double amsize_churn_attributed_calc(double churn, double churn_attribution)
{
    if (!AMSIZE__SEG_OK(CHURN, churn) || !AMSIZE__SEG_OK(CHURN_ATTRIBUTION, churn_attribution))
        return NAN;
    return churn_attribution * churn;
}

double amsize_net_ratio_calc(double upsell, double cross_sell, double churn,
                             double churn_attribution)
{
    if (!AMSIZE__SEG_OK(UPSELL, upsell) || !AMSIZE__SEG_OK(CROSS_SELL, cross_sell) ||
        !AMSIZE__SEG_OK(CHURN, churn) || !AMSIZE__SEG_OK(CHURN_ATTRIBUTION, churn_attribution))
        return NAN;
    double nr = (upsell + cross_sell) - churn_attribution * churn;
    return isfinite(nr) ? nr : NAN;
}

double amsize_net_ratio_pct_calc(double net_ratio, double book)
{
    if (!isfinite(net_ratio) || !AMSIZE__SEG_OK(BOOK, book) || book == 0)
        return NAN;
    double pct = net_ratio / book;
    return isfinite(pct) ? pct : NAN;
}

double amsize_net_ratio_rating_calc(double net_ratio_pct, double rating_high,
                                    double rating_medium)
{
    if (!isfinite(rating_high) || !isfinite(rating_medium) || rating_high < rating_medium ||
        isinf(net_ratio_pct))
        return NAN;
    return (double)amsize__rating(net_ratio_pct, rating_high, rating_medium);
}

double amsize_fte_net_calc(double net_ratio, double am_productivity)
{
    if (!isfinite(net_ratio) || !AMSIZE__SEG_OK(AM_PRODUCTIVITY, am_productivity))
        return NAN;
    double fte = fmax(net_ratio, 0.0) / am_productivity;
    return isfinite(fte) ? fte : NAN;
}
