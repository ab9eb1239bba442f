#!/bin/sh
# amsize plan end to end (issue 15): the monthly hiring plan from CSV files,
# its outputs in every format, and every bad input with its exact message,
# exit status and no output. Expected numbers are worked by hand from the
# rules in include/amsize/plan.h (see the comments), not copied from the
# program's output.
#
# The csv writes every number as chart's does (tools/number.c): the fewest
# significant digits, 15 to 17, that read back as the same double. So a
# value that is exact arithmetic on the inputs is compared as its full
# string (11/7 is 1.5714285714285714), and one that goes through
# (1 - attrition)^(1/12), whose last bit a libm may round either way, is
# compared as the README rounds it (rounded).
. "${top_srcdir:-.}/tests/cli/lib.sh"

months_header='segment,month,headcount,leavers,requisitions,starts,rre,capacity,demand,gap,cost'
summary_header='segment,requisitions,starts,leavers,first_month_at_demand,shortfall,plan_cost,end_headcount'

# cell SEGMENT MONTH COLUMN: a cell of the long-form csv in $out.
cell() {
    awk -F, -v s="$1" -v m="$2" -v c="$3" \
        'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next } $1 == s && $2 == m { print $(h[c]) }' "$out"
}

# at SEGMENT MONTH COLUMN VALUE: the cell is exactly VALUE.
at() {
    v=$(cell "$1" "$2" "$3")
    if [ "$v" = "$4" ]; then ok "$1 month $2 $3 = '$4'"; else bad "$1 month $2 $3 = '$v', expected '$4'"; fi
}

# series SEGMENT COLUMN V1 V2 ...: the column over the months, in order.
series() {
    seg=$1 col=$2
    shift 2
    v=$(awk -F, -v s="$seg" -v c="$col" \
        'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next } $1 == s { printf "%s%s", n++ ? " " : "", $(h[c]) }' "$out")
    if [ "$v" = "$*" ]; then ok "$seg $col: $*"; else bad "$seg $col: '$v', expected '$*'"; fi
}

# near_cell SEGMENT MONTH COLUMN VALUE: the cell within 1e-12 relative.
near_cell() {
    v=$(cell "$1" "$2" "$3")
    if awk -v a="$v" -v e="$4" 'BEGIN { d = a - e; if (d < 0) d = -d; exit !(a != "" && d <= 1e-12 * e) }'; then
        ok "$1 month $2 $3 ~ $4"
    else
        bad "$1 month $2 $3 = '$v', expected about $4"
    fi
}

# rounded WHAT GOT DECIMALS VALUE: GOT printed with DECIMALS decimals is VALUE.
rounded() {
    v=$(awk -v x="$2" -v d="$3" 'BEGIN { if (x == "") print "(empty)"; else printf "%.*f\n", d, x }')
    if [ "$v" = "$4" ]; then ok "$1 ~ $4"; else bad "$1 = '$2', expected $4 to $3 decimals"; fi
}

# keep_check NAME: after a failed run, the old outputs keep their bytes
# and no temporary file is left beside them.
keep_check() {
    if [ "$(cat "$tmp/o/plan.csv")" = old ] && [ "$(cat "$tmp/o/summary.csv")" = "old summary" ] &&
        [ "$(ls -A "$tmp/o" | tr '\n' ' ')" = "plan.csv summary.csv " ]; then
        ok "$1: nothing written"
    else
        bad "$1: outputs changed or left behind: $(ls -A "$tmp/o" | tr '\n' ' ')"
    fi
}
mkdir "$tmp/o"
echo old >"$tmp/o/plan.csv"
echo "old summary" >"$tmp/o/summary.csv"

# refused NAME STATUS MESSAGE ARGS...: the plan is refused with exactly
# MESSAGE, and with -o and --summary to existing files both keep their bytes.
refused() {
    rname=$1 rstatus=$2 rmsg=$3
    shift 3
    run "$rname" "$rstatus" plan "$@"
    err_is "$rmsg"
    if [ -s "$out" ]; then bad "$rname: output despite the error"; else ok "$rname: no output"; fi
    "$A" plan "$@" -o "$tmp/o/plan.csv" --summary "$tmp/o/summary.csv" >"$out" 2>"$err"
    if [ $? -eq "$rstatus" ]; then ok "$rname, with -o and --summary: exit $rstatus"; else
        bad "$rname, with -o and --summary: exit"
    fi
    keep_check "$rname"
}

# ---- the README's worked segment ------------------------------------------------
# Enterprise (N 200, B 100M, U 12M, X 8M, C 4M, P 1.5M, K 200K, Lmax 20,
# s 3) charts to headcount H* = 11 and demand D = 16M/1.5M = 32/3. Default
# staffing: attrition 0.15 (q = 1 - 0.85^(1/12) = 0.0134520, k = 1 - q),
# time to fill L = 3, ramp 6 months (R(tau) = (tau+1)/7), nobody on staff.
# Month 1: proj 0, r1 = 11. Month 2: proj = 11k = 10.852, r2 = ceil(0.148)
# = 1. Month 3: proj = 11k^2 + k = 11.693 > 11, r3 = 0; months 4..6 too.
# Starts s_t = r_(t-3): 11 in month 4, 1 in month 5. Month 4: HC 11, RRE
# 11*R(0) = 11/7, capacity 11/7 * 1.5M/12 = 196,428.57, gap 32/3 - 11/7 =
# 191/21 = 9.095238, cost 11 * 200K/12 = 183,333.33. Summary: 12
# requisitions, 12 starts, leavers 11q + q(11k + 1) = 0.307404, RRE never
# reaches 32/3 (no first month at demand), shortfall = (3*32/3 + 191/21 +
# 7.423230 + 5.796490) * 125,000 = 6,789,369.71, plan cost = (11 + 11.852029
# + 11.692596) * 200K/12 = 575,743.74, end headcount 11k^2 + k = 11.692596.
run "README plan, csv" 0 plan --segments "$D/plan-segments.csv" --horizon 6 --format csv \
    --summary "$tmp/summary.csv"
if [ "$(head -n 1 "$out")" = "$months_header" ]; then ok "months header"; else bad "months header: $(head -n 1 "$out")"; fi
if [ "$(wc -l <"$out")" -eq 7 ]; then ok "6 months, no TOTAL row"; else bad "row count $(wc -l <"$out")"; fi
series Enterprise month 1 2 3 4 5 6
series Enterprise requisitions 11 1 0 0 0 0
series Enterprise starts 0 0 0 11 1 0
series Enterprise headcount 0 0 0 11 11.852028582869442 11.692595722389527
series Enterprise demand 10.666666666666666 10.666666666666666 10.666666666666666 10.666666666666666 10.666666666666666 10.666666666666666
at Enterprise 1 gap 10.666666666666666
at Enterprise 1 cost 0
at Enterprise 4 leavers 0
at Enterprise 4 rre 1.5714285714285714
at Enterprise 4 capacity 196428.57142857142
at Enterprise 4 gap 9.095238095238095
at Enterprise 4 cost 183333.33333333334
rounded "Enterprise month 5 leavers" "$(cell Enterprise 5 leavers)" 6 0.147971
rounded "Enterprise month 5 rre" "$(cell Enterprise 5 rre)" 6 3.243437
rounded "Enterprise month 6 rre" "$(cell Enterprise 6 rre)" 6 4.870177
cp "$tmp/summary.csv" "$out"
if [ "$(head -n 1 "$out")" = "$summary_header" ]; then ok "summary header"; else bad "summary header: $(head -n 1 "$out")"; fi
if [ "$(wc -l <"$out")" -eq 3 ]; then ok "summary: a segment and TOTAL"; else bad "summary rows $(wc -l <"$out")"; fi
for row in Enterprise TOTAL; do
    expect $row requisitions 12
    expect $row starts 12
    expect $row first_month_at_demand ""
    rounded "$row leavers" "$(awk -F, -v r=$row '$1 == r { print $4 }' "$out")" 6 0.307404
    rounded "$row shortfall" "$(awk -F, -v r=$row '$1 == r { print $6 }' "$out")" 2 6789369.71
    rounded "$row plan_cost" "$(awk -F, -v r=$row '$1 == r { print $7 }' "$out")" 2 575743.74
    rounded "$row end_headcount" "$(awk -F, -v r=$row '$1 == r { print $8 }' "$out")" 6 11.692596
done
cp "$tmp/summary.csv" "$tmp/readme-summary.csv"

# The default horizon is 12 months; off a terminal the format is csv.
run "default horizon and format" 0 plan -s "$D/plan-segments.csv"
if [ "$(wc -l <"$out")" -eq 13 ] && [ "$(head -n 1 "$out")" = "$months_header" ]; then ok "12 months of csv"; else bad "default horizon"; fi

# ---- L = 0: a requisition starts in the month it opens -----------------------------
# Month 1: r1 = 11 = s1: HC 11, RRE 11/7. Month 2: leavers 11q = 0.147971;
# proj = 11k = 10.852: r2 = 1 = s2. Month 3: proj = 11k^2 + k = 11.693: 0.
run "time_to_fill 0" 0 plan -s "$D/plan-fill0.csv" --horizon 4 -f csv
series Enterprise requisitions 11 1 0 0
series Enterprise starts 11 1 0 0
at Enterprise 1 headcount 11
at Enterprise 1 rre 1.5714285714285714
at Enterprise 1 leavers 0
rounded "month 2 leavers" "$(cell Enterprise 2 leavers)" 6 0.147971
# ... which are the README plan's months 4, 5 three months early.
rounded "month 2 rre" "$(cell Enterprise 2 rre)" 6 3.243437

# ---- attrition 0, and --start rolling into the next year ------------------------------
# q = 0: nobody leaves, so the 11 requisitions of month 1 cover the target:
# r = 11, 0, 0, ...; the 11 start in month 4 and stay 11. RRE = 11(t-3)/7
# until tenure 6 (month 10), when it is 11 >= 32/3: the first month at
# demand is 10. Month 1 is 2026-11: month 3 is 2027-01, month 10 2027-08.
run "attrition 0" 0 plan -s "$D/plan-attrition0.csv" --horizon 12 -f csv --summary "$tmp/s0.csv"
series Enterprise requisitions 11 0 0 0 0 0 0 0 0 0 0 0
series Enterprise starts 0 0 0 11 0 0 0 0 0 0 0 0
series Enterprise leavers 0 0 0 0 0 0 0 0 0 0 0 0
series Enterprise headcount 0 0 0 11 11 11 11 11 11 11 11 11
at Enterprise 6 rre 4.714285714285714
at Enterprise 9 gap 1.2380952380952372
at Enterprise 10 rre 11
at Enterprise 10 gap 0
cp "$tmp/s0.csv" "$out"
expect Enterprise first_month_at_demand 10
expect TOTAL first_month_at_demand 10
expect Enterprise leavers 0
expect Enterprise end_headcount 11
run "attrition 0 from 2026-11" 0 plan -s "$D/plan-attrition0.csv" --horizon 12 --start 2026-11 -f csv --summary "$tmp/s0.csv"
series Enterprise month 2026-11 2026-12 2027-01 2027-02 2027-03 2027-04 2027-05 2027-06 2027-07 2027-08 2027-09 2027-10
at Enterprise 2027-02 starts 11
cp "$tmp/s0.csv" "$out"
expect Enterprise first_month_at_demand 2027-08
expect TOTAL first_month_at_demand 2027-08

# ---- current_ams, a roster with mixed tenures, a ramp curve ------------------------------
# plan-staffed.csv: Enterprise, attrition 0, L 3, ramp 6, current_ams 5;
# Mid-Market (a = 1: NR 11M + 3M - 6M = 8M, FTE 8M/1.2M = 6.67 -> 7; floor
# ceil(1500/200) = 8: H* 8, D 20/3), attrition 0, L 0, ramp 0, current 3.
# Without a roster: Enterprise month 1 HC 5, RRE 5, r1 = 11 - 5 = 6,
# starting in month 4: HC 11, RRE 5 + 6/7. Mid-Market r1 = 8 - 3 = 5 = s1:
# HC 8, RRE 8 (ramp 0: R = 1), at demand from month 1.
run "current_ams" 0 plan -s "$D/plan-staffed.csv" --horizon 4 -f csv --summary "$tmp/s1.csv"
series Enterprise requisitions 6 0 0 0
series Enterprise headcount 5 5 5 11
at Enterprise 1 rre 5
at Enterprise 4 rre 5.857142857142857
series Mid-Market requisitions 5 0 0 0
series Mid-Market starts 5 0 0 0
series Mid-Market rre 8 8 8 8
cp "$tmp/s1.csv" "$out"
expect Mid-Market first_month_at_demand 1
expect Enterprise first_month_at_demand ""
expect TOTAL requisitions 11
# The roster replaces current_ams: A1 fte 1, fully ramped; A2 fte 0.5,
# tenure 2; A3 fte 1 (the default), tenure 0. Month 1: HC 2.5, RRE 1 +
# 0.5*3/7 + 1/7 = 1 + 2.5/7; r1 = ceil(11 - 2.5) = 9, starting in month 4.
# Month 2: RRE 1 + 0.5*4/7 + 2/7 = 1 + 4/7. Month 4: HC 11.5, RRE 1 +
# 0.5*6/7 + 4/7 + 9/7 = 1 + 16/7. Mid-Market has no AM in the roster: it
# starts from nobody (not from its current_ams 3): r1 = 8 = s1.
run "roster" 0 plan -s "$D/plan-staffed.csv" --ams "$D/plan-ams.csv" --horizon 4 -f csv
series Enterprise headcount 2.5 2.5 2.5 11.5
series Enterprise requisitions 9 0 0 0
series Enterprise starts 0 0 0 9
near_cell Enterprise 1 rre 1.357142857142857
near_cell Enterprise 2 rre 1.5714285714285714
near_cell Enterprise 4 rre 3.2857142857142856
series Mid-Market requisitions 8 0 0 0
series Mid-Market headcount 8 8 8 8
# A roster with a header and no AMs: both segments start from nobody,
# whatever their current_ams: Enterprise r1 = 11, Mid-Market r1 = 8 = s1.
run "empty roster" 0 plan -s "$D/plan-staffed.csv" --ams "$D/plan-ams-empty.csv" --horizon 4 -f csv
series Enterprise headcount 0 0 0 11
series Enterprise requisitions 11 0 0 0
series Mid-Market requisitions 8 0 0 0
series Mid-Market headcount 8 8 8 8
# RAMP.csv (rows in any order) gives Enterprise the curve 0.1, 0.3, 0.5,
# then 1, in place of ramp_months; Mid-Market keeps its own (ramp 0).
# Month 1: RRE 1 + 0.5*R(2) + R(0) = 1 + 0.25 + 0.1 = 1.35. Month 2: 1 +
# 0.5*R(3) + R(1) = 1 + 0.5 + 0.3 = 1.8. Month 3: 1 + 0.5 + 0.5 = 2.
# Month 4: 1 + 0.5 + R(3) + 9*R(0) = 2.5 + 0.9 = 3.4.
run "roster and ramp" 0 plan -s "$D/plan-staffed.csv" --ams "$D/plan-ams.csv" --ramp "$D/plan-ramp.csv" --horizon 4 -f csv
near_cell Enterprise 1 rre 1.35
near_cell Enterprise 2 rre 1.8
near_cell Enterprise 3 rre 2
near_cell Enterprise 4 rre 3.4
series Mid-Market rre 8 8 8 8
run "--verbose names the roster and the ramp" 0 plan -v -s "$D/plan-staffed.csv" --ams "$D/plan-ams.csv" --ramp "$D/plan-ramp.csv" -f csv
err_has "plan-ams.csv: 3 AM(s)"
err_has "plan-ramp.csv: 3 month(s) of ramp"
# --accounts supplies the aggregates as for chart: the same plan.
printf 'account_id,segment,arr,upsell,cross_sell,churn\nE1,Enterprise,60000000,7000000,5000000,3000000\nE2,Enterprise,40000000,5000000,3000000,1000000\n' >"$tmp/accounts.csv"
i=3
while [ $i -le 200 ]; do printf 'E%d,Enterprise,0,0,0,0\n' $i; i=$((i + 1)); done >>"$tmp/accounts.csv"
run "--accounts" 0 plan -s "$D/plan-segments.csv" -a "$tmp/accounts.csv" --horizon 6 -f csv --summary "$tmp/s2.csv"
err_is "amsize: warning: $D/plan-segments.csv: ignoring the aggregate column(s) 'accounts', 'book', 'upsell', 'cross_sell', 'churn': --accounts supplies them
amsize: read 200 account row(s) from $tmp/accounts.csv: Enterprise 200"
series Enterprise requisitions 11 1 0 0 0 0
if cmp -s "$tmp/s2.csv" "$tmp/readme-summary.csv"; then ok "accounts give the README summary"; else bad "summary from accounts differs"; fi

# chart and pilot know the staffing columns and ignore them, bad or not.
run "chart ignores staffing columns" 0 chart -s "$D/plan-bad-attrition.csv" -f csv
if [ -s "$err" ]; then bad "chart warned: $(cat "$err")"; else ok "no warning"; fi
expect Enterprise headcount 11

# ---- bad staffing columns (exit 65, nothing written) ----------------------------------
refused "attrition 1" 65 "amsize: $D/plan-bad-attrition.csv:2:11: segment 'Enterprise', column 'attrition', value 1: value is outside its allowed range: 0 or more and below 1: fix this cell" \
    -s "$D/plan-bad-attrition.csv"
refused "attrition negative" 65 "amsize: $D/plan-bad-attrition-negative.csv:2:11: segment 'Enterprise', column 'attrition', value -0.1: value is outside its allowed range: 0 or more and below 1: fix this cell" \
    -s "$D/plan-bad-attrition-negative.csv"
refused "time_to_fill not whole" 65 "amsize: $D/plan-bad-time-to-fill.csv:2:11: column 'time_to_fill': '1.5' must be a whole number from 0 to 2147483647" \
    -s "$D/plan-bad-time-to-fill.csv"
refused "time_to_fill negative" 65 "amsize: $D/plan-bad-time-to-fill-negative.csv:2:11: column 'time_to_fill': '-1' must be a whole number from 0 to 2147483647" \
    -s "$D/plan-bad-time-to-fill-negative.csv"
refused "ramp_months not whole" 65 "amsize: $D/plan-bad-ramp-months.csv:2:11: column 'ramp_months': '2.5' must be a whole number from 0 to 2147483647" \
    -s "$D/plan-bad-ramp-months.csv"
refused "ramp_months negative" 65 "amsize: $D/plan-bad-ramp-months-negative.csv:2:11: column 'ramp_months': '-1' must be a whole number from 0 to 2147483647" \
    -s "$D/plan-bad-ramp-months-negative.csv"
refused "current_ams not whole" 65 "amsize: $D/plan-bad-current-ams.csv:2:11: column 'current_ams': '1.5' must be a whole number from 0 to 9007199254740992" \
    -s "$D/plan-bad-current-ams.csv"
refused "current_ams negative" 65 "amsize: $D/plan-bad-current-ams-negative.csv:2:11: column 'current_ams': '-2' must be a whole number from 0 to 9007199254740992" \
    -s "$D/plan-bad-current-ams-negative.csv"

# ---- bad rosters ----------------------------------------------------------------------
refused "tenure not whole" 65 "amsize: $D/plan-ams-bad-tenure.csv:3:4: column 'tenure_months': '1.5' must be a whole number from 0 to 2147483647" \
    -s "$D/plan-segments.csv" --ams "$D/plan-ams-bad-tenure.csv"
refused "tenure negative" 65 "amsize: $D/plan-ams-negative-tenure.csv:2:4: column 'tenure_months': '-1' must be a whole number from 0 to 2147483647" \
    -s "$D/plan-segments.csv" --ams "$D/plan-ams-negative-tenure.csv"
refused "am_id twice" 65 "amsize: $D/plan-ams-duplicate.csv:4:1: column 'am_id': AM 'A1' appears twice (first on line 2): AM ids must be unique" \
    -s "$D/plan-segments.csv" --ams "$D/plan-ams-duplicate.csv"
refused "roster segment unknown" 65 "amsize: $D/plan-ams-unknown-segment.csv:3:2: column 'segment': segment 'Enterprize' is not in $D/plan-segments.csv: add it there or fix the name (names must match exactly)" \
    -s "$D/plan-segments.csv" --ams "$D/plan-ams-unknown-segment.csv"
refused "fte above 1" 65 "amsize: $D/plan-ams-bad-fte.csv:2:3: column 'fte', value 1.5: value is outside its allowed range: above 0 and at most 1: fix this cell" \
    -s "$D/plan-segments.csv" --ams "$D/plan-ams-bad-fte.csv"

# ---- bad ramp curves --------------------------------------------------------------------
refused "ramp share above 1" 65 "amsize: $D/plan-ramp-share-high.csv:3:3: column 'share', value 1.5: value is outside its allowed range: 0 to 1: fix this cell" \
    -s "$D/plan-segments.csv" --ramp "$D/plan-ramp-share-high.csv"
refused "ramp share negative" 65 "amsize: $D/plan-ramp-share-negative.csv:2:3: column 'share', value -0.1: value is outside its allowed range: 0 to 1: fix this cell" \
    -s "$D/plan-segments.csv" --ramp "$D/plan-ramp-share-negative.csv"
refused "ramp decreasing" 65 "amsize: $D/plan-ramp-decreasing.csv:4:3: segment 'Enterprise', month 2, column 'share', value 0.4: values are out of order: below the 0.5 of month 1 (line 3): a ramp must not decrease: fix this cell" \
    -s "$D/plan-segments.csv" --ramp "$D/plan-ramp-decreasing.csv"
refused "ramp month missing" 65 "amsize: $D/plan-ramp-missing.csv:4:2: column 'month': segment 'Enterprise' has month 3 but not 2: give every month from 0 to the last, with none missing" \
    -s "$D/plan-segments.csv" --ramp "$D/plan-ramp-missing.csv"
refused "ramp without month 0" 65 "amsize: $D/plan-ramp-no-zero.csv:2:2: column 'month': segment 'Enterprise' starts at month 1: start it at month 0, the first month in the role" \
    -s "$D/plan-segments.csv" --ramp "$D/plan-ramp-no-zero.csv"
refused "ramp month repeated" 65 "amsize: $D/plan-ramp-repeated.csv:4:2: column 'month': month 1 of segment 'Enterprise' appears twice (first on line 3): give each month once" \
    -s "$D/plan-segments.csv" --ramp "$D/plan-ramp-repeated.csv"
refused "ramp segment unknown" 65 "amsize: $D/plan-ramp-unknown-segment.csv:3:1: column 'segment': segment 'SMB' is not in $D/plan-segments.csv: add it there or fix the name (names must match exactly)" \
    -s "$D/plan-segments.csv" --ramp "$D/plan-ramp-unknown-segment.csv"

# ---- the command line (exit 64, nothing written) ---------------------------------------
refused "horizon 0" 64 "amsize: --horizon '0': give a whole number of months from 1 to 600" \
    -s "$D/plan-segments.csv" --horizon 0
refused "horizon 601" 64 "amsize: --horizon '601': give a whole number of months from 1 to 600" \
    -s "$D/plan-segments.csv" --horizon 601
refused "start month 13" 64 "amsize: --start '2026-13': give the first month as YYYY-MM (month 01 to 12), e.g. 2026-01" \
    -s "$D/plan-segments.csv" --start 2026-13
refused "start month of one digit" 64 "amsize: --start '2026-1': give the first month as YYYY-MM (month 01 to 12), e.g. 2026-01" \
    -s "$D/plan-segments.csv" --start 2026-1
refused "start too late for the horizon" 64 "amsize: --start '9999-07': the horizon's last month would be past 9999-12: start earlier or plan fewer months" \
    -s "$D/plan-segments.csv" --start 9999-07 --horizon 7
run "start ending at 9999-12" 0 plan -s "$D/plan-segments.csv" --start 9999-07 --horizon 6 -f csv
if tail -n 1 "$out" | grep -q ',9999-12,'; then ok "last month 9999-12"; else bad "last month: $(tail -n 1 "$out")"; fi
run "horizon 600" 0 plan -s "$D/plan-segments.csv" --horizon 600 -f csv
if [ "$(wc -l <"$out")" -eq 601 ]; then ok "600 months"; else bad "horizon 600: $(wc -l <"$out") lines"; fi
run "plan options are the plan's" 64 chart -s "$D/plan-segments.csv" --horizon 6
err_is "amsize: --horizon is for plan only
Try 'amsize --help'."
run "--ams for pilot" 64 pilot -s "$D/plan-segments.csv" -a "$tmp/accounts.csv" --ams "$D/plan-ams.csv"
err_has "--ams is for plan and evaluate only"
run "summary and plan both on stdout" 64 plan -s "$D/plan-segments.csv" --summary -
err_has "--summary - and the plan would both go to standard output"
run "--summary-format without --summary" 64 plan -s "$D/plan-segments.csv" --summary-format json
err_has "--summary-format needs --summary FILE"
run "two inputs on stdin" 64 plan -s - --ramp -
err_has "only one of --segments and --ramp can be '-' (standard input)"
run "--help lists plan" 0 --help
out_has "amsize plan --segments SEGMENTS.csv"
out_has "--horizon H"
# A roster on standard input.
name="roster on stdin"
"$A" plan -s "$D/plan-staffed.csv" --ams - --horizon 4 -f csv <"$D/plan-ams.csv" >"$out" 2>"$err"
if [ $? -eq 0 ]; then ok "$name"; else bad "$name"; fi
series Enterprise starts 0 0 0 9

# ---- formats ----------------------------------------------------------------------------
run "table" 0 plan -s "$D/plan-segments.csv" --horizon 6 -f table
if grep -Eq '^Enterprise +4 +11\.00 +0\.00 +0 +11 +1\.57 +\$196K +10\.67 +9\.10 +\$183K$' "$out"; then
    ok "table: month 4"
else
    bad "table month 4"
    cat "$out"
fi
if grep -Eq '^TOTAL +12 +12 +0\.31 +- +\$6\.8M +\$576K +11\.69$' "$out"; then ok "table: the summary's TOTAL"; else bad "table summary"; fi
run "markdown" 0 plan -s "$D/plan-segments.csv" --horizon 6 -f markdown
if [ "$(grep -c '^| Segment ' "$out")" -eq 2 ] && grep -q '^| TOTAL ' "$out"; then ok "markdown: months and summary"; else bad "markdown"; cat "$out"; fi
run "--summary as markdown by its name" 0 plan -s "$D/plan-segments.csv" --horizon 6 -o "$tmp/o/p.csv" --summary "$tmp/o/s.md"
if head -n 1 "$tmp/o/s.md" | grep -q '^| Segment *| *Reqs |' &&
    [ "$(head -n 1 "$tmp/o/p.csv")" = "$months_header" ]; then
    ok "summary in markdown, plan in csv"
else
    bad "summary markdown"
fi
run "--summary-format json" 0 plan -s "$D/plan-segments.csv" --horizon 6 -o "$tmp/o/p.csv" --summary "$tmp/o/s.txt" --summary-format json
if head -c 1 "$tmp/o/s.txt" | grep -q '{'; then ok "summary in json"; else bad "summary json"; fi
rm -f "$tmp/o/p.csv" "$tmp/o/s.md" "$tmp/o/s.txt"
if command -v python3 >/dev/null 2>&1; then
    run "json" 0 plan -s "$D/plan-staffed.csv" --ams "$D/plan-ams.csv" --ramp "$D/plan-ramp.csv" --horizon 4 --start 2026-11 -f json
    if python3 -c '
import json, sys
d = json.load(sys.stdin)
assert list(d) == ["model", "plan", "months", "summary"], list(d)
assert d["model"]["selling_time"] == [0.4, 0.5, 0.6, 0.7, 0.8]
p = d["plan"]
assert p["horizon"] == 4 and p["start"] == "2026-11", p
e, m = p["segments"]
assert e == {"segment": "Enterprise", "time_to_fill": 3, "ramp_months": 6, "attrition": 0,
             "current_ams": 5, "ramp": [0.1, 0.3, 0.5], "roster_ams": 3}, e
assert m["ramp"] is None and m["roster_ams"] == 0 and m["time_to_fill"] == 0, m
months = d["months"]
assert len(months) == 8 and list(months[0]) == sys.argv[1].split(","), months[0]
assert [r["month"] for r in months[:4]] == ["2026-11", "2026-12", "2027-01", "2027-02"]
assert months[3]["starts"] == 9 and months[3]["headcount"] == 11.5
s = d["summary"]
assert [r["segment"] for r in s] == ["Enterprise", "Mid-Market", "TOTAL"], s
assert list(s[0]) == sys.argv[2].split(",")
assert s[0]["first_month_at_demand"] is None and s[1]["first_month_at_demand"] == "2026-11"
assert s[2]["requisitions"] == 17 and s[2]["starts"] == 17
' "$months_header" "$summary_header" <"$out"; then ok "json: inputs, months and summary with TOTAL"; else bad "json"; fi
else
    echo "skip - python3 missing: json checks"
fi
run "xlsx to a terminal" 64 plan -s "$D/plan-segments.csv" -f xlsx
run "xlsx" 0 plan -s "$D/plan-segments.csv" --horizon 6 -o "$tmp/plan.xlsx" --summary "$tmp/summary.xlsx"
if command -v unzip >/dev/null 2>&1; then
    if unzip -tq "$tmp/plan.xlsx" >/dev/null && unzip -tq "$tmp/summary.xlsx" >/dev/null; then ok "xlsx files are valid zips"; else bad "xlsx zip"; fi
else
    echo "skip - unzip missing: zip checks"
fi
if command -v python3 >/dev/null 2>&1; then
    if xlsx_check "$tmp/plan.xlsx" '
assert list(sheets) == ["Plan", "Summary", "Inputs"], list(sheets)
plan, summ, inputs = sheets["Plan"], sheets["Summary"], sheets["Inputs"]
assert [plan["A%d" % r] for r in range(2, 8)] == ["Enterprise"] * 6
assert [plan["E%d" % r] for r in range(2, 8)] == [11, 1, 0, 0, 0, 0]   # requisitions
assert [plan["F%d" % r] for r in range(2, 8)] == [0, 0, 0, 11, 1, 0]   # starts
assert abs(plan["G5"] - 11 / 7) < 1e-12 and plan["C5"] == 11
# Below a blank row, the months summed over the segments, which the charts use.
assert "A8" not in plan and [plan["A%d" % r] for r in range(9, 15)] == ["TOTAL"] * 6
assert [plan["B%d" % r] for r in range(9, 15)] == [1, 2, 3, 4, 5, 6]
assert plan["F12"] == 11
assert [summ["A2"], summ["A3"]] == ["Enterprise", "TOTAL"] and summ["B2"] == 12 and summ["B3"] == 12
assert summ.get("E2") is None and abs(summ["H3"] - 11.692596) < 1e-6
# Inputs: the segment fields (B..O), then the staffing columns.
assert [inputs[c + "1"] for c in "PQRS"] == ["time_to_fill", "ramp_months", "attrition", "current_ams"]
assert [inputs[c + "2"] for c in "PQRS"] == [3, 6, 0.15, 0]
line, bars = charts
assert "<c:lineChart>" in line and line.count("<c:ser>") == 2, line
assert "Plan!$G$9:$G$14" in line and "Plan!$I$9:$I$14" in line and "Plan!$B$9:$B$14" in line
assert "<c:barChart>" in bars and bars.count("<c:ser>") == 1 and "Plan!$F$9:$F$14" in bars
'; then ok "xlsx: Plan with its charts, Summary, Inputs"; else bad "xlsx contents"; fi
    if xlsx_check "$tmp/summary.xlsx" '
assert list(sheets) == ["Summary", "Inputs"], list(sheets)
assert sheets["Summary"]["A3"] == "TOTAL" and not charts
'; then ok "xlsx summary"; else bad "xlsx summary"; fi
    run "xlsx from 2026-11" 0 plan -s "$D/plan-segments.csv" --horizon 3 --start 2026-11 -o "$tmp/start.xlsx"
    if xlsx_check "$tmp/start.xlsx" '
# Dates, so the charts'"'"' numeric month axis shows them: Excel'"'"'s day
# numbers of 2026-11-01, 2026-12-01 and 2027-01-01 (day 1 is 1900-01-01,
# and Excel counts a 1900-02-29: 2026-11-01 is 46,327), shown as yyyy-mm.
assert [sheets["Plan"]["B%d" % r] for r in (2, 3, 4)] == [46327.0, 46357.0, 46388.0]
assert "formatCode=\"yyyy-mm\"" in z.read("xl/styles.xml").decode()
'; then ok "xlsx month labels"; else bad "xlsx month labels"; fi
else
    echo "skip - python3 missing: xlsx XML checks"
fi

finish
