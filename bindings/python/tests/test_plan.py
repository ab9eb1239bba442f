"""amsize.plan(): the monthly hiring plan of issue 15.

The reference below is written from the issue's five monthly steps, not
from lib/plan.c, and the library must agree with it on random plans. The
README's Enterprise example is worked by hand; then the views, the month
labels, the plot helper and the bad inputs."""
import ctypes
import dataclasses
import datetime
import math
import os
import random
import sys
import unittest
from unittest import mock

import amsize
from amsize import Status, _ffi, _schema
from support import HERE, example_segments, pandas

try:
    import matplotlib
    matplotlib.use("Agg")  # no display in the tests
    from matplotlib.figure import Figure
except ImportError:  # Debian: python3-matplotlib; those tests skip
    matplotlib = None

PLAN_H = os.path.join(HERE, "..", "..", "..", "include", "amsize", "plan.h")
EPS = 1e-9  # the issue's ceil_eps and first-month tolerance


# ------------------------------------------------ the issue's plan, again
def ceil_eps(x):
    return math.ceil(x - EPS * max(1.0, abs(x)))


def reference(seg, row, model, staff, roster, curve, horizon):
    """One segment's plan by the issue's text.

    row is the segment's chart row (H* = headcount, D = fte_demand); staff
    a Staffing; roster None (current_ams fully ramped) or a list of (fte,
    tenure or None); curve None (the ramp_months curve) or the shares.
    Returns (months, summary) as dicts of the CLI's columns."""
    T = (model or amsize.Model()).selling_time
    target, demand = row.headcount, row.fte_demand
    p_eff = seg.am_productivity * T[seg.support_rating - 1] / T[3 - 1]
    k = seg.am_cost
    q = 1 - (1 - staff.attrition) ** (1 / 12)
    lag = staff.time_to_fill

    def share(tau):  # R(tau); None: fully ramped
        if tau is None:
            return 1.0
        if curve is not None:
            return curve[tau] if tau < len(curve) else 1.0
        return min(1.0, (tau + 1) / (staff.ramp_months + 1))

    # Cohorts [size, tenure]: one per roster AM, else current_ams ramped.
    if roster is None:
        cohorts = [[float(staff.current_ams), None]]
    else:
        cohorts = [[float(fte), tenure] for fte, tenure in roster]
    opened = {}  # month u -> r_u
    months = []
    for t in range(1, horizon + 1):
        # 1. Attrition.
        leavers = q * sum(n for n, _ in cohorts)
        for c in cohorts:
            c[0] *= 1 - q
        # 2. Requisitions: the headcount at t + L if nothing opens now.
        proj = sum(n * (1 - q) ** lag for n, _ in cohorts)
        proj += sum(r * (1 - q) ** (t - u) for u, r in opened.items() if u < t and u + lag >= t)
        r = max(0, ceil_eps(target - proj))
        opened[t] = r
        # 3. Starts, a new cohort of tenure 0.
        s = opened[t - lag] if t - lag >= 1 else 0
        cohorts.append([float(s), 0])
        # 4. Report.
        hc = sum(n for n, _ in cohorts)
        rre = sum(n * share(tau) for n, tau in cohorts)
        months.append(dict(headcount=hc, leavers=leavers, requisitions=r, starts=s, rre=rre,
                           capacity=rre * p_eff / 12, demand=demand,
                           gap=max(0.0, demand - rre), cost=hc * k / 12))
        # 5. Tenure grows.
        for c in cohorts:
            if c[1] is not None:
                c[1] += 1
    summary = dict(
        requisitions=sum(m["requisitions"] for m in months),
        starts=sum(m["starts"] for m in months),
        leavers=sum(m["leavers"] for m in months),
        first_month_at_demand=first_at(months),
        shortfall=sum(m["gap"] * p_eff / 12 for m in months),
        plan_cost=sum(m["cost"] for m in months),
        end_headcount=months[-1]["headcount"])
    return months, summary


def first_at(months):
    """The first month (1-based) whose rre reaches its demand, or 0."""
    for t, m in enumerate(months, 1):
        if m["rre"] >= m["demand"] - EPS * max(1.0, m["demand"]):
            return t
    return 0


def reference_total(plans, horizon):
    """The TOTAL: each month summed over the segments; first month from the
    summed rre and demand."""
    cols = ("headcount", "leavers", "requisitions", "starts", "rre", "capacity", "demand",
            "gap", "cost")
    months = [{c: sum(p[0][t][c] for p in plans) for c in cols} for t in range(horizon)]
    summary = {c: sum(p[1][c] for p in plans)
               for c in ("requisitions", "starts", "leavers", "shortfall", "plan_cost",
                         "end_headcount")}
    summary["first_month_at_demand"] = first_at(months)
    return months, summary


def label(labels, t):
    return labels[t - 1] if t else None


# ------------------------------------------------------------ random plans
def random_segment(rng, i):
    return amsize.Segment(
        name="S%d" % i, accounts=rng.choice([0, rng.randint(1, 50), rng.randint(50, 3000)]),
        book=rng.uniform(0, 200e6), upsell=rng.uniform(0, 20e6), cross_sell=rng.uniform(0, 10e6),
        churn=rng.uniform(0, 15e6), churn_attribution=rng.random(),
        am_productivity=rng.uniform(0.3e6, 3e6), am_cost=rng.uniform(50e3, 300e3),
        max_load=rng.uniform(5, 400), support_rating=rng.randint(1, 5))


def random_staffing(rng):
    return amsize.Staffing(
        attrition=rng.choice([0.0, rng.uniform(0, 0.4), rng.uniform(0, 0.99)]),
        time_to_fill=rng.choice([0, rng.randint(0, 8), rng.randint(20, 60)]),
        ramp_months=rng.choice([0, rng.randint(0, 12)]),
        current_ams=rng.choice([0, rng.randint(0, 40)]))


def random_roster(rng):
    """A list of (fte, tenure or None): mixed tenures, part-timers."""
    return [(rng.choice([1.0, rng.uniform(0.05, 1.0)]),
             rng.choice([None, 0, rng.randint(0, 30)])) for _ in range(rng.randint(0, 12))]


def random_curve(rng):
    shares = sorted(rng.random() for _ in range(rng.randint(0, 10)))
    if shares and rng.random() < 0.3:
        shares[0] = 0.0  # nothing in the first month
    return shares


def as_roster(rng, ams):
    """The same roster in one of the forms plan() takes."""
    fte = [f for f, _ in ams]
    tenure = [t for _, t in ams]
    form = rng.randint(0, 3)
    if form == 0:
        return amsize.Roster(fte=fte, tenure_months=tenure)
    if form == 1:
        return {"fte": tuple(fte), "tenure_months": iter(tenure)}
    if form == 2:  # pandas reads an empty tenure cell as NaN
        return amsize.Roster(fte=fte, tenure_months=[math.nan if t is None else float(t)
                                                     for t in tenure])
    if all(f == 1.0 for f in fte):
        return amsize.Roster(tenure_months=tenure)  # fte: the table's default, 1
    return amsize.Roster(fte=fte, tenure_months=tenure)


class AgainstTheIssue(unittest.TestCase):
    """~200 random plans, each compared with the reference month by month."""

    def assertClose(self, got, want, what, scale=0.0):
        tol = EPS * max(1.0, abs(want), abs(got), scale)
        self.assertLessEqual(abs(got - want), tol, "%s: got %r, want %r" % (what, got, want))

    def compare(self, got_months, got_summary, want_months, want_summary, labels, who):
        scale = max([m["demand"] for m in want_months] + [m["headcount"] for m in want_months])
        for t, (g, w) in enumerate(zip(got_months, want_months), 1):
            self.assertEqual(g.month, labels[t - 1])
            self.assertEqual(g.segment, who)
            for c in ("requisitions", "starts"):  # whole numbers: exactly
                self.assertEqual(getattr(g, c), w[c], "%s month %d %s" % (who, t, c))
            for c in ("headcount", "leavers", "rre", "demand", "gap", "cost", "capacity"):
                s = scale * (w["capacity"] / w["rre"] if c == "capacity" and w["rre"] else 1)
                self.assertClose(getattr(g, c), w[c], "%s month %d %s" % (who, t, c), s)
        self.assertEqual(got_summary.segment, who)
        self.assertEqual(got_summary.first_month_at_demand,
                         label(labels, want_summary["first_month_at_demand"]), who)
        for c in ("requisitions", "starts"):
            self.assertEqual(getattr(got_summary, c), want_summary[c], "%s %s" % (who, c))
        for c in ("leavers", "shortfall", "plan_cost", "end_headcount"):
            self.assertClose(getattr(got_summary, c), want_summary[c], "%s %s" % (who, c),
                             want_summary["shortfall"] if c == "shortfall" else scale)

    def test_random_plans(self):
        rng = random.Random(15)
        kinds = dict(no_lag=0, no_attrition=0, roster=0, tenures=0, curve=0)
        for case in range(200):
            n = rng.randint(1, 4)
            segs = [random_segment(rng, i) for i in range(n)]
            model = None
            if rng.random() < 0.3:
                model = amsize.Model(selling_time=tuple(sorted(rng.uniform(0.1, 1.0)
                                                               for _ in range(5))))
            staffs = [random_staffing(rng) for _ in range(n)]
            rosters = None
            if rng.random() < 0.4:
                rosters = [None if rng.random() < 0.25 else random_roster(rng) for _ in range(n)]
            curves = [None] * n
            if rng.random() < 0.4:
                curves = [None if rng.random() < 0.3 else random_curve(rng) for _ in range(n)]
            horizon = rng.randint(1, 36)
            start = rng.choice([None, "%04d-%02d" % (rng.randint(1990, 2100), rng.randint(1, 12))])

            # The inputs in the forms plan() takes: by position or by name.
            by_name = rng.random() < 0.5
            staffing_arg = ({s.name: st for s, st in zip(segs, staffs)} if by_name else staffs)
            roster_arg = None
            if rosters is not None:
                given = [None if r is None else as_roster(rng, r) for r in rosters]
                roster_arg = ({s.name: g for s, g in zip(segs, given) if g is not None}
                              if by_name else given)
            ramp_arg = (None if all(c is None for c in curves)
                        else {s.name: c for s, c in zip(segs, curves) if c is not None}
                        if by_name else curves)
            with self.subTest(case=case):
                got = amsize.plan(segs, model, staffing=staffing_arg, roster=roster_arg,
                                  ramp=ramp_arg, horizon=horizon, start=start)
                chart = amsize.chart(segs, model)
                plans = []
                for i, seg in enumerate(segs):
                    roster = None if rosters is None else (rosters[i] or [])
                    want = reference(seg, chart.rows[i], model, staffs[i], roster, curves[i],
                                     horizon)
                    plans.append(want)
                    self.compare(got.months_of(i), got.summary[i], want[0], want[1],
                                 got.labels, seg.name)
                want_total = reference_total(plans, horizon)
                self.compare(got.total_months, got.total, want_total[0], want_total[1],
                             got.labels, "TOTAL")
                self.assertEqual(len(got.months), n * horizon)
            # What the cases covered, so that a change of seed keeps them.
            kinds["no_lag"] += any(s.time_to_fill == 0 for s in staffs)
            kinds["no_attrition"] += any(s.attrition == 0 for s in staffs)
            kinds["roster"] += rosters is not None
            kinds["tenures"] += rosters is not None and any(
                {t is None for _, t in r or []} == {True, False} for r in rosters)
            kinds["curve"] += any(c is not None for c in curves)
        for kind, count in kinds.items():
            self.assertGreaterEqual(count, 20, kind)


# ------------------------------------------------------- worked by hand
def enterprise():
    """The README's Enterprise segment: headcount 11, fte_demand 16/1.5."""
    return amsize.Segment(name="Enterprise", accounts=200, book=100e6, upsell=12e6,
                          cross_sell=8e6, churn=4e6, am_productivity=1.5e6, am_cost=200e3,
                          max_load=20, support_rating=3)


class ByHand(unittest.TestCase):
    def test_readme_example(self):
        # Default staffing: attrition 15%, L = 3, ramp 6 months, nobody on
        # staff. q = 1 - 0.85^(1/12) = 0.013452 a month.
        p = amsize.plan([enterprise()], horizon=6)
        q = 1 - 0.85 ** (1 / 12)
        d = 16e6 / 1.5e6  # 10.67 FTE of demand
        m = p.months
        # Month 1: nobody to project, 11 - 0 = 11 requisitions. Month 2:
        # the 11 less a month of leavers, 11(1-q) = 10.85, so 1 more. Month
        # 3: 11(1-q)^2 + 1(1-q) = 11.69 >= 11, none; later months likewise.
        self.assertEqual([x.requisitions for x in m], [11, 1, 0, 0, 0, 0])
        # Each starts L = 3 months after it opens.
        self.assertEqual([x.starts for x in m], [0, 0, 0, 11, 1, 0])
        self.assertEqual([x.headcount for x in m[:3]], [0, 0, 0])
        self.assertEqual([x.leavers for x in m[:4]], [0, 0, 0, 0])
        # Month 4: 11 start at tenure 0, R(0) = 1/7.
        self.assertEqual(m[3].headcount, 11)
        self.assertAlmostEqual(m[3].rre, 11 / 7, places=14)
        self.assertAlmostEqual(m[3].cost, 11 * 200e3 / 12, places=8)
        self.assertAlmostEqual(m[3].capacity, 11 / 7 * 1.5e6 / 12, places=8)
        self.assertAlmostEqual(m[3].gap, d - 11 / 7, places=14)
        # Month 5: 11q leave; 11(1-q) at R(1) = 2/7, 1 starts at 1/7.
        self.assertAlmostEqual(m[4].leavers, 11 * q, places=14)
        self.assertAlmostEqual(m[4].headcount, 11 * (1 - q) + 1, places=13)
        self.assertAlmostEqual(m[4].rre, 11 * (1 - q) * 2 / 7 + 1 / 7, places=13)
        # Month 6: q of that leaves; R(2) = 3/7 and R(1) = 2/7.
        hc6 = (11 * (1 - q) + 1) * (1 - q)
        self.assertAlmostEqual(m[5].leavers, q * (11 * (1 - q) + 1), places=14)
        self.assertAlmostEqual(m[5].headcount, hc6, places=13)
        self.assertAlmostEqual(m[5].rre, 11 * (1 - q) ** 2 * 3 / 7 + (1 - q) * 2 / 7, places=13)
        self.assertEqual({x.demand for x in m}, {d})
        # The summary: 12 opened and started; 4.6 RRE in month 6 is short
        # of 10.67, so demand is not met within the horizon.
        s = p.summary_of("Enterprise")
        self.assertEqual((s.requisitions, s.starts), (12, 12))
        self.assertIsNone(s.first_month_at_demand)
        self.assertAlmostEqual(s.leavers, 11 * q + q * (11 * (1 - q) + 1), places=13)
        self.assertAlmostEqual(s.end_headcount, hc6, places=13)
        self.assertAlmostEqual(s.shortfall, sum(x.gap for x in m) * 1.5e6 / 12, places=6)
        self.assertAlmostEqual(s.plan_cost, (11 + 11 * (1 - q) + 1 + hc6) * 200e3 / 12, places=6)
        # One segment: the TOTAL is the segment.
        self.assertEqual(dataclasses.replace(p.total, segment="Enterprise"), s)
        self.assertEqual([dataclasses.replace(x, segment="Enterprise") for x in p.total_months],
                         m)

    def test_total_first_month_is_of_the_sums(self):
        # Attrition 0, L 3, ramp 6. A has 15 ramped AMs for a demand of
        # 10.67: at demand from month 1. B starts from nobody: 11 open in
        # month 1 and start in month 4, RRE 11(t-3)/7 >= 10.67 first at
        # t = 10. Together 15 + 11(t-3)/7 >= 21.33 first at t = 8.
        a, b = enterprise(), dataclasses.replace(enterprise(), name="B")
        staff = amsize.Staffing(attrition=0)
        p = amsize.plan([a, b], staffing=staff, roster={"Enterprise": amsize.Roster(fte=[1] * 15)},
                        horizon=12)
        self.assertEqual(p.summary_of("Enterprise").first_month_at_demand, 1)
        self.assertEqual(p.summary_of("B").first_month_at_demand, 10)
        self.assertEqual(p.total.first_month_at_demand, 8)
        self.assertEqual(p.summary_of("Enterprise").requisitions, 0)  # 15 >= 11
        self.assertEqual(p.total.requisitions, 11)
        self.assertEqual(p.total_months[7].rre, 15 + 11 * 5 / 7)

    def test_no_lag_starts_the_month_it_opens(self):
        p = amsize.plan([enterprise()], staffing=amsize.Staffing(time_to_fill=0, attrition=0,
                                                                 ramp_months=0), horizon=3)
        self.assertEqual([m.starts for m in p.months], [11, 0, 0])
        self.assertEqual([m.rre for m in p.months], [11, 11, 11])  # no ramp
        self.assertEqual(p.total.first_month_at_demand, 1)

    def test_roster_tenures_and_ramp_curve(self):
        # Attrition 0 and a target already met (12.5 on staff for 11): only
        # the ramp moves. AMs at tenure 0 and 2 on the curve (0.25, 0.5,
        # 0.75), then 1; a half-time AM and 10 others fully ramped.
        # Month 1: 0.25 + 0.75 + 0.5 + 10 = 11.5; month 2: 0.5 + 1 + 10.5;
        # month 3: 0.75 + 1 + 10.5; month 4: 1 + 1 + 10.5.
        ams = amsize.Roster(fte=[1, 1, 0.5] + [1] * 10, tenure_months=[0, 2, None] + [None] * 10)
        p = amsize.plan([enterprise()], staffing={"Enterprise": {"attrition": 0}},
                        roster=[ams], ramp=[(0.25, 0.5, 0.75)], horizon=4)
        self.assertEqual([m.rre for m in p.months], [11.5, 12, 12.25, 12.5])
        self.assertEqual([m.headcount for m in p.months], [12.5] * 4)
        self.assertEqual(p.total.requisitions, 0)

    def test_empty_curve_is_fully_productive_and_roster_replaces_current_ams(self):
        p = amsize.plan([enterprise()], staffing=amsize.Staffing(attrition=0, current_ams=5,
                                                                 time_to_fill=0),
                        ramp={"Enterprise": []}, roster={}, horizon=2)
        # The roster (empty here) replaces the 5 current AMs: 11 open and
        # start at once, productive at once.
        self.assertEqual([m.starts for m in p.months], [11, 0])
        self.assertEqual([m.rre for m in p.months], [11, 11])
        p = amsize.plan([enterprise()], staffing=amsize.Staffing(attrition=0, current_ams=5),
                        horizon=1)
        self.assertEqual((p.months[0].headcount, p.months[0].rre, p.months[0].requisitions),
                         (5, 5, 6))

    def test_staffing_defaults_are_the_table(self):
        s = amsize.Staffing()
        self.assertEqual((s.attrition, s.time_to_fill, s.ramp_months, s.current_ams),
                         (0.15, 3, 6, 0))  # the issue's defaults
        for f in _schema.fields(_schema.STAFFING):
            self.assertEqual(getattr(s, f.name), f.default(), f.name)
            self.assertIs(type(getattr(s, f.name)), int if f.whole else float)
        fresh = _ffi.new(_ffi.Staffing)  # what amsize_staffing_init_() writes
        self.assertEqual({f.name: getattr(fresh, f.name) for f in dataclasses.fields(s)},
                         dataclasses.asdict(s))
        self.assertIn("attrition: annual share of AMs who leave. Range: 0 or more and below "
                      "1; default 0.15.", amsize.Staffing.__doc__)
        self.assertIn("tenure_months:", amsize.Roster.__doc__)

    def test_horizon_max_is_the_headers_and_the_librarys(self):
        if os.path.exists(PLAN_H):
            with open(PLAN_H) as f:
                header = f.read()
            self.assertIn("#define AMSIZE_PLAN_HORIZON_MAX %d\n" % _ffi.PLAN_HORIZON_MAX, header)
            self.assertIn("#define AMSIZE_PLAN_HORIZON_DEFAULT %d\n" % _ffi.PLAN_HORIZON_DEFAULT,
                          header)
        self.assertEqual(_ffi.PLAN_HORIZON_DEFAULT, 12)
        self.assertEqual(len(amsize.plan([enterprise()]).labels), 12)
        self.assertEqual(_ffi.PLAN_HORIZON_MAX, 600)
        p = amsize.plan([enterprise()], horizon=600, start="2027-01")
        self.assertEqual(p.labels[-1], "2076-12")
        self.assertEqual(len(p.months), 600)

        # The library itself refuses 601 months.
        seg = _ffi.new(_ffi.Segment)
        for name in ("accounts", "am_productivity", "am_cost", "max_load"):
            setattr(seg, name, 1)
        months = _ffi.new(_ffi.PlanMonth, 601)
        work = (ctypes.c_double * (1 + 2 * 601 + 1))()
        err = _ffi.new(_ffi.Error)
        for n, want in ((600, Status.OK), (601, Status.E_RANGE)):
            st = _ffi.lib.amsize_plan_compute(months, n, None, err, work, len(work), seg, None,
                                              _ffi.new(_ffi.Staffing), None, 0, None, None, 0)
            self.assertEqual(st, want, n)


# ------------------------------------------------------------------ views
class Views(unittest.TestCase):
    def setUp(self):
        self.plan = amsize.plan(example_segments(), horizon=6, start="2027-01")

    def test_labels(self):
        self.assertEqual(self.plan.labels, ("2027-01", "2027-02", "2027-03", "2027-04",
                                            "2027-05", "2027-06"))
        late = amsize.plan([enterprise()], horizon=6, start="2027-10")
        self.assertEqual(late.labels, ("2027-10", "2027-11", "2027-12", "2028-01", "2028-02",
                                       "2028-03"))
        self.assertEqual([m.month for m in late.months], list(late.labels))
        plain = amsize.plan([enterprise()], horizon=3)
        self.assertEqual(plain.labels, (1, 2, 3))
        self.assertIsNone(plain.start)
        self.assertEqual(amsize.plan([enterprise()], horizon=1,
                                     start=datetime.date(2030, 2, 14)).labels, ("2030-02",))
        # first_month_at_demand is a label too.
        p = amsize.plan([enterprise()], horizon=24, start="2027-11")
        t = p.summary[0].first_month_at_demand
        self.assertIn(t, p.labels)
        self.assertEqual(p.months_of(0)[p.labels.index(t)].month, t)

    def test_shapes_and_lookups(self):
        p = self.plan
        self.assertEqual(p.segments, ("Enterprise", "Mid-Market", "SMB"))
        self.assertEqual(p.horizon, 6)
        self.assertEqual(len(p.months), 18)
        self.assertEqual([m.segment for m in p.months[:7]], ["Enterprise"] * 6 + ["Mid-Market"])
        self.assertEqual(p.months_of("SMB"), p.months[12:])
        self.assertEqual(p.months_of(-1), p.months[12:])
        self.assertEqual(p.months_of("TOTAL"), p.total_months)
        self.assertIs(p.summary_of("TOTAL"), p.total)
        self.assertEqual(p.summary_of(1).segment, "Mid-Market")
        with self.assertRaises(KeyError):
            p.months_of("Nope")
        with self.assertRaises(IndexError):
            p.summary_of(3)
        self.assertEqual(amsize.MONTH_COLUMNS,
                         ("segment", "month", "headcount", "leavers", "requisitions", "starts",
                          "rre", "capacity", "demand", "gap", "cost"))
        self.assertEqual(amsize.SUMMARY_COLUMNS,
                         ("segment", "requisitions", "starts", "leavers",
                          "first_month_at_demand", "shortfall", "plan_cost", "end_headcount"))
        recs = p.to_records()
        self.assertEqual(len(recs), 18)
        self.assertEqual(list(recs[0]), list(amsize.MONTH_COLUMNS))
        self.assertEqual(len(p.to_records(total=True)), 24)
        summary = p.to_records("summary")
        self.assertEqual([r["segment"] for r in summary], ["Enterprise", "Mid-Market", "SMB",
                                                           "TOTAL"])
        self.assertEqual(len(p.to_records("summary", total=False)), 3)
        with self.assertRaises(ValueError):
            p.to_records("sheets")

    @unittest.skipUnless(pandas, "pandas is not installed")
    def test_pandas(self):
        df = self.plan.to_pandas()
        self.assertEqual(df.shape, (18, len(amsize.MONTH_COLUMNS)))
        self.assertEqual(list(df.columns), list(amsize.MONTH_COLUMNS))
        self.assertEqual(df["month"].tolist()[:6], list(self.plan.labels))
        self.assertEqual(df.loc[df.segment == "Enterprise", "requisitions"].tolist(),
                         [11, 1, 0, 0, 0, 0])
        s = self.plan.to_pandas("summary")
        self.assertEqual(s.shape, (4, len(amsize.SUMMARY_COLUMNS)))
        self.assertEqual(list(s.columns), list(amsize.SUMMARY_COLUMNS))
        self.assertEqual(s["segment"].tolist()[-1], "TOTAL")
        self.assertEqual(self.plan.to_pandas(total=True).shape[0], 24)

    @unittest.skipIf(pandas, "pandas is installed")
    def test_pandas_missing(self):
        with self.assertRaisesRegex(ImportError, "needs pandas"):
            self.plan.to_pandas()

    def test_text_and_html(self):
        text = str(self.plan)
        self.assertEqual(repr(self.plan), text)
        lines = text.splitlines()
        self.assertEqual(lines[0], "hiring plan, months 2027-01 to 2027-06")
        self.assertTrue(lines[1].startswith("segment"))
        self.assertRegex(lines[2], r"^Enterprise +12 +12 ")
        self.assertTrue(lines[-1].startswith("TOTAL"))
        html = self.plan._repr_html_()
        self.assertTrue(html.startswith("<table"))
        for name in ("Enterprise", "Mid-Market", "SMB", "TOTAL", "2027-06"):
            self.assertIn("<td>%s</td>" % name, html)
        self.assertEqual(html.count("<table"), 2)  # the summary, then the months
        # 4 summary rows + 24 month rows (18 and the TOTAL's 6), two heads.
        self.assertEqual(html.count("<tr>"), 2 + 4 + 24)
        segs = example_segments()
        segs[0].name = "<b>&"
        self.assertIn("&lt;b&gt;&amp;", amsize.plan(segs, horizon=1)._repr_html_())

    def test_long_html_is_elided(self):
        html = amsize.plan(example_segments(), horizon=600)._repr_html_()
        self.assertIn("more rows: Plan.to_pandas() has them all", html)
        self.assertLess(html.count("<tr>"), 60)
        self.assertIn("<td>TOTAL</td>", html)

    def test_plot_needs_matplotlib(self):
        # As if python3-matplotlib were not installed.
        with mock.patch.dict(sys.modules, {"matplotlib": None, "matplotlib.pyplot": None}):
            with self.assertRaises(ImportError) as cm:
                self.plan.plot()
        self.assertIn("needs matplotlib", str(cm.exception))
        self.assertIn("python3-matplotlib", str(cm.exception))

    @unittest.skipUnless(matplotlib, "matplotlib is not installed (python3-matplotlib)")
    def test_plot(self):
        ax = Figure().add_subplot()
        self.assertIs(self.plan.plot("Enterprise", ax=ax), ax)
        rre, demand = ax.get_lines()
        months = self.plan.months_of("Enterprise")
        self.assertEqual(list(rre.get_ydata()), [m.rre for m in months])
        self.assertEqual(list(demand.get_ydata()), [m.demand for m in months])
        self.assertEqual([b.get_height() for b in ax.patches], [0, 0, 0, 11, 1, 0])
        self.assertEqual([t.get_text() for t in ax.get_xticklabels()], list(self.plan.labels))
        self.assertEqual(ax.get_title(), "hiring plan: Enterprise")
        self.assertEqual([t.get_text() for t in ax.get_legend().get_texts()],
                         ["RRE", "demand", "starts"])

        # No Axes: a new pyplot figure, the TOTAL by default.
        import matplotlib.pyplot as plt
        ax = amsize.plan(example_segments(), horizon=600).plot()
        try:
            self.assertEqual(ax.get_title(), "hiring plan: TOTAL")
            self.assertEqual(len(ax.patches), 600)
            self.assertLessEqual(len(ax.get_xticklabels()), 13)  # legible at 600 months
        finally:
            plt.close(ax.figure)


# ----------------------------------------------------------- bad input
class BadInput(unittest.TestCase):
    def refused(self, status, message, **kwargs):
        segs = kwargs.pop("segments", None) or [enterprise(), example_segments()[2]]
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.plan(segs, **kwargs)
        self.assertEqual(cm.exception.status, status, str(cm.exception))
        self.assertEqual(str(cm.exception), message)
        return cm.exception

    def test_horizon(self):
        for h in (0, 601, -1):
            e = self.refused(Status.E_RANGE, "horizon: value is outside its allowed range: "
                             "1 to 600 (got %d)" % h, horizon=h)
            self.assertEqual((e.field, e.value), ("horizon", h))
        with self.assertRaises(amsize.AmsizeTypeError) as cm:
            amsize.plan([enterprise()], horizon=1.5)
        self.assertEqual(str(cm.exception), "horizon: must be a whole number from 1 to 600 "
                                            "(got 1.5)")
        # True is an int to Python, not a number of months.
        with self.assertRaises(amsize.AmsizeTypeError) as cm:
            amsize.plan([enterprise()], horizon=True)
        self.assertEqual(str(cm.exception), "horizon: must be a whole number from 1 to 600 "
                                            "(got True)")

    def test_start_near_the_year_9999(self):
        # 9999-07 plus 6 months ends at 9999-12; plus 7 it would need 10000-01.
        p = amsize.plan([enterprise()], horizon=6, start="9999-07")
        self.assertEqual(p.labels[-1], "9999-12")
        self.refused(Status.E_RANGE, "start: must leave the last month of the horizon in 9999 "
                     "or before (got '9999-07')", horizon=7, start="9999-07")

    def test_start(self):
        for start in ("2027-13", "2027-00", "2027-1", "27-01", "2027/01", "2027-01-05", ""):
            with self.subTest(start=start):
                e = self.refused(Status.E_RANGE, "start: must be a month as 'YYYY-MM', e.g. "
                                 "'2027-01' (got %r)" % start, start=start)
                self.assertEqual(e.field, "start")
        with self.assertRaises(amsize.AmsizeTypeError):
            amsize.plan([enterprise()], start=202701)

    def test_staffing(self):
        attrition = _schema.field(_schema.STAFFING, "attrition").range_text
        self.assertEqual(attrition, "0 or more and below 1")  # the issue's [0, 1)
        e = self.refused(Status.E_RANGE, "segment 1 ('SMB'), attrition: value is outside its "
                         "allowed range: %s (got 1)" % attrition,
                         staffing=[None, {"attrition": 1}])
        self.assertEqual((e.index, e.field, e.value), (1, "attrition", 1))
        self.assertEqual(e.field_code, 44)  # AMSIZE_FIELD_ATTRITION
        self.refused(Status.E_RANGE, "segment 0 ('Enterprise'), attrition: value is outside "
                     "its allowed range: %s (got -0.1)" % attrition,
                     staffing=amsize.Staffing(attrition=-0.1))
        self.refused(Status.E_NEGATIVE, "segment 1 ('SMB'), time_to_fill: value is negative: "
                     "it must be >= 0 (got -1)",
                     staffing={"SMB": amsize.Staffing(time_to_fill=-1)})
        with self.assertRaises(amsize.AmsizeTypeError) as cm:
            amsize.plan([enterprise()], staffing=amsize.Staffing(ramp_months=2.5))
        self.assertEqual(str(cm.exception), "segment 0 ('Enterprise'), ramp_months: must be a "
                                            "whole number from 0 to 2147483647 (got 2.5)")
        with self.assertRaises(amsize.AmsizeTypeError) as cm:
            amsize.plan([enterprise()], staffing={"attrition": 0.1})
        self.assertIn("'attrition' is not a segment of the plan ('Enterprise'); for every "
                      "segment pass amsize.Staffing(attrition=...)", str(cm.exception))
        with self.assertRaises(amsize.AmsizeTypeError):
            amsize.plan([enterprise()], staffing=[{"atrition": 0.1}])
        e = self.refused(Status.E_BUFFER, "staffing: needs one entry per segment: 2 segments, "
                         "1 entries", staffing=[amsize.Staffing()])

    def test_ramp(self):
        e = self.refused(Status.E_ORDER, "segment 0 ('Enterprise'), ramp month 2, share: "
                         "values are out of order: a ramp curve must be non-decreasing from "
                         "tenure month 0 (got 0.4)", ramp={"Enterprise": [0.2, 0.5, 0.4]})
        self.assertEqual((e.index, e.field, e.value), (0, "share", 0.4))
        self.refused(Status.E_RANGE, "segment 1 ('SMB'), ramp month 1, share: value is "
                     "outside its allowed range: 0 to 1 (got 1.5)", ramp=[None, [0.5, 1.5]])
        self.refused(Status.E_NOT_FINITE, "segment 1 ('SMB'), ramp month 0, share: value is "
                     "NaN or infinite: give a finite number (got nan)", ramp=[None, [math.nan]])
        with self.assertRaises(amsize.AmsizeTypeError) as cm:
            amsize.plan([enterprise()], ramp={"Enterprise": "0.5"})
        self.assertEqual(cm.exception.field, "share")
        with self.assertRaises(amsize.AmsizeTypeError):
            amsize.plan([enterprise()], ramp={"Nope": [0.5]})  # not a segment

    def test_roster(self):
        e = self.refused(Status.E_RANGE, "segment 1 ('SMB'), roster AM 1, fte: value is "
                         "outside its allowed range: above 0 and at most 1 (got 0)",
                         roster={"SMB": amsize.Roster(fte=[1, 0])})
        self.assertEqual((e.index, e.field, e.value), (1, "fte", 0))
        for tenure in (-1, -3):  # -1 is not taken for "fully ramped"
            with self.subTest(tenure=tenure):
                e = self.refused(Status.E_NEGATIVE, "segment 0 ('Enterprise'), roster AM 2, "
                                 "tenure_months: value is negative: it must be >= 0 (got %d)"
                                 % tenure,
                                 roster=[amsize.Roster(tenure_months=[0, None, tenure]), None])
                self.assertEqual((e.index, e.field, e.value), (0, "tenure_months", tenure))
        with self.assertRaises(amsize.AmsizeTypeError) as cm:
            amsize.plan([enterprise()], roster=[amsize.Roster(tenure_months=[2.5])])
        self.assertEqual(str(cm.exception), "segment 0 ('Enterprise'), roster AM 0, "
                                            "tenure_months: must be a whole number from 0 to "
                                            "2147483647 (got 2.5)")
        self.refused(Status.E_BUFFER, "segment 0 ('Enterprise'), roster: fte and "
                     "tenure_months need one entry per AM: 2 and 1 entries",
                     roster=[{"fte": [1, 1], "tenure_months": [3]}, None])
        with self.assertRaises(amsize.AmsizeTypeError):
            amsize.plan([enterprise()], roster=[amsize.Segment()])

    def test_segments_and_model_as_the_chart(self):
        segs = example_segments()
        segs[2].am_cost = 0
        with self.assertRaises(amsize.AmsizeError) as chart_error:
            amsize.chart(segs)
        with self.assertRaises(amsize.AmsizeError) as plan_error:
            amsize.plan(segs)
        self.assertEqual(str(plan_error.exception), str(chart_error.exception))
        self.assertEqual(str(plan_error.exception),
                         "segment 2 ('SMB'), am_cost: value must be > 0 (got 0)")
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.plan([])
        self.assertEqual(cm.exception.status, Status.E_EMPTY)

    def test_overflow_names_the_month(self):
        # The chart's cost, 11 * 1e307, is finite; 300 AMs on the roster
        # cost 300 * 1e307 / 12 in month 1, which is not.
        seg = dataclasses.replace(enterprise(), am_cost=1e307)
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.plan([seg], roster=[amsize.Roster(fte=[1] * 300)], horizon=6,
                        start="2027-01")
        self.assertEqual((cm.exception.status, cm.exception.index, cm.exception.field),
                         (Status.E_OVERFLOW, 0, "cost"))
        self.assertEqual(str(cm.exception), "segment 0 ('Enterprise'), month 2027-01, cost: "
                                            "result is too large to represent exactly")
        # Each segment's month costs 200 * 5e306 / 12 = 8.3e307 and its chart
        # 11 * 5e306: finite; three of those months together are not.
        seg = dataclasses.replace(enterprise(), am_cost=5e306)
        with self.assertRaises(amsize.AmsizeError) as cm:
            amsize.plan([seg] * 3, roster=[amsize.Roster(fte=[1] * 200)] * 3, horizon=2,
                        start="2027-01")
        self.assertEqual((cm.exception.status, cm.exception.index, cm.exception.field),
                         (Status.E_OVERFLOW, -1, "total"))
        self.assertEqual(str(cm.exception), "TOTAL, month 2027-01, total: result is too large "
                                            "to represent exactly")


if __name__ == "__main__":
    unittest.main()
