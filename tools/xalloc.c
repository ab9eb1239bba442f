/* Allocation that exits on failure (see xalloc.h). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

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

/* 2 MiB: a huge page on x86-64 and most arm64 kernels. */
#define HUGE_PAGE ((size_t)2 << 20)

void *xcalloc_random(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        msg_error("out of memory");
        exit(EXIT_SOFTWARE);
    }
    size_t bytes = n * size;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (bytes >= HUGE_PAGE) {
        void *p = NULL;
        bytes = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        if (posix_memalign(&p, HUGE_PAGE, bytes) != 0)
            check(NULL);
        madvise(p, bytes, MADV_HUGEPAGE); /* a hint: without it, small pages */
        return memset(p, 0, bytes);
    }
#endif
    return xcalloc(n, size);
}
