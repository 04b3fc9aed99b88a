"""Paths as the user gave them: every output names a file relative to the path named.

A report is shared with a coach or a physio; `/home/ana/Garmin/...` says where Ana keeps her
files, not what is in them. The command line hands the log through `relative_log` before the
rules run, so errors, note sources (and the findings that quote them) and the activities'
`source_path` all read `2026-03-01.fit`, `journal.md` or `export.zip!activities/12.gpx`.

One path named: paths under it are relative to it (a file named on its own is its name).
Several: relative to each one's parent folder, so `ana/...` and `bo/...` stay told apart.
A URL named (`s3://bucket/coach/`) is a folder like any other: its files read `ana/run.fit`,
and the URL itself is said once, where a line names the inputs.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analyzer.discover import shown
from analyzer.log import TrainingLog
from analyzer.storage import is_url

ARCHIVE_SEPARATOR = "!"  # discover's label of a member: export.zip!activities/12.gpx


def relative_path(path: str, roots: Sequence[str | Path]) -> str:
    """`path` relative to the root it lies under (see the module's docstring), else as is."""
    for root, shown_as in _prefixes(roots):
        if path == root:
            return shown_as or _name(root)
        separator = "/" if is_url(root) else os.sep  # a store's keys use / on every system
        if path.startswith(root + separator) or path.startswith(root + ARCHIVE_SEPARATOR):
            rest = path[len(root) + 1 :]
            return f"{shown_as}/{rest}" if shown_as else rest
    return path


def relative_log(log: TrainingLog, roots: Sequence[str | Path]) -> TrainingLog:
    """The log with every path in it (errors, notices, note sources, source_path) relative
    to `roots`."""

    def relative(column: pd.Series) -> pd.Series:
        """Each path once: a file of a million rows names one path a million times."""
        paths = {
            value: relative_path(value, roots) if isinstance(value, str) else value
            for value in column.dropna().unique()
        }
        return column.map(paths, na_action="ignore")

    activities = log.activities.assign(source_path=relative(log.activities["source_path"]))
    notes = log.notes.assign(source=relative(log.notes["source"]))
    return dataclasses.replace(
        log,
        activities=activities.astype({"source_path": log.activities["source_path"].dtype}),
        notes=notes.astype({"source": log.notes["source"].dtype}),
        errors=[
            dataclasses.replace(error, path=relative_path(error.path, roots))
            for error in log.errors
        ],
        notices=[
            dataclasses.replace(notice, path=relative_path(notice.path, roots))
            for notice in log.notices
        ],
    )


def _prefixes(roots: Sequence[str | Path]) -> list[tuple[str, str]]:
    """(root as discover labels it, what replaces it), longest root first."""
    labels = [_label(root) for root in roots]
    several = len(labels) > 1
    pairs = [(label, _name(label) if several else "") for label in labels]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _label(root: str | Path) -> str:
    """A root as discover labels the files under it: a URL without its trailing slash (its
    files are URL/key), a path as shown."""
    if is_url(root):
        return str(root).rstrip("/")
    return shown(Path(root)).rstrip(os.sep) or os.sep


def _name(label: str) -> str:
    """The last part of a root: a folder's or file's name, a URL's last key (or its bucket)."""
    return label.rsplit("/", 1)[-1] if is_url(label) else Path(label).name


__all__ = ["relative_log", "relative_path"]
