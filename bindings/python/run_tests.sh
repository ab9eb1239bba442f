#!/bin/sh
# Runs the Python binding's unittest suite against the library in the build
# tree. Uses Debian's /usr/bin/python3 when present (it has python3-numpy and
# python3-pandas, so those tests run too), else python3 from PATH.
set -eu
src="${top_srcdir:-.}"
b="${top_builddir:-.}"
lib="$b/lib/.libs/libamsize.so.0"
if [ ! -f "$lib" ]; then
    echo "SKIP: no shared library at $lib (static-only build)"
    exit 77
fi
if [ -x /usr/bin/python3 ]; then
    py=/usr/bin/python3
elif command -v python3 >/dev/null 2>&1; then
    py=python3
else
    echo "SKIP: no python3"
    exit 77
fi
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 8))'; then
    echo "SKIP: $py is older than Python 3.8"
    exit 77
fi
AMSIZE_LIBRARY="$(cd "$(dirname "$lib")" && pwd)/$(basename "$lib")"
PYTHONPATH="$src/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
# No __pycache__ in the source tree (distcheck's is read-only).
PYTHONDONTWRITEBYTECODE=1
# The command, for the test that compares the binding with its CSV.
AMSIZE_CLI="$(cd "$b" && pwd)/tools/amsize"
export AMSIZE_LIBRARY PYTHONPATH PYTHONDONTWRITEBYTECODE AMSIZE_CLI
"$py" --version
exec "$py" -m unittest discover -v -s "$src/bindings/python/tests" -t "$src/bindings/python/tests"
