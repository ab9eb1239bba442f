/* libFuzzer target: the evaluation's accounts file (ACCOUNTS.csv with
 * am_id and csm_covered) of the amsize command. A fixed SEGMENTS.csv and a
 * fixed roster (AMS.csv) are read first, as `amsize evaluate` reads them;
 * then the bytes are streamed through the CSV reader in several chunkings
 * (which must agree) and read as ACCOUNTS.csv by input_read_accounts()
 * with need_am. A crash, leak, UB report or an exit status other than 0
 * or 65 is a failure. On success:
 *   - each AM's accounts add up to its segment's AM-covered ones, and with
 *     csm_covered the support split holds every account of the segment;
 *   - when the library charts the segments (huge amounts may overflow the
 *     chart, its right), amsize_am_evaluate() and amsize_segment_evaluate()
 *     accept what the readers accepted: the only refusal allowed is a
 *     resized chart too large at a tiny observed productivity;
 *   - the flags agree with the numbers (NO_ACCOUNTS with no account,
 *     UNDERLOADED never without Lmin, BELOW_PLAN never without an
 *     attainment), and the segments' counts with the AMs'. */
#include "fuzz_csv.h"

/* Three segments with AMs and one without; ratings other than 3, so that
 * T[s]/T[3] is not 1. */
static const char segments_csv[] =
    "segment,am_productivity,am_cost,max_load,churn_attribution,support_rating\n"
    "Enterprise,1500000,200000,20,1,3\n"
    "SMB,1000000,120000,500,0.5,4\n"
    "\"Mid, Market\",1200000,150000,80,0.8,2\n"
    "Idle,1000000,100000,50,1,5\n";

/* Given and derived targets, a target of 0, part-time AMs, and the plan's
 * tenure_months, which the evaluation ignores. */
static const char roster_csv[] =
    "am_id,segment,fte,target,tenure_months\n"
    "E1,Enterprise,1,,\n"
    "E2,Enterprise,0.5,2000000,3\n"
    "S1,SMB,1,0,\n"
    "M1,\"Mid, Market\",0.25,,0\n"
    "M2,\"Mid, Market\",,100,\n";

static void check_evaluation(const input *in)
{
    const size_t n = in->nsegs, nams = in->roster.n;
    amsize_chart_row rows[4];
    amsize_segment_eval evals[4];
    amsize_am ams[5];
    amsize_am_eval am_evals[5];
    amsize_segment sums;
    double scratch[5];
    amsize_error err;

    FZ_CHECK(n == 4 && nams == 5, "the fixed files: %zu segments, %zu AMs", n, nams);
    /* The AMs' sums against the segments' covered parts. */
    input_ams(ams, in);
    ASSERT_OK(amsize_error_init(&err));
    for (size_t i = 0; i < n; i++) {
        int64_t of_ams = 0;
        for (size_t j = in->roster.first[i]; j < in->roster.first[i + 1]; j++)
            of_ams += ams[j].accounts;
        ASSERT_OK(amsize_segment_init(&sums, 1));
        ASSERT_OK(amsize_totals_segment(&sums, &err, &in->totals[i], AMSIZE_PART_COVERED));
        FZ_CHECK(of_ams == sums.accounts, "segment %zu: %lld accounts of AMs, %lld covered", i,
                 (long long)of_ams, (long long)sums.accounts);
        if (in->actual.csm) {
            amsize_segment all;
            ASSERT_OK(amsize_segment_init(&all, 1));
            ASSERT_OK(amsize_totals_segment(&all, &err, &in->actual.csm[i], AMSIZE_PART_ALL));
            FZ_CHECK(all.accounts == in->segs[i].accounts,
                     "segment %zu: the support split lost accounts", i);
        }
    }
    for (size_t j = 0; j < nams; j++)
        FZ_CHECK(ams[j].segment == in->roster.segment[j] && ams[j].accounts >= 0 &&
                     isfinite(ams[j].book) && ams[j].book >= 0,
                 "AM %zu: sums", j);

    /* The chart, as `amsize chart` computes it: huge amounts may overflow
     * it, and then there is nothing to evaluate against. */
    ASSERT_OK(amsize_chart_row_init(rows, n));
    amsize_status st = amsize_chart_compute(rows, n, NULL, &err, in->segs, n, NULL);
    fz_check_status(st, &err, 1);
    if (st != AMSIZE_OK)
        return;

    ASSERT_OK(amsize_am_eval_init(am_evals, nams));
    st = amsize_am_evaluate(am_evals, nams, &err, ams, nams, in->segs, rows, n, NULL,
                            AMSIZE_BELOW_PLAN_DEFAULT);
    FZ_CHECK(st == AMSIZE_OK, "amsize_am_evaluate refuses what the readers accepted: %s (field "
             "%s, index %lld)", amsize_strerror(st), amsize_field_name(err.field),
             (long long)err.index);
    for (size_t j = 0; j < nams; j++) {
        const amsize_am_eval *e = &am_evals[j];
        FZ_CHECK(!(e->flags & AMSIZE_AM_NO_ACCOUNTS) == (ams[j].accounts > 0),
                 "AM %zu: NO_ACCOUNTS and %lld accounts", j, (long long)ams[j].accounts);
        FZ_CHECK(!(e->flags & AMSIZE_AM_UNDERLOADED) || !isnan(e->min_load),
                 "AM %zu: UNDERLOADED without Lmin", j);
        FZ_CHECK(!(e->flags & AMSIZE_AM_BELOW_PLAN) || !isnan(e->attainment),
                 "AM %zu: BELOW_PLAN without attainment", j);
        FZ_CHECK(isfinite(e->load) && e->load >= 0 && isfinite(e->net_ratio),
                 "AM %zu: load or net ratio", j);
    }

    ASSERT_OK(amsize_segment_eval_init(evals, n));
    st = amsize_segment_evaluate(evals, n, &err, scratch, nams, ams, am_evals, nams, in->segs,
                                 rows, n, in->totals, in->actual.csm, NULL);
    FZ_CHECK(st == AMSIZE_OK || (st == AMSIZE_E_OVERFLOW &&
                                 err.field == AMSIZE_FIELD_OBSERVED_PRODUCTIVITY),
             "amsize_segment_evaluate refuses what the readers accepted: %s (field %s, index "
             "%lld)", amsize_strerror(st), amsize_field_name(err.field), (long long)err.index);
    if (st != AMSIZE_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        const amsize_segment_eval *e = &evals[i];
        int64_t over = 0;
        size_t count = in->roster.first[i + 1] - in->roster.first[i];
        for (size_t j = in->roster.first[i]; j < in->roster.first[i + 1]; j++)
            over += (am_evals[j].flags & AMSIZE_AM_OVERLOADED) != 0;
        FZ_CHECK(e->ams == (int64_t)count && e->overloaded == over,
                 "segment %zu: %lld AMs, %lld overloaded", i, (long long)e->ams,
                 (long long)e->overloaded);
        FZ_CHECK(e->csm_given == (in->actual.csm != NULL), "segment %zu: csm_given", i);
        FZ_CHECK(e->accounts_covered + e->accounts_uncovered == in->segs[i].accounts,
                 "segment %zu: covered and uncovered accounts", i);
        FZ_CHECK(count > 0 || (isnan(e->net_per_fte) && isnan(e->load_median)),
                 "segment %zu: statistics without AMs", i);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char seg_path[64], ams_path[64], acc_path[64];
    input in;

    fzcsv_check_chunking(data, size);
    int seg_fd = fzcsv_file(seg_path, sizeof seg_path, (const uint8_t *)segments_csv,
                            sizeof segments_csv - 1);
    int ams_fd = fzcsv_file(ams_path, sizeof ams_path, (const uint8_t *)roster_csv,
                            sizeof roster_csv - 1);
    int acc_fd = fzcsv_file(acc_path, sizeof acc_path, data, size);
    input_init(&in);
    in.need_am = 1;
    fzcsv_quiet(1);
    int rc = input_read_segments(&in, seg_path, 1);
    FZ_CHECK(rc == 0 && in.nsegs == 4, "the fixed segments file is refused");
    rc = input_read_roster(&in, ams_path);
    FZ_CHECK(rc == 0 && in.roster.n == 5, "the fixed roster is refused");
    rc = input_read_accounts(&in, acc_path);
    fzcsv_quiet(0);
    fzcsv_check_rc(rc, "input_read_accounts");
    if (rc == 0)
        check_evaluation(&in);
    input_free(&in);
    close(seg_fd);
    close(ams_fd);
    close(acc_fd);
    return 0;
}
