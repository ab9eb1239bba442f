/* A struct's field through the library's field table (amsize/schema.h):
 * its type and offset say where the value is and how it is stored, so that
 * no file of the command needs a switch over a struct's members. */
#ifndef AMSIZE_TOOLS_FIELD_H
#define AMSIZE_TOOLS_FIELD_H

#include <stddef.h>
#include <stdint.h>

#include <amsize.h>

/* The value of element elem (0 unless f->length > 1) of field f in obj. */
double field_get(const void *obj, const amsize_field_info *f, uint64_t elem);

/* Stores v, which the caller has checked fits f's type, as field f of obj,
 * and marks the field present when it has a presence flag. */
void field_set(void *obj, const amsize_field_info *f, double v);

/* 1 when field f of obj holds a value: always, unless its presence flag
 * (AMSIZE_FIELDINFO_PRESENCE) says that it was not given. */
int field_present(const void *obj, const amsize_field_info *f);

/* The value as a message shows it: whole-number types in decimal digits,
 * a double as format_double() writes it (buf: at least 32 bytes). */
const char *field_text(char *buf, size_t size, const void *obj, const amsize_field_info *f);

#endif
