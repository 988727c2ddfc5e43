"""What an input is: its kind (text, html, rss, warc, jsonl) from its first bytes, and its text."""

from __future__ import annotations

import codecs
import json
import re
import zlib
from pathlib import Path

KINDS: tuple[str, ...] = ("text", "html", "rss", "warc", "jsonl")
HEAD_BYTES = 64 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Formats people drop into a news folder by mistake; named so the skip reason says what it was.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP/Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
)
_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "rss",
    ".atom": "rss",
    ".xml": "rss",
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|p|div|title|meta)[\s>/]", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def extension_hint(name: str) -> str | None:
    """The kind a file name suggests (``x.warc.gz`` → warc), or None."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    return _EXTENSIONS.get(Path(lower).suffix)


def binary_format(head: bytes) -> str | None:
    """The name of a known binary format ``head`` starts with, "binary" for NUL bytes, else None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if any(head.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig"):
        return None  # UTF-16/32 text is full of NUL bytes
    if b"\x00" in head:
        return "binary"
    return None


def is_gzip(head: bytes) -> bool:
    return head[:2] == b"\x1f\x8b"


def gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream (as much as ``head`` holds)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


def sniff(head: bytes, name: str = "") -> str:
    """The kind of an input from its first bytes, with the file name as a hint for ties."""
    hint = extension_hint(name)
    if is_gzip(head):
        inner = gunzip_head(head)
        return "warc" if inner.lstrip().startswith(b"WARC/") else (hint or "text")
    body = _to_ascii_view(head).lstrip()
    if body.startswith(b"WARC/"):
        return "warc"
    feed = _FEED.search(body[:4096])
    html = _HTML.search(body[:4096])
    if feed and (not html or feed.start() < html.start()):
        return "rss"
    if html or body.startswith(b"<"):
        return "html" if hint != "rss" else "rss"
    if hint == "jsonl" or _looks_like_jsonl(body):
        return "jsonl"
    return "text"


def _to_ascii_view(head: bytes) -> bytes:
    """UTF-16/32 heads re-encoded so byte patterns match; other heads returned as they are."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            if encoding == "utf-8-sig":
                return head[len(bom) :]
            text = head.decode(encoding, errors="ignore")
            return text.encode("utf-8", errors="ignore")
    return head


def _looks_like_jsonl(body: bytes) -> bool:
    """True when the first line is a JSON object with a "text" field."""
    first = body.split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        value = json.loads(first)
    except ValueError:
        return False
    return isinstance(value, dict) and "text" in value


def decode(data: bytes) -> tuple[str | None, str | None]:
    """``(text, None)`` for readable text, else ``(None, skip reason)``.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are read as such; anything else goes
    through charset detection, and text that still holds control characters is called binary.
    """
    kind = binary_format(data[:HEAD_BYTES])
    if kind is not None:
        return None, f"unreadable: {kind}" if kind == "binary" else f"unreadable: binary ({kind})"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError as exc:
                return None, f"unreadable: encoding {encoding} broken at byte {exc.start}"
    text: str | None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data)
        if text is None:
            return None, "unreadable: encoding not UTF-8 and not detected; convert it to UTF-8"
    if _too_many_controls(text):
        return None, "unreadable: binary"
    return text, None


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    # Detectors tie between Central and Western European code pages on short texts; in news
    # the Western one (windows-1252, a superset of Latin-1) is by far the likelier.
    for match in matches:
        western = "cp1252" in match.could_be_from_charset or match.encoding == "latin_1"
        if western and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return str(match)
    return str(best)


def _too_many_controls(text: str) -> bool:
    sample = text[:HEAD_BYTES]
    return bool(sample) and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)
