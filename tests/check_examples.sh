#!/bin/sh
# The examples must run and print the numbers the README quotes.
set -eu
b="${top_builddir:-.}"
out=$("$b/examples/chart_table")
echo "$out"
echo "$out" | grep -Eq '^Enterprise +200 +16\.0 +16\.0% high .* +10 +66 +11 +11  demand' ||
    { echo "FAIL: Enterprise row"; exit 1; }
echo "$out" | grep -Eq '^SMB .* +40 +4 +1 +40  service_floor +UNECONOMIC' ||
    { echo "FAIL: SMB row"; exit 1; }
demo=$("$b/examples/scalar_demo")
echo "$demo"
echo "$demo" | grep -Eq '^hc_demand\(fte\) += 20$' || { echo "FAIL: 30M/1.5M is not 20"; exit 1; }
echo "$demo" | grep -Eq '^fte_net\(30M, 0\) += nan$' || { echo "FAIL: invalid P"; exit 1; }
echo "PASS"
