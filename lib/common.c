/* Versions, status text, field names, input structs and their checks:
 * everything the three methods share. */
#include "internal.h"

#include <float.h>

/* The layouts promised in the headers' "guaranteed size" comments. A change
 * here is an ABI change: see README, "ABI policy". */
#define AMSIZE__ASSERT_SIZE(type, bytes) \
    typedef char amsize__size_##type[(sizeof(type) == (bytes)) ? 1 : -1]
AMSIZE__ASSERT_SIZE(amsize_error, 24);
AMSIZE__ASSERT_SIZE(amsize_segment, 120);
AMSIZE__ASSERT_SIZE(amsize_model, 64);
AMSIZE__ASSERT_SIZE(amsize_netratio, 48);
AMSIZE__ASSERT_SIZE(amsize_support, 40);
AMSIZE__ASSERT_SIZE(amsize_load, 56);
AMSIZE__ASSERT_SIZE(amsize_pilot, 48);
AMSIZE__ASSERT_SIZE(amsize_chart_row, 192);
AMSIZE__ASSERT_SIZE(amsize_totals, 184);

const char *amsize_version(void)
{
    return AMSIZE_VERSION_STRING;
}

int32_t amsize_version_major(void)
{
    return AMSIZE_VERSION_MAJOR;
}

int32_t amsize_version_minor(void)
{
    return AMSIZE_VERSION_MINOR;
}

int32_t amsize_version_patch(void)
{
    return AMSIZE_VERSION_PATCH;
}

const char *amsize_strerror(int32_t status)
{
    switch (status) {
    case AMSIZE_OK: return "success";
    case AMSIZE_E_NULL: return "a required pointer is NULL";
    case AMSIZE_E_STRUCT_SIZE:
        return "struct_size is not one this library knows: initialise the struct with its "
               "amsize_*_init() and check the library version";
    case AMSIZE_E_NOT_FINITE: return "value is NaN or infinite: give a finite number";
    case AMSIZE_E_NEGATIVE: return "value is negative: it must be >= 0";
    case AMSIZE_E_NOT_POSITIVE: return "value must be > 0";
    case AMSIZE_E_RANGE: return "value is outside its allowed range";
    case AMSIZE_E_ORDER: return "values are out of order";
    case AMSIZE_E_EMPTY: return "no segments given: pass at least one";
    case AMSIZE_E_BUFFER: return "output buffer is shorter than the input";
    case AMSIZE_E_OVERFLOW: return "result is too large to represent exactly";
    case AMSIZE_E_INDEX: return "segment index is outside 0..segments-1";
    default: return "unknown status";
    }
}

const char *amsize_field_name(int32_t field)
{
    static const char *const names[] = {
        "", "struct_size", "accounts", "weighted_accounts", "book", "upsell",
        "cross_sell", "churn", "churn_attribution", "am_productivity", "am_cost",
        "gross_margin", "cost_coverage", "growth_per_account", "max_load",
        "support_rating", "selling_time[1]", "selling_time[2]", "selling_time[3]",
        "selling_time[4]", "selling_time[5]", "rating_high", "rating_medium",
        "segments", "rows", "total", "model", "output", "net_ratio", "fte_demand",
        "min_load", "hc_floor", "hc_ceiling", "headcount", "cost", "segment_index",
        "arr", "service_weight", "am_covered", "column", "hc_demand", "fte_net",
        "churn_attributed", "roi",
    };
    if (field < 0 || (size_t)field >= sizeof names / sizeof names[0])
        return "unknown";
    return names[field];
}

amsize_status amsize__fail(amsize_error *err, amsize_status status, int64_t index,
                           amsize_field field)
{
    if (err) {
        err->status = (int32_t)status;
        err->index = index;
        err->field = (int32_t)field;
    }
    return status;
}

amsize_status amsize__err_begin(amsize_error *err)
{
    if (!err)
        return AMSIZE_OK;
    /* An error struct of another size cannot be written safely, so the
     * only report possible is the return value. */
    if (err->struct_size != sizeof(amsize_error))
        return AMSIZE_E_STRUCT_SIZE;
    err->status = AMSIZE_OK;
    err->index = -1;
    err->field = AMSIZE_FIELD_NONE;
    err->reserved = 0;
    return AMSIZE_OK;
}

amsize_status amsize__init_check(const void *p, size_t len, size_t struct_size,
                                 size_t expected)
{
    if (!p && len > 0)
        return AMSIZE_E_NULL;
    /* 1.0 knows one size per struct; a later minor release lists the sizes
     * of every earlier release here and accepts each. */
    if (struct_size != expected)
        return AMSIZE_E_STRUCT_SIZE;
    return AMSIZE_OK;
}

amsize_status amsize__out_init(void *out, size_t struct_size, size_t expected)
{
    TRY(amsize__init_check(out, 1, struct_size, expected));
    memset(out, 0, expected);
    /* Every public struct starts with its uint32_t struct_size. */
    *(uint32_t *)out = (uint32_t)struct_size;
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

amsize_status amsize_error_init_(amsize_error *err, size_t struct_size)
{
    amsize_status st = amsize__init_check(err, 1, struct_size, sizeof(amsize_error));
    if (st != AMSIZE_OK)
        return st;
    memset(err, 0, sizeof *err);
    err->struct_size = (uint32_t)struct_size;
    err->index = -1;
    return AMSIZE_OK;
}

amsize_status amsize_segment_init_(amsize_segment *segs, size_t segs_len, size_t struct_size)
{
    amsize_status st = amsize__init_check(segs, segs_len, struct_size, sizeof(amsize_segment));
    if (st != AMSIZE_OK)
        return st;
    for (size_t i = 0; i < segs_len; i++) {
        amsize_segment *s = &segs[i];
        memset(s, 0, sizeof *s);
        s->struct_size = (uint32_t)struct_size;
        s->support_rating = AMSIZE_SUPPORT_RATING_REFERENCE;
        s->churn_attribution = 1.0;
        s->gross_margin = 1.0;
        s->cost_coverage = 1.0;
    }
    return AMSIZE_OK;
}

amsize_status amsize_model_init_(amsize_model *model, size_t struct_size)
{
    static const double selling_time[5] = {0.40, 0.50, 0.60, 0.70, 0.80};
    amsize_status st = amsize__init_check(model, 1, struct_size, sizeof(amsize_model));
    if (st != AMSIZE_OK)
        return st;
    memset(model, 0, sizeof *model);
    model->struct_size = (uint32_t)struct_size;
    memcpy(model->selling_time, selling_time, sizeof selling_time);
    model->rating_high = 0.15;
    model->rating_medium = 0.05;
    return AMSIZE_OK;
}

/* The three shapes of numeric field the method takes. */
static amsize_status check_nonneg(amsize_error *err, double v, int64_t index, amsize_field f)
{
    if (!isfinite(v))
        return amsize__fail(err, AMSIZE_E_NOT_FINITE, index, f);
    if (v < 0)
        return amsize__fail(err, AMSIZE_E_NEGATIVE, index, f);
    return AMSIZE_OK;
}

static amsize_status check_positive(amsize_error *err, double v, int64_t index, amsize_field f)
{
    if (!isfinite(v))
        return amsize__fail(err, AMSIZE_E_NOT_FINITE, index, f);
    if (v <= 0)
        return amsize__fail(err, AMSIZE_E_NOT_POSITIVE, index, f);
    return AMSIZE_OK;
}

/* lo_open: whether lo itself is excluded. */
static amsize_status check_unit(amsize_error *err, double v, int lo_open, int64_t index,
                                amsize_field f)
{
    if (!isfinite(v))
        return amsize__fail(err, AMSIZE_E_NOT_FINITE, index, f);
    if (v > 1 || v < 0 || (lo_open && v == 0))
        return amsize__fail(err, AMSIZE_E_RANGE, index, f);
    return AMSIZE_OK;
}

amsize_status amsize__seg_load(amsize__seg *out, amsize_error *err, const amsize_segment *seg,
                               int64_t index)
{
    if (!seg)
        return amsize__fail(err, AMSIZE_E_NULL, index, AMSIZE_FIELD_SEGMENTS);
    if (seg->struct_size != sizeof(amsize_segment))
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, index, AMSIZE_FIELD_STRUCT_SIZE);
    if (seg->support_rating < AMSIZE_SUPPORT_RATING_MIN ||
        seg->support_rating > AMSIZE_SUPPORT_RATING_MAX)
        return amsize__fail(err, AMSIZE_E_RANGE, index, AMSIZE_FIELD_SUPPORT_RATING);
    if (seg->accounts < 0)
        return amsize__fail(err, AMSIZE_E_NEGATIVE, index, AMSIZE_FIELD_ACCOUNTS);
    if (seg->has_weighted_accounts != 0 && seg->has_weighted_accounts != 1)
        return amsize__fail(err, AMSIZE_E_RANGE, index, AMSIZE_FIELD_WEIGHTED_ACCOUNTS);
    if (seg->has_weighted_accounts)
        TRY(check_nonneg(err, seg->weighted_accounts, index, AMSIZE_FIELD_WEIGHTED_ACCOUNTS));
    TRY(check_nonneg(err, seg->book, index, AMSIZE_FIELD_BOOK));
    TRY(check_nonneg(err, seg->upsell, index, AMSIZE_FIELD_UPSELL));
    TRY(check_nonneg(err, seg->cross_sell, index, AMSIZE_FIELD_CROSS_SELL));
    TRY(check_nonneg(err, seg->churn, index, AMSIZE_FIELD_CHURN));
    TRY(check_unit(err, seg->churn_attribution, 0, index, AMSIZE_FIELD_CHURN_ATTRIBUTION));
    TRY(check_positive(err, seg->am_productivity, index, AMSIZE_FIELD_AM_PRODUCTIVITY));
    TRY(check_positive(err, seg->am_cost, index, AMSIZE_FIELD_AM_COST));
    TRY(check_unit(err, seg->gross_margin, 1, index, AMSIZE_FIELD_GROSS_MARGIN));
    TRY(check_positive(err, seg->cost_coverage, index, AMSIZE_FIELD_COST_COVERAGE));
    if (seg->has_growth_per_account != 0 && seg->has_growth_per_account != 1)
        return amsize__fail(err, AMSIZE_E_RANGE, index, AMSIZE_FIELD_GROWTH_PER_ACCOUNT);
    if (seg->has_growth_per_account && !isfinite(seg->growth_per_account))
        return amsize__fail(err, AMSIZE_E_NOT_FINITE, index, AMSIZE_FIELD_GROWTH_PER_ACCOUNT);
    TRY(check_positive(err, seg->max_load, index, AMSIZE_FIELD_MAX_LOAD));

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
        amsize_model_init(out);
        return AMSIZE_OK;
    }
    if (model->struct_size != sizeof(amsize_model))
        return amsize__fail(err, AMSIZE_E_STRUCT_SIZE, -1, AMSIZE_FIELD_MODEL);
    for (int i = 0; i < 5; i++) {
        amsize_field f = (amsize_field)(AMSIZE_FIELD_SELLING_TIME_1 + i);
        TRY(check_unit(err, model->selling_time[i], 1, -1, f));
        if (i > 0 && model->selling_time[i] < model->selling_time[i - 1])
            return amsize__fail(err, AMSIZE_E_ORDER, -1, f);
    }
    if (!isfinite(model->rating_high))
        return amsize__fail(err, AMSIZE_E_NOT_FINITE, -1, AMSIZE_FIELD_RATING_HIGH);
    if (!isfinite(model->rating_medium))
        return amsize__fail(err, AMSIZE_E_NOT_FINITE, -1, AMSIZE_FIELD_RATING_MEDIUM);
    if (model->rating_high < model->rating_medium)
        return amsize__fail(err, AMSIZE_E_ORDER, -1, AMSIZE_FIELD_RATING_HIGH);
    if (out)
        *out = *model;
    return AMSIZE_OK;
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

size_t amsize_struct_size(int32_t id)
{
    switch (id) {
    case AMSIZE_STRUCT_ERROR: return sizeof(amsize_error);
    case AMSIZE_STRUCT_SEGMENT: return sizeof(amsize_segment);
    case AMSIZE_STRUCT_MODEL: return sizeof(amsize_model);
    case AMSIZE_STRUCT_NETRATIO: return sizeof(amsize_netratio);
    case AMSIZE_STRUCT_SUPPORT: return sizeof(amsize_support);
    case AMSIZE_STRUCT_LOAD: return sizeof(amsize_load);
    case AMSIZE_STRUCT_PILOT: return sizeof(amsize_pilot);
    case AMSIZE_STRUCT_CHART_ROW: return sizeof(amsize_chart_row);
    case AMSIZE_STRUCT_TOTALS: return sizeof(amsize_totals);
    default: return 0;
    }
}

double amsize__ceil_eps(double x)
{
    /* + 0.0 turns the -0.0 that ceil() gives for 0 <= x <= 1e-9 into 0, so
     * a spreadsheet never shows "-0" AMs. */
    return ceil(x - AMSIZE_EPS * fmax(1.0, fabs(x))) + 0.0;
}

double amsize__floor_eps(double x)
{
    return floor(x + AMSIZE_EPS * fmax(1.0, fabs(x)));
}

double amsize_ceil_eps_calc(double x)
{
    return isfinite(x) ? amsize__ceil_eps(x) : NAN;
}

double amsize_floor_eps_calc(double x)
{
    return isfinite(x) ? amsize__floor_eps(x) : NAN;
}
