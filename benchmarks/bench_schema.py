"""What holding a table to its schema costs (analyzer/schema.py), and what pandera would.

    python -m benchmarks.bench_schema [--rows 3500] [--repeats 5]

The activities of sample_data/, repeated to `--rows` rows, are held to
schema.ACTIVITY_COLUMNS by `schema.published` (CPU time of each of `--repeats` calls). When
pandera can be imported (it is not one of runlog's dependencies: put it on PYTHONPATH), the
same bounds and values as a pandera DataFrameSchema: the CPU time of importing it (cold, in a
fresh process) and of each validation. Speed is measured here, not in the tests.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

import analyzer
from analyzer.schema import ACTIVITY_COLUMNS, dtype_of, published

SAMPLE_DATA = Path(__file__).resolve().parents[1] / "sample_data"
_IMPORT_COST = (
    "import time; import pandas; start = time.process_time(); import pandera.pandas; "
    "print(time.process_time() - start)"
)


def table_of(rows: int) -> pd.DataFrame:
    """sample_data's activities, repeated to `rows` rows."""
    activities = analyzer.load(SAMPLE_DATA).activities
    copies = -(-rows // len(activities))
    return pd.concat([activities] * copies, ignore_index=True).head(rows)


def cpu_ms(work, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        work()
        times.append((time.process_time() - start) * 1000)
    return times


def pandera_schema():
    """ACTIVITY_COLUMNS' dtypes, bounds and values as a pandera schema (strict: no other column)."""
    import pandera.pandas as pa

    columns = {}
    for name, column in ACTIVITY_COLUMNS.items():
        checks = []
        if column.low is not None or column.high is not None:
            checks.append(pa.Check.in_range(column.low, column.high))
        if column.values:
            checks.append(pa.Check.isin(column.values))
        columns[name] = pa.Column(dtype_of(column), checks, nullable=True)
    return pa.DataFrameSchema(columns, strict=True, ordered=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3500)
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    table = published(table_of(options.rows), ACTIVITY_COLUMNS)
    times = cpu_ms(lambda: published(table, ACTIVITY_COLUMNS), options.repeats)
    shown = ", ".join(f"{ms:.1f}" for ms in times)
    print(f"schema.published, {len(table)} rows: {shown} ms CPU")
    if importlib.util.find_spec("pandera") is None:
        print("pandera: not importable (not a runlog dependency); put it on PYTHONPATH to compare")
        return
    cold = subprocess.run(
        [sys.executable, "-c", _IMPORT_COST], capture_output=True, text=True, check=True
    )
    print(f"import pandera.pandas after pandas, cold: {float(cold.stdout) * 1000:.0f} ms CPU")
    schema = pandera_schema()
    shown = ", ".join(f"{ms:.1f}" for ms in cpu_ms(lambda: schema.validate(table), options.repeats))
    print(f"pandera validate, {len(table)} rows: {shown} ms CPU (the first includes its set-up)")


if __name__ == "__main__":
    main()
