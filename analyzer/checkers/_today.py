"""What the rules' as-of facets share: the athlete's runs up to the as-of day, how much log
lies before it, and the reasons a rule gives when it cannot judge."""

import datetime as dt

import numpy as np
import pandas as pd

from analyzer.checkers._format import noun_phrase
from analyzer.checkers.rule import Advice, AsOf, Finding, Pattern
from analyzer.words import day_text, round_distance


def dated_runs(day: AsOf) -> pd.DataFrame:
    """The athlete's runs with a local day on or before the as-of day, oldest first."""
    return day.runs


def first_run_day(day: AsOf) -> dt.date | None:
    """The local day of the athlete's first run, or None without runs."""
    return min(dated_runs(day)["local_date"], default=None)


def history_days(day: AsOf) -> int:
    """Days from the first run to the as-of day, as the rules count history."""
    first = first_run_day(day)
    return 0 if first is None else (day.as_of - first).days


def history_weeks(day: AsOf) -> int:
    """Whole Monday-Sunday weeks of log before the as-of day's week."""
    first = first_run_day(day)
    if first is None:
        return 0
    return (monday_of(day.as_of) - monday_of(first)).days // 7


def monday_of(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def no_runs_reason(day: AsOf) -> str | None:
    """'no runs on or before Sun 8 Nov 2026' when the log holds no run up to the as-of day."""
    if dated_runs(day).empty:
        return f"no runs on or before {day_text(day.as_of)}"
    return None


def no_notes_reason(day: AsOf) -> str | None:
    """Why the pain rules cannot judge a log without notes; None when it has notes."""
    notes = day.log.notes
    notes = notes[(notes["athlete"] == day.athlete) & notes["local_date"].notna()]
    if notes[notes["local_date"] <= day.as_of].empty:
        return "the log holds no notes to read knee pain from (journal, activity notes)"
    return None


def history_days_reason(day: AsOf, needed_days: int) -> str | None:
    """'needs 28 days of history; this log has 12', or the lack of runs; None when enough."""
    missing = no_runs_reason(day)
    if missing or history_days(day) >= needed_days:
        return missing
    return f"needs {needed_days} days of history; this log has {history_days(day)}"


def history_weeks_reason(day: AsOf, needed_weeks: int) -> str | None:
    """'needs 4 whole weeks of log before the week it judges; ...'; None when enough."""
    missing = no_runs_reason(day)
    if missing or history_weeks(day) >= needed_weeks:
        return missing
    whole = "whole week" if needed_weeks == 1 else f"{needed_weeks} whole weeks"
    return (
        f"needs {whole} of log before the week it judges; this log has "
        f"{history_weeks(day)} before this week"
    )


def day_array(dates) -> np.ndarray:
    """Local days (dates, Timestamps or datetime64) as a sorted datetime64[D] array."""
    values = pd.to_datetime(pd.Series(list(dates), dtype=object)).dropna()
    return np.sort(values.to_numpy().astype("datetime64[D]"))


def first_day_after(first: dt.date | None, days: int) -> dt.date | None:
    """The day `days` after `first` (None stays None): when a history minimum is met."""
    return None if first is None else first + dt.timedelta(days=days)


def newest(findings: tuple[Finding, ...], *severities: str) -> Finding | None:
    """The newest of the findings with one of these severities (the most severe of a day)."""
    kept = [finding for finding in findings if finding.severity in severities]
    return max(kept, key=lambda item: (item.date, item.severity_rank), default=None)


def weeks_judged_from(day: AsOf, min_history_weeks: int) -> dt.date | None:
    """The Monday of the first week a weekly rule judges: `min_history_weeks` whole weeks
    after the week of the first run (None without runs)."""
    first = first_run_day(day)
    return None if first is None else monday_of(first) + dt.timedelta(weeks=min_history_weeks)


def distance_advice(
    kind: str, text: str, metres: float, units: str, because: tuple[Finding, ...]
) -> Advice:
    """Advice whose target is a distance: `text` with `{}` where the distance goes, rounded to
    the whole km or mile it says (the target is that figure)."""
    distance = round_distance(metres, units)
    value, unit = distance.split(" ")
    return Advice(
        kind=kind, text=text.format(distance), because=because, target=float(value), unit=unit
    )


def days_pattern(day: AsOf, title: str, days: pd.Series, history_days: int) -> Pattern:
    """A rule's pattern: the local `days` on which it held (a column of its measure), judged
    from the day its history minimum (`history_days` after the first run) is met."""
    return Pattern(
        label=noun_phrase(title),
        days=day_array(days) if len(days) else day_array([]),
        judged_from=first_day_after(first_run_day(day), history_days),
    )


def passed_weeks_pattern(day: AsOf, label: str, min_history_weeks: int) -> Pattern:
    """A weekly rule's pattern: the days its weeks passed the limit of the level they reached,
    told or not (the measure's `passed_date`), judged from the week its history minimum is
    met."""
    weeks = day.measure
    return Pattern(
        label=label,
        days=day_array(weeks["passed_date"].dropna()) if len(weeks) else day_array([]),
        judged_from=weeks_judged_from(day, min_history_weeks),
    )


def columns_of(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The table's `columns`; an empty table of them when the table has no rows (an empty
    measure may lack them)."""
    return table[columns] if len(table) else pd.DataFrame(columns=columns)
