/* The amsize command's hand-written fast paths against the code they
 * shortcut, on random input from a fixed seed:
 *   - decimal_fast() must give bit for bit what strtod() gives, and accept
 *     only what is_decimal() accepts;
 *   - format_double()'s exact integer path must write the same bytes as
 *     printf and strtod do (format_double_slow());
 *   - csvin's direct line splitter must deliver the same records, line
 *     numbers and errors as libcsv alone, whatever the chunking, and
 *     both the right field lengths.
 * Prints "N passed, N failed" and exits non-zero on any difference. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tools/csvin.h"
#include "../../tools/msg.h"
#include "../../tools/number.h"
#include "../../tools/text.h"
#include "../../tools/xalloc.h"

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t next(void)
{
    /* splitmix64 */
    uint64_t z = (rng += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static unsigned below(unsigned n)
{
    return (unsigned)(next() % n);
}

static long passed, failed;

static void check(int ok, const char *what, const char *input)
{
    if (ok) {
        passed++;
        return;
    }
    if (failed++ < 10)
        fprintf(stderr, "FAIL %s: input \"%s\"\n", what, input);
}

/* ---- numbers ---------------------------------------------------------- */

static void random_number(char *buf, size_t len)
{
    static const char junk[] = "0123456789.eE+- x,";
    size_t n = 0;
    if (below(8) == 0) { /* junk of the same alphabet */
        size_t k = 1 + below(12);
        for (size_t i = 0; i < k && n + 1 < len; i++)
            buf[n++] = junk[below(sizeof junk - 1)];
        buf[n] = '\0';
        return;
    }
    if (below(4) == 0)
        buf[n++] = below(2) ? '-' : '+';
    unsigned digits = 1 + below(18), point = below(digits + 2);
    for (unsigned i = 0; i < digits; i++) {
        if (i == point)
            buf[n++] = '.';
        buf[n++] = (char)('0' + below(10));
    }
    if (below(3) == 0)
        n += (size_t)snprintf(buf + n, len - n, "e%d", (int)below(70) - 35);
    buf[n] = '\0';
}

static void test_numbers(long count)
{
    char buf[64];
    for (long i = 0; i < count; i++) {
        double fast, slow;
        random_number(buf, sizeof buf);
        if (!decimal_fast(buf, &fast))
            continue;
        slow = strtod(buf, NULL);
        check(is_decimal(buf), "decimal_fast accepts what is_decimal refuses", buf);
        check(memcmp(&fast, &slow, sizeof fast) == 0, "decimal_fast differs from strtod", buf);
    }
}

/* ---- CSV ---------------------------------------------------------------- */

typedef struct sink {
    char *text;
    size_t len, cap;
} sink;

static void put(sink *s, const char *p, size_t n)
{
    if (s->len + n + 1 > s->cap) {
        s->cap = (s->len + n + 1) * 2;
        s->text = realloc(s->text, s->cap);
        if (!s->text)
            abort();
    }
    memcpy(s->text + s->len, p, n);
    s->len += n;
    s->text[s->len] = '\0';
}

/* Serialises each record: its line, field count and fields. */
static int on_record(void *ctx, const csvin_record *rec)
{
    sink *s = ctx;
    char head[64];
    put(s, head, (size_t)snprintf(head, sizeof head, "@%lu/%zu:", rec->line, rec->nfields));
    for (size_t i = 0; i < rec->nfields; i++) {
        /* Each path gives the lengths its own way: both must be right. */
        size_t n = strlen(rec->fields[i]);
        check(rec->lens[i] == n, "a field's length is not its strlen", rec->fields[i]);
        /* Readers skip their own trim on the promise of rec->trimmed. */
        check(!rec->trimmed || n == 0 ||
                  (!strchr(" \t", rec->fields[i][0]) && !strchr(" \t", rec->fields[i][n - 1])),
              "a field of a trimmed record has a space or tab at an end", rec->fields[i]);
        put(s, rec->fields[i], n);
        put(s, "\x1f", 1);
    }
    put(s, "\n", 1);
    return 0;
}

/* Runs the reader over input in the given chunk sizes; the result is the
 * records, then the status, error line and message. */
static void run(sink *out, int fast, const char *input, size_t len, const size_t *chunks)
{
    csvin *r = csvin_new(on_record, out);
    int rc = 0;
    size_t at = 0, k = 0;
    char tail[256];
    if (!r)
        abort();
    csvin_set_fast(r, fast);
    while (at < len && rc == 0) {
        size_t n = chunks[k++ % 7];
        if (n > len - at)
            n = len - at;
        rc = csvin_feed(r, input + at, n);
        at += n;
    }
    if (rc == 0)
        rc = csvin_finish(r);
    put(out, tail, (size_t)snprintf(tail, sizeof tail, "rc=%d line=%lu err=%s", rc,
                                    rc ? csvin_error_line(r) : 0UL,
                                    rc ? csvin_error(r) : ""));
    csvin_free(r);
}

static void test_csv(long count)
{
    /* Mostly plain cells, with enough quotes, CRs and blanks to switch
     * paths at random places. */
    static const char *const atoms[] = {
        "a", "12", "3.5", "x y", " ", "\t", ",", ",", ",", "\n", "\n", "\r\n", "\r",
        "\"", "\"q,\"", "\"\"", "\xef\xbb\xbf", "", "Ent", "  pad  ",
    };
    char input[512];
    for (long i = 0; i < count; i++) {
        size_t len = 0, chunks[7];
        unsigned atoms_n = below(40);
        /* Most inputs stay on the fast path for a while. */
        int plain = below(2);
        for (unsigned j = 0; j < atoms_n; j++) {
            const char *a = atoms[below(sizeof atoms / sizeof atoms[0])];
            if (plain && (*a == '"' || *a == '\r'))
                a = "z";
            size_t n = strlen(a);
            if (len + n >= sizeof input)
                break;
            memcpy(input + len, a, n);
            len += n;
        }
        input[len] = '\0';
        for (int c = 0; c < 7; c++)
            chunks[c] = 1 + below(below(2) ? 8 : 600);
        sink a = {0}, b = {0};
        run(&a, 1, input, len, chunks);
        run(&b, 0, input, len, chunks);
        check(a.len == b.len && memcmp(a.text, b.text, a.len) == 0,
              "fast split differs from libcsv", input);
        if (a.len != b.len || memcmp(a.text, b.text, a.len) != 0) {
            if (failed <= 3)
                fprintf(stderr, "  fast:   %s\n  libcsv: %s\n", a.text, b.text);
        }
        free(a.text);
        free(b.text);
    }
}

/* ---- doubles written back ----------------------------------------------- */

/* A double of the kinds the command writes: any bit pattern; a short
 * decimal (0.15, 1500000); a ratio of small whole numbers (11/7, 32/3);
 * a power of two or ten or its neighbours (the rounding's edges); a
 * number whose 16th or 17th digit is a 5 (printf's ties); whole numbers
 * and both zeros. */
static double random_double(void)
{
    char buf[64];
    double d;
    uint64_t bits;
    switch (below(7)) {
    case 0:
        bits = next();
        memcpy(&d, &bits, sizeof d);
        return d;
    case 1:
        random_number(buf, sizeof buf);
        return strtod(buf, NULL);
    case 2: return (double)(1 + below(100000)) / (double)(1 + below(1000)) * (below(2) ? 1 : -1);
    case 3:
        d = ldexp(1.0, (int)below(120) - 60);
        return below(3) == 0 ? nextafter(d, 0) : below(2) ? d : nextafter(d, 2 * d);
    case 6: /* whole numbers, both zeros, the edges of 10^15 and 2^53 */
        switch (below(4)) {
        case 0: return below(2) ? 0.0 : -0.0;
        case 1: return (double)(int64_t)(next() % 2000000) - 1000000;
        case 2: return (below(2) ? 1e15 : 9007199254740992.0) + (double)below(5) - 2;
        default: return ldexp((double)(next() >> 11), (int)below(20) - 10);
        }
    case 4:
        d = pow(10.0, (int)below(30) - 8);
        return below(3) == 0 ? nextafter(d, 0) : below(2) ? d : nextafter(d, 2 * d);
    default: {
        unsigned digits = 16 + below(2), e = below(30);
        size_t n = 0;
        for (unsigned i = 0; i < digits; i++)
            buf[n++] = (char)(i + 1 == digits ? '5' : '0' + below(10));
        snprintf(buf + n, sizeof buf - n, "e-%u", e);
        return strtod(buf, NULL);
    }
    }
}

/* format_double()'s exact integer path against its definition (printf at
 * 15, 16, then 17 digits, the first that strtod() reads back). */
static void test_doubles(long count)
{
    char fast[64], slow[64];
    for (long i = 0; i < count; i++) {
        double d = random_double();
        if (!isfinite(d))
            continue;
        format_double(fast, sizeof fast, d);
        format_double_slow(slow, sizeof slow, d);
        if (strcmp(fast, slow) != 0 && failed < 10)
            fprintf(stderr, "  %.17g: fast %s, slow %s\n", d, fast, slow);
        check(strcmp(fast, slow) == 0, "format_double", slow);
    }
}

int main(int argc, char **argv)
{
    long scale = argc > 1 ? atol(argv[1]) : 1;
    test_numbers(200000 * scale);
    test_doubles(300000 * scale);
    test_csv(50000 * scale);
    printf("%ld passed, %ld failed\n", passed, failed);
    return failed != 0;
}
