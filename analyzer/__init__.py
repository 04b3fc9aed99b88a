"""runlog: read running logs from watches and apps; flag the training patterns behind knee pain.

In a notebook:

    import analyzer
    log = analyzer.load("~/exports/strava_export.zip", "~/garmin/")
    log.runs                      # one row per run
    findings = analyzer.check(log)  # a DataFrame of findings
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from analyzer.checkers import findings_table, run_rules
from analyzer.loader import load
from analyzer.log import FileError, TrainingLog
from analyzer.profile import Profile, load_profile


def check(
    log: TrainingLog,
    profile: Profile | str | Path | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """The findings of every enabled rule on the log, as a DataFrame (DESIGN.md's columns)."""
    if isinstance(profile, str | Path):
        profile = load_profile(profile)
    return findings_table(run_rules(log, profile, since, until))


__all__ = ["FileError", "Profile", "TrainingLog", "check", "load", "load_profile"]
