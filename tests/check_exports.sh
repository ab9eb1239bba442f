#!/bin/sh
# The shared library exports exactly the names in abi/symbols.txt (sorted,
# one a line), and never an internal amsize__* helper. A new public
# function is added to abi/symbols.txt in the same change; a name that
# disappears is an incompatible change (RELEASING.md). The reliability
# gate's tests/reliability/abi_check.sh compares against the same file
# from the other side: since the last release, names may only be added.
set -eu
so="${top_builddir:-.}/lib/.libs/libamsize.so"
list="${top_srcdir:-.}/abi/symbols.txt"
if [ ! -f "$so" ]; then
    echo "SKIP: no shared library at $so (static-only build)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$so" | awk 'NF >= 3 { print $3 }' | LC_ALL=C sort >"$tmp/exported"
fail=0
internal=$(grep '^amsize__' "$tmp/exported" || true)
if [ -n "$internal" ]; then
    echo "FAIL: internal amsize__ helpers exported (the libtool fence in Makefile.am is gone?):"
    printf '  %s\n' $internal
    fail=1
fi
if ! LC_ALL=C sort -c "$list" 2>/dev/null; then
    echo "FAIL: $list is not sorted (LC_ALL=C sort)"
    fail=1
fi
if ! LC_ALL=C diff -u "$list" "$tmp/exported" >"$tmp/diff"; then
    echo "FAIL: the exported names differ from $list"
    echo "(- listed but not exported, + exported but not listed):"
    tail -n +3 "$tmp/diff" | grep '^[-+]' || true
    fail=1
fi
[ "$fail" -eq 0 ] || exit 1
echo "PASS: $(wc -l <"$tmp/exported") exported symbols, exactly those of abi/symbols.txt"
