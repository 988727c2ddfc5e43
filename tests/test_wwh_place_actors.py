"""Unresolved actors that name places become those places' countries."""

from __future__ import annotations

from dyad.model import Actor, Event, Evidence, Plover, TextSpan
from dyad.wwh.place_actors import place_country, resolve_place_actors


def _event(source: Actor, target: Actor) -> Event:
    return Event(
        doc_id="d", event_id="e", sentence_index=0, sentence="s", source=source, target=target,
        cameo="194", cameo_root="19", quad_class=4, goldstein=-10.0, plover=Plover("ASSAULT"),
        factuality="asserted", evidence=Evidence(TextSpan("shelled", 15, 22), "verbs.txt:1"),
    )  # fmt: skip


def test_place_actors_city_target_becomes_country() -> None:
    """'Russian forces shelled Kharkiv': the target --- (Kharkiv) becomes UKR, named Kharkiv."""
    src = Actor("Russian forces", 0, 14, "RUSMIL", "RUS", "MIL")
    ev = resolve_place_actors([_event(src, Actor("Kharkiv", 23, 30, "---"))])[0]
    assert ev.target is not None and (ev.target.code, ev.target.country) == ("UKR", "UKR")
    assert ev.target.name == "Kharkiv" and ev.target.text == "Kharkiv"


def test_place_actors_ambiguous_or_unknown_names_stay() -> None:
    """Springfield (many US towns, one country) resolves; a non-place or an even split does not."""
    assert place_country("Springfield") is not None
    assert place_country("a suicide bomber") is None
    src = Actor("gunmen", 0, 6, "---")
    ev = resolve_place_actors([_event(src, Actor("the convoy", 10, 20, "---"))])[0]
    assert ev.source == src and ev.target is not None and ev.target.code == "---"


def test_place_actors_agent_then_place_takes_its_country() -> None:
    """'Police in Lahore detained 30 protesters': ---COP followed by a city becomes PAKCOP; an
    agent followed by no place, or the text not given, stays as it was."""
    text = "Police in Lahore detained 30 protesters."
    src = Actor("Police", 0, 6, "---COP", None, "COP")
    tgt = Actor("protesters", 29, 39, "---OPP", None, "OPP")
    ev = resolve_place_actors([_event(src, tgt)], text)[0]
    assert ev.source is not None and (ev.source.code, ev.source.country) == ("PAKCOP", "PAK")
    assert ev.target == tgt  # nothing after it names a place
    assert resolve_place_actors([_event(src, tgt)])[0].source == src


def test_place_actors_extract_agent_of_a_city() -> None:
    """End to end: 'officials from Kharkiv' are Ukrainian officials."""
    import dyad

    events = dyad.extract("Officials from Kharkiv condemned the strike.", date="2023-05-01")
    assert any(e.source is not None and e.source.code == "UKRGOV" for e in events), events


def test_place_actors_provinces_without_a_namesake_city() -> None:
    """Provinces matched by no city of the same name are in dyad's regions: 'authorities in
    Gilgit-Baltistan' are Pakistani, 'police in Nangarhar' Afghan."""
    assert place_country("Gilgit-Baltistan").country == "PAK"  # type: ignore[union-attr]
    assert place_country("Sindh province").country == "PAK"  # type: ignore[union-attr]
    assert place_country("Nangarhar").country == "AFG"  # type: ignore[union-attr]
