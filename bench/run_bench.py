#!/usr/bin/python3
"""make bench: runs every libamsize benchmark and writes the results.

  1 totals   amsize_totals_add() (whole arrays, 4096-row chunks) against a
             plain summing loop, in-process (bench/amsize-bench)
  2 command  `amsize chart --accounts` on a CSV file against `wc -l`, a
             standard-library Python script and pandas (child processes;
             peak memory from wait4's rusage)
  3 binding  the Python binding's totals against numpy and against the C
             library called directly (bench/py_totals.py)
  4 chart    amsize_chart_compute() per segment, and the scalar functions
             per call (bench/amsize-bench)
  5 plan     the hiring plan: amsize_plan_compute() over 1,000 segments x
             600 months and amsize_plan_total() (bench/amsize-bench), and
             `amsize plan` on a generated SEGMENTS.csv when the command
             has it, in turns
  6 evaluate `amsize evaluate` against `amsize chart --accounts` on the
             same file, 10^7 accounts over a roster of 5x10^4 AMs (and
             10^6 accounts over the same roster, for the memory), in turns

Competitors always run in the same run, interleaved and repeated; the
summary gives medians, min/max and ratios of medians (with the min/max of
the per-repetition ratios). Results go to --out: results.json (everything),
results.csv (one row per figure), samples.csv (every timed sample) and
table.md (the tables of bench/README.md). See bench/README.md.
"""
import argparse
import csv
import datetime
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SIZES = (10 ** 5, 10 ** 6, 10 ** 7)
# The hiring plan's size (issue 15), and its goals in seconds.
PLAN_SEGMENTS, PLAN_MONTHS = 1000, 600
PLAN_GOAL_LIBRARY, PLAN_GOAL_COMMAND = 1.0, 2.0
# The evaluation's size (issue 12): accounts, AMs and the share of accounts
# without an AM; its goals: evaluate's time at most 2x chart's on the same
# file, and its memory beyond chart's O(AMs + segments), i.e. no growth
# (below 4 MiB) when the accounts grow tenfold over the same roster.
EVAL_ACCOUNTS, EVAL_AMS, EVAL_UNCOVERED = 10 ** 7, 5 * 10 ** 4, 0.2
EVAL_GOAL_RATIO, EVAL_GOAL_GROWTH_MIB = 2.0, 4.0


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------- machine

def first_line(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def machine(a):
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    versions = {"python": platform.python_version()}
    for mod in ("numpy", "pandas"):
        try:
            versions[mod] = __import__(mod).__version__
        except ImportError:
            versions[mod] = None
    return {
        "cpu_model": model,
        "cores": os.cpu_count(),
        "kernel": platform.release(),
        "compiler": first_line(a.cc.split() + ["--version"]),
        "cflags": a.cflags,
        "date_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "loadavg_start": os.getloadavg()[0],
        **versions,
    }


# ---------------------------------------------------------------- samples

class Samples:
    """Every timed sample: (workload, case, method, size, rep) -> seconds,
    items and, for child processes, peak RSS in KiB."""

    def __init__(self):
        self.rows = []

    def add(self, workload, case, method, size, rep, seconds, items, maxrss_kib=""):
        self.rows.append(dict(workload=workload, case=case, method=method, size=int(size),
                              rep=int(rep), seconds=float(seconds), items=float(items),
                              maxrss_kib=maxrss_kib))

    def add_csv(self, text):
        for r in csv.DictReader(io.StringIO(text)):
            self.add(r["workload"], r["case"], r["method"], r["size"], r["rep"],
                     r["seconds"], r["items"])

    def select(self, workload, method, size):
        return [r for r in self.rows
                if r["workload"] == workload and r["method"] == method and r["size"] == size]

    def keys(self, workload):
        seen = []
        for r in self.rows:
            k = (r["method"], r["size"])
            if r["workload"] == workload and k not in seen:
                seen.append(k)
        return seen

    def write(self, path):
        with open(path, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(self.rows[0]) if self.rows else ["workload"])
            w.writeheader()
            w.writerows(self.rows)


def run(cmd, env=None):
    log("$ " + " ".join(cmd))
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        sys.exit("bench: %s failed with status %d" % (cmd[0], p.returncode))
    return p.stdout


def timed_child(cmd, stdout_path, env=None, rss_file=None):
    """Runs cmd with stdout to a file; returns (wall seconds, peak RSS in
    KiB). The peak comes from /usr/bin/time (GNU time, getrusage of its
    child): the rusage of a child of this Python process would include the
    Python process it was forked from, which Linux counts across exec. GNU
    time writes it to rss_file (default: stdout_path + ".rss"; give one
    when stdout_path is /dev/null)."""
    rss_file = rss_file or stdout_path + ".rss"
    full = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd
    with open(stdout_path, "w") as out, open(os.devnull, "w") as err:
        t0 = time.perf_counter()
        rc = subprocess.call(full, stdout=out, stderr=err, env=env)
        dt = time.perf_counter() - t0
    if rc != 0:
        sys.exit("bench: %s failed with status %d" % (" ".join(cmd), rc))
    with open(rss_file) as f:
        rss = int(f.read().split()[-1])
    return dt, rss


# -------------------------------------------------------------- workloads

def libtool_binary(builddir, rel):
    """The real binary of an uninstalled libtool program (so that timings
    and peak memory are not the wrapper script's), and its environment."""
    env = dict(os.environ)
    libs = os.path.join(builddir, "lib", ".libs")
    d, name = os.path.split(os.path.join(builddir, rel))
    for cand in (os.path.join(d, ".libs", name), os.path.join(d, ".libs", "lt-" + name)):
        if os.path.exists(cand):
            env["LD_LIBRARY_PATH"] = libs + os.pathsep + env.get("LD_LIBRARY_PATH", "")
            return cand, env
    return os.path.join(d, name), env


def workload_c(a, samples, sizes):
    exe, env = libtool_binary(a.builddir, "bench/amsize-bench")
    common = ["--sizes", ",".join(map(str, sizes)), "--seed", str(a.seed)]
    if "totals" in a.workloads and not a.alt_builddir:
        samples.add_csv(run([exe, "--workloads", "totals", "--reps", str(a.reps)] + common,
                            env))
    elif "totals" in a.workloads:
        # A candidate fix built elsewhere: its amsize-bench and this one run
        # in turns, one repetition each, so that both see the same load;
        # its methods get the suffix _alt.
        alt, alt_env = libtool_binary(a.alt_builddir, "bench/amsize-bench")
        for rep in range(a.reps):
            for x, e, suffix in ((exe, env, ""), (alt, alt_env, "_alt")):
                out = run([x, "--workloads", "totals", "--reps", "1"] + common, e)
                for r in csv.DictReader(io.StringIO(out)):
                    samples.add(r["workload"], r["case"], r["method"] + suffix, r["size"], rep,
                                r["seconds"], r["items"])
    if "chart" in a.workloads:
        cmd = [exe, "--workloads", "chart,scalar", "--reps", str(a.reps)] + common
        if a.tiny:
            cmd += ["--scalar-calls", "10000", "--chart-max", "1000"]
        samples.add_csv(run(cmd, env))


def workload_binding(a, samples, sizes):
    lib = os.path.join(a.builddir, "lib", ".libs", "libamsize.so.0")
    pkg = os.path.join(a.srcdir, "bindings", "python")
    if not os.path.exists(os.path.join(pkg, "amsize", "__init__.py")):
        log("workload 3 skipped: no Python binding in %s" % pkg)
        return
    if not os.path.exists(lib):
        log("workload 3 skipped: no shared library %s" % lib)
        return
    env = dict(os.environ, AMSIZE_LIBRARY=lib,
               PYTHONPATH=pkg + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [a.python, os.path.join(a.srcdir, "bench", "py_totals.py"),
           "--sizes", ",".join(map(str, sizes)), "--reps", str(a.reps), "--seed", str(a.seed),
           "--add-at-max", str(a.add_at_max)]
    samples.add_csv(run(cmd, env))


def generate(a, directory, n):
    """ACCOUNTS.csv of n accounts and its SEGMENTS.csv, from the project's
    generator."""
    gen, env = libtool_binary(a.builddir, "tools/amsize-gen")
    for name, args in (("accounts.csv", ["--accounts", str(n), "--seed", str(a.seed)]),
                       ("segments.csv", ["--print-segments"])):
        log("$ amsize-gen %s > %s" % (" ".join(args), name))
        with open(os.path.join(directory, name), "w") as out:
            subprocess.run([gen] + args, stdout=out, env=env, check=True)
    return "amsize-gen"


def read_totals(path):
    """segment -> (accounts, book) from a chart CSV or a competitor's CSV."""
    with open(path, newline="") as f:
        return {r["segment"]: (float(r["accounts"]), float(r["book"]))
                for r in csv.DictReader(f) if r["segment"] != "TOTAL"}


def workload_command(a, samples, sizes, meta):
    amsize, env = libtool_binary(a.builddir, "tools/amsize")
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bench: workload 2 needs /usr/bin/time (Debian package time)")
    if not os.path.exists(amsize):
        log("workload 2 skipped: the amsize command is not built")
        return
    tmp = tempfile.mkdtemp(prefix="amsize-bench-", dir=a.tmpdir)
    try:
        for n in sizes:
            gen = generate(a, tmp, n)
            meta["generator"] = gen
            acc = os.path.join(tmp, "accounts.csv")
            seg = os.path.join(tmp, "segments.csv")
            nbytes = os.path.getsize(acc)
            meta.setdefault("file_bytes", {})[str(n)] = nbytes
            envs = {}
            tools = {
                "amsize": [amsize, "chart", "-q", "-f", "csv", "-s", seg, "-a", acc],
                "wc_l": ["wc", "-l", acc],
                "python_csv": [a.python, os.path.join(a.srcdir, "bench", "py_csv_chart.py"),
                               seg, acc],
                "pandas": [a.python, os.path.join(a.srcdir, "bench", "pandas_chart.py"),
                           seg, acc],
            }
            if a.alt_builddir:
                alt, alt_env = libtool_binary(a.alt_builddir, "tools/amsize")
                tools["amsize_alt"] = [alt, "chart", "-q", "-f", "csv", "-s", seg, "-a", acc]
                envs["amsize_alt"] = alt_env
            # Warm-up, which also reads the file into the page cache, and the
            # check that every competitor computed the same totals.
            outs = {}
            for name, cmd in tools.items():
                outs[name] = os.path.join(tmp, name + ".out")
                timed_child(cmd, outs[name], envs.get(name, env))
            ref = read_totals(outs["amsize"])
            for name in [t for t in tools if t not in ("amsize", "wc_l")]:
                got = read_totals(outs[name])
                for s, (cnt, book) in ref.items():
                    g = got.get(s)
                    if g is None or g[0] != cnt or abs(g[1] - book) > 1e-9 * max(1, book):
                        sys.exit("bench: %s and amsize disagree on segment %s: %r vs %r"
                                 % (name, s, g, (cnt, book)))
            reps = a.reps if n < 10 ** 7 else min(a.reps, a.reps_large)
            names = list(tools)
            for rep in range(reps):
                for j in range(len(names)):
                    name = names[(j + rep) % len(names)]
                    dt, rss = timed_child(tools[name], os.path.join(tmp, "out"),
                                          envs.get(name, env))
                    samples.add("command", "csv", name, n, rep, dt, nbytes, rss)
            log("command, %d accounts: done" % n)
            os.remove(acc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


PLAN_HEADER = ("segment,am_productivity,am_cost,max_load,support_rating,accounts,book,upsell,"
               "cross_sell,churn,attrition,time_to_fill,ramp_months,current_ams")


def plan_segments_csv(a, path, n, amsize, env):
    """SEGMENTS.csv of n random segments, drawn as amsize-bench draws them
    (book 10^6..10^8, 10..5,010 accounts, productivity 0.5..1.5 M, cost
    100..200 k, max load 10..500, support 1..5; attrition 0..40%, time to
    fill 0..6, ramp 0..9 months) from Python's generator with the seed, and
    current_ams 0 to 1.5 times the segment's headcount, which the chart
    command gives for the same rows first."""
    import random
    rng = random.Random(a.seed)
    rows = []
    for i in range(n):
        book = 1e6 * (1 + 99 * rng.random())
        rows.append(dict(
            segment="S%04d" % (i + 1), am_productivity="%.2f" % (1e6 * (0.5 + rng.random())),
            am_cost="%.2f" % (1e5 * (1 + rng.random())), max_load="%.3f" % (10 + 490 * rng.random()),
            support_rating=1 + int(rng.random() * 5), accounts=10 + int(rng.random() * 5000),
            book="%.2f" % book, upsell="%.2f" % (book * 0.15 * rng.random()),
            cross_sell="%.2f" % (book * 0.10 * rng.random()),
            churn="%.2f" % (book * 0.10 * rng.random()),
            attrition="%.4f" % (0.4 * rng.random()), time_to_fill=int(rng.random() * 7),
            ramp_months=int(rng.random() * 10)))
    cols = PLAN_HEADER.split(",")
    chart_cols = cols[:cols.index("churn") + 1]
    with open(path, "w") as f:
        f.write(",".join(chart_cols) + "\n")
        for r in rows:
            f.write(",".join(str(r[c]) for c in chart_cols) + "\n")
    chart = run([amsize, "chart", "-q", "-f", "csv", "-s", path], env)
    hc = {r["segment"]: int(r["headcount"]) for r in csv.DictReader(io.StringIO(chart))}
    with open(path, "w") as f:
        f.write(PLAN_HEADER + "\n")
        for r in rows:
            r["current_ams"] = int(1.5 * hc[r["segment"]] * rng.random())
            f.write(",".join(str(r[c]) for c in cols) + "\n")


def plan_command_missing(amsize, env, seg):
    """None when the built amsize has the plan command, else why not. The
    exit status of `amsize plan --help` alone does not tell: the command
    handles --help while reading options, before it looks at the command
    name, so any `amsize WORD --help` exits 0. A one-month plan of the
    generated file must succeed too."""
    if not os.path.exists(amsize):
        return "the amsize command is not built"
    p = subprocess.run([amsize, "plan", "--help"], capture_output=True, text=True, env=env)
    if p.returncode != 0:
        return "`amsize plan --help` exits with status %d" % p.returncode
    p = subprocess.run([amsize, "plan", "--segments", seg, "--horizon", "1", "-f", "csv"],
                       capture_output=True, text=True, env=env)
    if p.returncode != 0:
        why = (p.stderr.strip().splitlines() or ["no message"])[0]
        return ("`amsize plan --help` exits 0, but a one-month plan exits with status %d (%s)"
                % (p.returncode, why))
    return None


def workload_plan(a, samples, meta):
    """The library's plan (amsize-bench, both variants) and, when it has
    the plan command, `amsize plan` on the same number of segments, in
    turns: one repetition of each, the order swapping every repetition."""
    n, h = a.plan_segments, a.plan_months
    case = "%d_months" % h
    meta["plan"] = {"segments": n, "months": h}
    exe, env = libtool_binary(a.builddir, "bench/amsize-bench")
    lib_cmd = [exe, "--workloads", "plan", "--reps", "1", "--seed", str(a.seed),
               "--plan-segments", str(n), "--plan-months", str(h)]
    amsize, aenv = libtool_binary(a.builddir, "tools/amsize")
    tmp = tempfile.mkdtemp(prefix="amsize-bench-plan-", dir=a.tmpdir)
    try:
        tool = None
        seg = os.path.join(tmp, "segments.csv")
        if os.path.exists(amsize):
            plan_segments_csv(a, seg, n, amsize, aenv)
        missing = plan_command_missing(amsize, aenv, seg)
        if missing:
            log("plan: the command is skipped: %s" % missing)
            meta["plan"]["command_skipped"] = missing
        else:
            if not os.path.exists("/usr/bin/time"):
                sys.exit("bench: workload 5 needs /usr/bin/time (Debian package time)")
            tool = [amsize, "plan", "--segments", seg, "--horizon", str(h), "-f", "csv"]
            # Warm-up, and the check that the whole plan was written: the
            # long form has one row per segment and month, no total row.
            out = os.path.join(tmp, "plan.csv")
            timed_child(tool, out, aenv)
            with open(out) as f:
                head = f.readline()
                lines = 1 + sum(1 for _ in f)
            if not head.startswith("segment,month,") or lines != 1 + n * h:
                sys.exit("bench: amsize plan wrote %d lines with the header %r; expected %d "
                         "(segment,month,... and one row per segment and month)"
                         % (lines, head.strip(), 1 + n * h))
            meta["plan"]["command_output_bytes"] = os.path.getsize(out)
            os.remove(out)
        for rep in range(a.reps):
            steps = ["library"] + (["command"] if tool else [])
            if rep % 2:
                steps.reverse()
            for step in steps:
                if step == "library":
                    for r in csv.DictReader(io.StringIO(run(lib_cmd, env))):
                        samples.add(r["workload"], r["case"], r["method"], r["size"], rep,
                                    r["seconds"], r["items"])
                else:
                    dt, rss = timed_child(tool, os.devnull, aenv,
                                          rss_file=os.path.join(tmp, "rss"))
                    samples.add("plan", case, "amsize_command", n, rep, dt, n * h, rss)
        log("plan, %d segments x %d months: done" % (n, h))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def gen_file(a, path, args):
    """One file from the project's generator."""
    gen, env = libtool_binary(a.builddir, "tools/amsize-gen")
    log("$ amsize-gen %s > %s" % (" ".join(args), os.path.basename(path)))
    with open(path, "w") as out:
        subprocess.run([gen] + args, stdout=out, env=env, check=True)


def csv_rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def evaluate_check(chart_out, eval_out, n, m):
    """The warm-up outputs agree: the chart counted n accounts, and the
    evaluation has m AMs and, per segment, the chart's accounts split into
    covered and uncovered ones. None when they do, else what is wrong."""
    chart = {r["segment"]: int(r["accounts"]) for r in csv_rows(chart_out)}
    if chart.get("TOTAL") != n:
        return "the chart counted %r accounts, not %d" % (chart.get("TOTAL"), n)
    rows = csv_rows(eval_out)
    if not rows or "accounts_covered" not in rows[0] or "ams" not in rows[0]:
        return "evaluate wrote no segment table (segment,ams,...,accounts_covered,...)"
    if sum(int(r["ams"]) for r in rows) != m:
        return "evaluate counted %d AMs, not %d" % (sum(int(r["ams"]) for r in rows), m)
    for r in rows:
        got = int(r["accounts_covered"]) + int(r["accounts_uncovered"])
        if got != chart.get(r["segment"]):
            return ("segment %s: %d accounts covered and uncovered, the chart has %r"
                    % (r["segment"], got, chart.get(r["segment"])))
    return None


def workload_evaluate(a, samples, meta):
    """`amsize evaluate -f csv` against `amsize chart -f csv` on the same
    ACCOUNTS.csv (with am_id and csm_covered) and roster, at a.eval_accounts
    and a tenth of it over the same roster (the memory beyond chart's must
    not grow with the accounts), in turns: one repetition of each, the
    order swapping every repetition, stdout to /dev/null, peak memory from
    GNU time."""
    n, m, u = a.eval_accounts, a.eval_ams, a.eval_uncovered
    sizes = sorted({max(1, n // 10), n})
    meta["generator"] = "amsize-gen"
    info = meta["evaluate"] = {"accounts": n, "ams": m, "uncovered": u, "sizes": sizes,
                               "file_bytes": {}}
    amsize, env = libtool_binary(a.builddir, "tools/amsize")
    if not os.path.exists(amsize):
        log("evaluate skipped: the amsize command is not built")
        info["command_skipped"] = "the amsize command is not built"
        return
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bench: workload 6 needs /usr/bin/time (Debian package time)")
    tmp = tempfile.mkdtemp(prefix="amsize-bench-eval-", dir=a.tmpdir)
    try:
        seg, ams = os.path.join(tmp, "segments.csv"), os.path.join(tmp, "ams.csv")
        acc = os.path.join(tmp, "accounts.csv")
        roster = ["--ams", str(m), "--seed", str(a.seed), "--uncovered", repr(u)]
        gen_file(a, seg, ["--print-segments"])
        gen_file(a, ams, ["--print-ams"] + roster)
        per = info["ams_per_segment"] = {}
        for r in csv_rows(ams):
            per[r["segment"]] = per.get(r["segment"], 0) + 1
        tools = {
            "amsize_evaluate": [amsize, "evaluate", "-q", "-f", "csv", "-s", seg, "-a", acc,
                                "--ams", ams],
            "amsize_chart": [amsize, "chart", "-q", "-f", "csv", "-s", seg, "-a", acc],
        }
        for size in sizes:
            gen_file(a, acc, ["--accounts", str(size)] + roster)
            info["file_bytes"][str(size)] = os.path.getsize(acc)
            # Warm-up, which also reads the file into the page cache. The
            # command is timed only when it ran and agrees with the chart
            # (`amsize WORD --help` exits 0 for any WORD, so --help tells
            # nothing; see plan_command_missing).
            outs = {}
            for name, cmd in tools.items():
                outs[name] = os.path.join(tmp, name + ".out")
                with open(outs[name], "w") as out:
                    p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True,
                                       env=env)
                if p.returncode != 0:
                    why = (p.stderr.strip().splitlines() or ["no message"])[0]
                    why = "`amsize %s` exits with status %d (%s)" % (cmd[1], p.returncode, why)
                    if name == "amsize_chart":
                        sys.exit("bench: " + why)
                    log("evaluate skipped: " + why)
                    info["command_skipped"] = why
                    return
            wrong = evaluate_check(outs["amsize_chart"], outs["amsize_evaluate"], size, m)
            if wrong:
                sys.exit("bench: evaluate, %d accounts: %s" % (size, wrong))
            if size == n:
                info["covered"] = sum(int(r["accounts_covered"])
                                      for r in csv_rows(outs["amsize_evaluate"]))
            reps = a.reps if size < 10 ** 7 else min(a.reps, a.reps_large)
            names = list(tools)
            for rep in range(reps):
                for j in range(len(names)):
                    name = names[(j + rep) % len(names)]
                    dt, rss = timed_child(tools[name], os.devnull, env,
                                          rss_file=os.path.join(tmp, "rss"))
                    samples.add("evaluate", "csv", name, size, rep, dt, size, rss)
            os.remove(acc)
            log("evaluate, %d accounts, %d AMs: done" % (size, m))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def evaluate_memory(res):
    """Per size of the evaluate workload: peak RSS of chart and evaluate
    (MiB), evaluate's beyond chart's (MiB) and that per AM (bytes)."""
    ev = res["meta"].get("evaluate")
    fig = {(f["workload"], f["method"], f["size"]): f for f in res["figures"]}
    out = {}
    for n in (ev or {}).get("sizes", []):
        c = fig.get(("evaluate", "amsize_chart", n))
        e = fig.get(("evaluate", "amsize_evaluate", n))
        if c and e and c["maxrss_mib"] is not None and e["maxrss_mib"] is not None:
            extra = e["maxrss_mib"] - c["maxrss_mib"]
            out[n] = dict(chart=c["maxrss_mib"], evaluate=e["maxrss_mib"], extra=extra,
                          per_am=extra * 1048576 / ev["ams"] if ev["ams"] else None)
    return out


# ---------------------------------------------------------------- summary

def med(xs):
    return statistics.median(xs) if xs else float("nan")


def summarise(samples, workload, unit, scale):
    """One figure per (method, size): median rate and its min/max over the
    repetitions, plus the median peak RSS where measured."""
    out = []
    for method, size in samples.keys(workload):
        rows = samples.select(workload, method, size)
        rates = [r["items"] / r["seconds"] * scale for r in rows]
        rss = [r["maxrss_kib"] for r in rows if r["maxrss_kib"] != ""]
        out.append(dict(workload=workload, method=method, size=size, unit=unit, n=len(rates),
                        median=med(rates), min=min(rates), max=max(rates),
                        seconds_median=med([r["seconds"] for r in rows]),
                        maxrss_mib=(max(rss) / 1024.0 if rss else None)))
    return out


def ratio(samples, workload, num, den, size):
    """How many times faster num is than den (den time / num time): the
    ratio of the medians, and the min/max of the per-repetition ratios (the
    competitors of one repetition ran back to back)."""
    a = {r["rep"]: r["seconds"] / r["items"] for r in samples.select(workload, num, size)}
    b = {r["rep"]: r["seconds"] / r["items"] for r in samples.select(workload, den, size)}
    if not a or not b:
        return None
    per = [b[k] / a[k] for k in a if k in b]
    return dict(workload=workload, method=num, versus=den, size=size,
                ratio=med(list(b.values())) / med(list(a.values())),
                min=min(per), max=max(per))


def fmt_rate(x):
    for div, suf in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if x >= div:
            return "%.3g%s" % (x / div, suf)
    return "%.3g" % x


def fmt_size(n):
    return "10^%d" % (len(str(n)) - 1) if str(n).strip("0") == "1" else str(n)


def build_tables(res):
    fig = {(f["workload"], f["method"], f["size"]): f for f in res["figures"]}
    rat = {(r["workload"], r["method"], r["versus"], r["size"]): r for r in res["ratios"]}
    lines = []

    def table(title, head, rows):
        if not rows:
            return
        lines.append("**%s**\n" % title)
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * len(head))
        lines.extend("| " + " | ".join(r) + " |" for r in rows)
        lines.append("")

    def cell(wl, m, n, unit=""):
        f = fig.get((wl, m, n))
        if not f:
            return "–"
        return "%s%s (%s–%s)" % (fmt_rate(f["median"]), unit, fmt_rate(f["min"]),
                                  fmt_rate(f["max"]))

    def rcell(wl, m, v, n, inverse=False):
        r = rat.get((wl, m, v, n))
        if not r:
            return "–"
        if inverse:  # how many times slower m is than v
            return "%.2fx (%.2f–%.2f)" % (1 / r["ratio"], 1 / r["max"], 1 / r["min"])
        return "%.2fx (%.2f–%.2f)" % (r["ratio"], r["min"], r["max"])

    sizes = sorted({f["size"] for f in res["figures"] if f["workload"] == "totals"})
    table("1. Totals from in-memory columns: accounts/s, median (min–max); time "
          "relative to the plain loop (goal <= 2x)",
          ["accounts", "plain loop", "amsize whole", "amsize 4096-row chunks",
           "whole / plain", "chunked / plain"],
          [[fmt_size(n), cell("totals", "plain_loop", n), cell("totals", "amsize_whole", n),
            cell("totals", "amsize_chunked", n),
            rcell("totals", "amsize_whole", "plain_loop", n, True),
            rcell("totals", "amsize_chunked", "plain_loop", n, True)] for n in sizes])

    sizes = sorted({f["size"] for f in res["figures"] if f["workload"] == "command"})
    rows = []
    for n in sizes:
        def rss(m):
            f = fig.get(("command", m, n))
            return "%.0f" % f["maxrss_mib"] if f and f["maxrss_mib"] is not None else "–"
        rows.append([fmt_size(n), "%.3g" % (res["meta"]["file_bytes"][str(n)] / 1e6),
                     cell("command", "amsize", n), cell("command", "wc_l", n),
                     cell("command", "python_csv", n), cell("command", "pandas", n),
                     rcell("command", "amsize", "wc_l", n, True),
                     rcell("command", "amsize", "python_csv", n),
                     rcell("command", "amsize", "pandas", n),
                     " / ".join(rss(m) for m in ("amsize", "wc_l", "python_csv", "pandas"))])
    table("2. `amsize chart --accounts` on a CSV file: MB/s, median (min–max); speed-up of "
          "amsize (goals: >= 10x Python csv, >= 3x pandas at 10^6 and 10^7)",
          ["accounts", "MB", "amsize", "wc -l", "Python csv", "pandas",
           "amsize time / wc -l", "vs Python csv", "vs pandas",
           "peak RSS MiB amsize / wc / csv / pandas"], rows)

    sizes = sorted({f["size"] for f in res["figures"] if f["workload"] == "binding"})
    table("3. Python binding totals on numpy columns: accounts/s, median (min–max); "
          "binding time relative to C (goal <= 1.5x at 10^6)",
          ["accounts", "amsize.totals()", "Totals.add()", "C direct (ctypes)",
           "numpy bincount", "numpy add.at", "totals() / C direct",
           "totals() / amsize-bench (wl 1)", "bincount speed-up over totals()"],
          [[fmt_size(n), cell("binding", "binding_totals", n),
            cell("binding", "binding_add", n), cell("binding", "c_direct", n),
            cell("binding", "numpy_bincount", n), cell("binding", "numpy_add_at", n),
            rcell("binding", "binding_totals", "c_direct", n, True),
            ("%.2fx" % (fig[("totals", "amsize_whole", n)]["median"] /
                        fig[("binding", "binding_totals", n)]["median"])
             if ("totals", "amsize_whole", n) in fig else "–"),
            rcell("binding", "numpy_bincount", "binding_totals", n)] for n in sizes])

    rows = []
    for n in sorted({f["size"] for f in res["figures"]
                     if f["method"] in ("amsize_whole_alt", "amsize_alt")}):
        rows.append([fmt_size(n), rcell("totals", "amsize_whole", "plain_loop", n, True),
                     rcell("totals", "amsize_whole_alt", "plain_loop_alt", n, True),
                     cell("command", "amsize", n), cell("command", "amsize_alt", n),
                     rcell("command", "amsize_alt", "amsize", n),
                     rcell("command", "amsize_alt", "python_csv", n),
                     rcell("command", "amsize_alt", "pandas", n)])
    table("Candidate fixes (--alt-builddir): totals time relative to the plain loop of the "
          "same build; command MB/s and speed-ups of the candidate",
          ["accounts", "whole / plain", "alt whole / plain", "amsize MB/s", "alt MB/s",
           "alt vs amsize", "alt vs Python csv", "alt vs pandas"], rows)

    rows = []
    for f in res["figures"]:
        if f["workload"] == "chart":
            rows.append(["chart, %d segments" % f["size"],
                         "%.0f (%.0f–%.0f)" % (1e9 / f["median"], 1e9 / f["max"],
                                               1e9 / f["min"]), "ns per segment"])
    for f in sorted((f for f in res["figures"] if f["workload"] == "scalar"),
                    key=lambda f: -f["median"]):
        rows.append(["amsize_%s_calc" % f["method"],
                     "%.1f (%.1f–%.1f)" % (1e9 / f["median"], 1e9 / f["max"], 1e9 / f["min"]),
                     "ns per call"])
    table("4. Chart per segment and scalar functions per call: median (min–max)",
          ["what", "ns", "unit"], rows)

    plan = res["meta"].get("plan")
    if plan:
        n, h = plan["segments"], plan["months"]
        rows = []
        for m, what in (("amsize_plan", "library: `amsize_plan_compute()` per segment + "
                         "`amsize_plan_total()`, current_ams"),
                        ("amsize_plan_roster50", "library, the same with a 50-AM roster per "
                         "segment"),
                        ("amsize_command", "`amsize plan --horizon %d -f csv` > /dev/null" % h)):
            f = fig.get(("plan", m, n))
            if not f:
                if m == "amsize_command" and plan.get("command_skipped"):
                    rows.append([what, "skipped: " + plan["command_skipped"], "–", "–", "–"])
                continue
            items = float(n * h)
            rows.append([what,
                         "%.3g (%.3g–%.3g)" % (f["seconds_median"], items / f["max"],
                                               items / f["min"]),
                         "%.0f (%.0f–%.0f)" % (1e9 / f["median"], 1e9 / f["max"],
                                               1e9 / f["min"]),
                         "1.00x" if m == "amsize_plan"
                         else rcell("plan", m, "amsize_plan", n, True),
                         "%.0f" % f["maxrss_mib"] if f["maxrss_mib"] is not None else "–"])
        table("5. Hiring plan, %s segments x %d months: seconds per whole plan and ns per "
              "segment-month, median (min–max) (goals at 1,000 x 600: library <= %g s, "
              "command <= %g s)" % (format(n, ","), h, PLAN_GOAL_LIBRARY, PLAN_GOAL_COMMAND),
              ["what", "seconds", "ns per segment-month", "time relative to the library",
               "peak RSS MiB"], rows)

    ev = res["meta"].get("evaluate")
    if ev and ev.get("command_skipped"):
        lines.append("**6. `amsize evaluate`: skipped: %s**\n" % ev["command_skipped"])
    elif ev:
        mem = evaluate_memory(res)
        rows = []
        for n in ev["sizes"]:
            c = fig.get(("evaluate", "amsize_chart", n))
            e = fig.get(("evaluate", "amsize_evaluate", n))
            if not c or not e:
                continue
            mm = mem.get(n)
            rows.append([fmt_size(n), format(ev["ams"], ","),
                         "%.3g" % (ev["file_bytes"][str(n)] / 1e6),
                         "%.3g (%.3g–%.3g)" % (c["seconds_median"], n / c["max"], n / c["min"]),
                         "%.3g (%.3g–%.3g)" % (e["seconds_median"], n / e["max"], n / e["min"]),
                         cell("evaluate", "amsize_evaluate", n),
                         rcell("evaluate", "amsize_evaluate", "amsize_chart", n, True),
                         "%.0f / %.0f" % (mm["chart"], mm["evaluate"]) if mm else "–",
                         "%.1f" % mm["extra"] if mm else "–",
                         "%.0f" % mm["per_am"] if mm and mm["per_am"] is not None else "–"])
        table("6. `amsize evaluate -f csv` against `amsize chart --accounts -f csv` on the same "
              "file (%s%% of the accounts without an AM), in turns: seconds, median (min–max); "
              "goals at 10^7 accounts and 5x10^4 AMs: evaluate time <= %gx chart's, memory "
              "beyond chart's O(AMs + segments)"
              % (format(100 * ev["uncovered"], "g"), EVAL_GOAL_RATIO),
              ["accounts", "AMs", "MB", "chart s", "evaluate s", "evaluate accounts/s",
               "evaluate time / chart time", "peak RSS MiB chart / evaluate",
               "evaluate − chart MiB", "bytes per AM"], rows)
    return "\n".join(lines)


def goals(res):
    rat = {(r["workload"], r["method"], r["versus"], r["size"]): r for r in res["ratios"]}
    fig = {(f["workload"], f["method"], f["size"]): f for f in res["figures"]}
    out = []

    def goal(name, key, limit, slower):
        """slower: the figure is how many times slower (<= limit), else how
        many times faster (>= limit)."""
        r = rat.get(key)
        if r:
            v = 1 / r["ratio"] if slower else r["ratio"]
            out.append(dict(goal=name, size=key[3], value=v,
                            met=v <= limit if slower else v >= limit))

    for n in SIZES:
        for m in ("amsize_whole", "amsize_chunked"):
            goal("%s time / plain loop time <= 2" % m, ("totals", m, "plain_loop", n), 2, True)
    for n in (10 ** 6, 10 ** 7):
        goal("amsize speed-up over the Python csv script >= 10",
             ("command", "amsize", "python_csv", n), 10, False)
        goal("amsize speed-up over pandas >= 3", ("command", "amsize", "pandas", n), 3, False)
    goal("binding totals() time / C direct time <= 1.5",
         ("binding", "binding_totals", "c_direct", 10 ** 6), 1.5, True)
    plan = res["meta"].get("plan")
    if plan and (plan["segments"], plan["months"]) == (PLAN_SEGMENTS, PLAN_MONTHS):
        for m, limit, what in (
                ("amsize_plan", PLAN_GOAL_LIBRARY, "library plan (current_ams), seconds"),
                ("amsize_plan_roster50", PLAN_GOAL_LIBRARY,
                 "library plan (50-AM rosters), seconds"),
                ("amsize_command", PLAN_GOAL_COMMAND,
                 "`amsize plan -f csv` to /dev/null, seconds")):
            f = fig.get(("plan", m, PLAN_SEGMENTS))
            if f:
                v = f["seconds_median"]
                out.append(dict(goal="%s <= %g" % (what, limit), size=PLAN_SEGMENTS,
                                where="%s segments x %d months"
                                % (format(PLAN_SEGMENTS, ","), PLAN_MONTHS),
                                value=v, met=v <= limit))
    ev = res["meta"].get("evaluate")
    if ev and (ev["accounts"], ev["ams"]) == (EVAL_ACCOUNTS, EVAL_AMS):
        where = "%s accounts, %s AMs" % (fmt_size(EVAL_ACCOUNTS), format(EVAL_AMS, ","))
        r = rat.get(("evaluate", "amsize_evaluate", "amsize_chart", EVAL_ACCOUNTS))
        if r:
            v = 1 / r["ratio"]
            out.append(dict(goal="`amsize evaluate` time / `amsize chart --accounts` time on "
                                 "the same file <= %g" % EVAL_GOAL_RATIO,
                            size=EVAL_ACCOUNTS, where=where, value=v, met=v <= EVAL_GOAL_RATIO))
        mem = evaluate_memory(res)
        small = EVAL_ACCOUNTS // 10
        if EVAL_ACCOUNTS in mem and small in mem:
            big = mem[EVAL_ACCOUNTS]
            grow = big["extra"] - mem[small]["extra"]
            out.append(dict(goal="`amsize evaluate` memory beyond chart's O(AMs + segments) "
                                 "(%.1f MiB, %.0f bytes per AM): its growth from %s to %s "
                                 "accounts over the same roster < %g MiB"
                                 % (big["extra"], big["per_am"], fmt_size(small),
                                    fmt_size(EVAL_ACCOUNTS), EVAL_GOAL_GROWTH_MIB),
                            size=EVAL_ACCOUNTS, where=where, value=grow,
                            met=grow < EVAL_GOAL_GROWTH_MIB))
    rss = sorted((n, f["maxrss_mib"]) for (w, m, n), f in fig.items()
                 if w == "command" and m == "amsize")
    if len(rss) >= 2:
        grow = rss[-1][1] - rss[0][1]
        out.append(dict(goal="amsize peak memory flat from %s to %s accounts (< 4 MiB growth)"
                        % (fmt_size(rss[0][0]), fmt_size(rss[-1][0])),
                        size=rss[-1][0], value=grow, met=grow < 4))
    return out


# ------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description="Runs the libamsize benchmarks (bench/README.md).")
    ap.add_argument("--srcdir", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--builddir", default=os.getcwd())
    ap.add_argument("--out", default="bench-results")
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--cflags", default="")
    ap.add_argument("--python", default=sys.executable,
                    help="Python with numpy and pandas (default: this one)")
    ap.add_argument("--max-size", type=int, default=10 ** 7,
                    help="largest number of accounts (10^5, 10^6, 10^7 up to this)")
    ap.add_argument("--sizes", help="comma-separated account counts instead")
    ap.add_argument("--reps", type=int, default=7, help="repetitions of every figure")
    ap.add_argument("--reps-large", type=int, default=5,
                    help="repetitions of the command and evaluate workloads at 10^7 accounts")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--add-at-max", type=int, default=10 ** 6,
                    help="largest size for numpy.add.at (slow: ~3 s per pass at 10^7)")
    ap.add_argument("--workloads", default="totals,command,binding,chart,plan,evaluate")
    ap.add_argument("--plan-segments", type=int, default=PLAN_SEGMENTS,
                    help="segments of the plan workload")
    ap.add_argument("--plan-months", type=int, default=PLAN_MONTHS,
                    help="months of the plan workload (at most 600)")
    ap.add_argument("--eval-accounts", type=int, default=EVAL_ACCOUNTS,
                    help="accounts of the evaluate workload (also run at a tenth of it)")
    ap.add_argument("--eval-ams", type=int, default=EVAL_AMS,
                    help="AMs on the roster of the evaluate workload")
    ap.add_argument("--eval-uncovered", type=float, default=EVAL_UNCOVERED,
                    help="share of the evaluate workload's accounts without an AM")
    ap.add_argument("--tmpdir", default=os.environ.get("TMPDIR", "/tmp"),
                    help="where the CSV files go (about 70 bytes per account)")
    ap.add_argument("--alt-builddir",
                    help="the build tree of a candidate fix: its amsize-bench and amsize "
                         "run beside this tree's as *_alt")
    ap.add_argument("--tiny", action="store_true",
                    help="one repetition of everything at 1000 accounts, a plan of "
                         "100 segments x 120 months and an evaluation of 10^5 accounts "
                         "over 500 AMs (CI)")
    a = ap.parse_args()
    a.builddir = os.path.abspath(a.builddir)
    a.srcdir = os.path.abspath(a.srcdir)
    if not 1 <= a.plan_months <= 600 or a.plan_segments < 1:
        ap.error("--plan-months must be 1..600 and --plan-segments at least 1")
    if a.eval_accounts < 1 or a.eval_ams < 0 or not 0 <= a.eval_uncovered <= 1:
        ap.error("--eval-accounts must be at least 1, --eval-ams 0 or more and "
                 "--eval-uncovered from 0 to 1")
    if a.tiny:
        sizes, a.reps = [1000], 1
        a.plan_segments, a.plan_months = 100, 120
        a.eval_accounts, a.eval_ams = 10 ** 5, 500
    elif a.sizes:
        sizes = [int(s) for s in a.sizes.split(",")]
    else:
        sizes = [n for n in SIZES if n <= a.max_size]
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time()
    res = {"machine": machine(a), "meta": {"sizes": sizes, "reps": a.reps, "seed": a.seed,
                                           "reps_large": a.reps_large, "tiny": a.tiny}}
    if "-O2" not in a.cflags.split():
        log("warning: CFLAGS is %r, not -O2: the figures are not the documented setup"
            % a.cflags)
    samples = Samples()
    workload_c(a, samples, sizes)
    if "binding" in a.workloads:
        workload_binding(a, samples, sizes)
    if "command" in a.workloads:
        workload_command(a, samples, sizes, res["meta"])
    if "plan" in a.workloads:
        workload_plan(a, samples, res["meta"])
    if "evaluate" in a.workloads:
        workload_evaluate(a, samples, res["meta"])
    res["machine"]["loadavg_end"] = os.getloadavg()[0]
    res["meta"]["wall_seconds"] = round(time.time() - t0, 1)

    figures = (summarise(samples, "totals", "accounts/s", 1.0) +
               summarise(samples, "command", "MB/s", 1e-6) +
               summarise(samples, "binding", "accounts/s", 1.0) +
               summarise(samples, "chart", "segments/s", 1.0) +
               summarise(samples, "scalar", "calls/s", 1.0) +
               summarise(samples, "plan", "segment-months/s", 1.0) +
               summarise(samples, "evaluate", "accounts/s", 1.0))
    pairs = ([("totals", m, "plain_loop") for m in ("amsize_whole", "amsize_chunked")] +
             [("totals", m + "_alt", "plain_loop_alt")
              for m in ("amsize_whole", "amsize_chunked")] +
             [("command", "amsize", v) for v in ("wc_l", "python_csv", "pandas")] +
             [("command", "amsize_alt", v) for v in ("amsize", "python_csv", "pandas")] +
             [("binding", m, "c_direct") for m in ("binding_totals", "binding_add")] +
             [("binding", "numpy_bincount", "binding_totals"),
              ("binding", "numpy_add_at", "binding_totals")])
    ratios = [r for wl, m, v in pairs for n in sizes
              for r in [ratio(samples, wl, m, v, n)] if r]
    ratios += [r for m in ("amsize_plan_roster50", "amsize_command")
               for r in [ratio(samples, "plan", m, "amsize_plan", a.plan_segments)] if r]
    ratios += [r for n in res["meta"].get("evaluate", {}).get("sizes", [])
               for r in [ratio(samples, "evaluate", "amsize_evaluate", "amsize_chart", n)] if r]
    res.update(figures=figures, ratios=ratios)
    res["goals"] = goals(res)

    samples.write(os.path.join(a.out, "samples.csv"))
    with open(os.path.join(a.out, "results.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["workload", "method", "size", "unit", "median", "min", "max", "n",
                    "maxrss_mib"])
        for g in figures:
            w.writerow([g["workload"], g["method"], g["size"], g["unit"], "%.6g" % g["median"],
                        "%.6g" % g["min"], "%.6g" % g["max"], g["n"],
                        "" if g["maxrss_mib"] is None else "%.1f" % g["maxrss_mib"]])
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(res, f, indent=1)
    m = res["machine"]
    files = ("CSV files from %s, " % res["meta"]["generator"]
             if "generator" in res["meta"] else "")
    md = ["Machine: %s, %d cores, %s, CFLAGS `%s`, Python %s, numpy %s, pandas %s; "
          "%s; load average %.1f at the start, %.1f at the end; %d repetitions%s; "
          "%sseed %d; %.0f s in all.\n"
          % (m["cpu_model"], m["cores"], m["compiler"], m["cflags"], m["python"], m["numpy"],
             m["pandas"], m["date_utc"], m["loadavg_start"], m["loadavg_end"], a.reps,
             " (%d for the commands at 10^7 accounts)" % min(a.reps, a.reps_large)
             if ("command" in a.workloads and max(sizes) >= 10 ** 7) or
             ("evaluate" in a.workloads and a.eval_accounts >= 10 ** 7) else "",
             files, a.seed, res["meta"]["wall_seconds"]),
          build_tables(res), "**Goals**\n"]
    md += ["- %s, %s: %s (%s)" % (g["goal"], g.get("where") or fmt_size(g["size"]),
                                  "%.2f" % g["value"], "met" if g["met"] else "NOT met")
           for g in res["goals"]]
    text = "\n".join(md) + "\n"
    with open(os.path.join(a.out, "table.md"), "w") as f:
        f.write(text)
    print(text)
    log("results in %s (results.json, results.csv, samples.csv, table.md)" % a.out)


if __name__ == "__main__":
    main()
