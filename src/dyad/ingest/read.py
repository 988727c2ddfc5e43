"""Reading inputs (a file of any kind, a folder, stdin) as Documents and Skipped records."""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from dyad.errors import bad_kind, bad_option, missing_path
from dyad.ingest.dates import check_date
from dyad.ingest.feeds import PageIndex, read_feed
from dyad.ingest.ids import document_id
from dyad.ingest.jsonl import read_jsonl
from dyad.ingest.pages import html_document
from dyad.ingest.sniff import HEAD_BYTES, KINDS, binary_format, decode, is_gzip, sniff
from dyad.ingest.warc import read_warc
from dyad.model import Document, Skipped

log = logging.getLogger(__name__)

MAX_BYTES = 20_000_000  # per document: larger inputs are skipped as "too_large"
STDIN = "-"

Read = Document | Skipped


def read_paths(
    paths: Iterable[str | Path],
    date: str | None = None,
    kind: str | None = None,
    *,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Read]:
    """Documents and skip records from several paths, in the order given.

    Every path is checked before any is read, so a typo fails the call at once.

    Raises:
        InputError: a path does not exist, ``kind`` is unknown or ``date`` is not YYYY-MM-DD.
    """
    readers = [read_path(p, date, kind, max_bytes=max_bytes) for p in paths]
    return (item for reader in readers for item in reader)


def read_path(
    path: str | Path,
    date: str | None = None,
    kind: str | None = None,
    *,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Read]:
    """Documents and skip records from a file, a folder (recursive, sorted) or ``-`` (stdin).

    Args:
        path: a file of any supported kind, a folder, or ``"-"`` for standard input.
        date: publication date (YYYY-MM-DD) for documents whose metadata has none.
        kind: ``"text"``, ``"html"``, ``"rss"``, ``"warc"`` or ``"jsonl"`` to skip detection.
        max_bytes: documents larger than this are skipped as ``too_large``.

    Returns:
        A lazy iterator; bad inputs come out as :class:`Skipped` with their reason, never raise.

    Raises:
        InputError: the path does not exist, ``kind`` is unknown or ``date`` is malformed
            (raised at the call, before reading).
    """
    date = check_date(date)
    if kind is not None and kind not in KINDS:
        raise bad_kind(kind, KINDS)
    if max_bytes < 1:
        raise bad_option("max_bytes", max_bytes, "a positive number of bytes")
    if str(path) == STDIN:
        stream = read_stream(sys.stdin.buffer, STDIN, date, kind, max_bytes=max_bytes)
        return _guarded(stream, STDIN)
    p = Path(path)
    if not p.exists():
        raise missing_path(str(path))
    if p.is_dir():
        return _read_folder(p, date, kind, max_bytes)
    return _read_file(p, date, kind, max_bytes, None)


def read_stream(
    stream: IO[bytes],
    origin: str = STDIN,
    date: str | None = None,
    kind: str | None = None,
    *,
    name: str = "",
    max_bytes: int = MAX_BYTES,
    pages: PageIndex | None = None,
) -> Iterator[Read]:
    """Documents from an open binary stream (what ``-`` reads); ``name`` hints the kind."""
    head = stream.read(HEAD_BYTES)
    chosen = kind or sniff(head, name)
    rest = _Joined(head, stream)
    if chosen == "warc":
        yield from read_warc(io.BufferedReader(rest), origin, date, max_bytes)
        return
    if chosen == "jsonl":
        yield from read_jsonl(io.BufferedReader(rest), origin, date, max_bytes)
        return
    data = head + stream.read(max(0, max_bytes + 1 - len(head)))
    if len(data) > max_bytes:
        yield Skipped(origin, "too_large")
        return
    if not data.strip():
        yield Skipped(origin, "empty")
        return
    if is_gzip(head):
        yield Skipped(origin, "unreadable: gzip-compressed and not a WARC; decompress it first")
        return
    if chosen == "text":
        yield _text_document(data, origin, date)
        return
    binary = binary_format(head)
    if binary is not None:
        named = "" if binary == "binary" else f" ({binary})"
        yield Skipped(origin, f"unreadable: binary{named}")
        return
    if chosen == "html":
        yield html_document(data, origin, date)
    else:
        yield from read_feed(data, origin, date, pages, _read_page(max_bytes))


def _text_document(data: bytes, origin: str, date: str | None) -> Read:
    text, reason = decode(data)
    if text is None:
        return Skipped(origin, reason or "unreadable")
    text = text.replace("\r\n", "\n")
    if not text.strip():
        return Skipped(origin, "empty")
    return Document(id=document_id(text, None), text=text, date=date, origin=origin)


def _read_file(
    path: Path, date: str | None, kind: str | None, max_bytes: int, pages: PageIndex | None
) -> Iterator[Read]:
    origin = str(path)
    try:
        with path.open("rb") as fh:
            stream = read_stream(
                fh, origin, date, kind, name=path.name, max_bytes=max_bytes, pages=pages
            )
            yield from _guarded(stream, origin)
    except OSError as exc:
        yield Skipped(origin, f"unreadable: {exc.strerror or type(exc).__name__}")


def _guarded(items: Iterator[Read], origin: str) -> Iterator[Read]:
    """Items of one input; a reader crash ends that input with a skip record, not a traceback."""
    try:
        yield from items
    except OSError:
        raise
    except Exception as exc:  # parsers raise kinds of their own on inputs nobody foresaw
        log.warning("%s: reader failed", origin, exc_info=True)
        yield Skipped(origin, f"unreadable: {type(exc).__name__}: {str(exc)[:120]}")


def _read_folder(root: Path, date: str | None, kind: str | None, max_bytes: int) -> Iterator[Read]:
    """Every file under ``root`` in sorted order; pages claimed by a feed's items come with them."""
    files = folder_files(root)
    kinds = {f: kind or _sniff_file(f) for f in files}
    pages: PageIndex | None = None
    claimed: set[Path] = set()
    feeds = [f for f in files if kinds[f] == "rss"]
    htmls = [f for f in files if kinds[f] == "html"]
    if feeds and htmls:
        pages = PageIndex()
        for f in htmls:
            pages.add(f, _head(f).decode("utf-8", errors="ignore"))
        claimed = _claimed(feeds, pages)
        log.info("%s: %d saved page(s) give full text to feed items", root, len(claimed))
    for f in files:
        if f in claimed:
            continue
        yield from _read_file(f, date, kinds[f], max_bytes, pages)


def folder_files(root: Path) -> list[Path]:
    """Files under ``root``, recursively, sorted by relative path; hidden ones left out."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath, name) for name in filenames if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _claimed(feeds: list[Path], pages: PageIndex) -> set[Path]:
    """Saved pages some feed item links to (they are read with the item, not on their own)."""
    import feedparser

    claimed: set[Path] = set()
    for feed in feeds:
        try:
            parsed = feedparser.parse(feed.read_bytes())
        except OSError:
            continue
        for entry in parsed.entries:
            page = pages.find(entry.get("link") or "")
            if page is not None:
                claimed.add(page)
    return claimed


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError:
        return b""


def _sniff_file(path: Path) -> str:
    return sniff(_head(path), path.name)


def _read_page(max_bytes: int) -> Callable[[Path], bytes | None]:
    def read(path: Path) -> bytes | None:
        try:
            if path.stat().st_size > max_bytes:
                return None
            return path.read_bytes()
        except OSError:
            return None

    return read


class _Joined(io.RawIOBase):
    """A stream that replays ``head`` and then continues with ``rest`` (sniffing reads ahead)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)
