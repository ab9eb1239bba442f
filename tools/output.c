/* Report writers (csv, json, markdown, table) and the output file. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "output.h"
#include "msg.h"
#include "number.h"
#include "text.h"
#include "xalloc.h"

void report_cell(const report *r, size_t row, size_t col, cell *c)
{
    memset(c, 0, sizeof *c);
    r->get(r, row, col, c);
    if (c->kind == CELL_NUM && isnan(c->d))
        c->kind = CELL_EMPTY;
}

/* ------------------------------------------------------------------- csv */

static void csv_string(FILE *fp, const char *s)
{
    size_t n = strlen(s);
    if (strpbrk(s, ",\"\r\n") || (n && (s[0] == ' ' || s[n - 1] == ' ')))
        csv_fwrite(fp, s, n);
    else
        fputs(s, fp);
}

static void flags_join(FILE *fp, uint32_t flags, const char *sep, const char *quote)
{
    int first = 1;
    for (uint32_t bit = 1; bit <= AMSIZE_FLAG_ALL; bit <<= 1) {
        const char *name = (flags & bit) ? amsize_flag_name(bit) : NULL;
        if (name) {
            fprintf(fp, "%s%s%s%s", first ? "" : sep, quote, name, quote);
            first = 0;
        }
    }
}

void write_csv(FILE *fp, const report *r)
{
    cell c;
    for (size_t k = 0; k < r->ncols; k++)
        fprintf(fp, "%s%s", k ? "," : "", r->cols[k].name);
    fputs("\n", fp);
    for (size_t i = 0; i < r->nrows; i++) {
        for (size_t k = 0; k < r->ncols; k++) {
            if (k)
                fputc(',', fp);
            report_cell(r, i, k, &c);
            switch (c.kind) {
            case CELL_EMPTY: break;
            case CELL_STR: csv_string(fp, c.s); break;
            case CELL_INT: fprintf(fp, "%" PRId64, c.i); break;
            case CELL_NUM: fprint_double(fp, c.d); break;
            case CELL_FLAGS: flags_join(fp, c.flags, "|", ""); break;
            case CELL_BOOL: fputs(c.i ? "1" : "0", fp); break;
            }
        }
        fputs("\n", fp);
    }
}

/* ------------------------------------------------------------------ json */

char *text_clean(const char *str, int xml)
{
    static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
    const unsigned char *s = (const unsigned char *)str;
    /* Each byte becomes at most the 3 bytes of U+FFFD. */
    char *out = xmalloc(3 * strlen(str) + 1), *o = out;
    while (*s) {
        size_t n = utf8_len(s);
        /* Not UTF-8; or, for XML, what XML 1.0 cannot hold even escaped. */
        int bad = n == 0 ||
                  (xml && ((*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r') ||
                           (n == 3 && s[0] == 0xef && s[1] == 0xbf && s[2] >= 0xbe)));
        if (bad) {
            memcpy(o, replacement, 3);
            o += 3;
            s += n ? n : 1;
        } else {
            memcpy(o, s, n);
            o += n;
            s += n;
        }
    }
    *o = '\0';
    return out;
}

/* A JSON string: text_clean()ed, then quotes, backslashes and control
 * characters escaped. */
static void json_string(FILE *fp, const char *str)
{
    char *clean = text_clean(str, 0);
    const unsigned char *s = (const unsigned char *)clean;
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(fp, "\\%c", *s);
        else if (*s == '\n')
            fputs("\\n", fp);
        else if (*s == '\r')
            fputs("\\r", fp);
        else if (*s == '\t')
            fputs("\\t", fp);
        else if (*s < 0x20 || *s == 0x7f)
            fprintf(fp, "\\u%04x", *s);
        else
            fputc(*s, fp);
    }
    fputc('"', fp);
    free(clean);
}

static void json_number(FILE *fp, double d)
{
    if (isfinite(d))
        fprint_double(fp, d);
    else
        fputs("null", fp);
}

static void json_row(FILE *fp, const report *r, size_t row, const char *indent)
{
    cell c;
    fputs("{", fp);
    for (size_t k = 0; k < r->ncols; k++) {
        fprintf(fp, "%s\n%s  ", k ? "," : "", indent);
        json_string(fp, r->cols[k].name);
        fputs(": ", fp);
        report_cell(r, row, k, &c);
        switch (c.kind) {
        case CELL_EMPTY: fputs("null", fp); break;
        case CELL_STR: json_string(fp, c.s); break;
        case CELL_INT: fprintf(fp, "%" PRId64, c.i); break;
        case CELL_NUM: json_number(fp, c.d); break;
        case CELL_FLAGS:
            fputc('[', fp);
            flags_join(fp, c.flags, ", ", "\"");
            fputc(']', fp);
            break;
        case CELL_BOOL: fputs(c.i ? "true" : "false", fp); break;
        }
    }
    fprintf(fp, "\n%s}", indent);
}

void write_json(FILE *fp, const report *r)
{
    const amsize_model *m = r->model;
    size_t nseg = r->has_total ? r->nrows - 1 : r->nrows;
    fputs("{\n  \"model\": {\"selling_time\": [", fp);
    for (int i = 0; i < 5; i++) {
        fputs(i ? ", " : "", fp);
        json_number(fp, m->selling_time[i]);
    }
    fputs("], \"rating_high\": ", fp);
    json_number(fp, m->rating_high);
    fputs(", \"rating_medium\": ", fp);
    json_number(fp, m->rating_medium);
    fputs("},\n  \"segments\": [", fp);
    for (size_t i = 0; i < nseg; i++) {
        fputs(i ? ", " : "", fp);
        json_row(fp, r, i, "    ");
    }
    fputs("]", fp);
    if (r->has_total) {
        fputs(",\n  \"total\": ", fp);
        json_row(fp, r, r->nrows - 1, "  ");
    }
    fputs("\n}\n", fp);
}

/* ---------------------------------------------------------- for people */

/* Digits of an integer-valued magnitude with thousands separators. */
static void group(char *buf, size_t size, const char *digits)
{
    size_t n = strlen(digits), j = 0;
    for (size_t i = 0; i < n && j + 2 < size; i++) {
        if (i && (n - i) % 3 == 0)
            buf[j++] = ',';
        buf[j++] = digits[i];
    }
    buf[j] = '\0';
}

/* |v| with thousands separators and the given decimals, sign in front. */
static void fmt_grouped(char *buf, size_t size, double v, int decimals)
{
    char raw[400], whole[400], grouped[520];
    snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
    char *dot = strchr(raw, '.');
    snprintf(whole, sizeof whole, "%.*s", dot ? (int)(dot - raw) : (int)strlen(raw), raw);
    group(grouped, sizeof grouped, whole);
    snprintf(buf, size, "%s%s%s", v < 0 && strspn(raw, "0.") != strlen(raw) ? "-" : "",
             grouped, dot ? dot : "");
}

static void fmt_money(char *buf, size_t size, double v)
{
    double a = fabs(v);
    const char *sign = v < 0 ? "-" : "";
    if (a >= 999.95e9)
        snprintf(buf, size, "%s$%.1fT", sign, a / 1e12);
    else if (a >= 999.95e6)
        snprintf(buf, size, "%s$%.1fB", sign, a / 1e9);
    else if (a >= 999.5e3)
        snprintf(buf, size, "%s$%.1fM", sign, a / 1e6);
    else if (a >= 9999.5)
        snprintf(buf, size, "%s$%.0fK", sign, a / 1e3);
    else if (a >= 999.5)
        snprintf(buf, size, "%s$%.1fK", sign, a / 1e3);
    else
        snprintf(buf, size, "%s$%.0f", sign, a);
}

/* A string for a terminal: control characters and invalid UTF-8 as '?'. */
static void printable(char *buf, size_t size, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t j = 0;
    while (*s && j + 1 < size) {
        size_t n = utf8_len(s);
        if (n == 0 || *s < 0x20 || *s == 0x7f) {
            buf[j++] = '?';
            s++;
        } else if (j + n < size) {
            memcpy(buf + j, s, n);
            j += n;
            s += n;
        } else {
            break;
        }
    }
    buf[j] = '\0';
}

void cell_human(char *buf, size_t size, const cell *c, unit u)
{
    double d = c->kind == CELL_INT ? (double)c->i : c->d;
    switch (c->kind) {
    case CELL_EMPTY: snprintf(buf, size, "-"); return;
    case CELL_STR: printable(buf, size, c->s); return;
    case CELL_BOOL: snprintf(buf, size, "%s", c->i ? "yes" : "no"); return;
    case CELL_FLAGS: {
        size_t n = 0;
        buf[0] = '\0';
        for (uint32_t bit = 1; bit <= AMSIZE_FLAG_ALL; bit <<= 1)
            if ((c->flags & bit) && n < size)
                n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? " " : "",
                                      amsize_flag_name(bit));
        return;
    }
    case CELL_INT:
    case CELL_NUM: break;
    }
    switch (u) {
    case UNIT_MONEY: fmt_money(buf, size, d); break;
    case UNIT_PCT: snprintf(buf, size, "%.1f%%", d * 100); break;
    case UNIT_RATIO: fmt_grouped(buf, size, d, 2); break;
    default: fmt_grouped(buf, size, d, c->kind == CELL_INT || d == floor(d) ? 0 : 1); break;
    }
}

#define HUMAN_MAX 128

/* The table's cells as text: cells[row * ncols + col], row 0 the titles. */
static char *human_cells(const report *r, size_t *ncols, size_t **idx)
{
    size_t n = 0;
    *idx = xmalloc(r->ncols * sizeof **idx);
    for (size_t k = 0; k < r->ncols; k++)
        if (r->cols[k].in_table)
            (*idx)[n++] = k;
    char *text = xcalloc((r->nrows + 1) * n, HUMAN_MAX);
    for (size_t j = 0; j < n; j++)
        snprintf(text + j * HUMAN_MAX, HUMAN_MAX, "%s", r->cols[(*idx)[j]].title);
    for (size_t i = 0; i < r->nrows; i++)
        for (size_t j = 0; j < n; j++) {
            cell c;
            report_cell(r, i, (*idx)[j], &c);
            cell_human(text + ((i + 1) * n + j) * HUMAN_MAX, HUMAN_MAX, &c,
                       r->cols[(*idx)[j]].unit);
        }
    *ncols = n;
    return text;
}

/* Display width: UTF-8 continuation bytes take no column. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xc0) != 0x80;
    return w;
}

static void pad(FILE *fp, const char *s, size_t w, int right)
{
    size_t n = width(s);
    if (right)
        fprintf(fp, "%*s%s", (int)(w > n ? w - n : 0), "", s);
    else
        fprintf(fp, "%s%*s", s, (int)(w > n ? w - n : 0), "");
}

static void write_grid(FILE *fp, const report *r, int markdown)
{
    size_t n, *idx;
    char *text = human_cells(r, &n, &idx);
    size_t *w = xcalloc(n, sizeof *w);
    for (size_t i = 0; i <= r->nrows; i++)
        for (size_t j = 0; j < n; j++) {
            size_t cw = width(text + (i * n + j) * HUMAN_MAX);
            if (cw > w[j])
                w[j] = cw;
        }
    for (size_t i = 0; i <= r->nrows; i++) {
        if (markdown && i == 1) {
            for (size_t j = 0; j < n; j++) {
                int right = r->cols[idx[j]].unit != UNIT_TEXT;
                fputs("| ", fp);
                for (size_t k = 0; k + 1 < (w[j] < 3 ? 3 : w[j]); k++)
                    fputc('-', fp);
                fputs(right ? ":" : "-", fp);
                fputc(' ', fp);
            }
            fputs("|\n", fp);
        } else if (!markdown && (i == 1 || (r->has_total && i == r->nrows))) {
            for (size_t j = 0; j < n; j++) {
                for (size_t k = 0; k < w[j]; k++)
                    fputc('-', fp);
                fputs(j + 1 < n ? "  " : "\n", fp);
            }
        }
        for (size_t j = 0; j < n; j++) {
            const char *s = text + (i * n + j) * HUMAN_MAX;
            int right = r->cols[idx[j]].unit != UNIT_TEXT;
            if (markdown) {
                fputs("| ", fp);
                /* A pipe would end the cell early. */
                char esc[2 * HUMAN_MAX];
                size_t e = 0;
                for (const char *p = s; *p && e + 2 < sizeof esc; p++) {
                    if (*p == '|')
                        esc[e++] = '\\';
                    esc[e++] = *p;
                }
                esc[e] = '\0';
                pad(fp, esc, w[j] < 3 ? 3 : w[j], right);
                fputc(' ', fp);
            } else {
                if (j + 1 < n) {
                    pad(fp, s, w[j], right);
                    fputs("  ", fp);
                } else {
                    pad(fp, s, right ? w[j] : 0, right); /* no trailing blanks */
                }
            }
        }
        fputs(markdown ? "|\n" : "\n", fp);
    }
    free(w);
    free(idx);
    free(text);
}

void write_table(FILE *fp, const report *r)
{
    write_grid(fp, r, 0);
}

void write_markdown(FILE *fp, const report *r)
{
    write_grid(fp, r, 1);
}

/* ---------------------------------------------------------- output file */

/* Where path leads through symbolic links, as a new string: the file a
 * rename must replace for the links to survive. A dangling link leads to
 * the name it holds. NULL with errno set after too many links. */
static char *follow_links(const char *path)
{
    char *p = xstrdup(path);
    for (int hops = 0;; hops++) {
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
            return p;
        if (hops == 40) {
            free(p);
            errno = ELOOP;
            return NULL;
        }
        /* st_size is the link's length, but it may change under us. */
        size_t cap = (size_t)st.st_size + 2;
        char *link;
        ssize_t n;
        for (;;) {
            link = xmalloc(cap);
            n = readlink(p, link, cap);
            if (n < 0 || (size_t)n < cap)
                break;
            free(link);
            cap *= 2;
        }
        if (n < 0) {
            free(link);
            return p; /* no longer a link: let the caller's open say why */
        }
        link[n] = '\0';
        const char *slash = strrchr(p, '/');
        if (link[0] == '/' || !slash) {
            free(p);
            p = link;
        } else {
            /* A relative link is relative to the directory holding it. */
            size_t dir = (size_t)(slash - p) + 1;
            char *joined = xmalloc(dir + (size_t)n + 1);
            memcpy(joined, p, dir);
            memcpy(joined + dir, link, (size_t)n + 1);
            free(link);
            free(p);
            p = joined;
        }
    }
}

/* A temporary file named after base in dir (dirlen bytes of it, "" for the
 * current directory), mode as a new file would get. Returns its fd or -1. */
static int make_temp(outfile *o, const char *dir, size_t dirlen, const char *base)
{
    size_t size = dirlen + strlen(base) + 16;
    o->tmp = xmalloc(size);
    snprintf(o->tmp, size, "%.*s.%s.XXXXXX", (int)dirlen, dir, base);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        free(o->tmp);
        o->tmp = NULL;
        return -1;
    }
    /* mkstemp makes the file 0600; give it the mode a new file would get. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    return fd;
}

/* A FILE on fd for writing: 0, or EXIT_CANTCREAT with a message, fd
 * closed and o aborted. */
static int open_stream(outfile *o, int fd)
{
    if (!(o->fp = fdopen(fd, "w"))) {
        msg_error("cannot create %s: %s", o->path, strerror(errno));
        close(fd);
        o->direct_fd = -1;
        out_abort(o);
        return EXIT_CANTCREAT;
    }
    return 0;
}

/* A device, FIFO or standard output cannot be renamed over: write to the
 * open fd itself. A by-name writer gets a temporary file, copied to fd
 * when complete. */
static int open_direct(outfile *o, int fd, int owned, int by_name)
{
    o->direct_fd = fd;
    o->owns_fd = owned;
    if (!by_name)
        return owned ? open_stream(o, fd) : (o->fp = stdout, 0);
    const char *dir = getenv("TMPDIR");
    char *slashed;
    if (!dir || !*dir)
        dir = "/tmp";
    slashed = xmalloc(strlen(dir) + 2);
    sprintf(slashed, "%s/", dir);
    int tfd = make_temp(o, slashed, strlen(slashed), "amsize");
    free(slashed);
    if (tfd < 0) {
        msg_error("cannot create a temporary file for %s in %s: %s", o->path, dir,
                  strerror(errno));
        out_abort(o);
        return EXIT_CANTCREAT;
    }
    close(tfd);
    return 0;
}

int out_open(outfile *o, const char *path, int by_name)
{
    struct stat st, out_st;
    memset(o, 0, sizeof *o);
    o->direct_fd = -1;
    if (!path || strcmp(path, "-") == 0) {
        o->fp = stdout;
        return 0;
    }
    o->path = path;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            msg_error("cannot create %s: %s", path, strerror(EISDIR));
            return EXIT_CANTCREAT;
        }
        /* /dev/stdout and the like: replacing the file that standard
         * output is open on would lose what a '>>' already holds. */
        if (fstat(STDOUT_FILENO, &out_st) == 0 && st.st_dev == out_st.st_dev &&
            st.st_ino == out_st.st_ino)
            return open_direct(o, STDOUT_FILENO, 0, by_name);
        if (!S_ISREG(st.st_mode)) {
            int fd = open(path, O_WRONLY | O_NOCTTY);
            if (fd < 0) {
                msg_error("cannot open %s for writing: %s", path, strerror(errno));
                return EXIT_CANTCREAT;
            }
            return open_direct(o, fd, 1, by_name);
        }
    }
    /* A regular file, or none yet: a temporary file beside the file the
     * name leads to, renamed over it, so that symbolic links survive. */
    if (!(o->target = follow_links(path))) {
        msg_error("cannot create %s: %s", path, strerror(errno));
        return EXIT_CANTCREAT;
    }
    const char *slash = strrchr(o->target, '/');
    int fd = make_temp(o, o->target, slash ? (size_t)(slash - o->target) + 1 : 0,
                       slash ? slash + 1 : o->target);
    if (fd < 0) {
        msg_error("cannot create %s: %s", path, strerror(errno));
        out_abort(o);
        return EXIT_CANTCREAT;
    }
    if (by_name) {
        close(fd);
        return 0;
    }
    return open_stream(o, fd);
}

void out_abort(outfile *o)
{
    if (o->fp && o->fp != stdout)
        fclose(o->fp);
    else if (o->owns_fd && o->direct_fd >= 0)
        close(o->direct_fd);
    o->fp = NULL;
    o->direct_fd = -1;
    if (o->tmp) {
        remove(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
    }
    free(o->target);
    o->target = NULL;
}

/* Copies the temporary file to the direct output; 0 or errno. */
static int copy_to_direct(const outfile *o)
{
    static char buf[64 * 1024];
    int in = open(o->tmp, O_RDONLY), err = 0;
    if (in < 0)
        return errno;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            err = n < 0 ? errno : 0;
            break;
        }
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(o->direct_fd, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                err = errno;
                goto out;
            }
            done += w;
        }
    }
out:
    close(in);
    return err;
}

int out_commit(outfile *o)
{
    const char *name = o->path ? o->path : "standard output";
    if (o->fp == stdout && !o->tmp) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            msg_error("cannot write to %s: %s", name, strerror(errno));
            return EXIT_IOERR;
        }
        return 0;
    }
    if (o->fp) {
        errno = 0;
        int bad = fflush(o->fp) != 0 || ferror(o->fp);
        int err = errno;
        bad |= fclose(o->fp) != 0;
        o->fp = NULL;
        o->direct_fd = -1; /* fclose closed it */
        if (bad) {
            msg_error("cannot write %s: %s", name, strerror(err ? err : errno));
            out_abort(o);
            return EXIT_IOERR;
        }
    }
    if (o->direct_fd >= 0) {
        int err = copy_to_direct(o);
        if (o->owns_fd && close(o->direct_fd) != 0 && !err)
            err = errno;
        o->direct_fd = -1;
        if (err) {
            msg_error("cannot write %s: %s", name, strerror(err));
            out_abort(o);
            return EXIT_IOERR;
        }
        out_abort(o); /* removes the temporary file */
        return 0;
    }
    if (o->tmp && rename(o->tmp, o->target) != 0) {
        msg_error("cannot create %s: %s", o->path, strerror(errno));
        out_abort(o);
        return EXIT_CANTCREAT;
    }
    free(o->tmp);
    o->tmp = NULL;
    free(o->target);
    o->target = NULL;
    return 0;
}
