"""Where files live: local paths, or URLs of object stores (s3://, gs://, abfs://) via fsspec.

The one place that tells a URL from a path and opens a store. fsspec's packages for each store
(s3fs, gcsfs, adlfs) are installed with the store's extra; a URL whose package is missing is a
one-line error saying which to install.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.errors import RunlogError

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_STORE_PACKAGES = {
    "s3": "s3fs",
    "s3a": "s3fs",
    "gs": "gcsfs",
    "gcs": "gcsfs",
    "abfs": "adlfs",
    "abfss": "adlfs",
    "az": "adlfs",
}


def is_url(location: str | Path) -> bool:
    """Whether `location` is a URL (scheme://...) rather than a local path."""
    return isinstance(location, str) and bool(_URL.match(location))


def filesystem_of(location: str | Path) -> tuple[Any, str]:
    """The fsspec filesystem that holds `location`, and the location's path on it (no trailing
    slash). Store options (endpoint, credentials) come from fsspec's own configuration and the
    store's usual environment variables."""
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(str(location))
    except ImportError as err:
        scheme = str(location).split("://", 1)[0].lower()
        package = _STORE_PACKAGES.get(scheme, f"the fsspec package for {scheme}://")
        raise RunlogError(
            f"{location}: reading {scheme}:// needs {package} (pip install {package})"
        ) from err
    except ValueError as err:
        raise RunlogError(f"{location}: not a location runlog can open ({err})") from err
    return fs, path.rstrip("/") or path


@dataclass(frozen=True)
class StoredFile:
    """One file in a store: its URL, its path under the URL named, its size."""

    url: str
    relative: str  # "athlete/2026/run.fit" under the folder named; the name for a file named
    size_bytes: int | None


def list_files(url: str) -> tuple[list[StoredFile], bool]:
    """The files under a URL in name order (the file itself when it names one), and whether
    it names a folder. Only names and sizes are fetched: no file is read or copied."""
    fs, path = filesystem_of(url)
    if fs.isdir(path):
        base = url.rstrip("/")
        files = []
        for key, info in sorted(fs.find(path, detail=True).items()):
            if info.get("type", "file") != "file":
                continue
            relative = key[len(path) :].lstrip("/")
            files.append(StoredFile(f"{base}/{relative}", relative, info.get("size")))
        return files, True
    info = fs.info(path)  # FileNotFoundError when there is nothing
    return [StoredFile(url, path.rsplit("/", 1)[-1], info.get("size"))], False


def exists(url: str) -> bool:
    """Whether a file or folder is at `url`; True when the store cannot say (its listing then
    reports why)."""
    fs, path = filesystem_of(url)
    try:
        return bool(fs.exists(path))
    except OSError:
        return True


def read_bytes(url: str, max_bytes: int | None = None) -> bytes:
    """The bytes of one file at a URL; at most `max_bytes` and one more, to tell it is over."""
    fs, path = filesystem_of(url)
    with fs.open(path, "rb") as stream:
        return stream.read() if max_bytes is None else stream.read(max_bytes + 1)


__all__ = ["StoredFile", "exists", "filesystem_of", "is_url", "list_files", "read_bytes"]
