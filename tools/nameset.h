/* A set of names, each with the line of the file that first gave it: a
 * file's unique-name checks (AMS.csv's am_id), and the lookup of a name's
 * index (ACCOUNTS.csv's am_id in the roster).
 *
 * The lookup runs once per account row of the evaluation, over a set of
 * up to some 10^5 names: a table of megabytes, where each probe is a cache
 * (and TLB) miss. So a slot holds all that a lookup usually needs, in 32
 * bytes (two to a cache line): the name's 64-bit hash, its length, its
 * first bytes, its index and a tag of the caller's (the roster's: the
 * AM's segment). A lookup reads the name itself only when it is longer
 * than the slot's head and the hash, length and head all match; a caller
 * can hash a name and prefetch its slot well before the lookup
 * (nameset_hash(), nameset_prefetch()). */
#ifndef AMSIZE_TOOLS_NAMESET_H
#define AMSIZE_TOOLS_NAMESET_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define NAMESET_HEAD 14
#define NAMESET_EMPTY UINT32_MAX /* index of an empty slot */
#define NAMESET_NONE ((size_t)-1)

typedef struct nameset_slot {
    uint64_t hash;
    uint32_t index;             /* into names; NAMESET_EMPTY: none */
    int32_t tag;                /* the caller's (nameset_set_tag()); 0 */
    uint16_t len;               /* the name's length, at most UINT16_MAX */
    char head[NAMESET_HEAD];    /* its first bytes, zero-padded */
} nameset_slot;

/* Start from nameset s = {0}. */
typedef struct nameset {
    char **names;
    unsigned long *lines;
    size_t n;
    nameset_slot *slot; /* open addressing, linear probing */
    size_t slots;       /* a power of two, at least twice n */
} nameset;

/* Adds name (copied), given on line (at least 1): 0 when it is new, else
 * the line that first gave it, and the set is unchanged. */
unsigned long nameset_add(nameset *s, const char *name, unsigned long line);
/* Renumbers the names: name i becomes name to[i] (to is a permutation
 * of 0 to n-1), with its line. */
void nameset_permute(nameset *s, const size_t *to);
/* Sets the tag of name i (of the n added). */
void nameset_set_tag(nameset *s, size_t i, int32_t tag);
void nameset_free(nameset *s);

/* The hash of name, whose length goes to *len: 8 bytes at a time and a
 * final mix (murmur3's), so that the table's low bits are well spread. */
static inline uint64_t nameset_hash(const char *name, size_t *len)
{
    const uint64_t k = UINT64_C(0x9E3779B97F4A7C15);
    size_t n = strlen(name), i = 0;
    uint64_t h = (uint64_t)n * k, w;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, name + i, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    if (i < n) {
        w = 0;
        memcpy(&w, name + i, n - i);
        h = (h ^ w) * k;
    }
    h ^= h >> 33;
    h *= UINT64_C(0xFF51AFD7ED558CCD);
    h ^= h >> 33;
    h *= UINT64_C(0xC4CEB9FE1A85EC53);
    h ^= h >> 33;
    *len = n;
    return h;
}

/* Starts reading the slot where a lookup of hash h begins. */
static inline void nameset_prefetch(const nameset *s, uint64_t h)
{
#if defined(__GNUC__)
    if (s->slots)
        __builtin_prefetch(&s->slot[h & (s->slots - 1)]);
#else
    (void)s;
    (void)h;
#endif
}

/* The index of name, of length len and hash h (nameset_hash()), and its
 * tag in *tag; NAMESET_NONE when it is not in the set. */
static inline size_t nameset_find_hashed(const nameset *s, const char *name, size_t len,
                                         uint64_t h, int32_t *tag)
{
    if (!s->n)
        return NAMESET_NONE;
    size_t mask = s->slots - 1;
    uint16_t l16 = len < UINT16_MAX ? (uint16_t)len : UINT16_MAX;
    size_t head = len < NAMESET_HEAD ? len : NAMESET_HEAD;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const nameset_slot *p = &s->slot[i];
        if (p->index == NAMESET_EMPTY)
            return NAMESET_NONE;
        if (p->hash == h && p->len == l16 && memcmp(p->head, name, head) == 0 &&
            (len <= NAMESET_HEAD ||
             strcmp(s->names[p->index] + NAMESET_HEAD, name + NAMESET_HEAD) == 0)) {
            *tag = p->tag;
            return p->index;
        }
    }
}

/* The index of name (0 for the first added), or NAMESET_NONE when it is
 * not in the set. */
static inline size_t nameset_find(const nameset *s, const char *name)
{
    size_t len;
    int32_t tag;
    uint64_t h = nameset_hash(name, &len);
    return nameset_find_hashed(s, name, len, h, &tag);
}

#endif
