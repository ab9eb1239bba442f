/* Library failures in the terms of the command's inputs (see explain.h). */
#include <config.h>

#include <math.h>
#include <stdio.h>

#include "explain.h"
#include "field.h"
#include "msg.h"
#include "number.h"
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

void explain_cell_error(const csvtable *t, unsigned long line, size_t k, double value,
                        const amsize_error *err)
{
    char what[160], num[40];
    format_double(num, sizeof num, value);
    csvtable_cell_error(t, line, k, ", value %s: %s: fix this cell", num,
                        what_failed(what, sizeof what, err, &t->cols[k].info));
}

/* "FILE:LINE:COL" or "FILE:LINE" when the column is absent (pos 0). */
static const char *place(char *buf, size_t size, const char *path, unsigned long line,
                         size_t pos)
{
    if (pos)
        snprintf(buf, size, "%s:%lu:%zu", msg_label(path), line, pos);
    else
        snprintf(buf, size, "%s:%lu", msg_label(path), line);
    return buf;
}

/* A value of the roster or of a ramp curve, which the library checks again
 * (csvrows.c checked each against the field table as it read it): that a
 * ramp does not decrease is the library's rule alone. */
static void explain_column(const input *in, size_t i, const amsize_error *err,
                           const amsize_field_info *f)
{
    char at[ECHO_SIZE + 64], what[200], num[40], name[ECHO_SIZE];
    const char *field = amsize_field_name(err->field);
    size_t j;
    echo(name, in->names[i]);
    if (err->field == AMSIZE_FIELD_SHARE) {
        const ramps *rp = &in->ramp;
        size_t month = (size_t)err->index;
        j = rp->first[i] + month;
        format_double(num, sizeof num, rp->share[j]);
        if (err->status == AMSIZE_E_ORDER) {
            char before[40];
            format_double(before, sizeof before, rp->share[j - 1]);
            snprintf(what, sizeof what,
                     "%s: below the %s of month %zu (line %lu): a ramp must not decrease",
                     amsize_strerror(err->status), before, month - 1, rp->line[j - 1]);
        } else {
            what_failed(what, sizeof what, err, f);
        }
        msg_error("%s: segment %s, month %zu, column '%s', value %s: %s: fix this cell",
                  place(at, sizeof at, rp->path, rp->line[j], rp->share_pos), name, month,
                  field, num, what);
        return;
    }
    const roster *ro = &in->roster;
    j = ro->first[i] + (size_t)err->index;
    if (err->field == AMSIZE_FIELD_FTE)
        format_double(num, sizeof num, ro->fte[j]);
    else
        snprintf(num, sizeof num, "%ld", (long)ro->tenure[j]);
    msg_error("%s: segment %s, column '%s', value %s: %s: fix this cell",
              place(at, sizeof at, ro->path, ro->line[j],
                    err->field == AMSIZE_FIELD_FTE ? ro->fte_pos : ro->tenure_pos),
              name, field, num, what_failed(what, sizeof what, err, f));
}

void explain_plan_error(const input *in, size_t i, const amsize_error *err)
{
    amsize_field_info f;
    char what[160], name[ECHO_SIZE];
    const char *field = amsize_field_name(err->field);
    const char *label = msg_label(in->seg_path);

    echo(name, in->names[i]);
    if (find_field(&f, AMSIZE_SCHEMA_STAFFING, err)) {
        char num[40], at[ECHO_SIZE + 64];
        msg_error("%s: segment %s, column '%s', value %s: %s: fix this cell",
                  place(at, sizeof at, in->seg_path, in->lines[i],
                        input_segment_cell(in, err->field)),
                  name, field, field_text(num, sizeof num, &in->staff[i], &f),
                  what_failed(what, sizeof what, err, &f));
    } else if ((err->field == AMSIZE_FIELD_SHARE && in->ramp.path &&
                find_field(&f, AMSIZE_SCHEMA_RAMP, err)) ||
               ((err->field == AMSIZE_FIELD_FTE || err->field == AMSIZE_FIELD_TENURE_MONTHS) &&
                in->roster.path && find_field(&f, AMSIZE_SCHEMA_ROSTER, err))) {
        explain_column(in, i, err, &f);
    } else if (err->status == AMSIZE_E_OVERFLOW && err->index > 0) {
        msg_error("%s:%lu: segment %s: the plan's %s in month %lld: %s: check the segment's "
                  "inputs",
                  label, in->lines[i], name, field, (long long)err->index,
                  amsize_strerror(err->status));
    } else if (err->status == AMSIZE_E_OVERFLOW && err->index < 0) {
        msg_error("%s:%lu: segment %s: the plan's %s: %s: check the segment's inputs", label,
                  in->lines[i], name, field, amsize_strerror(err->status));
    } else {
        /* The segment's own fields or the model's, or its chart row's
         * (index 0): as the chart says them, at the segment's row. */
        amsize_error at = *err;
        at.index = (int64_t)i;
        explain_chart_error(in, &at);
    }
}

void explain_evaluate_error(const input *in, const amsize_error *err, int am)
{
    const roster *ro = &in->roster;
    const char *field = amsize_field_name(err->field);
    char name[ECHO_SIZE];

    if (am && err->index >= 0 && (size_t)err->index < ro->n) {
        /* An AM's net_ratio (from its accounts' sums), or its target,
         * attainment or load: the cell they came from, its target (when
         * given) or its fte. */
        size_t j = (size_t)err->index;
        char at[ECHO_SIZE + 64], num[40];
        int by_target = err->field == AMSIZE_FIELD_ATTAINMENT && !isnan(ro->target[j]);
        if (err->field == AMSIZE_FIELD_NET_RATIO) {
            msg_error("%s: AM %s: the computed %s: %s: check the amounts of its accounts",
                      place(at, sizeof at, ro->path, ro->line[j], 0), echo(name, ro->id[j]),
                      field, amsize_strerror(err->status));
            return;
        }
        format_double(num, sizeof num, by_target ? ro->target[j] : ro->fte[j]);
        msg_error("%s: AM %s, column '%s', value %s: the computed %s: %s: fix this cell",
                  place(at, sizeof at, ro->path, ro->line[j],
                        by_target ? ro->target_pos : ro->fte_pos),
                  echo(name, ro->id[j]), by_target ? "target" : "fte", num, field,
                  amsize_strerror(err->status));
    } else if (!am && err->index >= 0 && (size_t)err->index < in->nsegs &&
               (err->field == AMSIZE_FIELD_NET_PER_FTE ||
                err->field == AMSIZE_FIELD_OBSERVED_PRODUCTIVITY ||
                err->field == AMSIZE_FIELD_COVERAGE || err->field == AMSIZE_FIELD_CSM)) {
        size_t i = (size_t)err->index;
        msg_error("%s:%lu: segment %s: the computed %s: %s: check the segment's accounts%s",
                  msg_label(in->seg_path), in->lines[i], echo(name, in->names[i]), field,
                  amsize_strerror(err->status),
                  err->field == AMSIZE_FIELD_OBSERVED_PRODUCTIVITY
                      ? " (a productivity this small would size the chart beyond its limits)"
                      : "");
    } else {
        /* The segments' or the model's: as the chart says them. */
        explain_chart_error(in, err);
    }
}

void explain_plan_total_error(const amsize_error *err)
{
    if (err->index > 0)
        msg_error("the plan's TOTAL in month %lld: %s (too many or too large segments)",
                  (long long)err->index, amsize_strerror(err->status));
    else
        msg_error("the plan's TOTAL: %s (too many or too large segments)",
                  amsize_strerror(err->status));
}
