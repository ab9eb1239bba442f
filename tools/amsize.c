/* amsize: sizes Account Manager teams per customer segment from CSV files.
 *
 *   amsize chart --segments SEGMENTS.csv [--accounts ACCOUNTS.csv] ...
 *   amsize pilot --segments SEGMENTS.csv --accounts ACCOUNTS.csv ...
 *
 * Reads everything, computes, and only then writes: an input error never
 * leaves an output file behind. See amsize(1). */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <amsize.h>

#include "format.h"
#include "input.h"
#include "msg.h"
#include "number.h"
#include "outfile.h"
#include "report.h"
#include "text.h"
#include "xalloc.h"

typedef struct options {
    const char *command;
    const char *segments;
    const char *accounts;
    const char *output;
    int format; /* -1: not given, nor implied by --output (see emit) */
    int verbose;
    int quiet;
    amsize_model model;
} options;

static void usage(FILE *fp)
{
    fputs("Usage: amsize chart --segments SEGMENTS.csv [--accounts ACCOUNTS.csv] [OPTION]...\n"
          "       amsize pilot --segments SEGMENTS.csv --accounts ACCOUNTS.csv [OPTION]...\n"
          "       amsize --help | --version\n"
          "\n"
          "Sizes Account Manager teams per customer segment (libamsize).\n"
          "  chart   the sizing chart: one row per segment and a TOTAL row\n"
          "  pilot   AM-covered against uncovered accounts, per segment\n"
          "\n"
          "Options:\n"
          "  -s, --segments FILE        segment inputs (CSV); '-' reads standard input\n"
          "  -a, --accounts FILE        one row per account (CSV); '-' reads standard input\n"
          "  -f, --format FORMAT        table, csv, json, markdown or xlsx (chart only);\n"
          "                             default: table on a terminal, else csv, or from the\n"
          "                             --output name (.csv .json .md .xlsx)\n"
          "  -o, --output FILE          write FILE (complete or not at all); required for xlsx\n"
          "      --selling-time LIST    five selling-time shares for support ratings 1..5\n"
          "                             (default 0.4,0.5,0.6,0.7,0.8)\n"
          "      --rating-thresholds MEDIUM,HIGH\n"
          "                             Net Ratio % thresholds as fractions (default 0.05,0.15)\n"
          "  -v, --verbose              say what was read, segment by segment\n"
          "  -q, --quiet                no summary line of the account rows read\n"
          "  -h, --help                 show this help\n"
          "  -V, --version              show the library version\n"
          "\n"
          "Exit status: 0 success, 64 usage error, 65 bad input data, 66 unreadable input,\n"
          "73 output cannot be created, 74 output write error. See amsize(1).\n",
          fp);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("amsize: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'amsize --help'.\n", stderr);
    return EXIT_USAGE;
}

/* Parses exactly n comma-separated plain numbers. */
static int parse_list(const char *opt, const char *arg, double *out, int n)
{
    char buf[256], shown[ECHO_SIZE];
    int i = 0;
    if (strlen(arg) >= sizeof buf)
        return usage_error("%s: list too long", opt);
    strcpy(buf, arg);
    for (char *tok = buf, *next; tok; tok = next, i++) {
        next = strchr(tok, ',');
        if (next)
            *next++ = '\0';
        tok = trim(tok);
        if (i >= n || !is_decimal(tok))
            break;
        out[i] = strtod(tok, NULL);
    }
    if (i != n) {
        fprintf(stderr, "amsize: %s %s: give exactly %d plain numbers separated by commas\n",
                opt, echo(shown, arg), n);
        return EXIT_USAGE;
    }
    return 0;
}

static int parse_format(const char *s)
{
    static const char *const names[] = {"table", "csv", "json", "markdown", "xlsx"};
    for (int i = 0; i < 5; i++)
        if (ascii_casecmp(s, names[i]) == 0)
            return i;
    if (ascii_casecmp(s, "md") == 0)
        return FORMAT_MARKDOWN;
    return -1;
}

/* The format an output file's name implies, or -1. */
static int format_of_name(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return -1;
    if (ascii_casecmp(dot, ".md") == 0)
        return FORMAT_MARKDOWN;
    if (ascii_casecmp(dot, ".txt") == 0)
        return FORMAT_TABLE;
    return parse_format(dot + 1);
}

static int parse_options(options *o, int argc, char **argv)
{
    enum { OPT_SELLING = 256, OPT_THRESHOLDS };
    static const struct option longs[] = {
        {"segments", required_argument, NULL, 's'},
        {"accounts", required_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"selling-time", required_argument, NULL, OPT_SELLING},
        {"rating-thresholds", required_argument, NULL, OPT_THRESHOLDS},
        {"verbose", no_argument, NULL, 'v'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    double th[2];
    int c, rc;

    memset(o, 0, sizeof *o);
    o->format = -1;
    MUST(amsize_model_init(&o->model));
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":s:a:f:o:vqhV", longs, NULL)) != -1) {
        switch (c) {
        case 's': o->segments = optarg; break;
        case 'a': o->accounts = optarg; break;
        case 'o': o->output = optarg; break;
        case 'f':
            if ((o->format = parse_format(optarg)) < 0)
                return usage_error("unknown format '%s': use table, csv, json, markdown or "
                                   "xlsx", optarg);
            break;
        case OPT_SELLING:
            if ((rc = parse_list("--selling-time", optarg, o->model.selling_time, 5)))
                return rc;
            break;
        case OPT_THRESHOLDS:
            if ((rc = parse_list("--rating-thresholds", optarg, th, 2)))
                return rc;
            o->model.rating_medium = th[0];
            o->model.rating_high = th[1];
            break;
        case 'v': o->verbose = 1; break;
        case 'q': o->quiet = 1; break;
        case 'h': usage(stdout); exit(0);
        case 'V': printf("amsize (libamsize) %s\n", amsize_version()); exit(0);
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return usage_error("%s", "no command given: use 'amsize chart' or 'amsize pilot'");
    o->command = argv[optind++];
    if (strcmp(o->command, "chart") != 0 && strcmp(o->command, "pilot") != 0)
        return usage_error("unknown command '%s': use chart or pilot", o->command);
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    return 0;
}

static int check_options(options *o)
{
    amsize_error err;
    MUST(amsize_error_init(&err));
    if (!o->segments)
        return usage_error("%s", "missing --segments FILE");
    if (strcmp(o->command, "pilot") == 0 && !o->accounts)
        return usage_error("%s", "pilot needs --accounts FILE (the covered and uncovered "
                                 "accounts)");
    if (o->accounts && strcmp(o->segments, "-") == 0 && strcmp(o->accounts, "-") == 0)
        return usage_error("%s", "only one of --segments and --accounts can be '-' "
                                 "(standard input)");
    if (o->format < 0 && o->output && strcmp(o->output, "-") != 0)
        o->format = format_of_name(o->output);
    /* Still unknown: emit() picks table or csv by where the output goes. */
    if (o->format == FORMAT_XLSX) {
        if (strcmp(o->command, "chart") != 0)
            return usage_error("%s", "xlsx is available for chart only");
        if (!o->output || strcmp(o->output, "-") == 0)
            return usage_error("%s", "xlsx needs --output FILE (a workbook is not for a "
                                     "terminal)");
    }
    if (amsize_model_check(&err, &o->model) != AMSIZE_OK) {
        const char *opt = err.field == AMSIZE_FIELD_RATING_HIGH ||
                                  err.field == AMSIZE_FIELD_RATING_MEDIUM
                              ? "--rating-thresholds"
                              : "--selling-time";
        fprintf(stderr, "amsize: %s: %s: %s\n", opt, amsize_field_name(err.field),
                amsize_strerror(err.status));
        if (err.status == AMSIZE_E_ORDER)
            fprintf(stderr, "amsize: %s\n", opt[2] == 's'
                                                ? "selling times must not decrease from "
                                                  "rating 1 to rating 5"
                                                : "give MEDIUM,HIGH with MEDIUM <= HIGH");
        else if (opt[2] == 's')
            fprintf(stderr, "amsize: each selling time must be in (0,1] (above 0, at most "
                            "1), and they must not decrease from rating 1 to rating 5\n");
        return EXIT_USAGE;
    }
    return 0;
}

/* The one line (or with --verbose, the lines) saying what was read. */
static void summary(const options *o, const input *in)
{
    if (o->quiet || !in->acc_path)
        return;
    if (o->verbose) {
        char name[ECHO_SIZE];
        for (size_t i = 0; i < in->nsegs; i++)
            fprintf(stderr, "amsize: %s: %llu account row(s) in segment %s\n",
                    input_label(in->acc_path), (unsigned long long)in->rows_per_seg[i],
                    echo(name, in->names[i]));
    }
    fprintf(stderr, "amsize: read %llu account row(s) from %s:",
            (unsigned long long)in->account_rows, input_label(in->acc_path));
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
        input_report_chart_error(in, &err, &o->model);
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
            char name[ECHO_SIZE];
            msg_error("%s:%lu: segment %s: pilot %s: %s", input_label(in->seg_path),
                      in->lines[i], echo(name, in->names[i]),
                      err.field == AMSIZE_FIELD_CHURN_ATTRIBUTION
                          ? "churn_attribution"
                          : (err.index == 0 ? "covered accounts" : "uncovered accounts"),
                      amsize_strerror(err.status));
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

    if ((rc = parse_options(&o, argc, argv)) || (rc = check_options(&o)))
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
