# The amsize command (issue "Account-level books and the amsize command").
# It alone links libcsv and libxlsxwriter; the library does no I/O.
# Its files by job, in the order below:
#   amsize.c      reads, computes, writes; options.c the command line
#   input.c       the segments as read; segments.c, accounts.c, and the
#                 plan's roster.c (AMS.csv) and ramp.c (RAMP.csv): each
#                 input file's columns (one row each) and rows
#   csvin.c       CSV syntax; csvtable.c a file through a column table;
#                 csvrows.c a whole file kept column by column;
#                 csvcell.c cells into values; field.c a struct's field
#                 by the library's field table; nameset.c unique names
#   explain.c     library failures in the inputs' terms
#   report.c      the reports' columns (one row each); format_*.c one
#                 output format each; outfile.c the output file (atomic
#                 replace, special files, links)
#   msg.c, xalloc.c, text.c, number.c: messages and exit statuses,
#                 allocation, text, numbers
# configure --disable-tools leaves it, amsize-gen and their tests out.
if ENABLE_TOOLS
bin_PROGRAMS += tools/amsize
endif
tools_amsize_SOURCES = \
	tools/amsize.c \
	tools/options.c tools/options.h \
	tools/input.c tools/input.h \
	tools/segments.c \
	tools/accounts.c \
	tools/roster.c \
	tools/ramp.c \
	tools/csvin.c tools/csvin.h \
	tools/csvtable.c tools/csvtable.h \
	tools/csvrows.c tools/csvrows.h \
	tools/nameset.c tools/nameset.h \
	tools/csvcell.c tools/csvcell.h \
	tools/field.c tools/field.h \
	tools/explain.c tools/explain.h \
	tools/findings.c tools/findings.h \
	tools/report.c tools/report.h \
	tools/format.h \
	tools/format_csv.c \
	tools/format_json.c \
	tools/format_table.c \
	tools/format_xlsx.c \
	tools/outfile.c tools/outfile.h \
	tools/msg.c tools/msg.h \
	tools/xalloc.c tools/xalloc.h \
	tools/text.c tools/text.h \
	tools/number.c tools/number.h \
	tools/compiler.h
tools_amsize_CFLAGS = $(AM_CFLAGS) $(XLSXWRITER_CFLAGS)
tools_amsize_LDADD = lib/libamsize.la $(CSV_LIBS) $(XLSXWRITER_LIBS)
# The man page is in every tarball, and installed only with the command.
# configure writes tools/amsize.1 from tools/amsize.1.in, with the version
# of configure.ac in its header; tests/check_docs.sh holds its ranges and
# defaults to the library's field table.
EXTRA_DIST += tools/amsize.1.in
if ENABLE_TOOLS
man_MANS += tools/amsize.1
endif

# Synthetic account books: examples/data/accounts.csv and the memory test.
if ENABLE_TOOLS
noinst_PROGRAMS += tools/amsize-gen
endif
tools_amsize_gen_SOURCES = tools/amsize-gen.c

# The sample data: accounts.csv is `amsize-gen --accounts 4000 --seed 42 --ams 11,7,4`
# and segments.csv `amsize-gen --print-segments` (see README); ams.csv and
# ramp.csv, the plan's roster and an Enterprise ramp curve, are written by
# hand.
EXTRA_DIST += \
	examples/data/segments.csv \
	examples/data/segments-aggregate.csv \
	examples/data/accounts.csv \
	examples/data/ams.csv \
	examples/data/ramp.csv

# `make sample` prints the chart of the sample data.
sample: tools/amsize$(EXEEXT)
	tools/amsize$(EXEEXT) chart --segments $(srcdir)/examples/data/segments.csv \
	  --accounts $(srcdir)/examples/data/accounts.csv --format table
.PHONY: sample

# The command end to end (tests/cli/amsize.sh; the plan in
# tests/cli/plan.sh, the evaluation in tests/cli/evaluate.sh), its memory
# bound (tests/cli/memory.sh) and the sample data's reproducibility
# (tests/cli/sample.sh).
cli_tests = tests/cli/amsize.sh tests/cli/plan.sh tests/cli/evaluate.sh tests/cli/memory.sh \
	tests/cli/sample.sh
if ENABLE_TOOLS
TESTS += $(cli_tests)

# The command's hand-written fast paths (line splitting, reading and
# writing numbers) against libcsv, strtod and printf on random input. text.c allocates through
# xalloc.c, whose messages (msg.c) name the library's status texts.
check_PROGRAMS += tests/cli/check_parse
tests_cli_check_parse_SOURCES = tests/cli/check_parse.c tools/csvin.c tools/number.c \
	tools/text.c tools/xalloc.c tools/msg.c
tests_cli_check_parse_LDADD = lib/libamsize.la $(CSV_LIBS)
TESTS += tests/cli/check_parse
endif
dist_check_SCRIPTS += $(cli_tests)
EXTRA_DIST += \
	tests/cli/lib.sh \
	tests/cli/data/accounts-bad-flag.csv \
	tests/cli/data/accounts-bom-crlf.csv \
	tests/cli/data/accounts-empty-segment.csv \
	tests/cli/data/accounts-header-only.csv \
	tests/cli/data/accounts-missing-columns.csv \
	tests/cli/data/accounts-negative.csv \
	tests/cli/data/accounts-no-flag.csv \
	tests/cli/data/accounts-non-numeric.csv \
	tests/cli/data/accounts-one-sided.csv \
	tests/cli/data/accounts-quoted-bad.csv \
	tests/cli/data/accounts-quoted.csv \
	tests/cli/data/accounts-unknown-segment.csv \
	tests/cli/data/bad-rating.csv \
	tests/cli/data/blank-lines.csv \
	tests/cli/data/bom-crlf.csv \
	tests/cli/data/crlf-bad.csv \
	tests/cli/data/duplicate-column.csv \
	tests/cli/data/duplicate-segment.csv \
	tests/cli/data/empty-aggregate.csv \
	tests/cli/data/empty-required.csv \
	tests/cli/data/empty.csv \
	tests/cli/data/evaluate-accounts-no-csm.csv \
	tests/cli/data/evaluate-accounts.csv \
	tests/cli/data/evaluate-ams-duplicate.csv \
	tests/cli/data/evaluate-ams-fte-high.csv \
	tests/cli/data/evaluate-ams-fte-zero.csv \
	tests/cli/data/evaluate-ams-negative-target.csv \
	tests/cli/data/evaluate-ams-tiny-target.csv \
	tests/cli/data/evaluate-ams-unknown-segment.csv \
	tests/cli/data/evaluate-ams.csv \
	tests/cli/data/evaluate-bad-covered.csv \
	tests/cli/data/evaluate-bad-csm.csv \
	tests/cli/data/evaluate-bad-no-am-id.csv \
	tests/cli/data/evaluate-bad-segment.csv \
	tests/cli/data/evaluate-bad-uncovered.csv \
	tests/cli/data/evaluate-bad-unknown-am.csv \
	tests/cli/data/evaluate-flags-accounts.csv \
	tests/cli/data/evaluate-flags-ams.csv \
	tests/cli/data/evaluate-flags-segments.csv \
	tests/cli/data/evaluate-segments.csv \
	tests/cli/data/header-only.csv \
	tests/cli/data/hex.csv \
	tests/cli/data/missing-columns.csv \
	tests/cli/data/names.csv \
	tests/cli/data/nan.csv \
	tests/cli/data/negative.csv \
	tests/cli/data/newline-cell.csv \
	tests/cli/data/non-numeric.csv \
	tests/cli/data/out-of-range.csv \
	tests/cli/data/plan-ams-bad-fte.csv \
	tests/cli/data/plan-ams-bad-tenure.csv \
	tests/cli/data/plan-ams-duplicate.csv \
	tests/cli/data/plan-ams-negative-tenure.csv \
	tests/cli/data/plan-ams-unknown-segment.csv \
	tests/cli/data/plan-ams.csv \
	tests/cli/data/plan-ams-empty.csv \
	tests/cli/data/plan-attrition0.csv \
	tests/cli/data/plan-bad-attrition-negative.csv \
	tests/cli/data/plan-bad-attrition.csv \
	tests/cli/data/plan-bad-current-ams-negative.csv \
	tests/cli/data/plan-bad-current-ams.csv \
	tests/cli/data/plan-bad-ramp-months-negative.csv \
	tests/cli/data/plan-bad-ramp-months.csv \
	tests/cli/data/plan-bad-time-to-fill-negative.csv \
	tests/cli/data/plan-bad-time-to-fill.csv \
	tests/cli/data/plan-fill0.csv \
	tests/cli/data/plan-ramp-decreasing.csv \
	tests/cli/data/plan-ramp-missing.csv \
	tests/cli/data/plan-ramp-no-zero.csv \
	tests/cli/data/plan-ramp-repeated.csv \
	tests/cli/data/plan-ramp-share-high.csv \
	tests/cli/data/plan-ramp-share-negative.csv \
	tests/cli/data/plan-ramp-unknown-segment.csv \
	tests/cli/data/plan-ramp.csv \
	tests/cli/data/plan-segments.csv \
	tests/cli/data/plan-staffed.csv \
	tests/cli/data/quoted-bad.csv \
	tests/cli/data/quoted.csv \
	tests/cli/data/segments.csv \
	tests/cli/data/small-accounts.csv \
	tests/cli/data/small-aggregate.csv \
	tests/cli/data/small-segments.csv \
	tests/cli/data/total-segment.csv \
	tests/cli/data/unknown-columns.csv \
	tests/cli/data/unterminated.csv \
	tests/cli/data/wrong-fields.csv
