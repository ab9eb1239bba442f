"""The binding's chart equals the amsize command's CSV, field by field, on
the bundled sample (examples/data), read through examples/notebook_demo.py.

The command's CSV keeps full precision (shortest round-trip digits), so
every number must match exactly, not within a tolerance."""
import csv
import importlib.util
import io
import os
import subprocess
import unittest

from support import HERE

ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DATA = os.path.join(ROOT, "examples", "data")
DEMO = os.path.join(ROOT, "examples", "notebook_demo.py")
CLI = os.environ.get("AMSIZE_CLI", "")


def load_demo():
    spec = importlib.util.spec_from_file_location("notebook_demo", DEMO)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cell(value):
    """A Python chart value as the command writes it in a CSV cell, with
    None for an empty cell."""
    if isinstance(value, tuple):
        value = "|".join(value)
    return None if value in (None, "") else value


def parse(text, like):
    """A CSV cell read back as the type of the binding's value."""
    if text == "":
        return None
    if isinstance(like, int):
        return int(text)
    if isinstance(like, float):
        return float(text)
    return text


@unittest.skipUnless(CLI and os.access(CLI, os.X_OK), "AMSIZE_CLI does not name the built amsize")
@unittest.skipUnless(os.path.exists(os.path.join(DATA, "accounts.csv")), "no bundled sample")
class SameAsCommand(unittest.TestCase):
    def test_bundled_sample(self):
        accounts = os.path.join(DATA, "accounts.csv")
        segments = os.path.join(DATA, "segments.csv")
        out = subprocess.run([CLI, "chart", "--segments", segments, "--accounts", accounts,
                              "--format", "csv", "-q"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             universal_newlines=True, check=True).stdout
        cli_rows = list(csv.DictReader(io.StringIO(out)))

        demo = load_demo()
        templates = demo.read_segments(segments)
        names = [s.name for s in templates]
        chart, _ = demo.size(demo.read_accounts_csv(accounts, names), templates)
        py_rows = list(chart.rows) + [chart.total]

        self.assertEqual(len(cli_rows), len(py_rows))
        self.assertEqual(list(cli_rows[0].keys()), list(chart.total.__dataclass_fields__))
        checked = 0
        for cli_row, py_row in zip(cli_rows, py_rows):
            for field, text in cli_row.items():
                want = getattr(py_row, field)
                self.assertEqual(parse(text, want), cell(want),
                                 "%s %s: csv %r" % (py_row.segment, field, text))
                checked += 1
        self.assertEqual(checked, 26 * len(py_rows))


if __name__ == "__main__":
    unittest.main()
