# The Python ctypes binding (issue "Python bindings").
# make check runs its unittest suite against lib/.libs/libamsize.so.0.
dist_check_SCRIPTS += bindings/python/run_tests.sh bindings/python/install_test.sh
TESTS += bindings/python/run_tests.sh bindings/python/install_test.sh
EXTRA_DIST += \
	bindings/python/README.md \
	bindings/python/pyproject.toml \
	bindings/python/_backend/amsize_build.py \
	bindings/python/amsize/__init__.py \
	bindings/python/amsize/_core.py \
	bindings/python/amsize/_ffi.py \
	bindings/python/amsize/_scalars.py \
	bindings/python/amsize/_schema.py \
	bindings/python/amsize/_table.py \
	bindings/python/amsize/_totals.py \
	bindings/python/amsize/errors.py \
	bindings/python/amsize/py.typed \
	bindings/python/tests/support.py \
	bindings/python/tests/test_chart.py \
	bindings/python/tests/test_cli.py \
	bindings/python/tests/test_demo.py \
	bindings/python/tests/test_errors.py \
	bindings/python/tests/test_install.py \
	bindings/python/tests/test_library.py \
	bindings/python/tests/test_random.py \
	bindings/python/tests/test_scalars.py \
	bindings/python/tests/test_schema.py \
	bindings/python/tests/test_totals.py \
	bindings/python/tests/test_typing.py \
	bindings/python/tests/data/accounts.csv \
	bindings/python/tests/data/segments.csv \
	examples/notebook_demo.py
