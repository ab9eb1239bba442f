/* Sizes three segments from inline numbers and prints the chart as a table.
 * Build against an installed libamsize with:
 *   cc chart_table.c $(pkg-config --cflags --libs amsize) -o chart_table */
#include <stdio.h>
#include <string.h>

#include <amsize.h>

static void print_row(const char *name, const amsize_chart_row *r)
{
    char flags[80] = "";
    for (uint32_t bit = 1; bit <= AMSIZE_FLAG_ALL; bit <<= 1) {
        if (r->flags & bit) {
            if (flags[0])
                snprintf(flags + strlen(flags), sizeof flags - strlen(flags), "|");
            snprintf(flags + strlen(flags), sizeof flags - strlen(flags), "%s",
                     amsize_flag_name(bit));
        }
    }
    printf("%-11s %8lld %8.1f %7.1f%% %-6s %5.2f %7.2f %6.0f %6.0f %5lld %7lld %6lld %9lld"
           "  %-13s %s\n",
           name, (long long)r->accounts, r->net_ratio / 1e6, r->net_ratio_pct * 100,
           amsize_rating_name(r->net_ratio_rating), r->support_factor, r->fte_demand,
           r->min_load, r->max_load, (long long)r->hc_floor, (long long)r->hc_ceiling,
           (long long)r->hc_demand, (long long)r->headcount, amsize_binding_name(r->binding),
           flags);
}

int main(void)
{
    static const char *const names[3] = {"Enterprise", "Mid-Market", "SMB"};
    amsize_segment seg[3];
    amsize_chart_row rows[3], total;
    amsize_error err;
    amsize_status st;

    /* The init calls fail only when amsize.h and the library loaded at run
     * time disagree on a struct's size (AMSIZE_E_STRUCT_SIZE: the program
     * was built against a newer header than the library it found). */
    st = amsize_segment_init(seg, 3);
    if (st == AMSIZE_OK)
        st = amsize_chart_row_init(rows, 3);
    if (st == AMSIZE_OK)
        st = amsize_chart_row_init(&total, 1);
    if (st == AMSIZE_OK)
        st = amsize_error_init(&err);
    if (st != AMSIZE_OK) {
        fprintf(stderr, "chart_table: libamsize %s: %s\n", amsize_version(),
                amsize_strerror(st));
        return 1;
    }

    /* Enterprise: few large accounts, strong expansion. */
    seg[0].accounts = 200;
    seg[0].book = 100e6;
    seg[0].upsell = 12e6;
    seg[0].cross_sell = 8e6;
    seg[0].churn = 4e6;
    seg[0].am_productivity = 1.5e6;
    seg[0].am_cost = 200e3;
    seg[0].max_load = 20;

    /* Mid-Market: renewal reps own half the churn. */
    seg[1].accounts = 1500;
    seg[1].book = 90e6;
    seg[1].upsell = 11e6;
    seg[1].cross_sell = 3e6;
    seg[1].churn = 6e6;
    seg[1].churn_attribution = 0.5;
    seg[1].am_productivity = 1.2e6;
    seg[1].am_cost = 160e3;
    seg[1].max_load = 200;

    /* SMB: many small accounts, strong support, thin growth. */
    seg[2].accounts = 20000;
    seg[2].book = 40e6;
    seg[2].upsell = 1.5e6;
    seg[2].cross_sell = 0.5e6;
    seg[2].churn = 3e6;
    seg[2].churn_attribution = 0.5;
    seg[2].am_productivity = 1e6;
    seg[2].am_cost = 120e3;
    seg[2].max_load = 500;
    seg[2].support_rating = 4;

    st = amsize_chart_compute(rows, 3, &total, &err, seg, 3, NULL);
    if (st != AMSIZE_OK) {
        /* err says where: the segment (index -1 when the problem is not one
         * segment's, e.g. the model) and the field. Nothing was written. */
        if (err.index >= 0 && err.index < 3)
            fprintf(stderr, "chart_table: segment %s, %s: %s\n", names[err.index],
                    amsize_field_name(err.field), amsize_strerror(st));
        else
            fprintf(stderr, "chart_table: %s: %s\n", amsize_field_name(err.field),
                    amsize_strerror(st));
        return 1;
    }
    printf("libamsize %s\n", amsize_version());
    printf("%-11s %8s %8s %8s %-6s %5s %7s %6s %6s %5s %7s %6s %9s  %-13s %s\n", "segment",
           "accounts", "NR $M", "NR%", "rating", "f", "FTE", "Lmin", "Lmax", "floor",
           "ceiling", "demand", "headcount", "binding", "flags");
    for (int i = 0; i < 3; i++)
        print_row(names[i], &rows[i]);
    printf("%-11s %8lld %8.1f %7.1f%% %-6s %5s %7.2f %6s %6s %5lld %7lld %6lld %9lld\n",
           "TOTAL", (long long)total.accounts, total.net_ratio / 1e6, total.net_ratio_pct * 100,
           "", "", total.fte_demand, "", "", (long long)total.hc_floor,
           (long long)total.hc_ceiling, (long long)total.hc_demand, (long long)total.headcount);
    printf("AM cost %.2f $M, %.1f weighted accounts per AM\n", total.cost / 1e6,
           total.load_per_am);
    return 0;
}
