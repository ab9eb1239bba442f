#!/bin/sh
# The man page and README.md state every range and default as the library's
# field table has them (tests/check_docs.py says how it reads them). Run
# with Debian's /usr/bin/python3 when present, else python3 from PATH, and
# the Python binding from the source tree on the library just built, as
# bindings/python/run_tests.sh does.
set -eu
src="${top_srcdir:-.}"
b="${top_builddir:-.}"
lib="$b/lib/.libs/libamsize.so.0"
if [ ! -f "$lib" ]; then
    echo "SKIP: no shared library at $lib (static-only build): the binding cannot load it"
    exit 77
fi
if [ -x /usr/bin/python3 ]; then
    py=/usr/bin/python3
elif command -v python3 >/dev/null 2>&1; then
    py=python3
else
    echo "SKIP: no python3 to run the Python binding"
    exit 77
fi
AMSIZE_LIBRARY="$(cd "$(dirname "$lib")" && pwd)/$(basename "$lib")"
PYTHONPATH="$src/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
# No __pycache__ in the source tree (distcheck's is read-only).
PYTHONDONTWRITEBYTECODE=1
export AMSIZE_LIBRARY PYTHONPATH PYTHONDONTWRITEBYTECODE
# The man page as configure wrote it (tools/amsize.1.in with the version).
exec "$py" "$src/tests/check_docs.py" "$b/tools/amsize.1" "$src/README.md"
