"""The HTML report's charts: each answers one question a runner asks, drawn by matplotlib as SVG.

Every chart is drawn twice, wide for a laptop and narrow for a phone (`Chart.wide`,
`Chart.narrow`), so its text stays readable at both widths; the page picks one by its width.
Charts cover the status window (the 16 weeks up to the as-of day); the monthly overview covers
the whole history. They draw what the log's tables and the findings say: the thresholds come
from the rules' own settings, the shoe distances from the shoe rule's own count, and
no chart decides what a rule decides. The rules' numbers come from their chart marks
(`Status.chart_marks`, by rule slug): each chart draws the marks of the rules that belong on
it, and names no rule. Text from the user (a shoe's name) is drawn as written:
mathtext is off, so `$`, `\\` and `_` show as themselves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.collections import PatchCollection
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import blended_transform_factory

from analyzer.checkers.rule import ChartMarks, Finding
from analyzer.log import TrainingLog
from analyzer.report import count_text, finding_label, ratio_number
from analyzer.report.literal import literal_figure
from analyzer.words import day_text, distance_unit, minutes_text

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.typing import ColorType, RcKeyType

Marks = Mapping[str, ChartMarks]  # a status's chart marks, by rule slug

WINDOW_WEEKS = 16  # the status window: the weeks up to the as-of day the charts show
AVERAGE_WEEKS = 4  # the weekly chart's average line
SURFACE_BLOCK_DAYS = 28  # the surface chart's blocks
ROLLING_RUNS = 9  # the cadence trend is the median of this many runs up to each one
GAP_DAYS = 7  # runs further apart than this are not joined by the cadence trend line

SEVERITY_COLOURS = {"high": "#c62828", "warning": "#d97a00", "info": "#6b6b6b"}
PAIN_COLOUR = "#6a1b9a"
BAR_COLOUR = "#4f7fb0"
PARTIAL_COLOUR = "#b9cde2"
AVERAGE_COLOUR = "#1f3d5c"
REST_COLOUR = "#ececec"
NO_DATA_COLOUR = "white"  # a day without data: an empty cell, apart from a rest day's grey
NO_DATA_EDGE = "#c8c8c8"
RETIRED_COLOUR = "#b5b5b5"
UNKNOWN_COLOUR = "#dadada"  # an unknown surface is grey, never a guess
SIDE_STYLES = {  # knee side -> marker, colour, label
    "left": ("<", "#6a1b9a", "left knee"),
    "right": (">", "#00838f", "right knee"),
    "both": ("D", "#37474f", "both knees"),
    None: ("o", "#8d6e63", "knee (side not said)"),
}
SURFACE_COLOURS = {
    "road": "#607d8b",
    "trail": "#6d8f3c",
    "track": "#c0603a",
    "treadmill": "#8e6bb5",
    "grass": "#9ccc65",
    "sand": "#e0c068",
}
UNKNOWN_SURFACE = "unknown"
WEEKLY_MARGINS_IN = 0.47  # the weekly chart's plot: its figure less the margins under and above
FIT_TOP_IN = 0.12  # `_fit`'s margin above the plot
BOLD_LETTER_EM = 0.62  # a bold letter's width in ems, roughly: how long a label runs
_LABEL_BOX = {"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
WEEKDAY_LETTERS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# mathtext off (a shoe named "$5 off" stays as written); text kept as text (a tenth of the bytes
# of glyph paths; the browser's sans-serif draws it); fixed ids, so one log gives the same bytes
_RC: dict[RcKeyType, Any] = {
    "text.parse_math": False,
    "svg.fonttype": "none",
    "svg.hashsalt": "runlog",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],  # each text names them: keep short
    "font.size": 9.0,
    "axes.labelsize": 9.0,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,
}


@dataclasses.dataclass(frozen=True)
class Size:
    """How wide a drawing is and whether it is the phone's."""

    width_in: float
    is_narrow: bool


WIDE = Size(width_in=8.0, is_narrow=False)  # 768 px at 100 %: a laptop's column
NARROW = Size(width_in=4.0, is_narrow=True)  # 384 px: a phone's 390 px less the margins


@dataclasses.dataclass(frozen=True)
class Chart:
    """One chart as two SVG drawings: for a wide page and for a phone."""

    wide: bytes
    narrow: bytes


@dataclasses.dataclass(frozen=True)
class Window:
    """The days the charts show: from the Monday `WINDOW_WEEKS` weeks back to the as-of day."""

    first: dt.date
    as_of: dt.date

    @property
    def last_monday(self) -> dt.date:
        return _monday(self.as_of)

    @property
    def mondays(self) -> pd.DatetimeIndex:
        return pd.date_range(self.first, self.last_monday, freq="7D")

    @property
    def days_in_last_week(self) -> int:
        """How many days of the as-of day's week have passed (7: the week is complete)."""
        return self.as_of.weekday() + 1

    def around_runs(self, first_day: dt.date | None, last_day: dt.date | None) -> Window:
        """One athlete's window: it starts at their first run when their log is younger, and
        ends on their last run when they ran nothing in it (16 empty weeks tell nothing)."""
        window = self
        if last_day is not None and last_day < self.first:
            # the week of the last run is over: it ends on its Sunday, not part-way
            sunday = _monday(last_day) + dt.timedelta(days=6)
            window = status_window(min(sunday, self.as_of), len(self.mondays))
        return window.from_first_run(first_day)

    def from_first_run(self, first_day: dt.date | None) -> Window:
        """The window starting at the week of `first_day` when the log is younger than it."""
        if first_day is None or not self.first < first_day <= self.as_of:
            return self
        return Window(first=_monday(first_day), as_of=self.as_of)


def status_window(as_of: dt.date, weeks: int = WINDOW_WEEKS) -> Window:
    """The window of `weeks` Monday-Sunday weeks whose last holds `as_of`."""
    return Window(first=_monday(as_of) - dt.timedelta(weeks=weeks - 1), as_of=as_of)


# 1. Is my weekly distance climbing too fast?


def weekly_distance_chart(
    log: TrainingLog, findings: Sequence[Finding], window: Window, units: str, marks: Marks
) -> Chart | None:
    """Weekly bars with the 4-week average, the partial week, findings by code, pain scores."""
    if _runs_until(log, window.as_of).empty:
        return None
    return _both(lambda size: weekly_distance_figure(log, findings, window, units, marks, size))


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
    figure, axes = _figure(size, 3.2 if not size.is_narrow else 3.0)
    _weekly_bars(axes, weeks, window, size.is_narrow)
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
    _week_ticks(axes, weeks.index, size)
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
    _fit(figure, handles, bottom_in=WEEKLY_MARGINS_IN - FIT_TOP_IN)
    return figure


def _weekly_bars(axes, weeks: pd.DataFrame, window: Window, narrow: bool) -> None:
    positions = np.arange(len(weeks))
    distances = weeks["distance"].to_numpy(dtype=float)
    bars = axes.bar(positions, distances, width=0.8, color=BAR_COLOUR)
    if window.days_in_last_week < 7:
        partial = bars[-1]
        partial.set_facecolor(PARTIAL_COLOUR)
        partial.set_edgecolor(BAR_COLOUR)
        partial.set_hatch("///")
        partial.set_gid("partial-week")
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
    runs = _runs_until(log, window.as_of)
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
    last_day = pd.Timestamp(_until(log.activities, window.as_of)["local_date"].max())
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
    on_knee_chart = set(_on_chart(marks, "knee"))  # a knee-pain note is its dashed line
    for finding in sorted(findings, key=lambda item: -item.severity_rank):
        in_window = window.first <= finding.date <= window.as_of
        if finding.rule in on_knee_chart or not in_window:
            continue
        labels = by_week.setdefault(pd.Timestamp(_monday(finding.date)), {})
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
                bbox=_LABEL_BOX,
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
        x = _week_position(note.day.date(), window)
        # notes within two weeks of each other take turns at two heights, so scores stay apart
        level = 1 - level if previous is not None and x - previous < 2 else 0
        previous = x
        axes.axvline(x, color=PAIN_COLOUR, linestyle="--", linewidth=1.0, gid="pain-note")
        axes.text(
            x,
            1.0 - 0.09 * level,
            _score_text(note.score_of_10),
            transform=top,
            ha="center",
            va="top",
            fontsize=7 if size.is_narrow else 8,
            color=PAIN_COLOUR,
            fontweight="bold",
            bbox=_LABEL_BOX,
        )
    return len(notes)


# 2. Is my long run jumping?


def long_run_chart(
    log: TrainingLog, findings: Sequence[Finding], window: Window, units: str, marks: Marks
) -> Chart | None:
    """Each run against the longest of the days before, as the long-run rule compares: its
    chart marks (local days), never a second count."""
    long_run = _on_chart(marks, "long run")
    if not long_run:
        return None
    slug, runs = next(iter(long_run.items()))
    shown = runs.series[runs.series["day"] >= pd.Timestamp(window.first)]
    shown = shown[shown["day"] <= pd.Timestamp(window.as_of)]
    if shown.empty:
        return None
    flagged = [finding for finding in findings if finding.rule == slug]
    return _both(lambda size: long_run_figure(shown, runs, flagged, window, units, size))


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
    figure, axes = _figure(size, 3.0)
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
    _date_axis(axes, size)
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
    _fit(figure, handles)
    return figure


# 3. Am I resting?


def rest_calendar_chart(
    log: TrainingLog, findings: Sequence[Finding], window: Window, units: str, marks: Marks
) -> Chart | None:
    """Every day of the window: run (shade by distance), rest, knee-pain days with the score."""
    if _runs_until(log, window.as_of).empty:
        return None
    return _both(lambda size: rest_calendar_figure(log, findings, window, units, marks, size))


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
    active = pd.to_datetime(_until(log.activities, window.as_of)["local_date"])
    covered = (active.min(), active.max())
    runs = _runs_until(log, window.as_of)
    runs = runs[runs["local_date"] >= window.first]
    daily = (
        (runs["distance_m"] / distance_unit(units).metres)
        .groupby(pd.to_datetime(runs["local_date"]))
        .sum()
    )
    weeks = window.mondays
    pain = _pain_by_day(marks, window)
    on_rest_chart = set(_on_chart(marks, "rest"))
    rest_findings = [
        finding
        for finding in findings
        if finding.rule in on_rest_chart and window.first <= finding.date <= window.as_of
    ]
    flagged_days = {pd.Timestamp(finding.date) for finding in rest_findings}
    figure, axes = _figure(size, 2.7 if not size.is_narrow else 2.5, grid=False)
    top = max(float(daily.max()) if len(daily) else 1.0, 1.0)
    shades = mpl.colormaps["Blues"]
    no_data = False
    cells: list[Rectangle] = []
    faces: list[ColorType] = []
    edges: list[str] = []
    for column, monday in enumerate(weeks):
        for row in range(7):
            day = monday + pd.Timedelta(days=row)
            cells.append(Rectangle((column, row), 0.92, 0.88))
            is_run = day in daily.index and day <= pd.Timestamp(window.as_of)
            if day > pd.Timestamp(window.as_of):
                faces.append("white")
                edges.append("#d6d6d6")
            elif not covered[0] <= day <= covered[1]:
                faces.append(NO_DATA_COLOUR)
                edges.append(NO_DATA_EDGE)
                no_data = True
            else:
                faces.append(
                    shades(0.35 + 0.6 * float(daily[day]) / top) if is_run else REST_COLOUR
                )
                edges.append("white")
            if is_run and not size.is_narrow:
                axes.text(
                    column + 0.46,
                    row + 0.44,
                    f"{daily[day]:.0f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if float(daily[day]) / top > 0.45 else AVERAGE_COLOUR,
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
    # one collection for the 112 cells: a patch each would cost a second per report
    axes.add_collection(
        PatchCollection(cells, facecolors=faces, edgecolors=edges, linewidths=0.8, zorder=0)
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
    _fit(figure, handles, left_in=0.25 if size.is_narrow else 0.45, bottom_in=0.3)
    return figure


# 4. Is my cadence low?


def cadence_chart(log: TrainingLog, window: Window, units: str, marks: Marks) -> Chart | None:
    """Each run's cadence as the cadence rule reads it (its chart marks), coloured by pace, the
    treadmill runs marked, the rule's floor, the trend."""
    cadence = _on_chart(marks, "cadence")
    if not cadence:
        return None
    runs_marks = next(iter(cadence.values()))
    series = runs_marks.series
    series = series[series["day"] <= pd.Timestamp(window.as_of)]
    if series[series["day"] >= pd.Timestamp(window.first)].empty:
        return None
    runs = _runs_until(log, window.as_of).set_index("activity_id")
    surface = runs["surface"].reindex(series["activity_id"]).to_numpy()
    table = series.assign(surface=surface).sort_values("day", kind="stable")
    floor_spm = runs_marks.level
    return _both(lambda size: cadence_figure(table, window, floor_spm, units, size))


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
    figure, axes = _figure(size, 3.1)
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
    _date_axis(axes, size)
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
    _fit(figure, handles, right_in=0.62 if points is not None else 0.12)
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


# 5. Are my surfaces varied?


def surface_chart(log: TrainingLog, window: Window) -> Chart | None:
    """Each 4-week block's distance by surface, unknown shown as unknown."""
    runs = _runs_until(log, window.as_of)
    runs = runs[runs["local_date"] >= window.first]
    if runs.empty or runs["distance_m"].fillna(0).sum() <= 0:
        return None
    return _both(lambda size: surface_figure(runs, window, size))


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
    figure, axes = _figure(size, 0.9 + 0.42 * len(shares), grid=False)
    left = np.zeros(len(shares))
    positions = np.arange(len(shares))
    for name in order:
        values = shares[name].to_numpy()
        is_unknown = name == UNKNOWN_SURFACE
        drawn = values > 0
        axes.barh(
            positions[drawn],
            values[drawn],
            left=left[drawn],
            height=0.7,
            color=UNKNOWN_COLOUR if is_unknown else SURFACE_COLOURS.get(name, "#90a4ae"),
            edgecolor="white",
            label=name,
        )
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
    _fit(figure, axes.get_legend_handles_labels()[0], left_in=1.0, bottom_in=0.45)
    return figure


# 6. Are my shoes worn?


def shoe_chart(window: Window, units: str, marks: Marks) -> Chart | None:
    """Each shoe's distance as the shoe rule counts it (its chart marks), its limits, its
    last run."""
    shoes = _on_chart(marks, "shoes")
    if not shoes:
        return None
    table = next(iter(shoes.values())).series
    if table.empty:
        return None
    return _both(lambda size: shoe_figure(table, units, size))


def shoe_figure(table: pd.DataFrame, units: str, size: Size) -> Figure:
    """The shoe chart's figure: a bar per shoe (the rule's marks: `shoe`, `distance_m`,
    `warning_m`, `high_m`, `last_used`, `retired_date`, `is_retired`), its name and figures
    written above it."""
    unit_m = distance_unit(units).metres
    shoes = list(table.itertuples(index=False))
    figure, axes = _figure(size, 0.8 + 0.62 * len(shoes), grid=False)
    axes.grid(axis="x", color="#e4e4e4", linewidth=0.8)
    positions = np.arange(len(shoes))
    for position, shoe in zip(positions, shoes, strict=True):
        is_retired = bool(shoe.is_retired)
        distance = shoe.distance_m / unit_m
        axes.barh(
            position,
            distance,
            height=0.38,
            color=RETIRED_COLOUR if is_retired else BAR_COLOUR,
            gid="retired-shoe" if is_retired else "shoe",
        )
        for limit_m, style in ((shoe.warning_m, "warning"), (shoe.high_m, "high")):
            axes.plot(
                [limit_m / unit_m] * 2,
                [position - 0.3, position + 0.3],
                color=SEVERITY_COLOURS[style],
                linewidth=2.2,
                linestyle=(0, (2, 1)) if style == "warning" else "-",
            )
        has_run = pd.notna(shoe.last_used)
        last = f"last run {_short_day(shoe.last_used)}" if has_run else "no runs yet"
        status = f"retired {_short_day(shoe.retired_date)}" if is_retired else last
        # retired in the profile, yet worn since: it counts, as a shoe in use
        is_worn_again = has_run and pd.notna(shoe.retired_date) and not is_retired
        if is_worn_again and shoe.retired_date < shoe.last_used:
            status = f"retired {_short_day(shoe.retired_date)}, worn since"
        axes.text(
            0,
            position - 0.27,
            f"{shoe.shoe}: {distance:,.0f} {distance_unit(units).label} · {status}",
            ha="left",
            va="bottom",
            fontsize=8,
            color="#555555" if is_retired else "#222222",
        )
    top = max(max(shoe.high_m for shoe in shoes), max(shoe.distance_m for shoe in shoes)) / unit_m
    axes.set_xlim(0, top * 1.05)
    axes.set_ylim(len(shoes) - 0.5, -0.8)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    axes.set_xlabel(f"{distance_unit(units).label} on the shoe, pre-use included")
    handles: list[Artist] = [
        Line2D(
            [],
            [],
            color=SEVERITY_COLOURS["warning"],
            linewidth=2.2,
            linestyle=(0, (2, 1)),
            label="warning limit",
        ),
        Line2D([], [], color=SEVERITY_COLOURS["high"], linewidth=2.2, label="high limit"),
    ]
    if any(bool(shoe.is_retired) for shoe in shoes):
        handles.append(Patch(color=RETIRED_COLOUR, label="retired"))
    _fit(figure, handles, left_in=0.15, bottom_in=0.45, right_in=0.2)
    return figure


# 7. How is my knee?


def pain_chart(log: TrainingLog, window: Window, units: str, marks: Marks) -> Chart | None:
    """Knee-pain scores by side over the window, above the weekly distance."""
    notes = pain_notes(marks, window)
    if notes.empty:
        return None
    return _both(lambda size: pain_figure(log, notes, window, units, size))


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
        mine = [note for note in notes.itertuples() if _side(note.side) == side]
        if not mine:
            continue
        days = [_week_position(note.day.date(), window) for note in mine]
        scores = [_score(note.score_of_10) for note in mine]
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
    _weekly_bars(week_axes, weeks, window, size.is_narrow)
    week_axes.set_ylabel(f"{distance_unit(units).label}/week")
    _week_ticks(week_axes, weeks.index, size)
    handles = score_axes.get_legend_handles_labels()[0]
    _fit(figure, handles, left_in=0.95, bottom_in=0.35, hspace=0.12)
    return figure


# 8. Long logs: the whole history by month


def monthly_overview_chart(
    log: TrainingLog, findings: Sequence[Finding], window: Window, units: str, marks: Marks
) -> Chart | None:
    """Distance and findings per month over the whole log, when it is longer than the window."""
    runs = _runs_until(log, window.as_of)
    if runs.empty or min(runs["local_date"]) >= window.first:
        return None
    pain_rules = set(_on_chart(marks, "knee"))
    return _both(
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
    distance_axes.bar(positions[ran], distance.to_numpy()[ran], width=width, color=BAR_COLOUR)
    in_window = months >= pd.Period(window.first, "M")
    distance_axes.axvspan(
        float(positions[in_window][0]) - 0.5,
        float(positions[-1]) + 0.5,
        color="#fff3c4",
        zorder=0,
        label=f"last {WINDOW_WEEKS} weeks (charts above)",
    )
    distance_axes.set_ylabel(f"{distance_unit(units).label}/month")
    bottom = np.zeros(len(months))
    labels = {"high": "high", "warning": "warning", "info": "info", "pain": "knee-pain note"}
    colours = {**SEVERITY_COLOURS, "pain": PAIN_COLOUR}
    for column in counts.columns:
        values = counts[column].to_numpy(dtype=float)
        if values.any():
            drawn = values > 0  # months without such findings draw no empty bar
            count_axes.bar(
                positions[drawn],
                values[drawn],
                bottom=bottom[drawn],
                width=width,
                color=colours[column],
                label=labels[column],
            )
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
    handles = distance_axes.get_legend_handles_labels()[0]
    handles += count_axes.get_legend_handles_labels()[0]
    _fit(figure, handles, bottom_in=0.3 if step >= 12 else 0.5, hspace=0.1)
    return figure


# 9. What came before my knee pain?

PATTERNS_SHOWN = 8  # the most telling patterns; the table below the chart lists them all


def pain_patterns_chart(table: pd.DataFrame) -> Chart | None:
    """Each pattern's share of the episodes it came before, beside its share of the pain-free
    fortnights: the most telling first (the table's order)."""
    shown = table[(table["episodes_with"] > 0) | (table["pain_free_with"] > 0)]
    if shown.empty:
        return None
    return _both(lambda size: pain_patterns_figure(shown.head(PATTERNS_SHOWN), size))


def pain_patterns_figure(table: pd.DataFrame, size: Size) -> Figure:
    """Two bars per pattern, its label above them: before pain, and in pain-free fortnights."""
    figure, axes = _figure(size, 0.4 + 0.62 * len(table), grid=False)
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
    _fit(figure, handles, left_in=0.15, bottom_in=0.35, right_in=0.2)
    return figure


# 10. What tends to come before knee pain across the squad?

FOREST_LIMITS = (0.05, 500.0)  # the odds-ratio axis at most: an interval beyond ends in an arrow
_AS_OFTEN_COLOUR = "#6b6b6b"


def forest_chart(table: pd.DataFrame) -> Chart | None:
    """The squad study's odds ratios with their 95 % intervals, one row per pattern that has
    one (the table's order), on a log axis with 1 marked; None when no pattern has one."""
    shown = table[table["odds_ratio"].notna()]
    if shown.empty:
        return None
    return _both(lambda size: forest_figure(shown, size))


def forest_figure(table: pd.DataFrame, size: Size) -> Figure:
    """Each pattern's row: its name and figures above a line from the interval's low to high
    end and a dot at the odds ratio; the rows whose interval lies above or below 1 in colour."""
    figure, axes = _figure(size, 0.35 + 0.5 * len(table), grid=False)
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
            bbox=_LABEL_BOX,  # the dashed 1 passes behind the words
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
    _fit(figure, handles, left_in=0.15, bottom_in=0.55, right_in=0.2)
    return figure


def _ratio_tick(value: float, _position: object) -> str:
    return f"{value:g}"


# shared parts


def _both(draw: Callable[[Size], Figure]) -> Chart:
    with mpl.rc_context(_RC):
        return Chart(wide=_svg(draw(WIDE)), narrow=_svg(draw(NARROW)))


def _figure(size: Size, height_in: float, grid: bool = True):
    """A figure whose plot is `height_in` high; `_fit` sets its margins and adds the legend's."""
    figure = Figure(figsize=(size.width_in, height_in))
    FigureCanvasSVG(figure)
    axes = figure.add_subplot()
    if grid:
        axes.grid(axis="y", color="#e4e4e4", linewidth=0.8)
    return figure, axes


def _svg(figure: Figure) -> bytes:
    literal_figure(figure)  # a note or a name is drawn as written, never as mathematics
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def _fit(
    figure: Figure,
    handles: list,
    left_in: float = 0.62,
    bottom_in: float = 0.5,
    right_in: float = 0.12,
    hspace: float | None = None,
) -> None:
    """The legend above the plot, in as many rows as the width needs, and fixed margins.

    Margins are set in inches rather than by a layout engine: the charts' labels are known
    (numbers, dates, short words), and a constrained layout makes each drawing 2.4 times
    slower. The figure grows by the legend's height, so the plot keeps its own.
    """
    width_in, height_in = figure.get_size_inches()
    legend_in = 0.0
    if handles:
        columns = _legend_columns([len(handle.get_label()) for handle in handles], width_in)
        rows = -(-len(handles) // columns)
        legend_in = 0.08 + 0.2 * rows
        height_in += legend_in
        figure.set_size_inches(width_in, height_in)
        figure.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=columns,
            frameon=False,
            handlelength=1.6,
            columnspacing=1.2,
            borderaxespad=0.2,
        )
    figure.subplots_adjust(
        left=left_in / width_in,
        right=1 - right_in / width_in,
        bottom=bottom_in / height_in,
        top=1 - (legend_in + FIT_TOP_IN) / height_in,
        hspace=hspace,
    )


def _legend_columns(label_lengths: list[int], width_in: float) -> int:
    """The most legend columns (up to 4) whose labels fit the width.

    matplotlib fills columns top to bottom, the first `count % columns` one entry longer; an
    entry is a 0.3 in marker and gap and 8.5 pt letters, columns 0.14 in apart.
    """
    count = len(label_lengths)
    for columns in range(min(count, 4), 1, -1):
        rows, longer = divmod(count, columns)
        sizes = [rows + 1] * longer + [rows] * (columns - longer)
        starts = np.cumsum([0, *sizes])
        widest = [max(label_lengths[starts[i] : starts[i + 1]]) for i in range(columns)]
        needed_in = sum(0.3 + 0.066 * letters for letters in widest) + 0.14 * (columns - 1)
        if needed_in <= width_in - 0.1:
            return columns
    return 1


def _week_ticks(axes, mondays: pd.DatetimeIndex, size: Size) -> None:
    step = 4 if size.is_narrow else 2
    positions = np.arange(len(mondays))
    axes.set_xticks(
        positions[::step],
        [day_text(monday, weekday=False, year=False) for monday in mondays[::step]],
    )
    axes.set_xlim(-0.6, len(mondays) - 0.4)


def _date_axis(axes, size: Size) -> None:
    locator = AutoDateLocator(minticks=3, maxticks=5 if size.is_narrow else 9)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))


def _week_position(day: dt.date, window: Window) -> float:
    """A day's x on a chart of weekly bars (one unit per week, bars 0.8 wide)."""
    weeks = (_monday(day) - window.first).days // 7
    return weeks - 0.4 + 0.8 * (day.weekday() + 0.5) / 7


def _partial_label_pt(week: pd.Timestamp, window: Window, size: Size) -> int:
    """How far the partial week's own label lifts the finding codes above its bar."""
    if week.date() != window.last_monday or window.days_in_last_week == 7:
        return 0
    return 9 if size.is_narrow else 19


def _on_chart(marks: Marks, chart: str) -> dict[str, ChartMarks]:
    """The marks of the rules that belong on `chart`, by rule slug."""
    return {slug: mark for slug, mark in marks.items() if mark.chart == chart}


def pain_notes(marks: Marks, window: Window) -> pd.DataFrame:
    """The window's knee-pain notes (`day`, `side`, `score_of_10`): the marks of the rule that
    reads them."""
    notes = [mark.series for mark in _on_chart(marks, "knee").values() if not mark.series.empty]
    if not notes:
        return pd.DataFrame(columns=["day", "side", "score_of_10"])
    table = pd.concat(notes, ignore_index=True)
    in_window = (table["day"] >= pd.Timestamp(window.first)) & (
        table["day"] <= pd.Timestamp(window.as_of)
    )
    return table[in_window]


def _pain_by_day(marks: Marks, window: Window) -> dict[pd.Timestamp, str]:
    days: dict[pd.Timestamp, str] = {}
    for note in pain_notes(marks, window).itertuples():
        days[pd.Timestamp(note.day)] = _score_text(note.score_of_10, short=True)
    return days


def _side(side: object) -> str | None:
    return side if isinstance(side, str) and side else None


def _score(score: object) -> float | None:
    return float(score) if isinstance(score, int | float) and not pd.isna(score) else None


def _score_text(score: object, short: bool = False) -> str:
    value = _score(score)
    if value is None:
        return "?"
    return f"{value:g}" if short else f"{value:g}/10"


def _runs_until(log: TrainingLog, as_of: dt.date) -> pd.DataFrame:
    return _until(log.runs, as_of)


def _until(activities: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    dated = activities[activities["local_date"].notna()]
    return dated[dated["local_date"] <= as_of]


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_step(count: int, size: Size) -> int:
    wanted = count / (6 if size.is_narrow else 12)
    return next((step for step in (1, 2, 3, 6, 12, 24, 60) if step >= wanted), 120)


def _short_day(day: dt.date | None) -> str:
    return "" if day is None else day_text(day, weekday=False)


def _pace_text(seconds_per_unit: float, _position: object) -> str:
    return minutes_text(seconds_per_unit)


__all__ = [
    "NARROW",
    "WIDE",
    "Chart",
    "Size",
    "Window",
    "cadence_chart",
    "cadence_trend_spm",
    "long_run_chart",
    "monthly_overview_chart",
    "pain_chart",
    "rest_calendar_chart",
    "shoe_chart",
    "status_window",
    "surface_chart",
    "weekly_distance_chart",
]
