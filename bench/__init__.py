"""Shop Manager benchmarks: `make bench` (entry point: bench/run_bench.py)."""
