"""Sentences whose trigger fires must still yield their event: roles on hand-built UD parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.actors.types import Mention
from dyad.coding.roles import MentionIndex, find_roles
from dyad.coding.types import Trigger
from dyad.model import Actor

NLP = spacy.blank("en")


def _mention(doc: Doc, start: int, end: int, code: str) -> Mention:
    span = doc[start:end]
    actor = Actor(span.text, span.start_char, span.end_char, code, code[:3])
    return Mention(start, end, span.root.i, actor, "country")


def test_roles_passive_looking_verb_with_infinitive_keeps_its_subject_as_source() -> None:
    """'Chile was prepared to impose martial law': Chile imposes it, it is not the patient."""
    words = ["Chile", "was", "prepared", "to", "impose", "martial", "law", "."]
    doc = Doc(
        NLP.vocab,
        words=words,
        heads=[2, 2, 2, 4, 2, 6, 4, 2],
        deps=["nsubj:pass", "aux:pass", "ROOT", "mark", "xcomp", "amod", "obj", "punct"],
        pos=["PROPN", "AUX", "VERB", "PART", "VERB", "ADJ", "NOUN", "PUNCT"],
        lemmas=["Chile", "be", "prepare", "to", "impose", "martial", "law", "."],
    )
    doc[2].tag_ = "VBN"
    doc[4].tag_ = "VB"
    idx = MentionIndex(doc, [_mention(doc, 0, 1, "CHL")])
    trig = Trigger("1324", 2, (2, 4, 5, 6), "t:1", target_preps=("on",), target_head=4)
    roles = find_roles(doc[0:8], trig, idx)
    assert [m.actor.code for m in roles.sources] == ["CHL"]
    assert roles.targets == ()
