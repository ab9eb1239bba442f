/* A set of names with the line that first gave each (see nameset.h). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nameset.h"
#include "xalloc.h"

#define EMPTY ((size_t)-1)

/* FNV-1a. */
static size_t hash(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    return (size_t)h;
}

static size_t *find(const nameset *s, const char *name)
{
    size_t mask = s->slots - 1;
    for (size_t i = hash(name) & mask;; i = (i + 1) & mask)
        if (s->slot[i] == EMPTY || strcmp(s->names[s->slot[i]], name) == 0)
            return &s->slot[i];
}

/* Twice the room, every name placed again. */
static void rehash(nameset *s)
{
    free(s->slot);
    s->slots = s->slots ? 2 * s->slots : 64;
    s->slot = xmalloc(s->slots * sizeof *s->slot);
    for (size_t i = 0; i < s->slots; i++)
        s->slot[i] = EMPTY;
    for (size_t j = 0; j < s->n; j++)
        *find(s, s->names[j]) = j;
}

unsigned long nameset_add(nameset *s, const char *name, unsigned long line)
{
    if (2 * (s->n + 1) > s->slots) {
        rehash(s);
        s->names = xrealloc(s->names, s->slots / 2 * sizeof *s->names);
        s->lines = xrealloc(s->lines, s->slots / 2 * sizeof *s->lines);
    }
    size_t *slot = find(s, name);
    if (*slot != EMPTY)
        return s->lines[*slot];
    s->names[s->n] = xstrdup(name);
    s->lines[s->n] = line;
    *slot = s->n++;
    return 0;
}

size_t nameset_find(const nameset *s, const char *name)
{
    return s->n ? *find(s, name) : EMPTY;
}

void nameset_free(nameset *s)
{
    for (size_t j = 0; j < s->n; j++)
        free(s->names[j]);
    free(s->names);
    free(s->lines);
    free(s->slot);
    memset(s, 0, sizeof *s);
}
