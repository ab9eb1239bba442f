/* Library failures in the terms of the command's inputs (see explain.h). */
#include <config.h>

#include <stdio.h>

#include "explain.h"
#include "field.h"
#include "msg.h"
#include "text.h"

/* The field of schema that err names, into f: 1, or 0 when it is none of
 * its fields (a computed value, the totals row). */
static int find_field(amsize_field_info *f, int32_t schema, const amsize_error *err)
{
    MUST(amsize_field_info_init(f));
    return amsize_schema_find(f, schema, err->field) == AMSIZE_OK;
}

/* What went wrong: the library's text, and for a value outside its range
 * the range in the table's words ("1 to 5"). */
static const char *what_failed(char *buf, size_t size, const amsize_error *err,
                               const amsize_field_info *f)
{
    if (err->status == AMSIZE_E_RANGE && f)
        snprintf(buf, size, "%s: %s", amsize_strerror(err->status), f->range_text);
    else
        snprintf(buf, size, "%s", amsize_strerror(err->status));
    return buf;
}

void explain_model_error(const amsize_error *err)
{
    amsize_field_info f;
    int selling = err->field != AMSIZE_FIELD_RATING_HIGH &&
                  err->field != AMSIZE_FIELD_RATING_MEDIUM;
    const char *opt = selling ? "--selling-time" : "--rating-thresholds";
    fprintf(stderr, "amsize: %s: %s: %s\n", opt, amsize_field_name(err->field),
            amsize_strerror(err->status));
    if (err->status == AMSIZE_E_ORDER)
        fprintf(stderr, "amsize: %s\n",
                selling ? "selling times must not decrease from rating 1 to rating 5"
                        : "give MEDIUM,HIGH with MEDIUM <= HIGH");
    else if (selling && find_field(&f, AMSIZE_SCHEMA_MODEL, err))
        fprintf(stderr,
                "amsize: each selling time must be %s, and they must not decrease from "
                "rating 1 to rating 5\n",
                f.range_text);
}

void explain_chart_error(const input *in, const amsize_error *err)
{
    amsize_field_info f;
    char what[160], value[64] = "", name[ECHO_SIZE];
    const char *field = amsize_field_name(err->field);
    const char *label = msg_label(in->seg_path);

    if (find_field(&f, AMSIZE_SCHEMA_MODEL, err)) {
        msg_error("model parameter %s: %s: fix --selling-time or --rating-thresholds", field,
                  what_failed(what, sizeof what, err, &f));
        return;
    }
    int is_input = find_field(&f, AMSIZE_SCHEMA_SEGMENT, err);
    what_failed(what, sizeof what, err, is_input ? &f : NULL);
    if (err->index < 0 || (size_t)err->index >= in->nsegs) {
        msg_error("the TOTAL row: %s: %s (too many or too large segments)", field, what);
        return;
    }
    size_t i = (size_t)err->index;
    size_t cell = input_segment_cell(in, err->field);
    echo(name, in->names[i]);
    if (is_input) {
        char num[40];
        snprintf(value, sizeof value, ", value %s", field_text(num, sizeof num, &in->segs[i], &f));
    }
    if (is_input && (f.flags & AMSIZE_FIELDINFO_FROM_TOTALS) && in->acc_path)
        msg_error("%s:%lu: segment %s: '%s' summed from %s%s: %s", label, in->lines[i],
                  name, field, msg_label(in->acc_path), value, what);
    else if (is_input && cell)
        msg_error("%s:%lu:%zu: segment %s, column '%s'%s: %s: fix this cell", label,
                  in->lines[i], cell, name, field, value, what);
    else if (is_input)
        msg_error("%s:%lu: segment %s, column '%s'%s: %s: fix this cell", label,
                  in->lines[i], name, field, value, what);
    else
        msg_error("%s:%lu: segment %s: the computed %s: %s: check the segment's inputs",
                  label, in->lines[i], name, field, what);
}

void explain_pilot_error(const input *in, size_t i, const amsize_error *err)
{
    char name[ECHO_SIZE];
    msg_error("%s:%lu: segment %s: pilot %s: %s", msg_label(in->seg_path), in->lines[i],
              echo(name, in->names[i]),
              err->field == AMSIZE_FIELD_CHURN_ATTRIBUTION
                  ? amsize_field_name(err->field)
                  : (err->index == 0 ? "covered accounts" : "uncovered accounts"),
              amsize_strerror(err->status));
}
