"""Status codes and the one exception type the binding raises for bad input."""
from __future__ import annotations

import enum
import math
from typing import Any, Callable, Dict, NoReturn, Optional, Type, Union

from . import _ffi, _schema

#: where(index, field) -> the text naming the place of an error.
Where = Callable[[int, str], str]
#: lookup(index, field) -> the input value there; raises LookupError.
Lookup = Callable[[int, str], Any]


class Status(enum.IntEnum):
    """amsize_status: the values are fixed by the C library (status.h)."""

    OK = 0
    E_NULL = 1
    E_STRUCT_SIZE = 2
    E_NOT_FINITE = 3
    E_NEGATIVE = 4
    E_NOT_POSITIVE = 5
    E_RANGE = 6
    E_ORDER = 7
    E_EMPTY = 8
    E_BUFFER = 9
    E_OVERFLOW = 10
    E_INDEX = 11


def _status(code: int) -> Union[Status, int]:
    try:
        return Status(code)
    except ValueError:  # a code from a newer library
        return int(code)


def status_name(code: int) -> str:
    """'AMSIZE_E_NOT_POSITIVE' for 5; 'AMSIZE_STATUS_<n>' for unknown codes."""
    st = _status(code)
    return "AMSIZE_" + st.name if isinstance(st, Status) else "AMSIZE_STATUS_%d" % st


class AmsizeError(ValueError):
    """libamsize, or the binding on its behalf, refused an input.

    Attributes:
      status       Status (an IntEnum: compares equal to the C code)
      status_name  e.g. 'AMSIZE_E_NOT_POSITIVE'
      index        the segment or account row, -1 when none applies
      field        the field's name as amsize_field_name() spells it
      field_code   the amsize_field number (0 for a name the C API lacks)
      value        the offending input value when the binding knows it
    """

    def __init__(self, message: str, status: int, index: int = -1, field: str = "",
                 field_code: Optional[int] = None, value: Any = None) -> None:
        super().__init__(message)
        self.status = _status(status)
        self.status_name = status_name(status)
        self.index = index
        self.field = field
        self.field_code = field_code_of(field) if field_code is None else field_code
        self.value = value


class AmsizeTypeError(AmsizeError, TypeError):
    """An input the binding cannot hand to C at all: a value that is not a
    number, a fraction for a count, an object that is not a Segment, a
    column of the wrong type. An AmsizeError (and so a ValueError), and a
    TypeError as well, as these were before they carried a status."""


#: The order a field must keep, for AMSIZE_E_ORDER: rules between fields,
#: which the field table (one field at a time) does not hold.
ORDERS = {
    "selling_time": "the table must be non-decreasing from rating 1 to 5",
    "rating_high": "rating_high must be >= rating_medium",
    "share": "a ramp curve must be non-decreasing from tenure month 0",
}


def reason(status: int, field: str = "", allowed: Optional[str] = None) -> str:
    """What a status says about field, e.g. 'value is outside its allowed
    range: 1 to 5': amsize_strerror() plus the allowed range or order.

    The range of AMSIZE_E_RANGE is allowed when given, else the field
    table's range_text for field (an indexed field, selling_time[3], by the
    name before the bracket)."""
    text = _ffi.text(_ffi.lib.amsize_strerror(status))
    stem = field.split("[", 1)[0]
    if status == Status.E_RANGE and allowed is None:
        info = _schema.find(stem)
        allowed = info.range_text if info is not None else None
    if status == Status.E_RANGE and allowed:
        return "%s: %s" % (text, allowed)
    if status == Status.E_ORDER and stem in ORDERS:
        return "%s: %s" % (text, ORDERS[stem])
    if status == Status.E_EMPTY and stem == "segments":
        return "the segment list is empty: pass at least one segment"
    return text


_field_codes: Dict[str, int] = {}


def field_code_of(name: str) -> int:
    """The amsize_field number of a field name; 0 when the C API has none."""
    if not _field_codes:
        for code in range(1, 1000):
            n = _ffi.text(_ffi.lib.amsize_field_name(code))
            if n in ("", "unknown"):
                break
            _field_codes[n] = code
    return _field_codes.get(name, 0)


def _fmt_value(value: Any) -> str:
    if value is None:
        return "not given"
    if isinstance(value, float) and math.isnan(value):
        return "got nan"
    return "got %r" % (value,)


#: fail()'s "no value known" (None means "not given").
UNKNOWN: Any = object()


def _message(place: str, field: str, text: str, value: Any = UNKNOWN) -> str:
    """'segment 2 ('SMB'), am_cost: value must be > 0 (got 0.0)'."""
    head = ", ".join(p for p in (place, field) if p)
    msg = "%s: %s" % (head, text) if head else text
    return msg if value is UNKNOWN else "%s (%s)" % (msg, _fmt_value(value))


def fail(status: int, place: str, field: str, problem: Optional[str] = None,
         value: Any = UNKNOWN, index: int = -1,
         cls: Type[AmsizeError] = AmsizeError) -> NoReturn:
    """Raises cls for an input the binding refuses before calling C, worded
    as the library's refusals: place, field, problem (default: reason())."""
    text = problem if problem is not None else reason(status, field)
    raise cls(_message(place, field, text, value), status, index, field,
              value=None if value is UNKNOWN else value)


def raise_for(status: int, err: _ffi.Error, where: Where,
              lookup: Optional[Lookup] = None, index: Optional[int] = None) -> NoReturn:
    """Raises AmsizeError for a failed call.

    status is what the C function returned, err the amsize_error it filled.
    where(index, field_name) -> text naming the place ("segment 2 ('SMB')"),
    lookup(index, field_name) -> the input value there, or raises
    LookupError when the binding does not know it; both get err's index.
    index, when given, is the exception's index instead of err's: a call
    about one segment reports that segment, and its place the row in it.
    """
    field_code = int(err.field) if err.status == status else 0
    c_index = int(err.index) if err.status == status else -1
    field = _ffi.text(_ffi.lib.amsize_field_name(field_code)) if field_code else ""
    value = UNKNOWN
    if lookup is not None and field:
        try:
            value = lookup(c_index, field)
        except LookupError:
            pass
    msg = _message(where(c_index, field), field, reason(status, field), value)
    raise AmsizeError(msg, status, c_index if index is None else index, field, field_code,
                      None if value is UNKNOWN else value)


def check(status: int, err: _ffi.Error, where: Where, lookup: Optional[Lookup] = None,
          index: Optional[int] = None) -> None:
    """Does nothing on AMSIZE_OK, else raise_for()."""
    if status != Status.OK:
        raise_for(status, err, where, lookup, index)


def new_error() -> _ffi.Error:
    """A fresh amsize_error, initialised by the library."""
    return _ffi.new(_ffi.Error)
