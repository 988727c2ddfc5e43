"""HTML pages: main text, title, publication date and URL via trafilatura."""

from __future__ import annotations

import html as htmllib
import logging
import re
from dataclasses import dataclass

from dyad.ingest.dates import normalise_date
from dyad.ingest.ids import document_id
from dyad.model import Document, Skipped

log = logging.getLogger(__name__)

_TAG = re.compile(r"<(?:link|meta)\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
# htmldate: prefer the original publication date over "last modified", and let it look for
# dates in the page text when the metadata has none.
_DATE_PARAMS = {"original_date": True, "extensive_search": True}


@dataclass(frozen=True, slots=True)
class Page:
    """What an HTML page says about itself."""

    text: str
    title: str | None
    date: str | None
    url: str | None


def page_urls(markup: str) -> list[str]:
    """The page's own URLs, canonical first then ``og:url`` (from ``<link>``/``<meta>`` tags)."""
    canonical: list[str] = []
    og: list[str] = []
    for tag in _TAG.finditer(markup[:200_000]):
        attrs = {
            m[1].lower(): htmllib.unescape(m[2] or m[3] or m[4] or "")
            for m in _ATTR.finditer(tag[0])
        }
        prop = attrs.get("property", attrs.get("name", "")).lower()
        if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            canonical.append(attrs["href"].strip())
        elif prop == "og:url" and attrs.get("content"):
            og.append(attrs["content"].strip())
    return [u for u in canonical + og if u.startswith(("http://", "https://"))]


def parse_html(markup: str | bytes, url: str | None = None) -> Page | None:
    """Main text and metadata of a page; None when trafilatura finds no main text."""
    import trafilatura

    if isinstance(markup, bytes):
        from trafilatura.utils import decode_file

        markup = decode_file(markup)
    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        log.debug("trafilatura failed: %s: %s", type(exc).__name__, exc)
        return None
    if result is None:
        return None
    data = result if isinstance(result, dict) else result.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        return None
    own = page_urls(markup)
    return Page(
        text=text,
        title=(data.get("title") or "").strip() or None,
        date=normalise_date(data.get("date")),
        url=(own[0] if own else None) or data.get("url") or url,
    )


def html_document(
    markup: str | bytes,
    origin: str,
    date: str | None = None,
    url: str | None = None,
    fallback_date: str | None = None,
) -> Document | Skipped:
    """One HTML page as a Document: date from the page, else ``date``, else ``fallback_date``.

    Args:
        markup: the page, as text or as bytes in any charset.
        origin: where it was read from, for the document and any skip record.
        date: the user's ``--date``, used when the page has no date of its own.
        url: the page's URL when known from outside (a WARC record, a feed item).
        fallback_date: a last resort weaker than ``date`` (a WARC record's crawl date).
    """
    page = parse_html(markup, url)
    if page is None:
        return Skipped(origin, "no_text")
    final_url = url or page.url
    return Document(
        id=document_id(page.text, final_url),
        text=page.text,
        date=page.date or date or fallback_date,
        title=page.title,
        url=final_url,
        origin=origin,
    )
