"""Each planning cycle, the AMs you have against the chart (evaluate.h):
evaluate() and the Evaluation it returns, with records, pandas, HTML and
text views of its two tables.

Every number is the library's. The binding maps names to indices (the
accounts' segments and AMs, the roster's segments), checks the references
between the three inputs, and hands the account columns to
amsize_totals_add() three times: per segment split by AM coverage (the
chart and the covered/uncovered comparison), per segment split by support
coverage, and per AM (the AM's index as the "segment"). Then
amsize_chart_compute(), amsize_am_evaluate() and amsize_segment_evaluate()
do the rest; the rules live in lib/evaluate.c.
"""
from __future__ import annotations

import array
import ctypes
import dataclasses
import importlib
import math
import numbers
from dataclasses import dataclass
from typing import (Any, Callable, Dict, Hashable, Iterable, List, Mapping, NoReturn,
                    Optional, Sequence, Tuple, Union)

from . import _core, _ffi, _plan, _schema, _table, _totals
from .errors import AmsizeError, AmsizeTypeError, Status, check, fail, new_error, reason

_lib = _ffi.lib
_AM = _schema.AM

#: The roster's fields, from the table of amsize_am: range and default.
_FTE = _schema.field(_AM, "fte")
_TARGET = _schema.field(_AM, "target")
#: The Segment fields that the accounts give (the table's FROM_TOTALS):
#: recomputed from the accounts, whatever the segments passed hold.
_FROM_TOTALS = tuple(f.name for f in _schema.fields(_schema.SEGMENT)
                     if f.flags & _schema.FROM_TOTALS)
#: The account columns' defaults (service_weight 1, am_covered 0) and the
#: 0/1 range, from the table's account columns.
_SERVICE_WEIGHT = _schema.default_float(_schema.ACCOUNT, "service_weight")
_FLAG = _schema.field(_schema.ACCOUNT, "am_covered")

#: The accounts' columns: the command's ACCOUNTS.csv names. segment names
#: a segment; am_id an AM of the roster, or nobody when empty.
ACCOUNT_COLUMNS = ("account_id", "segment", "arr", "upsell", "cross_sell", "churn",
                   "service_weight", "am_id", "am_covered", "csm_covered")
_ACCOUNT_REQUIRED = ("segment", "arr", "upsell", "cross_sell", "churn", "am_id")
_MONEY = ("arr", "upsell", "cross_sell", "churn")
#: The roster's columns: the command's AMS.csv names.
ROSTER_COLUMNS = ("am_id", "segment", "fte", "target")

#: What evaluate() takes as a table: a pandas DataFrame, a dict of
#: columns (lists, numpy arrays, pandas Series), or a list of dicts (one
#: record per row).
TableLike = Any
#: An AM's id: any hashable value, usually a str.
AmId = Hashable

# The words a yes/no cell may hold, as the command reads them.
_YES_NO = {"1": 1, "0": 0, "true": 1, "false": 0, "yes": 1, "no": 0}


# -------------------------------------------------------------- results
@dataclass(frozen=True)
class AmEval:
    """One AM over the period that ended: the columns of the command's AM
    table. Money is per period; accounts are the ones the AM covered.
    attainment is None when the target is 0, min_load when the segment's
    Lmin is undefined. flags holds the names of every flag that applies
    ('OVERLOADED', 'UNDERLOADED', 'BELOW_PLAN', 'NEGATIVE_NET',
    'NO_ACCOUNTS')."""

    am_id: AmId
    segment: str
    fte: float
    accounts: int
    weighted_accounts: float
    book: float
    upsell: float
    cross_sell: float
    churn: float
    net_ratio: float
    target: float
    attainment: Optional[float]
    load: float
    min_load: Optional[float]
    max_load: float
    flags: Tuple[str, ...]


@dataclass(frozen=True)
class SegmentEval:
    """One segment over the period: the columns of the command's segment
    table. Undefined values are None (statistics over no AMs, lift when
    the uncovered accounts did not grow, ...); counts over no AMs are 0.
    The csm_ fields compare accounts with and without support coverage and
    are None when the accounts had no csm_covered column."""

    segment: str
    ams: int
    fte: float
    headcount: int
    fte_gap: float
    accounts_covered: int
    accounts_uncovered: int
    book_covered: float
    book_uncovered: float
    nr_pct_covered: Optional[float]
    nr_pct_uncovered: Optional[float]
    delta: Optional[float]
    lift: Optional[float]
    incremental: Optional[float]
    accretive: Optional[bool]
    net_ratio_covered: float
    net_ratio_uncovered: float
    net_per_fte: Optional[float]
    observed_productivity: Optional[float]
    attainment_median: Optional[float]
    share_at_plan: Optional[float]
    load_min: Optional[float]
    load_median: Optional[float]
    load_max: Optional[float]
    overloaded: int
    underloaded: int
    below_plan: int
    resized_headcount: Optional[int]
    resized_binding: Optional[str]
    csm_accounts_covered: Optional[int] = None
    csm_accounts_uncovered: Optional[int] = None
    csm_book_covered: Optional[float] = None
    csm_book_uncovered: Optional[float] = None
    csm_nr_pct_covered: Optional[float] = None
    csm_nr_pct_uncovered: Optional[float] = None
    csm_delta: Optional[float] = None
    csm_lift: Optional[float] = None
    csm_incremental: Optional[float] = None
    csm_accretive: Optional[bool] = None


#: The AM table's columns, in order (the command's CSV with --by am).
AM_COLUMNS = tuple(f.name for f in dataclasses.fields(AmEval))
#: The segment table's columns, in order; the csm_ ones last, present only
#: when support coverage was given.
SEGMENT_EVAL_COLUMNS = tuple(f.name for f in dataclasses.fields(SegmentEval))
_CSM_COLUMNS = tuple(c for c in SEGMENT_EVAL_COLUMNS if c.startswith("csm_"))

#: The compact views (text and HTML): the four questions' numbers.
_SEGMENT_VIEW = ("segment", "ams", "fte", "headcount", "fte_gap", "nr_pct_covered",
                 "nr_pct_uncovered", "delta", "observed_productivity", "attainment_median",
                 "share_at_plan", "load_median", "overloaded", "underloaded", "below_plan",
                 "resized_headcount")
_CSM_VIEW = ("csm_delta",)
_AM_VIEW = ("am_id", "segment", "fte", "accounts", "weighted_accounts", "net_ratio", "target",
            "attainment", "load", "min_load", "max_load", "flags")
#: How many AMs the views show before they elide the middle.
_VIEW_HEAD, _VIEW_TAIL = 24, 12

_PERCENT = frozenset({"nr_pct_covered", "nr_pct_uncovered", "delta", "share_at_plan",
                      "csm_nr_pct_covered", "csm_nr_pct_uncovered", "csm_delta"})
_RATIO = frozenset({"attainment", "attainment_median", "lift", "csm_lift"})


def _cell(column: str, value: Any) -> str:
    """The text of one value in the text and HTML views."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if column == "flags":
        return "|".join(value)
    if column in _PERCENT:
        return "%.1f%%" % (value * 100)
    if column in _RATIO:
        return "%.2f" % value
    if isinstance(value, float) and value.is_integer():
        return "{:,.0f}".format(value)
    if isinstance(value, float):
        return _table.cell(column, value)
    return str(value)


def _rows(items: Sequence[Any], columns: Sequence[str]) -> List[List[str]]:
    return [[_cell(c, getattr(r, c)) for c in columns] for r in items]


def _text_table(columns: Sequence[str], body: List[List[str]],
                elided: Optional[Tuple[int, str]] = None) -> List[str]:
    widths = [max([len(c)] + [len(r[k]) for r in body]) for k, c in enumerate(columns)]
    left = ("segment", "am_id", "resized_binding", "flags")

    def line(cells: Sequence[str]) -> str:
        return "  ".join(t.ljust(widths[k]) if columns[k] in left else t.rjust(widths[k])
                         for k, t in enumerate(cells)).rstrip()

    lines = [line(columns)] + [line(r) for r in body]
    if elided is not None:
        lines.insert(elided[0] + 1, elided[1])
    return lines


class Evaluation:
    """The evaluation of a period: .ams (one AmEval per roster AM, in the
    roster's order), .segments (one SegmentEval per segment, in the
    segments' order) and .chart, the sizing chart of all the accounts that
    gave each AM's Lmin and Lmax. .csm_given says whether the accounts had
    support coverage (the csm_ columns); .below_plan is the threshold
    used."""

    def __init__(self, ams: Sequence[AmEval], segments: Sequence[SegmentEval],
                 chart: _table.Chart, csm_given: bool, below_plan: float) -> None:
        self.ams = list(ams)
        self.segments = list(segments)
        self.chart = chart
        self.csm_given = csm_given
        self.below_plan = below_plan

    @property
    def segment_columns(self) -> Tuple[str, ...]:
        """The segment table's columns: without the csm_ ones when no
        support coverage was given, as the command writes them."""
        if self.csm_given:
            return SEGMENT_EVAL_COLUMNS
        return tuple(c for c in SEGMENT_EVAL_COLUMNS if c not in _CSM_COLUMNS)

    def am(self, am_id: AmId) -> AmEval:
        """The AM with that id; KeyError when the roster has none."""
        for a in self.ams:
            if a.am_id == am_id:
                return a
        raise KeyError(am_id)

    def segment(self, key: Union[int, str]) -> SegmentEval:
        """A segment by name or position; KeyError for an unknown name."""
        if isinstance(key, str):
            for s in self.segments:
                if s.segment == key:
                    return s
            raise KeyError(key)
        return self.segments[key]

    def ams_of(self, segment: Union[int, str]) -> List[AmEval]:
        """The AMs of one segment (by name or position), in roster order."""
        name = self.segment(segment).segment
        return [a for a in self.ams if a.segment == name]

    def _table(self, table: str) -> Tuple[Tuple[str, ...], List[Any]]:
        if table in ("segments", "segment"):
            return self.segment_columns, self.segments
        if table in ("ams", "am"):
            return AM_COLUMNS, self.ams
        raise ValueError("amsize: table is 'segments' or 'ams', not %r" % (table,))

    def to_records(self, table: str = "segments") -> List[Dict[str, Any]]:
        """The segment table (table='segments', the command's default) or
        the AM table ('ams') as a list of dicts keyed by the column names.
        The segment table has the csm_ columns only when support coverage
        was given."""
        columns, items = self._table(table)
        return [{c: getattr(r, c) for c in columns} for r in items]

    def to_pandas(self, table: str = "segments") -> Any:
        """A pandas DataFrame of the segment table ('segments') or the AM
        table ('ams'), with the columns of to_records(). Needs pandas."""
        try:
            pandas = importlib.import_module("pandas")
        except ImportError:
            raise ImportError("amsize: Evaluation.to_pandas() needs pandas, which is not "
                              "installed; use Evaluation.to_records() for plain dicts") from None
        columns, _ = self._table(table)
        return pandas.DataFrame.from_records(self.to_records(table), columns=list(columns))

    def _views(self) -> Tuple[Tuple[str, ...], List[AmEval], Optional[Tuple[int, str]]]:
        """The segment view's columns, and the AMs the views show: all, or
        the first and last with a note where the rest were left out."""
        columns = _SEGMENT_VIEW + (_CSM_VIEW if self.csm_given else ())
        ams = self.ams
        elided = None
        keep = _VIEW_HEAD + _VIEW_TAIL
        if len(ams) > keep + 1:
            elided = (_VIEW_HEAD, "... %d more AMs: Evaluation.to_pandas('ams') has them all"
                      % (len(ams) - keep))
            ams = ams[:_VIEW_HEAD] + ams[-_VIEW_TAIL:]
        return columns, ams, elided

    def __str__(self) -> str:
        columns, ams, elided = self._views()
        head = "evaluation of %d AM%s in %d segment%s (below_plan %g)" % (
            len(self.ams), "" if len(self.ams) == 1 else "s", len(self.segments),
            "" if len(self.segments) == 1 else "s", self.below_plan)
        return "\n".join([head, ""] + _text_table(columns, _rows(self.segments, columns)) +
                         [""] + _text_table(_AM_VIEW, _rows(ams, _AM_VIEW), elided))

    __repr__ = __str__

    def _repr_html_(self) -> str:
        columns, ams, elided = self._views()
        return (_plan._html_table("amsize-eval-segments", columns,
                                  _rows(self.segments, columns)) +
                _plan._html_table("amsize-eval-ams", _AM_VIEW, _rows(ams, _AM_VIEW), elided))


# ------------------------------------------------------------ the inputs
def _blank(value: Any) -> bool:
    """An empty cell: None, '', NaN, or pandas' NA."""
    if value is None:
        return True
    if isinstance(value, str):
        return value == ""
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ == "NAType"


def _as_list(column: Any) -> List[Any]:
    """A column's values as Python objects (numpy scalars made plain)."""
    if hasattr(column, "tolist"):  # numpy arrays, pandas Series
        values = column.tolist()
        if isinstance(values, list):
            return values
    return list(column)


def _columns_of(obj: TableLike, what: str) -> Tuple[Dict[str, Any], int]:
    """name -> column (as given) and the number of rows, from a pandas
    DataFrame, a dict of columns or a list of dicts."""
    if type(obj).__module__.startswith("pandas") and hasattr(obj, "columns"):
        return {str(c): obj[c] for c in obj.columns}, len(obj)
    if isinstance(obj, Mapping):
        cols: Dict[str, Any] = {}
        for name, col in obj.items():
            if isinstance(col, (str, bytes)) or not hasattr(col, "__len__"):
                fail(Status.E_RANGE, what, str(name), "expected a column (a list, a numpy "
                     "array or a pandas Series)", col, cls=AmsizeTypeError)
            cols[str(name)] = col
        lengths = {n: len(c) for n, c in cols.items()}
        rows = max(lengths.values(), default=0)
        for name, n in lengths.items():
            if n != rows:
                fail(Status.E_BUFFER, what, "column", "column %s has %d rows but another has "
                     "%d: every column needs one entry per row" % (name, n, rows), n)
        return cols, rows
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        records = list(obj)
        names: Dict[str, None] = {}
        for k, r in enumerate(records):
            if not isinstance(r, Mapping):
                fail(Status.E_RANGE, "%s row %d" % (what, k), "", "expected a dict of the "
                     "row's columns", r, k, AmsizeTypeError)
            names.update(dict.fromkeys(str(n) for n in r))
        return {n: [r.get(n) for r in records] for n in names}, len(records)
    fail(Status.E_RANGE, "", what, "expected a pandas DataFrame, a dict of columns or a list "
         "of dicts (one per row)", obj, cls=AmsizeTypeError)


def _require(cols: Dict[str, Any], names: Sequence[str], what: str, rows: int) -> None:
    """Refuses a table without one of names, except an empty list of
    records, which has no rows to name its columns: every column is then
    empty."""
    if rows == 0 and not cols:
        cols.update((name, []) for name in names)
    for name in names:
        if name not in cols:
            fail(Status.E_NULL, what, name, "a required column: give one entry per row (%s "
                 "has %s)" % (what, ", ".join(cols) or "no columns"))


def _hashable(value: Any, place: str, field: str, index: int) -> None:
    try:
        hash(value)
    except TypeError:
        fail(Status.E_RANGE, place, field, "must be a name or number, not a %s"
             % type(value).__name__, value, index, AmsizeTypeError)


def _names_text(names: Sequence[str]) -> str:
    shown = ", ".join(repr(n) for n in names[:10])
    return shown + (", ..." if len(names) > 10 else "")


def _segment_of(value: Any, index: Mapping[str, int], names: Sequence[str], place: str,
                row: int) -> int:
    """The index of the segment a row names; AmsizeError for a name that
    is not a segment's."""
    i = index.get(value) if isinstance(value, str) else None
    if i is None:
        fail(Status.E_INDEX, place, "segment", "%r is not one of the segments (%s): add it "
             "there or fix the name (names must match exactly)" % (value, _names_text(names)),
             value, row)
    return i


def _field_check(field: _schema.Field, value: float, place: str, index: int,
                 given: Any) -> None:
    """The table's check of one value, worded with the table's range."""
    err = new_error()
    st = _lib.amsize_field_check(err, field.schema, field.code, value, index)
    check(st, err, lambda i, f: place, lambda i, f: given, index)


@dataclass
class _RosterAM:
    am_id: AmId
    segment: int
    fte: float
    target: Optional[float]
    place: str


def _place(what: str, k: int, name: Any) -> str:
    """'roster row 2 ('A3')', 'account row 4 ('M5')', 'account row 4'."""
    return "%s row %d" % (what, k) + ("" if _blank(name) else " (%r)" % (name,))


def _roster(ams: TableLike, index: Mapping[str, int],
            names: Sequence[str]) -> List[_RosterAM]:
    """The roster's AMs, each checked: id given and unique, segment known,
    fte and target within the table's ranges."""
    cols, n = _columns_of(ams, "ams")
    _require(cols, ("am_id", "segment"), "ams", n)
    ids = _as_list(cols["am_id"])
    segs = _as_list(cols["segment"])
    ftes = _as_list(cols["fte"]) if "fte" in cols else [None] * n
    targets = _as_list(cols["target"]) if "target" in cols else [None] * n
    first: Dict[AmId, int] = {}
    out = []
    for k in range(n):
        am_id = ids[k]
        place = _place("roster", k, am_id)
        if _blank(am_id):
            fail(Status.E_NULL, place, "am_id", "is empty: give every AM an id", am_id, k)
        _hashable(am_id, place, "am_id", k)
        if am_id in first:
            fail(Status.E_RANGE, place, "am_id", "AM %r appears twice (first at roster row "
                 "%d): AM ids must be unique" % (am_id, first[am_id]), am_id, k)
        first[am_id] = k
        i = _segment_of(segs[k], index, names, place, k)
        fte = _FTE.default() if _blank(ftes[k]) else ftes[k]
        fte_value = _core._num(fte, "fte", place, k)
        _field_check(_FTE, fte_value, place, k, fte)
        target = None
        if not _blank(targets[k]):
            target = _core._num(targets[k], "target", place, k)
            _field_check(_TARGET, target, place, k, targets[k])
        out.append(_RosterAM(am_id, i, fte_value, target, place))
    return out


def _yes_no(value: Any, field: str, place: str, index: int) -> int:
    """A 0/1 cell: bool, 0 or 1, the command's yes/no words; empty is 0."""
    if _blank(value):
        return 0
    if isinstance(value, str) and value.strip().lower() in _YES_NO:
        return _YES_NO[value.strip().lower()]
    if isinstance(value, numbers.Real) and not isinstance(value, str) and value in (0, 1):
        return int(value)
    fail(Status.E_RANGE, place, field, reason(Status.E_RANGE, _FLAG.name) +
         " (or true/false, yes/no; empty is 0)", value, index)


def _floats(column: Any, name: str, label: Callable[[int], str],
            default: Optional[float]) -> Any:
    """A money or weight column as float64 for C: a numpy column of
    numbers as it is (a float64 one without a copy), anything else value
    by value. An empty cell is default, or NaN (which the library refuses,
    naming the row) when the column has none."""
    values = column.to_numpy() if type(column).__module__.startswith("pandas") else column
    if type(values).__module__ == "numpy" and getattr(values, "ndim", 0) == 1 and \
            values.dtype.kind in "iuf":
        numpy = importlib.import_module("numpy")
        a = numpy.ascontiguousarray(values, dtype=numpy.float64)
        if default is not None:
            empty = numpy.isnan(a)
            if empty.any():
                a = numpy.where(empty, default, a)
        return a
    out = array.array("d", bytes(8 * len(values)))
    for k, v in enumerate(_as_list(values)):
        if _blank(v):
            out[k] = math.nan if default is None else default
        else:
            out[k] = _core._num(v, name, label(k), k)
    return out


class _Accounts:
    """The accounts as C columns: the money (and weights) and, per row,
    its segment, its AM (len(roster) for nobody), whether an AM covered it
    and, when given, whether support did."""

    def __init__(self, accounts: TableLike, index: Mapping[str, int], names: Sequence[str],
                 roster: Sequence[_RosterAM]) -> None:
        cols, n = _columns_of(accounts, "accounts")
        _require(cols, _ACCOUNT_REQUIRED, "accounts", n)
        self.rows = n
        self.given = cols
        ids = _as_list(cols["account_id"]) if "account_id" in cols else None
        self.ids = ids

        segs = _as_list(cols["segment"])
        am_ids = _as_list(cols["am_id"])
        am_covered = _as_list(cols["am_covered"]) if "am_covered" in cols else None
        csm = _as_list(cols["csm_covered"]) if "csm_covered" in cols else None
        by_id = {am.am_id: j for j, am in enumerate(roster)}
        nobody = len(roster)

        self.segment: array.array[int] = array.array(_totals._INT32, bytes(4 * n))
        self.am: array.array[int] = array.array(_totals._INT32, bytes(4 * n))
        self.covered: array.array[int] = array.array("B", bytes(n))
        self.csm: Optional[array.array[int]] = None if csm is None else array.array("B",
                                                                                   bytes(n))
        first: Dict[Any, int] = {}
        for k in range(n):
            place = self.label(k)
            if ids is not None:
                if _blank(ids[k]):
                    fail(Status.E_NULL, place, "account_id", "is empty: give every account "
                         "an id", ids[k], k)
                _hashable(ids[k], place, "account_id", k)
                if ids[k] in first:
                    fail(Status.E_RANGE, place, "account_id", "account %r appears twice "
                         "(first at account row %d): account ids must be unique"
                         % (ids[k], first[ids[k]]), ids[k], k)
                first[ids[k]] = k
            seg = segs[k]
            i = _segment_of(seg, index, names, place, k)
            self.segment[k] = i
            am_id = am_ids[k]
            j = nobody
            if not _blank(am_id):
                _hashable(am_id, place, "am_id", k)
                if am_id not in by_id:
                    fail(Status.E_INDEX, place, "am_id", "AM %r is not on the roster: add "
                         "the AM there or fix the id (ids must match exactly)" % (am_id,),
                         am_id, k)
                j = by_id[am_id]
                if roster[j].segment != i:
                    fail(Status.E_RANGE, place, "segment", "%r is not the segment of its AM "
                         "%r (%r): an AM covers accounts of its own segment only"
                         % (seg, am_id, names[roster[j].segment]), seg, k)
            self.am[k] = j
            self.covered[k] = j != nobody
            if am_covered is not None:
                flag = _yes_no(am_covered[k], "am_covered", place, k)
                if flag != self.covered[k]:
                    fail(Status.E_RANGE, place, "am_covered", "is %d but am_id is %s: they "
                         "must agree (am_covered 1 exactly when am_id names an AM)"
                         % (flag, "empty" if j == nobody else repr(am_id)),
                         am_covered[k], k)
            if self.csm is not None and csm is not None:
                self.csm[k] = _yes_no(csm[k], "csm_covered", place, k)

        self.money = {name: _floats(cols[name], name, self.label, None) for name in _MONEY}
        weight = cols.get("service_weight")
        self.service_weight = None if weight is None else _floats(
            weight, "service_weight", self.label, _SERVICE_WEIGHT)

    def label(self, k: int) -> str:
        return _place("account", k, None if self.ids is None else self.ids[k])

    def add(self, totals: Any, n: int, index: Any, flags: Any, flags_name: str) -> None:
        """amsize_totals_add() of every account into totals[index[k]], with
        flags as am_covered (None: none covered). An error names the row
        and the column (flags_name for the flags)."""
        given = dict(segment_index=index, service_weight=self.service_weight,
                     am_covered=flags, **self.money)
        kinds = dict(_totals.COLUMNS)
        cols: Dict[str, _totals.Column] = {}
        try:
            for name, obj in given.items():
                if obj is not None:
                    cols[name] = _totals.Column(name, obj, kinds[name])
            addr = [cols[name].address if name in cols else None for name, _ in _totals.COLUMNS]
            err = new_error()
            st = _lib.amsize_totals_add(totals, n, err, addr[0], self.rows, *addr[1:])
            if st != Status.OK:
                self._raise(st, err, flags_name)
        finally:
            for col in cols.values():
                col.release()

    def _raise(self, st: int, err: _ffi.Error, flags_name: str) -> None:
        field = _ffi.text(_lib.amsize_field_name(err.field)) if err.status == st else ""
        if field == "am_covered" and flags_name != "am_covered":
            # Unreachable: the binding made the 0/1 column. Said so anyway.
            field = flags_name
        k = int(err.index) if err.status == st else -1

        def where(index: int, f: str) -> str:
            return self.label(k) if 0 <= k < self.rows else "accounts"

        def lookup(index: int, f: str) -> Any:
            # The cell as given (None for an empty one), not as converted.
            if f in self.given and 0 <= k < self.rows:
                return _as_list(self.given[f])[k]
            raise LookupError(f)

        check(st, err, where, lookup)


# ------------------------------------------------------------ evaluate()
def _segment_names(segs: Sequence[_core.Segment]) -> Dict[str, int]:
    index: Dict[str, int] = {}
    for i, s in enumerate(segs):
        place = _core._label(s, i)
        if s.name is None or s.name == "":
            fail(Status.E_NULL, place, "name", "every segment needs a name here: the accounts "
                 "and the roster name their segment", index=i)
        if not isinstance(s.name, str):
            fail(Status.E_RANGE, place, "name", "must be a str", s.name, i, AmsizeTypeError)
        if s.name in index:
            fail(Status.E_RANGE, place, "name", "segment %r appears twice (first segment %d): "
                 "names must be unique" % (s.name, index[s.name]), s.name, i)
        index[s.name] = i
    return index


def _am_eval(c: _ffi.AmEval, am: _RosterAM, sums: _ffi.Am, names: Sequence[str]) -> AmEval:
    return AmEval(am_id=am.am_id, segment=names[am.segment], fte=am.fte,
                  accounts=int(sums.accounts), weighted_accounts=sums.weighted_accounts,
                  book=sums.book, upsell=sums.upsell, cross_sell=sums.cross_sell,
                  churn=sums.churn, net_ratio=c.net_ratio, target=c.target,
                  attainment=_core.undef(c.attainment), load=c.load,
                  min_load=_core.undef(c.min_load), max_load=c.max_load,
                  flags=am_flag_names(c.flags))


def _segment_eval(c: _ffi.SegmentEval, name: str) -> SegmentEval:
    csm = bool(c.csm_given)

    def whole(x: float) -> Optional[int]:
        return None if math.isnan(x) else int(x)

    # accretive is undefined where delta is (a side with no book), as the
    # command leaves its cell empty: None, not False.
    special: Dict[str, Callable[[Any], Any]] = dict(
        segment=lambda _: name, headcount=int,
        accretive=lambda v: None if math.isnan(c.delta) else bool(v),
        resized_headcount=whole, resized_binding=_core.binding_name)
    for column in _CSM_COLUMNS:
        if not csm:
            special[column] = lambda _: None
        elif column == "csm_accretive":
            special[column] = lambda v: None if math.isnan(c.csm_delta) else bool(v)
    return _core.from_struct(SegmentEval, c, **special)


def am_flag_names(flags: int) -> Tuple[str, ...]:
    """The names of the AMSIZE_AM_* bits set in flags, in bit order
    (amsize_am_flag_name())."""
    out = []
    for bit in range(32):
        if flags & (1 << bit):
            name = _ffi.text(_lib.amsize_am_flag_name(1 << bit))
            out.append(name or "FLAG_0x%x" % (1 << bit))
    return tuple(out)


def evaluate(segments: Iterable[_core.SegmentLike], accounts: TableLike, ams: TableLike,
             model: _core.ModelLike = None, *,
             below_plan: float = _ffi.BELOW_PLAN_DEFAULT) -> Evaluation:
    """Evaluates the AMs you have against the chart, from what happened
    over the period that ended (12 months), as `amsize evaluate` does.

    segments: the segments as for chart() (Segment objects or dicts of
        their fields), each with a unique name. Their aggregate fields
        (accounts, weighted_accounts, book, upsell, cross_sell, churn) are
        recomputed from the accounts.
    accounts: the period's actuals, one row per account, as a pandas
        DataFrame, a dict of columns or a list of dicts, with the columns
        of the command's ACCOUNTS.csv: segment (a segment's name), arr,
        upsell, cross_sell, churn, am_id (the AM who covered the account;
        None, '' or NaN: nobody), and optionally account_id (unique; it
        names the row in errors), service_weight (empty: 1), am_covered
        (0/1, must agree with am_id) and csm_covered (0/1: a CSM or
        renewal rep covered it; empty: 0). Other columns are ignored.
    ams: the roster, one row per AM, in the same forms: am_id (unique),
        segment (a segment's name), fte (in (0, 1]; empty: 1), target
        (the AM's net growth objective, >= 0; empty: fte*P*T[s]/T[3]).
    model: a Model, a dict of its fields, or None for the defaults.
    below_plan: the attainment under which an AM is BELOW_PLAN (the
        command's --below-plan); any finite number.

    Each AM's Lmin and Lmax are those of its segment's row in the chart of
    all the accounts, covered or not (Evaluation.chart). Raises
    AmsizeError naming the segment, roster row or account row and the
    field of the first bad input (AmsizeTypeError for one that is not a
    number or of the wrong kind): the names and ids are checked first,
    then the numbers."""
    try:
        segments = list(segments)
    except TypeError:
        fail(Status.E_RANGE, "", "segments", "expected a list of amsize.Segment or dicts "
             "of their fields", segments, cls=AmsizeTypeError)
    # The segments' own inputs and the model, refused as chart() refuses
    # them, before the accounts replace the aggregates.
    templates = [_core._as_segment(s, i) for i, s in enumerate(segments)]
    index = _segment_names(templates)
    reset = {name: _core.Segment.__dataclass_fields__[name].default for name in _FROM_TOTALS}
    templates = [dataclasses.replace(t, **reset) for t in templates]
    _table.compute_raw(templates, model)
    names = [t.name or "" for t in templates]
    threshold = _core._num(below_plan, "below_plan", "")

    roster = _roster(ams, index, names)
    acc = _Accounts(accounts, index, names, roster)
    n_segs, n_ams = len(templates), len(roster)

    # The sums: per segment split by AM coverage (and so the chart's),
    # per segment split by support coverage, and per AM (the last
    # accumulator gathers the accounts of nobody).
    coverage = _ffi.new(_ffi.Totals, n_segs)
    acc.add(coverage, n_segs, acc.segment, acc.covered, "am_covered")
    csm = None
    if acc.csm is not None:
        csm = _ffi.new(_ffi.Totals, n_segs)
        acc.add(csm, n_segs, acc.segment, acc.csm, "csm_covered")
    per_am = _ffi.new(_ffi.Totals, n_ams + 1)
    acc.add(per_am, n_ams + 1, acc.am, None, "am_covered")

    def sums(t: _ffi.Totals, place: str) -> _ffi.Segment:
        seg = _ffi.new(_ffi.Segment)
        err = new_error()
        check(_lib.amsize_totals_segment(seg, err, ctypes.byref(t), _totals.PART_ALL), err,
              lambda i, f: place)
        return seg

    filled = []
    for i, t in enumerate(templates):
        s = sums(coverage[i], _core._label(t, i))
        filled.append(dataclasses.replace(
            t, **{name: getattr(s, name) for name in _FROM_TOTALS}))
    rows, total, segs = _table.compute_raw(filled, model)
    segs_c, _ = _core.c_segments(segs)
    model_c = _core.c_model(model)

    ams_c = _ffi.new(_ffi.Am, n_ams)
    for j, am in enumerate(roster):
        c = ams_c[j]
        c.segment = am.segment
        c.fte = am.fte
        c.has_target = am.target is not None
        c.target = am.target if am.target is not None else 0.0
        s = sums(per_am[j], am.place)
        for name in ("accounts", "weighted_accounts", "book", "upsell", "cross_sell", "churn"):
            setattr(c, name, getattr(s, name))

    seg_where, seg_lookup = _core.segment_context(segs, model)

    def where(i: int, f: str) -> str:
        if f == "below_plan":
            return ""
        if f in ("net_ratio", "target", "attainment", "load", "fte", "ams") and \
                0 <= i < n_ams:
            return roster[i].place
        return seg_where(i, f)

    def lookup(i: int, f: str) -> Any:
        if f == "below_plan":
            return below_plan
        raise LookupError(f)

    am_evals = _ffi.new(_ffi.AmEval, n_ams)
    err = new_error()
    st = _lib.amsize_am_evaluate(am_evals, n_ams, err, ams_c, n_ams, segs_c, rows, n_segs,
                                 model_c, threshold)
    check(st, err, where, lookup)

    out = _ffi.new(_ffi.SegmentEval, n_segs)
    scratch = (ctypes.c_double * max(n_ams, 1))()
    err = new_error()
    st = _lib.amsize_segment_evaluate(out, n_segs, err, scratch, len(scratch), ams_c, am_evals,
                                      n_ams, segs_c, rows, n_segs, coverage, csm, model_c)
    check(st, err, seg_where, seg_lookup)

    chart = _table.Chart([_table._row(rows[i], names[i]) for i in range(n_segs)],
                         _table._row(total, "TOTAL"))
    return Evaluation([_am_eval(am_evals[j], roster[j], ams_c[j], names) for j in range(n_ams)],
                      [_segment_eval(out[i], names[i]) for i in range(n_segs)],
                      chart, csm is not None, threshold)
