/* amsize: sizes Account Manager teams per customer segment from CSV files.
 *
 *   amsize chart --segments SEGMENTS.csv [--accounts ACCOUNTS.csv] ...
 *   amsize pilot --segments SEGMENTS.csv --accounts ACCOUNTS.csv ...
 *   amsize plan --segments SEGMENTS.csv [--ams AMS.csv] [--ramp RAMP.csv] ...
 *   amsize evaluate --segments SEGMENTS.csv --accounts ACCOUNTS.csv --ams AMS.csv ...
 *
 * Reads everything, computes, and only then writes: an input error never
 * leaves an output file behind. See amsize(1). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <amsize.h>

#include "explain.h"
#include "findings.h"
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

/* An output about to be written: opened, and its format settled. A table
 * for people only when the output really is a terminal: not when stdout
 * is one but the name is a file. */
static int open_output(outfile *out, const char *path, int *fmt)
{
    int rc = out_open(out, path, *fmt == FORMAT_XLSX);
    if (rc)
        return rc;
    if (*fmt < 0)
        *fmt = out->fp && isatty(fileno(out->fp)) ? FORMAT_TABLE : FORMAT_CSV;
    return 0;
}

/* r (and the tables after it) into out in format fmt. A workbook that
 * cannot be written aborts out. */
static int write_output(outfile *out, const char *path, int fmt, const report *r,
                        const input *in)
{
    int rc;
    switch (fmt) {
    case FORMAT_CSV: write_csv(out->fp, r); break;
    case FORMAT_JSON: write_json(out->fp, r); break;
    case FORMAT_MARKDOWN: write_markdown(out->fp, r); break;
    case FORMAT_TABLE: write_table(out->fp, r); break;
    case FORMAT_XLSX:
        if ((rc = write_xlsx(out->tmp, path, r, in))) {
            out_abort(out);
            return rc;
        }
        break;
    }
    return 0;
}

static int emit(const options *o, const report *r, const input *in)
{
    outfile out;
    int fmt = o->format;
    int rc = open_output(&out, o->output, &fmt);
    if (rc == 0 && (rc = write_output(&out, o->output, fmt, r, in)) == 0)
        rc = out_commit(&out);
    return rc;
}

/* The plan's output, and with --summary its summary in a second file:
 * both are written before either is committed, so that an error leaves
 * neither. */
static int emit_plan(const options *o, const report *months, const report *summary,
                     const input *in)
{
    outfile out, side;
    int fmt = o->format, side_fmt = o->summary_format, rc;
    if (!o->summary)
        return emit(o, months, in);
    if ((rc = open_output(&side, o->summary, &side_fmt)))
        return rc;
    if ((rc = open_output(&out, o->output, &fmt))) {
        out_abort(&side);
        return rc;
    }
    if ((rc = write_output(&side, o->summary, side_fmt, summary, in))) {
        out_abort(&out);
        return rc;
    }
    if ((rc = write_output(&out, o->output, fmt, months, in))) {
        out_abort(&side);
        return rc;
    }
    if ((rc = out_commit(&side))) {
        out_abort(&out);
        return rc;
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

/* Segment i's roster, as amsize_plan_compute() takes it: its AMs, or,
 * with a roster that gives it none, an empty roster (not current_ams);
 * without a roster, NULL. */
static const double *roster_of(const input *in, size_t i, const int32_t **tenure,
                               size_t *count)
{
    static const double no_fte = 0;
    static const int32_t no_tenure = 0;
    const roster *ro = &in->roster;
    *tenure = NULL;
    *count = 0;
    if (!ro->path)
        return NULL;
    *count = ro->first[i + 1] - ro->first[i];
    *tenure = *count ? &ro->tenure[ro->first[i]] : &no_tenure;
    return *count ? &ro->fte[ro->first[i]] : &no_fte;
}

static int run_plan(const options *o, const input *in)
{
    size_t h = (size_t)o->horizon, n = in->nsegs, most = 0;
    const ramps *rp = &in->ramp;
    amsize_error err;
    int rc = 0;

    for (size_t i = 0; in->roster.path && i < n; i++)
        if (in->roster.first[i + 1] - in->roster.first[i] > most)
            most = in->roster.first[i + 1] - in->roster.first[i];
    /* plan.h: the cohorts on hand, a cohort and a requisition a month. */
    size_t work_len = most + 2 * h + 1;
    double *work = xcalloc(work_len, sizeof *work);
    amsize_plan_month *months = xcalloc(n * h, sizeof *months);
    amsize_plan_month *total = xcalloc(h, sizeof *total);
    amsize_plan_summary *sums = xcalloc(n + 1, sizeof *sums); /* then the TOTAL */

    MUST(amsize_plan_month_init(months, n * h));
    MUST(amsize_plan_month_init(total, h));
    for (size_t i = 0; i <= n; i++)
        MUST(amsize_plan_summary_init(&sums[i]));
    MUST(amsize_error_init(&err));
    for (size_t i = 0; i < n && rc == 0; i++) {
        const int32_t *tenure;
        size_t count, ramp_len = rp->path ? rp->first[i + 1] - rp->first[i] : 0;
        const double *fte = roster_of(in, i, &tenure, &count);
        if (amsize_plan_compute(&months[i * h], h, &sums[i], &err, work, work_len,
                                &in->segs[i], &o->model, &in->staff[i],
                                ramp_len ? &rp->share[rp->first[i]] : NULL, ramp_len, fte,
                                tenure, count) != AMSIZE_OK) {
            explain_plan_error(in, i, &err);
            rc = EXIT_DATAERR;
        }
    }
    if (rc == 0 &&
        amsize_plan_total(total, &sums[n], &err, months, sums, n, h) != AMSIZE_OK) {
        explain_plan_total_error(&err);
        rc = EXIT_DATAERR;
    }
    if (rc == 0) {
        plan_info info = {o->horizon, o->start_year, o->start_month, in};
        report r, by_month, summary;
        plan_reports(&r, &by_month, &summary, in, months, total, sums, &o->model, &info);
        rc = emit_plan(o, &r, &summary, in);
    }
    free(work);
    free(months);
    free(total);
    free(sums);
    return rc;
}

/* Each segment's chart row again at its observed productivity, for the
 * Resized chart: as amsize_segment_evaluate() computes resized_headcount;
 * NaN where that is undefined. */
static void resize(resized_row *out, const input *in, const amsize_segment_eval *evals,
                   const amsize_model *model)
{
    for (size_t i = 0; i < in->nsegs; i++) {
        resized_row *z = &out[i];
        amsize_segment seg = in->segs[i];
        amsize_chart_row row;
        z->fte_demand = z->hc_demand = z->hc_floor = z->hc_ceiling = z->headcount = z->cost =
            NAN;
        z->binding = AMSIZE_BINDING_NONE;
        z->reserved = 0;
        if (!(evals[i].observed_productivity > 0))
            continue;
        seg.am_productivity = evals[i].observed_productivity;
        MUST(amsize_chart_row_init(&row, 1));
        if (amsize_chart_compute(&row, 1, NULL, NULL, &seg, 1, model) != AMSIZE_OK)
            continue; /* amsize_segment_evaluate() accepted it: unreachable */
        z->fte_demand = row.fte_demand;
        z->hc_demand = (double)row.hc_demand;
        z->hc_floor = (double)row.hc_floor;
        z->hc_ceiling = (double)row.hc_ceiling;
        z->headcount = (double)row.headcount;
        z->cost = row.cost;
        z->binding = row.binding;
    }
}

/* The evaluation's output: with --by am, csv, table and markdown get the
 * AMs' table alone; json and xlsx always get both tables. */
static int emit_evaluate(const options *o, const report *segments, const report *am_table,
                         const input *in)
{
    outfile out;
    int fmt = o->format;
    int rc = open_output(&out, o->output, &fmt);
    if (rc)
        return rc;
    report alone = *am_table;
    alone.next = NULL;
    const report *r = o->by_am && fmt != FORMAT_JSON && fmt != FORMAT_XLSX ? &alone : segments;
    if ((rc = write_output(&out, o->output, fmt, r, in)) == 0)
        rc = out_commit(&out);
    return rc;
}

static int run_evaluate(const options *o, const input *in)
{
    size_t n = in->nsegs, nams = in->roster.n, room = nams ? nams : 1;
    amsize_chart_row *rows = xcalloc(n, sizeof *rows), total;
    amsize_am *ams = xcalloc(room, sizeof *ams);
    amsize_am_eval *am_evals = xcalloc(room, sizeof *am_evals);
    amsize_segment_eval *evals = xcalloc(n, sizeof *evals);
    double *scratch = xcalloc(room, sizeof *scratch); /* the medians' */
    resized_row *resized = xcalloc(n, sizeof *resized);
    amsize_error err;
    int rc = 0;

    MUST(amsize_chart_row_init(rows, n));
    MUST(amsize_chart_row_init(&total, 1));
    MUST(amsize_am_eval_init(am_evals, nams));
    MUST(amsize_segment_eval_init(evals, n));
    MUST(amsize_error_init(&err));
    /* The chart of all the accounts, as `amsize chart` computes it. */
    if (amsize_chart_compute(rows, n, &total, &err, in->segs, n, &o->model) != AMSIZE_OK) {
        explain_chart_error(in, &err);
        rc = EXIT_DATAERR;
    }
    if (rc == 0) {
        input_ams(ams, in);
        if (amsize_am_evaluate(am_evals, nams, &err, ams, nams, in->segs, rows, n, &o->model,
                               o->below_plan) != AMSIZE_OK) {
            explain_evaluate_error(in, &err, 1);
            rc = EXIT_DATAERR;
        }
    }
    if (rc == 0 && amsize_segment_evaluate(evals, n, &err, scratch, nams, ams, am_evals, nams,
                                           in->segs, rows, n, in->totals, in->actual.csm,
                                           &o->model) != AMSIZE_OK) {
        explain_evaluate_error(in, &err, 0);
        rc = EXIT_DATAERR;
    }
    if (rc == 0) {
        findings f;
        report segments, am_table, resized_chart;
        resize(resized, in, evals, &o->model);
        findings_make(&f, in, rows, evals, am_evals, o->below_plan);
        eval_info info = {o->below_plan, in->actual.csm != NULL, &f, &resized_chart};
        evaluate_reports(&segments, &am_table, &resized_chart, in, evals, ams, am_evals, rows,
                         resized, &o->model, &info);
        rc = emit_evaluate(o, &segments, &am_table, in);
        findings_free(&f);
    }
    free(rows);
    free(ams);
    free(am_evals);
    free(evals);
    free(scratch);
    free(resized);
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
    in.need_staffing = strcmp(o.command, "plan") == 0;
    in.need_am = strcmp(o.command, "evaluate") == 0;
    rc = input_read_segments(&in, o.segments, o.accounts != NULL);
    /* The roster before the accounts, whose am_id names its AMs. */
    if (rc == 0 && o.ams)
        rc = input_read_roster(&in, o.ams);
    if (rc == 0 && o.accounts)
        rc = input_read_accounts(&in, o.accounts);
    if (rc == 0 && o.ramp)
        rc = input_read_ramps(&in, o.ramp);
    if (rc == 0) {
        summary(&o, &in);
        rc = in.need_staffing                     ? run_plan(&o, &in)
             : in.need_am                          ? run_evaluate(&o, &in)
             : strcmp(o.command, "chart") == 0 ? run_chart(&o, &in)
                                               : run_pilot(&o, &in);
    }
    input_free(&in);
    return rc;
}
