/* A library failure explained in the terms of the command's inputs: the
 * file, line and cell, or the option, that gave the value, and the
 * allowed range from the library's field table. */
#ifndef AMSIZE_TOOLS_EXPLAIN_H
#define AMSIZE_TOOLS_EXPLAIN_H

#include <stddef.h>

#include <amsize.h>

#include "csvtable.h"
#include "input.h"

/* A failed amsize_model_check() of --selling-time or --rating-thresholds:
 * the option, the parameter and what it must be. */
void explain_model_error(const amsize_error *err);

/* A failed amsize_chart_compute() of the segments read into in. */
void explain_chart_error(const input *in, const amsize_error *err);

/* A failed pilot comparison of segment i (amsize_totals_segment() or
 * amsize_totals_pilot()). */
void explain_pilot_error(const input *in, size_t i, const amsize_error *err);

/* A failed amsize_plan_compute() of segment i: the cell of SEGMENTS.csv,
 * AMS.csv or RAMP.csv that gave the value, or the computed number. */
void explain_plan_error(const input *in, size_t i, const amsize_error *err);

/* A failed amsize_plan_total(): the plan's TOTAL. */
void explain_plan_total_error(const amsize_error *err);

/* A failed amsize_am_evaluate() (am 1) or amsize_segment_evaluate() (am
 * 0) of the evaluation: a computed value too large, named at the AM's line
 * of AMS.csv or the segment's of SEGMENTS.csv. */
void explain_evaluate_error(const input *in, const amsize_error *err, int am);

/* A value of column k of a CSV table, from the record on line, that the
 * library's field table refuses (amsize_field_check()): the cell, the
 * value and the allowed range. */
void explain_cell_error(const csvtable *t, unsigned long line, size_t k, double value,
                        const amsize_error *err);

#endif
