/* Messages, allocation and string helpers of the amsize command. */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <amsize.h>

#include "util.h"

static void vmsg(const char *kind, const char *fmt, va_list ap)
{
    fprintf(stderr, "amsize: %s", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void msg_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg("", fmt, ap);
    va_end(ap);
}

void msg_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg("warning: ", fmt, ap);
    va_end(ap);
}

void must_ok(int status, const char *call)
{
    if (status != AMSIZE_OK) {
        msg_error("internal error: %s: %s", call, amsize_strerror(status));
        exit(EXIT_SOFTWARE);
    }
}

static void *check(void *p)
{
    if (!p) {
        msg_error("out of memory");
        exit(EXIT_SOFTWARE);
    }
    return p;
}

void *xmalloc(size_t n)
{
    return check(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
    return check(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
    return check(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

int ascii_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z')
            cb += 'a' - 'A';
        if (ca != cb || ca == 0)
            return ca - cb;
    }
}

size_t utf8_len(const unsigned char *s)
{
    size_t n;
    uint32_t cp;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xe0) == 0xc0)
        n = 2, cp = s[0] & 0x1f;
    else if ((s[0] & 0xf0) == 0xe0)
        n = 3, cp = s[0] & 0x0f;
    else if ((s[0] & 0xf8) == 0xf0)
        n = 4, cp = s[0] & 0x07;
    else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

const char *echo(char *buf, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t j = 0, chars = 0;
    buf[j++] = '\'';
    for (; *s; chars++) {
        size_t n = utf8_len(s);
        /* Worst case per character: 4 bytes, which ECHO_SIZE allows for. */
        if (chars < ECHO_CHARS) {
            if (n == 1 && *s >= 0x20 && *s != 0x7f) {
                buf[j++] = (char)*s;
            } else if (n > 1) {
                memcpy(buf + j, s, n);
                j += n;
            } else if (*s == '\n' || *s == '\r' || *s == '\t') {
                buf[j++] = '\\';
                buf[j++] = *s == '\n' ? 'n' : *s == '\r' ? 'r' : 't';
            } else {
                j += (size_t)snprintf(buf + j, ECHO_SIZE - j, "\\x%02X", *s);
            }
        }
        s += n ? n : 1;
    }
    if (chars > ECHO_CHARS)
        snprintf(buf + j, ECHO_SIZE - j, "...' (%zu characters)", chars);
    else
        snprintf(buf + j, ECHO_SIZE - j, "'");
    return buf;
}

char *trim(char *s)
{
    return trim_len(s, strlen(s));
}

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
