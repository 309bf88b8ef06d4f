"""Scoring helpers for the project's own quality benchmarks."""
