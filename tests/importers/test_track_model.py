"""One track model: GPX, TCX, FIT and Epson files each become a Track, and one function
(_track.record_of) makes the record, its samples, climb and cadence from it. The same run
written in each format therefore reads the same."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analyzer.importers import _track, epson_csv, fit, gpx, tcx
from analyzer.importers._track import Track, lap, record_of, track_points
from tests.fitwriter import SEMICIRCLES_PER_DEGREE, FitMessage, encode_fit, simple_run_messages
from tests.importers.test_epson_csv import training
from tests.importers.test_gpx import METRES_PER_DEGREE

START = dt.datetime(2024, 5, 1, 6, 0, tzinfo=dt.UTC)
SECONDS = 1_500
SPEED_MPS = 3.0
IMPORTERS = Path(_track.__file__).parent


def stamp(second: int) -> dt.datetime:
    return START + dt.timedelta(seconds=second)


def north_deg(second: int) -> float:
    return 55.0 + second * SPEED_MPS / METRES_PER_DEGREE


def altitude_m(second: int) -> float:
    return 10 + 20 * math.sin(math.pi * second / SECONDS)


def gpx_run(with_altitude: bool = True) -> bytes:
    points = "".join(
        f'<trkpt lat="{north_deg(second):.8f}" lon="12.0">'
        + (f"<ele>{altitude_m(second):.2f}</ele>" if with_altitude else "")
        + f"<time>{stamp(second):%Y-%m-%dT%H:%M:%SZ}</time><extensions>"
        "<gpxtpx:TrackPointExtension><gpxtpx:hr>140</gpxtpx:hr><gpxtpx:cad>85</gpxtpx:cad>"
        "</gpxtpx:TrackPointExtension></extensions></trkpt>"
        for second in range(SECONDS + 1)
    )
    return (
        '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><type>running</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def tcx_run(with_altitude: bool = True) -> bytes:
    """Trackpoints alone: the lap states no totals, so every figure is measured."""
    points = "".join(
        f"<Trackpoint><Time>{stamp(second):%Y-%m-%dT%H:%M:%SZ}</Time><Position>"
        f"<LatitudeDegrees>{north_deg(second):.8f}</LatitudeDegrees>"
        "<LongitudeDegrees>12.0</LongitudeDegrees></Position>"
        + (f"<AltitudeMeters>{altitude_m(second):.2f}</AltitudeMeters>" if with_altitude else "")
        + "<HeartRateBpm><Value>140</Value></HeartRateBpm><Extensions><TPX "
        'xmlns="http://www.garmin.com/xmlschemas/ActivityExtension/v2">'
        "<RunCadence>85</RunCadence></TPX></Extensions></Trackpoint>"
        for second in range(SECONDS + 1)
    )
    return (
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase'
        '/v2"><Activities><Activity Sport="Running">'
        f'<Id>{START:%Y-%m-%dT%H:%M:%SZ}</Id><Lap StartTime="{START:%Y-%m-%dT%H:%M:%SZ}">'
        f"<Track>{points}</Track></Lap></Activity></Activities></TrainingCenterDatabase>"
    ).encode()


def fit_run(with_altitude: bool = True) -> bytes:
    """A session that states only its times: distance, climb, cadence and heart rate come
    from the records."""
    messages = [
        message
        for message in simple_run_messages(START, SECONDS, SECONDS * SPEED_MPS, cadence_spm=None)
        if message.name != "record"
    ]
    for message in messages:
        if message.name in ("session", "lap"):
            for name in ("total_distance", "total_ascent", "total_descent", "avg_heart_rate"):
                message.fields.pop(name, None)
    records = [
        FitMessage(
            "record",
            {
                "timestamp": stamp(second),
                "position_lat": round(north_deg(second) * SEMICIRCLES_PER_DEGREE),
                "position_long": round(12.0 * SEMICIRCLES_PER_DEGREE),
                "heart_rate": 140,
                "cadence": 85,
                **({"enhanced_altitude": altitude_m(second)} if with_altitude else {}),
            },
        )
        for second in range(SECONDS + 1)
    ]
    first_event = next(n for n, message in enumerate(messages) if message.name == "event")
    return encode_fit([*messages[: first_event + 1], *records, *messages[first_event + 1 :]])


READERS = {"gpx": (gpx_run, gpx.read), "tcx": (tcx_run, tcx.read), "fit": (fit_run, fit.read)}


def fields_of(kind: str, with_altitude: bool = True) -> dict:
    write, read = READERS[kind]
    (record,) = read(io.BytesIO(write(with_altitude))).records
    return record.fields


def test_one_run_reads_the_same_from_gpx_tcx_and_fit():
    readings = {kind: fields_of(kind) for kind in READERS}
    for name, tolerance in [
        ("distance_m", 0.5),
        ("moving_s", 1.0),
        ("elapsed_s", 0.0),
        ("ascent_m", 0.01),
        ("descent_m", 0.01),
        ("avg_cadence_spm", 0.5),
        ("avg_hr_bpm", 0.0),
        ("start_lat_deg", 1e-7),
    ]:
        values = [readings[kind][name] for kind in READERS]
        assert max(values) - min(values) <= tolerance, (name, values)
    assert readings["gpx"]["distance_m"] == pytest.approx(SECONDS * SPEED_MPS, rel=1e-4)
    assert readings["gpx"]["avg_cadence_spm"] == pytest.approx(170)
    assert readings["gpx"]["ascent_m"] == pytest.approx(20, abs=0.5)
    assert {readings[kind]["sport"] for kind in READERS} == {"running"}


@pytest.mark.parametrize("kind", list(READERS))
def test_no_altitude_is_no_climb_known_in_every_format(kind):
    fields = fields_of(kind, with_altitude=False)
    assert math.isnan(fields["ascent_m"]) and math.isnan(fields["descent_m"])


def test_an_epson_run_without_altitudes_has_no_climb_known():
    text = training()
    text = re.sub(r"\nGraphAltitude,[^\n]*", "", text)
    text = text.replace("TotalAscentAltitude,TotalDescentAltitude", "Ascent,Descent")
    (record,) = epson_csv.read(io.BytesIO(text.encode())).records
    assert math.isnan(record.fields["ascent_m"]) and math.isnan(record.fields["descent_m"])


def test_a_stated_total_wins_over_the_measured_one():
    seconds = np.arange(601)
    track = Track(
        points=track_points(
            601,
            time_utc=pd.DatetimeIndex([stamp(int(second)) for second in seconds]),
            lat_deg=55 + seconds * SPEED_MPS / METRES_PER_DEGREE,
            lon_deg=np.full(601, 12.0),
            written_cadence=np.full(601, 85.0),
        ),
        laps=(lap(start_time_utc=START, distance_m=1_850.0, moving_s=590.0),),
        sport="running",
    )
    record, notice = record_of(track)
    assert notice is None
    assert record.fields["distance_m"] == 1_850.0  # stated, not the 1,800 m measured
    assert record.fields["moving_s"] == 590.0
    assert record.fields["elapsed_s"] == 600.0
    assert record.fields["avg_cadence_spm"] == pytest.approx(170)
    assert record.samples["distance_m"].iloc[-1] == pytest.approx(1_800)


@pytest.mark.parametrize("module", ["gpx.py", "tcx.py", "fit/session.py", "epson_csv.py"])
def test_the_track_importers_leave_the_record_to_the_track_model(module):
    source = (IMPORTERS / module).read_text(encoding="utf-8")
    assert "record_of(" in source
    assert "Record(" not in source and "climb_m(" not in source
    assert "cadence_factor(" not in source
