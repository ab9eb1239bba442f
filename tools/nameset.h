/* A set of names, each with the line of the file that first gave it: a
 * file's unique-name checks (AMS.csv's am_id), and the lookup of a name's
 * index (ACCOUNTS.csv's am_id in the roster). */
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
/* The index of name (0 for the first added), or (size_t)-1 when it is not
 * in the set: evaluate looks up every account's am_id. */
size_t nameset_find(const nameset *s, const char *name);
void nameset_free(nameset *s);

#endif
