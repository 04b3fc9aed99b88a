"""The rules' chart marks as the charts read them: each chart draws the marks of the rules that
belong on it (`ChartMarks.chart`) and names no rule; the knee notes' days and scores.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analyzer.checkers.rule import ChartMarks
from analyzer.report.charts.window import (
    Window,
)

Marks = Mapping[str, ChartMarks]  # a status's chart marks, by rule slug


def on_chart(marks: Marks, chart: str) -> dict[str, ChartMarks]:
    """The marks of the rules that belong on `chart`, by rule slug."""
    return {slug: mark for slug, mark in marks.items() if mark.chart == chart}


def pain_notes(marks: Marks, window: Window) -> pd.DataFrame:
    """The window's knee-pain notes (`day`, `side`, `score_of_10`): the marks of the rule that
    reads them."""
    notes = [mark.series for mark in on_chart(marks, "knee").values() if not mark.series.empty]
    if not notes:
        return pd.DataFrame(columns=["day", "side", "score_of_10"])
    table = pd.concat(notes, ignore_index=True)
    in_window = (table["day"] >= pd.Timestamp(window.first)) & (
        table["day"] <= pd.Timestamp(window.as_of)
    )
    return table[in_window]


def pain_by_day(marks: Marks, window: Window) -> dict[pd.Timestamp, str]:
    days: dict[pd.Timestamp, str] = {}
    for note in pain_notes(marks, window).itertuples():
        days[pd.Timestamp(note.day)] = score_text(note.score_of_10, short=True)
    return days


def side_of(side: object) -> str | None:
    return side if isinstance(side, str) and side else None


def score_of(score: object) -> float | None:
    return float(score) if isinstance(score, int | float) and not pd.isna(score) else None


def score_text(score: object, short: bool = False) -> str:
    value = score_of(score)
    if value is None:
        return "?"
    return f"{value:g}" if short else f"{value:g}/10"
