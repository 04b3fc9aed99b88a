"""Running on as before in the week after a knee-pain note.

Why it matters: pain is a signal, not something to run through; runners' knee advice is to
rest the knee or cut back, and the NHS advises rest and seeing a GP or physiotherapist when
pain has not gone after a week. So after each knee-pain note this rule adds up the running of
the 7 local days after the note's day and compares it with the 7 days up to and including
that day (the run that hurt is part of the load before). When the days after reach 90 % of
the days before, there was no real cut, and the finding is dated on the day the total passed
that mark: the day the runner could have been told. It stays quiet when the week before held
under 10 km (nothing to cut), when the log does not reach a week back, and when a note in
between says the knee is fine again. A knee-pain note inside a week already flagged is part
of the same finding.
Source: runners' knee-pain advice; NHS, "Knee pain" (nhs.uk); convention, no outcome
study.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.checkers._calendar import daily_totals, rows_between, runs_by_athlete
from analyzer.checkers._knee import knee_readings, noted_fine_after
from analyzer.checkers._today import history_days_reason, newest, no_notes_reason
from analyzer.checkers.rule import Advice, AsOf, ChartMarks, Declined, Finding, Rule, setting
from analyzer.log import TrainingLog
from analyzer.pain import score_text
from analyzer.words import day_text, distance_text


@dataclass(frozen=True)
class Thresholds:
    window_days: int = setting(7, 1, 60)  # days after the note, compared with as many days up to it
    # running after / before at or above this: no cut in load
    max_load_ratio: float = setting(0.9, 0.0, 5.0)
    # a lighter week before the note is not compared
    min_before_km: float = setting(10.0, 0.0, 500.0)
    min_history_days: int = setting(7, 0, 365)  # days of log before the note's day


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per athlete and knee-pain note with no cut in the days after it (a later note inside a
    week already flagged is part of it): the note's day (`note_day`), the day the runner could
    be told (`told_day`), the running of the `window_days` up to the note (`before_m`) and
    after it up to that day (`after_m`)."""
    rows = [
        (athlete, *flagged)
        for athlete, _, _, judged in _by_athlete(log, limits)
        for flagged in judged
    ]
    return pd.DataFrame(rows, columns=_MEASURE_COLUMNS)


_MEASURE_COLUMNS = ["athlete", "note_day", "told_day", "before_m", "after_m"]


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per knee-pain note whose next days' running reached `max_load_ratio`."""
    findings: list[Finding] = []
    for athlete, runs, athlete_notes, judged in _by_athlete(log, limits):
        units = log.profile_for(athlete).units
        findings += [
            _finding(athlete, runs, athlete_notes, note_day, told, before_m, after_m, limits, units)
            for note_day, told, before_m, after_m in judged
        ]
    return findings


def _by_athlete(log: TrainingLog, limits: Thresholds):
    """Each athlete with knee-pain notes: their runs, their notes, and the notes with no cut
    as (note day, day told, distance before, distance after)."""
    notes, clear_days = knee_readings(log)
    if notes.empty:
        return
    for athlete, runs in runs_by_athlete(log):
        athlete_notes = notes[notes["athlete"] == athlete]
        if athlete_notes.empty:
            continue
        note_days = pd.DatetimeIndex(sorted(set(athlete_notes["day"])))
        clear = clear_days.get(athlete, pd.DatetimeIndex([]))
        judged = []
        covered_until = None
        for flagged in _judged(daily_totals(runs, "distance_m"), note_days, clear, limits):
            note_day = flagged[0]
            if covered_until is not None and note_day <= covered_until:
                continue  # a later note inside a week already flagged
            covered_until = note_day + pd.Timedelta(days=limits.window_days)
            judged.append(flagged)
        yield athlete, runs, athlete_notes, judged


def advice(day: AsOf) -> Advice | None:
    """After a warning of the last `window_days` days, with no note since that the knee is
    fine: ease off."""
    finding = newest(day.open_findings, "warning")
    if finding is None or day.days_ago(finding.date) >= day.limits.window_days:
        return None
    if noted_fine_after(day.log, day.athlete, finding.date):
        return None
    return Advice(
        kind="knee",
        text="You ran on after knee pain without cutting back: ease off until it settles.",
        because=(finding,),
    )


def not_judged(day: AsOf) -> str | None:
    return no_notes_reason(day) or history_days_reason(day, day.limits.min_history_days)


def chart_marks(day: AsOf) -> ChartMarks:
    """Its findings are labelled on the weekly chart."""
    return ChartMarks(chart="weekly")


def _judged(
    daily_m: pd.Series, note_days: pd.DatetimeIndex, clear: pd.DatetimeIndex, limits: Thresholds
) -> list[tuple[pd.Timestamp, pd.Timestamp, float, float]]:
    """(note day, day told, distance before, distance after) for each note with no cut.

    All notes at once: the days' running as a cumulative sum, each note's days before and
    after it as differences of that sum (`window_days` columns, one per day after).
    """
    first_day, window = daily_m.index[0], limits.window_days
    total_m = np.concatenate([[0.0], np.cumsum(daily_m.to_numpy())])
    days_count = len(daily_m)
    position = ((note_days - first_day).days).to_numpy()  # the note day's place in daily_m
    # the log must reach back to know the load before, and the note must fall inside it
    known = (position >= limits.min_history_days - 1) & (position < days_count)
    before_m = (
        total_m[np.clip(position + 1, 0, days_count)]
        - total_m[np.clip(position + 1 - window, 0, days_count)]
    )
    after_day = np.arange(1, window + 1)
    ends = np.clip(position[:, None] + 1 + after_day[None, :], 0, days_count)
    after_m = total_m[ends] - total_m[np.clip(position + 1, 0, days_count)][:, None]
    # days past the log's last run, or from a "knee fine" note on, do not count
    usable = position[:, None] + after_day[None, :] < days_count
    if len(clear):
        next_clear = clear[np.minimum(np.searchsorted(clear, note_days, "right"), len(clear) - 1)]
        clear_after = np.where(next_clear > note_days, (next_clear - note_days).days, window + 1)
        usable &= after_day[None, :] < np.asarray(clear_after)[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.round(after_m / before_m[:, None], 9)
    passed = usable & (ratio >= limits.max_load_ratio)
    flagged = known & (before_m >= limits.min_before_km * 1000) & passed.any(axis=1)
    judged = []
    for row in np.flatnonzero(flagged):
        column = int(np.argmax(passed[row]))
        judged.append(
            (
                note_days[row],
                note_days[row] + pd.Timedelta(days=int(after_day[column])),
                float(before_m[row]),
                float(after_m[row, column]),
            )
        )
    return judged


def _finding(
    athlete: str,
    runs: pd.DataFrame,
    notes: pd.DataFrame,
    note_day: pd.Timestamp,
    told: pd.Timestamp,
    before_m: float,
    after_total_m: float,
    limits: Thresholds,
    units: str,
) -> Finding:
    first_before = note_day - pd.Timedelta(days=limits.window_days - 1)
    note_days = notes["day"].to_numpy()
    note = notes.iloc[int(np.searchsorted(note_days, np.datetime64(note_day)))]
    days_after = (told - note_day).days
    later = rows_between(note_days, note_day + pd.Timedelta(days=1), told)
    pain_days = len(set(note_days[later]))
    again = f" You noted knee pain again on {_count(pain_days, 'day')} since." if pain_days else ""
    between = rows_between(runs["day"].to_numpy(), note_day + pd.Timedelta(days=1), told)
    ratio = after_total_m / before_m
    return RULE.finding(
        athlete=athlete,
        severity="warning",
        date=told.date(),
        period_start=first_before.date(),
        period_end=told.date(),
        message=(
            f"{day_text(told.date(), year=False)}: {distance_text(after_total_m, units)} run in "
            f"the "
            f"{_count(days_after, 'day')} after your knee-pain note{score_text(note.knee_pain)} of "
            f"{day_text(note.local_date, year=False)}, already {ratio:.0%} of the "
            f"{distance_text(before_m, units)} of the {limits.window_days} days up to it.{again} "
            "Pain is a signal, not something to run through: rest, or cut your running well "
            "back until the knee settles."
        ),
        evidence={
            "note_date": note.local_date.isoformat(),
            "before_km": round(before_m / 1000, 2),
            "after_km": round(after_total_m / 1000, 2),
            "ratio": round(ratio, 2),
            "days_after": days_after,
            "excerpt": note.knee_pain.excerpt,
        },
        activity_ids=tuple(str(value) for value in runs["activity_id"].to_numpy()[between]),
        headline=(
            f"ran {distance_text(after_total_m, units)} in the {_count(days_after, 'day')} after "
            f"knee pain, {ratio:.0%} of the {limits.window_days} days before"
        ),
    )


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


RULE = Rule(
    code="RL503",
    slug="running-through-pain",
    title="Running on without a cut in the week after a knee-pain note",
    label="ran on pain",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=Declined("the knee line is knee-pain-note's: the newest note and the trend"),
    advice=advice,
    not_judged=not_judged,
    pattern=Declined("knee pain itself: the episodes the patterns are set against"),
    chart_marks=chart_marks,
    grade="Conv",
)
