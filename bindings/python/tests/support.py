"""Shared by the tests: the example segments of examples/chart_table.c and
paths. Run the suite with AMSIZE_LIBRARY pointing at a built library."""
import math
import os

import amsize

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

try:
    import numpy
except ImportError:  # the suite runs without numpy; those tests skip
    numpy = None
try:
    import pandas
except ImportError:
    pandas = None


def example_segments():
    """The three segments of examples/chart_table.c."""
    S = amsize.Segment
    return [
        S(name="Enterprise", accounts=200, book=100e6, upsell=12e6, cross_sell=8e6,
          churn=4e6, am_productivity=1.5e6, am_cost=200e3, max_load=20),
        S(name="Mid-Market", accounts=1500, book=90e6, upsell=11e6, cross_sell=3e6,
          churn=6e6, churn_attribution=0.5, am_productivity=1.2e6, am_cost=160e3,
          max_load=200),
        S(name="SMB", accounts=20000, book=40e6, upsell=1.5e6, cross_sell=0.5e6, churn=3e6,
          churn_attribution=0.5, am_productivity=1e6, am_cost=120e3, max_load=500,
          support_rating=4),
    ]


def nan_to_none(x):
    return None if isinstance(x, float) and math.isnan(x) else x


def none_to_nan(x):
    return math.nan if x is None else x
