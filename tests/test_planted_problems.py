"""A long log with problems planted in it: each is flagged on the local day it happened, in the
watch-folder form and in the Strava-export form, and the clean weeks stay clean.

The runner lives in Sydney and runs at 06:00, which is the previous day in UTC: any rule that
counted days in UTC would flag the wrong day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from analyzer import load
from analyzer.checkers import run_rules
from benchmarks.synthetic import PlannedRun, run_fit, steady_plan
from tests.exports import strava_export

TIMEZONE = "Australia/Sydney"
LAT_DEG, LON_DEG = -33.87, 151.21
FIRST_MONDAY = dt.date(2026, 3, 2)
SPIKE_DAY = dt.date(2026, 5, 10)  # Sunday of week 10: the long run goes from 10 to 17 km
PAIN_DAY = dt.date(2026, 5, 12)
STREAK_FIRST_DAY = dt.date(2026, 5, 24)  # a run every day from this Sunday to Sunday 31 May,
# after the plan's Saturday run on 23 May: nine running days in a row from Saturday
LOW_CADENCE_FIRST_DAY = dt.date(2026, 6, 9)  # Tuesday of week 15: 160 steps/min from here
LOW_CADENCE_TOLD_DAY = dt.date(2026, 6, 14)  # that week's last run: its cadence is complete
LAST_CLEAN_DAY = SPIKE_DAY - dt.timedelta(days=1)
PAIN_NOTE = "right knee sore after Sunday's long run, 4/10"


def _plan() -> list[PlannedRun]:
    plan = []
    for run in steady_plan(FIRST_MONDAY, weeks=16):
        run = dataclasses.replace(
            run, hour=6, sub_sport="street" if run.sub_sport == "generic" else run.sub_sport
        )
        if run.local_date == SPIKE_DAY:
            run = dataclasses.replace(run, distance_km=17.0)
        if STREAK_FIRST_DAY <= run.local_date <= STREAK_FIRST_DAY + dt.timedelta(days=7):
            continue  # replaced by the daily runs below
        if run.local_date >= LOW_CADENCE_FIRST_DAY:
            run = dataclasses.replace(run, cadence_spm=160.0)
        plan.append(run)
    plan += [
        PlannedRun(STREAK_FIRST_DAY + dt.timedelta(days=offset), 4.5, hour=6, sub_sport="street")
        for offset in range(8)
    ]
    return sorted(plan, key=lambda run: run.local_date)


def _start_utc(run: PlannedRun) -> dt.datetime:
    local = dt.datetime.combine(run.local_date, dt.time(run.hour), tzinfo=ZoneInfo(TIMEZONE))
    return local.astimezone(dt.UTC)


@pytest.fixture(scope="module")
def plan() -> list[PlannedRun]:
    return _plan()


def _watch_folder(folder, plan):
    (folder / "watch").mkdir(parents=True)
    for run in plan:
        data = run_fit(run, TIMEZONE, LAT_DEG, LON_DEG, record_every_s=10)
        (folder / "watch" / f"{run.local_date}.fit").write_bytes(data)
    (folder / "notes.md").write_text(f"{PAIN_DAY} {PAIN_NOTE}\n", encoding="utf-8")
    return folder


def _strava_folder(folder, plan):
    rows, files = [], {}
    for number, run in enumerate(plan, start=1):
        start = _start_utc(run)
        name = f"activities/{9000 + number}.fit.gz"
        files[name] = run_fit(run, TIMEZONE, LAT_DEG, LON_DEG, record_every_s=10)
        row = {
            "activity_id": number,
            "start_time_utc": start.replace(tzinfo=None),
            "name": run.name or "Morning Run",
            "distance_m": run.distance_km * 1000,
            "moving_s": round(run.distance_km * run.pace_min_per_km * 60),
            "filename": name,
            "gear": "Pegasus",
        }
        if run.local_date == PAIN_DAY - dt.timedelta(days=1) or (run.local_date == PAIN_DAY):
            row["description"] = PAIN_NOTE
        rows.append(row)
    # the note goes on the first run on or after the pain day
    return strava_export(folder / "export_42", rows, files, as_zip=True)


def _planted_findings(folder, form: str, plan: list[PlannedRun], profile_text: str = ""):
    """The findings of `plan` written as a watch folder or a Strava export under `folder`."""
    profile = folder / "profile.toml"
    profile.write_text(f'timezone = "{TIMEZONE}"\n{profile_text}', encoding="utf-8")
    if form == "watch folder":
        source = _watch_folder(folder / "data", plan)
    else:
        source = _strava_folder(folder / "data", plan)
    log = load(source, profile=profile)
    assert log.errors == []
    return run_rules(log)


@pytest.fixture(scope="module", params=["watch folder", "strava export"])
def findings(request, tmp_path_factory, plan):
    folder = tmp_path_factory.mktemp(request.param.replace(" ", "_"))
    return _planted_findings(folder, request.param, plan)


def _dates(findings, slug, severities=("warning", "high")):
    return sorted({f.date for f in findings if f.rule == slug and f.severity in severities})


def test_the_long_run_spike_is_flagged_on_its_local_sunday(findings):
    assert _dates(findings, "long-run-spike") == [SPIKE_DAY]


def test_the_knee_note_is_flagged_with_the_spike_before_it(findings):
    notes = [f for f in findings if f.rule == "knee-pain-note"]
    assert [f.date for f in notes] == [PAIN_DAY]
    assert "long-run-spike" in {related.rule for related in notes[0].related}


def test_nine_running_days_in_a_row_are_flagged_on_the_seventh(findings):
    seventh_day = STREAK_FIRST_DAY - dt.timedelta(days=1) + dt.timedelta(days=6)
    assert _dates(findings, "missing-rest-days", ("info", "warning", "high"))[:1] == [seventh_day]


def test_low_cadence_is_flagged_in_its_first_week(findings):
    assert _dates(findings, "low-cadence")[:1] == [LOW_CADENCE_TOLD_DAY]


def test_the_clean_weeks_stay_clean(findings):
    early = [
        (f.date, f.rule, f.severity)
        for f in findings
        if f.date <= LAST_CLEAN_DAY and f.severity in ("warning", "high")
    ]
    assert early == []


# --- a second log: a week's jump, a worn shoe, weeks all on the road --------------------------

JUMP_MONDAY = FIRST_MONDAY + dt.timedelta(weeks=6)  # every run of this week half as long again
ROAD_FIRST_DAY = FIRST_MONDAY + dt.timedelta(weeks=10)  # from here on, every run on the road
SHOE_PROFILE = '[[shoes]]\nname = "Pegasus"\npre_used_km = 300\ndefault = true\n'


def _second_plan() -> list[PlannedRun]:
    plan = []
    for run in steady_plan(FIRST_MONDAY, weeks=16):
        run = dataclasses.replace(run, hour=6)
        if JUMP_MONDAY <= run.local_date < JUMP_MONDAY + dt.timedelta(days=7):
            run = dataclasses.replace(run, distance_km=round(run.distance_km * 1.5, 2))
        if run.local_date >= ROAD_FIRST_DAY:
            run = dataclasses.replace(run, sub_sport="street", name="Road run")
        plan.append(run)
    return plan


@pytest.fixture(scope="module", params=["watch folder", "strava export"])
def second_findings(request, tmp_path_factory):
    plan = _second_plan()
    folder = tmp_path_factory.mktemp("second_" + request.param.replace(" ", "_"))
    return _planted_findings(folder, request.param, plan, SHOE_PROFILE), plan


def test_the_weekly_jump_is_flagged_in_its_week(second_findings):
    findings, _ = second_findings
    # one week of runs 1.5 times as long: about 47 % above the usual level held before it,
    # more than 30 % in two weeks (a warning), under 50 % (high)
    (day,) = _dates(findings, "weekly-mileage-jump", ("warning",))
    assert JUMP_MONDAY <= day < JUMP_MONDAY + dt.timedelta(days=7)


def test_the_shoe_is_flagged_on_the_day_it_passes_480_km(second_findings):
    findings, plan = second_findings
    total_km, passed = 300.0, None
    for run in plan:
        total_km += run.distance_km
        if total_km > 480 and passed is None:
            passed = run.local_date
    assert _dates(findings, "shoe-overdue") == [passed]


def test_weeks_all_on_the_road_are_noted(second_findings):
    findings, _ = second_findings
    road = [
        f
        for f in findings
        if f.rule == "monotonous-surface" and f.evidence.get("surface") == "road"
    ]
    assert road and all(f.date >= ROAD_FIRST_DAY for f in road)


def test_the_weeks_before_the_jump_stay_clean(second_findings):
    findings, _ = second_findings
    early = [
        (f.date, f.rule)
        for f in findings
        if f.date < JUMP_MONDAY and f.severity in ("warning", "high")
    ]
    assert early == []
