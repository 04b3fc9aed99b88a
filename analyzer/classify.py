"""Which sport an activity is, and which surface a run was on, from the words sources use.

Sources name sports many ways: FIT enums (`running`, `trail`), Strava types (`Trail Run`),
Garmin keys (`treadmill_running`), TCX `Running` (a format's own codes, such as the numbers
some GPX writers put in <type>, are its importer's to translate first). Every importer maps
through here so that "is this a run?" and "on what surface?" have one answer.
"""

import re

SPORTS = ("running", "walking", "hiking", "cycling", "swimming", "other")
SURFACES = ("road", "trail", "track", "treadmill", "grass", "sand", "unknown")

_SPORT_WORDS: tuple[tuple[str, str], ...] = (
    # order matters: the first pattern that matches decides
    (r"wheelchair", "other"),
    # Garmin Connect's type names in the languages of its website come with the English ones
    (
        r"\bwalk|walking|gehen|wandern|marcher|\bmarche\b|\bgang\b|gåtur|\bgå\b|wandelen"
        r"|camminata|caminata|caminhada|kävely|chodzenie|spacer|ウォーキング|步行|徒步",
        "walking",
    ),
    (r"hik(e|ing)|wanderung|randonn|vandring|fottur|senderismo|escursionismo|trekking", "hiking"),
    (
        r"ride|cycl|bik(e|ing)|radfahr|velo|vélo|zwift|cykling|sykling|ciclismo|fietsen"
        r"|wielrennen|kolarstwo|rower|サイクリング|バイク|骑行|自行车",
        "cycling",
    ),
    (
        r"swim|schwimm|natation|svømning|svømming|simning|zwemmen|nuoto|natación|natação"
        r"|pływanie|スイム|游泳",
        "swimming",
    ),
    (
        r"run|lauf|jog|course|carrera|corsa|corrida|hardlopen|ultra|marathon|treadmill|5k|10k"
        r"|løb|løp|löp|bieg|ラン$|^ラン|ランニング|跑步",
        "running",
    ),
)


def sport_of(*names: object) -> str:
    """The canonical sport for the first of `names` that says one; 'other' if none does."""
    for name in names:
        if name is None:
            continue
        text = str(name).strip().lower()
        if not text or text in ("nan", "none", "generic"):
            continue
        if text in SPORTS:
            return text
        for pattern, sport in _SPORT_WORDS:
            if re.search(pattern, text):
                return sport
    return "other"


_SURFACE_WORDS: tuple[tuple[str, str], ...] = (
    (
        r"treadmill|laufband|indoor[ _]?run|indoor_running|virtual[ _]?run|virtualrun"
        r"|løbebånd|tredemølle|löpband|loopband|tapis|cinta|esteira|bieżnia|トレッドミル|跑步机",
        "treadmill",
    ),
    (r"\btrack\b|track_running|\bbahn\b|piste|intervals? on (the )?track", "track"),
    (
        r"trail|ultra|mountain|fell|berglauf|gelände|singletrack|off[- ]?road|cross[- ]?country",
        "trail",
    ),
    (r"\bgrass\b|\bpark run on grass\b|\brasen\b|\bfield\b", "grass"),
    (r"\bsand\b|\bbeach\b|strand", "sand"),
    (r"\broad\b|street|asphalt|pavement|\bstraße\b|stadt", "road"),
)


def surface_from_words(*texts: object) -> str:
    """The surface the words name ('Trail Run', 'treadmill_running', 'beach run'), else unknown."""
    for text in texts:
        if text is None:
            continue
        lowered = str(text).lower()
        for pattern, surface in _SURFACE_WORDS:
            if re.search(pattern, lowered):
                return surface
    return "unknown"


def surface_of(
    *,
    sub_sport: object = None,
    words: tuple[object, ...] = (),
    has_gps: bool | None = None,
    is_indoor: bool = False,
) -> str:
    """The surface of one run from every signal its source carries.

    An explicit sub-sport (trail, track, treadmill, indoor) wins; then words in the activity
    type, profile name or title; then a run recorded indoors or with no GPS at all is a
    treadmill run. A plain outdoor run stays unknown: FIT 'generic' does not mean road.
    """
    explicit = surface_from_words(sub_sport)
    if explicit != "unknown":
        return explicit
    named = surface_from_words(*words)
    if named != "unknown":
        return named
    if is_indoor or has_gps is False:
        return "treadmill"
    return "unknown"
