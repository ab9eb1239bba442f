"""The sizing chart: amsize_chart_compute() as a Chart of ChartRow
dataclasses, with records, pandas, HTML and text views."""
from __future__ import annotations

import ctypes
import dataclasses
import html
import importlib
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union, overload

from . import _core, _ffi
from .errors import AmsizeTypeError, Status, check, fail, new_error

_lib = _ffi.lib


@dataclass(frozen=True)
class ChartRow:
    """One row of the sizing chart; the fields are the CLI's CSV columns.
    Undefined values are None; so are the per-segment fields of the totals
    row (support_rating, ratings, binding, loads, support_factor, ...)."""

    segment: str
    accounts: int
    weighted_accounts: float
    book: float
    upsell: float
    cross_sell: float
    churn_attributed: float
    net_ratio: float
    net_ratio_pct: Optional[float]
    net_ratio_rating: Optional[str]
    support_rating: Optional[int]
    support_factor: Optional[float]
    fte_net: float
    fte_demand: float
    min_load: Optional[float]
    max_load: Optional[float]
    hc_floor: int
    hc_ceiling: int
    hc_demand: int
    headcount: int
    binding: Optional[str]
    flags: Tuple[str, ...]
    load_per_am: Optional[float]
    cost: float
    net_per_am: Optional[float]
    roi: Optional[float]


#: The CSV column names, in order.
COLUMNS = tuple(f.name for f in dataclasses.fields(ChartRow))


def _row(c: _ffi.ChartRow, name: str) -> ChartRow:
    return _core.from_struct(
        ChartRow, c,
        segment=lambda _: name,
        net_ratio_rating=_core.rating_name,
        binding=_core.binding_name,
        flags=_core.flag_names,
        support_rating=lambda s: s or None,
    )


#: Float columns that hold whole numbers (loads, unweighted counts).
_WHOLE = ("weighted_accounts", "min_load", "max_load")


def cell(column: str, value: Any) -> str:
    """The text of one value in the text and HTML tables."""
    if value is None:
        return ""
    if column == "flags":
        return "|".join(value)
    if column == "net_ratio_pct":
        return "%.1f%%" % (value * 100)
    if isinstance(value, float) and value.is_integer() and column in _WHOLE:
        return "{:,.0f}".format(value)
    if isinstance(value, float):
        return "{:,.0f}".format(value) if abs(value) >= 1000 else "%.2f" % value
    return str(value)


#: The columns of the text table (all of them are in the HTML table).
TEXT_COLUMNS = ("segment", "accounts", "net_ratio", "net_ratio_pct", "net_ratio_rating",
                "support_factor", "fte_demand", "min_load", "max_load", "hc_floor",
                "hc_ceiling", "hc_demand", "headcount", "binding", "flags")


class Chart:
    """The sizing chart: .rows (one ChartRow per segment) and .total."""

    def __init__(self, rows: Iterable[ChartRow], total: ChartRow) -> None:
        self.rows = list(rows)
        self.total = total

    def __iter__(self) -> Iterator[ChartRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, key: Union[int, str]) -> ChartRow: ...

    @overload
    def __getitem__(self, key: slice) -> List[ChartRow]: ...

    def __getitem__(self, key: Union[int, str, slice]) -> Union[ChartRow, List[ChartRow]]:
        """A row by position, or by segment name."""
        if isinstance(key, str):
            for r in self.rows:
                if r.segment == key:
                    return r
            raise KeyError(key)
        return self.rows[key]

    def _all(self, total: bool) -> List[ChartRow]:
        return self.rows + [self.total] if total else list(self.rows)

    def to_records(self, total: bool = True) -> List[Dict[str, Any]]:
        """A list of dicts, one per row (the totals row last unless
        total=False), keyed by the CSV column names."""
        return [dataclasses.asdict(r) for r in self._all(total)]

    def to_pandas(self, total: bool = True) -> Any:
        """A pandas DataFrame with the CSV columns. Needs pandas."""
        try:
            # By name, so that a type checker without pandas' stubs need
            # not find them: the result is typed Any.
            pandas = importlib.import_module("pandas")
        except ImportError:
            raise ImportError("amsize: Chart.to_pandas() needs pandas, which is not installed; "
                              "use Chart.to_records() for plain dicts") from None
        return pandas.DataFrame.from_records(self.to_records(total), columns=list(COLUMNS))

    def _table(self, columns: Sequence[str]) -> List[List[str]]:
        return [[cell(c, getattr(r, c)) for c in columns] for r in self._all(True)]

    def __str__(self) -> str:
        body = self._table(TEXT_COLUMNS)
        widths = [max(len(c), *(len(row[k]) for row in body)) for k, c in enumerate(TEXT_COLUMNS)]

        def line(cells: Sequence[str]) -> str:
            out = []
            for k, text in enumerate(cells):
                left = TEXT_COLUMNS[k] in ("segment", "net_ratio_rating", "binding", "flags")
                out.append(text.ljust(widths[k]) if left else text.rjust(widths[k]))
            return "  ".join(out).rstrip()

        return "\n".join([line(TEXT_COLUMNS)] + [line(r) for r in body])

    __repr__ = __str__

    def _repr_html_(self) -> str:
        head = "".join("<th>%s</th>" % html.escape(c) for c in COLUMNS)
        rows = "".join(
            "<tr>%s</tr>" % "".join("<td>%s</td>" % html.escape(t) for t in r)
            for r in self._table(COLUMNS)
        )
        return '<table class="amsize-chart"><thead><tr>%s</tr></thead><tbody>%s</tbody></table>' % (
            head, rows)


def compute_raw(segments: Sequence[object], model: _core.ModelLike = None
                ) -> Tuple[ctypes.Array[_ffi.ChartRow], _ffi.ChartRow, List[_core.Segment]]:
    """Runs amsize_chart_compute(); returns (ctypes rows, ctypes total,
    Segment list). Raises AmsizeError."""
    segs_c, segs = _core.c_segments(segments)
    model_c = _core.c_model(model)
    n = len(segs)
    rows = _ffi.new(_ffi.ChartRow, n)
    total = _ffi.new(_ffi.ChartRow)
    err = new_error()
    where, lookup = _core.segment_context(segs, model)
    st = _lib.amsize_chart_compute(rows, len(rows), total, err, segs_c, n, model_c)
    check(st, err, where, lookup)
    return rows, total, segs


def chart(segments: Iterable[_core.SegmentLike], model: _core.ModelLike = None) -> Chart:
    """Sizes every segment (Segment objects or dicts of their fields) and
    returns the Chart: one ChartRow per segment and the TOTAL row.

    model is a Model, a dict of its fields, or None for the library's
    defaults. Raises AmsizeError naming the segment and field of the first
    bad input."""
    try:
        segments = list(segments)
    except TypeError:
        fail(Status.E_RANGE, "", "segments", "expected a list of amsize.Segment or dicts "
             "of their fields", segments, cls=AmsizeTypeError)
    rows, total, segs = compute_raw(segments, model)
    names = [s.name if s.name is not None else str(i) for i, s in enumerate(segs)]
    return Chart([_row(rows[i], names[i]) for i in range(len(segs))], _row(total, "TOTAL"))
