"""One run from many sources is counted once, with every note, name and gear it had."""

import pandas as pd

from analyzer.merge import merge_duplicates

START = pd.Timestamp("2026-03-01T07:00:00Z")


def _row(source_format, source_path, *, start=START, distance_m=10_000.0, **fields):
    return {
        "activity_id": fields.pop("activity_id", f"{source_format}-{source_path}"),
        "athlete": "ana",
        "source_path": source_path,
        "source_format": source_format,
        "start_time_utc": start,
        "local_start": start.tz_localize(None) + pd.Timedelta(hours=1),
        "local_date": (start + pd.Timedelta(hours=1)).date(),
        "sport": "running",
        "surface": "unknown",
        "distance_m": distance_m,
        "avg_cadence_spm": float("nan"),
        "name": "",
        "notes": "",
        "shoe": "",
        "has_samples": source_format in ("fit", "gpx"),
        **fields,
    }


def test_a_watch_file_its_strava_gpx_and_its_csv_row_are_one_run():
    frame = pd.DataFrame(
        [
            _row("fit", "w/2026-03-01.fit", avg_cadence_spm=172.0, surface="trail"),
            _row(
                "gpx",
                "export/activities/99.gpx",
                start=START + pd.Timedelta(seconds=4),
                distance_m=10_180.0,
            ),
            _row(
                "strava_csv",
                "export/activities.csv",
                activity_id="strava-123",
                linked_file="activities/99.gpx",
                name="Forest loop",
                shoe="Pegasus",
                notes="left knee sore, 3/10",
            ),
        ]
    )
    merged, id_map = merge_duplicates(frame)
    assert len(merged) == 1
    run = merged.iloc[0]
    assert run["distance_m"] == 10_000.0  # the watch's own total, not a sum
    assert run["avg_cadence_spm"] == 172.0
    assert (run["name"], run["shoe"], run["surface"]) == ("Forest loop", "Pegasus", "trail")
    assert run["notes"] == "left knee sore, 3/10"
    assert run["activity_id"] == "strava-123"
    assert set(id_map) == {"fit-w/2026-03-01.fit", "gpx-export/activities/99.gpx"}


def test_two_runs_on_one_day_stay_two():
    frame = pd.DataFrame(
        [
            _row("fit", "a.fit"),
            _row("fit", "b.fit", start=START + pd.Timedelta(hours=9), distance_m=5_000.0),
        ]
    )
    merged, _ = merge_duplicates(frame)
    assert len(merged) == 2


def test_a_ride_at_the_same_time_is_not_the_run():
    frame = pd.DataFrame([_row("fit", "a.fit"), _row("gpx", "b.gpx", sport="cycling")])
    assert len(merge_duplicates(frame)[0]) == 2


def test_legs_of_one_file_are_never_merged():
    frame = pd.DataFrame(
        [_row("fit", "tri.fit", activity_id="t-0"), _row("fit", "tri.fit", activity_id="t-1")]
    )
    assert len(merge_duplicates(frame)[0]) == 2


def test_the_same_file_twice_is_one_run():
    frame = pd.DataFrame(
        [
            _row("fit", "a/run.fit", activity_id="abc"),
            _row("fit", "b/run.fit.gz", activity_id="abc"),
        ]
    )
    assert len(merge_duplicates(frame)[0]) == 1


def test_a_local_time_csv_row_matches_its_file_on_the_wall_clock():
    garmin_row = _row(
        "garmin_csv",
        "Activities.csv",
        start=START + pd.Timedelta(hours=2),  # its zone was guessed wrong
        name="Morning 10k",
    )
    garmin_row["local_start"] = START.tz_localize(None) + pd.Timedelta(hours=1)
    garmin_row["start_time_local"] = garmin_row["local_start"]  # the CSV gives wall time only
    merged, _ = merge_duplicates(pd.DataFrame([_row("fit", "a.fit"), garmin_row]))
    assert len(merged) == 1
    assert merged.iloc[0]["name"] == "Morning 10k"


def test_two_runs_in_the_repeated_hour_when_clocks_go_back_are_two():
    # Copenhagen, 26 Oct 2025: 02:30 CEST (00:30 UTC) and, an hour later, 02:30 CET (01:30
    # UTC); two watch files that know their UTC start, alike in distance and wall clock
    first = pd.Timestamp("2025-10-26T00:30:00Z")
    second = pd.Timestamp("2025-10-26T01:30:00Z")
    wall_clock = pd.Timestamp("2025-10-26T02:30:00")
    frame = pd.DataFrame(
        [
            _row("fit", "a.fit", start=first, local_start=wall_clock),
            _row("fit", "b.fit", start=second, local_start=wall_clock),
        ]
    )
    assert len(merge_duplicates(frame)[0]) == 2


def test_a_date_only_log_row_matches_the_recorded_run_of_that_day():
    log_row = _row(
        "csv",
        "log.csv",
        start=START + pd.Timedelta(hours=4),
        date_only=True,
        distance_m=10_050.0,
        notes="knee fine",
    )
    merged, _ = merge_duplicates(pd.DataFrame([_row("fit", "a.fit", date_only=False), log_row]))
    assert len(merged) == 1
    assert merged.iloc[0]["notes"] == "knee fine"


def test_runs_far_apart_in_distance_at_one_start_are_two():
    frame = pd.DataFrame([_row("fit", "a.fit"), _row("gpx", "b.gpx", distance_m=5_000.0)])
    assert len(merge_duplicates(frame)[0]) == 2
