"""Segments, the model, the sizing chart, the single methods, the pilot
comparison and the scalar functions."""
from __future__ import annotations

import dataclasses
import inspect
import math
import numbers
import operator
from dataclasses import dataclass
from typing import Optional, Tuple

from . import _ffi
from .errors import (INT64_MAX, RANGES, AmsizeTypeError, Status, check, fail,
                     new_error)

_lib = _ffi.lib

INT32_MIN, INT32_MAX = -(2 ** 31), 2 ** 31 - 1


@dataclass
class Segment:
    """One customer segment, the inputs of amsize_segment.

    am_productivity, am_cost and max_load have no default in the library: a
    segment without them is refused with an AmsizeError naming the field.
    weighted_accounts None means W = accounts; growth_per_account None
    means NR/W.
    """

    name: Optional[str] = None
    accounts: int = 0
    weighted_accounts: Optional[float] = None
    book: float = 0.0
    upsell: float = 0.0
    cross_sell: float = 0.0
    churn: float = 0.0
    churn_attribution: float = 1.0
    am_productivity: Optional[float] = None
    am_cost: Optional[float] = None
    gross_margin: float = 1.0
    cost_coverage: float = 1.0
    growth_per_account: Optional[float] = None
    max_load: Optional[float] = None
    support_rating: int = 3


@dataclass
class Model:
    """Selling-time table (support ratings 1..5) and the Net Ratio rating
    thresholds, the inputs of amsize_model. The defaults are the library's."""

    selling_time: Tuple[float, float, float, float, float] = (0.40, 0.50, 0.60, 0.70, 0.80)
    rating_high: float = 0.15
    rating_medium: float = 0.05


# ------------------------------------------------------------ C conversions
_SEGMENT_FLOATS = ("book", "upsell", "cross_sell", "churn", "churn_attribution",
                   "am_productivity", "am_cost", "gross_margin", "cost_coverage", "max_load")
_MODEL_FIELDS = ("model", "rating_high", "rating_medium")


def _fields_of(cls, given, place, index):
    """cls(**given), refusing a key that is not one of cls's fields."""
    names = [f.name for f in dataclasses.fields(cls)]
    for key in given:
        if key not in names:
            fail(Status.E_RANGE, place, str(key), "not a field of amsize.%s: use %s"
                 % (cls.__name__, ", ".join(names)), index=index, cls=AmsizeTypeError)
    return cls(**given)


def _as_segment(seg, index=0, single=False):
    if isinstance(seg, Segment):
        return seg
    place = "segment" if single else "segment %d" % index
    if isinstance(seg, dict):
        return _fields_of(Segment, seg, place, index)
    fail(Status.E_RANGE, place, "", "expected an amsize.Segment or a dict of its fields",
         seg, index, AmsizeTypeError)


def _label(seg, index):
    return "segment %d (%r)" % (index, seg.name) if seg.name is not None else "segment %d" % index


def _whole(value, field, where, index=-1):
    """An integer input: ints, numpy integers and integral floats."""
    try:
        return operator.index(value)
    except TypeError:
        pass
    if isinstance(value, numbers.Real) and math.isfinite(value) and float(value).is_integer():
        return int(value)
    allowed = RANGES.get(field)
    fail(Status.E_RANGE, where, field,
         "must be a whole number" + (" from " + allowed if allowed else ""),
         value, index, AmsizeTypeError)


def _num(value, field, where, index=-1):
    """A float input; refuses what float() cannot convert, naming the field."""
    try:
        return float(value)
    except OverflowError:  # an int past the double range: C refuses infinity
        return math.inf if value > 0 else -math.inf
    except (TypeError, ValueError):
        fail(Status.E_NOT_FINITE, where, field, "must be a number", value, index,
             AmsizeTypeError)


def _optional(value, field, where, index):
    # None stands for "not given"; 0 makes the library refuse it by name.
    return 0.0 if value is None else _num(value, field, where, index)


def _fill_segment(c, seg, where, index):
    rating = _whole(seg.support_rating, "support_rating", where, index)
    # Out-of-range ratings are passed as 0 so that the library names them.
    c.support_rating = rating if INT32_MIN <= rating <= INT32_MAX else 0
    accounts = _whole(seg.accounts, "accounts", where, index)
    if accounts > INT64_MAX:
        fail(Status.E_RANGE, where, "accounts", value=accounts, index=index)
    c.accounts = max(accounts, -1)
    for name in _SEGMENT_FLOATS:
        setattr(c, name, _optional(getattr(seg, name), name, where, index))
    c.has_weighted_accounts = seg.weighted_accounts is not None
    c.weighted_accounts = _optional(seg.weighted_accounts, "weighted_accounts", where, index)
    c.has_growth_per_account = seg.growth_per_account is not None
    c.growth_per_account = _optional(seg.growth_per_account, "growth_per_account", where, index)


def c_segments(segments, single=False):
    """A ctypes array of amsize_segment filled from Segment objects."""
    segs = [_as_segment(s, i, single) for i, s in enumerate(segments)]
    arr = _ffi.new(_ffi.Segment, len(segs))
    for i, s in enumerate(segs):
        _fill_segment(arr[i], s, _segment_place(segs, i, single), i)
    return arr, segs


def _segment_place(segs, index, single):
    if single:
        name = segs[0].name
        return "segment %r" % name if name is not None else "segment"
    return _label(segs[index], index)


def c_model(model):
    """An amsize_model, or None (NULL: the library's defaults)."""
    if model is None:
        return None
    if isinstance(model, dict):
        model = _fields_of(Model, model, "model", -1)
    if not isinstance(model, Model):
        fail(Status.E_RANGE, "", "model", "expected an amsize.Model, a dict of its fields "
             "or None", model, cls=AmsizeTypeError)
    c = _ffi.new(_ffi.Model)
    try:
        times = tuple(model.selling_time)
    except TypeError:
        times = None
    if times is None or len(times) != 5:
        fail(Status.E_RANGE, "model", "selling_time", "needs 5 entries, one per support "
             "rating 1..5", model.selling_time, cls=AmsizeTypeError)
    for k, t in enumerate(times):
        c.selling_time[k] = _num(t, "selling_time[%d]" % (k + 1), "model")
    c.rating_high = _num(model.rating_high, "rating_high", "model")
    c.rating_medium = _num(model.rating_medium, "rating_medium", "model")
    return c


def _is_model_field(field):
    return field in _MODEL_FIELDS or field.startswith("selling_time")


def segment_context(segs, model, single=False):
    """(where, lookup) for errors.check() about segments and the model."""

    def where(index, field):
        if _is_model_field(field):
            return "model"
        if 0 <= index < len(segs):
            return _segment_place(segs, index, single)
        if field == "segments":  # the list itself, e.g. empty
            return ""
        return "totals row" if index == -1 else "index %d" % index

    def lookup(index, field):
        if _is_model_field(field):
            m = model if model is not None else Model()
            if field.startswith("selling_time["):
                return tuple(m.selling_time)[int(field[13:-1]) - 1]
            if field == "model":
                raise LookupError(field)
            return getattr(m, field)
        if 0 <= index < len(segs) and field in Segment.__dataclass_fields__:
            return getattr(segs[index], field)
        raise LookupError(field)

    return where, lookup


# -------------------------------------------------------- struct -> Python
def undef(x):
    """NaN (undefined) -> None."""
    return None if isinstance(x, float) and math.isnan(x) else x


def _names(fn, code):
    name = _ffi.text(fn(code))
    return name or None


def rating_name(code):
    """'low', 'medium', 'high'; None for NONE (the totals row)."""
    return _names(_lib.amsize_rating_name, code)


def binding_name(code):
    """'demand', 'service_floor', 'cost_ceiling'; None for NONE."""
    return _names(_lib.amsize_binding_name, code)



def flag_names(flags):
    """The tuple of flag names set in a flags word, in bit order."""
    out = []
    for bit in range(32):
        if flags & (1 << bit):
            name = _ffi.text(_lib.amsize_flag_name(1 << bit))
            out.append(name or "FLAG_0x%x" % (1 << bit))
    return tuple(out)


def from_struct(cls, c, **special):
    """An instance of dataclass cls from ctypes struct c: fields of the
    same name, NaN as None, special[name](raw) where given (raw is None
    for a name the struct lacks)."""
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in special:
            values[f.name] = special[f.name](getattr(c, f.name, None))
        elif hasattr(c, f.name):
            values[f.name] = undef(getattr(c, f.name))
    return cls(**values)


# ------------------------------------------------------ one-method results
@dataclass(frozen=True)
class NetRatio:
    """Method 1, Net Ratio of one segment (amsize_netratio)."""

    rating: str
    churn_attributed: float
    net_ratio: float
    net_ratio_pct: Optional[float]
    fte_net: float


@dataclass(frozen=True)
class Support:
    """Method 3, support-adjusted demand of one segment (amsize_support)."""

    support_rating: int
    support_factor: float
    fte_demand: float
    hc_demand: int


@dataclass(frozen=True)
class Load:
    """Method 2, the account-load band of one segment (amsize_load)."""

    flags: Tuple[str, ...]
    growth_per_account: Optional[float]
    min_load: Optional[float]
    max_load: float
    hc_floor: int
    hc_ceiling: int


@dataclass(frozen=True)
class Pilot:
    """The pilot comparison of covered and uncovered accounts (amsize_pilot)."""

    accretive: bool
    nr_pct_covered: Optional[float]
    nr_pct_uncovered: Optional[float]
    delta: Optional[float]
    lift: Optional[float]
    incremental: Optional[float]


def _method(mirror, stem, result_cls, seg, model, **special):
    segs_c, segs = c_segments([seg], single=True)
    model_c = c_model(model)
    out = _ffi.new(mirror)
    err = new_error()
    where, lookup = segment_context(segs, model, single=True)
    st = getattr(_lib, "amsize_%s_compute" % stem)(out, err, segs_c, model_c)
    check(st, err, where, lookup)
    return from_struct(result_cls, out, **special)


def netratio(seg, model=None):
    """Net Ratio of one segment: NR = U + X - a*C, NR%, rating, FTEs."""
    return _method(_ffi.NetRatio, "netratio", NetRatio, seg, model, rating=rating_name)


def support(seg, model=None):
    """The Net Ratio demand scaled by the segment's support rating."""
    return _method(_ffi.Support, "support", Support, seg, model)


def load(seg, model=None):
    """The account-load band: min/max load and the headcount floor/ceiling."""
    return _method(_ffi.Load, "load", Load, seg, model, flags=flag_names)


def pilot_from(out):
    return from_struct(Pilot, out, accretive=bool)


def pilot(nr_covered, book_covered, nr_uncovered, book_uncovered):
    """Compares the Net Ratio of AM-covered and uncovered accounts."""
    out = _ffi.new(_ffi.Pilot)
    err = new_error()
    places = ("covered accounts", "uncovered accounts")

    def where(index, field):
        return places[index] if index in (0, 1) else "pilot"

    given = (nr_covered, book_covered, nr_uncovered, book_uncovered)
    args = tuple(_num(v, ("net_ratio", "book")[k % 2], places[k // 2], k // 2)
                 for k, v in enumerate(given))
    st = _lib.amsize_pilot_compare(out, err, *args)

    def lookup(index, field):
        if index in (0, 1) and field in ("net_ratio", "book"):
            return args[2 * index + (field == "book")]
        raise LookupError(field)

    check(st, err, where, lookup)
    return pilot_from(out)


# ------------------------------------------------------------------ scalars
def _make_scalar(name, argnames):
    fn = getattr(_lib, "amsize_" + name)
    params = [inspect.Parameter(a, inspect.Parameter.POSITIONAL_OR_KEYWORD) for a in argnames]
    sig = inspect.Signature(params)
    ints = {a for a in argnames if (name, a) in _ffi.SCALAR_INT_ARGS}

    def wrapper(*args, **kwargs):
        bound = sig.bind(*args, **kwargs)
        values = []
        for a, v in zip(argnames, bound.args):
            fv = _num(v, a, name)  # not a number at all: AmsizeTypeError
            if a in ints:
                # Spreadsheet rule: an invalid number gives NaN, not an error.
                if not fv.is_integer() or not INT32_MIN <= fv <= INT32_MAX:
                    return math.nan
                fv = int(fv)
            values.append(fv)
        return fn(*values)

    wrapper.__name__ = wrapper.__qualname__ = name
    wrapper.__signature__ = sig
    wrapper.__doc__ = ("amsize_%s(%s) from scalar.h: returns a float, NaN for invalid "
                       "input or an undefined value." % (name, ", ".join(argnames)))
    return wrapper


SCALAR_FUNCTIONS = {name: _make_scalar(name, args) for name, args in _ffi.SCALARS}
