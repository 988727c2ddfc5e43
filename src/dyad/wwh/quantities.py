"""Quantities: "around 10,000 troops", "$1.5bn in aid", "hundreds of drones", "40%", ratios.

A quantity is a number (digits, words, or a vague plural such as "hundreds of"), an optional
multiplier ("million", "bn"), an optional qualifier that makes it approximate ("around", "at
least", "more than"), and the noun it counts (its unit; "USD" etc. for money, "percent").
Years, dates (the caller passes their spans) and ordinals are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dyad.model import Quantity

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_MULT = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000,
    "mn": 1_000_000, "mln": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000, "dozen": 12,
}  # fmt: skip
_VAGUE = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "tens of thousands": 10_000,
    "hundreds of thousands": 100_000, "millions": 1_000_000, "tens of millions": 10_000_000,
    "billions": 1_000_000_000,
}  # fmt: skip
_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yuan": "CNY", "roubles": "RUB", "rubles": "RUB", "hryvnias": "UAH", "rupees": "INR",
    "yen": "JPY",
}  # fmt: skip
_APPROX = (
    r"around|about|approximately|roughly|some|nearly|almost|close to|up to|at least|more than"
    r"|over|fewer than|less than|as many as|an estimated|estimated|upwards of|just over|just under"
    r"|at most|well over|no fewer than|no more than|at least another|about another|some \d+ to"
)
_WORD_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six"
    r"|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an|half a)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PATTERN = re.compile(
    r"(?<![\w\-./:])"
    rf"(?P<approx>(?i:{_APPROX})\s+)?"
    r"(?:(?P<vague>(?i:tens of thousands|hundreds of thousands|tens of millions|dozens|scores"
    r"|hundreds|thousands|millions|billions))\s+of\b"
    rf"|(?P<cur>US\$|\$|£|€|¥)?\s?(?P<num>{_DIGITS}|(?i:{_WORD_NUM})\b)"
    r"(?P<mult>(?:\s*(?:bn|mn|mln|tn|k|m|b)\b|(?:\s+(?i:hundred|thousand|million|billion|trillion"
    r"|dozen))\b)+)?)"
    r"(?P<pct>\s*%|\s+per\s?cent\b|\s+percent\b)?"
    r"(?![\w\-]|\.\d|:\d)"
)
_STOP = frozenset(
    [
        "towards",
        "toward",
        "across",
        "onto",
        "through",
        "against",
        "near",
        "outside",
        "inside",
        "between",
        "among",
        "along",
        "around",
        "within",
        "without",
        "upon",
        "off",
        "out",
        "up",
        "down",
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "must",
        "do",
        "does",
        "did",
        "not",
        "no",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "they",
        "them",
        "he",
        "she",
        "we",
        "you",
        "i",
        "there",
        "here",
        "more",
        "most",
        "other",
        "another",
        "each",
        "every",
        "per",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "during",
        "since",
        "until",
        "while",
        "when",
        "where",
        "said",
        "says",
        "say",
        "according",
    ]
)
_IRREGULAR_PLURALS = frozenset(
    [
        "people",
        "children",
        "men",
        "women",
        "police",
        "personnel",
        "staff",
        "cattle",
        "sheep",
        "livestock",
        "aircraft",
        "troops",
    ]
)
_YEARLIKE = re.compile(r"(?:1[89]|20)\d{2}")
_DEFINITE = re.compile(r"\b(?:the|these|those|both)\s+$")
_IN_WITHIN = re.compile(r"\b(?:in|within)\s+$")
_OFFSET = re.compile(r"\s+(?:after|before|later|earlier|ago|since|of)\b")  # "three months after"
_MONEY_FOR = re.compile(r"\s+(?:in|of|worth of)\s+[a-z]+")
_TIME_UNITS = frozenset(
    {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"}
)
_NOUN_WORD = re.compile(r"\s+([A-Za-z][A-Za-z'\-]*)")
_SHARE = re.compile(
    r"(\d+|one)\s+in\s+(?:every\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten)(?=\s)"
)
_RATIO = re.compile(r"[^.;,]{0,40}?\bfor (?:every|each)\s+")


def _number(num: str, mult: str | None) -> float:
    text = num.lower().replace(",", "")
    if text in ("a", "an"):
        value = 1.0
    elif text == "half a":
        value = 0.5
    elif "-" in text:
        tens, units = text.split("-", 1)
        value = float(_WORDS[tens] + _WORDS[units])
    elif text in _WORDS:
        value = float(_WORDS[text])
    else:
        value = float(text)
    for word in (mult or "").lower().split():
        value *= _MULT[word]
    return value


def _noun(text: str, pos: int) -> tuple[str, int]:
    """The counted noun after ``pos``: the last plural-looking word, else the last before a stop."""
    words: list[tuple[str, int]] = []
    while len(words) < 4:
        m = _NOUN_WORD.match(text, pos)
        if not m or m.group(1).lower() in _STOP:
            break
        word = m.group(1)
        if (
            words
            and word.lower().endswith(("ed", "ing"))
            and word.lower() not in _IRREGULAR_PLURALS
        ):
            break
        words.append((word, m.end()))
        pos = m.end()
    for word, end in reversed(words):  # the head is the last plural: "police officers"
        low = word.lower()
        if not word[0].isupper() and (
            low in _IRREGULAR_PLURALS or (low.endswith("s") and not low.endswith("ss"))
        ):
            return low, end
    if words:
        return words[-1][0].lower(), words[-1][1]
    return "", pos


def _as_number(value: float) -> float | int:
    return int(value) if value.is_integer() else value


def find_quantities(
    text: str, offset: int = 0, skip: Sequence[tuple[int, int]] = ()
) -> list[Quantity]:
    """Quantities in ``text`` (offsets shifted by ``offset``), leaving out ``skip`` spans (dates).

    Args:
        text: the text to search (a sentence or a whole document).
        offset: added to every start/end (the text's position in the document).
        skip: document character spans that are not quantities, e.g. the date expressions.
    Returns:
        The quantities in text order; a ratio ("one X for every 30 Y") is one quantity with ``per``.
    """
    found: list[Quantity] = []
    consumed = 0
    for m in _matches(text):
        start, end = m.start(), m.end()
        if start < consumed or any(s < end + offset and start + offset < e for s, e in skip):
            continue
        share = _SHARE.match(text, m.start("num")) if m.group("num") else None
        if share:  # "(about) 1 in 4 children": a ratio of a group to itself
            unit, end = _noun(text, share.end())
            if unit:
                consumed = end
                n, of = _number(share.group(1), None), _number(share.group(2), None)
                approx = bool(m.group("approx"))
                found.append(Quantity(_as_number(n), unit, approx, text[start:end], start + offset,
                                      end + offset, _as_number(of), unit))  # fmt: skip
                continue
        q = _quantity(m, text)
        if q is None:
            continue
        value, unit, approximate, end = q
        ratio = _RATIO.match(text, end)
        per: float | int | None = None
        per_unit: str | None = None
        if ratio:
            second = _PATTERN.match(text, ratio.end())
            q2 = _quantity(second, text) if second else None
            if q2:
                per, per_unit, end = _as_number(q2[0]), q2[1], q2[3]
        consumed = end
        found.append(
            Quantity(_as_number(value), unit, approximate, text[start:end].strip(), start + offset,
                     end + offset, per, per_unit)
        )  # fmt: skip
    return found


# Every quantity holds a digit, a number word, a multiplier or a vague plural: the full pattern
# runs only from a little before each of these (case-insensitive matching everywhere is slow).
_ANCHOR = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|scores|hundreds"
    r"|thousands|millions|billions|tens)\b"
)
_LEAD = 24  # room for a qualifier before the number ("no fewer than", "an estimated")


def _matches(text: str) -> list[re.Match[str]]:
    low = text.lower()
    if len(low) != len(text):  # lowercasing changed offsets; search the whole text
        return list(_PATTERN.finditer(text))
    out: list[re.Match[str]] = []
    end = 0
    for a in _ANCHOR.finditer(low):
        if a.start() < end:
            continue
        lo = max(end, a.start() - _LEAD)
        while lo > end and not text[lo - 1].isspace():
            lo -= 1
        for m in _PATTERN.finditer(text, lo, min(len(text), a.end() + 40)):
            if m.end() > a.start() and m.start() >= end:
                out.append(m)
                end = m.end()
                break
    return out


def _quantity(m: re.Match[str], text: str) -> tuple[float, str, bool, int] | None:
    """(value, unit, approximate, end of phrase) for one match; None when it is not a count."""
    approximate = bool(m.group("approx"))
    end = m.end()
    if m.group("vague"):
        value = float(_VAGUE[m.group("vague").lower()])
        approximate = True
    else:
        num, mult, cur = m.group("num"), m.group("mult"), m.group("cur")
        low = num.lower()
        if low in ("a", "an", "half a") and not mult:
            return None  # "a" alone is an article
        if _YEARLIKE.fullmatch(num) and not (mult or cur or approximate or m.group("pct")):
            return None  # a year
        before = text[max(0, m.start() - 8) : m.start()].lower()
        if not num[0].isdigit() and not cur and _DEFINITE.search(before):
            return None  # "the two leaders": a reference, not a count
        value = _number(num, mult)
        if cur:
            return value, _CURRENCY_SIGNS[cur.lower()], approximate, _after_money(text, end)
    if m.group("pct"):
        return value, "percent", approximate, end
    unit, noun_end = _noun(text, end)
    if unit in _CURRENCY_WORDS:
        return value, _CURRENCY_WORDS[unit], approximate, noun_end
    if not unit or unit in ("of", "another", "time", "times"):
        return None
    if unit in _TIME_UNITS and (
        _IN_WITHIN.search(text[max(0, m.start() - 8) : m.start()]) or _OFFSET.match(text, noun_end)
    ):
        return None  # "the first time in 24 years", "three months after": time, not a count
    return value, unit, approximate, noun_end


def _after_money(text: str, end: int) -> int:
    m = _MONEY_FOR.match(text, end)
    return m.end() if m else end
