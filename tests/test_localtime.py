"""Local dates: the device's offset first, then the zone at the first GPS point, then a stated
offset, then the profile's zone. Days are never taken from UTC."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analyzer.localtime import offset_name, resolve_local_time

UTC_EVENING = pd.Timestamp("2026-03-01T19:30:00Z")  # 06:30 next morning in Sydney


def _one(**fields) -> pd.Series:
    base = {
        "start_time_utc": pd.NaT,
        "start_time_local": pd.NaT,
        "utc_offset_s": np.nan,
        "stated_utc_offset_s": np.nan,
        "start_lat_deg": np.nan,
        "start_lon_deg": np.nan,
        "athlete": "ana",
    }
    frame = pd.DataFrame([{**base, **fields}])
    return resolve_local_time(frame, {"": "Europe/Copenhagen"}).iloc[0]


@pytest.mark.parametrize(
    ("fields", "zone", "local_date"),
    [
        pytest.param(
            {"start_time_utc": UTC_EVENING, "utc_offset_s": 11 * 3600},
            "+11:00",
            dt.date(2026, 3, 2),
            id="the device's offset puts a Sydney dawn run on the next day",
        ),
        pytest.param(
            {"start_time_utc": UTC_EVENING, "start_lat_deg": -33.87, "start_lon_deg": 151.21},
            "Australia/Sydney",
            dt.date(2026, 3, 2),
            id="without an offset the first GPS point gives the zone",
        ),
        pytest.param(
            {"start_time_utc": UTC_EVENING, "utc_offset_s": -243_361 * 3600.0},
            "Europe/Copenhagen",
            dt.date(2026, 3, 1),
            id="an absurd device offset is ignored for the profile zone",
        ),
        pytest.param(
            {"start_time_utc": UTC_EVENING, "stated_utc_offset_s": -5 * 3600},
            "-05:00",
            dt.date(2026, 3, 1),
            id="an offset written in the timestamps is used when there is no GPS",
        ),
        pytest.param(
            {"start_time_utc": pd.Timestamp("2026-03-01T23:30:00Z")},
            "Europe/Copenhagen",
            dt.date(2026, 3, 2),
            id="the profile zone moves a late UTC run to the next local day",
        ),
    ],
)
def test_zone_and_local_date(fields, zone, local_date):
    row = _one(**fields)
    assert row["timezone"] == zone
    assert row["local_date"] == local_date


def test_local_wall_time_gets_its_utc_start_from_the_zone():
    row = _one(start_time_local=pd.Timestamp("2026-07-01 07:00"))
    assert row["start_time_utc"] == pd.Timestamp("2026-07-01T05:00:00Z")
    assert row["local_date"] == dt.date(2026, 7, 1)


def test_a_local_time_skipped_by_daylight_saving_does_not_fail():
    row = _one(start_time_local=pd.Timestamp("2026-03-29 02:30"))
    assert row["local_date"] == dt.date(2026, 3, 29)
    assert row["start_time_utc"] == pd.Timestamp("2026-03-29T01:00:00Z")


@pytest.mark.parametrize(
    ("offset_s", "name"), [(7200, "+02:00"), (-25200, "-07:00"), (19800, "+05:30"), (0, "+00:00")]
)
def test_offset_names(offset_s, name):
    assert offset_name(offset_s) == name
