#!/bin/sh
# The documented install command, `python3 -m pip install ./bindings/python`,
# run into a fresh virtual environment with no network: it must build the
# wheel with the in-tree backend alone and give an importable package.
set -eu
src="${top_srcdir:-.}"
b="${top_builddir:-.}"
lib="$b/lib/.libs/libamsize.so.0"
py=$(command -v python3 || true)
if [ -z "$py" ] || [ ! -f "$lib" ]; then
    echo "SKIP: no python3 or no shared library"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! "$py" -m venv "$tmp/venv" >/dev/null 2>&1; then
    echo "SKIP: $py has no working venv module"
    exit 77
fi
# The source may be read-only (distcheck): build from it as it is.
PIP_NO_INDEX=1 "$tmp/venv/bin/python" -m pip install --no-cache-dir --disable-pip-version-check \
    -q "$src/bindings/python"
AMSIZE_LIBRARY="$(cd "$(dirname "$lib")" && pwd)/$(basename "$lib")"
export AMSIZE_LIBRARY
cd "$tmp"
"$tmp/venv/bin/python" -c '
import amsize, sys
assert "site-packages" in amsize.__file__, amsize.__file__
assert amsize.fte_net_calc(30e6, 1.5e6) == 20.0
print("PASS: installed", amsize.__file__, "library", amsize.library_version)
'
