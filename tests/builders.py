"""Small training logs for rule tests: a few lines make a log with the canonical columns."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pandas as pd

from analyzer.log import TrainingLog
from analyzer.profile import Profile, ShoeSetting

TIMEZONE = "Europe/Copenhagen"
FIRST_MONDAY = dt.date(2026, 1, 5)
_counter = itertools.count(1)


def day(value: dt.date | str) -> dt.date:
    """A date from a date or an ISO string."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def run(
    local_date: dt.date | str,
    distance_km: float,
    *,
    pace_min_per_km: float = 5.5,
    hour: int = 7,
    cadence_spm: float | None = 176.0,
    surface: str = "road",
    shoe: str = "",
    sport: str = "running",
    ascent_m: float = 40.0,
    descent_m: float | None = None,
    athlete: str = "ana",
    name: str = "",
    notes: str = "",
    timezone: str = TIMEZONE,
    activity_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One activity row: a run of `distance_km` started at `hour` local time on that day."""
    date = day(local_date)
    local_start = pd.Timestamp(dt.datetime.combine(date, dt.time(hour)), tz=timezone)
    moving_s = distance_km * pace_min_per_km * 60
    row = {
        "activity_id": activity_id or f"run-{next(_counter)}",
        "athlete": athlete,
        "source_path": "built-in-test",
        "source_format": "fit",
        "start_time_utc": local_start.tz_convert("UTC"),
        "timezone": timezone,
        "local_date": date,
        "sport": sport,
        "sub_sport": "generic",
        "surface": surface,
        "distance_m": distance_km * 1000.0,
        "elapsed_s": moving_s + 60.0,
        "moving_s": moving_s,
        "ascent_m": ascent_m,
        "descent_m": ascent_m if descent_m is None else descent_m,
        "avg_speed_mps": 1000.0 / (pace_min_per_km * 60),
        "avg_cadence_spm": cadence_spm,
        "avg_hr_bpm": 145.0,
        "shoe": shoe,
        "name": name or f"{distance_km:g} km",
        "notes": notes,
        "device": "test",
        "has_gps": surface != "treadmill",
    }
    row.update(extra)
    return row


def note(local_date: dt.date | str, text: str, athlete: str = "ana") -> dict[str, Any]:
    """One journal note."""
    return {
        "athlete": athlete,
        "local_date": day(local_date),
        "text": text,
        "source": "journal.txt",
        "activity_id": None,
    }


def make_log(
    runs: list[dict[str, Any]],
    notes: list[dict[str, Any]] = (),
    shoes: list[ShoeSetting] = (),
    profile: Profile | None = None,
    samples: dict[str, pd.DataFrame] | None = None,
) -> TrainingLog:
    """A TrainingLog of these rows, with shoes from profile settings and optional samples."""
    shoe_rows = [
        {
            "athlete": None,
            "shoe": shoe.name,
            "aliases": shoe.aliases,
            "start_date": shoe.start,
            "retired_date": shoe.retired,
            "pre_used_km": shoe.pre_used_km,
            "limit_km": shoe.limit_km if shoe.limit_km is not None else float("nan"),
            "activity_ids": (),
            "is_default": shoe.default,
        }
        for shoe in shoes
    ]
    loaders = {key: (lambda frame=frame: frame) for key, frame in (samples or {}).items()}
    return TrainingLog(
        activities=pd.DataFrame(list(runs)),
        notes=pd.DataFrame(list(notes)),
        shoes=pd.DataFrame(shoe_rows),
        profiles={"": profile or Profile(timezone=TIMEZONE, shoes=tuple(shoes))},
        sample_loaders=loaders,
    )


def weekly_runs(*distances_km: float, first: dt.date = FIRST_MONDAY, **fields: Any) -> TrainingLog:
    """One run a week, every Sunday from the first week on."""
    sunday = first + dt.timedelta(days=6 - first.weekday())
    return make_log(
        [
            run(sunday + dt.timedelta(weeks=week), km, **fields)
            for week, km in enumerate(distances_km)
        ]
    )


def daily_runs(*distances_km: float, first: dt.date = FIRST_MONDAY, **fields: Any) -> TrainingLog:
    """One run a day from `first`; a distance of 0 is a rest day."""
    return make_log(
        [
            run(first + dt.timedelta(days=offset), km, **fields)
            for offset, km in enumerate(distances_km)
            if km > 0
        ]
    )


# The steady week: about 30 km on four days with three rest days, mixed surfaces, two shoes.
STEADY_WEEK = (
    # weekday, km, surface, shoe
    (1, 6.0, "road", "Pegasus"),
    (3, 7.0, "track", "Ghost"),
    (5, 6.0, "trail", "Pegasus"),
    (6, 11.0, "road", "Ghost"),
)


def steady_runs(weeks: int = 16, first: dt.date = FIRST_MONDAY, **fields: Any) -> list[dict]:
    """The steady weeks' runs: 30 km a week, 176 steps/min, shoes far under their limits."""
    return [
        run(
            first + dt.timedelta(weeks=week, days=day_of_week),
            km,
            surface=place,
            shoe=shoe,
            **fields,
        )
        for week in range(weeks)
        for day_of_week, km, place, shoe in STEADY_WEEK
    ]


STEADY_SHOES = (ShoeSetting("Pegasus", limit_km=700), ShoeSetting("Ghost", limit_km=700))


def steady_log(weeks: int = 16, first: dt.date = FIRST_MONDAY) -> TrainingLog:
    """A healthy log: nothing in it should draw a warning."""
    return make_log(steady_runs(weeks, first), shoes=list(STEADY_SHOES))
