"""What a type checker sees of the package (py.typed): its own hints pass
mypy --strict, and a user's mistakes are caught. Skips without mypy
(Debian: python3-mypy)."""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from support import HERE

PACKAGE_ROOT = os.path.abspath(os.path.join(HERE, ".."))

USER_CODE = '''\
import amsize

hc: float = amsize.fte_net_calc(30e6, 1.5e6)
seg = amsize.Segment(name="E", accounts=200, am_productivity=1.5e6, am_cost=2e5, max_load=20)
row: amsize.ChartRow = amsize.chart([seg], amsize.Model())["E"]
pilot: amsize.Pilot = amsize.totals([0], [1.0], [0.0], [0.0], [0.0]).pilot(0)
amsize.fte_net_calc("30e6", 1.5e6)
amsize.Segment(acounts=1)
plan: amsize.Plan = amsize.plan([seg], staffing=amsize.Staffing(attrition=0.1), horizon=6,
                                roster={"E": amsize.Roster(fte=[1.0], tenure_months=[None])},
                                ramp=[[0.5, 1.0]], start="2027-01")
total: amsize.PlanSummary = plan.total
q: float = amsize.monthly_attrition_calc(0.15)
ev: amsize.Evaluation = amsize.evaluate(
    [seg], {"segment": ["E"], "arr": [1e6], "upsell": [1e5], "cross_sell": [0.0],
            "churn": [0.0], "am_id": ["A1"]}, [{"am_id": "A1", "segment": "E"}], below_plan=0.8)
am: amsize.AmEval = ev.am("A1")
worst: amsize.SegmentEval = ev.segment("E")
target: float = amsize.am_target_calc(1.0, 1.5e6, 1.0)
'''


@unittest.skipUnless(importlib.util.find_spec("mypy"), "mypy is not installed")
class Mypy(unittest.TestCase):
    def mypy(self, *args):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        # mypy loads no libamsize: not the sanitizer runtime that the ASan
        # run preloads into python3 either.
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
        env["MYPYPATH"] = PACKAGE_ROOT
        p = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
                            "--cache-dir", os.path.join(tmp, "cache")] + list(args),
                           cwd=tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        return p

    def test_package_passes_strict(self):
        p = self.mypy("-p", "amsize")
        self.assertEqual((p.returncode, p.stdout), (0, ""))

    def test_user_mistakes_are_caught(self):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        user = os.path.join(tmp, "user.py")
        with open(user, "w") as f:
            f.write(USER_CODE)
        p = self.mypy(user)
        lines = [line.split(": error: ")[0].rsplit(":", 1)[1] + ": " + line.split("  [")[-1]
                 for line in p.stdout.splitlines() if ": error: " in line]
        # Line 7 passes a str to a scalar function, line 8 misspells a
        # Segment field; the rest type-checks.
        self.assertEqual(lines, ["7: arg-type]", "8: call-arg]"], p.stdout)


if __name__ == "__main__":
    unittest.main()
