#!/bin/sh
# amsize evaluate end to end (issue 12): the AMs on the roster against the
# chart, from CSV files. The worked example of issue 12 (the README's)
# asserted number by number in both tables, with and without support
# coverage; every AM flag; --below-plan and --by; the findings; every
# output format; and every bad input with its exact message, exit status
# and no output. Expected numbers are worked by hand from the rules in
# include/amsize/evaluate.h (see the comments), not copied from the
# program's output.
. "${top_srcdir:-.}/tests/cli/lib.sh"

seg_header='segment,ams,fte,headcount,fte_gap,accounts_covered,accounts_uncovered,book_covered,book_uncovered,nr_pct_covered,nr_pct_uncovered,delta,lift,incremental,accretive,net_ratio_covered,net_ratio_uncovered,net_per_fte,observed_productivity,attainment_median,share_at_plan,load_min,load_median,load_max,overloaded,underloaded,below_plan,resized_headcount,resized_binding'
csm_header='csm_accounts_covered,csm_accounts_uncovered,csm_book_covered,csm_book_uncovered,csm_nr_pct_covered,csm_nr_pct_uncovered,csm_delta,csm_lift,csm_incremental,csm_accretive'
am_header='am_id,segment,fte,accounts,weighted_accounts,book,upsell,cross_sell,churn,net_ratio,target,attainment,load,min_load,max_load,flags'

S="$D/evaluate-segments.csv"
ACC="$D/evaluate-accounts.csv"
AMS="$D/evaluate-ams.csv"

header_is() {
    if [ "$(head -n 1 "$out")" = "$1" ]; then ok "$name: header"; else
        bad "$name: header is $(head -n 1 "$out")"
    fi
}

lines_are() {
    if [ "$(wc -l <"$out")" -eq "$1" ]; then ok "$name: $1 lines"; else
        bad "$name: $(wc -l <"$out") lines, expected $1"
    fi
}

# ---- the worked example (issue 12, README) -------------------------------------------
# SEGMENTS.csv: Mid-Market, P 1M, K 150K, Lmax 4, s 3 (T[s]/T[3] = 1), a 1.
# The chart from all 5 accounts: N = W = 5, B 5M, U 570K, X 200K, C 180K,
# NR 590K (11.8%, medium); FTE 0.59 -> demand 1; g = 118K, Lmin =
# ceil(150K/118K) = 2; floor ceil(5/4) = 2, ceiling floor(5/2) = 2:
# headcount 2 (service_floor). Lmin 2, Lmax 4.
# A1 (fte 1, no target): M1 + M2: N 2, W 2, B 1.5M, U 250K, X 100K, C 100K,
#   NR 250K; target 1 x 1M = 1M; attainment 0.25; load 2/1 = 2 (not < 2,
#   not > 4): BELOW_PLAN.
# A2 (fte 0.5, target 300K): M3: N 1, B 2M, U 300K, X 100K, C 0, NR 400K;
#   attainment 4/3; load 1/0.5 = 2: no flag.
# A3 (fte 1, no target): no account: NR 0, target 1M, attainment 0, load 0
#   < 2: UNDERLOADED|BELOW_PLAN|NO_ACCOUNTS.
run "worked example, AMs" 0 evaluate -s "$S" -a "$ACC" --ams "$AMS" -f csv --by am
header_is "$am_header"
lines_are 4
expect A1 segment Mid-Market
expect A1 fte 1
expect A1 accounts 2
expect A1 weighted_accounts 2
expect A1 book 1500000
expect A1 upsell 250000
expect A1 cross_sell 100000
expect A1 churn 100000
expect A1 net_ratio 250000
expect A1 target 1000000
expect A1 attainment 0.25
expect A1 load 2
expect A1 min_load 2
expect A1 max_load 4
expect A1 flags BELOW_PLAN
expect A2 fte 0.5
expect A2 accounts 1
expect A2 weighted_accounts 1
expect A2 book 2000000
expect A2 upsell 300000
expect A2 cross_sell 100000
expect A2 churn 0
expect A2 net_ratio 400000
expect A2 target 300000
expect A2 attainment 1.3333333333333333
expect A2 load 2
expect A2 flags ""
expect A3 accounts 0
expect A3 weighted_accounts 0
expect A3 book 0
expect A3 net_ratio 0
expect A3 target 1000000
expect A3 attainment 0
expect A3 load 0
expect A3 min_load 2
expect A3 flags "UNDERLOADED|BELOW_PLAN|NO_ACCOUNTS"

# The segment: ams 3, fte 2.5, headcount 2, fte_gap 0.5. Covered (am_id
# set): M1-M3, 3 accounts, book 3.5M, NR 650K, NR% 13/70 = 0.185714...;
# uncovered: M4, M5, book 1.5M, NR 20K - 80K = -60K, NR% -0.04. delta =
# 13/70 + 0.04 = 0.225714...; lift undefined (NR%_u <= 0); incremental =
# delta x 3.5M = 790K; accretive. net_per_fte = 650K/2.5 = 260K =
# observed_productivity (x T[3]/T[s] = 1). Attainments 0.25, 4/3, 0:
# median 0.25, share at plan 1/3. Loads 2, 2, 0: min 0, median 2, max 2;
# overloaded 0, underloaded 1, below_plan 2. Resized with P = 260K: FTE
# 590K/260K = 2.27 -> demand 3; floor 2, ceiling 2: max(2, min(3, 2)) = 2,
# cost_ceiling. Support (csm_covered 1: M1, M3, M4): NR 300K + 400K - 30K
# = 670K on 4M = 0.1675; without (M2, M5): -50K - 30K = -80K on 1M = -0.08;
# csm_delta 0.2475, lift undefined, incremental 0.2475 x 4M = 990K,
# accretive.
run "worked example, segments" 0 evaluate -s "$S" -a "$ACC" --ams "$AMS" -f csv
header_is "$seg_header,$csm_header"
lines_are 2
expect Mid-Market ams 3
expect Mid-Market fte 2.5
expect Mid-Market headcount 2
expect Mid-Market fte_gap 0.5
expect Mid-Market accounts_covered 3
expect Mid-Market accounts_uncovered 2
expect Mid-Market book_covered 3500000
expect Mid-Market book_uncovered 1500000
near Mid-Market nr_pct_covered 0.18571428571428572
near Mid-Market nr_pct_uncovered -0.04
near Mid-Market delta 0.22571428571428573
expect Mid-Market lift ""
near Mid-Market incremental 790000
expect Mid-Market accretive 1
expect Mid-Market net_ratio_covered 650000
expect Mid-Market net_ratio_uncovered -60000
expect Mid-Market net_per_fte 260000
expect Mid-Market observed_productivity 260000
expect Mid-Market attainment_median 0.25
expect Mid-Market share_at_plan 0.3333333333333333
expect Mid-Market load_min 0
expect Mid-Market load_median 2
expect Mid-Market load_max 2
expect Mid-Market overloaded 0
expect Mid-Market underloaded 1
expect Mid-Market below_plan 2
expect Mid-Market resized_headcount 2
expect Mid-Market resized_binding cost_ceiling
expect Mid-Market csm_accounts_covered 3
expect Mid-Market csm_accounts_uncovered 2
expect Mid-Market csm_book_covered 4000000
expect Mid-Market csm_book_uncovered 1000000
near Mid-Market csm_nr_pct_covered 0.1675
near Mid-Market csm_nr_pct_uncovered -0.08
near Mid-Market csm_delta 0.2475
expect Mid-Market csm_lift ""
near Mid-Market csm_incremental 990000
expect Mid-Market csm_accretive 1
cp "$out" "$tmp/example-segments.csv"
run "the segment table is the default" 0 evaluate -s "$S" -a "$ACC" --ams "$AMS" -f csv --by segment
if cmp -s "$out" "$tmp/example-segments.csv"; then ok "--by segment is the default"; else bad "--by segment differs"; fi
err_is "amsize: read 5 account row(s) from $ACC: Mid-Market 5"

# Without csm_covered (and with an am_covered column that agrees with
# am_id, in other spellings and empty): the same numbers, no csm_ columns.
run "without csm_covered, segments" 0 evaluate -s "$S" -a "$D/evaluate-accounts-no-csm.csv" --ams "$AMS" -f csv -q
header_is "$seg_header"
if [ "$(tail -n 1 "$out")" = "$(tail -n 1 "$tmp/example-segments.csv" | cut -d, -f1-29)" ]; then
    ok "the same segment row without the csm_ columns"
else
    bad "segment row without csm: $(tail -n 1 "$out")"
fi
run "without csm_covered, AMs" 0 evaluate -s "$S" -a "$D/evaluate-accounts-no-csm.csv" --ams "$AMS" -f csv --by am -q
header_is "$am_header"
expect A1 net_ratio 250000
expect A2 attainment 1.3333333333333333
expect A3 flags "UNDERLOADED|BELOW_PLAN|NO_ACCOUNTS"

# ---- every flag -------------------------------------------------------------------
# evaluate-flags-*.csv: three segments (P 1M, K 150K, Lmax 4, s 3, a 1).
# Growth: G1-G3 (1M book, 100K upsell each) with B1, G4 (1M, churn 50K) with
#   B2: NR 250K on 4M; g = 62.5K, Lmin = ceil(2.4) = 3; floor 1, ceiling
#   floor(4/3) = 1, demand ceil(0.25) = 1: headcount 1.
#   B1 (fte 0.5): NR 300K, target 0.5 x 1M = 500K, attainment 0.6, load
#   3/0.5 = 6 > 4: OVERLOADED|BELOW_PLAN.
#   B2 (target 0): NR -50K, attainment undefined (no BELOW_PLAN), load 1 <
#   3: UNDERLOADED|NEGATIVE_NET.
#   B3 (target 0, no account): UNDERLOADED|NO_ACCOUNTS (no BELOW_PLAN).
# Shrink: S1 (1M, churn 100K) with C1: NR -100K, so Lmin is undefined (no
#   UNDERLOADED); floor 1, ceiling 0: headcount 1.
#   C1 (fte empty: 1): NR -100K, target 1M, attainment -0.1, load 1:
#   BELOW_PLAN|NEGATIVE_NET. C2: no account, attainment 0:
#   BELOW_PLAN|NO_ACCOUNTS.
# Idle: I1 (1M, upsell 10K), no AM on the roster: headcount 1.
# The roster also has tenure_months, the plan's: evaluate ignores it.
FS="$D/evaluate-flags-segments.csv"
FA="$D/evaluate-flags-accounts.csv"
FM="$D/evaluate-flags-ams.csv"
run "flags, AMs" 0 evaluate -s "$FS" -a "$FA" --ams "$FM" -f csv --by am -q
lines_are 6
expect B1 target 500000
expect B1 attainment 0.6
expect B1 load 6
expect B1 min_load 3
expect B1 flags "OVERLOADED|BELOW_PLAN"
expect B2 net_ratio -50000
expect B2 target 0
expect B2 attainment ""
expect B2 load 1
expect B2 flags "UNDERLOADED|NEGATIVE_NET"
expect B3 attainment ""
expect B3 flags "UNDERLOADED|NO_ACCOUNTS"
expect C1 fte 1
expect C1 attainment -0.1
expect C1 min_load ""
expect C1 flags "BELOW_PLAN|NEGATIVE_NET"
expect C2 attainment 0
expect C2 flags "BELOW_PLAN|NO_ACCOUNTS"
# Growth: every account has an AM: no uncovered part, no comparison.
# Covered NR 250K over fte 2.5: 100K per FTE; resized at P = 100K: FTE 2.5
# -> demand 3, floor 1, ceiling 1: headcount 1, cost_ceiling. Only B1 has
# a defined attainment: median 0.6, share at plan 0. Loads 6, 1, 0.
# Shrink: observed productivity -100K/2 = -50K <= 0: no resized row.
# Attainments -0.1, 0: median -0.05. Loads 1, 0: median 0.5.
# Idle: no AM: fte 0, fte_gap -1, every AM statistic undefined, counts 0.
run "flags, segments" 0 evaluate -s "$FS" -a "$FA" --ams "$FM" -f csv -q
header_is "$seg_header"
lines_are 4
expect Growth ams 3
expect Growth fte_gap 1.5
expect Growth accounts_uncovered 0
expect Growth nr_pct_uncovered ""
expect Growth delta ""
expect Growth accretive ""
expect Growth observed_productivity 100000
expect Growth attainment_median 0.6
expect Growth share_at_plan 0
expect Growth load_min 0
expect Growth load_median 1
expect Growth load_max 6
expect Growth overloaded 1
expect Growth underloaded 2
expect Growth below_plan 1
expect Growth resized_headcount 1
expect Growth resized_binding cost_ceiling
expect Shrink observed_productivity -50000
expect Shrink attainment_median -0.05
expect Shrink load_median 0.5
expect Shrink underloaded 0
expect Shrink below_plan 2
expect Shrink resized_headcount ""
expect Shrink resized_binding ""
expect Idle ams 0
expect Idle fte 0
expect Idle headcount 1
expect Idle fte_gap -1
expect Idle accounts_covered 0
expect Idle accounts_uncovered 1
expect Idle net_per_fte ""
expect Idle observed_productivity ""
expect Idle attainment_median ""
expect Idle share_at_plan ""
expect Idle load_min ""
expect Idle load_median ""
expect Idle overloaded 0
expect Idle below_plan 0
expect Idle resized_headcount ""

# --below-plan: strictly under. At 0.6, B1's 0.6 is not below.
run "--below-plan 0.6" 0 evaluate -s "$FS" -a "$FA" --ams "$FM" -f csv --by am -q --below-plan 0.6
expect B1 flags OVERLOADED
expect C1 flags "BELOW_PLAN|NEGATIVE_NET"
expect C2 flags "BELOW_PLAN|NO_ACCOUNTS"
# At -0.1 neither C1 (-0.1) nor C2 (0) is below.
run "--below-plan -0.1" 0 evaluate -s "$FS" -a "$FA" --ams "$FM" -f csv --by am -q --below-plan -0.1
expect C1 flags NEGATIVE_NET
expect C2 flags NO_ACCOUNTS
run "--below-plan -0.1, segments" 0 evaluate -s "$FS" -a "$FA" --ams "$FM" -f csv -q --below-plan -1e-1
expect Shrink below_plan 0
expect Growth below_plan 0
# Above 4/3, A2 is below plan too.
run "--below-plan 1.5" 0 evaluate -s "$S" -a "$ACC" --ams "$AMS" -f csv --by am -q --below-plan 1.5
expect A2 flags BELOW_PLAN

# ---- the findings ----------------------------------------------------------------
run "table" 0 evaluate -s "$S" -a "$ACC" --ams "$AMS" -f table -q
cat >"$tmp/findings" <<'EOF'
Findings

Mid-Market: net growth within existing accounts was $590K on a $5.0M book (11.8%, rated medium); accounts with an AM grew 18.6% of their book against -4.0% for those without (delta +22.6 points, $790K incremental: accretive).
Mid-Market: 1 of 3 AMs with a target met it (median attainment 25.0%); 2 are below 90% of plan.
Mid-Market: 1 of 3 AMs carries fewer than 2 weighted accounts (the cost floor); 0 carry more than 4 (the service ceiling); weighted accounts per FTE run from 0 to 2, median 2.
Mid-Market: net growth on accounts with an AM of $650K over 2.5 FTE is $260K per FTE, an observed productivity of $260K against $1.0M planned; re-sized at it the chart needs 2 AMs (binding cost_ceiling) against 2 as planned; the roster has 2.5 FTE (+0.5 against the chart's headcount).
Mid-Market: accounts with support coverage grew 16.8% of their book against -8.0% for those without (delta +24.8 points, $990K incremental: accretive): support roles are adding value.
EOF
# From the heading to the blank line before the AM table.
findings_of() {
    sed -n '/^Findings$/,/^AM /p' "$out" | sed '$d' | sed '$d'
}
if findings_of | cmp -s - "$tmp/findings"; then
    ok "table: the findings answer the four questions"
else
    bad "table findings"
    findings_of | diff "$tmp/findings" - | sed 's/^/    | /'
fi
# The segment table first, then the findings, then the AM table.
if [ "$(grep -n -e '^Segment ' -e '^Findings$' -e '^AM ' "$out" | cut -d: -f2 | cut -c1-8 | tr '\n' ,)" = "Segment ,Findings,AM  Segm," ]; then
    ok "table: segments, findings, AMs"
else
    bad "table order"
    cat "$out"
fi
if grep -Eq '^Mid-Market +3 +2\.50 +2 +0\.50 +18\.6% +-4\.0% +22\.6% +\$790K +\$260K +25\.0% +33\.3% +2 +0 +1 +2 +2 +cost_ceiling +24\.8% +\$990K$' "$out"; then
    ok "table: the segment row"
else
    bad "table: segment row"
fi
if grep -Eq '^A3 +Mid-Market +1\.00 +0 +0 +\$0 +\$0 +\$1\.0M +0\.0% +0 +UNDERLOADED BELOW_PLAN NO_ACCOUNTS$' "$out"; then
    ok "table: A3's row"
else
    bad "table: A3's row"
fi
run "table without support coverage" 0 evaluate -s "$S" -a "$D/evaluate-accounts-no-csm.csv" --ams "$AMS" -f table -q
if [ "$(grep -c 'support' "$out")" -eq 1 ] && grep -q 'support roles were not assessed' "$out"; then
    ok "without csm_covered, one support finding: not assessed"
else
    bad "support findings without csm_covered"
fi
run "flags: findings" 0 evaluate -s "$FS" -a "$FA" --ams "$FM" -f table -q
out_has "Growth: 2 of 3 AMs carry fewer than 3 weighted accounts (the cost floor); 1 carries more than 4 (the service ceiling); weighted accounts per FTE run from 0 to 6, median 1."
out_has "Growth: net growth within existing accounts was \$250K on a \$4.0M book (6.2%, rated medium); every account had an AM, so there is nothing to compare."
out_has "Shrink: there is no cost floor (the accounts' growth does not pay for an AM); 0 of 2 AMs carry more than 4 (the service ceiling)"
out_has "Shrink: 0 of 2 AMs with a target met it (median attainment -5.0%); 2 are below 90% of plan."
out_has "the chart cannot be re-sized at a productivity of 0 or less"
out_has "Idle: no AM on the roster, so no objectives to meet."
out_has "Idle: no AM on the roster, so no observed productivity; the chart asks for 1 AM."
run "markdown" 0 evaluate -s "$S" -a "$ACC" --ams "$AMS" -f markdown -q
if [ "$(grep -c '^| ' "$out")" -eq 8 ] && grep -q '^## Findings$' "$out" &&
    grep -q '^- Mid-Market: 1 of 3 AMs carries fewer than 2 weighted accounts (the cost floor); ' "$out"; then
    ok "markdown: two tables and the findings as a list"
else
    bad "markdown"
    cat "$out"
fi

# --by am: the AMs' table alone in csv, table and markdown.
run "--by am, table" 0 evaluate -s "$S" -a "$ACC" --ams "$AMS" -f table --by am -q
if head -n 1 "$out" | grep -q '^AM ' && ! grep -q -e Findings -e '^Segment ' "$out" && [ "$(wc -l <"$out")" -eq 5 ]; then
    ok "--by am: the AM table alone"
else
    bad "--by am table"
    cat "$out"
fi
run "--by am, markdown" 0 evaluate -s "$S" -a "$ACC" --ams "$AMS" -f markdown --by am -q
if [ "$(grep -c '^| ' "$out")" -eq 5 ] && ! grep -q Findings "$out"; then ok "--by am: markdown"; else bad "--by am markdown"; fi

# ---- json and xlsx: both tables -----------------------------------------------------
if command -v python3 >/dev/null 2>&1; then
    for by in segment am; do
        run "json, --by $by" 0 evaluate -s "$S" -a "$ACC" --ams "$AMS" -f json --by $by -q
        if python3 -c '
import json, sys
d = json.load(sys.stdin)
assert list(d) == ["model", "evaluation", "segments", "ams", "findings"], list(d)
assert d["evaluation"] == {"below_plan": 0.9, "csm_covered": True}, d["evaluation"]
s, = d["segments"]
assert list(s) == sys.argv[1].split(","), list(s)
assert s["segment"] == "Mid-Market" and s["ams"] == 3 and s["fte"] == 2.5
assert s["lift"] is None and s["accretive"] is True and s["resized_binding"] == "cost_ceiling"
assert s["csm_incremental"] == 990000 and s["csm_accretive"] is True
ams = d["ams"]
assert [a["am_id"] for a in ams] == ["A1", "A2", "A3"] and list(ams[0]) == sys.argv[2].split(",")
assert ams[0]["flags"] == ["BELOW_PLAN"] and ams[1]["flags"] == []
assert ams[2]["flags"] == ["UNDERLOADED", "BELOW_PLAN", "NO_ACCOUNTS"]
assert ams[1]["attainment"] == 4 / 3 and ams[2]["target"] == 1000000
f = d["findings"]
assert [x["topic"] for x in f] == ["net_growth", "objectives", "load", "productivity", "support"], f
assert all(x["segment"] == "Mid-Market" and x["text"].startswith("Mid-Market: ") for x in f)
assert "1 of 3 AMs carries fewer than 2 weighted accounts (the cost floor)" in f[2]["text"]
' "$seg_header,$csm_header" "$am_header" <"$out"; then ok "json --by $by: both tables and the findings"; else bad "json --by $by"; fi
    done
    run "json without csm_covered" 0 evaluate -s "$FS" -a "$FA" --ams "$FM" -f json -q
    if python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["evaluation"]["csm_covered"] is False
assert "csm_delta" not in d["segments"][0]
assert [a["flags"] for a in d["ams"]] == [["OVERLOADED", "BELOW_PLAN"], ["UNDERLOADED", "NEGATIVE_NET"],
    ["UNDERLOADED", "NO_ACCOUNTS"], ["BELOW_PLAN", "NEGATIVE_NET"], ["BELOW_PLAN", "NO_ACCOUNTS"]]
assert [x["text"].split(": ", 1)[1] for x in d["findings"] if x["topic"] == "support"] == \
    ["support roles were not assessed: add a csm_covered column (0/1) to ACCOUNTS.csv to " \
     "compare accounts with and without support coverage."] * len(d["segments"])
assert d["segments"][2]["observed_productivity"] is None
' <"$out"; then ok "json: flags, no csm"; else bad "json flags"; fi
else
    echo "skip - python3 missing: json checks"
fi
run "xlsx to a terminal" 64 evaluate -s "$S" -a "$ACC" --ams "$AMS" -f xlsx
run "xlsx" 0 evaluate -s "$S" -a "$ACC" --ams "$AMS" -o "$tmp/eval.xlsx" --by am -q
if [ -s "$out" ]; then bad "xlsx: stdout not empty"; else ok "xlsx: nothing on stdout"; fi
if command -v python3 >/dev/null 2>&1; then
    if xlsx_check "$tmp/eval.xlsx" '
assert list(sheets) == ["Segments", "AMs", "Resized chart"], list(sheets)
seg, ams, rs = sheets["Segments"], sheets["AMs"], sheets["Resized chart"]
assert [seg[c + "1"] for c in ("A", "B", "C", "D")] == ["segment", "ams", "fte", "headcount"]
assert seg["A2"] == "Mid-Market" and seg["B2"] == 3 and seg["C2"] == 2.5 and seg["AC2"] == "cost_ceiling"
assert seg["AM1"] == "csm_accretive" and seg["AM2"] == 1
assert [ams["A%d" % r] for r in (2, 3, 4)] == ["A1", "A2", "A3"]
assert ams["P1"] == "flags" and ams["P4"] == "UNDERLOADED|BELOW_PLAN|NO_ACCOUNTS" and ams.get("P3") is None
assert [ams["M%d" % r] for r in (2, 3, 4)] == [2, 2, 0]   # load
# Only the AMs sheet (sheet 2) has a drawing: the chart of load against the band.
assert rels == ["xl/worksheets/_rels/sheet2.xml.rels"], rels
chart, = charts
assert "<c:lineChart>" in chart and chart.count("<c:ser>") == 3, chart
assert "AMs!$M$2:$M$4" in chart and "AMs!$N$2:$N$4" in chart and "AMs!$O$2:$O$4" in chart
assert "AMs!$A$2:$A$4" in chart
assert rs["A1"] == "segment" and rs["A2"] == "Mid-Market"
head = [rs[c + "1"] for c in "ABCDEFGHIJKLMNOPQ"]
row = dict(zip(head, [rs.get(c + "2") for c in "ABCDEFGHIJKLMNOPQ"]))
assert row["am_productivity"] == 1000000 and row["observed_productivity"] == 260000
assert row["headcount"] == 2 and row["resized_headcount"] == 2
assert row["binding"] == "service_floor" and row["resized_binding"] == "cost_ceiling"
assert row["hc_demand"] == 1 and row["resized_hc_demand"] == 3
'; then ok "xlsx: Segments, AMs with its chart, Resized chart"; else bad "xlsx contents"; fi
    run "xlsx, no resized row" 0 evaluate -s "$FS" -a "$FA" --ams "$FM" -o "$tmp/flags.xlsx" -q
    if xlsx_check "$tmp/flags.xlsx" '
rs = sheets["Resized chart"]
assert rs["A3"] == "Shrink" and rs.get("E3") is None and rs.get("M3") is None, rs
assert rs["A4"] == "Idle" and rs.get("C4") is None
'; then ok "xlsx: undefined resized rows are empty"; else bad "xlsx resized"; fi
else
    echo "skip - python3 missing: xlsx XML checks"
fi

# ---- the other commands know the new columns and ignore them ------------------------
run "chart ignores am_id and csm_covered" 0 chart -s "$S" -a "$ACC" -f csv -q
if [ -s "$err" ]; then bad "chart warned: $(cat "$err")"; else ok "chart: no warning"; fi
expect Mid-Market net_ratio 590000
expect Mid-Market min_load 2
expect Mid-Market headcount 2
expect Mid-Market binding service_floor
run "chart ignores bad am_id cells" 0 chart -s "$S" -a "$D/evaluate-bad-unknown-am.csv" -f csv -q
run "pilot ignores am_id" 0 pilot -s "$S" -a "$D/evaluate-accounts-no-csm.csv" -f csv -q
near Mid-Market delta 0.22571428571428573
printf 'segment,am_productivity,am_cost,max_load,accounts,book,upsell,cross_sell,churn\nMid-Market,1000000,150000,4,5,5000000,570000,200000,180000\n' >"$tmp/plan-segments.csv"
run "plan takes a roster with targets" 0 plan -s "$tmp/plan-segments.csv" --ams "$AMS" --horizon 2 -f csv -q
lines_are 3
run "plan: the roster's segments must exist" 65 plan -s "$tmp/plan-segments.csv" --ams "$FM" --horizon 2 -f csv
run "plan: a roster's target is checked" 65 plan -s "$S" -a "$ACC" --ams "$D/evaluate-ams-negative-target.csv" -f csv -q
err_is "amsize: $D/evaluate-ams-negative-target.csv:2:4: column 'target', value -1: value is negative: it must be >= 0: fix this cell"

# ---- bad input (exit 65, nothing written) -------------------------------------------
mkdir "$tmp/o"
# refused NAME STATUS MESSAGE ARGS...: evaluate is refused with exactly
# MESSAGE and no output; with -o to an existing file, the file keeps its
# bytes and no temporary file is left beside it.
refused() {
    rname=$1 rstatus=$2 rmsg=$3
    shift 3
    run "$rname" "$rstatus" evaluate "$@"
    err_is "$rmsg"
    if [ -s "$out" ]; then bad "$rname: output despite the error"; else ok "$rname: no output"; fi
    echo old >"$tmp/o/eval.csv"
    "$A" evaluate "$@" -o "$tmp/o/eval.csv" >"$out" 2>"$err"
    if [ $? -eq "$rstatus" ]; then ok "$rname, with -o: exit $rstatus"; else bad "$rname, with -o: exit"; fi
    if [ "$(cat "$tmp/o/eval.csv")" = old ] && [ "$(ls -A "$tmp/o")" = eval.csv ]; then
        ok "$rname: nothing written"
    else
        bad "$rname: output changed or left behind: $(ls -A "$tmp/o" | tr '\n' ' ')"
    fi
}
refused "am_id not in the roster" 65 "amsize: $D/evaluate-bad-unknown-am.csv:3:7: column 'am_id': AM 'A7' is not in $AMS: add the AM there or fix the id (ids must match exactly)" \
    -s "$S" -a "$D/evaluate-bad-unknown-am.csv" --ams "$AMS"
refused "am_id given twice" 65 "amsize: $D/evaluate-ams-duplicate.csv:4:1: column 'am_id': AM 'A1' appears twice (first on line 2): AM ids must be unique" \
    -s "$S" -a "$ACC" --ams "$D/evaluate-ams-duplicate.csv"
refused "roster segment not in SEGMENTS.csv" 65 "amsize: $D/evaluate-ams-unknown-segment.csv:3:2: column 'segment': segment 'Mid Market' is not in $S: add it there or fix the name (names must match exactly)" \
    -s "$S" -a "$ACC" --ams "$D/evaluate-ams-unknown-segment.csv"
refused "account in another segment than its AM" 65 "amsize: $D/evaluate-bad-segment.csv:3:2: column 'segment': the account is in segment 'Shrink' but its AM 'B2' is in segment 'Growth' ($FM line 3): an AM covers accounts of its own segment; fix one of them" \
    -s "$FS" -a "$D/evaluate-bad-segment.csv" --ams "$FM"
refused "fte 0" 65 "amsize: $D/evaluate-ams-fte-zero.csv:2:3: column 'fte', value 0: value is outside its allowed range: above 0 and at most 1: fix this cell" \
    -s "$S" -a "$ACC" --ams "$D/evaluate-ams-fte-zero.csv"
refused "fte above 1" 65 "amsize: $D/evaluate-ams-fte-high.csv:3:3: column 'fte', value 1.5: value is outside its allowed range: above 0 and at most 1: fix this cell" \
    -s "$S" -a "$ACC" --ams "$D/evaluate-ams-fte-high.csv"
refused "negative target" 65 "amsize: $D/evaluate-ams-negative-target.csv:2:4: column 'target', value -1: value is negative: it must be >= 0: fix this cell" \
    -s "$S" -a "$ACC" --ams "$D/evaluate-ams-negative-target.csv"
refused "am_covered 0 with an am_id" 65 "amsize: $D/evaluate-bad-covered.csv:3:8: column 'am_covered': '0' says not AM-covered, but am_id is 'A1': make am_covered 1 or empty the am_id" \
    -s "$S" -a "$D/evaluate-bad-covered.csv" --ams "$AMS"
refused "am_covered yes without an am_id" 65 "amsize: $D/evaluate-bad-uncovered.csv:3:8: column 'am_covered': 'yes' says AM-covered, but am_id is empty: give the AM's am_id or make am_covered 0" \
    -s "$S" -a "$D/evaluate-bad-uncovered.csv" --ams "$AMS"
refused "no am_id column" 65 "amsize: $D/evaluate-bad-no-am-id.csv:1: missing required column(s) 'am_id': add them to the header line (the evaluation sums each AM's accounts: give each account the am_id of the AM who covered it, empty for none)" \
    -s "$S" -a "$D/evaluate-bad-no-am-id.csv" --ams "$AMS"
refused "csm_covered not 0/1" 65 "amsize: $D/evaluate-bad-csm.csv:2:8: column 'csm_covered': '2' is not a yes/no value: write 1, 0, true, false, yes, no, or leave it empty for 0" \
    -s "$S" -a "$D/evaluate-bad-csm.csv" --ams "$AMS"
# A target so small that the attainment leaves the doubles: the library's
# overflow, named at the cell.
refused "attainment too large" 65 "amsize: $D/evaluate-ams-tiny-target.csv:2:4: AM 'A1', column 'target', value 1e-305: the computed attainment: result is too large to represent exactly: fix this cell" \
    -s "$S" -a "$ACC" --ams "$D/evaluate-ams-tiny-target.csv" -q

# ---- the command line (exit 64, nothing written) ------------------------------------
for v in inf nan 1e400 abc 0.9x ""; do
    refused "--below-plan '$v'" 64 "amsize: --below-plan '$v': give a finite plain number, the attainment under which an AM is below plan (e.g. 0.9 for 90%)" \
        -s "$S" -a "$ACC" --ams "$AMS" --below-plan "$v"
done
refused "--by other" 64 "amsize: --by 'segments': use segment or am
Try 'amsize --help'." -s "$S" -a "$ACC" --ams "$AMS" --by segments
refused "no roster" 64 "amsize: evaluate needs --ams FILE (the roster of AMs)
Try 'amsize --help'." -s "$S" -a "$ACC"
refused "no accounts" 64 "amsize: evaluate needs --accounts FILE (the accounts of the period, each with its am_id)
Try 'amsize --help'." -s "$S" --ams "$AMS"
refused "--ramp" 64 "amsize: --ramp is for plan only
Try 'amsize --help'." -s "$S" -a "$ACC" --ams "$AMS" --ramp "$D/plan-ramp.csv"
run "--by for chart" 64 chart -s "$S" --by am
err_is "amsize: --by is for evaluate only
Try 'amsize --help'."
run "--below-plan for plan" 64 plan -s "$S" -a "$ACC" --below-plan 0.5
err_is "amsize: --below-plan is for evaluate only
Try 'amsize --help'."
run "--ams for chart" 64 chart -s "$S" --ams "$AMS"
err_is "amsize: --ams is for plan and evaluate only
Try 'amsize --help'."
run "--help lists evaluate" 0 --help
out_has "amsize evaluate --segments SEGMENTS.csv --accounts ACCOUNTS.csv --ams AMS.csv"
out_has "--below-plan X"
# The roster from standard input.
name="roster on stdin"
"$A" evaluate -s "$S" -a "$ACC" --ams - -f csv -q <"$AMS" >"$out" 2>"$err"
if [ $? -eq 0 ] && cmp -s "$out" "$tmp/example-segments.csv"; then ok "$name"; else bad "$name"; fi

finish
