"""examples/notebook_demo.py on the small fixture in tests/data."""
import os
import subprocess
import sys
import unittest

from support import DATA, HERE, pandas

DEMO = os.path.normpath(os.path.join(HERE, "..", "..", "..", "examples", "notebook_demo.py"))


@unittest.skipUnless(os.path.exists(DEMO), "examples/notebook_demo.py is not in this tree")
class Demo(unittest.TestCase):
    def run_demo(self, *args):
        return subprocess.run([sys.executable, DEMO] + list(args), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, universal_newlines=True)

    def test_fixture(self):
        p = self.run_demo(os.path.join(DATA, "accounts.csv"), os.path.join(DATA, "segments.csv"))
        self.assertEqual(p.returncode, 0, p.stderr)
        out = p.stdout
        # Enterprise: U 410k + X 170k - C 280k = 300k on a 4.3M book;
        # W = 1.5 + 1 + 2 + 1 = 5.5 over max_load 3 -> floor 2.
        self.assertRegex(out, r"\nEnterprise +4 +300,000 +7\.0% +medium .* 2 +service_floor\n")
        self.assertRegex(out, r"\nSMB +6 .* demand +UNECONOMIC\n")
        self.assertRegex(out, r"\nTOTAL +15 +458,500 ")
        self.assertIn("Enterprise   covered   12.4%  uncovered    1.8%", out)
        if pandas:
            self.assertIn("pandas route: same chart", out)

    def test_missing_file(self):
        p = self.run_demo("/nonexistent/accounts.csv")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("/nonexistent/accounts.csv not found", p.stderr)


if __name__ == "__main__":
    unittest.main()
