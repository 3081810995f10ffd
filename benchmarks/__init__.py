"""Benchmarks for wikidraft, run by hand (`make bench`); results go to benchmarks/RESULTS.md."""
