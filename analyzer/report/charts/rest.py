"""Am I resting?

Every day of the window in a calendar, a column per week: runs shaded by distance, rest days,
days without data, knee-pain days marked around the day with their score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from analyzer.checkers.rule import Finding
from analyzer.log import TrainingLog
from analyzer.report.charts.drawing import (
    AVERAGE_COLOUR,
    PAIN_COLOUR,
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
    pain_by_day,
)
from analyzer.report.charts.window import (
    WINDOW_WEEKS,
    Window,
    dated_until,
    runs_until,
)
from analyzer.report.finding_words import finding_label
from analyzer.words import day_text, distance_unit

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.typing import ColorType


QUESTION = "Am I resting?"
WHEN_EMPTY = "No runs to chart."


def description(athlete: str) -> str:
    """What the chart shows, for a reader who cannot see it."""
    return (
        f"Every day of the last {WINDOW_WEEKS} weeks of {athlete}: runs, rest days, "
        "knee-pain days with their score"
    )


REST_COLOUR = "#ececec"
NO_DATA_COLOUR = "white"  # a day without data: an empty cell, apart from a rest day's grey
NO_DATA_EDGE = "#c8c8c8"
WEEKDAY_LETTERS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def rest_calendar_chart(
    log: TrainingLog, findings: Sequence[Finding], window: Window, units: str, marks: Marks
) -> Chart | None:
    """Every day of the window: run (shade by distance), rest, knee-pain days with the score."""
    if runs_until(log, window.as_of).empty:
        return None
    return wide_and_narrow(
        lambda size: rest_calendar_figure(log, findings, window, units, marks, size)
    )


def rest_calendar_figure(
    log: TrainingLog,
    findings: Sequence[Finding],
    window: Window,
    units: str,
    marks: Marks,
    size: Size,
) -> Figure:
    """The calendar's figure: one column per week, Monday at the top. A day before the first
    activity or after the last (of any sport) is no data, drawn apart from rest."""
    active = pd.to_datetime(dated_until(log.activities, window.as_of)["local_date"])
    covered = (active.min(), active.max())
    runs = runs_until(log, window.as_of)
    runs = runs[runs["local_date"] >= window.first]
    daily = (
        (runs["distance_m"] / distance_unit(units).metres)
        .groupby(pd.to_datetime(runs["local_date"]))
        .sum()
    )
    weeks = window.mondays
    pain = pain_by_day(marks, window)
    on_rest_chart = set(on_chart(marks, "rest"))
    rest_findings = [
        finding
        for finding in findings
        if finding.rule in on_rest_chart and window.first <= finding.date <= window.as_of
    ]
    flagged_days = {pd.Timestamp(finding.date) for finding in rest_findings}
    figure, axes = new_figure(size, 2.7 if not size.is_narrow else 2.5, grid=False)
    top = max(float(daily.max()) if len(daily) else 1.0, 1.0)
    shades = mpl.colormaps["Blues"]
    distances = dict(zip(daily.index, daily.to_numpy(dtype=float), strict=True))
    last_day = pd.Timestamp(window.as_of)
    no_data = False
    cells: list[np.ndarray] = []
    faces: list[ColorType] = []
    edges: list[str] = []
    for column, monday in enumerate(weeks):
        for row in range(7):
            day = monday + pd.Timedelta(days=row)
            cells.append(_cell(column, row))
            distance = distances.get(day) if day <= last_day else None
            is_run = distance is not None
            if day > last_day:
                faces.append("white")
                edges.append("#d6d6d6")
            elif not covered[0] <= day <= covered[1]:
                faces.append(NO_DATA_COLOUR)
                edges.append(NO_DATA_EDGE)
                no_data = True
            else:
                shade = None if distance is None else shades(0.35 + 0.6 * distance / top)
                faces.append(REST_COLOUR if shade is None else shade)
                edges.append("white")
            if distance is not None and not size.is_narrow:
                axes.text(
                    column + 0.46,
                    row + 0.44,
                    f"{distance:.0f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if distance / top > 0.45 else AVERAGE_COLOUR,
                )
            if day in pain:  # around the day, so its distance stays readable
                axes.add_patch(
                    Rectangle(
                        (column - 0.02, row - 0.04),
                        0.96,
                        0.96,
                        facecolor="none",
                        edgecolor=PAIN_COLOUR,
                        linewidth=2.0,
                        gid="pain-day",
                    )
                )
                axes.text(
                    column + 0.46 if not is_run else column + 0.14,  # a run's: in a corner
                    row + 0.44 if not is_run else row + 0.08,
                    pain[day],
                    ha="center",
                    va="center",
                    fontsize=6 if size.is_narrow else 6.5,
                    fontweight="bold",
                    color=PAIN_COLOUR,
                    bbox={"boxstyle": "round,pad=0.08", "facecolor": "white", "edgecolor": "none"},
                    gid="pain-score",
                )
            if day in flagged_days:
                axes.plot(
                    column + 0.8,
                    row + 0.14,
                    marker="v",
                    markersize=5,
                    color=SEVERITY_COLOURS["warning"],
                    gid="rest-finding",
                )
    # one collection of plain polygons for the 112 cells: a patch each costs a second a report
    axes.add_collection(
        PolyCollection(cells, facecolors=faces, edgecolors=edges, linewidths=0.8, zorder=0)
    )
    axes.set_xlim(-0.1, len(weeks))
    axes.set_ylim(7, -0.1)
    axes.set_yticks(
        np.arange(7) + 0.44, [name[0] if size.is_narrow else name for name in WEEKDAY_LETTERS]
    )
    step = 4 if size.is_narrow else 2
    axes.set_xticks(
        np.arange(0, len(weeks), step) + 0.46,
        [day_text(monday, weekday=False, year=False) for monday in weeks[::step]],
    )
    axes.tick_params(length=0)
    for spine in axes.spines.values():
        spine.set_visible(False)
    handles: list[Artist] = [
        Patch(
            color=shades(0.7), label=f"run (darker: longer; {distance_unit(units).label} written)"
        )
        if not size.is_narrow
        else Patch(color=shades(0.7), label="run (darker: longer)"),
        Patch(color=REST_COLOUR, label="rest"),
    ]
    if no_data:
        handles.append(Patch(facecolor=NO_DATA_COLOUR, edgecolor=NO_DATA_EDGE, label="no data"))
    if pain:
        handles.append(
            Patch(facecolor="white", edgecolor=PAIN_COLOUR, label="knee-pain note (its score)")
        )
    if flagged_days:
        handles.append(
            Line2D(
                [],
                [],
                marker="v",
                linestyle="none",
                color=SEVERITY_COLOURS["warning"],
                label=f"{finding_label(rest_findings[0])} finding",
            )
        )
    fit(figure, handles, left_in=0.25 if size.is_narrow else 0.45, bottom_in=0.3)
    return figure


def _cell(column: int, row: int) -> np.ndarray:
    """A day's cell: its corners, as a rectangle's path goes round them."""
    left, top, right, bottom = column, row, column + 0.92, row + 0.88
    return np.array([(left, top), (right, top), (right, bottom), (left, bottom)])
