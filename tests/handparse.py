"""Hand-parsed sentences for lexicon and role tests: pin a rule independent of the parser model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.actors.types import Mention
from dyad.coding.lexicon import Lexicon
from dyad.coding.roles import MentionIndex, Roles, find_roles
from dyad.coding.types import Trigger
from dyad.model import Actor, Event

NLP = spacy.blank("en")
Row = tuple[str, str, int, str, str]


def parse(rows: list[Row]) -> Doc:
    """A hand-parsed sentence: rows of (word, lemma, head index, dep, pos)."""
    words, lemmas, heads, deps, pos = zip(*rows, strict=True)
    return Doc(NLP.vocab, words=list(words), lemmas=list(lemmas), heads=list(heads),
               deps=list(deps), pos=list(pos))  # fmt: skip


def triggers(doc: Doc) -> list[Trigger]:
    """Every trigger the bundled lexicon finds in the whole Doc."""
    return Lexicon.load().find_triggers(doc[:])


def codes_at(doc: Doc, head: int) -> list[str]:
    """The codes of the triggers headed by token ``head``."""
    return [t.code for t in triggers(doc) if t.head == head]


# ---------------------------------------------------------------- role tests (UD rows)

ParseRow = tuple[str, int, str, str] | tuple[str, int, str, str, str]


def parsed(rows: list[ParseRow], lemmas: dict[int, str] | None = None) -> Doc:
    """A Doc from (word, head, dep, pos[, tag]) rows; heads are absolute token indices; lemmas
    are the lower-cased words unless ``lemmas`` gives some by token index."""
    words = [r[0] for r in rows]
    lem = [w.lower() for w in words]
    for i, lemma in (lemmas or {}).items():
        lem[i] = lemma
    return Doc(
        NLP.vocab,
        words=words,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] if len(r) == 5 else "" for r in rows],
        lemmas=lem,
    )


def mention(doc: Doc, start: int, end: int, code: str, kind: str = "country") -> Mention:
    """An actor mention over tokens [start, end) with ``code`` (country from its first three
    letters unless they are ``---``)."""
    span = doc[start:end]
    country = code[:3] if code[:3].isalpha() else None
    actor = Actor(span.text, span.start_char, span.end_char, code, country)
    head = span.root.i if doc.has_annotation("DEP") else end - 1
    return Mention(start, end, head, actor, kind)


def codes(ms: tuple[Mention, ...]) -> list[str]:
    return [m.actor.code for m in ms]


def roles_of(doc: Doc, trig: Trigger, mentions: list[Mention]) -> Roles:
    """The roles ``find_roles`` gives ``trig`` in the whole Doc."""
    return find_roles(doc[0 : len(doc)], trig, MentionIndex(doc, mentions))


def pairs(events: list[Event], cameo: str) -> set[tuple[str | None, str | None]]:
    """(source, target) codes of the asserted events whose CAMEO code starts with ``cameo``."""
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
        if e.cameo.startswith(cameo) and e.factuality == "asserted"
    }
