"""The squad's board: every athlete in order of need, who needs attention, and why.

The terminal, the HTML board and the JSON document show the same board: one row per athlete
in the coach's order (`status.by_attention`), each with the status in a line, the reason for
their place, and whether they need attention this week. An athlete needs attention with an
open warning or high finding, a knee-pain note of the knee's trend days, no data for longer
than their `stale_after_days`, or a shoe in use past its limit; the others can wait for the
next look.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from analyzer.report.status_words import (
    attention_last_text,
    attention_pain_text,
    attention_ratio_text,
    attention_reason,
    average_week_text,
    severity_counts,
    week_not_judged_text,
)
from analyzer.status import AVERAGE_WEEKS, Status, by_attention
from analyzer.words import count_text, distance_text


@dataclass(frozen=True)
class BoardRow:
    """One athlete's row: their place, status, whether and why they need attention."""

    place: int
    status: Status
    attention: tuple[str, ...]  # besides open findings: 'knee pain 3 days before', 'no data ...'
    line: str  # the status in a line
    why: str  # why they are where they are

    @property
    def athlete(self) -> str:
        return self.status.athlete

    @property
    def open_text(self) -> str:
        """The open warning and high findings counted: '1 high and 2 warnings open', or ''."""
        counts = [
            text for _, text in severity_counts(self.status.high_count, self.status.warning_count)
        ]
        return f"{' and '.join(counts)} open" if counts else ""

    @property
    def before_pain(self) -> str | None:
        """What came before this athlete's knee pain most often, when their log says."""
        patterns = self.status.pain_patterns
        return patterns.most_frequent if patterns is not None else None

    @property
    def needs_attention(self) -> bool:
        return bool(self.open_text or self.attention)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Every reason the athlete needs attention, the open findings first."""
        return tuple(reason for reason in (self.open_text, *self.attention) if reason)


def board(statuses: Mapping[str, Status]) -> list[BoardRow]:
    """Every athlete with a status, most in need of a call first."""
    return [
        BoardRow(
            place=place,
            status=status,
            attention=attention_reasons(status),
            line=status_line(status),
            why=attention_reason(status),
        )
        for place, status in enumerate(by_attention(statuses.values()), start=1)
    ]


def attention_reasons(status: Status) -> tuple[str, ...]:
    """Why the athlete needs attention besides open findings: knee pain in the last
    `pain_trend_days` ('knee pain 3 days before'), no data for a while ('no data for 29 days'),
    a shoe in use past its limit however long ago it passed ('Nimbus past its limit')."""
    reasons = []
    pain = status.latest_pain
    if pain is not None and status.has_recent_pain:
        reasons.append(f"knee pain {_days_ago(status.as_of, pain.date)}")
    if status.is_stale:
        days = status.days_since_last_activity
        reasons.append("no data" if days is None else f"no data for {count_text(days, 'day')}")
    reasons += [f"{shoe.shoe} past its limit" for shoe in status.shoes]
    return tuple(reasons)


def status_line(status: Status) -> str:
    """The status in one line: 'last activity Sun 8 Nov (the as-of day); this week 28.2 km,
    4-week average 29.1 km; acute:chronic 0.97; knee pain 3 Nov, 4/10, swelling'. A figure the
    log cannot give is left out (the athlete's page says why)."""
    last = attention_last_text(status)  # 'no data since 11 Oct 2026' when stale
    parts = [last if status.is_stale else f"last activity {last}"]
    if status.has_run_in_weeks:
        weeks = []
        if not week_not_judged_text(status, status.this_week_m):  # no data is not a 0
            weeks.append(f"this week {distance_text(status.this_week_m, status.units)}")
        if status.average_week_m is not None:
            weeks.append(average_week_text(status))
        parts += [", ".join(weeks)] if weeks else []
    else:
        parts.append(f"no runs this week or in the {AVERAGE_WEEKS} before")
    if status.acute_chronic_ratio is not None:
        parts.append(f"acute:chronic {attention_ratio_text(status)}")
    if status.latest_pain is not None:
        parts.append(f"knee pain {attention_pain_text(status)}")
    return "; ".join(parts)


def _days_ago(as_of: dt.date, day: dt.date) -> str:
    days = (as_of - day).days
    return "on the as-of day" if days == 0 else f"{count_text(days, 'day')} before"


__all__ = ["BoardRow", "attention_reasons", "board", "status_line"]
