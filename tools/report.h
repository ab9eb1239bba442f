/* The two reports of the amsize command: the sizing chart and the pilot
 * comparison, as columns over the computed rows. */
#ifndef AMSIZE_TOOLS_REPORT_H
#define AMSIZE_TOOLS_REPORT_H

#include "input.h"
#include "output.h"

/* The chart: one row per segment, then TOTAL. The csv columns, in order. */
typedef struct chart_data {
    const input *in;
    const amsize_chart_row *rows;
    const amsize_chart_row *total;
} chart_data;

void chart_report(report *r, const chart_data *d, const amsize_model *model);

/* The pilot: one row per segment (no TOTAL: churn attribution differs by
 * segment, so the segments' comparisons do not add up). */
typedef struct pilot_data {
    const input *in;
    const amsize_pilot *pilots;
    const amsize_segment *covered, *uncovered; /* per segment, from totals */
} pilot_data;

void pilot_report(report *r, const pilot_data *d, const amsize_model *model);

#endif
