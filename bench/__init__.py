"""Benchmarks (not timed tests): each prints articles/s and peak memory. Run: make bench."""
