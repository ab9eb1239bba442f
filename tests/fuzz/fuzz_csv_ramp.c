/* libFuzzer target: the plan's ramp file (RAMP.csv) of the amsize command.
 * A fixed SEGMENTS.csv is read first; then the bytes are streamed through
 * the CSV reader in several chunkings (which must agree) and read as
 * RAMP.csv by input_read_ramps(). A crash, leak, UB report or an exit
 * status other than 0 or 65 is a failure; on success each curve has every
 * month from 0 with a share in [0,1], and the library plans every segment
 * from it, refusing at most a decreasing curve, which the reader leaves to
 * the library's own check (fuzz_csv_plan.h). */
#include "fuzz_csv_plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char seg_path[64], path[64];
    input in;

    fzcsv_check_chunking(data, size);
    int seg_fd = fzplan_segments(&in, seg_path, sizeof seg_path);
    int fd = fzcsv_file(path, sizeof path, data, size);
    fzcsv_quiet(1);
    int rc = input_read_ramps(&in, path);
    fzcsv_quiet(0);
    fzcsv_check_rc(rc, "input_read_ramps");
    if (rc == 0) {
        const ramps *rp = &in.ramp;
        FZ_CHECK(rp->first[0] == 0, "ramp bounds");
        for (size_t s = 0; s < in.nsegs; s++)
            FZ_CHECK(rp->first[s] <= rp->first[s + 1], "segment %zu: curve out of order", s);
        for (size_t j = 0; j < rp->first[in.nsegs]; j++)
            FZ_CHECK(rp->share[j] >= 0 && rp->share[j] <= 1, "month %zu: share %g", j,
                     rp->share[j]);
        fzplan_run(&in, AMSIZE_E_ORDER);
    }
    input_free(&in);
    close(seg_fd);
    close(fd);
    return 0;
}
