"""An event abroad with no named target: the country where it happens is the target.

"the Russian military is slowly grinding forwards in the eastern Donetsk region" names no victim,
but fighting inside another country's territory is conflict with that country. Applied after the
attributes stage has geocoded the event, only to meetings and visits (04), protests (14), force
postures (15), coercion and violence (17–20), and only when the place's country differs from the
source's.
"""

from __future__ import annotations

import dataclasses

from dyad.model import Actor, Event

# meetings, protests, force postures and violence abroad are about the host country
PLACE_TARGET_ROOTS = {"04", "14", "15", "17", "18", "19", "20"}


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
    target = Actor(
        text=span.text if span else event.location.name,
        start=span.start if span else event.evidence.trigger.start,
        end=span.end if span else event.evidence.trigger.end,
        code=country,
        country=country,
        name=event.location.name,
    )
    evidence = dataclasses.replace(event.evidence, rule=event.evidence.rule + " target:place")
    return dataclasses.replace(
        event,
        target=target,
        evidence=evidence,
        confidence=round(max(0.05, event.confidence - 0.1), 2),
    )
