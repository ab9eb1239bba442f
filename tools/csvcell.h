/* Cells of a CSV table (csvtable.h) into values: numbers, whole numbers
 * and flags, each refused with a message that points at the cell, and a
 * record's library fields into the struct they belong to.
 *
 * Each parser reads cell k of the current record (t->cells[k]) and returns
 * 0 with *out set, 1 for an empty cell of an optional column (*out is then
 * the column's default, or left alone when it has none), or -EXIT_DATAERR
 * after a message. The number and flag parsers run on every cell of an
 * accounts file: their common case is inline, the rest out of line. */
#ifndef AMSIZE_TOOLS_CSVCELL_H
#define AMSIZE_TOOLS_CSVCELL_H

#include <stdint.h>

#include "csvtable.h"
#include "number.h"

int parse_number_slow(const csvtable *t, unsigned long line, size_t k, double *out);
int parse_flag_slow(const csvtable *t, unsigned long line, size_t k, uint8_t *out);

/* A plain decimal number. The common cell takes only the inline test and
 * decimal_fast(), which sets *out only when it accepts the cell. */
static inline int parse_number(const csvtable *t, unsigned long line, size_t k, double *out)
{
    const char *cell = t->cells[k];
    if (cell && decimal_fast(cell, out))
        return 0;
    return parse_number_slow(t, line, k, out);
}

/* A whole number within the column's bounds (incol lo, hi). */
int parse_whole(const csvtable *t, unsigned long line, size_t k, double *out);

/* 1/0, true/false, yes/no in any case; empty is the column's default. */
static inline int parse_flag(const csvtable *t, unsigned long line, size_t k, uint8_t *out)
{
    const char *cell = t->cells[k];
    /* The usual cell, without the comparisons of the slow path. */
    if (cell && (cell[0] == '0' || cell[0] == '1') && cell[1] == '\0') {
        *out = cell[0] == '1';
        return 0;
    }
    return parse_flag_slow(t, line, k, out);
}

/* Every column of the record that is a field of schema into obj (a struct
 * of that schema) by the field's type and offset, in the table's order,
 * skipping fields with any of the skip flags (AMSIZE_FIELDINFO_*). An
 * empty cell leaves the field as it is (obj holds the defaults); a given
 * one sets the field's presence flag. 0 or -EXIT_DATAERR. */
int parse_fields(const csvtable *t, unsigned long line, void *obj, int32_t schema,
                 uint32_t skip);

#endif
