#!/usr/bin/python3
"""Workload 3 of bench/README.md: per-segment account totals from numpy
columns, in one process, interleaved (the order rotates every repetition):

  binding_totals   amsize.totals(...) as a notebook calls it (n_segments found
                   from the data)
  binding_add      amsize.Totals(K).add(...)
  c_direct         amsize_totals_add() called once through bare ctypes, no
                   binding code: the C library on the same arrays
  numpy_bincount   numpy.bincount with weights, one pass per column
  numpy_add_at     numpy.add.at, one call per column

Prints one CSV line per timed sample, as amsize-bench does:
workload,case,method,size,rep,seconds,items

usage: py_totals.py [--sizes N,N,...] [--reps R] [--seed S] [--segments K]
                    [--add-at-max N]
Needs numpy and the binding (PYTHONPATH=bindings/python, AMSIZE_LIBRARY).
"""
import argparse
import ctypes
import sys
import time

import numpy as np

import amsize


def make_columns(n, k, seed):
    """The account model of amsize-bench (amsize-gen's three segments by
    default: 5%, 37.5% and 57.5% of the accounts, ARR a decade apart), from
    numpy's RNG."""
    rng = np.random.default_rng(seed)
    p = np.array([0.05, 0.375, 0.575]) if k == 3 else 2.0 ** np.arange(k)
    seg = rng.choice(k, size=n, p=p / p.sum()).astype(np.int32)
    lo = 2e5 / 10.0 ** seg
    arr = lo + 9 * lo * rng.random(n) ** 2
    return dict(
        segment_index=seg,
        arr=arr,
        upsell=arr * 0.15 * rng.random(n),
        cross_sell=arr * 0.10 * rng.random(n),
        churn=arr * 0.12 * rng.random(n),
        service_weight=np.where(rng.random(n) < 0.2, 2.0, 1.0),
        am_covered=(rng.random(n) < 0.3).astype(np.uint8),
    )


MONEY = ("service_weight", "arr", "upsell", "cross_sell", "churn")


def numpy_bincount(c, k):
    key = c["segment_index"].astype(np.intp) * 2 + c["am_covered"]
    out = np.empty((6, 2 * k))
    out[0] = np.bincount(key, minlength=2 * k)
    for j, name in enumerate(MONEY, start=1):
        out[j] = np.bincount(key, weights=c[name], minlength=2 * k)
    return out


def numpy_add_at(c, k):
    key = c["segment_index"].astype(np.intp) * 2 + c["am_covered"]
    out = np.zeros((6, 2 * k))
    np.add.at(out[0], key, 1.0)
    for j, name in enumerate(MONEY, start=1):
        np.add.at(out[j], key, c[name])
    return out


class CDirect:
    """amsize_totals_add through bare ctypes: addresses taken once, no checks."""

    def __init__(self, c, k):
        lib = ctypes.CDLL(amsize.library_path)
        self.init = lib.amsize_totals_init_
        self.init.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]
        self.add = lib.amsize_totals_add
        self.add.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_void_p,
                             ctypes.c_size_t] + [ctypes.c_void_p] * 6
        self.size = lib.amsize_struct_size(9)  # AMSIZE_STRUCT_TOTALS
        self.k = k
        self.buf = (ctypes.c_char * (self.size * k))()
        self.rows = len(c["segment_index"])
        self.ptrs = [c[n].ctypes.data for n in
                     ("segment_index", "arr", "upsell", "cross_sell", "churn",
                      "service_weight", "am_covered")]

    def __call__(self):
        self.init(self.buf, self.k, self.size)
        p = self.ptrs
        st = self.add(self.buf, self.k, None, p[0], self.rows, *p[1:])
        if st != 0:
            raise RuntimeError("amsize_totals_add: status %d" % st)


def check(tot, ref, k):
    for s in range(k):
        for part, name in ((0, "uncovered"), (1, "covered")):
            seg = tot.segment(s, part=name)
            got = [seg.accounts, seg.weighted_accounts, seg.book, seg.upsell, seg.cross_sell,
                   seg.churn]
            want = ref[:, 2 * s + part]
            for g, w in zip(got, want):
                if abs(g - w) > 1e-9 * max(1.0, abs(w)):
                    sys.exit("py_totals: binding and numpy differ: segment %d %s: %r vs %r"
                             % (s, name, got, list(want)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,1000000,10000000")
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--segments", type=int, default=3)
    ap.add_argument("--add-at-max", type=int, default=10 ** 7,
                    help="largest size at which numpy.add.at (slow) runs")
    a = ap.parse_args()
    k = a.segments
    print("workload,case,method,size,rep,seconds,items")
    for n in (int(s) for s in a.sizes.split(",")):
        c = make_columns(n, k, a.seed)
        direct = CDirect(c, k)
        methods = {
            "binding_totals": lambda: amsize.totals(**c),
            "binding_add": lambda: amsize.Totals(k).add(**c),
            "c_direct": direct,
            "numpy_bincount": lambda: numpy_bincount(c, k),
        }
        if n <= a.add_at_max:
            methods["numpy_add_at"] = lambda: numpy_add_at(c, k)
        ref = numpy_bincount(c, k)
        check(amsize.totals(**c), ref, k)
        check(amsize.Totals(k).add(**c), ref, k)
        if n <= a.add_at_max and not np.allclose(numpy_add_at(c, k), ref, rtol=1e-9):
            sys.exit("py_totals: numpy.add.at and numpy.bincount differ")
        for fn in methods.values():  # warm-up
            fn()
        inner = max(1, 2000000 // n)
        names = list(methods)
        for rep in range(a.reps):
            for j in range(len(names)):
                name = names[(j + rep) % len(names)]
                fn = methods[name]
                t0 = time.perf_counter()
                for _ in range(inner):
                    fn()
                dt = time.perf_counter() - t0
                print("binding,numpy,%s,%d,%d,%.9f,%d" % (name, n, rep, dt, n * inner))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
