"""Actor mentions found in a spaCy Doc, before they become events' sources and targets."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.model import Actor


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: tokens ``[start, end)`` of the Doc, resolved to ``actor``.

    ``head`` is the token index that carries the mention's syntactic relations (the noun that is
    the subject or object: "troops" in "North Korean troops"). ``kind`` says how it was found:
    ``country``, ``capital``, ``igo``, ``agent``, ``person``, ``group``, ``ner``, ``coref``
    (docs/actors.md).
    """

    start: int
    end: int
    head: int
    actor: Actor
    kind: str
