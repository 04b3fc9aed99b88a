"""Strava's bulk-export `activities.csv`: one row per activity, uploads and manual entries.

The traps [docs/FORMATS.md §4.2, §7.2, §7.3]:
  - Five names repeat. The first `Distance` is in the athlete's display unit (km or miles),
    the second is metres; the first `Elapsed Time` is whole seconds. Columns are found by
    cleaned name and copy number, never by position, and headers may carry HTML
    (`<span class="translation_missing" ...>Type</span>`) or be German or Spanish.
  - `Activity Date` is UTC ("May 29, 2022, 3:53:35 PM"; German exports write day first).
  - `Average Cadence` counts one foot (steps/min is twice it), unless the watch that sent
    the run wrote steps/min: the cadence policy decides by its size (units.steps_per_min).
  - `Activity Gear` is blank when the gear has no nickname; then `Bike` or `Gear` holds a
    numeric id, kept as "gear 8939781" so the runs on one shoe still add up.
  - Manual entries have no `Filename`; they are still activities (a race typed in later).
When only one `Distance` column exists its unit is unknown here (it lives in
general_preferences.csv); distance / time against `Average Speed` (m/s) settles it, and
without a speed km is assumed.
"""

from __future__ import annotations

from typing import BinaryIO

import numpy as np
import pandas as pd

from analyzer.classify import sport_of
from analyzer.errors import BadFile, FileErrorKind
from analyzer.importers import csv_common as common
from analyzer.importers.base import Imported, Problem
from analyzer.units import FOOT_SPORTS, METRES_PER_MILE, steps_per_min

FORMAT = "strava_csv"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 6
LABELLED = True
EXPORT_INDEX_NAMES: tuple[str, ...] = ("activities.csv",)
ID_PREFIX = "strava-"
DEVICE = "Strava"
DIRT_SHARE_FOR_TRAIL = 0.5  # Dirt Distance is unpaved metres: half the run off road is a trail run

# Cleaned header names: English, German [GAP strava-csv-mapping.json], Spanish (only the
# first five are seen in a fixture; the rest follow Strava's Spanish wording, unverified).
_ID = ("activity id", "aktivitäts-id", "id de actividad")
_DATE = ("activity date", "aktivitätsdatum", "fecha de la actividad")
_NAME = ("activity name", "name der aktivität", "nombre de la actividad")
_TYPE = ("activity type", "aktivitätsart", "tipo de actividad")
_FILENAME = ("filename", "dateiname", "nombre del archivo")
_DESCRIPTION = ("activity description", "aktivitätsbeschreibung", "descripción de la actividad")
_PRIVATE_NOTE = (
    "activity private note",
    "hinweis zur privatsphäre für aktivitäten",
    "nota privada de la actividad",
)
_GEAR_NAME = ("activity gear", "aktivitätsausrüstung", "equipo de la actividad")
_BIKE_ID = ("bike", "fahrrad", "bicicleta")
_GEAR_ID = ("gear", "ausrüstung", "equipo")
_DISTANCE = ("distance", "distanz", "distancia")
_ELAPSED = ("elapsed time", "verstrichene zeit", "tiempo transcurrido")
_MOVING = ("moving time", "bewegungszeit", "tiempo en movimiento")
_SPEED = ("average speed", "durchschnittliche geschwindigkeit", "velocidad media")
_ASCENT = ("elevation gain", "höhenzunahme", "desnivel positivo")
_DESCENT = ("elevation loss", "höhenunterschied", "desnivel negativo")
_CADENCE = ("average cadence", "durchschnittliche trittfrequenz", "cadencia media")
_STEPS = ("total steps", "schritte insgesamt", "pasos totales")
_HEART_RATE = ("average heart rate", "durchschnittliche herzfrequenz", "frecuencia cardiaca media")
_DIRT = ("dirt distance", "auf schotter zurückgelegte distanz", "distancia en tierra")
_LOCALISED = frozenset({*_ID[1:], *_DATE[1:]})  # these exports write decimal commas


def sniff(head: bytes) -> bool:
    """Whether the first bytes are the header of a Strava activities.csv."""
    return is_strava_header(common.head_names(head))


def is_strava_header(names: tuple[str, ...]) -> bool:
    """An id and a date column by Strava's names, or the export's Filename beside Distance."""
    present = set(names)
    for id_name, date_name in zip(_ID, _DATE, strict=True):
        if id_name in present and date_name in present:
            return True
    return bool(present & set(_FILENAME)) and bool(present & set(_DISTANCE))


def read(stream: BinaryIO) -> Imported:
    """One record per row of the activities.csv in `stream`."""
    table = common.read_table(stream.read())
    dates = common.text(table, *_DATE)
    if dates is None:
        raise BadFile(
            "has no Activity Date column, so it is not a Strava activities.csv",
            FileErrorKind.NOT_THIS_FORMAT,
        )
    if table.length == 0:
        return Imported()
    decimal_comma = bool(_LOCALISED & set(table.names))
    start_local = common.to_datetime(dates)
    dated = start_local.notna()
    problems = []
    if not dated.any():
        example = dates.dropna()
        shown = f" (first: {example.iloc[0]!r})" if len(example) else ""
        raise BadFile(
            f"none of its {table.length:,} rows has an Activity Date runlog can read{shown}",
            FileErrorKind.UNREADABLE_DATE,
        )
    if not dated.all():
        skipped = int((~dated).sum())
        problems.append(
            Problem(
                f"left out {skipped:,} of {table.length:,} rows whose Activity Date is "
                "missing or unreadable",
                FileErrorKind.UNREADABLE_DATE,
            )
        )
    frame = _fields(table, start_local, decimal_comma)
    return Imported(records=common.records_of(frame[dated.to_numpy()]), problems=problems)


def _number(table: common.Table, names: tuple[str, ...], decimal_comma: bool, copy: int = 0):
    return common.to_number(
        common.text(table, *names, occurrence=copy), decimal_comma=decimal_comma
    )


def _fields(table: common.Table, start_local: pd.Series, decimal_comma: bool) -> pd.DataFrame:
    length = table.length

    def number(names: tuple[str, ...], copy: int = 0) -> pd.Series:
        found = _number(table, names, decimal_comma, copy)
        return found if found is not None else common.missing(length)

    def words(*names: str) -> pd.Series:
        found = common.text(table, *names)
        return found if found is not None else common.missing(length, "string")

    kind = words(*_TYPE)
    sport = kind.map(_sport_by_type(kind), na_action="ignore").astype("string").fillna("other")
    elapsed_s = common.first_present(number(_ELAPSED, 0), number(_ELAPSED, 1))
    moving_s = common.first_present(number(_MOVING), elapsed_s)
    distance_m = _distance_m(table, decimal_comma, moving_s, number(_SPEED))
    name = words(*_NAME)
    activity_id = words(*_ID)
    dirt_m = number(_DIRT)
    cadence_spm = _cadence_spm(number(_CADENCE), number(_STEPS), moving_s, sport)
    frame = pd.DataFrame(
        {
            "activity_id": (ID_PREFIX + activity_id.str.replace(r"\.0$", "", regex=True)),
            "start_time_utc": start_local.dt.tz_localize("UTC"),
            "sport": sport,
            "sub_sport": kind.str.lower(),
            "surface": _surface(kind, name, distance_m, dirt_m),
            "distance_m": distance_m,
            "elapsed_s": elapsed_s,
            "moving_s": moving_s,
            "ascent_m": number(_ASCENT),
            "descent_m": number(_DESCENT),
            "avg_speed_mps": (distance_m / moving_s.where(moving_s > 0)),
            "avg_cadence_spm": cadence_spm,
            "cadence_is_derived": cadence_spm.notna() & ~(number(_CADENCE) > 0),
            "avg_hr_bpm": number(_HEART_RATE),
            "shoe": _shoe(table),
            "name": name,
            "notes": _notes(words(*_DESCRIPTION), words(*_PRIVATE_NOTE)),
            "device": DEVICE,
            "linked_file": words(*_FILENAME),
        }
    )
    return frame


def _sport_by_type(kind: pd.Series) -> dict[str, str]:
    """The sport of each distinct Activity Type ('Trail Run' -> running)."""
    return {value: sport_of(value) for value in kind.dropna().unique()}


def _distance_m(
    table: common.Table, decimal_comma: bool, moving_s: pd.Series, speed_mps: pd.Series
) -> pd.Series:
    """Metres from the second Distance column; else the first, in the unit its speed says."""
    shown = _number(table, _DISTANCE, decimal_comma)
    if shown is None:
        return common.missing(table.length)
    from_shown_m = shown * _unit_m(shown, speed_mps * moving_s)
    if len(common.positions(table, *_DISTANCE)) < 2:
        return from_shown_m
    return _number(table, _DISTANCE, decimal_comma, copy=1).fillna(from_shown_m)


def _unit_m(shown: pd.Series, speed_distance_m: pd.Series) -> float:
    """Metres per unit of a display distance: the unit (m, km, mile) its speed × time fits."""
    usable = (shown > 0) & (speed_distance_m > 0)
    if not usable.any():
        return 1000.0
    ratio = float(np.median(speed_distance_m[usable] / shown[usable]))
    units = (1.0, 1000.0, METRES_PER_MILE)
    return min(units, key=lambda unit: abs(np.log(ratio / unit)))


def _surface(
    kind: pd.Series, name: pd.Series, distance_m: pd.Series, dirt_m: pd.Series
) -> pd.Series:
    by_words = common.surfaces_of(kind, name)
    mostly_dirt = (dirt_m >= DIRT_SHARE_FOR_TRAIL * distance_m) & (distance_m > 0)
    return by_words.mask(mostly_dirt & ~by_words.isin(["treadmill", "track"]), "trail")


def _cadence_spm(
    written: pd.Series, steps: pd.Series, moving_s: pd.Series, sport: pd.Series
) -> pd.Series:
    """Steps/min on foot: Strava's cadence (one foot, unless a watch that writes steps/min
    sent it: units.steps_per_min decides by its size), else total steps over moving time."""
    from_steps_spm = common.cadence_from_steps_spm(steps, moving_s)
    both_feet_spm = steps_per_min(written.where(written > 0), sport).fillna(from_steps_spm)
    return both_feet_spm.where(sport.isin(FOOT_SPORTS).to_numpy())


def _shoe(table: common.Table) -> pd.Series:
    """The gear's name, else its numeric id as 'gear 8939781' (Bike, then Gear)."""
    named = common.text(table, *_GEAR_NAME)
    ids = common.first_present(common.text(table, *_BIKE_ID), common.text(table, *_GEAR_ID))
    by_id = None
    if ids is not None:
        by_id = "gear " + ids.str.replace(r"\.0+$", "", regex=True)
    shoe = common.first_present(named, by_id)
    return shoe if shoe is not None else common.missing(table.length, "string")


def _notes(description: pd.Series, private_note: pd.Series) -> pd.Series:
    """The description and the private note, each whole, one after the other."""
    both = description.notna() & private_note.notna()
    joined = description.fillna(private_note)
    return joined.mask(both, description + "\n" + private_note)
