"""What runlog's kept results depend on besides their inputs: its own code and what runs it.

Two caches keep what runlog made so a re-run need not make it again: each file's import
(analyzer/reading.py) and each command's whole result (analyzer/memo.py). Both are keyed on
`code_key()`, a digest of every file of the package (not a hand-picked list: an importer
reads constants from units.py, words from lexicon/, limits from plausible.py, and whatever
it comes to use next), the Python that runs it and the packages installed beside it (a new
fitdecode, lxml or pandas may read a file differently). A release, a changed line or an
upgraded library gives a new key, and each file is read afresh once.

Working the key out reads the package's files (about 0.7 MB) but imports nothing.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent
_NOT_CODE_FOLDERS = frozenset({"__pycache__"})
_NOT_CODE_SUFFIXES = (".pyc", ".pyo")


def code_files(package: Path = PACKAGE) -> list[Path]:
    """Every file of the package that can shape a result: modules and any data beside
    them, in subfolders too; compiled caches left out (Python remakes them from these)."""
    found = []
    for folder, folders, files in os.walk(package):
        folders[:] = sorted(name for name in folders if name not in _NOT_CODE_FOLDERS)
        found += [
            Path(folder, name) for name in sorted(files) if not name.endswith(_NOT_CODE_SUFFIXES)
        ]
    return found


def code_key(package: Path = PACKAGE) -> str:
    """A digest of the package's files (names and bytes), Python's version and the
    distributions installed where runlog's imports come from."""
    if package == PACKAGE:
        return _this_code_key()
    return _code_key(package)


@functools.cache
def _this_code_key() -> str:
    return _code_key(PACKAGE)


def _code_key(package: Path) -> str:
    digest = hashlib.sha256()
    for path in code_files(package):
        digest.update(path.relative_to(package).as_posix().encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    digest.update(sys.version.encode())
    for name in installed():
        digest.update(name.encode("utf-8", "surrogateescape"))
        digest.update(b"\n")
    return digest.hexdigest()


def installed() -> list[str]:
    """The distributions installed where imports come from, by the names of their metadata
    folders ('pandas-3.1.1.dist-info'): a new pandas or fitdecode may give other results."""
    found: list[str] = []
    for folder in filter(None, sys.path):
        try:
            with os.scandir(folder) as listing:
                found.extend(
                    entry.name
                    for entry in listing
                    if entry.name.endswith((".dist-info", ".egg-info"))
                )
        except OSError:
            continue
    return sorted(found)
