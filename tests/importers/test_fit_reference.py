"""runlog's FIT reading against fitparse, the reference reader, on every real FIT file.

runlog reads FIT with fitfast and fitdecode (README says why); fitparse is what the product
was first specified on. For each real file, session totals, the number of records and each
record's time, distance and cadence must agree. Where runlog differs on purpose, the test says
why:
- records with the same timestamp are one sample (a Suunto Ambit writes its GPS fix and its
  sensor values as two records each second; docs/FORMATS.md §1.9): fitparse's records are merged
  the same way, the first value of each field winning, before they are compared;
- FIT cadence on foot counts one foot: runlog's cadence_spm is 2 x (cadence +
  fractional_cadence) on running, walking and hiking sessions (1 x where the device already
  wrote steps), the value as written on a ride or a swim; the sport is runlog's (a Fenix 2
  `generic` session that moves like a run is a run);
- a session whose total distance is 0 although its records run on (the Suunto Ambit 3 Peak
  file) is measured from the records: runlog's distance is then the last record's distance.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analyzer
from tests.conftest import REAL_DATA

fitparse = pytest.importorskip("fitparse")  # the reference reader, in the test extra

FIT_FILES = (
    sorted(
        path.relative_to(REAL_DATA).as_posix()
        for path in (REAL_DATA / "fit").glob("*")
        if path.is_file()
    )
    if (REAL_DATA / "fit").is_dir()
    else []
)
FOOT_SPORTS = ("running", "walking", "hiking")  # their FIT cadence may count one foot


def _fit_bytes(path: Path) -> bytes:
    raw = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        return gzip.decompress(raw)
    if path.name.lower().endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return archive.read(archive.namelist()[0])
    return raw


def _reference(path: Path) -> tuple[pd.DataFrame, list[dict]]:
    """fitparse's records (merged by timestamp, first value winning) and sessions."""
    fit = fitparse.FitFile(io.BytesIO(_fit_bytes(path)))
    records = pd.DataFrame([message.get_values() for message in fit.get_messages("record")])
    sessions = [message.get_values() for message in fit.get_messages("session")]
    for column in ("distance", "cadence", "fractional_cadence"):
        if column not in records:
            records[column] = np.nan
    merged = records.groupby("timestamp", sort=True).first()  # first non-null of each field
    return merged, sessions


def _sport_at(sessions: list[dict], sports: list[str], times: pd.Index) -> np.ndarray:
    """runlog's sport of the session each record belongs to: the last one started by then."""
    starts = pd.DatetimeIndex([pd.Timestamp(session["start_time"]) for session in sessions])
    order = np.argsort(starts)
    position = np.searchsorted(starts[order], pd.DatetimeIndex(times), "right") - 1
    return np.array(sports, dtype=object)[np.clip(position, 0, len(sessions) - 1)]


@pytest.mark.skipif(not FIT_FILES, reason="../shared/real_data is absent")
@pytest.mark.parametrize("name", FIT_FILES)
def test_fit_reading_agrees_with_fitparse(name):
    path = REAL_DATA / name
    records, sessions = _reference(path)
    log = analyzer.load(path)
    activities = log.activities.sort_values("start_time_utc")
    samples = pd.concat([log.samples_for(item) for item in activities["activity_id"]])
    samples = samples.sort_values("time_utc").reset_index(drop=True)

    assert len(activities) == len(sessions)
    session_m = sum(session.get("total_distance") or 0.0 for session in sessions)
    if session_m == 0 and records["distance"].max() > 0:  # measured from the records
        # within 0.1 %: runlog measures the moving part of the records
        assert activities["distance_m"].sum() == pytest.approx(records["distance"].max(), rel=1e-3)
    else:
        assert activities["distance_m"].sum() == pytest.approx(session_m, abs=0.05)
    session_s = sum(session.get("total_timer_time") or 0.0 for session in sessions)
    assert activities["moving_s"].sum() == pytest.approx(session_s, abs=1.0)

    assert len(samples) == len(records)
    times = records.index
    if isinstance(times[0], dt.datetime):  # a FIT whose clock was set: times are UTC
        runlog_times = samples["time_utc"].dt.tz_convert("UTC").dt.tz_localize(None)
        assert (runlog_times.to_numpy() == times.to_numpy().astype("datetime64[ns]")).all()

    distance = records["distance"].to_numpy(dtype=float)
    both = ~np.isnan(distance) & samples["distance_m"].notna().to_numpy()
    assert np.allclose(samples["distance_m"].to_numpy(dtype=float)[both], distance[both], atol=0.01)

    written = records["cadence"].to_numpy(dtype=float) + np.nan_to_num(
        records["fractional_cadence"].to_numpy(dtype=float)
    )
    cadence = samples["cadence_spm"].to_numpy(dtype=float)
    sports = _sport_at(sessions, list(activities["sport"]), times)
    for sport in set(sports):
        rows = (sports == sport) & ~np.isnan(written) & (written > 0)
        if sport not in FOOT_SPORTS:  # crank or stroke rate: not steps, not in cadence_spm
            assert np.isnan(cadence[rows]).all(), sport
            continue
        assert (~np.isnan(cadence[rows])).all()  # runlog keeps every step cadence fitparse reads
        factors = set(np.round(cadence[rows] / written[rows], 6))
        assert factors <= {1.0, 2.0}, sport
        assert len(factors) <= 1  # one factor for a whole session's records
