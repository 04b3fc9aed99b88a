"""Text files with a stray control character: the character goes, the rest is read.

A journal or a CSV log is text a person keeps. One NUL byte in it (a sync tool's glitch, a
disk that lost a block, a paste from a terminal) made the whole file unreadable: the journal
was taken for a binary file and passed over, so every knee-pain note in it was lost without a
word, and the CSV was refused. A stray control character costs that character: it is
removed, and a notice names the lines that held it. A file where such characters are more
than one byte in a hundred is not text (a FIT file, a UTF-16 file without its BOM): it is
left as it is, for its own importer to judge.

Tab, line feed and carriage return are text; ESC stays too, for the renderers remove whole
terminal escape sequences (analyzer/report/literal.py), never half of one.
"""

from __future__ import annotations

import codecs
import re

from analyzer.errors import FileErrorKind
from analyzer.importers.base import Problem

# The formats read as lines of text, by suffix: journals and CSV tables.
LINE_TEXT_SUFFIXES = (".csv", ".txt", ".md")
STRAY_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
MAX_STRAY_SHARE = 0.01  # past one byte in a hundred, the file is not text
_MIN_STRAYS_ALLOWED = 8  # a short file may hold a few
_LINES_NAMED = 5
_STRAY = re.compile(b"[" + re.escape(STRAY_BYTES) + b"]")
_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0C: "form feed", 0x1A: "SUB", 0x7F: "DEL"}


def without_stray_controls(data: bytes) -> tuple[bytes, Problem | None]:
    """The bytes without stray control characters, and the notice saying which lines held
    them; the bytes unchanged (and no notice) when they hold none, or are not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or not _STRAY.search(data):
        return data, None
    allowed = max(_MIN_STRAYS_ALLOWED, int(len(data) * MAX_STRAY_SHARE))
    positions: list[int] = []
    for match in _STRAY.finditer(data):
        positions.append(match.start())
        if len(positions) > allowed:
            return data, None
    kinds = sorted({data[position] for position in positions})
    names = ", ".join(_NAMES.get(kind, f"0x{kind:02X}") for kind in kinds)
    lines = sorted({data.count(b"\n", 0, position) + 1 for position in positions})
    count = len(positions)
    what = "a stray control character" if count == 1 else f"{count:,} stray control characters"
    return data.translate(None, STRAY_BYTES), Problem(
        f"removed {what} ({names}) on {_lines(lines)}; everything else was read as written",
        FileErrorKind.NOTICE,
    )


def _lines(numbers: list[int]) -> str:
    shown = [f"{number:,}" for number in numbers[:_LINES_NAMED]]
    if len(numbers) > _LINES_NAMED:
        return f"lines {', '.join(shown)} and {len(numbers) - _LINES_NAMED:,} more"
    if len(shown) == 1:
        return f"line {shown[0]}"
    return f"lines {', '.join(shown[:-1])} and {shown[-1]}"
