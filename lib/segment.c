/* The inputs: segment and model init and checks (see amsize/segment.h).
 * Defaults and ranges come from the field table (schema.c); only the
 * rules between fields are written here. */
#include "internal.h"

amsize_status amsize_segment_init_(amsize_segment *segs, size_t segs_len, size_t struct_size)
{
    TRY(amsize__init_check(segs, segs_len, struct_size, sizeof(amsize_segment)));
    for (size_t i = 0; i < segs_len; i++) {
        memset(&segs[i], 0, sizeof segs[i]);
        segs[i].struct_size = (uint32_t)struct_size;
        amsize__write_defaults(&segs[i], AMSIZE_SCHEMA_SEGMENT);
    }
    return AMSIZE_OK;
}

amsize_status amsize_model_init_(amsize_model *model, size_t struct_size)
{
    TRY(amsize__init_check(model, 1, struct_size, sizeof(amsize_model)));
    memset(model, 0, sizeof *model);
    model->struct_size = (uint32_t)struct_size;
    amsize__write_defaults(model, AMSIZE_SCHEMA_MODEL);
    return AMSIZE_OK;
}

amsize_status amsize__seg_load(amsize__seg *out, amsize_error *err, const amsize_segment *seg,
                               int64_t index)
{
    if (!seg)
        return amsize__fail(err, AMSIZE_E_NULL, index, AMSIZE_FIELD_SEGMENTS);
    if (seg->struct_size != sizeof(amsize_segment))
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, index, AMSIZE_FIELD_STRUCT_SIZE);
    TRY(amsize__struct_check(err, seg, AMSIZE_SCHEMA_SEGMENT, index));

    if (out) {
        out->accounts = seg->accounts;
        out->support_rating = seg->support_rating;
        out->has_growth = seg->has_growth_per_account;
        out->w = seg->has_weighted_accounts ? seg->weighted_accounts : (double)seg->accounts;
        out->book = seg->book;
        out->upsell = seg->upsell;
        out->cross_sell = seg->cross_sell;
        out->churn = seg->churn;
        out->attribution = seg->churn_attribution;
        out->productivity = seg->am_productivity;
        out->cost = seg->am_cost;
        out->margin = seg->gross_margin;
        out->coverage = seg->cost_coverage;
        out->growth = seg->growth_per_account;
        out->max_load = seg->max_load;
    }
    return AMSIZE_OK;
}

amsize_status amsize__model_load(amsize_model *out, amsize_error *err, const amsize_model *model)
{
    if (!model) {
        /* The size is this library's own: init cannot fail. */
        return amsize_model_init_(out, sizeof *out);
    }
    if (model->struct_size != sizeof(amsize_model))
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, -1, AMSIZE_FIELD_MODEL);
    const amsize__fielddef *t = amsize__schema_def(AMSIZE_SCHEMA_MODEL,
                                                   AMSIZE_FIELD_SELLING_TIME_1);
    /* Each entry's range, then its order against the one before: the first
     * problem reading from rating 1 up is the one reported. */
    for (int i = 0; i < 5; i++) {
        int32_t f = AMSIZE_FIELD_SELLING_TIME_1 + i;
        TRY(amsize__field_value(err, t, f, model->selling_time[i], -1));
        if (i > 0 && model->selling_time[i] < model->selling_time[i - 1])
            return amsize__fail(err, AMSIZE_E_ORDER, -1, (amsize_field)f);
    }
    static const int32_t thresholds[2] = {AMSIZE_FIELD_RATING_HIGH, AMSIZE_FIELD_RATING_MEDIUM};
    for (int i = 0; i < 2; i++) {
        const amsize__fielddef *d = amsize__schema_def(AMSIZE_SCHEMA_MODEL, thresholds[i]);
        TRY(amsize__field_value(err, d, d->field, amsize__read_field(model, d, 0), -1));
    }
    if (model->rating_high < model->rating_medium)
        return amsize__fail(err, AMSIZE_E_ORDER, -1, AMSIZE_FIELD_RATING_HIGH);
    if (out)
        *out = *model;
    return AMSIZE_OK;
}

amsize_status amsize__method_begin(amsize__seg *s, amsize_model *m, amsize_error *err,
                                   const void *out, size_t expected, const amsize_segment *seg,
                                   const amsize_model *model)
{
    TRY(amsize__err_begin(err));
    if (!out)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_OUTPUT);
    if (*(const uint32_t *)out != expected)
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, -1, AMSIZE_FIELD_OUTPUT);
    TRY(amsize__model_load(m, err, model));
    return amsize__seg_load(s, err, seg, 0);
}

amsize_status amsize_segment_check(amsize_error *err, const amsize_segment *seg, int64_t index)
{
    TRY(amsize__err_begin(err));
    return amsize__seg_load(NULL, err, seg, index);
}

amsize_status amsize_model_check(amsize_error *err, const amsize_model *model)
{
    TRY(amsize__err_begin(err));
    if (!model)
        return amsize__fail(err, AMSIZE_E_NULL, -1, AMSIZE_FIELD_MODEL);
    return amsize__model_load(NULL, err, model);
}
