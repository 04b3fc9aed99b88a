"""The HTML report's charts, drawn with matplotlib's Agg canvas into PNG bytes.

One athlete's log in, one PNG out (or None when there is nothing to draw): weekly distance
with the findings marked, cadence over time, and each shoe's distance against its limits.
Charts show the log; the findings drawn on them come as they are, never recomputed.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analyzer.checkers import RULES, shoe_overdue, thresholds_for
from analyzer.checkers.rule import Finding
from analyzer.log import TrainingLog
from analyzer.report import METRES_PER_MILE, is_pain_note

DPI = 96
WIDE_INCHES = (9.0, 3.2)
SEVERITY_COLOURS = {"high": "#c62828", "warning": "#ef8f00", "info": "#7a7a7a"}
PAIN_COLOUR = "#6a1b9a"
BAR_COLOUR = "#4f7fb0"
ROLLING_RUNS = 9  # the cadence trend is the median of this many runs around each one


@dataclasses.dataclass(frozen=True)
class ShoeUse:
    """One shoe's distance in the log (pre-use included) and the limits it is judged by."""

    shoe: str
    distance_km: float
    warning_km: float | None
    high_km: float | None


def weekly_distance_png(log: TrainingLog, findings: Sequence[Finding], units: str) -> bytes | None:
    """Bars of each Monday-Sunday week's distance, findings marked above their week."""
    runs = _dated_runs(log)
    if runs.empty:
        return None
    day = pd.to_datetime(runs["local_date"])
    week_start = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    weekly_m = runs["distance_m"].groupby(week_start).sum().asfreq("7D", fill_value=0.0)
    weekly = weekly_m / _unit_m(units)
    figure, axes = _figure()
    axes.bar(weekly.index, weekly.to_numpy(), width=6, align="edge", color=BAR_COLOUR)
    axes.set_ylabel(f"{_unit_label(units)} per week")
    top = float(weekly.max()) if len(weekly) else 0.0
    step = max(top, 1.0) * 0.07
    stacked: dict[pd.Timestamp, int] = {}
    for finding in findings:
        finding_day = pd.Timestamp(finding.date)
        if is_pain_note(finding):
            axes.axvline(finding_day, color=PAIN_COLOUR, linestyle="--", linewidth=1.2)
            continue
        week = finding_day - pd.Timedelta(days=finding_day.weekday())
        level = stacked.get(week, 0) + 1
        stacked[week] = level
        height = float(weekly.get(week, 0.0)) + step * level
        axes.plot(
            week + pd.Timedelta(days=3),
            height,
            marker="v",
            markersize=6,
            linestyle="none",
            color=SEVERITY_COLOURS.get(finding.severity, "black"),
        )
    axes.set_ylim(0, max(top, 1.0) + step * (max(stacked.values(), default=0) + 1.5))
    _legend(axes, findings)
    _date_axis(axes)
    return _png(figure)


def cadence_png(log: TrainingLog, floor_spm: float | None) -> bytes | None:
    """Each run's average cadence over time, a running median, and the floor when one applies."""
    runs = _dated_runs(log)
    runs = runs[runs["avg_cadence_spm"].notna()]
    if runs.empty:
        return None
    day = pd.to_datetime(runs["local_date"])
    cadence_spm = runs["avg_cadence_spm"].to_numpy()
    trend_spm = pd.Series(cadence_spm).rolling(ROLLING_RUNS, center=True, min_periods=1).median()
    figure, axes = _figure()
    axes.plot(day, cadence_spm, marker="o", markersize=3, linestyle="none", color=BAR_COLOUR)
    axes.plot(day, trend_spm.to_numpy(), color="#1f3d5c", linewidth=1.5, label="running median")
    if floor_spm is not None:
        axes.axhline(floor_spm, color=SEVERITY_COLOURS["warning"], linestyle="--", linewidth=1)
        axes.annotate(
            f"floor {floor_spm:g} spm",
            (0.0, floor_spm),
            xycoords=("axes fraction", "data"),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize=8,
            color=SEVERITY_COLOURS["warning"],
        )
    axes.set_ylabel("steps per minute")
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    _date_axis(axes)
    return _png(figure)


def shoe_distance_png(shoes: Sequence[ShoeUse], units: str) -> bytes | None:
    """Horizontal bars of each shoe's distance, its warning and high limits marked."""
    if not shoes:
        return None
    unit_km = _unit_m(units) / 1000
    height_inches = 1.1 + 0.45 * len(shoes)
    figure, axes = _figure((WIDE_INCHES[0], height_inches), layout="constrained")
    positions = np.arange(len(shoes))
    distances = [shoe.distance_km / unit_km for shoe in shoes]
    colours = [_shoe_colour(shoe) for shoe in shoes]
    axes.barh(positions, distances, color=colours, height=0.6)
    for position, shoe in zip(positions, shoes, strict=True):
        for limit_km, colour in (
            (shoe.warning_km, SEVERITY_COLOURS["warning"]),
            (shoe.high_km, SEVERITY_COLOURS["high"]),
        ):
            if limit_km is not None:
                axes.plot(
                    [limit_km / unit_km] * 2,
                    [position - 0.4, position + 0.4],
                    color=colour,
                    linewidth=2,
                )
    axes.set_yticks(positions, [shoe.shoe for shoe in shoes])
    axes.invert_yaxis()
    axes.set_xlabel(f"{_unit_label(units)} on the shoe, pre-use included")
    figure.legend(
        handles=[
            Line2D([], [], color=SEVERITY_COLOURS["warning"], linewidth=2, label="warning limit"),
            Line2D([], [], color=SEVERITY_COLOURS["high"], linewidth=2, label="high limit"),
        ],
        loc="outside upper right",
        fontsize=8,
        frameon=False,
        ncols=2,
    )
    return _png(figure)


def shoe_uses(log: TrainingLog, athlete: str) -> list[ShoeUse]:
    """Each shoe of the athlete with the distance the shoe-overdue rule counts and its limits."""
    limits = thresholds_for(log.profile_for(athlete), shoe_overdue.RULE)
    return [
        ShoeUse(shoe.shoe, shoe.distance_km, shoe.warning_km, shoe.high_km)
        for shoe in shoe_overdue.shoe_distances(log, athlete, limits)
    ]


def rule_setting(log: TrainingLog, athlete: str, slug: str, *name_parts: str) -> float | None:
    """The athlete's threshold of a rule whose field name holds every part, if the rule exists.

    The report draws reference lines (a cadence floor, a shoe's limit) from the same settings
    the rule used, without naming the rule's fields: a renamed field hides a line, no more.
    """
    rule = next((rule for rule in RULES if rule.slug == slug), None)
    if rule is None:
        return None
    limits = thresholds_for(log.profile_for(athlete), rule)
    for item in dataclasses.fields(limits):
        if all(part in item.name for part in name_parts):
            value = getattr(limits, item.name)
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
    return None


def _shoe_colour(shoe: ShoeUse) -> str:
    if shoe.high_km is not None and shoe.distance_km >= shoe.high_km:
        return SEVERITY_COLOURS["high"]
    if shoe.warning_km is not None and shoe.distance_km >= shoe.warning_km:
        return SEVERITY_COLOURS["warning"]
    return BAR_COLOUR


def _dated_runs(log: TrainingLog) -> pd.DataFrame:
    runs = log.runs
    return runs[runs["local_date"].notna()]


def _legend(axes, findings: Sequence[Finding]) -> None:
    severities = {finding.severity for finding in findings if not is_pain_note(finding)}
    handles = [
        Line2D([], [], marker="v", linestyle="none", color=colour, label=f"{severity} finding")
        for severity, colour in SEVERITY_COLOURS.items()
        if severity in severities
    ]
    if any(is_pain_note(finding) for finding in findings):
        handles.append(
            Line2D([], [], color=PAIN_COLOUR, linestyle="--", label="knee-pain note"),
        )
    if handles:
        # above the plot, where no bar or note line can be under it
        axes.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            fontsize=8,
            frameon=False,
            ncols=4,
        )


def _figure(size_inches: tuple[float, float] = WIDE_INCHES, layout: str | None = None):
    # fixed margins draw in half the time of a constrained layout; only the shoe chart, whose
    # names vary in length, needs the layout engine
    figure = Figure(figsize=size_inches, layout=layout)
    if layout is None:
        figure.subplots_adjust(left=0.08, right=0.98, top=0.92, bottom=0.16)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#e4e4e4", linewidth=0.8)
    axes.set_axisbelow(True)
    return figure, axes


def _date_axis(axes) -> None:
    locator = AutoDateLocator(minticks=3, maxticks=9)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _unit_m(units: str) -> float:
    return METRES_PER_MILE if units == "miles" else 1000.0


def _unit_label(units: str) -> str:
    return "mi" if units == "miles" else "km"


__all__ = [
    "ShoeUse",
    "cadence_png",
    "rule_setting",
    "shoe_distance_png",
    "shoe_uses",
    "weekly_distance_png",
]
