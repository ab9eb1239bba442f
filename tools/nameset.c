/* A set of names with the line that first gave each (see nameset.h). */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "nameset.h"
#include "xalloc.h"

/* The slot of name: the one that holds it, else the empty one where it
 * would go. */
static nameset_slot *slot_of(const nameset *s, const char *name)
{
    size_t len;
    uint64_t h = nameset_hash(name, &len);
    size_t mask = s->slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        nameset_slot *p = &s->slot[i];
        if (p->index == NAMESET_EMPTY ||
            (p->hash == h && strcmp(s->names[p->index], name) == 0))
            return p;
    }
}

/* Fills an empty slot p with name j. */
static void fill(nameset *s, nameset_slot *p, size_t j, int32_t tag)
{
    const char *name = s->names[j];
    size_t len;
    memset(p, 0, sizeof *p);
    p->hash = nameset_hash(name, &len);
    p->index = (uint32_t)j;
    p->tag = tag;
    p->len = len < UINT16_MAX ? (uint16_t)len : UINT16_MAX;
    memcpy(p->head, name, len < NAMESET_HEAD ? len : NAMESET_HEAD);
}

/* Twice the room, every name placed again (with its tag). */
static void rehash(nameset *s)
{
    nameset_slot *old = s->slot;
    size_t olds = s->slots;
    s->slots = s->slots ? 2 * s->slots : 64;
    s->slot = xcalloc_random(s->slots, sizeof *s->slot);
    for (size_t i = 0; i < s->slots; i++)
        s->slot[i].index = NAMESET_EMPTY;
    for (size_t i = 0; i < olds; i++)
        if (old[i].index != NAMESET_EMPTY)
            fill(s, slot_of(s, s->names[old[i].index]), old[i].index, old[i].tag);
    free(old);
}

unsigned long nameset_add(nameset *s, const char *name, unsigned long line)
{
    if (2 * (s->n + 1) > s->slots) {
        if (s->n >= NAMESET_EMPTY - 1) {
            msg_error("more than %lu names in one set", (unsigned long)(NAMESET_EMPTY - 1));
            exit(EXIT_SOFTWARE);
        }
        rehash(s);
        s->names = xrealloc(s->names, s->slots / 2 * sizeof *s->names);
        s->lines = xrealloc(s->lines, s->slots / 2 * sizeof *s->lines);
    }
    nameset_slot *p = slot_of(s, name);
    if (p->index != NAMESET_EMPTY)
        return s->lines[p->index];
    s->names[s->n] = xstrdup(name);
    s->lines[s->n] = line;
    fill(s, p, s->n++, 0);
    return 0;
}

void nameset_permute(nameset *s, const size_t *to)
{
    size_t room = s->slots / 2 ? s->slots / 2 : 1; /* as nameset_add() keeps */
    char **names = xmalloc(room * sizeof *names);
    unsigned long *lines = xmalloc(room * sizeof *lines);
    for (size_t i = 0; i < s->n; i++) {
        names[to[i]] = s->names[i];
        lines[to[i]] = s->lines[i];
    }
    for (size_t i = 0; i < s->slots; i++)
        if (s->slot[i].index != NAMESET_EMPTY)
            s->slot[i].index = (uint32_t)to[s->slot[i].index];
    free(s->names);
    free(s->lines);
    s->names = names;
    s->lines = lines;
}

void nameset_set_tag(nameset *s, size_t i, int32_t tag)
{
    slot_of(s, s->names[i])->tag = tag;
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
