/* The amsize command's output formats: a report (report.h) written as csv,
 * json, markdown, an aligned table or an Excel workbook. */
#ifndef AMSIZE_TOOLS_FORMAT_H
#define AMSIZE_TOOLS_FORMAT_H

#include <stdio.h>

#include "input.h"
#include "report.h"

typedef enum format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON, FORMAT_MARKDOWN,
                      FORMAT_XLSX } format;

/* A report and the tables that follow it (report.next) are one output:
 * the plan's months and its summary. */

/* format_csv.c: a header of column names, then one line per row; the
 * first table only (the plan's summary is --summary's). */
void write_csv(FILE *fp, const report *r);
/* format_json.c: {"model": ..., "segments": [...], "total": ...}; the
 * plan's {"model": ..., "plan": ..., "months": [...], "summary": [...,
 * TOTAL]}; the evaluation's {"model": ..., "evaluation": ...,
 * "segments": [...], "ams": [...], "findings": [...]}. */
void write_json(FILE *fp, const report *r);
/* format_table.c: the columns for people (in_table), aligned; as a
 * markdown table or as plain text; a blank line between two tables, and
 * after a table its findings (the evaluation's segments). */
void write_markdown(FILE *fp, const report *r);
void write_table(FILE *fp, const report *r);

/* format_xlsx.c: writes the workbook to path: a "Sizing chart" sheet with
 * every csv column and a column chart of headcount beside hc_floor,
 * hc_demand and hc_ceiling, and an "Inputs" sheet with the segments and
 * the model; for the plan a sheet per table ("Plan", whose months' totals
 * below it feed a line chart of RRE against demand and a column chart of
 * starts; "Summary"), and "Inputs" with the staffing columns too; for the
 * evaluation "Segments", "AMs" with a chart of each AM's load against
 * min_load and max_load, and "Resized chart". Returns 0 or EXIT_IOERR
 * with a message naming label. */
int write_xlsx(const char *path, const char *label, const report *r, const input *in);

#endif
