"""Each ingest reader on a hand-made input: text, HTML, RSS, Atom, WARC, JSONL and bad inputs."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.errors import InputError
from dyad.ingest import document_id, normalise_date, read_path, read_stream, sniff
from dyad.model import Document, Skipped

BODY = (
    "<p>North Korean troops crossed into the demilitarised zone on Tuesday, South Korean "
    "officials said, in the most serious incursion this year.</p>"
    "<p>The South Korean military fired warning shots and the soldiers retreated, according to "
    "a statement from the Joint Chiefs of Staff in Seoul.</p>"
)


def page(
    title: str = "Troops cross border",
    date: str | None = "2024-10-30T08:15:00+09:00",
    canonical: str | None = "https://news.example.com/world/troops-cross-border",
    body: str = BODY,
) -> str:
    """A small news page with optional date and canonical URL."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Example'
        f"</title>{link}{meta}</head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>© Example News</footer></body></html>"
    )


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example World</title><link>https://news.example.com</link>
<item><title>Troops cross border</title>
<link>https://news.example.com/world/troops-cross-border</link>
<description>&lt;p&gt;North Korean troops crossed the &lt;b&gt;border&lt;/b&gt;
on Tuesday.&lt;/p&gt;</description>
<pubDate>Tue, 29 Oct 2024 23:30:00 -0500</pubDate></item>
<item><title>Talks resume in Geneva</title>
<link>https://news.example.com/world/talks-resume</link>
<description>Envoys met again on Wednesday.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title><id>urn:x</id>
<updated>2024-10-31T00:00:00Z</updated>
<entry><title>Ceasefire agreed</title><id>urn:1</id>
<link href="https://news.example.com/world/ceasefire"/>
<published>2024-10-31T06:00:00Z</published>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Both sides agreed to a ceasefire.&lt;/p&gt;
&lt;p&gt;Monitors will arrive on Friday.&lt;/p&gt;</content>
</entry></feed>"""


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def one(path: Path, **kwargs: object) -> Document | Skipped:
    items = list(read_path(path, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def test_ingest_text_file_with_date_option(tmp_path: Path) -> None:
    """A UTF-8 text file is one document with the --date and a text+URL hash id."""
    text = "Russia and Ukraine exchanged prisoners on Monday.\n"
    doc = one(write(tmp_path, "a.txt", text), date="2024-10-28")
    assert isinstance(doc, Document)
    assert (doc.text, doc.date, doc.origin) == (text, "2024-10-28", str(tmp_path / "a.txt"))
    assert doc.id == document_id(text, None)


def test_ingest_text_utf16_and_bom(tmp_path: Path) -> None:
    """UTF-16 with BOM and UTF-8 with BOM decode to the same text, BOM removed."""
    text = "Iran’s foreign minister met his Saudi counterpart."
    a = one(write(tmp_path, "a.txt", text.encode("utf-16")))
    b = one(write(tmp_path, "b.txt", text.encode("utf-8-sig")))
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.text == b.text == text


def test_ingest_text_latin1_detected(tmp_path: Path) -> None:
    """A Latin-1 file is decoded by charset detection, accents intact."""
    text = (
        "Le président a rencontré à São Paulo les délégués du syndicat, qui réclament "
        "une hausse des salaires après la grève de décembre."
    )
    doc = one(write(tmp_path, "fr.txt", text.encode("latin-1")))
    assert isinstance(doc, Document)
    assert doc.text == text


def test_ingest_undecodable_text_skipped(tmp_path: Path) -> None:
    """Broken UTF-16 and bytes no charset explains are skipped as unreadable: encoding."""
    broken = one(write(tmp_path, "u16.txt", b"\xff\xfe" + "Hello".encode("utf-16-le") + b"\x00"))
    noise = one(write(tmp_path, "noise.txt", bytes(range(128, 256)) * 3))
    assert isinstance(broken, Skipped)
    assert broken.reason == "unreadable: encoding utf-16 broken at byte 12"
    assert isinstance(noise, Skipped) and noise.reason.startswith("unreadable: encoding")


def test_ingest_empty_file_skipped(tmp_path: Path) -> None:
    """Empty and whitespace-only files are skipped as empty."""
    assert one(write(tmp_path, "e.txt", b"")) == Skipped(str(tmp_path / "e.txt"), "empty")
    assert one(write(tmp_path, "w.html", b"  \n\n ")) == Skipped(str(tmp_path / "w.html"), "empty")


def test_ingest_binary_files_skipped(tmp_path: Path) -> None:
    """NUL bytes and known binary formats are skipped as unreadable: binary, named when known."""
    png = one(write(tmp_path, "x.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    blob = one(write(tmp_path, "x.txt", b"abc\x00\x01\x02def" * 10))
    pdf = one(write(tmp_path, "x.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))
    assert isinstance(png, Skipped) and png.reason == "unreadable: binary (PNG image)"
    assert isinstance(blob, Skipped) and blob.reason == "unreadable: binary"
    assert isinstance(pdf, Skipped) and pdf.reason == "unreadable: binary (PDF)"


def test_ingest_too_large_skipped(tmp_path: Path) -> None:
    """A document over max_bytes is skipped as too_large, not read."""
    path = write(tmp_path, "big.txt", "word " * 1000)
    assert one(path, max_bytes=100) == Skipped(str(path), "too_large")


def test_ingest_html_title_date_canonical(tmp_path: Path) -> None:
    """An HTML page gives main text without navigation, its title, date and canonical URL."""
    doc = one(write(tmp_path, "p.html", page()), date="2000-01-01")
    assert isinstance(doc, Document)
    assert doc.title == "Troops cross border"
    assert doc.date == "2024-10-30"  # the page's own date beats --date
    assert doc.url == "https://news.example.com/world/troops-cross-border"
    assert "warning shots" in doc.text and "Home | World" not in doc.text
    assert doc.id == document_id(doc.text, doc.url)


def test_ingest_html_without_date_takes_option(tmp_path: Path) -> None:
    """A page without a date of its own takes --date, or none."""
    path = write(tmp_path, "p.html", page(date=None))
    with_option = one(path, date="2024-11-05")
    without = one(path)
    assert isinstance(with_option, Document) and with_option.date == "2024-11-05"
    assert isinstance(without, Document) and without.date is None


def test_ingest_truncated_html_no_text(tmp_path: Path) -> None:
    """Truncated HTML with no main text is skipped as no_text."""
    path = write(tmp_path, "t.html", '<html><head><title>Breaking</title></head><body><div class="')
    assert one(path) == Skipped(str(path), "no_text")


def test_ingest_rss_items(tmp_path: Path) -> None:
    """Each RSS item is a document: title + stripped summary, link, day as written."""
    items = list(read_path(write(tmp_path, "world.rss", RSS), date="2024-11-01"))
    assert [type(i) for i in items] == [Document, Document]
    first, second = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == "Troops cross border\n\nNorth Korean troops crossed the border on Tuesday."
    assert first.url == "https://news.example.com/world/troops-cross-border"
    assert first.date == "2024-10-29"  # local day of the pubDate, not the UTC one
    assert first.origin == f"{tmp_path / 'world.rss'}#item-1"
    assert second.date == "2024-11-01"  # no pubDate: --date


def test_ingest_atom_entry_prefers_content(tmp_path: Path) -> None:
    """An Atom entry uses its full content over the shorter summary, with its published date."""
    doc = one(write(tmp_path, "feed.xml", ATOM))
    assert isinstance(doc, Document)
    assert doc.text == (
        "Ceasefire agreed\n\nBoth sides agreed to a ceasefire.\nMonitors will arrive on Friday."
    )
    assert (doc.date, doc.url) == ("2024-10-31", "https://news.example.com/world/ceasefire")


def test_ingest_xml_not_a_feed_skipped(tmp_path: Path) -> None:
    """An .xml file that is not RSS/Atom (forced as rss) is skipped with the reason."""
    item = one(
        write(tmp_path, "x.xml", "<?xml version='1.0'?><config><a>1</a></config>"), kind="rss"
    )
    assert isinstance(item, Skipped) and item.reason.startswith("unreadable: not RSS or Atom")


def _warc(path: Path) -> Path:
    """A gzipped WARC: warcinfo, a request, two HTML pages, a 404 and an image."""
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "dyad-test"}))

        def response(
            url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html"
        ) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-11-02T10:00:00Z"},
            )
            w.write_record(rec)

        req = StatusAndHeaders(
            "GET /a HTTP/1.1", [("Host", "news.example.com")], is_http_request=True
        )
        w.write_record(
            w.create_warc_record("https://news.example.com/a", "request", http_headers=req)
        )
        response("https://news.example.com/a", page().encode())
        response("https://news.example.com/missing", b"<html>Not found</html>", "404 Not Found")
        response("https://news.example.com/logo.png", b"\x89PNG\r\n", ctype="image/png")
        response("https://news.example.com/b", page("Talks resume", date=None).encode())
    return path


def test_ingest_warc_html_responses(tmp_path: Path) -> None:
    """WARC: only 200 HTML responses are documents; URL from WARC-Target-URI; record origins."""
    path = _warc(tmp_path / "crawl.warc.gz")
    items = list(read_path(path))
    assert all(isinstance(i, Document) for i in items)
    a, b = items
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.url == "https://news.example.com/a" and a.date == "2024-10-30"
    assert a.origin == f"{path}#record-3"
    assert b.title == "Talks resume" and b.origin == f"{path}#record-6"


def test_ingest_warc_date_fallbacks(tmp_path: Path) -> None:
    """A WARC page without a date takes --date, and only without it the crawl date."""
    path = _warc(tmp_path / "crawl.warc.gz")
    undated_with_option = list(read_path(path, date="2024-10-20"))[1]
    undated = list(read_path(path))[1]
    assert isinstance(undated_with_option, Document) and undated_with_option.date == "2024-10-20"
    assert isinstance(undated, Document) and undated.date == "2024-11-02"


def test_ingest_warc_truncated_keeps_earlier_records(tmp_path: Path) -> None:
    """A WARC cut off mid-archive yields the records before the cut and a skip where it broke."""
    data = _warc(tmp_path / "full.warc").read_bytes()
    raw = gzip.decompress(data)
    cut = write(tmp_path, "cut.warc", raw[: raw.index(b"https://news.example.com/b") + 400])
    items = list(read_path(cut))
    assert isinstance(items[0], Document)
    assert items[-1] == Skipped(f"{cut}#record-6", "unreadable: WARC record truncated")


def test_ingest_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    """JSONL: given ids kept, dates normalised, a bad line skipped alone with its number."""
    lines = [
        '{"id": "reuters-1", "text": "Turkey shelled Kurdish positions.",'
        ' "date": "2024-10-30T12:00:00Z", "title": "Shelling", "url": "https://x.example/1"}',
        "{not json",
        "",
        '{"text": "China and India held border talks."}',
        '{"title": "no text here"}',
        '{"text": "   "}',
    ]
    path = write(tmp_path, "docs.jsonl", "\n".join(lines) + "\n")
    items = list(read_path(path, date="2024-11-01"))
    first, bad, second, no_text, empty = items
    assert isinstance(first, Document)
    assert (first.id, first.date, first.title, first.url) == (
        "reuters-1",
        "2024-10-30",
        "Shelling",
        "https://x.example/1",
    )
    assert bad == Skipped(f"{path}#line-2", "unreadable: line 2 is not JSON")
    assert isinstance(second, Document) and second.origin == f"{path}#line-4"
    assert second.id == document_id("China and India held border talks.", None)
    assert second.date == "2024-11-01"
    assert no_text == Skipped(f"{path}#line-5", 'unreadable: line 5 has no "text" string')
    assert empty == Skipped(f"{path}#line-6", "empty")


def test_ingest_jsonl_long_line_too_large(tmp_path: Path) -> None:
    """A JSONL line over max_bytes is skipped as too_large; the next line is still read."""
    big = '{"text": "' + "x" * 500 + '"}'
    path = write(tmp_path, "d.jsonl", big + '\n{"text": "Short one."}\n')
    items = list(read_path(path, max_bytes=100))
    assert items[0] == Skipped(f"{path}#line-1", "too_large")
    assert isinstance(items[1], Document) and items[1].text == "Short one."


def test_ingest_kind_override(tmp_path: Path) -> None:
    """kind='text' keeps markup as text; detection would read it as HTML."""
    path = write(tmp_path, "p.txt", page())
    assert sniff(path.read_bytes(), path.name) == "html"
    doc = one(path, kind="text")
    assert isinstance(doc, Document) and doc.text.startswith("<!DOCTYPE html>")


def test_ingest_sniff_kinds() -> None:
    """Kinds come from content first, with the extension as a hint."""
    assert sniff(RSS.encode(), "feed.html") == "rss"
    assert sniff(ATOM.encode(), "") == "rss"
    assert sniff(b'{"text": "a"}\n', "docs.txt") == "jsonl"
    assert sniff(b'{"text": "a"}\n', "") == "jsonl"
    assert sniff(b"WARC/1.1\r\n", "") == "warc"
    assert sniff(b"Plain words { here }", "a.jsonl") == "jsonl"
    assert sniff(b"Plain words.", "x.html") == "text"


def test_ingest_stdin_stream() -> None:
    """read_stream reads '-' input: sniffed as JSONL, origins '-#line-N'."""
    data = b'{"text": "Egypt mediated between Israel and Hamas."}\n'
    (doc,) = read_stream(BytesIO(data), "-")
    assert isinstance(doc, Document) and doc.origin == "-#line-1"


def test_ingest_errors_for_the_whole_call(tmp_path: Path) -> None:
    """Only a missing path, an unknown kind or a malformed date raise, naming the fix."""
    with pytest.raises(InputError, match="no such file or folder"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="--kind html"):
        read_path(tmp_path, kind="pdf")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        read_path(tmp_path, date="30/10/2024")


def test_ingest_normalise_date_forms() -> None:
    """Metadata dates in ISO, RFC 822 and free text become YYYY-MM-DD; partial dates None."""
    assert normalise_date("2024-10-30T23:59:00-05:00") == "2024-10-30"
    assert normalise_date("Wed, 30 Oct 2024 08:15:00 GMT") == "2024-10-30"
    assert normalise_date("30 October 2024") == "2024-10-30"
    assert normalise_date("2024-10") is None
    assert normalise_date("2024-13-45") is None
    assert normalise_date("") is None
