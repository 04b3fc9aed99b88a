"""A note that reports knee pain, shown with what the log flagged in the 14 days before it.

Why it matters: pain is a signal, not something to run through ("if your knee hurts, don't
run"). runlog cannot say why a knee hurts, but it can put the note beside the training that
came before it: each knee-pain note lists the other findings of the 14 days before it, so a
runner or a coach sees whether a long-run spike, a mileage jump or a week without rest came
first. Notes are read from every source (CSV note columns, Strava descriptions and private
notes, FIT/TCX notes, journal files); "no knee pain", "knee fine", "knee pain gone" and pain
elsewhere ("calf sore") do not count. Severity is high when the note names a red flag
(swelling, locking, giving way, sharp pain) or scores the pain 7/10 or more, else warning.
The NHS advises seeing a GP or physiotherapist when knee pain has not gone after a week's
rest, and at once when it is severe or swollen.
Source: runners' knee-pain advice; NHS, "Knee pain" (nhs.uk); no outcome study.
"""

import datetime as dt
from dataclasses import dataclass

from analyzer.checkers._format import day_text
from analyzer.checkers._knee import knee_readings, quoted
from analyzer.checkers.rule import Finding, Rule, setting
from analyzer.log import TrainingLog
from analyzer.pain import KneePain, is_red_flag, score_text, score_words

RELATED_WINDOW_DAYS = 14  # run_rules lists the findings of these days before the note


@dataclass(frozen=True)
class Thresholds:
    # a pain score at or above this is severe: high
    high_score_of_10: float = setting(7.0, 0.0, 10.0)


def check(log: TrainingLog, limits: Thresholds) -> list[Finding]:
    """One finding per note that reports knee pain (identical notes of one day are one)."""
    notes, _ = knee_readings(log)
    return [_finding(note, limits) for note in notes.itertuples(index=False)]


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
        f"{day_text(date)}: you noted {what}{score}: {quoted(pain.excerpt)}.{warning} Pain is a "
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
    grade="Conv",
    related_window_days=RELATED_WINDOW_DAYS,
)
