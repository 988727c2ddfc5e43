"""Values the store hands back: batch results, dyad counts, store and run summaries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one :meth:`Store.add` call did.

    ``skipped`` counts skip records newly stored (a record already stored with the same origin
    and reason is not stored again), including ``duplicate`` records for documents met again
    under another origin.
    """

    documents: int
    duplicates: int
    events: int
    skipped: int
    sentences: int = 0
    undated: int = 0


@dataclass(frozen=True, slots=True)
class DyadCount:
    """Events from one actor to another; ``source``/``target``: IGO code, else country."""

    source: str
    target: str
    count: int
    mean_goldstein: float
    verbal_cooperation: int  # quad class 1
    material_cooperation: int  # quad class 2
    verbal_conflict: int  # quad class 3
    material_conflict: int  # quad class 4


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """What a store holds."""

    documents: int
    undated_documents: int
    events: int
    sentences: int
    skipped: Mapping[str, int]
    runs: int
    first_date: str | None
    last_date: str | None
    events_by_factuality: Mapping[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class IngestSummary:
    """Counts of one ingest run; ``read == stored + duplicates + sum(skipped.values())``.

    ``skipped`` maps each reason (``empty``, ``no_text``, ``unreadable: ...``) to its count;
    duplicates are counted apart.
    """

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    undated: int = 0
    events: int = 0
    sentences: int = 0
    batches: int = 0
    seconds: float = 0.0
    run_id: int | None = None

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + n
