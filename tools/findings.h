/* The evaluation's findings: the method's four questions answered for
 * each segment in plain sentences with their numbers, for people (table,
 * markdown) and programs (json). */
#ifndef AMSIZE_TOOLS_FINDINGS_H
#define AMSIZE_TOOLS_FINDINGS_H

#include <stddef.h>

#include <amsize.h>

/* One sentence about one segment, on one of the topics. */
typedef struct finding {
    size_t segment;     /* its index */
    const char *topic;  /* "net_growth", "objectives", "load", "productivity"
                           or "support" */
    char *text;         /* "Mid-Market: ..." */
} finding;

typedef struct findings {
    finding *items;
    size_t n;
} findings;

struct input;

/* The findings of every segment, topic by topic. rows: the segments'
 * chart rows; evals: their evaluations; am_evals: the roster's AMs' (in
 * in->roster's order); the support topic only when evals[i].csm_given. */
void findings_make(findings *f, const struct input *in, const amsize_chart_row *rows,
                   const amsize_segment_eval *evals, const amsize_am_eval *am_evals,
                   double below_plan);
void findings_free(findings *f);

#endif
