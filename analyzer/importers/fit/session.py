"""What one FIT session holds, as a Track: its records, the totals it states, its words.

Session totals are the truth: distance_m = total_distance, elapsed_s = total_elapsed_time,
moving_s = total_timer_time (the timer stops at pauses and auto-pause; total_moving_time is
left alone because few devices write it and those that do copy the timer time). A total the
session lacks is recomputed from timer events (moving time) or from the records
(_track.record_of: distance, climb, cadence, heart rate), and a problem line says so for
distance. A transition of a multisport file is sport "other", sub_sport "transition". A
session of sport `generic` (the Fenix 2's default profile) is what its movement says.
"""

from __future__ import annotations

import math
from typing import Any

from analyzer.classify import sport_of
from analyzer.errors import FileErrorKind
from analyzer.importers._track import Track, lap, record_of, track_points
from analyzer.importers.base import Problem, Record
from analyzer.importers.fit.clock import FIT_SYSTEM_TIME_BELOW, Clock
from analyzer.importers.fit.decode import Content, Session
from analyzer.importers.fit.records import Columns
from analyzer.importers.fit.values import as_number, as_positive, as_text, fit_time_s

INDOOR_SUB_SPORTS = frozenset({"treadmill", "indoor_running", "virtual_activity"})
TIMER_STOPS = frozenset({"stop", "stop_all", "stop_disable", "stop_disable_all"})
_RECORD_VALUES = ("lat_deg", "lon_deg", "altitude_m", "distance_m", "speed_mps", "hr_bpm")


def session_start_s(values: dict[str, Any], table: Columns) -> float:
    start_s = fit_time_s(values.get("start_time"))
    if start_s is not None:
        return start_s
    end_s = fit_time_s(values.get("timestamp"))
    elapsed_s = as_positive(values.get("total_elapsed_time"))
    if end_s is not None and elapsed_s is not None and elapsed_s <= end_s:
        return end_s - elapsed_s
    return float(table["time_s"][0]) if len(table["time_s"]) else math.nan


def session_without_summary(content: Content, table: Columns) -> dict[str, Any]:
    """A session made from what precedes it in the file: sport messages and laps."""
    sport = content.last_sport or content.lap_sport
    values: dict[str, Any] = {key: sport.get(key) for key in ("sport", "sub_sport")}
    times_s = table["time_s"]
    if len(times_s):
        values["start_time"] = float(times_s[0])
        values["timestamp"] = float(times_s[-1])
    return values


def record_of_session(
    session: Session,
    rows: Columns,
    timer: list[tuple[float, str]],
    clock: Clock,
    start_s: float,
    label: str,
    device: str | None,
) -> tuple[Record, list[Problem]]:
    """One session's record (_track.record_of of its Track), and problem lines about its
    totals, its order and its date."""
    values = session.values
    elapsed_s, moving_s = _durations_s(values, rows, timer, start_s)
    stated_distance_m = as_positive(values.get("total_distance"))
    raw_sport = as_text(values.get("sport")) or as_text(session.sport_message.get("sport"))
    sub_sport = as_text(values.get("sub_sport")) or as_text(session.sport_message.get("sub_sport"))
    names = (values.get("sport_profile_name"), session.sport_message.get("name"))
    start = clock.utc_start(start_s)
    local_start = clock.local_start(start_s) if start_s < FIT_SYSTEM_TIME_BELOW else None
    track = Track(
        points=track_points(
            len(rows["time_s"]),
            **{name: rows[name] for name in _RECORD_VALUES},
            time_utc=clock.sample_times(rows["time_s"]),
            written_cadence=rows["raw_cadence"],
        ),
        laps=(
            lap(
                start_time_utc=start,
                elapsed_s=elapsed_s,
                moving_s=moving_s,
                distance_m=stated_distance_m,
                ascent_m=as_number(values.get("total_ascent")),
                descent_m=as_number(values.get("total_descent")),
                avg_hr_bpm=as_positive(values.get("avg_heart_rate")),
                avg_written_cadence=_written_average_cadence(values),
            ),
        ),
        sport=_sport_of_session(raw_sport, sub_sport, names),
        sub_sport="transition" if raw_sport == "transition" else sub_sport,
        device=device,
        surface_words=names,
        is_indoor=sub_sport in INDOOR_SUB_SPORTS,
        # Zwift's positions lie in a made-up world (Watopia, off the Solomon Islands, UTC+11):
        # the samples keep them, but they say nothing about where the runner was.
        positions_are_places=sub_sport != "virtual_activity",
        start_time_utc=local_start.tz_localize("UTC") if local_start is not None else start,
        is_wall_time=local_start is not None,
        utc_offset_s=clock.utc_offset_s,
    )
    record, order_notice = record_of(track)
    problems = [Problem(f"{label}{order_notice}", FileErrorKind.NOTICE)] if order_notice else []
    distance_m = record.fields["distance_m"]
    if stated_distance_m is None and distance_m > 0 and session.is_written:
        problems.append(
            Problem(
                f"{label}has no total distance; used {distance_m / 1000:,.2f} km "
                "measured from its records",
                FileErrorKind.NOTICE,
            )
        )
    if start_s < FIT_SYSTEM_TIME_BELOW:
        if local_start is None:
            problems.append(
                Problem(
                    f"{label}the watch's clock was never set, so this run has no date; "
                    "runlog cannot put it on a calendar",
                    FileErrorKind.NO_TIMES,
                )
            )
        else:
            problems.append(
                Problem(
                    f"{label}the watch's UTC clock was never set; dated "
                    f"{local_start:%Y-%m-%d %H:%M} local time from the watch's own local clock",
                    FileErrorKind.NOTICE,
                )
            )
    return record, problems


def _durations_s(
    values: dict[str, Any], rows: Columns, timer: list[tuple[float, str]], start_s: float
) -> tuple[float, float]:
    """Elapsed and moving seconds: the session's totals, else the records and timer events."""
    times_s = rows["time_s"]
    span_s = float(times_s[-1] - times_s[0]) if len(times_s) > 1 else 0.0
    end_s = fit_time_s(values.get("timestamp"))
    if end_s is None or end_s < start_s:
        end_s = float(times_s[-1]) if len(times_s) else start_s
    elapsed_s = as_positive(values.get("total_elapsed_time"))
    if elapsed_s is None:
        elapsed_s = max(end_s - start_s, span_s)
    moving_s = as_positive(values.get("total_timer_time"))
    if moving_s is None:
        moving_s = _timer_moving_s(timer, start_s, end_s)
    if moving_s is None:
        moving_s = elapsed_s
    # The wall clock cannot run slower than the timer: when a session says it did (an Edge
    # export: 1,632 s elapsed, 2,760 s timer, 2,759 s of 1 Hz records), its elapsed is wrong.
    return max(elapsed_s, moving_s), moving_s


def _sport_of_session(
    raw_sport: str | None, sub_sport: str | None, names: tuple[Any, ...]
) -> str | None:
    """The canonical sport the session's words say; None for a run the watch did not name
    (sport `generic` or none: the Fenix 2 records a run so when its profile was not Run)."""
    if raw_sport == "transition":
        return "other"
    sport = sport_of(raw_sport, sub_sport, *names)
    if sport == "other" and raw_sport in (None, "generic"):
        return None
    return sport


def label_of(position: int, count: int) -> str:
    return f"session {position + 1} of {count}: " if count > 1 else ""


def _timer_moving_s(timer: list[tuple[float, str]], start_s: float, end_s: float) -> float | None:
    """Seconds the timer ran between start_s and end_s, from timer start/stop events.

    The timer runs from the start; a stop or stop_all pauses it (auto-pause too, with
    timer_trigger auto) until the next start. A gap between records with no stop event is
    smart recording, not a pause. None when the session has no timer events.
    """
    events = sorted((t, kind) for t, kind in timer if start_s <= t <= end_s)
    if not events:
        return None
    moving_s = 0.0
    running_since: float | None = start_s
    for time_s, kind in events:
        if kind == "start" and running_since is None:
            running_since = time_s
        elif kind in TIMER_STOPS and running_since is not None:
            moving_s += time_s - running_since
            running_since = None
    if running_since is not None:
        moving_s += end_s - running_since
    return moving_s


def _written_average_cadence(values: dict[str, Any]) -> float | None:
    """The session's own average cadence as written (one foot or both), or None."""
    # avg_running_cadence is the name fitdecode gives avg_cadence when sport is running.
    cadence = as_positive(values.get("avg_running_cadence")) or as_positive(
        values.get("avg_cadence")
    )
    if cadence is None:
        return None
    return cadence + (as_number(values.get("avg_fractional_cadence")) or 0.0)
