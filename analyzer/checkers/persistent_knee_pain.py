"""Knee pain noted over more than two weeks, or a red-flag word with it: time to see someone.

Why it matters: runners' knee advice says to see a professional when pain persists for more
than two weeks, and at once for swelling, locking, giving way or sharp pain that worsens
with movement; the NHS says to see a GP or physiotherapist when knee pain has not gone after
a week's rest, and at once when it is severe or swollen or the leg will not bear weight.
Research counts pain that restricts running for 7 days or more as a running injury (Yamato
consensus). The two weeks are a convention, so they are a setting. An episode of knee pain
runs from one knee-pain note to the next while they are no more than 14 days apart
(`episode_gap_days`) and no note in between says the knee is fine ("knee pain gone", "no knee
pain"); it is flagged high on the first note more than 14 days after its first
(`persistent_days`). A note with a red-flag word is flagged high at once (once per episode).
The same episodes tell which knee a "still sore" note is about and whether the pain is
easing, in the status and the reports too.
Source: runners' knee-pain advice; NHS, "Knee pain" (nhs.uk); Yamato TP et al. 2015,
J Orthop Sports Phys Ther 45(5):375-380 (injury definition consensus) (unverified pages).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.checkers._knee import episode_numbers, knee_readings, noted_fine_after, quoted
from analyzer.checkers._today import newest, no_notes_reason
from analyzer.checkers.rule import (
    EPISODE_COLUMN,
    Advice,
    AsOf,
    ChartMarks,
    Declined,
    Finding,
    Rule,
    setting,
)
from analyzer.log import TrainingLog
from analyzer.pain import score_text, score_words
from analyzer.words import day_text


@dataclass(frozen=True)
class Thresholds:
    # first to latest note of an episode more than this: high
    persistent_days: int = setting(14, 1, 365)
    # a longer gap between knee-pain notes starts a new episode (here, and for the notes
    # reader's episodes: analyzer.checkers._knee.episode_gap_days)
    episode_gap_days: int = setting(14, 1, 365)


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per athlete and knee-pain note, oldest first: its `episode` number, the episode's first
    day (`first_day`), `span_days` from it, and `has_red_flag`, with the note's `knee_pain`."""
    notes, clear_days = knee_readings(log)
    frames = []
    for athlete, athlete_notes in notes.groupby("athlete", sort=True):
        athlete_notes = athlete_notes.reset_index(drop=True)
        days = athlete_notes["day"].to_numpy()
        episode = episode_numbers(days, clear_days.get(str(athlete)), limits.episode_gap_days)
        first_of_episode = np.searchsorted(episode, episode, "left")  # rows sorted by episode
        frames.append(
            athlete_notes.assign(
                **{EPISODE_COLUMN: episode},
                first_row=first_of_episode,
                first_day=days[first_of_episode],
                span_days=(days - days[first_of_episode]).astype("timedelta64[D]").astype(int),
                has_red_flag=[bool(pain.red_flags) for pain in athlete_notes["knee_pain"]],
            )
        )
    if not frames:
        return pd.DataFrame(columns=["athlete", "day", "episode", "span_days", "has_red_flag"])
    return pd.concat(frames, ignore_index=True)


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per episode past `persistent_days`, one per episode with a red-flag word."""
    findings: list[Finding] = []
    for athlete, athlete_notes in measure(log, limits).groupby("athlete", sort=True):
        athlete_notes = athlete_notes.reset_index(drop=True)
        episode = athlete_notes["episode"].to_numpy()
        first_of_episode = athlete_notes["first_row"].to_numpy()
        red_rows = _first_of_each_episode(athlete_notes["has_red_flag"].to_numpy(bool), episode)
        late_rows = _first_of_each_episode(
            athlete_notes["span_days"].to_numpy() > limits.persistent_days, episode
        )
        # one note that is both a red flag and past two weeks is one finding, saying both
        findings += [
            _red_flag_finding(
                str(athlete), athlete_notes, row, int(first_of_episode[row]), row in late_rows
            )
            for row in red_rows
        ]
        findings += [
            _persistent_finding(
                str(athlete), athlete_notes, row, int(first_of_episode[row]), limits
            )
            for row in late_rows
            if row not in red_rows
        ]
    return findings


def advice(day: AsOf) -> Advice | None:
    """While the episode of an open finding goes on (no note since that the knee is fine):
    see someone now, naming every red flag the episode's notes gave."""
    finding = newest(day.open_findings, "high")
    notes = day.measure
    if finding is None or notes.empty:
        return None
    episode = notes.loc[notes["local_date"] <= finding.date, "episode"].iloc[-1]
    if notes["episode"].iloc[-1] != episode or noted_fine_after(day.log, day.athlete, finding.date):
        return None  # a new episode, or the knee was noted fine since
    in_episode = notes[notes["episode"] == episode]
    flags = tuple(
        dict.fromkeys(flag for pain in in_episode["knee_pain"] for flag in pain.red_flags)
    )
    if flags:
        text = (
            f"You mention {_words(flags)}: have the knee seen by a doctor or physiotherapist now."
        )
    else:
        span = int(in_episode["span_days"].iloc[-1])
        text = f"Knee pain noted for {span} days: see a physiotherapist or doctor."
    return Advice(kind="red flag", text=text, because=(finding,))


def not_judged(day: AsOf) -> str | None:
    return no_notes_reason(day)


def chart_marks(day: AsOf) -> ChartMarks:
    """Its findings are labelled on the weekly chart."""
    return ChartMarks(chart="weekly")


def _words(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _first_of_each_episode(rows: np.ndarray, episode: np.ndarray) -> list[int]:
    """The first row of each episode among the rows marked True."""
    marked = np.flatnonzero(rows)
    return [int(row) for row in marked[np.unique(episode[marked], return_index=True)[1]]]


def _red_flag_finding(
    athlete: str, notes: pd.DataFrame, row: int, first_row: int, is_persistent: bool
) -> Finding:
    note, first = notes.iloc[row], notes.iloc[first_row]
    pain = note["knee_pain"]
    words = pain.red_flags[0] if len(pain.red_flags) == 1 else ", ".join(pain.red_flags)
    span_days = (note["day"] - first["day"]).days
    since = (
        f" You have noted knee pain for {span_days} days now, since "
        f"{day_text(first['local_date'], year=False)}."
        if is_persistent
        else ""
    )
    evidence = {"red_flags": list(pain.red_flags), "excerpt": pain.excerpt}
    if is_persistent:
        evidence |= {"first_note_date": first["local_date"].isoformat(), "days": span_days}
    return RULE.finding(
        athlete=athlete,
        severity="high",
        date=note["local_date"],
        period_start=first["local_date"],
        period_end=note["local_date"],
        message=(
            f"{day_text(note['local_date'], year=False)}: you noted {words} with your knee pain"
            f"{score_text(pain)}: "
            f"{quoted(pain.excerpt)}.{since} Swelling, locking, giving way, sharp pain or a "
            "leg that will not bear weight are reasons to see a doctor or physiotherapist now, "
            "before you run again."
        ),
        evidence=evidence,
        activity_ids=_ids(notes["activity_id"].iloc[first_row : row + 1]),
        headline=f"knee pain{score_words(pain)} with {words}"
        + (f", noted for {span_days} days" if is_persistent else ""),
    )


def _persistent_finding(
    athlete: str, notes: pd.DataFrame, row: int, first_row: int, limits: Thresholds
) -> Finding:
    note, first = notes.iloc[row], notes.iloc[first_row]
    so_far = notes.iloc[first_row : row + 1]
    span_days = (note["day"] - first["day"]).days
    return RULE.finding(
        athlete=athlete,
        severity="high",
        date=note["local_date"],
        period_start=first["local_date"],
        period_end=note["local_date"],
        message=(
            f"{day_text(note['local_date'], year=False)}: knee pain noted again, {span_days} days "
            f"after you "
            f"first noted it on {day_text(first['local_date'], year=False)} ({len(so_far)} notes "
            f"in all; "
            f"the latest{score_text(note['knee_pain'])}: {quoted(note['knee_pain'].excerpt)}). "
            f"Pain that lasts more than "
            f"{limits.persistent_days} days is a reason to see a physiotherapist or doctor; "
            "rest the knee rather than run through it until then."
        ),
        evidence={
            "first_note_date": first["local_date"].isoformat(),
            "days": span_days,
            "notes": len(so_far),
            "excerpt": note["knee_pain"].excerpt,
        },
        activity_ids=_ids(so_far["activity_id"]),
        headline=f"knee pain noted for {span_days} days ({len(so_far)} notes)",
    )


def _ids(values) -> tuple[str, ...]:
    return tuple(str(value) for value in values if isinstance(value, str) and value)


RULE = Rule(
    code="RL502",
    slug="persistent-knee-pain",
    title="Knee pain noted over more than two weeks, or with swelling, locking or giving way",
    label="lasting pain",
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
    numbers_episodes=True,
)
