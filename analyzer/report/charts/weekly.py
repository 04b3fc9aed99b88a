"""Is my weekly distance climbing too fast?

Weekly bars with the 4-week average, this week so far, the findings of each week in their
rules' few words, and the knee-pain notes with their score.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from analyzer.checkers.rule import Finding
from analyzer.log import TrainingLog
from analyzer.report.charts.drawing import (
    AVERAGE_COLOUR,
    BAR_COLOUR,
    BOLD_LETTER_EM,
    FIT_TOP_IN,
    LABEL_BOX,
    PAIN_COLOUR,
    PARTIAL_COLOUR,
    SEVERITY_COLOURS,
    Chart,
    Size,
    bars,
    fit,
    new_figure,
    week_ticks,
    wide_and_narrow,
)
from analyzer.report.charts.marks import (
    Marks,
    on_chart,
    pain_notes,
    score_text,
)
from analyzer.report.charts.window import (
    Window,
    dated_until,
    monday_of,
    runs_until,
    week_position,
)
from analyzer.report.finding_words import finding_label
from analyzer.words import distance_unit

QUESTION = "Is my weekly distance climbing too fast?"
WHEN_EMPTY = "No runs to chart."


def description(athlete: str) -> str:
    """What the chart shows, for a reader who cannot see it."""
    return (
        f"Weekly distance of {athlete} with its {AVERAGE_WEEKS}-week average, "
        "findings labelled by rule code at their week, knee-pain notes with their score"
    )


def caption(findings: Sequence[Finding], window: Window, marks: Marks) -> str:
    """What each label on the chart stands for: the label, then the rule's code and slug (a
    knee-pain note is drawn as its dashed line, not a label)."""
    drawn_apart = set(on_chart(marks, "knee"))
    labels = {
        finding_label(finding): f"{finding.code} {finding.rule}"
        for finding in findings
        if finding.rule not in drawn_apart and window.first <= finding.date <= window.as_of
    }
    return " · ".join(f"{label}: {rule}" for label, rule in sorted(labels.items()))


AVERAGE_WEEKS = 4  # the weekly chart's average line
WEEKLY_MARGINS_IN = 0.47  # the weekly chart's plot: its figure less the margins under and above


def weekly_distance_chart(
    log: TrainingLog, findings: Sequence[Finding], window: Window, units: str, marks: Marks
) -> Chart | None:
    """Weekly bars with the 4-week average, the partial week, findings by code, pain scores."""
    if runs_until(log, window.as_of).empty:
        return None
    return wide_and_narrow(
        lambda size: weekly_distance_figure(log, findings, window, units, marks, size)
    )


def weekly_distance_figure(
    log: TrainingLog,
    findings: Sequence[Finding],
    window: Window,
    units: str,
    marks: Marks,
    size: Size,
) -> Figure:
    """The weekly chart's figure (the tests read its parts)."""
    weeks = weeks_table(log, window, units)
    figure, axes = new_figure(size, 3.2 if not size.is_narrow else 3.0)
    weekly_bars(axes, weeks, window, size.is_narrow)
    positions = np.arange(len(weeks))
    axes.plot(
        positions,
        weeks["average"].to_numpy(),
        color=AVERAGE_COLOUR,
        linewidth=1.6,
        marker="o",
        markersize=2.5,
        gid="average",
    )
    words_pt = _finding_labels(axes, findings, window, weeks, marks, size)
    notes = _pain_markers(axes, marks, window, size)
    top = max(float(np.nanmax(weeks["distance"].to_numpy(dtype=float))), 1.0)
    # each week's words stand on its bar: the axis is tall enough for the highest to fit
    plot_pt = (figure.get_size_inches()[1] - WEEKLY_MARGINS_IN) * 72
    free_pt = plot_pt * (0.72 if notes else 0.9)  # the scores of pain notes sit on top
    needed = [
        float(weeks.loc[week, "distance"]) * plot_pt / max(free_pt - height_pt, plot_pt * 0.2)
        for week, height_pt in words_pt.items()
    ]
    axes.set_ylim(0, max([top * (1.45 if notes else 1.15), *needed]))
    axes.set_ylabel(f"{distance_unit(units).label} per week")
    week_ticks(axes, weeks.index, size)
    handles = [
        Patch(color=BAR_COLOUR, label="week"),
        Line2D([], [], color=AVERAGE_COLOUR, linewidth=1.6, label=f"{AVERAGE_WEEKS}-week average"),
    ]
    if window.days_in_last_week < 7:
        handles.append(Patch(facecolor=PARTIAL_COLOUR, hatch="///", label="this week so far"))
    if notes:
        handles.append(
            Line2D([], [], color=PAIN_COLOUR, linestyle="--", label="knee-pain note, score /10")
        )
    fit(figure, handles, bottom_in=WEEKLY_MARGINS_IN - FIT_TOP_IN)
    return figure


def weekly_bars(axes, weeks: pd.DataFrame, window: Window, narrow: bool) -> None:
    positions = np.arange(len(weeks))
    distances = weeks["distance"].to_numpy(dtype=float)
    is_partial = window.days_in_last_week < 7
    complete = len(weeks) - 1 if is_partial else len(weeks)
    bars(axes, positions[:complete], distances[:complete], 0.8, BAR_COLOUR)
    if is_partial:
        axes.bar(
            positions[-1:],
            distances[-1:],
            width=0.8,
            facecolor=PARTIAL_COLOUR,
            edgecolor=BAR_COLOUR,
            hatch="///",
            gid="partial-week",
        )
        days = window.days_in_last_week
        axes.annotate(
            f"{days}/7" if narrow else f"{days} of 7\ndays",
            (positions[-1], distances[-1]),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7.5,
            color=AVERAGE_COLOUR,
            gid="partial-week-label",
        )


def weeks_table(log: TrainingLog, window: Window, units: str) -> pd.DataFrame:
    """Per window week: `distance` (units) and `average` of the 4 complete weeks up to it."""
    runs = runs_until(log, window.as_of)
    day = pd.to_datetime(runs["local_date"])
    week_start = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    weekly = (runs["distance_m"] / distance_unit(units).metres).groupby(week_start).sum()
    if weekly.empty:
        return pd.DataFrame({"distance": 0.0, "average": np.nan}, index=window.mondays)
    # the average starts once the log holds 4 weeks: weeks before it are unknown, not zero
    weekly = weekly.reindex(pd.date_range(weekly.index.min(), window.last_monday, freq="7D"))
    weekly = weekly.fillna(0.0)
    complete = weekly.copy()
    if window.days_in_last_week < 7:
        complete.iloc[-1] = np.nan  # an unfinished week would pull the average down
    # the weeks after the last activity (any sport) hold no data, not zero: no average there
    last_day = pd.Timestamp(dated_until(log.activities, window.as_of)["local_date"].max())
    complete[complete.index > last_day - pd.Timedelta(days=last_day.day_of_week)] = np.nan
    average = complete.rolling(AVERAGE_WEEKS, min_periods=AVERAGE_WEEKS).mean()
    table = pd.DataFrame({"distance": weekly, "average": average})
    return table.reindex(window.mondays).fillna({"distance": 0.0})


def _finding_labels(
    axes, findings, window: Window, weeks: pd.DataFrame, marks: Marks, size: Size
) -> dict[pd.Timestamp, float]:
    """Each week's findings in their rules' few words ('long run'), upright on its bar side by
    side, the most severe first; how many points each labelled week's words rise above its bar."""
    by_week: dict[pd.Timestamp, dict[str, tuple[str, str]]] = {}
    on_knee_chart = set(on_chart(marks, "knee"))  # a knee-pain note is its dashed line
    for finding in sorted(findings, key=lambda item: -item.severity_rank):
        in_window = window.first <= finding.date <= window.as_of
        if finding.rule in on_knee_chart or not in_window:
            continue
        labels = by_week.setdefault(pd.Timestamp(monday_of(finding.date)), {})
        # the most severe of the rule's findings that week
        labels.setdefault(finding_label(finding), (finding.code, finding.severity))
    position_of = {week: position for position, week in enumerate(weeks.index)}
    font_pt = 7 if size.is_narrow else 7.5
    heights_pt = {}
    for week, labels in by_week.items():
        top = float(weeks.loc[week, "distance"])
        rise_pt = 3.0 + _partial_label_pt(week, window, size)
        step_pt = font_pt * 1.3  # an upright label's width and a little air
        first_pt = -step_pt * (len(labels) - 1) / 2
        for column, (label, (code, severity)) in enumerate(labels.items()):
            axes.annotate(
                label,
                (position_of[week], top),
                xytext=(first_pt + step_pt * column, rise_pt),
                textcoords="offset points",
                rotation=90,
                ha="center",
                va="bottom",
                fontsize=font_pt,
                fontweight="bold",
                color=SEVERITY_COLOURS.get(severity, "black"),
                bbox=LABEL_BOX,
                gid=f"finding-{code}",
            )
        longest = max(len(label) for label in labels)
        heights_pt[week] = rise_pt + longest * font_pt * BOLD_LETTER_EM + 4.0
    return heights_pt


def _pain_markers(axes, marks: Marks, window: Window, size: Size) -> int:
    """Knee-pain notes as dashed lines at their day with the score above; how many."""
    notes = pain_notes(marks, window)
    top = blended_transform_factory(axes.transData, axes.transAxes)
    level, previous = 0, None
    for note in notes.itertuples():
        x = week_position(note.day.date(), window)
        # notes within two weeks of each other take turns at two heights, so scores stay apart
        level = 1 - level if previous is not None and x - previous < 2 else 0
        previous = x
        axes.axvline(x, color=PAIN_COLOUR, linestyle="--", linewidth=1.0, gid="pain-note")
        axes.text(
            x,
            1.0 - 0.09 * level,
            score_text(note.score_of_10),
            transform=top,
            ha="center",
            va="top",
            fontsize=7 if size.is_narrow else 8,
            color=PAIN_COLOUR,
            fontweight="bold",
            bbox=LABEL_BOX,
        )
    return len(notes)


def _partial_label_pt(week: pd.Timestamp, window: Window, size: Size) -> int:
    """How far the partial week's own label lifts the finding codes above its bar."""
    if week.date() != window.last_monday or window.days_in_last_week == 7:
        return 0
    return 9 if size.is_narrow else 19
