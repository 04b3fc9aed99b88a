"""Writing outputs: never over what runlog reads, never half a file.

An output that is one of the inputs, or that sits in an input folder where the next run would
read it back as data, is refused whatever the options; an existing file is replaced only with
`--force`. What is written goes to a temporary name beside the output and is renamed over it
once complete (analyzer/atomic.py), so an interrupted run leaves the old file as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from analyzer.errors import RunlogError
from analyzer.importers import claims


class OutputRefused(RunlogError):
    """An output path runlog will not write to; the message says why and what to do."""


def check_output(output: Path, inputs: Sequence[Path], *, force: bool = False) -> None:
    """Raise OutputRefused when writing `output` could change or feed back into `inputs`."""
    target = output.resolve()
    for named in inputs:
        source = named.resolve()
        if target == source or _same_file(output, named):
            raise OutputRefused(f"{output}: is one of the files runlog reads; write elsewhere")
        if source.is_dir() and target.is_relative_to(source) and _is_read(target.name):
            raise OutputRefused(
                f"{output}: is inside {named}, which runlog reads, and would be read as data "
                "next time; write it outside that folder"
            )
    if output.is_dir():
        raise OutputRefused(f"{output}: is a folder; name a file to write")
    if output.exists() and not force:
        raise OutputRefused(f"{output}: already exists; add --force to replace it")


def check_site(folder: Path, inputs: Sequence[Path]) -> None:
    """Raise OutputRefused when a site's folder is a file, is read, or lies in what is read:
    its pages would turn a coach's folder into one with a folder of no runs."""
    target = folder.resolve()
    for named in inputs:
        source = named.resolve()
        if target == source or (source.is_dir() and target.is_relative_to(source)):
            where = "is" if target == source else "is inside"
            raise OutputRefused(
                f"{folder}: {where} {named}, which runlog reads; write the site outside it"
            )
    if folder.exists() and not folder.is_dir():
        raise OutputRefused(f"{folder}: is a file; name a folder for the site, or a .html file")


def check_pages(folder: Path, names: Iterable[str], *, force: bool = False) -> None:
    """Raise OutputRefused when a page of the site exists already and `force` is not given."""
    existing = sorted(name for name in names if (folder / name).exists())
    if existing and not force:
        more = f" (and {len(existing) - 1:,} more)" if len(existing) > 1 else ""
        raise OutputRefused(
            f"{folder / existing[0]}{more}: already exists; add --force to replace the site's pages"
        )


def _is_read(name: str) -> bool:
    """Whether a file of this name in an input folder would be read as data."""
    return claims(name) or name.lower().endswith((".zip", ".toml"))


def _same_file(first: Path, second: Path) -> bool:
    """Whether two existing paths are one file (a hard link, a bind mount)."""
    try:
        return first.exists() and second.exists() and first.samefile(second)
    except OSError:
        return False
