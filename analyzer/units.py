"""One place for each unit and physical fact runlog uses: the mile, the foot, the Earth's
radius and the great-circle distance, the FIT epoch, the bounds of a UTC offset, and the
cadence policy: whether a run's cadence counts one foot or both, and so its steps per
minute. A second copy of any of these anywhere else is a bug in waiting (three Earth radii
give three distances); a test looks for copies.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported where used: the constants here need neither (a fast start-up)
    import numpy as np
    import pandas as pd

METRES_PER_MILE = 1609.344  # the international mile (1959)
METRES_PER_FOOT = 0.3048  # the international foot (1959)
KM_PER_MILE = METRES_PER_MILE / 1000
FEET_PER_METRE = 1 / METRES_PER_FOOT

# The WGS84 semi-major axis, as gpxpy uses it: GPX totals then match gpxpy's length_2d, the
# reference reader the tests compare with. Every distance between two GPS points uses it.
EARTH_RADIUS_M = 6_378_137.0
ONE_DEGREE_M = 2 * math.pi * EARTH_RADIUS_M / 360  # along a meridian

FIT_EPOCH_UNIX_S = 631_065_600  # 1989-12-31T00:00Z [Garmin FIT cookbook, docs/FORMATS.md §1.6]

MAX_UTC_OFFSET_S = 14 * 3600  # UTC+14 (Kiribati) is the furthest zone from UTC
UTC_OFFSET_STEP_S = 15 * 60  # every zone in use is a multiple of 15 minutes from UTC

# A foot cadence as a device writes it often counts one foot (strides/min: FIT, TCX, GPX
# extensions, Strava, Polar, Wahoo, Garmin exports); some writers store steps/min instead.
# One foot stays below these while moving (running ~75-100, walking ~50-70), steps/min above
# [docs/FORMATS.md §1.3, §7.1]. Cadence of other sports (pedal or paddle strokes) is not steps.
ONE_FOOT_BELOW_SPM = {"running": 120.0, "walking": 85.0, "hiking": 85.0}
FOOT_SPORTS = tuple(ONE_FOOT_BELOW_SPM)
# Which share of a run's moving cadence samples is judged: the upper quartile, so that a run
# with walking breaks written in steps/min (walks at 110, runs at 170) is not taken for one
# foot, while a one-foot run stays under the line (its quartile is a running stride, ~90).
CADENCE_QUANTILE = 0.75

Cadence = TypeVar("Cadence", float, "np.ndarray", "pd.Series")


def great_circle_m(
    lat_1_deg: np.ndarray | pd.Series | float,
    lon_1_deg: np.ndarray | pd.Series | float,
    lat_2_deg: np.ndarray | pd.Series | float,
    lon_2_deg: np.ndarray | pd.Series | float,
) -> np.ndarray:
    """Great-circle (haversine) distance between paired points, metres; NaN where a position
    is missing."""
    import numpy as np

    lat_1, lon_1 = (
        np.radians(np.asarray(lat_1_deg, float)),
        np.radians(np.asarray(lon_1_deg, float)),
    )
    lat_2, lon_2 = (
        np.radians(np.asarray(lat_2_deg, float)),
        np.radians(np.asarray(lon_2_deg, float)),
    )
    half_chord = (
        np.sin((lat_1 - lat_2) / 2) ** 2
        + np.cos(lat_1) * np.cos(lat_2) * np.sin((lon_1 - lon_2) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(half_chord, 0, 1)))


def cadence_factor(
    sport: str, moving_cadence: np.ndarray | None = None, average: float | None = None
) -> float:
    """Steps per written unit of one run's cadence: 2.0 when it counts one foot, 1.0 when it
    is steps/min already, NaN when its sport's cadence is not steps (a bike's crank turns).

    The one cadence policy: decided on the run's moving samples where it has any (their
    upper quartile, CADENCE_QUANTILE; zeros are a sensor's 'no reading' and left out), else on
    its own average as written (a run with totals only), against ONE_FOOT_BELOW_SPM. Every
    importer asks here, so a run reads the same whichever format it came in; steps_per_min
    is the same rule for tables of runs with totals only.
    """
    import numpy as np

    below = ONE_FOOT_BELOW_SPM.get(sport)
    if below is None:
        return math.nan
    counted = np.zeros(0) if moving_cadence is None else np.asarray(moving_cadence, float)
    counted = counted[counted > 0]
    if counted.size:
        typical = _quantile(counted, CADENCE_QUANTILE)
    elif average is not None and average > 0:
        typical = float(average)
    else:
        return 2.0  # nothing written: the usual case, and nothing is multiplied
    return 2.0 if typical < below else 1.0


def _quantile(values: np.ndarray, share: float) -> float:
    """np.quantile(values, share) for values without NaN, to the last bit (its 'linear'
    method: the two neighbours of the virtual index, interpolated as numpy's _lerp does),
    from a partition instead of numpy's general path: a third of the time a run."""
    import numpy as np

    virtual = (values.size - 1) * share
    below = math.floor(virtual)
    above = min(below + 1, values.size - 1)
    parted = np.partition(values, (below, above))
    low, high, gamma = float(parted[below]), float(parted[above]), virtual - below
    difference = high - low
    return high - difference * (1 - gamma) if gamma >= 0.5 else low + difference * gamma


def steps_per_min(value: Cadence, sport: str | pd.Series) -> Cadence:
    """Runs' average cadences as written, in steps/min: each doubled where it counts one foot
    (below its sport's ONE_FOOT_BELOW_SPM), NaN for a sport whose cadence is not steps. The
    rule of cadence_factor for runs known by their totals alone (a row of a summary table).
    `value` is a number, an array or a Series; `sport` one sport, or a Series beside them."""
    import numpy as np
    import pandas as pd

    if isinstance(sport, str):
        below: float | np.ndarray = ONE_FOOT_BELOW_SPM.get(sport, math.nan)
    else:
        below = pd.Series(sport).map(ONE_FOOT_BELOW_SPM).to_numpy(dtype=float)
    values = np.asarray(value, dtype=float)
    with np.errstate(invalid="ignore"):
        steps = np.where(np.isnan(below), np.nan, np.where(values < below, 2 * values, values))
    if isinstance(value, pd.Series):
        return pd.Series(steps, index=value.index, name=value.name)  # type: ignore[return-value]
    if np.ndim(value) == 0:
        return float(steps)  # type: ignore[return-value]
    return steps  # type: ignore[return-value]
