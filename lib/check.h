/* libamsize internals: the validation predicates and the rounding rules,
 * written once and inlined wherever a value is checked or a headcount
 * rounded. The ranges themselves live in the field table (schema.c). */
#ifndef AMSIZE_CHECK_H
#define AMSIZE_CHECK_H

#include <math.h>
#include <stdint.h>

#include "amsize.h"

/* The relative tolerance of ceil_eps/floor_eps. */
#define AMSIZE_EPS 1e-9

/* An allowed range: [min, max], each end excluded when its bit is set,
 * and the status a value below or above it earns. The common ranges have
 * statuses of their own ("must be >= 0", "must be > 0"), so that a message
 * can say what is wrong without looking the range up. */
typedef struct amsize__range {
    double min, max;
    uint32_t open; /* AMSIZE_FIELDINFO_MIN_OPEN | AMSIZE_FIELDINFO_MAX_OPEN */
    amsize_status below, above;
    const char *text;
} amsize__range;

/* Whether v is a number the method can use at all. */
static inline int amsize__finite(double v)
{
    return isfinite(v);
}

static inline int amsize__above_min(const amsize__range *r, double v)
{
    return (r->open & AMSIZE_FIELDINFO_MIN_OPEN) ? v > r->min : v >= r->min;
}

static inline int amsize__below_max(const amsize__range *r, double v)
{
    return (r->open & AMSIZE_FIELDINFO_MAX_OPEN) ? v < r->max : v <= r->max;
}

/* The status a value earns against r. */
static inline amsize_status amsize__range_status(const amsize__range *r, double v)
{
    if (!isfinite(v))
        return AMSIZE_E_NOT_FINITE;
    if (!amsize__above_min(r, v))
        return r->below;
    if (!amsize__below_max(r, v))
        return r->above;
    return AMSIZE_OK;
}

/* The predicate form, for the scalar functions that answer NaN. */
static inline int amsize__in_range(const amsize__range *r, double v)
{
    return isfinite(v) && amsize__above_min(r, v) && amsize__below_max(r, v);
}

/* Derived quantities that are not inputs, so not in the table. */
static inline int amsize__nonneg(double v)
{
    return isfinite(v) && v >= 0;
}

static inline int amsize__positive(double v)
{
    return isfinite(v) && v > 0;
}

/* A headcount or count: whole, >= 0 and exact as a double. */
static inline int amsize__is_count(double v)
{
    return isfinite(v) && v >= 0 && v == floor(v) && v <= (double)AMSIZE_HEADCOUNT_MAX;
}

/* The rounding rules. Caller ensures x is finite. + 0.0 turns the -0.0
 * that ceil() gives for 0 <= x <= 1e-9 into 0, so a spreadsheet never
 * shows "-0" AMs. */
static inline double amsize__ceil_eps(double x)
{
    return ceil(x - AMSIZE_EPS * fmax(1.0, fabs(x))) + 0.0;
}

static inline double amsize__floor_eps(double x)
{
    return floor(x + AMSIZE_EPS * fmax(1.0, fabs(x)));
}

#endif /* AMSIZE_CHECK_H */
