"""The library's field table (schema.h), read once at import: every
input's name, type, default and allowed range.

The binding's defaults (Segment, Model, Totals.pilot, Staffing, Roster,
the evaluation's roster)
and the range texts of its errors come from here, so that none of them is
written in the binding: a range or a default lives in lib/schema.c alone.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from . import _ffi

# amsize_schema: which table (schema.h; fixed values). The plan's three
# (staffing, a roster AM, a ramp month) are from 1.1, as are the table and
# the evaluation's AM (amsize_am).
SEGMENT, MODEL, ACCOUNT = 1, 2, 3
STAFFING, ROSTER, RAMP = 4, 5, 6
AM = 7
SCHEMAS = (SEGMENT, MODEL, ACCOUNT, STAFFING, ROSTER, RAMP, AM)

# amsize_type: how a field is stored (fixed values).
TYPE_DOUBLE, TYPE_INT32, TYPE_INT64, TYPE_UINT8 = 1, 2, 3, 4

# AMSIZE_FIELDINFO_* bits of amsize_field_info.flags.
REQUIRED, MIN_OPEN, MAX_OPEN, PRESENCE, FROM_TOTALS = 0x01, 0x02, 0x04, 0x08, 0x10

#: What each whole-number type of C holds: a Python int must fit to reach C.
TYPE_LIMITS = {
    TYPE_INT32: (-2 ** 31, 2 ** 31 - 1),
    TYPE_INT64: (-2 ** 63, 2 ** 63 - 1),
    TYPE_UINT8: (0, 2 ** 8 - 1),
}


@dataclass(frozen=True)
class Field:
    """One row of the table, as amsize_field_info gives it."""

    schema: int
    code: int                # amsize_field; for an array, its first element
    name: str                # snake_case: the CSV column and Python name
    description: str         # one line with the unit
    range_text: str          # e.g. "above 0 and at most 1"
    default_text: str        # e.g. "1", "accounts" (derived), "" (required)
    defaults: Optional[Tuple[float, ...]]  # None: required, or derived
    type: int                # TYPE_*
    flags: int               # REQUIRED, MIN_OPEN, ...
    min: float               # -inf when none
    max: float               # inf when none
    offset: int              # in the struct (0 for the account columns)
    length: int              # 1, or the array's length
    presence_offset: int     # with PRESENCE: the int32 has_* flag's offset

    @property
    def whole(self) -> bool:
        """Stored as a whole number (int32, int64, uint8)."""
        return self.type in TYPE_LIMITS

    def limits(self) -> Tuple[int, int]:
        """The whole numbers this field can hold in C: its bounds, within
        what its type holds."""
        lo, hi = TYPE_LIMITS[self.type]
        return (max(lo, math.ceil(self.min)) if self.min > -math.inf else lo,
                min(hi, math.floor(self.max)) if self.max < math.inf else hi)

    def whole_range_text(self) -> str:
        """The range a whole-number field's value must lie in, in words:
        the table's text when both bounds are finite ("1 to 5"), else the
        bounds that the C type adds ("0 to 9223372036854775807" for the
        int64 accounts, "0 or more" in the table)."""
        if math.isfinite(self.min) and math.isfinite(self.max):
            return self.range_text
        return "%d to %d" % self.limits()

    def default(self) -> Optional[object]:
        """The default value in Python: an int for a whole-number field, a
        float, a tuple of floats for an array; None for a required field
        or one whose default is derived (weighted_accounts: accounts)."""
        if self.defaults is None:
            return None
        values = tuple(int(d) if self.whole else d for d in self.defaults)
        return values if self.length > 1 else values[0]


def _read(schema: int, index: int) -> Field:
    info = _ffi.new(_ffi.FieldInfo)
    # Cannot fail: a known schema, an index below its count, and a struct
    # size that the handshake has checked.
    _ffi.lib.amsize_schema_get(info, schema, index)
    length = int(info.length)
    defaults = None
    if info.defaults:
        defaults = tuple(float(info.defaults[k]) for k in range(length))
    return Field(schema=schema, code=int(info.field), name=_ffi.text(info.name),
                 description=_ffi.text(info.description),
                 range_text=_ffi.text(info.range_text),
                 default_text=_ffi.text(info.default_text), defaults=defaults,
                 type=int(info.type), flags=int(info.flags), min=float(info.min),
                 max=float(info.max), offset=int(info.offset), length=length,
                 presence_offset=int(info.presence_offset))


#: schema -> its fields, in the table's order.
TABLES: Dict[int, Tuple[Field, ...]] = {
    s: tuple(_read(s, i) for i in range(_ffi.lib.amsize_schema_count(s))) for s in SCHEMAS
}


def fields(schema: int) -> Tuple[Field, ...]:
    """The fields of a schema, in the table's order."""
    return TABLES[schema]


def field(schema: int, name: str) -> Field:
    """The field of a schema with that name; KeyError when there is none."""
    for f in TABLES[schema]:
        if f.name == name:
            return f
    raise KeyError(name)


def find(name: str) -> Optional[Field]:
    """The field of that name in any schema, None for a name no table has.
    A name in several tables (upsell: a segment's total and an account's
    column) has one range there; the tests check that."""
    for schema in SCHEMAS:
        for f in TABLES[schema]:
            if f.name == name:
                return f
    return None


def default_float(schema: int, name: str) -> float:
    """The default of a number field (Segment and Model use these)."""
    value = field(schema, name).default()
    assert isinstance(value, (int, float)), (name, value)
    return float(value)


def default_int(schema: int, name: str) -> int:
    """The default of a whole-number field."""
    value = field(schema, name).default()
    assert isinstance(value, int), (name, value)
    return value


def default_floats(schema: int, name: str) -> Tuple[float, ...]:
    """The defaults of an array field (selling_time)."""
    value = field(schema, name).default()
    assert isinstance(value, tuple), (name, value)
    return tuple(float(v) for v in value)


def describe(schema: int, names: Tuple[str, ...]) -> str:
    """Lines for a docstring, one per field of names that the table has:
    what it is, its range and default, all in the table's words."""
    lines = []
    for name in names:
        f = next((f for f in TABLES[schema] if f.name == name), None)
        if f is None:
            continue
        if f.flags & REQUIRED:
            default = "required"
        else:
            default = "default " + f.default_text
        lines.append("  %s: %s. Range: %s; %s." % (f.name, f.description, f.range_text,
                                                   default))
    return "\n".join(lines)
