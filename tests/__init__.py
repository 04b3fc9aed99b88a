"""runlog tests."""
