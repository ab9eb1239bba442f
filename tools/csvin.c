/* Streaming CSV reader over libcsv: see csvin.h. */
#include <config.h>

#include <stdlib.h>
#include <stdint.h>
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
    size_t errfield;        /* 1-based, 0: the whole record */
    /* Fast path: records without quotes or CRs are split here; from the
     * first record that has one, everything goes to libcsv. */
    int slow;
    int in_fast;            /* fields come from fast_record: no line ends */
    char *carry;            /* a line not yet complete */
    size_t carry_len, carry_cap;
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
    /* Fields go on as C strings, so a NUL would silently cut the cell. */
    if (len && memchr(data, '\0', len)) {
        fail(r, r->rec_line,
             "a cell contains a NUL byte: remove it (is this a UTF-16 or binary file?)");
        r->errfield = r->nfields + 1;
        return;
    }
    r->off[r->nfields++] = r->buf_len;
    if (len)
        memcpy(r->buf + r->buf_len, data, len);
    r->buf[r->buf_len + len] = '\0';
    r->buf_len += len + 1;
    if (!r->in_fast)
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

void csvin_set_fast(csvin *r, int on)
{
    r->slow = !on;
}

void csvin_free(csvin *r)
{
    if (!r)
        return;
    csv_free(&r->parser);
    free(r->buf);
    free(r->off);
    free(r->ptrs);
    free(r->carry);
    free(r);
}

static int is_sp(char c)
{
    return c == ' ' || c == '\t';
}

/* One unquoted record line (no '\n', no '"', no '\r'), split on commas,
 * each field trimmed of spaces and tabs as libcsv trims unquoted fields. */
static void fast_record(csvin *r, const char *s, size_t len)
{
    const char *end = s + len;
    r->rec_line = r->line;
    for (;;) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        const char *fe = comma ? comma : end;
        const char *b = s, *e = fe;
        while (b < e && is_sp(*b))
            b++;
        while (e > b && is_sp(e[-1]))
            e--;
        r->in_fast = 1;
        on_field((void *)(uintptr_t)b, (size_t)(e - b), r);
        r->in_fast = 0;
        if (r->stopped || !comma)
            break;
        s = comma + 1;
    }
    if (!r->stopped) {
        if (r->nfields)
            deliver(r);
        r->line++;
    }
}

/* Splits the complete lines of s; returns how many bytes it used, or
 * (size_t)-1 after switching to libcsv at the line that needs it. */
static size_t fast_lines(csvin *r, const char *s, size_t len)
{
    size_t used = 0;
    while (used < len && !r->stopped) {
        const char *line = s + used;
        const char *nl = memchr(line, '\n', len - used);
        if (!nl)
            break;
        size_t n = (size_t)(nl - line);
        size_t body = n && line[n - 1] == '\r' ? n - 1 : n; /* CRLF */
        if (n >= CSVIN_MAX_RECORD || memchr(line, '"', body) || memchr(line, '\r', body)) {
            r->slow = 1;
            return used;
        }
        fast_record(r, line, body);
        used += n + 1;
    }
    return used;
}

static int parse(csvin *r, const char *s, size_t len);

/* Appends to the incomplete line carried to the next chunk; bounded by
 * CSVIN_MAX_RECORD through the callers. */
static int carry_append(csvin *r, const char *s, size_t n)
{
    if (r->carry_len + n > r->carry_cap) {
        size_t cap = r->carry_cap ? r->carry_cap : 4096;
        while (cap < r->carry_len + n)
            cap *= 2;
        char *nc = realloc(r->carry, cap);
        if (!nc)
            return fail(r, r->line, "out of memory");
        r->carry = nc;
        r->carry_cap = cap;
    }
    memcpy(r->carry + r->carry_len, s, n);
    r->carry_len += n;
    return 0;
}

static int feed_fast(csvin *r, const char *s, size_t len)
{
    /* Complete the carried line first. */
    if (r->carry_len) {
        const char *nl = memchr(s, '\n', len);
        size_t take = nl ? (size_t)(nl - s) + 1 : len;
        if (carry_append(r, s, take))
            return r->stopped;
        s += take;
        len -= take;
        if (!nl && r->carry_len < CSVIN_MAX_RECORD)
            return 0;
        size_t used = nl ? fast_lines(r, r->carry, r->carry_len) : 0;
        if (r->stopped)
            return r->stopped;
        if (r->slow || !nl) {
            r->slow = 1;
            if (parse(r, r->carry + used, r->carry_len - used))
                return r->stopped;
            r->carry_len = 0;
            return parse(r, s, len);
        }
        r->carry_len = 0;
    }
    size_t used = fast_lines(r, s, len);
    if (r->stopped)
        return r->stopped;
    if (r->slow)
        return parse(r, s + used, len - used);
    /* carry_len is 0 here: the carried line was completed above. */
    return used < len ? carry_append(r, s + used, len - used) : 0;
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

/* Bytes after the byte-order-mark check, to whichever reader is active. */
static int feed_data(csvin *r, const char *s, size_t len)
{
    return r->slow ? parse(r, s, len) : feed_fast(r, s, len);
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
            /* Not a mark after all: the held-back bytes are data, and go
             * the way the rest goes, or they would come out of order. */
            if (r->bom_seen > 0 && feed_data(r, bom, r->bom_seen))
                return r->stopped;
        }
    }
    return feed_data(r, s, len);
}

int csvin_finish(csvin *r)
{
    static const char bom[3] = {'\xef', '\xbb', '\xbf'};
    if (r->stopped || r->done)
        return r->stopped;
    if (!r->bom_done && r->bom_seen > 0 && feed_data(r, bom, r->bom_seen))
        return r->stopped;
    r->bom_done = 1;
    if (!r->slow && r->carry_len) {
        /* The last line has no line end: libcsv takes it as it is. */
        r->slow = 1;
        if (parse(r, r->carry, r->carry_len))
            return r->stopped;
        r->carry_len = 0;
    }
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

size_t csvin_error_field(const csvin *r)
{
    return r->errfield;
}

unsigned long csvin_line(const csvin *r)
{
    return r->line;
}
