/* Check tests for the field table (amsize/schema.h): amsize_schema_count(),
 * amsize_schema_get(), _find() and _lookup(), amsize_field_info_init() and
 * amsize_field_check().
 *
 * The expected rows are written from the documentation, not from
 * lib/schema.c: names as amsize_field_name() spells them and the CSV
 * columns; types, offsets and defaults from the declarations and comments
 * in amsize/segment.h, amsize/totals.h, amsize/plan.h and
 * amsize/evaluate.h; ranges from the README's input table and issues 15
 * and 12; the range and default texts where schema.h, the plan and the
 * evaluation spell them ("0 or more", "above 0", "above 0 and at most 1",
 * "any finite number", "1", "0.40, 0.50, 0.60, 0.70, 0.80", "accounts",
 * "0 or more and below 1", "fully ramped", "fte*am_productivity*T[s]/T[3]",
 * "" for a required field).
 * Texts the headers do not spell are checked for what they must hold
 * instead: a numeric default text reads back as the default, and one range
 * has one text.
 */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "amsize.h"
#include "fixtures.h"

#define REQ AMSIZE_FIELDINFO_REQUIRED
#define MIN_OPEN AMSIZE_FIELDINFO_MIN_OPEN
#define MAX_OPEN AMSIZE_FIELDINFO_MAX_OPEN
#define PRES AMSIZE_FIELDINFO_PRESENCE
#define TOT AMSIZE_FIELDINFO_FROM_TOTALS
#define KNOWN_FLAGS (REQ | MIN_OPEN | MAX_OPEN | PRES | TOT)

/* One row as the documentation describes it. flags holds REQ, PRES and TOT
 * exactly, and MIN_OPEN / MAX_OPEN where that bound is finite (an infinite
 * bound is excluded either way, so its bit is not checked). A NULL text is
 * one the headers do not spell; max NAN is a bound they do not give. */
typedef struct want_field {
    int32_t field;
    const char *name;
    int32_t type;
    uint32_t flags;
    double min, max;
    size_t offset, length, presence_offset;
    int ndefaults; /* 0: no defaults (required, or derived from others) */
    double defaults[5];
    const char *range_text;
    const char *default_text;
} want_field;

#define F(x) AMSIZE_FIELD_##x
#define T(x) AMSIZE_TYPE_##x
#define SOFF(m) offsetof(amsize_segment, m)
#define MOFF(m) offsetof(amsize_model, m)
#define STOFF(m) offsetof(amsize_staffing, m)
#define AOFF(m) offsetof(amsize_am, m)

/* An AM's target when none is given: evaluate.h's words. */
#define TARGET_DERIVED "fte*am_productivity*T[s]/T[3]"

/* amsize_segment, in declaration order. README: N, W, B, U, X, C >= 0;
 * a in [0, 1], default 1; P, K, Lmax > 0 and required (segment.h: "no
 * default (0 is refused)"); m in (0, 1], default 1; r > 0, default 1; g
 * any, default NR/W; s 1..5, default 3. W and g are used only when their
 * has_* flag is 1. totals.h: amsize_totals_segment() fills N, W, B, U, X
 * and C. */
static const want_field want_segment[] = {
    {F(SUPPORT_RATING), "support_rating", T(INT32), 0, 1, 5, SOFF(support_rating), 1, 0, 1,
     {3}, NULL, NULL},
    {F(ACCOUNTS), "accounts", T(INT64), TOT, 0, INFINITY, SOFF(accounts), 1, 0, 1, {0},
     "0 or more", NULL},
    {F(WEIGHTED_ACCOUNTS), "weighted_accounts", T(DOUBLE), TOT | PRES, 0, INFINITY,
     SOFF(weighted_accounts), 1, SOFF(has_weighted_accounts), 0, {0}, "0 or more", "accounts"},
    {F(BOOK), "book", T(DOUBLE), TOT, 0, INFINITY, SOFF(book), 1, 0, 1, {0}, "0 or more", NULL},
    {F(UPSELL), "upsell", T(DOUBLE), TOT, 0, INFINITY, SOFF(upsell), 1, 0, 1, {0}, "0 or more",
     NULL},
    {F(CROSS_SELL), "cross_sell", T(DOUBLE), TOT, 0, INFINITY, SOFF(cross_sell), 1, 0, 1, {0},
     "0 or more", NULL},
    {F(CHURN), "churn", T(DOUBLE), TOT, 0, INFINITY, SOFF(churn), 1, 0, 1, {0}, "0 or more",
     NULL},
    {F(CHURN_ATTRIBUTION), "churn_attribution", T(DOUBLE), 0, 0, 1, SOFF(churn_attribution), 1,
     0, 1, {1}, NULL, NULL},
    {F(AM_PRODUCTIVITY), "am_productivity", T(DOUBLE), REQ | MIN_OPEN, 0, INFINITY,
     SOFF(am_productivity), 1, 0, 0, {0}, "above 0", ""},
    {F(AM_COST), "am_cost", T(DOUBLE), REQ | MIN_OPEN, 0, INFINITY, SOFF(am_cost), 1, 0, 0, {0},
     "above 0", ""},
    {F(GROSS_MARGIN), "gross_margin", T(DOUBLE), MIN_OPEN, 0, 1, SOFF(gross_margin), 1, 0, 1,
     {1}, "above 0 and at most 1", "1"},
    {F(COST_COVERAGE), "cost_coverage", T(DOUBLE), MIN_OPEN, 0, INFINITY, SOFF(cost_coverage),
     1, 0, 1, {1}, "above 0", NULL},
    {F(GROWTH_PER_ACCOUNT), "growth_per_account", T(DOUBLE), PRES, -INFINITY, INFINITY,
     SOFF(growth_per_account), 1, SOFF(has_growth_per_account), 0, {0}, "any finite number",
     NULL},
    {F(MAX_LOAD), "max_load", T(DOUBLE), REQ | MIN_OPEN, 0, INFINITY, SOFF(max_load), 1, 0, 0,
     {0}, "above 0", ""},
};

/* amsize_model. segment.h: selling_time[5] each in (0,1], default
 * {0.40, 0.50, 0.60, 0.70, 0.80}; rating_high and rating_medium finite,
 * defaults 0.15 and 0.05. One field with a length for the array. */
static const want_field want_model[] = {
    {F(SELLING_TIME_1), "selling_time", T(DOUBLE), MIN_OPEN, 0, 1, MOFF(selling_time), 5, 0, 5,
     {0.40, 0.50, 0.60, 0.70, 0.80}, "above 0 and at most 1", "0.40, 0.50, 0.60, 0.70, 0.80"},
    {F(RATING_HIGH), "rating_high", T(DOUBLE), 0, -INFINITY, INFINITY, MOFF(rating_high), 1, 0,
     1, {0.15}, "any finite number", NULL},
    {F(RATING_MEDIUM), "rating_medium", T(DOUBLE), 0, -INFINITY, INFINITY, MOFF(rating_medium),
     1, 0, 1, {0.05}, "any finite number", NULL},
};

/* The columns of amsize_totals_add(), in argument order. totals.h:
 * segment 0..totals_len-1 (its upper bound depends on the call); arr,
 * upsell, cross_sell, churn finite and >= 0; service_weight > 0, NULL for a
 * weight of 1; am_covered 0 or 1, NULL for "all uncovered". Offsets are 0:
 * the columns are arrays, not struct members. */
static const want_field want_account[] = {
    {F(SEGMENT_INDEX), "segment_index", T(INT32), REQ, 0, NAN, 0, 1, 0, 0, {0}, NULL, ""},
    {F(ARR), "arr", T(DOUBLE), REQ, 0, INFINITY, 0, 1, 0, 0, {0}, "0 or more", ""},
    {F(UPSELL), "upsell", T(DOUBLE), REQ, 0, INFINITY, 0, 1, 0, 0, {0}, "0 or more", ""},
    {F(CROSS_SELL), "cross_sell", T(DOUBLE), REQ, 0, INFINITY, 0, 1, 0, 0, {0}, "0 or more", ""},
    {F(CHURN), "churn", T(DOUBLE), REQ, 0, INFINITY, 0, 1, 0, 0, {0}, "0 or more", ""},
    {F(SERVICE_WEIGHT), "service_weight", T(DOUBLE), MIN_OPEN, 0, INFINITY, 0, 1, 0, 1, {1},
     "above 0", NULL},
    {F(AM_COVERED), "am_covered", T(UINT8), 0, 0, 1, 0, 1, 0, 1, {0}, NULL, NULL},
};

/* amsize_staffing, in declaration order (plan.h; issue 15's SEGMENTS.csv
 * columns): time_to_fill whole months >= 0, default 3; ramp_months whole
 * months >= 0, default 6; attrition an annual share in [0,1), default
 * 0.15; current_ams a whole number >= 0, default 0. reserved is no field. */
static const want_field want_staffing[] = {
    {F(TIME_TO_FILL), "time_to_fill", T(INT32), 0, 0, INFINITY, STOFF(time_to_fill), 1, 0, 1,
     {3}, "0 or more", "3"},
    {F(RAMP_MONTHS), "ramp_months", T(INT32), 0, 0, INFINITY, STOFF(ramp_months), 1, 0, 1, {6},
     "0 or more", "6"},
    {F(ATTRITION), "attrition", T(DOUBLE), MAX_OPEN, 0, 1, STOFF(attrition), 1, 0, 1, {0.15},
     "0 or more and below 1", "0.15"},
    {F(CURRENT_AMS), "current_ams", T(INT64), 0, 0, INFINITY, STOFF(current_ams), 1, 0, 1, {0},
     "0 or more", "0"},
};

/* One roster AM, in amsize_plan_compute()'s argument order (cohort_size,
 * cohort_tenure): fte in (0,1], default 1 (the evaluation issue's AMS.csv);
 * tenure_months whole months >= 0, and when empty the AM is fully ramped
 * (AMSIZE_TENURE_RAMPED, which no number in the range stands for: no
 * defaults, words only). Then AMS.csv's target (issue 12): optional, >= 0,
 * and when empty derived as evaluate.h says (words only). Columns, so
 * offsets are 0. */
static const want_field want_roster[] = {
    {F(FTE), "fte", T(DOUBLE), MIN_OPEN, 0, 1, 0, 1, 0, 1, {1}, "above 0 and at most 1", "1"},
    {F(TENURE_MONTHS), "tenure_months", T(INT32), 0, 0, INFINITY, 0, 1, 0, 0, {0}, "0 or more",
     "fully ramped"},
    {F(TARGET), "target", T(DOUBLE), 0, 0, INFINITY, 0, 1, 0, 0, {0}, "0 or more",
     TARGET_DERIVED},
};

/* One month of a ramp curve (RAMP.csv): share in [0,1], required (a ramp
 * row without a share means nothing). */
static const want_field want_ramp[] = {
    {F(SHARE), "share", T(DOUBLE), REQ, 0, 1, 0, 1, 0, 0, {0}, NULL, ""},
};

/* amsize_am, in declaration order (evaluate.h; issue 12's AMS.csv and the
 * sums of an AM's accounts): segment an index, required, its upper bound
 * the call's segs_len (like segment_index's); fte in (0,1], default 1;
 * target >= 0, used when has_target, else derived; accounts whole, and
 * weighted_accounts, book, upsell, cross_sell and churn, all >= 0 and 0
 * by default (an AM without accounts). has_target and reserved are no
 * fields. */
static const want_field want_am[] = {
    {F(SEGMENT), "segment", T(INT32), REQ, 0, NAN, AOFF(segment), 1, 0, 0, {0}, NULL, ""},
    {F(FTE), "fte", T(DOUBLE), MIN_OPEN, 0, 1, AOFF(fte), 1, 0, 1, {1}, "above 0 and at most 1",
     "1"},
    {F(TARGET), "target", T(DOUBLE), PRES, 0, INFINITY, AOFF(target), 1, AOFF(has_target), 0,
     {0}, "0 or more", TARGET_DERIVED},
    {F(ACCOUNTS), "accounts", T(INT64), 0, 0, INFINITY, AOFF(accounts), 1, 0, 1, {0},
     "0 or more", "0"},
    {F(WEIGHTED_ACCOUNTS), "weighted_accounts", T(DOUBLE), 0, 0, INFINITY,
     AOFF(weighted_accounts), 1, 0, 1, {0}, "0 or more", "0"},
    {F(BOOK), "book", T(DOUBLE), 0, 0, INFINITY, AOFF(book), 1, 0, 1, {0}, "0 or more", "0"},
    {F(UPSELL), "upsell", T(DOUBLE), 0, 0, INFINITY, AOFF(upsell), 1, 0, 1, {0}, "0 or more",
     "0"},
    {F(CROSS_SELL), "cross_sell", T(DOUBLE), 0, 0, INFINITY, AOFF(cross_sell), 1, 0, 1, {0},
     "0 or more", "0"},
    {F(CHURN), "churn", T(DOUBLE), 0, 0, INFINITY, AOFF(churn), 1, 0, 1, {0}, "0 or more", "0"},
};

#undef SOFF
#undef MOFF
#undef STOFF
#undef AOFF

/* Every schema, in id order, with its documented rows. */
#define FIRST_SCHEMA AMSIZE_SCHEMA_SEGMENT
#define LAST_SCHEMA AMSIZE_SCHEMA_AM
static const struct {
    int32_t schema;
    const want_field *rows;
    size_t n;
} schemas[] = {
    {AMSIZE_SCHEMA_SEGMENT, want_segment, N_OF(want_segment)},
    {AMSIZE_SCHEMA_MODEL, want_model, N_OF(want_model)},
    {AMSIZE_SCHEMA_ACCOUNT, want_account, N_OF(want_account)},
    {AMSIZE_SCHEMA_STAFFING, want_staffing, N_OF(want_staffing)},
    {AMSIZE_SCHEMA_ROSTER, want_roster, N_OF(want_roster)},
    {AMSIZE_SCHEMA_RAMP, want_ramp, N_OF(want_ramp)},
    {AMSIZE_SCHEMA_AM, want_am, N_OF(want_am)},
};

static const want_field *want_rows(int32_t schema, size_t *n)
{
    for (int k = 0; k < N_OF(schemas); k++) {
        if (schemas[k].schema == schema) {
            *n = schemas[k].n;
            return schemas[k].rows;
        }
    }
    ck_abort_msg("no documented rows for schema %d", (int)schema);
    return NULL;
}

/* Loop index over every documented row: segment 0..13, model 14..16,
 * account 17..23, staffing 24..27, roster 28..30, ramp 31, AM 32..40. */
#define ALL_ROWS 41

static void row_of(int i, int32_t *schema, size_t *index)
{
    size_t at = (size_t)i;
    for (int k = 0; k < N_OF(schemas); k++) {
        if (at < schemas[k].n) {
            *schema = schemas[k].schema;
            *index = at;
            return;
        }
        at -= schemas[k].n;
    }
    ck_abort_msg("row %d past the documented rows", i);
}

static amsize_field_info fresh_info(void)
{
    amsize_field_info info;
    ck_assert_int_eq(amsize_field_info_init(&info), AMSIZE_OK);
    return info;
}

/* Row index of a schema, which must exist. */
static amsize_field_info get_row(int32_t schema, size_t index)
{
    amsize_field_info info = fresh_info();
    ck_assert_int_eq(amsize_schema_get(&info, schema, index), AMSIZE_OK);
    return info;
}

/* An info filled with a byte pattern (struct_size kept), so that "left as
 * it was" is a memcmp. */
static amsize_field_info poisoned_info(void)
{
    amsize_field_info info = fresh_info();
    poison(&info, sizeof info);
    return info;
}

/* Number k of a field stored at base + offset, as its type holds it. */
static double read_member(const void *base, int32_t type, uint64_t offset, uint64_t k)
{
    const unsigned char *p = (const unsigned char *)base + offset;
    switch (type) {
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
    case AMSIZE_TYPE_UINT8: return p[0];
    default: {
        double v;
        memcpy(&v, p + k * sizeof v, sizeof v);
        return v;
    }
    }
}

static size_t type_size(int32_t type)
{
    switch (type) {
    case AMSIZE_TYPE_INT32: return sizeof(int32_t);
    case AMSIZE_TYPE_INT64: return sizeof(int64_t);
    case AMSIZE_TYPE_UINT8: return sizeof(uint8_t);
    default: return sizeof(double);
    }
}

/* ====================================================================== */
/* Counts and rows                                                         */
/* ====================================================================== */

START_TEST(test_schema_count)
{
    /* 14 segment fields (segment.h, has_* flags folded into their field),
     * 3 model fields (selling_time one field of length 5), 7 account
     * columns (the arguments of amsize_totals_add()); the plan's 4
     * staffing fields (amsize_staffing without reserved), 3 roster columns
     * (fte, tenure_months, and the evaluation's target) and 1 ramp column
     * (share); the evaluation's 9 AM fields (amsize_am without has_target
     * and reserved). 8 is the first schema no release knows. */
    ck_assert_uint_eq(amsize_schema_count(AMSIZE_SCHEMA_SEGMENT), 14);
    ck_assert_uint_eq(amsize_schema_count(AMSIZE_SCHEMA_MODEL), 3);
    ck_assert_uint_eq(amsize_schema_count(AMSIZE_SCHEMA_ACCOUNT), 7);
    ck_assert_uint_eq(amsize_schema_count(AMSIZE_SCHEMA_STAFFING), 4);
    ck_assert_uint_eq(amsize_schema_count(AMSIZE_SCHEMA_ROSTER), 3);
    ck_assert_uint_eq(amsize_schema_count(AMSIZE_SCHEMA_RAMP), 1);
    ck_assert_uint_eq(amsize_schema_count(AMSIZE_SCHEMA_AM), 9);
    /* test_schema_row's loop covers every documented row. */
    size_t rows = 0;
    for (int k = 0; k < N_OF(schemas); k++)
        rows += schemas[k].n;
    ck_assert_uint_eq(rows, ALL_ROWS);
    ck_assert_uint_eq(amsize_schema_count(0), 0);
    ck_assert_uint_eq(amsize_schema_count(8), 0);
    ck_assert_uint_eq(amsize_schema_count(-1), 0);
    ck_assert_uint_eq(amsize_schema_count(INT32_MAX), 0);
}
END_TEST

/* Each row, by index, against the documentation. */
START_TEST(test_schema_row)
{
    int32_t schema;
    size_t index, n;
    row_of(_i, &schema, &index);
    const want_field *w = &want_rows(schema, &n)[index];
    amsize_field_info info = get_row(schema, index);

    ck_assert_uint_eq(info.struct_size, sizeof info);
    ck_assert_msg(info.field == w->field, "row %zu of schema %d: field %d (%s), want %d (%s)",
                  index, (int)schema, (int)info.field, amsize_field_name(info.field),
                  (int)w->field, amsize_field_name(w->field));
    ck_assert_str_eq(info.name, w->name);
    ck_assert_int_eq(info.type, w->type);
    ck_assert_uint_eq(info.flags & (REQ | PRES | TOT), w->flags & (REQ | PRES | TOT));
    ck_assert_uint_eq(info.flags & ~(uint32_t)KNOWN_FLAGS, 0);
    ck_assert_double_eq(info.min, w->min);
    if (isfinite(w->min))
        ck_assert_uint_eq(info.flags & MIN_OPEN, w->flags & MIN_OPEN);
    if (isnan(w->max)) {
        ck_assert(info.max >= info.min);
    } else {
        ck_assert_double_eq(info.max, w->max);
        if (isfinite(w->max))
            ck_assert_uint_eq(info.flags & MAX_OPEN, w->flags & MAX_OPEN);
    }
    ck_assert_uint_eq(info.offset, w->offset);
    ck_assert_uint_eq(info.length, w->length);
    ck_assert_uint_eq(info.presence_offset, w->presence_offset);
    if (w->ndefaults == 0) {
        ck_assert_ptr_null(info.defaults);
    } else {
        ck_assert_ptr_nonnull(info.defaults);
        for (int k = 0; k < w->ndefaults; k++)
            ck_assert_double_eq(info.defaults[k], w->defaults[k]);
    }
    if (w->range_text)
        ck_assert_str_eq(info.range_text, w->range_text);
    if (w->default_text)
        ck_assert_str_eq(info.default_text, w->default_text);
}
END_TEST

/* The name is the field's own: amsize_field_name() without an index, and
 * for an array each element id names the array's element. */
START_TEST(test_schema_names_are_field_names)
{
    for (int32_t schema = FIRST_SCHEMA; schema <= LAST_SCHEMA; schema++) {
        for (size_t i = 0; i < amsize_schema_count(schema); i++) {
            amsize_field_info info = get_row(schema, i);
            if (info.length == 1) {
                ck_assert_str_eq(info.name, amsize_field_name(info.field));
                continue;
            }
            for (uint64_t k = 0; k < info.length; k++) {
                char want[64];
                snprintf(want, sizeof want, "%s[%d]", info.name, (int)k + 1);
                ck_assert_str_eq(amsize_field_name(info.field + (int32_t)k), want);
            }
        }
    }
}
END_TEST

/* Offsets cover each struct exactly: amsize_segment is struct_size (4),
 * the two has_* flags (2 * 4) and its fields; amsize_model and
 * amsize_staffing are struct_size (4), reserved (4) and their fields;
 * amsize_am is struct_size, has_target and reserved (3 * 4) and its
 * fields. A member added without a row would show here. */
START_TEST(test_schema_covers_structs)
{
    size_t bytes = 0, n = amsize_schema_count(AMSIZE_SCHEMA_SEGMENT);
    for (size_t i = 0; i < n; i++) {
        amsize_field_info info = get_row(AMSIZE_SCHEMA_SEGMENT, i);
        size_t size = type_size(info.type) * (size_t)info.length;
        ck_assert_uint_le(info.offset + size, sizeof(amsize_segment));
        ck_assert_uint_ge(info.offset, sizeof(uint32_t)); /* after struct_size */
        bytes += size;
    }
    ck_assert_uint_eq(4 + 2 * 4 + bytes, sizeof(amsize_segment));

    bytes = 0;
    n = amsize_schema_count(AMSIZE_SCHEMA_MODEL);
    for (size_t i = 0; i < n; i++) {
        amsize_field_info info = get_row(AMSIZE_SCHEMA_MODEL, i);
        size_t size = type_size(info.type) * (size_t)info.length;
        ck_assert_uint_le(info.offset + size, sizeof(amsize_model));
        ck_assert_uint_ge(info.offset, offsetof(amsize_model, selling_time));
        bytes += size;
    }
    ck_assert_uint_eq(4 + 4 + bytes, sizeof(amsize_model));

    bytes = 0;
    n = amsize_schema_count(AMSIZE_SCHEMA_STAFFING);
    for (size_t i = 0; i < n; i++) {
        amsize_field_info info = get_row(AMSIZE_SCHEMA_STAFFING, i);
        size_t size = type_size(info.type) * (size_t)info.length;
        ck_assert_uint_le(info.offset + size, sizeof(amsize_staffing));
        ck_assert_uint_ge(info.offset, sizeof(uint32_t)); /* after struct_size */
        ck_assert_uint_ne(info.offset, offsetof(amsize_staffing, reserved));
        bytes += size;
    }
    ck_assert_uint_eq(4 + 4 + bytes, sizeof(amsize_staffing));

    bytes = 0;
    n = amsize_schema_count(AMSIZE_SCHEMA_AM);
    for (size_t i = 0; i < n; i++) {
        amsize_field_info info = get_row(AMSIZE_SCHEMA_AM, i);
        size_t size = type_size(info.type) * (size_t)info.length;
        ck_assert_uint_le(info.offset + size, sizeof(amsize_am));
        ck_assert_uint_ge(info.offset, sizeof(uint32_t)); /* after struct_size */
        ck_assert_uint_ne(info.offset, offsetof(amsize_am, has_target));
        ck_assert_uint_ne(info.offset, offsetof(amsize_am, reserved));
        bytes += size;
    }
    ck_assert_uint_eq(4 + 4 + 4 + bytes, sizeof(amsize_am));
}
END_TEST

/* What schema.h promises of every row of every schema. */
START_TEST(test_schema_every_field_described)
{
    for (int32_t schema = FIRST_SCHEMA; schema <= LAST_SCHEMA; schema++) {
        size_t n = amsize_schema_count(schema);
        for (size_t i = 0; i < n; i++) {
            amsize_field_info info = get_row(schema, i);
            const char *what = info.name;

            ck_assert_ptr_nonnull(info.name);
            ck_assert_ptr_nonnull(info.description);
            ck_assert_ptr_nonnull(info.range_text);
            ck_assert_ptr_nonnull(info.default_text);
            ck_assert_msg(info.name[0] && info.description[0] && info.range_text[0],
                          "schema %d row %zu: an empty name, description or range_text",
                          (int)schema, i);
            ck_assert_msg(!isnan(info.min) && !isnan(info.max) && info.min <= info.max,
                          "%s: min %g, max %g", what, info.min, info.max);
            ck_assert_msg(info.type >= AMSIZE_TYPE_DOUBLE && info.type <= AMSIZE_TYPE_UINT8,
                          "%s: type %d", what, (int)info.type);
            ck_assert_uint_ge(info.length, 1);

            /* Required: no default at all. Derived (PRESENCE): no numbers,
             * but words. A roster AM's tenure: no numbers, but words (an
             * empty cell is "fully ramped", AMSIZE_TENURE_RAMPED, outside
             * the range on purpose); its target likewise (an empty cell is
             * derived, as amsize_am's without has_target). Otherwise:
             * numbers, and words. */
            if (info.flags & REQ) {
                ck_assert_msg(!(info.flags & PRES), "%s: required and optional", what);
                ck_assert_ptr_null(info.defaults);
                ck_assert_str_eq(info.default_text, "");
            } else if (info.flags & PRES) {
                ck_assert_ptr_null(info.defaults);
                ck_assert_msg(info.default_text[0], "%s: a derived default without words",
                              what);
                ck_assert_uint_ne(info.presence_offset, 0);
            } else if (schema == AMSIZE_SCHEMA_ROSTER && info.field == F(TENURE_MONTHS)) {
                ck_assert_ptr_null(info.defaults);
                ck_assert_str_eq(info.default_text, "fully ramped");
            } else if (schema == AMSIZE_SCHEMA_ROSTER && info.field == F(TARGET)) {
                ck_assert_ptr_null(info.defaults);
                ck_assert_str_eq(info.default_text, TARGET_DERIVED);
            } else {
                ck_assert_ptr_nonnull(info.defaults);
                ck_assert_msg(info.default_text[0], "%s: a default without words", what);
            }
            if (!(info.flags & PRES))
                ck_assert_uint_eq(info.presence_offset, 0);

            /* A default lies in its own range, and its words read back as
             * the number: "1", "0.05", "0.40, 0.50, ..." */
            if (info.defaults) {
                const char *p = info.default_text;
                for (uint64_t k = 0; k < info.length; k++) {
                    amsize_error err;
                    char *end;
                    double d = info.defaults[k];
                    ASSERT_OK(amsize_error_init(&err));
                    ck_assert_msg(amsize_field_check(&err, schema, info.field + (int32_t)k, d,
                                                     -1) == AMSIZE_OK,
                                  "%s: default %g outside its range", what, d);
                    ck_assert_msg(strtod(p, &end) == d && end != p,
                                  "%s: default_text \"%s\" does not read as %g", what,
                                  info.default_text, d);
                    p = end;
                    if (k + 1 < info.length) {
                        ck_assert_msg(strncmp(p, ", ", 2) == 0, "%s: \"%s\"", what,
                                      info.default_text);
                        p += 2;
                    }
                }
                ck_assert_msg(*p == '\0', "%s: default_text \"%s\" has more", what,
                              info.default_text);
            }
        }
    }
}
END_TEST

/* Field ids and names are unique within a schema, and a range is written
 * once: two rows with the same bounds and the same kind of number (whole
 * or not) share a text; two with different bounds do not. ("0 or 1" for a
 * flag and "0 to 1" for a share may differ.) */
START_TEST(test_schema_unique)
{
    amsize_field_info all[48];
    size_t total = 0;

    for (int32_t schema = FIRST_SCHEMA; schema <= LAST_SCHEMA; schema++) {
        size_t n = amsize_schema_count(schema);
        for (size_t i = 0; i < n; i++) {
            amsize_field_info a = get_row(schema, i);
            for (size_t j = 0; j < i; j++) {
                amsize_field_info b = get_row(schema, j);
                ck_assert_msg(strcmp(a.name, b.name) != 0, "name %s twice", a.name);
                /* Element ids of an array are its too. */
                ck_assert_msg(a.field + (int32_t)a.length <= b.field ||
                                  b.field + (int32_t)b.length <= a.field,
                              "%s and %s share a field id", a.name, b.name);
            }
            ck_assert_uint_lt(total, sizeof all / sizeof all[0]);
            all[total++] = a;
        }
    }
    for (size_t i = 0; i < total; i++) {
        for (size_t j = 0; j < i; j++) {
            const amsize_field_info *a = &all[i], *b = &all[j];
            int same = a->min == b->min && a->max == b->max &&
                       (a->flags & (MIN_OPEN | MAX_OPEN)) == (b->flags & (MIN_OPEN | MAX_OPEN));
            int whole_a = a->type != AMSIZE_TYPE_DOUBLE, whole_b = b->type != AMSIZE_TYPE_DOUBLE;
            if (same && whole_a == whole_b)
                ck_assert_msg(strcmp(a->range_text, b->range_text) == 0,
                              "%s and %s: one range, texts \"%s\" and \"%s\"", a->name,
                              b->name, a->range_text, b->range_text);
            else if (!same)
                ck_assert_msg(strcmp(a->range_text, b->range_text) != 0,
                              "%s and %s: two ranges, one text \"%s\"", a->name, b->name,
                              a->range_text);
        }
    }
}
END_TEST

/* The texts the headers leave open still name their bounds. */
START_TEST(test_schema_range_texts_name_bounds)
{
    amsize_field_info info = fresh_info();

    /* s in 1..5 */
    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_SEGMENT, F(SUPPORT_RATING)),
                     AMSIZE_OK);
    ck_assert_ptr_nonnull(strchr(info.range_text, '1'));
    ck_assert_ptr_nonnull(strchr(info.range_text, '5'));
    /* a in [0, 1] */
    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_SEGMENT, F(CHURN_ATTRIBUTION)),
                     AMSIZE_OK);
    ck_assert_ptr_nonnull(strchr(info.range_text, '0'));
    ck_assert_ptr_nonnull(strchr(info.range_text, '1'));
    /* am_covered 0 or 1 */
    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_ACCOUNT, F(AM_COVERED)),
                     AMSIZE_OK);
    ck_assert_ptr_nonnull(strchr(info.range_text, '0'));
    ck_assert_ptr_nonnull(strchr(info.range_text, '1'));
    /* a ramp share in [0, 1] */
    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_RAMP, F(SHARE)), AMSIZE_OK);
    ck_assert_ptr_nonnull(strchr(info.range_text, '0'));
    ck_assert_ptr_nonnull(strchr(info.range_text, '1'));
}
END_TEST

/* ====================================================================== */
/* find and lookup                                                         */
/* ====================================================================== */

START_TEST(test_schema_find)
{
    amsize_field_info info = fresh_info();

    /* An element's id finds its array: selling_time[3] is the model's
     * selling_time row, which starts at element 1. */
    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_MODEL, F(SELLING_TIME_3)),
                     AMSIZE_OK);
    ck_assert_int_eq(info.field, F(SELLING_TIME_1));
    ck_assert_str_eq(info.name, "selling_time");
    ck_assert_uint_eq(info.length, 5);
    ck_assert_uint_eq(info.offset, offsetof(amsize_model, selling_time));
    ck_assert_double_eq(info.defaults[2], 0.60);

    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_SEGMENT, F(GROSS_MARGIN)),
                     AMSIZE_OK);
    ck_assert_str_eq(info.name, "gross_margin");
    ck_assert_uint_eq(info.offset, offsetof(amsize_segment, gross_margin));

    /* The same id in two schemas: each its own row. upsell has a default
     * of 0 on a segment; as an account column it is required. */
    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_SEGMENT, F(UPSELL)), AMSIZE_OK);
    ck_assert_uint_eq(info.flags & REQ, 0);
    ck_assert_double_eq(info.defaults[0], 0);
    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_ACCOUNT, F(UPSELL)), AMSIZE_OK);
    ck_assert_uint_eq(info.flags & REQ, REQ);
    ck_assert_ptr_null(info.defaults);
    ck_assert_uint_eq(info.offset, 0);

    /* The plan's: attrition in [0,1), its upper bound excluded. */
    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_STAFFING, F(ATTRITION)),
                     AMSIZE_OK);
    ck_assert_str_eq(info.name, "attrition");
    ck_assert_uint_eq(info.offset, offsetof(amsize_staffing, attrition));
    ck_assert_uint_eq(info.flags & (MIN_OPEN | MAX_OPEN), MAX_OPEN);
    ck_assert_double_eq(info.defaults[0], 0.15);
    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_ROSTER, F(TENURE_MONTHS)),
                     AMSIZE_OK);
    ck_assert_str_eq(info.name, "tenure_months");
    ck_assert_int_eq(info.type, AMSIZE_TYPE_INT32);
    ck_assert_uint_eq(info.flags & REQ, 0);
    ck_assert_ptr_null(info.defaults);
}
END_TEST

/* get, find and lookup agree on every row, and find agrees for every
 * element of an array. */
START_TEST(test_schema_accessors_agree)
{
    for (int32_t schema = FIRST_SCHEMA; schema <= LAST_SCHEMA; schema++) {
        for (size_t i = 0; i < amsize_schema_count(schema); i++) {
            amsize_field_info got = get_row(schema, i);
            for (uint64_t k = 0; k < got.length; k++) {
                amsize_field_info found = poisoned_info();
                ck_assert_int_eq(amsize_schema_find(&found, schema, got.field + (int32_t)k),
                                 AMSIZE_OK);
                ck_assert_mem_eq(&found, &got, sizeof got);
            }
            amsize_field_info looked = poisoned_info();
            ck_assert_int_eq(amsize_schema_lookup(&looked, schema, got.name), AMSIZE_OK);
            ck_assert_mem_eq(&looked, &got, sizeof got);
        }
    }
}
END_TEST

START_TEST(test_schema_lookup)
{
    amsize_field_info info = fresh_info();

    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_SEGMENT, "gross_margin"),
                     AMSIZE_OK);
    ck_assert_int_eq(info.field, F(GROSS_MARGIN));
    ck_assert_double_eq(info.min, 0);
    ck_assert_double_eq(info.max, 1);
    ck_assert_uint_eq(info.flags & (MIN_OPEN | MAX_OPEN), MIN_OPEN); /* (0, 1] */
    ck_assert_str_eq(info.range_text, "above 0 and at most 1");
    ck_assert_double_eq(info.defaults[0], 1);

    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_SEGMENT, "am_cost"), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(AM_COST));
    ck_assert_uint_eq(info.flags & REQ, REQ);
    ck_assert_ptr_null(info.defaults);
    ck_assert_str_eq(info.default_text, "");

    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_SEGMENT, "weighted_accounts"),
                     AMSIZE_OK);
    ck_assert_uint_eq(info.flags & PRES, PRES);
    ck_assert_uint_eq(info.presence_offset, offsetof(amsize_segment, has_weighted_accounts));

    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_MODEL, "selling_time"),
                     AMSIZE_OK);
    ck_assert_int_eq(info.field, F(SELLING_TIME_1));
    ck_assert_uint_eq(info.length, 5);
    ck_assert_double_eq(info.defaults[0], 0.40);
    ck_assert_double_eq(info.defaults[1], 0.50);
    ck_assert_double_eq(info.defaults[2], 0.60);
    ck_assert_double_eq(info.defaults[3], 0.70);
    ck_assert_double_eq(info.defaults[4], 0.80);

    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_ACCOUNT, "am_covered"),
                     AMSIZE_OK);
    ck_assert_int_eq(info.field, F(AM_COVERED));
    ck_assert_int_eq(info.type, AMSIZE_TYPE_UINT8);

    /* The plan's columns, by the names the issue gives them. */
    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_STAFFING, "time_to_fill"),
                     AMSIZE_OK);
    ck_assert_int_eq(info.field, F(TIME_TO_FILL));
    ck_assert_uint_eq(info.offset, offsetof(amsize_staffing, time_to_fill));
    ck_assert_double_eq(info.defaults[0], 3);
    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_STAFFING, "current_ams"),
                     AMSIZE_OK);
    ck_assert_int_eq(info.type, AMSIZE_TYPE_INT64);
    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_ROSTER, "fte"), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(FTE));
    ck_assert_uint_eq(info.flags & (MIN_OPEN | MAX_OPEN), MIN_OPEN); /* (0, 1] */
    ck_assert_str_eq(info.range_text, "above 0 and at most 1");
    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_RAMP, "share"), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(SHARE));
    ck_assert_uint_eq(info.flags & REQ, REQ);
    ck_assert_str_eq(info.default_text, "");

    /* The evaluation's, by AMS.csv's names: target on the roster and on
     * amsize_am, where has_target says whether it is given. */
    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_ROSTER, "target"), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(TARGET));
    ck_assert_uint_eq(info.flags & (REQ | PRES), 0);
    ck_assert_ptr_null(info.defaults);
    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_AM, "target"), AMSIZE_OK);
    ck_assert_uint_eq(info.flags & PRES, PRES);
    ck_assert_uint_eq(info.offset, offsetof(amsize_am, target));
    ck_assert_uint_eq(info.presence_offset, offsetof(amsize_am, has_target));
    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_AM, "segment"), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(SEGMENT));
    ck_assert_int_eq(info.type, AMSIZE_TYPE_INT32);
    ck_assert_uint_eq(info.flags & REQ, REQ);
    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_AM, "fte"), AMSIZE_OK);
    ck_assert_double_eq(info.defaults[0], 1);
}
END_TEST

/* ====================================================================== */
/* Errors                                                                  */
/* ====================================================================== */

/* Names that are not a field's: exact and case sensitive, no index, no
 * other schema's field. */
static const struct {
    int32_t schema;
    const char *name;
} no_such_name[] = {
    {AMSIZE_SCHEMA_SEGMENT, "Gross_Margin"},
    {AMSIZE_SCHEMA_SEGMENT, "gross_margin "},
    {AMSIZE_SCHEMA_SEGMENT, " gross_margin"},
    {AMSIZE_SCHEMA_SEGMENT, "gross"},
    {AMSIZE_SCHEMA_SEGMENT, ""},
    {AMSIZE_SCHEMA_SEGMENT, "has_weighted_accounts"}, /* part of its field */
    {AMSIZE_SCHEMA_SEGMENT, "struct_size"},
    {AMSIZE_SCHEMA_SEGMENT, "selling_time"},           /* the model's */
    {AMSIZE_SCHEMA_SEGMENT, "segment"},                /* the CSV's key, not a field */
    {AMSIZE_SCHEMA_MODEL, "selling_time[3]"},
    {AMSIZE_SCHEMA_MODEL, "am_cost"},
    {AMSIZE_SCHEMA_ACCOUNT, "book"},                   /* a segment's; accounts say arr */
    {AMSIZE_SCHEMA_ACCOUNT, "account_id"},
    {AMSIZE_SCHEMA_STAFFING, "reserved"},              /* padding, not a field */
    {AMSIZE_SCHEMA_STAFFING, "struct_size"},
    {AMSIZE_SCHEMA_STAFFING, "horizon"},               /* the command's option */
    {AMSIZE_SCHEMA_STAFFING, "fte"},                   /* the roster's */
    {AMSIZE_SCHEMA_ROSTER, "am_id"},                   /* AMS.csv's key */
    {AMSIZE_SCHEMA_ROSTER, "segment"},
    {AMSIZE_SCHEMA_ROSTER, "tenure"},
    {AMSIZE_SCHEMA_RAMP, "month"},                     /* RAMP.csv's key */
    {AMSIZE_SCHEMA_RAMP, "ramp_months"},               /* the staffing's */
    {AMSIZE_SCHEMA_AM, "has_target"},                  /* part of its field */
    {AMSIZE_SCHEMA_AM, "am_id"},                       /* AMS.csv's key */
    {AMSIZE_SCHEMA_AM, "segment_index"},               /* the account column */
    {AMSIZE_SCHEMA_AM, "tenure_months"},               /* the plan's */
    {AMSIZE_SCHEMA_AM, "attainment"},                  /* an output */
};

START_TEST(test_schema_lookup_unknown)
{
    amsize_field_info info = poisoned_info(), before = info;

    ck_assert_int_eq(amsize_schema_lookup(&info, no_such_name[_i].schema, no_such_name[_i].name),
                     AMSIZE_E_INDEX);
    ck_assert_mem_eq(&info, &before, sizeof info);
}
END_TEST

/* Ids that are not a field of the schema. */
static const struct {
    int32_t schema, field;
} no_such_field[] = {
    {AMSIZE_SCHEMA_SEGMENT, AMSIZE_FIELD_SELLING_TIME_1},
    {AMSIZE_SCHEMA_SEGMENT, AMSIZE_FIELD_SEGMENT_INDEX},
    {AMSIZE_SCHEMA_SEGMENT, AMSIZE_FIELD_STRUCT_SIZE},
    {AMSIZE_SCHEMA_SEGMENT, AMSIZE_FIELD_NET_RATIO}, /* an output */
    {AMSIZE_SCHEMA_SEGMENT, -1},
    {AMSIZE_SCHEMA_SEGMENT, INT32_MAX},
    {AMSIZE_SCHEMA_SEGMENT, INT32_MIN},
    {AMSIZE_SCHEMA_MODEL, AMSIZE_FIELD_AM_COST},
    {AMSIZE_SCHEMA_MODEL, AMSIZE_FIELD_SEGMENTS},
    {AMSIZE_SCHEMA_ACCOUNT, AMSIZE_FIELD_AM_COST},
    {AMSIZE_SCHEMA_ACCOUNT, AMSIZE_FIELD_BOOK},
    {AMSIZE_SCHEMA_ACCOUNT, AMSIZE_FIELD_FTE},
    {AMSIZE_SCHEMA_SEGMENT, AMSIZE_FIELD_ATTRITION},
    {AMSIZE_SCHEMA_STAFFING, AMSIZE_FIELD_SHARE},
    {AMSIZE_SCHEMA_STAFFING, AMSIZE_FIELD_STAFFING}, /* the struct, not a member */
    {AMSIZE_SCHEMA_STAFFING, AMSIZE_FIELD_WORK},
    {AMSIZE_SCHEMA_ROSTER, AMSIZE_FIELD_CURRENT_AMS},
    {AMSIZE_SCHEMA_RAMP, AMSIZE_FIELD_RAMP_MONTHS},
    {AMSIZE_SCHEMA_RAMP, AMSIZE_FIELD_TARGET},
    {AMSIZE_SCHEMA_AM, AMSIZE_FIELD_SEGMENT_INDEX},     /* the account column's id */
    {AMSIZE_SCHEMA_AM, AMSIZE_FIELD_TENURE_MONTHS},
    {AMSIZE_SCHEMA_AM, AMSIZE_FIELD_LOAD},              /* an output */
    {AMSIZE_SCHEMA_ROSTER, AMSIZE_FIELD_SEGMENT},       /* AMS.csv's name, not a number */
    {AMSIZE_SCHEMA_RAMP, 64},                          /* no field has it */
};

START_TEST(test_schema_find_unknown)
{
    amsize_field_info info = poisoned_info(), before = info;
    amsize_error err;

    ck_assert_int_eq(amsize_schema_find(&info, no_such_field[_i].schema, no_such_field[_i].field),
                     AMSIZE_E_INDEX);
    ck_assert_mem_eq(&info, &before, sizeof info);
    /* amsize_field_check() says the same, naming the field. */
    ASSERT_OK(amsize_error_init(&err));
    check_err(&err,
              amsize_field_check(&err, no_such_field[_i].schema, no_such_field[_i].field, 1, 7),
              AMSIZE_E_INDEX, 7, no_such_field[_i].field);
}
END_TEST

/* The accessors' own errors, one at a time; info is left as it was. */
START_TEST(test_schema_access_errors)
{
    amsize_field_info info = poisoned_info(), before = info;
    const size_t sizes[3] = {0, sizeof info - 8, sizeof info + 8};

    /* NULL info. */
    ck_assert_int_eq(amsize_schema_get(NULL, AMSIZE_SCHEMA_SEGMENT, 0), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_schema_find(NULL, AMSIZE_SCHEMA_SEGMENT, F(BOOK)), AMSIZE_E_NULL);
    ck_assert_int_eq(amsize_schema_lookup(NULL, AMSIZE_SCHEMA_SEGMENT, "book"), AMSIZE_E_NULL);
    /* NULL name. */
    ck_assert_int_eq(amsize_schema_lookup(&info, AMSIZE_SCHEMA_SEGMENT, NULL), AMSIZE_E_NULL);
    ck_assert_mem_eq(&info, &before, sizeof info);

    /* An info of a size this library does not know. */
    for (int k = 0; k < 3; k++) {
        amsize_field_info bad = poisoned_info(), bad0;
        bad.struct_size = (uint32_t)sizes[k];
        bad0 = bad;
        ck_assert_int_eq(amsize_schema_get(&bad, AMSIZE_SCHEMA_SEGMENT, 0),
                         AMSIZE_E_STRUCT_SIZE);
        ck_assert_int_eq(amsize_schema_find(&bad, AMSIZE_SCHEMA_SEGMENT, F(BOOK)),
                         AMSIZE_E_STRUCT_SIZE);
        ck_assert_int_eq(amsize_schema_lookup(&bad, AMSIZE_SCHEMA_SEGMENT, "book"),
                         AMSIZE_E_STRUCT_SIZE);
        ck_assert_mem_eq(&bad, &bad0, sizeof bad);
    }

    /* An unknown schema. */
    static const int32_t bad_schema[] = {0, 8, -1, INT32_MAX, INT32_MIN};
    for (size_t k = 0; k < sizeof bad_schema / sizeof bad_schema[0]; k++) {
        ck_assert_int_eq(amsize_schema_get(&info, bad_schema[k], 0), AMSIZE_E_RANGE);
        ck_assert_int_eq(amsize_schema_find(&info, bad_schema[k], F(BOOK)), AMSIZE_E_RANGE);
        ck_assert_int_eq(amsize_schema_lookup(&info, bad_schema[k], "book"), AMSIZE_E_RANGE);
    }
    ck_assert_mem_eq(&info, &before, sizeof info);

    /* An index past the end: 14 segment fields, 3 model, 7 account, 4
     * staffing, 3 roster, 1 ramp, 9 AM. */
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_SEGMENT, 14), AMSIZE_E_INDEX);
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_MODEL, 3), AMSIZE_E_INDEX);
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_ACCOUNT, 7), AMSIZE_E_INDEX);
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_STAFFING, 4), AMSIZE_E_INDEX);
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_ROSTER, 3), AMSIZE_E_INDEX);
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_RAMP, 1), AMSIZE_E_INDEX);
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_AM, 9), AMSIZE_E_INDEX);
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_SEGMENT, SIZE_MAX), AMSIZE_E_INDEX);
    ck_assert_mem_eq(&info, &before, sizeof info);
    /* ... and the last ones are there. */
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_SEGMENT, 13), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(MAX_LOAD));
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_ACCOUNT, 6), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(AM_COVERED));
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_STAFFING, 3), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(CURRENT_AMS));
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_ROSTER, 2), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(TARGET));
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_RAMP, 0), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(SHARE));
    ck_assert_int_eq(amsize_schema_get(&info, AMSIZE_SCHEMA_AM, 8), AMSIZE_OK);
    ck_assert_int_eq(info.field, F(CHURN));
}
END_TEST

START_TEST(test_field_info_init)
{
    amsize_field_info info, zero, before;

    memset(&info, 0x5A, sizeof info);
    ck_assert_int_eq(amsize_field_info_init(&info), AMSIZE_OK);
    memset(&zero, 0, sizeof zero);
    zero.struct_size = (uint32_t)sizeof zero;
    ck_assert_mem_eq(&info, &zero, sizeof info);

    ck_assert_int_eq(amsize_field_info_init_(NULL, sizeof(amsize_field_info)), AMSIZE_E_NULL);
    memset(&info, 0x5A, sizeof info);
    before = info;
    ck_assert_int_eq(amsize_field_info_init_(&info, 0), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(amsize_field_info_init_(&info, sizeof info - 8), AMSIZE_E_STRUCT_SIZE);
    ck_assert_int_eq(amsize_field_info_init_(&info, sizeof info + 8), AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(&info, &before, sizeof info);
}
END_TEST

/* ====================================================================== */
/* amsize_field_check                                                      */
/* ====================================================================== */

/* One value of one field and what schema.h says it earns: NOT_FINITE
 * first, NEGATIVE below a range of "0 or more", NOT_POSITIVE below "above
 * 0", RANGE outside any other range and for a fraction in a whole-number
 * field. The index is copied into err whatever it is. */
static const struct {
    int32_t schema, field;
    double v;
    int64_t index;
    amsize_status st;
} check_cases[] = {
#define S AMSIZE_SCHEMA_SEGMENT
#define M AMSIZE_SCHEMA_MODEL
#define A AMSIZE_SCHEMA_ACCOUNT
#define ST AMSIZE_SCHEMA_STAFFING
#define RO AMSIZE_SCHEMA_ROSTER
#define RA AMSIZE_SCHEMA_RAMP
#define AM AMSIZE_SCHEMA_AM
    {S, F(CHURN), -1, 4, AMSIZE_E_NEGATIVE},           /* C >= 0 */
    {S, F(CHURN), -DBL_MIN, 4, AMSIZE_E_NEGATIVE},
    {S, F(CHURN), 0, 4, AMSIZE_OK},
    {S, F(CHURN), -0.0, 4, AMSIZE_OK},                 /* -0 is 0, not below it */
    {S, F(ACCOUNTS), -1, 0, AMSIZE_E_NEGATIVE},
    {S, F(ACCOUNTS), 1.5, 0, AMSIZE_E_RANGE},          /* whole accounts */
    {S, F(ACCOUNTS), 200, 0, AMSIZE_OK},
    {S, F(WEIGHTED_ACCOUNTS), -1, 2, AMSIZE_E_NEGATIVE},
    {S, F(WEIGHTED_ACCOUNTS), 0.5, 2, AMSIZE_OK},      /* weights need not be whole */
    {S, F(BOOK), NAN, 1, AMSIZE_E_NOT_FINITE},
    {S, F(BOOK), INFINITY, 1, AMSIZE_E_NOT_FINITE},
    {S, F(BOOK), -INFINITY, 1, AMSIZE_E_NOT_FINITE},   /* not NEGATIVE: finite first */
    {S, F(AM_COST), 0, 2, AMSIZE_E_NOT_POSITIVE},      /* K > 0 */
    {S, F(AM_COST), -1, 2, AMSIZE_E_NOT_POSITIVE},
    {S, F(AM_COST), DBL_MIN, 2, AMSIZE_OK},
    {S, F(AM_PRODUCTIVITY), 0, 2, AMSIZE_E_NOT_POSITIVE},
    {S, F(COST_COVERAGE), 0, 2, AMSIZE_E_NOT_POSITIVE},
    {S, F(MAX_LOAD), -0.0, 2, AMSIZE_E_NOT_POSITIVE},
    {S, F(GROSS_MARGIN), 0, 3, AMSIZE_E_RANGE},        /* m in (0,1]: 0 is out */
    {S, F(GROSS_MARGIN), 1.5, 3, AMSIZE_E_RANGE},
    {S, F(GROSS_MARGIN), -0.5, 3, AMSIZE_E_RANGE},     /* not "0 or more": RANGE */
    {S, F(GROSS_MARGIN), 1, 3, AMSIZE_OK},
    {S, F(GROSS_MARGIN), 1e-300, 3, AMSIZE_OK},
    {S, F(GROSS_MARGIN), NAN, 3, AMSIZE_E_NOT_FINITE},
    {S, F(CHURN_ATTRIBUTION), -0.1, 5, AMSIZE_E_RANGE}, /* a in [0,1] */
    {S, F(CHURN_ATTRIBUTION), 1.0000001, 5, AMSIZE_E_RANGE},
    {S, F(CHURN_ATTRIBUTION), 0, 5, AMSIZE_OK},
    {S, F(CHURN_ATTRIBUTION), 1, 5, AMSIZE_OK},
    {S, F(SUPPORT_RATING), 2.5, 6, AMSIZE_E_RANGE},    /* a whole rating */
    {S, F(SUPPORT_RATING), 0, 6, AMSIZE_E_RANGE},
    {S, F(SUPPORT_RATING), 6, 6, AMSIZE_E_RANGE},
    {S, F(SUPPORT_RATING), 1, 6, AMSIZE_OK},
    {S, F(SUPPORT_RATING), 5, 6, AMSIZE_OK},
    {S, F(SUPPORT_RATING), NAN, 6, AMSIZE_E_NOT_FINITE},
    {S, F(GROWTH_PER_ACCOUNT), -1e300, -1, AMSIZE_OK}, /* any finite g */
    {S, F(GROWTH_PER_ACCOUNT), -INFINITY, -1, AMSIZE_E_NOT_FINITE},
    {M, F(SELLING_TIME_3), 0, -1, AMSIZE_E_RANGE},     /* T in (0,1]; the element named */
    {M, F(SELLING_TIME_5), 1.5, -1, AMSIZE_E_RANGE},
    {M, F(SELLING_TIME_1), NAN, -1, AMSIZE_E_NOT_FINITE},
    {M, F(SELLING_TIME_2), 1, -1, AMSIZE_OK},
    {M, F(RATING_HIGH), -5, -1, AMSIZE_OK},            /* thresholds: any finite */
    {M, F(RATING_MEDIUM), INFINITY, -1, AMSIZE_E_NOT_FINITE},
    {A, F(ARR), -1, 37, AMSIZE_E_NEGATIVE},
    {A, F(CHURN), NAN, 37, AMSIZE_E_NOT_FINITE},
    {A, F(SERVICE_WEIGHT), 0, 37, AMSIZE_E_NOT_POSITIVE},
    {A, F(SERVICE_WEIGHT), 0.25, 37, AMSIZE_OK},
    {A, F(AM_COVERED), 2, 37, AMSIZE_E_RANGE},         /* 0 or 1 */
    {A, F(AM_COVERED), 0.5, 37, AMSIZE_E_RANGE},
    {A, F(AM_COVERED), 1, 37, AMSIZE_OK},
    {A, F(SEGMENT_INDEX), 1.5, 37, AMSIZE_E_RANGE},    /* an index is whole */
    {A, F(SEGMENT_INDEX), 0, 37, AMSIZE_OK},
    /* amsize_totals_add() calls a segment outside 0..segments-1 INDEX. */
    {A, F(SEGMENT_INDEX), -1, 37, AMSIZE_E_INDEX},
    /* A count is bounded by its type: int64_t holds up to 2^63 - 1, and
     * 2^63 - 1024 is the largest double below 2^63. */
    {S, F(ACCOUNTS), 1e300, 0, AMSIZE_E_RANGE},
    {S, F(ACCOUNTS), 9223372036854775808.0, 0, AMSIZE_E_RANGE},
    {S, F(ACCOUNTS), 9223372036854774784.0, 0, AMSIZE_OK},
    {A, F(AM_COVERED), 256, 37, AMSIZE_E_RANGE},       /* outside 0..1 first */
    /* The plan's (issue 15). attrition in [0,1): 1 itself is out, and
     * below 0 is RANGE, the range not being "0 or more". */
    {ST, F(ATTRITION), 1, -1, AMSIZE_E_RANGE},
    {ST, F(ATTRITION), -0.1, -1, AMSIZE_E_RANGE},
    {ST, F(ATTRITION), 0, -1, AMSIZE_OK},
    {ST, F(ATTRITION), 0.999, -1, AMSIZE_OK},
    {ST, F(ATTRITION), NAN, -1, AMSIZE_E_NOT_FINITE},
    {ST, F(TIME_TO_FILL), -1, 2, AMSIZE_E_NEGATIVE},   /* whole months >= 0 */
    {ST, F(TIME_TO_FILL), 1.5, 2, AMSIZE_E_RANGE},
    {ST, F(TIME_TO_FILL), 0, 2, AMSIZE_OK},
    {ST, F(TIME_TO_FILL), 2147483647.0, 2, AMSIZE_OK}, /* INT32_MAX */
    {ST, F(TIME_TO_FILL), 2147483648.0, 2, AMSIZE_E_RANGE}, /* an int32_t cannot hold it */
    {ST, F(RAMP_MONTHS), -1, 2, AMSIZE_E_NEGATIVE},
    {ST, F(RAMP_MONTHS), 0, 2, AMSIZE_OK},
    {ST, F(CURRENT_AMS), -1, 2, AMSIZE_E_NEGATIVE},
    {ST, F(CURRENT_AMS), 2.5, 2, AMSIZE_E_RANGE},      /* whole AMs */
    {ST, F(CURRENT_AMS), 11, 2, AMSIZE_OK},
    {RO, F(FTE), 0, 8, AMSIZE_E_RANGE},                /* (0,1], not "above 0" */
    {RO, F(FTE), 1.5, 8, AMSIZE_E_RANGE},
    {RO, F(FTE), 0.5, 8, AMSIZE_OK},
    {RO, F(FTE), 1, 8, AMSIZE_OK},
    {RO, F(TENURE_MONTHS), -2, 8, AMSIZE_E_NEGATIVE},
    /* AMSIZE_TENURE_RAMPED is no value of the range: the plan takes it
     * beside the table, which says NEGATIVE like any other -1. */
    {RO, F(TENURE_MONTHS), -1, 8, AMSIZE_E_NEGATIVE},
    {RO, F(TENURE_MONTHS), 0.5, 8, AMSIZE_E_RANGE},
    {RO, F(TENURE_MONTHS), 10, 8, AMSIZE_OK},
    {RA, F(SHARE), 1.5, 3, AMSIZE_E_RANGE},            /* [0,1] */
    {RA, F(SHARE), -0.1, 3, AMSIZE_E_RANGE},
    {RA, F(SHARE), 0, 3, AMSIZE_OK},
    {RA, F(SHARE), 1, 3, AMSIZE_OK},
    {RA, F(SHARE), INFINITY, 3, AMSIZE_E_NOT_FINITE},
    /* The evaluation's (issue 12). A roster AM's target >= 0. */
    {RO, F(TARGET), -1, 4, AMSIZE_E_NEGATIVE},
    {RO, F(TARGET), 0, 4, AMSIZE_OK},
    {RO, F(TARGET), 2.5e5, 4, AMSIZE_OK},
    {RO, F(TARGET), NAN, 4, AMSIZE_E_NOT_FINITE},
    /* amsize_am: segment an index (INDEX below 0, like segment_index;
     * the upper end is the call's), fte (0,1], target and the sums >= 0,
     * accounts whole. */
    {AM, F(SEGMENT), -1, 6, AMSIZE_E_INDEX},
    {AM, F(SEGMENT), 1.5, 6, AMSIZE_E_RANGE},
    {AM, F(SEGMENT), 0, 6, AMSIZE_OK},
    {AM, F(SEGMENT), 2147483648.0, 6, AMSIZE_E_INDEX}, /* past the int32_t's range */
    {AM, F(FTE), 0, 6, AMSIZE_E_RANGE},
    {AM, F(FTE), 1.0000001, 6, AMSIZE_E_RANGE},
    {AM, F(FTE), 0.25, 6, AMSIZE_OK},
    {AM, F(TARGET), -0.01, 6, AMSIZE_E_NEGATIVE},
    {AM, F(TARGET), 0, 6, AMSIZE_OK},
    {AM, F(TARGET), INFINITY, 6, AMSIZE_E_NOT_FINITE},
    {AM, F(ACCOUNTS), -1, 6, AMSIZE_E_NEGATIVE},
    {AM, F(ACCOUNTS), 2.5, 6, AMSIZE_E_RANGE},
    {AM, F(ACCOUNTS), 0, 6, AMSIZE_OK},
    {AM, F(WEIGHTED_ACCOUNTS), 2.5, 6, AMSIZE_OK},
    {AM, F(BOOK), -1, 6, AMSIZE_E_NEGATIVE},
    {AM, F(UPSELL), NAN, 6, AMSIZE_E_NOT_FINITE},
    {AM, F(CROSS_SELL), -DBL_MIN, 6, AMSIZE_E_NEGATIVE},
    {AM, F(CHURN), 1e300, 6, AMSIZE_OK},
#undef S
#undef M
#undef A
#undef ST
#undef RO
#undef RA
#undef AM
};

START_TEST(test_field_check)
{
    amsize_error err;
    amsize_status st;

    ASSERT_OK(amsize_error_init(&err));
    st = amsize_field_check(&err, check_cases[_i].schema, check_cases[_i].field,
                            check_cases[_i].v, check_cases[_i].index);
    if (check_cases[_i].st == AMSIZE_OK) {
        /* Success clears the report. */
        ck_assert_int_eq(st, AMSIZE_OK);
        ck_assert_int_eq(err.status, AMSIZE_OK);
        ck_assert_int_eq(err.index, -1);
        ck_assert_int_eq(err.field, AMSIZE_FIELD_NONE);
    } else {
        check_err(&err, st, check_cases[_i].st, check_cases[_i].index, check_cases[_i].field);
    }
    /* Without a report the status is the same. */
    ck_assert_int_eq(amsize_field_check(NULL, check_cases[_i].schema, check_cases[_i].field,
                                        check_cases[_i].v, check_cases[_i].index),
                     check_cases[_i].st);
}
END_TEST

START_TEST(test_field_check_errors)
{
    amsize_error err, err0;

    /* An unknown schema: RANGE, no field named. */
    ASSERT_OK(amsize_error_init(&err));
    check_err(&err, amsize_field_check(&err, 0, F(BOOK), 1, 3), AMSIZE_E_RANGE, 3,
              AMSIZE_FIELD_NONE);
    check_err(&err, amsize_field_check(&err, 8, F(TARGET), 0.5, 3), AMSIZE_E_RANGE, 3,
              AMSIZE_FIELD_NONE);

    /* A report of another size is refused and left alone. */
    ASSERT_OK(amsize_error_init(&err));
    err.struct_size = 16;
    err0 = err;
    ck_assert_int_eq(amsize_field_check(&err, AMSIZE_SCHEMA_SEGMENT, F(CHURN), -1, 0),
                     AMSIZE_E_STRUCT_SIZE);
    ck_assert_mem_eq(&err, &err0, sizeof err);
}
END_TEST

/* amsize_field_check() gives the status amsize_segment_check() gives for
 * the same value in an otherwise valid segment (Enterprise), field by
 * field: the checks are one. Values a whole-number field cannot hold are
 * skipped. */
START_TEST(test_field_check_agrees_with_segment_check)
{
    static const double values[] = {NAN, INFINITY, -INFINITY, -1, -0.0, 0, 1e-300, 0.5, 1,
                                    1.5, 2, 5, 6, 1e300};
    size_t n = amsize_schema_count(AMSIZE_SCHEMA_SEGMENT);

    for (size_t i = 0; i < n; i++) {
        amsize_field_info info = get_row(AMSIZE_SCHEMA_SEGMENT, i);
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
            double x = values[v];
            amsize_segment s;
            amsize_error e1, e2;
            unsigned char *p;

            seg_enterprise(&s);
            p = (unsigned char *)&s + info.offset;
            if (info.type == AMSIZE_TYPE_INT32) {
                if (!(x == floor(x) && fabs(x) <= INT32_MAX))
                    continue;
                int32_t k = (int32_t)x;
                memcpy(p, &k, sizeof k);
            } else if (info.type == AMSIZE_TYPE_INT64) {
                if (!(x == floor(x) && fabs(x) <= 1e18))
                    continue;
                int64_t k = (int64_t)x;
                memcpy(p, &k, sizeof k);
            } else {
                memcpy(p, &x, sizeof x);
            }
            if (info.flags & PRES) {
                int32_t one = 1;
                memcpy((unsigned char *)&s + info.presence_offset, &one, sizeof one);
            }
            ASSERT_OK(amsize_error_init(&e1));
            ASSERT_OK(amsize_error_init(&e2));
            amsize_status a = amsize_field_check(&e1, AMSIZE_SCHEMA_SEGMENT, info.field, x, 9);
            amsize_status b = amsize_segment_check(&e2, &s, 9);
            ck_assert_msg(a == b, "%s = %g: field_check %s, segment_check %s (field %s)",
                          info.name, x, amsize_strerror(a), amsize_strerror(b),
                          amsize_field_name(e2.field));
            ck_assert_mem_eq(&e1, &e2, sizeof e1);
        }
    }
}
END_TEST

/* The same for the model: a value amsize_field_check() refuses is refused
 * by amsize_model_check() with the same report. (A value it accepts may
 * still break the order of the table or of the thresholds, which it does
 * not check.) */
START_TEST(test_field_check_agrees_with_model_check)
{
    static const double values[] = {NAN, INFINITY, -INFINITY, -1, -0.0, 0, 1.5, 1e300};
    static const int32_t fields[] = {F(SELLING_TIME_1), F(SELLING_TIME_2), F(SELLING_TIME_3),
                                     F(SELLING_TIME_4), F(SELLING_TIME_5), F(RATING_HIGH),
                                     F(RATING_MEDIUM)};

    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
            amsize_model m;
            amsize_error e1, e2;
            double *slot = f < 5 ? &m.selling_time[f] : f == 5 ? &m.rating_high
                                                              : &m.rating_medium;

            ASSERT_OK(amsize_model_init(&m));
            *slot = values[v];
            ASSERT_OK(amsize_error_init(&e1));
            ASSERT_OK(amsize_error_init(&e2));
            amsize_status a = amsize_field_check(&e1, AMSIZE_SCHEMA_MODEL, fields[f], values[v],
                                                 -1);
            amsize_status b = amsize_model_check(&e2, &m);
            if (a == AMSIZE_OK)
                continue;
            ck_assert_msg(a == b, "%s = %g: field_check %s, model_check %s",
                          amsize_field_name(fields[f]), values[v], amsize_strerror(a),
                          amsize_strerror(b));
            ck_assert_mem_eq(&e1, &e2, sizeof e1);
        }
    }
}
END_TEST

/* The same for the plan's staffing: amsize_staffing_check() on a
 * defaulted struct with one field replaced gives amsize_field_check()'s
 * report. Values a whole-number field cannot hold are skipped. */
START_TEST(test_field_check_agrees_with_staffing_check)
{
    static const double values[] = {NAN, INFINITY, -INFINITY, -1, -0.0, 0, 0.15, 0.5, 1,
                                    1.5, 3, 1e300};
    size_t n = amsize_schema_count(AMSIZE_SCHEMA_STAFFING);

    for (size_t i = 0; i < n; i++) {
        amsize_field_info info = get_row(AMSIZE_SCHEMA_STAFFING, i);
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
            double x = values[v];
            amsize_staffing st;
            amsize_error e1, e2;
            unsigned char *p;

            ASSERT_OK(amsize_staffing_init(&st, 1));
            p = (unsigned char *)&st + info.offset;
            if (info.type == AMSIZE_TYPE_INT32) {
                if (!(x == floor(x) && fabs(x) <= INT32_MAX))
                    continue;
                int32_t k = (int32_t)x;
                memcpy(p, &k, sizeof k);
            } else if (info.type == AMSIZE_TYPE_INT64) {
                if (!(x == floor(x) && fabs(x) <= 1e18))
                    continue;
                int64_t k = (int64_t)x;
                memcpy(p, &k, sizeof k);
            } else {
                memcpy(p, &x, sizeof x);
            }
            ASSERT_OK(amsize_error_init(&e1));
            ASSERT_OK(amsize_error_init(&e2));
            amsize_status a = amsize_field_check(&e1, AMSIZE_SCHEMA_STAFFING, info.field, x, 9);
            amsize_status b = amsize_staffing_check(&e2, &st, 9);
            ck_assert_msg(a == b, "%s = %g: field_check %s, staffing_check %s (field %s)",
                          info.name, x, amsize_strerror(a), amsize_strerror(b),
                          amsize_field_name(e2.field));
            ck_assert_mem_eq(&e1, &e2, sizeof e1);
        }
    }
}
END_TEST

/* And for the account columns: one row into amsize_totals_add() with one
 * value replaced gives the report amsize_field_check() gives for it (row
 * 0). segment_index is left out: amsize_totals_add() refuses an index
 * outside 0..totals_len-1, a bound the table cannot know, with
 * AMSIZE_E_INDEX. */
START_TEST(test_field_check_agrees_with_totals_add)
{
    static const double values[] = {NAN, INFINITY, -INFINITY, -1, -0.0, 0, 0.5, 1, 2, 255};
    static const int32_t fields[] = {F(ARR), F(UPSELL), F(CROSS_SELL), F(CHURN),
                                     F(SERVICE_WEIGHT), F(AM_COVERED)};

    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
            const int32_t seg = 0;
            double col[5] = {1000, 10, 10, 10, 1}; /* arr, up, cross, churn, weight */
            uint8_t cov = 1;
            amsize_totals t[1];
            amsize_error e1, e2;
            double x = values[v];

            if (f < 5) {
                col[f] = x;
            } else {
                if (!(x == floor(x) && x >= 0 && x <= 255))
                    continue; /* a uint8_t cannot hold it */
                cov = (uint8_t)x;
            }
            ASSERT_OK(amsize_totals_init(t, 1));
            ASSERT_OK(amsize_error_init(&e1));
            ASSERT_OK(amsize_error_init(&e2));
            amsize_status a = amsize_field_check(&e1, AMSIZE_SCHEMA_ACCOUNT, fields[f], x, 0);
            amsize_status b = amsize_totals_add(t, 1, &e2, &seg, 1, &col[0], &col[1], &col[2],
                                                &col[3], &col[4], &cov);
            /* 1e300 is the chunk limit, not a range: none of these values
             * reaches it. */
            ck_assert_msg(a == b, "%s = %g: field_check %s, totals_add %s",
                          amsize_field_name(fields[f]), x, amsize_strerror(a),
                          amsize_strerror(b));
            ck_assert_mem_eq(&e1, &e2, sizeof e1);
        }
    }
}
END_TEST

/* ====================================================================== */
/* Defaults                                                                */
/* ====================================================================== */

/* amsize_segment_init() and amsize_model_init() write exactly the table's
 * defaults: each field with defaults holds them, each without holds 0, and
 * every has_* flag is 0. The struct, rebuilt from the README's defaults
 * alone, is byte for byte the same. */
START_TEST(test_init_writes_table_defaults)
{
    amsize_segment s, want_s;
    amsize_model m, want_m;
    size_t n;

    memset(&s, 0x5A, sizeof s);
    ASSERT_OK(amsize_segment_init(&s, 1));
    n = amsize_schema_count(AMSIZE_SCHEMA_SEGMENT);
    for (size_t i = 0; i < n; i++) {
        amsize_field_info info = get_row(AMSIZE_SCHEMA_SEGMENT, i);
        double got = read_member(&s, info.type, info.offset, 0);
        double want = info.defaults ? info.defaults[0] : 0;
        ck_assert_msg(got == want, "%s: init wrote %g, the table says %g", info.name, got,
                      want);
        if (info.flags & PRES)
            ck_assert_double_eq(read_member(&s, AMSIZE_TYPE_INT32, info.presence_offset, 0), 0);
    }
    /* README: s = 3, a = 1, m = 1, r = 1; N, B, U, X, C = 0; the rest 0
     * and unset. */
    memset(&want_s, 0, sizeof want_s);
    want_s.struct_size = (uint32_t)sizeof want_s;
    want_s.support_rating = 3;
    want_s.churn_attribution = 1;
    want_s.gross_margin = 1;
    want_s.cost_coverage = 1;
    ck_assert_mem_eq(&s, &want_s, sizeof s);

    memset(&m, 0x5A, sizeof m);
    ASSERT_OK(amsize_model_init(&m));
    n = amsize_schema_count(AMSIZE_SCHEMA_MODEL);
    for (size_t i = 0; i < n; i++) {
        amsize_field_info info = get_row(AMSIZE_SCHEMA_MODEL, i);
        for (uint64_t k = 0; k < info.length; k++) {
            double got = read_member(&m, info.type, info.offset, k);
            ck_assert_msg(got == info.defaults[k], "%s[%d]: init wrote %g, the table says %g",
                          info.name, (int)k, got, info.defaults[k]);
        }
    }
    /* README: T = {0.40, 0.50, 0.60, 0.70, 0.80}, high 15%, medium 5%. */
    memset(&want_m, 0, sizeof want_m);
    want_m.struct_size = (uint32_t)sizeof want_m;
    want_m.selling_time[0] = 0.40;
    want_m.selling_time[1] = 0.50;
    want_m.selling_time[2] = 0.60;
    want_m.selling_time[3] = 0.70;
    want_m.selling_time[4] = 0.80;
    want_m.rating_high = 0.15;
    want_m.rating_medium = 0.05;
    ck_assert_mem_eq(&m, &want_m, sizeof m);
}
END_TEST

/* amsize_staffing_init() writes exactly the table's defaults, in every
 * element it is given; rebuilt from plan.h's defaults alone (L 3, ramp 6,
 * attrition 0.15, no AMs, reserved 0) the struct is byte for byte the
 * same. */
START_TEST(test_staffing_init_writes_table_defaults)
{
    amsize_staffing st[2], want;
    size_t n = amsize_schema_count(AMSIZE_SCHEMA_STAFFING);

    memset(st, 0x5A, sizeof st);
    ASSERT_OK(amsize_staffing_init(st, 2));
    for (int e = 0; e < 2; e++) {
        for (size_t i = 0; i < n; i++) {
            amsize_field_info info = get_row(AMSIZE_SCHEMA_STAFFING, i);
            double got = read_member(&st[e], info.type, info.offset, 0);
            ck_assert_ptr_nonnull(info.defaults);
            ck_assert_msg(got == info.defaults[0], "%s: init wrote %g, the table says %g",
                          info.name, got, info.defaults[0]);
        }
    }
    memset(&want, 0, sizeof want);
    want.struct_size = (uint32_t)sizeof want;
    want.time_to_fill = 3;
    want.ramp_months = 6;
    want.attrition = 0.15;
    want.current_ams = 0;
    ck_assert_mem_eq(&st[0], &want, sizeof want);
    ck_assert_mem_eq(&st[1], &want, sizeof want);
    /* ... and the defaults pass the staffing check. */
    ASSERT_OK(amsize_staffing_check(NULL, &st[0], 0));
}
END_TEST

/* amsize_am_init() writes exactly the table's defaults, in every element
 * it is given; rebuilt from evaluate.h alone (fte 1, the target derived,
 * no accounts, segment 0, reserved 0) the struct is byte for byte the
 * same. */
START_TEST(test_am_init_writes_table_defaults)
{
    amsize_am am[2], want;
    size_t n = amsize_schema_count(AMSIZE_SCHEMA_AM);

    memset(am, 0x5A, sizeof am);
    ASSERT_OK(amsize_am_init(am, 2));
    for (int e = 0; e < 2; e++) {
        for (size_t i = 0; i < n; i++) {
            amsize_field_info info = get_row(AMSIZE_SCHEMA_AM, i);
            double got = read_member(&am[e], info.type, info.offset, 0);
            double want_v = info.defaults ? info.defaults[0] : 0;
            ck_assert_msg(got == want_v, "%s: init wrote %g, the table says %g", info.name, got,
                          want_v);
            if (info.flags & PRES)
                ck_assert_double_eq(
                    read_member(&am[e], AMSIZE_TYPE_INT32, info.presence_offset, 0), 0);
        }
    }
    memset(&want, 0, sizeof want);
    want.struct_size = (uint32_t)sizeof want;
    want.fte = 1;
    ck_assert_mem_eq(&am[0], &want, sizeof want);
    ck_assert_mem_eq(&am[1], &want, sizeof want);
}
END_TEST

/* The account columns' defaults are what amsize_totals_add() does with a
 * NULL column: service_weight NULL is a weight of 1 per account (the
 * table's default), am_covered NULL is 0. */
START_TEST(test_account_defaults_are_totals_nulls)
{
    const int32_t seg[3] = {0, 1, 0};
    const double arr[3] = {100, 200, 300}, up[3] = {1, 2, 3}, zero[3] = {0, 0, 0};
    double w[3];
    uint8_t cov[3];
    amsize_totals with_null[2], with_default[2];
    amsize_field_info info = fresh_info();

    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_ACCOUNT, F(SERVICE_WEIGHT)),
                     AMSIZE_OK);
    ck_assert_ptr_nonnull(info.defaults);
    for (int i = 0; i < 3; i++)
        w[i] = info.defaults[0];
    ck_assert_int_eq(amsize_schema_find(&info, AMSIZE_SCHEMA_ACCOUNT, F(AM_COVERED)),
                     AMSIZE_OK);
    ck_assert_ptr_nonnull(info.defaults);
    for (int i = 0; i < 3; i++)
        cov[i] = (uint8_t)info.defaults[0];

    ASSERT_OK(amsize_totals_init(with_null, 2));
    ASSERT_OK(amsize_totals_init(with_default, 2));
    ASSERT_OK(amsize_totals_add(with_null, 2, NULL, seg, 3, arr, up, zero, zero, NULL, NULL));
    ASSERT_OK(amsize_totals_add(with_default, 2, NULL, seg, 3, arr, up, zero, zero, w, cov));
    ck_assert_mem_eq(with_null, with_default, sizeof with_null);
}
END_TEST

/* ====================================================================== */
/* Suite                                                                   */
/* ====================================================================== */

static Suite *schema_suite(void)
{
    Suite *s = suite_create("schema");
    TCase *tc;

    tc = add_tcase(s, "rows");
    tcase_add_test(tc, test_schema_count);
    tcase_add_loop_test(tc, test_schema_row, 0, ALL_ROWS);
    tcase_add_test(tc, test_schema_names_are_field_names);
    tcase_add_test(tc, test_schema_covers_structs);
    tcase_add_test(tc, test_schema_every_field_described);
    tcase_add_test(tc, test_schema_unique);
    tcase_add_test(tc, test_schema_range_texts_name_bounds);

    tc = add_tcase(s, "find_lookup");
    tcase_add_test(tc, test_schema_find);
    tcase_add_test(tc, test_schema_accessors_agree);
    tcase_add_test(tc, test_schema_lookup);

    tc = add_tcase(s, "errors");
    tcase_add_loop_test(tc, test_schema_lookup_unknown, 0, N_OF(no_such_name));
    tcase_add_loop_test(tc, test_schema_find_unknown, 0, N_OF(no_such_field));
    tcase_add_test(tc, test_schema_access_errors);
    tcase_add_test(tc, test_field_info_init);

    tc = add_tcase(s, "field_check");
    tcase_add_loop_test(tc, test_field_check, 0, N_OF(check_cases));
    tcase_add_test(tc, test_field_check_errors);
    tcase_add_test(tc, test_field_check_agrees_with_segment_check);
    tcase_add_test(tc, test_field_check_agrees_with_model_check);
    tcase_add_test(tc, test_field_check_agrees_with_staffing_check);
    tcase_add_test(tc, test_field_check_agrees_with_totals_add);

    tc = add_tcase(s, "defaults");
    tcase_add_test(tc, test_init_writes_table_defaults);
    tcase_add_test(tc, test_staffing_init_writes_table_defaults);
    tcase_add_test(tc, test_am_init_writes_table_defaults);
    tcase_add_test(tc, test_account_defaults_are_totals_nulls);

    return s;
}

int main(void)
{
    return run_suite(schema_suite());
}
