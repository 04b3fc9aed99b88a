"""What the GPX and TCX importers share: lenient XML, ISO times, and totals from timed points.

Both formats are XML written by many tools, not always well-formed, and both carry a list of
timed points (split into segments at pauses) from which distance, moving time, climb,
cadence and heart rate follow in the same way. Everything here works on whole columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from lxml import etree

from analyzer import plausible
from analyzer.errors import BadFile, FileErrorKind
from analyzer.units import FOOT_SPORTS, ONE_DEGREE_M, great_circle_m, one_foot_factor

_UTF8_BOM = b"\xef\xbb\xbf"
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

# Cadence fields in GPX and TCX usually count one foot; some writers store steps/min. If three
# quarters of the moving samples are one-foot sized (units.one_foot_factor) the file counts one foot
# and is doubled [docs/FORMATS.md §2, §7.1; Runalyze treadmill file].

# A character reference to no character (a lone UTF-16 surrogate such as &#xD800;, a control
# character, past U+10FFFF): libxml2 lets some through and reading the text then fails.
_CHARACTER_REFERENCE = re.compile(rb"&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});")
# A zone after a time of day: 'Z', '+02:00', '-0500', '+01'.
_ZONE = re.compile(r"\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)$", re.IGNORECASE)


def without_preamble(data: bytes) -> bytes:
    """The bytes from the markup on: Strava pads XML with spaces, some tools add a UTF-8 BOM."""
    stripped = data.lstrip()
    while stripped.startswith(_UTF8_BOM):
        stripped = stripped[len(_UTF8_BOM) :].lstrip()
    return stripped


def parsed_xml(data: bytes) -> tuple[etree._Element, str | None]:
    """The document's root element, and what was wrong with it if it had to be recovered.

    A file that is not well-formed (an undeclared prefix, an end cut off) is parsed again in
    lxml's recover mode, which keeps what it can; the second value then names the damage for
    the importer's problem line. Raises BadFile when nothing can be recovered.
    """
    if not data.strip():
        raise BadFile("is empty", FileErrorKind.EMPTY)
    if b"&#" in data:
        data = _CHARACTER_REFERENCE.sub(_character_or_replacement, data)
    try:
        return etree.fromstring(data, _parser(recover=False)), None
    except etree.XMLSyntaxError as err:
        raise_if_out_of_memory(err)
        error = err
    except (etree.LxmlError, ValueError, LookupError) as err:
        raise BadFile(f"is not readable XML ({err})", FileErrorKind.BROKEN_XML) from err
    try:
        root = etree.fromstring(data, _parser(recover=True))
    except (etree.LxmlError, ValueError, LookupError) as err:
        raise BadFile(
            f"is not readable XML ({_damage_of(error)})", FileErrorKind.BROKEN_XML
        ) from err
    if root is None:
        raise BadFile(f"is not readable XML ({_damage_of(error)})", FileErrorKind.BROKEN_XML)
    name = local_name(root.tag)
    closing = rb"</(?:[\w.-]+:)?" + re.escape(name.encode()) + rb"\s*>\s*$"
    if name and not re.search(closing, data[-512:]):
        lines = data.count(b"\n") + 1
        return root, f"it ends on line {lines:,} without its closing </{name}>: cut short?"
    return root, _damage_of(error)


def raise_if_out_of_memory(err: etree.XMLSyntaxError) -> None:
    """MemoryError when libxml2 ran out of memory: it says so only in its error code (its
    message is 'unknown error'), and the file is not broken."""
    if err.code == etree.ErrorTypes.ERR_NO_MEMORY:
        raise MemoryError("libxml2 could not allocate memory") from err


def _character_or_replacement(reference: re.Match[bytes]) -> bytes:
    """The reference as written when it names a character XML allows, else U+FFFD's."""
    digits = reference[1]
    code = int(digits[1:], 16) if digits[:1] == b"x" else int(digits)
    is_allowed = (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )
    return reference[0] if is_allowed else b"&#xFFFD;"


def _parser(*, recover: bool) -> etree.XMLParser:
    # No entities, no network: a file cannot make runlog read other files or the web.
    return etree.XMLParser(
        recover=recover,
        resolve_entities=False,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
    )


def _damage_of(err: etree.XMLSyntaxError) -> str:
    """lxml's complaint as a clause: 'namespace prefix xsi ... is not defined, line 4,653'."""
    message = re.sub(r",? (line \d+, )?column \d+.*$", "", str(err.msg or err)).strip()
    message = re.sub(r" line \d+$", "", message)
    message = message[:1].lower() + message[1:]
    return f"{message}, line {err.lineno:,}" if err.lineno else message


def local_name(tag: object) -> str:
    """An element's name without namespace or prefix ('{uri}hr', 'ns3:hr', 'hr' -> 'hr')."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].rpartition(":")[2]


def numbers(values: list[str | None]) -> np.ndarray:
    """Texts as float64, NaN where missing, unreadable or infinite."""
    try:  # the common case, every value a plain number, at C speed
        array = np.asarray(values, dtype="float64")
    except (TypeError, ValueError):
        if values.count(None) == len(values):
            return np.full(len(values), np.nan)
        parsed = pd.to_numeric(pd.Series(values, dtype="object"), errors="coerce")
        array = parsed.to_numpy(dtype="float64", na_value=np.nan)
    return np.where(np.isfinite(array), array, np.nan)


def within(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """The values, NaN outside [low, high]: a sensor's 'invalid' code or junk, not a reading."""
    return np.where((values >= low) & (values <= high), values, np.nan)


def utc_times(texts: list[str | None]) -> tuple[pd.Series, bool, int | None]:
    """ISO-8601 texts as tz-aware UTC; whether they carry no zone; the UTC offset they state.

    Times with `Z` or an offset are converted at face value. Times with neither are local wall
    time (gpxpy returns them naive): they come back as if they were UTC and the second value
    is True, so the caller can hand them on as wall time. The third value is the offset
    written in the texts, in seconds, when it is not zero (`+02:00` -> 7200). A file writes
    all its times one way, so its first and last written times decide both.
    """
    ends = [
        next((text.strip() for text in ordered if text and text.strip()), None)
        for ordered in (texts, reversed(texts))
    ]
    written = [text for text in ends if text]
    zones = [found.group(1) for text in written if (found := _ZONE.search(text))]
    is_naive = bool(written) and not zones
    offset_s = None
    offset = next((zone for zone in zones if zone.upper() != "Z"), None)
    if offset:
        digits = offset[1:].replace(":", "")
        seconds = int(digits[:2]) * 3600 + int(digits[2:] or 0) * 60
        offset_s = (-seconds if offset[0] == "-" else seconds) or None
    times = pd.to_datetime(
        pd.Series(texts, dtype="object"), utc=True, format="ISO8601", errors="coerce"
    )
    times = times.where(plausible.is_plausible_time(times))
    return times.astype("datetime64[ns, UTC]"), is_naive, offset_s


def seconds_of(times: pd.Series) -> np.ndarray:
    """UTC times as seconds since 1970 (float64), NaN where a time is missing."""
    return (times - pd.Timestamp(0, tz="UTC")).dt.total_seconds().to_numpy(dtype="float64")


def years_out_of_range(texts: list[str | None]) -> str | None:
    """'in 1900' or 'from 1970 to 2100' when the texts hold times, none of them in the years
    runs are dated in (utc_times leaves those out); None when they hold no readable time."""
    times = pd.to_datetime(
        pd.Series(texts, dtype="object"), utc=True, format="ISO8601", errors="coerce"
    ).dropna()
    if times.empty or plausible.is_plausible_time(times).any():
        return None
    first, last = int(times.dt.year.min()), int(times.dt.year.max())
    return f"in {first}" if first == last else f"from {first} to {last}"


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
    times: pd.Series,
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
    elapsed_s = (times - times.min()).dt.total_seconds().to_numpy()
    moving_step_s = moving_seconds(elapsed_s, step_m, starts, lat_deg, lon_deg)
    step_s = np.diff(np.maximum.accumulate(elapsed_s), prepend=np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        speed_mps = np.where(step_s > 0, step_m / step_s, np.nan)
    return moving_step_s, speed_mps


def climb_m(altitude_m: np.ndarray, segment: np.ndarray) -> tuple[float, float]:
    """Total ascent and descent in metres, per segment, as gpxpy computes them.

    Each altitude is smoothed with its neighbours (0.3, 0.4, 0.3) before the rises and falls
    are summed; points without altitude are skipped.
    """
    known = ~np.isnan(altitude_m)
    altitude, segment = altitude_m[known], segment[known]
    if len(altitude) < 2:
        return 0.0, 0.0
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


def steps_per_minute(written_cadence: np.ndarray, is_moving: np.ndarray, sport: str) -> np.ndarray:
    """Cadence as written, in steps/min for foot sports (doubled when the file counts one
    foot); NaN for other sports, whose cadence (pedal or paddle strokes) is not steps."""
    if sport not in FOOT_SPORTS:
        return np.full(len(written_cadence), np.nan)
    return written_cadence * cadence_factor(written_cadence[is_moving], sport)


def cadence_factor(written_cadence: np.ndarray, sport: str) -> float:
    """2.0 when cadence values as written count one foot (the usual case), 1.0 for steps/min."""
    counted = written_cadence[written_cadence > 0]
    if counted.size == 0:
        return 2.0
    return one_foot_factor(float(np.quantile(counted, 0.75)), sport)


def mean_of_positive(values: np.ndarray, is_moving: np.ndarray) -> float:
    """Mean of the values above zero while moving (zeros are a sensor's 'no reading'), or NaN."""
    chosen = values[is_moving & (values > 0)]
    return float(chosen.mean()) if chosen.size else float("nan")
