"""One cadence policy (units.cadence_factor): whether a run's cadence counts one foot or both
is decided on its moving samples where it has any, else on its own average, the same way in
every format. Each run below is written as each format writes it, once counting one foot
and once in steps/min, and must read the same steps/min from every format."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest

from analyzer.importers import Imported
from analyzer.reading import parse
from analyzer.units import cadence_factor
from tests.exports import garmin_activity, garmin_summaries_json, strava_activities_csv
from tests.fitwriter import SEMICIRCLES_PER_DEGREE, FitMessage, encode_fit, simple_run_messages
from tests.importers.test_epson_csv import training
from tests.importers.test_garmin_csv import HEADER as GARMIN_CSV_HEADER
from tests.importers.test_garmin_csv import ROW as GARMIN_CSV_ROW
from tests.importers.test_garmin_csv import garmin as garmin_csv_bytes
from tests.importers.test_gpx import METRES_PER_DEGREE
from tests.importers.test_polar_csv import session as polar_session
from tests.importers.test_wahoo_csv import workout as wahoo_workout

START = dt.datetime(2024, 5, 1, 6, 0, tzinfo=dt.UTC)
RUN_MPS, WALK_MPS = 3.0, 1.4


@dataclass(frozen=True)
class Run:
    """A run second by second: cadence as a one-foot device writes it, and speed."""

    one_foot: np.ndarray  # strides/min; 0 is a sensor's 'no reading'
    speed_mps: np.ndarray
    has_gps: bool = True

    def written(self, counts_one_foot: bool) -> np.ndarray:
        return self.one_foot if counts_one_foot else 2 * self.one_foot

    def average(self, counts_one_foot: bool) -> float:
        """The run's average as a device writes it: of the readings, zeros left out."""
        values = self.written(counts_one_foot)
        return float(values[values > 0].mean())


def steady() -> Run:
    return Run(np.full(1_801, 85.0), np.full(1_801, RUN_MPS))


def with_walking_breaks() -> Run:
    """Runs 7 minutes at 85 strides/min, walks 3 at 57, for 40 minutes."""
    walking = (np.arange(2_401) % 600) >= 420
    return Run(np.where(walking, 57.0, 85.0), np.where(walking, WALK_MPS, RUN_MPS))


def mostly_walked() -> Run:
    """Runs 2 minutes at 85 strides/min, walks 3 at 57: the median moving cadence is a walk's."""
    walking = (np.arange(3_001) % 300) >= 120
    return Run(np.where(walking, 57.0, 85.0), np.where(walking, WALK_MPS, RUN_MPS))


def treadmill_with_zero_samples() -> Run:
    """No GPS, and the foot pod reads nothing one second in ten."""
    cadence = np.full(1_801, 84.0)
    cadence[::10] = 0.0
    return Run(cadence, np.full(1_801, RUN_MPS), has_gps=False)


RUNS = {
    "steady": steady,
    "with walking breaks": with_walking_breaks,
    "mostly walked": mostly_walked,
    "treadmill, zero samples": treadmill_with_zero_samples,
}


def north_deg(run: Run) -> np.ndarray:
    return 55.0 + np.concatenate([[0.0], np.cumsum(run.speed_mps[1:])]) / METRES_PER_DEGREE


def distance_m(run: Run) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum(run.speed_mps[1:])])


def stamp(second: int) -> dt.datetime:
    return START + dt.timedelta(seconds=second)


# --- files with samples ------------------------------------------------------------------


def fit_file(run: Run, one_foot: bool) -> bytes:
    messages = [
        message
        for message in simple_run_messages(
            START, len(run.one_foot) - 1, float(distance_m(run)[-1]), cadence_spm=None
        )
        if message.name != "record"
    ]
    records = []
    for second, (cadence, speed_mps, north) in enumerate(
        zip(run.written(one_foot), run.speed_mps, north_deg(run), strict=True)
    ):
        fields = {
            "timestamp": stamp(second),
            "enhanced_speed": speed_mps,
            "distance": float(distance_m(run)[second]),
            "cadence": math.floor(cadence),
            "fractional_cadence": cadence - math.floor(cadence),
        }
        if run.has_gps:
            fields["position_lat"] = round(north * SEMICIRCLES_PER_DEGREE)
            fields["position_long"] = round(12.0 * SEMICIRCLES_PER_DEGREE)
        records.append(FitMessage("record", fields))
    average = run.average(one_foot)
    for message in messages:
        if message.name in ("session", "lap"):
            message.fields["avg_running_cadence"] = math.floor(average)
            message.fields["avg_fractional_cadence"] = average - math.floor(average)
            if not run.has_gps:
                message.fields["sub_sport"] = "treadmill"
    first_event = next(n for n, message in enumerate(messages) if message.name == "event")
    return encode_fit([*messages[: first_event + 1], *records, *messages[first_event + 1 :]])


def gpx_file(run: Run, one_foot: bool) -> bytes:
    points = "".join(
        f'<trkpt lat="{north:.8f}" lon="12.0"><time>{stamp(second):%Y-%m-%dT%H:%M:%SZ}</time>'
        "<extensions><gpxtpx:TrackPointExtension>"
        f"<gpxtpx:cad>{cadence:g}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>"
        for second, (cadence, north) in enumerate(
            zip(run.written(one_foot), north_deg(run), strict=True)
        )
    )
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="Garmin Connect" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><type>running</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def tcx_file(run: Run, one_foot: bool) -> bytes:
    points = []
    for second, (cadence, north, metres) in enumerate(
        zip(run.written(one_foot), north_deg(run), distance_m(run), strict=True)
    ):
        position = (
            f"<Position><LatitudeDegrees>{north:.8f}</LatitudeDegrees>"
            "<LongitudeDegrees>12.0</LongitudeDegrees></Position>"
            if run.has_gps
            else ""
        )
        points.append(
            f"<Trackpoint><Time>{stamp(second):%Y-%m-%dT%H:%M:%SZ}</Time>{position}"
            f"<DistanceMeters>{metres:.1f}</DistanceMeters><Extensions><TPX "
            'xmlns="http://www.garmin.com/xmlschemas/ActivityExtension/v2">'
            f"<RunCadence>{cadence:g}</RunCadence></TPX></Extensions></Trackpoint>"
        )
    return (
        '<?xml version="1.0"?><TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
        f'<Activity Sport="Running"><Id>{START:%Y-%m-%dT%H:%M:%SZ}</Id>'
        f'<Lap StartTime="{START:%Y-%m-%dT%H:%M:%SZ}">'
        f"<TotalTimeSeconds>{len(run.one_foot) - 1}</TotalTimeSeconds>"
        f"<DistanceMeters>{distance_m(run)[-1]:.1f}</DistanceMeters>"
        f"<Track>{''.join(points)}</Track></Lap></Activity></Activities>"
        "</TrainingCenterDatabase>"
    ).encode()


def epson_file(run: Run, one_foot: bool) -> bytes:
    """Epson writes steps/min (both feet); a one-foot Epson file is a hypothetical writer."""
    seconds = len(run.one_foot) - 1
    text = training(
        timer_s=seconds,
        distance_m=round(distance_m(run)[-1]),
        end="2014/12/19,17:15:29",
        pitch_spm=round(run.average(one_foot)),
        gps=run.has_gps,
        graph_extra=1,
    )
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("GraphPitch,"):
            lines[number] = "GraphPitch," + ",".join(f"{v:g}" for v in run.written(one_foot))
        elif line.startswith("GraphSpeed,"):
            lines[number] = "GraphSpeed," + ",".join(f"{v * 3600:.0f}" for v in run.speed_mps)
    return "\n".join(lines).encode()


# --- files with totals only --------------------------------------------------------------


def strava_file(run: Run, one_foot: bool) -> bytes:
    return strava_activities_csv([{"Average Cadence": f"{run.average(one_foot):.2f}"}])


def garmin_json_file(run: Run, one_foot: bool) -> bytes:
    entry = garmin_activity(1, avg_cadence_spm=None, avgRunCadence=run.average(one_foot))
    return garmin_summaries_json([entry])


def garmin_csv_file(run: Run, one_foot: bool) -> bytes:
    row = dict(GARMIN_CSV_ROW)
    row["Avg Run Cadence"] = f"{run.average(one_foot):.0f}"
    row["Avg Stride Length"] = "--"
    return garmin_csv_bytes(row, header=GARMIN_CSV_HEADER)


def polar_file(run: Run, one_foot: bool) -> bytes:
    return polar_session(cadence=f"{run.average(one_foot):.0f}")


def wahoo_file(run: Run, one_foot: bool) -> bytes:
    average = f"{run.average(one_foot):.1f}"
    return wahoo_workout(
        values=f",0,1800.0,60.0,0,{average},0,0,0,150.0,{average},5000.0,5100.0,0,0"
    )


def csv_log_file(run: Run, one_foot: bool) -> bytes:
    average = run.average(one_foot)
    return f"date,distance_km,duration,cadence\n2024-05-01,5.4,30:00,{average:.0f}\n".encode()


WITH_SAMPLES: dict[str, tuple[str, Callable[[Run, bool], bytes]]] = {
    "fit": ("run.fit", fit_file),
    "gpx": ("run.gpx", gpx_file),
    "tcx": ("run.tcx", tcx_file),
    "epson_csv": ("epson.csv", epson_file),
}
TOTALS_ONLY: dict[str, tuple[str, Callable[[Run, bool], bytes]]] = {
    "strava_csv": ("activities.csv", strava_file),
    "garmin_json": ("runner_0_summarizedActivities.json", garmin_json_file),
    "garmin_csv": ("Activities.csv", garmin_csv_file),
    "polar_csv": ("Polar.csv", polar_file),
    "wahoo_csv": ("Wahoo.csv", wahoo_file),
    "csv": ("log.csv", csv_log_file),
}


def imported(name: str, data: bytes, expected_format: str) -> Imported:
    outcome = parse(name, data)
    assert not isinstance(outcome, Exception), outcome
    assert outcome[0] == expected_format
    return outcome[2]


@pytest.mark.parametrize("one_foot", [True, False], ids=["one foot", "both feet"])
@pytest.mark.parametrize("run_name", list(RUNS))
@pytest.mark.parametrize("kind", list(WITH_SAMPLES))
def test_a_file_with_samples_reads_steps_per_minute(kind, run_name, one_foot):
    run = RUNS[run_name]()
    if kind == "gpx" and not run.has_gps:
        pytest.skip("a GPX has positions: a treadmill run exports none")
    name, write = WITH_SAMPLES[kind]
    (record,) = imported(name, write(run, one_foot), kind).records
    both_feet = run.written(False)
    samples_spm = record.samples["cadence_spm"].to_numpy()
    counted = samples_spm[samples_spm > 0]
    assert np.median(counted) == pytest.approx(np.median(both_feet[both_feet > 0]), abs=1)
    assert record.fields["avg_cadence_spm"] == pytest.approx(run.average(False), rel=0.02)


@pytest.mark.parametrize("one_foot", [True, False], ids=["one foot", "both feet"])
@pytest.mark.parametrize("run_name", list(RUNS))
@pytest.mark.parametrize("kind", list(TOTALS_ONLY))
def test_a_file_of_totals_reads_steps_per_minute(kind, run_name, one_foot):
    run = RUNS[run_name]()
    name, write = TOTALS_ONLY[kind]
    (record,) = imported(name, write(run, one_foot), kind).records
    assert record.fields["avg_cadence_spm"] == pytest.approx(run.average(False), abs=1.5)


@pytest.mark.parametrize(
    ("moving", "average", "sport", "factor"),
    [
        pytest.param([85, 85, 57], None, "running", 2.0, id="one foot, walking breaks"),
        pytest.param([170, 170, 114, 114, 114], None, "running", 1.0, id="steps, mostly walked"),
        pytest.param([0, 0, 84, 84], None, "running", 2.0, id="zeros are no reading"),
        pytest.param([], 76.6, "running", 2.0, id="no samples: the average decides"),
        pytest.param([], 153.2, "running", 1.0, id="no samples, steps/min"),
        pytest.param([170, 170], 85.0, "running", 1.0, id="samples decide over the average"),
        pytest.param([60, 60], None, "walking", 2.0, id="a walk counted one foot"),
        pytest.param([110, 110], None, "walking", 1.0, id="a walk in steps/min"),
        pytest.param([80, 80], None, "cycling", math.nan, id="pedal strokes are not steps"),
        pytest.param([], None, "running", 2.0, id="nothing written"),
    ],
)
def test_the_policy(moving, average, sport, factor):
    result = cadence_factor(sport, np.array(moving, dtype=float), average)
    assert result == pytest.approx(factor, nan_ok=True)


def test_the_same_run_reads_the_same_in_every_format():
    run = with_walking_breaks()  # 153 steps/min on average, walks at 114 included
    readings = {}
    for kind, (name, write) in {**WITH_SAMPLES, **TOTALS_ONLY}.items():
        for one_foot in (True, False):
            (record,) = imported(name, write(run, one_foot), kind).records
            readings[kind, one_foot] = record.fields["avg_cadence_spm"]
    # whole numbers in some files: a written 76.6 is 77 (154) there
    assert all(abs(spm - run.average(False)) <= 1 for spm in readings.values()), readings
