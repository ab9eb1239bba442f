#!/usr/bin/python3
"""The Python standard-library competitor of `amsize chart --accounts`
(bench/README.md, workload 2): reads ACCOUNTS.csv with the csv module and
sums, per segment of SEGMENTS.csv, what the chart needs: accounts, weighted
accounts, book, upsell, cross-sell and churn. Values are checked the way
the command checks them (numbers >= 0, weights > 0, known segments), so
the comparison is of the same work. Prints the totals as CSV.

usage: py_csv_chart.py SEGMENTS.csv ACCOUNTS.csv
"""
import csv
import math
import sys


def main(segments_path, accounts_path):
    with open(segments_path, newline="") as f:
        names = [row["segment"] for row in csv.DictReader(f)]
    index = {name: i for i, name in enumerate(names)}
    # per segment: accounts, weighted, arr, upsell, cross_sell, churn
    sums = [[0, 0.0, 0.0, 0.0, 0.0, 0.0] for _ in names]
    money = ("arr", "upsell", "cross_sell", "churn")
    with open(accounts_path, newline="") as f:
        rows = csv.reader(f)
        header = [h.strip().lower() for h in next(rows)]
        seg_col = header.index("segment")
        money_cols = [header.index(m) for m in money]
        w_col = header.index("service_weight") if "service_weight" in header else None
        for line, row in enumerate(rows, start=2):
            try:
                acc = sums[index[row[seg_col]]]
            except KeyError:
                sys.exit("%s:%d: unknown segment %r" % (accounts_path, line, row[seg_col]))
            w = float(row[w_col]) if w_col is not None and row[w_col] else 1.0
            if not (w > 0 and math.isfinite(w)):
                sys.exit("%s:%d: service_weight must be > 0" % (accounts_path, line))
            acc[0] += 1
            acc[1] += w
            for k, c in enumerate(money_cols, start=2):
                v = float(row[c])
                if not (v >= 0 and math.isfinite(v)):
                    sys.exit("%s:%d: %s must be >= 0" % (accounts_path, line, money[k - 2]))
                acc[k] += v
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["segment", "accounts", "weighted_accounts", "book", "upsell", "cross_sell",
                  "churn"])
    for name, acc in zip(names, sums):
        out.writerow([name] + [repr(v) for v in acc])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    main(sys.argv[1], sys.argv[2])
