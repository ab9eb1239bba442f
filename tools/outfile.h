/* Where the amsize command's output goes: standard output, or a file that
 * appears only once complete. */
#ifndef AMSIZE_TOOLS_OUTFILE_H
#define AMSIZE_TOOLS_OUTFILE_H

#include <stdio.h>

/* An output that is standard output, or a temporary file beside the
 * target renamed over it only by out_commit(). A target that cannot be
 * renamed over (a device, a FIFO, the file standard output is open on) is
 * written in place instead. */
typedef struct outfile {
    FILE *fp;          /* NULL for a by-name output (xlsx) */
    const char *path;  /* as given; NULL for standard output */
    char *target;      /* what the rename replaces: path, its links followed */
    char *tmp;         /* the temporary file, or NULL */
    int direct_fd;     /* the special file written in place, or -1 */
    int owns_fd;       /* direct_fd is ours to close (not standard output) */
} outfile;

/* by_name: leave writing to the caller through o->tmp (libxlsxwriter
 * opens files itself); for a special file, out_commit() copies it there.
 * Returns 0 or EXIT_CANTCREAT with a message. */
int out_open(outfile *o, const char *path, int by_name);
/* Flushes, closes and renames into place (or copies, for a special file):
 * 0 or EXIT_IOERR/EXIT_CANTCREAT with a message. On failure the temporary
 * file is removed. */
int out_commit(outfile *o);
/* Removes the temporary file and frees what out_open() took. */
void out_abort(outfile *o);

#endif
