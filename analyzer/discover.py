"""From the paths a user names to readable sources: files, folder trees, zip members, .gz.

Folders are walked recursively; files no importer claims are passed over, but a path the user
named is never ignored. Zip archives (and zips inside them, as in Garmin's account export) are
read in memory, never unpacked to disk. A folder whose sub-folders each hold activity files
(a coach's folder, one per athlete) gives one athlete per sub-folder.
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from analyzer.errors import BadFile, FileErrorKind
from analyzer.importers import claims
from analyzer.log import FileError
from analyzer.profile import PROFILE_FILE_NAME

ARCHIVE_SEPARATOR = "!"  # export.zip!activities/123.fit.gz
_JUNK_NAMES = re.compile(r"(^|/)(__MACOSX/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$)")
# Sub-folder names that organise one runner's files rather than naming athletes.
_BUCKET_NAME = re.compile(
    r"^(\d{4}([-_ .]\d{1,2})?|\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"activities|activity|di_connect|fit_type_4|garmin|strava|coros|polar|suunto|wahoo|media|"
    r"routes|gpx|fit|tcx|csv|exports?|archive|uploads?|notes|journal|backup|old|new|raw)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Source:
    """One file to import: where it is, whose it is, and how to get its bytes."""

    path: str  # as the user sees it: a file path, or archive.zip!member/path
    athlete: str | None  # the athlete sub-folder it sits in, if any
    named: bool  # the user named this very file
    in_archive: bool
    read_raw: Callable[[], bytes]

    @property
    def name(self) -> str:
        return PurePosixPath(self.path.rsplit(ARCHIVE_SEPARATOR, 1)[-1].replace("\\", "/")).name

    def read(self) -> bytes:
        """The file's bytes, gunzipped when its name ends in .gz."""
        try:
            raw = self.read_raw()
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as err:
            raise BadFile(
                f"damaged inside its archive ({err})", FileErrorKind.DAMAGED_ARCHIVE
            ) from err
        if not self.name.lower().endswith(".gz"):
            return raw
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as err:
            raise BadFile(
                f"named .gz but is not a complete gzip file ({err})", FileErrorKind.DAMAGED_ARCHIVE
            ) from err


@dataclass(frozen=True)
class Discovery:
    sources: list[Source]
    problems: list[FileError]  # paths that could not be opened
    athlete_folders: dict[str, Path]  # athlete -> their sub-folder (for their runlog.toml)
    data_folders: list[Path]  # the folders named, and the folders of the files named


def discover(paths: list[str | Path]) -> Discovery:
    """Every source under the named paths, in a stable order."""
    sources: list[Source] = []
    problems: list[FileError] = []
    athlete_folders: dict[str, Path] = {}
    data_folders: list[Path] = []
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            problems.append(
                FileError(str(path), "no such file or folder", FileErrorKind.MISSING_PATH)
            )
        elif path.is_dir():
            data_folders.append(path)
            athletes = coach_athlete_folders(path)
            if athletes:
                for folder in athletes:
                    athlete_folders[folder.name] = folder
                    sources += _walk(folder, folder.name, problems)
            else:
                sources += _walk(path, None, problems)
        else:
            data_folders.append(path.parent)
            sources += _file_sources(path, None, named=True, problems=problems)
    return Discovery(sources, problems, athlete_folders, data_folders)


def coach_athlete_folders(folder: Path) -> list[Path]:
    """The athlete sub-folders when `folder` is a coach's folder, else an empty list.

    A coach's folder holds no activity files of its own and at least two sub-folders that
    do, none of them named like a year, a month or a part of an export.
    """
    try:
        children = sorted(child for child in folder.iterdir() if not child.name.startswith("."))
    except OSError:
        return []
    if any(child.is_file() and _is_data_file(child.name) for child in children):
        return []
    subfolders = [child for child in children if child.is_dir()]
    if len(subfolders) < 2 or any(_BUCKET_NAME.match(child.name) for child in subfolders):
        return []
    with_data = [child for child in subfolders if _holds_data(child)]
    return with_data if len(with_data) >= 2 else []


def _is_data_file(name: str) -> bool:
    return name != PROFILE_FILE_NAME and (claims(name) or name.lower().endswith(".zip"))


def _holds_data(folder: Path) -> bool:
    return any(path.is_file() and _is_data_file(path.name) for path in folder.rglob("*"))


def _walk(folder: Path, athlete: str | None, problems: list[FileError]) -> list[Source]:
    sources: list[Source] = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in relative.split("/")) or _JUNK_NAMES.search(
            relative
        ):
            continue
        if path.is_file() and _is_data_file(path.name):
            sources += _file_sources(path, athlete, named=False, problems=problems)
    return sources


def _file_sources(
    path: Path, athlete: str | None, *, named: bool, problems: list[FileError]
) -> list[Source]:
    if path.name.lower().endswith(".zip"):
        try:
            return list(_zip_sources(str(path), path.read_bytes(), athlete))
        except OSError as err:
            problems.append(
                FileError(
                    str(path), f"cannot open: {err.strerror or err}", FileErrorKind.UNREADABLE
                )
            )
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as err:
            problems.append(
                FileError(
                    str(path), f"not a readable zip archive ({err})", FileErrorKind.DAMAGED_ARCHIVE
                )
            )
        return []
    return [Source(str(path), athlete, named, False, path.read_bytes)]


def _zip_sources(label: str, data: bytes, athlete: str | None) -> Iterator[Source]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    for info in sorted(archive.infolist(), key=lambda item: item.filename):
        member = info.filename
        if info.is_dir() or _JUNK_NAMES.search(member):
            continue
        member_label = f"{label}{ARCHIVE_SEPARATOR}{member}"
        if member.lower().endswith(".zip"):
            try:
                inner = archive.read(info)
                yield from _zip_sources(member_label, inner, athlete)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as err:
                yield Source(member_label, athlete, False, True, _raiser(err))
        elif claims(PurePosixPath(member).name):
            yield Source(
                member_label,
                athlete,
                named=False,
                in_archive=True,
                read_raw=lambda info=info: archive.read(info),
            )


def _raiser(err: Exception) -> Callable[[], bytes]:
    def read_raw() -> bytes:
        raise BadFile(
            f"a zip inside the archive that cannot be read ({err})", FileErrorKind.DAMAGED_ARCHIVE
        )

    return read_raw
