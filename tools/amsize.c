/* amsize: sizes Account Manager teams per customer segment from CSV files.
 *
 *   amsize chart --segments SEGMENTS.csv [--accounts ACCOUNTS.csv] ...
 *   amsize pilot --segments SEGMENTS.csv --accounts ACCOUNTS.csv ...
 *
 * Reads everything, computes, and only then writes: an input error never
 * leaves an output file behind. See amsize(1). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <amsize.h>

#include "explain.h"
#include "format.h"
#include "input.h"
#include "msg.h"
#include "options.h"
#include "outfile.h"
#include "report.h"
#include "text.h"
#include "xalloc.h"

/* The one line (or with --verbose, the lines) saying what was read. */
static void summary(const options *o, const input *in)
{
    if (o->quiet || !in->acc_path)
        return;
    if (o->verbose) {
        char name[ECHO_SIZE];
        for (size_t i = 0; i < in->nsegs; i++)
            fprintf(stderr, "amsize: %s: %llu account row(s) in segment %s\n",
                    msg_label(in->acc_path), (unsigned long long)in->rows_per_seg[i],
                    echo(name, in->names[i]));
    }
    fprintf(stderr, "amsize: read %llu account row(s) from %s:",
            (unsigned long long)in->account_rows, msg_label(in->acc_path));
    for (size_t i = 0; i < in->nsegs && i < 20; i++)
        fprintf(stderr, "%s %s %llu", i ? "," : "", in->names[i],
                (unsigned long long)in->rows_per_seg[i]);
    if (in->nsegs > 20)
        fprintf(stderr, ", and %zu more segments", in->nsegs - 20);
    fputc('\n', stderr);
}

static int emit(const options *o, const report *r, const input *in)
{
    outfile out;
    int fmt = o->format;
    int rc = out_open(&out, o->output, fmt == FORMAT_XLSX);
    if (rc)
        return rc;
    /* A table for people only when the output really is a terminal: not
     * when stdout is one but -o names a file. */
    if (fmt < 0)
        fmt = out.fp && isatty(fileno(out.fp)) ? FORMAT_TABLE : FORMAT_CSV;
    switch (fmt) {
    case FORMAT_CSV: write_csv(out.fp, r); break;
    case FORMAT_JSON: write_json(out.fp, r); break;
    case FORMAT_MARKDOWN: write_markdown(out.fp, r); break;
    case FORMAT_TABLE: write_table(out.fp, r); break;
    case FORMAT_XLSX:
        if ((rc = write_xlsx(out.tmp, o->output, r, in))) {
            out_abort(&out);
            return rc;
        }
        break;
    }
    return out_commit(&out);
}

static int run_chart(const options *o, const input *in)
{
    amsize_chart_row *rows = xcalloc(in->nsegs, sizeof *rows), total;
    amsize_error err;
    report r;
    int rc;

    MUST(amsize_chart_row_init(rows, in->nsegs));
    MUST(amsize_chart_row_init(&total, 1));
    MUST(amsize_error_init(&err));
    if (amsize_chart_compute(rows, in->nsegs, &total, &err, in->segs, in->nsegs, &o->model) !=
        AMSIZE_OK) {
        explain_chart_error(in, &err);
        free(rows);
        return EXIT_DATAERR;
    }
    chart_report(&r, in, rows, &total, &o->model);
    rc = emit(o, &r, in);
    free(rows);
    return rc;
}

static int run_pilot(const options *o, const input *in)
{
    amsize_pilot *p = xcalloc(in->nsegs, sizeof *p);
    amsize_segment *cov = xcalloc(in->nsegs, sizeof *cov), *unc = xcalloc(in->nsegs, sizeof *unc);
    amsize_error err;
    report r;
    int rc = 0;

    MUST(amsize_segment_init(cov, in->nsegs));
    MUST(amsize_segment_init(unc, in->nsegs));
    MUST(amsize_error_init(&err));
    for (size_t i = 0; i < in->nsegs && rc == 0; i++) {
        MUST(amsize_pilot_init(&p[i]));
        if (amsize_totals_segment(&cov[i], &err, &in->totals[i], AMSIZE_PART_COVERED) ||
            amsize_totals_segment(&unc[i], &err, &in->totals[i], AMSIZE_PART_UNCOVERED) ||
            amsize_totals_pilot(&p[i], &err, &in->totals[i], in->segs[i].churn_attribution)) {
            explain_pilot_error(in, i, &err);
            rc = EXIT_DATAERR;
        }
    }
    if (rc == 0) {
        pilot_report(&r, in, p, cov, unc, &o->model);
        rc = emit(o, &r, in);
    }
    free(p);
    free(cov);
    free(unc);
    return rc;
}

int main(int argc, char **argv)
{
    options o;
    input in;
    int rc;

    if ((rc = options_parse(&o, argc, argv)))
        return rc;
    input_init(&in);
    in.verbose = o.verbose;
    in.need_covered = strcmp(o.command, "pilot") == 0;
    rc = input_read_segments(&in, o.segments, o.accounts != NULL);
    if (rc == 0 && o.accounts)
        rc = input_read_accounts(&in, o.accounts);
    if (rc == 0) {
        summary(&o, &in);
        rc = strcmp(o.command, "chart") == 0 ? run_chart(&o, &in) : run_pilot(&o, &in);
    }
    input_free(&in);
    return rc;
}
