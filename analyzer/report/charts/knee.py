"""How is my knee?

The knee-pain scores of the window by side (the knee rule's marks), above the weekly distance.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from analyzer.log import TrainingLog
from analyzer.report.charts.drawing import (
    Chart,
    Size,
    fit,
    week_ticks,
    wide_and_narrow,
)
from analyzer.report.charts.marks import (
    Marks,
    pain_notes,
    score_of,
    side_of,
)
from analyzer.report.charts.weekly import weekly_bars, weeks_table
from analyzer.report.charts.window import (
    WINDOW_WEEKS,
    Window,
    week_position,
)
from analyzer.words import distance_unit

QUESTION = "How is my knee?"
WHEN_EMPTY = f"No knee-pain notes in the last {WINDOW_WEEKS} weeks."


def description(athlete: str) -> str:
    """What the chart shows, for a reader who cannot see it."""
    return f"Knee-pain scores of {athlete} by side, above the weekly distance"


SIDE_STYLES = {  # knee side -> marker, colour, label
    "left": ("<", "#6a1b9a", "left knee"),
    "right": (">", "#00838f", "right knee"),
    "both": ("D", "#37474f", "both knees"),
    None: ("o", "#8d6e63", "knee (side not said)"),
}


def pain_chart(log: TrainingLog, window: Window, units: str, marks: Marks) -> Chart | None:
    """Knee-pain scores by side over the window, above the weekly distance."""
    notes = pain_notes(marks, window)
    if notes.empty:
        return None
    return wide_and_narrow(lambda size: pain_figure(log, notes, window, units, size))


def pain_figure(
    log: TrainingLog, notes: pd.DataFrame, window: Window, units: str, size: Size
) -> Figure:
    """The knee chart's figure: scores on top (no score: the bottom row), weeks below; `notes`
    are the knee rule's marks in the window (`day`, `side`, `score_of_10`)."""
    figure = Figure(figsize=(size.width_in, 3.2))
    FigureCanvasSVG(figure)
    score_axes, week_axes = figure.subplots(
        2, 1, sharex=True, gridspec_kw={"height_ratios": [1.6, 1]}
    )
    for axes in (score_axes, week_axes):
        axes.grid(axis="y", color="#e4e4e4", linewidth=0.8)
    no_score = -1.5
    for side, (marker, colour, label) in SIDE_STYLES.items():
        mine = [note for note in notes.itertuples() if side_of(note.side) == side]
        if not mine:
            continue
        days = [week_position(note.day.date(), window) for note in mine]
        scores = [score_of(note.score_of_10) for note in mine]
        score_axes.plot(
            days,
            [no_score if score is None else score for score in scores],
            marker=marker,
            markersize=7,
            linestyle="none",
            color=colour,
            label=label,
            gid=f"pain-{side or 'unsaid'}",
        )
    score_axes.set_ylim(no_score - 1, 10.5)
    score_axes.set_yticks([no_score, 0, 2, 4, 6, 8, 10], ["no score", 0, 2, 4, 6, 8, 10])
    score_axes.set_ylabel("pain /10")
    weeks = weeks_table(log, window, units)
    weekly_bars(week_axes, weeks, window, size.is_narrow)
    week_axes.set_ylabel(f"{distance_unit(units).label}/week")
    week_ticks(week_axes, weeks.index, size)
    handles = score_axes.get_legend_handles_labels()[0]
    fit(figure, handles, left_in=0.95, bottom_in=0.35, hspace=0.12)
    return figure
