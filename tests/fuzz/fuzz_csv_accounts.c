/* libFuzzer target: the accounts file of the amsize command. A fixed, valid
 * SEGMENTS.csv is read first; then the bytes are streamed through the CSV
 * reader in several chunkings (which must agree) and read as ACCOUNTS.csv
 * by input_read_accounts(), which folds them into amsize_totals. A crash,
 * leak, UB report or an exit status other than 0 or 65 is a failure; on
 * success every segment has the accounts the file gave it (see
 * fuzz_csv.h). */
#include "fuzz_csv.h"

static const char segments_csv[] =
    "segment,am_productivity,am_cost,max_load,churn_attribution,support_rating\n"
    "Enterprise,1500000,200000,20,1,3\n"
    "SMB,1000000,120000,500,0.5,4\n"
    "\"Mid, Market\",1200000,150000,80,0.8,2\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char seg_path[64], acc_path[64];
    input in;

    fzcsv_check_chunking(data, size);

    int seg_fd = fzcsv_file(seg_path, sizeof seg_path, (const uint8_t *)segments_csv,
                            sizeof segments_csv - 1);
    int acc_fd = fzcsv_file(acc_path, sizeof acc_path, data, size);
    input_init(&in);
    fzcsv_quiet(1);
    int rc = input_read_segments(&in, seg_path, 1);
    FZ_CHECK(rc == 0 && in.nsegs == 3, "the fixed segments file is refused");
    rc = input_read_accounts(&in, acc_path);
    fzcsv_quiet(0);
    fzcsv_check_rc(rc, "input_read_accounts");
    if (rc == 0) {
        uint64_t rows = 0;
        for (size_t i = 0; i < in.nsegs; i++) {
            FZ_CHECK((uint64_t)in.segs[i].accounts == in.rows_per_seg[i],
                     "segment %zu: %lld accounts, %llu rows read", i,
                     (long long)in.segs[i].accounts, (unsigned long long)in.rows_per_seg[i]);
            FZ_CHECK(in.segs[i].has_weighted_accounts == 1, "weighted accounts not set");
            rows += in.rows_per_seg[i];
        }
        FZ_CHECK(rows == in.account_rows && rows > 0, "row counts disagree");
        fzcsv_check_input(&in);
    }
    input_free(&in);
    close(seg_fd);
    close(acc_fd);
    return 0;
}
