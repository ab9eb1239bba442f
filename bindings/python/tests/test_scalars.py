"""Every scalar function of scalar.h, exposed without the amsize_ prefix."""
import math
import re
import unittest

import amsize
from support import HERE
import os

SCALAR_H = os.path.join(HERE, "..", "..", "..", "include", "amsize", "scalar.h")


class Scalars(unittest.TestCase):
    def test_every_header_function_is_exposed(self):
        names = list(amsize._ffi.PROTOTYPES)
        if os.path.exists(SCALAR_H):
            with open(SCALAR_H) as f:
                header = re.findall(r"\bamsize_(\w+_calc)\(", f.read())
            self.assertEqual(sorted(header), sorted(n for n, _ in amsize._ffi.SCALARS))
        for name, args in amsize._ffi.SCALARS:
            fn = getattr(amsize, name)
            self.assertEqual(fn.__name__, name)
            self.assertIn("amsize_" + name, names)
            self.assertEqual(tuple(fn.__signature__.parameters), args)
            self.assertIsInstance(fn(*([3] * len(args))), float)
            self.assertIn(name, amsize.__all__)

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
