"""Coordinated nationalities before one agent noun code one event per nationality."""

from __future__ import annotations

import dyad


def _dyads(text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.code if e.source else None, e.cameo[:2], e.target.code if e.target else None)
        for e in dyad.extract(text, date="2021-03-01")
        if e.factuality == "asserted"
    }


def test_two_nationalities_one_agent_two_sources() -> None:
    """'German and Dutch activists protested in Moscow': both groups protested."""
    dyads = _dyads("German and Dutch activists staged a protest outside the embassy in Moscow.")
    sources = {s for s, root, _ in dyads if root == "14"}
    assert {"DEUOPP", "NLDOPP"} <= sources, dyads
