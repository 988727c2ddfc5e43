"""Targets the parse hides: phrases on the object, nationality adjectives, complement clauses.

Hand-built UD parses, some with the attachment slips dyad's parser makes, so each test pins one
mechanism of ``dyad.coding.roles`` independent of the parser model.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.actors.types import Mention
from dyad.coding.roles import MentionIndex, Roles, find_roles
from dyad.coding.types import Trigger
from dyad.model import Actor

NLP = spacy.blank("en")


def parsed(rows: list[tuple[str, int, str, str]], lemmas: dict[int, str] | None = None) -> Doc:
    """A Doc from (word, head, dep, pos) rows; heads are absolute token indices."""
    words, heads, deps, pos = (list(col) for col in zip(*rows, strict=True))
    lem = [w.lower() for w in words]
    for i, lemma in (lemmas or {}).items():
        lem[i] = lemma
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lem)


def mention(doc: Doc, start: int, end: int, code: str, kind: str = "country") -> Mention:
    span = doc[start:end]
    actor = Actor(span.text, span.start_char, span.end_char, code, code[:3])
    return Mention(start, end, span.root.i, actor, kind)


def codes(ms: tuple[Mention, ...]) -> list[str]:
    return [m.actor.code for m in ms]


def roles_of(doc: Doc, trig: Trigger, mentions: list[Mention]) -> Roles:
    return find_roles(doc[0 : len(doc)], trig, MentionIndex(doc, mentions))


def test_roles_token_identity_participle_on_place_without_verb() -> None:
    """'the shelling of Aleppo city, killing eight' with no verb above: the climb for the
    participle's subject ends at the root (tokens compared by value, not identity)."""
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("shelling", 1, "ROOT", "NOUN"),
            ("of", 4, "case", "ADP"),
            ("Aleppo", 4, "compound", "PROPN"),
            ("city", 1, "nmod", "NOUN"),
            (",", 6, "punct", "PUNCT"),
            ("killing", 4, "acl", "VERB"),
            ("eight", 6, "obj", "NUM"),
        ]
    )
    doc[6].tag_ = "VBG"
    roles = roles_of(doc, Trigger("190", 6, (6,), "t:1"), [mention(doc, 3, 4, "SYRGOV", "capital")])
    assert codes(roles.sources) == []
