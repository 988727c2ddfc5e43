"""Conditions, purposes and light verbs on hand-built UD parses: conditional threats and offers,
purpose clauses that name the event, and governors that promise only a clause."""

from __future__ import annotations

from spacy.tokens import Doc

from dyad.coding.factuality import read_parse
from handparse import Row, codes_at, parse, triggers

# "Washington could cut off aid to Pakistan if Islamabad fails to act ."
CUT_OFF_IF: list[Row] = [
    ("Washington", "Washington", 2, "nsubj", "PROPN"),
    ("could", "could", 2, "aux", "AUX"),
    ("cut", "cut", 2, "ROOT", "VERB"),
    ("off", "off", 2, "compound:prt", "ADP"),
    ("aid", "aid", 2, "obj", "NOUN"),
    ("to", "to", 6, "case", "ADP"),
    ("Pakistan", "Pakistan", 2, "obl", "PROPN"),
    ("if", "if", 9, "mark", "SCONJ"),
    ("Islamabad", "Islamabad", 9, "nsubj", "PROPN"),
    ("fails", "fail", 2, "advcl", "VERB"),
    ("to", "to", 11, "mark", "PART"),
    ("act", "act", 9, "xcomp", "VERB"),
    (".", ".", 2, "punct", "PUNCT"),
]


def test_lexicon_conditional_modal_action_is_a_threat() -> None:
    """'could cut off aid ... if Islamabad fails to act': a threat to stop aid (1311), stated."""
    doc = parse(CUT_OFF_IF)
    first = triggers(doc)[0]
    assert (first.head, first.code) == (2, "1311")
    assert "conditional" in first.rule
    assert read_parse(doc[first.head], first.flags).factuality == "asserted"


def test_lexicon_conditional_without_condition_stays_hypothetical() -> None:
    """Without the if-clause, 'Washington could cut off aid' is an option, not a threat."""
    doc = parse([*CUT_OFF_IF[:7], (".", ".", 2, "punct", "PUNCT")])
    first = triggers(doc)[0]
    assert first.code == "162"
    assert read_parse(doc[first.head], first.flags).factuality == "hypothetical"


def test_lexicon_conditional_negated_modal_is_no_threat() -> None:
    """'could not cut off aid ... if ...' promises nothing and threatens nothing."""
    shifted = [(w, lem, h + 1 if h >= 2 else h, d, p) for w, lem, h, d, p in CUT_OFF_IF]
    doc = parse([*shifted[:2], ("not", "not", 3, "advmod", "PART"), *shifted[2:]])
    assert doc[3].text == "cut" and doc[10].head.i == 3
    assert "162" in codes_at(doc, 3)
    assert not any(c.startswith("13") for c in codes_at(doc, 3))


def test_lexicon_conditional_reported_by_third_party_is_speculation() -> None:
    """'Russia could attack Ukraine if talks fail, analysts said' is no Russian threat."""
    doc = parse([
        ("Russia", "Russia", 2, "nsubj", "PROPN"),
        ("could", "could", 2, "aux", "AUX"),
        ("attack", "attack", 2, "ROOT", "VERB"),
        ("Ukraine", "Ukraine", 2, "obj", "PROPN"),
        ("if", "if", 6, "mark", "SCONJ"),
        ("talks", "talk", 6, "nsubj", "NOUN"),
        ("fail", "fail", 2, "advcl", "VERB"),
        (",", ",", 9, "punct", "PUNCT"),
        ("analysts", "analyst", 9, "nsubj", "NOUN"),
        ("said", "say", 2, "parataxis", "VERB"),
        (".", ".", 2, "punct", "PUNCT"),
    ])  # fmt: skip
    assert not any(c.startswith("13") for c in codes_at(doc, 2))


def test_lexicon_conditional_cooperation_is_an_offer() -> None:
    """'The EU would lift sanctions if Minsk frees prisoners': a conditional offer (0354)."""
    doc = parse([
        ("The", "the", 1, "det", "DET"),
        ("EU", "EU", 3, "nsubj", "PROPN"),
        ("would", "would", 3, "aux", "AUX"),
        ("lift", "lift", 3, "ROOT", "VERB"),
        ("sanctions", "sanction", 3, "obj", "NOUN"),
        ("if", "if", 7, "mark", "SCONJ"),
        ("Minsk", "Minsk", 7, "nsubj", "PROPN"),
        ("frees", "free", 3, "advcl", "VERB"),
        ("prisoners", "prisoner", 7, "obj", "NOUN"),
        (".", ".", 3, "punct", "PUNCT"),
    ])  # fmt: skip
    first = triggers(doc)[0]
    assert (first.head, first.code) == (3, "0354")
    assert read_parse(doc[3], first.flags).factuality == "asserted"


# ---------------------------------------------------------------- purpose clauses


def test_lexicon_purpose_clause_names_the_event() -> None:
    """'sent soldiers to Bosnia to investigate the massacre' is an inquiry (090), not aid."""
    doc = parse([
        ("The", "the", 1, "det", "DET"),
        ("UN", "UN", 2, "nsubj", "PROPN"),
        ("sent", "send", 2, "ROOT", "VERB"),
        ("soldiers", "soldier", 2, "obj", "NOUN"),
        ("to", "to", 5, "case", "ADP"),
        ("Bosnia", "Bosnia", 2, "obl", "PROPN"),
        ("to", "to", 7, "mark", "PART"),
        ("investigate", "investigate", 2, "advcl", "VERB"),
        ("the", "the", 9, "det", "DET"),
        ("massacre", "massacre", 7, "obj", "NOUN"),
        (".", ".", 2, "punct", "PUNCT"),
    ])  # fmt: skip
    assert codes_at(doc, 2)[0] == "090"


# ---------------------------------------------------------------- exercises with a partner


def test_lexicon_exercise_with_partner_is_military_cooperation() -> None:
    """'held war games with Japan' is joint (062, both ways); alone it is a show of force."""
    rows: list[Row] = [
        ("India", "India", 1, "nsubj", "PROPN"),
        ("held", "hold", 1, "ROOT", "VERB"),
        ("naval", "naval", 4, "amod", "ADJ"),
        ("war", "war", 4, "compound", "NOUN"),
        ("games", "game", 1, "obj", "NOUN"),
        ("with", "with", 6, "case", "ADP"),
        ("Japan", "Japan", 4, "nmod", "PROPN"),
        (".", ".", 1, "punct", "PUNCT"),
    ]
    joint = [t for t in triggers(parse(rows)) if t.code == "062"]
    assert joint and joint[0].reciprocal
    alone = parse([*rows[:5], (".", ".", 1, "punct", "PUNCT")])
    assert [t.code for t in triggers(alone)] == ["150"]


# ---------------------------------------------------------------- factuality of governors


def _mission(verb: str, lemma: str) -> Doc:
    return parse([
        ("The", "the", 1, "det", "DET"),
        ("envoy", "envoy", 2, "nsubj", "NOUN"),
        (verb, lemma, 2, "ROOT", "VERB"),
        ("a", "a", 5, "det", "DET"),
        ("mediation", "mediation", 5, "compound", "NOUN"),
        ("mission", "mission", 2, "obj", "NOUN"),
        (".", ".", 2, "punct", "PUNCT"),
    ])  # fmt: skip


def test_factuality_undertook_a_mission_is_done() -> None:
    """'undertook a mediation mission' happened; 'undertake' promises only a clause."""
    doc = _mission("undertook", "undertake")
    assert read_parse(doc[4]).factuality == "asserted"
    assert read_parse(doc[5]).factuality == "asserted"


def test_factuality_undertook_to_release_is_a_promise() -> None:
    """'Iran undertook to release the sailors': the release is still to come."""
    doc = parse([
        ("Iran", "Iran", 1, "nsubj", "PROPN"),
        ("undertook", "undertake", 1, "ROOT", "VERB"),
        ("to", "to", 3, "mark", "PART"),
        ("release", "release", 1, "xcomp", "VERB"),
        ("the", "the", 5, "det", "DET"),
        ("sailors", "sailor", 3, "obj", "NOUN"),
        (".", ".", 1, "punct", "PUNCT"),
    ])  # fmt: skip
    assert read_parse(doc[3]).factuality == "future"


def test_factuality_offered_mediation_stays_an_offer() -> None:
    """'offered a mediation mission' is still only offered (the noun is not done)."""
    doc = _mission("offered", "offer")
    assert read_parse(doc[5]).factuality == "future"


def test_factuality_parataxis_under_speech_verb_is_reported() -> None:
    """'Farmers said on Friday they would blockade Paris' (a parataxis parse): reported future."""
    doc = parse([
        ("Farmers", "farmer", 1, "nsubj", "NOUN"),
        ("said", "say", 1, "ROOT", "VERB"),
        ("on", "on", 3, "case", "ADP"),
        ("Friday", "Friday", 1, "obl", "PROPN"),
        ("they", "they", 6, "nsubj", "PRON"),
        ("would", "would", 6, "aux", "AUX"),
        ("blockade", "blockade", 1, "parataxis", "VERB"),
        ("Paris", "Paris", 6, "obj", "PROPN"),
        (".", ".", 1, "punct", "PUNCT"),
    ])  # fmt: skip
    reading = read_parse(doc[6])
    assert (reading.factuality, reading.cue) == ("future", "aux:would-reported")
    assert reading.speech_verb is not None and reading.speech_verb.i == 1


def test_factuality_parataxis_under_other_verb_stands_alone() -> None:
    """'Talks may resume; troops withdrew': the withdrawal is not under the 'may'."""
    doc = parse([
        ("Talks", "talk", 2, "nsubj", "NOUN"),
        ("may", "may", 2, "aux", "AUX"),
        ("resume", "resume", 2, "ROOT", "VERB"),
        (";", ";", 5, "punct", "PUNCT"),
        ("troops", "troop", 5, "nsubj", "NOUN"),
        ("withdrew", "withdraw", 2, "parataxis", "VERB"),
        (".", ".", 2, "punct", "PUNCT"),
    ])  # fmt: skip
    assert read_parse(doc[5]).factuality == "asserted"
