# The Python ctypes binding (issue "Python bindings").
