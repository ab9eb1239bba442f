#!/bin/sh
# The reliability gate, run by `sh quickstart.sh test` after the plain
# build's make check. Each step builds in a directory of its own under
# BUILD and fails the run on any report:
#
#   asan      gcc -fsanitize=address,undefined: the whole make check
#   valgrind  memcheck over every Check suite (CK_FORK=no) and the thread test
#   fuzz      each libFuzzer target for FUZZ_SECONDS (60) from its corpus
#   coverage  gcc --coverage: make check, then gcovr over lib/ must reach
#             95% of lines and 90% of branches
#   tsan      clang -fsanitize=thread: the thread-safety test
#   abi       the built library against abi/ (tests/reliability/abi_check.sh)
#   badinput  docs/bad-input.md is what tests/reliability/bad_input.sh prints
#
#   sh tests/reliability/run.sh BUILD [STEP...]
#
# Every step runs even when an earlier one failed; the exit status is 1
# when any failed. (Commands inside the steps end in `|| return 1`: set -e
# does not apply inside a function called as an if condition.)
#
# BUILD is the configured, built plain build (default _build). Steps
# default to all of the above, in that order. GATE_JOBS caps parallel make
# jobs (default: the smaller of nproc and 2).
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)
[ $# -gt 0 ] && shift
steps=${*:-"asan valgrind fuzz coverage tsan abi badinput"}
ncpu=$(nproc 2>/dev/null || echo 2)
jobs=${GATE_JOBS:-$([ "$ncpu" -lt 2 ] && echo "$ncpu" || echo 2)}
summary=""
failed=""

say() { printf '\n=== reliability: %s\n' "$*"; }

# configure DIR ARGS...: a fresh build directory, configured quietly.
configure_in() {
    dir=$1
    shift
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && "$top/configure" -q "$@")
}

# The tests make check runs, and the Check suites among them (the
# programs linked with Check), as the Makefile lists them.
make_var() {
    make -s -C "$1" "reliability-print-$2"
}

# Prints the log tails of a failed make check in DIR.
show_logs() {
    for f in $(find "$1" -name '*.log' ! -name 'config.log' ! -name 'test-suite.log' \
        -newer "$1/Makefile" 2>/dev/null); do
        if grep -Eq '^(FAIL|ERROR|XPASS)|ERROR: |runtime error|SUMMARY:|WARNING: ThreadSanitizer' \
            "$f"; then
            echo "--- $f"
            tail -n 60 "$f"
        fi
    done
}

# --- AddressSanitizer + UndefinedBehaviorSanitizer, the whole make check.
step_asan() {
    d="$build/_asan"
    san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
    # gcc, whose sanitized programs and library all use the shared
    # libasan.so: the one runtime that can also be preloaded into python3
    # (clang links its runtime statically into each program, so a program
    # the Python tests start would then carry two).
    configure_in "$d" CC=gcc CFLAGS="-O1 -g $san -fno-omit-frame-pointer" \
        LDFLAGS="$san" || return 1
    make -s -C "$d" -j"$jobs" >/dev/null || return 1
    # An uninstrumented python3 cannot load a sanitized .so by itself: the
    # Python binding's tests (bindings/python/*, and the docs check that
    # uses it) run apart, with the ASan
    # runtime preloaded and leak checking off (the interpreter's own
    # allocations are not ours).
    tests=$(make_var "$d" TESTS) || return 1
    # tests/check_docs.sh reads the field table through the binding too.
    py_tests=$(printf '%s\n' $tests | grep -E '^(bindings/python/|tests/check_docs.sh$)' |
        tr '\n' ' ')
    # tests/cli/memory.sh measures the command's peak RSS, which ASan's
    # shadow memory and quarantine inflate: meaningless here, so skipped
    # (the plain make check runs it).
    echo "run apart under ASan: ${py_tests:-(none)}(python3 with libasan preloaded);" \
        "skipped: tests/cli/memory.sh (measures RSS, which ASan inflates)"
    others=$(printf '%s\n' $tests | grep -vE '^(bindings/python/|tests/check_docs.sh$)' |
        grep -vx tests/cli/memory.sh | tr '\n' ' ')
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    if ! make -s -C "$d" -j"$jobs" check TESTS="$others" >"$d/check.out" 2>&1; then
        cat "$d/check.out" | tail -n 30
        show_logs "$d"
        return 1
    fi
    grep -E '^# (TOTAL|PASS|XFAIL|FAIL|SKIP|ERROR)' "$d/check.out" | tr '\n' ' '
    echo
    rt=$(gcc -print-file-name=libasan.so)
    for t in $py_tests; do
        out="$d/$(echo "$t" | tr / _).asan.out"
        rc=0
        (cd "$d" && top_srcdir="$top" top_builddir=. LD_PRELOAD="$rt" \
            ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" sh "$top/$t" >"$out" 2>&1) || rc=$?
        case $rc in
        0) echo "PASS (ASan+UBSan, LD_PRELOAD=$(basename "$rt"), leaks not checked): $t" ;;
        77) echo "SKIP: $t: $(tail -n 1 "$out")" ;;
        *)
            tail -n 60 "$out"
            echo "FAIL: $t under ASan (exit $rc)"
            return 1
            ;;
        esac
    done
    unset ASAN_OPTIONS UBSAN_OPTIONS
}

# --- valgrind memcheck over the Check suites of the plain build.
step_valgrind() {
    progs=$(make_var "$build" check_PROGRAMS) || return 1
    make -s -C "$build" -j"$jobs" $progs >/dev/null || return 1
    n=0
    for p in $progs; do
        case "$p" in *known_bug_*) continue ;; esac # expected to fail
        [ -x "$build/$p" ] || continue
        log="$build/$p.valgrind.log"
        if ! (cd "$build" && CK_FORK=no AMSIZE_THREAD_ITERATIONS=50 \
            ./libtool --mode=execute valgrind -q --error-exitcode=1 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect,possible "./$p") >"$log" 2>&1; then
            echo "FAIL: valgrind $p"
            tail -n 60 "$log"
            return 1
        fi
        n=$((n + 1))
    done
    echo "valgrind memcheck clean on $n programs: $(echo $progs | sed 's/[^ ]*known_bug_[^ ]*//g')"
}

# --- libFuzzer, each target for a bounded time.
step_fuzz() {
    FUZZ_JOBS=${FUZZ_JOBS:-$jobs} sh "$top/tests/fuzz/run.sh" "$build"
}

# --- coverage of lib/ by make check.
step_coverage() {
    d="$build/_cov"
    # Atomic counters: check_threads runs the library from four threads,
    # and racy counter updates give gcov negative counts gcovr refuses.
    configure_in "$d" CC=gcc CFLAGS="-O0 -g --coverage -fprofile-update=atomic" \
        LDFLAGS="--coverage" || return 1
    make -s -C "$d" -j"$jobs" >/dev/null || return 1
    # Every test, check_exports.sh too: the libtool symbol fence keeps
    # libgcov's __gcov_* names out of the .so.
    if ! make -s -C "$d" -j"$jobs" check >"$d/check.out" 2>&1; then
        tail -n 30 "$d/check.out"
        show_logs "$d"
        return 1
    fi
    # Unreachable branches (after a call that cannot return) are not
    # counted; there are no exceptions in C, so --exclude-throw-branches
    # changes nothing and is left out.
    (cd "$top" && gcovr -r . --object-directory "$d" "$d" --filter 'lib/' \
        --exclude-unreachable-branches --print-summary \
        --txt "$d/coverage.txt" \
        --fail-under-line 95 --fail-under-branch 90) >"$d/gcovr.out" 2>&1 || {
        cat "$d/coverage.txt" "$d/gcovr.out" 2>/dev/null
        echo "FAIL: coverage of lib/ below 95% of lines or 90% of branches"
        return 1
    }
    grep -E '^(lines|branches):' "$d/gcovr.out"
}

# --- ThreadSanitizer over the thread-safety test.
step_tsan() {
    d="$build/_tsan"
    configure_in "$d" CC=clang CFLAGS="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" \
        --disable-shared || return 1
    make -s -C "$d" -j"$jobs" tests/reliability/check_threads >/dev/null || return 1
    TSAN_OPTIONS="halt_on_error=1:exitcode=66" AMSIZE_THREAD_ITERATIONS=500 \
        "$d/tests/reliability/check_threads" >"$d/tsan.out" 2>&1 || {
        head -n 80 "$d/tsan.out"
        return 1
    }
    cat "$d/tsan.out"
}

step_abi() {
    sh "$top/tests/reliability/abi_check.sh" "$build"
}

step_badinput() {
    sh "$top/tests/reliability/bad_input.sh" "$build" >"$build/bad-input.md" || return 1
    if ! diff -u "$top/docs/bad-input.md" "$build/bad-input.md" >"$build/bad-input.diff"; then
        head -n 60 "$build/bad-input.diff"
        echo "FAIL: docs/bad-input.md differs from what the library does now;" \
            "regenerate it: sh tests/reliability/bad_input.sh BUILD > docs/bad-input.md"
        return 1
    fi
    echo "docs/bad-input.md matches the library ($(grep -c '^|' "$top/docs/bad-input.md") table lines)"
}

for s in $steps; do
    say "$s"
    t0=$(date +%s)
    if "step_$s"; then r=PASS; else r=FAIL; failed="$failed $s"; fi
    t=$(($(date +%s) - t0))
    echo "$r: reliability $s (${t}s)"
    summary="$summary
$r: reliability $s (${t}s)"
done

say "summary"
printf '%s\n' "$summary" | sed '/^$/d'
if [ -n "$failed" ]; then
    echo "reliability gate FAILED:$failed"
    exit 1
fi
echo "reliability gate passed"
