"""RSS and Atom feeds: one document per item, full text from saved linked pages when present."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dyad.ingest.dates import normalise_date
from dyad.ingest.ids import document_id
from dyad.ingest.pages import html_document, page_urls
from dyad.model import Document, Skipped

log = logging.getLogger(__name__)

_BLOCK = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\b[^>]*>", re.IGNORECASE)
_BREAK = "\ue000"
_INDEX_NAMES = frozenset({"index", "default", "article", "story"})


class PageIndex:
    """Saved HTML pages of a folder, found by URL (canonical, og:url) or by file name = URL slug."""

    def __init__(self) -> None:
        self._by_url: dict[str, Path] = {}
        self._by_slug: dict[str, Path | None] = {}  # None: two pages share the slug, so no guessing

    def add(self, path: Path, head: str) -> None:
        """Index one page from the first part of its markup."""
        for url in page_urls(head):
            self._by_url.setdefault(url_key(url), path)
        slug = path_slug(path)
        if slug:
            self._by_slug[slug] = None if slug in self._by_slug else path

    def find(self, link: str) -> Path | None:
        """The saved page for a feed item's link, or None."""
        hit = self._by_url.get(url_key(link))
        if hit is not None:
            return hit
        slug = link_slug(link)
        return self._by_slug.get(slug) if slug else None

    def __len__(self) -> int:
        return len(set(self._by_url.values()) | {p for p in self._by_slug.values() if p})


def url_key(url: str) -> str:
    """A URL without scheme, ``www.``, query, fragment and trailing slash, lowercased host."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


def link_slug(url: str) -> str:
    """The last meaningful path segment of a URL, no extension: ``.../troops.html`` → troops."""
    segments = [s for s in urlsplit(url.strip()).path.split("/") if s]
    while segments and _stem(segments[-1]) in _INDEX_NAMES:
        segments.pop()
    return _stem(segments[-1]) if segments else ""


def path_slug(path: Path) -> str:
    """The slug a saved page's file name gives (``troops/index.html`` → troops)."""
    stem = _stem(path.name)
    if stem in _INDEX_NAMES:
        stem = _stem(path.parent.name)
    return stem


def _stem(name: str) -> str:
    return name.lower().split(".", 1)[0] if "." in name else name.lower()


def strip_html(fragment: str) -> str:
    """Text of an HTML fragment (a feed summary), with block ends as line breaks."""
    if "<" not in fragment and "&" not in fragment:
        return re.sub(r"\s+", " ", fragment).strip()
    import lxml.html

    # Newlines in HTML source are plain spaces; only block ends break lines. Mark those with a
    # private-use character that survives parsing, collapse all whitespace, then restore them.
    try:
        marked = _BLOCK.sub(lambda m: m[0] + _BREAK, fragment)
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except Exception:  # lxml raises ParserError, ValueError…; fall back to dropping tags
        text = re.sub(r"<[^>]*>", " ", fragment)
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.split(_BREAK))
    return "\n".join(line for line in lines if line)


def _item_body(entry: Any) -> str:
    """The longest of the item's content blocks and summary, as text."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [strip_html(c) for c in candidates if c]
    return max(texts, key=len, default="")


def read_feed(
    data: bytes,
    origin: str,
    date: str | None = None,
    pages: PageIndex | None = None,
    read_page: Callable[[Path], bytes | None] | None = None,
) -> Iterator[Document | Skipped]:
    """Each item of an RSS/Atom feed as a document (``origin#item-N``, counted from 1).

    Args:
        data: the feed's bytes.
        origin: where the feed was read from.
        date: the user's ``--date``, for items without a date.
        pages: saved HTML pages of the same folder; an item whose link matches one takes that
            page's full text instead of its summary.
        read_page: reads a saved page's bytes (None when it cannot be read).
    """
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        found = data[:40].decode("utf-8", errors="replace").strip()
        yield Skipped(origin, f"unreadable: not RSS or Atom (first bytes: {found[:20]!r})")
        return
    if not parsed.entries:
        yield Skipped(origin, "empty")
        return
    for i, entry in enumerate(parsed.entries, start=1):
        yield _item(entry, f"{origin}#item-{i}", date, pages, read_page)


def _item(
    entry: Any,
    origin: str,
    date: str | None,
    pages: PageIndex | None,
    read_page: Callable[[Path], bytes | None] | None,
) -> Document | Skipped:
    title = strip_html(entry.get("title", "") or "") or None
    link = (entry.get("link") or "").strip() or None
    item_date = None
    for key in ("published", "updated", "created"):
        item_date = normalise_date(entry.get(key))
        if item_date:
            break
    if link and pages is not None and read_page is not None:
        path = pages.find(link)
        markup = read_page(path) if path is not None else None
        if path is not None and markup is not None:
            page = html_document(markup, str(path), date=date, url=link)
            if isinstance(page, Document):
                log.debug("%s: full text from %s", origin, path)
                return Document(
                    id=page.id,
                    text=page.text,
                    date=item_date or page.date,
                    title=title or page.title,
                    url=link,
                    origin=page.origin,
                )
            log.info("%s: linked page %s has no text; using the item summary", origin, path)
    body = _item_body(entry)
    # Item title then body; some feeds repeat the title as the summary's first line.
    if title and body and not body.startswith(title):
        text = f"{title}\n\n{body}"
    else:
        text = body or title or ""
    if not text.strip():
        return Skipped(origin, "empty")
    return Document(
        id=document_id(text, link),
        text=text,
        date=item_date or date,
        title=title,
        url=link,
        origin=origin,
    )
