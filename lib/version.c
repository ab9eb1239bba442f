/* Versions and struct sizes (see amsize/version.h): what the loaded
 * library is, and the size checks every init function makes. */
#include "internal.h"

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
AMSIZE__ASSERT_SIZE(amsize_staffing, 32);
AMSIZE__ASSERT_SIZE(amsize_plan_month, 88);
AMSIZE__ASSERT_SIZE(amsize_plan_summary, 64);
AMSIZE__ASSERT_SIZE(amsize_am, 80);
AMSIZE__ASSERT_SIZE(amsize_am_eval, 56);
AMSIZE__ASSERT_SIZE(amsize_segment_eval, 320);
/* Pointers make this one target-dependent: 96 bytes on LP64. */
AMSIZE__ASSERT_SIZE(amsize_field_info, 5 * sizeof(void *) + 56);

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
    case AMSIZE_STRUCT_FIELD_INFO: return sizeof(amsize_field_info);
    case AMSIZE_STRUCT_STAFFING: return sizeof(amsize_staffing);
    case AMSIZE_STRUCT_PLAN_MONTH: return sizeof(amsize_plan_month);
    case AMSIZE_STRUCT_PLAN_SUMMARY: return sizeof(amsize_plan_summary);
    case AMSIZE_STRUCT_AM: return sizeof(amsize_am);
    case AMSIZE_STRUCT_AM_EVAL: return sizeof(amsize_am_eval);
    case AMSIZE_STRUCT_SEGMENT_EVAL: return sizeof(amsize_segment_eval);
    default: return 0;
    }
}

amsize_status amsize__init_check(const void *p, size_t len, size_t struct_size,
                                 size_t expected)
{
    if (!p && len > 0)
        return AMSIZE_E_NULL;
    /* Each struct has had one size so far; a release that appends fields
     * lists the sizes of every earlier release here and accepts each. */
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
