/* Numbers in the amsize command: plain decimal cells read exactly as
 * strtod() would, and doubles written back with the fewest digits. */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "number.h"

/* Appends the run of digits at *sp to m; returns how many there were.
 * Two digits a step: the second is only read once the first is known to
 * be a digit, so never past the NUL; cells are mostly a few digits each
 * side of the point, and this halves the loop's branches and its updates
 * of the pointer. */
static inline ptrdiff_t digit_run(const unsigned char **sp, uint64_t *mp)
{
    const unsigned char *s = *sp, *start = s;
    uint64_t m = *mp;
    unsigned d, d2;
    while ((d = (unsigned)*s - '0') < 10) {
        if ((d2 = (unsigned)s[1] - '0') >= 10) {
            m = m * 10 + d;
            s++;
            break;
        }
        m = m * 100 + d * 10 + d2;
        s += 2;
    }
    *sp = s;
    *mp = m;
    return s - start;
}

/* Plain decimal numbers only: no hex, inf, nan, currency or separators. */
/* Clinger's fast path: a plain decimal whose digits make an integer below
 * 2^53 and whose decimal exponent is within +-22 is one exact integer
 * times or divided by one exact power of ten, so a single correctly
 * rounded operation gives the same double as strtod(). Returns 1 only when
 * the whole cell is such a number (which also proves it a plain decimal);
 * 0 for anything else, which the caller checks and converts the slow way. */
int decimal_fast(const char *str, double *out)
{
    static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const unsigned char *s = (const unsigned char *)str;
    uint64_t m = 0;
    int neg = 0, exp10 = 0;
    if (*s == '+' || *s == '-')
        neg = *s++ == '-';
    ptrdiff_t nd = digit_run(&s, &m);
    if (*s == '.') {
        s++;
        ptrdiff_t nf = digit_run(&s, &m);
        exp10 = -(int)nf; /* at most 15 here when it is used */
        nd += nf;
    }
    if (nd == 0 || nd > 15)
        return 0; /* not a number, or m might have passed 2^53 */
    /* m < 10^15 < 2^53: exact as a double, and the signed conversion is
     * one instruction where the unsigned one needs a range check. */
    double v = (double)(int64_t)m;
    if (*s == '\0') {
        /* The common cell: no exponent, so -15 <= exp10 <= 0, and a
         * division by 1e0 is exact; no range checks are needed. */
        v /= p10[-exp10];
    } else {
        if (*s != 'e' && *s != 'E')
            return 0;
        int eneg = 0, e = 0;
        s++;
        if (*s == '+' || *s == '-')
            eneg = *s++ == '-';
        if (!(*s >= '0' && *s <= '9'))
            return 0;
        for (; *s >= '0' && *s <= '9'; s++)
            if ((e = e * 10 + (*s - '0')) > 400)
                return 0;
        exp10 += eneg ? -e : e;
        if (*s != '\0' || exp10 < -22 || exp10 > 22)
            return 0;
        v = exp10 < 0 ? v / p10[-exp10] : v * p10[exp10];
    }
    *out = neg ? -v : v;
    return 1;
}

int is_decimal(const char *s)
{
    int digits = 0;
    if (*s == '+' || *s == '-')
        s++;
    for (; *s >= '0' && *s <= '9'; s++)
        digits++;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++)
            digits++;
    if (!digits)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!(*s >= '0' && *s <= '9'))
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

void format_double(char *buf, size_t len, double d)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, len, "%.*g", prec, d);
        if (prec == 17 || strtod(buf, NULL) == d)
            return;
    }
}

void fprint_double(FILE *fp, double d)
{
    char buf[40];
    format_double(buf, sizeof buf, d);
    fputs(buf, fp);
}
