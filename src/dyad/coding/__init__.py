"""The event coder: lexicon triggers, roles, factuality and attribution."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from dyad.actors.types import Mention
from dyad.model import Event

__all__ = ["code_doc"]


def code_doc(doc: Doc, mentions: Sequence[Mention]) -> list[Event]:
    """Code every sentence of ``doc`` into events (see :mod:`dyad.coding.coder`)."""
    from dyad.coding.coder import code_doc as _code_doc

    return _code_doc(doc, mentions)
