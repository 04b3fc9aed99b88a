"""Tests of each rule on small synthetic logs."""
