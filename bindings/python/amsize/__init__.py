"""amsize: Python binding of libamsize, which sizes Account Manager teams.

    import amsize
    chart = amsize.chart([amsize.Segment(name="Enterprise", accounts=200, ...)])
    chart.to_pandas()
    amsize.plan(segments, horizon=12, start="2027-01").to_pandas()
    amsize.evaluate(segments, accounts, ams).to_pandas("ams")

The library is found through AMSIZE_LIBRARY, then a copy inside this
package, then the system; see README.md.
"""
from __future__ import annotations

from . import _ffi
from ._core import Load, Model, NetRatio, Pilot, Segment, Support, load, netratio, pilot, support
from ._evaluate import (AM_COLUMNS, SEGMENT_EVAL_COLUMNS, AmEval, Evaluation, SegmentEval,
                        evaluate)
from ._plan import (MONTH_COLUMNS, SUMMARY_COLUMNS, Plan, PlanMonth, PlanSummary, Roster,
                    Staffing, plan)
from ._scalars import (SCALAR_FUNCTIONS, am_flags_calc, am_load_calc, am_target_calc,
                       attainment_calc, binding_calc, ceil_eps_calc, churn_attributed_calc,
                       cost_calc, flags_calc, floor_eps_calc, fte_demand_calc, fte_net_calc,
                       growth_per_account_calc, hc_ceiling_calc, hc_demand_calc, hc_floor_calc,
                       headcount_calc, load_per_am_calc, min_load_calc,
                       monthly_attrition_calc, net_per_am_calc, net_ratio_calc,
                       net_ratio_pct_calc, net_ratio_rating_calc, pilot_delta_calc,
                       pilot_incremental_calc, pilot_lift_calc, ramp_share_calc,
                       requisitions_calc, roi_calc, support_factor_calc)
from ._table import COLUMNS, Chart, ChartRow, chart
from ._totals import Totals, buffer_address, totals
from .errors import AmsizeError, AmsizeTypeError, Status

#: The version of the loaded C library, e.g. "1.0.0".
library_version = _ffi.text(_ffi.lib.amsize_version())
#: Where the loaded C library was found.
library_path = _ffi.path
from ._version import __version__

LibraryMismatchError = _ffi.LibraryMismatchError
# The import-time handshake, for tests that hand it a fake library.
_check_library = _ffi.check_library

__all__ = [
    "AmsizeError", "AmsizeTypeError", "Chart", "ChartRow", "COLUMNS", "LibraryMismatchError",
    "Load", "Model", "MONTH_COLUMNS", "NetRatio", "Pilot", "Plan", "PlanMonth", "PlanSummary",
    "Roster", "SUMMARY_COLUMNS", "Segment", "Staffing", "Status", "Support", "Totals",
    "buffer_address", "chart", "library_path", "library_version", "load", "netratio", "pilot",
    "plan", "support", "totals",
    # The evaluation of each planning cycle (evaluate.h).
    "AM_COLUMNS", "AmEval", "Evaluation", "SEGMENT_EVAL_COLUMNS", "SegmentEval", "evaluate",
    # The scalar functions of scalar.h, plan.h and evaluate.h (_scalars.__all__),
    # written out so that every type checker sees them exported, and name -> function.
    "SCALAR_FUNCTIONS",
    "binding_calc", "ceil_eps_calc", "churn_attributed_calc", "cost_calc", "flags_calc",
    "floor_eps_calc", "fte_demand_calc", "fte_net_calc", "growth_per_account_calc",
    "hc_ceiling_calc", "hc_demand_calc", "hc_floor_calc", "headcount_calc",
    "load_per_am_calc", "min_load_calc", "net_per_am_calc", "net_ratio_calc",
    "net_ratio_pct_calc", "net_ratio_rating_calc", "pilot_delta_calc",
    "pilot_incremental_calc", "pilot_lift_calc", "roi_calc", "support_factor_calc",
    "monthly_attrition_calc", "ramp_share_calc", "requisitions_calc",
    "am_target_calc", "attainment_calc", "am_load_calc", "am_flags_calc",
]
