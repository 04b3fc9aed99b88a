"""The whole log, month by month

Distance and findings per month over the whole log, drawn when the log is longer than the
window; the window's months are shaded.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analyzer.checkers.rule import Finding
from analyzer.log import TrainingLog
from analyzer.report.charts.drawing import (
    BAR_COLOUR,
    PAIN_COLOUR,
    SEVERITY_COLOURS,
    Chart,
    Size,
    bars,
    fit,
    wide_and_narrow,
)
from analyzer.report.charts.marks import (
    Marks,
    on_chart,
)
from analyzer.report.charts.window import (
    WINDOW_WEEKS,
    Window,
    runs_until,
)
from analyzer.words import distance_unit

QUESTION = "The whole log, month by month"


def description(athlete: str) -> str:
    """What the chart shows, for a reader who cannot see it."""
    return f"Distance and findings per month over all of {athlete}'s log"


def monthly_overview_chart(
    log: TrainingLog, findings: Sequence[Finding], window: Window, units: str, marks: Marks
) -> Chart | None:
    """Distance and findings per month over the whole log, when it is longer than the window."""
    runs = runs_until(log, window.as_of)
    if runs.empty or min(runs["local_date"]) >= window.first:
        return None
    pain_rules = set(on_chart(marks, "knee"))
    return wide_and_narrow(
        lambda size: monthly_overview_figure(runs, findings, window, units, pain_rules, size)
    )


def monthly_overview_figure(
    runs, findings, window: Window, units: str, pain_rules: set[str], size: Size
) -> Figure:
    """The monthly overview's figure: distance bars above, findings per month below."""
    month = pd.to_datetime(runs["local_date"]).dt.to_period("M")
    months = pd.period_range(month.min(), pd.Period(window.as_of, "M"), freq="M")
    distance = (runs["distance_m"] / distance_unit(units).metres).groupby(month.to_numpy()).sum()
    distance = distance.reindex(months, fill_value=0.0)
    counts = pd.DataFrame(0, index=months, columns=[*SEVERITY_COLOURS, "pain"])
    for finding in findings:
        period = pd.Period(finding.date, "M")
        if period in counts.index:
            column = "pain" if finding.rule in pain_rules else finding.severity
            if column in counts.columns:
                counts.loc[period, column] += 1
    figure = Figure(figsize=(size.width_in, 3.0))
    FigureCanvasSVG(figure)
    distance_axes, count_axes = figure.subplots(
        2, 1, sharex=True, gridspec_kw={"height_ratios": [2, 1]}
    )
    positions = np.arange(len(months))
    width = 0.85 if len(months) < 60 else 1.0
    ran = distance.to_numpy() > 0
    bars(distance_axes, positions[ran], distance.to_numpy()[ran], width, BAR_COLOUR)
    in_window = months >= pd.Period(window.first, "M")
    distance_axes.axvspan(
        float(positions[in_window][0]) - 0.5,
        float(positions[-1]) + 0.5,
        color="#fff3c4",
        zorder=0,
        label=f"last {WINDOW_WEEKS} weeks (charts above)",
    )
    distance_axes.set_ylabel(f"{distance_unit(units).label}/month")
    handles = distance_axes.get_legend_handles_labels()[0]  # the window's span
    bottom = np.zeros(len(months))
    labels = {"high": "high", "warning": "warning", "info": "info", "pain": "knee-pain note"}
    colours = {**SEVERITY_COLOURS, "pain": PAIN_COLOUR}
    for column in counts.columns:
        values = counts[column].to_numpy(dtype=float)
        if values.any():
            drawn = values > 0  # months without such findings draw no empty bar
            colour = colours[column]
            bars(count_axes, positions[drawn], values[drawn], width, colour, bottom[drawn])
            handles.append(Patch(facecolor=colour, label=labels[column]))
            bottom += values
    count_axes.set_ylabel("findings")
    count_axes.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True, nbins=3))
    for axes in (distance_axes, count_axes):
        axes.grid(axis="y", color="#e4e4e4", linewidth=0.8)
    step = _month_step(len(months), size)
    ticks = [index for index, period in enumerate(months) if (period.month - 1) % step == 0]
    count_axes.set_xticks(
        ticks,
        [
            f"{months[index]:%Y}" if step >= 12 else f"{months[index]:%b}\n{months[index]:%Y}"
            for index in ticks
        ],
    )
    count_axes.set_xlim(-0.6, len(months) - 0.4)
    fit(figure, handles, bottom_in=0.3 if step >= 12 else 0.5, hspace=0.1)
    return figure


def _month_step(count: int, size: Size) -> int:
    wanted = count / (6 if size.is_narrow else 12)
    return next((step for step in (1, 2, 3, 6, 12, 24, 60) if step >= wanted), 120)
