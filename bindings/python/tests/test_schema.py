"""The parts of the binding that the library's field table drives: defaults,
range texts in errors, the account columns and help(). The table is read
here with ctypes on a handle of our own, not through amsize._schema, and
the values it must hold are worked out from the README's input table."""
import ctypes
import dataclasses
import inspect
import math
import pydoc
import unittest

import amsize
from amsize import Status, _core, _ffi, _schema, _totals
from support import example_segments

SEGMENT, MODEL, ACCOUNT = 1, 2, 3  # amsize_schema (schema.h)
STAFFING, ROSTER, RAMP = 4, 5, 6    # the plan's (plan.h, from 1.1)
AM = 7                              # the evaluation's (evaluate.h, from 1.1)
ALL = (SEGMENT, MODEL, ACCOUNT, STAFFING, ROSTER, RAMP, AM)
TYPE_DOUBLE = 1                     # amsize_type
REQUIRED, MIN_OPEN, MAX_OPEN, PRESENCE = 0x01, 0x02, 0x04, 0x08


class Info(ctypes.Structure):
    """amsize_field_info as schema.h declares it, written out here to check
    the binding's mirror against."""

    _fields_ = [
        ("struct_size", ctypes.c_uint32), ("field", ctypes.c_int32),
        ("name", ctypes.c_char_p), ("description", ctypes.c_char_p),
        ("range_text", ctypes.c_char_p), ("default_text", ctypes.c_char_p),
        ("defaults", ctypes.POINTER(ctypes.c_double)), ("type", ctypes.c_int32),
        ("flags", ctypes.c_uint32), ("min", ctypes.c_double), ("max", ctypes.c_double),
        ("offset", ctypes.c_uint64), ("length", ctypes.c_uint64),
        ("presence_offset", ctypes.c_uint64),
    ]


LIB = ctypes.CDLL(amsize.library_path)  # a handle whose prototypes are ours
LIB.amsize_struct_size.restype = ctypes.c_size_t
LIB.amsize_struct_size.argtypes = [ctypes.c_int32]
LIB.amsize_schema_count.restype = ctypes.c_size_t
LIB.amsize_schema_count.argtypes = [ctypes.c_int32]
LIB.amsize_field_info_init_.restype = ctypes.c_int32
LIB.amsize_field_info_init_.argtypes = [ctypes.POINTER(Info), ctypes.c_size_t]
LIB.amsize_schema_get.restype = ctypes.c_int32
LIB.amsize_schema_get.argtypes = [ctypes.POINTER(Info), ctypes.c_int32, ctypes.c_size_t]


def table(schema):
    """The rows of a schema as dicts, read with amsize_schema_get()."""
    rows = []
    for i in range(LIB.amsize_schema_count(schema)):
        info = Info()
        assert LIB.amsize_field_info_init_(info, ctypes.sizeof(info)) == 0
        assert LIB.amsize_schema_get(info, schema, i) == 0
        n = info.length
        rows.append(dict(
            field=info.field, name=info.name.decode(), range_text=info.range_text.decode(),
            description=info.description.decode(), default_text=info.default_text.decode(),
            defaults=tuple(info.defaults[k] for k in range(n)) if info.defaults else None,
            type=info.type, flags=info.flags, min=info.min, max=info.max,
            offset=info.offset, length=n, presence_offset=info.presence_offset))
    return rows


def row(schema, name):
    return next(r for r in table(schema) if r["name"] == name)


def field_status(schema, field, value):
    """What the library's own check says about one value of a field."""
    err = _ffi.new(_ffi.Error)
    return _ffi.lib.amsize_field_check(err, schema, field, value, 0)


class TheTable(unittest.TestCase):
    def test_mirror_is_the_header_layout(self):
        self.assertEqual(ctypes.sizeof(Info), 96)  # "Guaranteed size: 96 bytes from 1.1"
        self.assertEqual(LIB.amsize_struct_size(10), 96)
        ours = [(n, getattr(Info, n).offset) for n, _ in Info._fields_]
        theirs = [(n, getattr(_ffi.FieldInfo, n).offset) for n, _ in _ffi.FieldInfo._fields_]
        self.assertEqual(theirs, ours)

    def test_binding_reads_the_same_table(self):
        # amsize._schema, which the binding's defaults and errors use.
        for schema in ALL:
            theirs = [dict(field=f.code, name=f.name, range_text=f.range_text,
                           description=f.description, default_text=f.default_text,
                           defaults=f.defaults, type=f.type, flags=f.flags, min=f.min,
                           max=f.max, offset=f.offset, length=f.length,
                           presence_offset=f.presence_offset)
                      for f in _schema.fields(schema)]
            self.assertEqual(theirs, table(schema))

    def test_the_readme_input_table(self):
        # README "The method": (range, default) of each input, e.g. churn
        # attribution a in [0, 1], default 1; gross margin m in (0, 1],
        # default 1; support rating 1..5, default 3; P, K, Lmax > 0 with no
        # default. (name, min, max, flags, range text, defaults)
        want = [
            ("support_rating", 1, 5, 0, "1 to 5", (3.0,)),
            ("accounts", 0, math.inf, 0, "0 or more", (0.0,)),
            ("weighted_accounts", 0, math.inf, PRESENCE, "0 or more", None),
            ("book", 0, math.inf, 0, "0 or more", (0.0,)),
            ("upsell", 0, math.inf, 0, "0 or more", (0.0,)),
            ("cross_sell", 0, math.inf, 0, "0 or more", (0.0,)),
            ("churn", 0, math.inf, 0, "0 or more", (0.0,)),
            ("churn_attribution", 0, 1, 0, "0 to 1", (1.0,)),
            ("am_productivity", 0, math.inf, REQUIRED | MIN_OPEN, "above 0", None),
            ("am_cost", 0, math.inf, REQUIRED | MIN_OPEN, "above 0", None),
            ("gross_margin", 0, 1, MIN_OPEN, "above 0 and at most 1", (1.0,)),
            ("cost_coverage", 0, math.inf, MIN_OPEN, "above 0", (1.0,)),
            ("growth_per_account", -math.inf, math.inf, PRESENCE, "any finite number", None),
            ("max_load", 0, math.inf, REQUIRED | MIN_OPEN, "above 0", None),
        ]
        got = [(r["name"], r["min"], r["max"], r["flags"] & (REQUIRED | MIN_OPEN | MAX_OPEN |
                                                              PRESENCE),
                r["range_text"], r["defaults"]) for r in table(SEGMENT)]
        self.assertEqual(got, want)
        self.assertEqual(row(SEGMENT, "weighted_accounts")["default_text"], "accounts")
        # T = {0.40, 0.50, 0.60, 0.70, 0.80}, each a share of time; high
        # 15%, medium 5%.
        model = {r["name"]: (r["defaults"], r["range_text"]) for r in table(MODEL)}
        self.assertEqual(model, {
            "selling_time": ((0.40, 0.50, 0.60, 0.70, 0.80), "above 0 and at most 1"),
            "rating_high": ((0.15,), "any finite number"),
            "rating_medium": ((0.05,), "any finite number"),
        })

    def test_the_plan_tables(self):
        # Issue 15: attrition in [0, 1) default 0.15; time_to_fill, ramp_months
        # and current_ams whole, >= 0, defaults 3, 6, 0; a roster AM's fte in
        # (0, 1] default 1 and tenure_months >= 0 (empty: fully ramped); a
        # ramp share in [0, 1], required.
        got = {r["name"]: (r["min"], r["max"], r["flags"] & (REQUIRED | MIN_OPEN | MAX_OPEN),
                           r["range_text"], r["defaults"])
               for schema in (STAFFING, ROSTER, RAMP) for r in table(schema)}
        self.assertEqual(got, {
            "time_to_fill": (0, math.inf, 0, "0 or more", (3.0,)),
            "ramp_months": (0, math.inf, 0, "0 or more", (6.0,)),
            "attrition": (0, 1, MAX_OPEN, "0 or more and below 1", (0.15,)),
            "current_ams": (0, math.inf, 0, "0 or more", (0.0,)),
            "fte": (0, 1, MIN_OPEN, "above 0 and at most 1", (1.0,)),
            "tenure_months": (0, math.inf, 0, "0 or more", None),
            # Issue 12: an AM's net growth objective, >= 0, optional.
            "target": (0, math.inf, 0, "0 or more", None),
            "share": (0, 1, REQUIRED, "0 to 1", None),
        })
        self.assertEqual(row(ROSTER, "tenure_months")["default_text"], "fully ramped")

    def test_default_staffing_is_the_table(self):
        staff = amsize.Staffing()
        rows = table(STAFFING)
        self.assertEqual({f.name for f in dataclasses.fields(staff)}, {r["name"] for r in rows})
        for r in rows:
            value = getattr(staff, r["name"])
            self.assertEqual((value,), r["defaults"])
            self.assertIs(type(value), float if r["type"] == TYPE_DOUBLE else int)
        # Roster holds the columns the plan reads; target is the
        # evaluation's (issue 12), not the plan's.
        self.assertEqual([f.name for f in dataclasses.fields(amsize.Roster)],
                         [r["name"] for r in table(ROSTER) if r["name"] != "target"])

    def test_default_segment_is_the_table(self):
        seg = amsize.Segment()
        rows = table(SEGMENT)
        self.assertEqual({f.name for f in dataclasses.fields(seg)} - {"name"},
                         {r["name"] for r in rows})
        for r in rows:
            with self.subTest(field=r["name"]):
                value = getattr(seg, r["name"])
                if r["defaults"] is None:  # required, or derived (W = N, g = NR/W)
                    self.assertIsNone(value)
                    continue
                self.assertEqual(value, r["defaults"][0])
                self.assertIs(type(value), float if r["type"] == TYPE_DOUBLE else int)
        # The README's worked values, independently of the table.
        self.assertEqual((seg.support_rating, seg.churn_attribution, seg.gross_margin,
                          seg.cost_coverage), (3, 1.0, 1.0, 1.0))

    def test_default_model_is_the_table(self):
        model = amsize.Model()
        rows = table(MODEL)
        self.assertEqual([f.name for f in dataclasses.fields(model)], [r["name"] for r in rows])
        for r in rows:
            value = getattr(model, r["name"])
            self.assertEqual(value if r["length"] > 1 else (value,), r["defaults"])
        self.assertEqual(model.selling_time, (0.40, 0.50, 0.60, 0.70, 0.80))
        self.assertEqual((model.rating_high, model.rating_medium), (0.15, 0.05))

    def test_default_segment_reaches_c_as_the_library_initialises_it(self):
        # The binding's defaults, filled into an amsize_segment, equal what
        # amsize_segment_init_() writes there itself.
        seg = amsize.Segment(am_productivity=1.0, am_cost=1.0, max_load=1.0)
        filled, _ = _core.c_segments([seg])
        fresh = _ffi.new(_ffi.Segment)
        for r in table(SEGMENT):
            if r["defaults"] is not None:
                with self.subTest(field=r["name"]):
                    self.assertEqual(getattr(filled[0], r["name"]), getattr(fresh, r["name"]))

    def test_other_defaults_are_the_table(self):
        a = inspect.signature(amsize.Totals.pilot).parameters["churn_attribution"].default
        self.assertEqual(a, row(SEGMENT, "churn_attribution")["defaults"][0])
        self.assertEqual(a, 1.0)

    def test_account_columns_are_the_table(self):
        rows = table(ACCOUNT)
        names = [r["name"] for r in rows]
        self.assertEqual([n for n, _ in _totals.COLUMNS], names)
        params = list(inspect.signature(amsize.Totals.add).parameters)[1:]
        self.assertEqual(params, names)
        kinds = {1: _totals.FLOAT64, 2: _totals.INT32, 4: _totals.UINT8}
        self.assertEqual([k for _, k in _totals.COLUMNS], [kinds[r["type"]] for r in rows])
        # 2^31 segments: segment_index is an int32 from 0.
        self.assertEqual(_totals.MAX_SEGMENTS, 2 ** 31)

    def test_mirrors_have_the_table_offsets(self):
        for schema, mirror in ((SEGMENT, _ffi.Segment), (MODEL, _ffi.Model),
                               (STAFFING, _ffi.Staffing), (AM, _ffi.Am)):
            for r in table(schema):
                with self.subTest(field=r["name"]):
                    self.assertEqual(getattr(mirror, r["name"]).offset, r["offset"])
                    if r["flags"] & PRESENCE:
                        self.assertEqual(getattr(mirror, "has_" + r["name"]).offset,
                                         r["presence_offset"])

    def test_a_name_in_several_tables_has_one_range(self):
        # Errors find a field's range by its name (upsell is both a segment
        # total and an account column).
        seen = {}
        for schema in ALL:
            for r in table(schema):
                seen.setdefault(r["name"], set()).add(r["range_text"])
        self.assertEqual({n: t for n, t in seen.items() if len(t) > 1}, {})
        self.assertIn("upsell", {r["name"] for r in table(ACCOUNT)})

    def test_help_shows_the_table(self):
        for cls, schema in ((amsize.Segment, SEGMENT), (amsize.Model, MODEL),
                            (amsize.Staffing, STAFFING), (amsize.Roster, ROSTER)):
            text = pydoc.render_doc(cls, renderer=pydoc.plaintext)
            fields = {f.name for f in dataclasses.fields(cls)}
            for r in (r for r in table(schema) if r["name"] in fields):
                with self.subTest(field=r["name"]):
                    self.assertIn("%s: %s. Range: %s;" % (r["name"], r["description"],
                                                          r["range_text"]), text)
        text = pydoc.render_doc(amsize.Totals.add, renderer=pydoc.plaintext)
        self.assertIn("service_weight: the service the account needs, in accounts. Range: "
                      "above 0; default 1.", text)


def bad_values(r):
    """Values just past each bound of a field, as a Python value of its type."""
    out = []
    if math.isfinite(r["min"]):
        out.append(r["min"] - 1)
        if r["flags"] & MIN_OPEN:
            out.append(r["min"])
    if math.isfinite(r["max"]):
        out.append(r["max"] + 1)
        if r["flags"] & MAX_OPEN:
            out.append(r["max"])
    return [v if r["type"] == TYPE_DOUBLE else int(v) for v in out]


class RangeErrors(unittest.TestCase):
    """Every value the library refuses with AMSIZE_E_RANGE gives a message
    that quotes the table's range_text."""

    def test_segment_fields(self):
        tried = set()
        for r in table(SEGMENT):
            for v in bad_values(r):
                if field_status(SEGMENT, r["field"], v) != Status.E_RANGE:
                    continue  # E_NEGATIVE, E_NOT_POSITIVE: their own texts
                tried.add(r["name"])
                with self.subTest(field=r["name"], value=v):
                    segs = example_segments()
                    segs[1] = dataclasses.replace(segs[1], **{r["name"]: v})
                    with self.assertRaises(amsize.AmsizeError) as cm:
                        amsize.chart(segs)
                    self.assertEqual(cm.exception.status, Status.E_RANGE)
                    self.assertEqual(str(cm.exception),
                                     "segment 1 ('Mid-Market'), %s: value is outside its "
                                     "allowed range: %s (got %r)" % (r["name"], r["range_text"],
                                                                     v))
        self.assertEqual(tried, {"support_rating", "churn_attribution", "gross_margin"})

    def test_model_fields(self):
        tried = set()
        for r in table(MODEL):
            for v in bad_values(r):
                if field_status(MODEL, r["field"], v) != Status.E_RANGE:
                    continue
                tried.add(r["name"])
                # Below the range in the first entry, above it in the last,
                # so that the table stays non-decreasing.
                k = 1 if v <= r["min"] else r["length"]
                times = list(amsize.Model().selling_time)
                times[k - 1] = v
                with self.subTest(value=v):
                    with self.assertRaises(amsize.AmsizeError) as cm:
                        amsize.chart(example_segments(), amsize.Model(selling_time=tuple(times)))
                    self.assertEqual(str(cm.exception),
                                     "model, %s[%d]: value is outside its allowed range: %s "
                                     "(got %r)" % (r["name"], k, r["range_text"], v))
        self.assertEqual(tried, {"selling_time"})

    def test_account_columns(self):
        tried = set()
        for r in table(ACCOUNT):
            if r["name"] == "segment_index":
                continue  # its bound is the Totals' length: AMSIZE_E_INDEX
            kind = dict(_totals.COLUMNS)[r["name"]]
            for v in bad_values(r):
                if field_status(ACCOUNT, r["field"], v) != Status.E_RANGE:
                    continue
                if kind is _totals.UINT8 and not 0 <= v <= 255:
                    continue  # a uint8 column cannot hold it
                tried.add(r["name"])
                with self.subTest(field=r["name"], value=v):
                    cols = {n: [0] if k is _totals.INT32 else [1.0]
                            for n, k in _totals.COLUMNS if k is not _totals.UINT8}
                    cols[r["name"]] = [v]
                    with self.assertRaises(amsize.AmsizeError) as cm:
                        amsize.totals(**cols)
                    self.assertEqual(str(cm.exception),
                                     "row 0, %s: value is outside its allowed range: %s (got %r)"
                                     % (r["name"], r["range_text"], v))
        self.assertEqual(tried, {"am_covered"})

    def test_whole_numbers_quote_the_table(self):
        r = row(SEGMENT, "support_rating")
        segs = example_segments()
        segs[0] = dataclasses.replace(segs[0], support_rating=2.5)
        with self.assertRaises(amsize.AmsizeTypeError) as cm:
            amsize.chart(segs)
        self.assertEqual(str(cm.exception), "segment 0 ('Enterprise'), support_rating: must be "
                                            "a whole number from %s (got 2.5)" % r["range_text"])


if __name__ == "__main__":
    unittest.main()
