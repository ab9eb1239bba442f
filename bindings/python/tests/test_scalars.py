"""Every scalar function of scalar.h, plan.h and evaluate.h, exposed
without the amsize_ prefix."""
import inspect
import math
import os
import re
import typing
import unittest

import amsize
from amsize import _schema
from support import HERE

INCLUDE = os.path.join(HERE, "..", "..", "..", "include", "amsize")
SCALAR_H = os.path.join(INCLUDE, "scalar.h")
#: plan.h's and evaluate.h's spreadsheet forms are scalar functions too.
PLAN_H = os.path.join(INCLUDE, "plan.h")
EVALUATE_H = os.path.join(INCLUDE, "evaluate.h")
HEADERS = (SCALAR_H, PLAN_H, EVALUATE_H)


def header_prototypes():
    """name (without amsize_) -> ((type, argument name), ...) from scalar.h,
    plan.h and evaluate.h."""
    text = ""
    for path in HEADERS:
        with open(path) as f:
            text += f.read()
    protos = {}
    for name, args in re.findall(r"AMSIZE_API\s+double\s+amsize_(\w+)\s*\(([^)]*)\)\s*;",
                                 text):
        protos[name] = tuple(tuple(a.split()) for a in args.split(","))
    return protos


def args_entries(doc):
    """param -> its text in a docstring's "Args:" section, one line."""
    entries = {}
    lines = doc.split("Args:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    key = None
    for line in lines:
        if line.startswith("    ") and not line.startswith("     "):
            key, _, text = line.strip().partition(": ")
            entries[key] = text
        else:
            entries[key] += " " + line.strip()
    # "t1, t2, t3, t4, t5: ..." documents five parameters.
    for key in [k for k in entries if ", " in k]:
        for param in key.split(", "):
            entries[param] = entries[key]
        del entries[key]
    return entries


T = (0.40, 0.50, 0.60, 0.70, 0.80)  # the default selling-time table

#: Every scalar function on the README's worked examples, the expected value
#: worked out by hand there (M = million).
ENTERPRISE = [
    # 200 accounts, B 100M, U 12M, X 8M, C 4M, a 1, P 1.5M, K 200K, Lmax 20, s 3.
    ("churn_attributed_calc", (4e6, 1.0), 4e6),                    # a*C
    ("net_ratio_calc", (12e6, 8e6, 4e6, 1.0), 16e6),               # 12 + 8 - 4
    ("net_ratio_pct_calc", (16e6, 100e6), 0.16),                   # 16/100
    ("net_ratio_rating_calc", (0.16, 0.15, 0.05), 3.0),            # >= 15%: high
    ("fte_net_calc", (16e6, 1.5e6), 32 / 3),                       # 16/1.5 = 10.67
    ("support_factor_calc", (3,) + T, 1.0),                        # 0.6/0.6
    ("fte_demand_calc", (32 / 3, 1.0), 32 / 3),
    ("hc_demand_calc", (32 / 3,), 11.0),                           # ceil(10.67)
    ("ceil_eps_calc", (32 / 3,), 11.0),
    ("growth_per_account_calc", (16e6, 200), 80e3),                # 16M/200
    ("min_load_calc", (200e3, 1.0, 1.0, 80e3), 3.0),               # ceil(200K/80K = 2.5)
    ("hc_floor_calc", (200, 20), 10.0),                            # ceil(200/20)
    ("hc_ceiling_calc", (200, 3), 66.0),                           # floor(200/3 = 66.67)
    ("floor_eps_calc", (200 / 3,), 66.0),
    ("headcount_calc", (10, 11, 66), 11.0),                        # max(10, min(11, 66))
    ("binding_calc", (11, 11), 1.0),                               # demand
    ("load_per_am_calc", (200, 11), 200 / 11),                     # 18.18 accounts
    ("cost_calc", (11, 200e3), 2.2e6),                             # 11 * 200K
    ("net_per_am_calc", (16e6, 11), 16e6 / 11),                    # 1.45M
    ("roi_calc", (1.0, 16e6, 2.2e6), 80 / 11),                     # 16M/2.2M = 7.27
    ("flags_calc", (200, 200, 100e6, 16e6, 80e3, 3, 20), 0.0),     # no flag
    # Covered as above (16% of 100M) against uncovered accounts at 4M on 50M (8%).
    ("pilot_delta_calc", (16e6, 100e6, 4e6, 50e6), 0.08),          # 16% - 8%
    ("pilot_lift_calc", (16e6, 100e6, 4e6, 50e6), 2.0),            # 16% / 8%
    ("pilot_incremental_calc", (16e6, 100e6, 4e6, 50e6), 8e6),     # 8% of 100M
    # The hiring plan (plan.h) with the default staffing: attrition 15%,
    # ramp 6 months. q = 1 - 0.85^(1/12) = 0.013452 a month.
    ("monthly_attrition_calc", (0.15,), 1 - 0.85 ** (1 / 12)),
    ("ramp_share_calc", (0, 6), 1 / 7),                            # (0+1)/(6+1)
    # Month 2: 11 opened in month 1 less a month's leavers, 11(1-q) = 10.85
    # expected; 11 - 10.85 = 0.15 rounds up to 1.
    ("requisitions_calc", (11, 11 * 0.85 ** (1 / 12)), 1.0),
    # The evaluation (evaluate.h) on the README's Mid-Market example: P 1M,
    # support rating 3 (f = 1), Lmin 2, Lmax 4. A1: fte 1, NR 250K, W 2.
    ("am_target_calc", (1.0, 1e6, 1.0), 1e6),                      # 1 * 1M / 1
    ("attainment_calc", (250e3, 1e6), 0.25),                       # 250K/1M
    ("am_load_calc", (2, 1.0), 2.0),                               # 2/1
    ("am_flags_calc", (2, 2, 2, 4, 0.25, 250e3, 0.9), 4.0),        # 0.25 < 0.9: BELOW_PLAN
]
SMB = [
    # 20,000 accounts, B 40M, U 1.5M, X 0.5M, C 3M, a 0.5, P 1M, K 120K, Lmax 500, s 4.
    ("churn_attributed_calc", (3e6, 0.5), 1.5e6),
    ("net_ratio_calc", (1.5e6, 0.5e6, 3e6, 0.5), 0.5e6),           # 1.5 + 0.5 - 1.5
    ("net_ratio_pct_calc", (0.5e6, 40e6), 0.0125),                 # 1.25%
    ("net_ratio_rating_calc", (0.0125, 0.15, 0.05), 1.0),          # < 5%: low
    ("fte_net_calc", (0.5e6, 1e6), 0.5),
    ("support_factor_calc", (4,) + T, 6 / 7),                      # 0.6/0.7
    ("fte_demand_calc", (0.5, 6 / 7), 3 / 7),
    ("hc_demand_calc", (3 / 7,), 1.0),
    ("growth_per_account_calc", (0.5e6, 20000), 25.0),
    ("min_load_calc", (120e3, 1.0, 1.0, 25.0), 4800.0),            # 120K/25
    ("hc_floor_calc", (20000, 500), 40.0),
    ("hc_ceiling_calc", (20000, 4800), 4.0),                       # floor(4.17)
    ("headcount_calc", (40, 1, 4), 40.0),                          # max(40, min(1, 4))
    ("binding_calc", (40, 1), 2.0),                                # service_floor
    ("load_per_am_calc", (20000, 40), 500.0),
    ("cost_calc", (40, 120e3), 4.8e6),
    ("net_per_am_calc", (0.5e6, 40), 12500.0),
    ("roi_calc", (1.0, 0.5e6, 4.8e6), 5 / 48),
    ("flags_calc", (20000, 20000, 40e6, 0.5e6, 25.0, 4800, 500), 16.0),  # UNECONOMIC
    ("monthly_attrition_calc", (0.0,), 0.0),                       # nobody leaves
    ("ramp_share_calc", (6, 6), 1.0),                              # ramped at tenure 6
    ("ramp_share_calc", (3, 0), 1.0),                              # no ramp
    ("requisitions_calc", (40, 41.5), 0.0),                        # never negative
    ("requisitions_calc", (40, 38.0000000001), 2.0),               # ceil_eps: noise is 0
    # Mid-Market's A2 (fte 0.5, given target 300K, NR 400K, W 1) and A3
    # (fte 1, no accounts).
    ("am_target_calc", (0.5, 1e6, 1.0), 5e5),                      # derived: 0.5 * 1M
    ("attainment_calc", (400e3, 300e3), 4 / 3),                    # 1.33: at plan
    ("am_load_calc", (1, 0.5), 2.0),                               # 1/0.5
    ("am_flags_calc", (1, 2, 2, 4, 4 / 3, 400e3, 0.9), 0.0),       # no flag
    ("attainment_calc", (0, 1e6), 0.0),                            # A3: 0 of 1M
    ("am_flags_calc", (0, 0, 2, 4, 0, 0, 0.9), 22.0),              # UNDER 2 + BELOW 4 + NO_ACC 16
    # At support rating 4 (f = 0.6/0.7) the target is 1M/f = 1.17M.
    ("am_target_calc", (1.0, 1e6, 6 / 7), 7e6 / 6),
    # 10 accounts at fte 0.5: load 20 > Lmax 4; NR -5K; Lmin and attainment
    # undefined, so neither UNDERLOADED nor BELOW_PLAN: OVER 1 + NEG 8.
    ("am_flags_calc", (10, 20, math.nan, 4, math.nan, -5e3, 0.9), 9.0),
    # A custom threshold: 1.33 < 1.5 is BELOW_PLAN.
    ("am_flags_calc", (1, 2, 2, 4, 4 / 3, 400e3, 1.5), 4.0),
]


class Scalars(unittest.TestCase):
    def assertValue(self, name, args, want):
        got = getattr(amsize, name)(*args)
        self.assertIsInstance(got, float, name)
        if want.is_integer():
            self.assertEqual(got, want, (name, args))
        else:
            self.assertTrue(math.isclose(got, want, rel_tol=1e-12), (name, args, got, want))

    def test_worked_examples(self):
        for example in (ENTERPRISE, SMB):
            for name, args, want in example:
                with self.subTest(name=name, args=args):
                    self.assertValue(name, args, want)
        # Every exposed function has a hand-worked value above.
        self.assertEqual({n for n, _, _ in ENTERPRISE}, set(amsize.SCALAR_FUNCTIONS))

    def test_exposed_functions_are_the_header_functions(self):
        exposed = {n for n in dir(amsize) if n.endswith("_calc")}
        self.assertEqual(exposed, set(amsize.SCALAR_FUNCTIONS))
        for name in exposed:
            fn = getattr(amsize, name)
            self.assertEqual(fn.__name__, name)
            self.assertIn(name, amsize.__all__)
            self.assertIn("amsize_" + name, amsize._ffi.PROTOTYPES)
        if not all(os.path.exists(h) for h in HEADERS):
            self.skipTest("include/amsize/scalar.h is not here (an installed copy)")
        protos = header_prototypes()
        self.assertEqual(set(protos), exposed)
        for name, params in protos.items():
            with self.subTest(name=name):
                fn = getattr(amsize, name)
                sig = inspect.signature(fn)
                self.assertEqual(tuple(sig.parameters), tuple(p[-1] for p in params))
                # The type hints are the C types: int32_t int, double float.
                hints = typing.get_type_hints(fn)
                self.assertEqual(hints.pop("return"), float)
                self.assertEqual(hints, {p[-1]: {"double": float, "int32_t": int}[p[0]]
                                         for p in params})

    def test_signatures_and_docstrings(self):
        # help() and IDEs see each function's own parameters, hints and
        # docstring; a parameter that is an input of the field table states
        # the table's range in its Args entry.
        ranges = {f.name: f.range_text for schema in (_schema.SEGMENT, _schema.MODEL,
                                                      _schema.STAFFING, _schema.ROSTER,
                                                      _schema.AM)
                  for f in _schema.fields(schema)}
        ranges.update({"t%d" % k: ranges["selling_time"] for k in range(1, 6)})
        for name, fn in amsize.SCALAR_FUNCTIONS.items():
            with self.subTest(name=name):
                self.assertEqual(fn.__module__, "amsize._scalars")
                sig = inspect.signature(fn)
                self.assertIs(sig.return_annotation, float)
                entries = args_entries(inspect.getdoc(fn))
                self.assertEqual(set(entries), set(sig.parameters))
                for param in sig.parameters:
                    self.assertIs(sig.parameters[param].kind,
                                  inspect.Parameter.POSITIONAL_OR_KEYWORD)
                    self.assertIn(sig.parameters[param].annotation, (float, int))
                    if param in ranges:
                        self.assertIn(ranges[param], entries[param], param)
        # The README's input table, independently: a in [0, 1], m in (0, 1].
        doc = args_entries(inspect.getdoc(amsize.roi_calc))
        self.assertIn("above 0 and at most 1", doc["gross_margin"])
        doc = args_entries(inspect.getdoc(amsize.net_ratio_calc))
        self.assertIn("0 to 1", doc["churn_attribution"])
        # The attrition in [0, 1), and whole months from 0.
        doc = args_entries(inspect.getdoc(amsize.monthly_attrition_calc))
        self.assertIn("0 or more and below 1", doc["attrition"])
        doc = args_entries(inspect.getdoc(amsize.ramp_share_calc))
        self.assertIn("whole months", doc["tenure_months"])
        self.assertIn("0 or more", doc["ramp_months"])

    def test_values(self):
        self.assertEqual(amsize.fte_net_calc(30e6, 1.5e6), 20.0)
        self.assertEqual(amsize.hc_demand_calc(30e6 / 1.5e6), 20.0)
        self.assertTrue(math.isnan(amsize.fte_net_calc(30e6, 0)))
        self.assertEqual(amsize.net_ratio_calc(12e6, 8e6, 4e6, 1.0), 16e6)
        self.assertEqual(amsize.net_ratio_calc(upsell=1, cross_sell=2, churn=2,
                                               churn_attribution=0.5), 2.0)
        self.assertEqual(amsize.ceil_eps_calc(2.0000000001), 2.0)
        self.assertEqual(amsize.floor_eps_calc(1.9999999999), 2.0)
        self.assertAlmostEqual(amsize.support_factor_calc(4, 0.4, 0.5, 0.6, 0.7, 0.8), 0.6 / 0.7)
        self.assertEqual(amsize.headcount_calc(40, 1, 4), 40.0)
        self.assertEqual(amsize.binding_calc(40, 1), 2.0)
        self.assertEqual(amsize.flags_calc(20000, 20000, 40e6, 0.5e6, 25, 4800, 500), 16.0)

    def test_plan_functions_are_nan_for_invalid_input(self):
        # attrition in [0, 1); whole, non-negative months; a whole target.
        for name, args in (("monthly_attrition_calc", (1.0,)),
                           ("monthly_attrition_calc", (-0.1,)),
                           ("ramp_share_calc", (1.5, 6)), ("ramp_share_calc", (-1, 6)),
                           ("ramp_share_calc", (0, -1)), ("requisitions_calc", (10.5, 3)),
                           ("requisitions_calc", (10, math.inf))):
            with self.subTest(name=name, args=args):
                self.assertTrue(math.isnan(getattr(amsize, name)(*args)))
        with self.assertRaises(amsize.AmsizeTypeError):
            amsize.monthly_attrition_calc(None)

    def test_evaluation_functions_are_nan_for_invalid_input(self):
        # fte in (0, 1], P and f above 0, target >= 0 (0: undefined), W >= 0,
        # a whole count, Lmax above 0, Lmin above 0 or NaN, a finite
        # threshold.
        for name, args in (("am_target_calc", (0, 1e6, 1)), ("am_target_calc", (1.5, 1e6, 1)),
                           ("am_target_calc", (1, 0, 1)), ("am_target_calc", (1, 1e6, 0)),
                           ("attainment_calc", (1e5, 0)), ("attainment_calc", (1e5, -1)),
                           ("attainment_calc", (math.inf, 1e6)),
                           ("am_load_calc", (-1, 1)), ("am_load_calc", (1, 0)),
                           ("am_load_calc", (1, 1.5)),
                           ("am_flags_calc", (1.5, 2, 2, 4, 1, 0, 0.9)),
                           ("am_flags_calc", (-1, 2, 2, 4, 1, 0, 0.9)),
                           ("am_flags_calc", (1, -2, 2, 4, 1, 0, 0.9)),
                           ("am_flags_calc", (1, 2, 0, 4, 1, 0, 0.9)),
                           ("am_flags_calc", (1, 2, 2, 0, 1, 0, 0.9)),
                           ("am_flags_calc", (1, 2, 2, 4, 1, 0, math.nan))):
            with self.subTest(name=name, args=args):
                self.assertTrue(math.isnan(getattr(amsize, name)(*args)))
        with self.assertRaises(amsize.AmsizeTypeError):
            amsize.attainment_calc(None, 2)

    def test_invalid_int_argument_is_nan(self):
        self.assertTrue(math.isnan(amsize.support_factor_calc(3.5, 0.4, 0.5, 0.6, 0.7, 0.8)))
        self.assertTrue(math.isnan(amsize.support_factor_calc(2 ** 40, 0.4, 0.5, 0.6, 0.7, 0.8)))
        self.assertEqual(amsize.support_factor_calc(3.0, 0.4, 0.5, 0.6, 0.7, 0.8), 1.0)

    def test_wrong_arity(self):
        with self.assertRaises(TypeError):
            amsize.fte_net_calc(1.0)
        with self.assertRaises(TypeError):
            amsize.fte_net_calc(1.0, 2.0, 3.0)


if __name__ == "__main__":
    unittest.main()
