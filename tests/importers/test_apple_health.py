"""Apple Health's export.xml: one run per workout, with its sport, totals, local day and the
watch's step cadence; a route GPX beside it is the same run."""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile

import pytest

from analyzer import load
from analyzer.errors import BadFile, NotAnActivity
from analyzer.importers import apple_health
from tests.importers import reasons

WATCH, PHONE = "Ana's Apple Watch", "Ana's iPhone"
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 11 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
]>
<HealthData locale="en_US">
 <ExportDate value="2026-07-19 10:36:11 +0200"/>
 <Me HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
"""


def steps(source: str, start: str, end: str, count: int) -> str:
    return (
        f'<Record type="HKQuantityTypeIdentifierStepCount" sourceName="{source}" unit="count" '
        f'startDate="{start}" endDate="{end}" value="{count}"/>'
    )


def workout(kind: str, start: str, end: str, duration: str, *children: str, **attributes) -> str:
    extra = "".join(f' {key}="{value}"' for key, value in attributes.items())
    return (
        f'<Workout workoutActivityType="HKWorkoutActivityType{kind}" duration="{duration}" '
        f'durationUnit="min" sourceName="{WATCH}" startDate="{start}" endDate="{end}"{extra}>'
        + "".join(children)
        + "</Workout>"
    )


def meta(key: str, value: str) -> str:
    return f'<MetadataEntry key="{key}" value="{value}"/>'


ROUTE = "/workout-routes/route_2026-03-04_6.10am.gpx"
RUN = workout(
    "Running",
    "2026-03-04 06:10:00 +0100",
    "2026-03-04 06:40:30 +0100",
    "30",
    meta("HKTimeZone", "Europe/Copenhagen"),
    meta("HKElevationAscended", "4500 cm"),
    '<WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate" average="148" unit="count/min"/>',
    f'<WorkoutRoute sourceName="{WATCH}"><FileReference path="{ROUTE}"/></WorkoutRoute>',
    totalDistance="5.2",
    totalDistanceUnit="km",
)
RIDE = workout(  # iOS 16: the distance only in WorkoutStatistics
    "Cycling",
    "2026-03-05 17:00:00 +0100",
    "2026-03-05 18:00:00 +0100",
    "60",
    '<WorkoutStatistics type="HKQuantityTypeIdentifierDistanceCycling" sum="25.5" unit="km"/>',
)
TREADMILL = workout(
    "Running",
    "2026-03-06 07:00:00 +0100",
    "2026-03-06 07:20:00 +0100",
    "20",
    meta("HKIndoorWorkout", "1"),
    totalDistance="2",
    totalDistanceUnit="mi",
)
STEPS = (
    steps(WATCH, "2026-03-04 06:10:00 +0100", "2026-03-04 06:20:00 +0100", 1720)
    + steps(WATCH, "2026-03-04 06:20:00 +0100", "2026-03-04 06:40:00 +0100", 3440)
    # 5.5 of its 10 minutes inside the run, which ends at 06:40:30: 55 steps count
    + steps(WATCH, "2026-03-04 06:35:00 +0100", "2026-03-04 06:45:00 +0100", 100)
    + steps(PHONE, "2026-03-04 06:10:00 +0100", "2026-03-04 06:40:00 +0100", 5000)
)


def export_xml(*body: str) -> bytes:
    return (HEAD + "".join(body) + "\n</HealthData>\n").encode()


def read(data: bytes):
    return apple_health.read(io.BytesIO(data))


def fields(data: bytes) -> list[dict]:
    return [record.fields for record in read(data).records]


def test_each_workout_is_one_activity_with_its_sport():
    run, ride, treadmill = fields(export_xml(STEPS, RUN, RIDE, TREADMILL))
    assert [run["sport"], ride["sport"], treadmill["sport"]] == ["running", "cycling", "running"]
    assert run["distance_m"] == pytest.approx(5200.0)
    assert ride["distance_m"] == pytest.approx(25_500.0)
    assert treadmill["distance_m"] == pytest.approx(3218.688)  # 2 mi
    assert (run["moving_s"], run["elapsed_s"]) == (1800.0, 1830.0)
    assert treadmill["surface"] == "treadmill" and run["surface"] == "unknown"
    assert (run["avg_hr_bpm"], run["ascent_m"]) == (148.0, 45.0)
    assert run["start_time_utc"].isoformat() == "2026-03-04T05:10:00+00:00"
    assert run["linked_file"] == ROUTE.lstrip("/")


def test_cadence_is_the_watchs_steps_over_the_workout():
    (run,) = fields(export_xml(STEPS, RUN))
    # (1,720 + 3,440 + 55) steps in 30 minutes; the phone's 5,000 are not added
    assert run["avg_cadence_spm"] == pytest.approx(5215 / 30)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            lambda text: text.replace(
                '<Record type="HKQuantityTypeIdentifierStepCount" sourceName=',
                "<Record sourceName=",
            ).replace('unit="count"', 'type="HKQuantityTypeIdentifierStepCount" unit="count"'),
            id="attributes in another order",
        ),
        pytest.param(
            lambda text: text.replace(" +0100", "+01:00").replace("2026-03-04 ", "2026-03-04T"),
            id="ISO dates",
        ),
    ],
)
def test_step_records_written_otherwise_give_the_same_cadence(change):
    (run,) = fields(export_xml(change(STEPS), RUN))
    assert run["avg_cadence_spm"] == pytest.approx(5215 / 30)


def test_no_steps_no_cadence():
    (run,) = fields(export_xml(RUN))
    assert math.isnan(run["avg_cadence_spm"])


def test_the_workouts_own_time_zone_comes_before_the_offset_written():
    # a dawn run in Sydney, exported on a phone set to Central European time
    sydney = workout(
        "Running",
        "2026-03-03 20:00:00 +0100",
        "2026-03-03 20:30:00 +0100",
        "30",
        meta("HKTimeZone", "Australia/Sydney"),
        totalDistance="5",
        totalDistanceUnit="km",
    )
    (run,) = fields(export_xml(sydney))
    assert (run["utc_offset_s"], run["stated_utc_offset_s"]) == (11 * 3600, 3600)


def test_sniff_knows_the_export_and_not_other_xml():
    assert apple_health.sniff(export_xml(RUN)[:4096])
    assert not apple_health.sniff(b'<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3">')


def test_an_export_without_workouts_is_not_an_activity():
    with pytest.raises(NotAnActivity):
        read(export_xml(STEPS))


def test_a_cut_export_keeps_the_workouts_before_the_cut():
    data = export_xml(STEPS, RUN, RIDE, TREADMILL)
    cut = data[: data.index(b"Cycling") + 60]  # inside the ride's Workout element
    imported = read(cut)
    assert [record.fields["sport"] for record in imported.records] == ["running"]
    assert reasons(imported) == [
        "ends before its last line (cut short?); kept the 1 workout read before"
    ]
    with pytest.raises(BadFile, match="no workout could be read"):
        read(data[: data.index(b"<Workout") + 40])


def _route_gpx(start: dt.datetime, points: int, metres_per_5_s: float) -> bytes:
    trackpoints = "".join(
        f'<trkpt lon="12.57" lat="{55.68 + index * metres_per_5_s / 111_195:.7f}"><ele>4.0</ele>'
        f"<time>{start + dt.timedelta(seconds=5 * index):%Y-%m-%dT%H:%M:%SZ}</time></trkpt>"
        for index in range(points)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="Apple Health Export" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Route</name><trkseg>'
        f"{trackpoints}</trkseg></trk></gpx>"
    ).encode()


def _export_zip(path) -> None:
    ride_route = "/workout-routes/route_2026-03-05_5.00pm.gpx"
    ride = RIDE.replace(
        "</Workout>",
        f'<WorkoutRoute><FileReference path="{ride_route}"/></WorkoutRoute></Workout>',
    )
    members = {
        "apple_health_export/export.xml": export_xml(STEPS, RUN, ride, TREADMILL),
        "apple_health_export/export_cda.xml": b'<?xml version="1.0"?><ClinicalDocument/>',
        "apple_health_export" + ROUTE: _route_gpx(dt.datetime(2026, 3, 4, 5, 10, 5), 361, 14.4),
        # a slow ride: by its speed alone (3 m/s) the route would pass for a run
        "apple_health_export" + ride_route: _route_gpx(dt.datetime(2026, 3, 5, 16, 0), 721, 15.0),
        "apple_health_export/electrocardiograms/ecg_2026-03-01.csv": (
            b"Name,Ana\nRecorded Date,2026-03-01 18:48:23 +0100\nSample Rate,512 hertz\n\n"
            b"Lead,Lead I\n\n-37.148\n-36.2\n"
        ),
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


@pytest.mark.parametrize("form", ["zip", "unpacked folder"])
def test_an_export_gives_each_workout_once_with_its_route(tmp_path, form):
    _export_zip(tmp_path / "export.zip")
    path = tmp_path / "export.zip"
    if form == "unpacked folder":
        with zipfile.ZipFile(path) as archive:
            archive.extractall(tmp_path / "export")
        path = tmp_path / "export"
    log = load(path)
    assert log.errors == []
    activities = log.activities.sort_values("start_time_utc")
    assert activities["sport"].tolist() == ["running", "cycling", "running"]
    assert activities["local_date"].tolist() == [
        dt.date(2026, 3, 4),
        dt.date(2026, 3, 5),
        dt.date(2026, 3, 6),
    ]
    run = activities.iloc[0]
    assert not log.samples_for(run["activity_id"]).empty  # its route
    assert run["avg_cadence_spm"] == pytest.approx(5215 / 30)
    assert len(log.runs) == 2
