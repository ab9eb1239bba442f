#!/bin/sh
# The install commands of bindings/python/README.md, run as written and with
# no network: they must build the wheel with the in-tree backend alone and
# give an importable package.
#
# Interpreters: Debian's /usr/bin/python3 first (the one CI's fresh Debian
# machine has), then python3 from PATH when that is another interpreter
# (pyenv, a venv). AMSIZE_INSTALL_PYTHONS="py1 py2" replaces the list.
# For each, in a fresh $HOME: the venv (Debian's with --system-site-packages,
# as the README says) and `pip install --target` with the interpreter's own
# pip (the venv's when it has none).
#
# A python3 without a working venv is a FAIL, not a SKIP: `sh quickstart.sh
# test` installs python3-venv, so a broken venv is a broken machine setup.
set -eu
src="${top_srcdir:-.}"
b="${top_builddir:-.}"
lib="$b/lib/.libs/libamsize.so.0"
if [ ! -f "$lib" ]; then
    echo "SKIP: no shared library at $lib (static-only build)"
    exit 77
fi
AMSIZE_LIBRARY="$(cd "$(dirname "$lib")" && pwd)/$(basename "$lib")"
src="$(cd "$src" && pwd)"
# The commands stay exactly as the README writes them; these say "offline,
# no cache, no noise" from the environment instead of from extra options.
PIP_NO_INDEX=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
# The source may be read-only (distcheck): no __pycache__ in it.
PYTHONDONTWRITEBYTECODE=1
# Only what the commands install may be imported (no source tree copy).
unset PYTHONPATH
export AMSIZE_LIBRARY PIP_NO_INDEX PIP_NO_CACHE_DIR PIP_DISABLE_PIP_VERSION_CHECK \
    PIP_ROOT_USER_ACTION PYTHONDONTWRITEBYTECODE

real_exe() {
    "$1" -c 'import os, sys; print(os.path.realpath(sys.executable))' 2>/dev/null || true
}

if [ -n "${AMSIZE_INSTALL_PYTHONS:-}" ]; then
    pythons=$AMSIZE_INSTALL_PYTHONS
else
    pythons=""
    [ -x /usr/bin/python3 ] && pythons=/usr/bin/python3
    other=$(command -v python3 || true)
    # The interpreter itself, not a shim (pyenv's finds it through $HOME,
    # which each run below replaces).
    other=$(real_exe "${other:-/nonexistent}")
    if [ -n "$other" ] && [ "$other" != "$(real_exe /usr/bin/python3)" ]; then
        pythons="$pythons $other"
    fi
fi
if [ -z "$pythons" ]; then
    echo "SKIP: no python3"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check_import() { # PYTHON WHERE [PYTHONPATH]: imports amsize from outside the source
    (cd "$tmp" && if [ -n "${3:-}" ]; then PYTHONPATH=$3 && export PYTHONPATH; fi &&
        "$1" -c '
import amsize, os, sys
assert sys.argv[1] in amsize.__file__, (amsize.__file__, sys.argv[1])
assert amsize.fte_net_calc(30e6, 1.5e6) == 20.0
# PEP 561: the marker that makes type checkers read the type hints.
assert os.path.isfile(os.path.join(os.path.dirname(amsize.__file__), "py.typed"))
print("PASS:", sys.executable, "imports", amsize.__file__, "library", amsize.library_version)
' "$2")
}

failed=0
tested=0
n=0
for py in $pythons; do
    n=$((n + 1))
    if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 8))' 2>/dev/null; then
        echo "SKIP: $py is not Python 3.8 or newer"
        continue
    fi
    tested=$((tested + 1))
    # The README's ~/amsize-env and ~/amsize-lib, in a fresh home each.
    HOME="$tmp/home$n"
    export HOME
    mkdir "$HOME"
    env=~/amsize-env
    target=~/amsize-lib
    # README: "/usr/bin/python3 -m venv --system-site-packages ~/amsize-env";
    # any other python3: a plain venv, then "python3 -m pip install ./bindings/python".
    opt=""
    [ "$py" = /usr/bin/python3 ] && opt=--system-site-packages
    # shellcheck disable=SC2086
    if ! "$py" -m venv $opt "$env" >"$tmp/venv.log" 2>&1; then
        cat "$tmp/venv.log"
        echo "FAIL: $py -m venv does not work: on Debian, apt-get install python3-venv" \
            "(sh quickstart.sh test installs it)"
        failed=1
        continue
    fi
    if ! (cd "$src" && "$env/bin/python" -m pip install -q ./bindings/python) ||
        ! check_import "$env/bin/python" "$env/"; then
        echo "FAIL: $py: pip install ./bindings/python into a venv"
        failed=1
    fi
    # README: "python3 -m pip install --target DIR ./bindings/python".
    pip_py=$py
    if ! "$py" -m pip --version >/dev/null 2>&1; then
        echo "note: $py has no pip (Debian: python3-pip); --target with the venv's pip"
        pip_py="$env/bin/python"
    fi
    if ! (cd "$src" && "$pip_py" -m pip install -q --target "$target" ./bindings/python) ||
        ! check_import "$py" "$target/" "$target"; then
        echo "FAIL: $py: pip install --target with $pip_py"
        failed=1
    fi
done
if [ "$tested" -eq 0 ]; then
    echo "SKIP: no Python 3.8 or newer among: $pythons"
    exit 77
fi
exit "$failed"
