"""Seeded random segments: amsize.chart() against the raw C call and against
each column recomputed from the scalar *_calc functions."""
import ctypes
import math
import random
import unittest

import amsize
from amsize import _ffi
from support import nan_to_none, none_to_nan

SEED = 20260101
CASES = 400


def random_segment(rng, i):
    """Mostly plausible segments, with the edges the chart flags: no
    accounts, no book, negative net, given growth (also <= 0)."""
    accounts = rng.choice([0, 1, rng.randint(1, 50), rng.randint(50, 5000), rng.randint(1, 10 ** 6)])
    book = rng.choice([0.0, rng.uniform(1e4, 1e9), accounts * rng.uniform(1e3, 1e6)])
    seg = amsize.Segment(
        name="seg%d" % i,
        accounts=accounts,
        book=book,
        upsell=rng.choice([0.0, rng.uniform(0, 0.3) * book, rng.uniform(0, 1e8)]),
        cross_sell=rng.choice([0.0, rng.uniform(0, 0.2) * book]),
        churn=rng.choice([0.0, rng.uniform(0, 0.3) * book, rng.uniform(0, 1e8)]),
        churn_attribution=rng.choice([1.0, 0.0, 0.5, rng.random()]),
        am_productivity=rng.choice([1e6, rng.uniform(1e4, 5e6), 1.5e6]),
        am_cost=rng.choice([200e3, rng.uniform(1e4, 1e6)]),
        gross_margin=rng.choice([1.0, rng.uniform(0.05, 1.0)]),
        cost_coverage=rng.choice([1.0, rng.uniform(0.1, 5.0)]),
        max_load=rng.choice([20.0, 500.0, float(rng.randint(1, 2000)), rng.uniform(0.5, 100)]),
        support_rating=rng.randint(1, 5),
    )
    if rng.random() < 0.3:
        seg.weighted_accounts = rng.choice([0.0, accounts * rng.uniform(0.5, 3.0)])
    if rng.random() < 0.3:
        seg.growth_per_account = rng.choice([0.0, -rng.uniform(1, 1e5), rng.uniform(1, 1e6)])
    return seg


def random_model(rng):
    if rng.random() < 0.5:
        return None
    times = sorted(rng.uniform(0.05, 1.0) for _ in range(5))
    med = rng.uniform(-0.1, 0.3)
    return amsize.Model(selling_time=tuple(times), rating_medium=med,
                        rating_high=med + rng.uniform(0, 0.3))


def raw_chart(segs, model):
    """amsize_chart_compute() called directly through ctypes, structs filled
    by hand: independent of the package's own conversion code."""
    lib = _ffi.lib
    n = len(segs)
    cs = (_ffi.Segment * n)()
    assert lib.amsize_segment_init_(cs, n, ctypes.sizeof(_ffi.Segment)) == 0
    for c, s in zip(cs, segs):
        c.accounts, c.support_rating = s.accounts, s.support_rating
        for f in ("book", "upsell", "cross_sell", "churn", "churn_attribution",
                  "am_productivity", "am_cost", "gross_margin", "cost_coverage", "max_load"):
            setattr(c, f, getattr(s, f))
        if s.weighted_accounts is not None:
            c.has_weighted_accounts, c.weighted_accounts = 1, s.weighted_accounts
        if s.growth_per_account is not None:
            c.has_growth_per_account, c.growth_per_account = 1, s.growth_per_account
    cm = None
    if model is not None:
        cm = _ffi.Model()
        assert lib.amsize_model_init_(cm, ctypes.sizeof(cm)) == 0
        cm.selling_time[:] = list(model.selling_time)
        cm.rating_high, cm.rating_medium = model.rating_high, model.rating_medium
    rows = (_ffi.ChartRow * n)()
    total = _ffi.ChartRow()
    assert lib.amsize_chart_row_init_(rows, n, ctypes.sizeof(_ffi.ChartRow)) == 0
    assert lib.amsize_chart_row_init_(total, 1, ctypes.sizeof(_ffi.ChartRow)) == 0
    err = _ffi.Error()
    assert lib.amsize_error_init_(err, ctypes.sizeof(err)) == 0
    st = lib.amsize_chart_compute(rows, n, total, err, cs, n, cm)
    return st, rows, total


RATINGS = {0: None, 1: "low", 2: "medium", 3: "high"}
BINDINGS = {0: None, 1: "demand", 2: "service_floor", 3: "cost_ceiling"}
FLAGS = ("NO_ACCOUNTS", "NO_BOOK", "NEGATIVE_NET", "NO_GROWTH", "UNECONOMIC")


def flags_tuple(word):
    return tuple(name for bit, name in enumerate(FLAGS) if int(word) & (1 << bit))


def expected_from_raw(c, name, total=False):
    """What the Python row must hold for a raw C row."""
    d = {}
    for col in amsize.COLUMNS:
        if col == "segment":
            d[col] = name
        elif col == "net_ratio_rating":
            d[col] = RATINGS[c.net_ratio_rating]
        elif col == "binding":
            d[col] = BINDINGS[c.binding]
        elif col == "flags":
            d[col] = flags_tuple(c.flags)
        elif col == "support_rating":
            d[col] = c.support_rating or None
        else:
            d[col] = nan_to_none(getattr(c, col))
    return d


def recompute(seg, model):
    """Every column from the scalar functions alone."""
    m = model or amsize.Model()
    W = float(seg.accounts) if seg.weighted_accounts is None else seg.weighted_accounts
    a = seg.churn_attribution
    NR = amsize.net_ratio_calc(seg.upsell, seg.cross_sell, seg.churn, a)
    pct = amsize.net_ratio_pct_calc(NR, seg.book)
    f = amsize.support_factor_calc(seg.support_rating, *m.selling_time)
    fte_net = amsize.fte_net_calc(NR, seg.am_productivity)
    fte_demand = amsize.fte_demand_calc(fte_net, f)
    g = (seg.growth_per_account if seg.growth_per_account is not None
         else amsize.growth_per_account_calc(NR, W))
    lmin = amsize.min_load_calc(seg.am_cost, seg.gross_margin, seg.cost_coverage, g)
    floor_ = amsize.hc_floor_calc(W, seg.max_load)
    ceil_ = amsize.hc_ceiling_calc(W, lmin)
    demand = amsize.hc_demand_calc(fte_demand)
    hc = amsize.headcount_calc(floor_, demand, ceil_)
    cost = amsize.cost_calc(hc, seg.am_cost)
    return {
        "segment": seg.name, "accounts": seg.accounts, "weighted_accounts": W,
        "book": seg.book, "upsell": seg.upsell, "cross_sell": seg.cross_sell,
        "churn_attributed": amsize.churn_attributed_calc(seg.churn, a),
        "net_ratio": NR, "net_ratio_pct": pct,
        "net_ratio_rating": RATINGS[int(amsize.net_ratio_rating_calc(pct, m.rating_high,
                                                                     m.rating_medium))],
        "support_rating": seg.support_rating, "support_factor": f,
        "fte_net": fte_net, "fte_demand": fte_demand,
        "min_load": lmin, "max_load": seg.max_load,
        "hc_floor": floor_, "hc_ceiling": ceil_, "hc_demand": demand, "headcount": hc,
        "binding": BINDINGS[int(amsize.binding_calc(hc, demand))],
        "flags": flags_tuple(amsize.flags_calc(seg.accounts, W, seg.book, NR, g, lmin,
                                               seg.max_load)),
        "load_per_am": amsize.load_per_am_calc(W, hc),
        "cost": cost,
        "net_per_am": amsize.net_per_am_calc(NR, hc),
        "roi": amsize.roi_calc(seg.gross_margin, NR, cost),
    }


class Randomized(unittest.TestCase):
    def assertSame(self, got, want, where):
        for col in amsize.COLUMNS:
            g, w = got[col], nan_to_none(want[col])
            msg = "%s, %s: chart %r, expected %r" % (where, col, g, w)
            if isinstance(w, float) and isinstance(g, (int, float)) and g is not None:
                self.assertTrue(g == w or math.isclose(g, w, rel_tol=1e-12, abs_tol=1e-300),
                                msg)
            else:
                self.assertEqual(g, w, msg)

    def test_chart_against_raw_c_and_scalars(self):
        rng = random.Random(SEED)
        checked = 0
        for case in range(CASES):
            segs = [random_segment(rng, i) for i in range(rng.randint(1, 6))]
            model = random_model(rng)
            st, rows, total = raw_chart(segs, model)
            if st != 0:
                # An overflow is possible with random inputs: the binding
                # must refuse the same way.
                with self.assertRaises(amsize.AmsizeError) as cm:
                    amsize.chart(segs, model)
                self.assertEqual(cm.exception.status, st)
                continue
            chart = amsize.chart(segs, model)
            recs = chart.to_records()
            for i, seg in enumerate(segs):
                where = "case %d segment %d %r" % (case, i, seg)
                self.assertSame(recs[i], expected_from_raw(rows[i], seg.name), where + " (raw)")
                self.assertSame(recs[i], recompute(seg, model), where + " (scalars)")
                checked += 1
            self.assertSame(recs[-1], expected_from_raw(total, "TOTAL"), "case %d total" % case)
            t = chart.total
            self.assertEqual(t.headcount, sum(r.headcount for r in chart))
            self.assertTrue(math.isclose(t.net_ratio, math.fsum(r.net_ratio for r in chart),
                                         rel_tol=1e-12, abs_tol=1e-6))
        self.assertGreater(checked, CASES)

    def test_methods_agree_with_chart(self):
        rng = random.Random(SEED + 1)
        for case in range(100):
            seg = random_segment(rng, 0)
            model = random_model(rng)
            try:
                row = amsize.chart([seg], model).rows[0]
            except amsize.AmsizeError:
                continue
            nr = amsize.netratio(seg, model)
            sup = amsize.support(seg, model)
            ld = amsize.load(seg, model)
            self.assertEqual((nr.net_ratio, nr.net_ratio_pct, nr.rating, nr.fte_net),
                             (row.net_ratio, row.net_ratio_pct, row.net_ratio_rating, row.fte_net))
            self.assertEqual((sup.support_factor, sup.fte_demand, sup.hc_demand),
                             (row.support_factor, row.fte_demand, row.hc_demand))
            self.assertEqual((ld.min_load, ld.hc_floor, ld.hc_ceiling),
                             (row.min_load, row.hc_floor, row.hc_ceiling))
            self.assertTrue(set(ld.flags) <= set(row.flags))

    def test_pilot_against_scalars(self):
        rng = random.Random(SEED + 2)
        for _ in range(200):
            args = (rng.uniform(-1e6, 1e7), rng.choice([0.0, rng.uniform(0, 1e8)]),
                    rng.uniform(-1e6, 1e7), rng.choice([0.0, rng.uniform(0, 1e8)]))
            p = amsize.pilot(*args)
            self.assertEqual(p.delta, nan_to_none(amsize.pilot_delta_calc(*args)))
            self.assertEqual(p.lift, nan_to_none(amsize.pilot_lift_calc(*args)))
            self.assertEqual(p.incremental, nan_to_none(amsize.pilot_incremental_calc(*args)))
            self.assertEqual(p.accretive, none_to_nan(p.delta) > 0)


if __name__ == "__main__":
    unittest.main()
