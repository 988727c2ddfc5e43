"""Lexicon round 4: event types still missed on the dev sets that a general entry or matcher rule
solves: repatriated animals and artefacts (0842), suspended tariffs (085), contributions to
another's development or stability (060, "ready to contribute" 031), economies opened to
foreigners (061, "committed to opening up" 0311), and an object the parser hung as an apposition.

Entries are checked on plain sentences without a parse (``spacy.blank``), so the tests hold the
data, not the parser; the matcher rule on a hand-built parse.
"""

from __future__ import annotations

import pytest

from dyad.coding.lexicon import Lexicon
from handparse import NLP, codes_at, parse


def codes(text: str) -> list[str]:
    """Trigger codes of one sentence read without a parse, most specific first per head."""
    doc = NLP(text)
    return [t.code for t in Lexicon.load().find_triggers(doc[:])]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Thai customs returned 14 smuggled tortoises to Madagascar.", "0842"),
        ("Peru returned the seized parrots to Brazil on Friday.", "0842"),
        ("The museum returned an ancient sarcophagus to Egypt.", "0842"),
        ("Indonesia suspended import duties on Malaysian palm oil.", "085"),
        ("Washington suspended the tariffs on Chinese steel.", "085"),
        ("Germany contributed to the reconstruction of Afghanistan.", "060"),
        ("Japan contributed to the stabilization of Iraq.", "060"),
        ("China opened up its financial sector to foreign banks.", "061"),
        ("Vietnam opened up its economy to foreign investors.", "061"),
    ],
)
def test_lexicon_round4_entries(text: str, code: str) -> None:
    """Animals and artefacts handed back are property returned (0842); a suspended tariff or duty
    eases economic pressure (085); helping another's reconstruction or stability is material
    cooperation (060); opening a market or sector to foreigners is economic cooperation (061)."""
    found = codes(text)
    assert found and found[0] == code, found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Italy is ready to contribute to the stabilization of Libya.", "031"),
        ("Kenya is committed to opening up its economy to foreign investors.", "0311"),
    ],
)
def test_lexicon_round4_intent(text: str, code: str) -> None:
    """Being ready to contribute to another's stability, or committed to opening an economy, is
    the intent (031, 0311) of the new cooperation entries."""
    assert code in codes(text), codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels contributed to the collapse of the talks.",
        "The soldiers returned to their barracks.",
        "The government raised the tax on tobacco.",
        "The economy opened the year with strong growth.",
    ],
)
def test_lexicon_round4_near_misses_are_no_event(text: str) -> None:
    """Contributing to a collapse, troops going back to barracks, a raised tax, an economy
    'opening' a year: no 060, 0842, 085 or 061."""
    assert not {"060", "0842", "085", "061"} & set(codes(text))


def test_lexicon_round4_object_in_apposition() -> None:
    """'returned a 16th century, two-volume Bible': the parser makes 'century' the object and
    hangs 'Bible' on it as an apposition; the apposition counts as the object."""
    doc = parse([
        ("Police", "police", 1, "nsubj", "NOUN"),
        ("returned", "return", 1, "ROOT", "VERB"),
        ("a", "a", 4, "det", "DET"),
        ("16th", "16th", 4, "amod", "ADJ"),
        ("century", "century", 1, "obj", "NOUN"),
        ("Bible", "Bible", 4, "appos", "PROPN"),
        ("to", "to", 8, "case", "ADP"),
        ("the", "the", 8, "det", "DET"),
        ("church", "church", 1, "obl", "NOUN"),
        (".", ".", 1, "punct", "PUNCT"),
    ])  # fmt: skip
    assert "0842" in codes_at(doc, 1)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("France pressed hard for new sanctions on Iran.", "100"),
        ("Washington is pushing hard for a truce in Sudan.", "100"),
        ("The senator pushed for a new budget law.", "020"),
    ],
)
def test_lexicon_round4_pushing_hard_is_a_demand(text: str, code: str) -> None:
    """Pushing or pressing *hard* for something is a demand (100); a plain 'pushed for' stays an
    appeal (020)."""
    found = codes(text)
    assert found and found[0] == code, found
