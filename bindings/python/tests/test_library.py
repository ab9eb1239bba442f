"""Finding the library, the import-time handshake and its refusals, and
that every C function the package calls has a declared prototype."""
import ctypes
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import amsize
from amsize import _ffi

PKG = os.path.dirname(os.path.abspath(amsize.__file__))

#: The "Guaranteed size" comments of the headers, by amsize_struct_id
#: (11 to 13: plan.h's amsize_staffing, amsize_plan_month and
#: amsize_plan_summary, from 1.1; 14 to 16: evaluate.h's, from 1.1).
GUARANTEED = {1: 24, 2: 120, 3: 64, 4: 48, 5: 40, 6: 56, 7: 48, 8: 192, 9: 184, 10: 96,
              11: 32, 12: 88, 13: 64, 14: 80, 15: 56, 16: 320}


class FakeLib:
    """Just enough of libamsize for check_library()."""

    def __init__(self, major=1, sizes=None):
        self.major = major
        self.sizes = dict((sid, ctypes.sizeof(m)) for sid, (_, m) in _ffi.STRUCT_IDS.items())
        self.sizes.update(sizes or {})

    def amsize_version_major(self):
        return self.major

    def amsize_struct_size(self, sid):
        return self.sizes.get(sid, 0)


def run_import(**env):
    e = dict(os.environ)
    e.update(env)
    return subprocess.run([sys.executable, "-c", "import amsize; print(amsize.library_version)"],
                          env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)


class Handshake(unittest.TestCase):
    def test_loaded_library_matches(self):
        self.assertEqual(_ffi.lib.amsize_version_major(), _ffi.EXPECTED_MAJOR)
        self.assertTrue(amsize.library_version.startswith("1."))
        _ffi.check_library(_ffi.lib)  # no exception
        for sid, (cname, mirror) in _ffi.STRUCT_IDS.items():
            self.assertEqual(_ffi.lib.amsize_struct_size(sid), ctypes.sizeof(mirror), cname)

    def test_guaranteed_sizes(self):
        for sid, size in GUARANTEED.items():
            self.assertEqual(ctypes.sizeof(_ffi.STRUCT_IDS[sid][1]), size)

    def test_major_version_refused(self):
        with self.assertRaises(ImportError) as cm:
            amsize._check_library(FakeLib(major=2), path="libfake.so")
        self.assertIsInstance(cm.exception, amsize.LibraryMismatchError)
        self.assertIn("libfake.so is libamsize major version 2, but this binding needs 1.x",
                      str(cm.exception))

    def real_sizes_plus(self, delta):
        """The loaded library, with amsize_struct_size() reporting each
        struct delta[id] bytes larger (negative: smaller)."""
        real = _ffi.lib

        class Patched:
            amsize_version_major = real.amsize_version_major

            @staticmethod
            def amsize_struct_size(sid):
                return real.amsize_struct_size(sid) + delta.get(sid, 0)

        return Patched()

    def test_equal_sizes_accepted(self):
        amsize._check_library(self.real_sizes_plus({}))  # no exception

    def test_larger_sizes_accepted(self):
        # A newer 1.x library whose structs gained fields: the binding
        # passes its own sizes to the *_init_ functions, which that library
        # accepts (ABI policy), so it is safe to use.
        amsize._check_library(self.real_sizes_plus({sid: 8 for sid in _ffi.STRUCT_IDS}))
        amsize._check_library(self.real_sizes_plus({8: 16, 2: 8}))

    def test_smaller_sizes_refused(self):
        with self.assertRaises(amsize.LibraryMismatchError) as cm:
            amsize._check_library(self.real_sizes_plus({2: -8, 8: 16}), path="libold.so")
        msg = str(cm.exception)
        self.assertEqual(msg, "amsize: libold.so is older than this binding: amsize_segment is "
                              "112 bytes in the library, 120 in the binding; install a "
                              "libamsize 1.x at least as new as the binding, or the binding "
                              "of the library's release")
        with self.assertRaises(amsize.LibraryMismatchError) as cm:
            amsize._check_library(self.real_sizes_plus({sid: -8 for sid in _ffi.STRUCT_IDS}))
        msg = str(cm.exception)
        for sid, (cname, _) in _ffi.STRUCT_IDS.items():
            self.assertIn("%s is %d bytes in the library, %d in the binding"
                          % (cname, GUARANTEED[sid] - 8, GUARANTEED[sid]), msg)

    def test_other_major_refused_whatever_the_sizes(self):
        for major in (0, 2):
            for delta in (-8, 0, 8):
                with self.subTest(major=major, delta=delta):
                    sizes = {sid: GUARANTEED[sid] + delta for sid in GUARANTEED}
                    with self.assertRaisesRegex(amsize.LibraryMismatchError,
                                                "major version %d, but this binding needs "
                                                "1.x" % major):
                        amsize._check_library(FakeLib(major=major, sizes=sizes))

    def test_unknown_struct_refused(self):
        # A library that does not know amsize_totals answers 0.
        with self.assertRaisesRegex(ImportError, "amsize_totals is 0 bytes"):
            _ffi.check_library(FakeLib(sizes={9: 0}))

    def test_real_library_refused_by_other_major(self):
        # The real check on the real library, by a binding that needs 2.x.
        with self.assertRaises(amsize.LibraryMismatchError) as cm:
            amsize._check_library(_ffi.lib, expected_major=2, path="libamsize.so.0")
        self.assertIn("libamsize.so.0 is libamsize major version 1, but this binding needs 2.x",
                      str(cm.exception))

    def test_environment_cannot_change_the_handshake(self):
        # AMSIZE_EXPECT_MAJOR once made the import expect another major.
        p = run_import(AMSIZE_EXPECT_MAJOR="2")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), amsize.library_version)

    def test_new_structs_are_initialised(self):
        for sid, (cname, mirror) in _ffi.STRUCT_IDS.items():
            with self.subTest(struct=cname):
                one = _ffi.new(mirror)
                self.assertEqual(one.struct_size, ctypes.sizeof(mirror))
                if len(_ffi.PROTOTYPES[cname + "_init_"][1]) == 2:  # (struct, size)
                    with self.assertRaises(TypeError):
                        _ffi.new(mirror, 3)
                    continue
                for count, length in ((0, 1), (3, 3)):  # never an empty array
                    arr = _ffi.new(mirror, count)
                    self.assertEqual(len(arr), length)
                    self.assertEqual([r.struct_size for r in arr],
                                     [ctypes.sizeof(mirror)] * length)

    def test_a_refused_init_is_still_caught(self):
        # _ffi.new() does not look at the *_init_() status (the handshake
        # leaves it no way to fail). Should a library refuse anyway, the
        # struct keeps struct_size 0 and the call using it says so.
        real = _ffi.new
        _ffi.new = lambda mirror, count=None: (
            mirror() if count is None else (mirror * max(count, 1))())
        try:
            with self.assertRaises(amsize.AmsizeError) as cm:
                amsize.netratio(dict(accounts=1, am_productivity=1.0, am_cost=1.0,
                                     max_load=1.0))
        finally:
            _ffi.new = real
        self.assertEqual(cm.exception.status, amsize.Status.E_STRUCT_SIZE)

    def test_import_with_bad_path(self):
        p = run_import(AMSIZE_LIBRARY="/nonexistent/libamsize.so.0")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("ImportError", p.stderr)
        self.assertIn("AMSIZE_LIBRARY: /nonexistent/libamsize.so.0", p.stderr)

    def test_import_works(self):
        p = run_import()
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), amsize.library_version)

    def test_missing_functions(self):
        class Lib:
            """Exports every function except those named in lacks."""

            def __init__(self, lacks):
                self.lacks = lacks

            def __getattr__(self, name):
                if self.lacks(name):
                    raise AttributeError(name)
                fn = type("Fn", (), {})()
                setattr(self, name, fn)
                return fn

        with self.assertRaisesRegex(ImportError, "lacks amsize_chart_compute"):
            _ffi.declare(Lib(lambda n: n == "amsize_chart_compute"))
        # No function is optional: a library that passes the handshake
        # knows amsize_totals (its size is not 0), and so has totals.h.
        with self.assertRaisesRegex(amsize.LibraryMismatchError, "lacks amsize_totals_add"):
            _ffi.declare(Lib(lambda n: n == "amsize_totals_add"))
        _ffi.declare(Lib(lambda n: False))  # no exception


STUB_C = """#include <stddef.h>
#include <stdint.h>
int32_t amsize_version_major(void) { return %d; }
size_t amsize_struct_size(int32_t id)
{
    static const size_t sizes[] = {0, %s};
    return id > 0 && (size_t)id < sizeof sizes / sizeof sizes[0] ? sizes[id] : 0;
}
"""


def compiler():
    for cc in (os.environ.get("CC", "").split()[:1] or []) + ["cc", "gcc", "clang"]:
        if shutil.which(cc):
            return cc
    return None


@unittest.skipUnless(compiler(), "no C compiler to build a stub library")
class StubLibrary(unittest.TestCase):
    """A real import against a stand-in libamsize.so that exports only the
    two handshake functions, built here with the system compiler."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)

    def stub(self, major, sizes=None):
        table = dict(GUARANTEED)
        table.update(sizes or {})
        src = os.path.join(self.tmp, "stub.c")
        lib = os.path.join(self.tmp, "libamsize-stub-%d.so" % len(os.listdir(self.tmp)))
        with open(src, "w") as f:
            f.write(STUB_C % (major, ", ".join(str(table[i]) for i in sorted(table))))
        # Not the sanitizer runtime the ASan run preloads into python3.
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
        p = subprocess.run([compiler(), "-shared", "-fPIC", "-o", lib, src], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        self.assertEqual(p.returncode, 0, p.stdout)
        return lib

    def test_import_refuses_other_major(self):
        lib = self.stub(major=2)
        p = run_import(AMSIZE_LIBRARY=lib)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("amsize._ffi.LibraryMismatchError: amsize: %s is libamsize major version 2, "
                      "but this binding needs 1.x" % lib, p.stderr)

    def test_import_passes_the_handshake_with_matching_sizes(self):
        # The control: the same stub at 1.x with the binding's sizes gets
        # past the handshake and is refused only for what it lacks.
        for grow in (0, 8):  # equal sizes, and a newer 1.x's larger ones
            with self.subTest(grow=grow):
                lib = self.stub(major=1, sizes={i: GUARANTEED[i] + grow for i in GUARANTEED})
                p = run_import(AMSIZE_LIBRARY=lib)
                self.assertNotEqual(p.returncode, 0)
                self.assertIn("the loaded libamsize lacks amsize_version()", p.stderr)
                self.assertNotIn("major version", p.stderr)
                self.assertNotIn("older than this binding", p.stderr)

    def test_import_refuses_a_1_0_library(self):
        # 1.0 has no field table (amsize_field_info, id 10, from 1.1): its
        # amsize_struct_size(10) is 0, and the binding reads its defaults
        # and range texts from that table.
        lib = self.stub(major=1, sizes={10: 0})
        p = run_import(AMSIZE_LIBRARY=lib)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("LibraryMismatchError: amsize: %s is older than this binding: "
                      "amsize_field_info is 0 bytes in the library, 96 in the binding" % lib,
                      p.stderr)

    def test_import_refuses_an_older_library(self):
        lib = self.stub(major=1, sizes={8: 184})  # an amsize_chart_row 8 bytes short
        p = run_import(AMSIZE_LIBRARY=lib)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("LibraryMismatchError: amsize: %s is older than this binding: "
                      "amsize_chart_row is 184 bytes in the library, 192 in the binding" % lib,
                      p.stderr)


class Discovery(unittest.TestCase):
    def setUp(self):
        self.saved = os.environ.pop("AMSIZE_LIBRARY", None)

    def tearDown(self):
        if self.saved is not None:
            os.environ["AMSIZE_LIBRARY"] = self.saved

    def test_order_without_env(self):
        found = _ffi._candidates()
        copies = sorted(glob.glob(os.path.join(PKG, "libamsize.so*")))
        self.assertEqual([p for how, p in found if how == "package copy"], copies)
        self.assertEqual(found[-1], ("default name", "libamsize.so.0"))
        hows = [how for how, _ in found]
        self.assertEqual(hows, sorted(hows, key=["package copy", "find_library('amsize')",
                                                 "default name"].index))

    def test_env_is_the_only_candidate(self):
        os.environ["AMSIZE_LIBRARY"] = "/x/libamsize.so.0"
        self.assertEqual(_ffi._candidates(), [("AMSIZE_LIBRARY", "/x/libamsize.so.0")])


class Prototypes(unittest.TestCase):
    def test_every_called_function_is_declared(self):
        # Every amsize_*( call, the per-method names built in
        # _core._method() and the *_init_() that _ffi.new() calls for each
        # struct must have a prototype.
        called = {"amsize_%s_compute" % stem for stem in ("netratio", "support", "load")}
        called |= {cname + "_init_" for cname, _ in _ffi.STRUCT_IDS.values()}
        for path in glob.glob(os.path.join(PKG, "*.py")):
            with open(path) as f:
                src = f.read()
            called |= set(re.findall(r"\b(amsize_\w+)\s*\(", src))
        self.assertEqual(sorted(c for c in called if c not in _ffi.PROTOTYPES), [])

    def test_declared_on_the_library(self):
        for name, (restype, argtypes) in _ffi.PROTOTYPES.items():
            fn = getattr(_ffi.lib, name)
            self.assertEqual(fn.restype, restype, name)
            self.assertEqual(fn.argtypes, argtypes, name)


if __name__ == "__main__":
    unittest.main()
