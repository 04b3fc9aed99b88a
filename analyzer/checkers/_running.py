"""Running, not walking: which samples of a run are running, and which runs are run/walk.

A runner's cadence (low-cadence) and pace (pace-jump) are judged on the samples that were
running: moving (at least `min_moving_speed_mps`), not slower than `WALK_SPEED_SHARE` of the
run's usual moving speed, and, when the run's cadence shows running, at a running cadence
(at least `min_running_cadence_spm`). Stops and walk breaks pull a whole run's averages down
for the wrong reason (docs/EVIDENCE.md#low-cadence, docs/EVIDENCE.md#pace-jump).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

MIN_MOVING_SPEED_MPS = 1.5  # slower samples are stops
MIN_RUNNING_CADENCE_SPM = 130.0  # lower samples are walking; a lower run is a walk or one foot
WALK_SPEED_SHARE = 0.6  # samples under this share of the run's median moving speed are walking
SAMPLE_NAMES = ("cadence_spm", "speed_mps", "distance_m", "time_utc")  # the columns read
# a run named or noted as run/walk: its average mixes running with walking
_RUN_WALK_WORDS = re.compile(
    r"\b(?:run[ /-]?walk(?:ing)?|walk[ -]?breaks?|walking breaks?|walk(?:ing)? intervals?"
    r"|c25k|couch[ -]?to[ -]?5 ?k|galloway|jeffing)\b",
    re.I,
)


def is_run_walk(names: pd.Series, notes: pd.Series) -> np.ndarray:
    """Per run, whether its name or notes say it is a run/walk session ("run/walk", "walk
    breaks", "C25K", "Galloway")."""
    words = names.astype("string").fillna("") + " " + notes.astype("string").fillna("")
    return words.str.contains(_RUN_WALK_WORDS).to_numpy(dtype=bool)


def run_walk_without_samples(runs: pd.DataFrame, sample_ids: Iterable[str]) -> np.ndarray:
    """Per run (with `activity_id`, `name` and `notes`), whether it is a run/walk session
    without samples (`sample_ids`: the runs that have them): its averages mix running with
    walking, so neither its running pace nor its running cadence can be told."""
    has_samples = runs["activity_id"].isin(set(sample_ids)).to_numpy(dtype=bool)
    return is_run_walk(runs["name"], runs["notes"]) & ~has_samples


def run_walk_reason(unknown: int, runs: int, window: str, figure: str) -> str:
    """Why a rule leaves run/walk sessions without samples out: 'N of your M runs of the last
    8 weeks are run/walk sessions without samples: their running pace cannot be told ...'."""
    return (
        f"{unknown} of your {runs} runs of the last {window} are run/walk sessions without "
        f"samples: their running {figure} cannot be told from their walk breaks, so they are "
        "not judged"
    )


def running_samples(
    samples: dict[str, np.ndarray], min_moving_speed_mps: float, min_running_cadence_spm: float
) -> tuple[np.ndarray, np.ndarray]:
    """Which of a run's samples are running, and their speeds (m/s; from distance and time
    when the run records no speed).

    `samples` holds the run's `SAMPLE_NAMES` arrays (`log.sample_values`)."""
    cadence_spm, speed_mps = samples["cadence_spm"], samples["speed_mps"]
    has_speed = ~np.isnan(speed_mps)
    distance_m = samples["distance_m"]
    if not has_speed.any() and not np.isnan(distance_m).all():
        times = samples["time_utc"]
        elapsed_s = np.diff(times, prepend=times[:1]) / np.timedelta64(1, "s")
        with np.errstate(invalid="ignore", divide="ignore"):
            speed_mps = np.diff(distance_m, prepend=np.nan) / np.where(
                elapsed_s > 0, elapsed_s, np.nan
            )
        has_speed = ~np.isnan(speed_mps)
    with np.errstate(invalid="ignore"):
        # without cadence, speed alone tells running from walking
        has_cadence = not np.isnan(cadence_spm).all()
        kept = cadence_spm > 0 if has_cadence else np.ones(len(cadence_spm), dtype=bool)
        if has_speed.any():
            moving = speed_mps >= min_moving_speed_mps
            usual_mps = median(speed_mps[kept & moving])
            kept &= moving & (speed_mps >= WALK_SPEED_SHARE * usual_mps)
        if median(cadence_spm[kept]) > min_running_cadence_spm:
            kept &= cadence_spm >= min_running_cadence_spm
    return kept, speed_mps


def median(values: np.ndarray) -> float:
    """The median of the values that are not NaN (NaN when there are none)."""
    values = values[~np.isnan(values)]
    return float(np.median(values)) if values.size else np.nan


def mean(values: np.ndarray) -> float:
    """The mean of the values that are not NaN (NaN when there are none)."""
    values = values[~np.isnan(values)]
    return float(values.mean()) if values.size else np.nan
