"""amsize.evaluate(): each planning cycle, the AMs against the chart (issue 12).

The README's Mid-Market example is asserted number by number, with the
arithmetic worked by hand in the comments; then every flag alone and
combined, the medians, a segment without AMs, the views and the bad inputs.
Last, a second implementation written from the issue's text (not from
lib/evaluate.c) must agree with the library on 100 random small periods."""
import contextlib
import html
import math
import random
import unittest
from unittest import mock

import amsize
from amsize import Status, _evaluate
from support import numpy, pandas

EPS = 1e-9  # the chart's ceil_eps tolerance, and the comparison's


def mid_market(**over):
    """README: P = 1M, K = 150K, Lmax = 4, support rating 3, a = 1."""
    fields = dict(name="Mid-Market", am_productivity=1e6, am_cost=150e3, max_load=4,
                  support_rating=3, churn_attribution=1)
    fields.update(over)
    return amsize.Segment(**fields)


def accounts(csm=True, **over):
    """The five accounts of the example, as a dict of columns."""
    cols = dict(
        account_id=["M1", "M2", "M3", "M4", "M5"],
        segment=["Mid-Market"] * 5,
        arr=[1e6, 500e3, 2e6, 1e6, 500e3],
        upsell=[200e3, 50e3, 300e3, 20e3, 0],
        cross_sell=[100e3, 0, 100e3, 0, 0],
        churn=[0, 100e3, 0, 50e3, 30e3],
        am_id=["A1", "A1", "A2", "", None],
    )
    if csm:
        cols["csm_covered"] = [1, 0, 1, 1, 0]
    cols.update(over)
    return cols


def roster():
    """A1 fte 1; A2 fte 0.5 with a target of 300K; A3 fte 1, no accounts."""
    return [dict(am_id="A1", segment="Mid-Market", fte=1, target=None),
            dict(am_id="A2", segment="Mid-Market", fte=0.5, target=300e3),
            dict(am_id="A3", segment="Mid-Market", fte=1, target=None)]


def example(csm=True, **kw):
    return amsize.evaluate([mid_market()], accounts(csm), roster(), **kw)


class WorkedExample(unittest.TestCase):
    """/tmp/iss/12_example.md, shared with the README and the C tests."""

    def assertClose(self, got, want, msg=None):
        self.assertIsNotNone(got, msg)
        self.assertTrue(math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-12),
                        (got, want, msg))

    def test_chart_of_all_five_accounts(self):
        row = example().chart["Mid-Market"]
        # N = W = 5, B = 5M, U = 570K, X = 200K, C = 180K (a = 1).
        self.assertEqual((row.accounts, row.weighted_accounts), (5, 5.0))
        self.assertEqual((row.book, row.upsell, row.cross_sell, row.churn_attributed),
                         (5e6, 570e3, 200e3, 180e3))
        # NR = 570 + 200 - 180 = 590K, 11.8% of 5M: medium.
        self.assertEqual(row.net_ratio, 590e3)
        self.assertClose(row.net_ratio_pct, 0.118)
        self.assertEqual(row.net_ratio_rating, "medium")
        # FTE_net = 590K/1M = 0.59, f = 1, HC_demand = 1.
        self.assertClose(row.fte_net, 0.59)
        self.assertEqual(row.hc_demand, 1)
        # g = 590K/5 = 118K; Lmin = max(1, ceil(150/118 = 1.271)) = 2; Lmax 4.
        self.assertEqual((row.min_load, row.max_load), (2.0, 4.0))
        # HC_floor = ceil(5/4) = 2, HC_ceiling = floor(5/2) = 2,
        # headcount = max(2, min(1, 2)) = 2: the service floor binds.
        self.assertEqual((row.hc_floor, row.hc_ceiling, row.headcount), (2, 2, 2))
        self.assertEqual(row.binding, "service_floor")

    def test_ams(self):
        a1, a2, a3 = example().ams
        # A1: M1 and M2. N 2, W 2, B 1.5M, U 250K, X 100K, C 100K;
        # NR = 250 + 100 - 100 = 250K; target = 1 x 1M x T[3]/T[3] = 1M;
        # attainment 0.25; load 2/1 = 2 (not < Lmin 2, not > 4).
        self.assertEqual(a1, amsize.AmEval(
            am_id="A1", segment="Mid-Market", fte=1.0, accounts=2, weighted_accounts=2.0,
            book=1.5e6, upsell=250e3, cross_sell=100e3, churn=100e3, net_ratio=250e3,
            target=1e6, attainment=0.25, load=2.0, min_load=2.0, max_load=4.0,
            flags=("BELOW_PLAN",)))
        # A2: M3. NR = 300 + 100 - 0 = 400K against its given 300K:
        # attainment 1.333; load 1/0.5 = 2. No flag.
        self.assertEqual((a2.accounts, a2.weighted_accounts, a2.book, a2.upsell,
                          a2.cross_sell, a2.churn), (1, 1.0, 2e6, 300e3, 100e3, 0.0))
        self.assertEqual((a2.net_ratio, a2.target, a2.load, a2.flags),
                         (400e3, 300e3, 2.0, ()))
        self.assertClose(a2.attainment, 4 / 3)
        # A3: no accounts. NR 0; target 1M; attainment 0; load 0 < 2.
        self.assertEqual((a3.accounts, a3.weighted_accounts, a3.book, a3.net_ratio,
                          a3.target, a3.attainment, a3.load),
                         (0, 0.0, 0.0, 0.0, 1e6, 0.0, 0.0))
        self.assertEqual(a3.flags, ("UNDERLOADED", "BELOW_PLAN", "NO_ACCOUNTS"))

    def test_segment(self):
        s = example().segment("Mid-Market")
        # ams 3, fte 1 + 0.5 + 1 = 2.5, headcount 2, fte_gap 0.5.
        self.assertEqual((s.ams, s.fte, s.headcount, s.fte_gap), (3, 2.5, 2, 0.5))
        # Covered (am_id set): M1, M2, M3: book 3.5M, NR 250 + 400 = 650K,
        # NR% = 0.185714. Uncovered: M4, M5: book 1.5M, NR 20 - 80 = -60K,
        # NR% -0.04.
        self.assertEqual((s.accounts_covered, s.accounts_uncovered), (3, 2))
        self.assertEqual((s.book_covered, s.book_uncovered), (3.5e6, 1.5e6))
        self.assertEqual((s.net_ratio_covered, s.net_ratio_uncovered), (650e3, -60e3))
        self.assertClose(s.nr_pct_covered, 650 / 3500)
        self.assertClose(s.nr_pct_uncovered, -0.04)
        # delta = 0.185714 + 0.04 = 0.225714; lift undefined (NR%_u <= 0);
        # incremental = delta x 3.5M = 650K + 140K = 790K; accretive.
        self.assertClose(s.delta, 650 / 3500 + 0.04)
        self.assertIsNone(s.lift)
        self.assertClose(s.incremental, 790e3)
        self.assertIs(s.accretive, True)
        # net_per_fte = 650K/2.5 = 260K = observed_productivity (f = 1).
        self.assertClose(s.net_per_fte, 260e3)
        self.assertClose(s.observed_productivity, 260e3)
        # Attainments 0.25, 1.333, 0: median 0.25; 1 of 3 at plan.
        self.assertEqual(s.attainment_median, 0.25)
        self.assertClose(s.share_at_plan, 1 / 3)
        # Loads 2, 2, 0: min 0, median 2, max 2; 1 underloaded (A3), 2
        # below plan (A1, A3), none overloaded.
        self.assertEqual((s.load_min, s.load_median, s.load_max), (0.0, 2.0, 2.0))
        self.assertEqual((s.overloaded, s.underloaded, s.below_plan), (0, 1, 2))
        # Resized at P = 260K: FTE_net = 590/260 = 2.269, HC_demand 3;
        # floor 2, ceiling 2: max(2, min(3, 2)) = 2, the cost ceiling binds.
        self.assertEqual((s.resized_headcount, s.resized_binding), (2, "cost_ceiling"))

    def test_support_coverage(self):
        s = example().segments[0]
        # csm_covered = 1: M1, M3, M4: NR 300 + 400 - 30 = 670K on 4M = 16.75%;
        # the others, M2 and M5: NR -50 - 30 = -80K on 1M = -8%.
        self.assertEqual((s.csm_accounts_covered, s.csm_accounts_uncovered), (3, 2))
        self.assertEqual((s.csm_book_covered, s.csm_book_uncovered), (4e6, 1e6))
        self.assertClose(s.csm_nr_pct_covered, 0.1675)
        self.assertClose(s.csm_nr_pct_uncovered, -0.08)
        # delta 0.1675 + 0.08 = 0.2475; no lift; 0.2475 x 4M = 990K; accretive.
        self.assertClose(s.csm_delta, 0.2475)
        self.assertIsNone(s.csm_lift)
        self.assertClose(s.csm_incremental, 990e3)
        self.assertIs(s.csm_accretive, True)
        self.assertTrue(example().csm_given)

    def test_without_support_coverage(self):
        e = example(csm=False)
        s = e.segments[0]
        self.assertFalse(e.csm_given)
        for column in amsize.SEGMENT_EVAL_COLUMNS:
            if column.startswith("csm_"):
                self.assertIsNone(getattr(s, column), column)
        # Everything else is as with it.
        with_csm = example().segments[0]
        for column in e.segment_columns:
            self.assertEqual(getattr(s, column), getattr(with_csm, column), column)
        self.assertEqual(e.ams, example().ams)
        self.assertNotIn("csm_delta", e.segment_columns)
        self.assertNotIn("csm_delta", e.to_records()[0])

    def test_the_segments_aggregates_are_recomputed(self):
        # Whatever the Segment holds for N, W, B, U, X, C, the accounts decide.
        seg = mid_market(accounts=999, weighted_accounts=12.5, book=1.0, upsell=7.0,
                         cross_sell=3.0, churn=2.0)
        e = amsize.evaluate([seg], accounts(), roster())
        self.assertEqual(e.segments, example().segments)
        self.assertEqual(e.chart.rows, example().chart.rows)

    def test_forms_of_the_tables(self):
        want = example()
        cols = accounts()
        records = [{k: cols[k][i] for k in cols} for i in range(5)]
        ams_columns = {k: [r[k] for r in roster()] for k in roster()[0]}
        for acc, ams in ((records, roster()), (cols, ams_columns)):
            got = amsize.evaluate([dict(name="Mid-Market", am_productivity=1e6, am_cost=150e3,
                                        max_load=4)], acc, ams)
            self.assertEqual((got.ams, got.segments), (want.ams, want.segments))

    @unittest.skipUnless(pandas, "pandas is not installed")
    def test_dataframes_as_read_from_csv(self):
        # pandas reads the CSV's empty am_id and target as NaN, whole-number
        # money as int64; am_covered may come along, agreeing.
        import io
        acc = pandas.read_csv(io.StringIO(
            "account_id,segment,arr,upsell,cross_sell,churn,am_id,am_covered,csm_covered\n"
            "M1,Mid-Market,1000000,200000,100000,0,A1,1,1\n"
            "M2,Mid-Market,500000,50000,0,100000,A1,1,0\n"
            "M3,Mid-Market,2000000,300000,100000,0,A2,1,1\n"
            "M4,Mid-Market,1000000,20000,0,50000,,0,1\n"
            "M5,Mid-Market,500000,0,0,30000,,,0\n"))
        ams = pandas.read_csv(io.StringIO("am_id,segment,fte,target\n"
                                          "A1,Mid-Market,1,\nA2,Mid-Market,0.5,300000\n"
                                          "A3,Mid-Market,1,\n"))
        self.assertEqual(str(acc["arr"].dtype), "int64")
        got = amsize.evaluate([mid_market()], acc, ams)
        want = example()
        self.assertEqual((got.ams, got.segments), (want.ams, want.segments))
        # An empty service_weight cell is 1, as in the command.
        acc["service_weight"] = [1.0, math.nan, 1.0, 1.0, math.nan]
        got = amsize.evaluate([mid_market()], acc, ams)
        self.assertEqual(got.ams, want.ams)

    @unittest.skipUnless(numpy, "numpy is not installed")
    def test_float64_columns_are_read_in_place(self):
        cols = accounts()
        cols["arr"] = numpy.array(cols["arr"], dtype="float64")
        seen = []
        real = _evaluate._lib

        class Spy:
            def __getattr__(self, name):
                fn = getattr(real, name)
                if name != "amsize_totals_add":
                    return fn
                return lambda *a: (seen.append(a[5]), fn(*a))[1]

        _evaluate._lib = Spy()
        try:
            amsize.evaluate([mid_market()], cols, roster())
        finally:
            _evaluate._lib = real
        # Three passes (AM coverage, support coverage, per AM), each given
        # the caller's own buffer.
        self.assertEqual(seen, [cols["arr"].ctypes.data] * 3)


class Flags(unittest.TestCase):
    """Every flag, alone and combined, and the below_plan threshold."""

    def one_am(self, n, fte=1.0, target=None, upsell=0.0, churn=0.0, **seg):
        """One AM covering n accounts of 1M ARR each (upsell and churn
        each, per account), beside four uncovered accounts with 100K
        upsell that set the segment's chart."""
        rows = n + 4
        acc = dict(segment=["Mid-Market"] * rows, arr=[1e6] * rows,
                   upsell=[upsell] * n + [100e3] * 4, cross_sell=[0.0] * rows,
                   churn=[churn] * n + [0.0] * 4, am_id=["A"] * n + [None] * 4)
        e = amsize.evaluate([mid_market(**seg)], acc,
                            [dict(am_id="A", segment="Mid-Market", fte=fte, target=target)])
        return e.ams[0], e.segments[0]

    def test_overloaded(self):
        # 3 accounts at fte 0.5: load 6 > Lmax 4. NR 3 x 500K = 1.5M of a
        # 500K target: no other flag.
        am, seg = self.one_am(3, fte=0.5, upsell=500e3)
        self.assertEqual((am.load, am.flags), (6.0, ("OVERLOADED",)))
        self.assertEqual(seg.overloaded, 1)

    def test_load_at_the_limits_is_no_flag(self):
        # 4 accounts at fte 1: load 4 = Lmax, not above.
        am, _ = self.one_am(4, upsell=300e3)
        self.assertEqual((am.load, am.max_load, am.flags), (4.0, 4.0, ()))

    def test_negative_net_overloaded_below_plan(self):
        # 5 accounts churning 100K each: NR -500K, attainment -0.5, load 5.
        am, seg = self.one_am(5, churn=100e3)
        self.assertEqual(am.net_ratio, -500e3)
        self.assertEqual(am.flags, ("OVERLOADED", "BELOW_PLAN", "NEGATIVE_NET"))
        self.assertEqual((seg.overloaded, seg.underloaded, seg.below_plan), (1, 0, 1))

    def test_underloaded_needs_a_min_load(self):
        # Lmin: g = NR/W = (1 x 100K + 4 x 100K)/5 = 100K, K 150K: Lmin 2.
        # One account: load 1 < 2. 100K of a 50K target: at plan.
        am, _ = self.one_am(1, upsell=100e3, target=50e3)
        self.assertEqual((am.min_load, am.load, am.flags), (2.0, 1.0, ("UNDERLOADED",)))
        # A segment that does not grow has no Lmin (g <= 0): no UNDERLOADED.
        am, seg = self.one_am(1, upsell=0.0, churn=1e6, growth_per_account=-1.0)
        self.assertIsNone(am.min_load)
        self.assertEqual(am.flags, ("BELOW_PLAN", "NEGATIVE_NET"))
        self.assertEqual(seg.underloaded, 0)

    def test_no_accounts(self):
        # With Lmin defined and a target above 0: UNDERLOADED|BELOW_PLAN too.
        am, _ = self.one_am(0)
        self.assertEqual(am.flags, ("UNDERLOADED", "BELOW_PLAN", "NO_ACCOUNTS"))
        # A target of 0: attainment undefined, so no BELOW_PLAN; no
        # attainment to take a median of.
        am, seg = self.one_am(0, target=0)
        self.assertIsNone(am.attainment)
        self.assertEqual(am.flags, ("UNDERLOADED", "NO_ACCOUNTS"))
        self.assertEqual((seg.attainment_median, seg.share_at_plan, seg.below_plan),
                         (None, None, 0))
        # Without Lmin: NO_ACCOUNTS alone.
        am, _ = self.one_am(0, target=0, growth_per_account=-1.0)
        self.assertEqual(am.flags, ("NO_ACCOUNTS",))

    def test_custom_below_plan(self):
        # Attainments A1 0.25, A2 1.333, A3 0.
        flagged = {bp: [("BELOW_PLAN" in a.flags) for a in example(below_plan=bp).ams]
                   for bp in (0.9, 0.25, 0.2, 1.5, -0.1)}
        self.assertEqual(flagged, {
            0.9: [True, False, True],
            0.25: [False, False, True],   # 0.25 is not below 0.25
            0.2: [False, False, True],
            1.5: [True, True, True],      # 1.333 < 1.5
            -0.1: [False, False, False],  # 0 is not below -0.1
        })
        e = example(below_plan=1.5)
        self.assertEqual((e.below_plan, e.segments[0].below_plan), (1.5, 3))
        # share_at_plan stays attainment >= 1, whatever the threshold.
        self.assertAlmostEqual(e.segments[0].share_at_plan, 1 / 3)
        self.assertEqual(amsize.evaluate([mid_market()], accounts(), roster()).below_plan,
                         0.9)

    def test_flag_names_are_the_librarys(self):
        self.assertEqual(_evaluate.am_flag_names(0x1f), ("OVERLOADED", "UNDERLOADED",
                                                         "BELOW_PLAN", "NEGATIVE_NET",
                                                         "NO_ACCOUNTS"))
        self.assertEqual(_evaluate.am_flag_names(0x20), ("FLAG_0x20",))


class Segments(unittest.TestCase):
    def evaluate(self, loads_and_nr, **kw):
        """AMs of one segment, each (accounts, fte, NR per account, target);
        max_load 100 so that nobody is overloaded."""
        acc = dict(segment=[], arr=[], upsell=[], cross_sell=[], churn=[], am_id=[])
        ams = []
        for j, (n, fte, nr, target) in enumerate(loads_and_nr):
            ams.append(dict(am_id="A%d" % j, segment="S", fte=fte, target=target))
            for _ in range(n):
                acc["segment"].append("S")
                acc["arr"].append(1e6)
                acc["upsell"].append(max(nr, 0.0))
                acc["cross_sell"].append(0.0)
                acc["churn"].append(max(-nr, 0.0))
                acc["am_id"].append("A%d" % j)
        seg = amsize.Segment(name="S", am_productivity=1e6, am_cost=1e3, max_load=100)
        return amsize.evaluate([seg], acc, ams, **kw)

    def test_medians_odd(self):
        # Loads 3, 1, 2 -> 1, 2, 3: median 2. Attainments 0.3, 0.1, 0.2
        # (NR 3 x 100K of 1M, ...): median 0.2.
        s = self.evaluate([(3, 1, 100e3, 1e6), (1, 1, 100e3, 1e6), (2, 1, 100e3, 1e6)])
        s = s.segments[0]
        self.assertEqual((s.load_min, s.load_median, s.load_max), (1.0, 2.0, 3.0))
        self.assertAlmostEqual(s.attainment_median, 0.2)
        self.assertEqual(s.share_at_plan, 0.0)

    def test_medians_even(self):
        # Loads 1, 2, 3, 5 (5 accounts at fte 1): median (2 + 3)/2 = 2.5.
        # Attainments 0.5, 1, 1.5, 2.5 (NR 500K per account of 1M): median
        # (1 + 1.5)/2 = 1.25, and 3 of 4 at plan (>= 1).
        s = self.evaluate([(1, 1, 500e3, 1e6), (2, 1, 500e3, 1e6), (3, 1, 500e3, 1e6),
                           (5, 1, 500e3, 1e6)]).segments[0]
        self.assertEqual((s.load_min, s.load_median, s.load_max), (1.0, 2.5, 5.0))
        self.assertEqual((s.attainment_median, s.share_at_plan), (1.25, 0.75))

    def test_median_of_the_defined_attainments(self):
        # Three AMs, one with target 0: the median of the other two,
        # 0.1 and 0.4, is 0.25. Accounts 1, 4, 2 at fte 1, 0.5, 1: loads 1,
        # 8, 2.
        s = self.evaluate([(1, 1, 100e3, 1e6), (4, 0.5, 100e3, 1e6),
                           (2, 1, 100e3, 0)]).segments[0]
        self.assertAlmostEqual(s.attainment_median, 0.25)
        self.assertEqual(s.share_at_plan, 0.0)
        self.assertEqual((s.load_min, s.load_median, s.load_max), (1.0, 2.0, 8.0))

    def test_a_segment_without_ams(self):
        # SMB has two accounts and nobody on the roster: all uncovered.
        smb = amsize.Segment(name="SMB", am_productivity=500e3, am_cost=100e3, max_load=500,
                             support_rating=4)
        acc = accounts(csm=False)
        smb_accounts = dict(account_id=["S1", "S2"], segment=["SMB"] * 2, arr=[10e3] * 2,
                            upsell=[1e3] * 2, cross_sell=[0] * 2, churn=[500] * 2,
                            am_id=[None] * 2)
        acc = {k: acc[k] + smb_accounts[k] for k in acc}
        e = amsize.evaluate([mid_market(), smb], acc, roster())
        s = e.segment("SMB")
        self.assertEqual(e.ams_of("SMB"), [])
        self.assertEqual((s.ams, s.fte, s.headcount), (0, 0.0, 1))
        self.assertEqual(s.fte_gap, -1.0)
        self.assertEqual((s.accounts_covered, s.accounts_uncovered), (0, 2))
        for name in ("net_per_fte", "observed_productivity", "attainment_median",
                     "share_at_plan", "load_min", "load_median", "load_max",
                     "resized_headcount", "resized_binding", "nr_pct_covered", "delta"):
            self.assertIsNone(getattr(s, name), name)
        self.assertEqual((s.overloaded, s.underloaded, s.below_plan), (0, 0, 0))
        # No covered book: delta, and so accretive, are undefined (the
        # command's cell is empty).
        self.assertIsNone(s.accretive)
        # Mid-Market is as it was alone.
        self.assertEqual(e.segment("Mid-Market"), example(csm=False).segments[0])
        self.assertEqual(e.segment(1), s)
        with self.assertRaises(KeyError):
            e.segment("Enterprise")

    def test_empty_roster_and_no_accounts(self):
        for acc in ({k: [] for k in accounts(csm=False)}, []):
            e = amsize.evaluate([mid_market()], acc, [])
            self.assertEqual(e.ams, [])
            s = e.segments[0]
            self.assertEqual((s.ams, s.fte, s.headcount, s.accounts_covered), (0, 0.0, 0, 0))
            self.assertIn("evaluation of 0 AMs in 1 segment", str(e))
        # The roster's AMs without accounts.
        e = amsize.evaluate([mid_market()], [], roster())
        self.assertEqual([a.flags for a in e.ams], [("BELOW_PLAN", "NO_ACCOUNTS")] * 3)

    def test_support_rating_scales_target_and_productivity(self):
        # Support rating 5: T[5]/T[3] = 0.8/0.6, so A1's target is 1M x 4/3
        # and the observed productivity 260K x 0.6/0.8 = 195K.
        e = amsize.evaluate([mid_market(support_rating=5)], accounts(), roster())
        self.assertAlmostEqual(e.am("A1").target, 4e6 / 3)
        self.assertAlmostEqual(e.am("A2").target, 300e3)  # given
        self.assertAlmostEqual(e.segments[0].observed_productivity, 195e3)
        self.assertAlmostEqual(e.segments[0].net_per_fte, 260e3)
        with self.assertRaises(KeyError):
            e.am("A9")


class Views(unittest.TestCase):
    @unittest.skipUnless(pandas, "pandas is not installed")
    def test_to_pandas(self):
        e = example()
        seg = e.to_pandas("segments")
        self.assertEqual(seg.shape, (1, len(amsize.SEGMENT_EVAL_COLUMNS)))
        self.assertEqual(list(seg.columns), list(amsize.SEGMENT_EVAL_COLUMNS))
        self.assertEqual(list(e.to_pandas().columns), list(seg.columns))  # the default
        ams = e.to_pandas("ams")
        self.assertEqual(ams.shape, (3, 16))
        self.assertEqual(list(ams.columns), list(amsize.AM_COLUMNS))
        self.assertEqual(list(ams["am_id"]), ["A1", "A2", "A3"])
        self.assertEqual(ams["flags"][2], ("UNDERLOADED", "BELOW_PLAN", "NO_ACCOUNTS"))
        self.assertEqual(list(e.to_pandas("am").columns), list(ams.columns))
        no_csm = example(csm=False).to_pandas()
        self.assertEqual(no_csm.shape, (1, 29))
        self.assertFalse([c for c in no_csm.columns if c.startswith("csm_")])

    def test_to_pandas_without_pandas(self):
        # Run with or without pandas: the import fails as it would.
        e = example()
        with mock.patch.object(_evaluate.importlib, "import_module",
                               side_effect=ImportError("no pandas")):
            with self.assertRaisesRegex(ImportError, r"needs pandas.*to_records\(\)"):
                e.to_pandas("ams")

    def test_columns_are_the_issues(self):
        self.assertEqual(amsize.AM_COLUMNS, (
            "am_id", "segment", "fte", "accounts", "weighted_accounts", "book", "upsell",
            "cross_sell", "churn", "net_ratio", "target", "attainment", "load", "min_load",
            "max_load", "flags"))
        pilot = ("accounts_covered", "accounts_uncovered", "book_covered", "book_uncovered",
                 "nr_pct_covered", "nr_pct_uncovered", "delta", "lift", "incremental",
                 "accretive")
        self.assertEqual(amsize.SEGMENT_EVAL_COLUMNS, (
            ("segment", "ams", "fte", "headcount", "fte_gap") + pilot +
            ("net_ratio_covered", "net_ratio_uncovered", "net_per_fte",
             "observed_productivity", "attainment_median", "share_at_plan", "load_min",
             "load_median", "load_max", "overloaded", "underloaded", "below_plan",
             "resized_headcount", "resized_binding") + tuple("csm_" + c for c in pilot)))

    def test_records(self):
        e = example()
        self.assertEqual(e.to_records("ams")[0]["flags"], ("BELOW_PLAN",))
        self.assertEqual(e.to_records()[0]["csm_incremental"], e.segments[0].csm_incremental)
        with self.assertRaises(ValueError):
            e.to_records("months")

    def test_repr_html(self):
        text = example()._repr_html_()
        self.assertEqual(text.count("<table"), 2)
        self.assertIn('class="amsize-eval-segments"', text)
        self.assertIn('class="amsize-eval-ams"', text)
        for cell in ("<td>Mid-Market</td>", "<td>18.6%</td>", "<td>-4.0%</td>",
                     "<td>22.6%</td>", "<td>260,000</td>", "<td>33.3%</td>",
                     "<td>24.8%</td>", "<td>BELOW_PLAN</td>",
                     "<td>UNDERLOADED|BELOW_PLAN|NO_ACCOUNTS</td>", "<td>1,000,000</td>",
                     "<th>attainment</th>", "<th>csm_delta</th>", "<td>1.33</td>"):
            self.assertIn(cell, text)
        self.assertNotIn("csm_delta", example(csm=False)._repr_html_())
        # Names are escaped.
        cols = accounts(segment=["<b>MM</b>"] * 5)
        ams = [dict(r, segment="<b>MM</b>") for r in roster()]
        text = amsize.evaluate([mid_market(name="<b>MM</b>")], cols, ams)._repr_html_()
        self.assertIn("<td>%s</td>" % html.escape("<b>MM</b>"), text)
        self.assertNotIn("<b>MM", text)

    def test_text(self):
        text = str(example())
        lines = text.splitlines()
        self.assertEqual(lines[0], "evaluation of 3 AMs in 1 segment (below_plan 0.9)")
        self.assertTrue(lines[2].startswith("segment "))
        self.assertIn("observed_productivity", lines[2])
        self.assertTrue(lines[3].startswith("Mid-Market "))
        self.assertTrue(lines[5].startswith("am_id "))
        self.assertTrue(lines[6].startswith("A1 "))
        self.assertTrue(lines[8].endswith("UNDERLOADED|BELOW_PLAN|NO_ACCOUNTS"))
        self.assertEqual(repr(example()), text)

    def test_a_long_roster_is_elided(self):
        n = 50
        acc = dict(segment=[], arr=[], upsell=[], cross_sell=[], churn=[], am_id=[])
        ams = [dict(am_id="A%02d" % j, segment="Mid-Market") for j in range(n)]
        e = amsize.evaluate([mid_market()], acc, ams)
        text, page = str(e), e._repr_html_()
        self.assertIn("... 14 more AMs: Evaluation.to_pandas('ams') has them all", text)
        self.assertIn("... 14 more AMs", page)
        for shown in ("A00", "A23", "A38", "A49"):
            self.assertIn(shown, text)
            self.assertIn(shown, page)
        for hidden in ("A24", "A37"):
            self.assertNotIn(hidden, text)
            self.assertNotIn(hidden, page)
        self.assertEqual(len(e.to_records("ams")), n)


# ------------------------------------------------------------ bad input
def with_(cols, **over):
    out = dict(cols)
    out.update(over)
    return out


def two_segments():
    return [mid_market(), mid_market(name="Enterprise")]


#: (name, segments, accounts, roster, kwargs, status, index, field, words)
BAD = [
    ("am_id not on the roster", [mid_market()],
     accounts(am_id=["A1", "A1", "A2", "", "A9"]), roster(), {},
     Status.E_INDEX, 4, "am_id",
     "account row 4 ('M5'), am_id: AM 'A9' is not on the roster: add the AM there or fix "
     "the id (ids must match exactly) (got 'A9')"),
    ("am_id twice on the roster", [mid_market()], accounts(),
     roster() + [dict(am_id="A2", segment="Mid-Market")], {},
     Status.E_RANGE, 3, "am_id",
     "roster row 3 ('A2'), am_id: AM 'A2' appears twice (first at roster row 1): AM ids "
     "must be unique (got 'A2')"),
    ("roster segment unknown", [mid_market()], accounts(),
     roster() + [dict(am_id="A4", segment="SMB")], {},
     Status.E_INDEX, 3, "segment",
     "roster row 3 ('A4'), segment: 'SMB' is not one of the segments ('Mid-Market'): add it "
     "there or fix the name (names must match exactly) (got 'SMB')"),
    ("account outside its AM's segment", two_segments(),
     accounts(segment=["Mid-Market", "Enterprise", "Mid-Market", "Mid-Market",
                       "Mid-Market"]), roster(), {},
     Status.E_RANGE, 1, "segment",
     "account row 1 ('M2'), segment: 'Enterprise' is not the segment of its AM 'A1' "
     "('Mid-Market'): an AM covers accounts of its own segment only (got 'Enterprise')"),
    ("account segment unknown", [mid_market()],
     accounts(segment=["Mid-Market"] * 4 + ["SMB"]), roster(), {},
     Status.E_INDEX, 4, "segment", "account row 4 ('M5'), segment: 'SMB' is not one of"),
    ("fte 0", [mid_market()], accounts(),
     [dict(am_id="A1", segment="Mid-Market", fte=0)], {},
     Status.E_RANGE, 0, "fte",
     "roster row 0 ('A1'), fte: value is outside its allowed range: above 0 and at most 1 "
     "(got 0)"),
    ("fte above 1", [mid_market()], accounts(),
     [dict(am_id="A1", segment="Mid-Market", fte=1.5)], {},
     Status.E_RANGE, 0, "fte", "above 0 and at most 1 (got 1.5)"),
    ("negative target", [mid_market()], accounts(),
     roster()[:1] + [dict(am_id="A2", segment="Mid-Market", target=-1.0)], {},
     Status.E_NEGATIVE, 1, "target",
     "roster row 1 ('A2'), target: value is negative: it must be >= 0 (got -1.0)"),
    ("am_covered 1 without am_id", [mid_market()], accounts(am_covered=[1, 1, 1, 1, 0]),
     roster(), {}, Status.E_RANGE, 3, "am_covered",
     "account row 3 ('M4'), am_covered: is 1 but am_id is empty: they must agree "
     "(am_covered 1 exactly when am_id names an AM) (got 1)"),
    ("am_covered 0 with am_id", [mid_market()], accounts(am_covered=[1, 0, 1, 0, 0]),
     roster(), {}, Status.E_RANGE, 1, "am_covered", "is 0 but am_id is 'A1'"),
    ("am_id empty on the roster", [mid_market()], accounts(),
     [dict(am_id=None, segment="Mid-Market")], {},
     Status.E_NULL, 0, "am_id", "roster row 0, am_id: is empty: give every AM an id"),
    ("account_id twice", [mid_market()],
     accounts(account_id=["M1", "M2", "M1", "M4", "M5"]), roster(), {},
     Status.E_RANGE, 2, "account_id", "account 'M1' appears twice (first at account row 0)"),
    ("csm_covered 2", [mid_market()], accounts(csm_covered=[0, 2, 0, 0, 0]), roster(), {},
     Status.E_RANGE, 1, "csm_covered",
     "account row 1 ('M2'), csm_covered: value is outside its allowed range: 0 or 1"),
    ("negative churn, by the library", [mid_market()],
     accounts(churn=[0, 0, -5, 0, 0]), roster(), {}, Status.E_NEGATIVE, 2, "churn",
     "account row 2 ('M3'), churn: value is negative: it must be >= 0 (got -5)"),
    ("empty arr", [mid_market()], accounts(arr=[1e6, None, 1, 1, 1]), roster(), {},
     Status.E_NOT_FINITE, 1, "arr", "account row 1 ('M2'), arr: value is NaN or infinite"),
    ("service_weight 0", [mid_market()], accounts(service_weight=[1, 1, 1, 0, 1]),
     roster(), {}, Status.E_NOT_POSITIVE, 3, "service_weight", "(got 0)"),
    ("below_plan NaN", [mid_market()], accounts(), roster(), dict(below_plan=math.nan),
     Status.E_NOT_FINITE, -1, "below_plan", "below_plan: value is NaN or infinite"),
    ("a segment without a name", [mid_market(name=None)], accounts(), roster(), {},
     Status.E_NULL, 0, "name", "segment 0, name: every segment needs a name here"),
    ("a segment name twice", [mid_market(), mid_market()], accounts(), roster(), {},
     Status.E_RANGE, 1, "name", "segment 'Mid-Market' appears twice (first segment 0)"),
    ("a segment input, as chart() says it", [mid_market(am_cost=0)], accounts(), roster(),
     {}, Status.E_NOT_POSITIVE, 0, "am_cost", "segment 0 ('Mid-Market'), am_cost:"),
    ("no am_id column", [mid_market()],
     {k: v for k, v in accounts().items() if k != "am_id"}, roster(), {},
     Status.E_NULL, -1, "am_id", "accounts, am_id: a required column"),
    ("no segment column on the roster", [mid_market()], accounts(),
     [dict(am_id="A1")], {}, Status.E_NULL, -1, "segment", "ams, segment: a required column"),
    ("columns of unequal length", [mid_market()], accounts(churn=[0, 0]), roster(), {},
     Status.E_BUFFER, -1, "column", "column churn has 2 rows but another has 5"),
    # A tiny fte makes the load W/fte overflow: the library says so of the AM.
    ("an AM's load beyond DBL_MAX", [mid_market()], accounts(),
     [dict(am_id="A1", segment="Mid-Market", fte=1e-308),
      dict(am_id="A2", segment="Mid-Market")], {},
     Status.E_OVERFLOW, 0, "load", "roster row 0 ('A1'), load: result is too large"),
]

#: Inputs of the wrong kind: AmsizeTypeError, naming the field.
BAD_TYPES = [
    ("accounts not a table", [mid_market()], 5, roster(), "accounts",
     "accounts: expected a pandas DataFrame, a dict of columns or a list of dicts"),
    ("a roster row not a dict", [mid_market()], accounts(), ["A1"], "",
     "ams row 0: expected a dict of the row's columns (got 'A1')"),
    ("money that is not a number", [mid_market()], accounts(upsell=[0, "lots", 0, 0, 0]),
     roster(), "upsell", "account row 1 ('M2'), upsell: must be a number (got 'lots')"),
    ("fte that is not a number", [mid_market()], accounts(),
     [dict(am_id="A1", segment="Mid-Market", fte="full")], "fte",
     "roster row 0 ('A1'), fte: must be a number (got 'full')"),
    ("an am_id that is not a name", [mid_market()], accounts(),
     [dict(am_id=["A1"], segment="Mid-Market")], "am_id",
     "roster row 0 (['A1']), am_id: must be a name or number, not a list"),
    ("a segment that is not a Segment", [5], accounts(), roster(), "",
     "segment 0: expected an amsize.Segment or a dict of its fields (got 5)"),
]


class BadInput(unittest.TestCase):
    def test_bad_input(self):
        for name, segs, acc, ams, kw, status, index, field, words in BAD:
            with self.subTest(name):
                with self.assertRaises(amsize.AmsizeError) as cm:
                    amsize.evaluate(segs, acc, ams, **kw)
                e = cm.exception
                self.assertNotIsInstance(e, amsize.AmsizeTypeError)
                self.assertEqual((e.status, e.index, e.field), (status, index, field), str(e))
                self.assertIn(words, str(e))

    def test_wrong_kinds(self):
        for name, segs, acc, ams, field, words in BAD_TYPES:
            with self.subTest(name):
                with self.assertRaises(amsize.AmsizeTypeError) as cm:
                    amsize.evaluate(segs, acc, ams)
                self.assertIsInstance(cm.exception, TypeError)
                self.assertEqual(cm.exception.field, field)
                self.assertIn(words, str(cm.exception))

    def test_range_texts_are_the_tables(self):
        from amsize import _schema
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.evaluate([mid_market()], accounts(),
                            [dict(am_id="A1", segment="Mid-Market", fte=2)])
        self.assertIn(_schema.field(_schema.AM, "fte").range_text, str(cm.exception))
        self.assertEqual(cm.exception.field_code, _schema.field(_schema.AM, "fte").code)
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.evaluate([mid_market()], accounts(csm_covered=[0, 0, 0, 0, 5]), roster())
        self.assertIn(_schema.field(_schema.ACCOUNT, "am_covered").range_text,
                      str(cm.exception))

    def test_yes_no_cells(self):
        # The command's words, bools and empty cells (0) are accepted.
        got = amsize.evaluate([mid_market()], accounts(
            csm_covered=["yes", False, "TRUE", 1.0, ""],
            am_covered=[True, "1", 1, "no", None]), roster())
        self.assertEqual(got.segments, example().segments)


# ------------------------------------------- the issue's text, again
def ceil_eps(x):
    return math.ceil(x - EPS * max(1.0, abs(x)))


def median(values):
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def compare(rows, a):
    """The issue's pilot comparison of the rows split by flag a(row):
    counts, books, Net Ratios and NR%, delta, lift, incremental,
    accretive."""
    out = {}
    for side, want in (("covered", True), ("uncovered", False)):
        part = [r for r in rows if r["flag"](r) == want]
        book = math.fsum(r["arr"] for r in part)
        nr = (math.fsum(r["upsell"] for r in part) + math.fsum(r["cross_sell"] for r in part)
              - a * math.fsum(r["churn"] for r in part))
        out["accounts_" + side] = len(part)
        out["book_" + side] = book
        out["net_ratio_" + side] = nr
        out["nr_pct_" + side] = nr / book if book > 0 else None
    pc, pu = out["nr_pct_covered"], out["nr_pct_uncovered"]
    out["delta"] = pc - pu if pc is not None and pu is not None else None
    out["lift"] = pc / pu if pc is not None and pu is not None and pu > 0 else None
    out["incremental"] = out["delta"] * out["book_covered"] if out["delta"] is not None \
        else None
    out["accretive"] = out["delta"] > 0 if out["delta"] is not None else None
    return out


def reference(segs, accs, ams, model, below_plan):
    """Per AM and per segment, from the issue's "What is computed".

    segs: Segments (name, P, K, m, r, Lmax, a, s, g given or None); accs:
    dicts of an account's columns; ams: dicts of the roster. Returns (am
    rows, segment rows) as dicts of the CSV columns."""
    T = (model or amsize.Model()).selling_time
    index = {s.name: i for i, s in enumerate(segs)}
    weight = [a.get("service_weight", 1.0) for a in accs]
    # The chart of each segment from all its accounts.
    chart_segs, lmin, lmax = [], [], []
    for i, s in enumerate(segs):
        mine = [k for k, a in enumerate(accs) if index[a["segment"]] == i]
        agg = dict(accounts=len(mine), weighted_accounts=math.fsum(weight[k] for k in mine))
        for c, src in (("book", "arr"), ("upsell", "upsell"), ("cross_sell", "cross_sell"),
                       ("churn", "churn")):
            agg[c] = math.fsum(accs[k][src] for k in mine)
        seg = amsize.Segment(**dict(vars(s), **agg))
        chart_segs.append(seg)
        nr = agg["upsell"] + agg["cross_sell"] - s.churn_attribution * agg["churn"]
        w = agg["weighted_accounts"]
        g = s.growth_per_account if s.growth_per_account is not None else \
            (nr / w if w > 0 else math.nan)
        lmin.append(max(1, ceil_eps(s.cost_coverage * s.am_cost / (s.gross_margin * g)))
                    if g > 0 else None)
        lmax.append(s.max_load)
    chart = amsize.chart(chart_segs, model)

    am_rows = []
    for am in ams:
        i = index[am["segment"]]
        s = segs[i]
        mine = [k for k, a in enumerate(accs) if a["am_id"] == am["am_id"]]
        n = len(mine)
        w = math.fsum(weight[k] for k in mine)
        u = math.fsum(accs[k]["upsell"] for k in mine)
        x = math.fsum(accs[k]["cross_sell"] for k in mine)
        c = math.fsum(accs[k]["churn"] for k in mine)
        nr = u + x - s.churn_attribution * c
        fte = am.get("fte", 1.0)
        target = am["target"] if am.get("target") is not None else \
            fte * s.am_productivity * T[s.support_rating - 1] / T[2]
        attainment = nr / target if target != 0 else None
        load = w / fte
        flags = []
        if load > lmax[i]:
            flags.append("OVERLOADED")
        if lmin[i] is not None and load < lmin[i]:
            flags.append("UNDERLOADED")
        if attainment is not None and attainment < below_plan:
            flags.append("BELOW_PLAN")
        if nr < 0:
            flags.append("NEGATIVE_NET")
        if n == 0:
            flags.append("NO_ACCOUNTS")
        am_rows.append(dict(am_id=am["am_id"], segment=s.name, fte=fte, accounts=n,
                            weighted_accounts=w,
                            book=math.fsum(accs[k]["arr"] for k in mine), upsell=u,
                            cross_sell=x, churn=c, net_ratio=nr, target=target,
                            attainment=attainment, load=load, min_load=lmin[i],
                            max_load=lmax[i], flags=tuple(flags)))

    seg_rows = []
    for i, s in enumerate(segs):
        mine = [r for r in am_rows if r["segment"] == s.name]
        rows = [dict(a, flag=lambda r: r["am_id"] not in (None, "")) for a in accs
                if a["segment"] == s.name]
        out = dict(segment=s.name, ams=len(mine), fte=math.fsum(r["fte"] for r in mine),
                   headcount=chart[i].headcount)
        out["fte_gap"] = out["fte"] - out["headcount"]
        out.update(compare(rows, s.churn_attribution))
        f3s = T[2] / T[s.support_rating - 1]
        out["net_per_fte"] = out["net_ratio_covered"] / out["fte"] if out["fte"] > 0 else None
        out["observed_productivity"] = out["net_per_fte"] * f3s \
            if out["net_per_fte"] is not None else None
        defined = [r["attainment"] for r in mine if r["attainment"] is not None]
        out["attainment_median"] = median(defined) if defined else None
        out["share_at_plan"] = sum(a >= 1 for a in defined) / len(defined) if defined else None
        loads = [r["load"] for r in mine]
        out["load_min"] = min(loads) if loads else None
        out["load_median"] = median(loads) if loads else None
        out["load_max"] = max(loads) if loads else None
        for flag in ("OVERLOADED", "UNDERLOADED", "BELOW_PLAN"):
            out[flag.lower()] = sum(flag in r["flags"] for r in mine)
        p = out["observed_productivity"]
        if p is not None and p > 0:
            row = amsize.chart([amsize.Segment(**dict(vars(chart_segs[i]),
                                                      am_productivity=p))], model)[0]
            out["resized_headcount"], out["resized_binding"] = row.headcount, row.binding
        else:
            out["resized_headcount"], out["resized_binding"] = None, None
        if any("csm_covered" in a for a in accs):
            rows = [dict(a, flag=lambda r: bool(r["csm_covered"])) for a in accs
                    if a["segment"] == s.name]
            pilot = compare(rows, s.churn_attribution)
            for c in _evaluate._CSM_COLUMNS:
                out[c] = pilot[c[4:]]
        seg_rows.append(out)
    return am_rows, seg_rows


def random_case(rng):
    """A small random period: 1 to 3 segments, 0 to 5 AMs each, 0 to 12
    accounts each, some of them covered by nobody."""
    T = sorted(rng.uniform(0.2, 1.0) for _ in range(5)) if rng.random() < 0.3 else None
    model = amsize.Model(selling_time=tuple(T)) if T else None
    segs, accs, ams = [], [], []
    weights = rng.random() < 0.4
    csm = rng.random() < 0.5
    for i in range(rng.randint(1, 3)):
        name = "S%d" % i
        segs.append(amsize.Segment(
            name=name, am_productivity=rng.uniform(2e4, 2e6), am_cost=rng.uniform(1e3, 3e5),
            max_load=rng.choice([1, 2, 3, 5, 8, 2.5]), support_rating=rng.randint(1, 5),
            churn_attribution=rng.choice([1.0, 0.5, rng.random()]),
            gross_margin=rng.choice([1.0, rng.uniform(0.2, 1.0)]),
            cost_coverage=rng.choice([1.0, rng.uniform(0.5, 3.0)]),
            growth_per_account=rng.choice([None, None, None, rng.uniform(-5e4, 2e5)])))
        mine = []
        for j in range(rng.randint(0, 5)):
            am_id = "%s-A%d" % (name, j)
            mine.append(am_id)
            target = rng.choice([None, None, rng.uniform(0, 1e6), 0.0])
            ams.append(dict(am_id=am_id, segment=name,
                            fte=rng.choice([1.0, 0.5, 0.25, rng.uniform(0.05, 1.0)]),
                            target=target))
        for k in range(rng.randint(0, 12)):
            arr = rng.choice([0.0, rng.uniform(1e3, 1e6), rng.uniform(1e3, 1e6)])
            a = dict(account_id="%s-%d" % (name, k), segment=name, arr=arr,
                     upsell=rng.uniform(0, 0.4) * arr, cross_sell=rng.uniform(0, 0.1) * arr,
                     churn=rng.choice([0.0, rng.uniform(0, 0.5) * arr]),
                     am_id=rng.choice(mine) if mine and rng.random() < 0.7 else
                     rng.choice([None, ""]))
            if weights:
                a["service_weight"] = rng.choice([1.0, 0.5, 2.0, rng.uniform(0.1, 3.0)])
            if csm:
                a["csm_covered"] = rng.randint(0, 1)
            accs.append(a)
    rng.shuffle(accs)
    rng.shuffle(ams)
    below_plan = rng.choice([0.9, rng.uniform(0.0, 1.5)])
    return segs, accs, ams, model, below_plan


def close(got, want):
    if want is None or got is None:
        return got is want
    if isinstance(want, (bool, str, tuple)):
        return got == want
    return abs(got - want) <= EPS * max(abs(got), abs(want), 1.0)


class AgainstTheIssue(unittest.TestCase):
    def test_random_periods(self):
        rng = random.Random(12)
        flags_seen, shapes = set(), set()
        for case in range(100):
            segs, accs, ams, model, below_plan = random_case(rng)
            want_ams, want_segs = reference(segs, accs, ams, model, below_plan)
            got = amsize.evaluate(segs, accs, ams, model, below_plan=below_plan)
            self.assertEqual(len(got.ams), len(want_ams))
            for g, w in zip(got.to_records("ams"), want_ams):
                for column in amsize.AM_COLUMNS:
                    self.assertTrue(close(g[column], w[column]),
                                    (case, g["am_id"], column, g[column], w[column]))
                flags_seen.update(g["flags"])
            for g, w in zip(got.to_records("segments"), want_segs):
                self.assertEqual(set(g), set(w))
                for column in g:
                    self.assertTrue(close(g[column], w[column]),
                                    (case, g["segment"], column, g[column], w[column]))
                shapes.add("no AMs" if g["ams"] == 0 else
                           "odd" if g["ams"] % 2 else "even")
                shapes.add("resized" if g["resized_headcount"] is not None else "not resized")
                shapes.add("csm" if "csm_delta" in g else "no csm")
            if any(a.attainment is None for a in got.ams):
                shapes.add("undefined attainment")
        # The cases reach every flag, and the shapes the issue names.
        self.assertEqual(flags_seen, {"OVERLOADED", "UNDERLOADED", "BELOW_PLAN",
                                      "NEGATIVE_NET", "NO_ACCOUNTS"})
        self.assertEqual(shapes, {"no AMs", "odd", "even", "resized", "not resized", "csm",
                                  "no csm", "undefined attainment"})


class Constants(unittest.TestCase):
    def test_below_plan_default_is_the_headers(self):
        import inspect
        import os
        import re
        from support import HERE
        header = os.path.join(HERE, "..", "..", "..", "include", "amsize", "evaluate.h")
        default = inspect.signature(amsize.evaluate).parameters["below_plan"].default
        self.assertEqual(default, 0.9)
        if not os.path.exists(header):
            self.skipTest("include/amsize/evaluate.h is not here (an installed copy)")
        with open(header) as f:
            m = re.search(r"#define AMSIZE_BELOW_PLAN_DEFAULT\s+([0-9.]+)", f.read())
        self.assertEqual(float(m.group(1)), default)


if __name__ == "__main__":
    unittest.main()
