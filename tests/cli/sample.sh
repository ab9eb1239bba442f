#!/bin/sh
# The bundled sample data is what amsize-gen writes: the commands in the
# README reproduce examples/data byte for byte, and the sample charts and
# plans (ams.csv and ramp.csv are written by hand).
. "${top_srcdir:-.}/tests/cli/lib.sh"

gen="$b/tools/amsize-gen"
"$gen" --accounts 4000 --seed 42 >"$tmp/accounts.csv"
if cmp -s "$tmp/accounts.csv" "$s/examples/data/accounts.csv"; then
    ok "amsize-gen --accounts 4000 --seed 42 reproduces accounts.csv"
else
    bad "examples/data/accounts.csv differs from amsize-gen --accounts 4000 --seed 42"
fi
"$gen" --print-segments >"$tmp/segments.csv"
if cmp -s "$tmp/segments.csv" "$s/examples/data/segments.csv"; then
    ok "amsize-gen --print-segments reproduces segments.csv"
else
    bad "examples/data/segments.csv differs from amsize-gen --print-segments"
fi
"$gen" --accounts 1000 --seed 5 >"$tmp/a1"
"$gen" --accounts 1000 --seed 5 >"$tmp/a2"
"$gen" --accounts 1000 --seed 6 >"$tmp/a3"
if cmp -s "$tmp/a1" "$tmp/a2" && ! cmp -s "$tmp/a1" "$tmp/a3"; then ok "same seed, same book"; else
    bad "seeds"
fi
"$gen" --accounts 300 --seed 3 --segments 7 >"$tmp/a7"
"$gen" --print-segments --segments 7 >"$tmp/s7"
run "a generated book of 7 segments" 0 chart -s "$tmp/s7" -a "$tmp/a7" -f csv
if grep -q '^TOTAL,300,' "$out" && [ "$(wc -l <"$out")" -eq 9 ]; then ok "7 segments + TOTAL"; else
    bad "7-segment chart"
fi
run "sample chart" 0 chart -s "$s/examples/data/segments.csv" -a "$s/examples/data/accounts.csv" -f csv
if grep -q '^TOTAL,4000,' "$out"; then ok "sample TOTAL has 4000 accounts"; else bad "sample TOTAL"; fi
run "sample pilot" 0 pilot -s "$s/examples/data/segments.csv" -a "$s/examples/data/accounts.csv" -f table
# The plan of the sample: its staffing columns, roster and Enterprise ramp.
run "sample plan" 0 plan -s "$s/examples/data/segments.csv" -a "$s/examples/data/accounts.csv" \
    --ams "$s/examples/data/ams.csv" --ramp "$s/examples/data/ramp.csv" -f csv
if [ "$(wc -l <"$out")" -eq 37 ]; then ok "3 segments x 12 months"; else bad "sample plan rows"; fi
run "sample plan without a roster" 0 plan -s "$s/examples/data/segments.csv" -a "$s/examples/data/accounts.csv" -f csv
# Enterprise: 12 AMs today, attrition 0.12: 12 * 0.88^(1/12) = 11.87 after month 1.
if awk -F, '$1 == "Enterprise" && $2 == 1 { exit !(sprintf("%.2f", $3) == "11.87") }' "$out"; then
    ok "current_ams: 12 Enterprise AMs today"
else
    bad "sample current_ams"
fi
finish
