"""Benchmarks: measured speed, never timed tests (run with python -m benchmarks.<name>)."""
