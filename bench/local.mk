# Benchmarks: make bench (not part of make check).
#
# bench/amsize-bench is built only by `make bench` (or by naming it:
# `make bench/amsize-bench`), which runs it through bench/run_bench.py; that
# also times the command and the Python binding against their competitors.
# See bench/README.md. quickstart.sh builds it with gcc (make bench) and with
# clang (by name), warnings as errors, so it keeps compiling.
EXTRA_PROGRAMS += bench/amsize-bench
# Automake cleans only the programs it always builds.
CLEANFILES += bench/amsize-bench$(EXEEXT)
bench_amsize_bench_SOURCES = bench/amsize_bench.c bench/plain.c bench/bench.h
# The same CFLAGS as lib/ (by default autoconf's -g -O2): the plain loop is
# the floor only if it is compiled as well as the library.
bench_amsize_bench_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_CFLAGS='"$(CFLAGS)"'
bench_amsize_bench_LDADD = lib/libamsize.la

EXTRA_DIST += bench/README.md bench/run_bench.py bench/py_totals.py \
	bench/py_csv_chart.py bench/pandas_chart.py

# /usr/bin/python3: Debian's, which has numpy and pandas.
BENCH_PY = /usr/bin/python3
# Options for bench/run_bench.py, e.g. make bench BENCH_ARGS='--max-size 1000000'.
BENCH_ARGS =
# Where the results go (results.json, results.csv, samples.csv, table.md).
BENCH_OUT = $(abs_top_builddir)/bench-results

# Without the command (configure --disable-tools), run_bench.py skips the
# workload that times it.
bench_deps = bench/amsize-bench$(EXEEXT) lib/libamsize.la
if ENABLE_TOOLS
bench_deps += tools/amsize$(EXEEXT) tools/amsize-gen$(EXEEXT)
endif
bench: $(bench_deps)
	$(BENCH_PY) $(top_srcdir)/bench/run_bench.py --srcdir '$(abs_top_srcdir)' \
	  --builddir '$(abs_top_builddir)' --out '$(BENCH_OUT)' --cc '$(CC)' \
	  --cflags '$(CFLAGS)' --python '$(BENCH_PY)' $(BENCH_ARGS)
.PHONY: bench
