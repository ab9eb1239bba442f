/* libamsize: the field table, every input's name, type, default and range.
 *
 * Each input struct (amsize_segment, amsize_model) and the account columns
 * of amsize_totals_add() is described by a table inside the library. The
 * library's own checks read their ranges from it, and so should anything
 * that reads, writes or documents inputs: a CSV reader takes its column
 * names and defaults from it, a binding its error texts, a spreadsheet its
 * headers. A new field is then one row here and nothing elsewhere.
 *
 * The table is reached through functions, never an exported array, so that
 * a minor release can append rows. Rows of a schema come in the order of
 * the struct's declaration (for the account columns, the argument order of
 * amsize_totals_add(), of amsize_plan_compute()). Added in 1.1.
 */
#ifndef AMSIZE_SCHEMA_H
#define AMSIZE_SCHEMA_H

#include "amsize/export.h"
#include "amsize/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Which table. Fixed values; appended only. */
typedef enum amsize_schema {
    AMSIZE_SCHEMA_SEGMENT = 1, /* amsize_segment (segment.h) */
    AMSIZE_SCHEMA_MODEL   = 2, /* amsize_model (segment.h) */
    AMSIZE_SCHEMA_ACCOUNT = 3, /* the columns of amsize_totals_add() */
    AMSIZE_SCHEMA_STAFFING = 4, /* amsize_staffing (plan.h) */
    AMSIZE_SCHEMA_ROSTER  = 5, /* one AM of the roster (AMS.csv): the columns
                                  of amsize_plan_compute(), then target */
    AMSIZE_SCHEMA_RAMP    = 6, /* one month of a ramp curve */
    AMSIZE_SCHEMA_AM      = 7  /* amsize_am (evaluate.h), from 1.1 */
} amsize_schema;

/* How a field is stored. Fixed values; appended only. Whole-number types
 * accept only whole values within their bounds. */
typedef enum amsize_type {
    AMSIZE_TYPE_DOUBLE = 1, /* double */
    AMSIZE_TYPE_INT32  = 2, /* int32_t */
    AMSIZE_TYPE_INT64  = 3, /* int64_t */
    AMSIZE_TYPE_UINT8  = 4  /* uint8_t, a 0/1 flag column */
} amsize_type;

/* amsize_field_info.flags bits. Fixed values. */
#define AMSIZE_FIELDINFO_REQUIRED    UINT32_C(0x01) /* no default: the caller
                                                       must give a value */
#define AMSIZE_FIELDINFO_MIN_OPEN    UINT32_C(0x02) /* min itself is excluded */
#define AMSIZE_FIELDINFO_MAX_OPEN    UINT32_C(0x04) /* max itself is excluded */
#define AMSIZE_FIELDINFO_PRESENCE    UINT32_C(0x08) /* used only when the int32
                                                       at presence_offset is 1;
                                                       else derived (see
                                                       default_text) */
#define AMSIZE_FIELDINFO_FROM_TOTALS UINT32_C(0x10) /* amsize_totals_segment()
                                                       fills it from accounts */

/* One field of a table. Every pointer is to static storage in the library
 * and never NULL unless said. Guaranteed size: 96 bytes from 1.1 on LP64
 * targets (amsize.h); initialise it with amsize_field_info_init(). */
typedef struct amsize_field_info {
    uint32_t struct_size;      /* set by amsize_field_info_init() */
    int32_t field;             /* amsize_field; for an array, its first
                                  element's (AMSIZE_FIELD_SELLING_TIME_1) */
    const char *name;          /* snake_case, as amsize_field_name() spells
                                  it without an index: the CSV column name */
    const char *description;   /* one plain-English line with the unit */
    const char *range_text;    /* the allowed range in words, e.g. "above 0
                                  and at most 1"; "any finite number" */
    const char *default_text;  /* the default in words: "1", "0.40, 0.50,
                                  0.60, 0.70, 0.80", "accounts" (derived);
                                  "" when the field is required */
    const double *defaults;    /* length values; NULL when the field is
                                  required or its default is derived */
    int32_t type;              /* amsize_type */
    uint32_t flags;            /* AMSIZE_FIELDINFO_* */
    double min;                /* lower bound; -INFINITY when none */
    double max;                /* upper bound; INFINITY when none */
    uint64_t offset;           /* byte offset in the struct; 0 for the
                                  account columns, which are arrays */
    uint64_t length;           /* 1, or the array's length (selling_time: 5;
                                  one field id per element, consecutive) */
    uint64_t presence_offset;  /* with AMSIZE_FIELDINFO_PRESENCE: offset of
                                  the int32_t has_* flag; else 0 */
} amsize_field_info;

/* Sets struct_size and clears the rest. Errors: AMSIZE_E_NULL,
 * AMSIZE_E_STRUCT_SIZE. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_field_info_init_(amsize_field_info *info,
                                                 size_t struct_size);
#define amsize_field_info_init(info) \
    amsize_field_info_init_((info), sizeof(amsize_field_info))

/* The number of fields of a schema; 0 for an unknown schema. */
AMSIZE_API size_t amsize_schema_count(int32_t schema);

/* Field number index (0..amsize_schema_count(schema)-1) of a schema.
 * Errors: AMSIZE_E_NULL (info), AMSIZE_E_STRUCT_SIZE (info's size),
 * AMSIZE_E_RANGE (unknown schema), AMSIZE_E_INDEX (index). info is left
 * as it was on error. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_schema_get(amsize_field_info *info,
                                                              int32_t schema, size_t index);

/* The field of a schema with id field (an array element's id finds the
 * array). Errors as amsize_schema_get(), AMSIZE_E_INDEX meaning that the
 * schema has no such field. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_schema_find(amsize_field_info *info,
                                                               int32_t schema, int32_t field);

/* The field of a schema whose name is exactly name (no index, case
 * sensitive). Errors as amsize_schema_get(); AMSIZE_E_NULL also for a NULL
 * name, AMSIZE_E_INDEX when no field has that name. */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_schema_lookup(amsize_field_info *info,
                                                                 int32_t schema,
                                                                 const char *name);

/* Checks one value of a field against the table, as the library's own
 * checks do: AMSIZE_E_NOT_FINITE, then the bounds, which report
 * AMSIZE_E_NEGATIVE below a range of "0 or more", AMSIZE_E_NOT_POSITIVE
 * below "above 0", AMSIZE_E_INDEX outside segment_index's (and an AM's
 * segment's), and
 * AMSIZE_E_RANGE otherwise; a whole-number field also refuses a fraction
 * with AMSIZE_E_RANGE, and so does a value that its C type cannot hold
 * (accounts of 2^63 or more: min and max give the range, type the rest). Cross-field rules (selling times
 * non-decreasing, rating_medium <= rating_high) are not checked here. The
 * schema's field (or array element) id and index are copied into err.
 * Errors: those above, AMSIZE_E_STRUCT_SIZE (err), AMSIZE_E_RANGE (an
 * unknown schema; err->field is then AMSIZE_FIELD_NONE), AMSIZE_E_INDEX (a
 * known schema without that field; err->field is the field asked for). */
AMSIZE_WARN_UNUSED AMSIZE_API amsize_status amsize_field_check(amsize_error *err, int32_t schema,
                                                               int32_t field, double value,
                                                               int64_t index);

#ifdef __cplusplus
}
#endif

#endif /* AMSIZE_SCHEMA_H */
