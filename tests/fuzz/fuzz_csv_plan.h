/* What the two plan-file targets share: a fixed, valid SEGMENTS.csv, and
 * a plan of every segment from what the reader accepted. */
#ifndef FUZZ_CSV_PLAN_H
#define FUZZ_CSV_PLAN_H

#include "fuzz_csv.h"

static const char fzplan_segments_csv[] =
    "segment,am_productivity,am_cost,max_load,accounts,book,upsell,cross_sell,churn,"
    "attrition,time_to_fill,ramp_months,current_ams\n"
    "Enterprise,1500000,200000,20,200,100000000,12000000,8000000,4000000,0.15,3,6,4\n"
    "SMB,1000000,120000,500,20000,40000000,1500000,500000,3000000,0,0,0,0\n"
    "\"Mid, Market\",1200000,150000,80,900,60000000,5000000,2000000,1000000,0.3,1,2,\n";

/* Reads the fixed segments into in, as `amsize plan` does; path gets the
 * file's name, and the descriptor is returned for close(). */
static int fzplan_segments(input *in, char *path, size_t size)
{
    int fd = fzcsv_file(path, size, (const uint8_t *)fzplan_segments_csv,
                        sizeof fzplan_segments_csv - 1);
    input_init(in);
    in->need_staffing = 1;
    fzcsv_quiet(1);
    int rc = input_read_segments(in, path, 0);
    fzcsv_quiet(0);
    FZ_CHECK(rc == 0 && in->nsegs == 3, "the fixed segments file is refused");
    return fd;
}

/* Plans every segment over 24 months with the roster and ramp curves the
 * readers accepted. allowed: a status other than OK that the library may
 * still give (a rule the reader leaves to it). */
static void fzplan_run(const input *in, int allowed)
{
    enum { H = 24 };
    amsize_plan_month months[H];
    amsize_plan_summary sum;
    amsize_error err;
    const roster *ro = &in->roster;
    const ramps *rp = &in->ramp;
    size_t most = 0;
    for (size_t i = 0; ro->path && i < in->nsegs; i++)
        if (ro->first[i + 1] - ro->first[i] > most)
            most = ro->first[i + 1] - ro->first[i];
    size_t work_len = most + 2 * H + 1;
    double *work = malloc(work_len * sizeof *work);
    FZ_CHECK(work != NULL, "malloc");
    for (size_t i = 0; i < in->nsegs; i++) {
        static const double no_fte = 0;
        static const int32_t no_tenure = 0;
        size_t count = ro->path ? ro->first[i + 1] - ro->first[i] : 0;
        const double *fte = !ro->path ? NULL : count ? &ro->fte[ro->first[i]] : &no_fte;
        const int32_t *tenure = !ro->path ? NULL : count ? &ro->tenure[ro->first[i]] : &no_tenure;
        size_t ramp_len = rp->path ? rp->first[i + 1] - rp->first[i] : 0;
        ASSERT_OK(amsize_plan_month_init(months, H));
        ASSERT_OK(amsize_plan_summary_init(&sum));
        ASSERT_OK(amsize_error_init(&err));
        amsize_status st = amsize_plan_compute(months, H, &sum, &err, work, work_len,
                                               &in->segs[i], NULL, &in->staff[i],
                                               ramp_len ? &rp->share[rp->first[i]] : NULL,
                                               ramp_len, fte, tenure, count);
        FZ_CHECK(st == AMSIZE_OK || (int)st == allowed,
                 "segment %zu: the library refuses what the reader accepted: %s (field %s, "
                 "index %lld)",
                 i, amsize_strerror(st), amsize_field_name(err.field), (long long)err.index);
        if (st != AMSIZE_OK)
            continue;
        for (size_t t = 0; t < H; t++) {
            FZ_CHECK(isfinite(months[t].headcount) && months[t].headcount >= 0,
                     "month %zu: headcount", t + 1);
            FZ_CHECK(months[t].requisitions == floor(months[t].requisitions) &&
                         months[t].requisitions >= 0,
                     "month %zu: requisitions not whole", t + 1);
        }
    }
    free(work);
}

#endif
