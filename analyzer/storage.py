"""Where files live: local paths, or URLs of object stores (s3://, gs://, abfs://) via fsspec.

The one place that tells a URL from a path and opens a store. fsspec's packages for each store
(s3fs, gcsfs, adlfs) are installed with the store's extra; a URL whose package is missing is a
one-line error saying which to install.
"""

from __future__ import annotations

import re
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


def read_bytes(url: str) -> bytes:
    """The bytes of one file at a URL."""
    fs, path = filesystem_of(url)
    with fs.open(path, "rb") as stream:
        return stream.read()


__all__ = ["filesystem_of", "is_url", "read_bytes"]
