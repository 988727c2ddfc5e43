"""dyad's data model: the typed values that flow between stages, and their one JSON codec.

The JSON form of :class:`Event` is a public contract (see ``docs/event-contract.md``):
fields may be added, never renamed or removed.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args

Factuality = Literal["asserted", "negated", "hypothetical", "future"]
DatePrecision = Literal["day", "month", "year", "publication"]
FACTUALITIES: tuple[str, ...] = get_args(Factuality)
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of the document text with its character offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """One news article (or any text) as read by ingest."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    origin: str | None = None  # where it was read from: a path, "path#record", or "-"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document that was read but not coded, with why (``empty``, ``unreadable: ...``)."""

    origin: str
    reason: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor mention; ``code`` is CAMEO-style: ``PRKMIL``, ``NATO``, ``USAGOV``."""

    text: str
    start: int
    end: int
    code: str
    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class DateRef:
    """A resolved date: ``value`` in ISO form at ``precision``, with the expression it came from."""

    value: str | None
    precision: DatePrecision | None
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float | int
    unit: str
    approximate: bool
    text: str
    start: int | None = None
    end: int | None = None
    per: float | int | None = None  # ratio denominator: "one interpreter for every 30 troops"
    per_unit: str | None = None


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an event came from: its trigger span and the rule (``file:line``) that fired.

    ``date`` and ``location`` hold the spans of the expressions that set those fields.
    """

    trigger: TextSpan
    rule: str
    date: TextSpan | None = None
    location: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Event:
    doc_id: str
    event_id: str
    sentence_index: int
    sentence: str
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: Plover
    factuality: Factuality
    evidence: Evidence
    date: str | None = None
    date_precision: DatePrecision | None = None
    location: Place | None = None
    quantities: tuple[Quantity, ...] = field(default_factory=tuple)
    attribution: Actor | None = None
    quote: str | None = None
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Coded:
    """One coded document: what the pipeline hands to storage."""

    document: Document
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]


# ---------------------------------------------------------------- codec

T = TypeVar("T")

_NESTED: dict[tuple[type, str], type] = {
    (Event, "source"): Actor,
    (Event, "target"): Actor,
    (Event, "attribution"): Actor,
    (Event, "plover"): Plover,
    (Event, "location"): Place,
    (Event, "evidence"): Evidence,
    (Evidence, "trigger"): TextSpan,
    (Evidence, "date"): TextSpan,
    (Evidence, "location"): TextSpan,
}
_SEQUENCES: dict[tuple[type, str], type] = {(Event, "quantities"): Quantity}

# The contract's field order for events; dataclass order differs where defaults forced it.
EVENT_FIELDS: tuple[str, ...] = (
    "doc_id", "event_id", "sentence_index", "sentence", "source", "target",
    "cameo", "cameo_root", "quad_class", "goldstein", "plover", "factuality",
    "date", "date_precision", "location", "quantities", "attribution", "quote",
    "evidence", "confidence",
)  # fmt: skip


def to_dict(value: Any) -> Any:
    """Turn a dyad dataclass (or a list of them) into plain JSON-able data."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Event):
        return {name: to_dict(getattr(value, name)) for name in EVENT_FIELDS}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_dict(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_dict(v) for v in value]
    return value


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Build a dyad dataclass from its JSON form; unknown keys are ignored (forward compatible)."""
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name not in data:
            continue
        raw = data[f.name]
        nested = _NESTED.get((cls, f.name))
        seq = _SEQUENCES.get((cls, f.name))
        if nested is not None and raw is not None:
            kwargs[f.name] = from_dict(nested, raw)
        elif seq is not None:
            kwargs[f.name] = tuple(from_dict(seq, item) for item in raw or ())
        else:
            kwargs[f.name] = raw
    return cls(**kwargs)


def dumps(value: Any) -> str:
    """One-line JSON for a dataclass value (the ``--format jsonl`` line)."""
    return json.dumps(to_dict(value), ensure_ascii=False)


def loads(cls: type[T], line: str) -> T:
    return from_dict(cls, json.loads(line))
