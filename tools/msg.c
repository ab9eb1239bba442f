/* Messages and exit statuses of the amsize command (see msg.h). */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <amsize.h>

#include "msg.h"

static void vmsg(const char *kind, const char *fmt, va_list ap)
{
    fprintf(stderr, "amsize: %s", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void msg_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg("", fmt, ap);
    va_end(ap);
}

void msg_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg("warning: ", fmt, ap);
    va_end(ap);
}

const char *msg_label(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

void must_ok(int status, const char *call)
{
    if (status != AMSIZE_OK) {
        msg_error("internal error: %s: %s", call, amsize_strerror(status));
        exit(EXIT_SOFTWARE);
    }
}
