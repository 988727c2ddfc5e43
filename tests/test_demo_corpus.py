"""The bundled demo corpus (``src/dyad/demo/corpus``) stays valid: read with the stdlib only."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "src" / "dyad" / "demo" / "corpus"
ARTICLES = CORPUS / "articles.jsonl"
HTML_DIR = CORPUS / "demo-html"
FEED = CORPUS / "demo-feed.xml"
URL = re.compile(r"https://demo\.dyad\.invalid/(\d{4})/(\d{2})/(\d{2})/[a-z0-9-]+")
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def _articles() -> list[dict[str, Any]]:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


class _Page(HTMLParser):
    """Collects what the demo pages must carry and checks that tags are balanced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.seen: set[str] = set()
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title = ""
        self.article_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.seen.add(tag)
        if tag == "meta" and "property" in a:
            self.meta[a["property"]] = a.get("content", "")
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "title":
            self.title += data
        if "article" in self.stack and self.stack[-1] == "p":
            self.article_text.append(data)


def test_demo_corpus_lines_are_json_objects() -> None:
    """Every non-blank line of articles.jsonl is a JSON object (what the JSONL reader needs)."""
    for n, line in enumerate(ARTICLES.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            assert isinstance(json.loads(line), dict), f"articles.jsonl:{n} is not an object"


def test_demo_corpus_has_enough_articles_with_unique_urls() -> None:
    """At least 20 articles with unique urls (ids are content hashes, so the saved HTML pages of
    two articles are recognised as the same documents by ingest)."""
    rows = _articles()
    assert len(rows) >= 20
    urls = [r["url"] for r in rows]
    assert len(set(urls)) == len(urls)


@pytest.mark.parametrize("row", _articles(), ids=lambda r: r["url"].rsplit("/", 1)[-1])
def test_demo_corpus_article_fields(row: dict[str, Any]) -> None:
    """Each article: ISO date in 2022–2025, title, demo URL matching the date, 100–400 words."""
    assert set(row) == {"title", "date", "url", "text"}
    date = dt.date.fromisoformat(row["date"])
    assert row["date"] == date.isoformat()
    assert 2022 <= date.year <= 2025
    assert row["title"].strip()
    m = URL.fullmatch(row["url"])
    assert m, row["url"]
    assert "-".join(m.groups()) == row["date"]
    words = len(row["text"].split())
    assert 100 <= words <= 400, f"{row['url']}: {words} words"


@pytest.mark.parametrize("row", _articles(), ids=lambda r: r["url"].rsplit("/", 1)[-1])
def test_demo_corpus_article_has_dateline(row: dict[str, Any]) -> None:
    """Each text opens with a wire dateline (``CITY, Mon D —``) and has no stray markup."""
    assert re.match(r"[A-Z][A-Z .'-]+, [A-Z][a-z]+\.? \d{1,2} — ", row["text"]), row["text"][:40]
    assert "<" not in row["text"]


def test_demo_corpus_is_small() -> None:
    """The whole corpus stays under 200 KB (it ships inside the package)."""
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert size < 200_000


def test_demo_corpus_html_pages_parse_and_match_articles() -> None:
    """The saved pages are balanced HTML with title, published time, canonical URL, boilerplate
    around an <article>, and the same text as their JSONL article."""
    by_url = {r["url"]: r for r in _articles()}
    pages = sorted(HTML_DIR.glob("*.html"))
    assert len(pages) >= 2
    for page in pages:
        p = _Page()
        p.feed(page.read_text(encoding="utf-8"))
        p.close()
        assert not p.errors, f"{page.name}: {p.errors}"
        assert not p.stack, f"{page.name}: unclosed {p.stack}"
        assert {"header", "nav", "footer", "article"} <= p.seen, page.name
        assert p.title.strip()
        published = p.meta.get("article:published_time", "")
        assert dt.datetime.fromisoformat(published), page.name
        assert p.canonical in by_url, f"{page.name}: canonical {p.canonical} is not an article"
        assert page.stem == p.canonical.rsplit("/", 1)[1], "file name = URL slug (feed matching)"
        row = by_url[p.canonical]
        assert published.startswith(row["date"])
        assert " ".join(" ".join(p.article_text).split()) == " ".join(row["text"].split())


def test_demo_corpus_feed_is_rss_pointing_at_saved_pages() -> None:
    """demo-feed.xml is well-formed RSS 2.0 whose items link to the saved HTML pages."""
    root = ET.parse(FEED).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert len(items) == 2
    canonical = {r["url"] for r in _articles()}
    slugs = {p.stem for p in HTML_DIR.glob("*.html")}
    for item in items:
        link = item.findtext("link") or ""
        assert link in canonical
        assert link.rsplit("/", 1)[1] in slugs
        assert (item.findtext("title") or "").strip()
        assert (item.findtext("pubDate") or "").strip()
