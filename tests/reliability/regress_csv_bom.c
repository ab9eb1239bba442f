/* Regression test for a bug found by tests/fuzz/fuzz_csv_segments.c: when
 * a file starts with EF (or EF BB) that is not a whole UTF-8 byte order
 * mark, the held-back bytes went to libcsv while the fast line splitter
 * read the following lines, so they came out in a later record with the
 * wrong line number. Input "\xef\r\ne\r\n" must give [EF] on line 1 and
 * [e] on line 2 with the fast path, as with libcsv alone. */
#include <stdio.h>
#include <string.h>

#include "csvin.h"

static char got[2][256];

static int on_record(void *ctx, const csvin_record *rec)
{
    char *out = got[*(int *)ctx];
    size_t len = strlen(out);
    snprintf(out + len, sizeof got[0] - len, "%s[", len ? " " : "");
    for (size_t i = 0; i < rec->nfields; i++) {
        for (const unsigned char *c = (const unsigned char *)rec->fields[i]; *c; c++) {
            len = strlen(out);
            snprintf(out + len, sizeof got[0] - len, *c >= 32 && *c < 127 ? "%c" : "\\x%02x",
                     *c);
        }
    }
    len = strlen(out);
    snprintf(out + len, sizeof got[0] - len, "] line %lu", rec->line);
    return 0;
}

int main(void)
{
    static const char input[] = "\xef\r\ne\r\n";
    for (int fast = 0; fast < 2; fast++) {
        csvin *r = csvin_new(on_record, &fast);
        if (!r)
            return 99;
        csvin_set_fast(r, fast);
        if (csvin_feed(r, input, sizeof input - 1) || csvin_finish(r)) {
            printf("reader error: %s\n", csvin_error(r));
            csvin_free(r);
            return 1;
        }
        csvin_free(r);
    }
    printf("libcsv alone: %s\nfast path:    %s\n", got[0], got[1]);
    if (strcmp(got[0], got[1]) != 0 || strcmp(got[0], "[\\xef] line 1 [e] line 2") != 0) {
        printf("FAIL: a leading EF that is not a BOM moves to a later record\n");
        return 1;
    }
    printf("PASS\n");
    return 0;
}
