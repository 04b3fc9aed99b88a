"""The plan of a run: who the athletes are, which files are theirs, which profile applies.

`make_plan` is the first of the pipeline's three steps (analyzer/pipeline.py runs the other
two). It discovers the named paths once (analyzer/discover.py), reads every runlog.toml that
can apply once (the one given, else those found with the data: beside it, in an athlete's
folder, at the root of a zip), and groups the sources by athlete: one group per athlete
folder, and one for the other files named (one runner's files, a CSV log of several runners).
A bad profile stops the run with one line, except an athlete's own: that athlete is left out
and their file listed.

The plan imports no pandas and reads no activity file: a command whose whole result is kept
(analyzer/memo.py) digests the plan's sources and stops there.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.archives import DEFAULT_LIMITS, InputLimits
from analyzer.discover import (
    Discovery,
    ProfileFile,
    Source,
    coach_athlete_folders,
    discover,
    shown,
)
from analyzer.errors import BadFile, FileErrorKind, ProfileError, RunlogError
from analyzer.places import Problem, forget_zips
from analyzer.profile import (
    PROFILE_FILE_NAME,
    Profile,
    profile_from_text,
    read_profile,
)
from analyzer.settings import Settings
from analyzer.storage import is_url


@dataclass(frozen=True)
class Group:
    """Files put together as one log: an athlete folder's, or the other paths named."""

    athlete: str | None  # the athlete of the folder; None for the other paths named
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ProfileRead:
    """A profile file that was read: whose, where, and a digest of its bytes."""

    athlete: str  # "" for everyone
    where: str
    digest: str


@dataclass(frozen=True)
class Plan:
    """Everything a run needs before it reads an activity file."""

    paths: tuple[str | Path, ...]  # as named: outputs show paths relative to them
    groups: tuple[Group, ...]
    profiles: dict[str, Profile]  # "" for everyone, else an athlete's own
    settings: Settings
    given: Profile | None = None  # the profile given for everyone (--profile)
    read: tuple[ProfileRead, ...] = ()  # every profile file read, for a result's key
    own_profiles: frozenset[str] = frozenset()  # athletes whose profile is their folder's
    named_athlete: str | None = None  # the one folder named is this athlete's of a coach's
    # what could not be opened or read (paths, folders, zips), then bad athlete profiles
    problems: tuple[Problem, ...] = field(default=())

    @property
    def sources(self) -> list[Source]:
        return [source for group in self.groups for source in group.sources]

    @property
    def has_url(self) -> bool:
        return any(is_url(path) for path in self.paths)


def make_plan(
    paths: Sequence[str | Path],
    profile: Profile | str | Path | None,
    settings: Settings,
) -> Plan:
    """The plan of a run over `paths`: `profile` (a Profile, or the path of a runlog.toml)
    applies to everyone; without it, those found with the data do."""
    read: list[ProfileRead] = []
    texts: dict[str, bytes] = {}  # place -> bytes of each profile file read
    given = _given(profile, read)
    limits = settings.input_limits(_input_limits(paths, given, texts, read))
    found = discover(list(paths), limits)
    forget_zips()  # the zips listed are read again where their files are parsed
    problems: list[tuple[str, Problem]] = []
    if given is not None:
        profiles, own = {"": given}, frozenset[str]()
    else:
        profiles, own, problems = _profiles_found(found, texts, read)
    named_athlete = _named_athlete(paths, profiles)
    if named_athlete is not None:
        shared = profiles.get("") or Profile()
        profiles = {**profiles, "": dataclasses.replace(shared, athlete=named_athlete)}
    left_out = {athlete for athlete, _ in problems}
    groups = _groups(found, left_out)
    return Plan(
        tuple(paths),
        groups,
        profiles,
        settings,
        given,
        tuple(read),
        own,
        named_athlete,
        (*found.problems, *(problem for _, problem in problems)),
    )


def without_athlete(plan: Plan, athlete: str, problem: Problem) -> Plan:
    """The plan with an athlete left out (their own profile is bad), and the reason listed."""
    return dataclasses.replace(
        plan,
        groups=tuple(group for group in plan.groups if group.athlete != athlete),
        profiles={key: value for key, value in plan.profiles.items() if key != athlete},
        problems=(*plan.problems, problem),
    )


def bad_profile_problem(where: str, athlete: str, err: ProfileError) -> Problem:
    """The line of an athlete's own profile that is bad: the athlete is not checked."""
    name = where.rsplit("/", 1)[-1].rsplit("!", 1)[-1]
    reason = str(err).removeprefix(f"{name}: ")
    message = f"{reason}; {athlete} was not checked (fix this file to check them)"
    return where, BadFile(message, FileErrorKind.BAD_PROFILE)


def _given(profile: Profile | str | Path | None, read: list[ProfileRead]) -> Profile | None:
    if profile is None or isinstance(profile, Profile):
        return profile
    path = Path(profile)
    text = read_profile(path)  # read once: a pipe (<(...), /dev/stdin) gives its bytes once
    read.append(ProfileRead("", str(path), _digest(text)))
    return profile_from_text(text, str(path))


def _input_limits(
    paths: Sequence[str | Path],
    given: Profile | None,
    texts: dict[str, bytes],
    read: list[ProfileRead],
) -> InputLimits:
    """The input limits of the profile given, else of a runlog.toml in a folder named (never
    one inside an archive: an archive does not set its own limits)."""
    if given is not None:
        return given.limits
    for path in paths:
        if is_url(path) or not Path(path).is_dir():
            continue
        candidate = Path(path) / PROFILE_FILE_NAME
        if candidate.is_file():
            text = _profile_text(str(candidate), texts, read)
            return profile_from_text(text, shown(candidate)).limits
    return DEFAULT_LIMITS


def _profile_text(place: str, texts: dict[str, bytes], read: list[ProfileRead]) -> bytes:
    if place not in texts:
        texts[place] = read_profile(Path(place))
        read.append(ProfileRead("", shown(place), _digest(texts[place])))
    return texts[place]


def _profiles_found(
    found: Discovery, texts: dict[str, bytes], read: list[ProfileRead]
) -> tuple[dict[str, Profile], frozenset[str], list[tuple[str, Problem]]]:
    """The profiles found with the data, by athlete ("" for everyone): one beside the data
    before one in a zip, the first found of each kind; the athletes whose profile is their
    folder's own; and each athlete whose own profile is bad, with its line."""
    chosen: dict[str, ProfileFile] = {}
    for item in sorted(found.profiles, key=lambda item: item.in_archive):
        chosen.setdefault(item.athlete, item)
    profiles: dict[str, Profile] = {}
    problems: list[tuple[str, Problem]] = []
    own = frozenset(athlete for athlete, item in chosen.items() if item.own_folder)
    for athlete, item in chosen.items():
        try:
            text = _text_of(item, texts, read)
            profiles[athlete] = profile_from_text(text, item.label)
        except ProfileError as err:
            if not item.own_folder:
                raise
            problems.append((athlete, bad_profile_problem(item.label, athlete, err)))
    return profiles, own, problems


def _text_of(item: ProfileFile, texts: dict[str, bytes], read: list[ProfileRead]) -> bytes:
    place = item.location.place
    if not item.location.members and not is_url(place):
        text = _profile_text(place, texts, read)
    else:
        try:
            text = item.location.read(DEFAULT_LIMITS)
        except (OSError, RunlogError) as err:
            raise ProfileError(f"{item.label}: cannot read the profile ({err})") from err
        read.append(ProfileRead(item.athlete, item.label, _digest(text)))
    return text


def _named_athlete(paths: Sequence[str | Path], profiles: dict[str, Profile]) -> str | None:
    """The athlete of the one folder named when it is an athlete's folder of a coach's folder
    and no profile names the athlete: the folder's name."""
    if len(paths) != 1 or is_url(paths[0]) or not Path(paths[0]).is_dir():
        return None
    shared = profiles.get("")
    if shared is not None and shared.athlete:
        return None
    folder = Path(paths[0]).resolve()
    if folder not in {child.resolve() for child in coach_athlete_folders(folder.parent)}:
        return None
    return shown(folder.name)


def _groups(found: Discovery, left_out: set[str]) -> tuple[Group, ...]:
    """The sources by athlete folder, athletes in name order, the other paths last."""
    by_athlete: dict[str | None, list[Source]] = {}
    for source in found.sources:
        if source.athlete is None or source.athlete not in left_out:
            by_athlete.setdefault(source.athlete, []).append(source)
    order = sorted(by_athlete, key=lambda athlete: (athlete is None, athlete or ""))
    return tuple(Group(athlete, tuple(by_athlete[athlete])) for athlete in order)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


__all__ = [
    "Group",
    "Plan",
    "ProfileRead",
    "bad_profile_problem",
    "make_plan",
    "without_athlete",
]
