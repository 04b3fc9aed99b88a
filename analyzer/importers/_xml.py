"""What the GPX and TCX importers share before a track exists: lenient XML, and texts as
numbers and times.

Both formats are XML written by many tools, not always well-formed: a file is parsed, and
recovered in part when it must be, without entities or network. Their values are texts:
numbers (NaN where missing or junk) and ISO-8601 times (UTC, or wall time when no zone is
written), read on whole columns.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from lxml import etree

from analyzer import plausible
from analyzer.errors import BadFile, FileErrorKind

_UTF8_BOM = b"\xef\xbb\xbf"
# A character reference to no character (a lone UTF-16 surrogate such as &#xD800;, a control
# character, past U+10FFFF): libxml2 lets some through and reading the text then fails.
_CHARACTER_REFERENCE = re.compile(rb"&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});")
# A zone after a time of day: 'Z', '+02:00', '-0500', '+01'.
_ZONE = re.compile(r"\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)$", re.IGNORECASE)


def without_preamble(data: bytes) -> bytes:
    """The bytes from the markup on: Strava pads XML with spaces, some tools add a UTF-8 BOM."""
    stripped = data.lstrip()
    while stripped.startswith(_UTF8_BOM):
        stripped = stripped[len(_UTF8_BOM) :].lstrip()
    return stripped


def parsed_xml(data: bytes) -> tuple[etree._Element, str | None]:
    """The document's root element, and what was wrong with it if it had to be recovered.

    A file that is not well-formed (an undeclared prefix, an end cut off) is parsed again in
    lxml's recover mode, which keeps what it can; the second value then names the damage for
    the importer's problem line. Raises BadFile when nothing can be recovered.
    """
    if not data.strip():
        raise BadFile("is empty", FileErrorKind.EMPTY)
    if b"&#" in data:
        data = _CHARACTER_REFERENCE.sub(_character_or_replacement, data)
    try:
        return etree.fromstring(data, _parser(recover=False)), None
    except etree.XMLSyntaxError as err:
        raise_if_out_of_memory(err)
        error = err
    except (etree.LxmlError, ValueError, LookupError) as err:
        raise BadFile(f"is not readable XML ({err})", FileErrorKind.BROKEN_XML) from err
    try:
        root = etree.fromstring(data, _parser(recover=True))
    except (etree.LxmlError, ValueError, LookupError) as err:
        raise BadFile(
            f"is not readable XML ({_damage_of(error)})", FileErrorKind.BROKEN_XML
        ) from err
    if root is None:
        raise BadFile(f"is not readable XML ({_damage_of(error)})", FileErrorKind.BROKEN_XML)
    name = local_name(root.tag)
    closing = rb"</(?:[\w.-]+:)?" + re.escape(name.encode()) + rb"\s*>\s*$"
    if name and not re.search(closing, data[-512:]):
        lines = data.count(b"\n") + 1
        return root, f"it ends on line {lines:,} without its closing </{name}>: cut short?"
    return root, _damage_of(error)


def raise_if_out_of_memory(err: etree.XMLSyntaxError) -> None:
    """MemoryError when libxml2 ran out of memory: it says so only in its error code (its
    message is 'unknown error'), and the file is not broken."""
    if err.code == etree.ErrorTypes.ERR_NO_MEMORY:
        raise MemoryError("libxml2 could not allocate memory") from err


def _character_or_replacement(reference: re.Match[bytes]) -> bytes:
    """The reference as written when it names a character XML allows, else U+FFFD's."""
    digits = reference[1]
    code = int(digits[1:], 16) if digits[:1] == b"x" else int(digits)
    is_allowed = (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )
    return reference[0] if is_allowed else b"&#xFFFD;"


def _parser(*, recover: bool) -> etree.XMLParser:
    # No entities, no network: a file cannot make runlog read other files or the web.
    return etree.XMLParser(
        recover=recover,
        resolve_entities=False,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
    )


def _damage_of(err: etree.XMLSyntaxError) -> str:
    """lxml's complaint as a clause: 'namespace prefix xsi ... is not defined, line 4,653'."""
    message = re.sub(r",? (line \d+, )?column \d+.*$", "", str(err.msg or err)).strip()
    message = re.sub(r" line \d+$", "", message)
    message = message[:1].lower() + message[1:]
    return f"{message}, line {err.lineno:,}" if err.lineno else message


def local_name(tag: object) -> str:
    """An element's name without namespace or prefix ('{uri}hr', 'ns3:hr', 'hr' -> 'hr')."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].rpartition(":")[2]


def numbers(values: list[str | None]) -> np.ndarray:
    """Texts as float64, NaN where missing, unreadable or infinite."""
    try:  # the common case, every value a plain number, at C speed
        array = np.asarray(values, dtype="float64")
    except (TypeError, ValueError):
        if values.count(None) == len(values):
            return np.full(len(values), np.nan)
        parsed = pd.to_numeric(pd.Series(values, dtype="object"), errors="coerce")
        array = parsed.to_numpy(dtype="float64", na_value=np.nan)
    return np.where(np.isfinite(array), array, np.nan)


def within(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """The values, NaN outside [low, high]: a sensor's 'invalid' code or junk, not a reading."""
    return np.where((values >= low) & (values <= high), values, np.nan)


def utc_times(texts: list[str | None]) -> tuple[pd.Series, bool, int | None]:
    """ISO-8601 texts as tz-aware UTC; whether they carry no zone; the UTC offset they state.

    Times with `Z` or an offset are converted at face value. Times with neither are local wall
    time (gpxpy returns them naive): they come back as if they were UTC and the second value
    is True, so the caller can hand them on as wall time. The third value is the offset
    written in the texts, in seconds, when it is not zero (`+02:00` -> 7200). A file writes
    all its times one way, so its first and last written times decide both.
    """
    ends = [
        next((text.strip() for text in ordered if text and text.strip()), None)
        for ordered in (texts, reversed(texts))
    ]
    written = [text for text in ends if text]
    zones = [found.group(1) for text in written if (found := _ZONE.search(text))]
    is_naive = bool(written) and not zones
    offset_s = None
    offset = next((zone for zone in zones if zone.upper() != "Z"), None)
    if offset:
        digits = offset[1:].replace(":", "")
        seconds = int(digits[:2]) * 3600 + int(digits[2:] or 0) * 60
        offset_s = (-seconds if offset[0] == "-" else seconds) or None
    times = pd.to_datetime(
        pd.Series(texts, dtype="object"), utc=True, format="ISO8601", errors="coerce"
    )
    times = times.where(plausible.is_plausible_time(times))
    return times.astype("datetime64[ns, UTC]"), is_naive, offset_s


def years_out_of_range(texts: list[str | None]) -> str | None:
    """'in 1900' or 'from 1970 to 2100' when the texts hold times, none of them in the years
    runs are dated in (utc_times leaves those out); None when they hold no readable time."""
    times = pd.to_datetime(
        pd.Series(texts, dtype="object"), utc=True, format="ISO8601", errors="coerce"
    ).dropna()
    if times.empty or plausible.is_plausible_time(times).any():
        return None
    first, last = int(times.dt.year.min()), int(times.dt.year.max())
    return f"in {first}" if first == last else f"from {first} to {last}"
