/* libFuzzer target: the segments file of the amsize command. The bytes are
 * (1) streamed through the CSV reader (tools/csvin.h) in several chunkings,
 * which must agree, and (2) read as SEGMENTS.csv by input_read_segments(),
 * with and without --accounts. A crash, leak, UB report or an exit status
 * other than 0 or 65 is a failure (see fuzz_csv.h). */
#include "fuzz_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    input in;

    fzcsv_check_chunking(data, size);

    int fd = fzcsv_file(path, sizeof path, data, size);
    for (int with_accounts = 0; with_accounts < 2; with_accounts++) {
        input_init(&in);
        fzcsv_quiet(1);
        int rc = input_read_segments(&in, path, with_accounts);
        fzcsv_quiet(0);
        fzcsv_check_rc(rc, "input_read_segments");
        if (rc == 0)
            fzcsv_check_input(&in);
        input_free(&in);
    }
    close(fd);
    return 0;
}
