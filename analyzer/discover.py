"""From the paths a user names to readable sources: files, folder trees, zip members, .gz.

Folders are walked front to back without recursion (a tree a thousand deep is one more
loop), following links to folders once, so a link loop ends. Only regular files are read: a
FIFO, socket or device named like an activity file is passed over with one line, never opened.
Files no importer claims are passed over, but a path the user named is never ignored. Zip
archives (and zips inside them, as in Garmin's account export) are read in place, within the
InputLimits, never unpacked to disk. A folder whose sub-folders each hold activity files (a
coach's folder, one per athlete) gives one athlete per sub-folder. A runlog.toml at the root
of a zip is read as it is beside the data in a folder.

Names are shown as the user would type them: bytes that are not UTF-8 (a file name from an
old system, an entry of an old zip) are escaped (`run\\xff.gpx`), so every output can show them.
"""

from __future__ import annotations

import functools
import mmap
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path, PurePosixPath

from analyzer import storage
from analyzer.archives import (
    DEFAULT_LIMITS,
    MB,
    ArchiveLimitError,
    Buffer,
    InputLimits,
    Member,
    inflate_gz,
    list_members,
    read_member,
)
from analyzer.errors import BadFile, FileErrorKind, RunlogError
from analyzer.importers import claims
from analyzer.profile import PROFILE_FILE_NAME
from analyzer.storage import StoredFile, is_url

ARCHIVE_SEPARATOR = "!"  # export.zip!activities/123.fit.gz
_JUNK_NAMES = re.compile(r"(^|/)(__MACOSX/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$)")
_JUNK_FOLDERS = ("__MACOSX",)
_JUNK_FILES = ("Thumbs.db", "desktop.ini")
# How many files to look at for a data file when judging whether a folder beside the one
# named is an athlete's: enough for any runner's folder, far short of a home folder's.
_LOOK_FOR_DATA_FILES = 20_000
# Sub-folder names that organise one runner's files rather than naming athletes.
_BUCKET_NAME = re.compile(
    r"^(\d{4}([-_ .]\d{1,2})?|\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"activities|activity|di_connect|fit_type_4|garmin|strava|coros|polar|suunto|wahoo|media|"
    r"routes|gpx|fit|tcx|csv|exports?|archive|uploads?|notes|journal|backup|old|new|raw|"
    # the folders of Garmin's and Apple's exports
    r"di[-_]connect.*|apple_health_export|workout-routes|electrocardiograms)$",
    re.IGNORECASE,
)
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


@dataclass(frozen=True)
class Source:
    """One file to import: where it is, whose it is, and how to get its bytes."""

    path: str  # as the user sees it: a file path, or archive.zip!member/path
    athlete: str | None  # the athlete sub-folder it sits in, if any
    named: bool  # the user named this very file
    in_archive: bool
    read_raw: Callable[[], bytes]
    limits: InputLimits = field(default=DEFAULT_LIMITS, compare=False)

    @property
    def name(self) -> str:
        return PurePosixPath(self.path.rsplit(ARCHIVE_SEPARATOR, 1)[-1]).name

    def read(self) -> bytes:
        """The file's bytes, gunzipped (within the limits) when its name ends in .gz."""
        raw = self.read_raw()
        if not self.name.lower().endswith(".gz"):
            return raw
        return inflate_gz(raw, self.limits)


@dataclass(frozen=True)
class Discovery:
    sources: list[Source]
    problems: list[Problem]  # paths that could not be opened or read, and why
    athlete_folders: dict[str, Path]  # athlete -> their sub-folder (for their runlog.toml)
    data_folders: list[Path]  # the folders named, and the folders of the files named
    # athlete ("" for all) -> (where, TOML bytes) of a runlog.toml found at the root of a zip
    archive_profiles: dict[str, tuple[str, bytes]] = field(default_factory=dict)


def shown(path: str | Path) -> str:
    """A path as text any output can hold: bytes that are not UTF-8 escaped as \\xff."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def discover(paths: list[str | Path], limits: InputLimits | None = None) -> Discovery:
    """Every source under the named paths, in a stable order; what cannot be read, as problems."""
    limits = DEFAULT_LIMITS if limits is None else limits
    found = Discovery([], [], {}, [])
    for raw_path in paths:
        if is_url(raw_path):
            _add_url(found, str(raw_path), limits, beside_others=len(paths) > 1)
            continue
        path = Path(raw_path)
        try:
            info = path.stat()
        except OSError as err:
            reason = "no such file or folder" if not path.is_symlink() else "a link to nothing"
            kind = FileErrorKind.MISSING_PATH
            if not isinstance(err, FileNotFoundError):
                reason, kind = f"cannot open: {err.strerror or err}", FileErrorKind.UNREADABLE
            found.problems.append((shown(path), BadFile(reason, kind)))
            continue
        if stat.S_ISDIR(info.st_mode):
            athletes = folder_athletes(path, beside_others=len(paths) > 1)
            if path not in athletes.values():  # a runner's own runlog.toml is theirs alone
                found.data_folders.append(path)
            for athlete, folder in athletes.items():
                found.athlete_folders[athlete] = folder
                _add_tree(found, folder, athlete, limits)
            if not athletes:
                _add_tree(found, path, None, limits)
        else:
            found.data_folders.append(path.parent)
            _add_file(found, path, info, None, named=True, limits=limits)
    return found


def folder_athletes(folder: Path, *, beside_others: bool) -> dict[str, Path]:
    """The athletes of a folder named, each with their folder: a coach's athlete sub-folders,
    else the folder itself when it is a runner's named beside others (`_own_athlete`), else
    none (its files are the other paths')."""
    athletes = coach_athlete_folders(folder)
    if athletes:
        return {shown(child.name): child for child in athletes}
    own_athlete = _own_athlete(folder) if beside_others else None
    return {own_athlete: folder} if own_athlete is not None else {}


def _own_athlete(folder: Path) -> str | None:
    """The athlete of a runner's folder named beside others, when it holds its own runlog.toml:
    the name the profile gives, else the folder's. Its profile is then theirs alone, so two
    runners' folders named together stay two runners."""
    profile_path = folder / PROFILE_FILE_NAME
    if not profile_path.is_file():
        return None
    try:
        text = profile_path.read_bytes()
    except OSError:
        text = b""  # the loader reports an unreadable profile with its reason
    return _athlete_of_profile(text, shown(folder.name))


def _athlete_of_profile(text: bytes, folder_name: str) -> str:
    """The athlete a runner's own runlog.toml names, else their folder's name."""
    try:
        named = tomllib.loads(text.decode("utf-8")).get("athlete")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        named = None  # the loader reports a bad profile with its reason
    return named.strip() if isinstance(named, str) and named.strip() else folder_name


def coach_athlete_folders(folder: Path) -> list[Path]:
    """The athlete sub-folders when `folder` is a coach's folder, else an empty list.

    A coach's folder holds no activity files of its own and at least two sub-folders that
    do, none of them named like a year, a month or a part of an export.
    """
    try:
        with os.scandir(folder) as listing:
            children = sorted(
                (entry for entry in listing if not entry.name.startswith(".")),
                key=lambda entry: entry.name,
            )
    except OSError:
        return []
    if any(_is_file(child) and _is_data_file(child.name) for child in children):
        return []
    subfolders = [Path(child.path) for child in children if _is_folder(child)]
    if len(subfolders) < 2 or any(_BUCKET_NAME.match(child.name) for child in subfolders):
        return []
    with_data = [child for child in subfolders if _holds_data(child)]
    return with_data if len(with_data) >= 2 else []


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_data_file(name: str) -> bool:
    return name != PROFILE_FILE_NAME and (claims(name) or name.lower().endswith(".zip"))


def _holds_data(folder: Path, *, budget: int = _LOOK_FOR_DATA_FILES) -> bool:
    """Whether a data file lies under `folder`, looking at no more than `budget` files.

    The walk stops at the first data file, so a runner's folder answers at once; a big folder
    of anything else (the parent of the folder named may be a home folder) is not walked to
    its end. Past the budget it says no: such a folder is not taken for an athlete's.
    """
    return any(_is_data_file(path.name) for path, _ in islice(_walk(folder, []), budget))


def _tree(folder: Path, problems: list[Problem]) -> list[tuple[Path, os.stat_result]]:
    """Every file under `folder` but hidden and junk ones, with its stat, in name order."""
    return sorted(_walk(folder, problems), key=lambda item: str(item[0]))


def _walk(folder: Path, problems: list[Problem]) -> Iterator[tuple[Path, os.stat_result]]:
    """The files under `folder` but hidden and junk ones, with their stat, as they are found.

    Walked with a list, not recursion; a folder reached twice (two links, a link loop) is
    walked once. A folder that cannot be opened is one problem.
    """
    try:
        seen = {_identity(folder.stat())}
    except OSError:
        seen = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as err:
            reason = f"cannot open this folder ({err.strerror or err}); its files are not read"
            problems.append((shown(current), BadFile(reason, FileErrorKind.UNREADABLE)))
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.name in _JUNK_FILES:
                continue
            try:
                info = os.stat(entry.path)  # through links: a link is what it points at
            except OSError as err:
                if _is_data_file(entry.name):
                    reason = "a link to nothing" if entry.is_symlink() else "cannot open"
                    problems.append(
                        (
                            shown(entry.path),
                            BadFile(f"{reason} ({err.strerror})", FileErrorKind.UNREADABLE),
                        )
                    )
                continue
            if stat.S_ISDIR(info.st_mode):
                if entry.name not in _JUNK_FOLDERS and _identity(info) not in seen:
                    seen.add(_identity(info))
                    pending.append(Path(entry.path))
            else:
                yield Path(entry.path), info


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _add_tree(found: Discovery, folder: Path, athlete: str | None, limits: InputLimits) -> None:
    for path, info in _tree(folder, found.problems):
        if _is_data_file(path.name):
            _add_file(found, path, info, athlete, named=False, limits=limits)


def _add_file(
    found: Discovery,
    path: Path,
    info: os.stat_result,
    athlete: str | None,
    *,
    named: bool,
    limits: InputLimits,
) -> None:
    label = shown(path)
    kind = _KINDS_OF_FILE.get(stat.S_IFMT(info.st_mode))
    if kind is not None or not stat.S_ISREG(info.st_mode):
        reason = f"is {kind or 'not a regular file'}, not a file: passed over"
        found.problems.append((label, NotARegularFile(reason)))
        return
    if info.st_size > limits.max_file_bytes:
        reason = (
            f"is {info.st_size / MB:,.0f} MB, more than any activity file: not read "
            f"({limits.named('max_file_mb')})"
        )
        found.problems.append((label, ArchiveLimitError(reason)))
        return
    if path.name.lower().endswith(".zip"):
        try:
            data = _mapped(path)
        except OSError as err:
            found.problems.append(
                (label, BadFile(f"cannot open: {err.strerror or err}", FileErrorKind.UNREADABLE))
            )
            return
        _add_archive(found, label, data, athlete, limits, depth=1)
        return
    found.sources.append(Source(label, athlete, named, False, _file_reader(path, limits), limits))


def _mapped(path: Path) -> Buffer:
    """A zip's bytes, mapped from disk rather than read (an export can be gigabytes)."""
    with open(path, "rb") as stream:
        if os.fstat(stream.fileno()).st_size == 0:
            return b""
        return mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)


def _file_reader(path: Path, limits: InputLimits) -> Callable[[], bytes]:
    def read_raw() -> bytes:
        return read_regular_file(path, limits)

    return read_raw


def read_regular_file(path: Path, limits: InputLimits) -> bytes:
    """A regular file's bytes, at most the limit; opened without waiting, so a file replaced by
    a FIFO since it was found cannot hang the run."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(descriptor, "rb") as stream:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile("is not a regular file: passed over")
        # read() allocates what it is asked for: ask for the size the file has (and a byte)
        data = stream.read(min(info.st_size, limits.max_file_bytes) + 1)
    if len(data) > limits.max_file_bytes:
        raise ArchiveLimitError(
            f"is more than {limits.max_file_mb:g} MB, more than any activity file: not read "
            f"({limits.named('max_file_mb')})"
        )
    return data


@dataclass
class _Budget:
    """What an archive (with the archives inside it) may still inflate to."""

    remaining_bytes: int


def _add_archive(
    found: Discovery,
    label: str,
    data: Buffer,
    athlete: str | None,
    limits: InputLimits,
    depth: int,
    budget: _Budget | None = None,
) -> None:
    budget = _Budget(limits.max_archive_bytes) if budget is None else budget
    try:
        listing = list_members(data, limits)
    except BadFile as err:
        found.problems.append((label, err))
        return
    if listing.damage is not None:
        found.problems.append((label, BadFile(listing.damage, FileErrorKind.DAMAGED_ARCHIVE)))
    members = sorted(listing.members, key=lambda member: member.name)
    athletes = _archive_athletes(members, athlete) if depth == 1 else {"": athlete}
    _add_archive_profiles(found, label, data, members, athletes, limits)
    for member in members:
        name = member.name
        member_athlete = _athlete_of(name, athletes)
        if not name or member.is_folder or _JUNK_NAMES.search(name):
            continue
        is_archive = name.lower().endswith(".zip")
        if not is_archive and not claims(PurePosixPath(name).name):
            continue
        member_label = f"{label}{ARCHIVE_SEPARATOR}{name}"
        declared_bytes = member.size if member.size is not None else 0
        if declared_bytes > budget.remaining_bytes:
            found.problems.append((label, _archive_full(limits, name)))
            return
        budget.remaining_bytes -= declared_bytes
        if is_archive:
            _add_inner_archive(
                found, member_label, data, member, member_athlete, limits, depth, budget
            )
            continue
        read_raw = _member_reader(data, member, limits)
        found.sources.append(Source(member_label, member_athlete, False, True, read_raw, limits))


def _archive_full(limits: InputLimits, name: str) -> ArchiveLimitError:
    return ArchiveLimitError(
        f"inflates past {limits.max_archive_mb:g} MB in all: read up to {name}, the rest not "
        f"({limits.named('max_archive_mb')})"
    )


def _add_inner_archive(
    found: Discovery,
    label: str,
    data: Buffer,
    member: Member,
    athlete: str | None,
    limits: InputLimits,
    depth: int,
    budget: _Budget,
) -> None:
    if depth >= limits.max_nesting:
        reason = (
            f"a zip inside {depth} zips: not opened, runlog reads zips only "
            f"{limits.max_nesting} deep ({limits.named('max_nesting')})"
        )
        found.problems.append((label, ArchiveLimitError(reason)))
        return
    try:
        inner = read_member(data, member, limits)
    except BadFile as err:
        found.problems.append((label, err))
        return
    if member.size is None:  # found by its header: counted now that its size is known
        budget.remaining_bytes -= len(inner)
    _add_archive(found, label, inner, athlete, limits, depth + 1, budget)


def _member_reader(data: Buffer, member: Member, limits: InputLimits) -> Callable[[], bytes]:
    def read_raw() -> bytes:
        return read_member(data, member, limits)

    return read_raw


def _add_archive_profiles(
    found: Discovery,
    label: str,
    data: Buffer,
    members: list[Member],
    athletes: dict[str, str | None],
    limits: InputLimits,
) -> None:
    """Keep the runlog.toml at the root of a zip (or of the one folder a zipped folder holds),
    and each athlete sub-folder's, as they are kept beside the data in folders."""
    by_name = {member.name: member for member in members}
    for prefix, athlete in athletes.items():
        member = by_name.get(f"{prefix}{PROFILE_FILE_NAME}")
        key = athlete or ""
        if member is None or key in found.archive_profiles:
            continue
        where = f"{label}{ARCHIVE_SEPARATOR}{member.name}"
        try:
            found.archive_profiles[key] = (where, read_member(data, member, limits))
        except BadFile as err:
            found.problems.append((where, err))


def _archive_athletes(members: list[Member], athlete: str | None) -> dict[str, str | None]:
    """Folder prefix -> athlete inside a zip: its root ("" or the one folder a zipped folder
    holds) for `athlete`, and when that root is a coach's folder, each athlete sub-folder."""
    names = [member.name for member in members if member.name and not member.is_folder]
    tops = {name.split("/", 1)[0] for name in names if "/" in name}
    loose = [name for name in names if "/" not in name and name != PROFILE_FILE_NAME]
    root = f"{next(iter(tops))}/" if len(tops) == 1 and not loose else ""
    layout: dict[str, str | None] = {root: athlete}
    if athlete is not None or _BUCKET_NAME.match(root.rstrip("/")):
        return layout
    inside = [name[len(root) :] for name in names if name.startswith(root)]
    if any("/" not in name and _is_data_file(name) for name in inside):
        return layout
    subfolders = sorted({name.split("/", 1)[0] for name in inside if "/" in name})
    with_data = [
        folder
        for folder in subfolders
        if any(
            name.startswith(f"{folder}/") and _is_data_file(PurePosixPath(name).name)
            for name in inside
        )
    ]
    if len(with_data) < 2 or any(_BUCKET_NAME.match(folder) for folder in subfolders):
        return layout
    return layout | {f"{root}{folder}/": folder for folder in with_data}


def _athlete_of(name: str, athletes: dict[str, str | None]) -> str | None:
    """The athlete of the longest folder prefix that holds `name`."""
    holding = [prefix for prefix in athletes if name.startswith(prefix)]
    return athletes[max(holding, key=len)] if holding else None


# --- object stores (s3://, gs://, abfs://): listed and read through analyzer.storage ---------


def _add_url(found: Discovery, url: str, limits: InputLimits, *, beside_others: bool) -> None:
    """A file or folder in an object store, found as on disk (a coach's folder gives its
    athletes, a runlog.toml its profile, a runner's folder named beside others with its own
    runlog.toml its runner), its files read when imported, never copied."""
    try:
        files, is_folder = storage.list_files(url)
    except FileNotFoundError:
        found.problems.append((url, BadFile("no such file or folder")))
        return
    except (OSError, RunlogError) as err:
        found.problems.append((url, BadFile(f"cannot open: {err}")))
        return
    if not is_folder:
        _add_stored_file(found, files[0], None, named=True, limits=limits)
        return
    files = [
        file
        for file in files
        if not any(part.startswith(".") for part in file.relative.split("/"))
        and not _JUNK_NAMES.search(file.relative)
    ]
    athletes = _stored_athletes(files)
    own_athlete = None  # as `_own_athlete` on disk
    own_profile = [file for file in files if file.relative == PROFILE_FILE_NAME]
    if beside_others and not athletes and own_profile:
        folder_name = url.rstrip("/").rsplit("/", 1)[-1]
        own_athlete = _athlete_of_profile(storage.read_bytes(own_profile[0].url), folder_name)
    for file in files:
        parts = file.relative.split("/")
        athlete = parts[0] if athletes and len(parts) > 1 else own_athlete
        if parts[-1] == PROFILE_FILE_NAME and len(parts) == (2 if athletes and athlete else 1):
            found.archive_profiles[athlete or ""] = (file.url, storage.read_bytes(file.url))
        elif _is_data_file(parts[-1]) and (athlete in athletes or not athletes):
            _add_stored_file(found, file, athlete, named=False, limits=limits)


def _stored_athletes(files: list[StoredFile]) -> set[str]:
    """The athlete folders of a stored coach's folder (as coach_athlete_folders), or none."""
    if any("/" not in file.relative and _is_data_file(file.relative) for file in files):
        return set()
    subfolders = {file.relative.split("/", 1)[0] for file in files if "/" in file.relative}
    if len(subfolders) < 2 or any(_BUCKET_NAME.match(name) for name in subfolders):
        return set()
    with_data = {
        file.relative.split("/", 1)[0]
        for file in files
        if "/" in file.relative and _is_data_file(file.relative.rsplit("/", 1)[-1])
    }
    return with_data if len(with_data) >= 2 else set()


def _add_stored_file(
    found: Discovery, file: StoredFile, athlete: str | None, *, named: bool, limits: InputLimits
) -> None:
    if file.size_bytes is not None and file.size_bytes > limits.max_file_bytes:
        reason = (
            f"is {file.size_bytes / MB:,.0f} MB, more than any activity file: not read "
            f"({limits.named('max_file_mb')})"
        )
        found.problems.append((file.url, ArchiveLimitError(reason)))
        return
    if file.url.lower().endswith(".zip"):
        try:
            data = storage.read_bytes(file.url, limits.max_file_bytes)
        except OSError as err:
            found.problems.append((file.url, BadFile(f"cannot open: {err}")))
            return
        _add_archive(found, file.url, data, athlete, limits, depth=1)
        return
    read_raw = functools.partial(_read_stored, file.url, limits)
    found.sources.append(Source(file.url, athlete, named, False, read_raw, limits))


def _read_stored(url: str, limits: InputLimits) -> bytes:
    data = storage.read_bytes(url, limits.max_file_bytes)
    if len(data) > limits.max_file_bytes:
        raise ArchiveLimitError(
            f"is more than {limits.max_file_mb:g} MB, more than any activity file: not read "
            f"({limits.named('max_file_mb')})"
        )
    return data
