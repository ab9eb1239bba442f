# Reliability gate: sanitizers, valgrind, fuzzing, coverage, ABI baseline.
# tests/reliability/run.sh drives the parts that need builds of their own
# (quickstart.sh calls it); this fragment holds what plain make check runs.

# Thread safety: several threads, shared read-only inputs, results bit for
# bit equal to the single-threaded ones. run.sh also runs it under TSan.
if HAVE_PTHREAD
check_PROGRAMS += tests/reliability/check_threads
tests_reliability_check_threads_SOURCES = tests/reliability/check_threads.c
tests_reliability_check_threads_CFLAGS = $(AM_CFLAGS) -pthread
tests_reliability_check_threads_LDADD = lib/libamsize.la $(PTHREAD_LIBS)
tests_reliability_check_threads_LDFLAGS = -pthread
TESTS += tests/reliability/check_threads
endif

# Regression tests for bugs the gate found, in the library and in the
# amsize command.
check_PROGRAMS += tests/reliability/regress_roi_inf
tests_reliability_regress_roi_inf_SOURCES = tests/reliability/regress_roi_inf.c
tests_reliability_regress_roi_inf_LDADD = lib/libamsize.la
TESTS += tests/reliability/regress_roi_inf
# The command's (off with configure --disable-tools, as the command is):
dist_check_SCRIPTS += tests/reliability/regress_csv_nul.sh
if ENABLE_TOOLS
TESTS += tests/reliability/regress_csv_nul.sh
check_PROGRAMS += tests/reliability/regress_csv_bom
tests_reliability_regress_csv_bom_SOURCES = tests/reliability/regress_csv_bom.c \
	tools/csvin.c
tests_reliability_regress_csv_bom_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tools
tests_reliability_regress_csv_bom_LDADD = $(CSV_LIBS)
TESTS += tests/reliability/regress_csv_bom
endif

# libFuzzer targets (built by tests/fuzz/run.sh with clang, not by make)
# and their seed corpus.
EXTRA_DIST += \
	tests/fuzz/run.sh \
	tests/fuzz/README.md \
	tests/fuzz/fuzz_common.h \
	tests/fuzz/fuzz_chart.c \
	tests/fuzz/fuzz_totals.c \
	tests/fuzz/fuzz_csv.h \
	tests/fuzz/fuzz_csv_segments.c \
	tests/fuzz/fuzz_csv_accounts.c \
	tests/fuzz/fuzz_csv_plan.h \
	tests/fuzz/fuzz_csv_roster.c \
	tests/fuzz/fuzz_csv_ramp.c \
	tests/fuzz/fuzz_csv_evaluate.c \
	tests/fuzz/corpus

# `make fuzz`: each target for FUZZ_SECONDS (60); `make fuzz-long`: an
# hour each (FUZZ_SECONDS_LONG). See RELEASING.md.
fuzz:
	sh $(top_srcdir)/tests/fuzz/run.sh $(abs_top_builddir)
fuzz-long:
	sh $(top_srcdir)/tests/fuzz/run.sh --long $(abs_top_builddir)
.PHONY: fuzz fuzz-long

# The ABI baseline of the last release and its check (RELEASING.md).
EXTRA_DIST += \
	tests/reliability/abi_check.sh \
	abi/libamsize.so.0.abi \
	abi/symbols.txt

# The gate itself (tests/reliability/run.sh; quickstart.sh test runs it),
# the bad-input table and its generator, the release checklist.
EXTRA_DIST += \
	tests/reliability/run.sh \
	tests/reliability/bad_input.c \
	tests/reliability/bad_input.sh \
	docs/bad-input.md \
	RELEASING.md
reliability:
	sh $(top_srcdir)/tests/reliability/run.sh $(abs_top_builddir)
# run.sh asks the Makefile for the tests and the test programs it lists.
reliability-print-TESTS:
	@echo $(TESTS)
reliability-print-check_PROGRAMS:
	@echo $(check_PROGRAMS)
.PHONY: reliability reliability-print-TESTS reliability-print-check_PROGRAMS
