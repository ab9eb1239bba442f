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
    size_t *lens;           /* each field's length, so readers need no strlen */
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

/* Room for one more field in off, lens and ptrs; 0, or -1 after fail(). */
static int grow_fields(csvin *r)
{
    if (r->nfields < r->fields_cap)
        return 0;
    size_t cap = r->fields_cap ? r->fields_cap * 2 : 16;
    size_t *no = realloc(r->off, cap * sizeof *no);
    if (!no)
        return fail(r, r->rec_line, "out of memory");
    r->off = no;
    size_t *nl = realloc(r->lens, cap * sizeof *nl);
    if (!nl)
        return fail(r, r->rec_line, "out of memory");
    r->lens = nl;
    char **np = realloc(r->ptrs, cap * sizeof *np);
    if (!np)
        return fail(r, r->rec_line, "out of memory");
    r->ptrs = np;
    r->fields_cap = cap;
    return 0;
}

/* Grows *p (of *cap bytes, first when it is still unallocated) by
 * doubling to hold n bytes; 0, or -1 when out of memory. */
static int grow_bytes(char **p, size_t *cap, size_t n, size_t first)
{
    if (n <= *cap)
        return 0;
    size_t c = *cap ? *cap : first;
    while (c < n)
        c *= 2;
    char *np = realloc(*p, c);
    if (!np)
        return -1;
    *p = np;
    *cap = c;
    return 0;
}

/* Room for n bytes in buf; 0, or -1 after fail(). */
static int grow_buf(csvin *r, size_t n)
{
    if (grow_bytes(&r->buf, &r->buf_cap, n, 256))
        return fail(r, r->rec_line, "out of memory");
    return 0;
}

static const char nul_message[] =
    "a cell contains a NUL byte: remove it (is this a UTF-16 or binary file?)";

/* libcsv's field callback: appends the field to the record in buf. */
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
    if (grow_buf(r, r->buf_len + len + 1) || grow_fields(r))
        return;
    /* Fields go on as C strings, so a NUL would silently cut the cell. */
    if (len && memchr(data, '\0', len)) {
        fail(r, r->rec_line, nul_message);
        r->errfield = r->nfields + 1;
        return;
    }
    r->off[r->nfields] = r->buf_len;
    r->lens[r->nfields++] = len;
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

/* Hands the record over; ptrs must point at its fields. trimmed: see
 * csvin_record; 0 for libcsv's records, as a quoted field keeps its
 * spaces. */
static void deliver(csvin *r, int trimmed)
{
    if (!is_blank(r)) {
        csvin_record rec = {r->nfields, r->ptrs, r->lens, r->rec_line, trimmed};
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
    if (!empty) {
        /* buf may have moved while the fields were appended. */
        for (size_t i = 0; i < r->nfields; i++)
            r->ptrs[i] = r->buf + r->off[i];
        deliver(r, 0);
    }
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
    free(r->lens);
    free(r->ptrs);
    free(r->carry);
    free(r);
}

/* The range test first: most bytes are above ' ', and fail it in one
 * comparison instead of two. */
static int is_sp(char c)
{
    return (unsigned char)c <= ' ' && (c == ' ' || c == '\t');
}

/* What ends a run of ordinary bytes for the fast splitter: a comma, the
 * '\n' put after the line, and the bytes that need a closer look. */
enum { FAST_COMMA = 1, FAST_END, FAST_NUL, FAST_SLOW };
static const unsigned char fast_stop[256] = {
    [','] = FAST_COMMA, ['\n'] = FAST_END, ['\0'] = FAST_NUL,
    ['"'] = FAST_SLOW,  ['\r'] = FAST_SLOW,
};

/* Bytes of readable padding fast_record() puts after a line: the '\n'
 * sentinel and enough more that next_stop() can load a whole word at any
 * byte up to the sentinel without reading past the buffer. */
#define FAST_PAD 8

/* The first byte at or after p that fast_stop[] marks; one must come (the
 * sentinel), and FAST_PAD bytes from there must be readable. All the stop
 * bytes are below 0x2D (','), and ordinary cells are mostly digits, '.'
 * and letters above it, so a word at a time is tested for any byte below
 * 0x2D and only those few are looked up, instead of every byte. */
static char *next_stop(char *p)
{
    const uint64_t lo7 = 0x7F7F7F7F7F7F7F7FULL;
    /* Each byte: (b & 0x7F) + 0x53 has its high bit set when (b & 0x7F)
     * >= 0x2D, and cannot carry into the next byte; or-ing in b itself
     * clears the flag for bytes >= 0x80. So the mask is exact per byte. */
    const uint64_t add = 0x5353535353535353ULL;
    for (;; p += 8) {
        uint64_t w;
        memcpy(&w, p, sizeof w); /* an unaligned load, without UB */
        uint64_t m = ~(((w & lo7) + add) | w | lo7);
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* Byte i of the line is byte i of w: the lowest flags come first. */
        for (; m; m &= m - 1) {
            char *q = p + ((unsigned)__builtin_ctzll(m) >> 3);
            if (fast_stop[(unsigned char)*q])
                return q;
        }
#else
        if (m)
            for (int i = 0; i < 8; i++)
                if (fast_stop[(unsigned char)p[i]])
                    return p + i;
#endif
    }
}

/* One record line (len bytes, no '\n') split on commas, each field trimmed
 * of spaces and tabs as libcsv trims unquoted fields. The line is copied
 * into buf once and split there in a single pass, each field's end
 * overwritten with its NUL: no copy, memchr() or strlen() per field.
 * Returns 1, having delivered nothing, when the line has a quote or a CR
 * (libcsv's rules apply from it on); else 0 (also after an error). */
static int fast_record(csvin *r, const char *s, size_t len)
{
    r->rec_line = r->line;
    /* No field overflows: len < CSVIN_MAX_RECORD (see fast_lines()). */
    if (len + FAST_PAD > r->buf_cap && grow_buf(r, len + FAST_PAD))
        return 0;
    memcpy(r->buf, s, len);
    /* the sentinel that ends the scan, and defined bytes after it */
    memset(r->buf + len, '\n', FAST_PAD);
    /* The fields go straight into ptrs: buf no longer moves. The arrays
     * are held in locals, as the NUL stores could otherwise alias them. */
    char *p = r->buf;
    char **ptrs = r->ptrs;
    size_t *lens = r->lens;
    size_t nf = 0, nul_field = 0;
    for (;;) {
        while (is_sp(*p))
            p++;
        char *b = p;
        int stop;
        for (;;) {
            p = next_stop(p);
            stop = fast_stop[(unsigned char)*p];
            if (stop == FAST_COMMA || stop == FAST_END)
                break;
            if (stop == FAST_SLOW) {
                r->nfields = 0;
                return 1;
            }
            /* A NUL is an error, but only if no quote or CR follows: such
             * a line goes to libcsv, which reports the NUL itself. */
            if (!nul_field)
                nul_field = nf + 1;
            p++;
        }
        char *e = p;
        while (e > b && is_sp(e[-1]))
            e--;
        *e = '\0';
        if (nf == r->fields_cap) {
            r->nfields = nf; /* what grow_fields() keeps */
            if (grow_fields(r))
                return 0;
            ptrs = r->ptrs;
            lens = r->lens;
        }
        ptrs[nf] = b;
        lens[nf++] = (size_t)(e - b);
        if (stop == FAST_END)
            break;
        p++;
    }
    r->nfields = nf;
    if (nul_field) {
        fail(r, r->rec_line, nul_message);
        r->errfield = nul_field;
        return 0;
    }
    deliver(r, 1);
    r->line++;
    return 0;
}

/* Splits the complete lines of s; returns how many bytes it used (after
 * switching to libcsv, those before the line that needs it). */
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
        if (n >= CSVIN_MAX_RECORD || fast_record(r, line, body)) {
            r->slow = 1;
            return used;
        }
        used += n + 1;
    }
    return used;
}

static int parse(csvin *r, const char *s, size_t len);

/* Appends to the incomplete line carried to the next chunk; bounded by
 * CSVIN_MAX_RECORD through the callers. */
static int carry_append(csvin *r, const char *s, size_t n)
{
    if (grow_bytes(&r->carry, &r->carry_cap, r->carry_len + n, 4096))
        return fail(r, r->line, "out of memory");
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
