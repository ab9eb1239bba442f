/* libFuzzer target: the plan's roster file (AMS.csv) of the amsize
 * command. A fixed SEGMENTS.csv is read first; then the bytes are streamed
 * through the CSV reader in several chunkings (which must agree) and read
 * as AMS.csv by input_read_roster(). A crash, leak, UB report or an exit
 * status other than 0 or 65 is a failure; on success every AM sits in one
 * segment with a valid fte and tenure, and the library plans every segment
 * from that roster without refusing it (fuzz_csv_plan.h). */
#include "fuzz_csv_plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char seg_path[64], path[64];
    input in;

    fzcsv_check_chunking(data, size);
    int seg_fd = fzplan_segments(&in, seg_path, sizeof seg_path);
    int fd = fzcsv_file(path, sizeof path, data, size);
    fzcsv_quiet(1);
    int rc = input_read_roster(&in, path);
    fzcsv_quiet(0);
    fzcsv_check_rc(rc, "input_read_roster");
    if (rc == 0) {
        const roster *ro = &in.roster;
        FZ_CHECK(ro->first[0] == 0 && ro->first[in.nsegs] == ro->n, "roster bounds");
        for (size_t s = 0; s < in.nsegs; s++)
            FZ_CHECK(ro->first[s] <= ro->first[s + 1], "segment %zu: AMs out of order", s);
        for (size_t j = 0; j < ro->n; j++) {
            FZ_CHECK(ro->fte[j] > 0 && ro->fte[j] <= 1, "AM %zu: fte %g", j, ro->fte[j]);
            FZ_CHECK(ro->tenure[j] >= 0 || ro->tenure[j] == AMSIZE_TENURE_RAMPED,
                     "AM %zu: tenure %d", j, (int)ro->tenure[j]);
        }
        fzplan_run(&in, AMSIZE_OK);
    }
    input_free(&in);
    close(seg_fd);
    close(fd);
    return 0;
}
