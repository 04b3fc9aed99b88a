"""The athlete profile: one TOML file laid over the defaults in code.

```toml
athlete = "Ana"
timezone = "Europe/Copenhagen"   # used when a file carries no offset and no GPS
units = "km"                     # or "miles": how messages and reports show distances
stale_after_days = 14            # no activity for longer before the as-of day: "no data since"

[rules.long-run-spike]
warning_ratio = 1.15
[rules.acute-chronic-ratio]
enabled = false

[[shoes]]
name = "Pegasus 40"
aliases = ["pegasus"]
start = 2026-01-10
retired = 2026-09-01
pre_used_km = 120
limit_km = 700
default = true

[[surfaces]]                     # runs whose name has one of these words
surface = "trail"
words = ["forest", "woods"]

[[surfaces]]                     # runs that start within radius_m of a point
surface = "track"
lat_deg = 55.70
lon_deg = 12.55
radius_m = 300
```

Here each `[rules.<slug>]` is only checked to be a table: the rules check their own settings
(`analyzer.checkers.check_rule_settings`, run by `load`: an unknown key, a wrong type or a
value out of range is a ProfileError naming the file, the key and the valid keys), so this
module needs no rule and the rules can read profiles.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import select
import stat
import time
import tomllib
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.archives import DEFAULT_LIMITS, InputLimits
from analyzer.classify import SURFACES
from analyzer.errors import ProfileError, shown_value
from analyzer.units import METRES_PER_MILE

PROFILE_FILE_NAME = "runlog.toml"
UNITS = ("km", "miles")
_TOP_KEYS = (
    "limits",
    "athlete",
    "timezone",
    "units",
    "stale_after_days",
    "rules",
    "shoes",
    "surfaces",
)
MAX_PROFILE_BYTES = 1_000_000  # a real profile is a few hundred bytes
PIPE_WAIT_S = 10.0  # `--profile <(...)`: how long a pipe may stay silent before it is refused
_POLL_S = 0.05
_KINDS = {stat.S_IFCHR: "a device", stat.S_IFBLK: "a device", stat.S_IFSOCK: "a socket"}
# A shoe's distances, km: pre-use up to 20,000 km (12,427 mi); a limit of 50 to 5,000 km
PRE_USED_RANGE_KM = (0.0, 20_000.0)
LIMIT_RANGE_KM = (50.0, 5_000.0)
STALE_AFTER_DAYS = 14  # a coach calls when an athlete uploaded nothing for longer
MAX_STALE_AFTER_DAYS = 366
_SHOE_KEYS = (
    "name", "aliases", "start", "retired", "pre_used_km", "pre_used_mi", "limit_km", "limit_mi",
    "default",
)  # fmt: skip
_SURFACE_KEYS = ("surface", "words", "lat_deg", "lon_deg", "radius_m")


@dataclass(frozen=True)
class ShoeSetting:
    name: str
    aliases: tuple[str, ...] = ()
    start: dt.date | None = None
    retired: dt.date | None = None
    pre_used_km: float = 0.0
    limit_km: float | None = None  # None: the shoe-overdue rule's default
    default: bool = False  # runs with no shoe named count on this one


@dataclass(frozen=True)
class SurfaceTag:
    surface: str
    words: tuple[str, ...] = ()
    lat_deg: float | None = None
    lon_deg: float | None = None
    radius_m: float = 200.0


@dataclass(frozen=True)
class Profile:
    path: str | None = None
    athlete: str | None = None
    timezone: str | None = None
    units: str = "km"
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # slug -> settings
    shoes: tuple[ShoeSetting, ...] = ()
    surfaces: tuple[SurfaceTag, ...] = ()
    stale_after_days: int = STALE_AFTER_DAYS
    limits: InputLimits = DEFAULT_LIMITS  # [limits]: how far archives are inflated

    def is_enabled(self, slug: str) -> bool:
        """Whether the rule runs for this athlete (every rule does unless turned off)."""
        return bool(self.rules.get(slug, {}).get("enabled", True))


def load_profile(path: str | Path) -> Profile:
    """The profile in a TOML file, checked key by key against what runlog knows."""
    return profile_from_text(read_profile(Path(path)), str(path))


def read_profile(path: Path) -> bytes:
    """The bytes of a profile file, read once, whatever holds them: a file, or a pipe
    (`--profile <(...)`, `--profile /dev/stdin`), waited for at most PIPE_WAIT_S.

    A FIFO nobody writes to, a device (/dev/zero, a terminal), a folder or a socket is a
    ProfileError of one line: never a hang, never a read without end.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError as err:
        raise ProfileError(f"{path}: no such profile file") from err
    except OSError as err:
        raise ProfileError(f"{path}: cannot read the profile ({err.strerror or err})") from err
    with open(descriptor, "rb", buffering=0) as stream:
        info = os.fstat(descriptor)
        try:
            if stat.S_ISREG(info.st_mode):
                if info.st_size > MAX_PROFILE_BYTES:
                    raise ProfileError(_too_large(path.name, info.st_size))
                os.set_blocking(descriptor, True)
                text = stream.read(MAX_PROFILE_BYTES + 1)
            elif stat.S_ISFIFO(info.st_mode):
                text = _piped(descriptor, path)
            else:
                kind = (
                    "a folder"
                    if stat.S_ISDIR(info.st_mode)
                    else _KINDS.get(stat.S_IFMT(info.st_mode), "not a file")
                )
                raise ProfileError(f"{path}: is {kind}, not a profile file")
        except OSError as err:
            raise ProfileError(f"{path}: cannot read the profile ({err.strerror or err})") from err
    if len(text) > MAX_PROFILE_BYTES:
        raise ProfileError(_too_large(path.name, len(text)))
    return text


def _piped(descriptor: int, path: Path) -> bytes:
    """What a pipe or FIFO gives until its writer closes it, at most MAX_PROFILE_BYTES and a
    byte; a ProfileError when nothing has come after PIPE_WAIT_S (no writer, or a silent one).
    """
    chunks: list[bytes] = []
    size = 0
    deadline = time.monotonic() + PIPE_WAIT_S
    while size <= MAX_PROFILE_BYTES:
        remaining_s = deadline - time.monotonic()
        if remaining_s <= 0:
            raise ProfileError(
                f"{path}: nothing came through this pipe in {PIPE_WAIT_S:g} s "
                "(a FIFO nobody writes to?)"
            )
        ready, _, _ = select.select([descriptor], [], [], min(remaining_s, _POLL_S))
        if not ready:
            continue
        try:
            chunk = os.read(descriptor, 65_536)
        except BlockingIOError:
            continue
        if not chunk:
            if chunks:
                break  # the writer is done
            time.sleep(_POLL_S)  # no writer yet (a FIFO reads as ended until one opens it)
            continue
        chunks.append(chunk)
        size += len(chunk)
        deadline = time.monotonic() + PIPE_WAIT_S  # a writer that writes is waited for
    return b"".join(chunks)


def profile_from_text(text: bytes, path: str) -> Profile:
    """The profile in TOML bytes read from somewhere other than a file (a zip's runlog.toml)."""
    name = Path(path).name
    if len(text) > MAX_PROFILE_BYTES:
        raise ProfileError(_too_large(name, len(text)))
    try:
        data = tomllib.loads(text.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ProfileError(f"{path}: cannot read the profile ({err})") from err
    except tomllib.TOMLDecodeError as err:
        raise ProfileError(f"{name}: not valid TOML: {err}") from err
    except RecursionError as err:  # tables or arrays nested hundreds deep
        raise ProfileError(f"{name}: nested too deep to be a runlog profile") from err
    return profile_from_dict(data, path)


def _too_large(name: str, size: int) -> str:
    return (
        f"{name}: {size:,} bytes is too large for a runlog profile (at most {MAX_PROFILE_BYTES:,})"
    )


def profile_from_dict(data: dict[str, Any], path: str = "profile") -> Profile:
    """A Profile from parsed TOML; every problem is a ProfileError naming the key."""
    name = Path(path).name
    _reject_unknown(name, "", data, _TOP_KEYS)
    athlete = _typed(name, "athlete", data.get("athlete"), str)
    timezone = _typed(name, "timezone", data.get("timezone"), str)
    if timezone is not None:
        _check_timezone(name, timezone)
    units = _typed(name, "units", data.get("units", "km"), str)
    if units not in UNITS:
        raise ProfileError(f"{name}: units = {units!r} is not one of {', '.join(UNITS)}")
    rules = _rules(name, data.get("rules", {}))
    shoes = tuple(_shoe(name, index, entry) for index, entry in enumerate(data.get("shoes", [])))
    surfaces = tuple(
        _surface(name, index, entry) for index, entry in enumerate(data.get("surfaces", []))
    )
    stale_after_days = _typed(
        name, "stale_after_days", data.get("stale_after_days", STALE_AFTER_DAYS), int
    )
    if isinstance(stale_after_days, bool) or not 1 <= stale_after_days <= MAX_STALE_AFTER_DAYS:
        raise ProfileError(
            f"{name}: stale_after_days = {stale_after_days!r} should be a whole number of days "
            f"from 1 to {MAX_STALE_AFTER_DAYS}"
        )
    limits = data.get("limits", {})
    if not isinstance(limits, dict):
        raise ProfileError(f"{name}: [limits] must be a table of limits")
    return Profile(
        path,
        athlete,
        timezone,
        units,
        rules,
        shoes,
        surfaces,
        stale_after_days,
        limits=InputLimits.from_settings(limits, name),
    )


def input_limits(
    paths: tuple[str | Path, ...], profile: Profile | str | Path | None
) -> InputLimits:
    """The input limits of the profile given, else of a runlog.toml in a folder named (never
    one inside an archive: an archive does not set its own limits)."""
    if isinstance(profile, Profile):
        return profile.limits
    if profile is not None:
        return load_profile(profile).limits
    for path in map(Path, paths):
        found = find_profile(path) if path.is_dir() else None
        if found is not None:
            return load_profile(found).limits
    return DEFAULT_LIMITS


def find_profile(folder: Path) -> Path | None:
    """The runlog.toml beside the data in `folder`, if there is one."""
    candidate = folder / PROFILE_FILE_NAME
    return candidate if candidate.is_file() else None


def _rules(name: str, rules: Any) -> dict[str, dict[str, Any]]:
    """Each rule's settings as given; the rules check the slugs, keys and ranges themselves."""
    if not isinstance(rules, dict):
        raise ProfileError(f"{name}: [rules] must be a table of rule settings")
    for slug, settings in rules.items():
        if not isinstance(settings, dict):
            raise ProfileError(f"{name}: [rules.{slug}] must be a table of settings")
    return {slug: dict(settings) for slug, settings in rules.items()}


def _shoe(name: str, index: int, entry: Any) -> ShoeSetting:
    where = f"[[shoes]] #{index + 1}"
    if not isinstance(entry, dict):
        raise ProfileError(f"{name}: {where} must be a table")
    _reject_unknown(name, where + " ", entry, _SHOE_KEYS)
    shoe_name = _typed(name, f"{where} name", entry.get("name"), str)
    if not shoe_name:
        raise ProfileError(f"{name}: {where} needs a name")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        raise ProfileError(f"{name}: {where} aliases must be a list of names")
    limit_km = _distance_km(name, where, entry, "limit", LIMIT_RANGE_KM)
    pre_used_km = _distance_km(name, where, entry, "pre_used", PRE_USED_RANGE_KM)
    return ShoeSetting(
        name=shoe_name,
        aliases=tuple(aliases),
        start=_date(name, f"{where} start", entry.get("start")),
        retired=_date(name, f"{where} retired", entry.get("retired")),
        pre_used_km=pre_used_km or 0.0,
        limit_km=limit_km,
        default=bool(_typed(name, f"{where} default", entry.get("default", False), bool)),
    )


def _surface(name: str, index: int, entry: Any) -> SurfaceTag:
    where = f"[[surfaces]] #{index + 1}"
    if not isinstance(entry, dict):
        raise ProfileError(f"{name}: {where} must be a table")
    _reject_unknown(name, where + " ", entry, _SURFACE_KEYS)
    surface = entry.get("surface")
    if surface not in SURFACES:
        raise ProfileError(f"{name}: {where} surface must be one of {', '.join(SURFACES)}")
    words = entry.get("words", [])
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        raise ProfileError(f"{name}: {where} words must be a list of words")
    lat_deg = _number(name, f"{where} lat_deg", entry.get("lat_deg"), (-90.0, 90.0))
    lon_deg = _number(name, f"{where} lon_deg", entry.get("lon_deg"), (-180.0, 180.0))
    if (lat_deg is None) != (lon_deg is None):
        raise ProfileError(f"{name}: {where} needs both lat_deg and lon_deg, or neither")
    if not words and lat_deg is None:
        raise ProfileError(f"{name}: {where} needs words or a place (lat_deg, lon_deg)")
    radius_m = _number(name, f"{where} radius_m", entry.get("radius_m"), (1.0, 100_000.0))
    return SurfaceTag(surface, tuple(words), lat_deg, lon_deg, radius_m or 200.0)


def _reject_unknown(name: str, where: str, data: dict[str, Any], known: tuple[str, ...]) -> None:
    for key in data:
        if key not in known:
            raise ProfileError(
                f"{name}: {where}{key[:60]} is not a profile setting; the settings are "
                f"{', '.join(known)}"
            )


def _typed(name: str, key: str, value: Any, kind: type) -> Any:
    if value is not None and not isinstance(value, kind):
        raise ProfileError(f"{name}: {key} = {shown_value(value)} should be a {kind.__name__}")
    return value


def _distance_km(
    name: str, where: str, entry: dict[str, Any], stem: str, range_km: tuple[float, float]
) -> float | None:
    """A distance setting given as `<stem>_km` or `<stem>_mi`, in km; its range is checked in
    the unit it was written in."""
    given = [key for key in (f"{stem}_km", f"{stem}_mi") if key in entry]
    if len(given) > 1:
        raise ProfileError(f"{name}: {where} has both {stem}_km and {stem}_mi; keep one")
    if not given:
        return None
    key = given[0]
    km_per_unit = METRES_PER_MILE / 1000 if key.endswith("_mi") else 1.0
    low, high = (round(limit / km_per_unit) for limit in range_km)
    value = _number(name, f"{where} {key}", entry[key], (low, high))
    return None if value is None else value * km_per_unit


def _number(
    name: str, key: str, value: Any, allowed: tuple[float, float] | None = None
) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProfileError(f"{name}: {key} = {shown_value(value)} should be a number")
    low, high = allowed if allowed is not None else (0.0, math.inf)
    if not low <= value <= high:  # NaN too
        if allowed is None:
            raise ProfileError(f"{name}: {key} = {value!r} cannot be negative")
        raise ProfileError(f"{name}: {key} = {value!r} is outside its range, {low:g} to {high:g}")
    return float(value)


def _date(name: str, key: str, value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ProfileError(f"{name}: {key} = {value!r} should be a date like 2026-03-01")


def _check_timezone(name: str, timezone: str) -> None:
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as err:
        raise ProfileError(
            f"{name}: timezone = {timezone!r} is not a time zone name like Europe/Copenhagen"
        ) from err
