"""Places that act or are acted on: "Russian forces shelled *Kharkiv*" targets Ukraine.

The coder keeps a name it cannot resolve as an actor with code ``---``. When that name is a place
the gazetteer knows, the actor becomes the place's country (CAMEO codes a city by its country),
with the place's name in ``Actor.name``.
"""

from __future__ import annotations

import dataclasses

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


def _resolve(actor: Actor | None, gaz: Gazetteer) -> Actor | None:
    if actor is None or actor.code != "---" or actor.country or actor.igo:
        return actor
    entry = place_country(actor.text, gaz)
    if entry is None:
        return actor
    return dataclasses.replace(actor, code=entry.country, country=entry.country, name=entry.name)


def resolve_place_actors(events: list[Event]) -> list[Event]:
    """Events with unresolved actors that name places turned into those places' countries."""
    if not any(a is not None and a.code == "---" for e in events for a in (e.source, e.target)):
        return events
    gaz = load()
    out = []
    for e in events:
        src, tgt = _resolve(e.source, gaz), _resolve(e.target, gaz)
        if src is e.source and tgt is e.target:
            out.append(e)
            continue
        if src is not None and tgt is not None and src.code == tgt.code and src.code != "---":
            out.append(e)  # "Kyiv shelled Kharkiv" is not Ukraine acting on itself
            continue
        out.append(dataclasses.replace(e, source=src, target=tgt))
    return out
