"""Every error path of the segment, model, method and pilot calls."""
import dataclasses
import math
import unittest

import amsize
from amsize import Status
from support import example_segments


class SegmentErrors(unittest.TestCase):
    def chart_error(self, index, **change):
        segs = example_segments()
        segs[index] = dataclasses.replace(segs[index], **change)
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.chart(segs)
        return cm.exception

    def test_message_says_what_to_fix(self):
        e = self.chart_error(2, am_cost=0.0)
        self.assertEqual(str(e), "segment 2 ('SMB'), am_cost: value must be > 0 (got 0.0)")
        self.assertEqual(e.status, Status.E_NOT_POSITIVE)
        self.assertEqual(e.status, 5)
        self.assertEqual(e.status_name, "AMSIZE_E_NOT_POSITIVE")
        self.assertEqual((e.index, e.field, e.field_code, e.value), (2, "am_cost", 10, 0.0))
        self.assertIsInstance(e, ValueError)

    def test_each_field(self):
        cases = [
            (dict(support_rating=0), Status.E_RANGE, "support_rating"),
            (dict(support_rating=6), Status.E_RANGE, "support_rating"),
            (dict(support_rating=2 ** 40), Status.E_RANGE, "support_rating"),
            (dict(accounts=-1), Status.E_NEGATIVE, "accounts"),
            (dict(weighted_accounts=-1.0), Status.E_NEGATIVE, "weighted_accounts"),
            (dict(weighted_accounts=math.inf), Status.E_NOT_FINITE, "weighted_accounts"),
            (dict(book=math.nan), Status.E_NOT_FINITE, "book"),
            (dict(book=-5.0), Status.E_NEGATIVE, "book"),
            (dict(upsell=-1.0), Status.E_NEGATIVE, "upsell"),
            (dict(cross_sell=-1.0), Status.E_NEGATIVE, "cross_sell"),
            (dict(churn=-1.0), Status.E_NEGATIVE, "churn"),
            (dict(churn_attribution=1.5), Status.E_RANGE, "churn_attribution"),
            (dict(am_productivity=None), Status.E_NOT_POSITIVE, "am_productivity"),
            (dict(am_cost=-3.0), Status.E_NOT_POSITIVE, "am_cost"),
            (dict(gross_margin=0.0), Status.E_RANGE, "gross_margin"),
            (dict(cost_coverage=0.0), Status.E_NOT_POSITIVE, "cost_coverage"),
            (dict(growth_per_account=math.inf), Status.E_NOT_FINITE, "growth_per_account"),
            (dict(max_load=None), Status.E_NOT_POSITIVE, "max_load"),
        ]
        for change, status, field in cases:
            with self.subTest(change=change):
                e = self.chart_error(1, **change)
                self.assertEqual((e.status, e.index, e.field), (status, 1, field))
                self.assertTrue(str(e).startswith("segment 1 ('Mid-Market'), %s: " % field), str(e))

    def test_missing_required_says_not_given(self):
        e = self.chart_error(0, max_load=None)
        self.assertIn("max_load: value must be > 0 (not given)", str(e))

    def test_first_bad_segment_wins(self):
        segs = example_segments()
        segs[1].book = -1.0
        segs[2].book = -1.0
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.chart(segs)
        self.assertEqual(cm.exception.index, 1)

    def test_no_segments(self):
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.chart([])
        self.assertEqual((cm.exception.status, cm.exception.field), (Status.E_EMPTY, "segments"))

    def test_overflow(self):
        e = self.chart_error(0, am_productivity=1e-300)
        self.assertEqual(e.status, Status.E_OVERFLOW)
        self.assertEqual(e.index, 0)

    def test_python_type_errors(self):
        with self.assertRaisesRegex(TypeError, "accounts: must be a whole number"):
            amsize.chart([dataclasses.replace(example_segments()[0], accounts=2.5)])
        with self.assertRaises(TypeError):
            amsize.chart(["not a segment"])
        with self.assertRaises(TypeError):
            amsize.chart(example_segments(), model="default")
        # Integral floats and numpy-style integers are whole numbers.
        amsize.chart([dataclasses.replace(example_segments()[0], accounts=200.0)])

    def test_single_segment_methods(self):
        seg = dataclasses.replace(example_segments()[0], churn_attribution=-0.5)
        for fn in (amsize.netratio, amsize.support, amsize.load):
            with self.subTest(fn=fn.__name__):
                with self.assertRaises(amsize.AmsizeError) as cm:
                    fn(seg)
                e = cm.exception
                self.assertEqual((e.status, e.index, e.field),
                                 (Status.E_RANGE, 0, "churn_attribution"))
                self.assertEqual(str(e), "segment 'Enterprise', churn_attribution: value is "
                                         "outside its allowed range (got -0.5)")


class ModelErrors(unittest.TestCase):
    def model_error(self, **kw):
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.chart(example_segments(), amsize.Model(**kw))
        return cm.exception

    def test_selling_time(self):
        e = self.model_error(selling_time=(0.4, 0.3, 0.6, 0.7, 0.8))
        self.assertEqual((e.status, e.index, e.field), (Status.E_ORDER, -1, "selling_time[2]"))
        self.assertEqual(str(e), "model, selling_time[2]: values are out of order (got 0.3)")
        e = self.model_error(selling_time=(0.0, 0.5, 0.6, 0.7, 0.8))
        self.assertEqual((e.status, e.field), (Status.E_RANGE, "selling_time[1]"))
        e = self.model_error(selling_time=(0.4, 0.5, 0.6, 0.7, 1.2))
        self.assertEqual((e.status, e.field), (Status.E_RANGE, "selling_time[5]"))

    def test_wrong_table_length(self):
        e = self.model_error(selling_time=(0.4, 0.5))
        self.assertEqual(e.field, "selling_time")

    def test_thresholds(self):
        e = self.model_error(rating_high=0.01, rating_medium=0.02)
        self.assertEqual((e.status, e.field), (Status.E_ORDER, "rating_high"))
        e = self.model_error(rating_medium=math.nan)
        self.assertEqual((e.status, e.field), (Status.E_NOT_FINITE, "rating_medium"))
        self.assertIn("(got nan)", str(e))


class PilotErrors(unittest.TestCase):
    def test_pilot(self):
        cases = [
            ((math.nan, 1.0, 1.0, 1.0), Status.E_NOT_FINITE, 0, "net_ratio"),
            ((1.0, -1.0, 1.0, 1.0), Status.E_NEGATIVE, 0, "book"),
            ((1.0, 1.0, math.inf, 1.0), Status.E_NOT_FINITE, 1, "net_ratio"),
            ((1.0, 1.0, 1.0, math.inf), Status.E_NOT_FINITE, 1, "book"),
        ]
        for args, status, index, field in cases:
            with self.subTest(args=args):
                with self.assertRaises(amsize.AmsizeError) as cm:
                    amsize.pilot(*args)
                e = cm.exception
                self.assertEqual((e.status, e.index, e.field), (status, index, field))
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.pilot(1.0, -2.0, 0.0, 0.0)
        self.assertEqual(str(cm.exception),
                         "covered accounts, book: value is negative: it must be >= 0 (got -2.0)")


if __name__ == "__main__":
    unittest.main()
