"""How runlog writes a day, a distance, a climb, a pace and a count, for the rules' messages and
for every report alike: one sentence-maker per kind of figure, so that a runner reads the
same day and the same distance the same way wherever it appears.

Whether an athlete reads km or miles is decided here once (`is_miles`, `distance_unit`),
from the profile's `units` ("km" or "miles", `analyzer/profile.py`); the mile and the foot
themselves live in `analyzer/units.py`.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import NamedTuple

from analyzer.units import FEET_PER_METRE, METRES_PER_MILE


def is_miles(units: str) -> bool:
    """Whether an athlete's units (the profile's `units`) are miles rather than km."""
    return units == "miles"


class DistanceUnit(NamedTuple):
    """The unit an athlete reads distances in: its label and its length in metres."""

    label: str
    metres: float


KM = DistanceUnit("km", 1000.0)
MILE = DistanceUnit("mi", METRES_PER_MILE)


def distance_unit(units: str) -> DistanceUnit:
    """The unit an athlete's distances are written in: km, or the mile when their profile's
    units are miles."""
    return MILE if is_miles(units) else KM


def day_text(date: dt.date | None, *, weekday: bool = True, year: bool = True) -> str:
    """A local day as 'Sun 22 Mar 2026'; without the year ('Sun 22 Mar') where it is plain
    from beside it (a message under a dated heading), without the weekday ('22 Mar 2026')
    where the room is short; 'no date' for none."""
    if date is None:
        return "no date"
    text = f"{date.day} {date:%b}"
    if weekday:
        text = f"{date:%a} {text}"
    return f"{text} {date:%Y}" if year else text


def span_text(first: dt.date | None, last: dt.date | None) -> str:
    """The days a log covers: 'Tue 6 Jan 2026 to Sun 11 Oct 2026', or one day, or none."""
    if first is None or last is None:
        return "no runs"
    if first == last:
        return day_text(first)
    return f"{day_text(first)} to {day_text(last)}"


def distance_text(metres: float, units: str) -> str:
    """A distance to a tenth, as '21.0 km', '1,234.5 km', or '13.0 mi' when the athlete's
    units are miles; 'no distance' when none was recorded."""
    if math.isnan(metres):
        return "no distance"
    unit, unit_m = distance_unit(units)
    return f"{metres / unit_m:,.1f} {unit}"


def whole_distance_text(metres: float, units: str) -> str:
    """A distance to the whole km or mile: '620 km', '1,385 mi'."""
    unit, unit_m = distance_unit(units)
    return f"{metres / unit_m:,.0f} {unit}"


def round_distance(metres: float, units: str) -> str:
    """A distance to the whole km or mile, for advice: '21 km', '15 mi' (from the tenth
    `distance_text` shows, so that advice and message round alike)."""
    unit, unit_m = distance_unit(units)
    return f"{round(metres / unit_m, 1):.0f} {unit}"


def elevation_text(metres: float, units: str) -> str:
    """A climb or descent as '450 m', or '1,476 ft' when the athlete's units are miles."""
    if is_miles(units):
        return f"{metres * FEET_PER_METRE:,.0f} ft"
    return f"{metres:,.0f} m"


def pace_text(speed_mps: float, units: str) -> str:
    """A speed as a pace: '5:30 /km', or '8:51 /mi' when the athlete's units are miles."""
    unit, unit_m = distance_unit(units)
    return f"{minutes_text(unit_m / speed_mps)} /{unit}"


def minutes_text(seconds: float) -> str:
    """Seconds as minutes and seconds: '5:30'."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def count_text(count: int, singular: str, plural: str | None = None) -> str:
    """'1 run', '3 runs', '1,204 runs'."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


__all__ = [
    "KM",
    "MILE",
    "DistanceUnit",
    "count_text",
    "day_text",
    "distance_text",
    "distance_unit",
    "elevation_text",
    "is_miles",
    "minutes_text",
    "pace_text",
    "round_distance",
    "span_text",
    "whole_distance_text",
]
