"""What came before my knee pain?

Each pattern's share of the knee-pain episodes it came before, beside its share of the
pain-free fortnights; the table below the chart lists them all.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analyzer.report.charts.drawing import (
    PAIN_COLOUR,
    PARTIAL_COLOUR,
    Chart,
    Size,
    fit,
    new_figure,
    wide_and_narrow,
)

QUESTION = "What came before my knee pain?"
DESCRIPTION = (
    "Share of knee-pain episodes each pattern came before, beside its share of pain-free fortnights"
)
WHEN_EMPTY = "No pattern came before an episode or in a pain-free fortnight."


PATTERNS_SHOWN = 8  # the most telling patterns; the table below the chart lists them all


def pain_patterns_chart(table: pd.DataFrame) -> Chart | None:
    """Each pattern's share of the episodes it came before, beside its share of the pain-free
    fortnights: the most telling first (the table's order)."""
    shown = table[(table["episodes_with"] > 0) | (table["pain_free_with"] > 0)]
    if shown.empty:
        return None
    return wide_and_narrow(lambda size: pain_patterns_figure(shown.head(PATTERNS_SHOWN), size))


def pain_patterns_figure(table: pd.DataFrame, size: Size) -> Figure:
    """Two bars per pattern, its label above them: before pain, and in pain-free fortnights."""
    figure, axes = new_figure(size, 0.4 + 0.62 * len(table), grid=False)
    axes.grid(axis="x", color="#e4e4e4", linewidth=0.8)
    positions = np.arange(len(table))
    for position, row in zip(positions, table.itertuples(index=False), strict=True):
        axes.barh(position - 0.08, row.share_before_pain, height=0.16, color=PAIN_COLOUR)
        axes.barh(position + 0.1, row.share_pain_free, height=0.16, color=PARTIAL_COLOUR)
        counts = (
            f"{row.episodes_with}/{row.episodes}, {row.pain_free_with}/{row.pain_free_fortnights}"
        )
        if not size.is_narrow:
            counts = (
                f"{row.episodes_with}/{row.episodes} episodes · "
                f"{row.pain_free_with}/{row.pain_free_fortnights} fortnights"
            )
        label = str(row.label)
        label = label[0].upper() + label[1:]
        if size.is_narrow and len(label) > 40:
            label = label[:39] + "…"  # the table below the chart gives it whole
        axes.text(0, position - 0.22, f"{label} ({counts})", ha="left", va="bottom", fontsize=8)
    axes.set_xlim(0, 1.0)
    axes.set_ylim(len(table) - 0.5, -0.75)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    axes.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
    handles = [
        Patch(color=PAIN_COLOUR, label="in the 14 days before a knee-pain episode"),
        Patch(color=PARTIAL_COLOUR, label="in a pain-free fortnight"),
    ]
    fit(figure, handles, left_in=0.15, bottom_in=0.35, right_in=0.2)
    return figure
