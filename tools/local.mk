# The amsize command (issue "Account-level books and the amsize command").
# It alone links libcsv and libxlsxwriter; the library does no I/O.
bin_PROGRAMS += tools/amsize
tools_amsize_SOURCES = \
	tools/amsize.c \
	tools/csvin.c tools/csvin.h \
	tools/input.c tools/input.h \
	tools/output.c tools/output.h \
	tools/report.c tools/report.h \
	tools/util.c tools/util.h \
	tools/xlsx.c tools/xlsx.h
tools_amsize_CFLAGS = $(AM_CFLAGS) $(XLSXWRITER_CFLAGS)
tools_amsize_LDADD = lib/libamsize.la $(CSV_LIBS) $(XLSXWRITER_LIBS)
dist_man_MANS += tools/amsize.1
