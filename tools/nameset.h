/* A set of names, each with the line of the file that first gave it: a
 * file's unique-name checks (AMS.csv's am_id). */
#ifndef AMSIZE_TOOLS_NAMESET_H
#define AMSIZE_TOOLS_NAMESET_H

#include <stddef.h>

/* Start from nameset s = {0}. */
typedef struct nameset {
    char **names;
    unsigned long *lines;
    size_t n;
    size_t *slot; /* open addressing: index into names, or (size_t)-1 */
    size_t slots; /* a power of two, at least twice n */
} nameset;

/* Adds name (copied), given on line (at least 1): 0 when it is new, else
 * the line that first gave it, and the set is unchanged. */
unsigned long nameset_add(nameset *s, const char *name, unsigned long line);
void nameset_free(nameset *s);

#endif
