"""Publication dates from metadata, normalised to ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re

from dyad.errors import bad_date

log = logging.getLogger(__name__)

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_date(value: str | None) -> str | None:
    """Validate a user-given ``--date``: ``YYYY-MM-DD`` or None; anything else raises InputError."""
    if value is None:
        return None
    text = value.strip()
    if not _DAY.match(text):
        raise bad_date(value)
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        raise bad_date(value) from exc
    return text


def normalise_date(value: object) -> str | None:
    """The calendar day of a metadata date (ISO 8601, RFC 822 or free text), or None.

    The day is taken as written, in the publisher's time zone: an RSS item stamped
    ``Tue, 29 Oct 2024 23:30:00 -0500`` was published on the 29th where it was written.
    Dates without a day (``2024-10``) give None rather than an invented day.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    m = _ISO_DAY.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _free_text_date(text)


def _free_text_date(text: str) -> str | None:
    """Last resort for dates like ``30 October 2024``; dateparser is slow, so it comes last."""
    if len(text) > 64 or not re.search(r"\d{4}", text):
        return None
    import dateparser

    parsed = dateparser.parse(
        text,
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DATES_FROM": "past",
        },
    )
    if parsed is None:
        log.debug("no date in %r", text)
        return None
    return parsed.date().isoformat()
