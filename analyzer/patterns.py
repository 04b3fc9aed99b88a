"""What tends to come before a runner's own knee pain: their episodes side by side.

Knee-pain notes close together form one episode (as the persistent-knee-pain rule groups
them: a gap of more than its `episode_gap_days`, or a note that the knee is fine, starts a
new one); an episode's onset is its first note. For each pattern (each rule's findings, a few
plain measures of the runs, and runs on a worn shoe), this counts how many episodes had it in
the 14 days before onset, and how many pain-free fortnights of the same log had it. A
pain-free fortnight is one of the consecutive 14-day blocks that tile the log back from its
last day, that holds at least one run, no knee-pain note, no day of an episode and no day of
the 14 before an onset.

These are counts from one runner's log, not a study: they show what came together in it,
never a probability, and never a cause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.checkers import RULES, Finding, rule_by_slug, run_rules, shoe_overdue, thresholds_for
from analyzer.checkers._calendar import runs_by_athlete
from analyzer.checkers._knee import episode_gap_days, episode_numbers, knee_readings
from analyzer.log import TrainingLog
from analyzer.profile import Profile

WINDOW_DAYS = 14  # the days before an onset that are looked at, and a pain-free block's length
MIN_EPISODES = 2  # fewer: nothing to put side by side
_PAIN_RULES = ("knee-pain-note", "persistent-knee-pain", "running-through-pain")  # the pain
_STANDS_OUT_MIN_SHARE = 0.5  # before at least half the episodes ...
_STANDS_OUT_MIN_GAP = 0.25  # ... and a quarter more often than in pain-free fortnights
_LONG_RUN_WINDOW_DAYS = 30  # the long-run measure compares with the 30 days before each run
_MIN_KNOWN_SURFACE_M = 5_000.0  # fewer known-surface metres in a window: no surface share

PATTERN_COLUMNS = [
    "athlete",
    "pattern",  # a rule's slug, or a measure's name
    "label",  # the pattern in words
    "episodes_with",  # episodes with the pattern in the 14 days before onset
    "episodes",
    "pain_free_with",  # pain-free fortnights with the pattern
    "pain_free_fortnights",
    "share_before_pain",
    "share_pain_free",
    "stands_out",  # before half the episodes or more, and a quarter more often than otherwise
    "sentence",
]


@dataclass(frozen=True)
class PainPatterns:
    """One athlete's episodes and the patterns before them, or why they are not compared."""

    athlete: str
    onsets: tuple[dt.date, ...]  # each episode's first knee-pain note, oldest first
    pain_free_fortnights: int
    table: pd.DataFrame  # PATTERN_COLUMNS, the most telling pattern first; empty when not shown
    reason: str | None  # why the table is not shown, or None

    @property
    def is_shown(self) -> bool:
        return self.reason is None

    @property
    def caveat(self) -> str:
        """The plain words that go with the table."""
        count = len(self.onsets)
        return (
            f"Counts from your own log ({count} episodes): they show what came together in it, "
            "not what causes your knee pain. One more episode can change the picture."
        )

    @property
    def most_frequent(self) -> str | None:
        """The sentence of the pattern that came before the most episodes (a coach's line)."""
        if not self.is_shown or self.table.empty:
            return None
        top = self.table.sort_values(
            ["episodes_with", "share_pain_free"], ascending=[False, True], kind="stable"
        ).iloc[0]
        return str(top["sentence"]) if top["episodes_with"] else None


@dataclass(frozen=True)
class _Measure:
    name: str
    label: str
    present: Callable[[pd.DataFrame, np.ndarray, np.ndarray], np.ndarray]


def pain_patterns(
    log: TrainingLog,
    findings: Iterable[Finding] | None = None,
    profile: Profile | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """The patterns before each athlete's knee-pain episodes against pain-free fortnights.

    One row per athlete and pattern (PATTERN_COLUMNS), for athletes with at least two
    episodes; `findings` are those of `run_rules` on the whole log (run here when not given).
    `since` and `until` keep the episodes and fortnights that lie within them.
    """
    reports = pain_pattern_reports(log, findings, profile, since, until)
    tables = [report.table for report in reports.values()]
    tables = [table for table in tables if not table.empty]
    if not tables:
        return pd.DataFrame(columns=PATTERN_COLUMNS)
    return pd.concat(tables, ignore_index=True)


def pain_pattern_reports(
    log: TrainingLog,
    findings: Iterable[Finding] | None = None,
    profile: Profile | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[str, PainPatterns]:
    """Per athlete with a knee-pain note from `since` to `until`: their episodes, and the table
    or why it is not shown. Episodes start and fortnights lie within those days."""
    all_findings = list(run_rules(log, profile, since, until) if findings is None else findings)
    notes, clear_days = knee_readings(log, profile)
    if until is not None:
        notes = notes[notes["local_date"] <= until]
    runs = {
        athlete: _within(athlete_runs, since, until)
        for athlete, athlete_runs in runs_by_athlete(log, "avg_cadence_spm", "surface")
    }
    reports: dict[str, PainPatterns] = {}
    for athlete, athlete_notes in notes.groupby("athlete", sort=True):
        athlete = str(athlete)
        athlete_profile = profile or log.profile_for(athlete)
        days = athlete_notes["day"].to_numpy()
        episode = episode_numbers(days, clear_days.get(athlete), episode_gap_days(athlete_profile))
        first_rows = np.unique(episode, return_index=True)[1]
        onsets = tuple(athlete_notes["local_date"].iloc[first_rows])
        if since is not None:
            onsets = tuple(onset for onset in onsets if onset >= since)
            if not onsets:
                continue
        reports[athlete] = _report(
            log,
            athlete,
            onsets,
            _episode_days(athlete_notes["local_date"], episode),
            runs.get(athlete),
            [finding for finding in all_findings if finding.athlete == athlete],
            athlete_profile,
        )
    return reports


def _within(runs: pd.DataFrame, since: dt.date | None, until: dt.date | None) -> pd.DataFrame:
    """The runs from `since` to `until` (each end open when None)."""
    keep = pd.Series(True, index=runs.index)
    if since is not None:
        keep &= runs["local_date"] >= since
    if until is not None:
        keep &= runs["local_date"] <= until
    return runs[keep]


def _episode_days(dates: pd.Series, episode: np.ndarray) -> list[tuple[dt.date, dt.date]]:
    """Each episode's first and last note day."""
    spans = pd.DataFrame({"date": list(dates), "episode": episode}).groupby("episode")["date"]
    return list(zip(spans.min(), spans.max(), strict=True))


def _report(
    log: TrainingLog,
    athlete: str,
    onsets: tuple[dt.date, ...],
    episodes: list[tuple[dt.date, dt.date]],
    runs: pd.DataFrame | None,
    findings: list[Finding],
    profile: Profile,
) -> PainPatterns:
    def not_shown(reason: str, fortnights: int = 0) -> PainPatterns:
        return PainPatterns(
            athlete, onsets, fortnights, pd.DataFrame(columns=PATTERN_COLUMNS), reason
        )

    if len(onsets) < MIN_EPISODES:
        return not_shown(
            f"shown once the log holds {MIN_EPISODES} episodes of knee pain to compare; "
            f"this one holds {len(onsets)}."
        )
    if runs is None or runs.empty:
        return not_shown("needs runs to compare; this log has none.")
    before = [
        (onset - dt.timedelta(days=WINDOW_DAYS), onset - dt.timedelta(days=1)) for onset in onsets
    ]
    free = _pain_free_fortnights(runs, episodes, before)
    if not free:
        return not_shown(
            "needs fortnights without knee pain to compare with; every fortnight of this log "
            "with runs had knee pain or led up to it."
        )
    starts = np.array([first for first, _ in before + free], dtype="datetime64[D]")
    ends = np.array([last for _, last in before + free], dtype="datetime64[D]")
    rows = []
    for pattern, label, present in _patterns(log, athlete, runs, findings, profile):
        has = present(starts, ends)
        with_before, with_free = int(has[: len(before)].sum()), int(has[len(before) :].sum())
        rows.append(_row(athlete, pattern, label, with_before, len(before), with_free, len(free)))
    table = pd.DataFrame(rows, columns=PATTERN_COLUMNS)
    table = table.assign(gap=table["share_before_pain"] - table["share_pain_free"])
    table = table.sort_values(
        ["gap", "episodes_with", "pattern"], ascending=[False, False, True], kind="stable"
    )
    return PainPatterns(
        athlete, onsets, len(free), table.drop(columns="gap").reset_index(drop=True), None
    )


def _pain_free_fortnights(
    runs: pd.DataFrame,
    episodes: list[tuple[dt.date, dt.date]],
    before: list[tuple[dt.date, dt.date]],
) -> list[tuple[dt.date, dt.date]]:
    """The 14-day blocks back from the log's last day with a run and nothing of the pain."""
    first_day = min(runs["local_date"].min(), min(first for first, _ in before))
    last_day = max(runs["local_date"].max(), max(last for _, last in episodes))
    taken = episodes + before
    run_days = np.array(sorted(runs["local_date"]), dtype="datetime64[D]")
    blocks = []
    end = last_day
    while end - dt.timedelta(days=WINDOW_DAYS - 1) >= first_day:
        start = end - dt.timedelta(days=WINDOW_DAYS - 1)
        overlaps = any(start <= last and first <= end for first, last in taken)
        has_run = np.searchsorted(run_days, np.datetime64(end), "right") > np.searchsorted(
            run_days, np.datetime64(start), "left"
        )
        if has_run and not overlaps:
            blocks.append((start, end))
        end = start - dt.timedelta(days=1)
    return blocks[::-1]


def _patterns(
    log: TrainingLog, athlete: str, runs: pd.DataFrame, findings: list[Finding], profile: Profile
) -> list[tuple[str, str, Callable[[np.ndarray, np.ndarray], np.ndarray]]]:
    """Each pattern's name, words, and a test of which windows (first, last days) had it."""
    patterns = []
    for rule in RULES:
        if rule.slug in _PAIN_RULES or not profile.is_enabled(rule.slug):
            continue
        days = np.array(
            sorted(finding.date for finding in findings if finding.rule == rule.slug),
            dtype="datetime64[D]",
        )
        patterns.append((rule.slug, _noun(rule.title), _any_day_within(days)))
    for measure in _measures(profile):
        patterns.append((measure.name, measure.label, _measure_test(runs, measure)))
    shoe_limits = thresholds_for(profile, shoe_overdue.RULE)
    worn_days = shoe_overdue.runs_past_warning(log, athlete, shoe_limits)
    patterns.append(
        (
            "worn-shoe",
            "runs on a shoe past its warning distance",
            _any_day_within(np.array(worn_days, dtype="datetime64[D]")),
        )
    )
    return patterns


def _any_day_within(days: np.ndarray) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    def present(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        return np.searchsorted(days, ends, "right") > np.searchsorted(days, starts, "left")

    return present


def _measure_test(
    runs: pd.DataFrame, measure: _Measure
) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    run_days = runs["day"].to_numpy().astype("datetime64[D]")

    def present(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        return measure.present(runs, run_days, np.stack([starts, ends], axis=1))

    return present


def _measures(profile: Profile) -> list[_Measure]:
    """The plain measures, each cut where the rule that watches the same thing cuts."""
    week_ratio = _setting(profile, "weekly-mileage-jump", "info_ratio")
    long_ratio = _setting(profile, "long-run-spike", "warning_ratio")
    max_in_row = int(_setting(profile, "missing-rest-days", "max_running_days_in_row"))
    floor_spm = _setting(profile, "low-cadence", "min_cadence_spm")
    share_pct = _setting(profile, "monotonous-surface", "max_share_pct")
    return [
        _Measure(
            "week-distance-up",
            f"7 days' distance more than {week_ratio - 1:.0%} up on the 7 days before",
            _week_up(week_ratio),
        ),
        _Measure(
            "long-run-up",
            f"a run more than {long_ratio - 1:.0%} longer than your longest of the "
            f"{_LONG_RUN_WINDOW_DAYS} days before",
            _long_run_up(long_ratio),
        ),
        _Measure(
            "days-without-rest",
            f"more than {max_in_row} running days in a row",
            _days_in_row(max_in_row + 1),
        ),
        _Measure(
            "cadence-under-floor",
            f"runs averaging under {floor_spm:.0f} steps/min",
            _cadence_under(floor_spm),
        ),
        _Measure(
            "one-surface",
            f"{share_pct:.0f} % or more of the distance on one surface",
            _one_surface(share_pct / 100),
        ),
    ]


def _setting(profile: Profile, slug: str, name: str) -> float:
    return float(getattr(thresholds_for(profile, rule_by_slug(slug)), name))


def _windows_of(run_days: np.ndarray, windows: np.ndarray) -> list[slice]:
    first = np.searchsorted(run_days, windows[:, 0], "left")
    last = np.searchsorted(run_days, windows[:, 1], "right")
    return [slice(int(start), int(end)) for start, end in zip(first, last, strict=True)]


def _week_up(ratio: float) -> Callable[[pd.DataFrame, np.ndarray, np.ndarray], np.ndarray]:
    def present(runs: pd.DataFrame, run_days: np.ndarray, windows: np.ndarray) -> np.ndarray:
        daily = runs.groupby("day")["distance_m"].sum().asfreq("D", fill_value=0.0)
        last_7 = daily.rolling(7, min_periods=1).sum()
        before_7 = last_7.shift(7)
        up = (last_7 > ratio * before_7) & (before_7 > 0)
        up_days = up[up].index.to_numpy().astype("datetime64[D]")
        return _any_day_within(up_days)(windows[:, 0], windows[:, 1])

    return present


def _long_run_up(ratio: float) -> Callable[[pd.DataFrame, np.ndarray, np.ndarray], np.ndarray]:
    def present(runs: pd.DataFrame, run_days: np.ndarray, windows: np.ndarray) -> np.ndarray:
        by_day = runs.groupby("day")["distance_m"].max().asfreq("D")
        longest_before = by_day.rolling(f"{_LONG_RUN_WINDOW_DAYS}D", closed="left").max()
        up = by_day > ratio * longest_before
        up_days = up[up].index.to_numpy().astype("datetime64[D]")
        return _any_day_within(up_days)(windows[:, 0], windows[:, 1])

    return present


def _days_in_row(days: int) -> Callable[[pd.DataFrame, np.ndarray, np.ndarray], np.ndarray]:
    def present(runs: pd.DataFrame, run_days: np.ndarray, windows: np.ndarray) -> np.ndarray:
        ran = runs.groupby("day")["distance_m"].size().asfreq("D", fill_value=0) > 0
        streak = ran.groupby((~ran).cumsum()).cumsum()  # running days in a row up to each day
        long_days = streak[streak >= days].index.to_numpy().astype("datetime64[D]")
        return _any_day_within(long_days)(windows[:, 0], windows[:, 1])

    return present


def _cadence_under(
    floor_spm: float,
) -> Callable[[pd.DataFrame, np.ndarray, np.ndarray], np.ndarray]:
    def present(runs: pd.DataFrame, run_days: np.ndarray, windows: np.ndarray) -> np.ndarray:
        cadence = runs["avg_cadence_spm"].astype(float).to_numpy()
        distance = runs["distance_m"].astype(float).to_numpy()
        result = []
        for rows in _windows_of(run_days, windows):
            known = ~np.isnan(cadence[rows]) & (distance[rows] > 0)
            if not known.any():
                result.append(False)
                continue
            mean = np.average(cadence[rows][known], weights=distance[rows][known])
            result.append(bool(mean < floor_spm))
        return np.array(result, dtype=bool)

    return present


def _one_surface(share: float) -> Callable[[pd.DataFrame, np.ndarray, np.ndarray], np.ndarray]:
    def present(runs: pd.DataFrame, run_days: np.ndarray, windows: np.ndarray) -> np.ndarray:
        surface = runs["surface"].astype("string").fillna("unknown").to_numpy()
        distance = runs["distance_m"].astype(float).to_numpy()
        result = []
        for rows in _windows_of(run_days, windows):
            known = surface[rows] != "unknown"
            known_m = distance[rows][known]
            if known_m.sum() < _MIN_KNOWN_SURFACE_M:
                result.append(False)
                continue
            totals = pd.Series(known_m).groupby(surface[rows][known]).sum()
            result.append(bool(totals.max() >= share * known_m.sum()))
        return np.array(result, dtype=bool)

    return present


def _row(
    athlete: str,
    pattern: str,
    label: str,
    with_before: int,
    episodes: int,
    with_free: int,
    free: int,
) -> dict[str, object]:
    share_before, share_free = with_before / episodes, with_free / free
    stands_out = (
        with_before >= MIN_EPISODES
        and share_before >= _STANDS_OUT_MIN_SHARE
        and share_before - share_free >= _STANDS_OUT_MIN_GAP
    )
    return {
        "athlete": athlete,
        "pattern": pattern,
        "label": label,
        "episodes_with": with_before,
        "episodes": episodes,
        "pain_free_with": with_free,
        "pain_free_fortnights": free,
        "share_before_pain": share_before,
        "share_pain_free": share_free,
        "stands_out": stands_out,
        "sentence": (
            f"{label[0].upper()}{label[1:]}: before {with_before} of your {episodes} knee-pain "
            f"episodes; in {with_free} of {free} pain-free fortnights."
        ),
    }


def _noun(title: str) -> str:
    return title[0].lower() + title[1:]
