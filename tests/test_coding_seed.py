"""Golden test: the seed article (late October 2024) codes its main events, with the bundled
pipeline. Each expectation names a dyad, a CAMEO code prefix and the sentence's key words, so the
test checks the event itself, not just that some event exists."""

from __future__ import annotations

from pathlib import Path

import pytest

import dyad
from dyad.model import Event

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed-article.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/examples is not mounted")


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return dyad.extract(SEED.read_text(encoding="utf-8"), date="2024-10-30")


def _country(a: object) -> str | None:
    return None if a is None else (a.country or a.igo)  # type: ignore[attr-defined]


def find(
    events: list[Event], source: str, target: str | None, code: str, words: str
) -> list[Event]:
    """Asserted events of ``source`` → ``target`` whose code starts with ``code`` in a sentence
    containing ``words``."""
    return [
        e
        for e in events
        if e.factuality == "asserted"
        and _country(e.source) == source
        and (target is None or _country(e.target) == target)
        and e.cameo.startswith(code)
        and words in e.sentence
    ]


MAIN_EVENTS = [
    ("PRK", "RUS", "07", "deployed around 10,000 troops"),  # the deployment: military aid
    ("PRK", "RUS", "07", "supplying artillery shells"),  # shells and missiles
    ("RUS", "PRK", "042", "travelled to Pyongyang"),  # Putin's state visit
    ("RUS", "PRK", "051", "praised"),  # praise of Kim's support
    ("RUS", "PRK", "057", "mutual defence treaty"),  # the treaty, both ways
    ("PRK", "RUS", "057", "mutual defence treaty"),
    ("RUS", "UKR", "19", "Donetsk"),  # grinding forwards in the Donetsk region
    ("RUS", "UKR", "19", "power grid"),  # bombarding Ukraine's power grid
    ("RUS", "PRK", "163", "sanctions on Pyongyang"),  # the 2017 sanctions
    ("CHN", "PRK", "163", "sanctions on Pyongyang"),
    ("PRK", "KOR", "17", "road and rail links"),  # blowing up the links
    ("KOR", None, "13", "sit idle"),  # Yoon's warning
    ("KOR", "UKR", "033", "providing weapons"),  # Seoul considering weapons for Ukraine
    ("KOR", "NATO", "064", "briefed"),  # briefing NATO allies
    ("RUS", "KOR", "13", "consequences for the security"),  # Moscow threatening Seoul
    ("NATO", None, "13", "significant escalation"),  # Rutte's warning
    ("UKR", None, "13", "world war"),  # Zelensky's warning
]


@pytest.mark.parametrize(("source", "target", "code", "words"), MAIN_EVENTS)
def test_coder_seed_main_event(
    events: list[Event], source: str, target: str | None, code: str, words: str
) -> None:
    """Each main event of the seed article is coded, asserted, with its dyad and code."""
    found = find(events, source, target, code, words)
    assert found, f"no asserted {source}->{target} {code}* in the sentence with {words!r}"


def test_coder_seed_dates_of_main_events(events: list[Event]) -> None:
    """The treaty is dated June 2024, the sanctions 2017, the blown-up links September 2024."""
    assert {e.date for e in find(events, "RUS", "PRK", "057", "treaty")} == {"2024-06"}
    assert {e.date for e in find(events, "RUS", "PRK", "163", "sanctions")} == {"2017"}
    assert {e.date for e in find(events, "PRK", "KOR", "17", "rail links")} == {"2024-09"}


def test_coder_seed_speculation_is_never_asserted(events: list[Event]) -> None:
    """'North Korean troops might not actually cross the border…' gives no asserted event of theirs."""
    spec = [
        e
        for e in events
        if "might not actually cross" in e.sentence and _country(e.source) == "PRK"
    ]
    assert all(e.factuality != "asserted" for e in spec)


def test_coder_seed_evidence_points_at_the_text(events: list[Event]) -> None:
    """Every trigger and actor span is the text at its offsets in the document."""
    text = SEED.read_text(encoding="utf-8")
    for e in events:
        t = e.evidence.trigger
        assert text[t.start : t.end] == t.text
        for a in (e.source, e.target, e.attribution):
            if a is not None:
                assert text[a.start : a.end] == a.text


def test_coder_seed_deployment_is_attributed_to_the_pentagon(events: list[Event]) -> None:
    """'the Pentagon confirmed … reports that North Korea has deployed …': attributed to USA."""
    found = find(events, "PRK", "RUS", "07", "deployed around 10,000 troops")
    assert found and all(e.attribution and e.attribution.country == "USA" for e in found)
