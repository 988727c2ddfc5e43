"""Model values flattened into the store's rows, as Arrow tables for fast bulk inserts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from dyad.model import Actor, Document, Event, Sentence, dumps
from dyad.store.schema import DOCUMENT_COLUMNS, EVENT_COLUMNS, SENTENCE_COLUMNS, names

_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int64(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.string(),  # ISO strings; DuckDB casts them on insert
    "TIMESTAMP": pa.timestamp("us"),
}
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def arrow_schema(columns: tuple[tuple[str, str], ...], only: Sequence[str]) -> pa.Schema:
    types = {name: _ARROW[sql.split()[0]] for name, sql in columns}
    return pa.schema([(name, types[name]) for name in only])


def table(columns: tuple[tuple[str, str], ...], only: Sequence[str], rows: list[tuple]) -> pa.Table:
    """An Arrow table of ``rows`` (tuples in the order of ``only``) typed from the SQL columns."""
    schema = arrow_schema(columns, only)
    data: list[Sequence[Any]] = list(zip(*rows, strict=True)) if rows else [[] for _ in only]
    arrays = [pa.array(col, type=f.type) for col, f in zip(data, schema, strict=True)]
    return pa.table(arrays, schema=schema)


DOCUMENT_FIELDS = ["id", "url", "title", "date", "origin", "text", "n_sentences", "n_events"]
SENTENCE_FIELDS = names(SENTENCE_COLUMNS)
EVENT_FIELDS = names(EVENT_COLUMNS)


def document_row(doc: Document, n_sentences: int, n_events: int) -> tuple:
    return (doc.id, doc.url, doc.title, doc.date, doc.origin, doc.text, n_sentences, n_events)


def sentence_row(s: Sentence) -> tuple:
    return (s.doc_id, s.index, s.start, s.end, s.text)


def event_day(event: Event, doc_date: str | None) -> str | None:
    """The day an event is filed under: its date (month/year → first day), else the document's."""
    m = _PARTIAL_DATE.match(event.date or "")
    if m:
        return f"{m[1]}-{m[2] or '01'}-{m[3] or '01'}"
    return doc_date


def _actor(actor: Actor | None) -> tuple[Any, ...]:
    if actor is None:
        return (None,) * 8
    return (
        actor.code,
        actor.country,
        actor.sector,
        actor.igo,
        actor.name,
        actor.text,
        actor.start,
        actor.end,
    )


def event_row(event: Event, doc_date: str | None) -> tuple:
    place = event.location
    return (
        event.doc_id,
        event.event_id,
        event.sentence_index,
        event.sentence,
        event.cameo,
        event.cameo_root,
        event.quad_class,
        float(event.goldstein),
        event.plover.type if event.plover else None,
        event.plover.mode if event.plover else None,
        event.factuality,
        event.date,
        event.date_precision,
        event_day(event, doc_date),
        *_actor(event.source),
        *_actor(event.target),
        *_actor(event.attribution),
        event.quote,
        place.name if place else None,
        place.country if place else None,
        place.admin1 if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.geonames_id if place else None,
        event.evidence.rule if event.evidence else None,
        float(event.confidence),
        dumps(event),
    )


def documents_table(rows: list[tuple]) -> pa.Table:
    return table(DOCUMENT_COLUMNS, DOCUMENT_FIELDS, rows)


def sentences_table(rows: list[tuple]) -> pa.Table:
    return table(SENTENCE_COLUMNS, SENTENCE_FIELDS, rows)


def events_table(rows: list[tuple]) -> pa.Table:
    return table(EVENT_COLUMNS, EVENT_FIELDS, rows)
