/* The amsize command line: options, their checks and the help (see
 * options.h). */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <amsize.h>

#include "explain.h"
#include "format.h"
#include "msg.h"
#include "number.h"
#include "options.h"
#include "text.h"

/* The help; the defaults it names are the library's (amsize_model_init). */
static void usage(FILE *fp)
{
    const double *t;
    amsize_model m;
    MUST(amsize_model_init(&m));
    t = m.selling_time;
    fprintf(fp,
          "Usage: amsize chart --segments SEGMENTS.csv [--accounts ACCOUNTS.csv] [OPTION]...\n"
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
          "                             (default %g,%g,%g,%g,%g)\n"
          "      --rating-thresholds MEDIUM,HIGH\n"
          "                             Net Ratio %% thresholds as fractions (default %g,%g)\n"
          "  -v, --verbose              say what was read, segment by segment\n"
          "  -q, --quiet                no summary line of the account rows read\n"
          "  -h, --help                 show this help\n"
          "  -V, --version              show the library version\n"
          "\n"
          "Exit status: 0 success, 64 usage error, 65 bad input data, 66 unreadable input,\n"
          "73 output cannot be created, 74 output write error. See amsize(1).\n",
          t[0], t[1], t[2], t[3], t[4], m.rating_medium, m.rating_high);
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

static int parse_args(options *o, int argc, char **argv)
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
        explain_model_error(&err);
        return EXIT_USAGE;
    }
    return 0;
}

int options_parse(options *o, int argc, char **argv)
{
    int rc = parse_args(o, argc, argv);
    return rc ? rc : check_options(o);
}
