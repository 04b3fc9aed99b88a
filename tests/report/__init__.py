"""Tests of the reports against golden outputs."""
