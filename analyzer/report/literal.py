"""Text a user wrote, made safe to show: it never becomes markup, code or a terminal command.

Notes, titles, shoe and athlete names and file names come from files anyone can write. Each
output has its own way of reading text as more than text, and each has one function here:

- a terminal acts on escape sequences (colours, cursor moves, window titles, a bell) and on
  control characters: `terminal_text` strips them;
- matplotlib reads `$...$` as mathematics (`$\\undefinedcommand{x}$` stops the drawing) and
  an SVG cannot hold most control characters: `literal_figure` turns mathematics and TeX off
  for every text of a figure and strips the characters;
- a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula:
  `spreadsheet_cell` puts a `'` before it, as spreadsheets themselves do to keep text (but
  not before a number, a time or an offset such as `+01:00`: a spreadsheet reads those as
  values, and they are data that must read back as written);
- HTML is escaped where it is written (`html_text`, for every text of report/html.py); JSON
  escapes itself;
- a line runlog prints about a file is one line: `one_line` shows a line break in a file's
  name as `\n`, so a name cannot forge lines of its own.

Unicode's bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069)
make text display in another order than it is stored (`fine \u202e01/8 niap` shows as
`fine pain 8/10`): every output for people (terminal, HTML, charts, CSV) removes them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # matplotlib is slow to import: `runlog check` never needs it
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure
    from matplotlib.text import Text

# ECMA-48: CSI (ESC [ or 0x9B ... final byte), OSC/DCS/SOS/PM/APC strings (ended by BEL or
# ST, or running to the end of the text), and two-byte escapes (ESC and one character).
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
# C0 and C1 controls and DEL, but the line feed; Unicode's bidirectional overrides and
# isolates, which make text read in another order than it is stored.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WHITE_CONTROL = re.compile(r"[\t\r\x0b\x0c]")  # shown as a space, not joined to the next word
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What a spreadsheet reads as a value, not a formula, though it starts with + or -: a number
# (-5, +3.5e2) or a clock time or UTC offset (+01:00, -05:30:00).
_VALUE = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?|\d{1,2}:\d{2}(?::\d{2})?)")


def terminal_text(text: str) -> str:
    """The text without escape sequences and control characters (line feeds kept)."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub("", _WHITE_CONTROL.sub(" ", text))


def one_line(text: str) -> str:
    """A line about a file, shown on a terminal: a line break in it (a file's name may hold
    one) shown as `\\n`, never started anew."""
    return terminal_text(text.replace("\r", "\\r").replace("\n", "\\n"))


def html_text(text: str, quote: bool = True) -> str:
    """Text for HTML: escaped, without bidirectional controls."""
    return html.escape(_BIDI_CONTROL.sub("", text), quote=quote)


def chart_text(text: str) -> str:
    """A label as matplotlib may draw it into an SVG: no control characters (with
    `literal_figure`, `$`, `\\` and `_` are drawn as written)."""
    return terminal_text(text)


def literal_figure(figure: Figure) -> Figure:
    """The figure with every text drawn as written: no mathematics, no TeX, no control
    characters (call before saving; charts/drawing.py does for every chart).

    Tick labels are not visited: matplotlib makes them as the figure is drawn, from the
    axis's formatter (numbers, days, the chart's own words), with the settings of that moment
    (charts/drawing.py draws under `CHART_STYLE`: mathematics off). Making them here, as
    `findobj` does, costs about a third of an empty chart's drawing."""
    for text in _texts(figure):
        text.set_parse_math(False)
        text.set_usetex(False)
        shown = text.get_text()
        if shown and chart_text(shown) != shown:
            text.set_text(chart_text(shown))
    return figure


def _texts(artist: Artist) -> Iterator[Text]:
    """The texts of an artist and of its children, an axis's label and offset but not its
    ticks."""
    from matplotlib.axis import Axis
    from matplotlib.text import Text

    if isinstance(artist, Text):
        yield artist
    children = [artist.label, artist.offsetText] if isinstance(artist, Axis) else None
    for child in children if children is not None else artist.get_children():
        yield from _texts(child)


def spreadsheet_cell(value: object) -> object:
    """The value for a CSV cell: bidirectional controls removed; text a spreadsheet would run
    as a formula starts with `'`, and so does text that starts with `'` already, so that
    exactly one `'` comes off again (schema.read_csv) and every text reads back as it was
    written."""
    if not isinstance(value, str):
        return value
    value = _BIDI_CONTROL.sub("", value)
    if value.startswith("'") or (value.startswith(_FORMULA_STARTS) and not _VALUE.fullmatch(value)):
        return "'" + value
    return value
