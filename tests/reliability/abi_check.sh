#!/bin/sh
# The ABI gate: compares a freshly built libamsize.so with the baseline of
# the last release in abi/ (see RELEASING.md).
#
#   sh tests/reliability/abi_check.sh BUILD            check
#   sh tests/reliability/abi_check.sh --update BUILD   rewrite the baseline
#
# BUILD is a configured and built tree whose CFLAGS include -g (autoconf's
# default -g -O2 does). Two checks:
#  1. The names of `nm -D --defined-only` against the release's, which the
#     baseline's <elf-symbol> elements record: a name that is gone, or any
#     exported name not starting with amsize_, fails; a new amsize_ name
#     passes (and is listed). abi/symbols.txt is the current list, not the
#     release's: make check (tests/check_exports.sh) compares it exactly, so
#     a new function lands with its line there.
#  2. abidiff against abi/libamsize.so.0.abi, public headers only
#     (--headers-dir include/). abidiff's exit status is a bit set: 1 error,
#     2 usage error, 4 "the ABI changed", 8 "an incompatible change" (a
#     removed symbol). Bit 4 is also set when functions were only added,
#     so it cannot be the verdict alone: the run fails on bits 1, 2 or 8,
#     and on bit 4 when abidiff's summary counts any removed or changed
#     function or variable (a changed struct layout shows up as a changed
#     function whose parameter type changed). Only-added passes.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
update=0
if [ "${1:-}" = "--update" ]; then
    update=1
    shift
fi
build=$(cd "${1:-$top/_build}" && pwd)
so="$build/lib/.libs/libamsize.so"
base="$top/abi"

if [ ! -f "$so" ]; then
    echo "FAIL: no shared library at $so: build first" >&2
    exit 1
fi
so=$(readlink -f "$so")

symbols() {
    nm -D --defined-only "$1" | awk 'NF >= 3 { print $3 }' | LC_ALL=C sort
}

if [ "$update" -eq 1 ]; then
    symbols "$so" > "$base/symbols.txt"
    # Paths, compilation directories and type ids that depend on the build
    # directory are left out, so the file only changes with the ABI.
    abidw --no-corpus-path --no-comp-dir-path --short-locs --drop-private-types \
        --type-id-style hash --headers-dir "$top/include" --headers-dir "$build/include" \
        --out-file "$base/libamsize.so.0.abi" "$so"
    echo "updated $base/symbols.txt ($(wc -l < "$base/symbols.txt") symbols) and" \
        "$base/libamsize.so.0.abi from $so"
    exit 0
fi

fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. Exported names, against the release's.
symbols "$so" > "$tmp/symbols.txt"
sed -n "s/.*<elf-symbol name='\([^']*\)'.*/\1/p" "$base/libamsize.so.0.abi" |
    LC_ALL=C sort > "$tmp/release.txt"
removed=$(LC_ALL=C comm -23 "$tmp/release.txt" "$tmp/symbols.txt")
added=$(LC_ALL=C comm -13 "$tmp/release.txt" "$tmp/symbols.txt")
foreign=$(grep -v '^amsize_' "$tmp/symbols.txt" || true)
if [ -n "$removed" ]; then
    echo "FAIL: exported symbols removed since the baseline (an incompatible change):"
    printf '  %s\n' $removed
    fail=1
fi
if [ -n "$foreign" ]; then
    echo "FAIL: exported names outside amsize_:"
    printf '  %s\n' $foreign
    fail=1
fi
if [ -n "$added" ]; then
    echo "NOTE: exported symbols added since the baseline (fine in a minor release):"
    printf '  %s\n' $added
fi
[ $fail -eq 0 ] && echo "PASS: exported symbols: $(wc -l < "$tmp/symbols.txt"), none removed since the baseline, all amsize_*"

# 2. Types and signatures.
rc=0
abidiff --no-show-locs --hd2 "$top/include" --hd2 "$build/include" \
    "$base/libamsize.so.0.abi" "$so" > "$tmp/abidiff.txt" 2>&1 || rc=$?
changed=$(grep -E '(Functions|Variables) changes summary' "$tmp/abidiff.txt" |
    sed -E 's/.*summary: ([0-9]+) Removed[^,]*, ([0-9]+) Changed.*/\1 \2/' |
    awk '{ s += $1 + $2 } END { print s + 0 }')
if [ $((rc & 3)) -ne 0 ]; then
    echo "FAIL: abidiff could not compare (exit $rc):"
    cat "$tmp/abidiff.txt"
    fail=1
elif [ $((rc & 8)) -ne 0 ] || { [ $((rc & 4)) -ne 0 ] && [ "$changed" -ne 0 ]; }; then
    echo "FAIL: the ABI changed incompatibly since the baseline (abidiff exit $rc):"
    cat "$tmp/abidiff.txt"
    fail=1
elif [ $((rc & 4)) -ne 0 ]; then
    echo "PASS: abidiff: additions only (exit $rc):"
    grep -E 'summary|Added' "$tmp/abidiff.txt" | sed 's/^/  /'
else
    echo "PASS: abidiff: no ABI change against abi/libamsize.so.0.abi"
fi
exit $fail
