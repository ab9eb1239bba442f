/* Prints the library half of docs/bad-input.md: every public function that
 * takes numbers, fed each kind of bad value, and what it actually returns.
 * Run by tests/reliability/bad_input.sh, which adds the amsize command's
 * CSV columns; the gate checks the committed table is what this prints.
 *
 * Each cell is the status the call returned (E_NOT_FINITE ...) with the
 * field err names when it is not the one varied, or for the scalar
 * functions the value returned ("NaN" means refused or undefined). */
#include <amsize.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../fixtures.h"

/* The kinds of bad number tried, and the column titles. */
static const double bad[] = {NAN, INFINITY, -INFINITY, -1.0, 0.0, 1e308, 4.9406564584124654e-324};
static const char *const bad_name[] = {"NaN", "+inf", "-inf", "-1", "0", "1e308", "5e-324"};
#define NBAD (sizeof bad / sizeof bad[0])

static const char *status_name(int st)
{
    static const char *const n[] = {"OK", "E_NULL", "E_STRUCT_SIZE", "E_NOT_FINITE",
                                    "E_NEGATIVE", "E_NOT_POSITIVE", "E_RANGE", "E_ORDER",
                                    "E_EMPTY", "E_BUFFER", "E_OVERFLOW", "E_INDEX"};
    return st >= 0 && st < (int)(sizeof n / sizeof n[0]) ? n[st] : "?";
}

/* "E_NOT_FINITE", or "E_OVERFLOW (cost)" when err names another field. */
static void cell(char *buf, size_t size, int st, const amsize_error *err, const char *varied)
{
    const char *f = amsize_field_name(err->field);
    if (st != AMSIZE_OK && err->field != AMSIZE_FIELD_NONE && strcmp(f, varied) != 0)
        snprintf(buf, size, "%s (%s)", status_name(st), f);
    else
        snprintf(buf, size, "%s", status_name(st));
}

static void header(const char *first, const char *const *names, size_t n)
{
    printf("| %s |", first);
    for (size_t i = 0; i < n; i++)
        printf(" %s |", names[i]);
    printf("\n|---|");
    for (size_t i = 0; i < n; i++)
        printf("---|");
    printf("\n");
}

/* The chart and the four per-segment functions on one segment; one cell
 * when they agree, each one's status when not. */
static void segment_cell(char *buf, size_t size, const amsize_segment *s, const char *varied)
{
    amsize_chart_row row;
    amsize_netratio nr;
    amsize_support sup;
    amsize_load load;
    amsize_error err;
    char c[5][64];
    int st[5];

    ASSERT_OK(amsize_chart_row_init(&row, 1));
    ASSERT_OK(amsize_netratio_init(&nr));
    ASSERT_OK(amsize_support_init(&sup));
    ASSERT_OK(amsize_load_init(&load));
    ASSERT_OK(amsize_error_init(&err));
    st[0] = amsize_chart_compute(&row, 1, NULL, &err, s, 1, NULL);
    cell(c[0], sizeof c[0], st[0], &err, varied);
    st[1] = amsize_segment_check(&err, s, 0);
    cell(c[1], sizeof c[1], st[1], &err, varied);
    st[2] = amsize_netratio_compute(&nr, &err, s, NULL);
    cell(c[2], sizeof c[2], st[2], &err, varied);
    st[3] = amsize_support_compute(&sup, &err, s, NULL);
    cell(c[3], sizeof c[3], st[3], &err, varied);
    st[4] = amsize_load_compute(&load, &err, s, NULL);
    cell(c[4], sizeof c[4], st[4], &err, varied);
    /* The chart's status, then the functions that disagree with it,
     * grouped by what they return. */
    static const char *const who[5] = {"chart", "check", "netratio", "support", "load"};
    size_t len = (size_t)snprintf(buf, size, "%s", c[0]);
    int done[5] = {1, 0, 0, 0, 0};
    for (int i = 1; i < 5; i++) {
        if (done[i] || strcmp(c[i], c[0]) == 0)
            continue;
        len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "; %s:", c[i]);
        for (int j = i; j < 5; j++) {
            if (!done[j] && strcmp(c[j], c[i]) == 0) {
                done[j] = 1;
                len += (size_t)snprintf(buf + len, len < size ? size - len : 0, " %s", who[j]);
            }
        }
    }
}

static void segments_table(void)
{
    static const struct {
        const char *name;
        size_t off;
    } dfields[] = {
#define F(x) {#x, offsetof(amsize_segment, x)}
        F(weighted_accounts), F(book), F(upsell), F(cross_sell), F(churn),
        F(churn_attribution), F(am_productivity), F(am_cost), F(gross_margin),
        F(cost_coverage), F(growth_per_account), F(max_load),
#undef F
    };
    char buf[256];

    printf("### amsize_segment fields\n\n"
           "`amsize_chart_compute()`, `amsize_segment_check()`, `amsize_netratio_compute()`, "
           "`amsize_support_compute()` and `amsize_load_compute()` on one segment (the "
           "README's Enterprise example) with one field replaced. The cell is the "
           "chart's status; after a `;` come the functions that return something else "
           "(check validates without computing, so it never says E_OVERFLOW). "
           "weighted_accounts and growth_per_account are used with their "
           "`has_` flag set to 1. \"(field)\" names the field err reports when it is "
           "not the one replaced.\n\n");
    header("field", bad_name, NBAD);
    for (size_t f = 0; f < sizeof dfields / sizeof dfields[0]; f++) {
        printf("| %s |", dfields[f].name);
        for (size_t v = 0; v < NBAD; v++) {
            amsize_segment s;
            seg_enterprise(&s);
            memcpy((char *)&s + dfields[f].off, &bad[v], sizeof(double));
            if (strcmp(dfields[f].name, "weighted_accounts") == 0)
                s.has_weighted_accounts = 1;
            if (strcmp(dfields[f].name, "growth_per_account") == 0)
                s.has_growth_per_account = 1;
            segment_cell(buf, sizeof buf, &s, dfields[f].name);
            printf(" %s |", buf);
        }
        printf("\n");
    }

    static const char *const int_names[] = {"-1", "0", "6", "INT_MAX", "INT_MIN"};
    printf("\nInteger fields (INT_MAX/INT_MIN: of the field's type):\n\n");
    header("field", int_names, 5);
    const int64_t iv[5] = {-1, 0, 6, 0, 0};
    static const char *const ifields[] = {"accounts", "support_rating", "has_weighted_accounts",
                                          "has_growth_per_account"};
    for (int f = 0; f < 4; f++) {
        printf("| %s |", ifields[f]);
        for (int v = 0; v < 5; v++) {
            amsize_segment s;
            seg_enterprise(&s);
            int64_t x = iv[v];
            if (v == 3)
                x = f == 0 ? INT64_MAX : INT32_MAX;
            if (v == 4)
                x = f == 0 ? INT64_MIN : INT32_MIN;
            switch (f) {
            case 0: s.accounts = x; break;
            case 1: s.support_rating = (int32_t)x; break;
            case 2: s.has_weighted_accounts = (int32_t)x; s.weighted_accounts = 1; break;
            default: s.has_growth_per_account = (int32_t)x; s.growth_per_account = 1; break;
            }
            segment_cell(buf, sizeof buf, &s, ifields[f]);
            printf(" %s |", buf);
        }
        printf("\n");
    }
    printf("\n");
}

static void model_table(void)
{
    amsize_chart_row row;
    amsize_error err;
    amsize_segment s;
    char buf[128];

    printf("### amsize_model fields\n\n`amsize_chart_compute()` with the default model, one "
           "field replaced (`amsize_model_check()` gives the same status).\n\n");
    header("field", bad_name, NBAD);
    for (int f = 0; f < 7; f++) {
        char name[32];
        if (f < 5)
            snprintf(name, sizeof name, "selling_time[%d]", f + 1);
        else
            snprintf(name, sizeof name, "%s", f == 5 ? "rating_high" : "rating_medium");
        printf("| %s |", name);
        for (size_t v = 0; v < NBAD; v++) {
            amsize_model m;
            ASSERT_OK(amsize_model_init(&m));
            if (f < 5)
                m.selling_time[f] = bad[v];
            else if (f == 5)
                m.rating_high = bad[v];
            else
                m.rating_medium = bad[v];
            seg_enterprise(&s);
            ASSERT_OK(amsize_chart_row_init(&row, 1));
            ASSERT_OK(amsize_error_init(&err));
            int st = amsize_chart_compute(&row, 1, NULL, &err, &s, 1, &m);
            cell(buf, sizeof buf, st, &err, name);
            amsize_error e2;
            ASSERT_OK(amsize_error_init(&e2));
            int st2 = amsize_model_check(&e2, &m);
            if (st2 != st)
                printf(" %s (model_check: %s) |", buf, status_name(st2));
            else
                printf(" %s |", buf);
        }
        printf("\n");
    }
    printf("\n");
}

static void arrays_table(void)
{
    amsize_segment segs[2];
    amsize_chart_row rows[2], total;
    amsize_error err, bad_err;
    amsize_totals t[2], t1[1];
    double col[1] = {1.0};
    int32_t seg_ok[1] = {0};
    char buf[128];

    seg_enterprise(&segs[0]);
    seg_enterprise(&segs[1]);
    ASSERT_OK(amsize_chart_row_init(rows, 2));
    ASSERT_OK(amsize_chart_row_init(&total, 1));
    ASSERT_OK(amsize_totals_init(t, 2));
    ASSERT_OK(amsize_totals_init(t1, 1));
    memset(&bad_err, 0, sizeof bad_err);
    bad_err.struct_size = 7;

    printf("### Pointers, lengths and struct sizes (\"empty\" inputs)\n\n");
    printf("| call | status |\n|---|---|\n");
#define ROW(desc, expr)                                     \
    do {                                                    \
        ASSERT_OK(amsize_error_init(&err));                 \
        int st_ = (expr);                                   \
        cell(buf, sizeof buf, st_, &err, "");               \
        printf("| %s | %s |\n", desc, buf);                 \
    } while (0)
    ROW("chart_compute, segs NULL", amsize_chart_compute(rows, 2, &total, &err, NULL, 2, NULL));
    ROW("chart_compute, segs_len 0", amsize_chart_compute(rows, 2, &total, &err, segs, 0, NULL));
    ROW("chart_compute, rows NULL", amsize_chart_compute(NULL, 2, &total, &err, segs, 2, NULL));
    ROW("chart_compute, rows_len 1 < segs_len 2",
        amsize_chart_compute(rows, 1, &total, &err, segs, 2, NULL));
    ROW("chart_compute, total NULL (allowed)",
        amsize_chart_compute(rows, 2, NULL, &err, segs, 2, NULL));
    ROW("chart_compute, err NULL (allowed)",
        amsize_chart_compute(rows, 2, &total, NULL, segs, 2, NULL));
    ROW("chart_compute, err.struct_size 7",
        amsize_chart_compute(rows, 2, &total, &bad_err, segs, 2, NULL));
    segs[1].struct_size = 8;
    ROW("chart_compute, segs[1].struct_size 8",
        amsize_chart_compute(rows, 2, &total, &err, segs, 2, NULL));
    segs[1].struct_size = sizeof segs[1];
    rows[1].struct_size = 0;
    ROW("chart_compute, rows[1].struct_size 0",
        amsize_chart_compute(rows, 2, &total, &err, segs, 2, NULL));
    rows[1].struct_size = sizeof rows[1];
    ROW("segment_init, NULL with length 1", amsize_segment_init(NULL, 1));
    ROW("segment_init, NULL with length 0", amsize_segment_init(NULL, 0));
    ROW("segment_init_, struct_size 119", amsize_segment_init_(segs, 1, 119));
    ROW("model_check, NULL", amsize_model_check(&err, NULL));
    ROW("segment_check, NULL", amsize_segment_check(&err, NULL, 0));
    ROW("netratio_compute, out NULL", amsize_netratio_compute(NULL, &err, segs, NULL));
    ROW("totals_add, totals NULL",
        amsize_totals_add(NULL, 1, &err, seg_ok, 1, col, col, col, col, NULL, NULL));
    ROW("totals_add, rows 0, columns NULL (allowed)",
        amsize_totals_add(t, 2, &err, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL));
    ROW("totals_add, arr NULL",
        amsize_totals_add(t, 2, &err, seg_ok, 1, NULL, col, col, col, NULL, NULL));
    ROW("totals_add, segment NULL",
        amsize_totals_add(t, 2, &err, NULL, 1, col, col, col, col, NULL, NULL));
    ROW("totals_add, totals_len 0",
        amsize_totals_add(t, 0, &err, seg_ok, 1, col, col, col, col, NULL, NULL));
    ROW("totals_merge, lengths 2 and 1", amsize_totals_merge(t, 2, &err, t1, 1));
    ROW("totals_merge, src NULL", amsize_totals_merge(t, 2, &err, NULL, 2));
    ROW("totals_segment, part 3", amsize_totals_segment(&segs[0], &err, t, 3));
    ROW("totals_segment, part -1", amsize_totals_segment(&segs[0], &err, t, -1));
    ROW("totals_pilot, totals NULL", amsize_totals_pilot(NULL, &err, NULL, 1.0));
#undef ROW
    printf("\n");
}

static void totals_table(void)
{
    static const char *const cols[] = {"arr", "upsell", "cross_sell", "churn",
                                       "service_weight"};
    char buf[128];

    printf("### amsize_totals_add() columns\n\n"
           "One valid row, one column's value replaced (service_weight passed, not NULL). "
           "1e308 in one row is refused because a chunk's column sum may not exceed "
           "1e300.\n\n");
    header("column", bad_name, NBAD);
    for (int c = 0; c < 5; c++) {
        printf("| %s |", cols[c]);
        for (size_t v = 0; v < NBAD; v++) {
            amsize_totals t[1];
            amsize_error err;
            double x[5] = {1000, 10, 10, 10, 1};
            int32_t seg = 0;
            x[c] = bad[v];
            ASSERT_OK(amsize_totals_init(t, 1));
            ASSERT_OK(amsize_error_init(&err));
            int st = amsize_totals_add(t, 1, &err, &seg, 1, &x[0], &x[1], &x[2], &x[3], &x[4],
                                       NULL);
            cell(buf, sizeof buf, st, &err, cols[c]);
            printf(" %s |", buf);
        }
        printf("\n");
    }
    static const char *const idx_names[] = {"-1", "2 (= totals_len)", "INT32_MAX", "INT32_MIN"};
    static const int32_t idx[] = {-1, 2, INT32_MAX, INT32_MIN};
    printf("\n");
    header("segment index (totals_len 2)", idx_names, 4);
    printf("| segment |");
    for (int v = 0; v < 4; v++) {
        amsize_totals t[2];
        amsize_error err;
        double one = 1;
        ASSERT_OK(amsize_totals_init(t, 2));
        ASSERT_OK(amsize_error_init(&err));
        int st = amsize_totals_add(t, 2, &err, &idx[v], 1, &one, &one, &one, &one, NULL, NULL);
        cell(buf, sizeof buf, st, &err, "segment_index");
        printf(" %s |", buf);
    }
    static const char *const cov_names[] = {"0", "1", "2", "255"};
    static const uint8_t cov[] = {0, 1, 2, 255};
    printf("\n\n");
    header("am_covered", cov_names, 4);
    printf("| am_covered |");
    for (int v = 0; v < 4; v++) {
        amsize_totals t[1];
        amsize_error err;
        double one = 1;
        int32_t seg = 0;
        ASSERT_OK(amsize_totals_init(t, 1));
        ASSERT_OK(amsize_error_init(&err));
        int st = amsize_totals_add(t, 1, &err, &seg, 1, &one, &one, &one, &one, NULL, &cov[v]);
        cell(buf, sizeof buf, st, &err, "am_covered");
        printf(" %s |", buf);
    }
    printf("\n\n`amsize_totals_pilot()`, churn_attribution:\n\n");
    header("argument", bad_name, NBAD);
    printf("| churn_attribution |");
    for (size_t v = 0; v < NBAD; v++) {
        amsize_totals t[1];
        amsize_pilot p;
        amsize_error err;
        ASSERT_OK(amsize_totals_init(t, 1));
        ASSERT_OK(amsize_pilot_init(&p));
        ASSERT_OK(amsize_error_init(&err));
        int st = amsize_totals_pilot(&p, &err, t, bad[v]);
        cell(buf, sizeof buf, st, &err, "churn_attribution");
        printf(" %s |", buf);
    }
    printf("\n\n");
}

static void pilot_table(void)
{
    static const char *const args[] = {"nr_covered", "book_covered", "nr_uncovered",
                                       "book_uncovered"};
    char buf[128];

    printf("### amsize_pilot_compare()\n\nBase: nr 3e6 and book 20e6 covered, 1e6 and 20e6 "
           "uncovered; one argument replaced. \"(field)\" is err's field; err.index says "
           "which pair (0 covered, 1 uncovered).\n\n");
    header("argument", bad_name, NBAD);
    for (int a = 0; a < 4; a++) {
        printf("| %s |", args[a]);
        for (size_t v = 0; v < NBAD; v++) {
            double x[4] = {3e6, 20e6, 1e6, 20e6};
            amsize_pilot p;
            amsize_error err;
            x[a] = bad[v];
            ASSERT_OK(amsize_pilot_init(&p));
            ASSERT_OK(amsize_error_init(&err));
            int st = amsize_pilot_compare(&p, &err, x[0], x[1], x[2], x[3]);
            cell(buf, sizeof buf, st, &err, "");
            printf(" %s |", buf);
        }
        printf("\n");
    }
    printf("\n");
}

/* ---- scalar functions: the value returned ------------------------------- */

typedef double (*fn1)(double);
typedef double (*fn2)(double, double);
typedef double (*fn3)(double, double, double);
typedef double (*fn4)(double, double, double, double);
typedef double (*fn7)(double, double, double, double, double, double, double);

typedef struct scalar {
    const char *name;
    int arity;
    void (*fn)(void);
    double base[7];
    const char *args[7];
} scalar;

static double call(const scalar *s, const double *x)
{
    switch (s->arity) {
    case 1: return ((fn1)s->fn)(x[0]);
    case 2: return ((fn2)s->fn)(x[0], x[1]);
    case 3: return ((fn3)s->fn)(x[0], x[1], x[2]);
    case 4: return ((fn4)s->fn)(x[0], x[1], x[2], x[3]);
    default: return ((fn7)s->fn)(x[0], x[1], x[2], x[3], x[4], x[5], x[6]);
    }
}

static double support_factor_d(double r, double t1, double t2, double t3, double t4, double t5,
                               double unused)
{
    (void)unused;
    /* rating is an int32_t: a double here is converted only when it fits */
    if (!(r >= INT32_MIN && r <= INT32_MAX))
        return -12345.0; /* marker: not representable, not called */
    return amsize_support_factor_calc((int32_t)r, t1, t2, t3, t4, t5);
}

static void fmt_value(char *buf, size_t size, double v)
{
    if (isnan(v))
        snprintf(buf, size, "NaN");
    else if (v == -12345.0)
        snprintf(buf, size, "n/a (int)");
    else if (v == 0 && signbit(v))
        snprintf(buf, size, "**-0**");
    else
        snprintf(buf, size, "%.6g", v);
}

static void scalar_table(void)
{
#define S(n, a, ...) {#n, a, (void (*)(void))amsize_##n, __VA_ARGS__}
    static const scalar fns[] = {
        S(ceil_eps_calc, 1, {2.5}, {"x"}),
        S(floor_eps_calc, 1, {2.5}, {"x"}),
        S(churn_attributed_calc, 2, {4e6, 0.5}, {"churn", "churn_attribution"}),
        S(net_ratio_calc, 4, {12e6, 8e6, 4e6, 1}, {"upsell", "cross_sell", "churn",
                                                   "churn_attribution"}),
        S(net_ratio_pct_calc, 2, {16e6, 100e6}, {"net_ratio", "book"}),
        S(net_ratio_rating_calc, 3, {0.16, 0.15, 0.05}, {"net_ratio_pct", "rating_high",
                                                         "rating_medium"}),
        S(fte_net_calc, 2, {16e6, 1.5e6}, {"net_ratio", "am_productivity"}),
        S(fte_demand_calc, 2, {10.5, 1.2}, {"fte_net", "support_factor"}),
        S(hc_demand_calc, 1, {10.5}, {"fte_demand"}),
        S(growth_per_account_calc, 2, {16e6, 200}, {"net_ratio", "weighted_accounts"}),
        S(min_load_calc, 4, {200e3, 1, 1, 80e3}, {"am_cost", "gross_margin", "cost_coverage",
                                                  "growth_per_account"}),
        S(hc_floor_calc, 2, {200, 20}, {"weighted_accounts", "max_load"}),
        S(hc_ceiling_calc, 2, {200, 3}, {"weighted_accounts", "min_load"}),
        S(headcount_calc, 3, {10, 11, 66}, {"hc_floor", "hc_demand", "hc_ceiling"}),
        S(binding_calc, 2, {11, 11}, {"headcount", "hc_demand"}),
        S(load_per_am_calc, 2, {200, 11}, {"weighted_accounts", "headcount"}),
        S(cost_calc, 2, {11, 200e3}, {"headcount", "am_cost"}),
        S(net_per_am_calc, 2, {16e6, 11}, {"net_ratio", "headcount"}),
        S(roi_calc, 3, {1, 16e6, 2.2e6}, {"gross_margin", "net_ratio", "cost"}),
        S(flags_calc, 7, {200, 200, 100e6, 16e6, 80e3, 3, 20},
          {"accounts", "weighted_accounts", "book", "net_ratio", "growth_per_account",
           "min_load", "max_load"}),
        S(pilot_delta_calc, 4, {3e6, 20e6, 1e6, 20e6}, {"nr_covered", "book_covered",
                                                        "nr_uncovered", "book_uncovered"}),
        S(pilot_lift_calc, 4, {3e6, 20e6, 1e6, 20e6}, {"nr_covered", "book_covered",
                                                       "nr_uncovered", "book_uncovered"}),
        S(pilot_incremental_calc, 4, {3e6, 20e6, 1e6, 20e6},
          {"nr_covered", "book_covered", "nr_uncovered", "book_uncovered"}),
        S(monthly_attrition_calc, 1, {0.15}, {"attrition"}),
        S(ramp_share_calc, 2, {2, 6}, {"tenure_months", "ramp_months"}),
        S(requisitions_calc, 2, {11, 10.85}, {"target_headcount", "projected"}),
        {"support_factor_calc", 7, (void (*)(void))support_factor_d,
         {4, 0.4, 0.5, 0.6, 0.7, 0.8, 0},
         {"support_rating", "t1", "t2", "t3", "t4", "t5", NULL}},
    };
#undef S
    char buf[64];

    printf("### Scalar functions (`amsize/scalar.h`)\n\n"
           "The value returned with one argument replaced; the first column is the value "
           "with the base arguments given in the row's name. NaN is how these functions "
           "refuse input (and mark an undefined result). A **-0** is a negative zero, "
           "which a spreadsheet shows as 0 but `1/x` turns into -inf. support_rating is "
           "an int32_t: its row passes -1, 0, 6 and 0 for -1, 0, 1e308 and 5e-324, and "
           "says n/a for the values an int cannot hold.\n\n");
    const char *titles[NBAD + 1];
    titles[0] = "base";
    for (size_t v = 0; v < NBAD; v++)
        titles[v + 1] = bad_name[v];
    header("function(argument)", titles, NBAD + 1);
    for (size_t f = 0; f < sizeof fns / sizeof fns[0]; f++) {
        const scalar *s = &fns[f];
        for (int a = 0; a < s->arity && s->args[a]; a++) {
            double x[7];
            memcpy(x, s->base, sizeof x);
            printf("| %s(%s) |", s->name, s->args[a]);
            fmt_value(buf, sizeof buf, call(s, x));
            printf(" %s |", buf);
            for (size_t v = 0; v < NBAD; v++) {
                memcpy(x, s->base, sizeof x);
                x[a] = bad[v];
                if (f == sizeof fns / sizeof fns[0] - 1 && a == 0)
                    x[a] = v == 3 ? -1 : v == 4 ? 0 : v == 5 ? 6 : bad[v];
                fmt_value(buf, sizeof buf, call(s, x));
                printf(" %s |", buf);
            }
            printf("\n");
        }
    }
    printf("\n");
}

/* ---- the hiring plan ---------------------------------------------------- */

/* One plan of the Enterprise sample over 6 months, with a roster of one AM
 * (fte 1, tenure 2) and a ramp curve {0.25, 0.5}, and one input replaced:
 * which (0..5: attrition, time_to_fill, ramp_months, fte, tenure_months,
 * share) gets v. Whole-number inputs are int32_t: -1, 0 and 6 stand for
 * -1, 0 and 1e308 as in the support_rating row, n/a for what an int
 * cannot hold. */
static void plan_cell(char *buf, size_t size, int which, size_t v, const char *varied)
{
    amsize_segment s;
    amsize_staffing st;
    amsize_plan_month m[6];
    amsize_plan_summary sum;
    amsize_error err;
    double work[16], ramp[2] = {0.25, 0.5}, fte = 1;
    int32_t tenure = 2;
    int whole = which == 1 || which == 2 || which == 4;
    if (whole && !(v == 3 || v == 4 || v == 5)) {
        snprintf(buf, size, "n/a (int)");
        return;
    }
    int32_t iv = v == 3 ? -1 : v == 4 ? 0 : 6;
    seg_enterprise(&s);
    ASSERT_OK(amsize_staffing_init(&st, 1));
    ASSERT_OK(amsize_plan_month_init(m, 6));
    ASSERT_OK(amsize_plan_summary_init(&sum));
    ASSERT_OK(amsize_error_init(&err));
    switch (which) {
    case 0: st.attrition = bad[v]; break;
    case 1: st.time_to_fill = iv; break;
    case 2: st.ramp_months = iv; break;
    case 3: fte = bad[v]; break;
    case 4: tenure = iv; break;
    default: ramp[1] = bad[v]; break;
    }
    int rc = amsize_plan_compute(m, 6, &sum, &err, work, 16, &s, NULL, &st, ramp, 2, &fte,
                                 &tenure, 1);
    cell(buf, size, rc, &err, varied);
}

static void plan_table(void)
{
    static const char *const names[] = {"attrition", "time_to_fill", "ramp_months", "fte",
                                        "tenure_months", "share"};
    char buf[64];

    printf("### The hiring plan (`amsize/plan.h`)\n\n`amsize_plan_compute()` on the "
           "Enterprise sample over 6 months, with a roster of one AM (fte 1, tenure 2) and "
           "the ramp curve {0.25, 0.5}, one input replaced (share: the curve's second "
           "month). time_to_fill, ramp_months and tenure_months are int32_t: their rows "
           "pass -1, 0 and 6 for -1, 0 and 1e308, and say n/a for the values an int cannot "
           "hold; -1 is AMSIZE_TENURE_RAMPED for a tenure.\n\n");
    header("input", bad_name, NBAD);
    for (int f = 0; f < 6; f++) {
        printf("| %s |", names[f]);
        for (size_t v = 0; v < NBAD; v++) {
            plan_cell(buf, sizeof buf, f, v, names[f]);
            printf(" %s |", buf);
        }
        printf("\n");
    }
    printf("\n");
}

int main(void)
{
    printf("## The library\n\n");
    printf("Generated by `tests/reliability/bad_input.c` against libamsize %s.\n\n",
           amsize_version());
    segments_table();
    model_table();
    arrays_table();
    totals_table();
    pilot_table();
    plan_table();
    scalar_table();
    return 0;
}
