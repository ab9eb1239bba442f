/* Text helpers of the amsize command: case-blind names, UTF-8, values
 * quoted for messages, trimming, text made safe for a file or a terminal
 * (see text.h). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

int ascii_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z')
            cb += 'a' - 'A';
        if (ca != cb || ca == 0)
            return ca - cb;
    }
}

size_t utf8_len(const unsigned char *s)
{
    size_t n;
    uint32_t cp;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xe0) == 0xc0)
        n = 2, cp = s[0] & 0x1f;
    else if ((s[0] & 0xf0) == 0xe0)
        n = 3, cp = s[0] & 0x0f;
    else if ((s[0] & 0xf8) == 0xf0)
        n = 4, cp = s[0] & 0x07;
    else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

const char *echo(char *buf, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t j = 0, chars = 0;
    buf[j++] = '\'';
    for (; *s; chars++) {
        size_t n = utf8_len(s);
        /* Worst case per character: 4 bytes, which ECHO_SIZE allows for. */
        if (chars < ECHO_CHARS) {
            if (n == 1 && *s >= 0x20 && *s != 0x7f) {
                buf[j++] = (char)*s;
            } else if (n > 1) {
                memcpy(buf + j, s, n);
                j += n;
            } else if (*s == '\n' || *s == '\r' || *s == '\t') {
                buf[j++] = '\\';
                buf[j++] = *s == '\n' ? 'n' : *s == '\r' ? 'r' : 't';
            } else {
                j += (size_t)snprintf(buf + j, ECHO_SIZE - j, "\\x%02X", *s);
            }
        }
        s += n ? n : 1;
    }
    if (chars > ECHO_CHARS)
        snprintf(buf + j, ECHO_SIZE - j, "...' (%zu characters)", chars);
    else
        snprintf(buf + j, ECHO_SIZE - j, "'");
    return buf;
}

char *trim(char *s)
{
    return trim_len(s, strlen(s));
}

char *text_clean(const char *str, int xml)
{
    static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
    const unsigned char *s = (const unsigned char *)str;
    /* Each byte becomes at most the 3 bytes of U+FFFD. */
    char *out = xmalloc(3 * strlen(str) + 1), *o = out;
    while (*s) {
        size_t n = utf8_len(s);
        /* Not UTF-8; or, for XML, what XML 1.0 cannot hold even escaped. */
        int bad = n == 0 ||
                  (xml && ((*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r') ||
                           (n == 3 && s[0] == 0xef && s[1] == 0xbf && s[2] >= 0xbe)));
        if (bad) {
            memcpy(o, replacement, 3);
            o += 3;
            s += n ? n : 1;
        } else {
            memcpy(o, s, n);
            o += n;
            s += n;
        }
    }
    *o = '\0';
    return out;
}

/* A string for a terminal: control characters and invalid UTF-8 as '?'. */
void text_printable(char *buf, size_t size, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t j = 0;
    while (*s && j + 1 < size) {
        size_t n = utf8_len(s);
        if (n == 0 || *s < 0x20 || *s == 0x7f) {
            buf[j++] = '?';
            s++;
        } else if (j + n < size) {
            memcpy(buf + j, s, n);
            j += n;
            s += n;
        } else {
            break;
        }
    }
    buf[j] = '\0';
}

void list_add(namelist *l, const char *name)
{
    char shown[ECHO_SIZE];
    if (l->shown == LIST_SHOWN) {
        l->more++;
        return;
    }
    size_t n = strlen(echo(shown, name));
    l->text = xrealloc(l->text, l->len + n + 3);
    l->len += (size_t)sprintf(l->text + l->len, "%s%s", l->shown ? ", " : "", shown);
    l->shown++;
}

/* The list as text ("" when empty); call once, before list_free(). */
const char *list_text(namelist *l)
{
    if (!l->shown)
        return "";
    if (l->more) {
        l->text = xrealloc(l->text, l->len + 48);
        sprintf(l->text + l->len, ", and %zu more", l->more);
    }
    return l->text;
}

void list_free(namelist *l)
{
    free(l->text);
    memset(l, 0, sizeof *l);
}
