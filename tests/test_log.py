"""TrainingLog: samples per activity, as a table or as the arrays the rules read."""

import numpy as np
import pandas as pd

from analyzer.log import TrainingLog

TIMES = pd.date_range("2026-03-01 06:00", periods=4, freq="5s", tz="UTC")
SAMPLES = pd.DataFrame(
    {"time_utc": TIMES, "distance_m": [0.0, 14.0, 28.5, 43.0], "cadence_spm": [170.0, 172, 0, 174]}
)
LOG = TrainingLog(sample_loaders={"run-1": lambda: SAMPLES})


def test_samples_for_gives_every_canonical_column():
    table = LOG.samples_for("run-1")
    assert list(table["activity_id"]) == ["run-1"] * 4
    assert table["speed_mps"].isna().all()  # not recorded
    assert table["distance_m"].tolist() == [0.0, 14.0, 28.5, 43.0]
    assert LOG.samples_for("no-such-run").empty


def test_sample_values_match_the_table():
    values = LOG.sample_values("run-1", "time_utc", "cadence_spm", "speed_mps")
    assert values["time_utc"].dtype == np.dtype("datetime64[ns]")
    assert (values["time_utc"] == TIMES.tz_localize(None).to_numpy()).all()
    assert values["cadence_spm"].tolist() == [170.0, 172.0, 0.0, 174.0]
    assert np.isnan(values["speed_mps"]).all() and len(values["speed_mps"]) == 4


def test_sample_values_of_a_run_without_samples_are_empty():
    values = LOG.sample_values("no-such-run", "time_utc", "cadence_spm")
    assert [len(array) for array in values.values()] == [0, 0]
