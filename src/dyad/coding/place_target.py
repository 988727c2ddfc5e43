"""An event abroad with no named target: the country where it happens is the target.

"the Russian military is slowly grinding forwards in the eastern Donetsk region" names no victim,
but fighting inside another country's territory is conflict with that country. Applied after the
attributes stage has geocoded the event, only to meetings and visits (04), aid (07: "gave $50
million for flood relief in Pakistan"), concessions (08: "declared a ceasefire in Yemen"), protests
(14), force postures (15), coercion and violence (17–20), and only when the place's country
differs from the source's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from dyad.model import Actor, Event, TextSpan

# meetings, aid, concessions, protests, force postures and violence abroad concern the host
PLACE_TARGET_ROOTS = {"04", "07", "08", "14", "15", "17", "18", "19", "20"}


def target_from_place(event: Event) -> Event:
    """Return ``event`` with its target set from its location when the rule applies."""
    if event.target is not None or event.location is None or event.source is None:
        return event
    if event.cameo_root not in PLACE_TARGET_ROOTS:
        return event
    country = event.location.country
    if not country or country == event.source.country:
        return event
    span = event.evidence.location
    if span is None:  # the place's name, at the trigger
        trig = event.evidence.trigger
        span = dataclasses.replace(trig, text=event.location.name)
    target = _actor_at(span, country, None, event.location.name)
    return _inferred(event, "target:place", event.source, target)


# who holds power at home: a protest by these is not aimed at their own government by default
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "ELI", "LEG"}
# violence told without its perpetrator: "a car bomb killed a journalist in Beirut"
VIOLENCE_ROOTS = {"18", "19", "20"}
# curfews, states of emergency, martial law, bans (172x) and threats of them (132x) bind a
# population: "imposed a curfew in Ahmedabad" is aimed at the people there
POPULATION_CODES = {"172", "132"}


def implicit_actors(event: Event, named: Sequence[Actor] = ()) -> Event:
    """Return ``event`` with the actor CAMEO coders infer when the text names none.

    - A protest at home with no named target is aimed at the country's government ("thousands
      of Nigerians rallied in Lagos" → NGAGOV): ICEWS and the CAMEO manual's examples code it so.
    - Violence with a victim but no named perpetrator, at a known place, is by an unidentified
      armed force of that place ("a roadside bomb near Samarra killed a U.S. soldier" → IRQUAF).
    - A curfew, state of emergency, martial law or ban (172x), or a threat of one (132x), with no
      target binds the population of its place, else of the source's country ("imposed a curfew
      in Ahmedabad" → INDCVL).

    ``named`` are the actor mentions of the event's sentence: when one of them comes before the
    violence and is not its victim, the parse missed the perpetrator, and none is invented. The
    inferred actor points at the trigger (protest) or the place (violence), the rule is tagged
    ``target:implicit`` or ``source:implicit``, and confidence drops by 0.1.
    """
    if event.factuality != "asserted":
        return event
    if event.cameo_root == "14" and event.target is None:
        return _implicit_government(event)
    if event.cameo[:3] in POPULATION_CODES and event.target is None:
        return _implicit_population(event)
    if event.cameo_root in VIOLENCE_ROOTS and event.source is None and event.target is not None:
        trig, victim = event.evidence.trigger, event.target
        victim_span = (victim.start, victim.end)
        if any(a.end <= trig.start and (a.start, a.end) != victim_span for a in named):
            return event  # "Serb forces were engaged in ethnic cleansing": a missed subject
        return _unidentified_force(event)
    return event


def _implicit_government(event: Event) -> Event:
    src = event.source
    if src is None or not src.country or src.igo or (src.sector in STATE_SECTORS):
        return event
    if event.location is not None and event.location.country != src.country:
        return event  # a protest abroad is about the host (see target_from_place)
    target = _actor_at(event.evidence.trigger, src.country, "GOV")
    return _inferred(event, "target:implicit", event.source, target)


def _implicit_population(event: Event) -> Event:
    src, place, span = event.source, event.location, event.evidence.location
    if place is not None and span is not None and place.country:
        target = _actor_at(span, place.country, "CVL")
    elif src is not None and src.country and not src.igo:
        target = _actor_at(event.evidence.trigger, src.country, "CVL")
    else:
        return event
    return _inferred(event, "target:implicit", src, target)


def _unidentified_force(event: Event) -> Event:
    place, span = event.location, event.evidence.location
    if place is None or span is None or not place.country:
        return event
    source = _actor_at(span, place.country, "UAF", place.name)
    return _inferred(event, "source:implicit", source, event.target)


def _actor_at(span: TextSpan, country: str, sector: str | None, name: str | None = None) -> Actor:
    """An inferred actor of ``country`` (and ``sector``) pointing at the words it comes from."""
    code = country + (sector or "")
    return Actor(span.text, span.start, span.end, code, country, sector, name=name)


def _inferred(
    event: Event, tag: str, source: Actor | None, target: Actor | None, drop: float = 0.1
) -> Event:
    """``event`` with inferred actors: the rule tagged, confidence lowered by ``drop``."""
    evidence = dataclasses.replace(event.evidence, rule=f"{event.evidence.rule} {tag}")
    confidence = round(max(0.05, event.confidence - drop), 2)
    return dataclasses.replace(
        event, source=source, target=target, evidence=evidence, confidence=confidence
    )


def domestic_actors(event: Event, named: Sequence[Actor] = ()) -> Event:
    """Return ``event`` with a country-less side given the state's country when the sentence is
    about one country only.

    "Egyptian police opened fire on demonstrators", "Iranian authorities pressured workers",
    "the Mozambique government accepted demands from rebels": when one side is a state actor of
    country C (government, military, police, courts, legislature, intelligence, elites; not the
    bare country, often a place: "insurgents shelled Aleppo") and the other is an agent with no
    country (``---OPP``, ``---LAB``, ``---REB``), and
    neither the sentence's actors (``named``) nor the event's location name another country, the
    other side is of C too, as ICEWS codes "Police (Egypt) → Protester (Egypt)". Not the other way
    round: a victim with a country does not make its attackers compatriots ("gunmen killed two
    American tourists"). The rule is tagged ``actor:domestic``; confidence drops by 0.05.
    """
    src, tgt = event.source, event.target
    if src is None or tgt is None:
        return event
    for state, other in ((src, tgt), (tgt, src)):
        country = state.country
        if not country or state.igo or state.sector not in STATE_SECTORS:
            continue
        if other.country or other.igo or other.name or not other.code.startswith("---"):
            continue  # a named group ("Amnesty International") has no home by default
        if not other.sector or country + other.code[3:] == state.code:
            continue  # "a U.S. soldier ... the military": not an actor acting on itself
        if event.location is not None and event.location.country not in ("", country):
            return event
        if any(a.country and a.country != country for a in named) or any(a.igo for a in named):
            return event
        filled = dataclasses.replace(other, code=country + other.code[3:], country=country)
        source, target = (src, filled) if other is tgt else (filled, tgt)
        return _inferred(event, "actor:domestic", source, target, drop=0.05)
    return event
