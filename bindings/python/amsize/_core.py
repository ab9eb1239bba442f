"""Segments, the model, the single methods and the pilot comparison."""
from __future__ import annotations

import ctypes
import dataclasses
import inspect
import math
import numbers
import operator
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Type, TypeVar, Union

from . import _ffi, _schema
from .errors import AmsizeTypeError, Lookup, Status, Where, check, fail, new_error, reason

_lib = _ffi.lib

_S, _M = _schema.SEGMENT, _schema.MODEL


@dataclass
class Segment:
    """One customer segment: the inputs of amsize_segment.

    Every default is the library's, from its field table (listed below). A
    field that the table marks required has None here, and a segment
    without it is refused with an AmsizeError naming the field.
    weighted_accounts None means W = accounts; growth_per_account None
    means NR/W. name labels the segment in errors and the chart.
    """

    name: Optional[str] = None
    accounts: int = _schema.default_int(_S, "accounts")
    weighted_accounts: Optional[float] = None
    book: float = _schema.default_float(_S, "book")
    upsell: float = _schema.default_float(_S, "upsell")
    cross_sell: float = _schema.default_float(_S, "cross_sell")
    churn: float = _schema.default_float(_S, "churn")
    churn_attribution: float = _schema.default_float(_S, "churn_attribution")
    am_productivity: Optional[float] = None
    am_cost: Optional[float] = None
    gross_margin: float = _schema.default_float(_S, "gross_margin")
    cost_coverage: float = _schema.default_float(_S, "cost_coverage")
    growth_per_account: Optional[float] = None
    max_load: Optional[float] = None
    support_rating: int = _schema.default_int(_S, "support_rating")


@dataclass
class Model:
    """The selling-time table (one share per support rating) and the Net
    Ratio rating thresholds: the inputs of amsize_model. Every default is
    the library's, from its field table (listed below)."""

    selling_time: Tuple[float, ...] = _schema.default_floats(_M, "selling_time")
    rating_high: float = _schema.default_float(_M, "rating_high")
    rating_medium: float = _schema.default_float(_M, "rating_medium")


def _document(cls: type, schema: int) -> None:
    """Appends the table's words for each field to cls's docstring, so that
    help() shows what the library says: unit, range and default."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    cls.__doc__ = "%s\n\nFields, from the library's field table:\n%s" % (
        inspect.cleandoc(cls.__doc__ or ""), _schema.describe(schema, names))


_document(Segment, _S)
_document(Model, _M)

#: What the functions take as a segment: a Segment or a dict of its fields.
SegmentLike = Union[Segment, Dict[str, Any]]
#: What they take as the model: a Model, a dict of its fields, or None for
#: the library's defaults.
ModelLike = Union[Model, Dict[str, Any], None]
T = TypeVar("T")

# ------------------------------------------------------------ C conversions
#: The table's fields that Segment and Model carry, in the table's order
#: (the order in which the binding checks and converts them). A field a
#: newer library adds keeps the default its *_init_() gives it.
_SEGMENT_FIELDS = tuple(f for f in _schema.fields(_S) if f.name in Segment.__dataclass_fields__)
_MODEL_FIELDS = tuple(f for f in _schema.fields(_M) if f.name in Model.__dataclass_fields__)
#: The amsize_segment member at each offset: where a presence flag goes.
_SEGMENT_MEMBER_AT = {getattr(_ffi.Segment, n).offset: n for n, _ in _ffi.Segment._fields_}
#: The field names errors about the model use, and "model" itself.
_MODEL_NAMES = frozenset(f.name for f in _schema.fields(_M)) | {"model"}


def _fields_of(cls: Type[T], given: Dict[str, Any], place: str, index: int) -> T:
    """cls(**given), refusing a key that is not one of cls's fields."""
    names = [f.name for f in dataclasses.fields(cls)]
    for key in given:
        if key not in names:
            fail(Status.E_RANGE, place, str(key), "not a field of amsize.%s: use %s"
                 % (cls.__name__, ", ".join(names)), index=index, cls=AmsizeTypeError)
    return cls(**given)


def _as_segment(seg: object, index: int = 0, single: bool = False) -> Segment:
    if isinstance(seg, Segment):
        return seg
    place = "segment" if single else "segment %d" % index
    if isinstance(seg, dict):
        return _fields_of(Segment, seg, place, index)
    fail(Status.E_RANGE, place, "", "expected an amsize.Segment or a dict of its fields",
         seg, index, AmsizeTypeError)


def _as_model(model: object) -> Optional[Model]:
    """A Model, or None (the library's defaults), from what the caller gave."""
    if model is None or isinstance(model, Model):
        return model
    if isinstance(model, dict):
        return _fields_of(Model, model, "model", -1)
    fail(Status.E_RANGE, "", "model", "expected an amsize.Model, a dict of its fields "
         "or None", model, cls=AmsizeTypeError)


def _label(seg: Segment, index: int) -> str:
    return "segment %d (%r)" % (index, seg.name) if seg.name is not None else "segment %d" % index


def _whole(value: Any, field: str, where: str, index: int = -1,
           allowed: Optional[str] = None) -> int:
    """An integer input: ints, numpy integers and integral floats. allowed,
    the range in words, goes into the error for anything else."""
    try:
        return operator.index(value)
    except TypeError:
        pass
    if isinstance(value, numbers.Real) and math.isfinite(value) and float(value).is_integer():
        return int(value)
    fail(Status.E_RANGE, where, field,
         "must be a whole number" + (" from " + allowed if allowed else ""),
         value, index, AmsizeTypeError)


def _to_c_whole(f: _schema.Field, value: Any, where: str, index: int) -> int:
    """A whole-number field's value as its C type can hold it.

    A value past what the type holds becomes the nearest value it does
    hold, which lies past the same bound of the field's range: the library
    refuses it as it would the value itself (the error quotes the value,
    through lookup). Only where the table leaves that bound to the type
    (accounts has no upper bound but int64's) does the binding refuse the
    value itself, quoting the type's bound."""
    allowed = f.whole_range_text()
    n = _whole(value, f.name, where, index, allowed)
    lo, hi = _schema.TYPE_LIMITS[f.type]
    if (n > hi and f.max > hi) or (n < lo and f.min < lo):
        fail(Status.E_RANGE, where, f.name, reason(Status.E_RANGE, f.name, allowed), n, index)
    return min(max(n, lo), hi)


def _num(value: Any, field: str, where: str, index: int = -1) -> float:
    """A float input; refuses what float() cannot convert, naming the field."""
    try:
        return float(value)
    except OverflowError:  # an int past the double range: C refuses infinity
        return math.inf if value > 0 else -math.inf
    except (TypeError, ValueError):
        fail(Status.E_NOT_FINITE, where, field, "must be a number", value, index,
             AmsizeTypeError)


def _fill_segment(c: _ffi.Segment, seg: Segment, where: str, index: int) -> None:
    for f in _SEGMENT_FIELDS:
        value = getattr(seg, f.name)
        if f.flags & _schema.PRESENCE:
            setattr(c, _SEGMENT_MEMBER_AT[f.presence_offset], value is not None)
        if f.whole:
            setattr(c, f.name, _to_c_whole(f, value, where, index))
        else:
            # None stands for "not given": 0 makes the library refuse a
            # required field by name, and a presence flag of 0 the rest.
            setattr(c, f.name, 0.0 if value is None else _num(value, f.name, where, index))


def c_segments(segments: Sequence[object],
               single: bool = False) -> Tuple[ctypes.Array[_ffi.Segment], List[Segment]]:
    """A ctypes array of amsize_segment filled from Segment objects."""
    segs = [_as_segment(s, i, single) for i, s in enumerate(segments)]
    arr = _ffi.new(_ffi.Segment, len(segs))
    for i, s in enumerate(segs):
        _fill_segment(arr[i], s, _segment_place(segs, i, single), i)
    return arr, segs


def _segment_place(segs: Sequence[Segment], index: int, single: bool) -> str:
    if single:
        name = segs[0].name
        return "segment %r" % name if name is not None else "segment"
    return _label(segs[index], index)


def c_model(model: object) -> Optional[_ffi.Model]:
    """An amsize_model, or None (NULL: the library's defaults)."""
    model = _as_model(model)
    if model is None:
        return None
    c = _ffi.new(_ffi.Model)
    for f in _MODEL_FIELDS:
        value = getattr(model, f.name)
        if f.length == 1:
            setattr(c, f.name, _num(value, f.name, "model"))
            continue
        try:
            values = tuple(value)
        except TypeError:
            values = None
        if values is None or len(values) != f.length:
            # The model's one array, selling_time: a share per rating.
            fail(Status.E_RANGE, "model", f.name, "needs %d entries, one per support rating "
                 "1..%d" % (f.length, f.length), value, cls=AmsizeTypeError)
        array = getattr(c, f.name)
        for k, v in enumerate(values):
            array[k] = _num(v, "%s[%d]" % (f.name, k + 1), "model")
    return c


def _split(field: str) -> Tuple[str, Optional[int]]:
    """'selling_time[3]' -> ('selling_time', 2); 'book' -> ('book', None)."""
    stem, bracket, rest = field.partition("[")
    return stem, (int(rest.rstrip("]")) - 1 if bracket else None)


def segment_context(segs: Sequence[Segment], model: object,
                    single: bool = False) -> Tuple[Where, Lookup]:
    """(where, lookup) for errors.check() about segments and the model."""

    def where(index: int, field: str) -> str:
        if _split(field)[0] in _MODEL_NAMES:
            return "model"
        if 0 <= index < len(segs):
            return _segment_place(segs, index, single)
        if field == "segments":  # the list itself, e.g. empty
            return ""
        return "totals row" if index == -1 else "index %d" % index

    def lookup(index: int, field: str) -> Any:
        stem, k = _split(field)
        if stem in _MODEL_NAMES:
            m = _as_model(model) or Model()
            if stem == "model":
                raise LookupError(field)
            value = getattr(m, stem)
            return tuple(value)[k] if k is not None else value
        if 0 <= index < len(segs) and field in Segment.__dataclass_fields__:
            return getattr(segs[index], field)
        raise LookupError(field)

    return where, lookup


# -------------------------------------------------------- struct -> Python
def undef(x: Any) -> Any:
    """NaN (undefined) -> None."""
    return None if isinstance(x, float) and math.isnan(x) else x


def _names(fn: Callable[[int], Optional[bytes]], code: int) -> Optional[str]:
    name = _ffi.text(fn(code))
    return name or None


def rating_name(code: int) -> Optional[str]:
    """'low', 'medium', 'high'; None for NONE (the totals row)."""
    return _names(_lib.amsize_rating_name, code)


def binding_name(code: int) -> Optional[str]:
    """'demand', 'service_floor', 'cost_ceiling'; None for NONE."""
    return _names(_lib.amsize_binding_name, code)


def flag_names(flags: int) -> Tuple[str, ...]:
    """The tuple of flag names set in a flags word, in bit order."""
    out = []
    for bit in range(32):
        if flags & (1 << bit):
            name = _ffi.text(_lib.amsize_flag_name(1 << bit))
            out.append(name or "FLAG_0x%x" % (1 << bit))
    return tuple(out)


def from_struct(cls: Type[T], c: Any, **special: Callable[[Any], Any]) -> T:
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


def _method(mirror: Type[ctypes.Structure], stem: str, result_cls: Type[T], seg: SegmentLike,
            model: ModelLike, **special: Callable[[Any], Any]) -> T:
    segs_c, segs = c_segments([seg], single=True)
    model_c = c_model(model)
    out = _ffi.new(mirror)
    err = new_error()
    where, lookup = segment_context(segs, model, single=True)
    st = getattr(_lib, "amsize_%s_compute" % stem)(out, err, segs_c, model_c)
    check(st, err, where, lookup)
    return from_struct(result_cls, out, **special)


def netratio(seg: SegmentLike, model: ModelLike = None) -> NetRatio:
    """Method 1 on one segment: its Net Ratio NR = U + X - a*C (money per
    year), NR% = NR/B, the rating and FTE_net = max(NR, 0)/P.

    seg is a Segment or a dict of its fields; model a Model, a dict of its
    fields, or None for the library's defaults. Raises AmsizeError naming
    the field of a bad input."""
    return _method(_ffi.NetRatio, "netratio", NetRatio, seg, model, rating=rating_name)


def support(seg: SegmentLike, model: ModelLike = None) -> Support:
    """Method 3 on one segment: the Net Ratio demand scaled by its support
    rating, f = T[3]/T[s], FTE_demand = FTE_net*f and the headcount
    HC_demand = ceil_eps(FTE_demand).

    Arguments and errors as netratio()."""
    return _method(_ffi.Support, "support", Support, seg, model)


def load(seg: SegmentLike, model: ModelLike = None) -> Load:
    """Method 2 on one segment: the account-load band. Minimum and maximum
    load in weighted accounts per AM, and the headcount floor
    ceil_eps(W/Lmax) and ceiling floor_eps(W/Lmin).

    Arguments and errors as netratio()."""
    return _method(_ffi.Load, "load", Load, seg, model, flags=flag_names)


def pilot_from(out: _ffi.Pilot) -> Pilot:
    return from_struct(Pilot, out, accretive=bool)


def pilot(nr_covered: float, book_covered: float, nr_uncovered: float,
          book_uncovered: float) -> Pilot:
    """Compares the growth of AM-covered and uncovered accounts.

    Args:
        nr_covered: the covered accounts' Net Ratio, money per year.
        book_covered: their book, money per year; 0 or more.
        nr_uncovered: the uncovered accounts' Net Ratio, money per year.
        book_uncovered: their book, money per year; 0 or more.

    Returns NR% of each side, their difference (delta), its ratio (lift)
    and delta times the covered book (incremental); None where undefined.
    Raises AmsizeError naming the side and field of a bad input."""
    out = _ffi.new(_ffi.Pilot)
    err = new_error()
    places = ("covered accounts", "uncovered accounts")

    def where(index: int, field: str) -> str:
        return places[index] if index in (0, 1) else "pilot"

    given = (nr_covered, book_covered, nr_uncovered, book_uncovered)
    args = tuple(_num(v, ("net_ratio", "book")[k % 2], places[k // 2], k // 2)
                 for k, v in enumerate(given))
    st = _lib.amsize_pilot_compare(out, err, *args)

    def lookup(index: int, field: str) -> float:
        if index in (0, 1) and field in ("net_ratio", "book"):
            return args[2 * index + (field == "book")]
        raise LookupError(field)

    check(st, err, where, lookup)
    return pilot_from(out)
