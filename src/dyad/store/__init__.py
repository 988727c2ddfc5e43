"""The event store: coded documents, sentences, events, skip records and runs in DuckDB.

``Store(path)`` opens (or creates) a database; :func:`ingest` reads, codes and stores inputs;
:func:`export` writes events as CSV, Parquet or JSONL.
"""

from __future__ import annotations

from dyad.store.export import FLAT_COLUMNS, FORMATS, export
from dyad.store.filters import EventFilter
from dyad.store.ingest import ingest
from dyad.store.schema import SCHEMA_VERSION
from dyad.store.store import Store
from dyad.store.types import AddResult, DyadCount, IngestSummary, StoreSummary

__all__ = [
    "FLAT_COLUMNS",
    "FORMATS",
    "SCHEMA_VERSION",
    "AddResult",
    "DyadCount",
    "EventFilter",
    "IngestSummary",
    "Store",
    "StoreSummary",
    "export",
    "ingest",
]
