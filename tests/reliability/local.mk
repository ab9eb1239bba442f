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
