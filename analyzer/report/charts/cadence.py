"""Is my cadence low?

Each run's cadence as the cadence rule reads it (its chart marks), coloured by pace, the
treadmill runs as squares, the rule's floor and the runner's own trend.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analyzer.log import TrainingLog
from analyzer.report.charts.drawing import (
    AVERAGE_COLOUR,
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
    runs_until,
)
from analyzer.words import distance_unit, minutes_text

QUESTION = "Is my cadence low?"
WHEN_EMPTY = "No run in these weeks records cadence."


def description(athlete: str) -> str:
    """What the chart shows, for a reader who cannot see it."""
    return (
        f"Cadence of each run of {athlete} coloured by pace, treadmill runs as squares, "
        "against the cadence floor"
    )


ROLLING_RUNS = 9  # the cadence trend is the median of this many runs up to each one
GAP_DAYS = 7  # runs further apart than this are not joined by the cadence trend line


def cadence_chart(log: TrainingLog, window: Window, units: str, marks: Marks) -> Chart | None:
    """Each run's cadence as the cadence rule reads it (its chart marks), coloured by pace, the
    treadmill runs marked, the rule's floor, the trend."""
    cadence = on_chart(marks, "cadence")
    if not cadence:
        return None
    runs_marks = next(iter(cadence.values()))
    series = runs_marks.series
    series = series[series["day"] <= pd.Timestamp(window.as_of)]
    if series[series["day"] >= pd.Timestamp(window.first)].empty:
        return None
    runs = runs_until(log, window.as_of).set_index("activity_id")
    surface = runs["surface"].reindex(series["activity_id"]).to_numpy()
    table = series.assign(surface=surface).sort_values("day", kind="stable")
    floor_spm = runs_marks.level
    return wide_and_narrow(lambda size: cadence_figure(table, window, floor_spm, units, size))


def cadence_figure(
    runs: pd.DataFrame, window: Window, floor_spm: float | None, units: str, size: Size
) -> Figure:
    """The cadence chart's figure from the rule's runs (`day`, `cadence_spm`, `speed_mps`,
    `surface`); the trend line is broken where runs are far apart."""
    day = pd.to_datetime(runs["day"]).reset_index(drop=True)
    trend = cadence_trend_spm(day, runs["cadence_spm"])
    shown = (day >= pd.Timestamp(window.first)).to_numpy()
    runs, day, trend = runs[shown], day[shown], trend[shown]
    speed_mps = runs["speed_mps"].astype(float).where(runs["speed_mps"].astype(float) > 0)
    figure, axes = new_figure(size, 3.1)
    is_treadmill = (runs["surface"] == "treadmill").fillna(False).to_numpy(dtype=bool)
    pace_s = distance_unit(units).metres / speed_mps.to_numpy(dtype=float)  # seconds per km or mile
    cadence_spm = runs["cadence_spm"].to_numpy(dtype=float)
    scale = {"cmap": "viridis_r", "vmin": np.nanmin(pace_s), "vmax": np.nanmax(pace_s)}
    if not np.isfinite(scale["vmin"]):
        scale = {"cmap": "viridis_r", "vmin": 240.0, "vmax": 420.0}
    points = None
    for marker, mask, label in (("o", ~is_treadmill, "run"), ("s", is_treadmill, "treadmill")):
        if mask.any():
            points = axes.scatter(
                day[mask],
                cadence_spm[mask],
                c=np.nan_to_num(pace_s[mask], nan=scale["vmax"]),
                marker=marker,
                s=22,
                edgecolors="black" if marker == "s" else "none",
                linewidths=0.6,
                label=label,
                **scale,
            )
    for number, stretch in enumerate(trend.groupby("stretch").groups.values()):
        positions = trend.index.get_indexer(stretch)
        axes.plot(
            day.to_numpy()[positions],
            trend["trend_spm"].to_numpy()[positions],
            color=AVERAGE_COLOUR,
            linewidth=1.5,
            label=f"your median of {ROLLING_RUNS} runs" if number == 0 else None,
            gid="trend",
        )
    levels = [] if floor_spm is None else [floor_spm]
    for level in levels:
        axes.axhline(
            level, color=SEVERITY_COLOURS["warning"], linestyle="--", linewidth=1.1, gid="floor"
        )
        axes.annotate(
            f"floor {level:g}",
            (0.0, level),
            xycoords=("axes fraction", "data"),
            xytext=(3, -10),
            textcoords="offset points",
            fontsize=7.5,
            color=SEVERITY_COLOURS["warning"],
        )
    low = min(float(np.nanmin(cadence_spm)), *levels)
    high = max(float(np.nanmax(cadence_spm)), *levels)
    axes.set_ylim(low - 6, high + 6)
    axes.set_xlim(pd.Timestamp(window.first), pd.Timestamp(window.as_of) + pd.Timedelta(days=1))
    axes.set_ylabel("steps per minute")
    date_axis(axes, size)
    if points is not None:
        bar = figure.colorbar(points, ax=axes, fraction=0.035, pad=0.015, aspect=18)
        bar.set_label(f"pace, min/{distance_unit(units).label}")
        bar.ax.invert_yaxis()  # faster at the top, as cadence rises with speed
        bar.ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(_pace_text))
        bar.ax.tick_params(labelsize=7.5)
    handles, _ = axes.get_legend_handles_labels()
    if levels:
        handles.append(
            Line2D(
                [], [], color=SEVERITY_COLOURS["warning"], linestyle="--", label="the rule's floor"
            )
        )
    fit(figure, handles, right_in=0.62 if points is not None else 0.12)
    return figure


def cadence_trend_spm(day: pd.Series, cadence_spm: pd.Series) -> pd.DataFrame:
    """Per run, `trend_spm` (the median of `ROLLING_RUNS` runs up to it) and its `stretch`.

    A run more than `GAP_DAYS` after the one before starts a new stretch: the median starts
    afresh there, and the chart draws each stretch as its own line, never across the gap.
    """
    days = pd.Series(pd.to_datetime(day).to_numpy())
    values = pd.Series(np.asarray(cadence_spm, dtype=float))
    stretch = (days.diff() > pd.Timedelta(days=GAP_DAYS)).cumsum().to_numpy()
    trend = values.groupby(stretch).transform(
        lambda part: part.rolling(ROLLING_RUNS, min_periods=1).median()
    )
    return pd.DataFrame({"trend_spm": trend.to_numpy(dtype=float), "stretch": stretch})


def _pace_text(seconds_per_unit: float, _position: object) -> str:
    return minutes_text(seconds_per_unit)
