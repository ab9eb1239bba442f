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

void format_double_slow(char *buf, size_t len, double d)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, len, "%.*g", prec, d);
        if (prec == 17 || strtod(buf, NULL) == d)
            return;
    }
}

#ifdef __SIZEOF_INT128__
typedef unsigned __int128 u128;
typedef __int128 i128;

static const uint64_t pow10_u64[20] = {
    UINT64_C(1), UINT64_C(10), UINT64_C(100), UINT64_C(1000), UINT64_C(10000),
    UINT64_C(100000), UINT64_C(1000000), UINT64_C(10000000), UINT64_C(100000000),
    UINT64_C(1000000000), UINT64_C(10000000000), UINT64_C(100000000000),
    UINT64_C(1000000000000), UINT64_C(10000000000000), UINT64_C(100000000000000),
    UINT64_C(1000000000000000), UINT64_C(10000000000000000), UINT64_C(100000000000000000),
    UINT64_C(1000000000000000000), UINT64_C(10000000000000000000)};

static u128 pow10_u128(int k)
{
    return k < 20 ? (u128)pow10_u64[k] : (u128)pow10_u64[k - 19] * pow10_u64[19];
}

/* The fast path of format_double(): the same bytes as format_double_slow()
 * for 1e-5 <= |d| < 1e17, by exact integer arithmetic. d = m*2^e with m
 * the 53-bit significand; scaled by 10^k (k = 16 - E, E = floor(log10
 * |d|), 0 <= k <= 21), d*10^k = N/2^s with N = m*10^k < 2^127 and s = -e,
 * so the 17 significant digits Q, their remainder R and every rounding to
 * fewer digits are exact, as printf's are (ties to even). A candidate of P
 * digits reads back as d when it lies within half a unit in the last
 * place of d (with the power-of-two case's narrower gap below), which is
 * what strtod() decides. Returns 0 outside the range,
 * for the caller's slow path. */
static int format_fast(char *buf, size_t len, double d)
{
    int exp2;
    double a = fabs(d), f = frexp(a, &exp2); /* a = f*2^exp2, f in [0.5, 1) */
    if (!(a >= 1e-5 && a < 1e17) || len < 32)
        return 0;
    uint64_t m = (uint64_t)ldexp(f, 53);
    int s = 53 - exp2; /* a = m / 2^s: a whole number of 2^53 or more is
                          left to the slow path */
    if (s <= 0 || s > 120)
        return 0;
    /* E = floor(log10(a)), from floor((exp2 - 1) * log10(2)) (78913 / 2^18
     * is log10(2) to within 2e-7), which is E or E - 1; the loop below
     * settles it. */
    int E = (int)(((int64_t)(exp2 - 1) * 78913) >> 18);
    int k = 16 - E;
    u128 N, R, mask;
    uint64_t Q;
    for (int tries = 0;; tries++) {
        if (k < 0 || k > 22 || tries > 3)
            return 0;
        N = (u128)m * pow10_u128(k);
        u128 whole = N >> s;
        if (whole < (u128)pow10_u64[16]) {
            k++, E--;
            continue;
        }
        if (whole >= (u128)pow10_u64[17]) {
            k--, E++;
            continue;
        }
        Q = (uint64_t)whole;
        break;
    }
    mask = ((u128)1 << s) - 1;
    R = N & mask;
    const u128 tenk = pow10_u128(k);
    for (int P = 15; P <= 17; P++) {
        int drop = 17 - P;
        uint64_t unit = pow10_u64[drop], q = Q / unit, low = Q % unit;
        /* Round Q + R/2^s to P digits: compare the dropped part with half
         * a unit, exactly: (low*2^s + R) against unit*2^(s-1). */
        u128 dropped = ((u128)low << s) + R, half = (u128)unit << (s - 1);
        if (dropped > half || (dropped == half && (q & 1)))
            q++;
        int X = E;
        if (q == pow10_u64[P]) { /* 9.99... rounded up to 10.0... */
            q = pow10_u64[P - 1];
            X++;
        }
        if (P < 17) {
            /* Does q*10^(X-P+1) read back as a? In units of 10^-k: the
             * candidate is q*10^(drop) shifted by X - E, and a is N/2^s;
             * half an ulp of a is 10^k/2 in those units times 2^-s. */
            i128 diff, scale = (i128)1 << s; /* a multiply: << of a negative is UB */
            if (X == E)
                diff = ((i128)q * (i128)unit - (i128)Q) * scale - (i128)R;
            else /* the carry: q*10^(drop+1) - Q */
                diff = ((i128)q * (i128)unit * 10 - (i128)Q) * scale - (i128)R;
            u128 mag = diff < 0 ? (u128)(-diff) : (u128)diff;
            /* In these units (10^-k * 2^-s) an ulp of a, 2^-s, is 10^k:
             * the candidate must lie within half of it, or within a
             * quarter below a power of two, whose lower neighbour is
             * nearer; on a tie strtod() picks the even significand. */
            int below_pow2 = diff < 0 && m == (UINT64_C(1) << 52);
            int far = below_pow2 ? 4 * mag > tenk
                                 : 2 * mag > tenk || (2 * mag == tenk && (m & 1));
            if (far)
                continue;
        }
        /* printf's %.Pg: q's P digits, exponent X. */
        char digits[24];
        int nd = P;
        for (int i = P - 1; i >= 0; i--, q /= 10)
            digits[i] = (char)('0' + q % 10);
        while (nd > 1 && digits[nd - 1] == '0')
            nd--;
        char *o = buf;
        if (d < 0)
            *o++ = '-';
        if (X < -4 || X >= P) {
            *o++ = digits[0];
            if (nd > 1) {
                *o++ = '.';
                memcpy(o, digits + 1, (size_t)nd - 1);
                o += nd - 1;
            }
            snprintf(o, len - (size_t)(o - buf), "e%c%02d", X < 0 ? '-' : '+', X < 0 ? -X : X);
        } else if (X >= 0) {
            int whole = X + 1;
            for (int i = 0; i < whole; i++)
                *o++ = i < nd ? digits[i] : '0';
            if (nd > whole) {
                *o++ = '.';
                memcpy(o, digits + whole, (size_t)(nd - whole));
                o += nd - whole;
            }
            *o = '\0';
        } else {
            *o++ = '0';
            *o++ = '.';
            for (int i = 0; i < -X - 1; i++)
                *o++ = '0';
            memcpy(o, digits, (size_t)nd);
            o[nd] = '\0';
        }
        return 1;
    }
    return 0;
}
#endif

/* n's decimal digits, a minus sign in front, at buf (room for 21 bytes
 * and the NUL); returns the length. */
static size_t int_text(char *buf, int64_t n)
{
    char tmp[24];
    size_t k = 0, len = 0;
    uint64_t u = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
    do {
        tmp[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (n < 0)
        buf[len++] = '-';
    while (k)
        buf[len++] = tmp[--k];
    buf[len] = '\0';
    return len;
}

void fprint_int64(FILE *fp, int64_t n)
{
    char buf[24];
    fwrite(buf, 1, int_text(buf, n), fp);
}

void format_double(char *buf, size_t len, double d)
{
    /* A whole number below 10^15 is its digits at every precision tried:
     * the common 0 and the counts (signbit: printf writes -0). */
    if (d == floor(d) && fabs(d) < 1e15 && len >= 24) {
        if (d == 0 && signbit(d))
            memcpy(buf, "-0", 3);
        else
            int_text(buf, (int64_t)d);
        return;
    }
#ifdef __SIZEOF_INT128__
    if (format_fast(buf, len, d))
        return;
#endif
    format_double_slow(buf, len, d);
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
    /* Past a thousand trillion, digits say nothing a reader can take in
     * and would overflow a table cell: three significant digits. */
    if (fabs(v) >= 1e15) {
        snprintf(buf, size, "%.3g", v);
        return;
    }
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
    if (a >= 999.95e12)
        snprintf(buf, size, "%s$%.3g", sign, a);
    else if (a >= 999.95e9)
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
