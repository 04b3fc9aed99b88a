"""One track model: what GPX, TCX, FIT and Epson files hold, and the one function that makes
a record of it.

Each importer reads its format into a `Track`: its points in canonical units (in the file's
order), the totals the file states (laps, a session), and its words (sport, name, device).
`record_of` then makes the record, its samples, its climb and its cadence from any track in
the same way: the order the points are measured in (times that step back), distance, moving
and elapsed time, the sport of an unlabelled track, the cadence policy (units.cadence_factor),
heart rate, climb, GPS and surface. A total the file states wins over one measured from its
points: the device's own figure, with its pauses and its own sensor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analyzer import plausible
from analyzer.classify import surface_of
from analyzer.importers.base import Record
from analyzer.units import FOOT_SPORTS, ONE_DEGREE_M, cadence_factor, great_circle_m

# A point: time_utc (UTC, or wall time as if UTC for a track of wall times; NaT when untimed),
# position in degrees, altitude_m, the device's own cumulative distance_m and speed_mps,
# written_cadence (as written: one foot or both, decided per run), hr_bpm, and its segment
# (recording paused between segments: no distance across, the time between is a pause).
POINT_COLUMNS = (
    "time_utc",
    "lat_deg",
    "lon_deg",
    "altitude_m",
    "distance_m",
    "speed_mps",
    "written_cadence",
    "hr_bpm",
    "segment",
)
_FLAT_EARTH_MAX_DEG = 0.2  # gpxpy switches to haversine for points further apart than this

# A stop: the runner got less than STOP_SPEED_MPS further over the last STOP_WINDOW_S (a wait
# at a crossing or an aid station, recorded point by point) or across a longer gap (an app's
# auto-pause). A long gap crossed at walking pace or faster (GPS lost in a forest, a watch's
# smart recording) is still moving. Against Strava's own moving time in the archipelagic-strava
# export: runs +2 % and +3 %, a 16-hour ultra +9 % (4,471 s of it are gaps crossed at 1.2-3.3
# m/s, which Strava leaves out), a snowy hike -6 %; against OpenTracks' own, a walk +5 %.
# Gaps alone gave +2 %, +6 %, +16 %, +8 % and +9 %.
STOP_WINDOW_S = 30.0
STOP_SPEED_MPS = 0.5  # slower than any walk: standing, with GPS drift

# A track no word names the sport of (a GPX without a type or a sporty name, a FIT session
# of sport `generic`, as the Fenix 2's default profile writes runs): how it moves decides.
# A one-foot cadence of 65-105 strides/min (130-210 steps/min) at 1.7-7 m/s (a 2:23-9:48
# min/km pace) is a run. Else its median moving speed: faster than 3:20/km over a whole outing
# is a ride for the recreational runners runlog serves (casual rides at 18-25 km/h would
# otherwise count as runs), slower than 10:25 min/km (5.8 km/h) a walk or a hike, and between
# a run: runlog mostly receives runs.
RUN_STRIDES_PER_MIN = (65.0, 105.0)
RUN_SPEED_MPS = (1.7, 7.0)
CYCLING_ABOVE_MPS = 5.0
WALKING_BELOW_MPS = 1.6


@dataclass(frozen=True)
class Lap:
    """What a stretch of an activity states about itself (a TCX lap, a FIT session, an Epson
    run); NaN (NaT) where it states nothing. avg_written_cadence is as written: one foot or
    both, decided per run."""

    start_time_utc: pd.Timestamp = field(default=pd.NaT)
    elapsed_s: float = math.nan
    moving_s: float = math.nan  # timer time: pauses left out
    distance_m: float = math.nan
    ascent_m: float = math.nan
    descent_m: float = math.nan
    avg_hr_bpm: float = math.nan
    avg_written_cadence: float = math.nan


@dataclass(frozen=True)
class Points:
    """A track's points in the file's order (track_points): their times, and each other
    column of POINT_COLUMNS as a numpy array of the same length. Arrays, not a frame: a
    frame a file costs more than measuring the track (a 1-hour FIT run: 0.4 ms)."""

    time_utc: pd.DatetimeIndex  # nanoseconds, UTC (or wall time as if UTC); NaT: untimed
    values: dict[str, np.ndarray]


@dataclass(frozen=True)
class Track:
    """One activity as its file gives it, before anything is measured (see the module)."""

    points: Points  # POINT_COLUMNS, in the file's order (track_points)
    laps: tuple[Lap, ...]  # the stretches whose totals the file states
    sport: str | None  # what the file's words say; None: how the track moves decides
    sub_sport: str | None = None  # as the file writes it
    name: str | None = None
    notes: str | None = None
    device: str | None = None
    surface_words: tuple[Any, ...] = ()  # other words that may name the surface
    is_indoor: bool = False
    positions_are_places: bool = True  # False: a virtual world's (Zwift's Watopia)
    start_time_utc: pd.Timestamp = field(default=pd.NaT)  # the start the file states
    is_wall_time: bool = False  # its times are local wall time, written as if UTC
    utc_offset_s: int | None = None  # the device's own statement of local time
    stated_utc_offset_s: int | None = None  # an offset merely written in its timestamps


def lap(**stated: Any) -> Lap:
    """A Lap of what a file states, read as numbers (None, junk and negatives are NaN)."""
    values: dict[str, Any] = {}
    for name, value in stated.items():
        if name == "start_time_utc":
            values[name] = pd.Timestamp(value) if value is not None else pd.NaT
            continue
        try:
            number = float(value) if value is not None else math.nan
        except (TypeError, ValueError):
            number = math.nan
        values[name] = number if math.isfinite(number) and number >= 0 else math.nan
    return Lap(**values)


def track_points(length: int, **columns: Any) -> Points:
    """The points of `length` rows: the columns given, the rest missing (segment 0)."""
    times = columns.get("time_utc")
    values: dict[str, np.ndarray] = {}
    for name in POINT_COLUMNS[1:]:
        if name in columns:
            values[name] = np.asarray(columns[name])
        elif name == "segment":
            values[name] = np.zeros(length, dtype=np.int64)
        else:
            values[name] = np.full(length, np.nan)
    return Points(
        time_utc=_in_nanoseconds(times)
        if times is not None
        else pd.DatetimeIndex(np.full(length, np.datetime64("NaT", "ns")), tz="UTC"),
        values=values,
    )


def record_of(track: Track) -> tuple[Record, str | None]:
    """The record of a track, samples included, and the notice of the order its points were
    measured in when their times step back (None when they never do)."""
    times = track.points.time_utc
    point = track.points.values
    times_s = seconds_of(times)
    order = plausible_order(
        times_s, point["segment"], point["lat_deg"], point["lon_deg"], point["distance_m"]
    )
    if order.positions is not None:
        point = {name: values[order.positions] for name, values in point.items()}
        times, times_s = times[order.positions], times_s[order.positions]
    laps = track.laps
    is_timed = ~np.isnan(times_s)
    if is_timed.all():
        timed, timed_times = point, times
    else:
        timed = {name: values[is_timed] for name, values in point.items()}
        timed_times = times[is_timed]
    timed_s = times_s[is_timed]
    segment = timed["segment"]
    lat_deg, lon_deg = timed["lat_deg"], timed["lon_deg"]
    odometer_m = timed["distance_m"]
    device_speed_mps = timed["speed_mps"]
    has_odometer = bool((~np.isnan(odometer_m)).any())
    has_speed = bool((~np.isnan(device_speed_mps)).any())
    gps_step_m = step_distances_m(lat_deg, lon_deg)
    step_m = np.where(np.isnan(odometer_m), gps_step_m, np.diff(odometer_m, prepend=np.nan))
    step_m[segment_starts(segment)] = np.nan

    stated_moving_s = _stated_sum(laps, "moving_s")
    moving_step_s = np.zeros(len(timed_s))
    derived_speed_mps = np.full(len(timed_s), np.nan)
    if len(timed_s) and (math.isnan(stated_moving_s) or not has_speed):
        moving_step_s, derived_speed_mps = motion_of(timed_s, step_m, segment, lat_deg, lon_deg)
    # Moving: the device's own speed says so where it has one, else the stops found above.
    with np.errstate(invalid="ignore"):
        is_moving = ~(device_speed_mps < STOP_SPEED_MPS) if has_speed else moving_step_s > 0
    speed_mps = device_speed_mps if has_speed else derived_speed_mps

    distance_m = _stated_sum(laps, "distance_m")
    if math.isnan(distance_m):
        distance_m = _distance_from_points_m(point)
    moving_s = stated_moving_s if not math.isnan(stated_moving_s) else float(moving_step_s.sum())
    start, elapsed_s = _start_and_elapsed_s(track, timed_times, timed_s, moving_s)

    written = timed["written_cadence"]
    sport = track.sport or _sport_by_motion(speed_mps, is_moving, written)
    stated_cadence = _lap_average(laps, "avg_written_cadence")
    factor = cadence_factor(sport, written[is_moving], stated_cadence)
    cadence_spm = written * factor  # NaN where the sport's cadence is not steps
    if not math.isnan(stated_cadence):
        avg_cadence_spm = stated_cadence * factor
    else:
        avg_cadence_spm = mean_of_positive(cadence_spm, is_moving)
    hr_bpm = timed["hr_bpm"]
    avg_hr_bpm = _lap_average(laps, "avg_hr_bpm")
    if math.isnan(avg_hr_bpm):
        avg_hr_bpm = mean_of_positive(hr_bpm, is_moving)
    ascent_m, descent_m = _stated_sum(laps, "ascent_m"), _stated_sum(laps, "descent_m")
    if math.isnan(ascent_m) or math.isnan(descent_m):
        climbed = climb_m(point["altitude_m"], point["segment"])
        ascent_m = climbed[0] if math.isnan(ascent_m) else ascent_m
        descent_m = climbed[1] if math.isnan(descent_m) else descent_m

    all_lat, all_lon = point["lat_deg"], point["lon_deg"]
    placed = ~np.isnan(all_lat) & ~np.isnan(all_lon)
    has_gps = bool(placed.any()) and track.positions_are_places
    first_fix = int(np.argmax(placed)) if has_gps else None
    fields: dict[str, Any] = {
        "start_time_utc": pd.NaT if track.is_wall_time else start,
        "sport": sport,
        "sub_sport": track.sub_sport.lower() if track.sub_sport else None,
        "surface": _surface(track, sport, has_gps if len(times) else None),
        "distance_m": distance_m,
        "elapsed_s": elapsed_s,
        "moving_s": moving_s,
        "ascent_m": ascent_m,
        "descent_m": descent_m,
        "avg_speed_mps": distance_m / moving_s if moving_s > 0 else math.nan,
        "avg_cadence_spm": avg_cadence_spm,
        # a track's cadence is what the device recorded, never worked out from steps
        "cadence_is_derived": False if not math.isnan(avg_cadence_spm) else None,
        "avg_hr_bpm": avg_hr_bpm,
        "name": track.name,
        "notes": track.notes,
        "device": track.device,
        "has_gps": has_gps,
        "start_lat_deg": float(all_lat[first_fix]) if first_fix is not None else math.nan,
        "start_lon_deg": float(all_lon[first_fix]) if first_fix is not None else math.nan,
    }
    if track.is_wall_time and pd.notna(start):
        fields["start_time_local"] = start.tz_localize(None)
    if track.utc_offset_s is not None:
        fields["utc_offset_s"] = track.utc_offset_s
    if track.stated_utc_offset_s is not None:
        fields["stated_utc_offset_s"] = track.stated_utc_offset_s
    samples = None
    if len(timed_s):
        samples = pd.DataFrame(
            {
                "time_utc": timed_times.array,
                "lat_deg": lat_deg,
                "lon_deg": lon_deg,
                "altitude_m": timed["altitude_m"],
                "distance_m": odometer_m
                if has_odometer
                else np.cumsum(np.where(segment_starts(segment), 0.0, np.nan_to_num(gps_step_m))),
                "speed_mps": speed_mps,
                "cadence_spm": cadence_spm,
                "hr_bpm": hr_bpm,
            }
        )
    return Record(fields=fields, samples=samples), order.notice


def _stated_sum(laps: tuple[Lap, ...], name: str) -> float:
    """The laps' total of a figure, or NaN when no lap states one."""
    stated = [value for item in laps if not math.isnan(value := getattr(item, name))]
    return float(sum(stated)) if stated else math.nan


def _lap_average(laps: tuple[Lap, ...], name: str) -> float:
    """The laps' average of a figure weighted by their timer time, when every timed lap
    states one (the device's own figure); NaN otherwise."""
    timed = [item for item in laps if item.moving_s > 0]
    if timed:
        values = [getattr(item, name) for item in timed]
        if not all(value > 0 for value in values):
            return math.nan
        return float(np.average(values, weights=[item.moving_s for item in timed]))
    present = [value for item in laps if (value := getattr(item, name)) > 0]
    return float(np.mean(present)) if present else math.nan


def _distance_from_points_m(point: dict[str, np.ndarray]) -> float:
    """Distance over the points (their columns): the device's own cumulative distance, else
    the GPS path (every point with a position, never across segments, as gpxpy's
    length_2d), else 0."""
    odometer_m = point["distance_m"][~np.isnan(point["distance_m"])]
    if len(odometer_m) > 1 and odometer_m.max() > odometer_m.min():
        return float(odometer_m.max() - odometer_m.min())
    lat_deg, lon_deg = point["lat_deg"], point["lon_deg"]
    placed = ~np.isnan(lat_deg) & ~np.isnan(lon_deg)
    if placed.sum() < 2:
        return 0.0
    steps_m = step_distances_m(lat_deg[placed], lon_deg[placed])
    steps_m[segment_starts(point["segment"][placed])] = np.nan
    return float(np.nansum(steps_m))


def _start_and_elapsed_s(
    track: Track, times: pd.DatetimeIndex, timed_s: np.ndarray, moving_s: float
) -> tuple[pd.Timestamp, float]:
    """The start (the one stated, else the first lap's, else the first point's) and the
    wall-clock seconds: stated, else to the last point or lap end. The wall clock never runs
    slower than the timer (an Edge export: 1,632 s elapsed, 2,760 s of timer and records)."""
    lap_starts = [item.start_time_utc for item in track.laps if pd.notna(item.start_time_utc)]
    candidates = [track.start_time_utc, min(lap_starts, default=pd.NaT), times.min()]
    start = next((value for value in candidates if pd.notna(value)), pd.NaT)
    elapsed_s = _stated_sum(track.laps, "elapsed_s")
    if math.isnan(elapsed_s) and pd.notna(start):
        ends_s = [float(np.max(timed_s))] if len(timed_s) else []
        ends_s += [
            item.start_time_utc.timestamp() + (0.0 if math.isnan(item.moving_s) else item.moving_s)
            for item in track.laps
            if pd.notna(item.start_time_utc)
        ]
        elapsed_s = max(max(ends_s, default=start.timestamp()) - start.timestamp(), 0.0)
    if elapsed_s < moving_s:
        elapsed_s = moving_s
    return start, elapsed_s


def _sport_by_motion(speed_mps: np.ndarray, is_moving: np.ndarray, written: np.ndarray) -> str:
    """The sport of a track no word names, from its cadence and median moving speed."""
    speeds = speed_mps[is_moving] if is_moving.any() else speed_mps
    speeds = speeds[~np.isnan(speeds)]
    median_mps = float(np.median(speeds)) if speeds.size else math.nan
    counted = written[is_moving & (written > 0)]
    if counted.size and RUN_SPEED_MPS[0] <= median_mps <= RUN_SPEED_MPS[1]:
        typical = float(np.median(counted))
        low, high = RUN_STRIDES_PER_MIN
        if low <= typical <= high or 2 * low <= typical <= 2 * high:
            return "running"
    return sport_by_speed(median_mps)


def sport_by_speed(speed_mps: float) -> str:
    """The sport a speed over a whole outing suggests when nothing else says: a ride above
    CYCLING_ABOVE_MPS, a walk below WALKING_BELOW_MPS, else a run; 'other' when unknown."""
    if math.isnan(speed_mps):
        return "other"  # nothing says how it moved: not a guess
    if speed_mps > CYCLING_ABOVE_MPS:
        return "cycling"
    if speed_mps < WALKING_BELOW_MPS:
        return "walking"
    return "running"


def _surface(track: Track, sport: str, has_gps: bool | None) -> str:
    """The surface the words name, else treadmill for a foot sport without GPS indoors;
    'unknown' for other sports (a ride or a swim without GPS is not a treadmill run)."""
    if sport not in FOOT_SPORTS:
        return "unknown"
    return surface_of(
        sub_sport=track.sub_sport,
        words=(track.name, track.notes, *track.surface_words),
        has_gps=has_gps,
        is_indoor=track.is_indoor,
    )


def _in_nanoseconds(times: Any) -> pd.DatetimeIndex:
    """Times as a DatetimeIndex of nanoseconds (those that are one already, as they are)."""
    if isinstance(times, pd.DatetimeIndex) and times.unit == "ns":
        return times  # an index is immutable: no copy is needed
    return pd.DatetimeIndex(times).as_unit("ns")


def seconds_of(times: pd.Series) -> np.ndarray:
    """UTC times as seconds since 1970 (float64), NaN where a time is missing."""
    nanoseconds = _in_nanoseconds(times).asi8
    seconds = nanoseconds / 1e9
    seconds[nanoseconds == np.iinfo(np.int64).min] = np.nan
    return seconds


@dataclass(frozen=True)
class Order:
    """The order a track is measured in: None keeps the file's, else the positions to take
    the points in; and the notice that says which and why (None when no time steps back)."""

    positions: np.ndarray | None
    notice: str | None


SPEED_WINDOW_S = 30.0  # the span over which an order's speed is judged (see _path_of)


def plausible_order(
    times_s: np.ndarray,
    segment: np.ndarray,
    lat_deg: np.ndarray,
    lon_deg: np.ndarray,
    odometer_m: np.ndarray | None = None,
) -> Order:
    """The order whose path is plausible, for points whose times step back within a segment.

    Two writers make such files, and each order is right for one of them. Sports Tracker
    writes its points in route order with clocks that jitter back a second, thousands of
    times a run: in time order the path zigzags (a 12.3 km run measured 36.6 km). Another
    writer shuffles its points, or appends a stretch out of order: in the file's order the
    path zigzags (a 6.7 km run measured 584 km). So both orders are measured, and the shorter
    is kept, unless only time order moves at a speed something on the ground can go
    (plausible.MAX_SPEED_MPS, see _path_of). Untimed points (NaN) follow their segment's
    timed ones in time order. Lengths come from the positions, else from a device's
    cumulative distance; without either, time order is kept (nothing to measure).
    """
    same_segment = np.zeros(len(times_s), dtype=bool)
    same_segment[1:] = segment[1:] == segment[:-1]
    with np.errstate(invalid="ignore"):
        backwards = int((same_segment[1:] & (times_s[1:] < times_s[:-1])).sum())
    if not backwards:
        return Order(None, None)
    # time order within each segment, untimed points last (lexsort sorts by its last key)
    untimed = np.isnan(times_s)
    by_time = np.lexsort((np.where(untimed, 0.0, times_s), untimed, segment))
    in_file = _path_of(times_s, segment, lat_deg, lon_deg, odometer_m)
    in_time = _path_of(
        times_s[by_time],
        segment[by_time],
        lat_deg[by_time],
        lon_deg[by_time],
        None if odometer_m is None else odometer_m[by_time],
    )
    points = f"{backwards:,} of its points went back in time"
    if in_file is None or in_time is None:
        return Order(by_time, f"{points} (written out of order); sorted them by time")
    (file_m, file_mps), (time_m, time_mps) = in_file, in_time
    file_km, time_km = _kilometres(file_m, time_m)
    if time_m < file_m:
        return Order(
            by_time,
            f"{points} (written out of order); measured them in time order, {time_km}: "
            f"in the file's order the path doubles back over {file_km}",
        )
    if time_mps <= plausible.MAX_SPEED_MPS < file_mps:
        return Order(
            by_time,
            f"{points}; measured them in time order, {time_km}: in the file's order "
            f"({file_km}) they move at {file_mps * 3.6:,.0f} km/h, faster than anything on "
            "the ground",
        )
    return Order(
        None,
        f"{points} (in route order, stamped by a clock that steps back); measured them in "
        f"the file's order, {file_km}: in time order the path doubles back over {time_km}",
    )


def _path_of(
    times_s: np.ndarray,
    segment: np.ndarray,
    lat_deg: np.ndarray,
    lon_deg: np.ndarray,
    odometer_m: np.ndarray | None,
) -> tuple[float, float] | None:
    """The length of the points' path in this order (metres, never across segments) and its
    fastest speed (m/s); None when the points have neither positions nor a cumulative
    distance.

    The speed is the path walked within SPEED_WINDOW_S of the clock, over that window; the
    clock never runs back (a point stamped earlier than one before it stands at that one's
    time). A GPS spike or a late stamp moves it little; a path that crosses the whole run
    and back while the clock stands (points in random order) moves it past any sport's.
    """
    placed = ~np.isnan(lat_deg) & ~np.isnan(lon_deg)
    if placed.sum() > 1:
        times_s, segment = times_s[placed], segment[placed]
        step_m = step_distances_m(lat_deg[placed], lon_deg[placed])
    elif odometer_m is not None and (~np.isnan(odometer_m)).sum() > 1:
        counted = ~np.isnan(odometer_m)
        times_s, segment = times_s[counted], segment[counted]
        step_m = np.abs(np.diff(odometer_m[counted], prepend=np.nan))
    else:
        return None
    step_m[segment_starts(segment)] = np.nan
    walked_m = np.cumsum(np.nan_to_num(step_m))
    clock_s = np.maximum.accumulate(np.where(np.isnan(times_s), -np.inf, times_s))
    # each point's window: the points since the clock stood SPEED_WINDOW_S before it
    window_start = np.searchsorted(clock_s, clock_s - SPEED_WINDOW_S, side="left")
    fastest_mps = float(np.max(walked_m - walked_m[window_start])) / SPEED_WINDOW_S
    return float(walked_m[-1]), fastest_mps


def _kilometres(first_m: float, second_m: float) -> tuple[str, str]:
    """Two distances in km, with as many decimals as it takes to tell them apart (up to 3)."""
    for decimals in (1, 2, 3):
        first, second = (f"{metres / 1000:,.{decimals}f} km" for metres in (first_m, second_m))
        if first != second:
            break
    return first, second


def step_distances_m(lat_deg: np.ndarray, lon_deg: np.ndarray) -> np.ndarray:
    """Distance from each point to the one before it, metres; NaN for the first point."""
    steps = np.full(len(lat_deg), np.nan)
    steps[1:] = distances_m(lat_deg[:-1], lon_deg[:-1], lat_deg[1:], lon_deg[1:])
    return steps


def distances_m(
    lat_1: np.ndarray, lon_1: np.ndarray, lat_2: np.ndarray, lon_2: np.ndarray
) -> np.ndarray:
    """Distance between paired points, metres (NaN where a position is missing).

    gpxpy's formula, so totals match its length_2d: flat earth scaled by cos(latitude) for
    nearby points, haversine for points more than 0.2 degrees apart.
    """
    flat = np.hypot(lat_1 - lat_2, (lon_1 - lon_2) * np.cos(np.radians(lat_1))) * ONE_DEGREE_M
    far = (np.abs(lat_1 - lat_2) > _FLAT_EARTH_MAX_DEG) | (
        np.abs(lon_1 - lon_2) > _FLAT_EARTH_MAX_DEG
    )
    if not far.any():
        return flat
    return np.where(far, great_circle_m(lat_1, lon_1, lat_2, lon_2), flat)


def segment_starts(segment: np.ndarray) -> np.ndarray:
    """True where a point opens a new segment (the first point included)."""
    starts = np.ones(len(segment), dtype=bool)
    starts[1:] = segment[1:] != segment[:-1]
    return starts


def moving_seconds(
    elapsed_s: np.ndarray,
    step_m: np.ndarray,
    starts: np.ndarray,
    lat_deg: np.ndarray,
    lon_deg: np.ndarray,
) -> np.ndarray:
    """Seconds each interval (from the point before) counts as moving; 0 for the rest.

    Not moving: the jump into a new segment (a pause), a time step backwards or nil, and an
    interval that ends a stop: less than STOP_SPEED_MPS over the last STOP_WINDOW_S of its
    segment (since the last long gap), or across a gap longer than that. The distance over a
    window is the straight line between its ends where both have a position (GPS jitter
    while standing adds path length, not displacement), else the steps' sum. Where neither
    is known, only gaps over STOP_WINDOW_S are stops.
    """
    count = len(elapsed_s)
    index = np.arange(count)
    # A step back in time (points kept in the file's order) does not rewind the clock: the
    # step forward after it counts only the time beyond the latest point before.
    clock_s = np.maximum.accumulate(elapsed_s)
    step_s = np.diff(clock_s, prepend=np.nan)
    known = ~np.isnan(step_m)
    path_m = np.cumsum(np.where(known, step_m, 0.0))
    unknown_steps = np.cumsum(~known & ~starts)
    segment_first = np.maximum.accumulate(np.where(starts, index, 0))
    # A long gap is judged on its own, and the windows after it do not reach back across it.
    after_gap = np.maximum.accumulate(np.where(step_s > STOP_WINDOW_S, index, 0))
    floor = np.maximum(segment_first, np.where(index == after_gap, index - 1, after_gap))
    # The last point at least STOP_WINDOW_S before each point, within those bounds.
    back = np.searchsorted(clock_s, clock_s - STOP_WINDOW_S, side="right") - 1
    back = np.maximum(back, floor)
    window_s = clock_s - clock_s[back]
    window_m = distances_m(lat_deg[back], lon_deg[back], lat_deg, lon_deg)
    by_path = np.isnan(window_m) & (unknown_steps - unknown_steps[back] == 0)
    window_m = np.where(by_path, path_m - path_m[back], window_m)
    is_judged = ~np.isnan(window_m) & (window_s > 0)
    is_stop = is_judged & (window_m < STOP_SPEED_MPS * window_s)
    is_stop |= ~is_judged & (step_s > STOP_WINDOW_S)
    counts = (step_s > 0) & ~starts & ~is_stop
    return np.where(counts, step_s, 0.0)


def motion_of(
    times_s: np.ndarray,
    step_m: np.ndarray,
    segment: np.ndarray,
    lat_deg: np.ndarray,
    lon_deg: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Per point, the moving seconds and the speed (m/s) of the interval that ends there.

    Speed is NaN where the time does not move forward (beyond every point before) or the
    step has no distance.
    """
    starts = segment_starts(segment)
    step_m = np.where(starts, np.nan, step_m)
    elapsed_s = times_s - np.min(times_s)
    moving_step_s = moving_seconds(elapsed_s, step_m, starts, lat_deg, lon_deg)
    step_s = np.diff(np.maximum.accumulate(elapsed_s), prepend=np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        speed_mps = np.where(step_s > 0, step_m / step_s, np.nan)
    return moving_step_s, speed_mps


def climb_m(altitude_m: np.ndarray, segment: np.ndarray) -> tuple[float, float]:
    """Total ascent and descent in metres, per segment, as gpxpy computes them; NaN for
    both without two altitudes (no altitude is no climb known, not a flat run).

    Each altitude is smoothed with its neighbours (0.3, 0.4, 0.3) before the rises and falls
    are summed, so that sensor jitter does not count as climbing; points without altitude
    are skipped.
    """
    known = ~np.isnan(altitude_m)
    altitude, segment = altitude_m[known], segment[known]
    if len(altitude) < 2:
        return math.nan, math.nan
    same_before = np.zeros(len(altitude), dtype=bool)
    same_before[1:] = segment[1:] == segment[:-1]
    same_after = np.zeros(len(altitude), dtype=bool)
    same_after[:-1] = same_before[1:]
    before = np.roll(altitude, 1)
    after = np.roll(altitude, -1)
    inner = same_before & same_after
    smoothed = np.where(inner, 0.3 * before + 0.4 * altitude + 0.3 * after, altitude)
    rise = np.diff(smoothed)[same_before[1:]]
    return float(rise[rise > 0].sum()), 0.0 - float(rise[rise < 0].sum())


def mean_of_positive(values: np.ndarray, is_moving: np.ndarray) -> float:
    """Mean of the values above zero while moving (zeros are a sensor's 'no reading'), or NaN."""
    chosen = values[is_moving & (values > 0)]
    return float(chosen.mean()) if chosen.size else float("nan")
