#!/bin/sh
# Regression test: a cell with an embedded NUL byte (here "1<NUL>2" in
# am_productivity) was read as the text before the NUL, 1, and the chart
# computed. Fields travel as C strings, so the reader now refuses a NUL:
# exit 65 with the file, line and field.
set -eu
amsize="${top_builddir:-.}/tools/amsize"
if [ ! -x "$amsize" ]; then
    echo "SKIP: no tools/amsize"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' 'segment,am_productivity,am_cost,max_load,accounts,book,upsell,cross_sell,churn' \
    >"$tmp/segments.csv"
printf 'Enterprise,1\0002,200000,20,200,100000000,12000000,8000000,4000000\n' >>"$tmp/segments.csv"
rc=0
"$amsize" chart --segments "$tmp/segments.csv" --format csv >"$tmp/out.csv" 2>"$tmp/err" || rc=$?
if [ "$rc" -eq 65 ] && grep -q 'segments.csv:2:2: .*NUL byte' "$tmp/err" && [ ! -s "$tmp/out.csv" ]; then
    echo "PASS: a cell with an embedded NUL byte is refused: $(head -n 1 "$tmp/err")"
    exit 0
fi
echo "FAIL: a cell '1<NUL>2' gave exit $rc: $(cat "$tmp/err")"
exit 1
