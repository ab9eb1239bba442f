/* libFuzzer target: amsize_chart_compute() (and the per-method functions on
 * the same segments) fed with segments and models whose every number comes
 * from the fuzz bytes: NaN, +/-inf, huge, negative, denormal, -0.
 *
 * Invariants (abort() on violation):
 *  - the status is a defined one, and err agrees with it;
 *  - on failure the rows and the totals row are byte for byte untouched;
 *  - on success every headcount is >= 0, headcount = max(hc_floor,
 *    min(hc_demand, hc_ceiling)), hc_floor <= headcount unless the row is
 *    flagged, binding matches, no defined output is NaN or infinite, and
 *    the NaNs are exactly where chart.h documents them;
 *  - the totals row sums the rows' headcounts;
 *  - the per-method functions agree with the chart row of the segment. */
#include "fuzz_common.h"

#define MAX_SEGS 8

static void fill_segment(amsize_segment *s, fz *f)
{
    uint8_t which = fz_u8(f); /* which fields get hostile values */

    /* A valid base, the Enterprise sample, so that most inputs get past
     * validation. */
    seg_enterprise(s);
    if (which & 0x01) s->accounts = fz_i64(f);
    if (which & 0x02) s->book = fz_double(f);
    if (which & 0x04) { s->upsell = fz_double(f); s->cross_sell = fz_double(f); }
    if (which & 0x08) { s->churn = fz_double(f); s->churn_attribution = fz_double(f); }
    if (which & 0x10) { s->am_productivity = fz_double(f); s->am_cost = fz_double(f); }
    if (which & 0x20) { s->gross_margin = fz_double(f); s->cost_coverage = fz_double(f); }
    if (which & 0x40) s->max_load = fz_double(f);
    if (which & 0x80) {
        s->support_rating = fz_i32_small(f, 0, 6);
        s->has_weighted_accounts = fz_i32_small(f, 0, 2);
        s->weighted_accounts = fz_double(f);
        s->has_growth_per_account = fz_i32_small(f, 0, 2);
        s->growth_per_account = fz_double(f);
        if (fz_u8(f) == 0x5a)
            s->struct_size = fz_u32(f);
    }
}

static void check_row(const amsize_chart_row *r, const amsize_segment *s, const amsize_model *m,
                      size_t i)
{
    FZ_CHECK(r->struct_size == sizeof *r, "row %zu struct_size %u", i, r->struct_size);
    FZ_CHECK(r->hc_floor >= 0 && r->hc_ceiling >= 0 && r->hc_demand >= 0 && r->headcount >= 0,
             "row %zu: negative headcount", i);
    FZ_CHECK(r->headcount <= AMSIZE_HEADCOUNT_MAX, "row %zu: headcount above the max", i);
    int64_t capped = r->hc_demand < r->hc_ceiling ? r->hc_demand : r->hc_ceiling;
    int64_t expect = r->hc_floor > capped ? r->hc_floor : capped;
    FZ_CHECK(r->headcount == expect, "row %zu: headcount %lld, max(floor,min(demand,ceiling)) %lld",
             i, (long long)r->headcount, (long long)expect);
    FZ_CHECK(r->flags != 0 || r->hc_floor <= r->headcount, "row %zu: unflagged floor above", i);
    FZ_CHECK((r->flags & ~AMSIZE_FLAG_ALL) == 0, "row %zu: unknown flags %x", i, r->flags);
    FZ_CHECK(r->binding == (r->headcount == r->hc_demand ? AMSIZE_BINDING_DEMAND
                            : r->headcount > r->hc_demand ? AMSIZE_BINDING_SERVICE_FLOOR
                                                          : AMSIZE_BINDING_COST_CEILING),
             "row %zu: binding %d", i, r->binding);
    FZ_CHECK(r->net_ratio_rating >= AMSIZE_RATING_LOW && r->net_ratio_rating <= AMSIZE_RATING_HIGH,
             "row %zu: rating %d", i, r->net_ratio_rating);
    FZ_CHECK(r->support_rating == s->support_rating && r->accounts == s->accounts,
             "row %zu: inputs not copied", i);
    FZ_CHECK(r->reserved == 0, "row %zu: reserved %d", i, r->reserved);

    FZ_DEFINED(r->weighted_accounts, "weighted_accounts");
    FZ_DEFINED(r->book, "book");
    FZ_DEFINED(r->upsell, "upsell");
    FZ_DEFINED(r->cross_sell, "cross_sell");
    FZ_DEFINED(r->churn_attributed, "churn_attributed");
    FZ_DEFINED(r->net_ratio, "net_ratio");
    FZ_NAN_IFF(r->net_ratio_pct, r->book == 0, "net_ratio_pct");
    FZ_DEFINED(r->support_factor, "support_factor");
    FZ_DEFINED(r->fte_net, "fte_net");
    FZ_DEFINED(r->fte_demand, "fte_demand");
    if (isnan(r->min_load)) /* undefined: no load covers the cost */
        FZ_CHECK(r->hc_ceiling == 0 && (r->weighted_accounts == 0 ||
                                        (r->flags & AMSIZE_FLAG_UNECONOMIC)),
                 "row %zu: min_load undefined but ceiling %lld flags %x", i,
                 (long long)r->hc_ceiling, r->flags);
    else
        FZ_CHECK(isfinite(r->min_load) && r->min_load >= 1, "row %zu: min_load %g", i,
                 r->min_load);
    FZ_DEFINED(r->max_load, "max_load");
    FZ_NAN_IFF(r->load_per_am, r->headcount == 0, "load_per_am");
    FZ_DEFINED(r->cost, "cost");
    FZ_NAN_IFF(r->net_per_am, r->headcount == 0, "net_per_am");
    FZ_NAN_IFF(r->roi, r->headcount == 0, "roi");
    FZ_CHECK(r->fte_net >= 0 && r->fte_demand >= 0 && r->cost >= 0 && r->weighted_accounts >= 0,
             "row %zu: negative fte or cost", i);

    /* The one-method functions see the same numbers as the chart. */
    amsize_netratio nr;
    amsize_support sup;
    amsize_load load;
    ASSERT_OK(amsize_netratio_init(&nr));
    ASSERT_OK(amsize_support_init(&sup));
    ASSERT_OK(amsize_load_init(&load));
    FZ_CHECK(amsize_segment_check(NULL, s, (int64_t)i) == AMSIZE_OK, "row %zu: check fails", i);
    FZ_CHECK(amsize_netratio_compute(&nr, NULL, s, m) == AMSIZE_OK, "netratio fails, chart not");
    FZ_CHECK(amsize_support_compute(&sup, NULL, s, m) == AMSIZE_OK, "support fails, chart not");
    FZ_CHECK(amsize_load_compute(&load, NULL, s, m) == AMSIZE_OK, "load fails, chart not");
    FZ_CHECK(nr.net_ratio == r->net_ratio && nr.fte_net == r->fte_net &&
                 nr.rating == r->net_ratio_rating,
             "row %zu: netratio differs from chart", i);
    FZ_CHECK(sup.hc_demand == r->hc_demand && sup.fte_demand == r->fte_demand,
             "row %zu: support differs from chart", i);
    FZ_CHECK(load.hc_floor == r->hc_floor && load.hc_ceiling == r->hc_ceiling,
             "row %zu: load differs from chart", i);
}

static void check_total(const amsize_chart_row *t, const amsize_chart_row *rows, size_t n)
{
    int64_t hc = 0, fl = 0;
    for (size_t i = 0; i < n; i++) {
        hc += rows[i].headcount;
        fl += rows[i].hc_floor;
    }
    FZ_CHECK(t->headcount == hc && t->hc_floor == fl, "totals row does not sum the rows");
    FZ_CHECK(t->headcount <= AMSIZE_HEADCOUNT_MAX, "total headcount above the max");
    FZ_CHECK(t->support_rating == 0 && t->flags == 0 && t->binding == AMSIZE_BINDING_NONE &&
                 t->net_ratio_rating == AMSIZE_RATING_NONE,
             "totals row: non-zero rating, flags or binding");
    FZ_DEFINED(t->weighted_accounts, "total weighted_accounts");
    FZ_DEFINED(t->book, "total book");
    FZ_DEFINED(t->net_ratio, "total net_ratio");
    FZ_NAN_IFF(t->net_ratio_pct, t->book == 0, "total net_ratio_pct");
    FZ_DEFINED(t->fte_net, "total fte_net");
    FZ_DEFINED(t->fte_demand, "total fte_demand");
    FZ_DEFINED(t->cost, "total cost");
    FZ_NAN_IFF(t->load_per_am, t->headcount == 0, "total load_per_am");
    FZ_CHECK(isnan(t->support_factor) && isnan(t->min_load) && isnan(t->max_load) &&
                 isnan(t->net_per_am) && isnan(t->roi),
             "totals row: a field documented NaN is not");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    amsize_segment *segs; /* exactly nseg, on the heap, as rows */
    amsize_chart_row *rows, *before; /* exactly nrows: ASan sees any overrun */
    amsize_chart_row total, total_before;
    amsize_model model, *mp = NULL;
    amsize_error err;
    uint8_t shape = fz_u8(&f);
    size_t nseg = 1 + (shape & 7);
    size_t nrows = nseg;

    if (shape & 0x08) { /* a hostile model */
        ASSERT_OK(amsize_model_init(&model));
        uint8_t which = fz_u8(&f);
        for (int i = 0; i < 5; i++)
            if (which & (1u << i))
                model.selling_time[i] = fz_double(&f);
        if (which & 0x20) model.rating_high = fz_double(&f);
        if (which & 0x40) model.rating_medium = fz_double(&f);
        if (which & 0x80) model.struct_size = fz_u32(&f);
        mp = &model;
    }
    if ((shape & 0x30) == 0x30)
        nrows = nseg - 1 + (fz_u8(&f) & 1) * 2; /* one short, or one spare */
    segs = malloc(nseg * sizeof *segs);
    FZ_CHECK(segs != NULL, "malloc");
    for (size_t i = 0; i < nseg; i++)
        fill_segment(&segs[i], &f);

    /* Outputs pre-filled with a pattern, struct sizes valid. */
    size_t rows_bytes = nrows * sizeof *rows;
    rows = malloc(rows_bytes + 1); /* + 1: nrows may be 0 */
    before = malloc(rows_bytes + 1);
    FZ_CHECK(rows && before, "malloc");
    memset(rows, 0xa5, rows_bytes);
    memset(&total, 0x5a, sizeof total);
    for (size_t i = 0; i < nrows; i++)
        rows[i].struct_size = sizeof rows[i];
    total.struct_size = sizeof total;
    memcpy(before, rows, rows_bytes);
    total_before = total;
    ASSERT_OK(amsize_error_init(&err));

    int with_total = !(shape & 0x40);
    int with_err = !(shape & 0x80);
    amsize_status st = amsize_chart_compute(rows, nrows, with_total ? &total : NULL,
                                            with_err ? &err : NULL, segs, nseg, mp);
    fz_check_status(st, &err, with_err);
    if (st != AMSIZE_OK) {
        FZ_CHECK(memcmp(rows, before, rows_bytes) == 0, "failure (%d) wrote rows", (int)st);
        FZ_CHECK(memcmp(&total, &total_before, sizeof total) == 0, "failure wrote the total");
        if (with_err && st != AMSIZE_E_STRUCT_SIZE)
            FZ_CHECK(err.index >= -1 && err.index < (int64_t)nseg, "err.index %lld",
                     (long long)err.index);
        free(rows);
        free(before);
        free(segs);
        return 0;
    }
    FZ_CHECK(nrows >= nseg, "success with a short buffer");
    for (size_t i = 0; i < nseg; i++)
        check_row(&rows[i], &segs[i], mp, i);
    for (size_t i = nseg; i < nrows; i++)
        FZ_CHECK(memcmp(&rows[i], &before[i], sizeof rows[i]) == 0, "wrote past segs_len");
    if (with_total)
        check_total(&total, rows, nseg);
    free(rows);
    free(before);
    free(segs);
    return 0;
}
