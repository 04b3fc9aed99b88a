"""Where files are, listed and read alike: a folder on disk, a folder in a store, a zip.

discover.py looks at every place through one `Tree`: which files and sub-folders a folder
holds (`children`), and every file under a folder (`walk`), each an `Entry`. A folder on
disk is walked with `os.scandir`; a folder in an object store (s3://, gs://, abfs://) is
listed once by name through analyzer/storage.py; a zip (anywhere, inside other zips too) is
listed from its central directory by analyzer/archives.py. Hidden files and the junk that
copying leaves behind (`__MACOSX`, `._*`, `.DS_Store`, `Thumbs.db`, `desktop.ini`) are left
out of every kind alike.

Each file found carries a `Location`: the path or URL it lies at and the zip entries it is
inside, outermost first. A Location is a small value that any process can read from (this
one, a reading process, a worker of a Dask cluster): it holds no bytes. Reading opens what
it names. A zip on disk is mapped for one read and let go (a mapping kept would grow to the
whole export in every process); a zip inside a zip, or one in a store, is kept once inflated
(`_ZIPS_KEPT`), so the thousands of FIT files of one of Garmin's inner zips inflate that zip
once per process, not once a file.
"""

from __future__ import annotations

import mmap
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Protocol

from analyzer import storage
from analyzer.archives import (
    MB,
    ArchiveLimitError,
    Buffer,
    InputLimits,
    Listing,
    Member,
    list_members,
    read_member,
)
from analyzer.errors import BadFile, FileErrorKind
from analyzer.storage import is_url

JUNK_NAMES = frozenset({"__MACOSX", "Thumbs.db", "desktop.ini"})  # hidden names start with "."
# inflated zips kept for the next member read: the one whose files are being read (Garmin's
# part of 1,000 FIT files inflates once a process; files are read in name order)
_ZIPS_KEPT = 1
_KINDS_OF_FILE = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
}
Problem = tuple[str, BadFile]  # the path as shown, and why it could not be read


class NotARegularFile(BadFile):
    """A FIFO, socket or device (or a link to one): never opened, so nothing can hang."""

    default_kind = FileErrorKind.NOT_REGULAR_FILE


def shown(path: str | Path) -> str:
    """A path as text any output can hold: bytes that are not UTF-8 escaped as \\xff."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def is_junk(relative: str) -> bool:
    """Whether a name under a folder is hidden or left by copying (in any part of it)."""
    return any(
        part not in (".", "") and (part.startswith(".") or part in JUNK_NAMES)
        for part in relative.split("/")
    )


@dataclass(frozen=True)
class Location:
    """Where one file's bytes are: a local path (as os.fsdecode gives it) or a URL, and the
    zip entries it lies inside, outermost first."""

    place: str
    members: tuple[Member, ...] = ()

    def read(self, limits: InputLimits) -> bytes:
        """The file's bytes (an entry inflated), never more than the limits allow."""
        if not self.members:
            return read_file(self.place, limits)
        return read_member(_zip_of(self.place, self.members[:-1], limits), self.members[-1], limits)

    def inside(self, member: Member) -> Location:
        """The Location of an entry of the zip at this Location."""
        return Location(self.place, (*self.members, member))


def too_large(size_bytes: int | None, limits: InputLimits) -> ArchiveLimitError:
    """The one error of a file past max_file_mb (its size when it is known before reading)."""
    if size_bytes is None:
        size = f"is more than {limits.max_file_mb:g} MB"
    else:
        size = f"is {size_bytes / MB:,.0f} MB"
    return ArchiveLimitError(
        f"{size}, more than any activity file: not read ({limits.named('max_file_mb')})"
    )


def read_file(place: str, limits: InputLimits) -> bytes:
    """The bytes of a file on disk or in a store, at most the limit. On disk it is opened
    without waiting, so a file replaced by a FIFO since it was found cannot hang the run."""
    if is_url(place):
        data = storage.read_bytes(place, limits.max_file_bytes)
    else:
        descriptor = os.open(place, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as stream:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                raise NotARegularFile("is not a regular file: passed over")
            # read() allocates what it is asked for: ask for the size the file has (and a byte)
            data = stream.read(min(info.st_size, limits.max_file_bytes) + 1)
    if len(data) > limits.max_file_bytes:
        raise too_large(None, limits)
    return data


def _zip_of(place: str, members: tuple[Member, ...], limits: InputLimits) -> Buffer:
    """The bytes of the zip at `place`, or of the zip entry `members` names inside it: a zip
    on disk mapped for this read only, any other kept inflated (`_kept_zip`)."""
    if not members and not is_url(place):
        return _mapped(place)
    return _kept_zip(place, members, limits, _stamp(place))


@lru_cache(maxsize=_ZIPS_KEPT)
def _kept_zip(
    place: str, members: tuple[Member, ...], limits: InputLimits, stamp: tuple[int, ...] | None
) -> bytes:
    """The bytes of a zip in a store (no members), or of a zip inside another. `stamp` tells
    a file on disk changed since it was kept."""
    if not members:
        return storage.read_bytes(place, limits.max_file_bytes)
    return read_member(_zip_of(place, members[:-1], limits), members[-1], limits)


def _stamp(place: str) -> tuple[int, ...] | None:
    """What tells a file on disk from the one at its place before (None for a URL)."""
    if is_url(place):
        return None
    info = os.stat(place)
    return info.st_ino, info.st_size, info.st_mtime_ns


def forget_zips() -> None:
    """Let go of the zips kept inflated (the plan is made; its files are read elsewhere)."""
    _kept_zip.cache_clear()


def open_zip(location: Location, limits: InputLimits) -> Buffer:
    """The bytes of the zip at `location` (kept when it is inside another, or in a store)."""
    return _zip_of(location.place, location.members, limits)


def _mapped(place: str) -> Buffer:
    """A zip's bytes, mapped from disk rather than read (an export can be gigabytes)."""
    with open(place, "rb") as stream:
        if os.fstat(stream.fileno()).st_size == 0:
            return b""
        return mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)


@dataclass(frozen=True)
class Entry:
    """One file of a Tree: its name under the tree's root, how it is shown, where it is."""

    relative: str  # "ana/2026/run.fit" ("/" between folders, whatever the system)
    label: str  # as outputs show it: a path, a URL, or archive.zip!member
    location: Location
    size_bytes: int | None
    not_regular: str | None = None  # "a FIFO (named pipe)" ...: a file never to open

    @property
    def name(self) -> str:
        return PurePosixPath(self.relative).name


class Tree(Protocol):
    """A folder of any kind: what it holds, and every file under it."""

    def children(self, folder: str = "") -> tuple[list[str], list[str]]:
        """The names of the files and of the sub-folders right in `folder` ("" the root)."""
        ...

    def walk(self, folder: str = "") -> Iterator[Entry]:
        """Every file under `folder`, as it is found (not in order)."""
        ...


class DiskFolder:
    """A folder on disk, walked with a list rather than recursion (a tree a thousand deep is
    one more loop), through links to folders once each (a link loop ends). What cannot be
    opened is added to `problems` when `is_data_name` says it mattered."""

    def __init__(
        self,
        root: Path,
        problems: list[Problem],
        is_data_name: Callable[[str], bool] = lambda name: False,
    ) -> None:
        self.root = root
        self.problems = problems
        self._is_data_name = is_data_name

    def children(self, folder: str = "") -> tuple[list[str], list[str]]:
        files: list[str] = []
        folders: list[str] = []
        try:
            with os.scandir(self._path(folder)) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            return [], []
        for entry in entries:
            if is_junk(entry.name):
                continue
            try:
                (folders if entry.is_dir() else files).append(entry.name)
            except OSError:
                continue
        return files, folders

    def walk(self, folder: str = "") -> Iterator[Entry]:
        start = self._path(folder)
        try:
            seen = {_identity(start.stat())}
        except OSError:
            seen = set()
        pending = [start]
        while pending:
            current = pending.pop()
            try:
                with os.scandir(current) as listing:
                    entries = list(listing)
            except OSError as err:
                reason = f"cannot open this folder ({err.strerror or err}); its files are not read"
                self.problems.append((shown(current), BadFile(reason, FileErrorKind.UNREADABLE)))
                continue
            for entry in entries:
                if is_junk(entry.name):
                    continue
                try:
                    info = os.stat(entry.path)  # through links: a link is what it points at
                except OSError as err:
                    if self._is_data_name(entry.name):
                        reason = "a link to nothing" if entry.is_symlink() else "cannot open"
                        self.problems.append(
                            (
                                shown(entry.path),
                                BadFile(f"{reason} ({err.strerror})", FileErrorKind.UNREADABLE),
                            )
                        )
                    continue
                if stat.S_ISDIR(info.st_mode):
                    if _identity(info) not in seen:
                        seen.add(_identity(info))
                        pending.append(Path(entry.path))
                    continue
                yield self.entry(Path(entry.path), info)

    def entry(self, path: Path, info: os.stat_result) -> Entry:
        """The Entry of a file at `path` (under the root or named on its own)."""
        kind = _KINDS_OF_FILE.get(stat.S_IFMT(info.st_mode))
        if kind is None and not stat.S_ISREG(info.st_mode):
            kind = "not a regular file"
        try:
            relative = path.relative_to(self.root).as_posix()
        except ValueError:
            relative = path.name
        return Entry(relative, shown(path), Location(os.fsdecode(path)), info.st_size, kind)

    def _path(self, folder: str) -> Path:
        return self.root / folder if folder else self.root


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


class NamedTree:
    """A tree listed whole by name: a folder in a store, or a zip."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = [entry for entry in entries if not is_junk(entry.relative)]

    def children(self, folder: str = "") -> tuple[list[str], list[str]]:
        prefix = f"{folder}/" if folder else ""
        files: set[str] = set()
        folders: set[str] = set()
        for entry in self.entries:
            if not entry.relative.startswith(prefix):
                continue
            head, separator, _ = entry.relative[len(prefix) :].partition("/")
            (folders if separator else files).add(head)
        return sorted(files), sorted(folders)

    def walk(self, folder: str = "") -> Iterator[Entry]:
        prefix = f"{folder}/" if folder else ""
        return (entry for entry in self.entries if entry.relative.startswith(prefix))


def store_folder(url: str) -> NamedTree | Entry:
    """The files under a URL as a tree, or the Entry of the one file it names. Only names and
    sizes are fetched: no file is read or copied. FileNotFoundError when nothing is there."""
    files, is_folder = storage.list_files(url)
    entries = [
        Entry(file.relative, file.url, Location(file.url), file.size_bytes) for file in files
    ]
    return NamedTree(entries) if is_folder else entries[0]


def zip_tree(label: str, location: Location, members: list[Member]) -> NamedTree:
    """A zip's entries (folders left out) as a tree; labels read archive.zip!member."""
    return NamedTree(
        [
            Entry(member.name, f"{label}!{member.name}", location.inside(member), member.size)
            for member in members
            if member.name and not member.is_folder
        ]
    )


def zip_members(location: Location, limits: InputLimits) -> Listing:
    """The Listing of the zip at `location` (its entries, and any damage)."""
    return list_members(open_zip(location, limits), limits)


__all__ = [
    "DiskFolder",
    "Entry",
    "Location",
    "NamedTree",
    "NotARegularFile",
    "Tree",
    "forget_zips",
    "is_junk",
    "open_zip",
    "read_file",
    "shown",
    "store_folder",
    "too_large",
    "zip_members",
    "zip_tree",
]
