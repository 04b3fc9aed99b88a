"""Screenshots of an HTML report in headless Chromium, as a laptop and a phone show it.

    python scripts/screenshot_report.py                       # README's docs/report.png
    python scripts/screenshot_report.py report.html -o shots/ --full-page

With no page named it writes the sample report (`runlog report sample_data/`) to a temporary
file and shoots its top at 1040 px into docs/report.png, the picture README shows. Given a page
and an output folder it writes `<name>-1400.png` and `<name>-390.png`. It drives the system's
Chromium (/usr/bin/chromium, or $CHROMIUM) through playwright and never downloads a browser.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
README_PICTURE = REPOSITORY / "docs" / "report.png"
CHROMIUM_ARGUMENTS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
]
WIDTHS_PX = (1400, 390)
README_VIEW_PX = (1040, 1000)  # the top of the sample report: its summary and first charts


def chromium_path() -> str:
    """The system's Chromium: $CHROMIUM, else Debian's /usr/bin/chromium."""
    return os.environ.get("CHROMIUM", "/usr/bin/chromium")


def shoot(page_path: Path, output: Path, widths_px: tuple[int, ...], full_page: bool) -> list[Path]:
    """One PNG per width of the page at `page_path`, written into the folder `output`."""
    from playwright.sync_api import sync_playwright

    output.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGUMENTS)
        for width_px in widths_px:
            page = browser.new_page(viewport={"width": width_px, "height": 900})
            page.goto(page_path.resolve().as_uri())
            path = output / f"{page_path.stem}-{width_px}.png"
            page.screenshot(path=str(path), full_page=full_page)
            written.append(path)
            page.close()
        browser.close()
    return written


def readme_picture() -> Path:
    """docs/report.png: the top of the sample report at 1040 px, as README shows it."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "sample-report.html"
        subprocess.run(
            ["runlog", "report", str(REPOSITORY / "sample_data"), "-o", str(page_path)],
            check=True,
            capture_output=True,
        )
        README_PICTURE.parent.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as driver:
            browser = driver.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGUMENTS
            )
            width_px, height_px = README_VIEW_PX
            page = browser.new_page(viewport={"width": width_px, "height": height_px})
            page.goto(page_path.as_uri())
            page.screenshot(path=str(README_PICTURE), scale="css")
            browser.close()
    return README_PICTURE


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", type=Path, help="an HTML report (default: README's)")
    parser.add_argument("-o", "--output", type=Path, default=Path("."), help="folder for PNGs")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not its top")
    options = parser.parse_args(arguments)
    if options.page is None:
        written = [readme_picture()]
    else:
        written = shoot(options.page, options.output, WIDTHS_PX, options.full_page)
    for path in written:
        sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
