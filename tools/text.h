/* Text helpers of the amsize command. */
#ifndef AMSIZE_TOOLS_TEXT_H
#define AMSIZE_TOOLS_TEXT_H

#include <stddef.h>

/* Case-insensitive ASCII comparison. */
int ascii_casecmp(const char *a, const char *b);

/* Length of the valid UTF-8 sequence at s (1 to 4), or 0 when s starts
 * with a byte that does not begin one (a Latin-1 byte, an overlong form, a
 * surrogate). */
size_t utf8_len(const unsigned char *s);

/* A value from an input file for a message: in single quotes, control
 * characters and bytes that are not UTF-8 escaped (\n, \r, \t, \xHH) so that
 * the message stays on one line, and cut after ECHO_CHARS characters with
 * "..." and the full length, so that a huge cell does not flood the
 * terminal: 'abc', '1\n2' or '11111...' (5000 characters). Returns buf,
 * which needs ECHO_SIZE bytes. */
#define ECHO_CHARS 40
#define ECHO_SIZE (4 * ECHO_CHARS + 48)
const char *echo(char *buf, const char *s);

/* Trims spaces and tabs at both ends, in place; returns the start. */
char *trim(char *s);
/* The same for s of length n (strlen(s) == n), without walking it;
 * inline, as it runs on every cell of the accounts file. */
static inline char *trim_len(char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* str as valid UTF-8, a new string (free it): each byte that does not
 * start a valid sequence (Latin-1 text, a stray 0xFF) becomes U+FFFD, and
 * with xml also each character XML 1.0 cannot hold (control characters
 * other than tab, LF and CR; U+FFFE, U+FFFF). Every string the JSON and
 * xlsx writers put out goes through it, so neither writes a malformed
 * file. */
char *text_clean(const char *str, int xml);

/* str for a terminal, into buf: control characters and invalid UTF-8 as
 * '?', cut at a character boundary to fit size. */
void text_printable(char *buf, size_t size, const char *str);

/* Names for a message: 'a', 'b', 'c', each shown as echo() does. A header
 * can have thousands of columns, so after LIST_SHOWN names the rest are
 * counted ("and 40 more") rather than cut off mid-name. Start from
 * namelist l = {0}. */
#define LIST_SHOWN 20

typedef struct namelist {
    char *text;
    size_t len, shown, more;
} namelist;

void list_add(namelist *l, const char *name);
/* The list as text ("" when empty); call once, before list_free(). */
const char *list_text(namelist *l);
void list_free(namelist *l);

#endif
