"""The runner's usual level and the climbs of a load, as the load rules judge them.

Weekly distance, the last 7 days' distance and weekly descent are each judged against the
runner's *usual level*: the highest level reached in at least `held_weeks` (2) of the
`usual_weeks` (12) Monday-Sunday weeks before the week judged (for the last 7 days: before
the day's week), that is the second-highest of those weeks. One long week is a spike, not a
level; a level reached twice is, whether in weeks running or in turn (21 and 28 km weeks
alternating make 28 usual). A taper, a race, a recovery week, an illness or a holiday lowers
the last few weeks but not the usual level, so a week back at it is a return, not a jump
(docs/EVIDENCE.md#the-usual-level).

A *climb* is the stretch of weeks since the last lighter week: a week more than
`lighter_week_pct` under the highest week of the climb so far (a cutback, a taper, a break)
ends a climb and starts the next. A rule says one thing per climb at each severity: the next
finding of the same climb comes only when it is more severe (`told_once_per_climb`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# The defaults the load rules' thresholds share (each rule has its own settings)
USUAL_WEEKS = 12  # the usual level looks back this many weeks
HELD_WEEKS = 2  # a level counts as usual once reached in this many weeks of them
# "back to your usual" only within this of it; the same band starts a return
USUAL_WITHIN_PCT = 10.0
LIGHTER_WEEK_PCT = 10.0  # a week this far under the climb's highest ends the climb


def usual_level(weekly: pd.Series, usual_weeks: int, held_weeks: int) -> pd.Series:
    """Per week: the highest level reached in at least `held_weeks` of the `usual_weeks`
    weeks before it, i.e. the `held_weeks`-th highest of them (NaN for the first week).

    At the start of a log, with fewer weeks before than `held_weeks`, the least of them. A
    week whose total is unknown (NaN) reaches no level. Since the level is at least the
    lower of the last `held_weeks` weeks, a week more than 30 % above it is more than 30 %
    up in `held_weeks` weeks at most.
    """
    before = np.concatenate([np.full(usual_weeks, np.nan), weekly.to_numpy(dtype=float)])[:-1]
    windows = np.lib.stride_tricks.sliding_window_view(before, usual_weeks)
    highest_first = -np.sort(-windows, axis=1)  # NaN (unknown) weeks last
    known = np.count_nonzero(~np.isnan(windows), axis=1)
    rank = np.minimum(held_weeks, known) - 1
    level = highest_first[np.arange(len(windows)), np.maximum(rank, 0)]
    return pd.Series(np.where(known > 0, level, np.nan), index=weekly.index)


def usual_words(held_weeks: int, usual_weeks: int) -> str:
    """How a finding names the usual level: 'the most you reached in 2 of the last 12 weeks'."""
    return f"the most you reached in {held_weeks} of the last {usual_weeks} weeks"


def climb_numbers(totals: np.ndarray, lighter_week_pct: float) -> np.ndarray:
    """Per row, the number of its climb: a row more than `lighter_week_pct` under the highest
    row of its climb so far starts the next climb. Unknown rows (NaN) neither raise a climb's
    highest nor end it."""
    numbers = np.zeros(len(totals), dtype=np.int64)
    keep_share = 1 - lighter_week_pct / 100
    number, highest = 0, -np.inf
    for row, total in enumerate(np.asarray(totals, dtype=float).tolist()):  # floats: fast
        if total == total:  # not NaN
            if total < keep_share * highest - 1e-6:  # to the micrometre: float sums
                number, highest = number + 1, total
            highest = max(highest, total)
        numbers[row] = number
    return numbers


def told_once_per_climb(severity_ranks: np.ndarray, climbs: np.ndarray) -> np.ndarray:
    """Which rows are told: those with a severity (rank 0 and up; -1: none) higher than every
    row told before them in the same climb. A climb is flagged once at each level, and again
    only when it gets worse or after a lighter week."""
    told = np.zeros(len(severity_ranks), dtype=bool)
    highest_told: dict[int, int] = {}
    for row, (rank, climb) in enumerate(zip(severity_ranks, climbs, strict=True)):
        if rank >= 0 and rank > highest_told.get(int(climb), -1):
            told[row] = True
            highest_told[int(climb)] = int(rank)
    return told
