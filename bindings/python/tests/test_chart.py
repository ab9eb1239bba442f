"""The chart of the three example segments, checked by hand, and its views."""
import dataclasses
import unittest

import amsize
from support import example_segments, pandas


class ExampleChart(unittest.TestCase):
    def setUp(self):
        self.chart = amsize.chart(example_segments())

    def test_enterprise(self):
        r = self.chart["Enterprise"]
        # NR = 12M + 8M - 4M; NR% = 16M/100M; FTE 16M/1.5M = 10.67 -> 11.
        self.assertEqual(r.net_ratio, 16e6)
        self.assertAlmostEqual(r.net_ratio_pct, 0.16, places=15)
        self.assertEqual(r.net_ratio_rating, "high")
        self.assertEqual(r.support_rating, 3)
        self.assertEqual(r.support_factor, 1.0)
        self.assertEqual(r.hc_demand, 11)
        # g = 16M/200 = 80k per account; Lmin = ceil(200k/80k) = 3.
        self.assertEqual(r.min_load, 3.0)
        self.assertEqual(r.max_load, 20.0)
        self.assertEqual(r.hc_floor, 10)    # 200/20
        self.assertEqual(r.hc_ceiling, 66)  # floor(200/3)
        self.assertEqual(r.headcount, 11)
        self.assertEqual(r.binding, "demand")
        self.assertEqual(r.flags, ())
        self.assertEqual(r.cost, 11 * 200e3)
        self.assertAlmostEqual(r.roi, 16e6 / 2.2e6, places=12)

    def test_mid_market(self):
        r = self.chart["Mid-Market"]
        self.assertEqual(r.net_ratio, 11e6)         # 11M + 3M - 0.5*6M
        self.assertEqual(r.churn_attributed, 3e6)
        self.assertEqual(r.net_ratio_rating, "medium")
        self.assertEqual((r.hc_floor, r.hc_ceiling, r.hc_demand, r.headcount), (8, 68, 10, 10))

    def test_smb(self):
        r = self.chart["SMB"]
        self.assertEqual(r.net_ratio, 0.5e6)
        self.assertEqual(r.net_ratio_rating, "low")
        self.assertAlmostEqual(r.support_factor, 0.6 / 0.7, places=15)
        self.assertEqual(r.min_load, 4800.0)        # 120k / (500k/20000)
        self.assertEqual((r.hc_floor, r.hc_ceiling, r.hc_demand), (40, 4, 1))
        self.assertEqual(r.headcount, 40)
        self.assertEqual(r.binding, "service_floor")
        self.assertEqual(r.flags, ("UNECONOMIC",))

    def test_total(self):
        t = self.chart.total
        self.assertEqual(t.segment, "TOTAL")
        self.assertEqual(t.accounts, 21700)
        self.assertEqual(t.net_ratio, 27.5e6)
        self.assertEqual((t.hc_floor, t.hc_ceiling, t.hc_demand, t.headcount), (58, 138, 22, 61))
        self.assertEqual(t.cost, 8.6e6)
        for undefined in ("net_ratio_rating", "support_rating", "support_factor", "min_load",
                          "max_load", "binding", "net_per_am", "roi"):
            self.assertIsNone(getattr(t, undefined), undefined)
        self.assertEqual(t.flags, ())

    def test_row_fields_are_the_csv_columns(self):
        self.assertEqual(
            amsize.COLUMNS,
            ("segment", "accounts", "weighted_accounts", "book", "upsell", "cross_sell",
             "churn_attributed", "net_ratio", "net_ratio_pct", "net_ratio_rating",
             "support_rating", "support_factor", "fte_net", "fte_demand", "min_load",
             "max_load", "hc_floor", "hc_ceiling", "hc_demand", "headcount", "binding",
             "flags", "load_per_am", "cost", "net_per_am", "roi"))
        self.assertEqual(tuple(f.name for f in dataclasses.fields(amsize.ChartRow)),
                         amsize.COLUMNS)

    def test_iteration_and_records(self):
        self.assertEqual([r.segment for r in self.chart], ["Enterprise", "Mid-Market", "SMB"])
        self.assertEqual(len(self.chart), 3)
        recs = self.chart.to_records()
        self.assertEqual(len(recs), 4)
        self.assertEqual(list(recs[0]), list(amsize.COLUMNS))
        self.assertEqual(recs[-1]["segment"], "TOTAL")
        self.assertEqual(len(self.chart.to_records(total=False)), 3)

    def test_text_and_html(self):
        text = str(self.chart)
        self.assertEqual(repr(self.chart), text)
        lines = text.splitlines()
        self.assertTrue(lines[0].startswith("segment"))
        self.assertRegex(lines[1], r"^Enterprise +200 +16,000,000 +16\.0% +high .* 11 +demand$")
        self.assertRegex(lines[3], r"^SMB .* 40 +service_floor +UNECONOMIC$")
        self.assertTrue(lines[4].startswith("TOTAL"))
        html = self.chart._repr_html_()
        self.assertTrue(html.startswith("<table"))
        self.assertEqual(html.count("<tr>"), 5)
        self.assertEqual(html.count("<th>"), len(amsize.COLUMNS))
        self.assertIn("<td>service_floor</td>", html)

    def test_html_escapes_names(self):
        segs = example_segments()
        segs[0].name = "<b>&"
        self.assertIn("&lt;b&gt;&amp;", amsize.chart(segs)._repr_html_())

    @unittest.skipUnless(pandas, "pandas is not installed")
    def test_pandas(self):
        df = self.chart.to_pandas()
        self.assertEqual(list(df.columns), list(amsize.COLUMNS))
        self.assertEqual(df["headcount"].tolist(), [11, 10, 40, 61])
        self.assertEqual(df.loc[2, "binding"], "service_floor")

    @unittest.skipIf(pandas, "pandas is installed")
    def test_pandas_missing(self):
        with self.assertRaisesRegex(ImportError, "needs pandas"):
            self.chart.to_pandas()

    def test_dict_segments_and_default_name(self):
        seg = dataclasses.asdict(example_segments()[0])
        del seg["name"]
        c = amsize.chart([seg])
        self.assertEqual(c.rows[0].segment, "0")
        self.assertEqual(c.rows[0].headcount, 11)


class Defaults(unittest.TestCase):
    def test_segment_defaults_are_the_librarys(self):
        s = amsize.Segment()
        self.assertEqual((s.support_rating, s.churn_attribution, s.gross_margin,
                          s.cost_coverage), (3, 1.0, 1.0, 1.0))
        self.assertIsNone(s.weighted_accounts)
        self.assertIsNone(s.growth_per_account)
        m = amsize.Model()
        self.assertEqual(m.selling_time, (0.40, 0.50, 0.60, 0.70, 0.80))
        self.assertEqual((m.rating_high, m.rating_medium), (0.15, 0.05))

    def test_explicit_model_equals_default(self):
        a = amsize.chart(example_segments())
        b = amsize.chart(example_segments(), amsize.Model())
        self.assertEqual(a.rows, b.rows)

    def test_model_changes_ratings_and_support(self):
        m = amsize.Model(selling_time=(0.5, 0.5, 0.6, 0.6, 0.6), rating_high=0.20,
                         rating_medium=0.10)
        c = amsize.chart(example_segments(), m)
        self.assertEqual([r.net_ratio_rating for r in c], ["medium", "medium", "low"])
        self.assertEqual(c["SMB"].support_factor, 1.0)

    def test_weighted_accounts_and_growth(self):
        seg = example_segments()[0]
        seg.weighted_accounts = 400.0
        seg.growth_per_account = 100e3
        r = amsize.chart([seg]).rows[0]
        self.assertEqual(r.weighted_accounts, 400.0)
        self.assertEqual(r.hc_floor, 20)
        self.assertEqual(r.min_load, 2.0)


class Methods(unittest.TestCase):
    def test_netratio_support_load(self):
        ent, _, smb = example_segments()[0], None, example_segments()[2]
        nr = amsize.netratio(ent)
        self.assertEqual((nr.rating, nr.net_ratio, nr.net_ratio_pct), ("high", 16e6, 0.16))
        sup = amsize.support(smb)
        self.assertEqual((sup.support_rating, sup.hc_demand), (4, 1))
        ld = amsize.load(smb)
        self.assertEqual((ld.min_load, ld.hc_floor, ld.hc_ceiling), (4800.0, 40, 4))
        self.assertEqual(ld.flags, ("UNECONOMIC",))
        self.assertEqual(ld.growth_per_account, 25.0)

    def test_undefined_is_none(self):
        seg = amsize.Segment(am_productivity=1, am_cost=1, max_load=1)
        self.assertIsNone(amsize.netratio(seg).net_ratio_pct)
        ld = amsize.load(seg)
        self.assertIsNone(ld.growth_per_account)
        self.assertIsNone(ld.min_load)
        self.assertEqual(ld.flags, ())

    def test_pilot(self):
        p = amsize.pilot(2e6, 10e6, 0.5e6, 10e6)
        self.assertTrue(p.accretive)
        self.assertAlmostEqual(p.delta, 0.15)
        self.assertAlmostEqual(p.lift, 4.0)
        self.assertAlmostEqual(p.incremental, 1.5e6)
        q = amsize.pilot(1.0, 10.0, 1.0, 0.0)
        self.assertFalse(q.accretive)
        self.assertIsNone(q.nr_pct_uncovered)
        self.assertIsNone(q.delta)


if __name__ == "__main__":
    unittest.main()
