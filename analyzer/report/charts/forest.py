"""What tends to come before knee pain across the squad?

The squad study's odds ratios with their 95 % intervals, one row per pattern that has one, on
a log axis with 1 marked.
"""

from __future__ import annotations

import math

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import blended_transform_factory

from analyzer.report.charts.drawing import (
    LABEL_BOX,
    PAIN_COLOUR,
    Chart,
    Size,
    fit,
    new_figure,
    wide_and_narrow,
)
from analyzer.report.study_words import ratio_number
from analyzer.words import count_text

QUESTION = "What tends to come before knee pain across the squad?"
DESCRIPTION = (
    "Odds ratio of each pattern before knee pain against pain-free fortnights, "
    "within runners, with its 95 % interval, on a log scale; 1 is as often"
)
WHEN_EMPTY = "No pattern had an odds ratio to give: see each one's reason below."
CAPTION = (
    "Dot: the odds ratio; line: its 95 % interval; then the episodes with the "
    "pattern of those judged, and the pain-free fortnights. Right of the dashed 1: "
    "more often in the 14 days before an episode than in the same runners' "
    "pain-free fortnights."
)


FOREST_LIMITS = (0.05, 500.0)  # the odds-ratio axis at most: an interval beyond ends in an arrow
_AS_OFTEN_COLOUR = "#6b6b6b"


def forest_chart(table: pd.DataFrame) -> Chart | None:
    """The squad study's odds ratios with their 95 % intervals, one row per pattern that has
    one (the table's order), on a log axis with 1 marked; None when no pattern has one."""
    shown = table[table["odds_ratio"].notna()]
    if shown.empty:
        return None
    return wide_and_narrow(lambda size: forest_figure(shown, size))


def forest_figure(table: pd.DataFrame, size: Size) -> Figure:
    """Each pattern's row: its name and figures above a line from the interval's low to high
    end and a dot at the odds ratio; the rows whose interval lies above or below 1 in colour."""
    figure, axes = new_figure(size, 0.35 + 0.5 * len(table), grid=False)
    axes.set_xscale("log")
    axes.grid(axis="x", color="#e4e4e4", linewidth=0.8)
    lowest, highest = FOREST_LIMITS
    left = max(lowest, min(0.5, float(table["ci_low"].min())) / 1.5)
    right = min(highest, max(2.0, float(table["ci_high"].max())) * 1.5)
    axes.axvline(1.0, color="#333333", linewidth=1.0, linestyle="--", zorder=1)
    for position, row in enumerate(table.itertuples(index=False)):
        is_clear = row.ci_low > 1 or row.ci_high < 1
        colour = PAIN_COLOUR if is_clear else _AS_OFTEN_COLOUR
        low, high = max(row.ci_low, left), min(row.ci_high, right)
        axes.plot([low, high], [position, position], color=colour, linewidth=2.2, zorder=2)
        axes.plot([row.odds_ratio], [position], "o", color=colour, markersize=6, zorder=3)
        for end, edge, marker in ((row.ci_low, left, "<"), (row.ci_high, right, ">")):
            if (end < edge) if marker == "<" else (end > edge):  # the interval runs on past it
                axes.plot([edge], [position], marker, color=colour, markersize=6, zorder=3)
        counts = (
            f"{row.episodes_with:,}/{row.episodes:,}, "
            f"{row.pain_free_with:,}/{row.pain_free_fortnights:,}"
        )
        if not size.is_narrow:
            counts = (
                f"before {row.episodes_with:,} of {count_text(row.episodes, 'episode')}, in "
                f"{row.pain_free_with:,} of "
                f"{count_text(row.pain_free_fortnights, 'pain-free fortnight')}"
            )
        ratio = ratio_number(row.odds_ratio)
        figures = f"{ratio} ({ratio_number(row.ci_low)}-{ratio_number(row.ci_high)}) · {counts}"
        axes.text(
            0.0,
            position - 0.2,
            f"{row.pattern}: {figures}",
            transform=blended_transform_factory(axes.transAxes, axes.transData),
            ha="left",
            va="bottom",
            fontsize=8 if size.is_narrow else 8.5,
            weight="bold" if is_clear else "normal",
            color="#222222",
            bbox=LABEL_BOX,  # the dashed 1 passes behind the words
        )
    axes.set_xlim(left, right)
    axes.set_ylim(len(table) - 0.5, -0.8)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    decades = math.log10(right / left)
    subs = (1.0,) if size.is_narrow and decades > 2 else (1.0, 2.0, 5.0)
    axes.xaxis.set_major_locator(mpl.ticker.LogLocator(subs=subs))
    axes.xaxis.set_minor_locator(mpl.ticker.NullLocator())
    axes.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(_ratio_tick))
    axes.set_xlabel(
        "odds ratio, log scale (1: as often)"
        if size.is_narrow
        else "odds ratio, log scale (1: as often before pain as in pain-free fortnights)"
    )
    handles = [
        Line2D([], [], color=PAIN_COLOUR, marker="o", label="95 % interval above or below 1"),
        Line2D([], [], color=_AS_OFTEN_COLOUR, marker="o", label="interval includes 1"),
    ]
    fit(figure, handles, left_in=0.15, bottom_in=0.55, right_in=0.2)
    return figure


def _ratio_tick(value: float, _position: object) -> str:
    return f"{value:g}"
