/* The field table (see amsize/schema.h): every input's name, type,
 * default and range, written once. The checks in segment.c, totals.c and
 * the scalar functions read their ranges from here. */
#include "internal.h"

#include <stddef.h>

/* The ranges, each written once. */
#define MIN_OPEN AMSIZE_FIELDINFO_MIN_OPEN
#define MAX_OPEN AMSIZE_FIELDINFO_MAX_OPEN
#define E_RANGE AMSIZE_E_RANGE
static const amsize__range range_any = {-INFINITY, INFINITY, 0, E_RANGE, E_RANGE,
                                        "any finite number"};
static const amsize__range range_nonneg = {0, INFINITY, 0, AMSIZE_E_NEGATIVE, E_RANGE,
                                           "0 or more"};
static const amsize__range range_positive = {0, INFINITY, MIN_OPEN, AMSIZE_E_NOT_POSITIVE,
                                             E_RANGE, "above 0"};
static const amsize__range range_unit = {0, 1, 0, E_RANGE, E_RANGE, "0 to 1"};
static const amsize__range range_share = {0, 1, MIN_OPEN, E_RANGE, E_RANGE,
                                          "above 0 and at most 1"};
static const amsize__range range_rating = {AMSIZE_SUPPORT_RATING_MIN, AMSIZE_SUPPORT_RATING_MAX,
                                           0, E_RANGE, E_RANGE, "1 to 5"};
static const amsize__range range_flag = {0, 1, 0, E_RANGE, E_RANGE, "0 or 1"};
static const amsize__range range_attrition = {0, 1, MAX_OPEN, E_RANGE, E_RANGE,
                                              "0 or more and below 1"};
/* The upper end is the call's totals_len; this is the type's. */
static const amsize__range range_segment_index = {0, INT32_MAX, 0, AMSIZE_E_INDEX,
                                                  AMSIZE_E_INDEX, "0 to segments-1"};

/* The defaults, each written once; amsize_segment_init() and
 * amsize_model_init() copy them. */
static const double d_zero = 0, d_one = 1, d_rating = AMSIZE_SUPPORT_RATING_REFERENCE;
static const double d_selling_time[5] = {0.40, 0.50, 0.60, 0.70, 0.80};
static const double d_rating_high = 0.15, d_rating_medium = 0.05;
static const double d_attrition = 0.15, d_time_to_fill = 3, d_ramp_months = 6;

/* An AM's target, on the roster and on amsize_am: one description, one
 * derivation. */
#define TARGET_DERIVED "fte*am_productivity*T[s]/T[3]"
#define TARGET_DESCRIPTION "the AM's net growth objective for the period, money"

#define REQ AMSIZE_FIELDINFO_REQUIRED
#define PRESENCE AMSIZE_FIELDINFO_PRESENCE
#define TOTALS AMSIZE_FIELDINFO_FROM_TOTALS

#define SEG(id, member, type, flags, range, deftext, def, presence, desc)                 \
    {AMSIZE_FIELD_##id, #member, desc, range, deftext, def, AMSIZE_TYPE_##type, flags,     \
     offsetof(amsize_segment, member), 1, presence}

static const amsize__fielddef segment_fields[] = {
    SEG(SUPPORT_RATING, support_rating, INT32, 0, &range_rating, "3", &d_rating, 0,
        "Support Infrastructure rating, 1 (weak) to 5 (strong); 3 is the reference"),
    SEG(ACCOUNTS, accounts, INT64, TOTALS, &range_nonneg, "0", &d_zero, 0,
        "accounts in the segment, a count"),
    SEG(WEIGHTED_ACCOUNTS, weighted_accounts, DOUBLE, TOTALS | PRESENCE,
        &range_nonneg, "accounts", NULL,
        offsetof(amsize_segment, has_weighted_accounts),
        "accounts weighted by the service each needs, in accounts"),
    SEG(BOOK, book, DOUBLE, TOTALS, &range_nonneg, "0", &d_zero, 0,
        "book of business: ARR under management, money per year"),
    SEG(UPSELL, upsell, DOUBLE, TOTALS, &range_nonneg, "0", &d_zero, 0,
        "expected upsell over the next 12 months, money"),
    SEG(CROSS_SELL, cross_sell, DOUBLE, TOTALS, &range_nonneg, "0", &d_zero, 0,
        "expected cross-sell over the next 12 months, money"),
    SEG(CHURN, churn, DOUBLE, TOTALS, &range_nonneg, "0", &d_zero, 0,
        "expected ARR lost to churn over the next 12 months, money"),
    SEG(CHURN_ATTRIBUTION, churn_attribution, DOUBLE, 0, &range_unit, "1", &d_one, 0,
        "share of churn the AMs own (below 1 when renewal reps or CSMs own renewals)"),
    SEG(AM_PRODUCTIVITY, am_productivity, DOUBLE, REQ, &range_positive, "", NULL, 0,
        "net new ACV one AM sells per year at support rating 3, money"),
    SEG(AM_COST, am_cost, DOUBLE, REQ, &range_positive, "", NULL, 0,
        "fully loaded cost of one AM-year, money"),
    SEG(GROSS_MARGIN, gross_margin, DOUBLE, 0, &range_share, "1", &d_one, 0,
        "gross margin on the Net Ratio, a share"),
    SEG(COST_COVERAGE, cost_coverage, DOUBLE, 0, &range_positive, "1", &d_one, 0,
        "contribution required per unit of AM cost"),
    SEG(GROWTH_PER_ACCOUNT, growth_per_account, DOUBLE, PRESENCE, &range_any,
        "net_ratio/weighted_accounts", NULL, offsetof(amsize_segment, has_growth_per_account),
        "Net Ratio per weighted account, money per year"),
    SEG(MAX_LOAD, max_load, DOUBLE, REQ, &range_positive, "", NULL, 0,
        "most weighted accounts the best AMs can serve"),
};

static const amsize__fielddef model_fields[] = {
    {AMSIZE_FIELD_SELLING_TIME_1, "selling_time",
     "share of an AM's time spent selling at support ratings 1 to 5, non-decreasing",
     &range_share, "0.40, 0.50, 0.60, 0.70, 0.80", d_selling_time, AMSIZE_TYPE_DOUBLE,
     0, offsetof(amsize_model, selling_time), 5, 0},
    {AMSIZE_FIELD_RATING_HIGH, "rating_high", "NR% at or above which a segment rates high",
     &range_any, "0.15", &d_rating_high, AMSIZE_TYPE_DOUBLE, 0,
     offsetof(amsize_model, rating_high), 1, 0},
    {AMSIZE_FIELD_RATING_MEDIUM, "rating_medium",
     "NR% at or above which a segment rates medium; at most rating_high", &range_any,
     "0.05", &d_rating_medium, AMSIZE_TYPE_DOUBLE, 0, offsetof(amsize_model, rating_medium), 1,
     0},
};

#define ACC(id, name, type, flags, range, deftext, def, desc) \
    {AMSIZE_FIELD_##id, name, desc, range, deftext, def, AMSIZE_TYPE_##type, flags, 0, 1, 0}

static const amsize__fielddef account_fields[] = {
    ACC(SEGMENT_INDEX, "segment_index", INT32, REQ, &range_segment_index, "", NULL,
        "the account's segment, an index into the totals"),
    ACC(ARR, "arr", DOUBLE, REQ, &range_nonneg, "", NULL,
        "the account's ARR, money per year"),
    ACC(UPSELL, "upsell", DOUBLE, REQ, &range_nonneg, "", NULL,
        "the account's expected upsell over the next 12 months, money"),
    ACC(CROSS_SELL, "cross_sell", DOUBLE, REQ, &range_nonneg, "", NULL,
        "the account's expected cross-sell over the next 12 months, money"),
    ACC(CHURN, "churn", DOUBLE, REQ, &range_nonneg, "", NULL,
        "the account's ARR expected to churn over the next 12 months, money"),
    ACC(SERVICE_WEIGHT, "service_weight", DOUBLE, 0, &range_positive, "1", &d_one,
        "the service the account needs, in accounts"),
    ACC(AM_COVERED, "am_covered", UINT8, 0, &range_flag, "0", &d_zero,
        "1 when an AM covers the account, else 0"),
};

#define STAFF(id, member, type, range, deftext, def, desc)                                 \
    {AMSIZE_FIELD_##id, #member, desc, range, deftext, def, AMSIZE_TYPE_##type, 0,         \
     offsetof(amsize_staffing, member), 1, 0}

static const amsize__fielddef staffing_fields[] = {
    STAFF(TIME_TO_FILL, time_to_fill, INT32, &range_nonneg, "3", &d_time_to_fill,
          "whole months from opening a requisition to the AM's start"),
    STAFF(RAMP_MONTHS, ramp_months, INT32, &range_nonneg, "6", &d_ramp_months,
          "whole months a new AM takes to reach full productivity"),
    STAFF(ATTRITION, attrition, DOUBLE, &range_attrition, "0.15", &d_attrition,
          "annual share of AMs who leave"),
    STAFF(CURRENT_AMS, current_ams, INT64, &range_nonneg, "0", &d_zero,
          "AMs on staff today, fully ramped (when no roster is given)"),
};

/* Columns of one roster AM and of one ramp month: arrays, like the
 * account columns. */
static const amsize__fielddef roster_fields[] = {
    ACC(FTE, "fte", DOUBLE, 0, &range_share, "1", &d_one,
        "the AM's share of a full year or of full time"),
    /* Not given: AMSIZE_TENURE_RAMPED, outside the range on purpose. */
    ACC(TENURE_MONTHS, "tenure_months", INT32, 0, &range_nonneg, "fully ramped", NULL,
        "whole months the AM has been in the role at the plan's start"),
    /* The evaluation's (evaluate.h); not given: derived, as amsize_am's. */
    ACC(TARGET, "target", DOUBLE, 0, &range_nonneg, TARGET_DERIVED, NULL,
        TARGET_DESCRIPTION),
};

static const amsize__fielddef ramp_fields[] = {
    ACC(SHARE, "share", DOUBLE, REQ, &range_unit, "", NULL,
        "share of full productivity in a tenure month, non-decreasing"),
};

#define AM(id, member, type, flags, range, deftext, def, presence, desc)                  \
    {AMSIZE_FIELD_##id, #member, desc, range, deftext, def, AMSIZE_TYPE_##type, flags,     \
     offsetof(amsize_am, member), 1, presence}

/* One AM of the evaluation (evaluate.h): the roster's fields, then the
 * sums of the accounts the AM covered over the period. */
static const amsize__fielddef am_fields[] = {
    /* The upper end is the call's segs_len, as for segment_index. */
    AM(SEGMENT, segment, INT32, REQ, &range_segment_index, "", NULL, 0,
       "the AM's segment, an index into the segments"),
    AM(FTE, fte, DOUBLE, 0, &range_share, "1", &d_one, 0,
       "the AM's share of the period or of full time"),
    AM(TARGET, target, DOUBLE, PRESENCE, &range_nonneg, TARGET_DERIVED, NULL,
       offsetof(amsize_am, has_target), TARGET_DESCRIPTION),
    AM(ACCOUNTS, accounts, INT64, 0, &range_nonneg, "0", &d_zero, 0,
       "accounts the AM covered over the period, a count"),
    AM(WEIGHTED_ACCOUNTS, weighted_accounts, DOUBLE, 0, &range_nonneg, "0", &d_zero, 0,
       "those accounts weighted by the service each needs, in accounts"),
    AM(BOOK, book, DOUBLE, 0, &range_nonneg, "0", &d_zero, 0,
       "those accounts' ARR, money per year"),
    AM(UPSELL, upsell, DOUBLE, 0, &range_nonneg, "0", &d_zero, 0,
       "upsell on those accounts over the period, money"),
    AM(CROSS_SELL, cross_sell, DOUBLE, 0, &range_nonneg, "0", &d_zero, 0,
       "cross-sell on those accounts over the period, money"),
    AM(CHURN, churn, DOUBLE, 0, &range_nonneg, "0", &d_zero, 0,
       "ARR of those accounts lost to churn over the period, money"),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const amsize__fielddef *table(int32_t schema, size_t *len)
{
    switch (schema) {
    case AMSIZE_SCHEMA_SEGMENT: *len = COUNT(segment_fields); return segment_fields;
    case AMSIZE_SCHEMA_MODEL: *len = COUNT(model_fields); return model_fields;
    case AMSIZE_SCHEMA_ACCOUNT: *len = COUNT(account_fields); return account_fields;
    case AMSIZE_SCHEMA_STAFFING: *len = COUNT(staffing_fields); return staffing_fields;
    case AMSIZE_SCHEMA_ROSTER: *len = COUNT(roster_fields); return roster_fields;
    case AMSIZE_SCHEMA_RAMP: *len = COUNT(ramp_fields); return ramp_fields;
    case AMSIZE_SCHEMA_AM: *len = COUNT(am_fields); return am_fields;
    default: *len = 0; return NULL;
    }
}

const amsize__fielddef *amsize__schema_rows(int32_t schema, size_t *len)
{
    return table(schema, len);
}

const amsize__fielddef *amsize__schema_def(int32_t schema, int32_t field)
{
    size_t n;
    const amsize__fielddef *rows = table(schema, &n);
    for (size_t i = 0; i < n; i++)
        if (field >= rows[i].field && (uint64_t)(field - rows[i].field) < rows[i].length)
            return &rows[i];
    return NULL;
}

const amsize__range *amsize__field_range(int32_t schema, int32_t field)
{
    const amsize__fielddef *d = amsize__schema_def(schema, field);
    return d ? d->range : NULL;
}

amsize_status amsize__field_value(amsize_error *err, const amsize__fielddef *d, int32_t field,
                                  double v, int64_t index)
{
    amsize_status st = amsize__range_status(d->range, v);
    if (st == AMSIZE_OK && d->type != AMSIZE_TYPE_DOUBLE && v != floor(v))
        st = AMSIZE_E_RANGE;
    return st == AMSIZE_OK ? AMSIZE_OK : amsize__fail(err, st, index, (amsize_field)field);
}

/* The number a field of any stored type holds, as the table checks it. */
double amsize__read_field(const void *base, const amsize__fielddef *d, size_t i)
{
    const char *p = (const char *)base + d->offset;
    switch (d->type) {
    case AMSIZE_TYPE_INT32: {
        int32_t v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    case AMSIZE_TYPE_INT64: {
        int64_t v;
        memcpy(&v, p, sizeof v);
        return (double)v;
    }
    default: {
        double v;
        memcpy(&v, p + i * sizeof v, sizeof v);
        return v;
    }
    }
}

/* Writes each field's defaults into a zeroed struct. */
void amsize__write_defaults(void *base, int32_t schema)
{
    size_t n;
    const amsize__fielddef *rows = amsize__schema_rows(schema, &n);
    for (size_t k = 0; k < n; k++) {
        const amsize__fielddef *d = &rows[k];
        char *p = (char *)base + d->offset;
        if (!d->defaults)
            continue;
        if (d->type == AMSIZE_TYPE_INT32) {
            int32_t v = (int32_t)d->defaults[0];
            memcpy(p, &v, sizeof v);
        } else if (d->type == AMSIZE_TYPE_INT64) {
            int64_t v = (int64_t)d->defaults[0];
            memcpy(p, &v, sizeof v);
        } else {
            memcpy(p, d->defaults, d->length * sizeof(double));
        }
    }
}

amsize_status amsize__struct_check(amsize_error *err, const void *base, int32_t schema,
                                   int64_t index)
{
    size_t n;
    const amsize__fielddef *rows = amsize__schema_rows(schema, &n);
    /* Fields in declaration order, which is the order the headers promise
     * for the first error. */
    for (size_t k = 0; k < n; k++) {
        const amsize__fielddef *d = &rows[k];
        if (d->flags & AMSIZE_FIELDINFO_PRESENCE) {
            int32_t has;
            memcpy(&has, (const char *)base + d->presence_offset, sizeof has);
            if (has != 0 && has != 1)
                return amsize__fail(err, AMSIZE_E_RANGE, index, (amsize_field)d->field);
            if (!has)
                continue;
        }
        TRY(amsize__field_value(err, d, d->field, amsize__read_field(base, d, 0), index));
    }
    return AMSIZE_OK;
}

amsize_status amsize_field_info_init_(amsize_field_info *info, size_t struct_size)
{
    return amsize__out_init(info, struct_size, sizeof(amsize_field_info));
}

/* begin() has checked info's size. */
static amsize_status fill(amsize_field_info *info, const amsize__fielddef *d)
{
    info->field = d->field;
    info->name = d->name;
    info->description = d->description;
    info->range_text = d->range->text;
    info->default_text = d->default_text;
    info->defaults = d->defaults;
    info->type = d->type;
    info->flags = d->flags | d->range->open;
    info->min = d->range->min;
    info->max = d->range->max;
    info->offset = d->offset;
    info->length = d->length;
    info->presence_offset = d->presence_offset;
    return AMSIZE_OK;
}

/* The checks every accessor makes first, in the order the header gives. */
static amsize_status begin(const amsize_field_info *info, int32_t schema,
                           const amsize__fielddef **rows, size_t *len)
{
    if (!info)
        return AMSIZE_E_NULL;
    if (info->struct_size != sizeof *info)
        return AMSIZE_E_STRUCT_SIZE;
    *rows = table(schema, len);
    return *rows ? AMSIZE_OK : AMSIZE_E_RANGE;
}

size_t amsize_schema_count(int32_t schema)
{
    size_t n;
    (void)table(schema, &n);
    return n;
}

amsize_status amsize_schema_get(amsize_field_info *info, int32_t schema, size_t index)
{
    const amsize__fielddef *rows;
    size_t n;
    TRY(begin(info, schema, &rows, &n));
    if (index >= n)
        return AMSIZE_E_INDEX;
    return fill(info, &rows[index]);
}

amsize_status amsize_schema_find(amsize_field_info *info, int32_t schema, int32_t field)
{
    const amsize__fielddef *rows;
    size_t n;
    TRY(begin(info, schema, &rows, &n));
    const amsize__fielddef *d = amsize__schema_def(schema, field);
    return d ? fill(info, d) : AMSIZE_E_INDEX;
}

amsize_status amsize_schema_lookup(amsize_field_info *info, int32_t schema, const char *name)
{
    const amsize__fielddef *rows;
    size_t n;
    TRY(begin(info, schema, &rows, &n));
    if (!name)
        return AMSIZE_E_NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].name, name) == 0)
            return fill(info, &rows[i]);
    return AMSIZE_E_INDEX;
}

/* Whether a whole number v (within its range) fits the field's C type. */
static int fits(int32_t type, double v)
{
    switch (type) {
    case AMSIZE_TYPE_INT32: return v >= -2147483648.0 && v < 2147483648.0;
    case AMSIZE_TYPE_INT64: return v >= -9223372036854775808.0 && v < 9223372036854775808.0;
    case AMSIZE_TYPE_UINT8: return v >= 0 && v < 256;
    default: return 1;
    }
}

int amsize__field_ok(int32_t schema, int32_t field, double v)
{
    const amsize__fielddef *d = amsize__schema_def(schema, field);
    return d && amsize__field_value(NULL, d, field, v, -1) == AMSIZE_OK && fits(d->type, v);
}

amsize_status amsize_field_check(amsize_error *err, int32_t schema, int32_t field, double value,
                                 int64_t index)
{
    TRY(amsize__err_begin(err));
    size_t n;
    if (!table(schema, &n))
        return amsize__fail(err, AMSIZE_E_RANGE, index, AMSIZE_FIELD_NONE);
    const amsize__fielddef *d = amsize__schema_def(schema, field);
    if (!d)
        return amsize__fail(err, AMSIZE_E_INDEX, index, (amsize_field)field);
    TRY(amsize__field_value(err, d, field, value, index));
    /* A stored field always fits its type, so only a value from outside
     * can fail this: one that the caller could not store. */
    if (!fits(d->type, value))
        return amsize__fail(err, AMSIZE_E_RANGE, index, (amsize_field)field);
    return AMSIZE_OK;
}
