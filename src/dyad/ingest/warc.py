"""WARC archives: every successful HTML response record becomes a document."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO

from dyad.ingest.dates import normalise_date
from dyad.ingest.pages import html_document
from dyad.model import Document, Skipped

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: IO[bytes], origin: str, date: str | None = None, max_bytes: int = 20_000_000
) -> Iterator[Document | Skipped]:
    """HTML pages of a WARC (plain or gzipped), origin ``file.warc.gz#record-N`` (from 1).

    Only ``response`` records with HTTP status 200 and an HTML content type are documents;
    requests, metadata, images and redirects are not news and are passed over without a
    skip record. The URL is the record's ``WARC-Target-URI``. The date is the page's own, else
    ``date`` (``--date``), else the record's ``WARC-Date``: the crawl date is only a late
    stand-in for the publication date.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    n = 0
    pages = 0
    try:
        for n, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if not ctype.startswith(_HTML_TYPES):
                continue
            where = f"{origin}#record-{n}"
            pages += 1
            length = int(record.rec_headers.get_header("Content-Length") or 0)
            if length > max_bytes:
                yield Skipped(where, "too_large")
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield Skipped(where, "too_large")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                # warcio reads a cut-off record without complaint; its length says it is short
                yield Skipped(where, "unreadable: WARC record truncated")
                continue
            if not body.strip():
                yield Skipped(where, "empty")
                continue
            yield html_document(
                body,
                where,
                date=date,
                url=record.rec_headers.get_header("WARC-Target-URI"),
                fallback_date=normalise_date(record.rec_headers.get_header("WARC-Date")),
            )
    except (
        ArchiveLoadFailed,
        StatusAndHeadersParserException,
        OSError,
        EOFError,
        ValueError,
    ) as exc:
        # A truncated or corrupt archive: keep what was read, record where it broke.
        yield Skipped(f"{origin}#record-{n + 1}", f"unreadable: WARC broken ({_short(exc)})")
    if n == 0:
        log.info("%s: no WARC records", origin)
    log.debug("%s: %d records, %d HTML pages", origin, n, pages)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:120]}" if text else type(exc).__name__
