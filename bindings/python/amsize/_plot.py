"""The plan's chart with matplotlib, an optional dependency: imported only
when a plot is asked for, so that the package needs nothing but the
standard library."""
from __future__ import annotations

import importlib
import math
from typing import Any, Sequence

#: What to install when matplotlib is missing.
_INSTALL = ("Debian's python3-matplotlib (apt-get install python3-matplotlib), "
            "or pip install matplotlib")


def _pyplot() -> Any:
    try:
        # By name, as pandas in to_pandas(): the result is typed Any, so a
        # type checker without matplotlib's stubs need not find them.
        return importlib.import_module("matplotlib.pyplot")
    except ImportError:
        raise ImportError("amsize: Plan.plot() needs matplotlib, which is not installed: "
                          "install " + _INSTALL) from None


def plot_months(months: Sequence[Any], name: str, ax: Any = None) -> Any:
    """Draws months (PlanMonth rows of one segment or the TOTAL) on ax, or
    on a new pyplot figure when ax is None: bars of starts, and lines of
    RRE and demand, all in AMs. Returns the Axes."""
    if ax is None:  # a given Axes means matplotlib is there
        _, ax = _pyplot().subplots()
    x = list(range(1, len(months) + 1))
    ax.bar(x, [m.starts for m in months], color="tab:gray", alpha=0.5, label="starts")
    ax.plot(x, [m.rre for m in months], color="tab:blue", marker=".", label="RRE")
    ax.plot(x, [m.demand for m in months], color="tab:red", linestyle="--", label="demand")
    # At most about twelve month labels, so that 600 months stay legible.
    step = max(1, math.ceil(len(months) / 12))
    ticks = x[::step]
    ax.set_xticks(ticks)
    ax.set_xticklabels([str(months[t - 1].month) for t in ticks],
                       rotation=45 if isinstance(months[0].month, str) else 0)
    ax.set_xlabel("month")
    ax.set_ylabel("AMs")
    ax.set_title("hiring plan: %s" % name)
    ax.legend()
    return ax

