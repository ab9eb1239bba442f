/* Status codes and the error report (see amsize/status.h). */
#include "internal.h"

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
        "churn_attributed", "roi", "attrition", "time_to_fill", "ramp_months",
        "current_ams", "share", "fte", "tenure_months", "work", "staffing", "segment",
        "target", "below_plan", "ams", "am_evals", "coverage", "csm", "attainment", "load",
        "net_per_fte", "observed_productivity",
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

amsize_status amsize_error_init_(amsize_error *err, size_t struct_size)
{
    TRY(amsize__init_check(err, 1, struct_size, sizeof(amsize_error)));
    memset(err, 0, sizeof *err);
    err->struct_size = (uint32_t)struct_size;
    err->index = -1;
    return AMSIZE_OK;
}
