"""Status codes and the one exception type the binding raises for bad input."""
from __future__ import annotations

import enum
import math

from . import _ffi


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


def _status(code):
    try:
        return Status(code)
    except ValueError:  # a code from a newer library
        return int(code)


def status_name(code):
    """'AMSIZE_E_NOT_POSITIVE' for 5; 'AMSIZE_STATUS_<n>' for unknown codes."""
    st = _status(code)
    return "AMSIZE_" + st.name if isinstance(st, Status) else "AMSIZE_STATUS_%d" % st


class AmsizeError(ValueError):
    """libamsize refused an input.

    Attributes:
      status       Status (an IntEnum: compares equal to the C code)
      status_name  e.g. 'AMSIZE_E_NOT_POSITIVE'
      index        the segment or account row, -1 when none applies
      field        the field's name as amsize_field_name() spells it
      field_code   the amsize_field number
      value        the offending input value when the binding knows it
    """

    def __init__(self, message, status, index=-1, field="", field_code=0, value=None):
        super().__init__(message)
        self.status = _status(status)
        self.status_name = status_name(status)
        self.index = index
        self.field = field
        self.field_code = field_code
        self.value = value


def _fmt_value(value):
    if value is None:
        return "not given"
    if isinstance(value, float) and math.isnan(value):
        return "got nan"
    return "got %r" % (value,)


def raise_for(status, err, where, lookup=None):
    """Raises AmsizeError for a failed call.

    status is what the C function returned, err the amsize_error it filled.
    where(index, field_name) -> text naming the place ("segment 2 ('SMB')"),
    lookup(index, field_name) -> the input value there, or raises
    LookupError when the binding does not know it.
    """
    field_code = int(err.field) if err.status == status else 0
    index = int(err.index) if err.status == status else -1
    field = _ffi.text(_ffi.lib.amsize_field_name(field_code)) if field_code else ""
    reason = _ffi.text(_ffi.lib.amsize_strerror(status))
    place = where(index, field)
    head = "%s, %s" % (place, field) if field else place
    msg = "%s: %s" % (head, reason) if head else reason
    value = None
    if lookup is not None and field:
        try:
            value = lookup(index, field)
        except LookupError:
            pass
        else:
            msg += " (%s)" % _fmt_value(value)
    raise AmsizeError(msg, status, index, field, field_code, value)


def check(status, err, where, lookup=None):
    """Does nothing on AMSIZE_OK, else raise_for()."""
    if status != Status.OK:
        raise_for(status, err, where, lookup)


def new_error():
    """A fresh amsize_error, initialised by the library."""
    err = _ffi.Error()
    st = _ffi.lib.amsize_error_init_(err, _ffi.ctypes.sizeof(err))
    if st != Status.OK:  # pragma: no cover - the handshake rules this out
        raise AmsizeError("amsize_error_init_ failed", st)
    return err
