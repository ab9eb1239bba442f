/* Numbers in the amsize command: plain decimal cells read exactly as
 * strtod() would, doubles written back with the fewest digits, and numbers
 * for people with separators and units (see number.h). */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* Digits of an integer-valued magnitude with thousands separators. */
static void group(char *buf, size_t size, const char *digits)
{
    size_t n = strlen(digits), j = 0;
    for (size_t i = 0; i < n && j + 2 < size; i++) {
        if (i && (n - i) % 3 == 0)
            buf[j++] = ',';
        buf[j++] = digits[i];
    }
    buf[j] = '\0';
}

/* |v| with thousands separators and the given decimals, sign in front. */
void format_grouped(char *buf, size_t size, double v, int decimals)
{
    char raw[400], whole[400], grouped[520];
    snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
    char *dot = strchr(raw, '.');
    snprintf(whole, sizeof whole, "%.*s", dot ? (int)(dot - raw) : (int)strlen(raw), raw);
    group(grouped, sizeof grouped, whole);
    snprintf(buf, size, "%s%s%s", v < 0 && strspn(raw, "0.") != strlen(raw) ? "-" : "",
             grouped, dot ? dot : "");
}

void format_money(char *buf, size_t size, double v)
{
    double a = fabs(v);
    const char *sign = v < 0 ? "-" : "";
    if (a >= 999.95e9)
        snprintf(buf, size, "%s$%.1fT", sign, a / 1e12);
    else if (a >= 999.95e6)
        snprintf(buf, size, "%s$%.1fB", sign, a / 1e9);
    else if (a >= 999.5e3)
        snprintf(buf, size, "%s$%.1fM", sign, a / 1e6);
    else if (a >= 9999.5)
        snprintf(buf, size, "%s$%.0fK", sign, a / 1e3);
    else if (a >= 999.5)
        snprintf(buf, size, "%s$%.1fK", sign, a / 1e3);
    else
        snprintf(buf, size, "%s$%.0f", sign, a);
}
