/* Numbers in the amsize command: reading plain decimal cells, writing
 * doubles in full precision and for people. */
#ifndef AMSIZE_TOOLS_NUMBER_H
#define AMSIZE_TOOLS_NUMBER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* 1 when s is a plain decimal number: optional sign, digits with an
 * optional point, optional exponent. No hex, inf, nan, spaces or units. */
int is_decimal(const char *s);

/* The exact fast path of strtod() for the common cell (Clinger): 1 and *out
 * when s is a whole plain decimal of at most 15 digits with a decimal
 * exponent within +-22, else 0 (then use is_decimal() and strtod()).
 * tests/cli/check_parse.c compares it with strtod(). */
int decimal_fast(const char *s, double *out);

/* Writes d with the fewest significant digits (15 to 17) that read back as
 * exactly d: full precision without 0.40000000000000002 for 0.4. */
void fprint_double(FILE *fp, double d);
/* The same into buf (at least 32 bytes). Where the compiler has 128-bit
 * integers, a number from 1e-5 to 1e17 takes an exact integer path, as
 * the plan writes millions of them; format_double_slow() is the
 * definition, with printf and strtod, and tests/cli/check_parse.c
 * compares the two. */
void format_double(char *buf, size_t len, double d);
void format_double_slow(char *buf, size_t len, double d);
/* n in decimal, as printf's PRId64 writes it. */
void fprint_int64(FILE *fp, int64_t n);

/* Numbers for people (the table and markdown formats): |v| with thousands
 * separators and the given decimals, sign in front ("-1,234.50"); money in
 * dollars, thousands, millions, billions or trillions ("$12.5M"). */
void format_grouped(char *buf, size_t size, double v, int decimals);
void format_money(char *buf, size_t size, double v);

#endif
