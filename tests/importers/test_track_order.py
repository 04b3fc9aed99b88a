"""Points whose times step back: measured in the order whose path is plausible.

Two writers make such tracks, each built here as it writes them:
  - Sports Tracker writes its points in route order, each stamped with the whole second it
    was written in, and its clock lags a second at random: thousands of steps back a run.
    The file's order is the route (gpxpy's length_2d agrees); time order zigzags.
  - A shuffling writer (or one that appends a stretch out of order) keeps every time
    right but not the order: time order is the route; the file's order zigzags.
A 12.3 km run of the first kind must not read as a longer one, and a 6.7 km run of the
second must not read hundreds of km; each in GPX, TCX and FIT.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from dataclasses import dataclass

import gpxpy
import numpy as np
import pytest

from analyzer.errors import FileErrorKind
from analyzer.importers import Imported, fit, gpx, tcx
from analyzer.importers._track import Order, plausible_order
from tests.fitwriter import SEMICIRCLES_PER_DEGREE, FitMessage, encode_fit, simple_run_messages
from tests.importers import reasons
from tests.importers.test_gpx import METRES_PER_DEGREE

START = dt.datetime(2024, 5, 1, 6, 0, tzinfo=dt.UTC)
CENTRE_DEG = (60.17, 24.94)  # Helsinki, where Sports Tracker began


@dataclass(frozen=True)
class Track:
    """Points in the order a writer writes them: whole seconds from START, degrees."""

    seconds: np.ndarray
    lat_deg: np.ndarray
    lon_deg: np.ndarray


def loop(distance_m: float, duration_s: float, points: int) -> Track:
    """Points evenly in time round a circle `distance_m` long, in route order."""
    true_s = np.linspace(0, duration_s, points)
    angle = 2 * np.pi * true_s / duration_s
    radius_m = distance_m / (2 * np.pi)
    lat_deg = CENTRE_DEG[0] + radius_m * np.sin(angle) / METRES_PER_DEGREE
    lon_deg = CENTRE_DEG[1] + radius_m * (1 - np.cos(angle)) / (
        METRES_PER_DEGREE * math.cos(math.radians(CENTRE_DEG[0]))
    )
    return Track(true_s, lat_deg, lon_deg)


def sports_tracker(distance_m: float = 12_300, duration_s: float = 4_200) -> Track:
    """Route order; a fix every half second stamped with its whole second, half of them a
    second late (so a stamp steps back a second, about a thousand times an hour)."""
    route = loop(distance_m, duration_s, int(duration_s * 2) + 1)
    late = np.random.default_rng(26).random(len(route.seconds)) < 0.5
    return Track(np.floor(route.seconds) + late, route.lat_deg, route.lon_deg)


def shuffled(distance_m: float = 6_700, duration_s: float = 2_400) -> Track:
    """Every time right, a fix a second, the points in random order."""
    route = loop(distance_m, duration_s, int(duration_s) + 1)
    order = np.random.default_rng(7).permutation(len(route.seconds))
    return Track(np.round(route.seconds)[order], route.lat_deg[order], route.lon_deg[order])


def stamp(seconds: float) -> dt.datetime:
    return START + dt.timedelta(seconds=float(seconds))


def gpx_bytes(track: Track) -> bytes:
    """As Sports Tracker writes GPX: its creator and link, the date as the name, no type."""
    points = "".join(
        f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>12.0</ele>'
        f"<time>{stamp(second):%Y-%m-%dT%H:%M:%S.000Z}</time></trkpt>"
        for second, lat, lon in zip(track.seconds, track.lat_deg, track.lon_deg, strict=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
        '<gpx xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" '
        'creator="Sports Tracker" version="1.1"><metadata><name>01/05/2024 08:00</name>'
        "<desc>Evening loop</desc><author><name>Runner</name></author>"
        '<link href="www.sports-tracker.com"><text>Sports Tracker</text></link></metadata>'
        f"<trk><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def tcx_bytes(track: Track) -> bytes:
    """One lap of timer time only, so the distance is measured from the trackpoints."""
    points = "".join(
        f"<Trackpoint><Time>{stamp(second):%Y-%m-%dT%H:%M:%SZ}</Time><Position>"
        f"<LatitudeDegrees>{lat:.7f}</LatitudeDegrees>"
        f"<LongitudeDegrees>{lon:.7f}</LongitudeDegrees></Position></Trackpoint>"
        for second, lat, lon in zip(track.seconds, track.lat_deg, track.lon_deg, strict=True)
    )
    span_s = float(track.seconds.max() - track.seconds.min())
    return (
        '<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
        f'<Activity Sport="Running"><Id>{START:%Y-%m-%dT%H:%M:%SZ}</Id>'
        f'<Lap StartTime="{START:%Y-%m-%dT%H:%M:%SZ}"><TotalTimeSeconds>{span_s}'
        f"</TotalTimeSeconds><Track>{points}</Track></Lap></Activity></Activities>"
        "</TrainingCenterDatabase>"
    ).encode()


def fit_bytes(track: Track) -> bytes:
    """A watch's messages with these records, and a session without a total distance."""
    span_s = int(track.seconds.max() - track.seconds.min())
    messages = [
        message
        for message in simple_run_messages(START, span_s, 1_000.0, cadence_spm=None)
        if message.name != "record"
    ]
    records = [
        FitMessage(
            "record",
            {
                "timestamp": stamp(second),
                "position_lat": round(lat * SEMICIRCLES_PER_DEGREE),
                "position_long": round(lon * SEMICIRCLES_PER_DEGREE),
            },
        )
        for second, lat, lon in zip(track.seconds, track.lat_deg, track.lon_deg, strict=True)
    ]
    for message in messages:
        if message.name in ("session", "lap"):
            message.fields.pop("total_distance")
    first_event = next(n for n, message in enumerate(messages) if message.name == "event")
    return encode_fit([*messages[: first_event + 1], *records, *messages[first_event + 1 :]])


READERS = {
    "gpx": (gpx_bytes, gpx.read),
    "tcx": (tcx_bytes, tcx.read),
    "fit": (fit_bytes, fit.read),
}


def imported(kind: str, track: Track) -> Imported:
    write, read = READERS[kind]
    return read(io.BytesIO(write(track)))


def order_notice(result: Imported) -> str:
    (notice,) = [line for line in reasons(result) if "went back in time" in line]
    return notice


def kilometres_in(notice: str) -> list[float]:
    return [float(text.replace(",", "")) for text in re.findall(r"([\d,]+\.\d+) km", notice)]


def test_the_tracks_step_back_as_their_writers_do():
    jittered, mixed = sports_tracker(), shuffled()
    jittered_back = np.diff(jittered.seconds)
    assert (jittered_back < 0).sum() > 1_000 and set(jittered_back[jittered_back < 0]) == {-1}
    assert (np.diff(mixed.seconds) < 0).sum() > 1_000
    reference = gpxpy.parse(gpx_bytes(jittered).decode())  # the reference reader: route order
    assert reference.length_2d() == pytest.approx(12_300, rel=0.01)


@pytest.mark.parametrize("kind", ["gpx", "tcx", "fit"])
def test_a_sports_tracker_track_is_measured_in_the_files_order(kind):
    result = imported(kind, sports_tracker())
    (record,) = result.records
    assert record.fields["distance_m"] == pytest.approx(12_300, rel=0.01)
    notice = order_notice(result)
    assert "measured them in the file's order" in notice
    kept_km, other_km = kilometres_in(notice)
    assert kept_km == pytest.approx(12.3, rel=0.01)
    assert other_km > 1.2 * kept_km  # time order zigzags between the late and the prompt
    assert record.fields["moving_s"] <= record.fields["elapsed_s"] <= 4_201
    assert record.fields["elapsed_s"] == pytest.approx(4_200, abs=2)


@pytest.mark.parametrize("kind", ["gpx", "tcx", "fit"])
def test_a_shuffled_track_is_measured_in_time_order(kind):
    result = imported(kind, shuffled())
    (record,) = result.records
    assert record.fields["distance_m"] == pytest.approx(6_700, rel=0.01)
    notice = order_notice(result)
    assert "measured them in time order" in notice
    kept_km, other_km = kilometres_in(notice)
    assert kept_km == pytest.approx(6.7, rel=0.01) and other_km > 500
    assert record.fields["moving_s"] <= record.fields["elapsed_s"]
    times = record.samples["time_utc"]
    assert times.is_monotonic_increasing


def test_the_notice_is_a_notice_not_an_error():
    result = imported("gpx", sports_tracker())
    assert [problem.kind for problem in result.problems] == [FileErrorKind.NOTICE]


def test_time_order_is_kept_when_only_it_moves_at_a_possible_speed():
    # A loop whose finish point is written first: in the file's order the path is a few
    # metres shorter (the finish sits on the start), but the whole loop is then walked while
    # the clock stands at the finish time; in time order every step is a runner's.
    route = loop(5_000, 1_800, 1_801)
    order = [1_800, *range(1_800)]  # the finish, then the loop up to a second before it
    seconds, lat_deg, lon_deg = (values[order] for values in (route.seconds, *route_of(route)))
    chosen = plausible_order(seconds, np.zeros(len(order), dtype=int), lat_deg, lon_deg)
    assert chosen.positions is not None and list(seconds[chosen.positions]) == sorted(seconds)
    assert chosen.notice is not None and "faster than anything on the ground" in chosen.notice


def route_of(track: Track) -> tuple[np.ndarray, np.ndarray]:
    return track.lat_deg, track.lon_deg


def test_times_in_order_keep_the_files_order_and_say_nothing():
    route = loop(5_000, 1_800, 1_801)
    chosen = plausible_order(
        route.seconds, np.zeros(1_801, dtype=int), route.lat_deg, route.lon_deg
    )
    assert chosen == Order(None, None)
