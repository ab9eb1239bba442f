/* The chart as an Excel workbook (libxlsxwriter). */
#ifndef AMSIZE_TOOLS_XLSX_H
#define AMSIZE_TOOLS_XLSX_H

#include "input.h"
#include "output.h"

/* Writes the workbook to path: a "Sizing chart" sheet with every csv column
 * and a column chart of headcount beside hc_floor, hc_demand and
 * hc_ceiling, and an "Inputs" sheet with the segments and the model.
 * Returns 0 or EXIT_IOERR with a message naming label. */
int write_xlsx(const char *path, const char *label, const report *r, const input *in);

#endif
