/* libamsize internals: shared by the files in lib/, never installed. */
#ifndef AMSIZE_INTERNAL_H
#define AMSIZE_INTERNAL_H

#include <config.h>

#include <math.h>
#include <string.h>

#include "amsize.h"
#include "check.h"

/* Every hidden helper still carries a prefix of its own, so that a static
 * link into someone's program cannot clash with their names. */
#if defined(__GNUC__) && __GNUC__ >= 4
#  define AMSIZE_INTERNAL __attribute__((visibility("hidden")))
#else
#  define AMSIZE_INTERNAL
#endif

/* A segment after validation, with every default resolved. */
typedef struct amsize__seg {
    int64_t accounts;
    int32_t support_rating;
    int32_t has_growth;
    double w, book, upsell, cross_sell, churn, attribution;
    double productivity, cost, margin, coverage, growth, max_load;
} amsize__seg;

/* Returns the status of expr when it is not AMSIZE_OK. */
#define TRY(expr)                          \
    do {                                   \
        amsize_status try_st_ = (expr);    \
        if (try_st_ != AMSIZE_OK)          \
            return try_st_;                \
    } while (0)

/* Records a failure in err (when given) and returns status, so that call
 * sites read `return amsize__fail(...)`. */
AMSIZE_INTERNAL amsize_status amsize__fail(amsize_error *err, amsize_status status,
                                           int64_t index, amsize_field field);
/* Checks err's own struct_size and clears it to "no error". */
AMSIZE_INTERNAL amsize_status amsize__err_begin(amsize_error *err);

AMSIZE_INTERNAL amsize_status amsize__seg_load(amsize__seg *out, amsize_error *err,
                                               const amsize_segment *seg, int64_t index);
/* Resolves NULL to the defaults; validates otherwise. */
AMSIZE_INTERNAL amsize_status amsize__model_load(amsize_model *out, amsize_error *err,
                                                 const amsize_model *model);
AMSIZE_INTERNAL amsize_status amsize__init_check(const void *p, size_t len,
                                                 size_t struct_size, size_t expected);
/* Init of a single output struct: checks the size, zeroes it, sets its
 * leading struct_size. */
AMSIZE_INTERNAL amsize_status amsize__out_init(void *out, size_t struct_size, size_t expected);
/* What every one-segment method does first: clear err, check the output
 * struct (its size must be `expected`), load the model (NULL: defaults)
 * and validate the segment, as index 0. */
AMSIZE_INTERNAL amsize_status amsize__method_begin(amsize__seg *s, amsize_model *m,
                                                   amsize_error *err, const void *out,
                                                   size_t expected, const amsize_segment *seg,
                                                   const amsize_model *model);

/* One row of the field table (schema.c; amsize_field_info says what each
 * member means). */
typedef struct amsize__fielddef {
    int32_t field;
    const char *name, *description;
    const amsize__range *range;
    const char *default_text;
    const double *defaults;
    int32_t type;
    uint32_t flags;
    size_t offset, length, presence_offset;
} amsize__fielddef;

/* A schema's rows and their number; NULL for an unknown schema. */
AMSIZE_INTERNAL const amsize__fielddef *amsize__schema_rows(int32_t schema, size_t *len);
/* The row of field (or of the array holding it) in schema, or NULL. */
AMSIZE_INTERNAL const amsize__fielddef *amsize__schema_def(int32_t schema, int32_t field);
/* The range of a field that is in the table; the caller names a field that
 * is, so the result is never NULL. */
AMSIZE_INTERNAL const amsize__range *amsize__field_range(int32_t schema, int32_t field);
/* Checks v against row d (range, whole numbers), reporting field. */
AMSIZE_INTERNAL amsize_status amsize__field_value(amsize_error *err, const amsize__fielddef *d,
                                                  int32_t field, double v, int64_t index);
/* The value of element i of a struct field, whatever its stored type. */
AMSIZE_INTERNAL double amsize__read_field(const void *base, const amsize__fielddef *d, size_t i);
/* Writes a schema's defaults into a zeroed struct. */
AMSIZE_INTERNAL void amsize__write_defaults(void *base, int32_t schema);
/* Checks every field of a struct described by schema, in table order. */
AMSIZE_INTERNAL amsize_status amsize__struct_check(amsize_error *err, const void *base,
                                                   int32_t schema, int64_t index);
/* Whether v is a value field of schema can hold: in its range, whole
 * where the type is, and within the type's limits (amsize_field_check()'s
 * rule, as a predicate for the scalar functions). */
AMSIZE_INTERNAL int amsize__field_ok(int32_t schema, int32_t field, double v);
/* Whether v is in the table's range of a segment field: the scalar
 * functions' test, which answer NaN rather than say why. */
#define AMSIZE__SEG_OK(FIELD, v) \
    amsize__in_range(amsize__field_range(AMSIZE_SCHEMA_SEGMENT, AMSIZE_FIELD_##FIELD), (v))

/* Whether v is in the table's range of an AM field (evaluate.h). */
#define AMSIZE__AM_OK(FIELD, v) \
    amsize__in_range(amsize__field_range(AMSIZE_SCHEMA_AM, AMSIZE_FIELD_##FIELD), (v))

/* One segment's accounts in two parts, as amsize_totals_pilot() compares
 * them: [0] uncovered, [1] covered. nr = U + X - a*C. */
typedef struct amsize__split {
    double count[2], book[2], nr[2];
} amsize__split;

/* The parts of one accumulator whose struct_size the caller has checked,
 * with a = churn_attribution in [0,1] (totals.c). */
AMSIZE_INTERNAL void amsize__totals_split(amsize__split *out, const amsize_totals *t,
                                          double churn_attribution);

/* The methods on a validated segment. Each can fail only with
 * AMSIZE_E_OVERFLOW. */
AMSIZE_INTERNAL amsize_status amsize__netratio(amsize_netratio *out, amsize_error *err,
                                               const amsize__seg *s, const amsize_model *m,
                                               int64_t index);
AMSIZE_INTERNAL amsize_status amsize__support(amsize_support *out, amsize_error *err,
                                              const amsize__seg *s, const amsize_model *m,
                                              double fte_net, int64_t index);
AMSIZE_INTERNAL amsize_status amsize__load(amsize_load *out, amsize_error *err,
                                           const amsize__seg *s, double net_ratio,
                                           int64_t index);
AMSIZE_INTERNAL int32_t amsize__rating(double pct, double high, double medium);
AMSIZE_INTERNAL double amsize__support_factor(const double *selling_time, int32_t rating);

/* Neumaier's compensated sum: the running sum plus the low-order bits that
 * plain addition would drop. */
typedef struct amsize__ksum {
    double sum;
    double c;
} amsize__ksum;

static inline void amsize__ksum_add(amsize__ksum *k, double x)
{
    double t = k->sum + x;
    if (fabs(k->sum) >= fabs(x))
        k->c += (k->sum - t) + x;
    else
        k->c += (x - t) + k->sum;
    k->sum = t;
}

static inline double amsize__ksum_value(const amsize__ksum *k)
{
    return k->sum + k->c;
}

#endif /* AMSIZE_INTERNAL_H */
