"""The HTML report in a real browser: the sample report and a coach's, on a laptop and a phone.

Opened in the system's headless Chromium (Debian's `chromium`; `.ci/run` installs it) through
playwright, which drives a browser it is given and downloads none. Skipped when Chromium or
playwright is missing.
"""

import os
import shutil
from pathlib import Path

import pytest

from analyzer import load
from analyzer.checkers import run_rules
from analyzer.report.html import render_html

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
def pages(tmp_path_factory, coach_log, coach_findings, coach_errors) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    sample = load(SAMPLE_DATA)
    written = {
        "sample": render_html(sample, run_rules(sample), sample.errors),
        "coach": render_html(coach_log, coach_findings, coach_errors),
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
    page.close()
    assert problems == []
    assert charts, "the page has no charts"
    assert all(chart["decoded"] and chart["width"] > 0 and chart["height"] > 0 for chart in charts)
    # a phone gets the drawings made for its width, a laptop the wide ones
    assert all(chart["narrow"] == (width_px == PHONE_PX) for chart in charts)
    assert page_width <= view_width, "the page scrolls sideways"
