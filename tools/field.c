/* A struct's field through the library's field table (see field.h). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "field.h"
#include "number.h"

/* The field's bytes; memcpy, as obj is any of the library's structs. */
static const char *at(const void *obj, const amsize_field_info *f, uint64_t elem, size_t size)
{
    return (const char *)obj + f->offset + elem * size;
}

double field_get(const void *obj, const amsize_field_info *f, uint64_t elem)
{
    double d;
    int32_t i32;
    int64_t i64;
    uint8_t u8;
    switch (f->type) {
    case AMSIZE_TYPE_INT32:
        memcpy(&i32, at(obj, f, elem, sizeof i32), sizeof i32);
        return i32;
    case AMSIZE_TYPE_INT64:
        memcpy(&i64, at(obj, f, elem, sizeof i64), sizeof i64);
        return (double)i64;
    case AMSIZE_TYPE_UINT8:
        memcpy(&u8, at(obj, f, elem, sizeof u8), sizeof u8);
        return u8;
    default:
        memcpy(&d, at(obj, f, elem, sizeof d), sizeof d);
        return d;
    }
}

void field_set(void *obj, const amsize_field_info *f, double v)
{
    char *p = (char *)obj + f->offset;
    int32_t one = 1;
    /* Each cast only in its own type's case: v is in range for that type
     * alone. */
    switch (f->type) {
    case AMSIZE_TYPE_INT32: {
        int32_t i32 = (int32_t)v;
        memcpy(p, &i32, sizeof i32);
        break;
    }
    case AMSIZE_TYPE_INT64: {
        int64_t i64 = (int64_t)v;
        memcpy(p, &i64, sizeof i64);
        break;
    }
    case AMSIZE_TYPE_UINT8: {
        uint8_t u8 = (uint8_t)v;
        memcpy(p, &u8, sizeof u8);
        break;
    }
    default: memcpy(p, &v, sizeof v); break;
    }
    if (f->flags & AMSIZE_FIELDINFO_PRESENCE)
        memcpy((char *)obj + f->presence_offset, &one, sizeof one);
}

int field_present(const void *obj, const amsize_field_info *f)
{
    int32_t has = 1;
    if (f->flags & AMSIZE_FIELDINFO_PRESENCE)
        memcpy(&has, (const char *)obj + f->presence_offset, sizeof has);
    return has != 0;
}

const char *field_text(char *buf, size_t size, const void *obj, const amsize_field_info *f)
{
    int32_t i32;
    int64_t i64;
    switch (f->type) {
    case AMSIZE_TYPE_INT32:
        memcpy(&i32, at(obj, f, 0, sizeof i32), sizeof i32);
        snprintf(buf, size, "%d", (int)i32);
        break;
    case AMSIZE_TYPE_INT64:
        memcpy(&i64, at(obj, f, 0, sizeof i64), sizeof i64);
        snprintf(buf, size, "%lld", (long long)i64);
        break;
    default: format_double(buf, size, field_get(obj, f, 0)); break;
    }
    return buf;
}
