/* The amsize command line. */
#ifndef AMSIZE_TOOLS_OPTIONS_H
#define AMSIZE_TOOLS_OPTIONS_H

#include <amsize.h>

/* The plan's months without --horizon: the library's default. */
#define PLAN_HORIZON_DEFAULT AMSIZE_PLAN_HORIZON_DEFAULT

typedef struct options {
    const char *command;  /* "chart", "pilot", "plan" or "evaluate" */
    const char *segments;
    const char *accounts;
    const char *ams;      /* plan and evaluate: the roster */
    const char *ramp;     /* plan: the ramp curves */
    const char *output;
    const char *summary;  /* plan: --summary FILE */
    int format; /* a format (format.h); -1: not given, nor implied by
                   --output, so the output decides (amsize.c: emit) */
    int summary_format;   /* --summary's: given, or by its name, or csv */
    int horizon;          /* plan: months, 1..AMSIZE_PLAN_HORIZON_MAX */
    int start_year, start_month; /* plan: --start, month 1's label; 0:
                                    none, months are numbered */
    int by_am;            /* evaluate: --by am, the AMs' table alone (csv,
                             table, markdown) */
    double below_plan;    /* evaluate: --below-plan, finite; default
                             AMSIZE_BELOW_PLAN_DEFAULT */
    int verbose;
    int quiet;
    amsize_model model;   /* --selling-time, --rating-thresholds, checked */
} options;

/* Parses and checks argv into o: 0, or EXIT_USAGE with a message. --help
 * and --version print and exit. */
int options_parse(options *o, int argc, char **argv);

#endif
