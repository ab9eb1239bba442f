#!/bin/sh
# Builds the libFuzzer targets of tests/fuzz/ with clang
# (-fsanitize=fuzzer,address,undefined) and runs each for a bounded time
# from its committed seed corpus (tests/fuzz/corpus/TARGET/). A crash, an
# invariant violation (abort), a leak, an UndefinedBehaviorSanitizer report
# or a timeout fails the run; the input that did it is kept in
# BUILD/_fuzz/artifacts/ and replayed with its report.
#
#   sh tests/fuzz/run.sh [--long] [BUILD] [TARGET...]
#
# BUILD is a configured build directory (for config.h and version.h; default
# _build). Time per target: FUZZ_SECONDS (default 60), or one hour with
# --long (`make fuzz-long` runs that). FUZZ_JOBS runs that many targets at
# once (default 1; keep it at or below the cores you have).
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${FUZZ_SECONDS:-60}
if [ "${1:-}" = "--long" ]; then
    seconds=${FUZZ_SECONDS_LONG:-3600}
    shift
fi
build=$(cd "${1:-$top/_build}" && pwd)
[ $# -gt 0 ] && shift
if [ ! -f "$build/config.h" ] || [ ! -f "$build/include/amsize/version.h" ]; then
    echo "FAIL: $build is not a configured build directory" >&2
    exit 1
fi

CLANG=${CLANG:-clang}
out="$build/_fuzz"
mkdir -p "$out/obj" "$out/artifacts" "$out/corpus"
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
-fno-omit-frame-pointer -I$build -I$build/include -I$top/include"

targets="chart totals"
# The CSV targets need the amsize command's reader (tools/csvin.h).
if [ -f "$top/tools/csvin.h" ] && [ -f "$top/tools/input.c" ]; then
    targets="csv_segments csv_accounts csv_roster csv_ramp csv_evaluate $targets"
else
    echo "NOTE: tools/csvin.h not in this tree: CSV targets not built"
fi
[ $# -gt 0 ] && targets="$*"

echo "building fuzz targets in $out: $targets"
# The library once, then each target; compile in sequence (shared machine).
libobjs=""
for src in "$top"/lib/*.c; do
    o="$out/obj/lib_$(basename "$src" .c).o"
    # shellcheck disable=SC2086
    $CLANG $flags -fvisibility=hidden -DAMSIZE_BUILDING -c "$src" -o "$o"
    libobjs="$libobjs $o"
done
toolobjs=""
case "$targets" in *csv_*)
    for src in csvin csvtable csvcell csvrows field input segments accounts roster ramp explain \
        nameset msg number text xalloc; do
        o="$out/obj/tool_$src.o"
        # fuzzer-no-link: instrumented for coverage, no second main()
        # shellcheck disable=SC2086
        $CLANG $(echo "$flags" | sed 's/fuzzer,/fuzzer-no-link,/') -I"$top/tools" \
            -c "$top/tools/$src.c" -o "$o"
        toolobjs="$toolobjs $o"
    done ;;
esac
for t in $targets; do
    extra="" ; libs="-lm"
    case "$t" in csv_*) extra="-I$top/tools $toolobjs"; libs="-lcsv -lm" ;; esac
    # shellcheck disable=SC2086
    $CLANG $flags $extra "$top/tests/fuzz/fuzz_$t.c" $libobjs -o "$out/fuzz_$t" $libs
done

run_one() {
    t=$1
    work="$out/corpus/$t"
    mkdir -p "$work"
    log="$out/fuzz_$t.log"
    rm -f "$out/artifacts/$t-"*
    # Leaks are reported at exit of each input (detect_leaks), UB aborts
    # (-fno-sanitize-recover), and a slow input is a timeout.
    if ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1" \
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        "$out/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$out/artifacts/$t-" \
        "$work" "$top/tests/fuzz/corpus/$t" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
        cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -n 1)
        echo "PASS: fuzz_$t: ${runs:-?} inputs in ${seconds}s, $cov"
        return 0
    fi
    echo "FAIL: fuzz_$t (log: $log)"
    grep -E 'invariant violated|ERROR: |runtime error|SUMMARY' "$log" | head -n 20
    for a in "$out/artifacts/$t-"*; do
        [ -f "$a" ] || continue
        echo "--- replaying $a"
        FUZZ_VERBOSE=1 "$out/fuzz_$t" "$a" 2>&1 | grep -v '^INFO' | head -n 60 || true
    done
    return 1
}

fail=0
jobs=${FUZZ_JOBS:-1}
if [ "$jobs" -gt 1 ]; then
    # At most $jobs targets at a time, each result printed in order.
    set -- $targets
    while [ $# -gt 0 ]; do
        batch="" pids=""
        i=0
        while [ $# -gt 0 ] && [ $i -lt "$jobs" ]; do
            run_one "$1" >"$out/result_$1" 2>&1 &
            pids="$pids $!" batch="$batch $1"
            i=$((i + 1))
            shift
        done
        for p in $pids; do wait "$p" || fail=1; done
        for t in $batch; do cat "$out/result_$t"; done
    done
else
    for t in $targets; do run_one "$t" || fail=1; done
fi
exit $fail
