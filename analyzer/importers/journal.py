"""A runner's notes journal: a plain text or Markdown file of dated lines.

    2026-03-04 left knee sore, 3/10
    2026-03-05: easy day, knee fine
    # 2026-03-07
    Long run felt heavy. Right knee ached on the downhill.
    - 08.03.2026 - rest
    March 9, 2026 — swelling above the kneecap

A line that starts with a date (after Markdown's `#`, `-`, `*`, `1.`, `>` or `**`) is a note
of that day, its text the rest of the line. A line that starts with a date no calendar has
(`2026-02-30`, `31.04.2026`) or a year no note is dated in is not read, and its file says so:
it is never taken as more text of the note before it (a red flag would land on the wrong
day), and the lines under it belong to no day. A date with nothing after it (`# 2026-03-07`,
`## Sat 7 March 2026`, a bare `2026-03-07`) heads the lines below it, until the next date
or a heading of the same or a higher level. Under a date, each bullet is a note and each
paragraph (lines not parted by a blank line) is one note, so a sentence wrapped over two
lines stays whole. Lines before the first date are not about any day and are left out.

Dates: ISO `2026-03-04` (also with / or .), day first `08.03.2026`, `7 March 2026`,
`7th Mar 2026`, `March 9, 2026`, each with an optional weekday before it
(`Sat 7 March 2026`, `Monday, March 9, 2026`); month and weekday names may be in any of the
ten languages of analyzer.lexicon (`Samstag, 7. März 2026`, `1er mars 2026`,
`sábado 7 de marzo de 2026`, `lørdag 7. marts 2026`, `7 maggio 2026`). A slashed date like
03/04/2026 is March 4th to one runner and April 3rd to another, so the file decides: when
one of its slashed dates has a first number over 12 (14/03/2026) they are all day first,
when one has a second number over 12 (03/14/2026) they are all month first; when none does
(or both do), they are not read, and the file's problem line says how to write them.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import Any, BinaryIO

from analyzer import plausible
from analyzer.errors import BadFile, FileErrorKind, NotAnActivity
from analyzer.importers.base import Imported, Problem
from analyzer.lexicon import month_numbers, weekday_names

FORMAT = "journal"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 11
LABELLED = False
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = ""

NO_DATES = "no dated lines: runlog reads a journal as lines starting with a date like 2026-03-04"

# Month and weekday names of the ten languages of analyzer.lexicon ("7. März 2026",
# "7 de marzo de 2026", "lørdag 7. marts 2026", "1er mars 2026").
_MONTHS = month_numbers()
_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:"
    + "|".join(sorted(map(re.escape, weekday_names()), key=len, reverse=True))
    + r")\.?(?![^\W\d_])"
)
_OF = r"(?:\s+de)?"  # Spanish and Portuguese: "7 de marzo de 2026"
# Markdown before the date: a heading's #s, or bullets, numbers, quotes, a task box, emphasis.
_MONTH_NAME = _MONTH.replace("?P<month>", "?:")
# "8. desember 2026" is a date, not item 8 of a list: a number before a month name is a day.
_LEAD = re.compile(
    r"\s*(?:(?P<heading>#{1,6})\s*|(?:(?:[-*+•>]|\d{1,3}[.)](?!\s+"
    + _MONTH_NAME
    + r"))\s+)*(?:\[[ xX]\]\s+)?)[*_]{0,3}",
    re.IGNORECASE,
)
_DATES = tuple(
    re.compile(rf"(?:{_WEEKDAY},?\s+)?{pattern}(?![\d])", re.IGNORECASE)
    for pattern in (
        r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month_number>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
        r"(?:T\d{1,2}:\d{2}(?::\d{2})?)?",
        r"(?P<day>\d{1,2})\.(?P<month_number>\d{1,2})\.(?P<year>\d{4})",
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?{_OF}\s+{_MONTH},?{_OF}\s+(?P<year>\d{{4}})",
        rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    )
)
# After the date: closing emphasis, a weekday in brackets or before punctuation, separators.
_AFTER_DATE = re.compile(
    rf"[*_]{{0,3}}(?:\s*\(\s*{_WEEKDAY}\s*\)|,?\s*{_WEEKDAY}(?=\s*(?:[:,|—–-]|$)))?"
    r"[*_]{0,3}[\s:,|.)—–-]*",
    re.IGNORECASE,
)
_SLASHED = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?P<first>\d{{1,2}})/(?P<second>\d{{1,2}})/(?P<year>\d{{4}})(?![\d])",
    re.IGNORECASE,
)
AMBIGUOUS_SLASHES = (
    "has dates like {example} that could be day or month first; those lines were not read "
    "(write dates as 2026-03-04)"
)
_BULLET = re.compile(r"\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_PLAIN_LINE_LEVEL = 7  # a date on a plain line heads lines until any heading at all


def sniff(head: bytes) -> bool:
    """Whether some line of these first bytes starts with a date."""
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return any(
        _dated(line)[0] is not None or _slashed(line) is not None
        for line in _text_of(head).splitlines()
    )


def read(stream: BinaryIO) -> Imported:
    """The journal's notes: one per dated line, bullet or paragraph, with its day."""
    notes: list[dict[str, Any]] = []
    paragraph: list[str] = []
    day: dt.date | None = None
    scope_level = _PLAIN_LINE_LEVEL
    found_date = False

    def close_paragraph() -> None:
        if day is not None and paragraph:
            notes.append({"local_date": day, "text": " ".join(paragraph)})
        paragraph.clear()

    lines = _text_of(stream.read()).splitlines()
    day_first, ambiguous = _slash_order(lines)
    impossible: list[tuple[int, str, str]] = []  # (line number, its date, why not a date)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            close_paragraph()
            continue
        line_day, text, level, not_a_date = _dated(line, day_first)
        if not_a_date is not None:
            close_paragraph()
            day = None  # no day: neither its text nor the lines under it go to another
            impossible.append((number, *not_a_date))
            continue
        if line_day is None and day_first is None and _slashed(line) is not None:
            close_paragraph()  # a day runlog cannot tell: its lines belong to no day
            day = None
            continue
        if line_day is not None:
            close_paragraph()
            found_date = True
            day, scope_level = line_day, level or _PLAIN_LINE_LEVEL
            if text:
                paragraph.append(text)
            continue
        if level is not None:  # a heading without a date
            close_paragraph()
            if level <= scope_level:
                day = None
            continue
        bullet = _BULLET.match(line)
        if bullet:
            close_paragraph()
            line = line[bullet.end() :]
        if line.strip():
            paragraph.append(line.strip())
    close_paragraph()
    ambiguity = AMBIGUOUS_SLASHES.format(example=ambiguous)
    problems = [Problem(ambiguity, FileErrorKind.UNREADABLE_DATE)] if ambiguous else []
    if impossible:
        problems.append(_impossible_dates(impossible))
    if not found_date and problems:
        # a journal, but one runlog cannot date: say so
        raise BadFile(problems[0].reason, FileErrorKind.UNREADABLE_DATE)
    if not found_date:
        raise NotAnActivity(NO_DATES)
    return Imported(notes=notes, problems=problems)


def _slashed(line: str) -> re.Match[str] | None:
    lead = _LEAD.match(line)
    return _SLASHED.match(line[lead.end() :] if lead else line)


def _slash_order(lines: list[str]) -> tuple[bool | None, str | None]:
    """Whether the file's slashed dates are day first (None: undecided), and an example of
    them when undecided."""
    matches = [match for match in map(_slashed, lines) if match is not None]
    if not matches:
        return None, None
    first_over_12 = any(int(match["first"]) > 12 for match in matches)
    second_over_12 = any(int(match["second"]) > 12 for match in matches)
    if first_over_12 != second_over_12:
        return first_over_12, None
    example = f"{matches[0]['first']}/{matches[0]['second']}/{matches[0]['year']}"
    return None, example


def _text_of(data: bytes) -> str:
    """The text of a notes file: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252
    or Latin-1 (every byte is a Latin-1 character, so this never fails)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _impossible_dates(found: list[tuple[int, str, str]]) -> Problem:
    """The file's problem line for lines that start with a date that is no date."""
    number, date_text, why = found[0]
    if len(found) == 1:
        where = f"line {number:,} starts with {date_text!r}, which is not a date ({why})"
        lost = "that note was not read"
    else:
        where = (
            f"{len(found):,} lines start with dates that are not dates (first: line "
            f"{number:,}, {date_text!r}: {why})"
        )
        lost = "those notes were not read"
    return Problem(
        f"{where}; {lost}, and no other day took it: correct the date",
        FileErrorKind.UNREADABLE_DATE,
    )


def _dated(
    line: str, day_first: bool | None = None
) -> tuple[dt.date | None, str, int | None, tuple[str, str] | None]:
    """The date a line starts with (or None), the text after it, its heading level, and when
    it starts with a date that is no date, that date's text and why; slashed dates are read
    only when `day_first` says which way round they are."""
    lead = _LEAD.match(line)
    heading = lead.group("heading") if lead else None
    level = len(heading) if heading else None
    rest = line[lead.end() :] if lead else line
    patterns = _DATES if day_first is None else (*_DATES, _SLASHED)
    not_a_date = None
    for pattern in patterns:
        match = pattern.match(rest)
        if match is None:
            continue
        day = _date_of(match, day_first)
        if isinstance(day, str):
            not_a_date = not_a_date or (match.group(0).strip(), day)
            continue
        after = rest[match.end() :]
        separator = _AFTER_DATE.match(after)  # it matches the empty text too
        if separator is not None:
            after = after[separator.end() :]
        if heading:
            after = after.rstrip("# ")
        return day, after.strip().removesuffix("**").removesuffix("__").strip(), level, None
    return None, rest.strip(), level, not_a_date


def _date_of(match: re.Match[str], day_first: bool | None = None) -> dt.date | str:
    """The day a date match names, or why it names none."""
    groups = match.groupdict()
    if groups.get("first"):  # a slashed date, its order known
        day_text, month_text = (
            (groups["first"], groups["second"])
            if day_first
            else (groups["second"], groups["first"])
        )
        groups = {**groups, "day": day_text, "month_number": month_text}
    month = _MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["month_number"])
    year = int(groups["year"])
    if not plausible.is_plausible_year(year, by_hand=True):
        first, last = plausible.FIRST_HAND_YEAR, plausible.LAST_YEAR
        return f"notes are dated from {first} to {last}"
    try:
        return dt.date(year, month, int(groups["day"]))
    except ValueError:  # 2026-02-30, 31.04.2026
        return "no such day" if 1 <= month <= 12 else "no such month"
