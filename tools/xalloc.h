/* Allocation for the amsize command: on failure it says "out of memory"
 * and exits with EXIT_SOFTWARE, so callers need no checks. */
#ifndef AMSIZE_TOOLS_XALLOC_H
#define AMSIZE_TOOLS_XALLOC_H

#include <stddef.h>

/* malloc/calloc/realloc; a size of 0 still gives a pointer to free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* calloc for a table of megabytes read at random places (a hash table, a
 * sum per AM): on Linux, aligned to and advised into 2 MiB pages when it
 * is that large, so that its reads miss the TLB far less. Freed by
 * free(). */
void *xcalloc_random(size_t n, size_t size);

#endif
