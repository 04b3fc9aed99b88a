"""The activities table written by `runlog import`: Parquet keeps types, CSV writes ISO text."""

import datetime as dt
import io

import pandas as pd

from analyzer.report.tables import activities_csv, activities_parquet
from tests.builders import make_log, run


def activities() -> pd.DataFrame:
    return make_log(
        [
            run("2026-03-01", 10.0, activity_id="a", merged_ids=("a", "b")),
            run("2026-03-02", 5.0, activity_id="c", merged_ids=("c",), cadence_spm=None),
        ]
    ).activities


def test_parquet_keeps_the_local_date_as_a_date_and_times_in_utc():
    back = pd.read_parquet(io.BytesIO(activities_parquet(activities())))
    assert back["local_date"].tolist() == [dt.date(2026, 3, 1), dt.date(2026, 3, 2)]
    assert str(back["start_time_utc"].dt.tz) == "UTC"
    assert list(back["merged_ids"].iloc[0]) == ["a", "b"]
    assert back["avg_cadence_spm"].isna().tolist() == [False, True]


def test_parquet_stores_a_column_of_mixed_values_as_text():
    table = activities().assign(export_ids=[1, "x"])
    back = pd.read_parquet(io.BytesIO(activities_parquet(table)))
    assert back["export_ids"].tolist() == ["1", "x"]


def test_csv_writes_iso_dates_and_joins_lists():
    back = pd.read_csv(io.StringIO(activities_csv(activities())), dtype=str)
    assert back["local_date"].tolist() == ["2026-03-01", "2026-03-02"]
    assert back["start_time_utc"].iloc[0] == "2026-03-01T06:00:00+00:00"  # 07:00 in Copenhagen
    assert back["merged_ids"].tolist() == ["a;b", "c"]


def test_csv_reads_back_as_the_same_times():
    table = activities()
    back = pd.read_csv(io.StringIO(activities_csv(table)))
    assert (pd.to_datetime(back["start_time_utc"]) == table["start_time_utc"]).all()
