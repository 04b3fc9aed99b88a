"""Are my shoes worn?

Each shoe's distance as the shoe rule counts it (its chart marks), against its limits, with
its last run or its retirement.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analyzer.report.charts.drawing import (
    BAR_COLOUR,
    SEVERITY_COLOURS,
    Chart,
    Size,
    fit,
    new_figure,
    wide_and_narrow,
)
from analyzer.report.charts.marks import (
    Marks,
    on_chart,
)
from analyzer.report.charts.window import (
    Window,
)
from analyzer.words import day_text, distance_unit

if TYPE_CHECKING:
    from matplotlib.artist import Artist


QUESTION = "Are my shoes worn?"
WHEN_EMPTY = "No shoes named in the runs or the profile."


def description(athlete: str) -> str:
    """What the chart shows, for a reader who cannot see it."""
    return f"Distance on each shoe of {athlete} as the shoe rule counts it, against its limits"


RETIRED_COLOUR = "#b5b5b5"


def shoe_chart(window: Window, units: str, marks: Marks) -> Chart | None:
    """Each shoe's distance as the shoe rule counts it (its chart marks), its limits, its
    last run."""
    shoes = on_chart(marks, "shoes")
    if not shoes:
        return None
    table = next(iter(shoes.values())).series
    if table.empty:
        return None
    return wide_and_narrow(lambda size: shoe_figure(table, units, size))


def shoe_figure(table: pd.DataFrame, units: str, size: Size) -> Figure:
    """The shoe chart's figure: a bar per shoe (the rule's marks: `shoe`, `distance_m`,
    `warning_m`, `high_m`, `last_used`, `retired_date`, `is_retired`), its name and figures
    written above it."""
    unit_m = distance_unit(units).metres
    shoes = list(table.itertuples(index=False))
    figure, axes = new_figure(size, 0.8 + 0.62 * len(shoes), grid=False)
    axes.grid(axis="x", color="#e4e4e4", linewidth=0.8)
    positions = np.arange(len(shoes))
    for position, shoe in zip(positions, shoes, strict=True):
        is_retired = bool(shoe.is_retired)
        distance = shoe.distance_m / unit_m
        axes.barh(
            position,
            distance,
            height=0.38,
            color=RETIRED_COLOUR if is_retired else BAR_COLOUR,
            gid="retired-shoe" if is_retired else "shoe",
        )
        for limit_m, style in ((shoe.warning_m, "warning"), (shoe.high_m, "high")):
            axes.plot(
                [limit_m / unit_m] * 2,
                [position - 0.3, position + 0.3],
                color=SEVERITY_COLOURS[style],
                linewidth=2.2,
                linestyle=(0, (2, 1)) if style == "warning" else "-",
            )
        has_run = pd.notna(shoe.last_used)
        last = f"last run {_short_day(shoe.last_used)}" if has_run else "no runs yet"
        status = f"retired {_short_day(shoe.retired_date)}" if is_retired else last
        # retired in the profile, yet worn since: it counts, as a shoe in use
        is_worn_again = has_run and pd.notna(shoe.retired_date) and not is_retired
        if is_worn_again and shoe.retired_date < shoe.last_used:
            status = f"retired {_short_day(shoe.retired_date)}, worn since"
        axes.text(
            0,
            position - 0.27,
            f"{shoe.shoe}: {distance:,.0f} {distance_unit(units).label} · {status}",
            ha="left",
            va="bottom",
            fontsize=8,
            color="#555555" if is_retired else "#222222",
        )
    top = max(max(shoe.high_m for shoe in shoes), max(shoe.distance_m for shoe in shoes)) / unit_m
    axes.set_xlim(0, top * 1.05)
    axes.set_ylim(len(shoes) - 0.5, -0.8)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    axes.set_xlabel(f"{distance_unit(units).label} on the shoe, pre-use included")
    handles: list[Artist] = [
        Line2D(
            [],
            [],
            color=SEVERITY_COLOURS["warning"],
            linewidth=2.2,
            linestyle=(0, (2, 1)),
            label="warning limit",
        ),
        Line2D([], [], color=SEVERITY_COLOURS["high"], linewidth=2.2, label="high limit"),
    ]
    if any(bool(shoe.is_retired) for shoe in shoes):
        handles.append(Patch(color=RETIRED_COLOUR, label="retired"))
    fit(figure, handles, left_in=0.15, bottom_in=0.45, right_in=0.2)
    return figure


def _short_day(day: dt.date | None) -> str:
    return "" if day is None else day_text(day, weekday=False)
