"""What every CSV importer shares: text, delimiter, header row, and cells made into numbers.

Exports reorder, translate and grow their columns, so importers find a column by its cleaned
header name (HTML tags stripped, spaces trimmed, lower case), never by its position
[docs/FORMATS.md §4.2, §7.2]. A cell that is empty or `--` is missing: NaN, never 0 [§7.7].

The helpers work on whole columns: a `Table` keeps each column as a tuple of cell texts, and
`to_number`, `to_seconds` and `to_datetime` turn one column into a pandas Series at once.
"""

from __future__ import annotations

import codecs
import csv
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import overload

import numpy as np
import pandas as pd

from analyzer import plausible
from analyzer.classify import surface_of
from analyzer.errors import BadFile, FileErrorKind, UnrecognisedFile
from analyzer.importers.base import RecordTable
from analyzer.lexicon import month_numbers, weekday_names

DELIMITERS = (",", ";", "\t")
_HEADER_SEARCH_LINES = 20  # a title line or two may sit above the header (old Garmin exports)
# Cells that mean "no value" in the exports runlog reads (Garmin writes --).
_MISSING = frozenset({"", "-", "--", "---", "—", "n/a", "na", "nan", "null", "none"})
_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_QUOTED = re.compile(r'"[^"]*"')
_TAG = re.compile(r"<[^>]*>")
# Strava left untranslated headers as 'translation missing: en-US.lib...horton_values.type'.
_TRANSLATION_MISSING = re.compile(r"translation missing:\s*\S*\.([a-z0-9_]+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Table:
    """A CSV table: header cells as written and cleaned, and each column's cell texts."""

    header: tuple[str, ...]  # as written (for messages)
    names: tuple[str, ...]  # cleaned: clean_name(cell)
    columns: tuple[tuple[str, ...], ...]  # one tuple of cell texts per header cell
    length: int  # rows
    delimiter: str = ","


# --- text, delimiter and header ------------------------------------------------------------


def decode(data: bytes, *, is_head: bool = False) -> str:
    """The text of a CSV file: UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252/latin-1.

    Spreadsheets save in the machine's code page (runalyze__Umlaute.csv is ISO-8859-1), and
    Excel's "Unicode text" is UTF-16. With `is_head`, a multi-byte character cut at the end
    of the first bytes does not count as a decoding error.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if is_head and err.start >= len(data) - 3:
            return data[: err.start].decode("utf-8-sig")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _unquoted_count(line: str, delimiter: str) -> int:
    return _QUOTED.sub("", line).count(delimiter)


def _header_position(lines: list[str]) -> tuple[int, str] | None:
    """(index of the header line, delimiter) among the first lines, or None if no table.

    The header is the first line with a delimiter outside quotes: title and blank lines
    above it have none (old Garmin exports), and the delimiter is the one it holds most of.
    Later lines are not consulted, since a note running over several lines may hold any
    number of commas.
    """
    for index, line in enumerate(lines):
        counts = {delimiter: _unquoted_count(line, delimiter) for delimiter in DELIMITERS}
        delimiter = max(DELIMITERS, key=counts.__getitem__)
        if counts[delimiter] > 0:
            return index, delimiter
    return None


def clean_name(cell: str) -> str:
    """A header cell as importers match it: tags and entities gone, trimmed, lower case."""
    text = html.unescape(_TAG.sub(" ", cell)).replace("\ufeff", "")
    untranslated = _TRANSLATION_MISSING.search(text)
    if untranslated:
        text = untranslated.group(1).replace("_", " ")
    return " ".join(text.split()).lower()


def rows_of(text: str, delimiter: str = ",") -> list[list[str]]:
    """The rows of CSV text; BadFile when the csv module cannot split them."""
    return list(_rows(text, delimiter))


def _rows(text: str, delimiter: str, offset: int = 0) -> Iterator[list[str]]:
    """The rows of CSV text from `offset`, one at a time (the text's lines are not copied
    whole); BadFile when the csv module cannot split them."""
    try:
        yield from csv.reader(_lines(text, offset), delimiter=delimiter)
    except csv.Error as err:  # a quote that never closes swallows the rest into one field
        raise BadFile(
            f"is not a readable CSV table ({err}); an unclosed quote?", FileErrorKind.BROKEN_TABLE
        ) from err


def _lines(text: str, offset: int) -> Iterator[str]:
    """The lines of `text` from `offset`, each with its line break (as a file opened with
    newline="" gives them: a quoted cell may hold a line break)."""
    start = offset
    for match in _LINE_BREAK.finditer(text, offset):
        yield text[start : match.end()]
        start = match.end()
    if start < len(text):
        yield text[start:]


def head_names(head: bytes) -> tuple[str, ...]:
    """The cleaned header names of a CSV from its first bytes; empty if it is no table."""
    text = decode(head, is_head=True)
    opening = text.lstrip()[:1]
    if not opening or opening in "<{[" or "\x00" in text:
        return ()
    found = _header_position(_first_lines(text))
    if found is None:
        return ()
    index, delimiter = found
    rows = rows_of(_first_lines(text)[index], delimiter)
    return tuple(clean_name(cell) for cell in rows[0]) if rows else ()


def _first_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text, maxsplit=_HEADER_SEARCH_LINES)[:_HEADER_SEARCH_LINES]


def read_table(data: bytes) -> Table:
    """The table in a CSV file's bytes; BadFile when they hold no delimited table."""
    if not data.strip():
        raise BadFile("is empty", FileErrorKind.EMPTY)
    text = decode(data)
    if "\x00" in text:
        raise BadFile("is not a text table: it holds binary data", FileErrorKind.NOT_THIS_FORMAT)
    found = _header_position(_first_lines(text))
    if found is None:
        raise BadFile(
            "is not a table: no line has commas, semicolons or tabs between columns",
            FileErrorKind.NOT_THIS_FORMAT,
        )
    index, delimiter = found
    offset = 0
    for _ in range(index):  # skip the title lines, keeping quoted line breaks below intact
        offset = _next_line_start(text, offset)
    rows = _rows(text, delimiter, offset)
    header = [cell.strip() for cell in next(rows, [])]
    width = len(header)
    cells: list[list[str]] = [[] for _ in header]
    # Each distinct cell text is held once: a log of a million rows repeats its days, names
    # and words (a list of rows would hold six million texts, 700 MB).
    texts: dict[str, str] = {}
    length = 0
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        for column, cell in zip(cells, [*row, *[""] * (width - len(row))], strict=False):
            column.append(texts.setdefault(cell, cell))
        length += 1
    return Table(
        header=tuple(header),
        names=tuple(clean_name(cell) for cell in header),
        columns=tuple(tuple(column) for column in cells),
        length=length,
        delimiter=delimiter,
    )


def _next_line_start(text: str, offset: int) -> int:
    match = _LINE_BREAK.search(text, offset)
    return match.end() if match else len(text)


# --- finding columns -----------------------------------------------------------------------


def positions(table: Table, *names: str) -> list[int]:
    """Where columns with any of these cleaned names sit, in file order."""
    wanted = set(names)
    return [index for index, name in enumerate(table.names) if name in wanted]


def text(table: Table, *names: str, occurrence: int = 0) -> pd.Series | None:
    """The cell texts of the first named column present (its `occurrence`-th copy), trimmed.

    Names are tried in order, so English can come before German; a missing cell is NA.
    """
    for name in names:
        found = positions(table, name)
        if len(found) > occurrence:
            return cells(table, found[occurrence])
    return None


def cells(table: Table, position: int) -> pd.Series:
    """One column's trimmed cell texts; empty and `--` cells are NA."""
    series = pd.Series(table.columns[position], dtype="string").str.strip()
    return series.mask(series.str.lower().isin(_MISSING))


@overload
def first_present(*columns: None) -> None: ...
@overload
def first_present(first: pd.Series, /, *rest: pd.Series | None) -> pd.Series: ...
def first_present(*columns: pd.Series | None) -> pd.Series | None:
    """Each row's value from the first column that has one (a fallback chain)."""
    present = [column for column in columns if column is not None]
    if not present:
        return None
    result = present[0]
    for column in present[1:]:
        result = result.fillna(column)
    return result


def cadence_from_steps_spm(steps: pd.Series, moving_s: pd.Series) -> pd.Series:
    """Steps/min from a run's total steps (both feet) and moving time; NaN without either."""
    return steps.where(steps > 0) / (moving_s.where(moving_s > 0) / 60)


def missing(length: int, dtype: str = "float64") -> pd.Series:
    """A column of `length` missing values."""
    return pd.Series(np.nan if dtype == "float64" else pd.NA, index=range(length), dtype=dtype)


# --- cells to values -----------------------------------------------------------------------

# Spaces, no-break spaces and apostrophes group digits ("1 234", "1'234"). The characters are
# literal, with no \s class, so that pandas hands the pattern to pyarrow instead of a Python loop.
_DIGIT_GROUPING = "[ \t\u00a0\u202f']"
_COMMA_DECIMAL = re.compile(r"^-?\d*,(\d{1,2}|\d{4,})$|^-?\d{1,3}(\.\d{3})+,\d+$")
_POINT_DECIMAL = re.compile(r"^-?\d*\.(\d{1,2}|\d{4,})$|^-?\d{1,3}(,\d{3})+\.\d+$")


@overload
def to_number(values: None, *, decimal_comma: bool = ...) -> None: ...
@overload
def to_number(values: pd.Series, *, decimal_comma: bool = ...) -> pd.Series: ...
def to_number(values: pd.Series | None, *, decimal_comma: bool = False) -> pd.Series | None:
    """Numbers from cell texts: "4,808", "10,20", "1.067,5", "7830.6"; missing is NaN.

    The column decides its decimal mark: "10,20" or "7,4" can only be decimal commas and
    "5.05" only a decimal point. A column whose cells fit both ("4,808", "1.067") follows
    `decimal_comma`, the file's locale (German headers write decimal commas).
    """
    if values is None:
        return None
    compact = values.astype("string").str.replace(_DIGIT_GROUPING, "", regex=True)
    comma_votes = int(compact.str.match(_COMMA_DECIMAL.pattern).fillna(False).sum())
    point_votes = int(compact.str.match(_POINT_DECIMAL.pattern).fillna(False).sum())
    is_comma = comma_votes > point_votes or (comma_votes == point_votes and decimal_comma)
    if is_comma:
        compact = compact.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        compact = compact.str.replace(",", "", regex=False)
    return pd.to_numeric(compact, errors="coerce").astype("float64")


_DURATION = re.compile(
    r"^(?:(?P<days>\d+)\s*d(?:ays?)?[\s,]*)?(?:(?P<h>\d+):)?(?P<m>\d+):(?P<s>\d+(?:\.\d+)?)$"
)


@overload
def to_seconds(values: None, *, plain_unit_s: float = ...) -> None: ...
@overload
def to_seconds(values: pd.Series, *, plain_unit_s: float = ...) -> pd.Series: ...
def to_seconds(values: pd.Series | None, *, plain_unit_s: float = 1.0) -> pd.Series | None:
    """Seconds from durations: "1:05:11", "41:06" (M:SS), "00:28:10.5", or plain numbers.

    A plain number is taken in units of `plain_unit_s` (60 when the header says minutes).
    """
    if values is None:
        return None
    compact = values.astype("string").str.strip().str.replace(",", ".", regex=False)
    parts = compact.str.extract(_DURATION)
    clock_s = (
        parts["days"].astype("float64").fillna(0) * 86_400
        + parts["h"].astype("float64").fillna(0) * 3600
        + parts["m"].astype("float64") * 60
        + parts["s"].astype("float64")
    )
    plain_s = pd.to_numeric(compact, errors="coerce").astype("float64") * plain_unit_s
    return clock_s.fillna(plain_s).astype("float64")


_TRUE = frozenset({"true", "yes", "y", "1", "1.0", "x", "ja", "wahr", "sí", "si"})
_FALSE = frozenset({"false", "no", "n", "0", "0.0", "nein", "falsch"})


@overload
def to_bool(values: None) -> None: ...
@overload
def to_bool(values: pd.Series) -> pd.Series: ...
def to_bool(values: pd.Series | None) -> pd.Series | None:
    """Booleans from "true"/"FALSE", "1.0"/"0.0", "yes"/"no"; anything else is NA."""
    if values is None:
        return None
    lowered = values.astype("string").str.strip().str.lower()
    result = pd.Series(pd.NA, index=values.index, dtype="boolean")
    result[lowered.isin(_TRUE).fillna(False)] = True
    result[lowered.isin(_FALSE).fillna(False)] = False
    return result


# Month and weekday words of the ten languages of analyzer.lexicon, months as the English
# abbreviations %b reads ("mai" -> "may", "okt." -> "oct").
_ENGLISH_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_MONTH_OF_WORD = {word: _ENGLISH_MONTHS[number - 1] for word, number in month_numbers().items()}
_MONTH_PATTERN = re.compile(
    r"(?<![^\W\d_])("
    + "|".join(sorted(map(re.escape, _MONTH_OF_WORD), key=len, reverse=True))
    + r")\.?(?![^\W\d_])"
)
_SHORT_WEEKDAY_MAX_CHARS = 4  # "fr", "ven", "tors": an abbreviation, written with a comma
_WEEKDAYS = sorted(weekday_names(), key=len, reverse=True)
# A weekday before the date: "Fr, 25 Mai 2012" (old Garmin), "ven., 25 mai 2012", "Montag,".
_WEEKDAY = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(day) for day in _WEEKDAYS if len(day) <= _SHORT_WEEKDAY_MAX_CHARS)
    + r")\.?,\s*|(?:"
    + "|".join(re.escape(day) for day in _WEEKDAYS if len(day) > _SHORT_WEEKDAY_MAX_CHARS)
    + r")\.?,?\s+)"
)
_HALF_DAY = re.compile(r"\b([ap])\.?\s?m\.?(?=\s|$)")
_DAY_DOT = re.compile(r"(\d)\.(?=\s)")
_STAMP = re.compile(
    r"^(?P<date>.+?)(?:(?:\s+|(?<=\d)t)(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2}(?:\.\d+)?))?\s*(?P<half>am|pm)?)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2})?$"
)
_LAYOUT_SAMPLE = 400  # dates tried against every layout; the winner then reads them all
# Candidate day formats; on a tie (every day <= 12) the earlier, day-first, one wins.
DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d/%m/%y",
    "%m/%d/%y",
    "%d-%m-%Y",
    "%m-%d-%Y",
    "%d-%m-%y",
    "%b %d %Y",
    "%d %b %Y",
    "%d-%b-%Y",
    "%d %b %y",
)


def _normalised_stamps(values: pd.Series) -> pd.Series:
    """Date cells in one spelling: lower case, English month abbreviations, no weekday."""
    distinct = values.dropna().unique()
    spelled = {value: _normalised_stamp(value) for value in distinct}
    return values.map(spelled, na_action="ignore").astype("string")


def _stamp_parts(values: pd.Series) -> pd.DataFrame:
    """_STAMP's parts of each date cell (date, hour, minute, second, half), each distinct
    cell read once: a log of a million rows has a few thousand days."""
    codes, distinct = pd.factorize(values)  # a missing cell is -1: the last row, missing too
    cells = pd.Series([*distinct, None], dtype="string")
    parts = _normalised_stamps(cells).str.extract(_STAMP).iloc[codes]
    return parts.set_axis(values.index)


def _normalised_stamp(value: str) -> str:
    text = _WEEKDAY.sub("", value.strip().lower())
    text = _HALF_DAY.sub(r"\1m", text)
    text = _MONTH_PATTERN.sub(lambda match: _MONTH_OF_WORD[match[1]], text)
    text = _DAY_DOT.sub(r"\1", text)  # "25. mai" -> "25 mai"
    return " ".join(text.replace(",", " ").split())


def _order_breaks(days: pd.Series) -> int:
    """How far a column of days is from being sorted either way (rows are usually in order)."""
    steps = days.dropna().diff().dropna()
    return int(min((steps > pd.Timedelta(0)).sum(), (steps < pd.Timedelta(0)).sum()))


def _date_layout(dates: pd.Series) -> str | None:
    """The DATE_FORMATS entry that reads most of these day texts (judged on a sample)."""
    present = dates.dropna()
    if len(present) > _LAYOUT_SAMPLE:  # rows spread over the whole file, in file order
        present = present.iloc[np.linspace(0, len(present) - 1, _LAYOUT_SAMPLE).astype(int)]
    best_layout, best_key = None, None
    for layout in DATE_FORMATS:
        days = pd.to_datetime(present, format=layout, errors="coerce")
        parsed = int(days.notna().sum())
        if parsed == 0:
            continue
        key = (parsed, -_order_breaks(days))
        if best_key is None or key > best_key:
            best_layout, best_key = layout, key
    return best_layout


@overload
def to_datetime(values: None, *, by_hand: bool = False) -> None: ...
@overload
def to_datetime(values: pd.Series, *, by_hand: bool = False) -> pd.Series: ...
def to_datetime(values: pd.Series | None, *, by_hand: bool = False) -> pd.Series | None:
    """Naive wall times from date cells in any common layout, the layout chosen per column.

    Reads "May 29, 2022, 3:53:35 PM", "29.05.2022, 15:53:35", "2022-05-29T15:53:35Z",
    "Fr, 25 Mai 2012 20:31", "18.02.12", "05/29/2022". Day-first or month-first is settled
    for the whole column by which parses more cells (a 13th day only fits one), then by which
    keeps the rows in order, then day-first. A zone suffix is dropped: callers know whether
    a column is UTC (Strava) or local (everyone else). Unreadable cells are NaT, and so are
    impossible clock times ("25:61") and days outside plausible.FIRST_YEAR..LAST_YEAR (from
    FIRST_HAND_YEAR `by_hand`: a runner's own log of older runs).
    """
    if values is None:
        return None
    parts = _stamp_parts(values)
    layout = _date_layout(parts["date"])
    if layout is None:
        return pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    days = pd.to_datetime(parts["date"], format=layout, errors="coerce")
    hour = parts["hour"].astype("float64").fillna(0)
    half = parts["half"]
    hour = hour.where(half.isna() | (hour != 12), 0)  # 12:xx AM is just after midnight
    hour = hour.where(half.ne("pm").fillna(True), hour + 12)
    minute = parts["minute"].astype("float64").fillna(0)
    second = parts["second"].astype("float64").fillna(0)
    clock_s = hour * 3600 + minute * 60 + second
    # "25:61" is no time of day (it is not the next day's 02:01), and a day outside the years
    # runs are dated in (year 1, 9999) is no day: both unreadable, not a failure of the file
    is_clock = (hour < 24) & (minute < 60) & (second <= 60)
    first_year = plausible.FIRST_HAND_YEAR if by_hand else plausible.FIRST_YEAR
    is_dated = days.dt.year.between(first_year, plausible.LAST_YEAR)
    days = days.where(is_clock & is_dated)
    return (days + pd.to_timedelta(clock_s, unit="s")).astype("datetime64[ns]")


def has_clock_time(values: pd.Series) -> pd.Series:
    """Whether each date cell also gives a time of day."""
    parts = _stamp_parts(values)
    return parts["hour"].notna()


def surfaces_of(
    kind: pd.Series, title: pd.Series, is_indoor: np.ndarray | None = None
) -> pd.Series:
    """classify.surface_of for each row from its type and title (each distinct pair once)."""
    indoor = np.zeros(len(kind), dtype=bool) if is_indoor is None else is_indoor
    kinds = kind.astype(object).where(kind.notna(), None).tolist()
    titles = title.astype(object).where(title.notna(), None).tolist()
    known: dict[tuple, str] = {}
    surfaces = []
    for key in zip(kinds, titles, indoor.tolist(), strict=True):
        if key not in known:
            known[key] = surface_of(sub_sport=key[0], words=(key[1],), is_indoor=key[2])
        surfaces.append(known[key])
    return pd.Series(surfaces, index=kind.index, dtype="string")


# --- records -------------------------------------------------------------------------------


def records_of(frame: pd.DataFrame) -> RecordTable:
    """The records of a frame of activity fields, one per row, kept as the frame."""
    return RecordTable(frame)


def unrecognised(reason: str) -> UnrecognisedFile:
    """A BadFile for a table that is not a running log: passed over inside exports."""
    return UnrecognisedFile(reason)


def listed(header: tuple[str, ...], most: int = 8) -> str:
    """Header cells for a message: 'Date, Km, Notes' (and how many more)."""
    shown = [cell for cell in header if cell][:most]
    more = len([cell for cell in header if cell]) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
