#!/bin/sh
# Fails when the shared library exports any name outside the amsize_ prefix,
# or when it exports none at all (a build without the export macro).
set -eu
so="${top_builddir:-.}/lib/.libs/libamsize.so"
if [ ! -f "$so" ]; then
    echo "SKIP: no shared library at $so (static-only build)"
    exit 77
fi
names=$(nm -D --defined-only "$so" | awk 'NF >= 3 { print $3 }')
count=$(printf '%s\n' "$names" | grep -c '^amsize_' || true)
bad=$(printf '%s\n' "$names" | grep -v '^amsize_' || true)
if [ -n "$bad" ]; then
    echo "FAIL: exported names outside amsize_:"
    printf '  %s\n' $bad
    exit 1
fi
if [ "$count" -lt 10 ]; then
    echo "FAIL: only $count amsize_ symbols exported; is AMSIZE_API applied?"
    exit 1
fi
echo "PASS: $count exported symbols, all amsize_*"
