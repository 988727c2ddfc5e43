"""Headlines in the present tense: the tagger takes the verb for a noun ("Japan lifts
sanctions"), leaving a sentence with no verb; such a sentence is coded by the rule reading."""

from __future__ import annotations

import pytest
import spacy

import dyad
from dyad.coding.lexicon import parse_usable
from dyad.nlp import MODEL_DIR

needs_model = pytest.mark.skipif(
    not (MODEL_DIR / "config.cfg").exists(), reason="needs the bundled model"
)


@needs_model
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Japan lifts sanctions on Iran.", ("085", "JPN", "IRN")),
        ("Turkey bombs Kurdish positions in Iraq.", ("195", "TUR", "IRQ")),
        ("Canada sanctions Russian oligarchs.", ("163", "CAN", "RUSELI")),
    ],
)
def test_headline_with_verb_tagged_as_noun_is_coded(
    text: str, wanted: tuple[str, str, str]
) -> None:
    got = {
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in dyad.extract(text, date="2021-01-05")
    }
    assert wanted in got


def test_parse_usable_needs_a_verb() -> None:
    """A tagged sentence of three words or more with no VERB/AUX is not usable; untagged text and
    fragments are left to their usual reading."""
    nlp = spacy.blank("en")
    doc = nlp("Japan lifts sanctions on Iran.")
    assert parse_usable(doc[:])  # no tags at all: the rule reading applies anyway
    for tok, pos in zip(doc, ["PROPN", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"], strict=True):
        tok.pos_ = pos
    assert not parse_usable(doc[:])
    doc[1].pos_ = "VERB"
    assert parse_usable(doc[:])
    assert parse_usable(doc[0:2])  # two words: too short to judge
    # a verbless noun phrase with no verb form in it keeps its parse
    fragment = nlp("Egypt's release of 20 prisoners")
    for tok, pos in zip(fragment, ["PROPN", "PART", "NOUN", "ADP", "NUM", "NOUN"], strict=True):
        tok.pos_ = pos
    assert parse_usable(fragment[:])
