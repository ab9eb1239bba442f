#!/bin/sh
# The amsize command end to end: good and bad CSV files, every format, exit
# statuses and messages. Expected chart numbers are worked out by hand from
# the formulas in include/amsize/chart.h (see the comments), not copied from
# the program's output.
. "${top_srcdir:-.}/tests/cli/lib.sh"

header='segment,accounts,weighted_accounts,book,upsell,cross_sell,churn_attributed,net_ratio,net_ratio_pct,net_ratio_rating,support_rating,support_factor,fte_net,fte_demand,min_load,max_load,hc_floor,hc_ceiling,hc_demand,headcount,binding,flags,load_per_am,cost,net_per_am,roi'

# ---- the hand-checked chart ------------------------------------------------
run "chart csv" 0 chart --segments "$D/segments.csv" --format csv
if [ "$(head -n 1 "$out")" = "$header" ]; then ok "csv header"; else bad "csv header: $(head -n 1 "$out")"; fi
if [ "$(wc -l <"$out")" -eq 5 ]; then ok "3 segments + TOTAL"; else bad "row count $(wc -l <"$out")"; fi
# Enterprise: NR = 12M + 8M - 1*4M = 16M, NR% 16% >= 15%: high. s = 3: f = 1,
# FTE 16M/1.5M = 10.67 -> 11. g = 16M/200 = 80K, Lmin = ceil(200K/80K) = 3;
# floor ceil(200/20) = 10, ceiling floor(200/3) = 66: headcount 11, demand.
expect Enterprise net_ratio 16000000
near Enterprise net_ratio_pct 0.16
expect Enterprise net_ratio_rating high
expect Enterprise support_factor 1
expect Enterprise hc_demand 11
expect Enterprise min_load 3
expect Enterprise hc_floor 10
expect Enterprise hc_ceiling 66
expect Enterprise headcount 11
expect Enterprise binding demand
expect Enterprise flags ""
expect Enterprise cost 2200000
# Mid-Market: a = 0.5: NR = 11M + 3M - 3M = 11M, 12.2%: medium. FTE 11M/1.2M
# = 9.17 -> 10. g = 11M/1500, Lmin = ceil(160K*1500/11M) = ceil(21.8) = 22;
# floor ceil(1500/200) = 8, ceiling floor(1500/22) = 68: 10, demand.
expect Mid-Market net_ratio 11000000
expect Mid-Market net_ratio_rating medium
expect Mid-Market hc_demand 10
expect Mid-Market min_load 22
expect Mid-Market hc_floor 8
expect Mid-Market hc_ceiling 68
expect Mid-Market headcount 10
expect Mid-Market binding demand
# SMB: NR = 1.5M + 0.5M - 0.5*3M = 0.5M, 1.25%: low. s = 4: f = 0.6/0.7,
# FTE 0.5*0.857 = 0.43 -> 1. g = 25, Lmin = 120K/25 = 4800 > Lmax 500:
# UNECONOMIC; floor 20000/500 = 40, ceiling floor(20000/4800) = 4:
# headcount max(40, min(1, 4)) = 40, service_floor.
expect SMB net_ratio 500000
expect SMB net_ratio_rating low
near SMB support_factor 0.857142857142857
expect SMB hc_demand 1
expect SMB min_load 4800
expect SMB hc_floor 40
expect SMB hc_ceiling 4
expect SMB headcount 40
expect SMB binding service_floor
expect SMB flags UNECONOMIC
expect SMB cost 4800000
# TOTAL: sums; ratings, binding, support rating and per-AM values empty.
expect TOTAL accounts 21700
expect TOTAL net_ratio 27500000
expect TOTAL hc_floor 58
expect TOTAL hc_ceiling 138
expect TOTAL hc_demand 22
expect TOTAL headcount 61
expect TOTAL cost 8600000
expect TOTAL net_ratio_rating ""
expect TOTAL binding ""
expect TOTAL support_rating ""
expect TOTAL min_load ""
expect TOTAL roi ""

# Not a terminal: csv is the default.
run "default format off a terminal" 0 chart -s "$D/segments.csv"
if [ "$(head -n 1 "$out")" = "$header" ]; then ok "default is csv"; else bad "default format"; fi
cp "$out" "$tmp/segments.out"

# --selling-time: with T3 = T4 the SMB support factor is 1.
run "--selling-time" 0 chart -s "$D/segments.csv" -f csv --selling-time 0.4,0.5,0.6,0.6,0.8
expect SMB support_factor 1
# --rating-thresholds: medium at 10%, high at 17%: Enterprise (16%) is medium.
run "--rating-thresholds" 0 chart -s "$D/segments.csv" -f csv --rating-thresholds 0.10,0.17
expect Enterprise net_ratio_rating medium
run "selling time out of order" 64 chart -s "$D/segments.csv" --selling-time 0.4,0.5,0.6,0.55,0.8
err_has "selling_time[4]"
err_has "out of order"
run "selling time count" 64 chart -s "$D/segments.csv" --selling-time 0.4,0.5,0.6
err_has "exactly 5"
run "thresholds reversed" 64 chart -s "$D/segments.csv" --rating-thresholds 0.2,0.1
err_has "rating_high"
run "selling time not a number" 64 chart -s "$D/segments.csv" --selling-time 0.4,0.5,x,0.7,0.8
err_is "amsize: --selling-time '0.4,0.5,x,0.7,0.8': give exactly 5 plain numbers separated by commas"
run "selling time zero" 64 chart -s "$D/segments.csv" --selling-time 0,0.5,0.6,0.7,0.8
err_is "amsize: --selling-time: selling_time[1]: value is outside its allowed range
amsize: each selling time must be above 0 and at most 1, and they must not decrease from rating 1 to rating 5"
run "selling time above 1" 64 chart -s "$D/segments.csv" --selling-time 0.4,0.5,0.6,0.7,1.5
err_has "selling_time[5]: value is outside its allowed range"
err_has "above 0 and at most 1"

# ---- CSV dialects -----------------------------------------------------------
run "BOM, CRLF, header case and spaces, blank line" 0 chart -s "$D/bom-crlf.csv" -f csv
if cmp -s "$out" "$tmp/segments.out"; then ok "same chart as plain LF"; else bad "BOM/CRLF chart differs"; fi
run "quoted fields" 0 chart -s "$D/quoted.csv" -f csv
out_has '"Mid-Market, ""East""",1500,'
out_has '"Enterprise'
if command -v python3 >/dev/null 2>&1; then
    if python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [r["segment"] for r in rows] == ["Enterprise\n(global)", "Mid-Market, \"East\"", "TOTAL"], rows
assert rows[0]["headcount"] == "11"
' "$out"; then ok "quoted names round-trip through csv"; else bad "quoted names"; fi
else
    echo "skip - python3 missing: csv round-trip"
fi
# The error comes after two records spanning two lines each: line 6.
run "error after multi-line records" 65 chart -s "$D/quoted-bad.csv"
err_is "amsize: $D/quoted-bad.csv:6:9: column 'churn': 'lots' is not a number: write plain decimal digits (no currency sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6"
run "CRLF error after a multi-line record" 65 chart -s "$D/crlf-bad.csv"
err_is "amsize: $D/crlf-bad.csv:4:3: column 'am_cost': '12x' is not a number: write plain decimal digits (no currency sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6"
run "blank lines" 65 chart -s "$D/blank-lines.csv"
err_is "amsize: $D/blank-lines.csv:6:3: column 'am_cost': 'x' is not a number: write plain decimal digits (no currency sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6"
run "unknown columns" 0 chart -s "$D/unknown-columns.csv" -f csv
err_has "'region', 'owner'"
if [ "$(grep -c 'unknown column' "$err")" -eq 1 ]; then ok "one warning"; else bad "warnings: $(cat "$err")"; fi
expect Enterprise headcount 11
# 60 unknown columns: the first 20 named whole, then how many more.
i=1 hdr="segment,am_productivity,am_cost,max_load,accounts,book,upsell,cross_sell,churn" row="E,1,1,1,1,1,1,1,1" names=""
while [ $i -le 60 ]; do
    c=$(printf 'extra_column_%02d' $i)
    hdr="$hdr,$c" row="$row,v"
    [ $i -le 20 ] && names="$names${names:+, }'$c'"
    i=$((i + 1))
done
printf '%s\n%s\n' "$hdr" "$row" >"$tmp/wide.csv"
run "60 unknown columns" 0 chart -s "$tmp/wide.csv"
err_is "amsize: warning: $tmp/wide.csv:1: ignoring unknown column(s) $names, and 40 more"

# ---- bad segments files -------------------------------------------------------
run "missing columns" 65 chart -s "$D/missing-columns.csv"
err_is "amsize: $D/missing-columns.csv:1: missing required column(s) 'am_cost', 'max_load', 'book', 'upsell', 'cross_sell', 'churn': add them to the header line (or, instead of the aggregate ones, pass --accounts ACCOUNTS.csv)"
# Without --accounts nothing else supplies the aggregates: no chart of zeros.
run "no aggregate columns and no --accounts" 65 chart -s "$D/small-segments.csv"
err_is "amsize: $D/small-segments.csv:1: missing required column(s) 'accounts', 'book', 'upsell', 'cross_sell', 'churn': add them to the header line, or pass --accounts ACCOUNTS.csv"
if [ -s "$out" ]; then bad "output despite the error"; else ok "no output"; fi
run "empty aggregate cell" 65 chart -s "$D/empty-aggregate.csv"
err_is "amsize: $D/empty-aggregate.csv:3:10: column 'churn' is empty: it is required, give a number"
# weighted_accounts stays optional: empty is the number of accounts.
head -n 2 "$D/empty-aggregate.csv" >"$tmp/weighted-empty.csv"
run "empty weighted_accounts" 0 chart -s "$tmp/weighted-empty.csv" -f csv
expect Enterprise weighted_accounts 200
expect Enterprise headcount 11
run "duplicate column" 65 chart -s "$D/duplicate-column.csv"
err_is "amsize: $D/duplicate-column.csv:1:5: column 'am_cost' appears twice in the header: keep one of them"
run "wrong field count" 65 chart -s "$D/wrong-fields.csv"
err_is "amsize: $D/wrong-fields.csv:3: the record has 10 field(s) but the header has 9: check for a missing or extra comma, and quote values that contain commas"
run "thousands separator" 65 chart -s "$D/non-numeric.csv"
err_is "amsize: $D/non-numeric.csv:2:3: column 'am_cost': '200,000' is not a number: write plain decimal digits (no currency sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6"
run "hex" 65 chart -s "$D/hex.csv"
err_is "amsize: $D/hex.csv:2:2: column 'am_productivity': '0x10' is not a number: write plain decimal digits (no currency sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6"
run "nan" 65 chart -s "$D/nan.csv"
err_is "amsize: $D/nan.csv:2:4: column 'max_load': 'nan' is not a number: write plain decimal digits (no currency sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6"
run "negative book (library check)" 65 chart -s "$D/negative.csv"
err_is "amsize: $D/negative.csv:3:5: segment 'SMB', column 'book', value -5: value is negative: it must be >= 0: fix this cell"
run "gross margin out of range (library check)" 65 chart -s "$D/out-of-range.csv"
err_is "amsize: $D/out-of-range.csv:3:6: segment 'SMB', column 'gross_margin', value 1.5: value is outside its allowed range: above 0 and at most 1: fix this cell"
run "support rating out of range" 65 chart -s "$D/bad-rating.csv"
err_is "amsize: $D/bad-rating.csv:2:5: column 'support_rating': '7' must be a whole number from 1 to 5"
# COL counts fields: a NUL byte in an unknown column has no column name.
printf 'segment,region,am_productivity,am_cost,max_load\nE,a\000b,1,1,1\n' >"$tmp/nul.csv"
run "NUL byte: the cell" 65 chart -s "$tmp/nul.csv" -a "$D/small-accounts.csv"
err_is "amsize: warning: $tmp/nul.csv:1: ignoring unknown column(s) 'region'
amsize: $tmp/nul.csv:2:2: a cell contains a NUL byte: remove it (is this a UTF-16 or binary file?)"
printf 'segment,am_productivity,am_cost,max_load\nE,1,1\0002,1\n' >"$tmp/nul.csv"
run "NUL byte: the cell and its column" 65 chart -s "$tmp/nul.csv" -a "$D/small-accounts.csv"
err_is "amsize: $tmp/nul.csv:2:3: column 'am_cost': a cell contains a NUL byte: remove it (is this a UTF-16 or binary file?)"
# A library error about a computed value has no cell to point at.
printf 'segment,am_productivity,am_cost,max_load,accounts,book,upsell,cross_sell,churn\nE,1500000,5e-324,20,200,100000000,12000000,8000000,4000000\n' >"$tmp/denormal.csv"
run "computed value overflows" 65 chart -s "$tmp/denormal.csv"
err_is "amsize: $tmp/denormal.csv:2: segment 'E': the computed roi: result is too large to represent exactly: check the segment's inputs"
run "segment named twice" 65 chart -s "$D/duplicate-segment.csv"
err_is "amsize: $D/duplicate-segment.csv:4:1: column 'segment': segment 'Enterprise' appears twice (first on line 2): segment names must be unique"
run "segment named TOTAL" 65 chart -s "$D/total-segment.csv"
err_is "amsize: $D/total-segment.csv:3:1: column 'segment': 'total' is reserved for the totals row: give the segment another name"
if [ -s "$out" ]; then bad "output despite the error"; else ok "no output"; fi
run "empty required cell" 65 chart -s "$D/empty-required.csv"
err_is "amsize: $D/empty-required.csv:2:3: column 'am_cost' is empty: it is required, give a number"
run "empty file" 65 chart -s "$D/empty.csv"
err_is "amsize: $D/empty.csv: the file is empty: it needs a header line naming at least the columns 'segment', 'am_productivity', 'am_cost', 'max_load', 'accounts', 'book', 'upsell', 'cross_sell', 'churn'"
run "empty file, with --accounts" 65 chart -s "$D/empty.csv" -a "$D/small-accounts.csv"
err_is "amsize: $D/empty.csv: the file is empty: it needs a header line naming at least the columns 'segment', 'am_productivity', 'am_cost', 'max_load'"
run "header only" 65 chart -s "$D/header-only.csv"
err_is "amsize: $D/header-only.csv:2: no data rows after the header: add at least one row"
run "unterminated quote" 65 chart -s "$D/unterminated.csv"
err_is "amsize: $D/unterminated.csv:3: unterminated quoted field: a quote opens here and never closes"
run "unreadable input" 66 chart -s "$tmp/no-such-file.csv"
err_has "no-such-file.csv"

# ---- values echoed in messages --------------------------------------------------
# A bad cell is shown on one line, escaped, and cut after 40 characters.
run "bad cell with a line break" 65 chart -s "$D/newline-cell.csv"
err_is "amsize: $D/newline-cell.csv:2:3: column 'am_cost': '12\n34' is not a number: write plain decimal digits (no currency sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6"
long=$(awk 'BEGIN { while (n++ < 5000) printf "x" }')
printf 'segment,am_productivity,am_cost,max_load,accounts,book,upsell,cross_sell,churn\nEnterprise,1500000,%s,20,200,1,1,1,1\n' \
    "$long" >"$tmp/long-cell.csv"
run "5000-character bad cell" 65 chart -s "$tmp/long-cell.csv"
err_is "amsize: $tmp/long-cell.csv:2:3: column 'am_cost': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (5000 characters) is not a number: write plain decimal digits (no currency sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6"
printf 'segment,am_productivity,am_cost,max_load,accounts,book,upsell,cross_sell,churn\nEnterprise,1500000,\001\033[31m\377,20,200,1,1,1,1\n' \
    >"$tmp/ctl-cell.csv"
run "control characters and bad bytes escaped" 65 chart -s "$tmp/ctl-cell.csv"
err_has "column 'am_cost': '\\x01\\x1B[31m\\xFF' is not a number"
run "empty segment in accounts" 65 chart -s "$D/small-segments.csv" -a "$D/accounts-empty-segment.csv"
err_is "amsize: $D/accounts-empty-segment.csv:3:2: column 'segment' is empty: give every account the name of its segment in $D/small-segments.csv"

# ---- accounts ---------------------------------------------------------------------
run "accounts" 0 chart -s "$D/small-segments.csv" -a "$D/small-accounts.csv" -f csv
err_has "read 6 account row(s)"
err_has "Enterprise 3, SMB 3"
cp "$out" "$tmp/accounts.out"
run "equivalent aggregate file" 0 chart -s "$D/small-aggregate.csv" -f csv
if cmp -s "$out" "$tmp/accounts.out"; then ok "accounts aggregate to the same chart"; else
    bad "accounts chart differs from the aggregate one"
    diff "$out" "$tmp/accounts.out" | sed 's/^/    | /'
fi
run "-q" 0 chart -q -s "$D/small-segments.csv" -a "$D/small-accounts.csv" -f csv
if [ -s "$err" ]; then bad "-q still prints: $(cat "$err")"; else ok "-q is quiet"; fi
run "--verbose" 0 chart -v -s "$D/small-segments.csv" -a "$D/small-accounts.csv" -f csv
err_has "3 account row(s) in segment 'SMB'"
run "aggregate columns with --accounts" 0 chart -s "$D/segments.csv" -a "$D/small-accounts.csv"
err_has "ignoring the aggregate column(s) 'accounts', 'book'"
expect Mid-Market accounts 0
expect Mid-Market flags NO_ACCOUNTS
run "unknown segment" 65 chart -s "$D/small-segments.csv" -a "$D/accounts-unknown-segment.csv"
err_is "amsize: $D/accounts-unknown-segment.csv:3:2: column 'segment': segment 'Enterprize' is not in $D/small-segments.csv: add it there or fix the name (names must match exactly)"
run "negative account value (library check)" 65 chart -s "$D/small-segments.csv" -a "$D/accounts-negative.csv"
err_is "amsize: $D/accounts-negative.csv:5:5: column 'cross_sell', value -3: value is negative: it must be >= 0: fix this cell"
run "bad am_covered" 65 chart -s "$D/small-segments.csv" -a "$D/accounts-bad-flag.csv"
err_is "amsize: $D/accounts-bad-flag.csv:2:7: column 'am_covered': 'maybe' is not a yes/no value: write 1, 0, true, false, yes, no, or leave it empty for 0"

# ---- ACCOUNTS.csv dialects ----------------------------------------------------------
# BOM, CRLF, header case and spaces, a blank line, empty service_weight (1).
# Enterprise (a = 1): E1 + E2: 2 accounts, W = 1 + 2 = 3, B = 1.6M, upsell
# 140K, cross-sell 60K, churn 50K: NR 150K. SMB (a = 0.5): S1: W 1, B 20K,
# NR = 3000 + 1000 - 0.5*2000 = 3000. TOTAL: 3, W 4, B 1.62M, NR 153K.
run "accounts: BOM, CRLF, header case and spaces, blank line" 0 chart -s "$D/small-segments.csv" -a "$D/accounts-bom-crlf.csv" -f csv
err_is "amsize: read 3 account row(s) from $D/accounts-bom-crlf.csv: Enterprise 2, SMB 1"
expect Enterprise accounts 2
expect Enterprise weighted_accounts 3
expect Enterprise book 1600000
expect Enterprise upsell 140000
expect Enterprise cross_sell 60000
expect Enterprise churn_attributed 50000
expect Enterprise net_ratio 150000
expect SMB weighted_accounts 1
expect SMB churn_attributed 1000
expect SMB net_ratio 3000
expect TOTAL accounts 3
expect TOTAL weighted_accounts 4
expect TOTAL book 1620000
expect TOTAL net_ratio 153000
# am_covered read through the odd header: E1 covered, (100K + 50K - 20K)/1M.
run "accounts: BOM and CRLF, pilot" 0 pilot -q -s "$D/small-segments.csv" -a "$D/accounts-bom-crlf.csv" -f csv
near Enterprise nr_pct_covered 0.13
expect Enterprise accounts_uncovered 1
# Quoted fields: an id with commas and a line break, doubled quotes, quoted
# numbers. Enterprise: B 500K, NR 50K + 25K - 10K = 65K; SMB: B 4000,
# NR 1400 - 0.5*1000 = 900. TOTAL B 504K, NR 65.9K.
run "accounts: quoted fields" 0 chart -s "$D/small-segments.csv" -a "$D/accounts-quoted.csv" -f csv
err_is "amsize: read 2 account row(s) from $D/accounts-quoted.csv: Enterprise 1, SMB 1"
expect Enterprise book 500000
expect Enterprise net_ratio 65000
expect SMB book 4000
expect SMB churn_attributed 500
expect SMB net_ratio 900
expect TOTAL accounts 2
expect TOTAL book 504000
expect TOTAL net_ratio 65900
# The error comes after a record spanning two lines: line 4.
run "accounts: error after a multi-line record" 65 chart -s "$D/small-segments.csv" -a "$D/accounts-quoted-bad.csv"
err_is "amsize: $D/accounts-quoted-bad.csv:4:4: column 'upsell': 'lots' is not a number: write plain decimal digits (no currency sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6"
run "accounts: missing columns" 65 chart -s "$D/small-segments.csv" -a "$D/accounts-missing-columns.csv"
err_is "amsize: $D/accounts-missing-columns.csv:1: missing required column(s) 'cross_sell', 'churn': add them to the header line"
run "accounts: thousands separators" 65 chart -s "$D/small-segments.csv" -a "$D/accounts-non-numeric.csv"
err_is "amsize: $D/accounts-non-numeric.csv:2:3: column 'arr': '1,000,000' is not a number: write plain decimal digits (no currency sign, thousands separator, unit, hex, inf or nan), e.g. 1500000 or 1.5e6"
run "accounts: empty file" 65 chart -s "$D/small-segments.csv" -a "$D/empty.csv"
err_is "amsize: $D/empty.csv: the file is empty: it needs a header line naming at least the columns 'account_id', 'segment', 'arr', 'upsell', 'cross_sell', 'churn'"
run "accounts: header only" 65 chart -s "$D/small-segments.csv" -a "$D/accounts-header-only.csv"
err_is "amsize: $D/accounts-header-only.csv:2: no data rows after the header: add at least one row"
for f in accounts-quoted-bad accounts-missing-columns accounts-non-numeric accounts-header-only; do
    "$A" chart -s "$D/small-segments.csv" -a "$D/$f.csv" >"$out" 2>/dev/null
    if [ -s "$out" ]; then bad "$f: output despite the error"; else ok "$f: no output"; fi
done

# ---- pilot ------------------------------------------------------------------------
# Enterprise, a = 1: covered E1+E3: B 1.25M, NR 255K: 20.4%; uncovered E2:
# B 500K, NR 30K: 6%. delta 14.4%, lift 3.4, incremental 0.144*1.25M = 180K.
# SMB, a = 0.5: covered "S,3": 1200/12000 = 10%; uncovered S1+S2: NR 1400 -
# 1250 = 150 on 18000. lift 12, incremental (0.1 - 150/18000)*12000 = 1100.
run "pilot csv" 0 pilot -s "$D/small-segments.csv" -a "$D/small-accounts.csv" -f csv
if [ "$(head -n 1 "$out")" = "segment,accounts_covered,accounts_uncovered,book_covered,book_uncovered,nr_pct_covered,nr_pct_uncovered,delta,lift,incremental,accretive" ]; then
    ok "pilot header"
else
    bad "pilot header: $(head -n 1 "$out")"
fi
expect Enterprise accounts_covered 2
near Enterprise nr_pct_covered 0.204
near Enterprise nr_pct_uncovered 0.06
near Enterprise delta 0.144
near Enterprise lift 3.4
near Enterprise incremental 180000
expect Enterprise accretive 1
near SMB lift 12
near SMB incremental 1100
run "pilot needs --accounts" 64 pilot -s "$D/small-segments.csv"
run "pilot needs am_covered" 65 pilot -s "$D/small-segments.csv" -a "$D/accounts-no-flag.csv"
err_is "amsize: $D/accounts-no-flag.csv:1: missing required column(s) 'am_covered': add them to the header line (the pilot compares AM-covered with uncovered accounts: give each account 1 or 0)"
if [ -s "$out" ]; then bad "output despite the error"; else ok "no output"; fi
run "chart does not need am_covered" 0 chart -q -s "$D/small-segments.csv" -a "$D/accounts-no-flag.csv" -f csv
expect Enterprise accounts 1
# Enterprise has no uncovered account: NR%_u, delta, lift and incremental
# are undefined, and so is accretive. E1+E2: B 1.5M, NR 250K + 50K - 30K =
# 270K: 18%. SMB (a = 0.5): S1 covered, 1000 - 250 = 750 on 10000: 7.5%;
# S2 uncovered, 400 - 1000 = -600 on 8000: -7.5%. delta 15%, accretive; no
# lift (NR%_u <= 0); incremental 0.15 * 10000 = 1500.
run "pilot, one side missing" 0 pilot -q -s "$D/small-segments.csv" -a "$D/accounts-one-sided.csv" -f csv
out_is "segment,accounts_covered,accounts_uncovered,book_covered,book_uncovered,nr_pct_covered,nr_pct_uncovered,delta,lift,incremental,accretive
Enterprise,2,0,1500000,0,0.18,,,,,
SMB,1,1,10000,8000,0.075,-0.075,0.15,,1500,1"
run "pilot table, one side missing" 0 pilot -q -s "$D/small-segments.csv" -a "$D/accounts-one-sided.csv" -f table
if grep -Eq '^Enterprise +2 +0 +\$1\.5M +\$0 +18\.0% +- +- +- +- +-$' "$out" &&
    grep -Eq '^SMB .* +yes$' "$out"; then ok "undefined accretive is -"; else bad "pilot table"; cat "$out"; fi
run "pilot xlsx" 64 pilot -s "$D/small-segments.csv" -a "$D/small-accounts.csv" -o "$tmp/p.xlsx"

# ---- formats ----------------------------------------------------------------------
run "json" 0 chart -s "$D/segments.csv" -f json
if command -v python3 >/dev/null 2>&1; then
    if python3 -c '
import json, sys
d = json.load(sys.stdin)
cols = sys.argv[1].split(",")
assert sorted(d) == ["model", "segments", "total"], list(d)
assert d["model"]["selling_time"] == [0.4, 0.5, 0.6, 0.7, 0.8]
assert d["model"]["rating_high"] == 0.15 and d["model"]["rating_medium"] == 0.05
assert [s["segment"] for s in d["segments"]] == ["Enterprise", "Mid-Market", "SMB"]
for row in d["segments"] + [d["total"]]:
    assert list(row) == cols, list(row)
assert d["segments"][2]["flags"] == ["UNECONOMIC"] and d["segments"][0]["flags"] == []
assert d["segments"][0]["headcount"] == 11 and d["segments"][0]["net_ratio_pct"] == 0.16
assert d["total"]["segment"] == "TOTAL" and d["total"]["headcount"] == 61
assert d["total"]["min_load"] is None and d["total"]["binding"] is None
' "$header" <"$out"; then ok "json parses with the csv keys"; else bad "json"; fi
    run "json escaping" 0 chart -s "$D/quoted.csv" -f json
    if python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["segments"][0]["segment"] == "Enterprise\n(global)"
assert d["segments"][1]["segment"] == "Mid-Market, \"East\""
' <"$out"; then ok "json strings escaped"; else bad "json escaping"; fi
    run "json: UTF-8, control characters, invalid bytes" 0 chart -s "$D/names.csv" -f json
    if python3 -c '
import json, sys
d = json.loads(sys.stdin.buffer.read().decode("utf-8"))
names = [s["segment"] for s in d["segments"]]
assert names == ["Caf\u00e9 \u00dcber", "Tab\tName", "\u0001ctl", "bad \ufffd byte", "Soci\ufffdt\ufffd"], names
' <"$out"; then ok "json strings valid and escaped"; else bad "json names"; fi
    run "pilot json" 0 pilot -s "$D/small-segments.csv" -a "$D/small-accounts.csv" -f json
    if python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["segments"][0]["accretive"] is True and abs(d["segments"][0]["lift"] - 3.4) < 1e-12
' <"$out"; then ok "pilot json"; else bad "pilot json"; fi
    run "pilot json, one side missing" 0 pilot -q -s "$D/small-segments.csv" -a "$D/accounts-one-sided.csv" -f json
    if python3 -c '
import json, sys
d = json.load(sys.stdin)
e, s = d["segments"]
assert e["accretive"] is None and e["delta"] is None and e["nr_pct_covered"] == 0.18, e
assert s["accretive"] is True and s["delta"] == 0.15 and s["lift"] is None, s
' <"$out"; then ok "undefined accretive is null"; else bad "pilot json, one side missing"; fi
else
    echo "skip - python3 missing: json checks"
fi
run "table" 0 chart -s "$D/segments.csv" -f table
out_has "Headcount"
if grep -Eq '^Enterprise +200 +\$100\.0M +\$16\.0M +16\.0% +high ' "$out"; then ok "table row"; else bad "table row"; cat "$out"; fi
if grep -Eq '^SMB +20,000 .* 40 +service_floor +UNECONOMIC ' "$out"; then ok "table SMB"; else bad "table SMB"; fi
run "table: control characters shown as ?" 0 chart -s "$D/names.csv" -f table
if grep -q "$(printf '\t')" "$out"; then bad "raw tab in the table"; else ok "no raw control characters"; fi
out_has "Tab?Name"
run "markdown" 0 chart -s "$D/segments.csv" -f markdown
if head -n 1 "$out" | grep -q '^| Segment *| *Accounts |' &&
    sed -n 2p "$out" | grep -q '^| -* | -*: |'; then ok "markdown table"; else bad "markdown"; cat "$out"; fi
run "unknown format" 64 chart -s "$D/segments.csv" -f yaml
run "xlsx to a terminal" 64 chart -s "$D/segments.csv" -f xlsx
run "xlsx" 0 chart -s "$D/segments.csv" -o "$tmp/chart.xlsx"
if command -v unzip >/dev/null 2>&1; then
    if unzip -tq "$tmp/chart.xlsx" >/dev/null; then ok "xlsx is a valid zip"; else bad "xlsx zip"; fi
    unzip -l "$tmp/chart.xlsx" >"$tmp/list"
    for part in xl/workbook.xml xl/worksheets/sheet1.xml xl/worksheets/sheet2.xml xl/charts/chart1.xml; do
        if grep -q " $part\$" "$tmp/list"; then ok "xlsx has $part"; else bad "xlsx lacks $part"; fi
    done
    if [ "$(grep -c ' xl/worksheets/sheet[0-9]*\.xml$' "$tmp/list")" -eq 2 ]; then ok "two worksheets"; else bad "worksheets"; fi
    unzip -p "$tmp/chart.xlsx" xl/workbook.xml >"$tmp/wb.xml"
    if grep -q 'name="Sizing chart"' "$tmp/wb.xml" && grep -q 'name="Inputs"' "$tmp/wb.xml"; then ok "sheet names"; else bad "sheet names"; fi
    unzip -p "$tmp/chart.xlsx" xl/worksheets/sheet1.xml >"$tmp/sheet1.xml"
    for text in '>Enterprise<' '>Mid-Market<' '>SMB<' '>TOTAL<' '<v>11</v>' '<v>40</v>' '<v>61</v>'; do
        if grep -qF "$text" "$tmp/sheet1.xml"; then ok "sheet has $text"; else bad "sheet lacks $text"; fi
    done
    if [ "$(unzip -p "$tmp/chart.xlsx" xl/charts/chart1.xml | grep -o '<c:ser>' | wc -l)" -eq 4 ]; then
        ok "chart has 4 series"
    else
        bad "chart series"
    fi
else
    echo "skip - unzip missing: xlsx checks"
fi
if command -v python3 >/dev/null 2>&1; then
    if xlsx_check "$tmp/chart.xlsx" '
chart, inputs = sheets["Sizing chart"], sheets["Inputs"]
assert frozen["Sizing chart"].get("ySplit") == "1" and frozen["Sizing chart"].get("state") == "frozen", frozen
assert [chart["A%d" % r] for r in (2, 3, 4, 5)] == ["Enterprise", "Mid-Market", "SMB", "TOTAL"]
assert chart["T2"] == 11 and chart["T5"] == 61, (chart["T2"], chart["T5"])
# Inputs: segment, support_rating, accounts, weighted, book, upsell,
# cross_sell, churn, churn_attribution, P, K, margin, coverage, growth, Lmax.
row = [inputs.get(c + "2") for c in "ABCDEFGHIJKLMNO"]
assert row == ["Enterprise", 3, 200, 200, 100e6, 12e6, 8e6, 4e6, 1, 1.5e6, 200e3, 1, 1, None, 20], row
assert inputs["I3"] == 0.5 and inputs["B4"] == 4 and inputs["C4"] == 20000, inputs
assert inputs["A7"] == "Model parameters" and inputs["A8"] == "selling_time[1]" and inputs["B8"] == 0.4
assert inputs["A13"] == "rating_high" and inputs["B13"] == 0.15 and inputs["B14"] == 0.05
'; then ok "xlsx: well-formed XML, frozen header, inputs"; else bad "xlsx contents"; fi
    # Names that are not UTF-8 or hold control characters: each bad byte
    # and each control character XML cannot hold becomes U+FFFD, as in JSON.
    run "xlsx: invalid UTF-8 and control characters" 0 chart -s "$D/names.csv" -o "$tmp/names.xlsx"
    if xlsx_check "$tmp/names.xlsx" '
want = ["Caf\u00e9 \u00dcber", "Tab\tName", "\ufffdctl", "bad \ufffd byte", "Soci\ufffdt\ufffd"]
for sheet in ("Sizing chart", "Inputs"):
    got = [sheets[sheet]["A%d" % r] for r in range(2, 7)]
    assert got == want, (sheet, got)
'; then ok "xlsx names well-formed and replaced"; else bad "xlsx names"; fi
    # An Excel cell holds 32767 characters: a longer name is cut, not left out.
    awk 'BEGIN { printf "segment,am_productivity,am_cost,max_load,accounts,book,upsell,cross_sell,churn\n";
                 while (n++ < 40000) printf "N"; printf ",1500000,200000,20,200,1,1,1,1\n" }' >"$tmp/long-name.csv"
    run "xlsx: a name too long for a cell" 0 chart -s "$tmp/long-name.csv" -o "$tmp/long.xlsx"
    err_is "amsize: warning: xlsx: sheet 'Sizing chart', cell A2 holds only the first 32767 of the 40000 characters: Excel allows no more
amsize: warning: xlsx: sheet 'Inputs', cell A2 holds only the first 32767 of the 40000 characters: Excel allows no more"
    if xlsx_check "$tmp/long.xlsx" '
assert sheets["Sizing chart"]["A2"] == "N" * 32767 and sheets["Inputs"]["A2"] == "N" * 32767
'; then ok "xlsx: long name cut at 32767"; else bad "xlsx long name"; fi
else
    echo "skip - python3 missing: xlsx XML checks"
fi

# ---- command line, standard input, output files ------------------------------------
run "--help" 0 --help
out_has "Usage: amsize chart"
run "--version" 0 --version
if grep -Eq '^amsize \(libamsize\) [0-9]+\.[0-9]+\.[0-9]+$' "$out"; then ok "version line"; else bad "version: $(cat "$out")"; fi
run "unknown option" 64 chart -s "$D/segments.csv" --bogus
err_has "unknown option '--bogus'"
run "missing --segments" 64 chart
err_has "missing --segments"
run "no command" 64 -s "$D/segments.csv"
run "unknown command" 64 size -s "$D/segments.csv"
run "option without value" 64 chart --segments

name="segments on stdin"
"$A" chart -s - -f csv <"$D/segments.csv" >"$out" 2>"$err"
if [ $? -eq 0 ] && cmp -s "$out" "$tmp/segments.out"; then ok "$name"; else bad "$name"; fi
name="accounts on stdin"
"$A" chart -s "$D/small-segments.csv" -a - -f csv <"$D/small-accounts.csv" >"$out" 2>"$err"
if [ $? -eq 0 ] && cmp -s "$out" "$tmp/accounts.out"; then ok "$name"; else bad "$name"; fi
name="errors on stdin name <stdin>"
"$A" chart -s - <"$D/negative.csv" >"$out" 2>"$err"
if [ $? -eq 65 ]; then ok "$name: exit 65"; else bad "$name: exit"; fi
err_has "<stdin>:3:"
run "both on stdin" 64 chart -s - -a -

mkdir "$tmp/o"
run "--output" 0 chart -s "$D/segments.csv" -o "$tmp/o/chart.csv"
if cmp -s "$tmp/o/chart.csv" "$tmp/segments.out" && [ "$(ls -A "$tmp/o")" = chart.csv ]; then
    ok "output file complete, no temporary left"
else
    bad "output file"
    ls -A "$tmp/o"
fi
run "--output .json picks json" 0 chart -s "$D/segments.csv" -o "$tmp/o/chart.json"
if head -c 1 "$tmp/o/chart.json" | grep -q '{'; then ok "json by extension"; else bad "json by extension"; fi
rm -f "$tmp/o"/*
# With -o FILE and a name that implies no format, the file gets csv even
# when standard output is a terminal: the table is for terminals only.
run "--output without an extension" 0 chart -s "$D/segments.csv" -o "$tmp/o/report"
if cmp -s "$tmp/o/report" "$tmp/segments.out"; then ok "csv"; else bad "not csv"; fi
if command -v python3 >/dev/null 2>&1; then
    # on_tty ARGS...: amsize with standard output on a pseudo-terminal.
    on_tty() {
        python3 -c '
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        b = os.read(fd, 65536)
    except OSError:
        break
    if not b:
        break
    out += b
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
' "$A" "$@" >"$out" 2>"$err"
    }
    name="stdout a terminal, --output report.dat"
    on_tty chart -s "$D/segments.csv" -o "$tmp/o/report.dat"
    if [ $? -eq 0 ] && [ ! -s "$out" ] && cmp -s "$tmp/o/report.dat" "$tmp/segments.out"; then
        ok "$name: the file is csv"
    else
        bad "$name"
        head -n 2 "$tmp/o/report.dat"
    fi
    name="stdout a terminal, no --output"
    on_tty chart -s "$D/segments.csv"
    if [ $? -eq 0 ] && head -n 1 "$out" | grep -q '^Segment  *Accounts  *Book '; then
        ok "$name: a table"
    else
        bad "$name"
    fi
    rm -f "$tmp/o/report" "$tmp/o/report.dat"
else
    echo "skip - python3 missing: terminal output"
fi
run "--output into a missing directory" 73 chart -s "$D/segments.csv" -o "$tmp/missing/chart.csv"
if [ -e "$tmp/missing" ]; then bad "created something"; else ok "nothing created"; fi
run "input error with --output" 65 chart -s "$D/negative.csv" -o "$tmp/o/chart.csv"
if [ -z "$(ls -A "$tmp/o")" ]; then ok "no output file on input error"; else bad "left: $(ls -A "$tmp/o")"; fi
run "--output is a directory" 73 chart -s "$D/segments.csv" -o "$tmp/o"
if [ -z "$(ls -A "$tmp/o")" ] && [ "$(ls -A "$tmp" | grep -c '^\.o\.')" -eq 0 ]; then
    ok "no temporary left"
else
    bad "temporary left behind"
fi
echo old >"$tmp/o/keep.csv"
run "failed run keeps the old file" 65 chart -s "$D/negative.csv" -o "$tmp/o/keep.csv"
if [ "$(cat "$tmp/o/keep.csv")" = old ]; then ok "old file intact"; else bad "old file changed"; fi
if [ -w /dev/full ]; then
    name="write error to /dev/full"
    "$A" chart -s "$D/segments.csv" -f csv >/dev/full 2>"$err"
    if [ $? -eq 74 ]; then ok "$name: exit 74"; else bad "$name: exit"; fi
fi

# Special files cannot be renamed over: they are written in place. (As
# root the rename used to turn /dev/null into a regular file.)
run "--output /dev/null" 0 chart -s "$D/segments.csv" -o /dev/null
if [ -c /dev/null ]; then ok "/dev/null is still a device"; else bad "/dev/null was replaced"; fi
if [ -w /dev/full ]; then
    run "--output /dev/full" 74 chart -s "$D/segments.csv" -o /dev/full
    err_is "amsize: cannot write /dev/full: No space left on device"
    if [ -c /dev/full ]; then ok "/dev/full is still a device"; else bad "/dev/full was replaced"; fi
fi
if command -v mkfifo >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
    mkfifo "$tmp/o/fifo"
    timeout 20 cat "$tmp/o/fifo" >"$tmp/from-fifo" &
    reader=$!
    run "--output FIFO" 0 chart -s "$D/segments.csv" -o "$tmp/o/fifo"
    wait $reader
    if [ -p "$tmp/o/fifo" ] && cmp -s "$tmp/from-fifo" "$tmp/segments.out"; then
        ok "the FIFO stays a FIFO and its reader got the csv"
    else
        bad "FIFO output"
    fi
    timeout 20 cat "$tmp/o/fifo" >"$tmp/from-fifo.xlsx" &
    reader=$!
    run "--output FIFO, xlsx" 0 chart -s "$D/segments.csv" -f xlsx -o "$tmp/o/fifo"
    wait $reader
    if [ -p "$tmp/o/fifo" ] && unzip -tq "$tmp/from-fifo.xlsx" >/dev/null 2>&1; then
        ok "an xlsx through a FIFO is a whole workbook"
    else
        bad "xlsx through a FIFO"
    fi
    rm -f "$tmp/o/fifo"
else
    echo "skip - mkfifo or timeout missing: FIFO output"
fi
run "--output /dev/stdout" 0 chart -s "$D/segments.csv" -o /dev/stdout
if cmp -s "$out" "$tmp/segments.out"; then ok "written to standard output"; else bad "/dev/stdout"; fi
name="--output /dev/stdout appends after >>"
echo previous >"$tmp/appended"
"$A" chart -s "$D/segments.csv" -o /dev/stdout >>"$tmp/appended" 2>"$err"
if [ "$(head -n 1 "$tmp/appended")" = previous ] && tail -n +2 "$tmp/appended" | cmp -s - "$tmp/segments.out"; then
    ok "$name"
else
    bad "$name"
fi
name="--output /dev/stdout into a pipe"
"$A" chart -s "$D/segments.csv" -o /dev/stdout 2>"$err" | cat >"$out"
if cmp -s "$out" "$tmp/segments.out"; then ok "$name"; else bad "$name"; fi

# A symbolic link is followed: the file it names is replaced, the link stays.
rm -rf "$tmp/o" && mkdir -p "$tmp/o/real"
echo old >"$tmp/o/real/chart.csv"
ln -s real/chart.csv "$tmp/o/link.csv"
run "--output through a symlink" 0 chart -s "$D/segments.csv" -o "$tmp/o/link.csv"
if [ -L "$tmp/o/link.csv" ] && cmp -s "$tmp/o/real/chart.csv" "$tmp/segments.out" &&
    [ "$(ls -A "$tmp/o")" = "link.csv
real" ] && [ "$(ls -A "$tmp/o/real")" = chart.csv ]; then
    ok "link kept, its target replaced, no temporary left"
else
    bad "symlink output"
    ls -lA "$tmp/o" "$tmp/o/real"
fi
ln -s real/new.csv "$tmp/o/dangling.csv"
run "--output through a dangling symlink" 0 chart -s "$D/segments.csv" -o "$tmp/o/dangling.csv"
if [ -L "$tmp/o/dangling.csv" ] && cmp -s "$tmp/o/real/new.csv" "$tmp/segments.out"; then
    ok "the file the link names is created"
else
    bad "dangling symlink output"
fi
run "input error, output through a symlink" 65 chart -s "$D/negative.csv" -o "$tmp/o/link.csv"
if [ -L "$tmp/o/link.csv" ] && cmp -s "$tmp/o/real/chart.csv" "$tmp/segments.out" &&
    [ "$(ls -A "$tmp/o/real" | tr '\n' ' ')" = "chart.csv new.csv " ]; then
    ok "link and target untouched, nothing left behind"
else
    bad "symlink after an input error"
fi
ln -s loop-b "$tmp/o/loop-a"
ln -s loop-a "$tmp/o/loop-b"
run "--output into a symlink loop" 73 chart -s "$D/segments.csv" -o "$tmp/o/loop-a"
err_is "amsize: cannot create $tmp/o/loop-a: Too many levels of symbolic links"

finish
