"""Is my long run jumping?

Each run against the longest run of the days before it, as the long-run rule compares them
(its chart marks), and the runs its findings flagged.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analyzer.checkers.rule import ChartMarks, Finding
from analyzer.log import TrainingLog
from analyzer.report.charts.drawing import (
    AVERAGE_COLOUR,
    BAR_COLOUR,
    SEVERITY_COLOURS,
    Chart,
    Size,
    date_axis,
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
from analyzer.report.finding_words import finding_label
from analyzer.words import distance_unit

QUESTION = "Is my long run jumping?"
WHEN_EMPTY = "No runs in these weeks."


def description(athlete: str) -> str:
    """What the chart shows, for a reader who cannot see it."""
    return f"Each run of {athlete} against the longest run of the days before it"


def long_run_chart(
    log: TrainingLog, findings: Sequence[Finding], window: Window, units: str, marks: Marks
) -> Chart | None:
    """Each run against the longest of the days before, as the long-run rule compares: its
    chart marks (local days), never a second count."""
    long_run = on_chart(marks, "long run")
    if not long_run:
        return None
    slug, runs = next(iter(long_run.items()))
    shown = runs.series[runs.series["day"] >= pd.Timestamp(window.first)]
    shown = shown[shown["day"] <= pd.Timestamp(window.as_of)]
    if shown.empty:
        return None
    flagged = [finding for finding in findings if finding.rule == slug]
    return wide_and_narrow(lambda size: long_run_figure(shown, runs, flagged, window, units, size))


def long_run_figure(
    table: pd.DataFrame,
    runs: ChartMarks,
    findings: Sequence[Finding],
    window: Window,
    units: str,
    size: Size,
) -> Figure:
    """The long-run chart's figure: each run of `table` (the rule's marks in the window) with
    the rule's two lines, and the runs its findings flagged."""
    unit_m = distance_unit(units).metres
    (before_column, before_label), (limit_column, limit_label) = runs.lines
    table = pd.DataFrame(
        {
            "day": table["day"].to_numpy(),
            "distance": table["distance_m"].to_numpy(dtype=float) / unit_m,
            "longest_before": table[before_column].to_numpy(dtype=float) / unit_m,
            "limit": table[limit_column].to_numpy(dtype=float) / unit_m,
            "activity_id": table["activity_id"].astype(str).to_numpy(),
        }
    )
    figure, axes = new_figure(size, 3.0)
    axes.step(
        table["day"],
        table["longest_before"],
        where="post",
        color=AVERAGE_COLOUR,
        linewidth=1.3,
        label=before_label,
    )
    axes.step(
        table["day"],
        table["limit"],
        where="post",
        color=SEVERITY_COLOURS["warning"],
        linewidth=1.0,
        linestyle="--",
        label=limit_label,
        gid="warning-line",
    )
    axes.plot(
        table["day"],
        table["distance"],
        marker="o",
        markersize=4,
        linestyle="none",
        color=BAR_COLOUR,
        label="run",
    )
    flagged = [finding for finding in findings if window.first <= finding.date <= window.as_of]
    for finding in flagged:
        hits = table[table["activity_id"].isin(finding.activity_ids)]
        if hits.empty:
            hits = table[table["day"] == pd.Timestamp(finding.date)].nlargest(1, "distance")
        colour = SEVERITY_COLOURS.get(finding.severity, "black")
        for hit in hits.itertuples():
            axes.plot(
                hit.day,
                hit.distance,
                marker="o",
                markersize=11,
                markerfacecolor="none",
                markeredgecolor=colour,
                markeredgewidth=2,
                gid="flagged-run",
            )
            axes.annotate(
                finding_label(finding),
                (hit.day, hit.distance),
                xytext=(0, 8),
                textcoords="offset points",
                ha="center",
                fontsize=7.5,
                fontweight="bold",
                color=colour,
            )
    top = float(np.nanmax([table["distance"].max(), table["longest_before"].max(), 1.0]))
    axes.set_ylim(0, top * 1.2)
    axes.set_xlim(pd.Timestamp(window.first), pd.Timestamp(window.as_of) + pd.Timedelta(days=1))
    axes.set_ylabel(distance_unit(units).label)
    date_axis(axes, size)
    handles, _ = axes.get_legend_handles_labels()
    if flagged:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                markersize=9,
                markerfacecolor="none",
                markeredgecolor=SEVERITY_COLOURS["high"],
                linestyle="none",
                label=f"{finding_label(flagged[0])} finding",
            )
        )
    fit(figure, handles)
    return figure
