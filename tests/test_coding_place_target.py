"""The place-as-target rule for material conflict without a named target."""

from __future__ import annotations

from dyad.coding.place_target import target_from_place
from dyad.model import Actor, Event, Evidence, Place, Plover, TextSpan


def _event(root: str, source_country: str, place_country: str | None) -> Event:
    loc = (
        None
        if place_country is None
        else Place("Donetsk Oblast", place_country, "Donetsk", 48.0, 37.8, 709716)
    )
    return Event(
        doc_id="d", event_id="e", sentence_index=0, sentence="s",
        source=Actor("Russian forces", 0, 14, f"{source_country}MIL", source_country, "MIL"),
        target=None, cameo=f"{root}0", cameo_root=root, quad_class=4, goldstein=-10.0,
        plover=Plover("ASSAULT"), factuality="asserted",
        evidence=Evidence(TextSpan("fighting", 15, 23), "verbs.txt:1", location=TextSpan("the Donetsk region", 27, 45)),
        location=loc, confidence=0.7,
    )  # fmt: skip


def test_place_target_fighting_abroad_targets_the_country() -> None:
    """Fighting located in Ukraine by a Russian source targets UKR, with the place's span."""
    ev = target_from_place(_event("19", "RUS", "UKR"))
    assert ev.target is not None and ev.target.country == "UKR"
    assert ev.target.text == "the Donetsk region"
    assert "target:place" in ev.evidence.rule and ev.confidence < 0.7


def test_place_target_not_at_home_nor_for_cooperation() -> None:
    """No target is invented for fighting at home or for non-conflict codes or without a place."""
    assert target_from_place(_event("19", "UKR", "UKR")).target is None
    assert target_from_place(_event("05", "RUS", "UKR")).target is None
    assert target_from_place(_event("19", "RUS", None)).target is None
