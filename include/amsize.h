/* libamsize: Account Manager team sizing per customer segment.
 *
 * The umbrella header: include this one. Topics, one header each:
 *   amsize/export.h   the export macros (AMSIZE_API, AMSIZE_STATIC)
 *   amsize/version.h  compile-time and runtime versions, struct sizes
 *   amsize/status.h   status codes, fields, the error report
 *   amsize/segment.h  inputs: segments and model parameters
 *   amsize/schema.h   the field table: names, types, defaults, ranges
 *   amsize/methods.h  Net Ratio, Support Infrastructure, account load, pilot
 *   amsize/chart.h    the combined sizing chart
 *   amsize/scalar.h   spreadsheet-style functions of plain numbers
 *   amsize/totals.h   per-segment totals from account-level columns
 *   amsize/plan.h     a monthly hiring plan: ramp, attrition, time to fill
 *   amsize/evaluate.h each cycle, the AMs you have against the chart
 * amsize/common.h, 1.0's name for export.h, still works.
 *
 * The library never allocates, does no I/O, keeps no global mutable state
 * and is safe to call from any number of threads at once.
 *
 * Naming rules (all public names carry the amsize_ / AMSIZE_ prefix):
 *   amsize_<noun>_<verb>()     functions over structs: amsize_chart_compute()
 *   amsize_<quantity>_calc()   spreadsheet-style scalar functions, one per
 *                              chart column, named like the CLI's CSV column
 *   amsize_<noun>              public struct types, each starting with
 *                              uint32_t struct_size
 *   AMSIZE_<GROUP>_<NAME>      enum constants and macros
 *   amsize_<noun>_name()       the text of an enum value or code:
 *                              amsize_field_name(), amsize_flag_name(); and
 *                              amsize_strerror() after strerror(3)
 *   amsize_version*(), amsize_struct_size()
 *                              what the loaded library is, for bindings
 *   names ending in _          the size-checked entry points behind the
 *                              init macros; call them directly only from a
 *                              binding that passes its own struct size.
 *
 * Argument order: outputs first, then the error report, then inputs; a
 * buffer's length always follows the buffer.
 *
 * "Guaranteed size: N bytes from 1.0" on a public struct: a caller built
 * against 1.0 headers passes N as struct_size, and every 1.x library
 * accepts N and reads and writes only those N bytes. A later minor release
 * may append fields (its struct is then larger and it knows both sizes);
 * no 1.x release moves, resizes or removes a field. A struct added in 1.1
 * says "from 1.1".
 */
#ifndef AMSIZE_H
#define AMSIZE_H

#include "amsize/export.h"
#include "amsize/common.h"
#include "amsize/version.h"
#include "amsize/status.h"
#include "amsize/segment.h"
#include "amsize/schema.h"
#include "amsize/methods.h"
#include "amsize/chart.h"
#include "amsize/scalar.h"
#include "amsize/totals.h"
#include "amsize/plan.h"
#include "amsize/evaluate.h"

#endif /* AMSIZE_H */
