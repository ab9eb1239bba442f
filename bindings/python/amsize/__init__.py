"""amsize: Python binding of libamsize, which sizes Account Manager teams.

    import amsize
    chart = amsize.chart([amsize.Segment(name="Enterprise", accounts=200, ...)])
    chart.to_pandas()

The library is found through AMSIZE_LIBRARY, then a copy inside this
package, then the system; see README.md.
"""
from __future__ import annotations

from . import _ffi
from ._core import (Load, Model, NetRatio, Pilot, Segment, Support, SCALAR_FUNCTIONS,
                    load, netratio, pilot, support)
from ._table import COLUMNS, Chart, ChartRow, chart
from ._totals import Totals, buffer_address, totals
from .errors import AmsizeError, AmsizeTypeError, Status

#: The version of the loaded C library, e.g. "1.0.0".
library_version = _ffi.text(_ffi.lib.amsize_version())
#: Where the loaded C library was found.
library_path = _ffi.path
from ._version import __version__

globals().update(SCALAR_FUNCTIONS)

LibraryMismatchError = _ffi.LibraryMismatchError
# The import-time handshake, for tests that hand it a fake library.
_check_library = _ffi.check_library

__all__ = [
    "AmsizeError", "AmsizeTypeError", "Chart", "ChartRow", "COLUMNS", "LibraryMismatchError",
    "Load", "Model", "NetRatio", "Pilot", "Segment", "Status", "Support", "Totals",
    "buffer_address", "chart", "library_path", "library_version", "load", "netratio", "pilot",
    "support", "totals",
] + sorted(SCALAR_FUNCTIONS)
