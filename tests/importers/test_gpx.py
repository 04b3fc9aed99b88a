"""The GPX importer: fixtures built here for each trap, then every real GPX of the manifest."""

import contextlib
import io
import re

import gpxpy
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile, NotAnActivity
from analyzer.importers import Imported, gpx
from tests.conftest import manifest_rows
from tests.importers import reasons

START = pd.Timestamp("2024-05-01T06:00:00Z")
METRES_PER_DEGREE = 111_319.49  # gpxpy's ONE_DEGREE: fixtures move this many metres a degree
TPE_V1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
TPE_V2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2"
GPXDATA = "http://www.cluetrust.com/XML/GPXDATA/1/0"


def steady(seconds: int, *, speed_mps: float = 3.0, start_s: float = 0, start_m: float = 0):
    """(time s, metres north) of a point a second from start_s for `seconds` seconds."""
    return [(start_s + second, start_m + second * speed_mps) for second in range(seconds + 1)]


def time_text(seconds: float, style: str = "Z") -> str:
    moment = START + pd.Timedelta(seconds=seconds)
    if style == "naive":
        return f"{moment:%Y-%m-%dT%H:%M:%S}"
    if style == "+02:00":
        return f"{moment + pd.Timedelta(hours=2):%Y-%m-%dT%H:%M:%S}+02:00"
    return f"{moment:%Y-%m-%dT%H:%M:%S}Z"


def segment(points, *, extensions: str = "", style: str = "Z", timed: bool = True) -> str:
    rows = []
    for seconds, north_m in points:
        time = f"<time>{time_text(seconds, style)}</time>" if timed else ""
        extra = f"<extensions>{extensions}</extensions>" if extensions else ""
        rows.append(
            f'<trkpt lat="{55 + north_m / METRES_PER_DEGREE:.8f}" lon="12.0">'
            f"<ele>{10 + north_m / 100:.2f}</ele>{time}{extra}</trkpt>"
        )
    return f"<trkseg>{''.join(rows)}</trkseg>"


def track(*segments: str, kind: str | None = "running", name: str | None = None, more=""):
    words = (f"<name>{name}</name>" if name else "") + (f"<type>{kind}</type>" if kind else "")
    return f"<trk>{words}{more}{''.join(segments)}</trk>"


def document(*tracks: str, namespaces: str = "", creator: str = "runlog tests") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<gpx version="1.1" creator="{creator}" xmlns="http://www.topografix.com/GPX/1/1"'
        f"{namespaces}>{''.join(tracks)}</gpx>"
    ).encode()


def read(data: bytes) -> Imported:
    return gpx.read(io.BytesIO(data))


def only(data: bytes):
    imported = read(data)
    assert len(imported.records) == 1
    return imported.records[0]


# --- recognising the file ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(document(track(segment(steady(3)))), True, id="a plain GPX is GPX"),
        pytest.param(
            b"\xef\xbb\xbf  \n" + document(track(segment(steady(3)))),
            True,
            id="a GPX after a BOM and spaces is GPX",
        ),
        pytest.param(b"<?xml version='1.0'?><TrainingCenterDatabase/>", False, id="TCX is not"),
        pytest.param(b"\x0e\x10\x98\x00", False, id="FIT bytes are not"),
    ],
)
def test_sniff(head, expected):
    assert gpx.sniff(head) is expected


def test_leading_whitespace_and_a_bom_are_skipped():
    data = document(track(segment(steady(60))))
    record = only(b"\n\n          \xef\xbb\xbf" + data)
    assert record.fields["distance_m"] == pytest.approx(180, rel=0.01)


# --- extensions, whatever their prefix --------------------------------------------------

EXTENSION_STYLES = [
    pytest.param(
        f' xmlns:ns3="{TPE_V1}"',
        "<ns3:TrackPointExtension><ns3:hr>150</ns3:hr><ns3:cad>85</ns3:cad>"
        "</ns3:TrackPointExtension>",
        id="Garmin Connect ns3 prefix",
    ),
    pytest.param(
        f' xmlns:gpxtpx="{TPE_V1}"',
        "<gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr><gpxtpx:cad>85</gpxtpx:cad>"
        "</gpxtpx:TrackPointExtension>",
        id="Strava gpxtpx prefix",
    ),
    pytest.param(
        "",
        f'<TrackPointExtension xmlns="{TPE_V2}"><hr>150</hr><cad>85</cad></TrackPointExtension>',
        id="namespace declared inline",
    ),
    pytest.param(
        f' xmlns:gpxdata="{GPXDATA}"',
        "<gpxdata:hr>150</gpxdata:hr><gpxdata:cadence>85</gpxdata:cadence>",
        id="Cluetrust gpxdata",
    ),
    pytest.param(
        "", "<heartrate>150</heartrate><cadence>85</cadence>", id="bare elements (Amazfit)"
    ),
]


@pytest.mark.parametrize(("namespaces", "extensions"), EXTENSION_STYLES)
def test_heart_rate_and_cadence_are_read_whatever_the_prefix(namespaces, extensions):
    data = document(track(segment(steady(120), extensions=extensions)), namespaces=namespaces)
    record = only(data)
    assert record.samples["hr_bpm"].eq(150).all()
    assert record.samples["cadence_spm"].eq(170).all()
    assert record.fields["avg_hr_bpm"] == pytest.approx(150)
    assert record.fields["avg_cadence_spm"] == pytest.approx(170)


def test_apple_bare_speed_is_the_sample_speed():
    extensions = "<speed>2.5</speed><course>10</course><hAcc>5</hAcc>"
    data = document(track(segment(steady(30), extensions=extensions), kind=None))
    record = only(data)
    assert record.samples["speed_mps"].eq(2.5).all()
    assert record.samples["cadence_spm"].isna().all()
    assert np.isnan(record.fields["avg_hr_bpm"])


def test_an_undeclared_prefix_is_read_leniently_with_a_problem_line():
    extensions = "<gpxdata:cadence>80</gpxdata:cadence><gpxdata:hr>140</gpxdata:hr>"
    data = b"\xef\xbb\xbf" + document(track(segment(steady(100), extensions=extensions)))
    imported = read(data)
    assert len(imported.problems) == 1
    assert "not well-formed" in imported.problems[0].reason
    assert "gpxdata" in imported.problems[0].reason
    record = imported.records[0]
    assert record.samples["cadence_spm"].eq(160).all()
    assert record.fields["distance_m"] == pytest.approx(300, rel=0.01)


# --- cadence scale ----------------------------------------------------------------------


def cadence_points(values: list[float]) -> str:
    return "".join(
        segment([(second, second * 3.0)], extensions=f"<cadence>{value}</cadence>")
        .removeprefix("<trkseg>")
        .removesuffix("</trkseg>")
        for second, value in enumerate(values)
    )


@pytest.mark.parametrize(
    ("kind", "values", "median_spm"),
    [
        pytest.param("running", [85] * 100, 170, id="one-foot run cadence is doubled"),
        pytest.param("running", [172] * 100, 172, id="a run already in steps per minute stays"),
        pytest.param(
            "running",
            [86] * 30 + [170] * 70,
            170,
            id="steps per minute with a few one-foot outliers stays",
        ),
        pytest.param("hiking", [55] * 100, 110, id="one-foot hiking cadence is doubled"),
        pytest.param("walking", [112] * 100, 112, id="a walk in steps per minute stays"),
        pytest.param("1", [90] * 100, None, id="a ride's pedal cadence is not steps: dropped"),
    ],
)
def test_cadence_becomes_steps_per_minute(kind, values, median_spm):
    data = document(f"<trk><type>{kind}</type><trkseg>{cadence_points(values)}</trkseg></trk>")
    cadence_spm = only(data).samples["cadence_spm"]
    if median_spm is None:
        assert cadence_spm.isna().all()
    else:
        assert cadence_spm.median() == median_spm


# --- segments, pauses and stops ---------------------------------------------------------


def test_two_segments_distance_is_not_bridged_and_the_pause_is_not_moving():
    first = steady(300)
    # After a 10-minute pause the second segment starts 500 m further on: not run, not counted.
    second = steady(300, start_s=900, start_m=900 + 500)
    data = document(track(segment(first), segment(second)))
    record = only(data)
    reference = gpxpy.parse(data.decode())
    assert record.fields["distance_m"] == pytest.approx(reference.length_2d(), rel=1e-9)
    assert record.fields["distance_m"] == pytest.approx(1800, rel=0.001)
    assert record.fields["moving_s"] == 600
    assert record.fields["elapsed_s"] == 1200
    assert record.fields["avg_speed_mps"] == pytest.approx(3.0, rel=0.001)
    assert record.samples["distance_m"].iloc[-1] == pytest.approx(1800, rel=0.001)


@pytest.mark.parametrize(
    ("gap_m", "moving_s"),
    [
        pytest.param(0, 600, id="a 2-minute gap standing still is a stop"),
        pytest.param(360, 720, id="a 2-minute gap covering 360 m is still running"),
    ],
)
def test_a_long_gap_inside_a_segment_is_a_stop_only_without_movement(gap_m, moving_s):
    before = steady(300)
    after = steady(300, start_s=420, start_m=900 + gap_m)
    record = only(document(track(segment(before + after))))
    assert record.fields["moving_s"] == moving_s
    assert record.fields["elapsed_s"] == 720


def test_a_wait_recorded_every_second_is_a_stop():
    before = steady(300)
    # Two minutes at a crossing, the GPS wandering a metre either way.
    wait = [(300 + second, 900 + (second % 3 - 1)) for second in range(1, 121)]
    after = steady(300, start_s=420, start_m=903)[1:]
    fields = only(document(track(segment(before + wait + after)))).fields
    assert fields["elapsed_s"] == 720
    # The 30-second window lags the stop by some 25 s: far from the 720 s of the gaps alone.
    assert 600 <= fields["moving_s"] <= 630


def test_a_time_step_backwards_counts_no_negative_time():
    points = [(1, 0.0), (0, 3.0), *steady(100, start_s=2, start_m=6)[1:]]
    record = only(document(track(segment(points))))
    assert record.fields["start_time_utc"] == START
    assert record.fields["elapsed_s"] == 102
    assert 0 < record.fields["moving_s"] <= 102


def test_ascent_and_descent_match_gpxpy():
    up = steady(100)
    down = [(101 + second, 300 - second * 3.0) for second in range(100)]
    data = document(track(segment(up + down)))
    record = only(data)
    uphill, downhill = gpxpy.parse(data.decode()).get_uphill_downhill()
    assert record.fields["ascent_m"] == pytest.approx(uphill)
    assert record.fields["descent_m"] == pytest.approx(downhill)
    assert record.fields["ascent_m"] == pytest.approx(3.0, abs=0.1)


# --- several tracks ---------------------------------------------------------------------


def test_tracks_minutes_apart_are_one_outing():
    first = track(segment(steady(300)))
    second = track(segment(steady(300, start_s=600, start_m=900)))
    record = only(document(first, second))
    assert record.fields["distance_m"] == pytest.approx(1800, rel=0.001)
    assert record.fields["moving_s"] == 600
    assert record.fields["elapsed_s"] == 900


def test_tracks_a_day_apart_are_separate_activities():
    first = track(segment(steady(300)), name="Monday")
    second = track(segment(steady(300, start_s=86_400)), name="Tuesday")
    records = read(document(first, second)).records
    assert [record.fields["name"] for record in records] == ["Monday", "Tuesday"]
    assert records[1].fields["start_time_utc"] == START + pd.Timedelta(days=1)
    assert [record.fields["distance_m"] for record in records] == pytest.approx([900, 900])


# --- times ------------------------------------------------------------------------------


def test_naive_times_are_local_wall_time():
    record = only(document(track(segment(steady(60), style="naive"))))
    assert pd.isna(record.fields["start_time_utc"])
    assert record.fields["start_time_local"] == pd.Timestamp("2024-05-01 06:00:00")
    assert "stated_utc_offset_s" not in record.fields
    # Wall time carried as if UTC, for the loader to shift once it knows the zone.
    assert record.samples["time_utc"].iloc[0] == pd.Timestamp("2024-05-01 06:00:00", tz="UTC")


def test_an_offset_is_converted_to_utc_and_kept_as_the_stated_offset():
    record = only(document(track(segment(steady(60), style="+02:00"))))
    assert record.fields["start_time_utc"] == START
    assert record.fields["stated_utc_offset_s"] == 7200
    assert "start_time_local" not in record.fields
    assert str(record.samples["time_utc"].dt.tz) == "UTC"


@pytest.mark.parametrize(
    ("written", "offset_s"),
    [
        pytest.param("2024-05-01T01:00:00-05:00", -18_000, id="minus five hours"),
        pytest.param("2024-05-01T11:30:00.250+0530", 19_800, id="plus 5:30 without a colon"),
        pytest.param("2024-05-01T06:00:00+00:00", None, id="an explicit zero offset is UTC"),
    ],
)
def test_written_offsets(written, offset_s):
    point = f'<trkpt lat="55" lon="12"><time>{written}</time></trkpt>'
    later = f'<trkpt lat="55.001" lon="12"><time>{written.replace(":00", ":30", 1)}</time></trkpt>'
    fields = only(document(f"<trk><trkseg>{point}{later}</trkseg></trk>")).fields
    assert fields["start_time_utc"].floor("s") == START
    assert fields.get("stated_utc_offset_s") == offset_s


def test_utc_times_state_no_offset():
    record = only(document(track(segment(steady(60)))))
    assert record.fields["start_time_utc"] == START
    assert "stated_utc_offset_s" not in record.fields


# --- files that are not activities -----------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        pytest.param(
            document(track(segment(steady(60), timed=False))),
            "planned route",
            id="a track without times is a planned route",
        ),
        pytest.param(
            b'<gpx xmlns="http://www.topografix.com/GPX/1/1"><rte><rtept lat="1" lon="2"/>'
            b"</rte></gpx>",
            "route",
            id="a file with only a route is not an activity",
        ),
        pytest.param(
            b'<gpx xmlns="http://www.topografix.com/GPX/1/1"><metadata><time>'
            b"2023-07-07T16:10:57Z</time></metadata></gpx>",
            "metadata",
            id="a file with only metadata is not an activity",
        ),
        pytest.param(
            document(track("<trkseg/>")),
            "empty track",
            id="an indoor run's empty track is not an activity",
        ),
    ],
)
def test_not_an_activity(data, words):
    with pytest.raises(NotAnActivity, match=words):
        read(data)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        pytest.param(b"", "empty", id="an empty file"),
        pytest.param(b"   \n ", "empty", id="a file of spaces"),
        pytest.param(b"<?xml version='1.0'?><kml><Document/></kml>", "not GPX", id="KML"),
        pytest.param(b"<gpx><trk><trkseg><trkpt lat=", "no timed point", id="a stub"),
        pytest.param(b"\x00\x01\x02 binary", "not readable XML", id="binary junk"),
    ],
)
def test_unreadable_files_are_bad_files(data, words):
    with pytest.raises(BadFile, match=words):
        read(data)


def test_a_file_cut_short_keeps_the_points_before_the_cut_and_says_so():
    data = document(track(segment(steady(600))))
    imported = read(data[: len(data) * 6 // 10])
    assert len(imported.problems) == 1
    assert "cut short?" in imported.problems[0].reason
    distance_m = imported.records[0].fields["distance_m"]
    assert 0.4 * 1800 < distance_m < 0.7 * 1800


# --- sport, surface and words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "speed_mps", "sport"),
    [
        pytest.param("9", None, 3.0, "running", id="Strava type 9 is a run"),
        pytest.param("1", None, 3.0, "cycling", id="Strava type 1 is a ride even when slow"),
        pytest.param("4", None, 1.2, "hiking", id="Strava type 4 is a hike"),
        pytest.param("10", None, 1.2, "walking", id="Strava type 10 is a walk"),
        pytest.param("trail_running", None, 3.0, "running", id="Garmin trail_running"),
        pytest.param(None, "Cycling 10/2/17 10:49 am", 3.0, "cycling", id="a name says ride"),
        pytest.param(None, "Lauf am Abend", 3.0, "running", id="a German name says run"),
        pytest.param(None, None, 3.0, "running", id="untyped at running speed is a run"),
        pytest.param(None, "Move", 7.0, "cycling", id="untyped at 25 km/h is a ride"),
        pytest.param(None, None, 1.2, "walking", id="untyped at 4 km/h is a walk"),
        pytest.param("unknown", None, 3.0, "running", id="type 'unknown' says nothing"),
        pytest.param("kayaking", None, 3.0, "other", id="a type runlog does not know is other"),
    ],
)
def test_sport(kind, name, speed_mps, sport):
    data = document(track(segment(steady(300, speed_mps=speed_mps)), kind=kind, name=name))
    record = only(data)
    assert record.fields["sport"] == sport
    assert record.fields["sub_sport"] == (kind.lower() if kind else None)


def test_names_notes_device_and_surface():
    more = "<desc>Easy trail loop, left knee sore after</desc>"
    data = document(
        track(segment(steady(60)), kind="trail_running", name="Forest", more=more),
        creator="StravaGPX Android",
    )
    fields = only(data).fields
    assert fields["name"] == "Forest"
    assert fields["notes"] == "Easy trail loop, left knee sore after"
    assert fields["device"] == "StravaGPX Android"
    assert fields["surface"] == "trail"
    assert fields["has_gps"] is True
    assert fields["start_lat_deg"] == pytest.approx(55.0)
    assert fields["start_lon_deg"] == pytest.approx(12.0)


def test_samples_have_the_canonical_columns_and_no_activity_id():
    samples = only(document(track(segment(steady(10))))).samples
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
    assert (samples.drop(columns="time_utc").dtypes == "float64").all()


# --- robustness -------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_gpx_reader_fails_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        gpx.read(io.BytesIO(b"<gpx>" + junk))


@settings(max_examples=100, deadline=None)
@given(
    lat=st.text(max_size=12),
    time=st.text(max_size=30),
    value=st.text(max_size=12),
)
def test_odd_values_in_a_point_fail_only_with_bad_file(lat, time, value):
    def escape(text: str) -> str:
        return re.sub(r"[^\w .:+-]", "", text)

    point = (
        f'<trkpt lat="{escape(lat)}" lon="12"><ele>{escape(value)}</ele>'
        f"<time>{escape(time)}</time><extensions><hr>{escape(value)}</hr>"
        f"<cad>{escape(value)}</cad></extensions></trkpt>"
    )
    good = segment(steady(5)).removeprefix("<trkseg>")
    with contextlib.suppress(BadFile):
        read(document(f"<trk><trkseg>{point}{good}</trk>"))


# --- the real files of the manifest -----------------------------------------------------

GPX_ROWS = [row for row in manifest_rows() if row["file"].endswith(".gpx")]
# Files without <type>: the sport runlog infers, and why.
UNTYPED_SPORT = {
    "gpx/runalyze__strava-export.gpx": "running",  # named 'Nachtlauf' (night run)
    "gpx/runalyze__Movescount-mixed-extensions.gpx": "running",  # 'Move', 2.8 m/s
    "gpx/runalyze__runkeeper-negative-time-step-at-start.gpx": "cycling",  # named 'Cycling'
    "gpx/runpandas__nike_run.gpx": "running",  # Nike Run Club, 2.9 m/s
    "gpx/healthkit-to-sqlite__route_2019-06-11_3.00pm.gpx": "walking",  # 3 points at 0.1 m/s
    # type 'unknown'; the upstream folder says 'Wanderung' (a hike) at 1.2 m/s
    "gpx/geo-activity-playground__2025-08-29 20_12_17.410 Cadzand-Bad.gpx": "walking",
}
# The manifest says has_hr yes, but all 265 <gpxtpx:hr> values are 0: no sensor was paired.
HR_ALL_ZERO = {"gpx/geo-activity-playground__2025-08-29 20_12_17.410 Cadzand-Bad.gpx"}
MANIFEST_SPORT = {"run": "running", "ride": "cycling", "hike": "hiking", "running": "running"}


def manifest_cases(rows):
    return [pytest.param(row, id=f"{row['file']} matches the manifest") for row in rows]


def manifest_cadence_spm(row: dict[str, str]) -> float | None:
    """The manifest's cadence median in steps/min (it gives strides/min unless it says not)."""
    found = re.search(r"median (\d+(?:\.\d+)?)", row["cadence_field_and_units"])
    if not found:
        return None
    value = float(found.group(1))
    return value if "~steps/min" in row["cadence_field_and_units"] else 2 * value


@pytest.mark.parametrize("row", manifest_cases(GPX_ROWS))
def test_real_gpx_file(real_data, row):
    data = (real_data / row["file"]).read_bytes()
    if not row["start_time_utc"]:
        with pytest.raises(NotAnActivity):
            read(data)
        return
    imported = read(data)
    assert len(imported.records) == 1
    record = imported.records[0]
    fields, samples = record.fields, record.samples
    expected_m = float(row["distance_m"])
    assert fields["distance_m"] == pytest.approx(expected_m, rel=0.01, abs=1.0)
    expected_start = pd.Timestamp(row["start_time_utc"])
    assert abs((fields["start_time_utc"] - expected_start).total_seconds()) <= 60
    # Every real file has one segment, so gpxpy's duration is the elapsed time.
    assert fields["elapsed_s"] == pytest.approx(float(row["duration_s"]), rel=0.01, abs=2)
    assert 0 <= fields["moving_s"] <= fields["elapsed_s"]
    if fields["distance_m"] > 10:  # Apple's trimmed sample: 3 points standing, 0.4 m
        assert fields["moving_s"] > 0.5 * fields["elapsed_s"]
    assert fields["has_gps"] is (row["has_gps"] == "yes")
    has_hr = row["has_hr"] == "yes" and row["file"] not in HR_ALL_ZERO
    assert bool(np.isnan(fields["avg_hr_bpm"])) is not has_hr
    cadence_spm = manifest_cadence_spm(row)
    if cadence_spm is not None:
        counted = samples["cadence_spm"][samples["cadence_spm"] > 0]
        assert counted.median() == pytest.approx(cadence_spm, abs=2)
    word = row["sport"].split()[0].lower()
    expected_sport = UNTYPED_SPORT.get(row["file"]) or MANIFEST_SPORT.get(word, "other")
    assert fields["sport"] == expected_sport
    # a file the manifest says is damaged says so; points sorted into time order are said too
    reordered = [line for line in reasons(imported) if "went back in time" in line]
    assert bool(set(reasons(imported)) - set(reordered)) is ("recover" in row["notes"])
    assert not reordered or "backwards time step" in row["notes"]


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9], ids=lambda f: f"cut at {f:.0%}")
def test_a_real_file_cut_short_is_a_bad_file_or_a_partial_run_with_a_problem(real_data, fraction):
    data = (real_data / "gpx" / "sports-lib__garmin.gpx").read_bytes()
    try:
        imported = read(data[: int(len(data) * fraction)])
    except BadFile as err:
        assert "not well-formed" in str(err)
        return
    assert len(imported.problems) == 1
    assert imported.records[0].fields["distance_m"] < 3879.1
