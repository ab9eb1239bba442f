#!/usr/bin/python3
"""The pandas competitor of `amsize chart --accounts` (bench/README.md,
workload 2): pandas.read_csv of ACCOUNTS.csv and one groupby summing, per
segment of SEGMENTS.csv, accounts, weighted accounts, book, upsell,
cross-sell and churn. Prints the totals as CSV.

usage: pandas_chart.py SEGMENTS.csv ACCOUNTS.csv
"""
import sys

import pandas as pd


def main(segments_path, accounts_path):
    names = pd.read_csv(segments_path, usecols=["segment"])["segment"]
    money = ["arr", "upsell", "cross_sell", "churn"]
    df = pd.read_csv(accounts_path, usecols=["segment", "service_weight"] + money,
                     dtype={"segment": "category"})
    if df[money].lt(0).any().any() or not df["service_weight"].gt(0).all():
        sys.exit("%s: negative money or a service_weight <= 0" % accounts_path)
    unknown = set(df["segment"].cat.categories) - set(names)
    if unknown:
        sys.exit("%s: unknown segments %s" % (accounts_path, sorted(unknown)))
    g = df.groupby("segment", observed=True)
    out = g[["service_weight"] + money].sum()
    out.insert(0, "accounts", g.size())
    out.columns = ["accounts", "weighted_accounts", "book", "upsell", "cross_sell", "churn"]
    out = out.reindex(names).fillna(0)
    out.index.name = "segment"
    out.to_csv(sys.stdout, float_format="%.17g")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    main(sys.argv[1], sys.argv[2])
