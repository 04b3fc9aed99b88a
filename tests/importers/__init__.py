"""Tests of each importer on built fixtures and the real files."""
