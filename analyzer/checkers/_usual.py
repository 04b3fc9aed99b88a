"""The runner's usual level and the climbs of a load, as the load rules judge them.

Weekly distance, the last 7 days' distance and weekly descent are each judged against the
runner's *usual level*: the highest level held for `held_weeks` Monday-Sunday weeks running
(2) in the `usual_weeks` weeks (12) before the week judged (for the last 7 days: before the
day's week). A taper, a race, a recovery week, an illness or a holiday lowers the last few
weeks but not the usual level, so a week back at it is a return, not a jump
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
HELD_WEEKS = 2  # a level counts as usual once held this many weeks running
# "back to your usual" only within this of it; the same band starts a return
USUAL_WITHIN_PCT = 10.0
LIGHTER_WEEK_PCT = 10.0  # a week this far under the climb's highest ends the climb


def usual_level(weekly: pd.Series, usual_weeks: int, held_weeks: int) -> pd.Series:
    """Per week: the highest level held for `held_weeks` weeks running in the `usual_weeks`
    weeks before it (NaN for the first week).

    A level held means every week of the run of weeks was at least that much (their least);
    at the start of a log the weeks there are count. A week whose total is unknown (NaN)
    holds no level.
    """
    held = pd.concat([weekly.shift(back) for back in range(held_weeks)], axis=1).min(
        axis=1, skipna=False
    )
    first_rows = weekly.index[: held_weeks - 1]
    held.loc[first_rows] = weekly.loc[first_rows].expanding().min()
    runs_in_window = usual_weeks - held_weeks + 1
    before = [held.shift(back) for back in range(1, runs_in_window + 1)]
    return pd.concat(before, axis=1).max(axis=1)


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
