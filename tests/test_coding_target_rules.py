"""Targets the event type alone does not give: whom an offer came from, whose deed is protested,
who a participle of violence befell, whom a purpose clause aims at.

Hand-built UD parses, with the attachment slips dyad's parser makes, so each test pins one rule
of ``dyad.coding.roles`` independent of the parser model.
"""

from __future__ import annotations

from spacy.tokens import Doc

import dyad
from dyad.actors.types import Mention
from dyad.coding.roles import Roles
from dyad.coding.types import Trigger
from handparse import ParseRow, codes, mention, parsed, roles_of


def test_target_rules_offer_from_split_name() -> None:
    """'accepted demands from Shona rebels', the unknown name cut off from its noun: the rebels."""
    doc = parsed(
        [
            ("The", 2, "det", "DET"),
            ("Mozambican", 2, "amod", "ADJ"),
            ("government", 3, "nsubj", "NOUN"),
            ("accepted", 3, "ROOT", "VERB", "VBD"),
            ("demands", 3, "obj", "NOUN"),
            ("from", 6, "case", "ADP"),
            ("Shona", 3, "obl", "PROPN"),
            ("rebels", 3, "obj", "NOUN"),
            (".", 3, "punct", "PUNCT"),
        ]
    )
    trig = Trigger("083", 3, (3, 4), "t:1", target_preps=("from",), object_target=False)
    roles = roles_of(
        doc, trig, [mention(doc, 1, 3, "MOZGOV", "agent"), mention(doc, 7, 8, "---REB", "agent")]
    )
    assert codes(roles.sources) == ["MOZGOV"]
    assert codes(roles.targets) == ["---REB"]


def test_target_rules_offer_from_unknown_name() -> None:
    """'rejected an offer from Kabul' with a name no dictionary has: still the one who offered."""
    doc = parsed(
        [
            ("Pakistan", 1, "nsubj", "PROPN"),
            ("rejected", 1, "ROOT", "VERB", "VBD"),
            ("a", 4, "det", "DET"),
            ("fresh", 4, "amod", "ADJ"),
            ("offer", 1, "obj", "NOUN"),
            ("from", 6, "case", "ADP"),
            ("Afghanstan", 4, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    trig = Trigger("125", 1, (1, 4), "t:1")
    roles = roles_of(doc, trig, [mention(doc, 0, 1, "PAK")])
    assert codes(roles.sources) == ["PAK"]
    assert [m.actor.text for m in roles.targets] == ["Afghanstan"]  # not "from Afghanstan"


def test_target_rules_offer_from_titled_name() -> None:
    """'an appeal from President Laurent Gbagbo' (title as nmod:desc): the president, whose
    title the dictionary knows though not his name."""
    doc = parsed(
        [
            ("Rebels", 1, "nsubj", "NOUN"),
            ("dismissed", 1, "ROOT", "VERB", "VBD"),
            ("an", 3, "det", "DET"),
            ("appeal", 1, "obj", "NOUN"),
            ("from", 7, "case", "ADP"),
            ("President", 6, "nmod:desc", "PROPN"),
            ("Laurent", 7, "compound", "PROPN"),
            ("Gbagbo", 3, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    trig = Trigger("120", 1, (1, 3), "t:1")
    roles = roles_of(
        doc, trig, [mention(doc, 0, 1, "---REB", "agent"), mention(doc, 5, 6, "---GOV", "agent")]
    )
    assert codes(roles.sources) == ["---REB"]
    assert codes(roles.targets) == ["---GOV"]


def test_target_rules_reduced_participle_is_patient() -> None:
    """'There were 10 Russian soldiers killed in Ukraine': the soldiers were killed, they did
    not kill (the bug: they were coded as the source of 190)."""
    doc = parsed(
        [
            ("There", 1, "expl", "PRON"),
            ("were", 1, "ROOT", "VERB", "VBD"),
            ("10", 4, "nummod", "NUM"),
            ("Russian", 4, "amod", "ADJ"),
            ("soldiers", 1, "nsubj", "NOUN"),
            ("killed", 4, "acl", "VERB", "VBN"),
            ("in", 7, "case", "ADP"),
            ("Ukraine", 5, "obl", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    trig = Trigger("190", 5, (5,), "t:1")
    roles = roles_of(doc, trig, [mention(doc, 3, 5, "RUSMIL", "agent"), mention(doc, 7, 8, "UKR")])
    assert codes(roles.sources) == []
    assert codes(roles.targets) == ["RUSMIL"]


def test_target_rules_reduced_participle_unnamed_patient() -> None:
    """'Dozens of villagers wounded in the shelling were taken to hospital': the villagers, a
    noun phrase no dictionary codes, are who was wounded."""
    doc = parsed(
        [
            ("Dozens", 8, "nsubj:pass", "NOUN"),
            ("of", 2, "case", "ADP"),
            ("villagers", 0, "nmod", "NOUN"),
            ("wounded", 2, "acl", "VERB", "VBN"),
            ("in", 6, "case", "ADP"),
            ("the", 6, "det", "DET"),
            ("shelling", 3, "obl", "NOUN"),
            ("were", 8, "aux:pass", "AUX"),
            ("taken", 8, "ROOT", "VERB", "VBN"),
            ("to", 10, "case", "ADP"),
            ("hospital", 8, "obl", "NOUN"),
        ]
    )
    roles = roles_of(doc, Trigger("190", 3, (3,), "t:1"), [])
    assert codes(roles.sources) == []
    assert [m.actor.text for m in roles.targets] == ["villagers"]


def test_target_rules_participle_on_root_noun_is_finite() -> None:
    """'Rebels attacked in the north' with the verb read as a participle of the root noun: the
    rebels attacked; no patient rule applies."""
    doc = parsed(
        [
            ("Rebels", 0, "ROOT", "NOUN"),
            ("attacked", 0, "acl", "VERB", "VBN"),
            ("in", 4, "case", "ADP"),
            ("the", 4, "det", "DET"),
            ("north", 1, "obl", "NOUN"),
        ]
    )
    roles = roles_of(doc, Trigger("190", 1, (1,), "t:1"), [mention(doc, 0, 1, "---REB", "agent")])
    assert codes(roles.targets) == []
    assert codes(roles.sources) == ["---REB"]


def test_target_rules_purpose_clause_on_object() -> None:
    """'Police opened fire to disperse Kurdish demonstrators': the purpose clause hung on "fire"
    names whom the firing was aimed at."""
    doc = parsed(
        [
            ("Turkish", 1, "amod", "ADJ"),
            ("police", 2, "nsubj", "NOUN"),
            ("opened", 2, "ROOT", "VERB", "VBD"),
            ("fire", 2, "obj", "NOUN"),
            ("to", 5, "mark", "PART"),
            ("disperse", 3, "acl", "VERB", "VB"),
            ("Kurdish", 7, "amod", "ADJ"),
            ("demonstrators", 5, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ]
    )
    trig = Trigger("190", 2, (2, 3), "t:1", target_preps=("on",), object_target=False)
    roles = roles_of(
        doc, trig, [mention(doc, 0, 2, "TURCOP", "agent"), mention(doc, 7, 8, "---OPP", "agent")]
    )
    assert codes(roles.sources) == ["TURCOP"]
    assert codes(roles.targets) == ["---OPP"]


def _condemned_killing(with_agent: bool) -> tuple[Doc, list[Mention]]:
    rows: list[ParseRow] = [
        ("Iran", 1, "nsubj", "PROPN"),
        ("condemned", 1, "ROOT", "VERB", "VBD"),
        ("the", 3, "det", "DET"),
        ("killing", 1, "obj", "NOUN"),
        ("of", 6, "case", "ADP"),
        ("Iranian", 6, "amod", "ADJ"),
        ("diplomats", 3, "nmod", "NOUN"),
    ]
    if with_agent:
        rows += [("by", 9, "case", "ADP"), ("Taliban", 9, "compound", "PROPN")]
        rows += [("militants", 3, "nmod", "NOUN")]
    doc = parsed(rows)
    ms = [mention(doc, 0, 1, "IRN"), mention(doc, 5, 7, "IRNGOV", "agent")]
    if with_agent:
        ms.append(mention(doc, 8, 10, "AFGREB", "agent"))
    return doc, ms


def test_target_rules_condemned_deed_names_its_author() -> None:
    """'condemned the killing of Iranian diplomats by Taliban militants': the condemnation is
    aimed at the killers, not the killed."""
    doc, ms = _condemned_killing(with_agent=True)
    roles = roles_of(doc, Trigger("111", 1, (1,), "t:1"), ms)
    assert codes(roles.targets) == ["AFGREB"]


def test_target_rules_condemned_deed_without_author() -> None:
    """With no "by" phrase the object's own actor stays the target."""
    doc, ms = _condemned_killing(with_agent=False)
    roles = roles_of(doc, Trigger("111", 1, (1,), "t:1"), ms)
    assert codes(roles.targets) == ["IRNGOV"]


def test_target_rules_protest_against_deed_by_phrase_on_verb() -> None:
    """'demonstrated against violations by the Israeli army', "by" hung on the verb: the army."""
    doc = parsed(
        [
            ("Palestinians", 1, "nsubj", "PROPN"),
            ("demonstrated", 1, "ROOT", "VERB", "VBD"),
            ("against", 4, "case", "ADP"),
            ("rights", 4, "compound", "NOUN"),
            ("violations", 1, "obl", "NOUN"),
            ("by", 8, "case", "ADP"),
            ("the", 8, "det", "DET"),
            ("Israeli", 8, "amod", "ADJ"),
            ("army", 1, "obl", "NOUN"),
        ]
    )
    trig = Trigger("141", 1, (1, 2), "t:1", target_preps=("against",), object_target=False)
    roles = roles_of(doc, trig, [mention(doc, 0, 1, "PSE"), mention(doc, 7, 9, "ISRMIL", "agent")])
    assert codes(roles.targets) == ["ISRMIL"]


def _complained(grievance: list[ParseRow], mentions: list[tuple[int, int, str]]) -> Roles:
    rows: list[ParseRow] = [
        ("Lebanon", 1, "nsubj", "PROPN"),
        ("complained", 1, "ROOT", "VERB", "VBD"),
        ("to", 4, "case", "ADP"),
        ("the", 4, "det", "DET"),
        ("UN", 1, "obl", "PROPN"),
        *grievance,
    ]
    doc = parsed(rows)
    ms = [mention(doc, 0, 1, "LBN"), mention(doc, 4, 5, "UN", "igo")]
    ms += [mention(doc, s, e, c) for s, e, c in mentions]
    trig = Trigger("114", 1, (1, 2), "t:1", target_preps=("about", "over", "against", "to"))
    return roles_of(doc, trig, ms)


def test_target_rules_complaint_about_foreign_deed() -> None:
    """'complained to the UN over Israeli air raids': the complaint is about Israel; the UN only
    hears it (CAMEO codes Lebanon → Israel)."""
    roles = _complained(
        [
            ("over", 9, "case", "ADP"),
            ("two", 9, "nummod", "NUM"),
            ("Israeli", 9, "amod", "ADJ"),
            ("air", 9, "compound", "NOUN"),
            ("raids", 1, "obl", "NOUN"),
        ],
        [(7, 8, "ISR")],
    )
    assert codes(roles.targets) == ["ISR"]


def test_target_rules_complaint_without_author_keeps_addressee() -> None:
    """'complained to the UN about the shortages': no one's deed, so the addressee stays."""
    roles = _complained(
        [("about", 7, "case", "ADP"), ("the", 7, "det", "DET"), ("shortages", 1, "obl", "NOUN")],
        [],
    )
    assert codes(roles.targets) == ["UN"]


def test_target_rules_object_shifted_after_as_phrase() -> None:
    """'denounced as a crime Serbia's crackdown', parsed as one "as" phrase: Serbia."""
    doc = parsed(
        [
            ("Albania", 1, "nsubj", "PROPN"),
            ("denounced", 1, "ROOT", "VERB", "VBD"),
            ("as", 7, "case", "ADP"),
            ("a", 7, "det", "DET"),
            ("crime", 7, "compound", "NOUN"),
            ("Serbia", 7, "nmod:poss", "PROPN"),
            ("'s", 5, "case", "PART"),
            ("crackdown", 1, "obl", "NOUN"),
        ]
    )
    roles = roles_of(
        doc, Trigger("111", 1, (1,), "t:1"), [mention(doc, 0, 1, "ALB"), mention(doc, 5, 6, "SRB")]
    )
    assert codes(roles.targets) == ["SRB"]


def test_target_rules_demands_by_name_their_author() -> None:
    """'accepted the demands by striking miners': "by" on the object names whose demands, as
    "from" does."""
    doc = parsed(
        [
            ("Chile", 1, "nsubj", "PROPN"),
            ("accepted", 1, "ROOT", "VERB", "VBD"),
            ("the", 3, "det", "DET"),
            ("demands", 1, "obj", "NOUN"),
            ("by", 6, "case", "ADP"),
            ("striking", 6, "amod", "ADJ"),
            ("miners", 3, "nmod", "NOUN"),
        ]
    )
    trig = Trigger("083", 1, (1, 3), "t:1", target_preps=("from",), object_target=False)
    roles = roles_of(doc, trig, [mention(doc, 0, 1, "CHL"), mention(doc, 5, 7, "---LAB", "agent")])
    assert codes(roles.targets) == ["---LAB"]


def test_target_rules_withdraw_from_neighboring_country() -> None:
    """'withdraw its troops from neighboring Lebanon', read as a gerund clause "from
    neighboring [Lebanon]": Lebanon, not the subject's own troops."""
    doc = parsed(
        [
            ("Syria", 1, "nsubj", "PROPN"),
            ("withdrew", 1, "ROOT", "VERB", "VBD"),
            ("its", 3, "nmod:poss", "PRON"),
            ("troops", 1, "obj", "NOUN"),
            ("from", 5, "mark", "SCONJ"),
            ("neighboring", 1, "advcl", "VERB", "VBG"),
            ("Lebanon", 5, "obj", "PROPN"),
        ]
    )
    trig = Trigger("0356", 1, (1, 3), "t:1", target_preps=("from",), object_target=False)
    roles = roles_of(
        doc,
        trig,
        [
            mention(doc, 0, 1, "SYR"),
            mention(doc, 2, 4, "SYRMIL", "coref"),
            mention(doc, 6, 7, "LBN"),
        ],
    )
    assert codes(roles.targets) == ["LBN"]


def test_target_rules_help_chain_in_purpose_clause() -> None:
    """'ready to send weapons to help defend Kuwait': the aid is for whom the help is for."""
    doc = parsed(
        [
            ("Norway", 1, "nsubj", "PROPN"),
            ("sent", 1, "ROOT", "VERB", "VBD"),
            ("weapons", 1, "obj", "NOUN"),
            ("to", 4, "mark", "PART"),
            ("help", 1, "advcl", "VERB", "VB"),
            ("defend", 4, "xcomp", "VERB", "VB"),
            ("Kuwait", 5, "obj", "PROPN"),
        ],
    )
    trig = Trigger("072", 1, (1, 2), "t:1", target_preps=("to",), object_target=False)
    roles = roles_of(doc, trig, [mention(doc, 0, 1, "NOR"), mention(doc, 6, 7, "KWT")])
    assert codes(roles.targets) == ["KWT"]


def test_target_rules_nationality_word_as_noun() -> None:
    """'pulled out from the Syrian to the Israeli sector': "Syrian" stands for its elided
    noun and names the country."""
    doc = parsed(
        [
            ("Peacekeepers", 1, "nsubj", "NOUN"),
            ("withdrew", 1, "ROOT", "VERB", "VBD"),
            ("from", 4, "case", "ADP"),
            ("the", 4, "det", "DET"),
            ("Syrian", 1, "obl", "PROPN"),
            ("side", 1, "obl", "NOUN"),
        ]
    )
    trig = Trigger("0874", 1, (1, 2), "t:1", target_preps=("from",), object_target=False)
    roles = roles_of(doc, trig, [mention(doc, 0, 1, "---UNO", "agent")])
    assert codes(roles.targets) == ["SYR"]


def test_target_rules_preposition_on_conjunct() -> None:
    """'imposed sanctions on former minister X', X read as a conjunct of "sanctions" that
    opens with its own "on": X is the target."""
    doc = parsed(
        [
            ("Ukraine", 1, "nsubj", "PROPN"),
            ("imposed", 1, "ROOT", "VERB", "VBD"),
            ("sanctions", 1, "obj", "NOUN"),
            ("on", 5, "case", "ADP"),
            ("Minister", 5, "nmod:desc", "PROPN"),
            ("Azarenko", 2, "conj", "PROPN"),
        ]
    )
    trig = Trigger("163", 1, (1, 2), "t:1", target_preps=("on", "against"), object_target=False)
    roles = roles_of(doc, trig, [mention(doc, 0, 1, "UKR"), mention(doc, 4, 5, "---GOV", "agent")])
    assert codes(roles.targets) == ["---GOV"]


def test_its_refers_to_an_organisation_in_its_own_sentence() -> None:
    """ "Israel's military said its jets hit …": *its* is the military the sentence names, not the
    country that acted in the sentence before."""
    text = (
        "Iran fired drones and missiles at Israel in response.\n\n"
        "Israel's military said its fighter jets hit nuclear and military targets across Iran."
    )
    strikes = [e for e in dyad.extract(text, date="2025-06-14") if "hit" in e.evidence.trigger.text]
    assert strikes and all(e.source is not None and e.source.code == "ISRMIL" for e in strikes)


def test_passive_governor_raises_its_subject_to_the_infinitive() -> None:
    """ "X is scheduled to attend": X attends (a planned meeting, so future); a passive
    infinitive keeps its subject as the patient."""
    planned = [
        e
        for e in dyad.extract(
            "Macron is scheduled to attend a summit in Brussels.", date="2024-05-01"
        )
        if e.cameo == "040"
    ]
    assert planned and planned[0].source is not None and planned[0].source.code == "FRAGOV"
    assert planned[0].factuality == "future"
    attacked = dyad.extract("The convoy is expected to be attacked by rebels.", date="2024-05-01")
    assert all(e.source is None or e.source.sector == "REB" for e in attacked)
