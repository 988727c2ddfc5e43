"""A party's claim that another committed violence is also coded as an accusation (1123)."""

from __future__ import annotations

import pytest

import dyad


def _codes(text: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in dyad.extract(text, date="2024-05-01")
        if e.factuality == "asserted"
    }


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("The United States said that Iraq had attacked Kuwait.", "USA", "IRQ"),
        ("Ukraine claimed that Russian troops shelled Kharkiv overnight.", "UKR", "RUSMIL"),
        # a government accuses an armed group of its own country
        ("Nigeria said that Boko Haram fighters had attacked a village in Borno.", "NGA", "NGAREB"),
    ],
)
def test_claimed_violence_is_an_accusation(text: str, accuser: str, accused: str) -> None:
    """The reported deed stays coded, and the speaker accuses its author."""
    codes = _codes(text)
    assert ("1123", accuser, accused) in codes
    assert any(code[:2] in {"18", "19", "20"} for code, _, _ in codes)


@pytest.mark.parametrize(
    "text",
    [
        # a trailing "…, officials said" is the report's sourcing, not a claim
        "Iraqi forces attacked Kuwait, US officials said.",
        # a country does not accuse its own forces
        "Russia's defence ministry said that Russian forces had shelled Kharkiv.",
        # unnamed gunmen are nobody to accuse
        "Kenya said that gunmen had attacked a bus near Mandera.",
        # a group telling its own deed claims it, it does not accuse itself
        "Hezbollah said that its fighters had fired rockets at an Israeli army post.",
    ],
)
def test_no_accusation_from_sourcing_or_own_side(text: str) -> None:
    assert not any(code == "1123" for code, _, _ in _codes(text))
