"""The HTML page: one self-contained file, its sections, escaped data, embedded charts.

Chart drawings vary with matplotlib's version, so the page is checked for its structure rather
than compared byte for byte.
"""

import base64
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from analyzer.report.html import page_names, render_html, render_site
from analyzer.report.status_words import severity_text
from analyzer.report.text import render_text
from analyzer.status import ShoeNear

CHART_QUESTIONS = [
    "Is my weekly distance climbing too fast?",
    "Is my long run jumping?",
    "Am I resting?",
    "Is my cadence low?",
    "Are my surfaces varied?",
    "Are my shoes worn?",
    "How is my knee?",
]


class Outline(HTMLParser):
    """The tags, ids, links and image sources of a page, and whether its tags balance."""

    VOID = frozenset({"meta", "img", "br", "link", "input", "hr", "source"})

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.images: list[str] = []
        self.headings: list[str] = []
        self.open: list[str] = []
        self.unbalanced: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "a":
            self.links.append(attributes.get("href", ""))
        if tag == "img":
            self.images.append(attributes.get("src", ""))
        if tag == "source":
            self.images.append(attributes.get("srcset", ""))
        if tag in ("h1", "h2", "h3"):
            self._in_heading = True
            self.headings.append("")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3"):
            self._in_heading = False
        if not self.open or self.open.pop() != tag:
            self.unbalanced.append(tag)

    def handle_data(self, data):
        if self._in_heading:
            self.headings[-1] += data


@pytest.fixture(scope="module")
def page(coach_log, coach_findings, coach_errors) -> str:
    return render_html(coach_log, coach_findings, coach_errors)


@pytest.fixture(scope="module")
def outline(page) -> Outline:
    parser = Outline()
    parser.feed(page)
    return parser


def test_the_page_is_one_balanced_html_document(page, outline):
    assert page.startswith("<!DOCTYPE html>")
    assert outline.unbalanced == [] and outline.open == []


def test_the_board_comes_first_and_links_to_each_athlete(outline):
    assert outline.headings[:2] == [
        "Squad: 3 athletes as of Mon 9 Mar 2026",
        "Athletes, most in need of a call first",
    ]
    athlete_links = [link for link in outline.links if link.startswith("#athlete-")]
    assert [link.lstrip("#") for link in athlete_links] == [
        "athlete-1-ana",  # knee pain on the as-of day: first
        "athlete-2-bo",  # knee pain 13 days before, no data for 15
        "athlete-3-zo",  # no activity in the 28 days before the as-of day
    ]
    assert all(link.lstrip("#") in outline.ids for link in athlete_links)


def test_each_athlete_has_every_section_status_first(outline):
    per_athlete = [*CHART_QUESTIONS, "Knee pain and what came before it", "Findings"]
    athletes = ("ana", "bo", "zoë")
    starts = [outline.headings.index(athlete) for athlete in athletes]
    assert starts == sorted(starts)  # the sections follow the ranking
    for start, end in zip(starts, [*starts[1:], len(outline.headings)], strict=True):
        headings = outline.headings[start + 1 : end]
        assert headings[0] == "Status on Mon 9 Mar 2026"
        assert [heading for heading in headings if heading in per_athlete] == per_athlete


def test_the_status_opens_each_section_and_the_history_is_folded(page):
    ana = page.split('id="athlete-1-ana"', 1)[1].split("</section>", 1)[0]
    status = ana.split('<div class="status">', 1)[1].split("<h3>Is my weekly", 1)[0]
    assert "Rest or cut back until the knee settles" in status  # the note of the as-of day
    assert "long run under" not in status
    assert "RL103 Wed 4 Mar 2026" in status.split("Open findings", 1)[1]
    details = ana.split("<details", 1)[1].split("</details>", 1)[0]
    assert "Knee pain and what came before it" in details and "Findings" in details
    assert ana.index("Is my weekly distance climbing too fast?") < ana.index("<details")


def board_rows(page: str) -> list[str]:
    board = page.split('<section id="board">', 1)[1].split("</section>", 1)[0]
    return board.split("<tbody>", 1)[1].split("</tr>")[:-1]


def test_the_coach_row_says_since_when_there_is_no_data_and_why(page):
    zoe = board_rows(page)[2]
    assert '<div class="attention-reasons">no data for 29 days</div>' in zoe
    assert '<td class="status" data-label="Status">no data since 8 Feb 2026;' in zoe
    assert '<td class="why" data-label="Why">no activity since Sun 8 Feb 2026 (29 days)' in zoe


def test_the_board_badges_count_in_words_with_the_plural(page):
    """bo has 1 high and 2 warnings open: '2 warnings', never '2 warning'."""
    import re

    badges = re.findall(r'class="severity severity-(\w+)">([^<]*)<', board_rows(page)[1])
    assert badges == [("high", "1 high"), ("warning", "2 warnings")]


def test_every_count_of_findings_says_warnings_with_the_plural(page, coach_log, coach_findings):
    """The summary under an athlete's heading counts as the board does: '2 warnings', never
    '2 warning' (ben's page of examples/squad said 'findings: 3 high, 3 warning, 0 info')."""
    assert not re.search(r"\b(?:0|[2-9]|\d\d+) warning\b", page)
    assert re.search(r"findings: \d+ high, \d+ warnings, \d+ info\.", page)
    text = render_text(coach_log, coach_findings, [], show_all=True)
    assert not re.search(r"\b(?:0|[2-9]|\d\d+) warning\b", text)
    assert [severity_text(count, "warning") for count in (0, 1, 3)] == [
        "0 warnings",
        "1 warning",
        "3 warnings",
    ]
    assert severity_text(2, "high") == "2 high" and severity_text(2, "info") == "2 info"


def test_a_stale_athletes_ratio_is_not_judged_rather_than_zero(page):
    bo_row = board_rows(page)[1]
    line = bo_row.split('data-label="Status">', 1)[1].split("</td>", 1)[0]
    # no week this week and no ratio while he sends no data: left out, never a 0
    # the average is over the weeks the log covers: 2 of the 4, not 0 for the weeks after
    assert line == (
        "no data since 22 Feb 2026; 4-week average 17.4 mi (over 2 weeks with data); "
        "knee pain 24 Feb"
    )
    assert "0.00" not in bo_row
    bo = page.split('id="athlete-2-bo"', 1)[1].split("</section>", 1)[0]
    status = bo.split('<div class="status">', 1)[1].split("</table>", 1)[0]
    assert "<td>not judged: no runs since Sun 22 Feb 2026</td>" in status
    assert "0.00" not in status


def test_strings_from_the_data_are_escaped(page):
    assert "<b>hurts</b>" not in page
    assert "knee &lt;b&gt;hurts&lt;/b&gt; &amp; so does the hip" in page


def test_charts_are_embedded_svgs_wide_and_narrow_and_nothing_is_fetched(page, outline):
    # ranking: 3 rows; ana: all 7; bo: 6 (no pain score chart? he has a note); zoë: no cadence
    assert len(outline.images) >= 2 * 18
    for source in outline.images:
        assert source.startswith("data:image/svg+xml;base64,")
        drawing = base64.b64decode(source.split(",", 1)[1])
        assert drawing.startswith(b"<?xml") and b"<svg" in drawing
    assert page.count("<picture>") * 2 == len(outline.images)
    assert not re.search(r"""(src|href|srcset)="(https?:)?//""", page)


def test_missing_chart_data_is_said_in_words(page):
    assert "No run in these weeks records cadence." in page  # zoë's runs have none


def test_the_coach_page_has_a_row_per_athlete_in_ranking_order(page):
    rows = board_rows(page)
    assert [row.split('href="#', 1)[1].split('"', 1)[0] for row in rows] == [
        "athlete-1-ana",
        "athlete-2-bo",
        "athlete-3-zo",
    ]
    assert all('<svg class="sparkline"' in row for row in rows)
    assert "<picture>" not in page.split('<section id="board">', 1)[1].split("</section>", 1)[0]


def test_each_athletes_section_links_back_to_the_board(page, outline):
    sections = page.split('<section class="athlete"')[1:]
    assert len(sections) == 3
    assert all('<a href="#board">' in section.split("<h2>", 1)[0] for section in sections)
    assert "board" in outline.ids


def test_the_pain_timeline_lists_what_came_before_the_note(page):
    ana = page.split('id="athlete-1-ana"', 1)[1]
    timeline = ana.split("Knee pain and what came before it", 2)[1].split("<h3>", 1)[0]
    assert "What came before it (14 days):" in timeline
    assert "RL103" in timeline and "RL102" in timeline


def test_the_files_not_read_are_listed(page, outline, coach_errors):
    assert "errors" in outline.ids
    for error in coach_errors:
        assert f"<li>{error.path}: {error.reason}</li>" in page


def test_one_athlete_has_no_ranking(coach_log, ana_findings):
    page = render_html(coach_log.for_athlete("ana"), ana_findings)
    assert "Athletes by risk" not in page and 'id="errors"' not in page


def test_a_shoe_near_its_limit_is_in_the_status_table(coach_log, ana_findings, coach_statuses):
    near = (ShoeNear("Ghost", distance_m=620_000.0, limit_m=700_000.0),)
    statuses = {"ana": replace(coach_statuses["ana"], shoes_near=near)}
    page = render_html(coach_log.for_athlete("ana"), ana_findings, statuses=statuses)
    status = page.split('<div class="status">', 1)[1].split("</table>", 1)[0]
    assert '<th scope="row">Shoes</th><td>Ghost: 620 km of 700; about 80 km left</td>' in status


@pytest.fixture(scope="module")
def walker_page(walker_log, walker_status) -> str:
    return render_html(walker_log, [], statuses={"ana": walker_status})


def test_a_runner_who_only_walks_now_has_no_rest_days_counted(walker_page):
    status = walker_page.split('<div class="status">', 1)[1].split("</table>", 1)[0]
    assert '<th scope="row">Rest</th><td>not judged: no runs since Sun 15 Feb 2026</td>' in status
    assert "running days in a row" not in status


def test_no_run_in_the_open_window_is_said_rather_than_nothing_flagged(walker_page):
    status = walker_page.split('<div class="status">', 1)[1].split("</div>", 1)[0]
    assert "<p>No runs in the last 28 days: the rules had no runs to judge.</p>" in status
    assert "Nothing was flagged" not in walker_page


def test_a_shoe_near_its_limit_is_named_in_the_advice(near_shoe_log, near_shoe_status):
    page = render_html(near_shoe_log, [], statuses={"ana": near_shoe_status})
    advice = "Plan a new pair: Pegasus 39 has about 11 km left of 600."
    assert f'<ul class="advice"><li>{advice}</li></ul>' in page


@pytest.fixture(scope="module")
def site(coach_log, coach_findings, coach_errors) -> dict[str, str]:
    return render_site(coach_log, coach_findings, coach_errors, name="coach")


def test_a_squad_site_is_the_board_and_a_page_per_athlete(site):
    assert sorted(site) == ["ana.html", "bo.html", "index.html", "zoe.html"]
    for page in site.values():
        outline = Outline()
        outline.feed(page)
        assert page.startswith("<!DOCTYPE html>") and outline.unbalanced == []
        assert "<style>" in page  # each page opens alone, and can be mailed as one file
        assert not re.search(r"""(src|href|srcset)="(https?:)?//""", page)
        assert all(link.split("#")[0] in ("", *site) for link in outline.links)


def test_the_board_links_to_each_page_in_order_of_need(site):
    index = site["index.html"]
    assert "<title>coach: 3 athletes as of Mon 9 Mar 2026 · runlog</title>" in index
    rows = board_rows(index)
    assert [row.split('href="', 1)[1].split('"', 1)[0] for row in rows] == [
        "ana.html",
        "bo.html",
        "zoe.html",
    ]
    assert 'id="errors"' in index and "Is my weekly distance" not in index


def test_an_athletes_page_names_them_and_the_day_and_links_back(site):
    bo = site["bo.html"]
    assert "<title>bo as of Mon 9 Mar 2026 · runlog</title>" in bo
    assert "<h1>bo as of Mon 9 Mar 2026</h1>" in bo
    back = '<nav class="back"><a href="index.html#board">← coach: 3 athletes as of Mon 9 Mar'
    assert bo.startswith(back, bo.index("<body>") + len("<body>\n"))
    assert bo.count('href="index.html#board"') == 2  # at the top and at the end
    assert '<a href="index.html#errors">listed on the board</a>' in bo
    assert "Is my weekly distance climbing too fast?" in bo and "ana" not in bo.split("<h1>")[1]


def test_every_page_name_is_plain_distinct_and_never_the_board():
    names = page_names(["zoë", "Zoe", "index", "Ana B", "ana-b", "李", "../etc"])
    assert names == {
        "../etc": "etc.html",
        "Ana B": "ana-b.html",
        "Zoe": "zoe.html",
        "ana-b": "ana-b-2.html",
        "index": "index-2.html",
        "zoë": "zoe-2.html",
        "李": "athlete.html",
    }


def test_the_history_is_newest_first(page):
    ana = page.split('id="athlete-1-ana"', 1)[1].split("</section>", 1)[0]
    table = ana.split('<table class="findings cards">', 1)[1]
    days = re.findall(r'<td class="day">(\w+ \d+ \w+ \d+)', table)
    assert days == ["Mon 9 Mar 2026", "Sat 7 Mar 2026", "Wed 4 Mar 2026", "Sun 11 Jan 2026"]


def test_every_table_becomes_cards_on_a_phone(page):
    tables = re.findall(r"<table class=\"([^\"]*)\"", page)
    assert tables and all("cards" in names.split() for names in tables)


def test_pages_drawn_on_every_core_are_the_pages_drawn_in_one(
    site, coach_log, coach_findings, coach_errors
):
    one = render_site(coach_log, coach_findings, coach_errors, name="coach", processes=1)
    assert one == site


def test_the_squad_study_is_a_forest_plot_and_a_row_per_pattern(
    coach_log, coach_findings, squad_study
):
    page = render_html(coach_log, coach_findings, study=squad_study)
    section = page[page.index('<section id="before-knee-pain"') :]
    section = section[: section.index("</section>")]
    board, study = page.index('id="board"'), page.index('id="before-knee-pain"')
    assert board < study < page.index('id="athlete-1')
    assert "What tends to come before knee pain across the squad?" in section
    assert "18 knee-pain episodes of 6 runners" in section and "120 pain-free" in section
    assert "1 runner without a knee-pain episode adds nothing" in section
    assert section.count('<figure class="chart">') == 1  # the forest plot
    assert section.count("<tr>") == 1 + 3  # the head and a row per pattern
    cadence = squad_study.table.set_index("pattern").loc["low-cadence"]
    assert f"{cadence['odds_ratio']:.1f} (95 % CI {cadence['ci_low']:.2f}-" in section
    assert "no odds ratio: it never held in these windows" in section
    assert "Holm-adjusted p" in section and "not a cause" in section


def test_a_squad_under_the_minimum_shows_the_reason_and_counts_only(
    coach_log, coach_findings, coach_statuses
):
    from analyzer.study import study_of_statuses

    page = render_html(coach_log, coach_findings, study=study_of_statuses(coach_statuses))
    section = page[page.index('<section id="before-knee-pain"') :]
    section = section[: section.index("</section>")]
    assert "a within-runner comparison needs 10 episodes from 5 runners" in section
    assert "<figure" not in section and "Odds ratio" not in section
    assert "Before an episode" in section  # the counts


def test_the_forest_plots_drawings_mark_1_on_a_log_axis(squad_study):
    from analyzer.report import charts

    chart = charts.forest_chart(squad_study.table)
    for drawing in (chart.wide, chart.narrow):
        text = drawing.decode()
        assert "low-cadence: " in text and "weekly-mileage-jump: " in text
        assert "shoe-overdue" not in text  # no odds ratio: in the table, not on the axis
        assert "odds ratio, log scale (1: as often" in text
    assert charts.forest_chart(squad_study.table.iloc[2:]) is None
