"""How rule messages write days, distances, climbs and paces in the athlete's units."""

import datetime as dt

import numpy as np

from analyzer.units import FEET_PER_METRE, METRES_PER_MILE


def distance_text(metres: float, units: str) -> str:
    """A distance as '21.0 km', or '13.0 mi' when the athlete's units are miles."""
    if units == "miles":
        return f"{metres / METRES_PER_MILE:.1f} mi"
    return f"{metres / 1000:.1f} km"


def whole_distance_text(metres: float, units: str) -> str:
    """A distance to the whole km or mile: '620 km', '385 mi'."""
    if units == "miles":
        return f"{metres / METRES_PER_MILE:,.0f} mi"
    return f"{metres / 1000:,.0f} km"


def count_text(count: int, singular: str, plural: str | None = None) -> str:
    """'1 run', '3 runs', '1,204 runs'."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


def day_text(date: dt.date) -> str:
    """A local day as 'Sun 22 Mar'."""
    return f"{date:%a} {date.day} {date:%b}"


def elevation_text(metres: float, units: str) -> str:
    """A climb or descent as '450 m', or '1,476 ft' when the athlete's units are miles."""
    if units == "miles":
        return f"{metres * FEET_PER_METRE:,.0f} ft"
    return f"{metres:,.0f} m"


def pace_text(speed_mps: float, units: str) -> str:
    """A speed as a pace: '5:30 /km', or '8:51 /mi' when the athlete's units are miles."""
    unit_m, label = (METRES_PER_MILE, "mi") if units == "miles" else (1000.0, "km")
    seconds = round(unit_m / speed_mps)
    return f"{seconds // 60}:{seconds % 60:02d} /{label}"


def number_beyond(
    value: float, limit: float, *, above: bool, places: int = 0, at_least: bool = False
) -> str:
    """`value` with the fewest decimals (from `places`) that keep it on its side of `limit`.

    A message that says "169.6, under 170" must not print "170, under 170": the figure is
    shown to as many places as it takes for the stated comparison to hold as printed (with
    `at_least`, equal to the limit holds too: "5% faster", for 5 % or more). A rule that
    judges its figure as printed (`round_judged`) needs one decimal at most.
    """
    for shown_places in range(places, 4):
        shown = round(value, shown_places)
        if shown == limit and at_least:
            return f"{value:.{shown_places}f}"
        if (shown > limit) if above else (shown < limit):
            return f"{value:.{shown_places}f}"
    return f"{value:.3f}"


JUDGED_DECIMALS = 1  # a rule judges a figure as it prints: "169.97" is 170.0, not under 170


def round_judged(values):
    """A figure (or an array of them) as a rule judges it against a threshold: rounded to the
    one decimal a message shows."""
    return np.round(values, JUDGED_DECIMALS)


def percent_beyond(share: float, limit_share: float) -> str:
    """A share above `limit_share` as a percentage that prints above it ('30.4%', not '30%')."""
    return f"{number_beyond(share * 100, limit_share * 100, above=True)}%"


def round_distance(metres: float, units: str) -> str:
    """A distance to the whole km or mile, for advice: '21 km', '15 mi'."""
    number, unit = distance_text(metres, units).split(" ")
    return f"{float(number):.0f} {unit}"


def noun_phrase(title: str) -> str:
    """A rule's title as a phrase inside a sentence: its first letter lower case."""
    return title[:1].lower() + title[1:]
