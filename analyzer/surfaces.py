"""The athlete's own surface tags: words in a run's name, or a place, name its surface.

A profile's `[[surfaces]]` entry with words tags runs whose surface the files left unknown;
one with a place (a point and a radius) tags every outdoor run that starts there, since the
runner knows the track down the road better than any file does.
"""

from __future__ import annotations

import re

import pandas as pd

from analyzer.profile import Profile
from analyzer.units import great_circle_m


def distance_to_m(
    lat_deg: pd.Series, lon_deg: pd.Series, point_lat_deg: float, point_lon_deg: float
) -> pd.Series:
    """Great-circle distance from each (lat, lon) to one point, metres (haversine)."""
    distance_m = great_circle_m(lat_deg, lon_deg, point_lat_deg, point_lon_deg)
    return pd.Series(distance_m, index=lat_deg.index)


def apply_surface_tags(activities: pd.DataFrame, profiles: dict[str, Profile]) -> pd.DataFrame:
    """The activities with the profiles' surface tags applied (each athlete's own, else shared)."""
    if activities.empty or not any(profile.surfaces for profile in profiles.values()):
        return activities
    frame = activities.copy()
    surface = frame.get("surface", pd.Series("unknown", index=frame.index)).fillna("unknown")
    athletes = frame["athlete"].fillna("")
    names = (
        frame.get("name", "").fillna("").astype(str)
        + " "
        + frame.get("notes", "").fillna("").astype(str)
    ).str.lower()
    for athlete in athletes.unique():
        profile = profiles.get(athlete) or profiles.get("")
        if profile is None:
            continue
        mine = athletes == athlete
        for tag in profile.surfaces:
            if tag.words:
                pattern = "|".join(rf"\b{re.escape(word.lower())}\b" for word in tag.words)
                hit = mine & (surface == "unknown") & names.str.contains(pattern, regex=True)
                surface = surface.mask(hit, tag.surface)
            if tag.lat_deg is not None and tag.lon_deg is not None and "start_lat_deg" in frame:
                near = (
                    distance_to_m(
                        frame["start_lat_deg"], frame["start_lon_deg"], tag.lat_deg, tag.lon_deg
                    )
                    <= tag.radius_m
                )
                hit = mine & near.fillna(False) & (surface != "treadmill")
                surface = surface.mask(hit, tag.surface)
    frame["surface"] = surface
    return frame
