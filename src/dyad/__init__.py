"""dyad: political event data from news."""

from __future__ import annotations

from typing import Any

from dyad.model import Actor, DateRef, Document, Event, Place, Quantity, Sentence

__version__ = "0.1.0"
__all__ = [
    "Actor",
    "DateRef",
    "Document",
    "Event",
    "Pipeline",
    "Place",
    "Quantity",
    "Sentence",
    "__version__",
    "extract",
]  # fmt: skip


def extract(text: str, date: str | None = None, **options: Any) -> list[Event]:
    """Code one text into events.

    Args:
        text: the article or paragraph.
        date: publication date, ``YYYY-MM-DD`` (relative dates resolve against it).
        **options: ``nlp`` (pipeline name or Language), ``doc_id``.
    Returns:
        The events in text order.
    """
    from dyad.ingest.ids import document_id
    from dyad.pipeline import get_pipeline

    doc_id = options.pop("doc_id", None) or document_id(text, None)
    pipe = get_pipeline(options.pop("nlp", None))
    return pipe.events(Document(id=doc_id, text=text, date=date))


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from dyad.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
