"""Quantities: numbers with their nouns, money, percentages, vague plurals and ratios."""

from __future__ import annotations

from dyad.wwh.dates import find_dates
from dyad.wwh.quantities import find_quantities


def _q(text: str) -> list[tuple[object, ...]]:
    skip = [(d.start, d.end) for d in find_dates(text)]
    return [(q.value, q.unit, q.approximate) for q in find_quantities(text, skip=skip)]


def test_quantities_approximate_counts() -> None:
    """Qualifiers ("around", "at least", "more than") make a count approximate."""
    assert _q("deployed around 10,000 troops") == [(10000, "troops", True)]
    assert _q("at least 12 people were killed") == [(12, "people", True)]
    assert _q("more than 1,000 civilians fled") == [(1000, "civilians", True)]
    assert _q("32 Nato allies") == [(32, "allies", False)]


def test_quantities_money_and_percent() -> None:
    """Currency signs and multipliers give the full value in ISO currency units; % is percent."""
    assert _q("$1.5bn in aid") == [(1_500_000_000, "USD", False)]
    assert _q("£2.5bn on warships") == [(2_500_000_000, "GBP", False)]
    assert _q("500 million dollars in compensation") == [(500_000_000, "USD", False)]
    assert _q("40% of the grid") == [(40, "percent", False)]


def test_quantities_words_and_vague_plurals() -> None:
    """Number words, dozens and "hundreds of" are counted; vague plurals are approximate."""
    assert _q("hundreds of drones") == [(100, "drones", True)]
    assert _q("two dozen soldiers") == [(24, "soldiers", False)]
    assert _q("a million refugees") == [(1_000_000, "refugees", False)]
    assert _q("5 million barrels of oil") == [(5_000_000, "barrels", False)]
    assert _q("Forty-two people died") == [(42, "people", False)]


def test_quantities_ratio() -> None:
    """ "one X for every 30 Y" is one quantity with a denominator, not two counts."""
    (q,) = find_quantities(
        "one Russian interpreter will be deployed for every 30 North Korean troops"
    )
    assert (q.value, q.unit, q.per, q.per_unit) == (1, "interpreter", 30, "troops")


def test_quantities_not_years_dates_ordinals() -> None:
    """Years, dates, ordinals, model names and "the two leaders" are not quantities."""
    assert _q("the Korean War in 1953") == []
    assert _q("on 28 October the Pentagon said") == []
    assert _q("its fourth year and the 24th day") == []
    assert _q("the Covid-19 pandemic and F-16 jets") == []
    assert _q("the two leaders had met") == []
    assert _q("for the first time in 24 years") == []


def test_quantities_offsets_point_into_text() -> None:
    """Start/end are document offsets (shifted by ``offset``) that cut out the phrase."""
    text = "Officials said around 10,000 troops arrived."
    (q,) = find_quantities(text, offset=100)
    assert q.start is not None and q.end is not None
    assert text[q.start - 100 : q.end - 100] == q.text == "around 10,000 troops"


def test_quantities_time_offsets_are_not_counts() -> None:
    """ "three months after", "two days earlier" place an event in time; they count nothing."""
    assert _q("less than three months after Russia invaded") == []
    assert _q("two days earlier the army withdrew") == []
    assert _q("the ceasefire held for 48 hours") == [(48, "hours", False)]


def test_quantities_unit_stops_at_prepositions() -> None:
    """ "about 100 drones towards its territory" counts drones, never a preposition."""
    assert _q("Iran launched about 100 drones towards its territory") == [(100, "drones", True)]
    assert _q("it fired 40 rockets across the border") == [(40, "rockets", False)]


def test_quantities_approximate_share() -> None:
    """ "About one in five children" is an approximate ratio of children to children."""
    (q,) = find_quantities("About one in five children is out of school.")
    assert (q.value, q.unit, q.approximate, q.per, q.per_unit) == (
        1,
        "children",
        True,
        5,
        "children",
    )
