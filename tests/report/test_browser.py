"""The HTML report in a real browser, on a laptop and a phone: the sample report, a coach's page,
and the site of a generated squad (its board and two athletes' pages).

Opened in the system's headless Chromium (Debian's `chromium`; `.ci/run` installs it) through
playwright, which drives a browser it is given and downloads none. Skipped when Chromium or
playwright is missing.
"""

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer import cli, load
from analyzer.checkers import run_rules
from analyzer.report.html import render_html
from benchmarks.synthetic import write_cohort

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGUMENTS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"
PHONE_PX = 390
LAPTOP_PX = 1400

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(
    tmp_path_factory, coach_log, coach_findings, coach_errors, squad_study
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    sample = load(SAMPLE_DATA)
    written = {
        "sample": render_html(sample, run_rules(sample), sample.errors),
        # the coach's page with a squad study's forest plot after the board
        "coach": render_html(coach_log, coach_findings, coach_errors, study=squad_study),
    }
    paths = {}
    for name, page in written.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(page, encoding="utf-8")
    return paths


@pytest.mark.parametrize("width_px", [LAPTOP_PX, PHONE_PX], ids=["laptop", "phone"])
@pytest.mark.parametrize("name", ["sample", "coach"])
def test_the_report_reads_in_a_browser(browser, pages, name, width_px):
    page = browser.new_page(viewport={"width": width_px, "height": 900})
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(pages[name].as_uri())
    page.wait_for_load_state("load")
    charts = page.eval_on_selector_all(
        "figure.chart img",
        """images => images.map(image => ({
            width: image.getBoundingClientRect().width,
            height: image.getBoundingClientRect().height,
            decoded: image.complete && image.naturalWidth > 0,
            narrow: image.currentSrc === image.previousElementSibling.srcset,
        }))""",
    )
    page_width = page.evaluate("document.documentElement.scrollWidth")
    view_width = page.evaluate("window.innerWidth")
    page.eval_on_selector_all("details", "folds => folds.forEach(fold => fold.open = true)")
    sideways = page.evaluate(SIDEWAYS)  # the history's tables too
    page.close()
    assert sideways == []
    assert problems == []
    assert charts, "the page has no charts"
    assert all(chart["decoded"] and chart["width"] > 0 and chart["height"] > 0 for chart in charts)
    # a phone gets the drawings made for its width, a laptop the wide ones
    assert all(chart["narrow"] == (width_px == PHONE_PX) for chart in charts)
    assert page_width <= view_width, "the page scrolls sideways"


# every element that could scroll sideways, and by how much (the page itself included)
SIDEWAYS = """() => [document.scrollingElement, ...document.querySelectorAll('body *')]
    .filter(element => element.scrollWidth > element.clientWidth + 1
        && (element === document.scrollingElement
            || getComputedStyle(element).overflowX !== 'visible'))
    .map(element => element.tagName + '.' + element.className + ' ' + element.scrollWidth
        + '>' + element.clientWidth)"""
# where every link leads: the file and the element its fragment names
LINKS = "() => [...document.querySelectorAll('a[href]')].map(link => link.href)"


@pytest.fixture(scope="module")
def squad_site(tmp_path_factory) -> Path:
    """A generated squad of 4 athletes with 20 weeks of FIT runs, written as a site."""
    folder = tmp_path_factory.mktemp("squad")
    write_cohort(folder / "squad", athletes=4, weeks=20, first_monday=dt.date(2026, 1, 5))
    site = folder / "site"
    result = CliRunner().invoke(cli.cli, ["report", str(folder / "squad"), "-o", f"{site}/"])
    assert result.exit_code == cli.EXIT_OK, result.output
    return site


def _opened(browser, path_or_url: str, width_px: int):
    page = browser.new_page(viewport={"width": width_px, "height": 900})
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(path_or_url)
    page.wait_for_load_state("load")
    page.eval_on_selector_all("details", "folds => folds.forEach(fold => fold.open = true)")
    return page, problems


@pytest.mark.parametrize("width_px", [LAPTOP_PX, PHONE_PX], ids=["laptop", "phone"])
def test_the_squads_site_reads_in_a_browser_and_every_link_resolves(browser, squad_site, width_px):
    index = (squad_site / "index.html").as_uri()
    board, problems = _opened(browser, index, width_px)
    pages = [link for link in board.evaluate(LINKS) if "#" not in link]
    assert board.evaluate(SIDEWAYS) == []
    board.close()
    assert len(pages) == 4 and problems == []
    for athlete_page in pages[:2]:  # the two most in need
        page, problems = _opened(browser, athlete_page, width_px)
        assert page.title().startswith(page.inner_text("h1"))
        assert page.evaluate(SIDEWAYS) == [], athlete_page
        assert page.eval_on_selector_all("figure.chart img", "images => images.length") >= 5
        links = page.evaluate(LINKS)
        page.click("nav.back a >> nth=0")  # the back link returns to the board
        page.wait_for_load_state("load")
        assert page.url == index + "#board" and page.is_visible("#board")
        page.close()
        assert problems == []
        for link in links:  # each link's file, and the element its fragment names, are there
            target, _, fragment = link.partition("#")
            assert target.startswith(squad_site.as_uri()), link
            assert (squad_site / target.rsplit("/", 1)[1]).exists(), link
            if fragment:
                linked, _ = _opened(browser, target, width_px)
                assert linked.locator(f"#{fragment}").count() == 1, link
                linked.close()
