"""The training log: the canonical tables one load gives, and the files it could not read."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar, cast

import numpy as np
import pandas as pd

from analyzer.errors import FileErrorKind
from analyzer.profile import Profile
from analyzer.schema import (
    ACTIVITY_COLUMNS,
    NOTE_COLUMNS,
    RUNNING_SPORT,
    SAMPLE_COLUMNS,
    SHOE_COLUMNS,
    conform,
    empty_frame,
)

if TYPE_CHECKING:
    from analyzer.checkers.rule import Finding


@dataclass(frozen=True)
class FileError:
    """One file runlog could not read, or read only in part: why, and what kind of defect."""

    path: str
    reason: str
    kind: FileErrorKind = FileErrorKind.DAMAGED

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class FileNotice:
    """A file read in full, with a remark the runner may want to know (not an error)."""

    path: str
    notice: str

    def __str__(self) -> str:
        return f"{self.path}: {self.notice}"


SampleLoader = Callable[[], pd.DataFrame]
Figure = TypeVar("Figure")


class KeptSamples:
    """One activity's samples, read again each time they are asked for (`read`: from the
    import cache, else the file; they are not held), and the figures the rules derive from
    them, kept by name. Every log made from this one (an athlete's part, the log up to a
    day) holds the same object, and a log sent back from another process brings its
    figures, so a rule reads an activity's samples once, not once per view."""

    def __init__(self, read: SampleLoader) -> None:
        self.read = read
        self.figures: dict[str, object] = {}

    def __call__(self) -> pd.DataFrame:
        return self.read()


@dataclass
class TrainingLog:
    """What runlog read: one row per activity, dated notes, shoes, and the errors.

    `activities` holds every activity with its sport; `runs` is the running part the rules
    judge. Samples are kept per activity and built into one table only when asked for.
    """

    activities: pd.DataFrame = field(default_factory=lambda: empty_frame(ACTIVITY_COLUMNS))
    notes: pd.DataFrame = field(default_factory=lambda: empty_frame(NOTE_COLUMNS))
    shoes: pd.DataFrame = field(default_factory=lambda: empty_frame(SHOE_COLUMNS))
    errors: list[FileError] = field(default_factory=list)
    notices: list[FileNotice] = field(default_factory=list)  # read in full, with a remark
    profiles: dict[str, Profile] = field(default_factory=dict)  # athlete -> their profile
    sample_loaders: dict[str, SampleLoader] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.activities = conform(self.activities, ACTIVITY_COLUMNS)
        self.notes = conform(self.notes, NOTE_COLUMNS)
        self.shoes = conform(self.shoes, SHOE_COLUMNS)

    @property
    def runs(self) -> pd.DataFrame:
        """The activities that are runs, oldest first."""
        runs = self.activities[self.activities["sport"] == RUNNING_SPORT]
        return runs.sort_values("start_time_utc", kind="stable")

    @property
    def athletes(self) -> list[str]:
        """Every athlete with an activity or a note, in name order."""
        names = set(self.activities["athlete"].dropna()) | set(self.notes["athlete"].dropna())
        return sorted(str(name) for name in names)

    def samples_for(self, activity_id: str) -> pd.DataFrame:
        """The samples of one activity (empty when its source had none)."""
        loader = self.sample_loaders.get(activity_id)
        if loader is None:
            return empty_frame(SAMPLE_COLUMNS)
        frame = loader()
        ids = pd.Series(activity_id, index=frame.index, dtype="string")  # no per-row cast
        return conform(frame.assign(activity_id=ids), SAMPLE_COLUMNS)

    def sample_values(self, activity_id: str, *names: str) -> dict[str, np.ndarray]:
        """Some sample columns of one activity as arrays, without building its table (what the
        rules use): a column the source did not record comes back as NaN, times as
        datetime64[ns] in UTC."""
        loader = self.sample_loaders.get(activity_id)
        frame = loader() if loader is not None else empty_frame(SAMPLE_COLUMNS)
        values = {}
        for name in names:
            if name not in frame.columns:
                missing = np.datetime64("NaT", "ns") if name == "time_utc" else np.nan
                values[name] = np.full(len(frame), missing)
            elif name == "time_utc":
                times = frame[name]
                if not isinstance(times.dtype, pd.DatetimeTZDtype):
                    times = pd.to_datetime(times, utc=True)
                values[name] = times.dt.tz_convert(None).to_numpy().astype("datetime64[ns]")
            else:
                values[name] = frame[name].to_numpy(dtype=float, na_value=np.nan)
        return values

    def sample_figure(
        self,
        activity_id: str,
        name: str,
        derive: Callable[[dict[str, np.ndarray]], Figure],
        *columns: str,
    ) -> Figure:
        """`derive` of some sample columns of one activity (`sample_values`), made once per
        activity and `name` (which names every setting `derive` reads) when its samples are
        `KeptSamples`."""
        loader = self.sample_loaders.get(activity_id)
        figures = loader.figures if isinstance(loader, KeptSamples) else {}
        if name not in figures:
            figures[name] = derive(self.sample_values(activity_id, *columns))
        return cast(Figure, figures[name])

    @property
    def samples(self) -> pd.DataFrame:
        """Every sample of every activity in one table (built on each call: it can be large)."""
        frames = [self.samples_for(activity_id) for activity_id in self.sample_loaders]
        frames = [frame for frame in frames if not frame.empty]
        if not frames:
            return empty_frame(SAMPLE_COLUMNS)
        return pd.concat(frames, ignore_index=True)

    def profile_for(self, athlete: str) -> Profile:
        """The athlete's own profile, else the log's shared one, else the defaults."""
        return self.profiles.get(athlete) or self.profiles.get("") or Profile()

    def for_athlete(self, athlete: str) -> TrainingLog:
        """The part of the log that belongs to one athlete (shoes with no athlete are shared)."""
        activities = self.activities[self.activities["athlete"] == athlete]
        ids = set(activities["activity_id"])
        shoes = self.shoes[self.shoes["athlete"].isna() | (self.shoes["athlete"] == athlete)]
        return TrainingLog(
            activities=activities,
            notes=self.notes[self.notes["athlete"] == athlete],
            shoes=shoes,
            errors=[],
            profiles={athlete: self.profile_for(athlete)},
            sample_loaders={key: value for key, value in self.sample_loaders.items() if key in ids},
        )

    def for_athletes(self, athletes: Iterable[str]) -> TrainingLog:
        """The part of the log of these athletes, with the files not read kept (they are the
        whole load's, and say why an athlete may lack runs)."""
        names = set(athletes)
        activities = self.activities[self.activities["athlete"].isin(names)]
        ids = set(activities["activity_id"])
        return TrainingLog(
            activities=activities,
            notes=self.notes[self.notes["athlete"].isin(names)],
            shoes=self.shoes[self.shoes["athlete"].isna() | self.shoes["athlete"].isin(names)],
            errors=self.errors,
            notices=self.notices,
            profiles={  # theirs, and the shared one ("")
                name: profile for name, profile in self.profiles.items() if name in names | {""}
            },
            sample_loaders={key: value for key, value in self.sample_loaders.items() if key in ids},
        )

    def weekly(
        self,
        findings: Sequence[Finding] | pd.DataFrame | None = None,
        profile: Profile | None = None,
    ) -> pd.DataFrame:
        """One row per athlete and local week: load, cadence, surfaces, shoe, knee-pain notes and
        findings (analyzer.weekly's WEEKLY_COLUMNS); the rules run when no findings are given."""
        from analyzer.weekly import weekly_table

        return weekly_table(self, findings, profile)

    def by_athlete(self) -> Iterator[tuple[str, TrainingLog]]:
        """Each athlete's own log, in name order."""
        for athlete in self.athletes:
            yield athlete, self.for_athlete(athlete)
