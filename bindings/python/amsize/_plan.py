"""The monthly hiring plan (plan.h): Staffing and Roster inputs, plan(),
and the Plan it returns with records, pandas, HTML and text views.

Every number is the library's: amsize_plan_compute() for each segment and
amsize_plan_total() for the TOTAL. The binding converts the inputs, labels
the months and words the errors; the rules live in lib/plan.c.
"""
from __future__ import annotations

import ctypes
import dataclasses
import html
import importlib
import inspect
import math
import re
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core, _ffi, _schema, _table
from .errors import AmsizeTypeError, Lookup, Status, Where, check, fail, new_error, reason

_lib = _ffi.lib
_ST, _RO = _schema.STAFFING, _schema.ROSTER


@dataclass
class Staffing:
    """A segment's staffing inputs: the fields of amsize_staffing.

    Every default is the library's, from its field table (listed below).
    current_ams counts fully ramped AMs on staff today; a roster, when the
    plan is given one, replaces it.
    """

    attrition: float = _schema.default_float(_ST, "attrition")
    time_to_fill: int = _schema.default_int(_ST, "time_to_fill")
    ramp_months: int = _schema.default_int(_ST, "ramp_months")
    current_ams: int = _schema.default_int(_ST, "current_ams")


@dataclass
class Roster:
    """The AMs of one segment on staff at the plan's start, one entry per
    AM in each list: the roster columns of amsize_plan_compute().

    fte None means every AM has the table's default fte; tenure_months
    None means every AM is fully ramped, and so does an entry of None (or
    NaN, an empty cell in pandas). Both lists, when given, have one entry
    per AM; a Roster with neither has no AMs.
    """

    fte: Optional[Iterable[float]] = None
    tenure_months: Optional[Iterable[Optional[int]]] = None


def _document(cls: type, schema: int) -> None:
    names = tuple(f.name for f in dataclasses.fields(cls))
    cls.__doc__ = "%s\n\nFields, from the library's field table:\n%s" % (
        inspect.cleandoc(cls.__doc__ or ""), _schema.describe(schema, names))


_document(Staffing, _ST)
_document(Roster, _RO)

#: A segment's staffing: a Staffing, a dict of its fields, or None (the
#: defaults).
StaffingLike = Union[Staffing, Dict[str, Any], None]
#: A segment's roster: a Roster, a dict of its fields, or None (no AM).
RosterLike = Union[Roster, Dict[str, Any], None]
#: A segment's ramp curve: its shares from tenure month 0, or None (the
#: ramp_months curve).
RampLike = Optional[Iterable[float]]

#: The staffing fields Staffing carries, in the table's order (in which
#: they are checked and converted).
_STAFFING_FIELDS = tuple(f for f in _schema.fields(_ST)
                         if f.name in Staffing.__dataclass_fields__)
_TENURE = _schema.field(_RO, "tenure_months")
_STAFFING_NAMES = frozenset(f.name for f in _STAFFING_FIELDS)

#: A month: its number (1, 2, ...) or, with a start month, its 'YYYY-MM'.
Label = Union[int, str]


# -------------------------------------------------------------- results
@dataclass(frozen=True)
class PlanMonth:
    """One month of one segment's plan (or of the TOTAL): the columns of
    the CLI's month table. Expected values, in AMs, except capacity (net
    new ACV per month), demand (the chart's fte_demand) and cost (money
    per month)."""

    segment: str
    month: Label
    headcount: float
    leavers: float
    requisitions: float
    starts: float
    rre: float
    capacity: float
    demand: float
    gap: float
    cost: float


@dataclass(frozen=True)
class PlanSummary:
    """A segment's plan (or the TOTAL) in a few numbers: the columns of
    the CLI's summary. first_month_at_demand is the first month whose RRE
    reaches the demand, None when none within the horizon; for the TOTAL,
    the first month whose summed RRE reaches the summed demand."""

    segment: str
    requisitions: float
    starts: float
    leavers: float
    first_month_at_demand: Optional[Label]
    shortfall: float
    plan_cost: float
    end_headcount: float


#: The month table's columns, in order (the CLI's long-form CSV).
MONTH_COLUMNS = tuple(f.name for f in dataclasses.fields(PlanMonth))
#: The summary's columns, in order (the CLI's --summary CSV).
SUMMARY_COLUMNS = tuple(f.name for f in dataclasses.fields(PlanSummary))

#: The columns of the text summary, and how many months HTML shows before
#: it elides the middle of the month table.
_HTML_MONTHS_HEAD, _HTML_MONTHS_TAIL = 24, 12


#: Columns that hold whole numbers, shown without decimals.
_WHOLE = ("requisitions", "starts")


def _cell(column: str, value: Any) -> str:
    """The text of one value in the text and HTML tables."""
    if column == "month" or column == "first_month_at_demand":
        return "" if value is None else str(value)
    if column in _WHOLE and isinstance(value, float) and value.is_integer():
        return "{:,.0f}".format(value)
    return _table.cell(column, value)


def _rows(items: Sequence[Any], columns: Sequence[str]) -> List[List[str]]:
    return [[_cell(c, getattr(r, c)) for c in columns] for r in items]


def _html_table(css: str, columns: Sequence[str], body: List[List[str]],
                elided: Optional[Tuple[int, str]] = None) -> str:
    head = "".join("<th>%s</th>" % html.escape(c) for c in columns)
    rows = ["<tr>%s</tr>" % "".join("<td>%s</td>" % html.escape(t) for t in r) for r in body]
    if elided is not None:
        at, text = elided
        rows.insert(at, '<tr><td colspan="%d">%s</td></tr>' % (len(columns), html.escape(text)))
    return '<table class="%s"><thead><tr>%s</tr></thead><tbody>%s</tbody></table>' % (
        css, head, "".join(rows))


class Plan:
    """The hiring plan of every segment.

    .months holds the month table in long form, segment by segment (no
    TOTAL rows, as the CLI's CSV), .total_months the TOTAL of each month,
    .summary one PlanSummary per segment and .total the TOTAL's. .labels
    are the months' labels: 1, 2, ... or, with a start month, 'YYYY-MM'.
    """

    def __init__(self, segments: Sequence[str], labels: Sequence[Label],
                 months: Sequence[PlanMonth], total_months: Sequence[PlanMonth],
                 summary: Sequence[PlanSummary], total: PlanSummary,
                 start: Optional[str]) -> None:
        self.segments = tuple(segments)
        self.labels = tuple(labels)
        self.months = list(months)
        self.total_months = list(total_months)
        self.summary = list(summary)
        self.total = total
        self.start = start

    @property
    def horizon(self) -> int:
        """The number of months planned."""
        return len(self.labels)

    def _position(self, key: Union[int, str]) -> Optional[int]:
        """The segment's position; None for the TOTAL."""
        if isinstance(key, str):
            if key == "TOTAL" and key not in self.segments:
                return None
            if key not in self.segments:
                raise KeyError(key)
            return self.segments.index(key)
        if not -len(self.segments) <= key < len(self.segments):
            raise IndexError(key)
        return key % len(self.segments)

    def months_of(self, segment: Union[int, str]) -> List[PlanMonth]:
        """One segment's months, by name or position; 'TOTAL' for the
        total of each month."""
        i = self._position(segment)
        if i is None:
            return list(self.total_months)
        h = self.horizon
        return self.months[i * h:(i + 1) * h]

    def summary_of(self, segment: Union[int, str]) -> PlanSummary:
        """One segment's summary, by name or position; 'TOTAL' for the total."""
        i = self._position(segment)
        return self.total if i is None else self.summary[i]

    def _items(self, table: str, total: Optional[bool]) -> Tuple[Tuple[str, ...], List[Any]]:
        if table == "months":
            return MONTH_COLUMNS, self.months + (self.total_months if total else [])
        if table == "summary":
            return SUMMARY_COLUMNS, self.summary + ([self.total] if total is not False else [])
        raise ValueError("amsize: table is 'months' or 'summary', not %r" % (table,))

    def to_records(self, table: str = "months",
                   total: Optional[bool] = None) -> List[Dict[str, Any]]:
        """The month table (table='months') or the summary ('summary') as a
        list of dicts keyed by the column names. total chooses whether the
        TOTAL rows come last; None gives the CLI's CSV: the months without
        them, the summary with its TOTAL row."""
        _, items = self._items(table, total)
        return [dataclasses.asdict(r) for r in items]

    def to_pandas(self, table: str = "months", total: Optional[bool] = None) -> Any:
        """A pandas DataFrame of the month table (long form: one row per
        segment and month) or of the summary; rows as to_records(). Needs
        pandas."""
        try:
            pandas = importlib.import_module("pandas")
        except ImportError:
            raise ImportError("amsize: Plan.to_pandas() needs pandas, which is not installed; "
                              "use Plan.to_records() for plain dicts") from None
        columns, _ = self._items(table, total)
        return pandas.DataFrame.from_records(self.to_records(table, total),
                                             columns=list(columns))

    def plot(self, segment: Union[int, str] = "TOTAL", ax: Any = None) -> Any:
        """Draws one segment's plan (the TOTAL by default): RRE against
        demand as lines, and the starts of each month as bars, all in AMs.
        ax is a matplotlib Axes to draw on; None makes a new figure with
        matplotlib.pyplot. Returns the Axes. Needs matplotlib (Debian:
        python3-matplotlib)."""
        from ._plot import plot_months
        months = self.months_of(segment)
        name = "TOTAL" if self._position(segment) is None else months[0].segment
        return plot_months(months, name, ax)

    def __str__(self) -> str:
        body = _rows(self._items("summary", True)[1], SUMMARY_COLUMNS)
        widths = [max(len(c), *(len(r[k]) for r in body)) for k, c in enumerate(SUMMARY_COLUMNS)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(t.ljust(widths[k]) if k == 0 else t.rjust(widths[k])
                             for k, t in enumerate(cells)).rstrip()

        span = "months %s to %s" % (self.labels[0], self.labels[-1])
        return "\n".join(["hiring plan, " + span, line(SUMMARY_COLUMNS)] +
                         [line(r) for r in body])

    __repr__ = __str__

    def _repr_html_(self) -> str:
        summary = _html_table("amsize-plan-summary", SUMMARY_COLUMNS,
                              _rows(self._items("summary", True)[1], SUMMARY_COLUMNS))
        items = self.months + self.total_months
        elided = None
        keep = _HTML_MONTHS_HEAD + _HTML_MONTHS_TAIL
        if len(items) > keep + 1:
            elided = (_HTML_MONTHS_HEAD, "... %d more rows: Plan.to_pandas() has them all"
                      % (len(items) - keep))
            items = items[:_HTML_MONTHS_HEAD] + items[-_HTML_MONTHS_TAIL:]
        months = _html_table("amsize-plan-months", MONTH_COLUMNS, _rows(items, MONTH_COLUMNS),
                             elided)
        return summary + months


# ------------------------------------------------------------ the inputs
def _labels(horizon: int, start: Optional[str]) -> List[Label]:
    if start is None:
        return list(range(1, horizon + 1))
    year, month = int(start[:4]), int(start[5:])
    first = year * 12 + month - 1
    return ["%04d-%02d" % ((first + t) // 12, (first + t) % 12 + 1) for t in range(horizon)]


_START = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])\Z")


def _start(start: object) -> Optional[str]:
    """start as 'YYYY-MM'; a date (anything with year and month) is taken
    as its month."""
    if start is None:
        return None
    # datetime.date, datetime.datetime, pandas' Timestamp and Period.
    year, month = getattr(start, "year", None), getattr(start, "month", None)
    if isinstance(year, int) and isinstance(month, int) and 0 <= year <= 9999 and \
            1 <= month <= 12 and not isinstance(start, str):
        return "%04d-%02d" % (year, month)
    if not isinstance(start, str):
        fail(Status.E_RANGE, "", "start", "must be a month as 'YYYY-MM' or a date",
             start, cls=AmsizeTypeError)
    if not _START.match(start):
        fail(Status.E_RANGE, "", "start", "must be a month as 'YYYY-MM', e.g. '2027-01'",
             start)
    return start


def _horizon(horizon: object) -> int:
    allowed = "1 to %d" % _ffi.PLAN_HORIZON_MAX
    if isinstance(horizon, bool):  # an int to Python, but never a count of months
        fail(Status.E_RANGE, "", "horizon", "must be a whole number from " + allowed, horizon,
             cls=AmsizeTypeError)
    n = _core._whole(horizon, "horizon", "", -1, allowed)
    if not 1 <= n <= _ffi.PLAN_HORIZON_MAX:
        fail(Status.E_RANGE, "", "horizon", reason(Status.E_RANGE, "horizon", allowed), n)
    return n


def _per_segment(arg: Any, what: str, names: Sequence[str],
                 every: Optional[type] = None) -> List[Any]:
    """One entry per segment from what the caller gave: a sequence in the
    segments' order, or a mapping keyed by segment name (segments it does
    not name get None). An instance of every applies to every segment."""
    n = len(names)
    if arg is None:
        return [None] * n
    if every is not None and isinstance(arg, every):
        return [arg] * n
    if isinstance(arg, Mapping):
        for key in arg:
            if key not in names:
                hint = ""
                if every is not None and key in {f.name for f in dataclasses.fields(every)}:
                    hint = "; for every segment pass amsize.%s(%s=...)" % (every.__name__, key)
                fail(Status.E_RANGE, what, "", "%r is not a segment of the plan (%s)%s"
                     % (key, ", ".join(map(repr, names)), hint), cls=AmsizeTypeError)
        dup = sorted({s for s in names if names.count(s) > 1})
        if dup:
            fail(Status.E_RANGE, what, "", "keyed by segment name, but the segments' names "
                 "repeat (%s): give a list, one entry per segment" % ", ".join(map(repr, dup)),
                 cls=AmsizeTypeError)
        return [arg.get(s) for s in names]
    if isinstance(arg, (str, bytes)) or not isinstance(arg, Iterable):
        fail(Status.E_RANGE, what, "", "expected a list with one entry per segment or a dict "
             "keyed by segment name", arg, cls=AmsizeTypeError)
    entries = list(arg)
    if len(entries) != n:
        fail(Status.E_BUFFER, what, "", "needs one entry per segment: %d segments, %d "
             "entries" % (n, len(entries)))
    return entries


def _fill_staffing(c: _ffi.Staffing, staff: StaffingLike, place: str, index: int) -> Staffing:
    if staff is None:
        staff = Staffing()
    elif isinstance(staff, dict):
        staff = _core._fields_of(Staffing, staff, place, index)
    elif not isinstance(staff, Staffing):
        fail(Status.E_RANGE, place, "staffing", "expected an amsize.Staffing, a dict of its "
             "fields or None", staff, index, AmsizeTypeError)
    for f in _STAFFING_FIELDS:
        value = getattr(staff, f.name)
        if f.whole:
            setattr(c, f.name, _core._to_c_whole(f, value, place, index))
        else:
            setattr(c, f.name, _core._num(value, f.name, place, index))
    return staff


def _values(column: Any, field: str, place: str, index: int) -> List[Any]:
    if isinstance(column, (str, bytes)) or not isinstance(column, Iterable):
        fail(Status.E_RANGE, place, field, "expected a list of numbers", column, index,
             AmsizeTypeError)
    return list(column)


def _ramp(curve: RampLike, place: str, index: int
          ) -> Tuple[Optional[ctypes.Array[ctypes.c_double]], List[Any]]:
    """The curve as a C array (None: the ramp_months curve) and the values
    given. An empty curve is not None: it is 1 from tenure month 0."""
    if curve is None:
        return None, []
    shares = _values(curve, "share", place, index)
    c = (ctypes.c_double * max(len(shares), 1))()
    for k, v in enumerate(shares):
        c[k] = _core._num(v, "share", "%s, ramp month %d" % (place, k), index)
    return c, shares


_Columns = Tuple[ctypes.Array[ctypes.c_double], ctypes.Array[ctypes.c_int32], List[float]]


def _roster(roster: RosterLike, place: str, index: int) -> _Columns:
    """The roster as the two C columns (as long as the roster, at least 1)
    and the fte of each AM."""
    if roster is None:
        roster = Roster()
    elif isinstance(roster, dict):
        roster = _core._fields_of(Roster, roster, place + ", roster", index)
    elif not isinstance(roster, Roster):
        fail(Status.E_RANGE, place, "roster", "expected an amsize.Roster, a dict of its "
             "fields or None", roster, index, AmsizeTypeError)
    fte = None if roster.fte is None else _values(roster.fte, "fte", place, index)
    tenure = (None if roster.tenure_months is None
              else _values(roster.tenure_months, "tenure_months", place, index))
    if fte is not None and tenure is not None and len(fte) != len(tenure):
        fail(Status.E_BUFFER, place + ", roster", "", "fte and tenure_months need one entry "
             "per AM: %d and %d entries" % (len(fte), len(tenure)), index=index)
    n = len(fte) if fte is not None else len(tenure) if tenure is not None else 0
    default_fte = _schema.default_float(_RO, "fte")
    sizes = (ctypes.c_double * max(n, 1))()
    tenures = (ctypes.c_int32 * max(n, 1))()
    err = new_error()
    given = fte if fte is not None else [default_fte] * n
    for k in range(n):
        am = "%s, roster AM %d" % (place, k)
        sizes[k] = _core._num(given[k], "fte", am, index)
        t = None if tenure is None else tenure[k]
        if t is None or (isinstance(t, float) and math.isnan(t)):
            tenures[k] = _ffi.TENURE_RAMPED
            continue
        value = _core._to_c_whole(_TENURE, t, am, index)
        # The table's range, checked before C sees the value: a tenure of
        # -1 would otherwise pass as AMSIZE_TENURE_RAMPED.
        st = _lib.amsize_field_check(err, _RO, _TENURE.code, float(value), k)
        check(st, err, lambda i, f: "%s, roster AM %d" % (place, i), lambda i, f: t, index)
        tenures[k] = value
    return sizes, tenures, given


# ----------------------------------------------------------- the plan
def _summary(c: _ffi.PlanSummary, name: str, labels: Sequence[Label]) -> PlanSummary:
    first = int(c.first_month_at_demand)
    return _core.from_struct(PlanSummary, c, segment=lambda _: name,
                             first_month_at_demand=lambda _: labels[first - 1] if first else None)


def _month(c: _ffi.PlanMonth, name: str, labels: Sequence[Label]) -> PlanMonth:
    return _core.from_struct(PlanMonth, c, segment=lambda _: name,
                             month=lambda m: labels[int(m) - 1])


def plan(segments: Iterable[_core.SegmentLike], model: _core.ModelLike = None, *,
         staffing: Union[StaffingLike, Sequence[StaffingLike], Mapping[str, StaffingLike]] = None,
         roster: Union[Sequence[RosterLike], Mapping[str, RosterLike], None] = None,
         ramp: Union[Sequence[RampLike], Mapping[str, RampLike], None] = None,
         horizon: int = _ffi.PLAN_HORIZON_DEFAULT, start: Optional[str] = None) -> Plan:
    """The monthly hiring plan of every segment: when to open requisitions
    so that each segment reaches the chart's headcount, given attrition,
    time to fill and ramp, month by month for horizon months.

    segments and model are as chart()'s: the plan staffs each segment to
    its chart headcount and measures its ramped-rep equivalents (RRE)
    against its fte_demand.

    staffing: a Staffing (or a dict of its fields) per segment, as a list
        in the segments' order or a dict keyed by segment name; a single
        Staffing applies to every segment; None, or a segment left out,
        has the library's defaults.
    roster: the AMs on staff at the start, a Roster per segment (list or
        dict by name, as staffing). Given at all, it replaces every
        segment's current_ams, and a segment without one starts from
        nobody.
    ramp: a ramp curve per segment (list or dict by name): the share of
        full productivity in tenure months 0, 1, ..., each in [0, 1] and
        non-decreasing, 1 after the last. None, or a segment left out,
        uses min(1, (tau+1)/(ramp_months+1)).
    horizon: months to plan, 1 to 600.
    start: the month of month 1, 'YYYY-MM' (or a date); the months are
        then labelled 'YYYY-MM', else 1, 2, ....

    Raises AmsizeError naming the segment, field and value of the first
    bad input (AmsizeTypeError for one that is not a number or of the
    wrong kind)."""
    try:
        segments = list(segments)
    except TypeError:
        fail(Status.E_RANGE, "", "segments", "expected a list of amsize.Segment or dicts "
             "of their fields", segments, cls=AmsizeTypeError)
    h = _horizon(horizon)
    first = _start(start)
    if first is not None and int(first[:4]) * 12 + int(first[5:]) - 1 + h - 1 >= 10000 * 12:
        # A label past 9999-12 would need five digits of year.
        fail(Status.E_RANGE, "", "start", "must leave the last month of the horizon in "
             "9999 or before", start)
    labels = _labels(h, first)
    # The chart first: segments and model refused exactly as chart() does.
    _, _, segs = _table.compute_raw(segments, model)
    segs_c, _ = _core.c_segments(segs)
    model_c = _core.c_model(model)
    names = [s.name if s.name is not None else str(i) for i, s in enumerate(segs)]
    staffs = _per_segment(staffing, "staffing", names, Staffing)
    rosters = None if roster is None else _per_segment(roster, "roster", names)
    ramps = _per_segment(ramp, "ramp", names)

    n = len(segs)
    months = _ffi.new(_ffi.PlanMonth, n * h)
    summaries = (_ffi.PlanSummary * n)()
    for s in summaries:
        _lib.amsize_plan_summary_init_(s, ctypes.sizeof(_ffi.PlanSummary))
    block = (_ffi.PlanMonth * h)
    for i, seg in enumerate(segs):
        place = _core._label(seg, i)
        staff_c = _ffi.new(_ffi.Staffing)
        staff = _fill_staffing(staff_c, staffs[i], place, i)
        curve, shares = _ramp(ramps[i], place, i)
        sizes: Optional[ctypes.Array[ctypes.c_double]] = None
        tenures: Optional[ctypes.Array[ctypes.c_int32]] = None
        fte: List[float] = []
        if rosters is not None:
            sizes, tenures, fte = _roster(rosters[i], place, i)
        am = len(fte)
        # Scratch: the cohorts on hand (a roster's AMs, else one cohort of
        # current_ams), then a started cohort and a requisition per month.
        # plan.h asks for am + 2h + 1; the 1.1 libraries before its fix
        # also wanted the current_ams cohort on top, which max() gives.
        work = (ctypes.c_double * (max(am, 1) + 2 * h + 1))()
        out = block.from_buffer(months, i * h * ctypes.sizeof(_ffi.PlanMonth))
        err = new_error()
        st = _lib.amsize_plan_compute(out, h, summaries[i], err, work, len(work), segs_c[i],
                                      model_c, staff_c, curve, len(shares), sizes, tenures, am)
        check(st, err, _where(place, labels), _lookup(staff, shares, fte), i)

    total = _ffi.new(_ffi.PlanMonth, h)
    total_summary = _ffi.new(_ffi.PlanSummary)
    err = new_error()
    st = _lib.amsize_plan_total(total, total_summary, err, months, summaries, n, h)
    # An overflow's C index is the month (1-based), or -1 for the summary;
    # the exception's is -1, as for any error about no one segment.
    check(st, err, lambda i, f: "TOTAL" + (", month %s" % labels[i - 1] if 1 <= i <= h else ""),
          index=-1)
    return Plan(names, labels,
                [_month(months[i * h + t], names[i], labels) for i in range(n) for t in range(h)],
                [_month(total[t], "TOTAL", labels) for t in range(h)],
                [_summary(summaries[i], names[i], labels) for i in range(n)],
                _summary(total_summary, "TOTAL", labels), first)


def _where(place: str, labels: Sequence[Label]) -> Where:
    """where(index, field) for an amsize_plan_compute() error: its index is
    a ramp month, a roster AM or a month, by field."""

    def where(index: int, field: str) -> str:
        if field == "share" and index >= 0:
            return "%s, ramp month %d" % (place, index)
        if field in ("fte", "tenure_months") and index >= 0:
            return "%s, roster AM %d" % (place, index)
        if field in ("cost", "am_productivity") and 1 <= index <= len(labels):
            return "%s, month %s" % (place, labels[index - 1])  # an overflow
        return place

    return where


def _lookup(staff: Staffing, shares: Sequence[Any], fte: Sequence[Any]) -> Lookup:
    """lookup(index, field) -> the input an amsize_plan_compute() error is
    about."""

    def lookup(index: int, field: str) -> Any:
        if field in _STAFFING_NAMES:
            return getattr(staff, field)
        if field == "share" and 0 <= index < len(shares):
            return shares[index]
        if field == "fte" and 0 <= index < len(fte):
            return fte[index]
        raise LookupError(field)

    return lookup
