"""`runlog --help` starts without the heavy libraries: they are imported when a command runs."""

import subprocess
import sys

HEAVY = ("pandas", "numpy", "pyarrow", "rich", "matplotlib", "lxml")
SHOW_IMPORTED = (
    "import sys\n"
    "from analyzer import cli\n"
    "try:\n"
    "    cli.main()\n"
    "except SystemExit:\n"
    "    pass\n"
    f"print('imported:', ','.join(name for name in {HEAVY!r} if name in sys.modules))\n"
)


def imported_by(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", SHOW_IMPORTED, *args], capture_output=True, text=True, check=True
    )
    return result.stdout.rstrip("\n").splitlines()[-1].removeprefix("imported: ")


def test_help_imports_no_heavy_library():
    assert imported_by("--help") == ""
    assert imported_by("import", "--help") == ""


def test_a_command_imports_what_it_needs():
    assert "pandas" in imported_by("rules", "--format", "json")
