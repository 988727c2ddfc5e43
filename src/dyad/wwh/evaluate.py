"""Evaluation of the when/where/how-many stage on its three test sets (JSON lines, one case a line).

* dates: ``{"text", "pub", "trigger", "date", "precision"}`` — the event on ``trigger`` must get
  exactly that date and precision;
* places: ``{"text", "mention", "country", "lat", "lon"}`` — the mention must resolve to that
  country (ISO-3, "" for seas) and, when lat/lon are given, lie within 50 km of them;
* quantities: ``{"text", "quantities": [{"value", "unit", "approximate", "per"?, "per_unit"?}]}``
  — the sentence must yield exactly those quantities.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dyad.errors import GoldError
from dyad.model import Event, Evidence, Plover, TextSpan

TESTS_DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
DATES_FILE = TESTS_DATA / "dates.jsonl"
PLACES_FILE = TESTS_DATA / "places.jsonl"
QUANTITIES_FILE = TESTS_DATA / "quantities.jsonl"
MAX_KM = 50.0


@dataclass(frozen=True, slots=True)
class Metrics:
    """One evaluation: named scores in [0, 1] over ``cases``, and the cases that failed."""

    name: str
    cases: int
    scores: dict[str, float]
    errors: tuple[str, ...] = field(default_factory=tuple)


def _read(path: str | Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, Any]]]:
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(
            f"cannot read gold file {str(p)!r}: {exc.strerror}; pass an existing .jsonl file"
        ) from exc
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(
                f"{p}:{lineno}: not JSON ({exc.msg}); write one JSON object per line"
            ) from exc
        missing = [k for k in required if k not in case]
        if missing:
            raise GoldError(f"{p}:{lineno}: case lacks {', '.join(missing)}; add them")
        yield lineno, case


def _doc(nlp: Language, text: str) -> Doc:
    doc = nlp(text)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        from dyad.nlp.sentences import split_sentences

        split_sentences(doc)
    return doc


def _nlp(nlp: Language | None) -> Language:
    if nlp is not None:
        return nlp
    from dyad.nlp import load

    return load()


def _event(text: str, trigger: str) -> Event:
    start = _word_index(text, trigger)
    return Event(
        "eval", "e1", 0, text, None, None, "000", "00", 0, 0.0, Plover("OTHER"), "asserted",
        Evidence(TextSpan(trigger, start, start + len(trigger)), "evaluate"),
    )  # fmt: skip


def _word_index(text: str, word: str) -> int:
    import re

    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    if m is None:
        raise GoldError(f"trigger {word!r} is not a word of {text!r}; fix the gold case")
    return m.start()


def evaluate_dates(path: str | Path = DATES_FILE, nlp: Language | None = None) -> Metrics:
    """Share of events whose date value and precision are both right."""
    from dyad.wwh import attach

    lang = _nlp(nlp)
    total = right = 0
    errors: list[str] = []
    for lineno, case in _read(path, ("text", "pub", "trigger", "date", "precision")):
        total += 1
        event = attach(
            _doc(lang, case["text"]), [_event(case["text"], case["trigger"])], case["pub"]
        )[0]
        if (event.date, event.date_precision) == (case["date"], case["precision"]):
            right += 1
        else:
            errors.append(
                f"{path}:{lineno}: {case['trigger']!r}: "
                f"expected {case['date']} ({case['precision']}), "
                f"got {event.date} ({event.date_precision})"
            )
    return Metrics("dates", total, {"accuracy": right / total if total else 0.0}, tuple(errors))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, la2 = math.radians(lat1), math.radians(lat2)
    dla, dlo = la2 - la1, math.radians(lon2 - lon1)
    h = math.sin(dla / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlo / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def evaluate_places(path: str | Path = PLACES_FILE, nlp: Language | None = None) -> Metrics:
    """Share of mentions found with the right country, and of points placed within 50 km."""
    from dyad.wwh import gazetteer
    from dyad.wwh.places import context_countries, find_mentions, resolve

    lang = _nlp(nlp)
    gaz = gazetteer.load()
    total = country_right = with_point = near = 0
    errors: list[str] = []
    for lineno, case in _read(path, ("text", "mention", "country", "lat", "lon")):
        total += 1
        text, mention = case["text"], case["mention"]
        start = _word_index(text, mention)
        end = start + len(mention)
        mentions = find_mentions(_doc(lang, text), gaz)
        match = next((m for m in mentions if m.char_start < end and start < m.char_end), None)
        has_point = case["lat"] is not None and case["lon"] is not None
        with_point += has_point
        if match is None:
            errors.append(f"{path}:{lineno}: {mention!r} not found as a place")
            continue
        entry = resolve(match, context_countries(mentions, []))
        ok_country = entry.country == case["country"]
        country_right += ok_country
        km = haversine_km(entry.lat, entry.lon, case["lat"], case["lon"]) if has_point else 0.0
        near += has_point and ok_country and km <= MAX_KM
        if not ok_country or km > MAX_KM:
            errors.append(
                f"{path}:{lineno}: {mention!r}: expected {case['country']} "
                f"({case['lat']}, {case['lon']}), got {entry.name} {entry.country} "
                f"({entry.lat}, {entry.lon}), {km:.0f} km"
            )
    scores = {
        "country": country_right / total if total else 0.0,
        "within_50km": near / with_point if with_point else 0.0,
    }
    return Metrics("places", total, scores, tuple(errors))


def _same(got: tuple[Any, ...], want: tuple[Any, ...]) -> bool:
    value, unit, approx, per, per_unit = got
    w_value, w_unit, w_approx, w_per, w_per_unit = want
    return (
        math.isclose(float(value), float(w_value), rel_tol=1e-9)
        and (unit, approx, per_unit) == (w_unit, w_approx, w_per_unit)
        and (per is None) == (w_per is None)
        and (per is None or math.isclose(float(per), float(w_per), rel_tol=1e-9))
    )


def evaluate_quantities(path: str | Path = QUANTITIES_FILE) -> Metrics:
    """Share of sentences whose quantities (value, unit, approximation, ratio) are exactly right."""
    from dyad.wwh.dates import find_dates
    from dyad.wwh.quantities import find_quantities

    total = right = phrases = phrases_right = 0
    errors: list[str] = []
    for lineno, case in _read(path, ("text", "quantities")):
        total += 1
        text = case["text"]
        skip = [(d.start, d.end) for d in find_dates(text)]
        got = [
            (q.value, q.unit, q.approximate, q.per, q.per_unit)
            for q in find_quantities(text, skip=skip)
        ]
        want = [
            (w["value"], w["unit"], w["approximate"], w.get("per"), w.get("per_unit"))
            for w in case["quantities"]
        ]
        phrases += len(want)
        phrases_right += sum(any(_same(g, w) for g in got) for w in want)
        if len(got) == len(want) and all(any(_same(g, w) for g in got) for w in want):
            right += 1
        else:
            errors.append(f"{path}:{lineno}: expected {want}, got {got}")
    scores = {
        "accuracy": right / total if total else 0.0,
        "phrase_recall": phrases_right / phrases if phrases else 0.0,
    }
    return Metrics("quantities", total, scores, tuple(errors))
