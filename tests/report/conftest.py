"""A coach's small log and fixed findings for the renderer tests.

Three athletes: ana (km) built up too fast and then noted knee pain; bo (miles) runs with a low
cadence on a worn shoe, and quoted markup in his note; zoë ran and drew no finding. The
findings are written here, not computed, so a change in a rule never moves a golden file; the
shoe entry without a limit and bo's note have no headline, so the message's first sentence
stands in for it.
"""

import datetime as dt

import numpy as np
import pytest

from analyzer.checkers.rule import Finding
from analyzer.errors import FileErrorKind
from analyzer.log import FileError, TrainingLog
from analyzer.profile import Profile, ShoeSetting
from analyzer.status import Status, default_as_of, statuses
from tests.builders import TIMEZONE, make_log, note, run, steady_runs


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def finding(athlete: str, code: str, rule: str, severity: str, date: str, message: str, **more):
    """A finding dated `date`, judged over the 28 days up to it unless told otherwise."""
    return Finding(
        athlete=athlete,
        rule=rule,
        code=code,
        severity=severity,
        date=day(date),
        period_start=more.pop("period_start", day(date) - dt.timedelta(days=28)),
        period_end=more.pop("period_end", day(date)),
        message=message,
        **more,
    )


def coach_runs() -> list[dict]:
    ana = steady_runs(weeks=8, first=day("2026-01-05"))
    ana += [
        run("2026-03-04", 21.0, activity_id="ana-long", shoe="Ghost"),
        run("2026-03-07", 8.0, activity_id="ana-after"),
    ]
    bo = [
        run(
            day("2026-02-02") + dt.timedelta(days=offset),
            8.0,
            athlete="bo",
            cadence_spm=158.0 + offset % 3,
            shoe="Old Faithful",
            activity_id=f"bo-{offset}",
        )
        for offset in range(0, 21, 2)
    ]
    bo.append(run("2026-02-03", 5.0, athlete="bo", sport="walking", activity_id="bo-walk"))
    zoe = [run(f"2026-02-{date:02d}", 6.0, athlete="zoë", cadence_spm=None) for date in (3, 5, 8)]
    return ana + bo + zoe


@pytest.fixture(scope="module")
def coach_log() -> TrainingLog:
    log = make_log(
        coach_runs(),
        notes=[
            note("2026-03-09", "Left knee sore on the stairs"),
            note("2026-02-24", "knee <b>hurts</b> & so does the hip", athlete="bo"),
        ],
        shoes=[
            ShoeSetting("Ghost", limit_km=700),
            # 724 km before the log and 88 in it: 812 km (504.6 mi), past 500 mi on Sun 22 Feb
            ShoeSetting("Old Faithful", aliases=("OF",), pre_used_km=724.0),
        ],
    )
    log.profiles["bo"] = Profile(timezone=TIMEZONE, units="miles")
    return log


@pytest.fixture(scope="module")
def ana_findings() -> list[Finding]:
    spike = finding(
        "ana",
        "RL103",
        "long-run-spike",
        "high",
        "2026-03-04",
        "Wed 4 Mar: 21.0 km, 91% longer than your longest run of the previous 30 days (11.0 km). "
        "Grow your long run by about a tenth at a time.",
        period_start=day("2026-02-02"),
        evidence={"distance_km": 21.0, "longest_prev_30d_km": 11.0, "ratio": np.float64(1.91)},
        activity_ids=("ana-long",),
        headline="21.0 km run, 91% over the longest of the 30 days before (11.0 km)",
    )
    ratio = finding(
        "ana",
        "RL102",
        "acute-chronic-ratio",
        "info",
        "2026-03-07",
        "Sat 7 Mar: 44.0 km over the last 7 days against 29.8 km a week over the last 28 "
        "(ratio 1.48). Context for a coach; the evidence for this ratio is contested.",
        evidence={"ratio": 1.48, "acute_km": 44.0, "chronic_weekly_km": float("nan")},
        activity_ids=("ana-long", "ana-after"),
        headline="acute:chronic 1.48 (44.0 km a week against 29.8 km)",
    )
    return [
        finding(
            "ana",
            "RL101",
            "weekly-mileage-jump",
            "info",
            "2026-01-11",
            "Sun 11 Jan: 30.0 km this week, 15% up on the week before (26.0 km).",
            period_start=day("2026-01-05"),
            evidence={"week_km": 30.0, "previous_week_km": 26.0, "ratio": 1.15},
        ),
        spike,
        ratio,
        finding(
            "ana",
            "RL501",
            "knee-pain-note",
            "warning",
            "2026-03-09",
            'Mon 9 Mar: you wrote "Left knee sore on the stairs". See what came before it.',
            period_start=day("2026-02-23"),
            evidence={"note": "Left knee sore on the stairs", "window_days": np.int64(14)},
            related=(spike, ratio),
            headline="left knee pain",
        ),
    ]


@pytest.fixture(scope="module")
def coach_findings(ana_findings) -> list[Finding]:
    low_cadence = finding(
        "bo",
        "RL201",
        "low-cadence",
        "warning",
        "2026-02-10",
        "Tue 10 Feb: 5.0 mi at 159 steps/min, under the floor of 170. Try shorter, quicker steps.",
        evidence={"cadence_spm": 159.0, "floor_spm": 170, "target_spm": 170},
        activity_ids=("bo-8",),
        headline="cadence 159 steps/min over 1 run, under 170",
    )
    shoe = finding(
        "bo",
        "RL402",
        "shoe-overdue",
        "high",
        "2026-02-22",
        "Sun 22 Feb: Old Faithful has 504.6 mi on it (pre-use included), past its 500.0 mi limit.",
        evidence={"shoe": "Old Faithful", "distance_km": np.int64(812), "limit_km": 804.7},
        activity_ids=("bo-20",),
        headline="Old Faithful at 504.6 mi, past 500.0 mi",
    )
    shoe_warning = finding(
        "bo",
        "RL402",
        "shoe-overdue",
        "warning",
        "2026-02-22",
        "Sun 22 Feb: a second shoe entry with no limit of its own.",
        evidence={"shoe": "OF", "distance_km": None},
    )
    return [
        *ana_findings,
        low_cadence,
        shoe_warning,
        shoe,
        finding(
            "bo",
            "RL501",
            "knee-pain-note",
            "info",
            "2026-02-24",
            'Tue 24 Feb: you wrote "knee <b>hurts</b> & so does the hip".',
            evidence={"note": "knee <b>hurts</b> & so does the hip"},
            related=(low_cadence, shoe, shoe_warning),
        ),
    ]


@pytest.fixture(scope="module")
def coach_errors() -> list[FileError]:
    return [
        FileError(
            "coach/bo/2026-02-14.fit",
            "ends after 18,312 of 40,960 bytes; upload cut short?",
            FileErrorKind.TRUNCATED,
        ),
        FileError(
            "coach/ana/export.zip!activities/99.gpx",
            "is not well-formed XML (line 17); kept the 4,040 track points that could be read",
            FileErrorKind.BROKEN_XML,
        ),
    ]


@pytest.fixture(scope="module")
def coach_statuses(coach_log, coach_findings) -> dict[str, Status]:
    """Each athlete's status on the newest day of the log (Mon 9 Mar 2026, the day of a note)."""
    return statuses(coach_log, coach_findings, default_as_of(coach_log))


@pytest.fixture(scope="module")
def walker_log() -> TrainingLog:
    """A runner who stopped running but not moving: 6 weeks of runs to Sun 15 Feb 2026, then a
    walk a week up to Fri 27 Mar 2026, the newest day (not stale: a walk is data)."""
    walks = [
        run(f"2026-03-{date:02d}", 4.0, sport="walking", activity_id=f"walk-{date}")
        for date in (6, 13, 20, 27)
    ]
    return make_log([*steady_runs(weeks=6, first=day("2026-01-05")), *walks])


@pytest.fixture(scope="module")
def walker_status(walker_log) -> Status:
    """The walker's status on Fri 27 Mar 2026: no run in the last 28 days."""
    return statuses(walker_log, [], default_as_of(walker_log))["ana"]


@pytest.fixture(scope="module")
def near_shoe_log() -> TrainingLog:
    """Three 10 km runs in the Pegasus 39 (559 km on it before, its limit 600) to Wed 4 Mar 2026:
    589 km, about 11 km left on the newest day, and no finding."""
    runs = [run(f"2026-03-{date:02d}", 10.0, shoe="Pegasus 39") for date in (2, 3, 4)]
    pegasus = ShoeSetting("Pegasus 39", pre_used_km=559.0, limit_km=600.0)
    return make_log(runs, shoes=[pegasus])


@pytest.fixture(scope="module")
def near_shoe_status(near_shoe_log) -> Status:
    return statuses(near_shoe_log, [], default_as_of(near_shoe_log))["ana"]


@pytest.fixture(scope="module")
def squad_study():
    """A squad study over six runners with three episodes each, from counts written here: a
    pattern before two of each runner's three episodes and in 2 of their 20 pain-free
    fortnights, one as common either way, and one that never held."""
    from analyzer.study import PooledCounts, SquadCounts, squad_study

    counts = SquadCounts(runners=6, runners_without_episodes=1, episodes=18)
    counts.pain_free_fortnights = 120
    for slug, label, before, pain_free in (
        ("low-cadence", "running cadence under 170 steps/min", 2, 2),
        ("weekly-mileage-jump", "a week's distance well up on your usual week", 1, 7),
        ("shoe-overdue", "runs on a shoe past its warning distance", 0, 0),
    ):
        counts.patterns[slug] = PooledCounts(label)
        for _ in range(6):
            counts.patterns[slug].add(before, 3, pain_free, 20)
    return squad_study(counts)
