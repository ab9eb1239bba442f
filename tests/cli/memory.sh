#!/bin/sh
# Memory stays bounded: the accounts file is streamed, so the peak RSS of
# `amsize chart` over 1,000,000 accounts is small and no larger than over
# 100,000. Needs GNU time (Debian package `time`); skipped without it.
. "${top_srcdir:-.}/tests/cli/lib.sh"

limit_kb=20480   # 20 MiB for the whole process
growth_kb=1024   # 10x the rows may cost at most 1 MiB more

if [ ! -x /usr/bin/time ]; then
    echo "SKIP: /usr/bin/time is missing (install the Debian package 'time')"
    exit 77
fi
gen="$b/tools/amsize-gen"
"$gen" --print-segments >"$tmp/segments.csv" || exit 99
"$gen" --accounts 100000 --seed 7 >"$tmp/small.csv" || exit 99
"$gen" --accounts 1000000 --seed 7 >"$tmp/big.csv" || exit 99

peak() {
    /usr/bin/time -f %M -o "$tmp/rss" "$A" chart -q --format csv -s "$tmp/segments.csv" \
        -a "$1" >"$tmp/chart.csv" 2>"$err" || { cat "$err"; return 1; }
    tail -n 1 "$tmp/rss"
}

small=$(peak "$tmp/small.csv") || { bad "amsize on 100,000 accounts"; finish; }
big=$(peak "$tmp/big.csv") || { bad "amsize on 1,000,000 accounts"; finish; }
echo "peak RSS: ${small} KiB for 100,000 accounts, ${big} KiB for 1,000,000"
if grep -q '^TOTAL,1000000,' "$tmp/chart.csv"; then ok "all 1,000,000 accounts counted"; else
    bad "TOTAL row: $(tail -n 1 "$tmp/chart.csv")"
fi
if [ "$big" -lt "$limit_kb" ]; then ok "peak RSS ${big} KiB < ${limit_kb} KiB"; else
    bad "peak RSS ${big} KiB >= ${limit_kb} KiB"
fi
if [ "$big" -le $((small + growth_kb)) ]; then ok "RSS does not grow with the file"; else
    bad "RSS grew from ${small} to ${big} KiB"
fi
finish
