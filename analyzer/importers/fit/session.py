"""What one FIT session means: its canonical fields, problem lines and samples.

Session totals are the truth: distance_m = total_distance, elapsed_s = total_elapsed_time,
moving_s = total_timer_time (the timer stops at pauses and auto-pause; total_moving_time is
left alone because few devices write it and those that do copy the timer time). A total the
session lacks is recomputed from records and timer events, and a problem line says so.
A transition of a multisport file is sport "other", sub_sport "transition". A one-foot
cadence becomes steps per minute (§1.3).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from analyzer.classify import sport_of, surface_of
from analyzer.errors import FileErrorKind
from analyzer.importers.base import Problem
from analyzer.importers.fit.clock import FIT_SYSTEM_TIME_BELOW, Clock
from analyzer.importers.fit.decode import Content, Session
from analyzer.importers.fit.values import as_number, as_positive, as_text, fit_time_s
from analyzer.units import FOOT_SPORTS, cadence_factor, great_circle_m

# A FIT foot cadence counts one foot; some third-party writers store steps/min instead
# (units.cadence_factor decides: the moving records' upper quartile, else the session's value).
STOPPED_BELOW_MPS = 0.5  # slower than any walk: a sample taken while standing
# A `generic` session (Fenix 2 default profile) is a run when it moves like one: a one-foot
# cadence of 65-105 strides/min (130-210 when stored as steps/min) at 1.7-7 m/s
# (a 2:23-9:48 min/km pace). Walks and rides fall outside both ranges.
RUN_STRIDES_PER_MIN = (65.0, 105.0)
RUN_SPEED_MPS = (1.7, 7.0)
INDOOR_SUB_SPORTS = frozenset({"treadmill", "indoor_running", "virtual_activity"})
TIMER_STOPS = frozenset({"stop", "stop_all", "stop_disable", "stop_disable_all"})


def session_start_s(values: dict[str, Any], table: pd.DataFrame) -> float:
    start_s = fit_time_s(values.get("start_time"))
    if start_s is not None:
        return start_s
    end_s = fit_time_s(values.get("timestamp"))
    elapsed_s = as_positive(values.get("total_elapsed_time"))
    if end_s is not None and elapsed_s is not None and elapsed_s <= end_s:
        return end_s - elapsed_s
    return float(table["time_s"].iloc[0]) if len(table) else math.nan


def session_without_summary(content: Content, table: pd.DataFrame) -> dict[str, Any]:
    """A session made from what precedes it in the file: sport messages and laps."""
    sport = content.last_sport or content.lap_sport
    values: dict[str, Any] = {key: sport.get(key) for key in ("sport", "sub_sport")}
    if len(table):
        values["start_time"] = float(table["time_s"].iloc[0])
        values["timestamp"] = float(table["time_s"].iloc[-1])
    return values


def fields_of(
    session: Session,
    rows: pd.DataFrame,
    timer: list[tuple[float, str]],
    clock: Clock,
    start_s: float,
    label: str,
) -> tuple[dict[str, Any], list[Problem]]:
    """The canonical fields of one session, and problem lines about its totals and date."""
    values = session.values
    elapsed_s, moving_s = _durations_s(values, rows, timer, start_s)
    distance_m = as_positive(values.get("total_distance"))
    problems: list[Problem] = []
    if distance_m is None:
        distance_m = _distance_from_records_m(rows)
        if distance_m > 0 and session.is_written:
            problems.append(
                Problem(
                    f"{label}has no total distance; used {distance_m / 1000:,.2f} km "
                    "measured from its records",
                    FileErrorKind.NOTICE,
                )
            )
    speed_mps = distance_m / moving_s if moving_s > 0 else math.nan
    moving_cadence = _moving_values(rows["raw_cadence"].to_numpy(), rows)
    sport, sub_sport = _sport_of_session(session, moving_cadence, speed_mps)
    fields: dict[str, Any] = {
        "start_time_utc": clock.utc_start(start_s),
        "sport": sport,
        "sub_sport": sub_sport,
        "distance_m": distance_m,
        "elapsed_s": elapsed_s,
        "moving_s": moving_s,
        "avg_speed_mps": speed_mps,
        "avg_cadence_spm": _avg_cadence_spm(
            values, sport, moving_cadence, cadence_factor_of(values, sport, rows)
        ),
        "avg_hr_bpm": _avg_hr_bpm(values, rows),
        **_position_fields(rows, sub_sport),
    }
    words = (values.get("sport_profile_name"), session.sport_message.get("name"))
    fields["surface"] = _surface(sport, sub_sport, words, fields["has_gps"])
    fields["ascent_m"], fields["descent_m"] = _climb_m(values, rows)
    if clock.utc_offset_s is not None:
        fields["utc_offset_s"] = clock.utc_offset_s
    if start_s < FIT_SYSTEM_TIME_BELOW:
        local_start = clock.local_start(start_s)
        if local_start is None:
            problems.append(
                Problem(
                    f"{label}the watch's clock was never set, so this run has no date; "
                    "runlog cannot put it on a calendar",
                    FileErrorKind.NO_TIMES,
                )
            )
        else:
            fields["start_time_local"] = local_start
            problems.append(
                Problem(
                    f"{label}the watch's UTC clock was never set; dated "
                    f"{local_start:%Y-%m-%d %H:%M} local time from the watch's own local clock",
                    FileErrorKind.NOTICE,
                )
            )
    return fields, problems


def _durations_s(
    values: dict[str, Any], rows: pd.DataFrame, timer: list[tuple[float, str]], start_s: float
) -> tuple[float, float]:
    """Elapsed and moving seconds: the session's totals, else the records and timer events."""
    times_s = rows["time_s"].to_numpy()
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
    session: Session, moving_cadence: np.ndarray, speed_mps: float
) -> tuple[str, str | None]:
    """The canonical sport and the raw sub_sport (lower case) of one session."""
    values, sport_message = session.values, session.sport_message
    raw_sport = as_text(values.get("sport")) or as_text(sport_message.get("sport"))
    sub_sport = as_text(values.get("sub_sport")) or as_text(sport_message.get("sub_sport"))
    if raw_sport == "transition":
        return "other", "transition"
    names = (values.get("sport_profile_name"), sport_message.get("name"))
    sport = sport_of(raw_sport, sub_sport, *names)
    # Garmin's Fenix 2 records a run as sport `generic` when the watch's activity profile
    # was not set to Run; its cadence and pace still say what it was.
    is_unnamed = sport == "other" and raw_sport in (None, "generic")
    if is_unnamed and _looks_like_running(moving_cadence, speed_mps):
        return "running", sub_sport
    return sport, sub_sport


def _position_fields(rows: pd.DataFrame, sub_sport: str | None) -> dict[str, Any]:
    """has_gps and the first GPS point, which the loader uses to find the time zone.

    A virtual ride or run (Zwift) carries positions in a made-up world (Watopia lies off the
    Solomon Islands, UTC+11): they say nothing about where the runner was, so they count
    as no GPS here while the samples keep them.
    """
    lat_deg, lon_deg = rows["lat_deg"].to_numpy(), rows["lon_deg"].to_numpy()
    is_fix = ~(np.isnan(lat_deg) | np.isnan(lon_deg))
    if not is_fix.any() or sub_sport == "virtual_activity":
        return {"has_gps": False, "start_lat_deg": math.nan, "start_lon_deg": math.nan}
    first = int(np.argmax(is_fix))
    return {
        "has_gps": True,
        "start_lat_deg": float(lat_deg[first]),
        "start_lon_deg": float(lon_deg[first]),
    }


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


def _distance_from_records_m(rows: pd.DataFrame) -> float:
    """Distance over the records: their own odometer, else the GPS track, else 0."""
    odometer = rows["distance_m"].dropna()
    if len(odometer) > 1 and odometer.max() > odometer.min():
        return float(odometer.max() - odometer.min())
    track = rows[["lat_deg", "lon_deg"]].dropna()
    if len(track) < 2:
        return 0.0
    lat_deg, lon_deg = track["lat_deg"].to_numpy(), track["lon_deg"].to_numpy()
    return float(great_circle_m(lat_deg[:-1], lon_deg[:-1], lat_deg[1:], lon_deg[1:]).sum())


def _moving_values(values: np.ndarray, rows: pd.DataFrame) -> np.ndarray:
    """The positive values taken while moving: zero means no reading, slow means standing."""
    speed_mps = rows["speed_mps"].to_numpy()
    moving = (values > 0) & ~(speed_mps < STOPPED_BELOW_MPS)
    return values[moving]


def _looks_like_running(moving_cadence: np.ndarray, speed_mps: float) -> bool:
    if moving_cadence.size == 0 or not RUN_SPEED_MPS[0] <= speed_mps <= RUN_SPEED_MPS[1]:
        return False
    median = float(np.median(moving_cadence))
    low, high = RUN_STRIDES_PER_MIN
    return low <= median <= high or 2 * low <= median <= 2 * high


def _written_average_cadence(values: dict[str, Any]) -> float | None:
    """The session's own average cadence as written (one foot or both), or None."""
    # avg_running_cadence is the name fitdecode gives avg_cadence when sport is running.
    cadence = as_positive(values.get("avg_running_cadence")) or as_positive(
        values.get("avg_cadence")
    )
    if cadence is None:
        return None
    return cadence + (as_number(values.get("avg_fractional_cadence")) or 0.0)


def cadence_factor_of(values: dict[str, Any], sport: str, rows: pd.DataFrame) -> float:
    """Steps per written unit for the session's cadence, its average and its records alike
    (units.cadence_factor: the moving records decide, else the session's average)."""
    moving = _moving_values(rows["raw_cadence"].to_numpy(), rows)
    return cadence_factor(sport, moving, _written_average_cadence(values))


def _avg_cadence_spm(
    values: dict[str, Any], sport: str, moving_cadence: np.ndarray, factor: float
) -> float:
    """The session's average steps/min: its own value, else the moving samples' mean.

    NaN for sports that are not on foot: a bike's cadence is crank turns, not steps.
    """
    if sport not in FOOT_SPORTS:
        return math.nan
    cadence = _written_average_cadence(values)
    if cadence is not None:
        return cadence * factor
    if moving_cadence.size == 0:
        return math.nan
    return float(moving_cadence.mean() * factor)


def _avg_hr_bpm(values: dict[str, Any], rows: pd.DataFrame) -> float:
    average = as_positive(values.get("avg_heart_rate"))
    if average is not None:
        return average
    beats = rows["hr_bpm"].to_numpy()
    beats = beats[beats > 0]
    return float(beats.mean()) if beats.size else math.nan


def _climb_m(values: dict[str, Any], rows: pd.DataFrame) -> tuple[float, float]:
    """Total ascent and descent: the session's, else from the altitude samples, smoothed.

    Each altitude is averaged with its neighbours (0.3, 0.4, 0.3, as gpxpy does) before the
    rises and falls are summed, so that sensor jitter does not count as climbing.
    """
    ascent_m = as_number(values.get("total_ascent"))
    descent_m = as_number(values.get("total_descent"))
    if ascent_m is not None and descent_m is not None:
        return ascent_m, descent_m
    altitude_m = rows["altitude_m"].dropna().to_numpy()
    if altitude_m.size < 2:
        return (
            ascent_m if ascent_m is not None else math.nan,
            descent_m if descent_m is not None else math.nan,
        )
    smoothed = altitude_m.copy()
    smoothed[1:-1] = 0.3 * altitude_m[:-2] + 0.4 * altitude_m[1:-1] + 0.3 * altitude_m[2:]
    steps_m = np.diff(smoothed)
    return (
        ascent_m if ascent_m is not None else float(steps_m[steps_m > 0].sum()),
        descent_m if descent_m is not None else float(-steps_m[steps_m < 0].sum()),
    )


def _surface(sport: str, sub_sport: str | None, words: tuple[Any, ...], has_gps: bool) -> str:
    if sport not in FOOT_SPORTS:
        return "unknown"  # a ride or a swim without GPS is not a treadmill run
    return surface_of(
        sub_sport=sub_sport,
        words=words,
        has_gps=has_gps,
        is_indoor=sub_sport in INDOOR_SUB_SPORTS,
    )


def samples_of(
    session: Session, rows: pd.DataFrame, fields: dict[str, Any], clock: Clock
) -> pd.DataFrame | None:
    """The session's samples in schema.SAMPLE_COLUMNS (without activity_id)."""
    if rows.empty:
        return None
    sport = fields["sport"]
    cadence = rows["raw_cadence"].to_numpy()
    if sport in FOOT_SPORTS:
        cadence = cadence * cadence_factor_of(session.values, sport, rows)
    # Other sports keep their cadence as the device wrote it (a bike's rpm); their
    # avg_cadence_spm is NaN, so no rule reads it as steps.
    return pd.DataFrame(
        {
            "time_utc": clock.sample_times(rows["time_s"].to_numpy()),
            "lat_deg": rows["lat_deg"].to_numpy(),
            "lon_deg": rows["lon_deg"].to_numpy(),
            "altitude_m": rows["altitude_m"].to_numpy(),
            "distance_m": rows["distance_m"].to_numpy(),
            "speed_mps": rows["speed_mps"].to_numpy(),
            "cadence_spm": cadence,
            "hr_bpm": rows["hr_bpm"].to_numpy(),
        }
    )
