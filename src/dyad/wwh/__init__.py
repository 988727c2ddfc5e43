"""When, where and how many: event dates, geocoded places and quantities."""

from __future__ import annotations

from spacy.tokens import Doc

from dyad.model import Event


def attach(doc: Doc, events: list[Event], pub_date: str | None) -> list[Event]:
    """Return ``events`` with date, location and quantities filled from their clauses."""
    return events
