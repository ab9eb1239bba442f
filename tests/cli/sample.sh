#!/bin/sh
# The bundled sample data is what amsize-gen writes: the commands in the
# README reproduce examples/data byte for byte, and the sample charts,
# plans and evaluation (ams.csv, the roster, and ramp.csv are written by
# hand; accounts.csv's am_id names ams.csv's AMs).
. "${top_srcdir:-.}/tests/cli/lib.sh"

gen="$b/tools/amsize-gen"
sa="$s/examples/data/accounts.csv"
ss="$s/examples/data/segments.csv"
sm="$s/examples/data/ams.csv"
"$gen" --accounts 4000 --seed 42 --ams 11,7,4 >"$tmp/accounts.csv"
if cmp -s "$tmp/accounts.csv" "$sa"; then
    ok "amsize-gen --accounts 4000 --seed 42 --ams 11,7,4 reproduces accounts.csv"
else
    bad "examples/data/accounts.csv differs from amsize-gen --accounts 4000 --seed 42 --ams 11,7,4"
fi
# Without --ams the generator writes what it always wrote: the sample's
# first eight columns, the book the chart, pilot and plan read.
"$gen" --accounts 4000 --seed 42 >"$tmp/book.csv"
if cut -d, -f1-8 "$sa" | cmp -s - "$tmp/book.csv"; then
    ok "amsize-gen --accounts 4000 --seed 42 is accounts.csv without am_id and csm_covered"
else
    bad "amsize-gen --accounts 4000 --seed 42 is not the first 8 columns of accounts.csv"
fi
"$gen" --print-segments >"$tmp/segments.csv"
if cmp -s "$tmp/segments.csv" "$ss"; then
    ok "amsize-gen --print-segments reproduces segments.csv"
else
    bad "examples/data/segments.csv differs from amsize-gen --print-segments"
fi
# The hand-written roster has the AMs --ams 11,7,4 names, segment by segment.
"$gen" --print-ams --ams 11,7,4 --seed 42 | cut -d, -f1,2 >"$tmp/ids"
if cut -d, -f1,2 "$sm" | cmp -s - "$tmp/ids"; then
    ok "ams.csv has the AMs of amsize-gen --ams 11,7,4"
else
    bad "ams.csv's am_id and segment differ from amsize-gen --print-ams --ams 11,7,4"
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
run "sample chart" 0 chart -s "$ss" -a "$sa" -f csv
if grep -q '^TOTAL,4000,' "$out"; then ok "sample TOTAL has 4000 accounts"; else bad "sample TOTAL"; fi
# am_id and csm_covered change nothing in the chart and the pilot.
for c in "chart -f csv" "chart -f table" "pilot -f csv"; do
    # shellcheck disable=SC2086
    "$A" $c -q -s "$ss" -a "$tmp/book.csv" >"$tmp/want"
    # shellcheck disable=SC2086
    "$A" $c -q -s "$ss" -a "$sa" >"$tmp/got"
    if cmp -s "$tmp/want" "$tmp/got"; then ok "sample $c: the same without am_id"; else
        bad "sample $c differs with am_id and csm_covered"
    fi
done
run "sample pilot" 0 pilot -s "$ss" -a "$sa" -f table
# The plan of the sample: its staffing columns, roster and Enterprise ramp.
run "sample plan" 0 plan -s "$ss" -a "$sa" --ams "$sm" --ramp "$s/examples/data/ramp.csv" -f csv
if [ "$(wc -l <"$out")" -eq 37 ]; then ok "3 segments x 12 months"; else bad "sample plan rows"; fi
run "sample plan without a roster" 0 plan -s "$ss" -a "$sa" -f csv
# Enterprise: 12 AMs today, attrition 0.12: 12 * 0.88^(1/12) = 11.87 after month 1.
if awk -F, '$1 == "Enterprise" && $2 == 1 { exit !(sprintf("%.2f", $3) == "11.87") }' "$out"; then
    ok "current_ams: 12 Enterprise AMs today"
else
    bad "sample current_ams"
fi

# The evaluation of the sample: the four questions answered for every
# segment (net growth, objectives, load, support), and the productivity.
run "sample evaluate" 0 evaluate -s "$ss" -a "$sa" --ams "$sm" -f table -q
for seg in Enterprise Mid-Market SMB; do
    for q in "net growth within existing accounts was" "AMs with a target met it" \
        "weighted accounts (the cost floor)" "an observed productivity of" \
        "accounts with support coverage grew"; do
        if grep -q "^$seg: .*$q" "$out"; then ok "sample evaluate: $seg: '$q'"; else
            bad "sample evaluate: no finding '$q' for $seg"
        fi
    done
done
run "sample evaluate, AMs" 0 evaluate -s "$ss" -a "$sa" --ams "$sm" -f csv --by am -q
if [ "$(wc -l <"$out")" -eq 23 ]; then ok "22 AMs"; else bad "sample evaluate: AM rows"; fi

# A roster and its actuals at any size: the accounts' am_id are the
# roster's, --uncovered sets the share without an AM, and --ams leaves the
# book's columns as they were (when every segment gets an AM: 40 AMs split
# 25, 13, 2; a segment without AMs has no AM-covered account).
"$gen" --accounts 3000 --seed 8 --segments 7 --ams 60 --uncovered 0.2 >"$tmp/e7"
"$gen" --print-ams --ams 60 --seed 8 --segments 7 --uncovered 0.2 >"$tmp/m7"
"$gen" --print-ams --ams 60 --seed 8 --segments 7 --uncovered 0.2 >"$tmp/m7b"
if cmp -s "$tmp/m7" "$tmp/m7b" && [ "$(wc -l <"$tmp/m7")" -eq 61 ] &&
    head -n 1 "$tmp/m7" | grep -qx 'am_id,segment,fte,target,tenure_months'; then
    ok "a generated roster of 60 AMs, the same for the same seed"
else
    bad "generated roster"
fi
if awk -F, 'NR > 1 { n++; u += $9 == "" } END { exit !(u / n > 0.17 && u / n < 0.23) }' "$tmp/e7"; then
    ok "--uncovered 0.2: about a fifth without an AM"
else
    bad "--uncovered 0.2"
fi
# Without AMs nothing is covered: --uncovered alone is a usage error.
if "$gen" --accounts 3 --seed 1 --uncovered 0.5 >"$tmp/u" 2>"$tmp/uerr"; then
    bad "--uncovered without --ams accepted"
elif [ "$(cat "$tmp/uerr")" = "amsize-gen: --uncovered needs --ams" ] && [ ! -s "$tmp/u" ]; then
    ok "--uncovered without --ams is refused"
else
    bad "--uncovered without --ams: $(cat "$tmp/uerr")"
fi
run "a generated roster and its actuals" 0 evaluate -s "$tmp/s7" -a "$tmp/e7" --ams "$tmp/m7" -f csv -q
if awk -F, 'NR > 1 { n++; a += $2 } END { exit !(n == 7 && a == 60) }' "$out"; then
    ok "7 segments, 60 AMs"
else
    bad "generated evaluation"
fi
"$gen" --accounts 1000 --seed 5 --ams 40 | cut -d, -f1-8 >"$tmp/a4"
if cmp -s "$tmp/a1" "$tmp/a4"; then ok "--ams keeps the book's columns"; else bad "--ams changed the book"; fi
finish
