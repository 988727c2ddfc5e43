"""Places that act or are acted on: "Russian forces shelled *Kharkiv*" targets Ukraine.

The coder keeps a name it cannot resolve as an actor with code ``---``. When that name is a place
the gazetteer knows, the actor becomes the place's country (CAMEO codes a city by its country),
with the place's name in ``Actor.name``.
"""

from __future__ import annotations

import dataclasses
import re

from dyad.model import Actor, Event
from dyad.wwh.gazetteer import GazEntry, Gazetteer, load


def place_country(text: str, gaz: Gazetteer | None = None) -> GazEntry | None:
    """The place a name denotes when that is clear: one country among the places with this very
    name, or one place that dwarfs the others (five times the population)."""
    g = gaz or load()
    own = [e for e, is_own in g.lookup(text) if is_own and e.country]
    if not own:
        return None
    if len({e.country for e in own}) == 1:
        return max(own, key=lambda e: e.population)
    ranked = sorted(own, key=lambda e: -e.population)
    if ranked[0].population >= 5 * max(1, ranked[1].population):
        return ranked[0]
    return None


# "police in Karachi", "the government of Sindh province": an agent with no country, then a
# place; the trailing kind word ("province") may or may not be part of the gazetteer's name
_PLACE_AFTER = re.compile(
    r"\s+(?:of|in|from)\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)"
    r"(?:\s+(?:province|region|state|district|city|county|governorate|oblast))?"
)


def _resolve(actor: Actor | None, gaz: Gazetteer, text: str | None = None) -> Actor | None:
    if actor is None or actor.country or actor.igo or not actor.code.startswith("---"):
        return actor
    if actor.code == "---":  # the name itself is a place: "shelled Kharkiv"
        entry = place_country(actor.text, gaz)
        if entry is None:
            return actor
        return dataclasses.replace(
            actor, code=entry.country, country=entry.country, name=entry.name
        )
    if text is None or text[actor.start : actor.end] != actor.text:
        return actor
    entry = _place_after(text, actor.end, gaz)  # an agent, then a place: "police in Karachi"
    if entry is None:
        return actor
    return dataclasses.replace(actor, code=entry.country + actor.code[3:], country=entry.country)


def _place_after(text: str, end: int, gaz: Gazetteer) -> GazEntry | None:
    """The place named right after an agent: "police *in Karachi*", "the government *of Sindh
    province*" (a known country or capital there is the actor dictionaries' business)."""
    m = _PLACE_AFTER.match(text, end)
    if m is None:
        return None
    return place_country(m.group(1), gaz)


def resolve_place_actors(events: list[Event], text: str | None = None) -> list[Event]:
    """Events with unresolved actors that name places turned into those places' countries.

    With the document ``text``, an agent without a country followed by "of/in/from <place>"
    ("police in Karachi") takes the place's country too.
    """
    if not any(
        a is not None and a.code.startswith("---") for e in events for a in (e.source, e.target)
    ):
        return events
    gaz = load()
    out = []
    for e in events:
        src, tgt = _resolve(e.source, gaz, text), _resolve(e.target, gaz, text)
        if src is e.source and tgt is e.target:
            out.append(e)
            continue
        if src is not None and tgt is not None and src.code == tgt.code and src.code != "---":
            out.append(e)  # "Kyiv shelled Kharkiv" is not Ukraine acting on itself
            continue
        out.append(dataclasses.replace(e, source=src, target=tgt))
    return out
