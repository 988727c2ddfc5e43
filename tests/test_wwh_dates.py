"""Date expressions: found by our patterns, resolved against the publication date."""

from __future__ import annotations

import pytest

from dyad.wwh.dates import find_dates, parse_pub, resolve

PUB = parse_pub("2024-10-30")  # a Wednesday


def _one(
    text: str, future: bool = False, pub: str | None = "2024-10-30"
) -> tuple[str | None, str | None]:
    found = find_dates(text)
    assert len(found) == 1, found
    ref = resolve(found[0], parse_pub(pub), future)
    assert ref is not None
    return ref.value, ref.precision


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on 28 October", False, ("2024-10-28", "day")),
        ("on October 28, 2024", False, ("2024-10-28", "day")),
        ("in June", False, ("2024-06", "month")),
        ("in June", True, ("2025-06", "month")),
        ("in 2017", False, ("2017", "year")),
        ("since August", False, ("2024-08", "month")),
        ("two years ago", False, ("2022", "year")),
        ("overnight", False, ("2024-10-29", "day")),
        ("earlier this month", False, ("2024-10", "month")),
        ("on Tuesday", False, ("2024-10-29", "day")),
        ("on Tuesday", True, ("2024-11-05", "day")),
        ("within days", True, ("2024-11", "month")),
        ("yesterday", False, ("2024-10-29", "day")),
        ("last month", False, ("2024-09", "month")),
        ("this year", False, ("2024", "year")),
        ("last week", False, ("2024-10", "month")),
        ("next week", True, ("2024-11", "month")),
        ("in May 2023", False, ("2023-05", "month")),
        ("in April last year", False, ("2023-04", "month")),
        ("28/10/2024", False, ("2024-10-28", "day")),
    ],
)
def test_dates_resolve_expressions(text: str, future: bool, expected: tuple[str, str]) -> None:
    """Each documented expression resolves to the documented value and precision."""
    assert _one(text, future) == expected


def test_dates_on_or_before_publication_for_past_weekday() -> None:
    """A weekday in a past-tense clause is the publication day itself when it matches."""
    assert _one("on Wednesday") == ("2024-10-30", "day")
    assert _one("last Wednesday") == ("2024-10-23", "day")


def test_dates_day_month_without_year_rolls_back() -> None:
    """A past "on 5 November" published in October is last year's, a future one this year's."""
    assert _one("on 5 November") == ("2023-11-05", "day")
    assert _one("on 5 November", future=True) == ("2024-11-05", "day")


def test_dates_relative_needs_publication_date() -> None:
    """Relative expressions cannot be placed without a publication date; absolute ones can."""
    (mention,) = find_dates("on Tuesday")
    assert resolve(mention, None) is None
    (absolute,) = find_dates("on 24 February 2022")
    ref = resolve(absolute, None)
    assert ref is not None and ref.value == "2022-02-24"


def test_dates_not_numbers_or_modal_may() -> None:
    """Counts, durations, lowercase "may" and "within hours of" are not dates."""
    assert find_dates("in 24 years") == []
    assert find_dates("the army may attack") == []
    assert find_dates("Within hours of the first reports") == []
    assert find_dates("2,000 troops") == []


def test_dates_full_date_beats_preposition_month() -> None:
    """ "since August 2022" is August 2022, not the most recent August."""
    (mention,) = find_dates("since August 2022")
    ref = resolve(mention, PUB)
    assert ref is not None and (ref.value, ref.precision) == ("2022-08", "month")


def test_dates_invalid_day_is_skipped() -> None:
    """An impossible date ("31 February") resolves to nothing instead of raising."""
    (mention,) = find_dates("on 31 February 2023")
    assert resolve(mention, PUB) is None


def test_dates_bad_publication_date_is_ignored() -> None:
    """A publication date that is not ISO is treated as absent (with a warning), not a crash."""
    assert parse_pub("30/10/2024") is None
    assert parse_pub("2024-10-30T08:00:00Z") == PUB


def test_dates_day_of_month_ordinal() -> None:
    """ "on the 15th" is that day of the publication month; "the 24th day" is no date."""
    assert _one("on the 15th") == ("2024-10-15", "day")
    assert _one("on the 2nd", future=True) == ("2024-11-02", "day")
    assert find_dates("on the 24th day of the siege") == []
    assert find_dates("the 3rd Assault Brigade") == []


def test_dates_quarters_have_year_precision() -> None:
    """ "the third quarter" is the year of the latest third quarter (no quarter precision)."""
    assert _one("in the third quarter", pub="2024-10-31") == ("2024", "year")
    assert _one("in the third quarter", pub="2024-02-10") == ("2023", "year")
    assert _one("in the fourth quarter", future=True, pub="2024-10-31") == ("2024", "year")
    assert _one("in the first quarter of 2023") == ("2023", "year")
