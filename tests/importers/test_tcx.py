"""The TCX importer: fixtures built here for each trap, then every real TCX of the manifest."""

import contextlib
import io
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile, NotAnActivity
from analyzer.importers import Imported, tcx
from tests.conftest import manifest_rows
from tests.importers import reasons

START = pd.Timestamp("2024-05-01T06:00:00Z")
METRES_PER_DEGREE = 111_319.49
TCD = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
AX = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"


def time_text(seconds: float, style: str = "Z") -> str:
    moment = START + pd.Timedelta(seconds=seconds)
    if style == "ms":
        return f"{moment:%Y-%m-%dT%H:%M:%S}.000Z"
    if style == "+01:00":
        return f"{moment + pd.Timedelta(hours=1):%Y-%m-%dT%H:%M:%S}.000+01:00"
    if style == "naive":
        return f"{moment:%Y-%m-%dT%H:%M:%S}"
    return f"{moment:%Y-%m-%dT%H:%M:%S}Z"


def trackpoints(
    seconds: int,
    *,
    start_s: int = 0,
    speed_mps: float = 3.0,
    start_m: float = 0.0,
    gps: bool = True,
    cadence: str = "",
    style: str = "Z",
) -> str:
    """A Track of one point a second, running north; `cadence` is XML put in each point."""
    points = []
    for second in range(seconds + 1):
        north_m = start_m + second * speed_mps
        position = (
            f"<Position><LatitudeDegrees>{55 + north_m / METRES_PER_DEGREE:.8f}</LatitudeDegrees>"
            "<LongitudeDegrees>12.0</LongitudeDegrees></Position>"
            if gps
            else ""
        )
        points.append(
            f"<Trackpoint><Time>{time_text(start_s + second, style)}</Time>{position}"
            f"<AltitudeMeters>20</AltitudeMeters><DistanceMeters>{north_m:.2f}</DistanceMeters>"
            f"<HeartRateBpm><Value>150</Value></HeartRateBpm>{cadence}</Trackpoint>"
        )
    return f"<Track>{''.join(points)}</Track>"


def lap(*tracks: str, start_s: int = 0, total_s=None, distance_m=None, more="", style="Z"):
    totals = "" if total_s is None else f"<TotalTimeSeconds>{total_s}</TotalTimeSeconds>"
    totals += "" if distance_m is None else f"<DistanceMeters>{distance_m}</DistanceMeters>"
    return f'<Lap StartTime="{time_text(start_s, style)}">{totals}{more}{"".join(tracks)}</Lap>'


def activity(*laps: str, sport="Running", start_s=0, more="", style="Z") -> str:
    return (
        f'<Activity Sport="{sport}"><Id>{time_text(start_s, style)}</Id>'
        f"{''.join(laps)}{more}</Activity>"
    )


def document(*activities: str, namespaces: str = "", wrap: bool = True) -> bytes:
    body = f"<Activities>{''.join(activities)}</Activities>" if wrap else "".join(activities)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<TrainingCenterDatabase xmlns="{TCD}"{namespaces}>{body}</TrainingCenterDatabase>'
    ).encode()


def read(data: bytes) -> Imported:
    return tcx.read(io.BytesIO(data))


def only(data: bytes):
    imported = read(data)
    assert len(imported.records) == 1
    return imported.records[0]


def one_run(**lap_totals) -> bytes:
    return document(activity(lap(trackpoints(600), **lap_totals)))


# --- recognising the file ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(one_run(), True, id="a Garmin TCX is TCX"),
        pytest.param(b" " * 10 + one_run(), True, id="Strava's padded TCX is TCX"),
        pytest.param(b"<?xml version='1.0'?>\n  <Activities>", True, id="a rootless TCX is TCX"),
        pytest.param(b'<gpx xmlns="http://www.topografix.com/GPX/1/1">', False, id="GPX is not"),
    ],
)
def test_sniff(head, expected):
    assert tcx.sniff(head) is expected


@pytest.mark.parametrize(
    "preamble",
    [
        pytest.param(b"          ", id="ten spaces (Strava)"),
        pytest.param(b"\xef\xbb\xbf", id="a UTF-8 BOM"),
        pytest.param(b"\r\n\t \xef\xbb\xbf\n", id="newlines then a BOM"),
    ],
)
def test_leading_whitespace_and_a_bom_are_skipped(preamble):
    record = only(preamble + one_run(total_s=600, distance_m=1800))
    assert record.fields["distance_m"] == 1800


# --- totals -----------------------------------------------------------------------------


def test_laps_give_distance_and_timer_time_the_clock_gives_elapsed():
    first = lap(trackpoints(300), total_s=300, distance_m=900)
    # A 5-minute pause with the timer stopped, then the second lap.
    second = lap(
        trackpoints(300, start_s=600, start_m=900), start_s=600, total_s=300, distance_m=905
    )
    fields = only(document(activity(first, second))).fields
    assert fields["distance_m"] == 1805
    assert fields["moving_s"] == 600
    assert fields["elapsed_s"] == 900
    assert fields["avg_speed_mps"] == pytest.approx(1805 / 600)


def test_without_lap_totals_the_trackpoints_give_them():
    fields = only(one_run()).fields
    assert fields["distance_m"] == pytest.approx(1800)
    assert fields["moving_s"] == 600
    assert fields["elapsed_s"] == 600


def test_each_track_is_a_segment_so_a_pause_between_tracks_is_not_moving():
    tracks = (trackpoints(300), trackpoints(300, start_s=600, start_m=900))
    fields = only(document(activity(lap(*tracks)))).fields
    assert fields["moving_s"] == 600
    assert fields["elapsed_s"] == 900


def test_laps_without_trackpoints_still_give_a_run_of_unknown_surface():
    laps = (
        lap(total_s=300, distance_m=1000),
        lap(start_s=300, total_s=320, distance_m=1000),
    )
    fields = only(document(activity(*laps))).fields
    assert fields["distance_m"] == 2000
    assert fields["moving_s"] == 620
    assert fields["elapsed_s"] == 620
    assert fields["surface"] == "unknown"


def test_lap_heart_rate_weighted_by_lap_time():
    hr_100 = "<AverageHeartRateBpm><Value>100</Value></AverageHeartRateBpm>"
    hr_160 = "<AverageHeartRateBpm><Value>160</Value></AverageHeartRateBpm>"
    laps = (
        lap(trackpoints(100), total_s=100, more=hr_100),
        lap(trackpoints(300, start_s=100), start_s=100, total_s=300, more=hr_160),
    )
    fields = only(document(activity(*laps))).fields
    assert fields["avg_hr_bpm"] == pytest.approx(145)


# --- cadence ----------------------------------------------------------------------------


def tpx(value: float, *, prefix: str = "ns3:") -> str:
    if prefix == "inline":
        return (
            f'<Extensions><TPX xmlns="{AX}"><Speed>3.0</Speed>'
            f"<RunCadence>{value}</RunCadence></TPX></Extensions>"
        )
    return (
        f"<Extensions><{prefix}TPX><{prefix}Speed>3.0</{prefix}Speed>"
        f"<{prefix}RunCadence>{value}</{prefix}RunCadence></{prefix}TPX></Extensions>"
    )


@pytest.mark.parametrize(
    ("sport", "cadence", "namespaces", "median_spm"),
    [
        pytest.param("Running", tpx(85), f' xmlns:ns3="{AX}"', 170, id="ns3 RunCadence doubled"),
        pytest.param(
            "Running", tpx(85, prefix="inline"), "", 170, id="inline TPX RunCadence doubled"
        ),
        pytest.param(
            "Running", tpx(85, prefix="ax:"), f' xmlns:ax="{AX}"', 170, id="any prefix doubled"
        ),
        pytest.param(
            "Running",
            "<Cadence>84</Cadence>",
            "",
            168,
            id="Polar run cadence in Trackpoint Cadence doubled",
        ),
        pytest.param(
            "Running",
            tpx(172, prefix="inline"),
            "",
            172,
            id="RunCadence already in steps per minute stays",
        ),
        pytest.param("Biking", "<Cadence>90</Cadence>", "", None, id="bike cadence dropped"),
    ],
)
def test_cadence_becomes_steps_per_minute(sport, cadence, namespaces, median_spm):
    data = document(
        activity(lap(trackpoints(300, cadence=cadence)), sport=sport), namespaces=namespaces
    )
    record = only(data)
    if median_spm is None:
        assert record.samples["cadence_spm"].isna().all()
        assert np.isnan(record.fields["avg_cadence_spm"])
    else:
        assert record.samples["cadence_spm"].median() == median_spm
        assert record.fields["avg_cadence_spm"] == pytest.approx(median_spm)


def test_tpx_speed_is_the_sample_speed():
    data = document(activity(lap(trackpoints(30, cadence=tpx(85, prefix="inline")))))
    assert only(data).samples["speed_mps"].eq(3.0).all()


def test_a_treadmill_with_mostly_steps_per_minute_and_a_few_one_foot_values_stays():
    steady = trackpoints(200, gps=False, cadence=tpx(170, prefix="inline"))
    slips = trackpoints(60, start_s=201, gps=False, cadence=tpx(86, prefix="inline"))
    record = only(document(activity(lap(steady, slips))))
    assert record.samples["cadence_spm"].max() == 170
    assert record.fields["surface"] == "treadmill"
    assert record.fields["has_gps"] is False


def test_lap_avg_run_cadence_is_used_when_trackpoints_have_none():
    lx = f'<Extensions><LX xmlns="{AX}"><AvgRunCadence>88</AvgRunCadence></LX></Extensions>'
    fields = only(document(activity(lap(trackpoints(60), total_s=60, more=lx)))).fields
    assert fields["avg_cadence_spm"] == 176


# --- several activities -----------------------------------------------------------------


def test_each_activity_is_a_record():
    runs = [
        activity(lap(trackpoints(300, start_s=day * 86_400), start_s=day * 86_400), start_s=0)
        for day in range(3)
    ]
    records = read(document(*runs)).records
    assert len(records) == 3
    assert all(record.fields["sport"] == "running" for record in records)


def test_a_multisport_session_gives_one_record_per_sport():
    session = (
        "<MultiSportSession><Id>2024-05-01T06:00:00Z</Id><FirstSport>"
        + activity(lap(trackpoints(300, speed_mps=8)), sport="Biking")
        + "</FirstSport><NextSport>"
        + activity(lap(trackpoints(300, start_s=400)), start_s=400)
        + "</NextSport></MultiSportSession>"
    )
    records = read(document(session)).records
    assert [record.fields["sport"] for record in records] == ["cycling", "running"]
    assert records[1].fields["start_time_utc"] == START + pd.Timedelta(seconds=400)


# --- sport, notes and device ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sport", "notes", "expected"),
    [
        pytest.param("Running", None, "running", id="Running"),
        pytest.param("running", None, "running", id="Runtastic's lower-case running"),
        pytest.param("Biking", None, "cycling", id="Biking is cycling"),
        pytest.param("Other", None, "other", id="Other stays other"),
        pytest.param("Other", "Evening walk with the dog", "walking", id="Other, notes say walk"),
    ],
)
def test_sport(sport, notes, expected):
    more = f"<Notes>{notes}</Notes>" if notes else ""
    fields = only(document(activity(lap(trackpoints(60)), sport=sport, more=more))).fields
    assert fields["sport"] == expected
    assert fields["sub_sport"] == sport.lower()


def test_notes_of_the_activity_and_its_laps_are_kept():
    laps = (
        lap(trackpoints(60), more="<Notes>warm-up felt stiff</Notes>"),
        lap(trackpoints(60, start_s=61), start_s=61, more="<Notes>left knee ached</Notes>"),
    )
    more = "<Notes>Tempo run</Notes>"
    fields = only(document(activity(*laps, more=more))).fields
    assert fields["notes"] == "Tempo run\nwarm-up felt stiff\nleft knee ached"


def test_device_is_the_creator_with_its_firmware():
    creator = (
        '<Creator xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Device_t">'
        "<Name>Forerunner 610</Name><UnitId>1</UnitId><ProductID>1345</ProductID><Version>"
        "<VersionMajor>2</VersionMajor><VersionMinor>60</VersionMinor></Version></Creator>"
    )
    fields = only(document(activity(lap(trackpoints(60)), more=creator))).fields
    assert fields["device"] == "Forerunner 610 v2.60"


def test_samples_have_the_canonical_columns():
    samples = only(one_run()).samples
    assert list(samples.columns) == [
        "time_utc",
        "lat_deg",
        "lon_deg",
        "altitude_m",
        "distance_m",
        "speed_mps",
        "cadence_spm",
        "hr_bpm",
    ]
    assert str(samples["time_utc"].dtype) == "datetime64[ns, UTC]"
    assert samples["hr_bpm"].eq(150).all()


# --- times ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "offset_s"),
    [
        pytest.param("Z", None, id="times without milliseconds (Strava)"),
        pytest.param("ms", None, id="times with milliseconds (Garmin)"),
        pytest.param("+01:00", 3600, id="Polar local times with an offset"),
    ],
)
def test_times_are_utc_and_an_offset_is_kept(style, offset_s):
    data = document(activity(lap(trackpoints(60, style=style), style=style), style=style))
    fields = only(data).fields
    assert fields["start_time_utc"] == START
    assert fields.get("stated_utc_offset_s") == offset_s


def test_naive_times_are_local_wall_time():
    data = document(activity(lap(trackpoints(60, style="naive"), style="naive"), style="naive"))
    record = only(data)
    assert pd.isna(record.fields["start_time_utc"])
    assert record.fields["start_time_local"] == pd.Timestamp("2024-05-01 06:00:00")
    assert record.samples["time_utc"].iloc[0] == START


# --- files that are not activities, or not readable -------------------------------------


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        pytest.param(
            f'<TrainingCenterDatabase xmlns="{TCD}"><Courses><Course><Name>Loop</Name>'
            "</Course></Courses></TrainingCenterDatabase>".encode(),
            NotAnActivity,
            "course",
            id="a course is not an activity",
        ),
        pytest.param(
            document("", wrap=True),
            NotAnActivity,
            "no activity",
            id="an empty Activities is not an activity",
        ),
        pytest.param(
            document(activity()), NotAnActivity, "no laps", id="an activity with only an Id"
        ),
        pytest.param(b"", BadFile, "empty", id="an empty file"),
        pytest.param(b"<?xml version='1.0'?><kml/>", BadFile, "not TCX", id="KML"),
        pytest.param(
            b"<TrainingCenterDatabase><Activities><Activity Sport=",
            BadFile,
            "not well-formed",
            id="a stub",
        ),
    ],
)
def test_files_that_give_no_activity(data, error, words):
    with pytest.raises(error, match=words):
        read(data)


def test_an_undeclared_prefix_is_read_leniently_with_a_problem_line():
    creator = '<Creator xsi:type="Device_t"><Name>Forerunner 410</Name></Creator>'
    data = document(activity(lap(trackpoints(300), total_s=300, distance_m=900), more=creator))
    imported = read(data)
    assert len(imported.problems) == 1
    assert "not well-formed" in imported.problems[0].reason
    assert "xsi" in imported.problems[0].reason
    assert imported.records[0].fields["distance_m"] == 900


def test_a_file_cut_short_keeps_what_came_before_and_says_so():
    data = one_run()
    imported = read(data[: len(data) // 2])
    assert len(imported.problems) == 1
    assert (
        "without its closing </TrainingCenterDatabase>: cut short?" in imported.problems[0].reason
    )
    assert 0.3 * 1800 < imported.records[0].fields["distance_m"] < 0.7 * 1800


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_tcx_reader_fails_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        tcx.read(io.BytesIO(b"<TrainingCenterDatabase><Activities>" + junk))


@settings(max_examples=60, deadline=None)
@given(time=st.text(max_size=30), value=st.text(max_size=12))
def test_odd_values_in_a_trackpoint_fail_only_with_bad_file(time, value):
    def escape(text: str) -> str:
        return re.sub(r"[^\w .:+-]", "", text)

    point = (
        f"<Trackpoint><Time>{escape(time)}</Time><DistanceMeters>{escape(value)}</DistanceMeters>"
        f"<HeartRateBpm><Value>{escape(value)}</Value></HeartRateBpm>"
        f"<Cadence>{escape(value)}</Cadence></Trackpoint>"
    )
    good = trackpoints(3).removeprefix("<Track>")
    laps = f'<Lap StartTime="{escape(time)}"><TotalTimeSeconds>{escape(value)}</TotalTimeSeconds>'
    with contextlib.suppress(BadFile):
        read(document(activity(f"{laps}<Track>{point}{good}</Lap>")))


# --- the real files of the manifest -----------------------------------------------------

TCX_ROWS = [row for row in manifest_rows() if row["file"].endswith(".tcx")]
MANIFEST_SPORT = {"running": "running", "biking": "cycling", "other": "other"}


def manifest_cadence_spm(row: dict[str, str]) -> float | None:
    """The manifest's cadence median in steps/min (it gives strides/min unless it says not)."""
    found = re.search(r"median (\d+(?:\.\d+)?)", row["cadence_field_and_units"])
    if not found:
        return None
    value = float(found.group(1))
    return value if "~steps/min" in row["cadence_field_and_units"] else 2 * value


@pytest.mark.parametrize(
    "row", [pytest.param(row, id=f"{row['file']} matches the manifest") for row in TCX_ROWS]
)
def test_real_tcx_file(real_data, row):
    imported = read((real_data / row["file"]).read_bytes())
    records = imported.records
    sports = [MANIFEST_SPORT[word.lower()] for word in row["sport"].split("+")]
    assert [record.fields["sport"] for record in records] == sports
    distance_m = sum(record.fields["distance_m"] for record in records)
    assert distance_m == pytest.approx(float(row["distance_m"]), rel=0.01)
    moving_s = sum(record.fields["moving_s"] for record in records)
    assert moving_s == pytest.approx(float(row["duration_s"]), rel=0.01)
    first = records[0].fields
    start = pd.Timestamp(row["start_time_utc"])
    assert abs((first["start_time_utc"] - start).total_seconds()) <= 60
    for record in records:
        assert record.fields["elapsed_s"] >= record.fields["moving_s"] - 2
        assert record.fields["has_gps"] is (row["has_gps"] == "yes")
    cadence_spm = manifest_cadence_spm(row)
    if cadence_spm is not None:
        samples = pd.concat([record.samples for record in records])
        counted = samples["cadence_spm"][samples["cadence_spm"] > 0]
        assert counted.median() == pytest.approx(cadence_spm, abs=2)
    has_hr = any(not np.isnan(record.fields["avg_hr_bpm"]) for record in records)
    assert has_hr is (row["has_hr"] == "yes")
    # a file the manifest says is damaged says so; points sorted into time order are said too
    reordered = [line for line in reasons(imported) if "went back in time" in line]
    assert bool(set(reasons(imported)) - set(reordered)) is ("recover" in row["notes"])
    assert not reordered or "backwards time step" in row["notes"]
    if row["has_gps"] == "no" and sports == ["running"]:
        assert first["surface"] == "treadmill"


@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.9], ids=lambda f: f"cut at {f:.0%}")
def test_a_real_file_cut_short_is_a_bad_file_or_a_partial_run_with_a_problem(real_data, fraction):
    data = (real_data / "tcx" / "runpandas__run_garmin.tcx").read_bytes()
    try:
        imported = read(data[: int(len(data) * fraction)])
    except BadFile as err:
        assert "not well-formed" in str(err)
        return
    assert len(imported.problems) == 1
    # The laps read so far give their distance; a lap cut in two may lack its total.
    assert imported.records[0].fields["distance_m"] <= 2153.7
