/* The epsilon rounding as spreadsheet functions (see amsize/scalar.h);
 * the library's own uses inline the rules from check.h. */
#include "internal.h"

double amsize_ceil_eps_calc(double x)
{
    return isfinite(x) ? amsize__ceil_eps(x) : NAN;
}

double amsize_floor_eps_calc(double x)
{
    return isfinite(x) ? amsize__floor_eps(x) : NAN;
}
