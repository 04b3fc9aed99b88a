"""The runner's knee notes for the pain rules: which days a note reported knee pain, which said
the knee was fine, and the episodes they make. Every note source counts (CSV note columns,
Strava descriptions and private notes, FIT/TCX notes, journal files).
"""

import numpy as np
import pandas as pd

from analyzer.log import TrainingLog
from analyzer.pain import knee_notes
from analyzer.profile import Profile

KNEE_NOTE_COLUMNS = ["athlete", "local_date", "day", "knee_pain", "source", "activity_id"]


def episode_gap_days(profile: Profile) -> int:
    """The days between two knee-pain notes that end an episode: persistent-knee-pain's
    `episode_gap_days` in this profile. The rule owns the setting and numbers its episodes
    with it; the notes reader's episodes (easing, a follow-up's side and knee) take it from
    here, so one setting makes every episode the rules, the status and the patterns show."""
    # imported here, the one way back (tests/test_imports.py): the rule's module imports this
    from analyzer.checkers import persistent_knee_pain, thresholds_for

    return thresholds_for(profile, persistent_knee_pain.RULE).episode_gap_days


def knee_readings(log: TrainingLog) -> tuple[pd.DataFrame, dict[str, pd.DatetimeIndex]]:
    """The notes that report knee pain, and per athlete the days a note said the knee was fine.

    The pain notes come oldest first, with `knee_pain` (a KneePain) and `day` (datetime64),
    each athlete's read in the episodes of their profile's gap (`log.profile_for`). The
    same words on the same day from two sources (a Strava description and the FIT file of the
    same run, say) are one note, its sources joined. "Fine" days are those of notes like "no
    knee pain" or "knee pain gone" that report no pain at all.
    """
    notes = log.notes[log.notes["local_date"].notna() & log.notes["athlete"].notna()]
    read = pd.concat(
        [
            knee_notes(athlete_notes, episode_gap_days(log.profile_for(str(athlete))))
            for athlete, athlete_notes in notes.groupby("athlete", sort=False)
        ]
        or [knee_notes(notes)]
    )
    read = read.assign(athlete=read["athlete"].astype(str), day=pd.to_datetime(read["local_date"]))
    clear = read[read["is_knee_clear"]]
    clear_days = {
        str(athlete): pd.DatetimeIndex(sorted(set(days)))
        for athlete, days in clear.groupby("athlete")["day"]
    }
    return _pain_notes(read[read["knee_pain"].notna()]), clear_days


def _pain_notes(painful: pd.DataFrame) -> pd.DataFrame:
    if painful.empty:
        return pd.DataFrame(columns=KNEE_NOTE_COLUMNS)
    painful = painful.assign(
        excerpt_key=[pain.excerpt.casefold() for pain in painful["knee_pain"]],
        source=painful["source"].astype(object).where(painful["source"].notna(), "notes"),
        activity_id=painful["activity_id"].astype(object).where(painful["activity_id"].notna()),
    ).sort_values(["athlete", "day"], kind="stable")
    key = ["athlete", "day", "excerpt_key"]
    repeated = painful.duplicated(key, keep=False)
    if repeated.any():
        groups = painful[repeated].groupby(key, sort=False)
        first = painful.drop_duplicates(key).set_index(key)
        sources = groups["source"].agg(_joined)
        first.loc[sources.index, "source"] = sources
        linked = groups["activity_id"].first()  # the first note that names its run
        first.loc[linked.index, "activity_id"] = linked
        painful = first.reset_index()
    return painful[KNEE_NOTE_COLUMNS].reset_index(drop=True)


def _joined(sources: pd.Series) -> str:
    return ", ".join(dict.fromkeys(str(source) for source in sources))


def noted_fine_after(log: TrainingLog, athlete: str, after: object) -> bool:
    """Whether a note of the athlete after the day `after` says the knee is fine."""
    _, clear_days = knee_readings(log)
    clear = clear_days.get(athlete)
    return clear is not None and bool((clear > pd.Timestamp(after)).any())


def quoted(excerpt: str) -> str:
    """The note's words in quotes for a message, without a closing full stop of their own."""
    return "'" + excerpt.rstrip().removesuffix(".") + "'"


def episode_numbers(
    days: np.ndarray, clear_days: pd.DatetimeIndex | None, gap_days: int
) -> np.ndarray:
    """An episode number per pain note (days ascending): a gap of more than `gap_days`, or a
    note that the knee is fine in between, starts a new episode."""
    gaps = np.diff(days, prepend=days[:1]).astype("timedelta64[D]").astype(int)
    starts = gaps > gap_days
    if clear_days is not None and len(clear_days):
        clear = clear_days.to_numpy()
        # a "knee fine" note after the previous pain day and before this one ends the episode
        clear_before = np.searchsorted(clear, days, "left")
        clear_by_previous = np.searchsorted(clear, np.roll(days, 1), "right")
        starts |= clear_before > clear_by_previous
    starts[0] = True
    return np.cumsum(starts)
