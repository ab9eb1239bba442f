/* Allocation that exits on failure (see xalloc.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "xalloc.h"

static void *check(void *p)
{
    if (!p) {
        msg_error("out of memory");
        exit(EXIT_SOFTWARE);
    }
    return p;
}

void *xmalloc(size_t n)
{
    return check(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
    return check(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
    return check(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}
