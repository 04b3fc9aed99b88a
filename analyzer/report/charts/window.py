"""The days the charts show: the status window (the 16 weeks up to the as-of day), a log's runs
up to it, and where a day falls on a chart of weeks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from analyzer.log import TrainingLog

WINDOW_WEEKS = 16  # the status window: the weeks up to the as-of day the charts show


@dataclasses.dataclass(frozen=True)
class Window:
    """The days the charts show: from the Monday `WINDOW_WEEKS` weeks back to the as-of day."""

    first: dt.date
    as_of: dt.date

    @property
    def last_monday(self) -> dt.date:
        return monday_of(self.as_of)

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
            sunday = monday_of(last_day) + dt.timedelta(days=6)
            window = status_window(min(sunday, self.as_of), len(self.mondays))
        return window.from_first_run(first_day)

    def from_first_run(self, first_day: dt.date | None) -> Window:
        """The window starting at the week of `first_day` when the log is younger than it."""
        if first_day is None or not self.first < first_day <= self.as_of:
            return self
        return Window(first=monday_of(first_day), as_of=self.as_of)


def status_window(as_of: dt.date, weeks: int = WINDOW_WEEKS) -> Window:
    """The window of `weeks` Monday-Sunday weeks whose last holds `as_of`."""
    return Window(first=monday_of(as_of) - dt.timedelta(weeks=weeks - 1), as_of=as_of)


def week_position(day: dt.date, window: Window) -> float:
    """A day's x on a chart of weekly bars (one unit per week, bars 0.8 wide)."""
    weeks = (monday_of(day) - window.first).days // 7
    return weeks - 0.4 + 0.8 * (day.weekday() + 0.5) / 7


def runs_until(log: TrainingLog, as_of: dt.date) -> pd.DataFrame:
    return dated_until(log.runs, as_of)


def dated_until(activities: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    dated = activities[activities["local_date"].notna()]
    return dated[dated["local_date"] <= as_of]


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())
