"""`--profile` is read exactly once, from any readable source; a FIFO nobody writes to, a
device is refused with one line, never a hang, never a read without end."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer import cli, profile

SAMPLE_DATA = Path(__file__).resolve().parents[1] / "sample_data"
MILES = b'athlete = "sam"\nunits = "miles"\n'
RUNLOG = [sys.executable, "-c", "from analyzer.cli import main; main()"]


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("RUNLOG_CACHE", str(tmp_path / "cache"))  # the cache on, as for a user
    folder = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, folder, ignore=shutil.ignore_patterns("runlog.toml"))
    return folder


def _environment() -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": root}


@pytest.mark.skipif(shutil.which("bash") is None, reason="process substitution needs bash")
def test_a_process_substitution_is_read_once_with_the_cache_on(data, tmp_path):
    written = tmp_path / "miles.toml"
    written.write_bytes(MILES)
    script = (
        f"'{sys.executable}' -c 'from analyzer.cli import main; main()' check '{data}' "
        f"--profile <(cat '{written}')"
    )
    for _ in range(2):  # the second run finds its result kept: the profile still applies
        result = subprocess.run(
            ["bash", "-c", script], capture_output=True, text=True, env=_environment()
        )
        assert result.returncode == cli.EXIT_OK, result.stderr
        assert " mi" in result.stdout and " km" not in result.stdout


def test_standard_input_is_read_once_with_the_cache_on(data):
    for _ in range(2):
        result = subprocess.run(
            [*RUNLOG, "check", str(data), "--profile", "/dev/stdin"],
            input=MILES,
            capture_output=True,
            env=_environment(),
        )
        assert result.returncode == cli.EXIT_OK, result.stderr
        assert b" mi" in result.stdout and b" km" not in result.stdout


def test_a_fifo_written_once_gives_its_profile(data, tmp_path):
    fifo = tmp_path / "profile.fifo"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as stream:
            stream.write(MILES)

    writer = threading.Thread(target=write)
    writer.start()
    result = CliRunner().invoke(cli.cli, ["check", str(data), "--profile", str(fifo)])
    writer.join(timeout=5)
    assert result.exit_code == cli.EXIT_OK, result.output
    assert " mi" in result.stdout


def test_a_fifo_nobody_writes_to_is_one_line_not_a_hang(data, tmp_path, monkeypatch):
    monkeypatch.setattr(profile, "PIPE_WAIT_S", 0.3)
    fifo = tmp_path / "silent.fifo"
    os.mkfifo(fifo)
    result = CliRunner().invoke(cli.cli, ["check", str(data), "--profile", str(fifo)])
    assert result.exit_code == cli.EXIT_USAGE
    assert result.output == (
        f"Error: {fifo}: nothing came through this pipe in 0.3 s (a FIFO nobody writes to?)\n"
    )


@pytest.mark.parametrize("named", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_at_once(data, named):
    result = CliRunner().invoke(cli.cli, ["check", str(data), "--profile", named])
    assert result.exit_code == cli.EXIT_USAGE
    assert result.output == f"Error: {named}: is a device, not a profile file\n"
