"""Unresolved actors that name places become those places' countries."""

from __future__ import annotations

from dataclasses import replace

from dyad.model import Actor, Event, Evidence, Place, Plover, TextSpan
from dyad.wwh.gazetteer import load
from dyad.wwh.place_actors import _Context, _place_before, place_country, resolve_place_actors


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


def _at(text: str, words: str, code: str, sector: str | None = None) -> Actor:
    """An actor for the first occurrence of ``words`` in ``text``."""
    start = text.index(words)
    country = code if len(code) == 3 and code != "---" else None
    return Actor(words, start, start + len(words), code, country, sector)


def _located(
    text: str, source: Actor, target: Actor | None, place: str, country: str, cameo: str = "190"
) -> Event:
    """An event of ``text`` located at ``place`` (in ``country``), as the wwh attach step sets it."""
    start = text.index(place)
    ev = _event(source, target)  # type: ignore[arg-type]
    evidence = Evidence(
        ev.evidence.trigger, "verbs.txt:1", location=TextSpan(place, start, start + len(place))
    )
    return replace(
        ev, cameo=cameo, cameo_root=cameo[:2], evidence=evidence,
        location=Place(place, country, None, 0.0, 0.0),
    )  # fmt: skip


def test_place_actors_place_modifier_gives_country() -> None:
    """'Darfur rebels', 'Kandahar's police chief', 'Herat riot police': a capitalised place right
    before the agent gives its country (rule 1), even against the event's location."""
    text = "Darfur rebels ambushed a convoy near Kandahar's police chief and Herat riot police."
    rebels = _at(text, "rebels", "---REB", "REB")
    chief = _at(text, "police chief", "---COP", "COP")
    riot = _at(text, "police.", "---COP", "COP")
    riot = replace(riot, text="police", end=riot.end - 1)
    ev = resolve_place_actors([_event(rebels, chief), _event(riot, None)], text)  # type: ignore[arg-type]
    assert ev[0].source is not None and ev[0].source.code == "SDNREB"
    assert ev[0].source.text == "rebels"  # the actor keeps its own span
    assert ev[0].target is not None and ev[0].target.code == "AFGCOP"
    assert ev[1].source is not None and ev[1].source.code == "AFGCOP"
    located = _located(text, rebels, None, "Kandahar", "AFG")
    assert resolve_place_actors([located], text)[0].source.code == "SDNREB"  # type: ignore[union-attr]


def test_place_actors_modifier_must_be_a_capitalised_unambiguous_place() -> None:
    """A lower-case word, a people named like a town ('Naga rebels' are not from Naga in the
    Philippines), a name that is only partly a place ('Abu Sayyaf') or an agent word ('Police')
    gives no country."""
    for text, words in [
        ("darfur rebels attacked.", "rebels"),
        ("Naga rebels attacked.", "rebels"),
        ("Abu Sayyaf militants attacked.", "militants"),
        ("Police officers attacked.", "officers"),
    ]:
        actor = _at(text, words, "---REB", "REB")
        ev = resolve_place_actors([_event(actor, None)], text)[0]  # type: ignore[arg-type]
        assert ev.source == actor, text


def test_place_actors_event_location_gives_country() -> None:
    """'Militants attacked a checkpoint near Mosul': with no place of its own, the agent takes
    the event's location (rule 3) and the place stays the event's target."""
    text = "Militants attacked a checkpoint near Mosul on Sunday."
    militants = _at(text, "Militants", "---REB", "REB")
    ev = resolve_place_actors([_located(text, militants, None, "Mosul", "IRQ")], text)[0]
    assert ev.source is not None and (ev.source.code, ev.source.text) == ("IRQREB", "Militants")
    assert ev.target is not None and (ev.target.code, ev.target.text) == ("IRQ", "Mosul")
    # a place after the agent comes first: "police in Karachi" stays Pakistani
    text = "Police in Karachi detained two Afghans near Kabul."
    police = _at(text, "Police", "---COP", "COP")
    ev = resolve_place_actors([_located(text, police, None, "Kabul", "AFG", "173")], text)[0]
    assert ev.source is not None and ev.source.code == "PAKCOP"


def test_place_actors_event_location_not_where_the_actor_is() -> None:
    """No country from the location for a destination ('fled to Chad'), a visit (042), an air
    strike (195), a visitor ('foreign fighters'), a named group, or the other side's own country
    ('militants fired rockets at Israel')."""
    cases = [
        ("Refugees fled to Chad on Monday.", "Refugees", "---REF", "Chad", "TCD", "190", None),
        ("Officials visited Baghdad on Monday.", "Officials", "---GOV", "Baghdad", "IRQ", "042", None),
        ("Warplanes bombed Idlib on Monday.", "Warplanes", "---MIL", "Idlib", "SYR", "195", None),
        ("Foreign fighters attacked Raqqa.", "fighters", "---REB", "Raqqa", "SYR", "190", None),
        ("Militants fired rockets at Israel.", "Militants", "---REB", "Israel", "ISR", "190", "ISR"),
    ]  # fmt: skip
    for text, words, code, place, country, cameo, other in cases:
        actor = _at(text, words, code, code[3:])
        target = _at(text, place, other) if other else None
        ev = resolve_place_actors([_located(text, actor, target, place, country, cameo)], text)[0]
        assert ev.source == actor, text
    text = "Islamic State militants attacked Kirkuk."
    named = replace(_at(text, "Islamic State militants", "---REB", "REB"), name="Islamic State")
    ev = resolve_place_actors([_located(text, named, None, "Kirkuk", "IRQ")], text)[0]
    assert ev.source == named


def test_place_actors_ethnic_community_lives_where_the_place_is() -> None:
    """'Ethnic Serbs rallied in Mitrovica' are civilians of Kosovo, not Serbia; 'the Hungarians of
    southern Slovakia' are Slovak civilians; a demonym with no such context stays a nation."""
    text = "Ethnic Serbs rallied in Mitrovica on Friday."
    serbs = _at(text, "Serbs", "SRB")
    ev = resolve_place_actors([_located(text, serbs, None, "Mitrovica", "XKX", "141")], text)[0]
    assert ev.source is not None and (ev.source.code, ev.source.sector) == ("XKXCVL", "CVL")
    text = "The Hungarians of southern Slovakia demanded more schools."
    hungarians = _at(text, "Hungarians", "HUN")
    ev = resolve_place_actors([_event(hungarians, None)], text)[0]  # type: ignore[arg-type]
    assert ev.source is not None and (ev.source.code, ev.source.country) == ("SVKCVL", "SVK")
    text = "Serbs rallied in Mitrovica on Friday."
    serbs = _at(text, "Serbs", "SRB")
    ev = resolve_place_actors([_located(text, serbs, None, "Mitrovica", "XKX", "141")], text)[0]
    assert ev.source == serbs


def test_place_actors_lower_case_word_is_no_place() -> None:
    """'President obama expressed sorrow': an unresolved lower-case 'obama' is no Japanese town."""
    text = "President obama expressed sorrow."
    actor = _at(text, "obama", "---")
    assert resolve_place_actors([_event(actor, None)], text)[0].source == actor  # type: ignore[arg-type]
    assert place_country("Obama") is not None  # the town exists: only the case keeps it out


def test_place_actors_extract_agents_take_the_event_location() -> None:
    """End to end: 'Masked gunmen killed four villagers near Jalalabad' codes Afghan gunmen and
    Afghan villagers, each keeping its own words."""
    import dyad

    events = dyad.extract(
        "Masked gunmen killed four villagers near Jalalabad on Sunday.", date="2019-03-04"
    )
    pairs = {(e.source.text, e.source.code) for e in events if e.source is not None}
    pairs |= {(e.target.text, e.target.code) for e in events if e.target is not None}
    assert ("gunmen", "AFGREB") in pairs, events
    assert ("villagers", "AFGCVL") in pairs, events


def test_place_actors_modifier_stops_at_a_sentence_end() -> None:
    """'... near Kabul. Police said': the place ending the last sentence modifies nothing."""
    text = "Two men were killed near Kabul. Police said they had no suspects."
    police = _at(text, "Police", "---COP", "COP")
    assert _place_before(police, _Context(load(), text)) is None
    text = text.replace(". Police", " Police")
    assert _place_before(_at(text, "Police", "---COP", "COP"), _Context(load(), text)) == "AFG"


def test_place_actors_ethnic_community_place_later_in_clause() -> None:
    """'ethnic Albanians in a gunbattle in southeastern Serbia Friday': the first place named
    'in' the rest of the clause (a weekday after it dropped) makes them Serbia's civilians."""
    text = "Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia Friday."
    start = text.index("Albanians")
    src = Actor("Serb forces", 0, 11, "SRBMIL", "SRB", "MIL")
    tgt = Actor("Albanians", start, start + 9, "ALB", "ALB", None)
    ev = resolve_place_actors([_event(src, tgt)], text)[0]
    assert ev.target is not None and ev.target.code == "SRBCVL"


def test_place_actors_compass_word_before_place_after() -> None:
    """'police in southern Karachi': a compass word may stand between 'in' and the place."""
    text = "Police in southern Karachi arrested five men."
    ev = resolve_place_actors([_event(Actor("Police", 0, 6, "---COP", None, "COP"), None)], text)
    assert ev[0].source is not None and ev[0].source.code == "PAKCOP"
