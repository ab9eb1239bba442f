/* libFuzzer target: amsize_totals_add/merge/segment/pilot driven by a
 * program read from the fuzz bytes: chunks of account rows whose columns
 * are hostile doubles and segment indexes, merges of two accumulator
 * arrays, read-backs of each part, pilot comparisons.
 *
 * Invariants (abort() on violation):
 *  - every status is a defined one and err agrees with it;
 *  - on failure nothing is written (accumulators and output segment
 *    compare equal to their state before the call); merge never changes
 *    src;
 *  - on success a read-back segment has a whole account count >= 0 equal
 *    to the rows this program added there, finite sums >= 0 within 1e-9
 *    relative of a long double reference, has_weighted_accounts = 1 and
 *    the caller's fields untouched;
 *  - the pilot's NaNs are where methods.h documents them, no others. */
#include "fuzz_common.h"

/* Above 32 segments totals_add takes its two-pass path. */
#define MAX_T 36
#define MAX_ROWS 16

/* The model of what the accumulators should hold. */
typedef struct ref {
    double count[2];
    long double sum[2][5]; /* weight, arr, upsell, cross_sell, churn */
} ref;

static void ref_add(ref *r, const ref *s)
{
    for (int p = 0; p < 2; p++) {
        r->count[p] += s->count[p];
        for (int c = 0; c < 5; c++)
            r->sum[p][c] += s->sum[p][c];
    }
}

static void near(double got, long double want, const char *what)
{
    long double diff = fabsl((long double)got - want);
    FZ_CHECK(isfinite(got) && got >= 0, "%s is %g", what, got);
    FZ_CHECK(diff <= 1e-9L * fabsl(want) + 1e-300L, "%s is %.17g, reference %.17Lg", what, got,
             want);
}

static void read_back(const amsize_totals *t, const ref *r, fz *f)
{
    int32_t part = fz_i32_small(f, -1, 3);
    amsize_segment seg, before;
    amsize_error err;
    int with_err = fz_u8(f) & 1;

    ASSERT_OK(amsize_segment_init(&seg, 1));
    seg.am_cost = 12345.0; /* caller's fields: must stay */
    seg.max_load = 77.0;
    seg.am_productivity = 1.5e6;
    before = seg;
    ASSERT_OK(amsize_error_init(&err));
    amsize_status st = amsize_totals_segment(&seg, with_err ? &err : NULL, t, part);
    fz_check_status(st, &err, with_err);
    if (st != AMSIZE_OK) {
        FZ_CHECK(memcmp(&seg, &before, sizeof seg) == 0, "totals_segment failure wrote seg");
        return;
    }
    FZ_CHECK(part >= 0 && part <= 2, "part %d accepted", (int)part);
    double count = part == AMSIZE_PART_ALL ? r->count[0] + r->count[1]
                   : part == AMSIZE_PART_COVERED ? r->count[1] : r->count[0];
    FZ_CHECK(seg.accounts >= 0 && (double)seg.accounts == count,
             "accounts %lld, rows added %.0f", (long long)seg.accounts, count);
    FZ_CHECK(seg.has_weighted_accounts == 1, "has_weighted_accounts %d",
             seg.has_weighted_accounts);
    FZ_CHECK(seg.am_cost == 12345.0 && seg.max_load == 77.0 &&
                 seg.support_rating == before.support_rating,
             "totals_segment changed the caller's fields");
    long double want[5];
    for (int c = 0; c < 5; c++) {
        want[c] = part == AMSIZE_PART_ALL ? r->sum[0][c] + r->sum[1][c]
                  : r->sum[part == AMSIZE_PART_COVERED][c];
    }
    near(seg.weighted_accounts, want[0], "weighted_accounts");
    near(seg.book, want[1], "book");
    near(seg.upsell, want[2], "upsell");
    near(seg.cross_sell, want[3], "cross_sell");
    near(seg.churn, want[4], "churn");
    FZ_CHECK(amsize_segment_check(NULL, &seg, 0) == AMSIZE_OK,
             "a read-back segment fails amsize_segment_check");
}

static void pilot(const amsize_totals *t, fz *f)
{
    amsize_pilot p, before;
    amsize_error err;
    double a = fz_double(f);

    ASSERT_OK(amsize_pilot_init(&p));
    memset((char *)&p + sizeof p.struct_size, 0xa5, sizeof p - sizeof p.struct_size);
    before = p;
    ASSERT_OK(amsize_error_init(&err));
    amsize_status st = amsize_totals_pilot(&p, &err, t, a);
    fz_check_status(st, &err, 1);
    if (st != AMSIZE_OK) {
        FZ_CHECK(memcmp(&p, &before, sizeof p) == 0, "totals_pilot failure wrote out");
        return;
    }
    FZ_CHECK(isfinite(a) && a >= 0 && a <= 1, "attribution %g accepted", a);
    FZ_CHECK(p.accretive == (p.delta > 0), "accretive %d delta %g", p.accretive, p.delta);
    FZ_NAN_IFF(p.delta, isnan(p.nr_pct_covered) || isnan(p.nr_pct_uncovered), "delta");
    FZ_NAN_IFF(p.lift, !(p.nr_pct_uncovered > 0) || isnan(p.nr_pct_covered), "lift");
    FZ_NAN_IFF(p.incremental, isnan(p.delta), "incremental");
    FZ_CHECK(!isinf(p.nr_pct_covered) && !isinf(p.nr_pct_uncovered), "infinite NR%%");
}

/* One chunk of rows into t (len tlen). */
static void add_chunk(amsize_totals *t, size_t tlen, ref *r, fz *f)
{
    int32_t segment[MAX_ROWS];
    double col[5][MAX_ROWS];
    uint8_t cov[MAX_ROWS];
    uint8_t shape = fz_u8(f);
    size_t rows = shape % (MAX_ROWS + 1);
    int with_w = shape & 0x20, with_cov = shape & 0x40, hostile = shape & 0x80;
    amsize_totals before[MAX_T];
    amsize_error err;

    for (size_t i = 0; i < rows; i++) {
        uint8_t b = fz_u8(f);
        segment[i] = hostile && (b & 0x80) ? fz_i32_small(f, -2, (int32_t)tlen + 1)
                                           : (int32_t)(b % (tlen ? tlen : 1));
        cov[i] = hostile && (b & 0x40) ? fz_u8(f) : (b >> 3) & 1;
        for (int c = 0; c < 5; c++) {
            if (hostile && (b & (1u << (c % 5))))
                col[c][i] = fz_double(f);
            else
                col[c][i] = c == 0 ? 1.0 + (fz_u8(f) & 3) : (double)fz_u32(f) / 16.0;
        }
    }
    memcpy(before, t, sizeof before);
    ASSERT_OK(amsize_error_init(&err));
    amsize_status st = amsize_totals_add(t, tlen, &err, segment, rows, col[1], col[2], col[3],
                                         col[4], with_w ? col[0] : NULL,
                                         with_cov ? cov : NULL);
    fz_check_status(st, &err, 1);
    if (st != AMSIZE_OK) {
        FZ_CHECK(memcmp(before, t, sizeof before) == 0, "totals_add failure (%d) wrote", (int)st);
        /* index: the row, or for a bad struct_size the accumulator */
        int64_t bound = err.field == AMSIZE_FIELD_STRUCT_SIZE ? (int64_t)tlen : (int64_t)rows;
        FZ_CHECK(err.index >= -1 && err.index < bound, "err.index %lld field %d",
                 (long long)err.index, (int)err.field);
        return;
    }
    for (size_t i = 0; i < rows; i++) {
        ref *s = &r[segment[i]];
        int p = with_cov ? cov[i] : 0;
        FZ_CHECK(segment[i] >= 0 && (size_t)segment[i] < tlen && p <= 1, "bad row accepted");
        s->count[p] += 1;
        s->sum[p][0] += with_w ? col[0][i] : 1.0;
        for (int c = 1; c < 5; c++)
            s->sum[p][c] += col[c][i];
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = {data, size};
    amsize_totals a[MAX_T], b[MAX_T], a_before[MAX_T], b_before[MAX_T];
    ref ra[MAX_T], rb[MAX_T];
    uint8_t shape = fz_u8(&f);
    size_t la = shape & 0x20 ? 33 + shape % 4 : shape % 5, lb = la;
    amsize_error err;

    if (shape & 0x80)
        lb = (shape >> 2) % 5 + (shape & 0x20 ? 31 : 0);
    memset(ra, 0, sizeof ra);
    memset(rb, 0, sizeof rb);
    /* Unused slots carry a pattern: nothing may write past the length. */
    memset(a, 0xa5, sizeof a);
    memset(b, 0xa5, sizeof b);
    FZ_CHECK(amsize_totals_init(a, la) == AMSIZE_OK, "init");
    FZ_CHECK(amsize_totals_init(b, lb) == AMSIZE_OK, "init");
    if (shape & 0x40 && la > 0)
        a[fz_u8(&f) % la].struct_size = fz_u32(&f);

    for (int op = 0; op < 24 && f.n > 0; op++) {
        uint8_t code = fz_u8(&f);
        switch (code % 6) {
        case 0:
        case 1:
            add_chunk(a, la, ra, &f);
            break;
        case 2:
            add_chunk(b, lb, rb, &f);
            break;
        case 3: { /* merge b into a */
            memcpy(a_before, a, sizeof a);
            memcpy(b_before, b, sizeof b);
            ASSERT_OK(amsize_error_init(&err));
            amsize_status st = amsize_totals_merge(a, la, &err, b, lb);
            fz_check_status(st, &err, 1);
            FZ_CHECK(memcmp(b, b_before, sizeof b) == 0, "merge changed src");
            if (st != AMSIZE_OK) {
                FZ_CHECK(memcmp(a, a_before, sizeof a) == 0, "merge failure (%d) wrote dst",
                         (int)st);
                break;
            }
            FZ_CHECK(la == lb, "merge of unequal lengths accepted");
            for (size_t i = 0; i < la; i++)
                ref_add(&ra[i], &rb[i]);
            break;
        }
        case 4:
            if (la > 0 && a[0].struct_size == sizeof a[0]) {
                size_t i = fz_u8(&f) % la;
                if (a[i].struct_size == sizeof a[i])
                    read_back(&a[i], &ra[i], &f);
            }
            break;
        default:
            if (la > 0)
                pilot(&a[fz_u8(&f) % la], &f);
            break;
        }
    }
    return 0;
}
