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
        e = cm.exception
        self.assertEqual((e.status, e.index, e.field, e.field_code),
                         (Status.E_EMPTY, -1, "segments", 23))
        # The list is what is wrong, not the totals row.
        self.assertEqual(str(e), "segments: the segment list is empty: pass at least one segment")

    def test_range_messages_state_the_range(self):
        # The allowed ranges of the README's input table, worded as the
        # amsize command words them.
        cases = [
            (dict(support_rating=6), "support_rating: value is outside its allowed range: "
                                     "1 to 5 (got 6)"),
            (dict(support_rating=0), "support_rating: value is outside its allowed range: "
                                     "1 to 5 (got 0)"),
            (dict(churn_attribution=1.5), "churn_attribution: value is outside its allowed "
                                          "range: 0 to 1 (got 1.5)"),
            (dict(gross_margin=0.0), "gross_margin: value is outside its allowed range: "
                                     "above 0 and at most 1 (got 0.0)"),
            (dict(gross_margin=1.25), "gross_margin: value is outside its allowed range: "
                                      "above 0 and at most 1 (got 1.25)"),
        ]
        for change, tail in cases:
            with self.subTest(change=change):
                e = self.chart_error(1, **change)
                self.assertEqual(e.status, Status.E_RANGE)
                self.assertEqual(str(e), "segment 1 ('Mid-Market'), " + tail)

    def test_overflow(self):
        e = self.chart_error(0, am_productivity=1e-300)
        self.assertEqual(e.status, Status.E_OVERFLOW)
        self.assertEqual(e.index, 0)

    def assertError(self, e, cls, status, index, field, field_code, message):
        self.assertIsInstance(e, cls)
        self.assertEqual((e.status, e.index, e.field, e.field_code),
                         (status, index, field, field_code))
        self.assertEqual(str(e), message)

    def test_accounts_past_int64(self):
        # int64_t accounts: 2**63 cannot reach C, and the error names the
        # segment it is in (1), not -1.
        e = self.chart_error(1, accounts=2 ** 63)
        self.assertError(e, amsize.AmsizeError, Status.E_RANGE, 1, "accounts", 2,
                         "segment 1 ('Mid-Market'), accounts: value is outside its allowed "
                         "range: 0 to 9223372036854775807 (got 9223372036854775808)")
        self.assertEqual(e.value, 2 ** 63)
        # 2**63 - 1 does reach C, which finds W/Lmax = 2**63/200 AMs too many.
        e = self.chart_error(1, accounts=2 ** 63 - 1)
        self.assertEqual((e.status, e.index), (Status.E_OVERFLOW, 1))

    def test_not_whole_numbers(self):
        e = self.chart_error(1, accounts=1.5)
        self.assertError(e, amsize.AmsizeTypeError, Status.E_RANGE, 1, "accounts", 2,
                         "segment 1 ('Mid-Market'), accounts: must be a whole number from 0 "
                         "to 9223372036854775807 (got 1.5)")
        # Still what it was before it carried a status: a TypeError.
        self.assertIsInstance(e, TypeError)
        self.assertIsInstance(e, ValueError)
        self.assertEqual(e.value, 1.5)
        e = self.chart_error(2, support_rating=2.5)
        self.assertError(e, amsize.AmsizeTypeError, Status.E_RANGE, 2, "support_rating", 15,
                         "segment 2 ('SMB'), support_rating: must be a whole number from 1 to 5 "
                         "(got 2.5)")
        e = self.chart_error(0, accounts="200")
        self.assertEqual((e.index, e.field, e.value), (0, "accounts", "200"))
        e = self.chart_error(0, accounts=math.nan)
        self.assertEqual((e.status, e.index, e.field), (Status.E_RANGE, 0, "accounts"))
        # Integral floats and numpy-style integers are whole numbers.
        amsize.chart([dataclasses.replace(example_segments()[0], accounts=200.0)])

    def test_not_numbers(self):
        e = self.chart_error(1, book="abc")
        self.assertError(e, amsize.AmsizeTypeError, Status.E_NOT_FINITE, 1, "book", 4,
                         "segment 1 ('Mid-Market'), book: must be a number (got 'abc')")
        self.assertEqual(e.value, "abc")
        # field -> its amsize_field number (status.h)
        codes = dict(weighted_accounts=3, book=4, upsell=5, cross_sell=6, churn=7,
                     churn_attribution=8, am_productivity=9, am_cost=10, gross_margin=11,
                     cost_coverage=12, growth_per_account=13, max_load=14)
        for field, code in codes.items():
            for bad in ("abc", [1.0], object):
                with self.subTest(field=field, bad=bad):
                    e = self.chart_error(2, **{field: bad})
                    self.assertIsInstance(e, amsize.AmsizeTypeError)
                    self.assertEqual((e.status, e.index, e.field, e.field_code),
                                     (Status.E_NOT_FINITE, 2, field, code))
                    self.assertEqual(str(e), "segment 2 ('SMB'), %s: must be a number (got %r)"
                                     % (field, bad))
        # An int past the double range is a number, but not a finite one.
        e = self.chart_error(0, book=10 ** 400)
        self.assertEqual((e.status, e.index, e.field), (Status.E_NOT_FINITE, 0, "book"))
        self.assertNotIsInstance(e, amsize.AmsizeTypeError)

    def test_not_segments(self):
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.chart([example_segments()[0], "not a segment"])
        self.assertError(cm.exception, amsize.AmsizeTypeError, Status.E_RANGE, 1, "", 0,
                         "segment 1: expected an amsize.Segment or a dict of its fields "
                         "(got 'not a segment')")
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.chart(5)
        self.assertError(cm.exception, amsize.AmsizeTypeError, Status.E_RANGE, -1,
                         "segments", 23, "segments: expected a list of amsize.Segment or dicts "
                         "of their fields (got 5)")
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.chart([{"name": "X", "acounts": 5}])
        e = cm.exception
        self.assertIsInstance(e, amsize.AmsizeTypeError)
        self.assertEqual((e.status, e.index, e.field, e.field_code),
                         (Status.E_RANGE, 0, "acounts", 0))
        self.assertTrue(str(e).startswith("segment 0, acounts: not a field of amsize.Segment: "
                                          "use name, accounts, weighted_accounts, "), str(e))
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.netratio("x")
        self.assertEqual(str(cm.exception), "segment: expected an amsize.Segment or a dict of "
                                            "its fields (got 'x')")

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
                                         "outside its allowed range: 0 to 1 (got -0.5)")


class ModelErrors(unittest.TestCase):
    def model_error(self, **kw):
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.chart(example_segments(), amsize.Model(**kw))
        return cm.exception

    def test_selling_time(self):
        e = self.model_error(selling_time=(0.4, 0.3, 0.6, 0.7, 0.8))
        self.assertEqual((e.status, e.index, e.field), (Status.E_ORDER, -1, "selling_time[2]"))
        self.assertEqual(str(e), "model, selling_time[2]: values are out of order: the table "
                                 "must be non-decreasing from rating 1 to 5 (got 0.3)")
        e = self.model_error(selling_time=(0.0, 0.5, 0.6, 0.7, 0.8))
        self.assertEqual((e.status, e.field), (Status.E_RANGE, "selling_time[1]"))
        e = self.model_error(selling_time=(0.4, 0.5, 0.6, 0.7, 1.2))
        self.assertEqual((e.status, e.field), (Status.E_RANGE, "selling_time[5]"))

    def test_selling_time_range(self):
        e = self.model_error(selling_time=(0.4, 0.5, 0.6, 0.7, 1.2))
        self.assertEqual((e.status, e.index, e.field, e.field_code),
                         (Status.E_RANGE, -1, "selling_time[5]", 20))
        self.assertEqual(str(e), "model, selling_time[5]: value is outside its allowed range: "
                                 "above 0 and at most 1 (got 1.2)")
        e = self.model_error(selling_time=(0.0, 0.5, 0.6, 0.7, 0.8))
        self.assertEqual(str(e), "model, selling_time[1]: value is outside its allowed range: "
                                 "above 0 and at most 1 (got 0.0)")

    def test_wrong_table_length(self):
        e = self.model_error(selling_time=(0.4, 0.5))
        self.assertEqual(e.field, "selling_time")
        self.assertEqual(str(e), "model, selling_time: needs 5 entries, one per support rating "
                                 "1..5 (got (0.4, 0.5))")
        e = self.model_error(selling_time=0.5)
        self.assertIsInstance(e, amsize.AmsizeTypeError)
        self.assertEqual((e.status, e.field, e.value), (Status.E_RANGE, "selling_time", 0.5))

    def test_not_numbers(self):
        e = self.model_error(rating_high="high")
        self.assertIsInstance(e, amsize.AmsizeTypeError)
        self.assertEqual((e.status, e.index, e.field, e.field_code),
                         (Status.E_NOT_FINITE, -1, "rating_high", 21))
        self.assertEqual(str(e), "model, rating_high: must be a number (got 'high')")
        e = self.model_error(selling_time=(0.4, "half", 0.6, 0.7, 0.8))
        self.assertEqual((e.status, e.index, e.field, e.field_code),
                         (Status.E_NOT_FINITE, -1, "selling_time[2]", 17))
        self.assertEqual(str(e), "model, selling_time[2]: must be a number (got 'half')")
        e = self.model_error(rating_medium=None)
        self.assertEqual((e.field, e.field_code), ("rating_medium", 22))

    def test_not_a_model(self):
        for model, field in (("default", "model"), ({"rating_hi": 0.2}, "rating_hi")):
            with self.subTest(model=model):
                with self.assertRaises(amsize.AmsizeTypeError) as cm:
                    amsize.chart(example_segments(), model)
                self.assertEqual((cm.exception.status, cm.exception.field),
                                 (Status.E_RANGE, field))
        self.assertEqual(str(cm.exception), "model, rating_hi: not a field of amsize.Model: use "
                                            "selling_time, rating_high, rating_medium")
        with self.assertRaises(amsize.AmsizeTypeError) as cm:
            amsize.load(example_segments()[0], "default")
        self.assertEqual(str(cm.exception), "model: expected an amsize.Model, a dict of its "
                                            "fields or None (got 'default')")

    def test_model_as_a_dict(self):
        # A dict model is converted once: the error quotes the dict's value.
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.chart(example_segments(), {"rating_high": 0.01, "rating_medium": 0.02})
        self.assertEqual(str(cm.exception), "model, rating_high: values are out of order: "
                                            "rating_high must be >= rating_medium (got 0.01)")
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.netratio(example_segments()[0], {"selling_time": (0.4, 0.5, 0.6, 0.7, 1.5)})
        self.assertEqual(str(cm.exception), "model, selling_time[5]: value is outside its "
                                            "allowed range: above 0 and at most 1 (got 1.5)")

    def test_thresholds(self):
        e = self.model_error(rating_high=0.01, rating_medium=0.02)
        self.assertEqual((e.status, e.field), (Status.E_ORDER, "rating_high"))
        self.assertEqual(str(e), "model, rating_high: values are out of order: rating_high must "
                                 "be >= rating_medium (got 0.01)")
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

    def test_not_numbers(self):
        cases = [
            (("abc", 1.0, 1.0, 1.0), 0, "net_ratio", 28,
             "covered accounts, net_ratio: must be a number (got 'abc')"),
            ((1.0, [2.0], 1.0, 1.0), 0, "book", 4,
             "covered accounts, book: must be a number (got [2.0])"),
            ((1.0, 1.0, "x", 1.0), 1, "net_ratio", 28,
             "uncovered accounts, net_ratio: must be a number (got 'x')"),
            ((1.0, 1.0, 1.0, None), 1, "book", 4,
             "uncovered accounts, book: must be a number (not given)"),
        ]
        for args, index, field, code, message in cases:
            with self.subTest(args=args):
                with self.assertRaises(amsize.AmsizeTypeError) as cm:
                    amsize.pilot(*args)
                e = cm.exception
                self.assertEqual((e.status, e.index, e.field, e.field_code),
                                 (Status.E_NOT_FINITE, index, field, code))
                self.assertEqual(str(e), message)


class ScalarErrors(unittest.TestCase):
    def test_not_a_number_raises(self):
        with self.assertRaises(amsize.AmsizeTypeError) as cm:
            amsize.fte_net_calc("abc", 1.5e6)
        e = cm.exception
        self.assertEqual((e.status, e.index, e.field, e.field_code),
                         (Status.E_NOT_FINITE, -1, "net_ratio", 28))
        self.assertEqual(str(e), "fte_net_calc, net_ratio: must be a number (got 'abc')")
        with self.assertRaises(amsize.AmsizeTypeError) as cm:
            amsize.support_factor_calc(3, 0.4, 0.5, "x", 0.7, 0.8)
        self.assertEqual((cm.exception.field, cm.exception.field_code), ("t3", 0))

    def test_invalid_numbers_stay_nan(self):
        # The spreadsheet rule: a number outside the range gives NaN; an
        # int past the double range counts as infinite.
        self.assertTrue(math.isnan(amsize.fte_net_calc(math.inf, 1.5e6)))
        self.assertTrue(math.isnan(amsize.fte_net_calc(10 ** 400, 1.5e6)))
        self.assertTrue(math.isnan(amsize.fte_net_calc(16e6, -(10 ** 400))))


if __name__ == "__main__":
    unittest.main()
