#!/bin/sh
# Stands in for the Check suites when configure did not find Check, so that
# `make check` fails instead of passing without its unit tests.
echo "FAIL: the Check unit tests (tests/check_*.c: netratio, support, load, chart," >&2
echo "totals, validation, scalar, schema) were not built: configure found no Check" >&2
echo "(pkg-config check >= 0.11). Install it (Debian: apt-get install check" >&2
echo "pkg-config) and run configure again." >&2
exit 1
