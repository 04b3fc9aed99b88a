"""One settings object, read from the environment at the edges and passed down."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyzer.archives import InputLimits
from analyzer.errors import RunlogError
from analyzer.settings import Settings

PACKAGE = Path(__file__).resolve().parents[1] / "analyzer"
WRITES = re.compile(
    r"os\.environ\s*\[[^]]*\]\s*=|os\.environ\.(update|setdefault|pop|clear)\b|os\.putenv|"
    r"os\.unsetenv|del\s+os\.environ"
)


def test_one_module_reads_the_environment_and_none_writes_it():
    texts = {path: path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")}
    reads = re.compile(r"os\.environ|os\.getenv|from os import[^\n]*\b(environ|getenv)\b")
    reading = {str(path.relative_to(PACKAGE)) for path, text in texts.items() if reads.search(text)}
    assert reading == {"settings.py"}
    assert [str(path) for path, text in texts.items() if WRITES.search(text)] == []


def test_the_settings_hold_what_the_environment_says(tmp_path):
    settings = Settings.from_environment(
        {
            "RUNLOG_CACHE": str(tmp_path / "cache"),
            "RUNLOG_WORKERS": "3",
            "RUNLOG_DASK_WORKERS": "2",
            "RUNLOG_FIT_DECODER": "fitdecode",
            "RUNLOG_MAX_RATIO": "40",
            "TZ": "Europe/Oslo",
            "HOME": str(tmp_path),
        }
    )
    assert settings.cache_folder() == tmp_path / "cache"
    assert (settings.reading_processes(), settings.dask_processes()) == (3, 2)
    assert settings.read_options("fit") == {"use_fitfast": False}
    assert settings.read_options("gpx") == {}
    assert settings.input_limits(InputLimits()).max_ratio == 40
    assert settings.timezone == "Europe/Oslo"
    assert settings.with_processes(1).reading_processes() == 1


def test_the_cache_is_off_with_zero_and_in_the_user_cache_folder_by_default(tmp_path):
    assert Settings.from_environment({"RUNLOG_CACHE": "0"}).cache_folder() is None
    settings = Settings.from_environment({"XDG_CACHE_HOME": str(tmp_path)})
    assert settings.cache_folder() == tmp_path / "runlog"


@pytest.mark.parametrize("name", ["RUNLOG_WORKERS", "RUNLOG_DASK_WORKERS"])
def test_a_count_written_wrong_is_one_line(name):
    settings = Settings.from_environment({name: "many"})
    with pytest.raises(RunlogError, match=f"{name}=many: must be a whole number more than 0"):
        settings.reading_processes() if name == "RUNLOG_WORKERS" else settings.dask_processes()
