"""JSON Lines: one document per line, ``{"id", "text", "date", "title", "url"}``."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import IO, Any

from dyad.ingest.dates import normalise_date
from dyad.ingest.ids import document_id
from dyad.model import Document, Skipped

log = logging.getLogger(__name__)


def read_jsonl(
    stream: IO[bytes], origin: str, date: str | None = None, max_bytes: int = 20_000_000
) -> Iterator[Document | Skipped]:
    """Each non-blank line as a document, origin ``path#line-N``; a bad line skips that line only.

    A given ``id`` is kept as the document id (so events point back to the caller's ids);
    without one the id is ``document_id(text, url)``. ``date`` (``--date``) fills lines without
    a date of their own.
    """
    for n, raw in enumerate(_lines(stream, max_bytes), start=1):
        where = f"{origin}#line-{n}"
        if raw is None:
            yield Skipped(where, "too_large")
            continue
        if not raw.strip():
            continue
        yield _line(raw, n, where, date)


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Lines of ``stream``; None for a line longer than ``max_bytes`` (read past, not kept)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(max_bytes + 1)
            yield None
            continue
        yield line


def _line(raw: bytes, n: int, where: str, date: str | None) -> Document | Skipped:
    try:
        value: Any = json.loads(raw.decode("utf-8-sig") if n == 1 else raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Skipped(where, f"unreadable: line {n} is not UTF-8")
    except ValueError:
        return Skipped(where, f"unreadable: line {n} is not JSON")
    if not isinstance(value, dict):
        return Skipped(where, f"unreadable: line {n} is not a JSON object")
    text = value.get("text")
    if not isinstance(text, str):
        return Skipped(where, f'unreadable: line {n} has no "text" string')
    if not text.strip():
        return Skipped(where, "empty")
    url = _optional_str(value.get("url"))
    given_date = _optional_str(value.get("date"))
    doc_date = normalise_date(given_date)
    if given_date and doc_date is None:
        log.warning("%s: date %r not understood; using --date or none", where, given_date)
    given_id = value.get("id")
    doc_id = str(given_id).strip() if given_id not in (None, "") else document_id(text, url)
    return Document(
        id=doc_id,
        text=text,
        date=doc_date or date,
        title=_optional_str(value.get("title")),
        url=url,
        origin=where,
    )


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
