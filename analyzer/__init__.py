"""runlog: read running logs from watches and apps; flag the training patterns behind knee pain.

In a notebook:

    import analyzer
    log = analyzer.load("~/exports/strava_export.zip", "~/garmin/")
    log.runs                      # one row per run
    findings = analyzer.check(log)  # a DataFrame of findings
    analyzer.pain_patterns(log)     # what came before each knee-pain episode
    analyzer.squad_patterns(log)    # ... and across a squad: each runner against themself
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from analyzer.log import FileError, TrainingLog
    from analyzer.pipeline import load
    from analyzer.profile import Profile, load_profile
    from analyzer.study import SquadStudy

# Imported when first used, so that `runlog --help` does not wait for pandas.
_LAZY = {
    "load": "analyzer.pipeline",
    "FileError": "analyzer.log",
    "TrainingLog": "analyzer.log",
    "Profile": "analyzer.profile",
    "load_profile": "analyzer.profile",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def check(
    log: TrainingLog,
    profile: Profile | str | Path | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """The findings of every enabled rule on the log, as a DataFrame (docs/DESIGN.md#the-tables)."""
    from analyzer.checkers import findings_table, run_rules
    from analyzer.profile import load_profile
    from analyzer.schema import FINDING_COLUMNS, published

    if isinstance(profile, str | Path):
        profile = load_profile(profile)
    return published(findings_table(run_rules(log, profile, since, until)), FINDING_COLUMNS)


def pain_patterns(log: TrainingLog, profile: Profile | str | Path | None = None) -> pd.DataFrame:
    """What came before each athlete's knee-pain episodes, against their pain-free fortnights.

    One row per athlete and pattern (a rule, or a plain measure such as a week's change in
    distance): how many episodes had it in the 14 days before onset, how many pain-free
    fortnights had it. Athletes with fewer than two episodes have no rows.
    """
    from analyzer.patterns import pain_patterns as patterns_before_pain
    from analyzer.profile import load_profile

    if isinstance(profile, str | Path):
        profile = load_profile(profile)
    return patterns_before_pain(log, profile=profile)


def squad_patterns(log: TrainingLog, profile: Profile | str | Path | None = None) -> SquadStudy:
    """What tends to come before knee pain across the log's runners, each against themself.

    For each pattern a rule gives: the episodes whose 14 days before onset held it, the same
    runners' pain-free fortnights that held it, and the odds ratio pooled over runners
    (Mantel-Haenszel) with its 95 % interval and tests (`study.table`; the design:
    docs/DESIGN.md#what-comes-before-knee-pain-across-a-squad). Under 10 episodes from 5
    runners, counts only (`study.reason` says why). `study.windows` holds every runner's
    windows, for a model of your own (statsmodels' ConditionalLogit, grouped by `athlete`).
    """
    import dataclasses

    import pandas as pd

    from analyzer.patterns import WINDOW_COLUMNS, pain_pattern_reports
    from analyzer.profile import load_profile
    from analyzer.study import SquadCounts, squad_study

    if isinstance(profile, str | Path):
        profile = load_profile(profile)
    reports = pain_pattern_reports(log, profile=profile)
    study = squad_study(SquadCounts.of(reports.get(athlete) for athlete in log.athletes))
    windows = [report.windows for report in reports.values() if not report.windows.empty]
    return dataclasses.replace(
        study,
        windows=pd.concat(windows, ignore_index=True)
        if windows
        else pd.DataFrame(columns=WINDOW_COLUMNS),
    )


__all__ = [
    "FileError",
    "Profile",
    "TrainingLog",
    "check",
    "load",
    "load_profile",
    "pain_patterns",
    "squad_patterns",
]
