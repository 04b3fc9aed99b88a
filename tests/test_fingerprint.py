"""The code key of the caches covers whatever an import depends on: a changed module, data
file, Python or library gives a new key, so no kept reading or result is stale."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from analyzer import fingerprint, reading

REPOSITORY = Path(__file__).resolve().parents[1]
# Imports every importer and reads every sample file (modules imported at call time count
# too), then lists the modules loaded and the files they came from.
MODULES_OF_AN_IMPORT = """
import json, sys
from pathlib import Path
from analyzer import reading
from analyzer.importers import importers
importers()
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            reading.parse(path.name, path.read_bytes())
print(json.dumps({
    name: getattr(module, "__file__", None)
    for name, module in list(sys.modules.items())
}))
"""


def copy_of_the_package(tmp_path: Path) -> Path:
    return Path(
        shutil.copytree(
            fingerprint.PACKAGE,
            tmp_path / "analyzer",
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    )


def test_the_key_depends_on_the_code_not_where_it_sits(tmp_path):
    copy = copy_of_the_package(tmp_path)
    assert fingerprint.code_key(copy) == fingerprint.code_key()
    assert fingerprint.code_key()[:16] == reading.CACHE_VERSION


def test_a_changed_constant_in_units_gives_a_new_key(tmp_path):
    copy = copy_of_the_package(tmp_path)
    before = fingerprint.code_key(copy)
    units = copy / "units.py"
    text = units.read_text()
    changed = re.sub(r'"running": 120\.0', '"running": 110.0', text)
    assert changed != text  # the one-foot cadence threshold of a run
    units.write_text(changed)
    assert fingerprint.code_key(copy) != before


def test_a_word_a_data_file_or_a_moved_module_gives_a_new_key(tmp_path):
    copy = copy_of_the_package(tmp_path)
    keys = {fingerprint.code_key(copy)}
    english = copy / "lexicon" / "en.py"
    english.write_text(english.read_text().replace("knee", "kneecap", 1))
    keys.add(fingerprint.code_key(copy))
    (copy / "lexicon" / "words.json").write_text("{}")  # any file of the package counts
    keys.add(fingerprint.code_key(copy))
    (copy / "importers" / "fit" / "values.py").rename(copy / "importers" / "values.py")
    keys.add(fingerprint.code_key(copy))
    assert len(keys) == 4


def test_every_module_an_import_uses_is_covered_by_the_key():
    folders = [REPOSITORY / "sample_data", REPOSITORY / "examples" / "strava_export"]
    listing = subprocess.run(
        [sys.executable, "-c", MODULES_OF_AN_IMPORT, *map(str, folders)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPOSITORY,
    )
    modules = json.loads(listing.stdout.splitlines()[-1])
    covered_files = set(fingerprint.code_files())
    installed = fingerprint.installed()
    owner_of = _distribution_of_each_file()
    standard = {Path(sysconfig.get_paths()[name]) for name in ("stdlib", "platstdlib")}
    uncovered = []
    for name, file in sorted(modules.items()):
        if file is None:  # built into the interpreter: its version is in the key
            continue
        path = Path(os.path.normpath(file))
        if name == "analyzer" or name.startswith("analyzer."):
            if path not in covered_files:
                uncovered.append(name)
        elif any(path.is_relative_to(folder) for folder in standard) and (
            "site-packages" not in path.parts
        ):
            continue  # the standard library: sys.version is in the key
        elif not _is_listed(owner_of.get(path, ""), installed):
            uncovered.append(name)
    assert "analyzer.units" in modules and "fitdecode" in modules
    assert uncovered == []


def _distribution_of_each_file() -> dict[Path, str]:
    """Each installed file's distribution, from the distributions' own lists of files."""
    owners = {}
    for distribution in importlib.metadata.distributions():
        name = distribution.metadata["Name"]
        for file in distribution.files or ():
            located = os.path.normpath(distribution.locate_file(file))
            owners[Path(located)] = name
    return owners


def _is_listed(distribution: str, installed: list[str]) -> bool:
    if not distribution:
        return False
    wanted = re.sub(r"[-_.]+", "_", distribution).lower()
    return any(
        re.sub(r"[-_.]+", "_", entry.partition("-")[0]).lower() == wanted for entry in installed
    )
