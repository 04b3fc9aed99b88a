"""The charts: two SVG drawings when there is something to draw, None when there is not.

The figures are checked by their parts (the gid each drawn mark carries), not by pixels.
"""

import datetime as dt

import matplotlib as mpl
import numpy as np
import pytest

from analyzer.checkers import run_rules, shoe_overdue
from analyzer.profile import ShoeSetting
from analyzer.report import charts
from analyzer.status import athlete_status, default_as_of
from tests.builders import make_log, note, run

SUNDAY = dt.date(2026, 3, 15)
THURSDAY = dt.date(2026, 3, 12)


def svg(chart: charts.Chart | None) -> bytes:
    assert chart is not None
    for drawing in (chart.wide, chart.narrow):
        assert drawing.startswith(b"<?xml") and b"<svg" in drawing[:1000]
    return chart.wide


def parts(figure, gid: str) -> list:
    return figure.findobj(lambda artist: artist.get_gid() == gid)


def marks(log, as_of: dt.date, athlete: str = "ana", findings=None) -> charts.Marks:
    """The rules' chart marks of the athlete's status on `as_of` (what the report draws)."""
    findings = run_rules(log) if findings is None else findings
    return athlete_status(log, findings, athlete, as_of).chart_marks


@pytest.fixture(scope="module")
def ana(coach_log):
    return coach_log.for_athlete("ana")


@pytest.fixture(scope="module")
def ana_window(ana):
    return charts.status_window(default_as_of(ana))


@pytest.fixture(scope="module")
def ana_marks(ana, ana_findings, ana_window):
    return marks(ana, ana_window.as_of, findings=ana_findings)


def test_every_chart_of_a_runner_with_pain_and_a_spike_is_drawn(
    ana, ana_findings, ana_window, ana_marks
):
    window = ana_window
    svg(charts.weekly_distance_chart(ana, ana_findings, window, "km", ana_marks))
    svg(charts.long_run_chart(ana, ana_findings, window, "km", ana_marks))
    svg(charts.rest_calendar_chart(ana, ana_findings, window, "km", ana_marks))
    svg(charts.cadence_chart(ana, window, "km", ana_marks))
    svg(charts.surface_chart(ana, window))
    svg(charts.shoe_chart(window, "km", ana_marks))
    svg(charts.pain_chart(ana, window, "km", ana_marks))


def test_no_runs_no_cadence_no_pain_draw_nothing(coach_log, ana_window):
    nobody = coach_log.for_athlete("nobody")
    zoe = coach_log.for_athlete("zoë")
    none, zoes = marks(nobody, ana_window.as_of, "nobody"), marks(zoe, ana_window.as_of, "zoë")
    assert charts.weekly_distance_chart(nobody, [], ana_window, "km", none) is None
    assert charts.long_run_chart(nobody, [], ana_window, "km", none) is None
    assert charts.rest_calendar_chart(nobody, [], ana_window, "km", none) is None
    assert charts.cadence_chart(zoe, ana_window, "km", zoes) is None
    assert charts.pain_chart(zoe, ana_window, "km", zoes) is None
    assert charts.shoe_chart(ana_window, "km", zoes) is None


def test_the_window_is_16_weeks_to_the_as_of_day_or_from_the_first_run():
    window = charts.status_window(THURSDAY)
    assert (window.first, window.last_monday, window.days_in_last_week) == (
        dt.date(2025, 11, 24),
        dt.date(2026, 3, 9),
        4,
    )
    assert len(window.mondays) == 16
    assert window.from_first_run(dt.date(2026, 2, 4)).first == dt.date(2026, 2, 2)
    assert window.from_first_run(dt.date(2025, 1, 1)) == window
    stale = window.around_runs(dt.date(2019, 1, 1), dt.date(2023, 8, 14))  # a Monday
    assert (stale.first, stale.as_of, stale.days_in_last_week) == (
        dt.date(2023, 5, 1),
        dt.date(2023, 8, 20),  # its week is over: no partial week
        7,
    )


@pytest.mark.parametrize(
    ("as_of", "partial_label"),
    [
        pytest.param(THURSDAY, "4 of 7\ndays", id="Thursday: the week is marked 4 of 7 days"),
        pytest.param(SUNDAY, None, id="Sunday: the week is complete, nothing marked"),
    ],
)
def test_the_unfinished_week_is_marked_and_left_out_of_the_average(as_of, partial_label):
    runs = [run(dt.date(2026, 1, 5) + dt.timedelta(days=day), 10.0) for day in range(0, 70, 2)]
    log = make_log(runs)
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.weekly_distance_figure(
            log, [], charts.status_window(as_of), "km", {}, charts.WIDE
        )
    labels = [text.get_text() for text in parts(figure, "partial-week-label")]
    (average,) = parts(figure, "average")
    if partial_label is None:
        assert parts(figure, "partial-week") == [] and labels == []
        assert not np.isnan(average.get_ydata()[-1])
    else:
        assert len(parts(figure, "partial-week")) == 1 and labels == [partial_label]
        assert np.isnan(average.get_ydata()[-1])  # 2 runs of 4 days would look like a drop


@pytest.mark.parametrize("size", [charts.WIDE, charts.NARROW], ids=["wide", "narrow"])
def test_findings_are_labelled_in_words_at_their_week_and_pain_notes_by_score(
    ana, ana_findings, ana_window, ana_marks, size
):
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.weekly_distance_figure(ana, ana_findings, ana_window, "km", ana_marks, size)
    (spike,) = parts(figure, "finding-RL103")
    week_of_spike = list(ana_window.mondays).index(np.datetime64("2026-03-02"))
    assert spike.xy[0] == week_of_spike and spike.get_text() == "long run"  # never a bare 103
    (ratio,) = parts(figure, "finding-RL102")
    assert ratio.get_text() == "7-day load" and ratio.get_rotation() == 90
    # the words stand on the bar inside the plot, side by side, the most severe first
    plot = figure.axes[0].get_window_extent()
    high, info = (label.get_window_extent() for label in (spike, ratio))
    assert all(plot.y0 <= label.y0 and label.y1 <= plot.y1 for label in (high, info))
    assert high.x1 <= info.x0
    assert len(parts(figure, "pain-note")) == 1
    texts = [text.get_text() for text in figure.findobj(mpl.text.Text)]
    assert "?" in texts  # ana's note gave no score: said, not guessed


def test_the_cadence_trend_is_never_drawn_across_a_gap():
    days = [dt.date(2019, 3, 1) + dt.timedelta(days=offset) for offset in range(0, 30, 2)]
    days += [dt.date(2026, 1, 5) + dt.timedelta(days=offset) for offset in range(0, 30, 2)]
    days += [dt.date(2026, 3, 1) + dt.timedelta(days=offset) for offset in range(0, 12, 3)]
    log = make_log([run(day, 8.0, cadence_spm=170 + index % 5) for index, day in enumerate(days)])
    window = charts.status_window(days[-1], weeks=400)
    runs = marks(log, days[-1])["low-cadence"].series.assign(surface="road")
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.cadence_figure(runs, window, 170.0, "km", charts.WIDE)
    lines = parts(figure, "trend")
    assert len(lines) == 3  # 2019, January, March: three stretches, three lines
    for line in lines:
        steps = np.diff(np.asarray(line.get_xdata(), dtype="datetime64[D]")).astype(int)
        assert steps.max() <= charts.GAP_DAYS


def test_treadmill_runs_are_marked_and_the_floor_comes_from_the_profile():
    runs = [run(dt.date(2026, 3, day), 8.0, cadence_spm=165) for day in range(2, 12, 2)]
    runs.append(run(dt.date(2026, 3, 12), 6.0, cadence_spm=160, surface="treadmill"))
    log = make_log(runs)
    log.profiles[""] = log.profiles[""].__class__(
        timezone="Europe/Copenhagen", rules={"low-cadence": {"min_cadence_spm": 172.0}}
    )
    window = charts.status_window(THURSDAY)
    runs = marks(log, THURSDAY)["low-cadence"].series
    runs = runs.assign(surface=["road"] * (len(runs) - 1) + ["treadmill"])
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.cadence_figure(runs, window, 172.0, "km", charts.NARROW)
    texts = [text.get_text() for text in figure.findobj(mpl.text.Text)]
    assert "floor 172" in texts and "treadmill" in texts
    chart = svg(charts.cadence_chart(log, window, "km", marks(log, THURSDAY)))
    assert b"floor 172" in chart and b"treadmill" in chart


def test_a_retired_shoe_is_drawn_at_the_distance_the_rule_counts_and_greyed():
    # 30 runs in the Pegasus, then the profile retires it and 30 runs name the Clifton
    runs = [
        run(
            dt.date(2026, 3, 1) + dt.timedelta(days=day),
            10.0,
            shoe="Pegasus" if day < 30 else "Clifton",
        )
        for day in range(60)
    ]
    retired = dt.date(2026, 3, 30)  # after 30 of the 60 runs
    log = make_log(runs, shoes=[ShoeSetting("Pegasus", retired=retired), ShoeSetting("Clifton")])
    pegasus, _ = shoe_overdue.shoe_distances(log, "ana", shoe_overdue.Thresholds())
    assert pegasus.distance_km == 300.0
    assert shoe_overdue.check(log, shoe_overdue.Thresholds()) == []
    as_of = dt.date(2026, 4, 29)
    shoes = marks(log, as_of)["shoe-overdue"].series
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.shoe_figure(shoes, "km", charts.WIDE)
    (bar,) = parts(figure, "retired-shoe")
    assert bar.get_width() == 300.0
    texts = [text.get_text() for text in figure.findobj(mpl.text.Text)]
    assert "Pegasus: 300 km · retired 30 Mar 2026" in texts
    window = charts.status_window(as_of)
    assert b"300 km" in svg(charts.shoe_chart(window, "km", marks(log, as_of)))


def test_a_retired_shoe_worn_again_is_drawn_in_use_at_every_run_that_names_it():
    """Issue 21: runs that name a shoe after the profile retired it count towards it."""
    runs = [
        run(dt.date(2026, 3, 1) + dt.timedelta(days=day), 10.0, shoe="Pegasus") for day in range(60)
    ]
    retired = dt.date(2026, 3, 30)  # after 30 of the 60 runs
    log = make_log(runs, shoes=[ShoeSetting("Pegasus", retired=retired)])
    (shoe,) = shoe_overdue.shoe_distances(log, "ana", shoe_overdue.Thresholds())
    assert shoe.distance_km == 600.0
    as_of = dt.date(2026, 4, 29)
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.shoe_figure(marks(log, as_of)["shoe-overdue"].series, "km", charts.WIDE)
    assert parts(figure, "retired-shoe") == []
    (bar,) = parts(figure, "shoe")
    assert bar.get_width() == 600.0
    texts = [text.get_text() for text in figure.findobj(mpl.text.Text)]
    assert "Pegasus: 600 km · retired 30 Mar 2026, worn since" in texts


def test_the_long_run_chart_rings_the_spike_the_rule_found(
    ana, ana_findings, ana_window, ana_marks
):
    long_run = ana_marks["long-run-spike"]
    spikes = [finding for finding in ana_findings if finding.rule == "long-run-spike"]
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.long_run_figure(
            long_run.series, long_run, spikes, ana_window, "km", charts.WIDE
        )
    (ring,) = parts(figure, "flagged-run")
    assert ring.get_ydata()[0] == 21.0


def test_the_calendar_shows_rest_days_and_the_pain_day(ana, ana_findings, ana_window, ana_marks):
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.rest_calendar_figure(
            ana, ana_findings, ana_window, "km", ana_marks, charts.WIDE
        )
    assert len(parts(figure, "pain-day")) == 1  # Mon 9 Mar


def test_a_run_on_a_pain_day_keeps_its_distance_and_the_score_sits_beside_it():
    log = make_log(
        [run("2026-03-01", 8.0), run("2026-03-03", 13.7)],
        notes=[note("2026-03-03", "right knee aching after the long run, 4/10")],
    )
    window = charts.status_window(dt.date(2026, 3, 8))
    findings = run_rules(log)
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.rest_calendar_figure(
            log, findings, window, "km", marks(log, window.as_of, findings=findings), charts.WIDE
        )
    texts = [text.get_text() for text in figure.findobj(mpl.text.Text)]
    assert "14" in texts  # the long run's distance, as on every run day
    (score,) = parts(figure, "pain-score")
    assert score.get_text() == "4"
    assert len(parts(figure, "pain-day")) == 1


def test_the_knee_chart_puts_each_score_by_side():
    log = make_log(
        [run("2026-03-02", 8.0)],
        notes=[note("2026-03-03", "left knee 3/10"), note("2026-03-05", "right knee sore, 6/10")],
    )
    window = charts.status_window(dt.date(2026, 3, 8))
    notes = marks(log, window.as_of)["knee-pain-note"].series
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.pain_figure(log, notes, window, "km", charts.WIDE)
    (left,) = parts(figure, "pain-left")
    (right,) = parts(figure, "pain-right")
    assert (list(left.get_ydata()), list(right.get_ydata())) == ([3.0], [6.0])


def test_the_monthly_overview_is_only_for_logs_longer_than_the_window():
    recent = [run(dt.date(2026, 3, day), 8.0) for day in range(2, 12, 2)]
    log = make_log(recent)
    window = charts.status_window(THURSDAY)
    assert charts.monthly_overview_chart(log, [], window, "km", {}) is None
    old = [run(dt.date(2019, 5, day), 8.0) for day in range(2, 12, 2)]
    chart = charts.monthly_overview_chart(make_log(old + recent), [], window, "km", {})
    assert b">2020<" in svg(chart)  # seven years of months, one label a year


def test_a_shoe_name_is_drawn_as_written_never_as_mathtext():
    name = r"$5 \it off_road $x^2$"
    runs = [run(dt.date(2026, 3, day), 8.0, shoe=name) for day in range(2, 12, 2)]
    log = make_log(runs)
    chart = charts.shoe_chart(charts.status_window(THURSDAY), "km", marks(log, THURSDAY))
    assert rb"$5 \it off_road $x^2$: 40 km" in svg(chart)


def test_the_long_run_chart_draws_the_rules_own_numbers_by_local_day():
    # Los Angeles: a 12 km morning run and a 12.5 km evening run on one local day; the evening
    # run starts after midnight UTC. The rule compares it with the 30 local days before its
    # day (10 km), not with the morning run: the chart must draw that line, not 12 km.
    zone = "America/Los_Angeles"
    runs = [
        run(dt.date(2026, 2, 2) + dt.timedelta(days=d), 10.0, timezone=zone)
        for d in range(0, 35, 5)
    ]
    day = dt.date(2026, 3, 10)
    runs += [run(day, 12.0, hour=7, timezone=zone), run(day, 12.5, hour=20, timezone=zone)]
    log = make_log(runs)
    findings = run_rules(log)
    spikes = [finding for finding in findings if finding.rule == "long-run-spike"]
    # one finding for the day (the rule says one thing a day); both runs against 10 km
    assert [finding.evidence["longest_prev_30d_km"] for finding in spikes] == [10.0]
    long_run = marks(log, day, findings=findings)["long-run-spike"]
    window = charts.status_window(day)
    with mpl.rc_context(charts.CHART_STYLE):
        figure = charts.long_run_figure(
            long_run.series, long_run, spikes, window, "km", charts.WIDE
        )
    (warning_line,) = parts(figure, "warning-line")
    drawn = dict(zip(long_run.series["distance_m"] / 1000, warning_line.get_ydata(), strict=True))
    assert drawn[12.5] == pytest.approx(11.0)  # 10 km x 1.1, below the 12.5 km run it marks
