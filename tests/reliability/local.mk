# Reliability gate: sanitizers, valgrind, fuzzing, coverage, ABI baseline.
