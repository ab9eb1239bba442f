"""Account columns: zero-copy buffers, their type checks, and the totals
that feed the chart."""
import array
import contextlib
import ctypes
import math
import random
import unittest

import amsize
from amsize import Status, _totals
from support import numpy, pandas

I32 = _totals._INT32  # the array.array code of int32 on this platform


def columns(n, seed=7, segments=3):
    """n random accounts as array.array columns."""
    rng = random.Random(seed)
    seg = array.array(I32, (rng.randrange(segments) for _ in range(n)))
    arr = array.array("d", (rng.uniform(1e3, 1e6) for _ in range(n)))
    up = array.array("d", (a * rng.uniform(0, 0.3) for a in arr))
    xs = array.array("d", (a * rng.uniform(0, 0.1) for a in arr))
    ch = array.array("d", (a * rng.uniform(0, 0.2) for a in arr))
    sw = array.array("d", (rng.choice([1.0, 0.5, 2.0]) for _ in range(n)))
    cov = array.array("B", (rng.randrange(2) for _ in range(n)))
    return seg, arr, up, xs, ch, sw, cov


@contextlib.contextmanager
def recorded_calls():
    """Records the arguments amsize_totals_add() receives from Python."""
    calls = []
    real = _totals._lib

    class Spy:
        """The library, with amsize_totals_add() recording its arguments."""

        def __getattr__(self, name):
            fn = getattr(real, name)
            if name != "amsize_totals_add":
                return fn

            def spy(*args):
                calls.append(args)
                return fn(*args)
            return spy

    _totals._lib = Spy()
    try:
        yield calls
    finally:
        _totals._lib = real


def addr_of_bytes(b):
    return ctypes.cast(ctypes.c_char_p(b), ctypes.c_void_p).value


class Buffers(unittest.TestCase):
    """Runs with any library: only the Python side of the columns."""

    def test_array_array_address(self):
        seg, arr, up, xs, ch, sw, cov = columns(10)
        self.assertEqual(amsize.buffer_address(arr), arr.buffer_info()[0])
        self.assertEqual(amsize.buffer_address(seg, "segment_index"), seg.buffer_info()[0])
        self.assertEqual(amsize.buffer_address(cov, "am_covered"), cov.buffer_info()[0])

    def test_memoryview_and_bytes_address(self):
        arr = array.array("d", range(10))
        view = memoryview(arr)[3:]
        self.assertEqual(amsize.buffer_address(view), arr.buffer_info()[0] + 3 * 8)
        data = bytes(array.array("d", [1.0, 2.0]))
        self.assertEqual(amsize.buffer_address(memoryview(data).cast("d")), addr_of_bytes(data))
        flags = b"\x00\x01\x01"
        self.assertEqual(amsize.buffer_address(flags, "am_covered"), addr_of_bytes(flags))
        ba = bytearray(b"\x01\x00")
        self.assertEqual(amsize.buffer_address(ba, "am_covered"),
                         ctypes.addressof(ctypes.c_char.from_buffer(ba)))

    def test_wrong_types(self):
        cases = [
            ("segment_index", array.array("q", [0]), r"segment_index needs int32 .* format 'q'"),
            ("segment_index", array.array("d", [0.0]), r"segment_index needs int32"),
            ("arr", array.array("f", [1.0]), r"arr needs float64 .* format 'f'"),
            ("arr", b"\x00" * 8, r"arr needs float64 .*memoryview\(data\)\.cast\('d'\)"),
            ("am_covered", array.array("d", [1.0]), r"am_covered needs uint8 or bool"),
            ("churn", 5, r"churn needs float64 .* int, which is not a buffer"),
            ("churn", "1,2", r"not a buffer"),
            ("arr", memoryview(array.array("d", range(6)))[::2], r"strided"),
            ("arr", memoryview(bytes(48)).cast("d", (2, 3)), r"2-D"),
            ("segment_index", [0.5], r"segment_index needs int32"),
        ]
        for column, obj, pattern in cases:
            with self.subTest(column=column, obj=obj):
                with self.assertRaisesRegex(TypeError, pattern) as cm:
                    amsize.buffer_address(obj, column)
                e = cm.exception
                self.assertIsInstance(e, amsize.AmsizeTypeError)
                self.assertEqual((e.status, e.index, e.field), (Status.E_RANGE, -1, column))
        e = cm.exception
        self.assertEqual(e.field_code, 35)  # AMSIZE_FIELD_SEGMENT_INDEX
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.buffer_address(array.array("d"), "acr")
        self.assertEqual(str(cm.exception), "buffer_address, column: not a column: use one of "
                                            "segment_index, arr, upsell, cross_sell, churn, "
                                            "service_weight, am_covered (got 'acr')")

    def test_lists_are_converted(self):
        # A list is the one input that is copied: into a buffer of the
        # column's C type, which is what C reads at the address it gets.
        cases = [
            ("arr", [1.5, -2.0, 1e300, 0.0], ctypes.c_double, [1.5, -2.0, 1e300, 0.0]),
            ("segment_index", [0, 2, -1, 2 ** 31 - 1], ctypes.c_int32, [0, 2, -1, 2147483647]),
            ("am_covered", [True, False, 1, 0], ctypes.c_uint8, [1, 0, 1, 0]),
            ("churn", (7.25,), ctypes.c_double, [7.25]),
        ]
        for column, values, ctype, want in cases:
            with self.subTest(column=column):
                col = _totals.Column(column, values, dict(_totals.COLUMNS)[column])
                try:
                    self.assertEqual(col.length, len(want))
                    seen = (ctype * len(want)).from_address(col.address)
                    self.assertEqual(list(seen), want)
                finally:
                    col.release()
        # Values the C type cannot hold are refused, not wrapped or rounded.
        for column, values in (("segment_index", [2 ** 31]), ("segment_index", [1.0]),
                               ("am_covered", [256]), ("arr", ["1.0"])):
            with self.subTest(column=column, values=values):
                with self.assertRaises(amsize.AmsizeTypeError) as cm:
                    amsize.buffer_address(values, column)
                self.assertEqual((cm.exception.field, cm.exception.index), (column, -1))

    @unittest.skipUnless(numpy, "numpy is not installed")
    def test_numpy(self):
        a = numpy.arange(5, dtype=numpy.float64)
        self.assertEqual(amsize.buffer_address(a), a.ctypes.data)
        a.setflags(write=False)
        self.assertEqual(amsize.buffer_address(a), a.ctypes.data)
        i = numpy.arange(5, dtype=numpy.int32)
        self.assertEqual(amsize.buffer_address(i, "segment_index"), i.ctypes.data)
        b = numpy.array([True, False])
        self.assertEqual(amsize.buffer_address(b, "am_covered"), b.ctypes.data)
        cases = [
            ("segment_index", numpy.arange(3), r"segment_index needs int32.*numpy dtype int64: "
                                               r"convert with \.astype\('int32'\)"),
            ("arr", numpy.arange(3, dtype=numpy.float32), r"arr needs float64.*float32"),
            ("arr", numpy.arange(3.0).astype(">f8"), r"arr needs float64"),
            ("arr", numpy.zeros((2, 2)), r"2-dimensional"),
            ("arr", numpy.arange(6.0)[::2], r"non-contiguous"),
            ("am_covered", numpy.array([1, 0], dtype=numpy.int32), r"am_covered needs uint8"),
        ]
        for column, obj, pattern in cases:
            with self.subTest(column=column, dtype=obj.dtype):
                with self.assertRaisesRegex(TypeError, pattern):
                    amsize.buffer_address(obj, column)

    @unittest.skipUnless(pandas, "pandas is not installed")
    def test_pandas_series(self):
        s = pandas.Series([1.0, 2.0, 3.0])
        self.assertEqual(amsize.buffer_address(s), s.to_numpy().ctypes.data)
        self.assertEqual(amsize.buffer_address(s), s.values.ctypes.data)
        with self.assertRaisesRegex(TypeError, "segment_index needs int32.*int64"):
            amsize.buffer_address(pandas.Series([1, 2]), "segment_index")
        with self.assertRaisesRegex(TypeError, "give a pandas Series"):
            amsize.buffer_address(pandas.DataFrame({"a": [1.0]}))


class TotalsTests(unittest.TestCase):
    def test_zero_copy_pointers_reach_c(self):
        seg, arr, up, xs, ch, sw, cov = columns(20)
        with recorded_calls() as calls:
            amsize.totals(seg, arr, up, xs, ch, sw, cov)
        (args,) = calls
        cols = (seg, arr, up, xs, ch, sw, cov)
        passed = (args[3],) + args[5:]
        self.assertEqual(args[4], 20)
        self.assertEqual(passed, tuple(c.buffer_info()[0] for c in cols))

    @unittest.skipUnless(numpy, "numpy is not installed")
    def test_zero_copy_numpy_pointers_reach_c(self):
        seg, arr, up, xs, ch, sw, cov = (numpy.array(c) for c in columns(20))
        cov = cov.astype(bool)
        with recorded_calls() as calls:
            amsize.totals(seg, arr, up, xs, ch, am_covered=cov)
        (args,) = calls
        self.assertEqual(args[3], seg.ctypes.data)
        self.assertEqual(args[5:9], tuple(c.ctypes.data for c in (arr, up, xs, ch)))
        self.assertIsNone(args[9])  # service_weight: NULL, 1 per account
        self.assertEqual(args[10], cov.ctypes.data)

    def expected(self, cols, segment, part="all"):
        seg, arr, up, xs, ch, sw, cov = cols
        rows = [i for i in range(len(seg)) if seg[i] == segment and
                (part == "all" or cov[i] == (part == "covered"))]
        return dict(accounts=len(rows), weighted_accounts=math.fsum(sw[i] for i in rows),
                    book=math.fsum(arr[i] for i in rows), upsell=math.fsum(up[i] for i in rows),
                    cross_sell=math.fsum(xs[i] for i in rows), churn=math.fsum(ch[i] for i in rows))

    def assertSegment(self, got, want):
        for k, v in want.items():
            self.assertTrue(math.isclose(getattr(got, k), v, rel_tol=1e-12), (k, got, want))

    def test_sums_parts_and_chart(self):
        cols = columns(500)
        t = amsize.totals(*cols)
        self.assertEqual(len(t), 3)
        tmpl = [amsize.Segment(name=n, am_productivity=2e5, am_cost=1e5, max_load=50,
                               churn_attribution=0.5) for n in ("A", "B", "C")]
        segs = t.segments(tmpl)
        for i, s in enumerate(segs):
            self.assertSegment(s, self.expected(cols, i))
            self.assertEqual((s.name, s.am_productivity, s.churn_attribution),
                             (tmpl[i].name, 2e5, 0.5))
            for part in ("covered", "uncovered"):
                self.assertSegment(t.segment(i, tmpl[i], part), self.expected(cols, i, part))
        chart = amsize.chart(segs)
        self.assertEqual(chart.total.accounts, 500)
        self.assertTrue(math.isclose(chart.total.book, math.fsum(cols[1]), rel_tol=1e-12))

    def test_pilot_per_segment(self):
        cols = columns(300)
        t = amsize.totals(*cols)
        for i in range(3):
            c, u = self.expected(cols, i, "covered"), self.expected(cols, i, "uncovered")

            def nr(d):
                return d["upsell"] + d["cross_sell"] - 0.5 * d["churn"]

            want = amsize.pilot(nr(c), c["book"], nr(u), u["book"])
            got = t.pilot(i, churn_attribution=0.5)
            self.assertEqual(got.accretive, want.accretive)
            for f in ("nr_pct_covered", "nr_pct_uncovered", "delta", "lift", "incremental"):
                self.assertTrue(math.isclose(getattr(got, f), getattr(want, f), rel_tol=1e-9,
                                             abs_tol=1e-9), f)
        tmpl = [amsize.Segment(churn_attribution=0.5)] * 3
        self.assertEqual(t.pilots(tmpl), [t.pilot(i, 0.5) for i in range(3)])

    def test_chunks_and_merge_equal_one_call(self):
        cols = columns(200)
        whole = amsize.totals(*cols, n_segments=3)
        chunked = amsize.Totals(3)
        for lo in range(0, 200, 37):
            chunked.add(*(memoryview(c)[lo:lo + 37] for c in cols))
        a = amsize.Totals(3).add(*(memoryview(c)[:120] for c in cols))
        b = amsize.Totals(3).add(*(memoryview(c)[120:] for c in cols))
        merged = b.merge(a)
        for i in range(3):
            want = self.expected(cols, i)
            for t in (whole, chunked, merged):
                self.assertSegment(t.segment(i), want)

    def test_list_columns(self):
        # Three accounts; the sums worked out by hand.
        t = amsize.totals([0, 1, 0], [100.0, 50.0, 25.0], [10.0, 5.0, 1.0], [2.0, 0.0, 3.0],
                          [4.0, 1.0, 0.5], service_weight=[1.0, 2.0, 0.5], am_covered=[1, 0, 0])
        self.assertEqual(len(t), 2)
        got = {(i, part): t.segment(i, part=part) for i in (0, 1)
               for part in ("all", "covered", "uncovered")}
        want = {  # (accounts, W, book, upsell, cross_sell, churn)
            (0, "all"): (2, 1.5, 125.0, 11.0, 5.0, 4.5),
            (0, "covered"): (1, 1.0, 100.0, 10.0, 2.0, 4.0),
            (0, "uncovered"): (1, 0.5, 25.0, 1.0, 3.0, 0.5),
            (1, "all"): (1, 2.0, 50.0, 5.0, 0.0, 1.0),
            (1, "covered"): (0, 0.0, 0.0, 0.0, 0.0, 0.0),
            (1, "uncovered"): (1, 2.0, 50.0, 5.0, 0.0, 1.0),
        }
        for key, w in want.items():
            s = got[key]
            self.assertEqual((s.accounts, s.weighted_accounts, s.book, s.upsell, s.cross_sell,
                              s.churn), w, key)

    def test_defaults_weight_one_and_uncovered(self):
        seg, arr, up, xs, ch, sw, cov = columns(50)
        t = amsize.totals(seg, arr, up, xs, ch)
        for i in range(3):
            s = t.segment(i)
            self.assertEqual(s.weighted_accounts, float(s.accounts))
            self.assertEqual(t.segment(i, part="covered").accounts, 0)
        self.assertEqual(len(amsize.totals(seg, arr, up, xs, ch, n_segments=7)), 7)
        empty = array.array(I32)
        self.assertEqual(len(amsize.totals(empty, *([array.array("d")] * 4))), 0)

    @unittest.skipUnless(numpy and pandas, "numpy and pandas are not installed")
    def test_pandas_columns(self):
        cols = columns(100)
        df = pandas.DataFrame({"segment": numpy.array(cols[0], dtype=numpy.int32),
                               "arr": cols[1], "upsell": cols[2], "cross_sell": cols[3],
                               "churn": cols[4], "weight": cols[5],
                               "covered": numpy.array(cols[6], dtype=bool)})
        with recorded_calls() as calls:
            t = amsize.totals(df["segment"], df["arr"], df["upsell"], df["cross_sell"],
                              df["churn"], df["weight"], df["covered"])
        self.assertEqual(calls[0][5], df["arr"].to_numpy().ctypes.data)
        for i in range(3):
            self.assertSegment(t.segment(i), self.expected(cols, i))

    def bad_row(self, column, row, value, status, n_segments=3):
        cols = list(columns(10))
        names = [n for n, _ in _totals.COLUMNS]
        k = names.index(column)
        cols[k][row] = value
        t = amsize.Totals(n_segments)
        before = bytes(t._c)
        with self.assertRaises(amsize.AmsizeError) as cm:
            t.add(*cols)
        e = cm.exception
        self.assertEqual((e.status, e.index, e.field), (status, row, column))
        self.assertEqual(bytes(t._c), before, "a refused chunk must add nothing")
        return e

    def test_bad_rows(self):
        e = self.bad_row("segment_index", 4, 3, Status.E_INDEX)
        self.assertEqual(str(e), "row 4, segment_index: segment index is outside "
                                 "0..segments-1 (got 3)")
        self.bad_row("segment_index", 2, -1, Status.E_INDEX)
        self.bad_row("arr", 7, -5.0, Status.E_NEGATIVE)
        e = self.bad_row("upsell", 1, math.nan, Status.E_NOT_FINITE)
        self.assertIn("(got nan)", str(e))
        self.bad_row("cross_sell", 0, math.inf, Status.E_NOT_FINITE)
        self.bad_row("churn", 9, -1.0, Status.E_NEGATIVE)
        self.bad_row("service_weight", 3, 0.0, Status.E_NOT_POSITIVE)
        self.bad_row("am_covered", 5, 2, Status.E_RANGE)

    def test_chunk_overflow(self):
        seg, arr, up, xs, ch, sw, cov = columns(3)
        arr = array.array("d", [1e300, 1e300, 1.0])
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.Totals(3).add(seg, arr, up, xs, ch)
        e = cm.exception
        self.assertEqual((e.status, e.index, e.field), (Status.E_OVERFLOW, -1, "arr"))
        self.assertTrue(str(e).startswith("this chunk of accounts, arr: "), str(e))

    def test_mismatched_lengths(self):
        seg, arr, up, xs, ch, sw, cov = columns(10)
        for k in range(1, 7):
            cols = [seg, arr, up, xs, ch, sw, cov]
            cols[k] = memoryview(cols[k])[:9]
            name = _totals.COLUMNS[k][0]
            with self.subTest(column=name):
                with self.assertRaises(amsize.AmsizeError) as cm:
                    amsize.Totals(3).add(*cols)
                e = cm.exception
                self.assertEqual((e.status, e.field), (Status.E_BUFFER, "column"))
                self.assertIn("column %s has 9 rows but segment_index has 10" % name, str(e))

    def test_wrong_type_via_add(self):
        seg, arr, up, xs, ch, sw, cov = columns(4)
        with self.assertRaisesRegex(TypeError, "column segment_index needs int32"):
            amsize.totals(array.array("q", seg), arr, up, xs, ch)
        with self.assertRaisesRegex(TypeError, "column am_covered needs uint8"):
            amsize.totals(seg, arr, up, xs, ch, am_covered=array.array("d", [1.0] * 4))

    def test_merge_and_lookup_errors(self):
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.Totals(2).merge(amsize.Totals(3))
        self.assertEqual(cm.exception.status, Status.E_BUFFER)
        t = amsize.Totals(2)
        # (call, exception class, status, index, field, field_code, message)
        cases = [
            (lambda: t.merge("x"), amsize.AmsizeTypeError, Status.E_RANGE, -1, "total", 25,
             "Totals.merge, total: takes an amsize.Totals (got 'x')"),
            (lambda: t.merge(t), amsize.AmsizeError, Status.E_RANGE, -1, "total", 25,
             "Totals.merge, total: cannot merge Totals into itself: merge a copy, e.g. "
             "Totals(n).merge(t), instead"),
            (lambda: t.segment(2), amsize.AmsizeError, Status.E_INDEX, 2, "segment_index", 35,
             "Totals.segment, segment_index: segment index is outside 0..1 (got 2)"),
            (lambda: t.pilot(-1), amsize.AmsizeError, Status.E_INDEX, -1, "segment_index", 35,
             "Totals.pilot, segment_index: segment index is outside 0..1 (got -1)"),
            (lambda: t.segment(0.5), amsize.AmsizeTypeError, Status.E_RANGE, -1,
             "segment_index", 35,
             "Totals.segment, segment_index: must be a whole number (got 0.5)"),
            (lambda: t.segment(0, part="some"), amsize.AmsizeError, Status.E_RANGE, -1,
             "am_covered", 38, "Totals.segment(part), am_covered: part must be 'all', "
             "'covered' or 'uncovered' (got 'some')"),
            (lambda: t.segment(1, template="x"), amsize.AmsizeTypeError, Status.E_RANGE, 1,
             "", 0, "segment 1: expected an amsize.Segment or a dict of its fields (got 'x')"),
            (lambda: t.segments([amsize.Segment()]), amsize.AmsizeError, Status.E_BUFFER, -1,
             "segments", 23, "Totals.segments, segments: 1 templates for 2 segments of "
             "totals: give one per segment"),
            (lambda: t.pilots([amsize.Segment()] * 3), amsize.AmsizeError, Status.E_BUFFER, -1,
             "segments", 23, "Totals.pilots, segments: 3 templates for 2 segments of "
             "totals: give one per segment"),
            (lambda: t.pilot(0, churn_attribution="half"), amsize.AmsizeTypeError,
             Status.E_NOT_FINITE, -1, "churn_attribution", 8,
             "pilot of segment 0, churn_attribution: must be a number (got 'half')"),
            (lambda: t.add(None, [1.0], [0.0], [0.0], [0.0]), amsize.AmsizeError,
             Status.E_NULL, -1, "segment_index", 35,
             "segment_index: a required column: give one int32 entry per account (not given)"),
            (lambda: amsize.Totals(-1), amsize.AmsizeError, Status.E_NEGATIVE, -1, "segments",
             23, "Totals(n_segments), segments: value is negative: it must be >= 0 (got -1)"),
            (lambda: amsize.Totals(2.5), amsize.AmsizeTypeError, Status.E_RANGE, -1,
             "segments", 23, "Totals(n_segments), segments: must be a whole number from 0 to "
             "2147483648 (got 2.5)"),
            (lambda: amsize.Totals(2 ** 31 + 1), amsize.AmsizeError, Status.E_RANGE, -1,
             "segments", 23, "Totals(n_segments), segments: value is outside its allowed "
             "range: 0 to 2147483648 (got 2147483649)"),
        ]
        for call, cls, status, index, field, code, message in cases:
            with self.subTest(message=message):
                with self.assertRaises(amsize.AmsizeError) as cm:
                    call()
                e = cm.exception
                self.assertIs(type(e), cls)
                self.assertEqual((e.status, e.index, e.field, e.field_code),
                                 (status, index, field, code))
                self.assertEqual(str(e), message)
        with self.assertRaises(amsize.AmsizeError) as cm:
            t.pilot(0, churn_attribution=2.0)
        self.assertEqual((cm.exception.status, cm.exception.field),
                         (Status.E_RANGE, "churn_attribution"))
        self.assertEqual(str(cm.exception), "pilot of segment 0, churn_attribution: value is "
                                            "outside its allowed range: 0 to 1 (got 2.0)")


if __name__ == "__main__":
    unittest.main()
