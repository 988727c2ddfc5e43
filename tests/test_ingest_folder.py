"""Reading folders (sorted, recursive, feeds with saved pages), several paths and stdin."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.errors import InputError
from dyad.ingest import read_path, read_paths
from dyad.model import Document, Skipped

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>
<item><title>Troops cross border</title>
<link>https://news.example.com/world/troops-cross-border</link>
<description>Short summary of the incursion.</description>
<pubDate>Wed, 30 Oct 2024 08:00:00 +0900</pubDate></item>
<item><title>Talks resume</title><link>https://news.example.com/2024/10/31/talks?ref=rss</link>
<description>Short summary of the talks.</description></item>
<item><title>Aid convoy attacked</title><link>https://news.example.com/world/aid-convoy</link>
<description>Gunmen attacked an aid convoy near the border on Thursday.</description></item>
</channel></rss>"""


def page(title: str, body: str, canonical: str = "") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paras = "".join(f"<p>{p}</p>" for p in body.split("|"))
    return (
        f"<html><head><title>{title}</title>{link}</head><body><nav>Menu</nav>"
        f"<article><h1>{title}</h1>{paras}</article></body></html>"
    )


FULL_TROOPS = (
    "North Korean troops crossed into the demilitarised zone on Tuesday, officials said.|"
    "The South Korean military fired warning shots and the soldiers retreated north."
)
FULL_TALKS = (
    "Envoys from both countries met again in Geneva on Thursday after a month-long pause.|"
    "The talks will continue next week, a spokesman for the mediators said."
)


def test_ingest_folder_feed_uses_saved_pages(tmp_path: Path) -> None:
    """Feed items linked to saved pages (by file name or canonical URL) take the full text."""
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "troops-cross-border.html").write_text(
        page("Troops cross border", FULL_TROOPS), encoding="utf-8"
    )
    (tmp_path / "pages" / "saved-2.html").write_text(
        page("Talks resume", FULL_TALKS, "https://www.news.example.com/2024/10/31/talks"),
        encoding="utf-8",
    )
    items = list(read_path(tmp_path, date="2024-11-01"))
    assert len(items) == 3  # the two pages come with their items, not again on their own
    troops, talks, aid = items
    assert isinstance(troops, Document) and isinstance(talks, Document)
    assert isinstance(aid, Document)
    assert "fired warning shots" in troops.text
    assert troops.url == "https://news.example.com/world/troops-cross-border"
    assert troops.date == "2024-10-30" and troops.title == "Troops cross border"
    assert troops.origin == str(tmp_path / "pages" / "troops-cross-border.html")
    assert "continue next week" in talks.text
    assert talks.date == "2024-10-31"  # no pubDate: the page's date (here from its URL)
    assert aid.text.endswith("near the border on Thursday.")  # no page: the summary
    assert aid.origin == f"{tmp_path / 'feed.xml'}#item-3"


def test_ingest_folder_sorted_recursive_and_corrupt_skipped(tmp_path: Path) -> None:
    """A folder is read recursively, sorted, without hidden files; bad files are skipped."""
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "b" / "2.txt").write_text("Serbia recalled its ambassador from Kosovo.")
    (tmp_path / "b" / "1.txt").write_text("Chile and Peru signed a trade accord.")
    (tmp_path / "a.txt").write_bytes(b"\x00\xff\x00garbage")
    (tmp_path / "c.html").write_text("<html><body><script>var x = 1;</script></body></html>")
    items = list(read_path(tmp_path))
    assert [i.origin for i in items] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "1.txt"),
        str(tmp_path / "b" / "2.txt"),
        str(tmp_path / "c.html"),
    ]
    assert [type(i).__name__ for i in items] == ["Skipped", "Document", "Document", "Skipped"]
    assert [i.reason for i in items if isinstance(i, Skipped)] == ["unreadable: binary", "no_text"]
    assert list(read_path(tmp_path)) == items  # deterministic


def test_ingest_read_paths_checks_all_first(tmp_path: Path) -> None:
    """read_paths reads paths in the given order, and fails before reading if one is missing."""
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("First text.")
    b.write_text("Second text.")
    docs = list(read_paths([b, a]))
    assert [d.origin for d in docs] == [str(b), str(a)]
    with pytest.raises(InputError, match=r"missing\.txt"):
        read_paths([a, tmp_path / "missing.txt"])


def test_ingest_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' reads standard input as a text document with origin '-'."""
    fake = io.TextIOWrapper(io.BytesIO(b"Kenya deployed police to Haiti.\n"))
    monkeypatch.setattr(sys, "stdin", fake)
    (doc,) = read_path("-", date="2024-06-25")
    assert isinstance(doc, Document)
    assert (doc.text, doc.origin, doc.date) == (
        "Kenya deployed police to Haiti.\n",
        "-",
        "2024-06-25",
    )


def test_ingest_folder_gzip_warc_and_plain_gzip(tmp_path: Path) -> None:
    """A .warc.gz in a folder is read as WARC; another .gz is skipped, naming the fix."""
    with (tmp_path / "crawl.warc.gz").open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        html = b"<html><body><article><p>Kenya and Somalia restored diplomatic ties.</p></article>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                "https://x.example/k", "response", payload=io.BytesIO(html), http_headers=headers
            )
        )
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(b"Some notes."))
    warc_doc, gz = read_path(tmp_path)
    assert isinstance(warc_doc, Document) and warc_doc.url == "https://x.example/k"
    assert gz == Skipped(
        str(tmp_path / "notes.txt.gz"),
        "unreadable: gzip-compressed and not a WARC; decompress it first",
    )


def test_ingest_reader_crash_skips_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader that crashes on one file yields a skip record for it; later files are still read."""
    import dyad.ingest.read as read_module

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(read_module, "html_document", crash)
    (tmp_path / "a.html").write_text("<html><body><p>Some page.</p></body></html>")
    (tmp_path / "b.txt").write_text("Chad closed its border with Sudan.")
    crashed, doc = read_path(tmp_path)
    assert crashed == Skipped(str(tmp_path / "a.html"), "unreadable: RuntimeError: parser exploded")
    assert isinstance(doc, Document)
