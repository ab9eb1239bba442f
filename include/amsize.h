/* libamsize: Account Manager team sizing per customer segment.
 *
 * The umbrella header: include this one. Topics, one header each:
 *   amsize/version.h  compile-time and runtime versions
 *   amsize/status.h   status codes, fields, the error report
 *   amsize/segment.h  inputs: segments and model parameters
 *   amsize/methods.h  Net Ratio, Support Infrastructure, account load, pilot
 *   amsize/chart.h    the combined sizing chart
 *   amsize/scalar.h   spreadsheet-style functions of plain numbers
 *   amsize/totals.h   per-segment totals from account-level columns
 *
 * The library never allocates, does no I/O, keeps no global mutable state
 * and is safe to call from any number of threads at once.
 */
#ifndef AMSIZE_H
#define AMSIZE_H

#include "amsize/common.h"
#include "amsize/version.h"
#include "amsize/status.h"
#include "amsize/segment.h"
#include "amsize/methods.h"
#include "amsize/chart.h"
#include "amsize/scalar.h"
#include "amsize/totals.h"

#endif /* AMSIZE_H */
