#!/bin/sh
# The README's two quick-start commands, for a fresh Debian machine:
#   sh quickstart.sh chart   build everything, print the chart of the sample
#   sh quickstart.sh test    build everything and run every test
# Both install the Debian packages they need (as root) and build in _build/.
set -eu

cd "$(dirname "$0")"
top=$(pwd)
build="$top/_build"
jobs=$(nproc 2>/dev/null || echo 2)

# Everything the build and the tests use, from Debian's archive.
packages="autoconf automake libtool make gcc clang pkg-config check \
libcsv-dev libxlsxwriter-dev unzip time python3 python3-venv python3-numpy python3-pandas \
valgrind libclang-rt-14-dev gcovr abigail-tools python3-mypy python3-matplotlib"

say() { printf '\n=== %s\n' "$*"; }

install_packages() {
    missing=""
    for p in $packages; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    say "installing Debian packages:$missing"
    if [ "$(id -u)" -ne 0 ]; then
        echo "quickstart: run as root, or install:$missing" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing
}

build_all() {
    install_packages
    say "building in $build"
    autoreconf -fi >/dev/null
    mkdir -p "$build"
    (cd "$build" && "$top/configure" --enable-werror -q && make -j"$jobs" >/dev/null)
}

# A program outside the tree, built only with what `make install` put in a
# prefix and what pkg-config says about it. The library is configured alone
# (--disable-tools), as a packager of the library without the command would.
out_of_tree() {
    say "out-of-tree build against the installed library (pkg-config)"
    prefix="$build/_prefix"
    rm -rf "$prefix" "$build/_inst" && mkdir -p "$build/_inst"
    (cd "$build/_inst" && "$top/configure" -q --disable-tools --prefix="$prefix" &&
        make -j"$jobs" >/dev/null && make install >/dev/null)
    work=$(mktemp -d)
    cp "$top/examples/chart_table.c" "$work/"
    PKG_CONFIG_PATH="$prefix/lib/pkgconfig" && export PKG_CONFIG_PATH
    # shellcheck disable=SC2046
    cc -std=c99 -Wall -Wextra -Werror -o "$work/chart_table" "$work/chart_table.c" \
        $(pkg-config --cflags --libs amsize)
    LD_LIBRARY_PATH="$prefix/lib" "$work/chart_table" | grep -q '^Enterprise .* demand'
    # Also the static library, the way an embedded build links it.
    # shellcheck disable=SC2046
    cc -std=c99 -o "$work/chart_static" "$work/chart_table.c" \
        $(pkg-config --cflags amsize) "$prefix/lib/libamsize.a" -lm
    "$work/chart_static" | grep -q '^SMB .* service_floor'
    rm -rf "$work"
    [ ! -e "$prefix/bin/amsize" ] || { echo "FAIL: --disable-tools installed the command"; exit 1; }
    echo "PASS: installed headers, amsize.pc, shared and static library (--disable-tools)"
}

# The same tree compiled by clang, warnings as errors.
clang_build() {
    say "clang build, -Wall -Wextra -Werror"
    rm -rf "$build/_clang" && mkdir -p "$build/_clang"
    # make builds the benchmark program only when asked (make bench): name
    # it, so that it keeps compiling with clang too.
    (cd "$build/_clang" && "$top/configure" -q CC=clang --enable-werror &&
        make -j"$jobs" >/dev/null && make -j"$jobs" bench/amsize-bench >/dev/null &&
        make -j"$jobs" check >/dev/null) ||
        { echo "FAIL: clang build"; exit 1; }
    echo "PASS: clang build, the benchmark program and make check"
}

run_tests() {
    say "make check"
    (cd "$build" && make -j"$jobs" check) || {
        cat "$build"/tests/*.log "$build"/*/*/*.log 2>/dev/null | tail -n 80
        exit 1
    }
    out_of_tree
    clang_build
    say "make distcheck"
    (cd "$build" && make -j"$jobs" distcheck >/dev/null) || { echo "FAIL: distcheck"; exit 1; }
    echo "PASS: distcheck"
    sh "$top/tests/reliability/run.sh" "$build" || exit 1
    say "summary"
    # The plain closing line CI reads: every suite above passed or we
    # would have stopped.
    for log in "$build"/tests/check_*.log; do
        line=$(grep -E '^[0-9]+%: Checks' "$log") || continue
        case "$log" in *.valgrind.log) continue ;; esac
        echo "$(basename "$log" .log):"
        echo "$line"
    done
    (cd "$build" && make bench BENCH_ARGS=--tiny BENCH_OUT="$build/bench-results" >"$build/bench.log" 2>&1) || { tail -n 20 "$build/bench.log"; echo "FAIL: make bench --tiny"; exit 1; }
}

case "${1:-}" in
chart)
    build_all
    say "amsize chart on the bundled sample (examples/data)"
    "$build/tools/amsize" chart --segments "$top/examples/data/segments.csv" \
        --accounts "$top/examples/data/accounts.csv" --format table
    ;;
test)
    build_all
    run_tests
    ;;
*)
    echo "usage: sh quickstart.sh chart | test" >&2
    exit 64
    ;;
esac
