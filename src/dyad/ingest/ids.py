"""Stable document ids: a hash of the normalised text and URL."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def normalise(text: str) -> str:
    """NFC, collapsed whitespace: the form that decides whether two documents are the same."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str, url: str | None) -> str:
    """16 hex digits of SHA-256 over the normalised text and URL."""
    h = hashlib.sha256()
    h.update(normalise(text).encode("utf-8"))
    h.update(b"\x00")
    h.update((url or "").strip().encode("utf-8"))
    return h.hexdigest()[:16]
