#!/bin/sh
# Bug in the amsize command, shown by docs/bad-input.md; run by make check
# as an expected failure (XFAIL_TESTS in tests/reliability/local.mk).
#
# tools/csvin.c (the field callback) copies a cell's bytes, NULs included,
# and hands it on as a NUL-terminated string without its length
# (csvin_record has none), so tools/input.c's parse_number() sees only what
# comes before an embedded NUL byte: a segments.csv cell "1<NUL>2" in
# am_productivity is read as 1, silently, and the chart is computed.
#
# Expected: exit 65 with a message naming the cell (as for any other
# malformed number). Actual: exit 0.
#
# When fixed this passes, make check reports XPASS and fails: then move it
# from XFAIL_TESTS to plain TESTS.
set -eu
amsize="${top_builddir:-.}/tools/amsize"
if [ ! -x "$amsize" ]; then
    echo "SKIP: no tools/amsize"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'segment,am_productivity,am_cost,max_load\nEnterprise,1\0002,200000,20\n' \
    >"$tmp/segments.csv"
rc=0
"$amsize" chart --segments "$tmp/segments.csv" --format csv >"$tmp/out.csv" 2>"$tmp/err" || rc=$?
if [ "$rc" -eq 65 ]; then
    echo "PASS: a cell with an embedded NUL byte is refused: $(head -n 1 "$tmp/err")"
    exit 0
fi
echo "FAIL (known bug): a cell '1<NUL>2' was accepted (exit $rc); the chart used:"
head -n 2 "$tmp/out.csv"
exit 1
