"""install_test.sh's verdicts, and that the test command installs what it
needs: make check runs the README's install commands themselves."""
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile

import amsize
from support import HERE

INSTALL_TEST = os.path.join(HERE, "..", "install_test.sh")
BACKEND = os.path.join(HERE, "..", "_backend", "amsize_build.py")
PACKAGE = os.path.join(HERE, "..", "amsize")
QUICKSTART = os.path.join(HERE, "..", "..", "..", "quickstart.sh")

# Debian's python3 without the python3-venv package: the venv module is
# there, ensurepip is not, so `python3 -m venv DIR` stops with this.
NO_ENSUREPIP = """#!/bin/sh
if [ "$1" = -m ] && [ "$2" = venv ]; then
    echo "The virtual environment was not created successfully because ensurepip is not" >&2
    echo "available.  On Debian/Ubuntu systems, you need to install the python3-venv" >&2
    exit 1
fi
exec "%s" "$@"
"""


@unittest.skipUnless(os.path.exists(INSTALL_TEST) and shutil.which("sh"),
                     "install_test.sh or sh is not here")
class InstallTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)
        # A build tree holding only the library install_test.sh looks for.
        libs = os.path.join(self.tmp, "build", "lib", ".libs")
        os.makedirs(libs)
        os.symlink(os.path.abspath(amsize.library_path),
                   os.path.join(libs, "libamsize.so.0"))

    def run_install_test(self, pythons):
        env = dict(os.environ, top_srcdir=os.path.join(HERE, "..", "..", ".."),
                   top_builddir=os.path.join(self.tmp, "build"),
                   AMSIZE_INSTALL_PYTHONS=pythons)
        return subprocess.run(["sh", INSTALL_TEST], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, universal_newlines=True)

    def test_python_without_venv_fails(self):
        fake = os.path.join(self.tmp, "python3")
        with open(fake, "w") as f:
            f.write(NO_ENSUREPIP % sys.executable)
        os.chmod(fake, 0o755)
        p = self.run_install_test(fake)
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn("FAIL: %s -m venv does not work: on Debian, apt-get install "
                      "python3-venv (sh quickstart.sh test installs it)" % fake, p.stdout)
        self.assertNotIn("SKIP", p.stdout)

    def test_no_usable_python_skips(self):
        p = self.run_install_test(os.path.join(self.tmp, "no-such-python3"))
        self.assertEqual(p.returncode, 77, p.stdout)


@unittest.skipUnless(os.path.exists(BACKEND), "the build backend is not here (installed copy)")
class BuildBackend(unittest.TestCase):
    """What pip install gets: the wheel and sdist of the in-tree backend."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)
        spec = importlib.util.spec_from_file_location("amsize_build", BACKEND)
        self.backend = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(self.backend)
        self.modules = {"amsize/" + n for n in os.listdir(PACKAGE) if n.endswith(".py")}

    def test_wheel_ships_py_typed_and_every_module(self):
        name = self.backend.build_wheel(self.tmp)
        with zipfile.ZipFile(os.path.join(self.tmp, name)) as z:
            names = set(z.namelist())
            self.assertEqual(z.read("amsize/py.typed"), b"")
        self.assertIn("amsize/py.typed", names)
        self.assertLessEqual(self.modules, names)

    def test_sdist_ships_py_typed(self):
        name = self.backend.build_sdist(self.tmp)
        base = name[:-len(".tar.gz")]
        with tarfile.open(os.path.join(self.tmp, name)) as t:
            names = {n[len(base) + 1:] for n in t.getnames()}
        self.assertIn("amsize/py.typed", names)
        self.assertLessEqual(self.modules, names)


@unittest.skipUnless(os.path.exists(QUICKSTART), "quickstart.sh is not here (installed copy)")
class Quickstart(unittest.TestCase):
    def test_installs_python3_venv(self):
        with open(QUICKSTART) as f:
            m = re.search(r'^packages="([^"]*)"', f.read(), re.M)
        packages = m.group(1).replace("\\\n", " ").split()
        # The README's Debian install makes a venv; without python3-venv
        # /usr/bin/python3 cannot (and install_test.sh fails).
        self.assertIn("python3-venv", packages)
        self.assertIn("python3", packages)


if __name__ == "__main__":
    unittest.main()
