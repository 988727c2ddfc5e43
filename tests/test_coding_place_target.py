"""The place-as-target rule for material conflict without a named target."""

from __future__ import annotations

import dataclasses

import pytest

import dyad
from dyad.coding.place_target import domestic_actors, implicit_actors, target_from_place
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


def _protest(source: Actor, place_country: str | None, target: Actor | None = None) -> Event:
    ev = _event("14", "KEN", place_country)
    return dataclasses.replace(ev, source=source, target=target, cameo="141", cameo_root="14")


def test_implicit_government_is_the_target_of_a_protest_at_home() -> None:
    """A protest with no named target at home is aimed at the government, tagged as inferred."""
    kenyans = Actor("Kenyans", 0, 7, "KEN", "KEN")
    ev = implicit_actors(_protest(kenyans, "KEN"))
    assert ev.target is not None and ev.target.code == "KENGOV"
    assert "target:implicit" in ev.evidence.rule and ev.confidence < 0.7
    # not abroad, not when the protesters are the state, not when a target is named
    assert implicit_actors(_protest(kenyans, "USA")).target is None
    police = Actor("Kenyan police", 0, 13, "KENCOP", "KEN", "COP")
    assert implicit_actors(_protest(police, "KEN")).target is None
    named = Actor("the embassy", 20, 31, "USAGOV", "USA", "GOV")
    assert implicit_actors(_protest(kenyans, "KEN", named)).target == named


def test_unidentified_force_is_the_source_of_violence_without_a_perpetrator() -> None:
    """Violence with a victim and a place but no perpetrator is by an unidentified armed force of
    the place, unless the sentence named an actor before the violence (a missed subject)."""
    victim = Actor("a journalist", 30, 42, "---MED", None, "MED")
    ev = dataclasses.replace(_event("19", "RUS", "UKR"), source=None, target=victim)
    got = implicit_actors(ev)
    assert got.source is not None and got.source.code == "UKRUAF"
    assert got.source.text == "the Donetsk region" and "source:implicit" in got.evidence.rule
    earlier = Actor("Separatists", 0, 11, "---REB", None, "REB")
    assert implicit_actors(ev, [earlier, victim]).source is None
    assert implicit_actors(dataclasses.replace(ev, location=None)).source is None


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Thousands of Kenyans marched in Nairobi on Tuesday.", ("KEN", "KENGOV")),
        ("A car bomb killed a Somali journalist in Mogadishu on Monday.", ("SOMUAF", "SOMMED")),
        ("Kenyan soldiers were killed in an ambush in Somalia.", ("SOMUAF", "KENMIL")),
        # aid given for a place abroad is aid to that country
        ("Japan gave 50 million dollars for flood relief in Pakistan.", ("JPN", "PAK")),
        ("The Saudi-led coalition declared a ceasefire in Yemen.", ("SAUMIL", "YEM")),
        # a curfew binds the people of its place
        (
            "Indian police imposed a curfew in parts of Ahmedabad after clashes.",
            ("INDCOP", "INDCVL"),
        ),
        ("Egypt's government declared a state of emergency.", ("EGYGOV", "EGYCVL")),
    ],
)
def test_implicit_actors_in_extracted_events(text: str, wanted: tuple[str, str]) -> None:
    """End to end: the inferred actor appears in the coded event."""
    pairs = {
        (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in dyad.extract(text, date="2024-05-01")
    }
    assert wanted in pairs


def _arrest(source: Actor, target: Actor) -> Event:
    ev = _event("17", "KEN", None)
    return dataclasses.replace(ev, source=source, target=target, cameo="173", cameo_root="17")


def test_domestic_actor_takes_the_state_side_country() -> None:
    """A country-less agent facing a state actor, in a sentence about one country, is of it."""
    police = Actor("Kenyan police", 0, 13, "KENCOP", "KEN", "COP")
    protesters = Actor("protesters", 23, 33, "---OPP", None, "OPP")
    got = domestic_actors(_arrest(police, protesters))
    assert got.target is not None and got.target.code == "KENOPP"
    assert "actor:domestic" in got.evidence.rule
    # another country named in the sentence, a named group, or a victim with a country: no
    uganda = Actor("Uganda", 40, 46, "UGA", "UGA")
    assert (
        domestic_actors(_arrest(police, protesters), [police, protesters, uganda]).target
        == protesters
    )
    amnesty = Actor(
        "Amnesty International", 23, 44, "---NGO", None, "NGO", name="Amnesty International"
    )
    assert domestic_actors(_arrest(police, amnesty)).target == amnesty
    tourists = Actor("American tourists", 20, 37, "USACVL", "USA", "CVL")
    gunmen = Actor("Gunmen", 0, 6, "---REB", None, "REB")
    assert domestic_actors(_arrest(gunmen, tourists)).source == gunmen


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Iranian authorities arrested dozens of striking workers.", ("IRNGOV", "IRNLAB")),
        ("The Mozambique government accepted demands from rebels.", ("MOZGOV", "MOZREB")),
    ],
)
def test_domestic_actors_in_extracted_events(text: str, wanted: tuple[str, str]) -> None:
    pairs = {
        (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in dyad.extract(text, date="2024-05-01")
    }
    assert wanted in pairs
