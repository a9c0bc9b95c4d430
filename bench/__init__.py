"""Benchmarks of the performance targets (listed in bench/README.md). Never run as timed tests: run them by hand, see ``bench/README.md``.

A package only so that the benchmark server can be started as ``uvicorn bench.bench_app:make_app``.
"""
