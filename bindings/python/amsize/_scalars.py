"""The scalar functions of scalar.h, plan.h and evaluate.h, one Python
function each.

Like a spreadsheet cell, each takes plain numbers and returns a float:
NaN for an invalid number and where the chart calls the value undefined.
Only a value that is not a number at all (a string, None) raises, an
AmsizeTypeError naming the argument. Money is per year, in one currency.

Each function's signature is its C prototype: a parameter annotated int
is an int32_t, every other one a double, and every function returns a
double. The C declarations are made from these signatures below, so a
parameter is written once, here. Ranges in the docstrings are the field
table's words ("0 or more", "above 0 and at most 1"); the tests check them
against the table.
"""
import inspect
import math
import typing
from typing import Any, Callable, Dict, FrozenSet, List, Tuple, Union

from . import _ffi, _schema
from ._core import _num

__all__ = [
    "binding_calc", "ceil_eps_calc", "churn_attributed_calc", "cost_calc", "flags_calc",
    "floor_eps_calc", "fte_demand_calc", "fte_net_calc", "growth_per_account_calc",
    "hc_ceiling_calc", "hc_demand_calc", "hc_floor_calc", "headcount_calc",
    "load_per_am_calc", "min_load_calc", "net_per_am_calc", "net_ratio_calc",
    "net_ratio_pct_calc", "net_ratio_rating_calc", "pilot_delta_calc",
    "pilot_incremental_calc", "pilot_lift_calc", "roi_calc", "support_factor_calc",
    # plan.h: one month's numbers of the hiring plan.
    "monthly_attrition_calc", "ramp_share_calc", "requisitions_calc",
    # evaluate.h: one AM's numbers of the evaluation.
    "am_target_calc", "attainment_calc", "am_load_calc", "am_flags_calc",
]

_INT32_MIN, _INT32_MAX = _schema.TYPE_LIMITS[_schema.TYPE_INT32]


def _call(name: str, *args: object) -> float:
    """amsize_<name>(*args): each argument converted as its parameter says."""
    fn, params, ints = _SPECS[name]
    values: List[Union[int, float]] = []
    for param, value in zip(params, args):
        x = _num(value, param, name)  # not a number at all: AmsizeTypeError
        if param in ints:
            # The spreadsheet rule: a number an int32_t cannot take gives
            # NaN, as any other invalid number does, not an error.
            if not x.is_integer() or not _INT32_MIN <= x <= _INT32_MAX:
                return math.nan
            values.append(int(x))
        else:
            values.append(x)
    return float(fn(*values))


# ------------------------------------------------------------------ rounding
def ceil_eps_calc(x: float) -> float:
    """ceil_eps(x) = ceil(x - 1e-9*max(1, |x|)): the rounding up of every
    headcount and load, so that floating-point noise never adds one
    (30e6/1.5e6 gives 20, not 21).

    Args:
        x: any finite number.

    Returns the whole number, as a float; NaN for a non-finite x.
    """
    return _call("ceil_eps_calc", x)


def floor_eps_calc(x: float) -> float:
    """floor_eps(x) = floor(x + 1e-9*max(1, |x|)): the rounding down of
    every headcount, so that floating-point noise never takes one away.

    Args:
        x: any finite number.

    Returns the whole number, as a float; NaN for a non-finite x.
    """
    return _call("floor_eps_calc", x)


# ------------------------------------------------------------ Net Ratio (1)
def churn_attributed_calc(churn: float, churn_attribution: float) -> float:
    """The churn the AMs own: a*C.

    Args:
        churn: expected ARR lost to churn over the next 12 months, money;
            0 or more.
        churn_attribution: the share of churn the AMs own; 0 to 1.

    Returns money per year; NaN for invalid input.
    """
    return _call("churn_attributed_calc", churn, churn_attribution)


def net_ratio_calc(upsell: float, cross_sell: float, churn: float,
                   churn_attribution: float) -> float:
    """The Net Ratio, NR = U + X - a*C: the growth the AMs are accountable
    for over the next 12 months.

    Args:
        upsell: expected upsell, money; 0 or more.
        cross_sell: expected cross-sell, money; 0 or more.
        churn: expected ARR lost to churn, money; 0 or more.
        churn_attribution: the share of churn the AMs own; 0 to 1.

    Returns money per year (negative when churn outweighs growth); NaN for
    invalid input or an overflow.
    """
    return _call("net_ratio_calc", upsell, cross_sell, churn, churn_attribution)


def net_ratio_pct_calc(net_ratio: float, book: float) -> float:
    """The Net Ratio as a share of the book, NR% = NR/B.

    Args:
        net_ratio: money per year; any finite number.
        book: ARR under management, money per year; 0 or more.

    Returns a fraction (0.16 for 16%); NaN when book is 0 (undefined) or
    for invalid input.
    """
    return _call("net_ratio_pct_calc", net_ratio, book)


def net_ratio_rating_calc(net_ratio_pct: float, rating_high: float,
                          rating_medium: float) -> float:
    """The Net Ratio rating: high at or above rating_high, medium at or
    above rating_medium, else low.

    Args:
        net_ratio_pct: NR% as a fraction; NaN (undefined) rates low.
        rating_high: the NR% threshold of a high rating, a fraction; any
            finite number, at least rating_medium.
        rating_medium: the NR% threshold of a medium rating, a fraction;
            any finite number.

    Returns 1 (low), 2 (medium) or 3 (high); NaN when a threshold is not
    finite, when rating_high < rating_medium or net_ratio_pct is infinite.
    """
    return _call("net_ratio_rating_calc", net_ratio_pct, rating_high, rating_medium)


def fte_net_calc(net_ratio: float, am_productivity: float) -> float:
    """The AMs the Net Ratio needs at the reference support rating:
    FTE_net = max(NR, 0)/P.

    Args:
        net_ratio: money per year; any finite number.
        am_productivity: net new ACV one AM sells per year at support
            rating 3, money; above 0.

    Returns full-time AMs, a fraction; NaN for invalid input.
    """
    return _call("fte_net_calc", net_ratio, am_productivity)


# ---------------------------------------------------------- support (3)
def support_factor_calc(support_rating: int, t1: float, t2: float, t3: float, t4: float,
                        t5: float) -> float:
    """The support factor f = T[3]/T[s]: how many more AMs a segment needs
    (f > 1) or fewer (f < 1) because its support frees less or more of
    their time for selling than the reference rating 3 does.

    Args:
        support_rating: s, the segment's Support Infrastructure rating; 1 to
            5, a whole number.
        t1, t2, t3, t4, t5: T, the share of an AM's time spent selling at
            support ratings 1 to 5; each above 0 and at most 1, the five
            non-decreasing.

    Returns the factor; NaN for invalid input (a support_rating that is
    not a whole number in range included).
    """
    return _call("support_factor_calc", support_rating, t1, t2, t3, t4, t5)


def fte_demand_calc(fte_net: float, support_factor: float) -> float:
    """The AMs the Net Ratio needs at the segment's support rating:
    FTE_demand = FTE_net*f.

    Args:
        fte_net: full-time AMs; 0 or more.
        support_factor: f; above 0.

    Returns full-time AMs, a fraction; NaN for invalid input.
    """
    return _call("fte_demand_calc", fte_net, support_factor)


def hc_demand_calc(fte_demand: float) -> float:
    """The headcount demand, HC_demand = ceil_eps(FTE_demand).

    Args:
        fte_demand: full-time AMs; 0 or more.

    Returns AMs, a whole number; NaN for invalid input or a headcount past
    2^53.
    """
    return _call("hc_demand_calc", fte_demand)


# ------------------------------------------------------------- load (2)
def growth_per_account_calc(net_ratio: float, weighted_accounts: float) -> float:
    """The default growth per weighted account, g = NR/W.

    Args:
        net_ratio: money per year; any finite number.
        weighted_accounts: W, accounts weighted by the service each needs;
            0 or more.

    Returns money per weighted account per year; NaN when W is 0
    (undefined) or for invalid input.
    """
    return _call("growth_per_account_calc", net_ratio, weighted_accounts)


def min_load_calc(am_cost: float, gross_margin: float, cost_coverage: float,
                  growth_per_account: float) -> float:
    """The minimum load, Lmin = max(1, ceil_eps(r*K/(m*g))): the fewest
    weighted accounts whose growth pays for one AM. A load counts
    accounts, so any requirement is at least one.

    Args:
        am_cost: K, the fully loaded cost of one AM-year, money; above 0.
        gross_margin: m, a share; above 0 and at most 1.
        cost_coverage: r, the contribution required per unit of AM cost;
            above 0.
        growth_per_account: g, money per weighted account per year; any
            finite number.

    Returns weighted accounts, a whole number; NaN when g <= 0 (no load
    covers the cost) or for invalid input.
    """
    return _call("min_load_calc", am_cost, gross_margin, cost_coverage, growth_per_account)


def hc_floor_calc(weighted_accounts: float, max_load: float) -> float:
    """The service floor, HC_floor = ceil_eps(W/Lmax): the fewest AMs who
    can serve the accounts.

    Args:
        weighted_accounts: W; 0 or more.
        max_load: Lmax, the most weighted accounts the best AMs can serve;
            above 0.

    Returns AMs, a whole number (0 when W is 0); NaN for invalid input.
    """
    return _call("hc_floor_calc", weighted_accounts, max_load)


def hc_ceiling_calc(weighted_accounts: float, min_load: float) -> float:
    """The cost ceiling, HC_ceiling = floor_eps(W/Lmin): the most AMs whose
    cost the accounts' growth covers.

    Args:
        weighted_accounts: W; 0 or more.
        min_load: Lmin, weighted accounts; above 0, or NaN when undefined
            (as min_load_calc returns it).

    Returns AMs, a whole number (0 when W is 0 or Lmin is NaN); NaN for
    invalid input.
    """
    return _call("hc_ceiling_calc", weighted_accounts, min_load)


# ------------------------------------------------------------ the chart row
def headcount_calc(hc_floor: float, hc_demand: float, hc_ceiling: float) -> float:
    """The headcount, max(HC_floor, min(HC_demand, HC_ceiling)): the demand,
    capped by the cost ceiling, and never below the service floor.

    Args:
        hc_floor: AMs; a whole number, 0 or more.
        hc_demand: AMs; a whole number, 0 or more.
        hc_ceiling: AMs; a whole number, 0 or more.

    Returns AMs, a whole number; NaN for invalid input.
    """
    return _call("headcount_calc", hc_floor, hc_demand, hc_ceiling)


def binding_calc(headcount: float, hc_demand: float) -> float:
    """Which constraint set the headcount.

    Args:
        headcount: AMs; a whole number, 0 or more.
        hc_demand: AMs; a whole number, 0 or more.

    Returns 1 (demand: headcount = HC_demand), 2 (service_floor: above it)
    or 3 (cost_ceiling: below it); NaN for invalid input.
    """
    return _call("binding_calc", headcount, hc_demand)


def load_per_am_calc(weighted_accounts: float, headcount: float) -> float:
    """The load each AM carries, W/headcount.

    Args:
        weighted_accounts: W; 0 or more.
        headcount: AMs; a whole number, 0 or more.

    Returns weighted accounts per AM; NaN when headcount is 0 (undefined)
    or for invalid input.
    """
    return _call("load_per_am_calc", weighted_accounts, headcount)


def cost_calc(headcount: float, am_cost: float) -> float:
    """The cost of the AM team, headcount*K.

    Args:
        headcount: AMs; a whole number, 0 or more.
        am_cost: K, the fully loaded cost of one AM-year, money; above 0.

    Returns money per year; NaN for invalid input or an overflow.
    """
    return _call("cost_calc", headcount, am_cost)


def net_per_am_calc(net_ratio: float, headcount: float) -> float:
    """The Net Ratio per AM, NR/headcount.

    Args:
        net_ratio: money per year; any finite number.
        headcount: AMs; a whole number, 0 or more.

    Returns money per AM per year; NaN when headcount is 0 (undefined) or
    for invalid input.
    """
    return _call("net_per_am_calc", net_ratio, headcount)


def roi_calc(gross_margin: float, net_ratio: float, cost: float) -> float:
    """The return on the AM team, m*NR/cost.

    Args:
        gross_margin: m, a share; above 0 and at most 1.
        net_ratio: money per year; any finite number.
        cost: the team's cost, money per year; above 0.

    Returns a ratio; NaN when cost is 0 (no AMs), for invalid input or an
    overflow.
    """
    return _call("roi_calc", gross_margin, net_ratio, cost)


def flags_calc(accounts: float, weighted_accounts: float, book: float, net_ratio: float,
               growth_per_account: float, min_load: float, max_load: float) -> float:
    """The flags of a chart row: the sum of NO_ACCOUNTS 1 (W = 0), NO_BOOK 2
    (B = 0 with accounts), NEGATIVE_NET 4 (NR < 0), NO_GROWTH 8 (g <= 0
    with W > 0) and UNECONOMIC 16 (W > 0 and Lmin undefined or above Lmax).

    Args:
        accounts: N, a count; 0 or more, a whole number.
        weighted_accounts: W; 0 or more.
        book: ARR under management, money per year; 0 or more.
        net_ratio: money per year; any finite number.
        growth_per_account: g, money per weighted account per year; any
            finite number, or NaN when undefined (W = 0).
        min_load: Lmin, weighted accounts; above 0, or NaN when undefined.
        max_load: Lmax, weighted accounts; above 0.

    Returns the flags as a whole number; NaN for invalid input.
    """
    return _call("flags_calc", accounts, weighted_accounts, book, net_ratio,
                 growth_per_account, min_load, max_load)


# -------------------------------------------------------------- the pilot
def pilot_delta_calc(nr_covered: float, book_covered: float, nr_uncovered: float,
                     book_uncovered: float) -> float:
    """How much more the AM-covered accounts grow: NR%_c - NR%_u.

    Args:
        nr_covered: the covered accounts' Net Ratio, money per year; any
            finite number.
        book_covered: their book, money per year; 0 or more.
        nr_uncovered: the uncovered accounts' Net Ratio; any finite number.
        book_uncovered: their book; 0 or more.

    Returns a fraction; NaN when a book is 0 (undefined) or for invalid
    input.
    """
    return _call("pilot_delta_calc", nr_covered, book_covered, nr_uncovered, book_uncovered)


def pilot_lift_calc(nr_covered: float, book_covered: float, nr_uncovered: float,
                    book_uncovered: float) -> float:
    """How many times as fast the AM-covered accounts grow: NR%_c/NR%_u.

    Args:
        nr_covered: the covered accounts' Net Ratio, money per year; any
            finite number.
        book_covered: their book, money per year; 0 or more.
        nr_uncovered: the uncovered accounts' Net Ratio; any finite number.
        book_uncovered: their book; 0 or more.

    Returns a ratio; NaN unless NR%_u > 0, or for invalid input.
    """
    return _call("pilot_lift_calc", nr_covered, book_covered, nr_uncovered, book_uncovered)


def pilot_incremental_calc(nr_covered: float, book_covered: float, nr_uncovered: float,
                           book_uncovered: float) -> float:
    """The growth the AMs add to the covered book: delta*B_c.

    Args:
        nr_covered: the covered accounts' Net Ratio, money per year; any
            finite number.
        book_covered: their book, money per year; 0 or more.
        nr_uncovered: the uncovered accounts' Net Ratio; any finite number.
        book_uncovered: their book; 0 or more.

    Returns money per year; NaN when the delta is undefined or for invalid
    input.
    """
    return _call("pilot_incremental_calc", nr_covered, book_covered, nr_uncovered,
                 book_uncovered)


# ------------------------------------------------------- hiring plan (plan.h)
def monthly_attrition_calc(attrition: float) -> float:
    """The monthly leaving rate q = 1 - (1 - attrition)^(1/12): the share of
    the AMs on staff who leave in one month, so that twelve months in a
    row lose the annual share.

    Args:
        attrition: the annual share of AMs who leave; 0 or more and below 1.

    Returns a share per month (0.15 a year gives 0.01345); NaN for
    invalid input.
    """
    return _call("monthly_attrition_calc", attrition)


def ramp_share_calc(tenure_months: float, ramp_months: float) -> float:
    """The default ramp curve R(tau) = min(1, (tau+1)/(ramp_months+1)): the
    share of full productivity of an AM in tenure month tau (0 in the
    month they start).

    Args:
        tenure_months: whole months since the AM started; 0 or more.
        ramp_months: whole months a new AM takes to reach full
            productivity; 0 or more.

    Returns a share from 0 to 1 (tenure 0 of a 6-month ramp: 1/7); NaN
    for a fraction or a negative number.
    """
    return _call("ramp_share_calc", tenure_months, ramp_months)


def requisitions_calc(target_headcount: float, projected: float) -> float:
    """The requisitions to open this month: max(0, ceil_eps(H* - proj)),
    where proj is the headcount expected when they would start (the staff
    and the open requisitions, less their expected leavers).

    Args:
        target_headcount: the chart's headcount H*, a whole number; 0 or
            more.
        projected: the expected headcount at month t + time_to_fill if
            nothing opens now; any finite number.

    Returns a whole number of requisitions; NaN for invalid input.
    """
    return _call("requisitions_calc", target_headcount, projected)


# ------------------------------------------------ evaluation (evaluate.h)
def am_target_calc(fte: float, am_productivity: float, support_factor: float) -> float:
    """An AM's target when the roster gives none: fte*P*T[s]/T[3] =
    fte*am_productivity/support_factor, the net growth a full-time AM of
    the segment is expected to sell over the period, scaled by the AM's
    share of it.

    Args:
        fte: the AM's share of the period or of full time; above 0 and at
            most 1.
        am_productivity: P, net new ACV one AM sells per year at support
            rating 3, money; above 0.
        support_factor: f = T[3]/T[s] of the AM's segment
            (support_factor_calc); above 0.

    Returns money over the period; NaN for invalid input or an overflow.
    """
    return _call("am_target_calc", fte, am_productivity, support_factor)


def attainment_calc(net_ratio: float, target: float) -> float:
    """An AM's attainment, NR/target: the share of the target the AM's
    accounts grew by (1 is at plan).

    Args:
        net_ratio: the AM's NR = U + X - a*C over the period, money; any
            finite number.
        target: the AM's net growth objective, money; 0 or more.

    Returns a ratio; NaN when target is 0 (undefined) or for invalid
    input.
    """
    return _call("attainment_calc", net_ratio, target)


def am_load_calc(weighted_accounts: float, fte: float) -> float:
    """An AM's load, W/fte: the weighted accounts the AM covered, as a
    full-time AM's load, to compare with the segment's Lmin and Lmax.

    Args:
        weighted_accounts: W, the AM's accounts weighted by the service
            each needs; 0 or more.
        fte: the AM's share of the period or of full time; above 0 and at
            most 1.

    Returns weighted accounts per full-time AM; NaN for invalid input.
    """
    return _call("am_load_calc", weighted_accounts, fte)


def am_flags_calc(accounts: float, load: float, min_load: float, max_load: float,
                  attainment: float, net_ratio: float, below_plan: float) -> float:
    """The flags of an AM: the sum of OVERLOADED 1 (load > Lmax),
    UNDERLOADED 2 (Lmin defined and load < Lmin), BELOW_PLAN 4 (attainment
    defined and below below_plan), NEGATIVE_NET 8 (NR < 0) and NO_ACCOUNTS
    16 (no accounts). Every one that applies is set.

    Args:
        accounts: N, the accounts the AM covered, a count; 0 or more, a
            whole number.
        load: W/fte (am_load_calc), weighted accounts; 0 or more.
        min_load: Lmin of the AM's segment, weighted accounts; above 0, or
            NaN when undefined.
        max_load: Lmax of the AM's segment, weighted accounts; above 0.
        attainment: NR/target (attainment_calc); any finite number, or NaN
            when undefined.
        net_ratio: the AM's NR, money; any finite number.
        below_plan: the attainment under which an AM is BELOW_PLAN (the
            default is 0.9); any finite number.

    Returns the flags as a whole number; NaN for invalid input.
    """
    return _call("am_flags_calc", accounts, load, min_load, max_load, attainment, net_ratio,
                 below_plan)


# ------------------------------------------------ C prototypes, from above
#: name -> the function.
SCALAR_FUNCTIONS: Dict[str, Callable[..., float]] = {n: globals()[n] for n in __all__}


#: A scalar's C function, parameter names and the int32_t ones among them.
_Spec = Tuple[Any, Tuple[str, ...], FrozenSet[str]]


def _spec(name: str, fn: Callable[..., float]) -> _Spec:
    hints = typing.get_type_hints(fn)
    params = tuple(inspect.signature(fn).parameters)
    ints = frozenset(p for p in params if hints[p] is int)
    argtypes = [_ffi.c_int32 if p in ints else _ffi.c_double for p in params]
    _ffi.add_prototypes({"amsize_" + name: (_ffi.c_double, argtypes)})
    return getattr(_ffi.lib, "amsize_" + name), params, ints


#: name -> (C function, parameter names, the int32_t ones).
_SPECS: Dict[str, _Spec] = {name: _spec(name, fn) for name, fn in SCALAR_FUNCTIONS.items()}
