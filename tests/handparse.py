"""Hand-parsed sentences for lexicon tests: pin a matcher rule independent of the parser model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.coding.lexicon import Lexicon
from dyad.coding.types import Trigger

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
