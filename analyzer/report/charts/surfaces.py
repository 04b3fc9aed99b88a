"""Are my surfaces varied?

Each 4-week block's distance by surface, an unknown surface shown as unknown.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analyzer.log import TrainingLog
from analyzer.report.charts.drawing import (
    Chart,
    Size,
    bars,
    fit,
    new_figure,
    wide_and_narrow,
)
from analyzer.report.charts.window import (
    Window,
    runs_until,
)
from analyzer.words import day_text

QUESTION = "Are my surfaces varied?"
WHEN_EMPTY = "No runs in these weeks."


def description(athlete: str) -> str:
    """What the chart shows, for a reader who cannot see it."""
    return f"Share of each surface in {athlete}'s running, per 4-week block"


SURFACE_BLOCK_DAYS = 28  # the surface chart's blocks
UNKNOWN_COLOUR = "#dadada"  # an unknown surface is grey, never a guess
SURFACE_COLOURS = {
    "road": "#607d8b",
    "trail": "#6d8f3c",
    "track": "#c0603a",
    "treadmill": "#8e6bb5",
    "grass": "#9ccc65",
    "sand": "#e0c068",
}
UNKNOWN_SURFACE = "unknown"


def surface_chart(log: TrainingLog, window: Window) -> Chart | None:
    """Each 4-week block's distance by surface, unknown shown as unknown."""
    runs = runs_until(log, window.as_of)
    runs = runs[runs["local_date"] >= window.first]
    if runs.empty or runs["distance_m"].fillna(0).sum() <= 0:
        return None
    return wide_and_narrow(lambda size: surface_figure(runs, window, size))


def surface_figure(runs: pd.DataFrame, window: Window, size: Size) -> Figure:
    """The surface chart's figure: one horizontal bar of shares per block, newest at the top."""
    day = pd.to_datetime(runs["local_date"])
    block = ((day - pd.Timestamp(window.first)).dt.days // SURFACE_BLOCK_DAYS).to_numpy()
    surface = runs["surface"].fillna(UNKNOWN_SURFACE).astype(str).replace("", UNKNOWN_SURFACE)
    table = runs["distance_m"].fillna(0).groupby([block, surface.to_numpy()]).sum().unstack()
    table = table.fillna(0.0)
    blocks = range(int(np.ceil(((window.as_of - window.first).days + 1) / SURFACE_BLOCK_DAYS)))
    table = table.reindex(blocks, fill_value=0.0)
    order = [name for name in SURFACE_COLOURS if name in table.columns]
    order += sorted(set(table.columns) - set(order) - {UNKNOWN_SURFACE})
    if UNKNOWN_SURFACE in table.columns:
        order.append(UNKNOWN_SURFACE)
    totals = table.sum(axis=1)
    shares = table[order].div(totals.where(totals > 0), axis=0).fillna(0.0) * 100
    figure, axes = new_figure(size, 0.9 + 0.42 * len(shares), grid=False)
    left = np.zeros(len(shares))
    handles: list[Artist] = []
    positions = np.arange(len(shares))
    for name in order:
        values = shares[name].to_numpy()
        is_unknown = name == UNKNOWN_SURFACE
        drawn = values > 0
        colour = UNKNOWN_COLOUR if is_unknown else SURFACE_COLOURS.get(name, "#90a4ae")
        bars(axes, positions[drawn], values[drawn], 0.7, colour, left[drawn], True, "white")
        handles.append(Patch(facecolor=colour, edgecolor="white", label=name))
        for position, value, start in zip(positions, values, left, strict=True):
            if value >= (20 if size.is_narrow else 12):
                axes.text(
                    start + value / 2,
                    position,
                    f"{value:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    color="#333333" if is_unknown else "white",
                )
        left += values
    labels = []
    for index in shares.index:
        first = window.first + dt.timedelta(days=int(index) * SURFACE_BLOCK_DAYS)
        last = min(first + dt.timedelta(days=SURFACE_BLOCK_DAYS - 1), window.as_of)
        first_text, last_text = (day_text(day, weekday=False, year=False) for day in (first, last))
        labels.append("no runs" if totals[index] <= 0 else f"{first_text}–{last_text}")
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("share of the block's distance, %")
    axes.tick_params(axis="y", length=0)
    fit(figure, handles, left_in=1.0, bottom_in=0.45)
    return figure
