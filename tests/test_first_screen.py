"""The first screen tells one truth (issue 20): the coach's board ranks by need, the status is
today's whatever window the history shows, and days without data are neither rest nor zero.

Each case is a small log built for it, with the examples the issue quotes."""

import datetime as dt

import pytest

from analyzer.checkers import run_rules
from analyzer.checkers.rule import Finding
from analyzer.profile import ShoeSetting
from analyzer.report import attention_reason
from analyzer.report.board import board
from analyzer.status import athlete_status, by_attention, statuses
from tests.builders import make_log, note, run

AS_OF = dt.date(2026, 3, 29)  # a Sunday
EIGHT_WEEKS = [AS_OF - dt.timedelta(days=offset) for offset in range(0, 56, 2)]


def runs_of(athlete: str, days=EIGHT_WEEKS, **fields) -> list[dict]:
    """A 7 km run every other day for eight weeks up to the as-of day."""
    return [run(day, 7, athlete=athlete, **fields) for day in days]


def squad_statuses(runs: list[dict], notes: list[dict] = ()) -> dict:
    log = make_log(runs, notes=list(notes))
    return statuses(log, run_rules(log), AS_OF)


def test_the_board_ranks_red_flags_then_knee_pain_then_stale_then_severity_never_by_name():
    two_days_ago, three_days_ago = AS_OF - dt.timedelta(days=2), AS_OF - dt.timedelta(days=3)
    runs = [
        *runs_of("ann"),  # nothing flagged: last, though first by name
        *runs_of("bea", cadence_spm=160),  # only a low cadence
        *runs_of("cal", days=[day for day in EIGHT_WEEKS if day < AS_OF - dt.timedelta(30)]),
        *runs_of("dee"),  # knee pain 4/10 this week
        *runs_of("eve"),  # swollen, gave way
    ]
    notes = [
        note(three_days_ago, "left knee sore after the run, 4/10", athlete="dee"),
        note(two_days_ago, "right knee swollen and it gave way on the stairs", athlete="eve"),
    ]
    ranked = [status.athlete for status in by_attention(squad_statuses(runs, notes).values())]
    assert ranked == ["eve", "dee", "cal", "bea", "ann"]


def test_knee_pain_worsening_ranks_above_knee_pain_easing():
    days = [AS_OF - dt.timedelta(days=offset) for offset in (6, 2)]
    notes = [
        note(days[0], "left knee sore, 5/10", athlete="ann"),
        note(days[1], "left knee sore, 2/10", athlete="ann"),  # easing
        note(days[0], "left knee sore, 3/10", athlete="bo"),
        note(days[1], "left knee sore, 4/10", athlete="bo"),  # rising
    ]
    ranked = by_attention(squad_statuses([*runs_of("ann"), *runs_of("bo")], notes).values())
    assert [status.athlete for status in ranked] == ["bo", "ann"]


def test_among_the_rest_the_newer_of_equal_findings_ranks_first():
    def with_a_low_week(athlete: str, sunday: dt.date) -> list[dict]:
        """Eight weeks at 176 steps/min but the week to `sunday` at 160."""
        week = sunday - dt.timedelta(days=6)
        return [
            run(day, 7, athlete=athlete, cadence_spm=160 if week <= day <= sunday else 176)
            for day in EIGHT_WEEKS
        ]

    runs = [*with_a_low_week("ann", AS_OF - dt.timedelta(weeks=2)), *with_a_low_week("bo", AS_OF)]
    ranked = by_attention(squad_statuses(runs).values())
    counts = [(status.athlete, status.warning_count) for status in ranked]
    assert counts == [("bo", 1), ("ann", 1)]  # bo's low week is the newer


def test_one_note_counts_once_on_the_board():
    runs = runs_of("ben")
    notes = [note(AS_OF - dt.timedelta(days=1), "right knee swollen and gave way, 5/10", "ben")]
    ben = squad_statuses(runs, notes)["ben"]
    same_note = [finding for finding in ben.open_findings if finding.date == notes[0]["local_date"]]
    assert len(same_note) == 2  # the note and its red flags: two rules, one line of the journal
    assert ben.high_count == 1
    assert board({"ben": ben})[0].open_text == "1 high open"


def test_the_board_counts_with_the_plural():
    from analyzer.report import severity_counts

    assert severity_counts(1, 2) == [("high", "1 high"), ("warning", "2 warnings")]
    assert severity_counts(2, 1) == [("high", "2 high"), ("warning", "1 warning")]
    assert severity_counts(0, 0) == []  # a zero is no badge


def test_the_why_is_the_most_serious_open_item_never_an_information():
    information = Finding(
        athlete="ann",
        rule="weekly-mileage-jump",
        code="RL101",
        severity="info",
        date=AS_OF,
        period_start=AS_OF,
        period_end=AS_OF,
        message="With this run your week reached 30.0 km, 12% up on last week's 26.8 km.",
        headline="30.0 km this week, 12% up",
    )
    ann = athlete_status(make_log(runs_of("ann")), [information], "ann", AS_OF)
    assert ann.open_findings == (information,)
    assert attention_reason(ann) == "only information in the last 28 days"


def test_a_shoe_in_use_past_its_limit_stays_in_the_coach_row():
    # 196 km in the log on a pair with 400 km before it: past 480 km on the 12th run
    nimbus = ShoeSetting("Nimbus", pre_used_km=400.0)
    log = make_log(runs_of("dev", shoe="Nimbus"), shoes=[nimbus])
    dev = athlete_status(log, run_rules(log), "dev", AS_OF)
    shoe_findings = [finding for finding in run_rules(log) if finding.evidence.get("shoe")]
    assert [finding.date for finding in shoe_findings] == [dt.date(2026, 2, 25)]
    assert not [finding for finding in dev.open_findings if finding in shoe_findings]  # 32 days ago
    row = board({"dev": dev})[0]
    assert row.needs_attention
    assert row.why == "Nimbus past its limit since Wed 25 Feb 2026 (596.0 km)"
    assert "Replace Nimbus (596.0 km): past its limit." in dev.advice


def test_a_stale_athletes_average_is_over_the_weeks_with_data():
    # 4 km a day (28 km a week) from Mon 2 Feb to Sun 1 Mar, then nothing to Sun 29 Mar
    first = dt.date(2026, 2, 2)
    runs = [run(first + dt.timedelta(days=offset), 4, athlete="cleo") for offset in range(28)]
    cleo = squad_statuses(runs)["cleo"]
    assert cleo.is_stale
    # of the 4 full weeks before this one (23 Feb to 22 Mar), only the first holds data
    assert cleo.average_week_m == pytest.approx(28_000)  # not 7 km: 28 km over 4 weeks
    assert board({"cleo": cleo})[0].line == (
        "no data since 1 Mar 2026; 4-week average 28.0 km (over 1 week with data)"
    )


def test_the_text_board_says_how_many_more_in_plain_words():
    from analyzer.report.text import render_text

    notes = [
        note(AS_OF - dt.timedelta(days=offset), "right knee swollen, 5/10", athlete="ben")
        for offset in (1, 3, 5, 8)
    ]
    log = make_log([*runs_of("ben"), *runs_of("ann")], notes=notes)
    findings = run_rules(log)
    text = render_text(log, findings, (), statuses(log, findings, AS_OF), None, AS_OF)
    assert " mores" not in text


def sam_document(*options: str) -> dict:
    """`runlog check sample_data --format json` with these options."""
    import json

    from click.testing import CliRunner

    from analyzer import cli

    arguments = ["check", "sample_data", "--format", "json", "--as-of", "2026-08-18", *options]
    result = CliRunner().invoke(cli.cli, arguments)
    assert result.exit_code == cli.EXIT_OK, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("since", ["2026-08-01", "2027-01-01"])
def test_since_shapes_the_history_never_the_status(since):
    whole = sam_document()["athletes"][0]["status"]
    window = sam_document("--since", since)["athletes"][0]["status"]
    assert window == whole
    open_codes = [finding["code"] for finding in whole["open_findings"]]
    assert "RL501" in open_codes  # the knee note of Fri 24 Jul: 25 days before, still open


def test_an_empty_window_says_so_under_todays_status():
    from click.testing import CliRunner

    from analyzer import cli

    arguments = ["check", "sample_data", "--since", "2027-01-01"]
    text = CliRunner().invoke(cli.cli, arguments).stdout
    assert "Nothing was flagged" not in text
    assert "No runs and no findings in these days" in text


def test_the_calendar_draws_the_days_without_data_apart_from_rest():
    import matplotlib as mpl

    from analyzer.report import charts

    # a run every other day to Sun 1 Mar, then no data to the as-of day, Sun 29 Mar
    days = [day for day in EIGHT_WEEKS if day <= dt.date(2026, 3, 1)]
    log = make_log([run(day, 7) for day in days])
    window = charts.status_window(AS_OF)
    findings = run_rules(log)
    marks = athlete_status(log, findings, "ana", AS_OF).chart_marks
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.rest_calendar_figure(log, findings, window, "km", marks, charts.WIDE)
    (cells,) = [item for item in figure.axes[0].collections if len(item.get_paths()) > 50]
    faces = [mpl.colors.to_hex(face) for face in cells.get_facecolors()]
    first = window.mondays[0].date()  # the cells go week by week, Monday first
    by_day = {first + dt.timedelta(days=number): face for number, face in enumerate(faces)}
    rest, no_data = charts.REST_COLOUR, mpl.colors.to_hex(charts.NO_DATA_COLOUR)
    assert by_day[dt.date(2026, 2, 28)] == rest  # a day between two runs
    assert {by_day[AS_OF - dt.timedelta(days=offset)] for offset in range(27)} == {no_data}
    labels = [text.get_text() for text in figure.legends[0].get_texts()]
    assert "no data" in labels and "rest" in labels


@pytest.mark.parametrize(
    ("profile_name", "aliases", "gear"),
    [
        pytest.param("Ghost 15", ("brooks ghost",), "Brooks Ghost 15", id="alias with the maker"),
        pytest.param("Ghost 15", (), "Brooks Ghost 15", id="name without the maker"),
        pytest.param("Brooks Ghost 15", (), "ghost 15", id="gear without the maker"),
        pytest.param("Ghost 15", (), "BROOKS GHOST 15", id="any case"),
    ],
)
def test_a_profile_shoe_matches_its_gear_name_whatever_the_case_and_the_maker(
    profile_name, aliases, gear
):
    runs = [run(day, 7, shoe=gear) for day in EIGHT_WEEKS]  # 196 km
    shoe = ShoeSetting(profile_name, aliases=aliases, pre_used_km=300.0)
    log = make_log(runs, shoes=[shoe])
    status = athlete_status(log, run_rules(log), "ana", AS_OF)
    assert [(item.shoe, round(item.distance_m / 1000)) for item in status.shoes] == [
        (profile_name, 496)  # its 300 km before the log are not lost
    ]


def test_one_word_in_common_is_not_a_match():
    runs = [run(day, 7, shoe="Saucony Ride 16") for day in EIGHT_WEEKS]
    log = make_log(runs, shoes=[ShoeSetting("Ghost 16", pre_used_km=300.0)])
    status = athlete_status(log, run_rules(log), "ana", AS_OF)
    assert [item.shoe for item in status.shoes] == []  # 196 km each: neither past 480 km


def test_a_profile_shoe_that_matches_no_run_gets_a_notice_naming_the_gear_seen(tmp_path):
    from analyzer import load

    (tmp_path / "runs.csv").write_text(
        "date,distance_km,duration_min,shoe\n"
        "2026-03-01,8,44,Saucony Ride 16\n2026-03-03,6,33,Hoka Clifton 9\n",
        encoding="utf-8",
    )
    (tmp_path / "runlog.toml").write_text(
        'athlete = "ana"\ntimezone = "Europe/London"\n\n'
        '[[shoes]]\nname = "Ghost 15"\naliases = ["brooks ghost"]\npre_used_km = 120\n',
        encoding="utf-8",
    )
    log = load(tmp_path)
    notices = [str(notice) for notice in log.notices]
    assert notices == [
        f"{tmp_path / 'runlog.toml'}: the shoe Ghost 15 (also brooks ghost) matches no run; "
        "the runs name Hoka Clifton 9, Saucony Ride 16"
    ]


def weeks_at_cadence(last_week_spm: float) -> list[dict]:
    """Eight weeks at 176 steps/min, then a week of three runs averaging `last_week_spm`."""
    before = [
        run(AS_OF - dt.timedelta(days=offset), 8, cadence_spm=176) for offset in range(8, 64, 2)
    ]
    week = [
        run(AS_OF - dt.timedelta(days=offset), 8, cadence_spm=last_week_spm) for offset in (4, 2, 0)
    ]
    return before + week


@pytest.mark.parametrize(
    ("week_spm", "said"),
    [
        pytest.param(169.97, None, id="169.97 rounds to the floor: no finding"),
        pytest.param(170.0, None, id="at the floor"),
        pytest.param(169.94, "169.9 steps/min", id="169.94: under, said with one decimal"),
        pytest.param(169.6, "169.6 steps/min", id="169.6"),
    ],
)
def test_a_figure_that_rounds_to_its_threshold_makes_no_finding(week_spm, said):
    log = make_log(weeks_at_cadence(week_spm))
    low = [
        item
        for item in run_rules(log)
        if item.code == "RL201" and item.date >= AS_OF - dt.timedelta(6)
    ]
    if said is None:
        assert low == []
    else:
        (finding,) = low
        assert f"averaged {said} over 3 runs, under 170" in finding.message


def test_a_surface_share_needs_half_the_distance_with_a_known_surface():
    days = [AS_OF - dt.timedelta(days=offset) for offset in range(0, 70, 2)]
    runs = [run(day, 7, surface="trail" if n % 5 == 0 else "unknown") for n, day in enumerate(days)]
    surface = [item for item in run_rules(make_log(runs)) if item.rule == "monotonous-surface"]
    assert surface and all("unknown" in item.message for item in surface)
    assert not any("was on trail" in item.message for item in surface)  # 21 of 98 km known
    known = [
        run(day, 7, surface="trail" if n % 2 == 0 else "unknown") for n, day in enumerate(days)
    ]
    surface = [item for item in run_rules(make_log(known)) if item.rule == "monotonous-surface"]
    assert any("was on trail" in item.message for item in surface)  # half of it known


def test_the_newest_note_sets_the_knee_line_and_a_note_without_a_side_takes_its_episodes():
    notes = [
        note("2026-03-20", "Right knee aching for the last 3 miles, 4/10"),
        note("2026-03-22", "still aching, 3/10"),
        note("2026-03-27", "Knee much better, 1/10"),
    ]
    log = make_log(runs_of("ana"), notes=notes)
    status = athlete_status(log, run_rules(log), "ana", AS_OF)
    pain = status.latest_pain
    assert (pain.date, pain.side, pain.score_of_10) == (dt.date(2026, 3, 27), "right", 1.0)
    assert status.pain_trend.startswith("easing (4/10 to 1/10)")
    assert [item.kind for item in status.advice_items][:1] == ["knee"]
    assert status.advice[0].startswith("Your knee is easing (1/10)")
    assert not any("until the knee settles" in text for text in status.advice)
    still = athlete_status(log, run_rules(log), "ana", dt.date(2026, 3, 22))
    assert still.latest_pain.side == "right"  # "still aching": its episode's knee


def test_still_swollen_is_not_easing():
    notes = [
        note("2026-03-24", "left knee swollen after the run, 5/10"),
        note("2026-03-27", "knee still swollen, 3/10"),
    ]
    log = make_log(runs_of("ana"), notes=notes)
    status = athlete_status(log, run_rules(log), "ana", AS_OF)
    assert status.pain_trend.startswith("still with swelling")
    assert "easing" not in status.pain_trend
    assert status.advice[0].startswith("You mention swelling")


def test_a_bigger_long_run_jump_quoting_a_smaller_hazard_ratio_says_why():
    from tests.builders import weekly_runs

    findings = [
        item for item in run_rules(weekly_runs(10, 10, 10, 10, 10, 19)) if item.code == "RL103"
    ]
    (finding,) = findings  # 90 % longer: the 30-100 % band, 1.52 against 1.64 for 10-30 %
    assert "1.52 times the injury rate" in finding.message
    assert "under the 1.64 of runs 10-30% longer" in finding.message
    assert "ranges of uncertainty overlap" in finding.message


def test_the_html_board_draws_no_zero_as_a_badge_and_counts_a_note_once():
    import re

    from analyzer.report.html import render_site

    runs = [*runs_of("ann"), *runs_of("ben")]
    notes = [note(AS_OF - dt.timedelta(days=1), "right knee swollen and gave way, 5/10", "ben")]
    log = make_log(runs, notes=notes)
    findings = run_rules(log)
    index = render_site(log, findings, as_of=AS_OF, statuses=statuses(log, findings, AS_OF))[
        "index.html"
    ]
    badges = re.findall(r'class="severity severity-(\w+)">([^<]*)<', index.split("<tbody>")[1])
    assert badges == [("high", "1 high")]  # ben's one note; ann has no badge, not "0 high"
    rows = re.findall(r'<td class="athlete"><strong><a href="[^"]*">(\w+)</a>', index)
    assert rows == ["ben", "ann"]


def test_the_weekly_chart_draws_no_average_through_weeks_without_data():
    from analyzer.report import charts

    first = dt.date(2026, 1, 5)
    runs = [run(first + dt.timedelta(days=offset), 4) for offset in range(56)]  # to Sun 1 Mar
    weeks = charts.weeks_table(make_log(runs), charts.status_window(AS_OF), "km")
    assert weeks.loc["2026-02-23", "average"] == pytest.approx(28.0)  # the last week with data
    assert weeks.loc["2026-03-02":, "average"].isna().all()  # not 21, 14, 7, 0
