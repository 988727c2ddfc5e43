"""Targets an event used to lose: unknown place names in the target's phrase, phrases on the
object ("sanctions *against X*"), a toll clause's victims, object pronouns, and coordinated
nationalities sharing one agent noun.

The hand-built UD parses pin the mechanism of ``dyad.coding.roles`` / ``dyad.coding.index``
independent of the parser model; the end-to-end tests run dyad's pipeline on our own sentences.
"""

from __future__ import annotations

import dyad
from dyad.actors.types import Mention
from dyad.coding.index import MentionIndex
from dyad.coding.roles import find_roles
from dyad.coding.types import Trigger
from dyad.model import Actor
from handparse import mention, pairs, parsed

DATE = "2019-03-01"


# ---------------------------------------------------------------- object pronouns


def test_index_object_pronoun_is_not_its_clause_subject() -> None:
    """ "Biden phoned Scholz and thanked *him*": him is Scholz, not Biden (that would be
    "himself"), though the subject is the likelier antecedent of other pronouns."""
    doc = parsed(
        [
            ("Biden", 1, "nsubj", "PROPN"),
            ("phoned", 1, "ROOT", "VERB"),
            ("Scholz", 1, "obj", "PROPN"),
            ("and", 4, "cc", "CCONJ"),
            ("thanked", 1, "conj", "VERB"),
            ("him", 4, "obj", "PRON"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    ms = [mention(doc, 0, 1, "USAGOV", "person"), mention(doc, 2, 3, "DEUGOV", "person")]
    index = MentionIndex(doc, ms)
    assert [m.actor.code for m in index.of_token(doc[5])] == ["DEUGOV"]
    trig = Trigger("051", 4, (4,), "t:1")
    roles = find_roles(doc[0 : len(doc)], trig, index)
    assert [m.actor.code for m in roles.targets] == ["DEUGOV"]


def test_index_person_pronoun_skips_places() -> None:
    """ "met Erdogan in Ankara and praised him": a capital is no "him"."""
    doc = parsed(
        [
            ("Merkel", 1, "nsubj", "PROPN"),
            ("met", 1, "ROOT", "VERB"),
            ("Erdogan", 1, "obj", "PROPN"),
            ("in", 4, "case", "ADP"),
            ("Ankara", 1, "obl", "PROPN"),
            ("and", 6, "cc", "CCONJ"),
            ("praised", 1, "conj", "VERB"),
            ("him", 6, "obj", "PRON"),
        ]
    )
    ankara = mention(doc, 4, 5, "TURGOV", "capital")
    ankara = Mention(4, 5, 4, Actor("Ankara", 20, 26, "TURGOV", "TUR", name="Ankara"), "capital")
    ms = [mention(doc, 0, 1, "DEUGOV", "person"), mention(doc, 2, 3, "TURGOV", "person"), ankara]
    index = MentionIndex(doc, ms)
    assert [m.actor.text for m in index.of_token(doc[7])] == ["Erdogan"]


def test_pronoun_with_conjunct_names_both() -> None:
    """ "curbs between *it and Israel*": the pronoun's conjunct is a target too, and the
    pronoun's antecedent (the subject) drops out as the source itself."""
    events = dyad.extract(
        "Bahrain lifted the travel restrictions between it and Israel.", date=DATE
    )
    assert ("BHR", "ISR") in pairs(events, "08")


def test_urged_him_after_a_call() -> None:
    """ "called Putin and urged him to ...": the appeal is aimed at the one called."""
    events = dyad.extract(
        "Macron called Vladimir Putin on Monday and urged him to halt the offensive.",
        date="2022-03-01",
    )
    assert ("FRAGOV", "RUSGOV") in pairs(events, "02")


# ---------------------------------------------------------------- phrases on the object


def test_sanctions_against_a_country_are_lifted_from_it() -> None:
    """ "lifted sanctions *against* X", "lifted curbs *to and from* X": the object's phrase names
    the target, whatever its preposition."""
    assert ("CAN", "VEN") in pairs(
        dyad.extract("Canada lifted all sanctions against Venezuela.", date=DATE), "08"
    )
    assert ("KOR", "PRK") in pairs(
        dyad.extract("South Korea lifted travel curbs to and from North Korea.", date=DATE), "08"
    )


def test_passive_sanctions_keep_owner_and_target() -> None:
    """ "EU sanctions against Belarus were lifted": the owner lifted them, from the one they hit."""
    events = dyad.extract("EU sanctions against Belarus were lifted on Monday.", date=DATE)
    assert ("EU", "BLR") in pairs(events, "08")


# ---------------------------------------------------------------- unknown places


def test_unknown_place_in_target_phrase_becomes_its_country() -> None:
    """ "sent aid to Gaza": a place no actor dictionary knows, in the target's phrase, is
    resolved to its country by the attributes stage."""
    events = dyad.extract("Norway sent humanitarian aid to Gaza.", date=DATE)
    assert ("NOR", "PSE") in pairs(events, "07")


def test_unknown_place_of_a_hit_thing() -> None:
    """ "pounded the enclave of eastern Ghouta": the thing hit stands for its place, named
    without the adjective before it."""
    events = dyad.extract(
        "Government warplanes pounded the besieged enclave of eastern Ghouta on Sunday.",
        date=DATE,
    )
    targets = [e.target for e in events if e.cameo_root in {"19", "18"} and e.target is not None]
    assert targets and targets[0].text == "Ghouta"


def test_time_word_in_target_phrase_is_nobody() -> None:
    """ "announced a truce on Monday": a day in a target preposition's phrase is no actor."""
    events = dyad.extract("The rebels announced a ceasefire on Monday.", date=DATE)
    assert all(e.target is None or "Monday" not in e.target.text for e in events)


# ---------------------------------------------------------------- a deed told with its toll


def test_toll_clause_lends_its_victims_to_the_kept_deed() -> None:
    """ "carried out air strikes, killing dozens of Taliban fighters": one event, aimed at the
    ones killed."""
    events = dyad.extract(
        "The Afghan air force carried out two air strikes in Kunduz, killing dozens of "
        "Taliban fighters.",
        date=DATE,
    )
    kept = [e for e in events if e.cameo_root in {"18", "19"} and e.factuality == "asserted"]
    assert len(kept) == 1
    assert kept[0].target is not None and "Taliban" in kept[0].target.text


def test_toll_does_not_replace_a_named_target() -> None:
    """ "shelled Kharkiv, killing 12 civilians": the named place stays the target."""
    events = dyad.extract(
        "Russian forces shelled Kharkiv overnight, killing 12 civilians.", date=DATE
    )
    assert ("RUSMIL", "UKR") in pairs(events, "19")


# ---------------------------------------------------------------- coordinated nationalities


def test_shared_agent_noun_gives_each_country_its_sector() -> None:
    """ "the Japanese and US navies held a joint exercise": JPNMIL and USAMIL, both ways (not the
    bare country US, nor the first nationality alone)."""
    events = dyad.extract("The Japanese and US navies held a joint exercise.", date=DATE)
    assert pairs(events, "06") == {("JPNMIL", "USAMIL"), ("USAMIL", "JPNMIL")}


def test_shared_agent_of_coordinated_countries_in_joint_deed() -> None:
    """ "the armies of Chile and Peru held joint war games": a joint deed of two is done with
    each other, whatever the pattern's own reciprocity."""
    events = dyad.extract("The armies of Chile and Peru held joint war games in May.", date=DATE)
    found = {p for e in events for p in [(e.source and e.source.code, e.target and e.target.code)]}
    assert {("CHLMIL", "PERMIL"), ("PERMIL", "CHLMIL")} <= found


def test_shared_agent_needs_an_agent_noun() -> None:
    """ "Russian and Chinese exports rose": no agent noun, so nobody is made up."""
    doc = parsed(
        [
            ("Russian", 3, "amod", "ADJ"),
            ("and", 2, "cc", "CCONJ"),
            ("Chinese", 0, "conj", "ADJ"),
            ("exports", 4, "nsubj", "NOUN"),
            ("rose", 4, "ROOT", "VERB"),
        ]
    )
    from dyad.coding.phrases import shared_agent

    assert shared_agent(MentionIndex(doc, []), doc[3]) == []


# ---------------------------------------------------------------- purpose of aid


def test_aid_purpose_clause_on_the_money_names_the_recipient() -> None:
    """ "earmarked $2 million in emergency aid *to help Nepal* recover": the purpose clause hangs
    on what the money is, and names whom it is for."""
    events = dyad.extract(
        "Japan has earmarked 2 million dollars in emergency aid to help Nepal recover from the "
        "earthquake.",
        date=DATE,
    )
    assert ("JPN", "NPL") in pairs(events, "07")


def test_navies_and_eased_curbs() -> None:
    """ "navies" is a military agent word; "eased travel curbs on X" targets X (081)."""
    import dyad

    got = {
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
        for text in (
            "The Indian and French navies held joint exercises in the Arabian Sea.",
            "China eased travel curbs on Hong Kong.",
        )
        for e in dyad.extract(text, date="2021-01-05")
    }
    assert ("062", "INDMIL", "FRAMIL") in got and ("062", "FRAMIL", "INDMIL") in got
    assert ("081", "CHN", "HKG") in got
