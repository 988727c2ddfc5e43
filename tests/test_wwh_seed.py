"""The seed article (published 2024-10-30): dates, places and quantities of hand-made events."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.model import Event, Evidence, Plover, TextSpan
from dyad.nlp import load
from dyad.nlp.sentences import split_sentences
from dyad.wwh import attach

SEED = Path("/work/shared/examples/seed-article.txt")


def _event(text: str, trigger: str, after: str | None = None) -> Event:
    start = text.index(trigger, text.index(after) if after else 0)
    span = TextSpan(trigger, start, start + len(trigger))
    return Event(
        "seed", trigger, 0, "", None, None, "000", "00", 0, 0.0, Plover("OTHER"), "asserted",
        Evidence(span, "test"),
    )  # fmt: skip


@pytest.fixture(scope="module", params=["blank", "dyad"])
def seed_events(request: pytest.FixtureRequest) -> dict[str, Event]:
    if not SEED.exists():  # the shared examples live outside the repository
        pytest.skip(f"seed article not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    nlp = load(request.param)
    doc = nlp(text)
    if not doc.has_annotation("DEP"):
        doc = split_sentences(doc)
    events = [
        _event(text, "visit", "state visit"),
        _event(text, "treaty"),
        _event(text, "sanctions", "impose wide-ranging"),
        _event(text, "blown"),
        _event(text, "deployed"),
        _event(text, "grinding"),
        _event(text, "briefed"),
    ]
    return {e.event_id: e for e in attach(doc, events, "2024-10-30")}


def test_wwh_seed_dates(seed_events: dict[str, Event]) -> None:
    """The seed's events get the dates their clauses state, resolved against 2024-10-30."""
    got = {k: (e.date, e.date_precision) for k, e in seed_events.items()}
    assert got["visit"] == ("2024-06", "month")
    assert got["treaty"] == ("2024-06", "month")
    assert got["sanctions"] == ("2017", "year")
    assert got["blown"] == ("2024-09", "month")
    assert got["deployed"] in {("2024-10-28", "day"), ("2024-10", "month")}
    assert got["briefed"] == ("2024-10-30", "publication")


def test_wwh_seed_places(seed_events: dict[str, Event]) -> None:
    """The visit is in Pyongyang, the fighting at Pokrovsk (Donetsk region), sanctions nowhere."""
    visit = seed_events["visit"].location
    assert visit is not None and (visit.name, visit.country) == ("Pyongyang", "PRK")
    fight = seed_events["grinding"].location
    assert fight is not None and (fight.name, fight.country, fight.admin1) == (
        "Pokrovsk",
        "UKR",
        "Donetsk Oblast",
    )
    assert (
        seed_events["sanctions"].location is None
    )  # "sanctions on Pyongyang": a target, not a place
    assert seed_events["visit"].evidence.location is not None
    assert seed_events["visit"].evidence.location.text == "Pyongyang"


def test_wwh_seed_quantities(seed_events: dict[str, Event]) -> None:
    """The deployment carries its 10,000 troops and nothing else; the briefing its 32 allies."""
    deployed = seed_events["deployed"].quantities
    assert [(q.value, q.unit, q.approximate) for q in deployed] == [(10000, "troops", True)]
    briefed = seed_events["briefed"].quantities
    assert [(q.value, q.unit) for q in briefed] == [(32, "allies")]
    assert seed_events["visit"].quantities == ()
