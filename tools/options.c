/* The amsize command line: options, their checks and the help (see
 * options.h). */
#include <config.h>

#include <getopt.h>
#include <math.h>
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

/* The help; the defaults it names are the library's (amsize_model_init,
 * amsize_staffing_init). */
static void usage(FILE *fp)
{
    const double *t;
    amsize_model m;
    amsize_staffing st;
    MUST(amsize_model_init(&m));
    MUST(amsize_staffing_init(&st, 1));
    t = m.selling_time;
    fprintf(fp,
          "Usage: amsize chart --segments SEGMENTS.csv [--accounts ACCOUNTS.csv] [OPTION]...\n"
          "       amsize pilot --segments SEGMENTS.csv --accounts ACCOUNTS.csv [OPTION]...\n"
          "       amsize plan --segments SEGMENTS.csv [--accounts ACCOUNTS.csv] [--ams AMS.csv]\n"
          "                   [--ramp RAMP.csv] [--horizon H] [--start YYYY-MM] [OPTION]...\n"
          "       amsize evaluate --segments SEGMENTS.csv --accounts ACCOUNTS.csv --ams AMS.csv\n"
          "                   [--by segment|am] [--below-plan X] [OPTION]...\n"
          "       amsize --help | --version\n"
          "\n"
          "Sizes Account Manager teams per customer segment (libamsize).\n"
          "  chart   the sizing chart: one row per segment and a TOTAL row\n"
          "  pilot   AM-covered against uncovered accounts, per segment\n"
          "  plan    the monthly hiring plan that staffs the chart's headcount:\n"
          "          requisitions, starts, leavers and ramped capacity by month\n"
          "  evaluate  each planning cycle, the AMs on the roster against the chart:\n"
          "          net growth, attainment and load per AM and per segment, and the\n"
          "          chart re-sized at the productivity the AMs showed\n"
          "\n"
          "Options:\n"
          "  -s, --segments FILE        segment inputs (CSV); '-' reads standard input\n"
          "  -a, --accounts FILE        one row per account (CSV); '-' reads standard input\n"
          "  -f, --format FORMAT        table, csv, json, markdown or xlsx (xlsx: not pilot);\n"
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
          "Plan options:\n"
          "      --ams FILE             the AMs on staff (CSV: am_id, segment, fte,\n"
          "                             tenure_months); replaces current_ams\n"
          "      --ramp FILE            ramp curves (CSV: segment, month, share); replace\n"
          "                             ramp_months for their segments\n"
          "      --horizon H            months to plan, 1 to %d (default %d)\n"
          "      --start YYYY-MM        the label of month 1 (default: months 1, 2, ...)\n"
          "      --summary FILE         also write the summary per segment to FILE\n"
          "      --summary-format FORMAT\n"
          "                             its format (default: from FILE's name, else csv)\n"
          "  SEGMENTS.csv staffing columns: attrition (default %g), time_to_fill (%d),\n"
          "  ramp_months (%d), current_ams (%lld).\n"
          "\n"
          "Evaluate options:\n"
          "      --ams FILE             the roster (CSV: am_id, segment, fte, target)\n"
          "      --by segment|am        the csv's table, and with am the AMs' table alone\n"
          "                             in table and markdown (default segment)\n"
          "      --below-plan X         attainment under which an AM is BELOW_PLAN\n"
          "                             (default %g)\n"
          "  ACCOUNTS.csv columns: am_id (required: the AM who covered the account, empty\n"
          "  for none), csm_covered (0/1, optional).\n"
          "\n"
          "Exit status: 0 success, 64 usage error, 65 bad input data, 66 unreadable input,\n"
          "73 output cannot be created, 74 output write error. See amsize(1).\n",
          t[0], t[1], t[2], t[3], t[4], m.rating_medium, m.rating_high,
          AMSIZE_PLAN_HORIZON_MAX, PLAN_HORIZON_DEFAULT, st.attrition, (int)st.time_to_fill, (int)st.ramp_months,
          (long long)st.current_ams, AMSIZE_BELOW_PLAN_DEFAULT);
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

/* --horizon: a whole number of months, 1 to AMSIZE_PLAN_HORIZON_MAX. */
static int parse_horizon(const char *arg, int *out)
{
    char shown[ECHO_SIZE];
    size_t n = strspn(arg, "0123456789");
    long v = n > 0 && n <= 4 && !arg[n] ? strtol(arg, NULL, 10) : 0;
    if (v < 1 || v > AMSIZE_PLAN_HORIZON_MAX) {
        fprintf(stderr, "amsize: --horizon %s: give a whole number of months from 1 to %d\n",
                echo(shown, arg), AMSIZE_PLAN_HORIZON_MAX);
        return EXIT_USAGE;
    }
    *out = (int)v;
    return 0;
}

/* --start: YYYY-MM, four digits of year and two of month, 01 to 12. */
static int parse_start(const char *arg, int *year, int *month)
{
    char shown[ECHO_SIZE];
    if (strlen(arg) == 7 && strspn(arg, "0123456789") == 4 && arg[4] == '-' &&
        strspn(arg + 5, "0123456789") == 2) {
        *year = atoi(arg);
        *month = atoi(arg + 5);
        if (*year >= 1 && *month >= 1 && *month <= 12)
            return 0;
    }
    fprintf(stderr, "amsize: --start %s: give the first month as YYYY-MM (month 01 to 12), "
                    "e.g. 2026-01\n",
            echo(shown, arg));
    return EXIT_USAGE;
}

/* --below-plan: a plain finite number (an attainment, 0.9 for 90%). */
static int parse_below_plan(const char *arg, double *out)
{
    char shown[ECHO_SIZE];
    double v = is_decimal(arg) ? strtod(arg, NULL) : NAN;
    if (!isfinite(v)) {
        fprintf(stderr, "amsize: --below-plan %s: give a finite plain number, the attainment "
                        "under which an AM is below plan (e.g. 0.9 for 90%%)\n",
                echo(shown, arg));
        return EXIT_USAGE;
    }
    *out = v;
    return 0;
}

/* --by: segment or am. */
static int parse_by(const char *arg, int *by_am)
{
    if (ascii_casecmp(arg, "segment") == 0 || ascii_casecmp(arg, "am") == 0) {
        *by_am = ascii_casecmp(arg, "am") == 0;
        return 0;
    }
    return usage_error("--by '%s': use segment or am", arg);
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
    enum { OPT_SELLING = 256, OPT_THRESHOLDS, OPT_AMS, OPT_RAMP, OPT_HORIZON, OPT_START,
           OPT_SUMMARY, OPT_SUMMARY_FORMAT, OPT_BY, OPT_BELOW_PLAN };
    static const struct option longs[] = {
        {"segments", required_argument, NULL, 's'},
        {"accounts", required_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"ams", required_argument, NULL, OPT_AMS},
        {"ramp", required_argument, NULL, OPT_RAMP},
        {"horizon", required_argument, NULL, OPT_HORIZON},
        {"start", required_argument, NULL, OPT_START},
        {"summary", required_argument, NULL, OPT_SUMMARY},
        {"summary-format", required_argument, NULL, OPT_SUMMARY_FORMAT},
        {"by", required_argument, NULL, OPT_BY},
        {"below-plan", required_argument, NULL, OPT_BELOW_PLAN},
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
    o->summary_format = -1;
    o->by_am = -1;
    o->below_plan = NAN;
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
        case OPT_AMS: o->ams = optarg; break;
        case OPT_RAMP: o->ramp = optarg; break;
        case OPT_SUMMARY: o->summary = optarg; break;
        case OPT_HORIZON:
            if ((rc = parse_horizon(optarg, &o->horizon)))
                return rc;
            break;
        case OPT_START:
            if ((rc = parse_start(optarg, &o->start_year, &o->start_month)))
                return rc;
            break;
        case OPT_SUMMARY_FORMAT:
            if ((o->summary_format = parse_format(optarg)) < 0)
                return usage_error("unknown summary format '%s': use table, csv, json, "
                                   "markdown or xlsx", optarg);
            break;
        case OPT_BY:
            if ((rc = parse_by(optarg, &o->by_am)))
                return rc;
            break;
        case OPT_BELOW_PLAN:
            if ((rc = parse_below_plan(optarg, &o->below_plan)))
                return rc;
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
        return usage_error("%s", "no command given: use 'amsize chart', 'amsize pilot', "
                                 "'amsize plan' or 'amsize evaluate'");
    o->command = argv[optind++];
    if (strcmp(o->command, "chart") != 0 && strcmp(o->command, "pilot") != 0 &&
        strcmp(o->command, "plan") != 0 && strcmp(o->command, "evaluate") != 0)
        return usage_error("unknown command '%s': use chart, pilot, plan or evaluate",
                           o->command);
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    return 0;
}

/* The plan's and the evaluation's own options, given to another
 * command. */
static int command_only(const options *o)
{
    int plan = strcmp(o->command, "plan") == 0;
    int evaluate = strcmp(o->command, "evaluate") == 0;
    if (o->ams && !plan && !evaluate)
        return usage_error("%s", "--ams is for plan and evaluate only");
    const char *opt = plan ? NULL : o->ramp ? "--ramp" : o->horizon ? "--horizon"
                    : o->start_year ? "--start" : o->summary ? "--summary"
                    : o->summary_format >= 0 ? "--summary-format" : NULL;
    if (opt)
        return usage_error("%s is for plan only", opt);
    opt = evaluate ? NULL : o->by_am >= 0 ? "--by" : !isnan(o->below_plan) ? "--below-plan"
                                                                            : NULL;
    return opt ? usage_error("%s is for evaluate only", opt) : 0;
}

/* At most one input file from standard input. */
static int one_stdin(const options *o)
{
    const char *given[4] = {o->segments, o->accounts, o->ams, o->ramp};
    static const char *const names[4] = {"--segments", "--accounts", "--ams", "--ramp"};
    const char *first = NULL;
    for (int i = 0; i < 4; i++) {
        if (!given[i] || strcmp(given[i], "-") != 0)
            continue;
        if (first) {
            char both[64];
            snprintf(both, sizeof both, "%s and %s", first, names[i]);
            return usage_error("only one of %s can be '-' (standard input)", both);
        }
        first = names[i];
    }
    return 0;
}

/* --summary: its format, and an output of its own. */
static int check_summary(options *o)
{
    int out_stdout = !o->output || strcmp(o->output, "-") == 0;
    if (!o->summary)
        return o->summary_format >= 0 ? usage_error("%s", "--summary-format needs --summary "
                                                          "FILE")
                                      : 0;
    if (strcmp(o->summary, "-") == 0 && out_stdout)
        return usage_error("%s", "--summary - and the plan would both go to standard output: "
                                 "give --output FILE too");
    if (!out_stdout && strcmp(o->summary, o->output) == 0)
        return usage_error("%s", "--summary and --output name the same file: give two");
    if (o->summary_format < 0 && strcmp(o->summary, "-") != 0)
        o->summary_format = format_of_name(o->summary);
    if (o->summary_format < 0)
        o->summary_format = FORMAT_CSV;
    if (o->summary_format == FORMAT_XLSX && strcmp(o->summary, "-") == 0)
        return usage_error("%s", "an xlsx summary needs --summary FILE (a workbook is not for "
                                 "a terminal)");
    return 0;
}

static int check_options(options *o)
{
    amsize_error err;
    int plan = strcmp(o->command, "plan") == 0, rc;
    int evaluate = strcmp(o->command, "evaluate") == 0;
    MUST(amsize_error_init(&err));
    if (!o->segments)
        return usage_error("%s", "missing --segments FILE");
    if (strcmp(o->command, "pilot") == 0 && !o->accounts)
        return usage_error("%s", "pilot needs --accounts FILE (the covered and uncovered "
                                 "accounts)");
    if (evaluate && !o->accounts)
        return usage_error("%s", "evaluate needs --accounts FILE (the accounts of the period, "
                                 "each with its am_id)");
    if (evaluate && !o->ams)
        return usage_error("%s", "evaluate needs --ams FILE (the roster of AMs)");
    if ((rc = command_only(o)))
        return rc;
    if (evaluate && o->by_am < 0)
        o->by_am = 0;
    if (evaluate && isnan(o->below_plan))
        o->below_plan = AMSIZE_BELOW_PLAN_DEFAULT;
    if ((rc = one_stdin(o)))
        return rc;
    if (o->format < 0 && o->output && strcmp(o->output, "-") != 0)
        o->format = format_of_name(o->output);
    /* Still unknown: emit() picks table or csv by where the output goes. */
    if (o->format == FORMAT_XLSX) {
        if (strcmp(o->command, "pilot") == 0)
            return usage_error("%s", "xlsx is available for chart, plan and evaluate only");
        if (!o->output || strcmp(o->output, "-") == 0)
            return usage_error("%s", "xlsx needs --output FILE (a workbook is not for a "
                                     "terminal)");
    }
    if (plan && (rc = check_summary(o)))
        return rc;
    if (plan && !o->horizon)
        o->horizon = PLAN_HORIZON_DEFAULT;
    /* A label past 9999-12 would need five digits of year. */
    if (plan && o->start_year &&
        (long)o->start_year * 12 + o->start_month - 1 + o->horizon - 1 >= 10000L * 12)
    {
        char start[16];
        snprintf(start, sizeof start, "%04d-%02d", o->start_year % 10000, o->start_month % 100);
        fprintf(stderr, "amsize: --start '%s': the horizon's last month would be past "
                        "9999-12: start earlier or plan fewer months\n",
                start);
        return EXIT_USAGE;
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
