"""Text from the user never becomes markup, code or a terminal command in any output."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import re

import matplotlib as mpl
import pytest
from click.testing import CliRunner
from lxml import etree
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from analyzer import cli
from analyzer.report.literal import literal_figure, spreadsheet_cell, terminal_text

MATH = "$\\undefinedcommand{x}$"
HOSTILE = (
    f"{MATH} hill_reps \\o/",
    '=HYPERLINK("http://example.com","x")',
    "@SUM(1+1)",
    "+1 tempo",
    "-2 easy",
    "\x1b[31mred\x1b[0m \x1b]0;new window title\x07 bell\x07 \x1b[2J",
    "soh \x01 and \x9b1;1H C1",
    "\u202eevil\u202c reversed",
)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        pytest.param("easy 10k, $5 socks \\o/ a_b", "easy 10k, $5 socks \\o/ a_b", id="plain text"),
        pytest.param("\x1b[1;31mred\x1b[0m", "red", id="colours"),
        pytest.param("a\x1b]0;title\x07b", "ab", id="window title ended by BEL"),
        pytest.param("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb", id="hyperlink"),
        pytest.param("a\x1b]0;never ended", "a", id="unended title"),
        pytest.param("a\x9b2Jb", "ab", id="8-bit CSI"),
        pytest.param("a\x1bcb", "ab", id="reset"),
        pytest.param("tab\there\rand\x0bon", "tab here and on", id="tabs as spaces"),
        pytest.param("line one\nline two", "line one\nline two", id="line feeds kept"),
        pytest.param("\u202eevil\u202c \u2067x\u2069", "evil x", id="bidi overrides"),
        pytest.param("bell\x07 nul\x00 del\x7f", "bell nul del", id="controls"),
        pytest.param("Läufer 😀 Ωμέγα", "Läufer 😀 Ωμέγα", id="any script"),
    ],
)
def test_terminal_text(text, shown):
    assert terminal_text(text) == shown


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2 easy", "'-2 easy"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("'quoted", "''quoted"),  # one ' comes off when read back: the text as written
        ("easy = fine", "easy = fine"),
        ("+01:00", "+01:00"),  # a UTC offset, data a spreadsheet reads as a value
        ("-05:30", "-05:30"),
        ("-5", "-5"),
        ("+3.5e2", "+3.5e2"),
        ("fine \u202e01/8 niap\u202c", "fine 01/8 niap"),  # no order reversed in the sheet
        ("\u2066=1+1\u2069", "'=1+1"),  # an isolate hides no formula
        (-2.5, -2.5),
        (None, None),
    ],
)
def test_spreadsheet_cell(value, cell):
    assert spreadsheet_cell(value) == cell


def test_a_figure_draws_mathematics_and_controls_as_written_even_with_mathtext_on():
    with mpl.rc_context({"text.parse_math": True, "svg.fonttype": "none"}):
        figure = Figure()
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        axes.set_title(MATH)
        axes.plot([0, 1], label="shoe\x01\x1b[2J_$5")
        axes.legend()
        buffer = io.BytesIO()
        literal_figure(figure).savefig(buffer, format="svg")
    svg = buffer.getvalue()
    etree.fromstring(svg)  # valid XML: no control characters
    assert MATH.encode() in svg and b"shoe_$5" in svg


def hostile_log(folder):
    """A hand log whose titles, notes and shoes are the hostile strings, over six weeks."""
    folder.mkdir()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["date", "distance_km", "duration_min", "title", "notes", "shoe"])
    for day in range(42):
        text = HOSTILE[day % len(HOSTILE)]
        note = f"knee pain 4/10 {text}" if day % 7 == 0 else text
        shoe = HOSTILE[day % 3]
        date = dt.date(2026, 5, 4) + dt.timedelta(days=day)
        writer.writerow([date.isoformat(), 8 + day % 5, 45 + day % 7, text, note, shoe])
    (folder / "log.csv").write_text(buffer.getvalue(), encoding="utf-8")
    return folder


def invoke(*args):
    return CliRunner().invoke(cli.cli, [str(arg) for arg in args])


def _controls(text: str) -> list[str]:
    return re.findall(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text)


def test_the_terminal_shows_no_escape_or_control_characters(tmp_path):
    folder = hostile_log(tmp_path / "log")
    result = invoke("check", folder)
    assert result.exit_code == cli.EXIT_OK, result.output
    assert MATH in result.stdout
    assert _controls(result.stdout) == []


def test_file_names_reach_the_terminal_without_escapes(tmp_path):
    folder = hostile_log(tmp_path / "log")
    (folder / "\x1b[2Jbroken.gpx").write_bytes(b"<gpx><trk>")
    result = invoke("check", folder)
    assert result.exit_code == cli.EXIT_SKIPPED_FILES
    assert "[2Jbroken.gpx" not in result.stderr and "broken.gpx" in result.stderr
    assert _controls(result.stderr.replace("\n", "")) == []


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_no_csv_cell_starts_a_formula(tmp_path):
    folder = hostile_log(tmp_path / "log")
    findings = invoke("check", folder, "--format", "csv")
    assert findings.exit_code == cli.EXIT_OK, findings.output
    table = tmp_path / "runs.csv"
    assert invoke("import", folder, "-o", table).exit_code == cli.EXIT_OK
    for text in (findings.stdout, table.read_text(encoding="utf-8")):
        cells = _cells(text)
        assert not [cell for cell in cells if cell.startswith(("=", "@"))]
        assert not [cell for cell in cells if cell.startswith(("+", "-")) and not _is_value(cell)]
    assert '\'=HYPERLINK("http://example.com","x")' in _cells(table.read_text("utf-8"))


def _is_value(cell: str) -> bool:
    """A number, or a UTC offset or clock time (+01:00): what a spreadsheet reads as a value."""
    try:
        float(cell)
    except ValueError:
        return re.fullmatch(r"[+-]\d{2}:\d{2}(:\d{2})?", cell) is not None
    return True


def test_the_report_draws_notes_and_names_as_written(tmp_path):
    folder = hostile_log(tmp_path / "log")
    page = tmp_path / "report.html"
    result = invoke("report", folder, "-o", page)
    assert result.exit_code == cli.EXIT_OK, result.output
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html.replace("<script>", "")  # no markup from the data
    drawn = b""
    for encoded in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html):
        svg = base64.b64decode(encoded)
        etree.fromstring(svg)  # every chart is valid XML, so the browser shows it
        drawn += svg
    assert MATH.encode() in drawn  # the shoe chart names the shoe as written


BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def test_bidirectional_controls_reach_no_output_for_people(tmp_path):
    # "left knee fine \u202e01/8 niap" displays as "left knee fine pain 8/10" where they
    # are honoured (a browser, a spreadsheet, many terminals)
    folder = hostile_log(tmp_path / "log")
    page, table = tmp_path / "report.html", tmp_path / "runs.csv"
    shown = [
        invoke("check", folder).stdout,
        invoke("check", folder, "--format", "csv").stdout,
        page.read_text("utf-8") if invoke("report", folder, "-o", page).exit_code == 0 else "",
        table.read_text("utf-8") if invoke("import", folder, "-o", table).exit_code == 0 else "",
    ]
    assert all(shown)
    assert [BIDI.findall(text) for text in shown] == [[], [], [], []]
    assert "evil reversed" in shown[2]


def test_a_line_break_in_a_file_name_forges_no_line(tmp_path):
    folder = hostile_log(tmp_path / "log")
    (folder / "bad\nother.fit: is empty (forged)\nx.fit").write_bytes(b"not a fit file")
    result = invoke("check", folder)
    lines = result.stderr.splitlines()
    assert not [line for line in lines if line.startswith("other.fit")]
    assert [line for line in lines if line.startswith("bad\\nother.fit")]
