#!/usr/bin/env python3
"""Sizes Account Manager teams from a CRM export, the way a notebook would.

    python3 examples/notebook_demo.py [ACCOUNTS.csv [SEGMENTS.csv]]

Defaults: examples/data/accounts.csv and examples/data/segments.csv.

segments.csv: segment, am_productivity, am_cost, max_load, and optionally
support_rating, churn_attribution, gross_margin, cost_coverage,
growth_per_account (a blank cell keeps the library's default).
accounts.csv: account_id, segment (a name from segments.csv), arr, upsell,
cross_sell, churn, service_weight (blank: 1), am_covered (1/0, blank: 0).

The accounts are read twice: with the standard csv module into
array.array columns, and, when pandas is installed, into a DataFrame whose
columns go to the library without copying. Both give the same chart.
"""
import array
import csv
import os
import sys

import amsize

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ACCOUNTS = os.path.join(HERE, "data", "accounts.csv")
DEFAULT_SEGMENTS = os.path.join(HERE, "data", "segments.csv")

#: segments.csv columns beyond the name, and how to read a cell of each.
SEGMENT_COLUMNS = {
    "am_productivity": float, "am_cost": float, "max_load": float, "support_rating": int,
    "churn_attribution": float, "gross_margin": float, "cost_coverage": float,
    "growth_per_account": float,
}
MONEY = ("arr", "upsell", "cross_sell", "churn")
TRUE = {"1", "true", "yes", "y"}
FALSE = {"", "0", "false", "no", "n"}


def read_segments(path):
    """Segment templates (everything but the account totals), in file order."""
    segments = []
    with open(path, newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            fields = {}
            for column, convert in SEGMENT_COLUMNS.items():
                cell = (row.get(column) or "").strip()
                if cell:
                    try:
                        fields[column] = convert(cell)
                    except ValueError:
                        sys.exit("%s:%d: %s: not a number: %r" % (path, line, column, cell))
            segments.append(amsize.Segment(name=row["segment"].strip(), **fields))
    if not segments:
        sys.exit("%s: no segments" % path)
    return segments


def segment_index(names):
    """Maps a segment cell (a name, or a 0-based index) to its index."""
    index = {name: i for i, name in enumerate(names)}

    def lookup(cell, where):
        cell = cell.strip()
        if cell in index:
            return index[cell]
        if cell.isdigit() and int(cell) < len(names):
            return int(cell)
        sys.exit("%s: unknown segment %r (segments.csv has %s)" % (where, cell, ", ".join(names)))

    return lookup


def covered(cell, where):
    cell = cell.strip().lower()
    if cell in TRUE or cell in FALSE:
        return int(cell in TRUE)
    sys.exit("%s: am_covered must be 1 or 0, got %r" % (where, cell))


def read_accounts_csv(path, names):
    """The account columns as array.array buffers, with the csv module."""
    lookup = segment_index(names)
    cols = {"segment_index": array.array("i"), "service_weight": array.array("d"),
            "am_covered": array.array("B")}
    cols.update((m, array.array("d")) for m in MONEY)
    with open(path, newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            where = "%s:%d" % (path, line)
            cols["segment_index"].append(lookup(row["segment"], where))
            try:
                for m in MONEY:
                    cols[m].append(float(row[m]))
                cols["service_weight"].append(float(row.get("service_weight") or 1.0))
            except ValueError as exc:
                sys.exit("%s: %s" % (where, exc))
            cols["am_covered"].append(covered(row.get("am_covered") or "", where))
    return cols


def read_accounts_pandas(path, names):
    """The same columns as pandas Series of the dtypes the library reads."""
    import pandas

    df = pandas.read_csv(path, dtype={"segment": str})
    lookup = segment_index(names)
    return {
        "segment_index": df["segment"].map(lambda s: lookup(s, path)).astype("int32"),
        "arr": df["arr"].astype("float64"),
        "upsell": df["upsell"].astype("float64"),
        "cross_sell": df["cross_sell"].astype("float64"),
        "churn": df["churn"].astype("float64"),
        "service_weight": df["service_weight"].fillna(1.0).astype("float64")
        if "service_weight" in df else None,
        "am_covered": df["am_covered"].fillna(0).astype("uint8") if "am_covered" in df else None,
    }


def size(columns, templates):
    """Totals per segment -> Segment inputs -> the chart, plus the pilots."""
    totals = amsize.totals(n_segments=len(templates), **columns)
    return amsize.chart(totals.segments(templates)), totals.pilots(templates)


def main(argv):
    accounts = argv[1] if len(argv) > 1 else DEFAULT_ACCOUNTS
    segments = argv[2] if len(argv) > 2 else DEFAULT_SEGMENTS
    for path in (accounts, segments):
        if not os.path.exists(path):
            sys.exit("notebook_demo: %s not found; usage: %s [ACCOUNTS.csv [SEGMENTS.csv]]"
                     % (path, argv[0]))
    templates = read_segments(segments)
    names = [s.name for s in templates]
    try:
        chart, pilots = size(read_accounts_csv(accounts, names), templates)
    except amsize.AmsizeError as exc:
        sys.exit("notebook_demo: %s" % exc)
    print("libamsize %s, %s" % (amsize.library_version, accounts))
    print(chart)
    print("\nAM cost %.2f $M, %.1f weighted accounts per AM"
          % (chart.total.cost / 1e6, chart.total.load_per_am or 0.0))
    print("\npilot: NR% of AM-covered against uncovered accounts")
    for name, p in zip(names, pilots):
        pct = lambda x: "n/a" if x is None else "%.1f%%" % (100 * x)  # noqa: E731
        print("  %-12s covered %7s  uncovered %7s  delta %7s  %s"
              % (name, pct(p.nr_pct_covered), pct(p.nr_pct_uncovered), pct(p.delta),
                 "accretive" if p.accretive else "not accretive"))
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("\n(pandas is not installed: skipping the DataFrame route)")
        return 0
    chart_pd, _ = size(read_accounts_pandas(accounts, names), templates)
    same = chart_pd.rows == chart.rows and chart_pd.total == chart.total
    print("\npandas route: %s" % ("same chart" if same else "DIFFERENT chart"))
    print(chart_pd.to_pandas()[["segment", "net_ratio", "headcount", "binding", "flags"]]
          .to_string(index=False))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
