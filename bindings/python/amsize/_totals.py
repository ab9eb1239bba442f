"""Per-segment totals from account-level columns (totals.h).

Columns are passed to C without copying: numpy arrays by their data
pointer, other buffers (array.array, memoryview, bytes, bytearray, ...)
through the buffer protocol, pandas Series through their numpy view.
"""
from __future__ import annotations

import array
import ctypes
import dataclasses
import inspect
import sys
from typing import Any, Dict, FrozenSet, Iterable, List, NoReturn, Optional

from . import _core, _ffi, _schema
from .errors import AmsizeError, AmsizeTypeError, Status, check, fail, new_error, reason

_lib = _ffi.lib

PART_ALL, PART_COVERED, PART_UNCOVERED = 0, 1, 2

#: A column of account values: a numpy array, a pandas Series, an
#: array.array, a memoryview or other buffer, or a list (copied once).
ColumnLike = Any

#: Totals(n): n segments have the indices 0..n-1, which the field table's
#: segment_index bounds (an int32 from 0).
MAX_SEGMENTS = _schema.field(_schema.ACCOUNT, "segment_index").limits()[1] + 1
_SEGMENTS_RANGE = "0 to %d" % MAX_SEGMENTS
_PARTS = {"all": PART_ALL, "covered": PART_COVERED, "uncovered": PART_UNCOVERED}


class _Kind:
    """What a column must hold: struct-module formats, numpy dtypes."""

    def __init__(self, ctype: Any, formats: FrozenSet[str], numpy_dtypes: FrozenSet[str],
                 array_code: str, wants: str) -> None:
        self.itemsize = ctypes.sizeof(ctype)
        self.formats = formats
        self.numpy_dtypes = numpy_dtypes
        self.array_code = array_code
        self.wants = wants


_INT32 = "i" if array.array("i").itemsize == 4 else "l"
INT32 = _Kind(ctypes.c_int32,
              frozenset({_INT32, "=i", "<i" if sys.byteorder == "little" else ">i"}),
              frozenset({"int32"}), _INT32, "int32 (numpy int32, array.array('%s'))" % _INT32)
FLOAT64 = _Kind(ctypes.c_double,
                frozenset({"d", "=d", "<d" if sys.byteorder == "little" else ">d"}),
                frozenset({"float64"}), "d", "float64 (numpy float64, array.array('d'))")
UINT8 = _Kind(ctypes.c_uint8, frozenset({"B", "=B", "<B", ">B", "?", "c"}),
              frozenset({"uint8", "bool"}), "B", "uint8 or bool 0/1 (numpy uint8/bool, array.array('B'), bytes)")

#: (column name, kind) in the order of amsize_totals_add(): the field
#: table's account columns, which are those arguments in that order
#: (schema.h), each with the kind its type needs.
COLUMNS = tuple((f.name, {_schema.TYPE_INT32: INT32, _schema.TYPE_DOUBLE: FLOAT64,
                          _schema.TYPE_UINT8: UINT8}[f.type])
                for f in _schema.fields(_schema.ACCOUNT))

# ctypes.pythonapi gives the address of a read-only buffer (bytes, a
# read-only numpy view) that ctypes' from_buffer() refuses.
class _PyBuffer(ctypes.Structure):
    _fields_ = [
        ("buf", ctypes.c_void_p),
        ("obj", ctypes.py_object),
        ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t),
        ("readonly", ctypes.c_int),
        ("ndim", ctypes.c_int),
        ("format", ctypes.c_char_p),
        ("shape", ctypes.c_void_p),
        ("strides", ctypes.c_void_p),
        ("suboffsets", ctypes.c_void_p),
        ("internal", ctypes.c_void_p),
    ]


_GetBuffer = ctypes.pythonapi.PyObject_GetBuffer
_GetBuffer.argtypes = [ctypes.py_object, ctypes.POINTER(_PyBuffer), ctypes.c_int]
_GetBuffer.restype = ctypes.c_int
_ReleaseBuffer = ctypes.pythonapi.PyBuffer_Release
_ReleaseBuffer.argtypes = [ctypes.POINTER(_PyBuffer)]
_ReleaseBuffer.restype = None
_PyBUF_ND = 0x0008  # C-contiguous, read-only allowed


class Column:
    """A validated column: .address is what C receives, .length its rows.
    Holds the buffer (and so the memory) until release()."""

    length: int
    address: Optional[int]

    def __init__(self, name: str, obj: ColumnLike, kind: _Kind) -> None:
        self.name = name
        self._kind = kind
        self._view: Optional[memoryview] = None
        self._pybuf: Optional[_PyBuffer] = None
        self._holder: Any = None
        mod = type(obj).__module__
        if mod.startswith("pandas"):
            if not hasattr(obj, "to_numpy") or hasattr(obj, "columns"):
                self._fail("a pandas %s: give a pandas Series" % type(obj).__name__)
            obj = obj.to_numpy()  # the Series' own array when the dtype fits
            mod = type(obj).__module__
        if isinstance(obj, (list, tuple)):
            # Not a buffer: one documented copy into the right type.
            try:
                obj = array.array(kind.array_code, obj)
            except (TypeError, OverflowError) as exc:
                self._fail("a list that does not convert (%s)" % exc)
        self.values = obj
        if mod == "numpy" and hasattr(obj, "dtype"):
            self._numpy(obj, kind)
        else:
            self._buffer(obj, kind)

    def _fail(self, got: str) -> NoReturn:
        raise AmsizeTypeError("column %s needs %s; got %s" % (self.name, self._kind.wants, got),
                              Status.E_RANGE, -1, self.name)

    def _numpy(self, a: Any, kind: _Kind) -> None:
        if a.dtype.name not in kind.numpy_dtypes or not a.dtype.isnative:
            hint = ""
            if kind is INT32 and a.dtype.kind in "iu":
                hint = ": convert with .astype('int32')"
            elif kind is FLOAT64 and a.dtype.kind in "iuf":
                hint = ": convert with .astype('float64')"
            self._fail("numpy dtype %s%s" % (a.dtype, hint))
        if a.ndim != 1:
            self._fail("a %d-dimensional array; pass one column (1-D)" % a.ndim)
        if not a.flags["C_CONTIGUOUS"]:
            self._fail("a strided (non-contiguous) view; pass a contiguous array "
                       "(numpy.ascontiguousarray)")
        self.length = int(a.shape[0])
        self.address = a.ctypes.data

    def _buffer(self, obj: Any, kind: _Kind) -> None:
        try:
            mv = memoryview(obj)
        except TypeError:
            self._fail("%s, which is not a buffer" % type(obj).__name__)
        fmt, itemsize, ndim, contiguous = mv.format, mv.itemsize, mv.ndim, mv.c_contiguous
        if fmt not in kind.formats or itemsize != kind.itemsize:
            mv.release()
            hint = ""
            if kind is not UINT8 and fmt == "B":
                hint = "; for raw bytes pass memoryview(data).cast(%r)" % kind.array_code
            self._fail("buffer format %r (%d-byte items)%s" % (fmt, itemsize, hint))
        if ndim != 1 or not contiguous:
            mv.release()
            self._fail("a %d-D or strided buffer; pass one contiguous column" % ndim)
        self.length = len(mv)
        self._view = mv
        if self.length == 0:
            self.address = None
        elif not mv.readonly:
            holder = (ctypes.c_char * mv.nbytes).from_buffer(mv)
            self._holder = holder
            self.address = ctypes.addressof(holder)
        else:
            pb = _PyBuffer()
            if _GetBuffer(mv, ctypes.byref(pb), _PyBUF_ND) != 0:  # pragma: no cover
                self._fail("a buffer whose address cannot be taken")
            self._pybuf = pb
            self.address = pb.buf

    def value(self, row: int) -> Any:
        """The input at row, for error messages."""
        v = self.values[row]
        return v.item() if hasattr(v, "item") else v

    def release(self) -> None:
        self._holder = None
        if self._pybuf is not None:
            _ReleaseBuffer(ctypes.byref(self._pybuf))
            self._pybuf = None
        if self._view is not None:
            self._view.release()
            self._view = None


def _columns(given: Dict[str, ColumnLike]) -> Dict[str, Column]:
    """Validates the columns (name -> object or None); returns name -> Column."""
    cols = {}
    try:
        for name, kind in COLUMNS:
            if given.get(name) is not None:
                cols[name] = Column(name, given[name], kind)
        if "segment_index" not in cols:
            fail(Status.E_NULL, "", "segment_index", "a required column: give one int32 "
                 "entry per account", None)
        rows = cols["segment_index"].length
        for name, col in cols.items():
            if col.length != rows:
                raise AmsizeError(
                    "column %s has %d rows but segment_index has %d: every column "
                    "needs one entry per account" % (name, col.length, rows),
                    Status.E_BUFFER, -1, "column", value=col.length)
    except BaseException:
        for col in cols.values():
            col.release()
        raise
    return cols


def buffer_address(obj: ColumnLike, column: str = "arr") -> Optional[int]:
    """The address amsize would pass to C for obj as the named column (for
    tests and the curious: it equals the buffer's own address)."""
    kinds = dict(COLUMNS)
    if column not in kinds:
        fail(Status.E_RANGE, "buffer_address", "column", "not a column: use one of %s"
             % ", ".join(kinds), column)
    col = Column(column, obj, kinds[column])
    try:
        return col.address
    finally:
        col.release()


def _n_segments(col: Column) -> int:
    """max(segment_index) + 1 (0 for no rows)."""
    if col.length == 0:
        return 0
    top = col.values.max() if col._view is None else max(col._view)
    return max(int(top) + 1, 0)


class Totals:
    """Running per-segment totals of account rows (amsize_totals[]).

    add() folds a chunk of account columns in; merge() adds another
    Totals; segments() turns them into Segment inputs for amsize.chart()."""

    def __init__(self, n_segments: int) -> None:
        where = "Totals(n_segments)"
        n = _core._whole(n_segments, "segments", where, allowed=_SEGMENTS_RANGE)
        if n < 0:
            fail(Status.E_NEGATIVE, where, "segments", value=n)
        if n > MAX_SEGMENTS:
            fail(Status.E_RANGE, where, "segments",
                 reason(Status.E_RANGE, "segments", _SEGMENTS_RANGE), n)
        self.n_segments = n
        self._c = _ffi.new(_ffi.Totals, n)

    def __len__(self) -> int:
        return self.n_segments

    def add(self, segment_index: ColumnLike, arr: ColumnLike, upsell: ColumnLike,
            cross_sell: ColumnLike, churn: ColumnLike, service_weight: ColumnLike = None,
            am_covered: ColumnLike = None) -> Totals:
        """Adds one chunk of accounts. Each column is a buffer of one entry
        per account: segment_index int32, money float64, service_weight
        float64, am_covered uint8 or bool; None for the last two gives each
        account the library's default (listed below). Nothing is copied.
        Raises AmsizeTypeError (also a TypeError) for a column of the wrong
        type, AmsizeError for a bad value (its .index is the row)."""
        given = dict(segment_index=segment_index, arr=arr, upsell=upsell,
                     cross_sell=cross_sell, churn=churn, service_weight=service_weight,
                     am_covered=am_covered)
        cols = _columns(given)
        try:
            rows = cols["segment_index"].length
            err = new_error()
            addr = [cols[n].address if n in cols else None for n, _ in COLUMNS]
            st = _lib.amsize_totals_add(self._c, self.n_segments, err, addr[0], rows,
                                        *addr[1:])

            def where(index: int, field: str) -> str:
                return "row %d" % index if index >= 0 else "this chunk of accounts"

            def lookup(index: int, field: str) -> Any:
                if field in cols and 0 <= index < rows:
                    return cols[field].value(index)
                raise LookupError(field)

            check(st, err, where, lookup)
        finally:
            for col in cols.values():
                col.release()
        return self

    def merge(self, other: Totals) -> Totals:
        """Adds other's totals into these (amsize_totals_merge)."""
        if not isinstance(other, Totals):
            fail(Status.E_RANGE, "Totals.merge", "total", "takes an amsize.Totals", other,
                 cls=AmsizeTypeError)
        if other is self:
            # amsize_totals_merge: dst may not overlap src.
            fail(Status.E_RANGE, "Totals.merge", "total", "cannot merge Totals into itself: "
                 "merge a copy, e.g. Totals(n).merge(t), instead")
        err = new_error()
        st = _lib.amsize_totals_merge(self._c, self.n_segments, err, other._c, other.n_segments)
        check(st, err, lambda i, f: "merge of %d into %d segments" % (other.n_segments,
                                                                      self.n_segments))
        return self

    def _index(self, given: int, where: str) -> int:
        i = _core._whole(given, "segment_index", where)
        if not 0 <= i < self.n_segments:
            fail(Status.E_INDEX, where, "segment_index", "segment index is outside 0..%d"
                 % (self.n_segments - 1), i, i)
        return i

    def _templates(self, given: Iterable[_core.SegmentLike], where: str) -> List[_core.Segment]:
        templates = [_core._as_segment(t, i) for i, t in enumerate(given)]
        if len(templates) != self.n_segments:
            fail(Status.E_BUFFER, where, "segments", "%d templates for %d segments of totals: "
                 "give one per segment" % (len(templates), self.n_segments))
        return templates

    def segment(self, i: int, template: Optional[_core.SegmentLike] = None,
                part: str = "all") -> _core.Segment:
        """Segment i as an amsize.Segment: accounts, weighted_accounts, book,
        upsell, cross_sell and churn from the totals, everything else from
        template (a Segment or dict; default Segment()). part: 'all',
        'covered' or 'uncovered' accounts."""
        i = self._index(i, "Totals.segment")
        if part not in _PARTS:
            # amsize_totals_segment() names the covered/uncovered split so.
            fail(Status.E_RANGE, "Totals.segment(part)", "am_covered",
                 "part must be 'all', 'covered' or 'uncovered'", part)
        base = _core._as_segment(template if template is not None else _core.Segment(), i)
        seg = _ffi.new(_ffi.Segment)
        err = new_error()
        check(_lib.amsize_totals_segment(seg, err, ctypes.byref(self._c[i]), _PARTS[part]), err,
              lambda i_, f: "totals of segment %d" % i)
        return dataclasses.replace(
            base, accounts=seg.accounts,
            weighted_accounts=seg.weighted_accounts if seg.has_weighted_accounts else None,
            book=seg.book, upsell=seg.upsell, cross_sell=seg.cross_sell, churn=seg.churn)

    def segments(self, templates: Iterable[_core.SegmentLike],
                 part: str = "all") -> List[_core.Segment]:
        """One Segment per segment index, each filled from the totals over
        its template (names, productivity, cost, max load...)."""
        return [self.segment(i, t, part)
                for i, t in enumerate(self._templates(templates, "Totals.segments"))]

    def pilot(self, i: int,
              churn_attribution: float = _core.Segment.churn_attribution) -> _core.Pilot:
        """The pilot comparison of segment i's covered and uncovered
        accounts (amsize_totals_pilot). churn_attribution, the share of
        churn the AMs own, defaults to the library's, as Segment's does."""
        i = self._index(i, "Totals.pilot")
        out = _ffi.new(_ffi.Pilot)
        err = new_error()
        a = _core._num(churn_attribution, "churn_attribution", "pilot of segment %d" % i)
        st = _lib.amsize_totals_pilot(out, err, ctypes.byref(self._c[i]), a)

        def lookup(index: int, field: str) -> float:
            if field == "churn_attribution":
                return a
            raise LookupError(field)

        check(st, err, lambda index, f: "pilot of segment %d" % i, lookup)
        return _core.pilot_from(out)

    def pilots(self, templates: Iterable[_core.SegmentLike]) -> List[_core.Pilot]:
        """One pilot per segment, each with its template's churn_attribution."""
        return [self.pilot(i, t.churn_attribution)
                for i, t in enumerate(self._templates(templates, "Totals.pilots"))]


def totals(segment_index: ColumnLike, arr: ColumnLike, upsell: ColumnLike,
           cross_sell: ColumnLike, churn: ColumnLike, service_weight: ColumnLike = None,
           am_covered: ColumnLike = None, n_segments: Optional[int] = None) -> Totals:
    """Totals of one set of account columns. n_segments defaults to
    max(segment_index) + 1."""
    if n_segments is None:
        col = _columns({"segment_index": segment_index})["segment_index"]
        try:
            n_segments = _n_segments(col)
        finally:
            col.release()
    return Totals(n_segments).add(segment_index, arr, upsell, cross_sell, churn,
                                  service_weight, am_covered)


Totals.add.__doc__ = "%s\n\nColumns, from the library's field table:\n%s" % (
    inspect.cleandoc(Totals.add.__doc__ or ""),
    _schema.describe(_schema.ACCOUNT, tuple(name for name, _ in COLUMNS)))
