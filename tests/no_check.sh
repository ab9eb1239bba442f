#!/bin/sh
# Stands in for the Check suites when configure did not find Check, so that
# `make check` fails instead of passing without its unit tests.
echo "FAIL: the Check unit tests (tests/check_methods, tests/check_totals) were not" >&2
echo "built: configure found no Check (pkg-config check >= 0.11). Install it" >&2
echo "(Debian: apt-get install check pkg-config) and run configure again." >&2
exit 1
