"""Lexicon gaps found on ConfliBERT's training sentences: material cooperation the lexicon missed
(training, observers, donors, donations, peacekeepers arriving, troops leaving, halted
operations), and parses that took a verb for a modifier ("rebels *freed* prisoners").

Entries are checked on plain sentences without a parse (``spacy.blank``), so the tests hold the
data, not the parser; the matcher rules on hand-built parses.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dyad.coding.lexicon import Lexicon, misread_verbs, parse_usable
from handparse import NLP, Row, codes_at, parse, triggers


def codes(text: str) -> list[str]:
    """Trigger codes of one sentence read without a parse, most specific first per head."""
    doc = NLP(text)
    return [t.code for t in Lexicon.load().find_triggers(doc[:])]


# ---------------------------------------------------------------- material cooperation entries


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The army ceased its military operations near the capital.", "087"),
        ("The rebels ceased their offensive on the town.", "087"),
        ("Brazil deployed election observers to Peru.", "070"),
        ("The African Union sent election monitors to Malawi.", "070"),
        ("The OSCE deployed ceasefire monitors to the region.", "074"),
        ("Norway is the largest donor of humanitarian aid to Yemen.", "073"),
        ("Denmark provided donations to the Palestinian Authority.", "071"),
        ("The European Union trained Somali police.", "062"),
        ("Poland sent a platoon to Lithuania.", "072"),
        ("A shipment of medicine reached Gaza on Monday.", "073"),
        ("Germany provided technical assistance to Kenya.", "060"),
        ("The militia returned the military bases to the army.", "0842"),
        ("The deployment of ceasefire monitors to the port was completed.", "074"),
    ],
)
def test_lexicon_conflibert_gaps_material_cooperation(text: str, code: str) -> None:
    """06x-08x said with words the lexicon lacked: operations ceased (087), observers deployed
    (070, monitors of a truce 074), donors and donations (073, 071), police trained and
    expertise given (062, 060), a platoon sent (072), aid shipped (073), bases handed back
    (0842)."""
    found = codes(text)
    assert found and found[0] == code, found


def test_lexicon_conflibert_gaps_easing_restrictions() -> None:
    """Easing 'curfew hours' is easing the curfew (0813); an 'emergency law' lifted ends a state
    of emergency (0814): the parse heads the objects with 'hours' and 'law'."""
    doc = parse([
        ("The", "the", 1, "det", "DET"),
        ("governor", "governor", 2, "nsubj", "NOUN"),
        ("eased", "ease", 2, "ROOT", "VERB"),
        ("curfew", "curfew", 4, "compound", "NOUN"),
        ("hours", "hour", 2, "obj", "NOUN"),
        (".", ".", 2, "punct", "PUNCT"),
    ])  # fmt: skip
    assert codes_at(doc, 2)[0] == "0813"
    doc = parse([
        ("Parliament", "Parliament", 1, "nsubj", "PROPN"),
        ("lifted", "lift", 1, "ROOT", "VERB"),
        ("the", "the", 4, "det", "DET"),
        ("emergency", "emergency", 4, "compound", "NOUN"),
        ("law", "law", 1, "obj", "NOUN"),
        (".", ".", 1, "punct", "PUNCT"),
    ])  # fmt: skip
    assert codes_at(doc, 1)[0] == "0814"


@pytest.mark.parametrize(
    "text",
    [
        "The airline ceased operations in May.",
        "The donor of the kidney spoke to reporters.",
        "Officials left the meeting early.",
        "Donors said the money would arrive in May.",
        "The pilots returned to base after the flight.",
    ],
)
def test_lexicon_conflibert_gaps_near_misses_are_no_event(text: str) -> None:
    """A firm ceasing 'operations', an organ donor, officials leaving a room, donors speaking,
    pilots returning to base: no 087/07x/0874/0842."""
    assert not {"087", "070", "071", "073", "0874", "0842"} & set(codes(text))


def test_lexicon_conflibert_gaps_peacekeepers_arriving() -> None:
    """Peacekeepers arriving (at an airport, not only 'in' a country) or deploying on their own
    are peacekeeping (074), not a visit."""
    assert "074" in codes("Peacekeepers arrived at the airport in Bangui.")
    assert "074" in codes("Ghanaian peacekeepers began deploying on Monday.")


def test_lexicon_conflibert_gaps_troops_leaving() -> None:
    """Troops leaving a country withdraw (0874)."""
    assert "0874" in codes("The soldiers left Mali on Sunday.")


# ---------------------------------------------------------------- matcher rules on parses

# "Rebels freed prisoners from the jail ." with 'freed' taken for an adjective of 'prisoners'
FREED_AS_ADJECTIVE: list[Row] = [
    ("Rebels", "rebel", 0, "ROOT", "NOUN"),
    ("freed", "freed", 2, "amod", "NOUN"),
    ("prisoners", "prisoner", 0, "nmod", "NOUN"),
    ("from", "from", 5, "case", "ADP"),
    ("the", "the", 5, "det", "DET"),
    ("jail", "jail", 2, "nmod", "NOUN"),
    (".", ".", 0, "punct", "PUNCT"),
]


def test_lexicon_conflibert_gaps_past_verb_parsed_as_adjective() -> None:
    """A verbless parse that took 'freed' for an adjective is not trusted: 'freed' is read as
    the verb it is, a release (0841)."""
    doc = parse(FREED_AS_ADJECTIVE)
    assert misread_verbs(doc[:]) == {1}
    assert not parse_usable(doc[:])
    assert codes_at(doc, 1) == ["0841"]


def test_lexicon_conflibert_gaps_past_only_form_after_adjective() -> None:
    """'withdrew' is never a participle: after a word tagged adjective it is still the verb."""
    doc = parse([
        ("The", "the", 3, "det", "DET"),
        ("army", "army", 2, "compound", "NOUN"),
        ("chief", "chief", 4, "amod", "ADJ"),
        ("withdrew", "withdrew", 4, "amod", "ADJ"),
        ("peacekeepers", "peacekeeper", 4, "ROOT", "NOUN"),
        ("from", "from", 7, "case", "ADP"),
        ("the", "the", 7, "det", "DET"),
        ("border", "border", 4, "nmod", "NOUN"),
        (".", ".", 4, "punct", "PUNCT"),
    ])  # fmt: skip
    assert codes_at(doc, 3)[0] == "1661"


def test_lexicon_conflibert_gaps_participle_adjective_stays_adjective() -> None:
    """'the largest armed groups': a participle after an adjective is an attribute, and the
    parse stays in use."""
    doc = parse([
        ("Fighters", "fighter", 0, "ROOT", "NOUN"),
        ("of", "of", 5, "case", "ADP"),
        ("the", "the", 5, "det", "DET"),
        ("largest", "large", 5, "amod", "ADJ"),
        ("armed", "armed", 5, "amod", "ADJ"),
        ("groups", "group", 0, "nmod", "NOUN"),
        (".", ".", 0, "punct", "PUNCT"),
    ])  # fmt: skip
    assert misread_verbs(doc[:]) == frozenset()
    assert parse_usable(doc[:])


def test_lexicon_conflibert_gaps_noun_with_object_is_a_verb() -> None:
    """'Authorities ease curfew': a word tagged noun that has a direct object is a verb (0813)."""
    doc = parse([
        ("Authorities", "authority", 1, "nsubj", "NOUN"),
        ("ease", "ease", 1, "ROOT", "NOUN"),
        ("curfew", "curfew", 1, "obj", "NOUN"),
        ("in", "in", 4, "case", "ADP"),
        ("Hebron", "Hebron", 1, "obl", "PROPN"),
    ])  # fmt: skip
    assert codes_at(doc, 1) == ["0813"]


def test_lexicon_conflibert_gaps_from_gerund_clause() -> None:
    """'banned an opposition leader, the former mayor, from running': the from-clause under the
    verb meets the pattern's 'prep: from' past the apposition (1722)."""
    doc = parse([
        ("The", "the", 1, "det", "DET"),
        ("court", "court", 2, "nsubj", "NOUN"),
        ("banned", "ban", 2, "ROOT", "VERB"),
        ("an", "a", 5, "det", "DET"),
        ("opposition", "opposition", 5, "compound", "NOUN"),
        ("leader", "leader", 2, "obj", "NOUN"),
        (",", ",", 9, "punct", "PUNCT"),
        ("the", "the", 9, "det", "DET"),
        ("former", "former", 9, "amod", "ADJ"),
        ("mayor", "mayor", 5, "appos", "NOUN"),
        (",", ",", 12, "punct", "PUNCT"),
        ("from", "from", 12, "mark", "SCONJ"),
        ("running", "run", 2, "advcl", "VERB"),
        (".", ".", 2, "punct", "PUNCT"),
    ])  # fmt: skip
    trig = triggers(doc)[0]
    assert (trig.head, trig.code) == (2, "1722")
    assert 11 in trig.tokens


def test_lexicon_conflibert_gaps_controlled_subject() -> None:
    """'Foreign troops began leaving the country': the subject of 'began' is the one leaving, so
    the troops-only pattern applies (0874)."""
    doc = parse([
        ("Foreign", "foreign", 1, "amod", "ADJ"),
        ("troops", "troop", 2, "nsubj", "NOUN"),
        ("began", "begin", 2, "ROOT", "VERB"),
        ("leaving", "leave", 2, "xcomp", "VERB"),
        ("the", "the", 5, "det", "DET"),
        ("country", "country", 3, "obj", "NOUN"),
        (".", ".", 2, "punct", "PUNCT"),
    ])  # fmt: skip
    assert "0874" in codes_at(doc, 3)


def test_lexicon_conflibert_gaps_headline_with_participle_modifier() -> None:
    """'Norway lifts sanctions on the Saudi-led coalition': the participle 'led' modifies a noun
    and is no clause, so the headline with its verb tagged noun is read by rule (085)."""
    doc = parse([
        ("Norway", "Norway", 2, "compound", "PROPN"),
        ("lifts", "lifts", 2, "compound", "NOUN"),
        ("sanctions", "sanction", 2, "ROOT", "NOUN"),
        ("on", "on", 8, "case", "ADP"),
        ("the", "the", 8, "det", "DET"),
        ("Saudi", "Saudi", 7, "compound", "PROPN"),
        ("-", "-", 5, "punct", "PUNCT"),
        ("led", "lead", 8, "amod", "VERB"),
        ("coalition", "coalition", 2, "nmod", "NOUN"),
        (".", ".", 2, "punct", "PUNCT"),
    ])  # fmt: skip
    assert not parse_usable(doc[:])
    assert "085" in codes_at(doc, 1)


def test_lexicon_conflibert_gaps_far_parsed_object_falls_back_to_window() -> None:
    """When the parser's only object is far from the verb ('provided peacekeeping training to
    Mali through the ... programme' with 'programme' as object), the words after the verb are
    read too: training given is military cooperation (062)."""
    doc = parse([
        ("Canada", "Canada", 1, "nsubj", "PROPN"),
        ("provided", "provide", 1, "ROOT", "VERB"),
        ("peacekeeping", "peacekeeping", 3, "compound", "NOUN"),
        ("training", "training", 12, "compound", "NOUN"),
        ("to", "to", 5, "case", "ADP"),
        ("Mali", "Mali", 3, "nmod", "PROPN"),
        ("through", "through", 9, "case", "ADP"),
        ("the", "the", 9, "det", "DET"),
        ("Africa", "Africa", 9, "compound", "PROPN"),
        ("Initiative", "Initiative", 3, "nmod", "PROPN"),
        ("funding", "funding", 12, "compound", "NOUN"),
        ("partnership", "partnership", 12, "compound", "NOUN"),
        ("programme", "programme", 1, "obj", "NOUN"),
        (".", ".", 1, "punct", "PUNCT"),
    ])  # fmt: skip
    first = triggers(doc)[0]
    assert (first.head, first.code) == (1, "062")
    assert {2, 3} <= set(first.tokens)


def _war_games(subject: list[Row]) -> Doc:
    """'<subject> launched war games .' with the subject rows first (their heads given)."""
    n = len(subject)
    return parse([
        *subject,
        ("launched", "launch", n, "ROOT", "VERB"),
        ("war", "war", n + 2, "compound", "NOUN"),
        ("games", "game", n, "obj", "NOUN"),
        (".", ".", n, "punct", "PUNCT"),
    ])  # fmt: skip


def test_lexicon_conflibert_gaps_joint_war_games_are_cooperation() -> None:
    """War games two parties stage together are military cooperation (062), whether the
    parties are conjoined nouns or conjoined modifiers ('French and Italian warships')."""
    doc = _war_games([
        ("French", "french", 3, "amod", "ADJ"),
        ("and", "and", 2, "cc", "CCONJ"),
        ("Italian", "italian", 0, "conj", "ADJ"),
        ("warships", "warship", 4, "nsubj", "NOUN"),
    ])  # fmt: skip
    assert codes_at(doc, 6)[0] == "062"
    doc = _war_games([
        ("Egypt", "Egypt", 3, "nsubj", "PROPN"),
        ("and", "and", 2, "cc", "CCONJ"),
        ("France", "France", 0, "conj", "PROPN"),
    ])  # fmt: skip
    assert codes_at(doc, 5)[0] == "062"
    assert codes("Egypt and France launched war games on Monday.")[0] == "062"


def test_lexicon_conflibert_gaps_one_sided_war_games_are_a_show_of_force() -> None:
    """One party's war games stay a show of force (150)."""
    doc = _war_games([("China", "China", 1, "nsubj", "PROPN")])
    assert codes_at(doc, 3)[0] == "150"
    assert codes("China launched war games near Taiwan.")[0] == "150"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A suicide bomber killed 12 people at the market.", "1831"),
        ("A roadside bomb wounded two police officers.", "1833"),
        ("Gunmen killed three villagers in Zamfara state.", "180"),
        ("A man died after he was shot by police.", "180"),
        ("Government troops killed 20 rebels near the border.", "190"),
    ],
)
def test_lexicon_conflibert_gaps_who_kills_decides_the_violence(text: str, code: str) -> None:
    """The doer decides between war and unconventional violence: suicide bombers and bombs
    bomb (1831, 1832, 1833), gunmen and police use unconventional violence (180), troops use
    military force (190)."""
    assert codes(text)[0] == code


def test_lexicon_conflibert_gaps_car_bomb_kills() -> None:
    """'A car bomb killed six soldiers': a car bombing (1832), not a road accident (the parse
    heads the subject with 'bomb')."""
    doc = parse([
        ("A", "a", 2, "det", "DET"),
        ("car", "car", 2, "compound", "NOUN"),
        ("bomb", "bomb", 3, "nsubj", "NOUN"),
        ("killed", "kill", 3, "ROOT", "VERB"),
        ("six", "six", 5, "nummod", "NUM"),
        ("soldiers", "soldier", 3, "obj", "NOUN"),
        (".", ".", 3, "punct", "PUNCT"),
    ])  # fmt: skip
    assert codes_at(doc, 3)[0] == "1832"
