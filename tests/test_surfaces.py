"""The profile's [[surfaces]]: words in a run's name or notes, and places, name its surface."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analyzer.profile import Profile, SurfaceTag, profile_from_dict
from analyzer.surfaces import apply_surface_tags, distance_to_m

# Estadio Nacional, Santiago de Chile: south of the equator and west of Greenwich.
TRACK_LAT_DEG, TRACK_LON_DEG = -33.4645, -70.6106
METRES_PER_DEGREE_LAT = 111_319.5  # on a sphere of radius 6,378,137 m (units.py)


def runs(*rows: dict) -> pd.DataFrame:
    base = {
        "athlete": "ana",
        "surface": "unknown",
        "name": "",
        "notes": "",
        "start_lat_deg": math.nan,
        "start_lon_deg": math.nan,
    }
    return pd.DataFrame([{**base, **row} for row in rows])


def tagged(frame: pd.DataFrame, *tags: SurfaceTag, athlete: str = "") -> list[str]:
    return apply_surface_tags(frame, {athlete: Profile(surfaces=tags)})["surface"].tolist()


def test_words_tag_runs_whose_surface_is_unknown():
    frame = runs(
        {"name": "Forest loop"},
        {"name": "Easy", "notes": "through the WOODS again"},
        {"name": "Forestry road"},  # a whole word only
        {"name": "Forest loop", "surface": "road"},  # the file knew better
        {"name": "Tempo"},
    )
    tag = SurfaceTag(surface="trail", words=("forest", "woods"))
    assert tagged(frame, tag) == ["trail", "trail", "unknown", "road", "unknown"]


def test_a_word_is_text_not_a_pattern():
    frame = runs({"name": "St. Hans park"}, {"name": "Stxhans park"})
    tag = SurfaceTag(surface="grass", words=("st. hans",))
    assert tagged(frame, tag) == ["grass", "unknown"]


@pytest.mark.parametrize(
    ("north_m", "surface"),
    [(0.0, "track"), (250.0, "track"), (350.0, "road"), (-350.0, "road")],
)
def test_a_place_south_and_west_tags_runs_starting_within_its_radius(north_m, surface):
    lat_deg = TRACK_LAT_DEG + north_m / METRES_PER_DEGREE_LAT
    frame = runs({"surface": "road", "start_lat_deg": lat_deg, "start_lon_deg": TRACK_LON_DEG})
    tag = SurfaceTag(surface="track", lat_deg=TRACK_LAT_DEG, lon_deg=TRACK_LON_DEG, radius_m=300)
    assert tagged(frame, tag) == [surface]


def test_the_mirrored_place_north_and_east_is_not_the_same_place():
    frame = runs(
        {"start_lat_deg": -TRACK_LAT_DEG, "start_lon_deg": TRACK_LON_DEG},
        {"start_lat_deg": TRACK_LAT_DEG, "start_lon_deg": -TRACK_LON_DEG},
        {"start_lat_deg": TRACK_LAT_DEG, "start_lon_deg": TRACK_LON_DEG},
    )
    tag = SurfaceTag(surface="track", lat_deg=TRACK_LAT_DEG, lon_deg=TRACK_LON_DEG, radius_m=300)
    assert tagged(frame, tag) == ["unknown", "unknown", "track"]


def test_a_place_never_makes_a_treadmill_run_outdoor_nor_tags_a_run_without_gps():
    frame = runs(
        {"surface": "treadmill", "start_lat_deg": TRACK_LAT_DEG, "start_lon_deg": TRACK_LON_DEG},
        {"surface": "road"},  # no start point
    )
    tag = SurfaceTag(surface="track", lat_deg=TRACK_LAT_DEG, lon_deg=TRACK_LON_DEG)
    assert tagged(frame, tag) == ["treadmill", "road"]


def test_each_athlete_gets_their_own_tags_else_the_shared_ones():
    frame = runs(
        {"athlete": "ana", "name": "forest"},
        {"athlete": "ben", "name": "forest"},
        {"athlete": "cy", "name": "forest"},
    )
    profiles = {
        "ana": Profile(surfaces=(SurfaceTag(surface="trail", words=("forest",)),)),
        "ben": Profile(),  # his own profile, without tags
        "": Profile(surfaces=(SurfaceTag(surface="grass", words=("forest",)),)),
    }
    assert apply_surface_tags(frame, profiles)["surface"].tolist() == ["trail", "unknown", "grass"]


def test_tags_read_from_a_profile_with_negative_coordinates():
    profile = profile_from_dict(
        {
            "surfaces": [
                {"surface": "track", "lat_deg": TRACK_LAT_DEG, "lon_deg": TRACK_LON_DEG},
                {"surface": "trail", "words": ["cerro"]},
            ]
        },
        "ana.toml",
    )
    frame = runs(
        {"name": "Cerro San Cristóbal", "start_lat_deg": -33.42, "start_lon_deg": -70.63},
        {"surface": "road", "start_lat_deg": TRACK_LAT_DEG, "start_lon_deg": TRACK_LON_DEG},
    )
    assert apply_surface_tags(frame, {"": profile})["surface"].tolist() == ["trail", "track"]


def test_without_tags_the_table_is_left_as_it_is():
    frame = runs({"name": "forest"})
    assert apply_surface_tags(frame, {"": Profile()}) is frame


def test_distance_to_a_point_across_the_equator_and_the_date_line():
    lat_deg = pd.Series([0.0, -0.5, 0.0], index=[7, 8, 9])
    lon_deg = pd.Series([179.9, 180.0, -179.9], index=[7, 8, 9])
    distance_m = distance_to_m(lat_deg, lon_deg, 0.5, 180.0)
    assert list(distance_m.index) == [7, 8, 9]
    # 0.1 degree of longitude at the equator each side of the date line; 1 degree of latitude.
    expected_m = [
        math.hypot(0.5, 0.1) * METRES_PER_DEGREE_LAT,
        1.0 * METRES_PER_DEGREE_LAT,
        math.hypot(0.5, 0.1) * METRES_PER_DEGREE_LAT,
    ]
    assert distance_m.to_numpy() == pytest.approx(expected_m, rel=1e-3)
