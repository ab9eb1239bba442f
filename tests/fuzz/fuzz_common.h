/* Shared helpers of the libFuzzer targets in tests/fuzz/: turning fuzz bytes
 * into the numbers that break numeric code (NaN, +/-inf, huge, negative,
 * denormal, -0, exact powers of two) and the invariant checks that abort().
 * The sample segments and ASSERT_OK come from tests/fixtures.h, shared with
 * the Check suites.
 *
 * A failed invariant prints what broke and calls abort(), which libFuzzer
 * reports as a crash and saves the input under the artifact prefix. */
#ifndef AMSIZE_FUZZ_COMMON_H
#define AMSIZE_FUZZ_COMMON_H

#include <amsize.h>

#include "../fixtures.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fz {
    const uint8_t *p;
    size_t n;
} fz;

static inline uint8_t fz_u8(fz *f)
{
    if (f->n == 0)
        return 0;
    f->n--;
    return *f->p++;
}

static inline uint32_t fz_u32(fz *f)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v = (v << 8) | fz_u8(f);
    return v;
}

static inline uint64_t fz_u64(fz *f)
{
    return ((uint64_t)fz_u32(f) << 32) | fz_u32(f);
}

/* A double chosen to hurt: one selector byte, then a payload. */
static inline double fz_double(fz *f)
{
    static const double special[] = {
        0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 20.0, 1e-9, -1e-9,
        NAN, INFINITY, -INFINITY, DBL_MAX, -DBL_MAX, DBL_MIN, -DBL_MIN,
        4.9406564584124654e-324, -4.9406564584124654e-324, 1e300, 1e-300, 1e308,
        9007199254740992.0, 9007199254740993.0, 1.5e6, 200e3, 100e6, 0.15, 0.05, 1e15,
        0.999999999, 1.000000001,
    };
    uint8_t sel = fz_u8(f);
    switch (sel & 3) {
    case 0: { /* any bit pattern: NaN payloads, denormals, everything */
        uint64_t bits = fz_u64(f);
        double d;
        memcpy(&d, &bits, sizeof d);
        return d;
    }
    case 1:
        return special[(sel >> 2) % (sizeof special / sizeof special[0])];
    case 2: /* a small whole number, sometimes negative */
        return (double)(int16_t)(fz_u8(f) << 8 | fz_u8(f));
    default: /* a plausible money amount or ratio, scaled by a power of ten */
        return (double)fz_u32(f) * pow(10.0, (double)((int)(sel >> 2) - 32));
    }
}

static inline int64_t fz_i64(fz *f)
{
    static const int64_t special[] = {
        0, 1, -1, 200, 20000, INT64_MAX, INT64_MIN, INT64_C(9007199254740992),
        INT64_C(9007199254740993), INT64_MAX / 2,
    };
    uint8_t sel = fz_u8(f);
    if (sel & 1)
        return special[(sel >> 1) % (sizeof special / sizeof special[0])];
    return (int64_t)fz_u64(f) >> (sel >> 2 & 63);
}

static inline int32_t fz_i32_small(fz *f, int32_t lo, int32_t hi)
{
    uint8_t sel = fz_u8(f);
    if (sel == 0xff)
        return (int32_t)fz_u32(f); /* anything at all, now and then */
    return lo + (int32_t)(sel % (uint8_t)(hi - lo + 1));
}

#define FZ_FAIL(...)                                                  \
    do {                                                              \
        fprintf(stderr, "invariant violated at %s:%d: ", __FILE__, __LINE__); \
        fprintf(stderr, __VA_ARGS__);                                 \
        fputc('\n', stderr);                                          \
        abort();                                                      \
    } while (0)

#define FZ_CHECK(cond, ...)        \
    do {                           \
        if (!(cond))               \
            FZ_FAIL(__VA_ARGS__);  \
    } while (0)

/* Every call returns one of the defined codes (status.h). */
static inline void fz_check_status(amsize_status st, const amsize_error *err, int have_err)
{
    /* Codes are appended over time: a defined one is one strerror knows. */
    FZ_CHECK((int)st >= AMSIZE_OK && strcmp(amsize_strerror(st), "unknown status") != 0,
             "undefined status %d", (int)st);
    if (!have_err || st == AMSIZE_E_STRUCT_SIZE)
        return; /* a wrong err->struct_size is reported by the return alone */
    FZ_CHECK(err->status == (int32_t)st, "err.status %d but returned %d", (int)err->status,
             (int)st);
    /* Fields are appended over time: a defined one is one with a name. */
    FZ_CHECK(err->field >= AMSIZE_FIELD_NONE &&
                 strcmp(amsize_field_name(err->field), "unknown") != 0,
             "undefined field %d", (int)err->field);
    if (st == AMSIZE_OK)
        FZ_CHECK(err->index == -1 && err->field == AMSIZE_FIELD_NONE,
                 "success leaves err index %lld field %d", (long long)err->index,
                 (int)err->field);
}

/* A defined output is finite: no NaN and no infinity. */
#define FZ_DEFINED(x, what) FZ_CHECK(isfinite(x), "%s is %g where it is defined", what, (double)(x))
/* Where the header says "NaN when ...", exactly then. */
#define FZ_NAN_IFF(x, cond, what)                                                    \
    do {                                                                             \
        if (cond)                                                                    \
            FZ_CHECK(isnan(x), "%s is %g where it is documented as NaN", what, (double)(x)); \
        else                                                                         \
            FZ_DEFINED(x, what);                                                     \
    } while (0)

#endif /* AMSIZE_FUZZ_COMMON_H */
