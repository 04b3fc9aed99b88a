"""What tends to come before a runner's own knee pain: their episodes side by side.

Knee-pain notes close together form one episode (as the persistent-pain rule groups them:
its measure numbers the episodes, `Rule.numbers_episodes`); an episode's onset is its first
note. Each rule that gives a `pattern` (analyzer/checkers/rule.py) says on which days it
held and from which day it could judge; this counts how many episodes had it in the 14 days
before onset, and how many pain-free fortnights of the same log had it, each only where the
rule could judge the whole window (its own history minimum met). A pain-free fortnight is
one of the consecutive 14-day blocks that tile the log back from its last day, that holds at
least one run, no knee-pain note, no day of an episode and no day of the 14 before an onset.
One row per idea: each rule once, named by its slug; this module names no rule. Beside the
table, each runner's counts (`PainPatterns.counts`, for one episode too) and windows
(`PainPatterns.windows`) are what the squad study pools (analyzer/study.py).

These are counts from one runner's log, not a study: they show what came together in it,
never a probability, and never a cause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analyzer.checkers import Finding, rules_as_of, run_rules
from analyzer.checkers.rule import EPISODE_COLUMN, AsOf, Pattern, Rule
from analyzer.log import TrainingLog
from analyzer.profile import Profile
from analyzer.words import count_text

WINDOW_DAYS = 14  # the days before an onset that are looked at, and a pain-free block's length
MIN_EPISODES = 2  # fewer: nothing to put side by side
_STANDS_OUT_MIN_SHARE = 0.5  # before at least half the episodes ...
_STANDS_OUT_MIN_GAP = 0.25  # ... and a quarter more often than in pain-free fortnights

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
# one runner's counts for each pattern judged before an episode and in a pain-free fortnight,
# whether or not their own table is shown: the squad study (analyzer/study.py) pools them
COUNT_COLUMNS = PATTERN_COLUMNS[:7]
# each pattern's windows where its rule could judge them: the 14 days before an onset
# (`is_before_episode`) or a pain-free fortnight, and whether the pattern held on any day
WINDOW_COLUMNS = ["athlete", "pattern", "first_day", "last_day", "is_before_episode", "held"]


@dataclass(frozen=True)
class PainPatterns:
    """One athlete's episodes and the patterns before them, or why they are not compared."""

    athlete: str
    onsets: tuple[dt.date, ...]  # each episode's first knee-pain note, oldest first
    pain_free_fortnights: int
    table: pd.DataFrame  # PATTERN_COLUMNS, the most telling pattern first; empty when not shown
    reason: str | None  # why the table is not shown, or None
    # COUNT_COLUMNS and WINDOW_COLUMNS, shown or not (empty without runs or pain-free fortnights)
    counts: pd.DataFrame = field(default_factory=lambda: _empty(COUNT_COLUMNS))
    windows: pd.DataFrame = field(default_factory=lambda: _empty(WINDOW_COLUMNS))

    @property
    def is_shown(self) -> bool:
        return self.reason is None

    @property
    def caveat(self) -> str:
        """The plain words that go with the table."""
        count = len(self.onsets)
        return (
            f"Counts from your own log ({count_text(count, 'episode')}): they show what came "
            "together in it, not what causes your knee pain. One more episode can change the "
            "picture."
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
    all_findings = list(run_rules(log, profile) if findings is None else findings)
    reports: dict[str, PainPatterns] = {}
    for athlete in log.athletes:
        as_of = until or _last_day(log, athlete)
        if as_of is None:
            continue
        days = rules_as_of(log, athlete, as_of, all_findings, profile)
        report = athlete_pain_patterns(log, athlete, days, since, until)
        if report is not None:
            reports[athlete] = report
    return reports


def _last_day(log: TrainingLog, athlete: str) -> dt.date | None:
    dates = [
        *log.activities.loc[log.activities["athlete"] == athlete, "local_date"].dropna(),
        *log.notes.loc[log.notes["athlete"] == athlete, "local_date"].dropna(),
    ]
    return max(dates, default=None)


def athlete_pain_patterns(
    log: TrainingLog,
    athlete: str,
    days: list[tuple[Rule, AsOf]],
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> PainPatterns | None:
    """One athlete's episodes and the patterns before them, from the rules as of a day
    (`rules_as_of`); None when no episode starts from `since` to `until`."""
    notes = next((day.measure for rule, day in days if rule.numbers_episodes), None)
    if notes is None or notes.empty:
        return None
    if until is not None:
        notes = notes[notes["local_date"] <= until]
    if notes.empty:
        return None
    episode = notes[EPISODE_COLUMN].to_numpy()
    first_rows = np.unique(episode, return_index=True)[1]
    onsets = tuple(notes["local_date"].iloc[first_rows])
    if since is not None:
        onsets = tuple(onset for onset in onsets if onset >= since)
        if not onsets:
            return None
    runs = log.runs
    runs = runs[(runs["athlete"] == athlete) & runs["local_date"].notna()]
    patterns = [
        (rule.slug, rule.answer("pattern", day)) for rule, day in days if rule.provides("pattern")
    ]
    return _report(
        athlete,
        onsets,
        _episode_days(notes["local_date"], episode),
        _within(runs, since, until),
        patterns,
    )


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
    athlete: str,
    onsets: tuple[dt.date, ...],
    episodes: list[tuple[dt.date, dt.date]],
    runs: pd.DataFrame,
    patterns: list[tuple[str, Pattern]],
) -> PainPatterns:
    reason = None
    if len(onsets) < MIN_EPISODES:
        reason = (
            f"shown once the log holds {MIN_EPISODES} episodes of knee pain to compare; "
            f"this one holds {len(onsets)}."
        )
    if runs.empty:
        return PainPatterns(athlete, onsets, 0, _empty(PATTERN_COLUMNS), reason or _NO_RUNS)
    before = [
        (onset - dt.timedelta(days=WINDOW_DAYS), onset - dt.timedelta(days=1)) for onset in onsets
    ]
    free = _pain_free_fortnights(runs, episodes, before)
    if not free:
        return PainPatterns(athlete, onsets, 0, _empty(PATTERN_COLUMNS), reason or _NO_PAIN_FREE)
    windows, counts = _pattern_windows(athlete, before, free, patterns)
    if reason is not None:
        return PainPatterns(
            athlete, onsets, len(free), _empty(PATTERN_COLUMNS), reason, counts, windows
        )
    table = pd.DataFrame(
        [_row(**row) for row in counts.to_dict("records")], columns=PATTERN_COLUMNS
    )
    table = table.assign(gap=table["share_before_pain"] - table["share_pain_free"])
    table = table.sort_values(
        ["gap", "episodes_with", "pattern"], ascending=[False, False, True], kind="stable"
    )
    table = table.drop(columns="gap").reset_index(drop=True)
    return PainPatterns(athlete, onsets, len(free), table, None, counts, windows)


_NO_RUNS = "needs runs to compare; this log has none."
_NO_PAIN_FREE = (
    "needs fortnights without knee pain to compare with; every fortnight of this log with runs "
    "had knee pain or led up to it."
)


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=columns)


def _pattern_windows(
    athlete: str,
    before: list[tuple[dt.date, dt.date]],
    free: list[tuple[dt.date, dt.date]],
    patterns: list[tuple[str, Pattern]],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each pattern's windows (WINDOW_COLUMNS: the 14 days before each onset and the pain-free
    fortnights, each only where the rule could judge all of it, its history minimum met) and
    its counts (COUNT_COLUMNS), for the patterns judged in both kinds of window."""
    starts = np.array([first for first, _ in before + free], dtype="datetime64[D]")
    ends = np.array([last for _, last in before + free], dtype="datetime64[D]")
    is_before = np.arange(len(starts)) < len(before)
    windows, counts = [], []
    for slug, pattern in patterns:
        if pattern.judged_from is None:
            continue
        judged = starts >= np.datetime64(pattern.judged_from, "D")  # its history minimum met
        has = pattern.held_between(starts, ends)
        episodes, pain_free = int((judged & is_before).sum()), int((judged & ~is_before).sum())
        if not episodes or not pain_free:
            continue
        counts.append(
            {
                "athlete": athlete,
                "pattern": slug,
                "label": pattern.label,
                "episodes_with": int((has & judged & is_before).sum()),
                "episodes": episodes,
                "pain_free_with": int((has & judged & ~is_before).sum()),
                "pain_free_fortnights": pain_free,
            }
        )
        windows.append(
            pd.DataFrame(
                {
                    "athlete": athlete,
                    "pattern": slug,
                    "first_day": starts[judged],
                    "last_day": ends[judged],
                    "is_before_episode": is_before[judged],
                    "held": has[judged],
                }
            )
        )
    window_table = pd.concat(windows, ignore_index=True) if windows else _empty(WINDOW_COLUMNS)
    return window_table, pd.DataFrame(counts, columns=COUNT_COLUMNS)


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


def _row(
    athlete: str,
    pattern: str,
    label: str,
    episodes_with: int,
    episodes: int,
    pain_free_with: int,
    pain_free_fortnights: int,
) -> dict[str, object]:
    share_before, share_free = episodes_with / episodes, pain_free_with / pain_free_fortnights
    stands_out = (
        episodes_with >= MIN_EPISODES
        and share_before >= _STANDS_OUT_MIN_SHARE
        and share_before - share_free >= _STANDS_OUT_MIN_GAP
    )
    return {
        "athlete": athlete,
        "pattern": pattern,
        "label": label,
        "episodes_with": episodes_with,
        "episodes": episodes,
        "pain_free_with": pain_free_with,
        "pain_free_fortnights": pain_free_fortnights,
        "share_before_pain": share_before,
        "share_pain_free": share_free,
        "stands_out": stands_out,
        "sentence": (
            f"{label[0].upper()}{label[1:]}: before {episodes_with} of your {episodes} knee-pain "
            f"episodes; in {pain_free_with} of {pain_free_fortnights} pain-free fortnights."
        ),
    }
