/* Streaming CSV reader over libcsv: see csvin.h. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "csvin.h"

struct csvin {
    struct csv_parser parser;
    csvin_record_fn fn;
    void *ctx;
    int stopped;            /* the result once the reader has stopped */
    int done;
    /* the record being assembled: fields packed into buf, offsets in off */
    char *buf;
    size_t buf_len, buf_cap;
    size_t *off;
    char **ptrs;
    size_t nfields, fields_cap;
    unsigned long line;     /* current physical line */
    unsigned long rec_line; /* where the current record started */
    int pending_cr;         /* the last terminator was a bare CR so far */
    size_t bom_seen;        /* bytes of a leading BOM matched so far */
    int bom_done;
    char errmsg[160];
    unsigned long errline;
};

static int fail(csvin *r, unsigned long line, const char *msg)
{
    snprintf(r->errmsg, sizeof r->errmsg, "%s", msg);
    r->errline = line;
    r->stopped = CSVIN_ERROR;
    return CSVIN_ERROR;
}

/* Counts the line ends inside a quoted field: LF, CRLF or a bare CR. */
static unsigned long count_lines(const char *s, size_t len)
{
    unsigned long n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            n++;
        else if (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'))
            n++;
    }
    return n;
}

static void on_field(void *data, size_t len, void *p)
{
    csvin *r = p;
    if (r->stopped)
        return;
    if (r->nfields == 0)
        r->rec_line = r->line;
    r->pending_cr = 0;
    if (r->buf_len + len + 1 > CSVIN_MAX_RECORD) {
        fail(r, r->rec_line, "record longer than 1 MiB (an unclosed quote?)");
        return;
    }
    if (r->buf_len + len + 1 > r->buf_cap) {
        size_t cap = r->buf_cap ? r->buf_cap : 256;
        while (cap < r->buf_len + len + 1)
            cap *= 2;
        char *nb = realloc(r->buf, cap);
        if (!nb) {
            fail(r, r->rec_line, "out of memory");
            return;
        }
        r->buf = nb;
        r->buf_cap = cap;
    }
    if (r->nfields == r->fields_cap) {
        size_t cap = r->fields_cap ? r->fields_cap * 2 : 16;
        size_t *no = realloc(r->off, cap * sizeof *no);
        if (!no) {
            fail(r, r->rec_line, "out of memory");
            return;
        }
        r->off = no;
        char **np = realloc(r->ptrs, cap * sizeof *np);
        if (!np) {
            fail(r, r->rec_line, "out of memory");
            return;
        }
        r->ptrs = np;
        r->fields_cap = cap;
    }
    r->off[r->nfields++] = r->buf_len;
    if (len)
        memcpy(r->buf + r->buf_len, data, len);
    r->buf[r->buf_len + len] = '\0';
    r->buf_len += len + 1;
    r->line += count_lines(data, len);
}

/* A record of nothing but one empty (or blank) field is a blank line. */
static int is_blank(const csvin *r)
{
    if (r->nfields != 1)
        return r->nfields == 0;
    for (const char *s = r->buf; *s; s++)
        if (*s != ' ' && *s != '\t')
            return 0;
    return 1;
}

static void deliver(csvin *r)
{
    if (!is_blank(r)) {
        for (size_t i = 0; i < r->nfields; i++)
            r->ptrs[i] = r->buf + r->off[i];
        csvin_record rec = {r->nfields, r->ptrs, r->rec_line};
        int rc = r->fn(r->ctx, &rec);
        if (rc)
            r->stopped = rc;
    }
    r->nfields = 0;
    r->buf_len = 0;
}

/* c is the terminator: '\r', '\n', or -1 at the end of input. With
 * CSV_REPALL_NL every line end is reported, blank lines included. */
static void on_record(int c, void *p)
{
    csvin *r = p;
    if (r->stopped)
        return;
    int empty = r->nfields == 0;
    if (!empty)
        deliver(r);
    if (c == '\r') {
        r->line++;
        r->pending_cr = 1;
    } else if (c == '\n') {
        if (!(r->pending_cr && empty))
            r->line++;
        r->pending_cr = 0;
    }
}

csvin *csvin_new(csvin_record_fn fn, void *ctx)
{
    csvin *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    if (csv_init(&r->parser, CSV_REPALL_NL) != 0) {
        free(r);
        return NULL;
    }
    r->fn = fn;
    r->ctx = ctx;
    r->line = 1;
    r->rec_line = 1;
    return r;
}

void csvin_free(csvin *r)
{
    if (!r)
        return;
    csv_free(&r->parser);
    free(r->buf);
    free(r->off);
    free(r->ptrs);
    free(r);
}

static int parse(csvin *r, const char *s, size_t len)
{
    if (len && csv_parse(&r->parser, s, len, on_field, on_record, r) != len && !r->stopped)
        return fail(r, r->line, csv_strerror(csv_error(&r->parser)));
    /* libcsv buffers a field until it ends: bound that too. */
    if (!r->stopped && csv_get_buffer_size(&r->parser) > CSVIN_MAX_RECORD)
        return fail(r, r->nfields ? r->rec_line : r->line,
                    "field longer than 1 MiB (an unclosed quote?)");
    return r->stopped;
}

int csvin_feed(csvin *r, const void *buf, size_t len)
{
    static const char bom[3] = {'\xef', '\xbb', '\xbf'};
    const char *s = buf;
    if (r->stopped || r->done)
        return r->stopped;
    /* A UTF-8 byte order mark may straddle two chunks. */
    while (!r->bom_done && len > 0) {
        if (*s == bom[r->bom_seen]) {
            s++;
            len--;
            if (++r->bom_seen == 3)
                r->bom_done = 1;
        } else {
            r->bom_done = 1;
            if (r->bom_seen > 0 && parse(r, bom, r->bom_seen))
                return r->stopped;
        }
    }
    return parse(r, s, len);
}

int csvin_finish(csvin *r)
{
    static const char bom[3] = {'\xef', '\xbb', '\xbf'};
    if (r->stopped || r->done)
        return r->stopped;
    if (!r->bom_done && r->bom_seen > 0 && parse(r, bom, r->bom_seen))
        return r->stopped;
    r->bom_done = 1;
    r->done = 1;
    /* libcsv reports an unclosed quote only in strict mode, which would
     * also refuse stray quotes inside fields; so look at its public state:
     * a quoted field still open (pstate FIELD_BEGUN, 2 in libcsv 3). */
    if (r->parser.quoted && r->parser.pstate == 2)
        return fail(r, r->nfields ? r->rec_line : r->line,
                    "unterminated quoted field: a quote opens here and never closes");
    csv_fini(&r->parser, on_field, on_record, r);
    return r->stopped;
}

const char *csvin_error(const csvin *r)
{
    return r->errmsg;
}

unsigned long csvin_error_line(const csvin *r)
{
    return r->errline;
}

unsigned long csvin_line(const csvin *r)
{
    return r->line;
}
