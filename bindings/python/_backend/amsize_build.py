"""A PEP 517 build backend for the amsize binding, standard library only.

Why not setuptools: pip builds in an isolated environment and installs the
backend's requirements into it first, from the network. On an offline
machine (and the base image's python3 has no `wheel` either) that fails, so
`python3 -m pip install ./bindings/python` could not work. The package is a
handful of pure-Python files; writing its wheel needs only zipfile and
hashlib, so this backend requires nothing and builds anywhere.

Metadata (name, summary, Python requirement) is read from the [project]
table of pyproject.toml, the single place it is written. The version is the
C library's, written once in configure.ac: `make` generates
amsize/_version.py from it, and the wheel takes it from there.
"""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "amsize"


def _project():
    with open(os.path.join(HERE, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    table = re.search(r"^\[project\]\n(.*?)(?=^\[|\Z)", text, re.M | re.S).group(1)

    def field(key):
        m = re.search(r'^%s\s*=\s*"([^"]*)"' % key, table, re.M)
        if not m:
            raise RuntimeError("pyproject.toml: [project] has no %s" % key)
        return m.group(1)

    return {"name": field("name"), "version": _version(),
            "summary": field("description"), "python": field("requires-python")}


def _version():
    path = os.path.join(HERE, PACKAGE, "_version.py")
    try:
        with open(path, encoding="utf-8") as f:
            m = re.search(r'^__version__ = "([^"]+)"$', f.read(), re.M)
    except FileNotFoundError:
        m = None
    if not m:
        raise RuntimeError("%s is missing or has no __version__: it is generated from "
                           "configure.ac; run ./configure and make first" % path)
    return m.group(1)


def _package_files():
    """(path in the wheel, path on disk) for the package: its modules, the
    py.typed marker (PEP 561: type checkers read the package's own hints)
    and a bundled copy of the C library, if one was placed there."""
    root = os.path.join(HERE, PACKAGE)
    for name in sorted(os.listdir(root)):
        if name.endswith(".py") or name == "py.typed" or name.startswith("libamsize.so"):
            yield "%s/%s" % (PACKAGE, name), os.path.join(root, name)


def _metadata(p):
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    return ("Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\n"
            "Requires-Python: %s\nProvides-Extra: numpy\nProvides-Extra: pandas\n"
            "Provides-Extra: plot\n"
            "Description-Content-Type: text/markdown\n\n%s"
            % (p["name"], p["version"], p["summary"], p["python"], readme))


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "%s,sha256=%s,%d\n" % (path, digest.decode("ascii"), len(data))


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    p = _project()
    dist_info = "%s-%s.dist-info" % (p["name"], p["version"])
    wheel_name = "%s-%s-py3-none-any.whl" % (p["name"], p["version"])
    entries = []
    for arcname, path in _package_files():
        with open(path, "rb") as f:
            entries.append((arcname, f.read()))
    entries.append((dist_info + "/METADATA", _metadata(p).encode("utf-8")))
    entries.append((dist_info + "/WHEEL", b"Wheel-Version: 1.0\nGenerator: amsize_build\n"
                    b"Root-Is-Purelib: true\nTag: py3-none-any\n"))
    entries.append((dist_info + "/top_level.txt", (PACKAGE + "\n").encode("ascii")))
    record = "".join(_record_line(name, data) for name, data in entries)
    record += dist_info + "/RECORD,,\n"
    entries.append((dist_info + "/RECORD", record.encode("utf-8")))
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w",
                         zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            # A fixed timestamp: the same sources give the same wheel.
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    p = _project()
    base = "%s-%s" % (p["name"], p["version"])
    files = [("pyproject.toml", os.path.join(HERE, "pyproject.toml")),
             ("README.md", os.path.join(HERE, "README.md")),
             ("_backend/amsize_build.py", os.path.abspath(__file__))]
    files += list(_package_files())
    pkg_info = _metadata(p).encode("utf-8")
    name = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as tar:
        for arcname, path in files:
            tar.add(path, arcname="%s/%s" % (base, arcname))
        info = tarfile.TarInfo("%s/PKG-INFO" % base)
        info.size = len(pkg_info)
        tar.addfile(info, io.BytesIO(pkg_info))
    return name
