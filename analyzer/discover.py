"""From the paths a user names to readable sources: files, folder trees, zip members, .gz.

Every place is looked at through analyzer/places.py's Tree: a folder on disk, a folder in an
object store, a zip (zips inside it too, as in Garmin's account export). Folders are walked
without recursion, through links once; only regular files are read: a FIFO, socket or
device named like an activity file is passed over with one line, never opened. Files no
importer claims are passed over, but a path the user named is never ignored. Zips are read
in place, within the InputLimits, never unpacked to disk.

Who a file belongs to is decided here, by one rule for every kind of place (`athlete_folders`):
a coach's folder (no activity file of its own, at least two sub-folders that hold some, none
named like a year, a month or a part of an export) gives one athlete per sub-folder; a runner's
folder named beside other paths that holds its own runlog.toml is that runner's. The
runlog.toml files that could apply are found here too (beside the data, in an athlete's
folder, at the root of a zip), and read by analyzer/plan.py.

Names are shown as the user would type them: bytes that are not UTF-8 (a file name from an
old system, an entry of an old zip) are escaped (`run\\xff.gpx`), so every output can show them.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path, PurePosixPath

from analyzer.archives import DEFAULT_LIMITS, ArchiveLimitError, InputLimits, inflate_gz
from analyzer.errors import BadFile, FileErrorKind, RunlogError
from analyzer.importers import EXPORT_FOLDER_PATTERNS, claims
from analyzer.places import (
    DiskFolder,
    Entry,
    Location,
    NotARegularFile,
    Problem,
    Tree,
    open_zip,
    shown,
    store_folder,
    too_large,
    zip_members,
    zip_tree,
)
from analyzer.profile import PROFILE_FILE_NAME
from analyzer.storage import is_url

ARCHIVE_SEPARATOR = "!"  # export.zip!activities/123.fit.gz
# How many files to look at for a data file when judging whether a folder beside the one
# named is an athlete's: enough for any runner's folder, far short of a home folder's.
_LOOK_FOR_DATA_FILES = 20_000
# Sub-folder names that organise one runner's files rather than naming athletes: dates, kinds
# of file and of keeping, and the folders each format's exports use (the importers' trait).
_BUCKET_NAME = re.compile(
    r"^(\d{4}([-_ .]\d{1,2})?|\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"activities|activity|routes|gpx|fit|tcx|csv|exports?|archive|uploads?|notes|journal|"
    r"backup|old|new|raw|" + "|".join(EXPORT_FOLDER_PATTERNS) + ")$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Source:
    """One file to import: where it is, whose it is, and how to read it (from any process)."""

    path: str  # as the user sees it: a file path, a URL, or archive.zip!member/path
    athlete: str | None  # the athlete folder it sits in, if any
    named: bool  # the user named this very file
    in_archive: bool
    location: Location
    limits: InputLimits = field(default=DEFAULT_LIMITS, compare=False)

    @property
    def name(self) -> str:
        return PurePosixPath(self.path.rsplit(ARCHIVE_SEPARATOR, 1)[-1]).name

    def read(self) -> bytes:
        """The file's bytes, gunzipped (within the limits) when its name ends in .gz."""
        raw = self.location.read(self.limits)
        if not self.name.lower().endswith(".gz"):
            return raw
        return inflate_gz(raw, self.limits)


@dataclass(frozen=True)
class ProfileFile:
    """A runlog.toml found with the data: whose it is, how it is shown, where it is."""

    athlete: str  # "" for everyone the paths hold, else the athlete whose folder holds it
    label: str
    location: Location
    in_archive: bool  # at the root of a zip (one beside the data comes first)
    own_folder: bool  # in an athlete's folder: a bad one leaves that athlete out


@dataclass(frozen=True)
class Discovery:
    sources: list[Source]
    problems: list[Problem]  # paths that could not be opened or read, and why
    profiles: list[ProfileFile] = field(default_factory=list)  # in the order found
    # the athletes of the folders split by athlete (coach folders, runners' own folders)
    athletes: list[str] = field(default_factory=list)


def discover(paths: list[str | Path], limits: InputLimits | None = None) -> Discovery:
    """Every source under the named paths, in a stable order; what cannot be read, as problems."""
    limits = DEFAULT_LIMITS if limits is None else limits
    found = Discovery([], [])
    beside_others = len(paths) > 1
    for raw_path in paths:
        if is_url(raw_path):
            _add_url(found, str(raw_path), limits, beside_others=beside_others)
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
        folder = path if stat.S_ISDIR(info.st_mode) else path.parent
        tree = DiskFolder(folder, found.problems, is_data_file)
        if stat.S_ISDIR(info.st_mode):
            _add_folder(found, tree, path.name, limits, beside_others=beside_others)
        else:
            _add_profile_beside(found, tree)
            _add_file(found, tree.entry(path, info), None, named=True, limits=limits)
    return found


# --- who a folder's files belong to: one rule for disk, store and zip ----------------------


def athlete_folders(tree: Tree, folder: str = "") -> list[str]:
    """The athlete sub-folders of `folder` when it is a coach's folder, else an empty list.

    A coach's folder holds no activity file of its own and at least two sub-folders that
    do, none of them named like a year, a month or a part of an export.
    """
    files, folders = tree.children(folder)
    if any(is_data_file(name) for name in files):
        return []
    if len(folders) < 2 or any(_BUCKET_NAME.match(name) for name in folders):
        return []
    with_data = [name for name in folders if holds_data(tree, _under(folder, name))]
    return with_data if len(with_data) >= 2 else []


def holds_data(tree: Tree, folder: str, *, budget: int = _LOOK_FOR_DATA_FILES) -> bool:
    """Whether a data file lies under `folder`, looking at no more than `budget` files.

    The walk stops at the first data file, so a runner's folder answers at once; a big folder
    of anything else (the parent of the folder named may be a home folder) is not walked to
    its end. Past the budget it says no: such a folder is not taken for an athlete's.
    """
    return any(is_data_file(entry.name) for entry in islice(tree.walk(folder), budget))


def coach_athlete_folders(folder: Path) -> list[Path]:
    """The athlete sub-folders of a folder on disk when it is a coach's folder, else []."""
    return [folder / name for name in athlete_folders(DiskFolder(folder, [], is_data_file))]


def is_data_file(name: str) -> bool:
    """Whether a file of a folder is read: one an importer claims, or a zip."""
    return name != PROFILE_FILE_NAME and (claims(name) or name.lower().endswith(".zip"))


def athlete_of_profile(text: bytes, folder_name: str) -> str:
    """The athlete a runner's own runlog.toml names, else their folder's name."""
    try:
        named = tomllib.loads(text.decode("utf-8")).get("athlete")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        named = None  # the plan reports a bad profile with its reason
    return named.strip() if isinstance(named, str) and named.strip() else folder_name


def _under(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _add_folder(
    found: Discovery, tree: Tree, folder_name: str, limits: InputLimits, *, beside_others: bool
) -> None:
    """A folder named (on disk or in a store): its athletes' folders, or its files."""
    coached = athlete_folders(tree)
    if coached:
        _add_profile(found, tree, "", "", own_folder=False)  # the coach's: everyone's
        for name in coached:
            athlete = shown(name)
            found.athletes.append(athlete)
            _add_profile(found, tree, name, athlete, own_folder=True)
            _add_files(found, tree, name, athlete, limits)
        return
    own = _own_athlete(tree, folder_name) if beside_others else None
    if own is not None:  # a runner's own runlog.toml is theirs alone
        found.athletes.append(own)
        _add_profile(found, tree, "", own, own_folder=True)
    else:
        _add_profile(found, tree, "", "", own_folder=False)
    _add_files(found, tree, "", own, limits)


def _add_files(
    found: Discovery, tree: Tree, folder: str, athlete: str | None, limits: InputLimits
) -> None:
    for entry in sorted(tree.walk(folder), key=lambda entry: entry.label):
        if is_data_file(entry.name):
            _add_file(found, entry, athlete, named=False, limits=limits)


def _own_athlete(tree: Tree, folder_name: str) -> str | None:
    """The athlete of a runner's folder named beside others, when it holds its own runlog.toml:
    the name the profile gives, else the folder's. Its profile is then theirs alone, so two
    runners' folders named together stay two runners."""
    entry = _profile_entry(tree, "")
    if entry is None:
        return None
    try:
        text = entry.location.read(DEFAULT_LIMITS)
    except (OSError, RunlogError):
        text = b""  # the plan reports an unreadable profile with its reason
    return athlete_of_profile(text, shown(folder_name))


def _add_profile(
    found: Discovery, tree: Tree, folder: str, athlete: str, *, own_folder: bool
) -> None:
    """The runlog.toml right in `folder`, if there is one."""
    entry = _profile_entry(tree, folder)
    if entry is not None:
        found.profiles.append(ProfileFile(athlete, entry.label, entry.location, False, own_folder))


def _profile_entry(tree: Tree, folder: str) -> Entry | None:
    files, _ = tree.children(folder)
    if PROFILE_FILE_NAME not in files:
        return None
    relative = _under(folder, PROFILE_FILE_NAME)
    # a folder's own files come first in a walk: the rest of the tree is not listed
    return next((entry for entry in tree.walk(folder) if entry.relative == relative), None)


def _add_profile_beside(found: Discovery, folder: DiskFolder) -> None:
    """The runlog.toml beside a file named on its own."""
    path = folder.root / PROFILE_FILE_NAME
    if path.is_file():
        found.profiles.append(
            ProfileFile("", shown(path), Location(os.fsdecode(path)), False, False)
        )


def _add_file(
    found: Discovery, entry: Entry, athlete: str | None, *, named: bool, limits: InputLimits
) -> None:
    if entry.not_regular is not None:
        reason = f"is {entry.not_regular}, not a file: passed over"
        found.problems.append((entry.label, NotARegularFile(reason)))
        return
    if entry.size_bytes is not None and entry.size_bytes > limits.max_file_bytes:
        found.problems.append((entry.label, too_large(entry.size_bytes, limits)))
        return
    if entry.name.lower().endswith(".zip"):
        _add_archive(found, entry.label, entry.location, athlete, limits, depth=1)
        return
    found.sources.append(
        Source(entry.label, athlete, named, bool(entry.location.members), entry.location, limits)
    )


# --- zips ---------------------------------------------------------------------------------


@dataclass
class _Budget:
    """What an archive (with the archives inside it) may still inflate to."""

    remaining_bytes: int


def _add_archive(
    found: Discovery,
    label: str,
    location: Location,
    athlete: str | None,
    limits: InputLimits,
    depth: int,
    budget: _Budget | None = None,
) -> None:
    budget = _Budget(limits.max_archive_bytes) if budget is None else budget
    try:
        listing = zip_members(location, limits)
    except BadFile as err:
        found.problems.append((label, err))
        return
    except OSError as err:
        reason = f"cannot open: {err.strerror or err}"
        found.problems.append((label, BadFile(reason, FileErrorKind.UNREADABLE)))
        return
    if listing.damage is not None:
        found.problems.append((label, BadFile(listing.damage, FileErrorKind.DAMAGED_ARCHIVE)))
    tree = zip_tree(label, location, listing.members)
    entries = sorted(tree.entries, key=lambda entry: entry.relative)
    athletes = _archive_athletes(tree, athlete) if depth == 1 else {"": athlete}
    for prefix, owner in athletes.items():
        _add_archive_profile(found, entries, prefix, owner)
    for entry in entries:
        is_archive = entry.name.lower().endswith(".zip")
        if not is_archive and not claims(entry.name):
            continue
        member = entry.location.members[-1]
        declared_bytes = member.size if member.size is not None else 0
        if declared_bytes > budget.remaining_bytes:
            found.problems.append((label, _archive_full(limits, entry.relative)))
            return
        budget.remaining_bytes -= declared_bytes
        member_athlete = _athlete_of(entry.relative, athletes)
        if is_archive:
            _add_inner_archive(found, entry, member_athlete, limits, depth, budget)
            continue
        found.sources.append(
            Source(entry.label, member_athlete, False, True, entry.location, limits)
        )


def _archive_full(limits: InputLimits, name: str) -> ArchiveLimitError:
    return ArchiveLimitError(
        f"inflates past {limits.max_archive_mb:g} MB in all: read up to {name}, the rest not "
        f"({limits.named('max_archive_mb')})"
    )


def _add_inner_archive(
    found: Discovery,
    entry: Entry,
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
        found.problems.append((entry.label, ArchiveLimitError(reason)))
        return
    try:
        inner = open_zip(entry.location, limits)
    except BadFile as err:
        found.problems.append((entry.label, err))
        return
    if entry.location.members[-1].size is None:  # found by its header: counted now
        budget.remaining_bytes -= len(inner)
    _add_archive(found, entry.label, entry.location, athlete, limits, depth + 1, budget)


def _add_archive_profile(
    found: Discovery, entries: list[Entry], prefix: str, athlete: str | None
) -> None:
    """The runlog.toml at the root of a zip (or of the one folder a zipped folder holds), and
    each athlete sub-folder's, as they are kept beside the data in folders."""
    for entry in entries:
        if entry.relative == f"{prefix}{PROFILE_FILE_NAME}":
            item = ProfileFile(athlete or "", entry.label, entry.location, True, False)
            found.profiles.append(item)
            return


def _archive_athletes(tree: Tree, athlete: str | None) -> dict[str, str | None]:
    """Folder prefix -> athlete inside a zip: its root ("" or the one folder a zipped folder
    holds) for `athlete`, and when that root is a coach's folder, each athlete sub-folder."""
    files, folders = tree.children()
    loose = [name for name in files if name != PROFILE_FILE_NAME]
    root = folders[0] if len(folders) == 1 and not loose else ""
    layout: dict[str, str | None] = {f"{root}/" if root else "": athlete}
    if athlete is not None or _BUCKET_NAME.match(root):
        return layout
    coached = athlete_folders(tree, root)
    return layout | {f"{_under(root, name)}/": shown(name) for name in coached}


def _athlete_of(name: str, athletes: dict[str, str | None]) -> str | None:
    """The athlete of the longest folder prefix that holds `name`."""
    holding = [prefix for prefix in athletes if name.startswith(prefix)]
    return athletes[max(holding, key=len)] if holding else None


# --- object stores (s3://, gs://, abfs://): listed and read through analyzer/places.py -----


def _add_url(found: Discovery, url: str, limits: InputLimits, *, beside_others: bool) -> None:
    """A file or folder in an object store, found as on disk (a coach's folder gives its
    athletes, a runlog.toml its profile, a runner's folder named beside others with its own
    runlog.toml its runner), its files read when imported, never copied."""
    try:
        listed = store_folder(url)
    except FileNotFoundError:
        found.problems.append((url, BadFile("no such file or folder")))
        return
    except (OSError, RunlogError) as err:
        found.problems.append((url, BadFile(f"cannot open: {err}")))
        return
    if isinstance(listed, Entry):
        _add_file(found, listed, None, named=True, limits=limits)
        return
    folder_name = url.rstrip("/").rsplit("/", 1)[-1]
    _add_folder(found, listed, folder_name, limits, beside_others=beside_others)


__all__ = [
    "ARCHIVE_SEPARATOR",
    "Discovery",
    "NotARegularFile",
    "ProfileFile",
    "Source",
    "athlete_folders",
    "coach_athlete_folders",
    "discover",
    "holds_data",
    "is_data_file",
    "shown",
]
