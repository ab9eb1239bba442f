/* The output file (see outfile.h): a temporary file renamed over the
 * target, special files written in place, symbolic links followed. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "outfile.h"
#include "xalloc.h"

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
