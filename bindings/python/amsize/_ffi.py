"""The one place that knows the C side: finding libamsize, the struct
mirrors, every prototype, and the import-time handshake.

Everything else in the package goes through the names defined here.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
from typing import (Any, Dict, Iterable, List, Optional, Sequence, Tuple, Type, TypeVar,
                    overload)

#: The major version of the C API this binding mirrors.
EXPECTED_MAJOR = 1

c_int32 = ctypes.c_int32
c_int64 = ctypes.c_int64
c_uint32 = ctypes.c_uint32
c_uint64 = ctypes.c_uint64
c_double = ctypes.c_double
c_size_t = ctypes.c_size_t
c_char_p = ctypes.c_char_p
c_void_p = ctypes.c_void_p


class LibraryMismatchError(ImportError):
    """The loaded libamsize is not one this binding can talk to safely."""


# ------------------------------------------------------------ struct mirrors
class Error(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_uint32),
        ("status", c_int32),
        ("index", c_int64),
        ("field", c_int32),
        ("reserved", c_int32),
    ]


class Segment(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_uint32),
        ("support_rating", c_int32),
        ("accounts", c_int64),
        ("weighted_accounts", c_double),
        ("book", c_double),
        ("upsell", c_double),
        ("cross_sell", c_double),
        ("churn", c_double),
        ("churn_attribution", c_double),
        ("am_productivity", c_double),
        ("am_cost", c_double),
        ("gross_margin", c_double),
        ("cost_coverage", c_double),
        ("growth_per_account", c_double),
        ("max_load", c_double),
        ("has_weighted_accounts", c_int32),
        ("has_growth_per_account", c_int32),
    ]


class Model(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_uint32),
        ("reserved", c_int32),
        ("selling_time", c_double * 5),
        ("rating_high", c_double),
        ("rating_medium", c_double),
    ]


class NetRatio(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_uint32),
        ("rating", c_int32),
        ("churn_attributed", c_double),
        ("net_ratio", c_double),
        ("net_ratio_pct", c_double),
        ("fte_net", c_double),
        ("reserved", c_double),
    ]


class Support(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_uint32),
        ("support_rating", c_int32),
        ("support_factor", c_double),
        ("fte_demand", c_double),
        ("hc_demand", c_int64),
        ("reserved", c_double),
    ]


class Load(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_uint32),
        ("flags", c_uint32),
        ("growth_per_account", c_double),
        ("min_load", c_double),
        ("max_load", c_double),
        ("hc_floor", c_int64),
        ("hc_ceiling", c_int64),
        ("reserved", c_double),
    ]


class Pilot(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_uint32),
        ("accretive", c_int32),
        ("nr_pct_covered", c_double),
        ("nr_pct_uncovered", c_double),
        ("delta", c_double),
        ("lift", c_double),
        ("incremental", c_double),
    ]


class ChartRow(ctypes.Structure):
    _fields_ = [
        ("struct_size", c_uint32),
        ("support_rating", c_int32),
        ("accounts", c_int64),
        ("weighted_accounts", c_double),
        ("book", c_double),
        ("upsell", c_double),
        ("cross_sell", c_double),
        ("churn_attributed", c_double),
        ("net_ratio", c_double),
        ("net_ratio_pct", c_double),
        ("net_ratio_rating", c_int32),
        ("binding", c_int32),
        ("support_factor", c_double),
        ("fte_net", c_double),
        ("fte_demand", c_double),
        ("min_load", c_double),
        ("max_load", c_double),
        ("hc_floor", c_int64),
        ("hc_ceiling", c_int64),
        ("hc_demand", c_int64),
        ("headcount", c_int64),
        ("flags", c_uint32),
        ("reserved", c_int32),
        ("load_per_am", c_double),
        ("cost", c_double),
        ("net_per_am", c_double),
        ("roi", c_double),
    ]


class Totals(ctypes.Structure):
    """Opaque accumulator: only its size matters here."""

    _fields_ = [
        ("struct_size", c_uint32),
        ("reserved", c_uint32),
        ("opaque", c_double * 22),
    ]


class FieldInfo(ctypes.Structure):
    """amsize_field_info, one row of the field table (schema.h, from 1.1).
    The strings and defaults point into the library's static storage."""

    _fields_ = [
        ("struct_size", c_uint32),
        ("field", c_int32),
        ("name", c_char_p),
        ("description", c_char_p),
        ("range_text", c_char_p),
        ("default_text", c_char_p),
        ("defaults", ctypes.POINTER(c_double)),
        ("type", c_int32),
        ("flags", c_uint32),
        ("min", c_double),
        ("max", c_double),
        ("offset", c_uint64),
        ("length", c_uint64),
        ("presence_offset", c_uint64),
    ]


class Staffing(ctypes.Structure):
    """amsize_staffing, a segment's staffing inputs (plan.h, from 1.1)."""

    _fields_ = [
        ("struct_size", c_uint32),
        ("time_to_fill", c_int32),
        ("ramp_months", c_int32),
        ("reserved", c_int32),
        ("attrition", c_double),
        ("current_ams", c_int64),
    ]


class PlanMonth(ctypes.Structure):
    """amsize_plan_month, one month of a segment's hiring plan (1.1)."""

    _fields_ = [
        ("struct_size", c_uint32),
        ("month", c_int32),
        ("headcount", c_double),
        ("leavers", c_double),
        ("requisitions", c_double),
        ("starts", c_double),
        ("rre", c_double),
        ("capacity", c_double),
        ("demand", c_double),
        ("gap", c_double),
        ("cost", c_double),
        ("reserved", c_double),
    ]


class PlanSummary(ctypes.Structure):
    """amsize_plan_summary, a segment's plan in a few numbers (1.1)."""

    _fields_ = [
        ("struct_size", c_uint32),
        ("first_month_at_demand", c_int32),
        ("requisitions", c_double),
        ("starts", c_double),
        ("leavers", c_double),
        ("shortfall", c_double),
        ("plan_cost", c_double),
        ("end_headcount", c_double),
        ("reserved", c_double),
    ]


class Am(ctypes.Structure):
    """amsize_am, one AM of the evaluation: the roster's fields and the
    sums of the accounts the AM covered (evaluate.h, from 1.1)."""

    _fields_ = [
        ("struct_size", c_uint32),
        ("segment", c_int32),
        ("fte", c_double),
        ("target", c_double),
        ("has_target", c_int32),
        ("reserved", c_int32),
        ("accounts", c_int64),
        ("weighted_accounts", c_double),
        ("book", c_double),
        ("upsell", c_double),
        ("cross_sell", c_double),
        ("churn", c_double),
    ]


class AmEval(ctypes.Structure):
    """amsize_am_eval, one AM's evaluation (1.1). NaN: undefined."""

    _fields_ = [
        ("struct_size", c_uint32),
        ("flags", c_uint32),
        ("net_ratio", c_double),
        ("target", c_double),
        ("attainment", c_double),
        ("load", c_double),
        ("min_load", c_double),
        ("max_load", c_double),
    ]


class SegmentEval(ctypes.Structure):
    """amsize_segment_eval, one segment's evaluation (1.1). NaN:
    undefined; the csm_ figures only when csm_given."""

    _fields_ = [
        ("struct_size", c_uint32),
        ("resized_binding", c_int32),
        ("ams", c_int64),
        ("fte", c_double),
        ("headcount", c_double),
        ("fte_gap", c_double),
        ("accounts_covered", c_int64),
        ("accounts_uncovered", c_int64),
        ("book_covered", c_double),
        ("book_uncovered", c_double),
        ("net_ratio_covered", c_double),
        ("net_ratio_uncovered", c_double),
        ("nr_pct_covered", c_double),
        ("nr_pct_uncovered", c_double),
        ("delta", c_double),
        ("lift", c_double),
        ("incremental", c_double),
        ("accretive", c_int32),
        ("csm_given", c_int32),
        ("net_per_fte", c_double),
        ("observed_productivity", c_double),
        ("attainment_median", c_double),
        ("share_at_plan", c_double),
        ("load_min", c_double),
        ("load_median", c_double),
        ("load_max", c_double),
        ("overloaded", c_int64),
        ("underloaded", c_int64),
        ("below_plan", c_int64),
        ("resized_headcount", c_double),
        ("csm_accounts_covered", c_int64),
        ("csm_accounts_uncovered", c_int64),
        ("csm_book_covered", c_double),
        ("csm_book_uncovered", c_double),
        ("csm_net_ratio_covered", c_double),
        ("csm_net_ratio_uncovered", c_double),
        ("csm_nr_pct_covered", c_double),
        ("csm_nr_pct_uncovered", c_double),
        ("csm_delta", c_double),
        ("csm_lift", c_double),
        ("csm_incremental", c_double),
        ("csm_accretive", c_int32),
        ("reserved", c_int32),
    ]


#: AMSIZE_PLAN_HORIZON_MAX (plan.h): the longest plan, in months. A macro,
#: so not readable at run time; the tests compare it with the header and
#: with what amsize_plan_compute() refuses.
PLAN_HORIZON_MAX = 600
#: AMSIZE_PLAN_HORIZON_DEFAULT (plan.h): the horizon when none is given.
PLAN_HORIZON_DEFAULT = 12

#: AMSIZE_TENURE_RAMPED (plan.h): a roster AM whose tenure is not given.
TENURE_RAMPED = -1

#: AMSIZE_BELOW_PLAN_DEFAULT (evaluate.h): the attainment under which an
#: AM is BELOW_PLAN unless told otherwise. A macro too; the tests compare
#: it with the header.
BELOW_PLAN_DEFAULT = 0.9

#: amsize_struct_id -> (name, mirror): the handshake checks every size.
STRUCT_IDS: Dict[int, Tuple[str, Type[ctypes.Structure]]] = {
    1: ("amsize_error", Error),
    2: ("amsize_segment", Segment),
    3: ("amsize_model", Model),
    4: ("amsize_netratio", NetRatio),
    5: ("amsize_support", Support),
    6: ("amsize_load", Load),
    7: ("amsize_pilot", Pilot),
    8: ("amsize_chart_row", ChartRow),
    9: ("amsize_totals", Totals),
    10: ("amsize_field_info", FieldInfo),
    11: ("amsize_staffing", Staffing),
    12: ("amsize_plan_month", PlanMonth),
    13: ("amsize_plan_summary", PlanSummary),
    14: ("amsize_am", Am),
    15: ("amsize_am_eval", AmEval),
    16: ("amsize_segment_eval", SegmentEval),
}

# ---------------------------------------------------------------- prototypes
P = ctypes.POINTER
STATUS = c_int32  # amsize_status is a C enum: int-sized
_D = c_double

#: A C function's (restype, argtypes).
Prototype = Tuple[Any, List[Any]]

#: name -> (restype, argtypes). Every C function the package calls.
PROTOTYPES: Dict[str, Prototype] = {
    "amsize_version": (c_char_p, []),
    "amsize_version_major": (c_int32, []),
    "amsize_version_minor": (c_int32, []),
    "amsize_version_patch": (c_int32, []),
    "amsize_struct_size": (c_size_t, [c_int32]),
    "amsize_strerror": (c_char_p, [c_int32]),
    "amsize_field_name": (c_char_p, [c_int32]),
    "amsize_rating_name": (c_char_p, [c_int32]),
    "amsize_binding_name": (c_char_p, [c_int32]),
    "amsize_flag_name": (c_char_p, [c_uint32]),
    "amsize_error_init_": (STATUS, [P(Error), c_size_t]),
    "amsize_segment_init_": (STATUS, [P(Segment), c_size_t, c_size_t]),
    "amsize_model_init_": (STATUS, [P(Model), c_size_t]),
    "amsize_netratio_init_": (STATUS, [P(NetRatio), c_size_t]),
    "amsize_support_init_": (STATUS, [P(Support), c_size_t]),
    "amsize_load_init_": (STATUS, [P(Load), c_size_t]),
    "amsize_pilot_init_": (STATUS, [P(Pilot), c_size_t]),
    "amsize_chart_row_init_": (STATUS, [P(ChartRow), c_size_t, c_size_t]),
    "amsize_segment_check": (STATUS, [P(Error), P(Segment), c_int64]),
    "amsize_model_check": (STATUS, [P(Error), P(Model)]),
    "amsize_netratio_compute": (STATUS, [P(NetRatio), P(Error), P(Segment), P(Model)]),
    "amsize_support_compute": (STATUS, [P(Support), P(Error), P(Segment), P(Model)]),
    "amsize_load_compute": (STATUS, [P(Load), P(Error), P(Segment), P(Model)]),
    "amsize_pilot_compare": (STATUS, [P(Pilot), P(Error), _D, _D, _D, _D]),
    "amsize_chart_compute": (
        STATUS,
        [P(ChartRow), c_size_t, P(ChartRow), P(Error), P(Segment), c_size_t, P(Model)],
    ),
    # totals.h: column pointers are void* so any buffer address can be passed.
    "amsize_totals_init_": (STATUS, [P(Totals), c_size_t, c_size_t]),
    "amsize_totals_add": (
        STATUS,
        [P(Totals), c_size_t, P(Error), c_void_p, c_size_t,
         c_void_p, c_void_p, c_void_p, c_void_p, c_void_p, c_void_p],
    ),
    "amsize_totals_merge": (STATUS, [P(Totals), c_size_t, P(Error), P(Totals), c_size_t]),
    "amsize_totals_segment": (STATUS, [P(Segment), P(Error), P(Totals), c_int32]),
    "amsize_totals_pilot": (STATUS, [P(Pilot), P(Error), P(Totals), _D]),
    # schema.h (1.1): the field table.
    "amsize_field_info_init_": (STATUS, [P(FieldInfo), c_size_t]),
    "amsize_schema_count": (c_size_t, [c_int32]),
    "amsize_schema_get": (STATUS, [P(FieldInfo), c_int32, c_size_t]),
    "amsize_schema_find": (STATUS, [P(FieldInfo), c_int32, c_int32]),
    "amsize_schema_lookup": (STATUS, [P(FieldInfo), c_int32, c_char_p]),
    "amsize_field_check": (STATUS, [P(Error), c_int32, c_int32, _D, c_int64]),
    # plan.h (1.1): the hiring plan. The three spreadsheet forms are
    # declared by _scalars.py, like scalar.h's.
    "amsize_staffing_init_": (STATUS, [P(Staffing), c_size_t, c_size_t]),
    "amsize_plan_month_init_": (STATUS, [P(PlanMonth), c_size_t, c_size_t]),
    "amsize_plan_summary_init_": (STATUS, [P(PlanSummary), c_size_t]),
    "amsize_staffing_check": (STATUS, [P(Error), P(Staffing), c_int64]),
    "amsize_plan_compute": (
        STATUS,
        [P(PlanMonth), c_size_t, P(PlanSummary), P(Error), P(c_double), c_size_t,
         P(Segment), P(Model), P(Staffing), P(c_double), c_size_t, P(c_double),
         P(c_int32), c_size_t],
    ),
    "amsize_plan_total": (
        STATUS,
        [P(PlanMonth), P(PlanSummary), P(Error), P(PlanMonth), P(PlanSummary), c_size_t,
         c_size_t],
    ),
    # evaluate.h (1.1): the AMs and segments against the chart. The four
    # spreadsheet forms are declared by _scalars.py.
    "amsize_am_flag_name": (c_char_p, [c_uint32]),
    "amsize_am_init_": (STATUS, [P(Am), c_size_t, c_size_t]),
    "amsize_am_eval_init_": (STATUS, [P(AmEval), c_size_t, c_size_t]),
    "amsize_segment_eval_init_": (STATUS, [P(SegmentEval), c_size_t, c_size_t]),
    "amsize_am_evaluate": (
        STATUS,
        [P(AmEval), c_size_t, P(Error), P(Am), c_size_t, P(Segment), P(ChartRow), c_size_t,
         P(Model), _D],
    ),
    "amsize_segment_evaluate": (
        STATUS,
        [P(SegmentEval), c_size_t, P(Error), P(c_double), c_size_t, P(Am), P(AmEval),
         c_size_t, P(Segment), P(ChartRow), c_size_t, P(Totals), P(Totals), P(Model)],
    ),
}
# The scalar functions of scalar.h, plan.h and evaluate.h join PROTOTYPES when
# _scalars.py is imported: their Python signatures are their prototypes.

# -------------------------------------------------------------------- loading
def _candidates() -> List[Tuple[str, str]]:
    """Where to look for the shared library, in order."""
    env = os.environ.get("AMSIZE_LIBRARY")
    if env:
        # An explicit choice is the only candidate: falling back silently
        # would hide a typo in the path.
        return [("AMSIZE_LIBRARY", env)]
    found = []
    here = os.path.dirname(os.path.abspath(__file__))
    for path in sorted(glob.glob(os.path.join(here, "libamsize.so*"))):
        found.append(("package copy", path))
    system = ctypes.util.find_library("amsize")
    if system:
        found.append(("find_library('amsize')", system))
    found.append(("default name", "libamsize.so.0"))
    return found


def load_library() -> Tuple[ctypes.CDLL, str]:
    """Loads libamsize and returns (CDLL, path). Raises ImportError."""
    tried = []
    for how, path in _candidates():
        try:
            return ctypes.CDLL(path), path
        except OSError as exc:
            tried.append("  %s: %s (%s)" % (how, path, exc))
    raise ImportError(
        "amsize: cannot load libamsize. Tried:\n" + "\n".join(tried) +
        "\nBuild the C library and set AMSIZE_LIBRARY=/path/to/libamsize.so.0, "
        "copy it into the amsize package folder, or install it system-wide."
    )


def declare(lib: Any, names: Optional[Iterable[str]] = None) -> None:
    """Sets restype and argtypes of every prototype (or of names). Raises
    LibraryMismatchError for a function the library does not export."""
    for name in names or PROTOTYPES:
        restype, argtypes = PROTOTYPES[name]
        try:
            fn = getattr(lib, name)
        except AttributeError:
            raise LibraryMismatchError(
                "amsize: the loaded libamsize lacks %s(); it is older than or "
                "different from the %d.x API this binding needs" % (name, EXPECTED_MAJOR)
            ) from None
        fn.restype = restype
        fn.argtypes = argtypes


def add_prototypes(prototypes: Dict[str, Prototype]) -> None:
    """Adds name -> (restype, argtypes) to PROTOTYPES and declares them on
    the loaded library: the scalar functions' come from their Python
    signatures (_scalars.py)."""
    PROTOTYPES.update(prototypes)
    declare(lib, prototypes)


def check_library(lib: Any, expected_major: int = EXPECTED_MAJOR,
                  path: str = "libamsize") -> None:
    """Refuses a library this binding cannot talk to safely. lib needs
    amsize_version_major() and amsize_struct_size(id); any object with those
    two callables will do (the tests pass a fake). Raises
    LibraryMismatchError naming each difference.

    The rule, from the ABI policy (a 1.x minor release may only append
    fields to a struct, and accepts the struct_size of every earlier
    release): the major version must be expected_major, and each struct
    must be at least as large in the library as the binding's mirror. The
    binding passes its mirror's size to every *_init_() function, so a
    newer 1.x library whose structs have grown reads and writes only the
    fields the binding knows. A smaller struct means a library older than
    the binding, which does not know the binding's fields (or its struct
    sizes) and would be handed memory laid out for a release it never
    saw; 0 means the library does not know the struct at all."""
    major = int(lib.amsize_version_major())
    if major != expected_major:
        raise LibraryMismatchError(
            "amsize: %s is libamsize major version %d, but this binding needs %d.x: "
            "install the matching binding or point AMSIZE_LIBRARY at a %d.x library"
            % (path, major, expected_major, expected_major)
        )
    older = []
    for sid, (cname, mirror) in sorted(STRUCT_IDS.items()):
        theirs = int(lib.amsize_struct_size(sid))
        ours = ctypes.sizeof(mirror)
        if theirs < ours:
            older.append("%s is %d bytes in the library, %d in the binding"
                         % (cname, theirs, ours))
    if older:
        raise LibraryMismatchError(
            "amsize: %s is older than this binding: %s; install a libamsize %d.x at least "
            "as new as the binding, or the binding of the library's release"
            % (path, "; ".join(older), expected_major)
        )


lib, path = load_library()
# The handshake first, so that a library of another major version is named
# as such rather than as missing some function. Nothing from the
# environment can change what it expects.
declare(lib, ("amsize_version_major", "amsize_struct_size"))
check_library(lib, EXPECTED_MAJOR, path)
declare(lib)


def text(ptr: Optional[bytes]) -> str:
    """A C string result as str ('' for NULL)."""
    return ptr.decode("utf-8") if ptr else ""


S = TypeVar("S", bound=ctypes.Structure)


@overload
def new(mirror: Type[S]) -> S: ...


@overload
def new(mirror: Type[S], count: int) -> ctypes.Array[S]: ...


def new(mirror: Type[S], count: Optional[int] = None) -> Any:
    """A mirror struct (count None) or an array of count of them (at least
    one; only for the structs whose *_init_() takes a length), set up by
    the library's *_init_() with the mirror's size.

    The status is not looked at, because the handshake leaves these calls
    no way to fail: each gets a struct, a length of at least 1 and the
    mirror's size, which is at most the library's own and so one that a
    1.x library accepts. Were a library to break that promise anyway, the
    struct would keep struct_size 0, and the call that uses it refuses it
    with AMSIZE_E_STRUCT_SIZE before touching any memory."""
    name = next(cname for cname, m in STRUCT_IDS.values() if m is mirror) + "_init_"
    length: Sequence[int] = ()
    if len(PROTOTYPES[name][1]) == 3:  # (structs, length, struct_size)
        length = (1 if count is None else max(count, 1),)
    elif count is not None:
        raise TypeError("%s() sets up one struct, not an array" % name)
    obj = mirror() if count is None else (mirror * length[0])()
    getattr(lib, name)(obj, *length, ctypes.sizeof(mirror))
    return obj
