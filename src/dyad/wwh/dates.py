"""Date expressions: found with our own patterns, resolved against the publication date.

Candidates come from regular expressions over the text (fast, and only real date phrases);
each is resolved by rule. dateparser handles only what the rules do not (numeric dates such as
``28/10/2024``), so it never runs on ordinary tokens. Decisions (see ``docs/wwh.md``):

* a bare month or weekday is the most recent one on or before publication, or the next one after
  it when the clause is about the future ("will ... in June");
* "N days ago" has day precision; "N weeks ago" and "last/next week" month precision (there is
  no week precision); "N months ago" month; "N years ago" year;
* "overnight" and "last night" are the day before publication (the night began then);
* "within days" / "in the coming days" is the month a few days after publication;
* "since August" is the start: August; "until June" bounds the event, it does not date it;
* "the next day" / "two days later" count from the nearest date before them (same or previous
  sentence); with none they date nothing;
* "the third quarter" has year precision (the year of the latest such quarter);
* "on the 15th" is that day of the publication month (or of the previous one if still ahead).
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from dyad.model import DateRef

log = logging.getLogger(__name__)

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}

_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})(?!\d|,\d|s\b)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = (
    r"(?P<part>(?i:early|late|mid|the end of|the start of|the beginning of|the middle of"
    r"|end of)[\s-]+)?"
)
_NUM = (
    r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty)"
)

# kind -> pattern; the order breaks ties between overlapping matches of equal length
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("iso", r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
        ("numeric", r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b"),
        ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?"),
        ("mdy", rf"\b{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?"),
        ("my", rf"\b{_PART}{_MON}(?:\s+of)?\s+{_YEAR}"),
        ("month_rel", rf"\b{_PART}{_MON}\s+(?P<rel>(?i:last|this|next))\s+year\b"),
        (
            "month",
            r"\b(?P<prep>(?i:in|on|since|by|until|till|from|during|through|throughout|before|after"
            r"|last|next|this|earlier in|later in|late|early|mid|the end of|the start of"
            r"|the beginning of|the middle of|end of|start of))[\s-]+(?:(?i:early|late|mid)[\s-]+)?"
            + _MON,
        ),
        (
            "year",
            r"\b(?P<prep>(?i:in|since|by|until|till|from|during|through|before|after|early|late"
            r"|mid|the end of|the start of|the beginning of|the middle of|end of|start of"
            r"|summer of|spring of|autumn of|winter of|the summer of|the spring of"
            r"|the autumn of|the winter of))[\s-]+" + _YEAR,
        ),
        (
            "weekday",
            r"\b(?:(?P<rel>(?i:last|next|this|on|coming|past))\s+)?"
            + _WD
            + r"(?:\s+(?i:morning|afternoon|evening|night))?\b",
        ),
        (
            "relday",
            r"(?i:\b(?P<word>yesterday|today|tonight|tomorrow|overnight|last night"
            r"|this morning|this afternoon|this evening|earlier today|later today"
            r"|earlier in the day|later in the day)\b)",
        ),
        (
            "relunit",
            r"(?i:\b(?P<rel>last|next|this|earlier this|later this|late last|early last"
            r"|early next|late next|early this|late this|the previous|the next|the coming"
            r"|at the)\s+(?P<unit>week|weekend|month|year|spring|summer|autumn|fall"
            r"|winter)\b)",
        ),
        (
            "later",  # "the next morning", "two days later": counted from the date before it
            r"(?i:\b(?:the\s+(?P<next>next|following)\s+(?:day|morning|afternoon|evening|night)"
            r"|(?P<count>a|one|two|three|four|five|six|seven|\d+)\s+days?\s+later)\b)",
        ),
        (
            "quarter",  # "in the third quarter (of 2023)": no quarter precision, so the year
            r"(?i:\b(?P<q>first|second|third|fourth|final|last)\s+quarter)"
            r"(?:\s+of\s+(?:(?i:the\s+year)|" + _YEAR + "))?",
        ),
        (
            "ordinal_day",  # "on the 15th": a day of this month (or the last)
            r"\b(?:(?i:on)\s+)?the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
            r"(?!\s+(?:[A-Z]|of\b|day|anniversary|time|round|floor|century|consecutive|year))",
        ),
        ("ago", r"(?i:\b" + _NUM + r"\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b)"),
        (
            "soon",
            r"(?i:\b(?:within|in)\s+(?:the\s+(?:coming|next)\s+(?:few\s+)?|a\s+few\s+)?"
            r"(?P<unit>hours|days|weeks)\b(?!\s+(?:of|after|before)\b))",
        ),
    )
)


_ABSOLUTE = frozenset({"iso", "numeric", "dmy", "mdy", "my", "month_rel"})


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in the text (not yet resolved)."""

    kind: str
    start: int
    end: int
    text: str
    groups: tuple[tuple[str, str], ...]

    def group(self, name: str) -> str | None:
        return dict(self.groups).get(name)


# Every date expression contains one of these; the full patterns run only in windows around them.
_ANCHOR = re.compile(  # matched on the lowercased text: case-insensitive matching is slower
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|yesterday|today|tonight|tomorrow|overnight|night|morning|afternoon"
    r"|evening|day|week|weekend|month|year|quarter|spring|summer|autumn|fall|winter|ago|hours|days|weeks)"
    r"[a-z.]*|\d{1,2}(?:st|nd|rd|th)\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\b(?:1[89]|20)\d{2}\b"
)
_ANCHOR_I = re.compile(_ANCHOR.pattern, re.I)  # for texts whose lowercase changes length ("İ")
_BEFORE, _AFTER = 40, 24  # the longest lead-in ("the beginning of early") and tail (", 2024")


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around anchors, widened to whitespace and merged."""
    out: list[tuple[int, int]] = []
    low = text.lower()
    anchors = _ANCHOR.finditer(low) if len(low) == len(text) else _ANCHOR_I.finditer(text)
    for m in anchors:
        lo = max(0, m.start() - _BEFORE)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        hi = min(len(text), m.end() + _AFTER)
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Date expressions in ``text`` (offsets shifted by ``offset``); of overlaps, the fullest."""
    found: list[tuple[int, int, int, DateMention]] = []
    for lo, hi in _windows(text):
        for order, (kind, pattern) in enumerate(PATTERNS):
            for m in pattern.finditer(text, lo, hi):
                groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
                start, end = m.start() + offset, m.end() + offset
                mention = DateMention(kind, start, end, m.group(0), groups)
                absolute = 0 if kind in _ABSOLUTE else 1
                found.append((absolute, start - end, order, mention))
    found.sort(key=lambda item: item[:3])  # full dates first, then the longest, then pattern order
    kept: list[DateMention] = []
    for *_, d in found:
        if not any(d.start < k.end and k.start < d.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: d.start)


def parse_pub(pub_date: str | None) -> dt.date | None:
    """The publication date (``YYYY-MM-DD`` or a longer ISO timestamp); None when absent."""
    if not pub_date:
        return None
    try:
        return dt.date.fromisoformat(pub_date[:10])
    except ValueError:
        log.warning("ignoring publication date %r: not YYYY-MM-DD", pub_date)
        return None


def resolve(mention: DateMention, pub: dt.date | None, future: bool = False) -> DateRef | None:
    """Resolve a date expression; None when it cannot be placed ("on Tuesday" without pub date)."""
    try:
        value = _resolve(mention, pub, future)
    except (ValueError, OverflowError):  # "31 February", dates before year 1
        return None
    if value is None:
        return None
    iso, precision = value
    return DateRef(iso, precision, mention.text, mention.start, mention.end)  # type: ignore[arg-type]


def shift_from(mention: DateMention, anchor: DateRef) -> DateRef | None:
    """Resolve "the next day" / "two days later" from the date it follows (``anchor``)."""
    if (
        mention.kind != "later"
        or not anchor.value
        or anchor.precision not in ("day", "month", "year")
    ):
        return None
    if anchor.precision != "day":  # "in May ... two days later" is still May
        return DateRef(anchor.value, anchor.precision, mention.text, mention.start, mention.end)
    count = mention.group("count")
    days = 1 if mention.group("next") or count is None else NUMBER_WORDS.get(count.lower(), 0)
    if count and count.isdigit():
        days = int(count)
    value = dt.date.fromisoformat(anchor.value) + dt.timedelta(days=days)
    return DateRef(value.isoformat(), "day", mention.text, mention.start, mention.end)


def _day(d: dt.date) -> tuple[str, str]:
    return d.isoformat(), "day"


def _month(year: int, month: int) -> tuple[str, str]:
    while month < 1:
        year, month = year - 1, month + 12
    while month > 12:
        year, month = year + 1, month - 12
    return f"{year:04d}-{month:02d}", "month"


def _year(year: int) -> tuple[str, str]:
    return f"{year:04d}", "year"


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _resolve(m: DateMention, pub: dt.date | None, future: bool) -> tuple[str, str] | None:
    g = m.group
    if m.kind == "iso":
        return _day(dt.date(int(g("year") or 0), int(g("month") or 0), int(g("day") or 0)))
    if m.kind == "numeric":
        return _numeric(m.text, pub)
    if m.kind in ("dmy", "mdy"):
        month, day = _month_number(g("mon") or ""), int(g("day") or 0)
        if g("year"):
            return _day(dt.date(int(g("year") or 0), month, day))
        if pub is None:
            return None
        d = dt.date(pub.year, month, day)
        if future and d < pub:
            d = dt.date(pub.year + 1, month, day)
        elif not future and d > pub:
            d = dt.date(pub.year - 1, month, day)
        return _day(d)
    if m.kind == "my":
        return _month(int(g("year") or 0), _month_number(g("mon") or ""))
    if m.kind == "year":
        return _year(int(g("year") or 0))
    if pub is None:
        return None
    if m.kind == "month_rel":
        step = {"last": -1, "this": 0, "next": 1}[(g("rel") or "").lower()]
        return _month(pub.year + step, _month_number(g("mon") or ""))
    if m.kind == "month":
        return _bare_month(_month_number(g("mon") or ""), (g("prep") or "").lower(), pub, future)
    if m.kind == "weekday":
        return _weekday(WEEKDAYS[(g("wd") or "").lower()], (g("rel") or "").lower(), pub, future)
    if m.kind == "later":
        return None  # needs the date it counts from: see shift_from
    if m.kind == "quarter":
        if g("year"):
            return _year(int(g("year") or 0))
        first = 3 * _QUARTERS[(g("q") or "").lower()] - 2
        if future:  # this year's while it has not ended, else next year's
            return _year(pub.year if first + 2 >= pub.month else pub.year + 1)
        return _year(pub.year if first <= pub.month else pub.year - 1)
    if m.kind == "ordinal_day":
        day = int(g("day") or 0)
        month = pub.month + (
            1 if future and day < pub.day else -1 if not future and day > pub.day else 0
        )
        year = pub.year + (month - 1) // 12
        return _day(dt.date(year, (month - 1) % 12 + 1, day))
    if m.kind == "relday":
        word = (g("word") or "").lower()
        shift = {"yesterday": -1, "overnight": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        return _day(pub + dt.timedelta(days=shift))
    if m.kind == "relunit":
        return _relative_unit((g("rel") or "").lower(), (g("unit") or "").lower(), pub, future)
    if m.kind == "ago":
        n = g("n") or ""
        count = int(n) if n.isdigit() else NUMBER_WORDS[n.lower()]
        unit = (g("unit") or "").lower().rstrip("s")
        if unit == "day":
            return _day(pub - dt.timedelta(days=count))
        if unit == "week":
            d = pub - dt.timedelta(weeks=count)
            return _month(d.year, d.month)
        if unit == "month":
            return _month(pub.year, pub.month - count)
        return _year(pub.year - count * (10 if unit == "decade" else 1))
    if m.kind == "soon":
        unit = (g("unit") or "").lower()
        if unit == "hours":
            return _day(pub)
        d = pub + dt.timedelta(days=3 if unit == "days" else 14)
        return _month(d.year, d.month)
    return None


def _bare_month(month: int, prep: str, pub: dt.date, future: bool) -> tuple[str, str]:
    if prep == "next" or (future and prep not in ("last", "since")):
        year = (
            pub.year
            if month > pub.month or (month == pub.month and prep != "next")
            else pub.year + 1
        )
    elif prep == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif prep == "this":
        year = pub.year
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return _month(year, month)


def _weekday(weekday: int, rel: str, pub: dt.date, future: bool) -> tuple[str, str]:
    if rel in ("next", "coming") or (future and rel != "last"):
        ahead = (weekday - pub.weekday()) % 7 or 7
        return _day(pub + dt.timedelta(days=ahead))
    back = (pub.weekday() - weekday) % 7
    if rel in ("last", "past") and back == 0:
        back = 7
    return _day(pub - dt.timedelta(days=back))


def _relative_unit(rel: str, unit: str, pub: dt.date, future: bool) -> tuple[str, str] | None:
    step = (
        -1
        if rel.endswith("last") or rel == "the previous"
        else 1
        if rel.endswith("next") or rel == "the coming"
        else 0
    )
    if rel == "at the" and unit != "weekend":
        return None
    if unit in ("week", "weekend"):
        shift = 7 * step if not (rel == "at the" and future) else 3
        d = pub + dt.timedelta(days=shift)
        return _month(d.year, d.month)
    if unit == "month":
        return _month(pub.year, pub.month + step)
    if unit == "year":
        return _year(pub.year + step)
    first, last = SEASONS[unit]
    if step < 0:
        return _year(pub.year if last < pub.month and first <= last else pub.year - 1)
    if step > 0:
        return _year(pub.year if first > pub.month else pub.year + 1)
    return _year(pub.year)


@lru_cache(maxsize=4096)
def _numeric_cached(text: str, pub_iso: str | None) -> tuple[str, str] | None:
    import dateparser  # slow to import; only numeric dates need it

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if pub_iso:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(pub_iso)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return _day(parsed.date()) if parsed else None


def _numeric(text: str, pub: dt.date | None) -> tuple[str, str] | None:
    return _numeric_cached(text, pub.isoformat() if pub else None)
