"""Roles and factuality on hand-built parses (UD labels), independent of lexicon and actor data."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.actors.types import Mention
from dyad.coding.factuality import attribution, read_parse, read_rule
from dyad.coding.roles import MentionIndex, find_roles
from dyad.coding.types import Trigger
from dyad.model import Actor

NLP = spacy.blank("en")


def parsed(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str] | None = None,
) -> Doc:
    """A Doc with a hand-made UD parse; heads are absolute token indices."""
    doc = Doc(
        NLP.vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas or [w.lower() for w in words],
    )
    return doc


def mention(doc: Doc, start: int, end: int, code: str, kind: str = "country") -> Mention:
    span = doc[start:end]
    actor = Actor(
        span.text, span.start_char, span.end_char, code, code[:3] if code[:3].isalpha() else None
    )
    return Mention(start, end, span.root.i if doc.has_annotation("DEP") else end - 1, actor, kind)


def test_roles_subject_and_prep_target() -> None:
    """'North Korea supplied shells to Russia': subject is the source, the 'to' phrase the target."""
    words = ["North", "Korea", "supplied", "shells", "to", "Russia", "."]
    doc = parsed(
        words,
        [1, 2, 2, 2, 5, 2, 2],
        ["compound", "nsubj", "ROOT", "obj", "case", "obl", "punct"],
        ["PROPN", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    idx = MentionIndex(doc, [mention(doc, 0, 2, "PRK"), mention(doc, 5, 6, "RUS")])
    roles = find_roles(doc[0:7], Trigger("072", 2, (2,), "t:1", target_preps=("to",)), idx)
    assert [m.actor.code for m in roles.sources] == ["PRK"]
    assert [m.actor.code for m in roles.targets] == ["RUS"]
    assert roles.method == "parse"


def test_roles_passive_agent_flips() -> None:
    """'Ukraine was attacked by Russia': the by-phrase is the source, the passive subject the target."""
    words = ["Ukraine", "was", "attacked", "by", "Russia", "."]
    doc = parsed(
        words,
        [2, 2, 2, 4, 2, 2],
        ["nsubj:pass", "aux:pass", "ROOT", "case", "obl:agent", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        ["Ukraine", "be", "attack", "by", "Russia", "."],
    )
    doc[2].tag_ = "VBN"
    idx = MentionIndex(doc, [mention(doc, 0, 1, "UKR"), mention(doc, 4, 5, "RUS")])
    roles = find_roles(doc[0:6], Trigger("190", 2, (2,), "t:1"), idx)
    assert [m.actor.code for m in roles.sources] == ["RUS"]
    assert [m.actor.code for m in roles.targets] == ["UKR"]


def test_roles_conjoined_subjects_each_count() -> None:
    """'Russia and China voted to impose sanctions on Pyongyang': both are sources, via the xcomp."""
    words = ["Russia", "and", "China", "voted", "to", "impose", "sanctions", "on", "Pyongyang", "."]
    doc = parsed(
        words,
        [3, 2, 0, 3, 5, 3, 5, 8, 5, 3],
        ["nsubj", "cc", "conj", "ROOT", "mark", "xcomp", "obj", "case", "obl", "punct"],
        ["PROPN", "CCONJ", "PROPN", "VERB", "PART", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    idx = MentionIndex(
        doc,
        [
            mention(doc, 0, 1, "RUS"),
            mention(doc, 2, 3, "CHN"),
            mention(doc, 8, 9, "PRKGOV", "capital"),
        ],
    )
    roles = find_roles(
        doc[0:10], Trigger("163", 5, (5, 6), "t:1", target_preps=("on",), object_target=False), idx
    )
    assert sorted(m.actor.code for m in roles.sources) == ["CHN", "RUS"]
    assert [m.actor.code for m in roles.targets] == ["PRKGOV"]


def test_roles_possessor_of_object_is_target() -> None:
    """'bombarding Ukraine's power grid': the object's possessor is the target."""
    words = ["Russia", "bombarded", "Ukraine", "'s", "power", "grid", "."]
    doc = parsed(
        words,
        [1, 1, 5, 2, 5, 1, 1],
        ["nsubj", "ROOT", "nmod:poss", "case", "compound", "obj", "punct"],
        ["PROPN", "VERB", "PROPN", "PART", "NOUN", "NOUN", "PUNCT"],
    )
    idx = MentionIndex(doc, [mention(doc, 0, 1, "RUS"), mention(doc, 2, 3, "UKR")])
    roles = find_roles(doc[0:7], Trigger("195", 1, (1,), "t:1"), idx)
    assert [m.actor.code for m in roles.targets] == ["UKR"]


def test_roles_rule_fallback_without_parse() -> None:
    """Without a parse the nearest actor before the trigger is the source, the next one the target."""
    doc = NLP("Moscow threatened Seoul with consequences.")
    idx = MentionIndex(doc, [mention(doc, 0, 1, "RUSGOV"), mention(doc, 2, 3, "KORGOV")])
    roles = find_roles(doc[0:6], Trigger("130", 1, (1,), "t:1"), idx)
    assert [m.actor.code for m in roles.sources] == ["RUSGOV"]
    assert [m.actor.code for m in roles.targets] == ["KORGOV"]
    assert roles.method == "rule"


def test_roles_rule_fallback_passive_by() -> None:
    """Without a parse, 'X was attacked by Y' still makes Y the source."""
    doc = NLP("Kyiv was attacked by Russia overnight.")
    idx = MentionIndex(doc, [mention(doc, 0, 1, "UKRGOV"), mention(doc, 4, 5, "RUS")])
    roles = find_roles(doc[0:7], Trigger("190", 2, (2,), "t:1"), idx)
    assert [m.actor.code for m in roles.sources] == ["RUS"]
    assert [m.actor.code for m in roles.targets] == ["UKRGOV"]


def test_factuality_modal_negation_is_not_asserted() -> None:
    """'troops might not cross the border' is hypothetical, never asserted."""
    words = ["Troops", "might", "not", "cross", "the", "border", "."]
    doc = parsed(
        words,
        [3, 3, 3, 3, 5, 3, 3],
        ["nsubj", "aux", "advmod", "ROOT", "det", "obj", "punct"],
        ["NOUN", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"],
    )
    assert read_parse(doc[3]).factuality == "hypothetical"


def test_factuality_plain_negation() -> None:
    """'Russia did not attack' is negated."""
    words = ["Russia", "did", "not", "attack", "."]
    doc = parsed(
        words,
        [3, 3, 3, 3, 3],
        ["nsubj", "aux", "advmod", "ROOT", "punct"],
        ["PROPN", "AUX", "PART", "VERB", "PUNCT"],
    )
    assert read_parse(doc[3]).factuality == "negated"


def test_factuality_future_and_intention() -> None:
    """'will attack' and 'plans to attack' are future."""
    doc = parsed(
        ["Russia", "will", "attack", "."],
        [2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "punct"],
        ["PROPN", "AUX", "VERB", "PUNCT"],
    )
    assert read_parse(doc[2]).factuality == "future"
    doc = parsed(
        ["Russia", "plans", "to", "attack", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "mark", "xcomp", "punct"],
        ["PROPN", "VERB", "PART", "VERB", "PUNCT"],
        ["Russia", "plan", "to", "attack", "."],
    )
    assert read_parse(doc[3]).factuality == "future"


def test_factuality_conditional_if() -> None:
    """'if Seoul becomes involved' makes its clause hypothetical."""
    words = ["if", "Seoul", "attacks", "."]
    doc = parsed(
        words, [2, 2, 2, 2], ["mark", "nsubj", "ROOT", "punct"], ["SCONJ", "PROPN", "VERB", "PUNCT"]
    )
    assert read_parse(doc[2]).factuality == "hypothetical"


def test_factuality_reported_speech_keeps_assertion_and_attribution() -> None:
    """'Rutte said that units reached Kursk': asserted, attributed to Rutte."""
    words = ["Rutte", "said", "that", "units", "reached", "Kursk", "."]
    doc = parsed(
        words,
        [1, 1, 4, 4, 1, 4, 1],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "obj", "punct"],
        ["PROPN", "VERB", "SCONJ", "NOUN", "VERB", "PROPN", "PUNCT"],
        ["Rutte", "say", "that", "unit", "reach", "Kursk", "."],
    )
    reading = read_parse(doc[4])
    assert reading.factuality == "asserted"
    rutte = mention(doc, 0, 1, "NATO", "person")
    attr = attribution(doc, doc[0:7], reading, [rutte], doc[4])
    assert attr is rutte


def test_factuality_denial_negates_reported_event() -> None:
    """'Moscow denied attacking' makes the attack negated."""
    words = ["Moscow", "denied", "attacking", "Kyiv", "."]
    doc = parsed(
        words,
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "xcomp", "obj", "punct"],
        ["PROPN", "VERB", "VERB", "PROPN", "PUNCT"],
        ["Moscow", "deny", "attack", "Kyiv", "."],
    )
    assert read_parse(doc[2]).factuality == "negated"


def test_factuality_rules_without_parse() -> None:
    """Without a parse, modal and negation cues before the trigger decide."""
    doc = NLP("North Korean troops might not cross the border.")
    assert read_rule(doc[0:9], 5).factuality == "hypothetical"
    doc = NLP("Russia did not attack Kyiv.")
    assert read_rule(doc[0:6], 3).factuality == "negated"
    doc = NLP("Russia attacked Kyiv.")
    assert read_rule(doc[0:4], 1).factuality == "asserted"


def test_roles_object_control_of_xcomp() -> None:
    """'NATO urged Russia to withdraw': Russia is the one who would withdraw."""
    words = ["NATO", "urged", "Russia", "to", "withdraw", "."]
    doc = parsed(
        words,
        [1, 1, 1, 4, 1, 1],
        ["nsubj", "ROOT", "obj", "mark", "xcomp", "punct"],
        ["PROPN", "VERB", "PROPN", "PART", "VERB", "PUNCT"],
        ["NATO", "urge", "Russia", "to", "withdraw", "."],
    )
    idx = MentionIndex(doc, [mention(doc, 0, 1, "NATO", "igo"), mention(doc, 2, 3, "RUS")])
    roles = find_roles(doc[0:6], Trigger("0874", 4, (4,), "t:1", object_target=False), idx)
    assert [m.actor.code for m in roles.sources] == ["RUS"]


def test_roles_reported_clause_hung_on_speech_verb_keeps_its_own_subject() -> None:
    """'Norway | yesterday rejected the plan, ministry officials said': the officials, whose verb
    the parser made the head of the clause, did not reject; Norway, cut off by a sentence break
    the parser put after it, did."""
    doc = parsed(
        ["Norway", "yesterday", "rejected", "the", "plan", ",", "ministry", "officials", "said"],
        [0, 2, 8, 4, 2, 8, 7, 8, 8],
        ["ROOT", "nsubj", "advcl", "det", "obj", "punct", "compound", "nsubj", "ROOT"],
        ["PROPN", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "NOUN", "NOUN", "VERB"],
        ["Norway", "yesterday", "reject", "the", "plan", ",", "ministry", "official", "say"],
    )
    doc[2].tag_ = "VBD"
    index = MentionIndex(doc, [mention(doc, 0, 1, "NOR"), mention(doc, 6, 8, "---GOV", "agent")])
    roles = find_roles(doc[1:9], Trigger("120", 2, (2,), "t:1"), index)
    assert [m.actor.code for m in roles.sources] == ["NOR"]


def test_roles_place_before_the_verb_is_no_subject_of_a_thing() -> None:
    """'A car bomb in Kabul killed four soldiers': Kabul, right before the verb, locates the
    bomb and did not kill; 'Rebel groups in Mali killed ...' are Mali's."""
    for noun, lemma, place, country, expected in (
        ("bomb", "bomb", "Kabul", "AFG", []),
        ("groups", "group", "Mali", "MLI", ["MLI"]),
    ):
        doc = parsed(
            ["A", noun, "in", place, "killed", "four", "soldiers", "."],
            [1, 4, 3, 1, 4, 6, 4, 4],
            ["det", "nsubj", "case", "nmod", "ROOT", "nummod", "obj", "punct"],
            ["DET", "NOUN", "ADP", "PROPN", "VERB", "NUM", "NOUN", "PUNCT"],
            ["a", lemma, "in", place, "kill", "four", "soldier", "."],
        )
        index = MentionIndex(doc, [mention(doc, 3, 4, country)])
        roles = find_roles(doc[0:8], Trigger("190", 4, (4,), "t:1"), index)
        assert [m.actor.code for m in roles.sources] == expected


def test_roles_participle_hung_on_a_later_speech_verb_is_not_the_speakers() -> None:
    """'Rebels seized the town, killing nine, police said', the participle parsed under "said":
    the rebels killed, not the police who report it."""
    doc = parsed(
        ["Rebels", "seized", "the", "town", ",", "killing", "nine", ",", "police", "said", "."],
        [1, 1, 3, 1, 5, 9, 5, 9, 9, 1, 1],
        [
            "nsubj",
            "ROOT",
            "det",
            "obj",
            "punct",
            "advcl",
            "obj",
            "punct",
            "nsubj",
            "advcl",
            "punct",
        ],
        ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "NUM", "PUNCT", "NOUN", "VERB", "PUNCT"],
        ["rebel", "seize", "the", "town", ",", "kill", "nine", ",", "police", "say", "."],
    )
    doc[5].tag_ = "VBG"
    doc[9].tag_ = "VBD"
    index = MentionIndex(
        doc, [mention(doc, 0, 1, "---REB", "agent"), mention(doc, 8, 9, "---COP", "agent")]
    )
    roles = find_roles(doc[0:11], Trigger("190", 5, (5,), "t:1"), index)
    assert [m.actor.code for m in roles.sources] == ["---REB"]


def test_roles_infinitive_on_a_thing_is_the_verbs_purpose() -> None:
    """'Police fired tear gas to disperse the marchers', "to disperse" parsed under "gas": the
    police disperse; 'sent troops to fight', where the object can act, keeps the troops."""
    doc = parsed(
        ["Police", "fired", "gas", "to", "disperse", "the", "marchers", "."],
        [1, 1, 1, 4, 2, 6, 4, 1],
        ["nsubj", "ROOT", "obj", "mark", "acl", "det", "obj", "punct"],
        ["NOUN", "VERB", "NOUN", "PART", "VERB", "DET", "NOUN", "PUNCT"],
        ["police", "fire", "gas", "to", "disperse", "the", "marcher", "."],
    )
    index = MentionIndex(
        doc, [mention(doc, 0, 1, "KENCOP", "agent"), mention(doc, 6, 7, "---OPP", "agent")]
    )
    roles = find_roles(doc[0:8], Trigger("175", 4, (4,), "t:1"), index)
    assert [m.actor.code for m in roles.sources] == ["KENCOP"]
    assert [m.actor.code for m in roles.targets] == ["---OPP"]
    doc = parsed(
        ["Chad", "sent", "soldiers", "to", "fight", "."],
        [1, 1, 1, 4, 2, 1],
        ["nsubj", "ROOT", "obj", "mark", "acl", "punct"],
        ["PROPN", "VERB", "NOUN", "PART", "VERB", "PUNCT"],
        ["Chad", "send", "soldier", "to", "fight", "."],
    )
    index = MentionIndex(doc, [mention(doc, 0, 1, "TCD"), mention(doc, 2, 3, "---MIL", "agent")])
    roles = find_roles(doc[0:6], Trigger("190", 4, (4,), "t:1"), index)
    assert [m.actor.code for m in roles.sources] == ["---MIL"]


def test_roles_relative_clause_hung_on_a_place_belongs_to_the_thing() -> None:
    """'mourned a blast in the port city Aden that killed 30', "that killed" parsed under Aden:
    the blast killed, not the city."""
    doc = parsed(
        ["Oman", "mourned", "a", "blast", "in", "Aden", "that", "killed", "30", "."],
        [1, 1, 3, 1, 5, 1, 7, 5, 7, 1],
        ["nsubj", "ROOT", "det", "obj", "case", "obl", "nsubj", "acl:relcl", "obj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PRON", "VERB", "NUM", "PUNCT"],
        ["Oman", "mourn", "a", "blast", "in", "Aden", "that", "kill", "30", "."],
    )
    index = MentionIndex(doc, [mention(doc, 0, 1, "OMN"), mention(doc, 5, 6, "YEMGOV", "capital")])
    roles = find_roles(doc[0:10], Trigger("190", 7, (7,), "t:1"), index)
    assert roles.sources == ()


def test_roles_time_of_day_between_subject_and_verb() -> None:
    """'The Dutch government | Friday evening offered aid', cut by the parser after the actor:
    the time of day between them does not hide the subject."""
    doc = parsed(
        ["The", "Dutch", "government", "Friday", "evening", "offered", "aid", "."],
        [2, 2, 2, 4, 5, 5, 5, 5],
        ["det", "amod", "ROOT", "compound", "nsubj", "ROOT", "obj", "punct"],
        ["DET", "ADJ", "NOUN", "PROPN", "NOUN", "VERB", "NOUN", "PUNCT"],
        ["the", "dutch", "government", "Friday", "evening", "offer", "aid", "."],
    )
    index = MentionIndex(doc, [mention(doc, 1, 3, "NLDGOV", "agent")])
    roles = find_roles(doc[3:8], Trigger("033", 5, (5, 6), "t:1"), index)
    assert [m.actor.code for m in roles.sources] == ["NLDGOV"]
