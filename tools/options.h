/* The amsize command line. */
#ifndef AMSIZE_TOOLS_OPTIONS_H
#define AMSIZE_TOOLS_OPTIONS_H

#include <amsize.h>

typedef struct options {
    const char *command;  /* "chart" or "pilot" */
    const char *segments;
    const char *accounts;
    const char *output;
    int format; /* a format (format.h); -1: not given, nor implied by
                   --output, so the output decides (amsize.c: emit) */
    int verbose;
    int quiet;
    amsize_model model;   /* --selling-time, --rating-thresholds, checked */
} options;

/* Parses and checks argv into o: 0, or EXIT_USAGE with a message. --help
 * and --version print and exit. */
int options_parse(options *o, int argc, char **argv);

#endif
