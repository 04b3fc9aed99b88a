"""A note that reports knee pain, shown with what the log flagged in the 14 days before it.

Why it matters: pain is a signal, not something to run through ("if your knee hurts, don't
run"). runlog cannot say why a knee hurts, but it can put the note beside the training that
came before it: each knee-pain note lists the other findings of the 14 days before it, so a
runner or a coach sees whether a long-run spike, a mileage jump or a week without rest came
first. Notes are read from every source (CSV note columns, Strava descriptions and private
notes, FIT/TCX notes, journal files); "no knee pain", "knee fine", "knee pain gone" and pain
elsewhere ("calf sore") do not count. Severity is high when the note names a red flag
(swelling, locking, giving way, sharp pain, not bearing weight) or scores the pain 7/10 or
more, else warning.
The NHS advises seeing a GP or physiotherapist when knee pain has not gone after a week's
rest, and at once when it is severe or swollen.
Source: runners' knee-pain advice; NHS, "Knee pain" (nhs.uk); no outcome study.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analyzer.checkers._knee import knee_readings, quoted
from analyzer.checkers._today import no_notes_reason
from analyzer.checkers.rule import (
    Advice,
    AsOf,
    ChartMarks,
    Declined,
    Finding,
    PainNote,
    Rule,
    setting,
)
from analyzer.log import TrainingLog
from analyzer.pain import KneePain, is_red_flag, score_text, score_words
from analyzer.words import day_text

RELATED_WINDOW_DAYS = 14  # run_rules lists the findings of these days before the note
TREND_DAYS = 14  # the status's knee trend: the notes of these days
OPEN_DAYS = 7  # a pain note of these days is open: the advice is to cut back


@dataclass(frozen=True)
class Thresholds:
    # a pain score at or above this is severe: high
    high_score_of_10: float = setting(7.0, 0.0, 10.0)


def measure(log: TrainingLog, limits: Thresholds) -> pd.DataFrame:
    """Per athlete and knee note, oldest first: the notes that report knee pain (`knee_pain`, a
    KneePain; one per day and wording, their sources joined) and the notes that say the knee is
    fine (`is_clear`, no `knee_pain`), with athlete, local_date, day, source and activity_id."""
    notes, clear_days = knee_readings(log)
    clear = [
        {"athlete": athlete, "day": day, "local_date": day.date(), "is_clear": True}
        for athlete, days in clear_days.items()
        for day in days
    ]
    table = pd.concat(
        [notes.assign(is_clear=False), pd.DataFrame(clear, columns=_CLEAR_COLUMNS)],
        ignore_index=True,
    )
    table["is_clear"] = table["is_clear"].astype(bool)
    return table.sort_values(["athlete", "day", "is_clear"], kind="stable", ignore_index=True)


_CLEAR_COLUMNS = ["athlete", "day", "local_date", "is_clear"]


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per note that reports knee pain (identical notes of one day are one)."""
    notes = measure(log, limits)
    return [_finding(note, limits) for note in notes[~notes["is_clear"]].itertuples(index=False)]


def pain_notes(day: AsOf) -> list[PainNote]:
    """The athlete's knee-pain notes up to the as-of day, oldest first."""
    notes = day.measure
    painful = notes[~notes["is_clear"].astype(bool)] if len(notes) else notes
    return [
        PainNote(
            date=row.local_date,
            side=row.knee_pain.side,
            score_of_10=row.knee_pain.score_of_10,
            red_flags=tuple(row.knee_pain.red_flags),
            excerpt=row.knee_pain.excerpt,
            source=_file_name(row.source),
            is_improving=bool(getattr(row.knee_pain, "is_improving", False)),
        )
        for row in painful.itertuples(index=False)
    ]


def today(day: AsOf) -> dict[str, Any]:
    """The newest knee-pain note (it sets the knee line, an easing note included) and how the
    knee went over the last `TREND_DAYS` days."""
    notes = pain_notes(day)
    return {
        "latest_pain": notes[-1] if notes else None,
        "pain_trend": pain_trend(day, notes),
        "pain_trend_days": TREND_DAYS,
        "pain_is_worsening": is_worsening(day),
    }


def pain_trend(day: AsOf, notes: list[PainNote]) -> str:
    """How the knee went over the last TREND_DAYS days, in a few words."""
    window_from = day.as_of - dt.timedelta(days=TREND_DAYS - 1)
    recent = [note for note in notes if note.date >= window_from]
    if not recent:
        return f"no knee pain noted in the last {TREND_DAYS} days"
    if _noted_fine_after(day, recent[-1].date):
        return "noted fine since the last pain note"
    days = len({note.date for note in recent})
    noted = f"noted on {days} day{'s' if days != 1 else ''} in {TREND_DAYS}"
    latest = recent[-1]
    scores = [note.score_of_10 for note in recent if note.score_of_10 is not None]
    change = _change(recent)
    if len(scores) >= 2:
        change += f" ({scores[0]:g}/10 to {scores[-1]:g}/10)"
    elif latest.score_of_10 is not None and change:
        change += f" ({latest.score_of_10:g}/10)"
    return f"{change}, {noted}" if change else noted


def _change(recent: list[PainNote]) -> str:
    """'easing', 'rising', 'steady', 'still with swelling', or '' when one note says nothing
    of a change. A note with a red flag is never easing; a note saying it is better is."""
    latest = recent[-1]
    if latest.red_flags:
        return f"still with {_words(latest.red_flags)}" if len(recent) > 1 else ""
    scores = [note.score_of_10 for note in recent if note.score_of_10 is not None]
    if len(scores) >= 2 and scores[-1] > scores[0]:
        return "rising"
    if latest.is_improving or (len(scores) >= 2 and scores[-1] < scores[0]):
        return "easing"
    return "steady" if len(scores) >= 2 else ""


def is_worsening(day: AsOf) -> bool:
    """Whether the knee's scores rose over the last TREND_DAYS days, with no fine note since."""
    notes = [note for note in pain_notes(day) if day.days_ago(note.date) < TREND_DAYS]
    return bool(notes) and not _noted_fine_after(day, notes[-1].date) and _change(notes) == "rising"


def _noted_fine_after(day: AsOf, after: dt.date) -> bool:
    notes = day.measure
    clear = notes[notes["is_clear"].astype(bool)] if len(notes) else notes
    return bool(len(clear) and (clear["local_date"] > after).any())


def is_open(day: AsOf) -> bool:
    """Whether knee pain is open on the as-of day: a pain note of the last OPEN_DAYS days with
    no fine note since, or scores rising over the last TREND_DAYS days."""
    notes = pain_notes(day)
    if not notes:
        return False
    latest = notes[-1]
    recent = day.days_ago(latest.date) < OPEN_DAYS and not _noted_fine_after(day, latest.date)
    return recent or is_worsening(day)


def advice(day: AsOf) -> Advice | None:
    """While knee pain is open: cut back (an easing note: short, easy runs), or have strong
    pain seen."""
    if not is_open(day):
        return None
    latest = pain_notes(day)[-1]
    because = tuple(finding for finding in day.findings if finding.date == latest.date)
    is_severe = latest.score_of_10 is not None and latest.score_of_10 >= day.limits.high_score_of_10
    if is_severe:
        text = "Strong knee pain: have the knee seen rather than run on it."
    elif latest.is_improving and not is_worsening(day):
        score = f" ({latest.score_of_10:g}/10)" if latest.score_of_10 is not None else ""
        text = (
            f"Your knee is easing{score}: only short, easy runs until it is pain-free, and stop "
            "if it hurts."
        )
    else:
        text = "Rest or cut back until the knee settles; see a physiotherapist if it lasts a week."
    return Advice(kind="knee", text=text, because=because)


def not_judged(day: AsOf) -> str | None:
    return no_notes_reason(day)


def chart_marks(day: AsOf) -> ChartMarks:
    """Each knee-pain note's day, side and score."""
    notes = pain_notes(day)
    series = pd.DataFrame(
        {
            "day": pd.to_datetime(pd.Series([note.date for note in notes], dtype=object)),
            "side": [note.side for note in notes],
            "score_of_10": [note.score_of_10 for note in notes],
        }
    )
    return ChartMarks(chart="knee", series=series)


def _file_name(source: object) -> str:
    text = str(source) if isinstance(source, str) and source else "notes"
    return text.replace("\\", "/").rsplit("/", 1)[-1]


def _finding(note, limits: Thresholds) -> Finding:
    pain: KneePain = note.knee_pain
    is_severe = pain.score_of_10 is not None and pain.score_of_10 >= limits.high_score_of_10
    activity_id = note.activity_id
    return RULE.finding(
        athlete=note.athlete,
        severity="high" if is_red_flag(pain) or is_severe else "warning",
        date=note.local_date,
        period_start=note.local_date - dt.timedelta(days=RELATED_WINDOW_DAYS),
        period_end=note.local_date,
        message=_message(note.local_date, pain, is_severe),
        evidence={
            "side": pain.side,
            "score_of_10": pain.score_of_10,
            "red_flags": list(pain.red_flags),
            "excerpt": pain.excerpt,
            "source": note.source,
        },
        activity_ids=(str(activity_id),) if isinstance(activity_id, str) and activity_id else (),
        headline=pain_headline(pain),
    )


def pain_headline(pain: KneePain) -> str:
    """'left knee pain 4/10, swelling': which knee, the score and the red flags, if noted."""
    side = {"left": "left knee pain", "right": "right knee pain", "both": "pain in both knees"}
    parts = [side.get(pain.side or "", "knee pain") + score_words(pain)]
    return ", ".join([*parts, *pain.red_flags])


def _message(date: dt.date, pain: KneePain, is_severe: bool) -> str:
    side = {"left": "left ", "right": "right ", "both": "pain in both knees"}.get(
        pain.side or "", ""
    )
    what = side if pain.side == "both" else f"{side}knee pain"
    score = score_text(pain)
    if pain.red_flags:
        warning = (
            f" You mention {_words(pain.red_flags)}: a reason to have the knee seen by a doctor "
            "or physiotherapist now."
        )
    elif is_severe:
        warning = " Pain this strong is a reason to have the knee seen rather than run on it."
    else:
        warning = ""
    return (
        f"{day_text(date, year=False)}: you noted {what}{score}: {quoted(pain.excerpt)}.{warning} "
        f"Pain is a "
        "signal, not something to run through: rest or cut back until it settles. The "
        f"findings listed with this note are what the log showed in the {RELATED_WINDOW_DAYS} "
        "days before it."
    )


def _words(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


RULE = Rule(
    code="RL501",
    slug="knee-pain-note",
    title="A note that reports knee pain, with the findings of the 14 days before it",
    label="knee pain",
    rationale=__doc__,
    thresholds=Thresholds,
    check=check,
    measure=measure,
    today=today,
    advice=advice,
    not_judged=not_judged,
    pattern=Declined("knee pain itself: the episodes the patterns are set against"),
    chart_marks=chart_marks,
    grade="Conv",
    related_window_days=RELATED_WINDOW_DAYS,
)
