"""A board row's small chart: an athlete's weekly distance over the window, knee pain marked.

Drawn as a few hundred bytes of inline SVG rather than by matplotlib: a squad's board holds
thirty of them and must stay light and quick. It holds numbers and fixed words only, never a
string from the data. The weeks are the weekly chart's own (`charts.weeks_table`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from analyzer.log import TrainingLog
from analyzer.report import charts
from analyzer.words import count_text, day_text, distance_unit

BAR_STEP_PX = 10  # one week: a bar and its gap
BAR_WIDTH_PX = 8
HEIGHT_PX = 40
PAIN_BAND_PX = 9  # above the bars: a dot in each week with a knee-pain note


def weekly_sparkline(
    log: TrainingLog, window: charts.Window, units: str, marks: charts.Marks
) -> str:
    """The athlete's weeks of the window as an inline <svg>, or '' when they have no run and no
    knee-pain note in it (the notes: the knee rule's chart marks)."""
    weeks = charts.weeks_table(log, window, units)
    distances = [float(value) for value in weeks["distance"]]
    pain_weeks = {
        day.date() - dt.timedelta(days=day.weekday())
        for day in charts.pain_notes(marks, window)["day"]
    }
    has_pain = [monday.date() in pain_weeks for monday in weeks.index]
    if not any(distances) and not any(has_pain):
        return ""
    partial = window.days_in_last_week < 7
    return _svg(distances, has_pain, partial, _description(distances, has_pain, window, units))


def _svg(distances: Sequence[float], has_pain: Sequence[bool], partial: bool, label: str) -> str:
    width_px = BAR_STEP_PX * len(distances)
    top = max(max(distances, default=0.0), 1e-9)
    room_px = HEIGHT_PX - PAIN_BAND_PX
    shapes = []
    for week, (distance, pain) in enumerate(zip(distances, has_pain, strict=True)):
        x = week * BAR_STEP_PX + (BAR_STEP_PX - BAR_WIDTH_PX) / 2
        height = max(room_px * distance / top, 1.0 if distance > 0 else 0.0)
        if height:
            is_partial = partial and week == len(distances) - 1
            colour = charts.PARTIAL_COLOUR if is_partial else charts.BAR_COLOUR
            shapes.append(
                f'<rect x="{x:g}" y="{HEIGHT_PX - height:.1f}" width="{BAR_WIDTH_PX}" '
                f'height="{height:.1f}" fill="{colour}"/>'
            )
        if pain:
            centre = week * BAR_STEP_PX + BAR_STEP_PX / 2
            shapes.append(f'<circle cx="{centre:g}" cy="4" r="3" fill="{charts.PAIN_COLOUR}"/>')
    return (
        f'<svg class="sparkline" viewBox="0 0 {width_px} {HEIGHT_PX}" width="{width_px}" '
        f'height="{HEIGHT_PX}" role="img" aria-label="{label}"><title>{label}</title>'
        + "".join(shapes)
        + "</svg>"
    )


def _description(
    distances: Sequence[float], has_pain: Sequence[bool], window: charts.Window, units: str
) -> str:
    """'Weekly distance of the 16 weeks to Sun 4 Jan 2026: 31 to 53 km; knee pain in 1 week'."""
    unit = distance_unit(units).label
    ran = [distance for distance in distances if distance > 0]
    weeks = count_text(len(distances), "week")
    text = f"Weekly distance of the {weeks} to {day_text(window.as_of)}: "
    text += f"{min(ran):.0f} to {max(ran):.0f} {unit}" if ran else "no runs"
    pain = sum(has_pain)
    return text + (f"; knee pain noted in {count_text(pain, 'week')}" if pain else "")


__all__ = ["weekly_sparkline"]
