/* SEGMENTS.csv and ACCOUNTS.csv into segments and totals (see input.h).
 *
 * Both files go through one table reader: the header is matched to a list
 * of known columns (case-insensitive, trimmed), then each record is handed
 * over as cells in that list's order, NULL where the file lacks the column.
 * The accounts file is streamed: rows are buffered INPUT_CHUNK_ROWS at a
 * time and folded into the totals, so memory does not grow with the file. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvin.h"
#include "input.h"
#include "msg.h"
#include "number.h"
#include "text.h"
#include "xalloc.h"

/* ------------------------------------------------------------ table reader */

/* When a column is required: always, or only in some uses of the file. */
enum {
    REQ_ALWAYS = 1,
    REQ_AGGREGATE = 2, /* SEGMENTS.csv without --accounts: it carries the sums */
    REQ_PILOT = 4      /* ACCOUNTS.csv for pilot: it compares covered with not */
};

typedef struct colspec {
    const char *name;
    int required;        /* REQ_* bits, 0 for optional */
} colspec;

typedef struct reader reader;
typedef int (*row_fn)(reader *rd, unsigned long line, char **cells);

struct reader {
    const char *label;
    const colspec *cols;
    size_t ncols;
    int need;            /* the REQ_* bits that apply to this read */
    /* Appended to the missing-column error when columns required only by
     * this use are missing: all of them (hint) or some (hint_mixed). */
    const char *hint, *hint_mixed;
    int *map;            /* file column -> spec index, -1 when unknown */
    size_t nfile;
    int identity;        /* the file has exactly the spec's columns in its
                            order: map[j] == j for every j */
    size_t *pos;         /* spec index -> its field number in the file (1 for the
                            first), 0 when the file lacks it */
    int header_done;
    unsigned long rows;
    char **cells;
    row_fn row;
    void *ctx;
};

const char *input_label(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* Names for a message: 'a', 'b', 'c', each shown as echo() does. A header
 * can have thousands of columns, so after LIST_SHOWN names the rest are
 * counted ("and 40 more") rather than cut off mid-name. */
#define LIST_SHOWN 20

typedef struct namelist {
    char *text;
    size_t len, shown, more;
} namelist;

static void list_add(namelist *l, const char *name)
{
    char shown[ECHO_SIZE];
    if (l->shown == LIST_SHOWN) {
        l->more++;
        return;
    }
    size_t n = strlen(echo(shown, name));
    l->text = xrealloc(l->text, l->len + n + 3);
    l->len += (size_t)sprintf(l->text + l->len, "%s%s", l->shown ? ", " : "", shown);
    l->shown++;
}

/* The list as text ("" when empty); call once, before list_free(). */
static const char *list_text(namelist *l)
{
    if (!l->shown)
        return "";
    if (l->more) {
        l->text = xrealloc(l->text, l->len + 48);
        sprintf(l->text + l->len, ", and %zu more", l->more);
    }
    return l->text;
}

static void list_free(namelist *l)
{
    free(l->text);
    memset(l, 0, sizeof *l);
}

static int is_required(const reader *rd, size_t k)
{
    return (rd->cols[k].required & (rd->need | REQ_ALWAYS)) != 0;
}

static int read_header(reader *rd, const csvin_record *rec)
{
    namelist unknown = {0}, missing = {0};
    int rc = 0;
    rd->header_done = 1;
    rd->nfile = rec->nfields;
    rd->map = xcalloc(rec->nfields, sizeof *rd->map);
    for (size_t j = 0; j < rec->nfields; j++) {
        const char *name = trim(rec->fields[j]);
        rd->map[j] = -1;
        for (size_t k = 0; k < rd->ncols; k++) {
            if (ascii_casecmp(name, rd->cols[k].name) != 0)
                continue;
            if (rd->pos[k]) {
                msg_error("%s:%lu:%zu: column '%s' appears twice in the header: keep one of "
                          "them",
                          rd->label, rec->line, j + 1, rd->cols[k].name);
                list_free(&unknown);
                return EXIT_DATAERR;
            }
            rd->pos[k] = j + 1;
            rd->map[j] = (int)k;
        }
        if (rd->map[j] < 0)
            list_add(&unknown, name);
    }
    rd->identity = rec->nfields == rd->ncols;
    for (size_t j = 0; j < rec->nfields && rd->identity; j++)
        rd->identity = rd->map[j] == (int)j;
    size_t by_use = 0;
    for (size_t k = 0; k < rd->ncols; k++)
        if (is_required(rd, k) && !rd->pos[k]) {
            list_add(&missing, rd->cols[k].name);
            by_use += !(rd->cols[k].required & REQ_ALWAYS);
        }
    if (missing.shown) {
        const char *hint = !by_use ? ""
                           : by_use == missing.shown + missing.more ? rd->hint
                                                                    : rd->hint_mixed;
        msg_error("%s:%lu: missing required column(s) %s: add them to the header line%s",
                  rd->label, rec->line, list_text(&missing), hint ? hint : "");
        rc = EXIT_DATAERR;
    } else if (unknown.shown) {
        msg_warn("%s:%lu: ignoring unknown column(s) %s", rd->label, rec->line,
                 list_text(&unknown));
    }
    list_free(&unknown);
    list_free(&missing);
    return rc;
}

static int on_record(void *p, const csvin_record *rec)
{
    reader *rd = p;
    if (!rd->header_done)
        return read_header(rd, rec);
    if (rec->nfields != rd->nfile) {
        msg_error("%s:%lu: the record has %zu field(s) but the header has %zu: check for a "
                  "missing or extra comma, and quote values that contain commas",
                  rd->label, rec->line, rec->nfields, rd->nfile);
        return EXIT_DATAERR;
    }
    if (rd->identity && rec->trimmed) {
        /* The fields are the cells already, in order and trimmed: lend
         * them to the row for the call instead of copying each pointer.
         * The row reads cells only during the call, through rd->cells. */
        char **own = rd->cells;
        rd->cells = rec->fields;
        rd->rows++;
        int rc = rd->row(rd, rec->line, rd->cells);
        rd->cells = own;
        return rc;
    }
    /* The cells of columns the file lacks stay NULL from xcalloc(); the
     * others are set here for every record. Locals, because the trimming
     * stores could otherwise alias the arrays and force reloads. */
    const int *map = rd->map;
    char **cells = rd->cells, **fields = rec->fields;
    const size_t *lens = rec->lens;
    size_t n = rd->nfile;
    if (rec->trimmed) {
        /* The fast path trimmed every field already: a second walk of
         * each cell's ends would find nothing. */
        for (size_t j = 0; j < n; j++)
            if (map[j] >= 0)
                cells[map[j]] = fields[j];
    } else {
        for (size_t j = 0; j < n; j++)
            if (map[j] >= 0)
                cells[map[j]] = trim_len(fields[j], lens[j]);
    }
    rd->rows++;
    return rd->row(rd, rec->line, rd->cells);
}

/* Reads a whole file (or standard input) through the reader. */
static int read_table(reader *rd, const char *path)
{
    static char chunk[64 * 1024];
    int fd = 0, rc = 0;
    csvin *cr;

    rd->label = input_label(path);
    rd->pos = xcalloc(rd->ncols, sizeof *rd->pos);
    rd->cells = xcalloc(rd->ncols, sizeof *rd->cells);
    if (strcmp(path, "-") != 0 && (fd = open(path, O_RDONLY)) < 0) {
        msg_error("cannot open %s: %s", path, strerror(errno));
        return EXIT_NOINPUT;
    }
    if (!(cr = csvin_new(on_record, rd))) {
        msg_error("out of memory");
        exit(EXIT_SOFTWARE);
    }
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            msg_error("cannot read %s: %s", rd->label, strerror(errno));
            rc = EXIT_NOINPUT;
            break;
        }
        rc = n > 0 ? csvin_feed(cr, chunk, (size_t)n) : csvin_finish(cr);
        if (rc || n == 0)
            break;
    }
    if (rc == CSVIN_ERROR) {
        size_t field = csvin_error_field(cr);
        int k = rd->header_done && field && field <= rd->nfile ? rd->map[field - 1] : -1;
        if (k >= 0)
            msg_error("%s:%lu:%zu: column '%s': %s", rd->label, csvin_error_line(cr), field,
                      rd->cols[k].name, csvin_error(cr));
        else if (field)
            msg_error("%s:%lu:%zu: %s", rd->label, csvin_error_line(cr), field,
                      csvin_error(cr));
        else
            msg_error("%s:%lu: %s", rd->label, csvin_error_line(cr), csvin_error(cr));
        rc = EXIT_DATAERR;
    }
    if (rc == 0 && !rd->header_done) {
        namelist cols = {0};
        for (size_t k = 0; k < rd->ncols; k++)
            if (is_required(rd, k))
                list_add(&cols, rd->cols[k].name);
        msg_error("%s: the file is empty: it needs a header line naming at least the "
                  "columns %s", rd->label, list_text(&cols));
        list_free(&cols);
        rc = EXIT_DATAERR;
    } else if (rc == 0 && rd->rows == 0) {
        msg_error("%s:%lu: no data rows after the header: add at least one row",
                  rd->label, csvin_line(cr));
        rc = EXIT_DATAERR;
    }
    csvin_free(cr);
    if (fd > 0)
        close(fd);
    return rc;
}

static void reader_free(reader *rd)
{
    free(rd->map);
    free(rd->pos);
    free(rd->cells);
}

/* ------------------------------------------------------------------ cells */

/* An error about cell k of the record on line: "FILE:LINE:COL: column
 * 'NAME'" and then fmt, COL being the cell's field number (1 for the
 * first), so that a spreadsheet user can find the cell. */
static void cell_error(const reader *rd, unsigned long line, size_t k, const char *fmt, ...)
    AMSIZE_PRINTF(4, 5);

static void cell_error(const reader *rd, unsigned long line, size_t k, const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *rest = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    vsnprintf(rest, n > 0 ? (size_t)n + 1 : 1, fmt, again);
    va_end(again);
    va_end(ap);
    if (rd->pos[k])
        msg_error("%s:%lu:%zu: column '%s'%s", rd->label, line, rd->pos[k], rd->cols[k].name,
                  rest);
    else
        msg_error("%s:%lu: column '%s'%s", rd->label, line, rd->cols[k].name, rest);
    free(rest);
}

/* parse_number() for all but the common cell, which decimal_fast() has
 * refused: the empty cell, the error messages and strtod(). Not inlined,
 * so that its stack frame (a message buffer) is not set up per cell. */
static AMSIZE_NOINLINE int parse_number_slow(const reader *rd, unsigned long line, size_t k, double *out)
{
    const char *cell = rd->cells[k];
    if (!cell || !*cell) {
        if (!is_required(rd, k))
            return 1;
        cell_error(rd, line, k, " is empty: it is required, give a number");
        return -EXIT_DATAERR;
    }
    char shown[ECHO_SIZE];
    if (!is_decimal(cell)) {
        cell_error(rd, line, k,
                   ": %s is not a number: write plain decimal digits (no currency sign, "
                   "thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6",
                   echo(shown, cell));
        return -EXIT_DATAERR;
    }
    errno = 0;
    double v = strtod(cell, NULL);
    if (!isfinite(v) || (errno == ERANGE && fabs(v) > 1)) {
        cell_error(rd, line, k, ": %s is too large to be a number", echo(shown, cell));
        return -EXIT_DATAERR;
    }
    *out = v;
    return 0;
}

/* Parses cell k into *out. An empty cell is an error only when the column
 * is required; otherwise it returns 1 and leaves *out alone ("use the
 * default"). The common cell takes only the inline test and
 * decimal_fast(), which sets *out only when it accepts the cell. */
static int parse_number(const reader *rd, unsigned long line, size_t k, double *out)
{
    const char *cell = rd->cells[k];
    if (cell && decimal_fast(cell, out))
        return 0;
    return parse_number_slow(rd, line, k, out);
}

/* As parse_number, for whole-number columns. */
static int parse_whole(const reader *rd, unsigned long line, size_t k, double lo, double hi,
                       double *out)
{
    double v;
    int rc = parse_number(rd, line, k, &v);
    if (rc)
        return rc;
    if (v != floor(v) || v < lo || v > hi) {
        char shown[ECHO_SIZE];
        cell_error(rd, line, k, ": %s must be a whole number from %.0f to %.0f",
                   echo(shown, rd->cells[k]), lo, hi);
        return -EXIT_DATAERR;
    }
    *out = v;
    return 0;
}

/* 0/1/true/false/yes/no, any case; empty is 0. */
static int parse_flag(const reader *rd, unsigned long line, size_t k, uint8_t *out)
{
    static const char *const yes[] = {"1", "true", "yes"}, *const no[] = {"0", "false", "no"};
    const char *cell = rd->cells[k];
    if (!cell || !*cell) {
        *out = 0;
        return 0;
    }
    /* The usual cell, without the comparisons below. */
    if ((cell[0] == '0' || cell[0] == '1') && cell[1] == '\0') {
        *out = cell[0] == '1';
        return 0;
    }
    for (size_t i = 0; i < 3; i++) {
        if (ascii_casecmp(cell, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (ascii_casecmp(cell, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    char shown[ECHO_SIZE];
    cell_error(rd, line, k,
               ": %s is not a yes/no value: write 1, 0, true, false, yes, no, or leave it "
               "empty for 0",
               echo(shown, cell));
    return -EXIT_DATAERR;
}

/* --------------------------------------------------------- segment index */

static uint64_t hash_name(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

static size_t *slot_of(const input *in, const char *name)
{
    size_t mask = in->index_cap - 1;
    for (size_t i = (size_t)hash_name(name) & mask;; i = (i + 1) & mask) {
        size_t *slot = &in->index[i];
        if (*slot == SIZE_MAX || strcmp(in->names[*slot], name) == 0)
            return slot;
    }
}

long input_find(const input *in, const char *name)
{
    if (!in->index_cap)
        return -1;
    size_t s = *slot_of(in, name);
    return s == SIZE_MAX ? -1 : (long)s;
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
            *slot_of(in, in->names[i]) = i;
    }
    *slot_of(in, in->names[in->nsegs - 1]) = in->nsegs - 1;
}

/* ---------------------------------------------------------- segments.csv */

enum {
    S_SEGMENT, S_PRODUCTIVITY, S_COST, S_MAX_LOAD, S_SUPPORT, S_ATTRIBUTION, S_MARGIN,
    S_COVERAGE, S_GROWTH, S_ACCOUNTS, S_WEIGHTED, S_BOOK, S_UPSELL, S_CROSS_SELL, S_CHURN,
    S_NCOLS,
    S_FIRST_AGGREGATE = S_ACCOUNTS
};

/* Without --accounts nothing else supplies the aggregates, and a missing
 * one would silently size the segment from zeros; weighted_accounts alone
 * has a meaningful default (accounts). */
static const colspec seg_cols[S_NCOLS] = {
    {"segment", REQ_ALWAYS}, {"am_productivity", REQ_ALWAYS}, {"am_cost", REQ_ALWAYS},
    {"max_load", REQ_ALWAYS}, {"support_rating", 0}, {"churn_attribution", 0},
    {"gross_margin", 0}, {"cost_coverage", 0}, {"growth_per_account", 0},
    {"accounts", REQ_AGGREGATE}, {"weighted_accounts", 0}, {"book", REQ_AGGREGATE},
    {"upsell", REQ_AGGREGATE}, {"cross_sell", REQ_AGGREGATE}, {"churn", REQ_AGGREGATE},
};

typedef struct seg_ctx {
    input *in;
    int with_accounts;
    size_t cap;
} seg_ctx;

static double *seg_double(amsize_segment *s, int col)
{
    switch (col) {
    case S_PRODUCTIVITY: return &s->am_productivity;
    case S_COST: return &s->am_cost;
    case S_MAX_LOAD: return &s->max_load;
    case S_ATTRIBUTION: return &s->churn_attribution;
    case S_MARGIN: return &s->gross_margin;
    case S_COVERAGE: return &s->cost_coverage;
    case S_GROWTH: return &s->growth_per_account;
    case S_WEIGHTED: return &s->weighted_accounts;
    case S_BOOK: return &s->book;
    case S_UPSELL: return &s->upsell;
    case S_CROSS_SELL: return &s->cross_sell;
    case S_CHURN: return &s->churn;
    default: return NULL;
    }
}

static int seg_row(reader *rd, unsigned long line, char **c)
{
    seg_ctx *sc = rd->ctx;
    input *in = sc->in;
    const char *name = c[S_SEGMENT];
    amsize_segment seg;
    double v;
    int rc;

    if (!*name) {
        cell_error(rd, line, S_SEGMENT, " is empty: give every segment a name");
        return EXIT_DATAERR;
    }
    /* Output names the totals row TOTAL: a segment of that name would give
     * two rows no reader could tell apart. */
    if (ascii_casecmp(name, "TOTAL") == 0) {
        char shown[ECHO_SIZE];
        cell_error(rd, line, S_SEGMENT,
                   ": %s is reserved for the totals row: give the segment another name",
                   echo(shown, name));
        return EXIT_DATAERR;
    }
    long dup = input_find(in, name);
    if (dup >= 0) {
        char shown[ECHO_SIZE];
        cell_error(rd, line, S_SEGMENT,
                   ": segment %s appears twice (first on line %lu): segment names must be "
                   "unique",
                   echo(shown, name), in->lines[dup]);
        return EXIT_DATAERR;
    }
    MUST(amsize_segment_init(&seg, 1));
    size_t last = sc->with_accounts ? S_FIRST_AGGREGATE : S_NCOLS;
    for (size_t k = 1; k < last; k++) {
        double *field = seg_double(&seg, (int)k);
        if (k == S_SUPPORT) {
            rc = parse_whole(rd, line, k, AMSIZE_SUPPORT_RATING_MIN,
                             AMSIZE_SUPPORT_RATING_MAX, &v);
            if (rc == 0)
                seg.support_rating = (int32_t)v;
        } else if (k == S_ACCOUNTS) {
            rc = parse_whole(rd, line, k, 0, 9007199254740992.0, &v);
            if (rc == 0)
                seg.accounts = (int64_t)v;
        } else {
            rc = parse_number(rd, line, k, field);
            if (rc == 0 && k == S_WEIGHTED)
                seg.has_weighted_accounts = 1;
            if (rc == 0 && k == S_GROWTH)
                seg.has_growth_per_account = 1;
        }
        if (rc < 0)
            return -rc;
    }
    if (in->nsegs == sc->cap) {
        sc->cap = sc->cap ? 2 * sc->cap : 8;
        in->segs = xrealloc(in->segs, sc->cap * sizeof *in->segs);
        in->names = xrealloc(in->names, sc->cap * sizeof *in->names);
        in->lines = xrealloc(in->lines, sc->cap * sizeof *in->lines);
    }
    in->segs[in->nsegs] = seg;
    in->names[in->nsegs] = xstrdup(name);
    in->lines[in->nsegs] = line;
    in->nsegs++;
    index_add(in);
    return 0;
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
    free(in->lines);
    free(in->totals);
    free(in->rows_per_seg);
    free(in->index);
    free(in->seg_pos);
    memset(in, 0, sizeof *in);
}

int input_read_segments(input *in, const char *path, int with_accounts)
{
    seg_ctx sc = {in, with_accounts, 0};
    reader rd = {0};
    rd.cols = seg_cols;
    rd.ncols = S_NCOLS;
    rd.need = with_accounts ? 0 : REQ_AGGREGATE;
    rd.hint = ", or pass --accounts ACCOUNTS.csv";
    rd.hint_mixed = " (or, instead of the aggregate ones, pass --accounts ACCOUNTS.csv)";
    rd.row = seg_row;
    rd.ctx = &sc;
    in->seg_path = path;
    int rc = read_table(&rd, path);
    if (rc == 0 && with_accounts) {
        namelist agg = {0};
        for (size_t k = S_FIRST_AGGREGATE; k < S_NCOLS; k++)
            if (rd.pos[k])
                list_add(&agg, seg_cols[k].name);
        if (agg.shown)
            msg_warn("%s: ignoring the aggregate column(s) %s: --accounts supplies them",
                     rd.label, list_text(&agg));
        list_free(&agg);
    }
    if (rc == 0 && in->verbose)
        fprintf(stderr, "amsize: %s: %zu segment(s)\n", rd.label, in->nsegs);
    /* Kept for input_report_chart_error(), which points at cells. */
    free(in->seg_pos);
    in->seg_pos = rd.pos;
    rd.pos = NULL;
    reader_free(&rd);
    return rc;
}

/* ---------------------------------------------------------- accounts.csv */

enum { A_ID, A_SEGMENT, A_ARR, A_UPSELL, A_CROSS_SELL, A_CHURN, A_WEIGHT, A_COVERED, A_NCOLS };

static const colspec acc_cols[A_NCOLS] = {
    {"account_id", REQ_ALWAYS}, {"segment", REQ_ALWAYS}, {"arr", REQ_ALWAYS},
    {"upsell", REQ_ALWAYS}, {"cross_sell", REQ_ALWAYS}, {"churn", REQ_ALWAYS},
    {"service_weight", 0}, {"am_covered", REQ_PILOT},
};

/* One chunk of account rows, in the columns amsize_totals_add() takes. */
typedef struct acc_ctx {
    input *in;
    const reader *rd;
    const char *label;
    size_t n;
    int32_t segment[INPUT_CHUNK_ROWS];
    double arr[INPUT_CHUNK_ROWS], upsell[INPUT_CHUNK_ROWS], cross_sell[INPUT_CHUNK_ROWS],
        churn[INPUT_CHUNK_ROWS], weight[INPUT_CHUNK_ROWS];
    uint8_t covered[INPUT_CHUNK_ROWS];
    unsigned long line[INPUT_CHUNK_ROWS];
} acc_ctx;

static int flush_accounts(acc_ctx *ac)
{
    input *in = ac->in;
    amsize_error err;
    MUST(amsize_error_init(&err));
    if (ac->n == 0)
        return 0;
    amsize_status st = amsize_totals_add(in->totals, in->nsegs, &err, ac->segment, ac->n,
                                         ac->arr, ac->upsell, ac->cross_sell, ac->churn,
                                         ac->weight, ac->covered);
    if (st != AMSIZE_OK && (err.index < 0 || (size_t)err.index >= ac->n)) {
        /* Not one row: a chunk whose column sum leaves the finite range. */
        msg_error("%s:%lu-%lu: column '%s': %s: the sum of these rows is too large; are "
                  "the amounts in the right unit?",
                  ac->label, ac->line[0], ac->line[ac->n - 1], amsize_field_name(err.field),
                  amsize_strerror(st));
        return EXIT_DATAERR;
    }
    if (st != AMSIZE_OK) {
        size_t i = (size_t)err.index, k = A_NCOLS;
        const double *col = NULL;
        switch (err.field) {
        case AMSIZE_FIELD_ARR: col = ac->arr, k = A_ARR; break;
        case AMSIZE_FIELD_UPSELL: col = ac->upsell, k = A_UPSELL; break;
        case AMSIZE_FIELD_CROSS_SELL: col = ac->cross_sell, k = A_CROSS_SELL; break;
        case AMSIZE_FIELD_CHURN: col = ac->churn, k = A_CHURN; break;
        case AMSIZE_FIELD_SERVICE_WEIGHT: col = ac->weight, k = A_WEIGHT; break;
        default: break;
        }
        if (col) {
            char num[40];
            format_double(num, sizeof num, col[i]);
            cell_error(ac->rd, ac->line[i], k, ", value %s: %s: fix this cell", num,
                       amsize_strerror(st));
        }
        else
            msg_error("%s:%lu: column '%s': %s", ac->label, ac->line[i],
                      amsize_field_name(err.field), amsize_strerror(st));
        return EXIT_DATAERR;
    }
    for (size_t i = 0; i < ac->n; i++)
        in->rows_per_seg[ac->segment[i]]++;
    in->account_rows += ac->n;
    ac->n = 0;
    return 0;
}

static int acc_row(reader *rd, unsigned long line, char **c)
{
    acc_ctx *ac = rd->ctx;
    input *in = ac->in;
    size_t i = ac->n;
    int rc;

    if (!*c[A_ID]) {
        cell_error(rd, line, A_ID, " is empty: give every account an id");
        return EXIT_DATAERR;
    }
    if (!*c[A_SEGMENT]) {
        cell_error(rd, line, A_SEGMENT, " is empty: give every account the name of its "
                   "segment in %s", input_label(in->seg_path));
        return EXIT_DATAERR;
    }
    long s = input_find(in, c[A_SEGMENT]);
    if (s < 0) {
        char shown[ECHO_SIZE];
        cell_error(rd, line, A_SEGMENT,
                   ": segment %s is not in %s: add it there or fix the name (names must "
                   "match exactly)",
                   echo(shown, c[A_SEGMENT]), input_label(in->seg_path));
        return EXIT_DATAERR;
    }
    ac->segment[i] = (int32_t)s;
    ac->line[i] = line;
    if ((rc = parse_number(rd, line, A_ARR, &ac->arr[i])) ||
        (rc = parse_number(rd, line, A_UPSELL, &ac->upsell[i])) ||
        (rc = parse_number(rd, line, A_CROSS_SELL, &ac->cross_sell[i])) ||
        (rc = parse_number(rd, line, A_CHURN, &ac->churn[i])))
        return -rc;
    ac->weight[i] = 1.0;
    if ((rc = parse_number(rd, line, A_WEIGHT, &ac->weight[i])) < 0 ||
        (rc = parse_flag(rd, line, A_COVERED, &ac->covered[i])) < 0)
        return -rc;
    if (++ac->n == INPUT_CHUNK_ROWS)
        return flush_accounts(ac);
    return 0;
}

int input_read_accounts(input *in, const char *path)
{
    acc_ctx *ac = xcalloc(1, sizeof *ac);
    reader rd = {0};
    amsize_error err;
    int rc;

    in->acc_path = path;
    in->totals = xcalloc(in->nsegs, sizeof *in->totals);
    in->rows_per_seg = xcalloc(in->nsegs, sizeof *in->rows_per_seg);
    MUST(amsize_totals_init(in->totals, in->nsegs));
    ac->in = in;
    ac->rd = &rd;
    ac->label = input_label(path);
    rd.cols = acc_cols;
    rd.ncols = A_NCOLS;
    /* Without the column every account would count as uncovered, and the
     * pilot would compare nothing with everything. */
    rd.need = in->need_covered ? REQ_PILOT : 0;
    rd.hint = rd.hint_mixed = " (the pilot compares AM-covered with uncovered accounts: "
                              "give each account 1 or 0)";
    rd.row = acc_row;
    rd.ctx = ac;
    rc = read_table(&rd, path);
    if (rc == 0)
        rc = flush_accounts(ac);
    MUST(amsize_error_init(&err));
    for (size_t i = 0; rc == 0 && i < in->nsegs; i++) {
        if (amsize_totals_segment(&in->segs[i], &err, &in->totals[i], AMSIZE_PART_ALL) !=
            AMSIZE_OK) {
            msg_error("internal error: amsize_totals_segment: %s", amsize_strerror(err.status));
            rc = EXIT_SOFTWARE;
        }
    }
    reader_free(&rd);
    free(ac);
    return rc;
}

/* ------------------------------------------------------ library failures */

/* The SEGMENTS.csv column behind a library field, or -1. */
static int seg_column(int32_t field)
{
    switch (field) {
    case AMSIZE_FIELD_SUPPORT_RATING: return S_SUPPORT;
    case AMSIZE_FIELD_ACCOUNTS: return S_ACCOUNTS;
    case AMSIZE_FIELD_WEIGHTED_ACCOUNTS: return S_WEIGHTED;
    case AMSIZE_FIELD_BOOK: return S_BOOK;
    case AMSIZE_FIELD_UPSELL: return S_UPSELL;
    case AMSIZE_FIELD_CROSS_SELL: return S_CROSS_SELL;
    case AMSIZE_FIELD_CHURN: return S_CHURN;
    case AMSIZE_FIELD_CHURN_ATTRIBUTION: return S_ATTRIBUTION;
    case AMSIZE_FIELD_AM_PRODUCTIVITY: return S_PRODUCTIVITY;
    case AMSIZE_FIELD_AM_COST: return S_COST;
    case AMSIZE_FIELD_GROSS_MARGIN: return S_MARGIN;
    case AMSIZE_FIELD_COST_COVERAGE: return S_COVERAGE;
    case AMSIZE_FIELD_GROWTH_PER_ACCOUNT: return S_GROWTH;
    case AMSIZE_FIELD_MAX_LOAD: return S_MAX_LOAD;
    default: return -1;
    }
}

/* The allowed range of a field, for AMSIZE_E_RANGE messages. */
static const char *range_of(int32_t field)
{
    switch (field) {
    case AMSIZE_FIELD_SUPPORT_RATING: return "value is outside its allowed range: 1 to 5";
    case AMSIZE_FIELD_CHURN_ATTRIBUTION: return "value is outside its allowed range: 0 to 1";
    case AMSIZE_FIELD_GROSS_MARGIN:
        return "value is outside its allowed range: above 0 and at most 1";
    default: return NULL;
    }
}

void input_report_chart_error(const input *in, const amsize_error *err,
                              const amsize_model *model)
{
    const char *what = err->status == AMSIZE_E_RANGE && range_of(err->field)
                           ? range_of(err->field)
                           : amsize_strerror(err->status);
    const char *field = amsize_field_name(err->field);
    const char *label = input_label(in->seg_path);
    int col = seg_column(err->field);
    (void)model;

    if (err->field >= AMSIZE_FIELD_SELLING_TIME_1 && err->field <= AMSIZE_FIELD_RATING_MEDIUM) {
        msg_error("model parameter %s: %s: fix --selling-time or --rating-thresholds", field,
                  what);
        return;
    }
    if (err->index < 0 || (size_t)err->index >= in->nsegs) {
        msg_error("the TOTAL row: %s: %s (too many or too large segments)", field, what);
        return;
    }
    size_t i = (size_t)err->index;
    const amsize_segment *s = &in->segs[i];
    char value[64] = "", name[ECHO_SIZE];
    echo(name, in->names[i]);
    if (col == S_SUPPORT)
        snprintf(value, sizeof value, ", value %d", (int)s->support_rating);
    else if (col == S_ACCOUNTS)
        snprintf(value, sizeof value, ", value %lld", (long long)s->accounts);
    else if (col >= 0) {
        amsize_segment copy = *s;
        char num[40];
        format_double(num, sizeof num, *seg_double(&copy, col));
        snprintf(value, sizeof value, ", value %s", num);
    }
    if (col >= S_FIRST_AGGREGATE && in->acc_path)
        msg_error("%s:%lu: segment %s: '%s' summed from %s%s: %s", label, in->lines[i],
                  name, field, input_label(in->acc_path), value, what);
    else if (col >= 0 && in->seg_pos && in->seg_pos[col])
        msg_error("%s:%lu:%zu: segment %s, column '%s'%s: %s: fix this cell", label,
                  in->lines[i], in->seg_pos[col], name, field, value, what);
    else if (col >= 0)
        msg_error("%s:%lu: segment %s, column '%s'%s: %s: fix this cell", label,
                  in->lines[i], name, field, value, what);
    else
        msg_error("%s:%lu: segment %s: the computed %s: %s: check the segment's inputs",
                  label, in->lines[i], name, field, what);
}
