"""Which events a sentence reports: deeds named as the reason or circumstance of its news,
participants' background, adjectival participles and one event told twice are not coded as
asserted events of their own. The sentences are written for these tests."""

from __future__ import annotations

import pytest

import dyad
from dyad.coding.selection import drop_subsumed, referenced
from dyad.model import Actor, Event, Evidence, Plover, TextSpan
from dyad.pipeline import get_pipeline


def code(text: str, date: str = "2024-05-15") -> list[Event]:
    return dyad.extract(text, date=date)


def asserted(events: list[Event]) -> set[tuple[str, str, str]]:
    """(source code, CAMEO code, target code) of the asserted events, '-' for no actor."""
    return {
        (e.source.code if e.source else "-", e.cameo, e.target.code if e.target else "-")
        for e in events
        if e.factuality == "asserted"
    }


def roots(events: list[Event]) -> set[str]:
    return {e.cameo_root for e in events if e.factuality == "asserted"}


def triggers(events: list[Event]) -> set[str]:
    """The trigger words of the asserted events."""
    return {e.evidence.trigger.text for e in events if e.factuality == "asserted"}


@pytest.mark.parametrize(
    ("text", "news", "mentioned_root"),
    [
        # the deed one is blamed, accused, arrested, or complains over
        # (an accusation of attacking or violating is 1123, accusing of aggression)
        ("Egypt blamed Libya for the shelling of a border post.", ("EGY", "1123", "LBY"), "19"),
        ("Jordan accused Syrian militias of violating the truce.", ("JOR", "1123", "SYRUAF"), "19"),
        (
            "Turkey arrested a Greek diplomat for collaborating with Armenia.",
            ("TUR", "173", "GRCGOV"),
            "06",
        ),
        (
            # the complaint is about Iran, the League only hears it (as the CAMEO manual codes
            # "Lebanon complained to the UN over Israeli air raids")
            "Iraq complained to the Arab League over Iranian air strikes near Basra.",
            ("IRQ", "114", "IRN"),
            "19",
        ),
        ("Pakistan condemned the bombing of a mosque in Kabul.", ("PAK", "111", "-"), "18"),
        (
            "Thousands of Kenyans marched in Nairobi in protest of the arrest of an opposition "
            "leader.",
            ("KEN", "141", "KENGOV"),
            "17",
        ),
        # the deed sits deeper, in a clause inside the reason
        (
            "Ghana complained to Togo over a raid in which police said three Ghanaian traders "
            "were killed.",
            ("GHA", "114", "TGO"),
            "19",
        ),
        (
            "Kenya sued Uganda for damages to a market that were caused by a Ugandan air strike.",
            ("KEN", "115", "UGA"),
            "19",
        ),
    ],
)
def test_coding_selection_reason_of_the_news_is_not_coded(
    text: str, news: tuple[str, str, str], mentioned_root: str
) -> None:
    """'Egypt blamed Libya for the shelling': the accusation is coded, the shelling is not."""
    events = code(text)
    assert news in asserted(events)
    assert mentioned_root not in roots(events)


@pytest.mark.parametrize(
    ("text", "news", "mentioned"),
    [
        (
            "Turkey closed its border with Syria following the shelling of a Turkish village.",
            ("TUR", "191", "SYR"),
            "shelling",
        ),
        (
            "Syria withdrew its troops from Lebanon after three decades of military occupation.",
            ("SYR", "0874", "LBNMIL"),
            "occupation",
        ),
        (
            "Ukraine expelled a Belarusian diplomat after Belarus arrested two Ukrainian "
            "journalists.",
            ("UKR", "166", "BLRGOV"),
            "arrested",
        ),
    ],
)
def test_coding_selection_circumstance_is_not_coded(
    text: str, news: tuple[str, str, str], mentioned: str
) -> None:
    """'closed its border following the shelling of a village': the backdrop is not coded."""
    events = code(text)
    assert news in asserted(events)
    assert not any(mentioned in t for t in triggers(events))


def test_coding_selection_mentioned_event_kept_when_it_is_the_only_news() -> None:
    """'died in custody after torture by police': with nothing else reported, the torture is."""
    events = code("A Kurdish activist died in custody after torture by Turkish police.")
    assert "18" in roots(events)


def test_coding_selection_condolences_for_a_deadly_attack() -> None:
    """'condolences for an attack that killed 30': neither the attack nor the killing."""
    events = code("Chad expressed condolences to Niger for an attack that killed 30 soldiers.")
    assert ("TCD", "018", "NER") in asserted(events)
    assert "19" not in roots(events)


def test_coding_selection_restrictive_relative_is_background() -> None:
    """'freed a journalist who had been jailed': the jailing identifies him; the release is news."""
    events = code("Nigeria freed a Cameroonian journalist who had been jailed for three years.")
    assert ("NGA", "0841", "CMRMED") in asserted(events)
    assert "17" not in roots(events)


def test_coding_selection_passive_participle_describes_a_participant() -> None:
    """'Syrian troops, backed by Russian jets, shelled Idlib': the shelling, not a backing."""
    events = code("Syrian troops, backed by Russian jets, shelled Idlib.")
    assert roots(events) == {"19"}


def test_coding_selection_nonrestrictive_relative_is_coded() -> None:
    """'The rebels, who attacked a police station …,': a clause set off by commas tells news."""
    events = code(
        "The rebels, who attacked a police station in Mali last week, signed a truce with the "
        "government."
    )
    assert "19" in roots(events)


def test_coding_selection_content_clause_of_a_noun_is_coded() -> None:
    """'confirmed reports that Pyongyang has sent shells': what the reports say is coded."""
    events = code("Seoul confirmed reports that Pyongyang has sent artillery shells to Moscow.")
    assert ("PRKGOV", "072", "RUSGOV") in asserted(events)


@pytest.mark.parametrize(
    "text",
    [
        "Israeli police searched homes in the occupied West Bank city of Hebron.",
        "Serbia criticised the occupying forces in Kosovo.",
    ],
)
def test_coding_selection_attributive_participle_is_no_event(text: str) -> None:
    """'the occupied West Bank', 'the occupying forces': adjectives, not occupations (192)."""
    assert not any(e.cameo.startswith("192") for e in code(text))


def test_coding_selection_participle_toll_is_one_event() -> None:
    """'shelled Goma, killing 12 civilians': one attack, not a shelling and a killing."""
    events = [e for e in code("Rwandan rebels shelled Goma, killing 12 civilians.")]
    assert [e.cameo_root for e in events if e.factuality == "asserted"] == ["19"]
    assert all(e.evidence.trigger.text != "killing" for e in events)


def test_coding_selection_same_source_and_root_without_target_is_dropped() -> None:
    """'will give Vietnam a loan to finance railways': JPN→VNM 0331, not also JPN→— 0331."""
    events = code("Japan will give Vietnam a loan to finance new railways.")
    promises = {(s, t) for s, c, t in asserted(events) if c == "0331"}
    assert promises == {("JPN", "VNM")}


def test_coding_selection_referenced_names_the_reason() -> None:
    """``referenced`` says why: the governor of a reason, the marker of a circumstance."""
    nlp = get_pipeline().language
    doc = nlp("Egypt blamed Libya for the shelling of a border post.")
    shelling = next(t for t in doc if t.text == "shelling")
    blamed = next(t for t in doc if t.text == "blamed")
    assert referenced(shelling) == "reason:blame"
    assert referenced(blamed) is None
    doc = nlp("Turkey closed its border following the shelling of a Turkish village.")
    shelling = next(t for t in doc if t.text == "shelling")
    assert referenced(shelling) == "circumstance:following"


def _event(source: str | None, target: str | None, cameo: str) -> Event:
    """A hand-made asserted event with the given actor codes (countries) and CAMEO code."""

    def actor(code: str | None) -> Actor | None:
        return None if code is None else Actor(code, 0, len(code), code, country=code)

    return Event(
        doc_id="d",
        event_id=f"{source}-{target}-{cameo}",
        sentence_index=0,
        sentence="",
        source=actor(source),
        target=actor(target),
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=1,
        goldstein=0.0,
        plover=Plover(""),
        factuality="asserted",
        evidence=Evidence(TextSpan("x", 0, 1), "test"),
    )


def test_coding_selection_drop_subsumed_keeps_a_denial_beside_a_statement() -> None:
    """A denial (016) is not told again by a bare statement (010) that names a target too."""
    denial, told = _event("IRN", None, "016"), _event("IRN", "AZE", "010")
    assert drop_subsumed([denial, told]) == [denial, told]


def test_coding_selection_drop_subsumed_needs_the_same_root_and_actor() -> None:
    """FIN→— 0331 goes beside FIN→TZA 0331; not beside FIN→TZA 071 or EST→TZA 0331."""
    bare = _event("FIN", None, "0331")
    assert drop_subsumed([bare, _event("FIN", "TZA", "0331")]) == [_event("FIN", "TZA", "0331")]
    assert bare in drop_subsumed([bare, _event("FIN", "TZA", "071")])
    assert bare in drop_subsumed([bare, _event("EST", "TZA", "0331")])
