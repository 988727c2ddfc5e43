"""The event coder: lexicon triggers, roles, factuality and attribution."""

from __future__ import annotations

from spacy.tokens import Doc

from dyad.actors.types import Mention
from dyad.model import Event


def code_doc(doc: Doc, mentions: list[Mention]) -> list[Event]:
    """Code every sentence of ``doc`` into events."""
    return []
