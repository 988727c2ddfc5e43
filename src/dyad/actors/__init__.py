"""Actors: dictionaries of countries, IGOs, agents and people, and their resolution in text."""

from __future__ import annotations

from spacy.tokens import Doc

from dyad.actors.types import Mention

__all__ = ["Mention", "find_mentions"]


def find_mentions(doc: Doc, date: str | None) -> list[Mention]:
    """All actor mentions in ``doc``, resolved at ``date`` (ISO, or None for today's roles)."""
    return []
