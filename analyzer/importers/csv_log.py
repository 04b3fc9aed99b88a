"""A training log a runner keeps by hand in a spreadsheet, saved as CSV: one row per run.

Columns are found by header name, in any order, any case, in English, German, French,
Spanish, Italian, Dutch, Danish, Swedish, Norwegian or Portuguese; `_`, `-`,
brackets and dots in a header count as spaces, so `distance_km`, `Distance (km)` and
`Distanz in km` all name a distance in kilometres. Only a date and a distance are required.

The header names of each column, in the ten languages, are HEADER_NAMES below (the README
shows them as a table): date (required), time of day, distance (required), duration,
moving time, elapsed time, cadence, average heart rate, ascent, surface, treadmill, shoe,
notes, athlete, type and title.

What the cells may hold:
  - date: 2024-05-01, 01.05.2024, 01.05.24, 01/05/2024, 05/01/2024, May 1 2024, with or
    without a time after it (07:30, 7:30 pm).
  - distance: a number in the header's unit (distance_km, Distance (mi), Distanz in km,
    distance_m), or with the unit in the cell ("5 km", "3.1 mi", "5000 m"); 10.2 or 10,2.
  - duration: 1:05:11, 45:30 (minutes and seconds), or a number in the header's unit
    (duration_min, time (s), dauer h).
  - cadence: steps per minute; under 120 on a run it counts one foot and is doubled.
  - ascent: metres, or feet when the header says ft.
  - surface: road, trail, track, treadmill, grass, sand, or a synonym (asphalt, street,
    dirt, gravel, forest, tartan, indoor, beach, Straße, Wald, Laufband ...).
  - treadmill: true/false, yes/no, 1/0, x.
  - notes: free text; knee-pain notes are read from here.
  - athlete: a name; one file may hold several runners.
  - type: Run, Trail Run, Walk, Laufen ...; running when the column is absent.

Choices a runner would expect:
  - Day-first or month-first (01/05/2024) is settled for the whole file: a day above 12
    decides; else the reading that keeps the rows in date order; else day-first.
  - A distance with no unit anywhere is km, or metres when the median value is 200 or more.
    A duration that is a plain number with no unit is minutes up to a median of 600, else
    seconds.
  - A row with only a date is a day: it gets start_time_local at noon and date_only, since
    noon stays on the same calendar day in every time zone runlog may later apply
    (UTC-11 to UTC+12), so the run is never counted on the day before or after.
  - A row with neither a distance nor a duration is not a run; its note is kept as a note of
    that day (a rest day with "knee sore" still counts for the knee-pain checks).
  - A type that names no sport but is written as a training abbreviation (LaD, LoD, WK,
    TDL, GA1: two capitals or more) is a run: hand logs label their runs by workout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np
import pandas as pd

from analyzer.classify import sport_of, surface_from_words
from analyzer.errors import BadFile, FileErrorKind
from analyzer.importers import csv_common as common
from analyzer.importers.base import Imported, Problem
from analyzer.units import METRES_PER_FOOT, METRES_PER_MILE, steps_per_min

FORMAT = "csv"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 10
LABELLED = True
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = ""
DEVICE = "training log"
METRES_FROM_MEDIAN = 200.0  # a unitless distance column with this median is in metres
SECONDS_FROM_MEDIAN = 600.0  # a unitless duration column above this median is in seconds
NOON_S = 12 * 3600

# Header names in the ten languages runlog reads notes in (en, de, fr, es, it, nl, da, sv,
# no, pt). Date headers, most telling first: with several (a 'Date' and a 'Day' of the week),
# the earliest in this list is the date.
_DATE = (
    "date", "datum", "fecha", "data", "dato", "datetime", "date time", "date and time",
    "timestamp", "start date", "startdatum", "date of run", "started", "when", "day", "jour",
    "día", "dia", "giorno", "dag",
)  # fmt: skip
_TIME_OF_DAY = frozenset(
    {"start time", "time of day", "uhrzeit", "startzeit", "hora", "start", "heure",
     "heure de début", "hora de inicio", "ora", "orario", "tijdstip", "starttijd", "klokkeslæt",
     "klockslag", "klokkeslett", "starttid", "horário"}
)  # fmt: skip
_DISTANCE_WORDS = frozenset(
    {"distance", "dist", "distanz", "strecke", "entfernung", "distancia", "länge", "distanza",
     "afstand", "distans", "sträcka", "längd", "distanse", "lengde", "distância"}
)  # fmt: skip
_UNIT_NAMES = {
    "km": 1000.0, "kms": 1000.0, "k": 1000.0, "kilometer": 1000.0, "kilometers": 1000.0,
    "kilometre": 1000.0, "kilometres": 1000.0, "kilomètres": 1000.0, "kilómetros": 1000.0,
    "chilometri": 1000.0, "quilômetros": 1000.0, "quilometros": 1000.0,
    "mi": METRES_PER_MILE, "mile": METRES_PER_MILE, "miles": METRES_PER_MILE,
    "meilen": METRES_PER_MILE,
    "m": 1.0, "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0, "mètres": 1.0,
    "metros": 1.0, "metri": 1.0,
}  # fmt: skip
_NOT_DISTANCE = frozenset(
    {"pace", "tempo", "speed", "geschwindigkeit", "elevation", "ascent", "per", "avg", "h",
     "allure", "ritmo", "passo", "snelheid", "fart", "vitesse", "velocidad", "velocità"}
)  # fmt: skip
# "tempo" is time in Italian and Portuguese but pace in German and the Nordic languages: left out.
_DURATION_WORDS = frozenset(
    {"duration", "time", "zeit", "dauer", "laufzeit", "tiempo", "duración", "duracion",
     "moving", "elapsed", "minutes", "mins", "minuten", "total time", "gesamtzeit", "durée",
     "temps", "durata", "tijd", "duur", "tid", "varighed", "varaktighet", "varighet",
     "duração", "duracao", "minutos", "minuti", "minutter", "minuter"}
)  # fmt: skip
_DURATION_UNITS = {
    "min": 60.0, "mins": 60.0, "minutes": 60.0, "minuten": 60.0, "minutos": 60.0,
    "minuti": 60.0, "minutter": 60.0, "minuter": 60.0,
    "s": 1.0, "sec": 1.0, "secs": 1.0, "seconds": 1.0, "sekunden": 1.0, "secondes": 1.0,
    "segundos": 1.0, "secondi": 1.0, "seconden": 1.0, "sekunder": 1.0,
    "h": 3600.0, "hours": 3600.0, "stunden": 3600.0, "std": 3600.0, "heures": 3600.0,
    "horas": 3600.0, "ore": 3600.0, "uur": 3600.0, "timer": 3600.0, "timmar": 3600.0,
}  # fmt: skip
_CADENCE = frozenset(
    {"cadence", "spm", "cad", "kadenz", "schrittfrequenz", "cadencia", "cadenza", "cadans",
     "kadence", "skridtfrekvens", "kadens", "stegfrekvens", "cadência"}
)  # fmt: skip
_HEART_RATE = frozenset(
    {"avg hr", "hr", "heart rate", "average heart rate", "avg heart rate", "hf", "hfavg",
     "hf avg", "ø hf", "avg hr bpm", "hr avg", "heartrate", "puls", "pulse", "bpm", "avg bpm",
     "herzfrequenz", "durchschnittspuls", "fc", "fc moy", "fc moyenne", "fréquence cardiaque",
     "pouls", "fc media", "frecuencia cardiaca", "pulso", "pulsaciones", "frequenza cardiaca",
     "battiti", "hartslag", "hs", "gem hartslag", "gns puls", "medelpuls", "snittpuls",
     "fc média", "frequência cardíaca", "batimentos"}
)  # fmt: skip
_ASCENT = frozenset(
    {"ascent", "climb", "elevation gain", "elev gain", "höhenmeter", "hm", "anstieg", "aufstieg",
     "desnivel", "dénivelé", "d+", "dénivelé positif", "desnivel positivo", "dislivello",
     "hoogtemeters", "højdemeter", "höjdmeter", "høydemeter", "stigning", "ganho de elevação",
     "elevação"}
)  # fmt: skip
_SURFACE = frozenset(
    {"surface", "terrain", "untergrund", "belag", "boden", "superficie", "terreno", "fondo",
     "ondergrond", "underlag", "superfície", "piso"}
)  # fmt: skip
_TREADMILL = frozenset(
    {"treadmill", "indoor", "laufband", "tapis", "tapis de course", "cinta", "tapis roulant",
     "loopband", "løbebånd", "löpband", "tredemølle", "esteira"}
)  # fmt: skip
_SHOE = frozenset(
    {"shoe", "shoes", "gear", "schuh", "schuhe", "equipment", "shoe name", "chaussures",
     "chaussure", "zapatillas", "zapatilla", "scarpe", "scarpa", "schoenen", "schoen", "sko",
     "skor", "tênis", "tenis", "calçado"}
)  # fmt: skip
_NOTES = frozenset(
    {"notes", "note", "comment", "comments", "description", "remarks", "notiz", "notizen",
     "bemerkung", "bemerkungen", "kommentar", "journal", "notas", "commentaire", "commentaires",
     "remarques", "comentarios", "observaciones", "commenti", "notities", "opmerkingen",
     "opmerking", "noter", "bemærkninger", "anteckningar", "notater", "merknader",
     "observações", "comentários"}
)  # fmt: skip
_ATHLETE = frozenset(
    {"athlete", "runner", "athlet", "läufer", "laeufer", "sportler", "atleta", "athlète",
     "coureur", "coureuse", "corredor", "corridore", "atleet", "loper", "atlet", "løber",
     "löpare", "utøver", "løper"}
)  # fmt: skip
_TYPE = frozenset(
    {"type", "sport", "activity", "activity type", "art", "sportart", "typ", "kind", "tipo",
     "trainingsart", "activité", "actividad", "deporte", "attività", "soort", "activiteit",
     "aktivitet", "atividade", "modalidade"}
)  # fmt: skip
_TITLE = frozenset(
    {"name", "title", "titel", "bezeichnung", "workout", "nombre", "route name", "nom",
     "titre", "séance", "título", "sesión", "nome", "titolo", "allenamento", "naam", "navn",
     "namn", "pass", "tittel", "økt", "treino"}
)  # fmt: skip

# Each column's header names as the README's table lists them (moving and elapsed time are
# "moving time" and "elapsed time", else the duration).
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "date (required)": _DATE,
    "time of day": tuple(sorted(_TIME_OF_DAY)),
    "distance (required)": (*sorted(_DISTANCE_WORDS), "km", "miles", "mi"),
    "duration": tuple(sorted(_DURATION_WORDS - {"moving", "elapsed"})),
    "cadence": tuple(sorted(_CADENCE)),
    "average heart rate": tuple(sorted(_HEART_RATE)),
    "ascent": tuple(sorted(_ASCENT)),
    "surface": tuple(sorted(_SURFACE)),
    "treadmill": tuple(sorted(_TREADMILL)),
    "shoe": tuple(sorted(_SHOE)),
    "notes": tuple(sorted(_NOTES)),
    "athlete": tuple(sorted(_ATHLETE)),
    "type": tuple(sorted(_TYPE)),
    "title": tuple(sorted(_TITLE)),
}

# The surface column's words beyond those classify.surface_from_words knows.
_SURFACE_SYNONYMS = {
    "road": ("asphalt", "tarmac", "pavement", "paved", "concrete", "street", "straße", "strasse"),
    "trail": ("dirt", "gravel", "forest", "wald", "offroad", "schotter", "woods", "mud", "trails"),
    "track": ("tartan", "stadium", "oval", "bahn"),
    "treadmill": ("indoor", "laufband", "tm", "gym"),
    "grass": ("wiese", "lawn", "meadow", "rasen"),
    "sand": ("beach", "strand", "dune"),
}
_SURFACE_OF_WORD = {
    word: surface for surface, words in _SURFACE_SYNONYMS.items() for word in (surface, *words)
}
_CELL_UNIT = re.compile(r"^\s*([-+]?[\d.,\s]*\d)\s*([a-zA-Z]+)\.?\s*$")
# Abbreviations that are workouts but not runs.
_NOT_RUN_CODES = frozenset({"hiit", "gym", "mtb", "sup", "bjj", "ems", "off", "rest"})
_TRAINING_CODE = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z][A-Za-z0-9]{1,3}$")


@dataclass(frozen=True)
class _Columns:
    """Where each role sits in the table (None when absent), and the units headers state."""

    date: int
    distance: int
    distance_unit_m: float | None
    time_of_day: int | None = None
    duration: int | None = None
    duration_unit_s: float | None = None
    moving: int | None = None
    elapsed: int | None = None
    cadence: int | None = None
    heart_rate: int | None = None
    ascent: int | None = None
    ascent_unit_m: float = 1.0
    surface: int | None = None
    treadmill: int | None = None
    shoe: int | None = None
    notes: int | None = None
    athlete: int | None = None
    kind: int | None = None
    title: int | None = None


def normal_name(name: str) -> str:
    """A cleaned header as roles match it: `_ - ( ) [ ] / . :` are spaces ('distance km')."""
    return " ".join(re.sub(r"[_\-()\[\]/.:,#]+", " ", name).split())


def sniff(head: bytes) -> bool:
    """Whether the first bytes are a table with a header row.

    This is the catch-all for CSV, tried after the exports with their own layout: a table
    without a date and a distance column is refused in read() with that reason, which tells
    the runner more than "does not look like CSV". An empty file is claimed so that it is
    reported as empty.
    """
    if not head.strip():
        return True  # read() then says the file is empty
    names = common.head_names(head)
    return len([name for name in names if name]) >= 2


def read(stream: BinaryIO) -> Imported:
    """One record per run in the training log in `stream`, and the notes of rest days."""
    table = common.read_table(stream.read())
    columns = _columns(table)
    if table.length == 0:
        return Imported()
    start_local, date_only, no_time = _starts(table, columns)
    dated = start_local.notna().to_numpy()
    if not dated.any():
        example = common.cells(table, columns.date).dropna()
        shown = f" (first: {example.iloc[0]!r})" if len(example) else ""
        raise BadFile(
            f"none of its {table.length:,} rows has a date runlog can read{shown}; "
            "write dates like 2024-05-01 or 01.05.2024",
            FileErrorKind.UNREADABLE_DATE,
        )
    frame = _fields(table, columns, start_local, date_only)
    is_run = (
        (frame["distance_m"].fillna(0) > 0)
        | (frame["moving_s"].fillna(0) > 0)
        | (frame["elapsed_s"].fillna(0) > 0)
    ).to_numpy()
    notes = [
        {"local_date": row.start_time_local.date(), "text": row.notes}
        | ({"athlete": row.athlete} if isinstance(getattr(row, "athlete", None), str) else {})
        for row in frame[dated & ~is_run].itertuples()
        if isinstance(row.notes, str) and row.notes.strip()
    ]
    problems = []
    if not dated.all():
        undated = common.cells(table, columns.date)[~dated].dropna()
        shown = f" (first: {undated.iloc[0]!r})" if len(undated) else ""
        problems.append(
            Problem(
                f"left out {int((~dated).sum()):,} of {table.length:,} rows whose date is "
                f"missing or unreadable{shown}",
                FileErrorKind.UNREADABLE_DATE,
            )
        )
    if len(no_time):
        problems.append(
            Problem(
                f"read {len(no_time):,} rows whose time of day is no time as their day's runs "
                f"(first: {no_time.iloc[0]!r})"
            )
        )
    return Imported(
        records=common.records_of(frame[dated & is_run]), notes=notes, problems=problems
    )


def _columns(table: common.Table) -> _Columns:
    """Each role's column; BadFile (passed over inside exports) without a date or distance."""
    names = [normal_name(name) for name in table.names]
    roles: dict[str, int] = {}
    units: dict[str, float | None] = {}
    dates: list[tuple[int, int]] = []  # (rank in _DATE, position)

    def claim(role: str, index: int) -> None:
        roles.setdefault(role, index)

    for index, name in enumerate(names):
        tokens = name.split()
        if not tokens:
            continue
        if name in _DATE:
            dates.append((_DATE.index(name), index))
        elif name in _TIME_OF_DAY:
            claim("time_of_day", index)
        elif _is_distance(tokens) and "distance" not in roles:
            claim("distance", index)
            units["distance"] = _unit_in(tokens, _UNIT_NAMES)
        elif tokens[0] in _DURATION_WORDS or name in _DURATION_WORDS:
            role = {"moving": "moving", "elapsed": "elapsed"}.get(tokens[0], "duration")
            claim(role, index)
            units.setdefault(role, _unit_in(tokens[1:], _DURATION_UNITS))
        elif set(tokens) & _CADENCE:
            claim("cadence", index)
        elif name in _HEART_RATE or name.removesuffix(" bpm") in _HEART_RATE:
            claim("heart_rate", index)
        elif name in _ASCENT or tokens[0] in _ASCENT:
            claim("ascent", index)
            units["ascent"] = METRES_PER_FOOT if "ft" in tokens or "feet" in tokens else 1.0
        elif name in _SURFACE:
            claim("surface", index)
        elif name in _TREADMILL:
            claim("treadmill", index)
        elif name in _SHOE:
            claim("shoe", index)
        elif name in _NOTES:
            claim("notes", index)
        elif name in _ATHLETE:
            claim("athlete", index)
        elif name in _TYPE:
            claim("kind", index)
        elif name in _TITLE:
            claim("title", index)
    if dates:
        roles["date"] = min(dates)[1]
    # 'Start' alone may be the date and time column of a log with no other date column.
    elif "time_of_day" in roles:
        roles["date"] = roles.pop("time_of_day")
    lacking = [role for role in ("date", "distance") if role not in roles]
    if lacking:
        found = f" (it has no {lacking[0]} column)" if len(lacking) == 1 else ""
        raise common.unrecognised(
            f"a CSV with columns {common.listed(table.header)}: runlog needs at least a date and "
            f"a distance column{found}; see the README's table of accepted headers"
        )
    moving_unit = units.get("moving") or units.get("duration")
    return _Columns(
        date=roles["date"],
        distance=roles["distance"],
        distance_unit_m=units.get("distance"),
        time_of_day=roles.get("time_of_day"),
        duration=roles.get("duration"),
        duration_unit_s=units.get("duration") or moving_unit,
        moving=roles.get("moving"),
        elapsed=roles.get("elapsed"),
        cadence=roles.get("cadence"),
        heart_rate=roles.get("heart_rate"),
        ascent=roles.get("ascent"),
        ascent_unit_m=units.get("ascent") or 1.0,
        surface=roles.get("surface"),
        treadmill=roles.get("treadmill"),
        shoe=roles.get("shoe"),
        notes=roles.get("notes"),
        athlete=roles.get("athlete"),
        kind=roles.get("kind"),
        title=roles.get("title"),
    )


def _is_distance(tokens: list[str]) -> bool:
    if set(tokens) & _NOT_DISTANCE:
        return False
    return bool(set(tokens) & _DISTANCE_WORDS) or " ".join(tokens) in _UNIT_NAMES


def _unit_in(tokens: list[str], units: dict[str, float]) -> float | None:
    for token in tokens:
        if token in units:
            return units[token]
    return None


def _starts(table: common.Table, columns: _Columns) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Local start of each row, whether it is a date only (then at noon; see above), and the
    time-of-day cells that are no time ("25:61": the row is then its day's run)."""
    date_cells = common.cells(table, columns.date)
    day = common.to_datetime(date_cells, by_hand=True)  # a runner's own table
    has_time = common.has_clock_time(date_cells).to_numpy()
    clock_s = pd.Series(np.nan, index=day.index)
    no_time = pd.Series(dtype="string")
    if columns.time_of_day is not None:
        times = common.cells(table, columns.time_of_day)
        on_day = common.to_datetime("2000-01-01 " + times)
        clock_s = (on_day - pd.Timestamp("2000-01-01")).dt.total_seconds()
        no_time = times[times.str.strip().ne("").fillna(False) & clock_s.isna() & day.notna()]
    date_only = pd.Series(~has_time & clock_s.isna().to_numpy(), index=day.index)
    start = day + pd.to_timedelta(clock_s.fillna(0), unit="s")
    start = start.mask(date_only, day + pd.Timedelta(seconds=NOON_S))
    return start, date_only, no_time


def _fields(
    table: common.Table, columns: _Columns, start_local: pd.Series, date_only: pd.Series
) -> pd.DataFrame:
    length = table.length

    def words(position: int | None) -> pd.Series:
        if position is None:
            return common.missing(length, "string")
        return common.cells(table, position)

    # Spreadsheets save with semicolons where the comma is the decimal mark (de, fr, es ...).
    decimal_comma = table.delimiter == ";"

    def number(position: int | None) -> pd.Series:
        if position is None:
            return common.missing(length)
        return common.to_number(common.cells(table, position), decimal_comma=decimal_comma)

    kind = words(columns.kind)
    sport = _sport(kind)
    title = words(columns.title)
    distance_m = _distance_m(
        common.cells(table, columns.distance), columns.distance_unit_m, decimal_comma
    )
    duration_s = _seconds(words(columns.duration), columns.duration_unit_s)
    moving_s = common.first_present(
        _seconds(words(columns.moving), columns.duration_unit_s), duration_s
    )
    elapsed_s = common.first_present(
        _seconds(words(columns.elapsed), columns.duration_unit_s), duration_s, moving_s
    )
    written_spm = number(columns.cadence)
    cadence_spm = steps_per_min(written_spm.where(written_spm > 0), sport)
    frame = pd.DataFrame(
        {
            "start_time_utc": pd.Series(pd.NaT, index=kind.index, dtype="datetime64[ns, UTC]"),
            "start_time_local": start_local,
            "date_only": date_only,
            "sport": sport,
            "sub_sport": kind.str.lower(),
            "surface": _surface(words(columns.surface), words(columns.treadmill), kind, title),
            "distance_m": distance_m,
            "elapsed_s": elapsed_s,
            "moving_s": moving_s,
            "ascent_m": number(columns.ascent) * columns.ascent_unit_m,
            "avg_speed_mps": distance_m / moving_s.where(moving_s > 0),
            "avg_cadence_spm": cadence_spm,
            "avg_hr_bpm": number(columns.heart_rate),
            "shoe": words(columns.shoe),
            "name": title,
            "notes": words(columns.notes),
            "device": DEVICE,
        }
    )
    if columns.athlete is not None:
        frame["athlete"] = words(columns.athlete)
    return frame


def _sport(kind: pd.Series) -> pd.Series:
    """running unless the type names another sport; training codes (LaD, WK) are runs."""
    by_kind = {}
    for value in kind.dropna().unique():
        sport = sport_of(value)
        if (
            sport == "other"
            and _TRAINING_CODE.match(str(value))
            and str(value).lower() not in _NOT_RUN_CODES
        ):
            sport = "running"
        by_kind[value] = sport
    return kind.map(by_kind, na_action="ignore").astype("string").fillna("running")


def _distance_m(cells: pd.Series, header_unit_m: float | None, decimal_comma: bool) -> pd.Series:
    """Metres from the distance cells, each in its own unit ("5 km") or the header's."""
    with_unit = cells.str.extract(_CELL_UNIT)
    cell_unit_m = with_unit[1].str.lower().map(_UNIT_NAMES).astype("float64")
    has_cell_unit = cell_unit_m.notna()
    amount = common.to_number(
        cells.where(~has_cell_unit, with_unit[0]), decimal_comma=decimal_comma
    )
    unit_m = header_unit_m
    if unit_m is None:
        plain = amount[~has_cell_unit & (amount > 0)]
        unit_m = 1.0 if len(plain) and plain.median() >= METRES_FROM_MEDIAN else 1000.0
    return amount * cell_unit_m.fillna(unit_m)


def _seconds(cells: pd.Series, unit_s: float | None) -> pd.Series:
    """Seconds from duration cells: clock times as such, plain numbers in the header's unit."""
    if cells.isna().all():
        return common.missing(len(cells))
    if unit_s is None:
        plain = common.to_number(cells.where(~cells.str.contains(":", regex=False).fillna(False)))
        plain = plain[plain > 0]
        unit_s = 1.0 if len(plain) and plain.median() > SECONDS_FROM_MEDIAN else 60.0
    return common.to_seconds(cells, plain_unit_s=unit_s)


def _surface(
    surface_cells: pd.Series, treadmill_cells: pd.Series, kind: pd.Series, title: pd.Series
) -> pd.Series:
    """The surface column's word, else a treadmill flag, else the type's and title's words."""
    named = surface_cells.str.lower().str.strip().map(_surface_word, na_action="ignore")
    named = named.astype("string")
    indoor = common.to_bool(treadmill_cells).fillna(False).to_numpy()
    by_words = common.surfaces_of(kind, title, indoor)
    return named.fillna(by_words).astype("string")


def _surface_word(word: str) -> str | None:
    if word in _SURFACE_OF_WORD:
        return _SURFACE_OF_WORD[word]
    surface = surface_from_words(word)
    if surface != "unknown":
        return surface
    return next((value for key, value in _SURFACE_OF_WORD.items() if key in word.split()), None)
