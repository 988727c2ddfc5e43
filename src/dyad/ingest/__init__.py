"""Ingest: text, HTML, RSS/Atom, WARC and JSONL inputs read as :class:`~dyad.model.Document` s.

Bad inputs are never errors: they come out as :class:`~dyad.model.Skipped` records with a
reason (``empty``, ``no_text``, ``too_large``, ``unreadable: ...``) and an origin saying where
(``path``, ``path#line-3``, ``feed.xml#item-2``, ``crawl.warc.gz#record-12``).
"""

from __future__ import annotations

from dyad.ingest.dates import check_date, normalise_date
from dyad.ingest.ids import document_id
from dyad.ingest.read import MAX_BYTES, folder_files, read_path, read_paths, read_stream
from dyad.ingest.sniff import KINDS, sniff

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "check_date",
    "document_id",
    "folder_files",
    "normalise_date",
    "read_path",
    "read_paths",
    "read_stream",
    "sniff",
]
