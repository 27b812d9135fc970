"""Benchmarks: a generated corpus and builds timed beside bare Pelican."""
