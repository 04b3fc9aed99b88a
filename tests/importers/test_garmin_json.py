"""Garmin account-export JSON: activity summaries in cm/ms/epoch ms, and the gear list.

No real export of this kind is in ../shared/real_data, so the fixtures are built here in
Garmin's own shape; the treadmill entry copies the numbers of a verbatim export record
(10.00 km in 49:13.5).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile, FileErrorKind, NotAnActivity
from analyzer.importers import Imported, garmin_json
from tests.importers import reasons

START_MS = 1_772_607_600_000  # 2026-03-04T07:00:00Z
HOUR_MS = 3_600_000


def entry(activity_id: int = 1, **fields) -> dict:
    """A running summary: 10 km, 50 min moving, started 2026-03-04 07:00 UTC, 08:00 local."""
    base = {
        "activityId": activity_id,
        "name": "Morning Run",
        "activityType": "running",
        "sportType": "RUNNING",
        "startTimeGmt": START_MS,
        "startTimeLocal": START_MS + HOUR_MS,
        "distance": 1_000_000.0,
        "duration": 3_060_000.0,
        "movingDuration": 3_000_000.0,
        "elapsedDuration": 3_300_000.0,
        "elevationGain": 4_000.0,
        "elevationLoss": 3_900.0,
        "avgHr": 145.0,
        "avgRunCadence": 172.0,
        "avgSpeed": 0.3268,
    }
    base.update(fields)
    return {key: value for key, value in base.items() if value is not None}


def summaries(*entries: dict) -> bytes:
    return json.dumps([{"summarizedActivitiesExport": list(entries)}]).encode()


def read_bytes(data: bytes) -> Imported:
    return garmin_json.read(io.BytesIO(data))


def only_fields(*entries: dict) -> dict:
    imported = read_bytes(summaries(*entries))
    assert len(imported.records) == 1
    return imported.records[0].fields


def gear_file(gear: list[dict], links: dict | list) -> bytes:
    return json.dumps(
        [{"gearDTOS": gear, "gearActivityDTOs": links, "gearActivityTypeDTOS": []}]
    ).encode()


def gear(gear_pk: int, name: str, **fields) -> dict:
    base = {
        "gearPk": gear_pk,
        "uuid": f"uuid-{gear_pk}",
        "displayName": name,
        "customMakeModel": f"{name} model",
        "gearTypeName": "Shoes",
        "gearStatusName": "active",
        "dateBegin": "2025-11-01T00:00:00.0",
        "dateEnd": None,
        "maximumMeters": 700_000.0,
    }
    base.update(fields)
    return base


# Activities: units and times ---------------------------------------------------------------


def test_distance_in_centimetres_and_durations_in_milliseconds_become_metres_and_seconds():
    fields = only_fields(entry())
    assert fields["distance_m"] == pytest.approx(10_000.0)
    assert fields["moving_s"] == pytest.approx(3000.0)
    assert fields["elapsed_s"] == pytest.approx(3300.0)
    assert fields["avg_speed_mps"] == pytest.approx(10_000 / 3000)
    assert fields["avg_hr_bpm"] == pytest.approx(145.0)


def test_verbatim_treadmill_record_gives_ten_km_and_its_speed_from_distance_over_moving_time():
    treadmill = {
        "activityId": 24251846565,
        "name": "Treadmill Running",
        "activityType": "treadmill_running",
        "startTimeLocal": 1788641685000,
        "startTimeGmt": 1788638085000,
        "distance": 1000000.0,
        "duration": 2953511.962890625,
        "elapsedDuration": 2953511.962890625,
        "movingDuration": 2856871.9787597656,
        "avgSpeed": 0.3385999917984009,
        "avgHr": 141.0,
        "elevationGain": None,
        "avgDoubleCadence": 148.640625,
        "manufacturer": "GARMIN",
    }
    fields = only_fields(treadmill)
    assert fields["distance_m"] == pytest.approx(10_000.0)
    assert fields["elapsed_s"] == pytest.approx(2953.512, abs=0.001)
    assert fields["avg_speed_mps"] == pytest.approx(10_000 / 2856.872, rel=1e-4)
    assert fields["avg_cadence_spm"] == pytest.approx(148.64, abs=0.01)
    assert math.isnan(fields["ascent_m"])
    assert fields["surface"] == "treadmill"
    assert fields["start_time_utc"] == pd.Timestamp("2026-09-05 19:54:45", tz="UTC")
    assert fields["utc_offset_s"] == 3600
    assert fields["device"] == "Garmin"


def test_without_moving_duration_the_timer_duration_is_the_moving_time():
    fields = only_fields(entry(movingDuration=None, elapsedDuration=None))
    assert fields["moving_s"] == pytest.approx(3060.0)
    assert fields["elapsed_s"] == pytest.approx(3060.0)


def test_start_epoch_milliseconds_are_utc():
    fields = only_fields(entry())
    assert fields["start_time_utc"] == pd.Timestamp("2026-03-04 07:00", tz="UTC")
    assert "start_time_local" not in fields


@pytest.mark.parametrize(
    ("local_minus_gmt_ms", "offset_s"),
    [
        pytest.param(HOUR_MS, 3600, id="Copenhagen in winter: +1 h"),
        pytest.param(-5 * HOUR_MS, -18000, id="New York: -5 h"),
        pytest.param(int(5.75 * HOUR_MS), 20700, id="Nepal: +5:45"),
        pytest.param(HOUR_MS + 20_000, 3600, id="20 s apart: rounded to the quarter hour"),
        pytest.param(0, 0, id="UTC itself: 0"),
    ],
)
def test_utc_offset_is_local_minus_gmt(local_minus_gmt_ms, offset_s):
    fields = only_fields(entry(startTimeLocal=START_MS + local_minus_gmt_ms))
    assert fields["utc_offset_s"] == offset_s


def test_an_offset_beyond_fourteen_hours_is_not_trusted():
    fields = only_fields(entry(startTimeLocal=START_MS + 20 * HOUR_MS))
    assert "utc_offset_s" not in fields
    assert fields["start_time_utc"] == pd.Timestamp("2026-03-04 07:00", tz="UTC")


def test_without_startTimeGmt_only_the_local_wall_time_is_known():
    fields = only_fields(entry(startTimeGmt=None, startTimeLocal=START_MS - 5 * HOUR_MS))
    assert pd.isna(fields["start_time_utc"])
    assert fields["start_time_local"] == pd.Timestamp("2026-03-04 02:00")
    assert "utc_offset_s" not in fields


def test_without_startTimeGmt_beginTimestamp_gives_the_utc_start():
    fields = only_fields(entry(startTimeGmt=None, beginTimestamp=START_MS))
    assert fields["start_time_utc"] == pd.Timestamp("2026-03-04 07:00", tz="UTC")
    assert fields["utc_offset_s"] == 3600


def test_start_times_written_as_text_are_read_too():
    fields = only_fields(
        entry(startTimeGmt="2026-03-04 07:00:00", startTimeLocal="2026-03-04 02:00:00")
    )
    assert fields["start_time_utc"] == pd.Timestamp("2026-03-04 07:00", tz="UTC")
    assert fields["utc_offset_s"] == -18000


def test_an_entry_without_any_start_is_left_out_and_said_so():
    imported = read_bytes(
        summaries(entry(1), entry(2, startTimeGmt=None, startTimeLocal=None), "junk")
    )
    assert [record.fields["activity_id"] for record in imported.records] == ["garmin-1"]
    assert reasons(imported) == [
        "left out 2 of 3 activities that have no start time or are not activity entries"
    ]


# Activities: sport, surface, ids, words ----------------------------------------------------


@pytest.mark.parametrize(
    ("activity_type", "sport", "sub_sport", "surface"),
    [
        pytest.param("running", "running", "running", "unknown", id="running: surface unknown"),
        pytest.param(
            "treadmill_running", "running", "treadmill_running", "treadmill", id="treadmill"
        ),
        pytest.param("trail_running", "running", "trail_running", "trail", id="trail"),
        pytest.param("track_running", "running", "track_running", "track", id="track"),
        pytest.param("street_running", "running", "street_running", "road", id="street: road"),
        pytest.param(
            {"typeKey": "trail_running"}, "running", "trail_running", "trail", id="typeKey"
        ),
        pytest.param("walking", "walking", "walking", "unknown", id="walking is a walk"),
        pytest.param("cycling", "cycling", "cycling", "unknown", id="cycling is a ride"),
    ],
)
def test_activity_type_gives_sport_sub_sport_and_surface(activity_type, sport, sub_sport, surface):
    fields = only_fields(entry(activityType=activity_type, name="Lunch"))
    assert (fields["sport"], fields["sub_sport"], fields["surface"]) == (sport, sub_sport, surface)


def test_without_activity_type_the_sport_type_decides():
    fields = only_fields(entry(activityType=None, sportType="RUNNING"))
    assert fields["sport"] == "running"
    assert fields["sub_sport"] is None


def test_the_title_can_name_the_surface():
    fields = only_fields(entry(name="Beach run"))
    assert fields["surface"] == "sand"


def test_the_export_id_becomes_the_activity_id_and_an_export_link():
    fields = only_fields(entry(activity_id=12345678901))
    assert fields["activity_id"] == "garmin-12345678901"
    assert fields["export_ids"] == ("garmin:12345678901",)


def test_name_description_and_start_position_are_kept():
    fields = only_fields(
        entry(description="knee sore after", startLatitude=55.68, startLongitude=12.57)
    )
    assert fields["name"] == "Morning Run"
    assert fields["notes"] == "knee sore after"
    assert fields["has_gps"] is True
    assert (fields["start_lat_deg"], fields["start_lon_deg"]) == (55.68, 12.57)


def test_no_start_position_leaves_gps_unknown_rather_than_indoor():
    fields = only_fields(entry())
    assert fields["has_gps"] is None
    assert fields["surface"] == "unknown"


@pytest.mark.parametrize(
    ("extra", "device"),
    [
        pytest.param({"deviceName": "Forerunner 255"}, "Forerunner 255", id="device name"),
        pytest.param({"manufacturer": "GARMIN"}, "Garmin", id="manufacturer"),
        pytest.param({}, "Garmin Connect", id="neither: Garmin Connect"),
    ],
)
def test_device_is_the_device_name_else_the_maker_else_garmin_connect(extra, device):
    assert only_fields(entry(**extra))["device"] == device


# Activities: elevation and cadence, decided by size ------------------------------------------


def test_elevation_in_centimetres_becomes_metres():
    fields = only_fields(entry(elevationGain=4_000.0, elevationLoss=3_900.0))
    assert fields["ascent_m"] == pytest.approx(40.0)
    assert fields["descent_m"] == pytest.approx(39.0)


def test_elevation_already_in_metres_is_left_as_it_is():
    imported = read_bytes(
        summaries(
            entry(1, elevationGain=40.0, elevationLoss=38.0),
            entry(2, elevationGain=120.0, elevationLoss=118.0),
        )
    )
    assert [record.fields["ascent_m"] for record in imported.records] == [40.0, 120.0]


def test_a_flat_run_in_a_hilly_file_is_still_read_in_centimetres():
    imported = read_bytes(
        summaries(
            entry(1, elevationGain=4_000.0),
            entry(2, elevationGain=9_000.0),
            entry(3, elevationGain=300.0),  # 3 m over 10 km
        )
    )
    assert [record.fields["ascent_m"] for record in imported.records] == [40.0, 90.0, 3.0]


@pytest.mark.parametrize(
    ("cadence_fields", "cadence_spm"),
    [
        pytest.param({"avgRunCadence": 172.0}, 172.0, id="avgRunCadence in steps/min: kept"),
        pytest.param({"avgRunCadence": 86.0}, 172.0, id="avgRunCadence one foot: doubled"),
        pytest.param({"averageRunCadence": 170.0, "avgRunCadence": None}, 170.0, id="other name"),
        pytest.param({"avgDoubleCadence": 148.6, "avgRunCadence": 74.3}, 148.6, id="double wins"),
    ],
)
def test_cadence_is_steps_per_minute_both_feet(cadence_fields, cadence_spm):
    assert only_fields(entry(**cadence_fields))["avg_cadence_spm"] == pytest.approx(cadence_spm)


def test_each_run_is_judged_on_its_own_total_whatever_else_the_file_holds():
    # The cadence policy (units.cadence_factor) reads a run's own figure: the other runs of
    # the export do not move it, so a run reads the same in any file and any format.
    two_foot = read_bytes(
        summaries(
            entry(1, avgRunCadence=176.0),
            entry(2, avgRunCadence=118.0),
            entry(3, activityType="walking", avgRunCadence=112.0),
        )
    )
    one_foot = read_bytes(summaries(entry(1, avgRunCadence=88.0), entry(2, avgRunCadence=118.0)))
    assert [record.fields["avg_cadence_spm"] for record in two_foot.records] == [176, 236, 112]
    assert [record.fields["avg_cadence_spm"] for record in one_foot.records] == [176, 236]


def test_a_ride_has_no_running_cadence():
    fields = only_fields(entry(activityType="cycling", avgRunCadence=None, avgBikeCadence=88.0))
    assert math.isnan(fields["avg_cadence_spm"])


def test_zero_heart_rate_means_no_reading():
    assert math.isnan(only_fields(entry(avgHr=0))["avg_hr_bpm"])


# Gear ------------------------------------------------------------------------------------------


def shoes_of(data: bytes) -> dict[str, dict]:
    return {shoe["shoe"]: shoe for shoe in read_bytes(data).shoes}


def test_gear_gives_one_row_per_shoe_with_the_shoe_columns():
    data = gear_file(
        [
            gear(1, "Pegasus"),
            gear(2, "Old Clifton", gearStatusName="retired", dateEnd="2026-02-01T00:00:00.0"),
            gear(3, "Gravel bike", gearTypeName="Bike"),
        ],
        {
            "1": [{"activityId": 11}, {"activityId": 12}],
            "2": [{"activityId": 10}],
            "3": [{"activityId": 13}],
        },
    )
    shoes = shoes_of(data)
    assert set(shoes) == {"Pegasus", "Old Clifton"}
    pegasus, clifton = shoes["Pegasus"], shoes["Old Clifton"]
    assert pegasus["aliases"] == ("Pegasus model",)
    assert pegasus["start_date"] == dt.date(2025, 11, 1)
    assert pegasus["retired_date"] is None
    assert pegasus["limit_km"] == pytest.approx(700.0)
    assert math.isnan(pegasus["pre_used_km"])
    assert pegasus["activity_ids"] == ("garmin-11", "garmin-12")
    assert pegasus["is_default"] is False
    assert clifton["retired_date"] == dt.date(2026, 2, 1)
    assert clifton["activity_ids"] == ("garmin-10",)
    from analyzer.schema import SHOE_COLUMNS

    assert set(pegasus) == set(SHOE_COLUMNS)


def test_an_active_shoe_with_an_end_date_is_not_retired():
    data = gear_file([gear(1, "Pegasus", dateEnd="2027-01-01T00:00:00.0")], {})
    assert shoes_of(data)["Pegasus"]["retired_date"] is None


def test_a_retired_shoe_without_an_end_date_has_no_retired_date():
    data = gear_file([gear(1, "Pegasus", gearStatusName="retired")], {})
    assert shoes_of(data)["Pegasus"]["retired_date"] is None


@pytest.mark.parametrize("maximum_m", [0.0, None, "n/a"], ids=["0", "missing", "text"])
def test_no_replacement_distance_leaves_the_limit_to_the_rule(maximum_m):
    data = gear_file([gear(1, "Pegasus", maximumMeters=maximum_m)], {})
    assert math.isnan(shoes_of(data)["Pegasus"]["limit_km"])


def test_without_a_display_name_the_make_and_model_names_the_shoe():
    data = gear_file([gear(1, None, customMakeModel="Nike Pegasus 40")], {})
    assert shoes_of(data)["Nike Pegasus 40"]["aliases"] == ()


def test_links_keyed_by_uuid_are_read():
    data = gear_file([gear(1, "Pegasus")], {"uuid-1": [{"activityId": 21}]})
    assert shoes_of(data)["Pegasus"]["activity_ids"] == ("garmin-21",)


def test_links_given_as_a_list_are_read():
    data = gear_file(
        [gear(1, "Pegasus")], [{"gearPk": 1, "activityId": 31}, {"gearPk": 9, "activityId": 32}]
    )
    assert shoes_of(data)["Pegasus"]["activity_ids"] == ("garmin-31",)


def test_date_begin_as_epoch_milliseconds_is_read():
    data = gear_file([gear(1, "Pegasus", dateBegin=START_MS)], {})
    assert shoes_of(data)["Pegasus"]["start_date"] == dt.date(2026, 3, 4)


def test_a_gear_list_of_bikes_only_is_not_an_activity():
    data = gear_file([gear(3, "Gravel bike", gearTypeName="Bike")], {})
    with pytest.raises(NotAnActivity, match="no shoes"):
        read_bytes(data)


# Recognising the files, and broken ones ------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        pytest.param(summaries(entry()), id="activities"),
        pytest.param(gear_file([gear(1, "Pegasus")], {}), id="gear"),
        pytest.param(b"\xef\xbb\xbf  \n" + summaries(entry()), id="BOM and whitespace"),
        pytest.param(
            b'[{"gearActivityTypeDTOS": [], "gearActivityDTOs": {}}]',
            id="gear with other keys first",
        ),
    ],
)
def test_sniff_recognises_activity_and_gear_exports(head):
    assert garmin_json.sniff(head[:4096])


@pytest.mark.parametrize(
    "head",
    [
        pytest.param(b'[{"personalRecords": [{"activityId": 1}]}]', id="personal records"),
        pytest.param(b'[{"calendarDate": "2026-03-04", "deepSleepSeconds": 1}]', id="sleep data"),
        pytest.param(b'{"name": "my-app", "version": "1.0"}', id="package.json"),
        pytest.param(b"Activity ID,summarizedActivitiesExport\n", id="CSV naming the key"),
        pytest.param(b"", id="empty"),
    ],
)
def test_sniff_passes_over_other_json(head):
    assert not garmin_json.sniff(head)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b'[{"personalRecords": []}]', id="personal records"),
        pytest.param(b'{"deviceAndContentInfo": []}', id="an object of other keys"),
        pytest.param(b"[1, 2, 3]", id="a list of numbers"),
        pytest.param(b'"text"', id="a JSON string"),
    ],
)
def test_other_json_is_not_an_activity(data):
    with pytest.raises(NotAnActivity, match="not a Garmin activity or gear export"):
        read_bytes(data)


def test_an_empty_activity_list_is_not_an_activity():
    with pytest.raises(NotAnActivity, match="no activities"):
        read_bytes(summaries())


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"<html>login</html>", "is not valid JSON", id="HTML"),
        pytest.param(b"", "is empty", id="empty file"),
        pytest.param(b"[{\xff\xfe}]", "is not UTF-8", id="not UTF-8"),
        pytest.param(b"[" * 200_000, "nested", id="nested too deep"),
        pytest.param(
            b'[{"summarizedActivitiesExport": [{"activityId": 1, "na',
            "nothing in it could be read",
            id="cut in the first entry",
        ),
    ],
)
def test_a_broken_file_is_a_bad_file_with_a_reason(data, reason):
    with pytest.raises(BadFile, match=reason) as caught:
        read_bytes(data)
    assert not isinstance(caught.value, NotAnActivity)


def test_a_file_cut_short_keeps_the_whole_entries_before_the_damage():
    data = summaries(entry(1), entry(2), entry(3))
    cut = data[: data.index(b'"activityId": 3') + 20]
    imported = read_bytes(cut)
    assert [record.fields["activity_id"] for record in imported.records] == ["garmin-1", "garmin-2"]
    (problem,) = imported.problems
    assert problem.reason.startswith(f"ends after {len(cut):,} bytes in the middle of its JSON")
    assert "kept the 2 activities before the cut" in problem.reason
    assert problem.kind == FileErrorKind.TRUNCATED


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_reader_fails_only_with_bad_file(junk):
    with contextlib.suppress(BadFile):
        read_bytes(b'[{"summarizedActivitiesExport": [' + junk)
