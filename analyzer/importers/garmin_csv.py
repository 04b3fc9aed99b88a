"""Garmin Connect's "Export CSV" of the Activities page: one row per activity, averages only.

The traps [docs/FORMATS.md §5.1, §7.3, §7.7]:
  - `Date` is local wall time with no zone: it goes to start_time_local, and the loader
    finds the zone (start_time_utc stays NaT).
  - Numbers are quoted strings with thousands separators ("1,067"), `--` for missing, and
    decimal commas in some locales ("10,20", "5,02"). Durations are H:MM:SS or M:SS.
  - `Avg Run Cadence` (older exports: `Avg Cadence`) is already steps/min for both feet.
    kennethajensen's export has `Avg Cadence` twice; the second copy is one foot (81 beside
    164), so it is only a fallback, doubled when a run's value is under 120.
  - Exports without a cadence (or with an empty cell) may still give `Steps`: the cadence
    is then the steps over the moving time, and `cadence_is_derived` says so.
  - Old German exports put a title line ("Aktivitäten von ...") and a blank line above the
    header, start every line with a space, and write dates like "Fr, 25 Mai 2012 20:31".

Languages: Connect writes the headers and activity types in the language of its website
(`Aktivitetstype,Dato,Titel,Distance,Tid` and `Løb` in Danish, `Type d'activité,Date,Titre`
and `Course à pied` in French). runlog knows the headers of English, German, French, Spanish,
Italian, Dutch, Danish, Norwegian, Portuguese, Polish, Japanese and Chinese exports; the
type names go through classify.sport_of. Dates are ISO in current exports; older ones write
them in the language ("Fr, 25 Mai 2012 20:31", "ven., 25 mai 2012"), read with the month and
weekday names of analyzer.lexicon. A date runlog cannot read is quoted in the file's problem line.

Distance unit (km or miles follows the user's settings and is not written in the file):
  1. a header that names it ("Distance (mi)") decides;
  2. else stride length × cadence × time, which Garmin keeps in metres, against the
     distance: the ratio is near 1,000 for km and 1,609 for miles (kennethajensen: 1,610);
  3. else a translated header (German, French, Spanish, ...: metric countries) says km;
  4. else the median running pace: slower than 7:30 per unit is read as min/mile, since
     few runners average slower than 7:30 min/km while 8-10 min/mile is typical (a guess);
  5. else km.
Elevation follows the same setting: feet in a file in miles (Garmin's "statute" units),
metres otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

import numpy as np
import pandas as pd

from analyzer.classify import sport_of
from analyzer.errors import BadFile, FileErrorKind
from analyzer.importers import csv_common as common
from analyzer.importers.base import Imported, Problem
from analyzer.units import FOOT_SPORTS, METRES_PER_FOOT, METRES_PER_MILE, steps_per_min

FORMAT = "garmin_csv"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 7
LABELLED = True
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = ""
DEVICE = "Garmin Connect"
METRES_PER_KM = 1000.0
SLOWEST_KM_PACE_MIN = 7.5  # median running pace per unit above this reads as per mile

# Cleaned header names in the languages of Garmin Connect's website, English first. Each
# name is one a real export writes (public importers and tests quote them; the Danish ones
# from a runner's export in issue 9); languages whose names runlog has not seen are missing.
_TYPE = (
    "activity type", "aktivitätstyp", "type d'activité", "tipo de actividad",
    "tipo di attività", "activiteittype", "aktivitetstype", "tipo de atividade",
    "typ aktywności", "アクティビティタイプ", "活动类型",
)  # fmt: skip
_DATE = ("date", "datum", "start", "dato", "fecha", "data", "日付", "日期")
_TITLE = (
    "title", "titel", "aktivitätsname", "activity name", "name", "titre", "título", "titolo",
    "tittel", "tytuł", "タイトル", "标题",
)  # fmt: skip
_DISTANCE = (
    "distance", "distanz", "distance (km)", "distance (mi)", "distanz (km)", "distancia",
    "distanza", "afstand", "distanse", "distância", "dystans", "距離", "距离",
)  # fmt: skip
_TIME = (
    "time", "zeit", "activity time", "aktivitätszeit", "durée", "tiempo", "tempo", "tijd",
    "tid", "tempo total", "czas", "タイム", "时间",
)  # fmt: skip
_MOVING = (
    "moving time", "zeit in bewegung", "bewegungszeit", "temps de déplacement",
    "tempo in movimento", "tijd bewogen", "tid i bevegelse", "tempo em movimento", "移動時間",
    "移动时间",
)  # fmt: skip
_ELAPSED = (
    "elapsed time", "verstrichene zeit", "gesamtzeit", "tempo trascorso", "verstreken tijd",
    "medgått tid", "tempo transcorrido", "経過時間", "全程耗时",
)  # fmt: skip
_ASCENT = (
    "total ascent", "elev gain", "anstieg gesamt", "positiver höhenunterschied",
    "ascension totale", "ascenso total", "ascesa totale", "totale stijging", "total stigning",
    "stigning totalt", "subida total", "総上昇量", "累计爬升",
)  # fmt: skip
_DESCENT = (
    "total descent", "elev loss", "abstieg gesamt", "negativer höhenunterschied",
    "descente totale", "descenso total", "discesa totale", "totale daling", "totalt fall",
    "descida total", "総下降量", "累计下降",
)  # fmt: skip
_HEART_RATE = (
    "avg hr", "ø hf", "ø herzfrequenz", "durchschn. hf", "fréquence cardiaque moyenne",
    "frecuencia cardiaca media", "fc media", "fc média", "gem. hs", "gjennomsnittlig puls",
    "średnie tętno", "平均心拍数", "平均心率",
)  # fmt: skip
_RUN_CADENCE = (
    "avg run cadence", "ø schrittfrequenz (laufen)", "cadence de course moyenne",
    "cadencia de carrera media", "cadenza di corsa media", "gem. loopcadans",
    "gjennomsnittlig frekvens for løping",
    "gjennomsnittlig frekvens for loping", "cadência de corrida média", "平均ピッチ", "平均步频",
)  # fmt: skip
_CADENCE = ("avg cadence", "ø schrittfrequenz", "ø trittfrequenz", "gem. cadans")
_STRIDE = (
    "avg stride length", "ø schrittlänge", "longitud media de zancada", "lunghezza media passo",
    "gem. staplengte",
    "gjennomsnittlig skrittlengde", "comprimento médio da passada", "平均歩幅", "平均步长",
)  # fmt: skip
_STEPS = ("steps", "schritte", "pas", "pasos", "passi", "stappen", "skritt", "passos")
# Columns only Garmin's activity list has: with a type and a date column they identify it.
_MARKERS = frozenset(
    {
        "avg pace", "best pace", "avg run cadence", "avg cadence", "avg hr", "aerobic te",
        "favorite", "avg stride length", "ø hf", "favorit", "aerober te",
        "ø schrittfrequenz (laufen)", "ø geschw(ø pace)", "ø pace", "training effect",
        "favori", "te aérobie", "favorito", "preferita", "te attività aerobica", "favoriet",
        "aeroob te", "favoritt", "aerob treningseffekt", "training stress score®",
        "ulubiony", "suma kalorii", "お気に入り", "我的最爱", "热量消耗",
        "te aeróbico", "ritmo medio", "gemiddeld tempo",
    }
)  # fmt: skip
# The type header of a translated export names Garmin by itself ("aktivitetstype" + "dato").
_TRANSLATED_TYPE = frozenset(_TYPE[2:])
# The language of an export, by its type header, and whether it writes decimal commas when a
# column does not show which ("4,404" steps in French and Portuguese exports, "5,02" km in
# Norwegian ones: the column's own cells decide first, see csv_common.to_number).
_LANGUAGE_OF_TYPE = {
    "activity type": "en", "aktivitätstyp": "de", "type d'activité": "fr",
    "tipo de actividad": "es", "tipo di attività": "it", "activiteittype": "nl",
    "aktivitetstype": "da/no", "tipo de atividade": "pt", "typ aktywności": "pl",
    "アクティビティタイプ": "ja", "活动类型": "zh",
}  # fmt: skip
_DECIMAL_COMMA_LANGUAGES = frozenset({"de", "es", "it", "nl", "da/no"})
_METRIC_LANGUAGES = frozenset({"de", "fr", "es", "it", "nl", "da/no", "pt", "pl", "ja", "zh"})
_MILES_LABEL = ("(mi)", "(miles)", "(meilen)")
_KM_LABEL = ("(km)",)
_EXAMPLE_MAX_CHARS = 40


def sniff(head: bytes) -> bool:
    """Whether the first bytes are the header of a Garmin Connect activities CSV."""
    names = set(common.head_names(head))
    has_marker = bool(names & (_MARKERS | _TRANSLATED_TYPE))
    return bool(names & set(_TYPE)) and bool(names & set(_DATE)) and has_marker


def read(stream: BinaryIO) -> Imported:
    """One record per row of the Garmin Connect activity list in `stream`."""
    table = common.read_table(stream.read())
    kind = common.text(table, *_TYPE)
    dates = common.text(table, *_DATE)
    if kind is None or dates is None:
        raise BadFile(
            "has no Activity Type and Date columns, so it is not a Garmin Connect CSV",
            FileErrorKind.NOT_THIS_FORMAT,
        )
    if table.length == 0:
        return Imported()
    language = next(
        (_LANGUAGE_OF_TYPE[name] for name in table.names if name in _LANGUAGE_OF_TYPE), "en"
    )
    start_local = common.to_datetime(dates)
    dated = start_local.notna()
    if not dated.any():
        raise BadFile(
            f"none of its {table.length:,} rows has a Date runlog can read{_example(dates)}",
            FileErrorKind.UNREADABLE_DATE,
        )
    problems = []
    if not dated.all():
        problems.append(
            Problem(
                f"left out {int((~dated).sum()):,} of {table.length:,} rows whose Date is "
                f"missing or unreadable{_example(dates[~dated.to_numpy()])}",
                FileErrorKind.UNREADABLE_DATE,
            )
        )
    frame = _fields(table, kind, start_local, language)
    return Imported(records=common.records_of(frame[dated.to_numpy()]), problems=problems)


def _example(dates: pd.Series) -> str:
    """' (such as "ven., 25 mai 2012 20:31")': one unreadable date cell, quoted, for a message."""
    written = dates.dropna()
    if not len(written):
        return ""
    cell = str(written.iloc[0])
    if len(cell) > _EXAMPLE_MAX_CHARS:
        cell = cell[: _EXAMPLE_MAX_CHARS - 1] + "…"
    return f" (such as {cell!r})"


def _fields(
    table: common.Table, kind: pd.Series, start_local: pd.Series, language: str
) -> pd.DataFrame:
    length = table.length
    decimal_comma = language in _DECIMAL_COMMA_LANGUAGES

    def number(names: tuple[str, ...], copy: int = 0) -> pd.Series:
        found = common.to_number(
            common.text(table, *names, occurrence=copy), decimal_comma=decimal_comma
        )
        return found if found is not None else common.missing(length)

    def seconds(names: tuple[str, ...]) -> pd.Series:
        found = common.to_seconds(common.text(table, *names))
        return found if found is not None else common.missing(length)

    sport = kind.map(
        {value: sport_of(value) for value in kind.dropna().unique()}, na_action="ignore"
    )
    sport = sport.astype("string").fillna("other")
    timer_s = seconds(_TIME)
    moving_s = common.first_present(seconds(_MOVING), timer_s)
    elapsed_s = common.first_present(seconds(_ELAPSED), timer_s)
    shown_distance = number(_DISTANCE)
    recorded_spm = _cadence_spm(number, sport)
    # no cadence column, or an empty cell: the run's steps over its moving time, labelled so
    from_steps_spm = common.cadence_from_steps_spm(number(_STEPS), moving_s)
    cadence_spm = recorded_spm.fillna(from_steps_spm.where(sport.isin(FOOT_SPORTS).to_numpy()))
    unit_m = distance_unit_m(
        table.names,
        shown_distance,
        moving_s,
        cadence_spm,
        number(_STRIDE),
        sport,
        language in _METRIC_LANGUAGES,
    )
    distance_m = shown_distance * unit_m
    climb_unit_m = METRES_PER_FOOT if unit_m == METRES_PER_MILE else 1.0
    name = common.text(table, *_TITLE)
    if name is None:
        name = common.missing(length, "string")
    frame = pd.DataFrame(
        {
            "start_time_utc": pd.Series(pd.NaT, index=kind.index, dtype="datetime64[ns, UTC]"),
            "start_time_local": start_local,
            "sport": sport,
            "sub_sport": kind.str.lower(),
            "surface": common.surfaces_of(kind, name),
            "distance_m": distance_m,
            "elapsed_s": elapsed_s,
            "moving_s": moving_s,
            "ascent_m": number(_ASCENT) * climb_unit_m,
            "descent_m": number(_DESCENT) * climb_unit_m,
            "avg_speed_mps": distance_m / moving_s.where(moving_s > 0),
            "avg_cadence_spm": cadence_spm,
            "cadence_is_derived": cadence_spm.notna() & recorded_spm.isna(),
            "avg_hr_bpm": number(_HEART_RATE),
            "name": name,
            "device": DEVICE,
        }
    )
    return frame


def _cadence_spm(number: Callable[..., pd.Series], sport: pd.Series) -> pd.Series:
    """Steps/min on foot: the run cadence, else the first Avg Cadence, else its second copy."""
    chosen = common.first_present(number(_RUN_CADENCE), number(_CADENCE, 0), number(_CADENCE, 1))
    return steps_per_min(chosen.where(chosen > 0), sport)


def distance_unit_m(
    names: tuple[str, ...],
    shown: pd.Series,
    moving_s: pd.Series,
    cadence_spm: pd.Series,
    stride_m: pd.Series,
    sport: pd.Series,
    is_metric_language: bool,
) -> float:
    """Metres per unit of the file's Distance column (km or miles; see the module docstring)."""
    for name in names:
        if any(name.startswith(word) for word in _DISTANCE[:2]):
            if any(label in name for label in _MILES_LABEL):
                return METRES_PER_MILE
            if any(label in name for label in _KM_LABEL):
                return METRES_PER_KM
    stride_distance_m = stride_m * cadence_spm * moving_s / 60
    usable = (stride_distance_m > 0) & (shown > 0)
    if usable.any():
        ratio = float(np.median(stride_distance_m[usable] / shown[usable]))
        return min((METRES_PER_KM, METRES_PER_MILE), key=lambda unit: abs(np.log(ratio / unit)))
    if is_metric_language:
        return METRES_PER_KM
    runs = (sport == "running") & (shown > 0) & (moving_s > 0)
    if runs.any():
        pace_min = float(np.median(moving_s[runs] / 60 / shown[runs]))
        if pace_min > SLOWEST_KM_PACE_MIN:
            return METRES_PER_MILE
    return METRES_PER_KM
