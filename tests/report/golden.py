"""Compare a rendered report with its file in tests/golden/; RUNLOG_UPDATE_GOLDEN=1 rewrites it.

After a deliberate change to a renderer, run `RUNLOG_UPDATE_GOLDEN=1 pytest tests/report` and
review the diff of tests/golden/ like any other change.
"""

import difflib
import os
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden"
UPDATE_VARIABLE = "RUNLOG_UPDATE_GOLDEN"


def assert_matches_golden(name: str, actual: str) -> None:
    """Fail unless `actual` is the golden file's text, byte for byte (rewrite it when asked)."""
    path = GOLDEN_DIR / name
    if os.environ.get(UPDATE_VARIABLE) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(actual)
        return
    if not path.exists():
        pytest.fail(f"tests/golden/{name} is missing; write it with {UPDATE_VARIABLE}=1 pytest")
    with path.open(encoding="utf-8", newline="") as stream:
        expected = stream.read()
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"tests/golden/{name}",
            tofile="rendered",
        )
        pytest.fail(
            f"differs from tests/golden/{name} ({UPDATE_VARIABLE}=1 rewrites it):\n"
            + "".join(diff),
            pytrace=False,
        )
