/* The segments as read, and the index of their names (see input.h). The
 * files are read by segments.c and accounts.c. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvtable.h"
#include "input.h"
#include "msg.h"
#include "text.h"
#include "xalloc.h"

static uint64_t hash_name(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

size_t *input_slot(const input *in, const char *name)
{
    size_t mask = in->index_cap - 1;
    for (size_t i = (size_t)hash_name(name) & mask;; i = (i + 1) & mask) {
        size_t *slot = &in->index[i];
        if (*slot == SIZE_MAX || strcmp(in->names[*slot], name) == 0)
            return slot;
    }
}

/* Adds segment in->nsegs - 1 to the index, growing it to stay half empty. */
static void index_add(input *in)
{
    if (2 * in->nsegs > in->index_cap) {
        free(in->index);
        in->index_cap = in->index_cap ? 2 * in->index_cap : 16;
        in->index = xmalloc(in->index_cap * sizeof *in->index);
        for (size_t i = 0; i < in->index_cap; i++)
            in->index[i] = SIZE_MAX;
        for (size_t i = 0; i + 1 < in->nsegs; i++)
            *input_slot(in, in->names[i]) = i;
    }
    *input_slot(in, in->names[in->nsegs - 1]) = in->nsegs - 1;
}

void input_add(input *in, const amsize_segment *seg, const amsize_staffing *staff,
               const char *name, unsigned long line)
{
    if (in->nsegs == in->cap) {
        in->cap = in->cap ? 2 * in->cap : 8;
        in->segs = xrealloc(in->segs, in->cap * sizeof *in->segs);
        in->staff = xrealloc(in->staff, in->cap * sizeof *in->staff);
        in->names = xrealloc(in->names, in->cap * sizeof *in->names);
        in->lines = xrealloc(in->lines, in->cap * sizeof *in->lines);
    }
    in->segs[in->nsegs] = *seg;
    in->staff[in->nsegs] = *staff;
    in->names[in->nsegs] = xstrdup(name);
    in->lines[in->nsegs] = line;
    in->nsegs++;
    index_add(in);
}

void input_init(input *in)
{
    memset(in, 0, sizeof *in);
}

void input_free(input *in)
{
    for (size_t i = 0; i < in->nsegs; i++)
        free(in->names[i]);
    free(in->names);
    free(in->segs);
    free(in->staff);
    free(in->lines);
    free(in->totals);
    free(in->rows_per_seg);
    free(in->index);
    free(in->seg_pos);
    free(in->roster.first);
    free(in->roster.fte);
    free(in->roster.tenure);
    free(in->roster.line);
    free(in->roster.target);
    free(in->roster.segment);
    free(in->roster.id);
    nameset_free(&in->roster.ids);
    free(in->actual.am);
    free(in->actual.csm);
    free(in->ramp.first);
    free(in->ramp.share);
    free(in->ramp.line);
    memset(in, 0, sizeof *in);
}

long input_segment_named(const input *in, const csvtable *t, unsigned long line, size_t k,
                        const char *name, const char *what)
{
    if (!*name) {
        csvtable_cell_error(t, line, k, " is empty: give every %s the name of its segment in %s",
                            what, msg_label(in->seg_path));
        return -1;
    }
    long s = input_find(in, name);
    if (s < 0) {
        char shown[ECHO_SIZE];
        csvtable_cell_error(t, line, k,
                            ": segment %s is not in %s: add it there or fix the name (names "
                            "must match exactly)",
                            echo(shown, name), msg_label(in->seg_path));
    }
    return s;
}
